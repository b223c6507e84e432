//! Area alignment between two meetings (commitment counterparts are in [`super::counterparts`]).
//!
//! Two areas are linked when they share a topic. Topics weigh by their place
//! in an area's list: a main subject weighs 1 (the topic listed first, and,
//! in an area whose topics were inferred, every subject its title names),
//! another subject 1/2, a cross-cutting theme (research, talent, standards)
//! 1/4. A link's topic score adds, for each shared topic, the smaller of its
//! two weights. A link is *primary* when its subjects alone (themes left
//! out) score 1 or more and include a main subject of either area: the
//! areas share the main topic of both, or the main subject of one and
//! another subject. Subjects only mentioned on both sides, or cross-cutting
//! themes, never make a counterpart alone. Lesser links are kept and shown as weaker. An area
//! with no primary link has no counterpart. Links are ranked by topic score,
//! then by the TF-IDF cosine of the two areas' texts.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use super::similarity::{TfIdf, Vector, cosine};
use super::topics::Taxonomy;
use super::words;
use crate::model::{Area, Corpus, Meeting, NodePath, Origin, Partnership};

/// The topic score from which a link is primary.
pub const PRIMARY_SCORE: f32 = 1.0;

/// One of the two meetings being compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The first meeting named.
    Left,
    /// The second meeting named.
    Right,
}

impl Side {
    /// The other side.
    pub fn other(self) -> Side {
        match self {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        }
    }
}

/// A link between an area of the left meeting and an area of the right.
#[derive(Debug, Clone)]
pub struct Link {
    /// Index of the left area in its meeting.
    pub left: usize,
    /// Index of the right area in its meeting.
    pub right: usize,
    /// Topic ids the two areas share, in the left area's order.
    pub shared: Vec<String>,
    /// Weighted shared topics (see the module documentation).
    pub topic_score: f32,
    /// TF-IDF cosine of the two areas' titles and commitments, 0 to 1.
    pub text_score: f32,
    /// Whether the link is strong enough to make the areas counterparts.
    pub primary: bool,
}

impl Link {
    /// The area index on `side`.
    pub fn area(&self, side: Side) -> usize {
        match side {
            Side::Left => self.left,
            Side::Right => self.right,
        }
    }

    /// Strongest first: topic score, then text similarity.
    pub fn strength_cmp(&self, other: &Link) -> Ordering {
        other
            .topic_score
            .total_cmp(&self.topic_score)
            .then(other.text_score.total_cmp(&self.text_score))
    }
}

/// The area crosswalk of two meetings.
#[derive(Debug, Clone)]
pub struct Alignment {
    /// The left meeting (a [`NodePath::Meeting`]).
    pub left: NodePath,
    /// The right meeting (a [`NodePath::Meeting`]).
    pub right: NodePath,
    /// Every link, in left area order, strongest first within an area.
    pub links: Vec<Link>,
    /// Left areas with no primary link, in order.
    pub left_only: Vec<usize>,
    /// Right areas with no primary link, in order.
    pub right_only: Vec<usize>,
}

impl Alignment {
    /// Links of area `area` on `side`, strongest first.
    pub fn links_of(&self, side: Side, area: usize) -> Vec<&Link> {
        let mut links: Vec<&Link> = self.links.iter().filter(|l| l.area(side) == area).collect();
        links.sort_by(|a, b| a.strength_cmp(b));
        links
    }

    /// The strongest primary link of an area: its counterpart on the other side.
    pub fn counterpart(&self, side: Side, area: usize) -> Option<&Link> {
        self.links_of(side, area).into_iter().find(|l| l.primary)
    }

    /// The primary links, in left area order, strongest first within an area.
    pub fn primary(&self) -> impl Iterator<Item = &Link> {
        self.links.iter().filter(|l| l.primary)
    }

    /// Areas of `side` with no counterpart.
    pub fn only(&self, side: Side) -> &[usize] {
        match side {
            Side::Left => &self.left_only,
            Side::Right => &self.right_only,
        }
    }

    /// The meeting path of `side`.
    pub fn meeting(&self, side: Side) -> NodePath {
        match side {
            Side::Left => self.left,
            Side::Right => self.right,
        }
    }
}

/// Aligns the areas of two meetings, given as [`NodePath::Meeting`]s; `None`
/// when either path is not a meeting of `corpus`.
pub fn align(corpus: &Corpus, left: NodePath, right: NodePath, taxonomy: &Taxonomy) -> Option<Alignment> {
    let (lp, lm) = corpus.meeting(left)?;
    let (rp, rm) = corpus.meeting(right)?;
    let space = fit(&[(lp, lm), (rp, rm)]);
    let area_vectors =
        |m: &Meeting| -> Vec<Vector> { m.areas.iter().map(|a| space.vector(&area_text(a))).collect() };
    let (lav, rav) = (area_vectors(lm), area_vectors(rm));
    let right_weights: Vec<HashMap<&str, u32>> = rm.areas.iter().map(|a| weights(a, taxonomy)).collect();

    let mut links = Vec::new();
    for (li, la) in lm.areas.iter().enumerate() {
        let lw = weights(la, taxonomy);
        let mut area_links = Vec::new();
        for ri in 0..rm.areas.len() {
            let rw = &right_weights[ri];
            let shared: Vec<String> = la
                .topics
                .iter()
                .map(|(t, _)| t.as_str())
                .filter(|t| rw.contains_key(t))
                .map(str::to_string)
                .collect();
            if shared.is_empty() {
                continue;
            }
            let weight = |w: &HashMap<&str, u32>, t: &str| w.get(t).copied().unwrap_or(0);
            let quarters: u32 = shared.iter().map(|t| weight(&lw, t).min(weight(rw, t))).sum();
            let topic_score = quarters as f32 / 4.0;
            let names_one = shared
                .iter()
                .any(|t| weight(&lw, t) == MAIN || weight(rw, t) == MAIN);
            // Cross-cutting themes add to the score, but never make a counterpart.
            let subjects: u32 = shared
                .iter()
                .filter(|t| !taxonomy.is_cross_cutting(t))
                .map(|t| weight(&lw, t).min(weight(rw, t)))
                .sum();
            area_links.push(Link {
                left: li,
                right: ri,
                shared,
                topic_score,
                text_score: cosine(&lav[li], &rav[ri]),
                primary: subjects as f32 / 4.0 >= PRIMARY_SCORE && names_one,
            });
        }
        area_links.sort_by(|a, b| a.strength_cmp(b));
        links.extend(area_links);
    }
    let unpaired = |n: usize, side: Side| -> Vec<usize> {
        (0..n)
            .filter(|&i| !links.iter().any(|l| l.primary && l.area(side) == i))
            .collect()
    };
    Some(Alignment {
        left_only: unpaired(lm.areas.len(), Side::Left),
        right_only: unpaired(rm.areas.len(), Side::Right),
        left,
        right,
        links,
    })
}

/// A TF-IDF space over the commitments of the given meetings. The parties'
/// names and the partnerships' ids are stop words: every sentence names them.
fn fit(meetings: &[(&Partnership, &Meeting)]) -> TfIdf {
    let mut stop = HashSet::new();
    for (p, _) in meetings {
        for name in p.parties.iter().map(String::as_str).chain([p.id.as_str()]) {
            for w in words::folded_words(name) {
                stop.insert(w);
            }
        }
    }
    let docs = meetings
        .iter()
        .flat_map(|(_, m)| m.areas.iter())
        .flat_map(|a| a.commitments.iter())
        .map(|c| &*c.text);
    TfIdf::fit(docs, stop)
}

/// An area's title and commitments as one text.
fn area_text(a: &Area) -> String {
    let mut text = a.title.clone();
    for c in &a.commitments {
        text.push('\n');
        text.push_str(&c.text);
    }
    text
}

/// The weight of a main subject, in quarters.
const MAIN: u32 = 4;

/// Each topic's weight in the area, in quarters: main [`MAIN`], subject 2, theme 1.
fn weights<'a>(area: &'a Area, taxonomy: &Taxonomy) -> HashMap<&'a str, u32> {
    let mut w = HashMap::new();
    // The title is read once, and only when the rules inferred the topics.
    let inferred = area.topics.iter().any(|(_, o)| *o == Origin::Inferred);
    let named = if inferred {
        taxonomy.title_topics(&area.title)
    } else {
        Vec::new()
    };
    for (i, (t, origin)) in area.topics.iter().enumerate() {
        let cross_cutting = taxonomy.is_cross_cutting(t);
        let title_subject = *origin == Origin::Inferred && !cross_cutting && named.contains(t);
        // As `Taxonomy::is_main`, without reading the title once per topic.
        let weight = if i == 0 || title_subject {
            MAIN
        } else if cross_cutting {
            1
        } else {
            2
        };
        w.entry(t.as_str()).or_insert(weight);
    }
    w
}
