//! The side-by-side comparison of two meetings: its state, and its changes,
//! called from [`App::update`].
//!
//! Each side lists its meeting's areas and commitments; the focused side has
//! a cursor, and the other side shows what corresponds to it: the
//! counterpart area, or the commitment's closest counterpart anywhere in the
//! other meeting (nothing when it has no close one). With synchronised
//! scrolling on, the other side scrolls to put that beside the cursor.
//!
//! Two meetings of one partnership are compared over time
//! ([`crate::compare::changes`]): the earlier on the left, the later on the
//! right, each commitment tagged with what became of it, and what the
//! cursor corresponds to is its predecessor or what follows it up.

use super::{Action, App, Layer, Layers};
use crate::compare::changes::Changes;
use crate::compare::{Alignment, Counterparts, Link, Match, Side, Strength, Taxonomy, align};
use crate::layout;
pub use crate::layout::compare::{Item, index, items};
use crate::model::{Corpus, NodePath};

/// The comparison view's state.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The two meetings and how their areas pair.
    pub alignment: Alignment,
    /// Each commitment's counterparts in the whole other meeting.
    pub counterparts: Counterparts,
    /// The side that has the keys.
    pub focus: Side,
    /// Whether the other side scrolls to follow the cursor.
    pub sync: bool,
    /// Each side's cursor (`None` for a meeting with no areas), left then right.
    pub cursor: [Option<Item>; 2],
    /// Each side's first line shown, left then right.
    pub scroll: [usize; 2],
    /// The meeting picker, when open.
    pub picker: Option<MeetingPicker>,
    /// Over time (two meetings of one partnership, earlier left): what
    /// changed; `None` across partnerships.
    pub changes: Option<Box<Changes>>,
    /// Over time: only the changes are listed (new, firmer, softer, not
    /// followed up).
    pub changes_only: bool,
}

/// Choosing the two meetings: first the left, then the right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingPicker {
    /// Every meeting, in tree order.
    pub meetings: Vec<NodePath>,
    /// Index into `meetings`.
    pub selected: usize,
    /// The left meeting, once chosen.
    pub left: Option<NodePath>,
}

impl Comparison {
    /// A comparison of the two aligned meetings, cursors on their first areas.
    pub fn new(corpus: &Corpus, alignment: Alignment, counterparts: Counterparts) -> Comparison {
        let first = |side: Side| {
            corpus
                .meeting(alignment.meeting(side))
                .map(|(_, m)| m)
                .and_then(|m| items(m).first().copied())
        };
        Comparison {
            cursor: [first(Side::Left), first(Side::Right)],
            alignment,
            counterparts,
            focus: Side::Left,
            sync: true,
            scroll: [0, 0],
            picker: None,
            changes: None,
            changes_only: false,
        }
    }

    /// Two meetings of one partnership compared over time: the earlier on
    /// the left, the later on the right.
    pub fn over_time(corpus: &Corpus, changes: Changes) -> Comparison {
        let mut cmp = Comparison::new(corpus, changes.alignment.clone(), changes.counterparts.clone());
        cmp.changes = Some(Box::new(changes));
        cmp
    }

    /// The cursor of `side`.
    pub fn cursor(&self, side: Side) -> Option<Item> {
        self.cursor[index(side)]
    }

    /// The counterpart link of the area under `side`'s cursor.
    pub fn counterpart(&self, side: Side) -> Option<&Link> {
        self.alignment.counterpart(side, self.cursor(side)?.area())
    }

    /// What the focused cursor corresponds to on the other side: the
    /// counterpart area when an area is selected; when a commitment is, its
    /// closest counterpart in the whole other meeting, with its score and
    /// strength, and nothing when it has no close counterpart.
    pub fn highlight(&self) -> Option<(Item, Option<&Match>)> {
        let side = self.focus;
        Some(match self.cursor(side)? {
            Item::Area(_) => (Item::Area(self.counterpart(side)?.area(side.other())), None),
            Item::Commitment(a, c) => {
                // Over time: the earlier one it continues, or the first
                // later one that follows it up.
                let m = match (&self.changes, side) {
                    (Some(ch), Side::Right) => ch.predecessor(a, c)?,
                    (Some(ch), Side::Left) => ch.followed_up_by(a, c).first()?,
                    (None, _) => self.counterparts.closest(side, a, c)?,
                };
                (Item::Commitment(m.area, m.commitment), Some(m))
            }
        })
    }
}

impl App {
    /// Opens the comparison of the first two meetings of different
    /// partnerships (of the first two meetings, if there is one partnership).
    /// `c` again returns to the comparison as it was left, cursor and
    /// scroll included.
    pub(super) fn open_compare(&mut self) {
        if let Some(cmp) = self.left_compare.take() {
            self.show_compare(*cmp);
            return;
        }
        let meetings: Vec<NodePath> = self.corpus.meetings().map(|(p, _, _)| p).collect();
        let Some(&left) = meetings.first() else {
            self.message = Some("Comparing needs two meetings; none is loaded".into());
            return;
        };
        let right = meetings
            .iter()
            .find(|m| m.partnership() != left.partnership())
            .or_else(|| meetings.get(1))
            .copied();
        match right {
            Some(right) => self.compare_meetings(left, right),
            None => self.message = Some("Comparing needs two meetings; only one is loaded".into()),
        }
    }

    /// Reopens a comparison saved as `LEFT RIGHT` meeting ids; a meeting
    /// that is no longer loaded leaves the browser as it is.
    pub(super) fn restore_compare(&mut self, ids: &str) {
        let mut ids = ids.split_whitespace().map(|id| self.corpus.resolve(id));
        if let (Some(Some(left @ NodePath::Meeting(..))), Some(Some(right @ NodePath::Meeting(..)))) =
            (ids.next(), ids.next())
        {
            self.compare_meetings(left, right);
        }
    }

    /// Shows the comparison of two meetings: over time when they are two
    /// meetings of one partnership.
    fn compare_meetings(&mut self, left: NodePath, right: NodePath) {
        if left.partnership() == right.partnership() && left != right {
            let glossary = self.glossary();
            if let Some(changes) = Changes::between(&self.corpus, left, right, Taxonomy::builtin(), &glossary)
            {
                self.show_compare(Comparison::over_time(&self.corpus, changes));
                return;
            }
        }
        let Some(alignment) = align(&self.corpus, left, right, Taxonomy::builtin()) else {
            return;
        };
        let glossary = self.glossary();
        let Some(counterparts) =
            Counterparts::between(&self.corpus, left, right, Taxonomy::builtin(), &glossary)
        else {
            return;
        };
        self.show_compare(Comparison::new(&self.corpus, alignment, counterparts));
    }

    /// From the tree: the meeting of the selection compared over time with
    /// the partnership's previous meeting.
    pub(super) fn open_what_changed(&mut self) {
        let Some(meeting) = self
            .selected_path()
            .and_then(NodePath::meeting)
            .map(|(p, m)| NodePath::Meeting(p, m))
        else {
            self.message = Some("Select a meeting to see what changed since the previous one".into());
            return;
        };
        match crate::compare::changes::previous(&self.corpus, meeting) {
            Some(previous) => self.compare_meetings(previous, meeting),
            None => {
                let id = self.corpus.id_of(meeting).unwrap_or_default();
                self.message = Some(format!("{id} is the first meeting of its partnership loaded"));
            }
        }
    }

    /// Puts `cmp` on screen, over the browser.
    fn show_compare(&mut self, cmp: Comparison) {
        self.layers = Layers::default();
        self.layers.push(Layer::Compare(Box::new(cmp)));
        self.settle();
    }

    /// Handles an action while the comparison is open.
    pub(super) fn update_compare(&mut self, action: Action) {
        let Some(cmp) = self.layers.compare_mut() else {
            return;
        };
        if let Some(picker) = cmp.picker.take() {
            self.update_meeting_picker(picker, action);
            return;
        }
        match action {
            Action::Close => self.leave_compare(),
            Action::Quit => self.running = false,
            Action::Compare => {
                let meetings: Vec<NodePath> = self.corpus.meetings().map(|(p, _, _)| p).collect();
                let selected = meetings
                    .iter()
                    .position(|&m| m == cmp.alignment.left)
                    .unwrap_or(0);
                cmp.picker = Some(MeetingPicker {
                    meetings,
                    selected,
                    left: None,
                });
            }
            Action::WhatChanged => {
                if cmp.changes.is_none() {
                    self.message = Some("Only two meetings of one partnership are compared over time".into());
                    return;
                }
                cmp.changes_only = !cmp.changes_only;
                self.message = Some(if cmp.changes_only {
                    "Only the changes: new, firmer, softer, not followed up".into()
                } else {
                    "Every commitment".into()
                });
                // A cursor on what is no longer listed goes to the next listed item.
                for side in [Side::Left, Side::Right] {
                    self.keep_cursor_listed(side);
                }
                self.settle();
            }
            Action::ToggleSync => {
                cmp.sync = !cmp.sync;
                let state = if cmp.sync { "on" } else { "off" };
                self.message = Some(format!("Synchronised scrolling {state}"));
                self.settle();
            }
            Action::SwitchPane => {
                let other = cmp.focus.other();
                self.focus_side(other);
            }
            Action::Left => self.focus_side(Side::Left),
            Action::Right => self.focus_side(Side::Right),
            Action::Open => {
                // Go to what the cursor corresponds to on the other side.
                if let Some((item, _)) = cmp.highlight() {
                    let other = cmp.focus.other();
                    cmp.cursor[index(other)] = Some(item);
                    self.focus_side(other);
                } else if cmp.cursor(cmp.focus).is_some() {
                    let name =
                        layout::compare::partnership_name(&self.corpus, &cmp.alignment, cmp.focus.other());
                    self.message = Some(format!("No counterpart in {name} to go to"));
                }
            }
            _ => self.move_cursor(action),
        }
    }

    /// Leaves the comparison on the node under the cursor (of the side
    /// that has it), keeping the comparison for `c` to return to.
    fn leave_compare(&mut self) {
        let Some(Layer::Compare(cmp)) = self.layers.pop() else {
            return;
        };
        let side = cmp.focus;
        let meeting = cmp.alignment.meeting(side);
        let node = match (meeting, cmp.cursor(side)) {
            (NodePath::Meeting(p, m), Some(Item::Area(a))) => NodePath::Area(p, m, a),
            (NodePath::Meeting(p, m), Some(Item::Commitment(a, c))) => NodePath::Commitment(p, m, a, c),
            _ => meeting,
        };
        self.left_compare = Some(cmp);
        self.select_path(node);
        self.focus = super::Pane::Tree;
    }

    fn update_meeting_picker(&mut self, mut picker: MeetingPicker, action: Action) {
        let last = picker.meetings.len().saturating_sub(1);
        let page = self.page();
        if let Some(selected) = action.step(picker.selected, last, page) {
            picker.selected = selected;
        }
        match action {
            // `q` closes the picker, as it closes every window.
            Action::Close | Action::Compare | Action::Quit => return,
            Action::Open => {
                let Some(&chosen) = picker.meetings.get(picker.selected) else {
                    return;
                };
                match picker.left {
                    None => {
                        picker.left = Some(chosen);
                        // Suggest a meeting of another partnership for the right.
                        picker.selected = picker
                            .meetings
                            .iter()
                            .position(|m| m.partnership() != chosen.partnership())
                            .unwrap_or(picker.selected);
                    }
                    Some(left) => {
                        self.compare_meetings(left, chosen);
                        return;
                    }
                }
            }
            _ => {}
        }
        if let Some(cmp) = self.layers.compare_mut() {
            cmp.picker = Some(picker);
        }
    }

    /// Gives the keys to `side`; its cursor goes to what the other side's
    /// cursor corresponds to, if anything.
    fn focus_side(&mut self, side: Side) {
        let Some(cmp) = self.layers.compare_mut() else {
            return;
        };
        if cmp.focus != side {
            if let Some((item, _)) = cmp.highlight() {
                cmp.cursor[index(side)] = Some(item);
            }
            cmp.focus = side;
        }
        self.settle();
    }

    /// The items `side` lists (all, or over time only the changes), in order.
    fn listed(&self, side: Side) -> Vec<Item> {
        let Some(cmp) = self.layers.compare() else {
            return Vec::new();
        };
        let Some(m) = self.corpus.meeting(cmp.alignment.meeting(side)).map(|(_, m)| m) else {
            return Vec::new();
        };
        let doc = self.compare_document(side);
        items(m)
            .into_iter()
            .filter(|i| doc.items.contains_key(i))
            .collect()
    }

    /// Moves `side`'s cursor to the first listed item at or after it.
    fn keep_cursor_listed(&mut self, side: Side) {
        let list = self.listed(side);
        let Some(cmp) = self.layers.compare_mut() else {
            return;
        };
        let Some(cursor) = cmp.cursor(side) else {
            return;
        };
        if list.contains(&cursor) {
            return;
        }
        let key = |i: Item| match i {
            Item::Area(a) => (a, 0),
            Item::Commitment(a, c) => (a, c + 1),
        };
        cmp.cursor[index(side)] = list
            .iter()
            .find(|&&i| key(i) >= key(cursor))
            .or(list.last())
            .copied();
    }

    fn move_cursor(&mut self, action: Action) {
        let Some(cmp) = self.layers.compare() else {
            return;
        };
        let side = cmp.focus;
        let list = self.listed(side);
        let Some(last) = list.len().checked_sub(1) else {
            return;
        };
        let at = cmp
            .cursor(side)
            .and_then(|c| list.iter().position(|&i| i == c))
            .unwrap_or(0);
        let height = layout::compare::text_height(self.size, side).max(1);
        // Paging moves the cursor by lines: to the item at the line a page
        // (or half a page) away from the cursor's first line.
        let by_lines = |lines: isize| -> usize {
            let ranges = self.compare_document(side).items;
            let start = |i: usize| list.get(i).and_then(|it| ranges.get(it)).map_or(0, |r| r.start);
            let target = start(at).saturating_add_signed(lines);
            if lines >= 0 {
                (at..=last)
                    .take_while(|&i| start(i) <= target)
                    .last()
                    .unwrap_or(at)
            } else {
                (0..=at).find(|&i| start(i) >= target).unwrap_or(0)
            }
        };
        let (down, up) = (at.saturating_add(1).min(last), at.saturating_sub(1));
        let (page, half) = (height as isize, (height / 2).max(1) as isize);
        let new = match action {
            Action::MoveDown => down,
            Action::MoveUp => up,
            Action::Top => 0,
            Action::Bottom => last,
            Action::HalfPageDown => by_lines(half).max(down),
            Action::HalfPageUp => by_lines(-half).min(up),
            Action::PageDown => by_lines(page).max(down),
            Action::PageUp => by_lines(-page).min(up),
            _ => return,
        };
        let item = list.get(new).copied();
        if let Some(cmp) = self.layers.compare_mut() {
            cmp.cursor[index(side)] = item;
        }
        self.settle();
    }

    /// After any change: the focused cursor's lines in view; with
    /// synchronised scrolling, what it corresponds to beside it on the other
    /// side; both sides' scrolling within their content. Each side is laid
    /// out once.
    fn settle(&mut self) {
        let Some(cmp) = self.layers.compare() else {
            return;
        };
        let (side, other) = (cmp.focus, cmp.focus.other());
        let (mine, mine_lines) = self.measure(side);
        let (theirs, their_lines) = self.measure(other);
        let height = |s: Side| layout::compare::text_height(self.size, s).max(1);
        let mut scroll = cmp.scroll;

        let cursor = cmp.cursor(side).and_then(|c| mine.get(&c).cloned());
        if let Some(range) = &cursor {
            let s = scroll[index(side)];
            if range.start < s || range.end > s + height(side) {
                // Out of view: bring it near the top, a line of what comes
                // before above it, so that what follows is in view too.
                scroll[index(side)] = range.start.saturating_sub(usize::from(height(side) > 2));
            }
        }
        scroll[index(side)] = scroll[index(side)].min(mine_lines.saturating_sub(height(side)));

        let target = cmp
            .highlight()
            .and_then(|(item, _)| theirs.get(&item).map(|r| r.start));
        if let (true, Some(target)) = (cmp.sync, target) {
            // The same row on screen as the cursor (the top if it has none).
            let row = cursor.map_or(0, |r| r.start.saturating_sub(scroll[index(side)]));
            scroll[index(other)] = target.saturating_sub(row.min(height(other) - 1));
        }
        scroll[index(other)] = scroll[index(other)].min(their_lines.saturating_sub(height(other)));

        if let Some(cmp) = self.layers.compare_mut() {
            cmp.scroll = scroll;
        }
    }

    /// A side of the comparison, laid out at its width.
    pub fn compare_document(&self, side: Side) -> layout::compare::Document {
        let Some(cmp) = self.layers.compare() else {
            return layout::compare::Document {
                lines: Vec::new(),
                items: Default::default(),
            };
        };
        layout::compare::document(
            &layout::compare::Input {
                corpus: &self.corpus,
                alignment: &cmp.alignment,
                counterparts: &cmp.counterparts,
                focus: cmp.focus,
                cursor: cmp.cursor(cmp.focus),
                highlight: cmp.highlight().map(|h| h.0),
                weak: cmp
                    .highlight()
                    .and_then(|h| h.1)
                    .is_some_and(|m| m.strength == Strength::Weak),
                changes: cmp.changes.as_deref(),
                changes_only: cmp.changes_only,
                width: layout::compare::text_width(self.size, side),
            },
            side,
        )
    }

    /// The line ranges of a side's items and its number of lines.
    fn measure(&self, side: Side) -> (std::collections::HashMap<Item, std::ops::Range<usize>>, usize) {
        let doc = self.compare_document(side);
        let lines = doc.lines.len();
        (doc.items, lines)
    }

    /// Keeps the comparison in order after a resize.
    pub(super) fn clamp_compare(&mut self) {
        self.settle();
    }
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;
