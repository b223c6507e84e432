//! Importing a statement: from the raw text of a joint statement, as copied
//! off a government website (plain text or markdown), to a statement file in
//! the seed schema (`seeds/README.md`).
//!
//! Markdown is parsed into blocks as a reader sees them
//! ([`crate::loader::markdown`]), plain text is read into the same blocks
//! from the layout of its lines ([`plain`]), and the outline (sections,
//! areas, intros, commitments, signatories) is read from the blocks
//! ([`outline`]). It ends in a [`StatementFile`] written as YAML ([`yaml`]). Every text placed in the
//! tree is the source's text as the fidelity rule reads it, so nothing is
//! lost; the result is loaded back and compared with its source before it is
//! handed out, and any difference is reported as drift.

pub mod command;
mod meta;
mod outline;
mod parts;
mod plain;
pub(crate) mod sentences;
mod text;
mod yaml;

use std::collections::{HashMap, HashSet};

use crate::loader::fidelity::{self, Markup, collapse};
use crate::loader::schema::{
    AreaSpec, Areas, CommitmentSpec, Commitments, IsoDate, LeadSpec, MeetingSpec, NonEmpty, PartnershipSpec,
    Slug, SourceSpec, StatementFile,
};
use crate::loader::{Problem, SourceLookup, parse_statement};
use crate::loader::{markdown, second_reading};
use crate::model::{self, Date};

/// Something the importer was unsure of, at a line of the source where it applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// 1-based source line, where the note is about one.
    pub line: Option<usize>,
    /// What the reader should check.
    pub message: String,
    /// Whether it is about the text (kept in the file's `review:` block) rather
    /// than about how the command was called.
    pub about_text: bool,
}

impl Note {
    fn at(line: usize, message: impl Into<String>) -> Note {
        Note {
            line: Some(line),
            message: message.into(),
            about_text: true,
        }
    }

    fn whole(message: impl Into<String>) -> Note {
        Note {
            line: None,
            message: message.into(),
            about_text: true,
        }
    }

    /// A note on how the command filed the statement, not on its text.
    fn usage(message: impl Into<String>) -> Note {
        Note {
            about_text: false,
            ..Note::whole(message)
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
    /// The partnerships already loaded: a statement whose title names one
    /// of them (by id or by a close name) is filed under it.
    pub known: Vec<KnownPartnership>,
    /// The meeting's id, when its date alone would repeat the id of
    /// another statement of the same partnership (a fact sheet and a joint
    /// statement of one day); the date when absent.
    pub meeting_id: Option<String>,
}

/// A partnership already loaded, as the importer may file a meeting under it.
#[derive(Debug, Clone)]
pub struct KnownPartnership {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its parties.
    pub parties: Vec<String>,
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
    // The blocks are gone by the time the file is loaded back,
    // which keeps the memory of a huge import down.
    let statement = statement(name, text, opts, &mut notes)?;
    let mut yaml = yaml::write(&statement, &opts.source_file);
    let markup = Markup::from_path(&opts.source_file);
    let (meeting, drift) = check(name, &yaml, text, markup)?;
    // The source read a second time, without the block parser: a word or
    // mark the parser lost from both sides shows here, as a finding with its
    // line (the simple reading may also differ on markdown that only a
    // CommonMark parser reads right, so it is said, not refused).
    if drift.is_empty()
        && let Err(m) = second_reading::compare(&fidelity::tree_text(&meeting), text, markup)
    {
        notes.push(Note::at(
            m.line as usize,
            format!("{m}; check that nothing was lost there"),
        ));
    }
    notes.extend(shape_notes(&meeting));
    // The findings go into the file, so that `check` and the browser show
    // them until the file is edited.
    yaml::append_review(&mut yaml, &notes);
    Ok(Imported {
        statement,
        yaml,
        notes,
        drift,
    })
}

/// Things worth checking in the shape of the tree: an area with one very
/// long commitment, an area holding most of the text, a preamble that ends
/// in a colon with no list after it.
fn shape_notes(m: &model::Meeting) -> Vec<Note> {
    let mut notes = Vec::new();
    let words = |s: &str| s.split_whitespace().count();
    let line = |l: Option<model::LineRange>| l.map_or(1, |l| l.first as usize);
    let total: usize = m
        .areas
        .iter()
        .flat_map(|a| &a.commitments)
        .map(|c| words(&c.text))
        .sum();
    for a in &m.areas {
        let area_words: usize = a.commitments.iter().map(|c| words(&c.text)).sum();
        if let [one] = a.commitments.as_slice()
            && words(&one.text) > 150
        {
            notes.push(Note::at(
                line(one.lines),
                format!(
                    "area \"{}\" is one commitment of {} words; check whether its list or headings were missed",
                    fidelity::excerpt(&a.title),
                    words(&one.text)
                ),
            ));
        }
        if m.areas.len() >= 3 && area_words * 2 > total {
            notes.push(Note::at(
                line(a.title_lines.or(a.commitments.first().and_then(|c| c.lines))),
                format!(
                    "area \"{}\" holds {}% of the commitments' words; check whether headings inside it were missed",
                    fidelity::excerpt(&a.title),
                    area_words * 100 / total.max(1)
                ),
            ));
        }
    }
    if let Some(last) = m.preamble.last()
        && text::ends_with_colon(&last.text)
        && m.areas.is_empty()
    {
        notes.push(Note::at(
            line(last.lines),
            "the preamble ends in a colon with nothing recognised after it; check what it leads into",
        ));
    }
    notes
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
    let (head, parts, front) = match markup {
        Markup::Markdown => read_markdown(text, notes),
        Markup::Plain => read_plain(text, notes),
    }
    .ok_or_else(|| {
        if markup == Markup::Markdown && unclosed_front_matter(text) {
            return Problem::error(
                name,
                "the front matter that opens at line 1 with `---` is never closed by a `---` line, and no \
                 text follows it; close it, then add the statement's text",
            )
            .at(Some((1, 1)));
        }
        fail(
            "no text found: the file holds only markup or white space, so there is no statement to import"
                .into(),
        )
    })?;
    if parts.areas.is_empty() {
        let message = "no areas found: no headings, numbered headings or bold lead-ins were recognised, \
                       so the whole text is in the preamble";
        notes.push(match head.body_line {
            Some(l) => Note::at(l, message),
            None => Note::whole(message),
        });
    }
    let intro: Vec<&str> = head
        .dateline
        .iter()
        .map(|d| d.text.as_str())
        .chain(parts.preamble.iter().take(4).map(String::as_str))
        // A statement that opens with a heading ("I. Introduction") says
        // where and who in its first area.
        .chain(
            parts
                .areas
                .iter()
                .take(1)
                .flat_map(|a| a.intro.iter().chain(a.commitments.iter().take(6)))
                .map(String::as_str),
        )
        .collect();
    let date = match opts.date {
        Some(d) => {
            // The text's own date, where it gives one, should agree.
            let mut ignored = Vec::new();
            if let Some(found) = find_meeting_date(front.as_ref(), &head, &parts, &mut ignored)
                && found != d
            {
                notes.push(Note::usage(format!(
                    "--date {d} differs from the date the text gives ({found}); the file says {d}"
                )));
            }
            d
        }
        None => match find_meeting_date(front.as_ref(), &head, &parts, notes) {
            Some(d) => d,
            None if markup == Markup::Markdown && unclosed_front_matter(text) => {
                return Err(Problem::error(
                    name,
                    "the front matter that opens at line 1 with `---` is never closed by a `---` line, so its \
                     date was not read, and the text gives none; close it, or give --date YYYY-MM-DD",
                )
                .at(Some((1, 1))));
            }
            None => return Err(no_front_date(name, front.as_ref(), text, markup)),
        },
    };
    let place = head
        .dateline
        .as_ref()
        .and_then(|d| d.place.clone())
        .or_else(|| front_str(front.as_ref(), &["place", "location", "city"]))
        .or_else(|| meta::find_place(&intro));
    let mut name_of_partnership = opts
        .partnership_name
        .clone()
        .unwrap_or_else(|| meta::partnership_name(&head.title));
    let mut known_parties = opts.parties.clone();
    let partnership_id = match &opts.partnership_id {
        Some(id) if model::is_slug(id) => id.clone(),
        Some(id) => return Err(fail(format!("`{id}` is not a valid partnership id"))),
        None => match meta::same_partnership(&name_of_partnership, &opts.known) {
            Some(k) => {
                notes.push(Note::usage(format!(
                    "filed under the loaded partnership `{}` ({}), whose name matches the title; give \
                     --partnership ID to file it elsewhere",
                    k.id, k.name
                )));
                name_of_partnership = k.name.clone();
                known_parties = k.parties.clone();
                k.id.clone()
            }
            None => {
                let id = Some(meta::slug(&name_of_partnership, 5))
                    .filter(|s| model::is_slug(s))
                    .unwrap_or_else(|| "imported".into());
                notes.push(Note::usage(format!(
                    "partnership id `{id}` was made from the title; give --partnership ID to file this meeting \
                     with the other meetings of its partnership (`jointly list` shows their ids)"
                )));
                id
            }
        },
    };
    let parties = if known_parties.is_empty() {
        let found = meta::parties(&name_of_partnership, &intro);
        if found.is_empty() {
            meta::parties(&head.title, &intro)
        } else {
            found
        }
    } else {
        known_parties
    };
    let statement = StatementFile {
        partnership: PartnershipSpec {
            id: Slug(partnership_id),
            name: NonEmpty(name_of_partnership),
            parties: parties.into_iter().map(NonEmpty).collect(),
        },
        meeting: MeetingSpec {
            id: opts.meeting_id.clone().map(Slug),
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
                    .or_else(|| front_str(front.as_ref(), &["source_url", "url", "canonical_url", "link"]))
                    .map(NonEmpty),
            }),
        },
        preamble: parts.preamble.into_iter().map(NonEmpty).collect(),
        areas: Areas(areas(parts.areas)),
        closing: parts.closing.into_iter().map(NonEmpty).collect(),
        signatories: parts.signatories.into_iter().map(NonEmpty).collect(),
        review: None,
    };
    Ok(statement)
}

/// The date line under the title, if there is one.
struct Dateline {
    text: String,
    date: Option<Date>,
    place: Option<String>,
}

/// The title and date line, and where the body starts.
struct Head {
    title: String,
    dateline: Option<Dateline>,
    /// The first line of the body, for notes about it.
    body_line: Option<usize>,
}

/// A plain-text statement: blocks read from its lines, then the outline.
fn read_plain(text: &str, notes: &mut Vec<Note>) -> Option<(Head, parts::Parts, Option<serde_yaml::Value>)> {
    let doc = plain::read(text, notes)?;
    let (head, parts) = read_blocks(&doc.blocks, None, doc.closing, notes)?;
    Some((head, parts, None))
}

/// Whether a markdown text opens front matter with a `---` line and never closes it.
fn unclosed_front_matter(text: &str) -> bool {
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    lines.next().is_some_and(|l| l.trim_end() == "---")
        && !lines.any(|l| matches!(l.trim_end(), "---" | "..."))
}

/// A markdown statement: parsed blocks, then the outline.
fn read_markdown(
    text: &str,
    notes: &mut Vec<Note>,
) -> Option<(Head, parts::Parts, Option<serde_yaml::Value>)> {
    let doc = markdown::parse(text);
    if unclosed_front_matter(text) {
        notes.push(Note::at(
            1,
            "the front matter that opens here with `---` is never closed by a `---` line, so it was read as \
             text; close it to have its title, date and address read",
        ));
    }
    let front: Option<serde_yaml::Value> = match doc.front.as_deref() {
        Some(f) => {
            match crate::loader::yaml::from_str(f) {
                Ok(v) => Some(v),
                Err(e) => {
                    // The YAML starts on the line after the opening `---`.
                    let line = e.location().map_or(1, |l| l.line() + 1);
                    let why = crate::loader::yaml_problem("", &e).message;
                    notes.push(Note::at(
                        line,
                        format!("the front matter is not valid YAML ({why}); its title, date and address were not read"),
                    ));
                    None
                }
            }
        }
        None => None,
    };
    for (line, message) in unusable_front(front.as_ref(), text) {
        notes.push(Note::at(line, message));
    }
    let front_title = front
        .as_ref()
        .and_then(fidelity::front_matter_title)
        .map(|t| collapse(&t))
        .filter(|t| !t.is_empty());
    let (head, parts) = read_blocks(&doc.blocks, front_title, doc.blocks.len(), notes)?;
    Some((head, parts, front))
}

/// The title and date line from the first blocks (unless the front matter
/// gave the title), then the outline of the body; the blocks from
/// `closing` on are the statement's closing.
fn read_blocks(
    blocks: &[markdown::Block],
    front_title: Option<String>,
    closing: usize,
    notes: &mut Vec<Note>,
) -> Option<(Head, parts::Parts)> {
    let mut dateline = None;
    let (title, mut i) = match front_title {
        Some(t) => (t, 0),
        None => {
            let first = blocks.first()?;
            // "Title" and "1 May 2025" on the next line make one paragraph.
            let last = first.line_at.last().map_or(0, |&(at, _)| at);
            match meta::date_line(&first.text[last..]) {
                Some((date, place)) if last > 0 => {
                    dateline = Some(Dateline {
                        text: first.text[last..].trim().to_string(),
                        date: Some(date),
                        place,
                    });
                    (first.text[..last].trim().to_string(), 1)
                }
                _ => (first.text.clone(), 1),
            }
        }
    };
    if let Some(b) = blocks.get(i).filter(|_| dateline.is_none())
        && text::word_count(&b.text) <= 10
    {
        if let Some((date, place)) = meta::date_line(&b.text) {
            let mut d = Dateline {
                text: b.text.clone(),
                date: Some(date),
                place,
            };
            i += 1;
            // "September 29, 2021" over "Pittsburgh, Pennsylvania".
            if d.place.is_none()
                && let Some(p) = blocks.get(i).filter(|p| meta::is_place_line(&p.text))
            {
                d.text = format!("{} {}", d.text, p.text);
                d.place = Some(p.text.clone());
                i += 1;
            }
            dateline = Some(d);
        } else if meta::is_place_line(&b.text) && !b.strong {
            dateline = Some(Dateline {
                text: b.text.clone(),
                date: None,
                place: Some(b.text.clone()),
            });
            i += 1;
        }
    }
    let closing = closing.clamp(i.min(blocks.len()), blocks.len());
    let body = &blocks[i.min(closing)..closing];
    let mut parts = outline::assemble(body, &title, notes);
    parts
        .closing
        .extend(blocks[closing..].iter().map(|b| b.text.clone()));
    let head = Head {
        title,
        dateline,
        body_line: body.first().map(|b| b.first_line as usize),
    };
    Some((head, parts))
}

/// The meeting's date: front matter, date line, or the first date in the preamble.
fn find_meeting_date(
    front: Option<&serde_yaml::Value>,
    head: &Head,
    parts: &parts::Parts,
    notes: &mut Vec<Note>,
) -> Option<Date> {
    if let Some(d) = front_str(front, &["date"]).and_then(|s| {
        s.get(..10)
            .and_then(|iso| iso.parse().ok())
            .or_else(|| meta::find_date(&s).map(|f| f.date))
    }) {
        return Some(d);
    }
    if let Some(d) = head.dateline.as_ref().and_then(|d| d.date) {
        return Some(d);
    }
    // Without a preamble, the opening sentences are the first area's (a
    // statement of paragraphs only is one untitled area).
    let opening = parts
        .areas
        .iter()
        .take(1)
        .flat_map(|a| a.intro.iter().chain(&a.commitments));
    let found = parts
        .preamble
        .iter()
        .take(4)
        .find_map(|p| meta::find_date(p))
        .or_else(|| {
            parts
                .preamble
                .is_empty()
                .then(|| opening.take(4).find_map(|p| meta::find_date(p)))
                .flatten()
        })?;
    notes.push(Note::whole(format!(
        "the meeting date {} was taken from the first date in the preamble (or the opening sentences, \
         where there is no preamble); check it, or give --date",
        found.date
    )));
    Some(found.date)
}

/// Why no date was found where the front matter gives one that cannot be
/// used: that date, at its line; otherwise as [`no_date`] says.
fn no_front_date(name: &str, front: Option<&serde_yaml::Value>, text: &str, markup: Markup) -> Problem {
    let bad = (markup == Markup::Markdown)
        .then(|| unusable_front(front, text))
        .and_then(|u| u.into_iter().find(|(_, m)| m.starts_with("front matter `date`")));
    match bad {
        Some((line, why)) => Problem::error(
            name,
            format!("{why}, and the text gives no other date; correct it, or give --date YYYY-MM-DD"),
        )
        .at(Some((line, 1))),
        None => no_date(name, text),
    }
}

/// Why no date was found: a date that is not in the calendar ("31
/// February 2025"), located; or none in a known form.
fn no_date(name: &str, text: &str) -> Problem {
    for (i, line) in text.lines().enumerate() {
        if let Some((col, phrase)) = meta::impossible_date(line) {
            return Problem::error(
                name,
                format!(
                    "\"{phrase}\" is not a date in the calendar, and the text gives no other; correct it, or \
                     give the date with --date YYYY-MM-DD"
                ),
            )
            .at(Some((i + 1, col)));
        }
    }
    Problem::error(
        name,
        "no date found: the text gives none in the forms \"1 December 2025\", \"December 1, 2025\" \
         or \"2025-12-01\"; give it with --date YYYY-MM-DD",
    )
}

/// The front-matter keys the importer reads, present but with a value it
/// cannot use: the 1-based line of each in `text`, and why ("front matter
/// `date` 2025-02-30 is not in the calendar").
fn unusable_front(front: Option<&serde_yaml::Value>, text: &str) -> Vec<(usize, String)> {
    use serde_yaml::Value;
    let Some(front) = front else { return Vec::new() };
    let mut out = Vec::new();
    let keys = [
        "title",
        "date",
        "place",
        "location",
        "city",
        "source_url",
        "url",
        "canonical_url",
        "link",
    ];
    for key in keys {
        let Some(v) = front.get(key) else { continue };
        let shown = match v {
            Value::String(s) => collapse(s),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Null => "(empty)".to_string(),
            Value::Sequence(_) => "(a list)".to_string(),
            Value::Mapping(_) => "(a mapping)".to_string(),
            Value::Tagged(_) => "(a tagged value)".to_string(),
        };
        let why = match (key, v) {
            ("date", Value::String(_) | Value::Number(_)) => {
                if shown.get(..10).is_some_and(|iso| iso.parse::<Date>().is_ok())
                    || meta::find_date(&shown).is_some()
                {
                    continue;
                }
                let iso_shape = shown.len() >= 10
                    && shown.bytes().take(10).enumerate().all(|(i, b)| {
                        if i == 4 || i == 7 {
                            b == b'-'
                        } else {
                            b.is_ascii_digit()
                        }
                    });
                if iso_shape || meta::impossible_date(&shown).is_some() {
                    "is not in the calendar"
                } else {
                    "is not a date in the forms \"2025-12-01\", \"1 December 2025\" or \"December 1, 2025\""
                }
            }
            ("date", _) => "is not a date",
            (_, Value::String(s)) if !collapse(s).is_empty() => continue,
            (_, Value::Number(_)) if key != "title" => continue,
            ("title", _) => "is not a text, so the title was taken from the statement",
            _ => "is not a text, so it was not used",
        };
        out.push((
            front_line(text, key),
            format!("front matter `{key}` {shown} {why}"),
        ));
    }
    out
}

/// The 1-based line of `key:` in the front matter opening `text` (the
/// opening `---` is line 1); line 1 when it is not found there.
fn front_line(text: &str, key: &str) -> usize {
    text.trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .skip(1)
        .take_while(|(_, l)| !matches!(l.trim_end(), "---" | "..."))
        .find(|(_, l)| {
            l.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
        .map_or(1, |(i, _)| i + 1)
}

/// A string value of the front matter, under the first of `keys` it has.
fn front_str(front: Option<&serde_yaml::Value>, keys: &[&str]) -> Option<String> {
    let front = front?;
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
                .filter(|_| !a.untitled)
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
                untitled: a.untitled,
                section: a.section.into_iter().map(NonEmpty).collect(),
                intro: a.intro.into_iter().map(NonEmpty).collect(),
                outro: a.outro.into_iter().map(NonEmpty).collect(),
                topics: Vec::new(),
                leads: a
                    .leads
                    .into_iter()
                    .map(|(before, text)| LeadSpec {
                        before: before + 1,
                        text: NonEmpty(text),
                    })
                    .collect(),
                after_areas: a
                    .after_areas
                    .into_iter()
                    .map(|c| CommitmentSpec::Text(NonEmpty(c)))
                    .collect(),
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
/// the meeting with every difference between the tree and its source.
fn check(
    name: &str,
    yaml: &str,
    source: &str,
    markup: Markup,
) -> Result<(model::Meeting, Vec<String>), Problem> {
    let (_, meeting, warnings) = parse_statement(name, yaml, &SourceLookup::Given(source.to_string()))
        .map_err(|p| {
            Problem::error(
                name,
                format!("the statement file made from this text does not load (an importer bug): {p}"),
            )
        })?;
    let mut drift: Vec<String> = warnings.iter().map(|w| w.message.clone()).collect();
    let tree = fidelity::tree_text(&meeting);
    if drift.is_empty() && tree != fidelity::normalise_source(source, markup).text {
        drift.push("the tree's text differs from the source's text".into());
    }
    // Where the first check found something, the second reading (see
    // `import`) says where too.
    if !drift.is_empty()
        && let Err(m) = second_reading::compare(&tree, source, markup)
    {
        drift.push(format!("line {}: {m}", m.line));
    }
    Ok((meeting, drift))
}

#[cfg(test)]
mod tests;
