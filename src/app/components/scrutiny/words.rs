//! The uncertain assumptions as the scrutiny views say them, in the form's own words
//! ([`crate::format::range_in_words`], [`crate::format::reading`]): a plausible range as
//! "0.1 to 0.3 a year (about 9.5% to 26% each year)", one end of it as "about 9.5% each
//! year", a multiplier of a table as "25% lower than as given", and a change of the
//! reader's own with what it did. No field paths and no distribution names: the engine's
//! bare settings ("16.7", "×0.75") stay for the advanced view and the exports.

use engine::catalog::{self, Scale, Spread};
use engine::sensitivity::what_if::WhatIf;

use crate::format;

/// The catalogue entry of the uncertain assumption at `path`, with its unit.
fn entry(path: &str) -> Option<(&'static Spread, &'static str)> {
    let spread = catalog::uncertain().iter().find(|s| s.path == path)?;
    Some((spread, catalog::param(path).map_or("", |p| p.unit)))
}

/// A price (a weekly fee, price inflation): it changes what the futures cost, never where
/// children live, so it moves no outcome but cost.
pub fn is_price(path: &str) -> bool {
    path.starts_with("costs.")
}

/// Whether a price can move an outcome in `unit`: only an amount of money can.
pub fn prices_move(unit: engine::metrics::Unit) -> bool {
    unit == engine::metrics::Unit::Pounds
}

/// Said where the prices are left out of a chart of an outcome they cannot move.
pub const PRICES_LEFT_OUT: &str =
    "Prices (weekly fees, price inflation) are left out: they change \
    what placements cost, not where children live, so they cannot move this outcome.";

/// The plausible range of the assumption at `path`, as the form shows it beside the field.
pub fn range(path: &str) -> String {
    match entry(path) {
        Some((spread, unit)) => format::range_in_words(unit, spread),
        None => format::MISSING.into(),
    }
}

/// A multiplier of every value of a table, in words: 0.75 → "25% lower than as given",
/// 1.33 → "33% higher than as given", 1 → "as given".
pub fn factor(f: f64) -> String {
    if !f.is_finite() {
        return format::MISSING.into();
    }
    let size = format::percent((f - 1.0).abs());
    if size == "0%" {
        "as given".into()
    } else if f > 1.0 {
        format!("{size} higher than as given")
    } else {
        format!("{size} lower than as given")
    }
}

/// One setting `x` of the assumption at `path` (an end of its range, its built-in value) as
/// the form reads it out: "about 9.5% each year", "25%", "£795 a week", "+4% a year",
/// "12 groups / month"; a multiplier of a table as [`factor`] says it.
pub fn setting(path: &str, x: f64) -> String {
    match entry(path) {
        Some((spread, _)) if spread.scale == Scale::Factor => factor(x),
        Some((_, unit)) => said(unit, x),
        None => format::MISSING.into(),
    }
}

/// A value in the catalogue `unit` as the form reads it out ("about 9.5% each year"), or
/// in the unit itself where the form has no reading for it.
fn said(unit: &str, x: f64) -> String {
    format::reading(unit, x).unwrap_or_else(|| format::in_unit(unit, x))
}

/// The built-in value of the assumption at `path` as [`setting`] says it; `None` for a
/// multiplier of a table (its built-in value is the table as given).
pub fn built_in(path: &str) -> Option<String> {
    let k = catalog::uncertain().iter().position(|s| s.path == path)?;
    let spread = &catalog::uncertain()[k];
    let value = *engine::sim::uncertain::defaults().get(k)?;
    (spread.scale == Scale::Value).then(|| setting(path, value))
}

/// The reader's own change and what it did, in words: "30% more than as given: about 16%
/// each year → about 21% each year" for a single value, "10% more than as given: every one
/// of its 9 values, so the largest, about 26% each year, becomes about 28% each year" for a
/// table, saying when the new value lies beyond the plausible range and when it was held
/// at the most the model allows. `None` without an own change.
pub fn own_change(w: &WhatIf) -> Option<String> {
    let percent = w.own_percent?;
    let (_, unit) = entry(&w.path)?;
    let said = |x: f64| said(unit, x);
    let mut text = engine::sensitivity::what_if::own_words(percent);
    match (w.own_before.as_slice(), w.own_after.as_slice()) {
        ([b], [a]) => {
            text.push_str(&format!(": {} \u{2192} {}", said(*b), said(*a)));
            if w.own_beyond_range {
                text.push_str(&format!(
                    ", beyond the plausible range ({})",
                    range(&w.path)
                ));
            }
        }
        (before, after) if !before.is_empty() && before.len() == after.len() => {
            // The largest value stands for the table: what it was and what it became.
            let k = (0..before.len())
                .max_by(|&i, &j| before[i].total_cmp(&before[j]))
                .unwrap_or(0);
            text.push_str(&format!(
                ": every one of its {} values, so the largest, {}, becomes {}",
                before.len(),
                said(before[k]),
                said(after[k])
            ));
        }
        _ => {}
    }
    if w.own_capped {
        text.push_str("; held at the most the model allows");
    }
    Some(text)
}

/// A label split at spaces into lines of at most `width` characters (a longer word keeps a
/// line of its own), so that a long assumption's name wraps instead of being cut off.
pub fn lines(label: &str, width: usize) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    for word in label.split_whitespace() {
        match out.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_read_as_the_form_reads_them() {
        assert_eq!(
            range("fostering.attrition_early"),
            "0.1 to 0.3 a year (about 9.5% to 26% each year)"
        );
        assert_eq!(
            setting("fostering.attrition_early", 0.1),
            "about 9.5% each year"
        );
        assert_eq!(setting("costs.weekly.ifa", 795.0), "£795 a week");
        assert_eq!(setting("fostering.funnel.to_visit", 0.25), "25%");
        assert_eq!(setting("demand.trend_per_year", 0.04), "+4% a year");
        assert_eq!(
            setting("stability.breakdown_child", 0.75),
            "25% lower than as given"
        );
        assert_eq!(
            setting("stability.breakdown_child", 1.33),
            "33% higher than as given"
        );
        assert_eq!(setting("stability.breakdown_child", 1.0), "as given");
        assert_eq!(setting("nowhere", 1.0), format::MISSING);
        assert!(is_price("costs.weekly.ifa"));
        assert!(!is_price("fostering.attrition_early"));
        assert!(!PRICES_LEFT_OUT.contains("  "), "{PRICES_LEFT_OUT}");
    }

    fn what_if(path: &str, percent: f64, before: &[f64], after: &[f64]) -> WhatIf {
        WhatIf {
            path: path.into(),
            label: String::new(),
            low_text: String::new(),
            high_text: String::new(),
            default_text: String::new(),
            reason: String::new(),
            own_percent: Some(percent),
            own_text: None,
            own_before: before.to_vec(),
            own_after: after.to_vec(),
            own_capped: false,
            own_beyond_range: false,
            runs: 1,
            lines: vec![],
            meaning: String::new(),
        }
    }

    #[test]
    fn an_own_change_says_what_it_did() {
        let w = what_if("fostering.attrition_early", 30.0, &[0.18], &[0.234]);
        assert_eq!(
            own_change(&w).as_deref(),
            Some("30% more than as given: about 16% each year \u{2192} about 21% each year")
        );
        let table = what_if(
            "stability.breakdown_child",
            10.0,
            &[0.12, 0.3, 0.0],
            &[0.132, 0.33, 0.0],
        );
        assert_eq!(
            own_change(&table).as_deref(),
            Some("10% more than as given: every one of its 3 values, so the largest, about 26% each year, becomes about 28% each year")
        );
        let mut far = what_if("markets.ifa_complex_availability", 300.0, &[0.2], &[0.95]);
        far.own_beyond_range = true;
        far.own_capped = true;
        let text = own_change(&far).expect("text");
        assert!(
            text.contains("20% \u{2192} 95%, beyond the plausible range ("),
            "{text}"
        );
        assert!(
            text.ends_with("; held at the most the model allows"),
            "{text}"
        );
        assert_eq!(
            own_change(&WhatIf {
                own_percent: None,
                ..w
            }),
            None
        );
    }

    #[test]
    fn long_labels_wrap_at_spaces() {
        let label = "Chance an agency carer is found for a complex-needs adolescent";
        let l = lines(label, 34);
        assert_eq!(
            l,
            vec![
                "Chance an agency carer is found",
                "for a complex-needs adolescent"
            ]
        );
        assert_eq!(lines("Short", 34), vec!["Short"]);
        assert_eq!(lines("", 34), Vec::<String>::new());
    }
}
