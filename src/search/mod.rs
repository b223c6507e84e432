//! Fuzzy search over a corpus: every meeting, area and commitment, ranked.
//!
//! The rule users see is [`RULE`]. [`Searcher`] answers a query on the
//! calling thread, narrowing its last answer when the query only grew;
//! [`SearchWorker`] runs one on its own thread for an interface that must
//! not wait. Matching uses SkimMatcherV2 with smart case, one word of the
//! text at a time (see `score`).

mod expand;
mod index;
mod mask;
mod memo;
mod query;
mod score;
mod searcher;
mod worker;

use fuzzy_matcher::skim::SkimMatcherV2;

pub use expand::highlights_with;
pub use index::{Index, Pos};
pub use query::Query;
pub use score::{
    ADJACENT_BONUS, Field, FieldMatch, TAG_PENALTY_DIVISOR, TITLE_BONUS_DIVISOR, highlights, main_text,
};
pub use searcher::{Hit, Ranked, Searcher};
pub use worker::SearchWorker;

/// A match is kept when its score is at least this percentage of the best
/// score for the same query: what is left is what the user meant.
pub const CUT_PERCENT: i64 = 60;

/// The query rule, in the words the help overlay and the README show.
pub const RULE: &str = "\
Type words separated by spaces. Each word must match on its own, inside one \
word of a meeting or area title, an area id or topic, or a commitment's text: \
its letters in order, gaps allowed (fuzzy), scored lower the further apart \
they sit. A capital letter makes that word case-sensitive. Results are ranked \
by score: tighter matches, matches at the start of a word, titles, and words \
that follow each other as typed score higher. Matches scoring below 60% of \
the best are dropped. A query that names an acronym's expansion (\"artificial \
intelligence\") also finds, ranked below these, what uses the acronym (\"AI\"); \
a query that is an acronym (\"nist\") also finds its expansion written out.";

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
