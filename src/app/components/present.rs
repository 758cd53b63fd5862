//! The presentation view, for a workshop around a projector: one switch (remembered in this
//! browser) lays one large chart and the scenario's levers over the whole window, in type
//! that reads from the back of a room, with the technical controls (seed, runs,
//! fingerprint, the form) out of sight. What a facilitator needs to show a change:
//!
//! * "Predict, then reveal" hides each new result until the facilitator reveals it, so the
//!   room can say what it expects first;
//! * before and after: the axes can be held while levers move (counts from zero), the
//!   previous result stays as a faint trace, and "replay last change" shows before, then after;
//! * step through time: the projection plays year by year, pauses, steps back and forward;
//! * a target ("a gap of at most 100 by March 2028") drawn on the chart, with how often it is met;
//! * every scenario its own colour and dash pattern, named at the end of its line.
//!
//! Keys (listed on screen with `?`): see `keys::SHORTCUTS`. Settings are remembered
//! ([`settings`]). Wiring: `<Presentation state={state.clone()} dispatch={dispatch.clone()} />`
//! as a direct child of the page's `.app` element; it draws its own "Presentation view"
//! button, and when on, a layer over the whole window, the rest of the page hidden
//! (styles/present.css).

mod help;
mod history;
mod keys;
pub mod settings;
pub mod target;
mod timeline;

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::fields::Ctx;
use super::quick::quick_controls;
use crate::app::persist::{LocalStore, Store};
use crate::app::state::{Action, AppState, Results, WorkAction};
use crate::app::view;
use crate::charts::{stage_domain, Series, StageChart, TargetMark};
use crate::format;
use crate::protocol::JobId;
pub use keys::{key_action, Key};
use settings::Settings;
use target::TargetForm;
use timeline::{use_play, TimeAction, Timeline};

/// Where the switch is remembered.
pub const STORE_KEY: &str = "sufficiency.presentation.v1";

/// How long "replay last change" shows the result before the change.
const REPLAY_MS: u32 = 1_600;

/// The charts the view offers, in the order of their keys `1`, `2`, `3`.
pub const CHARTS: [(&str, &str); 3] = [
    ("cost", "Placement cost per month"),
    (
        "gap",
        "Sufficiency gap: children without a placement that meets their needs",
    ),
    ("in_care", "Children in care"),
];

/// The charts' names on their buttons (short, so the buttons keep to one line).
const CHART_NAMES: [&str; 3] = ["Cost", "Sufficiency gap", "Children in care"];

/// Whether the result of job `current` is hidden: predict-then-reveal is on and that job's
/// result has not been revealed.
pub fn hidden(predict: bool, revealed: Option<JobId>, current: Option<JobId>) -> bool {
    predict && current.is_some() && revealed != current
}

#[derive(Properties, PartialEq)]
pub struct PresentationProps {
    pub state: UseReducerHandle<AppState>,
    pub dispatch: Callback<Action>,
}

/// The shown scenario's series of chart `key` in an earlier result, when that result had
/// the same months and the scenario (doc `doc`).
fn before_series(before: &Results, doc: u32, key: &str, months: &[String]) -> Option<Series> {
    let rep = &before.report.0;
    if !before.doc_ids.contains(&doc) || rep.month_labels != months {
        return None;
    }
    view::series(rep, key, before.index_of(doc))
        .into_iter()
        .next()
}

/// A toggle in the view's tool bar, its key shown before its name.
fn tool(
    id: &'static str,
    key: &'static str,
    name: &'static str,
    pressed: Option<bool>,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! {
        <button type="button" {id} class={classes!("present-tool", (pressed == Some(true)).then_some("selected"))}
            aria-pressed={pressed.map(|p| p.to_string())} {onclick}
            title={format!("{name} (key {key})")} aria-label={format!("{name} ({key})")}>
            <kbd>{ key }</kbd><span class="name">{ " " }{ name }</span>
        </button>
    }
}

#[function_component]
pub fn Presentation(props: &PresentationProps) -> Html {
    let on = use_state(|| LocalStore.get(STORE_KEY).as_deref() == Some("1"));
    let settings = use_state(Settings::load);
    let revealed = use_state(|| None::<JobId>);
    let help = use_state(|| false);
    let replaying = use_state(|| false);
    let replay_timer = use_mut_ref(|| None::<Timeout>);
    // The axis held by "fix axes": the chart it was held for and its domain.
    let held = use_mut_ref(|| None::<(String, (f64, f64))>);
    let timeline = use_reducer(Timeline::default);
    let s = &*props.state;
    let results = s.run.results.as_ref();
    let current = results.map(|r| r.job_id);
    let before = history::use_before(results);
    let n_months = results.map_or(0, |r| r.report.0.month_labels.len());
    use_play(&timeline, n_months);

    let set_on = {
        let on = on.clone();
        Callback::from(move |v: bool| {
            let _ = LocalStore.set(STORE_KEY, if v { "1" } else { "0" });
            on.set(v);
        })
    };
    let change = {
        let settings = settings.clone();
        Callback::from(move |f: Rc<dyn Fn(&mut Settings)>| {
            let mut next = (*settings).clone();
            f(&mut next);
            next.save();
            settings.set(next);
        })
    };
    let act = {
        let (change, revealed, help, replaying) = (
            change.clone(),
            revealed.clone(),
            help.clone(),
            replaying.clone(),
        );
        let (set_on, timeline, held, replay_timer) = (
            set_on.clone(),
            timeline.clone(),
            held.clone(),
            replay_timer.clone(),
        );
        let has_before = before.is_some();
        let help_open = *help;
        Callback::from(move |k: Key| match k {
            Key::Chart(i) => change.emit(Rc::new(move |s: &mut Settings| s.chart = i)),
            Key::TogglePredict => {
                // Turning it on counts what is shown now as revealed: the next change is hidden.
                revealed.set(current);
                change.emit(Rc::new(|s: &mut Settings| s.predict = !s.predict));
            }
            Key::Reveal => revealed.set(current),
            Key::ToggleTrace => change.emit(Rc::new(|s: &mut Settings| s.trace = !s.trace)),
            Key::ToggleFixedAxes => {
                *held.borrow_mut() = None;
                change.emit(Rc::new(|s: &mut Settings| s.fixed_axes = !s.fixed_axes));
            }
            Key::ReplayLastChange if has_before => {
                replaying.set(true);
                let r = replaying.clone();
                *replay_timer.borrow_mut() = Some(Timeout::new(REPLAY_MS, move || r.set(false)));
            }
            Key::ReplayLastChange => {}
            Key::PlayPause => timeline.dispatch(TimeAction::PlayPause { n: n_months }),
            Key::Step(years) => timeline.dispatch(TimeAction::Step { years, n: n_months }),
            Key::WholeProjection => timeline.dispatch(TimeAction::Whole),
            Key::ToggleHelp => help.set(!help_open),
            Key::Close if help_open => help.set(false),
            Key::Close => set_on.emit(false),
        })
    };

    // The facilitator's keys, while the view is on (a key typed into a control is its own).
    {
        let act = act.clone();
        use_effect_with((*on, act), move |(on, act)| {
            let act = act.clone();
            let listener = on.then(gloo::utils::document).map(|doc| {
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(&doc, "keydown", options, move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if e.ctrl_key() || e.meta_key() || e.alt_key() {
                        return;
                    }
                    let key = e.key();
                    if let Some(el) = e
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    {
                        let kind = el.get_attribute("type").unwrap_or_default();
                        if keys::belongs_to_control(&el.tag_name(), &kind, &key) {
                            return;
                        }
                    }
                    if let Some(k) = key_action(&key) {
                        act.emit(k);
                        e.prevent_default();
                    }
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
    let is_hidden = hidden(settings.predict, *revealed, current);
    let chart_index = settings.chart.min(CHARTS.len() - 1);
    let (key, title) = CHARTS[chart_index];
    let mut target_form = html! {};
    let mut verdict_html = html! {};
    let figure = match results {
        Some(r) => {
            let shown = r.index_of(s.active);
            let rep = &r.report.0;
            match rep
                .scenarios
                .get(shown)
                .and_then(|sc| view::metric(sc, key))
            {
                Some(m) => {
                    let months = Rc::new(rep.month_labels.clone());
                    let before_now = before
                        .as_ref()
                        .and_then(|b| before_series(b, s.active, key, &months));
                    let replay_now = *replaying && before_now.is_some();
                    let series = match (&before, replay_now) {
                        (Some(b), true) => view::series(&b.report.0, key, b.index_of(s.active)),
                        _ => view::series(rep, key, shown),
                    };
                    let trace =
                        before_now
                            .filter(|_| settings.trace && !replay_now)
                            .map(|mut t| {
                                t.label = crate::charts::text::TRACE.to_string();
                                Rc::new(t)
                            });
                    let setting = settings.target(key).cloned();
                    let target_month = setting
                        .as_ref()
                        .and_then(|t| months.iter().position(|m| *m == t.month));
                    let mark = setting
                        .as_ref()
                        .zip(target_month)
                        .map(|(t, month)| TargetMark {
                            value: t.threshold,
                            month,
                            label: format!(
                                "Target: at most {}",
                                format::value(m.unit, t.threshold)
                            ),
                        });
                    let fixed = settings.fixed_axes.then(|| {
                        let mut h = held.borrow_mut();
                        match &*h {
                            Some((k, d)) if k == key => *d,
                            _ => {
                                let d = stage_domain(
                                    m.unit,
                                    &months,
                                    &series,
                                    trace.as_deref(),
                                    mark.as_ref().map(|t| t.value),
                                    None,
                                );
                                *h = Some((key.to_string(), d));
                                d
                            }
                        }
                    });
                    let on_set = {
                        let change = change.clone();
                        Callback::from(move |t: Option<settings::TargetSetting>| {
                            change.emit(Rc::new(move |s: &mut Settings| {
                                s.set_target(key, t.clone())
                            }))
                        })
                    };
                    let suggest = target::suggestion(
                        m.unit,
                        series.first().and_then(|s| s.stats.last()).map(|st| st.p50),
                    );
                    target_form = html! {
                        <TargetForm metric={key} unit={m.unit} months={months.clone()} current={setting.clone()} suggest={suggest} {on_set} />
                    };
                    verdict_html =
                        target::verdict_view(r, shown, m.unit, setting.as_ref(), target_month);
                    let heading = if replay_now {
                        format!("{title} \u{2014} before the last change")
                    } else {
                        title.to_string()
                    };
                    html! { <div class="fan-with-note">
                        <StageChart title={heading} unit={m.unit} months={months} series={Rc::new(series)} runs={rep.runs}
                            {fixed} {trace} target={mark} upto={timeline.upto} id="present-chart" />
                        { super::scrutiny::bands::note(rep.uncertainty) }
                    </div> }
                }
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
            returns: None,
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
    let chart_buttons = CHART_NAMES.iter().enumerate().map(|(i, t)| {
        let act = act.clone();
        html! {
            <button type="button" class={classes!("present-chart-choice", (i == chart_index).then_some("selected"))}
                aria-pressed={(i == chart_index).to_string()} id={format!("present-chart-{}", i + 1)}
                onclick={Callback::from(move |_: MouseEvent| act.emit(Key::Chart(i)))}>
                <kbd>{ i + 1 }</kbd>{ " " }{ *t }
            </button>
        }
    });
    let on_key = |k: Key| act.reform(move |_: MouseEvent| k);
    let time_note = timeline.upto.and_then(|u| results.and_then(|r| r.report.0.month_labels.get(u))).map(|m| {
        html! { <p class="present-time" id="present-time" role="status">{ format!("Up to {}", format::month_long(m)) }</p> }
    });
    html! {
        <div class="present" id="present" role="dialog" aria-modal="true" aria-labelledby="present-title">
            <header class="present-head">
                <h2 id="present-title">{ scenario_name }</h2>
                <div class="present-scenarios" role="group" aria-label="Scenarios">{ for tabs }</div>
                <div class="present-tools" role="group" aria-label="Facilitator">
                    { tool("present-predict", "P", "Predict", Some(settings.predict), on_key(Key::TogglePredict)) }
                    { tool("present-trace", "T", "Trace", Some(settings.trace), on_key(Key::ToggleTrace)) }
                    { tool("present-axes", "A", "Fix axes", Some(settings.fixed_axes), on_key(Key::ToggleFixedAxes)) }
                    { tool("present-replay", "L", "Replay", None, on_key(Key::ReplayLastChange)) }
                    { tool("present-play", "Space", if timeline.playing { "Pause" } else { "Play" }, Some(timeline.playing), on_key(Key::PlayPause)) }
                    { tool("present-keys", "?", "Keys", Some(*help), on_key(Key::ToggleHelp)) }
                    { tool("present-close", "Esc", "Close", None, on_key(Key::Close)) }
                </div>
            </header>
            <div class="present-body">
                <main class="present-main">
                    <div class="present-bar">
                        <div class="present-charts" role="group" aria-label="Chart">{ for chart_buttons }</div>
                        { for time_note }
                    </div>
                    if is_hidden {
                        <div class="present-cover" id="present-hidden" role="status">
                            <p class="present-cover-title">{ "What do you expect?" }</p>
                            <p>{ "The result of this change is hidden until you reveal it." }</p>
                            <button type="button" id="present-reveal" onclick={on_key(Key::Reveal)}>{ "R Reveal" }</button>
                        </div>
                    } else {
                        { verdict_html }
                        <div class="present-figure">{ figure }</div>
                    }
                    if *help { { help::shortcuts(on_key(Key::ToggleHelp)) } }
                </main>
                <aside class="present-levers">
                    { levers.unwrap_or_default() }
                    { target_form }
                </aside>
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
}
