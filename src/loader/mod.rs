//! From statement files to one [`Corpus`].
//!
//! Inputs are read in a fixed order: the seeds embedded in the binary, then
//! every statement file in the user's data folder, then each `--data` path.
//! Files naming the same partnership merge into one partnership. A bad file is
//! reported as a [`Problem`] and skipped; it never stops the good ones.

pub mod cache;
pub mod fidelity;
mod listed;
pub mod markdown;
pub mod problem;
pub mod read;
pub mod schema;
pub mod second_reading;
pub mod yaml;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::model::{Area, CoChair, Commitment, Corpus, Meeting, Origin, Partnership, SourceRef, Tag, Text};
pub use problem::{Problem, Severity};
pub use read::{MAX_FILE_BYTES, ReadError, open_nonblocking, read_text, read_text_as};
use schema::StatementFile;

/// A seed statement compiled into the binary.
pub struct Embedded {
    /// Path shown to users, as in the repository.
    pub name: &'static str,
    /// The file's text.
    pub text: &'static str,
}

/// The seed statement files.
pub const SEEDS: &[Embedded] = &[
    Embedded {
        name: "seeds/eu-sg-dp-2025-12-01.yaml",
        text: include_str!("../../seeds/eu-sg-dp-2025-12-01.yaml"),
    },
    Embedded {
        name: "seeds/us-sg-cet-2023-10-12.yaml",
        text: include_str!("../../seeds/us-sg-cet-2023-10-12.yaml"),
    },
];

/// The sources the seeds were transcribed from.
pub const SEED_SOURCES: &[Embedded] = &[
    Embedded {
        name: "seeds/sources/eu-singapore-dpc-2025-12-01.txt",
        text: include_str!("../../seeds/sources/eu-singapore-dpc-2025-12-01.txt"),
    },
    Embedded {
        name: "seeds/sources/us-singapore-cet-2023-10-12.md",
        text: include_str!("../../seeds/sources/us-singapore-cet-2023-10-12.md"),
    },
];

/// What to load.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Include the embedded seeds.
    pub embedded: bool,
    /// The user's statements folder, if there is one.
    pub user_dir: Option<PathBuf>,
    /// Extra files or folders (`--data`).
    pub extra: Vec<PathBuf>,
    /// Use the load cache ([`cache`]) where [`load_annotated`] is given one
    /// (`--no-cache` clears it).
    pub cache: bool,
}

impl LoadOptions {
    /// The two statements embedded in the binary, and nothing else.
    pub fn embedded_only() -> LoadOptions {
        LoadOptions {
            embedded: true,
            ..LoadOptions::default()
        }
    }
}

/// The result of loading: the tree, and everything that went wrong.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The tree of everything that loaded.
    pub corpus: Corpus,
    /// Problems, in the order the inputs were read.
    pub problems: Vec<Problem>,
    /// Statement files read successfully.
    pub files: usize,
}

/// The folder where the user's statements live: `statements/` under the
/// platform data directory (honours `XDG_DATA_HOME` on Linux).
pub fn user_statements_dir() -> Option<PathBuf> {
    crate::storage::project_dirs().map(|d| d.data_dir().join("statements"))
}

/// What a statement embedded in the binary names as its file.
pub const EMBEDDED: &str = "embedded";

/// Reads every statement the options name.
pub fn load(opts: &LoadOptions) -> Loaded {
    load_with(Builder::default(), opts)
}

/// Loads everything `opts` names and annotates it as
/// [`crate::compare::annotate`] does (the same tree and problems, in the
/// same order), one statement file at a time, so that each file's result
/// can come from `cache` while the file is unchanged.
pub fn load_annotated(opts: &LoadOptions, cache: Option<&cache::Cache>) -> Loaded {
    let builder = Builder {
        annotate: true,
        cache,
        ..Builder::default()
    };
    let loaded = load_with(builder, opts);
    if let Some(c) = cache {
        c.log_stats();
    }
    loaded
}

fn load_with(mut builder: Builder, opts: &LoadOptions) -> Loaded {
    builder.add_all(opts);
    builder.finish()
}

/// The partnerships the browser's first frame shows: the first `rows`
/// partnerships in the order of the tree, or, when the remembered place is
/// in partnership `place` (its id), every one up to it and `rows` more.
/// Each is whole (every meeting of it, from any file), exactly as
/// [`load_annotated`] gives it, so the tree and reader drawn from them are
/// those the whole library gives. Files with a current entry in `cache`
/// are decoded from it only when shown; the others have their partnership
/// read alone (the YAML parsed, nothing built) and are read whole only when
/// shown: a first start draws without reading the library. The problems
/// are those of the files read: the whole load has all of them. `None`
/// when a file's partnership cannot be read, or a file shown does not
/// load: then there is no preview.
pub fn preview(opts: &LoadOptions, cache: &cache::Cache, place: Option<&str>, rows: usize) -> Option<Loaded> {
    let mut builder = Builder {
        annotate: true,
        cache: Some(cache),
        preview: Some(Preview {
            order: HashMap::new(),
            place: place.map(str::to_string),
            place_at: None,
            rows: rows.max(1),
            failed: false,
        }),
        ..Builder::default()
    };
    builder.add_all(opts);
    if builder.preview.as_ref().is_none_or(|p| p.failed) {
        return None;
    }
    Some(builder.finish())
}

/// What `jointly list` prints of everything `opts` names, and the problems
/// [`load_annotated`] would give, in the same order, taken from each
/// file's outline in `cache` without decoding a statement. `None` when a
/// file has no current entry in the cache, or its meeting must be judged
/// by the whole load (a duplicate, a partnership named otherwise, other
/// parties): then the library is loaded whole. Writes nothing to the
/// cache, but removes a pack whose listings are damaged, so that the whole
/// load writes it afresh (were another copy to have just written a good
/// one in its place, that one is removed: it costs one cold start).
pub fn listing(opts: &LoadOptions, cache: &cache::Cache) -> Option<(crate::listing::Listing, Vec<Problem>)> {
    let mut builder = Builder {
        annotate: true,
        cache: Some(cache),
        listed: Some(listed::Listed::default()),
        ..Builder::default()
    };
    builder.add_all(opts);
    let listed = builder.listed.take().filter(|l| !l.failed)?;
    let (listing, notes) = listed.finish();
    let mut problems = builder.loaded.problems;
    problems.extend(notes);
    Some((listing, problems))
}

/// Which partnerships a preview decodes ([`preview`]), decided file by
/// file in the order of the load, which is the order of the tree: a
/// partnership comes where its first file comes.
#[derive(Debug)]
struct Preview {
    /// Each partnership met so far, and where it comes.
    order: HashMap<String, usize>,
    /// The remembered place's partnership, and where it came once met.
    place: Option<String>,
    place_at: Option<usize>,
    rows: usize,
    /// A file's partnership could not be read, or a file shown did not
    /// load: the preview cannot be exact.
    failed: bool,
}

impl Preview {
    /// Whether the statement of partnership `id` is decoded.
    fn wants(&mut self, id: &str) -> bool {
        let next = self.order.len();
        let at = *self.order.entry(id.to_string()).or_insert(next);
        if self.place_at.is_none() && self.place.as_deref() == Some(id) {
            self.place_at = Some(at);
        }
        let limit = match (&self.place, self.place_at) {
            // Everything before the place (or all, if it is gone) is above
            // it in the tree.
            (Some(_), None) => usize::MAX,
            (_, Some(place)) => place.saturating_add(self.rows),
            (None, None) => 0,
        };
        at < limit.max(self.rows)
    }
}

/// Loads only the given files or folders (for `jointly check PATH...`).
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    load(&LoadOptions {
        embedded: false,
        user_dir: None,
        extra: paths.to_vec(),
        cache: false,
    })
}

/// Parses one statement file's text into its partnership and meeting,
/// with warnings; or the errors that kept it from loading.
pub fn parse_statement(
    name: &str,
    text: &str,
    sources: &SourceLookup,
) -> Result<(Partnership, Meeting, Vec<Problem>), Problem> {
    parse_statement_at(name, text, sources, &mut None)
}

/// As [`parse_statement`]; sets `source_path` to the file alignment looked
/// up (the load cache stamps it).
fn parse_statement_at(
    name: &str,
    text: &str,
    sources: &SourceLookup,
    source_path: &mut Option<PathBuf>,
) -> Result<(Partnership, Meeting, Vec<Problem>), Problem> {
    // Editors on some systems start UTF-8 files with a byte-order mark; YAML
    // would read it as part of the first key. A conversion run twice leaves
    // two, which is said.
    let marks = text.chars().take_while(|&c| c == '\u{feff}').count();
    let text = text.trim_start_matches('\u{feff}');
    let mut warnings = Vec::new();
    if marks > 1 {
        warnings.push(
            Problem::warning(
                name,
                format!("the file begins with {marks} byte-order marks (U+FEFF) where one at most belongs; they are skipped"),
            )
            .at(Some((1, 1))),
        );
    }
    let only_comments = text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
    });
    if only_comments {
        return Err(Problem::error(
            name,
            "the file is empty (white space and comments only): a statement file needs `partnership`, \
             `meeting` and `areas`",
        ));
    }
    yaml::check_expansion(text).map_err(|e| yaml_problem(name, &e))?;
    let mut file: StatementFile = serde_yaml::from_str(text).map_err(|e| yaml_problem(name, &e))?;
    let review = file.review.take();
    let (partnership, mut meeting) = build(name, file);
    if let Some(r) = review {
        // The importer's findings hold while the file is as it wrote it.
        let before = text.find("\nreview:").map_or(text, |i| &text[..=i]);
        let before = before
            .rfind("\n# What `jointly import`")
            .filter(|&i| text[i + 1..].starts_with("# What"))
            .map_or(before, |i| &before[..=i]);
        if schema::fingerprint(before) == r.fingerprint.0 {
            let source = meeting
                .source
                .source_file
                .clone()
                .unwrap_or_else(|| name.to_string());
            for n in r.notes {
                let p = Problem::warning(
                    source.clone(),
                    format!("import: {} (reported in {name})", n.message.0),
                );
                warnings.push(p.at(n.line.map(|l| (l, 1))));
            }
        }
    }
    if let Some(src_name) = meeting.source.source_file.clone() {
        if let SourceLookup::Dir(dir) = sources {
            *source_path = Some(dir.join(&src_name));
        }
        match sources.read(name, &src_name) {
            Ok((shown, src_text)) => {
                meeting.source.source_file = Some(shown.clone());
                let markup = fidelity::Markup::from_path(&shown);
                let normalised = fidelity::normalise_source(&src_text, markup);
                for d in fidelity::align(&mut meeting, &normalised) {
                    let mut p = Problem::warning(
                        name,
                        format!(
                            "differs from {shown}{}: {}",
                            d.lines.map(|l| format!(":{l}")).unwrap_or_default(),
                            d.message
                        ),
                    );
                    if let Some(piece) = d.piece {
                        p = p.at_path(piece.path());
                    }
                    warnings.push(p);
                }
            }
            Err(message) => warnings.push(Problem::warning(name, message).at_path("meeting.source.file")),
        }
    }
    Ok((partnership, meeting, warnings))
}

/// Turns a serde_yaml error into a problem with line, column and document path.
pub(crate) fn yaml_problem(name: &str, e: &serde_yaml::Error) -> Problem {
    // serde_yaml writes " at line L column C" into its messages; we show the
    // location once, up front, in the form editors turn into links.
    let mut message = e.to_string();
    while let Some((start, end)) = location_phrase(&message) {
        message.replace_range(start..end, "");
    }
    // serde names the Rust types it expected; say what they are in the file.
    for (rust, file) in [
        (
            "struct StatementFile",
            "a statement: a map with `partnership`, `meeting` and `areas`",
        ),
        ("struct PartnershipSpec", "a map with `id`, `name` and `parties`"),
        ("struct MeetingSpec", "a map with `title` and `date`"),
        (
            "struct AreaSpec",
            "an area: a map with `id`, `title` and `commitments`",
        ),
        ("struct CoChairSpec", "a map with `name` and `role`"),
        ("struct SourceSpec", "a map with `file` and `url`"),
    ] {
        message = message.replace(rust, file);
    }
    if message.contains("more than one document") {
        message = "holds more than one YAML document (separated by `---`); a statement file holds one \
                   statement: split it into several files"
            .into();
    }
    Problem::error(name, message).at(e.location().map(|l| (l.line(), l.column())))
}

/// The byte range of the first " at line L column C" in `s`.
fn location_phrase(s: &str) -> Option<(usize, usize)> {
    let start = s.find(" at line ")?;
    let digits = |from: usize| from + s[from..].bytes().take_while(u8::is_ascii_digit).count();
    let after_line = digits(start + " at line ".len());
    let end = match s[after_line..].strip_prefix(" column ") {
        Some(_) => digits(after_line + " column ".len()),
        None => after_line,
    };
    Some((start, end))
}

fn build(name: &str, f: StatementFile) -> (Partnership, Meeting) {
    let partnership = Partnership {
        id: f.partnership.id.0,
        name: f.partnership.name.0,
        parties: f.partnership.parties.into_iter().map(|p| p.0).collect(),
        meetings: Vec::new(),
    };
    let m = f.meeting;
    let id = m.id_or_date();
    let text = |s: schema::NonEmpty| Text {
        text: s.0,
        lines: None,
    };
    let (source_file, url) = match m.source {
        Some(s) => (s.file.map(|f| f.0), s.url.map(|u| u.0)),
        None => (None, None),
    };
    let meeting = Meeting {
        id,
        title: m.title.0,
        dateline: m.dateline.map(text),
        date: m.date.0,
        place: m.place.map(|p| p.0),
        co_chairs: m
            .co_chairs
            .into_iter()
            .map(|c| CoChair {
                name: c.name.0,
                role: c.role.0,
            })
            .collect(),
        source: SourceRef {
            statement_file: name.to_string(),
            source_file,
            url,
        },
        title_lines: None,
        preamble: f.preamble.into_iter().map(text).collect(),
        areas: f
            .areas
            .0
            .into_iter()
            .map(|a| Area {
                id: a.id.0,
                title: a.title.0,
                untitled: a.untitled,
                section: a.section.into_iter().map(|s| s.0).collect(),
                intro: a.intro.into_iter().map(text).collect(),
                outro: a.outro.into_iter().map(text).collect(),
                topics: a
                    .topics
                    .into_iter()
                    .map(|t| (Tag::interned(&t.0), Origin::Curated))
                    .collect(),
                title_lines: None,
                leads: a
                    .leads
                    .into_iter()
                    .map(|l| (l.before.saturating_sub(1), text(l.text)))
                    .collect(),
                resume: (!a.after_areas.is_empty()).then_some(a.commitments.0.len()),
                commitments: a
                    .commitments
                    .0
                    .into_iter()
                    .chain(a.after_areas)
                    .map(|c| Commitment {
                        stance: c.stance().map(|s| (s, Origin::Curated)),
                        text: c.text().into(),
                        lines: None,
                        basis: None,
                        actor: crate::model::Actor::Joint,
                    })
                    .collect(),
            })
            .collect(),
        closing: f.closing.into_iter().map(text).collect(),
        signatories: f.signatories.into_iter().map(text).collect(),
    };
    let mut meeting = meeting;
    // Collecting in place keeps the parser's spare capacity; at a million
    // commitments that slack is a fifth of the model's memory.
    meeting.areas.shrink_to_fit();
    for a in &mut meeting.areas {
        a.commitments.shrink_to_fit();
        a.topics.shrink_to_fit();
    }
    (partnership, meeting)
}

/// Where a statement's `source.file` is looked up.
pub enum SourceLookup {
    /// Among the embedded seed sources.
    Embedded,
    /// Relative to the folder of the statement file.
    Dir(PathBuf),
    /// A text already in hand (the importer checks its output against the
    /// text it read); whatever the statement names, this text is its source.
    Given(String),
}

impl SourceLookup {
    /// Reads the source `file` named by statement `name`: its shown path and text.
    fn read(&self, name: &str, file: &str) -> Result<(String, String), String> {
        match self {
            SourceLookup::Embedded => {
                let shown = Path::new(name).parent().unwrap_or(Path::new("")).join(file);
                let shown = shown.to_string_lossy().into_owned();
                SEED_SOURCES
                    .iter()
                    .find(|s| s.name == shown)
                    .map(|s| (shown.clone(), s.text.to_string()))
                    .ok_or_else(|| format!("source file {shown} is not embedded"))
            }
            SourceLookup::Dir(dir) => {
                let path = dir.join(file);
                let shown = path.to_string_lossy().into_owned();
                confined(dir, &path).map_err(|why| format!("source file {shown} is not read: {why}"))?;
                read_text(&path)
                    .map(|t| (shown.clone(), t))
                    .map_err(|e| format!("cannot read source file {shown}: {e}"))
            }
            SourceLookup::Given(text) => Ok((file.to_string(), text.clone())),
        }
    }
}

/// The extensions of the texts a statement is transcribed from.
const SOURCE_EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// Whether the statement in folder `dir` may read `path` as its source. A
/// statement file can come from anyone, and its `source.file` must not make
/// jointly read (and quote, in its drift warnings) whatever the user can
/// read: the file must be in the statement's folder or below it, links
/// resolved. Outside it only a statement's text is read, a `.txt`, `.md` or
/// `.markdown` file, as `jointly import --out` and `--install` name their
/// source. Nothing is read before this is settled, so a refusal quotes no
/// byte of the file.
fn confined(dir: &Path, path: &Path) -> Result<(), String> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let (inside, real) = match (fs::canonicalize(dir), fs::canonicalize(path)) {
        (Ok(dir), Ok(real)) => (real.starts_with(&dir), real),
        // Missing or unreadable: reading it says so.
        _ => return Ok(()),
    };
    // The name that counts is the file's own, not a link's.
    let source_like = real
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| SOURCE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
    match (inside, source_like) {
        (true, _) | (false, true) => Ok(()),
        (false, false) => Err(format!(
            "it is outside the statement's folder, and not a statement's text ({}); \
             put the source beside the statement file",
            SOURCE_EXTENSIONS
                .iter()
                .map(|e| format!(".{e}"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Whether a folder entry is a statement file.
fn is_statement_file(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

/// A parsed statement file: its partnership, meeting and warnings, or the
/// error that kept it from loading.
type Parsed = Result<(Partnership, Meeting, Vec<Problem>), Problem>;

/// Reads and parses one statement file, shown to users as `shown`; sets
/// `source_path` to the source alignment looked up.
fn parse_file_at(path: &Path, shown: &str, source_path: &mut Option<PathBuf>) -> Parsed {
    match read_text(path) {
        Ok(text) => {
            let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
            parse_statement_at(shown, &text, &SourceLookup::Dir(dir), source_path)
        }
        Err(e) => Err(Problem::error(shown.to_string(), e.to_string()).at(e.location())),
    }
}

/// The partnership id a statement file's text names, read without the
/// rest of it (the YAML is parsed, no value built but the id).
fn partnership_id(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Head {
        partnership: Named,
    }
    #[derive(serde::Deserialize)]
    struct Named {
        id: String,
    }
    let text = text.trim_start_matches('\u{feff}');
    let read = |yaml: &str| serde_yaml::from_str::<Head>(yaml).ok().map(|h| h.partnership.id);
    // The YAML parser reads a whole document before any value: give it
    // the top-level `partnership:` block alone when the file has one (a
    // fifth of the file), and the whole text when that does not read.
    let top_key = |line: &str| line.starts_with(|c: char| c.is_ascii_alphabetic()) && line.contains(':');
    let mut start = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        match start {
            None if line.starts_with("partnership:") => start = Some(at),
            Some(from) if top_key(line) => return read(&text[from..at]).or_else(|| read(text)),
            _ => {}
        }
        at += line.len();
    }
    read(text)
}

/// A parsed statement file, annotated when `annotate` (with the parties
/// its own file names), with the annotation's warnings apart.
fn annotated_outcome(parsed: Parsed, annotate: bool) -> cache::Outcome {
    parsed.map(|(partnership, mut meeting, warnings)| {
        let notes = match annotate {
            true => crate::compare::annotate_meeting(
                &mut meeting,
                &partnership.parties,
                crate::compare::Taxonomy::builtin(),
            ),
            false => Vec::new(),
        };
        cache::Statement {
            partnership,
            meeting,
            warnings,
            notes,
        }
    })
}

/// Reads one statement file as the builder does: annotated when
/// `annotate`, through the cache's `pack` when there is one.
fn read_file(path: &Path, annotate: bool, pack: Option<&cache::Pack>) -> (String, cache::Outcome) {
    let shown = path.to_string_lossy().into_owned();
    let read = || {
        let mut source = None;
        let parsed = parse_file_at(path, &shown, &mut source);
        (annotated_outcome(parsed, annotate), source)
    };
    let outcome = match pack {
        Some(p) if annotate => p.get_or_read(path, &shown, read),
        _ => read().0,
    };
    (shown, outcome)
}

#[derive(Default)]
struct Builder<'c> {
    loaded: Loaded,
    /// Annotate each file as it is read ([`load_annotated`]).
    annotate: bool,
    cache: Option<&'c cache::Cache>,
    /// The annotation's warnings for each meeting inserted (by partnership
    /// index and meeting id), given after every loader problem, in the
    /// order of the tree, as [`crate::compare::annotate`] gives them.
    notes: HashMap<(usize, String), Vec<Problem>>,
    index: HashMap<String, usize, foldhash::fast::RandomState>,
    /// Set for a [`preview`]: only the partnerships on screen are taken.
    preview: Option<Preview>,
    /// Set for a [`listing`]: outlines are taken, not statements.
    listed: Option<listed::Listed>,
}

impl<'c> Builder<'c> {
    /// Adds everything `opts` names, in the order of the tree.
    fn add_all(&mut self, opts: &LoadOptions) {
        if opts.embedded {
            let pack = self.pack(cache::Cache::embedded);
            for seed in SEEDS {
                self.add_text(seed.name, seed.text, &SourceLookup::Embedded, pack.as_ref());
            }
            self.done(pack);
        }
        if let Some(dir) = opts.user_dir.as_deref().filter(|_| self.goes_on()) {
            self.add_user_dir(dir);
        }
        for path in opts.extra.iter() {
            if !self.goes_on() {
                break;
            }
            self.add_path(path, true);
        }
    }

    /// False once a preview or a listing has failed: there is nothing
    /// more to look at.
    fn goes_on(&self) -> bool {
        self.preview.as_ref().is_none_or(|p| !p.failed) && self.listed.as_ref().is_none_or(|l| !l.failed)
    }

    /// Gathers `pack` to be written, unless this is a preview or a
    /// listing (which read the cache and never change it).
    fn done(&self, pack: Option<cache::Pack>) {
        if let Some(p) = pack.filter(|_| self.preview.is_none() && self.listed.is_none()) {
            p.finish();
        }
    }

    /// In a preview, takes a file's cache entry when its partnership is
    /// shown.
    fn preview_take(&mut self, shown: &str, peeked: cache::Peeked) {
        let Some(preview) = self.preview.as_mut().filter(|p| !p.failed) else {
            return;
        };
        // A file that gave an error adds nothing to the tree.
        let Some(id) = peeked.partnership() else {
            return;
        };
        if preview.wants(id) {
            match peeked.decode() {
                Some(outcome) => self.accept(shown, outcome),
                None => preview.failed = true,
            }
        }
    }

    /// In a preview, a file the cache has no current entry for: its
    /// partnership is read alone from `text` (the YAML parsed, nothing
    /// built), and the whole file is read with `read` only when that
    /// partnership is shown. A file whose partnership cannot be read, or
    /// that is shown and does not load, leaves no preview.
    fn preview_read(&mut self, shown: &str, text: Option<&str>, read: impl FnOnce() -> cache::Outcome) {
        let Some(preview) = self.preview.as_mut().filter(|p| !p.failed) else {
            return;
        };
        let Some(id) = text.and_then(partnership_id) else {
            preview.failed = true;
            return;
        };
        if !preview.wants(&id) {
            return;
        }
        match read() {
            Ok(s) if s.partnership.id == id => self.accept(shown, Ok(s)),
            _ => preview.failed = true,
        }
    }

    /// A pack of the load cache (`which` says whose), when this load
    /// annotates through a cache.
    fn pack(&self, which: impl FnOnce(&'c cache::Cache) -> cache::Pack<'c>) -> Option<cache::Pack<'c>> {
        self.cache.filter(|_| self.annotate).map(which)
    }

    /// Adds a file, or the statement files of a folder. A folder the user
    /// named (`explicit`) that holds none is worth a warning: a typo, or a
    /// folder named like a file.
    fn add_path(&mut self, path: &Path, explicit: bool) {
        let shown = path.to_string_lossy().into_owned();
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => match fs::read_dir(path) {
                Ok(entries) => {
                    let mut files: Vec<PathBuf> = entries
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| is_statement_file(p))
                        .collect();
                    files.sort();
                    if explicit && files.is_empty() {
                        self.loaded.problems.push(Problem::warning(
                            shown,
                            "is a folder with no statement files in it (*.yaml, *.yml)",
                        ));
                    }
                    let pack = self.pack(|c| c.folder(path));
                    self.add_files(&files, pack.as_ref());
                    self.done(pack);
                }
                Err(e) => self.loaded.problems.push(Problem::error(
                    shown,
                    format!("cannot list folder: {}", ReadError::from_io(path, &e)),
                )),
            },
            Ok(_) => {
                let pack = self.pack(|c| c.file(path));
                self.add_file(path, pack.as_ref());
                self.done(pack);
            }
            Err(e) => self
                .loaded
                .problems
                .push(Problem::error(shown, ReadError::from_io(path, &e).to_string())),
        }
    }

    /// Adds the user's statements folder. Not having one is a normal first
    /// start; having one that cannot be used (a file in its place, a
    /// dangling link, a link loop, a folder that may not be read) would
    /// make the user's statements vanish in silence, so it is said.
    fn add_user_dir(&mut self, dir: &Path) {
        let shown = dir.to_string_lossy().into_owned();
        let why = match (fs::symlink_metadata(dir), fs::metadata(dir)) {
            (_, Ok(meta)) if meta.is_dir() => return self.add_path(dir, false),
            (Err(e), _) if e.kind() == std::io::ErrorKind::NotFound => return,
            (_, Ok(_)) => "it is a file, not a folder".to_string(),
            (_, Err(e)) => ReadError::from_io(dir, &e).to_string(),
        };
        self.loaded.problems.push(Problem::error(
            shown,
            format!(
                "the folder of your statements cannot be read ({why}); the statements in it are not loaded"
            ),
        ));
    }

    fn add_file(&mut self, path: &Path, pack: Option<&cache::Pack>) {
        if self.listed.is_some() {
            if !self.goes_on() {
                return;
            }
            let shown = path.to_string_lossy();
            let listing = match pack.and_then(|p| p.peek(path, &shown)) {
                Some(peeked) => peeked.listing(),
                // What is not a regular file is never cached (it has no
                // stamp to trust), and reading it only learns its error.
                None if !fs::metadata(path).is_ok_and(|m| m.is_file()) => Some(cache::StatementListing::of(
                    &read_file(path, self.annotate, None).1,
                )),
                None => None,
            };
            if let Some(listed) = self.listed.as_mut() {
                listed.take(listing, &mut self.loaded.problems);
            }
            return;
        }
        if self.preview.is_some() {
            if !self.goes_on() {
                return;
            }
            let shown = path.to_string_lossy();
            return match pack.and_then(|p| p.peek(path, &shown)) {
                Some(peeked) => self.preview_take(&shown, peeked),
                None => {
                    let text = read_text(path).ok();
                    let annotate = self.annotate;
                    self.preview_read(&shown, text.as_deref(), || read_file(path, annotate, None).1);
                }
            };
        }
        let (shown, outcome) = read_file(path, self.annotate, pack);
        self.accept(&shown, outcome);
    }

    /// Reads and parses `files` on every core, then merges them in the
    /// order given, so that the corpus and the problems come out exactly as
    /// if the files had been read one by one.
    fn add_files(&mut self, files: &[PathBuf], pack: Option<&cache::Pack>) {
        // A preview decides file by file, in order, and decodes few; a
        // listing decodes none.
        if self.preview.is_some() || self.listed.is_some() {
            for f in files {
                self.add_file(f, pack);
            }
            return;
        }
        let threads = std::thread::available_parallelism()
            .map_or(1, std::num::NonZeroUsize::get)
            .min(files.len());
        if threads <= 1 {
            for f in files {
                self.add_file(f, pack);
            }
            return;
        }
        let chunk = files.len().div_ceil(threads);
        let annotate = self.annotate;
        let read = move |part: &[PathBuf]| {
            part.iter()
                .map(|f| read_file(f, annotate, pack))
                .collect::<Vec<_>>()
        };
        let parsed: Vec<(String, cache::Outcome)> = std::thread::scope(|s| {
            // This thread reads the first part itself: its allocator grows
            // in large steps, where a new thread's grows a page at a time
            // (glibc), each step a system call that holds up the others'
            // page faults.
            let (first, rest) = files.split_at(chunk);
            let others: Vec<_> = rest
                .chunks(chunk)
                .map(|part| s.spawn(move || read(part)))
                .collect();
            let mut parsed = read(first);
            for h in others {
                parsed.extend(h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)));
            }
            parsed
        });
        for (shown, outcome) in parsed {
            self.accept(&shown, outcome);
        }
    }

    fn add_text(&mut self, name: &str, text: &str, sources: &SourceLookup, pack: Option<&cache::Pack>) {
        if let Some(listed) = self.listed.as_mut().filter(|l| !l.failed) {
            let peeked = match sources {
                SourceLookup::Embedded => pack.and_then(|p| p.peek_embedded(name, text)),
                _ => None,
            };
            return listed.take(peeked.and_then(|p| p.listing()), &mut self.loaded.problems);
        }
        let annotate = self.annotate;
        let build = || {
            let parsed = parse_statement(name, text, sources).map(|(p, mut m, w)| {
                // The user has no such file: it is inside the binary.
                if matches!(sources, SourceLookup::Embedded) {
                    m.source.statement_file = EMBEDDED.into();
                }
                (p, m, w)
            });
            annotated_outcome(parsed, annotate)
        };
        if self.preview.is_some() {
            let peeked = match sources {
                SourceLookup::Embedded => pack.and_then(|p| p.peek_embedded(name, text)),
                _ => None,
            };
            return match peeked {
                Some(peeked) => self.preview_take(name, peeked),
                None => self.preview_read(name, Some(text), build),
            };
        }
        let outcome = match (pack, sources) {
            (Some(p), SourceLookup::Embedded) => p.get_or_build(name, text, build),
            _ => build(),
        };
        self.accept(name, outcome);
    }

    fn accept(&mut self, name: &str, outcome: cache::Outcome) {
        match outcome {
            Ok(s) => {
                self.loaded.problems.extend(s.warnings);
                self.insert(name, s.partnership, s.meeting, s.notes);
            }
            Err(p) => self.loaded.problems.push(p),
        }
    }

    fn insert(&mut self, name: &str, partnership: Partnership, mut meeting: Meeting, notes: Vec<Problem>) {
        // Topic tags are shared as they are read ([`Tag::interned`]), by
        // each thread that reads: going over every area again here to share
        // them across threads cost more than the few copies it saved.
        let partnerships = &mut self.loaded.corpus.partnerships;
        let Some(&i) = self.index.get(&partnership.id) else {
            if !notes.is_empty() {
                self.notes.insert((partnerships.len(), meeting.id.clone()), notes);
            }
            self.index.insert(partnership.id.clone(), partnerships.len());
            partnerships.push(Partnership {
                meetings: vec![meeting],
                ..partnership
            });
            self.loaded.files += 1;
            return;
        };
        let existing = &mut partnerships[i];
        if let Some(other) = existing.meetings.iter().find(|m| m.id == meeting.id) {
            let message = format!(
                "duplicate meeting `{}/{}`: already loaded from {}; this file was skipped",
                existing.id, meeting.id, other.source.statement_file
            );
            self.loaded
                .problems
                .push(Problem::error(name, message).at_path("meeting.id"));
            return;
        }
        if existing.name != partnership.name {
            let message = format!(
                "partnership `{}` is named \"{}\" here but \"{}\" in {}; the first name is kept",
                existing.id, partnership.name, existing.name, existing.meetings[0].source.statement_file
            );
            self.loaded
                .problems
                .push(Problem::warning(name, message).at_path("partnership.name"));
        }
        // Actors are indices into the parties of the partnership's first
        // file: a meeting read for other parties is read again for them.
        if self.annotate && existing.parties != partnership.parties {
            crate::compare::reannotate_stances(&mut meeting, &existing.parties);
        }
        if !notes.is_empty() {
            self.notes.insert((i, meeting.id.clone()), notes);
        }
        existing.meetings.push(meeting);
        self.loaded.files += 1;
    }

    fn finish(mut self) -> Loaded {
        for p in &mut self.loaded.corpus.partnerships {
            p.meetings
                .sort_by(|a, b| crate::model::meeting_order((a.date, &a.id), (b.date, &b.id)));
        }
        if !self.notes.is_empty() {
            for (i, p) in self.loaded.corpus.partnerships.iter().enumerate() {
                for m in &p.meetings {
                    if let Some(notes) = self.notes.remove(&(i, m.id.clone())) {
                        self.loaded.problems.extend(notes);
                    }
                }
            }
        }
        self.loaded
    }
}
