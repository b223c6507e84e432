//! What changed between two meetings of one partnership: which commitments
//! of the later meeting continue one of the earlier meeting and which are
//! new, which earlier ones nothing follows up, which areas were kept (maybe
//! renamed), added or dropped, and whether the language of a continued
//! commitment got firmer or softer.
//!
//! A commitment continues an earlier one when the earlier one is its
//! counterpart ([`Counterparts`]): they share distinctive words, weighed by
//! rarity, across the whole earlier meeting, with the bars of [`OVER_TIME`].
//! A renamed initiative (a working group that became a task force) is found
//! through the words and acronyms that carry over; the glossary makes an
//! acronym and its expansion one word. Nothing here knows about output.

use super::align::{Alignment, Side, align};
use super::counterparts::{Counterparts, Match, Thresholds};
use super::topics::Taxonomy;
use crate::glossary::Glossary;
use crate::model::{Corpus, Meeting, NodePath, Stance};

/// The bars a later commitment must pass to continue an earlier one: the
/// counterparts' score, with more evidence. Meetings of one partnership
/// share their vocabulary (the council's name, its working groups, the
/// two parties' agencies), so sharing two words of middling rarity says
/// less than it does across partnerships. Measured on the reading of two
/// TTC meetings (`tests/gold/continuity.yaml`, `tests/continuity.rs`):
/// evidence 7 agrees with continued/new for 82 of 111 later commitments,
/// against 76 with the cross-partnership 5; 5 to 9 and scores from 0.12 to
/// 0.25 all give 72-76%, the higher ones by finding fewer continuations.
pub const OVER_TIME: Thresholds = Thresholds {
    weak: super::counterparts::WEAK,
    strong: super::counterparts::STRONG,
    evidence: 7.0,
    keep: super::counterparts::KEEP,
};

/// The most commitments of the two meetings an acronym may be named by
/// and still, on its own, make a later commitment that names it a
/// continuation: the initiative's announcement and a follow-up or two.
pub const ACRONYM_NAMES: usize = 4;

/// How the stance of a continued commitment moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shift {
    /// Stronger language now (intend then, commit now).
    Firmer,
    /// Weaker language now (commit then, explore now).
    Softer,
    /// The same stance.
    Same,
    /// The stance of one of the two could not be read.
    Unknown,
}

impl Shift {
    /// The shift from `then` to `now`.
    pub fn between(then: Option<Stance>, now: Option<Stance>) -> Shift {
        // Stance::ALL is strongest first: a smaller index is firmer.
        let rank = |s: Stance| Stance::ALL.iter().position(|&x| x == s);
        match (then.and_then(rank), now.and_then(rank)) {
            (Some(t), Some(n)) if n < t => Shift::Firmer,
            (Some(t), Some(n)) if n > t => Shift::Softer,
            (Some(_), Some(_)) => Shift::Same,
            _ => Shift::Unknown,
        }
    }

    /// "firmer", "softer", "same" or "unknown".
    pub fn as_str(self) -> &'static str {
        match self {
            Shift::Firmer => "firmer",
            Shift::Softer => "softer",
            Shift::Same => "same",
            Shift::Unknown => "unknown",
        }
    }
}

/// What became of an area between the two meetings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AreaChange {
    /// In both: earlier area, later area (its title may differ).
    Kept(usize, usize),
    /// Only in the later meeting.
    New(usize),
    /// Only in the earlier meeting.
    Dropped(usize),
}

/// Counts of what changed, for an area or a whole meeting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Later commitments that continue an earlier one.
    pub continued: usize,
    /// Later commitments that continue none.
    pub new: usize,
    /// Earlier commitments nothing later follows up.
    pub not_followed_up: usize,
    /// Continued commitments in firmer language than their predecessor.
    pub firmer: usize,
    /// Continued commitments in softer language than their predecessor.
    pub softer: usize,
}

/// What changed from an earlier meeting to a later one of one partnership.
#[derive(Debug, Clone)]
pub struct Changes {
    /// The earlier meeting (a [`NodePath::Meeting`]).
    pub earlier: NodePath,
    /// The later meeting (a [`NodePath::Meeting`]).
    pub later: NodePath,
    /// The counterparts: [`Side::Left`] is the earlier meeting.
    pub counterparts: Counterparts,
    /// The areas paired by their subjects: left is the earlier meeting.
    pub alignment: Alignment,
    /// Every area, kept ones in the later meeting's order, then the
    /// dropped ones in the earlier meeting's order.
    pub areas: Vec<AreaChange>,
    /// By later area and commitment: the earlier commitment it continues.
    predecessors: Vec<Vec<Option<Match>>>,
    /// By earlier area and commitment: the later ones that follow it up.
    followers: Vec<Vec<Vec<Match>>>,
    /// By later area and commitment: its stance shift, if continued.
    shifts: Vec<Vec<Option<Shift>>>,
}

impl Changes {
    /// The changes between two meetings of one partnership, ordered by
    /// date whatever the order given; `None` when either is not a meeting
    /// of `corpus` or they belong to different partnerships.
    pub fn between(
        corpus: &Corpus,
        a: NodePath,
        b: NodePath,
        taxonomy: &Taxonomy,
        glossary: &Glossary,
    ) -> Option<Changes> {
        Changes::with(corpus, a, b, taxonomy, glossary, OVER_TIME)
    }

    /// As [`Changes::between`], with other bars for a continuation.
    pub fn with(
        corpus: &Corpus,
        a: NodePath,
        b: NodePath,
        taxonomy: &Taxonomy,
        glossary: &Glossary,
        thresholds: Thresholds,
    ) -> Option<Changes> {
        let (earlier, later) = ordered(corpus, a, b)?;
        let counterparts = Counterparts::with(
            corpus,
            earlier,
            later,
            taxonomy,
            glossary,
            super::counterparts::Background::builtin(),
            thresholds,
        )?;
        let alignment = align(corpus, earlier, later, taxonomy)?;
        let (_, em) = corpus.meeting(earlier)?;
        let (_, lm) = corpus.meeting(later)?;
        let mut predecessors: Vec<Vec<Option<Match>>> =
            per_commitment(lm, |ai, ci| counterparts.closest(Side::Right, ai, ci).cloned());
        let mut followers: Vec<Vec<Vec<Match>>> =
            per_commitment(em, |ai, ci| counterparts.of(Side::Left, ai, ci).to_vec());
        // An initiative renamed ("the WGSSS became a task force") may
        // share nothing but its acronym with what it was: an acronym the
        // statements define, that few commitments of the two name (so names
        // one initiative, not the subject of the whole meeting as "AI" or
        // the council's own initials do), is enough.
        let names_one_thing = |acronym: &str| {
            glossary.expand(acronym).is_some()
                && em
                    .areas
                    .iter()
                    .chain(&lm.areas)
                    .flat_map(|a| &a.commitments)
                    .filter(|c| !crate::glossary::mentions(&c.text, acronym).is_empty())
                    .count()
                    <= ACRONYM_NAMES
        };
        let loose = Thresholds {
            weak: f32::MIN_POSITIVE,
            evidence: 0.0,
            keep: 50,
            ..thresholds
        };
        let relaxed = Counterparts::with(
            corpus,
            earlier,
            later,
            taxonomy,
            glossary,
            super::counterparts::Background::builtin(),
            loose,
        )?;
        for (ai, area) in predecessors.iter_mut().enumerate() {
            for (ci, slot) in area.iter_mut().enumerate() {
                if slot.is_some() {
                    continue;
                }
                let named = relaxed
                    .of(Side::Right, ai, ci)
                    .iter()
                    .find(|m| m.shared.iter().any(|w| names_one_thing(w)));
                if let Some(m) = named {
                    *slot = Some(m.clone());
                    if let Some(f) = followers.get_mut(m.area).and_then(|a| a.get_mut(m.commitment)) {
                        f.push(Match {
                            area: ai,
                            commitment: ci,
                            ..m.clone()
                        });
                    }
                }
            }
        }
        let shifts = lm
            .areas
            .iter()
            .enumerate()
            .map(|(ai, area)| {
                area.commitments
                    .iter()
                    .enumerate()
                    .map(|(ci, c)| {
                        let m = predecessors.get(ai)?.get(ci)?.as_ref()?;
                        let before = em.areas.get(m.area)?.commitments.get(m.commitment)?;
                        Some(Shift::between(
                            before.stance.map(|(s, _)| s),
                            c.stance.map(|(s, _)| s),
                        ))
                    })
                    .collect()
            })
            .collect();
        let areas = area_changes(em, lm, &alignment, &predecessors);
        Some(Changes {
            earlier,
            later,
            counterparts,
            alignment,
            areas,
            predecessors,
            followers,
            shifts,
        })
    }

    /// The earlier commitment a later one continues (its closest
    /// counterpart, with score and shared words); `None` when it is new.
    pub fn predecessor(&self, area: usize, commitment: usize) -> Option<&Match> {
        self.predecessors.get(area)?.get(commitment)?.as_ref()
    }

    /// The later commitments that follow up an earlier one, best first;
    /// empty when nothing does.
    pub fn followed_up_by(&self, area: usize, commitment: usize) -> &[Match] {
        self.followers
            .get(area)
            .and_then(|a| a.get(commitment))
            .map_or(&[], Vec::as_slice)
    }

    /// The stance shift of a later commitment, `None` when it is new.
    pub fn shift(&self, area: usize, commitment: usize) -> Option<Shift> {
        self.shifts.get(area)?.get(commitment).copied().flatten()
    }

    /// The counts for a later area (continued, new, firmer, softer) and,
    /// when `earlier` is given, the earlier area's commitments not
    /// followed up.
    pub fn summary_of(&self, corpus: &Corpus, earlier: Option<usize>, later: Option<usize>) -> Summary {
        let mut s = Summary::default();
        if let (Some(ai), Some((_, lm))) = (later, corpus.meeting(self.later))
            && let Some(area) = lm.areas.get(ai)
        {
            for ci in 0..area.commitments.len() {
                match self.shift(ai, ci) {
                    None => s.new += 1,
                    Some(shift) => {
                        s.continued += 1;
                        s.firmer += usize::from(shift == Shift::Firmer);
                        s.softer += usize::from(shift == Shift::Softer);
                    }
                }
            }
        }
        if let (Some(ai), Some((_, em))) = (earlier, corpus.meeting(self.earlier))
            && let Some(area) = em.areas.get(ai)
        {
            s.not_followed_up += (0..area.commitments.len())
                .filter(|&ci| self.followed_up_by(ai, ci).is_empty())
                .count();
        }
        s
    }

    /// Whether `change` is the first of the later areas that keep its
    /// earlier area (an earlier area split in several is counted once).
    pub fn first_to_keep(&self, change: AreaChange) -> bool {
        match change {
            AreaChange::Kept(e, _) => {
                self.areas
                    .iter()
                    .find(|c| matches!(c, AreaChange::Kept(x, _) if *x == e))
                    == Some(&change)
            }
            _ => true,
        }
    }

    /// How many later areas keep earlier area `e`.
    pub fn kept_by(&self, e: usize) -> usize {
        self.areas
            .iter()
            .filter(|c| matches!(c, AreaChange::Kept(x, _) if *x == e))
            .count()
    }

    /// The counts for one [`AreaChange`]; an earlier area kept by several
    /// later ones has its commitments not followed up counted with the
    /// first.
    pub fn area_summary(&self, corpus: &Corpus, change: AreaChange) -> Summary {
        match change {
            AreaChange::Kept(e, l) if self.first_to_keep(change) => self.summary_of(corpus, Some(e), Some(l)),
            AreaChange::Kept(_, l) => self.summary_of(corpus, None, Some(l)),
            AreaChange::New(l) => self.summary_of(corpus, None, Some(l)),
            AreaChange::Dropped(e) => self.summary_of(corpus, Some(e), None),
        }
    }

    /// The counts for the whole meeting.
    pub fn summary(&self, corpus: &Corpus) -> Summary {
        let mut total = Summary::default();
        for &change in &self.areas {
            let s = self.area_summary(corpus, change);
            total.continued += s.continued;
            total.new += s.new;
            total.not_followed_up += s.not_followed_up;
            total.firmer += s.firmer;
            total.softer += s.softer;
        }
        total
    }
}

/// The two meetings, earlier first (by date, then by id); `None` unless
/// both are meetings of one partnership.
pub fn ordered(corpus: &Corpus, a: NodePath, b: NodePath) -> Option<(NodePath, NodePath)> {
    let (pa, ma) = a.meeting()?;
    let (pb, mb) = b.meeting()?;
    if pa != pb || ma == mb {
        return None;
    }
    let (_, x) = corpus.meeting(NodePath::Meeting(pa, ma))?;
    let (_, y) = corpus.meeting(NodePath::Meeting(pb, mb))?;
    let (a, b) = (NodePath::Meeting(pa, ma), NodePath::Meeting(pb, mb));
    Some(if (x.date, &x.id) <= (y.date, &y.id) {
        (a, b)
    } else {
        (b, a)
    })
}

/// The meeting of the same partnership held last before `meeting`, if any.
pub fn previous(corpus: &Corpus, meeting: NodePath) -> Option<NodePath> {
    let (p, m) = meeting.meeting()?;
    let (partnership, this) = corpus.meeting(NodePath::Meeting(p, m))?;
    partnership
        .meetings
        .iter()
        .enumerate()
        .filter(|&(i, other)| i != m && (other.date, &other.id) < (this.date, &this.id))
        .max_by(|(_, x), (_, y)| (x.date, &x.id).cmp(&(y.date, &y.id)))
        .map(|(i, _)| NodePath::Meeting(p, i))
}

/// Areas kept, new and dropped. A later area is kept when the alignment
/// pairs it by subject with an earlier one (a primary link, one to one)
/// or, failing that, when at least half its commitments continue
/// commitments of one earlier area: a renamed area keeps its commitments
/// even when its title names its subject differently, and an earlier area
/// split in several later ones (a fact sheet's one list of outcomes taken
/// up under several headings) is kept by each.
fn area_changes(
    earlier: &Meeting,
    later: &Meeting,
    alignment: &Alignment,
    predecessors: &[Vec<Option<Match>>],
) -> Vec<AreaChange> {
    let mut partner: Vec<Option<usize>> = vec![None; later.areas.len()];
    let mut taken = vec![false; earlier.areas.len()];
    for link in alignment.primary() {
        if partner[link.right].is_none() && !taken[link.left] {
            partner[link.right] = Some(link.left);
            taken[link.left] = true;
        }
    }
    for (li, area) in later.areas.iter().enumerate() {
        if partner[li].is_some() {
            continue;
        }
        let mut votes = vec![0usize; earlier.areas.len()];
        for m in predecessors.get(li).into_iter().flatten().flatten() {
            if let Some(v) = votes.get_mut(m.area) {
                *v += 1;
            }
        }
        let best = votes
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)));
        if let Some((e, &n)) = best
            && n > 0
            && 2 * n >= area.commitments.len()
        {
            partner[li] = Some(e);
            taken[e] = true;
        }
    }
    let mut out: Vec<AreaChange> = partner
        .iter()
        .enumerate()
        .map(|(l, e)| e.map_or(AreaChange::New(l), |e| AreaChange::Kept(e, l)))
        .collect();
    out.extend(
        (0..earlier.areas.len())
            .filter(|&e| !taken[e])
            .map(AreaChange::Dropped),
    );
    out
}

/// `f(area, commitment)` for every commitment of `m`, by area.
fn per_commitment<T>(m: &Meeting, f: impl Fn(usize, usize) -> T) -> Vec<Vec<T>> {
    m.areas
        .iter()
        .enumerate()
        .map(|(ai, a)| (0..a.commitments.len()).map(|ci| f(ai, ci)).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifts_follow_the_order_of_stances() {
        use Stance::*;
        assert_eq!(Shift::between(Some(Intend), Some(Commit)), Shift::Firmer);
        assert_eq!(Shift::between(Some(Commit), Some(Explore)), Shift::Softer);
        assert_eq!(Shift::between(Some(Explore), Some(Explore)), Shift::Same);
        assert_eq!(Shift::between(None, Some(Commit)), Shift::Unknown);
    }
}
