//! The tree pane's state: which nodes are open, and the visible rows.
//!
//! A meeting's sections ([`crate::model::Section`]) are rows of their own
//! between the meeting and its areas; they fold as other rows do.

use std::collections::HashSet;

use crate::model::{Child, Corpus, Meeting, NodePath, Section};

/// One visible row of the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// The node shown.
    pub path: NodePath,
    /// Indentation level, 0 for partnerships.
    pub depth: u8,
}

/// Which nodes are expanded. Sections are open unless folded, so that a
/// sectioned statement shows its areas as one without sections does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expanded {
    /// Open partnerships, meetings and areas.
    open: HashSet<NodePath>,
    /// Folded sections.
    folded: HashSet<NodePath>,
}

impl Expanded {
    /// Partnerships and meetings open, areas closed: the outline a reader
    /// starts from.
    pub fn outline(corpus: &Corpus) -> Expanded {
        let mut set = HashSet::new();
        for (pi, p) in corpus.partnerships.iter().enumerate() {
            set.insert(NodePath::Partnership(pi));
            for mi in 0..p.meetings.len() {
                set.insert(NodePath::Meeting(pi, mi));
            }
        }
        Expanded {
            open: set,
            folded: HashSet::new(),
        }
    }

    /// Whether `path` is open.
    pub fn contains(&self, path: NodePath) -> bool {
        match path {
            NodePath::Section(..) => !self.folded.contains(&path),
            _ => self.open.contains(&path),
        }
    }

    /// Opens `path`.
    pub fn open(&mut self, path: NodePath) {
        match path {
            NodePath::Section(..) => self.folded.remove(&path),
            _ => self.open.insert(path),
        };
    }

    /// Closes `path`.
    pub fn close(&mut self, path: NodePath) {
        match path {
            NodePath::Section(..) => self.folded.insert(path),
            _ => self.open.remove(&path),
        };
    }

    /// Opens every ancestor of `path` in the tree (its sections too), so
    /// that it is visible.
    pub fn reveal(&mut self, corpus: &Corpus, path: NodePath) {
        let mut p = corpus.tree_parent(path);
        while let Some(parent) = p {
            self.open(parent);
            p = corpus.tree_parent(parent);
        }
    }
}

/// The children of a meeting (`section` `None`) or of one of its sections,
/// as paths.
fn meeting_children(corpus: &Corpus, p: usize, m: usize, section: Option<usize>) -> Vec<NodePath> {
    let Some((_, meeting)) = corpus.meeting(NodePath::Meeting(p, m)) else {
        return Vec::new();
    };
    let sections = meeting.sections();
    meeting
        .children(&sections, section)
        .into_iter()
        .map(|c| match c {
            Child::Section(s) => NodePath::Section(p, m, s),
            Child::Area(a) => NodePath::Area(p, m, a),
        })
        .collect()
}

/// Number of children of a node.
pub fn child_count(corpus: &Corpus, path: NodePath) -> usize {
    match path {
        NodePath::Partnership(p) => corpus.partnerships.get(p).map_or(0, |p| p.meetings.len()),
        NodePath::Meeting(p, m) => meeting_children(corpus, p, m, None).len(),
        NodePath::Section(p, m, s) => meeting_children(corpus, p, m, Some(s)).len(),
        NodePath::Area(p, m, a) => corpus
            .partnerships
            .get(p)
            .and_then(|p| p.meetings.get(m))
            .and_then(|m| m.areas.get(a))
            .map_or(0, |a| a.commitments.len()),
        NodePath::Commitment(..) => 0,
    }
}

/// The first child of a node, if it has one.
pub fn first_child(corpus: &Corpus, path: NodePath) -> Option<NodePath> {
    match path {
        NodePath::Meeting(p, m) => meeting_children(corpus, p, m, None).first().copied(),
        NodePath::Section(p, m, s) => meeting_children(corpus, p, m, Some(s)).first().copied(),
        NodePath::Partnership(p) => (child_count(corpus, path) > 0).then_some(NodePath::Meeting(p, 0)),
        NodePath::Area(p, m, a) => {
            (child_count(corpus, path) > 0).then_some(NodePath::Commitment(p, m, a, 0))
        }
        NodePath::Commitment(..) => None,
    }
}

/// The rows visible with `expanded` open, in tree order.
pub fn rows(corpus: &Corpus, expanded: &Expanded) -> Vec<Row> {
    let mut rows = Vec::new();
    for (pi, p) in corpus.partnerships.iter().enumerate() {
        let pp = NodePath::Partnership(pi);
        rows.push(Row { path: pp, depth: 0 });
        if !expanded.contains(pp) {
            continue;
        }
        for (mi, m) in p.meetings.iter().enumerate() {
            let mp = NodePath::Meeting(pi, mi);
            rows.push(Row { path: mp, depth: 1 });
            if !expanded.contains(mp) {
                continue;
            }
            let sections = m.sections();
            let mut at = Place {
                rows: &mut rows,
                expanded,
                meeting: m,
                sections: &sections,
                p: pi,
                m: mi,
            };
            at.children(None, 2);
        }
    }
    rows
}

/// Where [`rows`] is in a meeting: what it adds the meeting's rows to.
struct Place<'r, 'c> {
    rows: &'r mut Vec<Row>,
    expanded: &'r Expanded,
    meeting: &'c Meeting,
    sections: &'r [Section<'c>],
    p: usize,
    m: usize,
}

impl Place<'_, '_> {
    /// Adds the rows of the meeting's (or a section's) children at `depth`.
    fn children(&mut self, section: Option<usize>, depth: u8) {
        let (p, m) = (self.p, self.m);
        for child in self.meeting.children(self.sections, section) {
            match child {
                Child::Section(s) => {
                    let path = NodePath::Section(p, m, s);
                    self.rows.push(Row { path, depth });
                    if self.expanded.contains(path) {
                        self.children(Some(s), depth.saturating_add(1));
                    }
                }
                Child::Area(a) => {
                    let path = NodePath::Area(p, m, a);
                    self.rows.push(Row { path, depth });
                    if self.expanded.contains(path) {
                        let count = self.meeting.areas.get(a).map_or(0, |a| a.commitments.len());
                        self.rows.extend((0..count).map(|c| Row {
                            path: NodePath::Commitment(p, m, a, c),
                            depth: depth.saturating_add(1),
                        }));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "tree_tests.rs"]
mod tests;
