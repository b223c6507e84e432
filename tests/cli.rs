//! The command line, run as a user runs it: the real binary, with the data
//! folder pointed at a temporary directory.

mod common;

use common::{jointly, stderr, stdout};

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const EXTRA: &str = r#"
partnership:
  id: jp-sg-dp
  name: Japan-Singapore Digital Partnership
  parties: [Japan, Singapore]
meeting:
  title: Joint Statement
  date: "2024-05-02"
areas:
  - id: ai
    title: AI
    commitments:
      - Intend to cooperate on AI.
"#;

#[test]
fn list_counts_the_seeds() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.ends_with("2 partnerships, 2 meetings, 13 areas, 45 commitments\n"),
        "{out}"
    );
    assert!(out.contains("eu-sg-dp/2025-12-01/quantum  Quantum  (2)"));
    assert!(out.contains("us-sg-cet/2023-10-12/digital-economy  Digital Economy and Data Governance  (7)"));
}

#[test]
fn list_json_has_the_documented_shape() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["list", "--format", "json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    let parts = v["partnerships"].as_array().expect("partnerships");
    assert_eq!(parts.len(), 2);
    let mut commitments = 0;
    for p in parts {
        assert!(p["id"].is_string() && p["name"].is_string());
        for m in p["meetings"].as_array().expect("meetings") {
            assert!(m["id"].is_string() && m["title"].is_string() && m["date"].is_string());
            for a in m["areas"].as_array().expect("areas") {
                assert!(a["id"].is_string() && a["title"].is_string());
                for c in a["commitments"].as_array().expect("commitments") {
                    assert!(c["id"].is_string() && c["text"].is_string());
                    commitments += 1;
                }
            }
        }
    }
    assert_eq!(commitments, 45);
    assert_eq!(
        v["partnerships"][0]["meetings"][0]["areas"][6]["commitments"][1]["id"],
        "eu-sg-dp/2025-12-01/quantum/2"
    );
}

#[test]
fn show_prints_a_whole_sentence_with_its_source() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(
        home.path(),
        &["show", "us-sg-cet/2023-10-12/defense-innovation/2"],
    );
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains(
        "To wit, MINDEF and U.S. DoD’s Defense Innovation Unit (DIU) intend to formalize a partnership that accelerates the use of commercial and dual-use technologies such as autonomy, digital technologies, and AI, to solve operational challenges for our militaries.  [intend, inferred from “intend to”, sentence 1]\n"
    ), "{out}");
    assert!(out.contains("Defense Innovation › 2/3"));
    assert!(out.contains(
        "Source: embedded (transcribed from us-singapore-cet-2023-10-12.md:144-148) https://www.whitehouse.gov/"
    ), "the file as the user has it, not a path in this repository: {out}");
}

#[test]
fn show_unknown_id_exits_1() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["show", "eu-sg-dp/2025-12-01/nope"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no statement, area or commitment has the id `eu-sg-dp/2025-12-01/nope`"));
}

#[test]
fn user_data_folder_and_data_flag_are_loaded_and_bad_files_reported() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("data/jointly/statements");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("jp.yaml"), EXTRA).unwrap();
    std::fs::write(
        dir.join("broken.yaml"),
        "partnership:\n  id: x\n  name: \"unclosed\n",
    )
    .unwrap();
    let extra = home.path().join("kr.yaml");
    std::fs::write(&extra, EXTRA.replace("jp-sg-dp", "kr-sg-dp")).unwrap();

    let o = jointly(home.path(), &["list", "--data", extra.to_str().unwrap()]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("jp-sg-dp/2024-05-02/ai  AI  (1)"), "{out}");
    assert!(out.contains("kr-sg-dp/2024-05-02/ai  AI  (1)"), "{out}");
    assert!(
        out.ends_with("4 partnerships, 4 meetings, 15 areas, 47 commitments\n"),
        "{out}"
    );
    let err = stderr(&o);
    let broken = dir.join("broken.yaml");
    assert!(
        err.contains(&format!("{}:4:1: error:", broken.display())),
        "{err}"
    );

    let o = jointly(home.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("1 error,"));
}

#[test]
fn schema_errors_name_the_path_and_line() {
    let home = tempfile::tempdir().unwrap();
    let f = home.path().join("bad.yaml");
    let bad = EXTRA.replace(
        "      - Intend to cooperate on AI.",
        "      - Intend.\n      - text: \"  \"",
    );
    std::fs::write(&f, bad).unwrap();
    let o = jointly(home.path(), &["check", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("bad.yaml:14:9:"), "{err}");
    assert!(err.contains("areas[0].commitments[1]"), "{err}");
    assert!(err.contains("empty text"), "{err}");
}

#[test]
fn no_default_leaves_out_the_seeds() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["list", "--no-default"]);
    assert!(o.status.success());
    assert_eq!(stdout(&o), "0 partnerships, 0 meetings, 0 areas, 0 commitments\n");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let home = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_jointly"))
        .args(["show", "us-sg-cet/2023-10-12"])
        .env("XDG_DATA_HOME", home.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is dropped here: the pipe is closed like `| head -1` closes it.
    let o = child.wait_with_output().unwrap();
    assert!(first.starts_with("U.S.-Singapore"));
    assert!(o.status.success(), "status {:?}", o.status);
    assert_eq!(stderr(&o), "");
}

#[test]
fn the_browser_without_a_terminal_says_so_and_exits_2() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the browser needs a terminal"),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty(), "nothing is drawn into the pipe");
}

#[test]
fn escape_sequences_in_a_statement_never_reach_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("hostile.yaml");
    std::fs::write(
        &file,
        "partnership: {id: h, name: \"Hostile \\e]0;owned\\a\"}\n\
         meeting: {title: \"Title \\e[2J\", date: \"2024-01-01\"}\n\
         areas:\n  - id: a\n    title: \"Area \\e[31mred\"\n    commitments:\n      - \"Commit \\e]52;c;Zm9v\\a to nothing \\r over.\"\n",
    )
    .unwrap();
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
        let out = stdout(&o);
        assert!(
            !out.contains('\x1b') && !out.contains('\x07') && !out.contains('\r'),
            "{args:?}: {out:?}"
        );
        assert!(out.contains('\u{FFFD}'), "{args:?}: {out:?}");
    }
}

#[test]
fn show_and_list_say_why_a_stance_and_who_undertakes_it() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["show", "us-sg-cet/2023-10-12/biotechnology/1"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains(
            "malign activities.  [commit, inferred from “committed to”, sentence 1; United States alone]\n"
        ),
        "{out}"
    );
    let o = jointly(home.path(), &["show", "eu-sg-dp/2025-12-01/cybersecurity/4"]);
    assert!(stdout(&o).contains("[explore, inferred from “will explore”, sentence 2]"));
    let o = jointly(
        home.path(),
        &["show", "us-sg-cet/2023-10-12/biotechnology/1", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["stance_basis"]["words"], "committed to", "{v}");
    assert_eq!(v["actor"], "United States");
    assert_eq!(v["commitment"]["stance_basis"]["sentence"], 1);
    assert_eq!(v["commitment"]["actor"], "United States");
    let o = jointly(home.path(), &["list"]);
    let out = stdout(&o);
    assert!(
        out.contains(
            "us-sg-cet/2023-10-12/biotechnology  Biotechnology  (4)  c/i/e/a 2/1/0/1 (alone 1/0/0/0)\n"
        ),
        "{out}"
    );
}

#[test]
fn show_keeps_lead_ins_and_later_commitments_in_source_order() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("order.yaml");
    std::fs::write(
        &file,
        "partnership: {id: o, name: Order, parties: [A, B]}\n\
         meeting: {title: T, date: \"2024-01-01\"}\n\
         areas:\n\
         \x20 - id: conn\n    title: Connectivity\n    commitments: [\"We support projects.\"]\n\
         \x20   after_areas: [\"We also coordinate financing.\"]\n\
         \x20 - id: kenya\n    title: With Kenya\n    section: [Connectivity]\n\
         \x20   commitments: [\"We build fibre.\", \"We train.\"]\n\
         \x20   leads: [{before: 2, text: \"To that end we intend to:\"}]\n\
         \x20 - id: quantum\n    title: Quantum\n    commitments: [\"One item.\"]\n",
    )
    .unwrap();
    let data = file.to_str().unwrap();
    let o = jointly(
        home.path(),
        &["show", "o/2024-01-01", "--no-default", "--data", data],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let at = |s: &str| out.find(s).unwrap_or_else(|| panic!("{s:?} not in {out}"));
    assert!(at("We support") < at("With Kenya"), "{out}");
    assert!(
        at("1. We build") < at("To that end") && at("To that end") < at("2. We train"),
        "{out}"
    );
    assert!(
        at("2. We train") < at("2. We also coordinate") && at("2. We also coordinate") < at("Quantum"),
        "{out}"
    );
    let o = jointly(
        home.path(),
        &["show", "o/2024-01-01/conn", "--no-default", "--data", data],
    );
    let out = stdout(&o);
    assert!(
        out.contains("(after the areas under this heading)\n2. We also coordinate financing."),
        "{out}"
    );
    let o = jointly(home.path(), &["list", "--no-default", "--data", data]);
    assert!(
        stdout(&o).ends_with("1 partnership, 1 meeting, 3 areas, 5 commitments\n"),
        "{}",
        stdout(&o)
    );
}

/// `list --format json` holds every paragraph of a statement, not only its
/// commitments: the preamble, the dateline and co-chairs, an area's
/// lead-in between two lists (with the commitment it stands before), its
/// closing text, and a signature block.
#[test]
fn json_holds_every_paragraph_of_a_statement() {
    let home = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (source, id) in [
        (
            "tests/fixtures/corpus/2021-09-29-u-s-eu-trade-and-technology-council-inaugural-joint-statement.md",
            "ttc",
        ),
        ("tests/fixtures/import/eu-japan-dpc-2026.md", "eu-jp"),
    ] {
        let o = jointly(
            home.path(),
            &[
                "import",
                root.join(source).to_str().unwrap(),
                "--partnership",
                id,
                "--install",
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let o = jointly(home.path(), &["list", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let meeting = |id: &str| -> serde_json::Value {
        v["partnerships"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|p| p["meetings"].as_array().unwrap().clone())
            .find(|m| m["id"] == id)
            .unwrap_or_else(|| panic!("no meeting {id}"))
    };
    // The EU seed: its seven preamble paragraphs, its closing, its dateline
    // and co-chairs, as the seed file has them.
    let eu = meeting("eu-sg-dp/2025-12-01");
    assert_eq!(eu["preamble"].as_array().unwrap().len(), 7, "{eu}");
    assert!(eu["preamble"][0].as_str().unwrap().starts_with(
        "The second meeting of the European Union - Singapore Digital Partnership Council took place"
    ));
    assert_eq!(eu["closing"].as_array().unwrap().len(), 1, "{eu}");
    assert_eq!(eu["dateline"], "1 December 2025");
    assert_eq!(eu["co_chairs"][1]["name"], "Josephine Teo");
    // The TTC's lead-in between two lists of one area.
    let ttc = meeting("ttc/2021-09-29");
    let leads: Vec<serde_json::Value> = ttc["areas"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["leads"].as_array().cloned().unwrap_or_default())
        .collect();
    assert_eq!(leads.len(), 1, "{leads:?}");
    assert_eq!(leads[0]["before"], 3);
    assert!(
        leads[0]["text"]
            .as_str()
            .unwrap()
            .ends_with("the United States and the European Union intend to:")
    );
    // A signature block.
    let jp = meeting("eu-jp/2026-05-12");
    assert_eq!(jp["signatories"][2], "For Japan");
    // `show` prints a top-level section as deep as a top-level area, and
    // what stands in it one deeper.
    let o = jointly(home.path(), &["show", "eu-jp/2026-05-12"]);
    let shown = stdout(&o);
    for heading in [
        "\n## I. Economic Security\n",
        "\n### Semiconductors\n",
        "\n## Next Steps\n",
    ] {
        assert!(shown.contains(heading), "{heading:?} in {shown}");
    }
}
