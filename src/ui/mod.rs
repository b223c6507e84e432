//! The view: draws an `&App`, never changes it.

pub mod compare;
pub mod marks;
pub mod overlay;
pub mod palette;
pub mod reader;
pub mod status;
pub mod theme;
pub mod tools;
pub mod tree;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{App, Layer};
use crate::layout;

/// Draws one frame: the browser, then each layer over it, bottom-up.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    if area.width == 0 || area.height == 0 {
        return;
    }
    if layout::too_small((area.width, area.height)) {
        let notice = format!("terminal too small ({}x{})", area.width, area.height);
        frame.render_widget(Paragraph::new(notice).wrap(Wrap { trim: true }), area);
        return;
    }
    let panes = app.screen().panes();
    if app.compare().is_none() {
        if let Some(r) = panes.tree {
            tree::draw(frame, r, app);
        }
        if let Some(r) = panes.reader {
            reader::draw(frame, r, app);
        }
    }
    for layer in app.layers.iter() {
        match layer {
            Layer::Compare(cmp) => {
                let body = Rect {
                    height: area.height.saturating_sub(1),
                    ..area
                };
                compare::draw(frame, body, app, cmp);
            }
            // The prompts are drawn in their pane's border.
            Layer::FilterPrompt | Layer::ReaderPrompt => {}
            Layer::Palette(p) => palette::draw(frame, area, app, p),
            Layer::Tool(t) => tools::draw(frame, area, app, t),
            Layer::Overlay(o) => overlay::draw(frame, area, app, o),
        }
    }
    status::draw(frame, panes.status, app);
}
