//! The command line: argument definitions and the non-interactive commands.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{ArgGroup, Args, CommandFactory, Parser, Subcommand};

use crate::compare::{self, Taxonomy};
use crate::glossary::Glossary;
use crate::loader::cache::Writing;
use crate::loader::{self, LoadOptions, Loaded};
use crate::output::{ColorWhen, Format, ReportFormat, exit};
use crate::{bookmarks, crosswalk, output};

/// What the top-level help says after the options: a few examples, and
/// every environment variable jointly reads.
const TOP_AFTER_HELP: &str = "\
Examples:
  jointly                                      open the browser
  jointly list                                 every partnership, meeting and area, with ids
  jointly show eu-sg-dp/2025-12-01/quantum/2   one commitment, with its breadcrumb and source
  jointly search quantum communication         ranked matches

Environment:
  JOINTLY_CONFIG    the config file (default: $XDG_CONFIG_HOME/jointly/config.yaml)
  JOINTLY_LOG       write a debug log to this file (loading, search thread, terminal)
  XDG_DATA_HOME     statement files (jointly/statements/) and bookmarks (default: ~/.local/share)
  XDG_CONFIG_HOME   the config folder (default: ~/.config)
  XDG_STATE_HOME    the remembered place (default: ~/.local/state)
  NO_COLOR          when set and not empty, no colour (as --color never)
  CLICOLOR_FORCE    when set and not 0, colour even into a pipe (as --color always)
  CLICOLOR          when 0, no colour
  TERM              `dumb` means no colour
  TZ                the time zone in which bookmark times are shown

Exit codes: 0 success; 1 problems found (a bad file, an unknown id, no match); 2 wrong usage.";

/// A keyboard-only terminal browser for joint statements of technology partnerships.
#[derive(Debug, Parser)]
#[command(name = "jointly", version, about, long_about = None, after_help = TOP_AFTER_HELP)]
pub struct Cli {
    #[allow(missing_docs)] // flattened: its fields carry the help
    #[command(flatten)]
    pub load: LoadArgs,
    /// What to do; without one, the terminal browser opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The statements to load, and colour: offered by the browser and by each
/// subcommand that reads statements (and so may report problems with them),
/// and by no other.
#[derive(Debug, Clone, Default, Args)]
pub struct LoadArgs {
    /// When to use colour (the browser, `search`'s marks, problems on stderr) [default: auto].
    #[arg(long, value_enum, value_name = "WHEN")]
    pub color: Option<ColorWhen>,
    /// Also load this statement file or folder (repeatable); it must exist.
    #[arg(long = "data", value_name = "PATH", value_parser = existing_path)]
    pub data: Vec<PathBuf>,
    /// Leave out the statements embedded in the binary.
    #[arg(long)]
    pub no_default: bool,
    /// Read every statement file afresh, without the load cache (neither read nor written).
    #[arg(long)]
    pub no_cache: bool,
}

impl LoadArgs {
    /// Whether any option was given.
    fn given(&self) -> bool {
        self.no_default || self.no_cache || !self.data.is_empty() || self.color.is_some()
    }

    /// These options with `more` after them (the top-level ones come first;
    /// the later `--color` wins).
    fn and(&self, more: &LoadArgs) -> LoadArgs {
        LoadArgs {
            color: more.color.or(self.color),
            data: self.data.iter().chain(&more.data).cloned().collect(),
            no_default: self.no_default || more.no_default,
            no_cache: self.no_cache || more.no_cache,
        }
    }

    /// What the loader should read.
    pub fn options(&self) -> LoadOptions {
        LoadOptions {
            embedded: !self.no_default,
            user_dir: loader::user_statements_dir(),
            extra: self.data.clone(),
            cache: !self.no_cache,
        }
    }
}

/// `--data` names a file or folder that exists: a typo is a usage error
/// (exit 2) before anything runs, not a load problem among others. Paths
/// that exist but cannot be read are left to the loader, which says why.
fn existing_path(s: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(s);
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Err("no such file or folder".into()),
        _ => Ok(path),
    }
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the outline of the tree: partnerships, meetings, areas, with ids and counts.
    #[command(after_long_help = "\
Examples:
  jointly list
  jointly list --format json | jq '.partnerships[].id'
  jointly list --no-default --data ~/statements/")]
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[allow(missing_docs)]
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Print the full text of a partnership, meeting, area or commitment.
    #[command(after_long_help = "\
Examples:
  jointly show eu-sg-dp/2025-12-01
  jointly show eu-sg-dp/2025-12-01/quantum/2 --cite
  jointly show us-sg-cet/2023-10-12/ai --format json")]
    Show {
        /// A node id, such as `eu-sg-dp/2025-12-01/quantum/2`.
        id: String,
        /// Print its citation instead: the text in quotes, then statement title, date, area and id.
        #[arg(long, conflicts_with = "format")]
        cite: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[allow(missing_docs)]
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Validate statement files (the loaded ones when no path is given); exit 1 on any problem.
    #[command(after_long_help = "\
Examples:
  jointly check                       the embedded statements and your data folder
  jointly check draft.yaml statements/
  jointly check draft.yaml --format json")]
    Check {
        /// Files or folders to check (with `--data`, those too); the embedded statements are then left out.
        #[arg(conflicts_with = "no_default")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[allow(missing_docs)]
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Compare two meetings area by area: paired areas, shared topics, stances, areas only one covers.
    #[command(after_long_help = "\
Examples:
  jointly compare eu-sg-dp/2025-12-01 us-sg-cet/2023-10-12
  jointly compare eu-sg-dp/2025-12-01 us-sg-cet/2023-10-12 --format md > crosswalk.md")]
    Compare {
        /// The left meeting, such as `eu-sg-dp/2025-12-01`.
        left: String,
        /// The right meeting, such as `us-sg-cet/2023-10-12`.
        right: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        #[allow(missing_docs)]
        #[command(flatten)]
        load: LoadArgs,
    },
    /// What changed between two meetings of one partnership: continued, new and not followed up commitments, firmer or softer.
    #[command(after_long_help = "\
Examples:
  jointly changes us-eu-ttc/2022-05-16 us-eu-ttc/2022-12-05
  jointly changes us-eu-ttc/2022-05-16 us-eu-ttc/2022-12-05 --format md > what-changed.md")]
    Changes {
        /// One meeting, such as `us-eu-ttc/2022-05-16` (the two are ordered by date).
        earlier: String,
        /// The other meeting of the same partnership, such as `us-eu-ttc/2022-12-05`.
        later: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        #[allow(missing_docs)]
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Print your bookmarks, each with its breadcrumb and text (or marked missing).
    #[command(after_long_help = "\
Examples:
  jointly bookmarks
  jointly bookmarks --format md > reading-notes.md
  jointly bookmarks --format json")]
    Bookmarks {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        #[allow(missing_docs)]
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Print the acronyms the statements define, with their expansions and where.
    #[command(after_long_help = "\
Examples:
  jointly glossary
  jointly glossary --format json")]
    Glossary {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[allow(missing_docs)]
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Fuzzy-search titles, area ids and topics, and commitment texts; print ranked matches.
    ///
    /// Exits 1 when nothing matches, as grep does.
    #[command(after_long_help = "\
Examples:
  jointly search quantum
  jointly search post quantum --limit 5
  jointly search 'artificial intelligence' --format json")]
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
        #[allow(missing_docs)]
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Print where the config file is read from, or the default config.
    #[command(
        group(ArgGroup::new("what").required(true).args(["path", "default"])),
        after_long_help = "\
Examples:
  jointly config --path
  jointly config --default > \"$(jointly config --path)\""
    )]
    Config {
        /// Print the config file's path (`$JOINTLY_CONFIG`, else the platform's config folder).
        #[arg(long)]
        path: bool,
        /// Print the default config, with comments.
        #[arg(long)]
        default: bool,
    },
    /// Turn the text of a statement (plain text or markdown) into a statement file.
    #[command(after_long_help = "\
Examples:
  jointly import statement.md
  jointly import statement.txt --partnership eu-sg-dp --install
  jointly import statement.txt --date 2025-12-01 --out statements/new.yaml")]
    Import {
        #[allow(missing_docs)]
        #[command(flatten)]
        args: crate::import::command::ImportArgs,
        // The statements whose partnerships `--partnership` can name.
        #[allow(missing_docs)]
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Print a shell's completion script for jointly.
    #[command(after_long_help = "\
Examples:
  jointly completions bash > ~/.local/share/bash-completion/completions/jointly
  jointly completions zsh > ~/.zfunc/_jointly
  jointly completions fish > ~/.config/fish/completions/jointly.fish")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print jointly's man page (roff).
    #[command(after_long_help = "\
Examples:
  jointly man | man -l -
  jointly man > ~/.local/share/man/man1/jointly.1")]
    Man,
}

impl Command {
    /// The load options given after the subcommand, for those that load.
    fn load(&self) -> Option<&LoadArgs> {
        match self {
            Command::List { load, .. }
            | Command::Show { load, .. }
            | Command::Check { load, .. }
            | Command::Compare { load, .. }
            | Command::Changes { load, .. }
            | Command::Bookmarks { load, .. }
            | Command::Glossary { load, .. }
            | Command::Search { load, .. }
            | Command::Import { load, .. } => Some(load),
            Command::Config { .. } | Command::Completions { .. } | Command::Man => None,
        }
    }
}

impl Cli {
    /// The top-level options with the subcommand's after them.
    fn merged(&self) -> LoadArgs {
        match self.command.as_ref().and_then(Command::load) {
            Some(more) => self.load.and(more),
            None => self.load.clone(),
        }
    }

    /// What the loader should read for this invocation: the top-level
    /// options, then the subcommand's.
    pub fn load_options(&self) -> LoadOptions {
        self.merged().options()
    }

    /// `--color`, wherever it was given.
    pub fn color(&self) -> ColorWhen {
        self.merged().color.unwrap_or_default()
    }
}

/// Runs a non-interactive command, writing to stdout and stderr.
pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    if command.load().is_none() && cli.load.given() {
        let _ = writeln!(
            io::stderr(),
            "jointly: --data, --no-default, --no-cache and --color do not apply to this command: it loads no statements"
        );
        return ExitCode::from(exit::USAGE);
    }
    let colour = output::colour(cli.color());
    log::debug!("command: {command:?}, colour: {colour}");
    let result = match command {
        Command::Check { paths, format, load } => check(cli, paths, &load.data, *format),
        Command::List {
            format: Format::Text, ..
        } => list_text(cli),
        Command::List { format, .. } => with_loaded(cli, *format == Format::Json, |out, loaded| {
            output::list(out, &loaded.corpus, *format)
        }),
        Command::Show { id, cite, format, .. } => {
            let json = !cite && *format == Format::Json;
            with_loaded(cli, json, |out, loaded| match cite {
                true => output::cite(out, &loaded.corpus, id),
                false => output::show(out, &loaded.corpus, id, *format),
            })
        }
        // Search marks its matches with escape codes, so it cleans the
        // statement text itself rather than through `Plain`.
        Command::Search {
            query, limit, format, ..
        } => with_loaded_raw(cli, |out, loaded| {
            output::search::search(out, &loaded.corpus, &query.join(" "), *limit, *format, colour)
        }),
        Command::Bookmarks { format, .. } => {
            with_loaded(cli, *format == ReportFormat::Json, |out, loaded| {
                bookmarks::print::command(out, &loaded.corpus, *format)
            })
        }
        Command::Glossary { format, .. } => with_loaded(cli, *format == Format::Json, |out, loaded| {
            Glossary::build(&loaded.corpus).print(out, *format)?;
            Ok(exit::OK)
        }),
        Command::Config { path, .. } => config(*path),
        Command::Import { args, .. } => crate::import::command::run(&cli.load_options(), args),
        Command::Compare {
            left, right, format, ..
        } => with_loaded(cli, *format == ReportFormat::Json, |out, loaded| {
            crosswalk::compare(out, &loaded.corpus, Taxonomy::builtin(), left, right, *format)
        }),
        Command::Changes {
            earlier,
            later,
            format,
            ..
        } => with_loaded(cli, *format == ReportFormat::Json, |out, loaded| {
            crate::changes::changes(out, &loaded.corpus, Taxonomy::builtin(), earlier, later, *format)
        }),
        Command::Completions { shell } => completions(*shell),
        Command::Man => man(),
    };
    finish(result)
}

/// `jointly completions SHELL`. Generated into memory first: clap_complete
/// panics on a failed write, and a closed pipe must end quietly.
fn completions(shell: clap_complete::Shell) -> io::Result<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "jointly", &mut script);
    io::stdout().lock().write_all(&script)?;
    Ok(exit::OK)
}

/// `jointly man`: one man page, clap_mangen's for the top level (which
/// lists the subcommands) followed by a section for each subcommand with its
/// whole `--help`, so that one page says everything.
fn man() -> io::Result<u8> {
    let command = Cli::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut page)?;
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("jointly {}", sub.get_name());
        let help = sub.clone().bin_name(&name).render_long_help().to_string();
        writeln!(page, ".SH \"{}\"\n.nf", name.to_uppercase())?;
        for line in help.lines() {
            writeln!(page, "{}", roff_line(line))?;
        }
        writeln!(page, ".fi")?;
    }
    io::stdout().lock().write_all(&page)?;
    Ok(exit::OK)
}

/// A line of text made literal in roff: backslashes escaped, and a leading
/// `.` or `'` (which would start a request) neutralised.
fn roff_line(line: &str) -> String {
    let line = line.replace('\\', "\\e");
    if line.starts_with(['.', '\'']) {
        format!("\\&{line}")
    } else {
        line
    }
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
/// ([`output::Plain`]). JSON (`json`) is written as it is: `Plain` would
/// change the data a program reads, and the JSON writer
/// ([`output::json`]) escapes those characters losslessly instead.
fn with_loaded(
    cli: &Cli,
    json: bool,
    f: impl FnOnce(&mut dyn Write, &Loaded) -> io::Result<u8>,
) -> io::Result<u8> {
    match json {
        true => with_loaded_raw(cli, f),
        false => with_loaded_raw(cli, |out, loaded| {
            let mut out = output::Lines::new(output::Plain(out));
            let code = f(&mut out, loaded)?;
            out.flush()?;
            Ok(code)
        }),
    }
}

/// As [`with_loaded`], writing what `f` writes as it is.
fn with_loaded_raw(cli: &Cli, f: impl FnOnce(&mut dyn Write, &Loaded) -> io::Result<u8>) -> io::Result<u8> {
    let (loaded, mut writing) = load(&cli.load_options());
    // The cache is written beside the output.
    writing.start();
    let code = print(&loaded.problems, |out| f(out, &loaded))?;
    // The process ends here: freeing a thousand statements one string at a
    // time would only delay the exit (a third of a warm `list`); the
    // operating system takes the memory back whole.
    std::mem::forget(loaded);
    Ok(code)
}

/// Says `problems` on stderr, then gives `f` stdout, buffered, to print
/// a command's output.
fn print(problems: &[loader::Problem], f: impl FnOnce(&mut dyn Write) -> io::Result<u8>) -> io::Result<u8> {
    report_problems(problems)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let code = f(&mut out)?;
    out.flush()?;
    Ok(code)
}

/// `jointly list` as text. When the load cache has every statement file,
/// the outline is printed from the outlines it keeps, without decoding a
/// statement; otherwise (and with `--no-cache`) the library is loaded
/// whole, which also brings the cache up to date. Either way the same
/// lines and problems come out.
fn list_text(cli: &Cli) -> io::Result<u8> {
    let options = cli.load_options();
    let started = std::time::Instant::now();
    let cache = options.cache.then(loader::cache::Cache::open_default).flatten();
    let Some((listing, problems)) = cache.and_then(|c| loader::listing(&options, &c)) else {
        return with_loaded(cli, false, |out, loaded| {
            output::list_text(out, &crate::listing::Listing::of(&loaded.corpus))?;
            Ok(exit::OK)
        });
    };
    let (p, m, a, c) = listing.counts();
    log::info!(
        "listed from the load cache ({p} partnerships, {m} meetings, {a} areas, {c} commitments) with {} problems in {:?}",
        problems.len(),
        started.elapsed()
    );
    for problem in &problems {
        log::debug!("load problem: {problem}");
    }
    print(&problems, |out| {
        // `list_text` writes whole partnerships: no need to gather lines.
        output::list_text(&mut output::Plain(out), &listing)?;
        Ok(exit::OK)
    })
}

/// Loads and annotates what `options` name, saying in the debug log
/// ([`crate::diagnostics`]) what loaded and how long it took. The load
/// cache's packs are written on a thread once [`Writing::start`] is
/// called: keep the [`Writing`] until the work is done (dropping it starts
/// the writing if it has not started, and waits for it).
pub fn load(options: &LoadOptions) -> (Loaded, Writing) {
    let started = std::time::Instant::now();
    // A cache that cannot be used costs its time and nothing else.
    let cache = options.cache.then(loader::cache::Cache::open_default).flatten();
    let loaded = loader::load_annotated(options, cache.as_ref());
    let (p, m, a, c) = loaded.corpus.counts();
    log::info!(
        "loaded {} statement files ({p} partnerships, {m} meetings, {a} areas, {c} commitments) with {} problems in {:?}",
        loaded.files,
        loaded.problems.len(),
        started.elapsed()
    );
    for problem in &loaded.problems {
        log::debug!("load problem: {problem}");
    }
    let writing = match cache {
        Some(cache) => cache.write_in_background(),
        None => Writing::none(),
    };
    (loaded, writing)
}

/// What the browser's first frame shows of the library
/// ([`loader::preview`]): the partnerships on screen, decoded from the load
/// cache or read alone, when the cache is used and the browser opens on
/// the tree (a comparison, by default or remembered, shows meetings from
/// anywhere). `start` says where the browser was last left.
pub fn preview(
    options: &LoadOptions,
    config: &crate::config::Config,
    start: &crate::session::Start,
) -> Option<Loaded> {
    if !options.cache || config.default_view != crate::config::DefaultView::Browse || start.compares() {
        return None;
    }
    let cache = loader::cache::Cache::open_default()?;
    // The partnership is the id's first part; a screenful of them is
    // at most one a row.
    let place = start.selected().and_then(|id| id.split('/').next());
    let rows = crossterm::terminal::size()
        .ok()
        .filter(|&(_, h)| h > 0)
        .map_or(100, |(_, h)| usize::from(h));
    let loaded = loader::preview(options, &cache, place, rows);
    log::debug!(
        "preview: {}",
        match &loaded {
            Some(l) => format!("{} partnerships decoded", l.corpus.partnerships.len()),
            None => "none".into(),
        }
    );
    loaded
}

/// Fills in inferred topics and stances ([`compare::annotate`]); its warnings
/// (unknown topics) join the load problems. Every command and the browser
/// see the tree through this.
pub fn annotated(mut loaded: Loaded) -> Loaded {
    let problems = compare::annotate(&mut loaded.corpus, Taxonomy::builtin());
    loaded.problems.extend(problems);
    loaded
}

/// Writes every load problem to stderr, one per line, the severity in
/// colour when [`output::colour_stderr`] allows it.
pub fn report_problems(problems: &[loader::Problem]) -> io::Result<()> {
    let colour = output::colour_stderr();
    let mut err = io::stderr().lock();
    for p in problems {
        writeln!(err, "{}", output::problem_line(p, colour))?;
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

/// `jointly check`: with paths, those and the `--data` paths; without, what
/// the other commands load.
fn check(cli: &Cli, paths: &[PathBuf], data: &[PathBuf], format: Format) -> io::Result<u8> {
    let (loaded, mut writing) = if paths.is_empty() {
        load(&cli.load_options())
    } else {
        let all: Vec<PathBuf> = paths.iter().chain(data).cloned().collect();
        (annotated(loader::load_paths(&all)), Writing::none())
    };
    writing.start();
    let code = if loaded.problems.is_empty() {
        exit::OK
    } else {
        exit::PROBLEMS
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    match format {
        // The problems are in the JSON; stderr stays quiet. JSON escapes
        // what could act on a terminal itself ([`output::json`]).
        Format::Json => output::check::json(&mut out, &loaded)?,
        Format::Text => {
            report_problems(&loaded.problems)?;
            output::check::text(&mut output::Plain(&mut out), &loaded)?;
        }
    }
    out.flush()?;
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
