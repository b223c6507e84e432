//! Whether to colour what is printed: `--color` and the environment, read
//! in one place.

use std::io;

use crate::loader::{Problem, Severity};

/// When to colour what is printed: `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorWhen {
    /// Colour when writing to a terminal, unless `NO_COLOR`, `CLICOLOR=0`
    /// or `TERM=dumb` says otherwise (`CLICOLOR_FORCE` forces it).
    #[default]
    Auto,
    /// Always colour, even into a pipe or a file.
    Always,
    /// Never colour.
    Never,
}

/// Whether what jointly writes to stdout (the browser, `search`'s marks)
/// may use colour and other escape codes. The one place that reads
/// `--color`, `NO_COLOR`, `CLICOLOR`, `CLICOLOR_FORCE` and `TERM`, through
/// anstream's rules, the ones clap, cargo and ripgrep's ecosystem follow.
pub fn colour(when: ColorWhen) -> bool {
    // anstream takes `CI` as a sign of colour support even where
    // `TERM=dumb` says the terminal has none; a dumb terminal wins here
    // unless `CLICOLOR_FORCE` asks for colour.
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    let forced = std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0");
    let choice = match when {
        ColorWhen::Auto if dumb && !forced => anstream::ColorChoice::Never,
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    };
    choice.write_global();
    anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never
}

/// Whether stderr may use colour, by the choice [`colour`] recorded (so
/// call that first) and whether stderr is a terminal.
pub fn colour_stderr() -> bool {
    anstream::AutoStream::choice(&io::stderr()) != anstream::ColorChoice::Never
}

/// A problem as `file:line:column: error: path: message`, with the
/// severity in bold red (error) or yellow (warning) when `colour`.
pub fn problem_line(p: &Problem, colour: bool) -> String {
    // Made harmless before the colour goes in: the file name and the message
    // come from the user's files, the escape codes from us.
    let plain = super::harmless(&p.to_string()).into_owned();
    let file_len = super::harmless(&p.file).len();
    let (kind, style) = match p.severity {
        Severity::Error => ("error", anstyle::AnsiColor::Red.on_default().bold()),
        Severity::Warning => ("warning", anstyle::AnsiColor::Yellow.on_default().bold()),
    };
    let tag = format!(": {kind}: ");
    // The file name comes first and may hold ": error: " itself: the tag
    // is the first one after it.
    let found = plain
        .get(file_len..)
        .and_then(|rest| rest.find(&tag))
        .map(|i| i + file_len);
    match found {
        Some(at) if colour => format!(
            "{}: {style}{kind}{style:#}: {}",
            &plain[..at],
            &plain[at + tag.len()..]
        ),
        _ => plain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_severity_is_coloured_even_when_the_file_name_looks_like_one() {
        let p = Problem::error("a: error: b.yaml", "bad").at(Some((1, 2)));
        assert_eq!(problem_line(&p, false), p.to_string());
        let line = problem_line(&p, true);
        assert!(line.starts_with("a: error: b.yaml:1:2: \x1b["), "{line:?}");
        assert!(line.ends_with("error\x1b[0m: bad"), "{line:?}");
        let w = Problem::warning("f.yaml", "drift");
        assert!(problem_line(&w, true).contains("33m"), "yellow");
    }
}
