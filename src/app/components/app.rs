//! The root component: the state, its effects (hooks in `app::hooks`) and the page's
//! layout.

use std::rc::Rc;

use yew::prelude::*;

use super::borough::{BoroughPanel, ObservedHistory};
use super::compare::summary::CompareSummary;
use super::compare::Compare;
use super::conflict::ConflictDialog;
use super::dates::DataNote;
use super::editor::Editor;
use super::glossary::Glossary;
use super::history::History;
use super::notices::Notices;
use super::present::Presentation;
use super::report::CabinetReport;
use super::results::Results;
use super::runbar::RunBar;
use super::scenarios::ScenarioTabs;
use super::scrutiny::{self, panel::ScrutinyPanel, AnalysisRequest, WhatIfHook};
use super::toolbar::{StateHandle, Toolbar};
use super::workshop::WorkshopMode;
use crate::app::controller::{self, Controller};
use crate::app::hooks::{
    replace_work_in_browser, use_autosave, use_debounced_run, use_share_link, use_typing_guard,
};
use crate::app::io;
use crate::app::persist;
use crate::app::startup::initial_state;
use crate::app::state::{Action, NoticeAction, NoticeKind, Source};

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let ctrl: controller::Shared = use_mut_ref(Controller::default);
    let history_open = use_state(|| false);
    // A council's own returns (never saved: see `state::borough`).
    let borough = use_reducer(crate::app::state::borough::BoroughState::default);
    // One callback for the component's life: children whose other props are unchanged
    // (the editor while a run reports progress or results) then skip re-rendering. That
    // spares the UI thread, which shares the cores with the workers, and keeps a value
    // being typed from being reset to the saved one by a re-render before it is committed.
    let dispatch: Callback<Action> = {
        let d = state.dispatcher();
        (*use_memo((), move |_| Callback::from(move |a| d.dispatch(a)))).clone()
    };

    // The work as a workspace, made again only when it changes (the history and conflict
    // views compare it; a run's progress leaves them alone).
    let current = {
        let state = state.clone();
        use_memo((state.rev, state.active), move |_| state.workspace())
    };

    use_debounced_run(&state, &ctrl);
    use_autosave(&state);
    use_share_link(&state);
    use_typing_guard();

    let on_run = {
        let (state, ctrl) = (state.clone(), ctrl.clone());
        Callback::from(move |_| controller::start(&ctrl, &state.dispatcher(), &state))
    };
    let on_cancel = {
        let (state, ctrl) = (state.clone(), ctrl.clone());
        Callback::from(move |_| controller::cancel(&ctrl, &state.dispatcher()))
    };
    let on_notice_action = {
        let state = state.clone();
        Callback::from(move |a: NoticeAction| match a {
            NoticeAction::Download { filename, text, .. } => {
                if let Err(e) = io::download(&filename, "application/json", &text) {
                    state.dispatch(Action::Notify {
                        kind: NoticeKind::Error,
                        text: format!("Download failed: {e}"),
                        action: None,
                    });
                }
            }
            NoticeAction::Restore(id) => {
                let Some(earlier) = persist::history(&persist::LocalStore)
                    .into_iter()
                    .find(|e| e.id == id)
                else {
                    state.dispatch(Action::Notify {
                        kind: NoticeKind::Error,
                        text: "That earlier version is no longer kept in this browser.".into(),
                        action: None,
                    });
                    return;
                };
                state.dispatch(replace_work_in_browser(
                    &state.workspace(),
                    earlier.workspace,
                    "The earlier version",
                    "before restoring an earlier version",
                    |kept| Source::Earlier { kept },
                ));
            }
            NoticeAction::Undo(ws) => state.dispatch(Action::Undo(ws)),
            NoticeAction::ResumeSaving => state.dispatch(Action::SetSavePaused(false)),
        })
    };
    let set_history = history_open.setter();
    // Scrutiny analyses: asked for by the panel or any field's "What if this is wrong?", run
    // by an effect with the state as it is then (so the hook's callback stays the same).
    let asked = use_state(|| None::<(f64, AnalysisRequest)>);
    let ask: Callback<AnalysisRequest> = {
        let set = asked.setter();
        (*use_memo((), move |_| {
            Callback::from(move |r| set.set(Some((io::now_ms(), r))))
        }))
        .clone()
    };
    {
        let (state, ctrl) = (state.clone(), ctrl.clone());
        use_effect_with((*asked).clone(), move |asked| {
            if let Some((_, request)) = asked {
                scrutiny::run_request(&ctrl, &state, request);
            }
        });
    }
    // The same hook for the component's life: a new one would re-render every field.
    let what_if_hook = {
        let ask = ask.clone();
        (*use_memo((), move |_| {
            WhatIfHook(ask.reform(|path| AnalysisRequest::WhatIf(path, None)))
        }))
        .clone()
    };

    let s = &*state;
    let blockers = Rc::new(s.blockers());
    let results = s.run.results.as_ref();
    let details = results.map(|r| {
        let rep = &r.report.0;
        (rep.runs, rep.seed, rep.fingerprint.clone())
    });
    let active = s.active_doc().cloned();
    // A scenario fitted to the council's returns with the built-in money: said above the
    // tiles, whose costs and chances of overspending are then not the council's.
    let money_kept = s
        .from_returns
        .as_ref()
        .and(active.as_ref())
        .map(|d| crate::app::fit_marks::money_still_built_in(&d.value))
        .filter(|kept| !kept.is_empty())
        .map(|kept| {
            format!(
                "Your borough's children, with the built-in borough's {}: these are not in a return, so the money figures below are illustrative until you enter yours in the form.",
                kept.join(" and ")
            )
        });
    let results_html = match results {
        Some(r) => {
            let shown = r.index_of(s.active);
            let missing = !r.doc_ids.contains(&s.active);
            html! {
                <>
                    if missing { <p class="note" id="results-pending">{ "This scenario is not in the results yet: the baseline is shown until the next run finishes." }</p> }
                    if !blockers.is_empty() { <p class="note stale" id="results-stale">{ "These results are from before your latest changes, which have problems to fix." }</p> }
                    if let Some(words) = &money_kept { <p class="note" id="results-money-built-in">{ words.clone() }</p> }
                    <Results report={r.report.clone()} {shown} complete={r.complete} />
                </>
            }
        }
        None => html! {
            <section class="results placeholder" id="results" aria-busy="true">
                <h2>{ "Results" }</h2>
                <p>{ if blockers.is_empty() { "Running the first simulations…" } else { "Fix the problems above to run the model." } }</p>
            </section>
        },
    };
    let glossary_open = use_state(|| false);
    let open_glossary = {
        let g = glossary_open.clone();
        Callback::from(move |_: MouseEvent| g.set(true))
    };
    let close_glossary = {
        let g = glossary_open.clone();
        Callback::from(move |()| g.set(false))
    };
    html! {
        <div class="app">
            <header class="app-header">
                <div class="title">
                    <h1>{ "Placement sufficiency modeller" }</h1>
                    <p class="subtitle">{ "Homes for children in care: demand, foster carers, children's homes and cost, with honest uncertainty. Everything runs on this computer." }</p>
                </div>
                <Toolbar state={StateHandle(state.clone())} set_history={set_history.clone()} />
            </header>
            <p class="no-print glossary-link">
                <button type="button" class="link" id="open-glossary" onclick={open_glossary}>{ "What the words mean (glossary)" }</button>
                { " \u{00b7} " }
                <button type="button" class="link" id="open-borough" onclick={
                    let d = borough.dispatcher();
                    Callback::from(move |_: MouseEvent| d.dispatch(crate::app::state::borough::BoroughAction::Open(true)))
                }>{ "Use your own borough\u{2019}s returns" }</button>
                { " \u{b7} " }<a href="#scrutiny" id="to-scrutiny">{ "For scrutiny: which assumptions matter most" }</a>
            </p>
            <BoroughPanel state={StateHandle(state.clone())} borough={borough.clone()} />
            <Glossary open={*glossary_open} on_close={close_glossary} />
            <super::references::References />
            <super::advanced::AdvancedSwitch />
            if let Some(c) = &s.conflict {
                <ConflictDialog conflict={c.clone()} mine={current.clone()} dispatch={dispatch.clone()} />
            }
            if *history_open {
                <History current={current.clone()} dispatch={dispatch.clone()} set_open={set_history} />
            }
            <Notices notices={s.notices.clone()} dispatch={dispatch.clone()} on_action={on_notice_action} />
            <RunBar settings={s.settings.clone()} run={s.run.info.clone()} blockers={blockers.clone()} {details}
                dispatch={dispatch.clone()} {on_run} on_cancel={on_cancel.clone()} />
            <ScenarioTabs docs={s.docs.clone()} active={s.active} dispatch={dispatch.clone()} />
            <DataNote baseline={s.docs.first().and_then(|d| d.parsed.clone())} dispatch={dispatch.clone()} />
            if let Some(r) = results { <CompareSummary report={r.report.clone()} /> }
            <ContextProvider<WhatIfHook> context={what_if_hook}>
            <div class="workspace">
                <main class="main-col" id="main">
                    <ObservedHistory borough={borough.clone()} report={results.map(|r| r.report.clone())} />
                    { results_html }
                </main>
                <aside class="side-col no-print">
                    if let Some(doc) = active { <Editor {doc} docs={s.docs.clone()} dispatch={dispatch.clone()} from_returns={s.from_returns.clone()} /> }
                </aside>
            </div>
            </ContextProvider<WhatIfHook>>
            if let Some(r) = results { <Compare report={r.report.clone()} doc_ids={r.doc_ids.clone()} dispatch={dispatch.clone()}
                baseline={s.docs.first().and_then(|d| d.parsed.clone().map(|p| (d.id, p)))} /> }
            <ScrutinyPanel scrutiny={s.scrutiny.clone()} run_busy={s.run.info.status.is_busy()} on_request={ask.clone()}
                now={s.active_doc().and_then(|d| d.parsed.clone()).zip(s.settings.parsed).map(|(scenario, settings)| crate::app::state::scrutiny::Basis { scenario, settings })}
                on_cancel={on_cancel.clone()}
                years={Rc::new(results.and_then(|r| r.report.0.scenarios.first()).map(|x| x.years.iter().map(|y| y.year.clone()).collect()).unwrap_or_default())}
                months={Rc::new(results.map(|r| r.report.0.month_labels.clone()).unwrap_or_default())} />
            <CabinetReport state={state.clone()} />
            <Presentation state={state.clone()} dispatch={dispatch.clone()} />
            <WorkshopMode baseline={s.docs.first().and_then(|d| d.parsed.clone())} />
        </div>
    }
}
