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

/// The verb a lowercase word is a form of, if it is one of the lexicon's
/// ("committed" → commit, past; "exploring" → explore, gerund), and its
/// [`flags`]: one lookup in one table of every form of every lemma and every
/// function word, built on first use, since every word of every commitment
/// is looked up.
pub fn lookup(word: &str) -> (Option<Verb>, u8) {
    static WORDS: OnceLock<FnvMap<(Option<Verb>, u8)>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        let mut m: FnvMap<(Option<Verb>, u8)> = forms().into_iter().map(|(w, v)| (w, (Some(v), 0))).collect();
        for (w, f) in function_words() {
            m.entry(w).or_insert((None, 0)).1 |= f;
        }
        m
    });
    let (verb, mut f) = words.get(word).copied().unwrap_or((None, 0));
    if ly_adverb(word) {
        f |= ADVERB;
    }
    (verb, f)
}

/// Every form of every lemma: cue verbs first, so that they win a clash.
fn forms() -> FnvMap<Verb> {
    let mut out = FnvMap::default();
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

/// [`flags`]: an adverb that may sit in a verb group ("will also explore").
pub const ADVERB: u8 = 1;
/// [`flags`]: a word after which a word is a noun or an adjective, not a
/// finite verb: articles, possessives, prepositions ("a plan to", "the will").
pub const DETERMINER: u8 = 2;
/// [`flags`]: a word that opens a relative or subordinate clause: a verb
/// right after it belongs to that clause ("which aims to").
pub const RELATIVE: u8 = 4;
/// [`flags`]: a form of "be", "have", "do", or "remain" as a linking verb.
pub const AUXILIARY: u8 = 8;
/// [`flags`]: "will" or "shall", which carry the verb after them.
pub const MODAL: u8 = 16;
/// [`flags`]: "would", "could", "may" and the like: what may be, not what
/// anyone undertakes.
pub const WEAK_MODAL: u8 = 32;

/// Adverbs that may sit inside a verb group, besides words in "-ly".
const ADVERBS: &[&str] = &[
    "also",
    "further",
    "together",
    "now",
    "therefore",
    "then",
    "both",
    "still",
    "soon",
    "again",
    "each",
    "all",
    "collectively",
    "hereby",
    "already",
    "today",
    "not",
    "never",
];
/// See [`DETERMINER`].
const DETERMINERS: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "these",
    "those",
    "our",
    "their",
    "its",
    "his",
    "her",
    "your",
    "my",
    "of",
    "any",
    "every",
    "such",
    "no",
    "new",
    "joint",
    "mutual",
    "shared",
    "common",
    "for",
    "in",
    "on",
    "with",
    "by",
    "from",
    "into",
    "under",
    "between",
    "among",
    "across",
    "including",
    "via",
    "per",
];
/// See [`RELATIVE`].
const RELATIVES: &[&str] = &[
    "which", "who", "whom", "whose", "that", "where", "when", "whereby", "if", "unless",
];
/// See [`AUXILIARY`].
const AUXILIARIES: &[&str] = &[
    "is", "are", "am", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did", "remain",
    "remains", "remained",
];
/// See [`MODAL`].
const MODALS: &[&str] = &["will", "shall", "won't", "won’t", "shan't", "shan’t"];
/// See [`WEAK_MODAL`].
const WEAK_MODALS: &[&str] = &[
    "would", "could", "can", "may", "might", "should", "must", "cannot", "can't", "can’t",
];

/// What a word is among the function words, as bits. One lookup per word:
/// the grammar asks about each word many times.
pub fn flags(w: &str) -> u8 {
    lookup(w).1
}

/// The function words with their [`flags`].
fn function_words() -> FnvMap<u8> {
    {
        let mut m = FnvMap::default();
        for (bit, list) in [
            (ADVERB, ADVERBS),
            (DETERMINER, DETERMINERS),
            (RELATIVE, RELATIVES),
            (AUXILIARY, AUXILIARIES),
            (MODAL, MODALS),
            (WEAK_MODAL, WEAK_MODALS),
        ] {
            for w in list {
                *m.entry((*w).to_string()).or_insert(0) |= bit;
            }
        }
        m
    }
}

/// "jointly", "collectively": adverbs in "-ly", not "supply" or "Italy".
fn ly_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !matches!(w, "supply" | "apply" | "italy" | "rely")
}

/// Whether `w` is an adverb that may sit inside a verb group.
pub fn is_adverb(w: &str) -> bool {
    flags(w) & ADVERB != 0
}

/// Whether `w` negates the verb group it sits in: "not", "never", "cannot",
/// and any contraction in "n't" ("won't", "doesn't").
pub fn is_negator(w: &str) -> bool {
    matches!(w, "not" | "never" | "cannot") || w.ends_with("n't") || w.ends_with("n’t")
}

/// Whether `w` is a verb that undertakes not doing what follows it:
/// "refrain from", "decline to", "refuse to", in any form.
pub fn is_negating_verb(w: &str) -> bool {
    ["refrain", "declin", "refus"]
        .iter()
        .any(|stem| w.starts_with(stem))
}

/// Whether `w` is "will" or "shall".
pub fn is_modal(w: &str) -> bool {
    flags(w) & MODAL != 0
}

/// FNV-1a: a fast hash for the short words of these tables (the standard
/// SipHash is built to resist attacks that a fixed table does not face).
#[derive(Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A table keyed by words, hashed with [`Fnv`].
type FnvMap<V> = HashMap<String, V, std::hash::BuildHasherDefault<Fnv>>;
