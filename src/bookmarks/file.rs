//! The bookmarks file: its layout, reading what can be read from a damaged
//! one, and the locked read-merge-write of a save.

use std::fmt;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::{Bookmark, BookmarkSet, Entry};
use crate::loader::{Problem, Severity, yaml_problem};
use crate::output::plural;
use crate::storage::{self, ReadError};
use crate::timestamp::Timestamp;

const VERSION: u32 = 1;

const HEADER: &str = "\
# jointly bookmarks. Safe to edit while jointly is closed.
# `deleted` remembers deletions for a while, so that another open copy of
# jointly does not bring a deleted bookmark back (see the README).
";

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileRepr {
    version: u32,
    #[serde(default)]
    bookmarks: Vec<BookmarkRepr>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    deleted: Vec<TombstoneRepr>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BookmarkRepr {
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    created: Timestamp,
    changed: Timestamp,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TombstoneRepr {
    id: String,
    deleted: Timestamp,
}

/// What reading the bookmarks file gave.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Everything that could be read.
    pub set: BookmarkSet,
    /// What the user should be told: `file:line:column: warning: …`.
    pub warnings: Vec<Problem>,
    condition: Condition,
}

#[derive(Debug, Default, PartialEq, Eq)]
enum Condition {
    /// No file yet, or a good one.
    #[default]
    Good,
    /// The file exists but is not entirely a bookmarks file.
    Damaged,
    /// The file could not be read at all, for this reason.
    Unreadable(String),
}

/// Why bookmarks could not be saved; what was in the file is untouched.
/// (The file's path is the store's; the message does not repeat it.)
#[derive(Debug)]
pub enum SaveError {
    /// The existing file cannot be read, so it cannot be merged with; it is
    /// left as it is rather than overwritten.
    Unreadable(String),
    /// A damaged file could not be moved aside, so it is not overwritten.
    CannotMoveAside(io::Error),
    /// Locking or writing failed.
    Write(io::Error),
}

impl SaveError {
    /// Why, without "bookmarks not saved".
    pub fn reason(&self) -> String {
        match self {
            SaveError::Unreadable(e) => format!("the file cannot be read ({e}), and is left as it is"),
            SaveError::CannotMoveAside(e) => {
                format!("the damaged file could not be moved aside ({e}), and is left as it is")
            }
            SaveError::Write(e) => e.to_string(),
        }
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bookmarks not saved: {}", self.reason())
    }
}

impl std::error::Error for SaveError {}

/// Reads the bookmarks at `path`, changing nothing on disk.
pub fn read(path: &Path) -> Loaded {
    let name = path.display().to_string();
    let text = match storage::read_text_limited(path, storage::MAX_BOOKMARKS_BYTES) {
        Ok(text) => text,
        Err(ReadError::Missing) => return Loaded::default(),
        Err(ReadError::Damaged(e)) => {
            return Loaded {
                warnings: vec![damaged(Problem::warning(&name, e), 0, false)],
                condition: Condition::Damaged,
                ..Loaded::default()
            };
        }
        Err(ReadError::Unreadable(e)) => {
            let p = Problem::warning(
                &name,
                format!("cannot read the bookmarks ({e}); they will not be saved until the file can be read"),
            );
            return Loaded {
                warnings: vec![p],
                condition: Condition::Unreadable(e.to_string()),
                ..Loaded::default()
            };
        }
    };
    match parse_strict(&name, &text) {
        Ok(set) => Loaded {
            set,
            ..Loaded::default()
        },
        Err(problem) => {
            let set = parse_lenient(&text);
            let kept = set.list().len();
            Loaded {
                warnings: vec![damaged(problem, kept, true)],
                set,
                condition: Condition::Damaged,
            }
        }
    }
}

fn damaged(problem: Problem, kept: usize, parsed: bool) -> Problem {
    let kept = if parsed {
        format!("{} could still be read; ", plural(kept, "bookmark"))
    } else {
        String::new()
    };
    Problem {
        severity: Severity::Warning,
        message: format!(
            "the bookmarks file is damaged: {}; {kept}the file will be moved aside, not overwritten, when bookmarks are next saved",
            problem.message
        ),
        ..problem
    }
}

fn parse_strict(name: &str, text: &str) -> Result<BookmarkSet, Problem> {
    if text.trim().is_empty() {
        return Err(Problem::warning(name, "the file is empty"));
    }
    crate::loader::yaml::check_expansion(text).map_err(|e| yaml_problem(name, &e))?;
    let file: FileRepr = serde_yaml::from_str(text).map_err(|e| yaml_problem(name, &e))?;
    storage::check_version(name, file.version, VERSION)?;
    let mut set = BookmarkSet::default();
    for (i, b) in file.bookmarks.into_iter().enumerate() {
        if b.id.trim().is_empty() {
            return Err(Problem::warning(name, "empty id").at_path(format!("bookmarks[{i}].id")));
        }
        set.absorb(b.id.clone(), Entry::Live(b.into()));
    }
    for t in file.deleted {
        set.absorb(t.id, Entry::Deleted(t.deleted));
    }
    Ok(set)
}

/// Every entry of a damaged file that is well formed on its own.
fn parse_lenient(text: &str) -> BookmarkSet {
    let mut set = BookmarkSet::default();
    if crate::loader::yaml::check_expansion(text).is_err() {
        return set;
    }
    let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(text) else {
        return set;
    };
    let items = |key: &str| {
        value
            .get(key)
            .and_then(serde_yaml::Value::as_sequence)
            .cloned()
            .unwrap_or_default()
    };
    for item in items("bookmarks") {
        if let Ok(b) = serde_yaml::from_value::<BookmarkRepr>(item)
            && !b.id.trim().is_empty()
        {
            set.absorb(b.id.clone(), Entry::Live(b.into()));
        }
    }
    for item in items("deleted") {
        if let Ok(t) = serde_yaml::from_value::<TombstoneRepr>(item) {
            set.absorb(t.id, Entry::Deleted(t.deleted));
        }
    }
    set
}

impl From<BookmarkRepr> for Bookmark {
    fn from(b: BookmarkRepr) -> Bookmark {
        Bookmark {
            id: b.id,
            note: b.note,
            label: b.label,
            created: b.created,
            changed: b.changed,
        }
    }
}

fn render(set: &BookmarkSet) -> Result<String, serde_yaml::Error> {
    let mut file = FileRepr {
        version: VERSION,
        bookmarks: Vec::new(),
        deleted: Vec::new(),
    };
    for b in set.list() {
        file.bookmarks.push(BookmarkRepr {
            id: b.id.clone(),
            note: b.note.clone(),
            label: b.label.clone(),
            created: b.created,
            changed: b.changed,
        });
    }
    for (id, e) in set.entries() {
        if let Entry::Deleted(at) = e {
            file.deleted.push(TombstoneRepr {
                id: id.to_string(),
                deleted: *at,
            });
        }
    }
    Ok(format!("{HEADER}{}", serde_yaml::to_string(&file)?))
}

/// The save: under an exclusive lock on `<file>.lock`, re-read the file,
/// merge it with `mine`, move a damaged file aside, write atomically.
pub(super) fn merge_and_write(
    path: &Path,
    mine: &BookmarkSet,
    now: Timestamp,
) -> Result<(BookmarkSet, Vec<Problem>), SaveError> {
    let write_err = SaveError::Write;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(write_err)?;
    }
    let lock = lock_file(path).map_err(write_err)?;
    let theirs = read(path);
    let mut warnings = Vec::new();
    match theirs.condition {
        Condition::Good => {}
        Condition::Unreadable(e) => return Err(SaveError::Unreadable(e)),
        Condition::Damaged => {
            let aside = storage::move_aside(path, now).map_err(SaveError::CannotMoveAside)?;
            warnings.push(Problem::warning(
                path.display().to_string(),
                format!(
                    "the damaged bookmarks file was moved to {}; {} that could be read {} kept",
                    aside.display(),
                    plural(theirs.set.list().len(), "bookmark"),
                    if theirs.set.list().len() == 1 { "is" } else { "are" }
                ),
            ));
        }
    }
    let mut merged = mine.merge(&theirs.set);
    merged.prune(now);
    let text = render(&merged).map_err(|e| write_err(io::Error::other(e)))?;
    if text.len() as u64 > storage::MAX_BOOKMARKS_BYTES {
        return Err(write_err(io::Error::other(format!(
            "they would take {:.1} MB, more than the {} MiB jointly reads back",
            text.len() as f64 / 1e6,
            storage::MAX_BOOKMARKS_BYTES / 1024 / 1024
        ))));
    }
    storage::write_atomic(path, text.as_bytes()).map_err(write_err)?;
    drop(lock);
    Ok((merged, warnings))
}

/// How long a save waits for another process's lock before it gives up and
/// says so: a save runs between two keys, and the screen waits for it.
pub const LOCK_WAIT: Duration = Duration::from_secs(1);

/// Holds an exclusive lock on `<file>.lock` until dropped. The lock file is
/// separate from the bookmarks file because the atomic rename replaces that
/// file, and a lock on a replaced file protects nothing. It is opened
/// without waiting (a named pipe in its place would block the open) and
/// must be a regular file; the lock is tried until [`LOCK_WAIT`] has passed.
fn lock_file(path: &Path) -> io::Result<File> {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    let name = PathBuf::from(name);
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let shown = name.display();
    let not_regular = || {
        io::Error::other(format!(
            "the lock file {shown} is not a regular file (a named pipe or a device?); remove it"
        ))
    };
    let f = options.open(&name).map_err(|e| {
        // Opening a pipe with no reader for writing, without waiting, fails so.
        #[cfg(unix)]
        if e.raw_os_error() == Some(libc::ENXIO) {
            return not_regular();
        }
        io::Error::new(e.kind(), format!("cannot open the lock file {shown}: {e}"))
    })?;
    if !f.metadata()?.is_file() {
        return Err(not_regular());
    }
    let start = Instant::now();
    loop {
        match f.try_lock() {
            Ok(()) => return Ok(f),
            Err(TryLockError::WouldBlock) if start.elapsed() < LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(io::Error::new(
                    io::ErrorKind::WouldBlock,
                    format!(
                        "another process has held the lock {shown} for more than {} s (another jointly saving?)",
                        LOCK_WAIT.as_secs()
                    ),
                ));
            }
            Err(TryLockError::Error(e)) => return Err(e),
        }
    }
}
