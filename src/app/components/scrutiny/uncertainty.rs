//! The run setting "include uncertainty in the assumptions" (`RunSettings::uncertainty`): a
//! checkbox kept with the other run settings, so it is saved with the work and carried by
//! the share link and file.

use serde_json::Value;
use yew::prelude::*;

use crate::app::state::{Action, SettingKey, Settings, WorkAction};

#[derive(Properties, PartialEq)]
pub struct UncertaintySwitchProps {
    pub settings: Settings,
    pub dispatch: Callback<Action>,
}

#[function_component]
pub fn UncertaintySwitch(props: &UncertaintySwitchProps) -> Html {
    let on = props
        .settings
        .value
        .get(SettingKey::Uncertainty.key())
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let onchange = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let checked = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .map(|i| i.checked())
                .unwrap_or(false);
            d.emit(
                WorkAction::SetSetting {
                    key: SettingKey::Uncertainty,
                    value: Value::Bool(checked),
                }
                .into(),
            )
        })
    };
    html! {
        <div class="setting uncertainty-switch">
            <label title="Each simulated future also draws the uncertain assumptions (admissions, carers leaving, costs and others) from their plausible ranges, so the bands show not knowing the inputs as well as chance. Slower.">
                <input type="checkbox" id="setting-uncertainty" checked={on} {onchange} />
                { " Include uncertainty in the assumptions" }
            </label>
        </div>
    }
}
