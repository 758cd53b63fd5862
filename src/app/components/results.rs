//! Results of one scenario: headline tiles for the end of the horizon (the sufficiency
//! measures each with its one-line definition; every figure with its Monte Carlo error) and
//! charts over time (other scenarios' medians drawn for comparison), each chart with its
//! table.

use std::rc::Rc;

use engine::metrics::Unit;
use engine::report::probability_se;
use yew::prelude::*;

use super::glossary::headline;
use crate::app::state::ReportRc;
use crate::app::view;
use crate::charts::{FanChart, ProbabilityTile, StackedChart, Tile};
use crate::format;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub report: ReportRc,
    /// Index of the scenario shown, in the report.
    pub shown: usize,
    pub complete: bool,
}

const CHARTS: [(&str, &str, &str); 5] = [
    ("in_care", "Children in care", "chart-in-care"),
    (
        "gap",
        "Sufficiency gap: children without a placement that meets their needs",
        "chart-gap",
    ),
    (
        "places_filled",
        "In-house foster places filled",
        "chart-places-filled",
    ),
    (
        "places_vacant",
        "In-house foster places vacant",
        "chart-places-vacant",
    ),
    ("cost", "Placement cost per month", "chart-cost"),
];

#[function_component]
pub fn Results(props: &ResultsProps) -> Html {
    let r = &props.report.0;
    let Some(s) = r.scenarios.get(props.shown) else {
        return html! {};
    };
    let months = Rc::new(r.month_labels.clone());
    let end = r
        .month_labels
        .last()
        .map(|l| format::month_long(l))
        .unwrap_or_default();
    let tile = |key: &str, label: &str, id: &str, note: String| match view::last_stat(s, key) {
        Some((unit, stat)) => {
            html! { <Tile label={label.to_string()} {unit} {stat} note={note} id={id.to_string()} /> }
        }
        None => html! {},
    };
    let year = view::last_full_year(r, s);
    let year_tiles = match year {
        Some((y, full)) => {
            let which = if full {
                format!("FY{}", y.year)
            } else {
                format!("FY{} (part year)", y.year)
            };
            html! {
                <>
                    <Tile label={format!("Cost {which}")} unit={Unit::Pounds} stat={y.cost}
                        note={headline("cost")} id="tile-cost" />
                    <ProbabilityTile label={format!("Chance of overspend {which}")} probability={y.probability_overspend}
                        se={probability_se(y.probability_overspend, r.runs)}
                        note={view::overspend_note(y)}
                        id="tile-overspend" />
                </>
            }
        }
        None => html! {},
    };
    let charts = CHARTS.iter().map(|(key, title, id)| {
        let Some(m) = view::metric(s, key) else { return html! {} };
        let series = Rc::new(view::series(r, key, props.shown));
        let samples = Rc::new(view::samples(s, key));
        html! { <div class="fan-with-note">
            <FanChart title={title.to_string()} unit={m.unit} months={months.clone()} {series} runs={r.runs}
                {samples} id={id.to_string()} />
            { super::scrutiny::bands::note(r.uncertainty) }
        </div> }
    });
    let layers = Rc::new(view::placement_layers(s));
    html! {
        <section class="results" id="results" aria-labelledby="results-title" data-complete={props.complete.to_string()}>
            <h2 id="results-title">{ format!("Results: {}", s.name) }</h2>
            <p class="muted">{ format!("At the end of {end}: the median of {} simulated futures, with the range that 8 in 10 of them fall in. The \u{b1} figure is the Monte Carlo error: one standard error from simulation noise, which more runs make smaller.", format::count(r.runs as f64)) }</p>
            <div class="tiles" id="tiles">
                { tile("in_care", "Children in care", "tile-in-care", headline("in_care").into()) }
                { tile("in_house_share", "In-house share", "tile-in-house", headline("in_house_share").into()) }
                { year_tiles }
            </div>
            <h3 class="tiles-title">{ "Sufficiency" }</h3>
            <div class="tiles" id="sufficiency-tiles">
                { for r.definitions.iter().map(|d| tile(&d.key, &d.label, &format!("tile-{}", d.key.replace('_', "-")), d.definition.clone())) }
                { tile("sibling_split_share", "Sibling groups living apart", "tile-sibling-split",
                    engine::metrics::definition("sibling_split_share").into()) }
            </div>
            <div class="charts">
                { for charts }
                <StackedChart title="Placement mix (average children in each type)" unit={Unit::Children} months={months.clone()}
                    {layers} runs={r.runs} id="chart-mix" />
            </div>
        </section>
    }
}
