//! `jointly search`: ranked matches as text or JSON.

use std::io::{self, Write};

use serde::Serialize;

use crate::glossary::Definition;
use crate::model::{Corpus, Node, NodePath};
use crate::output::{Format, exit, plural};
use crate::search::{Field, FieldMatch, Searcher};
use crate::wrap::{sanitize_all as sanitize, sanitize_char};

/// Starts a marked (matched) run of characters: bold and underlined, so
/// that it shows without colour too.
const MARK_ON: &str = "\x1b[1;4m";
/// Ends a marked run.
const MARK_OFF: &str = "\x1b[22;24m";

#[derive(Serialize)]
struct JsonResults<'a> {
    query: &'a str,
    /// The query the results answer when a word was corrected ("quantum"
    /// for "qunatum"); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    corrected: Option<&'a str>,
    /// Candidates that matched, before weak matches were cut.
    matched: usize,
    /// Matches that passed the cut (`results` holds the first `limit`).
    kept: usize,
    results: Vec<JsonHit>,
}

#[derive(Serialize)]
struct JsonHit {
    rank: usize,
    id: String,
    kind: &'static str,
    score: i32,
    breadcrumb: String,
    matches: Vec<JsonField>,
    /// Acronyms it matched through, when the query named their expansion.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    via: Vec<JsonVia>,
    /// Why it matched, when its title or text does not show it: "via
    /// topic: talent", "via AI = Artificial Intelligence".
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

#[derive(Serialize)]
struct JsonVia {
    acronym: String,
    expansion: String,
}

#[derive(Serialize)]
struct JsonField {
    field: &'static str,
    text: String,
    /// Character (Unicode scalar) indices of the matched characters.
    chars: Vec<usize>,
}

/// `jointly search QUERY`: the best `limit` matches, best first; exit 1
/// when nothing matches, as grep does. `marks`: whether matched characters
/// are marked with escape codes ([`crate::output::colour`] decides).
pub fn search(
    out: &mut dyn Write,
    corpus: &Corpus,
    query: &str,
    limit: usize,
    format: Format,
    marks: bool,
) -> io::Result<u8> {
    if query.trim().is_empty() {
        crate::output::say("jointly: the query is empty; give one or more words to look for")?;
        return Ok(exit::USAGE);
    }
    let mut searcher = Searcher::new(corpus);
    let ranked = searcher.search(corpus, query);
    // Highlights and reasons follow the query the results answer.
    let effective = ranked.effective_query();
    if let Some(fixed) = &ranked.corrected {
        // On stderr, so that stdout stays the results alone.
        writeln!(
            io::stderr().lock(),
            "jointly: no word matches `{}`; showing results for `{}`",
            sanitize(query),
            sanitize(fixed)
        )?;
    }
    let shown = ranked.hits.iter().take(limit);
    // Why each hit matched when it does not show: through an acronym the
    // query names, or only through an area's tags.
    let reason = |hit: &crate::search::Hit, via: Option<String>| {
        if hit.via_acronym {
            Some(format!(
                "via {}",
                via_label(&searcher.via(corpus, hit.path(), effective))
            ))
        } else {
            via
        }
    };
    match format {
        Format::Json => {
            let results = shown
                .enumerate()
                .map(|(i, hit)| {
                    let explained = searcher.explain(corpus, hit.path(), effective);
                    JsonHit {
                        rank: i + 1,
                        id: corpus.id_of(hit.path()).unwrap_or_default(),
                        kind: kind(hit.path()),
                        score: hit.score,
                        breadcrumb: corpus.breadcrumb(hit.path()).unwrap_or_default(),
                        via: (if hit.via_acronym {
                            searcher.via(corpus, hit.path(), effective)
                        } else {
                            Vec::new()
                        })
                        .into_iter()
                        .map(|d| JsonVia {
                            acronym: d.acronym.clone(),
                            expansion: d.expansion.clone(),
                        })
                        .collect(),
                        reason: reason(hit, explained.via),
                        matches: explained
                            .marks
                            .into_iter()
                            .map(|fm| JsonField {
                                field: fm.field.name(),
                                chars: fm.chars(),
                                text: fm.text,
                            })
                            .collect(),
                    }
                })
                .collect();
            let doc = JsonResults {
                query,
                corrected: ranked.corrected.as_deref(),
                matched: ranked.matched,
                kept: ranked.hits.len(),
                results,
            };
            super::json::write(out, &doc)?;
        }
        Format::Text => {
            let mut n = 0;
            for (i, hit) in shown.enumerate() {
                n = i + 1;
                let path = hit.path();
                let id = corpus.id_of(path).unwrap_or_default();
                writeln!(out, "{n}. {id}  (score {})", hit.score)?;
                writeln!(
                    out,
                    "   {}",
                    sanitize(&corpus.breadcrumb(path).unwrap_or_default())
                )?;
                let explained = searcher.explain(corpus, path, effective);
                for line in text_lines(corpus, path, &explained.marks) {
                    write!(out, "   ")?;
                    for (prefix, fm) in line {
                        write!(out, "{prefix}")?;
                        write_marked(out, &fm, marks)?;
                    }
                    writeln!(out)?;
                }
                if let Some(why) = reason(hit, explained.via) {
                    writeln!(out, "   {why}")?;
                }
            }
            match (n, ranked.hits.len()) {
                (_, 0) => writeln!(out, "no matches for `{}`", sanitize(query))?,
                (n, total) if n < total => writeln!(out, "{n} of {total} matches (--limit {limit})")?,
                (_, total) => writeln!(out, "{}", plural(total, "match"))?,
            }
        }
    }
    Ok(if ranked.hits.is_empty() {
        exit::PROBLEMS
    } else {
        exit::OK
    })
}

/// "AI = Artificial Intelligence; DIU = Defense Innovation Unit".
fn via_label(via: &[&Definition]) -> String {
    let each: Vec<String> = via
        .iter()
        .map(|d| format!("{} = {}", sanitize(&d.acronym), sanitize(&d.expansion)))
        .collect();
    each.join("; ")
}

fn kind(path: NodePath) -> &'static str {
    match path {
        NodePath::Partnership(_) => "partnership",
        NodePath::Meeting(..) => "meeting",
        NodePath::Area(..) => "area",
        NodePath::Commitment(..) => "commitment",
        NodePath::Section(..) => "section",
    }
}

/// The lines under a hit's breadcrumb: its title or text, and for an area
/// its id and topics when the query matched them. Each line is a list of
/// (label, field) pieces.
fn text_lines(corpus: &Corpus, path: NodePath, found: &[FieldMatch]) -> Vec<Vec<(String, FieldMatch)>> {
    let with_marks = |field: Field, text: &str| {
        found
            .iter()
            .find(|f| f.field == field)
            .cloned()
            .unwrap_or(FieldMatch {
                field,
                text: text.to_string(),
                bytes: Vec::new(),
            })
    };
    match corpus.get(path) {
        Some(Node::Meeting(_, m)) => vec![vec![(String::new(), with_marks(Field::Title, &m.title))]],
        Some(Node::Commitment(_, _, _, _, c)) => {
            vec![vec![(String::new(), with_marks(Field::Text, &c.text))]]
        }
        Some(Node::Area(_, _, a)) => {
            let mut lines = vec![vec![(String::new(), with_marks(Field::Title, &a.title))]];
            let tags_matched = found
                .iter()
                .any(|f| matches!(f.field, Field::Id | Field::Topic(_)));
            if tags_matched {
                let mut line = vec![("id: ".to_string(), with_marks(Field::Id, &a.id))];
                for (i, (t, _)) in a.topics.iter().enumerate() {
                    let label = if i == 0 { "  topics: " } else { ", " };
                    line.push((label.to_string(), with_marks(Field::Topic(i), t)));
                }
                lines.push(line);
            }
            lines
        }
        Some(Node::Partnership(_) | Node::Section(..)) | None => Vec::new(),
    }
}

/// Writes a field's text, marking the matched characters when `marks`.
fn write_marked(out: &mut dyn Write, fm: &FieldMatch, marks: bool) -> io::Result<()> {
    if !marks || fm.bytes.is_empty() {
        return write!(out, "{}", sanitize(&fm.text));
    }
    let mut on = false;
    for (at, ch) in fm.text.char_indices() {
        let hit = fm.bytes.binary_search(&at).is_ok();
        if hit != on {
            write!(out, "{}", if hit { MARK_ON } else { MARK_OFF })?;
            on = hit;
        }
        write!(out, "{}", sanitize_char(ch))?;
    }
    if on {
        write!(out, "{MARK_OFF}")?;
    }
    Ok(())
}
