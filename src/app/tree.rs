//! The tree pane's state: which nodes are open, and the visible rows.

use std::collections::HashSet;

use crate::model::{Corpus, NodePath};

/// One visible row of the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// The node shown.
    pub path: NodePath,
    /// Indentation level, 0 for partnerships.
    pub depth: u8,
}

/// Which nodes are expanded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expanded(HashSet<NodePath>);

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
        Expanded(set)
    }

    /// Whether `path` is open.
    pub fn contains(&self, path: NodePath) -> bool {
        self.0.contains(&path)
    }

    /// Opens `path`.
    pub fn open(&mut self, path: NodePath) {
        self.0.insert(path);
    }

    /// Closes `path`.
    pub fn close(&mut self, path: NodePath) {
        self.0.remove(&path);
    }

    /// Opens every ancestor of `path`, so that it is visible.
    pub fn reveal(&mut self, path: NodePath) {
        let mut p = path.parent();
        while let Some(parent) = p {
            self.0.insert(parent);
            p = parent.parent();
        }
    }
}

/// Number of children of a node.
pub fn child_count(corpus: &Corpus, path: NodePath) -> usize {
    match path {
        NodePath::Partnership(p) => corpus.partnerships.get(p).map_or(0, |p| p.meetings.len()),
        NodePath::Meeting(p, m) => corpus
            .partnerships
            .get(p)
            .and_then(|p| p.meetings.get(m))
            .map_or(0, |m| m.areas.len()),
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
    (child_count(corpus, path) > 0).then_some(match path {
        NodePath::Partnership(p) => NodePath::Meeting(p, 0),
        NodePath::Meeting(p, m) => NodePath::Area(p, m, 0),
        NodePath::Area(p, m, a) => NodePath::Commitment(p, m, a, 0),
        NodePath::Commitment(..) => return None,
    })
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
            for (ai, a) in m.areas.iter().enumerate() {
                let ap = NodePath::Area(pi, mi, ai);
                rows.push(Row { path: ap, depth: 2 });
                if expanded.contains(ap) {
                    rows.extend((0..a.commitments.len()).map(|ci| Row {
                        path: NodePath::Commitment(pi, mi, ai, ci),
                        depth: 3,
                    }));
                }
            }
        }
    }
    rows
}
