//! What the SSDA903 parameter-recovery tests share: importing written returns, reading a
//! fitted value from the fit report, and the four-standard-error comparison with the truth.

use engine::ssda903::fit::Fit;
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
