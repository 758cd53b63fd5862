//! `Check`: the checks validation is built from (a number in a range, a probability, shares
//! that add up to 1, an age range, a duration distribution, a home, a text's length), each
//! recording a [`FieldError`] at the field's [`FieldPath`].

use crate::error::FieldError;
use crate::limits;
use crate::path::FieldPath;
use crate::scenario::{DurationDist, Home, Market, PlacementCounts, StartChild};
use crate::types::PlacementType;

/// The problems found so far.
#[derive(Default)]
pub(super) struct Check {
    pub(super) errors: Vec<FieldError>,
}

impl Check {
    pub(super) fn fail(&mut self, field: &FieldPath, reason: impl Into<String>) {
        self.errors.push(FieldError::at(field.clone(), reason));
    }

    /// Ok when nothing was found.
    pub(super) fn finish(self) -> Result<(), Vec<FieldError>> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }

    /// Whether the checks run by `f` found nothing.
    fn passes(&mut self, f: impl FnOnce(&mut Check)) -> bool {
        let before = self.errors.len();
        f(self);
        self.errors.len() == before
    }

    fn finite(&mut self, field: &FieldPath, v: f64) -> bool {
        if !v.is_finite() {
            self.fail(field, "must be a number");
            false
        } else {
            true
        }
    }

    pub(super) fn range(&mut self, field: &FieldPath, v: f64, lo: f64, hi: f64, what: &str) {
        if self.finite(field, v) {
            if v < lo {
                if lo == 0.0 {
                    self.fail(field, format!("must not be negative ({what})"));
                } else {
                    self.fail(field, format!("must be at least {lo} ({what})"));
                }
            } else if v > hi {
                self.fail(field, format!("must be at most {hi} ({what})"));
            }
        }
    }

    pub(super) fn prob(&mut self, field: &FieldPath, v: f64) {
        if self.finite(field, v) && !(0.0..=1.0).contains(&v) {
            self.fail(
                field,
                format!("is a probability, so must be between 0 and 1 (got {v})"),
            );
        }
    }

    /// Probabilities that add up to 1.
    pub(super) fn distribution(&mut self, field: &FieldPath, ps: &[f64]) {
        let ok = self.passes(|c| {
            for (i, p) in ps.iter().enumerate() {
                c.prob(&field.index(i), *p);
            }
        });
        if ok {
            let sum: f64 = ps.iter().sum();
            if (sum - 1.0).abs() > 1e-3 {
                self.fail(
                    field,
                    format!("shares must add up to 1 (they add up to {sum:.4})"),
                );
            }
        }
    }

    /// Counts or shares, not all zero.
    pub(super) fn weights(&mut self, field: &FieldPath, ws: &[f64]) {
        let ok = self.passes(|c| {
            for (i, w) in ws.iter().enumerate() {
                c.range(&field.index(i), *w, 0.0, 1e9, "a count or share");
            }
        });
        if ok && ws.iter().sum::<f64>() <= 0.0 {
            self.fail(field, "at least one value must be above 0");
        }
    }

    pub(super) fn age(&mut self, field: &FieldPath, v: u8) {
        if v > limits::MAX_AGE {
            self.fail(
                field,
                format!(
                    "is an age in care, so must be 0-{} (got {v})",
                    limits::MAX_AGE
                ),
            );
        }
    }

    /// `min_age` and `max_age` of the object at `field`.
    pub(super) fn age_range(&mut self, field: &FieldPath, lo: u8, hi: u8) {
        self.age(&field.key("min_age"), lo);
        self.age(&field.key("max_age"), hi);
        if lo > hi {
            self.fail(
                &field.key("min_age"),
                format!("is above max_age ({lo} > {hi}): the age range is inconsistent"),
            );
        }
    }

    /// A free-text field: not longer than `max` characters, and not blank when `required`.
    pub(super) fn text(&mut self, field: &FieldPath, text: &str, max: usize, required: bool) {
        let chars = text.chars().count();
        if required && text.trim().is_empty() {
            self.fail(field, "must not be empty");
        } else if chars > max {
            self.fail(
                field,
                format!("must be at most {max} characters (it has {chars})"),
            );
        }
    }

    pub(super) fn duration(&mut self, field: &FieldPath, d: &DurationDist) {
        let months = limits::MAX_DURATION_MONTHS;
        match d {
            DurationDist::Exponential { mean_months } => self.range(
                &field.key("mean_months"),
                *mean_months,
                0.01,
                months,
                "months",
            ),
            DurationDist::Gamma { mean_months, shape } => {
                self.range(
                    &field.key("mean_months"),
                    *mean_months,
                    0.01,
                    months,
                    "months",
                );
                self.range(&field.key("shape"), *shape, 0.05, 100.0, "gamma shape");
            }
            DurationDist::Lognormal {
                median_months,
                sigma,
            } => {
                self.range(
                    &field.key("median_months"),
                    *median_months,
                    0.01,
                    months,
                    "months",
                );
                self.range(&field.key("sigma"), *sigma, 0.01, 3.0, "log-scale spread");
            }
            DurationDist::Empirical { points } => self.points(&field.key("points"), points),
        }
    }

    /// The `(months, cumulative probability)` points of an empirical distribution.
    fn points(&mut self, f: &FieldPath, points: &[(f64, f64)]) {
        let (lo, hi) = (limits::MIN_EMPIRICAL_POINTS, limits::MAX_EMPIRICAL_POINTS);
        if points.len() < lo || points.len() > hi {
            self.fail(
                f,
                format!("needs between {lo} and {hi} (months, cumulative probability) points"),
            );
            return;
        }
        for (i, (m, p)) in points.iter().enumerate() {
            let point = f.index(i);
            self.range(
                &point.index(0),
                *m,
                0.0,
                limits::MAX_DURATION_MONTHS,
                "months",
            );
            self.prob(&point.index(1), *p);
        }
        if points
            .windows(2)
            .any(|w| w[1].0 <= w[0].0 || w[1].1 < w[0].1)
        {
            self.fail(
                f,
                "months must increase and cumulative probabilities must not fall",
            );
        }
        if (points[points.len() - 1].1 - 1.0).abs() > 1e-9 {
            self.fail(f, "the last cumulative probability must be 1");
        }
    }

    pub(super) fn home(&mut self, field: &FieldPath, h: &Home) {
        self.text(
            &field.key("name"),
            &h.name,
            limits::MAX_HOME_NAME_CHARS,
            true,
        );
        self.range(
            &field.key("beds"),
            h.beds as f64,
            1.0,
            limits::MAX_BEDS_PER_HOME as f64,
            "beds",
        );
        if h.usable_beds > h.beds {
            self.fail(
                &field.key("usable_beds"),
                format!("cannot exceed beds ({} > {})", h.usable_beds, h.beds),
            );
        }
        self.age_range(field, h.min_age, h.max_age);
        self.range(
            &field.key("open_month"),
            h.open_month as f64,
            0.0,
            600.0,
            "months from the start",
        );
        self.range(
            &field.key("weekly_cost"),
            h.weekly_cost,
            0.0,
            1e6,
            "pounds a week",
        );
    }

    pub(super) fn market(&mut self, field: &FieldPath, m: &Market) {
        if let Some(l) = m.limit {
            self.range(
                &field.key("limit"),
                l as f64,
                0.0,
                limits::MAX_MARKET_PLACES as f64,
                "children",
            );
        }
        self.age_range(field, m.min_age, m.max_age);
        self.prob(&field.key("found_in_time"), m.found_in_time);
    }

    /// One listed starting child: ages in care (under 18), entry before now, time in care
    /// that agrees with the two ages, and a bounded count of recent moves.
    pub(super) fn start_child(&mut self, field: &FieldPath, s: &StartChild) {
        let top = limits::MAX_AGE as f64 + 1.0;
        let ages_ok = self.passes(|c| {
            for (name, v) in [
                ("age_years", s.age_years),
                ("entry_age_years", s.entry_age_years),
            ] {
                let f = field.key(name);
                c.range(&f, v, 0.0, top, "years");
                if v == top {
                    c.fail(
                        &f,
                        format!("must be below {top} (a child leaves care at 18)"),
                    );
                }
            }
            c.range(
                &field.key("months_in_care"),
                s.months_in_care,
                0.0,
                top * 12.0,
                "months",
            );
        });
        if ages_ok {
            if s.entry_age_years > s.age_years {
                self.fail(
                    &field.key("entry_age_years"),
                    format!(
                        "is above age_years ({} > {}): care cannot begin after the start",
                        s.entry_age_years, s.age_years
                    ),
                );
            } else {
                let since_entry = (s.age_years - s.entry_age_years) * 12.0;
                let tol = limits::START_AGE_TOLERANCE_MONTHS;
                if (since_entry - s.months_in_care).abs() > tol {
                    self.fail(
                        &field.key("months_in_care"),
                        format!(
                            "must agree with the ages: age_years - entry_age_years is {since_entry:.1} \
                             months, months_in_care is {:.1} (more than {tol} month apart)",
                            s.months_in_care
                        ),
                    );
                }
            }
        }
        self.range(
            &field.key("moves_last_12_months"),
            s.moves_last_12_months as f64,
            0.0,
            limits::MAX_START_MOVES as f64,
            "placement moves",
        );
    }

    /// One number per placement type, each in `0..=hi`.
    pub(super) fn counts(&mut self, field: &FieldPath, c: &PlacementCounts, hi: f64, what: &str) {
        for t in PlacementType::ALL {
            self.range(&field.key(t.key()), c.get(t), 0.0, hi, what);
        }
    }

    /// One probability per placement type.
    pub(super) fn probs(&mut self, field: &FieldPath, c: &PlacementCounts) {
        for t in PlacementType::ALL {
            self.prob(&field.key(t.key()), c.get(t));
        }
    }
}
