//! `jointly import`: read a statement's text, write its statement file to
//! stdout, to a file, or into the user's data folder.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};

use clap::Args;

use super::{ImportOptions, Imported, import};
use crate::cli::{Cli, exit};
use crate::loader::{self, MAX_FILE_BYTES, Problem};
use crate::model::Date;

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
pub fn run(cli: &Cli, args: &ImportArgs) -> io::Result<u8> {
    let shown = args.file.to_string_lossy().into_owned();
    let mut err = io::stderr().lock();
    let text = match read_source(&args.file) {
        Ok(t) => t,
        Err(message) => {
            writeln!(err, "{}", Problem::error(shown, message))?;
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
    // loader does not warn that the two files name it differently.
    if let Some(id) = &args.partnership {
        let loaded = loader::load(&cli.load_options());
        if let Some(p) = loaded.corpus.partnerships.iter().find(|p| &p.id == id) {
            opts.partnership_name = Some(p.name.clone());
            opts.parties = p.parties.clone();
        }
    }
    let imported = match import(&shown, &text, &opts) {
        Ok(i) => i,
        Err(p) => {
            writeln!(err, "{p}")?;
            return Ok(exit::PROBLEMS);
        }
    };
    for n in &imported.notes {
        writeln!(err, "{}", n.to_problem(&shown))?;
    }
    for d in &imported.drift {
        writeln!(err, "{shown}: warning: fidelity: {d}")?;
    }
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

/// Reads the text to import: a file of at most [`MAX_FILE_BYTES`], whose
/// size is checked before anything is read.
pub fn read_source(path: &Path) -> Result<String, String> {
    let meta = fs::metadata(path).map_err(|e| io_message(&e))?;
    if meta.is_dir() {
        return Err("is a folder, not a statement's text".into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "is {:.1} MB, more than the {} MiB a statement may have; a joint statement is a few kilobytes of text",
            meta.len() as f64 / 1e6,
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| io_message(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "is more than the {} MiB a statement may have",
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("is a binary file (it holds NUL bytes), not text; copy the statement's text into a .txt or .md file".into());
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let col = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        format!(
            "is not UTF-8 text (invalid byte at line {line}, column {col}); if it is Windows-1252 or \
             Latin-1, convert it first, e.g. `iconv -f windows-1252 -t utf-8`"
        )
    })
}

fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// `<partnership>-<meeting>.yaml`, like the seeds.
fn file_name(i: &Imported) -> String {
    let m = &i.statement.meeting;
    let meeting =
        m.id.as_ref()
            .map_or_else(|| m.date.0.to_string(), |s| s.0.clone());
    format!("{}-{meeting}.yaml", i.statement.partnership.id.0)
}

/// Writes the file into the data folder; never over an existing file
/// unless `force`.
fn install(dir: &Path, path: &Path, yaml: &str, force: bool) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    if force {
        let tmp = path.with_extension("yaml.tmp");
        fs::write(&tmp, yaml)
            .and_then(|()| fs::rename(&tmp, path))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    } else {
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
}

fn summary(err: &mut dyn Write, i: &Imported, path: &Path) -> io::Result<()> {
    let m = &i.statement.meeting;
    let commitments: usize = i.statement.areas.0.iter().map(|a| a.commitments.0.len()).sum();
    writeln!(
        err,
        "wrote {}: {}/{} with {} areas, {commitments} commitments",
        path.display(),
        i.statement.partnership.id.0,
        m.id.as_ref()
            .map_or_else(|| m.date.0.to_string(), |s| s.0.clone()),
        i.statement.areas.0.len(),
    )
}
