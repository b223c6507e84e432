//! The `jointly` binary: parse the command line and dispatch.

use std::process::ExitCode;

use clap::Parser;
use jointly::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => cli::run(&cli, command),
        // The terminal browser arrives with the next issue; until then, the outline.
        None => cli::run(
            &cli,
            &Command::List {
                format: cli::Format::Text,
            },
        ),
    }
}
