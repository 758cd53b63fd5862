//! Sibling groups admitted per month: a Poisson regression (log link) of the monthly
//! counts on a linear trend in years and, with at least two years of months, twelve
//! month-of-year effects that sum to zero, fitted by iteratively reweighted least squares.
//! Standard errors from the inverse Fisher information, widened by the Pearson dispersion
//! when the counts vary more than a Poisson count would (quasi-Poisson).

use super::optim::invert;
use serde::{Deserialize, Serialize};

/// One calendar month's count of groups.
#[derive(Clone, Copy, Debug)]
pub struct MonthCount {
    /// Years from the month's middle to the forecast start (negative: before it).
    pub years: f64,
    /// Calendar month, 0 = January.
    pub cal: usize,
    pub groups: f64,
}

/// The fitted admission rate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdmissionFit {
    /// Groups per month at the forecast start (with seasonality averaged out).
    pub groups_per_month: f64,
    pub groups_per_month_se: f64,
    /// Yearly growth (0.05 = +5% a year).
    pub trend_per_year: f64,
    pub trend_se: f64,
    /// Month-of-year multipliers, January first, mean 1; `None` with under 24 months or a
    /// calendar month with no admissions.
    pub seasonality: Option<[f64; 12]>,
    pub seasonality_se: Option<[f64; 12]>,
    /// Pearson dispersion (1 for Poisson counts; the standard errors are widened by its
    /// square root when above 1).
    pub dispersion: f64,
    pub months: usize,
    pub groups: f64,
}

/// Fits the counts: with seasonality when there are 24 months or more and every calendar
/// month has some admissions (a month with none would have no finite effect), otherwise
/// without. `None` with fewer than 6 months or no groups at all.
pub fn fit(counts: &[MonthCount]) -> Option<AdmissionFit> {
    let n = counts.len();
    let total: f64 = counts.iter().map(|c| c.groups).sum();
    if n < 6 || total <= 0.0 {
        return None;
    }
    let every_month = (0..12).all(|m| counts.iter().any(|c| c.cal == m && c.groups > 0.0));
    if n >= 24 && every_month {
        if let Some(f) = fit_with(counts, true) {
            return Some(f);
        }
    }
    fit_with(counts, false)
}

fn fit_with(counts: &[MonthCount], seasonal: bool) -> Option<AdmissionFit> {
    let n = counts.len();
    let total: f64 = counts.iter().map(|c| c.groups).sum();
    let p = if seasonal { 13 } else { 2 };
    let row = |c: &MonthCount| -> Vec<f64> {
        let mut x = vec![1.0, c.years];
        if seasonal {
            // Effect coding: December is minus the sum of the other eleven.
            for m in 0..11 {
                x.push(if c.cal == m {
                    1.0
                } else if c.cal == 11 {
                    -1.0
                } else {
                    0.0
                });
            }
        }
        x
    };
    let xs: Vec<Vec<f64>> = counts.iter().map(row).collect();
    let mut beta = vec![0.0; p];
    beta[0] = libm::log(total / n as f64);
    let mut info = vec![vec![0.0; p]; p];
    for _ in 0..50 {
        let mut score = vec![0.0; p];
        info = vec![vec![0.0; p]; p];
        for (x, c) in xs.iter().zip(counts) {
            let eta: f64 = x.iter().zip(&beta).map(|(a, b)| a * b).sum();
            let mu = libm::exp(eta.clamp(-50.0, 50.0));
            for i in 0..p {
                score[i] += x[i] * (c.groups - mu);
                for j in 0..p {
                    info[i][j] += mu * x[i] * x[j];
                }
            }
        }
        let inv = invert(&info)?;
        let step: Vec<f64> = (0..p)
            .map(|i| (0..p).map(|j| inv[i][j] * score[j]).sum())
            .collect();
        let size = step.iter().fold(0.0f64, |a, v| a.max(v.abs()));
        // Damped: at most 1 on the log scale per step (a month with no groups would
        // otherwise send a month's effect off at once).
        let damp = if size > 1.0 { 1.0 / size } else { 1.0 };
        for (b, s) in beta.iter_mut().zip(&step) {
            *b += damp * s;
        }
        if size < 1e-10 {
            break;
        }
    }
    if !beta.iter().all(|b| b.is_finite() && b.abs() < 20.0) {
        return None;
    }
    let mut pearson = 0.0;
    for (x, c) in xs.iter().zip(counts) {
        let mu = libm::exp(x.iter().zip(&beta).map(|(a, b)| a * b).sum::<f64>());
        pearson += (c.groups - mu).powi(2) / mu.max(1e-12);
    }
    let dispersion = if n > p { pearson / (n - p) as f64 } else { 1.0 };
    let cov: Vec<Vec<f64>> = invert(&info)?
        .into_iter()
        .map(|r| r.into_iter().map(|v| v * dispersion.max(1.0)).collect())
        .collect();
    let effects: [f64; 12] = std::array::from_fn(|m| {
        if !seasonal {
            0.0
        } else if m < 11 {
            beta[2 + m]
        } else {
            -beta[2..13].iter().sum::<f64>()
        }
    });
    let factors = effects.map(libm::exp);
    let mean_factor = factors.iter().sum::<f64>() / 12.0;
    // The rate at the forecast start, the trend carried to it (years = 0).
    let groups_per_month = libm::exp(beta[0]) * mean_factor;
    let groups_per_month_se = groups_per_month * cov[0][0].max(0.0).sqrt();
    let (seasonality, seasonality_se) = if seasonal {
        let values = factors.map(|f| f / mean_factor);
        let ses: [f64; 12] = std::array::from_fn(|m| {
            // Var of the effect: its own, or for December that of minus the sum.
            let v = if m < 11 {
                cov[2 + m][2 + m]
            } else {
                (2..13)
                    .map(|i| (2..13).map(|j| cov[i][j]).sum::<f64>())
                    .sum()
            };
            values[m] * v.max(0.0).sqrt()
        });
        (Some(values), Some(ses))
    } else {
        (None, None)
    };
    let growth = libm::exp(beta[1]);
    Some(AdmissionFit {
        groups_per_month,
        groups_per_month_se,
        trend_per_year: growth - 1.0,
        trend_se: growth * cov[1][1].max(0.0).sqrt(),
        seasonality,
        seasonality_se,
        dispersion,
        months: n,
        groups: total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_a_known_log_linear_rate() {
        // Exact expected counts: the fit must return the generating values.
        let counts: Vec<MonthCount> = (0..36)
            .map(|i| {
                let years = (i as f64 - 36.0) / 12.0;
                let cal = i % 12;
                let season = if cal < 6 { 1.2 } else { 0.8 };
                MonthCount {
                    years,
                    cal,
                    groups: 10.0 * 1.1f64.powf(years) * season,
                }
            })
            .collect();
        let f = fit(&counts).unwrap();
        assert!((f.trend_per_year - 0.1).abs() < 1e-6, "{f:?}");
        let s = f.seasonality.unwrap();
        // Geometric structure: factors 1.2 and 0.8 over their mean 1.0.
        assert!(
            (s[0] - 1.2).abs() < 1e-6 && (s[11] - 0.8).abs() < 1e-6,
            "{s:?}"
        );
        assert!((f.groups_per_month - 10.0).abs() < 1e-6);
        assert!(fit(&counts[..3]).is_none());
    }
}
