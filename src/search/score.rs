//! Scoring one candidate: each term against the words of its fields.
//!
//! Fuzzy matching a term against a whole sentence finds its letters
//! scattered over many words, and SkimMatcherV2 then still returns a score.
//! Matching each term inside one word at a time keeps only matches a reader
//! would see ("scam" in "scams", not s·c·a·m across a sentence), and a word
//! is far cheaper to score than a sentence.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::index::Pos;
use super::mask::Mask;
use super::memo::Memo;
use super::query::{Query, Term};
use crate::model::{Area, Corpus, Node, NodePath};

/// A term that matched in a title scores this much more, as a fraction of
/// its score (1/8): a heading that names the topic is a better landing
/// place than a sentence that mentions it. A fraction, not a constant, so
/// that one typed letter is not swamped by it.
pub const TITLE_BONUS_DIVISOR: i32 = 8;
/// A term that matched only in an area id or topic tag scores this much
/// less, as a fraction of its score (1/16): tags are short and say less
/// than a title.
pub const TAG_PENALTY_DIVISOR: i32 = 16;
/// Added when a term matched in the word right after the previous term's
/// word, so that "post quantum" prefers the phrase "Post Quantum".
pub const ADJACENT_BONUS: i32 = 32;

/// Which text of a node a match lies in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// A meeting's or an area's title.
    Title,
    /// An area's id (slug).
    Id,
    /// An area's topic tag, by its index in [`Area::topics`].
    Topic(usize),
    /// A commitment's text.
    Text,
}

impl Field {
    /// A term's `score` in this field, weighted.
    fn weigh(self, score: i32) -> i32 {
        match self {
            Field::Title => score.saturating_add(score.abs() / TITLE_BONUS_DIVISOR),
            Field::Id | Field::Topic(_) => score.saturating_sub(score.abs() / TAG_PENALTY_DIVISOR),
            Field::Text => score,
        }
    }

    /// Lowercase name used in JSON output.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Id => "id",
            Field::Topic(_) => "topic",
            Field::Text => "text",
        }
    }
}

/// The characters of one field that a query matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMatch {
    /// Which field.
    pub field: Field,
    /// The field's text.
    pub text: String,
    /// Byte offsets of the matched characters in `text`, ascending.
    pub bytes: Vec<usize>,
}

impl FieldMatch {
    /// The character indices (not bytes) of the matched characters: text
    /// shown on a screen is sanitised one character for one character, so
    /// character positions survive it where byte offsets may not.
    /// Reads the text only up to the last matched character: a match in the
    /// first words of a 20 MB text costs what it costs in a short one.
    pub fn chars(&self) -> Vec<usize> {
        let Some(&last) = self.bytes.last() else {
            return Vec::new();
        };
        let mut wanted = self.bytes.iter().copied().peekable();
        let mut out = Vec::with_capacity(self.bytes.len());
        for (i, (b, _)) in self.text.char_indices().enumerate() {
            if b > last {
                break;
            }
            while wanted.next_if(|&w| w < b).is_some() {}
            if wanted.next_if_eq(&b).is_some() {
                out.push(i);
            }
        }
        out
    }
}

/// The searched fields of an area.
fn area_fields(area: &Area) -> impl Iterator<Item = (Field, &str)> {
    [(Field::Title, area.title.as_str()), (Field::Id, area.id.as_str())]
        .into_iter()
        .chain(
            area.topics
                .iter()
                .enumerate()
                .map(|(i, (t, _))| (Field::Topic(i), t.as_str())),
        )
}

/// Words of `text`: runs between ASCII white space, with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        while at < bytes.len() && !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        // Cutting at ASCII bytes keeps UTF-8 boundaries intact.
        text.get(start..at).map(|w| (start, w))
    })
}

/// Where the word after byte `end` starts.
fn next_word(text: &str, end: usize) -> usize {
    let bytes = text.as_bytes();
    end + bytes
        .get(end..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| b.is_ascii_whitespace())
        .count()
}

/// The score of `word` for `term`: SkimMatcherV2's score, scaled by how
/// tightly the matched letters sit (matched letters over the span from the
/// first to the last). SkimMatcherV2 alone forgives gaps gently ("scam"
/// scores 72 in "sociodrama" against 91 in "scams"); scaled, letters spread
/// over twice their number score half, and the cut drops them.
fn word_score(matcher: &SkimMatcherV2, word: &str, term: &Term) -> Option<i32> {
    let word = matchable(word);
    let (score, at) = matcher.fuzzy_indices(word, &term.text)?;
    let span = match (at.first(), at.last()) {
        (Some(first), Some(last)) => last - first + 1,
        _ => 1,
    };
    let tight = score.saturating_mul(at.len() as i64) / span.max(1) as i64;
    Some(i32::try_from(tight).unwrap_or(i32::MIN))
}

/// The most bytes of one word the matcher reads: longer than any real word
/// or address. SkimMatcherV2's time and memory grow with the word times the
/// query, so a 20 MB "word" would take minutes and gigabytes; past this its
/// first bytes stand for it, and matching stays linear in the text.
pub const MAX_WORD_BYTES: usize = 1024;

/// `word` cut to at most [`MAX_WORD_BYTES`], at a character boundary.
fn matchable(word: &str) -> &str {
    let mut end = word.len().min(MAX_WORD_BYTES);
    while !word.is_char_boundary(end) {
        end -= 1;
    }
    &word[..end]
}

/// Scores candidates for one query; holds the memo of word scores.
pub(crate) struct Scorer<'a, 'c> {
    matcher: &'a SkimMatcherV2,
    corpus: &'c Corpus,
    query: &'a Query,
    memo: Memo<'c>,
}

impl<'a, 'c> Scorer<'a, 'c> {
    pub(crate) fn new(matcher: &'a SkimMatcherV2, corpus: &'c Corpus, query: &'a Query) -> Self {
        Scorer {
            matcher,
            corpus,
            query,
            memo: Memo::new(query.terms.len()),
        }
    }

    /// The score of the candidate at `pos`, whose main text is `text` and
    /// byte mask `mask` (`Mask::MAX` when unknown), or `None` when a term
    /// matches no single word of any of its fields.
    pub(crate) fn score(&mut self, pos: Pos, text: &'c str, mask: Mask) -> Option<i32> {
        if !super::mask::covers(mask, self.query.mask) {
            return None;
        }
        if pos.is_area() {
            let Some(Node::Area(_, _, area)) = self.corpus.get(pos.path()) else {
                return None;
            };
            let fields: Vec<(Field, &'c str)> = area_fields(area).collect();
            return self.score_fields(&fields);
        }
        let field = if pos.is_meeting() {
            Field::Title
        } else {
            Field::Text
        };
        self.score_fields(&[(field, text)])
    }

    fn score_fields(&mut self, fields: &[(Field, &'c str)]) -> Option<i32> {
        let mut total = 0i32;
        // Field and end of the previous term's best word.
        let mut prev: Option<(Field, usize)> = None;
        for (t, term) in self.query.terms.iter().enumerate() {
            let mut best: Option<(i32, Field, usize)> = None;
            for &(field, text) in fields {
                let prefer = prev
                    .filter(|(f, _)| *f == field)
                    .map(|(_, end)| next_word(text, end));
                let Some((s, start, end)) = self.best_word(t, term, text, prefer) else {
                    continue;
                };
                let mut s = field.weigh(s);
                if prefer == Some(start) {
                    s = s.saturating_add(ADJACENT_BONUS);
                }
                if best.is_none_or(|(b, _, _)| s > b) {
                    best = Some((s, field, end));
                }
            }
            let (s, field, end) = best?;
            total = total.saturating_add(s);
            prev = Some((field, end));
        }
        Some(total)
    }

    /// The best word of `text` for `term`: (score, start, end). Only words
    /// holding the term's rarest byte are looked at, found by SIMD search.
    /// On equal scores the word starting at `prefer` wins, then the first.
    fn best_word(
        &mut self,
        t: usize,
        term: &Term,
        text: &'c str,
        prefer: Option<usize>,
    ) -> Option<(i32, usize, usize)> {
        let bytes = text.as_bytes();
        let mut best: Option<(i32, usize, usize)> = None;
        let mut from = 0;
        while let Some(i) = term.find_anchor(bytes.get(from..).unwrap_or_default()) {
            let at = from + i;
            let start = bytes[..at]
                .iter()
                .rposition(u8::is_ascii_whitespace)
                .map_or(0, |k| k + 1);
            let end = bytes[at..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(bytes.len(), |k| at + k);
            from = end;
            if !term.in_word(&bytes[start..end]) {
                continue;
            }
            let Some(word) = text.get(start..end) else {
                continue;
            };
            let matcher = self.matcher;
            let Some(score) = self.memo.get(t, word, || word_score(matcher, word, term)) else {
                continue;
            };
            let better = match best {
                None => true,
                Some((s, _, _)) => score > s || (score == s && Some(start) == prefer),
            };
            if better {
                best = Some((score, start, end));
            }
            // No word scores above the ideal; stop once the preferred word
            // can no longer come.
            if score >= term.ideal && prefer.is_none_or(|p| p <= start) {
                break;
            }
        }
        best
    }
}

/// The main text of a node, as the index walks it: a meeting's or an
/// area's title, a commitment's text; `None` for a partnership.
pub fn main_text(corpus: &Corpus, path: NodePath) -> Option<(Field, &str)> {
    match corpus.get(path)? {
        Node::Meeting(_, m) => Some((Field::Title, &m.title)),
        Node::Area(_, _, a) => Some((Field::Title, &a.title)),
        Node::Commitment(_, _, _, _, c) => Some((Field::Text, &c.text)),
        Node::Partnership(_) => None,
    }
}

/// The characters to highlight in the node at `path` for `query`: in each
/// field, every word where a term matches about as well as its best word
/// in the node (the ranking's cut fraction), so that every "scam" of a
/// sentence lights up, not only the first.
pub fn highlights(corpus: &Corpus, path: NodePath, query: &str) -> Vec<FieldMatch> {
    let matcher = super::matcher();
    let query = Query::parse(query, &matcher);
    let texts: Vec<(Field, &str)> = match corpus.get(path) {
        Some(Node::Meeting(_, m)) => vec![(Field::Title, &m.title)],
        Some(Node::Area(_, _, a)) => area_fields(a).collect(),
        Some(Node::Commitment(_, _, _, _, c)) => vec![(Field::Text, &c.text)],
        Some(Node::Partnership(_)) | None => Vec::new(),
    };
    let mut found: Vec<FieldMatch> = texts
        .iter()
        .map(|&(field, text)| FieldMatch {
            field,
            text: text.to_string(),
            bytes: Vec::new(),
        })
        .collect();
    for term in &query.terms {
        let scored: Vec<Vec<(usize, &str, i32)>> = texts
            .iter()
            .map(|&(_, text)| {
                words(text)
                    .filter(|(_, w)| term.in_word(w.as_bytes()))
                    .filter_map(|(at, w)| Some((at, w, word_score(&matcher, w, term)?)))
                    .collect()
            })
            .collect();
        let Some(best) = scored.iter().flatten().map(|&(_, _, s)| s).max() else {
            continue;
        };
        for (fm, words) in found.iter_mut().zip(&scored) {
            for &(at, w, s) in words {
                if !super::passes_cut(s, best) {
                    continue;
                }
                let w = matchable(w);
                if let Some((_, chars)) = matcher.fuzzy_indices(w, &term.text) {
                    let offsets: Vec<usize> = w.char_indices().map(|(b, _)| b).collect();
                    fm.bytes
                        .extend(chars.iter().filter_map(|&c| offsets.get(c)).map(|b| at + b));
                }
            }
        }
    }
    found.retain_mut(|fm| {
        fm.bytes.sort_unstable();
        fm.bytes.dedup();
        !fm.bytes.is_empty()
    });
    found
}
