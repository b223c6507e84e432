//! The jump palette: a centred window listing matches with their
//! breadcrumbs, and a preview of the selected one. Drawn from `&App`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use super::marks;
use super::theme::Styles;
use super::tree::truncate;
use crate::app::palette::Palette;
use crate::app::{Action, App};
use crate::model::{Corpus, Node, NodePath};
use crate::search::{self, Field};
use crate::wrap::{sanitize, wrap};

/// The text a palette item shows: a title, or a commitment's text.
fn main_text(corpus: &Corpus, path: NodePath) -> (Field, String) {
    if let Some(Node::Partnership(p)) = corpus.get(path) {
        return (Field::Title, p.name.clone());
    }
    search::main_text(corpus, path).map_or((Field::Text, String::new()), |(f, t)| (f, t.to_string()))
}

/// Characters of `path`'s main text matched by `query`.
fn matched(app: &App, path: NodePath, field: Field, query: &str) -> Vec<usize> {
    marks::in_field(&app.marks(path, query), field)
}

/// The keys that move in the palette: those of the moving actions that are
/// not characters (characters are typed into the query).
fn move_keys(app: &App) -> String {
    let keys: Vec<String> = [
        Action::MoveUp,
        Action::MoveDown,
        Action::Palette,
        Action::NextMatch,
    ]
    .iter()
    .flat_map(|&a| app.config.keys.keys(a))
    .filter(|k| k.printable().is_none())
    .map(ToString::to_string)
    .collect();
    keys.join("/")
}

/// Draws the palette over `screen`.
pub fn draw(frame: &mut Frame, screen: Rect, app: &App, p: &Palette) {
    let styles = Styles::of(app);
    let k = |a: Action| app.config.keys.keys_label(a);
    let block = Block::bordered()
        .title(match (&p.corrected, p.pending) {
            (_, true) => " Jump to (searching…) ".to_string(),
            (Some(c), false) => format!(
                " Jump to ({}, showing results for {}) ",
                p.hits.len(),
                sanitize(c)
            ),
            (None, false) => format!(" Jump to ({}) ", p.hits.len()),
        })
        .title_bottom(format!(
            " {} move  {} jump  {} close ",
            move_keys(app),
            k(Action::Open),
            k(Action::Close)
        ))
        .border_style(styles.border_focused);
    let Some(inner) = super::overlay::window(frame, super::overlay::area(screen), block) else {
        return;
    };
    let max = usize::from(inner.width);
    let height = usize::from(inner.height);
    let preview_height = (height / 3).max(3).min(height.saturating_sub(3));
    let list_height = height.saturating_sub(preview_height + 2);
    let mut lines = vec![Line::styled(
        truncate(&format!("> {}▏", sanitize(&p.query)), max),
        styles.title,
    )];
    let room = (list_height / 2).max(1);
    let first = p.selected.saturating_sub(room - 1);
    for (i, hit) in p.hits.iter().enumerate().skip(first).take(room) {
        let path = hit.path();
        let (field, text) = main_text(&app.corpus, path);
        let text = sanitize(&text).into_owned();
        let shown = truncate(&text, max);
        let cut = usize::from(shown != text);
        let explained = app.explain(path, p.effective_query());
        let marked = marks::shifted(
            &marks::in_field(&explained.marks, field),
            0,
            shown.chars().count().saturating_sub(cut),
        );
        let base = if i == p.selected {
            styles.selected
        } else {
            Style::new()
        };
        lines.push(Line::from(marks::spans(&shown, &marked, base, styles.matched)));
        let crumb = app.corpus.breadcrumb(path).unwrap_or_default();
        // Why it matched, when its text does not show it, before the
        // breadcrumb, where truncation does not hide it.
        let via = explained
            .via
            .as_deref()
            .map(|v| format!("{} · ", sanitize(v)))
            .unwrap_or_default();
        lines.push(Line::styled(
            truncate(&format!("  {via}{}", sanitize(&crumb)), max),
            styles.dim,
        ));
    }
    if p.pending && p.hits.is_empty() {
        lines.push(Line::styled("searching…", styles.dim));
    } else if p.hits.is_empty() {
        lines.push(Line::styled("nothing matches", styles.dim));
    }
    lines.truncate(1 + list_height);
    while lines.len() < 1 + list_height {
        lines.push(Line::default());
    }
    lines.push(Line::styled("─".repeat(max), styles.border));
    if let Some(hit) = p.hits.get(p.selected) {
        let path = hit.path();
        let id = app.corpus.id_of(path).unwrap_or_default();
        lines.push(Line::styled(truncate(&sanitize(&id), max), styles.dim));
        let (field, text) = main_text(&app.corpus, path);
        let text = sanitize(&text).into_owned();
        let marked = matched(app, path, field, p.effective_query());
        for range in wrap(&text, max)
            .into_iter()
            .take(preview_height.saturating_sub(1))
        {
            let start = text[..range.start].chars().count();
            let part = &text[range];
            let m = marks::shifted(&marked, -(start as isize), part.chars().count());
            lines.push(Line::from(marks::spans(part, &m, Style::new(), styles.matched)));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
