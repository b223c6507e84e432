//! End-to-end: the real binary in a pseudo-terminal, keys typed, screen read back.

mod common;

use common::Session;

#[test]
fn open_the_eu_quantum_area_read_help_and_quit_cleanly() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(home.path(), &[], 120, 40);
    s.wait_for_text("EU-Singapore Digital Partnership");
    assert!(s.alternate_screen(), "the app draws on the alternate screen");

    // The EU Quantum area is the 9th row: partnership, meeting, 7 areas.
    s.type_slowly(&["g"]);
    s.type_slowly(&["j"; 8]);
    let screen = s.wait_for_text("eu-sg-dp/2025-12-01/quantum");
    let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    for text in [
        "Intend to exchange views on policies and strategies on quantum technologies as a new area of cooperation, to enhance technological development, economic competitiveness, and supply chain resilience.",
        "Intend to explore collaboration in research & development, standards and interoperability, and to deepen ecosystem engagements in the domains of quantum technologies, focusing on quantum communication.",
    ] {
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            strip_borders(&screen).contains(&words),
            "commitment missing from the reader: {text}\n{flat}"
        );
    }

    s.type_slowly(&["?"]);
    s.wait_for_text("show or hide this help");
    s.type_slowly(&["\x1b"]);
    s.wait_for("the help to close", |sc| !sc.contains("show or hide this help"));

    s.type_slowly(&["q"]);
    assert_eq!(s.wait_exit(), 0);
    assert!(!s.alternate_screen(), "the alternate screen was left");
    let raw = s.raw_output();
    let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(200)..]).into_owned();
    assert!(tail.contains("\x1b[?25h"), "the cursor is shown again: {tail:?}");
}

#[test]
fn a_terminal_too_small_shows_a_notice_and_quits() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(home.path(), &[], 12, 3);
    s.wait_for_text("(12x3)");
    s.type_slowly(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

/// The reader's text with pane borders and line breaks folded into single
/// spaces, so that a wrapped sentence reads as one.
fn strip_borders(screen: &str) -> String {
    let reader: Vec<&str> = screen
        .lines()
        .map(|l| {
            let cells: Vec<&str> = l.split('│').collect();
            // tree │ │ reader │: the reader is the fourth field.
            cells.get(3).copied().unwrap_or("")
        })
        .collect();
    reader.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        let home = tempfile::tempdir().unwrap();
        let mut s = Session::start(home.path(), &[], 100, 30);
        s.wait_for_text("EU-Singapore Digital Partnership");
        assert!(s.alternate_screen());
        let pid = s.pid().expect("child pid");
        let killed = std::process::Command::new("kill")
            .args([format!("-{signal}"), pid.to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        assert_eq!(s.wait_exit(), code, "SIG{signal}");
        assert!(
            !s.alternate_screen(),
            "SIG{signal}: the alternate screen was left"
        );
        let raw = s.raw_output();
        let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(200)..]).into_owned();
        assert!(
            tail.contains("\x1b[?25h"),
            "SIG{signal}: the cursor is shown again: {tail:?}"
        );
    }
}

#[test]
fn a_key_remapped_in_the_config_file_works_and_a_bad_colour_is_a_warning() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("my-config.yaml");
    std::fs::write(&config, "keys:\n  move_down: [J]\ntheme:\n  border: purpl\n").unwrap();
    let mut s = Session::start_with_env(
        home.path(),
        &[],
        120,
        40,
        &[("JOINTLY_CONFIG", config.to_str().unwrap())],
    );
    s.wait_for_text("EU-Singapore Digital Partnership");
    // One problem, in the singular.
    s.wait_for_text("⚠ 1 problem (");

    s.type_slowly(&["j"; 3]); // no longer bound: nothing moves
    s.type_slowly(&["g"]);
    s.type_slowly(&["J"; 8]);
    s.wait_for_text("eu-sg-dp/2025-12-01/quantum");

    s.type_slowly(&["!"]);
    let screen = s.wait_for_text("bad colour `purpl`");
    assert!(screen.contains("my-config.yaml:4:3"), "{screen}");
    s.type_slowly(&["\x1b", "?"]);
    let help = s.wait_for_text("show or hide this help");
    assert!(
        help.contains("J k/↑") && help.contains("move down / up"),
        "the help shows the keys in force:\n{help}"
    );
    s.type_slowly(&["\x1b", "q"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn an_installed_import_is_in_the_browser_at_the_next_start() {
    let home = tempfile::tempdir().unwrap();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/korea-singapore-dpc-2026.md"
    );
    let o = common::jointly(
        home.path(),
        &["import", fixture, "--partnership", "kr-sg-dpc", "--install"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut s = Session::start(home.path(), &[], 120, 40);
    s.wait_for_text("EU-Singapore Digital Partnership");
    s.type_slowly(&["G"]);
    let screen = s.wait_for_text("kr-sg-dpc/");
    assert!(screen.contains("2026-03-03"), "{screen}");
    s.type_slowly(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

/// The characters on screen drawn underlined (how matches are marked).
fn underlined(s: &Session) -> String {
    s.cells(|c| c.underline())
}

#[test]
fn slash_scam_narrows_the_tree_enter_shows_the_match_and_esc_goes_back() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(home.path(), &[], 120, 40);
    s.wait_for_text("EU-Singapore Digital Partnership");
    // Somewhere to come back to: the US statement's row.
    s.type_slowly(&["j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j"]);
    let before = s.wait_for_text("us-sg-cet/2023-10-12");

    s.type_slowly(&["/", "s", "c", "a", "m"]);
    let screen = s.wait_for_text("/scam");
    let tree: Vec<&str> = screen
        .lines()
        .map(|l| l.split('│').nth(1).unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect();
    assert!(
        tree[..4].join(" | ").contains("Online Safety and Tackling Scams"),
        "the scams area comes first: {tree:#?}"
    );
    assert!(
        tree[3].starts_with("3. Explore exchanging views on sca"),
        "{tree:#?}"
    );
    for other in [
        "Quantum",
        "Cybersecurity",
        "Artificial Intelligence",
        "Biotechnology",
    ] {
        assert!(!tree.iter().any(|l| l.contains(other)), "{other} kept: {tree:#?}");
    }

    s.type_slowly(&["\r"]);
    // The counter has its own place; the breadcrumb stays.
    let screen = s.wait_for_text("match 1 of 2");
    assert!(screen.contains("Online Safety and Tackling Scams"), "{screen}");
    assert!(
        screen.contains("Explore exchanging views on scam trends"),
        "{screen}"
    );
    let marked = underlined(&s);
    assert!(
        marked.contains("Scam") && marked.contains("scam"),
        "underlined: {marked:?}"
    );

    s.type_slowly(&["n"]);
    s.wait_for_text("match 2 of 2");

    s.type_slowly(&["\x1b"]);
    s.wait_for("the tree as it was", |sc| sc == before);
    s.type_slowly(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn ctrl_p_smart_cit_enter_reads_the_smart_cities_commitment() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(home.path(), &[], 120, 40);
    s.wait_for_text("EU-Singapore Digital Partnership");
    s.type_slowly(&["\x10"]);
    s.wait_for_text("Jump to (");
    s.type_slowly(&["s", "m", "a", "r", "t", " ", "c", "i", "t"]);
    s.wait_for_text("> smart cit");
    s.type_slowly(&["\r"]);
    let screen = s.wait_for("the palette to close", |sc| !sc.contains("Jump to ("));
    assert!(
        screen.contains("Critical Infrastructure and Technology Supply Chains"),
        "{screen}"
    );
    assert!(
        screen.contains("Critical Infrastructure and Technology Supply Chains › 2/5"),
        "the status line names the commitment: {screen}"
    );
    let flat = strip_borders(&screen);
    assert!(
        flat.contains("We intend to upgrade long-standing collaboration on smart cities"),
        "{flat}"
    );

    // Esc in the palette changes nothing.
    s.type_slowly(&[":"]);
    s.wait_for_text("Jump to (");
    s.type_slowly(&["q", "u", "a", "n"]);
    s.type_slowly(&["\x1b"]);
    let after = s.wait_for("the palette to close", |sc| !sc.contains("Jump to ("));
    assert!(
        after.contains("Critical Infrastructure and Technology Supply Chains › 2/5"),
        "{after}"
    );
    s.type_slowly(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}

/// The terminal goes away under the app (a closed ssh session, a killed
/// tmux pane): the app must leave, saving where the reader was, and not
/// spin on a terminal that reads end-of-file forever. Twice: as the leader
/// of the terminal's session, which the system sends SIGHUP; and under a
/// shell that ignores SIGHUP and passes nothing on, so that only the
/// terminal's end-of-file tells.
#[test]
fn a_terminal_that_goes_away_ends_the_app_and_keeps_the_place() {
    for under_a_shell in [false, true] {
        terminal_goes_away(under_a_shell);
    }
}

fn terminal_goes_away(under_a_shell: bool) {
    use std::time::{Duration, Instant};

    let home = tempfile::tempdir().unwrap();
    let code_file = home.path().join("exit-code");
    let pair = common::pty::open(100, 30);
    let bin = env!("CARGO_BIN_EXE_jointly");
    let cmd = if under_a_shell {
        let mut c = common::pty::command("sh", home.path());
        c.args([
            "-c",
            "trap '' HUP; \"$0\"; echo $? > \"$1\"",
            bin,
            code_file.to_str().unwrap(),
        ]);
        c
    } else {
        common::pty::command(bin, home.path())
    };
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);

    // Read until the first frame is drawn, then let go of every handle on
    // the terminal's master side: the terminal is gone.
    let mut reader = pair.master.try_clone_reader().unwrap();
    // No writer is taken: portable-pty's writer, when dropped, types a
    // newline and the end-of-file character (Ctrl-j, Ctrl-d) into the
    // terminal, which the browser reads as keys that move the cursor.
    let seen = std::thread::spawn(move || {
        // Raw output: the first frame skips blank cells, so words of an
        // unselected row arrive apart.
        let out = common::pty::read_until(&mut reader, |out| {
            String::from_utf8_lossy(out).contains("EU-Singapore")
        });
        String::from_utf8_lossy(&out).into_owned()
    })
    .join()
    .unwrap();
    assert!(seen.contains("EU-Singapore"), "{seen:?}");
    drop(pair.master);

    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("under a shell: {under_a_shell}: jointly still runs 10 s after its terminal went away");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    // As for SIGHUP, which the system sends when a terminal hangs up.
    let code = if under_a_shell {
        std::fs::read_to_string(&code_file)
            .unwrap_or_default()
            .trim()
            .to_string()
    } else {
        status.exit_code().to_string()
    };
    assert_eq!(code, "129", "under a shell: {under_a_shell}");
    let state =
        std::fs::read_to_string(home.path().join("state/jointly/state.yaml")).expect("the place was saved");
    // Nothing moved the cursor: the place saved is where the app opened.
    assert!(
        state.contains("selected: eu-sg-dp/2025-12-01\n"),
        "under a shell: {under_a_shell}: {state}"
    );
}

/// A new user's first minute, as less, vim and lazygit users expect it: the
/// first frame shows the first meeting's preamble; `/` in the reader finds
/// a word and `n` moves to its next match; `'` opens the bookmarks and `q`
/// closes them without quitting.
#[test]
fn first_frame_reader_search_and_q_in_an_overlay() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start(home.path(), &[], 120, 40);
    let screen = s.wait_for_text("The second meeting of the European");
    assert!(screen.contains("eu-sg-dp/2025-12-01"), "{screen}");

    // The EU Quantum area, into the reader, then search its text.
    s.type_slowly(&["g"]);
    s.type_slowly(&["j"; 8]);
    s.wait_for_text("eu-sg-dp/2025-12-01/quantum");
    s.type_slowly(&["\t", "/", "q", "u", "a", "n", "t", "u", "m"]);
    s.wait_for_text("/quantum▏");
    s.type_slowly(&["\r"]);
    let first = s.wait_for_text("match 1 of");
    let marked = underlined(&s);
    assert!(
        marked.to_lowercase().contains("quantum"),
        "marked: {marked:?}\n{first}"
    );
    s.type_slowly(&["n"]);
    s.wait_for_text("match 2 of");

    // The bookmarks open (empty, saying how to fill them) and q closes them.
    s.type_slowly(&["'"]);
    s.wait_for_text("no bookmarks yet: press m on a commitment");
    s.type_slowly(&["q"]);
    s.wait_for("the bookmarks to close", |sc| !sc.contains("no bookmarks yet"));
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(s.alternate_screen(), "q closed the window, not the app");

    s.type_slowly(&["q"]);
    assert_eq!(s.wait_exit(), 0);
}
