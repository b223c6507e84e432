//! Scale benchmark: load, memory and per-keystroke latency at 10k, 100k and
//! 1M commitments, side by side with `fzf --filter`.
//!
//! Run: `cargo bench --bench scale`. Environment:
//! - `JOINTLY_BENCH_SIZES=10000,100000` chooses the sizes (default
//!   10000,100000,1000000);
//! - `JOINTLY_BENCH_SKIP_1M=1` leaves out sizes of a million or more;
//! - `JOINTLY_BENCH_NO_FZF=1` leaves out the comparison with fzf.
//!
//! Each size runs in a fresh child process, so that its peak memory is its
//! own. Memory is counted by a global allocator (the `cap` crate: this crate
//! forbids `unsafe`, which a hand-written allocator needs).

#[path = "scale/generate.rs"]
mod generate;

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::stats;

use cap::Cap;
use jointly::app::{Action, App, Msg};
use jointly::loader::{self, LoadOptions};
use jointly::search::Searcher;
use jointly::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[global_allocator]
static HEAP: Cap<std::alloc::System> = Cap::new(std::alloc::System, usize::MAX);

/// What is typed, one character per keystroke.
const TYPED: &str = "quantum communication";
/// A query that names an acronym's expansion (AI).
const EXPANSION: &str = "artificial intelligence";
/// Queries that match little, for "matching alone".
const SELECTIVE: &[&str] = &["quantum communication", "post quantum", "smart cit"];

fn main() {
    if let Ok(n) = std::env::var("JOINTLY_BENCH_CHILD") {
        let n: usize = n.parse().expect("size");
        run_size(n);
        return;
    }
    let sizes = std::env::var("JOINTLY_BENCH_SIZES").unwrap_or_else(|_| "10000,100000,1000000".into());
    let skip_big = std::env::var_os("JOINTLY_BENCH_SKIP_1M").is_some_and(|v| !v.is_empty() && v != "0");
    let exe = std::env::current_exe().expect("own path");
    println!("jointly scale benchmark ({} cores)", cores());
    for n in sizes.split(',').filter_map(|s| s.trim().parse::<usize>().ok()) {
        if skip_big && n >= 1_000_000 {
            println!("\n== {n} commitments: skipped (JOINTLY_BENCH_SKIP_1M)");
            continue;
        }
        let status = Command::new(&exe)
            .env("JOINTLY_BENCH_CHILD", n.to_string())
            .stdout(Stdio::inherit())
            .stderr(Stdio::inherit())
            .status()
            .expect("run size");
        if !status.success() {
            println!("   size {n} failed: {status}");
        }
    }
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn run_size(n: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let seeds = loader::load(&LoadOptions::embedded_only());
    let t = Instant::now();
    let written = generate::write_corpus(dir.path(), n, &seeds.corpus).expect("write corpus");
    let generated_in = t.elapsed();
    drop(seeds);
    println!(
        "\n== {} commitments: {} statement files, {} of commitment text (written in {})",
        written.commitments,
        written.files,
        mb(written.text_bytes),
        ms(generated_in)
    );

    let heap_before = HEAP.allocated();
    let t = Instant::now();
    let loaded = loader::load(&LoadOptions {
        embedded: false,
        user_dir: None,
        extra: vec![dir.path().to_path_buf()],
        cache: false,
    });
    let load_time = t.elapsed();
    let model_heap = HEAP.allocated() - heap_before;
    let load_peak = HEAP.max_allocated() - heap_before;
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems.first());
    let corpus = &loaded.corpus;
    let (parts, meetings, areas, commitments) = corpus.counts();
    assert_eq!(commitments, n);

    let t = Instant::now();
    let mut searcher = Searcher::new(corpus);
    let index_time = t.elapsed();
    let index_heap = HEAP.allocated() - heap_before - model_heap;
    println!(
        "   tree: {parts} partnerships, {meetings} meetings, {areas} areas; {} candidates",
        searcher.index().len()
    );
    println!("   load (real loader, {} threads)  {}", cores(), ms(load_time));
    println!("   index build                   {}", ms(index_time));
    let per = |bytes: usize| bytes as f64 / n as f64;
    println!(
        "   heap: model {} + index {}; above commitment text: {:.0} B/commitment (model {:.0} + index {:.0}); load peak {}",
        mb(model_heap),
        mb(index_heap),
        per(model_heap + index_heap - written.text_bytes),
        per(model_heap - written.text_bytes),
        per(index_heap),
        mb(load_peak)
    );

    let runs = if n >= 1_000_000 { 3 } else { 7 };
    // The words behind compounds and corrections: collected by the first
    // query with a word of three letters or more.
    let t = Instant::now();
    let words = searcher.vocabulary(corpus).len();
    println!(
        "   vocabulary build {} ({words} words of four letters or more)",
        ms(t.elapsed())
    );
    // Matches through the glossary: the first query that names an
    // expansion builds the glossary and finds where the acronym is used;
    // later ones reuse both.
    let t = Instant::now();
    let glossary = jointly::glossary::Glossary::build(corpus);
    let glossary_time = t.elapsed();
    let t = Instant::now();
    let via_hits = searcher.search(corpus, EXPANSION).hits.len();
    let cold = t.elapsed();
    let mut warm = Vec::new();
    for _ in 0..runs {
        searcher.search(corpus, "");
        let t = Instant::now();
        searcher.search(corpus, EXPANSION);
        warm.push(t.elapsed());
    }
    let (wm, wp, _) = stats(&warm);
    println!(
        "   glossary build {} ({} definitions); \"{EXPANSION}\" ({via_hits} kept): first {}, then median {}  p95 {}",
        ms(glossary_time),
        glossary.entries.len(),
        ms(cold),
        ms(wm),
        ms(wp)
    );
    drop(glossary);

    // Matching alone, from scratch (no earlier query to narrow); the
    // glossary was built above, as it is after a session's first query.
    let mut matching = Vec::new();
    for q in SELECTIVE {
        let mut times = Vec::new();
        let mut hits = 0;
        for _ in 0..runs {
            searcher.search(corpus, "");
            let t = Instant::now();
            hits = searcher.search(corpus, q).hits.len();
            times.push(t.elapsed());
        }
        matching.push((q, stats(&times), hits));
    }
    drop(searcher);

    // Typing into the browser's filter, one character per keystroke: the
    // app's update (search, filtered rows, selection) and one frame of the
    // app's real view into a TestBackend.
    let (config, _) = jointly::config::parse("bench", None);
    let mut app = App::new(loaded.corpus, Vec::new(), config, true);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    app.update(Action::Resize(120, 40));
    let forget = |app: &mut App| {
        // The palette's empty query resets the searcher's remembered
        // answers, so that each run types from scratch.
        app.update(Action::Palette);
        app.update(Action::Close);
    };
    // Untimed: builds the searcher's index and, at the third letter, the
    // glossary (timed above; past 20,000 candidates the browser builds both
    // on its search thread).
    app.update(Action::Filter);
    for c in "xyz".chars() {
        app.update(Msg::Type(c));
    }
    app.update(Action::Close);
    let keys: Vec<&str> = (1..=TYPED.len()).map(|i| &TYPED[..i]).collect();
    let (mut total, mut filter, mut draw) = (Vec::new(), Vec::new(), Vec::new());
    let mut first_key = Vec::new();
    let mut per_key: Vec<Vec<Duration>> = vec![Vec::new(); keys.len()];
    for _ in 0..runs {
        forget(&mut app);
        app.update(Action::Filter);
        for (k, c) in TYPED.chars().enumerate() {
            let t = Instant::now();
            app.update(Msg::Type(c));
            let f = t.elapsed();
            terminal.draw(|frame| ui::draw(frame, &app)).expect("draw");
            let all = t.elapsed();
            total.push(all);
            filter.push(f);
            draw.push(all - f);
            per_key[k].push(all);
            if k == 0 {
                first_key.push(all);
            }
        }
        app.update(Action::Close);
    }
    let (m, p95, max) = stats(&total);
    println!(
        "   keystroke \"{TYPED}\" in the browser's filter (update + the app's frame, TestBackend 120x40): median {}  p95 {}  max {}",
        ms(m),
        ms(p95),
        ms(max)
    );
    let (fm, fp, _) = stats(&filter);
    let (dm, dp, _) = stats(&draw);
    let (qm, qp, _) = stats(&first_key);
    println!(
        "     update alone: median {}  p95 {};  frame alone: median {}  p95 {};  first key 'q': median {}  p95 {}",
        ms(fm),
        ms(fp),
        ms(dm),
        ms(dp),
        ms(qm),
        ms(qp)
    );
    let corpus = &app.corpus;

    // Before the fzf input (a copy of every text) is built.
    let search_peak = HEAP.max_allocated();

    // fzf over the same texts, one per line.
    let lines = dir.path().join("lines.txt");
    write_lines(&lines, corpus);
    let fzf = has_fzf();
    // fzf takes tens of seconds a query at a million lines: run it less.
    let fzf_runs = if n >= 1_000_000 { 1 } else { 3 };
    println!("   matching alone, from scratch (all cores):");
    for (q, (m, p95, _), hits) in &matching {
        let versus = fzf
            .then(|| fzf_time(&lines, q, fzf_runs))
            .map(|f| {
                format!(
                    "; fzf --filter {}  ratio {:.2}",
                    ms(f),
                    m.as_secs_f64() / f.as_secs_f64()
                )
            })
            .unwrap_or_default();
        println!(
            "     {q:<24} median {}  p95 {}  ({hits} kept){versus}",
            ms(*m),
            ms(*p95)
        );
    }
    if fzf {
        println!(
            "   per keystroke, ours (browser filter + frame, typed incrementally) vs fzf --filter (whole query each time):"
        );
        let mut ratios = Vec::new();
        for (k, q) in keys.iter().enumerate() {
            // At a million, only the first key, the first word and the whole.
            if n >= 1_000_000 && ![1, 7, TYPED.len()].contains(&q.len()) {
                continue;
            }
            let (ours, _, _) = stats(&per_key[k]);
            let theirs = fzf_time(&lines, q, fzf_runs);
            let ratio = ours.as_secs_f64() / theirs.as_secs_f64();
            ratios.push(ratio);
            println!(
                "     {:<24} ours {:>10}  fzf {:>10}  ratio {:.3}",
                format!("\"{q}\""),
                ms(ours),
                ms(theirs),
                ratio
            );
        }
        ratios.sort_by(f64::total_cmp);
        println!(
            "     ratio ours/fzf: median {:.3}, worst {:.3}",
            ratios[ratios.len() / 2],
            ratios[ratios.len() - 1]
        );
    } else {
        println!(
            "   fzf comparison skipped (fzf not installed: apt-get install fzf; or JOINTLY_BENCH_NO_FZF set)"
        );
    }
    println!(
        "   peak heap (generator, load, index, searches) {}",
        mb(search_peak)
    );
}

/// The searched texts, one candidate per line, as fzf would see them.
fn write_lines(path: &Path, corpus: &jointly::model::Corpus) {
    let mut out = String::new();
    for (_, _, m) in corpus.meetings() {
        out.push_str(&m.title);
        out.push('\n');
        for a in &m.areas {
            out.push_str(&a.title);
            out.push(' ');
            out.push_str(&a.id);
            for (t, _) in &a.topics {
                out.push(' ');
                out.push_str(t);
            }
            out.push('\n');
            for c in &a.commitments {
                out.push_str(&c.text);
                out.push('\n');
            }
        }
    }
    std::fs::write(path, out).expect("write fzf input");
}

fn has_fzf() -> bool {
    std::env::var_os("JOINTLY_BENCH_NO_FZF").is_none_or(|v| v.is_empty() || v == "0")
        && Command::new("fzf")
            .arg("--version")
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
}

/// Median wall time of `fzf --filter QUERY < lines`.
fn fzf_time(lines: &Path, query: &str, runs: usize) -> Duration {
    let mut times = Vec::new();
    for _ in 0..runs {
        let input = std::fs::File::open(lines).expect("fzf input");
        let t = Instant::now();
        Command::new("fzf")
            .args(["--filter", query])
            .stdin(input)
            .stdout(Stdio::null())
            .status()
            .expect("run fzf");
        times.push(t.elapsed());
    }
    stats(&times).0
}
