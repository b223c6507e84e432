//! Matches through the glossary: a query that names an acronym's expansion
//! ("artificial intelligence", "language tech") also finds the meetings,
//! areas and commitments that only use the acronym ("AI", "ALT-EDIC").
//!
//! Such a match is weaker evidence than the words themselves, so it ranks
//! at the cut line, below every direct match, and is never dropped by the
//! cut. A node that matches directly keeps its own score.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::index::{Index, Pos};
use super::score::{FieldMatch, highlights, main_text};
use super::searcher::Hit;
use crate::glossary::{self, Definition, Glossary};
use crate::model::{Corpus, NodePath};

/// The glossary of one corpus and where its acronyms are used, both built
/// when first needed: most queries never name an expansion.
#[derive(Debug, Default)]
pub(super) struct Expander {
    glossary: Option<Arc<Glossary>>,
    /// Where each acronym looked up so far stands as a word, in tree order.
    mentions: HashMap<String, Vec<Pos>>,
}

impl Expander {
    /// Forgets everything (the corpus changed).
    pub(super) fn reset(&mut self) {
        *self = Expander::default();
    }

    /// Adds to `hits` (ranked, best first) the nodes that use an acronym
    /// whose expansion `raw` names and that are not among them yet.
    /// Returns how many of those are not in `direct` either (every direct
    /// match, before the cut, in tree order): the matches this adds.
    pub(super) fn extend(
        &mut self,
        index: &Index,
        corpus: &Corpus,
        raw: &str,
        direct: &[(Pos, i32)],
        hits: &mut Vec<Hit>,
    ) -> usize {
        if raw.chars().filter(|c| c.is_alphanumeric()).count() < glossary::MIN_EXPANSION_QUERY {
            return 0;
        }
        let glossary = self
            .glossary
            .get_or_insert_with(|| Arc::new(Glossary::build(corpus)));
        let named: Vec<&Definition> = glossary.named_by(raw);
        if named.is_empty() {
            return 0;
        }
        let missing: Vec<&str> = named
            .iter()
            .map(|d| d.acronym.as_str())
            .filter(|a| !self.mentions.contains_key(*a))
            .collect();
        if !missing.is_empty() {
            let mut found: Vec<Vec<Pos>> = vec![Vec::new(); missing.len()];
            index.each(corpus, 0..usize::MAX, |pos, text, _| {
                for (acronym, at) in missing.iter().zip(found.iter_mut()) {
                    if text.contains(acronym) && !glossary::mentions(text, acronym).is_empty() {
                        at.push(pos);
                    }
                }
            });
            for (acronym, at) in missing.iter().zip(found) {
                self.mentions.insert((*acronym).to_string(), at);
            }
        }
        let score = match hits.first() {
            Some(best) => cut_line(best.score),
            None => expansion_score(&named, raw),
        };
        // The candidates, without the nodes already matched directly.
        let mut extra: BTreeMap<Pos, ()> = named
            .iter()
            .filter_map(|d| self.mentions.get(&d.acronym))
            .flatten()
            .map(|&pos| (pos, ()))
            .collect();
        if extra.is_empty() {
            return 0;
        }
        for h in hits.iter() {
            extra.remove(&h.pos);
        }
        let added = extra
            .keys()
            .filter(|pos| direct.binary_search_by_key(pos, |(p, _)| p).is_err())
            .count();
        // Tree order among equals, as for direct matches.
        hits.extend(extra.into_keys().map(|pos| Hit {
            pos,
            score,
            via_acronym: true,
        }));
        added
    }

    /// The glossary, once a query has needed it.
    pub(super) fn glossary(&self) -> Option<&Arc<Glossary>> {
        self.glossary.as_ref()
    }
}

/// The definitions named by `raw` that the node at `path` uses.
pub fn used_in<'g>(
    glossary: &'g Glossary,
    corpus: &Corpus,
    path: NodePath,
    raw: &str,
) -> Vec<&'g Definition> {
    let Some((_, text)) = main_text(corpus, path) else {
        return Vec::new();
    };
    glossary
        .named_by(raw)
        .into_iter()
        .filter(|d| !glossary::mentions(text, &d.acronym).is_empty())
        .collect()
}

/// The characters to highlight in the node at `path` for `raw`: the
/// direct matches, and with a glossary the acronyms it matched through.
pub fn highlights_with(
    glossary: Option<&Glossary>,
    corpus: &Corpus,
    path: NodePath,
    raw: &str,
) -> Vec<FieldMatch> {
    let mut found = highlights(corpus, path, raw);
    let Some(extra) = glossary.and_then(|g| acronym_marks(g, corpus, path, raw)) else {
        return found;
    };
    match found.iter_mut().find(|fm| fm.field == extra.field) {
        Some(fm) => {
            fm.bytes.extend(extra.bytes);
            fm.bytes.sort_unstable();
            fm.bytes.dedup();
        }
        None => found.push(extra),
    }
    found
}

/// The acronyms to highlight in the node at `path` for `raw`.
fn acronym_marks(glossary: &Glossary, corpus: &Corpus, path: NodePath, raw: &str) -> Option<FieldMatch> {
    let (field, text) = main_text(corpus, path)?;
    let mut bytes: Vec<usize> = used_in(glossary, corpus, path, raw)
        .iter()
        .flat_map(|d| glossary::mentions(text, &d.acronym))
        .flat_map(|range| {
            text[range.clone()]
                .char_indices()
                .map(move |(b, _)| range.start + b)
        })
        .collect();
    // Readers of a match look offsets up by binary search; the acronyms
    // come in glossary order, not text order.
    bytes.sort_unstable();
    bytes.dedup();
    (!bytes.is_empty()).then(|| FieldMatch {
        field,
        text: text.to_string(),
        bytes,
    })
}

/// The lowest score that passes the cut below `best`.
fn cut_line(best: i32) -> i32 {
    if best <= 0 {
        return best;
    }
    let line = (i64::from(best) * super::CUT_PERCENT + 99) / 100;
    i32::try_from(line).unwrap_or(best)
}

/// A score for expansion matches when nothing matched directly: how well
/// the query's words match the best named expansion's words.
fn expansion_score(named: &[&Definition], raw: &str) -> i32 {
    let matcher = super::matcher();
    named
        .iter()
        .map(|d| {
            raw.split_whitespace()
                .map(|term| {
                    d.expansion
                        .split_whitespace()
                        .filter_map(|w| fuzzy_matcher::FuzzyMatcher::fuzzy_match(&matcher, w, term))
                        .max()
                        .unwrap_or(0)
                })
                .sum::<i64>()
        })
        .max()
        .map_or(0, |s| i32::try_from(s).unwrap_or(i32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cut_line_passes_the_cut_and_nothing_lower_does() {
        for best in [1, 7, 100, 161, 999, i32::MAX] {
            let line = cut_line(best);
            assert!(super::super::passes_cut(line, best), "{best}");
            assert!(!super::super::passes_cut(line - 1, best), "{best}");
            assert!(line <= best);
        }
        assert_eq!(cut_line(0), 0);
    }
}
