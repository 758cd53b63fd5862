//! The Monte Carlo error reported beside every headline figure is what repeating the run
//! with other seeds shows: the spread of a headline mean (and median) across seeds is
//! consistent with the standard error each run reports, and the within-seed error matches
//! the spread of the means of disjoint batches of runs.

use engine::defaults::default_scenario;
use engine::metrics;
use engine::report::{Report, Stat};
use engine::runner::Job;
use engine::scenario::{RunSettings, Scenario};

const HORIZON: u32 = 24;

/// The built-in borough starting with nobody in care, so nothing is shared between the
/// runs of one seed (every child is admitted by the run's own draws).
fn scenario() -> Scenario {
    let mut s = default_scenario();
    s.population.children = 0;
    s
}

/// The report of `runs` runs from `first` of one seed.
fn report(seed: u64, first: u32, runs: u32) -> Report {
    let job = Job {
        settings: RunSettings {
            seed,
            replications: first + runs,
            horizon_months: HORIZON,
            uncertainty: false,
        },
        scenarios: vec![scenario()],
        compare_with: vec![],
    };
    let prepared = job.prepare().expect("valid job");
    let agg = prepared.run(first..first + runs);
    Report::new(&job, &prepared, &agg)
}

/// The headline figures compared: children in care at the end, the sufficiency gap at the
/// end, and the total cost over the horizon.
fn headlines(r: &Report) -> [Stat; 3] {
    let s = &r.scenarios[0];
    let end = |k: usize| s.metrics[k].months[HORIZON as usize - 1];
    [end(metrics::IN_CARE), end(metrics::GAP), s.total_cost]
}

/// Σ (x_k - x̄)² / se_k²: chi-squared with k - 1 degrees of freedom when the reported
/// errors are right.
fn chi2(values: &[(f64, f64)]) -> f64 {
    let mean = values.iter().map(|v| v.0).sum::<f64>() / values.len() as f64;
    values
        .iter()
        .map(|(x, se)| (x - mean).powi(2) / se.powi(2))
        .sum()
}

/// 16 seeds: the seeds' means scatter as their reported standard errors say. The bounds
/// hold a chi-squared with 15 degrees of freedom with probability 0.998; an error reported
/// 1.6 times too small or too large falls outside them with near certainty.
#[test]
fn spread_across_seeds_matches_the_reported_error() {
    const SEEDS: u64 = 16;
    let reports: Vec<Report> = (0..SEEDS).map(|s| report(1_000 + s, 0, 60)).collect();
    for (i, name) in ["children in care", "gap", "total cost"].iter().enumerate() {
        let means: Vec<(f64, f64)> = reports
            .iter()
            .map(|r| {
                let st = headlines(r)[i];
                (st.mean, st.mean_se)
            })
            .collect();
        assert!(means.iter().all(|(_, se)| *se > 0.0), "{name}: {means:?}");
        let q = chi2(&means);
        assert!((4.0..=37.0).contains(&q), "{name}: mean chi-squared {q:.1}");
        // Medians: the error from the order statistics is rougher (and the gap's median
        // moves in whole children), so only its size is checked: the spread of the medians
        // over the typical reported error, within a factor of two.
        let medians: Vec<f64> = reports.iter().map(|r| headlines(r)[i].p50).collect();
        let m = medians.iter().sum::<f64>() / medians.len() as f64;
        let sd = (medians.iter().map(|x| (x - m).powi(2)).sum::<f64>()
            / (medians.len() - 1) as f64)
            .sqrt();
        let se = reports.iter().map(|r| headlines(r)[i].p50_se).sum::<f64>() / SEEDS as f64;
        assert!(
            (0.5..=2.0).contains(&(sd / se)),
            "{name}: medians spread {sd:.3}, reported error {se:.3}"
        );
    }
}

/// Within one seed: the error of the mean of 240 runs is the spread of the means of its
/// disjoint batches of 30, over √8 (the standard error scales as one over the square root
/// of the runs).
#[test]
fn error_of_the_mean_matches_batches_of_runs() {
    let whole = headlines(&report(7, 0, 240));
    let batches: Vec<[Stat; 3]> = (0..8).map(|b| headlines(&report(7, b * 30, 30))).collect();
    for (i, name) in ["children in care", "gap", "total cost"].iter().enumerate() {
        let means: Vec<f64> = batches.iter().map(|b| b[i].mean).collect();
        let m = means.iter().sum::<f64>() / 8.0;
        assert!(
            (m - whole[i].mean).abs() <= 1e-9 * whole[i].mean.abs().max(1.0),
            "{name}: batches average {m}, whole {}",
            whole[i].mean
        );
        let sd = (means.iter().map(|x| (x - m).powi(2)).sum::<f64>() / 7.0).sqrt();
        let ratio = sd / 8f64.sqrt() / whole[i].mean_se;
        // The spread of 8 batch means estimates the error within about ±50% (chi-squared
        // with 7 degrees of freedom: 0.999 of it between 0.3 and 1.85 times).
        assert!(
            (0.3..=1.85).contains(&ratio),
            "{name}: batches give {:.3}, reported {:.3}",
            sd / 8f64.sqrt(),
            whole[i].mean_se
        );
    }
}
