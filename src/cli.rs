//! The command line: argument definitions and the non-interactive commands.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgGroup, Parser, Subcommand, ValueEnum};

use crate::compare::{self, Taxonomy};
use crate::glossary::Glossary;
use crate::loader::{self, LoadOptions, Loaded};
use crate::{bookmarks, crosswalk, output};

/// Exit codes, documented in the README.
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// The command ran and found problems (bad files for `check`, unknown id for `show`).
    pub const PROBLEMS: u8 = 1;
    /// Wrong usage: bad arguments, or the app started with no terminal.
    pub const USAGE: u8 = 2;
}

/// A keyboard-only terminal browser for joint statements of technology partnerships.
#[derive(Debug, Parser)]
#[command(name = "jointly", version, about, long_about = None)]
pub struct Cli {
    /// Also load this statement file or folder (repeatable).
    #[arg(long = "data", value_name = "PATH", global = true)]
    pub data: Vec<PathBuf>,
    /// Leave out the statements embedded in the binary.
    #[arg(long, global = true)]
    pub no_default: bool,
    /// What to do; without one, the terminal browser opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the outline of the tree: partnerships, meetings, areas, with ids and counts.
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the full text of a partnership, meeting, area or commitment.
    Show {
        /// A node id, such as `eu-sg-dp/2025-12-01/quantum/2`.
        id: String,
        /// Print its citation instead: the text in quotes, then statement title, date, area and id.
        #[arg(long)]
        cite: bool,
    },
    /// Validate statement files (the loaded ones when no path is given); exit 1 on any problem.
    Check {
        /// Files or folders to check.
        paths: Vec<PathBuf>,
    },
    /// Compare two meetings area by area: paired areas, shared topics, stances, areas only one covers.
    Compare {
        /// The left meeting, such as `eu-sg-dp/2025-12-01`.
        left: String,
        /// The right meeting, such as `us-sg-cet/2023-10-12`.
        right: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Print your bookmarks, each with its breadcrumb and text (or marked missing).
    Bookmarks {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Print the acronyms the statements define, with their expansions and where.
    Glossary {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Fuzzy-search titles, area ids and topics, and commitment texts; print ranked matches.
    Search {
        /// Words to look for; each must match on its own (quote them or not).
        #[arg(required = true, num_args = 1.., value_name = "QUERY")]
        query: Vec<String>,
        /// Print at most this many matches.
        #[arg(long, default_value_t = 20)]
        limit: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print where the config file is read from, or the default config.
    #[command(group(ArgGroup::new("what").required(true).args(["path", "default"])))]
    Config {
        /// Print the config file's path (`$JOINTLY_CONFIG`, else the platform's config folder).
        #[arg(long)]
        path: bool,
        /// Print the default config, with comments.
        #[arg(long)]
        default: bool,
    },
    /// Turn the text of a statement (plain text or markdown) into a statement file.
    Import(crate::import::command::ImportArgs),
}

/// Output formats of the commands that print for people as well as programs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Human-readable text.
    Text,
    /// Markdown, to paste into notes and reports.
    Md,
    /// JSON, for other programs.
    Json,
}

/// Output formats of the listing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Human-readable text.
    Text,
    /// JSON, for other programs.
    Json,
}

impl Cli {
    /// What the loader should read for this invocation.
    pub fn load_options(&self) -> LoadOptions {
        LoadOptions {
            embedded: !self.no_default,
            user_dir: loader::user_statements_dir(),
            extra: self.data.clone(),
        }
    }
}

/// Runs a non-interactive command, writing to stdout and stderr.
pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    let result = match command {
        Command::Check { paths } => check(cli, paths),
        Command::List { format } => {
            with_loaded(cli, |out, loaded| output::list(out, &loaded.corpus, *format))
        }
        Command::Show { id, cite } => with_loaded(cli, |out, loaded| match cite {
            true => output::cite(out, &loaded.corpus, id),
            false => output::show(out, &loaded.corpus, id),
        }),
        // Search marks its matches with escape codes, so it cleans the
        // statement text itself rather than through `Plain`.
        Command::Search { query, limit, format } => with_loaded_raw(cli, |out, loaded| {
            let marks = output::search::marks_for_stdout();
            output::search::search(out, &loaded.corpus, &query.join(" "), *limit, *format, marks)
        }),
        Command::Bookmarks { format } => with_loaded(cli, |out, loaded| {
            bookmarks::print::command(out, &loaded.corpus, *format)
        }),
        Command::Glossary { format } => with_loaded(cli, |out, loaded| {
            Glossary::build(&loaded.corpus).print(out, *format)?;
            Ok(exit::OK)
        }),
        Command::Config { path, .. } => config(*path),
        Command::Import(args) => crate::import::command::run(cli, args),
        Command::Compare { left, right, format } => with_loaded(cli, |out, loaded| {
            crosswalk::compare(out, &loaded.corpus, Taxonomy::builtin(), left, right, *format)
        }),
    };
    finish(result)
}

/// What a command line clap could not take (or `--help`, `--version`)
/// gives: the help on stdout, an error on stderr with the arguments it
/// echoes made harmless ([`output::harmless`]). A help that could not be
/// written (`--help > /dev/full`) is an error, not a success.
pub fn usage(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let printed = e.print().and_then(|()| io::stdout().flush());
        return match printed {
            Ok(()) => ExitCode::from(exit::OK),
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(exit::OK),
            Err(e) => {
                let _ = output::say(format_args!("jointly: the help could not be written: {e}"));
                ExitCode::from(exit::PROBLEMS)
            }
        };
    }
    let _ = io::stderr()
        .lock()
        .write_all(output::harmless(&e.render().to_string()).as_bytes());
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(exit::USAGE))
}

/// Maps a command's outcome to an exit code; a closed pipe is a normal end.
pub fn finish(result: io::Result<u8>) -> ExitCode {
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(exit::OK),
        Err(e) => {
            let _ = output::say(format_args!("jointly: {e}"));
            ExitCode::from(exit::PROBLEMS)
        }
    }
}

/// Loads what `cli` names, reports problems on stderr, then runs `f` on
/// stdout, with control characters in what it writes made harmless
/// ([`output::Plain`]).
fn with_loaded(cli: &Cli, f: impl FnOnce(&mut dyn Write, &Loaded) -> io::Result<u8>) -> io::Result<u8> {
    with_loaded_raw(cli, |out, loaded| f(&mut output::Plain(out), loaded))
}

/// As [`with_loaded`], writing what `f` writes as it is.
fn with_loaded_raw(cli: &Cli, f: impl FnOnce(&mut dyn Write, &Loaded) -> io::Result<u8>) -> io::Result<u8> {
    let loaded = annotated(loader::load(&cli.load_options()));
    report_problems(&loaded)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = f(&mut out, &loaded)?;
    out.flush()?;
    Ok(code)
}

/// Fills in inferred topics and stances ([`compare::annotate`]); its warnings
/// (unknown topics) join the load problems. Every command and the browser
/// see the tree through this.
pub fn annotated(mut loaded: Loaded) -> Loaded {
    let problems = compare::annotate(&mut loaded.corpus, Taxonomy::builtin());
    loaded.problems.extend(problems);
    loaded
}

/// Writes every load problem to stderr, one per line.
pub fn report_problems(loaded: &Loaded) -> io::Result<()> {
    let mut stderr = io::stderr().lock();
    let mut err = output::Plain(&mut stderr);
    for p in &loaded.problems {
        writeln!(err, "{p}")?;
    }
    Ok(())
}

/// `jointly config --path` or `--default`.
fn config(path: bool) -> io::Result<u8> {
    let mut out = io::stdout().lock();
    if !path {
        out.write_all(crate::config::DEFAULT_TEXT.as_bytes())?;
        return Ok(exit::OK);
    }
    let Some(file) = crate::config::path() else {
        output::say(format_args!(
            "jointly: this platform has no config folder; set {} to a file",
            crate::config::ENV_VAR
        ))?;
        return Ok(exit::PROBLEMS);
    };
    writeln!(output::Plain(&mut out), "{}", file.display())?;
    Ok(exit::OK)
}

fn check(cli: &Cli, paths: &[PathBuf]) -> io::Result<u8> {
    let loaded = annotated(if paths.is_empty() {
        loader::load(&cli.load_options())
    } else {
        loader::load_paths(paths)
    });
    report_problems(&loaded)?;
    let (errors, warnings) =
        loaded.problems.iter().fold(
            (0, 0),
            |(e, w), p| if p.is_error() { (e + 1, w) } else { (e, w + 1) },
        );
    let (parts, meetings, areas, commitments) = loaded.corpus.counts();
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "checked: {} statement files loaded ({parts} partnerships, {meetings} meetings, {areas} areas, {commitments} commitments); {errors} errors, {warnings} warnings",
        loaded.files
    )?;
    Ok(if loaded.problems.is_empty() {
        exit::OK
    } else {
        exit::PROBLEMS
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
