//! The view: draws an `&App`, never changes it.

pub mod compare;
pub mod layout;
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

use crate::app::App;

/// Draws one frame.
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
    let panes = layout::panes(area, app.focus);
    if let Some(cmp) = &app.compare {
        let body = Rect {
            height: area.height.saturating_sub(1),
            ..area
        };
        compare::draw(frame, body, app, cmp);
    } else {
        if let Some(r) = panes.tree {
            tree::draw(frame, r, app);
        }
        if let Some(r) = panes.reader {
            reader::draw(frame, r, app);
        }
    }
    status::draw(frame, panes.status, app);
    if let Some(o) = app.overlay {
        overlay::draw(frame, area, app, o);
    }
    if let Some(t) = &app.tool {
        tools::draw(frame, area, app, t);
    }
    if let Some(p) = &app.palette {
        palette::draw(frame, area, app, p);
    }
}
