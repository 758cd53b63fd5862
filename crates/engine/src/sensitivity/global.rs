//! The global ranking: every uncertain assumption varies at once, on a Latin hypercube
//! sample of their ranges (each range cut into as many equally likely slices as there are
//! samples, each slice used once, the slices of different assumptions paired at random;
//! within a range the settings follow the same triangular distribution as
//! [`sim::uncertain`](crate::sim::uncertain) draws). Sample `j` is run as replication `j`;
//! the outcome is regressed on the settings and the assumptions ranked by their
//! standardised regression coefficients, with R², the share of the spread between runs the
//! straight-line fit explains. Unlike the tornado this sees each assumption against a
//! background of all the others moving (interactions such as admissions with carers
//! leaving), and chance is part of the spread it ranks against.

use std::ops::Range;

use rand::rngs::ChaCha8Rng;
use rand::{Rng, SeedableRng};
use serde::Serialize;

use super::{run_models, validated, AnalysisError, Outcome, Runs};
use crate::catalog;
use crate::scenario::{RunSettings, Scenario};
use crate::sim::{uncertain, Model};

/// What the global ranking means, in one sentence of plain English (for councillors: no
/// statistical terms; how much the assumptions explain together is said beside it, from
/// [`Ranking::r_squared`]).
pub const MEANING: &str = "With all the assumptions uncertain at once, this ranks them by how strongly the \
    outcome moves with each: 0.5 means the outcome moves by half its usual spread when this assumption moves \
    by its usual spread (negative: the outcome falls as the assumption rises).";

/// The ChaCha stream of the sample's design, apart from every replication's streams and the
/// uncertainty draws.
const DESIGN_STREAM: u64 = 1 << 41;

/// Fewest samples a ranking needs beyond the number of assumptions.
const SPARE_SAMPLES: u32 = 10;

/// The sample's design, ready to run in chunks.
pub struct GlobalPlan {
    seed: u64,
    outcome: Outcome,
    base: Model,
    /// The settings of every sample (one row per sample, one per uncertain assumption).
    design: Vec<Vec<f64>>,
}

/// One assumption's place in the ranking.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Effect {
    pub path: String,
    pub label: String,
    /// Standardised regression coefficient.
    pub coefficient: f64,
}

/// The ranking, strongest first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ranking {
    pub outcome: String,
    pub metric: String,
    pub samples: u32,
    /// Share of the outcome's variance the assumptions explain together (0-1).
    pub r_squared: f64,
    pub effects: Vec<Effect>,
    pub meaning: String,
}

impl GlobalPlan {
    /// A Latin hypercube of `settings.replications` samples of the uncertain assumptions.
    pub fn new(
        scenario: &Scenario,
        settings: &RunSettings,
        outcome: Outcome,
    ) -> Result<GlobalPlan, AnalysisError> {
        let valid = validated(scenario, settings)?;
        let base = Model::compile(&valid, settings.horizon_months as usize);
        outcome.check(&base)?;
        let k = catalog::uncertain().len();
        if settings.replications < min_samples() {
            return Err(AnalysisError::Setting {
                name: "runs".into(),
                reason: format!(
                    "a ranking of {k} assumptions needs at least {} runs",
                    min_samples()
                ),
            });
        }
        Ok(GlobalPlan {
            seed: settings.seed,
            outcome,
            base,
            design: latin_hypercube(settings.seed, settings.replications as usize),
        })
    }

    pub fn samples(&self) -> u32 {
        self.design.len() as u32
    }

    /// Run samples `reps` (clipped to the design), calling `progress(done)` after each;
    /// stops early when it returns false.
    pub fn run_with(&self, reps: Range<u32>, mut progress: impl FnMut(u32) -> bool) -> Runs {
        let mut runs = Runs::default();
        let mut done = 0;
        for j in reps.start..reps.end.min(self.samples()) {
            let model = uncertain::shifted_model(&self.base, &self.design[j as usize]);
            let model = model.as_ref().unwrap_or(&self.base);
            runs.merge(run_models(
                &[model],
                &self.outcome,
                self.seed,
                j..j + 1,
                |_| true,
            ));
            done += 1;
            if !progress(done) {
                break;
            }
        }
        runs
    }

    /// The ranking from the samples run (all, or as many as were run).
    pub fn ranking(&self, runs: &Runs) -> Ranking {
        let rows: Vec<(&Vec<f64>, f64)> = runs
            .values
            .iter()
            .filter_map(|(j, v)| Some((self.design.get(*j as usize)?, *v.first()?)))
            .collect();
        let x: Vec<Vec<f64>> = rows.iter().map(|(x, _)| x.to_vec()).collect();
        let y: Vec<f64> = rows.iter().map(|(_, y)| *y).collect();
        let (coefficients, r_squared) = standardised_regression(&x, &y);
        let mut effects: Vec<Effect> = catalog::uncertain()
            .iter()
            .zip(coefficients)
            .map(|(s, c)| Effect {
                path: s.path.to_string(),
                label: catalog::param(s.path)
                    .map(|p| p.label)
                    .unwrap_or(s.path)
                    .to_string(),
                coefficient: c,
            })
            .collect();
        effects.sort_by(|a, b| b.coefficient.abs().total_cmp(&a.coefficient.abs()));
        Ranking {
            outcome: self.outcome.describe(),
            metric: self.outcome.metric.clone(),
            samples: y.len() as u32,
            r_squared,
            effects,
            meaning: MEANING.to_string(),
        }
    }
}

/// The fewest samples a ranking can be made from: the number of uncertain assumptions and
/// some to spare.
pub fn min_samples() -> u32 {
    catalog::uncertain().len() as u32 + SPARE_SAMPLES
}

/// `n` samples of the uncertain assumptions, one row each: every range cut into `n` equally
/// likely slices, each used once, at a random point within it, the slices shuffled
/// independently for each assumption.
pub fn latin_hypercube(seed: u64, n: usize) -> Vec<Vec<f64>> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(DESIGN_STREAM);
    let modes = uncertain::defaults();
    let mut rows = vec![Vec::with_capacity(modes.len()); n];
    for (spread, mode) in catalog::uncertain().iter().zip(modes) {
        let mut slices: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let j = (rng.next_u64() % (i as u64 + 1)) as usize;
            slices.swap(i, j);
        }
        for (row, slice) in rows.iter_mut().zip(slices) {
            let u = (slice as f64 + unit(&mut rng)) / n as f64;
            row.push(uncertain::triangular(u, spread.low, mode, spread.high));
        }
    }
    rows
}

/// Uniform on [0, 1) in steps of 2^-32.
fn unit(rng: &mut ChaCha8Rng) -> f64 {
    rng.next_u32() as f64 * (1.0 / (1u64 << 32) as f64)
}

/// The standardised coefficients of the least-squares fit of `y` on the columns of `x`
/// (rows are samples), and R². An outcome that never varies gives zeros.
pub fn standardised_regression(x: &[Vec<f64>], y: &[f64]) -> (Vec<f64>, f64) {
    let k = x.first().map(Vec::len).unwrap_or(0);
    let n = y.len();
    let standard = |v: &[f64]| -> Option<Vec<f64>> {
        let m = super::mean(v);
        let sd = (v.iter().map(|a| (a - m) * (a - m)).sum::<f64>() / n as f64).sqrt();
        (sd > 0.0).then(|| v.iter().map(|a| (a - m) / sd).collect())
    };
    let Some(zy) = standard(y) else {
        return (vec![0.0; k], 0.0);
    };
    let zx: Vec<Vec<f64>> = (0..k)
        .map(|c| {
            let col: Vec<f64> = x.iter().map(|r| r[c]).collect();
            standard(&col).unwrap_or_else(|| vec![0.0; n])
        })
        .collect();
    // Correlations between the settings, and with the outcome.
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(p, q)| p * q).sum::<f64>() / n as f64;
    let mut a: Vec<Vec<f64>> = (0..k)
        .map(|i| (0..k).map(|j| dot(&zx[i], &zx[j])).collect())
        .collect();
    let r: Vec<f64> = zx.iter().map(|c| dot(c, &zy)).collect();
    let b = solve(&mut a, r.clone()).unwrap_or_else(|| vec![0.0; k]);
    let r_squared = b
        .iter()
        .zip(&r)
        .map(|(p, q)| p * q)
        .sum::<f64>()
        .clamp(0.0, 1.0);
    (b, r_squared)
}

/// Solve `a x = b` by Gaussian elimination with partial pivoting; `None` if singular.
fn solve(a: &mut [Vec<f64>], mut b: Vec<f64>) -> Option<Vec<f64>> {
    let k = b.len();
    for col in 0..k {
        let pivot = (col..k).max_by(|p, q| a[*p][col].abs().total_cmp(&a[*q][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..k {
            let f = a[row][col] / a[col][col];
            let (upper, lower) = a.split_at_mut(row);
            for (target, source) in lower[0][col..].iter_mut().zip(&upper[col][col..]) {
                *target -= f * source;
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = vec![0.0; k];
    for row in (0..k).rev() {
        let rest: f64 = (row + 1..k).map(|c| a[row][c] * x[c]).sum();
        x[row] = (b[row] - rest) / a[row][row];
    }
    Some(x)
}
