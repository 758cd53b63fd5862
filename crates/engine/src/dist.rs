//! Duration distributions compiled from the scenario into samplers (days).

use std::sync::Arc;

use crate::gamma::GammaTable;
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

    pub fn sample(&self, rng: &mut Stream) -> f64 {
        match self {
            Duration::Exponential { mean } => rng.exponential(*mean),
            Duration::Gamma { scale, table, .. } => scale * table.quantile(rng.uniform()),
            Duration::Lognormal { mu, sigma } => libm::exp(mu + sigma * rng.normal()),
            Duration::Empirical { points } => {
                let u = rng.uniform();
                for w in points.windows(2) {
                    if u < w[1].0 {
                        let span = w[1].0 - w[0].0;
                        let f = if span > 0.0 { (u - w[0].0) / span } else { 0.0 };
                        return w[0].1 + f * (w[1].1 - w[0].1);
                    }
                }
                points[points.len() - 1].1
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Process;

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
