//! The state when the page opens: the saved work (an unreadable save is kept aside and
//! reported), then the share link in the address, if any.

use std::rc::Rc;

use yew::Reducible;

use crate::app::hooks::share_action;
use crate::app::io;
use crate::app::persist::{self, LocalStore};
use crate::app::share::Workspace;
use crate::app::state::{Action, AppState, NoticeAction, NoticeKind, SavedMark};

fn reduce(s: AppState, a: Action) -> AppState {
    (*Rc::new(s).reduce(a)).clone()
}

pub fn initial_state() -> AppState {
    let mut store = LocalStore;
    let loaded = persist::load(&mut store, &io::timestamp());
    let ws = loaded
        .workspace
        .clone()
        .unwrap_or_else(Workspace::default_borough);
    let mut s = AppState::new(ws);
    s.saved = SavedMark {
        revision: loaded.revision,
        at_rev: s.rev,
        active: s.active_index(),
    };
    if let Some(u) = loaded.unreadable {
        // The unreadable save is replaced by the next save (once it is kept aside).
        s.saved.at_rev = u64::MAX;
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
        s = reduce(s, action);
    }
    s
}
