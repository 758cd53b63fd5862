//! The tornado run as ordinary jobs (as the browser's workers run it) gives the tornado run
//! directly.

use super::tornado::TornadoPlan;
use super::*;
use crate::defaults::default_scenario;
use crate::limits::MAX_SCENARIOS;
use crate::scenario::RunSettings;

#[test]
fn the_tornado_from_jobs_is_the_tornado() {
    let settings = RunSettings {
        seed: 29,
        replications: 2,
        horizon_months: 14,
        uncertainty: false,
    };
    for period in [
        None,
        Some(Period::Year("2021/22".into())),
        Some(Period::Month(3)),
    ] {
        let outcome = Outcome::new("cost", period).expect("a metric");
        let plan = TornadoPlan::new(&default_scenario(), &settings, outcome).expect("plan");
        let jobs = plan.jobs();
        assert!(jobs
            .iter()
            .all(|j| j.scenarios.len() <= MAX_SCENARIOS && j.validate().is_ok()));
        let variants: usize = jobs.iter().map(|j| j.scenarios.len() - 1).sum();
        assert_eq!(variants + 1, plan.variants());
        let aggregates: Vec<_> = jobs
            .iter()
            .map(|j| {
                let prepared = j.prepare().expect("valid");
                // Two chunks, as workers would run them.
                let mut a = prepared.run(0..1);
                a.merge(&prepared.run(1..2));
                a
            })
            .collect();
        let from_jobs = plan
            .tornado_from_aggregates(&aggregates)
            .expect("a tornado");
        let direct = plan.tornado(&plan.run_with(0..2, |_| true));
        assert_eq!(from_jobs.runs, direct.runs);
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(1.0);
        assert!(close(from_jobs.baseline, direct.baseline));
        for (a, b) in from_jobs.bars.iter().zip(&direct.bars) {
            assert!(
                close(a.at_low, b.at_low) && close(a.at_high, b.at_high),
                "{a:?} {b:?}"
            );
        }
        // Aggregates that do not match the jobs are refused.
        assert!(plan.tornado_from_aggregates(&aggregates[1..]).is_err());
    }
}
