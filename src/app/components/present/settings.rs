//! The presentation view's settings, remembered in this browser (which chart, predict,
//! trace, fixed axes, and each chart's target), and the pure rules of stepping through
//! time. Nothing here identifies a child: a target is a number and a month.

use serde::{Deserialize, Serialize};

use crate::app::persist::{LocalStore, Store};

/// Where the settings are remembered.
pub const SETTINGS_KEY: &str = "sufficiency.presentation.settings.v1";

/// A facilitator's target on one chart: at most `threshold` in month `month` ("2028-03").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetSetting {
    /// The metric's key ("gap", "cost", ...).
    pub key: String,
    pub threshold: f64,
    pub month: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub chart: usize,
    pub predict: bool,
    pub trace: bool,
    pub fixed_axes: bool,
    pub targets: Vec<TargetSetting>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            chart: 0,
            predict: false,
            trace: true,
            fixed_axes: false,
            targets: vec![],
        }
    }
}

impl Settings {
    /// The remembered settings (the defaults when none, or when unreadable).
    pub fn load() -> Settings {
        LocalStore
            .get(SETTINGS_KEY)
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default()
    }

    /// Remember them (quietly: a full or blocked storage only loses the settings).
    pub fn save(&self) {
        if let Ok(s) = serde_json::to_string(self) {
            let _ = LocalStore.set(SETTINGS_KEY, &s);
        }
    }

    pub fn target(&self, key: &str) -> Option<&TargetSetting> {
        self.targets.iter().find(|t| t.key == key)
    }

    /// Set (or with `None` clear) the target of chart `key`.
    pub fn set_target(&mut self, key: &str, t: Option<TargetSetting>) {
        self.targets.retain(|x| x.key != key);
        self.targets.extend(t);
    }
}

/// Months shown while stepping through time: `None` = the whole projection.
/// One step is a year from the first month.
pub fn step(upto: Option<usize>, n: usize, years: i32) -> Option<usize> {
    if n == 0 {
        return None;
    }
    let last = n - 1;
    let now = upto.unwrap_or(last).min(last);
    let next = if years >= 0 {
        (now / 12 + years as usize) * 12
    } else {
        let back = years.unsigned_abs() as usize;
        let floor = if now % 12 == 0 {
            now / 12
        } else {
            now / 12 + 1
        };
        floor.saturating_sub(back) * 12
    };
    (next < last).then_some(next)
}

/// The months a target can be set for: the end of each financial year (March) in the
/// projection, and its last month.
pub fn target_months(months: &[String]) -> Vec<usize> {
    let mut out: Vec<usize> = months
        .iter()
        .enumerate()
        .filter(|(_, m)| m.ends_with("-03"))
        .map(|(i, _)| i)
        .collect();
    if let Some(last) = months.len().checked_sub(1) {
        if out.last() != Some(&last) {
            out.push(last);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_goes_a_year_at_a_time_and_ends_at_the_whole_projection() {
        assert_eq!(step(Some(0), 60, 1), Some(12));
        assert_eq!(step(Some(12), 60, 1), Some(24));
        assert_eq!(step(Some(48), 60, 1), None, "the last step shows it all");
        assert_eq!(step(None, 60, -1), Some(48));
        assert_eq!(step(Some(13), 60, -1), Some(12));
        assert_eq!(step(Some(12), 60, -1), Some(0));
        assert_eq!(step(Some(0), 60, -1), Some(0));
        assert_eq!(step(None, 0, 1), None);
    }

    #[test]
    fn targets_are_set_for_year_ends() {
        let months = engine::report::month_labels(2025, 4, 36);
        let t = target_months(&months);
        assert_eq!(
            t.iter().map(|&i| months[i].as_str()).collect::<Vec<_>>(),
            ["2026-03", "2027-03", "2028-03"]
        );
        let short = engine::report::month_labels(2025, 4, 5);
        assert_eq!(target_months(&short), [4]);
    }

    #[test]
    fn settings_read_back_and_old_ones_load() {
        let mut s = Settings::default();
        s.set_target(
            "gap",
            Some(TargetSetting {
                key: "gap".into(),
                threshold: 5.0,
                month: "2028-03".into(),
            }),
        );
        s.set_target(
            "gap",
            Some(TargetSetting {
                key: "gap".into(),
                threshold: 4.0,
                month: "2028-03".into(),
            }),
        );
        assert_eq!(s.targets.len(), 1);
        let back: Settings = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(back, s);
        let old: Settings = serde_json::from_str("{\"chart\":2}").unwrap();
        assert!(old.trace && old.chart == 2);
        s.set_target("gap", None);
        assert!(s.target("gap").is_none());
    }
}
