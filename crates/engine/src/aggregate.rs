//! Streaming aggregation of runs: per scenario, month and metric a `Hist` (mean and any
//! percentile), financial-year costs against budget, a few sample paths, and for each
//! strategy the paired difference from its comparator (the baseline or another scenario)
//! run with the same random draws.
//! Memory is fixed by the horizon and the number of scenarios, not by the number of runs;
//! merging is exact and order-independent, so any split over workers gives the same result.

use serde::{Deserialize, Serialize};

use crate::hist::Hist;
use crate::metrics::{self, Month};
use crate::sim::{Simulator, YearTotals};

/// Replications whose full paths are kept (by index, so independent of batching).
pub const SAMPLE_PATHS: u32 = 5;
/// Metrics whose sample paths are kept.
pub const SAMPLE_METRICS: [usize; 5] = [
    metrics::IN_CARE,
    metrics::GAP,
    metrics::COST,
    metrics::FILLED,
    metrics::IN_HOUSE_SHARE,
];
/// Metrics whose paired difference is tracked month by month.
pub const PAIRED_METRICS: [usize; 7] = [
    metrics::COST,
    metrics::GAP,
    metrics::NO_SUITABLE,
    metrics::IN_CARE,
    metrics::IN_HOUSE_SHARE,
    metrics::MOVES,
    metrics::OUT_OF_BOROUGH,
];

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SamplePath {
    pub rep: u32,
    /// One series per `SAMPLE_METRICS` entry.
    pub series: Vec<Vec<i64>>,
}

/// Everything kept about one scenario's runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScenarioAgg {
    pub horizon: usize,
    /// `horizon * metrics::COUNT` histograms, month-major.
    pub monthly: Vec<Hist>,
    pub year_cost: Vec<Hist>,
    pub year_overspend: Vec<Hist>,
    pub year_overspent_runs: Vec<u64>,
    /// Each financial year's overspend when over budget, else 0 (`max(0, cost - budget)`):
    /// its mean is the expected overspend, with its Monte Carlo error.
    #[serde(default)]
    pub year_excess: Vec<Hist>,
    pub total_cost: Hist,
    /// Mean gap over the horizon, in hundredths of a child.
    pub mean_gap: Hist,
    pub samples: Vec<SamplePath>,
}

/// Paired differences (strategy minus its comparator) for one strategy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairedAgg {
    /// `horizon * PAIRED_METRICS.len()` histograms.
    pub monthly: Vec<Hist>,
    pub year_cost: Vec<Hist>,
    pub total_cost: Hist,
    pub mean_gap: Hist,
    pub cheaper_runs: u64,
    pub less_gap_runs: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Aggregate {
    pub runs: u64,
    pub scenarios: Vec<ScenarioAgg>,
    pub paired: Vec<PairedAgg>,
    /// The scenario each of `paired` is the difference from (0 = the baseline): one per
    /// scenario after the baseline.
    #[serde(default)]
    pub against: Vec<usize>,
}

/// The per-run numbers the aggregate needs from one scenario's replication.
pub struct RunView<'a> {
    pub months: &'a [Month],
    pub years: &'a YearTotals,
}

/// Anything holding one scenario's results of a replication: a `RunView`, or a simulator
/// after `Simulator::run` (so a replication is added without collecting views).
pub trait AsRunView {
    fn run_view(&self) -> RunView<'_>;
}

impl AsRunView for RunView<'_> {
    fn run_view(&self) -> RunView<'_> {
        RunView {
            months: self.months,
            years: self.years,
        }
    }
}

impl AsRunView for Simulator<'_> {
    fn run_view(&self) -> RunView<'_> {
        RunView {
            months: &self.months,
            years: &self.years,
        }
    }
}

impl RunView<'_> {
    fn total_cost(&self) -> i64 {
        self.months.iter().map(|r| r[metrics::COST]).sum()
    }
    fn mean_gap_centi(&self) -> i64 {
        let s: i64 = self.months.iter().map(|r| r[metrics::GAP]).sum();
        let n = self.months.len().max(1) as i64;
        (s * 100 + n / 2).div_euclid(n)
    }
}

impl ScenarioAgg {
    fn new(horizon: usize, years: usize) -> Self {
        ScenarioAgg {
            horizon,
            monthly: vec![Hist::default(); horizon * metrics::COUNT],
            year_cost: vec![Hist::default(); years],
            year_overspend: vec![Hist::default(); years],
            year_overspent_runs: vec![0; years],
            year_excess: vec![Hist::default(); years],
            total_cost: Hist::default(),
            mean_gap: Hist::default(),
            samples: vec![],
        }
    }

    fn add(&mut self, rep: u32, run: &RunView<'_>) {
        for (cells, row) in self
            .monthly
            .chunks_exact_mut(metrics::COUNT)
            .zip(run.months)
        {
            for (h, v) in cells.iter_mut().zip(row) {
                h.add(*v);
            }
        }
        let years = run.years.cost.iter().zip(&run.years.budget);
        let kept = self
            .year_cost
            .iter_mut()
            .zip(&mut self.year_overspend)
            .zip(&mut self.year_overspent_runs);
        for (((cost, overspend), overspent), (c, b)) in kept.zip(years) {
            cost.add(c.round() as i64);
            let over = (c - b).round() as i64;
            overspend.add(over);
            *overspent += (over > 0) as u64;
        }
        let overs = run.years.cost.iter().zip(&run.years.budget);
        for (excess, (c, b)) in self.year_excess.iter_mut().zip(overs) {
            excess.add(((c - b).round() as i64).max(0));
        }
        self.total_cost.add(run.total_cost());
        self.mean_gap.add(run.mean_gap_centi());
        if rep < SAMPLE_PATHS {
            self.samples.push(SamplePath {
                rep,
                series: SAMPLE_METRICS
                    .iter()
                    .map(|&k| run.months.iter().map(|r| r[k]).collect())
                    .collect(),
            });
        }
    }

    fn merge(&mut self, o: &ScenarioAgg) {
        merge_all(&mut self.monthly, &o.monthly);
        merge_all(&mut self.year_cost, &o.year_cost);
        merge_all(&mut self.year_overspend, &o.year_overspend);
        merge_all(&mut self.year_excess, &o.year_excess);
        for (a, b) in self
            .year_overspent_runs
            .iter_mut()
            .zip(&o.year_overspent_runs)
        {
            *a += b;
        }
        self.total_cost.merge(&o.total_cost);
        self.mean_gap.merge(&o.mean_gap);
        self.samples.extend(o.samples.iter().cloned());
        self.samples.sort_by_key(|s| s.rep);
        self.samples.dedup_by_key(|s| s.rep);
    }

    /// The histogram of metric `k` at month `m`.
    pub fn cell(&self, m: usize, k: usize) -> &Hist {
        &self.monthly[m * metrics::COUNT + k]
    }
}

fn merge_all(a: &mut [Hist], b: &[Hist]) {
    for (x, y) in a.iter_mut().zip(b) {
        x.merge(y);
    }
}

impl PairedAgg {
    fn new(horizon: usize, years: usize) -> Self {
        PairedAgg {
            monthly: vec![Hist::default(); horizon * PAIRED_METRICS.len()],
            year_cost: vec![Hist::default(); years],
            total_cost: Hist::default(),
            mean_gap: Hist::default(),
            cheaper_runs: 0,
            less_gap_runs: 0,
        }
    }

    fn add(&mut self, base: &RunView<'_>, strat: &RunView<'_>) {
        let months = base.months.iter().zip(strat.months);
        for (cells, (b, s)) in self
            .monthly
            .chunks_exact_mut(PAIRED_METRICS.len())
            .zip(months)
        {
            for (h, &k) in cells.iter_mut().zip(&PAIRED_METRICS) {
                h.add(s[k] - b[k]);
            }
        }
        let years = base.years.cost.iter().zip(&strat.years.cost);
        for (h, (b, s)) in self.year_cost.iter_mut().zip(years) {
            h.add((s - b).round() as i64);
        }
        let dc = strat.total_cost() - base.total_cost();
        let dg = strat.mean_gap_centi() - base.mean_gap_centi();
        self.total_cost.add(dc);
        self.mean_gap.add(dg);
        self.cheaper_runs += (dc < 0) as u64;
        self.less_gap_runs += (dg < 0) as u64;
    }

    fn merge(&mut self, o: &PairedAgg) {
        merge_all(&mut self.monthly, &o.monthly);
        merge_all(&mut self.year_cost, &o.year_cost);
        self.total_cost.merge(&o.total_cost);
        self.mean_gap.merge(&o.mean_gap);
        self.cheaper_runs += o.cheaper_runs;
        self.less_gap_runs += o.less_gap_runs;
    }

    pub fn cell(&self, m: usize, j: usize) -> &Hist {
        &self.monthly[m * PAIRED_METRICS.len() + j]
    }
}

impl Aggregate {
    /// Every scenario after the baseline compared with the baseline.
    pub fn new(scenarios: usize, horizon: usize, years: usize) -> Self {
        Aggregate::comparing(&vec![0; scenarios.saturating_sub(1)], horizon, years)
    }

    /// Scenario `i + 1` compared with scenario `against[i]` (0 = the baseline); there are
    /// `against.len() + 1` scenarios.
    pub fn comparing(against: &[usize], horizon: usize, years: usize) -> Self {
        let scenarios = against.len() + 1;
        Aggregate {
            runs: 0,
            scenarios: (0..scenarios)
                .map(|_| ScenarioAgg::new(horizon, years))
                .collect(),
            paired: against
                .iter()
                .map(|_| PairedAgg::new(horizon, years))
                .collect(),
            against: against.to_vec(),
        }
    }

    /// Add one replication: one run per scenario, baseline first. Each strategy's paired
    /// difference is taken from its comparator's run of the same replication (the same
    /// random draws).
    pub fn add<R: AsRunView>(&mut self, rep: u32, runs: &[R]) {
        self.runs += 1;
        for (agg, run) in self.scenarios.iter_mut().zip(runs) {
            agg.add(rep, &run.run_view());
        }
        for (i, p) in self.paired.iter_mut().enumerate() {
            let against = self.against.get(i).copied().unwrap_or(0);
            if let (Some(base), Some(strat)) = (runs.get(against), runs.get(i + 1)) {
                p.add(&base.run_view(), &strat.run_view());
            }
        }
    }

    /// Fold in another batch of the same job (same comparators).
    pub fn merge(&mut self, o: &Aggregate) {
        self.runs += o.runs;
        for (a, b) in self.scenarios.iter_mut().zip(&o.scenarios) {
            a.merge(b);
        }
        for (a, b) in self.paired.iter_mut().zip(&o.paired) {
            a.merge(b);
        }
    }

    /// A short fingerprint of every number, to check that two builds or two batchings agree.
    /// Every field is fed in explicitly, in a fixed order, as 64-bit words (see
    /// [`Fingerprint`]); nothing relies on `std::hash::Hash`, whose output Rust does not
    /// promise to keep from one compiler release to the next.
    pub fn fingerprint(&self) -> String {
        let mut f = Fingerprint::new();
        f.word(self.runs);
        f.len(self.scenarios.len());
        for s in &self.scenarios {
            s.digest(&mut f);
        }
        f.len(self.paired.len());
        for p in &self.paired {
            p.digest(&mut f);
        }
        // Head-to-head comparisons: the comparators go in after everything else, and only
        // when one is not the baseline, so that a job comparing every strategy with the
        // baseline keeps the fingerprint it always had.
        if self.against.iter().any(|&a| a != 0) {
            f.len(self.against.len());
            for &a in &self.against {
                f.len(a);
            }
        }
        format!("{:016x}", f.finish())
    }
}

impl ScenarioAgg {
    fn digest(&self, f: &mut Fingerprint) {
        f.len(self.horizon);
        f.hists(&self.monthly);
        f.hists(&self.year_cost);
        f.hists(&self.year_overspend);
        f.len(self.year_overspent_runs.len());
        for &r in &self.year_overspent_runs {
            f.word(r);
        }
        f.hists(&self.year_excess);
        f.hist(&self.total_cost);
        f.hist(&self.mean_gap);
        f.len(self.samples.len());
        for p in &self.samples {
            f.word(u64::from(p.rep));
            f.len(p.series.len());
            for series in &p.series {
                f.len(series.len());
                for &v in series {
                    f.word(v as u64);
                }
            }
        }
    }
}

impl PairedAgg {
    fn digest(&self, f: &mut Fingerprint) {
        f.hists(&self.monthly);
        f.hists(&self.year_cost);
        f.hist(&self.total_cost);
        f.hist(&self.mean_gap);
        f.word(self.cheaper_runs);
        f.word(self.less_gap_runs);
    }
}

/// A fixed, platform-independent digest for fingerprints (FNV offset basis, then each
/// 64-bit word mixed in by a step that is a bijection of the state, so changing any one
/// number changes the result). Lengths go in before the items they count; an `i128` goes
/// in as its low then its high word.
pub struct Fingerprint(u64);

impl Fingerprint {
    /// A digest with nothing fed in yet.
    pub fn new() -> Self {
        Fingerprint(0xcbf2_9ce4_8422_2325)
    }

    /// Feed one 64-bit word.
    #[inline]
    pub fn word(&mut self, w: u64) {
        let h = (self.0 ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = h ^ (h >> 29);
    }

    fn len(&mut self, n: usize) {
        self.word(n as u64);
    }

    fn hist(&mut self, h: &Hist) {
        self.word(u64::from(h.shift));
        self.word(h.lo as u64);
        self.len(h.counts.len());
        for &c in &h.counts {
            self.word(u64::from(c));
        }
        self.word(h.n);
        let sum = h.sum as u128;
        self.word(sum as u64);
        self.word((sum >> 64) as u64);
        self.word(h.sum_sq as u64);
        self.word((h.sum_sq >> 64) as u64);
        self.word(h.min as u64);
        self.word(h.max as u64);
    }

    fn hists(&mut self, hs: &[Hist]) {
        self.len(hs.len());
        for h in hs {
            self.hist(h);
        }
    }

    /// The digest so far.
    pub fn finish(&self) -> u64 {
        self.0
    }
}

impl Default for Fingerprint {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::defaults::default_scenario;
    use crate::runner::Job;
    use crate::scenario::RunSettings;

    /// Equal aggregates share a fingerprint; one count more anywhere changes it.
    #[test]
    fn fingerprint_follows_every_count() {
        let job = Job {
            settings: RunSettings {
                seed: 3,
                replications: 20,
                horizon_months: 12,
                uncertainty: false,
            },
            scenarios: vec![default_scenario()],
            compare_with: vec![],
        };
        let prepared = job.prepare().expect("valid job");
        let agg = prepared.run(0..20);
        let print = agg.fingerprint();
        assert_eq!(print.len(), 16);
        assert_eq!(agg.clone().fingerprint(), print);
        for k in [
            0,
            7 * metrics::COUNT + 3,
            agg.scenarios[0].monthly.len() - 1,
        ] {
            let mut other = agg.clone();
            let h = &mut other.scenarios[0].monthly[k];
            let last = h.counts.len() - 1;
            h.counts[last] += 1;
            assert_ne!(other.fingerprint(), print, "histogram {k}");
        }
        // Every other kind of field counts too, not only histogram bins.
        let changes: [fn(&mut Aggregate); 7] = [
            |a| a.runs += 1,
            |a| a.scenarios[0].year_overspent_runs[0] += 1,
            |a| a.scenarios[0].year_excess[0].sum += 1,
            |a| a.scenarios[0].total_cost.sum += 1,
            |a| a.scenarios[0].total_cost.sum_sq += 1,
            |a| a.scenarios[0].samples[0].series[0][0] += 1,
            |a| a.scenarios[0].mean_gap.max += 1,
        ];
        for (i, change) in changes.iter().enumerate() {
            let mut other = agg.clone();
            change(&mut other);
            assert_ne!(other.fingerprint(), print, "change {i}");
        }
    }
}
