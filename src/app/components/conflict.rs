//! Another tab saved newer work while this one had changes of its own: both are shown
//! (their scenarios and where they differ) and the user keeps either or both. Whatever
//! is not kept goes to the history of earlier versions first.

use std::rc::Rc;

use serde_json::Value;
use yew::prelude::*;

use crate::app::edit;
use crate::app::io;
use crate::app::persist::{self, LocalStore};
use crate::app::share::{Workspace, MAX_SCENARIOS};
use crate::app::state::{saved, scenario_name, Action, Choice, Conflict, NoticeKind};

#[derive(Properties, PartialEq)]
pub struct ConflictProps {
    pub conflict: Conflict,
    pub mine: Rc<Workspace>,
    pub dispatch: Callback<Action>,
}

/// One difference between the two: where, this tab's value, the other tab's.
#[derive(Debug, PartialEq)]
pub struct Difference {
    pub place: String,
    pub mine: String,
    pub theirs: String,
}

fn leaves(v: &Value, path: String, out: &mut Vec<(String, Value)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                leaves(x, p, out);
            }
        }
        Value::Array(a) if a.iter().any(|x| x.is_object() || x.is_array()) => {
            for (i, x) in a.iter().enumerate() {
                leaves(x, format!("{path}[{i}]"), out);
            }
        }
        _ => out.push((path, v.clone())),
    }
}

fn text(v: Option<&Value>) -> String {
    match v {
        None => "—".into(),
        Some(Value::String(s)) => s.clone(),
        Some(v @ Value::Number(_)) => edit::number_text(Some(v)),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| text(Some(x)))
            .collect::<Vec<_>>()
            .join(", "),
        Some(v) => v.to_string(),
    }
}

fn label(field: &str) -> String {
    engine::catalog::lookup(field)
        .map(|p| p.label.to_string())
        .unwrap_or_else(|| field.to_string())
}

fn diff_values(prefix: &str, mine: &Value, theirs: &Value, out: &mut Vec<Difference>) {
    let (mut a, mut b) = (vec![], vec![]);
    leaves(mine, String::new(), &mut a);
    leaves(theirs, String::new(), &mut b);
    let mut fields: Vec<&String> = a.iter().chain(b.iter()).map(|(p, _)| p).collect();
    fields.sort();
    fields.dedup();
    let find =
        |l: &[(String, Value)], f: &str| l.iter().find(|(p, _)| p == f).map(|(_, v)| v.clone());
    for f in fields {
        let (x, y) = (find(&a, f), find(&b, f));
        let same = match (&x, &y) {
            (Some(x), Some(y)) => saved::same_value(x, y),
            _ => x == y,
        };
        if !same {
            out.push(Difference {
                place: format!("{prefix}{}", label(f)),
                mine: text(x.as_ref()),
                theirs: text(y.as_ref()),
            });
        }
    }
}

/// Where the two workspaces differ, scenario by scenario, then the run settings.
pub fn differences(mine: &Workspace, theirs: &Workspace) -> Vec<Difference> {
    let mut out = vec![];
    let n = mine.scenarios.len().max(theirs.scenarios.len());
    for i in 0..n {
        match (mine.scenarios.get(i), theirs.scenarios.get(i)) {
            (Some(a), Some(b)) => {
                diff_values(&format!("{}: ", scenario_name(a, i)), a, b, &mut out)
            }
            (a, b) => out.push(Difference {
                place: format!("Scenario {}", i + 1),
                mine: a.map_or("—".into(), |v| scenario_name(v, i)),
                theirs: b.map_or("—".into(), |v| scenario_name(v, i)),
            }),
        }
    }
    diff_values("Run settings: ", &mine.settings, &theirs.settings, &mut out);
    out
}

const SHOWN: usize = 8;

#[function_component]
pub fn ConflictDialog(props: &ConflictProps) -> Html {
    let (mine, theirs) = (&*props.mine, &props.conflict.theirs);
    let diffs = differences(mine, theirs);
    let both = saved::combine(mine, theirs, MAX_SCENARIOS);
    let choose = |choice: Choice| {
        let (d, mine, theirs) = (props.dispatch.clone(), props.mine.clone(), theirs.clone());
        Callback::from(move |_: MouseEvent| {
            // What is not kept goes to the history first.
            let dropped = match choice {
                Choice::Mine => Some((&theirs, "the other tab's work, replaced by this tab's")),
                Choice::Theirs => Some((&*mine, "this tab's work, replaced by the other tab's")),
                Choice::Both => None,
            };
            if let Some((ws, reason)) = dropped {
                if let Err(e) = persist::keep(
                    &mut LocalStore,
                    ws,
                    reason,
                    io::now_ms() as u64,
                    &io::timestamp(),
                ) {
                    d.emit(Action::Notify {
                        kind: NoticeKind::Warning,
                        text: format!(
                            "The work not kept could not be copied to Earlier versions ({e})."
                        ),
                        action: None,
                    });
                }
            }
            d.emit(Action::Resolve(choice));
        })
    };
    let names = |ws: &Workspace| {
        ws.scenarios
            .iter()
            .enumerate()
            .map(|(i, v)| scenario_name(v, i))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let rows = diffs.iter().take(SHOWN).map(|d| {
        html! {
            <tr><th scope="row">{ &d.place }</th><td>{ &d.mine }</td><td>{ &d.theirs }</td></tr>
        }
    });
    let more = diffs.len().saturating_sub(SHOWN);
    html! {
        <section class="conflict no-print" id="conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-text">
            <h2 id="conflict-title">{ "Another tab saved different work" }</h2>
            <p id="conflict-text">{ "This app is open in another tab too, and it saved changes while this tab had changes of its own. Nothing has been overwritten: choose what to keep. Whatever you do not keep stays in Earlier versions." }</p>
            <div class="table-wrap">
                <table class="conflict-table" id="conflict-table">
                    <thead><tr><th scope="col">{ "" }</th><th scope="col">{ "This tab" }</th><th scope="col">{ "The other tab" }</th></tr></thead>
                    <tbody>
                        <tr><th scope="row">{ "Scenarios" }</th><td>{ names(mine) }</td><td>{ names(theirs) }</td></tr>
                        { for rows }
                    </tbody>
                </table>
            </div>
            if more > 0 { <p class="muted">{ format!("…and {more} more differences.") }</p> }
            <div class="conflict-actions">
                <button type="button" id="conflict-mine" onclick={choose(Choice::Mine)}>{ "Keep this tab's work" }</button>
                <button type="button" id="conflict-theirs" class="secondary" onclick={choose(Choice::Theirs)}>{ "Keep the other tab's work" }</button>
                <button type="button" id="conflict-both" class="secondary" onclick={choose(Choice::Both)} disabled={both.is_err()}
                    title={both.as_ref().err().map(|n| format!("Together they are {n} scenarios; at most {MAX_SCENARIOS} can be compared."))}>
                    { "Keep both as scenarios" }
                </button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn differences_name_the_field_and_both_values() {
        let mine = Workspace::default_borough();
        let mut theirs = mine.clone();
        theirs.scenarios[0]["demand"]["groups_per_month"] = json!(22.2);
        theirs.settings["seed"] = json!(7);
        let d = differences(&mine, &theirs);
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(d[0].place.starts_with("Baseline: "), "{}", d[0].place);
        assert_eq!(d[0].mine, "10.2");
        assert_eq!(d[0].theirs, "22.2");
        assert!(d[1].place.starts_with("Run settings: "));
        theirs.scenarios.push(json!({"name": "Extra"}));
        let d = differences(&mine, &theirs);
        assert!(d.iter().any(|x| x.mine == "—" && x.theirs == "Extra"));
    }
}
