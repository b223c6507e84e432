//! Scoring one candidate: each term against the words of its fields.
//!
//! Fuzzy matching a term against a whole sentence finds its letters
//! scattered over many words, and SkimMatcherV2 then still returns a score.
//! Matching each term inside one word at a time keeps only matches a reader
//! would see ("scam" in "scams", not s·c·a·m across a sentence), and a word
//! is far cheaper to score than a sentence.
//!
//! How a term sits in a word decides first (see [`Class`]): the word
//! itself, then the start of a word, then letters together inside one,
//! then letters scattered; the gaps between classes are wider than the
//! cut, so that "unit" finding "Unit" drops "United", and "ai" finding
//! "AI" drops "aims".

use std::borrow::Cow;
use std::ops::Range;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::{self, Folded};
use super::index::Pos;
use super::mask::{self, Mask};
use super::memo::Memo;
use super::query::{Query, Term};
use super::vocab::{self, Vocab};
use crate::model::{Area, Corpus, Node, NodePath};

/// A term that matched in a title scores this much more, as a fraction of
/// its score (1/8): a heading that names the topic is a better landing
/// place than a sentence that mentions it.
pub const TITLE_BONUS_DIVISOR: i32 = 8;
/// A term that matched only in an area id or topic tag scores this much
/// less, as a fraction of its score (1/16): tags are short and say less
/// than a title.
pub const TAG_PENALTY_DIVISOR: i32 = 16;
/// Added when a term matched in the word right after the previous term's
/// word, so that "post quantum" prefers the phrase "Post Quantum".
pub const ADJACENT_BONUS: i32 = 100;

/// How a term sits in a word of the text, best first, with its score.
/// Words are split at white space, and again into runs of letters and
/// digits ("U.S.-ASEAN" holds "ASEAN", "Singapore’s" holds "Singapore").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// Letters in order with gaps ("scam" in "sociodrama"): up to
    /// [`SCATTERED_MAX`], by how tightly they sit.
    Scattered,
    /// Letters together inside a word ("nist" in "administrative"):
    /// [`INSIDE`] and up to 45 more as the term covers more of the word.
    Inside,
    /// The start of a longer word ("unit" in "United"): [`PREFIX`] and up
    /// to 90 more as the term covers more of the word.
    Prefix,
    /// A part of a compound whose other part is a word of the statements
    /// too ("cyber" in "cybersecurity", "security" in "cybersecurity").
    Compound,
    /// The word with a plural ending ("scam" in "scams").
    Inflected,
    /// The word itself, case and diacritics aside ("ai" in "(AI)").
    Whole,
}

/// Score of [`Class::Whole`].
pub const WHOLE: i32 = 1000;
/// Score of [`Class::Inflected`].
pub const INFLECTED: i32 = 980;
/// Score of [`Class::Compound`].
pub const COMPOUND: i32 = 950;
/// Lowest score of [`Class::Prefix`]. Each class at its best scores less
/// than half the least of the class above, so that neither a title's bonus
/// nor a tag's penalty lifts it over the cut below a whole word, a prefix
/// or letters together.
pub const PREFIX: i32 = 400;
/// Lowest score of [`Class::Inside`].
pub const INSIDE: i32 = 150;
/// Highest score of [`Class::Scattered`].
pub const SCATTERED_MAX: i32 = 70;

/// The fewest letters of a term for it to be found as part of a compound.
const COMPOUND_TERM: usize = 3;
/// The fewest letters of the other part of a compound.
const COMPOUND_REST: usize = 4;

impl Class {
    /// The class of a term's score (as [`word_score`] gives it, unweighted).
    pub fn of(score: i32) -> Class {
        match score {
            s if s >= WHOLE => Class::Whole,
            s if s >= INFLECTED => Class::Inflected,
            s if s >= COMPOUND => Class::Compound,
            s if s >= PREFIX => Class::Prefix,
            s if s >= INSIDE => Class::Inside,
            _ => Class::Scattered,
        }
    }
}

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

    /// Whether this is an area's id or topic tag rather than text a
    /// reader sees as the node's own.
    pub fn is_tag(self) -> bool {
        matches!(self, Field::Id | Field::Topic(_))
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

/// A word as a term compares with it: folded (see [`super::fold`]) and,
/// unless the term minds case, ASCII-lowercased; with the way back to the
/// original bytes.
struct View<'w> {
    text: Cow<'w, str>,
    /// Original byte offset of each byte of `text`; `None` when they are
    /// the same.
    from: Option<Vec<usize>>,
}

impl<'w> View<'w> {
    fn new(word: &'w str, term: &Term) -> View<'w> {
        let lower = !term.case_sensitive;
        if fold::folds(word) {
            let Folded { text, from } = Folded::new(word, lower);
            return View {
                text: Cow::Owned(text),
                from: Some(from),
            };
        }
        let text = if lower && word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        };
        View { text, from: None }
    }

    /// The original byte offsets of the view's bytes `at`, ascending.
    fn originals(&self, at: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut out: Vec<usize> = match &self.from {
            None => at.into_iter().collect(),
            Some(from) => at.into_iter().filter_map(|i| from.get(i).copied()).collect(),
        };
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Which bytes of a word's view a term matched.
enum Span {
    /// These, together.
    Run(Range<usize>),
    /// These character indices (SkimMatcherV2's answer).
    Chars(Vec<usize>),
}

/// How `term` matches `view`: its score (see [`Class`]) and where, or
/// `None` when its letters are not all in the word, in order.
fn classify(
    matcher: &SkimMatcherV2,
    vocab: Option<&Vocab>,
    view: &View<'_>,
    term: &Term,
) -> Option<(i32, Span)> {
    let text: &str = &view.text;
    let needle = term.folded.as_str();
    if needle.is_empty() || !term.in_word(text.as_bytes()) {
        return None;
    }
    let n = needle.len();
    let is_word = |part: &str| {
        part.chars().count() >= COMPOUND_REST
            && term.letters >= COMPOUND_TERM
            && vocab.is_some_and(|v| {
                if part.bytes().any(|b| b.is_ascii_uppercase()) {
                    v.contains(&part.to_ascii_lowercase())
                } else {
                    v.contains(part)
                }
            })
    };
    let mut best: Option<(i32, Range<usize>)> = None;
    let consider = |best: &mut Option<(i32, Range<usize>)>, score: i32, at: Range<usize>| {
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            *best = Some((score, at));
        }
    };
    let mut first = None;
    let mut last = 0;
    for r in vocab::subword_ranges(text) {
        first.get_or_insert(r.start);
        last = r.end;
        let sub = &text[r.clone()];
        if sub == needle {
            return Some((WHOLE, Span::Run(r)));
        }
        let Some(p) = sub.find(needle) else { continue };
        let (head, tail) = (&sub[..p], &sub[p + n..]);
        let at = r.start + p..r.start + p + n;
        let plural = matches!(tail, "s" | "es");
        let score = if p == 0 && plural {
            INFLECTED
        } else if (p == 0 && is_word(tail))
            || (!head.is_empty() && (tail.is_empty() || plural) && is_word(head))
        {
            COMPOUND
        } else if p == 0 {
            PREFIX + (90 * n / sub.len()) as i32
        } else {
            INSIDE + (45 * n / sub.len()) as i32
        };
        consider(&mut best, score, at);
    }
    // A term with punctuation ("u.s.-asean", "eu’s") against the word
    // without its surrounding punctuation.
    if let Some(first) = first {
        let trimmed = &text[first..last];
        if trimmed == needle {
            return Some((WHOLE, Span::Run(first..last)));
        }
        if best.is_none()
            && let Some(p) = trimmed.find(needle)
        {
            let at = first + p..first + p + n;
            let score = if p == 0 { PREFIX } else { INSIDE };
            consider(&mut best, score, at);
        }
    }
    if let Some((score, at)) = best {
        return Some((score, Span::Run(at)));
    }
    // Letters scattered: SkimMatcherV2's score, scaled by how tightly the
    // letters sit (matched letters over their span: "scam" scores 72 in
    // "sociodrama" against 91 in "scams", spread over twice their number
    // they score half), brought under the classes above.
    let (score, chars) = matcher.fuzzy_indices(text, needle)?;
    let span = match (chars.first(), chars.last()) {
        (Some(first), Some(last)) => last - first + 1,
        _ => 1,
    };
    let tight = score.saturating_mul(chars.len() as i64) / span.max(1) as i64;
    let scaled = tight.saturating_mul(i64::from(SCATTERED_MAX)) / i64::from(term.skim_ideal.max(1));
    let scaled = i32::try_from(scaled.clamp(1, i64::from(SCATTERED_MAX))).unwrap_or(1);
    Some((scaled, Span::Chars(chars)))
}

/// The score of `word` for `term` (see [`Class`]), or `None` when its
/// letters are not all in it, in order.
fn word_score(matcher: &SkimMatcherV2, vocab: Option<&Vocab>, word: &str, term: &Term) -> Option<i32> {
    classify(matcher, vocab, &View::new(matchable(word), term), term).map(|(s, _)| s)
}

/// The score of `word` for `term` and the byte offsets in `word` of the
/// characters it matched.
fn word_marks(
    matcher: &SkimMatcherV2,
    vocab: Option<&Vocab>,
    word: &str,
    term: &Term,
) -> Option<(i32, Vec<usize>)> {
    let view = View::new(matchable(word), term);
    let (score, span) = classify(matcher, vocab, &view, term)?;
    let at = match span {
        Span::Run(r) => view.originals(r),
        Span::Chars(chars) => {
            let offsets: Vec<usize> = view.text.char_indices().map(|(b, _)| b).collect();
            view.originals(chars.iter().filter_map(|&c| offsets.get(c).copied()))
        }
    };
    // Each matched character once, at its first byte.
    let starts: Vec<usize> = at.into_iter().filter(|&b| word.is_char_boundary(b)).collect();
    Some((score, starts))
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
    vocab: Option<&'a Vocab>,
    corpus: &'c Corpus,
    query: &'a Query,
    memo: Memo<'c>,
}

impl<'a, 'c> Scorer<'a, 'c> {
    pub(crate) fn new(
        matcher: &'a SkimMatcherV2,
        vocab: Option<&'a Vocab>,
        corpus: &'c Corpus,
        query: &'a Query,
    ) -> Self {
        Scorer {
            matcher,
            vocab,
            corpus,
            query,
            memo: Memo::new(query.terms.len()),
        }
    }

    /// The score of the candidate at `pos`, whose main text is `text` and
    /// byte mask `mask` (`Mask::MAX` when unknown), or `None` when a term
    /// matches no single word of any of its fields.
    pub(crate) fn score(&mut self, pos: Pos, text: &'c str, mask: Mask) -> Option<i32> {
        self.score_terms(pos, text, mask, None)
    }

    /// The score of each term, unweighted, in the candidate at `pos`: what
    /// tells whether a term found anything better than scattered letters.
    pub(crate) fn term_scores(&mut self, pos: Pos, text: &'c str, mask: Mask) -> Option<Vec<i32>> {
        let mut each = Vec::with_capacity(self.query.terms.len());
        self.score_terms(pos, text, mask, Some(&mut each))?;
        Some(each)
    }

    fn score_terms(
        &mut self,
        pos: Pos,
        text: &'c str,
        mask: Mask,
        each: Option<&mut Vec<i32>>,
    ) -> Option<i32> {
        if !mask::covers(mask, self.query.mask) {
            return None;
        }
        // A text holding letters with diacritics is read word by word,
        // each folded; the others are searched byte by byte.
        let folds = mask & mask::FOLDS != 0;
        if pos.is_area() {
            let Some(Node::Area(_, _, area)) = self.corpus.get(pos.path()) else {
                return None;
            };
            let fields: Vec<(Field, &'c str)> = area_fields(area).collect();
            return self.score_fields(&fields, folds, each);
        }
        let field = if pos.is_meeting() {
            Field::Title
        } else {
            Field::Text
        };
        self.score_fields(&[(field, text)], folds, each)
    }

    fn score_fields(
        &mut self,
        fields: &[(Field, &'c str)],
        folds: bool,
        mut each: Option<&mut Vec<i32>>,
    ) -> Option<i32> {
        let mut total = 0i32;
        // Field and end of the previous term's best word.
        let mut prev: Option<(Field, usize)> = None;
        for (t, term) in self.query.terms.iter().enumerate() {
            let mut best: Option<(i32, Field, usize, i32)> = None;
            for &(field, text) in fields {
                let prefer = prev
                    .filter(|(f, _)| *f == field)
                    .map(|(_, end)| next_word(text, end));
                let Some((raw, start, end)) = self.best_word(t, term, text, prefer, folds) else {
                    continue;
                };
                let mut s = field.weigh(raw);
                if prefer == Some(start) {
                    s = s.saturating_add(ADJACENT_BONUS);
                }
                if best.is_none_or(|(b, _, _, _)| s > b) {
                    best = Some((s, field, end, raw));
                }
            }
            let (s, field, end, raw) = best?;
            total = total.saturating_add(s);
            prev = Some((field, end));
            if let Some(each) = each.as_deref_mut() {
                each.push(raw);
            }
        }
        Some(total)
    }

    /// The best word of `text` for `term`: (score, start, end). Unless the
    /// text has letters to fold, only words holding the term's rarest byte
    /// are looked at, found by SIMD search. On equal scores the word
    /// starting at `prefer` wins, then the first.
    fn best_word(
        &mut self,
        t: usize,
        term: &Term,
        text: &'c str,
        prefer: Option<usize>,
        folds: bool,
    ) -> Option<(i32, usize, usize)> {
        let bytes = text.as_bytes();
        let mut best: Option<(i32, usize, usize)> = None;
        let (matcher, vocab) = (self.matcher, self.vocab);
        let mut from = 0;
        loop {
            let (start, end) = if folds {
                let Some((start, word)) = words(text.get(from..).unwrap_or_default()).next() else {
                    break;
                };
                (from + start, from + start + word.len())
            } else {
                let Some(i) = term.find_anchor(bytes.get(from..).unwrap_or_default()) else {
                    break;
                };
                let at = from + i;
                let start = bytes[..at]
                    .iter()
                    .rposition(u8::is_ascii_whitespace)
                    .map_or(0, |k| k + 1);
                let end = bytes[at..]
                    .iter()
                    .position(u8::is_ascii_whitespace)
                    .map_or(bytes.len(), |k| at + k);
                (start, end)
            };
            from = end;
            if !folds && !term.in_word(&bytes[start..end]) {
                continue;
            }
            let Some(word) = text.get(start..end) else {
                continue;
            };
            let Some(score) = self.memo.get(t, word, || word_score(matcher, vocab, word, term)) else {
                continue;
            };
            let better = match best {
                None => true,
                Some((s, _, _)) => score > s || (score == s && Some(start) == prefer),
            };
            if better {
                best = Some((score, start, end));
            }
            // No word scores above a whole word; stop once the preferred
            // word can no longer come.
            if score >= WHOLE && prefer.is_none_or(|p| p <= start) {
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
        // Sections are not searched: their areas are, under them.
        Node::Partnership(_) | Node::Section(..) => None,
    }
}

/// The characters to highlight in the node at `path` for `query`: in each
/// field, every word where a term matches about as well as its best word
/// in the node (the ranking's cut fraction), so that every "scam" of a
/// sentence lights up, not only the first.
pub fn highlights(corpus: &Corpus, path: NodePath, query: &str) -> Vec<FieldMatch> {
    highlights_in(None, corpus, path, query)
}

/// [`highlights`], telling compounds from prefixes with `vocab` when
/// given.
pub(crate) fn highlights_in(
    vocab: Option<&Vocab>,
    corpus: &Corpus,
    path: NodePath,
    query: &str,
) -> Vec<FieldMatch> {
    highlights_shown(vocab, corpus, path, query).0
}

/// [`highlights_in`], and whether the node's own title or text shows the
/// query: every term matches a word of it, at least as the start of a
/// word. When not, what it matched through (a tag, an acronym) is worth
/// saying.
pub(crate) fn highlights_shown(
    vocab: Option<&Vocab>,
    corpus: &Corpus,
    path: NodePath,
    query: &str,
) -> (Vec<FieldMatch>, bool) {
    let matcher = super::matcher();
    let query = Query::parse(query, &matcher);
    let texts: Vec<(Field, &str)> = match corpus.get(path) {
        Some(Node::Meeting(_, m)) => vec![(Field::Title, &m.title)],
        Some(Node::Area(_, _, a)) => area_fields(a).collect(),
        Some(Node::Commitment(_, _, _, _, c)) => vec![(Field::Text, &c.text)],
        Some(Node::Partnership(_) | Node::Section(..)) | None => Vec::new(),
    };
    let mut found: Vec<FieldMatch> = texts
        .iter()
        .map(|&(field, text)| FieldMatch {
            field,
            text: text.to_string(),
            bytes: Vec::new(),
        })
        .collect();
    let mut shown = !query.terms.is_empty();
    for term in &query.terms {
        let scored: Vec<Vec<(usize, i32, Vec<usize>)>> = texts
            .iter()
            .map(|&(_, text)| {
                words(text)
                    // The byte check first: most words lack a letter.
                    .filter(|(_, w)| fold::folds(w) || term.in_word(w.as_bytes()))
                    .filter_map(|(at, w)| {
                        let (s, marks) = word_marks(&matcher, vocab, w, term)?;
                        Some((at, s, marks))
                    })
                    .collect()
            })
            .collect();
        let own = texts
            .iter()
            .zip(&scored)
            .filter(|((field, _), _)| !field.is_tag())
            .flat_map(|(_, words)| words.iter().map(|(_, s, _)| *s))
            .max();
        shown &= own.is_some_and(|s| s >= PREFIX);
        let Some(best) = scored.iter().flatten().map(|(_, s, _)| *s).max() else {
            continue;
        };
        for (fm, words) in found.iter_mut().zip(scored) {
            for (at, s, marks) in words {
                if super::passes_cut(s, best) {
                    fm.bytes.extend(marks.into_iter().map(|b| at + b));
                }
            }
        }
    }
    found.retain_mut(|fm| {
        fm.bytes.sort_unstable();
        fm.bytes.dedup();
        !fm.bytes.is_empty()
    });
    (found, shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(word: &str, term: &str, vocab: Option<&Vocab>) -> Option<Class> {
        let matcher = super::super::matcher();
        let q = Query::parse(term, &matcher);
        word_score(&matcher, vocab, word, &q.terms[0]).map(Class::of)
    }

    #[test]
    fn the_word_beats_its_start_which_beats_letters_inside_which_beat_letters_apart() {
        let v = Vocab::of(&["security cooperation"]);
        let v = Some(&v);
        assert_eq!(class("(AI)", "ai", v), Some(Class::Whole));
        assert_eq!(class("AI-enabled", "ai", v), Some(Class::Whole));
        assert_eq!(class("Singapore’s", "singapore", v), Some(Class::Whole));
        assert_eq!(class("U.S.-ASEAN", "asean", v), Some(Class::Whole));
        assert_eq!(class("EU’s", "eu’s", v), Some(Class::Whole));
        assert_eq!(class("Scams", "scam", v), Some(Class::Inflected));
        assert_eq!(class("Cybersecurity", "cyber", v), Some(Class::Compound));
        assert_eq!(
            class("cybersecurity", "security", Some(&Vocab::of(&["cyber"]))),
            Some(Class::Compound)
        );
        assert_eq!(class("United", "unit", v), Some(Class::Prefix));
        assert_eq!(class("aims", "ai", v), Some(Class::Prefix));
        assert_eq!(class("administrative", "nist", v), Some(Class::Inside));
        assert_eq!(class("communities", "unit", v), Some(Class::Inside));
        assert_eq!(class("sociodrama", "scam", v), Some(Class::Scattered));
        assert_eq!(class("macs", "scam", v), None);
        // Without the other part in the statements, a start is a start.
        assert_eq!(class("Cybersecurity", "cyber", None), Some(Class::Prefix));
        // Diacritics fold on both sides; case too, unless typed.
        assert_eq!(class("Türkiye", "turkiye", v), Some(Class::Whole));
        assert_eq!(class("TÜRKIYE", "Türkiye", v), None);
        assert_eq!(class("Côte", "cote", v), Some(Class::Whole));
        assert_eq!(class("Cote", "côte", v), Some(Class::Whole));
    }

    #[test]
    fn the_gaps_between_classes_are_wider_than_the_cut() {
        let pass = super::super::passes_cut;
        // The best of a lower class in a title against the least of the
        // class above in a tag.
        let (title, tag) = (Field::Title, Field::Topic(0));
        assert!(!pass(title.weigh(PREFIX + 90), tag.weigh(WHOLE)));
        assert!(!pass(title.weigh(INSIDE + 45), tag.weigh(PREFIX)));
        assert!(!pass(title.weigh(SCATTERED_MAX), tag.weigh(INSIDE)));
        // A compound in a title ranks above the word in a text.
        assert!(title.weigh(COMPOUND) > WHOLE && pass(COMPOUND, WHOLE));
        let classes = [
            WHOLE,
            INFLECTED,
            COMPOUND,
            PREFIX + 90,
            PREFIX,
            INSIDE + 45,
            INSIDE,
            SCATTERED_MAX,
        ];
        assert!(classes.windows(2).all(|w| Class::of(w[0]) >= Class::of(w[1])));
        assert_eq!(Class::of(PREFIX + 90), Class::Prefix);
        assert_eq!(Class::of(INSIDE + 45), Class::Inside);
    }

    #[test]
    fn marks_lead_back_to_the_original_characters() {
        let matcher = super::super::matcher();
        let q = Query::parse("turkiye", &matcher);
        let (_, at) = word_marks(&matcher, None, "(Türkiye)", &q.terms[0]).unwrap();
        let marked: String = at
            .iter()
            .map(|&b| "(Türkiye)"[b..].chars().next().unwrap())
            .collect();
        assert_eq!(marked, "Türkiye");
        let q = Query::parse("strasse", &matcher);
        let (_, at) = word_marks(&matcher, None, "Straße", &q.terms[0]).unwrap();
        // "ß" (bytes 4 and 5) gives "ss": marked once.
        assert_eq!(at, [0, 1, 2, 3, 4, 6]);
    }
}
