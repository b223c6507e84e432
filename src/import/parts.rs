//! From units to the parts of a statement: the preamble, the areas with
//! their commitments, and the closing.

use super::Note;
use super::sentences;
use super::structure::{Kind, Unit};
use super::text;
use crate::loader::fidelity::excerpt;

/// One area: its title and its commitments, in source order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AreaParts {
    /// The heading or bold lead-in, as written.
    pub title: String,
    /// Whether the source gives it no heading (`title` is a placeholder).
    pub untitled: bool,
    /// The sections it stands in, outermost first.
    pub section: Vec<String>,
    /// Paragraphs before its first item.
    pub intro: Vec<String>,
    /// One per list item, line or sentence.
    pub commitments: Vec<String>,
    /// The sentence after the commitments that leads into a list of areas.
    pub outro: Vec<String>,
    /// Lead-ins between the commitments, each before the commitment of its index.
    pub leads: Vec<(usize, String)>,
    /// Commitments after the areas of its own section (text of its own after a list of lead-in areas).
    pub after_areas: Vec<String>,
}

/// The statement cut into its parts.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Parts {
    /// Paragraphs before the first area.
    pub preamble: Vec<String>,
    /// The areas.
    pub areas: Vec<AreaParts>,
    /// Paragraphs after the last area.
    pub closing: Vec<String>,
    /// The signature block.
    pub signatories: Vec<String>,
}

/// An area being gathered.
struct Open {
    title: String,
    lead_body: Option<String>,
    content: Vec<Unit>,
}

/// Words that open a sentence with its own subject, unlike the items of a
/// list that completes a lead-in ("The EU and Singapore: / Intend to ...").
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

/// Gathers units into preamble, areas and closing.
pub fn assemble(mut units: Vec<Unit>, notes: &mut Vec<Note>) -> Parts {
    let lead_areas = lead_ins_are_areas(&units);
    if !lead_areas {
        for u in &mut units {
            if matches!(u.kind, Kind::LeadIn { .. }) {
                u.kind = Kind::Item;
            }
        }
    }
    let is_header = |u: &Unit| u.is_heading() || matches!(u.kind, Kind::LeadIn { .. });
    let headers: Vec<bool> = units.iter().map(is_header).collect();
    let mut parts = Parts::default();
    let mut areas: Vec<Open> = Vec::new();
    let mut pending: Vec<Unit> = Vec::new();
    let mut preamble: Vec<Unit> = Vec::new();
    for (i, u) in units.into_iter().enumerate() {
        if !headers[i] {
            match areas.last_mut() {
                Some(a) => a.content.push(u),
                None => preamble.push(u),
            }
            continue;
        }
        let empty = u.is_heading() && headers.get(i + 1).is_none_or(|&h| h);
        if empty {
            // A heading over other headings: it has no place of its own in
            // the tree, so it opens the preamble or the next area's title.
            if areas.is_empty() {
                preamble.push(u);
            } else {
                pending.push(u);
            }
            continue;
        }
        let (title, lead_body) = match u.kind {
            Kind::LeadIn { title, body } => (title, Some(body)),
            _ => (u.text, None),
        };
        let mut full = String::new();
        for g in pending.drain(..) {
            notes.push(Note::at(
                g.line,
                format!(
                    "heading \"{}\" has no text of its own before the next heading; it starts the next area's title",
                    excerpt(&g.text)
                ),
            ));
            full.push_str(&g.text);
            full.push(' ');
        }
        full.push_str(&title);
        areas.push(Open {
            title: full,
            lead_body,
            content: Vec::new(),
        });
    }
    let predicate = predicate_subject(&preamble, &areas);
    parts.preamble = preamble.into_iter().map(|u| u.text).collect();
    if let Some(last) = areas.pop() {
        let (last, closing) = split_closing(last, &areas, predicate.as_deref());
        areas.push(last);
        parts.closing = closing;
    }
    parts.closing.extend(pending.into_iter().map(|u| u.text));
    parts.areas = areas
        .into_iter()
        .map(|a| AreaParts {
            commitments: commitments(&a, predicate.is_some()),
            title: a.title,
            ..AreaParts::default()
        })
        .collect();
    parts
}

/// Bold lead-ins name areas (as in the U.S.-Singapore statement) unless the
/// document has headings with text of their own: then they are items.
fn lead_ins_are_areas(units: &[Unit]) -> bool {
    let mut under_heading = false;
    for u in units {
        match u.kind {
            Kind::Heading => under_heading = true,
            Kind::Para | Kind::Item if under_heading => return false,
            _ => {}
        }
    }
    true
}

/// When the text before the first area ends with a lead-in such as "The EU
/// and Singapore:" and the areas' paragraphs complete it ("Intend to ..."),
/// each paragraph is one commitment. Returns the lead-in's subject.
fn predicate_subject(preamble: &[Unit], areas: &[Open]) -> Option<String> {
    let lead = preamble.last().filter(|u| u.kind == Kind::Para)?;
    if !text::ends_with_colon(&lead.text) || areas.first().is_none_or(|a| a.lead_body.is_some()) {
        return None;
    }
    let paras: Vec<&Unit> = areas
        .iter()
        .flat_map(|a| &a.content)
        .filter(|u| u.kind == Kind::Para)
        .collect();
    let predicates = paras.iter().filter(|u| !starts_with_subject(&u.text)).count();
    if paras.is_empty() || predicates * 2 < paras.len() {
        return None;
    }
    let subject = lead.text.trim_end_matches(text::CLOSERS).trim_end_matches(':');
    Some(subject.to_string())
}

fn first_word(s: &str) -> String {
    let w = s.split_whitespace().next().unwrap_or("");
    w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()
}

fn starts_with_subject(s: &str) -> bool {
    SUBJECT_STARTS.contains(&first_word(s).as_str())
}

/// Splits the closing paragraphs off the last area.
fn split_closing(mut area: Open, others: &[Open], subject: Option<&str>) -> (Open, Vec<String>) {
    let c = &area.content;
    let unindented_para = |u: &Unit| u.kind == Kind::Para && u.indent == 0;
    let start = if area.lead_body.is_some() {
        c.iter().position(unindented_para)
    } else if let Some(k) = c.iter().rposition(|u| u.kind == Kind::Item) {
        c.iter().skip(k + 1).position(unindented_para).map(|j| j + k + 1)
    } else if let Some(subject) = subject {
        let subject = subject.to_lowercase();
        c.iter()
            .skip(1)
            .position(|u| {
                let t = u.text.to_lowercase();
                (subject.split_whitespace().count() <= 8 && t.starts_with(&subject))
                    || starts_with_subject(&t)
            })
            .map(|j| j + 1)
    } else if c.len() >= 2 {
        let para_areas: Vec<&Open> = others
            .iter()
            .filter(|a| a.lead_body.is_none() && a.content.iter().all(|u| u.kind == Kind::Para))
            .collect();
        let one_paragraph_each = para_areas.len() >= 2 && para_areas.iter().all(|a| a.content.len() == 1);
        if one_paragraph_each {
            Some(1)
        } else {
            c.last()
                .filter(|u| CLOSING_PHRASES.iter().any(|p| u.text.to_lowercase().contains(p)))
                .map(|_| c.len() - 1)
        }
    } else {
        None
    };
    let closing = match start {
        Some(s) => area.content.split_off(s).into_iter().map(|u| u.text).collect(),
        None => Vec::new(),
    };
    (area, closing)
}

/// The commitments of an area: a list item or a predicate paragraph is one;
/// any other paragraph gives one per sentence.
fn commitments(a: &Open, predicate: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(body) = &a.lead_body {
        out.extend(sentences::split(body).into_iter().map(str::to_string));
    }
    for u in &a.content {
        match u.kind {
            Kind::Para if !predicate => out.extend(sentences::split(&u.text).into_iter().map(str::to_string)),
            _ => out.push(u.text.clone()),
        }
    }
    out
}
