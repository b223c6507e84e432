//! End-to-end: two meetings of one partnership compared over time in the
//! split view, in the real binary, in a pseudo-terminal.

mod common;

use common::{Session, jointly, stderr};

/// Imports the May and December 2022 TTC meetings into `home`'s statements.
fn install_ttc(home: &std::path::Path) {
    for name in [
        "2022-05-16-fact-sheet-u-s-eu-trade-and-technology-council-establishes-economic-and-technology-policies-initiatives.md",
        "2022-12-05-u-s-eu-joint-statement-of-the-trade-and-technology-council.md",
    ] {
        let source = format!("{}/tests/fixtures/corpus/{name}", env!("CARGO_MANIFEST_DIR"));
        let o = jointly(
            home,
            &["import", &source, "--partnership", "us-eu-ttc", "--install"],
        );
        assert!(o.status.success(), "import {name}: {}", stderr(&o));
    }
}

/// The top border: the left pane's title before the right pane's.
fn earlier_left(screen: &str) -> bool {
    let top = screen.lines().next().unwrap_or("");
    matches!(
        (top.find("2022-05-16"), top.find("2022-12-05")),
        (Some(l), Some(r)) if l < r
    )
}

#[test]
fn two_ttc_meetings_chosen_in_the_picker_are_compared_over_time() {
    let home = tempfile::tempdir().unwrap();
    install_ttc(home.path());
    let mut s = Session::start(home.path(), &["--no-default"], 140, 40);
    s.wait_for_text("Trade and Technology Council");
    // The comparison, then the meeting picker: the later meeting first,
    // then the earlier one; the earlier still goes on the left.
    s.type_slowly(&["c"]);
    s.wait_for_text("sync on");
    s.type_slowly(&["c"]);
    s.wait_for_text("choose");
    s.type_slowly(&["G", "\r", "g", "\r"]);
    let screen = s.wait_for("a new and a continued commitment tagged", |sc| {
        sc.contains("[new]") && sc.contains("[continued]")
    });
    assert!(earlier_left(&screen), "earlier on the left:\n{screen}");
    // Over to the later side and down to its first continued commitment.
    s.type_slowly(&["l"]);
    let screen = s.wait_for_text("[new]");
    assert!(
        screen.contains("[continued]") || screen.contains("[softer]") || screen.contains("[firmer]"),
        "a continued commitment tagged:\n{screen}"
    );
    // w lists only the changes: no plain continued one is left.
    s.type_slowly(&["w"]);
    let screen = s.wait_for_text("Only the changes");
    assert!(!screen.contains("[continued]"), "only the changes:\n{screen}");
    s.type_slowly(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn meetings_of_two_partnerships_are_compared_as_before() {
    let home = tempfile::tempdir().unwrap();
    install_ttc(home.path());
    let mut s = Session::start(home.path(), &[], 140, 40);
    s.wait_for_text("EU-Singapore Digital Partnership");
    s.type_slowly(&["c"]);
    let screen = s.wait_for_text("sync on");
    assert!(screen.contains("U.S.-Singapore"), "two partnerships:\n{screen}");
    for tag in ["[new]", "[continued]", "[not followed up]"] {
        assert!(!screen.contains(tag), "no {tag} across partnerships:\n{screen}");
    }
    assert!(screen.contains("no close counterpart"), "as before:\n{screen}");
    s.type_slowly(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}
