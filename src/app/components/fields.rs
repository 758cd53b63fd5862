//! Form fields generated from the catalogue over a scenario value: numbers, arrays of
//! numbers with item labels, tables of rows, booleans, optional limits and text. Each shows
//! its label and unit, its explanation and source, a mark when it differs from the default
//! (with a reset), where it came from when the scenario was fitted to the council's own
//! returns (`from_returns`), and its own validation messages in place.

use std::rc::Rc;

use engine::catalog::{self, Param};
use engine::validate::FieldError;
use serde_json::Value;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::from_returns::{fitted_figures, fitted_here, returns_note};
use super::prose::prose;
use super::range::range_note;
use crate::app::edit::{self, Path};
use crate::app::fit_marks::ScenarioMarks;
use crate::app::limits::{DESCRIPTION_CHARS, NAME_CHARS, NUMBER_CHARS};
use crate::app::state::{default_value, Action, WorkAction};
use crate::format;

/// What every field needs: the scenario value, its problems and where edits go.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub doc: u32,
    pub value: Rc<Value>,
    pub errors: Rc<Vec<FieldError>>,
    pub dispatch: Callback<Action>,
    /// Whether to mark differences from the default borough (not for levers).
    pub compare: bool,
    /// Where the scenario's values came from, when it is built from an accepted fit to the
    /// council's own returns.
    pub returns: Option<Rc<ScenarioMarks>>,
}

impl Ctx {
    pub fn get(&self, p: &Path) -> Option<&Value> {
        edit::get(&self.value, p)
    }

    pub fn differs(&self, p: &Path) -> bool {
        self.compare && edit::differs(&self.value, &default_value(), p)
    }

    /// A button's callback that removes item `index` of the list at `path`.
    pub fn remove_at(&self, path: &Path, index: usize) -> Callback<MouseEvent> {
        let (d, doc, path) = (self.dispatch.clone(), self.doc, path.clone());
        Callback::from(move |_: MouseEvent| {
            d.emit(
                WorkAction::RemoveAt {
                    doc,
                    path: path.clone(),
                    index,
                }
                .into(),
            )
        })
    }

    /// A button's callback that appends `value` to the list at `path` (`None`: a copy of
    /// its last item).
    pub fn push(&self, path: &Path, value: Option<Value>) -> Callback<MouseEvent> {
        let (d, doc, path) = (self.dispatch.clone(), self.doc, path.clone());
        Callback::from(move |_: MouseEvent| {
            d.emit(
                WorkAction::Push {
                    doc,
                    path: path.clone(),
                    value: value.clone(),
                }
                .into(),
            )
        })
    }

    pub fn edit(&self, path: Path) -> Callback<Value> {
        let (d, doc) = (self.dispatch.clone(), self.doc);
        Callback::from(move |value| {
            d.emit(
                WorkAction::Edit {
                    doc,
                    path: path.clone(),
                    value,
                }
                .into(),
            )
        })
    }
}

/// Paths whose value may be `null` and what `null` means.
pub fn nullable(path: &str) -> Option<&'static str> {
    match path {
        "markets.ifa.limit"
        | "markets.external_residential.limit"
        | "markets.supported_accommodation.limit" => Some("No limit"),
        "population.age_profile" => {
            Some("Not set: the model's admissions and exits decide the ages")
        }
        _ => None,
    }
}

/// Labels of the columns of a table of rows.
pub fn columns(catalog_key: &str) -> Vec<String> {
    if catalog_key == "exits.route_by_entry_age" {
        return engine::ExitRoute::ALL
            .iter()
            .map(|r| r.label().to_string())
            .collect();
    }
    if catalog_key.ends_with(".points") {
        return vec![
            "Months in care".into(),
            "Share who have left (cumulative)".into(),
        ];
    }
    vec![]
}

fn input_text(e: &Event) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn messages(errors: &[FieldError], p: &Path, id: &str) -> Html {
    let mine: Vec<&FieldError> = edit::errors_at(errors, p).collect();
    if mine.is_empty() {
        return html! {};
    }
    html! {
        <ul class="field-errors" id={format!("err-{id}")} role="alert">
            { for mine.iter().map(|e| html! { <li class="field-error" data-field={e.field.clone()}>{ &e.reason }</li> }) }
        </ul>
    }
}

/// The explanation and source of an assumption (citations link to the References view,
/// terms to the glossary).
pub fn about(param: &Param) -> Html {
    html! {
        <details class="about">
            <summary>{ "Explanation and source" }</summary>
            <p class="help">{ prose(param.help, true) }</p>
            <p class="source"><strong>{ "Source: " }</strong>{ prose(param.source, false) }</p>
        </details>
    }
}

/// What a value means in words, beside its box: a yearly rate as the share of these
/// households or placements who go each year, days and long spans of months in weeks,
/// months or years, a share as a percentage.
pub fn reading(ctx: &Ctx, p: &Path, param: &Param) -> Html {
    // A value refused (its reason shown below the box) has no meaning to put in words.
    let Some(v) = ctx.get(p).and_then(Value::as_f64) else {
        return html! {};
    };
    if edit::errors_at(&ctx.errors, p).next().is_some() {
        return html! {};
    }
    let text = if param.unit == format::RATE_A_YEAR {
        let who = if param.path.starts_with("fostering.") {
            "of these households stop fostering"
        } else {
            "of these placements break down"
        };
        Some(format!("{} {who} each year", format::rate_share(v)))
    } else {
        format::reading(param.unit, v)
    };
    text.map(|t| html! { <span class="reading">{ format!("= {t}") }</span> })
        .unwrap_or_default()
}

/// Parts of a duration distribution that only the modelling-detail view shows: which
/// shape of distribution, and its spread.
pub fn advanced_only(catalog_key: &str) -> bool {
    [".family", ".shape", ".sigma"]
        .iter()
        .any(|end| catalog_key.starts_with("exits.") && catalog_key.ends_with(end))
}

/// The field path and the model's unit, for the modelling-detail view only.
pub fn path_note(p: &Path, param: &Param) -> Html {
    html! { <code class="field-path advanced-only">{ format!("{} ({})", p.catalog_key(), param.unit) }</code> }
}

fn changed_mark(ctx: &Ctx, p: &Path, label: &str) -> Html {
    if !ctx.differs(p) {
        return html! {};
    }
    let reset = {
        let (d, doc, path) = (ctx.dispatch.clone(), ctx.doc, p.clone());
        Callback::from(move |_: MouseEvent| {
            d.emit(
                WorkAction::Reset {
                    doc,
                    path: path.clone(),
                }
                .into(),
            )
        })
    };
    let Some(default_text) = edit::get(&default_value(), p).map(describe_value) else {
        // Nothing to go back to (e.g. the points of a distribution the default does not use).
        return html! { <span class="changed-mark" title="Not in the default borough">{ "Changed" }</span> };
    };
    html! {
        <>
            <span class="changed-mark" title={format!("Default: {default_text}")}>{ "Changed" }</span>
            <button type="button" class="link reset" onclick={reset}
                aria-label={format!("Reset {label} to the default ({default_text})")}>{ "Reset" }</button>
        </>
    }
}

/// A short text for a value (used for "Default: ...").
pub fn describe_value(v: &Value) -> String {
    match v {
        Value::Null => "none".into(),
        Value::Array(a) => a.iter().map(describe_value).collect::<Vec<_>>().join(", "),
        Value::Number(_) | Value::String(_) => edit::number_text(Some(v)),
        other => other.to_string(),
    }
}

/// One number box (no label of its own: `label` is used for aria).
pub fn number_input(ctx: &Ctx, p: &Path, label: &str, extra: Option<String>) -> Html {
    let id = format!("in-{}", p.dom_id());
    let invalid = edit::errors_at(&ctx.errors, p).next().is_some();
    let onchange = {
        let edit = ctx.edit(p.clone());
        Callback::from(move |e: Event| edit.emit(edit::parse_number(&input_text(&e))))
    };
    let describedby = invalid.then(|| format!("err-{}", p.dom_id()));
    let mut class = classes!("num");
    if invalid {
        class.push("invalid");
    }
    if ctx.differs(p) {
        class.push("changed");
    }
    // A value still as fitted to the returns reads to the precision of its uncertainty
    // ("0.27", not "0.270006790"); the scenario keeps the fit's own figure until edited.
    let text = match fitted_here(ctx, p) {
        Some(v) => fitted_figures(v.value, v.std_error).0,
        None => edit::number_text(ctx.get(p)),
    };
    html! {
        <input type="text" inputmode="decimal" autocomplete="off" maxlength={NUMBER_CHARS.to_string()} {id} {class}
            value={text} aria-label={extra.unwrap_or_else(|| label.to_string())}
            aria-invalid={invalid.to_string()} aria-describedby={describedby} {onchange} />
    }
}

fn field_shell(ctx: &Ctx, p: &Path, param: &Param, body: Html, below: Html) -> Html {
    let dom = p.dom_id();
    let invalid = edit::errors_under(&ctx.errors, p).next().is_some();
    let class = classes!(
        "field",
        ctx.differs(p).then_some("is-changed"),
        invalid.then_some("has-error"),
        advanced_only(&p.catalog_key()).then_some("advanced-only")
    );
    // One input: a <label for>; several (arrays, tables): a group labelled by the heading.
    let single = !matches!(ctx.get(p), Some(Value::Array(_)));
    let label = if single {
        html! { <label for={format!("in-{dom}")} class="field-label" id={format!("label-{dom}")}>{ prose(param.label, true) }</label> }
    } else {
        html! { <span class="field-label" id={format!("label-{dom}")}>{ prose(param.label, true) }</span> }
    };
    let role = (!single).then_some("group");
    let labelledby = (!single).then(|| format!("label-{dom}"));
    html! {
        <div {class} id={format!("field-{dom}")} data-path={p.to_string()} {role} aria-labelledby={labelledby}>
            <div class="field-head">
                { label }
                <span class="unit">{ param.unit }</span>
                { changed_mark(ctx, p, param.label) }
            </div>
            { path_note(p, param) }
            { returns_note(ctx, p, param) }
            { body }
            { range_note(ctx, p, param) }
            { messages(&ctx.errors, p, &dom) }
            { below }
            { about(param) }
        </div>
    }
}

/// A single number.
pub fn number_field(ctx: &Ctx, p: &Path, param: &Param) -> Html {
    field_shell(
        ctx,
        p,
        param,
        html! { <>{ number_input(ctx, p, param.label, None) }{ reading(ctx, p, param) }</> },
        html! {},
    )
}

/// A number or `null` (no limit / not set).
pub fn optional_field(ctx: &Ctx, p: &Path, param: &Param, none_label: &str) -> Html {
    let is_null = matches!(ctx.get(p), Some(Value::Null) | None);
    let toggle = {
        let (edit, default, key) = (ctx.edit(p.clone()), default_value(), p.clone());
        Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            let value = if checked {
                Value::Null
            } else {
                match edit::get(&default, &key) {
                    Some(v) if !v.is_null() => v.clone(),
                    _ => Value::from(50),
                }
            };
            edit.emit(value)
        })
    };
    let check_id = format!("null-{}", p.dom_id());
    let body = if is_null {
        html! {}
    } else if matches!(ctx.get(p), Some(Value::Array(_))) {
        array_inputs(ctx, p, param)
    } else {
        number_input(ctx, p, param.label, None)
    };
    let toggle_html = html! {
        <label class="inline-check" for={check_id.clone()}>
            <input type="checkbox" id={check_id} checked={is_null} onchange={toggle} />
            { none_label }
        </label>
    };
    field_shell(
        ctx,
        p,
        param,
        html! { <>{ toggle_html }{ body }</> },
        html! {},
    )
}

fn array_inputs(ctx: &Ctx, p: &Path, param: &Param) -> Html {
    let Some(Value::Array(items)) = ctx.get(p) else {
        return html! {};
    };
    let variable = matches!(p.catalog_key().as_str(), "demand.group_size");
    let cells = items.iter().enumerate().map(|(i, _)| {
        let ip = p.index(i);
        let item = param
            .items
            .get(i)
            .map(|s| s.to_string())
            .unwrap_or_else(|| format!("{}", i + 1));
        let label_id = format!("in-{}", ip.dom_id());
        html! {
            <div class={classes!("cell", ctx.differs(&ip).then_some("is-changed"))}>
                <label for={label_id} class="item-label">{ item.clone() }</label>
                { number_input(ctx, &ip, param.label, Some(format!("{}: {item}", param.label))) }
                { messages(&ctx.errors, &ip, &ip.dom_id()) }
            </div>
        }
    });
    let controls = if variable {
        let n = items.len();
        // A copy of the last size's share, to be edited.
        let add = ctx.push(p, None);
        // Disabled below two items, so one always stays.
        let remove = ctx.remove_at(p, n.saturating_sub(1));
        html! {
            <div class="row-actions">
                <button type="button" class="secondary small" onclick={add} disabled={n >= param.items.len().max(1)}>{ "Add a size" }</button>
                <button type="button" class="secondary small" onclick={remove} disabled={n <= 1}>{ "Remove the last" }</button>
            </div>
        }
    } else {
        html! {}
    };
    html! { <><div class="array">{ for cells }</div>{ controls }</> }
}

/// An array of numbers with labelled items.
pub fn array_field(ctx: &Ctx, p: &Path, param: &Param) -> Html {
    field_shell(ctx, p, param, array_inputs(ctx, p, param), html! {})
}

/// A table of rows (arrays of arrays of numbers).
pub fn matrix_field(ctx: &Ctx, p: &Path, param: &Param) -> Html {
    let Some(Value::Array(rows)) = ctx.get(p) else {
        return html! {};
    };
    let cols = columns(&p.catalog_key());
    let ncols = rows
        .iter()
        .filter_map(Value::as_array)
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    let variable = p.catalog_key().ends_with(".points");
    let head = (0..ncols).map(|j| html! { <th scope="col">{ cols.get(j).cloned().unwrap_or_else(|| format!("{}", j + 1)) }</th> });
    let body = rows.iter().enumerate().map(|(i, row)| {
        let rp = p.index(i);
        let row_label = param.items.get(i).map(|s| s.to_string()).unwrap_or_else(|| format!("Point {}", i + 1));
        let n = row.as_array().map(Vec::len).unwrap_or(0);
        let cells = (0..n).map(|j| {
            let cp = rp.index(j);
            let aria = format!("{row_label}, {}", cols.get(j).cloned().unwrap_or_default());
            html! { <td class={classes!(ctx.differs(&cp).then_some("is-changed"))}>{ number_input(ctx, &cp, param.label, Some(aria)) }</td> }
        });
        let remove = if variable && rows.len() > 2 {
            let cb = ctx.remove_at(p, i);
            html! { <td><button type="button" class="secondary small" onclick={cb} aria-label={format!("Remove {row_label}")}>{ "Remove" }</button></td> }
        } else {
            html! {}
        };
        let cells: Vec<Html> = cells.collect();
        html! { <tr><th scope="row">{ row_label }</th>{ for cells }{ remove }</tr> }
    });
    let add = if variable {
        let cb = ctx.push(p, None);
        html! { <button type="button" class="secondary small" onclick={cb}>{ "Add a point" }</button> }
    } else {
        html! {}
    };
    let cell_errors: Vec<&FieldError> = edit::errors_under(&ctx.errors, p)
        .filter(|e| e.field != p.to_string())
        .collect();
    let table = html! {
        <>
            <div class="table-wrap">
                <table class="matrix" id={format!("in-{}", p.dom_id())}>
                    <thead><tr><th scope="col">{ "" }</th>{ for head }</tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
            { add }
            <ul class="field-errors" role="alert">
                { for cell_errors.iter().map(|e| html! { <li class="field-error" data-field={e.field.clone()}>{ format!("{}: {}", cell_name(param, &cols, &e.field), e.reason) }</li> }) }
            </ul>
        </>
    };
    field_shell(ctx, p, param, table, html! {})
}

/// A cell of a table named for a reader ("10-15, Adoption") rather than by its path
/// (`exits.route_by_entry_age[3][2]`), from the last two indices of the path.
pub fn cell_name(param: &Param, cols: &[String], field: &str) -> String {
    let idx: Vec<usize> = field
        .split('[')
        .skip(1)
        .filter_map(|s| s.trim_end_matches(']').parse().ok())
        .collect();
    let row = |i: usize| {
        param
            .items
            .get(i)
            .map(|s| s.to_string())
            .unwrap_or_else(|| format!("Point {}", i + 1))
    };
    match idx.as_slice() {
        [.., r, c] => format!(
            "{}, {}",
            row(*r),
            cols.get(*c)
                .cloned()
                .unwrap_or_else(|| format!("column {}", c + 1))
        ),
        [r] => row(*r),
        [] => param.label.to_string(),
    }
}

/// A yes/no setting.
pub fn bool_field(ctx: &Ctx, p: &Path, param: &Param) -> Html {
    let checked = ctx.get(p).and_then(Value::as_bool).unwrap_or(false);
    let onchange = {
        let edit = ctx.edit(p.clone());
        Callback::from(move |e: Event| {
            edit.emit(Value::Bool(
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            ))
        })
    };
    let body = html! {
        <input type="checkbox" id={format!("in-{}", p.dom_id())} {checked} {onchange} />
    };
    field_shell(ctx, p, param, body, html! {})
}

/// A line (or paragraph) of text.
pub fn text_field(ctx: &Ctx, p: &Path, param: &Param, multiline: bool) -> Html {
    let text = ctx
        .get(p)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let id = format!("in-{}", p.dom_id());
    let body = if multiline {
        let onchange = {
            let edit = ctx.edit(p.clone());
            Callback::from(move |e: Event| {
                edit.emit(Value::String(
                    e.target_unchecked_into::<HtmlTextAreaElement>().value(),
                ))
            })
        };
        html! { <textarea {id} rows="2" value={text} maxlength={DESCRIPTION_CHARS.to_string()} {onchange} /> }
    } else {
        let onchange = {
            let edit = ctx.edit(p.clone());
            Callback::from(move |e: Event| edit.emit(Value::String(input_text(&e))))
        };
        html! { <input type="text" {id} class="text" value={text} maxlength={NAME_CHARS.to_string()} {onchange} /> }
    };
    field_shell(ctx, p, param, body, html! {})
}

/// A set of numbers, one per placement type (each with its own catalogue entry).
pub fn per_type_field(ctx: &Ctx, p: &Path, param: &Param) -> Html {
    let Some(Value::Object(map)) = ctx.get(p) else {
        return html! {};
    };
    let rows = map.keys().map(|k| {
        let cp = p.key(k);
        let child = catalog::lookup(&cp.to_string());
        let label = child.map(|c| c.label).unwrap_or(k.as_str());
        let dom = cp.dom_id();
        html! {
            <div class={classes!("cell", "wide", ctx.differs(&cp).then_some("is-changed"))} id={format!("field-{dom}")}>
                <label for={format!("in-{dom}")} class="item-label">
                    { engine::PlacementType::ALL.iter().find(|t| t.key() == k).map(|t| t.label()).unwrap_or(label) }
                </label>
                { number_input(ctx, &cp, label, None) }
                { child.map(|c| reading(ctx, &cp, c)).unwrap_or_default() }
                { changed_mark(ctx, &cp, label) }
                { child.map(|c| returns_note(ctx, &cp, c)).unwrap_or_default() }
                { child.map(|c| range_note(ctx, &cp, c)).unwrap_or_default() }
                { messages(&ctx.errors, &cp, &dom) }
                { child.map(|c| html! {
                    <details class="about"><summary>{ "Source" }</summary>
                        <p class="help">{ prose(c.help, true) }</p><p class="source"><strong>{ "Source: " }</strong>{ prose(c.source, false) }</p>
                    </details>
                }).unwrap_or_default() }
            </div>
        }
    });
    let dom = p.dom_id();
    let class = classes!(
        "field",
        "per-type",
        edit::errors_under(&ctx.errors, p)
            .next()
            .is_some()
            .then_some("has-error")
    );
    html! {
        <fieldset {class} id={format!("field-{dom}")} data-path={p.to_string()}>
            <legend class="field-label">{ prose(param.label, true) }<span class="unit">{ param.unit }</span></legend>
            { path_note(p, param) }
            { ctx.returns.as_ref().and_then(|m| m.kept_at(p)).map(|_| returns_note(ctx, p, param)).unwrap_or_default() }
            { range_note(ctx, p, param) }
            <div class="array">{ for rows }</div>
            { messages(&ctx.errors, p, &dom) }
            { about(param) }
        </fieldset>
    }
}
