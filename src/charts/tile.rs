//! Headline tiles: a median with its 10-90% range, or a probability.

use engine::metrics::Unit;
use engine::report::Stat;
use yew::prelude::*;

use crate::format;

#[derive(Properties, PartialEq)]
pub struct TileProps {
    pub label: AttrValue,
    pub unit: Unit,
    pub stat: Stat,
    #[prop_or_default]
    pub note: AttrValue,
    #[prop_or_default]
    pub id: AttrValue,
}

/// A raw number for a data attribute ("" when not finite).
fn raw(v: f64) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        String::new()
    }
}

fn note(n: &AttrValue) -> Html {
    if n.is_empty() {
        html! {}
    } else {
        html! { <p class="tile-note">{ n.clone() }</p> }
    }
}

/// Label, big median, then "10-90% range: x – y" (reading order = visual order).
#[function_component]
pub fn Tile(p: &TileProps) -> Html {
    let s = &p.stat;
    let id = (!p.id.is_empty()).then(|| p.id.clone());
    html! {
        <div class="tile" id={id} data-median={raw(s.p50)}>
            <p class="tile-label">{ p.label.clone() }</p>
            <p class="tile-value">{ format::value(p.unit, s.p50) }</p>
            <p class="tile-range" title="In 8 of 10 simulated futures the value is inside this range">
                { "10-90% range: " }{ format::range(p.unit, s.p10, s.p90) }
            </p>
            { note(&p.note) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ProbabilityTileProps {
    pub label: AttrValue,
    /// 0-1.
    pub probability: f64,
    #[prop_or_default]
    pub note: AttrValue,
    #[prop_or_default]
    pub id: AttrValue,
}

#[function_component]
pub fn ProbabilityTile(p: &ProbabilityTileProps) -> Html {
    let id = (!p.id.is_empty()).then(|| p.id.clone());
    html! {
        <div class="tile probability-tile" id={id} data-probability={raw(p.probability)}>
            <p class="tile-label">{ p.label.clone() }</p>
            <p class="tile-value">{ format::probability(p.probability) }</p>
            { note(&p.note) }
        </div>
    }
}
