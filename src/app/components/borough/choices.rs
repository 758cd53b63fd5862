//! The as-at date (default: the last date in the returns) and the reference window
//! (default 3 years) of a fit; changing either refits.

use std::rc::Rc;

use engine::ssda903::fit::MAX_WINDOW_YEARS;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::Choices;
use crate::borough::Outcome;

#[derive(Properties, PartialEq)]
pub struct ChoicesViewProps {
    pub choices: Choices,
    pub outcome: Rc<Outcome>,
    pub on_change: Callback<Choices>,
}

#[function_component]
pub fn ChoicesView(props: &ChoicesViewProps) -> Html {
    let o = &props.outcome;
    let last = o.observed_to.map(|d| d.to_string()).unwrap_or_default();
    let first = o.observed_from.map(|d| d.to_string()).unwrap_or_default();
    let as_at = props.choices.as_at.clone().unwrap_or_else(|| last.clone());
    let on_date = {
        let (c, cb, last) = (props.choices.clone(), props.on_change.clone(), last.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            let as_at = (!v.is_empty() && v != last).then_some(v);
            cb.emit(Choices { as_at, ..c.clone() })
        })
    };
    let on_window = {
        let (c, cb) = (props.choices.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            match input.value().trim().parse::<u32>() {
                Ok(n) if (1..=MAX_WINDOW_YEARS).contains(&n) => cb.emit(Choices {
                    window_years: n,
                    ..c.clone()
                }),
                _ => input.set_custom_validity(&format!(
                    "Reference window: a whole number of years from 1 to {MAX_WINDOW_YEARS}"
                )),
            }
        })
    };
    let fit_error = o.fit.as_ref().err().map(|p| {
        let what = match p.field.as_str() {
            "as_at" => "As-at date",
            "window_years" => "Reference window",
            "scenario" => "Baseline scenario",
            _ => "Returns",
        };
        format!("{what}: {}", p.message)
    });
    let window = o.fit.as_ref().ok().map(|f| {
        format!(
            "Rates are estimated from {} to {}.",
            f.report.window_from, f.report.as_at
        )
    });
    html! {
        <div class="borough-choices" id="borough-choices">
            <h3>{ "Fit as at" }</h3>
            <label for="borough-as-at">{ "As-at date (the children in care on it start the model; only data up to it are used)" }</label>
            <input type="date" id="borough-as-at" value={as_at} min={first} max={last} onchange={on_date} />
            <label for="borough-window">{ format!("Reference window, years (1 to {MAX_WINDOW_YEARS})") }</label>
            <input type="number" id="borough-window" min="1" max={MAX_WINDOW_YEARS.to_string()} step="1"
                value={props.choices.window_years.to_string()} onchange={on_window} />
            if let Some(w) = window { <p class="muted" id="borough-window-dates">{ w }</p> }
            if let Some(e) = fit_error { <p class="error" id="borough-fit-error" role="alert">{ e }</p> }
        </div>
    }
}
