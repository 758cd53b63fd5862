//! Scales and ticks: pure maths, no Yew. Every function accepts any `f64` (NaN, infinities,
//! empty or degenerate domains) and returns finite numbers, so nothing non-finite ever
//! reaches an SVG attribute.

use crate::format;

/// Maps a numeric domain linearly onto a pixel range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl LinearScale {
    /// A scale from `domain` to `range`. A non-finite bound is replaced by 0 (domain) or the
    /// other bound (range); a domain of zero width maps everything to the middle of the range.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> LinearScale {
        let fin = |v: f64, or: f64| if v.is_finite() { v } else { or };
        let r0 = fin(range.0, 0.0);
        let r1 = fin(range.1, r0);
        LinearScale {
            d0: fin(domain.0, 0.0),
            d1: fin(domain.1, 0.0),
            r0,
            r1,
        }
    }

    pub fn domain(&self) -> (f64, f64) {
        (self.d0, self.d1)
    }

    pub fn range(&self) -> (f64, f64) {
        (self.r0, self.r1)
    }

    /// The position of `v`; always finite. NaN maps to the start of the range, infinities
    /// to far outside it (clamped to ±1e6 pixels).
    pub fn map(&self, v: f64) -> f64 {
        let width = self.d1 - self.d0;
        let out = if !width.is_finite() || width == 0.0 {
            (self.r0 + self.r1) / 2.0
        } else if v.is_nan() {
            self.r0
        } else {
            self.r0 + (v - self.d0) / width * (self.r1 - self.r0)
        };
        if out.is_finite() {
            out.clamp(-1e6, 1e6)
        } else if out > 0.0 {
            1e6
        } else if out < 0.0 {
            -1e6
        } else {
            self.r0
        }
    }
}

/// Smallest and largest finite value of `values`, or `None` when there is none.
pub fn extent(values: impl IntoIterator<Item = f64>) -> Option<(f64, f64)> {
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
}

/// A finite domain with `lo < hi` covering `values` (and 0 when `include_zero`). No finite
/// value gives (0, 1); a single value `v` gives `v ± 10%` (or ±1 around 0).
pub fn domain(values: impl IntoIterator<Item = f64>, include_zero: bool) -> (f64, f64) {
    let (mut lo, mut hi) = match extent(values) {
        Some(e) => e,
        None => return (0.0, 1.0),
    };
    if include_zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    if hi - lo <= 0.0 || !(hi - lo).is_finite() {
        if !(hi - lo).is_finite() {
            // Values near ±f64::MAX: give up on them rather than overflow.
            return (0.0, 1.0);
        }
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        return (lo - pad, hi + pad);
    }
    (lo, hi)
}

/// "Nice" round ticks (steps of 1, 2 or 5 times a power of ten) covering `[lo, hi]`: the
/// first tick is at or below `lo`, the last at or above `hi`, and there are at most
/// `max_ticks` of them (clamped to 2..=100). Non-finite input gives no ticks.
pub fn nice_ticks(lo: f64, hi: f64, max_ticks: usize) -> Vec<f64> {
    if !lo.is_finite() || !hi.is_finite() {
        return Vec::new();
    }
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    let (lo, hi) = if lo == hi {
        domain([lo], false)
    } else {
        (lo, hi)
    };
    let max_ticks = max_ticks.clamp(2, 100);
    let span = hi - lo;
    if !span.is_finite() || span <= 0.0 {
        return Vec::new();
    }
    let raw = span / (max_ticks - 1) as f64;
    let start = raw.log10().floor() as i32 - 1;
    // 1-2-5 steps from a tenth of the raw step upward; at most a few dozen tries.
    for exp in start..start + 40 {
        for mult in [1.0, 2.0, 5.0] {
            let step = step_of(mult, exp);
            let first = (lo / step).floor();
            let last = (hi / step).ceil();
            let n = last - first + 1.0;
            if n.is_finite() && n <= max_ticks as f64 {
                let n = n.max(2.0) as usize;
                return (0..n)
                    .map(|i| tick_value(first + i as f64, mult, exp))
                    .collect();
            }
        }
    }
    vec![lo, hi]
}

/// The step between consecutive ticks (0 with fewer than two ticks).
pub fn tick_step(ticks: &[f64]) -> f64 {
    match ticks {
        [a, b, ..] => (b - a).abs(),
        _ => 0.0,
    }
}

fn step_of(mult: f64, exp: i32) -> f64 {
    mult * 10f64.powi(exp)
}

/// `k * mult * 10^exp`, computed so that e.g. 3 × 0.1 is 0.3 and not 0.30000000000000004.
fn tick_value(k: f64, mult: f64, exp: i32) -> f64 {
    let v = if exp < 0 {
        k * mult / 10f64.powi(-exp)
    } else {
        k * mult * 10f64.powi(exp)
    };
    if v == 0.0 {
        0.0 // no -0
    } else {
        v
    }
}

/// A labelled tick on the time axis: month index and label.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeTick {
    pub index: usize,
    pub label: String,
}

/// Ticks for monthly labels ("2020-07"). Two years or more: each January (every second or
/// fifth January when there are many years), labelled with the year. Shorter: every 1, 2, 3
/// or 6 calendar months ("Jan 2021"). At most `max_ticks` ticks; labels that are not months
/// give evenly spaced ticks with the labels as given.
pub fn time_ticks(months: &[String], max_ticks: usize) -> Vec<TimeTick> {
    let max_ticks = max_ticks.max(1);
    let n = months.len();
    let parsed: Option<Vec<(i32, u32)>> = months.iter().map(|m| format::parse_month(m)).collect();
    let Some(parsed) = parsed.filter(|p| !p.is_empty()) else {
        return even_ticks(months, max_ticks);
    };
    if n >= 24 {
        for every in [1, 2, 5, 10, 20, 50, 100] {
            let ticks: Vec<TimeTick> = parsed
                .iter()
                .enumerate()
                .filter(|(_, (y, m))| *m == 1 && y.rem_euclid(every) == 0)
                .map(|(i, (y, _))| TimeTick {
                    index: i,
                    label: y.to_string(),
                })
                .collect();
            if ticks.len() <= max_ticks && !ticks.is_empty() {
                return ticks;
            }
        }
        return even_ticks(months, max_ticks);
    }
    for every in [1u32, 2, 3, 6, 12] {
        let ticks: Vec<TimeTick> = parsed
            .iter()
            .enumerate()
            .filter(|(_, (_, m))| (m - 1) % every == 0)
            .map(|(i, _)| TimeTick {
                index: i,
                label: format::month_short(&months[i]),
            })
            .collect();
        if ticks.len() <= max_ticks && !ticks.is_empty() {
            return ticks;
        }
    }
    even_ticks(months, max_ticks)
}

fn even_ticks(months: &[String], max_ticks: usize) -> Vec<TimeTick> {
    let n = months.len();
    if n == 0 {
        return Vec::new();
    }
    let every = n.div_ceil(max_ticks).max(1);
    (0..n)
        .step_by(every)
        .map(|i| TimeTick {
            index: i,
            label: format::month_short(&months[i]),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_maps_linearly_and_inverts_ranges() {
        let s = LinearScale::new((0.0, 100.0), (250.0, 10.0));
        assert_eq!(s.map(0.0), 250.0);
        assert_eq!(s.map(100.0), 10.0);
        assert_eq!(s.map(50.0), 130.0);
        assert_eq!(s.map(150.0), -110.0);
    }

    #[test]
    fn scale_is_finite_for_bad_input() {
        let flat = LinearScale::new((5.0, 5.0), (0.0, 100.0));
        assert_eq!(flat.map(5.0), 50.0);
        assert_eq!(flat.map(f64::NAN), 50.0);
        let s = LinearScale::new((f64::NAN, f64::INFINITY), (0.0, f64::NAN));
        assert!(s.map(1.0).is_finite());
        let s = LinearScale::new((0.0, 1.0), (0.0, 100.0));
        assert_eq!(s.map(f64::NAN), 0.0);
        assert_eq!(s.map(f64::INFINITY), 1e6);
        assert_eq!(s.map(f64::NEG_INFINITY), -1e6);
        assert_eq!(s.map(1e300), 1e6);
        let tiny = LinearScale::new((0.0, f64::MIN_POSITIVE), (0.0, 100.0));
        assert!(tiny.map(1e300).is_finite());
    }

    #[test]
    fn domains() {
        assert_eq!(domain([3.0, f64::NAN, 1.0, 2.0], false), (1.0, 3.0));
        assert_eq!(domain([3.0, 1.0], true), (0.0, 3.0));
        assert_eq!(domain([-3.0, -1.0], true), (-3.0, 0.0));
        assert_eq!(domain([f64::NAN], false), (0.0, 1.0));
        assert_eq!(domain(Vec::new(), true), (0.0, 1.0));
        assert_eq!(domain([0.0, 0.0], true), (-1.0, 1.0));
        assert_eq!(domain([50.0], false), (45.0, 55.0));
        assert_eq!(domain([f64::MAX, -f64::MAX], false), (0.0, 1.0));
    }

    #[test]
    fn nice_ticks_cover_the_domain_in_1_2_5_steps() {
        assert_eq!(
            nice_ticks(0.0, 642.0, 5),
            vec![0.0, 200.0, 400.0, 600.0, 800.0]
        );
        assert_eq!(
            nice_ticks(548.0, 620.0, 6),
            vec![540.0, 560.0, 580.0, 600.0, 620.0]
        );
        assert_eq!(nice_ticks(0.0, 1.0, 6), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(nice_ticks(0.0, 0.3, 4), vec![0.0, 0.1, 0.2, 0.3]);
        assert_eq!(
            nice_ticks(-2.3e6, 4.1e6, 6),
            vec![-4e6, -2e6, 0.0, 2e6, 4e6, 6e6]
        );
        assert_eq!(nice_ticks(10.0, 0.0, 3), vec![0.0, 5.0, 10.0]);
    }

    #[test]
    fn nice_ticks_degenerate_input() {
        assert_eq!(nice_ticks(f64::NAN, 1.0, 5), Vec::<f64>::new());
        assert_eq!(nice_ticks(0.0, f64::INFINITY, 5), Vec::<f64>::new());
        assert_eq!(nice_ticks(0.0, 0.0, 5), vec![-1.0, -0.5, 0.0, 0.5, 1.0]);
        let t = nice_ticks(100.0, 100.0, 0);
        assert_eq!(t.len(), 2);
        assert!(t[0] <= 100.0 && t[1] >= 100.0);
        let t = nice_ticks(-f64::MAX, f64::MAX, 5);
        assert!(t.iter().all(|v| v.is_finite()));
        assert!(nice_ticks(0.0, 1.0, usize::MAX).len() <= 100);
        let t = nice_ticks(1.0, 1.0 + 1e-12, 5);
        assert!(t.len() >= 2 && t.len() <= 5);
    }

    fn months(start_year: i32, start_month: u32, n: usize) -> Vec<String> {
        engine::report::month_labels(start_year, start_month, n)
    }

    #[test]
    fn time_ticks_by_year() {
        let t = time_ticks(&months(2020, 7, 60), 8);
        let labels: Vec<&str> = t.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["2021", "2022", "2023", "2024", "2025"]);
        assert_eq!(t[0].index, 6);
        let t = time_ticks(&months(2020, 1, 240), 8);
        assert_eq!(
            t.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(),
            ["2020", "2025", "2030", "2035"]
        );
    }

    #[test]
    fn time_ticks_short_horizons() {
        let t = time_ticks(&months(2020, 7, 12), 8);
        let labels: Vec<&str> = t.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Jul 2020", "Sep 2020", "Nov 2020", "Jan 2021", "Mar 2021", "May 2021"]
        );
        let t = time_ticks(&months(2020, 7, 3), 8);
        assert_eq!(t.len(), 3);
        assert!(time_ticks(&[], 8).is_empty());
        let odd: Vec<String> = (0..10).map(|i| format!("week {i}")).collect();
        let t = time_ticks(&odd, 4);
        assert_eq!(t.iter().map(|t| t.index).collect::<Vec<_>>(), [0, 3, 6, 9]);
    }
}
