//! A folder's statement files are parsed in parallel and merged in name
//! order: the result equals reading the same files one by one.

use std::path::PathBuf;

use jointly::loader::{self, Loaded};

fn statement(partnership: &str, date: &str, area: &str) -> String {
    format!(
        "partnership: {{id: {partnership}, name: \"{partnership} partnership\"}}\n\
         meeting: {{title: \"Meeting {date}\", date: \"{date}\"}}\n\
         areas:\n  - id: {area}\n    title: \"{area}\"\n    commitments: [\"Intend to cooperate on {area}.\"]\n"
    )
}

fn outline(loaded: &Loaded) -> (Vec<String>, Vec<String>) {
    let ids = loaded
        .corpus
        .meetings()
        .map(|(path, _, m)| format!("{} {}", loaded.corpus.id_of(path).unwrap(), m.areas[0].id))
        .collect();
    let problems = loaded.problems.iter().map(|p| p.to_string()).collect();
    (ids, problems)
}

#[test]
fn a_folder_loads_as_its_files_one_by_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<PathBuf> = Vec::new();
    for i in 0..23 {
        let name = format!("f{i:02}.yaml");
        let text = match i {
            // Several meetings of one partnership, written out of date order.
            0 | 7 | 15 => statement("alpha", &format!("202{}-01-01", 9 - i / 5), "ai"),
            // The same meeting twice: the second file is reported, not merged.
            20 | 21 => statement("beta", "2020-02-02", &format!("area-{i}")),
            // A broken file among good ones.
            11 => "partnership: [unclosed\n".to_string(),
            _ => statement(&format!("p{i}"), "2021-03-03", "trade"),
        };
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        files.push(path);
    }
    let folder = loader::load_paths(&[dir.path().to_path_buf()]);
    let one_by_one = loader::load_paths(&files);
    assert_eq!(outline(&folder), outline(&one_by_one));
    let (ids, problems) = outline(&folder);
    assert_eq!(
        ids[0..3],
        [
            "alpha/2026-01-01 ai",
            "alpha/2028-01-01 ai",
            "alpha/2029-01-01 ai"
        ]
    );
    assert!(ids.contains(&"beta/2020-02-02 area-20".to_string()));
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("f11.yaml"), "{problems:?}");
    assert!(problems[1].contains("f21.yaml") && problems[1].contains("duplicate meeting"));
}
