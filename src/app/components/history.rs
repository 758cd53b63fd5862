//! Earlier versions: the work kept before something replaced it (a share link, a file,
//! another tab's work, a restore), newest first; any can be restored (the current work
//! is kept first, so a restore can be undone the same way).

use std::rc::Rc;

use yew::prelude::*;

use super::conflict::differences;
use crate::app::hooks::replace_work_in_browser;
use crate::app::persist::{self, LocalStore, HISTORY_LEN};
use crate::app::share::Workspace;
use crate::app::state::{scenario_name, Action, Source};

#[derive(Properties, PartialEq)]
pub struct HistoryProps {
    pub current: Rc<Workspace>,
    pub dispatch: Callback<Action>,
    /// Shows (`true`) or closes the list.
    pub set_open: UseStateSetter<bool>,
}

#[function_component]
pub fn History(props: &HistoryProps) -> Html {
    // Read when shown (other tabs may have added to it).
    let list = persist::history(&LocalStore);
    let close = {
        let set = props.set_open.clone();
        Callback::from(move |_: MouseEvent| set.set(false))
    };
    let items = list.into_iter().enumerate().map(|(i, e)| {
        let names = e
            .workspace
            .scenarios
            .iter()
            .enumerate()
            .map(|(j, v)| scenario_name(v, j))
            .collect::<Vec<_>>()
            .join(", ");
        // What tells it apart: where it differs from the work open now.
        let diffs = differences(&props.current, &e.workspace);
        let shown: Vec<String> = diffs
            .iter()
            .take(3)
            .map(|d| format!("{} {} (now {})", d.place, d.theirs, d.mine))
            .collect();
        let compared = match diffs.len() {
            0 => "The same as the work open now.".to_string(),
            n if n > 3 => format!("Differs from the work open now in {}; and {} more.", shown.join("; "), n - 3),
            _ => format!("Differs from the work open now in {}.", shown.join("; ")),
        };
        let restore = {
            let (d, current, set) = (props.dispatch.clone(), props.current.clone(), props.set_open.clone());
            let ws = e.workspace.clone();
            Callback::from(move |_: MouseEvent| {
                d.emit(replace_work_in_browser(
                    &current,
                    ws.clone(),
                    "The earlier version",
                    "before restoring an earlier version",
                    |kept| Source::Earlier { kept },
                ));
                set.set(false);
            })
        };
        let when = match e.kept_at.split_once('T') {
            Some((day, time)) => format!("{day} {} UTC", time.trim_end_matches('Z').replace('-', ":")),
            None => e.kept_at.clone(),
        };
        html! {
            <li class="earlier" id={format!("earlier-{i}")} data-id={e.id.to_string()}>
                <div class="earlier-text">
                    <strong>{ names }</strong>
                    <span class="earlier-diff">{ compared }</span>
                    <span class="muted">{ format!("Kept {when}, {}", e.reason) }</span>
                </div>
                <button type="button" class="small" id={format!("restore-{i}")} onclick={restore}>{ "Restore" }</button>
            </li>
        }
    });
    let items: Vec<Html> = items.collect();
    html! {
        <section class="history no-print" id="history" aria-labelledby="history-title">
            <div class="history-head">
                <h2 id="history-title">{ "Earlier versions" }</h2>
                <button type="button" class="link" id="history-close" onclick={close}>{ "Close" }</button>
            </div>
            <p class="muted">{ format!("Your work as it was before a share link, a file or another tab replaced it: the last {HISTORY_LEN}, kept in this browser. Restoring one keeps the current work here first.") }</p>
            if items.is_empty() { <p id="history-empty">{ "Nothing has replaced your work yet." }</p> }
            else { <ol class="earlier-list">{ for items }</ol> }
        </section>
    }
}
