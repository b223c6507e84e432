//! A fuzz target for the three readers of user-supplied text: the loader
//! (statement files), the importer (statement text, front matter included)
//! and the config reader. Inputs are built from YAML's own structure
//! (anchors, aliases, tags, flow and block collections, nesting), the
//! schemas' keys, and hostile strings (escape sequences, bidi controls,
//! byte-order marks, long words), or are the seeds and the default config
//! mutated. For every input: nothing panics; the loader's and the config
//! reader's problems name their file; the importer's output passes its own
//! fidelity check; and no input makes a reader allocate more than a bound
//! proportional to its size (what an alias bomb breaks).
//!
//! In CI it runs a few hundred cases (a few seconds). A longer search:
//! `JOINTLY_FUZZ_SECONDS=600 cargo test --release --test fuzz -- --nocapture`
//! runs for ten minutes and prints how many inputs it tried.

use std::alloc::System;
use std::time::{Duration, Instant};

use cap::Cap;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

use jointly::import::{ImportOptions, import};
use jointly::loader::{SEEDS, SourceLookup, parse_statement};

/// Counts the heap, so that a reader's peak can be bounded.
#[global_allocator]
static HEAP: Cap<System> = Cap::new(System, usize::MAX);

/// The most a reader may allocate, above what it held before, for `len`
/// bytes of input: generous for the parser's own events and the model, far
/// below what an alias amplification takes (a thousand times the input).
fn heap_bound(len: usize) -> usize {
    64 * len + 4 * 1024 * 1024
}

fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z][a-z0-9-]{0,12}",
        2 => "[A-Z][a-z]{1,10}( [a-z]{1,8}){0,6}\\.",
        1 => Just("2025-12-01".to_string()),
        1 => Just("\"2025-02-30\"".to_string()),
        1 => Just("\"\\e]52;c;cm0gLXJmIH4K\\a\\e]0;PWNED\\a\"".to_string()),
        1 => Just("\"\\u202Ereversed\\u2066\\u200B\"".to_string()),
        1 => Just("\u{feff}".to_string()),
        1 => "[0-9]{1,4}",
        1 => Just("~".to_string()),
        1 => Just("!!binary aGk=".to_string()),
        1 => Just("!custom x".to_string()),
        1 => (1usize..5000).prop_map(|n| "W".repeat(n)),
        1 => Just("|\n  block\n  text".to_string()),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "partnership",
        "meeting",
        "areas",
        "id",
        "name",
        "parties",
        "title",
        "date",
        "dateline",
        "place",
        "co_chairs",
        "role",
        "source",
        "file",
        "url",
        "preamble",
        "closing",
        "topics",
        "commitments",
        "text",
        "stance",
        "keys",
        "theme",
        "default_view",
        "quit",
        "move_down",
        "help",
        "suspend",
        "border",
        "match",
        "version",
        "bookmarks",
        "deleted",
        "<<",
        "? complex",
    ])
    .prop_map(String::from)
}

/// A YAML node, in flow style, with anchors and aliases among its parts.
fn node() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        6 => scalar(),
        1 => "[a-c]".prop_map(|a| format!("*{a}")),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(|v| format!("[{}]", v.join(", "))),
            prop::collection::vec((key(), inner.clone()), 0..6).prop_map(|v| {
                let pairs: Vec<String> = v.into_iter().map(|(k, n)| format!("{k}: {n}")).collect();
                format!("{{{}}}", pairs.join(", "))
            }),
            ("[a-c]", inner).prop_map(|(a, n)| format!("&{a} {n}")),
        ]
    })
}

/// A YAML document: block mappings of schema keys over nodes, maybe with
/// several `---` documents, a byte-order mark, CRLF.
fn yaml_document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((key(), node()), 0..10),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(pairs, bom, crlf, two)| {
            let mut s = String::new();
            if bom {
                s.push('\u{feff}');
            }
            for (k, n) in pairs {
                s.push_str(&format!("{k}: {n}\n"));
            }
            if two {
                s.push_str("---\nsecond: document\n");
            }
            if crlf { s.replace('\n', "\r\n") } else { s }
        })
}

/// An anchor of `n` strings of `len` bytes, aliased where the schema
/// expects a list, `uses` times: as a statement's commitments (the
/// amplification of issue 18), or as a setting's value; or chained anchors
/// each aliasing the one before (the "billion laughs").
fn laughs() -> impl Strategy<Value = String> {
    let amplifier = (1usize..60, 1usize..400, 1usize..400, any::<bool>()).prop_map(|(n, len, uses, statement)| {
        let anchor: String = (0..n).map(|i| format!("  - \"{i}{}\"\n", "x".repeat(len))).collect();
        if statement {
            let areas: String = (0..uses)
                .map(|i| format!("  - {{id: a{i}, title: A, commitments: *c}}\n"))
                .collect();
            format!(
                "partnership: {{id: p, name: P, parties: [a]}}\nmeeting: {{title: T, date: \"2024-01-01\"}}\npreamble: &c\n{anchor}areas:\n{areas}"
            )
        } else {
            let uses: String = (0..uses).map(|i| format!("  r{i}: *c\n")).collect();
            format!("keys: &c\n{anchor}theme:\n{uses}")
        }
    });
    let chain = (key(), 2usize..9, 2usize..12, 1usize..200).prop_map(|(k, depth, width, len)| {
        let mut s = format!("{k}:\n  - &l0 \"{}\"\n", "x".repeat(len));
        for d in 1..depth {
            let prev = vec![format!("*l{}", d - 1); width].join(", ");
            s.push_str(&format!("  - &l{d} [{prev}]\n"));
        }
        s
    });
    prop_oneof![amplifier, chain]
}

/// `text` with a slice replaced by `insert`.
fn mutated(text: &str, at: prop::sample::Index, len: usize, insert: &str) -> String {
    let mut start = at.index(text.len().max(1)).min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + len).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{insert}{}", &text[..start], &text[end..])
}

/// One input for one reader.
#[derive(Debug, Clone)]
enum Input {
    Statement(String),
    Config(String),
    Import { text: String, markdown: bool },
}

fn input() -> impl Strategy<Value = Input> {
    let seed = (0..SEEDS.len(), any::<prop::sample::Index>(), 0usize..200, node())
        .prop_map(|(s, at, len, insert)| mutated(SEEDS[s].text, at, len, &insert));
    let config = (any::<prop::sample::Index>(), 0usize..100, node())
        .prop_map(|(at, len, insert)| mutated(jointly::config::DEFAULT_TEXT, at, len, &insert));
    let front = (
        yaml_document(),
        prop::collection::vec("[A-Z][a-z]{1,8}( [a-z]{1,8}){0,8}\\.", 0..12),
    )
        .prop_map(|(front, lines)| {
            format!(
                "---\n{front}---\n\n# Joint Statement\n\n1 December 2025\n\n## Quantum\n\n{}\n",
                lines
                    .iter()
                    .map(|l| format!("- {l}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
    prop_oneof![
        3 => yaml_document().prop_map(Input::Statement),
        1 => laughs().prop_map(Input::Statement),
        1 => laughs().prop_map(Input::Config),
        3 => seed.prop_map(Input::Statement),
        2 => yaml_document().prop_map(Input::Config),
        2 => config.prop_map(Input::Config),
        2 => (front, any::<bool>()).prop_map(|(text, markdown)| Input::Import { text, markdown }),
    ]
}

/// Runs one input through its reader and checks what it gave.
fn check(input: &Input) -> Result<(), String> {
    let before = HEAP.allocated();
    let peak_before = HEAP.max_allocated();
    let len = match input {
        Input::Statement(text) => {
            match parse_statement("fuzz.yaml", text, &SourceLookup::Embedded) {
                Ok((_, _, warnings)) => {
                    for w in warnings {
                        if !w.to_string().starts_with("fuzz.yaml") || w.is_error() {
                            return Err(format!("warning {w}"));
                        }
                    }
                }
                Err(p) => {
                    if !p.is_error() || !p.to_string().starts_with("fuzz.yaml") {
                        return Err(format!("error {p}"));
                    }
                }
            }
            text.len()
        }
        Input::Config(text) => {
            let (config, problems) = jointly::config::parse("fuzz.yaml", Some(text));
            for p in &problems {
                if !p.to_string().starts_with("fuzz.yaml") {
                    return Err(format!("config problem {p}"));
                }
            }
            if config.keys.keys(jointly::app::Action::Quit).is_empty() {
                return Err("quit lost its keys".into());
            }
            text.len()
        }
        Input::Import { text, markdown } => {
            let opts = ImportOptions {
                source_file: if *markdown {
                    "statement.md"
                } else {
                    "statement.txt"
                }
                .into(),
                ..ImportOptions::default()
            };
            match import("statement", text, &opts) {
                Ok(imported) if !imported.drift.is_empty() => {
                    return Err(format!("drift {:?}", imported.drift));
                }
                Ok(_) => {}
                Err(p) => {
                    if !p.is_error() || !p.to_string().starts_with("statement") {
                        return Err(format!("import error {p}"));
                    }
                }
            }
            text.len()
        }
    };
    // The heap's peak only ever grows: a new one was reached by this input.
    let peak = HEAP.max_allocated();
    if peak > peak_before && peak - before > heap_bound(len) {
        return Err(format!(
            "allocated {} bytes for {len} bytes of input",
            peak - before
        ));
    }
    Ok(())
}

#[test]
fn the_loader_the_importer_and_the_config_reader_on_fuzzed_input() {
    let seconds: u64 = std::env::var("JOINTLY_FUZZ_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    // A runaway input aborts the test rather than the machine.
    let _ = HEAP.set_limit(4 << 30);
    let mut runner = TestRunner::new(Config::default());
    let strategy = input();
    let mut tried = 0u64;
    let mut kinds = [0u64; 3];
    // At least 300 inputs; with JOINTLY_FUZZ_SECONDS, as many as fit.
    while tried < 300 || Instant::now() < deadline {
        let mut tree = strategy.new_tree(&mut runner).expect("a case");
        let case = tree.current();
        kinds[match case {
            Input::Statement(_) => 0,
            Input::Config(_) => 1,
            Input::Import { .. } => 2,
        }] += 1;
        if let Err(why) = check(&case) {
            // Shrink to the smallest input that still fails.
            let mut smallest = (case, why);
            while tree.simplify() {
                let c = tree.current();
                if let Err(w) = check(&c) {
                    smallest = (c, w);
                }
            }
            panic!("{}\n--- input:\n{:?}", smallest.1, smallest.0);
        }
        tried += 1;
    }
    eprintln!(
        "fuzz: {tried} inputs (statements {}, configs {}, imports {}) in {:?}",
        kinds[0],
        kinds[1],
        kinds[2],
        Duration::from_secs(seconds)
    );
}
