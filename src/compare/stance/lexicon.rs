//! Which verbs signal which stance, by lemma, and how a word form maps to its
//! lemma. The classes are general English verbs of undertaking, intention,
//! exploration and acknowledgement; the grammar (`clause.rs`) decides whether
//! a word is used as a verb at all.

use std::collections::HashMap;
use std::sync::OnceLock;

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
/// Cue verbs by class, as lemmas.
const CLASSES: &[(Class, &[&str])] = &[
    (
        Class::CommitTo,
        &["commit", "resolve", "pledge", "undertake", "decide", "determine"],
    ),
    (
        Class::Commit,
        &[
            "agree",
            "launch",
            "establish",
            "create",
            "sign",
            "conclude",
            "adopt",
            "announce",
            "form",
            "initiate",
            "inaugurate",
            "institute",
            "designate",
            "approve",
            "finalize",
            "finalise",
        ],
    ),
    (
        Class::IntendTo,
        &[
            "intend",
            "plan",
            "seek",
            "aim",
            "hope",
            "expect",
            "strive",
            "endeavour",
            "endeavor",
            "wish",
            "want",
            "look",
            "work",
            "stand",
            "aspire",
        ],
    ),
    (Class::Intend, &["envisage", "envision"]),
    (
        Class::Explore,
        &[
            "explore",
            "consider",
            "study",
            "examine",
            "assess",
            "evaluate",
            "investigate",
            "discuss",
            "scope",
        ],
    ),
    (
        Class::Acknowledge,
        &[
            "welcome",
            "acknowledge",
            "recognise",
            "recognize",
            "reaffirm",
            "affirm",
            "note",
            "underscore",
            "underline",
            "stress",
            "emphasise",
            "emphasize",
            "highlight",
            "commend",
            "appreciate",
            "reiterate",
            "celebrate",
            "congratulate",
            "applaud",
            "praise",
            "confirm",
            "recall",
            "condemn",
            "deplore",
            "observe",
            "salute",
            "thank",
            "mark",
            "take",
            "share",
            "express",
        ],
    ),
    (Class::Aspect, &["continue", "begin", "start", "keep"]),
];

/// The class of a lemma, if it has one.
pub fn class(lemma: &str) -> Option<Class> {
    CLASSES
        .iter()
        .find(|(_, lemmas)| lemmas.contains(&lemma))
        .map(|(class, _)| *class)
}

/// Verbs an agreed action item opens with ("Facilitate coordination ...",
/// "Develop a statement ..."): general verbs of doing, so that a bare
/// infinitive is told from a noun ("Development of ..."). Cue verbs are
/// verbs of doing too.
const ACTIONS: &[&str] = &[
    "accelerate",
    "address",
    "advance",
    "align",
    "allocate",
    "bolster",
    "boost",
    "build",
    "collaborate",
    "combat",
    "conduct",
    "connect",
    "convene",
    "cooperate",
    "coordinate",
    "counter",
    "deepen",
    "defend",
    "deliver",
    "deploy",
    "design",
    "develop",
    "drive",
    "enable",
    "encourage",
    "engage",
    "enhance",
    "ensure",
    "exchange",
    "expand",
    "facilitate",
    "foster",
    "fund",
    "harmonise",
    "harmonize",
    "harness",
    "help",
    "host",
    "identify",
    "implement",
    "improve",
    "increase",
    "integrate",
    "intensify",
    "invest",
    "involve",
    "leverage",
    "lead",
    "maintain",
    "map",
    "meet",
    "mobilise",
    "mobilize",
    "monitor",
    "organise",
    "organize",
    "partner",
    "prepare",
    "prevent",
    "promote",
    "protect",
    "provide",
    "publish",
    "pursue",
    "reduce",
    "reinforce",
    "respond",
    "secure",
    "set",
    "spur",
    "streamline",
    "strengthen",
    "support",
    "tackle",
    "train",
    "upgrade",
    "use",
    "hold",
    "bring",
    "catalyze",
    "catalyse",
    "combine",
    "complete",
    "contribute",
    "craft",
    "diversify",
    "educate",
    "elevate",
    "equip",
    "extend",
    "finance",
    "grow",
    "issue",
    "join",
    "make",
    "modernize",
    "modernise",
    "negotiate",
    "open",
    "operationalize",
    "operationalise",
    "partake",
    "pilot",
    "produce",
    "rally",
    "release",
    "renew",
    "scale",
    "serve",
    "sponsor",
    "stage",
    "standardize",
    "standardise",
    "test",
    "track",
    "unlock",
    "update",
    "broaden",
    "invite",
    "reach",
];

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
    IRREGULAR.iter().find(|(w, _)| *w == word).map(|(_, l)| *l)
}

const IRREGULAR: &[(&str, &str)] = &[
    ("undertook", "undertake"),
    ("undertaken", "undertake"),
    ("sought", "seek"),
    ("took", "take"),
    ("taken", "take"),
    ("held", "hold"),
    ("built", "build"),
    ("led", "lead"),
    ("met", "meet"),
    ("made", "make"),
    ("brought", "bring"),
    ("began", "begin"),
    ("begun", "begin"),
    ("stood", "stand"),
    ("set", "set"),
];

/// A verb form found in a text: its lemma, its form, and what the lemma does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verb {
    /// The lemma ("commit" for "committed").
    pub lemma: &'static str,
    /// The form of the word.
    pub form: Form,
    /// The lemma's class, if it is a cue verb.
    pub class: Option<Class>,
}

/// The verb a lowercase word is a form of, if it is one of the lexicon's:
/// "committed" → commit (past), "exploring" → explore (gerund). One lookup
/// in a table of every form of every lemma, built on first use.
pub fn verb(word: &str) -> Option<Verb> {
    static FORMS: OnceLock<HashMap<String, Verb>> = OnceLock::new();
    FORMS.get_or_init(forms).get(word).copied()
}

/// Every form of every lemma: cue verbs first, so that they win a clash.
fn forms() -> HashMap<String, Verb> {
    let mut out = HashMap::new();
    let lemmas = CLASSES
        .iter()
        .flat_map(|(c, ls)| ls.iter().map(move |l| (*l, Some(*c))))
        .chain(ACTIONS.iter().map(|l| (*l, None)));
    for (lemma, class) in lemmas {
        let class = class.or_else(|| self::class(lemma));
        let mut add = |word: String, form: Form| {
            out.entry(word).or_insert(Verb { lemma, form, class });
        };
        add(lemma.to_string(), Form::Base);
        for (w, form) in inflections(lemma) {
            add(w, form);
        }
    }
    for (word, lemma) in IRREGULAR {
        let class = class(lemma);
        out.entry((*word).to_string()).or_insert(Verb {
            lemma,
            form: Form::Past,
            class,
        });
    }
    out
}

/// The regular forms of a lemma: "-s", "-ed", "-ing", with "e" dropped,
/// "y" turned to "i", and the last consonant doubled ("committed"; both
/// spellings are kept where English hesitates).
fn inflections(lemma: &str) -> Vec<(String, Form)> {
    let mut out = Vec::new();
    let b = lemma.as_bytes();
    let last = b.last().copied().unwrap_or(b'a');
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    if lemma.ends_with(['s', 'x', 'z', 'o']) || lemma.ends_with("sh") || lemma.ends_with("ch") {
        out.push((format!("{lemma}es"), Form::Third));
    } else if last == b'y' && b.len() > 1 && !vowel(b[b.len() - 2]) {
        let stem = &lemma[..lemma.len() - 1];
        out.push((format!("{stem}ies"), Form::Third));
        out.push((format!("{stem}ied"), Form::Past));
    } else {
        out.push((format!("{lemma}s"), Form::Third));
    }
    if let Some(stem) = lemma.strip_suffix('e') {
        out.push((format!("{lemma}d"), Form::Past));
        out.push((format!("{stem}ing"), Form::Gerund));
    } else {
        if !(last == b'y' && b.len() > 1 && !vowel(b[b.len() - 2])) {
            out.push((format!("{lemma}ed"), Form::Past));
        }
        out.push((format!("{lemma}ing"), Form::Gerund));
        // Consonant-vowel-consonant: "commit" → "committed", "plan" → "planned".
        let n = b.len();
        if n >= 3
            && !vowel(last)
            && !matches!(last, b'w' | b'x' | b'y')
            && vowel(b[n - 2])
            && !vowel(b[n - 3])
        {
            let c = last as char;
            out.push((format!("{lemma}{c}ed"), Form::Past));
            out.push((format!("{lemma}{c}ing"), Form::Gerund));
        }
    }
    out
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
