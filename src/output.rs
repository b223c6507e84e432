//! Printed forms of the tree for the non-interactive commands.
//!
//! Every function writes to a `Write` and returns the exit code, so that a
//! closed pipe surfaces as an `io::Error` the caller treats as a normal end.

pub mod search;

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

use crate::cli::{Format, exit};
use crate::model::{Corpus, LineRange, Meeting, Node, NodePath, Origin, Stance};

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
    let lines = |l: Option<LineRange>| l.map(|l| l.to_string());
    JsonTree {
        partnerships: corpus
            .partnerships
            .iter()
            .map(|p| JsonPartnership {
                id: &p.id,
                name: &p.name,
                parties: &p.parties,
                meetings: p
                    .meetings
                    .iter()
                    .map(|m| {
                        let mid = format!("{}/{}", p.id, m.id);
                        JsonMeeting {
                            title: &m.title,
                            date: m.date.to_string(),
                            place: m.place.as_deref(),
                            source: m.source.source_file.as_deref(),
                            url: m.source.url.as_deref(),
                            areas: m
                                .areas
                                .iter()
                                .map(|a| {
                                    let aid = format!("{mid}/{}", a.id);
                                    JsonArea {
                                        topics: a
                                            .topics
                                            .iter()
                                            .map(|(t, o)| JsonTag {
                                                id: t,
                                                inferred: *o == Origin::Inferred,
                                            })
                                            .collect(),
                                        lines: lines(a.title_lines),
                                        commitments: a
                                            .commitments
                                            .iter()
                                            .enumerate()
                                            .map(|(i, c)| JsonCommitment {
                                                id: format!("{aid}/{}", i + 1),
                                                text: &c.text,
                                                stance: c.stance.map(|(s, _)| s.as_str()),
                                                stance_inferred: matches!(
                                                    c.stance,
                                                    Some((_, Origin::Inferred))
                                                ),
                                                lines: lines(c.lines),
                                            })
                                            .collect(),
                                        id: aid,
                                        title: &a.title,
                                    }
                                })
                                .collect(),
                            id: mid,
                        }
                    })
                    .collect(),
            })
            .collect(),
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

/// "1 area", "13 areas".
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// `jointly show ID`.
pub fn show(out: &mut dyn Write, corpus: &Corpus, id: &str) -> io::Result<u8> {
    let Some(path) = corpus.resolve(id) else {
        return unknown_id(id);
    };
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
            source_line(
                out,
                m,
                a.title_lines
                    .zip(a.commitments.last().and_then(|c| c.lines))
                    .map(|(f, l)| LineRange {
                        first: f.first,
                        last: l.last,
                    }),
            )?;
        }
        Some(Node::Commitment(_, m, _, _, c)) => {
            writeln!(out, "{}{}\n", c.text, stance_suffix(c.stance))?;
            source_line(out, m, c.lines)?;
        }
        None => {}
    }
    Ok(exit::OK)
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
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c })
            .collect(),
    )
}

/// A writer that makes what goes through it [`harmless`]. Statement text,
/// file names and arguments come from the user, and an escape sequence in
/// one must not reach the terminal.
pub struct Plain<'a>(pub &'a mut dyn Write);

impl Write for Plain<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match std::str::from_utf8(buf) {
            Ok(s) => self.0.write_all(harmless(s).as_bytes())?,
            // Formatting writes whole strings; bytes that are not UTF-8 are
            // passed on with their control bytes replaced.
            Err(_) => {
                let clean: Vec<u8> = buf
                    .iter()
                    .map(|&b| {
                        if b < 0x20 && b != b'\n' && b != b'\t' || b == 0x7f {
                            b'?'
                        } else {
                            b
                        }
                    })
                    .collect();
                self.0.write_all(&clean)?;
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
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
    fn markdown_cells_escape_pipes_backslashes_and_line_breaks() {
        assert_eq!(md_cell("a|b\\c\nd_e"), "a\\|b\\\\c d\\_e");
        assert_eq!(md_inline("*EU* [x]"), "\\*EU\\* \\[x\\]");
    }
}
