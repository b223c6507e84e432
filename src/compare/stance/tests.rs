//! Each grammatical form the rules read, on sentences written for the test
//! (not taken from the seeds), and the basis and actor they give.

use super::*;
use Stance::{Acknowledge, Commit, Explore, Intend};

fn parties(p: &[&str]) -> Parties {
    Parties::new(&p.iter().map(|s| s.to_string()).collect::<Vec<_>>())
}

/// Stance, deciding words and sentence of `text` under `lead_in`.
fn why(text: &str, lead_in: Option<&str>) -> (Option<Stance>, String, u8) {
    let r = read(text, lead_in, &parties(&["Aland", "Bland"]));
    let words = r
        .basis
        .map_or(String::new(), |b| b.words(text, lead_in).to_string());
    (r.stance, words, r.basis.map_or(0, |b| b.sentence.get()))
}

fn stance(text: &str) -> Option<Stance> {
    infer(text)
}

#[test]
fn finite_verbs_with_their_subject() {
    assert_eq!(
        stance("The two sides commit to deepen ties in biotech."),
        Some(Commit)
    );
    assert_eq!(stance("Aland and Bland resolve to meet yearly."), Some(Commit));
    assert_eq!(stance("The partners intend to map their rules."), Some(Intend));
    assert_eq!(stance("Both ministries plan to hold a workshop."), Some(Intend));
    assert_eq!(
        stance("We look forward to a second round of talks."),
        Some(Intend)
    );
    assert_eq!(stance("The agencies envisage closer coordination."), Some(Intend));
    assert_eq!(
        stance("They are working towards mutual recognition."),
        Some(Intend)
    );
    assert_eq!(stance("The ministers consider a joint fund."), Some(Explore));
    assert_eq!(stance("The sides expressed interest in a pilot."), Some(Explore));
    assert_eq!(stance("The ministers welcomed the report."), Some(Acknowledge));
    assert_eq!(stance("Aland is committed to funding the lab."), Some(Commit));
    assert_eq!(stance("They agreed to open a joint office."), Some(Commit));
    assert_eq!(
        stance("They agreed that the pilot was useful."),
        Some(Acknowledge)
    );
    assert_eq!(stance("They launched a talent exchange."), Some(Commit));
}

#[test]
fn will_gives_way_to_the_verb_it_carries() {
    assert_eq!(
        why("Aland and Bland will explore a testbed.", None).1,
        "will explore"
    );
    assert_eq!(stance("They will seek to align export rules."), Some(Intend));
    assert_eq!(stance("They will also explore synergies."), Some(Explore));
    assert_eq!(stance("They will jointly build a lab."), Some(Commit));
    assert_eq!(stance("The sides shall consider options."), Some(Explore));
    assert_eq!(
        stance("The agencies will work toward common labels."),
        Some(Intend)
    );
    assert_eq!(stance("We will continue to explore data pilots."), Some(Explore));
    assert_eq!(stance("We will continue to fund fellowships."), Some(Commit));
    assert_eq!(stance("The fund will be launched in May."), Some(Commit));
    // A modal of possibility holds an undertaking open: exploring it.
    assert_eq!(stance("Aland and Bland may consider a fund."), Some(Explore));
    assert_eq!(stance("The sides could jointly launch a pilot."), Some(Explore));
    assert_eq!(stance("The programme could be launched in Bland."), Some(Explore));
    // Not a verb that only describes, nor an obligation.
    assert_eq!(stance("Such tools could pose risks."), Some(Acknowledge));
    assert_eq!(stance("The sides should fund labs."), Some(Acknowledge));
    // A plural noun before a finite auxiliary is its subject, not a verb.
    assert_eq!(
        why("The Quad partners have decided to set up a lab.", None).1,
        "decided to"
    );
    // "will" as a noun is no modal.
    assert_eq!(
        stance("The political will of the sides was noted."),
        Some(Acknowledge)
    );
}

#[test]
fn subjectless_lines_of_a_list() {
    assert_eq!(
        why("Intend to share threat data.", None),
        (Some(Intend), "Intend to".into(), 1)
    );
    assert_eq!(stance("Explore a common certification scheme."), Some(Explore));
    assert_eq!(
        stance("Recognise the value of open standards."),
        Some(Acknowledge)
    );
    assert_eq!(stance("Welcomed the opening of a new office."), Some(Acknowledge));
    assert_eq!(
        stance("Express interest in a joint call for proposals."),
        Some(Explore)
    );
}

#[test]
fn gerunds_and_bare_infinitives_are_agreed_actions() {
    for text in [
        "Establishing a working group on chip design.",
        "Expanding scholarships between our universities.",
        "Concluding an arrangement between the two space agencies.",
        "Committing to a joint call for research proposals.",
        "Facilitate coordination on battery standards.",
        "Develop a shared glossary of AI terms.",
        "Upgrading the regional fellowship programme.",
        "Working together with partners to protect cables.",
    ] {
        assert_eq!(stance(text), Some(Commit), "{text}");
    }
    assert_eq!(
        why("Exploring a joint lab for materials.", None),
        (Some(Explore), "Exploring".into(), 1)
    );
    assert_eq!(
        stance("Working toward interoperable digital wallets."),
        Some(Intend)
    );
    assert_eq!(stance("Working to establish a training centre."), Some(Intend));
    for text in [
        "Welcoming the new partnership on grids.",
        "Noting the progress of the working group.",
        "Celebrating ten years of research ties.",
    ] {
        assert_eq!(stance(text), Some(Acknowledge), "{text}");
    }
    // ... unless the item itself undertakes something.
    assert_eq!(
        stance("Welcoming the report and committing to fund its follow-up."),
        Some(Commit)
    );
    assert_eq!(
        stance("Noting the progress, the ministries will extend the pilot."),
        Some(Commit)
    );
    // A noun is no verb: "Development of", "Support for".
    assert_eq!(stance("Development of a joint roadmap on grids"), None);
    assert_eq!(stance("Support for a regional hub"), None);
}

#[test]
fn a_leading_phrase_is_not_the_main_verb() {
    assert_eq!(
        why(
            "Acknowledging our shared aims, we intend to launch a forum.",
            None
        )
        .1,
        "intend to"
    );
    assert_eq!(
        stance("Building on that meeting, the sides resolve to act."),
        Some(Commit)
    );
    assert_eq!(
        stance("Looking ahead, the partners will study a fund."),
        Some(Explore)
    );
    assert_eq!(
        stance("Welcoming the report, the sides commit to act."),
        Some(Commit)
    );
    // A framing phrase passes to the main clause, whatever it holds.
    assert_eq!(
        stance("Noting the progress made by the group, the sides agreed to extend it."),
        Some(Commit)
    );
    // Alone, a framing phrase takes note; an action item acts.
    assert_eq!(
        stance("Building on the success of the program."),
        Some(Acknowledge)
    );
    assert_eq!(stance("Building a new lab for the program."), Some(Commit));
    assert_eq!(
        stance("Collaborating on standards for the program."),
        Some(Commit)
    );
}

#[test]
fn a_negated_undertaking_undertakes_nothing() {
    let neg = |t: &str| {
        let (s, words, _) = why(t, None);
        (s, words)
    };
    assert_eq!(
        neg("Aland will not fund the project."),
        (Some(Acknowledge), "will not fund".into())
    );
    assert_eq!(
        neg("The sides will not explore new areas."),
        (Some(Acknowledge), "will not explore".into())
    );
    assert_eq!(
        neg("Aland won't impose tariffs."),
        (Some(Acknowledge), "won't impose".into())
    );
    assert_eq!(
        neg("Aland does not intend to act."),
        (Some(Acknowledge), "not intend to".into())
    );
    assert_eq!(
        neg("The sides no longer intend to act."),
        (Some(Acknowledge), "no longer intend to".into())
    );
    assert_eq!(
        neg("The sides will never recognise it."),
        (Some(Acknowledge), "will never recognise".into())
    );
    assert_eq!(
        neg("The sides decided to refrain from measures."),
        (Some(Acknowledge), "decided to refrain from".into())
    );
    // Another clause that undertakes something decides.
    assert_eq!(
        stance("Aland will fund a lab, and Bland will not join it."),
        Some(Commit)
    );
    // "not only ... but also" negates nothing.
    assert_eq!(
        stance("Aland will not only fund the lab but also staff it."),
        Some(Commit)
    );
}

#[test]
fn the_firmest_undertaking_anywhere_decides() {
    assert_eq!(
        why(
            "Welcomed the new fund. They confirmed that they intend to widen it.",
            None
        ),
        (Some(Intend), "intend to".into(), 2)
    );
    assert_eq!(
        why(
            "Recognise the value of labels. Aland and Bland will explore mutual recognition.",
            None
        ),
        (Some(Explore), "will explore".into(), 2)
    );
    assert_eq!(
        why(
            "Noted the report on labs. Both sides envisage a second phase.",
            None
        ),
        (Some(Intend), "envisage".into(), 2)
    );
    assert_eq!(
        stance("We welcome the mapping, and will build on it."),
        Some(Commit)
    );
    assert_eq!(
        stance("They welcome investments and intend to support them."),
        Some(Intend)
    );
    // Verbs carried by "intend to" are its complement, not undertakings of their own.
    assert_eq!(
        stance("Intend to continue talks and launch a pilot."),
        Some(Intend)
    );
    assert_eq!(stance("Intend to continue exploring use cases."), Some(Intend));
    // Nor is a verb in a relative clause, or after an article.
    assert_eq!(
        stance("Acknowledged the initiative which aims to agree on labels."),
        Some(Acknowledge)
    );
    assert_eq!(stance("A plan to meet was noted."), Some(Acknowledge));
}

#[test]
fn an_undertaking_named_by_a_noun() {
    // Affirmed by the item's verb, or opening the item.
    assert_eq!(
        why("Reaffirmed the willingness to implement the accord.", None),
        (Some(Intend), "willingness to".into(), 1)
    );
    assert_eq!(
        stance("Commitment to continue to coordinate export rules."),
        Some(Commit)
    );
    // A description is no undertaking.
    assert_eq!(
        stance("Their ties rest on a joint commitment to preserving open markets."),
        Some(Acknowledge)
    );
    assert_eq!(
        stance("Reaffirmed the willingness of both sides."),
        Some(Acknowledge)
    );
}

#[test]
fn discussions_infinitives_and_including() {
    // "is in discussions to": exploring.
    assert_eq!(
        stance("Bland, through its agency, is in discussions to provide loans."),
        Some(Explore)
    );
    // Verbs inside an infinitive are not heads: "recognized" acknowledges nothing here.
    let announced = Some("They announced outcomes including:");
    assert_eq!(
        why(
            "A dialogue to discuss options to promote internationally recognized rights;",
            announced
        )
        .0,
        Some(Commit)
    );
    assert_eq!(
        stance("Progress in the task force, including exploring reciprocity."),
        Some(Explore)
    );
}

#[test]
fn a_verb_that_undertakes_nothing_acknowledges_and_no_verb_is_unknown() {
    assert_eq!(why("The sides discussed grid security.", None).0, Some(Explore));
    assert_eq!(
        why("This assists companies in both markets.", None),
        (Some(Acknowledge), "assists".into(), 1)
    );
    assert_eq!(
        stance("Exchanges took place. They intend to continue."),
        Some(Intend)
    );
    assert_eq!(stance("Their commitment to openness."), None);
    assert_eq!(stance("Looking forward, exchanges continue."), None);
}

#[test]
fn the_lead_in_completes_the_items() {
    let will = Some("The Council will:");
    assert_eq!(
        why("Develop a statement of principles;", will),
        (Some(Commit), "Develop".into(), 1)
    );
    assert_eq!(why("Explore a joint satellite mission;", will).0, Some(Explore));
    let intend = Some("The two sides intend to:");
    assert_eq!(why("Develop a statement of principles;", intend).0, Some(Intend));
    // Items with no verb are what the lead-in says of them.
    let announced = Some("The co-chairs reviewed progress and announced key outcomes including:");
    assert_eq!(
        why("A new dialogue on trade and labour;", announced),
        (Some(Commit), "announced".into(), 1)
    );
    let r = read(
        "A new dialogue on trade and labour;",
        announced,
        &parties(&["Aland", "Bland"]),
    );
    assert_eq!(r.basis.map(|b| b.place), Some(BasisPlace::LeadIn));
    // An item's own verb still decides under a lead-in.
    assert_eq!(why("Welcomed the new dialogue;", announced).0, Some(Acknowledge));
    // A lead-in that is only a subject changes no stance.
    assert_eq!(
        why("Intend to meet in May.", Some("Aland and Bland:")).0,
        Some(Intend)
    );
    // A lead-in without a colon leads nothing in.
    assert_eq!(
        why("A new dialogue on trade;", Some("They announced outcomes.")).0,
        None
    );
}

#[test]
fn the_actor_is_the_subject_of_the_deciding_clause() {
    let p = parties(&["United States", "Singapore"]);
    let actor = |text: &str, lead: Option<&str>| {
        read(text, lead, &p)
            .actor
            .name(&["United States".into(), "Singapore".into()])
    };
    assert_eq!(
        actor("The United States is committed to building a lab.", None),
        "United States"
    );
    assert_eq!(actor("Singapore will host the next round.", None), "Singapore");
    assert_eq!(
        actor("The U.S. Department of Energy will fund two chairs.", None),
        "United States"
    );
    assert_eq!(
        actor("The United States and Singapore will fund two chairs.", None),
        "joint"
    );
    assert_eq!(actor("We will fund two chairs.", None), "joint");
    assert_eq!(
        actor(
            "Intend to fund two chairs. Singapore also welcomed the visit.",
            None
        ),
        "joint"
    );
    // The deciding clause's subject, not the first one.
    assert_eq!(
        actor(
            "The sides noted the report. Singapore will also host a workshop.",
            None
        ),
        "Singapore"
    );
    // A coordinated verb keeps its subject.
    assert_eq!(
        actor("Singapore welcomed the plan and will host it.", None),
        "Singapore"
    );
    // An item with no subject takes its lead-in's.
    assert_eq!(
        actor("Host a workshop;", Some("The United States will:")),
        "United States"
    );
    assert_eq!(actor("Host a workshop;", Some("The two sides will:")), "joint");
}

#[test]
fn sentences_do_not_end_at_abbreviations() {
    let s: Vec<&str> =
        sentences_with_offsets("The U.S. Department and Dr. Lee met (e.g. on AI). They agreed. Fine")
            .map(|(_, s)| s)
            .collect();
    assert_eq!(
        s,
        [
            "The U.S. Department and Dr. Lee met (e.g. on AI).",
            "They agreed.",
            "Fine"
        ]
    );
    // "U.S. The": a sentence ends, as the importer reads it.
    assert_eq!(why("Aland met the U.S. The sides will explore AI.", None).2, 2);
}

#[test]
fn tallies_count_by_stance_origin_and_actor() {
    use crate::model::Commitment;
    let c = |stance, actor| Commitment {
        text: "x".into(),
        stance,
        lines: None,
        basis: None,
        actor,
    };
    let area = Area {
        id: "a".into(),
        title: "A".into(),
        commitments: vec![
            c(Some((Commit, Origin::Curated)), Actor::Parties(1)),
            c(Some((Intend, Origin::Inferred)), Actor::Joint),
            c(Some((Intend, Origin::Inferred)), Actor::Joint),
            c(None, Actor::Joint),
        ],
        ..Area::default()
    };
    let t = Tally::of(&area);
    assert_eq!(
        (
            t.get(Commit),
            t.get(Intend),
            t.get(Explore),
            t.unknown,
            t.inferred,
            t.one_sided(Commit)
        ),
        (1, 2, 0, 1, 2, 1)
    );
    assert_eq!(t.to_string(), "1/2/0/0 +1? (alone 1/0/0/0)");
}

#[test]
fn odd_text_reads_without_panicking() {
    let p = parties(&["Aland", "Bland"]);
    for text in [
        "",
        " ",
        ":",
        ".",
        "will",
        "will:",
        "to",
        "to to to",
        "’s",
        "'s",
        "U.S.",
        "and, will",
        "Intend to",
        "Working",
        "Working toward",
        "express",
        "share",
        "look forward",
        "The Quad will",
        "é’s ÉTUDE – will — explore;",
        "🙂 will 🙂 explore 🙂.",
        "a, b, and c will",
        ", will explore",
        "Commitment to",
        "willingness to",
        "is in",
        "is in discussions",
        "including exploring",
    ] {
        for lead in [
            None,
            Some("will:"),
            Some("to:"),
            Some(":"),
            Some("They announced:"),
        ] {
            let r = read(text, lead, &p);
            if let Some(b) = r.basis {
                let _ = b.words(text, lead);
            }
        }
    }
}

proptest::proptest! {
    /// Any text, under any lead-in, reads without panicking, and the basis
    /// it gives is words of the text (or of the lead-in).
    #[test]
    fn any_text_reads_and_its_basis_is_in_it(
        text in "[a-zA-Z ,.;:’'é🙂-]{0,80}|(Intend to|will|They|explore|Welcomed|, and) [a-z ,.:]{0,40}",
        lead in proptest::option::of("[a-zA-Z ,.:]{0,30}"),
    ) {
        let r = read(&text, lead.as_deref(), &parties(&["Aland", "Bland"]));
        if let Some(b) = r.basis {
            let words = b.words(&text, lead.as_deref());
            let source = if b.place == BasisPlace::LeadIn { lead.as_deref().unwrap_or("") } else { text.as_str() };
            proptest::prop_assert!(source.contains(words), "{words:?} not in {source:?}");
            proptest::prop_assert!(r.stance.is_some());
        }
    }
}
