//! Accepting a fit: the baseline with the accepted groups taken from the returns and the
//! values entered for what the return does not hold, into the workspace as the baseline
//! (the work it replaces kept in Earlier versions) or as a new scenario. It then runs
//! like any other. Where each accepted value came from is kept with the work
//! (`fit_marks`), so the form marks it "estimated from your returns" after acceptance and
//! after a reload.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use engine::scenario::Scenario;
use engine::ssda903::fit::{apply, FitGroup};
use serde_json::Value;
use yew::prelude::*;

use super::super::toolbar::StateHandle;
use super::not_from_return::set_at;
use crate::app::fit_marks::FitMarks;
use crate::app::hooks::replace_work_in_browser;
use crate::app::share::Workspace;
use crate::app::state::borough::BoroughState;
use crate::app::state::{Action, NewScenario, Source, WorkAction};
use crate::borough::Fitted;

/// The scenario to accept: `base` with `groups` from the fit and `entered` values set.
pub fn accepted_scenario(
    base: &Scenario,
    fitted: &Fitted,
    groups: &BTreeSet<FitGroup>,
    entered: &BTreeMap<String, Value>,
) -> Value {
    let groups: Vec<FitGroup> = groups.iter().copied().collect();
    let mut s = apply(base, &fitted.scenario, &groups);
    s.name = format!("Your borough, as at {}", fitted.report.as_at);
    s.description = fitted.scenario.description.clone();
    let mut v = serde_json::to_value(&s).unwrap_or(Value::Null);
    for (path, value) in entered {
        set_at(&mut v, path, value.clone());
    }
    v
}

#[derive(Properties, PartialEq)]
pub struct AcceptFitProps {
    pub state: StateHandle,
    pub borough: UseReducerHandle<BoroughState>,
}

#[function_component]
pub fn AcceptFit(props: &AcceptFitProps) -> Html {
    let done = use_state(|| None::<String>);
    let b = &*props.borough;
    let Some(Ok(fitted)) = b.outcome.as_ref().map(|o| o.fit.clone()) else {
        return html! {};
    };
    let base = props
        .state
        .docs
        .first()
        .and_then(|d| d.parsed.clone())
        .map(|p| p.scenario().clone())
        .unwrap_or_else(engine::defaults::default_scenario);
    let value = accepted_scenario(&base, &fitted, &b.accepted, &b.entered);
    let marks = FitMarks::of(&fitted.report, &b.accepted);
    let as_baseline = {
        let (state, value, done) = (props.state.clone(), value.clone(), done.clone());
        let marks = marks.clone();
        Callback::from(move |_: MouseEvent| {
            let current = state.workspace();
            let ws = Workspace {
                from_returns: Some(marks.clone()),
                ..Workspace::of_scenarios(current.settings.clone(), vec![value.clone()], 0)
            };
            state.dispatch(replace_work_in_browser(
                &current,
                ws,
                "your borough's fitted scenario",
                "before using your borough's returns",
                |kept| Source::File {
                    name: "your borough\u{2019}s fitted scenario".into(),
                    kept,
                },
            ));
            done.set(Some("Your borough is now the baseline. It runs like any other scenario; its results are below.".into()));
        })
    };
    let as_new = {
        let (state, done) = (props.state.clone(), done.clone());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Work(WorkAction::Add(NewScenario::Value(
                value.clone(),
            ))));
            state.dispatch(Action::Work(WorkAction::MarkFromReturns(Some(Rc::new(
                marks.clone(),
            )))));
            done.set(Some(
                "Your borough was added as a new scenario, built on the baseline.".into(),
            ));
        })
    };
    let n = b.accepted.len();
    html! {
        <section class="borough-accept" id="borough-accept">
            <h3>{ "Accept" }</h3>
            <p>{ format!("{n} of {} groups from your returns; the rest, and everything the return does not hold, from the baseline.", FitGroup::ALL.len()) }</p>
            <div class="borough-accept-actions">
                <button type="button" id="borough-accept-baseline" onclick={as_baseline}>{ "Use as the baseline" }</button>
                <button type="button" class="secondary" id="borough-accept-new" onclick={as_new}>{ "Add as a new scenario" }</button>
            </div>
            if let Some(d) = &*done { <p class="note" id="borough-accepted" role="status">{ d }</p> }
        </section>
    }
}
