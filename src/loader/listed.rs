//! A load for `list` ([`super::listing`]): each file's outline is taken
//! from the load cache and merged as [`super::Builder`] merges whole
//! statements. Only the plain case is merged here: a file the cache has no
//! current entry for, or one that the whole load would have to judge
//! (a duplicate meeting, a partnership named otherwise, or a meeting whose
//! actors must be read again for other parties), ends it, and the library
//! is loaded whole instead.

use std::collections::HashMap;

use super::Problem;
use super::cache::ListingOutcome;
use crate::listing::{Listing, MeetingListing, PartnershipListing};

/// The outlines taken so far, merged.
#[derive(Debug, Default)]
pub(super) struct Listed {
    listing: Listing,
    /// The parties of each partnership's first file, by partnership index.
    parties: Vec<Vec<String>>,
    index: HashMap<String, usize, foldhash::fast::RandomState>,
    /// The annotation's warnings, by partnership index and meeting id,
    /// given after every loader problem, in the order of the tree.
    notes: HashMap<(usize, String), Vec<Problem>, foldhash::fast::RandomState>,
    /// A file could not be listed from the cache alone.
    pub failed: bool,
}

impl Listed {
    /// Takes one file's listing (`None`: the cache has none), adding its
    /// problems to `problems` as the whole load would.
    pub fn take(&mut self, listing: Option<ListingOutcome>, problems: &mut Vec<Problem>) {
        if self.failed {
            return;
        }
        match listing {
            None => self.failed = true,
            Some(Err(p)) => problems.push(p),
            Some(Ok(s)) => {
                problems.extend(s.warnings);
                let id = s.meeting.id.clone();
                match self.insert(s.partnership, s.meeting) {
                    Some(i) if !s.notes.is_empty() => {
                        self.notes.insert((i, id), s.notes);
                    }
                    Some(_) => {}
                    None => self.failed = true,
                }
            }
        }
    }

    /// Files `meeting` under its partnership, and says under which; `None`
    /// when only the whole load can say what happens to it.
    fn insert(&mut self, partnership: crate::model::Partnership, meeting: MeetingListing) -> Option<usize> {
        let partnerships = &mut self.listing.partnerships;
        let Some(&i) = self.index.get(&partnership.id) else {
            let i = partnerships.len();
            self.index.insert(partnership.id.clone(), i);
            self.parties.push(partnership.parties);
            partnerships.push(PartnershipListing {
                id: partnership.id,
                name: partnership.name,
                meetings: vec![meeting],
            });
            return Some(i);
        };
        let existing = &mut partnerships[i];
        let plain = existing.name == partnership.name
            && self.parties[i] == partnership.parties
            && existing.meetings.iter().all(|m| m.id != meeting.id);
        plain.then(|| existing.meetings.push(meeting)).map(|()| i)
    }

    /// The listing, meetings sorted as the tree sorts them, and the notes
    /// in the order of the tree.
    pub fn finish(mut self) -> (Listing, Vec<Problem>) {
        let mut notes = Vec::new();
        for (i, p) in self.listing.partnerships.iter_mut().enumerate() {
            p.meetings
                .sort_by(|a, b| crate::model::meeting_order((a.date, &a.id), (b.date, &b.id)));
            if !self.notes.is_empty() {
                for m in &p.meetings {
                    notes.extend(self.notes.remove(&(i, m.id.clone())).into_iter().flatten());
                }
            }
        }
        (self.listing, notes)
    }
}
