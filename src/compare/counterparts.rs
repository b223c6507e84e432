//! Counterparts between two meetings: for each commitment of one, the
//! commitments of the whole other meeting that say the same thing, or none.
//!
//! Two commitments are compared by the words they share, each weighed by how
//! rare it is in joint statements: a named instrument, programme or body
//! ("Common Criteria", "Global Cross-Border Privacy Rules Forum") weighs far
//! more than "cooperation", "exchange", "ASEAN" or "capacity-building",
//! which nearly every statement repeats. How common a word is comes from a
//! background of real statements shipped with the binary
//! ([`Background::builtin`], `assets/background.txt`) together with the two
//! meetings themselves, so that a score means the same whichever two
//! meetings are compared. Words are read as [`words::each_span`] reads them,
//! then stemmed ([`words::stem`]); an acronym the glossary knows and its
//! expansion are one word ("NIST" is "National Institute of Standards and
//! Technology").
//!
//! Words after a commitment's first sentence weigh half ([`LATER_SENTENCES`]).
//! Besides words, a vector holds the subjects of the taxonomy the text
//! mentions ([`TOPIC`]) and the subjects of its area ([`AREA`]): the context
//! a reader reads a commitment in.
//!
//! The score is the cosine of the two weighted vectors, 0 to 1. A
//! commitment's counterparts are those scoring [`WEAK`] or more that share
//! enough evidence ([`EVIDENCE`]) and at least one distinctive word
//! ([`DISTINCTIVE`]); from [`STRONG`] a counterpart is strong. Below that
//! there is no close counterpart, and the answer is an empty list rather
//! than a guess. The thresholds were set by measuring against counterparts
//! read by a person (`tests/gold/`, `tests/counterparts.rs`).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::align::Side;
use super::topics::Taxonomy;
use super::words;
use crate::glossary::Glossary;
use crate::model::{Corpus, Meeting, NodePath, Partnership};

/// The background shipped in the binary: how many sentences of real joint
/// statements hold each word.
pub const BACKGROUND: &str = include_str!("../../assets/background.txt");

/// The score from which a commitment is a counterpart (a weak one).
pub const WEAK: f32 = 0.12;

/// The score from which a counterpart is strong.
pub const STRONG: f32 = 0.25;

/// The rarity a shared word needs to count as distinctive: its weight
/// (inverse document frequency, natural log) is at least this, so that it
/// is found in fewer than about one sentence in 12 of joint statements.
/// Sharing only words more common than that ("cooperation", "exchange",
/// "building"), or only topics, never makes a counterpart.
pub const DISTINCTIVE: f32 = 2.5;

/// The weight of a subject of the taxonomy that both texts mention by its
/// keywords (a word of two texts that name "undersea cables" and "critical
/// infrastructure" differently).
pub const TOPIC: f32 = 3.0;

/// The weight of the main subject of the area a commitment is in, when the
/// other commitment's area has it too (half for its other subjects): what
/// an area is about is the context its commitments are read in, so that
/// "exchange views on policies and strategies" under Quantum reads closer
/// to the other meeting's quantum strategies than to its semiconductor ones.
pub const AREA: f32 = 5.0;

/// Terms that stand for a topic a text mentions, or its area's main topic;
/// words never hold a colon.
const TOPIC_PREFIX: &str = "topic:";
const AREA_PREFIX: &str = "area:";

/// The evidence two commitments need, besides their score: the weights of
/// the words and the subjects of the taxonomy they share (each counted as
/// often as the side that has it less, half in a later sentence), summed.
/// One word of middling rarity ("ASEAN", "capacity") is not enough; two, a
/// subject named in both ("quantum"), or one rare name are.
pub const EVIDENCE: f32 = 5.0;

/// How many counterparts are kept for each commitment, best first.
pub const KEEP: usize = 3;

/// The bars a counterpart must pass; [`Thresholds::default`] holds the
/// measured ones ([`WEAK`], [`STRONG`], [`EVIDENCE`], [`KEEP`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// The score from which a commitment is a counterpart.
    pub weak: f32,
    /// The score from which a counterpart is strong.
    pub strong: f32,
    /// The evidence (shared words and subjects, weighed) a counterpart needs.
    pub evidence: f32,
    /// How many counterparts are kept for each commitment.
    pub keep: usize,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            weak: WEAK,
            strong: STRONG,
            evidence: EVIDENCE,
            keep: KEEP,
        }
    }
}

/// How strong a counterpart is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Strength {
    /// Scores [`STRONG`] or more.
    Strong,
    /// Scores from [`WEAK`] up to [`STRONG`].
    Weak,
}

impl Strength {
    /// "strong" or "weak".
    pub fn as_str(self) -> &'static str {
        match self {
            Strength::Strong => "strong",
            Strength::Weak => "weak",
        }
    }

    fn of(score: f32, thresholds: &Thresholds) -> Strength {
        if score >= thresholds.strong {
            Strength::Strong
        } else {
            Strength::Weak
        }
    }
}

/// A counterpart of a commitment in the other meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Index of the counterpart's area in its meeting.
    pub area: usize,
    /// Index of the counterpart in its area.
    pub commitment: usize,
    /// The weighted cosine of the two commitments, 0 to 1.
    pub score: f32,
    /// Strong or weak.
    pub strength: Strength,
    /// The distinctive words the two share, weightiest first, as written in
    /// the first text (an acronym as the acronym).
    pub shared: Vec<String>,
}

/// How often each word occurs in the sentences of real joint statements.
#[derive(Debug, Clone, Default)]
pub struct Background {
    /// Sentences counted.
    documents: u32,
    /// By term (stemmed, as [`Counterparts`] reads words): sentences holding it.
    df: HashMap<String, u32>,
}

impl Background {
    /// The background compiled into the binary, parsed on first use.
    pub fn builtin() -> &'static Background {
        static PARSED: LazyLock<Background> = LazyLock::new(|| {
            // The asset is part of the source tree, and the test
            // `builtin_background_parses` keeps it valid; were it broken,
            // comparing would still work, with the two meetings alone as
            // the background.
            Background::parse(BACKGROUND).unwrap_or_default()
        });
        &PARSED
    }

    /// Reads a background table: `#` comments, a line `documents N`, then
    /// one `word count` line per word.
    pub fn parse(text: &str) -> Result<Background, String> {
        let mut bg = Background::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_whitespace();
            let (Some(word), Some(count), None) = (parts.next(), parts.next(), parts.next()) else {
                return Err(format!("line {}: expected `word count`", n + 1));
            };
            let count: u32 = count
                .parse()
                .map_err(|_| format!("line {}: `{count}` is not a count", n + 1))?;
            if word == "documents" {
                bg.documents = count;
                continue;
            }
            words::each_word(word, |lower, folded| {
                let term = term_of(lower, folded, false);
                *bg.df.entry(term).or_default() += count;
            });
        }
        if bg.documents == 0 {
            return Err("no `documents N` line".into());
        }
        for df in bg.df.values_mut() {
            *df = (*df).min(bg.documents);
        }
        Ok(bg)
    }

    /// The table [`Background::parse`] reads, counted over `docs` (each a
    /// sentence or a list item): lowercase words, most frequent first, words
    /// found only once left out.
    pub fn tabulate<'a>(docs: impl IntoIterator<Item = &'a str>) -> String {
        let mut df: HashMap<String, u32> = HashMap::new();
        let mut n = 0u32;
        let mut seen: HashSet<String> = HashSet::new();
        for doc in docs {
            n += 1;
            seen.clear();
            words::each_word(doc, |lower, _| {
                if !lower.chars().all(|c| c.is_ascii_digit()) && seen.insert(lower.to_string()) {
                    *df.entry(lower.to_string()).or_default() += 1;
                }
            });
        }
        let mut rows: Vec<(String, u32)> = df.into_iter().filter(|&(_, d)| d > 1).collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut out = String::new();
        out.push_str(&format!("documents {n}\n"));
        for (w, d) in rows {
            out.push_str(&format!("{w} {d}\n"));
        }
        out
    }

    fn df(&self, term: &str) -> u32 {
        self.df.get(term).copied().unwrap_or(0)
    }
}

/// The term a word counts as: an acronym as written ("DoD", "AI") is kept
/// whole, other words are stemmed.
fn term_of(lower: &str, folded: &str, acronym: bool) -> String {
    if acronym {
        lower.to_string()
    } else {
        words::stem(folded)
    }
}

/// Whether a word as written is an acronym: two capitals or more ("AI",
/// "DoD", "ICTs").
fn looks_like_acronym(word: &str) -> bool {
    word.chars().filter(char::is_ascii_uppercase).count() >= 2
}

/// The weight of each part of a hyphenated compound.
pub const COMPOUND_PART: f32 = 0.5;

/// The weight of a word after a commitment's first sentence.
pub const LATER_SENTENCES: f32 = 0.5;

/// Where the first sentence of `text` ends, by the importer's split (one
/// rule for sentences everywhere); the end of the text when it has one.
fn first_sentence_end(text: &str) -> usize {
    crate::import::sentences::split_with_offsets(text)
        .next()
        .map_or(text.len(), |(at, s)| at + s.len())
}

/// Byte ranges of the web addresses in `text` ("https://…", "www.…"): their
/// words ("https", "gov") say nothing of what is undertaken.
fn links(text: &str) -> Vec<std::ops::Range<usize>> {
    let is_break = |c: char| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>');
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (is_break(c), start) {
            (true, Some(s)) => {
                let token = &text[s..i];
                if token.contains("://") || token.starts_with("www.") {
                    out.push(s..i);
                }
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// An acronym the glossary defines, as the phrases that name it.
struct Acronym {
    /// The term both phrases count as (the acronym in lowercase).
    term: String,
    /// The acronym as written, to show.
    shown: String,
    /// The folded words of the acronym and of each expansion.
    phrases: Vec<Vec<String>>,
}

/// How the texts of two meetings are read into weighted terms.
struct Reader {
    /// Terms that are not to count: the parties' names, the partnerships' ids.
    stop: HashSet<String>,
    /// Acronyms by the first folded word of each of their phrases.
    acronyms: HashMap<String, Vec<(usize, usize)>>,
    list: Vec<Acronym>,
}

/// A text read into terms, with how each was written.
#[derive(Default)]
struct Terms {
    /// Term → occurrences (a fraction for an area's lesser subjects).
    count: HashMap<String, f32>,
    /// Term → the first way it was written.
    shown: HashMap<String, String>,
}

impl Reader {
    fn new(meetings: &[(&Partnership, &Meeting)], glossary: &Glossary) -> Reader {
        let mut stop = HashSet::new();
        for (p, _) in meetings {
            for name in p.parties.iter().map(String::as_str).chain([p.id.as_str()]) {
                words::each_word(name, |lower, folded| {
                    stop.insert(term_of(lower, folded, false));
                    stop.insert(lower.to_string());
                });
            }
        }
        let mut by_acronym: HashMap<String, Acronym> = HashMap::new();
        for d in &glossary.entries {
            let term = d.acronym.to_lowercase();
            let entry = by_acronym.entry(term.clone()).or_insert_with(|| Acronym {
                term,
                shown: d.acronym.clone(),
                phrases: vec![words::folded_words(&d.acronym)],
            });
            let expansion = words::folded_words(&d.expansion);
            if expansion.len() > 1 && !entry.phrases.contains(&expansion) {
                entry.phrases.push(expansion);
            }
        }
        let mut list: Vec<Acronym> = by_acronym.into_values().collect();
        list.sort_by(|a, b| a.term.cmp(&b.term));
        let mut acronyms: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (i, a) in list.iter().enumerate() {
            for (j, phrase) in a.phrases.iter().enumerate() {
                if let Some(first) = phrase.first() {
                    acronyms.entry(first.clone()).or_default().push((i, j));
                }
            }
        }
        Reader { stop, acronyms, list }
    }

    /// The terms of `text`: an acronym's phrases become the acronym, stop
    /// words and the parties' names are left out, other words are stemmed.
    fn read(&self, text: &str) -> Terms {
        let links = links(text);
        let mut spans: Vec<(std::ops::Range<usize>, String, String)> = Vec::new();
        words::each_span(text, |r, lower, folded| {
            if !links.iter().any(|l| l.contains(&r.start)) {
                spans.push((r, lower.to_string(), folded.to_string()));
            }
        });
        let main_end = first_sentence_end(text);
        let mut terms = Terms::default();
        // Whether a word is joined to the one before or after it by a hyphen.
        let hyphen = |a: usize, b: usize| -> bool {
            match (spans.get(a), spans.get(b)) {
                (Some(x), Some(y)) => text.get(x.0.end..y.0.start) == Some("-"),
                _ => false,
            }
        };
        let compound: Vec<bool> = (0..spans.len())
            .map(|i| (i > 0 && hyphen(i - 1, i)) || hyphen(i, i + 1))
            .collect();
        let mut add = |term: String, shown: &str, at: usize, part: bool| {
            // The first sentence says what is undertaken; later ones
            // elaborate, or add a side remark, and weigh half. The parts of
            // a hyphenated compound ("cross-border", "capacity-building")
            // are one word between them.
            let weight = if at < main_end { 1.0 } else { LATER_SENTENCES };
            let weight = if part { weight * COMPOUND_PART } else { weight };
            *terms.count.entry(term.clone()).or_default() += weight;
            terms.shown.entry(term).or_insert_with(|| shown.to_string());
        };
        let mut i = 0;
        while i < spans.len() {
            let (range, lower, folded) = &spans[i];
            // The longest phrase of an acronym that starts here.
            let found = self
                .acronyms
                .get(folded)
                .into_iter()
                .flatten()
                .map(|&(a, p)| (a, &self.list[a].phrases[p]))
                .filter(|(_, phrase)| {
                    spans
                        .get(i..i + phrase.len())
                        .is_some_and(|s| s.iter().zip(phrase.iter()).all(|((_, _, f), w)| f == w))
                })
                .max_by_key(|(_, phrase)| phrase.len());
            // A one-word acronym phrase counts only when written as an
            // acronym ("AI", not "ai" inside an ordinary sentence).
            let written = &text[range.clone()];
            if let Some((a, phrase)) = found
                && (phrase.len() > 1 || looks_like_acronym(written))
            {
                let acronym = &self.list[a];
                add(acronym.term.clone(), &acronym.shown, range.start, false);
                i += phrase.len();
                continue;
            }
            i += 1;
            if words::is_stop_word(lower) || self.stop.contains(lower.as_str()) {
                continue;
            }
            let term = term_of(lower, folded, looks_like_acronym(written));
            if self.stop.contains(&term) || term.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let shown = if looks_like_acronym(written) {
                written
            } else {
                lower.as_str()
            };
            add(term, shown, range.start, compound[i - 1]);
        }
        terms
    }
}

/// A commitment as a vector of weighted terms, sorted by term id, with its length.
struct Vector {
    weights: Vec<(u32, f32)>,
    norm: f32,
}

/// The counterparts of every commitment of two meetings, each way.
#[derive(Debug, Clone)]
pub struct Counterparts {
    /// The left meeting (a [`NodePath::Meeting`]).
    pub left: NodePath,
    /// The right meeting (a [`NodePath::Meeting`]).
    pub right: NodePath,
    /// By side, area and commitment: its counterparts, best first.
    matches: [Vec<Vec<Vec<Match>>>; 2],
    /// The bars the counterparts passed.
    thresholds: Thresholds,
}

impl Counterparts {
    /// Every commitment of `left` compared with every commitment of
    /// `right` (both [`NodePath::Meeting`]s), with the acronyms of
    /// `glossary`; `None` when either path is not a meeting of `corpus`.
    pub fn between(
        corpus: &Corpus,
        left: NodePath,
        right: NodePath,
        taxonomy: &Taxonomy,
        glossary: &Glossary,
    ) -> Option<Counterparts> {
        Counterparts::with(
            corpus,
            left,
            right,
            taxonomy,
            glossary,
            Background::builtin(),
            Thresholds::default(),
        )
    }

    /// As [`Counterparts::between`], with another background and other
    /// thresholds.
    pub fn with(
        corpus: &Corpus,
        left: NodePath,
        right: NodePath,
        taxonomy: &Taxonomy,
        glossary: &Glossary,
        background: &Background,
        thresholds: Thresholds,
    ) -> Option<Counterparts> {
        let (lp, lm) = corpus.meeting(left)?;
        let (rp, rm) = corpus.meeting(right)?;
        let reader = Reader::new(&[(lp, lm), (rp, rm)], glossary);
        let read = |m: &Meeting| -> Vec<Vec<Terms>> {
            m.areas
                .iter()
                .map(|a| {
                    // The area's subjects are part of what each of its
                    // commitments is about: the main one whole, the others
                    // half. Cross-cutting themes are left out.
                    let subjects: Vec<(String, f32)> = a
                        .topics
                        .iter()
                        .enumerate()
                        .filter(|(_, (t, _))| !taxonomy.is_cross_cutting(t))
                        .map(|(i, (t, _))| (format!("{AREA_PREFIX}{t}"), if i == 0 { 1.0 } else { 0.5 }))
                        .collect();
                    a.commitments
                        .iter()
                        .map(|c| {
                            let mut terms = reader.read(&c.text);
                            for t in taxonomy.mentioned(&c.text) {
                                if !t.cross_cutting {
                                    terms.count.insert(format!("{TOPIC_PREFIX}{}", t.id), 1.0);
                                }
                            }
                            for (t, w) in &subjects {
                                terms.count.insert(t.clone(), *w);
                            }
                            terms
                        })
                        .collect()
                })
                .collect()
        };
        let (lt, rt) = (read(lm), read(rm));

        // Weights: the background and the two meetings, counted together.
        let mut local: HashMap<&str, u32> = HashMap::new();
        let mut docs = 0u32;
        for terms in lt.iter().chain(&rt).flatten() {
            docs += 1;
            for t in terms.count.keys() {
                *local.entry(t.as_str()).or_default() += 1;
            }
        }
        let n = (background.documents + docs) as f32;
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut idf: Vec<f32> = Vec::new();
        for (t, d) in &local {
            ids.insert(t, idf.len() as u32);
            let df = (background.df(t) + d) as f32;
            idf.push(if t.starts_with(TOPIC_PREFIX) {
                TOPIC
            } else if t.starts_with(AREA_PREFIX) {
                AREA
            } else {
                ((n + 1.0) / (df + 1.0)).ln()
            });
        }
        let vector = |terms: &Terms| -> Vector {
            let mut weights: Vec<(u32, f32)> = terms
                .count
                .iter()
                .filter_map(|(t, &c)| {
                    let id = *ids.get(t.as_str())?;
                    Some((id, (1.0 + c.max(1.0).ln()) * c.min(1.0) * idf[id as usize]))
                })
                .collect();
            weights.sort_by_key(|&(t, _)| t);
            let norm = weights.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            Vector { weights, norm }
        };
        let vectors = |t: &[Vec<Terms>]| -> Vec<Vec<Vector>> {
            t.iter().map(|a| a.iter().map(&vector).collect()).collect()
        };
        let (lv, rv) = (vectors(&lt), vectors(&rt));
        let mut names: Vec<&str> = vec![""; idf.len()];
        for (t, &id) in &ids {
            names[id as usize] = t;
        }

        let side = |mine: &[Vec<Vector>], my_terms: &[Vec<Terms>], theirs: &[Vec<Vector>]| {
            mine.iter()
                .zip(my_terms)
                .map(|(area, area_terms)| {
                    area.iter()
                        .zip(area_terms)
                        .map(|(v, terms)| {
                            let mut found: Vec<Match> = Vec::new();
                            for (oa, other_area) in theirs.iter().enumerate() {
                                for (oc, w) in other_area.iter().enumerate() {
                                    let (score, shared) = compare(v, w, &idf, &names, thresholds.evidence);
                                    if score < thresholds.weak || shared.is_empty() {
                                        continue;
                                    }
                                    found.push(Match {
                                        area: oa,
                                        commitment: oc,
                                        score,
                                        strength: Strength::of(score, &thresholds),
                                        shared: shared
                                            .iter()
                                            .map(|&t| {
                                                let name = names[t as usize];
                                                terms
                                                    .shown
                                                    .get(name)
                                                    .cloned()
                                                    .unwrap_or_else(|| name.to_string())
                                            })
                                            .collect(),
                                    });
                                }
                            }
                            found.sort_by(|a, b| {
                                b.score
                                    .total_cmp(&a.score)
                                    .then((a.area, a.commitment).cmp(&(b.area, b.commitment)))
                            });
                            found.truncate(thresholds.keep);
                            found
                        })
                        .collect()
                })
                .collect()
        };
        let matches = [side(&lv, &lt, &rv), side(&rv, &rt, &lv)];
        Some(Counterparts {
            left,
            right,
            matches,
            thresholds,
        })
    }

    /// The counterparts of commitment `commitment` of area `area` on `side`,
    /// in the other meeting, best first; empty when it has no close one.
    pub fn of(&self, side: Side, area: usize, commitment: usize) -> &[Match] {
        self.matches[side as usize]
            .get(area)
            .and_then(|a| a.get(commitment))
            .map_or(&[], Vec::as_slice)
    }

    /// The best counterpart of a commitment, if it has a close one.
    pub fn closest(&self, side: Side, area: usize, commitment: usize) -> Option<&Match> {
        self.of(side, area, commitment).first()
    }

    /// The bars the counterparts passed.
    pub fn thresholds(&self) -> Thresholds {
        self.thresholds
    }

    /// The meeting path of `side`.
    pub fn meeting(&self, side: Side) -> NodePath {
        match side {
            Side::Left => self.left,
            Side::Right => self.right,
        }
    }
}

/// The cosine of two vectors, and the distinctive terms they share,
/// weightiest first; no distinctive term shared makes the score 0.
fn compare(a: &Vector, b: &Vector, idf: &[f32], names: &[&str], needed: f32) -> (f32, Vec<u32>) {
    let (mut i, mut j, mut dot, mut evidence) = (0, 0, 0.0, 0.0);
    let mut shared: Vec<(u32, f32)> = Vec::new();
    while let (Some(&(ta, wa)), Some(&(tb, wb))) = (a.weights.get(i), b.weights.get(j)) {
        match ta.cmp(&tb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += wa * wb;
                let word = !names[ta as usize].contains(':');
                if !names[ta as usize].starts_with(AREA_PREFIX) {
                    evidence += wa.min(wb);
                }
                if word && idf[ta as usize] >= DISTINCTIVE {
                    shared.push((ta, wa * wb));
                }
                i += 1;
                j += 1;
            }
        }
    }
    if shared.is_empty() || evidence < needed || a.norm <= 0.0 || b.norm <= 0.0 {
        return (0.0, Vec::new());
    }
    shared.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    let cosine = dot / (a.norm * b.norm);
    (
        cosine.clamp(0.0, 1.0),
        shared.into_iter().map(|(t, _)| t).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_are_found() {
        let text = "Read it [here](https://example.gov/a.pdf) or at www.example.eu, not here.";
        let found: Vec<&str> = links(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["https://example.gov/a.pdf", "www.example.eu,"]);
    }

    #[test]
    fn the_first_sentence_ends_at_a_real_full_stop() {
        let text = "The U.S. Department will act. Then more.";
        assert_eq!(&text[..first_sentence_end(text)], "The U.S. Department will act.");
        assert_eq!(first_sentence_end("No stop here"), 12);
    }

    #[test]
    fn a_background_table_is_read_and_written_back() {
        let table = Background::tabulate(["Cooperation on quantum.", "Cooperation on chips."]);
        assert_eq!(table, "documents 2\ncooperation 2\non 2\n");
        let bg = Background::parse(&table).unwrap();
        assert_eq!((bg.documents, bg.df("cooper")), (2, 2));
        assert!(Background::parse("cooperation 2\n").is_err());
        assert!(Background::parse("documents 2\ncooperation two\n").is_err());
    }
}
