//! Re-run after edits, only when everything is valid. Edits are committed values (change
//! events), so the first edit after a quiet spell runs at once; a burst of edits runs at
//! most once every [`DEBOUNCE_MS`], the last edit always included (leading and trailing
//! edge). A slider let go (`settled`) runs its waiting edit at once.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::app::controller::{self, Shared};
use crate::app::io;
use crate::app::state::AppState;

/// Least time between two re-runs caused by a burst of edits.
pub const DEBOUNCE_MS: u32 = 300;

#[hook]
pub fn use_debounced_run(state: &UseReducerHandle<AppState>, ctrl: &Shared) {
    let timer = use_mut_ref(|| None::<Timeout>);
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
        let (state, ctrl) = (state.clone(), ctrl.clone());
        use_effect_with(state.settled, move |_| {
            if std::mem::take(&mut *waiting.borrow_mut()) {
                // Dropping the timeout cancels it.
                *timer.borrow_mut() = None;
                *last_start.borrow_mut() = io::now_ms();
                controller::start(&ctrl, &state.dispatcher(), &state);
            }
        });
    }
}
