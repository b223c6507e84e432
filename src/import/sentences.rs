//! Cutting a paragraph into sentences, the commitments of a paragraph-style area.
//!
//! A sentence ends at `.`, `!` or `?` (and any closing quotes or brackets)
//! followed by a space and a capital, a digit or an opening quote, except
//! after an abbreviation ("Dr.", "e.g.", "Jr."), an initial ("R.") or a
//! dotted acronym ("U.S.", "D.C."): those are followed by capitals too.

use super::text::CLOSERS;

/// Abbreviations that end with a period but rarely end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Jr", "Sr", "Hon", "Rev", "Gen", "Gov", "Sen", "Rep", "Amb", "Lt",
    "Col", "Capt", "Sgt", "Mt", "No", "Nos", "Art", "Arts", "para", "paras", "cf", "vs", "Inc", "Ltd", "Co",
    "Corp", "Dept", "Fig", "approx", "ca", "viz", "al", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Splits collapsed text (single spaces) into sentences. Joined with single
/// spaces, the sentences give back the text exactly.
pub fn split(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices(' ') {
        let before = &text[start..i];
        let after = &text[i + 1..];
        let ends = ends_sentence(before) || (ends_with_dotted_acronym(before) && opens_clause(after));
        if i > start && ends && begins_sentence(after) {
            out.push(&text[start..i]);
            start = i + 1;
        }
    }
    if start < bytes.len() {
        out.push(&text[start..]);
    }
    out
}

/// As [`split`], each sentence with its byte offset in `text`.
pub fn split_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let base = text.as_ptr() as usize;
    split(text)
        .into_iter()
        .map(move |s| (s.as_ptr() as usize - base, s))
}

/// Whether `before` (the text up to a space) ends a sentence.
fn ends_sentence(before: &str) -> bool {
    let word = before.rsplit(' ').next().unwrap_or(before);
    let bare = word.trim_end_matches(CLOSERS);
    let Some(last) = bare.chars().next_back() else {
        return false;
    };
    match last {
        '!' | '?' => true,
        '.' => !is_abbreviation(&bare[..bare.len() - 1]),
        _ => false,
    }
}

/// Whether `word` (without its final period) is an abbreviation, an
/// initial or a dotted acronym.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '[', '"', '\'', '“', '‘']);
    // "EU-U.S.": the acronym after the hyphen decides.
    let word = word.rsplit(['-', '–', '/']).next().unwrap_or(word);
    if word.is_empty() {
        return false;
    }
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    // "R", "U.S", "D.C", "e.g", "i.e": single letters joined by periods.
    word.split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

/// "Washington, D.C.", "the U.S.": a dotted acronym of two letters or more.
fn ends_with_dotted_acronym(before: &str) -> bool {
    let word = before.rsplit(' ').next().unwrap_or(before);
    word.len() >= 4
        && word.ends_with('.')
        && word[..word.len() - 1]
            .split('.')
            .all(|p| p.len() == 1 && p.bytes().all(|b| b.is_ascii_uppercase()))
}

/// Words that open a sentence and never follow "U.S." or "D.C." within one
/// ("... in Washington, D.C. The event ..." is two sentences).
fn opens_clause(after: &str) -> bool {
    const STARTERS: &[&str] = &[
        "The", "This", "These", "We", "They", "It", "Our", "In", "Both", "Together",
    ];
    let first = after.split(' ').next().unwrap_or("");
    STARTERS.contains(&first)
}

/// Whether `after` (the text after a space) can open a sentence.
fn begins_sentence(after: &str) -> bool {
    // "(b) The two sides ...": a numbered point opens a sentence.
    if let Some(inner) = after.strip_prefix('(')
        && let Some(close) = inner.find(") ")
        && (1..=3).contains(&close)
        && inner[..close].chars().all(char::is_alphanumeric)
    {
        return true;
    }
    let first = after
        .trim_start_matches(['"', '\'', '“', '‘', '(', '['])
        .chars()
        .next();
    first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_at_sentence_ends() {
        assert_eq!(
            split("One is here. Two is “here.” Three? Yes! 4 more."),
            vec!["One is here.", "Two is “here.”", "Three?", "Yes!", "4 more."]
        );
    }

    #[test]
    fn keeps_abbreviations_together() {
        let s = "Building on the meeting between U.S. President Joseph R. Biden, Jr. and Prime Minister \
                 Lee in Washington, D.C. The talks (e.g. on AI) went on. Minister Dr. Vivian \
                 Balakrishnan spoke. The U.S. Department of Commerce agreed.";
        assert_eq!(
            split(s),
            vec![
                // "D.C." then "The": a sentence ends there, as a reader reads it.
                "Building on the meeting between U.S. President Joseph R. Biden, Jr. and Prime Minister Lee in Washington, D.C.",
                "The talks (e.g. on AI) went on.",
                "Minister Dr. Vivian Balakrishnan spoke.",
                "The U.S. Department of Commerce agreed.",
            ]
        );
    }

    #[test]
    fn joins_back_to_the_text() {
        let s = "A. B. c. D e. F (G.) H.";
        assert_eq!(split(s).join(" "), s);
        assert!(split("").is_empty());
        assert_eq!(split("extend the EU-U.S. Mutual Recognition Agreement.").len(), 1);
    }
}
