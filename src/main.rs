//! The `jointly` binary: parse the command line and dispatch.

#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use jointly::app::App;
use jointly::cli::{self, Cli};
use jointly::session::Start;
use jointly::{config, diagnostics, output, terminal};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return cli::usage(&e),
    };
    if let Some(warning) = diagnostics::init() {
        let _ = writeln!(std::io::stderr(), "{warning}");
    }
    match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => {
            if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
                return cli::finish(terminal::run_without_terminal());
            }
            let options = cli.load_options();
            let (config, config_problems) = config::load();
            log::debug!("config: {:?}, {} problems", config::path(), config_problems.len());
            let colour = output::colour(cli.color());
            // crossterm reads NO_COLOR on its own; the decision is ours.
            crossterm::style::force_color_output(colour);
            // The load cache's packs are written while the browser runs
            // (dropping this waits for them).
            let mut writing = None;
            let build = || {
                let (loaded, mut w) = cli::load(&options);
                // Written once the first frame is on screen.
                let start = w.starter();
                writing = Some(w);
                let mut problems = loaded.problems;
                problems.extend(config_problems.iter().cloned());
                let app = App::new(loaded.corpus, problems, config.clone(), colour);
                log::debug!("browser state built");
                (app, start)
            };
            let preview = |start: &Start| {
                let loaded = cli::preview(&options, &config, start)?;
                let mut problems = loaded.problems;
                problems.extend(config_problems.iter().cloned());
                log::debug!("preview built");
                Some(App::new(loaded.corpus, problems, config.clone(), colour))
            };
            let code = cli::finish(terminal::run(build, preview));
            drop(writing);
            log::info!("browser ended: {code:?}");
            code
        }
    }
}
