//! The words of a corpus, folded, with how often each occurs: what tells a
//! compound ("cyber" + "security") from a longer word that merely starts
//! like the query ("unit" + "ed"), and what a misspelt query word is
//! corrected to.
//!
//! Built once per corpus, on the first query that needs it: most sessions
//! search, but a load should not pay for it.

use std::collections::HashMap;

use super::fold;
use super::index::Index;
use super::memo::WordHasher;
use crate::model::{Corpus, Node};

type Counts = HashMap<Box<str>, u32, WordHasher>;

/// Every word of four letters or more of the searched texts (titles, area
/// ids and topics, commitments), split at anything that is not a letter or
/// digit, folded and lowercased, with its number of occurrences.
#[derive(Debug, Default)]
pub struct Vocab {
    counts: Counts,
}

/// The fewest letters a query word needs before it is corrected: shorter
/// words are one edit away from too many others.
pub const MIN_CORRECTED: usize = 4;

impl Vocab {
    /// Collects the words of every candidate of `index`, over `threads`
    /// threads.
    pub(crate) fn build(index: &Index, corpus: &Corpus, threads: usize) -> Vocab {
        let parts = index.split(threads.max(1));
        // Each thread counts the words as written, borrowed from the texts
        // (no copy, no folding); each distinct one is folded once at the
        // end. Prose repeats its words, so that is most of the work saved.
        let maps = super::searcher::in_parallel(parts, |range| {
            let mut raw: HashMap<&str, u32, WordHasher> = HashMap::default();
            let mut add = |text| {
                // Shorter words are neither the other part of a compound
                // nor what a word long enough to correct is corrected to,
                // and skipping them skips the commonest ("the", "and").
                for word in raw_words(text).filter(|w| w.len() >= MIN_CORRECTED) {
                    *raw.entry(word).or_insert(0) += 1;
                }
            };
            index.each(corpus, range, |pos, text, _| {
                add(text);
                if pos.is_area()
                    && let Some(Node::Area(_, _, area)) = corpus.get(pos.path())
                {
                    add(&area.id);
                    for (t, _) in &area.topics {
                        add(t);
                    }
                }
            });
            let mut counts = Counts::default();
            for (word, n) in raw {
                add_word(&mut counts, word, n);
            }
            vec![counts]
        });
        let mut maps = maps.into_iter();
        let mut counts = maps.next().unwrap_or_default();
        for other in maps {
            for (w, n) in other {
                *counts.entry(w).or_insert(0) += n;
            }
        }
        Vocab { counts }
    }

    /// A vocabulary of the given words (for tests).
    #[cfg(test)]
    pub(crate) fn of(texts: &[&str]) -> Vocab {
        let mut counts = Counts::default();
        for t in texts {
            for word in raw_words(t).filter(|w| w.len() >= MIN_CORRECTED) {
                add_word(&mut counts, word, 1);
            }
        }
        Vocab { counts }
    }

    /// Whether `word` (folded, lowercase) is a word of the corpus.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.counts.contains_key(word)
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// Whether there are no words at all.
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Whether `term` (folded, lowercase) occurs inside some word: as the
    /// word, at its start, or inside it, letters together.
    pub(crate) fn has_inside(&self, term: &str) -> bool {
        let finder = memchr::memmem::Finder::new(term.as_bytes());
        self.counts
            .keys()
            .any(|w| w.len() >= term.len() && finder.find(w.as_bytes()).is_some())
    }

    /// The word of the corpus that `term` (folded, lowercase) is one typo
    /// away from: one letter added, dropped or changed, or two neighbours
    /// swapped. The most frequent such word wins (then the first in
    /// alphabetical order); `None` for a word of fewer than
    /// [`MIN_CORRECTED`] letters, one that is not all letters, or one that
    /// occurs inside some word as typed.
    pub(crate) fn correct(&self, term: &str) -> Option<&str> {
        if term.chars().count() < MIN_CORRECTED || !term.chars().all(char::is_alphabetic) {
            return None;
        }
        if self.has_inside(term) {
            return None;
        }
        self.counts
            .iter()
            .filter(|(w, _)| w.len().abs_diff(term.len()) <= 1 && one_typo(term.as_bytes(), w.as_bytes()))
            .max_by(|(a, na), (b, nb)| na.cmp(nb).then_with(|| b.cmp(a)))
            .map(|(w, _)| &**w)
    }
}

/// Adds `n` occurrences of `word` (as written) to `counts`, folded and
/// lowercased; a combining accent inside it folds away, so that a word
/// written decomposed is one word.
fn add_word(counts: &mut Counts, word: &str, n: u32) {
    let folded = fold::fold_lower(word);
    for part in subwords(&folded).filter(|p| p.len() >= MIN_CORRECTED) {
        match counts.get_mut(part) {
            Some(c) => *c += n,
            None => {
                counts.insert(part.into(), n);
            }
        }
    }
}

/// The words of `text` as written: runs of letters, digits and combining
/// accents (folded later), found byte by byte where the text is ASCII.
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    // Whether the character starting at byte `i` belongs to a word, and
    // its length in bytes.
    let word_char = move |i: usize| -> (bool, usize) {
        let b = bytes[i];
        if b.is_ascii() {
            return (b.is_ascii_alphanumeric(), 1);
        }
        match text.get(i..).and_then(|s| s.chars().next()) {
            Some(c) => (
                c.is_alphanumeric() || fold::fold_char(c) == Some(""),
                c.len_utf8(),
            ),
            None => (false, 1),
        }
    };
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let b = bytes[at];
            if b.is_ascii_alphanumeric() {
                break;
            }
            if b.is_ascii() {
                at += 1;
                continue;
            }
            let (yes, len) = word_char(at);
            if yes {
                break;
            }
            at += len;
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() {
            let b = bytes[at];
            if b.is_ascii_alphanumeric() {
                at += 1;
                continue;
            }
            if b.is_ascii() {
                break;
            }
            let (yes, len) = word_char(at);
            if !yes {
                break;
            }
            at += len;
        }
        text.get(start..at)
    })
}

/// The runs of letters and digits of `text`.
pub(crate) fn subwords(text: &str) -> impl Iterator<Item = &str> {
    subword_ranges(text).map(move |r| &text[r])
}

/// The byte ranges of the runs of letters and digits of `text`.
pub(crate) fn subword_ranges(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    // Whether the character starting at byte `i` is a letter or digit, and
    // its length.
    let word_char = move |i: usize| -> (bool, usize) {
        let b = bytes[i];
        if b.is_ascii() {
            return (b.is_ascii_alphanumeric(), 1);
        }
        match text.get(i..).and_then(|s| s.chars().next()) {
            Some(c) => (c.is_alphanumeric(), c.len_utf8()),
            None => (false, 1),
        }
    };
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let (yes, len) = word_char(at);
            if yes {
                break;
            }
            at += len;
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() {
            let (yes, len) = word_char(at);
            if !yes {
                break;
            }
            at += len;
        }
        Some(start..at)
    })
}

/// Whether `a` and `b` differ by exactly one letter added, dropped or
/// changed, or one pair of neighbours swapped.
fn one_typo(a: &[u8], b: &[u8]) -> bool {
    if a == b {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let head = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    match long.len() - short.len() {
        // Changed, or swapped with the next.
        0 => {
            short.get(head + 1..) == long.get(head + 1..)
                || (short.get(head) == long.get(head + 1)
                    && short.get(head + 1) == long.get(head)
                    && short.get(head + 2..) == long.get(head + 2..))
        }
        // One added.
        1 => short.get(head..) == long.get(head + 1..),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_typo_is_one_edit_or_one_swap() {
        assert!(one_typo(b"qunatum", b"quantum"));
        assert!(one_typo(b"semicondutor", b"semiconductor"));
        assert!(one_typo(b"certfication", b"certification"));
        assert!(one_typo(b"quantim", b"quantum"));
        assert!(one_typo(b"quantumm", b"quantum"));
        assert!(!one_typo(b"quantum", b"quantum"));
        assert!(!one_typo(b"qnuatum", b"quantum"));
        assert!(!one_typo(b"quant", b"quantum"));
        assert!(!one_typo(b"abcd", b"badc"));
    }

    #[test]
    fn words_are_folded_split_and_counted() {
        let v = Vocab::of(&[
            "Türkiye’s cyber-security",
            "CYBER and Côte",
            "Se\u{301}ne\u{301}gal",
        ]);
        for w in ["turkiye", "cyber", "security", "cote", "senegal"] {
            assert!(v.contains(w), "{w}");
        }
        // Too short to be the rest of a compound or a correction.
        assert!(!v.contains("s") && !v.contains("and"));
        assert_eq!(v.counts.get("cyber"), Some(&2));
        assert!(!v.contains("Cyber") && !v.contains("cyber-security"));
    }

    #[test]
    fn a_word_is_corrected_only_when_nothing_holds_it() {
        let v = Vocab::of(&["Quantum quantum Quantity", "quantus"]);
        assert_eq!(v.correct("qunatum"), Some("quantum"));
        // Inside a word as typed: kept.
        assert_eq!(v.correct("quant"), None);
        assert_eq!(v.correct("antum"), None);
        // Too short, or not a word.
        assert_eq!(v.correct("qun"), None);
        assert_eq!(v.correct("qu4ntum"), None);
        // The more frequent of two candidates.
        assert_eq!(v.correct("quantux"), Some("quantum"));
    }
}
