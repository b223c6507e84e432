//! What a statement says about itself: its date, its place, and the names
//! and ids derived from its title.

use crate::model::Date;

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a word names: "December", "Dec", "Dec.", "DECEMBER".
fn month(word: &str) -> Option<u8> {
    let w = word.trim_end_matches(['.', ',']).to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && w.len() <= 4 && m.starts_with(&w)))
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// A day of the month: "1", "01", "1st", "22nd".
fn day(word: &str) -> Option<u8> {
    let w = word.trim_end_matches([',', '.']);
    let w = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    (1..=2).contains(&w.len()).then(|| w.parse().ok()).flatten()
}

/// A year: four digits.
fn year(word: &str) -> Option<u16> {
    let w = word.trim_end_matches(|c: char| !c.is_ascii_digit());
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

/// An ISO date `2025-12-01` within a word.
fn iso(word: &str) -> Option<Date> {
    let w = word.trim_matches(|c: char| !c.is_ascii_digit());
    w.get(..10)
        .filter(|_| w.len() == 10 || !w.as_bytes()[10].is_ascii_digit())?
        .parse()
        .ok()
}

/// A date found in text: the date and the range of words it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// The date.
    pub date: Date,
    /// Index of its first word.
    pub first: usize,
    /// Index past its last word.
    pub end: usize,
}

/// The first date in `text`, in the forms "1 December 2025",
/// "December 1, 2025" or "2025-12-01".
pub fn find_date(text: &str) -> Option<Found> {
    let words: Vec<&str> = text.split_whitespace().collect();
    for i in 0..words.len() {
        if let Some(date) = iso(words[i]) {
            return Some(Found {
                date,
                first: i,
                end: i + 1,
            });
        }
        let Some(m) = month(words[i]) else { continue };
        let (prev, next, after) = (
            i.checked_sub(1).and_then(|p| words.get(p)),
            words.get(i + 1),
            words.get(i + 2),
        );
        // "1 December 2025"
        if let (Some(d), Some(y)) = (prev.and_then(|w| day(w)), next.and_then(|w| year(w)))
            && let Some(date) = Date::new(y, m, d)
        {
            return Some(Found {
                date,
                first: i - 1,
                end: i + 2,
            });
        }
        // "December 1, 2025"
        if let (Some(d), Some(y)) = (next.and_then(|w| day(w)), after.and_then(|w| year(w)))
            && let Some(date) = Date::new(y, m, d)
        {
            return Some(Found {
                date,
                first: i,
                end: i + 3,
            });
        }
    }
    None
}

/// A date line: a short line that is a date, possibly with a place
/// ("Brussels, 1 December 2025"). Returns the date and the place.
pub fn date_line(text: &str) -> Option<(Date, Option<String>)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > 8 {
        return None;
    }
    let found = find_date(text)?;
    let rest: Vec<&str> = words[..found.first]
        .iter()
        .chain(&words[found.end..])
        .copied()
        .collect();
    let rest = rest
        .join(" ")
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .to_string();
    if rest.is_empty() {
        return Some((found.date, None));
    }
    let placelike = rest.split_whitespace().count() <= 4 && super::text::is_title_case(&rest);
    placelike.then_some((found.date, Some(rest)))
}

/// The place of the meeting, where the text says "took place in X", "held
/// in X" or "in X, ...".
pub fn find_place(paragraphs: &[&str]) -> Option<String> {
    for cue in ["took place in ", "held in ", "met in ", "convened in "] {
        for p in paragraphs {
            if let Some(i) = p.find(cue)
                && let Some((place, _)) = place_at(&p[i + cue.len()..])
            {
                return Some(place);
            }
        }
    }
    for p in paragraphs {
        for (i, _) in p.match_indices(" in ") {
            if let Some((place, true)) = place_at(&p[i + 4..]) {
                return Some(place);
            }
        }
    }
    None
}

/// The capitalised words at the start of `s` ("Washington, D.C."), and
/// whether a comma follows them.
fn place_at(s: &str) -> Option<(String, bool)> {
    let mut place = String::new();
    let mut tokens = s.split(' ').peekable();
    while let Some(token) = tokens.next() {
        let bare = token.trim_end_matches([',', ';', '.']);
        let is_word = bare.chars().next().is_some_and(char::is_uppercase)
            && bare.chars().all(|c| c.is_alphabetic() || c == '-')
            && month(bare).is_none();
        if !is_word {
            break;
        }
        if !place.is_empty() {
            place.push(' ');
        }
        place.push_str(bare);
        if token.ends_with(['.', ';']) || place.split(' ').count() >= 5 {
            return Some((place, false));
        }
        if token.ends_with(',') {
            // "Washington, D.C.,": the abbreviation belongs to the place.
            if let Some(next) = tokens.peek().filter(|t| is_dotted(t)) {
                place.push_str(", ");
                place.push_str(next.trim_end_matches(','));
                return Some((place, next.ends_with(',')));
            }
            return Some((place, true));
        }
    }
    (!place.is_empty()).then_some((place, false))
}

/// "D.C.", "D.C.,": capitals each followed by a period.
fn is_dotted(token: &str) -> bool {
    let t = token.trim_end_matches(',');
    t.len() >= 4
        && t.ends_with('.')
        && t[..t.len() - 1]
            .split('.')
            .all(|p| p.len() == 1 && p.bytes().all(|b| b.is_ascii_uppercase()))
}

/// The partnership's name, from the title of one of its statements:
/// "Joint Statement of the Second Meeting of the X" and "X: Joint Vision
/// Statement" both give "X".
pub fn partnership_name(title: &str) -> String {
    let mut name = title.trim();
    for sep in [": ", " – ", " — ", " - "] {
        if let Some((before, after)) = name.split_once(sep)
            && is_statement_kind(after)
        {
            name = before;
        }
    }
    let lower = name.to_lowercase();
    if let Some(i) = lower.find(" of the ").or_else(|| lower.find(" on the "))
        && is_statement_kind(&name[..i])
    {
        name = &name[i + " of the ".len()..];
        let lower = name.to_lowercase();
        if let Some(j) = lower.find(" of the ")
            && (lower[..j].ends_with("meeting") || lower[..j].ends_with("session"))
        {
            name = &name[j + " of the ".len()..];
        }
    }
    // "Third Japan–Singapore Digital Policy Dialogue": the ordinal is the meeting's.
    let name = match name.trim().split_once(' ') {
        Some((first, rest)) if is_ordinal(first) => rest,
        _ => name.trim(),
    };
    if name.is_empty() { title.trim() } else { name }.to_string()
}

/// "Inaugural", "Second", "10th".
fn is_ordinal(word: &str) -> bool {
    const ORDINALS: &[&str] = &[
        "inaugural",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
    ];
    let w = word.to_lowercase();
    let numeric = ["st", "nd", "rd", "th"].iter().any(|s| {
        w.strip_suffix(s)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    });
    ORDINALS.contains(&w.as_str()) || numeric
}

/// "Joint Statement", "Joint Vision Statement", "Chair's Statement", "Joint Communiqué".
fn is_statement_kind(s: &str) -> bool {
    let l = s.trim().to_lowercase();
    l.split_whitespace().count() <= 4
        && [
            "statement",
            "communiqué",
            "communique",
            "declaration",
            "readout",
            "fact sheet",
        ]
        .iter()
        .any(|k| l.ends_with(k))
}

/// A slug made of the first `max_words` significant words of `s`.
pub fn slug(s: &str, max_words: usize) -> String {
    const SKIP: &[&str] = &[
        "a", "an", "and", "the", "of", "for", "with", "on", "in", "to", "at", "by",
    ];
    let mut words = Vec::new();
    // "U.S." is one word, `us`; "Côte d'Ivoire–Türkiye" is spelt in ASCII
    // first ("Cote d'Ivoire-Turkiye"), so no letter is lost.
    let s = deunicode::deunicode(s).replace('.', "");
    for word in s.split(|c: char| !c.is_ascii_alphanumeric() && c != '-') {
        let w: String = word
            .trim_matches('-')
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        let w = w
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        if w.is_empty()
            || SKIP.contains(&w.as_str())
            || (words.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
        {
            continue;
        }
        words.push(w);
        if words.len() == max_words {
            break;
        }
    }
    words.join("-")
}

/// The id of an area: the acronym it gives in brackets ("Artificial
/// Intelligence (AI)" is `ai`), or a slug of its first words.
pub fn area_id(title: &str) -> String {
    if let (Some(open), Some(close)) = (title.rfind('('), title.rfind(')'))
        && open < close
    {
        let inner = &title[open + 1..close];
        if (2..=8).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_uppercase() || b == b'-') {
            return inner.to_ascii_lowercase();
        }
    }
    slug(title, 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_three_forms() {
        assert_eq!(find_date("1 December 2025").map(|f| f.date), Some(d(2025, 12, 1)));
        assert_eq!(
            find_date("on December 1, 2025, the").map(|f| f.date),
            Some(d(2025, 12, 1))
        );
        assert_eq!(
            find_date("date: 2025-12-01.").map(|f| f.date),
            Some(d(2025, 12, 1))
        );
        assert_eq!(
            find_date("Sept. 3rd 2024 or 3 Sept 2024").map(|f| f.date),
            Some(d(2024, 9, 3))
        );
        assert_eq!(find_date("31 February 2025"), None);
        assert_eq!(find_date("in May we met 2025 times"), None);
    }

    #[test]
    fn date_lines() {
        assert_eq!(date_line("1 December 2025"), Some((d(2025, 12, 1), None)));
        assert_eq!(
            date_line("Brussels, 1 December 2025"),
            Some((d(2025, 12, 1), Some("Brussels".into())))
        );
        assert_eq!(date_line("The meeting on 1 December 2025 was held."), None);
    }

    #[test]
    fn places() {
        assert_eq!(
            find_place(&["The meeting took place in Brussels on 1 December 2025, co-chaired by"]),
            Some("Brussels".into())
        );
        assert_eq!(
            find_place(&["the inaugural Dialogue in Washington, D.C., chaired by the"]),
            Some("Washington, D.C.".into())
        );
        assert_eq!(find_place(&["trust in mutual respect, and in May, they"]), None);
        assert_eq!(find_place(&["held in New Delhi."]), Some("New Delhi".into()));
    }

    #[test]
    fn names_and_ids() {
        assert_eq!(
            partnership_name(
                "Joint Statement of the Second Meeting of the European Union – Singapore Digital Partnership Council"
            ),
            "European Union – Singapore Digital Partnership Council"
        );
        assert_eq!(
            partnership_name(
                "U.S.-Singapore Critical and Emerging Technology Dialogue: Joint Vision Statement"
            ),
            "U.S.-Singapore Critical and Emerging Technology Dialogue"
        );
        assert_eq!(area_id("Artificial Intelligence (AI)"), "ai");
        assert_eq!(
            area_id("Online Safety and Tackling Scams"),
            "online-safety-tackling-scams"
        );
        assert_eq!(
            area_id("1. Cross-Border Data Flows with Trust"),
            "cross-border-data-flows-trust"
        );
        // Transliterated (deunicode) rather than dropped.
        assert_eq!(area_id("数据"), "shu-ju");
        assert_eq!(
            slug("Côte d'Ivoire–Türkiye Digital Dialogue", 5),
            "cote-d-ivoire-turkiye-digital-dialogue"
        );
    }
}
