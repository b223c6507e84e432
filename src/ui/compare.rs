//! The comparison view: two meetings side by side (stacked on a narrow
//! terminal), each area with its stance tally, topics and counterpart, each
//! commitment with its stance tag (and a notice when it has no close
//! counterpart in the other meeting); and the meeting picker.

use std::collections::HashMap;
use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::layout::{SPLIT_WIDTH, body_height};
use super::theme::Styles;
use super::tree::truncate;
use crate::app::compare::{Comparison, Item, MeetingPicker, index};
use crate::app::{Action, App};
use crate::compare::{Side, Strength, Tally};
use crate::model::{Area, Corpus, Origin, Stance};
use crate::wrap::{sanitize, width, wrap};

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

/// A side's lines, and the lines each item takes.
pub struct Document {
    /// Wrapped, styled lines.
    pub lines: Vec<Line<'static>>,
    /// The lines of each area header and commitment.
    pub items: HashMap<Item, Range<usize>>,
}

/// The line ranges of a side's items and its number of lines, for scrolling.
pub fn measure(app: &App, side: Side) -> (HashMap<Item, Range<usize>>, usize) {
    app.compare.as_ref().map_or_else(Default::default, |c| {
        let doc = document(app, c, side);
        (doc.items, doc.lines.len())
    })
}

/// The line ranges of a side's items.
pub fn item_lines(app: &App, side: Side) -> HashMap<Item, Range<usize>> {
    measure(app, side).0
}

/// How many lines a side has.
pub fn line_count(app: &App, side: Side) -> usize {
    measure(app, side).1
}

/// Marks, on the side without the cursor, what the cursor corresponds to
/// (also without colour); a weak counterpart gets the hollow [`WEAK_POINTER`].
const POINTER: &str = "▶ ";

/// Marks a weak counterpart of the commitment under the cursor.
const WEAK_POINTER: char = '▷';

/// The tag of a stance: `[intend]` as curated, `[intend*]` as inferred.
pub fn stance_tag(stance: Option<(Stance, Origin)>) -> String {
    match stance {
        Some((s, Origin::Curated)) => format!("[{}]", s.as_str()),
        Some((s, Origin::Inferred)) => format!("[{}*]", s.as_str()),
        None => "[?]".into(),
    }
}

/// A side of the comparison as lines at its current width.
pub fn document(app: &App, cmp: &Comparison, side: Side) -> Document {
    let styles = Styles::of(app);
    let mut w = Writer {
        lines: Vec::new(),
        items: HashMap::new(),
        width: text_width(app.size, side),
    };
    let Some(m) = app.corpus.meeting(cmp.alignment.meeting(side)).map(|(_, m)| m) else {
        return Document {
            lines: w.lines,
            items: w.items,
        };
    };
    let other = side.other();
    let other_meeting = app.corpus.meeting(cmp.alignment.meeting(other)).map(|(_, m)| m);
    let other_name = partnership_name(&app.corpus, cmp, other);
    let other_id = app.corpus.id_of(cmp.alignment.meeting(other)).unwrap_or_default();
    let focused = cmp.focus == side;
    let cursor = focused.then(|| cmp.cursor(side)).flatten();
    let marked = (!focused).then(|| cmp.highlight()).flatten();
    let highlight = marked.map(|h| h.0);
    let weak = marked
        .and_then(|h| h.1)
        .is_some_and(|m| m.strength == Strength::Weak);
    let mark = |item: Item, normal: Style| -> Style {
        if cursor == Some(item) {
            styles.selected
        } else if highlight == Some(item) && weak {
            styles.dim
        } else if highlight == Some(item) {
            styles.matched
        } else {
            normal
        }
    };
    if m.areas.is_empty() {
        w.text("", "This meeting has no areas.", styles.dim, None);
    }
    for (a, area) in m.areas.iter().enumerate() {
        let start = w.lines.len();
        let pointer = if highlight == Some(Item::Area(a)) {
            POINTER
        } else {
            ""
        };
        w.text(pointer, &area.title, mark(Item::Area(a), styles.title), None);
        w.lines.push(tally_line(app, area, &styles, w.width));
        let links = cmp.alignment.links_of(side, a);
        let other_title = |l: &crate::compare::Link| {
            other_meeting
                .and_then(|om| om.areas.get(l.area(other)))
                .map_or_else(String::new, |oa| oa.title.clone())
        };
        let mut primary = links.iter().filter(|l| l.primary).peekable();
        if primary.peek().is_none() {
            w.text(
                "",
                &format!("no counterpart in {other_name}"),
                styles.notice,
                None,
            );
        }
        for l in primary {
            let text = format!("↔ {} · shared: {}", other_title(l), l.shared.join(", "));
            w.text("  ", &text, styles.dim, None);
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
                .push(Line::styled(truncate(&sanitize(&text), w.width), styles.dim));
        }
        w.items.insert(Item::Area(a), start..w.lines.len());
        for (c, commitment) in area.commitments.iter().enumerate() {
            let start = w.lines.len();
            let mut tag = stance_tag(commitment.stance);
            if !commitment.actor.is_joint() {
                // "[commit* · United States]": one party undertakes it alone.
                let parties = app
                    .corpus
                    .meeting(cmp.alignment.meeting(side))
                    .map_or(&[][..], |(p, _)| p.parties.as_slice());
                tag.insert_str(tag.len() - 1, &format!(" · {}", commitment.actor.name(parties)));
            }
            let tag_style = commitment
                .stance
                .map_or(styles.dim, |(s, _)| Styles::stance(app, s));
            let item = Item::Commitment(a, c);
            // A column is kept for the pointer, so that text does not shift.
            let lead = match (highlight == Some(item), weak) {
                (true, true) => WEAK_POINTER,
                (true, false) => '▶',
                (false, _) => ' ',
            };
            let label = format!("{lead}{:>2}. ", c + 1);
            w.text(
                &label,
                &format!("{tag} {}", commitment.text),
                mark(item, Style::new()),
                Some((tag.len(), mark(item, tag_style))),
            );
            if cmp.counterparts.of(side, a, c).is_empty() {
                // The other meeting by its id: one short line.
                w.text(
                    "     ",
                    &format!("no close counterpart in {other_id}"),
                    styles.dim,
                    None,
                );
            }
            w.items.insert(item, start..w.lines.len());
        }
        w.lines.push(Line::default());
    }
    Document {
        lines: w.lines,
        items: w.items,
    }
}

/// "C1 I2 E0 A1 · ai, research*": the stance tally in the stances' colours,
/// then the topics, inferred ones starred.
fn tally_line(app: &App, area: &Area, styles: &Styles, max: usize) -> Line<'static> {
    let t = Tally::of(area);
    let mut spans = Vec::new();
    for (s, letter) in Stance::ALL.into_iter().zip(["C", "I", "E", "A"]) {
        spans.push(Span::styled(
            format!("{letter}{}", t.get(s)),
            Styles::stance(app, s),
        ));
        spans.push(Span::raw(" "));
    }
    if t.unknown > 0 {
        spans.push(Span::styled(format!("?{} ", t.unknown), styles.dim));
    }
    if t.one_sided_total() > 0 {
        // What one party undertakes alone, within the counts: "alone C1".
        let alone: Vec<String> = Stance::ALL
            .into_iter()
            .zip(["C", "I", "E", "A"])
            .filter(|(s, _)| t.one_sided(*s) > 0)
            .map(|(s, l)| format!("{l}{}", t.one_sided(s)))
            .collect();
        spans.push(Span::styled(format!("alone {} ", alone.join(" ")), styles.dim));
    }
    let topics: Vec<String> = area
        .topics
        .iter()
        .map(|(id, o)| format!("{id}{}", o.mark()))
        .collect();
    if !topics.is_empty() {
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        let rest = format!("· {}", topics.join(", "));
        spans.push(Span::styled(
            truncate(&rest, max.saturating_sub(used)),
            styles.dim,
        ));
    }
    Line::from(spans)
}

/// "EU-Singapore Digital Partnership" for `side`.
fn partnership_name(corpus: &Corpus, cmp: &Comparison, side: Side) -> String {
    corpus
        .partnerships
        .get(cmp.alignment.meeting(side).partnership())
        .map_or_else(|| "the other meeting".into(), |p| p.name.clone())
}

struct Writer {
    lines: Vec<Line<'static>>,
    items: HashMap<Item, Range<usize>>,
    width: usize,
}

impl Writer {
    /// `text` wrapped after `label`, later lines indented as wide as the
    /// label; `head` styles the first bytes of the text differently.
    fn text(&mut self, label: &str, text: &str, style: Style, head: Option<(usize, Style)>) {
        let text = sanitize(text);
        let indent = width(label);
        let pad = " ".repeat(indent);
        for (n, range) in wrap(&text, self.width.saturating_sub(indent))
            .into_iter()
            .enumerate()
        {
            let lead = if n == 0 { label.to_string() } else { pad.clone() };
            let mut spans = vec![Span::raw(lead)];
            match head {
                Some((len, head_style)) if range.start < len => {
                    let cut = len.min(range.end);
                    spans.push(Span::styled(text[range.start..cut].to_string(), head_style));
                    spans.push(Span::styled(text[cut..range.end].to_string(), style));
                }
                _ => spans.push(Span::styled(text[range].to_string(), style)),
            }
            self.lines.push(Line::from(spans));
        }
    }
}

/// Draws the comparison into `body` (the screen above the status line).
pub fn draw(frame: &mut Frame, body: Rect, app: &App, cmp: &Comparison) {
    let styles = Styles::of(app);
    for (side, area) in [Side::Left, Side::Right].into_iter().zip(panes(body)) {
        if area.width == 0 || area.height == 0 {
            continue;
        }
        let focused = cmp.focus == side && app.overlay.is_none() && cmp.picker.is_none();
        let title = pane_title(app, cmp, side, usize::from(area.width.saturating_sub(2)));
        let mut block = Block::bordered().title(title).border_style(if focused {
            styles.border_focused
        } else {
            styles.border
        });
        if cmp.focus == side {
            let sync = if cmp.sync { " sync on " } else { " sync off " };
            block = block.title_bottom(Line::from(sync).right_aligned());
        }
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let Some(text_area) = super::layout::text_area(inner) else {
            continue;
        };
        let doc = document(app, cmp, side);
        let end = (cmp.scroll[index(side)] + usize::from(text_area.height)).min(doc.lines.len());
        let start = cmp.scroll[index(side)].min(end);
        frame.render_widget(Paragraph::new(doc.lines[start..end].to_vec()), text_area);
    }
    if let Some(picker) = &cmp.picker {
        draw_picker(frame, body, app, picker);
    }
}

/// " EU-Singapore Digital Partnership · 2025-12-01 ", the name cut first
/// so that the meeting's id stays.
fn pane_title(app: &App, cmp: &Comparison, side: Side, max: usize) -> String {
    let (p, m) = cmp.alignment.meeting(side).meeting().unwrap_or((0, 0));
    let Some(pa) = app.corpus.partnerships.get(p) else {
        return String::new();
    };
    let id = pa.meetings.get(m).map_or("", |me| me.id.as_str());
    let tail = format!(" · {} ", sanitize(id));
    let name = truncate(&sanitize(&pa.name), max.saturating_sub(width(&tail) + 1));
    truncate(&format!(" {name}{tail}"), max)
}

fn draw_picker(frame: &mut Frame, screen: Rect, app: &App, picker: &MeetingPicker) {
    let styles = Styles::of(app);
    let mut a = super::overlay::area(screen);
    // As tall as the list, centred where the overlay would be.
    let wanted = u16::try_from(picker.meetings.len().saturating_add(2))
        .unwrap_or(u16::MAX)
        .max(5);
    if wanted < a.height {
        a.y += (a.height - wanted) / 2;
        a.height = wanted;
    }
    let which = if picker.left.is_none() { "left" } else { "right" };
    let keys = &app.config.keys;
    let block = Block::bordered()
        .title(format!(" Compare: choose the {which} meeting "))
        .title_bottom(format!(
            " {} choose  {} cancel ",
            keys.keys_label(Action::Open),
            keys.keys_label(Action::Close)
        ))
        .border_style(styles.border_focused);
    let Some(text) = super::overlay::window(frame, a, block) else {
        return;
    };
    let max = usize::from(text.width);
    let height = usize::from(text.height);
    let first = picker.selected.saturating_sub(height.saturating_sub(1));
    let lines: Vec<Line> = picker
        .meetings
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, &path)| {
            let id = app.corpus.id_of(path).unwrap_or_default();
            let name = app
                .corpus
                .partnerships
                .get(path.partnership())
                .map_or("", |p| p.name.as_str());
            let chosen = picker.left == Some(path);
            let text = format!("{}{id}  {}", if chosen { "left: " } else { "" }, sanitize(name));
            let style = if i == picker.selected {
                styles.selected
            } else {
                Style::new()
            };
            Line::styled(truncate(&text, max), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), text);
}

/// The status line's left part in the comparison: the focused item's id in
/// its meeting, and what it corresponds to on the other side.
pub fn status_left(app: &App, cmp: &Comparison) -> String {
    // Ids inside their meeting (`quantum/2`): the panes' titles name the meetings.
    let id = |side: Side, item: Item| {
        let area = &app
            .corpus
            .meeting(cmp.alignment.meeting(side))
            .map(|(_, m)| m)?
            .areas
            .get(item.area())?
            .id;
        Some(match item {
            Item::Area(_) => area.clone(),
            Item::Commitment(_, c) => format!("{area}/{}", c + 1),
        })
    };
    let side = cmp.focus;
    let Some(mine) = cmp.cursor(side).and_then(|c| id(side, c)) else {
        return String::new();
    };
    match (cmp.highlight(), cmp.cursor(side)) {
        (Some((item, found)), _) => {
            let theirs = id(side.other(), item).unwrap_or_default();
            let why = found
                .map(|m| {
                    let shared = m.shared.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
                    format!(" ({} {:.2}: {shared})", m.strength.as_str(), m.score)
                })
                .unwrap_or_default();
            format!("{mine} ↔ {theirs}{why}")
        }
        // The other meeting by its id: the status line is short.
        (None, Some(Item::Commitment(..))) => format!(
            "{mine}: no close counterpart in {}",
            app.corpus
                .id_of(cmp.alignment.meeting(side.other()))
                .unwrap_or_default()
        ),
        (None, _) => mine,
    }
}

/// The key hints of the comparison.
pub fn hints(app: &App, cmp: &Comparison) -> String {
    let k = |a: Action| app.config.keys.keys_label(a);
    if cmp.picker.is_some() {
        return format!("{} choose  {} cancel", k(Action::Open), k(Action::Close));
    }
    format!(
        "{} side  {} sync  {} meetings  {} leave",
        k(Action::SwitchPane),
        k(Action::ToggleSync),
        k(Action::Compare),
        k(Action::Close)
    )
}
