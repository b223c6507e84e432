//! Where each pane goes, as pure functions of the terminal size, so that
//! `update` (for paging and scrolling) and the view agree.

use ratatui::layout::Rect;

use crate::app::Pane;

/// Below this width or height the app shows a notice instead of panes.
pub const MIN_SIZE: (u16, u16) = (24, 6);

/// Below this width only the focused pane is shown.
pub const SPLIT_WIDTH: u16 = 70;

/// Whether the terminal is too small to lay out.
pub fn too_small(size: (u16, u16)) -> bool {
    size.0 < MIN_SIZE.0 || size.1 < MIN_SIZE.1
}

/// Rows of content inside a bordered pane (the status line and borders taken off).
pub fn body_height(size: (u16, u16)) -> u16 {
    size.1.saturating_sub(3)
}

/// The rectangles of one frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// The tree pane, unless hidden on a narrow terminal.
    pub tree: Option<Rect>,
    /// The reader pane, unless hidden on a narrow terminal.
    pub reader: Option<Rect>,
    /// The status line.
    pub status: Rect,
}

/// Splits `area`: tree left, reader right, status line at the bottom. On a
/// narrow terminal the focused pane takes the whole width.
pub fn panes(area: Rect, focus: Pane) -> Panes {
    let body = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    let status = Rect {
        y: area.y + body.height,
        height: area.height.min(1),
        ..area
    };
    if area.width < SPLIT_WIDTH {
        return match focus {
            Pane::Tree => Panes {
                tree: Some(body),
                reader: None,
                status,
            },
            Pane::Reader => Panes {
                tree: None,
                reader: Some(body),
                status,
            },
        };
    }
    let tree_width = (area.width * 2 / 5).clamp(28, 56);
    let tree = Rect {
        width: tree_width,
        ..body
    };
    let reader = Rect {
        x: body.x + tree_width,
        width: body.width - tree_width,
        ..body
    };
    Panes {
        tree: Some(tree),
        reader: Some(reader),
        status,
    }
}

/// Width available for the reader's text (borders and a margin taken off).
pub fn reader_text_width(size: (u16, u16), focus: Pane) -> u16 {
    let area = Rect::new(0, 0, size.0, size.1);
    let reader = panes(area, focus).reader.or(panes(area, Pane::Reader).reader);
    reader.map_or(1, |r| r.width.saturating_sub(4).max(1))
}

/// The text area inside a bordered block: one cell of margin left and
/// right; `None` when nothing fits.
pub fn text_area(inner: Rect) -> Option<Rect> {
    (inner.width >= 3 && inner.height > 0).then(|| Rect {
        x: inner.x + 1,
        width: inner.width - 2,
        ..inner
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_split_and_narrow_ones_show_the_focused_pane() {
        let p = panes(Rect::new(0, 0, 120, 40), Pane::Tree);
        let (tree, reader) = (p.tree.unwrap(), p.reader.unwrap());
        assert_eq!(tree.width + reader.width, 120);
        assert_eq!(p.status, Rect::new(0, 39, 120, 1));
        let p = panes(Rect::new(0, 0, 50, 20), Pane::Reader);
        assert!(p.tree.is_none());
        assert_eq!(p.reader.unwrap().width, 50);
    }

    #[test]
    fn degenerate_sizes_do_not_underflow() {
        for (w, h) in [(0, 0), (1, 1), (2, 1), (1, 3)] {
            let p = panes(Rect::new(0, 0, w, h), Pane::Tree);
            assert!(p.status.height <= h);
            assert!(reader_text_width((w, h), Pane::Tree) >= 1);
        }
    }
}
