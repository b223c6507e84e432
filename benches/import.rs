//! Importer benchmark: `cargo bench --bench import`.
//!
//! Prints medians and 95th percentiles of `import` (split, structure, YAML,
//! and the fidelity check that loads the result back) on the two seed
//! sources and on statements of 1 MB and 8 MB made by repeating the EU
//! seed's body, with the time per MB at each size (flat when the importer
//! is linear) and the peak resident memory after each size (Linux).

mod common;

use std::time::{Duration, Instant};

use common::stats;

use jointly::import::{ImportOptions, import};
use jointly::loader::SEED_SOURCES;

/// Peak resident memory so far, from /proc (Linux only).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn time(name: &str, text: &str, runs: usize) -> Duration {
    let opts = ImportOptions {
        source_file: name.to_string(),
        partnership_id: Some("bench".into()),
        ..ImportOptions::default()
    };
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        let imported = import(name, text, &opts).expect("imports");
        times.push(t.elapsed());
        assert!(imported.drift.is_empty());
    }
    let m = stats(&times).0;
    let mb = text.len() as f64 / 1e6;
    println!(
        "  {name:<48} {:>8.1} KB  median {:>9.3} ms  p95 {:>9.3} ms  {:>7.1} ms/MB  ({runs} runs)",
        text.len() as f64 / 1e3,
        m.as_secs_f64() * 1e3,
        stats(&times).1.as_secs_f64() * 1e3,
        m.as_secs_f64() * 1e3 / mb,
    );
    m
}

fn main() {
    println!("jointly import");
    for s in SEED_SOURCES {
        time(s.name, s.text, 200);
    }
    // The longest real statement of the corpus, in markdown.
    let ttc = "2024-04-05-u-s-eu-joint-statement-of-the-trade-and-technology-council-3.md";
    if let Ok(text) = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/corpus")
            .join(ttc),
    ) {
        time(ttc, &text, 50);
    }
    let eu = SEED_SOURCES[0].text;
    let (head, body) = eu.split_at(eu.find("The second meeting").unwrap_or(0));
    for (label, mb, runs) in [("generated-1mb.txt", 1, 20), ("generated-8mb.txt", 8, 5)] {
        let copies = mb * 1_000_000 / body.len() + 1;
        let text = format!("{head}{}", body.repeat(copies));
        time(label, &text, runs);
        if let Some(rss) = peak_rss_mb() {
            println!("  {:<48} peak resident memory so far: {rss:.0} MB", "");
        }
    }
}
