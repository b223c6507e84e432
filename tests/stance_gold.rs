//! Stance and actor against the gold written by reading (tests/gold/stance.yaml):
//! the seeds as embedded, and five corpus statements imported with the current
//! importer (tests/fixtures/corpus/, copied byte for byte from the shared
//! corpus). Prints the agreement per statement and fails below a floor.
//!
//! Corpus entries name a commitment by its first words; one the importer did
//! not cut out as a commitment of its own is counted "unmatched" and left out
//! of the accuracy (the importer, not stance, decides what a commitment is).
//! Each entry's first words are also read on their own, with no importer, and
//! an unmatched entry's whole sentence is read from the source.

use std::collections::HashMap;
use std::path::PathBuf;

use jointly::compare::stance::{self, Parties};
use jointly::compare::{Taxonomy, annotate};
use jointly::import::{ImportOptions, import};
use jointly::loader::{LoadOptions, Loaded, SourceLookup, load, parse_statement};
use jointly::model::{Corpus, Meeting, Node, Partnership};
use serde::Deserialize;

#[derive(Deserialize)]
struct Statement {
    statement: String,
    items: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    id: Option<String>,
    text: Option<String>,
    stance: String,
    actor: String,
}

fn gold() -> Vec<Statement> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/gold/stance.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    serde_yaml::from_str(&text).unwrap()
}

/// The parties of each corpus statement, as its text names them.
fn parties_of(file: &str) -> Vec<String> {
    let p: &[&str] = if file.contains("quad") {
        &["United States", "Australia", "India", "Japan"]
    } else if file.contains("u-s-eu") {
        &["United States", "European Union"]
    } else if file.contains("singapore") {
        &["United States", "Singapore"]
    } else if file.contains("japan-and-republic-of-korea") {
        &["United States", "Japan", "Republic of Korea"]
    } else {
        panic!("no parties known for {file}: add them here")
    };
    p.iter().map(|s| s.to_string()).collect()
}

/// White space collapsed, markup dropped: how first words are compared.
fn norm(s: &str) -> String {
    s.replace(['*', '\\'], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Default)]
struct Score {
    n: usize,
    stance: usize,
    actor: usize,
    unknown: usize,
    unmatched: usize,
    misses: Vec<String>,
}

impl Score {
    fn add(&mut self, label: &str, got: (Option<&str>, String), want: &Item) {
        self.n += 1;
        let stance = got.0.unwrap_or("unknown");
        self.unknown += usize::from(got.0.is_none());
        let ok_s = stance == want.stance;
        let ok_a = got.1 == want.actor;
        self.stance += usize::from(ok_s);
        self.actor += usize::from(ok_a);
        if !ok_s || !ok_a {
            self.misses.push(format!(
                "    {label}: got {stance}/{}, gold {}/{}",
                got.1, want.stance, want.actor
            ));
        }
    }

    fn pct(k: usize, n: usize) -> f64 {
        if n == 0 {
            100.0
        } else {
            100.0 * k as f64 / n as f64
        }
    }
}

/// The meeting of an imported corpus file, annotated.
fn imported(file: &str) -> (Partnership, Meeting) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let opts = ImportOptions {
        source_file: file.to_string(),
        partnership_id: Some("gold".into()),
        partnership_name: Some("Gold".into()),
        parties: parties_of(file),
        ..ImportOptions::default()
    };
    let imported = import(file, &text, &opts).unwrap_or_else(|e| panic!("{file}: {e}"));
    let (mut p, m, _) = parse_statement(file, &imported.yaml, &SourceLookup::Given(text)).unwrap();
    p.meetings.push(m);
    let mut loaded = Loaded::default();
    loaded.corpus.partnerships.push(p);
    annotate(&mut loaded.corpus, Taxonomy::builtin());
    let mut p = loaded.corpus.partnerships.remove(0);
    let m = p.meetings.remove(0);
    (p, m)
}

/// The sentence of corpus file `file` that starts with `first` (normalised
/// words), read from the source with markup dropped.
fn source_sentence(file: &str, first: &str) -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus")
        .join(file);
    let text = norm(&std::fs::read_to_string(&path).ok()?);
    let rest = &text[text.find(first)?..];
    // The sentence ends at ". X" (not after an abbreviation), at ";", or
    // where the next list item (" - ") or paragraph mark begins.
    let mut end = rest.len();
    for (i, _) in rest.match_indices(' ') {
        let (before, after) = (&rest[..i], &rest[i + 1..]);
        let abbreviation = ["U.S.", "D.C.", "Dr.", "e.g.", "i.e.", "No.", "Ltd."]
            .iter()
            .any(|a| before.ends_with(a));
        let full_stop = before.ends_with('.') && after.starts_with(char::is_uppercase) && !abbreviation;
        if full_stop || before.ends_with(';') || after.starts_with("- ") || after.starts_with("<!--") {
            end = i;
            break;
        }
    }
    Some(rest[..end].to_string())
}

#[test]
fn stance_and_actor_agree_with_the_gold() {
    let mut seeds = load(&LoadOptions::embedded_only());
    annotate(&mut seeds.corpus, Taxonomy::builtin());
    let seeds: Corpus = seeds.corpus;
    let mut by_statement: Vec<(String, Score)> = Vec::new();
    let mut direct = Score::default();
    let mut no_stance: Vec<String> = Vec::new();
    let mut unmatched = Score::default();
    for st in gold() {
        let mut score = Score::default();
        if let Some(meeting) = st.statement.strip_prefix("seed:") {
            for item in &st.items {
                let id = item
                    .id
                    .as_deref()
                    .unwrap_or_else(|| panic!("{meeting}: seed items need an id"));
                let Some(Node::Commitment(p, _, _, _, c)) = seeds.resolve(id).and_then(|n| seeds.get(n))
                else {
                    panic!("gold names {id}, which the seeds do not have")
                };
                score.add(
                    id,
                    (c.stance.map(|s| s.0.as_str()), c.actor.name(&p.parties)),
                    item,
                );
            }
        } else {
            let (p, m) = imported(&st.statement);
            let commitments: Vec<_> = m.areas.iter().flat_map(|a| &a.commitments).collect();
            // Whatever the importer made a commitment and has no stance: it should hold no verb.
            for c in commitments.iter().filter(|c| c.stance.is_none()) {
                no_stance.push(format!("    {}: {}", st.statement, c.text));
            }
            let parties = Parties::new(&p.parties);
            for item in &st.items {
                let first = norm(
                    item.text
                        .as_deref()
                        .unwrap_or_else(|| panic!("{}: items need text", st.statement)),
                );
                // The gold's first words read on their own.
                let r = stance::read(&first, None, &parties);
                direct.add(
                    &first,
                    (r.stance.map(|s| s.as_str()), r.actor.name(&p.parties)),
                    item,
                );
                match commitments.iter().find(|c| norm(&c.text).starts_with(&first)) {
                    Some(c) => score.add(
                        &first,
                        (c.stance.map(|s| s.0.as_str()), c.actor.name(&p.parties)),
                        item,
                    ),
                    None => {
                        score.unmatched += 1;
                        // Not a commitment of its own after import: read the
                        // source's sentence that starts with these words.
                        match source_sentence(&st.statement, &first) {
                            Some(sentence) => {
                                let r = stance::read(&sentence, None, &parties);
                                let got = (r.stance.map(|s| s.as_str()), r.actor.name(&p.parties));
                                unmatched.add(&sentence, got, item);
                            }
                            // Markup (a link) inside the first words.
                            None => unmatched.unmatched += 1,
                        }
                    }
                }
            }
        }
        by_statement.push((st.statement.clone(), score));
    }

    let mut total = Score::default();
    let mut seeds_total = Score::default();
    println!("stance and actor against tests/gold/stance.yaml:");
    for (name, s) in &by_statement {
        println!(
            "  {name}: {} matched, stance {:.0}% ({}/{}), actor {:.0}% ({}/{}), unknown {}, unmatched {}",
            s.n,
            Score::pct(s.stance, s.n),
            s.stance,
            s.n,
            Score::pct(s.actor, s.n),
            s.actor,
            s.n,
            s.unknown,
            s.unmatched
        );
        for m in &s.misses {
            println!("{m}");
        }
        let into = if name.starts_with("seed:") {
            &mut seeds_total
        } else {
            &mut total
        };
        into.n += s.n;
        into.stance += s.stance;
        into.actor += s.actor;
        into.unknown += s.unknown;
        into.unmatched += s.unmatched;
    }
    let line = |label: &str, s: &Score| {
        println!(
            "  {label}: stance {:.1}% ({}/{}), actor {:.1}% ({}/{}), unknown {}, unmatched {}",
            Score::pct(s.stance, s.n),
            s.stance,
            s.n,
            Score::pct(s.actor, s.n),
            s.actor,
            s.n,
            s.unknown,
            s.unmatched
        );
    };
    line("seeds", &seeds_total);
    line("corpus (imported)", &total);
    line("corpus, the gold's first words alone (no lead-in)", &direct);
    for m in &direct.misses {
        println!("{m}");
    }
    line(
        "corpus, unmatched entries read from their source sentence",
        &unmatched,
    );
    for m in &unmatched.misses {
        println!("{m}");
    }
    println!("  imported commitments with no stance: {}", no_stance.len());
    for m in &no_stance {
        println!("{m}");
    }

    // Floors set from the measurement recorded in the README (seeds 100%/100%,
    // corpus 98.5%/100%, first words alone 59.5%, unmatched entries read from
    // their source sentence 100%), a little below it.
    let floors: HashMap<&str, f64> = [
        ("seed stance", 97.0),
        ("seed actor", 97.0),
        ("corpus stance", 92.0),
        ("corpus actor", 95.0),
        ("direct stance", 55.0),
        ("unmatched stance", 80.0),
    ]
    .into();
    assert_eq!(
        seeds_total.unknown, 0,
        "every seed commitment has a verb, so a stance"
    );
    let check = |what: &str, k: usize, n: usize| {
        let got = Score::pct(k, n);
        assert!(
            got >= floors[what],
            "{what}: {got:.1}% is below the floor of {}%",
            floors[what]
        );
    };
    check("seed stance", seeds_total.stance, seeds_total.n);
    check("seed actor", seeds_total.actor, seeds_total.n);
    check("corpus stance", total.stance, total.n);
    check("corpus actor", total.actor, total.n);
    check("direct stance", direct.stance, direct.n);
    check("unmatched stance", unmatched.stance, unmatched.n);
}
