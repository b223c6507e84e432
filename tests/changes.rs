//! Continuity between two meetings of one partnership
//! ([`jointly::compare::changes`]) on two small statement files written
//! for the test: a renamed initiative found by its acronym, a roadmap
//! that became a framework, a renamed area, stance shifts, an earlier
//! commitment not followed up and a new one.

use jointly::compare::changes::{AreaChange, Changes, Shift, previous};
use jointly::compare::{Taxonomy, annotate};
use jointly::glossary::Glossary;
use jointly::loader::load_paths;
use jointly::model::{Corpus, NodePath};

const EARLIER: &str = r#"
partnership: {id: "xy-dp", name: "X-Y Digital Partnership", parties: ["Xland", "Yland"]}
meeting: {title: "First meeting", date: "2024-03-01"}
areas:
  - id: digital-economy
    title: "Digital Economy and Data Governance"
    commitments:
      - "Xland and Yland intend to set up a Working Group on Secure Semiconductor Supply (WGSSS) to map chokepoints in wafer fabrication."
      - "Xland and Yland will develop a joint Roadmap on evaluation and measurement tools for trustworthy AI and risk management."
      - "Xland and Yland will publish a guide to cybersecurity best practices for small and medium-sized enterprises."
"#;

const LATER: &str = r#"
partnership: {id: "xy-dp", name: "X-Y Digital Partnership", parties: ["Xland", "Yland"]}
meeting: {title: "Second meeting", date: "2025-03-01"}
areas:
  - id: digital-economy
    title: "Digital Economy"
    commitments:
      - "Xland and Yland will turn the WGSSS into a Task Force on chip supply."
      - "Xland and Yland intend to adopt the AI Framework on evaluation and measurement tools for trustworthy AI."
      - "Xland and Yland will open a joint fund for vaccine research in tropical medicine."
"#;

const OTHER: &str = r#"
partnership: {id: "zz-cet", name: "Z-Z Dialogue", parties: ["Zland", "Wland"]}
meeting: {title: "A dialogue", date: "2024-06-01"}
areas:
  - id: chips
    title: "Semiconductors"
    commitments:
      - "Zland and Wland will map chokepoints in wafer fabrication."
"#;

fn corpus() -> (tempfile::TempDir, Corpus) {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("a.yaml", EARLIER), ("b.yaml", LATER), ("c.yaml", OTHER)] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let mut loaded = load_paths(&[dir.path().to_path_buf()]);
    assert!(
        loaded.problems.iter().all(|p| !p.is_error()),
        "{:?}",
        loaded.problems
    );
    annotate(&mut loaded.corpus, Taxonomy::builtin());
    (dir, loaded.corpus)
}

fn meeting(corpus: &Corpus, id: &str) -> NodePath {
    corpus.resolve(id).unwrap()
}

#[test]
fn continued_new_and_not_followed_up_over_time() {
    let (_dir, corpus) = corpus();
    let (a, b) = (
        meeting(&corpus, "xy-dp/2024-03-01"),
        meeting(&corpus, "xy-dp/2025-03-01"),
    );
    let glossary = Glossary::build(&corpus);
    // Given later first: ordered by date.
    let c = Changes::between(&corpus, b, a, Taxonomy::builtin(), &glossary).unwrap();
    assert_eq!((c.earlier, c.later), (a, b));

    // The working group that became a task force: only its acronym carries over.
    let wg = c
        .predecessor(0, 0)
        .expect("the task force continues the working group");
    assert_eq!((wg.area, wg.commitment), (0, 0));
    assert!(wg.shared.iter().any(|w| w == "WGSSS"), "{:?}", wg.shared);
    assert_eq!(c.shift(0, 0), Some(Shift::Firmer), "intend -> will");

    // The roadmap that became a framework.
    let rm = c.predecessor(0, 1).expect("the framework continues the roadmap");
    assert_eq!((rm.area, rm.commitment), (0, 1));
    assert_eq!(c.shift(0, 1), Some(Shift::Softer), "will -> intend");

    // New, and not followed up.
    assert!(c.predecessor(0, 2).is_none());
    assert!(c.shift(0, 2).is_none());
    assert!(c.followed_up_by(0, 2).is_empty());
    assert!(!c.followed_up_by(0, 0).is_empty());

    // "Digital Economy and Data Governance" and "Digital Economy" are one area.
    assert_eq!(c.areas, vec![AreaChange::Kept(0, 0)]);
    let s = c.summary(&corpus);
    assert_eq!(
        (s.continued, s.new, s.not_followed_up, s.firmer, s.softer),
        (2, 1, 1, 1, 1)
    );
}

#[test]
fn two_partnerships_are_not_compared_over_time() {
    let (_dir, corpus) = corpus();
    let glossary = Glossary::build(&corpus);
    let (a, z) = (
        meeting(&corpus, "xy-dp/2024-03-01"),
        meeting(&corpus, "zz-cet/2024-06-01"),
    );
    assert!(Changes::between(&corpus, a, z, Taxonomy::builtin(), &glossary).is_none());
    assert!(Changes::between(&corpus, a, a, Taxonomy::builtin(), &glossary).is_none());
}

#[test]
fn the_previous_meeting_is_the_last_one_before() {
    let (_dir, corpus) = corpus();
    let (a, b) = (
        meeting(&corpus, "xy-dp/2024-03-01"),
        meeting(&corpus, "xy-dp/2025-03-01"),
    );
    assert_eq!(previous(&corpus, b), Some(a));
    assert_eq!(previous(&corpus, a), None);
    assert_eq!(previous(&corpus, meeting(&corpus, "zz-cet/2024-06-01")), None);
}
