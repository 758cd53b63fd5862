//! Turns an `Aggregate` into what people read: per scenario and metric a monthly table of the
//! mean and the 5/10/25/50/75/80/90/95th percentiles, financial-year cost against budget
//! with the chance of overspending and the expected overspend, and for each strategy the paired difference from the
//! scenario it is compared with (the baseline or another), with what differs between the
//! two. Serialises to JSON and to one long-format CSV.

use crate::calendar::{months_per_financial_year, YearMonth};
use serde::{Deserialize, Serialize};

use crate::aggregate::{Aggregate, PAIRED_METRICS, SAMPLE_METRICS};
use crate::hist::Hist;
use crate::metrics::{self, MetricDef, Unit};
use crate::runner::{Job, PreparedJob};

pub const PERCENTILES: [f64; 8] = [0.05, 0.10, 0.25, 0.50, 0.75, 0.80, 0.90, 0.95];

/// Mean and percentiles of one quantity, in its natural unit (children, pounds, or a
/// share 0-1 for basis-point metrics), with the Monte Carlo error of the mean and of the
/// median: the standard error from simulation noise alone (one standard error; about
/// 95% of repeats with other seeds fall within two), which shrinks as runs are added.
#[derive(Clone, Copy, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Stat {
    pub mean: f64,
    pub p5: f64,
    pub p10: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    /// The 80th percentile: 4 in 5 futures are below it (0 in data kept before it was).
    #[serde(default)]
    pub p80: f64,
    pub p90: f64,
    pub p95: f64,
    /// Standard error of `mean` from simulation noise (the runs' standard deviation over
    /// the square root of their number).
    pub mean_se: f64,
    /// Standard error of `p50` from simulation noise (from the order statistics: half the
    /// distance between the quantiles 0.5 ± 0.5/√runs).
    pub p50_se: f64,
}

impl Stat {
    pub fn of(h: &Hist, scale: f64) -> Stat {
        let [p5, p10, p25, p50, p75, p80, p90, p95] = h.quantiles(PERCENTILES).map(|v| v * scale);
        Stat {
            mean: h.mean() * scale,
            p5,
            p10,
            p25,
            p50,
            p75,
            p80,
            p90,
            p95,
            mean_se: h.mean_se() * scale,
            p50_se: h.median_se() * scale,
        }
    }
    /// The CSV's numbers: mean, the percentiles, then the two standard errors (the CSV's
    /// columns are kept as they were, so without the 80th percentile).
    pub fn values(&self) -> [f64; 10] {
        [
            self.mean,
            self.p5,
            self.p10,
            self.p25,
            self.p50,
            self.p75,
            self.p90,
            self.p95,
            self.mean_se,
            self.p50_se,
        ]
    }
}

/// The Monte Carlo standard error of a probability `p` estimated from `runs` runs (the
/// binomial `√(p(1-p)/runs)`), as a share 0-1: for example 0.49 from 1,000 runs is
/// 49% ± 1.6 points.
pub fn probability_se(p: f64, runs: u64) -> f64 {
    if runs == 0 || !p.is_finite() {
        return 0.0;
    }
    let p = p.clamp(0.0, 1.0);
    (p * (1.0 - p) / runs as f64).sqrt()
}

fn scale(unit: Unit) -> f64 {
    if unit == Unit::BasisPoints {
        1e-4
    } else {
        1.0
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct MetricSeries {
    pub key: String,
    pub label: String,
    pub unit: Unit,
    pub months: Vec<Stat>,
}

#[derive(Clone, Debug, Serialize)]
pub struct YearRow {
    pub year: String,
    pub budget: f64,
    /// The budget is the built-in illustrative one (about 10% below the modelled cost; see
    /// its catalogue source), not the council's own.
    pub illustrative_budget: bool,
    pub cost: Stat,
    pub overspend: Stat,
    pub probability_overspend: f64,
    /// The expected overspend, `E[max(0, cost - budget)]` (see
    /// [`EXPECTED_OVERSPEND_DEFINITION`]): its `mean`, with `mean_se` its Monte Carlo error.
    pub expected_overspend: Stat,
}

/// What the expected overspend is, in one line.
pub const EXPECTED_OVERSPEND_DEFINITION: &str = "Expected overspend: the average amount by \
    which the year's cost is over its budget, counting every future within budget as £0 \
    (E[max(0, cost \u{2212} budget)]).";

#[derive(Clone, Debug, Serialize)]
pub struct ScenarioReport {
    pub name: String,
    pub metrics: Vec<MetricSeries>,
    pub years: Vec<YearRow>,
    pub total_cost: Stat,
    pub mean_gap: Stat,
    pub sample_metrics: Vec<String>,
    pub samples: Vec<crate::aggregate::SamplePath>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Comparison {
    pub name: String,
    /// The name of the scenario it is compared with (the baseline or another scenario).
    pub baseline: String,
    /// The index of that scenario in `Report::scenarios` (0 = the baseline).
    pub against: usize,
    /// The period the whole-horizon differences cover ("over the 5 years").
    pub period: String,
    /// What differs between the two scenarios (assumptions and levers, both values).
    pub differences: Vec<crate::workspace::diff::Difference>,
    /// Monthly paired differences (this scenario minus the one it is compared with), by
    /// metric key.
    pub monthly: Vec<MetricSeries>,
    pub years: Vec<(String, Stat)>,
    pub total_cost_difference: Stat,
    pub mean_gap_difference: Stat,
    pub probability_cheaper: f64,
    pub probability_less_gap: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub seed: u64,
    /// The runs drew the uncertain assumptions from their plausible ranges
    /// (`RunSettings::uncertainty`): the bands show both chance and not knowing the inputs.
    pub uncertainty: bool,
    pub runs: u64,
    pub horizon_months: u32,
    /// Calendar label of each month ("2020-07").
    pub month_labels: Vec<String>,
    pub fingerprint: String,
    /// Where the starting figures come from and when ("Example borough modelled on
    /// Rotherham's published figures, as at June 2020").
    pub data_note: String,
    /// When the start is not the month after the figures' date: a note saying the starting
    /// children, carers and prices are still the figures'.
    pub start_note: Option<String>,
    pub scenarios: Vec<ScenarioReport>,
    pub comparisons: Vec<Comparison>,
    /// The sufficiency measures, each with its one-line definition.
    pub definitions: Vec<Definition>,
}

/// A measure's key, label and one-line definition (see `metrics::definition`).
#[derive(Clone, Debug, Serialize)]
pub struct Definition {
    pub key: String,
    pub label: String,
    pub definition: String,
}

/// The headline sufficiency measures, in the order they are shown.
pub const SUFFICIENCY_MEASURES: [&str; 5] = [
    "gap",
    "no_suitable",
    "below_need",
    "inhouse_shortfall",
    "at_distance",
];

/// The definitions of the headline sufficiency measures.
pub fn definitions() -> Vec<Definition> {
    let defs = metrics::definitions();
    SUFFICIENCY_MEASURES
        .iter()
        .filter_map(|k| defs.iter().find(|d| d.key == *k))
        .map(|d| Definition {
            key: d.key.clone(),
            label: d.label.clone(),
            definition: d.definition.clone(),
        })
        .collect()
}

/// The period of a horizon in words: "over the 5 years", "over the 18 months".
pub fn period_words(horizon_months: u32) -> String {
    if horizon_months % 12 == 0 && horizon_months >= 12 {
        let y = horizon_months / 12;
        if y == 1 {
            "over the year".into()
        } else {
            format!("over the {y} years")
        }
    } else {
        format!("over the {horizon_months} months")
    }
}

/// The note shown when a scenario starts other than the month after its figures' date.
pub fn start_note(s: &crate::Scenario) -> Option<String> {
    let months = s.data_as_at.months_to(s.start_year, s.start_month);
    if months == 0 {
        return None;
    }
    let start = YearMonth::from_count(s.start_year as i64 * 12 + s.start_month as i64 - 1);
    let data = YearMonth::from_count(s.data_as_at.year as i64 * 12 + s.data_as_at.month as i64 - 1);
    let (start_at, data_at) = (
        format!("{} {}", start.name(), start.year()),
        format!("{} {}", data.name(), data.year()),
    );
    Some(if s.data_as_at.prices_rolled_forward {
        format!(
            "Starts in {start_at}: prices were rolled forward from {data_at} at the scenario's \
             inflation, but the starting children and carers are still the figures as at {data_at}."
        )
    } else {
        format!(
            "Starts in {start_at}, but the starting children, carers and prices are the figures \
             as at {data_at}: the start year only relabels the months. Roll prices forward to the \
             start, or enter your own figures."
        )
    })
}

/// The label ("2020-07") of each month of the horizon, from the start month on.
pub fn month_labels(start_year: i32, start_month: u32, horizon: usize) -> Vec<String> {
    let first = YearMonth::from_count(start_year as i64 * 12 + start_month as i64 - 1);
    first.months(horizon).map(|m| m.to_string()).collect()
}

impl Report {
    pub fn new(job: &Job, prepared: &PreparedJob, agg: &Aggregate) -> Report {
        let defs: Vec<MetricDef> = metrics::definitions();
        let h = prepared.settings.horizon_months as usize;
        let base = &job.scenarios[0];
        let fy_labels = prepared.models[0].fin_year_labels.clone();
        let scenarios = job
            .scenarios
            .iter()
            .zip(&agg.scenarios)
            .zip(&prepared.models)
            .map(|((s, a), model)| (s, a, model, illustrative_budget(s)))
            .map(|(s, a, model, illustrative)| ScenarioReport {
                name: s.name.clone(),
                metrics: defs
                    .iter()
                    .enumerate()
                    .map(|(k, d)| MetricSeries {
                        key: d.key.clone(),
                        label: d.label.clone(),
                        unit: d.unit,
                        months: (0..h)
                            .map(|m| Stat::of(a.cell(m, k), scale(d.unit)))
                            .collect(),
                    })
                    .collect(),
                years: fy_labels
                    .iter()
                    .enumerate()
                    .map(|(i, y)| YearRow {
                        year: y.clone(),
                        budget: model.fin_year_budget[i],
                        illustrative_budget: illustrative,
                        cost: Stat::of(&a.year_cost[i], 1.0),
                        overspend: Stat::of(&a.year_overspend[i], 1.0),
                        probability_overspend: if agg.runs > 0 {
                            a.year_overspent_runs[i] as f64 / agg.runs as f64
                        } else {
                            0.0
                        },
                        expected_overspend: a
                            .year_excess
                            .get(i)
                            .map(|h| Stat::of(h, 1.0))
                            .unwrap_or_default(),
                    })
                    .collect(),
                total_cost: Stat::of(&a.total_cost, 1.0),
                mean_gap: Stat::of(&a.mean_gap, 0.01),
                sample_metrics: SAMPLE_METRICS
                    .iter()
                    .map(|&k| defs[k].key.clone())
                    .collect(),
                samples: a.samples.clone(),
            })
            .collect();
        let comparisons = agg
            .paired
            .iter()
            .enumerate()
            .map(|(i, p)| (i, p, agg.against.get(i).copied().unwrap_or(0)))
            .map(|(i, p, against)| Comparison {
                name: job.scenarios[i + 1].name.clone(),
                baseline: job.scenarios[against].name.clone(),
                against,
                period: period_words(prepared.settings.horizon_months),
                differences: crate::workspace::diff::differences(
                    &job.scenarios[i + 1],
                    &job.scenarios[against],
                ),
                monthly: PAIRED_METRICS
                    .iter()
                    .enumerate()
                    .map(|(j, &k)| MetricSeries {
                        key: defs[k].key.clone(),
                        label: defs[k].label.clone(),
                        unit: defs[k].unit,
                        months: (0..h)
                            .map(|m| Stat::of(p.cell(m, j), scale(defs[k].unit)))
                            .collect(),
                    })
                    .collect(),
                years: fy_labels
                    .iter()
                    .enumerate()
                    .map(|(k, y)| (y.clone(), Stat::of(&p.year_cost[k], 1.0)))
                    .collect(),
                total_cost_difference: Stat::of(&p.total_cost, 1.0),
                mean_gap_difference: Stat::of(&p.mean_gap, 0.01),
                probability_cheaper: if agg.runs > 0 {
                    p.cheaper_runs as f64 / agg.runs as f64
                } else {
                    0.0
                },
                probability_less_gap: if agg.runs > 0 {
                    p.less_gap_runs as f64 / agg.runs as f64
                } else {
                    0.0
                },
            })
            .collect();
        Report {
            seed: prepared.settings.seed,
            uncertainty: prepared.settings.uncertainty,
            runs: agg.runs,
            horizon_months: prepared.settings.horizon_months,
            month_labels: month_labels(base.start_year, base.start_month, h),
            fingerprint: agg.fingerprint(),
            data_note: base.data_as_at.note(),
            start_note: start_note(base),
            scenarios,
            comparisons,
            definitions: definitions(),
        }
    }

    /// Long-format CSV: one row per scenario, measure and period.
    pub fn to_csv(&self) -> String {
        let mut out = String::from(CSV_HEADER);
        out.push('\n');
        let mut row = |scenario: &str, measure: &str, period: &str, s: &Stat| {
            out.push_str(&csv_field(scenario));
            out.push(',');
            out.push_str(&csv_field(measure));
            out.push(',');
            out.push_str(&csv_field(period));
            for v in s.values() {
                out.push(',');
                out.push_str(&fmt_num(v));
            }
            let key = measure.strip_prefix("difference.").unwrap_or(measure);
            let key = if key == "mean_gap" { "gap" } else { key };
            out.push(',');
            out.push_str(&csv_field(match key {
                "year_expected_overspend" => EXPECTED_OVERSPEND_DEFINITION,
                _ => metrics::definition(key),
            }));
            out.push('\n');
        };
        for s in &self.scenarios {
            for m in &s.metrics {
                for (i, st) in m.months.iter().enumerate() {
                    row(&s.name, &m.key, &self.month_labels[i], st);
                }
            }
            for y in &s.years {
                row(&s.name, "year_cost", &format!("FY{}", y.year), &y.cost);
                row(
                    &s.name,
                    "year_overspend",
                    &format!("FY{}", y.year),
                    &y.overspend,
                );
                row(
                    &s.name,
                    "year_expected_overspend",
                    &format!("FY{}", y.year),
                    &y.expected_overspend,
                );
            }
            row(&s.name, "total_cost", "horizon", &s.total_cost);
            row(&s.name, "mean_gap", "horizon", &s.mean_gap);
        }
        for c in &self.comparisons {
            let name = format!("{} vs {}", c.name, c.baseline);
            for m in &c.monthly {
                for (i, st) in m.months.iter().enumerate() {
                    row(
                        &name,
                        &format!("difference.{}", m.key),
                        &self.month_labels[i],
                        st,
                    );
                }
            }
            for (y, st) in &c.years {
                row(&name, "difference.year_cost", &format!("FY{y}"), st);
            }
            row(
                &name,
                "difference.total_cost",
                "horizon",
                &c.total_cost_difference,
            );
            row(
                &name,
                "difference.mean_gap",
                "horizon",
                &c.mean_gap_difference,
            );
        }
        out
    }
}

/// The CSV's columns: the mean, the percentiles, the Monte Carlo standard errors of the
/// mean and of the median, and the one-line definition of a sufficiency measure.
pub const CSV_HEADER: &str =
    "scenario,measure,period,mean,p5,p10,p25,p50,p75,p90,p95,mean_se,p50_se,definition";

/// Whether a scenario's budget is the built-in illustrative one (the default budget a year
/// and no budget of its own for any year).
pub fn illustrative_budget(s: &crate::Scenario) -> bool {
    let d = crate::defaults::default_scenario().costs;
    s.costs.budget_by_year.is_empty() && s.costs.budget_per_year == d.budget_per_year
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:.4}")
    }
}

/// First characters that make a spreadsheet read a cell as a formula (`=1+1`, `+1+cmd|...`,
/// `-2+3`, `@SUM(...)`) or that it may drop or act on (tab, carriage return).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell, safe to open in a spreadsheet: one starting like a formula gets a leading
/// `'` (shown as text, never evaluated), and one holding a comma, quote, line feed or
/// carriage return is quoted (quotes doubled), so it stays one cell of one record.
fn csv_field(s: &str) -> String {
    let text = if s.starts_with(FORMULA_STARTS) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Months of each financial year ("2020/21") covered by the horizon.
/// Labels that are not a month ("YYYY-MM") are skipped.
pub fn months_per_year(month_labels: &[String]) -> Vec<(String, usize)> {
    months_per_financial_year(
        month_labels
            .iter()
            .filter_map(|l| l.parse::<YearMonth>().ok()),
    )
    .into_iter()
    .map(|(fy, n)| (fy.label(), n))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The year rows of a small job of the default borough with this budget a year,
    /// run whole and in two batches merged in either order.
    fn years_with_budget(budget: f64) -> Vec<YearRow> {
        let mut s = crate::defaults::default_scenario();
        s.costs.budget_per_year = budget;
        let job = Job::new(
            crate::RunSettings {
                seed: 5,
                replications: 12,
                horizon_months: 24,
                uncertainty: false,
            },
            vec![s],
        );
        let prepared = job.prepare().expect("valid");
        let whole = prepared.run(0..12);
        let (mut a, b) = (prepared.run(0..5), prepared.run(5..12));
        let mut other = b.clone();
        a.merge(&b);
        other.merge(&prepared.run(0..5));
        assert_eq!(a.scenarios[0].year_excess, whole.scenarios[0].year_excess);
        assert_eq!(
            other.scenarios[0].year_excess,
            whole.scenarios[0].year_excess
        );
        Report::new(&job, &prepared, &whole).scenarios[0]
            .years
            .clone()
    }

    /// The expected overspend is the mean of max(0, cost - budget): all of the cost with
    /// no budget, nothing with a budget no run reaches, and in between at least the mean
    /// overspend and no more than the mean cost.
    #[test]
    fn expected_overspend_counts_only_what_is_over() {
        for y in years_with_budget(0.0) {
            assert_eq!(y.expected_overspend.mean, y.cost.mean, "FY{}", y.year);
            assert!(y.expected_overspend.mean_se > 0.0);
        }
        for y in years_with_budget(1e11) {
            assert_eq!(y.expected_overspend.mean, 0.0);
            assert_eq!(y.probability_overspend, 0.0);
        }
        let cost = years_with_budget(0.0)[1].cost;
        for y in years_with_budget(cost.p50) {
            let e = y.expected_overspend.mean;
            assert!(
                e >= y.overspend.mean.max(0.0) && e > 0.0,
                "FY{}: {e}",
                y.year
            );
            assert!(e <= y.cost.mean);
        }
    }

    #[test]
    fn the_80th_percentile_is_read_not_interpolated() {
        let mut h = Hist::default();
        for v in 1..=100 {
            h.add(v);
        }
        let s = Stat::of(&h, 1.0);
        assert!(s.p75 < s.p80 && s.p80 < s.p90, "{s:?}");
        assert_eq!(s.p80, 80.0);
        // Data kept before the 80th percentile was reads with it as 0.
        let old: Stat = serde_json::from_str(r#"{"mean":1,"p5":0,"p10":0,"p25":0,"p50":1,"p75":1,"p90":2,"p95":2,"mean_se":0,"p50_se":0}"#).unwrap();
        assert_eq!(old.p80, 0.0);
    }

    #[test]
    fn cells_starting_like_a_formula_are_text() {
        for first in FORMULA_STARTS {
            let name = format!("{first}1+cmd|' /C calc'!A0");
            let cell = csv_field(&name);
            let inner = cell
                .strip_prefix('"')
                .and_then(|c| c.strip_suffix('"'))
                .unwrap_or(&cell);
            assert_eq!(inner, format!("'{name}"), "{first:?}");
        }
        // Only the first character matters, and ordinary names are left alone.
        for plain in ["Baseline", "Recruit more carers", "a=b", "x-1", "1+1", ""] {
            assert_eq!(csv_field(plain), plain);
        }
        assert_eq!(csv_field("'quoted"), "'quoted");
    }

    #[test]
    fn separators_quotes_and_line_breaks_stay_in_one_cell() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("bare\rreturn"), "\"bare\rreturn\"");
        assert_eq!(csv_field("crlf\r\nend"), "\"crlf\r\nend\"");
        // Both at once: neutralised, then quoted.
        assert_eq!(csv_field("=1,2"), "\"'=1,2\"");
        assert_eq!(csv_field("\rx"), "\"'\rx\"");
        assert_eq!(csv_field("-\"a\""), "\"'-\"\"a\"\"\"");
    }
}
