//! A synthetic corpus for the scale benchmark: statement files whose
//! commitments are recombined from the seeds' sentences, spread over many
//! partnerships, meetings and areas.

use std::fmt::Write as _;
use std::io;
use std::path::Path;

use jointly::model::Corpus;

/// What was written.
pub struct Written {
    pub files: usize,
    pub commitments: usize,
    pub text_bytes: usize,
}

/// A small deterministic generator (xorshift64*): the same corpus every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + (self.next() % (hi - lo + 1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() - 1)]
    }
}

const PARTIES: &[&str] = &[
    "European Union",
    "Singapore",
    "United States",
    "Japan",
    "Korea",
    "India",
    "Australia",
    "Canada",
    "United Kingdom",
    "Brazil",
    "Indonesia",
    "Viet Nam",
    "Kenya",
    "Chile",
    "Norway",
    "New Zealand",
    "Mexico",
    "Thailand",
    "Malaysia",
    "Philippines",
];
const KINDS: &[&str] = &[
    "Digital Partnership",
    "Critical and Emerging Technology Dialogue",
    "Trade and Technology Council",
    "Digital Economy Dialogue",
    "Science and Innovation Partnership",
];
const ORDINALS: &[&str] = &[
    "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth",
];

fn slug(s: &str) -> String {
    let mut out = String::new();
    for w in s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w.to_ascii_lowercase());
    }
    out
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A commitment made of the start of one seed sentence and the end of
/// another, cut at word boundaries: the seeds' words, length and rhythm.
fn sentence(rng: &mut Rng, pool: &[Vec<&str>]) -> String {
    let a = rng.pick(pool);
    let b = rng.pick(pool);
    let i = rng.range(a.len() / 3, (2 * a.len() / 3).max(a.len() / 3));
    let j = rng.range(b.len() / 3, (2 * b.len() / 3).max(b.len() / 3));
    let mut words: Vec<&str> = a[..i].to_vec();
    words.extend_from_slice(&b[j..]);
    if words.is_empty() {
        words = a.clone();
    }
    words.join(" ")
}

/// Writes statement files holding `n` commitments in total into `dir`.
pub fn write_corpus(dir: &Path, n: usize, seeds: &Corpus) -> io::Result<Written> {
    let mut rng = Rng::new(0x5eed ^ n as u64);
    let mut pool: Vec<Vec<&str>> = Vec::new();
    let mut areas: Vec<(&str, Vec<&str>)> = Vec::new();
    for (_, _, m) in seeds.meetings() {
        for a in &m.areas {
            areas.push((
                a.title.as_str(),
                a.topics.iter().map(|(t, _)| t.as_str()).collect(),
            ));
            for c in &a.commitments {
                pool.push(c.text.split_whitespace().collect());
            }
        }
    }
    let mut written = Written {
        files: 0,
        commitments: 0,
        text_bytes: 0,
    };
    let mut partnership = 0;
    while written.commitments < n {
        let first = rng.range(0, PARTIES.len() - 1);
        let second = rng.range(0, PARTIES.len() - 2);
        let second = if second >= first { second + 1 } else { second };
        let name = format!("{}-{} {}", PARTIES[first], PARTIES[second], rng.pick(KINDS));
        let pid = format!("p{partnership:05}-{}", slug(&name));
        // One meeting per ordinal: eight per partnership.
        for (meeting, ordinal) in ORDINALS.iter().enumerate() {
            if written.commitments >= n {
                break;
            }
            let mut y = String::new(); // the file's YAML
            writeln!(
                y,
                "partnership:\n  id: {}\n  name: {}",
                quoted(&pid),
                quoted(&name)
            )
            .ok();
            writeln!(
                y,
                "  parties: [{}, {}]",
                quoted(PARTIES[first]),
                quoted(PARTIES[second])
            )
            .ok();
            let title = format!("Joint Statement of the {} Meeting of the {name} Council", ordinal);
            writeln!(y, "meeting:\n  title: {}", quoted(&title)).ok();
            writeln!(
                y,
                "  date: \"{}-{:02}-{:02}\"",
                2010 + meeting,
                rng.range(1, 12),
                rng.range(1, 28)
            )
            .ok();
            writeln!(y, "areas:").ok();
            let area_count = rng.range(5, 8);
            for a in 0..area_count {
                if written.commitments >= n {
                    break;
                }
                let (atitle, topics) = rng.pick(&areas);
                writeln!(y, "  - id: {}-{a}\n    title: {}", slug(atitle), quoted(atitle)).ok();
                writeln!(y, "    topics: [{}]", topics.join(", ")).ok();
                writeln!(y, "    commitments:").ok();
                for _ in 0..rng.range(2, 7) {
                    if written.commitments >= n {
                        break;
                    }
                    let text = sentence(&mut rng, &pool);
                    written.text_bytes += text.len();
                    written.commitments += 1;
                    writeln!(y, "      - {}", quoted(&text)).ok();
                }
            }
            std::fs::write(dir.join(format!("{pid}-m{meeting}.yaml")), y)?;
            written.files += 1;
        }
        partnership += 1;
    }
    Ok(written)
}
