//! Fitting a scenario to the public synthetic returns in `../shared/fixtures/ssda903/`
//! (`SSDA903_FIXTURES` may name the folder): the fit runs as at the last date and at an
//! earlier one, the scenario it makes is valid, every fitted value says what it rests on,
//! only data up to the date are used, and the groups apply one by one.

use engine::defaults::default_scenario;
use engine::ssda903::date::Date;
use engine::ssda903::fit::{apply, fit, FitError, FitGroup, FitOptions};
use engine::ssda903::{import_dir, Import, ImportOptions};
use std::path::PathBuf;

fn load(sub: &str) -> Import {
    let root = std::env::var_os("SSDA903_FIXTURES").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/ssda903"),
        PathBuf::from,
    );
    let dir = root.join(sub);
    assert!(
        dir.is_dir(),
        "the public SSDA903 fixtures are missing: {}",
        dir.display()
    );
    import_dir(&dir, &ImportOptions::default()).expect("read the folder")
}

#[test]
fn fits_the_d2i_sample_as_at_its_last_date() {
    let import = load("d2i-sample");
    let base = default_scenario();
    let mut stages = Vec::new();
    let f = fit(&import, &base, &FitOptions::default(), &mut |s, x| {
        stages.push((s.to_string(), x))
    })
    .expect("fit");
    println!("{}", f.report);
    assert_eq!(Some(f.report.as_at), import.observed_to);
    assert!(stages.last().is_some_and(|s| s.1 == 1.0));
    f.scenario.validate().expect("valid");
    // The starting population is everyone in care on the date.
    let on_day = engine::ssda903::summary::in_care_on(&import.children, f.report.as_at);
    assert_eq!(f.scenario.population.children as usize, on_day.in_care);
    assert_eq!(f.start.children.len(), on_day.in_care);
    // Every fitted value names its source and window.
    for v in &f.report.values {
        assert!(
            v.source.starts_with("estimated from your returns ("),
            "{v:?}"
        );
        assert!(v.source.contains(&f.report.as_at.to_string()));
    }
    for field in [
        "demand.groups_per_month",
        "demand.trend_per_year",
        "exits.route_by_entry_age[3][0]",
    ] {
        let v = f
            .report
            .value(field)
            .unwrap_or_else(|| panic!("{field} not fitted"));
        assert!(v.std_error.is_some_and(|s| s > 0.0), "{v:?}");
    }
    assert!(f.report.kept.iter().any(|k| k.field == "fostering"));
    // Group by group: only the accepted groups change.
    let only_admissions = apply(&base, &f.scenario, &[FitGroup::Admissions]);
    assert_eq!(
        only_admissions.demand.groups_per_month,
        f.scenario.demand.groups_per_month
    );
    assert_eq!(only_admissions.exits, base.exits);
    assert_eq!(only_admissions.population, base.population);
    let mut all = apply(&base, &f.scenario, &FitGroup::ALL);
    assert_eq!(all.name, base.name);
    all.name = f.scenario.name.clone();
    all.description = f.scenario.description.clone();
    assert_eq!(all, f.scenario);
}

#[test]
fn an_earlier_date_uses_only_data_before_it() {
    let import = load("d2i-sample");
    let as_at = Date::from_ymd(2019, 3, 31).unwrap();
    let options = FitOptions {
        as_at: Some(as_at),
        window_years: 2,
        ..FitOptions::default()
    };
    let f = fit(&import, &default_scenario(), &options, &mut |_, _| {}).expect("fit");
    assert_eq!((f.scenario.start_year, f.scenario.start_month), (2019, 4));
    // The same fit from returns that end at the date gives the same starting population.
    let cut = engine::ssda903::fit::known_on(&import.children, as_at);
    let on_day = engine::ssda903::summary::in_care_on(&cut, as_at);
    assert_eq!(f.scenario.population.children as usize, on_day.in_care);
    let outside = FitOptions {
        as_at: Date::from_ymd(2030, 1, 1),
        ..FitOptions::default()
    };
    assert!(matches!(
        fit(&import, &default_scenario(), &outside, &mut |_, _| {}),
        Err(FitError::AsAtOutside { .. })
    ));
    let window = FitOptions {
        window_years: 0,
        ..FitOptions::default()
    };
    assert_eq!(
        fit(&import, &default_scenario(), &window, &mut |_, _| {}),
        Err(FitError::Window(0))
    );
}

#[test]
fn the_validator_fixtures_fit_or_say_why() {
    // Random codes: whatever the fit makes of them must be a valid scenario or a clear error.
    let import = load("validator-fake");
    match fit(
        &import,
        &default_scenario(),
        &FitOptions::default(),
        &mut |_, _| {},
    ) {
        Ok(f) => f.scenario.validate().expect("valid"),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}
