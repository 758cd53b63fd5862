//! Autosave, shared with the app's other tabs. After every change the work is saved,
//! unless another tab saved newer work since this tab last read or wrote it (then the
//! state is told, and shows both if this tab has changes of its own). A `storage` event
//! (another tab saved) or the page becoming visible again (events may have been missed
//! while it was frozen) reads the saved work and tells the state too; not while text is being
//! typed in a box (it would replace the text), but once the box is left.

use yew::prelude::*;

use crate::app::persist::{self, LocalStore, Saved};
use crate::app::state::{Action, AppState, NoticeKind};

#[hook]
pub fn use_autosave(state: &UseReducerHandle<AppState>) {
    let failed = use_mut_ref(|| false);
    {
        let key = (
            state.rev,
            state.active,
            state.save_paused,
            state.conflict.is_some(),
        );
        let state = state.clone();
        use_effect_with(key, move |_| {
            if state.save_paused || state.conflict.is_some() {
                return;
            }
            let active = state.active_index();
            if !state.unsaved() && active == state.saved.active {
                return;
            }
            let ws = state.workspace();
            let outcome = persist::save_checked(&mut LocalStore, &ws, state.saved.revision);
            let mut failed = failed.borrow_mut();
            match outcome {
                Ok(Saved::At(revision)) => {
                    *failed = false;
                    state.dispatch(Action::Saved {
                        revision,
                        at_rev: state.rev,
                        active,
                    });
                }
                Ok(Saved::Newer {
                    workspace,
                    revision,
                }) => state.dispatch(Action::OtherTabSaved {
                    ws: *workspace,
                    revision,
                }),
                Err(e) if !*failed => {
                    *failed = true;
                    state.dispatch(Action::Notify {
                        kind: NoticeKind::Error,
                        text: format!("Your work could not be saved in this browser: {e}. Download it to keep it."),
                        action: Some(super::download_action("Download my work", &ws)),
                    });
                }
                Err(_) => {}
            }
        });
    }
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let missed = std::rc::Rc::new(std::cell::Cell::new(false));
        let check = move || {
            if let Some((ws, revision)) = persist::read(&LocalStore) {
                dispatcher.dispatch(Action::OtherTabSaved { ws, revision });
            }
        };
        let listeners = web_sys::window().map(|w| {
            let on_storage = {
                let check = check.clone();
                let missed = missed.clone();
                gloo::events::EventListener::new(&w, "storage", move |e| {
                    // `key` is null when another tab cleared the storage.
                    let key = js_sys::Reflect::get(e, &"key".into()).ok();
                    let key = key.and_then(|k| k.as_string());
                    if key.is_none() || key.as_deref() == Some(persist::KEY) {
                        // Not over text being typed: read once it is applied or left.
                        if super::typing_guard::typing() {
                            missed.set(true);
                        } else {
                            check();
                        }
                    }
                })
            };
            // The box left (its text applied by now, or unchanged): the other tab's work
            // missed meanwhile is read, after this tab's own edit is in the state.
            let on_left = w.document().map(|d| {
                let (check, missed) = (check.clone(), missed.clone());
                gloo::events::EventListener::new(&d, "focusout", move |_| {
                    if missed.replace(false) {
                        let check = check.clone();
                        gloo::timers::callback::Timeout::new(0, check).forget();
                    }
                })
            });
            let on_visible = w.document().map(|d| {
                let doc = d.clone();
                gloo::events::EventListener::new(&d, "visibilitychange", move |_| {
                    if !doc.hidden() {
                        check();
                    }
                })
            });
            (on_storage, on_visible, on_left)
        });
        move || drop(listeners)
    });
}
