//! Scores of words already seen during one search.
//!
//! Prose repeats its words: "cooperation" occurs in thousands of
//! commitments. Scoring each distinct word once per term turns most
//! classifications (and SkimMatcherV2 calls, a heap allocation and a
//! dynamic-programming table each) into a hash lookup.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A fast, non-cryptographic hash for short words (the multiply-rotate
/// scheme of rustc's FxHash); the keys come from the user's own files, so
/// flooding attacks are not a concern.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Per term, the score of each word seen (`None`: no match).
pub(crate) struct Memo<'c> {
    terms: Vec<HashMap<&'c str, Option<i32>, BuildHasherDefault<WordHasher>>>,
}

impl<'c> Memo<'c> {
    /// An empty memo for a query of `terms` terms.
    pub(crate) fn new(terms: usize) -> Memo<'c> {
        Memo {
            terms: (0..terms).map(|_| HashMap::default()).collect(),
        }
    }

    /// The score of `word` for term number `term`, computed by `score` the
    /// first time.
    pub(crate) fn get(
        &mut self,
        term: usize,
        word: &'c str,
        score: impl FnOnce() -> Option<i32>,
    ) -> Option<i32> {
        match self.terms.get_mut(term) {
            Some(map) => *map.entry(word).or_insert_with(score),
            None => score(),
        }
    }
}
