//! End-to-end: the comparison in the real binary, in a pseudo-terminal.

mod common;

use common::Session;

/// A screen row holding the EU Quantum header (left pane) and the US
/// Quantum Information Science and Technology header (right pane).
fn side_by_side(screen: &str) -> bool {
    screen
        .lines()
        .any(|l| l.starts_with("│ Quantum ") && l.contains("Quantum Information Science and"))
}

#[test]
fn c_then_the_eu_quantum_area_shows_the_us_quantum_area_beside_it() {
    for (cols, rows) in [(120, 40), (80, 24)] {
        let home = tempfile::tempdir().unwrap();
        let mut s = Session::start(home.path(), &[], cols, rows);
        s.wait_for_text("EU-Singapore Digital Partnership");
        s.type_slowly(&["c"]);
        let screen = s.wait_for_text("sync on");
        assert!(
            screen.contains("U.S.-Singapore"),
            "{cols}x{rows}: both meetings:\n{screen}"
        );
        assert!(!side_by_side(&screen), "{cols}x{rows}: not there yet:\n{screen}");

        // From the EU AI area to the EU Quantum area: 6 areas, 16 commitments.
        s.type_slowly(&["j"; 22]);
        let screen = s.wait_for(
            &format!("{cols}x{rows}: Quantum beside Quantum Information Science"),
            side_by_side,
        );
        assert!(
            screen.contains("shared: quantum,"),
            "{cols}x{rows}: shared topics named:\n{screen}"
        );
        assert!(
            screen.contains("quantum ↔ Quantum Information Science"),
            "{cols}x{rows}: the status line names the counterpart by its title:\n{screen}"
        );

        // s turns synchronised scrolling off, Esc leaves, q quits.
        s.type_slowly(&["s"]);
        s.wait_for_text("sync off");
        s.type_slowly(&["\x1b"]);
        s.wait_for(&format!("{cols}x{rows}: the tree again"), |sc| {
            !sc.contains("sync off") && sc.contains("Statements")
        });
        s.type_slowly(&["q"]);
        assert_eq!(s.wait_exit(), 0);
    }
}

#[test]
fn a_commitment_without_a_close_counterpart_says_so_on_screen() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(home.path(), &[], 120, 40);
    s.wait_for_text("EU-Singapore Digital Partnership");
    s.type_slowly(&["c"]);
    s.wait_for_text("sync on");
    // EU AI (3 commitments), Online Safety (3), Verifiable Credentials (1),
    // then Cybersecurity and its 4th commitment (EUCC and SCCS certification).
    s.type_slowly(&["j"; 14]);
    let screen = s.wait_for_text("cybersecurity/4: no close counterpart in us-sg-cet/2023-10-12");
    assert!(
        !screen.contains('▶'),
        "nothing is marked on the other side:\n{screen}"
    );
    // One up, cybersecurity/3; three up, cybersecurity/1, whose counterpart is marked.
    s.type_slowly(&["k"; 3]);
    s.wait_for_text("cybersecurity/1 ↔ Critical Infrastructure and Technology Supply Chains, 1 (");
    s.type_slowly(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}
