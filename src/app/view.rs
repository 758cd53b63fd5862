//! What the results views show, computed from a `Report` (pure, natively tested): metric
//! series, the last full financial year, chart series, the paired differences and the
//! expected overspend (each figure with its Monte Carlo error: one standard error from
//! simulation noise).

use engine::metrics::Unit;
use engine::report::{months_per_year, MetricSeries, Report, ScenarioReport, Stat, YearRow};
use engine::PlacementType;

use crate::charts::Series;
use crate::format;

pub fn metric<'a>(s: &'a ScenarioReport, key: &str) -> Option<&'a MetricSeries> {
    s.metrics.iter().find(|m| m.key == key)
}

pub fn last_stat(s: &ScenarioReport, key: &str) -> Option<(Unit, Stat)> {
    let m = metric(s, key)?;
    Some((m.unit, *m.months.last()?))
}

/// The last financial year the horizon covers in full (or the last year at all), and
/// whether it is full.
pub fn last_full_year<'a>(report: &Report, s: &'a ScenarioReport) -> Option<(&'a YearRow, bool)> {
    let coverage = months_per_year(&report.month_labels);
    let full = s
        .years
        .iter()
        .rev()
        .find(|y| coverage.iter().any(|(l, n)| *l == y.year && *n == 12));
    match full {
        Some(y) => Some((y, true)),
        None => s.years.last().map(|y| (y, false)),
    }
}

/// Chart series for one metric: the shown scenario first (its fan), then the others (their
/// medians), labelled by scenario name.
pub fn series(report: &Report, key: &str, shown: usize) -> Vec<Series> {
    let mut order: Vec<usize> = vec![shown];
    order.extend((0..report.scenarios.len()).filter(|i| *i != shown));
    order
        .into_iter()
        .filter_map(|i| {
            let s = report.scenarios.get(i)?;
            Some(Series {
                label: s.name.clone(),
                stats: metric(s, key)?.months.clone(),
            })
        })
        .collect()
}

/// A few runs' paths of a sampled metric, in its natural unit.
pub fn samples(s: &ScenarioReport, key: &str) -> Vec<Vec<f64>> {
    let Some(k) = s.sample_metrics.iter().position(|m| m == key) else {
        return vec![];
    };
    let scale = if metric(s, key).map(|m| m.unit) == Some(Unit::BasisPoints) {
        1e-4
    } else {
        1.0
    };
    s.samples
        .iter()
        .filter_map(|p| p.series.get(k))
        .map(|v| v.iter().map(|x| *x as f64 * scale).collect())
        .collect()
}

/// Average children in each placement type, month by month (averages add up).
pub fn placement_layers(s: &ScenarioReport) -> Vec<(String, Vec<f64>)> {
    PlacementType::ALL
        .iter()
        .filter_map(|t| {
            let m = metric(s, &format!("in_care.{}", t.key()))?;
            let v: Vec<f64> = m.months.iter().map(|st| st.mean).collect();
            v.iter()
                .any(|x| *x > 0.0)
                .then(|| (t.label().to_string(), v))
        })
        .collect()
}

/// Paired differences (each scenario minus what it is compared with) of one metric, one
/// series per comparison.
pub fn differences(report: &Report, key: &str) -> Vec<Series> {
    report
        .comparisons
        .iter()
        .filter_map(|c| {
            let m = c.monthly.iter().find(|m| m.key == key)?;
            Some(Series {
                label: format!("{} against {}", c.name, c.baseline),
                stats: m.months.clone(),
            })
        })
        .collect()
}

/// The mean over the whole horizon of a metric (the average of its monthly means), in its
/// natural unit: for a measure of children, the average number over the period.
pub fn horizon_mean(s: &ScenarioReport, key: &str) -> Option<f64> {
    let m = metric(s, key)?;
    (!m.months.is_empty())
        .then(|| m.months.iter().map(|st| st.mean).sum::<f64>() / m.months.len() as f64)
}

/// The expected overspend of a year in words, with its Monte Carlo error: "£1.2M
/// (± £0.05M)".
pub fn expected_overspend(y: &YearRow) -> String {
    let e = &y.expected_overspend;
    // The error stays on one line with its sign: "(± £0.06M)" never breaks after "±".
    format!(
        "{} ({})",
        format::pounds_millions(e.mean),
        format::plus_minus(Unit::Pounds, e.mean_se).replace(' ', "\u{a0}")
    )
}

/// The note on the overspend tile: the expected overspend, what it means, and whose
/// budget it is measured against.
pub fn overspend_note(y: &YearRow) -> String {
    let budget = if y.illustrative_budget {
        format!(
            "Illustrative budget of {}: set yours in the budget table.",
            format::pounds(y.budget)
        )
    } else {
        format!("Against your budget of {}.", format::pounds(y.budget))
    };
    format!(
        "Expected overspend {}: the average over budget, \u{a3}0 in futures within it. {budget}",
        expected_overspend(y)
    )
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use engine::runner::Job;

    /// A small real report: baseline and one strategy, a few runs, 24 months.
    pub fn small_report() -> Report {
        let base = engine::defaults::default_scenario();
        let job = Job {
            settings: engine::RunSettings {
                seed: 1,
                replications: 4,
                horizon_months: 24,
                uncertainty: false,
            },
            scenarios: vec![
                base.clone(),
                base.with_strategy(&engine::defaults::strategy("recruit").unwrap()),
            ],
            compare_with: vec![],
        };
        let prepared = job.prepare().unwrap();
        let agg = prepared.run(0..4);
        Report::new(&job, &prepared, &agg)
    }

    #[test]
    fn financial_years_are_counted_from_april() {
        let labels: Vec<String> = engine::report::month_labels(2020, 7, 24);
        assert_eq!(
            months_per_year(&labels),
            vec![
                ("2020/21".to_string(), 9),
                ("2021/22".to_string(), 12),
                ("2022/23".to_string(), 3)
            ]
        );
        let labels: Vec<String> = engine::report::month_labels(1999, 1, 4);
        assert_eq!(
            months_per_year(&labels),
            vec![("1998/99".to_string(), 3), ("1999/00".to_string(), 1)]
        );
    }

    #[test]
    fn views_of_a_real_report() {
        let r = small_report();
        let (y, full) = last_full_year(&r, &r.scenarios[0]).unwrap();
        assert!(full);
        assert_eq!(y.year, "2021/22");
        let s = series(&r, "in_care", 1);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].label, "Recruit more carers");
        assert_eq!(s[0].stats.len(), 24);
        assert!(!samples(&r.scenarios[0], "in_care").is_empty());
        let share = samples(&r.scenarios[0], "in_house_share");
        assert!(share.iter().flatten().all(|v| (0.0..=1.0).contains(v)));
        let layers = placement_layers(&r.scenarios[0]);
        assert!(layers.iter().any(|(l, _)| l == "In-house foster care"));
        let total: f64 = layers.iter().map(|(_, v)| v[0]).sum();
        let in_care = metric(&r.scenarios[0], "in_care").unwrap().months[0].mean;
        assert!((total - in_care).abs() < 1e-6);
        assert_eq!(differences(&r, "cost").len(), 1);
        let gap = horizon_mean(&r.scenarios[0], "gap").unwrap();
        let parts = horizon_mean(&r.scenarios[0], "no_suitable").unwrap()
            + horizon_mean(&r.scenarios[0], "below_need").unwrap();
        assert!((gap - parts).abs() < 1e-6, "the gap is its two parts");
        let y = &r.scenarios[0].years[1];
        let note = overspend_note(y);
        assert!(note.starts_with("Expected overspend £"), "{note}");
        assert!(note.contains("Illustrative budget of £"), "{note}");
        assert!(y.expected_overspend.mean >= y.overspend.mean.max(0.0));
    }
}
