//! `jointly changes`: what changed between two meetings of one partnership,
//! as text, Markdown or JSON.
//!
//! The analysis is [`compare::changes`]; this module only lays it out, in
//! the style of `jointly compare` ([`crate::crosswalk`]).

use std::io::{self, Write};

use serde::Serialize;

use crate::compare::changes::{AreaChange, Changes, Summary};
use crate::compare::{Side, Taxonomy};
use crate::glossary::Glossary;
use crate::model::{Area, Corpus, Meeting};
use crate::output::{ReportFormat, exit, md_cell, md_inline};
use crate::report::{Layouts, MeetingPair, md_table, meeting_path, round, text_table};

/// `jointly changes A B`: the two meetings ordered by date, compared over
/// time. Ids that are not meetings, or meetings of two partnerships, are
/// an error (exit 1).
pub fn changes(
    out: &mut dyn Write,
    corpus: &Corpus,
    taxonomy: &Taxonomy,
    a: &str,
    b: &str,
    format: ReportFormat,
) -> io::Result<u8> {
    let (Some(pa), Some(pb)) = (
        meeting_path(corpus, a, "changes")?,
        meeting_path(corpus, b, "changes")?,
    ) else {
        return Ok(exit::PROBLEMS);
    };
    if pa.meeting().map(|m| m.0) != pb.meeting().map(|m| m.0) {
        writeln!(
            crate::output::Plain(&mut io::stderr().lock()),
            "jointly: `{a}` and `{b}` are meetings of different partnerships; `changes` follows one partnership over time. To compare them side by side: jointly compare {a} {b}"
        )?;
        return Ok(exit::PROBLEMS);
    }
    if pa == pb {
        writeln!(
            crate::output::Plain(&mut io::stderr().lock()),
            "jointly: `{a}` is given twice; `changes` takes an earlier and a later meeting of one partnership"
        )?;
        return Ok(exit::PROBLEMS);
    }
    let glossary = Glossary::build(corpus);
    let Some(changes) = Changes::between(corpus, pa, pb, taxonomy, &glossary) else {
        return Ok(exit::PROBLEMS);
    };
    let Some(pair) = MeetingPair::new(corpus, changes.earlier, changes.later) else {
        return Ok(exit::PROBLEMS);
    };
    let view = View {
        corpus,
        pair,
        changes: &changes,
    };
    let layouts = Layouts { text, markdown, json };
    crate::report::print(out, &view, format, layouts)
}

/// The two meetings and their changes, resolved for printing.
struct View<'a> {
    corpus: &'a Corpus,
    /// Earlier (left), later (right).
    pair: MeetingPair<'a>,
    changes: &'a Changes,
}

/// One commitment's line in a list.
struct Row {
    status: &'static str,
    id: String,
    stance: String,
    predecessor: String,
    score: String,
    shared: String,
    text: String,
}

impl View<'_> {
    fn meeting(&self, side: Side) -> &Meeting {
        self.pair.meeting(side)
    }

    fn area(&self, side: Side, i: usize) -> &Area {
        self.pair.area(side, i)
    }

    fn commitment_id(&self, side: Side, a: usize, c: usize) -> String {
        self.pair.commitment_id(side, a, c)
    }

    fn stance(&self, side: Side, a: usize, c: usize) -> Option<&'static str> {
        self.area(side, a).commitments[c].stance.map(|(s, _)| s.as_str())
    }

    /// "kept", "renamed", "split", "new" or "dropped", with the area's titles.
    fn area_label(&self, change: AreaChange) -> (&'static str, String) {
        match change {
            AreaChange::Kept(e, l) => {
                let (et, lt) = (&self.area(Side::Left, e).title, &self.area(Side::Right, l).title);
                if self.changes.kept_by(e) > 1 {
                    ("split", format!("{lt} (from {et})"))
                } else if et == lt {
                    ("kept", lt.clone())
                } else {
                    ("renamed", format!("{lt} (was {et})"))
                }
            }
            AreaChange::New(l) => ("new", self.area(Side::Right, l).title.clone()),
            AreaChange::Dropped(e) => ("dropped", self.area(Side::Left, e).title.clone()),
        }
    }

    /// The continued, new and not followed up commitments of an area.
    fn rows(&self, change: AreaChange) -> Vec<Row> {
        let (earlier, later) = match change {
            AreaChange::Kept(e, l) if self.changes.first_to_keep(change) => (Some(e), Some(l)),
            AreaChange::Kept(_, l) => (None, Some(l)),
            AreaChange::New(l) => (None, Some(l)),
            AreaChange::Dropped(e) => (Some(e), None),
        };
        let mut continued = Vec::new();
        let mut new = Vec::new();
        let mut dropped = Vec::new();
        let excerpt = |t: &str| {
            let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
            if t.chars().count() > 80 {
                format!("{}…", t.chars().take(79).collect::<String>())
            } else {
                t
            }
        };
        if let Some(l) = later {
            for (c, cm) in self.area(Side::Right, l).commitments.iter().enumerate() {
                let now = self.stance(Side::Right, l, c).unwrap_or("?");
                match self.changes.predecessor(l, c) {
                    Some(m) => {
                        let then = self.stance(Side::Left, m.area, m.commitment).unwrap_or("?");
                        let shift = self.changes.shift(l, c).map_or("", |s| s.as_str());
                        continued.push(Row {
                            status: "continued",
                            id: self.commitment_id(Side::Right, l, c),
                            stance: format!("{then} -> {now} ({shift})"),
                            predecessor: self.commitment_id(Side::Left, m.area, m.commitment),
                            score: format!("{:.2}", m.score),
                            shared: m.shared.join(", "),
                            text: excerpt(&cm.text),
                        });
                    }
                    None => new.push(Row {
                        status: "new",
                        id: self.commitment_id(Side::Right, l, c),
                        stance: now.to_string(),
                        predecessor: String::new(),
                        score: String::new(),
                        shared: String::new(),
                        text: excerpt(&cm.text),
                    }),
                }
            }
        }
        if let Some(e) = earlier {
            for (c, cm) in self.area(Side::Left, e).commitments.iter().enumerate() {
                if self.changes.followed_up_by(e, c).is_empty() {
                    dropped.push(Row {
                        status: "not followed up",
                        id: self.commitment_id(Side::Left, e, c),
                        stance: self.stance(Side::Left, e, c).unwrap_or("?").to_string(),
                        predecessor: String::new(),
                        score: String::new(),
                        shared: String::new(),
                        text: excerpt(&cm.text),
                    });
                }
            }
        }
        continued.extend(new);
        continued.extend(dropped);
        continued
    }

    fn note(&self) -> String {
        let t = self.changes.counterparts.thresholds();
        format!(
            "A later commitment continues the earlier one it shares the most distinctive words with (score {:.2} or more, across the whole earlier meeting); one with none is new. An earlier commitment no later one continues is not followed up. Firmer/softer compare stances (commit > intend > explore > acknowledge); ? marks a stance that could not be read.",
            t.weak
        )
    }
}

/// An area's change, its title, and its counts: continued, new, not
/// followed up, firmer, softer.
fn area_row(v: &View, change: AreaChange) -> (&'static str, String, [String; 5]) {
    let s = v.changes.area_summary(v.corpus, change);
    let (label, title) = v.area_label(change);
    let counts = [s.continued, s.new, s.not_followed_up, s.firmer, s.softer].map(|n| n.to_string());
    (label, title, counts)
}

fn summary_line(s: &Summary) -> String {
    format!(
        "{} continued ({} firmer, {} softer), {} new, {} not followed up",
        s.continued, s.firmer, s.softer, s.new, s.not_followed_up
    )
}

fn text(out: &mut dyn Write, v: &View) -> io::Result<()> {
    let title = |side: Side| &v.meeting(side).title;
    writeln!(out, "earlier: {}  {}", v.pair.id(Side::Left), title(Side::Left))?;
    writeln!(out, "later:   {}  {}", v.pair.id(Side::Right), title(Side::Right))?;
    writeln!(out, "\nSummary: {}", summary_line(&v.changes.summary(v.corpus)))?;
    writeln!(out, "\nAreas")?;
    let rows: Vec<[String; 7]> = v
        .changes
        .areas
        .iter()
        .map(|&c| {
            let (label, title, [a, b, c, d, e]) = area_row(v, c);
            // Titles can run long (a bold paragraph taken as a heading).
            let title = if title.chars().count() > 70 {
                format!("{}…", title.chars().take(69).collect::<String>())
            } else {
                title
            };
            [label.to_string(), title, a, b, c, d, e]
        })
        .collect();
    text_table(
        out,
        &[
            "area",
            "title",
            "continued",
            "new",
            "not followed up",
            "firmer",
            "softer",
        ],
        &rows,
    )?;
    for &change in &v.changes.areas {
        let (label, title) = v.area_label(change);
        writeln!(out, "\n{title} [{label}]")?;
        for r in v.rows(change) {
            let mut line = format!("  {:<15} {}  {}", r.status, r.id, r.stance);
            if !r.predecessor.is_empty() {
                line.push_str(&format!("  from {} ({}; {})", r.predecessor, r.score, r.shared));
            }
            writeln!(out, "{line}")?;
        }
    }
    writeln!(out, "\n{}", v.note())
}

fn markdown(out: &mut dyn Write, v: &View) -> io::Result<()> {
    writeln!(
        out,
        "## What changed: {} to {}\n",
        md_inline(&v.pair.name(Side::Left)),
        md_inline(&v.meeting(Side::Right).id)
    )?;
    writeln!(
        out,
        "{}.\n",
        md_inline(&summary_line(&v.changes.summary(v.corpus)))
    )?;
    let rows: Vec<[String; 7]> = v
        .changes
        .areas
        .iter()
        .map(|&c| {
            let (label, title, [a, b, c, d, e]) = area_row(v, c);
            [md_cell(&title), label.to_string(), a, b, c, d, e]
        })
        .collect();
    md_table(
        out,
        &[
            "Area",
            "Change",
            "Continued",
            "New",
            "Not followed up",
            "Firmer",
            "Softer",
        ],
        &["---", "---", "---:", "---:", "---:", "---:", "---:"],
        &rows,
    )?;
    writeln!(out, "\n### What changed\n")?;
    let mut rows: Vec<[String; 7]> = Vec::new();
    for &c in &v.changes.areas {
        let (_, title) = v.area_label(c);
        for r in v.rows(c) {
            rows.push([
                md_cell(&title),
                format!("{} (`{}`)", md_cell(&r.text), r.id),
                r.status.to_string(),
                md_cell(&r.stance.replace("->", "→")),
                if r.predecessor.is_empty() {
                    String::new()
                } else {
                    format!("`{}`", r.predecessor)
                },
                r.score,
                md_cell(&r.shared),
            ]);
        }
    }
    md_table(
        out,
        &[
            "Area",
            "Commitment",
            "Status",
            "Stance",
            "Follows up",
            "Score",
            "Shared words",
        ],
        &["---", "---", "---", "---", "---", "---:", "---"],
        &rows,
    )?;
    writeln!(out, "\n{}", md_inline(&v.note()))
}

#[derive(Serialize)]
struct JsonChanges {
    earlier: JsonMeeting,
    later: JsonMeeting,
    summary: JsonSummary,
    areas: Vec<JsonArea>,
    /// Every commitment of both meetings: later ones continued or new,
    /// earlier ones followed up or not.
    commitments: Vec<JsonCommitment>,
    note: String,
}

#[derive(Serialize)]
struct JsonMeeting {
    id: String,
    partnership: String,
    title: String,
    date: String,
}

#[derive(Serialize)]
struct JsonSummary {
    continued: usize,
    new: usize,
    not_followed_up: usize,
    firmer: usize,
    softer: usize,
}

impl From<Summary> for JsonSummary {
    fn from(s: Summary) -> JsonSummary {
        JsonSummary {
            continued: s.continued,
            new: s.new,
            not_followed_up: s.not_followed_up,
            firmer: s.firmer,
            softer: s.softer,
        }
    }
}

#[derive(Serialize)]
struct JsonArea {
    /// "kept", "renamed", "split" (one of several later areas that take
    /// up one earlier area), "new" or "dropped".
    change: &'static str,
    earlier: Option<String>,
    later: Option<String>,
    title: String,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonCommitment {
    id: String,
    /// "earlier" or "later".
    meeting: &'static str,
    /// Later: "continued" or "new"; earlier: "followed up" or "not followed up".
    status: &'static str,
    /// Later and continued: the earlier commitment it follows up.
    predecessor: Option<String>,
    score: Option<f64>,
    shared: Vec<String>,
    /// The stance of the earlier commitment (its own, or the predecessor's).
    stance_then: Option<&'static str>,
    /// The stance of the later commitment (for a later one).
    stance_now: Option<&'static str>,
    /// "firmer", "softer", "same" or "unknown", for a continued one.
    shift: Option<&'static str>,
    /// Earlier: the later commitments that follow it up, best first.
    followed_up_by: Vec<String>,
}

fn json(v: &View) -> JsonChanges {
    let meeting = |side: Side| {
        let (p, m) = (v.pair.partnership(side), v.pair.meeting(side));
        JsonMeeting {
            id: v.pair.id(side).to_string(),
            partnership: p.name.clone(),
            title: m.title.clone(),
            date: m.date.to_string(),
        }
    };
    let areas = v
        .changes
        .areas
        .iter()
        .map(|&c| {
            let (change, title) = v.area_label(c);
            let (e, l) = match c {
                AreaChange::Kept(e, l) => (Some(e), Some(l)),
                AreaChange::New(l) => (None, Some(l)),
                AreaChange::Dropped(e) => (Some(e), None),
            };
            JsonArea {
                change,
                earlier: e.map(|e| v.pair.area_id(Side::Left, e)),
                later: l.map(|l| v.pair.area_id(Side::Right, l)),
                title,
                summary: v.changes.area_summary(v.corpus, c).into(),
            }
        })
        .collect();
    let mut commitments = Vec::new();
    for (a, area) in v.meeting(Side::Right).areas.iter().enumerate() {
        for c in 0..area.commitments.len() {
            let m = v.changes.predecessor(a, c);
            commitments.push(JsonCommitment {
                id: v.commitment_id(Side::Right, a, c),
                meeting: "later",
                status: if m.is_some() { "continued" } else { "new" },
                predecessor: m.map(|m| v.commitment_id(Side::Left, m.area, m.commitment)),
                score: m.map(|m| round(m.score)),
                shared: m.map(|m| m.shared.clone()).unwrap_or_default(),
                stance_then: m.and_then(|m| v.stance(Side::Left, m.area, m.commitment)),
                stance_now: v.stance(Side::Right, a, c),
                shift: v.changes.shift(a, c).map(|s| s.as_str()),
                followed_up_by: Vec::new(),
            });
        }
    }
    for (a, area) in v.meeting(Side::Left).areas.iter().enumerate() {
        for c in 0..area.commitments.len() {
            let by = v.changes.followed_up_by(a, c);
            commitments.push(JsonCommitment {
                id: v.commitment_id(Side::Left, a, c),
                meeting: "earlier",
                status: if by.is_empty() {
                    "not followed up"
                } else {
                    "followed up"
                },
                predecessor: None,
                score: by.first().map(|m| round(m.score)),
                shared: by.first().map(|m| m.shared.clone()).unwrap_or_default(),
                stance_then: v.stance(Side::Left, a, c),
                stance_now: None,
                shift: None,
                followed_up_by: by
                    .iter()
                    .map(|m| v.commitment_id(Side::Right, m.area, m.commitment))
                    .collect(),
            });
        }
    }
    JsonChanges {
        earlier: meeting(Side::Left),
        later: meeting(Side::Right),
        summary: v.changes.summary(v.corpus).into(),
        areas,
        commitments,
        note: v.note(),
    }
}
