//! Printed forms of the tree for the non-interactive commands.
//!
//! Every function writes to a `Write` and returns the exit code, so that a
//! closed pipe surfaces as an `io::Error` the caller treats as a normal end.

pub mod check;
pub mod colour;
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

use std::io::{self, Write};

use serde::Serialize;

use crate::model::{
    Area, Commitment, Corpus, LineRange, Meeting, Node, NodePath, Origin, Partnership, Stance,
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
    areas: Vec<JsonArea<'a>>,
}

#[derive(Serialize)]
struct JsonArea<'a> {
    id: String,
    title: &'a str,
    topics: Vec<JsonTag<'a>>,
    lines: Option<String>,
    commitments: Vec<JsonCommitment<'a>>,
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
    lines: Option<String>,
}

/// `jointly list`.
pub fn list(out: &mut dyn Write, corpus: &Corpus, format: Format) -> io::Result<u8> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &json_tree(corpus)).map_err(io::Error::from)?;
            writeln!(out)?;
        }
        Format::Text => list_text(out, corpus)?,
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
        meetings: p.meetings.iter().map(|m| json_meeting(&p.id, m)).collect(),
    }
}

fn json_meeting<'a>(partnership: &str, m: &'a Meeting) -> JsonMeeting<'a> {
    let mid = format!("{partnership}/{}", m.id);
    JsonMeeting {
        title: &m.title,
        date: m.date.to_string(),
        place: m.place.as_deref(),
        source: m.source.source_file.as_deref(),
        url: m.source.url.as_deref(),
        areas: m.areas.iter().map(|a| json_area(&mid, a)).collect(),
        id: mid,
    }
}

fn json_area<'a>(meeting: &str, a: &'a Area) -> JsonArea<'a> {
    let aid = format!("{meeting}/{}", a.id);
    JsonArea {
        topics: json_topics(a),
        lines: a.title_lines.map(|l| l.to_string()),
        commitments: a
            .commitments
            .iter()
            .enumerate()
            .map(|(i, c)| json_commitment(&aid, i, c))
            .collect(),
        id: aid,
        title: &a.title,
    }
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

fn json_commitment<'a>(area: &str, i: usize, c: &'a Commitment) -> JsonCommitment<'a> {
    JsonCommitment {
        id: format!("{area}/{}", i + 1),
        text: &c.text,
        stance: c.stance.map(|(s, _)| s.as_str()),
        stance_inferred: matches!(c.stance, Some((_, Origin::Inferred))),
        lines: c.lines.map(|l| l.to_string()),
    }
}

fn list_text(out: &mut dyn Write, corpus: &Corpus) -> io::Result<()> {
    for p in &corpus.partnerships {
        let areas: usize = p.meetings.iter().map(|m| m.areas.len()).sum();
        let commitments: usize = p.meetings.iter().map(Meeting::commitment_count).sum();
        writeln!(
            out,
            "{}  {}  ({}, {}, {})",
            p.id,
            p.name,
            plural(p.meetings.len(), "meeting"),
            plural(areas, "area"),
            plural(commitments, "commitment")
        )?;
        for m in &p.meetings {
            writeln!(
                out,
                "  {}/{}  {}  ({}, {})",
                p.id,
                m.id,
                m.title,
                plural(m.areas.len(), "area"),
                plural(m.commitment_count(), "commitment")
            )?;
            for a in &m.areas {
                writeln!(
                    out,
                    "    {}/{}/{}  {}  ({})",
                    p.id,
                    m.id,
                    a.id,
                    a.title,
                    a.commitments.len()
                )?;
            }
        }
    }
    let (p, m, a, c) = corpus.counts();
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
    if n == 1 {
        format!("{n} {noun}")
    } else if ["s", "x", "ch", "sh"].iter().any(|end| noun.ends_with(end)) {
        format!("{n} {noun}es")
    } else {
        format!("{n} {noun}s")
    }
}

/// `jointly show ID`.
pub fn show(out: &mut dyn Write, corpus: &Corpus, id: &str, format: Format) -> io::Result<u8> {
    let Some(path) = corpus.resolve(id) else {
        return unknown_id(id);
    };
    if format == Format::Json {
        serde_json::to_writer_pretty(&mut *out, &json_show(corpus, path)).map_err(io::Error::from)?;
        writeln!(out)?;
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
            for a in &m.areas {
                writeln!(out, "## {}\n", a.title)?;
                for (i, c) in a.commitments.iter().enumerate() {
                    writeln!(out, "{}. {}", i + 1, c.text)?;
                }
                writeln!(out)?;
            }
            for p in &m.closing {
                writeln!(out, "{}\n", p.text)?;
            }
        }
        Some(Node::Area(_, m, a)) => {
            writeln!(out, "{}\n", a.title)?;
            for (i, c) in a.commitments.iter().enumerate() {
                writeln!(out, "{}. {}{}", i + 1, c.text, stance_suffix(c.stance))?;
            }
            writeln!(out)?;
            source_line(out, m, area_lines(a))?;
        }
        Some(Node::Commitment(_, m, _, _, c)) => {
            writeln!(out, "{}{}\n", c.text, stance_suffix(c.stance))?;
            source_line(out, m, c.lines)?;
        }
        None => {}
    }
    Ok(exit::OK)
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
    /// An area's topics; a commitment's are its area's.
    topics: Vec<JsonTag<'a>>,
    partnership: Option<JsonPartnership<'a>>,
    meeting: Option<JsonMeeting<'a>>,
    area: Option<JsonArea<'a>>,
    commitment: Option<JsonCommitment<'a>>,
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
        topics: Vec::new(),
        partnership: None,
        meeting: None,
        area: None,
        commitment: None,
    };
    match corpus.get(path) {
        Some(Node::Partnership(p)) => doc.partnership = Some(json_partnership(p)),
        Some(Node::Meeting(p, m)) => {
            doc.kind = "meeting";
            doc.source = Some(json_source(m, m.title_lines));
            doc.meeting = Some(json_meeting(&p.id, m));
        }
        Some(Node::Area(_, m, a)) => {
            doc.kind = "area";
            doc.source = Some(json_source(m, area_lines(a)));
            doc.topics = json_topics(a);
            let meeting = doc.id.rsplit_once('/').map(|(m, _)| m.to_string());
            doc.area = Some(json_area(&meeting.unwrap_or_default(), a));
        }
        Some(Node::Commitment(_, m, a, i, c)) => {
            doc.kind = "commitment";
            doc.source = Some(json_source(m, c.lines));
            doc.topics = json_topics(a);
            doc.stance = c.stance.map(|(s, _)| s.as_str());
            doc.stance_inferred = matches!(c.stance, Some((_, Origin::Inferred)));
            let area = doc.id.rsplit_once('/').map(|(a, _)| a.to_string());
            doc.commitment = Some(json_commitment(&area.unwrap_or_default(), i, c));
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
    let mut err = io::stderr().lock();
    writeln!(err, "jointly: no statement, area or commitment has the id `{id}`")?;
    writeln!(err, "hint: `jointly list` prints every id")?;
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
            writeln!(
                io::stderr(),
                "jointly: `{id}` is a partnership, which has no single statement to cite; cite one of its meetings"
            )?;
            Ok(exit::PROBLEMS)
        }
    }
}

fn stance_suffix(stance: Option<(Stance, Origin)>) -> String {
    match stance {
        Some((s, Origin::Curated)) => format!("  [{}]", s.as_str()),
        Some((s, Origin::Inferred)) => format!("  [{}, inferred]", s.as_str()),
        None => String::new(),
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

/// `Source: file:lines (url)`.
fn source_line(out: &mut dyn Write, m: &Meeting, lines: Option<LineRange>) -> io::Result<()> {
    let file = m
        .source
        .source_file
        .as_deref()
        .unwrap_or(&m.source.statement_file);
    write!(out, "Source: {file}")?;
    if let Some(l) = lines {
        write!(out, ":{l}")?;
    }
    if let Some(url) = &m.source.url {
        write!(out, " ({url})")?;
    }
    writeln!(out)
}

/// A writer that replaces control characters other than line breaks and
/// tabs with U+FFFD. Statement text comes from the user's files, and an
/// escape sequence in one must not reach the terminal (it could move the
/// cursor, retitle the window or set the clipboard).
pub struct Plain<'a>(pub &'a mut dyn Write);

impl Write for Plain<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
        match std::str::from_utf8(buf) {
            Ok(s) if s.chars().any(unsafe_char) => {
                let clean: String = s
                    .chars()
                    .map(|c| if unsafe_char(c) { '\u{FFFD}' } else { c })
                    .collect();
                self.0.write_all(clean.as_bytes())?;
            }
            // Formatting writes whole strings, so a buffer that is not UTF-8
            // holds no text of ours to clean.
            _ => self.0.write_all(buf)?,
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
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
