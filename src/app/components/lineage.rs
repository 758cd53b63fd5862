//! What a scenario is built on and compared with, and what it holds of its own: the
//! assumptions it overrides (each with a way back to its base's value) and its levers.
//! Also the buttons that make a new scenario from it (a copy, or one built on it).

use engine::workspace::diff::text;
use engine::workspace::BaseRef;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::app::edit::Path;
use crate::app::state::{Action, Doc, NewScenario, WorkAction};

#[derive(Properties, PartialEq)]
pub struct LineageProps {
    pub doc: Doc,
    /// Every scenario, the baseline first.
    pub docs: Vec<Doc>,
    pub dispatch: Callback<Action>,
}

/// The doc a reference names.
fn named(docs: &[Doc], r: BaseRef) -> Option<&Doc> {
    match r {
        BaseRef::Baseline => docs.first(),
        BaseRef::Variant(id) => docs.iter().find(|d| d.id == id),
    }
}

/// Whether `id` is built, directly or through others, on `on`.
fn built_on(docs: &[Doc], id: u32, on: u32) -> bool {
    let mut cur = docs.iter().find(|d| d.id == id);
    for _ in 0..docs.len() {
        let Some(v) = cur.and_then(|d| d.variant.as_deref()) else {
            return false;
        };
        let base = named(docs, v.base);
        if base.map(|b| b.id) == Some(on) {
            return true;
        }
        cur = base;
    }
    false
}

fn select(id: &str, label: String, options: Html, onchange: Callback<Event>) -> Html {
    html! {
        <label class="lineage-choice" for={id.to_string()}>
            <span>{ label }</span>
            <select id={id.to_string()} {onchange}>{ options }</select>
        </label>
    }
}

#[function_component]
pub fn Lineage(props: &LineageProps) -> Html {
    let (doc, docs, dp) = (&props.doc, &props.docs, &props.dispatch);
    let add = |make: fn(u32) -> NewScenario| {
        let (dp, id) = (dp.clone(), doc.id);
        Callback::from(move |_: MouseEvent| dp.emit(WorkAction::Add(make(id)).into()))
    };
    let buttons = html! {
        <div class="lineage-actions">
            <button type="button" class="secondary small" id="build-on" onclick={add(NewScenario::BuiltOn)}
                title="A new scenario that follows this one, to which you add levers or changes">
                { format!("Build a scenario on {}", doc.name()) }</button>
            <button type="button" class="secondary small" id="duplicate" onclick={add(NewScenario::Duplicate)}>
                { "Duplicate" }</button>
        </div>
    };
    let Some(v) = doc.variant.as_deref() else {
        return html! {
            <div class="lineage" id="lineage">
                <p>{ "This is the baseline: every other scenario is built on it, or on one built on it, and follows its assumptions except those it sets itself." }</p>
                { buttons }
            </div>
        };
    };
    let base = named(docs, v.base);
    let base_name = base.map(Doc::name).unwrap_or_default();
    let on_base = {
        let (dp, id) = (dp.clone(), doc.id);
        Callback::from(move |e: Event| {
            let el = e.target_unchecked_into::<HtmlSelectElement>();
            if let Ok(base) = el.value().parse() {
                dp.emit(WorkAction::SetBase { doc: id, base }.into());
            }
        })
    };
    let on_compare = {
        let (dp, id) = (dp.clone(), doc.id);
        Callback::from(move |e: Event| {
            let el = e.target_unchecked_into::<HtmlSelectElement>();
            if let Ok(with) = el.value().parse() {
                dp.emit(WorkAction::CompareWith { doc: id, with }.into());
            }
        })
    };
    let compared = named(docs, v.compare_with).map(|d| d.id);
    let base_options = docs
        .iter()
        .filter(|d| d.id != doc.id && !built_on(docs, d.id, doc.id))
        .map(|d| html! { <option value={d.id.to_string()} selected={Some(d.id) == base.map(|b| b.id)}>{ d.name() }</option> });
    let compare_options = docs
        .iter()
        .filter(|d| d.id != doc.id)
        .map(|d| html! { <option value={d.id.to_string()} selected={Some(d.id) == compared}>{ d.name() }</option> });
    let own = v.overrides.iter().map(|o| {
        let label = engine::catalog::lookup_path(&o.path)
            .map(|p| p.label.to_string())
            .unwrap_or_else(|| o.path.to_string());
        let base_value = base
            .and_then(|b| engine::workspace::value::get(&b.value, &o.path))
            .map(text)
            .unwrap_or_default();
        let onclick = {
            let (dp, id, path) = (dp.clone(), doc.id, Path(o.path.clone()));
            Callback::from(move |_: MouseEvent| {
                dp.emit(WorkAction::UseBase { doc: id, path: path.clone() }.into())
            })
        };
        html! {
            <li data-path={o.path.to_string()}>
                <span class="what">{ label }</span>{ ": " }<span class="this">{ text(&o.value) }</span>
                <button type="button" class="link small" {onclick}
                    aria-label={format!("Use {base_name}'s value of {} ({base_value})", o.path)}>
                    { format!("use {base_name}'s ({base_value})") }</button>
            </li>
        }
    });
    let inherited = base
        .and_then(|b| b.value.get("levers"))
        .and_then(|l| l.as_array())
        .map_or(0, Vec::len);
    let levers_note = match (v.levers.len(), v.base_levers && inherited > 0) {
        (0, false) => "No levers of its own.".to_string(),
        (n, false) => format!("{n} lever(s) of its own."),
        (n, true) => format!("{n} lever(s) of its own, on top of {base_name}'s {inherited}."),
    };
    html! {
        <div class="lineage" id="lineage">
            <div class="lineage-choices">
                { select("built-on", "Built on".into(), base_options.collect::<Html>(), on_base) }
                { select("compared-with", "Compared with".into(), compare_options.collect::<Html>(), on_compare) }
            </div>
            <div class="own" id="own-assumptions">
                <h3>{ format!("Its own assumptions ({})", v.overrides.len()) }</h3>
                if v.overrides.is_empty() {
                    <p class="muted">{ format!("None: every assumption is {base_name}'s, and follows it when it changes. Change one below to make it this scenario's own.") }</p>
                } else {
                    <p class="muted">{ format!("Every other assumption is {base_name}'s and follows it when it changes.") }</p>
                    <ul>{ for own }</ul>
                }
                <p class="muted">{ levers_note }</p>
            </div>
            { buttons }
        </div>
    }
}
