//! Formatting of numbers for people: pounds, children, shares, probabilities and months.
//!
//! Every function accepts any `f64` (NaN and infinities give [`MISSING`]) and never panics.
//! Negative numbers use the true minus sign (U+2212), ranges an en dash with spaces.

use engine::metrics::Unit;
use engine::rounding::round_to;

mod change;
mod words;
pub use change::{change_precise, signed_change, tick_change};
pub use words::{
    in_unit, months_in_words, percent, range_in_words, rate_share, reading, RATE_A_YEAR,
};

/// A number to four significant figures without trailing zeros, so a value fitted to a
/// council's returns (0.3673945230201367) reads 0.3674 and one typed with fewer figures
/// (10.2, 245) reads as typed: the quick controls' readings, the fit review's times.
pub fn four_figures(v: f64) -> String {
    if v == 0.0 || !v.is_finite() {
        return if v == 0.0 { "0".into() } else { MISSING.into() };
    }
    let decimals = (3 - v.abs().log10().floor() as i32).clamp(0, 6) as usize;
    let text = format!("{v:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    if text == "-0" {
        "0".into()
    } else {
        text
    }
}

/// Shown in place of a number that is not finite.
pub const MISSING: &str = "n/a";
/// The minus sign used for negative numbers.
pub const MINUS: char = '\u{2212}';

const MONTHS_LONG: [&str; 12] = engine::types::MONTH_NAMES;
const MONTHS_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Headline format: children etc. as whole numbers ("1,642"), pounds compact ("£27.4M",
/// "£412k", "£3,950"), shares as percentages with one decimal ("34.1%").
pub fn value(unit: Unit, v: f64) -> String {
    match unit {
        Unit::Pounds => pounds(v),
        Unit::BasisPoints => share(v),
        Unit::Children | Unit::Households | Unit::Places | Unit::Count => count(v),
    }
}

/// Table format: whole pounds ("£27,412,300"), shares with two decimals ("34.12%"), counts
/// with one decimal ("1,642.4").
pub fn value_precise(unit: Unit, v: f64) -> String {
    match unit {
        Unit::Pounds => with_sign(v, |m| format!("£{}", grouped(m, 0))),
        Unit::BasisPoints => with_sign(v * 100.0, |m| format!("{}%", grouped(m, 2))),
        Unit::Children | Unit::Households | Unit::Places | Unit::Count => {
            with_sign(v, |m| grouped(m, 1))
        }
    }
}

/// Compact pounds: "£27.4M" from a million up, "£412k" from 100,000, else "£3,950".
pub fn pounds(v: f64) -> String {
    if !v.is_finite() {
        return MISSING.into();
    }
    let a = v.abs();
    // Decide on the rounded magnitude, so 999,960 shows as "£1.0M", not "£1000k".
    if round_to(a / 1e6, 1) >= 1.0 {
        pounds_millions(v)
    } else if round_to(a, 0) >= 100_000.0 {
        with_sign(v / 1e3, |m| format!("£{}k", grouped(m, 0)))
    } else {
        with_sign(v, |m| format!("£{}", grouped(m, 0)))
    }
}

/// Pounds in millions with one decimal: "£27.4M", "£0.4M", "£1,250.0M".
pub fn pounds_millions(v: f64) -> String {
    with_sign(v / 1e6, |m| format!("£{}M", grouped(m, 1)))
}

/// A share 0-1 as a percentage with one decimal: 0.341 → "34.1%".
pub fn share(v: f64) -> String {
    with_sign(v * 100.0, |m| format!("{}%", grouped(m, 1)))
}

/// A whole number with thousands separators: 1642.4 → "1,642".
pub fn count(v: f64) -> String {
    with_sign(v, |m| grouped(m, 0))
}

/// A difference with an explicit sign: "+£1.2M", "−3", and "0" when it rounds to nothing.
pub fn signed(unit: Unit, v: f64) -> String {
    signed_with(v, |m| value(unit, m))
}

/// A difference with an explicit sign, its size shown by `show` (given the size, never
/// negative): "+1.7", "−£1.4M", and no sign when it shows as nothing ("0.0").
pub fn signed_with(v: f64, show: impl Fn(f64) -> String) -> String {
    if !v.is_finite() {
        return MISSING.into();
    }
    let magnitude = show(v.abs());
    if !has_nonzero_digit(&magnitude) {
        magnitude
    } else if v < 0.0 {
        format!("{MINUS}{magnitude}")
    } else {
        format!("+{magnitude}")
    }
}

/// A probability 0-1 as a whole percentage, never claiming certainty from a finite sample:
/// "83%", "<1%", ">99%".
pub fn probability(p: f64) -> String {
    if !p.is_finite() {
        MISSING.into()
    } else if p < 0.01 {
        "<1%".into()
    } else if p > 0.99 {
        ">99%".into()
    } else {
        format!("{}%", round_to(p * 100.0, 0).clamp(1.0, 99.0))
    }
}

/// "a" or "an" before a figure as it is read aloud: "an 88% chance", "an 11% chance", "an
/// 8% chance", but "a 79% chance" and "a <1% chance" (read "less than").
pub fn article(figure: &str) -> &'static str {
    let digits: String = figure.chars().take_while(|c| c.is_ascii_digit()).collect();
    // Eight..., eleven, eighteen (also as "11,000": eleven thousand).
    let an = digits.starts_with('8') || digits == "11" || digits == "18";
    if an {
        "an"
    } else {
        "a"
    }
}

/// The Monte Carlo error of a figure (one standard error, from simulation noise alone),
/// compact for tables: "± 1.6 points" for a share or probability (0-1), "± £41k" for
/// pounds, "± 2.3" for children and other counts (one decimal below 10).
pub fn plus_minus(unit: Unit, se: f64) -> String {
    if !se.is_finite() {
        return MISSING.into();
    }
    let se = se.abs();
    match unit {
        // In millions when the figure it qualifies is (a cost tile's error is tens of
        // thousands): "± £0.09M", not "± £92,886".
        Unit::Pounds if se >= 10_000.0 => {
            format!("± £{}M", grouped(se / 1e6, 2))
        }
        Unit::Pounds => format!("± {}", pounds(se)),
        Unit::BasisPoints => format!("± {} points", grouped(se * 100.0, 1)),
        _ if se < 10.0 => format!("± {}", grouped(se, 1)),
        _ => format!("± {}", grouped(se, 0)),
    }
}

/// The Monte Carlo error of a headline figure in words: "± 1.6 points from simulation
/// noise" (see [`plus_minus`]).
pub fn noise(unit: Unit, se: f64) -> String {
    if !se.is_finite() {
        return MISSING.into();
    }
    format!("{} from simulation noise", plus_minus(unit, se))
}

/// The Monte Carlo error of a probability or share (0-1) in percentage points:
/// "± 1.6 points from simulation noise".
pub fn probability_noise(se: f64) -> String {
    noise(Unit::BasisPoints, se)
}

/// A range in headline format: "£25.1M – £29.8M".
pub fn range(unit: Unit, lo: f64, hi: f64) -> String {
    // One unit for both ends: "-£9.4M – +£0.5M", never "-£9.4M – +£467k".
    if unit == Unit::Pounds
        && lo.is_finite()
        && hi.is_finite()
        && round_to(lo.abs().max(hi.abs()) / 1e6, 1) >= 1.0
    {
        return format!("{} \u{2013} {}", pounds_millions(lo), pounds_millions(hi));
    }
    // Below £1M, thousands for both ends once the larger shows in thousands: "£50k – £120k",
    // never "£50,000 – £120k".
    if unit == Unit::Pounds
        && lo.is_finite()
        && hi.is_finite()
        && round_to(lo.abs().max(hi.abs()), 0) >= 100_000.0
    {
        let k = |v: f64| with_sign(v / 1e3, |m| format!("£{}k", grouped(m, 0)));
        return format!("{} \u{2013} {}", k(lo), k(hi));
    }
    format!("{} \u{2013} {}", value(unit, lo), value(unit, hi))
}

/// An axis tick label: as few decimals as the tick `step` needs, compact pounds scaled to
/// the largest tick (`max_abs`), so one axis uses one style ("£0", "£2.5M", "£5M").
pub fn tick(unit: Unit, v: f64, step: f64, max_abs: f64) -> String {
    if !v.is_finite() {
        return MISSING.into();
    }
    match unit {
        Unit::Pounds if v == 0.0 => "£0".into(),
        Unit::Pounds => {
            let (div, suffix) = if max_abs >= 1e6 {
                (1e6, "M")
            } else if max_abs >= 1e4 {
                (1e3, "k")
            } else {
                (1.0, "")
            };
            let d = decimals_for(step / div);
            with_sign(v / div, |m| format!("£{}{suffix}", grouped(m, d)))
        }
        Unit::BasisPoints => {
            let d = decimals_for(step * 100.0);
            with_sign(v * 100.0, |m| format!("{}%", grouped(m, d)))
        }
        Unit::Children | Unit::Households | Unit::Places | Unit::Count => {
            with_sign(v, |m| grouped(m, decimals_for(step)))
        }
    }
}

/// "2020-07" → "July 2020"; anything else is returned unchanged.
pub fn month_long(label: &str) -> String {
    match parse_month(label) {
        Some((y, m)) => format!("{} {y}", MONTHS_LONG[m as usize - 1]),
        None => label.to_string(),
    }
}

/// "2020-07" → "Jul 2020"; anything else is returned unchanged.
pub fn month_short(label: &str) -> String {
    match parse_month(label) {
        Some((y, m)) => format!("{} {y}", MONTHS_SHORT[m as usize - 1]),
        None => label.to_string(),
    }
}

/// Parses "YYYY-MM" into (year, month 1-12).
pub fn parse_month(label: &str) -> Option<(i32, u32)> {
    let m: engine::calendar::YearMonth = label.parse().ok()?;
    Some((m.year(), m.month()))
}

/// Decimals needed to tell ticks `step` apart (0 for steps of 1 or more, at most 6).
fn decimals_for(step: f64) -> usize {
    if !step.is_finite() || step <= 0.0 {
        return 0;
    }
    let mut d = 0;
    let mut s = step;
    while d < 6 && (s - s.round()).abs() > 1e-9 * s.abs().max(1.0) {
        s *= 10.0;
        d += 1;
    }
    d
}

/// Formats `v` with `fmt` applied to its magnitude, prefixing the minus sign only when the
/// displayed magnitude is not zero (no "−0").
fn with_sign(v: f64, fmt: impl Fn(f64) -> String) -> String {
    if !v.is_finite() {
        return MISSING.into();
    }
    let s = fmt(v.abs());
    if v < 0.0 && has_nonzero_digit(&s) {
        format!("{MINUS}{s}")
    } else {
        s
    }
}

fn has_nonzero_digit(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit() && c != '0')
}

/// A non-negative number with `decimals` decimals (halves rounded up, as people expect,
/// not to even) and comma thousands separators.
fn grouped(magnitude: f64, decimals: usize) -> String {
    let m = magnitude.abs();
    let rounded = round_to(m, decimals);
    let s = format!(
        "{:.*}",
        decimals,
        if rounded.is_finite() { rounded } else { m }
    );
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_as_the_figure_is_read() {
        for (figure, a) in [
            ("88%", "an"),
            ("8%", "an"),
            ("11%", "an"),
            ("18%", "an"),
            ("79%", "a"),
            ("1%", "a"),
            ("<1%", "a"),
            (">99%", "a"),
            ("110%", "a"),
            ("180%", "a"),
        ] {
            assert_eq!(article(figure), a, "{figure}");
        }
    }

    #[test]
    fn simulation_noise_in_words() {
        assert_eq!(
            probability_noise(0.0158),
            "± 1.6 points from simulation noise"
        );
        assert_eq!(
            noise(Unit::BasisPoints, 0.0158),
            "± 1.6 points from simulation noise"
        );
        assert_eq!(noise(Unit::Children, 2.34), "± 2.3 from simulation noise");
        assert_eq!(noise(Unit::Children, 12.6), "± 13 from simulation noise");
        assert_eq!(
            noise(Unit::Pounds, 41_200.0),
            "± £0.04M from simulation noise"
        );
        assert_eq!(
            noise(Unit::Pounds, 412_000.0),
            "± £0.41M from simulation noise"
        );
        assert_eq!(noise(Unit::Children, f64::NAN), MISSING);
        assert_eq!(probability_noise(f64::INFINITY), MISSING);
    }

    #[test]
    fn values_by_unit() {
        assert_eq!(value(Unit::Children, 642.4), "642");
        assert_eq!(value(Unit::Children, 1642.5), "1,643");
        assert_eq!(value(Unit::Places, 0.2), "0");
        assert_eq!(value(Unit::Count, 1_234_567.0), "1,234,567");
        assert_eq!(value(Unit::Pounds, 27_412_300.0), "£27.4M");
        assert_eq!(value(Unit::Pounds, 3_950.0), "£3,950");
        assert_eq!(value(Unit::Pounds, 412_345.0), "£412k");
        assert_eq!(value(Unit::BasisPoints, 0.341), "34.1%");
        assert_eq!(value(Unit::Households, -3.0), "\u{2212}3");
    }

    #[test]
    fn precise_values() {
        assert_eq!(value_precise(Unit::Pounds, 27_412_300.4), "£27,412,300");
        assert_eq!(value_precise(Unit::BasisPoints, 0.34123), "34.12%");
        assert_eq!(value_precise(Unit::Children, 642.42), "642.4");
        assert_eq!(value_precise(Unit::Children, 1642.42), "1,642.4");
        assert_eq!(value_precise(Unit::Pounds, -1_500.0), "\u{2212}£1,500");
        assert_eq!(value_precise(Unit::Children, -0.01), "0.0");
    }

    #[test]
    fn pounds_boundaries() {
        assert_eq!(pounds(0.0), "£0");
        assert_eq!(pounds(99_999.4), "£99,999");
        assert_eq!(pounds(100_000.0), "£100k");
        assert_eq!(pounds(999_960.0), "£1.0M");
        assert_eq!(pounds(1_250_000.0), "£1.3M");
        assert_eq!(pounds(-2_400_000.0), "\u{2212}£2.4M");
        assert_eq!(pounds(1_234_000_000.0), "£1,234.0M");
        assert_eq!(pounds_millions(400_000.0), "£0.4M");
        assert_eq!(pounds(f64::NAN), MISSING);
    }

    #[test]
    fn shares_and_counts() {
        assert_eq!(share(0.341), "34.1%");
        assert_eq!(share(0.0), "0.0%");
        assert_eq!(share(1.0), "100.0%");
        assert_eq!(share(-0.0001), "0.0%");
        assert_eq!(count(999.5), "1,000");
        assert_eq!(count(f64::INFINITY), MISSING);
    }

    #[test]
    fn signed_differences() {
        assert_eq!(signed(Unit::Pounds, 1_200_000.0), "+£1.2M");
        assert_eq!(signed(Unit::Pounds, -1_200_000.0), "\u{2212}£1.2M");
        assert_eq!(signed(Unit::Children, -3.0), "\u{2212}3");
        assert_eq!(signed(Unit::Children, 0.2), "0");
        assert_eq!(signed(Unit::Children, -0.2), "0");
        assert_eq!(signed(Unit::BasisPoints, 0.012), "+1.2%");
        assert_eq!(signed(Unit::Count, f64::NAN), MISSING);
        assert_eq!(signed_with(1.74, |m| value_precise(Unit::Count, m)), "+1.7");
        assert_eq!(signed_with(-0.04, |m| value_precise(Unit::Count, m)), "0.0");
        assert_eq!(signed_with(-1.4e6, pounds_millions), "\u{2212}£1.4M");
    }

    #[test]
    fn fitted_values_read_to_four_figures_and_typed_ones_as_typed() {
        assert_eq!(four_figures(0.3673945230201367), "0.3674");
        assert_eq!(four_figures(-0.36243151976958266), "-0.3624");
        assert_eq!(four_figures(10.2), "10.2");
        assert_eq!(four_figures(19.7), "19.7");
        assert_eq!(four_figures(245.0), "245");
        assert_eq!(four_figures(0.05), "0.05");
        assert_eq!(four_figures(1234567.0), "1234567");
        assert_eq!(four_figures(30.31), "30.31");
        assert_eq!(four_figures(0.0), "0");
    }

    #[test]
    fn probabilities() {
        assert_eq!(probability(0.83), "83%");
        assert_eq!(probability(0.0), "<1%");
        assert_eq!(probability(0.004), "<1%");
        assert_eq!(probability(0.01), "1%");
        assert_eq!(probability(0.99), "99%");
        assert_eq!(probability(0.996), ">99%");
        assert_eq!(probability(1.0), ">99%");
        assert_eq!(probability(0.625), "63%");
        assert_eq!(probability(f64::NAN), MISSING);
    }

    #[test]
    fn ranges() {
        assert_eq!(
            range(Unit::Pounds, 25_100_000.0, 29_800_000.0),
            "£25.1M \u{2013} £29.8M"
        );
        assert_eq!(range(Unit::Children, 548.0, 620.0), "548 \u{2013} 620");
        // One unit for both ends.
        assert_eq!(
            range(Unit::Pounds, -9_400_000.0, 467_000.0),
            "\u{2212}£9.4M \u{2013} £0.5M"
        );
        assert_eq!(
            range(Unit::Pounds, 50_000.0, 120_000.0),
            "£50k \u{2013} £120k"
        );
        assert_eq!(
            range(Unit::Pounds, 5_000.0, 50_000.0),
            "£5,000 \u{2013} £50,000"
        );
    }

    #[test]
    fn ticks() {
        assert_eq!(tick(Unit::Pounds, 2_500_000.0, 2_500_000.0, 10e6), "£2.5M");
        assert_eq!(tick(Unit::Pounds, 5_000_000.0, 2_500_000.0, 10e6), "£5.0M");
        assert_eq!(tick(Unit::Pounds, 5_000_000.0, 1_000_000.0, 10e6), "£5M");
        assert_eq!(tick(Unit::Pounds, 0.0, 2_500_000.0, 10e6), "£0");
        assert_eq!(tick(Unit::Pounds, 250_000.0, 50_000.0, 400_000.0), "£250k");
        assert_eq!(tick(Unit::Pounds, 500.0, 100.0, 1_000.0), "£500");
        assert_eq!(tick(Unit::BasisPoints, 0.05, 0.05, 0.2), "5%");
        assert_eq!(tick(Unit::BasisPoints, 0.005, 0.005, 0.02), "0.5%");
        assert_eq!(tick(Unit::Children, 1200.0, 200.0, 1200.0), "1,200");
        assert_eq!(tick(Unit::Children, 2.5, 0.5, 3.0), "2.5");
        assert_eq!(tick(Unit::Children, -20.0, 10.0, 20.0), "\u{2212}20");
    }

    #[test]
    fn months() {
        assert_eq!(month_long("2020-07"), "July 2020");
        assert_eq!(month_short("2025-06"), "Jun 2025");
        assert_eq!(month_short("2025-13"), "2025-13");
        assert_eq!(month_long("spring"), "spring");
        assert_eq!(parse_month("2021-01"), Some((2021, 1)));
        assert_eq!(parse_month(""), None);
    }
}
