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

/// "Washington, D.C.", "the U.S.", "Acme Co.": an abbreviation that may
/// also end a sentence, where a clause opens after it.
fn ends_with_dotted_acronym(before: &str) -> bool {
    let word = before.rsplit(' ').next().unwrap_or(before);
    let dotted = word.len() >= 4
        && word.ends_with('.')
        && word[..word.len() - 1]
            .split('.')
            .all(|p| p.len() == 1 && p.bytes().all(|b| b.is_ascii_uppercase()));
    // Names of firms and people end in these; titles ("Dr.") never end a sentence.
    dotted || ["Inc.", "Ltd.", "Co.", "Corp.", "Jr.", "Sr.", "al."].contains(&word)
}

/// Whether the words after an abbreviation open a clause ("... from the
/// U.S. Additionally, Japan will ...", "... the U.S. Singapore will ..."),
/// rather than go on with a name ("the U.S. National Science Foundation
/// will", "U.S. Department of Commerce"): a capitalised function word, a
/// pronoun, an adverb with its comma, or a name followed by a verb.
fn opens_clause(after: &str) -> bool {
    // Pronouns, determiners, prepositions and conjunctions, sentence adverbs.
    const FUNCTION_WORDS: &[&str] = &[
        "The",
        "A",
        "An",
        "This",
        "These",
        "That",
        "Those",
        "We",
        "They",
        "It",
        "He",
        "She",
        "I",
        "You",
        "Our",
        "Their",
        "Its",
        "His",
        "Her",
        "There",
        "Both",
        "Each",
        "All",
        "Such",
        "Together",
        "In",
        "On",
        "At",
        "As",
        "For",
        "With",
        "Through",
        "To",
        "By",
        "From",
        "Under",
        "Since",
        "While",
        "When",
        "Where",
        "Although",
        "Because",
        "If",
        "After",
        "Before",
        "During",
        "Building",
        "However",
        "Moreover",
        "Furthermore",
        "Further",
        "Also",
        "Meanwhile",
        "Therefore",
        "Thus",
        "Indeed",
        "Today",
        "Here",
        "Now",
    ];
    // Nouns that head the name of an institution, an office or an
    // instrument: after "U.S." they go on with its name, whatever follows.
    const NAME_HEADS: &[&str] = &[
        "Government",
        "Administration",
        "Department",
        "Agency",
        "Foundation",
        "Institute",
        "Office",
        "Bureau",
        "Ministry",
        "Embassy",
        "Mission",
        "Congress",
        "Senate",
        "House",
        "Treasury",
        "Navy",
        "Army",
        "Air",
        "Force",
        "Coast",
        "Guard",
        "Bank",
        "Corporation",
        "Service",
        "Center",
        "Centre",
        "Laboratory",
        "Laboratories",
        "Council",
        "Commission",
        "Board",
        "Authority",
        "Fund",
        "Program",
        "Programme",
        "Secretary",
        "President",
        "Ambassador",
        "Representative",
        "Trade",
        "Delegation",
        "Team",
        "Chamber",
        "National",
        "Federal",
        "Special",
        "State",
        "States",
        "Patent",
        "Export",
        "Customs",
        "Forces",
        "Act",
        "Acts",
        "Law",
        "Strategy",
        "Initiative",
        "Plan",
        "Policy",
        "Framework",
        "Partnership",
        "Dialogue",
        "Forum",
        "Summit",
    ];
    // Verbs that follow a subject: auxiliaries, modals, and the verbs of intent statements use.
    const VERBS: &[&str] = &[
        "will",
        "shall",
        "would",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "intends",
        "intend",
        "plans",
        "plan",
        "aims",
        "aim",
        "seeks",
        "seek",
        "commits",
        "commit",
        "welcomes",
        "welcome",
        "looks",
        "look",
        "remains",
        "remain",
        "continues",
        "continue",
        "also",
        "further",
    ];
    let mut words = after.split(' ');
    let first = words
        .next()
        .unwrap_or("")
        .trim_start_matches(['"', '\'', '“', '‘', '(']);
    let bare = first.trim_end_matches([',', ';', ':']);
    if FUNCTION_WORDS.contains(&bare) {
        return true;
    }
    // "Additionally,", "Separately,": an adverb set off by its comma.
    if first.ends_with("ly,") && first.starts_with(char::is_uppercase) {
        return true;
    }
    // "Singapore will", "Japan and Korea intend": a name, then a verb.
    let mut name = vec![bare];
    for w in words.take(6) {
        let joined = name.last() == Some(&"and");
        if w.starts_with(char::is_uppercase) || (w == "and" && !joined) {
            name.push(w);
        } else {
            let run = name.split(|n| *n == "and").map(<[&str]>::len).max().unwrap_or(0);
            return VERBS.contains(&w)
                && !joined
                && run <= 3
                && name.iter().all(|n| *n == "and" || is_name_word(n))
                && !name.iter().any(|n| NAME_HEADS.contains(n));
        }
    }
    false
}

/// A capitalised word that can be part of a name: letters, hyphens, "'s".
fn is_name_word(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
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
    // "challenges. .These tools": a stray stop typed before the capital.
    let first = after
        .trim_start_matches(['"', '\'', '“', '‘', '(', '['])
        .trim_start_matches('.')
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
    fn a_stray_stop_before_the_next_sentence_still_parts_them() {
        assert_eq!(
            split("They address global challenges. .These tools help. A stop. and more."),
            vec![
                "They address global challenges.",
                ".These tools help.",
                "A stop. and more."
            ]
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
    fn splits_after_an_abbreviation_where_a_clause_opens() {
        for (text, first) in [
            (
                "They received funding from the U.S. Additionally, Japan will host the meeting.",
                "They received funding from the U.S.",
            ),
            (
                "The centre opened in the U.S. Singapore will open one.",
                "The centre opened in the U.S.",
            ),
            (
                "We met in Washington, D.C. However, the talks go on.",
                "We met in Washington, D.C.",
            ),
            (
                "It is run by the U.S. As agreed, both will report.",
                "It is run by the U.S.",
            ),
            (
                "Work began with Acme Co. Japan and Korea intend to join.",
                "Work began with Acme Co.",
            ),
            ("Trade with the U.S. It grows.", "Trade with the U.S."),
        ] {
            assert_eq!(split(text)[0], first, "{text}");
        }
        for text in [
            "We thank the U.S. National Science Foundation will fund it.",
            "The U.S. Department of Commerce agreed.",
            "The U.S. Government will provide support.",
            "The U.S. Secretary of State will travel.",
            "The EU-U.S. Trade and Technology Council met.",
            "The U.S. CHIPS Act is law.",
        ] {
            assert_eq!(split(text).len(), 1, "{text}");
        }
    }

    #[test]
    fn joins_back_to_the_text() {
        let s = "A. B. c. D e. F (G.) H.";
        assert_eq!(split(s).join(" "), s);
        assert!(split("").is_empty());
        assert_eq!(split("extend the EU-U.S. Mutual Recognition Agreement.").len(), 1);
    }
}
