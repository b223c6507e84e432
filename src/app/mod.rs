//! Application state and the one place it changes: [`App::update`].
//!
//! The view ([`crate::ui`]) reads an `&App` and draws it; keys become
//! [`Action`]s through the key map in [`App::action_for`].

pub mod action;
pub mod compare;
pub mod filter;
pub mod help;
pub mod keymap;
pub mod layers;
pub mod message;
mod overlay;
pub mod palette;
pub mod reader;
pub mod tools;
pub mod tree;
mod widths;

use crate::bookmarks::BookmarkSet;
use crate::config::{Config, DefaultView};
use crate::loader::Problem;
use std::sync::Arc;

use crate::glossary::Glossary;
use crate::layout;
use crate::model::{Corpus, NodePath};
use crate::search::Searcher;
use crate::state::nearest_surviving;
use crate::timestamp::Timestamp;
pub use action::Action;
use keymap::KeyBinding;
pub use layers::{Layer, Layers};
pub use layout::Pane;
pub use message::{Effect, Msg};
pub use overlay::Overlay;
pub use tools::Tool;
use tree::{Expanded, Row};

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
    /// Columns the tree's rows want, worked out when the rows change.
    tree_content: u16,
    /// The widths of the tree's labels, kept so that new rows are not
    /// measured again.
    label_widths: widths::LabelWidths,
    /// Index of the selected row; `None` only when there are no rows.
    pub selected: Option<usize>,
    /// First tree row shown.
    pub tree_offset: usize,
    /// First reader line shown.
    pub reader_scroll: usize,
    /// Focused pane.
    pub focus: Pane,
    /// The modes over the browser, innermost last: it takes the keys.
    pub layers: Layers,
    /// Columns the user widened (or, negative, narrowed) the tree by.
    pub tree_adjust: i16,
    /// The search in the reader's text (`/` with the reader focused).
    pub reader_search: Option<reader::ReaderSearch>,
    /// The comparison as it was left, for `c` to return to.
    pub left_compare: Option<Box<compare::Comparison>>,
    /// Terminal size in cells (columns, rows).
    pub size: (u16, u16),
    /// A one-off message for the status line.
    pub message: Option<String>,
    /// False once the user asked to quit.
    pub running: bool,
    /// The bookmarks, as this copy of jointly knows them.
    pub bookmarks: BookmarkSet,
    /// The tree's filter (`/`), while one is typed or kept.
    pub filter: Option<filter::Filter>,
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
    /// The reader's text, built in `update` when what it shows changes, so
    /// that drawing a frame builds nothing ([`App::reader_document`]).
    reader_doc: Option<reader::CachedDocument>,
    /// The time, for stamping bookmarks (replaceable in tests).
    pub clock: fn() -> Timestamp,
}

impl App {
    /// A new app on `corpus`, with the outline open and the first meeting
    /// selected (its header, preamble and areas fill the reader), in the
    /// configured default view.
    pub fn new(corpus: Corpus, problems: Vec<Problem>, config: Config, colour: bool) -> App {
        let expanded = Expanded::outline(&corpus);
        let rows = tree::rows(&corpus, &expanded);
        // The first meeting says more than its partnership's four lines.
        let first = rows
            .iter()
            .position(|r| matches!(r.path, NodePath::Meeting(..)))
            .unwrap_or(0);
        let mut app = App {
            selected: (!rows.is_empty()).then_some(first),
            corpus: Arc::new(corpus),
            problems,
            config,
            colour,
            expanded,
            rows,
            tree_content: 0,
            label_widths: widths::LabelWidths::default(),
            tree_offset: 0,
            reader_scroll: 0,
            focus: Pane::Tree,
            layers: Layers::default(),
            tree_adjust: 0,
            reader_search: None,
            left_compare: None,
            size: (80, 24),
            message: None,
            running: true,
            bookmarks: BookmarkSet::default(),
            filter: None,
            searcher: None,
            off_thread: false,
            glossary: None,
            effects: Vec::new(),
            reader_doc: None,
            clock: Timestamp::now,
        };
        app.tree_content = app.label_widths.content(&app.corpus, &app.rows);
        if app.config.default_view == DefaultView::Compare {
            app.open_compare();
        }
        app.reader_text();
        app
    }

    /// The selected node, if any.
    pub fn selected_path(&self) -> Option<NodePath> {
        self.selected.and_then(|i| self.rows.get(i)).map(|r| r.path)
    }

    /// What a key press means now, if anything. Ctrl-c always quits.
    pub fn action_for(&self, key: KeyBinding) -> Option<Action> {
        if key.is_ctrl_c() {
            return Some(Action::QuitNow);
        }
        self.config.keys.action(key)
    }

    /// Applies one action or message. The only place where state changes.
    pub fn update(&mut self, msg: impl Into<Msg>) {
        self.apply(msg.into());
        // The view reads the reader's text; have it ready for what changed.
        self.reader_text();
    }

    /// [`App::update`]'s work.
    fn apply(&mut self, msg: Msg) {
        let action = match msg {
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
        if action == Action::QuitNow {
            self.running = false;
            return;
        }
        // From anywhere, as Ctrl-c quits from anywhere: nothing changes here.
        if action == Action::Suspend {
            self.effects.push(Effect::Suspend);
            return;
        }
        match self.layers.top() {
            Some(Layer::Palette(_)) => self.update_palette(action),
            Some(Layer::FilterPrompt) => self.update_filter_prompt(action),
            Some(Layer::ReaderPrompt) => self.update_reader_prompt(action),
            Some(Layer::Tool(_)) => {
                if let Some(Layer::Tool(tool)) = self.layers.pop() {
                    self.update_tool(tool, Msg::Action(action));
                }
            }
            Some(Layer::Overlay(_)) => self.update_overlay(action),
            Some(Layer::Compare(_)) => match action {
                Action::Help | Action::Problems => self.open_overlay(action),
                _ => self.update_compare(action),
            },
            None => self.update_browser(action),
        }
    }

    /// Handles an action when nothing covers the tree and the reader.
    fn update_browser(&mut self, action: Action) {
        if action == Action::Quit {
            self.running = false;
            return;
        }
        // With the reader focused, `/`, `n` and `N` search its text, as in less.
        if self.focus == Pane::Reader && self.update_reader_search_keys(action) {
            return;
        }
        if self.start_search(action) || self.start_tool(action) {
            return;
        }
        match action {
            Action::Help | Action::Problems => self.open_overlay(action),
            Action::Compare => self.open_compare(),
            Action::WhatChanged => self.open_what_changed(),
            Action::TreeWider | Action::TreeNarrower => self.adjust_tree(action),
            Action::SwitchPane => {
                self.focus = match self.focus {
                    Pane::Tree => Pane::Reader,
                    Pane::Reader => Pane::Tree,
                };
                self.clamp_scroll();
            }
            Action::Close => {
                if self.focus == Pane::Reader {
                    self.focus = Pane::Tree;
                    self.clamp_scroll();
                }
            }
            _ => match self.focus {
                Pane::Tree => self.update_tree(action),
                Pane::Reader => self.update_reader(action),
            },
        }
    }

    /// The open overlay, if that is what is on top.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.layers.overlay()
    }

    /// The open tool, if that is what is on top.
    pub fn tool(&self) -> Option<&Tool> {
        self.layers.tool()
    }

    /// The comparison, when open.
    pub fn compare(&self) -> Option<&compare::Comparison> {
        self.layers.compare()
    }

    /// The jump palette, when open.
    pub fn palette(&self) -> Option<&palette::Palette> {
        self.layers.palette()
    }

    /// Whether the stack of layers is one that can exist: each layer where
    /// it may go, and a prompt only over what it edits.
    pub fn layers_valid(&self) -> bool {
        self.layers.is_valid()
            && (!self.layers.filter_prompt() || self.filter.is_some())
            && (!self.layers.reader_prompt() || self.reader_search.is_some())
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
                match self.layers.top() {
                    Some(Layer::Palette(_)) => self.edit_palette(typed),
                    Some(Layer::FilterPrompt) => self.edit_filter(typed),
                    Some(Layer::ReaderPrompt) => self.edit_reader_search(typed),
                    Some(Layer::Overlay(Overlay::Help(_))) => self.edit_help_filter(typed),
                    Some(Layer::Tool(_)) => {
                        if let Some(Layer::Tool(tool)) = self.layers.pop() {
                            self.update_tool(tool, msg);
                        }
                    }
                    _ => {}
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
                    None => self.layers = Layers::default(),
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

    /// How the frame is divided now.
    pub fn screen(&self) -> layout::Screen {
        layout::Screen {
            size: self.size,
            focus: self.focus,
            tree_width: layout::tree_width(self.size.0, self.tree_content, self.tree_adjust),
            reading_width: self.config.reading_width,
        }
    }

    /// Shows `rows` in the tree, and measures what they want.
    pub(super) fn set_rows(&mut self, rows: Vec<Row>) {
        self.rows = rows;
        self.tree_content = self.label_widths.content(&self.corpus, &self.rows);
    }

    /// `<` and `>`: the tree narrower or wider, by four columns.
    fn adjust_tree(&mut self, action: Action) {
        let before = self.screen().tree_width;
        let step = if action == Action::TreeWider { 4 } else { -4 };
        self.tree_adjust = self.tree_adjust.saturating_add(step);
        // Keep the adjustment within what can be shown, so that the
        // other key answers at once.
        let natural = layout::tree_width(self.size.0, self.tree_content, 0);
        let now = self.screen().tree_width;
        self.tree_adjust = now as i16 - natural as i16;
        if now == before {
            let which = if step > 0 { "widest" } else { "narrowest" };
            self.message = Some(format!("The tree is as {which} as it can be here"));
        }
        self.clamp_scroll();
    }

    /// The reader's content for the selection, laid out at its width, as
    /// the last `update` built it. Built here only if a field was changed
    /// from outside `update` since (as some tests do).
    pub fn reader_document(&self) -> std::borrow::Cow<'_, layout::reader::Document> {
        let key = self.reader_key();
        match &self.reader_doc {
            Some(cached) if cached.key == key => std::borrow::Cow::Borrowed(&cached.doc),
            _ => std::borrow::Cow::Owned(self.build_reader_document()),
        }
    }

    /// The reader's content, built again only if what it shows changed
    /// since it was last built.
    fn reader_text(&mut self) -> &layout::reader::Document {
        let key = self.reader_key();
        let doc = match self.reader_doc.take() {
            Some(cached) if cached.key == key => cached.doc,
            _ => self.build_reader_document(),
        };
        &self.reader_doc.insert(reader::CachedDocument { key, doc }).doc
    }

    /// Lays out the reader's content afresh.
    fn build_reader_document(&self) -> layout::reader::Document {
        #[cfg(test)]
        reader::BUILDS.with(|n| n.set(n.get() + 1));
        let marks = |p: NodePath| self.filter_marks(p);
        let k = |a: Action| self.config.keys.keys_label(a);
        let empty = match &self.filter {
            Some(f) => format!(
                "Nothing matches “{}”. {} clears the filter.",
                f.query,
                k(Action::Close)
            ),
            None => "No statements are loaded. Run `jointly --help` to see how to add some.".into(),
        };
        let hint = format!(
            "{} choose a meeting, {} opens it, {} shows every key.",
            self.config.keys.keys_label(Action::MoveDown),
            k(Action::Open),
            k(Action::Help)
        );
        layout::reader::document(&layout::reader::Input {
            corpus: &self.corpus,
            selected: self.selected_path(),
            width: usize::from(self.screen().reader_text_width()),
            marks: &marks,
            empty: &empty,
            hint: &hint,
            search: self.reader_search.as_ref().map(|s| s.query.as_str()),
        })
    }

    /// Rows in a page of the tree or reader.
    fn page(&self) -> usize {
        usize::from(layout::body_height(self.size)).max(1)
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
                } else if let Some(parent) = self.corpus.tree_parent(path) {
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
        self.expanded.reveal(&self.corpus, path);
        self.set_rows(tree::rows(&self.corpus, &self.expanded));
        if let Some(i) = self.rows.iter().position(|r| r.path == path) {
            self.reselect(i, before);
        }
    }

    /// Recomputes the rows after a change of expansion, keeping `keep` selected.
    fn refresh_rows(&mut self, keep: NodePath) {
        let before = self.selected_path();
        self.set_rows(self.visible_rows());
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
            // top.
            let doc = self.reader_text();
            let (selected, lines) = (doc.selected, doc.lines.len());
            self.reader_scroll = selected.map_or(0, |l| l.saturating_sub(2));
            self.clamp_reader(lines);
        }
        self.clamp_tree();
    }

    /// Keeps scroll offsets inside their content after a move or a resize.
    fn clamp_scroll(&mut self) {
        let lines = self.reader_text().lines.len();
        self.clamp_reader(lines);
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
