//! Where a scenario's values came from when a fit to a council's own returns was accepted:
//! each accepted fitted value with its uncertainty, the number of observations and the
//! reference window, and the fields the return cannot inform. Kept with the workspace (so
//! the form's marks survive a reload, a share link or a downloaded file) and holding no
//! identifier, date of birth or postcode: field paths, figures, counts and the window's
//! months only.
//!
//! A field is marked "estimated from your returns" only while its value is still the
//! fitted one (an edit removes the mark), and only in a scenario that holds at least one
//! fitted value: that scenario's carer, funnel and cost fields are marked "not from your
//! returns: confirm or enter".

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use engine::ssda903::date::Date;
use engine::ssda903::fit::{FitGroup, FitReport};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::app::edit::{self, Path};
use crate::app::state::conversions;

/// An accepted fit's account of the values it set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FitMarks {
    /// The reference window by month, "YYYY-MM" (first and last).
    pub from_month: String,
    pub to_month: String,
    pub values: Vec<MarkedValue>,
    /// Fields (or whole parts, e.g. `fostering`) kept from the baseline, and why.
    pub kept: Vec<KeptMark>,
    /// The yearly rate of foster households leaving that the fitted special guardianship
    /// share was divided by (the fitted scenario's), so that the share follows a correction
    /// of the carers' leaving rates (`state::conversions`); `None` in marks kept before it
    /// was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sgo_leaving_rate: Option<f64>,
}

/// One accepted fitted value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MarkedValue {
    /// The scenario field, e.g. `exits.route_by_entry_age[2][0]`.
    pub field: String,
    pub value: f64,
    /// The value it replaced.
    pub default: f64,
    pub std_error: Option<f64>,
    /// Observations it rests on, and of what ("periods of care").
    pub n: usize,
    pub n_of: String,
}

/// A field the return cannot inform (or had too few data for).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeptMark {
    pub field: String,
    pub reason: String,
}

/// Most marks a workspace keeps (a fit sets about a hundred values).
const MAX_VALUES: usize = 400;

fn month(d: Date) -> String {
    let (y, m, _) = d.ymd();
    format!("{y:04}-{m:02}")
}

/// "Apr 2019" for "2019-04".
pub fn month_words(ym: &str) -> String {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mut parts = ym.split('-');
    match (
        parts.next().and_then(|y| y.parse::<i32>().ok()),
        parts.next().and_then(|m| m.parse::<usize>().ok()),
    ) {
        (Some(y), Some(m)) if (1..=12).contains(&m) => format!("{} {y}", NAMES[m - 1]),
        _ => ym.to_string(),
    }
}

/// Equal as a form shows them (a value read back from JSON, or typed again the same).
fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

impl FitMarks {
    /// The marks of `report`'s values in the accepted `groups`, and what it kept.
    pub fn of(report: &FitReport, groups: &BTreeSet<FitGroup>) -> FitMarks {
        FitMarks {
            from_month: month(report.window_from),
            to_month: month(report.as_at),
            values: report
                .values
                .iter()
                .filter(|v| groups.contains(&v.group))
                .take(MAX_VALUES)
                .map(|v| MarkedValue {
                    field: v.field.clone(),
                    value: v.value,
                    default: v.default,
                    std_error: v.std_error,
                    n: v.n,
                    n_of: v.n_of.clone(),
                })
                .collect(),
            kept: report
                .kept
                .iter()
                .map(|k| KeptMark {
                    field: k.field.clone(),
                    reason: k.reason.clone(),
                })
                .collect(),
            sgo_leaving_rate: None,
        }
    }

    /// The same marks, the special guardianship share's divided by `rate`
    /// ([`FitMarks::sgo_leaving_rate`]; ignored unless finite and above zero).
    pub fn with_sgo_leaving_rate(mut self, rate: f64) -> FitMarks {
        self.sgo_leaving_rate = (rate.is_finite() && rate > 0.0).then_some(rate);
        self
    }

    /// The special guardianship share's mark when `scenario` holds the fitted share, at
    /// its own leaving rates: its value and uncertainty rescaled as the share was.
    fn share_held(&self, v: &MarkedValue, scenario: &Value) -> Option<MarkedValue> {
        if !conversions::holds_fitted(self, scenario) {
            return None;
        }
        let mut v = v.clone();
        if let Some((share, factor)) = conversions::share_for(self, scenario) {
            v.value = share;
            v.std_error = v.std_error.map(|e| e * factor);
        }
        Some(v)
    }

    /// "Apr 2019 – Mar 2022".
    pub fn window(&self) -> String {
        format!(
            "{} \u{2013} {}",
            month_words(&self.from_month),
            month_words(&self.to_month)
        )
    }

    /// The marks for one scenario: the fitted values it still holds, by field; `None`
    /// when it holds none (it is not built from this fit).
    pub fn for_scenario(self: &Rc<Self>, scenario: &Value) -> Option<Rc<ScenarioMarks>> {
        let values: BTreeMap<String, MarkedValue> = self
            .values
            .iter()
            .filter_map(|v| {
                if v.field == conversions::SHARE {
                    return self.share_held(v, scenario);
                }
                Path::parse(&v.field)
                    .and_then(|p| edit::get(scenario, &p).and_then(Value::as_f64))
                    .is_some_and(|now| same(now, v.value))
                    .then(|| v.clone())
            })
            .map(|v| (v.field.clone(), v))
            .collect();
        (!values.is_empty()).then(|| {
            Rc::new(ScenarioMarks {
                window: self.window(),
                values,
                kept: self.kept.clone(),
            })
        })
    }
}

/// What one scenario's form marks.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioMarks {
    /// "Apr 2019 – Mar 2022".
    pub window: String,
    /// Fitted values still held, by field path.
    pub values: BTreeMap<String, MarkedValue>,
    pub kept: Vec<KeptMark>,
}

impl ScenarioMarks {
    /// The fitted values at `path` or inside it (the elements of an array or table).
    pub fn fitted_at<'a>(&'a self, path: &'a Path) -> impl Iterator<Item = &'a MarkedValue> {
        self.values.values().filter(move |v| {
            Path::parse(&v.field).is_some_and(|f| f == *path || f.starts_with(path))
        })
    }

    /// Why `path` is not from the returns, when it lies in (or is) a kept field.
    pub fn kept_at(&self, path: &Path) -> Option<&KeptMark> {
        self.kept
            .iter()
            .find(|k| Path::parse(&k.field).is_some_and(|f| *path == f || path.starts_with(&f)))
    }
}

/// Which money parts of `scenario` are still the built-in borough's (its costs and budget,
/// its council children's homes), in words, for a scenario fitted to a council's returns:
/// its children are the council's, but these are not in a return, so its money figures
/// are illustrative until the council enters its own. Empty when both have been set.
pub fn money_still_built_in(scenario: &Value) -> Vec<&'static str> {
    let Ok(built_in) = serde_json::to_value(engine::defaults::default_scenario()) else {
        return vec![];
    };
    let same = |pointer: &str| match (scenario.pointer(pointer), built_in.pointer(pointer)) {
        (Some(a), Some(b)) => edit::same(a, b),
        _ => false,
    };
    let mut kept = vec![];
    if same("/costs") {
        kept.push("costs and budget");
    }
    if same("/residential/homes") {
        kept.push("council children's homes");
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::ssda903::fit::{FittedValue, KeptValue};

    fn report() -> FitReport {
        let v = |field: &str, group, value| FittedValue {
            field: field.into(),
            group,
            value,
            default: 1.0,
            std_error: Some(0.1),
            interval: None,
            n: 300,
            n_of: "periods of care".into(),
            source: String::new(),
        };
        FitReport {
            as_at: Date::parse("2022-03-31").unwrap(),
            window_from: Date::parse("2019-04-01").unwrap(),
            values: vec![
                v("demand.groups_per_month", FitGroup::Admissions, 27.5),
                v("exits.route_by_entry_age[2][0]", FitGroup::Exits, 0.4),
                v("exits.return_home.mean_months", FitGroup::Exits, 12.75),
                v("exits.staying_put_share", FitGroup::StayingPut, 0.3),
            ],
            kept: vec![KeptValue {
                field: "fostering".into(),
                reason: "not in the return".into(),
            }],
            notes: vec![],
        }
    }

    #[test]
    fn only_accepted_groups_are_marked_and_only_where_the_value_is_still_the_fitted_one() {
        let groups: BTreeSet<FitGroup> = [FitGroup::Admissions, FitGroup::Exits].into();
        let marks = Rc::new(FitMarks::of(&report(), &groups));
        assert_eq!(marks.values.len(), 3, "Staying Put was not accepted");
        assert_eq!(marks.window(), "Apr 2019 \u{2013} Mar 2022");
        let mut s = serde_json::to_value(engine::defaults::default_scenario()).unwrap();
        assert!(
            marks.for_scenario(&s).is_none(),
            "the default holds no fitted value"
        );
        s["demand"]["groups_per_month"] = Value::from(27.5);
        s["exits"]["route_by_entry_age"][2][0] = Value::from(0.4);
        let m = marks.for_scenario(&s).unwrap();
        let p = |t: &str| Path::parse(t).unwrap();
        assert_eq!(m.fitted_at(&p("demand.groups_per_month")).count(), 1);
        assert_eq!(m.fitted_at(&p("exits.route_by_entry_age")).count(), 1);
        assert_eq!(
            m.fitted_at(&p("exits.return_home.mean_months")).count(),
            0,
            "edited away from the fit: no mark"
        );
        assert!(m.kept_at(&p("fostering.households")).is_some());
        assert!(m.kept_at(&p("demand.groups_per_month")).is_none());
    }

    #[test]
    fn marks_survive_json_and_hold_no_full_date() {
        let marks = FitMarks::of(&report(), &FitGroup::ALL.into_iter().collect());
        let json = serde_json::to_string(&marks).unwrap();
        assert!(!json.contains("2019-04-01") && !json.contains("2022-03-31"));
        let back: FitMarks = serde_json::from_str(&json).unwrap();
        assert_eq!(back, marks);
    }

    /// A fitted scenario still holding the built-in costs and homes says so (the tiles'
    /// money is then not the council's); once the council's own are entered it does not.
    #[test]
    fn the_built_in_money_of_a_fitted_scenario_is_named() {
        let mut v = serde_json::to_value(engine::defaults::default_scenario()).unwrap();
        assert_eq!(
            money_still_built_in(&v),
            vec!["costs and budget", "council children's homes"]
        );
        v["costs"]["weekly"]["ifa"] = serde_json::json!(900.0);
        assert_eq!(money_still_built_in(&v), vec!["council children's homes"]);
        v["residential"]["homes"] = serde_json::json!([]);
        assert!(money_still_built_in(&v).is_empty());
    }
}
