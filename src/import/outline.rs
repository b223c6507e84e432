//! The structure of a markdown statement, read from its blocks
//! ([`crate::loader::markdown`]) by the conventions of `tests/gold/README.md`:
//! headings (markdown `#` or wholly bold paragraphs) open sections and
//! areas, a list of bold lead-in items is a list of areas, and an area's
//! paragraphs before its first item are its intro.

use super::Note;
use super::parts::{AreaParts, Parts};
use super::sentences;
use super::text;
use crate::loader::fidelity::excerpt;
use crate::loader::markdown::{Block, Kind, is_label};

/// The title a headingless list gets; the source gives it none.
pub const UNTITLED: &str = "(untitled list)";

/// What a block is to the structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A heading of this rank (lower is higher in the outline).
    Heading(u32),
    /// A list item opening with a bold lead-in.
    Lead,
    /// Another list item, at this depth.
    Item(usize),
    /// A paragraph.
    Para,
}

/// The rank of a wholly bold heading, from its numbering: a roman numeral
/// or "Section"/"Annex" is above a letter, a letter above an unnumbered
/// heading (an underlined one above a plain one), and that above a number. Markdown `#` headings rank above all.
fn bold_rank(text: &str, underline: bool) -> u32 {
    let first = text.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    if ["section", "annex", "part", "chapter", "title"].contains(&lower.as_str()) {
        return 7;
    }
    if !is_label(first) {
        // Underlined headings stand above plain bold ones.
        return if underline { 10 } else { 11 };
    }
    match Numbering::of(first) {
        Numbering::Roman => 7,
        Numbering::Letter => 8,
        // Numbered pillars stand under an unnumbered heading over them.
        Numbering::Number => 12,
    }
}

/// How a heading's label numbers it, highest in an outline first: "IV." is
/// above "B." is above "3.".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Numbering {
    /// `I.`, `IV`, `(XII)`.
    Roman,
    /// `A.`, `(b)`; also a lower-case roman numeral, which numbers items.
    Letter,
    /// `1.`, `(2)`.
    Number,
}

impl Numbering {
    /// The numbering of `label` (`II.`, `(a)`, `3`), read as a label.
    /// A single capital other than I, V and X is a letter ("C. Quantum").
    pub fn of(label: &str) -> Numbering {
        let inner = label.trim_matches(['(', ')', '.']);
        if inner.len() == 1
            && inner.bytes().all(|b| b.is_ascii_uppercase())
            && !matches!(inner, "I" | "V" | "X")
        {
            Numbering::Letter
        } else if !inner.is_empty() && inner.bytes().all(|b| b"IVXLC".contains(&b)) {
            Numbering::Roman
        } else if !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit()) {
            Numbering::Number
        } else {
            Numbering::Letter
        }
    }
}

fn role(b: &Block, title: &str) -> Role {
    match b.kind {
        Kind::Heading(level) => {
            // A `#` heading that repeats the title is the document's title.
            if b.text == title {
                Role::Para
            } else {
                Role::Heading(u32::from(level))
            }
        }
        Kind::Para if is_bold_heading(b) => Role::Heading(bold_rank(&b.text, b.underline)),
        // An italic title line ranks below every bold heading.
        Kind::Para if is_italic_heading(b) => Role::Heading(13),
        Kind::Para => Role::Para,
        Kind::Item { .. } if b.lead.is_some() => Role::Lead,
        Kind::Item { depth } => Role::Item(depth),
    }
}

/// A paragraph whose whole text is bold, and short enough for a heading.
/// One that kept its final colon leads into the list after it
/// ([`crate::loader::markdown`] drops the colon of a bold heading).
fn is_bold_heading(b: &Block) -> bool {
    let words = text::word_count(&b.text);
    b.strong && words <= 30 && (!b.text.ends_with('.') || words <= 8) && !b.text.ends_with(':')
}

/// A short paragraph wholly in italics, written as a title (no final
/// punctuation, its longer words capitalised): a sub-heading
/// (`*Post-Quantum Cryptography Coordination*` under `**Quantum**`). An
/// italic sentence or quotation is no heading.
fn is_italic_heading(b: &Block) -> bool {
    let title_case = b
        .text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .all(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        });
    b.emphasis
        && !b.strong
        && text::word_count(&b.text) <= 10
        && b.text.chars().next().is_some_and(char::is_uppercase)
        && !b.text.ends_with(['.', ':', ';', ',', '!', '?', '"', '\u{201d}'])
        && title_case
}

/// The signature block at the end: short lines without final stops, one of
/// them opening "For the ..." (or "FOR ...").
fn signatories(blocks: &[Block]) -> usize {
    let mut start = blocks.len();
    let mut has_for = false;
    while start > 0 {
        let t = &blocks[start - 1].text;
        let short = text::word_count(t) <= 16 && !t.ends_with(['.', ':', ';']);
        if !short || blocks[start - 1].kind != Kind::Para {
            break;
        }
        if t.starts_with("For ") || t.starts_with("FOR ") {
            has_for = true;
        }
        start -= 1;
    }
    if has_for { start } else { blocks.len() }
}

/// A section on the stack: its heading's effective rank and its title.
struct Open {
    rank: u32,
    title: String,
    /// Whether its title is in the tree: an area stands in it, or it is an area's title.
    used: bool,
}

/// Pops the sections ranked at or below `eff`; the titles of those no area
/// stood in go into the tree as text, in source order, so nothing is lost.
/// Such a title is text of the preamble or of the last area, which comes
/// before any section still open; so the open sections no area stood in
/// either (they came before it in the source) go into the text with it, or
/// the reader would meet it before them.
fn pop_to(stack: &mut Vec<Open>, eff: u32, parts: &mut Parts) {
    let mut unused = Vec::new();
    while let Some(s) = stack.last() {
        let below = s.rank >= eff;
        if !below && (unused.is_empty() || s.used) {
            break;
        }
        if let Some(s) = stack.pop().filter(|s| !s.used) {
            unused.push(s.title);
        }
    }
    for t in unused.into_iter().rev() {
        push_loose(parts, t);
    }
}

/// Builds the parts of a statement from its body blocks (after title and date line).
pub fn assemble(blocks: &[Block], title: &str, notes: &mut Vec<Note>) -> Parts {
    let end = signatories(blocks);
    let mut parts = Parts {
        signatories: blocks[end..].iter().map(|b| b.text.clone()).collect(),
        ..Parts::default()
    };
    let roles: Vec<Role> = blocks[..end].iter().map(|b| role(b, title)).collect();
    let (blocks, roles) = split_fused(&blocks[..end], roles, notes);
    let blocks = blocks.as_slice();
    let heads: Vec<usize> = (0..blocks.len())
        .filter(|&i| matches!(roles[i], Role::Heading(_)))
        .collect();
    // The text before the first heading.
    let first = heads.first().copied().unwrap_or(blocks.len());
    let mut stack: Vec<Open> = Vec::new();
    lead_segment(
        &blocks[..first],
        &roles[..first],
        heads.is_empty(),
        &mut parts,
        notes,
    );
    for (h, &i) in heads.iter().enumerate() {
        let next = heads.get(h + 1).copied().unwrap_or(blocks.len());
        let Role::Heading(rank) = roles[i] else { continue };
        let content = i + 1..next;
        let next_rank = heads.get(h + 1).map(|&j| match roles[j] {
            Role::Heading(r) => r,
            _ => rank,
        });
        // A heading with nothing of its own over a heading of the same or a
        // higher rank still holds it: it ranks just above it.
        let eff = match next_rank {
            Some(n) if content.is_empty() && n <= rank => 2 * n - 1,
            _ => 2 * rank,
        };
        pop_to(&mut stack, eff, &mut parts);
        let heading = &blocks[i];
        let path: Vec<String> = stack.iter().map(|s| s.title.clone()).collect();
        if content.is_empty() {
            if next_rank.is_none() {
                // A heading at the very end: nothing to head.
                notes.push(Note::at(
                    heading.first_line as usize,
                    format!(
                        "heading \"{}\" has no text under it; it was kept as text",
                        excerpt(&heading.text)
                    ),
                ));
                // Sections no area stood in come before it.
                pop_to(&mut stack, 0, &mut parts);
                push_loose(&mut parts, heading.text.clone());
                continue;
            }
            stack.push(Open {
                rank: eff,
                title: heading.text.clone(),
                used: false,
            });
            continue;
        }
        for s in &mut stack {
            s.used = true;
        }
        if text::word_count(&heading.text) > 20 {
            notes.push(Note::at(
                heading.first_line as usize,
                format!(
                    "a long bold paragraph was taken as a heading: \"{}\"; check that area",
                    excerpt(&heading.text)
                ),
            ));
        }
        let sub_follows = next_rank.is_some_and(|n| 2 * n > eff);
        heading_segment(
            heading,
            &blocks[content.clone()],
            &roles[content],
            &path,
            &mut parts,
        );
        // Its sub-headings stand in it (its title is already in the tree).
        if sub_follows {
            stack.push(Open {
                rank: eff,
                title: heading.text.clone(),
                used: true,
            });
        }
    }
    parts
}

/// Splits a numbered heading that has run into its first sub-heading, as
/// when a page's line break between two bold headings was lost
/// (`**A. Advancing ... Technologies Artificial Intelligence**` over the AI
/// text and then `**Quantum**`): a numbered heading with text of its own and
/// sub-headings, whose sibling headings (same rank, same parent, at least
/// two) all hold only sub-headings, and whose title ends in words its first
/// paragraph uses (the sub-heading's subject, "artificial intelligence").
/// The longest such ending becomes a heading of its own, of the rank of the
/// sub-headings, and the rest the section over it; a note says so.
fn split_fused(blocks: &[Block], roles: Vec<Role>, notes: &mut Vec<Note>) -> (Vec<Block>, Vec<Role>) {
    let rank = |r: &Role| match r {
        Role::Heading(k) => Some(*k),
        _ => None,
    };
    let heads: Vec<(usize, u32)> = roles
        .iter()
        .enumerate()
        .filter_map(|(i, r)| rank(r).map(|k| (i, k)))
        .collect();
    let mut splits: Vec<(usize, usize, u32)> = Vec::new();
    for (h, &(i, r)) in heads.iter().enumerate() {
        let b = &blocks[i];
        let label = b.text.split_whitespace().next().unwrap_or("");
        let Some(&(next, sub_rank)) = heads.get(h + 1) else {
            continue;
        };
        if !is_label(label) || b.mark.is_some() || next == i + 1 || sub_rank <= r {
            continue;
        }
        // Its parent's span: up to the headings ranked above it.
        let from = heads[..h].iter().rposition(|&(_, k)| k < r).map_or(0, |p| p + 1);
        let to = heads[h + 1..]
            .iter()
            .position(|&(_, k)| k < r)
            .map_or(heads.len(), |p| p + h + 1);
        let siblings: Vec<usize> = (from..to).filter(|&g| g != h && heads[g].1 == r).collect();
        let bare = |g: usize| heads.get(g + 1).is_some_and(|&(j, _)| j == heads[g].0 + 1);
        if siblings.len() < 2 || !siblings.iter().all(|&g| bare(g)) {
            continue;
        }
        // The longest ending of the title that the first paragraph uses, as
        // whole words, leaving at least two words after the label.
        let words: Vec<(usize, &str)> = b
            .text
            .split(' ')
            .scan(0, |at, w| {
                let start = *at;
                *at += w.len() + 1;
                Some((start, w))
            })
            .collect();
        let first = format!(" {} ", words_of(&blocks[i + 1].text));
        let cut =
            (3..words.len()).find(|&k| first.contains(&format!(" {} ", words_of(&b.text[words[k].0..]))));
        if let Some(k) = cut {
            splits.push((i, words[k].0, sub_rank));
        }
    }
    if splits.is_empty() {
        return (blocks.to_vec(), roles);
    }
    let mut out = Vec::with_capacity(blocks.len() + splits.len());
    let mut out_roles = Vec::with_capacity(out.capacity());
    for (i, b) in blocks.iter().enumerate() {
        match splits.iter().find(|&&(j, _, _)| j == i) {
            Some(&(_, at, sub_rank)) => {
                let mut head = b.clone();
                head.text = b.text[..at].trim_end().to_string();
                head.line_at.retain(|&(start, _)| start < head.text.len());
                head.last_line = b.line_of(at.saturating_sub(2));
                let mut tail = b.clone();
                tail.text = b.text[at..].to_string();
                tail.first_line = b.line_of(at);
                tail.line_at = vec![(0, tail.first_line)];
                notes.push(Note::at(
                    b.first_line as usize,
                    format!(
                        "heading \"{}\" was read as section \"{}\" over heading \"{}\" (its text is about the \
                         latter); check it",
                        excerpt(&b.text),
                        excerpt(&head.text),
                        excerpt(&tail.text)
                    ),
                ));
                out_roles.push(roles[i]);
                out.push(head);
                out_roles.push(Role::Heading(sub_rank));
                out.push(tail);
            }
            None => {
                out_roles.push(roles[i]);
                out.push(b.clone());
            }
        }
    }
    (out, out_roles)
}

/// The words of `s`, lower case, joined by single spaces.
fn words_of(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text with no place of its own: the last area's, or the preamble's.
fn push_loose(parts: &mut Parts, text: String) {
    match parts.areas.last_mut() {
        Some(a) => a.commitments.push(text),
        None => parts.preamble.push(text),
    }
}

/// The commitments of paragraphs: one per sentence.
fn sentences_of(text: &str) -> impl Iterator<Item = String> + '_ {
    sentences::split(text).into_iter().map(str::to_string)
}

/// The runs of consecutive list items: (start, end) in `roles`.
fn lists(roles: &[Role]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < roles.len() {
        if roles[i] == Role::Para {
            i += 1;
            continue;
        }
        let s = i;
        while i < roles.len() && roles[i] != Role::Para {
            i += 1;
        }
        out.push((s, i));
    }
    out
}

/// Whether a run of items is a list of areas: at least half of its
/// top-level items open with a bold lead-in.
fn is_lead_list(blocks: &[Block], roles: &[Role]) -> bool {
    let depth = |b: &Block| match b.kind {
        Kind::Item { depth } => depth,
        _ => 0,
    };
    let top = blocks.iter().map(depth).min().unwrap_or(0);
    let tops: Vec<usize> = (0..blocks.len()).filter(|&i| depth(&blocks[i]) == top).collect();
    let leads = tops.iter().filter(|&&i| roles[i] == Role::Lead).count();
    leads > 0 && leads * 2 >= tops.len()
}

/// Areas made of lead-in items `blocks` (a list of areas), under `section`.
fn lead_areas(blocks: &[Block], roles: &[Role], section: &[String], parts: &mut Parts) {
    for (k, (b, r)) in blocks.iter().zip(roles).enumerate() {
        match (r, b.lead_split()) {
            (Role::Lead, Some((title, body))) if is_top(b, blocks) => {
                // "... including the following:" over nested items is the intro.
                let nested_follow = blocks.get(k + 1).is_some_and(|n| !is_top(n, blocks));
                let leads_in = nested_follow && text::ends_with_colon(body);
                parts.areas.push(AreaParts {
                    title: title.to_string(),
                    section: section.to_vec(),
                    intro: if leads_in {
                        vec![body.to_string()]
                    } else {
                        Vec::new()
                    },
                    commitments: if leads_in {
                        Vec::new()
                    } else {
                        sentences_of(body).collect()
                    },
                    ..AreaParts::default()
                });
            }
            _ => match parts.areas.last_mut() {
                Some(a) => a.commitments.push(b.text.clone()),
                None => parts.preamble.push(b.text.clone()),
            },
        }
    }
}

fn is_top(b: &Block, blocks: &[Block]) -> bool {
    let depth = |b: &Block| match b.kind {
        Kind::Item { depth } => depth,
        _ => 0,
    };
    Some(depth(b)) == blocks.iter().map(depth).min()
}

/// The text before the first heading: the preamble, and any list of
/// lead-in areas (the U.S. seed); with no heading at all, a list after a
/// lead-in paragraph is one untitled area.
fn lead_segment(
    blocks: &[Block],
    roles: &[Role],
    no_headings: bool,
    parts: &mut Parts,
    notes: &mut Vec<Note>,
) {
    let runs = lists(roles);
    if let Some(&(s, _)) = runs
        .iter()
        .find(|&&(s, e)| is_lead_list(&blocks[s..e], &roles[s..e]))
    {
        parts.preamble.extend(blocks[..s].iter().map(|b| b.text.clone()));
        let mut i = s;
        for &(ls, le) in runs.iter().filter(|&&(ls, _)| ls >= s) {
            // Paragraphs between two lists of areas belong to the area before them.
            for b in &blocks[i..ls] {
                push_loose(parts, b.text.clone());
            }
            lead_areas(&blocks[ls..le], &roles[ls..le], &[], parts);
            i = le;
        }
        // Paragraphs after the areas, with no heading to hold them, close the statement.
        if no_headings {
            parts.closing.extend(blocks[i..].iter().map(|b| b.text.clone()));
        } else {
            for b in &blocks[i..] {
                push_loose(parts, b.text.clone());
            }
        }
        return;
    }
    if no_headings && let Some(&(s, e)) = runs.first() {
        // One list, no heading: the list is the area, the paragraph that
        // leads into it its intro.
        let lead = s
            .checked_sub(1)
            .filter(|&p| text::ends_with_colon(&blocks[p].text));
        let intro_start = lead.unwrap_or(s);
        parts
            .preamble
            .extend(blocks[..intro_start].iter().map(|b| b.text.clone()));
        parts.areas.push(AreaParts {
            title: UNTITLED.to_string(),
            untitled: true,
            intro: blocks[intro_start..s].iter().map(|b| b.text.clone()).collect(),
            ..AreaParts::default()
        });
        // Paragraphs after the last list close the statement.
        let last = runs.last().map_or(e, |&(_, e)| e);
        if let Some(a) = parts.areas.last_mut() {
            for (b, r) in blocks[s..last].iter().zip(&roles[s..last]) {
                match r {
                    Role::Para => a.commitments.extend(sentences_of(&b.text)),
                    _ => a.commitments.push(b.text.clone()),
                }
            }
        }
        parts
            .closing
            .extend(blocks[last..].iter().map(|b| b.text.clone()));
        return;
    }
    if no_headings && !blocks.is_empty() {
        // Paragraphs and nothing else: one area, a sentence each, and said so.
        notes.push(Note::at(
            blocks[0].first_line as usize,
            "no headings or lists: the whole text was read as one untitled area, one commitment per sentence",
        ));
        parts.areas.push(AreaParts {
            title: UNTITLED.to_string(),
            untitled: true,
            commitments: blocks.iter().flat_map(|b| sentences_of(&b.text)).collect(),
            ..AreaParts::default()
        });
        return;
    }
    parts.preamble.extend(blocks.iter().map(|b| b.text.clone()));
}

/// The text under one heading: an area, or a list of lead-in areas in the
/// heading's section (after an area of the heading's own text, if it has some).
fn heading_segment(heading: &Block, blocks: &[Block], roles: &[Role], section: &[String], parts: &mut Parts) {
    let runs = lists(roles);
    let inner: Vec<String> = section.iter().cloned().chain([heading.text.clone()]).collect();
    if let Some(&(s, _)) = runs
        .iter()
        .find(|&&(s, e)| is_lead_list(&blocks[s..e], &roles[s..e]))
    {
        // The heading's own area, if it has text of its own before the list.
        let mut own_area = None;
        if s > 0 {
            // The heading's own text: an area titled by it. Its last sentence,
            // when it ends in a colon ("The Quad will:"), leads into the list.
            own_area = Some(parts.areas.len());
            let mut own = area(&heading.text, section, &blocks[..s], &roles[..s]);
            if roles[s - 1] == Role::Para
                && own.commitments.len() > 1
                && own.commitments.last().is_some_and(|c| text::ends_with_colon(c))
            {
                own.outro.extend(own.commitments.pop());
            }
            parts.areas.push(own);
        }
        let mut i = s;
        for &(ls, le) in runs.iter().filter(|&&(ls, _)| ls >= s) {
            for b in &blocks[i..ls] {
                push_loose(parts, b.text.clone());
            }
            if is_lead_list(&blocks[ls..le], &roles[ls..le]) {
                lead_areas(&blocks[ls..le], &roles[ls..le], &inner, parts);
            } else {
                for b in &blocks[ls..le] {
                    push_loose(parts, b.text.clone());
                }
            }
            i = le;
        }
        // Paragraphs after the list stand outside its items, under the
        // heading: more of the heading's own text, after the areas of its
        // section, where it has text of its own; else the last area's.
        let after = own_area.filter(|_| i > s).and_then(|k| parts.areas.get_mut(k));
        match after {
            Some(a) => a
                .after_areas
                .extend(blocks[i..].iter().flat_map(|b| sentences_of(&b.text))),
            None => {
                if let Some(a) = parts.areas.last_mut() {
                    for b in &blocks[i..] {
                        a.commitments.extend(sentences_of(&b.text));
                    }
                }
            }
        }
        return;
    }
    parts.areas.push(area(&heading.text, section, blocks, roles));
}

/// An area from a heading and its blocks: paragraphs before the first item
/// are the intro, items one commitment each, other paragraphs one per sentence.
fn area(title: &str, section: &[String], blocks: &[Block], roles: &[Role]) -> AreaParts {
    let first_item = roles.iter().position(|r| *r != Role::Para);
    let mut a = AreaParts {
        title: title.to_string(),
        section: section.to_vec(),
        ..AreaParts::default()
    };
    for (i, b) in blocks.iter().enumerate() {
        match (roles[i], first_item) {
            (Role::Para, Some(f)) if i < f => a.intro.push(b.text.clone()),
            (Role::Para, _) => {
                let before_list = roles.get(i + 1).is_some_and(|r| *r != Role::Para);
                para_commitments(&mut a, &b.text, before_list);
            }
            _ => a.commitments.push(b.text.clone()),
        }
    }
    a
}

/// The sentences of a paragraph among an area's items, one commitment
/// each; when the paragraph stands before a list and its last sentence ends
/// in a colon, that sentence is the list's lead-in, not a commitment.
fn para_commitments(a: &mut AreaParts, text: &str, before_list: bool) {
    let mut sentences: Vec<String> = sentences_of(text).collect();
    let lead = sentences
        .last()
        .filter(|s| before_list && !a.commitments.is_empty() && text::ends_with_colon(s))
        .is_some();
    let lead = if lead { sentences.pop() } else { None };
    a.commitments.extend(sentences);
    if let Some(l) = lead {
        a.leads.push((a.commitments.len(), l));
    }
}
