//! The quick controls: a slider for each of a few key assumptions and for the strength of
//! each of the scenario's levers (see `app::quick`), above the full form. Dragging one
//! edits the same field as the form does, so the run starts at once, the results follow
//! while the slider moves, and the change is marked, saved and shared like any other edit.

use serde_json::Value;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::fields::Ctx;
use crate::app::edit::{self, Path};
use crate::app::quick::{self, QuickControl, CONTROLS};
use crate::app::state::Action;

/// A slider for control `c` over the field at `p`, labelled as the catalogue labels it.
fn control(ctx: &Ctx, c: QuickControl, p: Path) -> Html {
    let Some(param) = engine::catalog::param(c.path) else {
        return html! {};
    };
    let current = ctx.get(&p);
    let number = current.and_then(Value::as_f64);
    let (min, max) = c.span(number);
    let dom = p.dom_id();
    let id = format!("quick-{dom}");
    let oninput = {
        let edit = ctx.edit(p.clone());
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            edit.emit(c.value_of(&text))
        })
    };
    // Letting go (or a key press, which commits at once) runs a re-run still waiting.
    let onchange = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_: Event| d.emit(Action::Settle))
    };
    let shown = if let Some(v) = number {
        crate::format::four_figures(v)
    } else {
        "—".to_string()
    };
    // Levers are not in the defaults, so every lever differs from them: only assumptions
    // are marked.
    let changed = ctx.differs(&p) && !c.path.starts_with("levers.");
    let invalid = edit::errors_at(&ctx.errors, &p).next().is_some();
    html! {
        <div class={classes!("quick-control", changed.then_some("is-changed"), invalid.then_some("invalid"))}>
            <label for={id.clone()} title={param.help}>{ param.label }</label>
            <output for={id.clone()} id={format!("{id}-value")}>{ shown.clone() }<span class="unit">{ param.unit }</span></output>
            // A value the slider cannot show (not a number yet) is left to the form to name.
            <input type="range" {id} min={min.to_string()} max={max.to_string()} step={c.step.to_string()}
                value={number.map(|v| v.to_string()).unwrap_or_default()} disabled={number.is_none()}
                aria-valuetext={format!("{shown} {}", param.unit)}
                aria-describedby="quick-help" {oninput} {onchange} />
        </div>
    }
}

/// A slider for each of the scenario's levers that has a strength to set (see
/// `quick::LEVER_CONTROLS`).
fn lever_controls(ctx: &Ctx) -> Vec<Html> {
    let Some(Value::Array(levers)) = ctx.get(&Path::root().key("levers")) else {
        return vec![];
    };
    levers
        .iter()
        .enumerate()
        .filter_map(|(i, lever)| {
            let kind = lever.pointer("/kind/type").and_then(Value::as_str)?;
            let c = quick::lever_control(kind)?;
            let p = quick::lever_path(i, &c)?;
            // The catalogue's label names the lever ("Recruitment: more information visits").
            Some(control(ctx, c, p))
        })
        .collect()
}

/// The panel of quick controls for one scenario.
pub fn quick_controls(ctx: &Ctx) -> Html {
    let base = CONTROLS
        .iter()
        .filter_map(|c| Some(control(ctx, *c, Path::parse(c.path)?)));
    let levers = lever_controls(ctx);
    html! {
        <section class="quick" id="quick" aria-labelledby="quick-title">
            <h3 id="quick-title">{ "Quick controls" }</h3>
            <p class="muted" id="quick-help">{ "Drag to see the effect at once: each slider moves the same assumption as the form below, which gives its explanation and source." }</p>
            <div class="quick-grid">{ for base }</div>
            if !levers.is_empty() {
                <h4 class="quick-sub">{ "This scenario's levers" }</h4>
                <div class="quick-grid" id="quick-levers">{ for levers }</div>
            }
        </section>
    }
}
