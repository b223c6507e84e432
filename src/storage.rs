//! Where jointly keeps its own files, and how it writes them without losing
//! what was there: a new file is written beside the old one and renamed over
//! it, so a crash leaves either the old or the new file, never half of one;
//! a file that cannot be read is moved aside, never overwritten.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use directories::ProjectDirs;

use crate::loader::Problem;
use crate::timestamp::Timestamp;

/// Largest state file read: real ones are a few hundred bytes, and a limit
/// keeps a stray huge file from stalling start-up.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Largest bookmarks file read or written: a bookmark with a full note takes
/// about 600 bytes, so this is some 50,000 of them, more than a person makes.
/// A larger file is neither read nor replaced.
pub const MAX_BOOKMARKS_BYTES: u64 = 32 * 1024 * 1024;

/// A file of ours written by another version of jointly (newer, most
/// likely) is not read: guessing at its fields could lose what it holds.
pub fn check_version(name: &str, found: u32, reads: u32) -> Result<(), Problem> {
    if found == reads {
        return Ok(());
    }
    Err(Problem::warning(
        name,
        format!("version {found} is not one this jointly reads (it reads {reads})"),
    ))
}

/// The platform folders of this app (the `directories` crate).
pub fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "jointly")
}

/// The remembered place: `state.yaml` in the platform state directory
/// (`$XDG_STATE_HOME/jointly` on Linux), or in the local data directory on
/// platforms that have no state directory.
pub fn state_file() -> Option<PathBuf> {
    let dirs = project_dirs()?;
    let dir = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
    Some(dir.join("state.yaml"))
}

/// The bookmarks: `bookmarks.yaml` in the platform data directory
/// (`$XDG_DATA_HOME/jointly` on Linux).
pub fn bookmarks_file() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_dir().join("bookmarks.yaml"))
}

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// There is no such file: a normal first start.
    Missing,
    /// The file exists but its bytes are not usable text (not UTF-8).
    Damaged(String),
    /// The file could not be opened or read (permissions, a folder, a named
    /// pipe or a device in its place, or more than the limit).
    Unreadable(io::Error),
}

/// Reads a small text file jointly wrote (at most [`MAX_FILE_BYTES`]),
/// telling a missing file from a damaged or unreadable one.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    read_text_limited(path, MAX_FILE_BYTES)
}

/// As [`read_text`], reading at most `limit` bytes. The file is opened
/// without waiting and must be a regular file: a named pipe, a terminal or
/// a device in its place would block start-up forever. The type checked is
/// the opened file's, so that a file swapped between a check and the open
/// cannot slip through. A file over the limit is unreadable, not damaged:
/// it may well be good, and must not be moved aside.
pub fn read_text_limited(path: &Path, limit: u64) -> Result<String, ReadError> {
    let file = crate::loader::open_nonblocking(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => ReadError::Missing,
        _ => ReadError::Unreadable(e),
    })?;
    let meta = file.metadata().map_err(ReadError::Unreadable)?;
    if !meta.is_file() {
        return Err(ReadError::Unreadable(io::Error::other(if meta.is_dir() {
            "it is a folder, not a file"
        } else {
            "it is a named pipe, socket or device, not a regular file"
        })));
    }
    let too_large = |size: u64| {
        ReadError::Unreadable(io::Error::other(format!(
            "it is {:.1} MB, more than the {} MiB jointly reads from such a file",
            size as f64 / 1e6,
            limit / 1024 / 1024
        )))
    };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        ReadError::Damaged(format!(
            "not UTF-8 text (bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Replaces `path` with `bytes` atomically: the bytes go to a temporary file
/// in the same folder (a rename is only atomic within one file system), are
/// flushed to disk, and the temporary file is renamed over `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = parent_dir(path);
    fs::create_dir_all(dir)?;
    let tmp = temp_name(path);
    let written = (|| {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written?;
    // Makes the rename itself durable; not every platform can open a folder.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Renames `path` to `<name>.corrupt-<time>` in the same folder (with a
/// counter if that name is taken) and returns the new path.
pub fn move_aside(path: &Path, now: Timestamp) -> io::Result<PathBuf> {
    let name = file_name(path);
    let base = format!("{name}.corrupt-{}", now.file_suffix());
    let dir = parent_dir(path);
    let mut target = dir.join(&base);
    let mut n = 1;
    while target.exists() {
        target = dir.join(format!("{base}-{n}"));
        n += 1;
    }
    fs::rename(path, &target)?;
    Ok(target)
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into())
}

/// A temporary name beside `path`, unique to this process and call, so that
/// two copies of jointly (or two saves in one) never share a temporary file.
fn temp_name(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    parent_dir(path).join(format!(".{}.tmp-{}-{n}", file_name(path), std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_creates_folders_replaces_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/state.yaml");
        write_atomic(&path, b"one\n").unwrap();
        write_atomic(&path, b"two\n").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "two\n");
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["state.yaml"]);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.yaml");
        fs::write(&path, "old\n").unwrap();
        // A folder where the file should go makes the rename fail.
        let blocked = dir.path().join("blocked");
        fs::create_dir_all(blocked.join("x")).unwrap();
        assert!(write_atomic(&blocked, b"new").is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old\n");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn moving_aside_never_clobbers_an_earlier_copy() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bookmarks.yaml");
        let now = Timestamp::from_millis(1_764_581_400_000);
        fs::write(&path, "first").unwrap();
        let a = move_aside(&path, now).unwrap();
        fs::write(&path, "second").unwrap();
        let b = move_aside(&path, now).unwrap();
        assert_eq!(a, dir.path().join("bookmarks.yaml.corrupt-20251201T093000Z"));
        assert_eq!(b, dir.path().join("bookmarks.yaml.corrupt-20251201T093000Z-1"));
        assert_eq!(fs::read_to_string(a).unwrap(), "first");
        assert_eq!(fs::read_to_string(b).unwrap(), "second");
        assert!(!path.exists());
    }

    #[test]
    fn reading_tells_missing_from_damaged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.yaml");
        assert!(matches!(read_text(&path), Err(ReadError::Missing)));
        fs::write(&path, [b'a', 0xff, b'b']).unwrap();
        assert!(matches!(read_text(&path), Err(ReadError::Damaged(m)) if m.contains("offset 1")));
        assert!(matches!(read_text(dir.path()), Err(ReadError::Unreadable(_))));
        fs::write(&path, "ok").unwrap();
        assert_eq!(read_text(&path).unwrap(), "ok");
    }
}
