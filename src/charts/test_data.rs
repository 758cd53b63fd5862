//! Made-up statistics and month labels shared by the charts' tests.

use engine::report::Stat;

/// A stat centred on `m` with bands 10, 20 and 30 either side.
pub fn stat(m: f64) -> Stat {
    Stat {
        mean: m,
        p5: m - 30.0,
        p10: m - 20.0,
        p25: m - 10.0,
        p50: m,
        p75: m + 10.0,
        p90: m + 20.0,
        p95: m + 30.0,
        ..Default::default()
    }
}

/// `n` month labels from July 2020.
pub fn months(n: usize) -> Vec<String> {
    engine::report::month_labels(2020, 7, n)
}
