//! Comparison benchmark: `cargo bench --bench compare`.
//!
//! Prints medians and 95th percentiles of:
//! - `annotate` on corpora of 100 000 and 1 000 000 commitments (the seeds
//!   copied over and over, with their curated topics and stances removed so
//!   that every area and commitment goes through the rules), and their ratio,
//!   which should be close to 10 if the cost is linear;
//! - for scale, loading the seeds (YAML and fidelity check) per commitment,
//!   and annotate's cost as a share of it;
//! - `align` of the two seeds, and of two meetings of 300 areas each;
//! - the commitments' counterparts (`Counterparts::between`, every
//!   commitment against every one of the other meeting) for the same two
//!   pairs of meetings.
//!
//! `JOINTLY_BENCH_COMMITMENTS` sets the large size (default 1 000 000).

mod common;

use std::time::{Duration, Instant};

use common::stats;

use jointly::compare::{Counterparts, Taxonomy, align, annotate};
use jointly::glossary::Glossary;
use jointly::loader::{LoadOptions, load};
use jointly::model::{Corpus, NodePath};

fn seeds() -> Corpus {
    load(&LoadOptions::embedded_only()).corpus
}

/// At least `commitments` commitments: the seed meetings copied, untagged.
fn untagged_corpus(commitments: usize) -> Corpus {
    let seeds = seeds();
    let mut corpus = Corpus::default();
    for p in &seeds.partnerships {
        let mut p = p.clone();
        p.meetings.clear();
        corpus.partnerships.push(p);
    }
    let mut n = 0;
    let mut copy = 0;
    while n < commitments {
        for (pi, p) in seeds.partnerships.iter().enumerate() {
            for m in &p.meetings {
                let mut m = m.clone();
                m.id = format!("{}-{copy}", m.id);
                for a in &mut m.areas {
                    a.topics.clear();
                    for c in &mut a.commitments {
                        c.stance = None;
                    }
                }
                n += m.commitment_count();
                corpus.partnerships[pi].meetings.push(m);
            }
        }
        copy += 1;
    }
    corpus
}

/// Times `annotate` over fresh copies of `corpus`.
fn time_annotate(corpus: &Corpus, taxonomy: &Taxonomy, runs: usize) -> Vec<Duration> {
    (0..runs)
        .map(|_| {
            let mut c = corpus.clone();
            let t = Instant::now();
            let problems = annotate(&mut c, taxonomy);
            let elapsed = t.elapsed();
            assert!(problems.is_empty());
            std::hint::black_box(&c);
            elapsed
        })
        .collect()
}

fn report(name: &str, samples: &mut [Duration], per: Option<(usize, &str)>) -> Duration {
    let (m, p, _) = stats(samples);
    print!(
        "{name:<44} median {m:>10.2?}  p95 {p:>10.2?}  ({} runs)",
        samples.len()
    );
    if let Some((n, unit)) = per {
        print!("  {:.0} ns per {unit}", m.as_nanos() as f64 / n as f64);
    }
    println!();
    m
}

fn main() {
    let taxonomy = Taxonomy::builtin();
    let large: usize = std::env::var("JOINTLY_BENCH_COMMITMENTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1_000_000);

    let small_corpus = untagged_corpus(large / 10);
    let (_, _, _, small_n) = small_corpus.counts();
    let mut small = time_annotate(&small_corpus, taxonomy, 7);
    drop(small_corpus);
    let small_median = report(
        &format!("annotate, {small_n} commitments"),
        &mut small,
        Some((small_n, "commitment")),
    );

    let large_corpus = untagged_corpus(large);
    let (_, _, areas, large_n) = large_corpus.counts();
    let mut big = time_annotate(&large_corpus, taxonomy, 5);
    let large_median = report(
        &format!("annotate, {large_n} commitments ({areas} areas)"),
        &mut big,
        Some((large_n, "commitment")),
    );
    println!(
        "ratio large/small: {:.2} for {:.2} times the commitments",
        large_median.as_secs_f64() / small_median.as_secs_f64(),
        large_n as f64 / small_n as f64
    );
    drop(large_corpus);

    let mut loads: Vec<Duration> = (0..50)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(seeds());
            t.elapsed()
        })
        .collect();
    let load_median = report(
        "load the seeds (45 commitments)",
        &mut loads,
        Some((45, "commitment")),
    );
    let load_per = load_median.as_secs_f64() / 45.0;
    let annotate_per = large_median.as_secs_f64() / large_n as f64;
    println!(
        "annotate per commitment / load per commitment: {:.2}",
        annotate_per / load_per
    );

    let mut corpus = seeds();
    annotate(&mut corpus, taxonomy);
    let (eu, us) = (NodePath::Meeting(0, 0), NodePath::Meeting(1, 0));
    let mut seed_align: Vec<Duration> = (0..200)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(align(&corpus, eu, us, taxonomy));
            t.elapsed()
        })
        .collect();
    report(
        "align, the two seeds (13 areas, 45 commitments)",
        &mut seed_align,
        None,
    );
    let glossary = Glossary::build(&corpus);
    let mut seed_counterparts: Vec<Duration> = (0..50)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(Counterparts::between(&corpus, eu, us, taxonomy, &glossary));
            t.elapsed()
        })
        .collect();
    report(
        "counterparts, the two seeds (18 x 27 commitments)",
        &mut seed_counterparts,
        None,
    );

    // Two meetings of 300 areas: each seed's areas repeated, ids made unique.
    let mut wide = seeds();
    annotate(&mut wide, taxonomy);
    for p in &mut wide.partnerships {
        let m = &mut p.meetings[0];
        let base = m.areas.clone();
        let mut i = 0;
        while m.areas.len() < 300 {
            let mut a = base[i % base.len()].clone();
            a.id = format!("{}-{i}", a.id);
            m.areas.push(a);
            i += 1;
        }
    }
    let mut wide_align: Vec<Duration> = (0..7)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(align(&wide, eu, us, taxonomy));
            t.elapsed()
        })
        .collect();
    report("align, two meetings of 300 areas", &mut wide_align, None);
    let glossary = Glossary::build(&wide);
    let (l, r) = (
        wide.partnerships[0].meetings[0].commitment_count(),
        wide.partnerships[1].meetings[0].commitment_count(),
    );
    let mut wide_counterparts: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(Counterparts::between(&wide, eu, us, taxonomy, &glossary));
            t.elapsed()
        })
        .collect();
    report(
        &format!("counterparts, {l} x {r} commitments"),
        &mut wide_counterparts,
        Some((l * r, "pair")),
    );
}
