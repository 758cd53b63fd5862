//! Differences between two figures, as the comparison's difference charts show them: the
//! same as [`super::tick`], [`super::signed`] and [`super::value_precise`] except that a
//! difference of two shares is in percentage points ("+1.2 points", axis "2 pts"), never
//! "%", which would read as a relative change.

use engine::metrics::Unit;

use super::{decimals_for, grouped, signed_with, tick, value_precise, with_sign};

/// An axis tick of a difference chart: a share's difference in points ("2 pts", "0",
/// "−0.5 pts"); anything else as [`tick`].
pub fn tick_change(unit: Unit, v: f64, step: f64, max_abs: f64) -> String {
    match unit {
        Unit::BasisPoints => {
            let d = decimals_for(step * 100.0);
            let s = with_sign(v * 100.0, |m| grouped(m, d));
            if super::has_nonzero_digit(&s) {
                format!("{s} pts")
            } else {
                s
            }
        }
        _ => tick(unit, v, step, max_abs),
    }
}

/// A difference with its sign in headline format: a share's in points ("+1.2 points",
/// "−0.4 points"); anything else as [`super::signed`].
pub fn signed_change(unit: Unit, v: f64) -> String {
    match unit {
        Unit::BasisPoints => signed_with(v, |m| format!("{} points", grouped(m * 100.0, 1))),
        _ => super::signed(unit, v),
    }
}

/// A difference in table format: a share's in points with two decimals ("1.23 points",
/// "−0.40 points"); anything else as [`value_precise`].
pub fn change_precise(unit: Unit, v: f64) -> String {
    match unit {
        Unit::BasisPoints => with_sign(v * 100.0, |m| format!("{} points", grouped(m, 2))),
        _ => value_precise(unit, v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_difference_of_shares_is_in_points_not_percent() {
        assert_eq!(tick_change(Unit::BasisPoints, 0.02, 0.01, 0.04), "2 pts");
        assert_eq!(
            tick_change(Unit::BasisPoints, -0.005, 0.005, 0.02),
            "\u{2212}0.5 pts"
        );
        assert_eq!(tick_change(Unit::BasisPoints, 0.0, 0.01, 0.04), "0");
        assert_eq!(signed_change(Unit::BasisPoints, 0.012), "+1.2 points");
        assert_eq!(
            signed_change(Unit::BasisPoints, -0.004),
            "\u{2212}0.4 points"
        );
        assert_eq!(change_precise(Unit::BasisPoints, 0.0123), "1.23 points");
        for s in [
            tick_change(Unit::BasisPoints, 0.02, 0.01, 0.04),
            signed_change(Unit::BasisPoints, 0.012),
            change_precise(Unit::BasisPoints, -0.0123),
        ] {
            assert!(!s.contains('%'), "{s}");
        }
    }

    #[test]
    fn other_differences_read_as_before() {
        assert_eq!(tick_change(Unit::Pounds, 2e6, 1e6, 4e6), "£2M");
        assert_eq!(signed_change(Unit::Children, -3.0), "\u{2212}3");
        assert_eq!(change_precise(Unit::Children, 1.25), "1.3");
    }
}
