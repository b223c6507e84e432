//! The grammar of one sentence, as far as stance needs it: words with their
//! places, the verbs that head clauses, what a modal or "intend to" carries,
//! and each verb's subject.
//!
//! A verb is read as a finite verb only where the grammar allows one: not
//! after an article, a possessive or a preposition ("a plan to", "the will"),
//! not after "to" (an infinitive belongs to the verb before it), not in a
//! relative clause ("an initiative which aims to ..."), and not inside the
//! complement of "intend to" or "will", whose verbs it carries. A participle is
//! a verb only after "are"/"is" ("are working towards") or as the opening of
//! an item ("Establishing a working group ...").

use std::borrow::Cow;

use super::lexicon::{self, ADVERB, AUXILIARY, Class, DETERMINER, Form, MODAL, RELATIVE, WEAK_MODAL};
use crate::model::Stance;

/// A word or a punctuation mark, with its byte range in the commitment's text.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    /// Lowercase, without a possessive "’s" ("u.s" keeps its dot); borrowed
    /// from the text when it is lowercase already.
    pub lower: Cow<'a, str>,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// Punctuation that ends a phrase: `, ; : — –`.
    pub punct: bool,
    /// Whether it starts with a capital letter in the text.
    pub cap: bool,
    /// What it is among the function words ([`lexicon::flags`]).
    pub flags: u8,
    /// The cue verb it is a form of, with its form and class.
    pub cue: Option<lexicon::Verb>,
    /// The verb of doing (or cue verb) it is a form of ([`lexicon::lookup`]), with the form.
    pub act: Option<(&'static str, Form)>,
}

/// Splits `sentence` (found at byte `base` of the text) into words and phrase punctuation.
pub fn tokens(sentence: &str, base: usize) -> Vec<Tok<'_>> {
    // A word takes about five bytes; a hostile one-word "sentence" of 20 MB
    // would otherwise reserve hundreds of megabytes of tokens up front.
    let mut out = Vec::with_capacity((sentence.len() / 5 + 1).min(256));
    let mut i = 0;
    while i < sentence.len() {
        let (c, len) = char_at(sentence, i);
        if c.is_alphanumeric() {
            let mut end = i + len;
            // Inner hyphens, dots ("U.S.") and apostrophes stay in the word.
            while end < sentence.len() {
                let (n, n_len) = char_at(sentence, end);
                let joins = matches!(n, '-' | '.' | '’' | '\'' | '&')
                    && end + n_len < sentence.len()
                    && char_at(sentence, end + n_len).0.is_alphanumeric();
                if n.is_alphanumeric() || joins {
                    end += n_len;
                } else {
                    break;
                }
            }
            let word = &sentence[i..end];
            let word = word
                .strip_suffix("’s")
                .or_else(|| word.strip_suffix("'s"))
                .or_else(|| word.strip_suffix("’S"))
                .unwrap_or(word);
            let lower: Cow<str> = if word.bytes().any(|b| b.is_ascii_uppercase() || b >= 128) {
                Cow::Owned(word.to_lowercase())
            } else {
                Cow::Borrowed(word)
            };
            // Looked up once here: the rules ask about each word many times.
            // Numbers and long words are neither verbs of the lexicon nor function words.
            // Nor is a capitalised word inside a sentence: a name ("Singapore", "NIST").
            let plain = lower.len() <= 16 && !c.is_numeric() && (out.is_empty() || !c.is_uppercase());
            let (verb, flags) = if plain { lexicon::lookup(&lower) } else { (None, 0) };
            out.push(Tok {
                start: base + i,
                end: base + end,
                punct: false,
                cap: c.is_uppercase(),
                flags,
                cue: verb.filter(|v| v.class.is_some()),
                act: verb.map(|v| (v.lemma, v.form)),
                lower,
            });
            i = end;
            continue;
        }
        if matches!(c, ',' | ';' | ':' | '—' | '–') {
            out.push(Tok {
                lower: Cow::Borrowed(&sentence[i..i + len]),
                start: base + i,
                end: base + i + len,
                punct: true,
                cap: false,
                flags: 0,
                cue: None,
                act: None,
            });
        }
        i += len;
    }
    out
}

/// The character at byte `i` of `s` and its length; ASCII without decoding.
fn char_at(s: &str, i: usize) -> (char, usize) {
    match s.as_bytes().get(i) {
        Some(&b) if b < 128 => (char::from(b), 1),
        _ => s
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

impl Tok<'_> {
    /// Whether it has any of the [`lexicon::flags`] bits `f`.
    pub fn is(&self, f: u8) -> bool {
        self.flags & f != 0
    }
}

/// Who a verb's clause names as its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// The words before the verb, as a byte range of the text.
    Explicit(usize, usize),
    /// None written: an item of a list ("Intend to ...", "Establishing ..."),
    /// whose subject is the list's lead-in or the statement's authors.
    Unwritten,
    /// A verb coordinated with an earlier one ("..., and will build"): its subject.
    Earlier,
}

/// How a cue was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A finite verb (or a modal with its verb) heading a clause.
    Finite,
    /// The gerund or bare infinitive an item opens with.
    Opening,
    /// A verb that reports or describes, and signals no stance of its own.
    Other,
}

/// A verb that decides a stance, with its words and subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// The stance it signals.
    pub stance: Stance,
    /// Byte range of the deciding words ("will explore", "intend to").
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// Its subject.
    pub subject: Subject,
    /// How it was found.
    pub kind: Kind,
    /// For an opening bare infinitive: a lead-in's modal would carry it.
    pub bare: bool,
}

impl Cue {
    /// A finite verb group from the word at `i` to the word at `end`, whose
    /// subject stands before `i`.
    fn finite(toks: &[Tok<'_>], i: usize, end: usize, stance: Stance) -> Cue {
        Cue {
            stance,
            start: toks[i].start,
            end: toks[end].end,
            subject: subject(toks, i),
            kind: Kind::Finite,
            bare: false,
        }
    }
}

/// Every cue of one sentence, in order. `opening` says whether the sentence
/// opens an item, so that a gerund or bare infinitive at its start heads it.
pub fn cues(toks: &[Tok<'_>], opening: bool) -> Vec<Cue> {
    let mut out: Vec<Cue> = Vec::new();
    let at = |i: usize| toks.get(i).map_or("", |t| t.lower.as_ref());
    // Inside the complement of "intend to", "will" or a verb's object: verbs
    // there are carried, not heads, unless a new subject opens a clause.
    let mut complement = false;
    // Inside an infinitive ("a dialogue to discuss options to promote
    // internationally recognized rights"): its verbs are never heads.
    let mut infinitive = false;
    let mut leading_infinitive = false;
    // "Noting the progress made by X, the sides agreed ...": a sentence that
    // opens with a participle frames its main clause, which follows its comma.
    let mut leading_participle = toks.first().is_some_and(|t| {
        t.lower == "given"
            || t.act.is_some_and(|(_, f)| f == Form::Gerund)
            || (t.lower.len() > 5 && t.lower.ends_with("ing"))
    });
    let mut i = 0;
    while i < toks.len() {
        let w = at(i);
        if toks[i].punct {
            if matches!(w, ";" | ":") {
                complement = false;
                infinitive = false;
            }
            if w == "," && leading_participle {
                leading_participle = false;
                complement = false;
                infinitive = false;
            }
            // "To support our aims, the sides intend to ...": a leading purpose ends at its comma.
            if w == "," && leading_infinitive {
                infinitive = false;
                // "To achieve X, and to ensure Y, the sides ...": the phrase goes on.
                leading_infinitive = toks
                    .get(i + 1)
                    .is_some_and(|t| matches!(t.lower.as_ref(), "and" | "to"));
            }
            i += 1;
            continue;
        }
        if matches!(w, "that" | "we" | "they" | "it" | "both" | "whereas") && !after_to(toks, i) {
            complement = false;
            infinitive = false;
        }
        // A finite "is" or "was" cannot be inside an infinitive: the main clause resumes.
        if toks[i].is(AUXILIARY) && !matches!(w, "be" | "been" | "have" | "do" | "remain") {
            infinitive = false;
        }
        if w == "to"
            && toks
                .get(i + 1)
                .is_some_and(|t| t.act.as_ref().is_some_and(|(_, f)| *f == Form::Base))
        {
            infinitive = true;
            // A sentence that opens "To ..." leads in with a purpose until its main clause.
            leading_infinitive |= toks[0].lower == "to" && out.is_empty();
            i += 1;
            continue;
        }
        // "Progress in the task force, including exploring reciprocity": an
        // undertaking the item names among others.
        if i > 0
            && toks[i - 1].lower == "including"
            && w.ends_with("ing")
            && let Some((class, end)) = head(toks, i, true)
        {
            out.push(Cue {
                stance: class.stance(),
                start: toks[i].start,
                end: toks[end].end,
                subject: Subject::Unwritten,
                kind: Kind::Opening,
                bare: false,
            });
            i = end + 1;
            continue;
        }
        let prev_tok = previous(toks, i);
        let prev = prev_tok.map(|t| t.lower.as_ref());
        if toks[i].is(MODAL) {
            // "the will", "political will of": a noun, not a modal.
            let noun = prev_tok.is_some_and(|p| p.is(DETERMINER | RELATIVE))
                || toks[i + 1..]
                    .iter()
                    .find(|t| t.punct || !t.is(ADVERB))
                    .is_none_or(|t| {
                        // "The Quad will:" carries the verbs of the list after it.
                        (t.punct && t.lower != ":") || t.lower == "to" || t.is(DETERMINER)
                    });
            if noun {
                i += 1;
                continue;
            }
            let (stance, end) = carried(toks, i + 1);
            out.push(Cue::finite(toks, i, end, stance));
            complement = true;
            i = end + 1;
            continue;
        }
        // "Commitment to continue ...", "Reaffirmed the willingness to implement":
        // an undertaking named by a noun, opening an item or affirmed by its verb.
        if let Some((stance, end)) = nominal(toks, i, &out, complement) {
            out.push(Cue {
                stance,
                start: toks[i].start,
                end: toks[end].end,
                subject: if i == 0 {
                    Subject::Unwritten
                } else {
                    Subject::Earlier
                },
                kind: Kind::Finite,
                bare: false,
            });
            i = end + 1;
            continue;
        }
        // "Japan is in discussions to provide ...": exploring.
        if toks[i].is(AUXILIARY)
            && prev.is_some()
            && toks.get(i + 1).is_some_and(|t| t.lower == "in")
            && toks.get(i + 2).is_some_and(|t| {
                matches!(
                    t.lower.as_ref(),
                    "discussion" | "discussions" | "talks" | "negotiations"
                )
            })
        {
            out.push(Cue::finite(toks, i, i + 2, Stance::Explore));
            complement = true;
            i += 3;
            continue;
        }
        // "This assists", "These show": a demonstrative may be a subject.
        let pronoun = matches!(prev, Some("this" | "these" | "it"));
        let blocked =
            prev_tok.is_some_and(|p| p.lower == "to" || (p.is(DETERMINER) && !pronoun) || p.is(RELATIVE));
        let coordinated = prev == Some("and") && !complement_of_to(&out);
        if blocked || infinitive || (complement && !coordinated) {
            i += 1;
            continue;
        }
        // "may consider", "could explore", "might launch": an undertaking
        // held open, which explores it.
        if prev.is_some()
            && let Some(end) = possible(toks, i)
        {
            out.push(Cue::finite(toks, i, end, Stance::Explore));
            complement = true;
            i = end + 1;
            continue;
        }
        if let Some((stance, end, form)) = finite(toks, i, prev_tok) {
            out.push(Cue {
                stance,
                start: toks[i].start,
                end: toks[end].end,
                subject: subject(toks, i),
                kind: Kind::Finite,
                // "Explore ..." opening an item: a lead-in's "will" or "intend to" carries it.
                bare: i == 0 && form == Form::Base,
            });
            complement = true;
            i = end + 1;
            continue;
        }
        if other_verb(toks, i, prev_tok) {
            // "is committed to": an auxiliary opens no complement.
            let aux = toks[i].is(AUXILIARY);
            out.push(Cue {
                stance: Stance::Acknowledge,
                start: toks[i].start,
                end: toks[i].end,
                subject: subject(toks, i),
                kind: Kind::Other,
                bare: false,
            });
            complement = !aux;
        }
        i += 1;
    }
    if opening && let Some(cue) = opening_cue(toks, &out) {
        if !cue.bare {
            // "Welcoming X and committing to Y": gerunds joined to the opening one.
            for i in 2..toks.len() {
                if toks[i - 1].lower != "and" || !toks[i].lower.ends_with("ing") {
                    continue;
                }
                if let Some((class, end)) = head(toks, i, true) {
                    out.push(Cue {
                        stance: class.stance(),
                        start: toks[i].start,
                        end: toks[end].end,
                        subject: Subject::Unwritten,
                        kind: Kind::Opening,
                        bare: false,
                    });
                }
            }
            out.sort_by_key(|c| c.start);
        }
        out.insert(0, cue);
    }
    negate(toks, &mut out);
    out
}

/// A negated undertaking undertakes nothing: "will not fund", "does not
/// intend to", "no longer intend to", "decided to refrain from". Its cue
/// becomes acknowledge, and its words take in the negation.
fn negate(toks: &[Tok<'_>], cues: &mut [Cue]) {
    let negator = |k: usize| {
        let w = toks[k].lower.as_ref();
        // "will not only fund X but also ...": no negation.
        (lexicon::is_negator(w) && toks.get(k + 1).is_none_or(|t| t.lower != "only"))
            || (w == "no" && toks.get(k + 1).is_some_and(|t| t.lower == "longer"))
    };
    for cue in cues.iter_mut().filter(|c| c.kind != Kind::Other) {
        let (Some(first), Some(last)) = (
            toks.iter().position(|t| t.start == cue.start),
            toks.iter().position(|t| t.end == cue.end),
        ) else {
            continue;
        };
        // Back over the adverbs before the verb: "does not intend", "no longer intend".
        let mut before = None;
        let mut j = first;
        while j > 0 && !toks[j - 1].punct {
            let k = j - 1;
            if negator(k) {
                before = Some(k);
            } else if toks[k].lower == "longer" && k > 0 && toks[k - 1].lower == "no" {
                before = Some(k - 1);
                j -= 1;
            } else if !toks[k].is(ADVERB) {
                break;
            }
            j -= 1;
        }
        let within = (first..=last).any(|k| negator(k) || lexicon::is_negating_verb(&toks[k].lower));
        // "decided to refrain from": the complement undoes the undertaking.
        let after = toks[last].lower == "to"
            && toks
                .get(last + 1)
                .is_some_and(|t| lexicon::is_negating_verb(&t.lower));
        if before.is_none() && !within && !after {
            continue;
        }
        cue.stance = Stance::Acknowledge;
        if let Some(k) = before {
            cue.start = toks[k].start;
        }
        if after {
            let k = if toks.get(last + 2).is_some_and(|t| t.lower == "from") {
                last + 2
            } else {
                last + 1
            };
            cue.end = toks[k].end;
        }
    }
}

/// The word before `i`, passing over adverbs.
fn previous<'t>(toks: &'t [Tok<'t>], i: usize) -> Option<&'t Tok<'t>> {
    toks[..i].iter().rev().find(|t| t.punct || !t.is(ADVERB))
}

/// Whether the word at `i` follows "to" (an infinitive's object, not a subject).
fn after_to(toks: &[Tok<'_>], i: usize) -> bool {
    i > 0 && toks[i - 1].lower == "to"
}

/// Whether the last cue ends in "to": its complement is an infinitive whose
/// coordinated verbs ("to continue X and explore Y") it carries.
fn complement_of_to(cues: &[Cue]) -> bool {
    cues.last()
        .is_some_and(|c| c.kind == Kind::Finite && c.stance != Stance::Acknowledge)
}

/// What "will" carries, from the word at `i`: the stance and the index of the
/// last word of the verb group.
fn carried(toks: &[Tok<'_>], mut i: usize) -> (Stance, usize) {
    let last = toks.len().saturating_sub(1);
    loop {
        if i < toks.len() && !toks[i].punct && toks[i].is(ADVERB) {
            i += 1;
        } else if toks.get(i).is_some_and(|t| t.lower == "no")
            && toks.get(i + 1).is_some_and(|t| t.lower == "longer")
        {
            // "will no longer fund": negated, read by `negate`.
            i += 2;
        } else {
            break;
        }
    }
    if i >= toks.len() || toks[i].punct {
        return (Stance::Commit, i.saturating_sub(1).min(last));
    }
    // "will be launched", "will be able to": the verb after "be" carries.
    if toks[i].lower == "be" && toks.get(i + 1).is_some_and(|t| !t.punct) {
        i += 1;
    }
    match head(toks, i, true) {
        Some((Class::Aspect, end)) => {
            // "will continue to explore": the verb after the aspect decides.
            let next = after_aspect(toks, end);
            match toks.get(next).and_then(|_| head(toks, next, true)) {
                Some((class, e)) if class != Class::Aspect && class != Class::Commit => (class.stance(), e),
                _ => (Stance::Commit, end),
            }
        }
        Some((Class::Acknowledge, end)) => (Stance::Commit, end),
        Some((class, end)) => (class.stance(), end),
        None => (Stance::Commit, i),
    }
}

/// Where the verb an aspect verb ends at `end` carries starts: "continue
/// to explore", "keep exploring".
fn after_aspect(toks: &[Tok<'_>], end: usize) -> usize {
    if toks.get(end + 1).is_some_and(|t| t.lower == "to") {
        end + 2
    } else {
        end + 1
    }
}

/// The class of the verb at `i` taken in its base or gerund form, with the
/// index of the last word of its cue: "seek to" (intend), "look forward to",
/// "express interest" (explore). `None` when the word is not a cue verb, or
/// lacks what its class needs ("plan" without "to").
fn head(toks: &[Tok<'_>], i: usize, any_form: bool) -> Option<(Class, usize)> {
    let word = toks.get(i)?;
    if word.punct {
        return None;
    }
    let lexicon::Verb { lemma, form, class } = word.cue?;
    if !any_form && form == Form::Gerund {
        return None;
    }
    let next = |k: usize| toks.get(i + k).map_or("", |t| t.lower.as_ref());
    let class = class?;
    Some(match (class, lemma) {
        (Class::IntendTo, "look") => match (next(1), next(2)) {
            ("forward", "to") => (Class::IntendTo, i + 2),
            ("to", _) => (Class::IntendTo, i + 1),
            ("into", _) => (Class::Explore, i + 1),
            _ => return None,
        },
        (Class::IntendTo, "work") => match next(1) {
            "toward" | "towards" | "to" => (Class::IntendTo, i + 1),
            _ => return None,
        },
        (Class::IntendTo, "stand") => match (next(1), next(2)) {
            ("ready", "to") => (Class::IntendTo, i + 2),
            _ => return None,
        },
        (Class::IntendTo | Class::CommitTo, _) => match next(1) {
            "to" => (class, i + 1),
            // "have committed $1 billion", "are determined in": a firm act only for commit.
            _ if lemma == "commit" => (Class::Commit, i),
            // "We wish these universities success": a courtesy.
            _ if lemma == "wish" && form != Form::Gerund => (Class::Acknowledge, i),
            _ => return None,
        },
        (Class::Commit, "agree") if next(1) == "that" => (Class::Acknowledge, i),
        (Class::Acknowledge, "take") => match next(1) {
            "note" | "stock" => (Class::Acknowledge, i + 1),
            _ => return None,
        },
        (Class::Acknowledge, "share") => {
            let k = (1..=3).find(|&k| {
                matches!(
                    next(k),
                    "interest"
                        | "interests"
                        | "view"
                        | "views"
                        | "concern"
                        | "concerns"
                        | "vision"
                        | "commitment"
                        | "objective"
                        | "objectives"
                        | "aim"
                        | "aims"
                        | "goal"
                        | "goals"
                        | "desire"
                        | "belief"
                        | "values"
                        | "principles"
                        | "priority"
                        | "priorities"
                        | "imperative"
                )
            })?;
            if form == Form::Past && !matches!(next(1), "a" | "an" | "the" | "their" | "our") {
                return None;
            }
            (Class::Acknowledge, i + k)
        }
        (Class::Acknowledge, "express") => {
            // "express interest", "expressed their strong support".
            let k = (1..=3).find(|&k| {
                matches!(
                    next(k),
                    "interest"
                        | "appreciation"
                        | "support"
                        | "concern"
                        | "concerns"
                        | "gratitude"
                        | "condolences"
                        | "satisfaction"
                        | "hope"
                        | "regret"
                )
            })?;
            let class = if next(k) == "interest" {
                Class::Explore
            } else {
                Class::Acknowledge
            };
            (class, i + k)
        }
        // "mark" acknowledges only as a finite verb with a subject ("This marks a step").
        (Class::Acknowledge, "mark") if form == Form::Base || form == Form::Gerund => return None,
        _ => (class, i),
    })
}

/// An undertaking named by a noun at `i` with "to" and a verb after it
/// ("commitment to continue", "willingness to implement"), where it counts:
/// opening an item, or as the object of an affirming verb ("reaffirmed the
/// willingness to"), not inside a description ("a joint commitment to ...").
fn nominal(toks: &[Tok<'_>], i: usize, found: &[Cue], complement: bool) -> Option<(Stance, usize)> {
    let stance = match toks[i].lower.as_ref() {
        "commitment" | "commitments" | "determination" | "pledge" | "resolve" => Stance::Commit,
        "willingness" | "intention" | "intent" | "readiness" | "aspiration" | "ambition" => Stance::Intend,
        _ => return None,
    };
    if toks.get(i + 1)?.lower != "to" {
        return None;
    }
    let verb = toks.get(i + 2)?;
    let is_verb = verb
        .act
        .as_ref()
        .is_some_and(|(_, f)| matches!(f, Form::Base | Form::Gerund));
    if !is_verb {
        return None;
    }
    let affirmed = complement
        && found.last().is_some_and(|c| {
            c.kind == Kind::Finite
                && c.stance == Stance::Acknowledge
                && !toks[..i].iter().any(|t| t.punct && t.start > c.end)
        });
    (i == 0 || affirmed).then_some((stance, i + 1))
}

/// A finite cue verb at `i` (not a modal): its stance and last word.
fn finite(toks: &[Tok<'_>], i: usize, prev: Option<&Tok<'_>>) -> Option<(Stance, usize, Form)> {
    let form = toks[i].cue?.form;
    if form == Form::Gerund && !prev.is_some_and(|p| p.is(AUXILIARY)) {
        return None;
    }
    let (stance, end) = match head(toks, i, true)? {
        // An aspect verb alone ("they continue to meet") is a commitment to go on.
        (Class::Aspect, end) => {
            let next = after_aspect(toks, end);
            match head(toks, next, true) {
                Some((c, e)) if matches!(c, Class::Explore | Class::IntendTo | Class::Intend) => {
                    (c.stance(), e)
                }
                // "exchanges continue." goes on, and undertakes nothing new.
                _ if toks.get(end + 1).is_none_or(|t| t.punct) => return None,
                _ => (Stance::Commit, end),
            }
        }
        (class, end) => (class.stance(), end),
    };
    Some((stance, end, form))
}

/// A modal of possibility at `i` ("may", "might", "could", "can") whose
/// verb is an undertaking ("may consider", "could be extended"): the index
/// of that verb's last word. Not for a verb that only describes ("could
/// pose risks"), nor for obligation ("should", "must"), whose stance is
/// not the speakers' own.
fn possible(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    if !matches!(toks[i].lower.as_ref(), "may" | "might" | "could" | "can") {
        return None;
    }
    let mut j = i + 1;
    while toks.get(j).is_some_and(|t| !t.punct && t.is(ADVERB)) {
        j += 1;
    }
    if toks.get(j).is_some_and(|t| t.lower == "be") {
        j += 1;
    }
    match head(toks, j, true)? {
        (Class::Acknowledge, _) => None,
        (_, end) => Some(end),
    }
}

/// A finite verb that is no cue: "is", "could", "contributes", "discussed".
fn other_verb(toks: &[Tok<'_>], i: usize, prev: Option<&Tok<'_>>) -> bool {
    let w = toks[i].lower.as_ref();
    if toks[i].is(AUXILIARY | WEAK_MODAL) {
        return prev.is_some();
    }
    let Some(prev) = prev else { return false };
    let p = prev.lower.as_ref();
    if p == "," || p == "and" || p == "or" || toks[i].cap {
        return false;
    }
    // Right after a subject pronoun, or after an adverb that sits before
    // verbs ("the sides also support"), a word is a verb: "we ask", "we call on".
    let before = toks[..i].last().map_or("", |t| t.lower.as_ref());
    if matches!(p, "we" | "they" | "i")
        || (matches!(before, "also" | "further" | "jointly" | "together" | "now") && toks[i].act.is_some())
    {
        return true;
    }
    let next = toks.get(i + 1).map_or("", |t| t.lower.as_ref());
    // "held", "met", "brought": past tenses that do not end in "-ed".
    let irregular = lexicon::irregular(w).is_some();
    let past = (w.len() > 4 && w.ends_with("ed")) || irregular;
    let plain_s =
        w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is");
    // "the Quad partners have decided": a word before a finite auxiliary
    // or modal is its subject, not a verb.
    let before_finite = toks
        .get(i + 1)
        .is_some_and(|t| t.is(AUXILIARY | MODAL | WEAK_MODAL));
    let third = plain_s
        && !before_finite
        && (matches!(p, "this" | "it" | "which" | "that")
            || matches!(
                next,
                "the" | "a" | "an" | "that" | "our" | "their" | "its" | "on" | "in" | "as" | "us"
                    | "them"
            )
            // "Investment in Europe supports resilience": a verb of doing with an object.
            || (toks[i].act.as_ref().is_some_and(|(_, f)| *f == Form::Third)
                && toks.get(i + 1).is_some_and(|t| !t.punct)
                && !prev.is(DETERMINER)));
    // "HRDs play a role", "the recommendations propose the development": a
    // plain verb between a plural or a name and its object.
    let raw_prev = toks[..i].last();
    let plural_verb = raw_prev.is_some_and(|t| {
        !t.punct && (t.cap || (t.lower.len() > 3 && t.lower.ends_with('s') && !t.lower.ends_with("ss")))
    }) && w.len() >= 3
        && !w.ends_with('s')
        && !w.ends_with("ing")
        && !w.ends_with("ly")
        && !toks[i].is(DETERMINER)
        && !matches!(
            w,
            "and" | "or" | "but" | "to" | "than" | "as" | "at" | "such" | "like"
        )
        && matches!(
            next,
            "a" | "an" | "the" | "our" | "their" | "its" | "this" | "these" | "on" | "that"
        );
    past || third || plural_verb
}

/// The gerund or bare infinitive an item opens with ("Establishing ...",
/// "Facilitate ...", "Working toward ..."), unless it opens a leading phrase
/// before a clause with its own subject ("Building on X, the sides resolve").
fn opening_cue(toks: &[Tok<'_>], found: &[Cue]) -> Option<Cue> {
    let first = toks.first()?;
    if first.punct {
        return None;
    }
    let next = toks.get(1).map_or("", |t| t.lower.as_ref());
    if matches!(next, "of" | "for") {
        return None;
    }
    // A finite cue at the start already reads it ("Intend to", "Welcomed").
    if found.first().is_some_and(|c| c.start == first.start) {
        return None;
    }
    let (lemma, form) = first.act.or_else(|| {
        // Any "-ing" word opening an item is a gerund ("Upgrading ...").
        (first.lower.len() > 5 && first.lower.ends_with("ing")).then_some(("", Form::Gerund))
    })?;
    if !matches!(form, Form::Gerund | Form::Base) {
        return None;
    }
    // A leading phrase ends at its comma, and the main clause's subject follows it.
    let comma = toks.iter().position(|t| t.lower == ",");
    let adjunct = comma.is_some_and(|c| {
        let after = toks.get(c + 1).map_or(usize::MAX, |t| t.start);
        found
            .iter()
            .any(|cue| matches!(cue.subject, Subject::Explicit(s, _) if s == after))
    });
    if adjunct {
        return None;
    }
    let (stance, end) = match head(toks, 0, true) {
        Some((Class::Aspect, end)) => {
            let k = after_aspect(toks, end);
            match head(toks, k, true) {
                Some((c, e)) if matches!(c, Class::Explore | Class::IntendTo | Class::Intend) => {
                    (c.stance(), e)
                }
                _ => (Stance::Commit, end),
            }
        }
        Some((class, end)) => (class.stance(), end),
        // "Looking ahead" and "Standing by" undertake nothing; "Working together" does.
        None if matches!(lemma, "look" | "stand") => return None,
        // "Building on the success of ...", "Drawing upon": a framing phrase
        // with no main clause after it takes note, and undertakes nothing.
        None if framing(toks) => (Stance::Acknowledge, 0),
        None => (Stance::Commit, 0),
    };
    Some(Cue {
        stance,
        start: first.start,
        end: toks[end].end,
        subject: Subject::Unwritten,
        kind: Kind::Opening,
        bare: form == Form::Base,
    })
}

/// Whether an opening participle frames rather than acts: its object, or
/// that of its "on"/"upon" ("Building on", "Drawing upon"), is something
/// done already ("the success of", "the progress", "the outcomes").
/// "Collaborating on standards" acts: what it takes is still to be done.
fn framing(toks: &[Tok<'_>]) -> bool {
    let at = |k: usize| toks.get(k).map_or("", |t| t.lower.as_ref());
    let k = if matches!(at(1), "on" | "upon") { 2 } else { 1 };
    matches!(at(k), "the" | "our" | "their" | "its")
        && matches!(
            at(k + 1),
            "success"
                | "successes"
                | "progress"
                | "outcome"
                | "outcomes"
                | "results"
                | "achievements"
                | "momentum"
        )
}

/// The subject of the verb group whose first word is at `i`: the words back
/// to the start of the clause.
pub fn subject(toks: &[Tok<'_>], i: usize) -> Subject {
    let mut j = i;
    // Adverbs between the subject and its verb ("The EU also commended").
    while j > 0 && !toks[j - 1].punct && toks[j - 1].is(ADVERB) {
        j -= 1;
    }
    if j == 0 {
        return Subject::Unwritten;
    }
    if matches!(toks[j - 1].lower.as_ref(), "and" | "or" | "but") {
        return Subject::Earlier;
    }
    if toks[j - 1].lower == "," {
        // "The United States, through the DFC, will": the subject is before
        // the parenthesis; with no comma before it, the verb is coordinated.
        match toks[..j - 1].iter().rposition(|t| t.punct) {
            Some(o) if toks[o].lower == "," && o > 0 && !toks[o - 1].punct => j = o,
            _ => return Subject::Earlier,
        }
    }
    let end = j;
    let mut k = j;
    let mut list = false;
    while k > 0 {
        let t = &toks[k - 1];
        let boundary = t.punct
            || t.is(RELATIVE)
            || matches!(
                t.lower.as_ref(),
                "while" | "because" | "whereas" | "although" | "to"
            );
        if boundary {
            // A list of names: "the United States, Japan, and the Republic of Korea are".
            list |= t.lower == "," && toks.get(k).is_some_and(|n| n.lower == "and");
            let name = k >= 2 && (toks[k - 2].cap || toks[k - 2].lower == "the");
            if !(list && t.lower == "," && name && k < end) {
                break;
            }
        }
        k -= 1;
        if end - k > 30 {
            break;
        }
    }
    if k == end {
        return Subject::Unwritten;
    }
    Subject::Explicit(toks[k].start, toks[end - 1].end)
}
