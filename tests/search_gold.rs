//! The search against what a reader expects: the twenty queries of
//! `tests/gold/queries.yaml`, written by reading the seeds, each run through
//! the real search. Prints how many pass and why the others fail, and fails
//! below the floor measured when the ranking was last changed.

use jointly::loader::{self, LoadOptions};
use jointly::model::{Corpus, Node, NodePath};
use jointly::search::Searcher;
use serde::Deserialize;

/// Queries passed when the ranking by word class, the typo correction and
/// the folding of diacritics were measured (20 of 20). A change that loses
/// one must say why.
const FLOOR: usize = 20;

#[derive(Debug, Deserialize)]
struct GoldQuery {
    query: String,
    must_contain_word: Vec<String>,
    #[serde(default)]
    expect_in_top3: Vec<String>,
    #[serde(default)]
    forbid_in_top3: Vec<String>,
    corrected_to: Option<String>,
}

/// `text` with diacritics folded, lowercased, white space collapsed: the
/// gold is compared "ignoring case and diacritics". Folded here with
/// deunicode directly, not with the search's own folding under test.
fn normal(text: &str) -> String {
    deunicode::deunicode(text)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `phrase` (normalised) occurs in `text` (normalised) as whole
/// words: neither end inside a word.
fn has_phrase(text: &str, phrase: &str) -> bool {
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        !word_char(before) && !word_char(after)
    })
}

/// The texts a result passes `must_contain_word` through: a commitment's
/// text; an area's title and its commitments; a meeting's title and every
/// commitment under it.
fn texts(corpus: &Corpus, path: NodePath) -> Vec<String> {
    match corpus.get(path) {
        Some(Node::Commitment(_, _, _, _, c)) => vec![c.text.to_string()],
        Some(Node::Area(_, _, a)) => std::iter::once(a.title.clone())
            .chain(a.commitments.iter().map(|c| c.text.to_string()))
            .collect(),
        Some(Node::Meeting(_, m)) => std::iter::once(m.title.clone())
            .chain(
                m.areas
                    .iter()
                    .flat_map(|a| a.commitments.iter().map(|c| c.text.to_string())),
            )
            .collect(),
        // Sections are never results.
        Some(Node::Partnership(_) | Node::Section(..)) | None => Vec::new(),
    }
}

/// Why the answer to `q` falls short of the gold; empty when it passes.
fn failures(corpus: &Corpus, q: &GoldQuery) -> Vec<String> {
    let ranked = Searcher::new(corpus).search(corpus, &q.query);
    let top: Vec<(String, NodePath)> = ranked
        .hits
        .iter()
        .take(3)
        .map(|h| (corpus.id_of(h.path()).unwrap_or_default(), h.path()))
        .collect();
    let mut why = Vec::new();
    let words: Vec<String> = q.must_contain_word.iter().map(|w| normal(w)).collect();
    for (i, (id, path)) in top.iter().enumerate() {
        let holds = texts(corpus, *path)
            .iter()
            .any(|t| words.iter().any(|w| has_phrase(&normal(t), w)));
        if !holds {
            why.push(format!("#{} {id} holds none of {:?}", i + 1, q.must_contain_word));
        }
        if q.forbid_in_top3.contains(id) {
            why.push(format!("#{} {id} is forbidden", i + 1));
        }
    }
    if !q.expect_in_top3.is_empty() && !top.iter().any(|(id, _)| q.expect_in_top3.contains(id)) {
        why.push(format!("none of {:?} in the first three", q.expect_in_top3));
    }
    if ranked.corrected != q.corrected_to {
        why.push(format!(
            "corrected to {:?}, expected {:?}",
            ranked.corrected, q.corrected_to
        ));
    }
    if !why.is_empty() {
        let ids: Vec<&str> = top.iter().map(|(id, _)| id.as_str()).collect();
        why.push(format!("first three: {ids:?}"));
    }
    why
}

#[test]
fn the_gold_queries_find_what_a_reader_expects_in_the_first_three() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gold/queries.yaml");
    let text = std::fs::read_to_string(path).expect("tests/gold/queries.yaml");
    let gold: Vec<GoldQuery> = serde_yaml::from_str(&text).expect("the gold parses");
    assert_eq!(gold.len(), 20, "twenty queries");
    let corpus = loader::load(&LoadOptions::embedded_only()).corpus;
    let mut passed = 0;
    let mut report = String::new();
    for q in &gold {
        let why = failures(&corpus, q);
        if why.is_empty() {
            passed += 1;
        } else {
            report.push_str(&format!("  `{}`:\n    {}\n", q.query, why.join("\n    ")));
        }
    }
    println!("search gold: queries passed {passed}/{}", gold.len());
    if !report.is_empty() {
        println!("failures:\n{report}");
    }
    assert!(
        passed >= FLOOR,
        "{passed}/{} queries passed, below the floor of {FLOOR}:\n{report}",
        gold.len()
    );
}

#[test]
fn the_gold_check_can_fail() {
    // The phrase check is whole words, case and diacritics aside.
    assert!(has_phrase(&normal("the U.S.-ASEAN Smart"), "asean"));
    assert!(has_phrase(&normal("Singapore’s"), "singapore"));
    assert!(has_phrase(&normal("Türkiye and"), "turkiye"));
    assert!(!has_phrase(&normal("the United States"), "unit"));
    assert!(!has_phrase(&normal("aims to"), "ai"));
    // A query the gold does not describe fails it.
    let corpus = loader::load(&LoadOptions::embedded_only()).corpus;
    let wrong = GoldQuery {
        query: "quantum".into(),
        must_contain_word: vec!["scam".into()],
        expect_in_top3: vec!["eu-sg-dp/2025-12-01/online-safety-and-scams".into()],
        forbid_in_top3: vec!["eu-sg-dp/2025-12-01/quantum".into()],
        corrected_to: Some("quantum".into()),
    };
    let why = failures(&corpus, &wrong);
    assert!(why.len() >= 5, "{why:#?}");
}
