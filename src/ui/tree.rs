//! The tree pane: partnerships, meetings, sections, areas and commitments with counts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::marks;
use super::theme::Styles;
use crate::app::tree::child_count;
use crate::app::{App, Pane};
use crate::layout::tree_label;
use crate::model::Node;
use crate::search::{Field, FieldMatch};
use crate::wrap::{sanitize, width};

pub use crate::wrap::truncate;

/// The mark of a bookmarked node, before its label.
pub const BOOKMARKED: &str = "★ ";

/// The label of a row, without indentation or marker.
pub fn label(node: Node<'_>) -> String {
    let (title, count) = tree_label(node);
    format!("{title}{count}")
}

/// Draws the tree into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let styles = Styles::of(app);
    let focused = app.focus == Pane::Tree && app.layers.is_empty();
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
            let bookmarked = app
                .corpus
                .id_of(row.path)
                .is_some_and(|id| app.bookmarks.get(&id).is_some());
            let star = if bookmarked { BOOKMARKED } else { "" };
            // Areas stand indented under the sections they are in: a
            // section is a row of its own.
            let indent = "  ".repeat(usize::from(row.depth));
            let explained = app.filter_explain(row.path);
            // A match that shows only through a tag or an acronym says so
            // before the label, where truncation does not hide it.
            let via = explained
                .via
                .as_deref()
                .map(|v| format!("‹{}› ", sanitize(v)))
                .unwrap_or_default();
            let lead = format!("{indent}{marker}{star}{via}");
            let (title, count) = tree_label(node);
            let title = sanitize(&title);
            // The title gives way, never the count.
            let room = max.saturating_sub(width(&lead) + width(&count));
            let shown_title = truncate(&title, room);
            let cut = usize::from(shown_title != title);
            let text = format!("{lead}{shown_title}{count}");
            let style = if Some(i) == app.selected {
                styles.selected
            } else {
                Style::new()
            };
            let marked = marks::shifted(
                &label_marks(&explained.marks, node),
                lead.chars().count() as isize,
                lead.chars().count() + shown_title.chars().count().saturating_sub(cut),
            );
            Some(Line::from(marks::spans(
                &truncate(&text, max),
                &marked,
                style,
                styles.matched,
            )))
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
    let typing = app.layers.filter_prompt();
    // The corrected query the matches answer, said where the count is.
    let fixed = match (&f.corrected, f.pending) {
        (Some(c), false) => format!(", showing results for {}", sanitize(c)),
        _ => String::new(),
    };
    Some(if f.pending {
        // The matches shown are an older query's until the answer comes.
        let cursor = if typing { "▏" } else { " " };
        format!(" /{query}{cursor} searching… ")
    } else if typing {
        format!(" /{query}▏ {}{fixed} ", plural(f.hits.len(), "match"))
    } else if f.hits.is_empty() {
        format!(" /{query}  no matches ")
    } else {
        format!(" /{query}  {} of {}{fixed} ", f.current + 1, f.hits.len())
    })
}

/// "1 match", "2 matches".
pub fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}es")
    }
}
