//! Component tests: server-side rendering to a string (no browser).

use std::rc::Rc;

use serde_json::json;
use yew::{Callback, Reducible};

use super::compare::{Compare, CompareProps};
use super::editor::{Editor, EditorProps};
use super::results::{Results, ResultsProps};
use super::runbar::{RunBar, RunBarProps};
use super::scenarios::{ScenarioTabs, ScenarioTabsProps};
use crate::app::edit::Path;
use crate::app::share::Workspace;
use crate::app::state::{workspace, Action, AppState, NewScenario, ReportRc, WorkAction};
use crate::app::view::tests::small_report;

fn render<C>(props: C::Properties) -> String
where
    C: yew::BaseComponent,
{
    futures::executor::block_on(yew::LocalServerRenderer::<C>::with_props(props).render())
}

fn state() -> Rc<AppState> {
    Rc::new(AppState::new(Workspace::default_borough()))
}

fn edit(s: Rc<AppState>, path: &str, value: serde_json::Value) -> Rc<AppState> {
    s.reduce(Action::Work(WorkAction::Edit {
        doc: 1,
        path: Path::parse(path).unwrap(),
        value,
    }))
}

fn editor(s: &AppState) -> String {
    let doc = s.active_doc().unwrap().clone();
    render::<Editor>(EditorProps {
        doc,
        docs: s.docs.clone(),
        dispatch: Callback::noop(),
        from_returns: s.work.from_returns.clone(),
    })
}

/// The text between `id="<id>"` and the end of its element's first 4000 characters.
fn around<'a>(html: &'a str, id: &str) -> &'a str {
    let key = format!("id=\"{id}\"");
    let start = html.find(&key).unwrap_or_else(|| panic!("no element {id}"));
    let end = (start + 4000).min(html.len());
    let mut end = end;
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    &html[start..end]
}

/// The whole of the field with this id (up to the next field).
fn whole_field<'a>(html: &'a str, id: &str) -> &'a str {
    let key = format!("id=\"{id}\"");
    let start = html.find(&key).unwrap_or_else(|| panic!("no element {id}"));
    let rest = &html[start + key.len()..];
    let end = rest
        .find("id=\"field-")
        .map_or(html.len(), |e| start + key.len() + e);
    &html[start..end]
}

#[test]
fn the_editor_shows_every_group_with_units_help_and_sources() {
    let html = editor(&state());
    for g in engine::catalog::Group::ALL {
        assert!(html.contains(g.label()), "group {}", g.label());
    }
    let field = around(&html, "field-demand-groups_per_month");
    assert!(field.contains("Sibling groups admitted a month"));
    assert!(field.contains("groups / month"));
    assert!(field.contains("Source: "));
    assert!(field.contains("value=\"10.2\""));
    // Array items are labelled.
    let ages = around(&html, "field-demand-entry_age");
    for band in ["under 1", "1-4", "5-9", "10-15", "16-17"] {
        assert!(ages.contains(band), "{band}");
    }
    // Exit routes as a table of rows with route columns; optional limits; booleans.
    assert!(around(&html, "field-exits-route_by_entry_age").contains("Special guardianship"));
    assert!(around(&html, "field-markets-ifa-limit").contains("No limit"));
    assert!(html.contains("id=\"in-matching-keep_siblings_together\""));
    // Duration distributions: family and the gamma's parameters.
    let dur = around(&html, "field-exits-return_home");
    assert!(dur.contains("selected") && dur.contains("Gamma"));
    assert!(html.contains("id=\"in-exits-return_home-shape\""));
    // Homes and matching rules are editable.
    assert!(html.contains("id=\"in-residential-homes-0-beds\""));
    // Each home's numbers carry visible labels, without repeating a unit the label names.
    let homes = whole_field(&html, "field-residential-homes");
    assert!(homes.contains("class=\"cell-label\"") && homes.contains("Registered beds"));
    assert!(!homes.contains("Registered beds<span class=\"unit\">beds"));
    let rules = whole_field(&html, "field-matching-rules");
    assert!(html.contains("id=\"in-matching-rules-0-min_age\""));
    assert!(html.contains("id=\"in-matching-rules-0-needs\""));
    assert!(rules.contains("Add a type"));
    assert!(rules.contains("title=\"Try earlier\"") && rules.contains("title=\"Try later\""));
    // Each needs choice is offered, the rule's own selected.
    let needs = around(&html, "in-matching-rules-0-needs");
    for label in [">Any<", ">Standard<", ">Complex<"] {
        assert!(needs.contains(label), "{label}");
    }
    assert!(html.contains("id=\"add-rule\""));
    // Nothing differs from the default.
    assert!(!html.contains("changed-mark"));
    assert!(html.contains("No levers"));
}

#[test]
fn edits_are_marked_and_invalid_values_refused_in_place() {
    let s = edit(state(), "demand.groups_per_month", json!(14));
    let s = edit(s, "demand.entry_age[0]", json!(0.9));
    let html = editor(&s);
    let changed = around(&html, "field-demand-groups_per_month");
    assert!(
        changed.contains("changed-mark") && changed.contains("Reset"),
        "{changed}"
    );
    assert!(changed.contains("Default: 10.2"));
    let sum = around(&html, "field-demand-entry_age");
    assert!(sum.contains("shares must add up to 1"), "{sum}");
    assert!(
        sum.contains("aria-invalid=\"false\""),
        "the sum is the array's problem, not one box's"
    );
    // A type error stops the engine's parser at that field: it is shown there.
    let s = edit(
        edit(state(), "demand.entry_age[0]", json!(0.17)),
        "fostering.households",
        json!("many"),
    );
    let html = editor(&s);
    let typed = around(&html, "field-fostering-households");
    assert!(typed.contains("must be a number (got \"many\")"), "{typed}");
    assert!(typed.contains("value=\"many\""), "what was typed is kept");
    assert!(typed.contains("aria-invalid=\"true\""));
    assert!(html.contains("1 problem"));
}

#[test]
fn levers_can_be_seen_and_edited() {
    let s = state().reduce(Action::Work(WorkAction::Add(NewScenario::Strategy(
        workspace::strategy("strategy_2019_22").unwrap(),
    ))));
    let html = editor(&s);
    assert_eq!(html.matches("class=\"lever\"").count(), 4);
    assert!(html.contains("Recruitment boost"));
    assert!(html.contains("id=\"in-levers-0-kind-enquiry_multiplier\""));
    assert!(
        html.contains("id=\"in-levers-1-kind-homes-0-usable_beds\""),
        "new homes are editable"
    );
    assert!(html.contains("Remove this lever"));
    assert!(html.contains("id=\"add-lever\""));
    // Each lever with a strength to set has a quick control (new homes, a list, has none).
    let quick = whole_field(&html, "quick");
    let lever_sliders = &quick[quick.find("id=\"quick-levers\"").expect("a levers panel")..];
    assert_eq!(
        lever_sliders.matches("type=\"range\"").count(),
        3,
        "four levers, one of them new homes"
    );
    assert!(quick.contains("id=\"quick-levers-0-kind-enquiry_multiplier\""));
    assert!(
        !lever_sliders.contains("is-changed"),
        "levers are not marked against the defaults"
    );
    assert!(!quick.contains("id=\"quick-levers-1-"));
    let active = s.active;
    let s = s.reduce(Action::Work(WorkAction::Edit {
        doc: active,
        path: Path::parse("levers[0].kind.enquiry_multiplier").unwrap(),
        value: json!(-1),
    }));
    let html = editor(&s);
    assert!(around(&html, "in-levers-0-kind-enquiry_multiplier").contains("aria-invalid=\"true\""));
    assert!(html.contains("must not be negative"));
}

#[test]
fn the_run_bar_says_why_it_cannot_run() {
    let s = edit(state(), "demand.entry_age[0]", json!(0.9));
    let props = RunBarProps {
        settings: s.settings.clone(),
        run: s.run.info.clone(),
        blockers: Rc::new(s.blockers()),
        details: Some((1000, 42, "0123456789abcdef".into())),
        dispatch: Callback::noop(),
        on_run: Callback::noop(),
        on_cancel: Callback::noop(),
    };
    let html = render::<RunBar>(props);
    let run = around(&html, "run");
    assert!(
        run.starts_with("id=\"run\"") && run[..200].contains("disabled"),
        "{run}"
    );
    assert!(html.contains("Cannot run: 1 problem to fix"));
    assert!(html.contains("Age at entry (demand.entry_age): shares must add up to 1"));
    assert!(html.contains("seed 42, 1,000 runs"));
    assert!(html.contains("data-fingerprint=\"0123456789abcdef\""));
    assert!(html.contains("value=\"20200701\""));
}

#[test]
fn results_show_tiles_and_charts_with_tables() {
    let report = ReportRc(Rc::new(small_report()));
    let html = render::<Results>(ResultsProps {
        report: report.clone(),
        shown: 0,
        complete: true,
    });
    for id in [
        "tile-in-care",
        "tile-in-house",
        "tile-gap",
        "tile-cost",
        "tile-overspend",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert!(html.contains("FY2021/22"), "the last full financial year");
    for id in [
        "chart-in-care",
        "chart-gap",
        "chart-places-filled",
        "chart-places-vacant",
        "chart-cost",
        "chart-mix",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert!(
        html.matches("class=\"chart-table\"").count() >= 6,
        "every chart has a table"
    );
}

#[test]
fn the_comparison_table_has_every_strategy_and_the_chances() {
    let report = ReportRc(Rc::new(small_report()));
    let html = render::<Compare>(CompareProps {
        report,
        doc_ids: vec![1, 2],
        baseline: None,
        dispatch: Callback::noop(),
    });
    let table = around(&html, "comparison-table");
    assert!(table.contains("Chance it costs less"));
    assert!(around(&html, "compare-row-1").contains("Recruit more carers"));
    // Each row says what it is compared with, and every difference is listed.
    assert!(around(&html, "compare-with-1").contains("selected"));
    assert!(around(&html, "differences-1").contains("Levers"));
    assert!(html.contains("over the 2 years"));
    assert!(html.contains("id=\"budget-years-table\""));
    assert!(html.contains("Illustrative budget: set yours."));
    assert!(html.contains("as at June 2020"));
    assert!(html.contains("id=\"chart-diff-cost\""));
}

#[test]
fn tabs_name_every_scenario() {
    let s = state().reduce(Action::Work(WorkAction::Add(NewScenario::Strategy(
        workspace::strategy("recruit").unwrap(),
    ))));
    let html = render::<ScenarioTabs>(ScenarioTabsProps {
        docs: s.docs.clone(),
        active: s.active,
        dispatch: Callback::noop(),
    });
    assert!(html.contains("Baseline") && html.contains(">baseline<"));
    assert!(around(&html, "tab-1").contains("aria-selected=\"true\""));
    assert!(html.contains("Remove scenario Recruit more carers"));
}

#[test]
fn matching_rules_are_edited_and_checked_in_place() {
    // Moving a type earlier is an edit of the rule's order, marked as changed.
    let s = edit(
        state(),
        "matching.rules[0].order",
        json!(["ifa", "in_house_foster"]),
    );
    let html = editor(&s);
    let rules = around(&html, "field-matching-rules");
    assert!(rules.contains("changed-mark"));
    let ifa = rules.find("data-type=\"ifa\"").expect("IFA listed");
    let foster = rules
        .find("data-type=\"in_house_foster\"")
        .expect("foster listed");
    assert!(ifa < foster, "IFA is now tried first");
    // An empty order is refused in place, named for people.
    let s = edit(state(), "matching.rules[0].order", json!([]));
    let html = editor(&s);
    assert!(html.contains("Rule 1, "), "the error names the rule");
    assert!(html.contains("must list at least one placement type"));
}

#[test]
fn quick_controls_are_sliders_over_the_same_fields() {
    let html = editor(&state());
    let quick = whole_field(&html, "quick");
    assert_eq!(
        quick.matches("type=\"range\"").count(),
        crate::app::quick::CONTROLS.len()
    );
    let admissions = around(&html, "quick-demand-groups_per_month");
    assert!(admissions.contains("min=\"2\"") && admissions.contains("max=\"25\""));
    assert!(!quick.contains("is-changed"), "nothing changed yet");
    assert!(
        !quick.contains("id=\"quick-levers\""),
        "the baseline has no levers"
    );
    // An edit in the form moves the slider and marks it; a value past its end widens it.
    let html = editor(&edit(state(), "demand.groups_per_month", json!(40)));
    let admissions = around(&html, "quick-demand-groups_per_month");
    assert!(admissions.contains("max=\"40\""));
    assert!(html.contains("id=\"quick-demand-groups_per_month-value\">40"));
    assert!(whole_field(&html, "quick").contains("quick-control is-changed"));
    // Text that is not a number leaves the slider disabled; the form names the problem.
    let html = editor(&edit(state(), "demand.groups_per_month", json!("ten")));
    let admissions = around(&html, "quick-demand-groups_per_month");
    assert!(admissions.contains("disabled"));
}

/// A field's props are equal (so it is not re-rendered) after an edit of another field,
/// and differ after an edit of its own value or when its problems change.
#[test]
fn a_field_re_renders_only_for_its_own_value_and_problems() {
    use super::field::FieldProps;
    use super::fields::Ctx;
    let props = |s: &AppState, path: &str| {
        let doc = s.active_doc().unwrap();
        FieldProps {
            ctx: Ctx {
                doc: doc.id,
                value: doc.value.clone(),
                errors: doc.errors.clone(),
                dispatch: Callback::noop(),
                compare: true,
                returns: None,
            },
            param: engine::catalog::param(path).unwrap(),
        }
    };
    let before = state();
    let other = edit(before.clone(), "fostering.households", json!(137));
    let own = edit(before.clone(), "demand.groups_per_month", json!(12));
    let field = "demand.groups_per_month";
    // Callback::noop() compares equal to itself only by pointer: share one.
    let (mut a, mut b, mut c) = (
        props(&before, field),
        props(&other, field),
        props(&own, field),
    );
    let d = Callback::noop();
    for p in [&mut a, &mut b, &mut c] {
        p.ctx.dispatch = d.clone();
    }
    assert!(a == b, "another field's edit leaves this field alone");
    assert!(a != c, "its own edit re-renders it");
    let invalid = edit(before, "demand.entry_age[0]", json!(0.9));
    let mut e = props(&invalid, "demand.entry_age");
    let mut f = props(&state(), "demand.entry_age");
    e.ctx.dispatch = d.clone();
    f.ctx.dispatch = d;
    assert!(e != f, "a new problem with it re-renders it");
}
