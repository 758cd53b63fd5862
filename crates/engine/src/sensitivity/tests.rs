//! Tests of the tornado and the global ranking: a case where the ranking is known by
//! construction, the order, determinism over chunks, cancelling, and the regression.

use super::global::{latin_hypercube, standardised_regression, GlobalPlan};
use super::tornado::TornadoPlan;
use super::*;
use crate::catalog;
use crate::defaults::default_scenario;
use crate::scenario::RunSettings;

fn settings(replications: u32, horizon_months: u32) -> RunSettings {
    RunSettings {
        seed: 17,
        replications,
        horizon_months,
        uncertainty: false,
    }
}

/// Admissions in the first month depend on the admissions rate alone: the trend has not
/// started and no other uncertain assumption touches the admissions stream. So only that
/// assumption's bar has a length, and it comes first.
#[test]
fn only_the_admissions_rate_moves_first_month_admissions() {
    let outcome = Outcome::new("admissions", None).expect("a metric");
    let plan = TornadoPlan::new(&default_scenario(), &settings(30, 1), outcome).expect("plan");
    assert_eq!(plan.variants(), 1 + 2 * catalog::uncertain().len());
    let t = plan.tornado(&plan.run_with(0..30, |_| true));
    assert_eq!(t.runs, 30);
    assert_eq!(t.bars[0].path, "demand.groups_per_month");
    assert!(
        t.bars[0].at_high > t.baseline && t.baseline > t.bars[0].at_low,
        "{t:?}"
    );
    for bar in &t.bars[1..] {
        assert_eq!(bar.swing, 0.0, "{} moved first-month admissions", bar.path);
        assert_eq!(bar.at_low, t.baseline);
    }
}

#[test]
fn the_bars_are_ranked_by_swing_and_the_answer_does_not_depend_on_chunks() {
    let outcome = Outcome::new("in_care", None).expect("a metric");
    let plan = TornadoPlan::new(&default_scenario(), &settings(6, 12), outcome).expect("plan");
    let whole = plan.run_with(0..6, |_| true);
    let mut parts = plan.run_with(3..6, |_| true);
    parts.merge(plan.run_with(0..3, |_| true));
    let t = plan.tornado(&whole);
    assert_eq!(t, plan.tornado(&parts));
    assert!(t.bars.windows(2).all(|w| w[0].swing >= w[1].swing));
    for b in &t.bars {
        assert_eq!(b.swing, (b.at_high - b.at_low).abs());
        assert!(!b.reason.is_empty() && !b.label.is_empty());
    }
    // Higher admissions mean more children in care after a year.
    let admissions = t.bars.iter().find(|b| b.path == "demand.groups_per_month");
    assert!(admissions.is_some_and(|b| b.at_high > b.at_low && b.swing > 0.0));
}

#[test]
fn cancelling_stops_after_the_replication_in_hand() {
    let outcome = Outcome::new("cost", None).expect("a metric");
    let plan = TornadoPlan::new(&default_scenario(), &settings(10, 2), outcome).expect("plan");
    let runs = plan.run_with(0..10, |done| done < 2);
    assert_eq!(runs.len(), 2);
}

#[test]
fn outcomes_and_plans_name_what_is_wrong() {
    assert_eq!(
        Outcome::new("nonsense", None),
        Err(AnalysisError::UnknownMetric("nonsense".into()))
    );
    assert!(matches!(
        Outcome::new("in_care", Some(Period::Horizon)),
        Err(AnalysisError::Period(_))
    ));
    let late = Outcome::new("gap", Some(Period::Month(12))).expect("a metric");
    assert!(matches!(
        TornadoPlan::new(&default_scenario(), &settings(2, 12), late),
        Err(AnalysisError::Period(_))
    ));
    let year = Outcome::new("cost", Some(Period::Year("2031/32".into()))).expect("a metric");
    assert!(matches!(
        TornadoPlan::new(&default_scenario(), &settings(2, 12), year),
        Err(AnalysisError::Period(_))
    ));
    let mut bad = default_scenario();
    bad.demand.groups_per_month = -1.0;
    let outcome = Outcome::new("cost", None).expect("a metric");
    match TornadoPlan::new(&bad, &settings(2, 12), outcome) {
        Err(AnalysisError::Invalid(e)) => {
            assert_eq!(e[0].field, "scenarios[0].demand.groups_per_month")
        }
        other => panic!("expected the field named, got {:?}", other.err()),
    }
}

#[test]
fn a_financial_year_adds_up_its_months_only() {
    let whole = Outcome::new("cost", None).expect("a metric");
    let first = Outcome::new("cost", Some(Period::Year("2020/21".into()))).expect("a metric");
    let s = settings(3, 24);
    let a = TornadoPlan::new(&default_scenario(), &s, whole).expect("plan");
    let b = TornadoPlan::new(&default_scenario(), &s, first).expect("plan");
    let (ta, tb) = (
        a.tornado(&a.run_with(0..3, |_| true)),
        b.tornado(&b.run_with(0..3, |_| true)),
    );
    // July 2020 to March 2021 is 9 of the 24 months.
    assert!(
        tb.baseline > 0.0 && tb.baseline < ta.baseline * 0.6,
        "{} {}",
        tb.baseline,
        ta.baseline
    );
}

#[test]
fn the_global_ranking_finds_the_one_assumption_that_matters() {
    let outcome = Outcome::new("admissions", None).expect("a metric");
    let plan = GlobalPlan::new(&default_scenario(), &settings(200, 1), outcome).expect("plan");
    let runs = plan.run_with(0..200, |_| true);
    let r = plan.ranking(&runs);
    assert_eq!(r.samples, 200);
    assert_eq!(r.effects[0].path, "demand.groups_per_month");
    assert!(r.effects[0].coefficient > 0.3, "{r:?}");
    assert!(
        r.effects[1..].iter().all(|e| e.coefficient.abs() < 0.2),
        "{r:?}"
    );
    assert!(r.r_squared > 0.1 && r.r_squared < 1.0);
    // Chunks merge to the same ranking.
    let mut parts = plan.run_with(100..200, |_| true);
    parts.merge(plan.run_with(0..100, |_| true));
    assert_eq!(plan.ranking(&parts), r);
    // Too few runs for a regression are refused, naming the setting.
    let few = Outcome::new("admissions", None).expect("a metric");
    assert!(matches!(
        GlobalPlan::new(&default_scenario(), &settings(5, 1), few),
        Err(AnalysisError::Setting { .. })
    ));
}

#[test]
fn the_latin_hypercube_uses_every_slice_of_every_range_once() {
    let n = 50;
    let design = latin_hypercube(3, n);
    assert_eq!(design, latin_hypercube(3, n));
    assert_ne!(design, latin_hypercube(4, n));
    let modes = crate::sim::uncertain::defaults();
    for (k, s) in catalog::uncertain().iter().enumerate() {
        // Each setting's quantile under the triangular distribution falls in its own slice.
        let mut slices: Vec<usize> = design
            .iter()
            .map(|row| {
                let x = row[k];
                assert!(s.low <= x && x <= s.high);
                let (w, m) = (s.high - s.low, modes[k]);
                let u = if x <= m {
                    (x - s.low) * (x - s.low) / (w * (m - s.low))
                } else {
                    1.0 - (s.high - x) * (s.high - x) / (w * (s.high - m))
                };
                ((u * n as f64) as usize).min(n - 1)
            })
            .collect();
        slices.sort();
        assert_eq!(slices, (0..n).collect::<Vec<_>>(), "{}", s.path);
    }
}

#[test]
fn the_regression_recovers_a_linear_outcome() {
    let x: Vec<Vec<f64>> = (0..40)
        .map(|i| vec![i as f64, ((i * 7) % 13) as f64, ((i * 3) % 5) as f64])
        .collect();
    let y: Vec<f64> = x.iter().map(|r| 2.0 * r[0] - 5.0 * r[1]).collect();
    let (b, r2) = standardised_regression(&x, &y);
    assert!((r2 - 1.0).abs() < 1e-9);
    assert!(b[0] > 0.0 && b[1] < 0.0 && b[2].abs() < 1e-9, "{b:?}");
    // A constant outcome has nothing to explain.
    assert_eq!(standardised_regression(&x, &[3.0; 40]), (vec![0.0; 3], 0.0));
}
