//! Which verbs signal which stance, by lemma, and how a word form maps to its
//! lemma. The classes are general English verbs of undertaking, intention,
//! exploration and acknowledgement; the grammar (`clause.rs`) decides whether
//! a word is used as a verb at all.

use crate::model::Stance;

/// What a verb does to the stance of the clause it heads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A firm undertaking only with "to" after it ("commit to", "resolve to").
    CommitTo,
    /// A decision or an act that undertakes something ("launch", "establish", "agree").
    Commit,
    /// An intention only with "to" (or "toward") after it ("intend to", "seek to").
    IntendTo,
    /// An intention on its own ("envisage").
    Intend,
    /// Exploring, studying, considering.
    Explore,
    /// Taking note of something without undertaking it ("welcome", "recognise").
    Acknowledge,
    /// Verbs that carry the next verb ("continue to explore" is explore).
    Aspect,
}

impl Class {
    /// The stance a clause headed by this class takes.
    pub fn stance(self) -> Stance {
        match self {
            Class::CommitTo | Class::Commit | Class::Aspect => Stance::Commit,
            Class::IntendTo | Class::Intend => Stance::Intend,
            Class::Explore => Stance::Explore,
            Class::Acknowledge => Stance::Acknowledge,
        }
    }
}

/// The class of a lemma, if it has one.
pub fn class(lemma: &str) -> Option<Class> {
    use Class::*;
    Some(match lemma {
        "commit" | "resolve" | "pledge" | "undertake" | "decide" | "determine" => CommitTo,
        "agree" | "launch" | "establish" | "create" | "sign" | "conclude" | "adopt" | "announce" | "form"
        | "initiate" | "inaugurate" | "institute" | "designate" | "approve" | "finalize" | "finalise" => {
            Commit
        }
        "intend" | "plan" | "seek" | "aim" | "hope" | "expect" | "strive" | "endeavour" | "endeavor"
        | "wish" | "want" | "look" | "work" | "stand" | "aspire" => IntendTo,
        "envisage" | "envision" => Intend,
        "explore" | "consider" | "study" | "examine" | "assess" | "evaluate" | "investigate" | "discuss"
        | "scope" => Explore,
        "welcome" | "acknowledge" | "recognise" | "recognize" | "reaffirm" | "affirm" | "note"
        | "underscore" | "underline" | "stress" | "emphasise" | "emphasize" | "highlight" | "commend"
        | "appreciate" | "reiterate" | "celebrate" | "congratulate" | "applaud" | "praise" | "confirm"
        | "recall" | "condemn" | "deplore" | "observe" | "salute" | "thank" | "mark" | "take" | "share"
        | "express" => Acknowledge,
        "continue" | "begin" | "start" | "keep" => Aspect,
        _ => return None,
    })
}

/// Verbs an agreed action item opens with ("Facilitate coordination ...",
/// "Develop a statement ..."): general verbs of doing, so that a bare
/// infinitive is told from a noun ("Development of ...").
pub fn is_action(lemma: &str) -> bool {
    class(lemma).is_some()
        || matches!(
            lemma,
            "accelerate"
                | "address"
                | "advance"
                | "align"
                | "allocate"
                | "bolster"
                | "boost"
                | "build"
                | "collaborate"
                | "combat"
                | "conduct"
                | "connect"
                | "convene"
                | "cooperate"
                | "coordinate"
                | "counter"
                | "deepen"
                | "defend"
                | "deliver"
                | "deploy"
                | "design"
                | "develop"
                | "drive"
                | "enable"
                | "encourage"
                | "engage"
                | "enhance"
                | "ensure"
                | "exchange"
                | "expand"
                | "facilitate"
                | "foster"
                | "fund"
                | "harmonise"
                | "harmonize"
                | "harness"
                | "help"
                | "host"
                | "identify"
                | "implement"
                | "improve"
                | "increase"
                | "integrate"
                | "intensify"
                | "invest"
                | "involve"
                | "leverage"
                | "lead"
                | "maintain"
                | "map"
                | "meet"
                | "mobilise"
                | "mobilize"
                | "monitor"
                | "organise"
                | "organize"
                | "partner"
                | "prepare"
                | "prevent"
                | "promote"
                | "protect"
                | "provide"
                | "publish"
                | "pursue"
                | "reduce"
                | "reinforce"
                | "respond"
                | "secure"
                | "set"
                | "spur"
                | "streamline"
                | "strengthen"
                | "support"
                | "tackle"
                | "train"
                | "upgrade"
                | "use"
                | "hold"
                | "bring"
                | "catalyze"
                | "catalyse"
                | "combine"
                | "complete"
                | "contribute"
                | "craft"
                | "diversify"
                | "educate"
                | "elevate"
                | "equip"
                | "extend"
                | "finance"
                | "grow"
                | "issue"
                | "join"
                | "make"
                | "modernize"
                | "modernise"
                | "negotiate"
                | "open"
                | "operationalize"
                | "operationalise"
                | "partake"
                | "pilot"
                | "produce"
                | "rally"
                | "release"
                | "renew"
                | "scale"
                | "serve"
                | "sponsor"
                | "stage"
                | "standardize"
                | "standardise"
                | "test"
                | "track"
                | "unlock"
                | "update"
                | "broaden"
                | "invite"
                | "reach"
        )
}

/// The grammatical form of a verb-like word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// "intend", "explore": base form (imperative, infinitive, present).
    Base,
    /// "intends".
    Third,
    /// "intended", "committed": past tense or participle.
    Past,
    /// "exploring".
    Gerund,
}

/// The lemma of an irregular past form ("sought" → "seek").
pub fn irregular(word: &str) -> Option<&'static str> {
    Some(match word {
        "undertook" | "undertaken" => "undertake",
        "sought" => "seek",
        "took" | "taken" => "take",
        "held" => "hold",
        "built" => "build",
        "led" => "lead",
        "met" => "meet",
        "made" => "make",
        "brought" => "bring",
        "began" | "begun" => "begin",
        "stood" => "stand",
        _ => return None,
    })
}

/// The first lemma that `accept` takes among those a lowercase word may be a
/// form of, with the form, tried in order: the word itself, an irregular
/// past, then the stem without "-ing", "-ed", "-es" or "-s" (as is, with "e"
/// added, with a doubled consonant undone, with "i" back to "y"):
/// "committed" → ("commit", Past); "exploring" → ("explore", Gerund).
pub fn find(word: &str, accept: impl Fn(&str) -> bool) -> Option<(String, Form)> {
    if accept(word) {
        return Some((word.to_string(), Form::Base));
    }
    if let Some(l) = irregular(word)
        && accept(l)
    {
        return Some((l.to_string(), Form::Past));
    }
    let (stem, form) = if let Some(s) = word.strip_suffix("ing") {
        (s, Form::Gerund)
    } else if let Some(s) = word.strip_suffix("ed") {
        (s, Form::Past)
    } else if let Some(s) = word.strip_suffix("es") {
        (s, Form::Third)
    } else if word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && !word.ends_with("is") {
        (&word[..word.len() - 1], Form::Third)
    } else {
        return None;
    };
    if stem.len() < 2 {
        return None;
    }
    let mut buf = String::with_capacity(stem.len() + 1);
    let mut try_one = |parts: &[&str]| {
        buf.clear();
        for p in parts {
            buf.push_str(p);
        }
        accept(&buf).then(|| buf.clone())
    };
    let b = stem.as_bytes();
    // "committ" → "commit", "plann" → "plan".
    let undoubled = (b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2]).then(|| &stem[..stem.len() - 1]);
    // "studi" → "study".
    let y = stem.strip_suffix('i');
    try_one(&[stem])
        .or_else(|| try_one(&[stem, "e"]))
        .or_else(|| undoubled.and_then(|u| try_one(&[u])))
        .or_else(|| y.and_then(|y| try_one(&[y, "y"])))
        .map(|l| (l, form))
}

/// Words that may sit inside a verb group without ending it: "will also
/// explore", "are now working".
pub fn is_adverb(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ly") && !matches!(w, "supply" | "apply" | "italy" | "rely"))
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
                | "each"
                | "all"
                | "collectively"
                | "hereby"
                | "already"
                | "today"
                | "not"
        )
}

/// Modal verbs that carry the verb after them.
pub fn is_modal(w: &str) -> bool {
    matches!(w, "will" | "shall")
}

/// Modals that say what may be, not what anyone undertakes.
pub fn is_weak_modal(w: &str) -> bool {
    matches!(w, "would" | "could" | "can" | "may" | "might" | "should" | "must")
}

/// Forms of "be", "have" and "do", and "remain" as a linking verb.
pub fn is_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "am"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "remain"
            | "remains"
            | "remained"
    )
}

/// Words after which a word is a noun or an adjective, not a finite verb.
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "this"
            | "these"
            | "those"
            | "our"
            | "their"
            | "its"
            | "his"
            | "her"
            | "your"
            | "my"
            | "of"
            | "any"
            | "every"
            | "such"
            | "no"
            | "new"
            | "joint"
            | "mutual"
            | "shared"
            | "common"
            | "for"
            | "in"
            | "on"
            | "with"
            | "by"
            | "from"
            | "into"
            | "under"
            | "between"
            | "among"
            | "across"
            | "including"
            | "via"
            | "per"
    )
}

/// Pronouns and words that open a relative or subordinate clause: a verb
/// right after them belongs to that clause, not to the commitment's subject.
pub fn opens_relative(w: &str) -> bool {
    matches!(
        w,
        "which" | "who" | "whom" | "whose" | "that" | "where" | "when" | "whereby" | "if" | "unless"
    )
}
