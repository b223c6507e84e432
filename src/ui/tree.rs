//! The tree pane: partnerships, meetings, areas and commitments with counts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::marks;
use super::theme::Styles;
use crate::app::tree::child_count;
use crate::app::{App, Pane};
use crate::model::Node;
use crate::search::{Field, FieldMatch};
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
    let mut block = Block::bordered().title(" Statements ").border_style(if focused {
        styles.border_focused
    } else {
        styles.border
    });
    if let Some(prompt) = filter_prompt(app) {
        block = block.title_bottom(Span::styled(prompt, styles.title));
    }
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
            // A filtered tree shows each node open on its matching children.
            let open = match &app.filter {
                Some(_) => app.rows.get(i + 1).is_some_and(|next| next.depth > row.depth),
                None => app.expanded.contains(row.path),
            };
            let marker = if child_count(&app.corpus, row.path) == 0 {
                "  "
            } else if open {
                "▾ "
            } else {
                "▸ "
            };
            let indent = "  ".repeat(usize::from(row.depth));
            let explained = app.filter_explain(row.path);
            // A match that shows only through a tag or an acronym says so
            // before the label, where truncation does not hide it.
            let via = explained
                .via
                .as_deref()
                .map(|v| format!("‹{}› ", sanitize(v)))
                .unwrap_or_default();
            let lead = format!("{indent}{marker}{via}");
            let text = format!("{lead}{}", sanitize(&label(node)));
            let style = if Some(i) == app.selected {
                styles.selected
            } else {
                Style::new()
            };
            let shown = truncate(&text, max);
            let cut = usize::from(shown != text);
            let marked = marks::shifted(
                &label_marks(&explained.marks, node),
                lead.chars().count() as isize,
                shown.chars().count().saturating_sub(cut),
            );
            Some(Line::from(marks::spans(&shown, &marked, style, styles.matched)))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The characters of a row's label that the filter matched (`found`).
fn label_marks(found: &[FieldMatch], node: Node<'_>) -> Vec<usize> {
    let (field, offset) = match node {
        Node::Area(..) => (Field::Title, 0),
        Node::Commitment(_, _, _, i, _) => (Field::Text, format!("{}. ", i + 1).chars().count()),
        _ => return Vec::new(),
    };
    let found = marks::in_field(found, field);
    marks::shifted(&found, offset as isize, usize::MAX)
}

/// The filter's prompt or counter, for the bottom of the tree's border.
fn filter_prompt(app: &App) -> Option<String> {
    let f = app.filter.as_ref()?;
    let query = sanitize(&f.query);
    // The corrected query the matches answer, said where the count is.
    let fixed = match (&f.corrected, f.pending) {
        (Some(c), false) => format!(", showing results for {}", sanitize(c)),
        _ => String::new(),
    };
    Some(if f.pending {
        // The matches shown are an older query's until the answer comes.
        let cursor = if f.typing { "▏" } else { " " };
        format!(" /{query}{cursor} searching… ")
    } else if f.typing {
        format!(" /{query}▏ {}{fixed} ", plural(f.hits.len(), "match"))
    } else if f.hits.is_empty() {
        format!(" /{query}  no matches ")
    } else {
        format!(" /{query}  {} of {}{fixed} ", f.current + 1, f.hits.len())
    })
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}es")
    }
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
