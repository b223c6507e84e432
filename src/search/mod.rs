//! Fuzzy search over a corpus: every meeting, area and commitment, ranked.
//!
//! The rule users see is [`RULE`]. [`Searcher`] answers a query on the
//! calling thread, narrowing its last answer when the query only grew;
//! [`SearchWorker`] runs one on its own thread for an interface that must
//! not wait. Matching takes one word of the text at a time, folded of its
//! accents, and ranks how the query word sits in it (the word, its start,
//! letters inside it, letters apart: see `score`); SkimMatcherV2, with
//! smart case, scores letters apart.

mod expand;
mod fold;
mod index;
mod mask;
mod memo;
mod query;
mod score;
mod searcher;
mod vocab;
mod worker;

use fuzzy_matcher::skim::SkimMatcherV2;

pub use expand::{explain, highlights_with};
pub use fold::fold_lower;
pub use index::{Index, Pos};
pub use query::Query;
pub use score::{
    ADJACENT_BONUS, Class, Field, FieldMatch, TAG_PENALTY_DIVISOR, TITLE_BONUS_DIVISOR, highlights, main_text,
};
pub use searcher::{Hit, Ranked, Searcher};
pub use vocab::{MIN_CORRECTED, Vocab};
pub use worker::SearchWorker;

/// A match is kept when its score is at least this percentage of the best
/// score for the same query: what is left is what the user meant.
pub const CUT_PERCENT: i64 = 60;

/// The query rule, in the words the help overlay and the README show.
pub const RULE: &str = "\
Type words separated by spaces. Each word must match on its own, inside one \
word of a meeting or area title, an area id or topic, or a commitment's text: \
its letters in order, gaps allowed (fuzzy). Accents are ignored (\"cote\" \
finds \"Côte\"); a capital letter makes that word case-sensitive. For each \
word, the whole word (or its plural, or a part of a compound: \"cyber\" in \
\"cybersecurity\") ranks first, then the start of a word (\"unit\" in \
\"United\"), then letters together inside a word, then letters apart. \
Titles, and words that follow each other as typed, rank higher. Matches \
scoring below 60% of the best are dropped, so a whole word drops the rest. A \
word that matches nothing but scattered letters is corrected when one typo \
away from a word of the statements (\"qunatum\": showing results for \
quantum). A query that names an acronym's expansion (\"artificial \
intelligence\") also finds, ranked below these, what uses the acronym \
(\"AI\"); a query that is an acronym (\"nist\") also finds its expansion \
written out. A match only through a topic tag or an acronym says so (\"via \
topic: talent\").";

/// What a node matched of a query, and why when its own title or text
/// does not show it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Explained {
    /// The matched characters, field by field (see [`highlights_with`]).
    pub marks: Vec<FieldMatch>,
    /// "via topic: talent", "via id: quantum", "via AI = Artificial
    /// Intelligence": set when the node matched only through an area's
    /// tags or through the glossary.
    pub via: Option<String>,
}

/// The matcher every search uses: SkimMatcherV2 with smart case.
pub fn matcher() -> SkimMatcherV2 {
    SkimMatcherV2::default().smart_case()
}

/// Whether `score` is close enough to `best` to be shown.
pub(crate) fn passes_cut(score: i32, best: i32) -> bool {
    best <= 0 || i64::from(score) * 100 >= i64::from(best) * CUT_PERCENT
}

#[cfg(test)]
mod tests;
