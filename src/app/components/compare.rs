//! Strategies side by side against the baseline: a table, the chance each is cheaper or
//! closes more of the gap, and the paired differences over time (common random numbers).

use std::rc::Rc;

use engine::metrics::Unit;
use yew::prelude::*;

use crate::app::state::ReportRc;
use crate::app::view;
use crate::charts::{DataTable, DifferenceChart, ProbabilityTile};

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    pub report: ReportRc,
}

#[function_component]
pub fn Compare(props: &CompareProps) -> Html {
    let r = &props.report.0;
    if r.comparisons.is_empty() {
        return html! {
            <section class="compare empty" id="compare" aria-labelledby="compare-title">
                <h2 id="compare-title">{ "Compare strategies" }</h2>
                <p class="muted">{ "Add a strategy above (or duplicate the baseline and change it) to compare it with the baseline, run on the same random draws." }</p>
            </section>
        };
    }
    let baseline = r
        .scenarios
        .first()
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let (columns, rows) = view::comparison_table(r);
    let months = Rc::new(r.month_labels.clone());
    let chances = r.comparisons.iter().enumerate().map(|(i, c)| {
        html! {
            <div class="chance-pair">
                <ProbabilityTile label={format!("{}: chance it costs less than {baseline}", c.name)} probability={c.probability_cheaper}
                    note="Over the whole horizon, same simulated futures" id={format!("tile-cheaper-{}", i + 1)} />
                <ProbabilityTile label={format!("{}: chance of a smaller gap", c.name)} probability={c.probability_less_gap}
                    note="Average gap over the horizon" id={format!("tile-less-gap-{}", i + 1)} />
            </div>
        }
    });
    let diff = |key: &str, title: String, unit: Unit, id: &str| {
        let series = Rc::new(view::differences(r, key));
        html! { <DifferenceChart {title} {unit} months={months.clone()} {series} runs={r.runs} id={id.to_string()} /> }
    };
    html! {
        <section class="compare" id="compare" aria-labelledby="compare-title">
            <h2 id="compare-title">{ format!("Compare strategies with {baseline}") }</h2>
            <p class="muted">{ "Every scenario is run on the same simulated futures (common random numbers), so the paired difference shows the effect of the strategy itself. Negative costs and gaps are better." }</p>
            <DataTable caption="Strategies against the baseline: medians, with the range 8 in 10 simulated futures fall in"
                columns={Rc::new(columns)} rows={Rc::new(rows)} numeric_from={1} id="comparison-table" />
            <div class="tiles chances">{ for chances }</div>
            <div class="charts">
                { diff("cost", format!("Monthly cost: difference from {baseline}"), Unit::Pounds, "chart-diff-cost") }
                { diff("gap", format!("Sufficiency gap: difference from {baseline}"), Unit::Children, "chart-diff-gap") }
                { diff("in_house_share", format!("In-house share: difference from {baseline}"), Unit::BasisPoints, "chart-diff-in-house") }
                { diff("moves", format!("Placement moves a month: difference from {baseline}"), Unit::Count, "chart-diff-moves") }
            </div>
        </section>
    }
}
