//! Duration distributions compiled from the scenario into samplers (days): a draw, the
//! survival function, and a draw conditional on lasting beyond a time already spent (for
//! children already in care at the start).

use std::sync::Arc;

use crate::gamma::{ln_gamma, q_gamma, GammaTable};
use crate::rng::Stream;
use crate::scenario::DurationDist;
use crate::types::DAYS_PER_MONTH;

/// A duration sampler in days.
#[derive(Clone, Debug)]
pub enum Duration {
    Exponential {
        mean: f64,
    },
    /// Drawn by inversion from a table of the shape's quantiles (see `gamma`).
    Gamma {
        shape: f64,
        scale: f64,
        /// `ln Γ(shape)`, for the survival function.
        ln_gamma: f64,
        table: Arc<GammaTable>,
    },
    Lognormal {
        mu: f64,
        sigma: f64,
    },
    /// Piecewise-linear inverse CDF: (cumulative probability, days).
    Empirical {
        points: Vec<(f64, f64)>,
    },
}

impl Duration {
    pub fn compile(d: &DurationDist) -> Duration {
        match d {
            DurationDist::Exponential { mean_months } => Duration::Exponential {
                mean: mean_months * DAYS_PER_MONTH,
            },
            DurationDist::Gamma { mean_months, shape } => Duration::Gamma {
                shape: *shape,
                scale: mean_months * DAYS_PER_MONTH / shape,
                ln_gamma: ln_gamma(*shape),
                table: GammaTable::shared(*shape),
            },
            DurationDist::Lognormal {
                median_months,
                sigma,
            } => Duration::Lognormal {
                mu: libm::log(median_months * DAYS_PER_MONTH),
                sigma: *sigma,
            },
            DurationDist::Empirical { points } => {
                let mut pts: Vec<(f64, f64)> = points
                    .iter()
                    .map(|(m, p)| (*p, m * DAYS_PER_MONTH))
                    .collect();
                if pts[0].0 > 0.0 {
                    pts.insert(0, (0.0, 0.0));
                }
                Duration::Empirical { points: pts }
            }
        }
    }

    /// Mean in days (used by tests and the catalogue).
    pub fn mean(&self) -> f64 {
        match self {
            Duration::Exponential { mean } => *mean,
            Duration::Gamma { shape, scale, .. } => shape * scale,
            Duration::Lognormal { mu, sigma } => libm::exp(mu + sigma * sigma / 2.0),
            Duration::Empirical { points } => points
                .windows(2)
                .map(|w| (w[1].0 - w[0].0) * (w[0].1 + w[1].1) / 2.0)
                .sum(),
        }
    }

    /// The probability that a duration lasts longer than `x` days.
    pub fn survival(&self, x: f64) -> f64 {
        if x <= 0.0 {
            return 1.0;
        }
        match self {
            Duration::Exponential { mean } => libm::exp(-x / mean),
            Duration::Gamma {
                shape,
                scale,
                ln_gamma,
                ..
            } => q_gamma(*shape, x / scale, *ln_gamma),
            Duration::Lognormal { mu, sigma } => {
                0.5 * libm::erfc((libm::log(x) - mu) / (sigma * core::f64::consts::SQRT_2))
            }
            Duration::Empirical { points } => 1.0 - empirical_cdf(points, x),
        }
    }

    /// A duration drawn conditionally on lasting longer than `x` days, by inversion from
    /// the survival at `x` (the exponential forgets: `x` plus a fresh draw). Gamma draws use
    /// the same quantile table as `sample`, so they carry its accuracy (0.1%).
    pub fn sample_beyond(&self, x: f64, rng: &mut Stream) -> f64 {
        if x <= 0.0 {
            return self.sample(rng);
        }
        let d = match self {
            Duration::Exponential { mean } => return x + rng.exponential(*mean),
            Duration::Gamma { scale, table, .. } => {
                let s = self.survival(x);
                scale * table.quantile(1.0 - s * rng.uniform_open0())
            }
            Duration::Lognormal { mu, sigma } => {
                let s = self.survival(x);
                // The upper tail's probability s·v, v in (0, 1], as a normal quantile.
                let z = -normal_quantile(s * rng.uniform_open0());
                libm::exp(mu + sigma * z)
            }
            Duration::Empirical { points } => {
                let f = empirical_cdf(points, x);
                empirical_quantile(points, f + (1.0 - f) * rng.uniform())
            }
        };
        // Rounding at the far end of a table cannot make it shorter than the time spent.
        d.max(x)
    }

    /// A duration drawn from the distribution (inlined: drawn for every child admitted).
    #[inline]
    pub fn sample(&self, rng: &mut Stream) -> f64 {
        match self {
            Duration::Exponential { mean } => rng.exponential(*mean),
            Duration::Gamma { scale, table, .. } => scale * table.quantile(rng.uniform()),
            Duration::Lognormal { mu, sigma } => libm::exp(mu + sigma * rng.normal()),
            Duration::Empirical { points } => empirical_quantile(points, rng.uniform()),
        }
    }
}

/// The piecewise-linear inverse CDF of `(cumulative probability, days)` points at `u`.
fn empirical_quantile(points: &[(f64, f64)], u: f64) -> f64 {
    for w in points.windows(2) {
        if u < w[1].0 {
            let span = w[1].0 - w[0].0;
            let f = if span > 0.0 { (u - w[0].0) / span } else { 0.0 };
            return w[0].1 + f * (w[1].1 - w[0].1);
        }
    }
    points[points.len() - 1].1
}

/// The CDF at `x` days of the same points (the inverse of `empirical_quantile`).
fn empirical_cdf(points: &[(f64, f64)], x: f64) -> f64 {
    for w in points.windows(2) {
        if x < w[1].1 {
            let span = w[1].1 - w[0].1;
            let f = if span > 0.0 { (x - w[0].1) / span } else { 1.0 };
            return w[0].0 + f.clamp(0.0, 1.0) * (w[1].0 - w[0].0);
        }
    }
    1.0
}

/// The standard normal quantile at `p` in (0, 1): Acklam's rational approximation
/// (relative error 1.2e-9) refined by one Halley step on `erfc` (to ~1e-15).
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let p = p.clamp(1e-300, 1.0 - 1e-16);
    let tail = |q: f64| {
        let t = libm::sqrt(-2.0 * libm::log(q));
        (((((C[0] * t + C[1]) * t + C[2]) * t + C[3]) * t + C[4]) * t + C[5])
            / ((((D[0] * t + D[1]) * t + D[2]) * t + D[3]) * t + 1.0)
    };
    let x = if p < 0.024_25 {
        tail(p)
    } else if p > 1.0 - 0.024_25 {
        -tail(1.0 - p)
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    };
    // One Halley step: e = Φ(x) - p.
    let e = 0.5 * libm::erfc(-x / core::f64::consts::SQRT_2) - p;
    let u = e * libm::sqrt(2.0 * core::f64::consts::PI) * libm::exp(x * x / 2.0);
    x - u / (1.0 + x * u / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Process;

    /// Draws beyond a time already spent follow the distribution conditioned on lasting
    /// that long: the share still going at later times is the survival ratio.
    #[test]
    fn draws_beyond_a_time_follow_the_conditional_distribution() {
        let mut rng = Stream::new(12, 4, Process::Exits);
        let families = [
            DurationDist::Exponential { mean_months: 10.0 },
            DurationDist::Gamma {
                mean_months: 14.0,
                shape: 1.2,
            },
            DurationDist::Lognormal {
                median_months: 9.0,
                sigma: 1.1,
            },
            DurationDist::Empirical {
                points: vec![(3.0, 0.2), (12.0, 0.7), (40.0, 1.0)],
            },
        ];
        for family in &families {
            let d = Duration::compile(family);
            // Survival by its own draws, at the start.
            let n = 200_000;
            for x in [0.0, 100.0, 400.0, 900.0] {
                let (y, s_x) = (x + 200.0, d.survival(x));
                if s_x < 1e-3 {
                    continue;
                }
                let want = d.survival(y) / s_x;
                let mut past = 0;
                for _ in 0..n {
                    let v = d.sample_beyond(x, &mut rng);
                    assert!(v >= x, "{family:?}: {v} drawn beyond {x}");
                    past += (v > y) as usize;
                }
                let got = past as f64 / n as f64;
                let se = (want * (1.0 - want) / n as f64).sqrt();
                assert!(
                    (got - want).abs() < 5.0 * se + 2e-3,
                    "{family:?} beyond {x}: {got} past {y} against {want}"
                );
            }
            // The survival function agrees with plain draws.
            let past = (0..n).filter(|_| d.sample(&mut rng) > 300.0).count();
            let got = past as f64 / n as f64;
            assert!((got - d.survival(300.0)).abs() < 0.005, "{family:?}: {got}");
        }
    }

    #[test]
    fn normal_quantile_inverts_the_cdf() {
        for p in [1e-12, 1e-5, 0.01, 0.1, 0.3, 0.5, 0.77, 0.99, 1.0 - 1e-9] {
            let x = normal_quantile(p);
            let back = 0.5 * libm::erfc(-x / core::f64::consts::SQRT_2);
            assert!((back / p - 1.0).abs() < 1e-9, "p {p}: x {x}, back {back}");
        }
    }

    /// Gamma durations drawn from the quantile table have the distribution's mean and
    /// variance (shape × scale and shape × scale²).
    #[test]
    fn gamma_draws_have_the_distributions_moments() {
        let mut rng = Stream::new(11, 3, Process::Exits);
        for (mean_months, shape) in [(14.0, 1.2), (24.0, 3.0), (6.0, 0.4)] {
            let d = Duration::compile(&DurationDist::Gamma { mean_months, shape });
            let n = 400_000;
            let (mut sum, mut sq) = (0.0, 0.0);
            for _ in 0..n {
                let x = d.sample(&mut rng);
                sum += x;
                sq += x * x;
            }
            let mean = sum / n as f64;
            let var = sq / n as f64 - mean * mean;
            let scale = mean_months * DAYS_PER_MONTH / shape;
            assert!(
                (mean / d.mean() - 1.0).abs() < 0.01,
                "shape {shape}: mean {mean}"
            );
            let want = shape * scale * scale;
            assert!(
                (var / want - 1.0).abs() < 0.03,
                "shape {shape}: variance {var} against {want}"
            );
        }
    }
}
