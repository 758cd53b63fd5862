//! Share links: the one in the address when the page opens (see `startup`) and one pasted
//! into the address bar of the open page (`hashchange`). Either replaces the work only
//! after keeping it in the history of earlier versions.

use yew::prelude::*;

use super::replace_work_in_browser;
use crate::app::io;
use crate::app::share::{self, Workspace};
use crate::app::state::saved::same_work;
use crate::app::state::{Action, AppState, NoticeKind, Source};

/// What the share link in the address bar asks for, if there is one (and clear it from
/// the address).
pub fn share_action(current: &Workspace) -> Option<Action> {
    let hash = io::location_hash();
    let payload = share::payload_of_fragment(&hash)?;
    let result = share::decode(payload);
    io::clear_hash();
    Some(match result {
        Ok(ws) if same_work(&ws, current) => Action::Notify {
            kind: NoticeKind::Info,
            text: "The share link shows what you already have.".into(),
            action: None,
        },
        Ok(ws) => replace_work_in_browser(
            current,
            ws,
            "The share link",
            "before opening a share link",
            |kept| Source::ShareLink { kept },
        ),
        Err(e) => Action::Notify {
            kind: NoticeKind::Error,
            text: format!("This share link could not be opened: {e}. Your work is unchanged."),
            action: None,
        },
    })
}

/// Open a share link pasted into the address bar of the open page.
#[hook]
pub fn use_share_link(state: &UseReducerHandle<AppState>) {
    // The listener lives as long as the page; it reads the state as it is then.
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            gloo::events::EventListener::new(&w, "hashchange", move |_| {
                let state = latest.borrow().clone();
                if let Some(a) = share_action(&state.workspace()) {
                    state.dispatch(a);
                }
            })
        });
        move || drop(listener)
    });
}
