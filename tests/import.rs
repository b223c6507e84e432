//! `jointly import`, run as users run it: on the seed sources (it must give
//! back the seeds' areas and commitments), on statements written in other
//! styles (tests/fixtures/import/), and on bad input.

mod common;

use common::{jointly, stderr};

use std::path::PathBuf;

use jointly::import::{ImportOptions, import};
use jointly::loader::schema::StatementFile;
use jointly::loader::{SEED_SOURCES, SEEDS};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Area titles with their commitments' texts.
fn areas(f: &StatementFile) -> Vec<(String, Vec<String>)> {
    f.areas
        .0
        .iter()
        .map(|a| {
            (
                a.title.0.clone(),
                a.commitments.0.iter().map(|c| c.text().to_string()).collect(),
            )
        })
        .collect()
}

fn parse(yaml: &[u8]) -> StatementFile {
    serde_yaml::from_slice(yaml).expect("the importer writes a valid statement file")
}

#[test]
fn the_seeds_are_regenerated_from_their_sources() {
    let home = tempfile::tempdir().unwrap();
    for (seed, source) in SEEDS.iter().zip(SEED_SOURCES) {
        let o = jointly(home.path(), &["import", source.name]);
        assert!(o.status.success(), "{}: {}", source.name, stderr(&o));
        assert!(!stderr(&o).contains("fidelity"), "{}", stderr(&o));
        let imported = parse(&o.stdout);
        let curated: StatementFile = serde_yaml::from_str(seed.text).unwrap();
        assert_eq!(areas(&imported), areas(&curated), "{}", source.name);
        assert_eq!(imported.meeting.title, curated.meeting.title);
        assert_eq!(imported.meeting.date, curated.meeting.date);
        assert_eq!(imported.meeting.dateline, curated.meeting.dateline);
        assert_eq!(imported.meeting.place, curated.meeting.place);
        assert_eq!(imported.preamble, curated.preamble, "{}", source.name);
        assert_eq!(imported.closing, curated.closing, "{}", source.name);
    }
}

/// What a fixture must give.
struct Expected {
    file: &'static str,
    date: &'static str,
    dateline: Option<&'static str>,
    place: &'static str,
    preamble: usize,
    areas: &'static [(&'static str, &'static [&'static str])],
    closing: &'static [&'static str],
}

const FIXTURES: &[Expected] = &[
    // Markdown, CRLF line ends, front matter, `#` title repeated in the body,
    // `##` headings, `*` bullets hard-wrapped, numbered items.
    Expected {
        file: "tests/fixtures/import/japan-singapore-digital-policy-2024.md",
        date: "2024-05-02",
        dateline: None,
        place: "Tokyo",
        preamble: 3,
        areas: &[
            (
                "Data Governance and Cross-Border Data Flows",
                &[
                    "Welcomed the conclusion of technical discussions on a pilot for trusted cross-border data sharing between logistics operators in both countries.",
                    "Intend to align their approaches to privacy-enhancing technologies, including through joint sandbox projects with industry.",
                    "Will continue to promote Data Free Flow with Trust (DFFT) in the G7, APEC and the WTO Joint Statement Initiative on E-commerce.",
                ],
            ),
            (
                "Artificial Intelligence",
                &[
                    "Japan and Singapore will exchange information on AI safety evaluation, building on the work of the Japan AI Safety Institute and the Digital Trust Centre of Singapore.",
                    "The two sides intend to publish a joint mapping of their AI governance frameworks by the end of 2024.",
                    "Both sides support the Hiroshima AI Process and will encourage businesses in the region to apply its Code of Conduct.",
                ],
            ),
            (
                "Digital Identity and Trust Services",
                &[
                    "Intend to test the mutual recognition of digital identities for cross-border business registration.",
                    "Explore cooperation on verifiable credentials for skills and professional qualifications.",
                ],
            ),
            (
                "Cybersecurity",
                &[
                    "Will hold a bilateral tabletop exercise on ransomware response in 2025.",
                    "Intend to share threat information on attacks against critical information infrastructure.",
                    // A paragraph after a list is a commitment of its area (tests/gold/README.md).
                    "Japan and Singapore look forward to the fourth Digital Policy Dialogue in Singapore in 2025.",
                ],
            ),
        ],
        closing: &[],
    },
    // Plain text, hard-wrapped: a title in capitals over two lines, a
    // dateline with a place and "February 28, 2025", roman numbered headings
    // in capitals, `•` bullets and numbered items wrapped onto further lines.
    Expected {
        file: "tests/fixtures/import/eu-india-ttc-2025.txt",
        date: "2025-02-28",
        dateline: Some("New Delhi, February 28, 2025"),
        place: "New Delhi",
        preamble: 2,
        areas: &[
            (
                "STRATEGIC TECHNOLOGIES, DIGITAL GOVERNANCE AND CONNECTIVITY",
                &[
                    "The EU and India intend to deepen cooperation on trustworthy artificial intelligence, including on evaluation methods for large language models.",
                    "Both sides will explore joint research on high-performance computing applications for weather forecasting and natural disaster management.",
                    "The EU and India agreed to work towards the interoperability of their digital public infrastructures, starting with electronic signatures.",
                ],
            ),
            (
                "CLEAN AND GREEN TECHNOLOGIES",
                &[
                    "The TTC welcomed the launch of a joint call for research on the recycling of electric vehicle batteries, with a combined budget of EUR 60 million.",
                    "Both sides intend to exchange best practices on standards for green hydrogen and to cooperate in the International Solar Alliance.",
                ],
            ),
            (
                "TRADE, INVESTMENT AND RESILIENT VALUE CHAINS",
                &[
                    "The EU and India will map their semiconductor supply chains to identify vulnerabilities and opportunities for joint investment.",
                    "The TTC agreed to continue the dialogue on screening of foreign direct investment and on export controls of dual-use items.",
                ],
            ),
        ],
        closing: &[
            "The next meeting of the TTC will take place in Brussels in 2026. Both sides look forward to reviewing progress on each working group's deliverables.",
        ],
    },
    // Plain text, one paragraph per line: headings in capitals, areas whose
    // commitments are the sentences of one paragraph, curly quotes, dashes,
    // no-break spaces, "Dr." and "e.g." and "U.S." inside sentences, an ISO date line.
    Expected {
        file: "tests/fixtures/import/singapore-australia-dea-2025.txt",
        date: "2025-06-12",
        dateline: Some("2025-06-12"),
        place: "Canberra",
        preamble: 2,
        areas: &[
            (
                "DIGITAL TRADE FACILITATION",
                &[
                    "Both sides welcomed the exchange of electronic certificates of origin under the DEA.",
                    "They will extend paperless trading to agricultural certificates by 2026.",
                    "The Ministers also noted Dr. Chen’s report on e-invoicing adoption among small businesses.",
                ],
            ),
            (
                "ONLINE SAFETY",
                &[
                    "Australia’s eSafety Commissioner and Singapore’s Online Safety Commission will sign a memorandum of understanding on “safety by design”.",
                    "Both regulators intend to share research on age assurance technologies – including their privacy risks.",
                ],
            ),
            (
                "ARTIFICIAL INTELLIGENCE",
                &[
                    "The two countries will cooperate on AI assurance, e.g. through joint testing of models in Southeast Asian languages.",
                    "Ministers asked officials to report back on an AI talent exchange programme.",
                    "The U.S. and Japan could be invited to join the testing work.",
                ],
            ),
        ],
        closing: &[
            "The Ministers look forward to the fifth Dialogue in Singapore in 2026. They thanked the industry representatives who took part in the business roundtable.",
        ],
    },
    // Markdown without front matter: a bold title line, a dateline with a
    // place, bold heading lines (one with its colon inside the bold),
    // paragraph areas and `(a)` items.
    Expected {
        file: "tests/fixtures/import/korea-singapore-dpc-2026.md",
        date: "2026-03-03",
        dateline: Some("Seoul, 3 March 2026"),
        place: "Seoul",
        preamble: 1,
        areas: &[
            (
                "Digital Trade",
                &[
                    "Korea and Singapore welcomed the entry into force of the Korea–Singapore Digital Partnership Agreement.",
                    "The two sides will set up a joint committee to oversee its implementation.",
                    "They also intend to promote the use of electronic invoicing among small and medium enterprises.",
                ],
            ),
            (
                "Data Innovation",
                &[
                    "(a) Korea and Singapore intend to launch a data innovation sandbox for health and mobility data.",
                    "(b) The two sides will exchange views on the governance of public sector data, including through study visits.",
                ],
            ),
            (
                "Emerging Technologies",
                &[
                    "Both sides agreed to cooperate on 5G and 6G standards in the International Telecommunication Union.",
                    "They will hold a joint workshop on quantum-safe networks in 2026.",
                    // Paragraphs after an area's text are its commitments (tests/gold/README.md).
                    "Korea and Singapore look forward to the second meeting of the Council in Singapore in 2027.",
                ],
            ),
        ],
        closing: &[],
    },
    // Plain text: "December 1, 2025", colon-ended heading lines (the colon is
    // part of the heading as written), `-` bullets hard-wrapped.
    Expected {
        file: "tests/fixtures/import/canada-singapore-dtd-2025.txt",
        date: "2025-12-01",
        dateline: Some("December 1, 2025"),
        place: "Ottawa, Canada",
        preamble: 2,
        areas: &[
            (
                "Paperless Trade:",
                &[
                    "Canada and Singapore will connect their electronic trade single windows in a pilot for exporters of seafood and electronics.",
                    "The two sides intend to recognise each other's electronic transferable records. They will start with bills of lading.",
                ],
            ),
            (
                "Digital Identity:",
                &[
                    "Both sides will study the mutual recognition of business identifiers, such as the Canadian Business Number and Singapore's Unique Entity Number.",
                ],
            ),
            (
                "Online Consumer Protection:",
                &[
                    "The consumer protection agencies of both countries intend to exchange information on deceptive design practices (\"dark patterns\").",
                    "Canada and Singapore will co-host a workshop for ASEAN regulators in 2026.",
                ],
            ),
        ],
        closing: &["Officials will report to Ministers on progress by the end of 2026."],
    },
];

#[test]
fn fixtures_in_other_styles_give_the_expected_areas() {
    let home = tempfile::tempdir().unwrap();
    for want in FIXTURES {
        let o = jointly(home.path(), &["import", want.file, "--partnership", "fixture"]);
        assert!(o.status.success(), "{}: {}", want.file, stderr(&o));
        assert!(!stderr(&o).contains("fidelity"), "{}", stderr(&o));
        let got = parse(&o.stdout);
        let expected: Vec<(String, Vec<String>)> = want
            .areas
            .iter()
            .map(|(t, cs)| (t.to_string(), cs.iter().map(|c| c.to_string()).collect()))
            .collect();
        assert_eq!(areas(&got), expected, "{}", want.file);
        let m = &got.meeting;
        assert_eq!(m.date.0.to_string(), want.date, "{}", want.file);
        assert_eq!(
            m.dateline.as_ref().map(|d| d.0.as_str()),
            want.dateline,
            "{}",
            want.file
        );
        assert_eq!(
            m.place.as_ref().map(|p| p.0.as_str()),
            Some(want.place),
            "{}",
            want.file
        );
        assert_eq!(got.preamble.len(), want.preamble, "{}", want.file);
        let closing: Vec<&str> = got.closing.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(closing, want.closing, "{}", want.file);
        assert_eq!(got.partnership.id.0, "fixture");
    }
}

#[test]
fn every_import_passes_the_fidelity_check() {
    let sources = SEED_SOURCES
        .iter()
        .map(|s| s.name)
        .chain(FIXTURES.iter().map(|f| f.file));
    for name in sources {
        let text = std::fs::read_to_string(repo().join(name)).unwrap();
        let opts = ImportOptions {
            source_file: name.to_string(),
            ..ImportOptions::default()
        };
        let imported = import(name, &text, &opts).expect("imports");
        assert!(imported.drift.is_empty(), "{name}: {:#?}", imported.drift);
    }
}

#[test]
fn an_imported_file_written_with_out_passes_jointly_check() {
    let home = tempfile::tempdir().unwrap();
    for want in FIXTURES {
        let out = home.path().join("out").join("statement.yaml");
        std::fs::create_dir_all(out.parent().unwrap()).unwrap();
        let o = jointly(
            home.path(),
            &["import", want.file, "--out", out.to_str().unwrap()],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stderr(&o).contains("wrote "), "{}", stderr(&o));
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(
            text.contains("file: \"../"),
            "source.file is relative to the statement: {text}"
        );
        let c = jointly(home.path(), &["check", out.to_str().unwrap()]);
        // No error and no warning: the source was found and matches.
        assert!(c.status.success(), "{}: {}", want.file, stderr(&c));
        assert_eq!(stderr(&c), "");
    }
}

#[test]
fn an_installed_import_shows_up_in_list_and_is_not_overwritten() {
    let home = tempfile::tempdir().unwrap();
    let file = FIXTURES[3].file;
    let args = ["import", file, "--partnership", "kr-sg-dpc", "--install"];
    let o = jointly(home.path(), &args);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "installing prints nothing on stdout");
    let installed = home
        .path()
        .join("data/jointly/statements/kr-sg-dpc-2026-03-03.yaml");
    assert!(installed.is_file(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&installed).unwrap();
    let absolute = std::fs::canonicalize(repo().join(file)).unwrap();
    assert!(
        text.contains(&format!("file: \"{}\"", absolute.display())),
        "{text}"
    );

    let list = jointly(home.path(), &["list"]);
    assert!(list.status.success(), "{}", stderr(&list));
    assert_eq!(stderr(&list), "", "the installed file loads without a warning");
    let out = String::from_utf8_lossy(&list.stdout);
    assert!(
        out.contains("kr-sg-dpc/2026-03-03/data-innovation  Data Innovation  (2)"),
        "{out}"
    );
    assert!(
        out.ends_with("3 partnerships, 3 meetings, 16 areas, 53 commitments\n"),
        "{out}"
    );

    let again = jointly(home.path(), &args);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already exists; give --force"),
        "{}",
        stderr(&again)
    );
    let forced = jointly(home.path(), &[&args[..], &["--force"]].concat());
    assert!(forced.status.success(), "{}", stderr(&forced));
}

#[test]
fn a_known_partnership_keeps_its_name() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(
        home.path(),
        &["import", FIXTURES[4].file, "--partnership", "eu-sg-dp"],
    );
    assert!(o.status.success());
    let got = parse(&o.stdout);
    assert_eq!(got.partnership.name.0, "EU-Singapore Digital Partnership");
    assert_eq!(got.partnership.parties.len(), 2);
}

#[test]
fn without_partnership_the_id_is_made_from_the_title_with_a_warning() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["import", FIXTURES[4].file]);
    assert!(o.status.success());
    assert_eq!(
        parse(&o.stdout).partnership.id.0,
        "canada-singapore-digital-trade-dialogue"
    );
    assert!(stderr(&o).contains("was made from the title"), "{}", stderr(&o));
}

/// Runs `jointly import` on a file with the given bytes; returns exit code and stderr.
fn import_bytes(name: &str, bytes: &[u8], extra: &[&str]) -> (Option<i32>, String, Vec<u8>) {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let o = jointly(
        home.path(),
        &[&["import", path.to_str().unwrap()], extra].concat(),
    );
    (o.status.code(), stderr(&o), o.stdout)
}

#[test]
fn bad_input_gets_a_clear_message_naming_the_file() {
    let cases: &[(&str, &[u8], &str)] = &[
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b" \n\r\n\t\n", "the file is empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "is a binary file"),
        (
            "latin1.txt",
            b"Joint Statement\nBrussels, 1 d\xe9cembre\n",
            "latin1.txt:2:14: error: is not UTF-8 text (invalid byte at line 2, column 14); if it is Windows-1252",
        ),
        (
            "controls.txt",
            "Joint\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}".as_bytes(),
            "looks like a binary file",
        ),
        ("markup.md", b"---\ntitle: \n---\n\n***\n", "no text found"),
        (
            "statement.yaml",
            include_bytes!("../seeds/eu-sg-dp-2025-12-01.yaml"),
            "is already a statement file",
        ),
        (
            "prose.txt",
            b"Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor.\n",
            "no date found",
        ),
    ];
    for (name, bytes, message) in cases {
        let (code, err, out) = import_bytes(name, bytes, &[]);
        assert_eq!(code, Some(1), "{name}: {err}");
        assert!(err.contains(name) && err.contains(message), "{name}: {err}");
        assert!(out.is_empty(), "{name}: nothing on stdout");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn text_with_no_structure_still_gives_a_valid_file_and_says_so() {
    let text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor.\n\
                Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris.\n";
    let (code, err, out) = import_bytes("prose.txt", text.as_bytes(), &["--date", "2025-01-31"]);
    assert_eq!(code, Some(0), "{err}");
    // Paragraphs only: one untitled area of sentences, as in markdown
    // (tests/gold/README.md, "No heading and no list").
    assert!(
        err.contains(
            "prose.txt:2:1: warning: no headings or lists: the whole text was read as one untitled area"
        ),
        "{err}"
    );
    let got = parse(&out);
    assert_eq!(got.areas.0.len(), 1);
    assert!(got.areas.0[0].untitled);
    assert_eq!(got.areas.0[0].commitments.0.len(), 1);
    assert!(got.preamble.is_empty());
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("huge.txt");
    // A sparse 50 MB file: the size alone must stop the import.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(50 * 1024 * 1024)
        .unwrap();
    let o = jointly(home.path(), &["import", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("huge.txt: error: is 52.4 MB, more than the 32 MiB"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_folder_or_a_missing_file_is_named() {
    let home = tempfile::tempdir().unwrap();
    let o = jointly(home.path(), &["import", home.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("is a directory, not a file"),
        "{}",
        stderr(&o)
    );
    let o = jointly(home.path(), &["import", "no/such.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "no/such.txt: error: no such file or folder\n");
}

#[test]
fn wrong_usage_exits_2() {
    let home = tempfile::tempdir().unwrap();
    let file = FIXTURES[0].file;
    for args in [
        vec!["import", file, "--partnership", "Not A Slug"],
        vec!["import", file, "--date", "1 May 2024"],
        vec!["import", file, "--install", "--out", "x.yaml"],
        vec!["import", file, "--force"],
    ] {
        let o = jointly(home.path(), &args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    }
    let o = jointly(home.path(), &["import", file, "--out", file]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("is the file being imported"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_plain_text_copy_with_lead_ins_without_bold_gives_the_same_commitments() {
    // The U.S. seed as a web page copied without its bold: one line per
    // paragraph, "• Title: sentences" bullets.
    let seed: StatementFile = serde_yaml::from_str(SEEDS[1].text).unwrap();
    let mut text = format!("{}\nOctober 12, 2023\n", seed.meeting.title.0);
    for p in &seed.preamble {
        text.push_str(&format!("{}\n", p.0));
    }
    for a in &seed.areas.0 {
        let body: Vec<&str> = a.commitments.0.iter().map(|c| c.text()).collect();
        text.push_str(&format!("• {}: {}\n", a.title.0, body.join(" ")));
    }
    for p in &seed.closing {
        text.push_str(&format!("{}\n", p.0));
    }
    let opts = ImportOptions {
        source_file: "us.txt".into(),
        ..ImportOptions::default()
    };
    let imported = import("us.txt", &text, &opts).unwrap();
    assert!(imported.drift.is_empty(), "{:#?}", imported.drift);
    let want: Vec<(String, Vec<String>)> = areas(&seed)
        .into_iter()
        .map(|(t, cs)| (format!("{t}:"), cs))
        .collect();
    assert_eq!(areas(&imported.statement), want);
    assert_eq!(imported.statement.closing, seed.closing);
}

#[test]
fn a_later_meeting_of_a_loaded_partnership_is_filed_under_it() {
    let home = tempfile::tempdir().unwrap();
    let corpus = repo().join("tests/fixtures/corpus");
    let first = corpus.join("2021-09-29-u-s-eu-trade-and-technology-council-inaugural-joint-statement.md");
    let later = corpus.join("2022-12-05-u-s-eu-joint-statement-of-the-trade-and-technology-council.md");
    let o = jointly(home.path(), &["import", first.to_str().unwrap(), "--install"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = jointly(home.path(), &["import", later.to_str().unwrap(), "--install"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("filed under the loaded partnership `us-eu-trade-technology-council`"),
        "{}",
        stderr(&o)
    );
    let list = jointly(home.path(), &["--no-default", "list"]);
    let out = String::from_utf8_lossy(&list.stdout);
    assert!(
        out.contains("us-eu-trade-technology-council  U.S.-EU Trade and Technology Council  (2 meetings,"),
        "{out}"
    );
    assert!(out.contains("\n1 partnership, 2 meetings, "), "{out}");
}

/// A statement in a style none of the other fixtures has (ATX `#`/`##`/`###`
/// levels, an image line, a paragraph-only area with "U.S." and "e.g.", a
/// nested bullet, a signature block), read by hand and written down before
/// the importer first ran on it: sections, areas, counts, signatories.
#[test]
fn atx_levels_paragraph_areas_and_a_signature_block() {
    let home = tempfile::tempdir().unwrap();
    let source = repo().join("tests/fixtures/import/eu-japan-dpc-2026.md");
    let o = jointly(home.path(), &["import", source.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let f = parse(&o.stdout);
    let got: Vec<(String, Vec<String>, usize)> = f
        .areas
        .0
        .iter()
        .map(|a| {
            (
                a.title.0.clone(),
                a.section.iter().map(|s| s.0.clone()).collect(),
                a.commitments.0.len(),
            )
        })
        .collect();
    let want: Vec<(String, Vec<String>, usize)> = [
        ("Semiconductors", &["I. Economic Security"][..], 2),
        ("Undersea Cables", &["I. Economic Security"][..], 3),
        (
            "Artificial Intelligence",
            &["II. Trustworthy Technologies"][..],
            3,
        ),
        ("Cybersecurity", &["II. Trustworthy Technologies"][..], 1),
        ("Next Steps", &[][..], 1),
    ]
    .iter()
    .map(|(t, s, n)| (t.to_string(), s.iter().map(|x| x.to_string()).collect(), *n))
    .collect();
    assert_eq!(got, want);
    assert_eq!(f.preamble.len(), 2, "{:?}", f.preamble);
    assert_eq!(f.meeting.date.0.to_string(), "2026-05-12");
    assert_eq!(f.meeting.place.as_ref().map(|p| p.0.as_str()), Some("Tokyo"));
    assert_eq!(
        f.signatories.iter().map(|s| s.0.as_str()).collect::<Vec<_>>(),
        [
            "For the European Union",
            "Henna Virkkunen, Executive Vice-President",
            "For Japan",
            "Taro Kono, Minister for Digital Transformation",
        ]
    );
    let parties: Vec<&str> = f.partnership.parties.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(parties, ["European Union", "Japan"]);
}

/// The Quad's March 2021 summit and its September 2021 summit are two
/// meetings of one partnership: "Summit" and "Leaders' Summit" name the
/// meeting, not the partnership.
#[test]
fn two_summits_are_one_partnership() {
    let home = tempfile::tempdir().unwrap();
    let corpus = repo().join("tests/fixtures/corpus");
    for name in [
        "2021-03-12-fact-sheet-quad-summit.md",
        "2021-09-24-fact-sheet-quad-leaders-summit.md",
    ] {
        let o = jointly(
            home.path(),
            &["import", corpus.join(name).to_str().unwrap(), "--install"],
        );
        assert!(o.status.success(), "{name}: {}", stderr(&o));
    }
    let list = jointly(home.path(), &["--no-default", "list"]);
    let out = String::from_utf8_lossy(&list.stdout);
    assert!(out.contains("quad  Quad  (2 meetings,"), "{out}");
    assert!(out.contains("\n1 partnership, 2 meetings, "), "{out}");
}

/// A fact sheet and a joint statement of one meeting day are two
/// statements: the second gets the next id of that day instead of being
/// skipped as a duplicate; the same statement again is refused as before.
#[test]
fn a_second_statement_of_the_same_day_gets_an_id_of_its_own() {
    let home = tempfile::tempdir().unwrap();
    let corpus = repo().join("tests/fixtures/corpus");
    let fact_sheet = corpus
        .join("2023-05-31-fact-sheet-u-s-eu-trade-and-technology-council-deepens-transatlantic-ties.md");
    let statement = corpus.join("2023-05-31-u-s-eu-joint-statement-of-the-trade-and-technology-council-2.md");
    let import = |path: &std::path::Path| {
        jointly(
            home.path(),
            &[
                "import",
                path.to_str().unwrap(),
                "--partnership",
                "us-eu-ttc",
                "--install",
            ],
        )
    };
    let o = import(&fact_sheet);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = import(&statement);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("this one is filed as `us-eu-ttc/2023-05-31-2`"),
        "{}",
        stderr(&o)
    );
    let o = import(&statement);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("us-eu-ttc-2023-05-31-2.yaml already exists"),
        "{}",
        stderr(&o)
    );
    let list = jointly(home.path(), &["--no-default", "list"]);
    let out = String::from_utf8_lossy(&list.stdout);
    assert!(out.contains("\n  us-eu-ttc/2023-05-31  FACT SHEET"), "{out}");
    assert!(
        out.contains("\n  us-eu-ttc/2023-05-31-2  U.S.-EU Joint Statement"),
        "{out}"
    );
    assert!(!stderr(&list).contains("duplicate"), "{}", stderr(&list));
}

#[test]
fn what_the_importer_was_unsure_of_stays_with_the_file_until_it_is_edited() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("s.yaml");
    let source = repo().join(
        "tests/fixtures/corpus/2022-12-05-u-s-eu-joint-statement-of-the-trade-and-technology-council.md",
    );
    let o = jointly(
        home.path(),
        &["import", source.to_str().unwrap(), "--out", out.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(":150:1: warning: a long bold paragraph was taken as a heading"),
        "{err}"
    );
    assert!(err.contains("found 24 areas in 8 sections"), "{err}");
    let check = jointly(home.path(), &["check", out.to_str().unwrap()]);
    let said = stderr(&check);
    assert!(
        said.contains(":150:1: warning: import: a long bold paragraph"),
        "{said}"
    );
    // Editing the file retires the findings.
    let text = std::fs::read_to_string(&out).unwrap();
    std::fs::write(
        &out,
        text.replacen("title: \"Collaboration on Quantum\"", "title: \"Quantum\"", 1),
    )
    .unwrap();
    let check = jointly(home.path(), &["check", out.to_str().unwrap()]);
    assert!(
        !stderr(&check).contains("import: a long bold"),
        "{}",
        stderr(&check)
    );
}

#[test]
fn importer_messages_say_what_is_wrong_and_where() {
    // A date the calendar does not have is named, with its line and column.
    let (code, err, _) = import_bytes(
        "d.md",
        b"Joint Statement\n\nThe meeting on 31 February 2025 was good.\n\n## AI\n\n- We will.\n",
        &[],
    );
    assert_eq!(code, Some(1));
    assert!(
        err.contains("d.md:3:16: error: \"31 February 2025\" is not a date in the calendar"),
        "{err}"
    );
    // Front matter that is not valid YAML is reported, located, and the rest still imports.
    let (code, err, _) = import_bytes(
        "f.md",
        b"---\ntitle: \"X\ndate: [\n---\n\n# T\n\n1 May 2025\n\n## AI\n\n- We will.\n",
        &[],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("f.md:4:1: warning: the front matter is not valid YAML"),
        "{err}"
    );
    // Front matter never closed is said to be so, not "only markup".
    let (code, err, _) = import_bytes("g.md", b"---\ntitle: X\n", &[]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("g.md:1:1: error: the front matter that opens at line 1 with `---` is never closed"),
        "{err}"
    );
    let (_, err, _) = import_bytes(
        "h.md",
        b"---\ntitle: X\n\n1 May 2025\n\n## AI\n\n- We will.\n",
        &[],
    );
    assert!(
        err.contains("h.md:1:1: warning: the front matter that opens here"),
        "{err}"
    );
    // --date decides, but a different date in the text is pointed out.
    let (code, err, out) = import_bytes(
        "e.md",
        b"# T\n\n1 May 2025\n\n## AI\n\n- We will.\n",
        &["--date", "2025-05-02"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("--date 2025-05-02 differs from the date the text gives (2025-05-01)"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out).contains("date: \"2025-05-02\""));
}

#[test]
fn front_matter_keys_that_cannot_be_used_are_named_with_their_line() {
    // A date not in the calendar, and no other: the front matter's is the one to correct.
    let (code, err, _) = import_bytes(
        "a.md",
        b"---\ntitle: T\ndate: 2025-02-30\n---\n\n## AI\n\n- We will.\n",
        &[],
    );
    assert_eq!(code, Some(1));
    assert!(
        err.contains("a.md:3:1: error: front matter `date` 2025-02-30 is not in the calendar"),
        "{err}"
    );
    // A number for a date, a list for a title: each said, and the text's own used.
    let (code, err, _) = import_bytes(
        "b.md",
        b"---\ntitle: [a, b]\ndate: 5\n---\n\n# Joint Statement\n\n1 May 2025\n\n## AI\n\n- We will.\n",
        &[],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains("b.md:2:1: warning: front matter `title` (a list) is not a text"),
        "{err}"
    );
    assert!(
        err.contains("b.md:3:1: warning: front matter `date` 5 is not a date"),
        "{err}"
    );
}

#[test]
fn the_import_summary_agrees_in_number() {
    let home = tempfile::tempdir().unwrap();
    let out = home.path().join("s.yaml");
    let source = repo().join(
        "tests/fixtures/corpus/2022-05-16-fact-sheet-u-s-eu-trade-and-technology-council-establishes-economic-and-technology-policies-initiatives.md",
    );
    let o = jointly(
        home.path(),
        &["import", source.to_str().unwrap(), "--out", out.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("found 1 area in 0 sections"), "{err}");
    assert!(err.contains("with 1 area, 10 commitments"), "{err}");
}
