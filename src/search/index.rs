//! The searchable items of a corpus, walked in tree order.
//!
//! The candidates are the corpus's own meetings, areas and commitments,
//! visited in place; the index adds only a byte mask of each (4 bytes; see
//! [`super::mask`]) and a few bytes per meeting.

use std::ops::Range;

use super::mask::Mask;
use crate::model::{Area, Corpus, Meeting, NodePath};

/// A node position packed into 16 bytes (a [`NodePath`] takes 40), ordered
/// as the tree reads: a meeting, then each area followed by its commitments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pos {
    p: u32,
    m: u32,
    /// Area index + 1; 0 for a meeting.
    a: u32,
    /// Commitment index + 1; 0 for a meeting or an area.
    c: u32,
}

impl Pos {
    /// Packs a meeting, area or commitment path; `None` for a partnership or
    /// an index that does not fit in 32 bits.
    pub fn pack(path: NodePath) -> Option<Pos> {
        let n = |i: usize| u32::try_from(i).ok();
        let plus = |i: usize| n(i)?.checked_add(1);
        Some(match path {
            // Sections are not candidates: their areas are.
            NodePath::Partnership(_) | NodePath::Section(..) => return None,
            NodePath::Meeting(p, m) => Pos {
                p: n(p)?,
                m: n(m)?,
                a: 0,
                c: 0,
            },
            NodePath::Area(p, m, a) => Pos {
                p: n(p)?,
                m: n(m)?,
                a: plus(a)?,
                c: 0,
            },
            NodePath::Commitment(p, m, a, c) => Pos {
                p: n(p)?,
                m: n(m)?,
                a: plus(a)?,
                c: plus(c)?,
            },
        })
    }

    /// The path this position stands for.
    pub fn path(self) -> NodePath {
        let (p, m) = (self.p as usize, self.m as usize);
        match (self.a, self.c) {
            (0, _) => NodePath::Meeting(p, m),
            (a, 0) => NodePath::Area(p, m, a as usize - 1),
            (a, c) => NodePath::Commitment(p, m, a as usize - 1, c as usize - 1),
        }
    }

    /// Whether this is an area (whose id and topics are searched too).
    pub(crate) fn is_area(self) -> bool {
        self.a != 0 && self.c == 0
    }

    /// Whether this is a meeting (whose title is its searched text).
    pub(crate) fn is_meeting(self) -> bool {
        self.a == 0
    }
}

/// Every meeting, area and commitment of a corpus, as search candidates.
/// It holds no reference to the corpus, which each call is given (so that
/// an app can keep the index beside the corpus it owns); calls must pass
/// the corpus the index was built from.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Each meeting's (partnership, meeting) indices, in tree order.
    meetings: Vec<(u32, u32)>,
    /// Candidates before each meeting (and the total at the end), to split
    /// the work evenly between threads and to find a meeting's masks.
    before: Vec<usize>,
    /// The byte mask of each candidate, in tree order; an area's covers its
    /// title, id and topics.
    masks: Vec<Mask>,
    /// Where the corpus's partnerships were in memory (see [`Index::fits`]).
    home: usize,
}

impl Index {
    /// Indexes the meetings of `corpus`.
    pub fn new(corpus: &Corpus) -> Index {
        let mut meetings = Vec::new();
        let mut before = vec![0];
        for (path, _, meeting) in corpus.meetings() {
            let NodePath::Meeting(p, m) = path else { continue };
            let (Ok(p), Ok(m)) = (u32::try_from(p), u32::try_from(m)) else {
                continue;
            };
            meetings.push((p, m));
            let here = 1 + meeting.areas.len() + meeting.commitment_count();
            before.push(before.last().copied().unwrap_or(0) + here);
        }
        let mut index = Index {
            meetings,
            before,
            masks: Vec::new(),
            home: corpus.partnerships.as_ptr() as usize,
        };
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let parts = index.split(threads);
        let index_ref = &index;
        let masks = super::searcher::in_parallel(parts, |range| {
            let mut masks = Vec::new();
            index_ref.walk(corpus, range, |_, text, area| {
                let m = match area {
                    Some(a) => {
                        super::mask::of(&a.id)
                            | a.topics
                                .iter()
                                .fold(super::mask::of(text), |m, (t, _)| m | super::mask::of(t))
                    }
                    None => super::mask::of(text),
                };
                masks.push(m);
            });
            masks
        });
        index.masks = masks;
        index
    }

    /// Number of candidates.
    pub fn len(&self) -> usize {
        self.before.last().copied().unwrap_or(0)
    }

    /// Whether there is nothing to search.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the index was built from `corpus` (the same partnerships in
    /// memory, as many meetings): a cheap guard, run on every search,
    /// against being handed another corpus.
    pub fn fits(&self, corpus: &Corpus) -> bool {
        let meetings: usize = corpus.partnerships.iter().map(|p| p.meetings.len()).sum();
        self.home == corpus.partnerships.as_ptr() as usize && meetings == self.meetings.len()
    }

    /// Splits the meetings into at most `parts` contiguous ranges holding
    /// about as many candidates each.
    pub(crate) fn split(&self, parts: usize) -> Vec<Range<usize>> {
        let parts = parts.max(1);
        let total = self.len();
        let mut ranges = Vec::with_capacity(parts);
        let mut start = 0;
        for k in 1..=parts {
            let goal = total * k / parts;
            let end = if k == parts {
                self.meetings.len()
            } else {
                // First meeting boundary at or past the goal.
                self.before
                    .partition_point(|&b| b < goal)
                    .min(self.meetings.len())
            };
            if end > start {
                ranges.push(start..end);
                start = end;
            }
        }
        ranges
    }

    /// Calls `f` with every candidate of the meetings in `range`, in tree
    /// order, with its main text (a title, or a commitment's text) and its
    /// byte mask. (A range past the end is cut to the meetings there are.)
    pub(crate) fn each<'c>(
        &self,
        corpus: &'c Corpus,
        range: Range<usize>,
        mut f: impl FnMut(Pos, &'c str, Mask),
    ) {
        let end = range.end.min(self.meetings.len());
        let start = range.start.min(end);
        let first = self.before.get(start).copied().unwrap_or(0);
        let mut masks = self.masks.get(first..).unwrap_or_default().iter();
        self.walk(corpus, start..end, |pos, text, _| {
            f(pos, text, masks.next().copied().unwrap_or(Mask::MAX))
        });
    }

    /// Calls `f` with every candidate of the meetings in `range`, in tree
    /// order, with its main text and, for an area, the area.
    fn walk<'c>(
        &self,
        corpus: &'c Corpus,
        range: Range<usize>,
        mut f: impl FnMut(Pos, &'c str, Option<&'c Area>),
    ) {
        for &(p, m) in self.meetings.get(range).unwrap_or_default() {
            let Some(meeting) = corpus
                .partnerships
                .get(p as usize)
                .and_then(|pa| pa.meetings.get(m as usize))
            else {
                continue;
            };
            f(Pos { p, m, a: 0, c: 0 }, &meeting.title, None);
            for (a, area) in (1..).zip(&meeting.areas) {
                f(Pos { p, m, a, c: 0 }, &area.title, Some(area));
                for (c, commitment) in (1..).zip(&area.commitments) {
                    f(Pos { p, m, a, c }, &commitment.text, None);
                }
            }
        }
    }
}

/// Looks up the texts and masks of candidates given in tree order,
/// remembering the last meeting and area: consecutive matches mostly share
/// them, and each lookup through the whole tree costs several cache misses.
pub(crate) struct Cursor<'c, 'i> {
    corpus: &'c Corpus,
    index: &'i Index,
    /// The meeting, and where its candidates start in the index.
    meeting: Option<((u32, u32), &'c Meeting, usize)>,
    /// Where each area of the meeting starts, counted from the meeting.
    areas: Vec<usize>,
}

impl<'c, 'i> Cursor<'c, 'i> {
    pub(crate) fn new(corpus: &'c Corpus, index: &'i Index) -> Cursor<'c, 'i> {
        Cursor {
            corpus,
            index,
            meeting: None,
            areas: Vec::new(),
        }
    }

    /// The main text of the candidate at `pos`, and its byte mask
    /// (`Mask::MAX` if the index does not know it).
    pub(crate) fn text(&mut self, pos: Pos) -> Option<(&'c str, Mask)> {
        let (meeting, first) = match self.meeting {
            Some((at, m, first)) if at == (pos.p, pos.m) => (m, first),
            _ => {
                let m = self
                    .corpus
                    .partnerships
                    .get(pos.p as usize)?
                    .meetings
                    .get(pos.m as usize)?;
                let first = match self.index.meetings.binary_search(&(pos.p, pos.m)) {
                    Ok(k) => self.index.before.get(k).copied().unwrap_or(usize::MAX),
                    Err(_) => usize::MAX,
                };
                self.areas.clear();
                let mut at = 1;
                for a in &m.areas {
                    self.areas.push(at);
                    at += 1 + a.commitments.len();
                }
                self.meeting = Some(((pos.p, pos.m), m, first));
                (m, first)
            }
        };
        let mask = |offset: usize| {
            first
                .checked_add(offset)
                .and_then(|i| self.index.masks.get(i))
                .copied()
                .unwrap_or(Mask::MAX)
        };
        if pos.a == 0 {
            return Some((&meeting.title, mask(0)));
        }
        let a = pos.a as usize - 1;
        let area = meeting.areas.get(a)?;
        let offset = self.areas.get(a).copied()? + pos.c as usize;
        if pos.c == 0 {
            return Some((&area.title, mask(offset)));
        }
        let c = area.commitments.get(pos.c as usize - 1)?;
        Some((&c.text, mask(offset)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip_and_sort_in_reading_order() {
        let paths = [
            NodePath::Meeting(0, 0),
            NodePath::Area(0, 0, 0),
            NodePath::Commitment(0, 0, 0, 0),
            NodePath::Commitment(0, 0, 0, 1),
            NodePath::Area(0, 0, 1),
            NodePath::Meeting(0, 1),
            NodePath::Commitment(4, 3, 2, 1),
        ];
        let packed: Vec<Pos> = paths.iter().filter_map(|&p| Pos::pack(p)).collect();
        assert_eq!(packed.iter().map(|p| p.path()).collect::<Vec<_>>(), paths);
        assert!(packed.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(Pos::pack(NodePath::Partnership(0)), None);
        assert_eq!(std::mem::size_of::<Pos>(), 16);
    }

    #[test]
    fn the_cursor_finds_each_candidates_mask() {
        let corpus = crate::loader::load(&crate::loader::LoadOptions::embedded_only()).corpus;
        let index = Index::new(&corpus);
        let mut all = Vec::new();
        index.each(&corpus, 0..usize::MAX, |pos, text, mask| {
            all.push((pos, text, mask))
        });
        let mut cursor = Cursor::new(&corpus, &index);
        for &(pos, text, mask) in &all {
            assert_eq!(cursor.text(pos), Some((text, mask)), "{pos:?}");
        }
        // Out of order too.
        let mut cursor = Cursor::new(&corpus, &index);
        for &(pos, text, mask) in all.iter().rev().step_by(3) {
            assert_eq!(cursor.text(pos), Some((text, mask)), "{pos:?}");
        }
    }
}
