//! Windows drawn over the panes: help and load problems.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::Styles;
use crate::app::{Action, App, Overlay};
use crate::wrap::{sanitize, wrap};

/// The rectangle of an overlay: centred, most of the screen.
pub fn area(screen: Rect) -> Rect {
    let w = (screen.width.saturating_mul(4) / 5).clamp(screen.width.min(30), screen.width.min(96));
    let h = (screen.height.saturating_mul(4) / 5).clamp(screen.height.min(8), screen.height);
    Rect {
        x: screen.x + (screen.width - w) / 2,
        y: screen.y + (screen.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The lines of an overlay at text width `width`.
pub fn lines(app: &App, overlay: Overlay, width: usize) -> Vec<Line<'static>> {
    let styles = Styles::of(app);
    match overlay {
        Overlay::Help { .. } => help_lines(app, &styles, width),
        Overlay::Problems { .. } => {
            let mut out = vec![
                Line::styled(
                    format!(
                        "{} found while loading",
                        crate::output::plural(app.problems.len(), "problem")
                    ),
                    styles.title,
                ),
                Line::default(),
            ];
            for p in &app.problems {
                let text = sanitize(&p.to_string()).into_owned();
                for r in wrap(&text, width.saturating_sub(2)) {
                    out.push(Line::raw(format!("  {}", &text[r])));
                }
            }
            out.push(Line::default());
            out.push(Line::styled(
                "The statements that loaded are shown; the rest were skipped.",
                styles.dim,
            ));
            out
        }
    }
}

fn help_lines(app: &App, styles: &Styles, width: usize) -> Vec<Line<'static>> {
    let keys = &app.config.keys;
    let label_width = Action::ALL
        .iter()
        .map(|&a| keys.keys_label(a).chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    let mut out = vec![Line::styled("Keys", styles.title), Line::default()];
    for action in Action::ALL {
        let label = keys.keys_label(action);
        let label = if label.is_empty() {
            "(none)".to_string()
        } else {
            label
        };
        out.push(Line::from(vec![
            Span::styled(format!("  {label:<label_width$}  "), styles.title),
            Span::raw(action.describe()),
            Span::styled(format!("  [{}]", action.name()), styles.dim),
        ]));
    }
    out.push(Line::from(vec![
        Span::styled(format!("  {:<label_width$}  ", "Ctrl-c"), styles.title),
        Span::raw("quit, whatever the settings say"),
    ]));
    out.push(Line::default());
    let note =
        "Keys can be changed in the config file (`jointly config --path`), by the action names in brackets.";
    for r in wrap(note, width) {
        out.push(Line::styled(note[r].to_string(), styles.dim));
    }
    out.push(Line::default());
    out.push(Line::styled("Search (filter and jump palette)", styles.title));
    out.push(Line::default());
    for r in wrap(crate::search::RULE, width) {
        out.push(Line::raw(crate::search::RULE[r].to_string()));
    }
    out
}

/// Text width inside an overlay on a screen of `size`.
pub fn text_width(size: (u16, u16)) -> usize {
    usize::from(area(Rect::new(0, 0, size.0, size.1)).width.saturating_sub(4))
}

/// The largest useful scroll offset of an overlay.
pub fn max_scroll(app: &App, overlay: Overlay) -> usize {
    let a = area(Rect::new(0, 0, app.size.0, app.size.1));
    lines(app, overlay, text_width(app.size))
        .len()
        .saturating_sub(usize::from(a.height.saturating_sub(2)))
}

/// Clears `area`, draws `block` there and returns the text area inside it.
pub fn window(frame: &mut Frame, area: Rect, block: Block) -> Option<Rect> {
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    super::layout::text_area(inner)
}

/// Draws `overlay` over `screen`.
pub fn draw(frame: &mut Frame, screen: Rect, app: &App, overlay: Overlay) {
    let styles = Styles::of(app);
    let a = area(screen);
    let (title, scroll) = match overlay {
        Overlay::Help { scroll } => (" Help ", scroll),
        Overlay::Problems { scroll } => (" Problems ", scroll),
    };
    let close = app.config.keys.keys_label(Action::Close);
    let block = Block::bordered()
        .title(title)
        .title_bottom(format!(" {close} to close "))
        .border_style(styles.border_focused);
    let Some(text) = window(frame, a, block) else {
        return;
    };
    let all = lines(app, overlay, usize::from(text.width));
    let visible: Vec<Line> = all
        .into_iter()
        .skip(scroll)
        .take(usize::from(text.height))
        .collect();
    frame.render_widget(Paragraph::new(visible).style(Style::new()), text);
}
