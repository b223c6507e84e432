//! Printed forms of the tree for the non-interactive commands.
//!
//! Every function writes to a `Write` and returns the exit code, so that a
//! closed pipe surfaces as an `io::Error` the caller treats as a normal end.

pub mod search;

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
    fn markdown_cells_escape_pipes_backslashes_and_line_breaks() {
        assert_eq!(md_cell("a|b\\c\nd_e"), "a\\|b\\\\c d\\_e");
        assert_eq!(md_inline("*EU* [x]"), "\\*EU\\* \\[x\\]");
    }
}
