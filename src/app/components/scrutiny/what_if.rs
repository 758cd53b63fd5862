//! "What if this is wrong?": choose an uncertain assumption (or click the button under its
//! field) and see each outcome with it at the low and the high end of its plausible range,
//! and with a change of the reader's own ("30% more"), against its value as given, each
//! change with its simulation noise: a sensitivity, not a strategy (nothing is added to the
//! comparison).

use std::rc::Rc;

use engine::catalog;
use engine::metrics::Unit;
use engine::sensitivity::what_if::{WhatIf, WhatIfLine, OWN_CHANGE_PERCENT};
use yew::prelude::*;

use super::words;
use crate::app::components::sensitivity::{metric_unit, shown};
use crate::format;

#[derive(Properties, PartialEq)]
pub struct WhatIfPanelProps {
    pub answer: Option<Rc<WhatIf>>,
    /// Runs done and in all, while it runs.
    pub progress: Option<(u64, u64)>,
    /// Why it stopped, if it did not finish.
    pub stopped: Option<String>,
    /// Run it for the assumption at this path, with a change of the reader's own in
    /// percent if given.
    pub on_run: Callback<(String, Option<f64>)>,
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

/// The reader's own change as typed: nothing, a percentage within the allowed range, or why
/// not (naming the field).
pub fn parse_own(text: &str) -> Result<Option<f64>, String> {
    let t = text.trim().trim_end_matches('%').trim();
    if t.is_empty() {
        return Ok(None);
    }
    let (lo, hi) = OWN_CHANGE_PERCENT;
    let why = format!(
        "Your own change: type a percentage from {lo} to +{hi}, such as 30 (30% more) or -20 (20% less)."
    );
    match t.replace('\u{2212}', "-").parse::<f64>() {
        Ok(p) if p.is_finite() && (lo..=hi).contains(&p) => Ok(Some(p)),
        _ => Err(why),
    }
}

/// A word of caution when the reader's own change is under 1% either way: it is read as a
/// percentage, and someone who typed the assumption's new value (0.2 for a leaving rate of
/// 0.2 a year) would otherwise see it run as 0.2% more without being told.
pub fn small_change_note(percent: Option<f64>) -> Option<String> {
    let p = percent.filter(|p| *p != 0.0 && p.abs() < 1.0)?;
    Some(format!(
        "Read as {}% {} than as given: a very small change. Your own change is a percentage of the assumption (30 for 30% more); to try a new value instead, type it in the form.",
        format!("{:.2}", p.abs()).trim_end_matches('0').trim_end_matches('.'),
        if p < 0.0 { "less" } else { "more" }
    ))
}

/// The unit of an outcome of a what-if, and its figure in that unit's own scale (a share
/// comes as a percentage, the shared formatting takes it 0-1).
fn unit_of(metric: &str, x: f64) -> (Unit, f64) {
    match metric_unit(metric) {
        Unit::BasisPoints => (Unit::BasisPoints, x / 100.0),
        unit => (unit, x),
    }
}

/// A change from the scenario as given, signed: "+£1.4M", "+2.0" (for a share, in
/// percentage points without the word, which its noise brings).
fn signed(metric: &str, d: f64) -> String {
    match metric_unit(metric) {
        Unit::Pounds => format::signed_with(d, format::pounds_millions),
        _ => format::signed_with(d, |m| format::value_precise(Unit::Count, m)),
    }
}

/// A change from the scenario as given, signed, in the outcome's unit.
pub fn change(metric: &str, d: f64) -> String {
    match metric_unit(metric) {
        Unit::BasisPoints => format!("{} points", signed(metric, d)),
        _ => signed(metric, d),
    }
}

/// The change from as given and its simulation noise under a figure: "+£1.4M ± £0.20M",
/// and "within noise" when it is less than two standard errors.
pub fn change_with_noise(metric: &str, d: f64, noise: f64) -> String {
    if !noise.is_finite() {
        return change(metric, d);
    }
    let within = if d.abs() < 2.0 * noise {
        " (within simulation noise)"
    } else {
        ""
    };
    let (unit, se) = unit_of(metric, noise);
    format!(
        "{} {}{within}",
        signed(metric, d),
        format::plus_minus(unit, se)
    )
}

/// A figure of an outcome, as the tornado and the rest of the app show it: pounds in
/// £ millions, shares as percentages, counts with one decimal.
pub fn figure(metric: &str, x: f64) -> String {
    shown(metric_unit(metric), x)
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
    let own = use_state(String::new);
    let own_error = parse_own(&own).err();
    let own_note = parse_own(&own).ok().and_then(small_change_note);
    let type_own = {
        let own = own.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                own.set(input.value());
            }
        })
    };
    let why = if props.progress.is_some() {
        Some(super::WORKING)
    } else if props.busy {
        Some(super::BUSY)
    } else if own_error.is_some() {
        Some("Correct your own change first (or leave it empty).")
    } else {
        None
    };
    let (title, described) = super::why_attrs("what-if-run-why", why);
    let run = {
        let (on, chosen, own) = (props.on_run.clone(), chosen.clone(), own.clone());
        Callback::from(move |_: MouseEvent| {
            if let Ok(percent) = parse_own(&own) {
                on.emit(((*chosen).clone(), percent));
            }
        })
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
                <label for="what-if-own">{ "Your own change (optional)" }</label>
                <span class="own-change">
                    <input id="what-if-own" type="text" inputmode="decimal" size="6" placeholder="e.g. 30"
                        value={(*own).clone()} oninput={type_own} disabled={props.progress.is_some()}
                        aria-invalid={own_error.is_some().then_some("true")}
                        aria-describedby="what-if-own-help" />
                    { "% more than as given (negative for less)" }
                </span>
                <button type="button" id="what-if-run" onclick={run} disabled={why.is_some()}
                    title={title} aria-describedby={described}>{ "Show the answer" }</button>
                { super::why_disabled("what-if-run-why", why) }
            </div>
            <p class="muted small" id="what-if-own-help">{ "For example 30 answers \u{201c}what if carers leave 30% faster?\u{201d} when the assumption is a leaving rate: every value of the assumption in the scenario is changed by that share." }</p>
            if let Some(why) = &own_error { <p class="field-error" id="what-if-own-error" role="alert">{ why }</p> }
            if let Some(note) = &own_note { <p class="note" id="what-if-own-note" role="status">{ note }</p> }
            { progress.unwrap_or_default() }
            if let Some(why) = &props.stopped { <p class="note" id="what-if-stopped">{ why }</p> }
            { props.answer.as_deref().map(answer).unwrap_or_default() }
        </section>
    }
}

/// A cell of a variant: its figure, and under it the change from as given with its noise.
fn variant_cell(l: &WhatIfLine, at: f64, noise: f64, class: &'static str) -> Html {
    html! {
        <td class={classes!("num", class)}>
            { figure(&l.metric, at) }
            <span class="change">{ change_with_noise(&l.metric, at - l.as_given, noise) }</span>
        </td>
    }
}

/// The answer as a table: each outcome at the low end, as given, at the high end and with
/// the reader's own change; each change from as given with its simulation noise.
fn answer(w: &WhatIf) -> Html {
    let rows = w.lines.iter().map(|l| {
        let own = l
            .at_own
            .map(|at| variant_cell(l, at, l.noise_own.unwrap_or(f64::NAN), "own"));
        html! {
            <tr data-metric={l.metric.clone()}>
                <th scope="row">{ &l.outcome }</th>
                { variant_cell(l, l.at_low, l.noise_low, "low") }
                <td class="num as-given">{ figure(&l.metric, l.as_given) }</td>
                { variant_cell(l, l.at_high, l.noise_high, "high") }
                { own.unwrap_or_default() }
            </tr>
        }
    });
    let spread = catalog::uncertain().iter().find(|s| s.path == w.path);
    let end = |x: Option<f64>| x.map_or_else(String::new, |x| words::setting(&w.path, x));
    let (low, high) = (end(spread.map(|s| s.low)), end(spread.map(|s| s.high)));
    let own_head = w.own_percent.map(|_| {
        let said = words::own_change(w)
            .or_else(|| w.own_text.clone())
            .unwrap_or_default();
        html! { <th scope="col">{ format!("Your change ({said})") }</th> }
    });
    let built_in = words::built_in(&w.path)
        .map(|b| format!(" (built-in value {b})"))
        .unwrap_or_default();
    html! {
        <div class="what-if-answer" id="what-if-answer" data-path={w.path.clone()}>
            <p id="what-if-range"><strong>{ &w.label }</strong>{ format!(": plausible range {}{built_in}.", words::range(&w.path)) }</p>
            <table class="what-if-table">
                <caption>{ format!("Average over {} simulated futures of its own, the same chance events in each column (the headline tiles show the middle value, the median, of the main run, so \u{201c}as in the scenario\u{201d} can differ a little from them). Under each figure: its change from the scenario as given, \u{00b1} one standard error of simulation noise (more runs make it smaller); a change within two of them is not a clear difference.", format::count(f64::from(w.runs))) }</caption>
                <thead><tr>
                    <th scope="col">{ "Outcome" }</th>
                    <th scope="col">{ format!("At the low end ({low})") }</th>
                    <th scope="col">{ "As in the scenario" }</th>
                    <th scope="col">{ format!("At the high end ({high})") }</th>
                    { own_head.unwrap_or_default() }
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            <p class="meaning">{ &w.meaning }</p>
            <details class="about"><summary>{ "Why this range" }</summary><p>{ &w.reason }</p></details>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_change_is_read_or_refused_by_name() {
        assert_eq!(parse_own(""), Ok(None));
        assert_eq!(parse_own(" 30 "), Ok(Some(30.0)));
        assert_eq!(parse_own("-20%"), Ok(Some(-20.0)));
        assert_eq!(parse_own("\u{2212}20"), Ok(Some(-20.0)));
        for bad in ["abc", "-95", "1e9", "NaN"] {
            let why = parse_own(bad).expect_err(bad);
            assert!(why.starts_with("Your own change: "), "{why}");
        }
    }

    #[test]
    fn a_change_under_one_percent_is_pointed_out() {
        let note = small_change_note(parse_own("0.2").unwrap()).expect("noted");
        assert!(
            note.starts_with("Read as 0.2% more than as given"),
            "{note}"
        );
        let note = small_change_note(Some(-0.5)).expect("noted");
        assert!(note.starts_with("Read as 0.5% less"), "{note}");
        assert_eq!(small_change_note(Some(30.0)), None);
        assert_eq!(small_change_note(Some(0.0)), None);
        assert_eq!(small_change_note(None), None);
    }

    #[test]
    fn changes_carry_their_noise() {
        assert_eq!(
            change_with_noise("in_care", 12.34, 1.2),
            "+12.3 \u{00b1} 1.2"
        );
        assert_eq!(
            change_with_noise("in_care", 1.0, 1.2),
            "+1.0 \u{00b1} 1.2 (within simulation noise)"
        );
        assert_eq!(
            change_with_noise("cost", -1.4e6, 0.2e6),
            "\u{2212}£1.4M \u{00b1} £0.20M"
        );
        assert_eq!(change("in_house_share", 2.0), "+2.0 points");
        assert_eq!(
            change_with_noise("in_house_share", 1.74, 0.1),
            "+1.7 \u{00b1} 0.1 points"
        );
    }
}
