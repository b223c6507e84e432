//! From lines to units (headings, list items, paragraphs, bold lead-ins),
//! joining hard-wrapped lines; then deciding which short lines are headings.

use super::Note;
use super::text::{self, Line, Marker};
use crate::loader::fidelity::excerpt;

/// What a unit is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A heading: markdown `#`, a bold line, or a short line confirmed by what follows.
    Heading,
    /// A list item: one commitment.
    Item,
    /// A bullet or paragraph that opens with a bold lead-in naming its area.
    LeadIn {
        /// The lead-in, without its colon.
        title: String,
        /// The rest of the text.
        body: String,
    },
    /// A paragraph.
    Para,
}

/// How sure a heading is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Guess {
    /// Markdown `#` or a whole bold line: a heading whatever follows.
    Sure,
    /// A short numbered line ("1. Quantum", "II. DATA").
    Numbered,
    /// A short line without final punctuation.
    Short { title_case: bool },
    /// A short title-case line ending with a colon.
    Colon,
}

/// A heading, list item or paragraph, with the text of all its lines.
#[derive(Debug, Clone)]
pub struct Unit {
    /// What it is.
    pub kind: Kind,
    /// Its first line.
    pub line: usize,
    /// Indentation of its first line.
    pub indent: usize,
    /// Markdown heading level; 0 for anything but a `#` heading.
    pub level: usize,
    /// For a lead-in without bold ("Quantum: The two sides ..."), what the
    /// unit is if the document has no other such lead-in.
    plain_lead: Option<Kind>,
    /// Its text, markup removed, white space collapsed.
    pub text: String,
    guess: Option<Guess>,
}

impl Unit {
    /// Whether this unit is a heading.
    pub fn is_heading(&self) -> bool {
        self.kind == Kind::Heading
    }
}

/// The width at which the text is hard-wrapped, if it is: the widest of the
/// lines cut mid-sentence and followed by a line no longer than themselves
/// (a heading is followed by longer lines; a wrapped line by its like).
pub fn wrap_width(lines: &[Line]) -> Option<usize> {
    let width = |l: &Line| l.text.chars().count();
    let cuts: Vec<usize> = lines
        .windows(2)
        .filter(|w| {
            !w[0].is_blank()
                && !w[1].is_blank()
                && w[1].marker.is_none()
                && w[1].hashes == 0
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

/// Builds the units of `lines`, with notes on the headings it is unsure of.
/// `wrap_width` is the width of a hard-wrapped text, `None` otherwise.
pub fn units(lines: &[Line], wrap_width: Option<usize>, notes: &mut Vec<Note>) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut blank_before = true;
    let mut prev_terminal = true;
    let mut prev_width = 0;
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            blank_before = true;
            continue;
        }
        let bold = bold_parts(line);
        // A short line that runs on in lower case was the start of a paragraph.
        let runs_on = !blank_before
            && units
                .last()
                .is_some_and(|u| matches!(u.guess, Some(Guess::Short { .. })))
            && line.marker.is_none()
            && line.hashes == 0
            && line.text.starts_with(char::is_lowercase);
        if runs_on && let Some(u) = units.last_mut() {
            u.kind = Kind::Para;
            u.guess = None;
        }
        let open = units
            .last()
            .filter(|u| u.guess.is_none() && u.kind != Kind::Heading);
        let continues = open.is_some_and(|u| {
            let plain = line.hashes == 0 && bold.is_none();
            let unmarked = line.marker.is_none();
            let listed = matches!(u.kind, Kind::Item | Kind::LeadIn { .. });
            !blank_before
                && plain
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
                append(&mut u.text, &line.text);
                if let Kind::LeadIn { body, .. } = &mut u.kind {
                    append(body, &line.text);
                }
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
        let plain_lead = match (&kind, plain_lead_in(&line.text)) {
            (Kind::Item, Some(_)) | (Kind::Para, Some(_)) if block_start => Some(kind.clone()),
            _ => None,
        };
        let kind = match (plain_lead.is_some(), plain_lead_in(&line.text)) {
            (true, Some((title, body))) => Kind::LeadIn { title, body },
            _ => kind,
        };
        units.push(Unit {
            kind,
            line: line.number,
            indent: line.indent,
            level: line.hashes,
            text: line.text.clone(),
            guess,
            plain_lead,
        });
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
/// lead-in ending with a colon, then a sentence. The colon stays in the
/// title: the source has no markup to say it is not text.
fn plain_lead_in(text: &str) -> Option<(String, String)> {
    let colon = text.find(": ")?;
    let (title, body) = (&text[..=colon], &text[colon + 2..]);
    let words = text::word_count(title);
    let lead = &title[..colon];
    let ok = (1..=8).contains(&words)
        && !lead.contains(['.', ';', ':', '!', '?'])
        && (text::is_title_case(lead) || text::is_all_caps(lead))
        && text::starts_capitalised(body)
        && text::word_count(body) >= 3;
    ok.then(|| (title.to_string(), body.to_string()))
}

fn append(s: &mut String, more: &str) {
    if !s.is_empty() {
        s.push(' ');
    }
    s.push_str(more);
}

/// A bold span at the start of a markdown line: the lead-in and what follows.
enum Bold {
    /// The whole line is bold.
    Whole,
    /// A bold lead-in, then text.
    LeadIn { title: String, body: String },
}

fn bold_parts(line: &Line) -> Option<Bold> {
    let b = line.body.as_str();
    let delim = ["**", "__"].into_iter().find(|d| b.starts_with(d))?;
    let close = b[2..].find(delim)? + 2;
    let after = b[close + 2..].trim_start_matches(':').trim();
    if after.is_empty() {
        return (b[close + 2..].trim() == ":" || b[close + 2..].trim().is_empty()).then_some(Bold::Whole);
    }
    let lead = &b[2..close];
    let lead = lead.replace("**", "").replace("__", "");
    let lead = lead.strip_suffix(':').unwrap_or(&lead);
    let title = fidelity_words(lead);
    if title.is_empty() || text::word_count(&title) > 12 {
        return None;
    }
    // The lead-in must be exactly the start of the line's text, so that the
    // title and the body together say what the line says.
    let rest = line.text.strip_prefix(title.as_str())?;
    let body = rest.strip_prefix(' ')?;
    Some(Bold::LeadIn {
        title,
        body: body.to_string(),
    })
}

fn fidelity_words(s: &str) -> String {
    crate::loader::fidelity::collapse(s)
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
fn classify(line: &Line, bold: Option<Bold>, block_start: bool) -> (Kind, Option<Guess>) {
    if line.hashes > 0 {
        return (Kind::Heading, Some(Guess::Sure));
    }
    match bold {
        Some(Bold::Whole) => return (Kind::Heading, Some(Guess::Sure)),
        Some(Bold::LeadIn { title, body }) => return (Kind::LeadIn { title, body }, None),
        None => {}
    }
    let t = line.text.as_str();
    let words = text::word_count(t);
    let short = block_start && words <= 12 && t.chars().count() <= 100 && text::starts_capitalised(t);
    match line.marker {
        Some(Marker::Number | Marker::Alpha) if short && !text::ends_terminal(t) => {
            (Kind::Heading, Some(Guess::Numbered))
        }
        Some(_) => (Kind::Item, None),
        None if short && !text::ends_terminal(t) => {
            let title_case = text::is_title_case(t) || text::is_all_caps(t);
            if title_case || words <= 8 {
                (Kind::Heading, Some(Guess::Short { title_case }))
            } else {
                (Kind::Para, None)
            }
        }
        None if short && words <= 10 && text::ends_with_colon(t) && text::is_title_case(t) => {
            (Kind::Heading, Some(Guess::Colon))
        }
        None => (Kind::Para, None),
    }
}

/// Keeps a guessed heading only if text or another heading follows it; a
/// run of short numbered lines is a list, and a colon line before a heading
/// is the lead-in of what follows ("The EU and Singapore:").
fn confirm(units: &mut [Unit], notes: &mut Vec<Note>) {
    for i in 0..units.len() {
        let Some(guess) = units[i].guess else { continue };
        let next = units.get(i + 1);
        let content_follows = next.is_some_and(|n| n.guess.is_none() && n.kind != Kind::Heading);
        let heading_follows = next.is_some_and(|n| n.kind == Kind::Heading && n.guess != Some(Guess::Colon));
        let in_list = guess == Guess::Numbered && i > 0 && units[i - 1].guess == Some(Guess::Numbered);
        let keep = match guess {
            Guess::Sure => true,
            Guess::Numbered => content_follows && !in_list,
            Guess::Short { .. } => content_follows || heading_follows,
            Guess::Colon => content_follows,
        };
        let u = &mut units[i];
        if keep {
            if guess == (Guess::Short { title_case: false }) {
                notes.push(Note::at(
                    u.line,
                    format!(
                        "\"{}\" was taken as a heading (a short line without final punctuation); check that area",
                        excerpt(&u.text)
                    ),
                ));
            }
            continue;
        }
        u.kind = if guess == Guess::Numbered {
            Kind::Item
        } else {
            Kind::Para
        };
    }
    for u in units.iter_mut() {
        u.guess = None;
    }
}
