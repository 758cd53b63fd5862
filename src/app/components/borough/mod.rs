//! "Use your own borough's returns": the panel that reads a council's SSDA903 returns in
//! the page, has them imported, stitched and fitted in a worker of its own (with
//! progress; nothing leaves the page), and shows the data-quality report, the placement
//! table, the as-at date and window, the fit to review and accept, and the hindcast.
//!
//! * [`files`]: choosing or dropping the files; [`quality`]: the data-quality report;
//!   [`mapping`]: the PLACE x PLACE_PROVIDER table; [`choices`]: as-at date and window;
//!   [`review`]: every fitted value beside the one it replaces, group by group;
//!   [`not_from_return`]: the carer, funnel and cost assumptions to confirm; [`accept`]:
//!   the fitted scenario into the workspace; [`history`]: the observed history before the
//!   forecast; [`hindcast`]: the model's track record on these returns.
//!
//! Wiring: the root holds the [`BoroughState`] reducer (never saved) and renders
//! `<BoroughPanel>` and `<ObservedHistory>`.

pub mod accept;
pub mod choices;
pub mod files;
pub mod hindcast;
pub mod history;
pub mod mapping;
pub mod not_from_return;
pub mod quality;
pub mod review;

use std::cell::RefCell;
use std::rc::Rc;

use engine::ssda903::PlacementMap;
use yew::prelude::*;

use super::toolbar::StateHandle;
use crate::app::state::borough::{BoroughAction, BoroughState, HINDCAST_RUNS};
use crate::borough::{BoroughRequest, HindcastRequest, Outcome, ReplyKind, ReturnFile};
use crate::pool::{PoolEvent, WorkerPool};
use crate::protocol::{FromWorker, ToWorker};

pub use history::ObservedHistory;

/// The worker that imports and fits, and what the page keeps to send it again.
#[derive(Default)]
pub struct Link {
    pool: Option<WorkerPool>,
    /// The files' bytes (in this page's memory only: needed again when the worker is
    /// replaced).
    files: Rc<Vec<ReturnFile>>,
    /// The worker holds the files (a request may then leave them out).
    worker_has_files: bool,
    next_id: u32,
    /// The latest request, and whether it is under way.
    latest: Rc<RefCell<(u32, bool)>>,
}

pub type LinkRef = Rc<RefCell<Link>>;

/// The choices a request is made with.
#[derive(Clone, Debug, PartialEq)]
pub struct Choices {
    pub map: PlacementMap,
    pub as_at: Option<String>,
    pub window_years: u32,
    pub hindcast: Option<String>,
}

impl Choices {
    pub fn of(s: &BoroughState) -> Choices {
        Choices {
            map: s.map.clone(),
            as_at: s.as_at.clone(),
            window_years: s.window_years,
            hindcast: s.hindcast_as_at.clone(),
        }
    }
}

/// The baseline scenario as JSON (the fit keeps its carers, homes, markets and costs).
pub fn baseline_json(state: &StateHandle) -> String {
    let base = state
        .docs
        .first()
        .and_then(|d| d.parsed.clone())
        .map(|p| p.scenario().clone())
        .unwrap_or_else(engine::defaults::default_scenario);
    serde_json::to_string(&base).unwrap_or_default()
}

/// Cancels the request under way, if any: its worker is stopped (a worker cannot read a
/// message while it computes) and replaced by a fresh one, which is sent the files again
/// with the next request. The answer on screen stays.
pub fn cancel(link: &LinkRef, borough: &UseReducerDispatcher<BoroughState>) {
    let mut l = link.borrow_mut();
    let (id, busy) = *l.latest.borrow();
    if !busy {
        return;
    }
    if let Some(p) = &l.pool {
        p.replace(0);
    }
    l.worker_has_files = false;
    l.latest.borrow_mut().1 = false;
    drop(l);
    borough.dispatch(BoroughAction::Cancelled { id });
}

/// Sends a request: new `files` (or those kept) with `choices`.
pub fn send(
    link: &LinkRef,
    borough: &UseReducerHandle<BoroughState>,
    state: &StateHandle,
    files: Option<Vec<ReturnFile>>,
    choices: &Choices,
) {
    let mut l = link.borrow_mut();
    if l.pool.is_none() {
        let dispatch = borough.dispatcher();
        let latest = l.latest.clone();
        l.pool = Some(WorkerPool::spawn(
            1,
            Rc::new(move |e| on_event(&dispatch, &latest, e)),
        ));
    }
    let names = files
        .as_ref()
        .map(|f| f.iter().map(|f| f.name.clone()).collect());
    if let Some(f) = files {
        l.files = Rc::new(f);
        l.worker_has_files = false;
    }
    // A worker busy with an older request reads nothing until it ends: replace it.
    if l.latest.borrow().1 {
        if let Some(p) = &l.pool {
            p.replace(0);
        }
        l.worker_has_files = false;
    }
    l.next_id += 1;
    let id = l.next_id;
    *l.latest.borrow_mut() = (id, true);
    let req = BoroughRequest {
        id,
        files: if l.worker_has_files {
            vec![]
        } else {
            (*l.files).clone()
        },
        placement_map_json: serde_json::to_string(&choices.map).unwrap_or_default(),
        as_at: choices.as_at.clone(),
        window_years: choices.window_years,
        base_json: baseline_json(state),
        hindcast: choices.hindcast.clone().map(|as_at| HindcastRequest {
            as_at,
            runs: HINDCAST_RUNS,
            seed: engine::RunSettings::default().seed,
            horizon_months: None,
        }),
    };
    l.worker_has_files = true;
    if let Some(p) = &l.pool {
        p.send(0, ToWorker::Borough(req));
    }
    drop(l);
    borough.dispatch(BoroughAction::Sent { id, files: names });
}

fn on_event(
    dispatch: &UseReducerDispatcher<BoroughState>,
    latest: &Rc<RefCell<(u32, bool)>>,
    e: PoolEvent,
) {
    match e {
        PoolEvent::Output(_, FromWorker::Borough(reply)) => match reply.kind {
            ReplyKind::Progress { stage, fraction } => dispatch.dispatch(BoroughAction::Progress {
                id: reply.id,
                stage,
                fraction,
            }),
            ReplyKind::Done(json) => {
                if latest.borrow().0 == reply.id {
                    latest.borrow_mut().1 = false;
                }
                match serde_json::from_str::<Outcome>(&json) {
                    Ok(o) => dispatch.dispatch(BoroughAction::Answered {
                        id: reply.id,
                        outcome: Rc::new(o),
                    }),
                    Err(_) => dispatch.dispatch(BoroughAction::Failed { id: reply.id }),
                }
            }
        },
        PoolEvent::Output(..) => {}
        PoolEvent::Lost { reason, .. } => {
            web_sys::console::warn_1(&format!("returns worker: {reason}").into());
            let id = latest.borrow().0;
            latest.borrow_mut().1 = false;
            dispatch.dispatch(BoroughAction::Failed { id });
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct BoroughPanelProps {
    pub state: StateHandle,
    pub borough: UseReducerHandle<BoroughState>,
}

#[function_component]
pub fn BoroughPanel(props: &BoroughPanelProps) -> Html {
    let link: LinkRef = use_mut_ref(Link::default);
    let b = &*props.borough;
    // The report's "Track record" follows the latest hindcast; the page is told so that
    // the report is written again.
    {
        let h = b.hindcast().cloned();
        let state = props.state.clone();
        use_effect_with(h, move |h| {
            super::report::track_record::set(h.clone().map(Rc::new));
            state.dispatch(crate::app::state::Action::Settle);
        });
    }
    if !b.open {
        return html! {};
    }
    let resend = {
        let (link, borough, state) = (link.clone(), props.borough.clone(), props.state.clone());
        Callback::from(move |choices: Choices| {
            borough.dispatch(BoroughAction::SetMap(choices.map.clone()));
            borough.dispatch(BoroughAction::SetAsAt(choices.as_at.clone()));
            borough.dispatch(BoroughAction::SetWindow(choices.window_years));
            borough.dispatch(BoroughAction::SetHindcast(choices.hindcast.clone()));
            send(&link, &borough, &state, None, &choices)
        })
    };
    let on_files = {
        let (link, borough, state) = (link.clone(), props.borough.clone(), props.state.clone());
        Callback::from(move |files: Vec<ReturnFile>| {
            let mut choices = Choices::of(&borough);
            choices.as_at = None;
            choices.hindcast = None;
            send(&link, &borough, &state, Some(files), &choices)
        })
    };
    let on_cancel = {
        let (link, d) = (link.clone(), props.borough.dispatcher());
        Callback::from(move |_: ()| cancel(&link, &d))
    };
    // Leaving the panel stops what it was doing.
    let close = {
        let (link, d) = (link.clone(), props.borough.dispatcher());
        Callback::from(move |_: MouseEvent| {
            cancel(&link, &d);
            d.dispatch(BoroughAction::Open(false))
        })
    };
    let cancel_click = on_cancel.reform(|_: MouseEvent| ());
    let outcome = b.outcome.clone();
    html! {
        <section class="borough-panel" id="borough" aria-labelledby="borough-title">
            <div class="borough-head">
                <h2 id="borough-title">{ "Use your own borough\u{2019}s returns" }</h2>
                <button type="button" class="secondary small" id="borough-close" onclick={close}>{ "Close" }</button>
            </div>
            <p class="muted">{ "Your SSDA903 children-looked-after returns (episodes, header and UASC tables as CSV, or the XML return) are read and fitted on this computer, in a background worker. Nothing is sent anywhere; children\u{2019}s identifiers are shown here only and never saved, shared or downloaded." }</p>
            <files::FilePicker {on_files} busy={b.busy.is_some()} />
            if let Some((stage, fraction)) = &b.busy {
                <p class="borough-progress" id="borough-progress" role="status">
                    <progress max="1" value={fraction.to_string()}></progress>
                    { format!(" {stage}\u{2026} ") }
                    <button type="button" class="secondary small" id="borough-cancel" onclick={cancel_click}>{ "Cancel" }</button>
                </p>
            }
            if b.cancelled {
                <p class="note" id="borough-cancelled" role="status">{ "Cancelled: the results shown are those of your earlier choices." }</p>
            }
            if let Some(o) = outcome {
                <quality::QualityView outcome={o.clone()} />
                <choices::ChoicesView choices={Choices::of(b)} outcome={o.clone()} on_change={resend.clone()} />
                <mapping::MappingTable choices={Choices::of(b)} on_change={resend.clone()} />
                <review::FitReview outcome={o.clone()} borough={props.borough.clone()} />
                <not_from_return::NotFromReturn state={props.state.clone()} borough={props.borough.clone()} />
                <accept::AcceptFit state={props.state.clone()} borough={props.borough.clone()} />
                <hindcast::HindcastView outcome={o} choices={Choices::of(b)} on_change={resend}
                    running={b.busy.clone().filter(|_| b.hindcast_as_at.is_some())} {on_cancel} />
            }
        </section>
    }
}
