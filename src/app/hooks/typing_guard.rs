//! Text typed but not yet applied is not lost by leaving the page. A number box applies
//! its text when the user leaves it (`change`), so text still being typed when the page is
//! reloaded or closed would go without a word: while any box of the page holds such text,
//! the browser is asked to confirm leaving (its own "Leave site?" dialog). [`typing`] tells
//! the other hooks the same: work another tab saves is not taken over the text being typed
//! (`use_autosave` waits until it is applied or the box is left).

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// Is this event's target a text box whose typing is applied on `change` (not a slider,
/// check box or file chooser, which apply at once)?
fn typed_box(event: &Event) -> bool {
    use wasm_bindgen::JsCast;
    let Some(target) = event.target() else {
        return false;
    };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return typed_type(&input.type_());
    }
    target.dyn_ref::<web_sys::HtmlTextAreaElement>().is_some()
}

thread_local! {
    /// Text is being typed in a box and not yet applied (`use_typing_guard` keeps it).
    static TYPING: Rc<Cell<bool>> = Rc::new(Cell::new(false));
}

/// Is text being typed in a box of the page and not yet applied? Typed since the last
/// `change`, and the box still has the focus: a box left (or taken off the page while
/// being typed in, which fires no `change`) holds nothing pending.
pub fn typing() -> bool {
    TYPING.with(|t| t.get()) && focused_box()
}

/// The element with the focus is a text box whose typing is applied on `change`.
fn focused_box() -> bool {
    use wasm_bindgen::JsCast;
    let Some(active) = gloo::utils::document().active_element() else {
        return false;
    };
    if let Some(input) = active.dyn_ref::<web_sys::HtmlInputElement>() {
        return typed_type(&input.type_());
    }
    active.dyn_ref::<web_sys::HtmlTextAreaElement>().is_some()
}

/// An input of this type applies its text on `change` (not a slider, check box or file
/// chooser, which apply at once).
fn typed_type(t: &str) -> bool {
    matches!(
        t,
        "text" | "number" | "search" | "" | "date" | "email" | "tel" | "url"
    )
}

#[hook]
pub fn use_typing_guard() {
    use_effect_with((), |_| {
        let pending = TYPING.with(Rc::clone);
        let document = gloo::utils::document();
        let capture = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: true,
        };
        let on_input = {
            let pending = pending.clone();
            EventListener::new_with_options(&document, "input", capture, move |e| {
                if typed_box(e) {
                    pending.set(true);
                }
            })
        };
        // Applied (or the box left): nothing is pending. A `change` after each box's
        // typing is what applies it, so the last one clears the flag.
        let on_change = {
            let pending = pending.clone();
            EventListener::new_with_options(&document, "change", capture, move |e| {
                if typed_box(e) {
                    pending.set(false);
                }
            })
        };
        let on_leave = EventListener::new_with_options(
            &gloo::utils::window(),
            "beforeunload",
            EventListenerOptions::enable_prevent_default(),
            move |e| {
                if pending.get() && focused_box() {
                    e.prevent_default();
                    // Older browsers ask through `returnValue`.
                    let _ = js_sys::Reflect::set(
                        e,
                        &JsValue::from_str("returnValue"),
                        &JsValue::from_str(""),
                    );
                }
            },
        );
        move || drop((on_input, on_change, on_leave))
    });
}
