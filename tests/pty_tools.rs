//! End-to-end, in a pseudo-terminal: the remembered place, bookmarks and
//! citations survive a restart or reach the terminal, with every folder in
//! a temporary directory.

mod common;

use std::path::Path;

use common::Session;
use jointly::loader::{LoadOptions, load};

const Q2: &str = "eu-sg-dp/2025-12-01/quantum/2";

/// From the start: down to the EU Quantum area, open it, second commitment.
fn go_to_q2(s: &mut Session) {
    s.wait_for_text("EU-Singapore Digital Partnership");
    s.type_slowly(&["g"]);
    s.type_slowly(&["j"; 8]);
    s.type_slowly(&["l", "l", "j"]);
    s.wait_for_text(Q2);
}

fn quit(s: &mut Session) {
    s.type_slowly(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

/// The status line: the screen's last row.
fn status(screen: &str) -> &str {
    screen.lines().last().unwrap_or("")
}

fn start(home: &Path) -> Session {
    Session::start(home, &[], 120, 40)
}

#[test]
fn quit_and_restart_finds_the_same_place() {
    let home = tempfile::tempdir().unwrap();
    let mut s = start(home.path());
    go_to_q2(&mut s);
    quit(&mut s);
    let state = home.path().join("state/jointly/state.yaml");
    let text = std::fs::read_to_string(&state).expect("the place was saved");
    assert!(text.contains(&format!("selected: {Q2}\n")), "{text}");

    let mut s = start(home.path());
    let screen = s.wait_for_text(Q2);
    assert!(screen.contains("Quantum › 2/2"), "{screen}");
    // And the place is live: one up is the first commitment.
    s.type_slowly(&["k"]);
    s.wait_for_text("eu-sg-dp/2025-12-01/quantum/1");
    quit(&mut s);
}

#[test]
fn an_open_comparison_is_there_after_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let mut s = start(home.path());
    s.wait_for_text("EU-Singapore Digital Partnership");
    s.type_slowly(&["c"]);
    s.wait_for_text("sync on");
    quit(&mut s);
    let state = home.path().join("state/jointly/state.yaml");
    let text = std::fs::read_to_string(&state).expect("the place was saved");
    assert!(
        text.contains("view: compare eu-sg-dp/2025-12-01 us-sg-cet/2023-10-12\n"),
        "{text}"
    );

    let mut s = start(home.path());
    let screen = s.wait_for_text("sync on");
    assert!(
        screen.contains("U.S.-Singapore Critical and Emerging"),
        "{screen}"
    );
    s.type_slowly(&["\x1b"]);
    s.wait_for("the comparison to close", |sc| !sc.contains("sync on"));
    quit(&mut s);
}

#[test]
fn a_bookmark_with_a_note_is_there_after_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let mut s = start(home.path());
    go_to_q2(&mut s);
    s.type_slowly(&["m"]);
    s.wait_for_text("Note:");
    s.type_slowly(&["c", "f", " ", "U", "S", "\r"]);
    s.wait_for_text(&format!("Bookmarked {Q2}"));
    // Somewhere else, then quit.
    s.type_slowly(&["g"]);
    s.wait_for("the top", |sc| !sc.contains(Q2));
    quit(&mut s);

    let mut s = start(home.path());
    s.wait_for_text("EU-Singapore Digital Partnership");
    s.type_slowly(&["'"]);
    s.wait_for_text("note: cf US");
    s.type_slowly(&["\r"]);
    s.wait_for("the jump to the bookmark", |sc| {
        !sc.contains("Bookmarks (") && status(sc).contains(Q2)
    });
    quit(&mut s);

    let out = common::stdout(&common::jointly(home.path(), &["bookmarks"]));
    assert!(out.starts_with(&format!("{Q2}\n")), "{out}");
    assert!(out.contains("  note: cf US\n"), "{out}");
}

#[test]
fn y_sends_the_citation_as_osc52_and_says_so() {
    let home = tempfile::tempdir().unwrap();
    let mut s = start(home.path());
    go_to_q2(&mut s);
    s.type_slowly(&["y"]);
    s.wait_for_text("Copied the citation of eu-sg-dp/2025-12-01/quantum/2 to the clipboard");
    let corpus = load(&LoadOptions::embedded_only()).corpus;
    let citation = jointly::cite::cite(&corpus, corpus.resolve(Q2).unwrap()).unwrap();
    let expected = format!("\x1b]52;c;{}\x07", jointly::cite::base64(citation.as_bytes()));
    let raw = s.raw_output();
    assert!(
        raw.windows(expected.len()).any(|w| w == expected.as_bytes()),
        "no OSC 52 sequence with the citation in the output"
    );
    quit(&mut s);
}

#[test]
fn a_truncated_state_file_gives_a_warning_and_a_working_app() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("state/jointly");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("state.yaml"),
        "# jointly: where you were\nversion: 1\nselected: eu-sg-dp/2025-1",
    )
    .unwrap();
    let mut s = start(home.path());
    s.wait_for_text("⚠ 1 problem (");
    s.type_slowly(&["!"]);
    s.wait_for_text("the remembered place is damaged");
    s.type_slowly(&["\x1b"]);
    s.wait_for("the problems to close", |sc| {
        !sc.contains("remembered place is damaged")
    });
    s.type_slowly(&["j"]);
    s.wait_for("the selection to move", |sc| {
        status(sc).contains("2025-12-01 › Artificial Intelligence (AI)")
    });
    quit(&mut s);
    let aside: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("state.yaml.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1, "the damaged file was kept aside");
    let text = std::fs::read_to_string(dir.join("state.yaml")).unwrap();
    assert!(
        text.contains("selected: eu-sg-dp/2025-12-01/ai\n"),
        "a fresh place was saved: {text}"
    );
}

#[test]
fn filtering_by_an_expansion_finds_the_acronym_and_marks_it() {
    let home = tempfile::tempdir().unwrap();
    let mut s = start(home.path());
    s.wait_for_text("EU-Singapore Digital Partnership");
    // "Ministry of Defence (MINDEF)" is spelt out in one commitment; the
    // next says only "MINDEF", and is found through the glossary.
    s.type_slowly(&["/", "m", "i", "n", "i", "s", "t", "r", "y", " ", "d", "e", "f"]);
    s.wait_for_text("/ministry def");
    s.type_slowly(&["\r", "n"]);
    let screen = s.wait_for_text("match 2 of 2");
    assert!(screen.contains("2. To wit, MINDEF and U.S. DoD"), "{screen}");
    let marked = s.cells(|c| c.underline());
    // "ministry" cannot match inside "MINDEF": only the glossary marks it.
    assert!(marked.contains("MINDEF"), "underlined: {marked:?}");
    s.type_slowly(&["\x1b"]);
    s.wait_for("the filter to close", |sc| !sc.contains("match 2 of 2"));

    // "artificial" names AI: a commitment that only says "AI" is kept,
    // with the acronym underlined in the reader.
    s.type_slowly(&["/", "a", "r", "t", "i", "f", "i", "c", "i", "a", "l"]);
    s.wait_for_text("/artificial");
    s.type_slowly(&["\r", "n", "n"]);
    let screen = s.wait_for_text("match 3 of");
    // The two areas titled "Artificial Intelligence" first, then the first
    // commitment that says only "AI".
    assert!(
        screen.contains("1. Agreed that the signing of the Admin"),
        "{screen}"
    );
    let marked = s.cells(|c| c.underline());
    assert!(marked.lines().any(|l| l == "AI"), "underlined: {marked:?}");
    quit(&mut s);
}
