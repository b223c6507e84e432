//! Scenarios of structure the fixtures do not cover.

use super::*;

fn run(name: &str, text: &str) -> Imported {
    let opts = ImportOptions {
        source_file: name.to_string(),
        ..ImportOptions::default()
    };
    let imported = import(name, text, &opts).unwrap();
    assert!(imported.drift.is_empty(), "{:#?}", imported.drift);
    imported
}

fn titles(i: &Imported) -> Vec<&str> {
    i.statement.areas.0.iter().map(|a| a.title.0.as_str()).collect()
}

fn commitments(i: &Imported, area: usize) -> Vec<&str> {
    i.statement.areas.0[area]
        .commitments
        .0
        .iter()
        .map(|c| c.text())
        .collect()
}

/// Each area's section path, outermost first.
fn sections(i: &Imported) -> Vec<Vec<&str>> {
    i.statement
        .areas
        .0
        .iter()
        .map(|a| a.section.iter().map(|s| s.0.as_str()).collect())
        .collect()
}

fn texts(v: &[NonEmpty]) -> Vec<&str> {
    v.iter().map(|t| t.0.as_str()).collect()
}

#[test]
fn a_heading_over_headings_is_their_section() {
    let i = run(
        "s.md",
        "# Joint Statement\n1 May 2025\n\nIntro.\n\n## Pillar One\n\n### Artificial Intelligence\n- Item one.\n\n\
         ## Pillar Two\n\n### Quantum\n- Item two.\n",
    );
    assert_eq!(titles(&i), ["Artificial Intelligence", "Quantum"]);
    let sections = sections(&i);
    assert_eq!(sections, [["Pillar One"], ["Pillar Two"]]);
    assert_eq!(texts(&i.statement.preamble), ["Intro."]);
}

#[test]
fn bold_lead_ins_under_a_heading_are_areas_in_its_section() {
    let i = run(
        "s.md",
        "Title\n1 May 2025\n\n## AI\nIntro sentence here. Second one.\n- **Safety:** The two sides will test.\n",
    );
    assert_eq!(
        i.statement.meeting.dateline.as_ref().map(|d| d.0.as_str()),
        Some("1 May 2025")
    );
    assert_eq!(titles(&i), ["AI", "Safety"]);
    assert_eq!(commitments(&i, 0), ["Intro sentence here.", "Second one."]);
    assert_eq!(commitments(&i, 1), ["The two sides will test."]);
    assert_eq!(i.statement.areas.0[1].section[0].0, "AI");
}

#[test]
fn a_list_of_short_numbered_lines_is_no_heading() {
    let i = run(
        "s.txt",
        "Title\n1 May 2025\nThe areas are:\n1. Quantum\n2. Semiconductors\n3. Artificial Intelligence\n\
         QUANTUM\nThe two sides will cooperate. They will meet.\n",
    );
    assert_eq!(titles(&i), ["QUANTUM"]);
    assert_eq!(
        texts(&i.statement.preamble),
        [
            "The areas are:",
            "Quantum",
            "Semiconductors",
            "Artificial Intelligence"
        ]
    );
    assert_eq!(
        commitments(&i, 0),
        ["The two sides will cooperate.", "They will meet."]
    );
}

#[test]
fn a_line_that_runs_on_is_no_heading() {
    let i = run(
        "s.txt",
        "Title\n1 May 2025\nArtificial intelligence and\nquantum will be topics.\nBut this\nis wrapped too.\n",
    );
    // Paragraphs only: one untitled area of sentences, as in markdown
    // (tests/gold/README.md, "No heading and no list").
    assert!(i.statement.areas.0.iter().all(|a| a.untitled));
    assert_eq!(
        commitments(&i, 0),
        [
            "Artificial intelligence and quantum will be topics.",
            "But this is wrapped too."
        ]
    );
    assert!(
        i.notes
            .iter()
            .any(|n| n.line == Some(3) && n.message.starts_with("no headings or lists"))
    );
}

#[test]
fn a_sentence_case_heading_is_taken_with_a_note() {
    let i = run(
        "s.txt",
        "Title\n1 May 2025\n\nData flows\nThe two sides will cooperate.\n",
    );
    assert_eq!(titles(&i), ["Data flows"]);
    assert!(
        i.notes
            .iter()
            .any(|n| n.line == Some(4) && n.message.contains("taken as a heading"))
    );
}

#[test]
fn the_date_may_come_from_the_preamble_or_the_options() {
    let i = run("s.txt", "Title\nThe meeting was held on 3 March 2024 in Paris.\n");
    assert_eq!(i.statement.meeting.date.0.to_string(), "2024-03-03");
    assert!(
        i.notes
            .iter()
            .any(|n| n.message.contains("first date in the preamble"))
    );
    let opts = ImportOptions {
        source_file: "s.txt".into(),
        date: Date::new(2020, 2, 29),
        ..ImportOptions::default()
    };
    let i = import("s.txt", "Title\nNo date here.\n", &opts).unwrap();
    assert_eq!(i.statement.meeting.date.0.to_string(), "2020-02-29");
}

#[test]
fn markdown_in_a_txt_file_is_read_as_plain_text_with_a_note() {
    let i = run("s.txt", "# Title\n1 May 2025\n\n**AI**\nText.\n");
    assert_eq!(i.statement.meeting.title.0, "# Title");
    assert!(i.notes.iter().any(|n| n.message.contains("looks like markdown")));
}

#[test]
fn an_invalid_partnership_id_is_refused() {
    let opts = ImportOptions {
        source_file: "s.txt".into(),
        partnership_id: Some("Bad Id".into()),
        ..ImportOptions::default()
    };
    assert!(import("s.txt", "Title\n1 May 2025\n", &opts).is_err());
}

#[test]
fn the_check_catches_a_changed_word() {
    let source = "Title\n1 May 2025\n\nQUANTUM\nThe two sides will cooperate.\n";
    let i = run("s.txt", source);
    let edited = i.yaml.replace("will cooperate", "will not cooperate");
    assert_ne!(edited, i.yaml);
    let (_, drift) = check("s.txt", &edited, source, Markup::Plain).unwrap();
    assert!(
        drift.iter().any(|d| d.contains("not found in the source")),
        "{drift:#?}"
    );
}

#[test]
fn the_check_catches_a_dropped_mark_by_its_second_reading() {
    let source = "---\ntitle: T\ndate: 2025-05-01\n---\n\n## Quantum\n\n- **Labs:** We will fund labs (in 2026), and meet.\n";
    let i = run("s.md", source);
    for (from, to) in [
        ("(in 2026), and", "(in 2026) and"),
        ("(in 2026), and", "(in 2026, and"),
    ] {
        let edited = i.yaml.replace(from, to);
        assert_ne!(edited, i.yaml);
        let (_, drift) = check("s.md", &edited, source, Markup::Markdown).unwrap();
        assert!(
            drift
                .iter()
                .any(|d| d.starts_with("line 8: read without the markdown parser")),
            "{drift:#?}"
        );
    }
}

#[test]
fn a_single_plain_lead_in_is_a_sentence() {
    let i = run(
        "s.txt",
        "Title\n1 May 2025\n\nQUANTUM\nNote: The two sides will meet again.\n",
    );
    assert_eq!(titles(&i), ["QUANTUM"]);
    assert_eq!(commitments(&i, 0), ["Note: The two sides will meet again."]);
}

#[test]
fn headings_with_nothing_under_them_and_glued_lead_ins_keep_every_word() {
    // Found by the property tests: a section that no area stands in, and a
    // bold lead-in with no space after it.
    for (name, text) in [
        ("a.md", ":**\\\nA\n\n**A"),
        ("b.md", "A\n- **\na**A"),
        ("c.md", "Title\n\n1 May 2025\n\n**One**\n\n**Two**\n\n**Three**"),
        // A section ("B") over empty bold headings (a stray `**` makes the
        // hard-broken lines bold): each heading stays where the reader met it.
        ("d.md", "A\n# B\n**\na  \nA  \nA\n"),
        (
            "e.md",
            "T\n1 May 2025\n\n**X**\n\n- one\n\n# B\n\n**a**\n\n**b**\n\n**c**\n\n- two\n",
        ),
    ] {
        let opts = ImportOptions {
            source_file: name.to_string(),
            date: Some(Date::new(2025, 5, 1).unwrap()),
            ..ImportOptions::default()
        };
        let i = import(name, text, &opts).unwrap();
        assert!(i.drift.is_empty(), "{name}: {:#?}", i.drift);
    }
}

#[test]
fn a_headline_naming_a_loaded_partnership_closely_is_filed_under_it() {
    // The title's verb and object ("Launches Second Phase", "hold fourth")
    // are not part of the name, so the name meets the loaded one's.
    let known = vec![
        KnownPartnership {
            id: "us-freedonia-cet".into(),
            name: "U.S.-Freedonia Critical and Emerging Technology Partnership".into(),
            parties: vec!["United States".into(), "Freedonia".into()],
        },
        KnownPartnership {
            id: "eu-ruritania-dpc".into(),
            name: "EU–Ruritania Digital Partnership Council".into(),
            parties: vec!["European Union".into(), "Ruritania".into()],
        },
    ];
    for (title, id) in [
        (
            "FACT SHEET: U.S.-Freedonia Partnership on Critical and Emerging Technology Launches Second Phase",
            "us-freedonia-cet",
        ),
        (
            "EU and Ruritania hold fourth Digital Partnership Council",
            "eu-ruritania-dpc",
        ),
    ] {
        let opts = ImportOptions {
            source_file: "s.txt".into(),
            known: known.clone(),
            ..ImportOptions::default()
        };
        let text = format!("{title}\n1 May 2025\n\nQUANTUM\nThe two sides will cooperate.\n");
        let i = import("s.txt", &text, &opts).unwrap();
        assert_eq!(i.statement.partnership.id.0, id, "{title}");
    }
}

#[test]
fn a_paragraph_after_a_list_of_lead_in_areas_is_the_headings_own_text() {
    let i = run(
        "s.md",
        "Title\n1 May 2025\n\n**Connectivity**\n\nWe support projects. We start with two.\n\n\
         -   **With Jamaica:** We connect schools.\n-   **With Kenya:** We build fibre. We train.\n\n\
         We will also coordinate financing.\n\n**Quantum**\n\n- One item.\n",
    );
    assert_eq!(
        titles(&i),
        ["Connectivity", "With Jamaica", "With Kenya", "Quantum"]
    );
    let own = &i.statement.areas.0[0];
    assert_eq!(commitments(&i, 0), ["We support projects.", "We start with two."]);
    let after: Vec<&str> = own.after_areas.iter().map(|c| c.text()).collect();
    assert_eq!(after, ["We will also coordinate financing."]);
    assert_eq!(own.commitment_count(), 3);
    assert_eq!(commitments(&i, 2), ["We build fibre.", "We train."]);
    // Loaded, the tree reads in source order: the later commitment after Kenya's.
    let (_, m, _) =
        crate::loader::parse_statement("s.yaml", &i.yaml, &SourceLookup::Given(String::new())).unwrap();
    assert_eq!(m.areas[0].resume, Some(2));
    let order: Vec<model::AreaPiece> = m.area_pieces();
    let kenya_last = order
        .iter()
        .position(|p| *p == model::AreaPiece::Commitment(2, 1))
        .unwrap();
    let later = order
        .iter()
        .position(|p| *p == model::AreaPiece::Commitment(0, 2))
        .unwrap();
    let quantum = order
        .iter()
        .position(|p| *p == model::AreaPiece::Title(3))
        .unwrap();
    assert!(kenya_last < later && later < quantum, "{order:?}");
}

#[test]
fn a_lead_in_between_two_lists_is_no_commitment() {
    let i = run(
        "s.md",
        "Title\n1 May 2025\n\n**Trade**\n\nWe will act as follows:\n\n1.  Share information.\n2.  Recognise measures.\n\n\
         We agree. To improve them, we intend to:\n\n-   Make an inventory.\n-   Exchange views.\n",
    );
    assert_eq!(titles(&i), ["Trade"]);
    assert_eq!(texts(&i.statement.areas.0[0].intro), ["We will act as follows:"]);
    assert_eq!(
        commitments(&i, 0),
        [
            "Share information.",
            "Recognise measures.",
            "We agree.",
            "Make an inventory.",
            "Exchange views."
        ]
    );
    let leads: Vec<(usize, &str)> = i.statement.areas.0[0]
        .leads
        .iter()
        .map(|l| (l.before, l.text.0.as_str()))
        .collect();
    assert_eq!(leads, [(4, "To improve them, we intend to:")]);
    // The items after it read their stance through it ("intend to:").
    let (_, mut m, _) =
        crate::loader::parse_statement("s.yaml", &i.yaml, &SourceLookup::Given(String::new())).unwrap();
    crate::compare::stance::annotate_meeting(&crate::compare::stance::Parties::new(&[]), &mut m);
    let stance = m.areas[0].commitments[3].stance.map(|(s, _)| s);
    assert_eq!(stance, Some(model::Stance::Intend));
}

#[test]
fn a_numbered_heading_run_into_its_first_sub_heading_is_split() {
    let text = |b_text: &str| {
        format!(
            "Title\n1 May 2025\n\n**I. Outcomes**\n\n**A. Shared Priorities on Digital\nTrade Semiconductors**\n\n\
             We will map semiconductors supply chains. We will meet.\n\n**Quantum**\n\nWe will test.\n\n\
             **B. Climate and Energy**\n\n{b_text}**Hydrogen**\n\nWe will build.\n\n**C. Security**\n\n\
             **Export Controls**\n\nWe will align.\n"
        )
    };
    let sections = |i: &Imported| -> Vec<String> {
        i.statement
            .areas
            .0
            .iter()
            .map(|a| {
                a.section
                    .iter()
                    .map(|s| s.0.as_str())
                    .collect::<Vec<_>>()
                    .join(" › ")
            })
            .collect()
    };
    let i = run("s.md", &text(""));
    assert_eq!(
        titles(&i),
        ["Semiconductors", "Quantum", "Hydrogen", "Export Controls"]
    );
    assert_eq!(
        sections(&i),
        [
            "I. Outcomes › A. Shared Priorities on Digital Trade",
            "I. Outcomes › A. Shared Priorities on Digital Trade",
            "I. Outcomes › B. Climate and Energy",
            "I. Outcomes › C. Security"
        ]
    );
    assert_eq!(
        commitments(&i, 0),
        ["We will map semiconductors supply chains.", "We will meet."]
    );
    assert!(
        i.notes
            .iter()
            .any(|n| n.line == Some(6) && n.message.contains("was read as section"))
    );
    // A sibling with text of its own: lettered headings may hold text here, so none is split.
    let i = run("s.md", &text("We will cut emissions.\n\n"));
    assert_eq!(
        titles(&i)[0],
        "A. Shared Priorities on Digital Trade Semiconductors"
    );
    assert!(!i.notes.iter().any(|n| n.message.contains("was read as section")));
}

#[test]
fn an_italic_title_line_is_a_sub_heading_and_an_italic_sentence_is_not() {
    let i = run(
        "s.md",
        "Title\n1 May 2025\n\n**Quantum**\n\nWe will meet. We will test.\n\n*Post-Quantum Cryptography*\n\n\
         We will migrate.\n\n**Semiconductors**\n\n*We will keep this sentence.*\n\nWe will map supply chains.\n",
    );
    assert_eq!(
        titles(&i),
        ["Quantum", "Post-Quantum Cryptography", "Semiconductors"]
    );
    assert_eq!(i.statement.areas.0[1].section[0].0, "Quantum");
    assert_eq!(
        commitments(&i, 2),
        ["We will keep this sentence.", "We will map supply chains."]
    );
}

#[test]
fn a_numbered_line_over_a_numbered_heading_heads_its_section() {
    // The TTC layout as plain text: "I." over "A.", then "II." over text.
    let i = run(
        "s.txt",
        "Joint Statement\n\n5 April 2024\n\nThe two sides met today.\n\nI. Key Outcomes\n\n\
         A. Artificial Intelligence\n\nThe two sides reaffirm a risk-based approach. They will work on standards.\n\n\
         B. Quantum\n\nThey intend to set up a task force.\n\nII. Next Steps\n\nThey will meet again in 2025.\n",
    );
    assert_eq!(titles(&i), ["Artificial Intelligence", "Quantum", "Next Steps"]);
    let sections = sections(&i);
    assert_eq!(sections, [vec!["Key Outcomes"], vec!["Key Outcomes"], vec![]]);
    assert_eq!(texts(&i.statement.preamble), ["The two sides met today."]);
    assert_eq!(
        commitments(&i, 0),
        [
            "The two sides reaffirm a risk-based approach.",
            "They will work on standards."
        ]
    );
    // Numbered alike, short lines are still a list ("1." over "2.").
    let list = run(
        "s.txt",
        "Title\n\n1 May 2025\n\nThe areas are:\n\n1. Quantum\n\n2. Semiconductors\n\nQUANTUM\n\nThe two sides will cooperate.\n",
    );
    assert_eq!(titles(&list), ["QUANTUM"]);
}

#[test]
fn a_lettered_heading_over_an_unnumbered_one_is_kept_and_nests_it() {
    // "C. Trade" holds two unnumbered headings; "A." holds one.
    let i = run(
        "s.txt",
        "Joint Statement\n\n5 April 2024\n\nThe two sides met today.\n\nI. Key Outcomes\n\nA. Digital Infrastructure\n\n\
         Joint Initiatives with Kenya\n\nThe two sides will fund a cable to Kenya.\n\nB. Emerging Technologies\n\n\
         They will cooperate on AI.\n\nC. Trade\n\nInvestment Screening\n\nThey will share screening practices.\n\n\
         Economic Coercion\n\nThey will respond together to coercion.\n\nII. Next Steps\n\nThey will meet again in 2025.\n",
    );
    assert_eq!(
        titles(&i),
        [
            "Joint Initiatives with Kenya",
            "Emerging Technologies",
            "Investment Screening",
            "Economic Coercion",
            "Next Steps"
        ]
    );
    let sections = sections(&i);
    assert_eq!(
        sections,
        [
            vec!["Key Outcomes", "Digital Infrastructure"],
            vec!["Key Outcomes"],
            vec!["Key Outcomes", "Trade"],
            vec!["Key Outcomes", "Trade"],
            vec![],
        ]
    );
}

#[test]
fn a_lettered_list_that_reaches_i_is_one_list() {
    // "I." after "H." is the ninth letter, not a roman one.
    let i = run(
        "s.txt",
        "Joint Statement\n\n5 April 2024\n\nThe two sides will work on:\n\nA. Quantum\nB. Semiconductors\n\
         C. Artificial Intelligence\nD. Biotechnology\nE. Space\nF. Clean Energy\nG. Telecommunications\nH. Data\n\
         I. Cloud\nJ. Mobility\n\nThey will meet again next year.\n",
    );
    assert_eq!(titles(&i), [outline::UNTITLED]);
    assert_eq!(commitments(&i, 0).len(), 10);
    assert!(i.statement.areas.0[0].section.is_empty());
}
