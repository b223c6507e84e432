//! The windows over the panes, the help and the problems: their state
//! ([`Overlay`]) and their changes, called from `update`.

use super::{Action, App, Layer, help};
use crate::layout;

/// A window drawn over the panes: the help or the problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Every key in force, by context.
    Help(help::HelpView),
    /// Problems found while loading statements and settings.
    Problems {
        /// First line shown.
        scroll: usize,
    },
}

impl App {
    /// Opens the help or the problems.
    pub(super) fn open_overlay(&mut self, action: Action) {
        let overlay = match action {
            Action::Problems if self.problems.is_empty() => {
                self.message = Some("No problems were found while loading.".into());
                return;
            }
            Action::Problems => Overlay::Problems { scroll: 0 },
            // Over the comparison, the help opens at the comparison's keys
            // and the legend of its signs.
            _ if self.compare().is_some() => {
                let (width, _) = layout::overlay_text_size(self.size);
                let lines = layout::help::document(&help::sections(&self.config.keys), "", width);
                let at = lines.iter().position(|l| l.text() == "Comparison").unwrap_or(0);
                let mut view = help::HelpView {
                    scroll: at,
                    ..help::HelpView::default()
                };
                view.scroll = view
                    .scroll
                    .min(self.overlay_max_scroll(&Overlay::Help(view.clone())));
                Overlay::Help(view)
            }
            _ => Overlay::Help(help::HelpView::default()),
        };
        self.layers.push(Layer::Overlay(overlay));
    }

    pub(super) fn update_overlay(&mut self, action: Action) {
        let page = self.page();
        let max = self.overlay().map_or(0, |o| self.overlay_max_scroll(o));
        // Clamped to the overlay's length.
        let scroll = |s: &mut usize| {
            if let Some(to) = action.step(*s, max, page) {
                *s = to;
            }
        };
        let close = match self.layers.top_mut() {
            Some(Layer::Overlay(Overlay::Help(h))) => match action {
                Action::Close if h.typing || !h.filter.is_empty() => {
                    // Esc clears the help's filter first, as in the pickers.
                    h.typing = false;
                    h.filter.clear();
                    h.scroll = 0;
                    false
                }
                Action::Open if h.typing => {
                    h.typing = false;
                    false
                }
                Action::Filter => {
                    h.typing = true;
                    false
                }
                // In an overlay `q` closes it, as in lazygit and less's help.
                Action::Close | Action::Help | Action::Quit => true,
                _ => {
                    scroll(&mut h.scroll);
                    false
                }
            },
            Some(Layer::Overlay(Overlay::Problems { scroll: s })) => match action {
                Action::Close | Action::Problems | Action::Quit => true,
                _ => {
                    scroll(s);
                    false
                }
            },
            _ => false,
        };
        if close {
            self.layers.pop();
        }
    }

    /// The largest useful scroll offset of an overlay.
    fn overlay_max_scroll(&self, overlay: &Overlay) -> usize {
        let (width, height) = layout::overlay_text_size(self.size);
        let lines = match overlay {
            Overlay::Help(h) => {
                layout::help::document(&help::sections(&self.config.keys), &h.filter, width).len()
            }
            Overlay::Problems { .. } => self.problem_lines(width).len(),
        };
        lines.saturating_sub(height)
    }

    /// The problems overlay's lines at `width`.
    pub fn problem_lines(&self, width: usize) -> Vec<layout::doc::Line> {
        let mut w = layout::doc::Writer::new(width);
        w.para(
            &format!(
                "{} found while loading",
                crate::output::plural(self.problems.len(), "problem")
            ),
            layout::doc::Role::Title,
        );
        w.blank();
        for p in &self.problems {
            w.indented("  ", &p.to_string(), layout::doc::Role::Plain);
        }
        w.blank();
        w.para(
            "The statements that loaded are shown; the rest were skipped.",
            layout::doc::Role::Dim,
        );
        w.lines
    }

    /// A character typed into the help's filter, or Backspace.
    pub(super) fn edit_help_filter(&mut self, typed: Option<char>) {
        if let Some(Layer::Overlay(Overlay::Help(h))) = self.layers.top_mut() {
            match typed {
                Some(c) => h.filter.push(c),
                None => {
                    h.filter.pop();
                }
            }
            h.scroll = 0;
        }
    }
}
