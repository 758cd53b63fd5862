//! The hindcast: pick a date inside the returns; the fit then uses only the data before
//! it, the projection runs forward in the worker, and the observed line is drawn over the
//! fan with a verdict in plain English (the share of months inside the 10-90% band, the
//! median's error after 12 and 24 months). Also the report's "Track record". While it
//! runs, its progress and a Cancel button (which stops the worker; the answer on screen
//! stays).

use std::rc::Rc;

use engine::rounding::{round_to, whole_percent};
use engine::ssda903::fit::years_before;
use engine::ssda903::hindcast::Coverage;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::Choices;
use crate::borough::Outcome;
use crate::charts::observed::hindcast_chart;

#[derive(Properties, PartialEq)]
pub struct HindcastViewProps {
    pub outcome: Rc<Outcome>,
    pub choices: Choices,
    pub on_change: Callback<Choices>,
    /// The request under way includes a hindcast: its step in words and share done.
    pub running: Option<(String, f64)>,
    pub on_cancel: Callback<()>,
}

fn coverage_row(c: &Coverage, label: &str) -> Html {
    let err = |e: &Option<engine::ssda903::hindcast::MedianError>| match e {
        // The difference with the two numbers it is between, so a share and a count read
        // alike (a forecast of 0 against 3 is -100%; 0 against 0 has no share).
        Some(e) => {
            let between = format!("{:.0} against {:.0}", e.median, e.observed);
            match e.relative_error {
                Some(r) => format!("{:+.0}% ({between})", round_to(100.0 * r, 0)),
                None => format!("{:+.0} ({between})", e.error),
            }
        }
        None => "\u{2014}".into(),
    };
    html! {
        <tr>
            <th scope="row">{ label }</th>
            <td class="num">{ format!("{} of {} ({})", c.inside, c.months, whole_percent(c.share_inside)) }</td>
            <td class="num">{ err(&c.after_12) }</td>
            <td class="num">{ err(&c.after_24) }</td>
        </tr>
    }
}

#[function_component]
pub fn HindcastView(props: &HindcastViewProps) -> Html {
    let o = &props.outcome;
    let picked = use_state(|| None::<String>);
    let result = o.hindcast.clone();
    let (Some(from), Some(to)) = (o.observed_from, o.observed_to) else {
        return html! {};
    };
    let suggested = years_before(to, 2).max(from).to_string();
    let date = (*picked)
        .clone()
        .or_else(|| props.choices.hindcast.clone())
        .unwrap_or(suggested);
    let on_date = {
        let picked = picked.clone();
        Callback::from(move |e: Event| {
            picked.set(Some(e.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };
    let on_run = {
        let (c, cb, date) = (props.choices.clone(), props.on_change.clone(), date.clone());
        Callback::from(move |_: MouseEvent| {
            cb.emit(Choices {
                hindcast: Some(date.clone()),
                ..c.clone()
            })
        })
    };
    let history: Vec<(String, f64)> = o
        .history
        .iter()
        .map(|m| {
            (
                format!("{:04}-{:02}", m.year, m.month),
                m.end.in_care as f64,
            )
        })
        .collect();
    let body = match &result {
        None => html! {},
        Some(Err(p)) => {
            html! { <p class="error" id="hindcast-error" role="alert">{ format!("Hindcast date: {}", p.message) }</p> }
        }
        Some(Ok(h)) => {
            let find = |k: &str| h.coverage.iter().find(|c| c.metric == k);
            html! {
                <div class="hindcast-result" id="hindcast-result">
                    <p class="verdict" id="hindcast-verdict">{ &h.verdict }</p>
                    { Html::from_html_unchecked(AttrValue::from(hindcast_chart(h, &history, "in_care", "Children in care: projected from the date against what happened"))) }
                    <table class="hindcast-coverage">
                        <thead><tr><th>{ "Measure" }</th><th class="num">{ "Months inside the 10-90% band" }</th><th class="num">{ "Median error after 12 months" }</th><th class="num">{ "after 24 months" }</th></tr></thead>
                        <tbody>
                            { for [("in_care", "Children in care"), ("admissions", "Admissions a month"), ("exits", "Exits a month")]
                                .into_iter()
                                .filter_map(|(k, l)| find(k).map(|c| coverage_row(c, l))) }
                        </tbody>
                    </table>
                </div>
            }
        }
    };
    html! {
        <section class="borough-hindcast" id="borough-hindcast">
            <h3>{ "Track record: how would the model have done?" }</h3>
            <p class="muted">{ "Pick a date inside your returns. The model is fitted using only the data before it, run forward, and set against what your returns show happened next." }</p>
            <label for="hindcast-date">{ "Hindcast from" }</label>
            <input type="date" id="hindcast-date" value={date} min={from.to_string()} max={to.to_string()} onchange={on_date} />
            <button type="button" class="secondary" id="hindcast-run" onclick={on_run}>{ "Run the hindcast" }</button>
            if let Some((stage, fraction)) = &props.running {
                <p class="borough-progress" id="hindcast-progress" role="status">
                    <progress max="1" value={fraction.to_string()}></progress>
                    { format!(" {stage}\u{2026} ") }
                    <button type="button" class="secondary small" id="hindcast-cancel" onclick={props.on_cancel.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
                </p>
            }
            { body }
        </section>
    }
}
