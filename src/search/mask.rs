//! Which bytes a text holds, folded into 32 bits.
//!
//! A text lacking any byte of a term cannot match it, and comparing two
//! 32-bit words is far cheaper than searching the text: a full search looks
//! at the text only when its mask holds every byte of the query. Four bytes
//! per candidate is the index's whole cost per commitment.
//!
//! Letters with diacritics count as the letters they fold to ("Türkiye"
//! holds a "u"), as queries are matched (see [`super::fold`]); one bit says
//! that a text has such letters, so that it is read word by word.

/// A byte mask.
pub(crate) type Mask = u32;

/// The bit set when a text holds a letter that folds ("ü", "ß").
pub(crate) const FOLDS: Mask = 1 << 31;

/// The bit standing for byte `b`, ASCII letters folded to lowercase: one
/// bit per letter (the letters are what queries are made of), digits
/// sharing two bits and every other byte three more ([`FOLDS`] is the
/// last).
pub(crate) const fn bit(b: u8) -> Mask {
    let b = b.to_ascii_lowercase();
    let n = match b {
        b'a'..=b'z' => b - b'a',
        b'0'..=b'9' => 26 + b % 2,
        _ => 28 + b % 3,
    };
    1 << n
}

/// [`bit`] of every byte, looked up rather than computed in the loop that
/// builds an index's masks.
const BITS: [Mask; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = bit(b as u8);
        b += 1;
    }
    table
};

/// The bits of every byte of `text`, and of the letters its letters with
/// diacritics fold to, with [`FOLDS`].
pub(crate) fn of(text: &str) -> Mask {
    let mask = text.bytes().fold(0, |m, b| m | BITS[b as usize]);
    if text.is_ascii() {
        return mask;
    }
    text.chars()
        .filter_map(super::fold::fold_char)
        .fold(mask, |m, folded| {
            m | FOLDS | folded.bytes().fold(0, |m, b| m | BITS[b as usize])
        })
}

/// Whether a text with mask `text` may hold every byte of mask `wanted`.
pub(crate) fn covers(text: Mask, wanted: Mask) -> bool {
    text & wanted == wanted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_agrees_with_bit() {
        for b in 0..=255u8 {
            assert_eq!(BITS[b as usize], bit(b));
        }
    }

    #[test]
    fn masks_fold_case_and_reject_missing_letters() {
        assert_eq!(of("Scam"), of("scam"));
        assert!(covers(of("Online Safety and Tackling Scams"), of("scam")));
        assert!(!covers(of("Quantum"), of("scam")));
        assert!(covers(of("EU’s"), of("’")));
        assert!(!covers(of("plain"), of("2025")));
        assert!(covers(of("in 2025"), of("25")));
    }

    #[test]
    fn letters_with_diacritics_count_as_their_letters() {
        assert!(covers(of("Türkiye"), of("turkiye")));
        assert!(covers(of("Côte"), of("cote")));
        assert!(covers(of("Straße"), of("strasse")));
        assert_ne!(of("Türkiye") & FOLDS, 0);
        // Punctuation outside ASCII folds to nothing.
        assert_eq!(of("EU’s") & FOLDS, 0);
        assert_eq!(of("plain") & FOLDS, 0);
    }
}
