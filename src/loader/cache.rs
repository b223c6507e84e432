//! The load cache: what reading, aligning and annotating each statement
//! file gave, kept in the platform cache folder (`$XDG_CACHE_HOME/jointly/load`
//! on Linux), so that a library of a thousand files opens without parsing
//! them again.
//!
//! One pack per folder of statement files (and one for the seeds compiled
//! into the binary, one for each file named alone), in one file: a
//! thousand entries in a thousand files cost more in system calls than
//! decoding them. A pack is an index (each file's absolute path, its name
//! as shown, its stamp: size, modification and change times, inode; its
//! source's stamp, which alignment read; where its entry and its listing
//! lie, and their checksums) followed by the listings and the entries. The
//! whole pack is of one build: a hash of the binary (its version, size and
//! modification time) and of the taxonomy. A load reads the header and the
//! index, then each entry it uses on the thread that decodes it.
//!
//! An entry whose stamps differ from the files' is read again; so a
//! changed, added or removed file is read alone. When anything was read
//! again, or an entry was not used (its file is gone), the pack is written
//! again with exactly the files loaded: stale entries are pruned. Header,
//! index and each entry are checked (magic, format, build, checksums)
//! before they are trusted, and anything wrong only means files are read
//! again: deleting the folder is always safe. A pack is written to a
//! temporary file and renamed into place, so two copies starting at once
//! each see a whole pack or none.
//!
//! A load only gathers what is to be written ([`Pack::finish`]); the
//! caller writes it with [`Cache::write_pending`], after the first frame or
//! beside a command's output, so that a cold start does not wait for it.
//!
//! Each index entry also names its statement's partnership, so that the
//! browser can draw its first frame from the few partnerships on screen
//! before the rest is decoded ([`Pack::peek`]). And each file has a
//! listing beside its entry, its outline without text
//! ([`StatementListing`]): the listings lie together, between the index
//! and the entries, so that a warm `list` reads them in one go and decodes
//! no entry ([`Peeked::listing`]).
//!
//! postcard: compact, a serde format (the model already derives serde),
//! no schema to keep beside the types, and a well-kept crate.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock, PoisonError};

use serde::{Deserialize, Serialize};

use super::Problem;
use crate::listing::MeetingListing;
use crate::model::{Meeting, Partnership};

/// The first bytes of every pack.
const MAGIC: &[u8; 8] = b"jlypack\n";
/// The layout of a pack; raised when [`Meta`], [`Statement`] or
/// [`StatementListing`] changes shape.
const FORMAT: u32 = 6;
/// Magic, format, build, index length, index checksum, listings length.
const HEADER: usize = 8 + 4 + 8 + 8 + 8 + 8;
/// The extension of a pack's file.
const EXTENSION: &str = "pack";
/// The largest pack read: far above a library of ten thousand statements
/// (a thousand take about 6 MB), and a stray huge file is not read whole.
const MAX_PACK_BYTES: u64 = 1 << 30;

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

/// What `list` needs of a statement file ([`crate::listing`]): its
/// partnership, its meeting's outline and its problems, and no text. Kept
/// in a pack beside each entry, so that a warm `list` decodes no entry.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StatementListing {
    /// The partnership as this file names it (no meetings).
    pub partnership: Partnership,
    /// The outline of the meeting, annotated as the entry is.
    pub meeting: MeetingListing,
    /// As [`Statement::warnings`].
    pub warnings: Vec<Problem>,
    /// As [`Statement::notes`].
    pub notes: Vec<Problem>,
}

/// A statement file's outline, or the error that kept it out.
pub type ListingOutcome = Result<StatementListing, Problem>;

impl StatementListing {
    /// The listing of what a file gave.
    pub fn of(outcome: &Outcome) -> ListingOutcome {
        match outcome {
            Ok(s) => Ok(StatementListing {
                partnership: s.partnership.clone(),
                meeting: MeetingListing::of(&s.meeting),
                warnings: s.warnings.clone(),
                notes: s.notes.clone(),
            }),
            Err(p) => Err(p.clone()),
        }
    }
}

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

    /// The stamp of a text compiled into the binary: its length (the build
    /// hash covers the text itself).
    fn embedded(text: &str) -> Stamp {
        Stamp {
            size: text.len() as u64,
            modified: None,
            changed: 0,
            inode: 0,
            device: 0,
        }
    }
}

/// A pack's index entry: the file an entry is about, as it was, and where
/// what it gave lies in the pack.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Meta {
    /// The file's absolute path (`embedded:NAME` for a seed).
    path: String,
    /// The name shown to users, which the outcome's messages carry.
    shown: String,
    stamp: Stamp,
    /// The source alignment read, and its stamp then (`None`: missing).
    source: Option<(String, Option<Stamp>)>,
    /// The id of the statement's partnership (`None`: the file gave an
    /// error).
    partnership: Option<String>,
    /// The entry (a postcard [`Outcome`]), in the entries.
    entry: Span,
    /// Its listing (a postcard [`ListingOutcome`]), in the listings.
    listing: Span,
}

/// Where bytes lie in a region of a pack, and their checksum.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
struct Span {
    /// Offset from the start of the region.
    at: u64,
    len: u64,
    sum: u64,
}

impl Span {
    /// The span of `bytes` (its offset is set when the pack is laid out).
    fn of(bytes: &[u8]) -> Span {
        Span {
            at: 0,
            len: bytes.len() as u64,
            sum: Span::sum(bytes),
        }
    }

    /// Whether `bytes` are what the span was made of.
    fn checks(&self, bytes: &[u8]) -> bool {
        bytes.len() as u64 == self.len && Span::sum(bytes) == self.sum
    }

    fn sum(bytes: &[u8]) -> u64 {
        let mut h = Hash::new();
        h.write(bytes);
        h.finish()
    }
}

/// What a pack holds for one file besides its index entry: the postcard
/// bytes of its [`Outcome`] and of its [`ListingOutcome`].
#[derive(Debug)]
struct Bytes {
    entry: Vec<u8>,
    listing: Vec<u8>,
}

/// How the cache did, for the debug log and tests.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Files taken from the cache.
    pub hits: usize,
    /// Files read (no entry, or a stale or unusable one).
    pub misses: usize,
    /// Entries (or whole packs) that were there but could not be used
    /// (damaged, another build, a changed file).
    pub rejected: usize,
    /// Entries written (read afresh and stored).
    pub written: usize,
    /// Packs written.
    pub packs: usize,
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
    packs: AtomicUsize,
    /// Set once a write failed: the folder is not writable, and trying
    /// again for every pack would only cost time.
    unwritable: OnceLock<()>,
    /// Packs to write, gathered by [`Pack::finish`].
    pending: Mutex<Vec<PackWrite>>,
}

/// The cache folder: `load/` in the platform cache directory (honours
/// `XDG_CACHE_HOME` on Linux).
pub fn default_dir() -> Option<PathBuf> {
    crate::storage::project_dirs().map(|d| d.cache_dir().join("load"))
}

/// A hash of what every pack depends on besides its files: this binary
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

    /// The cache in `dir` (created when the first pack is written).
    pub fn at(dir: PathBuf) -> Cache {
        Cache::with_build(dir, build_hash())
    }

    /// The cache in `dir`, for packs of the build `build` (tests make a
    /// cache of another version with it).
    pub fn with_build(dir: PathBuf, build: u64) -> Cache {
        Cache {
            dir,
            build,
            cwd: std::env::current_dir().ok(),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
            rejected: AtomicUsize::new(0),
            written: AtomicUsize::new(0),
            packs: AtomicUsize::new(0),
            unwritable: OnceLock::new(),
            pending: Mutex::new(Vec::new()),
        }
    }

    /// Where the packs live.
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
            packs: self.packs.load(Ordering::Relaxed),
        }
    }

    fn absolute(&self, path: &Path) -> String {
        match &self.cwd {
            Some(cwd) if path.is_relative() => cwd.join(path),
            _ => path.to_path_buf(),
        }
        .to_string_lossy()
        .into_owned()
    }

    /// The pack of the statement files in folder `dir`.
    pub fn folder(&self, dir: &Path) -> Pack<'_> {
        self.pack(&format!("folder:{}", self.absolute(dir)))
    }

    /// The pack of the statement file `file`, named alone.
    pub fn file(&self, file: &Path) -> Pack<'_> {
        self.pack(&format!("file:{}", self.absolute(file)))
    }

    /// The pack of the statements compiled into the binary.
    pub fn embedded(&self) -> Pack<'_> {
        self.pack("embedded")
    }

    /// The pack for `key`, read from its file if there is a usable one.
    fn pack(&self, key: &str) -> Pack<'_> {
        let mut h = Hash::new();
        h.write(key.as_bytes());
        let file = self.dir.join(format!("{:016x}.{EXTENSION}", h.finish()));
        let mut pack = Pack {
            cache: self,
            file,
            entries: None,
            index: Vec::new(),
            used: Vec::new(),
            fresh: Mutex::new(Vec::new()),
            listings: OnceLock::new(),
            unusable: false,
            sources: Mutex::new(HashMap::new()),
        };
        match self.open_pack(&pack.file) {
            Ok(Some((entries, index))) => {
                pack.used = index.iter().map(|_| AtomicBool::new(false)).collect();
                pack.index = index;
                pack.entries = Some(entries);
            }
            Ok(None) => {}
            Err(why) => {
                pack.unusable = true;
                self.reject::<()>(&pack.file, &why);
            }
        }
        pack
    }

    /// The pack at `path` opened, and its index, if the header is whole,
    /// of this build, and the index checks; `None` when there is no pack.
    /// Only the header and the index are read here: each entry is read
    /// when it is looked up ([`Entries::read`]), on the thread that
    /// decodes it.
    fn open_pack(&self, path: &Path) -> Result<Option<(Entries, Vec<Meta>)>, String> {
        // Opened without waiting: a pipe in its place is not waited on.
        let file = match super::open_nonblocking(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("cannot read it: {e}")),
        };
        let size = match file.metadata() {
            Ok(m) if m.is_file() && m.len() <= MAX_PACK_BYTES => m.len(),
            Ok(_) => return Err("not a regular file of a pack's size".into()),
            Err(e) => return Err(format!("cannot read it: {e}")),
        };
        let mut entries = Entries::new(file, size);
        let mut header = [0; HEADER];
        if size < HEADER as u64 || entries.read_at(&mut header, 0).is_err() || &header[..8] != MAGIC {
            return Err("not a pack".into());
        }
        let word = |at: usize| -> u64 {
            let mut b = [0; 8];
            b.copy_from_slice(&header[at..at + 8]);
            u64::from_le_bytes(b)
        };
        let mut format = [0; 4];
        format.copy_from_slice(&header[8..12]);
        if u32::from_le_bytes(format) != FORMAT || word(12) != self.build {
            return Err("written by another version".into());
        }
        let len = word(20);
        let end = (HEADER as u64)
            .checked_add(len)
            .filter(|&end| end <= size)
            .ok_or("damaged (truncated index)")?;
        let start = end
            .checked_add(word(36))
            .filter(|&start| start <= size)
            .ok_or("damaged (truncated listings)")?;
        let mut index = vec![0; usize::try_from(len).map_err(|_| "damaged (index length)")?];
        entries
            .read_at(&mut index, HEADER as u64)
            .map_err(|e| format!("cannot read its index: {e}"))?;
        let mut h = Hash::new();
        h.write(&index);
        if h.finish() != word(28) {
            return Err("damaged (index checksum)".into());
        }
        let index = postcard::from_bytes(&index).map_err(|_| "damaged (index does not decode)")?;
        entries.listings = end;
        entries.start = start;
        Ok(Some((entries, index)))
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

    fn reject<T>(&self, what: &Path, why: &str) -> Option<T> {
        self.rejected.fetch_add(1, Ordering::Relaxed);
        log::debug!("load cache: {} not used: {why}", what.display());
        None
    }

    fn write_atomically<'b>(
        &self,
        file: &Path,
        parts: impl Iterator<Item = &'b [u8]>,
    ) -> std::io::Result<()> {
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
            let mut f = std::io::BufWriter::with_capacity(1 << 16, fs::File::create(&tmp)?);
            for part in parts {
                f.write_all(part)?;
            }
            f.into_inner().map_err(std::io::IntoInnerError::into_error)?;
            fs::rename(&tmp, file)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result
    }

    /// Removes the entries of the layout before packs (one `.bin` file per
    /// statement file), which no build reads any more, and temporary files
    /// of writes that never ended (a process killed while writing) once
    /// they are an hour old: a write in progress is younger.
    fn remove_old_layout(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        let hour = std::time::Duration::from_secs(3600);
        for e in entries.filter_map(Result::ok) {
            let path = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            let abandoned = name.starts_with('.')
                && name.ends_with(".tmp")
                && e.metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > hour);
            if path.extension().is_some_and(|x| x == "bin") || abandoned {
                let _ = fs::remove_file(path);
            }
        }
    }

    /// Says in the debug log how the cache did.
    pub fn log_stats(&self) {
        let s = self.stats();
        log::info!(
            "load cache {}: {} files from the cache, {} read ({} entries not used), {} written in {} packs",
            self.dir.display(),
            s.hits,
            s.misses,
            s.rejected,
            s.written,
            s.packs
        );
    }
}

/// The entries of an open pack, read one at a time: a warm start reads
/// each once, on the thread that decodes it, into a buffer of its size,
/// rather than the whole pack into one buffer first (whose page faults
/// and copy cost a tenth of a warm load of 1,000 files).
#[derive(Debug)]
struct Entries {
    #[cfg(unix)]
    file: fs::File,
    /// Elsewhere reading at an offset moves the file's position.
    #[cfg(not(unix))]
    file: Mutex<fs::File>,
    /// The pack's size when opened.
    size: u64,
    /// Where the listings start (after the index).
    listings: u64,
    /// Where the entries start (after the listings).
    start: u64,
}

impl Entries {
    fn new(file: fs::File, size: u64) -> Entries {
        Entries {
            #[cfg(unix)]
            file,
            #[cfg(not(unix))]
            file: Mutex::new(file),
            size,
            listings: 0,
            start: 0,
        }
    }

    /// Fills `buf` from offset `at` of the pack.
    #[cfg(unix)]
    fn read_at(&self, buf: &mut [u8], at: u64) -> std::io::Result<()> {
        std::os::unix::fs::FileExt::read_exact_at(&self.file, buf, at)
    }

    /// Fills `buf` from offset `at` of the pack.
    #[cfg(not(unix))]
    fn read_at(&self, buf: &mut [u8], at: u64) -> std::io::Result<()> {
        use std::io::{Read, Seek, SeekFrom};
        let mut file = self.file.lock().unwrap_or_else(PoisonError::into_inner);
        file.seek(SeekFrom::Start(at))?;
        file.read_exact(buf)
    }

    /// The bytes of `meta`'s entry and listing, if they are in the pack
    /// and check.
    fn read(&self, meta: &Meta) -> Option<Bytes> {
        let (mut entry, mut listing) = (Vec::new(), Vec::new());
        let whole = self.read_into(self.start, &meta.entry, &mut entry)
            && self.read_into(self.listings, &meta.listing, &mut listing);
        whole.then_some(Bytes { entry, listing })
    }

    /// The listings of every entry, in one read: a warm `list` reads
    /// nothing else of the pack. Each is checked when it is taken.
    fn read_listings(&self) -> Option<Vec<u8>> {
        let mut bytes = Vec::new();
        let len = self.start.checked_sub(self.listings)?;
        self.read_raw(self.listings, len, &mut bytes).then_some(bytes)
    }

    /// Fills `bytes` with what `span` of the region at `region` holds;
    /// false if it is not in the pack or does not check.
    fn read_into(&self, region: u64, span: &Span, bytes: &mut Vec<u8>) -> bool {
        let Some(at) = region.checked_add(span.at) else {
            return false;
        };
        self.read_raw(at, span.len, bytes) && span.checks(bytes)
    }

    /// Fills `bytes` with the `len` bytes at `at`; false if they are not
    /// all in the pack.
    fn read_raw(&self, at: u64, len: u64, bytes: &mut Vec<u8>) -> bool {
        let (Some(end), Ok(len)) = (at.checked_add(len), usize::try_from(len)) else {
            return false;
        };
        if end > self.size {
            return false;
        }
        bytes.clear();
        bytes.resize(len, 0);
        self.read_at(bytes, at).is_ok()
    }
}

/// The entries of one folder (or of the seeds, or of one file named alone)
/// during one load: looked up by path from any thread, and written back,
/// with what was read afresh and without what was not used, by
/// [`Pack::finish`].
#[derive(Debug)]
pub struct Pack<'c> {
    cache: &'c Cache,
    /// Where the pack lives.
    file: PathBuf,
    /// The pack's entries, when there was a usable pack.
    entries: Option<Entries>,
    /// Sorted by path, as every pack is written: looked up by halving.
    index: Vec<Meta>,
    /// Which entries of `index` this load took.
    used: Vec<AtomicBool>,
    /// Entries read afresh in this load: their index entry (offsets not
    /// yet set) and bytes.
    fresh: Mutex<Vec<(Meta, Bytes)>>,
    /// The listings of the pack, read once, when the first is taken.
    listings: OnceLock<Option<Vec<u8>>>,
    /// A pack was there but could not be used at all.
    unusable: bool,
    /// The stamps of the sources looked at in this load: a thousand
    /// statements share a few sources.
    sources: Mutex<HashMap<String, Option<Stamp>>>,
}

impl Pack<'_> {
    /// The statement file at `path` (shown as `shown`), from the pack when
    /// its entry is current, else read with `read` (which also returns the
    /// source it looked up) and kept for the pack.
    pub fn get_or_read(
        &self,
        path: &Path,
        shown: &str,
        read: impl FnOnce() -> (Outcome, Option<PathBuf>),
    ) -> Outcome {
        // Only regular files: a FIFO or a device has no stable stamp.
        let stamp = match fs::metadata(path) {
            Ok(meta) if meta.is_file() => Stamp::of(&meta),
            _ => return self.cache.miss(shown, read).0,
        };
        let absolute = self.cache.absolute(path);
        if let Some(outcome) = self.lookup(&absolute, shown, stamp) {
            return outcome;
        }
        let (outcome, source) = self.cache.miss(shown, read);
        // A thousand statements share a few sources: each is looked at once.
        let source = source.map(|s| {
            let at = self.cache.absolute(&s);
            let stamp = self.source_stamp(&at);
            (at, stamp)
        });
        // The file may have changed while it was read: keep it only if not.
        if Stamp::at(path) == Some(stamp) {
            self.keep(absolute, shown, stamp, source, &outcome);
        }
        outcome
    }

    /// A statement compiled into the binary (`name`, `text`), from the pack
    /// when there, else built with `build` and kept.
    pub fn get_or_build(&self, name: &str, text: &str, build: impl FnOnce() -> Outcome) -> Outcome {
        let stamp = Stamp::embedded(text);
        let key = format!("embedded:{name}");
        if let Some(outcome) = self.lookup(&key, name, stamp) {
            return outcome;
        }
        let (outcome, _) = self.cache.miss(name, || (build(), None));
        self.keep(key, name, stamp, None, &outcome);
        outcome
    }

    /// The outcome of the entry for `absolute`, if there is one, about the
    /// file as it is now, and whole.
    fn lookup(&self, absolute: &str, shown: &str, stamp: Stamp) -> Option<Outcome> {
        let i = match self.current(absolute, shown, stamp) {
            Ok(i) => i?,
            Err(why) => return self.cache.reject(&self.file, &why),
        };
        let outcome = match self.decode(i) {
            Ok(outcome) => outcome,
            Err(why) => {
                return self
                    .cache
                    .reject(&self.file, &format!("the entry of {shown} ({why})"));
            }
        };
        self.used[i].store(true, Ordering::Relaxed);
        self.cache.hits.fetch_add(1, Ordering::Relaxed);
        Some(outcome)
    }

    /// Where the entry for `absolute` is in the index, if there is one
    /// (`Ok(None)`: none), or why it is not about the file as it is now.
    fn current(&self, absolute: &str, shown: &str, stamp: Stamp) -> Result<Option<usize>, String> {
        // An index out of order (damaged) only finds less: those files are
        // read again.
        let Ok(i) = self.index.binary_search_by(|m| m.path.as_str().cmp(absolute)) else {
            return Ok(None);
        };
        let meta = &self.index[i];
        let why = |why: &str| format!("the entry of {shown} ({why})");
        if meta.shown != shown || meta.stamp != stamp {
            return Err(why("the statement file changed"));
        }
        if let Some((source, then)) = &meta.source
            && self.source_stamp(source) != *then
        {
            return Err(why("its source changed"));
        }
        Ok(Some(i))
    }

    /// The outcome in entry `i`, if it is whole.
    fn decode(&self, i: usize) -> Result<Outcome, &'static str> {
        thread_local! {
            /// One buffer per thread for the entries it decodes: a fresh
            /// one each time was a fifth of a warm load's page faults.
            static BYTES: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        let entries = self.entries.as_ref().ok_or("damaged: cut short or checksum")?;
        BYTES.with_borrow_mut(|bytes| {
            let decoded = if entries.read_into(entries.start, &self.index[i].entry, bytes) {
                postcard::from_bytes(bytes).map_err(|_| "damaged: does not decode")
            } else {
                Err("damaged: cut short or checksum")
            };
            // A huge entry's buffer is not kept for the thread's lifetime.
            if bytes.capacity() > 1 << 20 {
                *bytes = Vec::new();
            }
            decoded
        })
    }

    /// The entry of the statement file at `path` (shown as `shown`), when
    /// it is about the file as it is now, without decoding it: the
    /// browser's first frame decodes only the partnerships it shows.
    /// Counts nothing, and marks nothing as used.
    pub fn peek(&self, path: &Path, shown: &str) -> Option<Peeked<'_>> {
        let stamp = match fs::metadata(path) {
            Ok(meta) if meta.is_file() => Stamp::of(&meta),
            _ => return None,
        };
        let i = self.current(&self.cache.absolute(path), shown, stamp).ok()??;
        Some(Peeked { pack: self, i })
    }

    /// As [`Pack::peek`], for a statement compiled into the binary.
    pub fn peek_embedded(&self, name: &str, text: &str) -> Option<Peeked<'_>> {
        let key = format!("embedded:{name}");
        let i = self.current(&key, name, Stamp::embedded(text)).ok()??;
        Some(Peeked { pack: self, i })
    }

    /// The stamp of `source` now, looked at once per load.
    fn source_stamp(&self, source: &str) -> Option<Stamp> {
        let mut seen = self.sources.lock().unwrap_or_else(PoisonError::into_inner);
        *seen
            .entry(source.to_string())
            .or_insert_with(|| Stamp::at(Path::new(source)))
    }

    /// Keeps what the file at `path` gave, for [`Pack::finish`] to write.
    fn keep(
        &self,
        path: String,
        shown: &str,
        stamp: Stamp,
        source: Option<(String, Option<Stamp>)>,
        outcome: &Outcome,
    ) {
        if self.cache.unwritable.get().is_some() {
            return;
        }
        let encoded = postcard::to_allocvec(outcome)
            .and_then(|entry| Ok((entry, postcard::to_allocvec(&StatementListing::of(outcome))?)));
        let bytes = match encoded {
            Ok((entry, listing)) => Bytes { entry, listing },
            Err(e) => return log::debug!("load cache: cannot encode {shown}: {e}"),
        };
        let meta = Meta {
            path,
            shown: shown.to_string(),
            stamp,
            source,
            partnership: outcome.as_ref().ok().map(|s| s.partnership.id.clone()),
            entry: Span::of(&bytes.entry),
            listing: Span::of(&bytes.listing),
        };
        self.fresh
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((meta, bytes));
    }

    /// Gathers the pack for [`Cache::write_pending`] if this load changed
    /// it: an entry read afresh, or one not used (its file gone or
    /// changed), or a pack that could not be used.
    pub fn finish(self) {
        let fresh = self.fresh.into_inner().unwrap_or_else(PoisonError::into_inner);
        let unused = self.used.iter().any(|u| !u.load(Ordering::Relaxed));
        if fresh.is_empty() && !unused && !self.unusable {
            return;
        }
        if self.cache.unwritable.get().is_some() {
            return;
        }
        let kept = self
            .index
            .into_iter()
            .zip(&self.used)
            .filter(|(_, used)| used.load(Ordering::Relaxed))
            .map(|(meta, _)| meta)
            .collect();
        let write = PackWrite {
            file: self.file,
            fresh,
            kept,
            from: self.entries,
        };
        self.cache
            .pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(write);
    }
}

impl Cache {
    /// Whether a load left packs to write.
    pub fn has_pending(&self) -> bool {
        !self
            .pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_empty()
    }

    /// Writes the packs the loads so far gathered. Failing is never fatal:
    /// the files are read again next time.
    pub fn write_pending(&self) {
        let pending = std::mem::take(&mut *self.pending.lock().unwrap_or_else(PoisonError::into_inner));
        for write in pending {
            self.write_pack(write);
        }
    }

    /// Writes the gathered packs on a thread of their own once
    /// [`Writing::start`] is called (or the [`Writing`] dropped), so that
    /// what the load was for (a frame, a command's output) need not wait
    /// nor share the cores with it.
    pub fn write_in_background(self) -> Writing {
        if !self.has_pending() {
            return Writing::none();
        }
        let (go, wait) = std::sync::mpsc::channel::<()>();
        let cache = std::sync::Arc::new(self);
        let on_thread = std::sync::Arc::clone(&cache);
        let spawned = std::thread::Builder::new()
            .name("load cache".into())
            .spawn(move || {
                // Released by a message, or by the sender dropped.
                let _ = wait.recv();
                on_thread.write_pending();
                on_thread.log_stats();
            });
        match spawned {
            Ok(handle) => Writing {
                handle: Some(handle),
                go: Some(go),
            },
            Err(e) => {
                // No thread to spare: written now, rather than not at all.
                log::info!("load cache: written before going on (no thread: {e})");
                cache.write_pending();
                cache.log_stats();
                Writing::none()
            }
        }
    }

    fn write_pack(&self, pack: PackWrite) {
        if self.unwritable.get().is_some() {
            return;
        }
        // What this load read, then what it used; one entry per path, the
        // newest (the sort is stable, and dedup keeps the first).
        let written = pack.fresh.len();
        let mut entries: Vec<(Meta, Bytes)> = pack.fresh;
        for meta in pack.kept {
            // Read again (the pack stays open, whatever was renamed over
            // it since) and checked again.
            if let Some(bytes) = pack.from.as_ref().and_then(|e| e.read(&meta)) {
                entries.push((meta, bytes));
            }
        }
        entries.sort_by(|a, b| a.0.path.cmp(&b.0.path));
        entries.dedup_by(|later, earlier| later.0.path == earlier.0.path);
        let (mut at, mut listings) = (0u64, 0u64);
        for (meta, bytes) in &mut entries {
            meta.entry.at = at;
            meta.listing.at = listings;
            at += bytes.entry.len() as u64;
            listings += bytes.listing.len() as u64;
        }
        let metas: Vec<&Meta> = entries.iter().map(|(m, _)| m).collect();
        let index = match postcard::to_allocvec(&metas) {
            Ok(i) => i,
            Err(e) => return log::debug!("load cache: cannot encode the index: {e}"),
        };
        let mut h = Hash::new();
        h.write(&index);
        let mut header = Vec::with_capacity(HEADER);
        header.extend_from_slice(MAGIC);
        header.extend_from_slice(&FORMAT.to_le_bytes());
        header.extend_from_slice(&self.build.to_le_bytes());
        header.extend_from_slice(&(index.len() as u64).to_le_bytes());
        header.extend_from_slice(&h.finish().to_le_bytes());
        header.extend_from_slice(&listings.to_le_bytes());
        // A pack too large to be read back would be written at every start.
        if (HEADER + index.len()) as u64 + listings + at > MAX_PACK_BYTES {
            return log::info!(
                "load cache: {} would be too large; not written",
                pack.file.display()
            );
        }
        // Written piece by piece: one buffer of the whole pack would be
        // another copy of it, and its page faults.
        let parts = std::iter::once(&header[..])
            .chain(std::iter::once(&index[..]))
            .chain(entries.iter().map(|(_, bytes)| &bytes.listing[..]))
            .chain(entries.iter().map(|(_, bytes)| &bytes.entry[..]));
        match self.write_atomically(&pack.file, parts) {
            Ok(()) => {
                self.written.fetch_add(written, Ordering::Relaxed);
                if self.packs.fetch_add(1, Ordering::Relaxed) == 0 {
                    self.remove_old_layout();
                }
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
}

/// Packs to be written on their own thread ([`Cache::write_in_background`]),
/// once started. Dropping it starts the writing and waits for it to end:
/// the process must not exit with half a pack in a temporary file.
#[derive(Debug)]
#[must_use = "dropping it writes the packs and waits for them"]
pub struct Writing {
    handle: Option<std::thread::JoinHandle<()>>,
    go: Option<std::sync::mpsc::Sender<()>>,
}

impl Writing {
    /// Nothing to write.
    pub fn none() -> Writing {
        Writing {
            handle: None,
            go: None,
        }
    }

    /// Starts the writing now.
    pub fn start(&mut self) {
        self.starter()();
    }

    /// What starts the writing, to be called later (the browser calls it
    /// once its first frame is on screen).
    pub fn starter(&mut self) -> impl FnOnce() + use<> {
        let go = self.go.take();
        move || {
            if let Some(go) = go {
                let _ = go.send(());
            }
        }
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        self.start();
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

/// A current entry of a pack, not decoded yet ([`Pack::peek`]).
#[derive(Debug, Clone, Copy)]
pub struct Peeked<'p> {
    pack: &'p Pack<'p>,
    i: usize,
}

impl Peeked<'_> {
    /// The id of the entry's partnership (`None`: the file gave an error).
    pub fn partnership(&self) -> Option<&str> {
        self.pack.index[self.i].partnership.as_deref()
    }

    /// The entry's outcome, if it is whole.
    pub fn decode(&self) -> Option<Outcome> {
        self.pack.decode(self.i).ok()
    }

    /// The entry's listing, if it is whole: what `list` prints of it,
    /// without decoding the entry.
    pub fn listing(&self) -> Option<ListingOutcome> {
        let all = self
            .pack
            .listings
            .get_or_init(|| self.pack.entries.as_ref().and_then(Entries::read_listings))
            .as_deref()?;
        let span = &self.pack.index[self.i].listing;
        let bytes = usize::try_from(span.at)
            .ok()
            .zip(usize::try_from(span.len).ok())
            .and_then(|(at, len)| all.get(at..at.checked_add(len)?));
        let listing = bytes.filter(|b| span.checks(b));
        match listing.map(postcard::from_bytes) {
            Some(Ok(listing)) => Some(listing),
            _ => {
                // The whole load would find its entries whole and keep the
                // pack as it is, damaged listing and all: it is removed, so
                // that the whole load writes it afresh.
                let _ = fs::remove_file(&self.pack.file);
                self.pack
                    .cache
                    .reject(&self.pack.file, "damaged (a listing does not check); removed")
            }
        }
    }
}

/// A pack a load changed, to be written: the entries read afresh (index
/// entry, offset not yet set, and bytes), and those of the old pack that
/// the load used, read back from it when written.
#[derive(Debug)]
struct PackWrite {
    file: PathBuf,
    fresh: Vec<(Meta, Bytes)>,
    kept: Vec<Meta>,
    from: Option<Entries>,
}

/// A hasher for pack names, the build and checksums. Packs are only ever
/// read by the binary that wrote them (the build hash holds its size and
/// time), so a fixed seed is stable enough; foldhash is fast enough that
/// checking every byte of a warm cache costs little.
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
