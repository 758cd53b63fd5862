//! Signed figures for comparisons: a difference's range in one unit ("−£9.4M to +£0.5M",
//! never "−£9.4M to +£467k"), chosen from the larger end. Ranges of amounts (not
//! differences) are `format::range`.

use engine::metrics::Unit;

use crate::format;

/// The unit both ends of a pounds range are shown in: millions, thousands or pounds.
fn pounds_scale(lo: f64, hi: f64) -> (f64, &'static str, usize) {
    let a = lo.abs().max(hi.abs());
    if (a / 1e6 * 10.0).round() / 10.0 >= 1.0 {
        (1e6, "M", 1)
    } else if a.round() >= 100_000.0 {
        (1e3, "k", 0)
    } else {
        (1.0, "", 0)
    }
}

fn signed_in(v: f64, scale: f64, suffix: &str, decimals: usize) -> String {
    let m = v.abs() / scale;
    let text = format!("{m:.decimals$}");
    let zero = text.chars().all(|c| c == '0' || c == '.');
    let sign = if zero {
        ""
    } else if v < 0.0 {
        "\u{2212}"
    } else {
        "+"
    };
    let grouped = group(&text);
    format!("{sign}£{grouped}{suffix}")
}

/// Thousands separators on the whole part of a plain decimal text.
fn group(text: &str) -> String {
    let (whole, frac) = text
        .split_once('.')
        .map_or((text, None), |(w, f)| (w, Some(f)));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{out}.{f}"),
        None => out,
    }
}

/// A signed difference range in one unit: "−£9.4M to +£0.5M".
pub fn signed_range(unit: Unit, lo: f64, hi: f64) -> String {
    if unit == Unit::Pounds {
        let (scale, suffix, d) = pounds_scale(lo, hi);
        format!(
            "{} to {}",
            signed_in(lo, scale, suffix, d),
            signed_in(hi, scale, suffix, d)
        )
    } else {
        format!(
            "{} to {}",
            format::signed(unit, lo),
            format::signed(unit, hi)
        )
    }
}

/// A signed difference in the unit of its range (so the median and its range agree).
pub fn signed_with_range(unit: Unit, v: f64, lo: f64, hi: f64) -> String {
    if unit == Unit::Pounds {
        let (scale, suffix, d) = pounds_scale(lo.abs().max(v.abs()), hi);
        signed_in(v, scale, suffix, d)
    } else {
        format::signed(unit, v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_keeps_one_unit() {
        assert_eq!(
            signed_range(Unit::Pounds, -9.4e6, 467_000.0),
            "\u{2212}£9.4M to +£0.5M"
        );
        assert_eq!(
            signed_range(Unit::Pounds, -344_000.0, 1.9e6),
            "\u{2212}£0.3M to +£1.9M"
        );
        assert_eq!(
            signed_range(Unit::Pounds, -120_000.0, 400_000.0),
            "\u{2212}£120k to +£400k"
        );
        assert_eq!(
            signed_range(Unit::Pounds, -1_200.0, 3_400.0),
            "\u{2212}£1,200 to +£3,400"
        );
        assert_eq!(signed_range(Unit::Pounds, 0.0, 2e6), "£0.0M to +£2.0M");
        assert_eq!(
            signed_with_range(Unit::Pounds, 343_000.0, -1.2e6, 1.7e6),
            "+£0.3M"
        );
        assert_eq!(
            signed_range(Unit::Children, -9.0, -2.0),
            "\u{2212}9 to \u{2212}2"
        );
    }
}
