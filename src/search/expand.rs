//! Matches through the glossary: a query that names an acronym's expansion
//! ("artificial intelligence", "language tech") also finds the meetings,
//! areas and commitments that only use the acronym ("AI", "ALT-EDIC"); and
//! a query that is an acronym ("nist") finds its expansion written out.
//!
//! Such a match is weaker evidence than the words themselves, so it ranks
//! at the cut line, below every direct match, and is never dropped by the
//! cut. A node that matches directly keeps its own score.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::Explained;
use super::index::{Index, Pos};
use super::mask::{self, Mask};
use super::score::{FieldMatch, highlights_shown, main_text};
use super::searcher::Hit;
use super::vocab::Vocab;
use crate::glossary::{self, Definition, Glossary, Reach};
use crate::model::{Corpus, NodePath};
use crate::wrap::sanitize;

/// The glossary of one corpus and where its acronyms are used, both built
/// when first needed: most queries never name an expansion.
#[derive(Debug, Default)]
pub(super) struct Expander {
    glossary: Option<Arc<Glossary>>,
    /// Where each needle looked up so far (an acronym, or an expansion
    /// written out; see [`Definition::needle`]) is used, in tree order.
    uses: HashMap<(Reach, String), Vec<Pos>>,
}

impl Expander {
    /// Forgets everything (the corpus changed).
    pub(super) fn reset(&mut self) {
        *self = Expander::default();
    }

    /// Adds to `hits` (ranked, best first) the nodes that use a definition
    /// `raw` reaches (see [`Glossary::reached_by`]) and that are not among
    /// them yet.
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
        if glossary::letters(raw) < glossary::MIN_ACRONYM_QUERY {
            return 0;
        }
        let glossary = self
            .glossary
            .get_or_insert_with(|| Arc::new(Glossary::build(corpus)));
        let reached = glossary.reached_by(raw);
        if reached.is_empty() {
            return 0;
        }
        let missing: Vec<(&Definition, Reach)> = reached
            .iter()
            .copied()
            .filter(|&(d, reach)| !self.uses.contains_key(&(reach, d.needle(reach).to_string())))
            .collect();
        if !missing.is_empty() {
            let mut found: Vec<Vec<Pos>> = vec![Vec::new(); missing.len()];
            // The index's byte masks rule out most texts before any is read.
            let wanted: Vec<Mask> = missing
                .iter()
                .map(|&(d, reach)| mask::of(d.needle(reach)))
                .collect();
            index.each(corpus, 0..usize::MAX, |pos, text, has| {
                for ((&(d, reach), at), &want) in missing.iter().zip(found.iter_mut()).zip(&wanted) {
                    if mask::covers(has, want) && !d.spots(text, reach).is_empty() {
                        at.push(pos);
                    }
                }
            });
            for ((d, reach), at) in missing.into_iter().zip(found) {
                self.uses.insert((reach, d.needle(reach).to_string()), at);
            }
        }
        let score = match hits.first() {
            Some(best) => cut_line(best.score),
            None => link_score(&reached, raw),
        };
        // The candidates, without the nodes already matched directly.
        let mut extra: BTreeMap<Pos, ()> = reached
            .iter()
            .filter_map(|&(d, reach)| self.uses.get(&(reach, d.needle(reach).to_string())))
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

/// The definitions `raw` reaches that the node at `path` uses, and how.
pub fn used_in<'g>(
    glossary: &'g Glossary,
    corpus: &Corpus,
    path: NodePath,
    raw: &str,
) -> Vec<(&'g Definition, Reach)> {
    let Some((_, text)) = main_text(corpus, path) else {
        return Vec::new();
    };
    glossary
        .reached_by(raw)
        .into_iter()
        .filter(|&(d, reach)| !d.spots(text, reach).is_empty())
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
    explain(glossary, corpus, path, raw).marks
}

/// What the node at `path` matched of `raw` (as [`highlights_with`]), and
/// why, when its title or text does not show it: only through a topic tag
/// or the area's id ("via topic: talent"), or only through an acronym or
/// its expansion ("via AI = Artificial Intelligence").
pub fn explain(glossary: Option<&Glossary>, corpus: &Corpus, path: NodePath, raw: &str) -> Explained {
    explain_in(glossary, None, corpus, path, raw)
}

/// [`explain`], telling compounds from prefixes with `vocab` when given.
pub(super) fn explain_in(
    glossary: Option<&Glossary>,
    vocab: Option<&Vocab>,
    corpus: &Corpus,
    path: NodePath,
    raw: &str,
) -> Explained {
    let (mut found, shown) = highlights_shown(vocab, corpus, path, raw);
    let mut via = None;
    let tags: Vec<String> = found
        .iter()
        .filter(|fm| fm.field.is_tag())
        .map(|fm| format!("{}: {}", fm.field.name(), sanitize(&fm.text)))
        .collect();
    if !shown && !tags.is_empty() {
        via = Some(format!("via {}", tags.join(", ")));
    }
    let Some(glossary) = glossary else {
        return Explained { marks: found, via };
    };
    let used = used_in(glossary, corpus, path, raw);
    if !shown && via.is_none() && !used.is_empty() {
        via = Some(format!("via {}", acronyms_label(&used)));
    }
    if let Some(extra) = acronym_marks(corpus, path, &used) {
        match found.iter_mut().find(|fm| fm.field == extra.field) {
            Some(fm) => {
                fm.bytes.extend(extra.bytes);
                fm.bytes.sort_unstable();
                fm.bytes.dedup();
            }
            None => found.push(extra),
        }
    }
    Explained { marks: found, via }
}

/// "AI = Artificial Intelligence; DIU = Defense Innovation Unit", each
/// definition once.
fn acronyms_label(used: &[(&Definition, Reach)]) -> String {
    let mut each: Vec<String> = Vec::new();
    for (d, _) in used {
        let one = format!("{} = {}", sanitize(&d.acronym), sanitize(&d.expansion));
        if !each.contains(&one) {
            each.push(one);
        }
    }
    each.join("; ")
}

/// The acronyms (or expansions) to highlight in the node at `path`: the
/// spots of the definitions it `used`.
fn acronym_marks(corpus: &Corpus, path: NodePath, used: &[(&Definition, Reach)]) -> Option<FieldMatch> {
    let (field, text) = main_text(corpus, path)?;
    let mut bytes: Vec<usize> = used
        .iter()
        .flat_map(|&(d, reach)| d.spots(text, reach))
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

/// A score for matches through the glossary when nothing matched
/// directly: how well the query's words match the words of the best
/// expansion it names, or the acronym it is.
fn link_score(reached: &[(&Definition, Reach)], raw: &str) -> i32 {
    let matcher = super::matcher();
    let best_word = |text: &str, term: &str| {
        text.split_whitespace()
            .filter_map(|w| fuzzy_matcher::FuzzyMatcher::fuzzy_match(&matcher, w, term))
            .max()
            .unwrap_or(0)
    };
    reached
        .iter()
        .map(|&(d, reach)| match reach {
            Reach::Expansion => raw
                .split_whitespace()
                .map(|term| best_word(&d.expansion, term))
                .sum::<i64>(),
            Reach::Acronym => best_word(&d.acronym, raw.trim()),
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
