//! The `jointly` binary: parse the command line and dispatch.

#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use jointly::app::App;
use jointly::cli::{self, Cli};
use jointly::{config, loader, terminal};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return cli::usage(&e),
    };
    match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => {
            if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
                return cli::finish(terminal::run_without_terminal());
            }
            let loaded = cli::annotated(loader::load(&cli.load_options()));
            let (config, config_problems) = config::load();
            let mut problems = loaded.problems;
            problems.extend(config_problems);
            let colour = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            let app = App::new(loaded.corpus, problems, config, colour);
            cli::finish(terminal::run(app))
        }
    }
}
