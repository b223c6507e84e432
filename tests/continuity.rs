//! Counterparts over time, measured against a reading of two meetings of the
//! U.S.-EU Trade and Technology Council (`tests/gold/continuity.yaml`): the
//! May 2022 fact sheet and the December 2022 joint statement. Informative
//! for now (the comparison over time is built on counterparts next), so the
//! floors are low; the figures are printed.
//!
//! Everything goes through the real binary (`import`, `list`, `compare`),
//! so that the test does not depend on the importer's insides, which change.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use common::{jointly, stderr};

const EARLIER: &str = "us-eu-ttc/2022-05-16";
const LATER: &str = "us-eu-ttc/2022-12-05";

/// A text as compared with the gold's prefixes: link targets, markup and
/// escapes left out, runs of white space made one space.
fn plain(text: &str) -> String {
    let mut s = text.to_string();
    while let Some(start) = s.find("](") {
        match s[start..].find(')') {
            Some(end) => s.replace_range(start + 1..start + end + 1, ""),
            None => break,
        }
    }
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, '*' | '[' | ']' | '\\' | '_'))
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Commitment id → its plain text, for one meeting, from `jointly list`.
fn texts(home: &Path, data: &Path, meeting: &str) -> Vec<(String, String)> {
    let o = jointly(
        home,
        &[
            "--no-default",
            "--data",
            data.to_str().unwrap(),
            "list",
            "--format",
            "json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut out = Vec::new();
    for p in v["partnerships"].as_array().unwrap() {
        for m in p["meetings"].as_array().unwrap() {
            if m["id"] != meeting {
                continue;
            }
            for a in m["areas"].as_array().unwrap() {
                for c in a["commitments"].as_array().unwrap() {
                    out.push((
                        c["id"].as_str().unwrap().to_string(),
                        plain(c["text"].as_str().unwrap()),
                    ));
                }
            }
        }
    }
    out
}

/// The commitment whose text holds `prefix` (the first, in reading order).
fn find<'a>(texts: &'a [(String, String)], prefix: &str) -> Option<&'a str> {
    let prefix = plain(prefix);
    texts
        .iter()
        .find(|(_, t)| t.starts_with(&prefix))
        .or_else(|| texts.iter().find(|(_, t)| t.contains(&prefix)))
        .map(|(id, _)| id.as_str())
}

#[test]
fn counterparts_over_time_against_the_ttc_reading() {
    let (home, data, gold) = imported();
    let (earlier, later) = (
        texts(home.path(), &data, EARLIER),
        texts(home.path(), &data, LATER),
    );
    assert!(!earlier.is_empty() && !later.is_empty(), "both meetings imported");

    let o = jointly(
        home.path(),
        &[
            "--no-default",
            "--data",
            data.to_str().unwrap(),
            "compare",
            EARLIER,
            LATER,
            "--format",
            "json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut closest: HashMap<String, Vec<String>> = HashMap::new();
    for side in ["left", "right"] {
        for a in v[side]["areas"].as_array().unwrap() {
            for c in a["commitments"].as_array().unwrap() {
                let ids = c["closest"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|m| m["commitment"].as_str().unwrap().to_string())
                    .collect();
                closest.insert(c["id"].as_str().unwrap().to_string(), ids);
            }
        }
    }

    let mut report = String::new();
    let mut unmatched: Vec<String> = Vec::new();
    // Later commitments: continued (the gold names the earlier item) or new.
    let earlier_items: HashMap<u64, String> = gold["earlier_items"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|e| (e["n"].as_u64().unwrap(), e["text"].as_str().unwrap().to_string()))
        .collect();
    let (mut agree, mut seen, mut continued, mut top_right) = (0, 0, 0, 0);
    for item in gold["later_items"].as_sequence().unwrap() {
        let prefix = item["text"].as_str().unwrap();
        let Some(id) = find(&later, prefix) else {
            unmatched.push(format!("later: {prefix}"));
            continue;
        };
        let is_continued = item["status"] == "continued";
        let found = closest.get(id).cloned().unwrap_or_default();
        // A later commitment continues an earlier one when it has a counterpart.
        let has_counterpart = !found.is_empty();
        let agrees = is_continued == has_counterpart;
        seen += 1;
        agree += usize::from(agrees);
        if is_continued {
            continued += 1;
            let from = item["from"].as_u64().and_then(|n| earlier_items.get(&n));
            let from_id = from.and_then(|t| find(&earlier, t));
            let right = from_id.is_some_and(|f| found.first().is_some_and(|c| c == f));
            top_right += usize::from(right);
        }
        report.push_str(&format!(
            "{} {:<9} {:<60} {}\n",
            if agrees { "ok  " } else { "MISS" },
            item["status"].as_str().unwrap_or(""),
            prefix.chars().take(60).collect::<String>(),
            found.first().map_or("none", |s| s
                .rsplit_once("2022-05-16/")
                .map_or(s.as_str(), |x| x.1))
        ));
    }
    // Earlier items: followed up or not.
    let (mut agree_e, mut seen_e) = (0, 0);
    for item in gold["earlier_items"].as_sequence().unwrap() {
        let prefix = item["text"].as_str().unwrap();
        let Some(id) = find(&earlier, prefix) else {
            unmatched.push(format!("earlier: {prefix}"));
            continue;
        };
        let followed = !item["followed_up_by"].as_sequence().unwrap().is_empty();
        let found = closest.get(id).is_some_and(|f| !f.is_empty());
        seen_e += 1;
        agree_e += usize::from(followed == found);
        report.push_str(&format!(
            "{} earlier {:>2} {:<9} {}\n",
            if followed == found { "ok  " } else { "MISS" },
            item["n"].as_u64().unwrap_or(0),
            if followed { "followed" } else { "not" },
            prefix
        ));
    }
    let pct = |a: usize, n: usize| 100.0 * a as f64 / n.max(1) as f64;
    println!(
        "{report}unmatched gold prefixes ({}): {unmatched:#?}\n\
         later commitments: has a counterpart vs continued/new: {agree}/{seen} ({:.0}%); \
         continued ones whose closest is the gold's earlier item: {top_right}/{continued}\n\
         earlier items: has a counterpart vs followed up: {agree_e}/{seen_e} ({:.0}%)",
        unmatched.len(),
        pct(agree, seen),
        pct(agree_e, seen_e),
    );
    // Informative floors, set from the measurement (see the README).
    assert!(
        seen >= FLOOR_MATCHED,
        "only {seen} later gold items found in the import"
    );
    assert!(
        pct(agree, seen) >= FLOOR_AGREEMENT,
        "{agree}/{seen} below {FLOOR_AGREEMENT}%"
    );
}

/// The fewest later gold items the import must hold (of 118; all 118 were
/// found when this was written, the floor leaves room for the importer's
/// rewrite).
const FLOOR_MATCHED: usize = 90;

/// The least agreement, in percent, of "has a counterpart" with
/// continued/new (58% measured).
const FLOOR_AGREEMENT: f64 = 45.0;

/// The two TTC meetings imported into one library from the test fixtures
/// (copies of ../shared/corpus): the home, the data folder and the gold.
fn imported() -> (tempfile::TempDir, PathBuf, serde_yaml::Value) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let gold: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(root.join("tests/gold/continuity.yaml")).unwrap())
            .unwrap();
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("statements");
    std::fs::create_dir_all(&data).unwrap();
    for (key, name) in [("earlier", "earlier.yaml"), ("later", "later.yaml")] {
        let source = root
            .join("tests/fixtures/corpus")
            .join(gold[key].as_str().unwrap());
        let out = data.join(name);
        let o = jointly(
            home.path(),
            &[
                "--no-default",
                "import",
                source.to_str().unwrap(),
                "--partnership",
                "us-eu-ttc",
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert!(o.status.success(), "import {name}: {}", stderr(&o));
    }
    (home, data, gold)
}

/// `jointly changes` on the two TTC meetings, given later first (they are
/// ordered by date), against the reading: each later commitment continued
/// or new, each earlier key outcome followed up or not, and whether a
/// continued one names the earlier item the reader named.
#[test]
fn changes_against_the_ttc_reading() {
    let (home, data, gold) = imported();
    let (earlier, later) = (
        texts(home.path(), &data, EARLIER),
        texts(home.path(), &data, LATER),
    );
    let o = jointly(
        home.path(),
        &[
            "--no-default",
            "--data",
            data.to_str().unwrap(),
            "changes",
            LATER,
            EARLIER,
            "--format",
            "json",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["earlier"]["id"], EARLIER, "ordered by date");
    let by_id: HashMap<String, &serde_json::Value> = v["commitments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap().to_string(), c))
        .collect();
    let item_id: HashMap<u64, String> = gold["earlier_items"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|e| {
            let id = find(&earlier, e["text"].as_str().unwrap())?;
            Some((e["n"].as_u64().unwrap(), id.to_string()))
        })
        .collect();
    // Which earlier items each later text follows up, by the reader.
    let mut follows: HashMap<String, Vec<u64>> = HashMap::new();
    for e in gold["earlier_items"].as_sequence().unwrap() {
        for t in e["followed_up_by"].as_sequence().unwrap() {
            follows
                .entry(plain(t.as_str().unwrap()))
                .or_default()
                .push(e["n"].as_u64().unwrap());
        }
    }

    let mut report = String::new();
    let mut unmatched = Vec::new();
    let (mut seen, mut agree, mut both_continued, mut main_right, mut any_right) = (0, 0, 0, 0, 0);
    let mut confusion = [[0usize; 2]; 2]; // [gold continued][tool continued]
    for item in gold["later_items"].as_sequence().unwrap() {
        let prefix = item["text"].as_str().unwrap();
        let Some(id) = find(&later, prefix) else {
            let strict = item["strict_intro"].as_bool().unwrap_or(false);
            unmatched.push(format!(
                "later{}: {prefix}",
                if strict { " (strict intro)" } else { "" }
            ));
            continue;
        };
        let c = by_id.get(id).expect("every later commitment has a status");
        let gold_cont = item["status"] == "continued";
        let tool_cont = c["status"] == "continued";
        seen += 1;
        agree += usize::from(gold_cont == tool_cont);
        confusion[usize::from(gold_cont)][usize::from(tool_cont)] += 1;
        let predecessor = c["predecessor"].as_str().unwrap_or("");
        let mut verdict = if gold_cont == tool_cont { "ok  " } else { "MISS" };
        if gold_cont && tool_cont {
            both_continued += 1;
            let main = item["from"].as_u64().and_then(|n| item_id.get(&n));
            let right = main.is_some_and(|m| m == predecessor);
            let any = follows.get(&plain(prefix)).is_some_and(|ns| {
                ns.iter()
                    .any(|n| item_id.get(n).is_some_and(|m| m == predecessor))
            });
            main_right += usize::from(right);
            any_right += usize::from(right || any);
            if !(right || any) {
                verdict = "PRED";
            }
        }
        report.push_str(&format!(
            "{verdict} later   {:<9} tool {:<9} {:<58} {}\n",
            item["status"].as_str().unwrap_or(""),
            c["status"].as_str().unwrap_or(""),
            prefix.chars().take(58).collect::<String>(),
            predecessor
                .rsplit_once("2022-05-16/")
                .map_or(predecessor, |x| x.1),
        ));
    }
    let (mut seen_e, mut agree_e) = (0, 0);
    for item in gold["earlier_items"].as_sequence().unwrap() {
        let n = item["n"].as_u64().unwrap();
        let Some(id) = item_id.get(&n) else {
            unmatched.push(format!("earlier {n}"));
            continue;
        };
        let followed = !item["followed_up_by"].as_sequence().unwrap().is_empty();
        let tool = by_id
            .get(id.as_str())
            .is_some_and(|c| c["status"] == "followed up");
        seen_e += 1;
        agree_e += usize::from(followed == tool);
        report.push_str(&format!(
            "{} earlier {n:>2} {:<15} tool {:<15} {}\n",
            if followed == tool { "ok  " } else { "MISS" },
            if followed {
                "followed up"
            } else {
                "not followed up"
            },
            by_id
                .get(id.as_str())
                .and_then(|c| c["status"].as_str())
                .unwrap_or(""),
            item["text"].as_str().unwrap_or("")
        ));
    }
    let pct = |a: usize, n: usize| 100.0 * a as f64 / n.max(1) as f64;
    println!(
        "{report}unmatched gold entries ({}): {unmatched:#?}\n\
         later commitments continued/new: {agree}/{seen} ({:.0}%) \
         [gold continued: tool continued {}, new {}; gold new: tool continued {}, new {}]\n\
         earlier items followed up / not: {agree_e}/{seen_e} ({:.0}%)\n\
         predecessor of continued ones (both say continued: {both_continued}): \
         the reader's main item {main_right} ({:.0}%), one of the items it follows up {any_right} ({:.0}%)",
        unmatched.len(),
        pct(agree, seen),
        confusion[1][1],
        confusion[1][0],
        confusion[0][1],
        confusion[0][0],
        pct(agree_e, seen_e),
        pct(main_right, both_continued),
        pct(any_right, both_continued),
    );
    assert!(
        seen >= FLOOR_MATCHED,
        "only {seen} later gold items found in the import"
    );
    assert!(
        pct(agree, seen) >= FLOOR_CHANGES_LATER,
        "later: {agree}/{seen} below {FLOOR_CHANGES_LATER}%"
    );
    assert!(
        pct(agree_e, seen_e) >= FLOOR_CHANGES_EARLIER,
        "earlier: {agree_e}/{seen_e} below {FLOOR_CHANGES_EARLIER}%"
    );
    assert!(
        pct(any_right, both_continued) >= FLOOR_PREDECESSOR,
        "predecessor: {any_right}/{both_continued} below {FLOOR_PREDECESSOR}%"
    );
}

/// `jointly changes` prints the summary and the lists in text and
/// Markdown, and refuses two meetings of different partnerships.
#[test]
fn changes_prints_and_refuses_two_partnerships() {
    let (home, data, _) = imported();
    let d = data.to_str().unwrap();
    let o = jointly(
        home.path(),
        &["--no-default", "--data", d, "changes", EARLIER, LATER],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = common::stdout(&o);
    assert!(
        text.contains("Summary: ") && text.contains(" not followed up"),
        "{text}"
    );
    for status in ["continued", "new"] {
        assert!(
            text.lines().any(|l| l.starts_with(&format!("  {status} "))),
            "no {status} line in:\n{text}"
        );
    }
    let o = jointly(
        home.path(),
        &[
            "--no-default",
            "--data",
            d,
            "changes",
            EARLIER,
            LATER,
            "--format",
            "md",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let md = common::stdout(&o);
    assert!(
        md.contains("### What changed") && md.contains("| continued |"),
        "{md}"
    );

    // A third meeting of another partnership: refused, pointing to compare.
    let other = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus/2023-10-12-fact-sheet-upgrading-the-u-s-singapore-strategic-technology-partnership.md");
    let o = jointly(
        home.path(),
        &[
            "--no-default",
            "import",
            other.to_str().unwrap(),
            "--partnership",
            "us-sg-cet",
            "--out",
            data.join("other.yaml").to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = jointly(
        home.path(),
        &[
            "--no-default",
            "--data",
            d,
            "changes",
            EARLIER,
            "us-sg-cet/2023-10-12",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("jointly compare"), "{}", stderr(&o));
}

/// The least agreement, in percent, of continued/new with the reading
/// (82/111, 74%, measured).
const FLOOR_CHANGES_LATER: f64 = 65.0;
/// The least agreement, in percent, of followed up / not with the reading
/// (8/10 measured).
const FLOOR_CHANGES_EARLIER: f64 = 70.0;
/// The least share, in percent, of continued ones whose predecessor is an
/// item the reader says they follow up (19/23, 83%, measured).
const FLOOR_PREDECESSOR: f64 = 70.0;
