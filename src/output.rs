//! Printed forms of the tree for the non-interactive commands.
//!
//! Every function writes to a `Write` and returns the exit code, so that a
//! closed pipe surfaces as an `io::Error` the caller treats as a normal end.

pub mod check;
pub mod colour;
pub mod json;
pub mod search;

pub use colour::{ColorWhen, colour, colour_stderr, problem_line};

/// Exit codes, documented in the README.
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// The command ran and found problems (bad files for `check`, unknown id for `show`).
    pub const PROBLEMS: u8 = 1;
    /// Wrong usage: bad arguments, or the app started with no terminal.
    pub const USAGE: u8 = 2;
}

/// Output formats of the commands that print for people as well as programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Human-readable text.
    Text,
    /// Markdown, to paste into notes and reports.
    Md,
    /// JSON, for other programs.
    Json,
}

/// Output formats of the listing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Human-readable text.
    Text,
    /// JSON, for other programs.
    Json,
}

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

use crate::compare::Tally;
use crate::compare::stance::Why;
use crate::model::{
    Actor, Area, AreaPiece, Commitment, Corpus, LineRange, Meeting, Node, NodePath, Origin, Partnership,
    SECTION_MARK, Text,
};

#[derive(Serialize)]
struct JsonTree<'a> {
    partnerships: Vec<JsonPartnership<'a>>,
}

#[derive(Serialize)]
struct JsonPartnership<'a> {
    id: &'a str,
    name: &'a str,
    parties: &'a [String],
    meetings: Vec<JsonMeeting<'a>>,
}

#[derive(Serialize)]
struct JsonMeeting<'a> {
    id: String,
    title: &'a str,
    date: String,
    place: Option<&'a str>,
    source: Option<&'a str>,
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dateline: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    co_chairs: Vec<JsonCoChair<'a>>,
    /// Every paragraph of the statement is in the JSON somewhere: these
    /// before the areas, `closing` and `signatories` after them.
    preamble: Vec<&'a str>,
    areas: Vec<JsonArea<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    closing: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    signatories: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonCoChair<'a> {
    name: &'a str,
    role: &'a str,
}

/// A lead-in between an area's commitments: its text, and the number of
/// the commitment it stands before (1 is the first).
#[derive(Serialize)]
struct JsonLead<'a> {
    before: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonArea<'a> {
    id: String,
    title: &'a str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    untitled: bool,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    section: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    intro: Vec<&'a str>,
    topics: Vec<JsonTag<'a>>,
    lines: Option<String>,
    /// Stances by kind, and those one party undertakes alone.
    stances: Tally,
    commitments: Vec<JsonCommitment<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    leads: Vec<JsonLead<'a>>,
    /// The number of its first commitment that stands, in the source,
    /// after the areas under its heading.
    #[serde(skip_serializing_if = "Option::is_none")]
    after_areas_from: Option<usize>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    outro: Vec<&'a str>,
}

#[derive(Serialize)]
struct JsonTag<'a> {
    id: &'a str,
    inferred: bool,
}

#[derive(Serialize)]
struct JsonCommitment<'a> {
    id: String,
    text: &'a str,
    stance: Option<&'static str>,
    stance_inferred: bool,
    /// The words that decided an inferred stance.
    stance_basis: Option<Why<'a>>,
    /// "joint", or the party that undertakes it alone.
    actor: String,
    lines: Option<String>,
}

/// `jointly list`.
pub fn list(out: &mut dyn Write, corpus: &Corpus, format: Format) -> io::Result<u8> {
    match format {
        Format::Json => {
            json::write(out, &json_tree(corpus))?;
        }
        Format::Text => list_text(out, &crate::listing::Listing::of(corpus))?,
    }
    Ok(exit::OK)
}

fn json_tree(corpus: &Corpus) -> JsonTree<'_> {
    JsonTree {
        partnerships: corpus.partnerships.iter().map(json_partnership).collect(),
    }
}

fn json_partnership(p: &Partnership) -> JsonPartnership<'_> {
    JsonPartnership {
        id: &p.id,
        name: &p.name,
        parties: &p.parties,
        meetings: p.meetings.iter().map(|m| json_meeting(p, m)).collect(),
    }
}

fn json_meeting<'a>(p: &'a Partnership, m: &'a Meeting) -> JsonMeeting<'a> {
    let mid = format!("{}/{}", p.id, m.id);
    JsonMeeting {
        title: &m.title,
        date: m.date.to_string(),
        place: m.place.as_deref(),
        source: m.source.source_file.as_deref(),
        url: m.source.url.as_deref(),
        dateline: m.dateline.as_ref().map(|d| d.text.as_str()),
        co_chairs: m
            .co_chairs
            .iter()
            .map(|c| JsonCoChair {
                name: &c.name,
                role: &c.role,
            })
            .collect(),
        preamble: texts(&m.preamble),
        closing: texts(&m.closing),
        signatories: texts(&m.signatories),
        areas: m
            .areas
            .iter()
            .map(|a| json_area(&mid, m, &p.parties, a))
            .collect(),
        id: mid,
    }
}

/// An area of meeting `m` (id `meeting`) of a partnership of `parties`.
fn json_area<'a>(meeting: &str, m: &'a Meeting, parties: &[String], a: &'a Area) -> JsonArea<'a> {
    let aid = format!("{meeting}/{}", a.id);
    JsonArea {
        topics: json_topics(a),
        lines: a.title_lines.map(|l| l.to_string()),
        stances: Tally::of(a),
        commitments: a
            .commitments
            .iter()
            .enumerate()
            .map(|(i, c)| json_commitment(&aid, i, c, Why::of(&m.preamble, a, i), parties))
            .collect(),
        id: aid,
        title: &a.title,
        untitled: a.untitled,
        section: &a.section,
        intro: texts(&a.intro),
        leads: a
            .leads
            .iter()
            .map(|(before, t)| JsonLead {
                before: before + 1,
                text: &t.text,
            })
            .collect(),
        after_areas_from: a.resume.map(|i| i + 1),
        outro: texts(&a.outro),
    }
}

/// Paragraphs' texts.
fn texts(paragraphs: &[Text]) -> Vec<&str> {
    paragraphs.iter().map(|p| p.text.as_str()).collect()
}

fn json_topics(a: &Area) -> Vec<JsonTag<'_>> {
    a.topics
        .iter()
        .map(|(t, o)| JsonTag {
            id: t,
            inferred: *o == Origin::Inferred,
        })
        .collect()
}

/// The `i`th commitment of an area (id `area`), with why its stance was
/// read (`why`) and who undertakes it, named among `parties`.
fn json_commitment<'a>(
    area: &str,
    i: usize,
    c: &'a Commitment,
    why: Option<Why<'a>>,
    parties: &[String],
) -> JsonCommitment<'a> {
    JsonCommitment {
        id: format!("{area}/{}", i + 1),
        text: &c.text,
        stance: c.stance.map(|(s, _)| s.as_str()),
        stance_inferred: matches!(c.stance, Some((_, Origin::Inferred))),
        stance_basis: why,
        actor: c.actor.name(parties),
        lines: c.lines.map(|l| l.to_string()),
    }
}

/// `list` as text: the outline of the tree, one line per partnership,
/// meeting, section and area, then the totals.
pub fn list_text(out: &mut dyn Write, listing: &crate::listing::Listing) -> io::Result<()> {
    use std::fmt::Write as _;
    // Each partnership is formatted into one string and written whole: a
    // library of a thousand statements is ten thousand lines, and each
    // small write is checked on its way out ([`Plain`]). Writing into a
    // `String` cannot fail.
    let mut text = String::new();
    for p in &listing.partnerships {
        text.clear();
        let _ = writeln!(
            text,
            "{}  {}  ({}, {}, {})",
            p.id,
            p.name,
            Counted(p.meetings.len(), "meeting"),
            Counted(p.area_count(), "area"),
            Counted(p.commitment_count(), "commitment")
        );
        for m in &p.meetings {
            let _ = writeln!(
                text,
                "  {}/{}  {}  ({}, {})",
                p.id,
                m.id,
                m.title,
                Counted(m.areas.len(), "area"),
                Counted(m.commitment_count(), "commitment")
            );
            for a in &m.areas {
                // A section by its id, as an area: `…/§/ii-key-outcomes  § II. Key Outcomes`.
                let first = a.section.len().saturating_sub(a.opens.len());
                for (k, sid) in (first..a.section.len()).zip(a.opens.iter()) {
                    let path = a.section[..=k].join(" › ");
                    let _ = writeln!(text, "    {}/{}/{SECTION_MARK}/{sid}  § {path}", p.id, m.id);
                }
                let _ = writeln!(
                    text,
                    "    {}/{}/{}  {}  ({})  c/i/e/a {}",
                    p.id, m.id, a.id, a.title, a.commitments, a.tally
                );
            }
        }
        out.write_all(text.as_bytes())?;
    }
    let (p, m, a, c) = listing.counts();
    writeln!(
        out,
        "{}, {}, {}, {}",
        plural(p, "partnership"),
        plural(m, "meeting"),
        plural(a, "area"),
        plural(c, "commitment")
    )
}

/// "1 area", "13 areas", "2 matches".
pub fn plural(n: usize, noun: &str) -> String {
    Counted(n, noun).to_string()
}

/// A count and its noun, as [`plural`] gives it, formatted where it is
/// written rather than into a string of its own.
struct Counted<'a>(usize, &'a str);

impl std::fmt::Display for Counted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Counted(n, noun) = *self;
        if n == 1 {
            write!(f, "{n} {noun}")
        } else if ["s", "x", "ch", "sh"].iter().any(|end| noun.ends_with(end)) {
            write!(f, "{n} {noun}es")
        } else {
            write!(f, "{n} {noun}s")
        }
    }
}

/// `jointly show ID`.
pub fn show(out: &mut dyn Write, corpus: &Corpus, id: &str, format: Format) -> io::Result<u8> {
    let Some(path) = corpus.resolve(id) else {
        return unknown_id(id);
    };
    if format == Format::Json {
        json::write(out, &json_show(corpus, path))?;
        return Ok(exit::OK);
    }
    let crumb = corpus.breadcrumb(path).unwrap_or_default();
    let full_id = corpus.id_of(path).unwrap_or_default();
    writeln!(out, "{crumb}\n{full_id}\n")?;
    match corpus.get(path) {
        Some(Node::Partnership(p)) => {
            writeln!(out, "{}", p.name)?;
            writeln!(out, "Parties: {}", p.parties.join(", "))?;
            for (i, m) in p.meetings.iter().enumerate() {
                let mid = corpus
                    .id_of(NodePath::Meeting(path.partnership(), i))
                    .unwrap_or_default();
                writeln!(out, "  {mid}  {}", m.title)?;
            }
        }
        Some(Node::Meeting(_, m)) => {
            meeting_header(out, m)?;
            for p in &m.preamble {
                writeln!(out, "{}\n", p.text)?;
            }
            // In source order: an area's commitments after the areas of its
            // section come after them, lead-ins stand between commitments.
            let pieces = m.area_pieces();
            for (n, p) in pieces.iter().enumerate() {
                match *p {
                    // A top-level section is as deep as a top-level area
                    // (`##`), and what stands in it one deeper.
                    AreaPiece::Section(a, k) => {
                        writeln!(out, "{} {}\n", "#".repeat(k + 2), m.areas[a].section[k])?
                    }
                    AreaPiece::Title(a) => {
                        let a = &m.areas[a];
                        writeln!(out, "{} {}\n", "#".repeat(a.section.len() + 2), a.title)?;
                    }
                    AreaPiece::Intro(a, i) => writeln!(out, "{}\n", m.areas[a].intro[i].text)?,
                    AreaPiece::Lead(a, i) => writeln!(out, "{}\n", m.areas[a].leads[i].1.text)?,
                    AreaPiece::Outro(a, i) => writeln!(out, "{}\n", m.areas[a].outro[i].text)?,
                    AreaPiece::Commitment(a, i) => {
                        writeln!(out, "{}. {}", i + 1, m.areas[a].commitments[i].text)?;
                        // A blank line ends a run of commitments.
                        if !matches!(pieces.get(n + 1), Some(AreaPiece::Commitment(b, _)) if *b == a) {
                            writeln!(out)?;
                        }
                    }
                }
            }
            for p in m.closing.iter().chain(&m.signatories) {
                writeln!(out, "{}\n", p.text)?;
            }
        }
        Some(Node::Area(p, m, a)) => {
            writeln!(out, "{}\n", a.title)?;
            for p in &a.intro {
                writeln!(out, "{}\n", p.text)?;
            }
            for (i, c) in a.commitments.iter().enumerate() {
                if a.resume == Some(i) {
                    writeln!(out, "\n(after the areas under this heading)")?;
                }
                for (_, l) in a.leads.iter().filter(|(at, _)| *at == i) {
                    writeln!(out, "{}", l.text)?;
                }
                let why = Why::of(&m.preamble, a, i);
                writeln!(out, "{}. {}{}", i + 1, c.text, stance_suffix(c, why, &p.parties))?;
            }
            writeln!(out)?;
            for p in &a.outro {
                writeln!(out, "{}\n", p.text)?;
            }
            source_line(out, m, area_lines(a))?;
        }
        Some(Node::Commitment(p, m, a, i, c)) => {
            let why = Why::of(&m.preamble, a, i);
            writeln!(out, "{}{}\n", c.text, stance_suffix(c, why, &p.parties))?;
            source_line(out, m, c.lines)?;
        }
        Some(Node::Section(_, m, si, s)) => show_section(out, corpus, path, m, si, s)?,
        None => {}
    }
    Ok(exit::OK)
}

/// `jointly show` of a section: its path, what it holds, and its areas
/// (with their ids) under its subsections' headings.
fn show_section(
    out: &mut dyn Write,
    corpus: &Corpus,
    path: NodePath,
    m: &Meeting,
    si: usize,
    s: crate::model::Section<'_>,
) -> io::Result<()> {
    use crate::model::Outline;
    let sections = m.sections();
    let (p, mi) = path.meeting().unwrap_or((0, 0));
    writeln!(out, "§ {}", Meeting::section_path(&sections, si).join(" › "))?;
    writeln!(out, "{}\n", section_holds(m, &s))?;
    for line in m.section_outline(&sections, si) {
        match line {
            Outline::Heading { depth, title } => writeln!(out, "{}§ {title}", "  ".repeat(depth))?,
            Outline::Area { depth, area } => {
                let id = corpus.id_of(NodePath::Area(p, mi, area)).unwrap_or_default();
                if let Some(a) = m.areas.get(area) {
                    let indent = "  ".repeat(depth);
                    writeln!(
                        out,
                        "{indent}{}. {} ({})  {id}",
                        area + 1,
                        a.title,
                        a.commitments.len()
                    )?;
                }
            }
        }
    }
    writeln!(out)?;
    source_line(out, m, section_lines(m, &s))
}

/// "6 areas, 41 commitments": what a section holds.
pub fn section_holds(m: &Meeting, s: &crate::model::Section<'_>) -> String {
    format!(
        "{}, {}",
        plural(s.area_count(), "area"),
        plural(m.commitments_in(s.first, s.end), "commitment")
    )
}

/// A section's lines: from its first area's heading to its last area's end.
fn section_lines(m: &Meeting, s: &crate::model::Section<'_>) -> Option<LineRange> {
    let first = m.areas.get(s.first).and_then(area_lines)?;
    let last = m.areas.get(s.end.checked_sub(1)?).and_then(area_lines)?;
    Some(LineRange {
        first: first.first,
        last: last.last,
    })
}

/// `jointly show ID --format json`: the node in the shape `list` gives it,
/// with where it is and where it comes from.
#[derive(Serialize)]
struct JsonShow<'a> {
    id: String,
    kind: &'static str,
    breadcrumb: String,
    /// The statement's source: file, line range, public address.
    source: Option<JsonSource<'a>>,
    /// A commitment's stance (else null), and whether the rules inferred it.
    stance: Option<&'static str>,
    stance_inferred: bool,
    /// The words that decided a commitment's inferred stance.
    stance_basis: Option<Why<'a>>,
    /// Who undertakes a commitment: "joint", or the party alone.
    actor: Option<String>,
    /// An area's topics; a commitment's are its area's.
    topics: Vec<JsonTag<'a>>,
    partnership: Option<JsonPartnership<'a>>,
    meeting: Option<JsonMeeting<'a>>,
    area: Option<JsonArea<'a>>,
    commitment: Option<JsonCommitment<'a>>,
    /// A section's: only in a section's document.
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<JsonSection<'a>>,
}

/// A section: its path, and the areas it holds (their ids).
#[derive(Serialize)]
struct JsonSection<'a> {
    title: &'a str,
    path: Vec<&'a str>,
    areas: Vec<String>,
    commitments: usize,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    /// The source text the statement file was made from, else the statement file.
    file: &'a str,
    statement_file: &'a str,
    lines: Option<String>,
    url: Option<&'a str>,
}

fn json_source<'a>(m: &'a Meeting, lines: Option<LineRange>) -> JsonSource<'a> {
    JsonSource {
        file: m
            .source
            .source_file
            .as_deref()
            .unwrap_or(&m.source.statement_file),
        statement_file: &m.source.statement_file,
        lines: lines.map(|l| l.to_string()),
        url: m.source.url.as_deref(),
    }
}

fn json_show(corpus: &Corpus, path: NodePath) -> JsonShow<'_> {
    let mut doc = JsonShow {
        id: corpus.id_of(path).unwrap_or_default(),
        kind: "partnership",
        breadcrumb: corpus.breadcrumb(path).unwrap_or_default(),
        source: None,
        stance: None,
        stance_inferred: false,
        stance_basis: None,
        actor: None,
        topics: Vec::new(),
        partnership: None,
        meeting: None,
        area: None,
        commitment: None,
        section: None,
    };
    match corpus.get(path) {
        Some(Node::Partnership(p)) => doc.partnership = Some(json_partnership(p)),
        Some(Node::Meeting(p, m)) => {
            doc.kind = "meeting";
            doc.source = Some(json_source(m, m.title_lines));
            doc.meeting = Some(json_meeting(p, m));
        }
        Some(Node::Area(p, m, a)) => {
            doc.kind = "area";
            doc.source = Some(json_source(m, area_lines(a)));
            doc.topics = json_topics(a);
            let meeting = doc.id.rsplit_once('/').map(|(m, _)| m.to_string());
            doc.area = Some(json_area(&meeting.unwrap_or_default(), m, &p.parties, a));
        }
        Some(Node::Commitment(p, m, a, i, c)) => {
            doc.kind = "commitment";
            doc.source = Some(json_source(m, c.lines));
            doc.topics = json_topics(a);
            doc.stance = c.stance.map(|(s, _)| s.as_str());
            doc.stance_inferred = matches!(c.stance, Some((_, Origin::Inferred)));
            doc.stance_basis = Why::of(&m.preamble, a, i);
            doc.actor = Some(c.actor.name(&p.parties));
            let area = doc.id.rsplit_once('/').map(|(a, _)| a.to_string());
            let why = Why::of(&m.preamble, a, i);
            doc.commitment = Some(json_commitment(&area.unwrap_or_default(), i, c, why, &p.parties));
        }
        Some(Node::Section(_, m, si, s)) => {
            doc.kind = "section";
            doc.source = Some(json_source(m, section_lines(m, &s)));
            let (p, mi) = path.meeting().unwrap_or((0, 0));
            doc.section = Some(JsonSection {
                title: s.title,
                path: Meeting::section_path(&m.sections(), si),
                areas: (s.first..s.end)
                    .filter_map(|a| corpus.id_of(NodePath::Area(p, mi, a)))
                    .collect(),
                commitments: m.commitments_in(s.first, s.end),
            });
        }
        None => {}
    }
    doc
}

/// An area's lines: from its title to its last commitment.
fn area_lines(a: &Area) -> Option<LineRange> {
    a.title_lines
        .zip(a.commitments.last().and_then(|c| c.lines))
        .map(|(f, l)| LineRange {
            first: f.first,
            last: l.last,
        })
}

fn unknown_id(id: &str) -> io::Result<u8> {
    say(format_args!(
        "jointly: no statement, area or commitment has the id `{id}`"
    ))?;
    say("hint: `jointly list` prints every id")?;
    Ok(exit::PROBLEMS)
}

/// `jointly show ID --cite`.
pub fn cite(out: &mut dyn Write, corpus: &Corpus, id: &str) -> io::Result<u8> {
    let Some(path) = corpus.resolve(id) else {
        return unknown_id(id);
    };
    match crate::cite::cite(corpus, path) {
        Some(citation) => {
            writeln!(out, "{citation}")?;
            Ok(exit::OK)
        }
        None => {
            say(format_args!(
                "jointly: `{id}` is a partnership, which has no single statement to cite; cite one of its meetings"
            ))?;
            Ok(exit::PROBLEMS)
        }
    }
}

/// `  [explore, inferred from “will explore”, sentence 2]`, with `; United
/// States alone` when one party undertakes it.
fn stance_suffix(c: &Commitment, why: Option<Why>, parties: &[String]) -> String {
    let alone = match c.actor {
        Actor::Joint => String::new(),
        actor => format!("; {} alone", actor.name(parties)),
    };
    match (c.stance, why) {
        (Some((s, Origin::Curated)), _) => format!("  [{}{alone}]", s.as_str()),
        (Some((s, Origin::Inferred)), Some(why)) => {
            format!("  [{}, inferred from {why}{alone}]", s.as_str())
        }
        (Some((s, Origin::Inferred)), None) => format!("  [{}, inferred{alone}]", s.as_str()),
        (None, _) if !alone.is_empty() => format!("  [no stance{alone}]"),
        (None, _) => String::new(),
    }
}

fn meeting_header(out: &mut dyn Write, m: &Meeting) -> io::Result<()> {
    writeln!(out, "{}", m.title)?;
    writeln!(out, "Date: {}", m.date)?;
    if let Some(place) = &m.place {
        writeln!(out, "Place: {place}")?;
    }
    for c in &m.co_chairs {
        writeln!(out, "Co-chair: {}, {}", c.name, c.role)?;
    }
    source_line(out, m, m.title_lines)?;
    writeln!(out)
}

/// `Source: statement file (transcribed from text:lines) url`: the file as
/// the user has it (the statement file they loaded, or "embedded"), the
/// text it was transcribed from with the lines quoted, and the public
/// address.
fn source_line(out: &mut dyn Write, m: &Meeting, lines: Option<LineRange>) -> io::Result<()> {
    writeln!(out, "Source: {}", source_text(m, lines))
}

/// The text of [`source_line`] after "Source: ".
pub fn source_text(m: &Meeting, lines: Option<LineRange>) -> String {
    use std::fmt::Write as _;
    let mut out = m.source.statement_file.clone();
    if let Some(text) = &m.source.source_file {
        // Inside the binary, the text's folder is this repository's: only
        // its name means something to the user.
        let text = if m.source.statement_file == crate::loader::EMBEDDED {
            text.rsplit('/').next().unwrap_or(text)
        } else {
            text
        };
        let _ = write!(out, " (transcribed from {text}");
        if let Some(l) = lines {
            let _ = write!(out, ":{l}");
        }
        out.push(')');
    }
    if let Some(url) = &m.source.url {
        let _ = write!(out, " {url}");
    }
    out
}

/// Whether `c` must not reach a terminal as it is. Control characters
/// (C0 and C1, but for line breaks and tabs) can move the cursor, retitle
/// the window or set the clipboard; the invisible format characters that
/// reorder or hide text (bidirectional controls such as U+202E and U+2066,
/// zero-width spaces such as U+200B, line and paragraph separators) can make
/// a title or an id display in an order it is not in. Zero-width joiners
/// (U+200C, U+200D) stay: scripts and emoji need them, and they move nothing.
pub fn is_unsafe(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        c if c.is_control() => true,
        '\u{061C}'
        | '\u{180E}'
        | '\u{200B}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{2028}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}' => true,
        _ => false,
    }
}

/// `s` made harmless to print: every character [`is_unsafe`] becomes U+FFFD,
/// one for one, so that it shows (as the browser shows it) and cannot act.
/// Every printer, every message on stderr, the status line and a copied
/// citation go through this (the browser through [`crate::wrap::sanitize`],
/// which uses the same rule).
pub fn harmless(s: &str) -> Cow<'_, str> {
    // Printable ASCII, new lines and tabs are safe: a byte scan says so for
    // most text without decoding a character (a tenth of printing `list`).
    if all_safe(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// Whether no character of `s` [`is_unsafe`]. Printable ASCII, new lines
/// and tabs are safe: they are told by their byte, without decoding a
/// character (a tenth of printing `list`); only the others are decoded.
fn all_safe(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if !matches!(b, b' '..=b'~' | b'\n' | b'\t') {
                return false;
            }
            i += 1;
            continue;
        }
        // `i` is on a character's first byte: every step before it was a
        // whole character.
        match s.get(i..).and_then(|rest| rest.chars().next()) {
            Some(c) if is_unsafe(c) => return false,
            Some(c) => i += c.len_utf8(),
            None => return false,
        }
    }
    true
}

/// A writer that makes what goes through it [`harmless`]. Statement text,
/// file names and arguments come from the user, and an escape sequence in
/// one must not reach the terminal.
pub struct Plain<'a>(pub &'a mut dyn Write);

impl Write for Plain<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Formatting writes whole strings. Any bytes that are not UTF-8
        // become U+FFFD, one per run, and the text around them is checked
        // as text: a control character after them is still caught.
        for chunk in buf.utf8_chunks() {
            self.0.write_all(harmless(chunk.valid()).as_bytes())?;
            if !chunk.invalid().is_empty() {
                self.0.write_all("\u{FFFD}".as_bytes())?;
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// Gathers whole lines before they go on to `W` (a [`Plain`]): formatting
/// writes a line in many small pieces, and checking each piece alone was a
/// tenth of a warm `list` of a thousand statements. A line break is never
/// inside a character, so what goes on is always whole text. Call
/// [`Write::flush`] at the end; dropping it also writes the rest, but
/// cannot say whether that failed.
pub struct Lines<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> Lines<W> {
    /// How much is gathered before the whole lines in it go on.
    const GATHER: usize = 1 << 13;

    /// A writer that passes on to `inner` whole lines, many at a time.
    pub fn new(inner: W) -> Lines<W> {
        Lines {
            inner,
            pending: Vec::with_capacity(Self::GATHER + 256),
        }
    }
}

impl<W: Write> Write for Lines<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        if self.pending.len() >= Self::GATHER
            && let Some(end) = self.pending.iter().rposition(|&b| b == b'\n')
        {
            // Taken out before they are written: lines that failed to go
            // are not written again when it is dropped.
            let rest = self.pending.split_off(end + 1);
            let lines = std::mem::replace(&mut self.pending, rest);
            self.inner.write_all(&lines)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let pending = std::mem::take(&mut self.pending);
            self.inner.write_all(&pending)?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for Lines<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// Writes `message` and a line break to stderr, made [`harmless`]: the one
/// way messages for people leave the program.
pub fn say(message: impl std::fmt::Display) -> io::Result<()> {
    let mut err = io::stderr().lock();
    writeln!(Plain(&mut err), "{message}")
}

/// Text made safe inside a Markdown table cell: as [`md_inline`], and pipes
/// escaped so that they do not split the cell.
pub fn md_cell(s: &str) -> String {
    md_inline(s).replace('|', "\\|")
}

/// Text made safe in Markdown: the characters that would start emphasis,
/// code, links or HTML are escaped, and line breaks become spaces.
pub fn md_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harmless_replaces_every_control_and_borrows_plain_text() {
        assert!(matches!(harmless("plain\ttext\n"), Cow::Borrowed(_)));
        assert!(matches!(harmless("Zürich – “quoted”"), Cow::Borrowed(_)));
        assert_eq!(
            harmless("a\x1b[2Jb\rc\x7fd\u{202E}e\u{85}"),
            "a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}"
        );
    }

    #[test]
    fn a_control_after_other_scripts_is_still_found() {
        // The byte scan hands over to decoding at the first character that
        // is not ASCII, and back again after it.
        for s in [
            "é\u{202E}",
            "–\x1b[31m",
            "日本\u{200B}x",
            "x–y\u{7f}",
            "“a”\t\u{85}",
        ] {
            let by_char: String = s
                .chars()
                .map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c })
                .collect();
            assert_eq!(harmless(s), by_char, "{s:?}");
            assert!(matches!(harmless(s), Cow::Owned(_)), "{s:?}");
        }
    }

    #[test]
    fn bytes_that_are_not_text_do_not_hide_a_control_after_them() {
        let mut out = Vec::new();
        Plain(&mut out)
            .write_all(b"caf\xe9 \x1b[2J ok \xc2\x9b1m \xe2\x80\xae!")
            .expect("a Vec takes every write");
        let out = String::from_utf8(out).expect("only text goes out");
        assert_eq!(out, "caf\u{FFFD} \u{FFFD}[2J ok \u{FFFD}1m \u{FFFD}!");
    }

    #[test]
    fn lines_pass_on_whole_lines_and_the_rest_at_the_end() {
        let mut seen: Vec<u8> = Vec::new();
        let text: String = (0..3000).map(|i| format!("line {i} – é\n")).collect();
        {
            let mut lines = Lines::new(&mut seen);
            for piece in text.as_bytes().chunks(7) {
                lines.write_all(piece).expect("a Vec takes every write");
            }
            let mut tail = Lines::new(Vec::new());
            tail.write_all(b"no line break").expect("a Vec takes every write");
            tail.flush().expect("a Vec takes every write");
            assert_eq!(tail.inner, b"no line break");
            lines.flush().expect("a Vec takes every write");
        }
        assert_eq!(String::from_utf8(seen).expect("whole characters"), text);
    }

    #[test]
    fn counts_agree_with_their_nouns() {
        assert_eq!(plural(1, "problem"), "1 problem");
        assert_eq!(plural(0, "error"), "0 errors");
        assert_eq!(plural(2, "match"), "2 matches");
        assert_eq!(plural(1, "match"), "1 match");
    }

    #[test]
    fn markdown_cells_escape_pipes_backslashes_and_line_breaks() {
        assert_eq!(md_cell("a|b\\c\nd_e"), "a\\|b\\\\c d\\_e");
        assert_eq!(md_inline("*EU* [x]"), "\\*EU\\* \\[x\\]");
    }
}
