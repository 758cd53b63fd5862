//! The assumptions of one scenario, grouped as the catalogue groups them, generated from the
//! catalogue over the scenario value (each field a [`Field`] component of its own).

use std::rc::Rc;

use engine::catalog::{self, Group, Param};
use yew::prelude::*;

use super::field::Field;
use super::fields::Ctx;
use super::lineage::Lineage;
use crate::app::edit::Path;
use crate::app::fit_marks::FitMarks;
use crate::app::state::{Action, Doc, WorkAction};

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub doc: Doc,
    /// Every scenario, the baseline first (what this one can be built on or compared with).
    pub docs: Vec<Doc>,
    pub dispatch: Callback<Action>,
    /// The accepted fit to the council's own returns, if any (the fields it set are marked).
    #[prop_or_default]
    pub from_returns: Option<Rc<FitMarks>>,
}

pub fn group_id(g: Group) -> String {
    format!("group-{}", format!("{g:?}").to_lowercase())
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
        returns: props
            .from_returns
            .as_ref()
            .and_then(|m| m.for_scenario(&doc.value)),
    };
    let reset_all = {
        let (d, id) = (props.dispatch.clone(), doc.id);
        Callback::from(move |_: MouseEvent| d.emit(WorkAction::ResetAll { doc: id }.into()))
    };
    let reset_label = if doc.variant.is_some() {
        "Use the base for every assumption"
    } else {
        "Reset all to the defaults"
    };
    let levers = engine::FieldPath::root().key("levers");
    let groups = Group::ALL.iter().map(|g| {
        let params: Vec<&'static Param> = catalog::group_params(*g).collect();
        let paths: Vec<Path> = params.iter().filter_map(|p| Path::parse(p.path)).collect();
        let changed = paths.iter().filter(|p| !p.0.is_empty() && p.catalog_key() != "levers" && ctx.differs(p)).count();
        let problems = doc
            .errors
            .iter()
            .filter(|e| catalog::lookup_path(&e.path).map(|p| p.group) == Some(*g) || (*g == Group::StrategyLevers && e.path.starts_with(&levers)))
            .count();
        let open = *g == Group::Demand || *g == Group::StrategyLevers;
        html! {
            <details class="group" id={group_id(*g)} {open}>
                <summary>
                    <span class="group-name">{ g.label() }</span>
                    if changed > 0 { <span class="badge changed">{ format!("{changed} changed") }</span> }
                    if problems > 0 { <span class="badge problem">{ if problems == 1 { "1 problem".to_string() } else { format!("{problems} problems") } }</span> }
                </summary>
                <div class="group-body">{ for params.into_iter().map(|param| html! { <Field ctx={ctx.clone()} {param} /> }) }</div>
            </details>
        }
    });
    let unplaced: Vec<_> = doc
        .errors
        .iter()
        .filter(|e| catalog::lookup_path(&e.path).is_none() && !e.path.starts_with(&levers))
        .collect();
    html! {
        <section class="editor" id="editor" aria-labelledby="editor-title">
            <div class="editor-head">
                <h2 id="editor-title">{ format!("Assumptions: {}", doc.name()) }</h2>
                <button type="button" class="secondary small" id="reset-all" onclick={reset_all}>{ reset_label }</button>
            </div>
            <Lineage doc={doc.clone()} docs={props.docs.clone()} dispatch={props.dispatch.clone()} />
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
