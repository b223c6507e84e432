//! Start-up and frame benchmark: `cargo bench --bench frame`.
//!
//! Prints medians over repeated runs of:
//! - start to first complete frame, in process: load the embedded statements,
//!   read the default config, build the app, draw one 120x40 frame;
//! - start to first frame of the real binary in a pseudo-terminal (process
//!   start, terminal set-up and the first frame on screen);
//! - one frame render at 120x40;
//! - CPU time of the binary while idle for 5 s.

mod common;

use std::io::Read;
use std::time::{Duration, Instant};

use common::stats;

use jointly::app::{Action, App};
use jointly::loader::{LoadOptions, load};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn first_frame_in_process() -> Duration {
    let t = Instant::now();
    // Annotated as the binary does at start (topics and stances).
    let loaded = jointly::cli::annotated(load(&LoadOptions::embedded_only()));
    let (config, _) = jointly::config::parse("bench", None);
    let mut app = App::new(loaded.corpus, loaded.problems, config, true);
    app.update(Action::Resize(120, 40));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    terminal.draw(|f| jointly::ui::draw(f, &app)).expect("draw");
    t.elapsed()
}

/// A 120x40 pseudo-terminal and the command that runs `bin` in it, with
/// the user's folders pointed away from the real home.
fn pty_command(bin: &str) -> Option<(portable_pty::PtyPair, CommandBuilder)> {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .ok()?;
    let home = std::env::temp_dir().join("jointly-bench-home");
    let mut cmd = CommandBuilder::new(bin);
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_DATA_HOME", home.join("data"));
    cmd.env("XDG_CONFIG_HOME", home.join("config"));
    cmd.env("XDG_STATE_HOME", home.join("state"));
    cmd.env("XDG_CACHE_HOME", home.join("cache"));
    Some((pair, cmd))
}

fn first_frame_in_pty(bin: &str) -> Option<Duration> {
    let (pair, cmd) = pty_command(bin)?;
    let mut reader = pair.master.try_clone_reader().ok()?;
    let t = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).ok()?;
    let mut seen = Vec::new();
    let mut buf = [0u8; 16384];
    // The last row drawn is the status line, which ends with the quit hint.
    while !String::from_utf8_lossy(&seen).contains("q quit") {
        let n = reader.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        seen.extend_from_slice(&buf[..n]);
    }
    let elapsed = t.elapsed();
    let _ = child.kill();
    let _ = child.wait();
    Some(elapsed)
}

/// CPU time (user + system) a process used while idle for `secs` seconds.
fn idle_cpu(bin: &str, secs: u64) -> Option<Duration> {
    let (pair, cmd) = pty_command(bin)?;
    let mut reader = pair.master.try_clone_reader().ok()?;
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while matches!(reader.read(&mut buf), Ok(n) if n > 0) {}
    });
    let mut child = pair.slave.spawn_command(cmd).ok()?;
    let pid = child.process_id()?;
    let ticks = || -> Option<u64> {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
        Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
    };
    std::thread::sleep(Duration::from_millis(500));
    let before = ticks()?;
    std::thread::sleep(Duration::from_secs(secs));
    let after = ticks()?;
    let _ = child.kill();
    let _ = child.wait();
    // Clock ticks are 1/100 s on Linux.
    Some(Duration::from_millis((after - before) * 10))
}

fn main() {
    let runs = 31;
    let in_process: Vec<Duration> = (0..runs).map(|_| first_frame_in_process()).collect();

    // Annotated as the binary does at start (topics and stances).
    let loaded = jointly::cli::annotated(load(&LoadOptions::embedded_only()));
    let (config, _) = jointly::config::parse("bench", None);
    let mut app = App::new(loaded.corpus, loaded.problems, config, true);
    app.update(Action::Resize(120, 40));
    for _ in 0..8 {
        app.update(Action::MoveDown);
    }
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    let frames: Vec<Duration> = (0..500)
        .map(|_| {
            let t = Instant::now();
            terminal.draw(|f| jointly::ui::draw(f, &app)).expect("draw");
            t.elapsed()
        })
        .collect();

    let bin = env!("CARGO_BIN_EXE_jointly");
    let pty: Vec<Duration> = (0..15).filter_map(|_| first_frame_in_pty(bin)).collect();

    println!("jointly frame benchmark (embedded statements, 120x40)");
    println!(
        "  first frame, in process:        median {:>8.3} ms  p95 {:>8.3} ms  ({runs} runs)",
        stats(&in_process).0.as_secs_f64() * 1e3,
        stats(&in_process).1.as_secs_f64() * 1e3
    );
    if pty.is_empty() {
        println!("  first frame, binary in a pty:   not measured (no pseudo-terminal)");
    } else {
        println!(
            "  first frame, binary in a pty:   median {:>8.3} ms  p95 {:>8.3} ms  ({} runs, includes process start)",
            stats(&pty).0.as_secs_f64() * 1e3,
            stats(&pty).1.as_secs_f64() * 1e3,
            pty.len()
        );
    }
    match idle_cpu(bin, 5) {
        Some(cpu) => println!(
            "  idle CPU over 5 s:              {:>8.1} ms  ({:.2}% of one core)",
            cpu.as_secs_f64() * 1e3,
            cpu.as_secs_f64() / 5.0 * 100.0
        ),
        None => println!("  idle CPU: not measured"),
    }
    println!(
        "  one frame render:               median {:>8.3} ms  p95 {:>8.3} ms  (500 frames)",
        stats(&frames).0.as_secs_f64() * 1e3,
        stats(&frames).1.as_secs_f64() * 1e3
    );
}
