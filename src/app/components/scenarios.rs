//! The scenario tabs (the baseline and up to seven others) with duplicate, add a
//! ready-made strategy and remove.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::app::share::MAX_SCENARIOS;
use crate::app::state::{workspace, Action, Doc, NewScenario, WorkAction};

#[derive(Properties, PartialEq)]
pub struct ScenarioTabsProps {
    pub docs: Vec<Doc>,
    pub active: u32,
    pub dispatch: Callback<Action>,
}

#[function_component]
pub fn ScenarioTabs(props: &ScenarioTabsProps) -> Html {
    let full = props.docs.len() >= MAX_SCENARIOS;
    let ids: Vec<u32> = props.docs.iter().map(|d| d.id).collect();
    let tabs = props.docs.iter().enumerate().map(|(i, d)| {
        let selected = d.id == props.active;
        let select = {
            let (dp, id) = (props.dispatch.clone(), d.id);
            Callback::from(move |_: MouseEvent| dp.emit(WorkAction::Select(id).into()))
        };
        // Arrow keys, Home and End move along the tabs (WAI-ARIA tabs, automatic
        // activation): the tab gets the focus and its scenario opens.
        let keydown = {
            let (dp, ids) = (props.dispatch.clone(), ids.clone());
            Callback::from(move |e: KeyboardEvent| {
                let Some(j) = tab_key_target(&e.key(), i, ids.len()) else {
                    return;
                };
                e.prevent_default();
                dp.emit(WorkAction::Select(ids[j]).into());
                focus_tab(j);
            })
        };
        let remove = {
            let (dp, id) = (props.dispatch.clone(), d.id);
            Callback::from(move |_: MouseEvent| dp.emit(WorkAction::Remove(id).into()))
        };
        let problems = d.errors.len();
        // A scenario built on another than the baseline says which.
        let on = d.variant.as_deref().and_then(|v| match v.base {
            engine::workspace::BaseRef::Variant(b) => props.docs.iter().find(|x| x.id == b).map(Doc::name),
            engine::workspace::BaseRef::Baseline => None,
        });
        html! {
            <li role="presentation" class={classes!("tab", selected.then_some("selected"), (problems > 0).then_some("invalid"))}>
                <button type="button" role="tab" id={format!("tab-{i}")} aria-selected={selected.to_string()}
                    tabindex={if selected { "0" } else { "-1" }}
                    aria-controls="editor" onclick={select} onkeydown={keydown} data-name={d.name()}>
                    { d.name() }
                    if i == 0 { <span class="tag">{ "baseline" }</span> }
                    if let Some(on) = on { <span class="tag on">{ format!("on {on}") }</span> }
                    if problems > 0 { <span class="tag problem">{ format!("{problems} to fix") }</span> }
                </button>
                if i > 0 {
                    <button type="button" class="remove" onclick={remove} aria-label={format!("Remove scenario {}", d.name())}
                        title="Remove this scenario">{ "×" }</button>
                }
            </li>
        }
    });
    let duplicate = {
        let (dp, id) = (
            props.dispatch.clone(),
            props.docs.first().map(|d| d.id).unwrap_or(1),
        );
        Callback::from(move |_: MouseEvent| {
            dp.emit(WorkAction::Add(NewScenario::Duplicate(id)).into())
        })
    };
    let add_strategy = {
        let dp = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let el = e.target_unchecked_into::<HtmlSelectElement>();
            let id = el.value();
            el.set_value("");
            if let Some(st) = workspace::strategy(&id) {
                dp.emit(WorkAction::Add(NewScenario::Strategy(st)).into())
            }
        })
    };
    html! {
        <nav class="scenarios no-print" aria-label="Scenarios">
            <ul class="tabs" role="tablist">{ for tabs }</ul>
            <div class="scenario-actions">
                <button type="button" id="duplicate-baseline" class="secondary small" onclick={duplicate} disabled={full}
                    title={full.then(|| format!("At most {MAX_SCENARIOS} scenarios: remove one to add another."))}>
                    { "Duplicate the baseline" }
                </button>
                <label for="add-strategy" class="visually-hidden">{ "Add a ready-made strategy as a new scenario" }</label>
                <select id="add-strategy" onchange={add_strategy} disabled={full}>
                    <option value="" selected=true>{ "Add a ready-made strategy…" }</option>
                    { for engine::defaults::strategies().into_iter().map(|s| html! {
                        <option value={s.id.clone()} title={s.description.clone()}>{ s.name.clone() }</option>
                    }) }
                </select>
                if full { <span class="muted">{ format!("{MAX_SCENARIOS} scenarios at most") }</span> }
            </div>
        </nav>
    }
}

/// The tab a key moves to from tab `current` of `count` (wrapping at either end), if the
/// key moves at all.
pub fn tab_key_target(key: &str, current: usize, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    match key {
        "ArrowRight" => Some((current + 1) % count),
        "ArrowLeft" => Some((current + count - 1) % count),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

/// Put the keyboard focus on tab `i` (after its scenario is selected).
fn focus_tab(i: usize) {
    let tab = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&format!("tab-{i}")));
    if let Some(el) =
        tab.and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
    {
        let _ = el.focus();
    }
}

#[cfg(test)]
mod tests {
    use super::tab_key_target;

    #[test]
    fn arrow_keys_wrap_and_home_end_jump() {
        assert_eq!(tab_key_target("ArrowRight", 0, 3), Some(1));
        assert_eq!(tab_key_target("ArrowRight", 2, 3), Some(0));
        assert_eq!(tab_key_target("ArrowLeft", 0, 3), Some(2));
        assert_eq!(tab_key_target("ArrowLeft", 1, 3), Some(0));
        assert_eq!(tab_key_target("Home", 2, 3), Some(0));
        assert_eq!(tab_key_target("End", 0, 3), Some(2));
        assert_eq!(tab_key_target("Tab", 0, 3), None);
        assert_eq!(tab_key_target("ArrowRight", 0, 0), None);
        assert_eq!(tab_key_target("ArrowRight", 0, 1), Some(0));
    }
}
