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
/// (issue 15, section 4). None now: the last, the 3+ placements share, went with the walk
/// of the starting young people's moves made the model's own (a review that finds nothing
/// is not a move, the rates those of their needs' placements, those it leaves in an
/// emergency bed the starting mix's waiting children) and the one move of a child who came
/// into care weeks before the start needing time as two do.
const KNOWN: [(&str, f64, &str); 0] = [];

/// How far beyond its error (in standard errors) the later months' curvature must be for
/// the usual path to be a quadratic rather than a straight line.
const CURVATURE_T: f64 = 4.0;

/// A polynomial trend in the month, fitted by least squares: its coefficients about the
/// mean month (`coef[k]` of `(m - centre)^k`), the scatter of the months about it, and the
/// inverse of the normal equations' matrix (for the error of the trend extended back).
struct Trend {
    coef: Vec<f64>,
    centre: f64,
    scatter: f64,
    inverse: Vec<Vec<f64>>,
}

impl Trend {
    fn fit(points: &[(f64, f64)], degree: usize) -> Trend {
        let k = degree + 1;
        let centre = points.iter().map(|p| p.0).sum::<f64>() / points.len() as f64;
        let powers = |x: f64| {
            (0..k)
                .map(|j| (x - centre).powi(j as i32))
                .collect::<Vec<_>>()
        };
        let mut a = vec![vec![0.0; k]; k];
        let mut b = vec![0.0; k];
        for &(x, y) in points {
            let p = powers(x);
            for i in 0..k {
                b[i] += p[i] * y;
                for j in 0..k {
                    a[i][j] += p[i] * p[j];
                }
            }
        }
        let inverse = invert(a);
        let coef: Vec<f64> = (0..k)
            .map(|i| (0..k).map(|j| inverse[i][j] * b[j]).sum())
            .collect();
        let mut trend = Trend {
            coef,
            centre,
            scatter: 0.0,
            inverse,
        };
        let rss: f64 = points.iter().map(|&(x, y)| (y - trend.at(x)).powi(2)).sum();
        trend.scatter = (rss / (points.len() - k) as f64).sqrt();
        trend
    }

    fn at(&self, x: f64) -> f64 {
        let d = x - self.centre;
        self.coef.iter().rev().fold(0.0, |acc, c| acc * d + c)
    }

    /// The scatter of a month about the trend, with the error of the trend itself there.
    fn error_at(&self, x: f64) -> f64 {
        let k = self.coef.len();
        let p: Vec<f64> = (0..k).map(|j| (x - self.centre).powi(j as i32)).collect();
        let mut leverage = 0.0;
        for i in 0..k {
            for j in 0..k {
                leverage += p[i] * self.inverse[i][j] * p[j];
            }
        }
        self.scatter * (1.0 + leverage).sqrt()
    }

    /// The highest coefficient over its standard error.
    fn curvature_t(&self) -> f64 {
        let k = self.coef.len() - 1;
        self.coef[k] / (self.scatter * self.inverse[k][k].sqrt())
    }
}

/// The inverse of a small symmetric positive definite matrix (Gauss-Jordan).
fn invert(mut a: Vec<Vec<f64>>) -> Vec<Vec<f64>> {
    let k = a.len();
    let mut inv: Vec<Vec<f64>> = (0..k)
        .map(|i| (0..k).map(|j| (i == j) as u8 as f64).collect())
        .collect();
    for col in 0..k {
        let pivot = a[col][col];
        for j in 0..k {
            a[col][j] /= pivot;
            inv[col][j] /= pivot;
        }
        for row in 0..k {
            if row != col {
                let f = a[row][col];
                for j in 0..k {
                    a[row][j] -= f * a[col][j];
                    inv[row][j] -= f * inv[col][j];
                }
            }
        }
    }
    inv
}

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
        // inflation continue), or a quadratic where the later months curve beyond their
        // scatter (a decline that slows, as the council's carers fall towards the level
        // approvals keep), and the scatter about it. A month of the first year is judged
        // against the path extended back, with that extension's own error.
        let later: Vec<(f64, f64)> = LATER.map(|m| (m as f64, path[m])).collect();
        let straight = Trend::fit(&later, 1);
        let curved = Trend::fit(&later, 2);
        let trend = if curved.curvature_t().abs() > CURVATURE_T {
            curved
        } else {
            straight
        };
        let line = |m: usize| trend.at(m as f64);
        let spread_at = |m: usize| trend.error_at(m as f64).max(2.0 * se);
        let spread = spread_at(0);
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
                .map(|m| format!("{:+.1}", (path[m] - line(m)) / spread_at(m)))
                .collect();
            let step_z: Vec<String> = FIRST_YEAR
                .map(|m| format!("{:+.1}", (steps[m] - usual) / step_spread))
                .collect();
            eprintln!(
                "{name}{}: m0 {:.2} {} {:.2} spread {spread:.2} slope/yr {:+.2}; z {}; steps z {}",
                if known.is_some() { " (known)" } else { "" },
                path[0],
                if trend.coef.len() > 2 {
                    "curve"
                } else {
                    "line"
                },
                line(0),
                trend.coef[1] * 12.0,
                z.join(" "),
                step_z.join(" ")
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
            let spread = spread_at(m);
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
