//! Parameter recovery from the engine's own simulator: a borough is simulated for ten
//! years with known parameters and every child's history recorded (`sim::history`), the
//! last six years are written as SSDA903 returns in the real format
//! (`ssda903::simulated`), imported, and fitted as at the last day; each estimate must lie
//! within four standard errors of the truth (a false alarm about once in 15,000
//! comparisons), the standard error derived from the sample size:
//!
//! - a share from `n` observations: `sqrt(p (1 - p) / n)`;
//! - the admission rate on the forecast start, extrapolated along a fitted trend across a
//!   window of `T` years holding `N` groups: `2 / sqrt(N)` on the log scale; the trend
//!   `sqrt(12 / (N T^2))` (times `1 + trend`);
//! - exit routes and durations (censored, and left-truncated for the children already in
//!   care when the window opens): the fit's own standard error from the observed
//!   information, no smaller than the uncensored one of the same number of periods;
//! - the share of foster households leaving by special guardianship (their children's
//!   exits written as orders to former foster carers, E46/E43, and kept out of the route):
//!   the fit's Poisson standard error of the conversions counted.
//!
//! And the fitted borough, simulated on, makes as many special guardianship exits a year
//! (by the route and by conversion together) as the returns hold: a conversion counted in
//! the route too would make it twice.
//!
//! The independent generator's test (`ssda903_fit_recovery.rs`) checks the same fit
//! against the model's structure without the simulator.

mod ssda903_support;
use engine::defaults::default_scenario;
use engine::scenario::Scenario;
use engine::sim::{Model, Simulator};
use engine::ssda903::date::Date;
use engine::ssda903::fit::Fit;
use engine::ssda903::simulated::write_returns;
use engine::types::ExitRoute;

/// A month's exits by special guardianship (by the route and by conversion).
fn sgo_exits(m: &[i64]) -> i64 {
    m[engine::metrics::EXITS_BY_ROUTE + ExitRoute::SpecialGuardianship.index()]
}
use ssda903_support::{close, durations, fit_window, import_returns, share, value};

const HORIZON: usize = 120;
/// The simulation starts in April 2014; returns 2018/19 to 2023/24 are written.
const FIRST_RETURN: i32 = 2018;
const RETURNS: u32 = 6;
const WINDOW_YEARS: u32 = 5;

fn borough(groups_per_month: f64, trend: f64) -> Scenario {
    let mut s = default_scenario();
    s.start_year = 2014;
    s.start_month = 4;
    s.demand.groups_per_month = groups_per_month;
    s.demand.trend_per_year = trend;
    s
}

fn fitted(s: &Scenario, seed: u64) -> Fit {
    fitted_and_after(s, seed, 0).0
}

/// The fit of `s`'s returns (seed `seed`), the borough run on for `after` months more
/// (the returns end with month [`HORIZON`]) and its special guardianship exits in them,
/// and its foster households at the returns' end.
fn fitted_and_after(s: &Scenario, seed: u64, after: usize) -> (Fit, i64, i64) {
    let model = Model::new(s, HORIZON + after);
    let mut sim = Simulator::new(&model);
    sim.record_histories(true);
    sim.run(seed, 0);
    let day0 = Date::from_ymd(s.start_year, s.start_month, 1).unwrap();
    let files = write_returns(
        sim.histories().expect("recorded"),
        day0,
        FIRST_RETURN,
        RETURNS,
    );
    let imported = import_returns(&files);
    assert_eq!(
        imported.observed_to,
        Date::collection_year_end(FIRST_RETURN + RETURNS as i32 - 1)
    );
    let sgo = sim.months[HORIZON..].iter().map(|m| sgo_exits(m)).sum();
    let households = sim.months[HORIZON - 1][engine::metrics::HOUSEHOLDS];
    (fit_window(&imported, s, WINDOW_YEARS), sgo, households)
}

/// The level on the forecast start (the model's month 120) and the trend.
fn admissions(f: &Fit, s: &Scenario) {
    let years = HORIZON as f64 / 12.0;
    let level = s.demand.groups_per_month * (1.0 + s.demand.trend_per_year).powf(years);
    let window = f64::from(WINDOW_YEARS);
    ssda903_support::admissions(f, level, s.demand.trend_per_year, window);
}

fn exits(f: &Fit, s: &Scenario) {
    for (band, row) in s.exits.route_by_entry_age.iter().enumerate() {
        let Some(_) = f
            .report
            .value(&format!("exits.route_by_entry_age[{band}][0]"))
        else {
            continue; // too few periods in the band: kept, not fitted
        };
        for (r, truth) in row.iter().enumerate() {
            let field = format!("exits.route_by_entry_age[{band}][{r}]");
            let (est, se, n) = value(f, &field);
            let uncensored = (truth * (1.0 - truth) / n as f64).sqrt();
            let se = se.expect("every route of a fitted band has a standard error");
            close(&field, est, *truth, se.max(uncensored));
        }
    }
    durations(
        f,
        [
            &s.exits.return_home,
            &s.exits.special_guardianship,
            &s.exits.adoption,
        ],
    );
    let field = "fostering.sgo_conversion_share";
    let (est, se, n) = value(f, field);
    assert!(
        n > 0,
        "no conversions written as orders to former foster carers"
    );
    close(
        field,
        est,
        s.fostering.sgo_conversion_share,
        se.expect("a share has a standard error"),
    );
}

#[test]
fn recovers_a_simulated_steady_borough() {
    let s = borough(20.0, 0.0);
    let f = fitted(&s, 3);
    admissions(&f, &s);
    for (i, p) in s.demand.entry_age.iter().enumerate() {
        share(&f, &format!("demand.entry_age[{i}]"), *p);
    }
    for (i, p) in s.demand.group_size.iter().enumerate() {
        share(&f, &format!("demand.group_size[{i}]"), *p);
    }
    exits(&f, &s);
    assert!(f.exits.left_truncated > 100, "{}", f.exits.left_truncated);
}

#[test]
fn recovers_a_simulated_trend_in_admissions() {
    let s = borough(14.0, 0.08);
    let f = fitted(&s, 5);
    admissions(&f, &s);
    let (trend, se, _) = value(&f, "demand.trend_per_year");
    assert!(trend - 2.0 * se.unwrap() > 0.0, "trend {trend} not found");
    exits(&f, &s);
}

/// Special guardianship exits a year of `s` over its first `months`, averaged over `runs`
/// runs: the mean and its standard error.
fn sgo_exits_a_year(s: &Scenario, months: usize, runs: u64) -> (f64, f64) {
    let model = Model::new(s, months);
    let mut sim = Simulator::new(&model);
    let per_year: Vec<f64> = (0..runs)
        .map(|seed| {
            sim.run(100 + seed, 0);
            let n: i64 = sim.months.iter().map(|m| sgo_exits(m)).sum();
            n as f64 * 12.0 / months as f64
        })
        .collect();
    let mean = per_year.iter().sum::<f64>() / runs as f64;
    let var = per_year.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (runs - 1) as f64;
    (mean, (var / runs as f64).sqrt())
}

/// A borough with many carers' conversions (every household leaving with children does so
/// by special guardianship, and households leave faster), so counting them twice shows.
fn converting_borough() -> Scenario {
    let mut s = borough(20.0, 0.0);
    s.fostering.sgo_conversion_share = 1.0;
    s.fostering.attrition_early = 0.3;
    s.fostering.attrition_later = 0.3;
    s
}

/// The fitted borough's special guardianship exits a year over five years from the fit's
/// date, against the true borough's over the same years (the borough is still growing,
/// so the returns' own years are fewer): the z-value and the conversions a year seen.
fn sgo_exits_z(seed: u64) -> (f64, f64, f64) {
    let months = 12 * WINDOW_YEARS as usize;
    let (mut f, truth, households) = fitted_and_after(&converting_borough(), seed, months);
    // The return holds no carers: the council enters its households on the date.
    f.scenario.fostering.households = households as u32;
    let years = f64::from(WINDOW_YEARS);
    let (sim, sim_se) = sgo_exits_a_year(&f.scenario, months, 6);
    let se = (truth as f64 / years / years + sim_se * sim_se).sqrt();
    let c = &f.conversions;
    let per_year = c.conversions as f64 / years;
    println!(
        "special guardianship exits a year: the true borough {:.1}, the fitted one {sim:.1} ± {sim_se:.1} (returns: {:.1}, {per_year:.1} of them conversions); tolerance {:.1}",
        truth as f64 / years,
        (c.sgo + c.cao) as f64 / years,
        4.0 * se
    );
    ((sim - truth as f64 / years) / se, per_year, se)
}

#[test]
fn a_fitted_borough_makes_its_special_guardianship_exits_once() {
    let (z, conversions, se) = sgo_exits_z(11);
    assert!(
        conversions > 4.0 * se,
        "counted twice, the conversions must be more than the tolerance"
    );
    assert!(z.abs() <= 4.0, "z = {z:.2}");
}
