//! Validation of a `Scenario` and `RunSettings`: every check names the field (a
//! [`FieldPath`], e.g. `demand.group_size[2]`) and the reason, with
//! the limits of [`limits`]. Nothing else in the engine re-checks input: a
//! [`ValidScenario`], which only validation makes (or vouches for), is what the simulation is compiled from.

mod check;
mod levers;
mod sections;

use std::ops::Deref;

use self::check::Check;
use crate::calendar::YearMonth;
pub use crate::error::FieldError;
pub use crate::json::parse_json;
use crate::limits;
use crate::path::FieldPath;
use crate::scenario::{RunSettings, Scenario};

/// A scenario that passed [`Scenario::validate`]: the only kind a
/// [`Model`](crate::sim::Model) is compiled from. Read it as a `Scenario` (it derefs to one).
#[derive(Clone, Debug, PartialEq)]
pub struct ValidScenario(Scenario);

impl ValidScenario {
    /// The scenario, if it is valid; otherwise every problem with it.
    pub fn new(scenario: Scenario) -> Result<ValidScenario, Vec<FieldError>> {
        scenario.validate()?;
        Ok(ValidScenario(scenario))
    }

    /// `scenario`, not checked again: for a scenario that differs from a valid one only in
    /// values kept within the limits validation puts on each of them, where no other check
    /// reads those values (`sim::uncertain::shifted_model`, whose shifts are clamped to
    /// those limits; its tests check the clamps against validation). Checked in debug builds.
    pub(crate) fn shifted_within_limits(scenario: Scenario) -> ValidScenario {
        debug_assert!(
            scenario.validate().is_ok(),
            "a shifted scenario left validation's limits"
        );
        ValidScenario(scenario)
    }

    pub fn scenario(&self) -> &Scenario {
        &self.0
    }

    pub fn into_scenario(self) -> Scenario {
        self.0
    }

    /// The first simulated month (its month is 1-12, as validation checked).
    pub fn start(&self) -> YearMonth {
        YearMonth::from_count(self.start_year as i64 * 12 + self.start_month as i64 - 1)
    }
}

impl Deref for ValidScenario {
    type Target = Scenario;
    fn deref(&self) -> &Scenario {
        &self.0
    }
}

/// `n` with thousands separators (`1,000,000`).
fn grouped(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

impl RunSettings {
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Check::default();
        let runs = FieldPath::root().key("replications");
        if self.replications < limits::MIN_REPLICATIONS {
            c.fail(&runs, "must be at least 1 (zero runs give no answer)");
        } else if self.replications > limits::MAX_REPLICATIONS {
            c.fail(
                &runs,
                format!("must be at most {}", grouped(limits::MAX_REPLICATIONS)),
            );
        }
        if self.horizon_months == 0 || self.horizon_months > limits::MAX_HORIZON_MONTHS {
            c.fail(
                &FieldPath::root().key("horizon_months"),
                format!(
                    "must be between 1 and {} months ({} years), got {}",
                    limits::MAX_HORIZON_MONTHS,
                    limits::MAX_HORIZON_MONTHS / 12,
                    self.horizon_months
                ),
            );
        }
        c.finish()
    }
}

impl Scenario {
    /// Every problem with this scenario, each naming its field.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Check::default();
        sections::top_level(&mut c, self);
        sections::demand(&mut c, &self.demand);
        sections::population(&mut c, &self.population);
        sections::exits(&mut c, &self.exits);
        sections::fostering(&mut c, &self.fostering);
        sections::residential(&mut c, &self.residential);
        sections::markets(&mut c, &self.markets);
        sections::matching(&mut c, &self.matching);
        sections::stability(&mut c, &self.stability);
        sections::costs(&mut c, &self.costs);
        levers::levers(&mut c, &self.levers);
        c.finish()
    }

    /// This scenario as a [`ValidScenario`], or every problem with it.
    pub fn validated(self) -> Result<ValidScenario, Vec<FieldError>> {
        ValidScenario::new(self)
    }
}

#[cfg(test)]
mod tests;
