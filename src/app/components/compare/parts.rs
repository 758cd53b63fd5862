//! What the sufficiency gap is made of, for every scenario: children with no suitable
//! placement and children placed below their assessed need (the two add up to the gap),
//! with the in-house shortfall and children placed at a distance beside them. Each is the
//! average number over the period, with the difference from what the scenario is compared
//! with (a difference of averages, which is the average of the paired differences).

use engine::metrics::Unit;
use yew::prelude::*;

use super::comparison;
use crate::app::state::ReportRc;
use crate::app::view;
use crate::format;

/// The measures shown, in order, with their column headings.
pub const PARTS: [(&str, &str); 4] = [
    ("no_suitable", "No suitable placement"),
    ("below_need", "Below assessed need"),
    ("inhouse_shortfall", "In-house shortfall"),
    ("at_distance", "Placed at a distance"),
];

#[derive(Properties, PartialEq)]
pub struct GapPartsProps {
    pub report: ReportRc,
}

#[function_component]
pub fn GapParts(props: &GapPartsProps) -> Html {
    let r = &props.report.0;
    let period = r
        .comparisons
        .first()
        .map(|c| c.period.clone())
        .unwrap_or_default();
    // Each heading's definition on hover too (they are also listed below the table).
    let definition = |key: &str| {
        r.definitions
            .iter()
            .find(|d| d.key == key)
            .map(|d| d.definition.clone())
    };
    let head = PARTS.iter().map(|(key, label)| {
        html! { <th scope="col" class="num" title={definition(key)}>{ *label }</th> }
    });
    let rows = r.scenarios.iter().enumerate().map(|(i, s)| {
        let c = comparison(r, i);
        let cells = PARTS.iter().map(|(key, label)| {
            let mine = view::horizon_mean(s, key);
            let theirs = c.and_then(|c| view::horizon_mean(r.scenarios.get(c.against)?, key));
            let text = mine
                .map(|m| format::value(Unit::Children, m))
                .unwrap_or_default();
            let diff = match (mine, theirs, c) {
                (Some(m), Some(t), Some(c)) => {
                    format!(
                        " ({} vs {})",
                        format::signed(Unit::Children, m - t),
                        c.baseline
                    )
                }
                _ => String::new(),
            };
            html! {
                <td class="num" data-label={label.to_string()} data-key={key.to_string()}
                    data-value={mine.map(|m| m.to_string())}>{ format!("{text}{diff}") }</td>
            }
        });
        html! {
            <tr id={format!("gap-parts-row-{i}")}>
                <th scope="row" data-label="Scenario">{ s.name.clone() }</th>
                { for cells }
            </tr>
        }
    });
    let defs = PARTS.iter().filter_map(|(key, label)| {
        let d = definition(key)?;
        Some(html! { <li><strong>{ *label }</strong>{ format!(": {d}") }</li> })
    });
    html! {
        <div class="gap-parts" id="gap-parts">
            <h3>{ "What the gap is made of" }</h3>
            <div class="table-wrap">
                <table class="compare-table parts-table" id="gap-parts-table">
                    <caption>{ format!("Average children {period}: no suitable placement plus below assessed need make the sufficiency gap; the in-house shortfall and children placed at a distance are shown beside it. In brackets, the difference from what each scenario is compared with.") }</caption>
                    <thead><tr><th scope="col">{ "Scenario" }</th>{ for head }</tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <ul class="muted definitions">{ for defs }</ul>
        </div>
    }
}
