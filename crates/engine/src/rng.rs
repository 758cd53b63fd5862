//! Random streams. One master seed; each replication and each process (admissions, exits,
//! carers, funnel, breakdowns, placement choices, start-up) gets its own stream, so results
//! do not depend on how replications are batched or spread over workers, and two strategies
//! run with the same seed share their draws (common random numbers).
//!
//! The generator is xoshiro256++ (Blackman and Vigna), a few integer operations per draw,
//! seeded by SplitMix64 from the master seed and the stream's number; it uses only 64-bit
//! integer arithmetic, so native and wasm builds produce the same sequence.
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

const STREAMS_PER_REPLICATION: u64 = 8;

/// SplitMix64's output function: a bijective 64-bit mix.
#[inline]
fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// A stream for one process in one replication.
#[derive(Clone, Debug)]
pub struct Stream {
    s: [u64; 4],
}

impl Stream {
    pub fn new(master_seed: u64, replication: u32, process: Process) -> Stream {
        let stream = replication as u64 * STREAMS_PER_REPLICATION + process as u64;
        // Distinct streams of one seed start SplitMix64 at distinct points (`mix64` is a
        // bijection), and SplitMix64 fills the xoshiro state.
        let mut sm = mix64(master_seed.wrapping_add(GOLDEN_GAMMA)) ^ mix64(stream.wrapping_mul(GOLDEN_GAMMA) ^ 0x5851_F42D_4C95_7F2D);
        let mut next = || {
            sm = sm.wrapping_add(GOLDEN_GAMMA);
            mix64(sm)
        };
        let mut s = [next(), next(), next(), next()];
        if s == [0; 4] {
            s[0] = GOLDEN_GAMMA;
        }
        Stream { s }
    }

    /// Next 64 random bits (xoshiro256++).
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.s;
        let out = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        out
    }

    /// Uniform on [0, 1) with 53 random bits.
    #[inline]
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
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
        -mean * libm::log(self.uniform_open0())
    }

    /// Standard normal (Marsaglia's polar method, one value used).
    pub fn normal(&mut self) -> f64 {
        loop {
            let x = 2.0 * self.uniform() - 1.0;
            let y = 2.0 * self.uniform() - 1.0;
            let s = x * x + y * y;
            if s > 0.0 && s < 1.0 {
                return x * libm::sqrt(-2.0 * libm::log(s) / s);
            }
        }
    }

    /// Gamma(shape, scale) by Marsaglia and Tsang.
    pub fn gamma(&mut self, shape: f64, scale: f64) -> f64 {
        if shape < 1.0 {
            let u = self.uniform_open0();
            return self.gamma(shape + 1.0, scale) * libm::pow(u, 1.0 / shape);
        }
        let d = shape - 1.0 / 3.0;
        let c = 1.0 / libm::sqrt(9.0 * d);
        loop {
            let x = self.normal();
            let v = 1.0 + c * x;
            if v <= 0.0 {
                continue;
            }
            let v = v * v * v;
            let u = self.uniform_open0();
            if u < 1.0 - 0.0331 * x * x * x * x || libm::log(u) < 0.5 * x * x + d * (1.0 - v + libm::log(v)) {
                return d * v * scale;
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
        let mut p = libm::exp(-mean);
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

    /// Index drawn from unnormalised weights (all >= 0, sum > 0).
    pub fn categorical(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
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
