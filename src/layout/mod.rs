//! Geometry: where each pane goes and how many lines a text takes at a
//! width, as pure functions of the terminal size and the content, so that
//! `update` (for paging and scrolling) and the view agree. Both read this
//! module; it reads neither.

pub mod compare;
pub mod doc;
pub mod help;
pub mod reader;

use ratatui::layout::Rect;

use crate::model::Node;

/// The pane that receives movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The outline of partnerships, meetings, areas and commitments.
    Tree,
    /// The text of the selected node.
    Reader,
}

/// The tree pane's width limits: never narrower than this...
pub const TREE_MIN: u16 = 20;

/// ...and the reader keeps at least this many columns.
pub const READER_MIN: u16 = 34;

/// How a frame is divided: the terminal's size, the focused pane, the tree's
/// width and the reading width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    /// Columns and rows.
    pub size: (u16, u16),
    /// The focused pane (the one shown on a narrow terminal).
    pub focus: Pane,
    /// Columns of the tree pane, borders included, when split.
    pub tree_width: u16,
    /// The widest the reader's text may be (columns).
    pub reading_width: u16,
}

/// The tree's width for content `content` columns wide (borders included)
/// on a terminal `columns` wide, moved by the user's `adjust`: the content's
/// width within limits (up to half the screen), then the adjustment, never
/// leaving the reader less than [`READER_MIN`] columns.
pub fn tree_width(columns: u16, content: u16, adjust: i16) -> u16 {
    let max = columns.saturating_sub(READER_MIN).max(TREE_MIN);
    let natural = content
        .max(TREE_MIN.max(28).min(max))
        .min((columns / 2).max(TREE_MIN));
    natural.saturating_add_signed(adjust).clamp(TREE_MIN, max)
}

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

/// Splits `area`: tree left (`tree_width` columns), reader right, status
/// line at the bottom. On a narrow terminal the focused pane takes the whole
/// width.
pub fn panes(area: Rect, focus: Pane, tree_width: u16) -> Panes {
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
    let tree_width = tree_width
        .min(area.width.saturating_sub(READER_MIN))
        .max(TREE_MIN.min(area.width));
    let tree = Rect {
        width: tree_width,
        ..body
    };
    let reader = Rect {
        x: body.x + tree_width,
        width: body.width.saturating_sub(tree_width),
        ..body
    };
    Panes {
        tree: Some(tree),
        reader: Some(reader),
        status,
    }
}

impl Screen {
    /// The panes of this screen.
    pub fn panes(&self) -> Panes {
        panes(
            Rect::new(0, 0, self.size.0, self.size.1),
            self.focus,
            self.tree_width,
        )
    }

    /// Width available for the reader's text (borders and a margin taken
    /// off), capped at the reading width.
    pub fn reader_text_width(&self) -> u16 {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let reader = self
            .panes()
            .reader
            .or(panes(area, Pane::Reader, self.tree_width).reader);
        reader.map_or(1, |r| {
            r.width.saturating_sub(4).clamp(1, self.reading_width.max(1))
        })
    }
}

/// A tree row's label in two parts: the title, which may be cut, and the
/// count after it (" (7)"), which is always shown whole.
pub fn tree_label(node: Node<'_>) -> (String, String) {
    match node {
        Node::Partnership(p) => (p.name.clone(), format!(" ({})", p.meetings.len())),
        Node::Meeting(_, m) => (m.id.clone(), format!(" ({})", m.areas.len())),
        Node::Area(_, _, a) => (a.title.clone(), format!(" ({})", a.commitments.len())),
        Node::Commitment(_, _, _, i, c) => (format!("{}. {}", i + 1, c.text), String::new()),
        // A section counts the areas it holds, as a meeting does.
        Node::Section(_, _, _, s) => (
            format!("{SECTION_SIGN}{}", s.title),
            format!(" ({})", s.area_count()),
        ),
    }
}

/// What a section's title starts with in the tree, so that a section row
/// is never read as an area.
pub const SECTION_SIGN: &str = "§ ";

/// The width in cells of [`tree_label`]'s two parts together, without
/// building them (the tree measures every row when its rows change).
pub fn tree_label_width(node: Node<'_>) -> usize {
    let digits = |n: usize| n.checked_ilog10().map_or(1, |d| d as usize + 1);
    // What is drawn of a title: a 20 MB one-word title is measured no
    // further than the browser draws it (see `wrap::MAX_DRAWN_CHARS`).
    let width = |s: &str| crate::wrap::width(crate::wrap::head(s, crate::wrap::MAX_DRAWN_CHARS).0);
    let (title, count) = match node {
        Node::Partnership(p) => (width(&p.name), p.meetings.len()),
        Node::Meeting(_, m) => (width(&m.id), m.areas.len()),
        Node::Area(_, _, a) => (width(&a.title), a.commitments.len()),
        Node::Section(_, _, _, s) => (width(SECTION_SIGN) + width(s.title), s.area_count()),
        Node::Commitment(..) => return 0,
    };
    title + 3 + digits(count)
}

/// The rectangle of an overlay: centred, most of the screen.
pub fn overlay_area(screen: Rect) -> Rect {
    let w = (screen.width.saturating_mul(4) / 5).clamp(screen.width.min(30), screen.width.min(96));
    let w = w.max(screen.width.min(78));
    let h = (screen.height.saturating_mul(4) / 5).clamp(screen.height.min(8), screen.height);
    Rect {
        x: screen.x + (screen.width - w) / 2,
        y: screen.y + (screen.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Columns and rows of text inside an overlay on a screen of `size`.
pub fn overlay_text_size(size: (u16, u16)) -> (usize, usize) {
    let a = overlay_area(Rect::new(0, 0, size.0, size.1));
    (
        usize::from(a.width.saturating_sub(4)),
        usize::from(a.height.saturating_sub(2)),
    )
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
    fn a_label_is_measured_as_it_is_written() {
        let corpus = crate::loader::load(&crate::loader::LoadOptions::embedded_only()).corpus;
        for (path, _, _) in corpus.meetings() {
            for node in [
                corpus.get(path).unwrap(),
                corpus.get(path.parent().unwrap()).unwrap(),
            ] {
                let (title, count) = tree_label(node);
                assert_eq!(
                    tree_label_width(node),
                    crate::wrap::width(&format!("{title}{count}"))
                );
            }
        }
    }

    #[test]
    fn wide_terminals_split_and_narrow_ones_show_the_focused_pane() {
        let p = panes(Rect::new(0, 0, 120, 40), Pane::Tree, 40);
        let (tree, reader) = (p.tree.unwrap(), p.reader.unwrap());
        assert_eq!(tree.width + reader.width, 120);
        assert_eq!(p.status, Rect::new(0, 39, 120, 1));
        let p = panes(Rect::new(0, 0, 50, 20), Pane::Reader, 40);
        assert!(p.tree.is_none());
        assert_eq!(p.reader.unwrap().width, 50);
    }

    #[test]
    fn degenerate_sizes_do_not_underflow() {
        for (w, h) in [(0, 0), (1, 1), (2, 1), (1, 3)] {
            let p = panes(Rect::new(0, 0, w, h), Pane::Tree, 30);
            assert!(p.status.height <= h);
            let screen = Screen {
                size: (w, h),
                focus: Pane::Tree,
                tree_width: tree_width(w, 40, 0),
                reading_width: 100,
            };
            assert!(screen.reader_text_width() >= 1);
        }
    }
}
