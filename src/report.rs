//! What the two-meeting reports (`jointly compare`, `jointly changes`)
//! share: the meeting ids resolved with a message when they are not
//! meetings, the pair of meetings resolved for printing, their tables, and
//! the choice of text, Markdown or JSON.

use std::io::{self, Write};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::compare::Side;
use crate::model::{Area, Corpus, Meeting, NodePath, Partnership};
use crate::output::{ReportFormat, exit};

/// The meeting an id names, or a message on stderr saying why there is
/// none; `command` ("compare", "changes") is named in it.
pub(crate) fn meeting_path(corpus: &Corpus, id: &str, command: &str) -> io::Result<Option<NodePath>> {
    let path = corpus.resolve(id);
    if let Some(path @ NodePath::Meeting(..)) = path {
        return Ok(Some(path));
    }
    let mut stderr = io::stderr().lock();
    let mut err = crate::output::Plain(&mut stderr);
    match path {
        Some(NodePath::Partnership(p)) => {
            writeln!(
                err,
                "jointly: `{id}` is a partnership; {command} takes meetings, such as:"
            )?;
            for i in 0..corpus.partnerships[p].meetings.len() {
                writeln!(
                    err,
                    "  {}",
                    corpus.id_of(NodePath::Meeting(p, i)).unwrap_or_default()
                )?;
            }
        }
        Some(_) => writeln!(
            err,
            "jointly: `{id}` is an area or a commitment; {command} takes meetings, such as `eu-sg-dp/2025-12-01`"
        )?,
        None => {
            writeln!(err, "jointly: no meeting has the id `{id}`")?;
            writeln!(err, "hint: `jointly list` prints every id")?;
        }
    }
    Ok(None)
}

/// Two meetings resolved for printing: left (or earlier) and right (or
/// later), each with its partnership and its quotable id.
pub(crate) struct MeetingPair<'a> {
    sides: [(&'a Partnership, &'a Meeting, String); 2],
}

impl<'a> MeetingPair<'a> {
    /// `None` if either meeting is not in `corpus`.
    pub(crate) fn new(corpus: &'a Corpus, left: NodePath, right: NodePath) -> Option<Self> {
        let side = |path: NodePath| {
            let (p, m) = corpus.meeting(path)?;
            Some((p, m, format!("{}/{}", p.id, m.id)))
        };
        Some(MeetingPair {
            sides: [side(left)?, side(right)?],
        })
    }

    pub(crate) fn partnership(&self, side: Side) -> &'a Partnership {
        self.sides[side as usize].0
    }

    pub(crate) fn meeting(&self, side: Side) -> &'a Meeting {
        self.sides[side as usize].1
    }

    /// "eu-sg-dp/2025-12-01".
    pub(crate) fn id(&self, side: Side) -> &str {
        &self.sides[side as usize].2
    }

    /// "EU-Singapore Digital Partnership (2025-12-01)".
    pub(crate) fn name(&self, side: Side) -> String {
        format!("{} ({})", self.partnership(side).name, self.meeting(side).id)
    }

    pub(crate) fn area(&self, side: Side, i: usize) -> &'a Area {
        &self.meeting(side).areas[i]
    }

    pub(crate) fn area_id(&self, side: Side, i: usize) -> String {
        format!("{}/{}", self.id(side), self.area(side, i).id)
    }

    pub(crate) fn commitment_id(&self, side: Side, a: usize, c: usize) -> String {
        format!("{}/{}", self.area_id(side, a), c + 1)
    }

    /// Both meetings, left first.
    pub(crate) fn meetings(&self) -> [&'a Meeting; 2] {
        [self.sides[0].1, self.sides[1].1]
    }
}

/// How one report is laid out in each format.
pub(crate) struct Layouts<V, J> {
    pub text: fn(&mut dyn Write, &V) -> io::Result<()>,
    pub markdown: fn(&mut dyn Write, &V) -> io::Result<()>,
    pub json: fn(&V) -> J,
}

/// Prints `view` in the format asked for; exit 0.
pub(crate) fn print<V, J: Serialize>(
    out: &mut dyn Write,
    view: &V,
    format: ReportFormat,
    layouts: Layouts<V, J>,
) -> io::Result<u8> {
    match format {
        ReportFormat::Text => (layouts.text)(out, view)?,
        ReportFormat::Md => (layouts.markdown)(out, view)?,
        ReportFormat::Json => crate::output::json::write(out, &(layouts.json)(view))?,
    }
    Ok(exit::OK)
}

/// Columns padded to their widest cell, two spaces apart, indented by two.
pub(crate) fn text_table<const N: usize>(
    out: &mut dyn Write,
    header: &[&str; N],
    rows: &[[String; N]],
) -> io::Result<()> {
    let mut widths = header.map(UnicodeWidthStr::width);
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |out: &mut dyn Write, cells: &mut dyn Iterator<Item = &str>| -> io::Result<()> {
        let mut s = String::from(" ");
        for (cell, w) in cells.zip(widths) {
            s.push(' ');
            s.push_str(cell);
            s.push_str(&" ".repeat(w.saturating_sub(cell.width()) + 1));
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(out, &mut header.iter().copied())?;
    for row in rows {
        line(out, &mut row.iter().map(String::as_str))?;
    }
    Ok(())
}

/// A Markdown table; cells are already escaped.
pub(crate) fn md_table<const N: usize>(
    out: &mut dyn Write,
    header: &[impl AsRef<str>; N],
    align: &[&str; N],
    rows: &[[String; N]],
) -> io::Result<()> {
    let header: Vec<&str> = header.iter().map(AsRef::as_ref).collect();
    writeln!(out, "| {} |", header.join(" | "))?;
    writeln!(out, "| {} |", align.join(" | "))?;
    for row in rows {
        writeln!(out, "| {} |", row.join(" | "))?;
    }
    Ok(())
}

/// Three decimals: enough to rank, and stable in output.
pub(crate) fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}
