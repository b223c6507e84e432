//! Acronyms the statements define, such as "Defense Innovation Unit (DIU)",
//! with their expansions and the nodes that define them.
//!
//! An acronym in parentheses is matched against the words just before it:
//! each capitalised word gives the acronym its first letter, and may give the
//! next few letters too if they follow in order inside the word ("MINistry
//! of DEFence", "Indo-Pacific" for IP, "Southeast" for SE); the small words
//! of/and/for/the/in/on/to/at may give their first letter ("Department of
//! Defense (DoD)") or be passed over. The expansion stops at a lowercase word,
//! a possessive ("Commerce’s") or punctuation. When every word has to give a
//! letter no match is found for some real names ("Indo-Pacific Economic
//! Framework for Prosperity (IPEF)"), so failing that, up to three trailing
//! words may give none. When nothing fits, the acronym is left out: a missing
//! entry is better than a wrong one.

use std::io::{self, Write};

use serde::Serialize;

use crate::model::{Corpus, NodePath};
use crate::output::Format;

/// Small words that may sit inside an expansion without giving it a letter.
const STOP_WORDS: [&str; 9] = ["of", "and", "for", "the", "in", "on", "to", "at", "&"];

/// Unmatched words allowed at the end of an expansion, when no exact match exists.
const MAX_TAIL: usize = 3;

/// Letters a search query needs before it is matched against expansions.
pub const MIN_EXPANSION_QUERY: usize = 3;

/// Letters a one-word search query needs before it is taken as an acronym
/// ("ai"), and so the fewest that can reach the glossary at all.
pub const MIN_ACRONYM_QUERY: usize = 2;

/// The letters and digits of `query`.
pub fn letters(query: &str) -> usize {
    query.chars().filter(|c| c.is_alphanumeric()).count()
}

/// One acronym with one expansion, and where it is defined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Definition {
    /// The acronym as written: `ALT-EDIC`, `DoD`.
    pub acronym: String,
    /// The words it stands for, as written.
    pub expansion: String,
    /// Ids of the nodes whose text defines it, in tree order.
    pub defined_in: Vec<String>,
}

/// How a search query reaches a definition, and so what it looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reach {
    /// The query names the expansion ("ministry defence"): the acronym
    /// ("MINDEF") is looked for.
    Expansion,
    /// The query is the acronym ("mindef", any case): the expansion written
    /// out ("Ministry of Defence", any case) is looked for.
    Acronym,
}

impl Definition {
    /// What is looked for in a text when the definition is reached as `reach`.
    pub fn needle(&self, reach: Reach) -> &str {
        match reach {
            Reach::Expansion => &self.acronym,
            Reach::Acronym => &self.expansion,
        }
    }

    /// Byte ranges of `text` where the definition is used, reached as
    /// `reach`: the acronym as a word of its own (see [`mentions`]), or the
    /// expansion written out as whole words, ASCII case aside.
    pub fn spots(&self, text: &str, reach: Reach) -> Vec<std::ops::Range<usize>> {
        match reach {
            Reach::Expansion => mentions(text, &self.acronym),
            Reach::Acronym => {
                // ASCII lowercasing keeps every byte where it was.
                let hay = text.to_ascii_lowercase();
                let needle = self.expansion.to_ascii_lowercase();
                whole_words(text, hay.match_indices(&needle).map(|(at, _)| at), needle.len())
            }
        }
    }
}

/// Every acronym the loaded statements define, sorted by acronym.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Glossary {
    /// The definitions; an acronym given two different expansions has two.
    pub entries: Vec<Definition>,
}

impl Glossary {
    /// Collects the definitions in every text of the corpus: titles,
    /// preambles, closings, co-chairs' roles, area headings and commitments.
    pub fn build(corpus: &Corpus) -> Glossary {
        let mut entries: Vec<Definition> = Vec::new();
        let mut add = |path: NodePath, text: &str| {
            // Most texts define nothing: look for a parenthesis before
            // building the node's id.
            if !text.contains('(') {
                return;
            }
            let found = definitions(text);
            if found.is_empty() {
                return;
            }
            let Some(id) = corpus.id_of(path) else { return };
            for (acronym, expansion) in found {
                match entries
                    .iter_mut()
                    .find(|d| d.acronym == acronym && d.expansion == expansion)
                {
                    // Nodes come in tree order, so a repeat can only be the
                    // last one (checking the whole list is quadratic on a
                    // large corpus); but a meeting's closing comes after
                    // its areas, so a meeting's id is looked for throughout.
                    Some(d)
                        if d.defined_in.last() == Some(&id)
                            || (matches!(path, NodePath::Meeting(..)) && d.defined_in.contains(&id)) => {}
                    Some(d) => d.defined_in.push(id.clone()),
                    None => entries.push(Definition {
                        acronym,
                        expansion,
                        defined_in: vec![id.clone()],
                    }),
                }
            }
        };
        for (mpath, _, m) in corpus.meetings() {
            let NodePath::Meeting(p, mi) = mpath else { continue };
            let meeting_texts = std::iter::once(m.title.as_str())
                .chain(m.co_chairs.iter().map(|c| c.role.as_str()))
                .chain(m.preamble.iter().map(|t| t.text.as_str()));
            for text in meeting_texts {
                add(mpath, text);
            }
            for (ai, a) in m.areas.iter().enumerate() {
                add(NodePath::Area(p, mi, ai), &a.title);
                for (ci, c) in a.commitments.iter().enumerate() {
                    add(NodePath::Commitment(p, mi, ai, ci), &c.text);
                }
            }
            for t in &m.closing {
                add(mpath, &t.text);
            }
        }
        entries.sort_by(|a, b| {
            (a.acronym.to_lowercase(), &a.expansion).cmp(&(b.acronym.to_lowercase(), &b.expansion))
        });
        Glossary { entries }
    }

    /// The expansion of `acronym` (exact spelling), if the statements define it once.
    pub fn expand(&self, acronym: &str) -> Option<&str> {
        let mut found = self.entries.iter().filter(|d| d.acronym == acronym);
        match (found.next(), found.next()) {
            (Some(d), None) => Some(&d.expansion),
            _ => None,
        }
    }

    /// The definitions whose expansion `query` names: every word of the
    /// query starts a word of the expansion ("language tech" names
    /// ALT-EDIC, "artificial" names AI). Case is ignored, and the small
    /// words of an expansion ("of", "and") do not count. A query of fewer
    /// than [`MIN_EXPANSION_QUERY`] letters names nothing: two letters start
    /// a word of almost every expansion.
    pub fn named_by(&self, query: &str) -> Vec<&Definition> {
        if letters(query) < MIN_EXPANSION_QUERY {
            return Vec::new();
        }
        let mut terms: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        // "ministry of defence" names MINDEF as "ministry defence" does:
        // the small words are not matched, unless there is nothing else.
        if terms.iter().any(|t| !is_stop(t)) {
            terms.retain(|t| !is_stop(t));
        }
        if terms.is_empty() {
            return Vec::new();
        }
        self.entries
            .iter()
            .filter(|d| {
                let words: Vec<String> = d
                    .expansion
                    .split(|c: char| c.is_whitespace() || c == '-')
                    .filter(|w| !w.is_empty() && !is_stop(w))
                    .map(str::to_lowercase)
                    .collect();
                terms
                    .iter()
                    .all(|t| words.iter().any(|w| w.starts_with(t.as_str())))
            })
            .collect()
    }

    /// The definitions whose acronym is the whole of `query`, case and
    /// surrounding space aside: "nist", "ALT-EDIC".
    pub fn abbreviated_by(&self, query: &str) -> Vec<&Definition> {
        let query = query.trim();
        if query.contains(char::is_whitespace) || letters(query) < MIN_ACRONYM_QUERY {
            return Vec::new();
        }
        self.entries
            .iter()
            .filter(|d| d.acronym.eq_ignore_ascii_case(query))
            .collect()
    }

    /// Every definition `query` reaches, and how: by its expansion
    /// ([`Glossary::named_by`]) or by the acronym itself
    /// ([`Glossary::abbreviated_by`]).
    pub fn reached_by(&self, query: &str) -> Vec<(&Definition, Reach)> {
        let by_name = self.named_by(query).into_iter().map(|d| (d, Reach::Expansion));
        let by_acronym = self
            .abbreviated_by(query)
            .into_iter()
            .map(|d| (d, Reach::Acronym));
        by_name.chain(by_acronym).collect()
    }

    /// `jointly glossary`: one line per definition, or JSON.
    pub fn print(&self, out: &mut dyn Write, format: Format) -> io::Result<()> {
        if format == Format::Json {
            return crate::output::json::write(out, self);
        }
        let width = self.entries.iter().map(|d| d.acronym.len()).max().unwrap_or(0);
        for d in &self.entries {
            writeln!(
                out,
                "{:width$}  {}  ({})",
                d.acronym,
                d.expansion,
                d.defined_in.join(", ")
            )?;
        }
        Ok(())
    }
}

/// Byte ranges of `acronym` in `text` where it stands as a word of its
/// own: not inside a longer word ("EU" in "EUCC" is not one), though a
/// hyphen may join it to another ("AI-enabled" is). Case must match.
pub fn mentions(text: &str, acronym: &str) -> Vec<std::ops::Range<usize>> {
    whole_words(text, text.match_indices(acronym).map(|(at, _)| at), acronym.len())
}

/// The ranges `at..at + len` of `text` that neither start nor end inside a
/// word. Each `at` and `at + len` must fall on a character boundary.
fn whole_words(text: &str, starts: impl Iterator<Item = usize>, len: usize) -> Vec<std::ops::Range<usize>> {
    let is_word_char = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    starts
        .map(|at| at..at + len)
        .filter(|r| {
            let before = text.get(..r.start).and_then(|t| t.chars().next_back());
            let after = text.get(r.end..).and_then(|t| t.chars().next());
            text.get(r.clone()).is_some() && !is_word_char(before) && !is_word_char(after)
        })
        .collect()
}

/// Every `(acronym, expansion)` that `text` defines, in order.
pub fn definitions(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = 0;
    while let Some(open) = text[rest..].find('(').map(|i| rest + i) {
        let inner_start = open + 1;
        let Some(close) = text[inner_start..].find(')').map(|i| inner_start + i) else {
            break;
        };
        let inner = &text[inner_start..close];
        if is_acronym(inner)
            && let Some(expansion) = expansion_of(&text[..open], inner)
        {
            found.push((inner.to_string(), expansion));
        }
        rest = inner_start;
    }
    found
}

/// Letters and inner hyphens, starting with a capital, mostly capitals, at
/// least two of them: `AI`, `SEA-LION`, `DoD`; not `e.g.`, `Ok` or `5G`.
fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = s.chars().filter(|c| c.is_uppercase()).count();
    (2..=12).contains(&s.chars().count())
        && s.chars().next().is_some_and(char::is_uppercase)
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars().all(|c| c.is_alphabetic() || c == '-')
        && capitals >= 2
        && capitals * 2 >= letters
}

fn is_stop(word: &str) -> bool {
    STOP_WORDS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// The expansion that ends `before` and fits `acronym`, if one does.
fn expansion_of(before: &str, acronym: &str) -> Option<String> {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let words = window(before, letters.len() * 2 + MAX_TAIL + 1);
    for max_tail in [0, MAX_TAIL] {
        // Nearest start first: the shortest expansion that fits.
        for start in (0..words.len()).rev() {
            let candidate = &words[start..];
            if !is_stop(candidate[0]) && candidate.len() >= 2 && fits(candidate, &letters, max_tail) {
                return Some(candidate.join(" "));
            }
        }
    }
    None
}

/// The run of words just before an acronym that could be its expansion:
/// capitalised words and stop words, back to a boundary, in text order.
fn window(before: &str, max: usize) -> Vec<&str> {
    let mut words = Vec::new();
    for raw in before.split_whitespace().rev() {
        if words.len() == max
            || raw.ends_with(['.', ',', ';', ':', '!', '?', ')', ']', '”', '"', '’', '\''])
            || raw.ends_with("’s")
            || raw.ends_with("'s")
        {
            break;
        }
        let word = raw.trim_start_matches(['(', '[', '“', '"', '‘', '\'']);
        let opens = word.len() != raw.len();
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if word.is_empty() || !(capitalised || is_stop(word)) {
            break;
        }
        words.push(word);
        if opens {
            break;
        }
    }
    while words.last().is_some_and(|w| is_stop(w)) {
        words.pop();
    }
    words.reverse();
    words
}

/// Whether `words` spell `letters` (see the module doc), leaving at most
/// `max_tail` words at the end that give none.
fn fits(words: &[&str], letters: &[char], max_tail: usize) -> bool {
    let Some((word, rest)) = words.split_first() else {
        return letters.is_empty();
    };
    let Some((&first, more)) = letters.split_first() else {
        return words.len() <= max_tail;
    };
    let chars: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if chars.first() != Some(&first) {
        return is_stop(word) && fits(rest, letters, max_tail);
    }
    if is_stop(word) {
        return fits(rest, more, max_tail) || fits(rest, letters, max_tail);
    }
    // The word gives its first letter, then as many of the next letters as
    // follow in order inside it; try the longer runs first.
    let mut taken = vec![0];
    let mut at = 1;
    for (i, l) in more.iter().enumerate() {
        match chars[at..].iter().position(|c| c == l) {
            Some(p) => {
                at += p + 1;
                taken.push(i + 1);
            }
            None => break,
        }
    }
    taken.into_iter().rev().any(|n| fits(rest, &more[n..], max_tail))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::{self, LoadOptions};

    fn seeds() -> Glossary {
        Glossary::build(&loader::load(&LoadOptions::embedded_only()).corpus)
    }

    #[test]
    fn every_acronym_the_seeds_define_with_its_exact_expansion() {
        let g = seeds();
        let got: Vec<(&str, &str, Vec<&str>)> = g
            .entries
            .iter()
            .map(|d| {
                (
                    d.acronym.as_str(),
                    d.expansion.as_str(),
                    d.defined_in.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        let eu = "eu-sg-dp/2025-12-01";
        let us = "us-sg-cet/2023-10-12";
        let want: Vec<(&str, &str, Vec<String>)> = vec![
            (
                "AI",
                "Artificial Intelligence",
                vec![format!("{eu}/ai"), format!("{us}/ai")],
            ),
            (
                "ALT-EDIC",
                "Alliance for Language Technologies European Digital Infrastructure Consortium",
                vec![format!("{eu}/ai/3")],
            ),
            ("CET", "Critical and Emerging Technology", vec![us.into()]),
            (
                "DIU",
                "Defense Innovation Unit",
                vec![format!("{us}/defense-innovation/2")],
            ),
            (
                "DoD",
                "Department of Defense",
                vec![format!("{us}/defense-innovation/1")],
            ),
            ("EU", "European Union", vec![eu.into()]),
            (
                "EUCC",
                "EU Common Criteria-based Cybersecurity Certification Scheme",
                vec![format!("{eu}/cybersecurity/4")],
            ),
            (
                "IPEF",
                "Indo-Pacific Economic Framework for Prosperity",
                vec![us.into()],
            ),
            (
                "MINDEF",
                "Ministry of Defence",
                vec![format!("{us}/defense-innovation/1")],
            ),
            (
                "NIST",
                "National Institute of Standards and Technology",
                vec![format!("{us}/ai/3")],
            ),
            (
                "SCCS",
                "Singapore Common Criteria Scheme",
                vec![format!("{eu}/cybersecurity/4")],
            ),
            (
                "SEA-LION",
                "Southeast Asian Languages in One Network",
                vec![format!("{eu}/ai/3")],
            ),
        ];
        let want: Vec<(&str, &str, Vec<&str>)> = want
            .iter()
            .map(|(a, e, ids)| (*a, *e, ids.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(got, want);
        assert_eq!(g.expand("DIU"), Some("Defense Innovation Unit"));
        assert_eq!(g.expand("XYZ"), None);
    }

    fn one(text: &str) -> Option<(String, String)> {
        let mut d = definitions(text);
        assert!(d.len() <= 1, "{d:?}");
        d.pop()
    }

    #[test]
    fn boundaries_stop_the_expansion() {
        let e = |t: &str| one(t).map(|(_, e)| e);
        assert_eq!(
            e("the U.S. Department of Commerce’s National Institute of Standards and Technology (NIST) AI")
                .as_deref(),
            Some("National Institute of Standards and Technology")
        );
        assert_eq!(
            e("The U.S. Department of Defense (DoD) and").as_deref(),
            Some("Department of Defense")
        );
        assert_eq!(
            e("with the Ministry of Foreign Affairs (MFA).").as_deref(),
            Some("Ministry of Foreign Affairs")
        );
        assert_eq!(
            e("“Smart Nation Office (SNO)").as_deref(),
            Some("Smart Nation Office")
        );
    }

    #[test]
    fn what_does_not_fit_is_left_out() {
        for text in [
            // Lowercase words are not a name.
            "the working group (WG)",
            // No word gives the N.
            "Singapore’s Quantum Office (NQO)",
            // Too many words left over.
            "Alpha Beta Gamma Delta Epsilon Zeta (AB)",
            // The only candidate is the acronym itself.
            "the EU (EU)",
            // Nothing before it.
            "(AI) comes first",
            // Not acronyms.
            "research (e.g. on advanced packaging)",
            "the “UN Global Mechanism on ICTs Security” (“UN GM”)",
            "online platforms (including online platforms)",
            "5G networks (5G)",
            "Some Thing (Ok)",
        ] {
            assert_eq!(definitions(text), [], "{text}");
        }
    }

    #[test]
    fn trailing_words_belong_to_the_name_the_writer_closed() {
        // No exact fit ends at the parenthesis, so "Forum", which the writer
        // put inside the name, is kept as a trailing word.
        assert_eq!(
            one("the Global Cross-Border Privacy Rules Forum (CBPR)")
                .map(|d| d.1)
                .as_deref(),
            Some("Cross-Border Privacy Rules Forum")
        );
        assert_eq!(
            one("the Monetary Authority of Singapore (MAS)")
                .map(|d| d.1)
                .as_deref(),
            Some("Monetary Authority of Singapore")
        );
    }

    #[test]
    fn printed_as_text_and_json() {
        let g = seeds();
        let mut out = Vec::new();
        g.print(&mut out, Format::Text).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 12);
        assert!(
            text.contains("DIU       Defense Innovation Unit  (us-sg-cet/2023-10-12/defense-innovation/2)\n"),
            "{text}"
        );
        let mut out = Vec::new();
        g.print(&mut out, Format::Json).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["entries"][0]["acronym"], "AI");
        assert_eq!(v["entries"][0]["defined_in"][1], "us-sg-cet/2023-10-12/ai");
    }

    #[test]
    fn a_query_names_the_acronyms_whose_expansion_it_starts() {
        let g = seeds();
        let named = |q: &str| -> Vec<&str> { g.named_by(q).iter().map(|d| d.acronym.as_str()).collect() };
        assert_eq!(named("language tech"), ["ALT-EDIC"]);
        assert_eq!(named("Artificial"), ["AI"]);
        assert_eq!(named("defen"), ["DIU", "DoD", "MINDEF"]);
        assert_eq!(named("defense innov"), ["DIU"]);
        // Small words in the query are passed over as in the expansion.
        assert_eq!(named("ministry of defence"), ["MINDEF"]);
        assert_eq!(named("the"), Vec::<&str>::new());
        // Every word must start a word of the same expansion.
        assert_eq!(named("defense quantum"), Vec::<&str>::new());
        // Inside a word is not a start; small words and short queries name nothing.
        assert_eq!(named("telligence"), Vec::<&str>::new());
        assert_eq!(named("of"), Vec::<&str>::new());
        assert_eq!(named("in"), Vec::<&str>::new());
        // Hyphenated words count as two.
        assert_eq!(named("pacific"), ["IPEF"]);
        assert_eq!(named("based"), ["EUCC"]);
    }

    #[test]
    fn mentions_are_whole_words_of_the_same_case() {
        let t = "The EU and EUCC; AI-enabled tools, SAIL, ai, (AI) and AI.";
        let got: Vec<&str> = mentions(t, "AI").into_iter().map(|r| &t[r]).collect();
        assert_eq!(got, ["AI", "AI", "AI"]);
        assert_eq!(mentions(t, "AI")[0].start, t.find("AI-").unwrap());
        assert_eq!(mentions(t, "EU").len(), 1);
        assert_eq!(mentions("», DoD»", "DoD").first(), Some(&(4..7)));
        assert!(mentions("", "AI").is_empty());
    }

    #[test]
    fn an_acronym_as_the_query_reaches_its_expansion_written_out() {
        let g = seeds();
        let abbreviated =
            |q: &str| -> Vec<&str> { g.abbreviated_by(q).iter().map(|d| d.acronym.as_str()).collect() };
        assert_eq!(abbreviated("nist"), ["NIST"]);
        assert_eq!(abbreviated(" ALT-EDIC "), ["ALT-EDIC"]);
        assert_eq!(abbreviated("dod"), ["DoD"]);
        assert_eq!(abbreviated("nist standards"), Vec::<&str>::new());
        assert_eq!(abbreviated("nis"), Vec::<&str>::new());
        let reached: Vec<(&str, Reach)> = g
            .reached_by("ai")
            .iter()
            .map(|(d, r)| (d.acronym.as_str(), *r))
            .collect();
        assert_eq!(reached, [("AI", Reach::Acronym)]);

        let nist = g.abbreviated_by("NIST")[0];
        let t = "The national institute of Standards and Technology; NIST; \
                 National Institute of Standards and Technologyx.";
        let spots = nist.spots(t, Reach::Acronym);
        assert_eq!(spots.len(), 1, "{spots:?}");
        assert_eq!(
            &t[spots[0].clone()],
            "national institute of Standards and Technology"
        );
        assert_eq!(nist.spots(t, Reach::Expansion).len(), 1);
    }
}
