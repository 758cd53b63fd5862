//! Scenarios side by side: each against the scenario it is compared with (the baseline or
//! another, chosen here or in its assumptions), on the same simulated futures (common random
//! numbers). One row per scenario, so eight stay readable on a laptop and a tablet; what
//! differs between each pair; the paired differences over time; and each financial year's
//! cost against the budget.
//!
//! * [`money`]: signed differences and their ranges in one unit;
//! * [`parts`]: what the gap is made of, for every scenario;
//! * [`summary`]: the short summary near the top of the page;
//! * [`years`]: the year-by-year table of cost against budget.

pub mod money;
pub mod parts;
pub mod summary;
pub mod years;

use std::rc::Rc;

use engine::metrics::Unit;
use engine::report::{Comparison, Report, ScenarioReport, Stat};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::app::state::{Action, ReportRc, WorkAction};
use crate::app::view;
use crate::charts::DifferenceChart;
use crate::format;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub report: ReportRc,
    /// The doc each of the report's scenarios came from.
    pub doc_ids: Vec<u32>,
    /// The baseline as validated and its doc id (where the budget is set).
    pub baseline: Option<(u32, Rc<engine::ValidScenario>)>,
    pub dispatch: Callback<Action>,
}

/// What the comparison table's figures are, on hover over their headings: total cost, cost
/// difference, average gap, gap difference, expected overspend.
const HEAD_TITLES: [&str; 5] = [
    "The scenario's placement cost over the period, strategies' running costs included: the median of the simulated futures, then the range 8 in 10 of them fall in.",
    "The scenario's total cost minus that of what it is compared with, future by future on the same simulated futures: the median, then the range 8 in 10 fall in. Negative: it costs less.",
    "Children without a placement that meets their needs (no suitable placement, or placed below their assessed need), averaged over the months of the period: the median, then the range 8 in 10 futures fall in.",
    "The scenario's average gap minus that of what it is compared with, future by future on the same simulated futures, in children: the median, then the range 8 in 10 fall in. Negative: a smaller gap.",
    "The average amount by which the year's cost exceeds its budget, counting every future within budget as \u{00a3}0, with its simulation noise.",
];

/// The median and, on a line of its own, the range 8 in 10 futures fall in.
fn amount(unit: Unit, s: &Stat) -> String {
    format!(
        "{}\n({})",
        format::value(unit, s.p50),
        format::range(unit, s.p10, s.p90)
    )
}

/// A chance with its simulation noise under it, as every other chance in the app is given:
/// "76%" over "(± 1.3 points)".
pub fn chance(p: f64, runs: u64) -> String {
    format!(
        "{}\n({})",
        format::probability(p),
        format::plus_minus(Unit::BasisPoints, engine::report::probability_se(p, runs))
    )
}

/// A paired difference: its median and range, in one unit. A sign is never left at the
/// end of a line (a word joiner holds it to its number).
pub fn difference(unit: Unit, s: &Stat) -> String {
    format!(
        "{}\n({})",
        money::signed_with_range(unit, s.p50, s.p10, s.p90),
        money::signed_range(unit, s.p10, s.p90)
    )
    .replace('\u{2212}', "\u{2212}\u{2060}")
    .replace('+', "+\u{2060}")
}

/// The comparison of scenario `i` (none for the baseline).
pub fn comparison(r: &Report, i: usize) -> Option<&Comparison> {
    i.checked_sub(1).and_then(|j| r.comparisons.get(j))
}

#[function_component]
pub fn Compare(props: &CompareProps) -> Html {
    let r = &props.report.0;
    if r.comparisons.is_empty() {
        return html! {
            <section class="compare empty" id="compare" aria-labelledby="compare-title">
                <h2 id="compare-title">{ "Compare scenarios" }</h2>
                <p class="muted">{ "Add a strategy above, or build a scenario on the baseline and change it, to compare it with the baseline on the same simulated futures." }</p>
            </section>
        };
    }
    let period = r
        .comparisons
        .first()
        .map(|c| c.period.clone())
        .unwrap_or_default();
    let year = r
        .scenarios
        .first()
        .and_then(|s| view::last_full_year(r, s))
        .map(|(y, _)| y.year.clone())
        .unwrap_or_default();
    let rows = r
        .scenarios
        .iter()
        .enumerate()
        .map(|(i, s)| row(props, r, i, s, &year));
    let months = Rc::new(r.month_labels.clone());
    let diff = |key: &str, title: &str, unit: Unit, id: &str| {
        let series = Rc::new(view::differences(r, key));
        let title = format!("{title}: difference from what each is compared with");
        html! { <div class="fan-with-note">
            <DifferenceChart {title} {unit} months={months.clone()} {series} runs={r.runs} id={id.to_string()} />
            { super::scrutiny::bands::note(r.uncertainty) }
        </div> }
    };
    // The largest simulation noise of a chance in the table (largest near 50%).
    let worst_se = r
        .comparisons
        .iter()
        .flat_map(|c| [c.probability_cheaper, c.probability_less_gap])
        .map(|p| engine::report::probability_se(p, r.runs))
        .fold(0.0, f64::max);
    let chance_title = |what: &str| {
        format!(
            "The share of the {} simulated futures in which the scenario {what} than what it is compared with. Simulation noise moves it by at most {} (one standard error).",
            format::count(r.runs as f64),
            format::plus_minus(Unit::BasisPoints, worst_se)
        )
    };
    let differences = r.comparisons.iter().enumerate().map(|(j, c)| {
        let items = c.differences.iter().map(|d| {
            html! {
                <li data-path={d.path.clone()}>
                    <span class="what">{ &d.label }</span>{ ": " }
                    <span class="this">{ &d.this }</span>
                    { format!(" in {}, against ", c.name) }
                    <span class="other">{ &d.other }</span>{ format!(" in {}", c.baseline) }
                </li>
            }
        });
        html! {
            <div class="pair-differences" id={format!("differences-{}", j + 1)}>
                <h4>{ format!("{} against {}", c.name, c.baseline) }</h4>
                if c.differences.is_empty() {
                    <p class="muted">{ "No assumption or lever differs: any difference in the results is chance alone (it should be none, as both run on the same futures)." }</p>
                } else {
                    <ul>{ for items }</ul>
                }
            </div>
        }
    });
    html! {
        <section class="compare" id="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{ "Compare scenarios" }</h2>
            <p class="muted">{ format!("Every scenario runs on the same simulated futures (common random numbers), so each paired difference is the effect of what differs between the two scenarios, listed below the table. Costs and gaps are {period}; negative differences are cheaper or a smaller gap. Figures: the median, then the range 8 in 10 futures fall in.") }</p>
            <p class="data-note">{ &r.data_note }</p>
            <div class="table-wrap">
                <table class="compare-table" id="comparison-table">
                    <caption>{ format!("Each scenario against what it is compared with, {period}") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Scenario" }</th>
                            <th scope="col">{ "Compared with" }</th>
                            <th scope="col" class="num" title={HEAD_TITLES[0]}>{ format!("Total cost {period}") }</th>
                            <th scope="col" class="num" title={HEAD_TITLES[1]}>{ "Cost difference (paired)" }</th>
                            <th scope="col" class="num" title={chance_title("costs less")}>{ "Chance it costs less" }</th>
                            <th scope="col" class="num" title={HEAD_TITLES[2]}>{ "Average gap, children" }</th>
                            <th scope="col" class="num" title={HEAD_TITLES[3]}>{ "Gap difference (paired)" }</th>
                            <th scope="col" class="num" title={chance_title("has a smaller gap")}>{ "Chance of a smaller gap" }</th>
                            <th scope="col" class="num" title={HEAD_TITLES[4]}>{ format!("Expected overspend FY{year}") }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <parts::GapParts report={props.report.clone()} />
            <details class="differences" id="comparison-differences" open=true>
                <summary>{ "What differs in each comparison (assumptions and levers, both values)" }</summary>
                { for differences }
            </details>
            <years::BudgetYears report={props.report.clone()} baseline={props.baseline.clone()} dispatch={props.dispatch.clone()} />
            <div class="charts">
                { diff("cost", "Monthly cost", Unit::Pounds, "chart-diff-cost") }
                { diff("gap", "Sufficiency gap", Unit::Children, "chart-diff-gap") }
                { diff("in_house_share", "In-house share (in percentage points)", Unit::BasisPoints, "chart-diff-in-house") }
                { diff("moves", "Placement moves a month", Unit::Count, "chart-diff-moves") }
            </div>
        </section>
    }
}

/// One scenario's row: its figures and, after the baseline, its comparison.
fn row(props: &CompareProps, r: &Report, i: usize, s: &ScenarioReport, year: &str) -> Html {
    let fy = s.years.iter().find(|y| y.year == year);
    let c = comparison(r, i);
    let dash = || "\u{2014}".to_string();
    let cell = |label: &str, text: String| {
        html! { <td class="num" data-label={label.to_string()}>{ text }</td> }
    };
    // The exact figures, for checking (the text is rounded).
    let exact = |label: &str, text: String, value: Option<f64>| {
        html! { <td class="num" data-label={label.to_string()} data-value={value.map(|v| v.to_string())}>{ text }</td> }
    };
    let chooser = match (c, props.doc_ids.get(i)) {
        (Some(c), Some(&doc)) => {
            let dispatch = props.dispatch.clone();
            let ids = props.doc_ids.clone();
            let onchange = Callback::from(move |e: Event| {
                let el = e.target_unchecked_into::<HtmlSelectElement>();
                if let Some(&with) = el.value().parse::<usize>().ok().and_then(|k| ids.get(k)) {
                    dispatch.emit(WorkAction::CompareWith { doc, with }.into());
                }
            });
            let options = r.scenarios.iter().enumerate().filter(|(k, _)| *k != i).map(|(k, o)| {
                html! { <option value={k.to_string()} selected={k == c.against}>{ o.name.clone() }</option> }
            });
            html! {
                <td data-label="Compared with">
                    <label class="visually-hidden" for={format!("compare-with-{i}")}>{ format!("Compare {} with", s.name) }</label>
                    <select id={format!("compare-with-{i}")} class="compare-with" {onchange}>{ for options }</select>
                </td>
            }
        }
        _ => html! { <td data-label="Compared with" class="muted">{ "baseline" }</td> },
    };
    html! {
        <tr id={format!("compare-row-{i}")}>
            <th scope="row" data-label="Scenario">{ s.name.clone() }</th>
            { chooser }
            { cell("Total cost", amount(Unit::Pounds, &s.total_cost)) }
            { exact("Cost difference", c.map(|c| difference(Unit::Pounds, &c.total_cost_difference)).unwrap_or_else(dash), c.map(|c| c.total_cost_difference.mean)) }
            { exact("Chance it costs less", c.map(|c| chance(c.probability_cheaper, r.runs)).unwrap_or_else(dash), c.map(|c| c.probability_cheaper)) }
            { cell("Average gap", amount(Unit::Children, &s.mean_gap)) }
            { cell("Gap difference", c.map(|c| difference(Unit::Children, &c.mean_gap_difference)).unwrap_or_else(dash)) }
            { cell("Chance of a smaller gap", c.map(|c| chance(c.probability_less_gap, r.runs)).unwrap_or_else(dash)) }
            { exact("Expected overspend", fy.map(view::expected_overspend).unwrap_or_else(dash), fy.map(|y| y.expected_overspend.mean)) }
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::chance;

    #[test]
    fn a_chance_in_the_table_carries_its_noise() {
        // sqrt(0.76 * 0.24 / 1000) = 0.0135: 1.4 points.
        assert_eq!(chance(0.76, 1000), "76%\n(\u{00b1} 1.4 points)");
        assert!(
            chance(0.5, 100).ends_with("(\u{00b1} 5.0 points)"),
            "{}",
            chance(0.5, 100)
        );
    }
}
