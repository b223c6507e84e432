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

/// A day, or the first of a range of days: "4", "4–5", "15-16,".
fn day_or_first(word: &str) -> Option<u8> {
    day(word).or_else(|| {
        let (first, last) = word.split_once(['-', '–', '—'])?;
        day(last)?;
        day(first)
    })
}

/// A word joining the days of a meeting: "4 and 5", "4 – 5", "4 to 5".
fn is_range_joint(word: &str) -> bool {
    matches!(word, "and" | "&" | "to" | "-" | "–" | "—")
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
        // "1 December 2025", "4–5 April 2024", "4 and 5 April 2024": a
        // meeting of several days is dated by its first.
        if let (Some(d), Some(y)) = (prev.and_then(|w| day_or_first(w)), next.and_then(|w| year(w))) {
            let (d, first) = match i.checked_sub(3).map(|k| (words[k], words[k + 1])) {
                Some((d0, joint)) if is_range_joint(joint) && day(prev.copied().unwrap_or("")).is_some() => {
                    day(d0).map_or((d, i - 1), |d0| (d0, i - 3))
                }
                _ => (d, i - 1),
            };
            if let Some(date) = Date::new(y, m, d) {
                return Some(Found {
                    date,
                    first,
                    end: i + 2,
                });
            }
        }
        // "December 1, 2025", "May 15-16, 2022", "May 15 and 16, 2022".
        if let Some(d) = next.and_then(|w| day_or_first(w)) {
            let (y, end) = match (after, words.get(i + 3), words.get(i + 4)) {
                (Some(joint), Some(d1), Some(y)) if is_range_joint(joint) && day(d1).is_some() => {
                    (year(y), i + 5)
                }
                _ => (after.and_then(|w| year(w)), i + 3),
            };
            if let Some(date) = y.and_then(|y| Date::new(y, m, d)) {
                return Some(Found { date, first: i, end });
            }
        }
    }
    None
}

/// A date written in a known form that the calendar does not have ("31
/// February 2025"): its column (1-based, in characters) and its words.
pub fn impossible_date(text: &str) -> Option<(usize, String)> {
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.chars().count() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    for i in 0..words.len() {
        let Some(m) = month(words[i].1) else { continue };
        let get = |k: Option<usize>| k.and_then(|k| words.get(k)).map(|w| w.1);
        // "31 February 2025", then "February 31, 2025".
        for (d, y, first, last) in [
            (get(i.checked_sub(1)), get(Some(i + 1)), i.checked_sub(1), i + 1),
            (get(Some(i + 1)), get(Some(i + 2)), Some(i), i + 2),
        ] {
            if let (Some(d), Some(y), Some(first)) = (d.and_then(day), y.and_then(year), first)
                && Date::new(y, m, d).is_none()
            {
                let phrase: Vec<&str> = words[first..=last].iter().map(|w| w.1).collect();
                let phrase = phrase.join(" ");
                return Some((
                    words[first].0 + 1,
                    phrase.trim_end_matches([',', '.']).to_string(),
                ));
            }
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

/// A short line that names a place ("Leuven, Belgium"): a few capitalised
/// words, no date, no final stop.
pub fn is_place_line(text: &str) -> bool {
    let words = super::text::word_count(text);
    (1..=6).contains(&words)
        && !text.ends_with(['.', ':', ';'])
        && super::text::is_title_case(text)
        && find_date(text).is_none()
        && text.contains(',')
}

/// Words of a sentence about another meeting than this one.
const EARLIER: &[&str] = &[
    "previous",
    "last",
    "earlier",
    "since",
    "prior",
    "building on",
    "following the",
];

/// The place of the meeting, where the text says "took place in X", "held
/// (its ... meeting) in X", "Signed at X" or "in X, ..."; never from a
/// sentence about an earlier meeting.
pub fn find_place(paragraphs: &[&str]) -> Option<String> {
    let sentences: Vec<&str> = paragraphs
        .iter()
        .flat_map(|p| super::sentences::split(p))
        .filter(|s| {
            let l = s.to_lowercase();
            !EARLIER.iter().any(|w| l.contains(w))
        })
        .collect();
    for cue in [
        "took place in ",
        "signed at ",
        "signed in ",
        "held in ",
        "met in ",
        "met outside ",
        "convened in ",
        "gathered in ",
        "hosted in ",
    ] {
        for p in &sentences {
            if let Some(i) = p.to_ascii_lowercase().find(cue)
                && let Some((place, _)) = place_at(&p[i + cue.len()..])
            {
                return Some(place);
            }
        }
    }
    // "held its second ministerial meeting in X".
    for p in &sentences {
        if let Some(i) = p.find(" held ") {
            let rest = &p[i + 6..];
            let near: usize = rest.split(' ').take(6).map(|w| w.len() + 1).sum();
            if let Some(j) = rest[..near.min(rest.len())].find(" in ")
                && let Some((place, _)) = place_at(&rest[j + 4..])
            {
                return Some(place);
            }
        }
    }
    for p in &sentences {
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
        if !is_name(bare) {
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
            // "Leuven, Belgium, on 4 April": the country too, when a comma,
            // a stop or "on" follows it.
            let mut ahead = tokens.clone();
            if let Some(country) = ahead.next()
                && is_name(country.trim_end_matches([',', '.']))
                && (country.ends_with([',', '.'])
                    || ahead
                        .next()
                        .is_none_or(|w| ["on", "in", "at", "from"].contains(&w)))
            {
                place.push_str(", ");
                place.push_str(country.trim_end_matches([',', '.']));
            }
            return Some((place, true));
        }
        // "Saclay – Paris, France".
        if tokens.peek().is_some_and(|t| matches!(*t, "–" | "—" | "-")) {
            let dash = tokens.next().unwrap_or("–");
            place.push(' ');
            place.push_str(dash);
        }
    }
    (!place.is_empty()).then_some((place, false))
}

/// A capitalised word that may be part of a place name (not a month).
fn is_name(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && month(word).is_none()
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

/// Nouns that name a standing body or forum.
const BODIES: &[&str] = &[
    "council",
    "dialogue",
    "partnership",
    "forum",
    "summit",
    "committee",
    "commission",
    "quad",
];

/// The partnership's name, from the title of one of its statements:
/// "Joint Statement of the Second Meeting of the X", "X: Joint Vision
/// Statement", "FACT SHEET: X Deepens ...", "U.S.-EU Joint Statement of the
/// Trade and Technology Council" and "Upgrading the X" all give X.
pub fn partnership_name(title: &str) -> String {
    let mut name = title.trim();
    for prefix in ["joint fact sheet:", "fact sheet:", "readout:", "media note:"] {
        if let Some(head) = name.get(..prefix.len())
            && head.eq_ignore_ascii_case(prefix)
        {
            name = name[prefix.len()..].trim();
        }
    }
    for sep in [": ", " – ", " — ", " - "] {
        if let Some((before, after)) = name.split_once(sep)
            && (is_statement_kind(after) || describes(after))
        {
            name = before;
        }
    }
    // "The Atlantic Declaration": the article is not part of the name.
    if let Some(rest) = name.strip_prefix("The ").filter(|r| r.contains(' ')) {
        name = rest;
    }
    let mut owned = name.to_string();
    // ASCII lower case keeps byte offsets, so they index `owned` too.
    let lower = owned.to_ascii_lowercase();
    if let Some(i) = lower.find(" of the ").or_else(|| lower.find(" on the ")) {
        // "[U.S.-EU] Joint Statement of the [Nth Meeting of the] X".
        let kind_start = lower[..i]
            .rfind("joint ")
            .filter(|&k| k == 0 || lower.as_bytes()[k - 1] == b' ')
            .unwrap_or(0);
        if is_statement_kind(&owned[kind_start..i]) {
            let parties = owned[..kind_start].trim().to_string();
            let mut rest = owned[i + " of the ".len()..].to_string();
            let rl = rest.to_ascii_lowercase();
            if let Some(j) = rl.find(" of the ")
                && (rl[..j].ends_with("meeting") || rl[..j].ends_with("session"))
            {
                rest = rest[j + " of the ".len()..].to_string();
            }
            owned = if parties.is_empty() {
                rest
            } else {
                format!("{parties} {rest}")
            };
        }
    }
    let words: Vec<&str> = owned.split_whitespace().collect();
    let words: Vec<&str> = match words.as_slice() {
        // "Upgrading the X": what is done to the partnership is not its name.
        [w, the, rest @ ..] if w.ends_with("ing") && the.eq_ignore_ascii_case("the") && !rest.is_empty() => {
            rest.to_vec()
        }
        _ => words,
    };
    // "X Partnership on Y Launches Second Phase": the headline's verb ends
    // the name; "X and Y hold fourth Z Council": the name is around it.
    let cut = match headline_verb(&words) {
        None => words.join(" "),
        Some(v) => {
            let (subject, predicate) = (&words[..v], &words[v + 1..]);
            let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            let body_after = predicate.iter().position(|w| BODIES.contains(&bare(w).as_str()));
            let body_before = subject.iter().any(|w| BODIES.contains(&bare(w).as_str()));
            match body_after {
                Some(b) if !body_before => {
                    // The capitalised words that end at the body, without the ordinal.
                    let mut start = b;
                    while start > 0 && predicate[start - 1].starts_with(char::is_uppercase) {
                        start -= 1;
                    }
                    while start < b && is_ordinal(predicate[start]) {
                        start += 1;
                    }
                    let mut end = b + 1;
                    while end < predicate.len() && BODIES.contains(&bare(predicate[end]).as_str()) {
                        end += 1;
                    }
                    format!("{} {}", joined_parties(subject), predicate[start..end].join(" "))
                }
                _ => subject.join(" "),
            }
        }
    };
    let mut words: Vec<&str> = cut.split_whitespace().collect();
    // "X Council Deepens Transatlantic Ties", "X Council Inaugural Joint Statement".
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    if let Some(i) = words.iter().position(|w| BODIES.contains(&bare(w).as_str())) {
        let mut end = i + 1;
        while end < words.len() && BODIES.contains(&bare(words[end]).as_str()) {
            end += 1;
        }
        if end < words.len() && words[end].starts_with(char::is_uppercase) && end >= 2 {
            words.truncate(end);
        }
    }
    // "Third Japan–Singapore Digital Policy Dialogue": the ordinal is the meeting's.
    if words.len() > 1 && is_ordinal(words[0]) {
        words.remove(0);
    }
    // "Quad Leaders' Summit", "ASEAN-U.S. Leaders' Statement on Digital
    // Development": the words that name a meeting of leaders (and what
    // follows them) are the meeting's, not the partnership's, so that the
    // next summit is filed with this one.
    if let Some(k) = words
        .iter()
        .position(|w| matches!(bare(w).as_str(), "summit" | "leaders" | "ministerial"))
        .filter(|&k| k > 0)
    {
        words.truncate(k);
    }
    let name = words.join(" ");
    if name.is_empty() {
        title.trim().to_string()
    } else {
        name
    }
}

/// Whether a title's part after its colon describes what comes before it
/// rather than naming a kind of statement: "A Framework for ...", "An
/// Agenda for ...". A phrase led by an indefinite article says what the
/// thing named is; it is not its name.
fn describes(after: &str) -> bool {
    let mut words = after.split_whitespace();
    matches!(words.next(), Some("A" | "An")) && words.next().is_some()
}

/// The finite verb of a headline, after the names of its subject:
/// "... Technology Launches Second Phase", "EU and Ruritania hold fourth
/// ...", "... Council Deepens ...". A word is taken as the verb by its
/// place (after a capitalised word, with words after it) and its form: a
/// third-person singular ("Launches"), or a plain form ("hold") after a
/// plural subject ("X and Y", "Leaders"). A sentence-case headline shows
/// its verb by its small letter; a title-case one needs the verb known.
fn headline_verb(words: &[&str]) -> Option<usize> {
    const FUNCTION: &[&str] = &[
        "and", "of", "on", "the", "for", "with", "in", "to", "a", "an", "at", "by", "from", "as", "or",
        "into",
    ];
    let plural = |subject: &[&str]| {
        subject
            .iter()
            .any(|w| w.eq_ignore_ascii_case("and") || w.ends_with(','))
            || subject
                .last()
                .is_some_and(|w| w.ends_with('s') && !w.ends_with("ss"))
    };
    (1..words.len().saturating_sub(1)).find(|&k| {
        let w = words[k].trim_end_matches([',', ':']);
        let prev = words[k - 1];
        if w.len() != words[k].len() || !prev.starts_with(char::is_uppercase) {
            return false;
        }
        let lower = w.to_lowercase();
        if FUNCTION.contains(&lower.as_str()) || is_ordinal(w) {
            return false;
        }
        let singular = lower
            .strip_suffix("es")
            .filter(|stem| stem.ends_with(['s', 'x', 'z']) || stem.ends_with("ch") || stem.ends_with("sh"))
            .or_else(|| {
                lower
                    .strip_suffix('s')
                    .filter(|stem| !stem.ends_with(['s', 'u', 'i']))
            });
        let known = |stem: &str| TITLE_VERBS.contains(&stem);
        let small = w.starts_with(|c: char| c.is_lowercase());
        match singular {
            Some(stem) => small || known(stem) || known(&lower[..lower.len() - 1]),
            None => (small || known(&lower)) && plural(&words[..k]),
        }
    })
}

/// "EU and Ruritania" as a partnership's name gives it: "EU-Ruritania";
/// other subjects stay as they are.
fn joined_parties(subject: &[&str]) -> String {
    match subject {
        [a, and, b] if and.eq_ignore_ascii_case("and") => format!("{a}-{b}"),
        _ => {
            let s = subject.join(" ");
            match s.split_once(" and ") {
                Some((a, b)) if !a.contains(',') => format!("{a} – {b}"),
                _ => s,
            }
        }
    }
}

/// The parties a partnership's name or a statement's text names:
/// "U.S.-India" gives United States and India, "EU-Singapore" European
/// Union and Singapore, "European Union – Singapore ..." the same, and a
/// list such as "Australia, India, Japan, and the United States" its members.
pub fn parties(name: &str, texts: &[&str]) -> Vec<String> {
    // "U.S.-EU Trade ...": a hyphenated word of names.
    // Further in, one of them must be a known abbreviation ("... U.S.-UK
    // Economic Partnership", not "Twenty-First").
    for (i, word) in name.split_whitespace().enumerate() {
        let parts: Vec<&str> = word.split(['-', '–']).filter(|p| !p.is_empty()).collect();
        let names = parts.len() >= 2 && parts.iter().all(|p| p.starts_with(char::is_uppercase));
        if names && (i == 0 || parts.iter().any(|p| party(p) != *p)) {
            return parts.iter().map(|p| party(p)).collect();
        }
    }
    // "European Union – Singapore Digital Partnership".
    for dash in [" – ", " — ", " - "] {
        if let Some((left, right)) = name.split_once(dash) {
            let left: Vec<&str> = left.split_whitespace().collect();
            let left = left[left.len().saturating_sub(2)..].join(" ");
            let right_words: Vec<&str> = right.split_whitespace().collect();
            let two = right_words.iter().take(2).copied().collect::<Vec<_>>().join(" ");
            let right = if party(&two) != two
                || ["United", "European", "New", "South", "Saudi"]
                    .contains(&right_words.first().copied().unwrap_or(""))
            {
                two
            } else {
                right_words.first().map(|w| (*w).to_string()).unwrap_or_default()
            };
            if !left.is_empty() && !right.is_empty() {
                return vec![party(&left), party(&right)];
            }
        }
    }
    std::iter::once(name)
        .chain(texts.iter().copied())
        .find_map(listed_parties)
        .unwrap_or_default()
}

/// "Australia, India, Japan, and the United States": three or more names
/// joined by commas and "and".
fn listed_parties(text: &str) -> Option<Vec<String>> {
    let and = text
        .find(", and ")
        .map(|i| (i, 6))
        .or_else(|| text.find(" and ").map(|i| (i, 5)))?;
    let (head, tail) = (&text[..and.0], &text[and.0 + and.1..]);
    let mut items: Vec<String> = Vec::new();
    for piece in head.rsplit(", ") {
        let item = name_at_end(piece)?;
        let whole = item.len() == piece.trim().len();
        items.insert(0, item);
        if !whole {
            break;
        }
    }
    items.push(name_at_start(tail)?);
    (items.len() >= 3).then(|| items.iter().map(|i| party(i)).collect())
}

/// The name ending `s` ("the leaders of Australia" gives Australia).
fn name_at_end(s: &str) -> Option<String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut start = words.len();
    while start > 0
        && (words[start - 1].starts_with(char::is_uppercase) || words[start - 1] == "of")
        && words.len() - start < 4
    {
        start -= 1;
    }
    while start < words.len() && words[start] == "of" {
        start += 1;
    }
    (start < words.len()).then(|| words[start..].join(" "))
}

/// The name starting `s` ("the United States launch ..." gives United States).
fn name_at_start(s: &str) -> Option<String> {
    let s = s.strip_prefix("the ").unwrap_or(s);
    let mut out: Vec<&str> = Vec::new();
    for w in s.split_whitespace() {
        let bare = w.trim_end_matches([',', '.', ';', ':']);
        let capital = bare.starts_with(char::is_uppercase);
        if !(capital || (bare == "of" && !out.is_empty())) || out.len() >= 4 {
            break;
        }
        out.push(bare);
        if bare.len() != w.len() {
            break;
        }
    }
    while out.last() == Some(&"of") {
        out.pop();
    }
    // A title's capitalised verb ("... Republic of Korea Launch ...") is not part of the name.
    if out.len() > 1
        && out
            .last()
            .is_some_and(|w| TITLE_VERBS.contains(&w.to_lowercase().as_str()))
    {
        out.pop();
    }
    (!out.is_empty()).then(|| out.join(" "))
}

/// Verbs with which titles go on after naming the parties.
const TITLE_VERBS: &[&str] = &[
    "launch",
    "announce",
    "sign",
    "release",
    "reaffirm",
    "deepen",
    "establish",
    "hold",
    "agree",
    "issue",
    "commit",
    "advance",
    "expand",
    "strengthen",
    "renew",
    "unveil",
    "affirm",
    "welcome",
    "mark",
    "convene",
    "meet",
    "host",
    "open",
    "begin",
    "start",
    "enter",
    "elevate",
    "upgrade",
    "build",
    "bolster",
    "boost",
    "adopt",
    "endorse",
    "outline",
    "highlight",
    "pledge",
    "chart",
    "forge",
    "conclude",
    "celebrate",
    "take",
    "set",
];

/// A party's usual name for an abbreviation.
fn party(s: &str) -> String {
    let key = s.trim().trim_end_matches(',');
    match key {
        "U.S." | "U.S" | "US" | "USA" | "U.S.A." | "United States" => "United States".into(),
        "EU" | "E.U." => "European Union".into(),
        "UK" | "U.K." | "U.K" => "United Kingdom".into(),
        "ROK" | "Korea" | "Republic of Korea" => {
            if key == "Korea" {
                "Korea".into()
            } else {
                "Republic of Korea".into()
            }
        }
        _ => key.to_string(),
    }
}

/// The loaded partnership a name designates: the one with the id the name
/// gives, or one whose name has nearly the same words (four in five).
pub fn same_partnership<'a>(
    name: &str,
    known: &'a [super::KnownPartnership],
) -> Option<&'a super::KnownPartnership> {
    let id = slug(name, 5);
    let words = |s: &str| -> std::collections::HashSet<String> {
        slug(s, 12).split('-').map(str::to_string).collect()
    };
    let mine = words(name);
    let close = |k: &super::KnownPartnership| {
        let theirs = words(&k.name);
        let shared = mine.intersection(&theirs).count();
        let all = mine.union(&theirs).count();
        all > 0 && shared * 5 >= all * 4
    };
    known
        .iter()
        .find(|k| k.id == id)
        .or_else(|| known.iter().find(|k| close(k)))
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
        // A meeting of several days is dated by its first.
        for text in [
            "Signed at Strelsau, on 4 and 5 April 2024",
            "Strelsau, 4–5 April 2024",
            "Strelsau, 4 – 5 April 2024",
            "April 4–5, 2024, in Strelsau",
            "on April 4 and 5, 2024.",
        ] {
            assert_eq!(find_date(text).map(|f| f.date), Some(d(2024, 4, 4)), "{text}");
        }
        assert_eq!(find_date("May 15-16, 2022").map(|f| f.date), Some(d(2022, 5, 15)));
        assert_eq!(
            date_line("Strelsau, 4 and 5 April 2024"),
            Some((d(2024, 4, 4), Some("Strelsau".to_string())))
        );
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

    #[test]
    fn names_lose_prefixes_ordinals_and_what_follows_the_body() {
        for (title, name) in [
            (
                "FACT SHEET: U.S.-EU Trade and Technology Council Deepens Transatlantic Ties",
                "U.S.-EU Trade and Technology Council",
            ),
            (
                "U.S.-EU Joint Statement of the Trade and Technology Council",
                "U.S.-EU Trade and Technology Council",
            ),
            (
                "U.S.-EU Trade and Technology Council Inaugural Joint Statement",
                "U.S.-EU Trade and Technology Council",
            ),
            (
                "FACT SHEET: Upgrading the U.S.-Singapore Strategic Technology Partnership",
                "U.S.-Singapore Strategic Technology Partnership",
            ),
            (
                "Joint Statement of the Sixth ministerial meeting of the EU-India Trade and Technology Council",
                "EU-India Trade and Technology Council",
            ),
            ("Fact Sheet: Quad Summit", "Quad"),
            ("Fact Sheet: Quad Leaders’ Summit", "Quad"),
            (
                "ASEAN-U.S. Leaders’ Statement on Digital Development",
                "ASEAN-U.S.",
            ),
            (
                "U.S.-EU Trade and Technology Council Ministerial Meeting",
                "U.S.-EU Trade and Technology Council",
            ),
            (
                "FACT SHEET: U.S.-Freedonia Partnership on Critical and Emerging Technology Launches Second Phase",
                "U.S.-Freedonia Partnership on Critical and Emerging Technology",
            ),
            (
                "EU and Ruritania hold fourth Digital Partnership Council",
                "EU-Ruritania Digital Partnership Council",
            ),
            (
                "Japan–Freedonia Digital Partnership deepens cooperation on chips",
                "Japan–Freedonia Digital Partnership",
            ),
            (
                "U.S.-Ruritania Partnership on Quantum Establishes a Joint Fund",
                "U.S.-Ruritania Partnership on Quantum",
            ),
            (
                "United States and Freedonia Convene Second Critical Technology Dialogue",
                "United States – Freedonia Critical Technology Dialogue",
            ),
            // A subtitle that says what the named thing is, and the article.
            (
                "The Atlantic Declaration: A Framework for a Twenty-First Century U.S.-UK Economic Partnership",
                "Atlantic Declaration",
            ),
            (
                "The Ruritania Compact: An Agenda for Digital Trade",
                "Ruritania Compact",
            ),
            // No verb: nothing is cut.
            (
                "U.S.-Japan Partnership on Science and Technology Affairs",
                "U.S.-Japan Partnership on Science and Technology Affairs",
            ),
        ] {
            assert_eq!(partnership_name(title), name, "{title}");
        }
    }

    #[test]
    fn parties_from_names_and_lists() {
        let p = |name: &str, texts: &[&str]| parties(name, texts);
        assert_eq!(
            p("U.S.-India Initiative on Critical and Emerging Technology", &[]),
            ["United States", "India"]
        );
        assert_eq!(
            p("EU-Singapore Digital Partnership", &[]),
            ["European Union", "Singapore"]
        );
        assert_eq!(
            p("European Union – Singapore Digital Partnership Council", &[]),
            ["European Union", "Singapore"]
        );
        assert_eq!(
            p(
                "Quad",
                &["The leaders of Australia, India, Japan, and the United States met today."]
            ),
            ["Australia", "India", "Japan", "United States"]
        );
        assert_eq!(
            p(
                "U.S., Japan, and Republic of Korea Launch Cutting-edge Quantum Collaboration",
                &[]
            ),
            ["United States", "Japan", "Republic of Korea"]
        );
        assert_eq!(
            p(
                "A Framework for a Twenty-First Century U.S.-UK Economic Partnership",
                &[]
            ),
            ["United States", "United Kingdom"]
        );
        assert!(p("Quad Summit", &["Leaders met."]).is_empty());
    }

    #[test]
    fn places_in_the_forms_statements_use() {
        assert_eq!(
            find_place(&[
                "The sixth ministerial meeting of the TTC took place in Leuven, Belgium, on 4 and 5 April 2024."
            ]),
            Some("Leuven, Belgium".into())
        );
        assert_eq!(
            find_place(&[
                "The TTC held its second ministerial meeting in Saclay – Paris, France on May 15-16, 2022."
            ]),
            Some("Saclay – Paris, France".into())
        );
        assert_eq!(
            find_place(&["Signed at Canberra on 3 May 2025."]),
            Some("Canberra".into())
        );
        // A sentence about an earlier meeting says nothing of this one's place.
        assert_eq!(
            find_place(&["Since the previous meeting in Pittsburgh, we have worked hard. We met today."]),
            None
        );
    }

    #[test]
    fn dates_not_in_the_calendar_are_found_with_their_column() {
        assert_eq!(
            impossible_date("On 31 February 2025, we met."),
            Some((4, "31 February 2025".into()))
        );
        assert_eq!(
            impossible_date("April 31, 2024 was"),
            Some((1, "April 31, 2024".into()))
        );
        assert_eq!(impossible_date("On 28 February 2025, we met."), None);
    }
}
