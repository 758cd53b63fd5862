//! "What if this is wrong?": choose an uncertain assumption (or click the button under its
//! field) and see each outcome with it at the low and the high end of its plausible range
//! against its value as given: a sensitivity, not a strategy (nothing is added to the
//! comparison).

use std::rc::Rc;

use engine::catalog;
use engine::sensitivity::what_if::WhatIf;
use yew::prelude::*;

use crate::format;

#[derive(Properties, PartialEq)]
pub struct WhatIfPanelProps {
    pub answer: Option<Rc<WhatIf>>,
    /// Runs done and in all, while it runs.
    pub progress: Option<(u64, u64)>,
    /// Why it stopped, if it did not finish.
    pub stopped: Option<String>,
    /// Run it for the assumption at this path.
    pub on_run: Callback<String>,
    pub on_cancel: Callback<()>,
    /// Another analysis or the main run is busy on the workers.
    pub busy: bool,
}

/// An assumption's label, from the catalogue.
fn label(path: &str) -> &'static str {
    catalog::param(path)
        .map(|p| p.label)
        .unwrap_or("assumption")
}

/// A figure of an outcome: pounds in £ millions, shares as percentages, counts whole.
pub fn figure(metric: &str, x: f64) -> String {
    match metric {
        "cost" => format::pounds_millions(x),
        "in_house_share" => format!("{x:.1}%"),
        _ => format!("{x:.1}"),
    }
}

#[function_component]
pub fn WhatIfPanel(props: &WhatIfPanelProps) -> Html {
    let first = catalog::uncertain()[0].path.to_string();
    let chosen = use_state(|| first);
    // The choice follows the answer shown: a what-if started from a field's link
    // answers for that field's assumption, and the list must name it too.
    {
        let chosen = chosen.clone();
        let shown = props.answer.as_ref().map(|w| w.path.clone());
        use_effect_with(shown, move |shown| {
            if let Some(path) = shown {
                if *chosen != *path {
                    chosen.set(path.clone());
                }
            }
        });
    }
    let choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                chosen.set(select.value());
            }
        })
    };
    let run = {
        let (on, chosen) = (props.on_run.clone(), chosen.clone());
        Callback::from(move |_: MouseEvent| on.emit((*chosen).clone()))
    };
    let cancel = {
        let on = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on.emit(()))
    };
    let options = catalog::uncertain().iter().map(|s| {
        html! { <option value={s.path} selected={*chosen == s.path}>{ label(s.path) }</option> }
    });
    let progress = props.progress.map(|(done, total)| {
        html! {
            <div class="progress-wrap">
                <progress id="what-if-progress" max={total.to_string()} value={done.to_string()} />
                <span>{ format!("{} of {} simulated futures", format::count(done as f64), format::count(total as f64)) }</span>
                <button type="button" id="what-if-cancel" class="secondary" onclick={cancel}>{ "Cancel" }</button>
            </div>
        }
    });
    html! {
        <section class="what-if" id="what-if" aria-label="What if this is wrong?">
            <h3>{ "What if this is wrong?" }</h3>
            <p class="muted">{ "Pick an assumption, or use the \u{201c}What if this is wrong?\u{201d} link under it in the form, to see the results with it at the low and the high end of its plausible range." }</p>
            <div class="scrutiny-controls">
                <label for="what-if-assumption">{ "Assumption" }</label>
                <select id="what-if-assumption" onchange={choose} disabled={props.progress.is_some()}>{ for options }</select>
                <button type="button" id="what-if-run" onclick={run} disabled={props.busy}>{ "Show low and high" }</button>
            </div>
            { progress.unwrap_or_default() }
            if let Some(why) = &props.stopped { <p class="note" id="what-if-stopped">{ why }</p> }
            { props.answer.as_deref().map(answer).unwrap_or_default() }
        </section>
    }
}

/// The answer as a table: each outcome as given, at the low end and at the high end.
fn answer(w: &WhatIf) -> Html {
    let rows = w.lines.iter().map(|l| {
        html! {
            <tr data-metric={l.metric.clone()}>
                <th scope="row">{ &l.outcome }</th>
                <td class="num">{ figure(&l.metric, l.at_low) }</td>
                <td class="num as-given">{ figure(&l.metric, l.as_given) }</td>
                <td class="num">{ figure(&l.metric, l.at_high) }</td>
            </tr>
        }
    });
    html! {
        <div class="what-if-answer" id="what-if-answer" data-path={w.path.clone()}>
            <p><strong>{ &w.label }</strong>{ format!(": plausible range {} to {} (built-in value {}).", w.low_text, w.high_text, w.default_text) }</p>
            <table class="what-if-table">
                <caption>{ format!("Average over {} simulated futures, the same chance events in each column.", format::count(f64::from(w.runs))) }</caption>
                <thead><tr>
                    <th scope="col">{ "Outcome" }</th>
                    <th scope="col">{ format!("At the low end ({})", w.low_text) }</th>
                    <th scope="col">{ "As in the scenario" }</th>
                    <th scope="col">{ format!("At the high end ({})", w.high_text) }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p class="meaning">{ &w.meaning }</p>
            <details class="about"><summary>{ "Why this range" }</summary><p>{ &w.reason }</p></details>
        </div>
    }
}
