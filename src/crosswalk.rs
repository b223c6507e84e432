//! `jointly compare`: the crosswalk of two meetings as text, Markdown or JSON.
//!
//! The analysis is [`compare::align`]; this module only lays it out. Every
//! inferred topic is starred and the share of inferred stances is stated, so
//! that a reader can tell what a person decided from what a rule guessed.

use std::io::{self, Write};

use serde::Serialize;

use crate::compare::{self, Alignment, Counterparts, Link, Side, Tally, Taxonomy};
use crate::glossary::Glossary;
use crate::model::{Area, Corpus, Origin, Stance};
use crate::output::{ReportFormat, exit};
use crate::output::{md_cell, md_inline};
use crate::report::{Layouts, MeetingPair, md_table, meeting_path, round, text_table};

/// `jointly compare LEFT RIGHT`: resolves the two meeting ids, aligns them
/// and prints the crosswalk. An id that is not a meeting is an error (exit 1).
pub fn compare(
    out: &mut dyn Write,
    corpus: &Corpus,
    taxonomy: &Taxonomy,
    left: &str,
    right: &str,
    format: ReportFormat,
) -> io::Result<u8> {
    let (Some(l), Some(r)) = (
        meeting_path(corpus, left, "compare")?,
        meeting_path(corpus, right, "compare")?,
    ) else {
        return Ok(exit::PROBLEMS);
    };
    let Some(alignment) = compare::align(corpus, l, r, taxonomy) else {
        return Ok(exit::PROBLEMS);
    };
    let glossary = Glossary::build(corpus);
    let Some(counterparts) = Counterparts::between(corpus, l, r, taxonomy, &glossary) else {
        return Ok(exit::PROBLEMS);
    };
    let Some(pair) = MeetingPair::new(corpus, alignment.left, alignment.right) else {
        return Ok(exit::PROBLEMS);
    };
    let view = View {
        pair,
        alignment: &alignment,
        counterparts: &counterparts,
    };
    let layouts = Layouts { text, markdown, json };
    crate::report::print(out, &view, format, layouts)
}

/// The two meetings and their alignment, resolved for printing.
struct View<'a> {
    pair: MeetingPair<'a>,
    alignment: &'a Alignment,
    counterparts: &'a Counterparts,
}

impl View<'_> {
    fn area(&self, side: Side, i: usize) -> &Area {
        self.pair.area(side, i)
    }

    fn name(&self, side: Side) -> String {
        self.pair.name(side)
    }

    /// Shared topics, starred where either side inferred them.
    fn shared(&self, link: &Link) -> String {
        let inferred = |side: Side, t: &str| {
            self.area(side, link.area(side))
                .topics
                .iter()
                .any(|(id, o)| id == t && *o == Origin::Inferred)
        };
        link.shared
            .iter()
            .map(|t| {
                let either = inferred(Side::Left, t) || inferred(Side::Right, t);
                let origin = if either { Origin::Inferred } else { Origin::Curated };
                format!("{t}{}", origin.mark())
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The closing note on what was inferred.
    fn note(&self) -> String {
        let (mut inferred, mut total, mut unknown, mut topics) = (0, 0, 0, false);
        let mut one_sided = 0;
        for m in self.pair.meetings() {
            for a in &m.areas {
                let t = Tally::of(a);
                inferred += t.inferred;
                unknown += t.unknown;
                one_sided += t.one_sided_total();
                total += a.commitments.len();
                topics |= a.topics.iter().any(|(_, o)| *o == Origin::Inferred);
            }
        }
        let mut note = format!(
            "Stances count commitments as commit/intend/explore/acknowledge: {inferred} of {total} were inferred from the wording by jointly's rules, {} set in the statement files.",
            total - inferred - unknown
        );
        if unknown > 0 {
            note.push_str(&format!(
                " +N? counts commitments whose stance could not be read ({unknown})."
            ));
        }
        if one_sided > 0 {
            note.push_str(&format!(
                " (alone C/I/E/A) counts, within the tally, what one party undertakes alone ({one_sided}); the rest is joint."
            ));
        }
        if topics {
            note.push_str(" Topics marked * were inferred from keywords.");
        }
        note.push_str(&format!(
            " Primary links share topics weighing {:.2} or more (main topic 1, other subject 1/2, cross-cutting theme 1/4).",
            compare::align::PRIMARY_SCORE
        ));
        note.push_str(&format!(
            " A commitment's closest counterparts are searched in the whole other meeting: they score {:.2} or more (strong from {:.2}); an empty list means no close counterpart.",
            compare::counterparts::WEAK,
            compare::counterparts::STRONG
        ));
        note
    }
}

fn text(out: &mut dyn Write, v: &View) -> io::Result<()> {
    let title = |side: Side| &v.pair.meeting(side).title;
    writeln!(out, "left:  {}  {}", v.pair.id(Side::Left), title(Side::Left))?;
    writeln!(out, "right: {}  {}", v.pair.id(Side::Right), title(Side::Right))?;
    let header = [
        "left area",
        "right area",
        "shared topics",
        "topics",
        "text",
        "left c/i/e/a",
        "right c/i/e/a",
    ];
    let rows = |primary: bool| -> Vec<[String; 7]> {
        listed(v.alignment, primary)
            .map(|l| link_row(v, l, |a| a.id.clone()))
            .collect()
    };
    writeln!(out, "\nPaired areas")?;
    text_table(out, &header, &rows(true))?;
    let weaker = rows(false);
    if !weaker.is_empty() {
        writeln!(out, "\nWeaker links (not counterparts)")?;
        text_table(out, &header, &weaker)?;
    }
    for side in [Side::Left, Side::Right] {
        writeln!(out, "\nOnly in {}:", v.name(side))?;
        let rows: Vec<[String; 3]> = v
            .alignment
            .only(side)
            .iter()
            .map(|&i| {
                let a = v.area(side, i);
                [a.id.clone(), a.title.clone(), Tally::of(a).to_string()]
            })
            .collect();
        if rows.is_empty() {
            writeln!(out, "  (none)")?;
        } else {
            text_table(out, &["area", "title", "c/i/e/a"], &rows)?;
        }
    }
    writeln!(out, "\n{}", v.note())
}

/// The primary links in left area order, or the weaker ones strongest first
/// (so that the few that nearly made it lead a list that can be long).
fn listed(alignment: &Alignment, primary: bool) -> impl Iterator<Item = &Link> {
    let mut links: Vec<&Link> = alignment.links.iter().filter(|l| l.primary == primary).collect();
    if !primary {
        links.sort_by(|a, b| a.strength_cmp(b));
    }
    links.into_iter()
}

/// One table row for a link; `area` names an area (id in text, title in Markdown).
fn link_row(v: &View, l: &Link, area: impl Fn(&Area) -> String) -> [String; 7] {
    let (la, ra) = (v.area(Side::Left, l.left), v.area(Side::Right, l.right));
    [
        area(la),
        area(ra),
        v.shared(l),
        format!("{:.2}", l.topic_score),
        format!("{:.2}", l.text_score),
        Tally::of(la).to_string(),
        Tally::of(ra).to_string(),
    ]
}

fn markdown(out: &mut dyn Write, v: &View) -> io::Result<()> {
    let (l, r) = (v.name(Side::Left), v.name(Side::Right));
    writeln!(out, "## Crosswalk: {} and {}\n", md_inline(&l), md_inline(&r))?;
    let header: [String; 7] = [
        md_cell(&l),
        md_cell(&r),
        "Shared topics".into(),
        "Topic score".into(),
        "Text similarity".into(),
        "Left stances (C/I/E/A)".into(),
        "Right stances (C/I/E/A)".into(),
    ];
    let align = ["---", "---", "---", "---:", "---:", "---:", "---:"];
    let area = |a: &Area| format!("{} (`{}`)", md_cell(&a.title), a.id);
    let rows = |primary: bool| -> Vec<[String; 7]> {
        listed(v.alignment, primary)
            .map(|lk| {
                let mut row = link_row(v, lk, area);
                row[2] = md_cell(&row[2]);
                row
            })
            .collect()
    };
    md_table(out, &header, &align, &rows(true))?;
    let weaker = rows(false);
    if !weaker.is_empty() {
        writeln!(out, "\n### Weaker links (not counterparts)\n")?;
        md_table(out, &header, &align, &weaker)?;
    }
    for side in [Side::Left, Side::Right] {
        writeln!(out, "\n### Only in {}\n", md_inline(&v.name(side)))?;
        let rows: Vec<[String; 3]> = v
            .alignment
            .only(side)
            .iter()
            .map(|&i| {
                let a = v.area(side, i);
                let topics = a
                    .topics
                    .iter()
                    .map(|(t, o)| format!("{t}{}", o.mark()))
                    .collect::<Vec<_>>()
                    .join(", ");
                [area(a), md_cell(&topics), Tally::of(a).to_string()]
            })
            .collect();
        if rows.is_empty() {
            writeln!(out, "None.")?;
        } else {
            let header = ["Area", "Topics", "Stances (C/I/E/A)"];
            md_table(out, &header, &["---", "---", "---:"], &rows)?;
        }
    }
    writeln!(out, "\n{}", md_inline(&v.note()))
}

#[derive(Serialize)]
struct JsonCompare {
    left: JsonMeeting,
    right: JsonMeeting,
    pairs: Vec<JsonPair>,
    left_only: Vec<String>,
    right_only: Vec<String>,
    note: String,
}

#[derive(Serialize)]
struct JsonMeeting {
    id: String,
    partnership: String,
    title: String,
    date: String,
    areas: Vec<JsonArea>,
}

#[derive(Serialize)]
struct JsonArea {
    id: String,
    title: String,
    topics: Vec<JsonTopic>,
    /// Id of the counterpart area, if the area has one.
    counterpart: Option<String>,
    stances: JsonTally,
    commitments: Vec<JsonCommitment>,
}

#[derive(Serialize)]
struct JsonTopic {
    id: String,
    inferred: bool,
}

#[derive(Serialize)]
struct JsonTally {
    commit: usize,
    intend: usize,
    explore: usize,
    acknowledge: usize,
    unknown: usize,
    inferred: usize,
    /// Of the counts, those one party undertakes alone.
    one_sided: compare::stance::Counts,
}

#[derive(Serialize)]
struct JsonCommitment {
    id: String,
    stance: Option<&'static str>,
    stance_inferred: bool,
    /// The words that decided an inferred stance.
    stance_basis: Option<JsonWhy>,
    /// "joint", or the party that undertakes it alone.
    actor: String,
    /// Its counterparts in the other meeting, best first; empty when it
    /// has no close counterpart.
    closest: Vec<JsonScore>,
}

#[derive(Serialize)]
struct JsonWhy {
    words: String,
    sentence: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    lead_in: Option<String>,
}

#[derive(Serialize)]
struct JsonPair {
    left: String,
    right: String,
    /// "primary" (the areas are counterparts) or "weaker".
    strength: &'static str,
    shared_topics: Vec<String>,
    topic_score: f64,
    text_score: f64,
    left_stances: JsonTally,
    right_stances: JsonTally,
}

#[derive(Serialize)]
struct JsonScore {
    commitment: String,
    score: f64,
    /// "strong" or "weak".
    strength: &'static str,
    /// The distinctive words the two share, weightiest first.
    shared: Vec<String>,
}

fn json(v: &View) -> JsonCompare {
    let area_id = |side: Side, i: usize| v.pair.area_id(side, i);
    let commitment_id = |side: Side, a: usize, c: usize| v.pair.commitment_id(side, a, c);
    let meeting = |side: Side| {
        let (p, m) = (v.pair.partnership(side), v.pair.meeting(side));
        JsonMeeting {
            id: v.pair.id(side).to_string(),
            partnership: p.name.clone(),
            title: m.title.clone(),
            date: m.date.to_string(),
            areas: m
                .areas
                .iter()
                .enumerate()
                .map(|(i, a)| JsonArea {
                    id: area_id(side, i),
                    title: a.title.clone(),
                    topics: a
                        .topics
                        .iter()
                        .map(|(t, o)| JsonTopic {
                            id: t.to_string(),
                            inferred: *o == Origin::Inferred,
                        })
                        .collect(),
                    counterpart: v
                        .alignment
                        .counterpart(side, i)
                        .map(|l| area_id(side.other(), l.area(side.other()))),
                    stances: tally(a),
                    commitments: a
                        .commitments
                        .iter()
                        .enumerate()
                        .map(|(c, cm)| JsonCommitment {
                            id: commitment_id(side, i, c),
                            stance: cm.stance.map(|(s, _)| s.as_str()),
                            stance_inferred: matches!(cm.stance, Some((_, Origin::Inferred))),
                            stance_basis: compare::stance::Why::of(&m.preamble, a, c).map(|w| JsonWhy {
                                words: w.words.to_string(),
                                sentence: w.sentence,
                                lead_in: w.lead_in.map(str::to_string),
                            }),
                            actor: cm.actor.name(&p.parties),
                            closest: v
                                .counterparts
                                .of(side, i, c)
                                .iter()
                                .map(|m| JsonScore {
                                    commitment: commitment_id(side.other(), m.area, m.commitment),
                                    score: round(m.score),
                                    strength: m.strength.as_str(),
                                    shared: m.shared.clone(),
                                })
                                .collect(),
                        })
                        .collect(),
                })
                .collect(),
        }
    };
    let pairs = v
        .alignment
        .links
        .iter()
        .map(|l| JsonPair {
            left: area_id(Side::Left, l.left),
            right: area_id(Side::Right, l.right),
            strength: if l.primary { "primary" } else { "weaker" },
            shared_topics: l.shared.clone(),
            topic_score: round(l.topic_score),
            text_score: round(l.text_score),
            left_stances: tally(v.area(Side::Left, l.left)),
            right_stances: tally(v.area(Side::Right, l.right)),
        })
        .collect();
    let only = |side: Side| v.alignment.only(side).iter().map(|&i| area_id(side, i)).collect();
    JsonCompare {
        left: meeting(Side::Left),
        right: meeting(Side::Right),
        pairs,
        left_only: only(Side::Left),
        right_only: only(Side::Right),
        note: v.note(),
    }
}

fn tally(a: &Area) -> JsonTally {
    let t = Tally::of(a);
    JsonTally {
        commit: t.get(Stance::Commit),
        intend: t.get(Stance::Intend),
        explore: t.get(Stance::Explore),
        acknowledge: t.get(Stance::Acknowledge),
        unknown: t.unknown,
        inferred: t.inferred,
        one_sided: t.one_sided.into(),
    }
}
