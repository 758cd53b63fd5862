//! Reviewing a fit: every fitted value, group by group, with "estimated from your returns
//! (N periods of care, window dates)", its uncertainty, and the value it replaces; each
//! group taken from the returns or kept as the baseline has it.

use std::rc::Rc;

use engine::catalog::Group;
use engine::ssda903::fit::{FitGroup, FitReport, FittedValue};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::components::fields::{cell_name, columns};
use crate::app::components::prose::plain_paths;
use crate::format::count;
use crate::format::{in_unit, months_in_words};

use crate::app::state::borough::{BoroughAction, BoroughState};
use crate::borough::Outcome;

#[derive(Properties, PartialEq)]
pub struct FitReviewProps {
    pub outcome: Rc<Outcome>,
    pub borough: UseReducerHandle<BoroughState>,
}

/// The field's name in words, as the form names it: its catalogue label, with the element
/// of a table named by its row and column ("Age at entry: 5-9", "How care ends, by age at
/// entry: 5-9, Adoption"); a whole section kept from the baseline by the section's name.
pub fn field_label(field: &str) -> String {
    let Some(param) = engine::catalog::lookup(field) else {
        return match field {
            "fostering" => Group::FosterCarers.label().into(),
            "residential" => "Children\u{2019}s homes".into(),
            "markets" => Group::Markets.label().into(),
            "matching" => Group::Matching.label().into(),
            "costs" => Group::CostsAndBudget.label().into(),
            other => plain_paths(other),
        };
    };
    let indices = field.matches('[').count();
    if indices == 0 {
        return param.label.to_string();
    }
    let base: String = field.split('[').next().unwrap_or(field).to_string();
    let element = cell_name(param, &columns(&base), field);
    format!("{}: {element}", param.label)
}

/// A fitted value in the unit its field means, as the form reads it: a share as a
/// percentage, a yearly growth as "−36% a year", children as a whole number, a time in
/// months (with years when long), a rate "a year".
pub fn value_text(field: &str, v: f64) -> String {
    match months_in_words(v) {
        Some(years) if unit_of(field) == "months" => format!("{} ({years})", in_its_unit(field, v)),
        _ => in_its_unit(field, v),
    }
}

fn unit_of(field: &str) -> &'static str {
    engine::catalog::lookup(field).map_or("", |p| p.unit)
}

/// [`value_text`] without the years beside a long time in months (for ranges).
fn in_its_unit(field: &str, v: f64) -> String {
    match unit_of(field) {
        _ if !v.is_finite() => "\u{2014}".into(),
        u if u.starts_with("children") => count(v),
        "months" => {
            format!("{} months", crate::format::four_figures(v))
        }
        "groups / month" => format!("{} a month", figure(v)),
        "" | "gamma shape" | "log-scale spread" => figure(v),
        u => in_unit(u, v),
    }
}

/// A range in the field's unit, the unit said once: "17.2 to 43.5 months", "10% to 53%",
/// "−65% to −7.8% a year".
pub fn range_text(field: &str, lo: f64, hi: f64) -> String {
    let (a, b) = (in_its_unit(field, lo), in_its_unit(field, hi));
    // The words after the number (" months", " a year"), when both ends share them.
    let suffix = |t: &str| t.find(' ').map(|i| t[i..].to_string());
    match (suffix(&a), suffix(&b)) {
        (Some(x), Some(y)) if x == y && !x.contains('(') => {
            format!("{} to {b}", a.trim_end_matches(x.as_str()))
        }
        _ => format!("{a} to {b}"),
    }
}

/// A number in at most four significant figures.
pub fn figure(v: f64) -> String {
    if !v.is_finite() {
        return "\u{2014}".into();
    }
    if v == 0.0 {
        return "0".into();
    }
    let digits = (3 - v.abs().log10().floor() as i32).clamp(0, 4) as usize;
    format!("{v:.digits$}")
}

/// The "95% range" cell: the interval in the field's unit; for a count of the children on
/// the date, that it is counted (it has no sampling range).
pub fn uncertainty_text(v: &FittedValue) -> String {
    match (v.interval, v.std_error) {
        (Some([lo, hi]), _) => range_text(&v.field, lo, hi),
        (None, Some(se)) => format!("\u{00b1}{}", figure(1.96 * se)),
        _ if v.is_count() => "counted, not estimated".into(),
        _ => "not known (too few data)".into(),
    }
}

/// The "Replaces" cell: the baseline's value in the field's unit, or that the model works
/// it out (an age profile left empty).
pub fn replaces_text(report: &FitReport, v: &FittedValue) -> String {
    if report.default_worked_out_by_model(&v.field) {
        "worked out by the model".into()
    } else {
        value_text(&v.field, v.default)
    }
}

fn row(report: &FitReport, v: &FittedValue) -> Html {
    html! {
        <tr>
            <th scope="row">{ field_label(&v.field) }</th>
            <td class="num fitted">{ value_text(&v.field, v.value) }</td>
            <td class="num">{ uncertainty_text(v) }</td>
            <td class="num muted">{ replaces_text(report, v) }</td>
            <td class="fit-source">{ plain_paths(&v.source) }</td>
        </tr>
    }
}

#[function_component]
pub fn FitReview(props: &FitReviewProps) -> Html {
    let Ok(fit) = &props.outcome.fit else {
        return html! {};
    };
    let b = &*props.borough;
    let groups = FitGroup::ALL.into_iter().map(|g| {
        let values: Vec<&FittedValue> = fit.report.values.iter().filter(|v| v.group == g).collect();
        let on = b.accepted.contains(&g);
        let toggle = {
            let d = props.borough.dispatcher();
            Callback::from(move |e: Event| {
                let yes = e.target_unchecked_into::<HtmlInputElement>().checked();
                d.dispatch(BoroughAction::Accept { group: g, yes })
            })
        };
        let key = format!("{g:?}").to_lowercase();
        html! {
            <div class={classes!("fit-group", (!on).then_some("kept"))} id={format!("fit-group-{key}")}>
                <h4>
                    <label>
                        <input type="checkbox" class="accept-group" checked={on} onchange={toggle} />
                        { format!(" {}", g.label()) }
                    </label>
                    <span class="muted">{ if on { " \u{2014} from your returns" } else { " \u{2014} keeping the baseline\u{2019}s values" } }</span>
                </h4>
                if values.is_empty() {
                    <p class="muted">{ "Nothing fitted in this group (see the notes)." }</p>
                } else {
                    <table class="fit-values">
                        <thead><tr><th>{ "Assumption" }</th><th class="num">{ "Estimated" }</th><th class="num">{ "95% range" }</th><th class="num">{ "Replaces" }</th><th>{ "From" }</th></tr></thead>
                        <tbody>{ for values.into_iter().map(|v| row(&fit.report, v)) }</tbody>
                    </table>
                }
            </div>
        }
    });
    html! {
        <section class="borough-review" id="borough-review">
            <h3>{ "Review the fit" }</h3>
            <p class="muted">{ format!(
                "Each value below is estimated from your returns, {} to {}, beside the baseline value it replaces. Untick a group to keep the baseline\u{2019}s values for it.",
                fit.report.window_from, fit.report.as_at
            ) }</p>
            { for groups }
            if !fit.report.notes.is_empty() {
                <ul class="fit-notes">{ for fit.report.notes.iter().map(|n| html! { <li>{ plain_paths(n) }</li> }) }</ul>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_figures_read_plainly() {
        assert_eq!(figure(1234.567), "1235");
        assert_eq!(figure(0.012345), "0.0123");
        assert_eq!(figure(f64::NAN), "\u{2014}");
        let l = field_label("demand.groups_per_month");
        assert!(!l.contains("demand."), "a catalogue label: {l}");
        // Elements named by their age band and exit route, as the form names them, not
        // by their indices.
        assert_eq!(
            field_label("exits.route_by_entry_age[2][0]"),
            "How care ends, by age at entry: 5-9, Return home"
        );
        assert_eq!(field_label("demand.entry_age[0]"), "Age at entry: under 1");
        assert_eq!(
            field_label("population.age_profile[3]"),
            "Age profile at the start: 10-15"
        );
        assert_eq!(
            field_label("demand.group_size[1]"),
            "Children per admission (sibling groups): 2 children"
        );
        assert_eq!(
            field_label("demand.seasonality[0]"),
            "Seasonal pattern of admissions: January"
        );
        for kept in [
            "demand.seasonality",
            "stability.breakdown_child.emergency",
            "exits.route_by_entry_age[0]",
            "exits.return_home",
            "fostering",
            "costs",
            "fostering.sgo_conversion_share",
        ] {
            let l = field_label(kept);
            assert!(
                !l.contains('.') && !l.contains('[') && !l.contains('_'),
                "{kept}: {l}"
            );
        }
        assert_eq!(
            field_label("exits.route_by_entry_age[0]"),
            "How care ends, by age at entry: under 1"
        );
    }

    #[test]
    fn values_read_in_their_units() {
        assert_eq!(
            value_text("demand.trend_per_year", -0.3624),
            "\u{2212}36% a year"
        );
        assert_eq!(value_text("demand.trend_per_year", 0.05), "+5% a year");
        // Children are counted in whole numbers.
        assert_eq!(value_text("population.children", 1547.0), "1,547");
        assert_eq!(value_text("population.placement_mix.ifa", 4.0), "4");
        assert_eq!(value_text("population.age_profile[3]", 62.0), "62");
        assert_eq!(
            value_text("exits.return_home.mean_months", 30.31),
            "30.31 months (about 2.5 years)"
        );
        assert_eq!(
            value_text("exits.adoption.mean_months", 66.53),
            "66.53 months (about 5.5 years)"
        );
        assert_eq!(
            value_text("exits.adoption.mean_months", 14.41),
            "14.41 months"
        );
        assert_eq!(value_text("exits.route_by_entry_age[2][0]", 0.32), "32%");
        assert_eq!(value_text("demand.entry_age[2]", 0.0357), "3.6%");
        assert_eq!(
            value_text("demand.groups_per_month", 0.3674),
            "0.3674 a month"
        );
        assert_eq!(value_text("exits.return_home.shape", 1.524), "1.524");
        assert_eq!(
            range_text("exits.return_home.mean_months", 32.679, 53.597),
            "32.68 to 53.6 months"
        );
        assert_eq!(
            range_text("demand.trend_per_year", -0.6473, -0.0775),
            "\u{2212}65% to \u{2212}7.8% a year"
        );
        assert_eq!(range_text("demand.entry_age[2]", 0.0, 0.1045), "0% to 10%");
    }

    fn value(field: &str, group: FitGroup, default: f64) -> FittedValue {
        FittedValue {
            field: field.into(),
            group,
            value: 1.0,
            default,
            std_error: None,
            interval: None,
            n: 1547,
            n_of: "children in care on the date".into(),
            source: String::new(),
        }
    }

    #[test]
    fn counts_say_they_are_counted_and_a_profile_the_model_works_out_says_so() {
        let children = value("population.children", FitGroup::StartingPopulation, 601.0);
        assert_eq!(uncertainty_text(&children), "counted, not estimated");
        let profile: Vec<FittedValue> = (0..5)
            .map(|b| {
                value(
                    &format!("population.age_profile[{b}]"),
                    FitGroup::StartingPopulation,
                    0.0,
                )
            })
            .collect();
        let mut report = FitReport {
            as_at: engine::ssda903::Date::parse("2022-03-31").unwrap(),
            window_from: engine::ssda903::Date::parse("2019-04-01").unwrap(),
            values: profile.clone(),
            kept: vec![],
            notes: vec![],
        };
        report.values.push(children.clone());
        assert_eq!(
            replaces_text(&report, &profile[1]),
            "worked out by the model"
        );
        assert_eq!(replaces_text(&report, &children), "601");
        // A profile the baseline gives as figures is shown as they are.
        report.values[0].default = 24.0;
        assert_eq!(replaces_text(&report, &profile[1]), "0");
    }
}
