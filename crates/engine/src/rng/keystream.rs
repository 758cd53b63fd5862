//! The ChaCha8 keystream of the WebAssembly build: four blocks at a time in SIMD lanes
//! (`v128` with `simd128`; plain `[u32; 4]` arrays elsewhere, for the native tests),
//! bit-identical to `rand::rngs::ChaCha8Rng` for the same seed and stream. `ChaCha8Rng`
//! has no SIMD backend on wasm32 (its scalar one made about a sixth of a run's
//! instructions); natively its own AVX2 backend is faster, and `super::Stream` uses
//! `ChaCha8Rng` there.
//!
//! Identical by construction where it can be: the 32-byte key is `ChaCha8Rng`'s own
//! expansion of the master seed, and the buffer and its `u32`/`u64` draws are
//! `rand_core`'s `BlockRng`, which is what `ChaCha8Rng` draws through. Only the block
//! function is ours: `ChaChaCore<R8, Legacy>::generate` (4 blocks, 8 rounds, 64-bit block
//! counter in words 12-13, 64-bit stream in words 14-15), checked against `ChaCha8Rng` in
//! the tests below.

use rand::rand_core::block::{BlockRng, Generator};
use rand::rngs::ChaCha8Rng;
use rand::SeedableRng;

/// "expand 32-byte k".
const CONSTANTS: [u32; 4] = [0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574];

/// Four `u32` lanes, one per block; the only target-specific code is here.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod lanes {
    use core::arch::wasm32::{
        i32x4_add, i32x4_shl, i8x16_shuffle, u32x4, u32x4_extract_lane, u32x4_shr, v128, v128_or,
        v128_xor,
    };

    #[derive(Clone, Copy)]
    pub(super) struct Lanes(v128);

    impl Lanes {
        #[inline(always)]
        pub(super) fn from_array(a: [u32; 4]) -> Lanes {
            Lanes(u32x4(a[0], a[1], a[2], a[3]))
        }

        #[inline(always)]
        pub(super) fn to_array(self) -> [u32; 4] {
            let v = self.0;
            [
                u32x4_extract_lane::<0>(v),
                u32x4_extract_lane::<1>(v),
                u32x4_extract_lane::<2>(v),
                u32x4_extract_lane::<3>(v),
            ]
        }

        #[inline(always)]
        pub(super) fn add(self, o: Lanes) -> Lanes {
            Lanes(i32x4_add(self.0, o.0))
        }

        #[inline(always)]
        pub(super) fn xor(self, o: Lanes) -> Lanes {
            Lanes(v128_xor(self.0, o.0))
        }

        /// Each lane rotated left by `N` bits (by 16 and 8 a byte shuffle, little-endian).
        #[inline(always)]
        pub(super) fn rotl<const N: u32>(self) -> Lanes {
            let v = self.0;
            Lanes(match N {
                16 => i8x16_shuffle::<2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13>(v, v),
                8 => i8x16_shuffle::<3, 0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10, 15, 12, 13, 14>(v, v),
                _ => v128_or(i32x4_shl(v, N), u32x4_shr(v, 32 - N)),
            })
        }
    }
}

/// Four `u32` lanes, one per block (plain arrays: the native tests).
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod lanes {
    #[derive(Clone, Copy)]
    pub(super) struct Lanes([u32; 4]);

    impl Lanes {
        #[inline(always)]
        pub(super) fn from_array(a: [u32; 4]) -> Lanes {
            Lanes(a)
        }

        #[inline(always)]
        pub(super) fn to_array(self) -> [u32; 4] {
            self.0
        }

        #[inline(always)]
        pub(super) fn add(self, o: Lanes) -> Lanes {
            Lanes(core::array::from_fn(|i| self.0[i].wrapping_add(o.0[i])))
        }

        #[inline(always)]
        pub(super) fn xor(self, o: Lanes) -> Lanes {
            Lanes(core::array::from_fn(|i| self.0[i] ^ o.0[i]))
        }

        /// Each lane rotated left by `N` bits.
        #[inline(always)]
        pub(super) fn rotl<const N: u32>(self) -> Lanes {
            Lanes(self.0.map(|x| x.rotate_left(N)))
        }
    }
}

use lanes::Lanes;

#[inline(always)]
fn splat(x: u32) -> Lanes {
    Lanes::from_array([x; 4])
}

/// The ChaCha quarter round on words `a`, `b`, `c`, `d` of all four blocks.
#[inline(always)]
fn quarter_round(x: &mut [Lanes; 16], a: usize, b: usize, c: usize, d: usize) {
    x[a] = x[a].add(x[b]);
    x[d] = x[d].xor(x[a]).rotl::<16>();
    x[c] = x[c].add(x[d]);
    x[b] = x[b].xor(x[c]).rotl::<12>();
    x[a] = x[a].add(x[b]);
    x[d] = x[d].xor(x[a]).rotl::<8>();
    x[c] = x[c].add(x[d]);
    x[b] = x[b].xor(x[c]).rotl::<7>();
}

/// A column round and a diagonal round.
#[inline(always)]
fn double_round(x: &mut [Lanes; 16]) {
    quarter_round(x, 0, 4, 8, 12);
    quarter_round(x, 1, 5, 9, 13);
    quarter_round(x, 2, 6, 10, 14);
    quarter_round(x, 3, 7, 11, 15);
    quarter_round(x, 0, 5, 10, 15);
    quarter_round(x, 1, 6, 11, 12);
    quarter_round(x, 2, 7, 8, 13);
    quarter_round(x, 3, 4, 9, 14);
}

/// ChaCha8 with a 64-bit block counter and a 64-bit stream: what `ChaCha8Rng` wraps.
#[derive(Debug, Clone)]
pub(super) struct Core {
    key: [u32; 8],
    /// The block counter of the next block generated.
    block: u64,
    stream: u64,
}

impl Generator for Core {
    type Output = [u32; 64];

    /// Blocks `block` to `block + 3`, block `b`'s 16 words at `16 * b`.
    fn generate(&mut self, out: &mut [u32; 64]) {
        let counter: [u64; 4] = core::array::from_fn(|b| self.block.wrapping_add(b as u64));
        let k = &self.key;
        let input = [
            splat(CONSTANTS[0]),
            splat(CONSTANTS[1]),
            splat(CONSTANTS[2]),
            splat(CONSTANTS[3]),
            splat(k[0]),
            splat(k[1]),
            splat(k[2]),
            splat(k[3]),
            splat(k[4]),
            splat(k[5]),
            splat(k[6]),
            splat(k[7]),
            Lanes::from_array(counter.map(|c| c as u32)),
            Lanes::from_array(counter.map(|c| (c >> 32) as u32)),
            splat(self.stream as u32),
            splat((self.stream >> 32) as u32),
        ];
        let mut x = input;
        // 8 rounds, written out: ~8% faster in V8 than a loop of 4.
        double_round(&mut x);
        double_round(&mut x);
        double_round(&mut x);
        double_round(&mut x);
        for (w, (xw, iw)) in x.iter().zip(&input).enumerate() {
            for (b, v) in xw.add(*iw).to_array().into_iter().enumerate() {
                out[16 * b + w] = v;
            }
        }
        self.block = self.block.wrapping_add(4);
    }
}

/// A ChaCha8 random stream, drawing exactly as `ChaCha8Rng` does.
#[derive(Debug)]
pub(super) struct ChaCha8(BlockRng<Core>);

impl ChaCha8 {
    /// The same keystream as `ChaCha8Rng::seed_from_u64(master_seed)` after
    /// `set_stream(stream)`.
    pub(super) fn new(master_seed: u64, stream: u64) -> ChaCha8 {
        ChaCha8::at_block(master_seed, stream, 0)
    }

    /// Starting at block `block` (16 words a block) of the stream.
    fn at_block(master_seed: u64, stream: u64, block: u64) -> ChaCha8 {
        let seed = ChaCha8Rng::seed_from_u64(master_seed).get_seed();
        let mut key = [0u32; 8];
        for (k, bytes) in key.iter_mut().zip(seed.chunks_exact(4)) {
            *k = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        }
        ChaCha8(BlockRng::new(Core { key, block, stream }))
    }

    #[inline]
    pub(super) fn next_u32(&mut self) -> u32 {
        self.0.next_word()
    }

    #[inline]
    pub(super) fn next_u64(&mut self) -> u64 {
        self.0.next_u64_from_u32()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    /// `ChaCha8Rng` on `stream` from block `block`.
    fn reference(master_seed: u64, stream: u64, block: u64) -> ChaCha8Rng {
        let mut rng = ChaCha8Rng::seed_from_u64(master_seed);
        rng.set_stream(stream);
        if block != 0 {
            rng.set_word_pos(u128::from(block) * 16);
        }
        rng
    }

    /// Draws `n` values from both, a fixed-seed random mix of `u32` and `u64`; returns how
    /// many `u64` draws straddled the 64-word buffer's end.
    fn compare_mixed(
        ours: &mut ChaCha8,
        theirs: &mut ChaCha8Rng,
        choice_seed: u64,
        n: usize,
    ) -> usize {
        let mut choices = ChaCha8Rng::seed_from_u64(choice_seed);
        let (mut word, mut straddles) = (0u64, 0);
        for i in 0..n {
            if choices.next_u32() & 1 == 0 {
                assert_eq!(
                    ours.next_u32(),
                    theirs.next_u32(),
                    "u32 draw {i} at word {word}"
                );
                word += 1;
            } else {
                straddles += usize::from(word % 64 == 63);
                assert_eq!(
                    ours.next_u64(),
                    theirs.next_u64(),
                    "u64 draw {i} at word {word}"
                );
                word += 2;
            }
        }
        straddles
    }

    #[test]
    fn same_as_chacha8rng_over_seeds_and_streams() {
        let seeds = [0, 1, 2, 42, 0xdead_beef, 1 << 32, u64::MAX - 1, u64::MAX];
        let streams = [
            0,
            1,
            7,
            8,
            12_345 * 8 + 6,
            (1 << 32) - 1,
            1 << 32,
            (1 << 32) + 1,
            u64::MAX - 1,
            u64::MAX,
        ];
        let mut straddles = 0;
        for (i, &seed) in seeds.iter().enumerate() {
            for (j, &stream) in streams.iter().enumerate() {
                let mut ours = ChaCha8::new(seed, stream);
                let mut theirs = reference(seed, stream, 0);
                straddles += compare_mixed(&mut ours, &mut theirs, (i * 100 + j) as u64, 3_000);
            }
        }
        assert!(
            straddles > 50,
            "only {straddles} u64 draws across a buffer's end"
        );
    }

    #[test]
    fn same_as_chacha8rng_across_32_and_64_bit_counter_wraps() {
        // Start a few buffers before the low counter word wraps (into word 13), and before
        // the whole 64-bit counter wraps to 0; `at_block` starts at any block, including
        // ones not a multiple of 4 (each buffer then straddles the carry differently).
        for (k, start) in [
            (1u64 << 32) - 16,
            (1 << 32) - 13,
            (1 << 32) - 2,
            (3 << 32) - 7,
            u64::MAX - 15,
            u64::MAX - 2,
        ]
        .into_iter()
        .enumerate()
        {
            for stream in [0, 5, u64::MAX] {
                let mut ours = ChaCha8::at_block(9, stream, start);
                let mut theirs = reference(9, stream, start);
                compare_mixed(&mut ours, &mut theirs, 1_000 + k as u64, 2_000);
            }
        }
    }

    #[test]
    fn u64_draws_at_every_buffer_offset() {
        // A run of u32 draws of every length 0..=130 then u64 draws: a u64 starting at each
        // word of the buffer, including its last word and an empty buffer.
        for skip in 0..=130 {
            let mut ours = ChaCha8::new(3, 17);
            let mut theirs = reference(3, 17, 0);
            for _ in 0..skip {
                assert_eq!(ours.next_u32(), theirs.next_u32());
            }
            for d in 0..70 {
                assert_eq!(ours.next_u64(), theirs.next_u64(), "skip {skip}, u64 {d}");
            }
            assert_eq!(ours.next_u32(), theirs.next_u32());
        }
    }

    #[test]
    fn same_as_the_streams_the_model_draws_from() {
        use super::super::{Process, Stream};
        for (seed, replication, process) in [
            (20_240_601, 0, Process::Admissions),
            (20_240_601, 999, Process::Levers),
            (7, 65_535, Process::StartUp),
        ] {
            let mut stream = Stream::new(seed, replication, process);
            let mut ours = ChaCha8::new(seed, u64::from(replication) * 8 + process as u64);
            for _ in 0..500 {
                assert_eq!(ours.next_u64(), stream.next_u64());
                assert_eq!(ours.next_u32(), stream.next_u32());
            }
        }
    }
}
