//! The comparison view: two meetings side by side (stacked on a narrow
//! terminal), each area with its stance tally, topics and counterpart, each
//! commitment with its stance tag (and a notice when it has no close
//! counterpart in the other meeting); and the meeting picker.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use super::theme::Styles;
use super::tree::truncate;
use crate::app::compare::{Comparison, Item, MeetingPicker, index};
use crate::app::{Action, App};
use crate::compare::Side;
pub use crate::layout::compare::{panes, stance_tag, text_height, text_width};
use crate::wrap::{sanitize, width};

/// Draws the comparison into `body` (the screen above the status line).
pub fn draw(frame: &mut Frame, body: Rect, app: &App, cmp: &Comparison) {
    let styles = Styles::of(app);
    for (side, area) in [Side::Left, Side::Right].into_iter().zip(panes(body)) {
        if area.width == 0 || area.height == 0 {
            continue;
        }
        let focused = cmp.focus == side && app.overlay().is_none() && cmp.picker.is_none();
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
        let Some(text_area) = crate::layout::text_area(inner) else {
            continue;
        };
        let doc = app.compare_document(side);
        let end = (cmp.scroll[index(side)] + usize::from(text_area.height)).min(doc.lines.len());
        let start = cmp.scroll[index(side)].min(end);
        let lines: Vec<Line> = doc.lines[start..end]
            .iter()
            .map(|l| styles.line(app, l))
            .collect();
        frame.render_widget(Paragraph::new(lines), text_area);
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
/// its meeting, and what it corresponds to on the other side, named by its
/// area's title (and the commitment's number).
pub fn status_left(app: &App, cmp: &Comparison) -> String {
    let area = |side: Side, item: Item| {
        app.corpus
            .meeting(cmp.alignment.meeting(side))
            .map(|(_, m)| m)?
            .areas
            .get(item.area())
    };
    // Ids inside their meeting (`quantum/2`): the panes' titles name the meetings.
    let id = |side: Side, item: Item| {
        let a = &area(side, item)?.id;
        Some(match item {
            Item::Area(_) => a.clone(),
            Item::Commitment(_, c) => format!("{a}/{}", c + 1),
        })
    };
    // The other side's item as a reader names it: "Quantum Information
    // Science and Technology, 3".
    let name = |side: Side, item: Item| {
        let title = sanitize(&area(side, item)?.title).into_owned();
        Some(match item {
            Item::Area(_) => title,
            Item::Commitment(_, c) => format!("{title}, {}", c + 1),
        })
    };
    let side = cmp.focus;
    let Some(mine) = cmp.cursor(side).and_then(|c| id(side, c)) else {
        return String::new();
    };
    match (cmp.highlight(), cmp.cursor(side)) {
        (Some((item, found)), _) => {
            let theirs = name(side.other(), item).unwrap_or_default();
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
        "{} side  {} sync  {} meetings  {} leave  {} legend",
        k(Action::SwitchPane),
        k(Action::ToggleSync),
        k(Action::Compare),
        k(Action::Close),
        k(Action::Help)
    )
}
