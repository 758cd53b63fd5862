//! The assumptions of one scenario, grouped as the catalogue groups them, generated from the
//! catalogue over the scenario value.

use engine::catalog::{self, Group, Param};
use serde_json::Value;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::fields::{self, Ctx};
use super::levers::{homes_editor, levers_editor};
use crate::app::edit::{self, Path};
use crate::app::state::{Action, Doc};

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub doc: Doc,
    pub dispatch: Callback<Action>,
}

pub fn group_id(g: Group) -> String {
    format!("group-{}", format!("{g:?}").to_lowercase())
}

/// Catalogue entries drawn by an enclosing editor (elements of lists, members of a
/// distribution or of a per-type table) rather than on their own.
fn drawn_by_parent(ctx: &Ctx, param: &Param) -> bool {
    let path = param.path;
    if path.starts_with("residential.homes.")
        || path.starts_with("matching.rules.")
        || path.starts_with("levers.")
    {
        return true;
    }
    match path.rsplit_once('.') {
        Some((parent, _)) => {
            let Some(pp) = Path::parse(parent) else {
                return false;
            };
            catalog::param(parent).is_some() && matches!(ctx.get(&pp), Some(Value::Object(_)))
        }
        None => false,
    }
}

fn field(ctx: &Ctx, param: &'static Param) -> Html {
    if drawn_by_parent(ctx, param) {
        return html! {};
    }
    let Some(p) = Path::parse(param.path) else {
        return html! {};
    };
    match param.path {
        "residential.homes" => return homes_editor(ctx, &p, param),
        "matching.rules" => return super::rules::rules_editor(ctx, &p, param),
        "levers" => return levers_editor(ctx, &p, param),
        "description" => return fields::text_field(ctx, &p, param, true),
        _ => {}
    }
    if let Some(none_label) = fields::nullable(param.path) {
        return fields::optional_field(ctx, &p, param, none_label);
    }
    match ctx.get(&p) {
        None => html! {},
        Some(Value::Bool(_)) => fields::bool_field(ctx, &p, param),
        Some(Value::String(_)) if param.unit == "text" => fields::text_field(ctx, &p, param, false),
        Some(Value::Object(m)) if m.contains_key("family") => duration_editor(ctx, &p, param),
        Some(Value::Object(_)) => fields::per_type_field(ctx, &p, param),
        Some(Value::Array(a)) if a.iter().any(Value::is_array) => {
            fields::matrix_field(ctx, &p, param)
        }
        Some(Value::Array(_)) => fields::array_field(ctx, &p, param),
        Some(_) => fields::number_field(ctx, &p, param),
    }
}

/// A duration distribution: its family and that family's parameters.
fn duration_editor(ctx: &Ctx, p: &Path, param: &Param) -> Html {
    let family = ctx
        .get(&p.key("family"))
        .and_then(Value::as_str)
        .unwrap_or("gamma")
        .to_string();
    let dom = p.dom_id();
    let onchange = {
        let (d, doc, path) = (ctx.dispatch.clone(), ctx.doc, p.clone());
        Callback::from(move |e: Event| {
            let family = e.target_unchecked_into::<HtmlSelectElement>().value();
            d.emit(Action::SetFamily {
                doc,
                path: path.clone(),
                family,
            })
        })
    };
    let members: Vec<Html> = ["mean_months", "shape", "median_months", "sigma", "points"]
        .iter()
        .filter_map(|k| {
            let cp = p.key(k);
            let child = catalog::param(&cp.catalog_key())?;
            match ctx.get(&cp)? {
                Value::Array(_) => Some(fields::matrix_field(ctx, &cp, child)),
                _ => Some(fields::number_field(ctx, &cp, child)),
            }
        })
        .collect();
    let family_param = catalog::param(&p.key("family").catalog_key());
    let changed = ctx.differs(&p.key("family"));
    html! {
        <fieldset class={classes!("field", "duration", changed.then_some("is-changed"))} id={format!("field-{dom}")} data-path={p.to_string()}>
            <legend class="field-label">{ param.label }</legend>
            <p class="help">{ param.help }</p>
            <div class="field-head">
                <label for={format!("in-{dom}-family")}>{ family_param.map(|f| f.label).unwrap_or("Distribution") }</label>
                if changed { <span class="changed-mark">{ "Changed" }</span> }
                <select id={format!("in-{dom}-family")} {onchange}>
                    { for edit::FAMILIES.iter().map(|(k, label)| html! {
                        <option value={*k} selected={family == *k}>{ *label }</option>
                    }) }
                </select>
            </div>
            { for members }
            <details class="about"><summary>{ "Source" }</summary><p class="source">{ param.source }</p></details>
        </fieldset>
    }
}

#[function_component]
pub fn Editor(props: &EditorProps) -> Html {
    let doc = &props.doc;
    let ctx = Ctx {
        doc: doc.id,
        value: doc.value.clone(),
        errors: doc.errors.clone(),
        dispatch: props.dispatch.clone(),
        compare: true,
    };
    let reset_all = {
        let (d, id) = (props.dispatch.clone(), doc.id);
        Callback::from(move |_: MouseEvent| d.emit(Action::ResetAll { doc: id }))
    };
    let groups = Group::ALL.iter().map(|g| {
        let params: Vec<&'static Param> = catalog::group_params(*g).collect();
        let paths: Vec<Path> = params.iter().filter_map(|p| Path::parse(p.path)).collect();
        let changed = paths.iter().filter(|p| !p.0.is_empty() && p.catalog_key() != "levers" && ctx.differs(p)).count();
        let problems = doc
            .errors
            .iter()
            .filter(|e| catalog::lookup(&e.field).map(|p| p.group) == Some(*g) || (*g == Group::StrategyLevers && e.field.starts_with("levers")))
            .count();
        let open = *g == Group::Demand || *g == Group::StrategyLevers;
        html! {
            <details class="group" id={group_id(*g)} {open}>
                <summary>
                    <span class="group-name">{ g.label() }</span>
                    if changed > 0 { <span class="badge changed">{ format!("{changed} changed") }</span> }
                    if problems > 0 { <span class="badge problem">{ if problems == 1 { "1 problem".to_string() } else { format!("{problems} problems") } }</span> }
                </summary>
                <div class="group-body">{ for params.into_iter().map(|p| field(&ctx, p)) }</div>
            </details>
        }
    });
    let unplaced: Vec<_> = doc
        .errors
        .iter()
        .filter(|e| catalog::lookup(&e.field).is_none() && !e.field.starts_with("levers"))
        .collect();
    html! {
        <section class="editor" id="editor" aria-labelledby="editor-title">
            <div class="editor-head">
                <h2 id="editor-title">{ format!("Assumptions: {}", doc.name()) }</h2>
                <button type="button" class="secondary small" id="reset-all" onclick={reset_all}>{ "Reset all to the defaults" }</button>
            </div>
            <p class="muted">{ "Every assumption of the model, with its unit, what it means and where the default comes from. Changes are checked as you go, saved in this browser and re-run automatically." }</p>
            if !unplaced.is_empty() {
                <ul class="field-errors" role="alert" id="doc-errors">
                    { for unplaced.iter().map(|e| html! { <li class="field-error">{ format!("{}: {}", e.field, e.reason) }</li> }) }
                </ul>
            }
            { super::quick::quick_controls(&ctx) }
            { for groups }
        </section>
    }
}
