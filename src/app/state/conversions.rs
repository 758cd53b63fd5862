//! A special guardianship conversion share fitted from a council's own returns stays true to
//! them when the carers' leaving rates are corrected.
//!
//! The fit (`engine::ssda903::fit::conversions`) turns the returns' conversions per
//! child-year in the council's own foster care into `fostering.sgo_conversion_share` by
//! dividing by the base scenario's rate of foster households leaving
//! ([`conversions::leaving_rate`]: `fostering.attrition_early`, `fostering.attrition_later`
//! and `fostering.mean_tenure_years`, which the return cannot give). The model converts at
//! that leaving rate times the share, so when the reader then enters their own carers'
//! leaving rates (as the form asks: "not from your returns: confirm or enter"), a share left
//! as it was would make more or fewer conversions than the returns show. So an edit of those
//! three fields in a scenario that still holds the fitted share rescales the share to keep
//! the fitted conversions per child-year (at most 1), and the form's mark follows it. A
//! share the reader has changed by hand is theirs and is left alone; levers (retention)
//! move households' leaving in the simulation, not these fields, so they rescale nothing.

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

/// The share that keeps the fitted conversions per child-year now that the scenario
/// `before` has become `after`, and the factor it was multiplied by (before the cap at 1);
/// `None` when nothing needs rescaling: no fitted share among `marks`, a share in `before`
/// that is no longer the fitted one, leaving rates that do not read or did not change.
pub fn rescaled(marks: &FitMarks, before: &Value, after: &Value) -> Option<(f64, f64)> {
    let mark = marks.values.iter().find(|v| v.field == SHARE)?;
    let share = edit::get(before, &Path::parse(SHARE)?)?.as_f64()?;
    if !same(share, mark.value) {
        return None;
    }
    let (was, now) = (leaving_rate(before)?, leaving_rate(after)?);
    if same(was, now) {
        return None;
    }
    let factor = was / now;
    Some(((share * factor).clamp(0.0, 1.0), factor))
}

/// `marks` with the fitted share now `share`, its uncertainty scaled by `factor` with it.
pub fn marks_rescaled(marks: &FitMarks, share: f64, factor: f64) -> FitMarks {
    let mut m = marks.clone();
    for v in m.values.iter_mut().filter(|v| v.field == SHARE) {
        v.value = share;
        v.std_error = v.std_error.map(|e| e * factor);
    }
    m
}

/// Equal as a form shows them.
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}
