//! The toolbar: share link (and whether it was copied), download and open scenarios,
//! download results, earlier versions, print.

use std::ops::Deref;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::hooks::replace_work_in_browser;
use crate::app::io;
use crate::app::limits::{size_text, MAX_FILE_BYTES};
use crate::app::share::{self, Opened, Upload};
use crate::app::state::{Action, AppState, NewScenario, NoticeKind, Source, WorkAction};

/// The state handle for the toolbar. Never equal to another: the toolbar (a few buttons)
/// re-renders with the page, so its callbacks always hold the state as it is (the work
/// to share or download, the results to save), without comparing whole states.
#[derive(Clone)]
pub struct StateHandle(pub UseReducerHandle<AppState>);

impl PartialEq for StateHandle {
    fn eq(&self, _: &Self) -> bool {
        false
    }
}

impl Deref for StateHandle {
    type Target = UseReducerHandle<AppState>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl From<UseReducerHandle<AppState>> for StateHandle {
    fn from(h: UseReducerHandle<AppState>) -> Self {
        StateHandle(h)
    }
}

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub state: StateHandle,
    /// Opens the list of earlier versions.
    pub set_history: UseStateSetter<bool>,
}

/// Whether the share link reached the clipboard.
#[derive(Clone, PartialEq)]
enum Copy {
    Pending,
    Done,
    Failed(String),
}

/// The notice for a file that is too large to read.
pub fn too_large(name: &str, bytes: u64) -> String {
    format!(
        "{name} was not opened: it is {}, and a scenario file is at most {} (eight scenarios as downloaded are about 150 kB). Your work is unchanged.",
        size_text(bytes),
        size_text(MAX_FILE_BYTES)
    )
}

/// The notice for a file opened with values to mend: the first few, and how many more.
pub fn attention_text(name: &str, attention: &[String]) -> String {
    const SHOWN: usize = 3;
    let more = attention.len().saturating_sub(SHOWN);
    let tail = if more > 0 {
        format!("; and {more} more")
    } else {
        String::new()
    };
    let (n, verb) = if attention.len() == 1 {
        ("a value".to_string(), "It is")
    } else {
        (format!("{} values", attention.len()), "They are")
    };
    format!(
        "{name} holds {n} to mend before it can run. {verb} kept as typed and marked in the form, as when it was saved: {}{tail}.",
        attention.iter().take(SHOWN).cloned().collect::<Vec<_>>().join("; ")
    )
}

#[function_component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let share_url = use_state(|| None::<(String, Copy)>);
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let state = props.state.clone();
    let notify_error = {
        let d = state.dispatcher();
        move |text: String| {
            d.dispatch(Action::Notify {
                kind: NoticeKind::Error,
                text,
                action: None,
            })
        }
    };
    let on_share = {
        let (state, share_url) = (state.clone(), share_url.clone());
        Callback::from(move |_: MouseEvent| {
            let url = share::link(&io::location_href(), &state.workspace());
            share_url.set(Some((url.clone(), Copy::Pending)));
            let share_url = share_url.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let copied = match io::copy_to_clipboard(&url).await {
                    Ok(()) => Copy::Done,
                    Err(e) => Copy::Failed(e),
                };
                share_url.set(Some((url, copied)));
            });
        })
    };
    let on_download_json = {
        let (state, notify_error) = (state.clone(), notify_error.clone());
        Callback::from(move |_: MouseEvent| {
            let text = serde_json::to_string_pretty(&state.workspace()).unwrap_or_default();
            let name = format!("sufficiency-scenarios-{}.json", io::timestamp());
            if let Err(e) = io::download(&name, "application/json", &text) {
                notify_error(format!("Download failed: {e}"));
            }
        })
    };
    let on_download_csv = {
        let (state, notify_error) = (state.clone(), notify_error.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(r) = &state.run.results else { return };
            let name = format!("sufficiency-results-{}.csv", io::timestamp());
            if let Err(e) = io::download(&name, "text/csv", &r.report.0.to_csv()) {
                notify_error(format!("Download failed: {e}"));
            }
        })
    };
    let on_upload = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let file = gloo::file::File::from(file);
            let name = file.name();
            // Checked before reading: a large file would freeze or crash the page.
            if file.size() > MAX_FILE_BYTES {
                return notify_error(too_large(&name, file.size()));
            }
            let state = state.clone();
            let task = gloo::file::callbacks::read_as_text(&file, move |res| {
                let opened = res
                    .map_err(|e| e.to_string())
                    .and_then(|t| share::parse_upload(&t));
                let attention = match &opened {
                    Ok(o) => o.attention.clone(),
                    Err(_) => Vec::new(),
                };
                let action = match opened {
                    Ok(Opened {
                        upload: Upload::Workspace(ws),
                        ..
                    }) => replace_work_in_browser(
                        &state.workspace(),
                        ws,
                        &name,
                        &format!("before opening {name}"),
                        |kept| Source::File {
                            name: name.clone(),
                            kept,
                        },
                    ),
                    Ok(Opened {
                        upload: Upload::Scenario(v),
                        ..
                    }) => WorkAction::Add(NewScenario::Value(v)).into(),
                    Err(e) => Action::Notify {
                        kind: NoticeKind::Error,
                        text: format!("Could not open {name}: {e}"),
                        action: None,
                    },
                };
                state.dispatch(action);
                if !attention.is_empty() {
                    state.dispatch(Action::Notify {
                        kind: NoticeKind::Warning,
                        text: attention_text(&name, &attention),
                        action: None,
                    });
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let on_history = {
        let set = props.set_history.clone();
        Callback::from(move |_: MouseEvent| set.set(true))
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let share_box = (*share_url).clone().map(|(url, copied)| {
        let (class, label) = match &copied {
            Copy::Pending => ("", "Share link (copying…)".to_string()),
            Copy::Done => ("", "Share link (copied)".to_string()),
            Copy::Failed(_) => ("not-copied", "Share link (not copied: the browser did not allow it; select the link below and copy it)".to_string()),
        };
        html! {
            <div class={classes!("share-box", "no-print", class)} data-copied={matches!(copied, Copy::Done).to_string()}>
                <label for="share-url" id="share-label">{ format!("{label}: anyone opening it sees these scenarios and, with the same seed, the same numbers.") }</label>
                <input id="share-url" type="text" readonly=true value={url} />
            </div>
        }
    });
    html! {
        <>
            <div class="toolbar no-print" role="toolbar" aria-label="Keep and share">
                <button type="button" class="secondary small" id="share" onclick={on_share}>{ "Share link" }</button>
                <button type="button" class="secondary small" id="download-json" onclick={on_download_json}>{ "Download scenarios" }</button>
                <label class="button secondary small" for="upload">{ "Open scenarios…" }</label>
                <input type="file" id="upload" class="visually-hidden" accept=".json,application/json" onchange={on_upload} />
                <button type="button" class="secondary small" id="history-open" onclick={on_history}>{ "Earlier versions" }</button>
                <button type="button" class="secondary small" id="download-csv" onclick={on_download_csv} disabled={state.run.results.is_none()}
                    title={state.run.results.is_none().then_some("No results yet: press Run first, then download them.")}>{ "Download results (CSV)" }</button>
                <button type="button" class="secondary small" id="print" onclick={on_print}>{ "Print report" }</button>
            </div>
            { share_box.unwrap_or_default() }
        </>
    }
}
