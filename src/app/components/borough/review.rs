//! Reviewing a fit: every fitted value, group by group, with "estimated from your returns
//! (N periods of care, window dates)", its uncertainty, and the value it replaces; each
//! group taken from the returns or kept as the baseline has it.

use std::rc::Rc;

use engine::ssda903::fit::{FitGroup, FittedValue};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app::state::borough::{BoroughAction, BoroughState};
use crate::borough::Outcome;

#[derive(Properties, PartialEq)]
pub struct FitReviewProps {
    pub outcome: Rc<Outcome>,
    pub borough: UseReducerHandle<BoroughState>,
}

/// The field's name in words: its catalogue label, and which element of a table.
pub fn field_label(field: &str) -> String {
    let base: String = {
        let mut out = String::new();
        let mut depth = 0;
        for c in field.chars() {
            match c {
                '[' => depth += 1,
                ']' => depth -= 1,
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    };
    let indices = &field[field.find('[').unwrap_or(field.len())..];
    match engine::catalog::lookup(&base) {
        Some(p) => format!(
            "{}{}",
            p.label,
            if indices.is_empty() {
                String::new()
            } else {
                format!(" {indices}")
            }
        ),
        None => field.to_string(),
    }
}

/// A number in at most four significant figures.
pub fn figure(v: f64) -> String {
    if !v.is_finite() {
        return "\u{2014}".into();
    }
    if v == 0.0 {
        return "0".into();
    }
    let digits = (3 - v.abs().log10().floor() as i32).clamp(0, 4) as usize;
    format!("{v:.digits$}")
}

fn row(v: &FittedValue) -> Html {
    let uncertainty = match (v.interval, v.std_error) {
        (Some([lo, hi]), _) => format!("{} to {}", figure(lo), figure(hi)),
        (None, Some(se)) => format!("\u{00b1}{}", figure(1.96 * se)),
        _ => "not known (too few data)".into(),
    };
    html! {
        <tr>
            <th scope="row">{ field_label(&v.field) }</th>
            <td class="num fitted">{ figure(v.value) }</td>
            <td class="num">{ uncertainty }</td>
            <td class="num muted">{ figure(v.default) }</td>
            <td class="fit-source">{ &v.source }</td>
        </tr>
    }
}

#[function_component]
pub fn FitReview(props: &FitReviewProps) -> Html {
    let Ok(fit) = &props.outcome.fit else {
        return html! {};
    };
    let b = &*props.borough;
    let groups = FitGroup::ALL.into_iter().map(|g| {
        let values: Vec<&FittedValue> = fit.report.values.iter().filter(|v| v.group == g).collect();
        let on = b.accepted.contains(&g);
        let toggle = {
            let d = props.borough.dispatcher();
            Callback::from(move |e: Event| {
                let yes = e.target_unchecked_into::<HtmlInputElement>().checked();
                d.dispatch(BoroughAction::Accept { group: g, yes })
            })
        };
        let key = format!("{g:?}").to_lowercase();
        html! {
            <div class={classes!("fit-group", (!on).then_some("kept"))} id={format!("fit-group-{key}")}>
                <h4>
                    <label>
                        <input type="checkbox" class="accept-group" checked={on} onchange={toggle} />
                        { format!(" {}", g.label()) }
                    </label>
                    <span class="muted">{ if on { " \u{2014} from your returns" } else { " \u{2014} keeping the baseline\u{2019}s values" } }</span>
                </h4>
                if values.is_empty() {
                    <p class="muted">{ "Nothing fitted in this group (see the notes)." }</p>
                } else {
                    <table class="fit-values">
                        <thead><tr><th>{ "Assumption" }</th><th class="num">{ "Estimated" }</th><th class="num">{ "95% range" }</th><th class="num">{ "Replaces" }</th><th>{ "From" }</th></tr></thead>
                        <tbody>{ for values.into_iter().map(row) }</tbody>
                    </table>
                }
            </div>
        }
    });
    html! {
        <section class="borough-review" id="borough-review">
            <h3>{ "Review the fit" }</h3>
            <p class="muted">{ format!(
                "Each value below is estimated from your returns, {} to {}, beside the baseline value it replaces. Untick a group to keep the baseline\u{2019}s values for it.",
                fit.report.window_from, fit.report.as_at
            ) }</p>
            { for groups }
            if !fit.report.notes.is_empty() {
                <ul class="fit-notes">{ for fit.report.notes.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_figures_read_plainly() {
        assert_eq!(figure(1234.567), "1235");
        assert_eq!(figure(0.012345), "0.0123");
        assert_eq!(figure(f64::NAN), "\u{2014}");
        let l = field_label("demand.groups_per_month");
        assert!(!l.contains("demand."), "a catalogue label: {l}");
        assert!(field_label("exits.route_by_entry_age[2][0]").ends_with("[2][0]"));
    }
}
