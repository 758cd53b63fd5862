//! The scrutiny panel: "What matters most" (the tornado), "What if this is wrong?" and
//! "What would it take?" (goal seek), with
//! their progress, cancel and answers, from the scrutiny state.

use std::rc::Rc;

use yew::prelude::*;

use super::goal::GoalPanel;
use super::what_if::WhatIfPanel;
use super::AnalysisRequest;
use crate::app::components::sensitivity::WhatMattersMost;
use crate::app::state::scrutiny::{AnalysisKind, AnalysisStatus, ScrutinyState};

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
            <WhatMattersMost tornado={s.tornado.clone()} ranking={s.ranking.clone()} progress={progress(AnalysisKind::Tornado)}
                on_run={on_tornado} on_cancel={props.on_cancel.clone()} years={props.years.clone()} {busy}
                stopped={stopped(&s.status, AnalysisKind::Tornado)} />
            <WhatIfPanel answer={s.what_if.clone()} progress={progress(AnalysisKind::WhatIf)}
                stopped={stopped(&s.status, AnalysisKind::WhatIf)} on_run={on_what_if}
                on_cancel={props.on_cancel.clone()} {busy} />
            <GoalPanel answer={s.goal.clone()} progress={progress(AnalysisKind::Goal)}
                stopped={stopped(&s.status, AnalysisKind::Goal)} months={props.months.clone()} on_run={on_goal}
                on_cancel={props.on_cancel.clone()} {busy} />
        </section>
    }
}
