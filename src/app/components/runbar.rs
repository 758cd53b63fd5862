//! The run bar: seed, number of runs and horizon; run and cancel; progress; why a run is
//! blocked; and the "run details" line (seed, runs, fingerprint).

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::edit::{self, Path};
use crate::app::limits::NUMBER_CHARS;
use crate::app::state::{Action, RunInfo, RunStatus, SettingKey, Settings, WorkAction};
use crate::format;

#[derive(Properties, PartialEq)]
pub struct RunBarProps {
    pub settings: Settings,
    pub run: RunInfo,
    pub blockers: Rc<Vec<String>>,
    /// (runs, seed, fingerprint) of the results shown.
    pub details: Option<(u64, u64, String)>,
    pub dispatch: Callback<Action>,
    pub on_run: Callback<()>,
    pub on_cancel: Callback<()>,
}

const SETTINGS: [(SettingKey, &str, &str); 3] = [
    (
        SettingKey::Seed,
        "Seed",
        "The same seed gives the same numbers, on any computer.",
    ),
    (
        SettingKey::Replications,
        "Runs",
        "More runs give steadier answers but take longer.",
    ),
    (
        SettingKey::HorizonMonths,
        "Months",
        "How far ahead to simulate (1-120 months).",
    ),
];

#[derive(Properties, PartialEq)]
struct SettingsProps {
    settings: Settings,
    dispatch: Callback<Action>,
}

/// The settings' inputs, a component of their own so that progress updates (which re-render
/// the run bar) leave them alone: cheaper, and a value being typed is not reset.
#[function_component]
fn SettingsInputs(props: &SettingsProps) -> Html {
    let s = &props.settings;
    let inputs = SETTINGS.iter().map(|&(key, label, hint)| {
        let p = Path::root().key(key.key());
        let errors: Vec<_> = edit::errors_at(&s.errors, &p).collect();
        let invalid = !errors.is_empty();
        let onchange = {
            let d = props.dispatch.clone();
            Callback::from(move |e: Event| {
                let text = e.target_unchecked_into::<HtmlInputElement>().value();
                d.emit(WorkAction::SetSetting { key, value: edit::parse_number(&text) }.into())
            })
        };
        let id = format!("setting-{}", key.key());
        html! {
            <div class={classes!("setting", invalid.then_some("has-error"))}>
                <label for={id.clone()}>{ label }</label>
                <input {id} type="text" inputmode="numeric" autocomplete="off" class="num" title={hint} maxlength={NUMBER_CHARS.to_string()}
                    value={edit::number_text(edit::get(&s.value, &p))} aria-invalid={invalid.to_string()} {onchange} />
                { for errors.iter().map(|e| html! { <span class="field-error" role="alert">{ &e.reason }</span> }) }
            </div>
        }
    });
    html! { <>{ for inputs }</> }
}

#[function_component]
pub fn RunBar(props: &RunBarProps) -> Html {
    let run = &props.run;
    let busy = run.status.is_busy();
    let blocked = !props.blockers.is_empty();
    let on_run = {
        let cb = props.on_run.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let on_cancel = {
        let cb = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let status_text = match &run.status {
        RunStatus::Idle => "Ready".to_string(),
        RunStatus::Running => format!(
            "Running: {} of {} runs",
            format::count(run.done as f64),
            format::count(run.total as f64)
        ),
        RunStatus::Cancelling => "Stopping…".to_string(),
        RunStatus::Done => format!(
            "Done: {} runs in {:.1} s",
            format::count(run.total as f64),
            run.elapsed_ms / 1000.0
        ),
        RunStatus::Cancelled => format!(
            "Cancelled after {} of {} runs",
            format::count(run.done as f64),
            format::count(run.total as f64)
        ),
        RunStatus::Failed(e) => format!("The run failed: {e}"),
    };
    // Why Run cannot be pressed now, on hover (the status or the problems say it on the page).
    let run_why = if busy {
        Some("A run is under way: wait for it to finish, or Cancel it.")
    } else if blocked {
        Some("Fix the problems listed below first.")
    } else {
        None
    };
    let blocked_text = match props.blockers.len() {
        0 => String::new(),
        1 => "Cannot run: 1 problem to fix".to_string(),
        n => format!("Cannot run: {n} problems to fix"),
    };
    let details = props.details.as_ref().map(|(runs, seed, fp)| {
        html! {
            <p class="run-details" id="run-details" data-fingerprint={fp.clone()} data-runs={runs.to_string()}>
                { format!("Run details: seed {seed}, {} runs, {} workers, results fingerprint ", format::count(*runs as f64), run.workers.max(1)) }
                <code id="fingerprint">{ fp.clone() }</code>
            </p>
        }
    });
    html! {
        <section class="runbar no-print" aria-label="Run settings">
            <div class="settings"><SettingsInputs settings={props.settings.clone()} dispatch={props.dispatch.clone()} />
                <super::scrutiny::uncertainty::UncertaintySwitch settings={props.settings.clone()} dispatch={props.dispatch.clone()} /></div>
            <div class="run-controls">
                <button type="button" id="run" onclick={on_run} disabled={busy || blocked}
                    title={run_why}
                    aria-describedby={if blocked { Some("run-blocked") } else if busy { Some("status") } else { None }}>{ "Run" }</button>
                <button type="button" id="cancel" class="secondary" onclick={on_cancel}
                    disabled={run.status != RunStatus::Running}
                    title={(run.status != RunStatus::Running).then_some("Nothing is running to cancel.")}>{ "Cancel" }</button>
                <div class="progress-wrap">
                    <progress id="progress" max={run.total.max(1).to_string()} value={run.done.to_string()}
                        aria-label="Runs done" />
                    <span id="status" data-status={run.status.key()} role="status" aria-live="polite">{ status_text }</span>
                </div>
            </div>
            if blocked {
                <div class="blocked" id="run-blocked" role="alert">
                    <strong>{ blocked_text }</strong>
                    <ul>{ for props.blockers.iter().take(6).map(|b| html! { <li>{ b }</li> }) }</ul>
                </div>
            }
            { details.unwrap_or_default() }
        </section>
    }
}
