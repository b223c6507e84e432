//! `jointly import` on one small statement per failure class of real
//! statements (tests/fixtures/import/classes/): each gives the tree a reader
//! sees, by the conventions of tests/gold/README.md.

use std::path::PathBuf;

use jointly::import::{ImportOptions, Imported, import};

fn run(file: &str) -> Imported {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/classes")
        .join(file);
    let text = std::fs::read_to_string(path).unwrap();
    let opts = ImportOptions {
        source_file: file.to_string(),
        ..ImportOptions::default()
    };
    let i = import(file, &text, &opts).unwrap();
    assert!(i.drift.is_empty(), "{file}: {:?}", i.drift);
    i
}

/// Each area as (section path, title, intro, commitments).
fn tree(i: &Imported) -> Vec<(String, String, Vec<String>, Vec<String>)> {
    i.statement
        .areas
        .0
        .iter()
        .map(|a| {
            let section: Vec<&str> = a.section.iter().map(|s| s.0.as_str()).collect();
            (
                section.join(" › "),
                if a.untitled {
                    String::new()
                } else {
                    a.title.0.clone()
                },
                a.intro.iter().map(|p| p.0.clone()).collect(),
                a.commitments.0.iter().map(|c| c.text().to_string()).collect(),
            )
        })
        .collect()
}

fn area(
    section: &str,
    title: &str,
    intro: &[&str],
    commitments: &[&str],
) -> (String, String, Vec<String>, Vec<String>) {
    let v = |s: &[&str]| s.iter().map(|x| x.to_string()).collect();
    (section.into(), title.into(), v(intro), v(commitments))
}

#[test]
fn wrapped_split_and_underlined_bold_headings_are_one_heading() {
    let i = run("wrapped-bold-headings.md");
    assert_eq!(
        tree(&i),
        [
            area(
                "",
                "Biotechnology Cooperation to Promote the Bioeconomy and Address Global Challenges",
                &[],
                &["The two sides will fund joint research.", "They will meet again."]
            ),
            area(
                "Joint Initiatives with Jamaica and Kenya",
                "Working Group 4 – Information and Communication Technology and Services (ICTS) Security and Competitiveness",
                &[],
                &["The group will map supply chains.", "It will report in June."]
            ),
            area("", "Quantum", &[], &["The two sides will share roadmaps."]),
        ]
    );
    assert_eq!(
        i.statement.meeting.place.as_ref().map(|p| p.0.as_str()),
        Some("New Delhi, India")
    );
    assert_eq!(i.statement.partnership.name.0, "U.S.-India Technology Council");
    let parties: Vec<&str> = i
        .statement
        .partnership
        .parties
        .iter()
        .map(|p| p.0.as_str())
        .collect();
    assert_eq!(parties, ["United States", "India"]);
}

#[test]
fn html_links_and_escapes_read_as_a_reader_sees_them() {
    let i = run("html-links-escapes.md");
    assert_eq!(
        tree(&i),
        [area(
            "",
            "Space",
            &[],
            &[
                "The sides will share data with A*STAR under the guide [note].",
                "The sides will launch a 21st century programme & more."
            ]
        )]
    );
    assert!(i.statement.closing.is_empty(), "the `\\###` end mark is nothing");
    assert!(
        !i.yaml.contains("example.org/a-very-long"),
        "link targets are not text"
    );
    assert_eq!(i.statement.partnership.name.0, "EU-Singapore Digital Partnership");
}

#[test]
fn a_bullet_is_one_commitment_a_nested_one_another_and_a_lead_in_is_the_intro() {
    let i = run("bullets-and-intros.md");
    assert_eq!(
        tree(&i),
        [area(
            "",
            "Health",
            &["The Quad will:"],
            &[
                "Support the U.S. National Science Foundation and the Japan Science Agency. They will fund ten labs.",
                "The labs will open in 2026.",
                "Train nurses.",
                "The Quad also welcomed the U.S. Department of Commerce plan.",
                "It will report."
            ]
        )]
    );
    let parties: Vec<&str> = i
        .statement
        .partnership
        .parties
        .iter()
        .map(|p| p.0.as_str())
        .collect();
    assert_eq!(parties, ["Australia", "India", "Japan", "United States"]);
    assert_eq!(
        i.statement.meeting.place.as_ref().map(|p| p.0.as_str()),
        Some("Washington, D.C.")
    );
}

#[test]
fn roman_and_lettered_headings_are_sections_over_topic_areas_and_signatures_are_no_commitments() {
    let i = run("levels-above-areas.md");
    let outcomes = "II. Key Outcomes › A. Advancing Leadership on Emerging Technologies";
    assert_eq!(
        tree(&i),
        [
            area(
                "",
                "I. Introduction",
                &[],
                &["The sixth meeting took place in Leuven, Belgium, on 4 and 5 April 2024."]
            ),
            area(
                outcomes,
                "Quantum",
                &[],
                &["The Task Force will meet.", "It will report."]
            ),
            area(outcomes, "Semiconductors", &[], &["We will share data."]),
            area(
                "II. Key Outcomes › B. Trade",
                "Critical Minerals",
                &[],
                &["We will cooperate."]
            ),
            area("", "III. Conclusion", &[], &["We will meet in 2025."]),
        ]
    );
    let signatories: Vec<&str> = i.statement.signatories.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(
        signatories,
        ["For the United States of America", "Antony Blinken"]
    );
    let m = &i.statement.meeting;
    assert_eq!(m.place.as_ref().map(|p| p.0.as_str()), Some("Leuven, Belgium"));
    assert_eq!(
        i.statement.partnership.name.0,
        "U.S.-EU Trade and Technology Council"
    );
}

#[test]
fn a_headingless_list_is_one_untitled_area_with_its_lead_in_as_intro() {
    let i = run("headingless-list.md");
    assert_eq!(
        tree(&i),
        [area(
            "",
            "",
            &["The TTC announced:"],
            &[
                "A taskforce on public financing. It begins in June.",
                "A dialogue on trade."
            ]
        )]
    );
    assert_eq!(i.statement.preamble.len(), 1);
    assert_eq!(
        i.statement.meeting.place.as_ref().map(|p| p.0.as_str()),
        Some("Saclay – Paris, France")
    );
}

#[test]
fn a_bold_lead_in_sentence_is_an_intro_and_a_readers_punctuation_stays() {
    let i = run("bold-lead-ins-and-punctuation.md");
    assert_eq!(
        tree(&i),
        [
            area(
                "",
                "Science",
                &["The Quad will:"],
                &[
                    "Fund joint research in 5 * 2 labs with A*STAR here. The research will be open to all.",
                    "The labs will open in 2026.",
                    "U.S. Department of Commerce will fund labs.",
                    "Share data through a common &lt; portal \u{2019}s site",
                    "Working Group 4 – ICTS Security: The United States will lead it.",
                ]
            ),
            area("", "Talent", &[], &["Train nurses."]),
        ]
    );
}
