//! What `jointly list` prints: the outline of the tree (partnerships,
//! meetings and areas, with their ids, titles, sections and counts) and
//! none of its text.
//!
//! It is built from a loaded corpus ([`Listing::of`]), or, when the load
//! cache knows every statement file, from the outline the cache keeps of
//! each ([`crate::loader::listing`]) without decoding one commitment: the
//! texts are most of what a warm load of a thousand statements decodes,
//! and `list` prints none of them.

use serde::{Deserialize, Serialize};

use crate::compare::Tally;
use crate::model::{Area, Corpus, Date, Meeting, Partnership, RareList};

/// The outline of a tree, partnerships in the order of the tree.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Listing {
    /// Partnerships, in the order their first file was loaded.
    pub partnerships: Vec<PartnershipListing>,
}

/// A partnership's outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartnershipListing {
    /// Its id.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// Its meetings, sorted as the tree sorts them (by date, then id).
    pub meetings: Vec<MeetingListing>,
}

/// A meeting's outline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingListing {
    /// Its id within the partnership.
    pub id: String,
    /// The statement's title.
    pub title: String,
    /// The date of the meeting.
    pub date: Date,
    /// Its areas, in source order.
    pub areas: Vec<AreaListing>,
}

/// An area's outline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaListing {
    /// Its id within the meeting.
    pub id: String,
    /// Its heading (a placeholder when the source gives it none).
    pub title: String,
    /// The sections it stands in, outermost first.
    pub section: RareList<String>,
    /// The ids (after the meeting's `§`) of the sections it is the first
    /// to stand in, outermost first: the tail of `section` that the area
    /// before it was not in ([`Meeting::opened_sections`]).
    pub opens: RareList<String>,
    /// How many commitments it holds.
    pub commitments: usize,
    /// Its commitments' stances.
    #[serde(with = "tally_parts")]
    pub tally: Tally,
}

/// A [`Tally`] in the load cache, as its parts: its own `Serialize` is
/// the JSON that `--format json` prints.
mod tally_parts {
    use super::Tally;

    type Parts = ([usize; 4], usize, usize, [usize; 4]);

    pub fn serialize<S: serde::Serializer>(t: &Tally, s: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&(t.counts, t.unknown, t.inferred, t.one_sided), s)
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Tally, D::Error> {
        let (counts, unknown, inferred, one_sided): Parts = serde::Deserialize::deserialize(d)?;
        Ok(Tally {
            counts,
            unknown,
            inferred,
            one_sided,
        })
    }
}

impl Listing {
    /// The outline of `corpus`.
    pub fn of(corpus: &Corpus) -> Listing {
        Listing {
            partnerships: corpus.partnerships.iter().map(PartnershipListing::of).collect(),
        }
    }

    /// Partnerships, meetings, areas and commitments, as
    /// [`Corpus::counts`] gives them.
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        let mut c = (self.partnerships.len(), 0, 0, 0);
        for p in &self.partnerships {
            c.1 += p.meetings.len();
            c.2 += p.area_count();
            c.3 += p.commitment_count();
        }
        c
    }
}

impl PartnershipListing {
    /// The outline of `p`.
    pub fn of(p: &Partnership) -> PartnershipListing {
        PartnershipListing {
            id: p.id.clone(),
            name: p.name.clone(),
            meetings: p.meetings.iter().map(MeetingListing::of).collect(),
        }
    }

    /// Areas over all its meetings.
    pub fn area_count(&self) -> usize {
        self.meetings.iter().map(|m| m.areas.len()).sum()
    }

    /// Commitments over all its meetings.
    pub fn commitment_count(&self) -> usize {
        self.meetings.iter().map(MeetingListing::commitment_count).sum()
    }
}

impl MeetingListing {
    /// The outline of `m`.
    pub fn of(m: &Meeting) -> MeetingListing {
        let sections = m.sections();
        let ids = Meeting::section_ids(&sections);
        let areas = m.areas.iter().enumerate().map(|(i, a)| {
            // The section each opened one is: it begins at this area, at
            // that depth.
            let first = a.section.len() - m.opened_sections(i).len();
            let opens = (first..a.section.len())
                .filter_map(|level| {
                    let s = sections.iter().position(|s| s.first == i && s.level == level)?;
                    ids.get(s).cloned()
                })
                .collect();
            AreaListing {
                opens,
                ..AreaListing::of(a)
            }
        });
        MeetingListing {
            id: m.id.clone(),
            title: m.title.clone(),
            date: m.date,
            areas: areas.collect(),
        }
    }

    /// Commitments over all its areas.
    pub fn commitment_count(&self) -> usize {
        self.areas.iter().map(|a| a.commitments).sum()
    }
}

impl AreaListing {
    /// The outline of `a`, as if it opened no section (its meeting's
    /// outline says which it opens).
    fn of(a: &Area) -> AreaListing {
        AreaListing {
            id: a.id.clone(),
            title: a.title.clone(),
            section: a.section.clone(),
            opens: RareList::default(),
            commitments: a.commitments.len(),
            tally: Tally::of(a),
        }
    }
}
