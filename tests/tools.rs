//! The reader's tools from the command line: citations, bookmarks, the
//! glossary and the config path, with every folder pointed at a temporary
//! directory.

mod common;

use common::{jointly, jointly_env, stderr, stdout};

#[test]
fn show_cite_prints_the_citation() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["show", "eu-sg-dp/2025-12-01/quantum/2", "--cite"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "“[The EU and Singapore] Intend to explore collaboration in research & development, standards and interoperability, and to deepen ecosystem engagements in the domains of quantum technologies, focusing on quantum communication.” — Joint Statement of the Second Meeting of the European Union – Singapore Digital Partnership Council, 1 December 2025 (2025-12-01), Quantum, eu-sg-dp/2025-12-01/quantum/2\n"
    );
    let o = jointly(home.path(), &["show", "--cite", "us-sg-cet/2023-10-12/quantum"]);
    assert!(o.status.success());
    assert_eq!(stdout(&o).lines().count(), 5);

    let o = jointly(home.path(), &["show", "--cite", "eu-sg-dp"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no single statement to cite"));
    let o = jointly(home.path(), &["show", "--cite", "eu-sg-dp/nope"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no statement, area or commitment has the id"));
}

#[test]
fn glossary_lists_acronyms_with_where_they_are_defined() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["glossary"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("ALT-EDIC  Alliance for Language Technologies European Digital Infrastructure Consortium  (eu-sg-dp/2025-12-01/ai/3)\n"),
        "{out}"
    );
    let o = jointly(home.path(), &["glossary", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let entries = v["entries"].as_array().unwrap();
    let nist = entries.iter().find(|e| e["acronym"] == "NIST").expect("NIST");
    assert_eq!(
        nist["expansion"],
        "National Institute of Standards and Technology"
    );
    assert_eq!(nist["defined_in"][0], "us-sg-cet/2023-10-12/ai/3");
}

const BOOKMARKS: &str = "\
version: 1
bookmarks:
  - id: us-sg-cet/2023-10-12/defense-innovation/2
    note: DIU partnership
    created: 2025-12-01T09:30:00.000Z
    changed: 2025-12-01T09:30:00.000Z
  - id: eu-sg-dp/2019-01-01/ai
    label: EU-Singapore Digital Partnership › 2019-01-01 › AI
    created: 2025-12-02T09:30:00.000Z
    changed: 2025-12-02T09:30:00.000Z
deleted:
  - id: eu-sg-dp/2025-12-01/quantum
    deleted: 2025-12-02T10:00:00.000Z
";

#[test]
fn bookmarks_print_in_three_formats_and_keep_missing_nodes() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["bookmarks"]);
    assert!(o.status.success());
    assert_eq!(stdout(&o), "no bookmarks\n");

    let file = home.path().join("data/jointly/bookmarks.yaml");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, BOOKMARKS).unwrap();
    let o = jointly(home.path(), &["bookmarks"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("us-sg-cet/2023-10-12/defense-innovation/2\n  U.S.-Singapore Critical and Emerging Technology Dialogue › 2023-10-12 › Defense Innovation › 2/3\n  To wit, MINDEF"), "{out}");
    assert!(out.contains("  note: DIU partnership\n"), "{out}");
    assert!(out.contains("eu-sg-dp/2019-01-01/ai  [missing: not in the loaded statements]\n  was: EU-Singapore Digital Partnership › 2019-01-01 › AI\n"), "{out}");
    assert!(!out.contains("quantum"), "a deleted bookmark was printed: {out}");

    let o = jointly(home.path(), &["bookmarks", "--format", "md"]);
    assert!(stdout(&o).contains("- `eu-sg-dp/2019-01-01/ai` *(missing: not in the loaded statements)*"));
    let o = jointly(home.path(), &["bookmarks", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["bookmarks"][0]["note"], "DIU partnership");
    assert_eq!(v["bookmarks"][1]["missing"], true);
    // Printing changes nothing on disk.
    assert_eq!(std::fs::read_to_string(&file).unwrap(), BOOKMARKS);
}

#[test]
fn a_damaged_bookmarks_file_is_reported_and_left_alone() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("data/jointly/bookmarks.yaml");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let cut = &BOOKMARKS[..BOOKMARKS.find("  - id: eu-sg-dp/2019").unwrap() + 12];
    std::fs::write(&file, cut).unwrap();
    let o = jointly(home.path(), &["bookmarks"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&format!("{}:7:", file.display())) && err.contains("the bookmarks file is damaged"),
        "{err}"
    );
    assert!(
        stdout(&o).contains("DIU partnership"),
        "the good bookmark is still printed"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), cut);
}

#[test]
fn config_path_honours_the_variable_then_the_platform_folder() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["config", "--path"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        format!("{}\n", home.path().join("config/jointly/config.yaml").display())
    );
    let mine = home.path().join("elsewhere.yaml");
    let o = jointly_env(
        home.path(),
        &["config", "--path"],
        &[("JOINTLY_CONFIG", mine.to_str().unwrap())],
    );
    assert_eq!(stdout(&o), format!("{}\n", mine.display()));
    // An empty variable is as good as none.
    let o = jointly_env(home.path(), &["config", "--path"], &[("JOINTLY_CONFIG", "")]);
    assert!(stdout(&o).ends_with("config/jointly/config.yaml\n"));
}

#[test]
fn config_default_is_yaml_and_config_needs_a_flag() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["config", "--default"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert_eq!(text, std::fs::read_to_string("assets/config.yaml").unwrap());
    let o = jointly(home.path(), &["config"]);
    assert_eq!(o.status.code(), Some(2));
    let o = jointly(home.path(), &["config", "--path", "--default"]);
    assert_eq!(o.status.code(), Some(2));
}
