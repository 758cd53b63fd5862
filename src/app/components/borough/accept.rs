//! Accepting a fit: the baseline with the accepted groups taken from the returns and the
//! values entered for what the return does not hold, into the workspace as the baseline
//! (the work it replaces kept in Earlier versions) or as a new scenario. It then runs
//! like any other. Where each accepted value came from is kept with the work
//! (`fit_marks`), so the form marks it "estimated from your returns" after acceptance and
//! after a reload. The fitted special guardianship share is taken at the carers' leaving
//! rates as accepted (`state::conversions`).

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
use crate::app::state::conversions;
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
    // The special guardianship share, if fitted, at the carers' leaving rates as accepted
    // (the reader's own, entered here, or the baseline's), not those it was fitted at.
    if let Some((share, _)) = conversions::share_for(&marks_of(fitted, &groups), &v) {
        set_at(&mut v, conversions::SHARE, serde_json::json!(share));
    }
    v
}

/// The marks of the fitted values accepted in `groups`, with the leaving rate the fitted
/// special guardianship share was divided by.
pub fn marks_of(fitted: &Fitted, groups: &[FitGroup]) -> FitMarks {
    let groups: BTreeSet<FitGroup> = groups.iter().copied().collect();
    FitMarks::of(&fitted.report, &groups).with_sgo_leaving_rate(
        engine::ssda903::fit::conversions::leaving_rate(&fitted.scenario.fostering),
    )
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
    let marks = marks_of(&fitted, &b.accepted.iter().copied().collect::<Vec<_>>());
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

#[cfg(test)]
mod tests {
    use super::*;
    use engine::ssda903::date::Date;
    use engine::ssda903::fit::{FitReport, FittedValue};

    /// A fit whose special guardianship share is 0.3 at the built-in carers' leaving rates.
    fn fitted() -> Fitted {
        let mut scenario = engine::defaults::default_scenario();
        scenario.fostering.sgo_conversion_share = 0.3;
        Fitted {
            scenario,
            report: FitReport {
                as_at: Date::parse("2022-03-31").unwrap(),
                window_from: Date::parse("2019-04-01").unwrap(),
                values: vec![FittedValue {
                    field: conversions::SHARE.into(),
                    group: FitGroup::Exits,
                    value: 0.3,
                    default: 0.15,
                    std_error: Some(0.05),
                    interval: None,
                    n: 12,
                    n_of: "orders".into(),
                    source: String::new(),
                }],
                kept: vec![],
                notes: vec![],
            },
        }
    }

    /// Carers' leaving rates entered on accepting the fit keep the returns' special
    /// guardianship orders a child-year: the share is taken at them, and marked as fitted.
    #[test]
    fn the_fitted_share_is_taken_at_the_leaving_rates_entered() {
        let base = engine::defaults::default_scenario();
        let f = fitted();
        let groups: BTreeSet<FitGroup> = [FitGroup::Exits].into();
        let fit_rate = engine::ssda903::fit::conversions::leaving_rate(&f.scenario.fostering);
        // As fitted when nothing is entered.
        let v = accepted_scenario(&base, &f, &groups, &BTreeMap::new());
        assert_eq!(conversions::share(&v), Some(0.3));
        // Faster leaving entered: a smaller share, the same orders a child-year.
        let entered: BTreeMap<String, Value> = [(
            "fostering.attrition_later".to_string(),
            serde_json::json!(0.3),
        )]
        .into();
        let v = accepted_scenario(&base, &f, &groups, &entered);
        let share = conversions::share(&v).unwrap();
        let rate = conversions::leaving_rate(&v).unwrap();
        assert!(share < 0.3);
        assert!((share * rate - 0.3 * fit_rate).abs() < 1e-12);
        let marks = Rc::new(marks_of(&f, &[FitGroup::Exits]));
        let held = marks.for_scenario(&v).expect("marked as fitted");
        assert!((held.values[conversions::SHARE].value - share).abs() < 1e-12);
        // Not accepted: the baseline's share, untouched.
        let v = accepted_scenario(&base, &f, &[FitGroup::Admissions].into(), &entered);
        assert_eq!(
            conversions::share(&v),
            Some(base.fostering.sgo_conversion_share)
        );
    }
}
