//! Headline tiles: a median with its 10-90% range, or a probability; each with its Monte
//! Carlo error in words ("± 1.6 points from simulation noise": one standard error).

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

/// A tile's label, with its definition (the note) on hover; it takes the keyboard focus so
/// that the definition is reachable without a mouse too.
fn label(text: &AttrValue, note: &AttrValue) -> Html {
    if note.is_empty() {
        html! { <p class="tile-label">{ text.clone() }</p> }
    } else {
        html! { <p class="tile-label" title={note.clone()} tabindex="0">{ text.clone() }</p> }
    }
}

/// The Monte Carlo error under a headline value, explained on hover.
fn noise(text: String) -> Html {
    html! {
        <p class="tile-noise" title="One standard error: how far this figure could move with another random seed. More runs make it smaller.">
            { text }
        </p>
    }
}

/// Label, big median, its Monte Carlo error, then "10-90% range: x – y" (reading order =
/// visual order).
#[function_component]
pub fn Tile(p: &TileProps) -> Html {
    let s = &p.stat;
    let id = (!p.id.is_empty()).then(|| p.id.clone());
    html! {
        <div class="tile" id={id} data-median={raw(s.p50)} data-median-se={raw(s.p50_se)}>
            { label(&p.label, &p.note) }
            <p class="tile-value">{ format::value(p.unit, s.p50) }</p>
            { noise(format::noise(p.unit, s.p50_se)) }
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
    /// Its Monte Carlo standard error (0-1; `engine::report::probability_se`), shown when
    /// given.
    #[prop_or_default]
    pub se: Option<f64>,
    #[prop_or_default]
    pub note: AttrValue,
    #[prop_or_default]
    pub id: AttrValue,
}

#[function_component]
pub fn ProbabilityTile(p: &ProbabilityTileProps) -> Html {
    let id = (!p.id.is_empty()).then(|| p.id.clone());
    html! {
        <div class="tile probability-tile" id={id} data-probability={raw(p.probability)}
            data-probability-se={p.se.map(raw).unwrap_or_default()}>
            { label(&p.label, &p.note) }
            <p class="tile-value">{ format::probability(p.probability) }</p>
            if let Some(se) = p.se { { noise(format::probability_noise(se)) } }
            { note(&p.note) }
        </div>
    }
}
