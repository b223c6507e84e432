//! The reader pane: the selected node in full, its text laid out by
//! [`crate::layout::reader`], capped at the reading width and centred.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::Styles;
use crate::app::{App, Pane};
use crate::model::NodePath;

/// Draws the reader into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let styles = Styles::of(app);
    let focused = app.focus == Pane::Reader && app.layers.is_empty();
    let title = match app.selected_path() {
        Some(NodePath::Commitment(..)) | Some(NodePath::Area(..)) => " Area ",
        Some(NodePath::Meeting(..)) => " Statement ",
        Some(NodePath::Section(..)) => " Section ",
        _ => " Reader ",
    };
    let doc = app.reader_document();
    let mut block = Block::bordered().title(title).border_style(if focused {
        styles.border_focused
    } else {
        styles.border
    });
    let inner = block.inner(area);
    let height = usize::from(inner.height);
    block =
        block.title_bottom(Line::from(position(app.reader_scroll, height, doc.lines.len())).right_aligned());
    if let Some(prompt) = search_prompt(app, doc.matches.len()) {
        block = block.title_bottom(Span::styled(prompt, styles.title));
    }
    frame.render_widget(block, area);
    let Some(mut text_area) = crate::layout::text_area(inner) else {
        return;
    };
    // Capped at the reading width and centred in a wider pane.
    let width = app.screen().reader_text_width();
    if text_area.width > width {
        text_area.x += (text_area.width - width) / 2;
        text_area.width = width;
    }
    let end = (app.reader_scroll + usize::from(text_area.height)).min(doc.lines.len());
    let start = app.reader_scroll.min(end);
    let visible: Vec<Line> = doc.lines[start..end]
        .iter()
        .map(|l| styles.line(app, l))
        .collect();
    frame.render_widget(Paragraph::new(visible), text_area);
}

/// Where the reader is in its text, as vim's ruler says it: "All" when the
/// whole text shows, "Top", "Bot", or the percentage read.
pub fn position(scroll: usize, height: usize, lines: usize) -> String {
    let label = if lines <= height {
        "All".to_string()
    } else if scroll == 0 {
        "Top".to_string()
    } else if scroll + height >= lines {
        "Bot".to_string()
    } else {
        format!("{}%", (scroll + height) * 100 / lines)
    };
    format!(" {label} ")
}

/// The reader search's prompt or counter, for the bottom of the border.
fn search_prompt(app: &App, count: usize) -> Option<String> {
    let s = app.reader_search.as_ref()?;
    let query = crate::wrap::sanitize(&s.query);
    Some(if app.layers.reader_prompt() {
        format!(" /{query}▏ {} ", super::tree::plural(count, "match"))
    } else if count == 0 {
        format!(" /{query}  no matches ")
    } else {
        format!(" /{query}  {} of {count} ", s.current.min(count - 1) + 1)
    })
}
