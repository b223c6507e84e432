//! `jointly compare`, and the annotations other commands show, run as a user
//! runs them: the real binary, with the data folder in a temporary directory.

mod common;

use common::{jointly, stderr, stdout};

const EU: &str = "eu-sg-dp/2025-12-01";
const US: &str = "us-sg-cet/2023-10-12";

fn ids(v: &serde_json::Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().rsplit('/').next().unwrap().to_string())
        .collect()
}

#[test]
fn compare_json_gives_the_pairing_and_the_stances() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["compare", EU, US, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["left"]["id"], EU);
    assert_eq!(v["right"]["id"], US);

    let mut primary: Vec<(String, String)> = v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["strength"] == "primary")
        .map(|p| {
            let short = |k: &str| p[k].as_str().unwrap().rsplit('/').next().unwrap().to_string();
            (short("left"), short("right"))
        })
        .collect();
    primary.sort();
    let mut want: Vec<(String, String)> = [
        ("ai", "ai"),
        ("quantum", "quantum"),
        ("data-flows", "digital-economy"),
        ("semiconductors", "critical-infrastructure"),
        ("cybersecurity", "critical-infrastructure"),
    ]
    .iter()
    .map(|(l, r)| (l.to_string(), r.to_string()))
    .collect();
    want.sort();
    assert_eq!(primary, want);
    assert_eq!(
        ids(&v["left_only"]),
        ["online-safety-and-scams", "verifiable-credentials"]
    );
    assert_eq!(ids(&v["right_only"]), ["biotechnology", "defense-innovation"]);
    // Every other link is marked weaker.
    assert!(
        v["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["strength"] == "primary" || p["strength"] == "weaker")
    );

    // The stances of the issue's examples, each marked as inferred.
    let stance = |side: &str, area: &str, n: usize| {
        let areas = v[side]["areas"].as_array().unwrap();
        let a = areas
            .iter()
            .find(|a| a["id"].as_str().unwrap().ends_with(&format!("/{area}")))
            .unwrap();
        let c = &a["commitments"][n - 1];
        assert_eq!(c["stance_inferred"], true);
        c["stance"].as_str().unwrap().to_string()
    };
    assert_eq!(stance("left", "quantum", 1), "intend");
    assert_eq!(stance("left", "semiconductors", 1), "explore");
    assert_eq!(stance("left", "cybersecurity", 4), "explore");
    assert_eq!(stance("right", "ai", 2), "intend");
    assert_eq!(stance("right", "critical-infrastructure", 1), "commit");
    assert_eq!(stance("right", "quantum", 4), "acknowledge");

    // Why, and who: the deciding words with their sentence, and the actor.
    let commitment = |side: &str, area: &str, n: usize| {
        let areas = v[side]["areas"].as_array().unwrap();
        let a = areas
            .iter()
            .find(|a| a["id"].as_str().unwrap().ends_with(&format!("/{area}")))
            .unwrap();
        a["commitments"][n - 1].clone()
    };
    let c4 = commitment("left", "cybersecurity", 4);
    assert_eq!(c4["stance_basis"]["words"], "will explore", "{c4}");
    assert_eq!(c4["stance_basis"]["sentence"], 2);
    assert_eq!(c4["actor"], "joint");
    let bio = commitment("right", "biotechnology", 1);
    assert_eq!(
        (bio["stance"].as_str(), bio["actor"].as_str()),
        (Some("commit"), Some("United States"))
    );
    let right_bio = v["right"]["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"].as_str().unwrap().ends_with("/biotechnology"))
        .unwrap();
    assert_eq!(right_bio["stances"]["commit"], 2);
    assert_eq!(right_bio["stances"]["one_sided"]["commit"], 1);

    // Tallies and counterparts of a pair.
    let quantum = v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["left"] == format!("{EU}/quantum") && p["right"] == format!("{US}/quantum"))
        .unwrap();
    assert_eq!(quantum["left_stances"]["intend"], 2);
    assert_eq!(quantum["right_stances"]["commit"], 1);
    assert_eq!(quantum["right_stances"]["inferred"], 4);

    // Counterparts: each commitment's closest in the whole other meeting,
    // or an empty list when it has no close one.
    let closest = |side: &str, id: &str| -> Vec<serde_json::Value> {
        v[side]["areas"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|a| a["commitments"].as_array().unwrap())
            .find(|c| c["id"].as_str().unwrap().ends_with(&format!("/{id}")))
            .unwrap()["closest"]
            .as_array()
            .unwrap()
            .clone()
    };
    let cyber1 = closest("left", "cybersecurity/1");
    assert_eq!(cyber1[0]["commitment"], format!("{US}/critical-infrastructure/1"));
    assert!(!cyber1[0]["shared"].as_array().unwrap().is_empty());
    assert!(closest("left", "cybersecurity/4").is_empty());
    assert!(closest("left", "ai/3").is_empty());
    let threshold = jointly::compare::counterparts::WEAK as f64;
    for side in ["left", "right"] {
        for a in v[side]["areas"].as_array().unwrap() {
            for c in a["commitments"].as_array().unwrap() {
                for m in c["closest"].as_array().unwrap() {
                    let score = m["score"].as_f64().unwrap();
                    assert!(score >= threshold - 0.001, "{c}");
                    assert!(m["strength"] == "strong" || m["strength"] == "weak", "{c}");
                }
            }
        }
    }
    assert!(v["pairs"][0].get("counterparts").is_none());
}

#[test]
fn compare_markdown_is_a_clean_pipe_table() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["compare", EU, US, "--format", "md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("## Crosswalk: EU-Singapore Digital Partnership (2025-12-01) and U.S.-Singapore")
    );
    assert!(out.contains(
        "| Quantum (`quantum`) | Quantum Information Science and Technology (`quantum`) | quantum, research, standards | 1.50 |"
    ), "{out}");
    assert!(out.contains("### Only in EU-Singapore Digital Partnership (2025-12-01)"));
    // "The United States is committed to ...": one of the two commits is the U.S.'s alone.
    assert!(out.contains(
        "| Biotechnology (`biotechnology`) | biotechnology, research, talent | 2/1/0/1 (alone 1/0/0/0) |"
    ));
    assert_tables_are_well_formed(&out);
}

/// Every table: a header, an alignment row, rows with as many cells as the
/// header; a blank line before and after, so that it renders as a table.
fn assert_tables_are_well_formed(md: &str) {
    let lines: Vec<&str> = md.lines().collect();
    let cells = |l: &str| {
        // Cells split at pipes not escaped by a backslash.
        let mut n = 0;
        let mut escaped = false;
        for c in l.chars() {
            match c {
                '\\' => escaped = !escaped,
                '|' if !escaped => n += 1,
                _ => escaped = false,
            }
            if c != '\\' {
                escaped = false;
            }
        }
        n - 1
    };
    let mut tables = 0;
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].starts_with('|') {
            i += 1;
            continue;
        }
        tables += 1;
        assert!(
            i == 0 || lines[i - 1].is_empty(),
            "no blank line before table at {i}"
        );
        let width = cells(lines[i]);
        assert!(lines[i + 1].starts_with("| ---"), "no alignment row at {}", i + 1);
        assert_eq!(cells(lines[i + 1]), width);
        i += 2;
        while i < lines.len() && lines[i].starts_with('|') {
            assert!(lines[i].ends_with(" |"), "{}", lines[i]);
            assert_eq!(cells(lines[i]), width, "{}", lines[i]);
            i += 1;
        }
        assert!(
            i == lines.len() || lines[i].is_empty(),
            "no blank line after table at {i}"
        );
    }
    assert!(tables >= 3, "{md}");
}

const PIPES: &str = r#"
partnership: {id: aa-bb, name: "A|B Partnership", parties: [Aland, Bland]}
meeting: {title: First, date: "2024-01-10"}
areas:
  - id: ai
    title: "AI | Machine Learning"
    commitments:
      - Intend to cooperate on AI safety.
  - id: misc
    title: "Misc \\ other"
    commitments:
      - Note the weather.
"#;

#[test]
fn markdown_escapes_pipes_in_titles() {
    let home = tempfile::tempdir().unwrap();
    let left = home.path().join("left.yaml");
    let right = home.path().join("right.yaml");
    std::fs::write(&left, PIPES).unwrap();
    std::fs::write(&right, PIPES.replace("aa-bb", "cc-dd")).unwrap();
    let args = [
        "compare",
        "aa-bb/2024-01-10",
        "cc-dd/2024-01-10",
        "--format",
        "md",
        "--no-default",
        "--data",
        left.to_str().unwrap(),
        "--data",
        right.to_str().unwrap(),
    ];
    let o = jointly(home.path(), &args);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("| A\\|B Partnership (2024-01-10) | A\\|B Partnership (2024-01-10) |"),
        "{out}"
    );
    assert!(
        out.contains("| AI \\| Machine Learning (`ai`) | AI \\| Machine Learning (`ai`) | ai\\* |"),
        "{out}"
    );
    assert!(out.contains("Topics marked \\* were inferred"), "{out}");
    assert_tables_are_well_formed(&out);
}

#[test]
fn compare_text_names_both_meetings_and_the_unpaired_areas() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["compare", EU, US]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.starts_with(&format!("left:  {EU}  Joint Statement of the Second Meeting")),
        "{out}"
    );
    assert!(out.contains("\nPaired areas\n"));
    let paired = out.split("Weaker links").next().unwrap();
    let row = paired
        .lines()
        .find(|l| l.trim_start().starts_with("data-flows"))
        .unwrap();
    assert!(row.contains("digital-economy") && row.contains("data-flows, data-governance, privacy"));
    assert!(out.contains("Only in U.S.-Singapore Critical and Emerging Technology Dialogue (2023-10-12):"));
    assert!(out.contains("45 of 45 were inferred"));
}

#[test]
fn compare_refuses_what_is_not_a_meeting() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["compare", "xx/2020-01-01", US]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o).contains("no meeting has the id `xx/2020-01-01`"),
        "{}",
        stderr(&o)
    );

    let o = jointly(home.path(), &["compare", EU, "us-sg-cet"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("`us-sg-cet` is a partnership"));
    assert!(stderr(&o).contains(&format!("  {US}\n")));

    let o = jointly(home.path(), &["compare", &format!("{EU}/quantum"), US]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("is an area or a commitment"));

    let o = jointly(home.path(), &["compare", EU, US, "--format", "html"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn list_json_carries_stances_and_inferred_topics() {
    let home = tempfile::tempdir().unwrap();
    let f = home.path().join("x.yaml");
    std::fs::write(&f, PIPES).unwrap();
    let o = jointly(
        home.path(),
        &["list", "--format", "json", "--data", f.to_str().unwrap()],
    );
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut stances = 0;
    for p in v["partnerships"].as_array().unwrap() {
        for m in p["meetings"].as_array().unwrap() {
            for a in m["areas"].as_array().unwrap() {
                for c in a["commitments"].as_array().unwrap() {
                    assert!(c["stance"].is_string(), "{c}");
                    assert!(c["stance_inferred"].is_boolean());
                    assert!(c["actor"].is_string(), "{c}");
                    // An inferred stance says why; a curated one has no basis.
                    let inferred = c["stance_inferred"] == true;
                    assert_eq!(c["stance_basis"]["words"].is_string(), inferred, "{c}");
                    stances += 1;
                }
            }
        }
    }
    assert_eq!(stances, 47);
    // Curated topics of the seeds are not inferred; the extra file's are.
    assert_eq!(
        v["partnerships"][0]["meetings"][0]["areas"][0]["topics"][0]["id"],
        "ai"
    );
    assert_eq!(
        v["partnerships"][0]["meetings"][0]["areas"][0]["topics"][0]["inferred"],
        false
    );
    let extra = &v["partnerships"][2]["meetings"][0]["areas"][0];
    assert_eq!(extra["topics"][0]["id"], "ai");
    assert_eq!(extra["topics"][0]["inferred"], true);
    assert_eq!(extra["commitments"][0]["stance"], "intend");
    // Areas carry their tally, one-sided undertakings apart.
    let bio = &v["partnerships"][1]["meetings"][0]["areas"][2];
    assert_eq!(bio["id"], "us-sg-cet/2023-10-12/biotechnology");
    assert_eq!(bio["stances"]["one_sided"]["commit"], 1, "{bio}");
    assert_eq!(bio["commitments"][0]["actor"], "United States");
    assert_eq!(bio["commitments"][0]["stance_basis"]["words"], "committed to");
}

#[test]
fn check_warns_about_an_unknown_topic() {
    let home = tempfile::tempdir().unwrap();
    let f = home.path().join("t.yaml");
    std::fs::write(
        &f,
        PIPES.replace("    title: \"Misc", "    topics: [weather]\n    title: \"Misc"),
    )
    .unwrap();
    let o = jointly(home.path(), &["check", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "{}: warning: areas[1].topics[0]: unknown topic `weather`",
            f.display()
        )),
        "{err}"
    );
    assert!(stdout(&o).contains("0 errors, 1 warning"));
    // The file still loads: a warning keeps nothing out.
    let o = jointly(
        home.path(),
        &["show", "aa-bb/2024-01-10/misc", "--data", f.to_str().unwrap()],
    );
    assert!(o.status.success());
}
