//! Parameter recovery: a synthetic borough with known parameters (`ssda903::synthetic`)
//! is written as SSDA903 returns in the real format (`ssda903::write`), imported with the
//! importer, and fitted; each estimate must lie within four standard errors of the truth
//! (a false alarm about once in 15,000 comparisons), the standard error being derived
//! from the sample size:
//!
//! - a share from `n` observations: `sqrt(p (1 - p) / n)`;
//! - a rate from `k` events over `T` years: `sqrt(k) / T`;
//! - the admission rate on the forecast start, extrapolated along a fitted trend across a
//!   window of `T` years holding `N` groups: `2 / sqrt(N)` on the log scale (`1 / N` for
//!   the level at the window's middle plus `12 / (N T^2) x (T / 2)^2` for the trend);
//!   the trend itself `sqrt(12 / (N T^2))`; a month's seasonal effect `sqrt(12 / N)`;
//! - exit routes and durations, where censoring removes information in a way no simple
//!   formula gives: the fit's own standard error from the observed information, which must
//!   be at least the one the same number of uncensored periods would give.
//!
//! The steady borough is fitted over a 5-year window: over 3 years, how many young
//! children stay in care until 18 rests on the durations' tails beyond the window, and
//! the estimate can sit at zero (the fit's report says so).
//!
//! The histories come from a small generator in the engine (not the simulator, which keeps
//! no per-child history), drawing routes and durations as the model does.

mod ssda903_support;
use engine::ssda903::fit::Fit;
use engine::ssda903::synthetic::{simulate, SyntheticBorough};
use engine::ssda903::write::returns;
use engine::types::PlacementType;
use ssda903_support::{close, durations, fit_window, import_returns, share, value};

fn fitted(b: &SyntheticBorough, seed: u64, window_years: u32) -> Fit {
    let children = simulate(b, seed);
    let files = returns(&children, b.first_year, b.years);
    let imported = import_returns(&files);
    assert_eq!(imported.observed_to, Some(b.end()));
    fit_window(
        &imported,
        &engine::defaults::default_scenario(),
        window_years,
    )
}

/// Admissions: the level at the start and the trend, with the standard errors the number
/// of groups gives; returns the groups counted.
fn admissions(f: &Fit, b: &SyntheticBorough, window_years: f64) -> f64 {
    let start =
        engine::ssda903::date::Date::from_ymd(f.scenario.start_year, f.scenario.start_month, 1)
            .unwrap();
    let level = b.groups_per_month
        * (1.0 + b.trend_per_year).powf(f64::from(start.days_since(b.reference)) / 365.25);
    ssda903_support::admissions(f, level, b.trend_per_year, window_years)
}

#[test]
fn recovers_a_steady_borough() {
    let b = SyntheticBorough {
        groups_per_month: 25.0,
        ..SyntheticBorough::example()
    };
    let f = fitted(&b, 7, 5);
    let groups = admissions(&f, &b, 5.0);
    let mean = b.seasonality.iter().sum::<f64>() / 12.0;
    for m in 0..12 {
        let (est, _, _) = value(&f, &format!("demand.seasonality[{m}]"));
        close(
            &format!("ln seasonality[{m}]"),
            est.ln(),
            (b.seasonality[m] / mean).ln(),
            (12.0 / groups).sqrt(),
        );
    }
    for (i, p) in b.entry_age.iter().enumerate() {
        share(&f, &format!("demand.entry_age[{i}]"), *p);
    }
    for (i, p) in b.group_size.iter().enumerate() {
        share(&f, &format!("demand.group_size[{i}]"), *p);
    }
    exits(&f, &b);
    share(&f, "exits.staying_put_share", b.staying_put_share);
    // Breakdowns: the same rate from every placement type the children move between
    // (each type with at least 30 moves checked; adoption placements end with the exit).
    let mut checked = 0;
    for name in ["breakdown_child", "breakdown_adolescent"] {
        for t in PlacementType::ALL {
            let field = format!("stability.{name}.{}", t.key());
            let Some(v) = f.report.value(&field) else {
                continue;
            };
            if v.n < 30 || t == PlacementType::PlacedForAdoption {
                continue;
            }
            let years = v.n as f64 / v.value;
            close(
                &field,
                v.value,
                b.breakdown_per_year,
                (b.breakdown_per_year * years).sqrt() / years,
            );
            checked += 1;
        }
    }
    assert!(checked >= 6, "only {checked} breakdown rates checked");
    // The starting population is the stock on the date, and valid.
    assert!(
        f.scenario.population.children > 300,
        "{}",
        f.scenario.population.children
    );
}

/// Exit routes and durations within four of the fit's standard errors, each no smaller
/// than the uncensored one.
fn exits(f: &Fit, b: &SyntheticBorough) {
    for (band, row) in b.route_by_entry_age.iter().enumerate() {
        for (r, truth) in row.iter().enumerate() {
            let field = format!("exits.route_by_entry_age[{band}][{r}]");
            let (est, se, n) = value(f, &field);
            let uncensored = (truth * (1.0 - truth) / n as f64).sqrt();
            // The fit's standard error, but never below the uncensored one at the truth
            // (the least any estimate from `n` periods can vary): near a boundary the
            // observed information understates it.
            let se = se.expect("every route of a fitted band has a standard error");
            if *truth > 0.05 && est > 0.02 {
                assert!(
                    se >= 0.9 * uncensored,
                    "{field}: SE {se} below the uncensored {uncensored}"
                );
            }
            assert!(se < 0.12, "{field}: SE {se}: the test would say nothing");
            close(&field, est, *truth, se.max(uncensored));
        }
    }
    let [home, guardianship, adoption] = &b.durations;
    durations(f, [home, guardianship, adoption]);
}

#[test]
fn recovers_a_trend_in_admissions() {
    let b = SyntheticBorough {
        groups_per_month: 20.0,
        trend_per_year: 0.2,
        years: 6,
        ..SyntheticBorough::example()
    };
    let f = fitted(&b, 11, 5);
    admissions(&f, &b, 5.0);
    // A trend the fit did not find would have been flat.
    let (trend, se, _) = value(&f, "demand.trend_per_year");
    assert!(trend - 2.0 * se.unwrap() > 0.0, "trend {trend} not found");
}
