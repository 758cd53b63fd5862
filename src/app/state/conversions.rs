//! A special guardianship conversion share fitted from a council's own returns stays true to
//! them when the carers' leaving rates are corrected.
//!
//! The fit (`engine::ssda903::fit::conversions`) turns the returns' conversions per
//! child-year in the council's own foster care into `fostering.sgo_conversion_share` by
//! dividing by the fitted scenario's rate of foster households leaving
//! ([`conversions::leaving_rate`]: `fostering.attrition_early`, `fostering.attrition_later`
//! and `fostering.mean_tenure_years`, which the return cannot give). The model converts at
//! that leaving rate times the share, so when the reader enters their own carers' leaving
//! rates (on accepting the fit, or later in the form, as the form asks: "not from your
//! returns: confirm or enter"), a share left as it was would make more or fewer conversions
//! than the returns show. So the marks keep the rate the share was divided by
//! ([`FitMarks::sgo_leaving_rate`]), a scenario holds the fitted share when its share times
//! its leaving rate is the returns' conversions per child-year, and an edit of those three
//! fields in such a scenario rescales the share to keep them (at most 1). A share the reader
//! has changed by hand is theirs and is left alone; levers (retention) move households'
//! leaving in the simulation, not these fields, so they rescale nothing.

use engine::ssda903::fit::conversions;
use serde_json::Value;

use crate::app::edit::{self, Path};
use crate::app::fit_marks::FitMarks;

/// The fitted field kept true to the returns.
pub const SHARE: &str = "fostering.sgo_conversion_share";

/// The fields the fit divided by (through the rate of households leaving).
pub const LEAVING_FIELDS: [&str; 3] = [
    "fostering.attrition_early",
    "fostering.attrition_later",
    "fostering.mean_tenure_years",
];

/// Whether an edit at `path` can move the rate at which foster households leave.
pub fn moves_leaving_rate(path: &Path) -> bool {
    LEAVING_FIELDS
        .iter()
        .any(|f| Path::parse(f).is_some_and(|p| p == *path))
}

/// The scenario's yearly rate of households leaving, when its fields read as numbers and
/// the rate is above zero.
pub fn leaving_rate(scenario: &Value) -> Option<f64> {
    let number = |f: &str| Path::parse(f).and_then(|p| edit::get(scenario, &p)?.as_f64());
    let mut f = engine::defaults::default_scenario().fostering;
    f.attrition_early = number(LEAVING_FIELDS[0])?;
    f.attrition_later = number(LEAVING_FIELDS[1])?;
    f.mean_tenure_years = number(LEAVING_FIELDS[2])?;
    let rate = conversions::leaving_rate(&f);
    (rate.is_finite() && rate > 0.0).then_some(rate)
}

/// The scenario's share, if it reads as a number.
pub fn share(scenario: &Value) -> Option<f64> {
    edit::get(scenario, &Path::parse(SHARE)?)?.as_f64()
}

/// The share the returns give at `scenario`'s leaving rates: the fitted share times the
/// rate it was divided by, over the scenario's, at most 1; and the factor the fitted share
/// is multiplied by. `None` without a fitted share, the rate it was divided by (marks kept
/// before it was) or a leaving rate of the scenario's.
pub fn share_for(marks: &FitMarks, scenario: &Value) -> Option<(f64, f64)> {
    let fitted = marks.values.iter().find(|v| v.field == SHARE)?.value;
    let factor = marks.sgo_leaving_rate? / leaving_rate(scenario)?;
    Some(((fitted * factor).clamp(0.0, 1.0), factor))
}

/// Whether `scenario` holds the share fitted from the returns: the fitted value at the
/// fitted leaving rates, or as rescaled to its own.
pub fn holds_fitted(marks: &FitMarks, scenario: &Value) -> bool {
    let Some(now) = share(scenario) else {
        return false;
    };
    match share_for(marks, scenario) {
        Some((expected, _)) => same(now, expected),
        None => marks
            .values
            .iter()
            .any(|v| v.field == SHARE && same(now, v.value)),
    }
}

/// `marks` with the rate the fitted share was divided by, from a scenario `held` that holds
/// the fitted value itself when the marks were kept before they kept the rate (saved work
/// from before); the marks as they are otherwise.
pub fn with_rate(marks: &FitMarks, held: &Value) -> FitMarks {
    match (marks.sgo_leaving_rate, leaving_rate(held)) {
        (None, Some(rate)) if holds_fitted(marks, held) => {
            marks.clone().with_sgo_leaving_rate(rate)
        }
        _ => marks.clone(),
    }
}

/// The share that keeps the returns' conversions per child-year now that `before` has
/// become `after`, and whether it was capped at 1; `None` when nothing needs rescaling (no
/// fitted share held in `before`, leaving rates that do not read, no change). `marks` must
/// know the rate the share was divided by ([`with_rate`]).
pub fn rescaled(marks: &FitMarks, before: &Value, after: &Value) -> Option<(f64, bool)> {
    if !holds_fitted(marks, before) {
        return None;
    }
    let (new, factor) = share_for(marks, after)?;
    let fitted = marks.values.iter().find(|v| v.field == SHARE)?.value;
    (!same(new, share(before)?)).then_some((new, fitted * factor > 1.0))
}

/// Equal as a form shows them.
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}
