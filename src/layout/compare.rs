//! A side of the comparison laid out at its width: each area with its
//! stance tally, topics and counterpart, each commitment with its stance
//! tag (and a notice when it has no close counterpart in the other
//! meeting); and the lines each item takes, for the cursor and scrolling.

use std::collections::HashMap;
use std::ops::Range;

use ratatui::layout::Rect;

use super::doc::{Line, Role, Writer};
use super::{SPLIT_WIDTH, body_height};
use crate::compare::changes::{Changes, Shift};
use crate::compare::{Alignment, Counterparts, Link, Side, Tally};
use crate::model::{Area, Corpus, Meeting, Origin, Stance, opened_after};
use crate::wrap::{sanitize, truncate, width};

/// Where a side's cursor rests: an area's header, or one of its commitments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    /// The header of area `0`.
    Area(usize),
    /// Commitment `1` of area `0`.
    Commitment(usize, usize),
}

impl Item {
    /// The area the item belongs to.
    pub fn area(self) -> usize {
        match self {
            Item::Area(a) | Item::Commitment(a, _) => a,
        }
    }
}

/// The items of a meeting, in reading order.
pub fn items(meeting: &Meeting) -> Vec<Item> {
    let mut out = Vec::new();
    for (a, area) in meeting.areas.iter().enumerate() {
        out.push(Item::Area(a));
        out.extend((0..area.commitments.len()).map(|c| Item::Commitment(a, c)));
    }
    out
}

/// Index of a side in per-side arrays.
pub fn index(side: Side) -> usize {
    match side {
        Side::Left => 0,
        Side::Right => 1,
    }
}

/// The two panes of the view inside `body` (the screen above the status
/// line): side by side, or stacked below [`SPLIT_WIDTH`] columns.
pub fn panes(body: Rect) -> [Rect; 2] {
    if body.width >= SPLIT_WIDTH {
        let left = body.width / 2;
        [
            Rect { width: left, ..body },
            Rect {
                x: body.x + left,
                width: body.width - left,
                ..body
            },
        ]
    } else {
        let top = body.height / 2;
        [
            Rect { height: top, ..body },
            Rect {
                y: body.y + top,
                height: body.height - top,
                ..body
            },
        ]
    }
}

fn pane(size: (u16, u16), side: Side) -> Rect {
    let body = Rect::new(0, 0, size.0, body_height(size).saturating_add(2));
    panes(body)[index(side)]
}

/// Lines of text a side shows at once.
pub fn text_height(size: (u16, u16), side: Side) -> usize {
    usize::from(pane(size, side).height.saturating_sub(2))
}

/// Columns of text of a side (borders and a margin taken off).
pub fn text_width(size: (u16, u16), side: Side) -> usize {
    usize::from(pane(size, side).width.saturating_sub(4)).max(1)
}

/// Marks, on the side without the cursor, what the cursor corresponds to
/// (also without colour); a weak counterpart gets the hollow [`WEAK_POINTER`].
pub const POINTER: &str = "▶ ";

/// Marks a weak counterpart of the commitment under the cursor.
pub const WEAK_POINTER: char = '▷';

/// The tag of a stance: `[intend]` as curated, `[intend*]` as inferred.
pub fn stance_tag(stance: Option<(Stance, Origin)>) -> String {
    match stance {
        Some((s, Origin::Curated)) => format!("[{}]", s.as_str()),
        Some((s, Origin::Inferred)) => format!("[{}*]", s.as_str()),
        None => "[?]".into(),
    }
}

/// What a side shows: the two meetings, which side has the cursor, the
/// cursor, and what it corresponds to.
pub struct Input<'a> {
    /// The statements.
    pub corpus: &'a Corpus,
    /// The two meetings and how their areas pair.
    pub alignment: &'a Alignment,
    /// Each commitment's counterparts in the whole other meeting.
    pub counterparts: &'a Counterparts,
    /// The side with the cursor.
    pub focus: Side,
    /// The focused side's cursor.
    pub cursor: Option<Item>,
    /// What the cursor corresponds to on the other side.
    pub highlight: Option<Item>,
    /// Whether `highlight` is a weak counterpart (drawn dimmed, `▷`).
    pub weak: bool,
    /// Columns of text.
    pub width: usize,
    /// Over time (earlier left, later right): what changed.
    pub changes: Option<&'a Changes>,
    /// Over time: list only the changes.
    pub changes_only: bool,
}

/// Over time, what became of commitment `c` of area `a` on `side`: "new",
/// "continued", "firmer" or "softer" for a later one, "not followed up"
/// for an earlier one (`None` for one that is followed up).
pub fn change_tag(changes: &Changes, side: Side, a: usize, c: usize) -> Option<&'static str> {
    match side {
        Side::Right => Some(match changes.predecessor(a, c) {
            None => "new",
            Some(_) => match changes.shift(a, c) {
                Some(Shift::Firmer) => "firmer",
                Some(Shift::Softer) => "softer",
                _ => "continued",
            },
        }),
        Side::Left => changes
            .followed_up_by(a, c)
            .is_empty()
            .then_some("not followed up"),
    }
}

/// A side's lines, and the lines each item takes.
pub struct Document {
    /// Wrapped lines.
    pub lines: Vec<Line>,
    /// The lines of each area header and commitment.
    pub items: HashMap<Item, Range<usize>>,
}

/// Lays out `side` of the comparison.
pub fn document(input: &Input, side: Side) -> Document {
    let mut w = Writer::new(input.width);
    let mut items = HashMap::new();
    let corpus = input.corpus;
    let Some(m) = corpus.meeting(input.alignment.meeting(side)).map(|(_, m)| m) else {
        return Document {
            lines: w.lines,
            items,
        };
    };
    let other = side.other();
    let other_meeting = corpus.meeting(input.alignment.meeting(other)).map(|(_, m)| m);
    let other_name = partnership_name(corpus, input.alignment, other);
    let other_id = corpus.id_of(input.alignment.meeting(other)).unwrap_or_default();
    let parties = corpus
        .meeting(input.alignment.meeting(side))
        .map_or(&[][..], |(p, _)| p.parties.as_slice());
    let focused = input.focus == side;
    let cursor = if focused { input.cursor } else { None };
    let highlight = if focused { None } else { input.highlight };
    let weak = input.weak;
    let mark = |item: Item, normal: Role| -> Role {
        if cursor == Some(item) {
            Role::Selected
        } else if highlight == Some(item) && weak {
            Role::Dim
        } else if highlight == Some(item) {
            Role::Matched
        } else {
            normal
        }
    };
    if m.areas.is_empty() {
        w.para("This meeting has no areas.", Role::Dim);
    }
    // Over time, with only the changes: what each commitment became, and
    // whether it is listed (a continued one in the same language is not).
    let status = |a: usize, c: usize| input.changes.and_then(|ch| change_tag(ch, side, a, c));
    let listed = |a: usize, c: usize| !input.changes_only || status(a, c).is_some_and(|s| s != "continued");
    // The area shown last: the sections an area opens are those that one
    // did not stand in (areas left out open none).
    let mut shown: Option<&Area> = None;
    for (a, area) in m.areas.iter().enumerate() {
        if !(0..area.commitments.len()).any(|c| listed(a, c)) {
            continue;
        }
        // Sections as headings over the areas they hold, as in the tree.
        let before = shown.map(|p| (&p.section[..], (!p.untitled).then_some(p.title.as_str())));
        let opened = opened_after(before, &area.section);
        let first = area.section.len() - opened.len();
        for (k, s) in opened.iter().enumerate() {
            w.indented(&"  ".repeat(first + k), &format!("§ {s}"), Role::Dim);
        }
        shown = Some(area);
        let start = w.lines.len();
        let pointer = if highlight == Some(Item::Area(a)) {
            POINTER
        } else {
            ""
        };
        w.indented(pointer, &area.title, mark(Item::Area(a), Role::Title));
        w.lines.push(tally_line(area, w.width));
        let links = input.alignment.links_of(side, a);
        let other_title = |l: &Link| {
            other_meeting
                .and_then(|om| om.areas.get(l.area(other)))
                .map_or_else(String::new, |oa| oa.title.clone())
        };
        let mut primary = links.iter().filter(|l| l.primary).peekable();
        if primary.peek().is_none() {
            w.para(&format!("no counterpart in {other_name}"), Role::Notice);
        }
        for l in primary {
            let text = format!("↔ {} · shared: {}", other_title(l), l.shared.join(", "));
            w.indented("  ", &text, Role::Dim);
        }
        let weaker: Vec<String> = links
            .iter()
            .filter(|l| !l.primary)
            .map(|l| other_title(l))
            .collect();
        if !weaker.is_empty() {
            // One line at most: weaker links are context, not counterparts.
            let text = format!("  weaker: {}", weaker.join("; "));
            w.lines
                .push(Line::one(truncate(&sanitize(&text), w.width), Role::Dim));
        }
        items.insert(Item::Area(a), start..w.lines.len());
        for (c, commitment) in area.commitments.iter().enumerate() {
            if !listed(a, c) {
                continue;
            }
            let start = w.lines.len();
            let mut tag = stance_tag(commitment.stance);
            if !commitment.actor.is_joint() {
                // "[commit* · United States]": one party undertakes it alone.
                tag.insert_str(tag.len() - 1, &format!(" · {}", commitment.actor.name(parties)));
            }
            let change = status(a, c);
            if let Some(change) = change {
                tag.push_str(&format!(" [{change}]"));
            }
            // Over time, an earlier commitment nothing follows up is dimmed.
            let text_role = if change == Some("not followed up") {
                Role::Dim
            } else {
                Role::Plain
            };
            let tag_role = commitment.stance.map_or(Role::Dim, |(s, _)| Role::Stance(s));
            let item = Item::Commitment(a, c);
            // A column is kept for the pointer, so that text does not shift.
            let lead = match (highlight == Some(item), weak) {
                (true, true) => WEAK_POINTER,
                (true, false) => '▶',
                (false, _) => ' ',
            };
            let label = format!("{lead}{:>2}. ", c + 1);
            w.marked(
                &label,
                &format!("{tag} {}", commitment.text),
                mark(item, text_role),
                &[],
                Some((tag.len(), mark(item, tag_role))),
            );
            // Over time the tag says it.
            if input.changes.is_none() && input.counterparts.of(side, a, c).is_empty() {
                // The other meeting by its id: one short line.
                w.indented("     ", &format!("no close counterpart in {other_id}"), Role::Dim);
            }
            items.insert(item, start..w.lines.len());
        }
        w.blank();
    }
    Document {
        lines: w.lines,
        items,
    }
}

/// "C1 I2 E0 A1 · ai, research*": the stance tally in the stances' colours,
/// then the topics, inferred ones starred.
fn tally_line(area: &Area, max: usize) -> Line {
    let t = Tally::of(area);
    let mut line = Line::default();
    for (s, letter) in Stance::ALL.into_iter().zip(["C", "I", "E", "A"]) {
        line.push(format!("{letter}{}", t.get(s)), Role::Stance(s));
        line.push(" ", Role::Plain);
    }
    if t.unknown > 0 {
        line.push(format!("?{} ", t.unknown), Role::Dim);
    }
    if t.one_sided_total() > 0 {
        // What one party undertakes alone, within the counts: "alone C1".
        let alone: Vec<String> = Stance::ALL
            .into_iter()
            .zip(["C", "I", "E", "A"])
            .filter(|(s, _)| t.one_sided(*s) > 0)
            .map(|(s, l)| format!("{l}{}", t.one_sided(s)))
            .collect();
        line.push(format!("alone {} ", alone.join(" ")), Role::Dim);
    }
    let topics: Vec<String> = area
        .topics
        .iter()
        .map(|(id, o)| format!("{id}{}", o.mark()))
        .collect();
    if !topics.is_empty() {
        let used = width(&line.text());
        let rest = format!("· {}", topics.join(", "));
        line.push(truncate(&rest, max.saturating_sub(used)), Role::Dim);
    }
    line
}

/// "EU-Singapore Digital Partnership" for `side`.
pub fn partnership_name(corpus: &Corpus, alignment: &Alignment, side: Side) -> String {
    corpus
        .partnerships
        .get(alignment.meeting(side).partnership())
        .map_or_else(|| "the other meeting".into(), |p| p.name.clone())
}
