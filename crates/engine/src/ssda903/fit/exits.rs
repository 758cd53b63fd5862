//! Exit routes and durations, fitted together by maximum likelihood with right-censoring,
//! in the model's own structure: a child entering care in age band `b` is planned to leave
//! by route `r` (return home, special guardianship, adoption) with probability `π[b][r]`
//! after a duration drawn from that route's distribution, or to stay until 18 (`π[b][3]`),
//! and any planned stay that would pass the 18th birthday ends at 18 instead.
//!
//! So a period that ended by route `r` after `t` contributes `π_r f_r(t)`; a child still
//! in care at the cut-off (censored), or who left as a young adult, contributes the chance
//! of not having left by any route by `t`, `π_18 + Σ π_r S_r(t)` (a plain average of
//! completed stays would be biased short); a period that ended for another or an unrecorded
//! reason before 17½ counts as an exit by an unknown route, `Σ π_r f_r(t)`. Durations are
//! counted in whole weeks over the first two years and in four-week steps after (exit
//! probabilities over the step; survival to its start).
//!
//! Periods already under way when the window opened are seen only because they lasted
//! that long: each enters conditional on still being in care then (left truncation),
//! its probability divided by `π_18 + Σ π_r S_r(a)` at its time in care `a` on that day.
//! Counting them as if followed from entry would over-weight long stays.
//!
//! The route probabilities are profiled out (for given durations the best `π` follows by
//! an EM iteration over the data cells, without new distribution values), and the
//! duration parameters found by Nelder-Mead; standard errors come from the observed
//! information (the finite-difference Hessian of the log-likelihood) by the delta method.

use super::optim::{hessian, invert, nelder_mead};
use crate::gamma::{ln_gamma, p_gamma};
use crate::scenario::DurationDist;
use crate::types::{AgeBand, DAYS_PER_MONTH};
use serde::{Deserialize, Serialize};

/// Days per grid step: a week over the first two years in care, four weeks after (the
/// data say nothing finer about long stays, and the grid is most of the fit's work).
const STEP_DAYS: f64 = 7.0;
const WEEKLY_STEPS: usize = 104;
const LONG_STEP_DAYS: f64 = 28.0;

/// The grid step holding day `days` of a stay.
fn step_of(days: f64) -> usize {
    let weekly = WEEKLY_STEPS as f64 * STEP_DAYS;
    let d = days.max(0.0);
    if d < weekly {
        (d / STEP_DAYS).floor() as usize
    } else {
        WEEKLY_STEPS + ((d - weekly) / LONG_STEP_DAYS).floor() as usize
    }
}

/// The first day of grid step `k`.
fn day_of(k: usize) -> f64 {
    if k <= WEEKLY_STEPS {
        k as f64 * STEP_DAYS
    } else {
        WEEKLY_STEPS as f64 * STEP_DAYS + (k - WEEKLY_STEPS) as f64 * LONG_STEP_DAYS
    }
}
/// Fewest periods in an entry-age band for its routes to be estimated.
pub const MIN_BAND_PERIODS: usize = 10;
/// Fewest observed exits by a route for its duration to be estimated.
pub const MIN_ROUTE_EXITS: usize = 5;

/// How one period of care is seen in the reference window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Left by return home (0), special guardianship or a child arrangements order (1) or
    /// adoption (2).
    Route(usize),
    /// Still in care at the cut-off, or left as a young adult (not left by any route yet).
    Survived,
    /// Left for another or an unrecorded reason before 17½: route unknown.
    Unknown,
}

/// One period: entry-age band, days from entry to exit or cut-off, the outcome, and the
/// days it had already lasted when the window opened (0 for a period that began in the
/// window; more for one already under way, which is seen only because it lasted that long:
/// its likelihood is conditional on that, "left truncation").
#[derive(Clone, Copy, Debug)]
pub struct ExitObs {
    pub band: usize,
    pub days: f64,
    pub outcome: Outcome,
    pub truncated_days: f64,
}

/// A duration family and its parameters on an unconstrained (log) scale, in days.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Family {
    Exponential,
    Gamma,
    Lognormal,
}

impl Family {
    fn params(self) -> usize {
        if self == Family::Exponential {
            1
        } else {
            2
        }
    }

    /// The family and log-parameters of a scenario's distribution; an empirical one is
    /// fitted as a gamma (from its mean, shape 1).
    fn of(d: &DurationDist) -> (Family, Vec<f64>) {
        let ln = |m: f64| libm::log((m * DAYS_PER_MONTH).max(1.0));
        match d {
            DurationDist::Exponential { mean_months } => {
                (Family::Exponential, vec![ln(*mean_months)])
            }
            DurationDist::Gamma { mean_months, shape } => {
                (Family::Gamma, vec![ln(*mean_months), libm::log(*shape)])
            }
            DurationDist::Lognormal {
                median_months,
                sigma,
            } => (
                Family::Lognormal,
                vec![ln(*median_months), libm::log(*sigma)],
            ),
            DurationDist::Empirical { .. } => {
                let mean = crate::dist::Duration::compile(d).mean() / DAYS_PER_MONTH;
                (Family::Gamma, vec![ln(mean), 0.0])
            }
        }
    }

    fn dist(self, p: &[f64]) -> DurationDist {
        let months = |v: f64| libm::exp(v) / DAYS_PER_MONTH;
        match self {
            Family::Exponential => DurationDist::Exponential {
                mean_months: months(p[0]),
            },
            Family::Gamma => DurationDist::Gamma {
                mean_months: months(p[0]),
                shape: libm::exp(p[1]),
            },
            Family::Lognormal => DurationDist::Lognormal {
                median_months: months(p[0]),
                sigma: libm::exp(p[1]),
            },
        }
    }

    fn cdf(self, p: &[f64], days: f64, lg: f64) -> f64 {
        if days <= 0.0 {
            return 0.0;
        }
        match self {
            Family::Exponential => 1.0 - libm::exp(-days / libm::exp(p[0])),
            Family::Gamma => {
                let shape = libm::exp(p[1]);
                let scale = libm::exp(p[0]) / shape;
                p_gamma(shape, days / scale, lg)
            }
            Family::Lognormal => {
                let z = (libm::log(days) - p[0]) / libm::exp(p[1]);
                0.5 * libm::erfc(-z / core::f64::consts::SQRT_2)
            }
        }
    }

    /// The CDF at the starts of grid steps 0..=k_max, or `None` for parameters out of the scenario's range.
    fn grid(self, p: &[f64], k_max: usize) -> Option<Vec<f64>> {
        let ok = p.iter().all(|v| v.is_finite())
            && (0.0..=libm::log(240.0 * DAYS_PER_MONTH)).contains(&p[0])
            && match self {
                Family::Exponential => true,
                Family::Gamma => (libm::log(0.05)..=libm::log(100.0)).contains(&p[1]),
                Family::Lognormal => (libm::log(0.01)..=libm::log(3.0)).contains(&p[1]),
            };
        if !ok {
            return None;
        }
        let lg = if self == Family::Gamma {
            ln_gamma(libm::exp(p[1]))
        } else {
            0.0
        };
        Some((0..=k_max).map(|k| self.cdf(p, day_of(k), lg)).collect())
    }
}

/// The fitted exits, with what they rest on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExitFit {
    pub route_by_entry_age: [[f64; 4]; 5],
    /// Standard error of each route probability (`None`: not estimated), at least that of
    /// an uncensored sample of the band's size (Agresti-Coull).
    pub route_se: [[Option<f64>; 4]; 5],
    /// Periods in each entry-age band, and whether the band's routes were estimated.
    pub band_periods: [usize; 5],
    pub band_fitted: [bool; 5],
    /// Return home, special guardianship, adoption.
    pub durations: [DurationDist; 3],
    pub duration_fitted: [bool; 3],
    /// Standard errors of each duration's parameters, in the order the scenario names them
    /// (mean or median in months, then shape or sigma).
    pub duration_se: [Vec<Option<f64>>; 3],
    /// Observed exits by each of the three routes.
    pub route_exits: [usize; 3],
    pub censored_or_adult: usize,
    pub unknown_route: usize,
    pub periods: usize,
    /// Periods already under way when the window opened (left-truncated).
    #[serde(default)]
    pub left_truncated: usize,
}

/// One data cell: periods with the same entry-age band, outcome, grid step of exit (or of
/// the cut-off) and step of the window's start (0 for periods that began in the window).
#[derive(Clone, Copy, Debug)]
struct Cell {
    band: usize,
    outcome: Outcome,
    week: usize,
    truncated: usize,
    n: f64,
}

/// Data cells: counts by band, outcome, step and truncation step.
struct Cells {
    cells: Vec<Cell>,
    k_max: usize,
}

impl Cells {
    fn new(obs: &[ExitObs]) -> Cells {
        let mut map: std::collections::BTreeMap<(usize, u8, usize, usize), f64> =
            Default::default();
        let mut k_max = 1;
        for o in obs {
            let k = step_of(o.days);
            // Seen from the start of the step the window opens in (never after the exit).
            let j = step_of(o.truncated_days).min(k);
            k_max = k_max.max(k + 1);
            let code = match o.outcome {
                Outcome::Route(r) => r as u8,
                Outcome::Survived => 3,
                Outcome::Unknown => 4,
            };
            *map.entry((o.band.min(4), code, k, j)).or_default() += 1.0;
        }
        let cells = map
            .into_iter()
            .map(|((band, code, week, truncated), n)| {
                let outcome = match code {
                    0..=2 => Outcome::Route(code as usize),
                    3 => Outcome::Survived,
                    _ => Outcome::Unknown,
                };
                Cell {
                    band,
                    outcome,
                    week,
                    truncated,
                    n,
                }
            })
            .collect();
        Cells { cells, k_max }
    }

    /// Each cell's distribution values at `grids`, for [`Cells::profile_pi`] and
    /// [`Cells::log_lik`] (which then only multiply them by route probabilities).
    fn terms(&self, grids: &[Vec<f64>; 3]) -> Vec<CellTerms> {
        let at = |r: usize, k: usize| {
            let g = &grids[r];
            g[k.min(g.len() - 1)]
        };
        self.cells
            .iter()
            .map(|c| {
                let k = c.week;
                let mut exit = [0.0; 3];
                for (r, e) in exit.iter_mut().enumerate() {
                    let (f0, f1) = (at(r, k), at(r, k + 1));
                    *e = match c.outcome {
                        Outcome::Route(x) if x == r => (f1 - f0).max(0.0),
                        Outcome::Route(_) => 0.0,
                        Outcome::Survived => (1.0 - f0).max(0.0),
                        Outcome::Unknown => (f1 - f0).max(0.0),
                    };
                }
                let j = c.truncated;
                CellTerms {
                    band: c.band,
                    outcome: c.outcome,
                    n: c.n,
                    exit,
                    truncated: j > 0,
                    still: [0, 1, 2].map(|r| (1.0 - at(r, j)).max(0.0)),
                    gone: [0, 1, 2].map(|r| at(r, j)),
                }
            })
            .collect()
    }

    /// The log-likelihood; a left-truncated cell's probability is conditional on being in
    /// care when the window opened.
    fn log_lik(pi: &[[f64; 4]; 5], terms: &[CellTerms]) -> f64 {
        terms.iter().map(|t| t.log_lik(&pi[t.band])).sum()
    }

    /// The best route probabilities of the fitted bands for given durations (EM from `pi`).
    /// A left-truncated period stands for itself and for the periods like it that ended
    /// before the window opened and so were never seen (on average (1 - T) / T of them,
    /// where T is the chance of still being in care then), which left by route `r` with
    /// probability `π_r F_r(j) / (1 - T)`: the usual EM for truncated data.
    fn profile_pi(pi: &mut [[f64; 4]; 5], fitted: &[bool; 5], terms: &[CellTerms]) {
        let mut last = f64::NEG_INFINITY;
        for _ in 0..500 {
            let mut acc = [[0.0f64; 4]; 5];
            let mut ll = 0.0;
            for c in terms {
                let p = &pi[c.band];
                let w = c.weights(p);
                let s: f64 = w.iter().sum();
                let a = &mut acc[c.band];
                if s > 0.0 {
                    ll += c.n * libm::log(s);
                    // A zero weight adds nothing: only the cell's own route, for an exit.
                    match c.outcome {
                        Outcome::Route(x) => a[x] += c.n * w[x] / s,
                        _ => {
                            for r in 0..4 {
                                a[r] += c.n * w[r] / s;
                            }
                        }
                    }
                }
                if c.truncated {
                    let seen = c.seen(p);
                    if seen > 0.0 {
                        ll -= c.n * libm::log(seen);
                        for r in 0..3 {
                            a[r] += c.n * p[r] * c.gone[r] / seen;
                        }
                    }
                }
            }
            for b in 0..5 {
                let total: f64 = acc[b].iter().sum();
                if fitted[b] && total > 0.0 {
                    pi[b] = acc[b].map(|v| v / total);
                }
            }
            if (ll - last).abs() < 1e-9 * (1.0 + ll.abs()) {
                break;
            }
            last = ll;
        }
    }
}

/// One data cell with its distribution values at given durations: for each route the
/// chance of the cell's outcome given that route (exit in its step, or still in care at
/// its start), and for a left-truncated cell the chance of still being in care, and of
/// having left, at the step the window opened in.
#[derive(Clone, Copy, Debug)]
struct CellTerms {
    band: usize,
    outcome: Outcome,
    n: f64,
    exit: [f64; 3],
    truncated: bool,
    still: [f64; 3],
    gone: [f64; 3],
}

impl CellTerms {
    /// Probabilities of each route (0-2) and of staying (3), unnormalised (and not yet
    /// divided by the chance of being seen, for a left-truncated cell).
    fn weights(&self, pi: &[f64; 4]) -> [f64; 4] {
        let e = &self.exit;
        match self.outcome {
            Outcome::Route(x) => {
                let mut w = [0.0; 4];
                w[x] = pi[x] * e[x];
                w
            }
            Outcome::Survived => [pi[0] * e[0], pi[1] * e[1], pi[2] * e[2], pi[3]],
            Outcome::Unknown => [pi[0] * e[0], pi[1] * e[1], pi[2] * e[2], 0.0],
        }
    }

    /// The chance of still being in care when the window opened: the probability a
    /// left-truncated period is seen at all (1 for one that began in the window).
    fn seen(&self, pi: &[f64; 4]) -> f64 {
        if !self.truncated {
            return 1.0;
        }
        let mut t = pi[3];
        for (p, still) in pi.iter().zip(&self.still) {
            t += p * still;
        }
        t
    }

    fn log_lik(&self, pi: &[f64; 4]) -> f64 {
        let s: f64 = self.weights(pi).iter().sum();
        let seen = self.seen(pi);
        self.n * (libm::log(s.max(1e-300)) - libm::log(seen.max(1e-300)))
    }
}

/// The CDF grids of the three routes at given duration parameters, recomputing only the
/// routes whose parameters changed since the last call (the optimiser and the Hessian
/// often move one route at a time).
struct Grids<'a> {
    fams: &'a [(Family, Vec<f64>)],
    free: &'a [usize],
    k_max: usize,
    keys: [Option<Vec<f64>>; 3],
    grids: [Vec<f64>; 3],
}

impl<'a> Grids<'a> {
    fn new(fams: &'a [(Family, Vec<f64>)], free: &'a [usize], k_max: usize) -> Grids<'a> {
        let grids = [0, 1, 2].map(|r| {
            let (f, p) = &fams[r];
            f.grid(p, k_max).unwrap_or_else(|| vec![0.0; k_max + 1])
        });
        Grids {
            fams,
            free,
            k_max,
            keys: [None, None, None],
            grids,
        }
    }

    /// The grids at the free routes' parameters `x`, or `None` out of range.
    fn at(&mut self, x: &[f64]) -> Option<&[Vec<f64>; 3]> {
        let mut at = 0;
        for &r in self.free {
            let (fam, _) = &self.fams[r];
            let n = fam.params();
            let p = &x[at..at + n];
            at += n;
            if self.keys[r].as_deref() != Some(p) {
                self.keys[r] = None;
                self.grids[r] = fam.grid(p, self.k_max)?;
                self.keys[r] = Some(p.to_vec());
            }
        }
        Some(&self.grids)
    }
}

/// The Hessian's centre: its duration parameters, route probabilities, cells and each
/// cell's log-likelihood there.
struct Centre {
    durations: Vec<f64>,
    pi: [[f64; 4]; 5],
    terms: Vec<CellTerms>,
    per_cell: Vec<f64>,
}

/// Log-probabilities relative to route `reference` (clamped away from 0).
fn logits(p: &[f64; 4], reference: usize) -> [f64; 4] {
    let base = p[reference].max(1e-9);
    [0, 1, 2, 3].map(|r| libm::log(p[r].max(1e-9) / base))
}

fn softmax(l: &[f64; 4]) -> [f64; 4] {
    let m = l.iter().fold(f64::NEG_INFINITY, |a, v| a.max(*v));
    let e = l.map(|v| libm::exp(v - m));
    let s: f64 = e.iter().sum();
    e.map(|v| v / s)
}

/// Fits exit routes and durations from `obs`, starting from (and keeping, where the data
/// are too few) the scenario's `routes` and `durations`.
pub fn fit(obs: &[ExitObs], routes: &[[f64; 4]; 5], durations: &[DurationDist; 3]) -> ExitFit {
    let cells = Cells::new(obs);
    let mut band_periods = [0usize; 5];
    let mut route_exits = [0usize; 3];
    let (mut survived, mut unknown) = (0, 0);
    for o in obs {
        band_periods[o.band.min(4)] += 1;
        match o.outcome {
            Outcome::Route(r) => route_exits[r.min(2)] += 1,
            Outcome::Survived => survived += 1,
            Outcome::Unknown => unknown += 1,
        }
    }
    let band_fitted = band_periods.map(|n| n >= MIN_BAND_PERIODS);
    let duration_fitted = route_exits.map(|n| n >= MIN_ROUTE_EXITS);
    let fams: Vec<(Family, Vec<f64>)> = durations.iter().map(Family::of).collect();
    let free: Vec<usize> = (0..3).filter(|r| duration_fitted[*r]).collect();
    let k_max = cells.k_max + 1;
    let start: Vec<f64> = free.iter().flat_map(|&r| fams[r].1.clone()).collect();
    let mut pi = *routes;
    // Profile likelihood over the duration parameters.
    let mut best_pi = pi;
    let mut grids = Grids::new(&fams, &free, k_max);
    let mut objective = |x: &[f64]| -> f64 {
        let Some(g) = grids.at(x) else {
            return f64::INFINITY;
        };
        let terms = cells.terms(g);
        let mut p = best_pi;
        Cells::profile_pi(&mut p, &band_fitted, &terms);
        let ll = Cells::log_lik(&p, &terms);
        best_pi = p;
        -ll
    };
    let mut x = start.clone();
    if !x.is_empty() {
        for step in [0.3, 0.05] {
            let (bx, _) = nelder_mead(&mut objective, &x, step, 400 * x.len(), 1e-9);
            x = bx;
        }
    }
    let mut at_x = Grids::new(&fams, &free, k_max);
    let grids: [Vec<f64>; 3] = match at_x.at(&x) {
        Some(g) => g.clone(),
        None => Grids::new(&fams, &[], k_max).grids,
    };
    Cells::profile_pi(&mut pi, &band_fitted, &cells.terms(&grids));

    // Standard errors from the observed information over (the free logits of fitted
    // bands, against each band's likeliest route; the duration parameters). A route with
    // (almost) no probability has no logit: its probability is not identifiable.
    let mut free_logits: Vec<(usize, usize)> = Vec::new();
    let mut base_logits = [[0.0; 4]; 5];
    for b in (0..5).filter(|b| band_fitted[*b]) {
        let reference = (0..4)
            .max_by(|&i, &j| pi[b][i].total_cmp(&pi[b][j]))
            .unwrap_or(3);
        base_logits[b] = logits(&pi[b], reference);
        free_logits.extend(
            (0..4)
                .filter(|&r| r != reference && pi[b][r] > 1e-4)
                .map(|r| (b, r)),
        );
    }
    let n_logits = free_logits.len();
    let mut theta: Vec<f64> = free_logits
        .iter()
        .map(|&(b, r)| base_logits[b][r])
        .collect();
    theta.extend_from_slice(&x);
    let probabilities = |t: &[f64]| -> [[f64; 4]; 5] {
        let mut l = base_logits;
        for (i, &(b, r)) in free_logits.iter().enumerate() {
            l[b][r] = t[i];
        }
        let mut p = pi;
        for b in (0..5).filter(|b| band_fitted[*b]) {
            p[b] = softmax(&l[b]);
        }
        p
    };
    let mut cache = Grids::new(&fams, &free, k_max);
    // Most of the Hessian's points move one or two bands' logits and no duration: each
    // cell's term at the centre is kept, and only the moved bands' cells are computed
    // again (the sum taken in the same order, so the same number).
    let mut centre: Option<Centre> = None;
    let mut neg_ll = |t: &[f64]| -> f64 {
        let durations = &t[n_logits..];
        let p = probabilities(t);
        if let Some(Centre {
            durations: d0,
            pi: p0,
            terms,
            per_cell: ll0,
        }) = &centre
        {
            if d0.as_slice() == durations {
                let moved: [bool; 5] =
                    std::array::from_fn(|b| p[b].map(f64::to_bits) != p0[b].map(f64::to_bits));
                let ll: f64 = terms
                    .iter()
                    .zip(ll0)
                    .map(|(c, &l)| {
                        if moved[c.band] {
                            c.log_lik(&p[c.band])
                        } else {
                            l
                        }
                    })
                    .sum();
                return -ll;
            }
        }
        let Some(g) = cache.at(durations) else {
            return f64::INFINITY;
        };
        let terms = cells.terms(g);
        let per_cell: Vec<f64> = terms.iter().map(|c| c.log_lik(&p[c.band])).collect();
        let ll: f64 = per_cell.iter().copied().sum();
        if centre.is_none() {
            centre = Some(Centre {
                durations: durations.to_vec(),
                pi: p,
                terms,
                per_cell,
            });
        }
        -ll
    };
    let cov = invert(&hessian(&mut neg_ll, &theta, 1e-4));
    let var = |i: usize| -> Option<f64> {
        let v = cov.as_ref()?[i][i];
        (v.is_finite() && v > 0.0).then_some(v)
    };
    let mut route_se = [[None; 4]; 5];
    if let Some(cov) = &cov {
        for b in (0..5).filter(|b| band_fitted[*b]) {
            let p = pi[b];
            let mine: Vec<(usize, usize)> = free_logits
                .iter()
                .enumerate()
                .filter(|(_, (fb, _))| *fb == b)
                .map(|(i, (_, r))| (i, *r))
                .collect();
            for (r, se) in route_se[b].iter_mut().enumerate() {
                // d p_r / d l_j = p_r (δ_rj - p_j) for each free logit j.
                let grad: Vec<f64> = mine
                    .iter()
                    .map(|&(_, j)| p[r] * (f64::from(u8::from(r == j)) - p[j]))
                    .collect();
                let mut v = 0.0;
                for (a, &(i, _)) in mine.iter().enumerate() {
                    for (c, &(k, _)) in mine.iter().enumerate() {
                        v += grad[a] * cov[i][k] * grad[c];
                    }
                }
                *se = (v.is_finite() && v >= 0.0 && p[r] > 1e-4).then(|| v.sqrt());
            }
        }
    }
    // Near 0 or 1 the observed information understates the uncertainty (and a route with
    // no probability has no logit): no standard error below that of an uncensored sample
    // of the same size with the Agresti-Coull adjustment, (k + 2) / (n + 4).
    for b in (0..5).filter(|b| band_fitted[*b]) {
        let n = band_periods[b] as f64;
        for r in 0..4 {
            let adjusted = (pi[b][r] * n + 2.0) / (n + 4.0);
            let floor = (adjusted * (1.0 - adjusted) / (n + 4.0)).sqrt();
            route_se[b][r] = Some(route_se[b][r].map_or(floor, |s: f64| s.max(floor)));
        }
    }
    let mut fitted_durations = durations.clone();
    let mut duration_se: [Vec<Option<f64>>; 3] = Default::default();
    let mut at = 0;
    for &r in &free {
        let (fam, _) = fams[r];
        let n = fam.params();
        let p = &x[at..at + n];
        fitted_durations[r] = fam.dist(p);
        // Each parameter is exp(θ): its standard error is value × SE(θ).
        duration_se[r] = (0..n)
            .map(|i| {
                let value = if i == 0 {
                    libm::exp(p[0]) / DAYS_PER_MONTH
                } else {
                    libm::exp(p[i])
                };
                var(n_logits + at + i).map(|v| value * v.sqrt())
            })
            .collect();
        at += n;
    }
    ExitFit {
        route_by_entry_age: pi,
        route_se,
        band_periods,
        band_fitted,
        durations: fitted_durations,
        duration_fitted,
        duration_se,
        route_exits,
        censored_or_adult: survived,
        unknown_route: unknown,
        periods: obs.len(),
        left_truncated: obs.iter().filter(|o| o.truncated_days > 0.0).count(),
    }
}

/// The entry-age band index of an age in years.
pub fn band_of(age_years: f64) -> usize {
    AgeBand::of_age(age_years).index()
}
