//! Stance: how firm a commitment's language is, read from its main verb.
//!
//! The rules look at the first sentence, after a leading phrase such as
//! "Acknowledging alignment in our approaches, ..." or "Toward this end, ...",
//! for the first finite verb that signals a stance. Participles never count
//! ("acknowledging" is not "acknowledge"), nor do verbs in a relative clause
//! ("an initiative which aims to ..."). A modal "will" gives way to the verb it
//! carries: "will seek to" is intend, "will explore" is explore, "will build"
//! is commit. Verbs joined by "and" to the main verb ("welcome X and intend to
//! Y") are read together, and the firmest wins.

use std::fmt;

use crate::model::{Area, Origin, Stance};

/// The stance the rules read in `text`, if any cue is found.
pub fn infer(text: &str) -> Option<Stance> {
    let mut sentences = Sentences { rest: text };
    let first = sentences.next()?;
    let main = main_clause(first);
    clause_stance(main)
        // The whole sentence, if the leading phrase hid the only cue.
        .or_else(|| (main.len() < first.len()).then(|| clause_stance(first)).flatten())
        .or_else(|| sentences.find_map(|s| clause_stance(main_clause(s))))
}

/// The stance of one clause: its first cue, made firmer by cues coordinated with it.
fn clause_stance(clause: &str) -> Option<Stance> {
    let lower = clause.to_lowercase();
    let w: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        // A possessive "’s" is not a word; dropping it keeps "Singapore’s" one word.
        .filter(|w| !w.is_empty() && *w != "s")
        .collect();
    let (start, (mut stance, len)) = (0..w.len()).find_map(|i| main_cue(&w, i).map(|c| (i, c)))?;
    for j in start + len..w.len() {
        if w[j - 1] == "and"
            && let Some((other, _)) = main_cue(&w, j)
        {
            // Stance orders firmest first.
            stance = stance.min(other);
        }
    }
    Some(stance)
}

/// A cue at `w[i]` that is a main verb: not after an article, a possessive or
/// a relative pronoun ("a plan to", "the will", "which aims to").
fn main_cue(w: &[&str], i: usize) -> Option<(Stance, usize)> {
    let before = if i == 0 { "" } else { w[i - 1] };
    if matches!(
        before,
        "a" | "an"
            | "the"
            | "this"
            | "our"
            | "their"
            | "its"
            | "his"
            | "her"
            | "your"
            | "that"
            | "which"
            | "who"
    ) {
        return None;
    }
    cue(w, i)
}

/// The stance cue starting at `w[i]` and how many words it spans.
fn cue(w: &[&str], i: usize) -> Option<(Stance, usize)> {
    let at = |k: usize| w.get(i + k).copied().unwrap_or("");
    if matches!(at(0), "will" | "shall") {
        let mut j = 1;
        while is_adverb(at(j)) {
            j += 1;
        }
        return Some(match verb_cue(w, i + j) {
            Some((stance, n)) => (stance, j + n),
            None => (Stance::Commit, 1),
        });
    }
    verb_cue(w, i)
}

/// Adverbs that may sit between "will" and its verb.
fn is_adverb(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ly"))
        || matches!(
            w,
            "also"
                | "further"
                | "together"
                | "now"
                | "therefore"
                | "then"
                | "both"
                | "still"
                | "soon"
                | "again"
        )
}

/// A cue verb (not a modal) starting at `w[i]`.
fn verb_cue(w: &[&str], i: usize) -> Option<(Stance, usize)> {
    use Stance::{Acknowledge, Commit, Explore, Intend};
    let at = |k: usize| w.get(i + k).copied().unwrap_or("");
    let next_is = |word: &str| at(1) == word;
    Some(match at(0) {
        "commit" | "commits" | "committed" | "resolve" | "resolves" | "resolved" | "pledge" | "pledges"
        | "pledged" | "undertake" | "undertakes" | "undertook" | "decide" | "decides" | "decided"
            if next_is("to") =>
        {
            (Commit, 2)
        }
        // "agreed that X marked a step" takes note of a view; "agreed to", "agreed on" decide.
        "agree" | "agrees" | "agreed" if next_is("that") => (Acknowledge, 2),
        "agree" | "agrees" | "agreed" => (Commit, 1),
        "intend" | "intends" | "plan" | "plans" | "planned" | "seek" | "seeks" | "sought" | "aim"
        | "aims" | "hope" | "hopes" | "expect" | "expects"
            if next_is("to") =>
        {
            (Intend, 2)
        }
        "look" | "looks" | "looked" if next_is("forward") && at(2) == "to" => (Intend, 3),
        "envisage" | "envisages" | "envisaged" | "envision" | "envisions" => (Intend, 1),
        "explore" | "explores" | "explored" | "consider" | "considers" => (Explore, 1),
        "express" | "expresses" | "expressed" if next_is("interest") => (Explore, 2),
        "express" | "expresses" | "expressed" if next_is("appreciation") => (Acknowledge, 2),
        "take" | "takes" | "took" if next_is("note") => (Acknowledge, 2),
        "share" | "shares" | "shared" => {
            // "share an interest in", "share a common interest": not "share information".
            let n = (1..=3).find(|&k| matches!(at(k), "interest" | "interests"))?;
            if at(0) == "shared" && !matches!(at(1), "a" | "an") {
                return None;
            }
            (Acknowledge, n + 1)
        }
        "welcome" | "welcomes" | "welcomed" | "acknowledge" | "acknowledges" | "acknowledged"
        | "recognise" | "recognises" | "recognised" | "recognize" | "recognizes" | "recognized"
        | "reaffirm" | "reaffirms" | "reaffirmed" | "affirm" | "affirms" | "affirmed" | "note" | "notes"
        | "noted" | "underscore" | "underscores" | "underscored" | "stress" | "stresses" | "stressed"
        | "emphasise" | "emphasises" | "emphasised" | "emphasize" | "emphasizes" | "emphasized"
        | "highlight" | "highlights" | "highlighted" | "commend" | "commends" | "commended"
        | "appreciate" | "appreciates" | "appreciated" | "reiterate" | "reiterates" | "reiterated" => {
            (Acknowledge, 1)
        }
        _ => return None,
    })
}

/// The clause after a leading phrase, or the whole sentence. A leading phrase
/// opens with a participle, a preposition or a linking adverb and ends at the
/// first comma: "Acknowledging alignment ..., we intend to launch".
fn main_clause(sentence: &str) -> &str {
    let first = sentence
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    let opens_phrase = (first.len() > 4 && first.ends_with("ing"))
        || matches!(
            first.as_str(),
            "in" | "through"
                | "toward"
                | "towards"
                | "to"
                | "as"
                | "while"
                | "with"
                | "under"
                | "after"
                | "before"
                | "since"
                | "given"
                | "for"
                | "on"
                | "at"
                | "by"
                | "from"
                | "within"
                | "beyond"
                | "despite"
                | "furthermore"
                | "additionally"
                | "finally"
                | "moreover"
                | "also"
                | "further"
                | "lastly"
                | "first"
                | "second"
                | "third"
                | "today"
                | "now"
                | "meanwhile"
                | "similarly"
                | "likewise"
        );
    match sentence.find(',') {
        Some(comma) if opens_phrase => &sentence[comma + 1..],
        _ => sentence,
    }
}

/// Sentences of a text. A full stop ends a sentence when a capital letter or
/// an opening quote follows, unless it closes an abbreviation ("U.S.", "e.g.",
/// "Dr.").
struct Sentences<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Sentences<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let text = self.rest.trim_start();
        if text.is_empty() {
            return None;
        }
        let mut from = 0;
        while let Some(at) = text[from..].find(['.', '?', '!']) {
            let i = from + at;
            from = i + 1;
            let after = &text[from..];
            let next_starts = after.starts_with(char::is_whitespace)
                && after
                    .trim_start()
                    .starts_with(|n: char| n.is_uppercase() || matches!(n, '"' | '“' | '‘' | '(' | '['));
            if next_starts && !(text.as_bytes()[i] == b'.' && ends_in_abbreviation(&text[..i])) {
                self.rest = after;
                return Some(&text[..=i]);
            }
        }
        self.rest = "";
        Some(text)
    }
}

/// Whether the word just before a full stop is an abbreviation, by the
/// importer's rule (one list of abbreviations for both).
fn ends_in_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    crate::import::sentences::is_abbreviation(word)
}

/// How many commitments of an area carry each stance.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Counts in the order of [`Stance::ALL`]: commit, intend, explore, acknowledge.
    pub counts: [usize; 4],
    /// Commitments with no stance (no cue found, none curated).
    pub unknown: usize,
    /// How many of the counted stances were inferred by the rules.
    pub inferred: usize,
}

impl Tally {
    /// The tally of an area's commitments.
    pub fn of(area: &Area) -> Tally {
        let mut t = Tally::default();
        for c in &area.commitments {
            match c.stance {
                Some((s, origin)) => {
                    t.counts[s as usize] += 1;
                    t.inferred += usize::from(origin == Origin::Inferred);
                }
                None => t.unknown += 1,
            }
        }
        t
    }

    /// Commitments with stance `s`.
    pub fn get(&self, s: Stance) -> usize {
        self.counts[s as usize]
    }
}

impl fmt::Display for Tally {
    /// `commit/intend/explore/acknowledge`, e.g. `1/2/0/1`, with `+N?` for
    /// commitments without a stance.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [c, i, e, a] = self.counts;
        write!(f, "{c}/{i}/{e}/{a}")?;
        if self.unknown > 0 {
            write!(f, " +{}?", self.unknown)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Stance::{Acknowledge, Commit, Explore, Intend};

    #[test]
    fn the_issue_examples() {
        let cases = [
            (
                "Intend to exchange views on policies and strategies on quantum technologies as a new area of cooperation.",
                Intend,
            ),
            (
                "Express interest in collaborative research (e.g. on advanced packaging) and leveraging relevant opportunities including the Horizon Europe framework.",
                Explore,
            ),
            (
                "Recognise the importance of cybersecurity evaluation and certification schemes in building trust and confidence in digital products and services. Singapore and the EU will explore potential synergies between the EU Common Criteria-based Cybersecurity Certification Scheme (EUCC) and the Singapore Common Criteria Scheme (SCCS), in order to streamline certification procedures.",
                Acknowledge,
            ),
            (
                "Acknowledging alignment in our approaches and our combined influence in the field of AI, we intend to launch a bilateral AI Governance Group.",
                Intend,
            ),
            (
                "The two countries commit to advance focused collaboration toward promoting secure and resilient information and communications technology infrastructure.",
                Commit,
            ),
            (
                "In addition to bilateral exchanges, the two sides note the importance of coordinating on standards and pre-standardization work.",
                Acknowledge,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(infer(text), Some(want), "{text}");
        }
    }

    #[test]
    fn the_main_verb_wins_over_a_leading_phrase() {
        // The leading phrase holds a finite cue of its own; the main clause decides.
        assert_eq!(
            infer("As they agreed to in 2022, the parties will explore a joint lab."),
            Some(Explore)
        );
        assert_eq!(
            infer("Welcoming the report, the sides commit to act."),
            Some(Commit)
        );
        assert_eq!(infer("Recognizing the risks, they plan to meet."), Some(Intend));
        // Without a comma, the participle simply is no cue.
        assert_eq!(infer("Noting progress we will act."), Some(Commit));
    }

    #[test]
    fn will_gives_way_to_the_verb_it_carries() {
        assert_eq!(infer("They will seek to cooperate."), Some(Intend));
        assert_eq!(infer("They will also explore synergies."), Some(Explore));
        assert_eq!(infer("They will jointly build a lab."), Some(Commit));
        assert_eq!(infer("The sides shall consider options."), Some(Explore));
    }

    #[test]
    fn coordinated_verbs_take_the_firmest() {
        assert_eq!(
            infer("We welcome the mapping, and will build on it."),
            Some(Commit)
        );
        assert_eq!(
            infer("They welcome investments and intend to support them."),
            Some(Intend)
        );
        assert_eq!(infer("Intend to continue and explore use cases."), Some(Intend));
        // A cue in a relative clause is not coordinated with the main verb.
        assert_eq!(
            infer("Acknowledged the initiative which aims to agree on labels."),
            Some(Acknowledge)
        );
    }

    #[test]
    fn nouns_and_participles_are_not_cues() {
        assert_eq!(
            infer("Reaffirmed the willingness to implement it."),
            Some(Acknowledge)
        );
        assert_eq!(infer("A plan to meet was noted."), Some(Acknowledge));
        assert_eq!(infer("Their commitment to openness."), None);
        assert_eq!(infer("Looking forward, exchanges continue."), None);
        assert_eq!(infer("Agreed that the step was important."), Some(Acknowledge));
        assert_eq!(infer("Agreed to meet again."), Some(Commit));
        assert_eq!(
            infer("They share an interest in trusted data flows."),
            Some(Acknowledge)
        );
        assert_eq!(infer("They share information."), None);
        assert_eq!(infer("They look forward to the next meeting."), Some(Intend));
    }

    #[test]
    fn later_sentences_are_read_only_when_the_first_has_no_cue() {
        assert_eq!(
            infer("Exchanges took place. They intend to continue."),
            Some(Intend)
        );
        assert_eq!(infer("Intend to meet. They will sign."), Some(Intend));
    }

    #[test]
    fn sentences_do_not_end_at_abbreviations() {
        let s: Vec<&str> = Sentences {
            rest: "The U.S. Department and Dr. Lee met (e.g. on AI). They agreed. Fine",
        }
        .collect();
        assert_eq!(
            s,
            [
                "The U.S. Department and Dr. Lee met (e.g. on AI).",
                "They agreed.",
                "Fine"
            ]
        );
    }

    #[test]
    fn tallies_count_by_stance_and_origin() {
        use crate::model::Commitment;
        let c = |stance| Commitment {
            text: "x".into(),
            stance,
            lines: None,
        };
        let area = Area {
            id: "a".into(),
            title: "A".into(),
            untitled: false,
            section: Vec::new(),
            intro: Vec::new(),
            outro: Vec::new(),
            topics: Vec::new(),
            title_lines: None,
            commitments: vec![
                c(Some((Commit, Origin::Curated))),
                c(Some((Intend, Origin::Inferred))),
                c(Some((Intend, Origin::Inferred))),
                c(None),
            ],
        };
        let t = Tally::of(&area);
        assert_eq!(
            (
                t.get(Commit),
                t.get(Intend),
                t.get(Explore),
                t.unknown,
                t.inferred
            ),
            (1, 2, 0, 1, 2)
        );
        assert_eq!(t.to_string(), "1/2/0/0 +1?");
    }
}
