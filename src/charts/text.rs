//! The words around a chart: its accessible summary, caption and legend sentences. Pure.

use engine::metrics::Unit;
use engine::report::Stat;

use super::Series;
use crate::format;

pub const LEGEND_INTRO: &str = "Each month is read on its own:";
pub const MEDIAN: &str =
    "Median (middle line): half of the simulated futures are above it, half below.";
pub const BAND_25_75: &str =
    "Darkest band: in 5 of 10 simulated futures that month\u{2019}s value falls inside it (25th to 75th percentile).";
pub const BAND_10_90: &str = "Darkest and middle bands together: in 8 of 10 simulated futures that month\u{2019}s value falls inside them (10th to 90th percentile).";
pub const BAND_5_95: &str = "All three bands together: in 9 of 10 simulated futures that month\u{2019}s value falls inside them (5th to 95th percentile).";
pub const ZERO_LINE: &str =
    "Zero line: no difference from what the scenario is compared with (named with it: \u{201c}against\u{201d}). Below zero = lower than that; above zero = higher than that.";

/// Words for the dash pattern of comparison line `k` (see `palette::DASHES`).
pub const DASH_NAMES: [&str; 8] = [
    "dashed",
    "dotted",
    "dash-dot",
    "long-dashed",
    "dash-dot-dot",
    "dash-dash-dot",
    "widely dotted",
    "long-dash-dot-dot",
];

/// The label at the end of the previous result's faint trace.
pub const TRACE: &str = "Before";

/// Legend sentence for a comparison series drawn with dash pattern `k`.
pub fn comparison(label: &str, k: usize) -> String {
    let dash = DASH_NAMES[k % DASH_NAMES.len()];
    format!(
        "{label}: median (thick {dash} line); in 8 of 10 of its simulated futures that month\u{2019}s value falls between the thin {dash} lines (10th to 90th percentile)."
    )
}

/// Legend sentence for the thin sample lines.
pub fn samples(n: usize) -> String {
    if n == 1 {
        "Thin grey line: one simulated future on its own, to show how a single future wanders."
            .into()
    } else {
        format!("Thin grey lines: {n} simulated futures on their own, to show how single futures wander.")
    }
}

/// "July 2020 to June 2025" (or one month, or nothing).
pub fn horizon(months: &[String]) -> String {
    match (months.first(), months.last()) {
        (Some(a), Some(b)) if months.len() > 1 => {
            format!("{} to {}", format::month_long(a), format::month_long(b))
        }
        (Some(a), _) => format::month_long(a),
        _ => String::new(),
    }
}

/// "Based on 1,000 simulated futures, July 2020 to June 2025."
pub fn caption(runs: u64, months: &[String]) -> String {
    caption_with("Based on", runs, months)
}

/// "Averages over 1,000 simulated futures, July 2020 to June 2025."
pub fn caption_means(runs: u64, months: &[String]) -> String {
    caption_with("Averages over", runs, months)
}

fn caption_with(lead: &str, runs: u64, months: &[String]) -> String {
    let futures = match runs {
        0 => return "No simulated futures yet.".into(),
        1 => "1 simulated future".to_string(),
        n => format!("{} simulated futures", format::count(n as f64)),
    };
    let h = horizon(months);
    if h.is_empty() {
        format!("{lead} {futures}.")
    } else {
        format!("{lead} {futures}, {h}.")
    }
}

fn last_stat<'a>(s: &'a Series, months: &[String]) -> Option<(&'a Stat, &'a Stat, usize)> {
    let n = s.stats.len().min(months.len());
    Some((s.stats.first()?, s.stats.get(n.checked_sub(1)?)?, n - 1))
}

/// The accessible summary of a fan chart, e.g. "Children in care: median falls from 601 in
/// July 2020 to 585 by June 2025; in 8 of 10 simulated futures June 2025 is between 548
/// and 620." Differences are written with signs.
pub fn fan_summary(
    title: &str,
    unit: Unit,
    months: &[String],
    series: &[Series],
    difference: bool,
) -> String {
    let fmt = |v: f64| {
        if difference {
            format::signed_change(unit, v)
        } else {
            format::value(unit, v)
        }
    };
    let Some((main, (first, last, i))) = series
        .first()
        .and_then(|s| Some((s, last_stat(s, months)?)))
    else {
        return format!("{title}: no results yet.");
    };
    let (start, end) = (
        format::month_long(&months[0]),
        format::month_long(&months[i]),
    );
    let (a, b) = (fmt(first.p50), fmt(last.p50));
    let what = if difference {
        "median difference"
    } else {
        "median"
    };
    let mut out = format!("{title}: ");
    if series.len() > 1 {
        out.push_str(&format!("{}, ", main.label));
    }
    if i == 0 || a == b {
        out.push_str(&format!("{what} about {b} by {end}"));
    } else {
        let verb = if last.p50 > first.p50 {
            "rises"
        } else {
            "falls"
        };
        out.push_str(&format!(
            "{what} {verb} from {a} in {start} to {b} by {end}"
        ));
    }
    out.push_str(&format!(
        "; in 8 of 10 simulated futures {end} is between {} and {}",
        fmt(last.p10),
        fmt(last.p90)
    ));
    for s in series.iter().skip(1) {
        if let Some((_, l, _)) = last_stat(s, months) {
            out.push_str(&format!("; {}, {what} {} by {end}", s.label, fmt(l.p50)));
        }
    }
    out.push('.');
    out
}

/// The accessible summary of a stacked chart: the total and each layer in the last month.
pub fn stacked_summary(
    title: &str,
    unit: Unit,
    months: &[String],
    layers: &[(String, Vec<f64>)],
) -> String {
    let Some(i) = months.len().checked_sub(1) else {
        return format!("{title}: no results yet.");
    };
    let at = |v: &[f64]| {
        v.get(i)
            .copied()
            .filter(|x| x.is_finite() && *x > 0.0)
            .unwrap_or(0.0)
    };
    let total: f64 = layers.iter().map(|(_, v)| at(v)).sum();
    let parts: Vec<String> = layers
        .iter()
        .map(|(l, v)| format!("{l} {}", format::value(unit, at(v))))
        .collect();
    format!(
        "{title}: average by {}, stacked; in {} the total is {} ({}).",
        if layers.len() == 1 {
            "one group"
        } else {
            "group"
        },
        format::month_long(&months[i]),
        format::value(unit, total),
        parts.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::test_data::{months, stat};

    #[test]
    fn captions() {
        assert_eq!(
            caption(1000, &months(60)),
            "Based on 1,000 simulated futures, July 2020 to June 2025."
        );
        assert_eq!(
            caption(1, &months(1)),
            "Based on 1 simulated future, July 2020."
        );
        assert_eq!(caption(0, &months(3)), "No simulated futures yet.");
        assert_eq!(
            caption_means(250, &[]),
            "Averages over 250 simulated futures."
        );
    }

    #[test]
    fn fan_summaries() {
        let s = Series {
            label: "Baseline".into(),
            stats: vec![stat(601.0), stat(590.0), stat(585.0)],
        };
        assert_eq!(
            fan_summary(
                "Children in care",
                Unit::Children,
                &months(3),
                std::slice::from_ref(&s),
                false
            ),
            "Children in care: median falls from 601 in July 2020 to 585 by September 2020; \
             in 8 of 10 simulated futures September 2020 is between 565 and 605."
        );
        let other = Series {
            label: "Recruit".into(),
            stats: vec![stat(600.0), stat(570.0)],
        };
        let text = fan_summary("Gap", Unit::Children, &months(2), &[s.clone(), other], true);
        assert_eq!(
            text,
            "Gap: Baseline, median difference falls from +601 in July 2020 to +590 by August 2020; \
             in 8 of 10 simulated futures August 2020 is between +570 and +610; Recruit, median difference +570 by August 2020."
        );
        assert_eq!(
            fan_summary("X", Unit::Count, &[], &[s], false),
            "X: no results yet."
        );
        let flat = Series {
            label: "F".into(),
            stats: vec![stat(5.0), stat(5.2)],
        };
        assert!(fan_summary("F", Unit::Count, &months(2), &[flat], false)
            .starts_with("F: median about 5 by August 2020"));
    }

    #[test]
    fn stacked_summaries() {
        let layers = vec![
            ("Foster".to_string(), vec![300.0, 310.0]),
            ("Homes".to_string(), vec![40.0]),
        ];
        assert_eq!(
            stacked_summary("Placements", Unit::Children, &months(2), &layers),
            "Placements: average by group, stacked; in August 2020 the total is 310 (Foster 310, Homes 0)."
        );
        assert_eq!(
            stacked_summary("P", Unit::Children, &[], &layers),
            "P: no results yet."
        );
    }

    #[test]
    fn legend_sentences() {
        assert!(comparison("Recruit", 5).contains("dash-dash-dot"));
        assert!(
            comparison("Recruit", 9).contains("thick dotted"),
            "eight patterns, cycled"
        );
        assert!(samples(3).starts_with("Thin grey lines: 3"));
        assert!(samples(1).starts_with("Thin grey line: one"));
    }
}
