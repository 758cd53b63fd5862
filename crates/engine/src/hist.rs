//! `Hist`: a mergeable histogram of integers whose final state depends only on the multiset
//! of values added, never on their order or on how they were split into batches. Bins are
//! aligned powers-of-two wide; when the values span more than `MAX_BINS` bins the width
//! doubles. Memory per histogram is bounded, whatever the number of runs. The sum and the
//! sum of squares are kept exactly (128-bit integers), so means and their standard errors
//! are exact too, and merge in any order.

use serde::{Deserialize, Serialize};

pub const MAX_BINS: usize = 128;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Hist {
    /// Bin width is `1 << shift`.
    pub shift: u32,
    /// Index (value >> shift) of the first bin.
    pub lo: i64,
    pub counts: Vec<u32>,
    pub n: u64,
    pub sum: i128,
    /// The sum of the squared values (saturating at `u128::MAX`, which no realistic run
    /// reaches: the sum of non-negative terms saturates at the same value in any order).
    #[serde(default)]
    pub sum_sq: u128,
    pub min: i64,
    pub max: i64,
}

impl Hist {
    pub fn add(&mut self, v: i64) {
        // Most values fall in an existing bin: count them without growing anything.
        if self.n != 0 {
            let i = (v >> self.shift).wrapping_sub(self.lo) as u64;
            if let Some(c) = usize::try_from(i).ok().and_then(|i| self.counts.get_mut(i)) {
                *c += 1;
                self.n += 1;
                self.sum += v as i128;
                self.sum_sq = self.sum_sq.saturating_add(square(v));
                self.min = self.min.min(v);
                self.max = self.max.max(v);
                return;
            }
        }
        self.add_n(v, 1);
    }

    fn add_n(&mut self, v: i64, k: u32) {
        if k == 0 {
            return;
        }
        if self.n == 0 {
            self.min = v;
            self.max = v;
        } else {
            self.min = self.min.min(v);
            self.max = self.max.max(v);
        }
        self.n += k as u64;
        self.sum += v as i128 * k as i128;
        self.sum_sq = self
            .sum_sq
            .saturating_add(square(v).saturating_mul(u128::from(k)));
        if self.counts.is_empty() {
            // Start wide enough for this value alone, keeping earlier width.
            self.lo = v >> self.shift;
            self.counts.push(k);
            return;
        }
        self.include(v >> self.shift);
        let b = v >> self.shift;
        let i = (b - self.lo) as usize;
        self.counts[i] += k;
    }

    /// Grow the bin range to cover bin index `b`, widening bins as needed.
    fn include(&mut self, mut b: i64) {
        loop {
            let hi = self.lo + self.counts.len() as i64 - 1;
            let new_lo = self.lo.min(b);
            let new_hi = hi.max(b);
            if ((new_hi - new_lo) as usize) < MAX_BINS {
                if new_lo < self.lo {
                    let extra = (self.lo - new_lo) as usize;
                    self.counts.splice(0..0, std::iter::repeat_n(0, extra));
                    self.lo = new_lo;
                }
                let len = (new_hi - self.lo + 1) as usize;
                if len > self.counts.len() {
                    self.counts.resize(len, 0);
                }
                return;
            }
            self.widen();
            b >>= 1;
        }
    }

    /// Double the bin width, merging aligned pairs.
    fn widen(&mut self) {
        let new_lo = self.lo >> 1;
        let hi = self.lo + self.counts.len() as i64 - 1;
        let new_hi = hi >> 1;
        let mut merged = vec![0u32; (new_hi - new_lo + 1) as usize];
        for (i, c) in self.counts.iter().enumerate() {
            let b = (self.lo + i as i64) >> 1;
            merged[(b - new_lo) as usize] += c;
        }
        self.counts = merged;
        self.lo = new_lo;
        self.shift += 1;
    }

    /// Fold another histogram into this one; the result is the same whatever the order.
    pub fn merge(&mut self, other: &Hist) {
        if other.n == 0 {
            return;
        }
        if self.n == 0 {
            *self = other.clone();
            return;
        }
        // `other`'s bins are read at this histogram's width as they are (a bin index
        // shifted right by the difference in width is the bin it widens into), without
        // copying `other`.
        while self.shift < other.shift {
            self.widen();
        }
        let o_hi = other.lo + other.counts.len() as i64 - 1;
        self.include(other.lo >> (self.shift - other.shift));
        self.include(o_hi >> (self.shift - other.shift));
        // Widening in `include` may have changed self.shift.
        let d = self.shift - other.shift;
        for (i, c) in other.counts.iter().enumerate() {
            if *c > 0 {
                let b = (other.lo + i as i64) >> d;
                self.counts[(b - self.lo) as usize] += c;
            }
        }
        self.n += other.n;
        self.sum += other.sum;
        self.sum_sq = self.sum_sq.saturating_add(other.sum_sq);
        self.min = self.min.min(other.min);
        self.max = self.max.max(other.max);
        self.canonicalise();
    }

    /// Trim empty bins at the ends and use the narrowest width that holds the range, so two
    /// histograms of the same values are identical however they were built.
    fn canonicalise(&mut self) {
        // Width can only be what the full range needs: recompute from min/max.
        let need = Self::shift_for(self.min, self.max);
        debug_assert!(need <= self.shift);
        let first = self.counts.iter().position(|c| *c > 0).unwrap_or(0);
        let last = self.counts.iter().rposition(|c| *c > 0).unwrap_or(0);
        self.counts.truncate(last + 1);
        self.counts.drain(..first);
        self.lo += first as i64;
    }

    /// The narrowest power-of-two width at which [min, max] spans at most MAX_BINS bins.
    pub fn shift_for(min: i64, max: i64) -> u32 {
        let mut s = 0;
        while ((max >> s) - (min >> s)) as usize >= MAX_BINS {
            s += 1;
        }
        s
    }

    pub fn mean(&self) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            self.sum as f64 / self.n as f64
        }
    }

    /// The sample variance of the values (n - 1 in the denominator; 0 for fewer than two),
    /// from the exact sums: `(n Σv² - (Σv)²) / (n (n - 1))`, in integers while they fit.
    pub fn variance(&self) -> f64 {
        if self.n < 2 {
            return 0.0;
        }
        let n = u128::from(self.n);
        let sum = self.sum.unsigned_abs();
        let exact = n
            .checked_mul(self.sum_sq)
            .zip(sum.checked_mul(sum))
            .map(|(a, b)| a.saturating_sub(b));
        let spread = match exact {
            Some(d) => d as f64,
            None => {
                let (nf, sf) = (self.n as f64, self.sum as f64);
                (nf * self.sum_sq as f64 - sf * sf).max(0.0)
            }
        };
        spread / (self.n as f64 * (self.n - 1) as f64)
    }

    /// The Monte Carlo standard error of the mean: the standard deviation over √n.
    pub fn mean_se(&self) -> f64 {
        if self.n < 2 {
            return 0.0;
        }
        (self.variance() / self.n as f64).sqrt()
    }

    /// The Monte Carlo standard error of the median, without assuming a shape: half the
    /// distance between the quantiles one binomial standard deviation of rank either side
    /// of the middle (`0.5 ± 0.5/√n`), as the order statistics give it. The quantiles are
    /// read with the values spread evenly over each bin (a whole number `v` over `v ± ½`),
    /// so a median that sits on one whole number in most runs still shows how far it
    /// could move.
    pub fn median_se(&self) -> f64 {
        if self.n < 2 {
            return 0.0;
        }
        let d = 0.5 / (self.n as f64).sqrt();
        (self.smooth_quantile(0.5 + d) - self.smooth_quantile(0.5 - d)) / 2.0
    }

    /// Quantile `q` (0..=1) with each bin's values spread evenly over it, at fractional
    /// ranks: a continuous function of `q`, for `median_se`.
    fn smooth_quantile(&self, q: f64) -> f64 {
        let rank = q.clamp(0.0, 1.0) * self.n as f64;
        let width = (1i64 << self.shift.min(62)) as f64;
        let mut cum = 0.0;
        for (i, &c) in self.counts.iter().enumerate() {
            let c = c as f64;
            if c > 0.0 && rank <= cum + c {
                let b = self.lo + i as i64;
                // A unit bin holds one whole number: spread it over ±½ around it.
                let start = if self.shift == 0 {
                    b as f64 - 0.5
                } else {
                    (b << self.shift) as f64
                };
                return start + (rank - cum) / c * width;
            }
            cum += c;
        }
        self.max as f64
    }

    /// Quantiles (each 0..=1, ascending) in one pass over the bins (a report asks for seven
    /// of every histogram). Exact when bins are one unit wide; otherwise interpolated
    /// linearly within the bin and kept within the observed min and max.
    pub fn quantiles<const N: usize>(&self, qs: [f64; N]) -> [f64; N] {
        let mut out = [0.0; N];
        if self.n == 0 {
            return out;
        }
        let ranks = qs.map(|q| (q.clamp(0.0, 1.0) * (self.n - 1) as f64).floor() as u64);
        let mut k = 0;
        let mut cum = 0u64;
        for (i, c) in self.counts.iter().enumerate() {
            let c = *c as u64;
            if c == 0 {
                continue;
            }
            while k < N && ranks[k] < cum + c {
                let b = self.lo + i as i64;
                out[k] = if self.shift == 0 {
                    b as f64
                } else {
                    let width = (1i64 << self.shift) as f64;
                    let start = (b << self.shift) as f64;
                    let frac = (ranks[k] - cum) as f64 / c as f64 + 0.5 / c as f64;
                    (start + frac * width).clamp(self.min as f64, self.max as f64)
                };
                k += 1;
            }
            if k == N {
                return out;
            }
            cum += c;
        }
        for v in &mut out[k..] {
            *v = self.max as f64;
        }
        out
    }

    /// Share of values strictly below `v` (bin-resolution; exact for integers in unit bins
    /// and for the 0 threshold, which is a bin edge at every width).
    pub fn share_below(&self, v: i64) -> f64 {
        if self.n == 0 {
            return 0.0;
        }
        let edge = v >> self.shift;
        let mut below = 0u64;
        for (i, c) in self.counts.iter().enumerate() {
            if self.lo + (i as i64) < edge {
                below += *c as u64;
            }
        }
        below as f64 / self.n as f64
    }
}

/// `v²`, exactly.
#[inline]
fn square(v: i64) -> u128 {
    let a = u128::from(v.unsigned_abs());
    a * a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_and_batching_do_not_matter() {
        let values: Vec<i64> = (0..5000)
            .map(|i| ((i * 7919) % 10007) as i64 * 37 - 150_000)
            .collect();
        let mut a = Hist::default();
        for v in &values {
            a.add(*v);
        }
        let mut b = Hist::default();
        for v in values.iter().rev() {
            b.add(*v);
        }
        let mut parts: Vec<Hist> = values
            .chunks(333)
            .map(|c| {
                let mut h = Hist::default();
                c.iter().for_each(|v| h.add(*v));
                h
            })
            .collect();
        let mut c = Hist::default();
        while let Some(p) = parts.pop() {
            c.merge(&p);
        }
        a.canonicalise();
        b.canonicalise();
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert!(a.counts.len() <= MAX_BINS);
    }

    proptest::proptest! {
        /// Merging histograms of any widths (narrow and wide parts, either first) gives the
        /// histogram of all their values added one by one.
        #[test]
        fn merging_parts_of_any_width_is_adding_every_value(
            parts in proptest::collection::vec(
                (proptest::collection::vec(-2_000i64..2_000, 1..40), 0u32..14, -5_000_000i64..5_000_000),
                1..6,
            ),
        ) {
            let mut all = Hist::default();
            let mut merged = Hist::default();
            for (values, spread, offset) in &parts {
                let mut h = Hist::default();
                for v in values {
                    let v = offset + (v << spread);
                    h.add(v);
                    all.add(v);
                }
                merged.merge(&h);
            }
            all.canonicalise();
            proptest::prop_assert_eq!(merged, all);
        }
    }

    #[test]
    fn counting_in_an_existing_bin_is_the_general_add() {
        let mut fast = Hist::default();
        let mut general = Hist::default();
        for i in 0..20_000i64 {
            // Mostly repeats, with new extremes (both ends) and widenings now and then.
            let v = ((i * 7919) % 613 - 300) * (1 + i / 2_000) - i64::from(i % 997 == 0) * i * 50;
            fast.add(v);
            general.add_n(v, 1);
            assert_eq!(fast, general, "after {i} values");
        }
        assert!(fast.shift > 0);
    }

    #[test]
    fn exact_for_small_integers() {
        let mut h = Hist::default();
        for v in 1..=101 {
            h.add(v);
        }
        assert_eq!(h.quantiles([0.5])[0], 51.0);
        assert_eq!(h.quantiles([0.0])[0], 1.0);
        assert_eq!(h.quantiles([1.0])[0], 101.0);
        assert_eq!(h.mean(), 51.0);
        assert!((h.share_below(11) - 10.0 / 101.0).abs() < 1e-12);
    }

    /// The one-pass quantiles are exactly those of a walk over the bins for each rank alone, in unit bins and in
    /// wide ones.
    #[test]
    fn quantiles_in_one_pass_match_one_at_a_time() {
        let qs = [0.0, 0.05, 0.1, 0.25, 0.5, 0.5, 0.75, 0.9, 0.95, 1.0];
        for spread in [1i64, 37, 5_000] {
            let mut h = Hist::default();
            for i in 0..3_001i64 {
                h.add(((i * 7919) % 1009 - 200) * spread);
            }
            let one = qs.map(|q| {
                let rank = (q * (h.n - 1) as f64).floor() as u64;
                // Reference: the bin walk for one rank.
                let mut cum = 0u64;
                for (i, c) in h.counts.iter().enumerate() {
                    let c = *c as u64;
                    if c > 0 && rank < cum + c {
                        let b = h.lo + i as i64;
                        if h.shift == 0 {
                            return b as f64;
                        }
                        let width = (1i64 << h.shift) as f64;
                        let frac = (rank - cum) as f64 / c as f64 + 0.5 / c as f64;
                        return ((b << h.shift) as f64 + frac * width)
                            .clamp(h.min as f64, h.max as f64);
                    }
                    cum += c;
                }
                h.max as f64
            });
            assert_eq!(h.quantiles(qs), one, "spread {spread}");
        }
        assert_eq!(Hist::default().quantiles([0.5, 0.9]), [0.0, 0.0]);
    }

    #[test]
    fn wide_values_stay_accurate() {
        let mut h = Hist::default();
        for v in 0..10_000i64 {
            h.add(v * 1000);
        }
        let med = h.quantiles([0.5])[0];
        assert!(
            (med - 5_000_000.0).abs() < 10_000_000.0 / MAX_BINS as f64,
            "median {med}"
        );
        assert!(h.counts.len() <= MAX_BINS);
    }
}
