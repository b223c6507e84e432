//! The comparison on the seeds and on small made-up meetings: annotation
//! (topics, stances, unknown topics), area alignment and commitment counterparts.

use jointly::compare::{Alignment, Counterparts, Side, Taxonomy, align, annotate};
use jointly::loader::{LoadOptions, Loaded, SourceLookup, load, parse_statement};
use jointly::model::{Corpus, NodePath, Origin, Stance, Tag};

fn seeds() -> Corpus {
    let mut loaded = load(&LoadOptions::embedded_only());
    let problems = annotate(&mut loaded.corpus, Taxonomy::builtin());
    assert!(problems.is_empty(), "{problems:#?}");
    loaded.corpus
}

/// A corpus of statement files given as text, annotated.
fn corpus_of(files: &[(&str, &str)]) -> (Corpus, Vec<String>) {
    let mut loaded = Loaded::default();
    for (name, text) in files {
        let (mut p, m, _) = parse_statement(name, text, &SourceLookup::Embedded).unwrap();
        p.meetings.push(m);
        loaded.corpus.partnerships.push(p);
    }
    let problems = annotate(&mut loaded.corpus, Taxonomy::builtin());
    (loaded.corpus, problems.iter().map(ToString::to_string).collect())
}

fn meeting(corpus: &Corpus, id: &str) -> NodePath {
    corpus.resolve(id).unwrap()
}

/// The EU meeting (left) aligned with the US meeting (right).
fn seeds_aligned(corpus: &Corpus) -> Alignment {
    align(
        corpus,
        meeting(corpus, "eu-sg-dp/2025-12-01"),
        meeting(corpus, "us-sg-cet/2023-10-12"),
        Taxonomy::builtin(),
    )
    .unwrap()
}

/// The pairing as area ids: primary pairs, left only, right only.
type Pairing = (Vec<(String, String)>, Vec<String>, Vec<String>);

fn pairing(corpus: &Corpus, a: &Alignment) -> Pairing {
    let area = |side: Side, i: usize| {
        let (p, m) = a.meeting(side).meeting().unwrap();
        corpus.partnerships[p].meetings[m].areas[i].id.clone()
    };
    let mut primary: Vec<(String, String)> = a
        .primary()
        .map(|l| (area(Side::Left, l.left), area(Side::Right, l.right)))
        .collect();
    primary.sort();
    let only = |side: Side| a.only(side).iter().map(|&i| area(side, i)).collect();
    (primary, only(Side::Left), only(Side::Right))
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = list.iter().map(|(l, r)| (l.to_string(), r.to_string())).collect();
    v.sort();
    v
}

#[test]
fn the_seeds_pair_as_the_issue_says() {
    let corpus = seeds();
    let t = Taxonomy::builtin();
    let (eu, us) = (
        meeting(&corpus, "eu-sg-dp/2025-12-01"),
        meeting(&corpus, "us-sg-cet/2023-10-12"),
    );
    let a = align(&corpus, eu, us, t).unwrap();
    let (primary, eu_only, us_only) = pairing(&corpus, &a);
    assert_eq!(
        primary,
        pairs(&[
            ("ai", "ai"),
            ("quantum", "quantum"),
            ("data-flows", "digital-economy"),
            ("semiconductors", "critical-infrastructure"),
            ("cybersecurity", "critical-infrastructure"),
        ])
    );
    assert_eq!(eu_only, ["online-safety-and-scams", "verifiable-credentials"]);
    assert_eq!(us_only, ["biotechnology", "defense-innovation"]);
    // Weaker links exist and are marked so: AI also touches Defense Innovation.
    let eu_ai = 0;
    let weaker: Vec<usize> = a
        .links_of(Side::Left, eu_ai)
        .iter()
        .filter(|l| !l.primary)
        .map(|l| l.right)
        .collect();
    assert_eq!(weaker, [4], "defense-innovation is the 5th US area");

    // The same pairing read from the other side.
    let b = align(&corpus, us, eu, t).unwrap();
    let (primary_b, us_only_b, eu_only_b) = pairing(&corpus, &b);
    let mirrored: Vec<(String, String)> = {
        let mut v: Vec<_> = primary_b.into_iter().map(|(u, e)| (e, u)).collect();
        v.sort();
        v
    };
    assert_eq!(mirrored, primary);
    assert_eq!((eu_only_b, us_only_b), (eu_only, us_only));
}

#[test]
fn links_are_ranked_by_topics_then_text() {
    let corpus = seeds();
    let a = seeds_aligned(&corpus);
    for area in 0..7 {
        let links = a.links_of(Side::Left, area);
        for w in links.windows(2) {
            assert!(
                (w[0].topic_score, w[0].text_score) >= (w[1].topic_score, w[1].text_score),
                "area {area}: {w:?}"
            );
        }
    }
    // US Critical Infrastructure has two counterparts; the strongest is named first.
    let ci = 3;
    assert_eq!(
        a.links_of(Side::Right, ci).iter().filter(|l| l.primary).count(),
        2
    );
    assert!(a.counterpart(Side::Right, ci).is_some());
    assert!(a.counterpart(Side::Left, 1).is_none(), "online safety has none");
}

#[test]
fn commitment_counterparts_are_searched_in_the_whole_other_meeting() {
    use jointly::compare::counterparts::{Background, STRONG, Strength, Thresholds, WEAK};
    let corpus = seeds();
    let glossary = jointly::glossary::Glossary::build(&corpus);
    let (eu, us) = (
        meeting(&corpus, "eu-sg-dp/2025-12-01"),
        meeting(&corpus, "us-sg-cet/2023-10-12"),
    );
    let cp = Counterparts::between(&corpus, eu, us, Taxonomy::builtin(), &glossary).unwrap();
    let (cyber, ci, ai) = (3, 3, 0);
    // EU cybersecurity/1 (critical infrastructure, cyber resilience) answers
    // US critical-infrastructure/1 (secure ICT infrastructure), not the
    // Smart Cities Program it shares "ASEAN" and "capacity-building" with.
    let best = cp.closest(Side::Left, cyber, 0).unwrap();
    assert_eq!((best.area, best.commitment), (ci, 0), "{best:?}");
    assert!(!best.shared.is_empty());
    assert!(
        cp.of(Side::Left, cyber, 0)
            .iter()
            .all(|m| (m.area, m.commitment) != (ci, 3))
    );
    // EUCC/SCCS certification and the evaluation of language models have none.
    assert!(cp.of(Side::Left, cyber, 3).is_empty());
    assert!(cp.of(Side::Left, ai, 2).is_empty());
    // Every counterpart, each way, is above the threshold, best first, its
    // strength told by its score; read from the other side, the score is the same.
    for side in [Side::Left, Side::Right] {
        let (p, m) = cp.meeting(side).meeting().unwrap();
        for (a, area) in corpus.partnerships[p].meetings[m].areas.iter().enumerate() {
            for c in 0..area.commitments.len() {
                let found = cp.of(side, a, c);
                assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
                for f in found {
                    assert!(f.score >= WEAK && f.score <= 1.0, "{f:?}");
                    assert_eq!(f.strength == Strength::Strong, f.score >= STRONG);
                    let back = cp.of(side.other(), f.area, f.commitment);
                    if let Some(b) = back.iter().find(|b| (b.area, b.commitment) == (a, c)) {
                        assert!((b.score - f.score).abs() < 1e-6);
                    }
                }
            }
        }
    }
    // Out of range asks for nothing, and gets nothing.
    assert!(cp.of(Side::Left, 99, 0).is_empty() && cp.of(Side::Left, 0, 99).is_empty());

    // Other thresholds: one counterpart at most, from a higher score.
    let strict = Thresholds {
        weak: 0.3,
        keep: 1,
        ..Thresholds::default()
    };
    let few = Counterparts::with(
        &corpus,
        eu,
        us,
        Taxonomy::builtin(),
        &glossary,
        Background::builtin(),
        strict,
    )
    .unwrap();
    assert_eq!(few.thresholds(), strict);
    assert_eq!(cp.thresholds(), Thresholds::default());
    let (mut kept, mut all) = (0, 0);
    for (a, c) in [(0, 0), (0, 1), (3, 0), (4, 2), (6, 0), (6, 1)] {
        let f = few.of(Side::Left, a, c);
        assert!(f.len() <= 1 && f.iter().all(|m| m.score >= 0.3));
        kept += f.len();
        all += cp.of(Side::Left, a, c).len();
    }
    assert!(0 < kept && kept < all, "{kept} of {all}");
}

#[test]
fn every_seed_commitment_gets_a_sensible_stance() {
    use Stance::{Acknowledge as A, Commit as C, Explore as E, Intend as I};
    let corpus = seeds();
    let expected: &[(&str, &[Stance])] = &[
        // ai/2 "Reaffirmed the willingness to implement": intend, as tests/gold/stance.yaml reads it.
        ("eu-sg-dp/2025-12-01/ai", &[A, I, I]),
        ("eu-sg-dp/2025-12-01/online-safety-and-scams", &[I, I, E]),
        ("eu-sg-dp/2025-12-01/verifiable-credentials", &[I]),
        // The whole item decides: "Both sides envisage ..." (2), "will explore" (4).
        ("eu-sg-dp/2025-12-01/cybersecurity", &[I, I, I, E]),
        ("eu-sg-dp/2025-12-01/data-flows", &[A, I, I]),
        // "They confirmed that they intend to leverage ..." (2).
        ("eu-sg-dp/2025-12-01/semiconductors", &[E, I]),
        ("eu-sg-dp/2025-12-01/quantum", &[I, I]),
        ("us-sg-cet/2023-10-12/ai", &[C, I, C, I]),
        ("us-sg-cet/2023-10-12/digital-economy", &[C, I, C, A, C, C, I]),
        ("us-sg-cet/2023-10-12/biotechnology", &[C, A, I, C]),
        ("us-sg-cet/2023-10-12/critical-infrastructure", &[C, I, I, C, A]),
        ("us-sg-cet/2023-10-12/defense-innovation", &[I, I, C]),
        ("us-sg-cet/2023-10-12/quantum", &[I, C, I, A]),
    ];
    let mut n = 0;
    for (area, stances) in expected {
        let Some(NodePath::Area(p, m, a)) = corpus.resolve(area) else {
            panic!("{area}")
        };
        let got: Vec<Option<Stance>> = corpus.partnerships[p].meetings[m].areas[a]
            .commitments
            .iter()
            .map(|c| c.stance.map(|(s, _)| s))
            .collect();
        let want: Vec<Option<Stance>> = stances.iter().copied().map(Some).collect();
        assert_eq!(got, want, "{area}");
        n += got.len();
    }
    assert_eq!(n, 45);
}

#[test]
fn the_six_examples_of_the_issue() {
    let corpus = seeds();
    for (id, want) in [
        ("eu-sg-dp/2025-12-01/quantum/1", Stance::Intend),
        ("eu-sg-dp/2025-12-01/semiconductors/1", Stance::Explore),
        // Issue 13: the whole item undertakes to explore ("will explore", sentence 2).
        ("eu-sg-dp/2025-12-01/cybersecurity/4", Stance::Explore),
        ("us-sg-cet/2023-10-12/ai/2", Stance::Intend),
        ("us-sg-cet/2023-10-12/critical-infrastructure/1", Stance::Commit),
        ("us-sg-cet/2023-10-12/quantum/4", Stance::Acknowledge),
    ] {
        let Some(jointly::model::Node::Commitment(.., c)) = corpus.resolve(id).and_then(|p| corpus.get(p))
        else {
            panic!("{id}")
        };
        assert_eq!(c.stance, Some((want, Origin::Inferred)), "{id}: {}", c.text);
    }
}

const LEFT: &str = r#"
partnership: {id: aa-bb, name: A-B Partnership, parties: [Aland, Bland]}
meeting: {title: First Meeting, date: "2024-01-10"}
areas:
  - id: artificial-intelligence
    title: Artificial Intelligence
    commitments:
      - Intend to cooperate on AI safety and large language models.
      - text: Welcome progress on AI evaluation.
        stance: commit
  - id: quantum-computing
    title: Quantum Computing
    topics: [quantum]
    commitments:
      - Will explore joint quantum computing testbeds.
  - id: space
    title: Space Cooperation
    commitments:
      - Intend to share satellite data for earth observation.
  - id: chips
    title: Chips
    topics: [chips, research, madeup-topic]
    commitments:
      - Explore semiconductor research.
"#;

const RIGHT: &str = r#"
partnership: {id: cc-dd, name: C-D Dialogue, parties: [Cland, Dland]}
meeting: {title: Second Meeting, date: "2024-06-01"}
areas:
  - id: health
    title: Health
    commitments:
      - The sides note the importance of public health.
  - id: ml
    title: AI and Machine Learning
    topics: [ai, research]
    commitments:
      - The sides will deepen exchanges on AI safety and evaluation of language models.
  - id: quantum
    title: Quantum Technologies
    commitments:
      - They look forward to quantum computing testbeds and quantum communication.
  - id: bio
    title: Biotechnology
    topics: [biotech, research]
    commitments:
      - Commit to joint biotechnology research.
"#;

#[test]
fn two_made_up_meetings_align_by_topic() {
    let (corpus, problems) = corpus_of(&[("left.yaml", LEFT), ("right.yaml", RIGHT)]);
    let a = align(
        &corpus,
        NodePath::Meeting(0, 0),
        NodePath::Meeting(1, 0),
        Taxonomy::builtin(),
    )
    .unwrap();
    let (primary, left_only, right_only) = pairing(&corpus, &a);
    assert_eq!(
        primary,
        pairs(&[
            ("artificial-intelligence", "ml"),
            ("quantum-computing", "quantum")
        ])
    );
    assert_eq!(left_only, ["space", "chips"]);
    assert_eq!(right_only, ["health", "bio"]);
    // Chips shares only the research theme with AI and Biotechnology: weaker
    // links, kept and marked so.
    let chips = a.links_of(Side::Left, 3);
    assert_eq!(chips.len(), 2);
    for l in chips {
        assert!(
            !l.primary && l.shared == ["research"] && l.topic_score == 0.25,
            "{l:?}"
        );
    }
    // The unknown topic is kept, with a warning naming the file and the path.
    assert_eq!(
        problems,
        [
            "left.yaml: warning: areas[3].topics[2]: unknown topic `madeup-topic`: it is not in the taxonomy (assets/topics.yaml), so it only links areas that name it too"
        ]
    );
}

#[test]
fn curated_values_win_and_inferred_ones_are_marked() {
    let (corpus, _) = corpus_of(&[("left.yaml", LEFT), ("right.yaml", RIGHT)]);
    let left = &corpus.partnerships[0].meetings[0];
    // No topics in the file: inferred from title and text.
    assert_eq!(left.areas[0].topics, [(Tag::from("ai"), Origin::Inferred)]);
    assert_eq!(left.areas[2].topics, [(Tag::from("space"), Origin::Inferred)]);
    // Topics in the file: kept, curated, the alias `chips` folded to its id.
    assert_eq!(
        left.areas[3].topics,
        [
            (Tag::from("semiconductors"), Origin::Curated),
            (Tag::from("research"), Origin::Curated),
            (Tag::from("madeup-topic"), Origin::Curated),
        ]
    );
    // A stance in the file wins over the rules ("Welcome" would read acknowledge).
    assert_eq!(
        left.areas[0].commitments[1].stance,
        Some((Stance::Commit, Origin::Curated))
    );
    assert_eq!(
        left.areas[0].commitments[0].stance,
        Some((Stance::Intend, Origin::Inferred))
    );
    assert_eq!(
        left.areas[1].commitments[0].stance,
        Some((Stance::Explore, Origin::Inferred))
    );
    // An area whose words match no keyword stays without topics.
    assert!(corpus.partnerships[1].meetings[0].areas[0].topics.is_empty());
}

#[test]
fn annotating_twice_changes_nothing() {
    let mut corpus = seeds();
    let before = format!("{:?}", corpus.partnerships);
    let problems = annotate(&mut corpus, Taxonomy::builtin());
    assert!(problems.is_empty());
    assert_eq!(format!("{:?}", corpus.partnerships), before);
}

#[test]
fn every_seed_topic_is_in_the_taxonomy() {
    let t = Taxonomy::builtin();
    let mut seen = 0;
    for seed in jointly::loader::SEEDS {
        let (_, m, _) = parse_statement(seed.name, seed.text, &SourceLookup::Embedded).unwrap();
        for a in &m.areas {
            assert!(!a.topics.is_empty(), "{}: {} lists no topics", seed.name, a.id);
            for (topic, origin) in &a.topics {
                assert_eq!(*origin, Origin::Curated);
                let found = t
                    .get(topic)
                    .unwrap_or_else(|| panic!("{}: unknown topic {topic}", seed.name));
                assert_eq!(&found.id, topic, "{}: write the id, not an alias", seed.name);
                seen += 1;
            }
        }
    }
    assert!(seen > 30);
}

#[test]
fn inferred_main_topics_agree_with_the_curated_ones() {
    // The keywords are good enough that, with the seeds' topics removed, each
    // area's inferred main topic is the one a person chose.
    let t = Taxonomy::builtin();
    for seed in jointly::loader::SEEDS {
        let (_, m, _) = parse_statement(seed.name, seed.text, &SourceLookup::Embedded).unwrap();
        for a in &m.areas {
            let mut bare = a.clone();
            bare.topics.clear();
            let inferred = t.infer(&bare);
            assert_eq!(inferred.first(), Some(&a.topics[0].0), "{}: {}", seed.name, a.id);
        }
    }
}

/// The seeds with every `topics:` line removed, as an imported statement
/// would come: topics must then be inferred.
fn seeds_without_topics() -> Corpus {
    let mut loaded = Loaded::default();
    for seed in jointly::loader::SEEDS {
        let text: String = seed
            .text
            .lines()
            .filter(|l| !l.trim_start().starts_with("topics:"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_ne!(text, seed.text, "{}: the copy has no topics", seed.name);
        let (mut p, m, _) = parse_statement(seed.name, &text, &SourceLookup::Embedded).unwrap();
        assert!(m.areas.iter().all(|a| a.topics.is_empty()));
        p.meetings.push(m);
        loaded.corpus.partnerships.push(p);
    }
    annotate(&mut loaded.corpus, Taxonomy::builtin());
    loaded.corpus
}

#[test]
fn the_seeds_pair_as_the_issue_says_by_inference_alone() {
    let corpus = seeds_without_topics();
    let t = Taxonomy::builtin();
    let (eu, us) = (
        meeting(&corpus, "eu-sg-dp/2025-12-01"),
        meeting(&corpus, "us-sg-cet/2023-10-12"),
    );
    let a = align(&corpus, eu, us, t).unwrap();
    let (primary, eu_only, us_only) = pairing(&corpus, &a);
    assert_eq!(
        primary,
        pairs(&[
            ("ai", "ai"),
            ("quantum", "quantum"),
            ("data-flows", "digital-economy"),
            ("semiconductors", "critical-infrastructure"),
            ("cybersecurity", "critical-infrastructure"),
        ])
    );
    assert_eq!(eu_only, ["online-safety-and-scams", "verifiable-credentials"]);
    assert_eq!(us_only, ["biotechnology", "defense-innovation"]);
}

/// A fact sheet as the importer makes it: no topics anywhere.
const FACT_SHEET: &str = r#"
partnership: {id: us-sg-stp, name: U.S.-Singapore Strategic Technology Partnership, parties: [United States, Singapore]}
meeting: {title: Fact Sheet, date: "2024-10-01"}
areas:
  - id: biotech-biomanufacturing
    title: Biotechnology and Biomanufacturing
    commitments:
      - Expanding cooperation on synthetic biology and biomanufacturing research.
      - Establishing a working group on biosafety and biosecurity.
  - id: digital-connectivity
    title: Digital Connectivity and ICT
    commitments:
      - Promoting trusted telecommunications vendors and secure subsea cable projects in the region.
      - Exploring cooperation on Open RAN deployment.
  - id: ai-standards
    title: AI and Standards
    commitments:
      - Establishing a bilateral AI Governance Working Group.
      - Facilitating coordination on technology standards development for AI.
"#;

#[test]
fn a_fact_sheet_without_topics_pairs_by_what_its_titles_name() {
    let (mut corpus, _) = corpus_of(&[("fact-sheet.yaml", FACT_SHEET)]);
    let mut loaded = load(&LoadOptions::embedded_only());
    annotate(&mut loaded.corpus, Taxonomy::builtin());
    corpus.partnerships.extend(loaded.corpus.partnerships);
    let fs = meeting(&corpus, "us-sg-stp/2024-10-01");
    let us = meeting(&corpus, "us-sg-cet/2023-10-12");
    let a = align(&corpus, fs, us, Taxonomy::builtin()).unwrap();
    let (primary, only, _) = pairing(&corpus, &a);
    assert_eq!(
        primary,
        pairs(&[
            ("biotech-biomanufacturing", "biotechnology"),
            ("digital-connectivity", "critical-infrastructure"),
            ("ai-standards", "ai"),
        ]),
        "{only:?}"
    );
    // AI and Standards touches Defense Innovation (AI), as a weaker link only.
    assert!(
        a.links_of(Side::Left, 2)
            .iter()
            .all(|l| l.right != 4 || !l.primary)
    );
}
