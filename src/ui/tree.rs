//! The tree pane: partnerships, meetings, areas and commitments with counts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::Styles;
use crate::app::tree::child_count;
use crate::app::{App, Pane};
use crate::model::Node;
use crate::wrap::{sanitize, width};

/// The label of a row, without indentation or marker.
pub fn label(node: Node<'_>) -> String {
    match node {
        Node::Partnership(p) => format!("{} ({})", p.name, p.meetings.len()),
        Node::Meeting(_, m) => format!("{} ({})", m.id, m.areas.len()),
        Node::Area(_, _, a) => format!("{} ({})", a.title, a.commitments.len()),
        Node::Commitment(_, _, _, i, c) => format!("{}. {}", i + 1, c.text),
    }
}

/// Draws the tree into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let styles = Styles::of(app);
    let focused = app.focus == Pane::Tree && app.overlay.is_none();
    let block = Block::bordered().title(" Statements ").border_style(if focused {
        styles.border_focused
    } else {
        styles.border
    });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let max = usize::from(inner.width);
    let lines: Vec<Line> = app
        .rows
        .iter()
        .enumerate()
        .skip(app.tree_offset)
        .take(usize::from(inner.height))
        .filter_map(|(i, row)| {
            let node = app.corpus.get(row.path)?;
            let marker = if child_count(&app.corpus, row.path) == 0 {
                "  "
            } else if app.expanded.contains(row.path) {
                "▾ "
            } else {
                "▸ "
            };
            let indent = "  ".repeat(usize::from(row.depth));
            let text = format!("{indent}{marker}{}", sanitize(&label(node)));
            let style = if Some(i) == app.selected {
                styles.selected
            } else {
                Style::new()
            };
            Some(Line::from(Span::styled(truncate(&text, max), style)))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Cuts `s` to `max` cells, ending with "…" when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = width(c.encode_utf8(&mut [0; 4]));
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}
