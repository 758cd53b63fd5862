//! The "modelling detail" switch: off (the default), the form reads in plain English; on,
//! it also shows what a modeller needs: each assumption's field path, the model's own unit,
//! and the shape of the duration distributions. The choice is remembered in this browser
//! (a preference, nothing about children). It works by a class on the page's root element,
//! so that every part marked `advanced-only` (or `plain-only`) follows without re-drawing.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::persist::{LocalStore, Store};

/// Where the choice is remembered.
const KEY: &str = "sufficiency.advanced-view";
/// The root element's class while the switch is on.
const CLASS: &str = "advanced";

fn apply(on: bool) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let list = root.class_list();
        let _ = if on {
            list.add_1(CLASS)
        } else {
            list.remove_1(CLASS)
        };
    }
}

/// The switch.
#[function_component]
pub fn AdvancedSwitch() -> Html {
    let on = use_state(|| LocalStore.get(KEY).as_deref() == Some("on"));
    {
        let on = *on;
        use_effect_with(on, move |on| apply(*on));
    }
    let onchange = {
        let on = on.clone();
        Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            // Not remembered if the browser refuses: the switch still works for this visit.
            let _ = LocalStore.set(KEY, if checked { "on" } else { "off" });
            on.set(checked);
        })
    };
    html! {
        <label class="inline-check advanced-switch no-print" for="advanced-view">
            <input type="checkbox" id="advanced-view" checked={*on} {onchange} />
            { "Show modelling detail (field names, the model's units and distributions)" }
        </label>
    }
}
