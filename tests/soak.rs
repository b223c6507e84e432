//! Soak: the real binary in a pseudo-terminal on a generated corpus of
//! 100,000 commitments, navigated, filtered and searched for a while. Memory must stay
//! flat and every key must get its frame. `JOINTLY_SOAK_ROUNDS` sets the
//! length (default sized for a 2-core CI).

mod common;

#[path = "../benches/scale/generate.rs"]
#[allow(dead_code)]
mod generate;

use std::time::{Duration, Instant};

use common::Session;
use jointly::loader::{LoadOptions, load};

/// What the rounds type into the filter and the palette: a narrow query,
/// a broad one, and one that matches through the glossary ("AI").
const QUERIES: [&str; 3] = ["quantum comm", "scam", "artificial intel"];

/// Resident memory of a process in KiB.
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// The id shown in the status line (the last row).
fn status_line(screen: &str) -> String {
    screen.lines().last().unwrap_or_default().to_string()
}

#[test]
fn a_long_session_on_100k_commitments_keeps_memory_flat_and_every_frame_arrives() {
    let rounds: usize = std::env::var("JOINTLY_SOAK_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12)
        // Three thirds, each with a sample (see the memory check).
        .max(3);
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("corpus");
    std::fs::create_dir_all(&data).unwrap();
    let seeds = load(&LoadOptions::embedded_only()).corpus;
    let written = generate::write_corpus(&data, 100_000, &seeds).unwrap();
    assert!(written.commitments >= 100_000);

    let started = Instant::now();
    let mut s = Session::start(home.path(), &["--data", data.to_str().unwrap()], 120, 40);
    s.wait_for_text("EU-Singapore Digital Partnership");
    let loaded_in = started.elapsed();
    let pid = s.pid().expect("pid");

    let mut samples = Vec::new();
    let mut key_waits = Vec::new();
    let mut filter_waits = Vec::new();
    for round in 0..rounds {
        // Navigate: every move changes the status line, so each key's frame
        // can be waited for.
        for key in ["j", "j", "G", "k", "g", "l", "j"] {
            let before = status_line(&s.screen());
            let t = Instant::now();
            s.keys(key);
            s.wait_for(&format!("a frame after {key:?} in round {round}"), |sc| {
                status_line(sc) != before
            });
            key_waits.push(t.elapsed());
        }
        // Filter the whole tree, each round another query, typed key by
        // key; then the same through the jump palette.
        let query = QUERIES[round % QUERIES.len()];
        let t = Instant::now();
        s.keys("/");
        for c in query.chars() {
            s.keys(&c.to_string());
        }
        // The prompt shows the whole query and its count ("▏ 5851 matches").
        let counted = format!("/{query}▏ ");
        s.wait_for(&format!("the filter {query:?} in round {round}"), |sc| {
            sc.split(&counted)
                .nth(1)
                .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        });
        filter_waits.push(t.elapsed());
        s.type_slowly(&["\x1b"]);
        s.wait_for("the filter to close", |sc| !sc.contains(&counted));
        s.type_slowly(&["\x10"]);
        s.wait_for_text("Jump to (");
        for c in query.chars() {
            s.keys(&c.to_string());
        }
        s.wait_for_text(&format!("> {query}"));
        s.type_slowly(&["\x1b"]);
        s.wait_for("the palette to close", |sc| !sc.contains("Jump to ("));
        // Open and close the help over the big tree.
        s.type_slowly(&["?"]);
        s.wait_for_text("show or hide this help");
        s.type_slowly(&["\x1b"]);
        s.wait_for("the help to close", |sc| !sc.contains("show or hide this help"));
        s.type_slowly(&["h", "g"]);
        // The top row's frame before the next round reads its status line:
        // else a late frame of `g` can look like the answer to its `j`.
        s.wait_for("the top row", |sc| !status_line(sc).contains('›'));
        samples.push(rss_kib(pid));
    }
    s.type_slowly(&["q"]);
    assert_eq!(s.wait_exit(), 0);

    // Memory is flat: after the first rounds warm the caches, the resident
    // size does not keep growing. It rises and falls with the query of the
    // round (a broad one keeps more matches), so the peak of the last third
    // of the rounds is set against the peak of the middle third; each third
    // holds every query at the default length.
    let third = samples.len() / 3;
    let peak = |part: &[u64]| part.iter().copied().max().unwrap_or(0);
    let warm = peak(&samples[third..2 * third]).max(1);
    let last = peak(&samples[2 * third..]);
    let growth = last as f64 / warm as f64;
    key_waits.sort();
    let median = key_waits[key_waits.len() / 2];
    let worst = *key_waits.last().unwrap_or(&Duration::ZERO);
    filter_waits.sort();
    let filter_median = filter_waits[filter_waits.len() / 2];
    eprintln!(
        "soak: {} commitments in {} files, first frame after {loaded_in:?}; {rounds} rounds; RSS {warm} KiB -> {last} KiB (x{growth:.3}); key to frame median {median:?}, worst {worst:?}; a query typed into the filter to its counted frame median {filter_median:?}",
        written.commitments, written.files
    );
    assert!(
        growth < 1.10,
        "memory grew from {warm} KiB to {last} KiB: {samples:?}"
    );
}
