//! Scenarios and their differences in plain English: a value in its catalogue unit ("5% a
//! year", "£1,250 a week"), a lever in a sentence ("Recruitment boost: enquiries ×1.5 and
//! conversion ×1.2, from month 0, reaching full effect over 12 months; £150,000 a year"), a
//! short summary of levers for a scenario's name ("+50% enquiries, +20% conversion"), and
//! names that are unique within a comparison.

use serde_json::Value;

use crate::scenario::{Lever, LeverKind};

/// A number as written: whole numbers with thousands separators, others to at most
/// `decimals` places with trailing zeros dropped.
pub fn number(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "n/a".into();
    }
    let text = format!(
        "{:.decimals$}",
        crate::rounding::round_to(x.abs(), decimals)
    );
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out = format!("{out}.{frac}");
    }
    if x < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("\u{2212}{out}")
    } else {
        out
    }
}

/// Pounds, whole: "£1,250".
pub fn pounds(x: f64) -> String {
    let n = number(x.round(), 0);
    match n.strip_prefix('\u{2212}') {
        Some(m) => format!("\u{2212}£{m}"),
        None => format!("£{n}"),
    }
}

/// A percentage of a share 0-1: 0.05 → "5%", 0.125 → "12.5%".
fn percent(x: f64) -> String {
    format!("{}%", number(x * 100.0, 1))
}

/// A value in words, in the unit its catalogue entry gives (`unit`), when it is a number;
/// otherwise as [`super::diff::text`] writes it.
pub fn value_in(unit: &str, v: &Value) -> String {
    let Some(x) = v.as_f64() else {
        return super::diff::text(v);
    };
    match unit {
        u if u.starts_with("share") => percent(x),
        u if u.starts_with("yearly rate") => format!("{} a year", percent(x)),
        "£ / week" => format!("{} a week", pounds(x)),
        "£ / year" => format!("{} a year", pounds(x)),
        "£" => pounds(x),
        "multiplier" => format!("\u{d7}{}", number(x, 3)),
        "yearly hazard" => format!("{} a year", number(x, 4)),
        "months" | "days" | "years" | "children" | "homes" | "beds" | "places" | "runs" => {
            format!("{} {unit}", number(x, 2))
        }
        "months from the start" => format!("month {}", number(x, 0)),
        _ => number(x, 4),
    }
}

/// A multiplier as a change: 1.5 → "+50%", 0.7 → "−30%".
fn change(m: f64) -> String {
    let p = (m - 1.0) * 100.0;
    if p >= 0.0 {
        format!("+{}%", number(p, 1))
    } else {
        format!("\u{2212}{}%", number(-p, 1))
    }
}

/// What a lever does, briefly ("+50% enquiries, +20% conversion"; "2 homes, 8 beds").
pub fn lever_short(k: &LeverKind) -> String {
    match k {
        LeverKind::RecruitmentBoost {
            enquiry_multiplier,
            conversion_multiplier,
        } => {
            let mut parts = vec![];
            if *enquiry_multiplier != 1.0 {
                parts.push(format!("{} enquiries", change(*enquiry_multiplier)));
            }
            if *conversion_multiplier != 1.0 {
                parts.push(format!("{} conversion", change(*conversion_multiplier)));
            }
            if parts.is_empty() {
                "no change to recruitment".into()
            } else {
                parts.join(", ")
            }
        }
        LeverKind::AdolescentCarers {
            new_adolescent_share,
            extra_households_per_year,
            ..
        } => format!(
            "{} new households a year, {} of new carers take teenagers",
            number(*extra_households_per_year, 1),
            percent(*new_adolescent_share)
        ),
        LeverKind::Retention {
            attrition_multiplier,
        } => format!("{} carers leaving", change(*attrition_multiplier)),
        LeverKind::NewHomes { homes } => {
            let beds: u32 = homes.iter().map(|h| h.beds).sum();
            let n = homes.len();
            format!(
                "{n} home{}, {beds} bed{}",
                if n == 1 { "" } else { "s" },
                if beds == 1 { "" } else { "s" }
            )
        }
        LeverKind::StepDown {
            children_per_year,
            max_age,
        } => format!(
            "{} children a year aged up to {max_age}",
            number(*children_per_year, 1)
        ),
        LeverKind::EdgeOfCare {
            admissions_multiplier,
        } => format!("{} admissions aged 10+", change(*admissions_multiplier)),
        LeverKind::PermanenceDrive {
            duration_multiplier,
        } => format!("{} time to permanence", change(*duration_multiplier)),
        LeverKind::FrameworkPricing {
            ifa_multiplier,
            residential_multiplier,
        } => format!(
            "agency fostering {}, residential {}",
            change(*ifa_multiplier),
            change(*residential_multiplier)
        ),
        LeverKind::SupportedAccommodation {
            places,
            weekly_cost,
        } => format!("{places} places at {} a week", pounds(*weekly_cost)),
    }
}

/// A lever in a sentence, with its timing and cost.
pub fn lever_sentence(l: &Lever) -> String {
    let what = match &l.kind {
        LeverKind::NewHomes { homes } => {
            let each: Vec<String> = homes
                .iter()
                .map(|h| {
                    format!(
                        "{}: {} beds ({} usable), ages {}\u{2013}{}, opening in month {}, {} a week",
                        h.name,
                        h.beds,
                        h.usable_beds,
                        h.min_age,
                        h.max_age,
                        h.open_month,
                        pounds(h.weekly_cost)
                    )
                })
                .collect();
            format!("{} ({})", lever_short(&l.kind), each.join("; "))
        }
        LeverKind::AdolescentCarers {
            weekly_fee_uplift, ..
        } => format!(
            "{}, fee uplift {} a week",
            lever_short(&l.kind),
            pounds(*weekly_fee_uplift)
        ),
        k => lever_short(k),
    };
    let ramp = if l.ramp_months > 0 {
        format!(", reaching full effect over {} months", l.ramp_months)
    } else {
        String::new()
    };
    format!(
        "{}: {what}, from month {}{ramp}; {} a year",
        l.kind.label(),
        l.start_month,
        pounds(l.annual_cost)
    )
}

/// Levers in sentences, one after another ("none" when there are none).
pub fn levers_sentences(levers: &[Lever]) -> String {
    if levers.is_empty() {
        return "none".into();
    }
    levers
        .iter()
        .map(lever_sentence)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The name of a new scenario pulling `levers`: `lead` (a strategy's name, or the levers'
/// labels) with what the levers do in brackets, and the base it is built on when that is
/// not the baseline: "Recruit more carers (+50% enquiries, +20% conversion) on Shock".
pub fn scenario_name(lead: Option<&str>, levers: &[Lever], on: Option<&str>) -> String {
    let lead = match lead {
        Some(l) => l.to_string(),
        None if levers.is_empty() => "Changes".into(),
        None => levers
            .iter()
            .map(|l| l.kind.label())
            .collect::<Vec<_>>()
            .join(" + "),
    };
    // The strategy's name may already say it ("In-house homes (16 + 2 beds)"), and a long
    // list of levers makes a name no one reads: then the name alone.
    let detail: Vec<String> = if lead.contains('(') || levers.len() > 2 {
        vec![]
    } else {
        levers.iter().map(|l| lever_short(&l.kind)).collect()
    };
    let mut name = if detail.is_empty() {
        lead
    } else {
        format!("{lead} ({})", detail.join("; "))
    };
    if let Some(on) = on {
        name = format!("{name} on {on}");
    }
    name
}

/// `wanted`, or when a scenario in `taken` already has that name, the first of
/// "`wanted` (2)", "`wanted` (3)", ... that none has.
pub fn unique_name<'a>(wanted: &str, taken: impl IntoIterator<Item = &'a str> + Clone) -> String {
    let used = |n: &str| taken.clone().into_iter().any(|t| t.trim() == n.trim());
    if !used(wanted) {
        return wanted.to_string();
    }
    (2..)
        .map(|k| format!("{wanted} ({k})"))
        .find(|n| !used(n))
        .unwrap_or_else(|| wanted.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::defaults::strategy;

    #[test]
    fn names_come_from_the_strategy_and_its_levers_and_stay_unique() {
        let recruit = strategy("recruit").unwrap();
        let name = scenario_name(Some(&recruit.name), &recruit.levers, None);
        assert_eq!(
            name,
            "Recruit more carers (+50% enquiries, +20% conversion)"
        );
        let retain = strategy("retain").unwrap();
        let on = scenario_name(Some(&retain.name), &retain.levers, Some("Shock"));
        assert_eq!(on, "Retain carers (\u{2212}30% carers leaving) on Shock");
        let homes = strategy("homes").unwrap();
        let named = scenario_name(Some(&homes.name), &homes.levers, None);
        assert_eq!(named, "In-house homes (16 + 2 beds)");
        let mixed = scenario_name(None, &recruit.levers, None);
        assert_eq!(mixed, "Recruitment boost (+50% enquiries, +20% conversion)");
        assert_eq!(unique_name("A", ["B", "C"]), "A");
        assert_eq!(unique_name("A", ["A", "A (2)"]), "A (3)");
        assert_eq!(
            scenario_name(None, &[], Some("Baseline")),
            "Changes on Baseline"
        );
    }

    #[test]
    fn values_and_levers_read_as_english() {
        assert_eq!(
            value_in("yearly rate (0.05 = +5%)", &0.05.into()),
            "5% a year"
        );
        assert_eq!(value_in("share (0-1)", &0.125.into()), "12.5%");
        assert_eq!(value_in("£ / week", &1250.0.into()), "£1,250 a week");
        assert_eq!(value_in("multiplier", &1.2.into()), "\u{d7}1.2");
        assert_eq!(value_in("months", &18.into()), "18 months");
        let homes = strategy("homes").unwrap();
        let s = lever_sentence(&homes.levers[0]);
        assert!(s.starts_with("New in-house children's homes: "), "{s}");
        assert!(
            s.contains("beds (") && s.contains("a week") && s.contains("a year"),
            "{s}"
        );
        assert!(!s.contains('{') && !s.contains('_'), "{s}");
    }
}
