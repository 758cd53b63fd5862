//! Throughput benchmark (no harness): replications per second of the built-in borough over
//! five years (60 months), on one thread, alone and compared with one strategy; and of a
//! large county (the built-in borough eight times over, as many as validation's limit on
//! admissions allows, see `scale`), to show how the cost of a run grows with the borough's
//! size.
//!
//!     cargo bench -p sufficiency-engine --bench runs            # 2,000 replications
//!     cargo bench -p sufficiency-engine --bench runs -- 500     # another count
//!     cargo bench -p sufficiency-engine --bench runs -- worst households 120
//!                                   # one run of a worst case (see `scale::worst`)
//!     cargo bench -p sufficiency-engine --bench runs -- worst default 60 200
//!                                   # 200 runs of the built-in borough (to profile)
//!
//! Four figures for each job:
//! - simulate: `Simulator::run` in a loop after a warm-up (the hot path alone): the median
//!   of five passes over the replications, with their range;
//! - aggregate: `Aggregate::add` alone, timed after each replication's runs (so with the
//!   caches as the simulators leave them), and its share of `simulate`;
//! - job: `PreparedJob::run` over all replications, as the CLI calls it (the browser worker
//!   runs the same `Batch` in time slices): simulation, streaming aggregation, and fresh
//!   simulators per call;
//! - first run: the one-off cost of a fresh simulator's first run over a steady run (its
//!   buffers growing; each run draws its own starting children from the model's tables).

use std::hint::black_box;
use std::time::{Duration, Instant};

use engine::defaults::{default_scenario, strategy};
use engine::runner::Job;
use engine::scenario::{RunSettings, Scenario};
use engine::sim::{Model, Simulator};

mod scale;

const HORIZON: u32 = 60;
const SEED: u64 = 20_200_701;
const WARM_UP: u32 = 50;
const PASSES: usize = 5;

fn per_run(d: Duration, runs: u32) -> String {
    let s = d.as_secs_f64();
    format!(
        "{:>9.0} runs/s  {:>8.1} µs/run",
        runs as f64 / s,
        s * 1e6 / runs as f64
    )
}

/// Benchmark a job of `scenarios`; returns the simulation's median rate (runs a second).
fn bench(label: &str, scenarios: Vec<Scenario>, reps: u32) -> f64 {
    let n = scenarios.len() as u32;
    let job = Job {
        settings: RunSettings {
            seed: SEED,
            replications: WARM_UP + reps,
            horizon_months: HORIZON,
            uncertainty: false,
        },
        scenarios,
        compare_with: vec![],
    };
    let prepared = job.prepare().expect("valid job");

    // The hot path: one simulator per scenario, warmed up (buffers grown), then `reps` replications of every scenario.
    let models: Vec<&Model> = prepared.models.iter().collect();
    let mut sims: Vec<Simulator<'_>> = models.iter().map(|m| Simulator::new(m)).collect();
    let t = Instant::now();
    for s in sims.iter_mut() {
        s.run(SEED, 0);
    }
    let first = t.elapsed();
    let t = Instant::now();
    for rep in 1..WARM_UP {
        for s in sims.iter_mut() {
            s.run(SEED, rep);
        }
    }
    let steady = t.elapsed() / (WARM_UP - 1);
    // Several passes over the same replications: this VM's speed drifts, so one pass can
    // land in a slow or fast moment; the median pass is the figure, the range its spread.
    let mut passes: Vec<Duration> = (0..PASSES)
        .map(|_| {
            let t = Instant::now();
            for rep in WARM_UP..WARM_UP + reps {
                for s in sims.iter_mut() {
                    s.run(SEED, rep);
                    black_box(&s.months);
                }
            }
            t.elapsed()
        })
        .collect();
    passes.sort();
    let sim_time = passes[PASSES / 2];
    let rate = |d: Duration| reps as f64 / d.as_secs_f64();

    // Aggregation alone, in place: each replication's runs (untimed), then its `add`.
    let mut agg = prepared.empty_aggregate();
    let mut add_time = Duration::ZERO;
    for rep in WARM_UP..WARM_UP + reps {
        for s in sims.iter_mut() {
            s.run(SEED, rep);
        }
        let t = Instant::now();
        agg.add(rep, &sims);
        add_time += t.elapsed();
    }
    black_box(&agg);

    // As drivers call it: one `PreparedJob::run` over all replications.
    let t = Instant::now();
    let agg = prepared.run(WARM_UP..WARM_UP + reps);
    let job_time = t.elapsed();
    black_box(&agg);

    println!(
        "{label} ({n} scenario{}, {reps} replications of {HORIZON} months, one thread)",
        if n > 1 { "s" } else { "" }
    );
    println!(
        "  simulate       {}   (median of {PASSES} passes, {:.0}-{:.0} runs/s; one \
         replication of every scenario = one run)",
        per_run(sim_time, reps),
        rate(passes[PASSES - 1]),
        rate(passes[0]),
    );
    println!(
        "  aggregate      {:>9.1} µs/run    ({:.1}% of simulate)",
        add_time.as_secs_f64() * 1e6 / reps as f64,
        100.0 * add_time.as_secs_f64() / sim_time.as_secs_f64()
    );
    println!(
        "  job            {}   ({:.2} s in all)",
        per_run(job_time, reps),
        job_time.as_secs_f64()
    );
    println!(
        "  first run      {:>9.1} ms per scenario per call (over a steady run)",
        (first.saturating_sub(steady * n)).as_secs_f64() * 1e3 / n as f64
    );
    println!("  fingerprint    {}", agg.fingerprint());
    rate(sim_time)
}

/// `PreparedJob::run` of the built-in borough with and without uncertainty in the
/// assumptions (each replication then compiles its shifted model, taking the exit
/// durations and start-up tables from the job's: `uncertain::shifted_model`): the fastest
/// of two alternated passes of each.
fn uncertainty_cost(base: &Scenario, reps: u32) {
    let time = |uncertainty: bool| {
        let job = Job {
            settings: RunSettings {
                seed: SEED,
                replications: reps,
                horizon_months: HORIZON,
                uncertainty,
            },
            scenarios: vec![base.clone()],
            compare_with: vec![],
        };
        let prepared = job.prepare().expect("valid job");
        let t = Instant::now();
        black_box(prepared.run(0..reps));
        t.elapsed()
    };
    let (mut off, mut on) = (Duration::MAX, Duration::MAX);
    for _ in 0..2 {
        off = off.min(time(false));
        on = on.min(time(true));
    }
    println!(
        "Uncertainty in the assumptions ({reps} replications of the built-in borough, one thread)"
    );
    println!("  off            {}", per_run(off, reps));
    println!(
        "  on             {}   ({:+.0}%)",
        per_run(on, reps),
        100.0 * (on.as_secs_f64() / off.as_secs_f64() - 1.0)
    );
    println!();
}

fn main() {
    // `cargo bench` passes `--bench`; a bare number sets the replication count.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let base = default_scenario();
    if args.first().map(String::as_str) == Some("worst") {
        let name = args.get(1).map_or("households", String::as_str);
        let months = args.get(2).and_then(|m| m.parse().ok()).unwrap_or(120);
        let runs = args.get(3).and_then(|m| m.parse().ok()).unwrap_or(1);
        scale::time_worst(&base, name, months, runs);
        return;
    }
    let reps = args
        .iter()
        .find_map(|a| a.parse::<u32>().ok())
        .unwrap_or(2_000);
    let default_rate = bench("Built-in borough", vec![base.clone()], reps);
    println!();
    // A share of the replications: each run is about `COUNTY_SCALE` times the work.
    let k = scale::COUNTY_SCALE;
    let large_reps = (reps / k).max(20);
    let large_rate = bench(
        &format!("Large county ({k}x the built-in borough)"),
        vec![scale::large_county(&base)],
        large_reps,
    );
    println!(
        "  vs built-in    {default_rate:.0} runs/s built-in, {large_rate:.0} runs/s large \
         county: a run costs {:.1}x ({k}x the borough)",
        default_rate / large_rate
    );
    println!();
    let strat = base.with_strategy(&strategy("strategy_2019_22").expect("built-in strategy"));
    bench(
        "Built-in borough vs 2019-22 strategy",
        vec![base.clone(), strat],
        reps,
    );
    println!();

    uncertainty_cost(&base, (reps / 4).max(20));

    // Every child enters under 1 and returns home (the start-up pool this replaced drew
    // until its cap here; the stock tables cost the same for any scenario).
    let mut young = base;
    young.name = "All admitted under 1".into();
    young.demand.entry_age = [1.0, 0.0, 0.0, 0.0, 0.0];
    young.population.age_profile = None;
    young.exits.route_by_entry_age = [[1.0, 0.0, 0.0, 0.0]; 5];
    let model = Model::new(&young, 1);
    let mut sim = Simulator::new(&model);
    let t = Instant::now();
    sim.run(SEED, 0);
    let first = t.elapsed();
    let t = Instant::now();
    sim.run(SEED, 1);
    let steady = t.elapsed();
    println!(
        "Start-up with every child entering under 1: first run {:.1} ms over a steady one",
        first.saturating_sub(steady).as_secs_f64() * 1e3
    );
}
