//! The scrutiny panel: "What matters most" (the tornado), "What if this is wrong?" and
//! "What would it take?" (goal seek), with
//! their progress, cancel and answers, from the scrutiny state.

use std::rc::Rc;

use yew::prelude::*;

use super::goal::GoalPanel;
use super::what_if::WhatIfPanel;
use super::AnalysisRequest;
use crate::app::components::sensitivity::WhatMattersMost;
use crate::app::state::scrutiny::{AnalysisKind, AnalysisStatus, Basis, ScrutinyState};

#[derive(Properties, PartialEq)]
pub struct ScrutinyPanelProps {
    pub scrutiny: ScrutinyState,
    /// The financial years simulated.
    pub years: Rc<Vec<String>>,
    /// The months simulated ("2020-07").
    pub months: Rc<Vec<String>>,
    /// The main run is busy on the workers.
    pub run_busy: bool,
    pub on_request: Callback<AnalysisRequest>,
    pub on_cancel: Callback<()>,
    /// The scenario shown and the run settings now (`None` while either has problems).
    #[prop_or_default]
    pub now: Option<Basis>,
}

/// An answer out of date: the scenario or the settings changed after it was asked for (or
/// another scenario is shown). Said above the answer, which is greyed out (`.stale`).
fn stale_note(id: &'static str) -> Html {
    html! {
        <p class="note stale-note" {id} role="status">
            { "Out of date: the scenario or the run settings have changed since the answer below was worked out (or another scenario is shown). Run it again to update it." }
        </p>
    }
}

/// Why an analysis of `kind` stopped, if the last one did.
fn stopped(status: &AnalysisStatus, kind: AnalysisKind) -> Option<String> {
    match status {
        AnalysisStatus::Cancelled(k) if *k == kind => {
            Some("Stopped before it finished: run it again to see the answer.".into())
        }
        AnalysisStatus::Failed(k, why) if *k == kind => Some(format!("It could not run: {why}.")),
        _ => None,
    }
}

#[function_component]
pub fn ScrutinyPanel(props: &ScrutinyPanelProps) -> Html {
    let s = &props.scrutiny;
    let progress = |kind: AnalysisKind| match s.status {
        AnalysisStatus::Running {
            kind: k,
            done,
            total,
        } if k == kind => Some((done, total)),
        _ => None,
    };
    let busy = props.run_busy || s.running().is_some();
    let now = props.now.as_ref();
    let stale = |basis: &Option<Basis>, shown: bool| {
        shown && !basis.as_ref().is_some_and(|b| b.holds_for(now))
    };
    let tornado_stale =
        stale(&s.tornado_basis, s.tornado.is_some()) && s.running() != Some(AnalysisKind::Tornado);
    let what_if_stale = stale(&s.what_if_basis, s.what_if.is_some());
    let goal_stale = stale(&s.goal_basis, s.goal.is_some());
    let on_tornado = props.on_request.reform(AnalysisRequest::Tornado);
    let on_what_if = props
        .on_request
        .reform(|(path, own)| AnalysisRequest::WhatIf(path, own));
    let on_goal = props.on_request.reform(AnalysisRequest::Goal);
    html! {
        <section class="scrutiny no-print" id="scrutiny" aria-labelledby="scrutiny-title">
            <h2 id="scrutiny-title">{ "For scrutiny: how sure are we?" }</h2>
            <p class="muted">{ "Which assumptions the answer depends on most, what happens if one of them is wrong, and what it would take to reach a target. They look at the scenario shown; nothing is added to the comparison." }</p>
            if props.run_busy && s.running().is_none() {
                <p class="note" id="scrutiny-wait">{ "Waiting for the run to finish before these can start." }</p>
            }
            <div class={classes!("scrutiny-part", tornado_stale.then_some("stale"))}>
                if tornado_stale { { stale_note("tornado-stale") } }
                <WhatMattersMost tornado={s.tornado.clone()} ranking={s.ranking.clone()} progress={progress(AnalysisKind::Tornado)}
                    on_run={on_tornado} on_cancel={props.on_cancel.clone()} years={props.years.clone()} months={props.months.clone()} {busy}
                    stopped={stopped(&s.status, AnalysisKind::Tornado)} />
            </div>
            <div class={classes!("scrutiny-part", what_if_stale.then_some("stale"))}>
                if what_if_stale { { stale_note("what-if-stale") } }
                <WhatIfPanel answer={s.what_if.clone()} progress={progress(AnalysisKind::WhatIf)}
                    stopped={stopped(&s.status, AnalysisKind::WhatIf)} on_run={on_what_if}
                    on_cancel={props.on_cancel.clone()} {busy} />
            </div>
            <div class={classes!("scrutiny-part", goal_stale.then_some("stale"))}>
                if goal_stale { { stale_note("goal-stale") } }
                <GoalPanel answer={s.goal.clone()} progress={progress(AnalysisKind::Goal)}
                    stopped={stopped(&s.status, AnalysisKind::Goal)} months={props.months.clone()} on_run={on_goal}
                    on_cancel={props.on_cancel.clone()} {busy} />
            </div>
        </section>
    }
}
