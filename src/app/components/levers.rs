//! Editors for the lists of objects: children's homes (the borough's and a new-homes lever's)
//! and the strategy levers (add, edit, remove, or add a ready-made strategy's levers).

use engine::catalog::{self, Param};
use serde_json::{json, Value};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::fields::{self, Ctx};
use super::prose::prose;
use crate::app::edit::{self, Path};
use crate::app::limits::NAME_CHARS;
use crate::app::state::{workspace, WorkAction};

const HOME_FIELDS: [&str; 7] = [
    "name",
    "beds",
    "usable_beds",
    "min_age",
    "max_age",
    "open_month",
    "weekly_cost",
];

/// Every lever kind: (key, label), in the engine's order.
pub fn lever_kinds() -> Vec<(&'static str, &'static str)> {
    let mut out: Vec<(&'static str, &'static str)> = vec![];
    for s in engine::defaults::strategies() {
        for l in &s.levers {
            let k = (l.kind.key(), l.kind.label());
            if !out.contains(&k) {
                out.push(k);
            }
        }
    }
    out
}

fn kind_label(key: &str) -> String {
    lever_kinds()
        .into_iter()
        .find(|(k, _)| *k == key)
        .map(|(_, l)| l.to_string())
        .unwrap_or_else(|| key.to_string())
}

/// `base`, or `base 2`, `base 3`, ...: the first name no item of `list` has.
pub fn unused_name(list: &[Value], base: &str) -> String {
    let taken = |n: &str| {
        list.iter()
            .any(|h| h.get("name").and_then(Value::as_str) == Some(n))
    };
    (1..)
        .map(|k| {
            if k == 1 {
                base.to_string()
            } else {
                format!("{base} {k}")
            }
        })
        .find(|n| !taken(n))
        .unwrap_or_else(|| base.to_string())
}

/// A home field's label, unit and help from the catalogue; the unit is left out where the
/// label already says it ("Registered beds", not "Registered beds beds") or it is "text".
fn home_field(f: &'static str) -> (&'static str, &'static str, &'static str) {
    let c = catalog::param(&format!("residential.homes.{f}"));
    let label = c.map(|c| c.label).unwrap_or(f);
    let unit = c
        .map(|c| c.unit)
        .filter(|u| *u != "text" && !label.to_lowercase().contains(&u.to_lowercase()))
        .unwrap_or_default();
    (label, unit, c.map(|c| c.help).unwrap_or_default())
}

/// An editable table of homes at `p` (a list).
pub fn homes_editor(ctx: &Ctx, p: &Path, param: &Param) -> Html {
    let homes = match ctx.get(p) {
        Some(Value::Array(a)) => a.clone(),
        _ => vec![],
    };
    let head = HOME_FIELDS.iter().map(|f| {
        let (label, unit, help) = home_field(f);
        html! { <th scope="col" title={super::prose::plain_paths(help)}>{ label }<span class="unit">{ unit }</span></th> }
    });
    let rows = homes.iter().enumerate().map(|(i, h)| {
        let hp = p.index(i);
        let name = h.get("name").and_then(Value::as_str).unwrap_or("home").to_string();
        let cell_class = |cp: &Path, invalid: bool| classes!(ctx.differs(cp).then_some("is-changed"), invalid.then_some("invalid"));
        let np = hp.key("name");
        let name_invalid = edit::errors_at(&ctx.errors, &np).next().is_some();
        let name_label = catalog::param("residential.homes.name").map(|c| c.label).unwrap_or("name");
        let onchange = {
            let edit = ctx.edit(np.clone());
            Callback::from(move |e: Event| edit.emit(Value::String(e.target_unchecked_into::<web_sys::HtmlInputElement>().value())))
        };
        // Each home is a small card: its name and remove button, then its numbers, each
        // with a visible label (the table's head is kept for screen readers only).
        let numbers = HOME_FIELDS.iter().filter(|f| **f != "name").map(|f| {
            let cp = hp.key(f);
            let (label, unit, help) = home_field(f);
            let invalid = edit::errors_at(&ctx.errors, &cp).next().is_some();
            html! { <td class={classes!("home-number", cell_class(&cp, invalid))}>
                <span class="cell-label" aria-hidden="true" title={super::prose::plain_paths(help)}>{ label }<span class="unit">{ unit }</span></span>
                { fields::number_input(ctx, &cp, label, Some(format!("{name}: {label}"))) }</td> }
        });
        let remove = ctx.remove_at(p, i);
        html! { <tr id={format!("{}-{i}", p.dom_id())}>
            <td class={classes!("home-name", cell_class(&np, name_invalid))}>
                <input type="text" class="text" id={format!("in-{}", np.dom_id())} value={name.clone()} aria-label={format!("{name}: {name_label}")}
                    aria-invalid={name_invalid.to_string()} maxlength={NAME_CHARS.to_string()} {onchange} />
                <button type="button" class="secondary small" onclick={remove} aria-label={format!("Remove {name}")}>{ "Remove" }</button></td>
            { for numbers }</tr> }
    });
    // A copy of the last home's numbers (or a small home), under a name of its own.
    let mut blank = homes.last().cloned().unwrap_or_else(
        || json!({"beds": 2, "usable_beds": 1, "min_age": 10, "max_age": 17, "open_month": 0, "weekly_cost": 5200.0}),
    );
    if let Some(o) = blank.as_object_mut() {
        o.insert(
            "name".into(),
            Value::String(unused_name(&homes, "New home")),
        );
    }
    let add = ctx.push(p, Some(blank));
    let errors: Vec<_> = edit::errors_under(&ctx.errors, p).collect();
    let dom = p.dom_id();
    html! {
        <div class={classes!("field", "homes", ctx.differs(p).then_some("is-changed"))} id={format!("field-{dom}")} data-path={p.to_string()}>
            <div class="field-head"><span class="field-label">{ prose(param.label, true) }</span><span class="unit">{ param.unit }</span>
                if ctx.differs(p) { <span class="changed-mark">{ "Changed" }</span> }
            </div>
            <div class="table-wrap">
                <table class="homes-table">
                    <thead><tr>{ for head }</tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <button type="button" class="secondary small" onclick={add}>{ "Add a home" }</button>
            <ul class="field-errors" role="alert">
                { for errors.iter().map(|e| html! { <li class="field-error" data-field={e.field.clone()}>{ format!("{}: {}", describe_home_field(ctx, &e.field), e.reason) }</li> }) }
            </ul>
            <details class="about"><summary>{ "Explanation and source" }</summary>
                <p class="help">{ prose(param.help, true) }</p><p class="source"><strong>{ "Source: " }</strong>{ prose(param.source, false) }</p></details>
        </div>
    }
}

fn describe_home_field(ctx: &Ctx, field: &str) -> String {
    let Some(p) = Path::parse(field) else {
        return field.to_string();
    };
    let home = p
        .parent()
        .and_then(|(hp, _)| ctx.get(&hp)?.get("name")?.as_str().map(String::from));
    let label = catalog::lookup(field).map(|c| c.label).unwrap_or(field);
    match home {
        Some(h) => format!("{h}, {label}"),
        None => label.to_string(),
    }
}

fn lever_card(ctx: &Ctx, p: &Path, i: usize, lever: &Value) -> Html {
    let lp = p.index(i);
    let kind = lever
        .pointer("/kind/type")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let (help, source) = catalog::lever_help(&kind).unwrap_or(("", ""));
    let common = ["start_month", "ramp_months", "annual_cost"]
        .iter()
        .filter_map(|k| {
            let param = catalog::param(&format!("levers.{k}"))?;
            Some(fields::number_field(ctx, &lp.key(k), param))
        });
    let specific: Vec<Html> = match lever.get("kind") {
        Some(Value::Object(m)) => m
            .keys()
            .filter(|k| k.as_str() != "type")
            .filter_map(|k| {
                let cp = lp.key("kind").key(k);
                let param = catalog::param(&format!("levers.kind.{k}"))?;
                Some(if k == "homes" {
                    homes_editor(ctx, &cp, param)
                } else {
                    fields::number_field(ctx, &cp, param)
                })
            })
            .collect(),
        _ => vec![],
    };
    let remove = ctx.remove_at(p, i);
    let label = kind_label(&kind);
    html! {
        <fieldset class="lever" id={format!("lever-{i}")} data-kind={kind.clone()}>
            <legend>{ label.clone() }</legend>
            <p class="help">{ prose(help, true) }</p>
            <div class="lever-fields">{ for common }{ for specific }</div>
            <details class="about"><summary>{ "Source" }</summary><p class="source">{ prose(source, false) }</p></details>
            <button type="button" class="secondary small" onclick={remove} aria-label={format!("Remove lever: {label}")}>{ "Remove this lever" }</button>
        </fieldset>
    }
}

/// The scenario's levers, with controls to add one or a ready-made strategy's.
pub fn levers_editor(ctx: &Ctx, p: &Path, param: &Param) -> Html {
    let levers = match ctx.get(p) {
        Some(Value::Array(a)) => a.clone(),
        _ => vec![],
    };
    // Lever fields are not compared with the default borough (which has none).
    let lctx = Ctx {
        compare: false,
        ..ctx.clone()
    };
    let add_lever = {
        let (d, doc) = (ctx.dispatch.clone(), ctx.doc);
        Callback::from(move |e: Event| {
            let el = e.target_unchecked_into::<HtmlSelectElement>();
            let kind = el.value();
            el.set_value("");
            if let Some(lever) = workspace::lever_of_kind(&kind) {
                d.emit(WorkAction::AddLever { doc, lever }.into())
            }
        })
    };
    let add_strategy = {
        let (d, doc) = (ctx.dispatch.clone(), ctx.doc);
        Callback::from(move |e: Event| {
            let el = e.target_unchecked_into::<HtmlSelectElement>();
            let id = el.value();
            el.set_value("");
            if let Some(strategy) = workspace::strategy(&id) {
                d.emit(WorkAction::ApplyStrategy { doc, strategy }.into())
            }
        })
    };
    html! {
        <div class="field levers" id="field-levers" data-path="levers">
            <div class="field-head"><span class="field-label">{ prose(param.label, true) }</span>
                <span class="unit">{ format!("{} pulled", levers.len()) }</span></div>
            <p class="help">{ prose(param.help, true) }</p>
            if levers.is_empty() { <p class="muted" id="no-levers">{ "No levers: this scenario is the borough as it is." }</p> }
            { for levers.iter().enumerate().map(|(i, l)| lever_card(&lctx, p, i, l)) }
            <div class="add-row">
                <label for="add-lever">{ "Add a lever" }</label>
                <select id="add-lever" onchange={add_lever}>
                    <option value="" selected=true>{ "Choose a lever…" }</option>
                    { for lever_kinds().into_iter().map(|(k, l)| html! { <option value={k}>{ l }</option> }) }
                </select>
                <label for="add-strategy-levers">{ "Add a ready-made strategy's levers" }</label>
                <select id="add-strategy-levers" onchange={add_strategy}>
                    <option value="" selected=true>{ "Choose a strategy…" }</option>
                    { for engine::defaults::strategies().into_iter().map(|s| html! { <option value={s.id.clone()}>{ s.name.clone() }</option> }) }
                </select>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_item_gets_a_name_no_other_has() {
        let list = vec![
            json!({"name": "New home"}),
            json!({"name": "New home 2"}),
            json!({}),
        ];
        assert_eq!(unused_name(&list, "New home"), "New home 3");
        assert_eq!(unused_name(&list, "Annexe"), "Annexe");
        assert_eq!(unused_name(&[], "New home"), "New home");
    }
}
