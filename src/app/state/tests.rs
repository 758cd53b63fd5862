//! The state's reducer, natively.

use super::*;
use crate::app::edit::Path;
use serde_json::json;

fn w(a: WorkAction) -> Action {
    Action::Work(a)
}

fn state() -> Rc<AppState> {
    Rc::new(AppState::new(Workspace::default_borough()))
}

fn p(s: &str) -> Path {
    Path::parse(s).unwrap()
}

#[test]
fn starts_valid_with_the_default_borough() {
    let s = state();
    assert_eq!(s.docs.len(), 1);
    assert!(s.job().is_some());
    assert!(s.blockers().is_empty());
    assert_eq!(s.active_doc().unwrap().name(), "Baseline");
}

/// Letting go of a slider only asks for the waiting run: it changes no scenario, so it
/// neither saves nor starts a run of its own.
#[test]
fn settling_a_slider_is_not_an_edit() {
    let s = state().reduce(w(WorkAction::Edit {
        doc: 1,
        path: p("demand.groups_per_month"),
        value: json!(12.5),
    }));
    let settled = s.clone().reduce(Action::Settle);
    assert_eq!(settled.settled, s.settled + 1);
    assert_eq!(settled.rev, s.rev);
    assert_eq!(settled.workspace(), s.workspace());
}

#[test]
fn edits_are_checked_and_block_the_run_with_a_reason() {
    let s = state();
    let s = s.reduce(w(WorkAction::Edit {
        doc: 1,
        path: p("demand.entry_age[0]"),
        value: json!(0.9),
    }));
    assert_eq!(s.rev, 1);
    assert!(s.job().is_none());
    let b = s.blockers();
    assert_eq!(b.len(), 1);
    assert!(
        b[0].starts_with("Baseline: Age at entry (demand.entry_age): shares must add up to 1"),
        "{}",
        b[0]
    );
    let s = s.reduce(w(WorkAction::Reset {
        doc: 1,
        path: p("demand.entry_age[0]"),
    }));
    assert!(s.job().is_some());
    assert_eq!(s.rev, 2);
}

#[test]
fn reset_all_keeps_name_and_levers() {
    let s = state();
    let s = s.reduce(w(WorkAction::Edit {
        doc: 1,
        path: p("demand.groups_per_month"),
        value: json!(20),
    }));
    let s = s.reduce(w(WorkAction::ApplyStrategy {
        doc: 1,
        strategy: workspace::strategy("recruit").unwrap(),
    }));
    let s = s.reduce(w(WorkAction::Edit {
        doc: 1,
        path: p("name"),
        value: json!("Mine"),
    }));
    let s = s.reduce(w(WorkAction::ResetAll { doc: 1 }));
    let v = &s.docs[0].value;
    assert_eq!(v["demand"]["groups_per_month"], json!(10.2));
    let Some(NoticeAction::Undo(before)) = s.notices.last().and_then(|n| n.action.clone()) else {
        panic!("no undo")
    };
    let undone = s.clone().reduce(Action::Undo(before));
    assert_eq!(
        undone.docs[0].value["demand"]["groups_per_month"],
        json!(20)
    );
    assert_eq!(v["name"], "Mine");
    assert_eq!(v["levers"].as_array().unwrap().len(), 1);
}

#[test]
fn scenarios_are_added_up_to_eight_and_the_baseline_stays() {
    assert_eq!(MAX_SCENARIOS, 8);
    let mut s = state();
    s = s.reduce(w(WorkAction::Add(NewScenario::Duplicate(1))));
    assert_eq!(s.docs[1].name(), "Copy of Baseline");
    assert_eq!(s.active, s.docs[1].id);
    let ids = [
        "recruit",
        "homes",
        "retain",
        "framework",
        "recruit",
        "homes",
        "retain",
    ];
    for id in ids {
        s = s.reduce(w(WorkAction::Add(NewScenario::Strategy(
            workspace::strategy(id).unwrap(),
        ))));
    }
    assert_eq!(s.docs.len(), 8);
    assert_eq!(
        s.notices.len(),
        1,
        "the eighth extra is refused with a notice"
    );
    assert!(s
        .notices
        .last()
        .unwrap()
        .text
        .starts_with("At most 8 scenarios"));
    assert_eq!(
        s.docs[2].name(),
        "Recruit more carers (+50% enquiries, +20% conversion)"
    );
    assert_eq!(s.docs[2].value["levers"].as_array().unwrap().len(), 1);
    let job = s.job().unwrap();
    assert_eq!(job.scenarios.len(), 8);
    assert!(job.validate().is_ok(), "the engine runs eight together");
    s = s.reduce(w(WorkAction::Remove(1)));
    assert_eq!(s.docs.len(), 8, "the baseline cannot be removed");
    let id = s.docs[2].id;
    s = s.reduce(w(WorkAction::Select(id)));
    s = s.reduce(w(WorkAction::Remove(id)));
    assert_eq!(s.docs.len(), 7);
    assert_eq!(s.active, s.docs[1].id);
    // A removal can be undone from its notice.
    let Some(NoticeAction::Undo(before)) = s.notices.last().and_then(|n| n.action.clone()) else {
        panic!("no undo")
    };
    s = s.reduce(Action::Undo(before));
    assert_eq!(s.docs.len(), 8);
    assert!(s
        .notices
        .iter()
        .all(|n| !matches!(n.action, Some(NoticeAction::Undo(_)))));
}

#[test]
fn levers_are_added_edited_and_removed() {
    let mut s = state();
    s = s.reduce(w(WorkAction::AddLever {
        doc: 1,
        lever: workspace::lever_of_kind("retention").unwrap(),
    }));
    s = s.reduce(w(WorkAction::AddLever {
        doc: 1,
        lever: workspace::lever_of_kind("new_homes").unwrap(),
    }));
    assert_eq!(s.docs[0].value["levers"].as_array().unwrap().len(), 2);
    s = s.reduce(w(WorkAction::Edit {
        doc: 1,
        path: p("levers[0].kind.attrition_multiplier"),
        value: json!(0.5),
    }));
    assert_eq!(s.docs[0].parsed.as_ref().unwrap().levers.len(), 2);
    s = s.reduce(w(WorkAction::Push {
        doc: 1,
        path: p("levers[1].kind.homes"),
        value: None,
    }));
    assert_eq!(
        s.docs[0].value["levers"][1]["kind"]["homes"]
            .as_array()
            .unwrap()
            .len(),
        8
    );
    let homes = |s: &Rc<AppState>| s.docs[0].value["levers"][1]["kind"]["homes"].clone();
    assert_eq!(
        homes(&s)[7],
        homes(&s)[6],
        "null appends a copy of the last"
    );
    s = s.reduce(w(WorkAction::Push {
        doc: 1,
        path: p("levers[1].kind.homes"),
        value: Some(json!({"name": "Annexe"})),
    }));
    assert_eq!(
        homes(&s)[8],
        json!({"name": "Annexe"}),
        "a value is appended as given"
    );
    s = s.reduce(w(WorkAction::RemoveAt {
        doc: 1,
        path: p("levers[1].kind.homes"),
        index: 8,
    }));
    s = s.reduce(w(WorkAction::RemoveAt {
        doc: 1,
        path: p("levers"),
        index: 0,
    }));
    assert_eq!(s.docs[0].value["levers"][0]["kind"]["type"], "new_homes");
    assert!(s.job().is_some());
    assert!(workspace::lever_of_kind("nonsense").is_none());
    // An edit of a scenario that is not there changes nothing.
    let before = s.clone();
    let after = s.reduce(w(WorkAction::Remove(99)));
    assert!(Rc::ptr_eq(&before, &after));
}

#[test]
fn settings_are_edited_and_checked() {
    let s = state().reduce(w(WorkAction::SetSetting {
        key: SettingKey::Replications,
        value: json!("many"),
    }));
    assert!(s.job().is_none());
    assert!(
        s.blockers()[0]
            .starts_with("Run settings: Number of runs (replications): must be a number"),
        "{:?}",
        s.blockers()
    );
    let s = s.reduce(w(WorkAction::SetSetting {
        key: SettingKey::Replications,
        value: json!(50),
    }));
    assert_eq!(s.job().unwrap().settings.replications, 50);
}

#[test]
fn loading_names_the_earlier_version_it_replaced() {
    let s = state().reduce(w(WorkAction::Edit {
        doc: 1,
        path: p("demand.groups_per_month"),
        value: json!(12),
    }));
    let mut shared = Workspace::default_borough();
    shared.scenarios[0]["name"] = json!("Shared");
    let s = s.reduce(Action::Load {
        ws: shared.clone(),
        source: Source::ShareLink { kept: Some(42) },
    });
    assert_eq!(s.docs[0].name(), "Shared");
    assert_eq!(s.workspace().scenarios, shared.scenarios);
    assert_eq!(s.notices.list[0].action, Some(NoticeAction::Restore(42)));
    assert!(s.notices.list[0].text.contains("kept in Earlier versions"));
    // Nothing kept (nothing was saved yet): the notice promises nothing.
    let s = s.reduce(Action::Load {
        ws: shared,
        source: Source::File {
            name: "a.json".into(),
            kept: None,
        },
    });
    assert_eq!(s.notices.last().unwrap().text, "Opened a.json.");
    assert_eq!(s.notices.last().unwrap().action, None);
    // Doc ids stay unique across loads.
    let first = s.docs[0].id;
    let s = s.reduce(w(WorkAction::Add(NewScenario::Duplicate(first))));
    assert_ne!(s.docs[0].id, s.docs[1].id);
}

fn with_admissions(v: f64) -> Workspace {
    let mut ws = Workspace::default_borough();
    ws.scenarios[0]["demand"]["groups_per_month"] = json!(v);
    ws
}

fn admissions(s: &AppState) -> Value {
    s.docs[0].value["demand"]["groups_per_month"].clone()
}

/// A tab with nothing unsaved follows another tab's newer work; older or equal news is
/// ignored.
#[test]
fn a_tab_with_nothing_unsaved_follows_the_other_tabs_work() {
    let s = state().reduce(Action::Saved {
        revision: 3,
        at_rev: 0,
        active: 0,
    });
    assert!(!s.unsaved());
    let before = s.clone();
    let same = s.clone().reduce(Action::OtherTabSaved {
        ws: with_admissions(11.1),
        revision: 3,
    });
    assert!(Rc::ptr_eq(&before, &same), "not newer");
    let s = s.reduce(Action::OtherTabSaved {
        ws: with_admissions(11.1),
        revision: 4,
    });
    assert_eq!(admissions(&s), json!(11.1));
    assert!(s.conflict.is_none());
    assert!(!s.unsaved(), "what it shows is what is saved");
    assert_eq!(s.saved.revision, 4);
    assert_eq!(s.notices.last().unwrap().text, FOLLOWED);
    assert!(s.job().is_some());
}

/// A tab with changes of its own is never overwritten: it shows both and the user keeps
/// either or both.
#[test]
fn a_tab_with_its_own_changes_gets_a_choice() {
    let mine = state()
        .reduce(Action::Saved {
            revision: 3,
            at_rev: 0,
            active: 0,
        })
        .reduce(w(WorkAction::Edit {
            doc: 1,
            path: p("demand.groups_per_month"),
            value: json!(11.1),
        }));
    assert!(mine.unsaved());
    let s = mine.reduce(Action::OtherTabSaved {
        ws: with_admissions(22.2),
        revision: 4,
    });
    assert_eq!(admissions(&s), json!(11.1), "this tab's work is untouched");
    assert_eq!(s.conflict.as_ref().unwrap().revision, 4);
    // Newer news updates the conflict.
    let s = s.reduce(Action::OtherTabSaved {
        ws: with_admissions(33.3),
        revision: 5,
    });
    assert_eq!(s.conflict.as_ref().unwrap().theirs, with_admissions(33.3));

    let kept = s.clone().reduce(Action::Resolve(Choice::Mine));
    assert_eq!(admissions(&kept), json!(11.1));
    assert!(
        kept.conflict.is_none() && kept.unsaved(),
        "saved next, over revision 5"
    );
    assert_eq!(kept.saved.revision, 5);

    let theirs = s.clone().reduce(Action::Resolve(Choice::Theirs));
    assert_eq!(admissions(&theirs), json!(33.3));
    assert!(!theirs.unsaved());

    let both = s.reduce(Action::Resolve(Choice::Both));
    assert_eq!(both.docs.len(), 2);
    assert_eq!(admissions(&both), json!(33.3));
    assert_eq!(
        both.docs[1].value["demand"]["groups_per_month"],
        json!(11.1)
    );
    assert!(both.unsaved() && both.saved.revision == 5);
}

#[test]
fn run_messages_for_old_jobs_are_ignored() {
    let s = state().reduce(Action::RunStarted {
        job_id: 2,
        total: 100,
        workers: 2,
        now_ms: 0.0,
    });
    let before = s.clone();
    let s = s.reduce(Action::RunProgress {
        job_id: 1,
        done: 5,
        now_ms: 1.0,
    });
    assert!(Rc::ptr_eq(&before, &s));
    let s = s.reduce(Action::RunProgress {
        job_id: 2,
        done: 5,
        now_ms: 1.0,
    });
    assert_eq!(s.run.info.done, 5);
    let s = s.reduce(Action::RunCancelling);
    assert_eq!(s.run.info.status, RunStatus::Cancelling);
    let s = s.reduce(Action::RunCancelled { job_id: 2, done: 7 });
    assert_eq!(s.run.info.status, RunStatus::Cancelled);
}

#[test]
fn notices_are_bounded_and_dismissed() {
    let mut s = state();
    for i in 0..10 {
        s = s.reduce(Action::Notify {
            kind: NoticeKind::Info,
            text: format!("n{i}"),
            action: None,
        });
    }
    assert_eq!(s.notices.len(), 6);
    let id = s.notices.list[0].id;
    s = s.reduce(Action::Dismiss(id));
    assert_eq!(s.notices.len(), 5);
}

/// A strategy is its base plus its own: editing the baseline flows into it, except the
/// fields it overrides; it can be built on another scenario and compared with any.
#[test]
fn scenarios_follow_their_base_except_what_they_override() {
    let edit = |doc: u32, path: &str, value: Value| {
        w(WorkAction::Edit {
            doc,
            path: p(path),
            value,
        })
    };
    let s = state();
    let s = s.reduce(w(WorkAction::Add(NewScenario::Strategy(
        workspace::strategy("recruit").unwrap(),
    ))));
    let strat = s.docs[1].id;
    let s = s.reduce(edit(strat, "fostering.households", json!(140)));
    let s = s.reduce(edit(1, "demand.trend_per_year", json!(0.05)));
    let s = s.reduce(edit(1, "fostering.households", json!(170)));
    let v = &s.docs[1].value;
    assert_eq!(
        v["demand"]["trend_per_year"],
        json!(0.05),
        "follows the baseline"
    );
    assert_eq!(
        v["fostering"]["households"],
        json!(140),
        "its own value stays"
    );
    assert_eq!(
        v["name"],
        "Recruit more carers (+50% enquiries, +20% conversion)"
    );
    assert!(!v["levers"].as_array().unwrap().is_empty());
    let own = &s.docs[1].variant.as_ref().unwrap().overrides;
    assert_eq!(own.len(), 1);
    // Back to the base's value: it follows again.
    let s = s.reduce(w(WorkAction::UseBase {
        doc: strat,
        path: p("fostering.households"),
    }));
    assert_eq!(s.docs[1].value["fostering"]["households"], json!(170));

    // A shock scenario, a strategy built on it, compared head to head with the first.
    let s = s.reduce(w(WorkAction::Add(NewScenario::Duplicate(1))));
    let shock = s.docs[2].id;
    let s = s.reduce(edit(shock, "demand.groups_per_month", json!(12.24)));
    let s = s.reduce(w(WorkAction::Add(NewScenario::BuiltOn(shock))));
    let on_shock = s.docs[3].id;
    assert_eq!(s.docs[3].value["demand"]["groups_per_month"], json!(12.24));
    let job = s.job().unwrap();
    assert_eq!(job.compare_with, [0, 0, 0, 2], "compared with its base");
    let s = s.reduce(w(WorkAction::CompareWith {
        doc: on_shock,
        with: strat,
    }));
    assert_eq!(s.job().unwrap().compare_with, [0, 0, 0, 1]);
    // No circles: the shock cannot be built on what is built on it.
    let before = s.rev;
    let s = s.reduce(w(WorkAction::SetBase {
        doc: shock,
        base: on_shock,
    }));
    assert_eq!(s.rev, before);
    // Saved, shared and read back: the same structure and values.
    let ws = s.workspace();
    let back = crate::app::share::decode(&crate::app::share::encode(&ws)).unwrap();
    let again = AppState::new(back);
    assert_eq!(again.workspace().scenarios, ws.scenarios);
    assert_eq!(again.job().unwrap().compare_with, [0, 0, 0, 1]);
    // Removing the shock keeps what was built on it as it was.
    let kept = s.docs[3].value.clone();
    let s = s.reduce(w(WorkAction::Remove(shock)));
    assert_eq!(s.docs[2].value, kept);
    assert_eq!(s.job().unwrap().compare_with, [0, 0, 1]);
}

/// Correcting the carers' leaving rates after a fit keeps the special guardianship
/// conversions the returns show (share × leaving rate), and the form's mark with it; a share
/// changed by hand, a lever or a workspace without a fit rescales nothing.
#[test]
fn correcting_attrition_keeps_the_fitted_conversions_per_child_year() {
    use crate::app::fit_marks::{FitMarks, MarkedValue};
    use crate::app::state::conversions::{leaving_rate, SHARE};
    let share_of = |s: &Rc<AppState>| {
        crate::app::edit::get(&s.active_doc().unwrap().value, &p(SHARE))
            .and_then(Value::as_f64)
            .unwrap()
    };
    let rate_of = |s: &Rc<AppState>| leaving_rate(&s.active_doc().unwrap().value).unwrap();
    let edit = |s: Rc<AppState>, path: &str, v: f64| {
        s.reduce(w(WorkAction::Edit {
            doc: 1,
            path: p(path),
            value: json!(v),
        }))
    };
    // Without a fit, an edit of the leaving rates leaves the share as it is.
    let s = edit(state(), "fostering.attrition_later", 0.2);
    assert_eq!(share_of(&s), share_of(&state()));

    let s = edit(state(), SHARE, 0.3);
    let marks = FitMarks {
        from_month: "2019-04".into(),
        to_month: "2022-03".into(),
        values: vec![MarkedValue {
            field: SHARE.into(),
            value: 0.3,
            default: 0.15,
            std_error: Some(0.05),
            n: 12,
            n_of: "special guardianship orders to your own foster carers".into(),
        }],
        kept: vec![],
        sgo_leaving_rate: None,
    }
    .with_sgo_leaving_rate(rate_of(&s));
    let s = s.reduce(w(WorkAction::MarkFromReturns(Some(Rc::new(marks)))));
    let per_year = 0.3 * rate_of(&s);
    let later = crate::app::edit::get(
        &s.active_doc().unwrap().value,
        &p("fostering.attrition_later"),
    )
    .and_then(Value::as_f64)
    .unwrap();
    let s = edit(s, "fostering.attrition_later", later * 2.0);
    assert!(
        share_of(&s) < 0.3,
        "faster leaving, smaller share: {}",
        share_of(&s)
    );
    assert!((share_of(&s) * rate_of(&s) - per_year).abs() < 1e-12);
    // Still marked as from the returns, at its new value, with its uncertainty scaled.
    let marks = s.from_returns.clone().unwrap();
    let held = marks.for_scenario(&s.active_doc().unwrap().value).unwrap();
    let mark = &held.values[SHARE];
    assert!((mark.value - share_of(&s)).abs() < 1e-12);
    assert!(mark.std_error.unwrap() < 0.05);
    assert!(s
        .notices
        .iter()
        .any(|n| n.text.contains("adjusted to the new leaving rates")));
    // So do the tenure and the early rate; and back again gives the fitted share.
    let s = edit(s, "fostering.mean_tenure_years", 4.0);
    assert!((share_of(&s) * rate_of(&s) - per_year).abs() < 1e-12);
    let s = edit(s, "fostering.attrition_later", later);
    let s = edit(s, "fostering.mean_tenure_years", 8.0);
    let s = edit(s, "fostering.attrition_early", 0.01);
    assert!((share_of(&s) * rate_of(&s) - per_year).abs() < 1e-12);
    assert_eq!(s.notices.len(), 1, "said once");
    // Resetting a rate to the built-in one keeps them too.
    let s = s.reduce(w(WorkAction::Reset {
        doc: 1,
        path: p("fostering.attrition_early"),
    }));
    assert!((share_of(&s) * rate_of(&s) - per_year).abs() < 1e-12);
    // A retention lever changes no field the fit divided by: nothing rescaled.
    let before = share_of(&s);
    let s = s.reduce(w(WorkAction::AddLever {
        doc: 1,
        lever: workspace::lever_of_kind("retention").unwrap(),
    }));
    assert_eq!(share_of(&s), before);
    // A share set by hand is the reader's own: left alone, and no longer marked.
    let s = edit(s, SHARE, 0.2);
    let s = edit(s, "fostering.attrition_later", 0.3);
    assert_eq!(share_of(&s), 0.2);
    let marks = s.from_returns.clone().unwrap();
    assert!(marks.for_scenario(&s.active_doc().unwrap().value).is_none());
}

/// Marks saved before they kept the rate the share was divided by: the rate is taken from
/// the scenario holding the fitted share, and the share rescaled from it.
#[test]
fn older_marks_rescale_from_the_rates_the_share_was_held_at() {
    use crate::app::fit_marks::{FitMarks, MarkedValue};
    use crate::app::state::conversions::{leaving_rate, SHARE};
    let s = state().reduce(w(WorkAction::Edit {
        doc: 1,
        path: p(SHARE),
        value: json!(0.3),
    }));
    let marks = FitMarks {
        from_month: "2019-04".into(),
        to_month: "2022-03".into(),
        values: vec![MarkedValue {
            field: SHARE.into(),
            value: 0.3,
            default: 0.15,
            std_error: None,
            n: 12,
            n_of: "orders".into(),
        }],
        kept: vec![],
        sgo_leaving_rate: None,
    };
    let s = s.reduce(w(WorkAction::MarkFromReturns(Some(Rc::new(marks)))));
    let was = leaving_rate(&s.active_doc().unwrap().value).unwrap();
    let s = s.reduce(w(WorkAction::Edit {
        doc: 1,
        path: p("fostering.attrition_later"),
        value: json!(0.3),
    }));
    let doc = &s.active_doc().unwrap().value;
    let share = crate::app::edit::get(doc, &p(SHARE))
        .and_then(Value::as_f64)
        .unwrap();
    assert!((share * leaving_rate(doc).unwrap() - 0.3 * was).abs() < 1e-12);
    assert_eq!(s.from_returns.as_ref().unwrap().sgo_leaving_rate, Some(was));
    // And again from there, still marked.
    let s = s.reduce(w(WorkAction::Edit {
        doc: 1,
        path: p("fostering.attrition_early"),
        value: json!(0.4),
    }));
    let doc = &s.active_doc().unwrap().value;
    let share = crate::app::edit::get(doc, &p(SHARE))
        .and_then(Value::as_f64)
        .unwrap();
    assert!((share * leaving_rate(doc).unwrap() - 0.3 * was).abs() < 1e-12);
    let marks = s.from_returns.clone().unwrap();
    assert!(marks.for_scenario(doc).is_some());
}

/// A correction that needs more conversions than households leave caps the share at all
/// of them, and says so.
#[test]
fn a_share_that_would_pass_one_is_capped_with_a_warning() {
    use crate::app::fit_marks::{FitMarks, MarkedValue};
    use crate::app::state::conversions::SHARE;
    let s = state().reduce(w(WorkAction::Edit {
        doc: 1,
        path: p(SHARE),
        value: json!(0.9),
    }));
    let marks = FitMarks {
        from_month: "2019-04".into(),
        to_month: "2022-03".into(),
        values: vec![MarkedValue {
            field: SHARE.into(),
            value: 0.9,
            default: 0.15,
            std_error: None,
            n: 40,
            n_of: "orders".into(),
        }],
        kept: vec![],
        sgo_leaving_rate: None,
    };
    let s = s.reduce(w(WorkAction::MarkFromReturns(Some(Rc::new(marks)))));
    let s = s.reduce(w(WorkAction::Edit {
        doc: 1,
        path: p("fostering.attrition_later"),
        value: json!(0.01),
    }));
    let share = crate::app::edit::get(&s.active_doc().unwrap().value, &p(SHARE))
        .and_then(Value::as_f64)
        .unwrap();
    assert_eq!(share, 1.0);
    assert!(s.blockers().is_empty(), "{:?}", s.blockers());
    assert!(s
        .notices
        .iter()
        .any(|n| n.kind == NoticeKind::Warning && n.text.contains("fewer such orders")));
}
