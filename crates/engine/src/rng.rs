//! Random streams. One master seed; each replication and each process (admissions, exits,
//! carers, funnel, breakdowns, placement choices, start-up) gets its own stream, so results
//! do not depend on how replications are batched or spread over workers, and two strategies
//! run with the same seed share their draws (common random numbers).
//!
//! The generator is ChaCha8 (`rand::rngs::ChaCha8Rng`) seeded from the master seed, with the
//! stream number (replication x 8 + process) as its ChaCha stream: portable, so native and
//! wasm builds produce the same sequence. In the WebAssembly build (with SIMD) the same
//! keystream comes from `keystream`, four blocks at a time in SIMD lanes, as `ChaCha8Rng` has
//! no SIMD backend there.
//! All transcendental maths goes through `libm` so native and wasm builds agree bit for bit.

/// The processes that draw random numbers, each with its own stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Process {
    Admissions = 0,
    Exits = 1,
    Carers = 2,
    Funnel = 3,
    Breakdowns = 4,
    Placement = 5,
    StartUp = 6,
    Levers = 7,
}

#[cfg(any(all(target_arch = "wasm32", target_feature = "simd128"), test))]
mod keystream;

/// ChaCha8 on one stream: `keystream`'s in WebAssembly with SIMD (the browser build),
/// `rand`'s elsewhere (natively its AVX2 backend, faster there); the same numbers either way.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
type StreamRng = keystream::ChaCha8;
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
type StreamRng = rand::rngs::ChaCha8Rng;

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
fn generator(master_seed: u64, stream: u64) -> StreamRng {
    keystream::ChaCha8::new(master_seed, stream)
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
fn generator(master_seed: u64, stream: u64) -> StreamRng {
    use rand::SeedableRng;
    let mut rng = StreamRng::seed_from_u64(master_seed);
    rng.set_stream(stream);
    rng
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
use rand::Rng;

const STREAMS_PER_REPLICATION: u64 = 8;

/// Ziggurat for the standard exponential, 256 layers of equal area (Marsaglia and Tsang
/// 2000): R is where the base layer's tail starts, V each layer's area.
const ZIG_EXP_R: f64 = 7.697_117_470_131_05;
const ZIG_EXP_V: f64 = 0.003_949_659_822_581_557;

/// Layer edges `x` (decreasing from the base layer's width to 0) and the density at each.
#[derive(Debug)]
struct Ziggurat {
    x: [f64; 257],
    f: [f64; 257],
}

/// The exponential ziggurat, built once with `libm` (so the same on every platform).
fn ziggurat() -> &'static Ziggurat {
    static TABLES: std::sync::OnceLock<Ziggurat> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let mut x = [0.0; 257];
        let mut f = [0.0; 257];
        x[0] = ZIG_EXP_V / libm::exp(-ZIG_EXP_R);
        x[1] = ZIG_EXP_R;
        for i in 1..255 {
            x[i + 1] = -libm::log(ZIG_EXP_V / x[i] + libm::exp(-x[i]));
        }
        x[256] = 0.0;
        for (fi, xi) in f.iter_mut().zip(&x) {
            *fi = libm::exp(-xi);
        }
        Ziggurat { x, f }
    })
}

/// A stream for one process in one replication.
#[derive(Debug)]
pub struct Stream {
    rng: StreamRng,
    /// The exponential ziggurat (`ziggurat()`), looked up once per stream rather than once
    /// per draw.
    zig: &'static Ziggurat,
    /// The second normal of the last polar-method pair, not yet used.
    spare_normal: Option<f64>,
    /// The last Poisson mean drawn from and `exp(-mean)` (a process draws month after month
    /// with the same mean, mostly): the same value `libm::exp` gives, without the call.
    poisson_zero: (f64, f64),
}

impl Stream {
    pub fn new(master_seed: u64, replication: u32, process: Process) -> Stream {
        Stream {
            rng: generator(
                master_seed,
                replication as u64 * STREAMS_PER_REPLICATION + process as u64,
            ),
            zig: ziggurat(),
            spare_normal: None,
            poisson_zero: (0.0, 1.0),
        }
    }

    /// Next 64 random bits of this stream's ChaCha8 keystream.
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.rng.next_u64()
    }

    /// Next 32 random bits of this stream's ChaCha8 keystream.
    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        self.rng.next_u32()
    }

    /// Uniform on [0, 1) in steps of 2^-32: fine enough for every probability and time in
    /// the model (a step is under a millisecond in a month), and half the keystream of a
    /// 53-bit draw, which matters most in WebAssembly where the keystream costs more.
    #[inline]
    pub fn uniform(&mut self) -> f64 {
        self.next_u32() as f64 * (1.0 / (1u64 << 32) as f64)
    }

    /// Uniform on (0, 1].
    #[inline]
    pub fn uniform_open0(&mut self) -> f64 {
        1.0 - self.uniform()
    }

    #[inline]
    pub fn bernoulli(&mut self, p: f64) -> bool {
        self.uniform() < p
    }

    /// Exponential with the given mean.
    #[inline]
    pub fn exponential(&mut self, mean: f64) -> f64 {
        mean * self.exp1()
    }

    /// Standard exponential by Marsaglia and Tsang's ziggurat: one 64-bit draw and a
    /// comparison in about 98.9% of cases (inlined); the wedges and the tail use `libm`.
    #[inline]
    pub fn exp1(&mut self) -> f64 {
        let z = self.zig;
        let bits = self.next_u64();
        // Low 8 bits choose the layer, the top 53 bits the position in it.
        let i = (bits & 0xff) as usize;
        let u = (bits >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
        let x = u * z.x[i];
        if x < z.x[i + 1] {
            return x;
        }
        self.exp1_edge(i, x)
    }

    /// The ziggurat's rare cases: the tail beyond R, a draw in a layer's wedge, or a retry.
    #[cold]
    #[inline(never)]
    fn exp1_edge(&mut self, mut i: usize, mut x: f64) -> f64 {
        let z = self.zig;
        loop {
            if i == 0 {
                // The tail beyond R is R plus another exponential.
                return ZIG_EXP_R - libm::log(self.uniform_open0());
            }
            let (fi, fi1) = (z.f[i], z.f[i + 1]);
            if fi1 + (fi - fi1) * self.uniform() < libm::exp(-x) {
                return x;
            }
            let bits = self.next_u64();
            i = (bits & 0xff) as usize;
            let u = (bits >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
            x = u * z.x[i];
            if x < z.x[i + 1] {
                return x;
            }
        }
    }

    /// Standard normal (Marsaglia's polar method: each accepted pair gives two values, the
    /// second kept for the next call).
    pub fn normal(&mut self) -> f64 {
        if let Some(z) = self.spare_normal.take() {
            return z;
        }
        loop {
            let x = 2.0 * self.uniform() - 1.0;
            let y = 2.0 * self.uniform() - 1.0;
            let s = x * x + y * y;
            if s > 0.0 && s < 1.0 {
                let f = libm::sqrt(-2.0 * libm::log(s) / s);
                self.spare_normal = Some(y * f);
                return x * f;
            }
        }
    }

    /// Poisson with the given mean (inversion by sequential search; means here are small).
    pub fn poisson(&mut self, mean: f64) -> u32 {
        if mean <= 0.0 {
            return 0;
        }
        if mean > 500.0 {
            // Normal approximation for absurdly large means keeps the cost bounded.
            let x = mean + libm::sqrt(mean) * self.normal();
            return x.max(0.0).round() as u32;
        }
        let u = self.uniform();
        if self.poisson_zero.0 != mean {
            self.poisson_zero = (mean, libm::exp(-mean));
        }
        poisson_search(mean, self.poisson_zero.1, u)
    }

    /// `poisson(mean)`, the same draw from the same uniform, found in `table` (kept by the
    /// caller from run to run for a mean that recurs, as a month's does).
    #[inline]
    pub fn poisson_in(&mut self, mean: f64, table: &mut PoissonTable) -> u32 {
        if mean <= 0.0 || mean > 500.0 {
            return self.poisson(mean);
        }
        let u = self.uniform();
        table.find(mean, u)
    }

    /// Index drawn from unnormalised weights (all >= 0, sum > 0).
    pub fn categorical(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        self.categorical_summed(weights, total)
    }

    /// `categorical` with the weights' sum `total` added up beforehand, in order, as
    /// `categorical` adds it: the same draw, without adding them again.
    #[inline]
    pub fn categorical_summed(&mut self, weights: &[f64], total: f64) -> usize {
        let mut u = self.uniform() * total;
        for (i, w) in weights.iter().enumerate() {
            if u < *w {
                return i;
            }
            u -= w;
        }
        weights.iter().rposition(|w| *w > 0.0).unwrap_or(0)
    }
}

/// A Poisson draw with the given mean by sequential search from `u`, `p0` being
/// `exp(-mean)`: the first `k` with `u < cdf(k)` (at most 10,000), or where the terms have
/// vanished below `u`.
fn poisson_search(mean: f64, p0: f64, u: f64) -> u32 {
    let mut p = p0;
    let mut cdf = p;
    let mut k = 0u32;
    while u >= cdf && k < 10_000 {
        k += 1;
        p *= mean / k as f64;
        cdf += p;
        if p == 0.0 && cdf < u {
            break;
        }
    }
    k
}

/// A Poisson law's CDF at 0, 1, 2, ... as `poisson_search` sums it (the same terms added in
/// the same order), as far as draws have needed it, for draws by binary search
/// (`Stream::poisson_in`): a month's admissions and enquiries are drawn from the same means
/// in every run, so a table kept from run to run is built once.
#[derive(Clone, Debug, Default)]
pub struct PoissonTable {
    mean: f64,
    cdf: Vec<f64>,
    /// The last term added (`cdf`'s last step).
    term: f64,
}

impl PoissonTable {
    /// `poisson_search(mean, exp(-mean), u)`, from the table (rebuilt for another mean).
    /// The CDF does not decrease (its terms are not negative), so once the table reaches
    /// past `u` the first `k` with `u < cdf(k)` is its partition point. The table grows term
    /// by term as the search would go, while the terms are positive and within the search's
    /// limit of 10,000; beyond that the search itself answers.
    fn find(&mut self, mean: f64, u: f64) -> u32 {
        if self.mean.to_bits() != mean.to_bits() || self.cdf.is_empty() {
            let p0 = libm::exp(-mean);
            self.mean = mean;
            self.cdf.clear();
            self.cdf.push(p0);
            self.term = p0;
        }
        loop {
            let last = self.cdf[self.cdf.len() - 1];
            if u < last {
                return self.cdf.partition_point(|&c| u >= c) as u32;
            }
            let k = self.cdf.len();
            if self.term == 0.0 || k > 10_000 {
                return poisson_search(mean, self.cdf[0], u);
            }
            self.term *= mean / k as f64;
            self.cdf.push(last + self.term);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A draw from a table is the sequential search's, draw for draw, whatever the order of
    /// means (a table rebuilt for each new one, or one per mean), small and large.
    #[test]
    fn poisson_in_a_table_is_the_search() {
        let mut a = Stream::new(9, 2, Process::Admissions);
        let mut b = Stream::new(9, 2, Process::Admissions);
        let mut c = Stream::new(9, 2, Process::Admissions);
        let means = [
            10.2, 10.2, 19.7, 0.3, 2.5, 19.7, 0.0, 80.0, 499.0, 1e-9, 35.5, 600.0,
        ];
        let mut shared = PoissonTable::default();
        let mut own = vec![PoissonTable::default(); means.len()];
        for i in 0..60_000 {
            let mean = means[i % means.len()];
            let want = c.poisson(mean);
            assert_eq!(a.poisson_in(mean, &mut shared), want, "mean {mean}");
            assert_eq!(
                b.poisson_in(mean, &mut own[i % means.len()]),
                want,
                "mean {mean}"
            );
        }
    }

    #[test]
    fn normal_moments() {
        let mut rng = Stream::new(5, 1, Process::Exits);
        let n = 200_000;
        let (mut sum, mut sq, mut cross, mut prev) = (0.0, 0.0, 0.0, 0.0);
        for _ in 0..n {
            let z = rng.normal();
            sum += z;
            sq += z * z;
            cross += z * prev;
            prev = z;
        }
        let mean = sum / n as f64;
        assert!(mean.abs() < 0.01, "mean {mean}");
        assert!(
            (sq / n as f64 - 1.0).abs() < 0.015,
            "variance {}",
            sq / n as f64
        );
        // Consecutive values (including the two of a pair) are uncorrelated.
        assert!(
            (cross / n as f64).abs() < 0.01,
            "lag-1 covariance {}",
            cross / n as f64
        );
    }

    #[test]
    fn ziggurat_edges_close_at_zero() {
        let z = ziggurat();
        // The top layer, from x[255] to 0 under the density, has the common area too.
        let top = z.x[255] * (1.0 - z.f[255]);
        assert!((top - ZIG_EXP_V).abs() < 1e-9, "top layer area {top}");
        assert!(z.x.windows(2).all(|w| w[0] > w[1]));
    }

    #[test]
    fn exponential_moments_and_tail() {
        let mut rng = Stream::new(7, 3, Process::Breakdowns);
        let n = 400_000;
        let (mut sum, mut sq, mut tail) = (0.0, 0.0, 0usize);
        for _ in 0..n {
            let x = rng.exponential(2.0);
            assert!(x >= 0.0);
            sum += x;
            sq += x * x;
            tail += (x > 6.0) as usize;
        }
        let mean = sum / n as f64;
        let var = sq / n as f64 - mean * mean;
        assert!((mean - 2.0).abs() < 0.02, "mean {mean}");
        assert!((var - 4.0).abs() < 0.1, "variance {var}");
        // P(X > 3 means) = e^-3.
        let p = tail as f64 / n as f64;
        assert!((p - libm::exp(-3.0)).abs() < 0.003, "tail {p}");
    }
}
