//! The presentation view, for a workshop around a projector: one switch (remembered in this
//! browser) lays one large chart and the scenario's levers over the whole window, in type
//! that reads from the back of a room, with the technical controls (seed, runs,
//! fingerprint, the form) out of sight. "Predict, then reveal" hides each new result until
//! the facilitator reveals it, so the room can say what it expects first.
//!
//! Keyboard, while it is on: `1`-`3` choose the chart, `P` turns predict-then-reveal on or
//! off, `R` (or Enter on the cover) reveals, `Esc` closes the view.
//!
//! Wiring: `<Presentation state={state.clone()} dispatch={dispatch.clone()} />` as a direct
//! child of the page's `.app` element; it draws its own "Presentation view" button, and
//! when on, a layer over the whole window, the rest of the page hidden (styles/present.css).

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::fields::Ctx;
use super::quick::quick_controls;
use crate::app::persist::{LocalStore, Store};
use crate::app::state::{Action, AppState, WorkAction};
use crate::app::view;
use crate::charts::FanChart;
use crate::protocol::JobId;

/// Where the switch is remembered.
pub const STORE_KEY: &str = "sufficiency.presentation.v1";

/// The charts the view offers, in the order of their keys `1`, `2`, `3`.
pub const CHARTS: [(&str, &str); 3] = [
    ("cost", "Placement cost per month"),
    (
        "gap",
        "Sufficiency gap: children without a placement that meets their needs",
    ),
    ("in_care", "Children in care"),
];

/// Whether the result of job `current` is hidden: predict-then-reveal is on and that job's
/// result has not been revealed.
pub fn hidden(predict: bool, revealed: Option<JobId>, current: Option<JobId>) -> bool {
    predict && current.is_some() && revealed != current
}

/// What a key does in the view (`None`: nothing).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Key {
    Chart(usize),
    TogglePredict,
    Reveal,
    Close,
}

/// The meaning of a key press (the `key` of a keyboard event).
pub fn key_action(key: &str) -> Option<Key> {
    match key {
        "1" | "2" | "3" => key.parse::<usize>().ok().map(|n| Key::Chart(n - 1)),
        "p" | "P" => Some(Key::TogglePredict),
        "r" | "R" => Some(Key::Reveal),
        "Escape" => Some(Key::Close),
        _ => None,
    }
}

#[derive(Properties, PartialEq)]
pub struct PresentationProps {
    pub state: UseReducerHandle<AppState>,
    pub dispatch: Callback<Action>,
}

#[function_component]
pub fn Presentation(props: &PresentationProps) -> Html {
    let on = use_state(|| LocalStore.get(STORE_KEY).as_deref() == Some("1"));
    let chart = use_state(|| 0usize);
    let predict = use_state(|| false);
    let revealed = use_state(|| None::<JobId>);
    let s = &*props.state;
    let current = s.run.results.as_ref().map(|r| r.job_id);

    let set_on = {
        let on = on.clone();
        Callback::from(move |v: bool| {
            let mut store = LocalStore;
            let _ = if v {
                store.set(STORE_KEY, "1")
            } else {
                store.set(STORE_KEY, "0")
            };
            on.set(v);
        })
    };
    let toggle_predict = {
        let (predict, revealed) = (predict.clone(), revealed.clone());
        // Turning it on counts what is shown now as revealed: the next change is hidden.
        Callback::from(move |_| {
            revealed.set(current);
            predict.set(!*predict);
        })
    };
    let reveal = {
        let revealed = revealed.clone();
        Callback::from(move |_| revealed.set(current))
    };

    // The facilitator's keys, while the view is on.
    {
        let (set_on, chart, toggle_predict, reveal) = (
            set_on.clone(),
            chart.clone(),
            toggle_predict.clone(),
            reveal.clone(),
        );
        use_effect_with((*on, current, *predict), move |(on, _, _)| {
            let listener = on.then(gloo::utils::document).map(|doc| {
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&doc, "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if e.ctrl_key() || e.meta_key() || e.alt_key() {
                        return;
                    }
                    match key_action(&e.key()) {
                        Some(Key::Chart(i)) => chart.set(i),
                        Some(Key::TogglePredict) => toggle_predict.emit(()),
                        Some(Key::Reveal) => reveal.emit(()),
                        Some(Key::Close) => set_on.emit(false),
                        None => return,
                    }
                    e.prevent_default();
                })
            });
            move || drop(listener)
        });
    }

    if !*on {
        let open = set_on.reform(|_: MouseEvent| true);
        return html! {
            <button type="button" class="secondary small present-open no-print" id="present-open" onclick={open}>
                { "Presentation view" }
            </button>
        };
    }

    let doc = s.active_doc().cloned();
    let results = s.run.results.as_ref();
    let is_hidden = hidden(*predict, *revealed, current);
    let (key, title) = CHARTS[(*chart).min(CHARTS.len() - 1)];
    let figure = match results {
        Some(r) => {
            let shown = r.index_of(s.active);
            let rep = &r.report.0;
            match rep
                .scenarios
                .get(shown)
                .and_then(|sc| view::metric(sc, key))
            {
                Some(m) => html! { <div class="fan-with-note">
                    <FanChart title={title.to_string()} unit={m.unit} months={Rc::new(rep.month_labels.clone())}
                        series={Rc::new(view::series(rep, key, shown))} runs={rep.runs} id="present-chart" />
                    { super::scrutiny::bands::note(rep.uncertainty) }
                </div> },
                None => html! {},
            }
        }
        None => html! { <p class="present-wait">{ "Running the first simulations…" }</p> },
    };
    let scenario_name = doc.as_ref().map(|d| d.name()).unwrap_or_default();
    let levers = doc.map(|d| {
        quick_controls(&Ctx {
            doc: d.id,
            value: d.value.clone(),
            errors: d.errors.clone(),
            dispatch: props.dispatch.clone(),
            compare: true,
        })
    });
    let tabs = s.docs.iter().map(|d| {
        let (id, dispatch) = (d.id, props.dispatch.clone());
        let selected = d.id == s.active;
        html! {
            <button type="button" class={classes!("present-scenario", selected.then_some("selected"))}
                aria-pressed={selected.to_string()}
                onclick={Callback::from(move |_: MouseEvent| dispatch.emit(WorkAction::Select(id).into()))}>
                { d.name() }
            </button>
        }
    });
    let chart_buttons = CHARTS.iter().enumerate().map(|(i, (_, t))| {
        let c = chart.clone();
        html! {
            <button type="button" class={classes!("present-chart-choice", (i == *chart).then_some("selected"))}
                aria-pressed={(i == *chart).to_string()} id={format!("present-chart-{}", i + 1)}
                onclick={Callback::from(move |_: MouseEvent| c.set(i))}>
                { format!("{} {t}", i + 1) }
            </button>
        }
    });
    let close = set_on.reform(|_: MouseEvent| false);
    let on_predict = toggle_predict.reform(|_: MouseEvent| ());
    let on_reveal = reveal.reform(|_: MouseEvent| ());
    html! {
        <div class="present" id="present" role="dialog" aria-modal="true" aria-labelledby="present-title">
            <header class="present-head">
                <h2 id="present-title">{ scenario_name }</h2>
                <div class="present-scenarios" role="group" aria-label="Scenarios">{ for tabs }</div>
                <div class="present-tools">
                    <button type="button" id="present-predict" class={classes!("present-tool", predict.then_some("selected"))}
                        aria-pressed={predict.to_string()} onclick={on_predict}>{ "P Predict, then reveal" }</button>
                    <button type="button" id="present-close" class="present-tool" onclick={close}>{ "Esc Close" }</button>
                </div>
            </header>
            <div class="present-body">
                <main class="present-main">
                    <div class="present-charts" role="group" aria-label="Chart">{ for chart_buttons }</div>
                    if is_hidden {
                        <div class="present-cover" id="present-hidden" role="status">
                            <p class="present-cover-title">{ "What do you expect?" }</p>
                            <p>{ "The result of this change is hidden until you reveal it." }</p>
                            <button type="button" id="present-reveal" onclick={on_reveal}>{ "R Reveal" }</button>
                        </div>
                    } else {
                        <div class="present-figure">{ figure }</div>
                    }
                </main>
                <aside class="present-levers">{ levers.unwrap_or_default() }</aside>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_is_hidden_until_revealed_only_when_predicting() {
        assert!(!hidden(false, None, Some(3)));
        assert!(hidden(true, Some(2), Some(3)));
        assert!(!hidden(true, Some(3), Some(3)));
        assert!(!hidden(true, Some(3), None), "nothing to hide yet");
    }

    #[test]
    fn the_facilitators_keys() {
        assert_eq!(key_action("1"), Some(Key::Chart(0)));
        assert_eq!(key_action("3"), Some(Key::Chart(2)));
        assert_eq!(key_action("4"), None);
        assert_eq!(key_action("p"), Some(Key::TogglePredict));
        assert_eq!(key_action("R"), Some(Key::Reveal));
        assert_eq!(key_action("Escape"), Some(Key::Close));
        assert_eq!(key_action("x"), None);
    }
}
