//! Stance: how firm a commitment's language is, read from the whole item;
//! and who undertakes it.
//!
//! Every sentence of the item is read for the verbs that head its clauses
//! (`clause.rs`): finite verbs with their subject ("the two sides commit to"),
//! the subjectless lines of a list ("Intend to ...", "Recognise ..."), the
//! gerund or bare infinitive an agreed action item opens with
//! ("Establishing ...", "Facilitate ..."), and what "will" carries ("will
//! explore" is explore). The firmest forward-looking undertaking anywhere
//! decides (commit > intend > explore); an item that undertakes nothing is
//! acknowledge when it has a verb at all, and has no stance only when it has
//! none. The lead-in of a list completes its items: "The Quad will:" carries
//! their bare verbs, its subject undertakes them, and "announced key outcomes
//! including:" decides for items that are noun phrases.
//!
//! The reading keeps the words that decided it (a [`Basis`]) and the actor:
//! the subject of the deciding clause, mapped to the partnership's parties.

mod actor;
mod clause;
mod lexicon;
#[cfg(test)]
mod tests;

use std::fmt;
use std::num::NonZeroU8;

use crate::model::{Actor, Area, Basis, BasisPlace, Corpus, Meeting, Origin, Stance, Text};
pub use actor::Parties;
use clause::{Cue, Kind, Subject, Tok};

/// What the rules read in a commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// The stance, if the text has a verb (or its lead-in decides).
    pub stance: Option<Stance>,
    /// The words that decided it.
    pub basis: Option<Basis>,
    /// Who undertakes it.
    pub actor: Actor,
}

/// Reads every commitment of `corpus`: a commitment with no stance gets the
/// one its wording signals, with the words that decided it; every
/// commitment gets its actor. Meetings are read on every core.
pub fn annotate(corpus: &mut Corpus) {
    let mut jobs: Vec<(&[String], &mut Meeting)> = Vec::new();
    for p in &mut corpus.partnerships {
        for m in &mut p.meetings {
            jobs.push((&p.parties, m));
        }
    }
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let per = jobs.len().div_ceil(threads).max(64);
    std::thread::scope(|s| {
        for chunk in jobs.chunks_mut(per) {
            s.spawn(move || {
                for (parties, meeting) in chunk {
                    annotate_meeting(&Parties::new(parties), meeting);
                }
            });
        }
    });
}

/// Reads every commitment of one meeting (see [`annotate`]).
pub(crate) fn annotate_meeting(parties: &Parties, meeting: &mut Meeting) {
    let preamble = &meeting.preamble;
    for area in &mut meeting.areas {
        // As `lead_in`, in one pass; each lead-in parsed once.
        let mut lead = lead_in(preamble, area, 0).and_then(LeadIn::parse_owned);
        for (k, c) in area.commitments.iter_mut().enumerate() {
            // A lead-in between two lists ("... intend to:") leads the items after it.
            if let Some((_, t)) = area
                .leads
                .iter()
                .rev()
                .find(|(at, t)| *at == k && is_lead_in(&t.text))
            {
                lead = LeadIn::parse_owned(&t.text);
            }
            let reading = read_with(&c.text, lead.as_ref(), parties);
            if c.stance.is_none() {
                c.stance = reading.stance.map(|s| (s, Origin::Inferred));
                c.basis = reading.basis;
            }
            c.actor = reading.actor;
            if is_lead_in(&c.text) {
                lead = LeadIn::parse_owned(&c.text);
            }
        }
    }
}

/// The stance the rules read in `text` alone, if any.
pub fn infer(text: &str) -> Option<Stance> {
    read(text, None, &Parties::new(&[])).stance
}

/// Reads `text`, an item of a list whose lead-in (the paragraph before the
/// list, such as "The Quad will:") is `lead_in`, in a partnership of `parties`.
pub fn read(text: &str, lead_in: Option<&str>, parties: &Parties) -> Reading {
    read_with(text, lead_in.and_then(LeadIn::parse_owned).as_ref(), parties)
}

/// As [`read`], with the lead-in already parsed.
fn read_with(text: &str, lead: Option<&LeadIn>, parties: &Parties) -> Reading {
    let mut found: Vec<(usize, Cue)> = Vec::new();
    for (n, (offset, sentence)) in sentences_with_offsets(text).enumerate() {
        let toks = clause::tokens(sentence, offset);
        found.extend(clause::cues(&toks, n == 0).into_iter().map(|c| (n + 1, c)));
    }
    let mut carried = false;
    if let (Some(lead), Some((1, first))) = (lead, found.first_mut())
        && first.bare
    {
        match lead.carrier {
            Some(Carrier::Modal) => carried = true,
            Some(Carrier::Cue(s)) => {
                first.stance = s;
                carried = true;
            }
            None => {}
        }
    }
    let undertaking = found
        .iter()
        .filter(|(_, c)| c.kind != Kind::Other && c.stance != Stance::Acknowledge)
        .min_by_key(|(_, c)| c.stance);
    let acknowledged = || {
        found
            .iter()
            .find(|(_, c)| c.kind != Kind::Other && c.stance == Stance::Acknowledge)
    };
    let chosen = undertaking.or_else(acknowledged);
    // An item with no verb of its own at its start ("A new dialogue on ...")
    // is what its lead-in says of it.
    let opens_with_verb = found
        .first()
        .is_some_and(|(n, c)| *n == 1 && c.start == first_word(text));
    if chosen.is_none()
        && !opens_with_verb
        && let Some(lead) = lead
        && let Some(own) = lead.own
    {
        return Reading {
            stance: Some(own.stance),
            basis: basis(own.start, own.end, 1, BasisPlace::LeadIn),
            actor: lead.actor(parties),
        };
    }
    let Some(&(n, cue)) = chosen.or_else(|| found.first()) else {
        return Reading {
            stance: None,
            basis: None,
            actor: lead.map_or(Actor::Joint, |l| l.actor(parties)),
        };
    };
    let place = if carried && n == 1 && found.first().is_some_and(|f| f.1 == cue) {
        BasisPlace::Carried
    } else {
        BasisPlace::Text
    };
    let explicit = |c: &Cue| match c.subject {
        Subject::Explicit(s, e) => text.get(s..e),
        _ => None,
    };
    let actor = match cue.subject {
        Subject::Explicit(s, e) => parties.actor(text.get(s..e).unwrap_or("")),
        Subject::Earlier => found
            .iter()
            .take_while(|(_, c)| *c != cue)
            .filter_map(|(_, c)| explicit(c))
            .last()
            .map_or_else(
                || lead.as_ref().map_or(Actor::Joint, |l| l.actor(parties)),
                |s| parties.actor(s),
            ),
        Subject::Unwritten => lead.map_or(Actor::Joint, |l| l.actor(parties)),
    };
    Reading {
        stance: Some(cue.stance),
        basis: basis(cue.start, cue.end, n, place),
        actor,
    }
}

fn basis(start: usize, end: usize, sentence: usize, place: BasisPlace) -> Option<Basis> {
    Some(Basis {
        start: u32::try_from(start).ok()?,
        len: u16::try_from(end.saturating_sub(start)).ok()?,
        sentence: NonZeroU8::new(u8::try_from(sentence).unwrap_or(u8::MAX))?,
        place,
    })
}

/// Byte offset of the first word of `text`.
fn first_word(text: &str) -> usize {
    text.find(char::is_alphanumeric).unwrap_or(0)
}

/// The lead-in of the `index`th commitment of `area`: the paragraph that
/// introduces the list it is an item of, when it ends in a colon. That is the
/// nearest commitment before it that ends in a colon (a statement imported
/// without intros keeps "The Quad will:" as a commitment; a parent item
/// "... use science and evidence to:" leads in its nested items), else the
/// statement's last preamble paragraph ("The EU and Singapore:"), which leads
/// in every area's list.
pub fn lead_in<'a>(preamble: &'a [Text], area: &'a Area, index: usize) -> Option<&'a str> {
    let before = area.commitments.get(..index).unwrap_or(&area.commitments);
    // The nearest lead-in before the commitment: one of the commitments
    // before it, or a lead-in between them (which stands after the
    // commitment of the index before its own).
    let own = before
        .iter()
        .enumerate()
        .rev()
        .find(|(_, c)| is_lead_in(&c.text))
        .map(|(i, c)| (2 * i + 2, &*c.text));
    let between = area
        .leads
        .iter()
        .filter(|(at, t)| *at <= index && is_lead_in(&t.text))
        .map(|(at, t)| (2 * at + 1, t.text.as_str()))
        .max_by_key(|&(at, _)| at);
    own.into_iter()
        .chain(between)
        .max_by_key(|&(at, _)| at)
        .map(|(_, t)| t)
        // The paragraphs before an area's list (`intro`) end in its lead-in
        // more often than the meeting's preamble does.
        .or_else(|| {
            area.intro
                .last()
                .map(|p| p.text.as_str())
                .filter(|t| is_lead_in(t))
        })
        .or_else(|| preamble.last().map(|p| p.text.as_str()).filter(|t| is_lead_in(t)))
        .map(str::trim_end)
}

/// Whether `text` is a lead-in: it ends in a colon, waiting for its list.
pub fn is_lead_in(text: &str) -> bool {
    text.trim_end().ends_with(':')
}

/// The words that decided a commitment's inferred stance, as JSON shows them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Why<'a> {
    /// The deciding words, as written ("will explore").
    pub words: &'a str,
    /// The sentence of the commitment they are in, from 1.
    pub sentence: u8,
    /// The lead-in that completed the item, when it took part.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_in: Option<&'a str>,
    /// Whether the words are the lead-in's (the item has no verb of its own).
    #[serde(skip)]
    pub in_lead_in: bool,
}

impl<'a> Why<'a> {
    /// Why `c`, the `index`th commitment of `area`, has its stance; `None`
    /// when the stance was written in the file, or none was found.
    pub fn of(preamble: &'a [Text], area: &'a Area, index: usize) -> Option<Why<'a>> {
        let c = area.commitments.get(index)?;
        let basis = c.basis?;
        let lead = lead_in(preamble, area, index);
        let words = basis.words(&c.text, lead);
        (!words.is_empty()).then_some(Why {
            words,
            sentence: basis.sentence.get(),
            lead_in: match basis.place {
                BasisPlace::Text => None,
                BasisPlace::Carried | BasisPlace::LeadIn => lead,
            },
            in_lead_in: basis.place == BasisPlace::LeadIn,
        })
    }
}

impl fmt::Display for Why<'_> {
    /// `“will explore”, sentence 2`; `“announced” in the lead-in “... including:”`;
    /// `“Develop”, sentence 1, under “The Quad will:”`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.lead_in {
            Some(lead) if self.in_lead_in => write!(f, "“{}” in the lead-in “{lead}”", self.words),
            Some(lead) => write!(f, "“{}”, sentence {}, under “{lead}”", self.words, self.sentence),
            None => write!(f, "“{}”, sentence {}", self.words, self.sentence),
        }
    }
}

/// How a lead-in completes its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Carrier {
    /// It ends in "will" or "shall": each item's bare verb is what it carries.
    Modal,
    /// It ends in "intend to", "commit to": each item's verb is its complement.
    Cue(Stance),
}

/// What a lead-in says of the items under it.
struct LeadIn {
    text: String,
    /// How it completes a bare infinitive item.
    carrier: Option<Carrier>,
    /// Byte range of its subject, if it names one.
    subject: Option<(usize, usize)>,
    /// Its own undertaking ("announced"), for items with no verb.
    own: Option<Cue>,
}

impl LeadIn {
    fn parse_owned(text: &str) -> Option<LeadIn> {
        let text = text.trim_end();
        let body = text.strip_suffix(':')?;
        let (offset, last) = sentences_with_offsets(body).last()?;
        let toks = clause::tokens(last, offset);
        let cues = clause::cues(&toks, false);
        let words: Vec<&Tok<'_>> = toks.iter().filter(|t| !t.punct).collect();
        let tail: Vec<&str> = words
            .iter()
            .rev()
            .map(|t| t.lower.as_ref())
            .skip_while(|w| lexicon::is_adverb(w))
            .take(2)
            .collect();
        let carrier = match tail.as_slice() {
            [m, ..] if lexicon::is_modal(m) => Some(Carrier::Modal),
            ["to", ..] => cues
                .last()
                .filter(|c| c.end == words.last().map_or(0, |t| t.end))
                .map(|c| Carrier::Cue(c.stance)),
            _ => None,
        };
        let subject = match cues.iter().rev().find_map(|c| match c.subject {
            Subject::Explicit(s, e) => Some((s, e)),
            _ => None,
        }) {
            Some(s) => Some(s),
            // "The EU and Singapore:": a subject waiting for the items' verbs.
            None if cues.is_empty() && words.len() <= 12 => Some((words.first()?.start, words.last()?.end)),
            None => None,
        };
        let own = cues
            .iter()
            .filter(|c| c.kind != Kind::Other)
            .min_by_key(|c| c.stance)
            .copied();
        Some(LeadIn {
            text: text.to_string(),
            carrier,
            subject,
            own,
        })
    }

    fn actor(&self, parties: &Parties) -> Actor {
        self.subject
            .and_then(|(s, e)| self.text.get(s..e))
            .map_or(Actor::Joint, |s| parties.actor(s))
    }
}

/// The sentences of `text` with their byte offsets: the importer's split,
/// so that "sentence N" of a basis is the Nth sentence the importer cuts.
fn sentences_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    crate::import::sentences::split_with_offsets(text)
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
    /// Of the counts, those one party undertakes alone (its actor is not joint).
    pub one_sided: [usize; 4],
}

impl Tally {
    /// The tally of an area's commitments.
    pub fn of(area: &Area) -> Tally {
        let mut t = Tally::default();
        for c in &area.commitments {
            match c.stance {
                Some((s, origin)) => {
                    t.counts[s as usize] += 1;
                    t.one_sided[s as usize] += usize::from(!c.actor.is_joint());
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

    /// Commitments with stance `s` that one party undertakes alone.
    pub fn one_sided(&self, s: Stance) -> usize {
        self.one_sided[s as usize]
    }

    /// All commitments one party undertakes alone.
    pub fn one_sided_total(&self) -> usize {
        self.one_sided.iter().sum()
    }
}

/// Counts by stance, as JSON shows them: `{commit, intend, explore, acknowledge}`.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Counts {
    /// Commit.
    pub commit: usize,
    /// Intend.
    pub intend: usize,
    /// Explore.
    pub explore: usize,
    /// Acknowledge.
    pub acknowledge: usize,
}

impl From<[usize; 4]> for Counts {
    fn from([commit, intend, explore, acknowledge]: [usize; 4]) -> Counts {
        Counts {
            commit,
            intend,
            explore,
            acknowledge,
        }
    }
}

impl serde::Serialize for Tally {
    /// `{commit, intend, explore, acknowledge, unknown, inferred, one_sided: {commit, ...}}`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let c = Counts::from(self.counts);
        let mut st = s.serialize_struct("Tally", 7)?;
        st.serialize_field("commit", &c.commit)?;
        st.serialize_field("intend", &c.intend)?;
        st.serialize_field("explore", &c.explore)?;
        st.serialize_field("acknowledge", &c.acknowledge)?;
        st.serialize_field("unknown", &self.unknown)?;
        st.serialize_field("inferred", &self.inferred)?;
        st.serialize_field("one_sided", &Counts::from(self.one_sided))?;
        st.end()
    }
}

impl fmt::Display for Tally {
    /// `commit/intend/explore/acknowledge`, e.g. `1/2/0/1`, with `+N?` for
    /// commitments without a stance, and the one-sided ones apart:
    /// `4/1/0/1 (alone 1/0/0/0)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [c, i, e, a] = self.counts;
        write!(f, "{c}/{i}/{e}/{a}")?;
        if self.unknown > 0 {
            write!(f, " +{}?", self.unknown)?;
        }
        if self.one_sided_total() > 0 {
            let [c, i, e, a] = self.one_sided;
            write!(f, " (alone {c}/{i}/{e}/{a})")?;
        }
        Ok(())
    }
}
