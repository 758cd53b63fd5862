//! How figures are rounded for people to read: half away from zero, in the app, the CLI,
//! the workshop cards and the reports alike, so one figure never reads differently in two
//! places. (Rust's `{:.0}` rounds the binary value, so an exact half such as 78.5% would
//! read 78% where the app shows 79%.)

/// `x` rounded to `decimals` places, halves away from zero.
pub fn round_to(x: f64, decimals: usize) -> f64 {
    let f = 10f64.powi(decimals as i32);
    (x * f).round() / f
}

/// A share 0-1 as a whole percentage, halves away from zero: 0.785 → "79%".
pub fn whole_percent(share: f64) -> String {
    format!("{:.0}%", round_to(share * 100.0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_round_away_from_zero() {
        assert_eq!(whole_percent(0.785), "79%");
        assert_eq!(whole_percent(0.125), "13%");
        assert_eq!(whole_percent(0.124), "12%");
        assert_eq!(whole_percent(0.0), "0%");
        assert_eq!(round_to(-2.5, 0), -3.0);
        assert_eq!(round_to(0.125, 2), 0.13);
        // `{:.0}` alone reads the same half as 78%: the reason for this module.
        assert_eq!(format!("{:.0}%", 78.5), "78%");
    }
}
