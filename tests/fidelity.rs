//! Fidelity: the tree of each seed says exactly what its source says
//! (after the normalisation documented in seeds/README.md), and a YAML
//! edited by one word is caught.

use jointly::loader::fidelity::{Markup, normalise_source, tree_text};
use jointly::loader::{SEED_SOURCES, SEEDS, SourceLookup, parse_statement, second_reading};

fn source_text(meeting: &jointly::model::Meeting) -> String {
    let name = meeting.source.source_file.as_deref().expect("seed has a source");
    let src = SEED_SOURCES
        .iter()
        .find(|s| s.name == name)
        .expect("embedded source");
    normalise_source(src.text, Markup::from_path(name)).text
}

#[test]
fn every_seed_equals_its_source() {
    assert_eq!(SEEDS.len(), 2);
    for seed in SEEDS {
        let (_, meeting, warnings) =
            parse_statement(seed.name, seed.text, &SourceLookup::Embedded).expect("seed parses");
        assert!(warnings.is_empty(), "{}: {warnings:#?}", seed.name);
        assert_eq!(tree_text(&meeting), source_text(&meeting), "{}", seed.name);
        // The second reading, without the markdown parser, agrees.
        let name = meeting.source.source_file.as_deref().expect("seed has a source");
        let src = SEED_SOURCES
            .iter()
            .find(|s| s.name == name)
            .expect("embedded source");
        assert_eq!(
            second_reading::compare(&tree_text(&meeting), src.text, Markup::from_path(name)),
            Ok(()),
            "{}",
            seed.name
        );
        // Alignment gave every piece its place in the source.
        assert!(meeting.title_lines.is_some());
        for a in &meeting.areas {
            assert!(a.title_lines.is_some(), "{}", a.id);
            assert!(a.commitments.iter().all(|c| c.lines.is_some()), "{}", a.id);
        }
        assert!(
            meeting
                .preamble
                .iter()
                .chain(&meeting.closing)
                .all(|p| p.lines.is_some())
        );
    }
}

#[test]
fn sources_are_byte_copies_of_the_shared_seeds() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !shared.is_dir() {
        // CI and developers have ../shared beside the repository; a lone
        // checkout has nothing to compare with, and says so.
        eprintln!("skipped: {} is not there", shared.display());
        return;
    }
    for src in SEED_SOURCES {
        let file = std::path::Path::new(src.name).file_name().expect("file name");
        let theirs = std::fs::read(shared.join(file)).expect("shared seed");
        assert_eq!(theirs, src.text.as_bytes(), "{}", src.name);
    }
}

/// Loads a mutated copy of a seed and returns its drift warnings and whether
/// the texts still compare equal.
fn mutated(seed: usize, from: &str, to: &str) -> (Vec<String>, bool) {
    let s = &SEEDS[seed];
    assert!(
        s.text.contains(from),
        "mutation target `{from}` not in {}",
        s.name
    );
    let text = s.text.replacen(from, to, 1);
    let (_, meeting, warnings) =
        parse_statement(s.name, &text, &SourceLookup::Embedded).expect("still valid YAML");
    let equal = tree_text(&meeting) == source_text(&meeting);
    (warnings.into_iter().map(|w| w.to_string()).collect(), equal)
}

#[test]
fn a_dropped_word_is_caught() {
    let (w, equal) = mutated(
        0,
        "focusing on quantum communication",
        "focusing on communication",
    );
    assert!(!equal);
    assert!(w.iter().any(|w| w.contains("areas[6].commitments[1]")), "{w:#?}");
}

#[test]
fn an_added_word_is_caught() {
    let (w, equal) = mutated(1, "To wit, MINDEF", "To wit, MINDEF swiftly");
    assert!(!equal);
    assert!(
        w.iter()
            .any(|w| w.contains("areas[4].commitments[1]") && w.contains("not found in the source")),
        "{w:#?}"
    );
}

#[test]
fn a_moved_word_is_caught() {
    let (w, equal) = mutated(0, "Intend to exchange views", "Intend exchange to views");
    assert!(!equal);
    assert!(w.iter().any(|w| w.contains("areas[6].commitments[0]")), "{w:#?}");
}

#[test]
fn a_dropped_commitment_is_caught() {
    let s = SEEDS[0].text;
    let line = s
        .lines()
        .find(|l| l.contains("Express interest in collaborative research"))
        .expect("line");
    let (_, meeting, warnings) = parse_statement(
        SEEDS[0].name,
        &s.replacen(&format!("{line}\n"), "", 1),
        &SourceLookup::Embedded,
    )
    .expect("valid");
    assert_ne!(tree_text(&meeting), source_text(&meeting));
    assert!(
        warnings
            .iter()
            .any(|w| w.to_string().contains("missing from the tree")),
        "{warnings:#?}"
    );
}

/// Every text the importer is tried on: the corpus of real statements, the
/// import fixtures and the seeds' sources, with their names.
fn import_sources() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out: Vec<(String, String)> = SEED_SOURCES
        .iter()
        .map(|s| (s.name.to_string(), s.text.to_string()))
        .collect();
    for dir in [
        "tests/fixtures/corpus",
        "tests/fixtures/import",
        "tests/fixtures/import/classes",
    ] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
            .collect();
        files.sort();
        for f in files {
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            out.push((name, std::fs::read_to_string(&f).unwrap()));
        }
    }
    assert!(out.len() >= 24, "seeds, 12 corpus statements and the fixtures");
    out
}

fn import(name: &str, text: &str) -> String {
    let opts = jointly::import::ImportOptions {
        source_file: name.to_string(),
        ..Default::default()
    };
    let i = jointly::import::import(name, text, &opts).unwrap();
    assert!(i.drift.is_empty(), "{name}: {:?}", i.drift);
    i.yaml
}

#[test]
fn every_import_says_what_its_source_says_and_a_dropped_word_is_caught() {
    // How many imports have a lead-in between commitments, and commitments after sub-areas.
    let (mut leads, mut afters) = (0, 0);
    for (name, text) in import_sources() {
        let yaml = import(&name, &text);
        let given = SourceLookup::Given(text.clone());
        let (_, meeting, warnings) = parse_statement(&name, &yaml, &given).unwrap();
        // The importer's own findings are warnings too; fidelity gives none.
        let drift: Vec<_> = warnings
            .iter()
            .filter(|w| !w.message.starts_with("import: "))
            .collect();
        assert!(drift.is_empty(), "{name}: {drift:#?}");
        let markup = Markup::from_path(&name);
        let source = normalise_source(&text, markup).text;
        assert_eq!(tree_text(&meeting), source, "{name}");
        assert_eq!(
            second_reading::compare(&tree_text(&meeting), &text, markup),
            Ok(()),
            "{name}: the second reading"
        );
        if name.ends_with(".md") {
            // The text is what a reader sees: no markup, link targets or HTML.
            for markup in ["**", "](http", "<u>", "<!--", "</span>", "\\#"] {
                assert!(!source.contains(markup), "{name}: `{markup}` left in the text");
            }
        }
        // Drop one word of the longest commitment (and of the first intro,
        // section, lead-in and commitment after sub-areas, where there are
        // some): the loader must say so.
        let longest = meeting
            .areas
            .iter()
            .flat_map(|a| a.commitments.iter().map(|c| c.text.to_string()))
            .max_by_key(String::len)
            .unwrap_or_else(|| meeting.preamble[0].text.clone());
        let intro = meeting
            .areas
            .iter()
            .find_map(|a| a.intro.first())
            .map(|p| p.text.clone());
        let section = meeting.areas.iter().find_map(|a| a.section.first()).cloned();
        // A lead-in between commitments, and a commitment after the areas
        // of its area's section, are text in place too.
        let lead = meeting
            .areas
            .iter()
            .find_map(|a| a.leads.first())
            .map(|(_, p)| p.text.clone());
        let after = meeting
            .areas
            .iter()
            .find_map(|a| a.resume.and_then(|r| a.commitments.get(r)))
            .map(|c| c.text.to_string());
        leads += usize::from(lead.is_some());
        afters += usize::from(after.is_some());
        for target in [Some(longest), intro, section, lead, after].into_iter().flatten() {
            let words: Vec<&str> = target.split(' ').collect();
            if words.len() < 2 {
                continue;
            }
            let k = words.len() / 2;
            let dropped: Vec<&str> = words
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != k)
                .map(|(_, w)| *w)
                .collect();
            let quoted = |s: &str| format!("{:?}", s).replace("\\'", "'");
            let from = quoted(&target);
            let mutated = yaml.replacen(&from, &quoted(&dropped.join(" ")), 1);
            assert_ne!(
                mutated, yaml,
                "{name}: mutation target {from} not found in the YAML"
            );
            let (_, m, warnings) = parse_statement(&name, &mutated, &given).unwrap();
            assert!(
                !warnings.is_empty(),
                "{name}: dropping `{}` went unnoticed",
                words[k]
            );
            assert_ne!(tree_text(&m), source, "{name}");
            assert!(
                second_reading::compare(&tree_text(&m), &text, markup).is_err(),
                "{name}: the second reading missed the dropped `{}`",
                words[k]
            );
        }
        dropped_marks_are_caught(&name, &text, &yaml, &meeting);
    }
    assert!(
        leads > 0 && afters > 0,
        "the mutations reach lead-ins ({leads}) and later commitments ({afters})"
    );
}

/// Drops a comma from one text of the tree and a closing parenthesis from
/// another (a full stop where there is none): the loader must say so, and
/// the second reading must fail even where the block parser's reading of
/// the source had lost the same mark, so that the first check would pass.
fn dropped_marks_are_caught(name: &str, text: &str, yaml: &str, meeting: &jointly::model::Meeting) {
    let markup = Markup::from_path(name);
    let given = SourceLookup::Given(text.to_string());
    let texts: Vec<String> = meeting
        .areas
        .iter()
        .flat_map(|a| a.commitments.iter().map(|c| c.text.to_string()))
        .chain(meeting.preamble.iter().map(|p| p.text.clone()))
        .collect();
    let mut tried = 0;
    for mark in [',', ')', '.'] {
        if tried == 2 {
            break;
        }
        let Some(target) = texts.iter().filter(|t| t.contains(mark)).max_by_key(|t| t.len()) else {
            continue;
        };
        tried += 1;
        let at: Vec<usize> = target.match_indices(mark).map(|(i, _)| i).collect();
        let cut = at[at.len() / 2];
        let dropped = format!("{}{}", &target[..cut], &target[cut + 1..]);
        let quoted = |s: &str| format!("{:?}", s).replace("\\'", "'");
        let mutated = yaml.replacen(&quoted(target), &quoted(&dropped), 1);
        assert_ne!(
            mutated, yaml,
            "{name}: mutation target {target:?} not found in the YAML"
        );
        let (_, m, warnings) = parse_statement(name, &mutated, &given).unwrap();
        assert!(
            warnings.iter().any(|w| !w.message.starts_with("import: ")),
            "{name}: dropping `{mark}` from {target:?} went unnoticed"
        );
        let tree = tree_text(&m);
        let caught = second_reading::compare(&tree, text, markup);
        assert!(
            caught.is_err(),
            "{name}: the second reading missed the dropped `{mark}`"
        );
        // Had the block parser lost the mark, its reading of the source would
        // equal the tree and the first check would pass; the second does not.
        let parsed = normalise_source(text, markup).text;
        let lost = parsed.replacen(target.as_str(), &dropped, 1);
        assert_ne!(lost, parsed, "{name}: {target:?} not in the parsed source");
        assert_eq!(lost, tree, "{name}");
        assert!(second_reading::compare(&lost, text, markup).is_err(), "{name}");
    }
    assert_eq!(tried, 2, "{name}: two marks dropped");
}
