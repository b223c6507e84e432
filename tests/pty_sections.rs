//! End-to-end: a long sectioned joint statement (the April 2024 U.S.-EU
//! TTC statement, imported as a user would) read as sections, areas and
//! commitments in the real binary, in a pseudo-terminal.

mod common;

use common::{Session, jointly, stderr, stdout};

const STATEMENT: &str = "2024-04-05-u-s-eu-joint-statement-of-the-trade-and-technology-council-3.md";

/// The heading of the statement's second roman section, as its source prints it.
const KEY_OUTCOMES: &str = "II. Key Outcomes of the Sixth TTC Ministerial Meeting";

/// Imports the statement into `home`'s statements, as partnership `ttc`.
fn install(home: &std::path::Path) {
    let source = format!("{}/tests/fixtures/corpus/{STATEMENT}", env!("CARGO_MANIFEST_DIR"));
    let o = jointly(home, &["import", &source, "--partnership", "ttc", "--install"]);
    assert!(o.status.success(), "import: {}", stderr(&o));
}

/// The areas and commitments the imported file puts under `section`, read
/// from each area's own `section` field in `list`'s JSON (not from the tree).
fn held_by(home: &std::path::Path, section: &str) -> (usize, usize) {
    let o = jointly(home, &["list", "--no-default", "--format", "json"]);
    assert!(o.status.success(), "list: {}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let areas = doc["partnerships"][0]["meetings"][0]["areas"].as_array().unwrap();
    let held: Vec<&serde_json::Value> = areas
        .iter()
        .filter(|a| a["section"].get(0).and_then(|s| s.as_str()) == Some(section))
        .collect();
    let commitments = held
        .iter()
        .map(|a| a["commitments"].as_array().unwrap().len())
        .sum();
    (held.len(), commitments)
}

/// The last line of the screen: the status line.
fn status(screen: &str) -> &str {
    screen.lines().last().unwrap_or("")
}

/// The tree's rows that are sections: `§ ` after the fold marker.
fn section_rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|l| {
            let tree = l.split("││").next().unwrap_or(l);
            tree.contains("▾ § ")
                .then(|| tree.to_string())
                .or_else(|| tree.contains("▸ § ").then(|| tree.to_string()))
        })
        .collect()
}

#[test]
fn a_section_row_is_reached_folded_and_remembered() {
    let home = tempfile::tempdir().unwrap();
    install(home.path());
    let (areas, commitments) = held_by(home.path(), KEY_OUTCOMES);
    assert!(areas > 1, "the import puts areas under {KEY_OUTCOMES}");
    let mut s = Session::start(home.path(), &["--no-default"], 140, 45);
    // The whole first frame: its status line is drawn last.
    let screen = s.wait_for("the first frame", |sc| {
        sc.contains(&format!("▾ § {KEY_OUTCOMES} ({areas})")) && status(sc).contains("2024-04-05")
    });
    // Its lettered subsections are rows too, under it.
    let subsections = section_rows(&screen);
    assert!(subsections.len() > 2, "sections and subsections:\n{screen}");
    // Down from the meeting to the section's row, as a person moves: a key,
    // then its frame.
    let holds = format!("{KEY_OUTCOMES} ({areas} areas, {commitments} commitments)");
    let mut at = status(&screen).to_string();
    for _ in 0..6 {
        if at.contains(&holds) {
            break;
        }
        s.type_slowly(&["j"]);
        let screen = s.wait_for("the next row", |sc| status(sc) != at);
        at = status(&screen).to_string();
    }
    let screen = s.wait_for("the section's reader", |sc| sc.contains("┌ Section "));
    assert!(
        status(&screen).contains(&holds),
        "the status line says what the section holds:\n{screen}"
    );
    assert!(screen.contains(&format!("§ {KEY_OUTCOMES}")), "{screen}");
    // h folds it: its subsections and areas leave the screen.
    s.type_slowly(&["h"]);
    let screen = s.wait_for("the section folded", |sc| {
        let rows = section_rows(sc);
        sc.contains(&format!("▸ § {KEY_OUTCOMES} ({areas})"))
            && rows.len() < subsections.len()
            && !rows.iter().any(|r| r.contains("§ A. ") || r.contains("§ B. "))
    });
    assert!(status(&screen).contains(&holds), "still on it:\n{screen}");
    // l unfolds it as it was, l again goes down to its first subsection.
    s.type_slowly(&["l"]);
    s.wait_for("the section open as it was", |sc| section_rows(sc) == subsections);
    s.type_slowly(&["l"]);
    let screen = s.wait_for("the first subsection selected", |sc| {
        status(sc).contains("A. ") && status(sc).contains(" areas, ")
    });
    assert!(!status(&screen).contains(&holds), "moved down:\n{screen}");
    // h folds the subsection, h again goes up to the section; quit there,
    // and the next start opens on it.
    s.type_slowly(&["h"]);
    s.wait_for_text("▸ § A. ");
    s.type_slowly(&["h"]);
    s.wait_for("back on the section", |sc| status(sc).contains(&holds));
    s.type_slowly(&["q"]);
    assert_eq!(s.wait_exit(), 0);
    let s = Session::start(home.path(), &["--no-default"], 140, 45);
    let screen = s.wait_for("the section selected again", |sc| status(sc).contains(&holds));
    assert!(screen.contains("┌ Section "), "{screen}");
}

#[test]
fn a_section_is_shown_by_its_id() {
    let home = tempfile::tempdir().unwrap();
    install(home.path());
    let (areas, commitments) = held_by(home.path(), KEY_OUTCOMES);
    let id = "ttc/2024-04-05/§/ii-key-outcomes-of-the-sixth";
    let o = jointly(home.path(), &["show", id, "--no-default"]);
    assert!(o.status.success(), "show: {}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains(&format!("§ {KEY_OUTCOMES}\n")), "{text}");
    assert!(
        text.contains(&format!("{areas} areas, {commitments} commitments")),
        "{text}"
    );
    let o = jointly(home.path(), &["show", id, "--no-default", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(doc["kind"], "section");
    assert_eq!(doc["id"], id);
    assert_eq!(doc["section"]["areas"].as_array().map(Vec::len), Some(areas));
    assert_eq!(doc["section"]["commitments"], commitments);
    // `list` prints every section it heads by its id, and `show` takes each.
    let o = jointly(home.path(), &["list", "--no-default"]);
    let ids: Vec<String> = stdout(&o)
        .lines()
        .filter(|l| l.contains("  § "))
        .map(|l| l.trim().split("  ").next().unwrap_or("").to_string())
        .collect();
    assert!(ids.contains(&id.to_string()), "{ids:?}");
    assert!(ids.len() > 2, "{ids:?}");
    for sid in &ids {
        let o = jointly(home.path(), &["show", sid, "--no-default", "--format", "json"]);
        let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(
            (doc["kind"].as_str(), doc["id"].as_str()),
            (Some("section"), Some(sid.as_str()))
        );
    }
    // A section is not an area: `list` counts the same areas as before.
    let o = jointly(home.path(), &["list", "--no-default", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let listed = doc["partnerships"][0]["meetings"][0]["areas"].as_array().unwrap();
    assert!(
        listed
            .iter()
            .all(|a| !a["id"].as_str().unwrap_or("").contains('§'))
    );
}

/// One meeting of a short sectioned statement: an introduction, a roman
/// section with a lettered subsection, and a conclusion.
fn sectioned(date: &str, quantum: &str) -> String {
    format!(
        "partnership: {{id: ttc, name: TTC, parties: [United States, European Union]}}\n\
         meeting: {{title: \"Joint Statement\", date: \"{date}\"}}\n\
         areas:\n\
         \x20 - {{id: intro, title: I. Introduction, commitments: [\"We met.\"]}}\n\
         \x20 - {{id: ai, title: Artificial Intelligence, section: [II. Key Outcomes, A. Emerging Technologies], commitments: [\"We will cooperate on AI.\"]}}\n\
         \x20 - {{id: quantum, title: Quantum, section: [II. Key Outcomes, A. Emerging Technologies], commitments: [\"{quantum}\"]}}\n\
         \x20 - {{id: end, title: III. Conclusion, commitments: [\"We will meet again.\"]}}\n"
    )
}

#[test]
fn the_comparison_heads_each_side_with_its_sections() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("ttc");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("a.yaml"),
        sectioned("2023-05-31", "We discussed quantum research."),
    )
    .unwrap();
    std::fs::write(
        dir.join("b.yaml"),
        sectioned("2024-04-05", "We established a quantum task force."),
    )
    .unwrap();
    let data = dir.to_str().unwrap();
    let mut s = Session::start(home.path(), &["--no-default", "--data", data], 140, 30);
    s.wait_for("the first frame", |sc| status(sc).contains("ttc"));
    // One partnership: `c` compares its two meetings, earlier on the left.
    s.type_slowly(&["c"]);
    let screen = s.wait_for("both sides with their sections", |sc| {
        sc.lines()
            .filter(|l| l.matches("§ II. Key Outcomes").count() == 2)
            .count()
            == 1
    });
    // Each side: the section, its subsection indented under it, then the
    // subsection's first area; the conclusion stands in no section.
    let lines: Vec<&str> = screen.lines().collect();
    let ii = lines
        .iter()
        .position(|l| l.contains("§ II. Key Outcomes"))
        .unwrap();
    assert_eq!(
        lines[ii + 1].matches("  § A. Emerging Technologies").count(),
        2,
        "{screen}"
    );
    assert_eq!(
        lines[ii + 2].matches("Artificial Intelligence").count(),
        2,
        "{screen}"
    );
    assert_eq!(screen.matches('§').count(), 4, "{screen}");
    s.type_slowly(&["q"]);
    s.type_slowly(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}
