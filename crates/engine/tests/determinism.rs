//! Reproducibility: the same job and seed give bit-identical aggregates however the
//! replications are batched and merged, a different seed gives different numbers, and
//! scenarios in one job share their random draws (common random numbers).

use std::sync::OnceLock;

use engine::aggregate::{Aggregate, PAIRED_METRICS};
use engine::defaults::{default_scenario, strategy};
use engine::metrics::{self, IN_CARE};
use engine::runner::{Job, PreparedJob};
use engine::scenario::RunSettings;
use engine::sim::{Model, Simulator};

const SEED: u64 = 4_242;
const REPS: u32 = 40;
const HORIZON: u32 = 24;

/// Baseline and the full 2019-22 strategy (every kind of lever that changes placements).
fn job(seed: u64) -> Job {
    let base = default_scenario();
    let strat = base.with_strategy(&strategy("strategy_2019_22").unwrap());
    Job {
        settings: RunSettings {
            seed,
            replications: REPS,
            horizon_months: HORIZON,
            uncertainty: false,
        },
        scenarios: vec![base, strat],
        compare_with: vec![],
    }
}

fn prepared() -> &'static PreparedJob {
    static P: OnceLock<PreparedJob> = OnceLock::new();
    P.get_or_init(|| job(SEED).prepare().expect("the built-in job is valid"))
}

/// All 40 replications in one call, computed once for the tests that compare with it.
fn full() -> &'static Aggregate {
    static A: OnceLock<Aggregate> = OnceLock::new();
    A.get_or_init(|| prepared().run(0..REPS))
}

#[test]
fn same_seed_gives_identical_aggregate() {
    let again = job(SEED).prepare().unwrap().run(0..REPS);
    assert_eq!(again.runs, REPS as u64);
    assert!(again == *full(), "two runs of the same job differ");
    assert_eq!(again.fingerprint(), full().fingerprint());
    // Not trivially equal: the runs vary.
    let h = full().scenarios[0].cell(HORIZON as usize - 1, IN_CARE);
    assert!(h.max > h.min, "children in care identical in every run");
}

/// The same replications in three calls: the first stopped early by its progress callback
/// (asked for all 40, stopped after 13), the last asking past the end (clipped to 40).
fn batches() -> &'static [Aggregate; 3] {
    static B: OnceLock<[Aggregate; 3]> = OnceLock::new();
    B.get_or_init(|| {
        let p = prepared();
        let mut calls = 0;
        let a = p.run_with(0..REPS, |done| {
            calls += 1;
            assert_eq!(done, calls, "progress counts runs done");
            done < 13
        });
        [a, p.run(13..29), p.run(29..1_000)]
    })
}

#[test]
fn batching_and_merge_order_do_not_matter() {
    let [a, b, c] = batches();
    assert_eq!((a.runs, b.runs, c.runs), (13, 16, 11));
    let mut forward = a.clone();
    forward.merge(b);
    forward.merge(c);
    let mut backward = c.clone();
    backward.merge(a);
    backward.merge(b);
    let mut nested = prepared().empty_aggregate();
    let mut bc = b.clone();
    bc.merge(c);
    nested.merge(&bc);
    nested.merge(a);
    for (name, merged) in [
        ("a+b+c", &forward),
        ("c+a+b", &backward),
        ("0+(b+c)+a", &nested),
    ] {
        assert!(merged == full(), "{name} differs from one batch");
        assert_eq!(merged.fingerprint(), full().fingerprint(), "{name}");
    }
    // Batches really differ from each other and from the whole.
    assert_ne!(a.fingerprint(), b.fingerprint());
    assert_ne!(a.fingerprint(), full().fingerprint());
    // Sample paths are kept by replication index, whatever the batching.
    let reps: Vec<u32> = forward.scenarios[0].samples.iter().map(|s| s.rep).collect();
    assert_eq!(
        reps,
        (0..engine::aggregate::SAMPLE_PATHS).collect::<Vec<_>>()
    );
    // An empty range simulates nothing.
    assert!(prepared().run(7..7) == prepared().empty_aggregate());
}

#[test]
fn different_seed_gives_different_numbers() {
    let one = |seed| {
        let mut j = job(seed);
        j.scenarios.truncate(1);
        j.prepare().unwrap().run(0..3)
    };
    let (a, b) = (one(SEED), one(SEED + 1));
    assert_ne!(a.fingerprint(), b.fingerprint());
    assert!(a.scenarios[0].total_cost != b.scenarios[0].total_cost);
    assert!(a.scenarios[0].cell(5, IN_CARE) != b.scenarios[0].cell(5, IN_CARE));
}

#[test]
fn simulator_reuse_across_seeds_and_replications_is_stateless() {
    let model = Model::new(&default_scenario(), 18);
    let fresh = |seed, rep| {
        let mut s = Simulator::new(&model);
        s.run(seed, rep);
        (s.months.clone(), s.years.cost.clone())
    };
    let a = fresh(1, 3);
    let b = fresh(2, 3);
    let mut sim = Simulator::new(&model);
    for (seed, rep, expect) in [(1, 3, &a), (2, 3, &b), (1, 3, &a), (1, 3, &a)] {
        sim.run(seed, rep);
        assert!(
            sim.months == expect.0 && sim.years.cost == expect.1,
            "seed {seed} rep {rep} depends on earlier runs"
        );
    }
    assert!(a.0 != b.0);
}

#[test]
fn aggregate_survives_a_json_round_trip() {
    // The browser worker ships aggregates as JSON and merges them.
    let [a, b, c] = batches();
    let back = |x: &Aggregate| -> Aggregate {
        serde_json::from_str(&serde_json::to_string(x).unwrap()).unwrap()
    };
    let mut merged = back(a);
    assert!(merged == *a);
    merged.merge(&back(b));
    merged.merge(&back(c));
    assert_eq!(merged.fingerprint(), full().fingerprint());
}

/// Baseline, an identical copy under another name, and framework pricing, in one job.
fn paired_job() -> &'static Aggregate {
    static A: OnceLock<Aggregate> = OnceLock::new();
    A.get_or_init(|| {
        let base = default_scenario();
        let mut copy = base.clone();
        copy.name = "Baseline copy".into();
        let cheaper = base.with_strategy(&strategy("framework").unwrap());
        let job = Job {
            settings: RunSettings {
                seed: SEED,
                replications: PAIRED_REPS,
                horizon_months: HORIZON,
                uncertainty: false,
            },
            scenarios: vec![base, copy, cheaper],
            compare_with: vec![],
        };
        job.prepare().unwrap().run(0..PAIRED_REPS)
    })
}

const PAIRED_REPS: u32 = 10;

#[test]
fn identical_scenarios_have_exactly_zero_paired_differences() {
    let agg = paired_job();
    assert!(agg.scenarios[0] == agg.scenarios[1]);
    let p = &agg.paired[0];
    let zero = |h: &engine::hist::Hist, what: &str| {
        assert_eq!(h.n, PAIRED_REPS as u64, "{what}");
        assert!(h.min == 0 && h.max == 0 && h.sum == 0, "{what}: {h:?}");
    };
    for m in 0..HORIZON as usize {
        for (j, k) in PAIRED_METRICS.iter().enumerate() {
            zero(
                p.cell(m, j),
                &format!("month {m} {}", metrics::definitions()[*k].key),
            );
        }
    }
    for (i, h) in p.year_cost.iter().enumerate() {
        zero(h, &format!("year {i}"));
    }
    zero(&p.total_cost, "total cost");
    zero(&p.mean_gap, "mean gap");
    assert_eq!((p.cheaper_runs, p.less_gap_runs), (0, 0));
}

#[test]
fn price_only_strategy_changes_costs_and_nothing_else() {
    // Framework pricing draws no random numbers and moves no child: with common random
    // numbers every run has the same children in the same places, only cheaper.
    let agg = paired_job();
    let p = &agg.paired[1];
    for m in 0..HORIZON as usize {
        for (j, k) in PAIRED_METRICS.iter().enumerate() {
            let h = p.cell(m, j);
            if *k == metrics::COST {
                assert!(
                    h.max <= 0,
                    "month {m}: framework pricing made a run dearer: {h:?}"
                );
            } else {
                assert!(
                    h.min == 0 && h.max == 0,
                    "month {m}: {} changed",
                    metrics::definitions()[*k].key
                );
            }
        }
    }
    assert!(p.total_cost.max < 0);
    assert_eq!(p.cheaper_runs, PAIRED_REPS as u64);
    assert_eq!(p.less_gap_runs, 0);
}
