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
    // The built-in budget is illustrative, and said so next to the chance.
    assert!(
        brief.contains(
            " points from simulation noise) of overspending in FY2021/22 against an illustrative budget of £"
        ),
        "{brief}"
    );
    assert!(
        brief.contains(", not your council\u{2019}s; median cost "),
        "{brief}"
    );
    assert!(text.contains("id=\"report-illustrative-budget\""));
    assert!(text.contains("simulation noise moves it by at most"));
    // Four charts (the gap and, apart, its part no suitable placement), one legend naming
    // each scenario once.
    assert_eq!(text.matches("<svg class=\"report-chart\"").count(), 4);
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

#[test]
fn the_sufficiency_gap_is_reported_with_its_parts_beside_no_suitable_placement() {
    use crate::app::components::compare::{chance, difference};
    use engine::metrics::Unit;
    let r = small_report();
    let base = default_scenario();
    let recruit = base.with_strategy(&strategy("recruit").unwrap());
    let scenarios = [base.clone(), recruit];
    let text = article(&input(&r, &scenarios, &base));
    let last = r.month_labels.len() - 1;
    let at_end = |i: usize, key: &str| {
        crate::app::view::metric(&r.scenarios[i], key)
            .unwrap()
            .months[last]
    };
    // The gap table's last column is the end of the horizon: the app's tile.
    let gap_start = text.find("id=\"report-gap-title\"").unwrap();
    let none_start = text.find("id=\"report-no-suitable-title\"").unwrap();
    assert!(gap_start < none_start);
    let gap_table = &text[gap_start..none_start];
    for i in 0..2 {
        let tile = crate::format::value(Unit::Children, at_end(i, "gap").p50);
        let parts = format!(
            "<span class=\"sub parts\">{} + {}</span>",
            crate::format::count(at_end(i, "no_suitable").p50),
            crate::format::count(at_end(i, "below_need").p50)
        );
        assert!(gap_table.contains(&format!("{tile}<br>")), "{gap_table}");
        assert!(gap_table.contains(&parts), "{parts}: {gap_table}");
    }
    assert!(
        gap_table.contains("then its parts: no suitable placement + placed below assessed need")
    );
    assert!(gap_table.contains(engine::metrics::definition("gap")));
    let none_table = &text[none_start..];
    assert!(none_table.contains("one part of the sufficiency gap, not the gap"));
    let brief = &text[text.find("report-brief").unwrap()..text.find("<h3>").unwrap()];
    assert_eq!(
        brief.matches("sufficiency gap</strong> of ").count(),
        2,
        "{brief}"
    );
    // Each sentence gives the gap the tile and the table's last column give (June 2022, the
    // end of the projection), then, dated, the gap at the end of the financial year the
    // sentence is about (March 2022): one number for each date, not two for "the gap".
    let march = r.month_labels.iter().position(|m| m == "2022-03").unwrap();
    for (i, item) in brief.split("<li>").skip(1).enumerate() {
        let tile = crate::format::count(at_end(i, "gap").p50);
        let year_end = crate::format::count(
            crate::app::view::metric(&r.scenarios[i], "gap")
                .unwrap()
                .months[march]
                .p50,
        );
        assert!(
            item.contains(&format!(
                "sufficiency gap</strong> of {tile} children in June 2022, the end of the projection (8 in 10 futures: "
            )),
            "{item}"
        );
        assert!(
            item.contains(&format!(
                ", and {year_end} at the end of FY2021/22 (March 2022)."
            )),
            "{item}"
        );
        assert!(!item.contains("at the end of the year"), "{item}");
    }
    // The paired comparison as the app's table shows it.
    let c = &r.comparisons[0];
    let section = &text[text.find("id=\"report-compare\"").unwrap()..];
    let shown = |t: String| esc(&t).replace('\n', "<br>");
    for want in [
        shown(difference(Unit::Pounds, &c.total_cost_difference)),
        shown(chance(c.probability_cheaper, r.runs)),
        shown(difference(Unit::Children, &c.mean_gap_difference)),
        shown(chance(c.probability_less_gap, r.runs)),
    ] {
        assert!(section.contains(&want), "{want}: {section}");
    }
    assert!(section.contains("Chance of a smaller gap"));
}

#[test]
fn your_own_budget_is_not_called_illustrative() {
    let mut r = small_report();
    for sc in &mut r.scenarios {
        for y in &mut sc.years {
            y.illustrative_budget = false;
        }
    }
    let base = default_scenario();
    let scenarios = [base.clone(), base.clone()];
    let text = article(&input(&r, &scenarios, &base));
    assert!(!text.contains("illustrative"));
    assert!(text.contains("of overspending the FY2021/22 budget of £"));
}

#[test]
fn a_or_an_by_the_number_as_spoken() {
    for n in ["8%", "11%", "18%", "80%", "88%", "89%", "8,000"] {
        assert_eq!(crate::format::article(n), "an", "{n}");
    }
    for n in [
        "1%", "7%", "10%", "12%", "79%", "90%", "<1%", ">99%", "110", "1,800",
    ] {
        assert_eq!(crate::format::article(n), "a", "{n}");
    }
}

#[test]
fn new_homes_cost_their_running_costs_from_when_they_open() {
    let r = small_report();
    let base = default_scenario();
    let homes = base.with_strategy(&strategy("homes").unwrap());
    let scenarios = [base.clone(), homes.clone()];
    let text = article(&input(&r, &scenarios, &base));
    let section = &text[text.find("id=\"report-strategies\"").unwrap()..];
    let lever = &homes.levers[0];
    let cost = |m: std::ops::Range<u32>| {
        crate::format::pounds(engine::workshop::cards::running_cost(lever, m))
    };
    let last = engine::workshop::cards::fully_running(lever);
    assert_ne!(cost(0..r.horizon_months), "£0");
    assert!(
        section.contains(&format!("<td>{}</td>", cost(last..last + 12))),
        "{section}"
    );
    assert!(
        section.contains(&format!("<td>{}</td>", cost(0..r.horizon_months))),
        "{section}"
    );
    assert!(
        section.contains("Homes open from Oct 2020 to Jul 2022 (months 3 to 24)"),
        "{section}"
    );
    assert!(!section.contains("At once"), "{section}");
    assert!(section.contains("£9,600 a week"), "{section}");
}
