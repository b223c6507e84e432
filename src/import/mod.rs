//! Importing a statement: from the raw text of a joint statement, as copied
//! off a government website (plain text or markdown), to a statement file in
//! the seed schema (`seeds/README.md`).
//!
//! The text goes one way: lines ([`text`]) → units: headings, items,
//! paragraphs ([`structure`]) → preamble, areas, closing ([`parts`]) → a
//! [`StatementFile`] written as YAML ([`yaml`]). Every text placed in the
//! tree is a line's text as the fidelity normaliser reads it, so nothing is
//! lost; the result is loaded back and compared with its source before it is
//! handed out, and any difference is reported as drift.

pub mod command;
mod meta;
mod parts;
pub(crate) mod sentences;
mod structure;
mod text;
mod yaml;

use std::collections::{HashMap, HashSet};

use crate::loader::fidelity::{self, Markup, collapse};
use crate::loader::schema::{
    AreaSpec, Areas, CommitmentSpec, Commitments, IsoDate, MeetingSpec, NonEmpty, PartnershipSpec, Slug,
    SourceSpec, StatementFile,
};
use crate::loader::{Problem, SourceLookup, parse_statement};
use crate::model::{self, Date};
use text::Document;

/// Something the importer was unsure of, at a line of the source where it applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// 1-based source line, where the note is about one.
    pub line: Option<usize>,
    /// What the reader should check.
    pub message: String,
}

impl Note {
    fn at(line: usize, message: impl Into<String>) -> Note {
        Note {
            line: Some(line),
            message: message.into(),
        }
    }

    fn whole(message: impl Into<String>) -> Note {
        Note {
            line: None,
            message: message.into(),
        }
    }

    /// The note as a warning about `file`, in the loader's `file:line:column` form.
    pub fn to_problem(&self, file: &str) -> Problem {
        Problem::warning(file, self.message.clone()).at(self.line.map(|l| (l, 1)))
    }
}

/// What the caller knows that the text may not say.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The statement file's `source.file`: where the text will be found,
    /// relative to the statement file. Its extension (`.md`) decides whether
    /// the text is read as markdown, as the loader will read it.
    pub source_file: String,
    /// The public address of the text, if the caller knows it.
    pub url: Option<String>,
    /// The partnership id; derived from the title when absent.
    pub partnership_id: Option<String>,
    /// The partnership's name, when it is already known; derived from the title otherwise.
    pub partnership_name: Option<String>,
    /// The parties, when already known.
    pub parties: Vec<String>,
    /// The meeting date, when the text does not give it.
    pub date: Option<Date>,
}

/// A statement imported from text.
#[derive(Debug)]
pub struct Imported {
    /// The statement file.
    pub statement: StatementFile,
    /// It, as YAML in the layout of the seeds.
    pub yaml: String,
    /// What the importer was unsure of.
    pub notes: Vec<Note>,
    /// Differences between the statement and its source; empty unless the
    /// importer has a bug, since the check runs on every import.
    pub drift: Vec<String>,
}

/// Imports the statement in `text`. `name` is the file shown in messages.
pub fn import(name: &str, text: &str, opts: &ImportOptions) -> Result<Imported, Problem> {
    let mut notes = Vec::new();
    // The lines and units are gone by the time the file is loaded back,
    // which keeps the memory of a huge import down.
    let statement = statement(name, text, opts, &mut notes)?;
    let yaml = yaml::write(&statement, &opts.source_file);
    let drift = check(name, &yaml, text, Markup::from_path(&opts.source_file))?;
    Ok(Imported {
        statement,
        yaml,
        notes,
        drift,
    })
}

/// The statement file for `text`, with notes on what was unsure.
fn statement(
    name: &str,
    text: &str,
    opts: &ImportOptions,
    notes: &mut Vec<Note>,
) -> Result<StatementFile, Problem> {
    let fail = |message: String| Problem::error(name, message);
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(fail("the file is empty: there is no statement to import".into()));
    }
    if text::looks_binary(text) {
        return Err(fail(
            "looks like a binary file (it holds NUL bytes or many control characters), not the text of a \
             statement; copy the statement's text into a .txt or .md file"
                .into(),
        ));
    }
    let yaml_like = text.lines().any(|l| l.starts_with("partnership:"));
    if yaml_like && crate::loader::yaml::from_str::<StatementFile>(text).is_ok() {
        return Err(fail(
            "is already a statement file: there is nothing to import; `jointly check` validates it, and \
             `--data` or the data folder loads it as it is"
                .into(),
        ));
    }
    let markup = Markup::from_path(&opts.source_file);
    let doc = text::split(text, markup);
    if markup == Markup::Plain && text::looks_like_markdown(&doc) {
        notes.push(Note::whole(
            "this looks like markdown but was read as plain text, as its name does not end in .md; \
             rename it to have its headings and bold lead-ins recognised",
        ));
    }
    let head = head(&doc, notes).ok_or_else(|| {
        fail(
            "no text found: the file holds only markup or white space, so there is no statement to import"
                .into(),
        )
    })?;
    let body = &doc.lines[head.start..];
    let wrap_width = structure::wrap_width(body);
    let mut units = structure::units(body, wrap_width, notes);
    demote_document_heading(&mut units, &head.title);
    let first_line = units.first().map(|u| u.line);
    let parts = parts::assemble(units, notes);
    if parts.areas.is_empty() {
        let message = "no areas found: no headings, numbered headings or bold lead-ins were recognised, \
                       so the whole text is in the preamble";
        notes.push(match first_line {
            Some(l) => Note::at(l, message),
            None => Note::whole(message),
        });
    }
    let intro: Vec<&str> = head
        .dateline
        .iter()
        .map(|d| d.text.as_str())
        .chain(parts.preamble.iter().take(4).map(String::as_str))
        .collect();
    let date = match opts.date {
        Some(d) => d,
        None => find_meeting_date(&doc, &head, &parts, notes).ok_or_else(|| {
            fail(
                "no date found: the text gives none in the forms \"1 December 2025\", \"December 1, 2025\" \
                 or \"2025-12-01\"; give it with --date YYYY-MM-DD"
                    .into(),
            )
        })?,
    };
    let place = head
        .dateline
        .as_ref()
        .and_then(|d| d.place.clone())
        .or_else(|| front_str(&doc, &["place", "location", "city"]))
        .or_else(|| meta::find_place(&intro));
    let name_of_partnership = opts
        .partnership_name
        .clone()
        .unwrap_or_else(|| meta::partnership_name(&head.title));
    let partnership_id = match &opts.partnership_id {
        Some(id) if model::is_slug(id) => id.clone(),
        Some(id) => return Err(fail(format!("`{id}` is not a valid partnership id"))),
        None => {
            let id = Some(meta::slug(&name_of_partnership, 5))
                .filter(|s| model::is_slug(s))
                .unwrap_or_else(|| "imported".into());
            notes.push(Note::whole(format!(
                "partnership id `{id}` was made from the title; give --partnership ID to file this meeting \
                 with the other meetings of its partnership (`jointly list` shows their ids)"
            )));
            id
        }
    };
    let statement = StatementFile {
        partnership: PartnershipSpec {
            id: Slug(partnership_id),
            name: NonEmpty(name_of_partnership),
            parties: opts.parties.iter().map(|p| NonEmpty(p.clone())).collect(),
        },
        meeting: MeetingSpec {
            id: None,
            title: NonEmpty(head.title.clone()),
            dateline: head.dateline.as_ref().map(|d| NonEmpty(d.text.clone())),
            date: IsoDate(date),
            place: place.filter(|p| !p.trim().is_empty()).map(NonEmpty),
            co_chairs: Vec::new(),
            source: Some(SourceSpec {
                file: Some(NonEmpty(opts.source_file.clone())),
                url: opts
                    .url
                    .clone()
                    .or_else(|| front_str(&doc, &["source_url", "url", "canonical_url", "link"]))
                    .map(NonEmpty),
            }),
        },
        preamble: parts.preamble.into_iter().map(NonEmpty).collect(),
        areas: Areas(areas(parts.areas)),
        closing: parts.closing.into_iter().map(NonEmpty).collect(),
    };
    Ok(statement)
}

/// The date line under the title, if there is one.
struct Dateline {
    text: String,
    date: Date,
    place: Option<String>,
}

/// The title and date line, and where the rest of the text starts.
struct Head {
    title: String,
    dateline: Option<Dateline>,
    start: usize,
}

/// Finds the title (front matter, a `#` heading, or the first line, with
/// the lines it wraps onto) and the date line under it.
fn head(doc: &Document, notes: &mut Vec<Note>) -> Option<Head> {
    let lines = &doc.lines;
    let next_filled = |from: usize| (from..lines.len()).find(|&i| !lines[i].is_blank());
    let mut i = 0;
    let title = match doc.front_title.as_deref().map(collapse).filter(|t| !t.is_empty()) {
        Some(t) => t,
        None => {
            let first = next_filled(0)?;
            let mut title = lines[first].text.clone();
            i = first + 1;
            while lines[first].hashes == 0
                && i < lines.len()
                && i < first + 3
                && !text::ends_terminal(&lines[i - 1].text)
                && wraps_title(&lines[i])
            {
                title.push(' ');
                title.push_str(&lines[i].text);
                i += 1;
            }
            if text::word_count(&title) > 40 {
                notes.push(Note::at(
                    lines[first].number,
                    "the text has no short title line; its first line was taken as the title",
                ));
            }
            title
        }
    };
    let mut dateline = None;
    if let Some(j) = next_filled(i)
        && let Some((date, place)) = meta::date_line(&lines[j].text)
    {
        dateline = Some(Dateline {
            text: lines[j].text.clone(),
            date,
            place,
        });
        i = j + 1;
    }
    Some(Head {
        title,
        dateline,
        start: i,
    })
}

/// Whether a line continues a title wrapped over several lines.
fn wraps_title(line: &text::Line) -> bool {
    let t = &line.text;
    !line.is_blank()
        && line.marker.is_none()
        && line.hashes == 0
        && text::word_count(t) <= 12
        && meta::date_line(t).is_none()
        && (text::is_title_case(t) || text::is_all_caps(t))
}

/// A lone `#` heading over `##` headings is the document's title, or
/// repeats it: it belongs to the preamble, not to an area.
fn demote_document_heading(units: &mut [structure::Unit], title: &str) {
    let top: Vec<usize> = (0..units.len()).filter(|&i| units[i].level == 1).collect();
    let deeper = units.iter().any(|u| u.level > 1);
    for &i in &top {
        if (top.len() == 1 && deeper) || units[i].text == title {
            units[i].kind = structure::Kind::Para;
        }
    }
}

/// The meeting's date: front matter, date line, or the first date in the preamble.
fn find_meeting_date(
    doc: &Document,
    head: &Head,
    parts: &parts::Parts,
    notes: &mut Vec<Note>,
) -> Option<Date> {
    if let Some(d) = front_str(doc, &["date"]).and_then(|s| {
        s.get(..10)
            .and_then(|iso| iso.parse().ok())
            .or_else(|| meta::find_date(&s).map(|f| f.date))
    }) {
        return Some(d);
    }
    if let Some(d) = &head.dateline {
        return Some(d.date);
    }
    let found = parts.preamble.iter().take(4).find_map(|p| meta::find_date(p))?;
    notes.push(Note::whole(format!(
        "the meeting date {} was taken from the first date in the preamble; check it, or give --date",
        found.date
    )));
    Some(found.date)
}

/// A string value of the front matter, under the first of `keys` it has.
fn front_str(doc: &Document, keys: &[&str]) -> Option<String> {
    let front = doc.front.as_ref()?;
    keys.iter().find_map(|k| {
        let v = front.get(*k)?;
        let s = match v {
            serde_yaml::Value::String(s) => s.clone(),
            serde_yaml::Value::Number(n) => n.to_string(),
            _ => return None,
        };
        let s = collapse(&s);
        (!s.is_empty()).then_some(s)
    })
}

/// Area specs with unique ids.
fn areas(parts: Vec<parts::AreaParts>) -> Vec<AreaSpec> {
    let mut seen = HashSet::new();
    // The next suffix to try for each id, so that a thousand "Quantum"
    // areas cost a thousand tries, not half a million.
    let mut next: HashMap<String, usize> = HashMap::new();
    parts
        .into_iter()
        .enumerate()
        .map(|(n, a)| {
            let base = Some(meta::area_id(&a.title))
                .filter(|s| model::is_slug(s))
                .unwrap_or_else(|| format!("area-{}", n + 1));
            let mut id = base.clone();
            while !seen.insert(id.clone()) {
                let k = next.entry(base.clone()).or_insert(2);
                id = format!("{base}-{k}");
                *k += 1;
            }
            AreaSpec {
                id: Slug(id),
                title: NonEmpty(a.title),
                topics: Vec::new(),
                commitments: Commitments(
                    a.commitments
                        .into_iter()
                        .map(|c| CommitmentSpec::Text(NonEmpty(c)))
                        .collect(),
                ),
            }
        })
        .collect()
}

/// Loads the YAML back as the loader would, against `source`, and returns
/// every difference between the tree and its source.
fn check(name: &str, yaml: &str, source: &str, markup: Markup) -> Result<Vec<String>, Problem> {
    let (_, meeting, warnings) = parse_statement(name, yaml, &SourceLookup::Given(source.to_string()))
        .map_err(|p| {
            Problem::error(
                name,
                format!("the statement file made from this text does not load (an importer bug): {p}"),
            )
        })?;
    let mut drift: Vec<String> = warnings.iter().map(|w| w.message.clone()).collect();
    if drift.is_empty() && fidelity::tree_text(&meeting) != fidelity::normalise_source(source, markup).text {
        drift.push("the tree's text differs from the source's text".into());
    }
    Ok(drift)
}

#[cfg(test)]
mod tests;
