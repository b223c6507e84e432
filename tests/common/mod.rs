//! Helpers shared by the integration tests: running the binary, drawing
//! the app into a test backend, and driving the binary in a pseudo-terminal.

#![allow(dead_code)]

pub mod pty;

use std::path::Path;
use std::process::{Command, Output};

use std::sync::atomic::AtomicUsize;

use jointly::app::{Action, App};
use jointly::loader::{LoadOptions, load};
use jointly::terminal::{EventSource, event_loop, unsynchronized};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[allow(unused_imports)]
pub use pty::Session;

/// Runs `jointly ARGS` with every user folder under `home`, from the repository root.
pub fn jointly(home: &Path, args: &[&str]) -> Output {
    jointly_env(home, args, &[])
}

/// As [`jointly`], with extra environment variables.
pub fn jointly_env(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jointly"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        // The same folders as in the pseudo-terminal (`pty::command`), so
        // that what one installs the other finds.
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("HOME", home)
        .env_remove("JOINTLY_CONFIG")
        .env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run jointly")
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The app as the browser starts it on the embedded statements, with the default settings.
pub fn app(colour: bool) -> App {
    let loaded = jointly::cli::annotated(load(&LoadOptions::embedded_only()));
    let (config, _) = jointly::config::parse("test", None);
    App::new(loaded.corpus, loaded.problems, config, colour)
}

/// Runs the real event loop on `app` with `events`, in a `w`x`h` test
/// backend, until the app stops; returns the terminal for its last frame.
pub fn run_loop(app: &mut App, events: &mut impl EventSource, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    event_loop(&mut terminal, app, events, &AtomicUsize::new(0), unsynchronized)
        .expect("the event loop runs");
    terminal
}

/// Draws `app` at `w`x`h` and returns the screen's text, trailing spaces trimmed.
pub fn render(app: &mut App, w: u16, h: u16) -> String {
    app.update(Action::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| jointly::ui::draw(f, app)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
