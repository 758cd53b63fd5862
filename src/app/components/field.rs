//! One assumption's field, a component of its own: it re-renders only when its own part
//! of the scenario (the value under its path, or the problems found there) changes, not
//! for every edit of another field.

use std::rc::Rc;

use engine::catalog::{self, Param};
use engine::validate::FieldError;
use serde_json::Value;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::fields::{self, Ctx};
use super::levers::{homes_editor, levers_editor};
use super::prose::prose;
use crate::app::edit::Path;
use crate::app::state::{Family, WorkAction};

#[derive(Properties, Clone)]
pub struct FieldProps {
    pub ctx: Ctx,
    pub param: &'static Param,
}

impl FieldProps {
    /// The value under the field's path and, when it is drawn by a parent, the parent's.
    fn own(&self) -> (Option<&Value>, Option<bool>) {
        let p = Path::parse(self.param.path);
        let parent = self
            .param
            .path
            .rsplit_once('.')
            .and_then(|(pp, _)| Path::parse(pp));
        (
            p.and_then(|p| self.ctx.get(&p)),
            parent
                .and_then(|pp| self.ctx.get(&pp))
                .map(Value::is_object),
        )
    }

    fn own_errors(&self) -> Vec<&FieldError> {
        let path = self.param.path;
        self.ctx
            .errors
            .iter()
            .filter(|e| e.field.starts_with(path))
            .collect()
    }
}

/// Equal when nothing the field shows has changed.
impl PartialEq for FieldProps {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.ctx, &other.ctx);
        std::ptr::eq(self.param, other.param)
            && a.doc == b.doc
            && a.compare == b.compare
            && a.returns == b.returns
            && a.dispatch == b.dispatch
            && (Rc::ptr_eq(&a.value, &b.value) || self.own() == other.own())
            && (Rc::ptr_eq(&a.errors, &b.errors) || self.own_errors() == other.own_errors())
    }
}

#[function_component]
pub fn Field(props: &FieldProps) -> Html {
    let what_if = use_context::<super::scrutiny::WhatIfHook>();
    let what_if = (!drawn_by_parent(&props.ctx, props.param))
        .then(|| super::scrutiny::what_if_button(what_if, props.param.path));
    html! { <>{ field(&props.ctx, props.param) }{ what_if.unwrap_or_default() }</> }
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
            let key = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(family) = Family::from_key(&key) {
                d.emit(
                    WorkAction::SetFamily {
                        doc,
                        path: path.clone(),
                        family,
                    }
                    .into(),
                )
            }
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
            <legend class="field-label">{ prose(param.label, true) }</legend>
            <p class="help">{ prose(param.help, true) }</p>
            { fields::path_note(p, param) }
            <div class="field-head advanced-only">
                <label for={format!("in-{dom}-family")}>{ family_param.map(|f| f.label).unwrap_or("Distribution") }</label>
                if changed { <span class="changed-mark">{ "Changed" }</span> }
                <select id={format!("in-{dom}-family")} {onchange}>
                    { for Family::ALL.iter().map(|f| html! {
                        <option value={f.key()} selected={family == f.key()}>{ f.label() }</option>
                    }) }
                </select>
            </div>
            { for members }
            <details class="about"><summary>{ "Source" }</summary><p class="source">{ prose(param.source, false) }</p></details>
        </fieldset>
    }
}
