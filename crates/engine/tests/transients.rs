//! No start-up transients: on the built-in borough with no levers, the mean path of every
//! monthly headline figure moves in its first year as it moves later on (a strategist reads
//! the first year as the near future, so it must not show the model settling in).
//!
//! For each figure, a straight line fitted to the mean path over months 13-48 gives its usual
//! path (a trend such as inflation continues) and the scatter about it (seasonality and
//! Monte Carlo noise). No month of the first year may lie further from that line, extended
//! back, than four times the scatter (with the Monte Carlo error of a month's mean as a
//! floor). At 1,000 runs the error is small, so a start-up offset of a child or two in a
//! figure shows; the few figures still that far off are held to a wider limit, each with
//! its measured cause (`KNOWN`).
//!
//! A jump between two months can hide inside that band when a figure's runs scatter widely
//! (a month's cost, say): so each month's step is checked too. The mean over runs of a run's
//! change from one month to the next has a small Monte Carlo error (a run's months move
//! together), so no step of the first year may differ from the later months' usual step by
//! more than four times their scatter (or the step's Monte Carlo error, as a floor).

use engine::defaults::default_scenario;
use engine::metrics::{
    APPROVALS, BELOW_NEED, BY_TYPE, COST, GAP, IN_CARE, MOVES3_SHARE, SIBLINGS_APART,
    SIBLING_GROUPS, SPLIT_SHARE, VACANT,
};
use engine::sim::{Model, Simulator};
use engine::types::PlacementType;

const RUNS: u32 = 1000;
const HORIZON: usize = 48;
/// The first year, and the later months the usual path is measured over.
const FIRST_YEAR: std::ops::Range<usize> = 0..12;
const LATER: std::ops::Range<usize> = 12..HORIZON;

/// How far from its usual path (in scatters) a month or a step of the first year may be.
const LIMIT: f64 = 4.0;

/// Figures whose first year still differs a little from the later years at this many runs,
/// the wider limit each is held to (so a larger start-up transient still fails), and why
/// (issue 15, section 4). At 200 runs every figure is within `LIMIT`.
const KNOWN: [(&str, f64, &str); 5] = [
    (
        "3+ placements share",
        6.0,
        "the share starts on its path (13.6%; the scenario's 13.8% of 3+ placements in 12 \
         months, the young people whose needs escalated in the last 12 months carrying their \
         own three placements), but falls by 0.2 points more than usual from month 0 to 1 \
         (4.7 scatters): the other starting children's histories are drawn from the \
         scenario's shares without regard to their needs, so fewer of them break down again \
         soon than the model's own with as many moves",
    ),
    (
        "children below need",
        6.0,
        "about 118 at month 0 against the ~123 of its later line (4.5 scatters), rising over \
         the first two years: children of standard needs under 16 in independent homes start \
         at about 17 (later 22) and 16-17 year olds with complex needs in supported \
         accommodation at about 15 (later 19). The starting mix puts each kind of child in \
         each type as often as a match lands there (`start_mix`), not weighing that the \
         model's own complex young people are matched again more often (they move more)",
    ),
    (
        "sufficiency gap",
        7.0,
        "below need (above) and no suitable placement (below) together: about 122 at month \
         0 against ~128 (5.2 scatters)",
    ),
    (
        "children in In-house foster care",
        7.0,
        "not a transient: the council's foster households fall from 150 towards the level \
         approvals keep (about 1.4 approvals against 1.7 leaving a month, the leaving falling \
         with the households), so the decline slows; the straight line over months 13-48 \
         misses the curve and puts month 0 about 4 children (5 scatters) below where it is. \
         Vacant places, the rest of the households' usable places, are on their path",
    ),
    (
        "children in Emergency / unregistered",
        8.5,
        "about 3.6 at the end of month 0 against ~4.6 later (6.5 scatters at 1,000 runs; one \
         child): the starting children in emergency beds are found places at their first \
         review as the model's own are, but fewer children arrive in emergency beds in the \
         first months (complex 11-15 year olds: 2.4 at month 0 against 3.1 later), as the \
         starting children's placements break down less often than the model's own",
    ),
];

fn mean_sd(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1.0);
    (mean, var.sqrt())
}

#[test]
fn the_first_year_moves_as_later_years_do() {
    let scenario = default_scenario();
    assert!(scenario.levers.is_empty());
    let model = Model::new(&scenario, HORIZON);
    let mut sim = Simulator::new(&model);
    let mut figures: Vec<(String, usize)> = vec![
        ("children in care".into(), IN_CARE),
        ("cost".into(), COST),
        ("approvals".into(), APPROVALS),
        ("3+ placements share".into(), MOVES3_SHARE),
        ("vacant in-house places".into(), VACANT),
        // Brothers and sisters: the starting children come in sibling groups as admitted
        // children do, some already apart (issue 15, section 5).
        ("sibling groups in care".into(), SIBLING_GROUPS),
        ("children living apart from siblings".into(), SIBLINGS_APART),
        ("sibling split share".into(), SPLIT_SHARE),
        ("children below need".into(), BELOW_NEED),
        ("sufficiency gap".into(), GAP),
    ];
    for t in PlacementType::ALL {
        figures.push((format!("children in {}", t.label()), BY_TYPE + t.index()));
    }
    // Sums and sums of squares of each figure by month, and of its step from each month to
    // the next, over the runs.
    let mut sum = vec![vec![0.0; HORIZON]; figures.len()];
    let mut sq = vec![vec![0.0; HORIZON]; figures.len()];
    let mut step_sum = vec![vec![0.0; HORIZON - 1]; figures.len()];
    let mut step_sq = vec![vec![0.0; HORIZON - 1]; figures.len()];
    let runs: u32 = std::env::var("TRANSIENTS_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(RUNS);
    let verbose = std::env::var_os("TRANSIENTS_VERBOSE").is_some();
    for rep in 0..runs {
        sim.run(20_200_701, rep);
        for (f, (_, k)) in figures.iter().enumerate() {
            for m in 0..HORIZON {
                let v = sim.months[m][*k] as f64;
                sum[f][m] += v;
                sq[f][m] += v * v;
                if m + 1 < HORIZON {
                    let d = sim.months[m + 1][*k] as f64 - v;
                    step_sum[f][m] += d;
                    step_sq[f][m] += d * d;
                }
            }
        }
    }
    let n = runs as f64;
    let mut problems = Vec::new();
    for (f, (name, _)) in figures.iter().enumerate() {
        let known = KNOWN.iter().find(|(known, _, _)| known == name);
        let limit = match known {
            Some((_, limit, why)) => {
                eprintln!("held to {limit} scatters: {name} ({why})");
                *limit
            }
            None => LIMIT,
        };
        let path: Vec<f64> = sum[f].iter().map(|s| s / n).collect();
        // Monte Carlo error of a month's mean (the largest over the months).
        let se = (0..HORIZON)
            .map(|m| ((sq[f][m] / n - path[m] * path[m]).max(0.0) / n).sqrt())
            .fold(0.0, f64::max);
        // The usual path: a straight line fitted to the later months (trends such as
        // inflation or the slow fall in carers continue), and the scatter about it.
        let xs: Vec<f64> = LATER.map(|m| m as f64).collect();
        let ys: Vec<f64> = LATER.map(|m| path[m]).collect();
        let (mx, _) = mean_sd(&xs);
        let (my, _) = mean_sd(&ys);
        let sxy: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
        let sxx: f64 = xs.iter().map(|x| (x - mx) * (x - mx)).sum();
        let slope = sxy / sxx;
        let line = |m: usize| my + slope * (m as f64 - mx);
        let resid: Vec<f64> = LATER.map(|m| path[m] - line(m)).collect();
        let (_, scatter) = mean_sd(&resid);
        let spread = scatter.max(2.0 * se);
        // The steps: the mean step of each month to the next, its Monte Carlo error, and
        // the later months' usual step and scatter.
        let steps: Vec<f64> = step_sum[f].iter().map(|s| s / n).collect();
        let step_se = (0..HORIZON - 1)
            .map(|m| ((step_sq[f][m] / n - steps[m] * steps[m]).max(0.0) / n).sqrt())
            .fold(0.0, f64::max);
        let (usual, step_scatter) = mean_sd(&steps[LATER.start..HORIZON - 1]);
        let step_spread = step_scatter.max(2.0 * step_se);
        if verbose {
            let z: Vec<String> = FIRST_YEAR
                .map(|m| format!("{:+.1}", (path[m] - line(m)) / spread))
                .collect();
            eprintln!(
                "{name}{}: m0 {:.2} line {:.2} spread {spread:.2} slope/yr {:+.2}; z {}",
                if known.is_some() { " (known)" } else { "" },
                path[0],
                line(0),
                slope * 12.0,
                z.join(" ")
            );
        }
        for m in FIRST_YEAR {
            let off = steps[m] - usual;
            if off.abs() > limit * step_spread {
                problems.push(format!(
                    "{name}: the step from month {m} to {} is {:+.2}, {off:+.2} off the usual \
                     step {usual:+.2} (scatter {step_spread:.2})",
                    m + 1,
                    steps[m]
                ));
                break;
            }
        }
        for m in FIRST_YEAR {
            let off = path[m] - line(m);
            if off.abs() > limit * spread {
                problems.push(format!(
                    "{name}: month {m} is {:.2}, {off:+.2} off the usual path {:.2} (scatter {spread:.2})",
                    path[m],
                    line(m)
                ));
                break;
            }
        }
    }
    assert!(
        problems.is_empty(),
        "start-up transients:\n{}",
        problems.join("\n")
    );
}
