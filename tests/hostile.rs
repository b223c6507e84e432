//! Hostile input, second round (issue 18): each defect found from outside
//! the code, reproduced here against the binary, the loader or the app.

mod common;

use std::path::Path;

use common::{jointly, stderr, stdout};
use jointly::app::{Action, App, Effect};
use jointly::loader::{LoadOptions, load};

/// A statement whose every field a user could read carries an escape
/// sequence (OSC 52 sets the clipboard, OSC 0 the window title, CSI 2J
/// clears the screen), a C1 control, or a character that reorders or hides
/// text (U+202E, U+2066, U+200B).
const HOSTILE: &str = "partnership:\n  id: h\n  name: \"Hostile \\e]0;PWNED\\a \\u202Ereversed\"\n  parties: [A, B]\n\
meeting:\n  title: \"Title \\e[2J \\u2066isolated\\u2069\"\n  date: \"2024-01-01\"\n\
areas:\n  - id: a\n    title: \"Area \\x9b31m \\u200Bzero\"\n    commitments:\n\
      \x20     - \"Commit \\e]52;c;cm0gLXJmIH4K\\a to \\u202Enothing.\"\n";

/// What must never reach a terminal from a file, a file name or an argument.
fn assert_harmless(what: &str, s: &str) {
    for bad in ['\x1b', '\x07', '\u{9b}', '\r', '\u{202E}', '\u{2066}', '\u{200B}'] {
        assert!(!s.contains(bad), "{what}: {bad:?} reached the terminal: {s:?}");
    }
}

#[test]
fn escape_sequences_and_reordering_characters_never_reach_stdout_or_stderr() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("hostile.yaml");
    std::fs::write(&file, HOSTILE).unwrap();
    let data = file.to_str().unwrap();
    for args in [
        vec!["list", "--no-default", "--data", data],
        vec!["show", "h/2024-01-01", "--no-default", "--data", data],
        vec![
            "show",
            "h/2024-01-01/a/1",
            "--cite",
            "--no-default",
            "--data",
            data,
        ],
        vec!["search", "commit", "--no-default", "--data", data],
    ] {
        let o = jointly(home.path(), &args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert_harmless(&format!("{args:?} stdout"), &stdout(&o));
        assert!(
            stdout(&o).contains('\u{FFFD}'),
            "shown, not dropped: {}",
            stdout(&o)
        );
    }

    // Bad values in a file are echoed in messages on stderr.
    let bad = home.path().join("bad.yaml");
    std::fs::write(
        &bad,
        "partnership:\n  id: \"\\e]52;c;cm0gLXJmIH4K\\a\\e]0;PWNED\\a\"\n  name: x\n  parties: [a]\n\
         meeting: {title: t, date: \"2024-01-01\"}\nareas:\n  - id: a\n    title: t\n    topics: [\"\\e[2J\\u202E\"]\n\
         \x20   commitments: [{text: x, stance: \"\\e]0;x\\a\"}]\n",
    )
    .unwrap();
    // A file name with an escape sequence and a line break in it.
    let named = home.path().join("evil\x1b]0;PWNED\x07\nname.yaml");
    std::fs::write(&named, "partnership: [\n").unwrap();
    let mut cases: Vec<Vec<String>> = vec![
        vec!["check".into(), bad.to_string_lossy().into()],
        vec!["check".into(), named.to_string_lossy().into()],
        vec![
            "--no-default".into(),
            "--data".into(),
            named.to_string_lossy().into(),
            "list".into(),
        ],
        vec!["show".into(), "x\x1b]0;PWNED\x07\u{202E}".into()],
        vec!["compare".into(), "a\x1b[2J".into(), "b\u{9b}2J".into()],
        vec!["--data".into(), "/nowhere/\x1b]0;PWNED\x07".into(), "list".into()],
        vec!["show".into(), "x".into(), "\x1b]0;PWNED\x07".into()],
    ];
    cases.push(vec!["search".into(), "\x1b]0;PWNED\x07".into()]);
    for args in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = jointly(home.path(), &args);
        let err = stderr(&o);
        if args[0] != "search" {
            assert!(!err.is_empty(), "{args:?}: a message is expected");
        }
        assert_harmless(&format!("{args:?} stderr"), &err);
        assert_harmless(&format!("{args:?} stdout"), &stdout(&o));
    }
}

fn hostile_app() -> App {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hostile.yaml");
    std::fs::write(&file, HOSTILE).unwrap();
    let loaded = jointly::cli::annotated(load(&LoadOptions {
        embedded: false,
        user_dir: None,
        extra: vec![file],
        cache: false,
    }));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let (config, _) = jointly::config::parse("test", None);
    App::new(loaded.corpus, loaded.problems, config, false)
}

/// Decodes standard base64 (the OSC 52 payload).
fn unbase64(s: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for b in s.bytes().filter(|&b| b != b'=') {
        let v = ALPHABET.iter().position(|&a| a == b).unwrap() as u32;
        bits = bits << 6 | v;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
        }
    }
    out
}

#[test]
fn the_status_line_and_a_copied_citation_are_harmless() {
    let mut app = hostile_app();
    let path = app.corpus.resolve("h/2024-01-01/a/1").unwrap();
    app.select_path(path);
    let screen = common::render(&mut app, 120, 30);
    let status = screen.lines().rfind(|l| !l.trim().is_empty()).unwrap();
    // The breadcrumb, with the area's hostile title in it (the partnership's
    // name gives way to its id when the line is short).
    assert!(
        status.contains("2024-01-01 › Area") && status.contains("zero"),
        "the status line shows the breadcrumb: {screen}"
    );
    assert_harmless("status line", status);
    assert_harmless("screen", &screen);

    app.update(Action::CopyCitation);
    let effects = app.take_effects();
    let Some(Effect::Clipboard(seq)) = effects.first() else {
        panic!("y copies: {effects:?}");
    };
    let payload = seq
        .strip_prefix("\x1b]52;c;")
        .and_then(|s| s.strip_suffix('\x07'))
        .unwrap();
    let citation = String::from_utf8(unbase64(payload)).unwrap();
    assert!(citation.contains("Commit"), "{citation}");
    assert_harmless("copied citation", &citation);
    assert!(citation.contains('\u{FFFD}'), "{citation}");
}

/// A bookmark whose save fails (here the data folder is a file; a
/// read-only folder or a full disk fail the same way) is said at once in
/// the status line, kept, saved again at the next change, and at exit.
#[test]
fn a_failed_bookmark_save_is_said_kept_and_retried_at_the_next_save_and_at_exit() {
    use jointly::bookmarks::BookmarkStore;
    use jointly::session::Session;

    let dir = tempfile::tempdir().unwrap();
    let blocked = dir.path().join("data");
    std::fs::write(&blocked, "a file where the data folder should be").unwrap();
    let path = blocked.join("bookmarks.yaml");
    let mut app = common::app(false);
    let mut session = Session::open_at(&mut app, None, Some(BookmarkStore::open(&path)));
    let q2 = app.corpus.resolve("eu-sg-dp/2025-12-01/quantum/2").unwrap();
    app.select_path(q2);
    app.update(Action::Bookmark);
    app.update(Action::Open);
    assert!(app.message.as_deref().unwrap().starts_with("Bookmarked"));
    let mut sink = Vec::new();
    for effect in app.take_effects() {
        for msg in session.perform(effect, &mut sink) {
            app.update(msg);
        }
    }
    let said = app.message.clone().unwrap_or_default();
    assert!(
        said.contains("bookmarks not saved"),
        "the status line says so: {said}"
    );
    assert!(
        said.ends_with("saved again at the next change and at exit)"),
        "{said}"
    );
    assert!(app.problems.iter().any(|p| p.message.contains("not saved")));

    // Kept in memory: the next change saves it too.
    std::fs::remove_file(&blocked).unwrap();
    let ai = app.corpus.resolve("us-sg-cet/2023-10-12/ai").unwrap();
    app.select_path(ai);
    std::fs::write(&blocked, "still a file").unwrap();
    app.update(Action::Bookmark);
    app.update(Action::Open);
    for effect in app.take_effects() {
        for msg in session.perform(effect, &mut sink) {
            app.update(msg);
        }
    }
    assert!(app.message.as_deref().unwrap_or_default().contains("not saved"));
    // At exit it is tried once more; a failure then is said.
    assert!(session.save_pending().unwrap().contains("lost"));
    std::fs::remove_file(&blocked).unwrap();
    assert_eq!(session.save_pending(), None);
    let (saved, warnings) = BookmarkStore::open(&path);
    assert!(warnings.is_empty(), "{warnings:?}");
    let ids: Vec<&str> = saved.set().list().iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["eu-sg-dp/2025-12-01/quantum/2", "us-sg-cet/2023-10-12/ai"]);
}

fn kill(signal: &str, pid: u32) {
    let killed = std::process::Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success(), "kill -{signal}");
}

/// The state of process `pid` from `/proc` (`T` when stopped).
fn process_state(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    stat.rsplit(')')
        .next()
        .and_then(|s| s.trim().chars().next())
        .unwrap_or('?')
}

fn wait_until(what: &str, f: impl Fn() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while !f() {
        assert!(
            std::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[cfg(target_os = "linux")]
#[test]
fn sigint_sigquit_sigusr1_and_sigalrm_restore_the_terminal_and_save_the_place() {
    for (signal, code) in [("INT", 130), ("QUIT", 131), ("USR1", 138), ("ALRM", 142)] {
        let home = tempfile::tempdir().unwrap();
        let mut s = common::Session::start(home.path(), &[], 100, 30);
        s.wait_for_text("EU-Singapore Digital Partnership");
        s.keys("j");
        kill(signal, s.pid().unwrap());
        assert_eq!(s.wait_exit(), code, "SIG{signal}");
        assert!(
            !s.alternate_screen(),
            "SIG{signal}: the alternate screen was left"
        );
        let raw = s.raw_output();
        let tail = String::from_utf8_lossy(&raw[raw.len().saturating_sub(200)..]).into_owned();
        assert!(
            tail.contains("\x1b[?25h"),
            "SIG{signal}: the cursor is shown: {tail:?}"
        );
        assert!(
            home.path().join("state/jointly/state.yaml").exists(),
            "SIG{signal}: the place is saved"
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn sigtstp_gives_the_terminal_back_and_sigcont_takes_it_again_and_redraws() {
    let home = tempfile::tempdir().unwrap();
    let mut s = common::Session::start(home.path(), &[], 100, 30);
    s.wait_for_text("EU-Singapore Digital Partnership");
    let pid = s.pid().unwrap();
    for (stop, how) in [("TSTP", "kill -TSTP"), ("STOP", "kill -STOP")] {
        let before = s.raw_output().len();
        kill(stop, pid);
        wait_until(&format!("{how}: stopped"), || process_state(pid) == 'T');
        if stop == "TSTP" {
            // The shell gets its screen back: main screen, cursor shown.
            wait_until(&format!("{how}: main screen, cursor shown"), || {
                let raw = s.raw_output();
                !s.alternate_screen() && String::from_utf8_lossy(&raw[before..]).contains("\x1b[?25h")
            });
        }
        let stopped = s.raw_output().len();
        kill("CONT", pid);
        // A whole frame is drawn again, not a diff of nothing. (Words, not
        // the whole name: drawn over a cleared screen, blank cells between
        // words are skipped with cursor moves unless the row is selected.)
        wait_until(&format!("{how}: a whole frame after SIGCONT"), || {
            let raw = s.raw_output();
            let since = String::from_utf8_lossy(&raw[stopped..]).into_owned();
            s.alternate_screen() && since.contains("EU-Singapore") && since.contains("Partnership")
        });
    }
    // Still answering keys, in raw mode: `q` is a key, not a line.
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
}

/// Ctrl-z in the browser, under an interactive shell with job control:
/// the shell's prompt comes back on the main screen, and `fg` brings back
/// a whole frame that answers keys (issue 15 item 9, issue 18 item 6).
#[cfg(target_os = "linux")]
#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_redraws() {
    let home = tempfile::tempdir().unwrap();
    let pair = common::pty::open(100, 30);
    let mut cmd = common::pty::command("bash", home.path());
    cmd.args(["--norc", "--noprofile", "-i"]);
    cmd.env("PS1", "PROMPT$ ");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let parser = std::sync::Arc::new(std::sync::Mutex::new(vt100::Parser::new(
        30.try_into().unwrap(),
        100.try_into().unwrap(),
        0,
    )));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let p = std::sync::Arc::clone(&parser);
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = std::io::Read::read(&mut reader, &mut buf) {
            if n == 0 {
                break;
            }
            p.lock().unwrap().process(&buf[..n]);
        }
    });
    let mut writer = pair.master.take_writer().unwrap();
    let mut type_ = |s: &str| {
        std::io::Write::write_all(&mut writer, s.as_bytes()).unwrap();
        std::io::Write::flush(&mut writer).unwrap();
    };
    let screen = || parser.lock().unwrap().screen().contents();
    let alternate = || parser.lock().unwrap().screen().alternate_screen();
    wait_until("the prompt", || screen().contains("PROMPT$"));
    type_(&format!("{}\r", env!("CARGO_BIN_EXE_jointly")));
    wait_until("the browser", || {
        screen().contains("EU-Singapore Digital Partnership") && alternate()
    });
    type_("\x1a");
    wait_until("the shell's prompt on the main screen", || {
        !alternate() && screen().matches("PROMPT$").count() >= 2
    });
    type_("fg\r");
    wait_until("a whole frame after fg", || {
        alternate()
            && screen().contains("EU-Singapore Digital Partnership")
            && screen().contains("Statements")
    });
    type_("j");
    type_("q");
    wait_until("the shell again after q", || {
        !alternate() && screen().matches("PROMPT$").count() >= 3
    });
    type_("exit\r");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

const SMALL: &str = "partnership: {id: x, name: X, parties: [a]}\nmeeting: {title: T, date: \"2024-01-01\", source: {file: SOURCE}}\nareas:\n  - {id: a, title: A, commitments: [x]}\n";

/// `source.file` is read inside the statement's folder (or, outside it, only
/// a statement's text), links resolved; a refusal quotes no byte.
#[cfg(unix)]
#[test]
fn source_file_cannot_reach_outside_the_statements_folder() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("deep/er");
    std::fs::create_dir_all(&dir).unwrap();
    let secret = home.path().join("secret");
    std::fs::write(&secret, "TOPSECRET line one\nTOPSECRET line two\n").unwrap();
    std::os::unix::fs::symlink(&secret, dir.join("looks-like-a-source.md")).unwrap();
    for (name, source) in [
        ("up.yaml", "../../secret".to_string()),
        ("absolute.yaml", secret.display().to_string()),
        ("link.yaml", "looks-like-a-source.md".to_string()),
    ] {
        let file = dir.join(name);
        std::fs::write(&file, SMALL.replace("SOURCE", &format!("\"{source}\""))).unwrap();
        let o = jointly(home.path(), &["check", file.to_str().unwrap()]);
        let err = stderr(&o);
        assert!(
            err.contains("is not read: it is outside the statement's folder"),
            "{name}: {err}"
        );
        assert!(
            !err.contains("TOPSECRET"),
            "{name}: a byte of the file was quoted: {err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_data_folder_that_cannot_be_used_is_said_on_every_command() {
    use std::os::unix::fs::symlink;
    type Make = fn(&Path);
    let cases: [(&str, Make); 3] = [
        ("it is a file, not a folder", |p| {
            std::fs::write(p, "oops").unwrap()
        }),
        ("a symbolic link to a file that does not exist", |p| {
            symlink(p.with_file_name("nowhere"), p).unwrap()
        }),
        ("cannot be followed", |p| symlink(p, p).unwrap()),
    ];
    for (why, make) in cases {
        let home = tempfile::tempdir().unwrap();
        let statements = home.path().join("data/jointly/statements");
        std::fs::create_dir_all(statements.parent().unwrap()).unwrap();
        make(&statements);
        for args in [
            vec!["list"],
            vec!["check"],
            vec!["search", "quantum"],
            vec!["glossary"],
        ] {
            let o = jointly(home.path(), &args);
            let err = stderr(&o);
            assert!(
                err.contains("the folder of your statements cannot be read") && err.contains(why),
                "{why}: {args:?}: {err}"
            );
        }
        let o = jointly(home.path(), &["check"]);
        assert_eq!(o.status.code(), Some(1), "check fails: {}", stderr(&o));
    }
    // A data folder that may not be read (root reads it anyway).
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data/jointly");
    std::fs::create_dir_all(data.join("statements")).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read_dir(&data).is_err() {
        let o = jointly(home.path(), &["check"]);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("permission denied"), "{}", stderr(&o));
    }
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn import_install_force_refuses_to_replace_its_own_input() {
    let home = tempfile::tempdir().unwrap();
    let statements = home.path().join("data/jointly/statements");
    std::fs::create_dir_all(&statements).unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/korea-singapore-dpc-2026.md");
    // Import once to learn the file name the install takes.
    let o = jointly(
        home.path(),
        &[
            "import",
            src.to_str().unwrap(),
            "--partnership",
            "kr-sg-dpc",
            "--install",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let target = std::fs::read_dir(&statements)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    // The statement's text, saved under that very name.
    let text = std::fs::read_to_string(&src).unwrap();
    std::fs::write(&target, &text).unwrap();
    let o = jointly(
        home.path(),
        &[
            "import",
            target.to_str().unwrap(),
            "--partnership",
            "kr-sg-dpc",
            "--install",
            "--force",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is the file being imported"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        text,
        "the input is intact"
    );
}

#[test]
fn messages_for_people_not_programmers() {
    // A colour given as a number out of range is named as written.
    let (_, problems) = jointly::config::parse("c.yaml", Some("theme:\n  border: 256\n"));
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(shown.iter().any(|p| p.contains("bad colour `256`")), "{shown:?}");
    assert!(!shown.iter().any(|p| p.contains("Number(")), "{shown:?}");

    // An action left with no key is said; quit keeps its default.
    let (config, problems) = jointly::config::parse(
        "c.yaml",
        Some("keys:\n  quit: []\n  help: []\n  move_down: [e]\n"),
    );
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        shown
            .iter()
            .any(|p| p.starts_with("c.yaml:2:3: warning: keys.quit: quit needs a key")),
        "{shown:?}"
    );
    assert!(
        shown.iter().any(|p| p.contains("`help` is given no key")),
        "{shown:?}"
    );
    assert_eq!(config.keys.action("q".parse().unwrap()), Some(Action::Quit));
    assert_eq!(
        config.keys.action("e".parse().unwrap()),
        Some(Action::MoveDown),
        "the rest still applies"
    );

    // Two byte-order marks.
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("bom.yaml");
    let good = SMALL.replace(", source: {file: SOURCE}", "");
    std::fs::write(&file, format!("\u{feff}\u{feff}{good}")).unwrap();
    let o = jointly(home.path(), &["check", file.to_str().unwrap()]);
    assert!(
        stderr(&o).contains("begins with 2 byte-order marks"),
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("missing field"), "{}", stderr(&o));
    assert!(stdout(&o).contains("1 statement file loaded"), "{}", stdout(&o));
}

#[cfg(target_os = "linux")]
#[test]
fn help_into_a_full_disk_is_an_error() {
    let home = tempfile::tempdir().unwrap();
    for args in [["--help"], ["--version"]] {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_jointly"))
            .args(args)
            .env("HOME", home.path())
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert!(stderr(&o).contains("No space left"), "{}", stderr(&o));
    }
}

/// A 40 MB config is called a config file, and the browser still starts.
#[test]
fn a_huge_config_is_named_a_config_file() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/jointly/config.yaml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::File::create(&config)
        .unwrap()
        .set_len(40_000_000)
        .unwrap();
    let mut s = common::Session::start(home.path(), &[], 120, 30);
    s.wait_for_text("EU-Singapore Digital Partnership");
    s.keys("!");
    let screen = s.wait_for_text("config file may have");
    assert!(!screen.contains("statement file"), "{screen}");
    s.keys("\x03");
    assert_eq!(s.wait_exit(), 0);
}

/// Every string in a JSON document, keys and values.
fn json_strings(v: &serde_json::Value, into: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => into.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|i| json_strings(i, into)),
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                into.push(k.clone());
                json_strings(v, into);
            }
        }
        _ => {}
    }
}

#[test]
fn json_output_keeps_the_text_exactly_and_escapes_what_could_act_on_a_terminal() {
    // A commitment (and, for `compare`, which gives commitments by id, an
    // area's title) holding a right-to-left override, a zero-width space,
    // an escape sequence and a C1 control: JSON must carry it unchanged, as
    // `\uXXXX` escapes, never as the raw characters.
    let text = "Commit to \u{202E}nothing\u{200B} \u{1b}[31mred\u{9b} here.";
    let statement = |date: &str| {
        let quoted = "\"Commit to \\u202Enothing\\u200B \\e[31mred\\x9b here.\"";
        format!(
            "partnership:\n  id: h\n  name: H\n  parties: [A, B]\n\
             meeting:\n  title: T\n  date: \"{date}\"\n\
             areas:\n  - id: a\n    title: {quoted}\n    commitments:\n\
             \x20     - {quoted}\n"
        )
    };
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("statements");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("one.yaml"), statement("2024-01-01")).unwrap();
    std::fs::write(dir.join("two.yaml"), statement("2025-01-01")).unwrap();
    let data = dir.to_str().unwrap();
    for args in [
        vec!["list"],
        vec!["show", "h/2024-01-01/a/1"],
        vec!["search", "nothing"],
        vec!["compare", "h/2024-01-01", "h/2025-01-01"],
    ] {
        let mut args = args;
        args.extend(["--format", "json", "--no-default", "--data", data]);
        let o = jointly(home.path(), &args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        let raw = &o.stdout;
        let out = stdout(&o);
        for bad in ['\u{202E}', '\u{200B}', '\u{1b}', '\u{9b}', '\u{FFFD}'] {
            assert!(!out.contains(bad), "{args:?}: raw {bad:?} in {out}");
        }
        assert!(!raw.contains(&0x1b), "{args:?}: ESC byte in the output");
        let doc: serde_json::Value = serde_json::from_slice(raw).unwrap();
        let mut strings = Vec::new();
        json_strings(&doc, &mut strings);
        assert!(
            strings.iter().any(|s| s == text),
            "{args:?}: the exact text is not in {out}"
        );
    }
}
