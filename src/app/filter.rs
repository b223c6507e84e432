//! The in-place filter (`/`): the tree narrowed to what a query matches,
//! ranked, with the parents kept for context. Its state lives in
//! [`Filter`]; its changes happen here, called from `update`.

use std::sync::Arc;

use super::Effect;
use super::tree::{Expanded, Row};
use super::{Action, App, Layer, Pane};
use crate::glossary::Glossary;
use crate::model::{Corpus, Meeting, NodePath, Section};
use crate::search::{Explained, FieldMatch, Hit, Pos, Ranked, Searcher, explain};

/// A filter over the tree: the query, its ranked matches, and where the
/// reader was before, to go back there when the filter is cleared.
#[derive(Debug, Clone)]
pub struct Filter {
    /// The query as typed. Typed characters go to it while
    /// [`super::Layer::FilterPrompt`] is on top; Enter keeps the filter.
    pub query: String,
    /// Matches that passed the cut, best first.
    pub hits: Vec<Hit>,
    /// The corrected query `hits` answer, when a word of `query` was
    /// corrected (see [`Ranked::corrected`]).
    pub corrected: Option<String>,
    /// Whether `hits` answer an older query than `query`: the answer to
    /// this one is being worked out off the interface's thread.
    pub pending: bool,
    /// Whether an answer has been shown since the filter opened: until
    /// then the tree stays whole rather than blank.
    answered: bool,
    /// The match `n`/`N` last went to (index into `hits`).
    pub current: usize,
    /// Where the reader was when the filter opened.
    before: Before,
}

/// The view a filter returns to.
#[derive(Debug, Clone)]
struct Before {
    selected: Option<NodePath>,
    expanded: Expanded,
    tree_offset: usize,
    reader_scroll: usize,
    focus: Pane,
}

/// The rows of a filtered tree: every matched node under its ancestors
/// (the sections of a matched area among them, as context); partnerships,
/// meetings, sections, areas and commitments each ordered by their best
/// match, so that the best match comes first and each group keeps its best
/// members on top. `sectioned(p, m)` says whether meeting `m` of
/// partnership `p` has sections, where the caller knows (`None` where it
/// does not): asking a matched area itself reads it from memory, and at
/// 100,000 commitments that read was a tenth of a keystroke.
pub fn ranked_rows(
    corpus: &Corpus,
    hits: &[Hit],
    sectioned: impl Fn(usize, usize) -> Option<bool>,
) -> Vec<Row> {
    // Group in tree order (a sort, no hashing: this runs on every key), then
    // order each level's groups by the best rank inside them.
    let mut ranked: Vec<(Pos, usize)> = hits.iter().enumerate().map(|(r, h)| (h.pos, r)).collect();
    ranked.sort_unstable();
    // The filtered tree, in tree order, and the chain of nodes the last
    // hit opened, root first.
    let mut nodes: Vec<Group> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    // The sections of the meeting of the last hit: hits come in tree
    // order, so each meeting's are worked out once.
    let mut sections: Option<((usize, usize), Vec<Section<'_>>)> = None;
    let mut chain: Vec<NodePath> = Vec::new();
    for &(pos, rank) in &ranked {
        // The node and its ancestors.
        let path = pos.path();
        chain.clear();
        chain.push(path);
        if let Some((p, m, a)) = path.area() {
            if let NodePath::Commitment(..) = path {
                chain.push(NodePath::Area(p, m, a));
            }
            // Most statements have no sections, and in one that has, an
            // area is asked alone, without working out every section.
            let meeting = match sectioned(p, m) {
                Some(false) => None,
                _ => corpus
                    .meeting(NodePath::Meeting(p, m))
                    .map(|(_, meeting)| meeting),
            };
            if let Some(meeting) = meeting.filter(|meeting| meeting.in_section(a)) {
                if sections.as_ref().is_none_or(|(at, _)| *at != (p, m)) {
                    sections = Some(((p, m), meeting.sections()));
                }
                if let Some((_, secs)) = &sections {
                    let mut s = Meeting::section_of(secs, a);
                    while let Some(i) = s {
                        chain.push(NodePath::Section(p, m, i));
                        s = secs.get(i).and_then(|sec| sec.parent);
                    }
                }
            }
            chain.push(NodePath::Meeting(p, m));
        }
        while let Some(parent) = chain.last().and_then(|p| p.parent()) {
            chain.push(parent);
        }
        // The chain root first: keep the open nodes it shares, open the rest.
        for (k, &node) in chain.iter().rev().enumerate() {
            let same = open
                .get(k)
                .and_then(|&i| nodes.get_mut(i))
                .filter(|n| n.path == node);
            if let Some(n) = same {
                n.best = n.best.min(rank);
                continue;
            }
            let len = nodes.len();
            for i in open.drain(k..) {
                if let Some(n) = nodes.get_mut(i) {
                    n.end = len;
                }
            }
            open.push(nodes.len());
            nodes.push(Group {
                path: node,
                depth: u8::try_from(k).unwrap_or(u8::MAX),
                best: rank,
                end: 0,
            });
        }
    }
    let len = nodes.len();
    for i in open {
        if let Some(n) = nodes.get_mut(i) {
            n.end = len;
        }
    }
    // Freed before the rows are made: at 100,000 commitments a short
    // query's hits take megabytes.
    drop(ranked);
    let mut rows = Vec::with_capacity(nodes.len());
    flatten(&nodes, 0..nodes.len(), &mut rows, &mut Vec::new());
    rows
}

/// A node of the filtered tree, with its best (lowest) rank. The nodes are
/// kept in tree order in one vector, each followed by its descendants up
/// to `end`: one allocation for the tree, not one per node.
struct Group {
    path: NodePath,
    depth: u8,
    best: usize,
    /// Index past its last descendant.
    end: usize,
}

/// Adds the rows of the nodes in `range` of `nodes` whose parent is the
/// one before them (all the nodes, for the top level), each sibling group
/// ordered by its best rank, each node followed by its own. `order` is
/// working space, empty as it was given on return.
fn flatten(nodes: &[Group], range: std::ops::Range<usize>, rows: &mut Vec<Row>, order: &mut Vec<usize>) {
    let start = order.len();
    let mut i = range.start;
    while let Some(node) = nodes.get(i).filter(|_| i < range.end) {
        order.push(i);
        i = node.end.max(i + 1);
    }
    // Unstable is enough: siblings hold different hits, so no two have
    // the same best rank.
    order[start..].sort_unstable_by_key(|&i| nodes.get(i).map_or(usize::MAX, |n| n.best));
    for k in start..order.len() {
        let Some(node) = order.get(k).and_then(|&i| nodes.get(i).map(|n| (i, n))) else {
            continue;
        };
        let (i, node) = node;
        rows.push(Row {
            path: node.path,
            depth: node.depth,
        });
        flatten(nodes, i + 1..node.end, rows, order);
    }
    order.truncate(start);
}

impl App {
    /// The rows the tree shows now: filtered while a filter with a query is
    /// on, else the open nodes.
    pub fn visible_rows(&self) -> Vec<Row> {
        match &self.filter {
            Some(f) if f.answered && !f.query.trim().is_empty() => {
                ranked_rows(&self.corpus, &f.hits, |p, m| self.label_widths.sectioned(p, m))
            }
            _ => super::tree::rows(&self.corpus, &self.expanded),
        }
    }

    /// The characters a filter's query matched in the node at `path`, for
    /// the view to highlight; empty without a filter.
    pub fn filter_marks(&self, path: NodePath) -> Vec<FieldMatch> {
        self.filter_explain(path).marks
    }

    /// [`App::filter_marks`], and why the node matched when its title or
    /// text does not show it ("via topic: talent").
    pub fn filter_explain(&self, path: NodePath) -> Explained {
        match &self.filter {
            Some(f) if !f.query.trim().is_empty() => {
                self.explain(path, f.corrected.as_deref().unwrap_or(&f.query))
            }
            _ => Explained::default(),
        }
    }

    /// The characters `query` matched in the node at `path`, the acronyms
    /// it matched through included.
    pub fn marks(&self, path: NodePath, query: &str) -> Vec<FieldMatch> {
        self.explain(path, query).marks
    }

    /// [`App::marks`], and why the node matched when its title or text
    /// does not show it.
    pub fn explain(&self, path: NodePath, query: &str) -> Explained {
        explain(self.glossary.as_deref(), &self.corpus, path, query)
    }

    /// The corpus's glossary, built on first use and then shared.
    pub(super) fn glossary(&mut self) -> Arc<Glossary> {
        let corpus = &self.corpus;
        Arc::clone(
            self.glossary
                .get_or_insert_with(|| Arc::new(Glossary::build(corpus))),
        )
    }

    /// Sends every later search off the interface's thread, as
    /// [`Effect::Search`], for a corpus large enough that a search could
    /// take longer than a frame. Until its answer comes back (as
    /// [`super::Msg::Ranked`]) the filter and the palette show the last
    /// answer they had and say that they are searching.
    pub fn search_off_thread(&mut self) {
        self.off_thread = true;
        self.searcher = None;
    }

    /// Ranks `query` now, or asks for it off the thread; `None` when the
    /// answer will come later.
    pub(super) fn rank_or_send(&mut self, query: &str) -> Option<Ranked> {
        if self.off_thread {
            self.effects.push(Effect::Search(query.to_string()));
            return None;
        }
        Some(self.search(query))
    }

    /// Asks again for the answer a kept filter still waits for: the search
    /// thread answers only the newest query, and the palette's queries
    /// came after it.
    pub(super) fn resend_filter_query(&mut self) {
        if let Some(f) = self.filter.as_ref().filter(|f| f.pending) {
            self.effects.push(Effect::Search(f.query.clone()));
        }
    }

    /// An answer from off the thread: given to the filter or the palette
    /// if it answers the query it holds, else dropped (the user has typed
    /// on since it was asked for).
    pub(super) fn take_ranked(&mut self, ranked: Ranked) {
        self.keep_glossary(&ranked);
        if self
            .palette()
            .is_some_and(|p| p.pending && p.query == ranked.query)
        {
            self.answer_palette(ranked);
            return;
        }
        let Some(f) = &mut self.filter else {
            return;
        };
        if !f.pending || f.query != ranked.query {
            return;
        }
        f.pending = false;
        let typing = self.layers.filter_prompt();
        self.show_filter_hits(ranked);
        if !typing {
            self.go_to_match(0);
        }
    }

    /// Ranks the corpus against `query` with the app's searcher, which
    /// narrows its last answer when the query only grew.
    pub(super) fn search(&mut self, query: &str) -> crate::search::Ranked {
        let corpus = &self.corpus;
        let ranked = self
            .searcher
            .get_or_insert_with(|| Searcher::new(corpus))
            .search(corpus, query);
        self.keep_glossary(&ranked);
        ranked
    }

    /// Keeps the glossary an answer brings, if none is kept yet.
    fn keep_glossary(&mut self, ranked: &Ranked) {
        if self.glossary.is_none() {
            self.glossary.clone_from(&ranked.glossary);
        }
    }

    /// Opens the filter prompt, or reopens it to edit a kept filter.
    pub(super) fn open_filter(&mut self) {
        if self.filter.is_some() {
            self.layers.push(Layer::FilterPrompt);
            return;
        }
        self.filter = Some(Filter {
            query: String::new(),
            hits: Vec::new(),
            corrected: None,
            pending: false,
            answered: false,
            current: 0,
            before: Before {
                selected: self.selected_path(),
                expanded: self.expanded.clone(),
                tree_offset: self.tree_offset,
                reader_scroll: self.reader_scroll,
                focus: self.focus,
            },
        });
        self.layers.push(Layer::FilterPrompt);
        self.focus = Pane::Tree;
    }

    /// A character typed into the prompt (`Some`), or Backspace (`None`).
    pub(super) fn edit_filter(&mut self, typed: Option<char>) {
        let Some(mut f) = self.filter.take() else {
            return;
        };
        match typed {
            Some(c) => f.query.push(c),
            None => {
                f.query.pop();
            }
        }
        let query = f.query.clone();
        f.pending = false;
        self.filter = Some(f);
        let ranked = if query.trim().is_empty() {
            Some(Ranked::default())
        } else {
            self.rank_or_send(&query)
        };
        match ranked {
            Some(ranked) => self.show_filter_hits(ranked),
            None => {
                if let Some(f) = &mut self.filter {
                    f.pending = true;
                }
            }
        }
    }

    /// Shows `ranked`'s hits as the filter's matches: the tree narrowed to
    /// them, the best one selected so that the reader previews it.
    fn show_filter_hits(&mut self, ranked: Ranked) {
        let Some(f) = &mut self.filter else {
            return;
        };
        f.hits = ranked.hits;
        f.corrected = ranked.corrected;
        f.answered = true;
        f.current = 0;
        let best = f.hits.first().map(Hit::path);
        // Before the rows change: what was selected, to stay on it when
        // there is no best match to follow.
        let before = self.selected_path();
        self.set_rows(self.visible_rows());
        // Follow the best match as it changes, so the reader previews it.
        let i = best.or(before).and_then(|p| self.row_of(p)).unwrap_or(0);
        self.reselect(i, before);
    }

    /// Handles an action while the prompt is open.
    pub(super) fn update_filter_prompt(&mut self, action: Action) {
        match action {
            Action::Close => self.clear_filter(),
            Action::Open => {
                let empty = self.filter.as_ref().is_none_or(|f| f.query.trim().is_empty());
                if empty {
                    self.clear_filter();
                    return;
                }
                self.layers.pop();
                let Some(f) = &mut self.filter else {
                    return;
                };
                // Else the answer, when it comes, goes to the best match.
                if !f.pending {
                    self.go_to_match(0);
                }
            }
            // Movement keys that are not characters still move the selection.
            Action::MoveDown
            | Action::MoveUp
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::Top
            | Action::Bottom => self.update_tree(action),
            _ => {}
        }
    }

    /// Handles an action while a kept filter is on and nothing covers the
    /// panes; false when the action is not the filter's.
    pub(super) fn update_kept_filter(&mut self, action: Action) -> bool {
        let Some(f) = &self.filter else {
            return false;
        };
        let count = f.hits.len();
        let current = f.current;
        match action {
            Action::Close => self.clear_filter(),
            Action::NextMatch if count > 0 => self.go_to_match((current + 1) % count),
            Action::PrevMatch if count > 0 => self.go_to_match((current + count - 1) % count),
            Action::Left | Action::Right | Action::Open if self.focus == Pane::Tree => {
                self.filtered_tree_move(action)
            }
            _ => return false,
        }
        true
    }

    /// Handles the search keys when nothing covers the panes; false if
    /// `action` is not one of them.
    pub(super) fn start_search(&mut self, action: Action) -> bool {
        match action {
            Action::Filter => self.open_filter(),
            Action::Palette => self.open_palette(),
            _ if self.filter.is_some() => return self.update_kept_filter(action),
            Action::NextMatch | Action::PrevMatch => {
                let key = self.config.keys.keys_label(Action::Filter);
                self.message = Some(format!("No filter: {key} filters the tree"));
            }
            _ => return false,
        }
        true
    }

    /// Selects match `i` and says which it is.
    fn go_to_match(&mut self, i: usize) {
        let Some(f) = &mut self.filter else {
            return;
        };
        let Some(path) = f.hits.get(i).map(Hit::path) else {
            self.message = Some(format!("Nothing matches “{}”", f.query));
            return;
        };
        f.current = i;
        if let Some(row) = self.row_of(path) {
            self.select_row(row);
        }
        // The counter is in the tree's border and the status line's own
        // place: the breadcrumb stays.
        self.focus = Pane::Tree;
    }

    /// In the filtered tree every node shows its matching children, so
    /// left goes to the parent and right to the first child shown.
    fn filtered_tree_move(&mut self, action: Action) {
        let Some(sel) = self.selected else {
            return;
        };
        let Some(row) = self.rows.get(sel).copied() else {
            return;
        };
        match action {
            Action::Left => {
                if let Some(i) = self.corpus.tree_parent(row.path).and_then(|p| self.row_of(p)) {
                    self.select_row(i);
                }
            }
            _ => match self.rows.get(sel + 1) {
                Some(next) if next.depth > row.depth => self.select_row(sel + 1),
                _ => self.focus = Pane::Reader,
            },
        }
    }

    /// Clears the filter and returns to where the reader was before it.
    pub(super) fn clear_filter(&mut self) {
        if self.layers.filter_prompt() {
            self.layers.pop();
        }
        let Some(f) = self.filter.take() else {
            return;
        };
        let b = f.before;
        self.expanded = b.expanded;
        self.set_rows(self.visible_rows());
        let row = b.selected.and_then(|p| self.row_of(p)).unwrap_or(0);
        if self.rows.is_empty() {
            self.selected = None;
        } else {
            self.selected = Some(row.min(self.rows.len() - 1));
        }
        self.tree_offset = b.tree_offset;
        self.reader_scroll = b.reader_scroll;
        self.focus = b.focus;
        self.clamp_scroll();
    }

    /// Drops the filter without going back (a jump elsewhere replaces it).
    pub(super) fn drop_filter(&mut self) {
        if self.layers.filter_prompt() {
            self.layers.pop();
        }
        if self.filter.take().is_some() {
            self.set_rows(self.visible_rows());
        }
    }

    /// The row showing `path`, if any.
    fn row_of(&self, path: NodePath) -> Option<usize> {
        self.rows.iter().position(|r| r.path == path)
    }
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
