//! The model's track record for a borough: a projection made as at a date inside the data
//! (fitted only on what came before it) set against what the returns show afterwards.
//! One row per month and metric (`month, metric, observed, p10, p50, p90`, metric keys
//! as in a run's CSV), the share of months in which the observed value lies inside the
//! 10-90% band, the error of the median after 12 and 24 months, and a verdict in words.
//! Pure: the observed months and a run's report in, the comparison out.

use super::codes::PlacementKind;
use super::summary::Month;
use crate::report::ScenarioReport;
use crate::types::{AgeBand, PlacementType};
use serde::{Deserialize, Serialize};

/// One month of one metric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HindcastRow {
    /// `YYYY-MM`.
    pub month: String,
    pub metric: String,
    pub observed: f64,
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// The median's error after some months: forecast minus observed, and as a share of the
/// observed value (`None` when it is 0).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MedianError {
    pub after_months: usize,
    pub observed: f64,
    pub median: f64,
    pub error: f64,
    pub relative_error: Option<f64>,
}

/// How one metric fared.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    pub metric: String,
    pub months: usize,
    /// Months with the observed value inside the 10-90% band (ends included).
    pub inside: usize,
    pub share_inside: f64,
    pub after_12: Option<MedianError>,
    pub after_24: Option<MedianError>,
}

/// The whole comparison.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hindcast {
    pub as_at: String,
    pub rows: Vec<HindcastRow>,
    pub coverage: Vec<Coverage>,
    /// In words, from children in care.
    pub verdict: String,
}

/// The observed value of `metric` in month `m`, for the metrics a hindcast compares.
fn observed(m: &Month, metric: &str) -> Option<f64> {
    let s = &m.end;
    let v = match metric {
        "in_care" => s.in_care,
        "admissions" => m.admissions,
        "exits" => m.exits,
        _ => {
            if let Some(key) = metric.strip_prefix("in_care.") {
                let t = PlacementType::ALL.into_iter().find(|t| t.key() == key)?;
                // Settings the model has no type for start as emergency / other.
                let other = if t == PlacementType::Emergency {
                    s.placement(PlacementKind::Other)
                } else {
                    0
                };
                s.placement_type(t) + other
            } else if let Some(key) = metric.strip_prefix("in_care_age.") {
                let b = AgeBand::ALL.into_iter().find(|b| b.key() == key)?;
                s.age_band(b)
            } else {
                return None;
            }
        }
    };
    Some(v as f64)
}

/// The metrics compared: children in care, by placement type and age band, admissions
/// and exits.
pub fn metrics() -> Vec<String> {
    let mut v = vec!["in_care".to_string()];
    v.extend(PlacementType::ALL.map(|t| format!("in_care.{}", t.key())));
    v.extend(AgeBand::ALL.map(|b| format!("in_care_age.{}", b.key())));
    v.push("admissions".into());
    v.push("exits".into());
    v
}

/// Compares `report` (a run starting the month after `as_at`) with the observed `months`
/// from that month on (as many as both have).
pub fn compare(as_at: &str, months: &[Month], report: &ScenarioReport) -> Hindcast {
    let mut rows = Vec::new();
    let mut coverage = Vec::new();
    for key in metrics() {
        let Some(series) = report.metrics.iter().find(|m| m.key == key) else {
            continue;
        };
        let mut inside = 0;
        let mut n = 0;
        let mut errors = [None, None];
        for (k, (m, stat)) in months.iter().zip(&series.months).enumerate() {
            let Some(obs) = observed(m, &key) else {
                continue;
            };
            n += 1;
            if obs >= stat.p10 && obs <= stat.p90 {
                inside += 1;
            }
            for (slot, after) in [(0, 12), (1, 24)] {
                if k + 1 == after {
                    errors[slot] = Some(MedianError {
                        after_months: after,
                        observed: obs,
                        median: stat.p50,
                        error: stat.p50 - obs,
                        relative_error: (obs != 0.0).then(|| (stat.p50 - obs) / obs),
                    });
                }
            }
            rows.push(HindcastRow {
                month: format!("{:04}-{:02}", m.year, m.month),
                metric: key.clone(),
                observed: obs,
                p10: stat.p10,
                p50: stat.p50,
                p90: stat.p90,
            });
        }
        let [after_12, after_24] = errors;
        coverage.push(Coverage {
            metric: key,
            months: n,
            inside,
            share_inside: if n > 0 { inside as f64 / n as f64 } else { 0.0 },
            after_12,
            after_24,
        });
    }
    let verdict = verdict(as_at, coverage.first());
    Hindcast {
        as_at: as_at.to_string(),
        rows,
        coverage,
        verdict,
    }
}

/// The verdict in words, from children in care.
fn verdict(as_at: &str, c: Option<&Coverage>) -> String {
    let Some(c) = c.filter(|c| c.months > 0) else {
        return format!("No month after {as_at} is in the returns: nothing to compare.");
    };
    let mut text = format!(
        "Projected from {as_at} with only the data before it, the number of children in care stayed inside the model's 10-90% band in {} of {} months ({}); a well-judged band holds it about 8 months in 10.",
        c.inside,
        c.months,
        crate::rounding::whole_percent(c.share_inside)
    );
    for e in [&c.after_12, &c.after_24].into_iter().flatten() {
        let how = match e.relative_error {
            Some(r) if r.abs() < 0.005 => "spot on".to_string(),
            Some(r) => format!(
                "{} too {}",
                crate::rounding::whole_percent(r.abs()),
                if r > 0.0 { "high" } else { "low" }
            ),
            None => format!("{:+.0} children", e.error),
        };
        text.push_str(&format!(
            " After {} months the median forecast was {:.0} against {:.0} observed ({how}).",
            e.after_months, e.median, e.observed
        ));
    }
    text.push_str(&track_record(c));
    text
}

/// How far the median forecast was out at its worst (after 12 or 24 months), as a share of
/// what was observed; `None` where neither can be told (nothing observed, or too short).
fn worst_miss(c: &Coverage) -> Option<f64> {
    [&c.after_12, &c.after_24]
        .into_iter()
        .flatten()
        .filter_map(|e| e.relative_error)
        .map(f64::abs)
        .reduce(f64::max)
}

/// The track record in a sentence, judged on both counts: how often the band held what was
/// observed, and how far the median forecast was out. A band that holds the count in 8
/// months of 10 but a median 60% out is not a good record, nor the other way round.
fn track_record(c: &Coverage) -> String {
    let miss = worst_miss(c).unwrap_or(0.0);
    let band_poor = c.share_inside < 0.4;
    let miss_poor = miss > 0.4;
    if band_poor || miss_poor {
        let why = match (band_poor, miss_poor) {
            (true, true) => format!(
                "the band missed what happened in most months and the median forecast was {} out",
                crate::rounding::whole_percent(miss)
            ),
            (true, false) => "the band missed what happened in most months".to_string(),
            _ => format!(
                "the median forecast was {} out",
                crate::rounding::whole_percent(miss)
            ),
        };
        return format!(
            " A poor track record: {why}. The model's assumptions from these returns may not suit this borough, or the borough changed after the date in ways the returns before it did not show: use its projections with great care."
        );
    }
    if c.share_inside >= 0.7 && miss <= 0.15 {
        return " A good track record for this borough.".into();
    }
    if c.share_inside < 0.7 {
        " A fair track record: read the band as narrower than the real uncertainty.".into()
    } else {
        format!(
            " A fair track record: the band held what happened, but the median forecast was {} out.",
            crate::rounding::whole_percent(miss)
        )
    }
}

impl Hindcast {
    /// The rows as CSV: `month,metric,observed,p10,p50,p90`.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("month,metric,observed,p10,p50,p90\n");
        for r in &self.rows {
            out.push_str(&format!(
                "{},{},{},{},{},{}\n",
                r.month, r.metric, r.observed, r.p10, r.p50, r.p90
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{verdict, Coverage, MedianError};

    fn coverage(share_inside: f64, median: f64, observed: f64) -> Coverage {
        let miss = |after_months| MedianError {
            after_months,
            observed,
            median,
            error: median - observed,
            relative_error: (observed > 0.0).then(|| (median - observed) / observed),
        };
        Coverage {
            metric: "in_care".into(),
            months: 24,
            inside: (share_inside * 24.0).round() as usize,
            share_inside,
            after_12: Some(miss(12)),
            after_24: Some(miss(24)),
        }
    }

    /// The record is judged on the median's miss as well as the band: a band that held
    /// the count in 10 months of 24 with a median 60% out was called "fair".
    #[test]
    fn a_far_out_median_is_a_poor_record_whatever_the_band() {
        let v = verdict("2020-03-31", Some(&coverage(10.0 / 24.0, 99.0, 62.0)));
        assert!(v.contains("A poor track record"), "{v}");
        assert!(v.contains("60% out"), "{v}");
        let v = verdict("2020-03-31", Some(&coverage(0.9, 99.0, 62.0)));
        assert!(v.contains("A poor track record"), "{v}");
        let v = verdict("2020-03-31", Some(&coverage(0.9, 64.0, 62.0)));
        assert!(v.contains("A good track record"), "{v}");
        let v = verdict("2020-03-31", Some(&coverage(0.9, 75.0, 62.0)));
        assert!(v.contains("A fair track record: the band held"), "{v}");
        let v = verdict("2020-03-31", Some(&coverage(0.5, 63.0, 62.0)));
        assert!(v.contains("A fair track record: read the band"), "{v}");
        let v = verdict("2020-03-31", Some(&coverage(0.2, 63.0, 62.0)));
        assert!(
            v.contains("the band missed what happened in most months."),
            "{v}"
        );
    }
}
