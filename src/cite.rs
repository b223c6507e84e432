//! Citations of commitments, areas and meetings, in the form a report
//! quotes them, and the OSC 52 sequence that puts text on the clipboard
//! through the terminal (it works over SSH, where no local clipboard is).
//!
//! A commitment reads:
//! `“text” — Statement title, 1 December 2025 (2025-12-01), Quantum, eu-sg-dp/2025-12-01/quantum/2`.

use crate::model::{Area, Commitment, Corpus, Date, Meeting, Node, NodePath};

/// The largest text [`osc52`] sends. Terminals cap what they accept, some at
/// about 100 000 characters of encoded text; 74 000 bytes encode to fewer.
/// A whole area is a few kilobytes.
pub const MAX_CLIPBOARD_BYTES: usize = 74_000;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "1 December 2025".
pub fn long_date(date: Date) -> String {
    let month = MONTHS
        .get(usize::from(date.month()).saturating_sub(1))
        .copied()
        .unwrap_or("");
    format!("{} {month} {}", date.day(), date.year())
}

/// The citation of the node at `path`: a commitment, a whole area, or a
/// meeting. A partnership has no single statement to cite, so `None`.
pub fn cite(corpus: &Corpus, path: NodePath) -> Option<String> {
    let id = corpus.id_of(path)?;
    Some(match corpus.get(path)? {
        Node::Commitment(_, m, a, _, c) => commitment(m, a, c, &id),
        Node::Area(_, m, a) => area(m, a, &id),
        Node::Meeting(_, m) => {
            let place = m.place.as_deref().map(|p| format!(", {p}")).unwrap_or_default();
            format!("{}, {}{place}, {id}{}", m.title, when(m), address(m))
        }
        // A section is cited as a part of its statement, by its path.
        Node::Section(_, m, s, _) => {
            let path = Meeting::section_path(&m.sections(), s).join(" › ");
            format!("{path} — {}, {}, {id}{}", m.title, when(m), address(m))
        }
        Node::Partnership(_) => return None,
    })
}

/// The citation of the node at `path` on one line: a commitment's, an
/// area's heading line (statement title, date, id), a meeting's.
pub fn one_line(corpus: &Corpus, path: NodePath) -> Option<String> {
    cite(corpus, path)?.lines().next().map(str::to_string)
}

/// `“text” — title, date (iso), area, id, address`.
fn commitment(m: &Meeting, a: &Area, c: &Commitment, id: &str) -> String {
    format!(
        "“{}” — {}, {}, {}, {id}{}",
        quoted(&with_subject(m, &c.text)),
        m.title,
        when(m),
        a.title,
        address(m)
    )
}

/// ", https://…": the statement's public address, when its file gives one,
/// so that a reader of the quote can find the original.
fn address(m: &Meeting) -> String {
    m.source
        .url
        .as_deref()
        .map(|u| format!(", {u}"))
        .unwrap_or_default()
}

/// The lead-in a statement's list of undertakings hangs from: its last
/// preamble paragraph when that is a short fragment ending in a colon
/// ("The EU and Singapore:"), whose items each finish the sentence.
pub fn lead_in(m: &Meeting) -> Option<&str> {
    let last = m.preamble.last()?.text.trim();
    let subject = last.strip_suffix(':')?.trim();
    let words = subject.split_whitespace().count();
    // A whole sentence that happens to end in a colon introduces the list
    // but is not the subject of its items.
    (1..=8).contains(&words).then_some(subject)
}

/// Words that open a sentence with a subject of its own: determiners and
/// pronouns that start one ("The two sides", "We"), and prepositions that
/// start an introductory phrase before it ("In 2024, the EU ..."). A list
/// item that finishes the lead-in's sentence opens with its verb instead.
const SUBJECT_OPENERS: &[&str] = &[
    "the", "we", "they", "both", "our", "their", "this", "these", "those", "it", "a", "an", "each", "all",
    "in", "on", "to", "as", "with", "under", "through",
];

/// `text` with the lead-in it continues, in brackets, so that the quote
/// stands alone: "[The EU and Singapore] Intend to explore …". Text that
/// opens with a subject of its own (or with the lead-in) is left as it is.
pub fn with_subject(m: &Meeting, text: &str) -> String {
    let Some(subject) = lead_in(m) else {
        return text.to_string();
    };
    let first = text.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    let lead_first = subject.split_whitespace().next().unwrap_or("").to_lowercase();
    if first.is_empty() || SUBJECT_OPENERS.contains(&lower.as_str()) || lower == lead_first {
        return text.to_string();
    }
    format!("[{subject}] {text}")
}

/// The heading line, then each commitment quoted with its own id, so that
/// any one of them can be traced back.
fn area(m: &Meeting, a: &Area, id: &str) -> String {
    let mut out = format!("{} — {}, {}, {id}{}", a.title, m.title, when(m), address(m));
    for (i, c) in a.commitments.iter().enumerate() {
        // `id` is the area's: a commitment's id adds its number.
        out.push_str(&format!(
            "\n{}. “{}” ({id}/{})",
            i + 1,
            quoted(&with_subject(m, &c.text)),
            i + 1
        ));
    }
    out
}

/// The date as the statement prints it (or spelled out), then the ISO date.
fn when(m: &Meeting) -> String {
    let written = m
        .dateline
        .as_ref()
        .map_or_else(|| long_date(m.date), |d| d.text.clone());
    format!("{written} ({})", m.date)
}

/// Text to go inside “…”: double quotes within it become single ones, as
/// style guides set a quotation inside a quotation; every word is kept.
fn quoted(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '“' => '‘',
            '”' => '’',
            '"' => '\'',
            c => c,
        })
        .collect()
}

/// Why text was not sent to the clipboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLong {
    /// Size of the text in bytes.
    pub bytes: usize,
}

impl std::fmt::Display for TooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} bytes is more than terminals accept on the clipboard ({MAX_CLIPBOARD_BYTES})",
            self.bytes
        )
    }
}

/// The OSC 52 sequence that sets the clipboard to `text`:
/// `ESC ] 52 ; c ; <base64 of text> BEL`. The text is made harmless first
/// ([`crate::output::harmless`]): a citation is pasted into other programs
/// and terminals, where an escape sequence from a statement would act.
pub fn osc52(text: &str) -> Result<String, TooLong> {
    let text = crate::output::harmless(text);
    if text.len() > MAX_CLIPBOARD_BYTES {
        return Err(TooLong { bytes: text.len() });
    }
    Ok(format!("\x1b]52;c;{}\x07", base64(text.as_bytes())))
}

/// Standard base64 with padding (RFC 4648 §4). Written here rather than
/// taken from a crate: encoding is all OSC 52 needs, and it is twenty lines
/// checked against the RFC's test vectors.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::{self, LoadOptions};

    fn cite_id(id: &str) -> Option<String> {
        let corpus = loader::load(&LoadOptions::embedded_only()).corpus;
        cite(&corpus, corpus.resolve(id)?)
    }

    #[test]
    fn a_commitment_citation() {
        assert_eq!(
            cite_id("eu-sg-dp/2025-12-01/quantum/2").unwrap(),
            "“[The EU and Singapore] Intend to explore collaboration in research & development, standards and interoperability, and to deepen ecosystem engagements in the domains of quantum technologies, focusing on quantum communication.” — Joint Statement of the Second Meeting of the European Union – Singapore Digital Partnership Council, 1 December 2025 (2025-12-01), Quantum, eu-sg-dp/2025-12-01/quantum/2"
        );
        // No date line in the US statement: the date is spelled out.
        assert_eq!(
            cite_id("us-sg-cet/2023-10-12/defense-innovation/3").unwrap(),
            "“This partnership will drive focused efforts toward better integrating our defense innovation ecosystems in service of stability in the Indo-Pacific and beyond.” — U.S.-Singapore Critical and Emerging Technology Dialogue: Joint Vision Statement, 12 October 2023 (2023-10-12), Defense Innovation, us-sg-cet/2023-10-12/defense-innovation/3, https://www.whitehouse.gov/briefing-room/statements-releases/2023/10/12/u-s-singapore-critical-and-emerging-technology-dialogue-joint-vision-statement/"
        );
    }

    #[test]
    fn quotes_inside_a_quotation_become_single() {
        let c = cite_id("eu-sg-dp/2025-12-01/cybersecurity/3").unwrap();
        assert!(
            c.contains("the ‘Global Mechanism on developments in the field of ICTs"),
            "{c}"
        );
        assert_eq!(c.matches('“').count(), 1);
        assert_eq!(c.matches('”').count(), 1);
    }

    #[test]
    fn an_area_citation_lists_its_commitments_with_ids() {
        let c = cite_id("us-sg-cet/2023-10-12/defense-innovation").unwrap();
        let lines: Vec<&str> = c.lines().collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(
            lines[0],
            "Defense Innovation — U.S.-Singapore Critical and Emerging Technology Dialogue: Joint Vision Statement, 12 October 2023 (2023-10-12), us-sg-cet/2023-10-12/defense-innovation, https://www.whitehouse.gov/briefing-room/statements-releases/2023/10/12/u-s-singapore-critical-and-emerging-technology-dialogue-joint-vision-statement/"
        );
        assert!(lines[2].starts_with("2. “To wit, MINDEF and U.S. DoD’s Defense Innovation Unit (DIU)"));
        assert!(lines[3].ends_with("and beyond.” (us-sg-cet/2023-10-12/defense-innovation/3)"));
    }

    #[test]
    fn meetings_cite_and_partnerships_do_not() {
        assert_eq!(
            cite_id("eu-sg-dp/2025-12-01").unwrap(),
            "Joint Statement of the Second Meeting of the European Union – Singapore Digital Partnership Council, 1 December 2025 (2025-12-01), Brussels, eu-sg-dp/2025-12-01"
        );
        assert_eq!(cite_id("eu-sg-dp"), None);
    }

    #[test]
    fn a_commitment_that_finishes_the_lead_in_is_quoted_with_it_in_brackets() {
        // "The EU and Singapore:" heads the EU statement's list; each item
        // finishes its sentence.
        let c = cite_id("eu-sg-dp/2025-12-01/ai/1").unwrap();
        assert!(c.starts_with("“[The EU and Singapore] "), "{c}");
        let area = cite_id("eu-sg-dp/2025-12-01/quantum").unwrap();
        assert!(
            area.contains("1. “[The EU and Singapore] Intend to exchange views"),
            "{area}"
        );
        // The US statement's items have subjects of their own.
        let us = cite_id("us-sg-cet/2023-10-12/quantum/1").unwrap();
        assert!(!us.contains('['), "{us}");
    }

    #[test]
    fn long_dates() {
        let d = |s: &str| long_date(s.parse().unwrap());
        assert_eq!(d("2023-10-12"), "12 October 2023");
        assert_eq!(d("2024-01-05"), "5 January 2024");
    }

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
        assert_eq!(base64(&[0xfb, 0xff, 0xbf]), "+/+/");
        assert_eq!(base64("“q”".as_bytes()), "4oCcceKAnQ==");
    }

    #[test]
    fn osc52_wraps_base64_and_refuses_huge_text() {
        assert_eq!(osc52("hi").unwrap(), "\x1b]52;c;aGk=\x07");
        let huge = "x".repeat(MAX_CLIPBOARD_BYTES + 1);
        assert_eq!(
            osc52(&huge),
            Err(TooLong {
                bytes: MAX_CLIPBOARD_BYTES + 1
            })
        );
        assert!(osc52(&huge[1..]).is_ok());
    }
}
