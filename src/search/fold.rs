//! Folding away diacritics, so that "turkiye" finds "Türkiye" and "cote"
//! finds "Côte", while the original text is what is shown and highlighted.
//!
//! Only letters of the Latin script are folded (to what deunicode gives:
//! "ü" is "u", "ß" is "ss", "Ø" is "O"), and combining accents are dropped;
//! punctuation and other scripts are left alone, so a curly apostrophe
//! stays one and Greek is not turned into Latin.

/// Combining diacritical marks: a decomposed "é" is "e" and one of these.
const COMBINING: std::ops::RangeInclusive<char> = '\u{300}'..='\u{36f}';

/// What `c` folds to: `Some("")` for a combining accent, `Some(letters)` for
/// a Latin letter with a diacritic (or a ligature), `None` when it stays.
pub(crate) fn fold_char(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        return None;
    }
    if COMBINING.contains(&c) {
        return Some("");
    }
    let latin = matches!(c, '\u{c0}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}');
    if !latin || !c.is_alphabetic() {
        return None;
    }
    deunicode::deunicode_char(c).filter(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// Whether `text` holds a character that folds.
pub(crate) fn folds(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(|c| fold_char(c).is_some())
}

/// A text folded for matching, with the way back to the original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Folded {
    /// The folded text: diacritics folded, ASCII letters lowercased when
    /// asked.
    pub(crate) text: String,
    /// For each byte of `text`, the byte offset in the original of the
    /// character it comes from.
    pub(crate) from: Vec<usize>,
}

impl Folded {
    /// Folds `original`, lowercasing ASCII letters when `lower`.
    pub(crate) fn new(original: &str, lower: bool) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut from = Vec::with_capacity(original.len());
        for (at, c) in original.char_indices() {
            let before = text.len();
            match fold_char(c) {
                Some(s) => text.push_str(s),
                None => text.push(c),
            }
            if lower {
                // ASCII lowercasing keeps every byte where it was.
                text[before..].make_ascii_lowercase();
            }
            from.resize(text.len(), at);
        }
        Folded { text, from }
    }
}

/// `text` folded and with ASCII letters lowercased, for comparisons that
/// ignore case and diacritics.
pub fn fold_lower(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    Folded::new(text, true).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_letters_lose_their_diacritics_and_the_rest_stays() {
        assert_eq!(fold_lower("Türkiye"), "turkiye");
        assert_eq!(fold_lower("Côte d’Ivoire"), "cote d’ivoire");
        assert_eq!(fold_lower("Straße"), "strasse");
        assert_eq!(fold_lower("Ørsted"), "orsted");
        // Decomposed: "e" and a combining acute accent.
        assert_eq!(fold_lower("Se\u{301}ne\u{301}gal"), "senegal");
        // Punctuation and other scripts are not Latin letters.
        assert_eq!(fold_lower("EU’s – “Ελλάδα”"), "eu’s – “Ελλάδα”");
        assert!(folds("Türkiye") && !folds("EU’s") && !folds("plain"));
    }

    #[test]
    fn folded_offsets_lead_back_to_the_original_characters() {
        let f = Folded::new("Straße ü", true);
        assert_eq!(f.text, "strasse u");
        // "ss" both come from "ß" at byte 4; "u" from "ü" at byte 8.
        assert_eq!(f.from, [0, 1, 2, 3, 4, 4, 6, 7, 8]);
        let d = Folded::new("Ce\u{301}", false);
        assert_eq!(d.text, "Ce");
        assert_eq!(d.from, [0, 1]);
    }
}
