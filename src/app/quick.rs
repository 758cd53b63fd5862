//! Quick controls: the few assumptions a workshop moves most, as sliders over the same
//! scenario fields the form edits. Which fields, the range each slider spans and how a
//! slider's position becomes a field value are decided here (natively tested); the
//! component only draws them.

use serde_json::Value;

use crate::app::edit;

/// One slider: the scenario field it moves and the span it offers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct QuickControl {
    /// Dotted field path, as in the catalogue.
    pub path: &'static str,
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

const fn q(path: &'static str, min: f64, max: f64, step: f64) -> QuickControl {
    QuickControl {
        path,
        min,
        max,
        step,
    }
}

/// The controls, in the order shown: demand, then the supply of foster carers. Spans run
/// from well below to well above the built-in borough's values, inside what the engine's
/// checks accept.
pub const CONTROLS: [QuickControl; 6] = [
    q("demand.groups_per_month", 2.0, 25.0, 0.1),
    q("demand.trend_per_year", -0.1, 0.15, 0.005),
    q("fostering.funnel.enquiries_per_month", 0.0, 60.0, 0.1),
    q("fostering.attrition_early", 0.0, 0.5, 0.01),
    q("fostering.attrition_later", 0.0, 0.5, 0.01),
    q("fostering.households", 20.0, 400.0, 1.0),
];

/// For each lever kind with one number that says how hard it pulls, that number's
/// control (its path is the catalogue's, `levers.kind.<field>`): a workshop can then try a
/// strategy harder or softer. New homes are a list, so they have none.
#[rustfmt::skip]
pub const LEVER_CONTROLS: [(&str, QuickControl); 8] = [
    ("recruitment_boost", q("levers.kind.enquiry_multiplier", 1.0, 3.0, 0.05)),
    ("adolescent_carers", q("levers.kind.extra_households_per_year", 0.0, 30.0, 1.0)),
    ("retention", q("levers.kind.attrition_multiplier", 0.3, 1.0, 0.05)),
    ("step_down", q("levers.kind.children_per_year", 0.0, 30.0, 1.0)),
    ("edge_of_care", q("levers.kind.admissions_multiplier", 0.5, 1.0, 0.01)),
    ("permanence_drive", q("levers.kind.duration_multiplier", 0.5, 1.0, 0.01)),
    ("framework_pricing", q("levers.kind.ifa_multiplier", 0.7, 1.0, 0.01)),
    ("supported_accommodation", q("levers.kind.places", 0.0, 60.0, 1.0)),
];

/// The control for a lever of this kind, if it has one.
pub fn lever_control(kind: &str) -> Option<QuickControl> {
    LEVER_CONTROLS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, c)| *c)
}

/// The field a lever control moves in lever `i` of a scenario: `levers[i].kind.<field>`.
pub fn lever_path(i: usize, c: &QuickControl) -> Option<edit::Path> {
    let field = c.path.strip_prefix("levers.kind.")?;
    Some(
        edit::Path::root()
            .key("levers")
            .index(i)
            .key("kind")
            .key(field),
    )
}

impl QuickControl {
    /// The span to draw for the field's current value: the control's own, widened to take
    /// a value typed in the form outside it, so the slider never shows another number.
    pub fn span(&self, value: Option<f64>) -> (f64, f64) {
        match value.filter(|v| v.is_finite()) {
            Some(v) => (self.min.min(v), self.max.max(v)),
            None => (self.min, self.max),
        }
    }

    /// The field value for a slider position (the range input's text): whole numbers for
    /// whole-number fields, otherwise rounded to the step's decimals so that 0.1 steps give
    /// 10.3, not 10.299999999999999.
    pub fn value_of(&self, text: &str) -> Value {
        let Ok(x) = text.trim().parse::<f64>() else {
            return edit::parse_number(text);
        };
        if self.step.fract() == 0.0 {
            return Value::from(x.round() as i64);
        }
        let decimals = decimals(self.step);
        let scale = 10f64.powi(decimals);
        let rounded = (x * scale).round() / scale;
        edit::parse_number(&format!("{rounded:.*}", decimals as usize))
    }
}

/// Decimal places of a step such as 0.005 (3); at most 6.
fn decimals(step: f64) -> i32 {
    (0..=6)
        .find(|d| {
            let s = step * 10f64.powi(*d);
            (s - s.round()).abs() < 1e-9
        })
        .unwrap_or(6)
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::catalog;
    use engine::defaults::default_scenario;

    fn control(path: &str) -> QuickControl {
        *CONTROLS.iter().find(|c| c.path == path).unwrap()
    }

    #[test]
    fn every_control_is_a_catalogued_number_and_its_default_lies_inside_its_span() {
        let base = serde_json::to_value(default_scenario()).unwrap();
        for c in CONTROLS {
            assert!(catalog::param(c.path).is_some(), "{} is catalogued", c.path);
            let p = edit::Path::parse(c.path).unwrap();
            let v = edit::get(&base, &p).and_then(Value::as_f64).unwrap();
            assert!(
                c.min <= v && v <= c.max,
                "{}: {v} in {}..{}",
                c.path,
                c.min,
                c.max
            );
            assert!(c.step > 0.0 && c.min < c.max);
            // On the slider's grid, so a step away and back returns to the default.
            let steps = (v - c.min) / c.step;
            assert!(
                (steps - steps.round()).abs() < 1e-6,
                "{}: the default {v} is between the slider's steps of {}",
                c.path,
                c.step
            );
        }
    }

    #[test]
    fn both_ends_of_every_span_are_accepted_by_the_engine() {
        for c in CONTROLS {
            for end in [c.min, c.max] {
                let mut v = serde_json::to_value(default_scenario()).unwrap();
                let text = format!("{end}");
                edit::set(
                    &mut v,
                    &edit::Path::parse(c.path).unwrap(),
                    c.value_of(&text),
                )
                .unwrap();
                let s: engine::Scenario = serde_json::from_value(v).expect("reads back");
                assert!(s.validate().is_ok(), "{} = {end}", c.path);
            }
        }
    }

    #[test]
    fn slider_positions_become_tidy_field_values() {
        assert_eq!(
            control("fostering.households").value_of("151"),
            Value::from(151)
        );
        assert_eq!(
            control("fostering.households").value_of("151.6"),
            Value::from(152)
        );
        assert_eq!(
            control("demand.groups_per_month").value_of("10.299999999999999"),
            serde_json::json!(10.3)
        );
        assert_eq!(
            control("demand.trend_per_year").value_of("0.035"),
            serde_json::json!(0.035)
        );
        assert_eq!(
            control("demand.trend_per_year").value_of("-0.1"),
            serde_json::json!(-0.1)
        );
        // Not a number: kept as typed, for the form's checks to name.
        assert_eq!(
            control("demand.groups_per_month").value_of("ten"),
            edit::parse_number("ten")
        );
    }

    #[test]
    fn every_ready_made_lever_but_new_homes_has_a_control_the_engine_accepts_at_both_ends() {
        for strategy in engine::defaults::strategies() {
            let mut scenario = default_scenario();
            scenario.levers = strategy.levers.clone();
            let base = serde_json::to_value(&scenario).unwrap();
            for (i, lever) in strategy.levers.iter().enumerate() {
                let kind = lever.kind.key();
                let Some(c) = lever_control(kind) else {
                    assert_eq!(kind, "new_homes");
                    continue;
                };
                assert!(catalog::param(c.path).is_some(), "{} is catalogued", c.path);
                let p = lever_path(i, &c).unwrap();
                let v = edit::get(&base, &p).and_then(Value::as_f64);
                let v = v.unwrap_or_else(|| panic!("{p} holds a number"));
                assert!(c.min <= v && v <= c.max, "{p}: {v} in {}..{}", c.min, c.max);
                for end in [c.min, c.max] {
                    let mut changed = base.clone();
                    edit::set(&mut changed, &p, c.value_of(&format!("{end}"))).unwrap();
                    let s: engine::Scenario = serde_json::from_value(changed).expect("reads back");
                    assert!(s.validate().is_ok(), "{p} = {end}");
                }
            }
        }
        assert_eq!(
            lever_path(2, &lever_control("retention").unwrap())
                .unwrap()
                .to_string(),
            "levers[2].kind.attrition_multiplier"
        );
    }

    #[test]
    fn the_span_takes_in_a_value_typed_outside_it() {
        let c = control("demand.groups_per_month");
        assert_eq!(c.span(Some(10.2)), (2.0, 25.0));
        assert_eq!(c.span(Some(40.0)), (2.0, 40.0));
        assert_eq!(c.span(Some(0.5)), (0.5, 25.0));
        assert_eq!(c.span(None), (2.0, 25.0));
        assert_eq!(c.span(Some(f64::NAN)), (2.0, 25.0));
    }
}
