//! The short comparison summary near the top of the page, once there are two or more
//! scenarios: which costs least and which closes most of the gap, each with its chance
//! against what it is compared with, linked to the detail.

use engine::metrics::Unit;
use engine::report::Report;
use yew::prelude::*;

use super::{comparison, difference};
use crate::app::state::ReportRc;
use crate::format;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub report: ReportRc,
}

/// The index of the scenario with the lowest median of `key`.
fn lowest(r: &Report, key: impl Fn(usize) -> f64) -> Option<usize> {
    (0..r.scenarios.len()).min_by(|a, b| key(*a).total_cmp(&key(*b)))
}

/// What the pick's comparison says, in words ("against Baseline: 37% chance it costs
/// less; −£0.3M (−£1.2M to +£0.8M) over the 5 years").
fn against(r: &Report, i: usize, cost: bool) -> String {
    let Some(c) = comparison(r, i) else {
        return "it is the baseline: see how each scenario compares with it below".into();
    };
    let (p, what, stat, unit) = if cost {
        (
            c.probability_cheaper,
            "costs less",
            &c.total_cost_difference,
            Unit::Pounds,
        )
    } else {
        (
            c.probability_less_gap,
            "has a smaller gap",
            &c.mean_gap_difference,
            Unit::Children,
        )
    };
    format!(
        "against {}: {} chance it {what}; difference {} {}",
        c.baseline,
        format::probability(p),
        difference(unit, stat).replace('\n', " "),
        c.period
    )
}

#[function_component]
pub fn CompareSummary(props: &SummaryProps) -> Html {
    let r = &props.report.0;
    if r.scenarios.len() < 2 {
        return html! {};
    }
    let period = r
        .comparisons
        .first()
        .map(|c| c.period.clone())
        .unwrap_or_default();
    let cheapest = lowest(r, |i| r.scenarios[i].total_cost.p50);
    let smallest_gap = lowest(r, |i| r.scenarios[i].mean_gap.p50);
    let line = |id: &str, lead: &str, i: Option<usize>, cost: bool| {
        let Some(i) = i else { return html! {} };
        let s = &r.scenarios[i];
        let figure = if cost {
            format!(
                "{} total cost {period} (median)",
                format::value(Unit::Pounds, s.total_cost.p50)
            )
        } else {
            format!(
                "average gap {} children {period} (median)",
                format::value(Unit::Children, s.mean_gap.p50)
            )
        };
        html! {
            <li id={id.to_string()} data-scenario={i.to_string()}>
                <strong>{ lead }</strong>{ " " }<span class="pick">{ s.name.clone() }</span>
                { format!(": {figure}; {}.", against(r, i, cost)) }
            </li>
        }
    };
    html! {
        <section class="compare-summary" id="compare-summary" aria-labelledby="compare-summary-title">
            <h2 id="compare-summary-title">{ format!("In short: {} scenarios compared", r.scenarios.len()) }</h2>
            <ul>
                { line("summary-cheapest", "Costs least:", cheapest, true) }
                { line("summary-gap", "Closes most of the gap:", smallest_gap, false) }
            </ul>
            <p class="muted">{ "Medians of the simulated futures; chances are on the same futures (paired). " }
                <a href="#compare">{ "See the comparison in detail" }</a></p>
        </section>
    }
}
