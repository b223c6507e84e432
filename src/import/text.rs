//! The raw text of a statement, cut into lines, each with the text it
//! contributes once its markup is removed and the shape that hints at its role.
//!
//! A line's text is computed by the fidelity normaliser itself
//! ([`fidelity::strip_line_markup`]), so that whatever the importer builds
//! from these texts compares equal to the source by construction.

use crate::loader::fidelity::{self, Markup, collapse};

/// The kind of list marker that opens a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// `-`, `*`, `+`, `•` and the like.
    Bullet,
    /// `1.`, `(2)`, `3)`.
    Number,
    /// `a)`, `(b)`, `C.`, `iv.`, `XII.`.
    Alpha,
}

/// One source line.
#[derive(Debug, Clone)]
pub struct Line {
    /// 1-based line number in the file.
    pub number: usize,
    /// Leading white space, in columns (a tab counts four).
    pub indent: usize,
    /// Markdown heading level (`##` is 2); 0 when the line is no heading.
    pub hashes: usize,
    /// The list marker that opens the line, if any.
    pub marker: Option<Marker>,
    /// What follows the heading marks and the list marker, markup still in.
    pub body: String,
    /// The line's text with its markup removed and white space collapsed.
    pub text: String,
}

impl Line {
    /// Whether the line holds no text (white space, or only an end mark).
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// A source split into its front matter and its lines.
#[derive(Debug, Default)]
pub struct Document {
    /// The `title` of the YAML front matter (markdown only).
    pub front_title: Option<String>,
    /// The front matter as a YAML value, for the date, place and address.
    pub front: Option<serde_yaml::Value>,
    /// The lines after the front matter.
    pub lines: Vec<Line>,
}

/// Splits `text` as the fidelity normaliser does (same line breaks, same
/// front matter rule), keeping for each line its shape and its text.
pub fn split(text: &str, markup: Markup) -> Document {
    let source = fidelity::split_source(text, markup);
    let mut doc = Document::default();
    if let Some(front) = source.front {
        doc.front = crate::loader::yaml::from_str(&front.text).ok();
        doc.front_title = doc.front.as_ref().and_then(fidelity::front_matter_title);
    }
    for (number, raw) in source.lines {
        doc.lines.push(shape(number as usize, raw, markup));
    }
    doc
}

/// The shape of one line, following the steps of [`fidelity::strip_line_markup`].
fn shape(number: usize, raw: &str, markup: Markup) -> Line {
    let indent = raw
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    let (unescaped, hashes) = fidelity::unescape_heading(raw, markup);
    let text = collapse(&fidelity::strip_after_heading(&unescaped, hashes, markup));
    let rest = unescaped[hashes..].trim_start();
    let marker = fidelity::list_marker_len(rest).map(|n| marker_kind(&rest[..n]));
    let body = fidelity::strip_list_marker(rest).to_string();
    Line {
        number,
        indent,
        hashes,
        marker,
        body,
        text,
    }
}

fn marker_kind(marker: &str) -> Marker {
    let label = marker.trim_matches(['(', ')', '.']);
    if label.bytes().all(|b| b.is_ascii_digit()) {
        Marker::Number
    } else if label.bytes().all(|b| b.is_ascii_alphabetic()) {
        Marker::Alpha
    } else {
        Marker::Bullet
    }
}

/// Closing quotes and brackets that may follow the last mark of a sentence.
pub const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»', '*', '_'];

/// The last character that is not a closing quote or bracket.
fn last_mark(s: &str) -> Option<char> {
    s.trim_end_matches(CLOSERS).chars().next_back()
}

/// Whether a line ends where a sentence or a lead-in ends, so that the next
/// line cannot be its hard-wrapped continuation.
pub fn ends_terminal(s: &str) -> bool {
    matches!(last_mark(s), Some('.' | '!' | '?' | ':' | ';' | '…'))
}

/// Whether a line ends with a colon (a lead-in such as "The EU and Singapore:").
pub fn ends_with_colon(s: &str) -> bool {
    last_mark(s) == Some(':')
}

/// Whether a line stops where no heading or sentence stops: on a comma, a
/// dash or a small word ("... took place in Tokyo on").
pub fn ends_open(s: &str) -> bool {
    let last = s.split_whitespace().next_back().unwrap_or("");
    last.ends_with([',', '-', '–', '—', '/', '(']) || SMALL_WORDS.contains(&last.to_lowercase().as_str())
}

/// Words a title leaves in lower case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "via",
    "vs", "with", "&",
];

/// The words of `s` that hold a letter.
fn lettered_words(s: &str) -> impl Iterator<Item = &str> {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
}

/// Whether the first letter of `word` is upper case.
fn capitalised(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// "Online Safety and Tackling Scams": every word capitalised but the small ones.
pub fn is_title_case(s: &str) -> bool {
    let mut words = lettered_words(s).peekable();
    let Some(first) = words.peek() else {
        return false;
    };
    capitalised(first)
        && words.all(|w| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
            capitalised(w) || SMALL_WORDS.contains(&bare.to_lowercase().as_str())
        })
}

/// "QUANTUM TECHNOLOGIES": letters all upper case, at least two of them.
pub fn is_all_caps(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Whether the first letter of `s` is upper case (sentence case).
pub fn starts_capitalised(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| !c.is_lowercase())
}

/// The number of words.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Whether the text looks like binary data rather than a statement: NUL
/// bytes, or many control characters.
pub fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(64 * 1024).collect();
    let controls = sample
        .iter()
        .filter(|&&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    sample.contains(&'\0') || controls * 20 > sample.len()
}

/// Whether a text read as plain looks like markdown (front matter, `#`
/// headings or `**` emphasis), so that its name, not its content, decided.
pub fn looks_like_markdown(doc: &Document) -> bool {
    doc.lines
        .first()
        .is_some_and(|l| l.body.trim_end() == "---" && l.marker.is_none())
        || doc.lines.iter().take(2000).any(|l| {
            let t = l.body.trim_start();
            t.starts_with("# ") || t.starts_with("## ") || t.starts_with("**") || t.starts_with("__")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_shape_and_text() {
        let d = split(
            "---\ntitle: \"T\"\ndate: '2023-10-12'\n---\n## 1. Heading\n-   **AI:** text\n    more\n",
            Markup::Markdown,
        );
        assert_eq!(d.front_title.as_deref(), Some("T"));
        assert_eq!(d.lines.len(), 3);
        assert_eq!(d.lines[0].number, 5);
        assert_eq!(d.lines[0].hashes, 2);
        assert_eq!(d.lines[0].marker, Some(Marker::Number));
        assert_eq!(d.lines[0].text, "Heading");
        assert_eq!(d.lines[1].marker, Some(Marker::Bullet));
        assert_eq!(d.lines[1].body, "**AI:** text");
        assert_eq!(d.lines[1].text, "AI text");
        assert_eq!(d.lines[2].indent, 4);
    }

    #[test]
    fn crlf_and_no_break_spaces_are_white_space() {
        let d = split("\u{feff}Title\r\n\u{a0} \r\nOne\u{a0} two\r\n", Markup::Plain);
        assert_eq!(d.lines[0].text, "Title");
        assert!(d.lines[1].is_blank());
        assert_eq!(d.lines[2].text, "One two");
    }

    #[test]
    fn line_ends() {
        assert!(ends_terminal("the order."));
        assert!(ends_terminal("the “Mechanism”)."));
        assert!(ends_terminal("The EU and Singapore:"));
        assert!(!ends_terminal("Artificial Intelligence (AI)"));
        assert!(!ends_terminal("steps forward—as friends and"));
        assert!(ends_open("steps forward—as friends and"));
        assert!(ends_open("took place in Tokyo on"));
        assert!(!ends_open("Online Safety and Tackling Scams"));
    }

    #[test]
    fn heading_cases() {
        assert!(is_title_case("Online Safety and Tackling Scams"));
        assert!(is_title_case("Artificial Intelligence (AI)"));
        assert!(is_title_case("Cross-Border Data Flows with Trust"));
        assert!(!is_title_case("The Participants intend to:"));
        assert!(is_all_caps("II. QUANTUM TECHNOLOGIES"));
        assert!(!is_all_caps("AI"[..1].as_ref()));
    }

    #[test]
    fn binary_is_recognised() {
        assert!(looks_binary("PK\u{3}\u{4}\0\0"));
        assert!(!looks_binary("A statement.\r\n\tWith tabs.\n"));
    }
}
