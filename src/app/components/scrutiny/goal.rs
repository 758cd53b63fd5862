//! "What would it take?": goal seek. Choose a lever, a target (a measure at most or at least
//! a number), a month and how sure to be (in how many of 10 futures); the answer is the
//! smallest setting of the lever that reaches it, with its uncertainty and its cost, or
//! plainly that no setting within the lever's range does. It runs on the workers, a job per
//! setting tried (`engine::goal_seek::GoalPlan`).

use std::rc::Rc;

use engine::goal_seek::{Answer, Direction, Goal, LeverChoice};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::format;

/// The measures a target can be set on: key, name, usual direction.
const MEASURES: [(&str, &str, Direction); 4] = [
    (
        "no_suitable",
        "Children without a suitable placement",
        Direction::AtMost,
    ),
    ("gap", "Sufficiency gap (children)", Direction::AtMost),
    ("in_care", "Children in care", Direction::AtMost),
    (
        "in_house_share",
        "Share of children in in-house placements (%)",
        Direction::AtLeast,
    ),
];

/// A lever's name for a councillor.
fn lever_name(l: LeverChoice) -> &'static str {
    match l {
        LeverChoice::ExtraEnquiries => "Extra fostering enquiries a month",
        LeverChoice::Conversion => "Better conversion of enquiries into approved carers",
        LeverChoice::Retention => "Keeping more foster carers (fewer leaving)",
        LeverChoice::NewHomeBeds => "Beds in a new council children's home",
        LeverChoice::AdmissionsAvoided => "Admissions of young people aged 10+ avoided",
    }
}

/// "2028-03" as "March 2028".
pub fn month_name(label: &str) -> String {
    match label.split_once('-') {
        Some((y, m)) => match m
            .parse::<usize>()
            .ok()
            .and_then(|m| engine::types::MONTH_NAMES.get(m.wrapping_sub(1)))
        {
            Some(name) => format!("{name} {y}"),
            None => label.to_string(),
        },
        None => label.to_string(),
    }
}

#[derive(Properties, PartialEq)]
pub struct GoalPanelProps {
    pub answer: Option<Rc<Answer>>,
    pub progress: Option<(u64, u64)>,
    pub stopped: Option<String>,
    /// The months simulated ("2020-07"), for "by".
    pub months: Rc<Vec<String>>,
    pub on_run: Callback<Goal>,
    pub on_cancel: Callback<()>,
    pub busy: bool,
}

/// The value of the form control with this id.
fn value_of(id: &str) -> String {
    let doc = web_sys::window().and_then(|w| w.document());
    let Some(el) = doc.and_then(|d| d.get_element_by_id(id)) else {
        return String::new();
    };
    use wasm_bindgen::JsCast;
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        return i.value();
    }
    el.dyn_ref::<HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

/// The goal the form describes, or what is wrong with it.
fn read_goal() -> Result<Goal, String> {
    let lever = LeverChoice::from_key(&value_of("goal-lever")).ok_or("choose a lever")?;
    let metric = value_of("goal-measure");
    let direction = match value_of("goal-direction").as_str() {
        "at_least" => Direction::AtLeast,
        _ => Direction::AtMost,
    };
    let target: f64 = value_of("goal-target")
        .trim()
        .parse()
        .map_err(|_| "Target: enter a number, such as 20")?;
    let month: usize = value_of("goal-month")
        .parse()
        .map_err(|_| "By: choose a month")?;
    let confidence: f64 = value_of("goal-confidence")
        .parse::<f64>()
        .map_err(|_| "How sure: choose how many futures in 10")?
        / 10.0;
    let cost_text = value_of("goal-cost");
    let cost_per_unit: f64 = if cost_text.trim().is_empty() {
        0.0
    } else {
        cost_text
            .trim()
            .replace([',', '£'], "")
            .parse()
            .map_err(|_| "Running cost: enter pounds a year, such as 5000, or leave it empty")?
    };
    Ok(Goal {
        metric,
        month,
        direction,
        target,
        confidence,
        lever,
        start_month: 0,
        ramp_months: 0,
        cost_per_unit,
    })
}

#[function_component]
pub fn GoalPanel(props: &GoalPanelProps) -> Html {
    let problem = use_state(|| None::<String>);
    // The question last asked, restated with its answer.
    let asked = use_state(|| None::<Goal>);
    let run = {
        let (on, problem, asked) = (props.on_run.clone(), problem.clone(), asked.clone());
        Callback::from(move |_: MouseEvent| match read_goal() {
            Ok(goal) => {
                problem.set(None);
                asked.set(Some(goal.clone()));
                on.emit(goal)
            }
            Err(e) => problem.set(Some(e)),
        })
    };
    let question = (*asked).as_ref().map(|g| {
        let measure = MEASURES
            .iter()
            .find(|(k, _, _)| *k == g.metric)
            .map(|(_, n, _)| *n)
            .unwrap_or("the measure");
        let way = match g.direction {
            Direction::AtMost => "at most",
            Direction::AtLeast => "at least",
        };
        let by = props
            .months
            .get(g.month)
            .map(|m| month_name(m))
            .unwrap_or_default();
        format!(
            "You asked: {measure} {way} {} in {by}, in {:.0} of 10 futures.",
            g.target,
            g.confidence * 10.0
        )
    });
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    // The share of futures asked for (the default choice until one is asked).
    let confidence = (*asked).as_ref().map_or(0.8, |g| g.confidence);
    let why = if props.progress.is_some() {
        Some(super::WORKING)
    } else if props.busy {
        Some(super::BUSY)
    } else {
        None
    };
    let (title, described) = super::why_attrs("goal-run-why", why);
    let last = props.months.len().saturating_sub(1);
    let progress = props.progress.map(|(done, total)| {
        html! {
            <div class="progress-wrap">
                <progress id="goal-progress" max={total.to_string()} value={done.to_string()} />
                <span>{ format!("{} simulated futures so far (at most {})", format::count(done as f64), format::count(total as f64)) }</span>
                <button type="button" id="goal-cancel" class="secondary" onclick={cancel}>{ "Cancel" }</button>
            </div>
        }
    });
    html! {
        <section class="goal-seek" id="goal-seek" aria-label="What would it take?">
            <h3>{ "What would it take?" }</h3>
            <p class="muted">{ "Find the smallest effort on one lever that reaches a target by a date in a chosen share of the simulated futures. The lever starts in the first month at full strength." }</p>
            <div class="goal-form">
                <label>{ "Lever" }
                    <select id="goal-lever">{ for LeverChoice::ALL.iter().map(|l| html! { <option value={l.key()}>{ lever_name(*l) }</option> }) }</select></label>
                <label>{ "Measure" }
                    <select id="goal-measure">{ for MEASURES.iter().map(|(k, n, _)| html! { <option value={*k}>{ *n }</option> }) }</select></label>
                <label>{ "Should be" }
                    <select id="goal-direction"><option value="at_most" selected=true>{ "at most" }</option><option value="at_least">{ "at least" }</option></select></label>
                <label>{ "Target" }<input id="goal-target" type="text" inputmode="decimal" class="num" placeholder="e.g. 20" size="6" /></label>
                <label>{ "By" }
                    <select id="goal-month">{ for props.months.iter().enumerate().map(|(i, m)| html! { <option value={i.to_string()} selected={i == last}>{ month_name(m) }</option> }) }</select></label>
                <label>{ "How sure" }
                    <select id="goal-confidence">{ for (5..=9).map(|n| html! { <option value={n.to_string()} selected={n == 8}>{ format!("in {n} of 10 futures") }</option> }) }</select></label>
                <label>{ "Running cost a year per unit of the lever (£, optional)" }<input id="goal-cost" type="text" inputmode="decimal" class="num" size="9" /></label>
                <button type="button" id="goal-run" onclick={run} disabled={why.is_some()}
                    title={title} aria-describedby={described}>{ "Find the setting" }</button>
                { super::why_disabled("goal-run-why", why) }
            </div>
            if let Some(p) = &*problem { <p class="field-error" role="alert" id="goal-problem">{ p }</p> }
            { progress.unwrap_or_default() }
            if let Some(why) = &props.stopped { <p class="note" id="goal-stopped">{ why }</p> }
            if props.answer.is_some() {
                if let Some(q) = question { <p class="goal-question" id="goal-question">{ q }</p> }
            }
            { props.answer.as_deref().map(|a| answer(a, confidence)).unwrap_or_default() }
        </section>
    }
}

/// The answer in plain words, for `confidence` (0-1) of the futures: the setting found and
/// how roughly the runs made know it, or that none in the range reaches the target. (The
/// costs are said once, below it, in the app's £ millions.)
pub fn summary(a: &Answer, confidence: f64) -> String {
    let futures = format!("{:.0} in 100 futures", confidence * 100.0);
    let d = a.lever.decimals();
    let means = &a.setting_means;
    match a.setting {
        None => format!(
            "No setting up to {:.d$} {means} reaches the target in {futures}: at the top of the range \
             it is reached in {:.0} in 100.",
            a.range.1,
            a.share_with * 100.0
        ),
        Some(s) => {
            let high = a.setting_high.map_or_else(
                || "beyond the range searched".to_string(),
                |h| format!("{h:.d$}"),
            );
            format!(
                "At least {s:.d$} {means} reaches the target in at least {futures} ({:.0} in 100 \
                 of these runs); without it, {:.0} in 100. With {} runs the setting is known \
                 roughly: somewhere from {:.d$} to {high} (more runs narrow it).",
                a.share_with * 100.0,
                a.share_without * 100.0,
                format::count(f64::from(a.runs)),
                a.setting_low.unwrap_or(s)
            )
        }
    }
}

fn answer(a: &Answer, confidence: f64) -> Html {
    let d = a.lever.decimals();
    let found = a.setting.is_some();
    html! {
        <div class={classes!("goal-answer", (!found).then_some("unreachable"))} id="goal-answer"
             data-found={found.to_string()}>
            <p id="goal-summary"><strong>{ lever_name(a.lever) }{ ": " }</strong>{ summary(a, confidence) }</p>
            <ul>
                <li>{ format!("Searched from {:.d$} to {:.d$} {}.", a.range.0, a.range.1, a.setting_means) }</li>
                <li>{ format!("Futures reaching the target: {:.0} in 100 without the lever, {:.0} in 100 {}.",
                    a.share_without * 100.0, a.share_with * 100.0,
                    if found { "at the setting found" } else { "at the top of the range" }) }</li>
                <li>{ format!("Average cost to that month: {} without the lever, {} with it.",
                    format::pounds(a.cost_without), format::pounds(a.cost_with)) }</li>
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn months_read_as_names() {
        assert_eq!(super::month_name("2028-03"), "March 2028");
        assert_eq!(super::month_name("odd"), "odd");
    }
}
