//! For scrutiny: which assumptions matter most ([`super::sensitivity`], with the global
//! ranking drawn by [`ranking`]), "what if this is
//! wrong?" ([`what_if`]), the "include uncertainty in the assumptions" switch
//! ([`uncertainty`]), "what would it take?" ([`goal`]) and the sentence beside every fan saying what its bands include
//! ([`bands`]), gathered in one panel ([`panel`]).

pub mod bands;
pub mod goal;
pub mod panel;
pub mod ranking;
pub mod uncertainty;
pub mod what_if;
pub mod words;

use yew::prelude::*;

/// Asks the root to run "what if this is wrong?" for the assumption at a catalogue path;
/// provided as a context so that any field can offer it.
#[derive(Clone, PartialEq)]
pub struct WhatIfHook(pub Callback<String>);

/// What the root is asked to run.
#[derive(Clone, Debug, PartialEq)]
pub enum AnalysisRequest {
    /// The tornado for an outcome choice (`cost`, `cost@2024/25`, `no_suitable`, ...).
    Tornado(String),
    /// What if the assumption at this path is wrong: its low and high ends, and a change of
    /// the reader's own in percent if given.
    WhatIf(String, Option<f64>),
    /// What it would take to reach this goal.
    Goal(engine::goal_seek::Goal),
}

/// The "What if this is wrong?" button under a field whose assumption has a plausible
/// range; nothing for any other field, or when no root offers the hook.
pub fn what_if_button(hook: Option<WhatIfHook>, path: &'static str) -> Html {
    let uncertain = engine::catalog::uncertain().iter().any(|s| s.path == path);
    match hook {
        Some(WhatIfHook(cb)) if uncertain => {
            let onclick = Callback::from(move |_: MouseEvent| cb.emit(path.to_string()));
            html! {
                <button type="button" class="link what-if-button no-print" data-path={path} {onclick}>
                    { "What if this is wrong?" }
                </button>
            }
        }
        _ => html! {},
    }
}

/// Why a button is disabled, said beside it (the button names it as its title and in
/// `aria-describedby`, see [`why_attrs`]); nothing while it can be pressed.
pub fn why_disabled(id: &'static str, why: Option<&str>) -> Html {
    match why {
        Some(why) => html! { <span class="why-disabled" {id}>{ why }</span> },
        None => html! {},
    }
}

/// The title and the accessible description of a button disabled for `why` (the id of the
/// sentence [`why_disabled`] shows): both `None` while it can be pressed.
pub fn why_attrs(id: &'static str, why: Option<&str>) -> (Option<String>, Option<&'static str>) {
    (why.map(str::to_string), why.map(|_| id))
}

/// Why an analysis cannot start now: it is working on its answer.
pub const WORKING: &str = "Working on the answer: wait for it, or Cancel.";

/// Why an analysis cannot start now: another analysis or the main run is on the workers.
pub const BUSY: &str = "Waiting: the model is busy with a run or another question. This can be asked once it has finished (or after Cancel).";

/// Run `request` on the workers for the scenario shown, unless the main run is busy or the
/// scenario or settings have problems (said in a notice).
pub fn run_request(
    ctrl: &crate::app::controller::Shared,
    state: &UseReducerHandle<crate::app::state::AppState>,
    request: &AnalysisRequest,
) {
    use crate::app::analysis::AnalysisRun;
    use crate::app::state::{Action, NoticeKind};
    let d = state.dispatcher();
    let notify = |text: String| {
        d.dispatch(Action::Notify {
            kind: NoticeKind::Warning,
            text,
            action: None,
        })
    };
    if state.run.info.status.is_busy() {
        return notify("Wait for the run to finish (or cancel it), then ask again.".into());
    }
    let (Some(doc), Some(settings)) = (
        state.active_doc().and_then(|d| d.parsed.clone()),
        state.settings.parsed,
    ) else {
        return notify("Fix the problems in this scenario and the run settings first.".into());
    };
    let run = match request {
        AnalysisRequest::Tornado(choice) => AnalysisRun::tornado(doc.scenario(), &settings, choice),
        AnalysisRequest::WhatIf(path, own) => {
            AnalysisRun::what_if(doc.scenario(), &settings, path, *own)
        }
        AnalysisRequest::Goal(goal) => AnalysisRun::goal(doc.scenario(), &settings, goal),
    };
    let basis = crate::app::state::scrutiny::Basis {
        scenario: doc.clone(),
        settings,
    };
    match run {
        Ok(run) => {
            d.dispatch(Action::Scrutiny(
                crate::app::state::scrutiny::ScrutinyAction::Asked(basis),
            ));
            crate::app::controller::start_analysis(ctrl, &d, run)
        }
        Err(e) => return notify(format!("It could not run: {e}.")),
    }
    let id = match request {
        AnalysisRequest::Tornado(_) => "what-matters-most",
        AnalysisRequest::WhatIf(..) => "what-if",
        AnalysisRequest::Goal(_) => "goal-seek",
    };
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.scroll_into_view();
    }
}
