//! Windows drawn over the panes: help and load problems.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

use super::theme::Styles;
use crate::app::{Action, App, Overlay, help};
use crate::layout;

/// The rectangle of an overlay: centred, most of the screen.
pub fn area(screen: Rect) -> Rect {
    layout::overlay_area(screen)
}

/// The lines of an overlay at text width `width`.
pub fn lines(app: &App, overlay: &Overlay, width: usize) -> Vec<layout::doc::Line> {
    match overlay {
        Overlay::Help(h) => layout::help::document(&help::sections(&app.config.keys), &h.filter, width),
        Overlay::Problems { .. } => app.problem_lines(width),
    }
}

/// Clears `area`, draws `block` there and returns the text area inside it.
pub fn window(frame: &mut Frame, area: Rect, block: Block) -> Option<Rect> {
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    layout::text_area(inner)
}

/// Draws `overlay` over `screen`.
pub fn draw(frame: &mut Frame, screen: Rect, app: &App, overlay: &Overlay) {
    let styles = Styles::of(app);
    let a = area(screen);
    let k = |a: Action| app.config.keys.keys_label(a);
    let (title, scroll) = match overlay {
        Overlay::Help(h) if h.typing => (
            format!(" Help: /{}▏ ", crate::wrap::sanitize(&h.filter)),
            h.scroll,
        ),
        Overlay::Help(h) if !h.filter.is_empty() => {
            (format!(" Help: /{} ", crate::wrap::sanitize(&h.filter)), h.scroll)
        }
        Overlay::Help(h) => (" Help ".to_string(), h.scroll),
        Overlay::Problems { scroll } => (" Problems ".to_string(), *scroll),
    };
    let bottom = match overlay {
        Overlay::Help(_) => format!(
            " {} filter  {}/{} close ",
            k(Action::Filter),
            k(Action::Close),
            k(Action::Quit)
        ),
        Overlay::Problems { .. } => format!(" {}/{} close ", k(Action::Close), k(Action::Quit)),
    };
    let block = Block::bordered()
        .title(title)
        .title_bottom(bottom)
        .border_style(styles.border_focused);
    let Some(text) = window(frame, a, block) else {
        return;
    };
    let all = lines(app, overlay, usize::from(text.width));
    let visible: Vec<Line> = all
        .iter()
        .skip(scroll)
        .take(usize::from(text.height))
        .map(|l| styles.line(app, l))
        .collect();
    frame.render_widget(Paragraph::new(visible), text);
}
