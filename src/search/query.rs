//! A typed query, split into the terms that must each match on their own.

use fuzzy_matcher::FuzzyMatcher;

use super::fold::Folded;
use super::mask::Mask;

/// One space-separated word of a query.
#[derive(Debug, Clone)]
pub struct Term {
    /// The word as typed.
    pub(crate) text: String,
    /// The word as compared: diacritics folded (see [`super::fold`]) and
    /// ASCII-lowercased unless the term is case-sensitive. Its bytes are
    /// what the prefilter looks for, in order.
    pub(crate) folded: String,
    /// Smart case: an ASCII capital (after folding) makes the term
    /// case-sensitive, as SkimMatcherV2 decides it.
    pub(crate) case_sensitive: bool,
    /// Letters and digits in the term.
    pub(crate) letters: usize,
    /// SkimMatcherV2's score of the term against itself: what scattered
    /// letters are measured against.
    pub(crate) skim_ideal: i32,
    /// The bytes of the term (see [`super::mask`]).
    pub(crate) mask: Mask,
    /// Position in `folded` of the byte rarest in English prose: words are
    /// found by searching for it, which stops least often.
    anchor: usize,
}

/// ASCII letters from the most to the least frequent in English prose.
const BY_FREQUENCY: &[u8; 26] = b"etaoinshrdlcumwfgypbvkjxqz";

/// How rare byte `b` is likely to be in prose: higher is rarer. Digits,
/// punctuation and non-ASCII bytes count as fairly rare.
fn rarity(b: u8) -> usize {
    BY_FREQUENCY
        .iter()
        .position(|&c| c == b.to_ascii_lowercase())
        .unwrap_or(20)
}

impl Term {
    fn new(text: &str) -> Term {
        let folded = Folded::new(text, false).text;
        let case_sensitive = folded.bytes().any(|b| b.is_ascii_uppercase());
        let folded = if case_sensitive {
            folded
        } else {
            folded.to_ascii_lowercase()
        };
        // A matcher of its own: SkimMatcherV2 (fuzzy-matcher 0.3.7) keeps
        // cells of earlier calls in its cached matrix, and a short self-match
        // read them ("nnsai" scored 123 after some typing, 111 fresh), so the
        // same query typed and searched anew ranked differently (its
        // `use_cache(false)` panics instead; skim-rs/skim#1071 is the same
        // bug in skim). Words are scored with the shared matcher: no such
        // difference was found over a statement's words and twelve terms.
        let skim_ideal = super::matcher()
            .fuzzy_match(&folded, &folded)
            .map_or(i32::MAX, |s| i32::try_from(s).unwrap_or(i32::MAX));
        let needle = folded.as_bytes();
        let anchor = (0..needle.len()).max_by_key(|&i| rarity(needle[i])).unwrap_or(0);
        Term {
            text: text.to_string(),
            mask: super::mask::of(&folded),
            letters: folded.chars().filter(|c| c.is_alphanumeric()).count(),
            folded,
            case_sensitive,
            skim_ideal,
            anchor,
        }
    }

    /// Where `b` (a needle byte) first occurs in `hay`, either case when
    /// the term ignores case.
    fn find(&self, b: u8, hay: &[u8]) -> Option<usize> {
        if !self.case_sensitive && b.is_ascii_lowercase() {
            memchr::memchr2(b, b.to_ascii_uppercase(), hay)
        } else {
            memchr::memchr(b, hay)
        }
    }

    /// Where the term's rarest byte (its anchor) first occurs in `hay`.
    pub(crate) fn find_anchor(&self, hay: &[u8]) -> Option<usize> {
        self.find(*self.folded.as_bytes().get(self.anchor)?, hay)
    }

    /// Whether the term's bytes occur in order in `word` (a plain loop: a
    /// word is too short for SIMD search to pay).
    pub(crate) fn in_word(&self, word: &[u8]) -> bool {
        let mut want = self.folded.as_bytes().iter();
        let Some(mut next) = want.next() else {
            return true;
        };
        for &b in word {
            let b = if self.case_sensitive {
                b
            } else {
                b.to_ascii_lowercase()
            };
            if b == *next {
                match want.next() {
                    Some(n) => next = n,
                    None => return true,
                }
            }
        }
        false
    }
}

/// A parsed query: its terms in the order typed.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// The text as typed.
    pub(crate) raw: String,
    /// Non-empty space-separated words.
    pub(crate) terms: Vec<Term>,
    /// The bytes of every term.
    pub(crate) mask: Mask,
}

impl Query {
    /// Splits `raw` on white space into terms.
    pub fn parse(raw: &str) -> Query {
        let terms: Vec<Term> = raw.split_whitespace().map(Term::new).collect();
        Query {
            raw: raw.to_string(),
            mask: terms.iter().fold(0, |m, t| m | t.mask),
            terms,
        }
    }

    /// Whether nothing but white space was typed.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether every candidate matching `self` also matched `earlier`, so
    /// that only `earlier`'s matches need scoring: true when `self` was
    /// typed by appending to `earlier`. Appending either lengthens the last
    /// term (a longer subsequence, or case-sensitive where it was not: both
    /// stricter) or adds terms (one more condition).
    pub fn narrows(&self, earlier: &Query) -> bool {
        self.raw.starts_with(&earlier.raw) && !earlier.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(t: &str) -> Term {
        Term::new(t)
    }

    #[test]
    fn prefilter_is_case_insensitive_for_lowercase_terms_only() {
        // "m" is the rarest letter of "scam".
        assert_eq!(term("scam").find_anchor(b"financial ScaMs"), Some(13));
        assert_eq!(term("Scam").find_anchor(b"financial scaMs"), None);
        assert!(term("scam").in_word(b"SCAMS"));
        assert!(!term("Scam").in_word(b"scams"));
        assert!(!term("scam").in_word(b"macs"));
    }

    #[test]
    fn prefilter_handles_multibyte_characters() {
        assert!(term("eu’s").in_word("EU’s".as_bytes()));
        assert!(!term("eu’s").in_word("EU's".as_bytes()));
    }

    #[test]
    fn terms_split_on_white_space() {
        let q = Query::parse("  post   quantum ");
        let words: Vec<&str> = q.terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(words, ["post", "quantum"]);
        assert!(Query::parse("   ").is_empty());
    }

    #[test]
    fn only_appending_narrows() {
        let q = |s: &str| Query::parse(s);
        assert!(q("qu").narrows(&q("q")));
        assert!(q("quantum c").narrows(&q("quantum")));
        assert!(q("quantum c").narrows(&q("quantum ")));
        assert!(!q("q").narrows(&q("qu")));
        assert!(!q("xquantum").narrows(&q("quantum")));
        assert!(!q("q").narrows(&q("")));
    }

    #[test]
    fn skim_ideal_is_the_self_match() {
        let t = term("quantum");
        for word in ["quantum", "Quantum", "quantums", "(quantum)", "QUANTUM"] {
            let s = super::super::matcher().fuzzy_match(word, "quantum").unwrap_or(0);
            assert!(s <= i64::from(t.skim_ideal), "{word}: {s} > {}", t.skim_ideal);
        }
    }

    #[test]
    fn terms_fold_diacritics_and_keep_what_was_typed() {
        let t = term("Côte");
        assert_eq!(
            (t.text.as_str(), t.folded.as_str(), t.case_sensitive),
            ("Côte", "Cote", true)
        );
        let t = term("türkiye");
        assert_eq!((t.folded.as_str(), t.case_sensitive), ("turkiye", false));
        assert!(t.in_word(b"turkiye") && t.in_word(b"TURKIYE"));
        assert_eq!(t.letters, 7);
    }
}
