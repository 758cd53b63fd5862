//! The root component: loads saved work (or a share link), autosaves, re-runs after edits
//! (debounced) and lays out the page.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::compare::Compare;
use super::editor::Editor;
use super::results::Results;
use super::runbar::RunBar;
use super::scenarios::{Notices, ScenarioTabs};
use crate::app::controller::{self, Controller};
use crate::app::io;
use crate::app::persist::{self, LocalStore};
use crate::app::share::{self, Upload, Workspace};
use crate::app::state::{Action, AppState, NoticeAction, NoticeKind};

/// Least time between two re-runs caused by a burst of edits.
const DEBOUNCE_MS: u32 = 300;

fn reduce(s: AppState, a: Action) -> AppState {
    use yew::Reducible;
    (*Rc::new(s).reduce(a)).clone()
}

/// The state at start-up: saved work (an unreadable save is kept aside and reported),
/// then a share link in the address, if any.
fn initial_state() -> AppState {
    let mut store = LocalStore;
    let loaded = persist::load(&mut store, &io::timestamp());
    let mut s = AppState::new(
        loaded
            .workspace
            .clone()
            .unwrap_or_else(Workspace::default_borough),
    );
    s.previous = loaded.previous;
    if let Some(u) = loaded.unreadable {
        let download = NoticeAction::Download {
            label: "Download the unreadable copy".into(),
            filename: format!("sufficiency-unreadable-{}.json", io::timestamp()),
            text: Rc::new(u.raw.clone()),
        };
        match &u.kept_at {
            Ok(key) => {
                s = reduce(s, Action::Notify {
                    kind: NoticeKind::Warning,
                    text: format!("Your saved work could not be read ({}). It has been kept in this browser under \"{key}\"; the default borough is shown instead.", u.reason),
                    action: Some(download),
                });
            }
            Err(e) => {
                s = reduce(s, Action::SetSavePaused(true));
                s = reduce(s, Action::Notify {
                    kind: NoticeKind::Error,
                    text: format!("Your saved work could not be read ({}) nor copied aside ({e}). Saving is paused so it is not overwritten: download it first.", u.reason),
                    action: Some(download),
                });
                s = reduce(
                    s,
                    Action::Notify {
                        kind: NoticeKind::Warning,
                        text: "When you have downloaded it:".into(),
                        action: Some(NoticeAction::ResumeSaving),
                    },
                );
            }
        }
    }
    if let Some(action) = share_action(&s.workspace()) {
        if matches!(action, Action::Load { .. }) {
            let _ = persist::save_previous(&mut store, &s.workspace());
        }
        s = reduce(s, action);
    }
    s
}

/// What the share link in the address bar asks for (and clear it from the address).
fn share_action(current: &Workspace) -> Option<Action> {
    let hash = io::location_hash();
    let payload = share::payload_of_fragment(&hash)?;
    let result = share::decode(payload);
    io::clear_hash();
    Some(match result {
        Ok(ws) if ws.scenarios == current.scenarios && ws.settings == current.settings => {
            Action::Notify { kind: NoticeKind::Info, text: "The share link shows what you already have.".into(), action: None }
        }
        Ok(ws) => Action::Load {
            ws,
            note: "Opened the scenarios from the share link. Your own work was kept and can be restored.".into(),
        },
        Err(e) => Action::Notify {
            kind: NoticeKind::Error,
            text: format!("This share link could not be opened: {e}. Your work is unchanged."),
            action: None,
        },
    })
}

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let ctrl: controller::Shared = use_mut_ref(Controller::default);
    let timer = use_mut_ref(|| None::<Timeout>);
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let save_failed = use_mut_ref(|| false);
    let share_url = use_state(|| None::<String>);
    // One callback for the component's life: children whose other props are unchanged
    // (the editor while a run reports progress or results) then skip re-rendering. That
    // spares the UI thread, which shares the cores with the workers, and keeps a value
    // being typed from being reset to the saved one by a re-render before it is committed.
    let dispatch: Callback<Action> = {
        let d = state.dispatcher();
        (*use_memo((), move |_| Callback::from(move |a| d.dispatch(a)))).clone()
    };

    // Re-run after edits, only when everything is valid. Edits are committed values (change
    // events), so the first edit after a quiet spell runs at once; a burst of edits runs at
    // most once every DEBOUNCE_MS, the last edit always included (leading and trailing edge).
    // A slider let go (`settled`) runs its waiting edit at once.
    let last_start = use_mut_ref(|| f64::NEG_INFINITY);
    let waiting = use_mut_ref(|| false);
    {
        let (state, ctrl, timer) = (state.clone(), ctrl.clone(), timer.clone());
        let (last_start, waiting) = (last_start.clone(), waiting.clone());
        use_effect_with(state.rev, move |_| {
            let since = io::now_ms() - *last_start.borrow();
            let d = state.dispatcher();
            if since >= f64::from(DEBOUNCE_MS) {
                *timer.borrow_mut() = None;
                *waiting.borrow_mut() = false;
                *last_start.borrow_mut() = io::now_ms();
                controller::start(&ctrl, &d, &state);
            } else {
                let delay = (f64::from(DEBOUNCE_MS) - since).ceil() as u32;
                *waiting.borrow_mut() = true;
                *timer.borrow_mut() = Some(Timeout::new(delay, move || {
                    if std::mem::take(&mut *waiting.borrow_mut()) {
                        *last_start.borrow_mut() = io::now_ms();
                        controller::start(&ctrl, &d, &state);
                    }
                }));
            }
        });
    }
    {
        let (state, ctrl, timer) = (state.clone(), ctrl.clone(), timer.clone());
        use_effect_with(state.settled, move |_| {
            if std::mem::take(&mut *waiting.borrow_mut()) {
                // Dropping the timeout cancels it.
                *timer.borrow_mut() = None;
                *last_start.borrow_mut() = io::now_ms();
                controller::start(&ctrl, &state.dispatcher(), &state);
            }
        });
    }

    // Autosave.
    {
        let key = (
            state.rev,
            state.active,
            state.save_paused,
            state.previous.clone(),
        );
        let (state, save_failed) = (state.clone(), save_failed.clone());
        use_effect_with(key, move |(_, _, paused, previous)| {
            if *paused {
                return;
            }
            let mut store = LocalStore;
            let mut result = persist::save(&mut store, &state.workspace());
            if let (Ok(()), Some(prev)) = (&result, previous) {
                result = persist::save_previous(&mut store, prev);
            }
            let mut failed = save_failed.borrow_mut();
            match result {
                Err(e) if !*failed => {
                    *failed = true;
                    state.dispatch(Action::Notify { kind: NoticeKind::Error, text: format!("Your work could not be saved in this browser: {e}. Download it to keep it."), action: None });
                }
                Ok(()) => *failed = false,
                Err(_) => {}
            }
        });
    }

    // A share link pasted into the address bar of the open page.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo::events::EventListener::new(&w, "hashchange", move |_| {
                    if let Some(a) = share_action(&state.workspace()) {
                        state.dispatch(a);
                    }
                })
            });
            move || drop(listener)
        });
    }

    let on_run = {
        let (state, ctrl) = (state.clone(), ctrl.clone());
        Callback::from(move |_| controller::start(&ctrl, &state.dispatcher(), &state))
    };
    let on_cancel = {
        let (state, ctrl) = (state.clone(), ctrl.clone());
        Callback::from(move |_| controller::cancel(&ctrl, &state.dispatcher()))
    };
    let on_notice_action = {
        let state = state.clone();
        Callback::from(move |a: NoticeAction| match a {
            NoticeAction::Download { filename, text, .. } => {
                if let Err(e) = io::download(&filename, "application/json", &text) {
                    state.dispatch(Action::Notify {
                        kind: NoticeKind::Error,
                        text: format!("Download failed: {e}"),
                        action: None,
                    });
                }
            }
            NoticeAction::RestorePrevious => state.dispatch(Action::RestorePrevious),
            NoticeAction::Undo(ws) => state.dispatch(Action::Undo(ws)),
            NoticeAction::ResumeSaving => {
                state.dispatch(Action::SetSavePaused(false));
            }
        })
    };
    let on_share = {
        let (state, share_url) = (state.clone(), share_url.clone());
        Callback::from(move |_: MouseEvent| {
            let url = share::link(&io::location_href(), &state.workspace());
            io::copy_to_clipboard(&url);
            share_url.set(Some(url));
        })
    };
    let on_download_json = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let text = serde_json::to_string_pretty(&state.workspace()).unwrap_or_default();
            if let Err(e) = io::download(
                &format!("sufficiency-scenarios-{}.json", io::timestamp()),
                "application/json",
                &text,
            ) {
                state.dispatch(Action::Notify {
                    kind: NoticeKind::Error,
                    text: format!("Download failed: {e}"),
                    action: None,
                });
            }
        })
    };
    let on_download_csv = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(r) = &state.results else { return };
            if let Err(e) = io::download(
                &format!("sufficiency-results-{}.csv", io::timestamp()),
                "text/csv",
                &r.report.0.to_csv(),
            ) {
                state.dispatch(Action::Notify {
                    kind: NoticeKind::Error,
                    text: format!("Download failed: {e}"),
                    action: None,
                });
            }
        })
    };
    let on_upload = {
        let (state, reader) = (state.clone(), reader.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let file = gloo::file::File::from(file);
            let name = file.name();
            let d = state.dispatcher();
            let task = gloo::file::callbacks::read_as_text(&file, move |res| {
                let action = match res
                    .map_err(|e| e.to_string())
                    .and_then(|t| share::parse_upload(&t))
                {
                    Ok(Upload::Workspace(ws)) => Action::Load {
                        ws,
                        note: format!(
                            "Opened {name}. Your previous work was kept and can be restored."
                        ),
                    },
                    Ok(Upload::Scenario(v)) => Action::AddScenarioValue(v),
                    Err(e) => Action::Notify {
                        kind: NoticeKind::Error,
                        text: format!("Could not open {name}: {e}"),
                        action: None,
                    },
                };
                d.dispatch(action);
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });

    let s = &*state;
    let blockers = Rc::new(s.blockers());
    let details = s.results.as_ref().map(|r| {
        (
            r.report.0.runs,
            r.report.0.seed,
            r.report.0.fingerprint.clone(),
        )
    });
    let active = s.active_doc().cloned();
    let results_html = match &s.results {
        Some(r) => {
            let shown = r.index_of(s.active);
            let missing = !r.doc_ids.contains(&s.active);
            html! {
                <>
                    if missing { <p class="note" id="results-pending">{ "This scenario is not in the results yet: the baseline is shown until the next run finishes." }</p> }
                    if !blockers.is_empty() { <p class="note stale" id="results-stale">{ "These results are from before your latest changes, which have problems to fix." }</p> }
                    <Results report={r.report.clone()} {shown} complete={r.complete} />
                </>
            }
        }
        None => html! {
            <section class="results placeholder" id="results" aria-busy="true">
                <h2>{ "Results" }</h2>
                <p>{ if blockers.is_empty() { "Running the first simulations…" } else { "Fix the problems above to run the model." } }</p>
            </section>
        },
    };
    let print_header = s.results.as_ref().map(|r| {
        let rep = &r.report.0;
        let names: Vec<String> = rep.scenarios.iter().map(|x| x.name.clone()).collect();
        html! {
            <div class="print-only print-header">
                <p>{ format!("Scenarios: {}. {} simulated futures per scenario, seed {}, {} months from {}. Results fingerprint {}.",
                    names.join("; "), rep.runs, rep.seed, rep.horizon_months, rep.month_labels.first().cloned().unwrap_or_default(), rep.fingerprint) }</p>
            </div>
        }
    });
    html! {
        <div class="app">
            <header class="app-header">
                <div class="title">
                    <h1>{ "Placement sufficiency modeller" }</h1>
                    <p class="subtitle">{ "Homes for children in care: demand, foster carers, children's homes and cost, with honest uncertainty. Everything runs on this computer." }</p>
                </div>
                <div class="toolbar no-print" role="toolbar" aria-label="Keep and share">
                    <button type="button" class="secondary small" id="share" onclick={on_share}>{ "Share link" }</button>
                    <button type="button" class="secondary small" id="download-json" onclick={on_download_json}>{ "Download scenarios" }</button>
                    <label class="button secondary small" for="upload">{ "Open scenarios…" }</label>
                    <input type="file" id="upload" class="visually-hidden" accept=".json,application/json" onchange={on_upload} />
                    <button type="button" class="secondary small" id="download-csv" onclick={on_download_csv} disabled={s.results.is_none()}>{ "Download results (CSV)" }</button>
                    <button type="button" class="secondary small" id="print" onclick={on_print}>{ "Print report" }</button>
                </div>
            </header>
            if let Some(url) = (*share_url).clone() {
                <div class="share-box no-print">
                    <label for="share-url">{ "Share link (copied): anyone opening it sees these scenarios and, with the same seed, the same numbers." }</label>
                    <input id="share-url" type="text" readonly=true value={url} />
                </div>
            }
            { print_header.unwrap_or_default() }
            <Notices notices={s.notices.clone()} dispatch={dispatch.clone()} on_action={on_notice_action} />
            <RunBar settings={s.settings.clone()} run={s.run.clone()} blockers={blockers.clone()} {details}
                dispatch={dispatch.clone()} {on_run} {on_cancel} />
            <ScenarioTabs docs={s.docs.clone()} active={s.active} dispatch={dispatch.clone()} />
            <div class="workspace">
                <main class="main-col" id="main">{ results_html }</main>
                <aside class="side-col no-print">
                    if let Some(doc) = active { <Editor {doc} dispatch={dispatch.clone()} /> }
                </aside>
            </div>
            if let Some(r) = &s.results { <Compare report={r.report.clone()} /> }
        </div>
    }
}
