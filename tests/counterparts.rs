//! Counterparts between two meetings, measured against counterparts read by
//! a person (`tests/gold/counterparts.yaml`), and the background of word
//! frequencies they are weighed by.

use std::path::{Path, PathBuf};

use jointly::compare::counterparts::{self, Background, Counterparts};
use jointly::compare::{Side, Taxonomy, annotate};
use jointly::glossary::Glossary;
use jointly::loader::{LoadOptions, load};
use jointly::model::{Corpus, NodePath};

fn seeds() -> Corpus {
    let mut loaded = load(&LoadOptions::embedded_only());
    annotate(&mut loaded.corpus, Taxonomy::builtin());
    loaded.corpus
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The statements the background is counted on: the real statements in
/// `../shared/corpus` (never the seeds, whose counterparts the gold
/// measures; nor the importer's fixtures, which change with the importer).
/// `None` where `../shared` is not there.
fn background_sources() -> Option<Vec<(String, String)>> {
    let corpus = repo().join("../shared/corpus");
    if !corpus.is_dir() {
        return None;
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in [corpus] {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            if (name.ends_with(".md") || name.ends_with(".txt")) && name != "README.md" {
                files.push(p);
            }
        }
    }
    files.sort();
    Some(
        files
            .into_iter()
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().to_string();
                (name, std::fs::read_to_string(&p).unwrap())
            })
            .collect(),
    )
}

/// The sentences and list items of a statement's text: front matter, link
/// targets and markup left out. Crude, but the background only needs to know
/// which words are common.
fn sentences(text: &str) -> Vec<String> {
    let body = match text.strip_prefix("---\n") {
        Some(rest) => rest.split_once("\n---\n").map_or(rest, |(_, b)| b),
        None => text,
    };
    let mut out = Vec::new();
    for para in body.split("\n\n") {
        let mut p = String::new();
        for line in para.lines() {
            // Link targets are not words of the statement.
            let mut line = line.to_string();
            while let Some(start) = line.find("](") {
                match line[start..].find(')') {
                    Some(end) => line.replace_range(start + 1..start + end + 1, ""),
                    None => break,
                }
            }
            p.push(' ');
            p.push_str(&line);
        }
        let mut start = 0;
        let chars: Vec<(usize, char)> = p.char_indices().collect();
        for w in chars.windows(3) {
            let (at, c) = w[0];
            if matches!(c, '.' | '?' | '!' | ';') && w[1].1 == ' ' && w[2].1.is_uppercase() {
                out.push(p[start..at].to_string());
                start = w[1].0;
            }
        }
        out.push(p[start..].to_string());
    }
    out.retain(|s| s.chars().filter(|c| c.is_alphabetic()).count() > 20);
    out
}

fn tabulated() -> Option<String> {
    let sources = background_sources()?;
    let mut docs = Vec::new();
    for (_, text) in &sources {
        docs.extend(sentences(text));
    }
    let mut out = String::from(
        "# How many sentences (or list items) of real joint statements hold each word:\n\
         # the background by which jointly weighs the words two commitments share\n\
         # (src/compare/counterparts.rs). Counted on ../shared/corpus;\n\
         # regenerate with\n\
         #   cargo test --test counterparts -- --ignored write_background\n",
    );
    out.push_str(&Background::tabulate(docs.iter().map(String::as_str)));
    Some(out)
}

#[test]
#[ignore = "writes assets/background.txt"]
fn write_background() {
    let table = tabulated().expect("../shared/corpus is needed");
    std::fs::write(repo().join("assets/background.txt"), table).unwrap();
}

#[test]
fn builtin_background_parses_and_is_up_to_date() {
    let bg = Background::parse(counterparts::BACKGROUND).unwrap();
    drop(bg);
    match tabulated() {
        Some(table) => assert!(
            table == counterparts::BACKGROUND,
            "assets/background.txt is stale: cargo test --test counterparts -- --ignored write_background"
        ),
        None => eprintln!("skipped: ../shared/corpus is not there"),
    }
}

/// One gold entry: a commitment, its counterpart (`None` for none) and the
/// alternatives a reader also accepts.
struct Gold {
    id: String,
    counterpart: Option<String>,
    also: Vec<String>,
}

fn gold(path: &Path) -> (String, String, Vec<Gold>) {
    let text = std::fs::read_to_string(path).unwrap();
    let v: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let from = v["pair"]["from"].as_str().unwrap().to_string();
    let to = v["pair"]["to"].as_str().unwrap().to_string();
    let entries = v["seeds"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|e| Gold {
            id: e["id"].as_str().unwrap().to_string(),
            counterpart: e["counterpart"]
                .as_str()
                .filter(|c| *c != "none")
                .map(str::to_string),
            also: e["also"]
                .as_sequence()
                .map(|s| s.iter().map(|x| x.as_str().unwrap().to_string()).collect())
                .unwrap_or_default(),
        })
        .collect();
    (from, to, entries)
}

/// The id of a commitment of `side`'s meeting.
fn commitment_id(corpus: &Corpus, cp: &Counterparts, side: Side, area: usize, c: usize) -> String {
    let id = corpus.id_of(cp.meeting(side)).unwrap();
    let (p, m) = cp.meeting(side).meeting().unwrap();
    format!(
        "{id}/{}/{}",
        corpus.partnerships[p].meetings[m].areas[area].id,
        c + 1
    )
}

/// Counterparts of the seeds against the gold: the right answers, their
/// number and a line per entry.
fn measure(corpus: &Corpus) -> (usize, usize, String) {
    let corpus = corpus.clone();
    let glossary = Glossary::build(&corpus);
    let (from, to, entries) = gold(&repo().join("tests/gold/counterparts.yaml"));
    let (left, right) = (corpus.resolve(&from).unwrap(), corpus.resolve(&to).unwrap());
    let cp = Counterparts::between(&corpus, left, right, Taxonomy::builtin(), &glossary).unwrap();
    let (mut right_answers, mut found, mut nones) = (0, 0, 0);
    let mut report = String::new();
    for e in &entries {
        let Some(NodePath::Commitment(_, _, a, c)) = corpus.resolve(&e.id) else {
            panic!("gold id {} is not a commitment of the seeds", e.id)
        };
        let got = cp.of(Side::Left, a, c);
        let top = got
            .first()
            .map(|m| commitment_id(&corpus, &cp, Side::Right, m.area, m.commitment));
        let ok = match (&e.counterpart, &top) {
            (None, None) => true,
            (Some(want), Some(top)) => top == want || e.also.contains(top),
            _ => false,
        };
        right_answers += usize::from(ok);
        found += usize::from(ok && e.counterpart.is_some());
        nones += usize::from(ok && e.counterpart.is_none());
        let shown: Vec<String> = got
            .iter()
            .map(|m| {
                format!(
                    "{} {:.3} {} [{}]",
                    commitment_id(&corpus, &cp, Side::Right, m.area, m.commitment)
                        .rsplit_once("2023-10-12/")
                        .map_or(String::new(), |x| x.1.to_string()),
                    m.score,
                    m.strength.as_str(),
                    m.shared.join(", ")
                )
            })
            .collect();
        report.push_str(&format!(
            "{} {:<34} want {:<28} got {}\n",
            if ok { "ok  " } else { "MISS" },
            e.id.rsplit_once("2025-12-01/").map_or("", |x| x.1),
            e.counterpart
                .as_deref()
                .and_then(|c| c.rsplit_once("2023-10-12/"))
                .map_or("none", |x| x.1),
            if shown.is_empty() {
                "none".into()
            } else {
                shown.join("; ")
            }
        ));
    }
    let with = entries.iter().filter(|e| e.counterpart.is_some()).count();
    let total = entries.len();
    report.push_str(&format!(
        "counterpart top-1 accuracy: {right_answers}/{total} ({:.0}%): {found}/{with} counterparts, {nones}/{} none",
        100.0 * right_answers as f64 / total as f64,
        total - with
    ));
    (right_answers, total, report)
}

#[test]
fn counterparts_agree_with_the_gold_reading_of_the_seeds() {
    let (right, total, report) = measure(&seeds());
    println!("{report}");
    // Floor set from the measurement (see the README): a change that loses
    // more than one right answer fails.
    assert!(
        right >= FLOOR,
        "{right}/{total} below the floor {FLOOR}\n{report}"
    );
}

#[test]
fn counterparts_by_inferred_topics_alone() {
    // The seeds' topics are context for their commitments; with them
    // removed, inferred ones take their place.
    let mut loaded = jointly::loader::Loaded::default();
    for seed in jointly::loader::SEEDS {
        let text: String = seed
            .text
            .lines()
            .filter(|l| !l.trim_start().starts_with("topics:"))
            .map(|l| format!("{l}\n"))
            .collect();
        let (mut p, m, _) =
            jointly::loader::parse_statement(seed.name, &text, &jointly::loader::SourceLookup::Embedded)
                .unwrap();
        p.meetings.push(m);
        loaded.corpus.partnerships.push(p);
    }
    annotate(&mut loaded.corpus, Taxonomy::builtin());
    let (right, total, report) = measure(&loaded.corpus);
    println!("by inferred topics:\n{report}");
    assert!(
        right >= FLOOR_INFERRED,
        "{right}/{total} below the floor {FLOOR_INFERRED}\n{report}"
    );
}

/// The fewest right answers (of 18) the seeds' gold must get.
const FLOOR: usize = 14;

/// The same, with the seeds' topics inferred.
const FLOOR_INFERRED: usize = 14;
