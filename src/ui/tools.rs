//! The tools' windows: the bookmark note prompt, the bookmark picker and
//! the glossary pane. Drawn from `&App`; their state is in [`Tool`].

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::overlay;
use super::theme::Styles;
use super::tree::truncate;
use crate::app::tools::Picker;
use crate::app::{Action, App, Tool};
use crate::wrap::sanitize;

/// Draws the open tool over `screen`.
pub fn draw(frame: &mut Frame, screen: Rect, app: &App, tool: &Tool) {
    match tool {
        Tool::Note { id, text } => note(frame, screen, app, id, text),
        Tool::Bookmarks(p) => picker(frame, screen, app, p, " Bookmarks "),
        Tool::Glossary(p, _) => picker(frame, screen, app, p, " Glossary "),
    }
}

fn window(frame: &mut Frame, a: Rect, app: &App, title: &str, bottom: String) -> Option<Rect> {
    let styles = Styles::of(app);
    let block = Block::bordered()
        .title(title)
        .title_bottom(bottom)
        .border_style(styles.border_focused);
    super::overlay::window(frame, a, block)
}

fn note(frame: &mut Frame, screen: Rect, app: &App, id: &str, text: &str) {
    let styles = Styles::of(app);
    let w = screen.width.min(76);
    let h = screen.height.min(6);
    let a = Rect {
        x: screen.x + (screen.width - w) / 2,
        y: screen.y + (screen.height - h) / 2,
        width: w,
        height: h,
    };
    let keys = &app.config.keys;
    let bottom = format!(
        " {} save  {} cancel ",
        keys.keys_label(Action::Open),
        keys.keys_label(Action::Close)
    );
    let Some(inner) = window(frame, a, app, " Bookmark ", bottom) else {
        return;
    };
    let max = usize::from(inner.width);
    // Show the end of a long note, where the typing is.
    let typed = format!("Note: {}▏", sanitize(text));
    let skip = typed.chars().count().saturating_sub(max);
    let lines = vec![
        Line::styled(truncate(&sanitize(id), max), styles.title),
        Line::raw(typed.chars().skip(skip).collect::<String>()),
        Line::styled(
            truncate("(optional; Enter with no note is fine)", max),
            styles.dim,
        ),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}

fn picker(frame: &mut Frame, screen: Rect, app: &App, p: &Picker, title: &str) {
    let styles = Styles::of(app);
    let a = overlay::area(screen);
    let keys = &app.config.keys;
    let k = |a: Action| keys.keys_label(a);
    let items = app.picker_items();
    let bottom = if p.typing {
        format!(" {} keep filter  {} clear ", k(Action::Open), k(Action::Close))
    } else if matches!(app.tool(), Some(Tool::Bookmarks(_))) {
        format!(
            " {} jump  {} delete  {} undo  {} filter  {}/{} close ",
            k(Action::Open),
            k(Action::DeleteBookmark),
            k(Action::Undo),
            k(Action::Filter),
            k(Action::Close),
            k(Action::Quit)
        )
    } else {
        format!(
            " {} go to definition  {} filter  {}/{} close ",
            k(Action::Open),
            k(Action::Filter),
            k(Action::Close),
            k(Action::Quit)
        )
    };
    let title = format!("{}({}) ", title, items.len());
    let Some(inner) = window(frame, a, app, &title, bottom) else {
        return;
    };
    let max = usize::from(inner.width);
    let filter = if p.typing {
        format!("Filter: {}▏", sanitize(&p.filter))
    } else if p.filter.is_empty() {
        format!("{} to filter", k(Action::Filter))
    } else {
        format!("Filter: {}", sanitize(&p.filter))
    };
    let mut lines = vec![Line::styled(truncate(&filter, max), styles.dim), Line::default()];
    let room = usize::from(inner.height).saturating_sub(2) / 2;
    let first = p.selected.saturating_sub(room.saturating_sub(1));
    for (i, item) in items.iter().enumerate().skip(first).take(room.max(1)) {
        let title_style = if i == p.selected {
            styles.selected
        } else if item.missing {
            styles.notice
        } else {
            styles.title
        };
        lines.push(Line::from(Span::styled(
            truncate(&sanitize(&item.title), max),
            title_style,
        )));
        lines.push(Line::styled(
            truncate(&format!("  {}", sanitize(&item.detail)), max),
            styles.dim,
        ));
    }
    if items.is_empty() {
        let empty = if !p.filter.is_empty() {
            "nothing matches".to_string()
        } else if matches!(app.tool(), Some(Tool::Bookmarks(_))) {
            format!("no bookmarks yet: press {} on a commitment", k(Action::Bookmark))
        } else {
            "nothing here".to_string()
        };
        lines.push(Line::styled(truncate(&empty, max), styles.dim));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
