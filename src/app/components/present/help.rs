//! The list of the facilitator's keys, shown over the chart on demand (`?`).

use yew::prelude::*;

use super::keys::SHORTCUTS;

/// The list, with a button that closes it.
pub fn shortcuts(close: Callback<MouseEvent>) -> Html {
    html! {
        <div class="present-help" id="present-help" role="dialog" aria-labelledby="present-help-title">
            <p class="present-help-title" id="present-help-title">{ "Keys for the facilitator" }</p>
            <dl>
                { for SHORTCUTS.iter().map(|(k, what)| html! { <>
                    <dt><kbd>{ *k }</kbd></dt><dd>{ *what }</dd>
                </> }) }
            </dl>
            <button type="button" id="present-help-close" onclick={close}>{ "Close" }</button>
        </div>
    }
}
