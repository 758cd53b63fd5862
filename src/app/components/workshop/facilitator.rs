//! The facilitator's settings: how many teams, the purse, the target, the runs, and the
//! workshop as a file (save, open) or a link; and building the teams on the page's current
//! baseline. Every problem is a message from the state (the workshop is unchanged).

use std::rc::Rc;

use engine::workshop::file;
use engine::workshop::{Target, Workshop, MAX_TEAMS};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::app::io;
use crate::app::limits::{size_text, MAX_FILE_BYTES};
use crate::app::share;
use crate::app::state::workshop::{Message, WorkshopAction, WorkshopState};

/// The fragment that carries a workshop in a link (`#workshop=` + payload).
pub const FRAGMENT_KEY: &str = "workshop=";

/// The link that opens this workshop (`base` with any fragment replaced).
pub fn link(base: &str, ws: &Workshop) -> String {
    let base = base.split('#').next().unwrap_or(base);
    let json = serde_json::to_string(ws).unwrap_or_default();
    format!("{base}#{FRAGMENT_KEY}{}", share::pack(&json))
}

/// The workshop a link's fragment carries (`None`: not a workshop link).
pub fn from_fragment(hash: &str) -> Option<Result<Workshop, String>> {
    let h = hash.strip_prefix('#').unwrap_or(hash);
    let payload = h.strip_prefix(FRAGMENT_KEY)?;
    Some(share::unpack(payload).and_then(|text| file::read(&text).map_err(|e| e.to_string())))
}

#[derive(Properties, PartialEq)]
pub struct FacilitatorProps {
    pub state: UseReducerHandle<WorkshopState>,
    pub baseline: Option<Rc<engine::ValidScenario>>,
}

fn say_error(text: String) -> WorkshopAction {
    WorkshopAction::Say(Message { error: true, text })
}

#[function_component]
pub fn Facilitator(props: &FacilitatorProps) -> Html {
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let link_shown = use_state(|| None::<String>);
    let s = &*props.state;
    let ws = &s.ws;
    let d = props.state.dispatcher();
    let b = &ws.baseline;
    let months = engine::report::month_labels(
        b.start_year,
        b.start_month,
        ws.settings.horizon_months as usize,
    );
    let years = engine::report::months_per_year(&months);

    let on_teams = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(n) = v.parse() {
                d.dispatch(WorkshopAction::SetTeams(n));
            }
        })
    };
    let on_purse = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            let v = v.trim().replace([',', '£'], "");
            if v.is_empty() {
                return d.dispatch(WorkshopAction::SetPurse(None));
            }
            match v.parse::<f64>() {
                Ok(p) => d.dispatch(WorkshopAction::SetPurse(Some(p))),
                Err(_) => d.dispatch(say_error(format!(
                    "The purse must be a sum of money in pounds a year (not “{v}”)."
                ))),
            }
        })
    };
    let last_month = months.len().saturating_sub(1) as u32;
    let target = ws.target.clone();
    let on_target_kind = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            d.dispatch(WorkshopAction::SetTarget(match v.as_str() {
                "no_suitable" => Some(Target::NoSuitableAtMost {
                    children: 5,
                    month: last_month,
                }),
                "budget" => Some(Target::WithinBudget { year: 0 }),
                _ => None,
            }));
        })
    };
    let on_children = {
        let (d, target) = (d.clone(), target.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            match (v.trim().parse::<u32>(), &target) {
                (Ok(c), Some(Target::NoSuitableAtMost { month, .. })) => {
                    d.dispatch(WorkshopAction::SetTarget(Some(Target::NoSuitableAtMost {
                        children: c,
                        month: *month,
                    })))
                }
                _ => d.dispatch(say_error(format!(
                    "The target is a whole number of children, 0 or more (not “{v}”)."
                ))),
            }
        })
    };
    let on_month = {
        let (d, target) = (d.clone(), target.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let (Ok(m), Some(Target::NoSuitableAtMost { children, .. })) = (v.parse(), &target) {
                d.dispatch(WorkshopAction::SetTarget(Some(Target::NoSuitableAtMost {
                    children: *children,
                    month: m,
                })));
            }
        })
    };
    let on_year = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(y) = v.parse() {
                d.dispatch(WorkshopAction::SetTarget(Some(Target::WithinBudget {
                    year: y,
                })));
            }
        })
    };
    let on_runs = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            match v.trim().parse::<u32>() {
                Ok(n) => d.dispatch(WorkshopAction::SetRuns(n)),
                Err(_) => d.dispatch(say_error(format!(
                    "Runs must be a whole number (not “{v}”)."
                ))),
            }
        })
    };
    let on_baseline = {
        let (d, baseline, ws) = (d.clone(), props.baseline.clone(), ws.clone());
        Callback::from(move |_: MouseEvent| match &baseline {
            Some(b) => d.dispatch(WorkshopAction::Open {
                ws: Box::new(Workshop {
                    baseline: b.scenario().clone(),
                    ..ws.clone()
                }),
                text: "The teams now build on the page's current baseline.".into(),
            }),
            None => d.dispatch(say_error(
                "The page's baseline has problems to fix first; the teams keep their baseline."
                    .into(),
            )),
        })
    };
    let on_save = {
        let (d, ws) = (d.clone(), ws.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!("sufficiency-workshop-{}.json", io::timestamp());
            if let Err(e) = io::download(&name, "application/json", &file::write(&ws)) {
                d.dispatch(say_error(format!("Download failed: {e}")));
            }
        })
    };
    let on_open = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(f) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let f = gloo::file::File::from(f);
            let name = f.name();
            if f.size() > MAX_FILE_BYTES {
                return d.dispatch(say_error(format!(
                    "{name} was not opened: it is {}, and a workshop file is at most {}. The workshop is unchanged.",
                    size_text(f.size()),
                    size_text(MAX_FILE_BYTES)
                )));
            }
            let d = d.clone();
            let task = gloo::file::callbacks::read_as_text(&f, move |res| {
                match res
                    .map_err(|e| e.to_string())
                    .and_then(|t| file::read(&t).map_err(|e| e.to_string()))
                {
                    Ok(ws) => d.dispatch(WorkshopAction::Open {
                        ws: Box::new(ws),
                        text: format!("Opened {name}."),
                    }),
                    Err(e) => d.dispatch(say_error(format!(
                        "Could not open {name}: {e}. The workshop is unchanged."
                    ))),
                }
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let on_link = {
        let (ws, link_shown) = (ws.clone(), link_shown.clone());
        Callback::from(move |_: MouseEvent| {
            let url = link(&io::location_href(), &ws);
            link_shown.set(Some(url.clone()));
            wasm_bindgen_futures::spawn_local(async move {
                let _ = io::copy_to_clipboard(&url).await;
            });
        })
    };

    let team_options = (1..=MAX_TEAMS).map(|n| {
        html! { <option value={n.to_string()} selected={n == ws.teams.len()}>{ n }</option> }
    });
    let kind = match &ws.target {
        None => "none",
        Some(Target::NoSuitableAtMost { .. }) => "no_suitable",
        Some(Target::WithinBudget { .. }) => "budget",
    };
    let target_detail = match &ws.target {
        None => html! {},
        Some(Target::NoSuitableAtMost { children, month }) => {
            let options = months.iter().enumerate().map(|(i, m)| {
                html! { <option value={i.to_string()} selected={i as u32 == *month}>{ m }</option> }
            });
            html! {
                <>
                    <label>{ "at most " }<input id="ws-target-children" type="number" min="0" step="1"
                        value={children.to_string()} onchange={on_children} />{ " children without a suitable placement in " }</label>
                    <select id="ws-target-month" aria-label="Target month" onchange={on_month}>{ for options }</select>
                </>
            }
        }
        Some(Target::WithinBudget { year }) => {
            let options = years.iter().enumerate().map(|(i, (y, _))| {
                html! { <option value={i.to_string()} selected={i as u32 == *year}>{ y }</option> }
            });
            html! {
                <label>{ "cost within the placements budget in " }
                    <select id="ws-target-year" onchange={on_year}>{ for options }</select></label>
            }
        }
    };
    html! {
        <details class="ws-facilitator" id="ws-facilitator" open=true>
            <summary>{ "Facilitator: teams, purse, target, file" }</summary>
            <div class="ws-settings">
                <label>{ "Teams " }<select id="ws-teams" onchange={on_teams}>{ for team_options }</select></label>
                <label>{ "Purse for cards (£ a year, empty: none) " }
                    <input id="ws-purse" type="text" inputmode="numeric" size="10"
                        value={ws.purse.map(|p| format!("{p:.0}")).unwrap_or_default()} onchange={on_purse} /></label>
                <span class="ws-target">
                    <label>{ "Target " }
                        <select id="ws-target-kind" onchange={on_target_kind}>
                            <option value="none" selected={kind == "none"}>{ "none" }</option>
                            <option value="no_suitable" selected={kind == "no_suitable"}>{ "children without a suitable placement" }</option>
                            <option value="budget" selected={kind == "budget"}>{ "within budget" }</option>
                        </select></label>
                    { target_detail }
                </span>
                <label>{ "Runs " }<input id="ws-runs" type="number" min="1" max="2000" step="50"
                    value={ws.settings.replications.to_string()} onchange={on_runs} /></label>
            </div>
            <div class="ws-file">
                <button type="button" class="secondary small" id="ws-save" onclick={on_save}>{ "Save workshop" }</button>
                <label class="button secondary small" for="ws-open">{ "Open workshop…" }</label>
                <input type="file" id="ws-open" class="visually-hidden" accept=".json,application/json" onchange={on_open} />
                <button type="button" class="secondary small" id="ws-link" onclick={on_link}>{ "Workshop link" }</button>
                <button type="button" class="secondary small" id="ws-baseline" onclick={on_baseline}>{ "Build on the current baseline" }</button>
                if let Some(url) = &*link_shown {
                    <input id="ws-link-url" type="text" readonly=true value={url.clone()} aria-label="Workshop link" />
                }
            </div>
        </details>
    }
}
