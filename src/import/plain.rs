//! Plain text (the EU style) read into the block model that markdown is
//! read into ([`crate::loader::markdown::Block`]), so that one structure
//! detection ([`super::outline`]) works on both.
//!
//! A plain text has no markup to say what a block is, so this reader
//! decides from the layout of the lines, as a reader of the page would:
//! - paragraphs are blank-line separated, or one per line where the text is
//!   not hard-wrapped; a line is the hard-wrapped continuation of the one
//!   before when that one stops mid-sentence or fills the wrap width;
//! - list items are lines opening with a bullet or a number (`•`, `-`,
//!   `1.`, `(a)`), with the lines indented under them;
//! - headings are short standalone lines without final punctuation (or
//!   title-case lines ending in a colon, or numbered short lines), kept only
//!   when text or another heading follows them;
//! - "Quantum: The two sides ...", repeated, are list items with a lead-in;
//! - the lines that complete a lead-in ending the preamble ("The EU and
//!   Singapore:" over "Intend to ...") are list items that lost their bullets;
//! - the paragraphs after the last area that close the statement are marked
//!   as its closing, where the layout says so (see [`closing_start`]).
//!
//! Every block's text is the fidelity normaliser's text of its lines
//! ([`fidelity::strip_line_markup`]), so what the importer builds from the
//! blocks compares equal to the source by construction.

use super::Note;
use super::outline::Numbering;
use super::text;
use crate::loader::fidelity::{self, Markup, collapse, excerpt};
use crate::loader::markdown::{Block, Kind};

/// A plain-text statement as blocks.
#[derive(Debug, Default)]
pub struct Document {
    /// The title, the date line if there is one, then the body, in source order.
    pub blocks: Vec<Block>,
    /// The index in `blocks` where the statement's closing starts
    /// (`blocks.len()` when the reader saw none).
    pub closing: usize,
}

/// The kind of list marker that opens a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// `-`, `*`, `+`, `•` and the like.
    Bullet,
    /// `1.`, `(2)`, `3)`.
    Number,
    /// `a)`, `(b)`, `C.`, `iv.`, `XII.`.
    Alpha,
}

/// One source line.
#[derive(Debug, Clone)]
struct Line {
    /// 1-based line number in the file.
    number: u32,
    /// Leading white space, in columns (a tab counts four).
    indent: usize,
    /// The list marker that opens the line, if any.
    marker: Option<Marker>,
    /// How the marker numbers the line, when it is a number or letter.
    numbering: Option<Numbering>,
    /// The marker's label, when that is one letter (`H.`, `(i)`).
    letter: Option<char>,
    /// What follows the list marker.
    body: String,
    /// The line's text as the fidelity rule reads it, white space collapsed.
    text: String,
}

impl Line {
    /// Whether the line holds no text (white space, or only an end mark).
    fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// The lines of `text`, cut as the fidelity normaliser cuts them.
fn lines(text: &str) -> Vec<Line> {
    fidelity::split_source(text, Markup::Plain)
        .lines
        .into_iter()
        .map(|(number, raw)| {
            let indent = raw
                .chars()
                .take_while(|c| c.is_whitespace())
                .map(|c| if c == '\t' { 4 } else { 1 })
                .sum();
            let rest = raw.trim();
            let marker_len = fidelity::list_marker_len(rest);
            let marker = marker_len.map(|n| marker_kind(&rest[..n]));
            let numbering = marker_len
                .filter(|_| matches!(marker, Some(Marker::Number | Marker::Alpha)))
                .map(|n| Numbering::of(&rest[..n]));
            let letter = marker_len.and_then(|n| {
                let mut label = rest[..n].trim_matches(['(', ')', '.']).chars();
                match (label.next(), label.next()) {
                    (Some(c), None) if c.is_ascii_alphabetic() => Some(c),
                    _ => None,
                }
            });
            Line {
                number,
                indent,
                marker,
                numbering,
                letter,
                body: fidelity::strip_list_marker(rest).to_string(),
                text: collapse(&fidelity::strip_line_markup(raw, Markup::Plain)),
            }
        })
        .collect()
}

fn marker_kind(marker: &str) -> Marker {
    let label = marker.trim_matches(['(', ')', '.']);
    if label.bytes().all(|b| b.is_ascii_digit()) {
        Marker::Number
    } else if label.bytes().all(|b| b.is_ascii_alphabetic()) {
        Marker::Alpha
    } else {
        Marker::Bullet
    }
}

/// Reads a plain-text statement into blocks, with notes on what was unsure.
/// `None` when it holds no text.
pub fn read(text: &str, notes: &mut Vec<Note>) -> Option<Document> {
    let lines = lines(text);
    if looks_like_markdown(&lines) {
        notes.push(Note::whole(
            "this looks like markdown but was read as plain text, as its name does not end in .md; \
             rename it to have its headings and bold lead-ins recognised",
        ));
    }
    let (mut blocks, start) = head(&lines, notes)?;
    let body = &lines[start..];
    let mut units = units(body, wrap_width(body), notes);
    let closing = closing_start(&mut units);
    let closing = blocks.len() + closing;
    blocks.extend(units.into_iter().map(Unit::into_block));
    Some(Document { blocks, closing })
}

/// Whether a text read as plain looks like markdown (front matter, `#`
/// headings or `**` emphasis), so that its name, not its content, decided.
fn looks_like_markdown(lines: &[Line]) -> bool {
    lines
        .first()
        .is_some_and(|l| l.body.trim_end() == "---" && l.marker.is_none())
        || lines.iter().take(2000).any(|l| {
            let t = l.body.trim_start();
            t.starts_with("# ") || t.starts_with("## ") || t.starts_with("**") || t.starts_with("__")
        })
}

/// The title block (the first line, with the lines it wraps onto) and the
/// date line's block under it; and the index of the first line after them.
fn head(lines: &[Line], notes: &mut Vec<Note>) -> Option<(Vec<Block>, usize)> {
    let next_filled = |from: usize| (from..lines.len()).find(|&i| !lines[i].is_blank());
    let first = next_filled(0)?;
    let mut title = Unit::new(UKind::Para, &lines[first]);
    let mut i = first + 1;
    while i < lines.len()
        && i < first + 3
        && !text::ends_terminal(&lines[i - 1].text)
        && wraps_title(&lines[i])
    {
        title.append(&lines[i]);
        i += 1;
    }
    if text::word_count(&title.text) > 40 {
        notes.push(Note::at(
            lines[first].number as usize,
            "the text has no short title line; its first line was taken as the title",
        ));
    }
    let mut blocks = vec![title.into_block()];
    if let Some(j) = next_filled(i)
        && super::meta::date_line(&lines[j].text).is_some()
    {
        blocks.push(Unit::new(UKind::Para, &lines[j]).into_block());
        i = j + 1;
    }
    Some((blocks, i))
}

/// Whether a line continues a title wrapped over several lines.
fn wraps_title(line: &Line) -> bool {
    let t = &line.text;
    !line.is_blank()
        && line.marker.is_none()
        && text::word_count(t) <= 12
        && super::meta::date_line(t).is_none()
        && (text::is_title_case(t) || text::is_all_caps(t))
}

/// What a unit of lines is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UKind {
    Heading,
    Item,
    /// An item or paragraph opening with a lead-in of this byte length
    /// ("Quantum:", colon included: plain text has no markup to take it out).
    Lead(usize),
    Para,
}

/// How sure a heading is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Guess {
    /// A whole `**bold**` line: a heading whatever follows.
    Sure,
    /// A short numbered line ("1. Quantum", "II. DATA").
    Numbered,
    /// A short line without final punctuation.
    Short { title_case: bool },
    /// A short title-case line ending with a colon.
    Colon,
}

/// A heading, list item or paragraph being gathered from lines.
#[derive(Debug, Clone)]
struct Unit {
    kind: UKind,
    line: u32,
    last_line: u32,
    indent: usize,
    text: String,
    /// Where each line's text starts in `text`, with the line.
    line_at: Vec<(usize, u32)>,
    guess: Option<Guess>,
    /// For a lead-in without bold, what the unit is if the document has no
    /// other such lead-in.
    plain_lead: Option<UKind>,
    /// How its first line's marker numbers it.
    numbering: Option<Numbering>,
    /// Its marker's label, when that is one letter (`H`, `i`).
    letter: Option<char>,
}

impl Unit {
    fn new(kind: UKind, line: &Line) -> Unit {
        Unit {
            kind,
            line: line.number,
            last_line: line.number,
            indent: line.indent,
            text: line.text.clone(),
            line_at: vec![(0, line.number)],
            guess: None,
            plain_lead: None,
            numbering: line.numbering,
            letter: line.letter,
        }
    }

    fn is_heading(&self) -> bool {
        self.kind == UKind::Heading
    }

    /// Adds the text of a line that continues the unit.
    fn append(&mut self, line: &Line) {
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        self.line_at.push((self.text.len(), line.number));
        self.text.push_str(&line.text);
        self.last_line = line.number;
    }

    fn into_block(self) -> Block {
        let (kind, lead) = match self.kind {
            // Ranked as bold headings are ([`super::outline`]): a roman
            // numeral over a letter over an unnumbered heading over a number.
            UKind::Heading => {
                let level = match self.numbering {
                    Some(Numbering::Roman) => 2,
                    Some(Numbering::Letter) => 3,
                    None => 4,
                    Some(Numbering::Number) => 5,
                };
                (Kind::Heading(level), None)
            }
            UKind::Item => (Kind::Item { depth: 0 }, None),
            // A lead-in names an area as a bold lead-in item does.
            UKind::Lead(n) => (Kind::Item { depth: 0 }, Some(n)),
            UKind::Para => (Kind::Para, None),
        };
        Block {
            kind,
            first_line: self.line,
            last_line: self.last_line,
            text: self.text,
            line_at: self.line_at,
            strong: false,
            emphasis: false,
            underline: false,
            lead,
            mark: None,
            links: Vec::new(),
        }
    }
}

/// The width at which the text is hard-wrapped, if it is: the widest of the
/// lines cut mid-sentence and followed by a line no longer than themselves
/// (a heading is followed by longer lines; a wrapped line by its like).
fn wrap_width(lines: &[Line]) -> Option<usize> {
    let width = |l: &Line| l.text.chars().count();
    let cuts: Vec<usize> = lines
        .windows(2)
        .filter(|w| {
            !w[0].is_blank()
                && !w[1].is_blank()
                && w[1].marker.is_none()
                && !text::ends_terminal(&w[0].text)
                && width(&w[1]) <= width(&w[0]) + width(&w[0]) / 4 + 4
        })
        .map(|w| width(&w[0]))
        .collect();
    if cuts.len() >= 3 {
        cuts.into_iter().max()
    } else {
        None
    }
}

/// Gathers `lines` into units, with notes on the headings it is unsure of.
/// `wrap_width` is the width of a hard-wrapped text, `None` otherwise.
fn units(lines: &[Line], wrap_width: Option<usize>, notes: &mut Vec<Note>) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut blank_before = true;
    let mut prev_terminal = true;
    let mut prev_width = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            blank_before = true;
            continue;
        }
        let bold = bold_line(line);
        // A short line that runs on in lower case was the start of a paragraph.
        let runs_on = !blank_before
            && units
                .last()
                .is_some_and(|u| matches!(u.guess, Some(Guess::Short { .. })))
            && line.marker.is_none()
            && line.text.starts_with(char::is_lowercase);
        if runs_on && let Some(u) = units.last_mut() {
            u.kind = UKind::Para;
            u.guess = None;
        }
        let open = units
            .last()
            .filter(|u| u.guess.is_none() && u.kind != UKind::Heading);
        let continues = open.is_some_and(|u| {
            let unmarked = line.marker.is_none();
            let listed = matches!(u.kind, UKind::Item | UKind::Lead(_));
            !blank_before
                && !bold
                && (runs_on
                    || (!prev_terminal && (unmarked || line.marker == Some(Marker::Alpha)))
                    || (unmarked && listed && line.indent > 0)
                    || (unmarked && full_line(prev_width, wrap_width) && !is_short_caps(line)))
        });
        prev_terminal = text::ends_terminal(&line.text);
        prev_width = line.text.chars().count();
        let block_start = blank_before
            || units
                .last()
                .is_none_or(|u| u.is_heading() || u.guess.is_some() || text::ends_terminal(&u.text));
        blank_before = false;
        if continues {
            if let Some(u) = units.last_mut() {
                u.append(line);
            }
            continue;
        }
        // In hard-wrapped text the first line of a paragraph is about as
        // wide as the others: a heading is clearly shorter, or stands alone.
        let alone = lines.get(i + 1).is_none_or(Line::is_blank);
        let t = &line.text;
        let may_head = block_start
            && !text::ends_open(t)
            && wrap_width.is_none_or(|w| {
                let titled = text::is_title_case(t);
                alone
                    || text::is_all_caps(t)
                    || (titled && (t.chars().count() * 10 <= w * 6 || line.marker.is_some()))
            });
        let (kind, guess) = classify(line, bold, may_head);
        let lead = plain_lead_in(&line.text);
        let mut unit = Unit::new(kind, line);
        unit.guess = guess;
        if let Some(n) = lead
            && block_start
            && matches!(kind, UKind::Item | UKind::Para)
        {
            unit.plain_lead = Some(kind);
            unit.kind = UKind::Lead(n);
        }
        units.push(unit);
    }
    confirm(&mut units, notes);
    // One "Note: ..." is a sentence; a run of them names areas.
    let plain_leads = units.iter().filter(|u| u.plain_lead.is_some()).count();
    for u in &mut units {
        if let Some(kind) = u.plain_lead.take()
            && plain_leads < 2
        {
            u.kind = kind;
        }
    }
    units
}

/// "Artificial Intelligence (AI): The United States ...": a short title-case
/// lead-in ending with a colon, then a sentence. Returns the lead-in's byte
/// length, colon included: the source has no markup to say it is not text.
fn plain_lead_in(text: &str) -> Option<usize> {
    let colon = text.find(": ")?;
    let (title, body) = (&text[..=colon], &text[colon + 2..]);
    let words = text::word_count(title);
    let lead = &title[..colon];
    let ok = (1..=8).contains(&words)
        && !lead.contains(['.', ';', ':', '!', '?'])
        && (text::is_title_case(lead) || text::is_all_caps(lead))
        && text::starts_capitalised(body)
        && text::word_count(body) >= 3;
    ok.then_some(colon + 1)
}

/// A line that is wholly `**bold**` (markdown in a text read as plain): a heading.
fn bold_line(line: &Line) -> bool {
    let b = line.body.as_str();
    let Some(delim) = ["**", "__"].into_iter().find(|d| b.starts_with(d)) else {
        return false;
    };
    let Some(close) = b[2..].find(delim).map(|c| c + 2) else {
        return false;
    };
    let after = b[close + 2..].trim();
    after.is_empty() || after == ":"
}

/// Whether a line of `width` filled a hard-wrapped line, so that the
/// next line goes on with it even after a full stop.
fn full_line(width: usize, wrap_width: Option<usize>) -> bool {
    wrap_width.is_some_and(|w| width * 10 >= w * 6 && width <= w + 10)
}

/// A short line in capitals, which a hard-wrapped paragraph does not hold.
fn is_short_caps(line: &Line) -> bool {
    text::is_all_caps(&line.text) && text::word_count(&line.text) <= 12
}

/// What a line that starts a unit is, and how sure a heading it is.
fn classify(line: &Line, bold: bool, block_start: bool) -> (UKind, Option<Guess>) {
    if bold {
        return (UKind::Heading, Some(Guess::Sure));
    }
    let t = line.text.as_str();
    let words = text::word_count(t);
    let short = block_start && words <= 12 && t.chars().count() <= 100 && text::starts_capitalised(t);
    match line.marker {
        Some(Marker::Number | Marker::Alpha) if short && !text::ends_terminal(t) => {
            (UKind::Heading, Some(Guess::Numbered))
        }
        Some(_) => (UKind::Item, None),
        None if short && !text::ends_terminal(t) => {
            let title_case = text::is_title_case(t) || text::is_all_caps(t);
            if title_case || words <= 8 {
                (UKind::Heading, Some(Guess::Short { title_case }))
            } else {
                (UKind::Para, None)
            }
        }
        None if short && words <= 10 && text::ends_with_colon(t) && text::is_title_case(t) => {
            (UKind::Heading, Some(Guess::Colon))
        }
        None => (UKind::Para, None),
    }
}

/// Keeps a guessed heading only if text or another heading follows it; a
/// run of short numbered lines is a list, and a colon line before a heading
/// is the lead-in of what follows ("The EU and Singapore:"). A numbered
/// line over a kept numbered heading of a lower numbering ("I. Key
/// Outcomes" over "A. Artificial Intelligence") heads a section, and the
/// two are no list: a list numbers its lines alike.
fn confirm(units: &mut [Unit], notes: &mut Vec<Note>) {
    // From the end: whether a numbered line heads a section depends on
    // whether the heading after it is kept.
    let mut keep = vec![false; units.len()];
    for i in (0..units.len()).rev() {
        let Some(guess) = units[i].guess else { continue };
        let next = units.get(i + 1);
        let content_follows = next.is_some_and(|n| n.guess.is_none() && n.kind != UKind::Heading);
        let heading_follows = next.is_some_and(|n| n.kind == UKind::Heading && n.guess != Some(Guess::Colon));
        let numbered = |u: &Unit| u.guess == Some(Guess::Numbered);
        let in_list =
            numbered(&units[i]) && i > 0 && numbered(&units[i - 1]) && alike(&units[i - 1], &units[i]);
        // A kept heading under it, numbered otherwise or not numbered: "I."
        // over "A.", "C. Trade" over "Investment Screening".
        let heads = next.is_some_and(|n| n.kind == UKind::Heading && keep[i + 1] && !alike(&units[i], n));
        keep[i] = match guess {
            Guess::Sure => true,
            Guess::Numbered => (content_follows || heads) && !in_list,
            Guess::Short { .. } => content_follows || heading_follows,
            Guess::Colon => content_follows,
        };
    }
    for (u, keep) in units.iter_mut().zip(keep) {
        let Some(guess) = u.guess.take() else { continue };
        if keep {
            if guess == (Guess::Short { title_case: false }) {
                notes.push(Note::at(
                    u.line as usize,
                    format!(
                        "\"{}\" was taken as a heading (a short line without final punctuation); check that area",
                        excerpt(&u.text)
                    ),
                ));
            }
            continue;
        }
        u.kind = if guess == Guess::Numbered {
            UKind::Item
        } else {
            UKind::Para
        };
    }
}

/// Whether two numbered lines number alike, as the items of one list do:
/// the same numbering, or a lone letter and the next ("H." then "I.", read
/// as a roman one alone).
fn alike(a: &Unit, b: &Unit) -> bool {
    let next_letter = match (a.letter, b.letter) {
        (Some(x), Some(y)) => u32::from(y) == u32::from(x) + 1,
        _ => false,
    };
    (a.numbering.is_some() && a.numbering == b.numbering) || next_letter
}

/// Words that open a sentence with its own subject, unlike the lines that
/// complete a lead-in ("The EU and Singapore: / Intend to ...").
const SUBJECT_STARTS: &[&str] = &[
    "the",
    "we",
    "they",
    "both",
    "our",
    "this",
    "these",
    "those",
    "each",
    "all",
    "it",
    "its",
    "their",
    "in",
    "on",
    "at",
    "as",
    "for",
    "by",
    "with",
    "furthermore",
    "additionally",
    "finally",
    "moreover",
    "ministers",
    "leaders",
];

/// Phrases with which statements announce their end.
const CLOSING_PHRASES: &[&str] = &[
    "look forward to",
    "looked forward to",
    "next meeting",
    "next dialogue",
    "next session",
    "meet again",
    "reconvene",
];

fn starts_with_subject(s: &str) -> bool {
    let w = s.split_whitespace().next().unwrap_or("");
    let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    SUBJECT_STARTS.contains(&w.as_str())
}

/// The areas as the layout gives them: for each heading or lead-in that
/// has text under it, the range of units under it.
fn area_ranges(units: &[Unit]) -> Vec<(usize, std::ops::Range<usize>)> {
    let header = |u: &Unit| matches!(u.kind, UKind::Heading | UKind::Lead(_));
    let mut out: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for (i, u) in units.iter().enumerate() {
        if !header(u) {
            if let Some((_, r)) = out.last_mut()
                && r.end == i
            {
                r.end = i + 1;
            }
            continue;
        }
        let has_text = units.get(i + 1).is_some_and(|n| !header(n)) || matches!(u.kind, UKind::Lead(_));
        if has_text {
            out.push((i, i + 1..i + 1));
        }
    }
    out
}

/// Marks what a plain text's layout says about its areas, which markup
/// would have said: where the lines of an area complete the lead-in that
/// ends the preamble ("The EU and Singapore:" over "Intend to ..."), each
/// is a list item that lost its bullet; and the paragraphs after the last
/// area that close the statement. Returns the index of the first unit of
/// the closing (`units.len()` if none). A text without headings is left
/// to the structure detection, which finds its closing.
fn closing_start(units: &mut [Unit]) -> usize {
    let none = units.len();
    if !units.iter().any(Unit::is_heading) {
        return none;
    }
    let areas = area_ranges(units);
    let Some(&(first_head, _)) = areas.first() else {
        return none;
    };
    let Some((last_head, last)) = areas.last().cloned() else {
        return none;
    };
    // The lead-in that the areas' lines complete, if they do.
    let lead = units[..first_head]
        .last()
        .filter(|u| u.kind == UKind::Para && text::ends_with_colon(&u.text))
        .filter(|_| !matches!(units[first_head].kind, UKind::Lead(_)));
    let paras: Vec<&Unit> = areas
        .iter()
        .flat_map(|(_, r)| &units[r.clone()])
        .filter(|u| u.kind == UKind::Para)
        .collect();
    let predicates = paras.iter().filter(|u| !starts_with_subject(&u.text)).count();
    let subject = lead
        .filter(|_| !paras.is_empty() && predicates * 2 >= paras.len())
        .map(|l| {
            l.text
                .trim_end_matches(text::CLOSERS)
                .trim_end_matches(':')
                .to_lowercase()
        });
    let content = &units[last.clone()];
    let unindented_para = |u: &Unit| u.kind == UKind::Para && u.indent == 0;
    let start = if matches!(units[last_head].kind, UKind::Lead(_)) {
        content.iter().position(unindented_para)
    } else if let Some(k) = content.iter().rposition(|u| u.kind == UKind::Item) {
        content[k + 1..]
            .iter()
            .position(unindented_para)
            .map(|j| j + k + 1)
    } else if let Some(subject) = &subject {
        content
            .iter()
            .skip(1)
            .position(|u| {
                let t = u.text.to_lowercase();
                (subject.split_whitespace().count() <= 8 && t.starts_with(subject.as_str()))
                    || starts_with_subject(&t)
            })
            .map(|j| j + 1)
    } else if content.len() >= 2 {
        let others = &areas[..areas.len() - 1];
        let para_areas: Vec<&std::ops::Range<usize>> = others
            .iter()
            .filter(|(h, r)| {
                !matches!(units[*h].kind, UKind::Lead(_))
                    && units[r.clone()].iter().all(|u| u.kind == UKind::Para)
            })
            .map(|(_, r)| r)
            .collect();
        let one_paragraph_each = para_areas.len() >= 2 && para_areas.iter().all(|r| r.len() == 1);
        if one_paragraph_each {
            Some(1)
        } else {
            content
                .last()
                .filter(|u| CLOSING_PHRASES.iter().any(|p| u.text.to_lowercase().contains(p)))
                .map(|_| content.len() - 1)
        }
    } else {
        None
    };
    let closing = start.map_or(none, |s| last.start + s);
    if subject.is_some() {
        for (_, r) in &areas {
            for u in &mut units[r.start..r.end.min(closing)] {
                if u.kind == UKind::Para {
                    u.kind = UKind::Item;
                }
            }
        }
    }
    closing
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> Document {
        read(text, &mut Vec::new()).unwrap_or_default()
    }

    #[test]
    fn lines_keep_their_shape_and_text() {
        let l = lines("\u{feff}Title\r\n\u{a0} \r\n  • One\u{a0} two\r\n");
        assert_eq!(l[0].text, "Title");
        assert!(l[1].is_blank());
        assert_eq!((l[2].number, l[2].indent), (3, 2));
        assert_eq!(l[2].marker, Some(Marker::Bullet));
        assert_eq!(l[2].text, "One two");
    }

    #[test]
    fn wrapped_lines_make_one_block_with_their_lines() {
        let d = read_all(
            "A TITLE\nNew Delhi, February 28, 2025\n\nThe meeting took place on a day\nin spring. It was good.\n\n\
             I. HEADING\n• First item that wraps\n  onto a second line.\n• Second item.\n",
        );
        let got: Vec<(Kind, &str, u32, u32)> = d
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str(), b.first_line, b.last_line))
            .collect();
        assert_eq!(
            got,
            [
                (Kind::Para, "A TITLE", 1, 1),
                (Kind::Para, "New Delhi, February 28, 2025", 2, 2),
                (
                    Kind::Para,
                    "The meeting took place on a day in spring. It was good.",
                    4,
                    5
                ),
                (Kind::Heading(2), "HEADING", 7, 7),
                (
                    Kind::Item { depth: 0 },
                    "First item that wraps onto a second line.",
                    8,
                    9
                ),
                (Kind::Item { depth: 0 }, "Second item.", 10, 10),
            ]
        );
        assert_eq!(d.blocks[4].line_of(30), 9);
        assert_eq!(d.closing, d.blocks.len());
    }

    #[test]
    fn lines_completing_the_preambles_lead_in_are_items_and_the_closing_is_marked() {
        let d = read_all(
            "Title\n1 May 2025\nThe EU and Singapore:\nQuantum\nIntend to meet. And talk.\nExplore more.\n\
             The EU and Singapore look forward to the next meeting.\n",
        );
        let kinds: Vec<Kind> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Para,
                Kind::Para,
                Kind::Para,
                Kind::Heading(4),
                Kind::Item { depth: 0 },
                Kind::Item { depth: 0 },
                Kind::Para,
            ]
        );
        assert_eq!(d.closing, 6);
    }

    #[test]
    fn a_run_of_plain_lead_ins_names_areas() {
        let d = read_all(
            "Title\n1 May 2025\n• AI Safety: The two sides will test.\n• Quantum: We will meet soon.\n",
        );
        let leads: Vec<Option<(&str, &str)>> = d.blocks.iter().map(Block::lead_split).collect();
        assert_eq!(
            leads,
            [
                None,
                None,
                Some(("AI Safety:", "The two sides will test.")),
                Some(("Quantum:", "We will meet soon.")),
            ]
        );
    }
}
