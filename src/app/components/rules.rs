//! Editor for the matching rules: each rule's ages and needs, its preference order of
//! placement types (move a type earlier or later, remove it, add one) and the types that meet
//! its children's assessed needs (ticked; "placed below assessed need" counts the others),
//! plus adding, moving and removing rules. The moves are pure functions of the list (natively tested); every change
//! is one `WorkAction::Edit` of a rule's `order` or of the list of rules, so reset, validation
//! and saving treat it like any other field.

use engine::catalog::{self, Param};
use engine::types::NeedsFilter;
use engine::PlacementType;
use serde_json::Value;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::fields::{self, Ctx};
use super::prose::prose;
use crate::app::edit::{self, Path};

/// The list with the item at `i` moved one place earlier (unchanged for the first): a type
/// in an order, or a whole rule.
pub fn move_earlier<T: Clone>(list: &[T], i: usize) -> Vec<T> {
    let mut out = list.to_vec();
    if i > 0 && i < out.len() {
        out.swap(i - 1, i);
    }
    out
}

/// The list with the item at `i` moved one place later (unchanged for the last).
pub fn move_later<T: Clone>(list: &[T], i: usize) -> Vec<T> {
    let mut out = list.to_vec();
    if i + 1 < out.len() {
        out.swap(i, i + 1);
    }
    out
}

/// The list without the item at `i`.
pub fn remove_at<T: Clone>(list: &[T], i: usize) -> Vec<T> {
    let mut out = list.to_vec();
    if i < out.len() {
        out.remove(i);
    }
    out
}

/// The order with `key` added at the end (unchanged if it is already listed).
pub fn add_type(order: &[String], key: &str) -> Vec<String> {
    let mut out = order.to_vec();
    if !key.is_empty() && !out.iter().any(|k| k == key) {
        out.push(key.to_string());
    }
    out
}

/// Placement types a rule's order can list (matchable) and does not list yet.
pub fn addable(order: &[String]) -> Vec<PlacementType> {
    PlacementType::ALL
        .iter()
        .copied()
        .filter(|t| t.is_matchable() && !order.iter().any(|k| k == t.key()))
        .collect()
}

/// Placement types that can be ticked as suitable: every matchable type but emergency
/// placements (which count as "no suitable placement").
pub fn suitable_choices() -> Vec<PlacementType> {
    PlacementType::ALL
        .iter()
        .copied()
        .filter(|t| t.is_matchable() && *t != PlacementType::Emergency)
        .collect()
}

/// The types a rule (as edited) lists as suitable, or, when it lists none (an older
/// scenario), the engine's derived policy for it (`MatchRule::suitable_types`).
pub fn suitable_keys(rule: &Value) -> Vec<String> {
    if let Some(list) = rule.get("suitable").and_then(Value::as_array) {
        return list
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
    }
    serde_json::from_value::<engine::scenario::MatchRule>(rule.clone())
        .map(|r| {
            r.suitable_types()
                .iter()
                .map(|t| t.key().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The suitable list with `key` ticked (`on`) or not, in the usual order of types.
pub fn toggle_suitable(current: &[String], key: &str, on: bool) -> Vec<String> {
    PlacementType::ALL
        .iter()
        .map(|t| t.key())
        .filter(|k| {
            if *k == key {
                on
            } else {
                current.iter().any(|c| c == k)
            }
        })
        .map(str::to_string)
        .collect()
}

/// One rule's suitable types: a checkbox per type that can be suitable.
fn suitable_editor(ctx: &Ctx, sp: &Path, rule: usize, current: &[String]) -> Html {
    let boxes = suitable_choices().into_iter().map(|t| {
        let key = t.key();
        let checked = current.iter().any(|c| c == key);
        let id = format!("in-{}-{key}", sp.dom_id());
        let onchange = {
            let (edit, current) = (ctx.edit(sp.clone()), current.to_vec());
            Callback::from(move |e: Event| {
                let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                edit.emit(to_value(toggle_suitable(&current, key, on)))
            })
        };
        html! {
            <li data-type={key}>
                <input type="checkbox" id={id.clone()} {checked} {onchange}
                    aria-label={format!("Rule {}: {} meets these children's needs", rule + 1, t.label())} />
                <label for={id} aria-hidden="true">{ t.label() }</label>
            </li>
        }
    });
    let invalid = edit::errors_under(&ctx.errors, sp).next().is_some();
    html! {
        <ul class={classes!("suitable", invalid.then_some("invalid"))}>{ for boxes }</ul>
    }
}

fn type_label(key: &str) -> String {
    PlacementType::ALL
        .iter()
        .find(|t| t.key() == key)
        .map(|t| t.label().to_string())
        .unwrap_or_else(|| key.to_string())
}

fn to_value<T: Into<Value>>(list: Vec<T>) -> Value {
    Value::Array(list.into_iter().map(Into::into).collect())
}

/// A button's callback that sets the list at `path` to `change(list, i)` (one of the moves
/// above): one edit of the whole list.
fn list_change<T: Clone + Into<Value> + 'static>(
    ctx: &Ctx,
    path: &Path,
    list: &[T],
    i: usize,
    change: fn(&[T], usize) -> Vec<T>,
) -> Callback<MouseEvent> {
    let (edit, list) = (ctx.edit(path.clone()), list.to_vec());
    Callback::from(move |_: MouseEvent| edit.emit(to_value(change(&list, i))))
}

/// One rule's preference order: each type with "earlier", "later" and "remove" buttons, then a list
/// of the types that can be added.
fn order_editor(ctx: &Ctx, op: &Path, rule: usize, order: &[String]) -> Html {
    let items = order.iter().enumerate().map(|(j, key)| {
        let label = type_label(key);
        let invalid = edit::errors_at(&ctx.errors, &op.index(j)).next().is_some();
        let up = list_change(ctx, op, order, j, move_earlier);
        let down = list_change(ctx, op, order, j, move_later);
        let remove = list_change(ctx, op, order, j, remove_at);
        html! {
            <li class={classes!(invalid.then_some("invalid"))} data-type={key.clone()}>
                <span class="order-type">{ label.clone() }</span>
                <button type="button" class="secondary small icon" onclick={up} disabled={j == 0}
                    aria-label={format!("Rule {}: try {label} earlier", rule + 1)} title="Try earlier">{ "↑" }</button>
                <button type="button" class="secondary small icon" onclick={down} disabled={j + 1 == order.len()}
                    aria-label={format!("Rule {}: try {label} later", rule + 1)} title="Try later">{ "↓" }</button>
                <button type="button" class="secondary small icon" onclick={remove}
                    aria-label={format!("Rule {}: remove {label}", rule + 1)} title="Remove from this order">{ "×" }</button>
            </li>
        }
    });
    let add = {
        let (edit, order) = (ctx.edit(op.clone()), order.to_vec());
        Callback::from(move |e: Event| {
            let el = e.target_unchecked_into::<HtmlSelectElement>();
            let key = el.value();
            el.set_value("");
            if !key.is_empty() {
                edit.emit(to_value(add_type(&order, &key)));
            }
        })
    };
    let options = addable(order);
    let select_id = format!("add-{}", op.dom_id());
    html! {
        <>
            <ol class="order">{ for items }</ol>
            if !options.is_empty() {
                <label for={select_id.clone()} class="visually-hidden">{ format!("Rule {}: add a placement type to the order", rule + 1) }</label>
                <select id={select_id} class="small" onchange={add}>
                    <option value="" selected=true>{ "Add a type…" }</option>
                    { for options.iter().map(|t| html! { <option value={t.key()}>{ t.label() }</option> }) }
                </select>
            }
        </>
    }
}

fn needs_select(ctx: &Ctx, np: &Path, rule: usize, current: &str) -> Html {
    let onchange = {
        let edit = ctx.edit(np.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            edit.emit(Value::String(v))
        })
    };
    html! {
        <select id={format!("in-{}", np.dom_id())} class="small" {onchange} aria-label={format!("Rule {}: needs", rule + 1)}>
            { for NeedsFilter::ALL.iter().map(|n| html! { <option value={n.key()} selected={n.key() == current}>{ n.label() }</option> }) }
        </select>
    }
}

/// The matching rules at `p`, editable.
pub fn rules_editor(ctx: &Ctx, p: &Path, param: &Param) -> Html {
    let rules = match ctx.get(p) {
        Some(Value::Array(a)) => a.clone(),
        _ => vec![],
    };
    let count = rules.len();
    let rows = rules.iter().enumerate().map(|(i, r)| {
        let rp = p.index(i);
        let order: Vec<String> = r
            .get("order")
            .and_then(Value::as_array)
            .map(|o| o.iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect())
            .unwrap_or_default();
        let needs = r.get("needs").and_then(Value::as_str).unwrap_or("any").to_string();
        let age = |k: &str| {
            let label = catalog::param(&format!("matching.rules.{k}")).map(|c| c.label).unwrap_or(k);
            fields::number_input(ctx, &rp.key(k), label, Some(format!("Rule {}: {label}", i + 1)))
        };
        let remove = ctx.remove_at(p, i);
        // Rules are tried in turn, so where a rule stands matters as much as what it says.
        let earlier = list_change(ctx, p, &rules, i, move_earlier);
        let later = list_change(ctx, p, &rules, i, move_later);
        let changed = ctx.differs(&rp);
        html! {
            <tr class={classes!(changed.then_some("is-changed"))} id={format!("rule-{i}")}>
                <td class="num ages"><span class="rule-label" aria-hidden="true">{ format!("Rule {}: ages", i + 1) }</span>
                    { age("min_age") }<span aria-hidden="true">{ "–" }</span>{ age("max_age") }</td>
                <td class="needs"><span class="rule-label" aria-hidden="true">{ "needs" }</span>{ needs_select(ctx, &rp.key("needs"), i, &needs) }</td>
                <td class="order-cell">{ order_editor(ctx, &rp.key("order"), i, &order) }</td>
                <td class="suitable-cell">{ suitable_editor(ctx, &rp.key("suitable"), i, &suitable_keys(r)) }</td>
                <td class="actions">
                    <button type="button" class="secondary small" onclick={earlier} disabled={i == 0}
                        aria-label={format!("Move rule {} earlier", i + 1)} title="Try this rule before the one above">{ "↑ Earlier" }</button>
                    <button type="button" class="secondary small" onclick={later} disabled={i + 1 == count}
                        aria-label={format!("Move rule {} later", i + 1)} title="Try this rule after the one below">{ "↓ Later" }</button>
                    <button type="button" class="secondary small" onclick={remove} disabled={count <= 1}
                        aria-label={format!("Remove rule {}", i + 1)}>{ "Remove" }</button>
                </td>
            </tr>
        }
    });
    // A rule for every child, trying in-house foster care: tried only where no earlier rule
    // applies, until its ages and needs are narrowed.
    let add = ctx.push(
        p,
        Some(serde_json::json!({"min_age": 0, "max_age": 17, "needs": "any", "order": ["in_house_foster"], "suitable": ["in_house_foster"]})),
    );
    let errors: Vec<_> = edit::errors_under(&ctx.errors, p).collect();
    html! {
        <div class={classes!("field", "rules-field", ctx.differs(p).then_some("is-changed"))} id={format!("field-{}", p.dom_id())} data-path={p.to_string()}>
            <div class="field-head"><span class="field-label">{ prose(param.label, true) }</span>
                if ctx.differs(p) { <span class="changed-mark">{ "Changed" }</span> }
            </div>
            <div class="table-wrap">
                <table class="rules">
                    <caption>{ "The first rule that matches a child's age and needs gives the order in which placement types are tried; every age and need must be covered by some rule. A child placed in a type not ticked as meeting its needs counts as placed below assessed need." }</caption>
                    <thead><tr><th scope="col">{ "Ages" }</th><th scope="col">{ "Needs" }</th><th scope="col">{ "Preference order" }</th><th scope="col">{ "Meets assessed needs" }</th>
                        <th scope="col"><span class="visually-hidden">{ "Actions" }</span></th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <button type="button" class="secondary small" id="add-rule" onclick={add}>{ "Add a rule" }</button>
            <ul class="field-errors" role="alert">
                { for errors.iter().map(|e| html! { <li class="field-error" data-field={e.field.clone()}>{ format!("{}: {}", describe_rule_field(&e.field), e.reason) }</li> }) }
            </ul>
            <details class="about"><summary>{ "Explanation and source" }</summary>
                <p class="help">{ prose(param.help, true) }</p><p class="source"><strong>{ "Source: " }</strong>{ prose(param.source, false) }</p></details>
        </div>
    }
}

/// "Rule 2, preference order" for `matching.rules[1].order[3]`.
fn describe_rule_field(field: &str) -> String {
    use engine::path::Segment;
    let rules = engine::FieldPath::root().key("matching").key("rules");
    let Some((n, tail)) = engine::FieldPath::parse(field)
        .and_then(|p| p.strip_prefix(&rules))
        .and_then(|rest| match rest.split_first() {
            Some((Segment::Index(n), tail)) => Some((*n, tail)),
            _ => None,
        })
    else {
        return field.to_string();
    };
    let key = tail.last_key().unwrap_or("").to_string();
    let key = key.as_str();
    let label = catalog::param(&format!("matching.rules.{key}"))
        .map(|c| c.label)
        .unwrap_or(key);
    if key.is_empty() {
        format!("Rule {}", n + 1)
    } else {
        format!("Rule {}, {}", n + 1, label.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn order_edits() {
        let o = v(&["in_house_foster", "ifa", "emergency"]);
        assert_eq!(
            move_earlier(&o, 1),
            v(&["ifa", "in_house_foster", "emergency"])
        );
        assert_eq!(move_earlier(&o, 0), o);
        assert_eq!(move_earlier(&o, 9), o);
        assert_eq!(
            move_later(&o, 1),
            v(&["in_house_foster", "emergency", "ifa"])
        );
        assert_eq!(move_later(&o, 2), o);
        assert_eq!(move_later(&o, 9), o);
        assert_eq!(move_later(&move_earlier(&o, 2), 1), o);
        assert_eq!(remove_at(&o, 2), v(&["in_house_foster", "ifa"]));
        assert_eq!(remove_at(&o, 5), o);
        assert_eq!(add_type(&o, "ifa"), o);
        assert_eq!(add_type(&o, ""), o);
        assert_eq!(
            add_type(&o, "connected_person").last().map(String::as_str),
            Some("connected_person")
        );
    }

    #[test]
    fn suitable_types_are_listed_or_derived_and_toggled() {
        let listed = serde_json::json!({"min_age": 0, "max_age": 15, "needs": "standard",
            "order": ["in_house_foster", "in_house_residential"], "suitable": ["ifa"]});
        assert_eq!(suitable_keys(&listed), v(&["ifa"]));
        // An older rule without the list: family-based care, and residential care only for
        // a rule covering complex needs.
        let old = serde_json::json!({"min_age": 0, "max_age": 15, "needs": "standard",
            "order": ["in_house_foster", "ifa", "external_residential", "emergency"]});
        assert_eq!(suitable_keys(&old), v(&["in_house_foster", "ifa"]));
        let complex = serde_json::json!({"min_age": 0, "max_age": 15, "needs": "complex",
            "order": ["in_house_foster", "external_residential", "emergency"]});
        assert_eq!(
            suitable_keys(&complex),
            v(&["in_house_foster", "external_residential"])
        );
        let s = v(&["ifa", "in_house_foster"]);
        assert_eq!(
            toggle_suitable(&s, "connected_person", true),
            v(&["in_house_foster", "connected_person", "ifa"])
        );
        assert_eq!(toggle_suitable(&s, "ifa", false), v(&["in_house_foster"]));
        assert!(!suitable_choices().contains(&PlacementType::Emergency));
        assert!(suitable_choices().iter().all(|t| t.is_matchable()));
    }

    #[test]
    fn only_unlisted_matchable_types_can_be_added() {
        let o = v(&["in_house_foster", "ifa"]);
        let a = addable(&o);
        assert!(a.iter().all(|t| t.is_matchable()));
        assert!(!a.contains(&PlacementType::InHouseFoster));
        assert!(!a.contains(&PlacementType::Ifa));
        assert!(!a.contains(&PlacementType::PlacedForAdoption));
        assert!(a.contains(&PlacementType::ConnectedPerson));
    }

    #[test]
    fn rule_fields_are_described_for_people() {
        assert_eq!(
            describe_rule_field("matching.rules[1].order"),
            format!(
                "Rule 2, {}",
                catalog::param("matching.rules.order")
                    .map(|c| c.label.to_lowercase())
                    .unwrap_or_default()
            )
        );
        assert_eq!(describe_rule_field("matching.rules[0]"), "Rule 1");
        assert_eq!(describe_rule_field("matching.rules"), "matching.rules");
    }
}
