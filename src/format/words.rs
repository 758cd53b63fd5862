//! Assumptions as people say them: a yearly rate as the share who leave each year, a number
//! of days or months as weeks, months or years, a share as a percentage, and a plausible
//! range in the assumption's own unit. The form shows these beside the number boxes; the
//! numbers typed stay the model's own (a rate, a share 0-1, days).

use engine::catalog::{Scale, Spread};

use super::{count, grouped, with_sign, MISSING};

/// The catalogue unit of a yearly rate at which something happens (carers stop fostering,
/// placements break down).
pub const RATE_A_YEAR: &str = "a year";

/// The share of a group that goes within a year at a steady yearly rate: 1 − e^(−rate)
/// (0.18 a year → 16.5%).
pub fn yearly_share(rate: f64) -> f64 {
    1.0 - (-rate).exp()
}

/// A share 0-1 as a whole percentage, or with one decimal under 10% ("16%", "4.5%").
pub fn percent(v: f64) -> String {
    with_sign(v * 100.0, |m| {
        if m < 9.95 && m != 0.0 {
            format!("{}%", grouped(m, 1).trim_end_matches(".0"))
        } else {
            format!("{}%", grouped(m, 0))
        }
    })
}

/// A yearly rate as the share who go each year: 0.18 → "about 16%".
pub fn rate_share(rate: f64) -> String {
    if !rate.is_finite() || rate < 0.0 {
        return MISSING.into();
    }
    format!("about {}", percent(yearly_share(rate)))
}

/// A number of days in weeks, months or years: 300 → "about 10 months".
pub fn days_in_words(days: f64) -> String {
    if !days.is_finite() || days < 0.0 {
        return MISSING.into();
    }
    match days {
        d if d < 14.0 => format!("{} days", count(d)),
        d if d < 61.0 => format!("about {} weeks", count(d / 7.0)),
        d if d < 730.0 => format!("about {} months", count(d / 30.44)),
        d => format!("about {} years", short(d / 365.25)),
    }
}

/// A number of months in years when that reads better: 30 → "about 2.5 years" (`None`
/// under two years, where months read best).
pub fn months_in_words(months: f64) -> Option<String> {
    (months.is_finite() && months >= 24.0).then(|| format!("about {} years", short(months / 12.0)))
}

/// One decimal, without a trailing ".0".
fn short(v: f64) -> String {
    grouped(v, 1).trim_end_matches(".0").to_string()
}

/// A number in its catalogue unit, as a reader would write it: "£942 a week", "25%",
/// "+4% a year", "0.18 a year", "10 months".
pub fn in_unit(unit: &str, v: f64) -> String {
    if !v.is_finite() {
        return MISSING.into();
    }
    let plain = || format!("{}", (v * 1000.0).round() / 1000.0).replace('-', "\u{2212}");
    match unit {
        "£ / week" => format!("£{} a week", count(v)),
        "£ / year" | "£" => format!("£{}", count(v)),
        u if u.starts_with("share") => percent(v),
        u if u.starts_with("yearly rate") => {
            let p = percent(v);
            if v > 0.0 {
                format!("+{p} a year")
            } else {
                format!("{p} a year")
            }
        }
        RATE_A_YEAR => format!("{} a year", plain()),
        "days" | "months" | "years" => format!("{} {unit}", plain()),
        u if u.starts_with("multiplier") => format!("×{}", plain()),
        u => format!("{} {u}", plain()),
    }
}

/// What a value means in words, for beside its box, when the number alone does not say it
/// plainly: a rate as the share who go each year, days and long spans of months in weeks,
/// months or years, a share as a percentage. `None` when the number says it already.
pub fn reading(unit: &str, v: f64) -> Option<String> {
    if !v.is_finite() {
        return None;
    }
    match unit {
        RATE_A_YEAR => Some(format!("{} each year", rate_share(v))),
        "days" if v >= 14.0 => Some(days_in_words(v)),
        "months" => months_in_words(v),
        u if u.starts_with("share") => Some(percent(v)),
        u if u.starts_with("yearly rate") => Some(in_unit(u, v)),
        _ => None,
    }
}

/// A plausible range in words: "15 to 36 enquiries / month", "£795 to £942 a week",
/// "0.1 to 0.3 a year (about 9.5% to 26% each year)", "0.75 to 1.33 times the values set
/// here".
pub fn range_in_words(unit: &str, spread: &Spread) -> String {
    match spread.scale {
        Scale::Factor => format!(
            "{} to {} times the values set here",
            short2(spread.low),
            short2(spread.high)
        ),
        Scale::Value => {
            let (lo, hi) = (spread.low, spread.high);
            match unit {
                "£ / week" => format!("£{} to £{} a week", count(lo), count(hi)),
                u if u.starts_with("share") => format!("{} to {}", percent(lo), percent(hi)),
                u if u.starts_with("yearly rate") => {
                    let signed = |v: f64| {
                        let p = percent(v);
                        if v > 0.0 {
                            format!("+{p}")
                        } else {
                            p
                        }
                    };
                    format!("{} to {} a year", signed(lo), signed(hi))
                }
                RATE_A_YEAR => format!(
                    "{} to {} a year ({} to {} each year)",
                    short2(lo),
                    short2(hi),
                    rate_share(lo),
                    percent(yearly_share(hi))
                ),
                u => format!("{} to {} {u}", short2(lo), short2(hi)),
            }
        }
    }
}

/// Up to two decimals, without trailing zeros.
fn short2(v: f64) -> String {
    let s = grouped(v, 2);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_read_as_the_share_who_go_each_year() {
        assert_eq!(rate_share(0.18), "about 16%");
        assert_eq!(rate_share(0.13), "about 12%");
        assert_eq!(rate_share(0.05), "about 4.9%");
        assert_eq!(rate_share(0.0), "about 0%");
        assert_eq!(rate_share(f64::NAN), MISSING);
        assert_eq!(
            reading(RATE_A_YEAR, 0.3).as_deref(),
            Some("about 26% each year")
        );
    }

    #[test]
    fn durations_read_in_weeks_months_or_years() {
        assert_eq!(days_in_words(7.0), "7 days");
        assert_eq!(days_in_words(28.0), "about 4 weeks");
        assert_eq!(days_in_words(300.0), "about 10 months");
        assert_eq!(days_in_words(1000.0), "about 2.7 years");
        assert_eq!(months_in_words(14.0), None);
        assert_eq!(months_in_words(30.0).as_deref(), Some("about 2.5 years"));
        assert_eq!(reading("days", 3.0), None);
        assert_eq!(reading("days", 300.0).as_deref(), Some("about 10 months"));
    }

    #[test]
    fn values_and_ranges_in_their_unit() {
        assert_eq!(in_unit("£ / week", 942.0), "£942 a week");
        assert_eq!(in_unit("share (0-1)", 0.347), "35%");
        assert_eq!(in_unit("yearly rate (0.05 = +5%)", 0.04), "+4% a year");
        assert_eq!(
            in_unit("yearly rate (0.05 = +5%)", -0.03),
            "\u{2212}3% a year"
        );
        let s = Spread {
            path: "x",
            scale: Scale::Value,
            low: 0.1,
            high: 0.3,
            reason: "",
        };
        assert_eq!(
            range_in_words(RATE_A_YEAR, &s),
            "0.1 to 0.3 a year (about 9.5% to 26% each year)"
        );
        let f = Spread {
            scale: Scale::Factor,
            low: 0.75,
            high: 1.33,
            ..s
        };
        assert_eq!(
            range_in_words(RATE_A_YEAR, &f),
            "0.75 to 1.33 times the values set here"
        );
        assert_eq!(
            range_in_words(
                "enquiries / month",
                &Spread {
                    low: 15.0,
                    high: 36.0,
                    ..s
                }
            ),
            "15 to 36 enquiries / month"
        );
    }
}
