//! Statistical checks with fixed seeds, each against a closed form and a tolerance
//! justified by the standard error of the estimate (or by the stated bias):
//! Little's law for stays, the compound Poisson law of admissions (sibling-group sizes),
//! the recruitment funnel's conversion rates and delays, and the built-in borough's
//! admissions against the published rate (including the May 2018 spike of 35).

mod common;

use engine::aggregate::ScenarioAgg;
use engine::defaults::default_scenario;
use engine::metrics::*;
use engine::runner::Job;
use engine::scenario::{RunSettings, Scenario};
use engine::sim::{Model, Simulator};

fn run(seed: u64, reps: u32, horizon: u32, scenarios: Vec<Scenario>) -> Vec<ScenarioAgg> {
    let job = Job {
        settings: RunSettings {
            seed,
            replications: reps,
            horizon_months: horizon,
            uncertainty: false,
        },
        scenarios,
        compare_with: vec![],
    };
    let agg = job
        .prepare()
        .unwrap_or_else(|e| panic!("invalid test scenario: {e:?}"))
        .run(0..reps);
    assert_eq!(agg.runs, reps as u64);
    agg.scenarios
}

/// Sums over all months and `reps` runs of each metric, simulating directly (no aggregate).
fn month_sums(scenario: &Scenario, seed: u64, reps: u32, horizon: usize) -> Vec<f64> {
    assert_eq!(scenario.validate(), Ok(()));
    let model = Model::new(scenario, horizon);
    let mut sim = Simulator::new(&model);
    let mut sums = vec![0.0; COUNT];
    for rep in 0..reps {
        sim.run(seed, rep);
        for row in &sim.months {
            for (s, v) in sums.iter_mut().zip(row.iter()) {
                *s += *v as f64;
            }
        }
    }
    sums
}

/// Sum over months `range` and all runs of metric `k`, and the number of (run, month) cells.
fn total(a: &ScenarioAgg, k: usize, range: std::ops::Range<usize>) -> (f64, u64) {
    range.fold((0.0, 0), |(s, n), m| {
        let h = a.cell(m, k);
        (s + h.sum as f64, n + h.n)
    })
}

/// Values of metric `k` in every run and month of `range`, recovered exactly from the
/// histograms (the bins are one unit wide while values span fewer than 128 units).
fn values(a: &ScenarioAgg, k: usize, range: std::ops::Range<usize>) -> Vec<(i64, u64)> {
    let mut out = std::collections::BTreeMap::<i64, u64>::new();
    for m in range {
        let h = a.cell(m, k);
        assert_eq!(
            h.shift, 0,
            "month {m}: values too spread to read back exactly"
        );
        for (i, c) in h.counts.iter().enumerate() {
            if *c > 0 {
                *out.entry(h.lo + i as i64).or_default() += *c as u64;
            }
        }
    }
    out.into_iter().collect()
}

/// Compound Poisson pmf (Panjer recursion): groups ~ Poisson(`lambda`), each of size j
/// with probability `sizes[j-1]`. Returned up to `kmax`.
fn compound_poisson(lambda: f64, sizes: &[f64], kmax: usize) -> Vec<f64> {
    let total: f64 = sizes.iter().sum();
    let mut p = vec![0.0; kmax + 1];
    p[0] = (-lambda).exp();
    for k in 1..=kmax {
        let mut s = 0.0;
        for (j0, f) in sizes.iter().enumerate() {
            let j = j0 + 1;
            if j <= k {
                s += j as f64 * f / total * p[k - j];
            }
        }
        p[k] = lambda / k as f64 * s;
    }
    p
}

/// Pearson chi-square of observed counts against a pmf, with bins merged (left to right)
/// until each expects at least 5, the last bin taking the upper tail. Returns
/// (statistic, degrees of freedom).
fn chi_square(observed: &[(i64, u64)], pmf: &[f64]) -> (f64, usize) {
    let n: u64 = observed.iter().map(|(_, c)| c).sum();
    let obs_at = |k: usize| {
        observed
            .iter()
            .find(|(v, _)| *v == k as i64)
            .map_or(0, |(_, c)| *c) as f64
    };
    let mut bins: Vec<(f64, f64)> = vec![]; // (expected, observed)
    let (mut e, mut o) = (0.0, 0.0);
    for (k, p) in pmf.iter().enumerate() {
        e += p * n as f64;
        o += obs_at(k);
        if e >= 5.0 {
            bins.push((e, o));
            e = 0.0;
            o = 0.0;
        }
    }
    // The last bin takes everything above the bins before it (the leftover partial bin
    // and the tail beyond the pmf), so expected and observed both add up to n.
    bins.pop();
    let rest_e = n as f64 - bins.iter().map(|b| b.0).sum::<f64>();
    let rest_o = n as f64 - bins.iter().map(|b| b.1).sum::<f64>();
    bins.push((rest_e, rest_o));
    assert!(observed.iter().all(|(v, _)| *v >= 0));
    let stat = bins.iter().map(|(e, o)| (o - e) * (o - e) / e).sum();
    (stat, bins.len() - 1)
}

/// Upper 0.1% point of the chi-square distribution (Wilson-Hilferty).
fn chi_square_999(df: usize) -> f64 {
    let d = df as f64;
    let z = 3.090;
    d * (1.0 - 2.0 / (9.0 * d) + z * (2.0 / (9.0 * d)).sqrt()).powi(3)
}

/// (a) Little's law, L = lambda * W, in its textbook form: one child per group arriving at
/// 10 a month, all under 1, all going home after an exponential stay with mean 12 months,
/// so nobody reaches 18 and placements never change a stay. The run starts at the steady
/// state (120 children, whose remaining stays are exponential too, by memorylessness), so
/// the expected stock is 120 at every month end and there is no warm-up or horizon edge
/// effect to correct; seasonality is flat. Precision: the stock is Poisson(120) with
/// autocorrelation exp(-t/12), so a 120-month time average has variance about
/// 2 * 120 * 12 / 120 = 24 (sd 4.9, 4%) per run, 0.29% over 200 runs; the start-up pool
/// (1,024 starting children reused across runs) adds about 0.3% of fixed error. 1% is
/// about 2.5 combined standard errors.
#[test]
fn littles_law_textbook() {
    let (lambda, w) = (10.0, 12.0);
    let (reps, h) = (200u32, 120usize);
    let sums = month_sums(&common::textbook(lambda, w), 11, reps, h);
    let n = (reps as usize * h) as f64;
    let mean = sums[IN_CARE] / n;
    let expected = lambda * w;
    assert!(
        (mean / expected - 1.0).abs() < 0.01,
        "mean in care {mean:.2}, Little's law says {expected}"
    );
    // The arrival rate itself: 200 * 120 months of Poisson(10), SE 0.02.
    let adm = sums[ADMISSIONS] / n;
    assert!(
        (adm - lambda).abs() < 4.0 * (lambda / n).sqrt(),
        "admissions {adm}"
    );
    // Every exit is a return home.
    assert_eq!(
        sums[EXITS],
        sums[EXITS_BY_ROUTE + engine::ExitRoute::ReturnHome.index()]
    );
}

/// (a') Little's law with the 18th birthday cutting stays short: entry ages spread over
/// every band (the built-in shares), stays exponential with mean 12 months but ending at
/// 18. For entry age uniform on [lo, hi) years the mean stay is the mean of
/// W (1 - exp(-c/W)) for c = 12 (18 - age) months uniform on [c1, c2], which is
/// W - W^2 (exp(-c1/W) - exp(-c2/W)) / (c2 - c1). Same tolerance reasoning as above.
#[test]
fn littles_law_with_the_18_cut_off() {
    let (lambda, w) = (10.0, 12.0);
    let mut s = common::textbook(lambda, w);
    s.demand.entry_age = default_scenario().demand.entry_age;
    let edges = engine::AgeBand::EDGES;
    let mean_stay: f64 = (0..5)
        .map(|b| {
            let (c1, c2) = (12.0 * (18.0 - edges[b + 1]), 12.0 * (18.0 - edges[b]));
            s.demand.entry_age[b] * (w - w * w * ((-c1 / w).exp() - (-c2 / w).exp()) / (c2 - c1))
        })
        .sum();
    assert!(
        mean_stay < 0.97 * w,
        "the cut-off should matter ({mean_stay:.2})"
    );
    let expected = lambda * mean_stay;
    s.population.children = expected.round() as u32;
    let (reps, h) = (200u32, 120usize);
    let sums = month_sums(&s, 12, reps, h);
    let mean = sums[IN_CARE] / (reps as usize * h) as f64;
    assert!(
        (mean / expected - 1.0).abs() < 0.01,
        "mean in care {mean:.2}, Little's law says {expected:.2}"
    );
    // Some stays end at 18: a few per cent of exits, mostly of children who entered at 16+.
    let share = sums[EXITS_BY_ROUTE + engine::ExitRoute::Age18.index()] / sums[EXITS];
    assert!(
        share > 0.02 && share < 0.12,
        "share leaving at 18: {share:.3}"
    );
}

/// A light borough for admission and funnel statistics, where stays do not matter: nobody
/// in care or fostering at the start, flat seasonality, no breakdowns, everyone going home
/// after 12 months on average (or at 18). Entry ages are chosen so that the start-up pool
/// of candidate children (built for every simulator even with nobody to start with) finds
/// children currently in every age band quickly; see `littles_law_textbook`.
fn light() -> Scenario {
    let mut s = common::textbook(10.0, 12.0);
    s.name = "Light".into();
    s.demand.entry_age = [0.5, 0.1, 0.1, 0.1, 0.2];
    s.population.children = 0;
    let none = engine::scenario::PlacementCounts {
        in_house_foster: 0.0,
        connected_person: 0.0,
        ifa: 0.0,
        in_house_residential: 0.0,
        external_residential: 0.0,
        supported_accommodation: 0.0,
        placed_with_parents: 0.0,
        placed_for_adoption: 0.0,
        emergency: 0.0,
    };
    s.stability.breakdown_child = none.clone();
    s.stability.breakdown_adolescent = none;
    s
}

/// (b) Sibling groups: groups arrive Poisson(10) a month with sizes 1, 2, 3 in proportions
/// 0.5, 0.3, 0.2, so monthly admissions are compound Poisson with mean 10 * 1.7 = 17 and
/// variance 10 * E[S^2] = 35. Checked three ways over 12,000 months: the mean (within 4
/// standard errors, SE = sqrt(35 / 12000) = 0.054, 0.3%), the variance-to-mean ratio
/// E[S^2]/E[S] = 2.06 (a Poisson count of children would give 1; within 4 SE of the sample
/// variance, about 1.4% each), and the whole distribution by chi-square against the exact
/// compound Poisson law (Panjer recursion), which pins down the size distribution itself.
/// Then sizes fixed at 3 must make every month's admissions a multiple of 3.
#[test]
fn sibling_group_sizes() {
    let sizes = vec![0.5, 0.3, 0.2];
    let (lambda, es, es2): (f64, f64, f64) = (10.0, 1.7, 3.5);
    let mut s = light();
    s.demand.group_size = sizes.clone();
    let mut threes = light();
    threes.name = "Threes".into();
    threes.demand.group_size = vec![0.0, 0.0, 1.0];
    let (reps, h) = (200, 60);
    let aggs = run(21, reps, h, vec![s, threes]);
    let obs = values(&aggs[0], ADMISSIONS, 0..h as usize);
    let n: u64 = obs.iter().map(|(_, c)| c).sum();
    assert_eq!(n, reps as u64 * h as u64);
    let nf = n as f64;
    let mean = obs.iter().map(|(v, c)| *v as f64 * *c as f64).sum::<f64>() / nf;
    let var = obs
        .iter()
        .map(|(v, c)| (*v as f64 - mean).powi(2) * *c as f64)
        .sum::<f64>()
        / (nf - 1.0);
    let se = (lambda * es2 / nf).sqrt();
    assert!(
        (mean - lambda * es).abs() < 4.0 * se,
        "admissions a month {mean:.3}, expected {} (SE {se:.3})",
        lambda * es
    );
    // Var of the sample variance ~ (mu4 - sigma^4) / n; for compound Poisson
    // mu4 = lambda E[S^4] + 3 (lambda E[S^2])^2.
    let es4 = 0.5 + 0.3 * 16.0 + 0.2 * 81.0;
    let sigma2 = lambda * es2;
    let se_var = ((lambda * es4 + 3.0 * sigma2 * sigma2 - sigma2 * sigma2) / nf).sqrt();
    assert!(
        (var - sigma2).abs() < 4.0 * se_var,
        "variance {var:.2}, expected {sigma2} (SE {se_var:.2})"
    );
    assert!(
        (var / mean - es2 / es).abs() < 0.1,
        "dispersion {:.3}",
        var / mean
    );
    let pmf = compound_poisson(lambda, &sizes, 80);
    let (stat, df) = chi_square(&obs, &pmf);
    assert!(df >= 20, "too few bins ({df})");
    assert!(
        stat < chi_square_999(df),
        "chi-square {stat:.1} on {df} df (limit {:.1})",
        chi_square_999(df)
    );
    // Wrong size laws with the same mean are rejected by the same test: children arriving
    // one by one (Poisson 17), and groups of 1 or 3 in proportions 0.65, 0.35.
    for wrong in [
        compound_poisson(lambda * es, &[1.0], 80),
        compound_poisson(lambda, &[0.65, 0.0, 0.35], 80),
    ] {
        let (stat, df) = chi_square(&obs, &wrong);
        assert!(
            stat > chi_square_999(df),
            "the test cannot tell size laws apart ({stat:.1} on {df} df)"
        );
    }

    let obs3 = values(&aggs[1], ADMISSIONS, 0..h as usize);
    assert!(
        obs3.iter().all(|(v, _)| v % 3 == 0),
        "groups of three admitted {obs3:?}"
    );
    assert!(obs3.iter().any(|(v, _)| *v > 0));
}

/// (c) The recruitment funnel. With every delay zero, each enquiry's visit, stage 1,
/// stage 2 and approval fall in its own month, so each stage is at most the one before it
/// in every month, and each stage over all months is Binomial(previous stage, p): the
/// ratios must be within 4 binomial standard errors of to_visit, to_stage1, to_stage2 and
/// to_approval (50 enquiries a month, 80 runs of 72 months: about 288,000 enquiries). With the built-in delays the flows are
/// stationary once the first enquiries have worked through (the longest mean delay is
/// 4.5 months; by month 36 the chance an enquiry from before the start still lands is
/// negligible), so over months 36-71 each stage's count over the enquiries' count must
/// match the product of the conversion rates, within 4 standard errors computed as if the
/// two counts were independent Poisson (conservative). In the first month from a cold
/// start only the enquiries whose exponential visit delay d (mean 0.5 month) ends within
/// the month are visited: expected to_visit * enquiries * (1 - d (1 - exp(-1/d))).
#[test]
fn funnel_conversions() {
    let mut quick = light();
    quick.name = "No delays".into();
    let f = &mut quick.fostering.funnel;
    f.enquiries_per_month = 50.0;
    (
        f.visit_delay_months,
        f.stage1_delay_months,
        f.stage2_delay_months,
        f.approval_delay_months,
    ) = (0.0, 0.0, 0.0, 0.0);
    let mut slow = quick.clone();
    slow.name = "Built-in delays".into();
    let d = &default_scenario().fostering.funnel;
    let f = &mut slow.fostering.funnel;
    (
        f.visit_delay_months,
        f.stage1_delay_months,
        f.stage2_delay_months,
        f.approval_delay_months,
    ) = (
        d.visit_delay_months,
        d.stage1_delay_months,
        d.stage2_delay_months,
        d.approval_delay_months,
    );
    let fu = d.clone();
    let (reps, h) = (80u32, 72usize);
    let quick_scenario = quick.clone();
    let aggs = run(31, reps, h as u32, vec![quick, slow]);
    let stages = [ENQUIRIES, VISITS, STAGE1, STAGE2, APPROVALS];
    let p = [fu.to_visit, fu.to_stage1, fu.to_stage2, fu.to_approval];

    let a = &aggs[0];
    // Within each run and month, each stage is a subset of the one before.
    let model = Model::new(&quick_scenario, 24);
    let mut sim = Simulator::new(&model);
    for rep in 0..3 {
        sim.run(31, rep);
        for (m, row) in sim.months.iter().enumerate() {
            for w in stages.windows(2) {
                assert!(
                    row[w[1]] <= row[w[0]],
                    "rep {rep} month {m}: {:?}",
                    stages.map(|k| row[k])
                );
            }
        }
    }
    let totals: Vec<f64> = stages.iter().map(|k| total(a, *k, 0..h).0).collect();
    let enquiries_expected = 50.0 * (reps as usize * h) as f64;
    assert!(
        (totals[0] - enquiries_expected).abs() < 4.0 * enquiries_expected.sqrt(),
        "enquiries {}",
        totals[0]
    );
    for i in 0..4 {
        let ratio = totals[i + 1] / totals[i];
        let se = (p[i] * (1.0 - p[i]) / totals[i]).sqrt();
        assert!(
            (ratio - p[i]).abs() < 4.0 * se,
            "stage {} conversion {ratio:.4}, expected {} (SE {se:.4})",
            i + 1,
            p[i]
        );
    }
    // Approved households join the carers (conservation.rs checks the monthly identity).
    assert!(a.cell(h - 1, HOUSEHOLDS).mean() > 100.0);

    let b = &aggs[1];
    let window = 36..h;
    let enq = total(b, ENQUIRIES, window.clone()).0;
    let mut rate = 1.0;
    for (i, k) in stages[1..].iter().enumerate() {
        rate *= p[i];
        let ratio = total(b, *k, window.clone()).0 / enq;
        let se = (rate * (1.0 + rate) / enq).sqrt();
        assert!(
            (ratio - rate).abs() < 4.0 * se,
            "stage {}: {ratio:.4} per enquiry, expected {rate:.4} (SE {se:.4})",
            i + 1
        );
    }
    // The funnel starts full (the applicants of the months before the start are on their
    // way), so the first month has the steady rate of visits, not only this month's.
    let first_month = fu.to_visit * 50.0 * reps as f64;
    let v0 = b.cell(0, VISITS).sum as f64;
    assert!(
        (v0 - first_month).abs() < 4.0 * first_month.sqrt(),
        "visits in month 0: {v0}, expected {first_month:.0}"
    );
    // And approvals from the first month on, as later.
    let a0 = total(b, APPROVALS, 0..1).0;
    let later = total(b, APPROVALS, window.clone()).0 / window.len() as f64;
    assert!(
        (a0 - later).abs() < 4.0 * later.sqrt(),
        "approvals in month 0: {a0}, a month later on: {later:.1}"
    );
}

/// (d) The built-in borough's demand: 10.2 groups a month with seasonality, sizes
/// 1-6 (mean 1.65, E[S^2] = 3.75), so first-year admissions have mean
/// sum_m 10.2 s_m 1.65 (about 202) and variance sum_m 10.2 s_m 3.75 (sd about 21 a run);
/// over 200 runs the mean must be within 4 SE (6 children, 3%). Monthly admissions over
/// the first year must fit the mixture over calendar months of the exact compound Poisson
/// laws (chi-square at 0.1%). At the 2017/18 level (330 admissions a year, 16.7 groups a
/// month) a month of 35 or more admissions (May 2018) must be a real possibility: its
/// exact probability is above 0.5%, and its observed frequency within 4 binomial SE of it.
#[test]
fn built_in_admissions_match_the_configured_rate() {
    let base = default_scenario();
    let d = &base.demand;
    let es: f64 = d
        .group_size
        .iter()
        .enumerate()
        .map(|(j, p)| (j + 1) as f64 * p)
        .sum();
    let es2: f64 = d
        .group_size
        .iter()
        .enumerate()
        .map(|(j, p)| ((j + 1) * (j + 1)) as f64 * p)
        .sum();
    assert!((es - 1.65).abs() < 1e-9 && (es2 - 3.75).abs() < 1e-9);
    let mut busy = base.clone();
    busy.name = "2017/18 demand".into();
    busy.demand.groups_per_month = 330.0 / 12.0 / es;
    let (reps, h) = (200u32, 12usize);
    let aggs = run(41, reps, h as u32, vec![base.clone(), busy.clone()]);

    // Calendar month of simulated month m.
    let cal = |m: usize| (base.start_month as usize - 1 + m) % 12;
    let rate: Vec<f64> = (0..h)
        .map(|m| d.groups_per_month * d.seasonality[cal(m)])
        .collect();
    let year_mean: f64 = rate.iter().sum::<f64>() * es;
    let year_var: f64 = rate.iter().sum::<f64>() * es2;
    let (adm, _) = total(&aggs[0], ADMISSIONS, 0..h);
    let per_run = adm / reps as f64;
    let se = (year_var / reps as f64).sqrt();
    assert!(
        (per_run - year_mean).abs() < 4.0 * se,
        "first-year admissions {per_run:.1}, expected {year_mean:.1} (SE {se:.2})"
    );
    assert!((year_mean - 202.0).abs() < 1.0);

    let mixture = |scenario: &Scenario| -> Vec<f64> {
        let mut pmf = vec![0.0; 150];
        for m in 0..h {
            let g = scenario.demand.groups_per_month * scenario.demand.seasonality[cal(m)];
            for (k, p) in compound_poisson(g, &scenario.demand.group_size, 149)
                .iter()
                .enumerate()
            {
                pmf[k] += p / h as f64;
            }
        }
        pmf
    };
    for (agg, scenario) in aggs.iter().zip([&base, &busy]) {
        let obs = values(agg, ADMISSIONS, 0..h);
        let (stat, df) = chi_square(&obs, &mixture(scenario));
        assert!(
            stat < chi_square_999(df),
            "{}: chi-square {stat:.1} on {df} df",
            scenario.name
        );
    }

    let pmf = mixture(&busy);
    let n = (reps as usize * h) as f64;
    for threshold in [30usize, 35] {
        let exact: f64 = 1.0 - pmf[..threshold].iter().sum::<f64>();
        let seen = values(&aggs[1], ADMISSIONS, 0..h)
            .iter()
            .filter(|(v, _)| *v >= threshold as i64)
            .map(|(_, c)| *c)
            .sum::<u64>() as f64
            / n;
        let se = (exact * (1.0 - exact) / n).sqrt();
        assert!(exact > 0.005, "P(admissions >= {threshold}) = {exact:.4}");
        assert!(
            (seen - exact).abs() < 4.0 * se,
            "P(admissions >= {threshold}): seen {seen:.4}, exact {exact:.4} (SE {se:.4})"
        );
    }
    // Even at the built-in (2020) rate a month of 35 is rare but not impossible.
    let p35 = 1.0 - mixture(&base)[..35].iter().sum::<f64>();
    assert!(
        p35 > 1e-4 && p35 < 0.02,
        "P(35+ at the 2020 rate) = {p35:.5}"
    );
}
