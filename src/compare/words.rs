//! Words of a text as the comparison sees them.
//!
//! A word is a run of letters and digits; case is folded, and so is a plural
//! `-s`/`-ies`, so that "Semiconductors" and "semiconductor" are one word. A
//! possessive `’s` is not a word. Keyword matching, topic inference and text
//! similarity all read texts through [`each_word`], so they agree on what a
//! word is.

/// Calls `f(lower, folded)` for each word of `text`, in order: `lower` is the
/// word in lowercase, `folded` the same with a plural ending folded.
pub fn each_word(text: &str, mut f: impl FnMut(&str, &str)) {
    each_span(text, |_, lower, folded| f(lower, folded));
}

/// As [`each_word`], with the byte range of each word in `text`, so that a
/// caller can look at the word as written (its capitals).
pub fn each_span(text: &str, mut f: impl FnMut(std::ops::Range<usize>, &str, &str)) {
    let mut lower = String::new();
    let mut folded = String::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    // Word boundaries are found on bytes, decoding only non-ASCII characters:
    // this runs over every commitment of the corpus at start-up.
    let char_at = |i: usize| -> (bool, usize) {
        match bytes[i] {
            b if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
            _ => text[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
        }
    };
    while i < bytes.len() {
        let (alnum, len) = char_at(i);
        if !alnum {
            i += len;
            continue;
        }
        let start = i;
        i += len;
        while i < bytes.len() {
            let (alnum, len) = char_at(i);
            if !alnum {
                break;
            }
            i += len;
        }
        let word = &text[start..i];
        if word == "s" && text[..start].ends_with(['\'', '’']) {
            continue;
        }
        lower.clear();
        if word.is_ascii() {
            lower.push_str(word);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        let folded = fold_plural(&lower, &mut folded);
        f(start..i, &lower, folded);
    }
}

/// The folded words of `text`, for callers that need them side by side.
pub fn folded_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    each_word(text, |_, folded| out.push(folded.to_string()));
    out
}

/// Folds an English plural to its singular well enough for matching:
/// "technologies" → "technology", "chips" → "chip". Words ending in -ss, -us
/// and -is ("across", "focus", "analysis") are left alone, and so are short
/// words, where a final s is rarely a plural. `buf` holds the result when it
/// is not a prefix of `w`.
fn fold_plural<'a>(w: &'a str, buf: &'a mut String) -> &'a str {
    if w.len() > 4 && w.ends_with("ies") {
        buf.clear();
        buf.push_str(&w[..w.len() - 3]);
        buf.push('y');
        buf
    } else if w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        &w[..w.len() - 1]
    } else {
        w
    }
}

/// Derivational endings [`stem`] takes off, longest first within each
/// family, paired with what replaces them.
const SUFFIXES: [(&str, &str); 37] = [
    ("ifications", "if"),
    ("ification", "if"),
    ("izations", ""),
    ("isations", ""),
    ("ization", ""),
    ("isation", ""),
    ("ational", "at"),
    ("iveness", ""),
    ("ified", "if"),
    ("ating", ""),
    ("ated", ""),
    ("ations", ""),
    ("ation", ""),
    ("ments", ""),
    ("ment", ""),
    ("ities", ""),
    ("ness", ""),
    ("ical", ""),
    ("ally", ""),
    ("ence", ""),
    ("ance", ""),
    ("ings", ""),
    ("ing", ""),
    ("ity", ""),
    ("ive", ""),
    ("ise", ""),
    ("ize", ""),
    ("ify", "if"),
    ("ate", ""),
    ("ion", ""),
    ("ent", ""),
    ("ant", ""),
    ("ial", ""),
    ("ed", ""),
    ("al", ""),
    ("ly", ""),
    ("y", ""),
];

/// The letters a stem keeps at least: shorter words are left whole, so
/// that "data" or "used" do not shrink to nothing.
pub const MIN_STEM: usize = 4;

/// A light stem of a folded word, so that the forms of one word meet:
/// "resilient" and "resilience", "certification" and "certify",
/// "standardization" and "standard", "exchanging" and "exchange". One
/// ending is taken off (the longest that leaves [`MIN_STEM`] letters), then
/// a final "e". It is cruder than a full stemmer and errs towards keeping
/// words apart: comparing two texts needs forms to meet more than it needs
/// linguistic roots.
pub fn stem(folded: &str) -> String {
    let mut w = folded;
    let mut tail = "";
    if folded.is_ascii() {
        for (suffix, replace) in SUFFIXES {
            if let Some(root) = folded.strip_suffix(suffix)
                && root.len() >= MIN_STEM
            {
                w = root;
                tail = replace;
                break;
            }
        }
    }
    let mut out = String::with_capacity(w.len() + tail.len());
    out.push_str(w);
    out.push_str(tail);
    if out.len() > MIN_STEM && out.ends_with('e') {
        out.pop();
    }
    out
}

/// Whether a lowercase word carries no meaning of its own for comparing two
/// texts: function words, and the boilerplate every joint statement repeats
/// ("the two sides", "including", "cooperation").
pub fn is_stop_word(lower: &str) -> bool {
    matches!(
        lower,
        "a" | "about"
            | "above"
            | "across"
            | "after"
            | "again"
            | "all"
            | "also"
            | "among"
            | "an"
            | "and"
            | "any"
            | "are"
            | "as"
            | "at"
            | "be"
            | "been"
            | "before"
            | "being"
            | "between"
            | "both"
            | "but"
            | "by"
            | "can"
            | "could"
            | "did"
            | "do"
            | "does"
            | "during"
            | "each"
            | "either"
            | "etc"
            | "for"
            | "from"
            | "further"
            | "furthermore"
            | "had"
            | "has"
            | "have"
            | "having"
            | "he"
            | "her"
            | "here"
            | "his"
            | "how"
            | "i"
            | "if"
            | "in"
            | "into"
            | "is"
            | "it"
            | "its"
            | "itself"
            | "may"
            | "more"
            | "most"
            | "much"
            | "must"
            | "no"
            | "nor"
            | "not"
            | "of"
            | "on"
            | "one"
            | "only"
            | "or"
            | "other"
            | "our"
            | "ours"
            | "out"
            | "over"
            | "own"
            | "same"
            | "shall"
            | "she"
            | "should"
            | "so"
            | "some"
            | "such"
            | "than"
            | "that"
            | "the"
            | "their"
            | "theirs"
            | "them"
            | "then"
            | "there"
            | "these"
            | "they"
            | "this"
            | "those"
            | "through"
            | "thus"
            | "to"
            | "too"
            | "toward"
            | "towards"
            | "under"
            | "until"
            | "up"
            | "upon"
            | "very"
            | "via"
            | "was"
            | "we"
            | "were"
            | "what"
            | "when"
            | "where"
            | "which"
            | "while"
            | "who"
            | "whom"
            | "why"
            | "will"
            | "with"
            | "within"
            | "would"
            | "you"
            | "your"
            // Boilerplate of joint statements: every area of every statement has them.
            | "additionally"
            | "collaboration"
            | "cooperation"
            | "countries"
            | "country"
            | "e"
            | "eg"
            | "finally"
            | "g"
            | "ie"
            | "including"
            | "intend"
            | "intends"
            | "joint"
            | "jointly"
            | "respective"
            | "s"
            | "side"
            | "sides"
            | "two"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowercased_split_and_folded() {
        assert_eq!(
            folded_words("Semiconductors, AI & R&D: Singapore’s cities' data-flows"),
            [
                "semiconductor",
                "ai",
                "r",
                "d",
                "singapore",
                "city",
                "data",
                "flow"
            ]
        );
        assert_eq!(
            folded_words("across focus analysis ICTs"),
            ["across", "focus", "analysis", "ict"]
        );
    }

    #[test]
    fn lower_keeps_the_unfolded_form() {
        let mut seen = Vec::new();
        each_word("Technologies agreed", |lower, folded| {
            seen.push((lower.to_string(), folded.to_string()))
        });
        assert_eq!(
            seen,
            [
                ("technologies".into(), "technology".into()),
                ("agreed".into(), "agreed".into())
            ]
        );
    }

    #[test]
    fn forms_of_a_word_share_a_stem() {
        for group in [
            &["resilient", "resilience"][..],
            &["certification", "certify", "certified"],
            &["standard", "standardization", "standardisation"],
            &["exchange", "exchanging", "exchanged"],
            &["evaluation", "evaluate", "evaluating"],
            &["protection", "protect", "protecting"],
            &["security", "secure"],
            &["technology", "technological"],
        ] {
            let stems: Vec<String> = group.iter().map(|w| stem(w)).collect();
            assert!(stems.iter().all(|s| *s == stems[0]), "{group:?}: {stems:?}");
        }
        // Short words and different words stay apart.
        assert_eq!(stem("data"), "data");
        assert_ne!(stem("private"), stem("privacy"));
        assert_ne!(stem("semiconductor"), stem("second"));
    }

    #[test]
    fn stop_words() {
        assert!(is_stop_word("the") && is_stop_word("including") && is_stop_word("sides"));
        assert!(!is_stop_word("quantum") && !is_stop_word("semiconductor"));
    }
}
