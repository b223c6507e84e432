//! Scores of words already seen during one search.
//!
//! Prose repeats its words: "cooperation" occurs in thousands of
//! commitments. Scoring each distinct word once per term turns most
//! classifications (and SkimMatcherV2 calls, a heap allocation and a
//! dynamic-programming table each) into a hash lookup.

use std::collections::HashMap;

/// A fast, non-cryptographic hash for short words (foldhash); the keys come
/// from the user's own files, so flooding attacks are not a concern, and a
/// fixed seed keeps runs alike.
pub(crate) type WordHasher = foldhash::fast::FixedState;

/// Per term, the score of each word seen (`None`: no match).
pub(crate) struct Memo<'c> {
    terms: Vec<HashMap<&'c str, Option<i32>, WordHasher>>,
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
