//! Library benchmark (issue 16): a user's library of 1,000 statement files,
//! with and without the load cache, and jointly against its rivals, like
//! for like, each ratio measured in the same run.
//!
//! Run: `cargo bench --bench library`. Environment:
//! - `JOINTLY_BENCH_RUNS=N` runs per process figure (default 7);
//! - `JOINTLY_BENCH_SIZES=10000,100000` sizes of the in-process search
//!   comparison (default both);
//! - `JOINTLY_BENCH_NO_FZF=1` leaves out fzf (also left out, with a
//!   message, when `fzf` is not on PATH).
//!
//! Everything it writes goes into a temporary folder, deleted at the end.

#[path = "scale/generate.rs"]
mod generate;

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::stats;
use jointly::loader::{self, LoadOptions};
use jointly::model::Corpus;
use jointly::search::Searcher;
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// What is typed, one character per keystroke; also the search query.
const TYPED: &str = "quantum communication";
const SEED_EU: &str = include_str!("../seeds/eu-sg-dp-2025-12-01.yaml");
const SEED_US: &str = include_str!("../seeds/us-sg-cet-2023-10-12.yaml");

fn ms(d: Duration) -> String {
    format!("{:8.2} ms", d.as_secs_f64() * 1e3)
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

/// 1,000 statement files: 500 copies of each seed under other partnership
/// ids, their sources beside them.
fn write_library(dir: &Path) {
    std::fs::create_dir_all(dir.join("sources")).expect("library folder");
    for src in std::fs::read_dir("seeds/sources").expect("seeds/sources") {
        let src = src.expect("seed source").path();
        let name = src.file_name().expect("a file name");
        std::fs::copy(&src, dir.join("sources").join(name)).expect("copy a source");
    }
    for i in 0..500 {
        let eu = SEED_EU.replace("id: \"eu-sg-dp\"", &format!("id: \"p{i}-eu-sg-dp\""));
        let us = SEED_US.replace("id: \"us-sg-cet\"", &format!("id: \"p{i}-us-sg-cet\""));
        std::fs::write(dir.join(format!("p{i:04}-eu.yaml")), eu).expect("write a statement");
        std::fs::write(dir.join(format!("p{i:04}-us.yaml")), us).expect("write a statement");
    }
}

/// The searched texts, one candidate per line, as `scale` gives them to fzf.
fn lines(corpus: &Corpus) -> Vec<String> {
    let mut out = Vec::new();
    for (_, _, m) in corpus.meetings() {
        out.push(m.title.clone());
        for a in &m.areas {
            let mut line = format!("{} {}", a.title, a.id);
            for (t, _) in &a.topics {
                line.push(' ');
                line.push_str(t);
            }
            out.push(line);
            out.extend(a.commitments.iter().map(|c| c.text.to_string()));
        }
    }
    out
}

/// The binary with every XDG folder under `home`.
struct Env {
    home: PathBuf,
    bin: &'static str,
}

impl Env {
    fn cache(&self) -> PathBuf {
        self.home.join("cache")
    }

    fn clear_cache(&self) {
        let _ = std::fs::remove_dir_all(self.cache());
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(self.bin);
        c.args(args)
            .env("HOME", &self.home)
            .env("XDG_DATA_HOME", self.home.join("data"))
            .env("XDG_CONFIG_HOME", self.home.join("config"))
            .env("XDG_STATE_HOME", self.home.join("state"))
            .env("XDG_CACHE_HOME", self.cache())
            .env_remove("JOINTLY_LOG")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        c
    }

    fn pty(&self, program: &str, args: &[&str]) -> CommandBuilder {
        let mut c = CommandBuilder::new(program);
        c.args(args);
        c.env("TERM", "xterm-256color");
        c.env("HOME", &self.home);
        c.env("XDG_DATA_HOME", self.home.join("data"));
        c.env("XDG_CONFIG_HOME", self.home.join("config"));
        c.env("XDG_STATE_HOME", self.home.join("state"));
        c.env("XDG_CACHE_HOME", self.cache());
        c.env_remove("JOINTLY_LOG");
        c
    }
}

/// Wall time of a whole process, start to exit (its output read to the end).
fn whole(mut cmd: Command) -> Duration {
    let t = Instant::now();
    let status = cmd.status().expect("run");
    let d = t.elapsed();
    assert!(status.code().is_some_and(|c| c <= 1), "{cmd:?}: {status}");
    d
}

/// Start to first frame in a 120x40 pseudo-terminal: until `drawn` holds
/// for what the program wrote. `stdin`, when given, is fed on the pty (as
/// a shell pipe would be impossible there, fzf reads its lines from the
/// file through `sh -c 'fzf < FILE'`).
fn first_frame(cmd: CommandBuilder, drawn: &dyn Fn(&[u8]) -> bool) -> Option<Duration> {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .ok()?;
    let mut reader = pair.master.try_clone_reader().ok()?;
    let (tx, rx) = std::sync::mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut buf = [0u8; 16384];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let t = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).ok()?;
    let mut seen = Vec::new();
    // A program that never draws (or draws something else) is not
    // measured, rather than waited for.
    while !drawn(&seen) {
        match rx.recv_timeout(Duration::from_secs(10)) {
            Ok(chunk) => seen.extend_from_slice(&chunk),
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                eprintln!(
                    "no first frame within 10 s; it showed: {:?}",
                    String::from_utf8_lossy(&seen)
                );
                return None;
            }
        }
    }
    let elapsed = t.elapsed();
    let _ = child.kill();
    let _ = child.wait();
    Some(elapsed)
}

/// Whether fzf has drawn its match counter ("39811/100000"), which it
/// draws with its prompt: digits, a slash, digits.
fn has_counter(s: &[u8]) -> bool {
    s.windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b'/' && w[2].is_ascii_digit())
}

/// The load average over the last minute, from `/proc/loadavg` (Linux):
/// how shared the machine was while the figures were taken.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "unknown".into())
}

fn has_fzf() -> bool {
    if std::env::var_os("JOINTLY_BENCH_NO_FZF").is_some_and(|v| !v.is_empty() && v != "0") {
        println!("  (fzf left out: JOINTLY_BENCH_NO_FZF)");
        return false;
    }
    let ok = Command::new("fzf")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        println!("  (fzf left out: not found on PATH; `apt-get install fzf` to compare)");
    }
    ok
}

fn median(runs: usize, mut f: impl FnMut() -> Option<Duration>) -> Option<Duration> {
    let v: Vec<Duration> = (0..runs).filter_map(|_| f()).collect();
    (!v.is_empty()).then(|| stats(&v).0)
}

/// The medians of two figures measured in turns, run by run, so that a
/// change in the machine's load weighs on both alike.
fn medians_in_turn(
    runs: usize,
    mut a: impl FnMut() -> Option<Duration>,
    mut b: impl FnMut() -> Option<Duration>,
) -> (Option<Duration>, Option<Duration>) {
    let (mut va, mut vb) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        va.extend(a());
        vb.extend(b());
    }
    let med = |v: &[Duration]| (!v.is_empty()).then(|| stats(v).0);
    (med(&va), med(&vb))
}

fn row(what: &str, d: Option<Duration>) {
    match d {
        Some(d) => println!("  {what:<52} {}", ms(d)),
        None => println!("  {what:<52}  not measured"),
    }
}

fn row_ratio(what: &str, ours: Option<Duration>, theirs: Option<Duration>) {
    if let (Some(a), Some(b)) = (ours, theirs) {
        println!("  {what:<52} {:8.2}", ratio(a, b));
    }
}

fn main() {
    let runs: usize = std::env::var("JOINTLY_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(7);
    let tmp = tempfile::tempdir().expect("temporary folder");
    let lib = tmp.path().join("library");
    write_library(&lib);
    let env = Env {
        home: tmp.path().join("home"),
        bin: env!("CARGO_BIN_EXE_jointly"),
    };
    let lib_arg = lib.to_str().expect("a UTF-8 temporary path");
    let loaded = jointly::cli::annotated(loader::load(&LoadOptions {
        embedded: true,
        user_dir: None,
        extra: vec![lib.clone()],
        cache: false,
    }));
    let (_, meetings, _, commitments) = loaded.corpus.counts();
    let texts = lines(&loaded.corpus);
    let lines_file = tmp.path().join("lines.txt");
    std::fs::write(&lines_file, texts.join("\n") + "\n").expect("write fzf input");
    let fzf = has_fzf();

    println!(
        "jointly library benchmark: {meetings} statement files ({commitments} commitments, {} lines for fzf), medians of {runs} runs",
        texts.len()
    );
    println!(
        "  {} cores, load average {} at the start: figures are medians, ratios are taken in the same run",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        load_average()
    );

    // `jointly list`, whole process.
    let list = ["list", "--data", lib_arg];
    let (list_plain, list_cold) = medians_in_turn(
        runs,
        || Some(whole(env.command(&["--no-cache", "list", "--data", lib_arg]))),
        || {
            env.clear_cache();
            Some(whole(env.command(&list)))
        },
    );
    whole(env.command(&list));
    let list_warm = median(runs, || Some(whole(env.command(&list))));
    // The whole tree decoded from a warm cache: what every other command
    // loads, where `list` as text reads only the outlines.
    let json = ["list", "--format", "json", "--data", lib_arg];
    let json_warm = median(runs, || Some(whole(env.command(&json))));
    row("list, --no-cache", list_plain);
    row("list, cache cold (written this run)", list_cold);
    row("list, cache warm (target <= 30 ms)", list_warm);
    row("list --format json, cache warm (whole tree)", json_warm);
    row_ratio("list warm / --no-cache", list_warm, list_plain);
    row_ratio("list cold / --no-cache (in turn)", list_cold, list_plain);

    // `jointly search QUERY` against `fzf --filter QUERY`, whole process.
    let search = ["search", TYPED, "--data", lib_arg];
    let search_cold = median(runs, || {
        env.clear_cache();
        Some(whole(env.command(&search)))
    });
    whole(env.command(&search));
    let search_warm = median(runs, || Some(whole(env.command(&search))));
    let fzf_filter = fzf
        .then(|| {
            median(runs, || {
                let mut c = Command::new("fzf");
                c.args(["--filter", TYPED])
                    .stdin(std::fs::File::open(&lines_file).ok()?)
                    .stdout(Stdio::null());
                Some(whole(c))
            })
        })
        .flatten();
    row("search QUERY, cache cold", search_cold);
    row("search QUERY, cache warm", search_warm);
    row("fzf --filter QUERY < lines", fzf_filter);
    row_ratio("search cold / fzf --filter", search_cold, fzf_filter);
    row_ratio("search warm / fzf --filter", search_warm, fzf_filter);

    // The browser's first frame against fzf's, in a pseudo-terminal.
    let browser = |env: &Env| env.pty(env.bin, &["--data", lib_arg]);
    let jointly_drawn = |s: &[u8]| String::from_utf8_lossy(s).contains("q quit");
    let (frame_plain, frame_cold) = medians_in_turn(
        runs,
        || {
            first_frame(
                env.pty(env.bin, &["--no-cache", "--data", lib_arg]),
                &jointly_drawn,
            )
        },
        || {
            env.clear_cache();
            first_frame(browser(&env), &jointly_drawn)
        },
    );
    // Warmed by a command, which waits for the cache to be written (the
    // browser writes it after its first frame, and is killed there).
    whole(env.command(&list));
    let frame_warm = median(runs, || first_frame(browser(&env), &jointly_drawn));
    // fzf's first frame: its prompt and its match counter drawn (it
    // streams, so this comes before it has read every line).
    let fzf_frame = fzf
        .then(|| {
            let script = format!("exec fzf < '{}'", lines_file.display());
            let drawn = |s: &[u8]| has_counter(s);
            median(runs, || first_frame(env.pty("sh", &["-c", &script]), &drawn))
        })
        .flatten();
    row("browser first frame, --no-cache", frame_plain);
    row(
        "browser first frame, cache cold (target <= --no-cache)",
        frame_cold,
    );
    row("browser first frame, cache warm (target <= 20 ms)", frame_warm);
    row("fzf first frame (prompt drawn)", fzf_frame);
    row_ratio(
        "browser cold / --no-cache first frame (in turn)",
        frame_cold,
        frame_plain,
    );
    row_ratio("browser cold / fzf first frame", frame_cold, fzf_frame);
    row_ratio("browser warm / fzf first frame", frame_warm, fzf_frame);
    drop(loaded);
    drop(texts);

    // In process: our search against nucleo-matcher per keystroke.
    let sizes: Vec<usize> = std::env::var("JOINTLY_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![10_000, 100_000]);
    for n in sizes {
        in_process(tmp.path(), n, runs.min(7));
    }
}

/// Types [`TYPED`] one character at a time into our searcher and into
/// nucleo-matcher over the same candidate texts, each with its own
/// incremental reuse (ours: the searcher's remembered answers; nucleo's:
/// a query that extends the last one scores only the last one's matches,
/// as the `nucleo` crate does), on one core each: our searcher is held to
/// one thread, as nucleo-matcher runs on the calling one.
fn in_process(tmp: &Path, n: usize, runs: usize) {
    let dir = tmp.join(format!("scale-{n}"));
    std::fs::create_dir_all(&dir).expect("scale folder");
    let seeds = loader::load(&LoadOptions::embedded_only()).corpus;
    generate::write_corpus(&dir, n, &seeds).expect("write the corpus");
    let corpus = loader::load(&LoadOptions {
        embedded: false,
        user_dir: None,
        extra: vec![dir.clone()],
        cache: false,
    })
    .corpus;
    let _ = std::fs::remove_dir_all(&dir);
    let texts: Vec<Utf32String> = lines(&corpus).into_iter().map(Utf32String::from).collect();

    let mut searcher = Searcher::new(&corpus).with_threads(1);
    searcher.search(&corpus, "xyz");
    let mut ours = Vec::new();
    let mut ours_first = Vec::new();
    for _ in 0..runs {
        searcher.search(&corpus, "");
        for end in 1..=TYPED.len() {
            let t = Instant::now();
            let hits = searcher.search(&corpus, &TYPED[..end]).hits.len();
            let d = t.elapsed();
            std::hint::black_box(hits);
            ours.push(d);
            if end == 1 {
                ours_first.push(d);
            }
        }
    }

    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut theirs = Vec::new();
    let mut theirs_first = Vec::new();
    for _ in 0..runs {
        let mut last: Option<(String, Vec<u32>)> = None;
        for end in 1..=TYPED.len() {
            let query = &TYPED[..end];
            let t = Instant::now();
            let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
            let score =
                |i: u32, m: &mut Matcher| pattern.score(texts[i as usize].slice(..), m).map(|s| (s, i));
            let mut scored: Vec<(u32, u32)> = match &last {
                Some((q, hits)) if query.starts_with(q.as_str()) => {
                    hits.iter().filter_map(|&i| score(i, &mut matcher)).collect()
                }
                _ => (0..texts.len() as u32)
                    .filter_map(|i| score(i, &mut matcher))
                    .collect(),
            };
            scored.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            let d = t.elapsed();
            theirs.push(d);
            if end == 1 {
                theirs_first.push(d);
            }
            last = Some((query.to_string(), scored.iter().map(|&(_, i)| i).collect()));
        }
    }
    let (om, op, _) = stats(&ours);
    let (tm, tp, _) = stats(&theirs);
    println!(
        "in process at {n} commitments ({} candidates), per keystroke while \"{TYPED}\" is typed, one core each, {runs} runs:",
        texts.len()
    );
    println!(
        "  ours   median {}  p95 {}  first key {}",
        ms(om),
        ms(op),
        ms(stats(&ours_first).0)
    );
    println!(
        "  nucleo median {}  p95 {}  first key {}",
        ms(tm),
        ms(tp),
        ms(stats(&theirs_first).0)
    );
    println!(
        "  ours / nucleo: median {:.2}, p95 {:.2}  (target at 100k: p95 <= 16 ms, ratio <= 1)",
        ratio(om, tm),
        ratio(op, tp)
    );
}
