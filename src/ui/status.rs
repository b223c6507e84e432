//! The status line: where you are, the node's id, and the keys that matter.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Styles;
use super::tree::truncate;
use crate::app::{Action, App, Overlay, Pane};
use crate::wrap::{sanitize, width};

/// The key hints for the current context.
pub fn hints(app: &App) -> String {
    let k = |a: Action| app.config.keys.keys_label(a);
    if app.palette.is_some() {
        return format!(
            "type to search  {} jump  {} close",
            k(Action::Open),
            k(Action::Close)
        );
    }
    match &app.filter {
        Some(f) if f.typing => return format!("{} keep  {} clear", k(Action::Open), k(Action::Close)),
        Some(_) if app.overlay.is_none() && app.tool.is_none() && app.compare.is_none() => {
            return format!(
                "{}/{} next/previous match  {} edit  {} clear",
                k(Action::NextMatch),
                k(Action::PrevMatch),
                k(Action::Filter),
                k(Action::Close)
            );
        }
        _ => {}
    }
    match &app.tool {
        Some(crate::app::Tool::Note { .. }) => {
            return format!("{} save  {} cancel", k(Action::Open), k(Action::Close));
        }
        Some(_) => return format!("{} move  {} close", k(Action::MoveDown), k(Action::Close)),
        None => {}
    }
    if let (None, Some(cmp)) = (app.overlay, &app.compare) {
        return super::compare::hints(app, cmp);
    }
    match (app.overlay, app.focus) {
        (Some(Overlay::Help { .. }), _) | (Some(Overlay::Problems { .. }), _) => {
            format!("{} scroll  {} close", k(Action::MoveDown), k(Action::Close))
        }
        (None, Pane::Tree) => format!(
            "{} open  {} pane  {} help  {} quit",
            k(Action::Open),
            k(Action::SwitchPane),
            k(Action::Help),
            k(Action::Quit)
        ),
        (None, Pane::Reader) => format!(
            "{} scroll  {} tree  {} help  {} quit",
            k(Action::MoveDown),
            k(Action::Left),
            k(Action::Help),
            k(Action::Quit)
        ),
    }
}

/// Cuts `s` to `max` cells from the left, starting with "…" when cut.
fn truncate_left(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut w = 1;
    for c in s.chars().rev() {
        let cw = width(c.encode_utf8(&mut [0; 4]));
        if w + cw > max {
            break;
        }
        kept.push(c);
        w += cw;
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// Draws the status line into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let styles = Styles::of(app);
    let path = app.selected_path();
    let crumb = path.and_then(|p| app.corpus.breadcrumb(p)).unwrap_or_default();
    let id = path.and_then(|p| app.corpus.id_of(p)).unwrap_or_default();
    let right = hints(app);
    let mut left = match (&app.message, &app.compare) {
        (Some(m), _) => vec![Span::styled(sanitize(m).into_owned(), styles.notice)],
        (None, Some(cmp)) => vec![Span::raw(super::compare::status_left(app, cmp))],
        (None, None) => vec![
            Span::raw(sanitize(&crumb).into_owned()),
            Span::styled(format!("  {id}"), styles.dim),
        ],
    };
    if !app.problems.is_empty() && app.message.is_none() {
        let key = app.config.keys.keys_label(Action::Problems);
        left.insert(
            0,
            Span::styled(
                format!(
                    "⚠ {} ({key}) ",
                    crate::output::plural(app.problems.len(), "problem")
                ),
                styles.notice,
            ),
        );
    }
    let total = usize::from(area.width);
    let right_width = width(&right);
    let left_text: String = left.iter().map(|s| s.content.as_ref()).collect();
    let room = total.saturating_sub(right_width + 2);
    let line = if width(&left_text) <= room {
        let gap = total - width(&left_text) - right_width;
        left.push(Span::raw(" ".repeat(gap)));
        left.push(Span::styled(right, styles.dim));
        Line::from(left)
    } else if room >= 20 {
        // Keep the end of the breadcrumb: where you are matters more than
        // the partnership's full name.
        let style = left.first().map(|s| s.style).unwrap_or_default();
        let cut = truncate_left(&left_text, room);
        let gap = total.saturating_sub(width(&cut) + right_width);
        Line::from(vec![
            Span::styled(cut, style),
            Span::raw(" ".repeat(gap)),
            Span::styled(right, styles.dim),
        ])
    } else {
        Line::from(truncate(&left_text, total))
    };
    frame.render_widget(Paragraph::new(line), area);
}
