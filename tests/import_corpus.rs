//! The importer on real statements (tests/fixtures/corpus/, copied from
//! ../shared/corpus/): the areas it finds against the structure counted by
//! reading (tests/gold/structure.yaml), printed per file; and the fidelity
//! of every import.

use std::path::PathBuf;

use jointly::import::{ImportOptions, import};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct GoldFile {
    file: String,
    areas: Vec<GoldArea>,
}

#[derive(Debug, Deserialize)]
struct GoldArea {
    title: String,
    #[serde(default)]
    section: String,
    commitments: usize,
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Titles compared as a reader compares them: words, case aside, punctuation aside.
fn words(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// (title, section, commitments) in a comparable form.
type Row = (String, String, usize);

/// Rows of `b` matched in order to rows of `a` (longest common subsequence on title and section).
fn matched(a: &[Row], b: &[Row]) -> Vec<(usize, usize)> {
    let key = |r: &Row| (r.0.clone(), r.1.clone());
    let (n, m) = (a.len(), b.len());
    let mut t = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if key(&a[i]) == key(&b[j]) {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if key(&a[i]) == key(&b[j]) {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[i + 1][j] >= t[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

#[test]
fn corpus_statements_import_with_the_structure_read_by_people() {
    let gold: Vec<GoldFile> =
        serde_yaml::from_str(&std::fs::read_to_string(repo().join("tests/gold/structure.yaml")).unwrap())
            .unwrap();
    assert_eq!(gold.len(), 12, "the gold covers the twelve corpus statements");
    for f in EXACT_FILES {
        assert!(gold.iter().any(|g| g.file == *f), "{f} is not in the gold");
    }
    let (mut exact_areas, mut total_areas, mut exact_files) = (0, 0, 0);
    let mut regressed: Vec<&str> = Vec::new();
    println!(
        "{:<60} {:>13} {:>17} {:>12}",
        "file", "areas exp/imp", "commitments e/i", "areas exact"
    );
    for g in &gold {
        let path = repo().join("tests/fixtures/corpus").join(&g.file);
        let text = std::fs::read_to_string(&path).unwrap();
        let opts = ImportOptions {
            source_file: g.file.clone(),
            ..ImportOptions::default()
        };
        let imported = import(&g.file, &text, &opts).unwrap();
        assert!(imported.drift.is_empty(), "{}: {:?}", g.file, imported.drift);
        let want: Vec<Row> = g
            .areas
            .iter()
            .map(|a| (words(&a.title), words(&a.section), a.commitments))
            .collect();
        let got: Vec<Row> = imported
            .statement
            .areas
            .0
            .iter()
            .map(|a| {
                let title = if a.untitled {
                    String::new()
                } else {
                    words(&a.title.0)
                };
                let section: Vec<&str> = a.section.iter().map(|s| s.0.as_str()).collect();
                (title, words(&section.join(" › ")), a.commitment_count())
            })
            .collect();
        let pairs = matched(&want, &got);
        let exact = pairs.iter().filter(|&&(i, j)| want[i].2 == got[j].2).count();
        let all = exact == want.len() && want.len() == got.len();
        exact_areas += exact;
        total_areas += want.len();
        exact_files += usize::from(all);
        if !all && EXACT_FILES.contains(&g.file.as_str()) {
            regressed.push(&g.file);
        }
        println!(
            "{:<60.60} {:>6}/{:<6} {:>8}/{:<8} {:>5}/{:<5}{}",
            g.file,
            want.len(),
            got.len(),
            want.iter().map(|r| r.2).sum::<usize>(),
            got.iter().map(|r| r.2).sum::<usize>(),
            exact,
            want.len(),
            if all { " exact" } else { "" }
        );
        for (i, w) in want.iter().enumerate() {
            match pairs.iter().find(|p| p.0 == i) {
                Some(&(_, j)) if got[j].2 != w.2 => {
                    println!("    {:<70.70} commitments {} vs {}", w.0, w.2, got[j].2)
                }
                None => println!("    missing: {:<60.60} [{}]", w.0, w.1),
                _ => {}
            }
        }
        for (j, r) in got.iter().enumerate() {
            if !pairs.iter().any(|p| p.1 == j) {
                println!("    extra:   {:<60.60} [{}] {}", r.0, r.1, r.2);
            }
        }
    }
    println!(
        "areas exact (title, section and commitments): {exact_areas}/{total_areas}; files exact: {exact_files}/12"
    );
    // The floor is what the importer reached when this test was written; raise it as it improves.
    assert!(
        exact_areas * 100 >= total_areas * FLOOR_PERCENT,
        "{exact_areas}/{total_areas} areas exact"
    );
    // Each file read exactly stays exact: a regression in one is not hidden by the total.
    assert!(regressed.is_empty(), "no longer exact: {regressed:?}");
}

/// The files whose every area (title, section, commitments) imports as read.
const EXACT_FILES: &[&str] = &[
    "2021-03-12-fact-sheet-quad-summit.md",
    "2021-09-24-fact-sheet-quad-leaders-summit.md",
    "2021-10-27-asean-u-s-leaders-statement-on-digital-development.md",
    "2022-05-16-fact-sheet-u-s-eu-trade-and-technology-council-establishes-economic-and-technology-policies-initiatives.md",
    "2024-01-18-u-s-japan-and-republic-of-korea-launch-cutting-edge-quantum-collaboration.md",
    "2023-06-08-the-atlantic-declaration-a-framework-for-a-twenty-first-century-u-s-uk-economic-partnership.md",
    "2023-05-31-fact-sheet-u-s-eu-trade-and-technology-council-deepens-transatlantic-ties.md",
    "2023-10-12-fact-sheet-upgrading-the-u-s-singapore-strategic-technology-partnership.md",
    "2021-09-29-u-s-eu-trade-and-technology-council-inaugural-joint-statement.md",
    "2022-12-05-u-s-eu-joint-statement-of-the-trade-and-technology-council.md",
    "2023-05-31-u-s-eu-joint-statement-of-the-trade-and-technology-council-2.md",
    "2024-04-05-u-s-eu-joint-statement-of-the-trade-and-technology-council-3.md",
];

/// Percentage of the gold's areas that must import exactly.
const FLOOR_PERCENT: usize = 100;
