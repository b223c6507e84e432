//! Words and punctuation of a text as the importer weighs them: where a
//! line or sentence ends, title case and capitals, word counts, and whether
//! a file is text at all.

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

#[cfg(test)]
mod tests {
    use super::*;

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
