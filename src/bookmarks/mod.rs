//! Bookmarks of commitments and areas, by stable id, with an optional short
//! note; kept in the data folder and never silently lost.
//!
//! The merge rule, which lets two copies of jointly share one file: every
//! change (adding, editing, deleting) stamps the bookmark's id with the time
//! of the change, and a deletion is kept as a *tombstone* with its time.
//! Saving re-reads the file and keeps, per id, the most recent change from
//! either side: last writer wins per bookmark, and a deletion is undone only
//! by a later bookmark of the same node. Ties (same millisecond) are broken
//! by a fixed order on the contents, so the merge gives the same result
//! whichever copy saves first. Tombstones older than [`TOMBSTONE_DAYS`] are
//! dropped when saving.

mod file;
pub mod print;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::loader::Problem;
use crate::storage;
use crate::timestamp::Timestamp;

pub use file::{LOCK_WAIT, Loaded, SaveError};

/// Longest note kept, in characters; a bookmark note is a reminder, not an essay.
pub const MAX_NOTE_CHARS: usize = 200;

/// How long a deletion is remembered so that another open copy of jointly
/// cannot bring the bookmark back.
pub const TOMBSTONE_DAYS: i64 = 90;

/// A bookmarked node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bookmark {
    /// Stable id of the node (`eu-sg-dp/2025-12-01/quantum/2`).
    pub id: String,
    /// The reader's note, if any.
    pub note: Option<String>,
    /// The node's breadcrumb when it was bookmarked, shown if the node is
    /// later missing from the loaded statements.
    pub label: Option<String>,
    /// When it was first bookmarked.
    pub created: Timestamp,
    /// When it was last changed (created, or its note edited).
    pub changed: Timestamp,
}

/// The latest change to one id: a bookmark, or its deletion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// The node is bookmarked.
    Live(Bookmark),
    /// The bookmark was deleted at this time.
    Deleted(Timestamp),
}

impl Entry {
    /// When this change was made.
    pub fn changed(&self) -> Timestamp {
        match self {
            Entry::Live(b) => b.changed,
            Entry::Deleted(at) => *at,
        }
    }

    /// A total order on changes: later first by time; at the same time a
    /// deletion, then the contents, decide. Total so that merging is
    /// commutative.
    fn rank(&self) -> (Timestamp, bool, Option<&str>, Option<&str>, Timestamp) {
        match self {
            Entry::Live(b) => (b.changed, false, b.note.as_deref(), b.label.as_deref(), b.created),
            Entry::Deleted(at) => (*at, true, None, None, *at),
        }
    }
}

/// Every bookmark and tombstone, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BookmarkSet {
    entries: BTreeMap<String, Entry>,
}

impl BookmarkSet {
    /// Live bookmarks, oldest first.
    pub fn list(&self) -> Vec<&Bookmark> {
        let mut live: Vec<&Bookmark> = self
            .entries
            .values()
            .filter_map(|e| match e {
                Entry::Live(b) => Some(b),
                Entry::Deleted(_) => None,
            })
            .collect();
        live.sort_by(|a, b| (a.created, &a.id).cmp(&(b.created, &b.id)));
        live
    }

    /// The bookmark of `id`, if it is bookmarked.
    pub fn get(&self, id: &str) -> Option<&Bookmark> {
        match self.entries.get(id) {
            Some(Entry::Live(b)) => Some(b),
            _ => None,
        }
    }

    /// Every entry, tombstones included.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &Entry)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Bookmarks `id` (or replaces the note of an existing bookmark, keeping
    /// its creation time). The note is trimmed, control characters become
    /// spaces, it is cut at [`MAX_NOTE_CHARS`], and an empty note is none.
    pub fn set(&mut self, id: &str, note: Option<&str>, label: Option<String>, now: Timestamp) {
        let now = self.after_last_change(id, now);
        let created = self.get(id).map_or(now, |b| b.created);
        let label = label.or_else(|| self.get(id).and_then(|b| b.label.clone()));
        let bookmark = Bookmark {
            id: id.to_string(),
            note: note.and_then(clean_note),
            label,
            created,
            changed: now,
        };
        self.entries.insert(id.to_string(), Entry::Live(bookmark));
    }

    /// Deletes the bookmark of `id`, leaving a tombstone; whether there was one.
    pub fn delete(&mut self, id: &str, now: Timestamp) -> bool {
        if self.get(id).is_none() {
            return false;
        }
        let now = self.after_last_change(id, now);
        self.entries.insert(id.to_string(), Entry::Deleted(now));
        true
    }

    /// `now`, or just after the id's last change if the clock reads earlier,
    /// so that a change made here always wins over what it replaces.
    fn after_last_change(&self, id: &str, now: Timestamp) -> Timestamp {
        match self.entries.get(id) {
            Some(e) if e.changed() >= now => e.changed().plus_millis(1),
            _ => now,
        }
    }

    /// Inserts an entry read from a file, keeping the more recent one if the
    /// id is already present.
    fn absorb(&mut self, id: String, entry: Entry) {
        match self.entries.get(&id) {
            Some(old) if old.rank() >= entry.rank() => {}
            _ => {
                self.entries.insert(id, entry);
            }
        }
    }

    /// The union of two sets, keeping per id the most recent change.
    pub fn merge(&self, other: &BookmarkSet) -> BookmarkSet {
        let mut out = self.clone();
        for (id, e) in &other.entries {
            out.absorb(id.clone(), e.clone());
        }
        out
    }

    /// Drops tombstones older than [`TOMBSTONE_DAYS`] before `now`.
    fn prune(&mut self, now: Timestamp) {
        let horizon = now.plus_millis(-TOMBSTONE_DAYS * 86_400_000);
        self.entries
            .retain(|_, e| !matches!(e, Entry::Deleted(at) if *at < horizon));
    }
}

fn clean_note(note: &str) -> Option<String> {
    let cleaned: String = note
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let cleaned = cleaned.trim();
    (!cleaned.is_empty()).then(|| {
        cleaned
            .chars()
            .take(MAX_NOTE_CHARS)
            .collect::<String>()
            .trim_end()
            .to_string()
    })
}

/// The bookmarks of one file, as this copy of jointly knows them.
#[derive(Debug)]
pub struct BookmarkStore {
    path: PathBuf,
    set: BookmarkSet,
}

impl BookmarkStore {
    /// Reads the bookmarks at `path` without changing the file. A missing file
    /// is an empty set; a damaged one gives what could be read and warnings
    /// (the file is moved aside only when saving would replace it).
    pub fn open(path: &Path) -> (BookmarkStore, Vec<Problem>) {
        let loaded = file::read(path);
        (
            BookmarkStore {
                path: path.to_path_buf(),
                set: loaded.set,
            },
            loaded.warnings,
        )
    }

    /// The store at the platform's place, if there is a home to put it in.
    pub fn open_default() -> Option<(BookmarkStore, Vec<Problem>)> {
        storage::bookmarks_file().map(|p| BookmarkStore::open(&p))
    }

    /// The file this store reads and writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The bookmarks and tombstones as this copy knows them.
    pub fn set(&self) -> &BookmarkSet {
        &self.set
    }

    /// Changes the bookmarks; they reach the file on [`BookmarkStore::save`].
    pub fn set_mut(&mut self) -> &mut BookmarkSet {
        &mut self.set
    }

    /// Merges with what is in the file now (another copy of jointly may have
    /// saved since) and writes the result atomically, holding a lock file so
    /// that two saves cannot interleave. A damaged file is moved aside first,
    /// never overwritten. Returns warnings for the user.
    pub fn save(&mut self, now: Timestamp) -> Result<Vec<Problem>, SaveError> {
        let (merged, warnings) = file::merge_and_write(&self.path, &self.set, now)?;
        self.set = merged;
        Ok(warnings)
    }
}

#[cfg(test)]
mod tests;
