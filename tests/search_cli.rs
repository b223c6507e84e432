//! `jointly search`, run as a user runs it: the real binary, with the data
//! folder pointed at a temporary directory.

mod common;

use std::path::Path;

use common::{jointly, stdout};

fn json(home: &Path, args: &[&str]) -> serde_json::Value {
    let o = jointly(home, args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

fn result_ids(v: &serde_json::Value) -> Vec<String> {
    v["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["id"].as_str().expect("id").to_string())
        .collect()
}

#[test]
fn post_quantum_lists_the_cryptography_commitment_first() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["search", "post quantum"]);
    assert!(o.status.success());
    let out = stdout(&o);
    let mut lines = out.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("1. us-sg-cet/2023-10-12/quantum/3  (score "),
        "{out}"
    );
    assert_eq!(
        lines.next(),
        Some(
            "   U.S.-Singapore Critical and Emerging Technology Dialogue › 2023-10-12 › Quantum Information Science and Technology › 3/4"
        )
    );
    assert!(lines.next().unwrap().contains("Post Quantum Cryptography"));
    // Not a terminal: no escape codes.
    assert!(!out.contains('\x1b'), "{out:?}");
}

#[test]
fn words_may_be_given_unquoted() {
    let home = tempfile::tempdir().unwrap();
    let quoted = jointly(home.path(), &["search", "post quantum"]);
    let unquoted = jointly(home.path(), &["search", "post", "quantum"]);
    assert_eq!(stdout(&quoted), stdout(&unquoted));
}

#[test]
fn scam_finds_the_scams_area_and_commitment_and_nothing_scattered() {
    let home = tempfile::tempdir().unwrap();
    let v = json(home.path(), &["search", "scam", "--format", "json"]);
    let ids = result_ids(&v);
    assert_eq!(
        ids,
        [
            "eu-sg-dp/2025-12-01/online-safety-and-scams",
            "eu-sg-dp/2025-12-01/online-safety-and-scams/3"
        ]
    );
    // Each result's marked characters spell "scam" (once per matched word).
    for r in v["results"].as_array().unwrap() {
        for m in r["matches"].as_array().unwrap() {
            let text: Vec<char> = m["text"].as_str().unwrap().chars().collect();
            let marked: String = m["chars"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| text[i.as_u64().unwrap() as usize])
                .collect();
            let marked = marked.to_lowercase();
            assert!(
                !marked.is_empty() && marked.replace("scam", "").is_empty(),
                "{marked}"
            );
        }
    }
}

#[test]
fn json_has_the_documented_shape() {
    let home = tempfile::tempdir().unwrap();
    let v = json(home.path(), &["search", "quantum", "--format", "json"]);
    assert_eq!(v["query"], "quantum");
    assert!(v["matched"].as_u64().unwrap() >= v["kept"].as_u64().unwrap());
    let results = v["results"].as_array().unwrap();
    assert_eq!(results.len() as u64, v["kept"].as_u64().unwrap());
    let first = &results[0];
    assert_eq!(first["rank"], 1);
    assert_eq!(first["kind"], "area");
    assert!(first["score"].as_i64().unwrap() > 0);
    assert!(first["breadcrumb"].as_str().unwrap().ends_with("› Quantum"));
    assert_eq!(first["matches"][0]["field"], "title");
    assert_eq!(first["matches"][0]["text"], "Quantum");
    assert_eq!(
        first["matches"][0]["chars"],
        serde_json::json!([0, 1, 2, 3, 4, 5, 6])
    );
    let scores: Vec<i64> = results.iter().map(|r| r["score"].as_i64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    let mut top: Vec<&str> = results[..2].iter().map(|r| r["id"].as_str().unwrap()).collect();
    top.sort_unstable();
    assert_eq!(
        top,
        ["eu-sg-dp/2025-12-01/quantum", "us-sg-cet/2023-10-12/quantum"]
    );
}

#[test]
fn limit_cuts_the_list_and_says_so() {
    let home = tempfile::tempdir().unwrap();
    let v = json(
        home.path(),
        &["search", "quantum", "--limit", "2", "--format", "json"],
    );
    assert_eq!(result_ids(&v).len(), 2);
    assert!(v["kept"].as_u64().unwrap() > 2);
    let o = jointly(home.path(), &["search", "quantum", "--limit", "2"]);
    let out = stdout(&o);
    assert!(out.contains("\n2. ") && !out.contains("\n3. "), "{out}");
    assert!(out.ends_with("2 of 6 matches (--limit 2)\n"), "{out}");
}

#[test]
fn no_match_and_empty_query() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["search", "zzzqqq"]);
    // Nothing found is exit 1, as grep does.
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "no matches for `zzzqqq`\n");
    let o = jointly(home.path(), &["search", " "]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("the query is empty"));
}

/// Runs `jointly search scam` with a pseudo-terminal as its stdout.
fn search_in_a_terminal(home: &Path, no_color: Option<&str>) -> String {
    let pair = common::pty::open(200, 50);
    let mut cmd = common::pty::command(env!("CARGO_BIN_EXE_jointly"), home);
    cmd.args(["search", "scam"]);
    if let Some(v) = no_color {
        cmd.env("NO_COLOR", v);
    }
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let out = common::pty::read_until(&mut reader, |_| false);
    assert!(child.wait().unwrap().success());
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn matched_characters_are_marked_only_on_a_terminal_without_no_color() {
    let home = tempfile::tempdir().unwrap();
    let tty = search_in_a_terminal(home.path(), None);
    assert!(tty.contains("Tackling \x1b[1;4mScam\x1b[22;24ms"), "{tty:?}");
    let plain = search_in_a_terminal(home.path(), Some("1"));
    assert!(plain.contains("Tackling Scams"), "{plain:?}");
    assert!(!plain.contains("\x1b["), "{plain:?}");
}

#[test]
fn a_query_naming_an_expansion_lists_what_uses_the_acronym_and_says_through_what() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["search", "ministry defence"]);
    assert!(o.status.success());
    let out = stdout(&o);
    // Spelt out in the first commitment; only "MINDEF" in the second.
    assert!(
        out.starts_with("1. us-sg-cet/2023-10-12/defense-innovation/1  (score "),
        "{out}"
    );
    assert!(
        out.contains("\n2. us-sg-cet/2023-10-12/defense-innovation/2  (score "),
        "{out}"
    );
    assert!(
        out.ends_with("\n   via MINDEF = Ministry of Defence\n2 matches\n"),
        "{out}"
    );

    let v = json(
        home.path(),
        &["search", "artificial", "--format", "json", "--limit", "50"],
    );
    let results = v["results"].as_array().unwrap();
    let via: Vec<&str> = results
        .iter()
        .filter(|r| r.get("via").is_some())
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(via.contains(&"eu-sg-dp/2025-12-01/ai/1"), "{v:#}");
    // A direct match does not claim to come through the acronym.
    let area = results
        .iter()
        .find(|r| r["id"] == "eu-sg-dp/2025-12-01/ai")
        .unwrap();
    assert!(area.get("via").is_none(), "{area:#}");
    let first_via = results.iter().position(|r| r.get("via").is_some()).unwrap();
    assert!(
        results[first_via..].iter().all(|r| r.get("via").is_some()),
        "{v:#}"
    );
    assert_eq!(results[first_via]["via"][0]["acronym"], "AI");
    assert_eq!(
        results[first_via]["via"][0]["expansion"],
        "Artificial Intelligence"
    );
}

/// Whether `text` holds `word` as a whole word, ASCII case aside.
fn holds_word(text: &str, word: &str) -> bool {
    let (text, word) = (text.to_lowercase(), word.to_lowercase());
    let word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(&word).any(|(at, _)| {
        !word_char(text[..at].chars().next_back()) && !word_char(text[at + word.len()..].chars().next())
    })
}

#[test]
fn an_acronym_typed_in_lower_case_finds_the_acronym_as_a_word_first() {
    let home = tempfile::tempdir().unwrap();
    for (query, expansion) in [
        ("ai", "artificial intelligence"),
        ("nist", "national institute of standards and technology"),
        ("dod", "department of defense"),
    ] {
        let v = json(home.path(), &["search", query, "--format", "json"]);
        let results = v["results"].as_array().unwrap();
        assert!(results.len() >= 2, "{query}: {v:#}");
        // Each of the first three holds the acronym or its expansion as a
        // word, in the text it shows ("aims", "administrative" do not).
        for r in results.iter().take(3) {
            let holds = r["matches"].as_array().unwrap().iter().any(|m| {
                let text = m["text"].as_str().unwrap();
                holds_word(text, query) || holds_word(text, expansion)
            });
            assert!(holds, "{query}: {r:#}");
        }
    }
}

#[test]
fn a_misspelt_word_is_corrected_and_the_correction_said_on_stderr() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["search", "qunatum"]);
    assert!(o.status.success());
    assert_eq!(
        common::stderr(&o),
        "jointly: no word matches `qunatum`; showing results for `quantum`\n"
    );
    let out = stdout(&o);
    let ids: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .filter_map(|l| l.split_whitespace().nth(1))
        .collect();
    let mut top: Vec<&str> = ids.iter().take(2).copied().collect();
    top.sort_unstable();
    assert_eq!(
        top,
        ["eu-sg-dp/2025-12-01/quantum", "us-sg-cet/2023-10-12/quantum"],
        "{out}"
    );
    let v = json(home.path(), &["search", "qunatum", "--format", "json"]);
    assert_eq!(v["query"], "qunatum");
    assert_eq!(v["corrected"], "quantum");
    // Highlights follow the corrected query.
    assert_eq!(
        v["results"][0]["matches"][0]["chars"],
        serde_json::json!([0, 1, 2, 3, 4, 5, 6])
    );
    // A word that matches is kept as typed, and nothing is said.
    let o = jointly(home.path(), &["search", "quantum"]);
    assert_eq!(common::stderr(&o), "");
    let v = json(home.path(), &["search", "quantum", "--format", "json"]);
    assert!(v.get("corrected").is_none(), "{v:#}");
}

/// The fixture statement whose names carry diacritics.
const DIACRITICS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/search/diacritics.yaml"
);

#[test]
fn diacritics_are_ignored_and_the_original_characters_highlighted() {
    let home = tempfile::tempdir().unwrap();
    for (query, id, marked) in [
        ("turkiye", "ci-tr-dd/2025-03-14/connectivity/1", "Türkiye"),
        ("cote", "ci-tr-dd/2025-03-14/connectivity/1", "Côte"),
        ("zurich", "ci-tr-dd/2025-03-14/smart-cities/1", "Zürich"),
        ("Türkiye", "ci-tr-dd/2025-03-14/connectivity/1", "Türkiye"),
        // Written decomposed in the fixture: each "e" is followed by a
        // combining accent, which is not marked.
        ("senegal", "ci-tr-dd/2025-03-14/smart-cities/2", "Senegal"),
    ] {
        let v = json(
            home.path(),
            &[
                "--no-default",
                "--data",
                DIACRITICS,
                "search",
                query,
                "--format",
                "json",
            ],
        );
        let hit = v["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{query}: {v:#}"));
        let m = &hit["matches"][0];
        let text: Vec<char> = m["text"].as_str().unwrap().chars().collect();
        let got: String = m["chars"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| text[i.as_u64().unwrap() as usize])
            .collect();
        assert_eq!(got, marked, "{query}");
    }
}

#[test]
fn a_match_only_through_a_topic_tag_says_so() {
    let home = tempfile::tempdir().unwrap();
    let out = stdout(&jointly(home.path(), &["search", "talent"]));
    // The Semiconductors area holds "talent" only among its topics.
    let area = out
        .lines()
        .skip_while(|l| !l.ends_with("eu-sg-dp/2025-12-01/semiconductors  (score 938)"))
        .take(5)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(area.contains("\n   via topic: talent"), "{out}");
    let v = json(home.path(), &["search", "talent", "--format", "json"]);
    let results = v["results"].as_array().unwrap();
    for r in results {
        let tag_only = r["matches"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["field"] == "topic" || m["field"] == "id");
        assert_eq!(r.get("reason").is_some(), tag_only, "{r:#}");
    }
    assert!(
        results.iter().any(|r| r["reason"] == "via topic: talent"),
        "{v:#}"
    );
}

#[test]
fn unit_finds_the_unit_alone_and_not_united() {
    let home = tempfile::tempdir().unwrap();
    let out = stdout(&jointly(home.path(), &["search", "unit"]));
    assert!(
        out.starts_with("1. us-sg-cet/2023-10-12/defense-innovation/2  (score "),
        "{out}"
    );
    // The twelve commitments that say "United" are cut.
    assert!(out.ends_with("\n1 match\n"), "{out}");
}
