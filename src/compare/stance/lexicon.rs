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

/// The lemmas a lowercase word may be a form of, with the form, tried in
/// order: "committed" → ("commit", Past); "exploring" → ("explore", Gerund).
pub fn lemmas(word: &str) -> Vec<(String, Form)> {
    let mut out = vec![(word.to_string(), Form::Base)];
    let irregular = match word {
        "undertook" | "undertaken" => Some("undertake"),
        "sought" => Some("seek"),
        "took" | "taken" => Some("take"),
        "held" => Some("hold"),
        "built" => Some("build"),
        "led" => Some("lead"),
        "met" => Some("meet"),
        "made" => Some("make"),
        "brought" => Some("bring"),
        "began" | "begun" => Some("begin"),
        "stood" => Some("stand"),
        _ => None,
    };
    if let Some(l) = irregular {
        out.push((l.to_string(), Form::Past));
    }
    let stems = |stem: &str, form: Form, out: &mut Vec<(String, Form)>| {
        if stem.len() < 2 {
            return;
        }
        out.push((stem.to_string(), form));
        out.push((format!("{stem}e"), form));
        let b = stem.as_bytes();
        // "committ" → "commit", "plann" → "plan".
        if b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
            out.push((stem[..stem.len() - 1].to_string(), form));
        }
        // "studi" → "study".
        if let Some(s) = stem.strip_suffix('i') {
            out.push((format!("{s}y"), form));
        }
    };
    if let Some(s) = word.strip_suffix("ing") {
        stems(s, Form::Gerund, &mut out);
    } else if let Some(s) = word.strip_suffix("ed") {
        stems(s, Form::Past, &mut out);
    } else if let Some(s) = word.strip_suffix("es") {
        out.push((s.to_string(), Form::Third));
        out.push((format!("{s}e"), Form::Third));
        if let Some(s) = s.strip_suffix('i') {
            out.push((format!("{s}y"), Form::Third));
        }
    } else if let Some(s) = word.strip_suffix('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        out.push((s.to_string(), Form::Third));
    }
    out
}

/// The first lemma of `word` that `accept` takes, with its form.
pub fn find(word: &str, accept: impl Fn(&str) -> bool) -> Option<(String, Form)> {
    lemmas(word).into_iter().find(|(l, _)| accept(l))
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
