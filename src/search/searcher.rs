//! Answering queries, incrementally and on every core.

use std::cmp::Reverse;
use std::num::NonZeroUsize;
use std::sync::Arc;

use fuzzy_matcher::skim::SkimMatcherV2;

use super::expand::Expander;
use super::index::{Cursor, Index, Pos};
use super::query::Query;
use super::score::{Class, FieldMatch, Scorer};
use super::vocab::Vocab;
use crate::glossary::{Definition, Glossary};
use crate::model::{Corpus, NodePath};

/// Below this many candidates to score, one thread is quicker than
/// starting another.
const PARALLEL_MIN: usize = 4096;
/// Earlier queries remembered for narrowing and for backspace.
const MAX_LEVELS: usize = 64;

/// A ranked match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Where the match is.
    pub pos: Pos,
    /// Higher is better; comparable only within one query.
    pub score: i32,
    /// Whether it matched only through an acronym whose expansion the
    /// query names (see [`Searcher::via`]).
    pub via_acronym: bool,
}

impl Hit {
    /// The matched node.
    pub fn path(&self) -> NodePath {
        self.pos.path()
    }
}

/// The answer to one query.
#[derive(Debug, Clone, Default)]
pub struct Ranked {
    /// The query as typed.
    pub query: String,
    /// Matches that pass the cut, best first; equal scores in tree order.
    /// For an empty query: every candidate in tree order, with score 0.
    pub hits: Vec<Hit>,
    /// How many candidates matched before the weak ones were cut.
    pub matched: usize,
    /// Which request this answers (see [`super::SearchWorker`]); 0 otherwise.
    pub generation: u64,
    /// The corpus's glossary, once a query has needed it: what the view
    /// needs to highlight acronyms matched through their expansion.
    pub glossary: Option<Arc<Glossary>>,
    /// The query these are the results for, when it is not the query as
    /// typed: a word that matched nothing but scattered letters, corrected
    /// to the word of the statements one typo away ("qunatum" to
    /// "quantum"). Highlights follow this query.
    pub corrected: Option<String>,
}

impl Ranked {
    /// The query the hits answer: the corrected one, else the one typed.
    pub fn effective_query(&self) -> &str {
        self.corrected.as_deref().unwrap_or(&self.query)
    }
}

/// Matches of one earlier query, in tree order.
struct Level {
    query: Query,
    matched: Vec<(Pos, i32)>,
}

/// Answers queries over one corpus, remembering the matches of the queries
/// the current one extends, so that typing one more letter scores only
/// what the previous letter matched, and backspace returns at once.
///
/// Like [`Index`], it holds no reference to the corpus: each search is
/// given it. Given another corpus than the last, it starts afresh.
pub struct Searcher {
    index: Index,
    matcher: SkimMatcherV2,
    threads: usize,
    levels: Vec<Level>,
    expander: Expander,
    /// The corpus's words, built by the first query with a word of
    /// three letters or more (see [`super::vocab`]).
    vocab: Option<Arc<Vocab>>,
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher")
            .field("candidates", &self.index.len())
            .field("threads", &self.threads)
            .field(
                "remembered",
                &self
                    .levels
                    .iter()
                    .map(|l| l.query.raw.as_str())
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl Searcher {
    /// A searcher over `corpus`, using every available core.
    pub fn new(corpus: &Corpus) -> Searcher {
        Searcher {
            index: Index::new(corpus),
            matcher: super::matcher(),
            threads: std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
            levels: Vec::new(),
            expander: Expander::default(),
            vocab: None,
        }
    }

    /// Limits the threads one search uses (at least one).
    pub fn with_threads(mut self, threads: usize) -> Searcher {
        self.threads = threads.max(1);
        self
    }

    /// The candidates searched.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The corpus's words (see [`Vocab`]), collected now if no query has
    /// needed them yet.
    pub fn vocabulary(&mut self, corpus: &Corpus) -> Arc<Vocab> {
        self.refit(corpus);
        let (index, threads) = (&self.index, self.threads);
        Arc::clone(
            self.vocab
                .get_or_insert_with(|| Arc::new(Vocab::build(index, corpus, threads))),
        )
    }

    /// Starts afresh if `corpus` is not the one indexed.
    fn refit(&mut self, corpus: &Corpus) {
        if !self.index.fits(corpus) {
            self.index = Index::new(corpus);
            self.levels.clear();
            self.expander.reset();
            self.vocab = None;
        }
    }

    /// Ranks every candidate of `corpus` against `raw` (see
    /// [`super::RULE`]).
    pub fn search(&mut self, corpus: &Corpus, raw: &str) -> Ranked {
        self.refit(corpus);
        let query = Query::parse(raw);
        if query.is_empty() {
            self.levels.clear();
            let mut hits = Vec::with_capacity(self.index.len());
            self.index.each(corpus, 0..usize::MAX, |pos, _, _| {
                hits.push(Hit {
                    pos,
                    score: 0,
                    via_acronym: false,
                })
            });
            return Ranked {
                query: raw.to_string(),
                matched: hits.len(),
                hits,
                ..Ranked::default()
            };
        }
        while let Some(top) = self.levels.last() {
            if query.narrows(&top.query) {
                break;
            }
            self.levels.pop();
        }
        // Compounds and corrections need the corpus's words; shorter
        // words are neither (see `score::COMPOUND_TERM`).
        if query.terms.iter().any(|t| t.letters >= 3) {
            self.vocabulary(corpus);
        }
        let matched = match self.levels.last() {
            Some(top) if same_terms(&top.query, &query) => top.matched.clone(),
            Some(top) => self.rescan(corpus, &query, &top.matched),
            None => self.scan(corpus, &query),
        };
        let mut ranked = rank(raw, &matched);
        let mut fixed_matches = None;
        if let Some(fixed) = self.correction(corpus, &query, &ranked) {
            let better = Query::parse(&fixed);
            let found = self.scan(corpus, &better);
            if !found.is_empty() {
                ranked = rank(raw, &found);
                ranked.corrected = Some(fixed);
                fixed_matches = Some(found);
            }
        }
        let effective = ranked.effective_query().to_string();
        let direct = fixed_matches.as_deref().unwrap_or(&matched);
        ranked.matched += self
            .expander
            .extend(&self.index, corpus, &effective, direct, &mut ranked.hits);
        ranked.glossary = self.expander.glossary().cloned();
        if self.levels.len() >= MAX_LEVELS {
            self.levels.remove(0);
        }
        self.levels.push(Level { query, matched });
        ranked
    }

    /// The query with each word that found nothing better than scattered
    /// letters (or nothing at all) replaced by the word of the corpus one
    /// typo away, if any is (see [`Vocab::correct`]); `None` when no word
    /// changes. Which words found little is read from the best match.
    fn correction(&self, corpus: &Corpus, query: &Query, ranked: &Ranked) -> Option<String> {
        let vocab = self.vocab.as_deref()?;
        let weak: Vec<bool> = match ranked.hits.first() {
            None => vec![true; query.terms.len()],
            Some(best) => {
                let mut scorer = Scorer::new(&self.matcher, Some(vocab), corpus, query);
                let (text, mask) = Cursor::new(corpus, &self.index).text(best.pos)?;
                scorer
                    .term_scores(best.pos, text, mask)?
                    .into_iter()
                    .map(|s| Class::of(s) == Class::Scattered)
                    .collect()
            }
        };
        let mut changed = false;
        let words: Vec<String> = query
            .terms
            .iter()
            .zip(weak)
            .map(|(t, weak)| {
                let fixed = weak
                    .then(|| vocab.correct(&t.folded.to_ascii_lowercase()))
                    .flatten();
                changed |= fixed.is_some();
                fixed.map_or_else(|| t.text.clone(), str::to_string)
            })
            .collect();
        changed.then(|| words.join(" "))
    }

    /// The definitions through which the node at `path` matched `raw`: the
    /// acronyms it uses whose expansion the query names, or the expansion
    /// it writes out of the acronym the query is (see [`super::expand`]).
    /// Empty before a query needed the glossary.
    pub fn via(&self, corpus: &Corpus, path: NodePath, raw: &str) -> Vec<&Definition> {
        match self.expander.glossary() {
            Some(g) => super::expand::used_in(g, corpus, path, raw)
                .into_iter()
                .map(|(d, _)| d)
                .collect(),
            None => Vec::new(),
        }
    }

    /// The characters to highlight in the node at `path` for `raw`: the
    /// direct matches, and the acronyms it matched through.
    pub fn highlights(&self, corpus: &Corpus, path: NodePath, raw: &str) -> Vec<FieldMatch> {
        self.explain(corpus, path, raw).marks
    }

    /// [`Searcher::highlights`], and why the node matched when its own
    /// title or text does not show it (see [`super::explain`]).
    pub fn explain(&self, corpus: &Corpus, path: NodePath, raw: &str) -> super::Explained {
        super::expand::explain_in(
            self.expander.glossary().map(|g| &**g),
            self.vocab.as_deref(),
            corpus,
            path,
            raw,
        )
    }

    /// Scores every candidate, the meetings split evenly over the threads.
    fn scan(&self, corpus: &Corpus, query: &Query) -> Vec<(Pos, i32)> {
        let threads = if self.index.len() >= PARALLEL_MIN {
            self.threads
        } else {
            1
        };
        let vocab = self.vocab.as_deref();
        let work = |range| {
            let mut scorer = Scorer::new(&self.matcher, vocab, corpus, query);
            let mut out = Vec::new();
            self.index.each(corpus, range, |pos, text, mask| {
                if let Some(s) = scorer.score(pos, text, mask) {
                    out.push((pos, s));
                }
            });
            out
        };
        in_parallel(self.index.split(threads), work)
    }

    /// Scores again only `earlier` matches, which hold every match of a
    /// query that narrows theirs.
    fn rescan(&self, corpus: &Corpus, query: &Query, earlier: &[(Pos, i32)]) -> Vec<(Pos, i32)> {
        let threads = if earlier.len() >= PARALLEL_MIN {
            self.threads
        } else {
            1
        };
        let chunk = earlier.len().div_ceil(threads).max(1);
        let vocab = self.vocab.as_deref();
        let work = |part: &[(Pos, i32)]| {
            let mut scorer = Scorer::new(&self.matcher, vocab, corpus, query);
            let mut texts = Cursor::new(corpus, &self.index);
            part.iter()
                .filter_map(|&(pos, _)| {
                    let (text, mask) = texts.text(pos)?;
                    Some((pos, scorer.score(pos, text, mask)?))
                })
                .collect()
        };
        in_parallel(earlier.chunks(chunk), work)
    }
}

/// Runs `work` on each part on its own thread (the first on this one) and
/// joins the results in order, so that the outcome does not depend on
/// which thread finished first.
pub(crate) fn in_parallel<P: Send, R: Send>(
    parts: impl IntoIterator<Item = P>,
    work: impl Fn(P) -> Vec<R> + Sync,
) -> Vec<R> {
    let mut parts = parts.into_iter();
    let Some(first) = parts.next() else {
        return Vec::new();
    };
    let results: Vec<Vec<R>> = std::thread::scope(|s| {
        let work = &work;
        let others: Vec<_> = parts.map(|p| s.spawn(move || work(p))).collect();
        let mut results = vec![work(first)];
        for h in others {
            results.push(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
        }
        results
    });
    if results.len() == 1 {
        return results.into_iter().flatten().collect();
    }
    // Exactly sized: the result may be kept for as long as the corpus.
    let mut out = Vec::with_capacity(results.iter().map(Vec::len).sum());
    for r in results {
        out.extend(r);
    }
    out
}

/// Cuts the weak matches and sorts the rest: best first, then tree order.
fn rank(raw: &str, matched: &[(Pos, i32)]) -> Ranked {
    let best = matched.iter().map(|&(_, s)| s).max().unwrap_or(0);
    let mut hits: Vec<Hit> = matched
        .iter()
        .filter(|&&(_, s)| super::passes_cut(s, best))
        .map(|&(pos, score)| Hit {
            pos,
            score,
            via_acronym: false,
        })
        .collect();
    hits.sort_unstable_by_key(|h| (Reverse(h.score), h.pos));
    Ranked {
        query: raw.to_string(),
        hits,
        matched: matched.len(),
        ..Ranked::default()
    }
}

fn same_terms(a: &Query, b: &Query) -> bool {
    a.terms.len() == b.terms.len() && a.terms.iter().zip(&b.terms).all(|(x, y)| x.text == y.text)
}
