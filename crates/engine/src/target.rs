//! A workshop target on one monthly figure: "at most `threshold` at month `month`" (for
//! example at most 5 children without a suitable placement in March 2028), and how often
//! the simulated futures meet it, read from the aggregate's histogram of that figure at that
//! month (not from the report's percentiles, which would only bracket it).

use crate::aggregate::ScenarioAgg;
use crate::metrics::{self, Unit};

/// Why a target cannot be judged.
#[derive(Clone, Debug, PartialEq)]
pub enum TargetError {
    /// No metric has this key.
    UnknownMetric(String),
    /// The month is past the horizon (`horizon` months).
    MonthOutOfRange { month: usize, horizon: usize },
    /// The threshold is not a finite number.
    NotFinite,
    /// No run has finished yet.
    NoRuns,
}

impl std::fmt::Display for TargetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TargetError::UnknownMetric(k) => write!(f, "target: no figure is called \"{k}\""),
            TargetError::MonthOutOfRange { month, horizon } => write!(
                f,
                "target: month {} is after the end of the projection ({horizon} months)",
                month + 1
            ),
            TargetError::NotFinite => write!(f, "target: the threshold must be a number"),
            TargetError::NoRuns => write!(f, "target: no simulated future has finished yet"),
        }
    }
}

impl std::error::Error for TargetError {}

/// The share (0-1) of runs in which metric `key` is at most `threshold` (in the unit the
/// report shows: children, pounds, or a share 0-1) at month `month` (0 = the first month).
///
/// Whole-number figures in single-value bins (counts below ~128 apart) are exact; where the
/// histogram has widened its bins, the bin holding the threshold is split in proportion.
pub fn chance_at_most(
    agg: &ScenarioAgg,
    key: &str,
    month: usize,
    threshold: f64,
) -> Result<f64, TargetError> {
    let k = metrics::index_of(key).ok_or_else(|| TargetError::UnknownMetric(key.to_string()))?;
    if month >= agg.horizon {
        return Err(TargetError::MonthOutOfRange {
            month,
            horizon: agg.horizon,
        });
    }
    if !threshold.is_finite() {
        return Err(TargetError::NotFinite);
    }
    let h = agg.cell(month, k);
    if h.n == 0 {
        return Err(TargetError::NoRuns);
    }
    let unit = metrics::definitions()[k].unit;
    // The stored values are integers: the values at most t are those below floor(t) + 1.
    let raw = if unit == Unit::BasisPoints {
        threshold * 1e4
    } else {
        threshold
    };
    let limit = raw.floor() + 1.0;
    let width = (1i64 << h.shift) as f64;
    let mut at_most = 0.0;
    for (i, &c) in h.counts.iter().enumerate() {
        let start = ((h.lo + i as i64) << h.shift) as f64;
        // The bin holds the integers start..start+width, but none below min or above max.
        let lo = start.max(h.min as f64);
        let hi = (start + width).min(h.max as f64 + 1.0);
        if hi <= lo || c == 0 {
            continue;
        }
        let share = ((limit - lo) / (hi - lo)).clamp(0.0, 1.0);
        at_most += c as f64 * share;
    }
    Ok((at_most / h.n as f64).clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hist::Hist;

    /// An aggregate of `horizon` months with metric `k` at month `m` holding `values`.
    fn agg_with(k: usize, m: usize, values: &[i64]) -> ScenarioAgg {
        let mut a = crate::aggregate::Aggregate::new(1, 3, 1)
            .scenarios
            .remove(0);
        let mut h = Hist::default();
        for &v in values {
            h.add(v);
        }
        a.monthly[m * metrics::COUNT + k] = h;
        a
    }

    #[test]
    fn counts_the_runs_at_or_below_the_threshold() {
        let a = agg_with(metrics::NO_SUITABLE, 2, &[0, 3, 5, 5, 6, 9, 12, 20]);
        let key = &metrics::definitions()[metrics::NO_SUITABLE].key;
        assert_eq!(chance_at_most(&a, key, 2, 5.0), Ok(4.0 / 8.0));
        assert_eq!(chance_at_most(&a, key, 2, 5.9), Ok(4.0 / 8.0));
        assert_eq!(chance_at_most(&a, key, 2, -1.0), Ok(0.0));
        assert_eq!(chance_at_most(&a, key, 2, 20.0), Ok(1.0));
        assert_eq!(chance_at_most(&a, key, 1, 5.0), Err(TargetError::NoRuns));
    }

    #[test]
    fn wide_bins_are_split_in_proportion() {
        // Pounds spread over millions: the histogram widens its bins.
        let values: Vec<i64> = (0..1000).map(|i| i * 10_000).collect();
        let a = agg_with(0, 0, &values);
        let h = a.cell(0, 0);
        assert!(h.shift > 0, "bins widened");
        let key = &metrics::definitions()[0].key;
        let p = chance_at_most(&a, key, 0, 2_500_000.0).unwrap();
        assert!((p - 0.251).abs() < 0.01, "{p}");
    }

    #[test]
    fn bad_targets_are_named() {
        let a = agg_with(0, 0, &[1]);
        let key = &metrics::definitions()[0].key;
        assert_eq!(
            chance_at_most(&a, "nope", 0, 1.0),
            Err(TargetError::UnknownMetric("nope".into()))
        );
        assert_eq!(
            chance_at_most(&a, key, 3, 1.0),
            Err(TargetError::MonthOutOfRange {
                month: 3,
                horizon: 3
            })
        );
        assert_eq!(
            chance_at_most(&a, key, 0, f64::NAN),
            Err(TargetError::NotFinite)
        );
        assert!(TargetError::NotFinite.to_string().contains("threshold"));
    }
}
