//! What a command-line tool people install is expected to have: shell
//! completions, a man page, help that names the environment, JSON from the
//! commands that print facts, colour that follows `--color` and `NO_COLOR`,
//! exit codes and words that agree, times in any offset, ids from titles
//! beyond ASCII, and a debug log only when asked for.

mod common;

use std::path::Path;

use clap::CommandFactory;
use common::{jointly, jointly_env, stderr, stdout};

/// Every subcommand name but clap's own `help`.
fn subcommands() -> Vec<String> {
    jointly::cli::Cli::command()
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .filter(|n| n != "help")
        .collect()
}

#[test]
fn completions_for_every_shell_name_every_subcommand() {
    let home = tempfile::tempdir().unwrap();
    let names = subcommands();
    assert!(names.len() >= 11, "{names:?}");
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = jointly(home.path(), &["completions", shell]);
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let script = stdout(&o);
        for name in &names {
            assert!(
                script.contains(name.as_str()),
                "{shell} completion lacks `{name}`"
            );
        }
        // The options of a subcommand are completed too.
        assert!(script.contains("format"), "{shell}");
    }
    let o = jointly(home.path(), &["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_man_page_has_a_section_for_every_subcommand() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["man"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = stdout(&o);
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{page}");
    assert!(page.contains(".TH jointly 1"), "{page}");
    for name in subcommands() {
        let heading = format!(".SH \"JOINTLY {}\"", name.to_uppercase());
        assert!(page.contains(&heading), "no {heading} in the man page");
    }
    // A subcommand's section holds its options and its examples.
    assert!(page.contains("jointly search post quantum --limit 5"), "{page}");
    // No line of help text is read by roff as a request.
    for section in page.split(".nf\n").skip(1) {
        let body = section.split(".fi\n").next().unwrap();
        for line in body.lines() {
            assert!(!line.starts_with('.') && !line.starts_with('\''), "{line}");
        }
    }
}

#[test]
fn help_names_the_environment_and_each_subcommand_has_examples() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["--help"]);
    assert!(o.status.success());
    let help = stdout(&o);
    for var in [
        "JOINTLY_CONFIG",
        "JOINTLY_LOG",
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "XDG_DATA_HOME",
        "XDG_CONFIG_HOME",
        "XDG_STATE_HOME",
        "TZ",
    ] {
        assert!(help.contains(var), "--help does not name {var}");
    }
    for name in subcommands() {
        let o = jointly(home.path(), &[&name, "--help"]);
        assert!(o.status.success(), "{name}");
        let help = stdout(&o);
        let examples = help
            .split("Examples:")
            .nth(1)
            .unwrap_or_else(|| panic!("{name}: {help}"));
        let count = examples
            .lines()
            .filter(|l| l.trim_start().starts_with("jointly "))
            .count();
        assert!((2..=3).contains(&count), "{name} has {count} examples");
    }
}

/// A statement file with one error: a stance that does not exist.
const BAD: &str = "\
partnership:
  id: bad-one
  name: Bad Partnership
  parties: [Japan, Singapore]
meeting:
  title: Joint Statement of the Bad Partnership
  date: \"2024-05-02\"
areas:
  - id: ai
    title: Artificial Intelligence
    commitments:
      - text: Will exchange researchers.
        stance: maybe
";

#[test]
fn check_as_json_gives_each_problem_with_its_place() {
    let home = tempfile::tempdir().unwrap();
    let bad = home.path().join("bad.yaml");
    std::fs::write(&bad, BAD).unwrap();
    let o = jointly(home.path(), &["check", bad.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "the problems are in the JSON");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["errors"], 1, "{v:#}");
    let p = &v["problems"][0];
    assert_eq!(p["file"], bad.to_str().unwrap());
    assert_eq!(p["severity"], "error");
    assert_eq!(
        (p["line"].as_u64(), p["column"].as_u64()),
        (Some(12), Some(9)),
        "{v:#}"
    );
    // The loader gives serde's errors their path inside the message (its
    // `path` is set only for the checks it makes itself).
    let message = p["message"].as_str().unwrap();
    assert!(
        p["path"] == "areas[0].commitments[0]"
            || (p["path"].is_null() && message.starts_with("areas[0].commitments[0]: ")),
        "{v:#}"
    );
    assert!(
        p["message"].as_str().unwrap().contains("unknown stance `maybe`"),
        "{v:#}"
    );

    let o = jointly(home.path(), &["check", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!((v["files"].as_u64(), v["errors"].as_u64()), (Some(2), Some(0)));
    assert!(v["commitments"].as_u64().unwrap() > 40);
    assert_eq!(v["problems"], serde_json::json!([]));
}

#[test]
fn show_as_json_gives_the_node_where_it_is_and_where_it_comes_from() {
    let home = tempfile::tempdir().unwrap();
    let json = |id: &str| -> serde_json::Value {
        let o = jointly(home.path(), &["show", id, "--format", "json"]);
        assert!(o.status.success(), "{id}: {}", stderr(&o));
        serde_json::from_slice(&o.stdout).expect("JSON")
    };
    let c = json("eu-sg-dp/2025-12-01/quantum/2");
    assert_eq!(c["kind"], "commitment");
    assert_eq!(c["id"], "eu-sg-dp/2025-12-01/quantum/2");
    assert!(
        c["breadcrumb"].as_str().unwrap().ends_with("› Quantum › 2/2"),
        "{c:#}"
    );
    assert!(
        c["commitment"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Intend to explore collaboration")
    );
    assert!(["commit", "intend", "explore", "acknowledge"].contains(&c["stance"].as_str().unwrap()));
    assert!(
        c["topics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["id"] == "quantum"),
        "{c:#}"
    );
    assert!(c["source"]["file"].as_str().unwrap().ends_with(".txt"), "{c:#}");
    assert!(c["source"]["lines"].is_string(), "{c:#}");

    let a = json("us-sg-cet/2023-10-12/quantum");
    assert_eq!(a["kind"], "area");
    assert!(!a["area"]["commitments"].as_array().unwrap().is_empty());
    assert!(a["stance"].is_null());
    let m = json("eu-sg-dp/2025-12-01");
    assert_eq!(m["kind"], "meeting");
    assert_eq!(m["meeting"]["date"], "2025-12-01");
    let p = json("eu-sg-dp");
    assert_eq!(p["kind"], "partnership");
    assert!(p["source"].is_null());

    let o = jointly(home.path(), &["show", "eu-sg-dp/nope", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let o = jointly(home.path(), &["show", "eu-sg-dp", "--format", "json", "--cite"]);
    assert_eq!(o.status.code(), Some(2), "--cite prints text, not JSON");
}

#[test]
fn a_bookmark_written_with_an_offset_is_read_back_unharmed_and_shown_in_the_local_zone() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("data/jointly/bookmarks.yaml");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let text = "\
version: 1
bookmarks:
  - id: eu-sg-dp/2025-12-01/quantum/2
    note: hand-edited
    created: 2026-03-01T10:00:00+01:00
    changed: 2026-03-01T10:00:00+01:00
";
    std::fs::write(&file, text).unwrap();
    // Central European Time as a POSIX rule, so that no zone database is needed.
    let cet = [("TZ", "CET-1CEST,M3.5.0,M10.5.0/3")];
    let o = jointly_env(home.path(), &["bookmarks"], &cet);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "the file was taken for damaged");
    assert!(
        stdout(&o).contains("  note: hand-edited\n  bookmarked 2026-03-01 10:00 CET\n"),
        "{}",
        stdout(&o)
    );
    let utc = jointly_env(home.path(), &["bookmarks"], &[("TZ", "UTC")]);
    assert!(
        stdout(&utc).contains("bookmarked 2026-03-01 09:00 UTC"),
        "{}",
        stdout(&utc)
    );
    let o = jointly(home.path(), &["bookmarks", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["bookmarks"][0]["created"], "2026-03-01T09:00:00.000Z");

    // Saved again, the bookmark keeps its instant and nothing is moved aside.
    let (mut store, warnings) = jointly::bookmarks::BookmarkStore::open(&file);
    assert!(warnings.is_empty(), "{warnings:?}");
    let before = store.set().get("eu-sg-dp/2025-12-01/quantum/2").unwrap().created;
    store.save(jointly::timestamp::Timestamp::now()).unwrap();
    let (again, warnings) = jointly::bookmarks::BookmarkStore::open(&file);
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(
        again.set().get("eu-sg-dp/2025-12-01/quantum/2").unwrap().created,
        before
    );
    let names: Vec<String> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".lock"))
        .collect();
    assert_eq!(names, ["bookmarks.yaml"], "a copy was set aside");
}

#[test]
fn an_imported_title_beyond_ascii_gives_a_transliterated_id() {
    let home = tempfile::tempdir().unwrap();
    let source = home.path().join("civ.md");
    std::fs::write(
        &source,
        "# Côte d'Ivoire–Türkiye Digital Dialogue\n\nAbidjan, 1 December 2025\n\nThe two sides met in Abidjan.\n\n## Artificial Intelligence\n\n- Intend to cooperate on artificial intelligence.\n",
    )
    .unwrap();
    let o = jointly(home.path(), &["import", source.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let yaml = stdout(&o);
    assert!(yaml.contains("id: \"cote-d-ivoire-turkiye"), "{yaml}");
}

#[test]
fn color_never_and_no_color_give_the_same_bytes_and_always_colours_a_pipe() {
    let home = tempfile::tempdir().unwrap();
    let args = ["search", "quantum", "--limit", "3"];
    let plain = jointly(home.path(), &args);
    let never = jointly(home.path(), &[&args[..], &["--color", "never"]].concat());
    let no_color = jointly_env(home.path(), &args, &[("NO_COLOR", "1")]);
    let always = jointly(home.path(), &[&args[..], &["--color", "always"]].concat());
    assert!(!plain.stdout.contains(&0x1b), "auto into a pipe is plain");
    assert_eq!(never.stdout, no_color.stdout);
    assert_eq!(never.stdout, plain.stdout);
    assert!(always.stdout.contains(&0x1b), "{}", stdout(&always));
    // CLICOLOR_FORCE forces it as --color always does; NO_COLOR wins over it.
    let forced = jointly_env(home.path(), &args, &[("CLICOLOR_FORCE", "1")]);
    assert_eq!(forced.stdout, always.stdout);
    let both = jointly_env(home.path(), &args, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
    assert_eq!(both.stdout, never.stdout);
    // --color before the subcommand counts as after it.
    let first = jointly(home.path(), &[&["--color", "always"][..], &args[..]].concat());
    assert_eq!(first.stdout, always.stdout);

    // Problems on stderr: the severity in colour only when asked.
    let bad = home.path().join("bad.yaml");
    std::fs::write(&bad, BAD).unwrap();
    let path = bad.to_str().unwrap();
    let o = jointly(home.path(), &["check", path, "--color", "always"]);
    let err = stderr(&o);
    let tag = err.split(": ").find(|t| t.contains("error")).unwrap_or_default();
    assert!(
        tag.starts_with('\x1b') && tag.ends_with("\x1b[0m") && tag.contains("31m"),
        "{err:?}"
    );
    let o = jointly(home.path(), &["check", path]);
    assert!(stderr(&o).contains(": error: ") && !stderr(&o).contains('\x1b'));
}

#[test]
fn search_exits_1_when_nothing_matches_as_grep_does() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["search", "zzqqxxjj"]);
    assert_eq!(o.status.code(), Some(1));
    let o = jointly(home.path(), &["search", "zzqqxxjj", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let o = jointly(home.path(), &["search", "quantum"]);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn a_missing_data_path_is_a_usage_error_before_anything_runs() {
    let home = tempfile::tempdir().unwrap();
    let missing = home.path().join("no-such-folder");
    for args in [
        vec!["list", "--data"],
        vec!["--data"],
        vec!["search", "quantum", "--data"],
    ] {
        let mut args = args.clone();
        args.push(missing.to_str().unwrap());
        let o = jointly(home.path(), &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains("no such file or folder"), "{}", stderr(&o));
        assert_eq!(stdout(&o), "");
    }
}

#[test]
fn commands_that_load_nothing_do_not_offer_the_load_options() {
    let home = tempfile::tempdir().unwrap();
    let here = env!("CARGO_MANIFEST_DIR");
    for args in [
        vec!["config", "--path", "--data", here],
        vec!["man", "--no-default"],
        vec!["completions", "bash", "--color", "never"],
        vec!["--data", here, "config", "--path"],
        vec!["--no-default", "man"],
        // With paths, check never loads the embedded statements.
        vec!["check", "README.md", "--no-default"],
    ] {
        let o = jointly(home.path(), &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stdout(&o));
    }
    for name in ["config", "man", "completions"] {
        let o = jointly(home.path(), &[name, "--help"]);
        let help = stdout(&o);
        assert!(
            !help.contains("--data") && !help.contains("--no-default"),
            "{name}: {help}"
        );
    }
    let o = jointly(home.path(), &["list", "--help"]);
    assert!(stdout(&o).contains("--data") && stdout(&o).contains("--color"));
}

#[test]
fn counts_agree_with_their_nouns() {
    let home = tempfile::tempdir().unwrap();
    let bad = home.path().join("bad.yaml");
    std::fs::write(&bad, BAD).unwrap();
    let o = jointly(home.path(), &["check", bad.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(out.contains("; 1 error, 0 warnings"), "{out}");
    let o = jointly(home.path(), &["check"]);
    let out = stdout(&o);
    assert!(
        out.contains("2 statement files loaded (2 partnerships, 2 meetings"),
        "{out}"
    );
}

fn log_lines(home: &Path, args: &[&str]) -> Option<String> {
    let log = home.join("debug.log");
    let _ = std::fs::remove_file(&log);
    let env = [("JOINTLY_LOG", log.to_str().unwrap())];
    let o = jointly_env(home, args, &env);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::read_to_string(&log).ok()
}

#[test]
fn jointly_log_writes_a_debug_log_and_nothing_is_logged_without_it() {
    let home = tempfile::tempdir().unwrap();
    let log = log_lines(home.path(), &["list"]).expect("a log file");
    std::fs::remove_file(home.path().join("debug.log")).unwrap();
    assert!(log.contains("jointly 0."), "{log}");
    assert!(log.contains("loaded 2 statement files"), "{log}");
    assert!(log.lines().all(|l| l.contains(" ms ")), "{log}");
    let o = jointly(home.path(), &["list"]);
    assert!(o.status.success());
    let files: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(files.iter().all(|f| f != "debug.log"), "{files:?}");
    // A log that cannot be opened is a warning; the command still runs.
    let o = jointly_env(
        home.path(),
        &["list"],
        &[("JOINTLY_LOG", "/nonexistent-dir/x.log")],
    );
    assert!(o.status.success());
    assert!(stderr(&o).contains("JOINTLY_LOG"), "{}", stderr(&o));
}

/// Starts the browser in a pseudo-terminal with `args` and `env`; returns
/// the text of its coloured cells (foreground or background).
fn coloured_cells(args: &[&str], env: &[(&str, &str)]) -> String {
    let home = tempfile::tempdir().unwrap();
    let mut s = common::Session::start_with_env(home.path(), args, 100, 30, env);
    s.wait_for_text("Digital Partnership");
    let coloured = s.cells(|c| c.fgcolor() != vt100::Color::Default || c.bgcolor() != vt100::Color::Default);
    s.keys("q");
    assert_eq!(s.wait_exit(), 0);
    coloured
}

#[test]
fn the_browser_follows_color_and_no_color_alike() {
    assert!(
        !coloured_cells(&[], &[]).is_empty(),
        "the default theme has colour"
    );
    assert_eq!(coloured_cells(&["--color", "never"], &[]), "");
    assert_eq!(coloured_cells(&[], &[("NO_COLOR", "1")]), "");
    assert_eq!(coloured_cells(&[], &[("TERM", "dumb")]), "");
    assert!(!coloured_cells(&["--color", "always"], &[("NO_COLOR", "1")]).is_empty());
}
