//! The assumptions a return does not hold (foster carers, the recruitment funnel, homes,
//! markets, costs): kept from the baseline, marked "not from the return: confirm or
//! enter", with the main ones editable here before the fit is accepted; and, apart from
//! them, the values the return holds but with too few data to fit, kept with the reason.
//! Each is named by the label the form gives it.

use serde_json::Value;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::super::prose::plain_paths;
use super::super::toolbar::StateHandle;
use super::review::field_label;
use crate::app::state::borough::{BoroughAction, BoroughState};
use engine::ssda903::fit::KeptValue;

/// The assumptions asked for here (the rest are in the scenario's form).
pub const ASKED: [&str; 8] = [
    "fostering.households",
    "fostering.attrition_early",
    "fostering.attrition_later",
    "fostering.funnel.enquiries_per_month",
    "fostering.funnel.to_approval",
    "fostering.usable_place_share",
    "costs.budget_per_year",
    "costs.cost_per_approval",
];

/// One kept value in words: its label as the form gives it, and the reason with any field
/// path read as its label.
pub fn kept_text(k: &KeptValue) -> String {
    format!("{}: {}", field_label(&k.field), plain_paths(&k.reason))
}

/// The value at a dotted path.
pub fn at<'a>(v: &'a Value, path: &str) -> Option<&'a Value> {
    v.pointer(&format!("/{}", path.replace('.', "/")))
}

/// Sets the value at a dotted path (if the path exists).
pub fn set_at(v: &mut Value, path: &str, new: Value) {
    if let Some(slot) = v.pointer_mut(&format!("/{}", path.replace('.', "/"))) {
        *slot = new;
    }
}

#[derive(Properties, PartialEq)]
pub struct NotFromReturnProps {
    pub state: StateHandle,
    pub borough: UseReducerHandle<BoroughState>,
}

#[function_component]
pub fn NotFromReturn(props: &NotFromReturnProps) -> Html {
    let b = &*props.borough;
    let Some(Ok(fit)) = b.outcome.as_ref().map(|o| &o.fit) else {
        return html! {};
    };
    let base = props
        .state
        .docs
        .first()
        .map(|d| (*d.value).clone())
        .unwrap_or(Value::Null);
    let rows = ASKED.iter().map(|path| {
        let param = engine::catalog::lookup(path);
        let label = param.map_or(*path, |p| p.label);
        let unit = param.map_or("", |p| p.unit);
        let value = b
            .entered
            .get(*path)
            .or_else(|| at(&base, path))
            .map(|v| v.to_string())
            .unwrap_or_default();
        let onchange = {
            let (d, path) = (props.borough.dispatcher(), path.to_string());
            Callback::from(move |e: Event| {
                let input = e.target_unchecked_into::<HtmlInputElement>();
                match input.value().trim().parse::<f64>() {
                    Ok(x) if x.is_finite() => {
                        input.set_custom_validity("");
                        let v = if x.fract() == 0.0 && (0.0..1e15).contains(&x) {
                            Value::from(x as u64)
                        } else {
                            Value::from(x)
                        };
                        d.dispatch(BoroughAction::Enter { path: path.clone(), value: v })
                    }
                    _ => input.set_custom_validity(&format!("{path}: enter a number")),
                }
            })
        };
        let id = format!("borough-enter-{}", path.replace('.', "-"));
        html! {
            <tr>
                <th scope="row"><label for={id.clone()}>{ label }</label></th>
                <td><input type="number" step="any" {id} value={value} {onchange} /></td>
                <td class="muted">{ unit }</td>
                <td><span class="not-from-return">{ if b.entered.contains_key(*path) { "entered by you" } else { "not from the return \u{2014} confirm or enter" } }</span></td>
            </tr>
        }
    });
    html! {
        <section class="borough-not-from-return" id="borough-not-from-return">
            <h3>{ "Not in the return: confirm or enter" }</h3>
            <p class="muted">{ "The return holds nothing about foster carers, the recruitment funnel, children\u{2019}s homes, markets or costs. These are the baseline\u{2019}s values; enter your own where you know them." }</p>
            <table class="not-from-return-table">
                <tbody>{ for rows }</tbody>
            </table>
            <ul class="kept-list">{ for fit.report.kept.iter().filter(|k| !k.in_the_return()).map(|k| html! {
                <li><span class="not-from-return">{ "not from the return" }</span>{ format!(" {}", kept_text(k)) }</li>
            }) }</ul>
            if fit.report.kept.iter().any(KeptValue::in_the_return) {
                <h4>{ "In the return, but too few data to fit: the baseline\u{2019}s values kept" }</h4>
                <ul class="kept-list kept-too-few">{ for fit.report.kept.iter().filter(|k| k.in_the_return()).map(|k| html! {
                    <li><span class="too-few">{ "kept" }</span>{ format!(" {}", kept_text(k)) }</li>
                }) }</ul>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_asked_paths_are_in_the_scenario_and_catalogue() {
        let v = serde_json::to_value(engine::defaults::default_scenario()).unwrap();
        for p in ASKED {
            assert!(at(&v, p).is_some_and(Value::is_number), "{p}");
            assert!(engine::catalog::lookup(p).is_some(), "{p} in the catalogue");
        }
        let mut v = v;
        set_at(&mut v, "fostering.households", Value::from(12));
        assert_eq!(at(&v, "fostering.households"), Some(&Value::from(12)));
    }

    #[test]
    fn kept_values_read_by_their_labels() {
        let k = |field: &str, reason: &str| KeptValue {
            field: field.into(),
            reason: reason.into(),
        };
        let t = kept_text(&k(
            "fostering.sgo_conversion_share",
            "from fostering.attrition_early and fostering.attrition_later: kept",
        ));
        assert!(!t.contains("fostering."), "{t}");
        assert!(t.starts_with("Carers who leave"), "{t}");
        for field in [
            "demand.seasonality",
            "stability.breakdown_child.emergency",
            "exits.route_by_entry_age[0]",
        ] {
            let t = kept_text(&k(field, "in the return, but too few to fit"));
            assert!(!t.contains(field) && !t.contains('['), "{t}");
        }
        assert!(k("exits.route_by_entry_age[0]", "").in_the_return());
        assert!(!k("fostering", "").in_the_return());
    }
}
