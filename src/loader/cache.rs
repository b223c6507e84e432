//! The load cache: what reading, aligning and annotating each statement
//! file gave, kept in the platform cache folder (`$XDG_CACHE_HOME/jointly/load`
//! on Linux), so that a library of a thousand files opens without parsing
//! them again.
//!
//! One entry per statement file, named by a hash of its absolute path and
//! holding the file's stamp (size, modification and change times, inode),
//! its source's stamp (alignment read it), and the build: a hash of the
//! binary (its version, size and modification time) and of the taxonomy.
//! An entry whose stamps differ from the files' is read again and
//! replaced; so a changed, added or removed file is read alone. Entries are
//! checked (magic, format, build, checksum) before they are trusted, and
//! anything wrong with them only means the file is read again: deleting the
//! folder is always safe. Entries are written to a temporary file and
//! renamed into place, so two copies starting at once each see a whole
//! entry or none.
//!
//! postcard: compact, a serde format (the model already derives serde),
//! no schema to keep beside the types, and a well-kept crate.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

use super::Problem;
use crate::model::{Meeting, Partnership};

/// The first bytes of every entry.
const MAGIC: &[u8; 8] = b"jlycache";
/// The layout of an entry; raised when [`Entry`] changes shape.
const FORMAT: u32 = 1;
/// Magic, format, build, checksum.
const HEADER: usize = 8 + 4 + 8 + 8;

/// One statement file, read, aligned with its source and annotated.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Statement {
    /// The partnership as this file names it (no meetings).
    pub partnership: Partnership,
    /// The meeting, annotated for the parties of `partnership`.
    pub meeting: Meeting,
    /// The loader's warnings about the file, in order.
    pub warnings: Vec<Problem>,
    /// The annotation's warnings (unknown topics), which come after every
    /// loader problem.
    pub notes: Vec<Problem>,
}

/// What a statement file gave: its statement, or the error that kept it out.
pub type Outcome = Result<Statement, Problem>;

/// What a file was when it was read: enough to tell that it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    size: u64,
    modified: Option<(i64, u32)>,
    changed: i64,
    inode: u64,
    device: u64,
}

impl Stamp {
    /// The stamp of `meta`.
    pub fn of(meta: &fs::Metadata) -> Stamp {
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| (i64::try_from(d.as_secs()).unwrap_or(i64::MAX), d.subsec_nanos()));
        #[cfg(unix)]
        let (changed, inode, device) = {
            use std::os::unix::fs::MetadataExt;
            (
                meta.ctime()
                    .wrapping_mul(1_000_000_000)
                    .wrapping_add(meta.ctime_nsec()),
                meta.ino(),
                meta.dev(),
            )
        };
        #[cfg(not(unix))]
        let (changed, inode, device) = (0, 0, 0);
        Stamp {
            size: meta.len(),
            modified,
            changed,
            inode,
            device,
        }
    }

    /// The stamp of the file at `path` (links followed), or `None` when it
    /// cannot be read.
    pub fn at(path: &Path) -> Option<Stamp> {
        fs::metadata(path).ok().map(|m| Stamp::of(&m))
    }
}

/// A cache entry: the file it is about, as it was, and what it gave.
#[derive(Serialize, Deserialize)]
struct Entry {
    /// The file's absolute path (the entry's name is only its hash).
    path: String,
    /// The name shown to users, which the outcome's messages carry.
    shown: String,
    stamp: Stamp,
    /// The source alignment read, and its stamp then (`None`: missing).
    source: Option<(String, Option<Stamp>)>,
    outcome: Outcome,
}

/// How the cache did, for the debug log and tests.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Files taken from the cache.
    pub hits: usize,
    /// Files read (no entry, or a stale or unusable one).
    pub misses: usize,
    /// Entries that were there but could not be used (damaged, another
    /// build, a changed file).
    pub rejected: usize,
    /// Entries written.
    pub written: usize,
}

/// The load cache in one folder.
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    build: u64,
    cwd: Option<PathBuf>,
    hits: AtomicUsize,
    misses: AtomicUsize,
    rejected: AtomicUsize,
    written: AtomicUsize,
    /// Set once a write failed: the folder is not writable, and trying
    /// again for every file would only cost time.
    unwritable: OnceLock<()>,
}

/// The cache folder: `load/` in the platform cache directory (honours
/// `XDG_CACHE_HOME` on Linux).
pub fn default_dir() -> Option<PathBuf> {
    crate::storage::project_dirs().map(|d| d.cache_dir().join("load"))
}

/// A hash of what every entry depends on besides its files: this binary
/// (version, and its size and time, so that a rebuilt binary starts afresh)
/// and the taxonomy compiled into it.
fn build_hash() -> u64 {
    let mut h = Hash::new();
    h.write(env!("CARGO_PKG_VERSION").as_bytes());
    h.write(&FORMAT.to_le_bytes());
    h.write(crate::compare::topics::BUILTIN.as_bytes());
    let exe = std::env::current_exe().ok().and_then(|p| Stamp::at(&p));
    if let Some(s) = exe {
        h.write(&s.size.to_le_bytes());
        if let Some((secs, nanos)) = s.modified {
            h.write(&secs.to_le_bytes());
            h.write(&nanos.to_le_bytes());
        }
    }
    h.finish()
}

impl Cache {
    /// The cache in the default folder, if the platform has one.
    pub fn open_default() -> Option<Cache> {
        default_dir().map(Cache::at)
    }

    /// The cache in `dir` (created when the first entry is written).
    pub fn at(dir: PathBuf) -> Cache {
        Cache::with_build(dir, build_hash())
    }

    /// The cache in `dir`, for entries of the build `build` (tests make
    /// a cache of another version with it).
    pub fn with_build(dir: PathBuf, build: u64) -> Cache {
        Cache {
            dir,
            build,
            cwd: std::env::current_dir().ok(),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
            rejected: AtomicUsize::new(0),
            written: AtomicUsize::new(0),
            unwritable: OnceLock::new(),
        }
    }

    /// Where the entries live.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// How it did so far.
    pub fn stats(&self) -> Stats {
        Stats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            rejected: self.rejected.load(Ordering::Relaxed),
            written: self.written.load(Ordering::Relaxed),
        }
    }

    fn absolute(&self, path: &Path) -> PathBuf {
        match &self.cwd {
            Some(cwd) if path.is_relative() => cwd.join(path),
            _ => path.to_path_buf(),
        }
    }

    fn entry_path(&self, absolute: &str) -> PathBuf {
        let mut h = Hash::new();
        h.write(absolute.as_bytes());
        self.dir.join(format!("{:016x}.bin", h.finish()))
    }

    /// The statement file at `path` (shown as `shown`), from the cache when
    /// its entry is current, else read with `read` (which also returns the
    /// source it looked up) and stored.
    pub fn get_or_read(
        &self,
        path: &Path,
        shown: &str,
        read: impl FnOnce() -> (Outcome, Option<PathBuf>),
    ) -> Outcome {
        // Only regular files: a FIFO or a device has no stable stamp.
        let stamp = match fs::metadata(path) {
            Ok(meta) if meta.is_file() => Stamp::of(&meta),
            _ => return self.miss(shown, read).0,
        };
        let absolute = self.absolute(path).to_string_lossy().into_owned();
        let file = self.entry_path(&absolute);
        if let Some(outcome) = self.lookup(&file, &absolute, shown, stamp) {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return outcome;
        }
        let (outcome, source) = self.miss(shown, read);
        let source = source.map(|s| {
            let stamp = Stamp::at(&s);
            (self.absolute(&s).to_string_lossy().into_owned(), stamp)
        });
        // The file may have changed while it was read: store it only if not.
        if Stamp::at(path) == Some(stamp) {
            let entry = Entry {
                path: absolute,
                shown: shown.to_string(),
                stamp,
                source,
                outcome,
            };
            self.store(&file, &entry);
            return entry.outcome;
        }
        outcome
    }

    /// A statement compiled into the binary (`name`, `text`), from the
    /// cache when there, else built with `build` and stored: the build
    /// hash covers the text, which the key repeats by its length.
    pub fn get_or_build(&self, name: &str, text: &str, build: impl FnOnce() -> Outcome) -> Outcome {
        let stamp = Stamp {
            size: text.len() as u64,
            modified: None,
            changed: 0,
            inode: 0,
            device: 0,
        };
        let key = format!("embedded:{name}");
        let file = self.entry_path(&key);
        if let Some(outcome) = self.lookup(&file, &key, name, stamp) {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return outcome;
        }
        let (outcome, _) = self.miss(name, || (build(), None));
        let entry = Entry {
            path: key,
            shown: name.to_string(),
            stamp,
            source: None,
            outcome,
        };
        self.store(&file, &entry);
        entry.outcome
    }

    fn miss(
        &self,
        shown: &str,
        read: impl FnOnce() -> (Outcome, Option<PathBuf>),
    ) -> (Outcome, Option<PathBuf>) {
        self.misses.fetch_add(1, Ordering::Relaxed);
        log::debug!("load cache: reading {shown}");
        read()
    }

    /// The outcome in entry `file`, if it is whole, of this build, and
    /// about the file as it is now.
    fn lookup(&self, file: &Path, absolute: &str, shown: &str, stamp: Stamp) -> Option<Outcome> {
        let bytes = match fs::read(file) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(e) => return self.reject(file, &format!("cannot read it: {e}")),
        };
        let entry = match self.decode(&bytes) {
            Ok(e) => e,
            Err(why) => return self.reject(file, why),
        };
        if entry.path != absolute || entry.shown != shown || entry.stamp != stamp {
            return self.reject(file, "the statement file changed");
        }
        if let Some((source, then)) = &entry.source
            && Stamp::at(Path::new(source)) != *then
        {
            return self.reject(file, "its source changed");
        }
        Some(entry.outcome)
    }

    fn decode(&self, bytes: &[u8]) -> Result<Entry, &'static str> {
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err("not a cache entry");
        }
        let word = |at: usize| -> u64 {
            let mut b = [0; 8];
            b.copy_from_slice(&bytes[at..at + 8]);
            u64::from_le_bytes(b)
        };
        let mut format = [0; 4];
        format.copy_from_slice(&bytes[8..12]);
        if u32::from_le_bytes(format) != FORMAT || word(12) != self.build {
            return Err("written by another version");
        }
        let payload = &bytes[HEADER..];
        let mut h = Hash::new();
        h.write(payload);
        if h.finish() != word(20) {
            return Err("damaged (checksum)");
        }
        postcard::from_bytes(payload).map_err(|_| "damaged (does not decode)")
    }

    fn reject(&self, file: &Path, why: &str) -> Option<Outcome> {
        self.rejected.fetch_add(1, Ordering::Relaxed);
        log::debug!("load cache: entry {} not used: {why}", file.display());
        None
    }

    /// Writes `entry` to `file` through a temporary file and a rename.
    /// Failing is never fatal: the file is read again next time.
    fn store(&self, file: &Path, entry: &Entry) {
        if self.unwritable.get().is_some() {
            return;
        }
        let payload = match postcard::to_allocvec(entry) {
            Ok(p) => p,
            Err(e) => return log::debug!("load cache: cannot encode {}: {e}", entry.shown),
        };
        let mut h = Hash::new();
        h.write(&payload);
        let mut bytes = Vec::with_capacity(HEADER + payload.len());
        bytes.extend_from_slice(MAGIC);
        bytes.extend_from_slice(&FORMAT.to_le_bytes());
        bytes.extend_from_slice(&self.build.to_le_bytes());
        bytes.extend_from_slice(&h.finish().to_le_bytes());
        bytes.extend_from_slice(&payload);
        match self.write_atomically(file, &bytes) {
            Ok(()) => {
                self.written.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) => {
                if self.unwritable.set(()).is_ok() {
                    log::info!(
                        "load cache: cannot write in {}: {e}; loading goes on without it",
                        self.dir.display()
                    );
                }
            }
        }
    }

    fn write_atomically(&self, file: &Path, bytes: &[u8]) -> std::io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = self.dir.join(format!(
            ".{name}.{}.{nanos}.{:?}.tmp",
            std::process::id(),
            std::thread::current().id()
        ));
        let result = (|| {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(bytes)?;
            fs::rename(&tmp, file)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result
    }

    /// Says in the debug log how the cache did.
    pub fn log_stats(&self) {
        let s = self.stats();
        log::info!(
            "load cache {}: {} files from the cache, {} read ({} entries not used), {} written",
            self.dir.display(),
            s.hits,
            s.misses,
            s.rejected,
            s.written
        );
    }
}

/// A hasher for entry names, the build and checksums. Entries are only
/// ever read by the binary that wrote them (the build hash holds its size
/// and time), so a fixed seed is stable enough; foldhash is fast enough
/// that checking every byte of a warm cache costs little.
struct Hash(foldhash::quality::FoldHasher<'static>);

impl Hash {
    fn new() -> Hash {
        use std::hash::BuildHasher;
        Hash(foldhash::quality::FixedState::with_seed(0x6a6f_696e_746c_7921).build_hasher())
    }

    fn write(&mut self, bytes: &[u8]) {
        std::hash::Hasher::write(&mut self.0, bytes);
    }

    fn finish(&self) -> u64 {
        std::hash::Hasher::finish(&self.0)
    }
}
