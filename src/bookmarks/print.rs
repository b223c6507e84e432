//! `jointly bookmarks`: the bookmarks as text, Markdown or JSON, each with
//! its node's breadcrumb and text, or marked missing when the node is no
//! longer among the loaded statements.

use std::io::{self, Write};

use serde::Serialize;

use super::{Bookmark, BookmarkStore};
use crate::model::{Corpus, Node};
use crate::output::md_cell;
use crate::output::{ReportFormat, exit};

/// A bookmark with what the corpus says about its node.
struct Resolved<'a> {
    bookmark: &'a Bookmark,
    /// Breadcrumb and text, when the node still exists.
    node: Option<(String, String)>,
}

#[derive(Serialize)]
struct JsonBookmark<'a> {
    id: &'a str,
    missing: bool,
    breadcrumb: Option<&'a str>,
    text: Option<&'a str>,
    note: Option<&'a str>,
    label: Option<&'a str>,
    created: String,
}

/// The text a reader recognises a node by: a commitment's words, an area's
/// heading, a meeting's title, a partnership's name.
pub fn node_text(corpus: &Corpus, id: &str) -> Option<(String, String)> {
    let path = corpus.resolve(id)?;
    let text = match corpus.get(path)? {
        Node::Commitment(_, _, _, _, c) => c.text.to_string(),
        Node::Area(_, _, a) => a.title.clone(),
        Node::Meeting(_, m) => m.title.clone(),
        Node::Partnership(p) => p.name.clone(),
        Node::Section(_, _, _, s) => s.title.to_string(),
    };
    Some((corpus.breadcrumb(path)?, text))
}

/// `jointly bookmarks`: reads the bookmarks file (changing nothing), reports
/// its problems on stderr, and prints what could be read.
pub fn command(out: &mut dyn Write, corpus: &Corpus, format: ReportFormat) -> io::Result<u8> {
    let Some((store, warnings)) = BookmarkStore::open_default() else {
        crate::output::say("jointly: this platform has no data folder to keep bookmarks in")?;
        return Ok(exit::PROBLEMS);
    };
    for w in &warnings {
        crate::output::say(w)?;
    }
    print(out, corpus, &store.set().list(), format)?;
    Ok(if warnings.is_empty() {
        exit::OK
    } else {
        exit::PROBLEMS
    })
}

/// Prints `bookmarks` in `format`.
pub fn print(
    out: &mut dyn Write,
    corpus: &Corpus,
    bookmarks: &[&Bookmark],
    format: ReportFormat,
) -> io::Result<()> {
    let resolved: Vec<Resolved> = bookmarks
        .iter()
        .map(|b| Resolved {
            bookmark: b,
            node: node_text(corpus, &b.id),
        })
        .collect();
    match format {
        ReportFormat::Text => text(out, &resolved),
        ReportFormat::Md => markdown(out, corpus, &resolved),
        ReportFormat::Json => json(out, &resolved),
    }
}

fn text(out: &mut dyn Write, list: &[Resolved]) -> io::Result<()> {
    if list.is_empty() {
        return writeln!(out, "no bookmarks");
    }
    for (i, r) in list.iter().enumerate() {
        let b = r.bookmark;
        if i > 0 {
            writeln!(out)?;
        }
        match &r.node {
            Some((crumb, text)) => {
                writeln!(out, "{}", b.id)?;
                writeln!(out, "  {crumb}")?;
                writeln!(out, "  {text}")?;
            }
            None => {
                writeln!(out, "{}  [missing: not in the loaded statements]", b.id)?;
                if let Some(label) = &b.label {
                    writeln!(out, "  was: {label}")?;
                }
            }
        }
        if let Some(note) = &b.note {
            writeln!(out, "  note: {note}")?;
        }
        writeln!(out, "  bookmarked {}", b.created.human())?;
    }
    Ok(())
}

fn markdown(out: &mut dyn Write, corpus: &Corpus, list: &[Resolved]) -> io::Result<()> {
    writeln!(out, "# Bookmarks\n")?;
    if list.is_empty() {
        return writeln!(out, "No bookmarks.");
    }
    for r in list {
        let b = r.bookmark;
        match &r.node {
            Some((crumb, text)) => {
                writeln!(out, "- **{}** (`{}`)  ", md_cell(crumb), b.id)?;
                // A citation to paste, for an area (its heading, statement,
                // date and id) as for a commitment.
                let cited = corpus
                    .resolve(&b.id)
                    .and_then(|p| crate::cite::one_line(corpus, p))
                    .unwrap_or_else(|| format!("“{text}”"));
                writeln!(out, "  {}  ", md_cell(&cited))?;
            }
            None => {
                writeln!(out, "- `{}` *(missing: not in the loaded statements)*  ", b.id)?;
                if let Some(label) = &b.label {
                    writeln!(out, "  was: {}  ", md_cell(label))?;
                }
            }
        }
        if let Some(note) = &b.note {
            writeln!(out, "  Note: {}  ", md_cell(note))?;
        }
        writeln!(out, "  Bookmarked {}", b.created.human())?;
    }
    Ok(())
}

fn json(out: &mut dyn Write, list: &[Resolved]) -> io::Result<()> {
    let items: Vec<JsonBookmark> = list
        .iter()
        .map(|r| JsonBookmark {
            id: &r.bookmark.id,
            missing: r.node.is_none(),
            breadcrumb: r.node.as_ref().map(|n| n.0.as_str()),
            text: r.node.as_ref().map(|n| n.1.as_str()),
            note: r.bookmark.note.as_deref(),
            label: r.bookmark.label.as_deref(),
            created: r.bookmark.created.to_string(),
        })
        .collect();
    crate::output::json::write(out, &serde_json::json!({ "bookmarks": items }))
}
