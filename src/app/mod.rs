//! Application state and the one place it changes: [`App::update`].
//!
//! The view ([`crate::ui`]) reads an `&App` and draws it; keys become
//! [`Action`]s through the key map in [`App::action_for`].

pub mod action;
pub mod compare;
pub mod filter;
pub mod keymap;
pub mod message;
pub mod palette;
pub mod tools;
pub mod tree;

use crate::bookmarks::BookmarkSet;
use crate::config::{Config, DefaultView};
use crate::loader::Problem;
use std::sync::Arc;

use crate::glossary::Glossary;
use crate::model::{Corpus, NodePath};
use crate::search::Searcher;
use crate::state::nearest_surviving;
use crate::timestamp::Timestamp;
use crate::ui;
pub use action::Action;
use keymap::KeyBinding;
pub use message::{Effect, Msg};
pub use tools::Tool;
use tree::{Expanded, Row};

/// The pane that receives movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The outline of partnerships, meetings, areas and commitments.
    Tree,
    /// The text of the selected node.
    Reader,
}

/// A window drawn over the panes; at most one at a time, the innermost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// Every key in force.
    Help {
        /// First line shown.
        scroll: usize,
    },
    /// Problems found while loading statements and settings.
    Problems {
        /// First line shown.
        scroll: usize,
    },
}

/// Everything the view needs, and nothing it could compute itself cheaply.
#[derive(Debug)]
pub struct App {
    /// The statements, shared with the search thread when there is one.
    pub corpus: Arc<Corpus>,
    /// Load and config problems, shown in a notice.
    pub problems: Vec<Problem>,
    /// Keys and colours.
    pub config: Config,
    /// Whether colours may be used (`--color`, `NO_COLOR` and the rest: `output::colour`).
    pub colour: bool,
    /// Open tree nodes.
    pub expanded: Expanded,
    /// Visible tree rows, derived from `corpus` and `expanded`; kept here
    /// because every movement needs it and it only changes in `update`.
    pub rows: Vec<Row>,
    /// Index of the selected row; `None` only when there are no rows.
    pub selected: Option<usize>,
    /// First tree row shown.
    pub tree_offset: usize,
    /// First reader line shown.
    pub reader_scroll: usize,
    /// Focused pane.
    pub focus: Pane,
    /// Overlay on top, if any.
    pub overlay: Option<Overlay>,
    /// Terminal size in cells (columns, rows).
    pub size: (u16, u16),
    /// A one-off message for the status line.
    pub message: Option<String>,
    /// False once the user asked to quit.
    pub running: bool,
    /// The open prompt, picker or glossary, which takes the keys.
    pub tool: Option<Tool>,
    /// The bookmarks, as this copy of jointly knows them.
    pub bookmarks: BookmarkSet,
    /// The side-by-side comparison, when open; it takes the screen.
    pub compare: Option<compare::Comparison>,
    /// The tree's filter (`/`), while one is typed or kept.
    pub filter: Option<filter::Filter>,
    /// The jump palette, while open; it takes the keys.
    pub palette: Option<palette::Palette>,
    /// The fuzzy index, built the first time a search runs; it remembers
    /// the last answers so that a growing query narrows them.
    searcher: Option<Searcher>,
    /// Whether searches are sent out as [`Effect::Search`] rather than run
    /// in `update` (see [`App::search_off_thread`]).
    off_thread: bool,
    /// The corpus's glossary, once built: by a search (in line or off the
    /// thread, whose answers bring it) or by opening the glossary pane.
    glossary: Option<Arc<Glossary>>,
    /// Effects queued by `update` for the event loop.
    effects: Vec<Effect>,
    /// The time, for stamping bookmarks (replaceable in tests).
    pub clock: fn() -> Timestamp,
}

impl App {
    /// A new app on `corpus`, with the outline open and the first row
    /// selected, in the configured default view.
    pub fn new(corpus: Corpus, problems: Vec<Problem>, config: Config, colour: bool) -> App {
        let expanded = Expanded::outline(&corpus);
        let rows = tree::rows(&corpus, &expanded);
        let mut app = App {
            selected: (!rows.is_empty()).then_some(0),
            corpus: Arc::new(corpus),
            problems,
            config,
            colour,
            expanded,
            rows,
            tree_offset: 0,
            reader_scroll: 0,
            focus: Pane::Tree,
            overlay: None,
            size: (80, 24),
            message: None,
            running: true,
            tool: None,
            bookmarks: BookmarkSet::default(),
            compare: None,
            filter: None,
            palette: None,
            searcher: None,
            off_thread: false,
            glossary: None,
            effects: Vec::new(),
            clock: Timestamp::now,
        };
        if app.config.default_view == DefaultView::Compare {
            app.open_compare();
        }
        app
    }

    /// The selected node, if any.
    pub fn selected_path(&self) -> Option<NodePath> {
        self.selected.and_then(|i| self.rows.get(i)).map(|r| r.path)
    }

    /// What a key press means now, if anything. Ctrl-c always quits.
    pub fn action_for(&self, key: KeyBinding) -> Option<Action> {
        if key.is_ctrl_c() {
            return Some(Action::Quit);
        }
        self.config.keys.action(key)
    }

    /// Applies one action or message. The only place where state changes.
    pub fn update(&mut self, msg: impl Into<Msg>) {
        let action = match msg.into() {
            Msg::Action(a) => a,
            msg => return self.update_msg(msg),
        };
        // A resize keeps the status message: it is not the user's answer to it.
        if let Action::Resize(w, h) = action {
            self.size = (w, h);
            self.clamp_scroll();
            self.clamp_compare();
            return;
        }
        self.message = None;
        if action == Action::Quit {
            self.running = false;
            return;
        }
        // From anywhere, as Ctrl-c quits from anywhere: nothing changes here.
        if action == Action::Suspend {
            self.effects.push(Effect::Suspend);
            return;
        }
        if self.palette.is_some() {
            self.update_palette(action);
            return;
        }
        if self.filter.as_ref().is_some_and(|f| f.typing) {
            self.update_filter_prompt(action);
            return;
        }
        if let Some(tool) = self.tool.take() {
            self.update_tool(tool, Msg::Action(action));
            return;
        }
        if let Some(overlay) = self.overlay {
            self.update_overlay(overlay, action);
            return;
        }
        if self.compare.is_some() && !matches!(action, Action::Help | Action::Problems) {
            self.update_compare(action);
            return;
        }
        if self.start_search(action) || self.start_tool(action) {
            return;
        }
        match action {
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Compare => self.open_compare(),
            Action::Problems => {
                if self.problems.is_empty() {
                    self.message = Some("No problems were found while loading.".into());
                } else {
                    self.overlay = Some(Overlay::Problems { scroll: 0 });
                }
            }
            Action::SwitchPane => {
                self.focus = match self.focus {
                    Pane::Tree => Pane::Reader,
                    Pane::Reader => Pane::Tree,
                }
            }
            Action::Close => {
                if self.focus == Pane::Reader {
                    self.focus = Pane::Tree;
                }
            }
            _ => match self.focus {
                Pane::Tree => self.update_tree(action),
                Pane::Reader => self.update_reader(action),
            },
        }
    }

    /// Messages other than key actions.
    fn update_msg(&mut self, msg: Msg) {
        match msg {
            // `update` takes actions before they get here.
            Msg::Action(_) => {}
            Msg::Type(_) | Msg::Erase => {
                self.message = None;
                let typed = match msg {
                    Msg::Type(c) => Some(c),
                    _ => None,
                };
                if self.palette.is_some() {
                    self.edit_palette(typed);
                } else if self.filter.as_ref().is_some_and(|f| f.typing) {
                    self.edit_filter(typed);
                } else if let Some(tool) = self.tool.take() {
                    self.update_tool(tool, msg);
                }
            }
            Msg::Restore(place) => {
                if let Some(path) = place.selected.and_then(|id| nearest_surviving(&self.corpus, &id)) {
                    self.select_path(path);
                }
                self.reader_scroll = place.scroll;
                self.clamp_scroll();
                // The remembered view replaces the default one.
                match place
                    .view
                    .as_deref()
                    .and_then(|v| v.strip_prefix(tools::COMPARE_VIEW))
                {
                    Some(rest) => self.restore_compare(rest),
                    None => self.compare = None,
                }
            }
            Msg::Bookmarks(set) => self.bookmarks = set,
            Msg::Problem(p) => self.problems.push(p),
            Msg::Failed(p) => {
                self.message = Some(p.message.clone());
                self.problems.push(p);
            }
            Msg::Ranked(ranked) => self.take_ranked(ranked),
        }
    }

    fn update_overlay(&mut self, overlay: Overlay, action: Action) {
        let page = self.page();
        // Clamped to the overlay's length when drawn.
        let scroll = |s: usize| action.step(s, usize::MAX, page).unwrap_or(s);
        self.overlay = match (overlay, action) {
            (_, Action::Close) => None,
            (Overlay::Help { .. }, Action::Help) => None,
            (Overlay::Problems { .. }, Action::Problems) => None,
            (Overlay::Help { scroll: s }, _) => Some(Overlay::Help { scroll: scroll(s) }),
            (Overlay::Problems { scroll: s }, _) => Some(Overlay::Problems { scroll: scroll(s) }),
        };
        let max = self.overlay.map_or(0, |o| ui::overlay::max_scroll(self, o));
        self.overlay = match self.overlay {
            Some(Overlay::Help { scroll }) => Some(Overlay::Help {
                scroll: scroll.min(max),
            }),
            Some(Overlay::Problems { scroll }) => Some(Overlay::Problems {
                scroll: scroll.min(max),
            }),
            None => None,
        };
    }

    /// Rows in a page of the tree or reader.
    fn page(&self) -> usize {
        usize::from(ui::layout::body_height(self.size)).max(1)
    }

    fn update_tree(&mut self, action: Action) {
        let Some(sel) = self.selected else {
            return;
        };
        let last = self.rows.len().saturating_sub(1);
        let page = self.page();
        let path = self.rows[sel].path;
        if let Some(new) = action.step(sel, last, page) {
            self.select_row(new);
            return;
        }
        match action {
            Action::Left => {
                if self.expanded.contains(path) && tree::child_count(&self.corpus, path) > 0 {
                    self.expanded.close(path);
                    self.refresh_rows(path);
                } else if let Some(parent) = path.parent() {
                    self.select_path(parent);
                }
            }
            Action::Right | Action::Open => {
                let has_children = tree::child_count(&self.corpus, path) > 0;
                if !has_children {
                    self.focus = Pane::Reader;
                } else if !self.expanded.contains(path) {
                    self.expanded.open(path);
                    self.refresh_rows(path);
                } else if action == Action::Open {
                    self.expanded.close(path);
                    self.refresh_rows(path);
                } else if let Some(child) = tree::first_child(&self.corpus, path) {
                    self.select_path(child);
                }
            }
            _ => {}
        }
    }

    fn update_reader(&mut self, action: Action) {
        // Clamped to the text's length below.
        if let Some(scroll) = action.step(self.reader_scroll, usize::MAX, self.page()) {
            self.reader_scroll = scroll;
        } else if action == Action::Left {
            self.focus = Pane::Tree;
        }
        self.clamp_scroll();
    }

    /// Selects the node at `path`, opening its ancestors so that it shows.
    pub fn select_path(&mut self, path: NodePath) {
        if !self.corpus.contains(path) {
            return;
        }
        if self.filter.is_some() {
            if let Some(i) = self.rows.iter().position(|r| r.path == path) {
                self.select_row(i);
                return;
            }
            // Not among the matches: the filter gives way.
            self.drop_filter();
        }
        let before = self.selected_path();
        self.expanded.reveal(path);
        self.rows = tree::rows(&self.corpus, &self.expanded);
        if let Some(i) = self.rows.iter().position(|r| r.path == path) {
            self.reselect(i, before);
        }
    }

    /// Recomputes the rows after a change of expansion, keeping `keep` selected.
    fn refresh_rows(&mut self, keep: NodePath) {
        let before = self.selected_path();
        self.rows = self.visible_rows();
        let i = self.rows.iter().position(|r| r.path == keep).unwrap_or(0);
        self.reselect(i, before);
    }

    /// Selects row `i` of the same rows (a move).
    fn select_row(&mut self, i: usize) {
        let moved = self.selected != Some(i.min(self.rows.len().saturating_sub(1)));
        self.show_row(i, moved);
    }

    /// Selects row `i` of rows that were just replaced; the reader starts
    /// afresh unless the row shows the node selected `before`.
    fn reselect(&mut self, i: usize, before: Option<NodePath>) {
        let same = self.rows.get(i).map(|r| r.path) == before;
        self.show_row(i, !same);
    }

    fn show_row(&mut self, i: usize, new_node: bool) {
        if self.rows.is_empty() {
            self.selected = None;
            // The reader now says that nothing matches.
            self.clamp_scroll();
            return;
        }
        let i = i.min(self.rows.len() - 1);
        self.selected = Some(i);
        let height = self.page();
        if i < self.tree_offset {
            self.tree_offset = i;
        } else if i >= self.tree_offset + height {
            self.tree_offset = i + 1 - height;
        }
        if new_node {
            // Bring the selected commitment into view, a little below the
            // top; one build of the reader's text serves both.
            let doc = ui::reader::document(self);
            self.reader_scroll = doc.selected.map_or(0, |l| l.saturating_sub(2));
            self.clamp_reader(doc.lines.len());
        }
        self.clamp_tree();
    }

    /// Keeps scroll offsets inside their content after a move or a resize.
    fn clamp_scroll(&mut self) {
        self.clamp_reader(ui::reader::line_count(self));
        self.clamp_tree();
    }

    /// Keeps the reader's scroll inside its `lines` lines.
    fn clamp_reader(&mut self, lines: usize) {
        let max = lines.saturating_sub(self.page());
        self.reader_scroll = self.reader_scroll.min(max);
    }

    /// Keeps the selected row on screen and the tree's scroll inside it.
    fn clamp_tree(&mut self) {
        let height = self.page();
        if let Some(i) = self.selected
            && (i < self.tree_offset || i >= self.tree_offset + height)
        {
            self.tree_offset = i.saturating_sub(height.saturating_sub(1));
        }
        let tree_max = self.rows.len().saturating_sub(height);
        self.tree_offset = self.tree_offset.min(tree_max);
    }
}

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
