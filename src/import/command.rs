//! `jointly import`: read a statement's text, write its statement file to
//! stdout, to a file, or into the user's data folder.

use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use clap::Args;

use super::{ImportOptions, Imported, KnownPartnership, import};
use crate::loader::schema::AreaSpec;
use crate::loader::{self, LoadOptions, Problem, ReadError};
use crate::model::{Corpus, Date, Meeting};
use crate::output::{exit, plural};
use crate::storage;

/// Arguments of `jointly import`.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The statement's text: plain text, or markdown (`.md`) with optional YAML front matter.
    pub file: PathBuf,
    /// The partnership id to file the meeting under (default: made from the title).
    #[arg(long, value_name = "ID", value_parser = parse_slug)]
    pub partnership: Option<String>,
    /// The meeting date, when the text does not give it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<Date>,
    /// Write the statement file here instead of to stdout.
    #[arg(long, value_name = "PATH", conflicts_with = "install")]
    pub out: Option<PathBuf>,
    /// Put the statement file into the data folder, where `jointly` loads it.
    #[arg(long)]
    pub install: bool,
    /// With --install, replace a statement file of the same name.
    #[arg(long, requires = "install")]
    pub force: bool,
}

fn parse_slug(s: &str) -> Result<String, String> {
    if crate::model::is_slug(s) {
        Ok(s.to_string())
    } else {
        Err("use lowercase letters, digits and inner hyphens, such as `eu-sg-dp`".into())
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse()
}

/// Runs the import; notes and problems go to stderr, the YAML to stdout
/// unless `--out` or `--install` sends it elsewhere.
pub fn run(load: &LoadOptions, args: &ImportArgs) -> io::Result<u8> {
    let shown = args.file.to_string_lossy().into_owned();
    let mut stderr = io::stderr().lock();
    let mut err = crate::output::Plain(&mut stderr);
    let text = match read_source(&args.file) {
        Ok(t) => t,
        Err((message, location)) => {
            writeln!(err, "{}", Problem::error(shown, message).at(location))?;
            return Ok(exit::PROBLEMS);
        }
    };
    let target = match Target::of(args) {
        Ok(t) => t,
        Err(message) => {
            writeln!(err, "jointly import: {message}")?;
            return Ok(exit::PROBLEMS);
        }
    };
    let mut opts = ImportOptions {
        source_file: target.source_reference(&args.file),
        partnership_id: args.partnership.clone(),
        date: args.date,
        ..ImportOptions::default()
    };
    // Filing under a known partnership keeps its name and parties, so the
    // loader does not warn that the two files name it differently; without
    // --partnership, a title that names a loaded partnership files it there.
    let loaded = loader::load(load);
    if let Some(id) = &args.partnership {
        if let Some(p) = loaded.corpus.partnerships.iter().find(|p| &p.id == id) {
            opts.partnership_name = Some(p.name.clone());
            opts.parties = p.parties.clone();
        }
    } else {
        opts.known = loaded
            .corpus
            .partnerships
            .iter()
            .map(|p| KnownPartnership {
                id: p.id.clone(),
                name: p.name.clone(),
                parties: p.parties.clone(),
            })
            .collect();
    }
    let mut imported = match import(&shown, &text, &opts) {
        Ok(i) => i,
        Err(p) => {
            writeln!(err, "{p}")?;
            return Ok(exit::PROBLEMS);
        }
    };
    // A second statement of one day (a fact sheet beside the joint
    // statement) gets an id of its own instead of being skipped as a
    // duplicate at the next start.
    if let Some((id, other)) = day_id(&loaded.corpus, &imported) {
        opts.meeting_id = Some(id.clone());
        imported = match import(&shown, &text, &opts) {
            Ok(i) => i,
            Err(p) => {
                writeln!(err, "{p}")?;
                return Ok(exit::PROBLEMS);
            }
        };
        if let Some(other) = other {
            imported.notes.push(super::Note::usage(format!(
                "`{}/{}` is already the meeting of another statement of that day (\"{}\", from {}): this one is filed as `{}/{id}`",
                imported.statement.partnership.id.0,
                imported.statement.meeting.date.0,
                other.title,
                other.source.statement_file,
                imported.statement.partnership.id.0,
            )));
        }
    }
    for n in &imported.notes {
        writeln!(err, "{}", n.to_problem(&shown))?;
    }
    for d in &imported.drift {
        writeln!(err, "{shown}: warning: fidelity: {d}")?;
    }
    writeln!(err, "{}", found(&shown, &imported))?;
    let code = if imported.drift.is_empty() {
        exit::OK
    } else {
        exit::PROBLEMS
    };
    match target {
        Target::Stdout => {
            let mut out = io::stdout().lock();
            out.write_all(imported.yaml.as_bytes())?;
            out.flush()?;
        }
        Target::File(path) => {
            if let Err(e) = fs::write(&path, &imported.yaml) {
                writeln!(err, "jointly import: cannot write {}: {e}", path.display())?;
                return Ok(exit::PROBLEMS);
            }
            summary(&mut err, &imported, &path)?;
        }
        Target::Install { dir } => {
            let path = dir.join(file_name(&imported));
            if same_inode(&path, &args.file) {
                writeln!(
                    err,
                    "jointly import: {} is the file being imported; installing would replace it: import a copy",
                    path.display()
                )?;
                return Ok(exit::PROBLEMS);
            }
            if let Err(message) = install(&dir, &path, &imported.yaml, args.force) {
                writeln!(err, "jointly import: {message}")?;
                return Ok(exit::PROBLEMS);
            }
            summary(&mut err, &imported, &path)?;
        }
    }
    Ok(code)
}

/// Where the statement file goes.
enum Target {
    Stdout,
    File(PathBuf),
    Install { dir: PathBuf },
}

impl Target {
    fn of(args: &ImportArgs) -> Result<Target, String> {
        if args.install {
            let dir = loader::user_statements_dir()
                .ok_or("no data folder: set XDG_DATA_HOME or HOME, or use --out PATH")?;
            return Ok(Target::Install { dir });
        }
        match &args.out {
            Some(out) if same_file(out, &args.file) => Err(format!(
                "--out {} is the file being imported; choose another path",
                out.display()
            )),
            Some(out) => Ok(Target::File(out.clone())),
            None => Ok(Target::Stdout),
        }
    }

    /// How the statement file names its source: relative to the statement
    /// file's folder for `--out`, absolute once installed (the data folder is
    /// elsewhere), and as given for stdout (right when the YAML is saved in
    /// the current folder).
    fn source_reference(&self, source: &Path) -> String {
        let absolute = fs::canonicalize(source).unwrap_or_else(|_| source.to_path_buf());
        let reference = match self {
            Target::Stdout => source.to_path_buf(),
            Target::Install { .. } => absolute,
            Target::File(out) => {
                let dir = out
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                match fs::canonicalize(dir) {
                    Ok(dir) => relative(&absolute, &dir),
                    Err(_) => absolute,
                }
            }
        };
        reference.to_string_lossy().into_owned()
    }
}

/// Whether `a` and `b` are one file (same device and inode: through links,
/// hard links and bind mounts alike).
fn same_inode(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        matches!((fs::metadata(a), fs::metadata(b)), (Ok(x), Ok(y)) if (x.dev(), x.ino()) == (y.dev(), y.ino()))
    }
    #[cfg(not(unix))]
    {
        same_file(a, b)
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

/// `path` relative to the folder `base` (both absolute).
fn relative(path: &Path, base: &Path) -> PathBuf {
    let p: Vec<Component> = path.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return path.to_path_buf();
    }
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c);
    }
    out
}

/// Reads the text to import, as the loader reads files (size checked
/// first, binary and non-UTF-8 files refused), with hints for an importer.
pub fn read_source(path: &Path) -> Result<String, (String, Option<(usize, usize)>)> {
    loader::read_text(path).map_err(|e| {
        let hint = match e {
            ReadError::Binary => "; copy the statement's text into a .txt or .md file",
            ReadError::NotUtf8 { .. } => {
                "; if it is Windows-1252 or Latin-1, convert it first, e.g. `iconv -f windows-1252 -t utf-8`"
            }
            _ => "",
        };
        (format!("{e}{hint}"), e.location())
    })
}

/// The id of the imported statement's meeting when its date alone will
/// not do: the library holds a meeting of its partnership and date from a
/// statement with another title (the id is then the next free one,
/// `2023-05-31-2`, and that meeting comes with it), or holds this title
/// under a numbered id (that id again, so that installing the statement a
/// second time says that its file exists). `None`: the date.
fn day_id<'a>(corpus: &'a Corpus, imported: &Imported) -> Option<(String, Option<&'a Meeting>)> {
    let pid = &imported.statement.partnership.id.0;
    let spec = &imported.statement.meeting;
    let partnership = corpus.partnerships.iter().find(|p| &p.id == pid)?;
    let date = spec.id_or_date();
    let same_day: Vec<&Meeting> = partnership
        .meetings
        .iter()
        .filter(|m| m.id == date || m.id.strip_prefix(&date).is_some_and(|n| n.starts_with('-')))
        .collect();
    if let Some(same) = same_day.iter().find(|m| m.title == spec.title.0) {
        return (same.id != date).then(|| (same.id.clone(), None));
    }
    let first = same_day.iter().find(|m| m.id == date)?;
    let taken = |id: &str| same_day.iter().any(|m| m.id == id);
    let free = (2..).map(|n| format!("{date}-{n}")).find(|c| !taken(c))?;
    Some((free, Some(first)))
}

/// `<partnership>-<meeting>.yaml`, like the seeds.
fn file_name(i: &Imported) -> String {
    let m = &i.statement.meeting;
    format!("{}-{}.yaml", i.statement.partnership.id.0, m.id_or_date())
}

/// Writes the file into the data folder; never over an existing file
/// unless `force`, and then atomically.
fn install(dir: &Path, path: &Path, yaml: &str, force: bool) -> Result<(), String> {
    if force {
        return storage::write_atomic(path, yaml.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()));
    }
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    // `create_new` refuses an existing file in the same system call that
    // would create it, so two imports cannot both think the name was free.
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| match e.kind() {
            io::ErrorKind::AlreadyExists => format!(
                "{} already exists; give --force to replace it, or --partnership ID to file the meeting elsewhere",
                path.display()
            ),
            _ => format!("cannot write {}: {e}", path.display()),
        })?;
    f.write_all(yaml.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// What the import found, in one line: areas, sections, commitments and
/// how many things are worth checking (each printed above with its line).
fn found(shown: &str, i: &Imported) -> String {
    let areas = &i.statement.areas.0;
    let commitments: usize = areas.iter().map(AreaSpec::commitment_count).sum();
    // Every section heading once: each prefix of each area's path.
    let sections: std::collections::HashSet<Vec<&str>> = areas
        .iter()
        .flat_map(|a| {
            (1..=a.section.len()).map(move |k| a.section[..k].iter().map(|s| s.0.as_str()).collect())
        })
        .collect();
    let sections = sections.len();
    let intros = areas.iter().filter(|a| !a.intro.is_empty()).count();
    let to_check = i.notes.iter().filter(|n| n.about_text).count();
    format!(
        "{shown}: found {} in {} ({intros} with an intro), {}{}; {}",
        plural(areas.len(), "area"),
        plural(sections, "section"),
        plural(commitments, "commitment"),
        if i.statement.signatories.is_empty() {
            ""
        } else {
            ", a signature block"
        },
        match to_check {
            0 => "nothing to check".to_string(),
            1 => "1 thing to check (above, with its line)".to_string(),
            n => format!("{n} things to check (above, with their lines)"),
        }
    )
}

fn summary(err: &mut dyn Write, i: &Imported, path: &Path) -> io::Result<()> {
    let m = &i.statement.meeting;
    let commitments: usize = i.statement.areas.0.iter().map(AreaSpec::commitment_count).sum();
    writeln!(
        err,
        "wrote {}: {}/{} with {}, {}",
        path.display(),
        i.statement.partnership.id.0,
        m.id_or_date(),
        plural(i.statement.areas.0.len(), "area"),
        plural(commitments, "commitment"),
    )
}
