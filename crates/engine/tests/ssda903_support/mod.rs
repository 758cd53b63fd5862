//! What the SSDA903 parameter-recovery tests share: importing written returns and fitting
//! them, reading a fitted value from the fit report, the four-standard-error comparison
//! with the truth, and the checks of admissions and exit durations both tests make.

use engine::scenario::{DurationDist, Scenario};
use engine::ssda903::fit::{fit, Fit, FitOptions};
use engine::ssda903::{import, Import, ImportOptions, InputFile};

/// Standard errors an estimate may lie from the truth (a false alarm about once in 15,000
/// comparisons).
pub const Z: f64 = 4.0;

/// Imports written returns, which must hold no unusable file.
pub fn import_returns(files: &[(String, String)]) -> Import {
    let imported = import(&InputFile::from_texts(files), &ImportOptions::default());
    assert!(
        imported.report.errors().next().is_none(),
        "{}",
        imported.report
    );
    imported
}

/// A fitted value, its standard error and its N.
pub fn value(f: &Fit, field: &str) -> (f64, Option<f64>, usize) {
    let v = f
        .report
        .value(field)
        .unwrap_or_else(|| panic!("{field} not fitted"));
    (v.value, v.std_error, v.n)
}

/// The estimate within [`Z`] standard errors `se` of the truth.
pub fn close(field: &str, est: f64, truth: f64, se: f64) {
    assert!(
        (est - truth).abs() <= Z * se,
        "{field}: estimate {est:.4}, truth {truth:.4}, tolerance {:.4} (4 x {se:.4})",
        Z * se
    );
}

/// A share against the truth, with the binomial standard error of its sample size.
pub fn share(f: &Fit, field: &str, truth: f64) {
    let (est, _, n) = value(f, field);
    assert!(n >= 30, "{field}: only {n} observations");
    let se = (truth * (1.0 - truth) / n as f64)
        .sqrt()
        .max(0.5 / n as f64);
    close(field, est, truth, se);
}

/// The fit of imported returns as at their last date over `window_years`, keeping what
/// the return does not hold from `base` (the report printed for a failing test's log).
pub fn fit_window(imported: &Import, base: &Scenario, window_years: u32) -> Fit {
    let options = FitOptions {
        window_years,
        ..FitOptions::default()
    };
    let f = fit(imported, base, &options, &mut |_, _| {}).expect("fit");
    println!("{}", f.report);
    f
}

/// Admissions: the level on the forecast start against `level` (extrapolated along a
/// fitted trend across a window of `T` years holding `N` groups: `2 / sqrt(N)` on the log
/// scale) and the trend against `trend` (`sqrt(12 / (N T^2))`, times `1 + trend`); returns
/// the groups counted.
pub fn admissions(f: &Fit, level: f64, trend: f64, window_years: f64) -> f64 {
    let groups = f.admissions.as_ref().expect("admissions fitted").groups;
    let (gpm, _, _) = value(f, "demand.groups_per_month");
    close(
        "ln groups_per_month",
        gpm.ln(),
        level.ln(),
        2.0 / groups.sqrt(),
    );
    let (est, _, _) = value(f, "demand.trend_per_year");
    let se = (12.0 / (groups * window_years * window_years)).sqrt() * (1.0 + trend);
    close("demand.trend_per_year", est, trend, se);
    groups
}

/// The three routes' durations (gamma: mean and shape) within four of the fit's own
/// standard errors, each small enough for the comparison to say something.
pub fn durations(f: &Fit, truth: [&DurationDist; 3]) {
    for (name, d) in ["return_home", "special_guardianship", "adoption"]
        .into_iter()
        .zip(truth)
    {
        let DurationDist::Gamma { mean_months, shape } = d else {
            panic!("the test borough's durations are gamma")
        };
        for (key, truth) in [("mean_months", *mean_months), ("shape", *shape)] {
            let field = format!("exits.{name}.{key}");
            let (est, se, _) = value(f, &field);
            let se = se.unwrap_or_else(|| panic!("{field}: no standard error"));
            assert!(
                se < 0.5 * truth,
                "{field}: SE {se}: the test would say nothing"
            );
            close(&field, est, truth, se);
        }
    }
}
