//! The report's text from a real (small) run: its sections, numbers, escaping and the
//! standalone file.

use engine::defaults::{default_scenario, strategy};
use engine::report::Stat;

use super::assumptions::{changes, lever_settings, value_text};
use super::content::{article, as_at, p80, title, year_ends, Input, CAVEATS};
use super::markup::{esc, standalone};
use crate::app::view::tests::small_report;

fn input<'a>(
    r: &'a engine::report::Report,
    scenarios: &'a [engine::Scenario],
    default: &'a engine::Scenario,
) -> Input<'a> {
    Input {
        report: r,
        scenarios: scenarios.iter().map(Some).collect(),
        default,
        printed: "3 December 2026".into(),
        complete: true,
        tornado: None,
    }
}

#[test]
fn the_report_leads_with_the_answer_and_has_every_section() {
    let r = small_report();
    let base = default_scenario();
    let recruit = base.with_strategy(&strategy("recruit").unwrap());
    let scenarios = [base.clone(), recruit];
    let text = article(&input(&r, &scenarios, &base));
    let order: Vec<usize> = [
        "id=\"report-answer\"",
        "id=\"report-charts\"",
        "id=\"report-strategies\"",
        "id=\"report-assumptions\"",
        "id=\"report-caveats\"",
    ]
    .iter()
    .map(|id| text.find(id).unwrap_or_else(|| panic!("{id} missing")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert!(text.contains("Printed 3 December 2026"));
    assert!(text.contains("Data as at month end June 2020"));
    assert!(!text.contains(&r.fingerprint), "no fingerprint");
    // Each scenario's chance of overspending in each financial year, in the answer.
    for y in &r.scenarios[1].years {
        assert!(text.contains(&format!("FY{}", y.year)), "{}", y.year);
    }
    let brief = &text[text.find("report-brief").unwrap()..text.find("<h3>").unwrap()];
    assert_eq!(brief.matches("<li>").count(), 2);
    assert!(
        brief.contains("chance of overspending the FY2021/22 budget"),
        "{brief}"
    );
    // Each chance with its simulation noise, and the median called the median.
    assert!(
        brief.contains(" points from simulation noise); median cost "),
        "{brief}"
    );
    assert!(text.contains("simulation noise moves it by at most"));
    // Three charts, one legend naming each scenario once.
    assert_eq!(text.matches("<svg class=\"report-chart\"").count(), 3);
    assert_eq!(text.matches("id=\"report-legend\"").count(), 1);
    assert!(text.contains("Recruit more carers: median"));
    // The strategy with its lever, cost and start; the baseline has none.
    assert!(text.contains("Recruitment boost"));
    assert!(text.contains("£250k"));
    assert!(text.contains("Jul 2020"));
    // Nothing changed from the default.
    assert!(text.contains("id=\"report-no-changes\""));
    assert!(CAVEATS.len() <= 3);
    assert!(CAVEATS.iter().all(|c| text.contains(&esc(c))));
}

#[test]
fn changed_assumptions_are_listed_once_with_each_scenario_value_and_the_source() {
    let r = small_report();
    let base = default_scenario();
    let mut a = base.clone();
    a.demand.groups_per_month = 12.5;
    let mut b = base.with_strategy(&strategy("recruit").unwrap());
    b.demand.groups_per_month = 12.5;
    b.residential.homes[0].beds += 1;
    let scenarios = [a.clone(), b];
    let text = article(&input(&r, &scenarios, &base));
    let section = &text[text.find("id=\"report-assumptions\"").unwrap()..];
    assert!(section.contains("All scenarios: 12.5"), "{section}");
    assert_eq!(section.matches("All scenarios").count(), 1);
    let p = engine::catalog::lookup("demand.groups_per_month").unwrap();
    assert!(section.contains(&super::references::source_html(p.source)));
    assert!(
        section.contains("(item 1)"),
        "the element of a list is named"
    );
    // Only what changed.
    let c = changes(&a, &base);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].path, "demand.groups_per_month");
    assert_eq!(c[0].default, "10.2");
    assert!(changes(&base, &base).is_empty());
}

#[test]
fn a_distribution_of_another_family_is_one_change() {
    let base = default_scenario();
    let mut s = base.clone();
    s.exits.return_home = engine::scenario::DurationDist::Exponential { mean_months: 9.0 };
    let c = changes(&s, &base);
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].path, "exits.return_home");
    assert!(c[0].value.contains("exponential"), "{}", c[0].value);
}

#[test]
fn names_are_escaped_and_the_file_runs_nothing_and_fetches_nothing() {
    let mut r = small_report();
    r.scenarios[1].name = "<script>alert(1)</script> & \"x\"".into();
    let base = default_scenario();
    let scenarios = [base.clone(), base.clone()];
    let text = article(&input(&r, &scenarios, &base));
    assert!(!text.contains("<script"));
    assert!(text.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"));
    let file = standalone(&title(&r), &text);
    assert!(file.starts_with("<!doctype html>"));
    assert!(!file.contains("<script"));
    assert!(!file.contains(" src="), "nothing loaded");
    assert!(!file.contains(" href="), "nothing linked");
    assert!(file.contains("default-src 'none'"));
    assert!(file.contains("@page"), "the styles are inline");
}

#[test]
fn figures_the_report_derives() {
    let s = Stat {
        mean: 0.0,
        p5: 0.0,
        p10: 0.0,
        p25: 0.0,
        p50: 0.0,
        p75: 100.0,
        p80: 112.0,
        p90: 130.0,
        p95: 0.0,
        ..Default::default()
    };
    assert_eq!(p80(&s), 112.0, "read, not interpolated");
    let mut sc = default_scenario();
    assert_eq!(as_at(&sc), "month end June 2020");
    sc.start_year = 2021;
    sc.start_month = 1;
    assert_eq!(as_at(&sc), "month end December 2020");
    let r = small_report();
    let ends = year_ends(&r);
    assert_eq!(ends.first().map(|e| (e.1, e.2)), Some((9, 8)));
    assert_eq!(ends.last().map(|e| e.2), Some(r.month_labels.len() - 1));
    let recruit = &strategy("recruit").unwrap().levers[0].kind;
    assert!(
        lever_settings(recruit).contains("1.5"),
        "{}",
        lever_settings(recruit)
    );
    assert_eq!(
        value_text(&serde_json::json!([[1, 2], [3.5, 4]])),
        "[1, 2]; [3.5, 4]"
    );
}
