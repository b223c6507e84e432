//! Properties of the loader and the importer on hostile input: arbitrary
//! bytes, statement-like text built from the markup they look for, and seed
//! files mutated line by line. Nothing panics; what the importer accepts
//! passes its fidelity check; what the loader refuses is a located error.
//!
//! Case counts suit a 2-core CI machine; `JOINTLY_PROPTEST_CASES=5000 cargo
//! test --release --test input_properties` runs a longer search.

use proptest::prelude::*;
use proptest::sample::Index;

use jointly::import::{ImportOptions, import};
use jointly::loader::{SEED_SOURCES, SEEDS, SourceLookup, load_paths, parse_statement};
use jointly::model::Date;

/// Cases per property: `default`, or `JOINTLY_PROPTEST_CASES`.
fn cases(default: u32) -> u32 {
    std::env::var("JOINTLY_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config(default: u32) -> ProptestConfig {
    ProptestConfig {
        cases: cases(default),
        ..ProptestConfig::default()
    }
}

/// Pieces of statements and of their markup, and characters that break naive code.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-z]{1,10}",
        2 => "[A-Z]{2,8}",
        // NUL makes a text binary at once; arbitrary bytes try it.
        1 => any::<char>().prop_filter("not NUL", |c| *c != '\0').prop_map(String::from),
        3 => prop::sample::select(vec![
            "# ", "## ", "###### ", "- ", "* ", "+ ", "• ", "– ", "1. ", "12) ", "(a) ", "iv. ", "IV. ", "**", "__",
            ":", ":**", "**:", ".", ". ", "? ", "\u{a0}", "\u{a0} ", "\r", "\t", "\\", "\\###", "###", "---", "***",
            "“", "”", "’", "—", "–", "(", ")", "\"", "1 December 2025", "December 1, 2025", "2025-12-01",
            "U.S.", "D.C.", "Dr.", "e.g.", "R.", "Jr.", "took place in Brussels", "in Washington, D.C., ",
            "The EU and Singapore:", "Quantum Technologies: ", "Joint Statement of the", "\u{feff}", "\u{200b}", "e\u{301}", "😀", "漢字",
            "\u{1b}[31m", "\u{85}", "\u{2028}", "title: ", "date: ", "'", "&a ", "*a",
        ])
        .prop_map(String::from),
    ]
}

/// A line of pieces, joined by spaces or not.
fn line() -> impl Strategy<Value = String> {
    (prop::collection::vec(piece(), 0..10), any::<bool>())
        .prop_map(|(pieces, spaced)| pieces.join(if spaced { " " } else { "" }))
}

/// A statement-like document: lines, CRLF or LF, maybe front matter.
fn document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(line(), 0..40),
        any::<bool>(),
        prop::option::of(line()),
    )
        .prop_map(|(lines, crlf, front)| {
            let mut text = String::new();
            if let Some(title) = front {
                text.push_str(&format!(
                    "---\ntitle: \"{}\"\ndate: 2025-12-01\n---\n",
                    title.replace('"', "")
                ));
            }
            text.push_str(&lines.join(if crlf { "\r\n" } else { "\n" }));
            text
        })
}

/// One edit of a text's lines.
#[derive(Debug, Clone)]
enum Edit {
    Delete(Index),
    Duplicate(Index),
    Swap(Index),
    Insert(Index, Index, String),
    Join(Index),
    Split(Index, Index),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        any::<Index>().prop_map(Edit::Delete),
        any::<Index>().prop_map(Edit::Duplicate),
        any::<Index>().prop_map(Edit::Swap),
        (any::<Index>(), any::<Index>(), piece()).prop_map(|(l, c, s)| Edit::Insert(l, c, s)),
        any::<Index>().prop_map(Edit::Join),
        (any::<Index>(), any::<Index>()).prop_map(|(l, c)| Edit::Split(l, c)),
    ]
}

/// The text with the edits applied, line by line.
fn mutate(text: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    for e in edits {
        if lines.is_empty() {
            break;
        }
        let n = lines.len();
        let at_char = |s: &str, c: &Index| {
            let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
            bounds[c.index(bounds.len())]
        };
        match e {
            Edit::Delete(i) => {
                lines.remove(i.index(n));
            }
            Edit::Duplicate(i) => {
                let l = lines[i.index(n)].clone();
                lines.insert(i.index(n), l);
            }
            Edit::Swap(i) => lines.swap(i.index(n), (i.index(n) + 1) % n),
            Edit::Insert(i, c, s) => {
                let l = &mut lines[i.index(n)];
                let at = at_char(l, c);
                l.insert_str(at, s);
            }
            Edit::Join(i) => {
                let k = i.index(n);
                if k + 1 < n {
                    let next = lines.remove(k + 1);
                    lines[k].push_str(&next);
                }
            }
            Edit::Split(i, c) => {
                let k = i.index(n);
                let at = at_char(&lines[k], c);
                let tail = lines[k].split_off(at);
                lines.insert(k + 1, tail);
            }
        }
    }
    lines.join("\n")
}

/// Imports `text`; whatever is accepted loads and equals its source.
fn imports_faithfully(text: &str, markdown: bool, date: bool) -> Result<(), TestCaseError> {
    let opts = ImportOptions {
        source_file: if markdown { "statement.md" } else { "statement.txt" }.into(),
        date: if date { Date::new(2025, 12, 1) } else { None },
        ..ImportOptions::default()
    };
    match import("statement", text, &opts) {
        Ok(imported) => {
            prop_assert!(
                imported.drift.is_empty(),
                "drift: {:#?}\n--- text:\n{text}",
                imported.drift
            );
            prop_assert!(
                imported
                    .statement
                    .areas
                    .0
                    .iter()
                    .all(|a| !a.commitments.0.is_empty())
            );
        }
        Err(p) => {
            prop_assert!(p.is_error() && !p.message.is_empty());
            prop_assert!(p.to_string().starts_with("statement"), "{p}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn importer_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..3000), md: bool, date: bool) {
        imports_faithfully(&String::from_utf8_lossy(&bytes), md, date)?;
    }

    #[test]
    fn importer_on_statement_like_text(text in document(), md: bool, date: bool) {
        imports_faithfully(&text, md, date)?;
    }

    #[test]
    fn importer_on_mutated_seed_sources(seed in 0..SEED_SOURCES.len(), edits in prop::collection::vec(edit(), 1..8), date: bool) {
        let src = &SEED_SOURCES[seed];
        let text = mutate(src.text, &edits);
        imports_faithfully(&text, src.name.ends_with(".md"), date)?;
    }

    #[test]
    fn loader_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..3000)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Err(p) = parse_statement("bytes.yaml", &text, &SourceLookup::Embedded) {
            prop_assert!(p.is_error() && p.to_string().starts_with("bytes.yaml"), "{p}");
        }
    }

    #[test]
    fn loader_on_mutated_seeds(seed in 0..SEEDS.len(), edits in prop::collection::vec(edit(), 1..8)) {
        let s = &SEEDS[seed];
        let text = mutate(s.text, &edits);
        match parse_statement(s.name, &text, &SourceLookup::Embedded) {
            Ok((_, _, warnings)) => {
                for w in warnings {
                    prop_assert!(!w.is_error() && w.to_string().starts_with(s.name));
                }
            }
            Err(p) => {
                prop_assert!(p.to_string().starts_with(s.name), "{p}");
                // An error in a file with content has a line and column.
                let blank = text
                    .lines()
                    .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
                prop_assert!(p.location.is_some() || blank, "{p}");
            }
        }
    }
}

proptest! {
    // Through the file system: fewer cases, each writes a file.
    #![proptest_config(config(48))]

    #[test]
    fn loader_reads_arbitrary_files(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("any.yaml");
        std::fs::write(&path, &bytes).unwrap();
        let loaded = load_paths(&[dir.path().to_path_buf()]);
        prop_assert!(loaded.files + loaded.problems.iter().filter(|p| p.is_error()).count() == 1);
        for p in &loaded.problems {
            prop_assert!(p.file.ends_with("any.yaml"), "{p}");
        }
    }
}
