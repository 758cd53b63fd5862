//! Workshop mode, for a facilitator with tables of managers: strategy cards each table
//! picks settings on (within an optional purse), every table's scenario run together, a
//! leaderboard against the facilitator's target, and the workshop kept as a file or a link.
//! The logic is the engine's (`engine::workshop`); the state is
//! `app::state::workshop`; this is the screen.
//!
//! * [`card`]: one strategy card; [`leaderboard`]: the teams side by side;
//!   [`facilitator`]: the settings, file and link; [`runner`]: running the teams.
//!
//! Wiring: `<WorkshopMode baseline={...} />` as a direct child of the page's `.app`; it draws
//! its own "Workshop (teams)" button, and when open a layer over the whole window
//! (styles/workshop.css). A link whose fragment is `#workshop` opens it, and
//! `#workshop=<payload>` opens the workshop it carries.

pub mod card;
pub mod facilitator;
pub mod leaderboard;
pub mod runner;

use std::rc::Rc;

use engine::workshop::{money, Level, Target, Workshop};
use yew::prelude::*;

use crate::app::io;
use crate::app::persist::{LocalStore, Store};
use crate::app::state::workshop::{WorkshopAction, WorkshopState};
use card::StrategyCard;
use facilitator::Facilitator;
use leaderboard::Leaderboard;

/// Where this browser keeps the workshop.
pub const STORE_KEY: &str = "sufficiency.workshop.v1";

#[derive(Properties, PartialEq)]
pub struct WorkshopProps {
    /// The page's baseline (the teams build on it when the workshop is first opened).
    pub baseline: Option<Rc<engine::ValidScenario>>,
}

/// The target in words.
pub fn target_words(ws: &Workshop) -> Option<String> {
    let b = &ws.baseline;
    let months = engine::report::month_labels(
        b.start_year,
        b.start_month,
        ws.settings.horizon_months as usize,
    );
    match ws.target.as_ref()? {
        Target::NoSuitableAtMost { children, month } => Some(format!(
            "at most {children} children without a suitable placement in {}",
            months.get(*month as usize).cloned().unwrap_or_default()
        )),
        Target::WithinBudget { year } => {
            let years = engine::report::months_per_year(&months);
            Some(format!(
                "placements cost (cards included) within the budget in {}",
                years
                    .get(*year as usize)
                    .map(|y| y.0.clone())
                    .unwrap_or_default()
            ))
        }
    }
}

/// What the fragment asks of the workshop: open it, and perhaps with a workshop.
fn fragment_action() -> Option<Option<WorkshopAction>> {
    let hash = io::location_hash();
    if let Some(result) = facilitator::from_fragment(&hash) {
        io::clear_hash();
        return Some(Some(match result {
            Ok(ws) => WorkshopAction::Open {
                ws: Box::new(ws),
                text: "Opened the workshop from its link.".into(),
            },
            Err(e) => WorkshopAction::Say(crate::app::state::workshop::Message {
                error: true,
                text: format!("This workshop link could not be opened: {e}."),
            }),
        }));
    }
    (hash == "#workshop").then_some(None)
}

/// Which baseline the teams build on, by name; and, when it is not the page's current one
/// (the teams had picked before the page changed, or it came from a file or link), a
/// warning that the leaderboard will not match the page's figures, with the way to move.
fn on_baseline_line(
    ws: &Workshop,
    page: Option<&engine::ValidScenario>,
    dispatch: &Callback<WorkshopAction>,
) -> Html {
    let name = &ws.baseline.name;
    let differs = page.filter(|p| *p.scenario() != ws.baseline);
    match differs {
        None => html! {
            <p class="ws-baseline-line" id="ws-baseline-line">{ format!("The teams build on \u{201c}{name}\u{201d}, the page's baseline.") }</p>
        },
        Some(p) => {
            let page_name = p.scenario().name.clone();
            let (d, ws, b) = (dispatch.clone(), ws.clone(), p.scenario().clone());
            let on_move = Callback::from(move |_: MouseEvent| {
                d.emit(WorkshopAction::Open {
                    ws: Box::new(Workshop {
                        baseline: b.clone(),
                        ..ws.clone()
                    }),
                    text: "The teams now build on the page's current baseline.".into(),
                })
            });
            html! {
                <p class="ws-baseline-line differs" id="ws-baseline-line" role="status">
                    { if page_name == *name {
                        format!("The teams build on an earlier version of \u{201c}{name}\u{201d}: the page's baseline has changed since, so their figures will not match the page's. ")
                    } else {
                        format!("The teams build on \u{201c}{name}\u{201d}, not the page's current baseline \u{201c}{page_name}\u{201d}: their figures will not match the page's. ")
                    } }
                    <button type="button" class="secondary small" id="ws-follow-page" onclick={on_move}>{ "Build on the page's baseline" }</button>
                </p>
            }
        }
    }
}

#[function_component]
pub fn WorkshopMode(props: &WorkshopProps) -> Html {
    let open = use_state(|| false);
    let state = {
        let baseline = props.baseline.clone();
        use_reducer(move || {
            // The workshop kept in this browser, else a new one on the page's baseline.
            // Either follows the page's baseline while no team has picked a card.
            let kept = LocalStore
                .get(STORE_KEY)
                .and_then(|t| engine::workshop::file::read(&t).ok());
            match kept {
                Some(ws) => {
                    let s = WorkshopState::new(ws);
                    if s.no_picks() {
                        WorkshopState::on_page(s.ws)
                    } else {
                        s
                    }
                }
                None => {
                    let b = baseline
                        .map(|b| b.scenario().clone())
                        .unwrap_or_else(engine::defaults::default_scenario);
                    WorkshopState::on_page(Workshop::new(b, engine::workshop::MAX_TEAMS))
                }
            }
        })
    };
    // Opened, or the page's baseline changed while open: the teams follow it if they may.
    {
        let d = state.dispatcher();
        use_effect_with((*open, props.baseline.clone()), move |(open, baseline)| {
            if let (true, Some(b)) = (*open, baseline) {
                d.dispatch(WorkshopAction::FollowPage(Box::new(b.scenario().clone())));
            }
        });
    }
    // Kept in this browser at every change, so a reload does not lose the tables' picks.
    {
        let ws = state.ws.clone();
        use_effect_with(state.rev, move |_| {
            let mut store = LocalStore;
            let _ = store.set(STORE_KEY, &engine::workshop::file::write(&ws));
        });
    }
    let token: runner::Token = (*use_memo((), |_| Rc::new(std::cell::Cell::new(0u64)))).clone();

    // Links: the one the page opened with, and any pasted later.
    {
        let (open, d) = (open.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            let apply = move || {
                if let Some(action) = fragment_action() {
                    if let Some(a) = action {
                        d.dispatch(a);
                    }
                    open.set(true);
                }
            };
            apply();
            let listener = web_sys::window()
                .map(|w| gloo::events::EventListener::new(&w, "hashchange", move |_| apply()));
            move || drop(listener)
        });
    }

    let dispatch: Callback<WorkshopAction> = {
        let d = state.dispatcher();
        Callback::from(move |a| d.dispatch(a))
    };
    if !*open {
        let o = open.clone();
        return html! {
            <button type="button" class="secondary small ws-open no-print" id="workshop-open"
                onclick={Callback::from(move |_: MouseEvent| o.set(true))}>{ "Workshop (teams)" }</button>
        };
    }
    let s = &*state;
    let ws = &s.ws;
    let on_close = {
        let (open, token) = (open.clone(), token.clone());
        Callback::from(move |_: MouseEvent| {
            runner::stop(&token);
            open.set(false);
        })
    };
    let on_run = {
        let (ws, rev, token, dispatch) = (ws.clone(), s.rev, token.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| runner::start(&ws, rev, &token, dispatch.clone()))
    };
    let team = s.team.min(ws.teams.len() - 1);
    let current = &ws.teams[team];
    let remaining = ws.remaining(current);
    let tabs = ws.teams.iter().enumerate().map(|(i, t)| {
        let d = dispatch.clone();
        let picked = ws.cards.iter().filter(|c| t.level(c.kind.key()) != Level::Off).count();
        html! {
            <button type="button" class={classes!("ws-team", (i == team).then_some("selected"))}
                data-team={i.to_string()} aria-pressed={(i == team).to_string()}
                onclick={Callback::from(move |_: MouseEvent| d.emit(WorkshopAction::SelectTeam(i)))}>
                { t.name.clone() }<span class="ws-team-count">{ format!(" · {picked} card{}", if picked == 1 { "" } else { "s" }) }</span>
            </button>
        }
    });
    let cards = ws.cards.iter().map(|c| {
        let key = c.kind.key().to_string();
        let d = dispatch.clone();
        let on_pick = Callback::from(move |level: Level| {
            d.emit(WorkshopAction::Choose {
                key: key.clone(),
                level,
            })
        });
        html! { <StrategyCard card={c.clone()} level={current.level(c.kind.key())} {remaining} {on_pick} /> }
    });
    let on_rename = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            d.emit(WorkshopAction::Rename { team, name: v });
        })
    };
    let purse_line = match (ws.purse, remaining) {
        (Some(p), Some(r)) => format!(
            "Purse: {} a year, {} spent, {} left",
            money(p),
            money(p - r),
            money(r)
        ),
        _ => format!(
            "No purse: cards cost {} a year",
            money(ws.team_cost(current))
        ),
    };
    let years = format!("{} years", ws.settings.horizon_months as f64 / 12.0);
    let progress = if s.run.running {
        format!("Running… {} of {} runs", s.run.done, s.run.total)
    } else {
        String::new()
    };
    let message = s.message.clone().map(|m| {
        let d = dispatch.clone();
        html! {
            <div class={classes!("ws-message", m.error.then_some("error"))} id="ws-message" role={if m.error { "alert" } else { "status" }}>
                <span>{ m.text }</span>
                <button type="button" class="link" onclick={Callback::from(move |_: MouseEvent| d.emit(WorkshopAction::Dismiss))}>{ "Dismiss" }</button>
            </div>
        }
    });
    let board = s.run.board.clone().map(|b| {
        html! { <Leaderboard board={b} cards={Rc::new(ws.cards.clone())} target={target_words(ws)} stale={s.stale()} {years} /> }
    });
    html! {
        <div class="workshop" id="workshop" role="dialog" aria-modal="true" aria-labelledby="ws-title">
            <header class="ws-head">
                <h2 id="ws-title">{ format!("Workshop: {} teams", ws.teams.len()) }</h2>
                <button type="button" id="ws-run" onclick={on_run} disabled={s.run.running}>{ "Run all teams" }</button>
                <span class="ws-progress" id="ws-progress" role="status">{ progress }</span>
                <button type="button" class="secondary" id="ws-close" onclick={on_close}>{ "Close" }</button>
            </header>
            { message.unwrap_or_default() }
            { on_baseline_line(ws, props.baseline.as_deref(), &dispatch) }
            <Facilitator state={state.clone()} baseline={props.baseline.clone()} />
            <div class="ws-body">
                <section class="ws-cards-panel" aria-labelledby="ws-cards-title">
                    <div class="ws-teams" role="group" aria-label="Teams">{ for tabs }</div>
                    <div class="ws-team-head">
                        <h3 id="ws-cards-title">
                            <label>{ "Cards of " }<input id="ws-team-name" type="text" maxlength="40" size="12"
                                value={current.name.clone()} onchange={on_rename} /></label>
                        </h3>
                        <p class="ws-purse" id="ws-purse-left">{ purse_line }</p>
                    </div>
                    <div class="ws-cards">{ for cards }</div>
                </section>
                { board.unwrap_or_else(|| html! {
                    <section class="ws-board placeholder"><h3>{ "Leaderboard" }</h3>
                        <p>{ "When the teams have picked their cards, press Run all teams: every team's plan runs on the same random futures, and the teams appear here side by side." }</p></section>
                }) }
            </div>
        </div>
    }
}
