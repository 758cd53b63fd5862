//! Boroughs for the benchmark's scaling figures, built from the built-in scenario: a large
//! county (the built-in borough `COUNTY_SCALE` times over), and the worst cases today's validation
//! limits allow, each timed as one run (with `/usr/bin/time -v` for its peak memory):
//!
//!     cargo bench -p sufficiency-engine --bench runs --no-run   # prints the binary's path
//!     /usr/bin/time -v target/release/deps/runs-HASH worst households 120

use std::time::Instant;

use engine::limits::{MAX_BREAKDOWN_PER_YEAR, MAX_GROUP_SIZE, MAX_REPEAT_MULTIPLIER};
use engine::runner::{Job, MAX_GROUPS_PER_MONTH};
use engine::scenario::{PlacementCounts, RunSettings, Scenario};
use engine::sim::Simulator;

use super::SEED;

/// How many times over the large county is the built-in borough: eight, the most that
/// stays within validation's `MAX_GROUPS_PER_MONTH` (100 sibling groups a month; the
/// borough's 10.2 at its seasonal peak of 1.15 is 11.7, so ten times over would be 117 and
/// refused, eight times 94).
pub const COUNTY_SCALE: u32 = 8;

/// The built-in borough `COUNTY_SCALE` times over: admissions, foster households and
/// enquiries, in-house homes, children in care at the start and the supported-accommodation
/// market.
pub fn large_county(base: &Scenario) -> Scenario {
    let k = COUNTY_SCALE;
    let mut s = base.clone();
    s.name = format!("Large county ({k}x)");
    s.demand.groups_per_month *= k as f64;
    s.population.children *= k;
    s.fostering.households *= k;
    s.fostering.funnel.enquiries_per_month *= k as f64;
    s.residential.homes = (0..k)
        .flat_map(|_| base.residential.homes.iter().cloned())
        .collect();
    let sa = &mut s.markets.supported_accommodation;
    sa.limit = sa.limit.map(|l| l * k);
    s
}

/// The worst cases: `households` (100,000 households, 10,000 enquiries a month all
/// approved, 200 homes of 100 beds); `admissions` (`MAX_GROUPS_PER_MONTH` sibling groups of
/// `MAX_GROUP_SIZE` a month, placements breaking down ten times as often as in the built-in
/// borough, up to `MAX_BREAKDOWN_PER_YEAR`); `breakdowns`
/// (the built-in borough with the highest breakdown rates and repeat multiplier allowed);
/// `all` (the first two together).
pub fn worst(base: &Scenario, name: &str) -> Option<Scenario> {
    let mut s = base.clone();
    s.name = format!("Worst case: {name}");
    let households = |s: &mut Scenario| {
        s.fostering.households = 100_000;
        let fu = &mut s.fostering.funnel;
        fu.enquiries_per_month = 10_000.0;
        fu.to_visit = 1.0;
        fu.to_stage1 = 1.0;
        fu.to_stage2 = 1.0;
        fu.to_approval = 1.0;
        let home = base.residential.homes[0].clone();
        s.residential.homes = (0..200)
            .map(|i| {
                let mut h = home.clone();
                h.name = format!("Home {i}");
                h.beds = 100;
                h.usable_beds = 100;
                h.min_age = 0;
                h
            })
            .collect();
    };
    let admissions = |s: &mut Scenario| {
        // The most validation allows, every month (no seasonal peak).
        s.demand.groups_per_month = MAX_GROUPS_PER_MONTH;
        s.demand.seasonality = [1.0; 12];
        s.demand.group_size = vec![0.0; MAX_GROUP_SIZE];
        s.demand.group_size[MAX_GROUP_SIZE - 1] = 1.0;
        let st = &mut s.stability;
        for rates in [&mut st.breakdown_child, &mut st.breakdown_adolescent] {
            *rates = PlacementCounts::from_array(
                rates
                    .to_array()
                    .map(|r| (r * 10.0).min(MAX_BREAKDOWN_PER_YEAR)),
            );
        }
    };
    match name {
        "default" => s.name = base.name.clone(),
        "large" => s = large_county(base),
        "households" => households(&mut s),
        "admissions" => admissions(&mut s),
        "breakdowns" => {
            let st = &mut s.stability;
            st.breakdown_child = PlacementCounts::from_array([MAX_BREAKDOWN_PER_YEAR; 9]);
            st.breakdown_adolescent = PlacementCounts::from_array([MAX_BREAKDOWN_PER_YEAR; 9]);
            st.repeat_multiplier = MAX_REPEAT_MULTIPLIER;
        }
        "all" => {
            households(&mut s);
            admissions(&mut s);
        }
        _ => return None,
    }
    Some(s)
}

/// `runs` runs of worst case `name` over `months` (or of the built-in borough, `default`,
/// or the large county, `large`, to profile them), timed (the start-up pool's build
/// included, as a job's first run has it).
pub fn time_worst(base: &Scenario, name: &str, months: u32, runs: u32) {
    let Some(s) = worst(base, name) else {
        eprintln!("no case '{name}': households, admissions, breakdowns, all, default or large");
        std::process::exit(2);
    };
    let job = Job {
        settings: RunSettings {
            seed: SEED,
            replications: 1,
            horizon_months: months,
            uncertainty: false,
        },
        scenarios: vec![s.clone()],
        compare_with: vec![],
    };
    let prepared = match job.prepare() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("the worst case is not a valid job: {e:?}");
            std::process::exit(2);
        }
    };
    let mut sim = Simulator::new(&prepared.models[0]);
    let t = Instant::now();
    for rep in 0..runs.max(1) {
        sim.run(SEED, rep);
    }
    let secs = t.elapsed().as_secs_f64() / runs.max(1) as f64;
    let last = &sim.months[months as usize - 1];
    println!(
        "{} over {months} months: {secs:.3} s a run; at the end {} children in care, {} \
         foster households",
        s.name,
        last[engine::metrics::IN_CARE],
        last[engine::metrics::HOUSEHOLDS],
    );
}
