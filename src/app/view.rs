//! What the results views show, computed from a `Report` (pure, natively tested): metric
//! series, the last full financial year, chart series and the comparison table (each
//! figure with its Monte Carlo error: one standard error from simulation noise).

use engine::metrics::Unit;
use engine::report::{
    months_per_year, probability_se, MetricSeries, Report, ScenarioReport, Stat, YearRow,
};
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

/// Paired differences (strategy minus baseline) of one metric, one series per strategy.
pub fn differences(report: &Report, key: &str) -> Vec<Series> {
    report
        .comparisons
        .iter()
        .filter_map(|c| {
            let m = c.monthly.iter().find(|m| m.key == key)?;
            Some(Series {
                label: c.name.clone(),
                stats: m.months.clone(),
            })
        })
        .collect()
}

/// The median with its Monte Carlo error, then on a line of its own the range (so that
/// eight scenarios' columns fit side by side: the table shows line breaks).
fn median_range(unit: Unit, s: &Stat) -> String {
    unbroken_signs(format!(
        "{} ({})\n({})",
        format::value(unit, s.p50),
        format::plus_minus(unit, s.p50_se),
        format::range(unit, s.p10, s.p90)
    ))
}

/// A probability with its Monte Carlo error: "49% (± 1.6 points)".
fn probability(p: f64, runs: u64) -> String {
    format!(
        "{} ({})",
        format::probability(p),
        format::plus_minus(Unit::BasisPoints, probability_se(p, runs))
    )
}

/// A narrow column must not wrap a number after its minus sign ("−" then "£2.0M" on the
/// next line): a word joiner holds them together.
fn unbroken_signs(text: String) -> String {
    text.replace('\u{2212}', "\u{2212}\u{2060}")
        .replace('+', "+\u{2060}")
}

fn signed_range(unit: Unit, s: &Stat) -> String {
    unbroken_signs(format!(
        "{} ({})\n({} to {})",
        format::signed(unit, s.p50),
        format::plus_minus(unit, s.p50_se),
        format::signed(unit, s.p10),
        format::signed(unit, s.p90)
    ))
}

/// The comparison table: one column per scenario (the baseline first), one row per measure.
pub fn comparison_table(report: &Report) -> (Vec<String>, Vec<Vec<String>>) {
    let year = report
        .scenarios
        .first()
        .and_then(|s| last_full_year(report, s))
        .map(|(y, _)| y.year.clone())
        .unwrap_or_default();
    let mut columns = vec!["Measure".to_string()];
    columns.extend(report.scenarios.iter().enumerate().map(|(i, s)| {
        if i == 0 {
            format!("{} (baseline)", s.name)
        } else {
            s.name.clone()
        }
    }));
    let dash = || "—".to_string();
    let per = |f: &dyn Fn(usize, &ScenarioReport) -> String| -> Vec<String> {
        report
            .scenarios
            .iter()
            .enumerate()
            .map(|(i, s)| f(i, s))
            .collect()
    };
    let cmp = |i: usize| i.checked_sub(1).and_then(|j| report.comparisons.get(j));
    let end = |s: &ScenarioReport, k: &str| {
        last_stat(s, k)
            .map(|(u, st)| median_range(u, &st))
            .unwrap_or_default()
    };
    let rows: Vec<(String, Vec<String>)> = vec![
        (
            format!("Placement cost FY{year}"),
            per(&|_, s| {
                s.years
                    .iter()
                    .find(|y| y.year == year)
                    .map(|y| median_range(Unit::Pounds, &y.cost))
                    .unwrap_or_default()
            }),
        ),
        (
            "Total cost over the horizon".into(),
            per(&|_, s| median_range(Unit::Pounds, &s.total_cost)),
        ),
        (
            "Cost difference from the baseline (paired)".into(),
            per(&|i, _| {
                cmp(i)
                    .map(|c| signed_range(Unit::Pounds, &c.total_cost_difference))
                    .unwrap_or_else(dash)
            }),
        ),
        (
            "Chance it costs less than the baseline".into(),
            per(&|i, _| {
                cmp(i)
                    .map(|c| probability(c.probability_cheaper, report.runs))
                    .unwrap_or_else(dash)
            }),
        ),
        (
            "Average sufficiency gap: children without a placement that meets their needs".into(),
            per(&|_, s| median_range(Unit::Children, &s.mean_gap)),
        ),
        (
            "Gap difference from the baseline (paired)".into(),
            per(&|i, _| {
                cmp(i)
                    .map(|c| signed_range(Unit::Children, &c.mean_gap_difference))
                    .unwrap_or_else(dash)
            }),
        ),
        (
            "Chance of a smaller gap than the baseline".into(),
            per(&|i, _| {
                cmp(i)
                    .map(|c| probability(c.probability_less_gap, report.runs))
                    .unwrap_or_else(dash)
            }),
        ),
        (
            "Children in care at the end".into(),
            per(&|_, s| end(s, "in_care")),
        ),
        (
            "Share in in-house placements at the end".into(),
            per(&|_, s| end(s, "in_house_share")),
        ),
        (
            "Share with 3+ placements in 12 months at the end".into(),
            per(&|_, s| end(s, "moves3_share")),
        ),
    ]
    .into_iter()
    .chain(
        report
            .definitions
            .iter()
            .filter(|d| d.key != "gap")
            .map(|d| {
                (
                    format!("{} at the end", d.label),
                    per(&|_, s| end(s, &d.key)),
                )
            }),
    )
    .collect();
    let rows = rows
        .into_iter()
        .map(|(label, cells)| {
            let mut row = vec![label];
            row.extend(cells);
            row
        })
        .collect();
    (columns, rows)
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
        let (cols, rows) = comparison_table(&r);
        assert_eq!(
            cols,
            vec!["Measure", "Baseline (baseline)", "Recruit more carers"]
        );
        assert!(rows.iter().all(|row| row.len() == cols.len()));
        assert_eq!(rows[2][1], "—", "no difference of the baseline from itself");
        assert!(rows[3][2].contains('%'), "{}", rows[3][2]);
        assert!(rows[0][0].contains("FY2021/22"));
    }
}
