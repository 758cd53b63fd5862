//! A set of small integer ids (households) that finds its lowest member at or after a given
//! id in a few word operations whatever its size: a bit per id, and above the bits a summary
//! level with a bit per non-empty word of the level below, up to a single word. Insert and
//! remove touch one word per level (fewer when a word stays non-empty), so keeping the set
//! up to date costs as little as the search does.

/// Bits per word, and per step between levels.
const BITS: usize = 64;

/// A set of `u32` ids, growing as larger ids are inserted.
#[derive(Clone, Debug)]
pub struct IdSet {
    /// `levels[0]` has a bit per id; `levels[k + 1]` a bit per word of `levels[k]`, set when
    /// that word is not zero. The last level is one word (or there are no levels yet).
    levels: Vec<Vec<u64>>,
    len: usize,
    /// The lowest id in the set (`EMPTY` if none), kept as ids come and go: matching asks
    /// for it far more often than the set changes its lowest member.
    lowest: u32,
}

/// `IdSet::lowest` of an empty set.
const EMPTY: u32 = u32::MAX;

impl Default for IdSet {
    fn default() -> IdSet {
        IdSet {
            levels: Vec::new(),
            len: 0,
            lowest: EMPTY,
        }
    }
}

impl IdSet {
    /// Empty the set, keeping its memory.
    pub fn clear(&mut self) {
        for level in &mut self.levels {
            level.fill(0);
        }
        self.len = 0;
        self.lowest = EMPTY;
    }

    /// How many ids the set holds.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn contains(&self, id: u32) -> bool {
        let i = id as usize;
        self.levels
            .first()
            .and_then(|leaves| leaves.get(i / BITS))
            .is_some_and(|w| w >> (i % BITS) & 1 == 1)
    }

    /// Add `id` (no change if it is there already).
    #[inline]
    pub fn insert(&mut self, id: u32) {
        let i = id as usize;
        let Some(word) = self.levels.first_mut().and_then(|l| l.get_mut(i / BITS)) else {
            self.grow(id);
            return self.insert(id);
        };
        let bit = 1u64 << (i % BITS);
        let was = *word;
        if was & bit != 0 {
            return;
        }
        *word = was | bit;
        self.len += 1;
        self.lowest = self.lowest.min(id);
        // The summaries above already mark a word that was not empty.
        if was != 0 {
            return;
        }
        let mut i = i / BITS;
        for level in &mut self.levels[1..] {
            let word = &mut level[i / BITS];
            let was = *word;
            *word = was | 1u64 << (i % BITS);
            if was != 0 {
                return;
            }
            i /= BITS;
        }
    }

    /// Take `id` out (no change if it is not there).
    #[inline]
    pub fn remove(&mut self, id: u32) {
        let i = id as usize;
        let Some(word) = self.levels.first_mut().and_then(|l| l.get_mut(i / BITS)) else {
            return;
        };
        let bit = 1u64 << (i % BITS);
        if *word & bit == 0 {
            return;
        }
        *word &= !bit;
        let now = *word;
        self.len -= 1;
        // The summaries above still mark a word that is not empty.
        if now == 0 {
            let mut i = i / BITS;
            for level in &mut self.levels[1..] {
                let word = &mut level[i / BITS];
                *word &= !(1u64 << (i % BITS));
                if *word != 0 {
                    break;
                }
                i /= BITS;
            }
        }
        if id == self.lowest {
            self.lowest = self.first_from(id).unwrap_or(EMPTY);
        }
    }

    /// The lowest id in the set.
    #[inline]
    pub fn first(&self) -> Option<u32> {
        (self.lowest != EMPTY).then_some(self.lowest)
    }

    /// The lowest id in the set that is `from` or more.
    pub fn first_from(&self, from: u32) -> Option<u32> {
        // Up: the first level with a set bit at or after the position of `from` in it.
        let mut k = 0;
        let mut pos = from as usize;
        loop {
            let word = *self.levels.get(k)?.get(pos / BITS)?;
            let rest = word & (!0u64 << (pos % BITS));
            if rest != 0 {
                pos = pos / BITS * BITS + rest.trailing_zeros() as usize;
                break;
            }
            // Nothing left in this word: the next words, as bits of the level above.
            pos = pos / BITS + 1;
            k += 1;
        }
        // Down: the lowest set bit of each word below.
        while k > 0 {
            k -= 1;
            let word = self.levels[k][pos];
            pos = pos * BITS + word.trailing_zeros() as usize;
        }
        Some(pos as u32)
    }

    /// Make room for `id`: words at every level, and new levels above (each summarising the
    /// one below) until the last is one word.
    #[cold]
    fn grow(&mut self, id: u32) {
        let mut words = id as usize / BITS + 1;
        let mut k = 0;
        loop {
            if k == self.levels.len() {
                // A new level: summarise the one below (its words so far).
                let below = k.checked_sub(1).map_or(&[][..], |b| &self.levels[b][..]);
                let mut level = vec![0u64; words];
                for (w, &v) in below.iter().enumerate() {
                    if v != 0 {
                        level[w / BITS] |= 1u64 << (w % BITS);
                    }
                }
                self.levels.push(level);
            } else if self.levels[k].len() < words {
                self.levels[k].resize(words, 0);
            }
            if words == 1 {
                return;
            }
            words = words.div_ceil(BITS);
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    proptest! {
        /// Whatever is inserted and removed, in any order and at any size (ids spanning one
        /// word to several levels), the set holds what a `BTreeSet` holds, and finds the same
        /// lowest member at or after any id.
        #[test]
        fn behaves_as_an_ordered_set(
            ops in prop::collection::vec((any::<bool>(), 0u32..300_000, 0u32..300_000), 0..300),
            small in any::<bool>(),
        ) {
            let mut set = IdSet::default();
            let mut reference = BTreeSet::new();
            for (insert, id, from) in ops {
                // Small ids too, so words fill and empty often.
                let (id, from) = if small { (id % 200, from % 200) } else { (id, from) };
                if insert {
                    set.insert(id);
                    reference.insert(id);
                } else {
                    set.remove(id);
                    reference.remove(&id);
                }
                prop_assert_eq!(set.len(), reference.len());
                prop_assert_eq!(set.contains(id), reference.contains(&id));
                prop_assert_eq!(set.first(), reference.iter().next().copied());
                prop_assert_eq!(set.first_from(from), reference.range(from..).next().copied());
            }
            set.clear();
            prop_assert_eq!(set.first(), None);
            prop_assert_eq!(set.len(), 0);
        }
    }

    /// A set grown from one word to three levels keeps the members it had.
    #[test]
    fn growing_keeps_the_members() {
        let mut set = IdSet::default();
        set.insert(5);
        set.insert(63);
        set.insert(64 * 64 * 3 + 1);
        assert_eq!(set.first(), Some(5));
        assert_eq!(set.first_from(6), Some(63));
        assert_eq!(set.first_from(64), Some(64 * 64 * 3 + 1));
        set.remove(5);
        set.remove(63);
        assert_eq!(set.first(), Some(64 * 64 * 3 + 1));
        assert_eq!(set.first_from(64 * 64 * 3 + 2), None);
        assert_eq!(set.first_from(u32::MAX), None);
    }
}
