//! The root component's effects, as hooks (each in its own file):
//!
//! * [`use_autosave`]: saves after every change, never over newer work from another tab,
//!   and follows (or offers) the work other tabs save;
//! * [`use_debounced_run`]: re-runs the model after edits, at most once per burst limit;
//! * [`use_share_link`]: opens a share link pasted into the address bar of the open page;
//! * [`use_typing_guard`]: asks before the page is left with text typed but not applied.
//!
//! [`replace_work`] is how anything replaces the work: the current work is kept in the
//! history of earlier versions first, and nothing is replaced when that fails.

mod autosave;
mod debounced_run;
mod share_link;
mod typing_guard;

pub use autosave::use_autosave;
pub use debounced_run::use_debounced_run;
pub use share_link::{share_action, use_share_link};
pub use typing_guard::use_typing_guard;

use std::rc::Rc;

use crate::app::io;
use crate::app::persist::{self, LocalStore, Store};
use crate::app::share::Workspace;
use crate::app::state::saved::same_work;
use crate::app::state::{Action, NoticeAction, NoticeKind, Source};

/// A download of `ws` offered in a notice.
pub fn download_action(label: &str, ws: &Workspace) -> NoticeAction {
    NoticeAction::Download {
        label: label.into(),
        filename: format!("sufficiency-scenarios-{}.json", io::timestamp()),
        text: Rc::new(serde_json::to_string_pretty(ws).unwrap_or_default()),
    }
}

/// The action that replaces `current` with `ws`: `current` is kept in the history first
/// (unless it is the untouched default borough). When it cannot be kept, the work is not
/// replaced and the notice says so. `what` names the new work ("The share link").
pub fn replace_work(
    store: &mut dyn Store,
    current: &Workspace,
    ws: Workspace,
    what: &str,
    reason: &str,
    source: impl FnOnce(Option<u64>) -> Source,
) -> Action {
    let fresh = Workspace::default_borough();
    let worth_keeping = !same_work(current, &fresh);
    let kept = if worth_keeping {
        match persist::keep(store, current, reason, io::now_ms() as u64, &io::timestamp()) {
            Ok(id) => Some(id),
            Err(e) => {
                return Action::Notify {
                    kind: NoticeKind::Error,
                    text: format!("{what} was not opened: your current work could not be kept first ({e}), so nothing was replaced. Download your work, or free some space in this browser, and try again."),
                    action: Some(download_action("Download my work", current)),
                }
            }
        }
    } else {
        None
    };
    Action::Load {
        ws,
        source: source(kept),
    }
}

/// [`replace_work`] over the browser's storage.
pub fn replace_work_in_browser(
    current: &Workspace,
    ws: Workspace,
    what: &str,
    reason: &str,
    source: impl FnOnce(Option<u64>) -> Source,
) -> Action {
    replace_work(&mut LocalStore, current, ws, what, reason, source)
}
