//! Who undertakes a commitment: the parties its subject names.
//!
//! A subject names a party by the party's name as the statement file gives
//! it, its initials ("U.S.", "US", "EU"), its adjective ("Singaporean",
//! "Japanese") or a usual short form ("America", "the Commission"). A subject
//! of several conjuncts ("MINDEF and U.S. DoD's DIU") names one party only if
//! every conjunct does; one that names no party ("we", "the two sides", "the
//! Quad") is the partnership's, so joint.

use crate::model::Actor;

/// The forms by which each party may be named, longest first.
pub struct Parties {
    names: Vec<Vec<Name>>,
}

/// One name of a party, ready to be looked for.
struct Name {
    /// Names in capitals ("EU", "U.S.") match case-sensitively, as written.
    exact: bool,
    /// The name, lowercase unless `exact`.
    text: String,
}

impl Name {
    fn new(name: &str) -> Name {
        let exact = name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        Name {
            exact,
            text: if exact {
                name.to_string()
            } else {
                name.to_lowercase()
            },
        }
    }

    /// Whether the name is in `text` (whose lowercase is `lower`) as whole words.
    fn found_in(&self, text: &str, lower: &str) -> bool {
        contains_word(if self.exact { text } else { lower }, &self.text)
    }
}

impl Parties {
    /// The aliases of each of `parties`, in order.
    pub fn new(parties: &[String]) -> Parties {
        Parties {
            names: parties
                .iter()
                .map(|p| aliases(p).iter().map(|a| Name::new(a)).collect())
                .collect(),
        }
    }

    /// The actor of a clause whose subject is `subject`.
    pub fn actor(&self, subject: &str) -> Actor {
        if self.names.len() < 2 || self.names.len() > 8 {
            return Actor::Joint;
        }
        let all = u8::MAX >> (8 - self.names.len());
        // Most subjects name no party ("we") or every party: no need to split them.
        let whole = self.named_in(subject);
        if whole == 0 || whole == all {
            return Actor::Joint;
        }
        let mut mask = 0u8;
        for conjunct in conjuncts(subject) {
            let named = self.named_in(conjunct);
            if named == 0 {
                // A conjunct that names no party: the subject is shared.
                return Actor::Joint;
            }
            mask |= named;
        }
        if mask == 0 || mask == all {
            Actor::Joint
        } else {
            Actor::Parties(mask)
        }
    }

    /// The parties `text` names, as a mask.
    fn named_in(&self, text: &str) -> u8 {
        let lower = text.to_lowercase();
        let mut mask = 0u8;
        for (i, names) in self.names.iter().enumerate() {
            if names.iter().any(|n| n.found_in(text, &lower)) {
                mask |= 1 << i;
            }
        }
        mask
    }
}

/// The parts of a subject joined by "and", "or", "together with" or commas.
fn conjuncts(subject: &str) -> Vec<&str> {
    let mut parts = vec![subject];
    for sep in [
        " and ",
        " together with ",
        " along with ",
        " as well as ",
        " or ",
        ", ",
    ] {
        parts = parts
            .into_iter()
            .flat_map(|p| p.split(sep))
            .map(str::trim)
            .filter(|p| !p.is_empty() && !matches!(*p, "and" | "or"))
            .collect();
    }
    // Parentheses ("(DoD)") and words such as "the" stay with their conjunct.
    parts
}

/// Whether `needle` occurs in `hay` as whole words.
fn contains_word(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(at) = hay[from..].find(needle) {
        let start = from + at;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back();
        let after = hay[end..].chars().next();
        let bounded = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        // "U.S." ends in a dot: what follows may be anything.
        if bounded(before) && (bounded(after) || needle.ends_with('.')) {
            return true;
        }
        from = start + needle.len().max(1);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

/// The names a party goes by: its name, initials, adjective and usual short forms.
fn aliases(party: &str) -> Vec<String> {
    let party = party.trim();
    let mut out = vec![party.to_string()];
    let bare = party.strip_prefix("the ").unwrap_or(party);
    if bare != party {
        out.push(bare.to_string());
    }
    let words: Vec<&str> = bare.split_whitespace().collect();
    let capitals: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| w.starts_with(char::is_uppercase))
        .collect();
    if capitals.len() >= 2 {
        let initials: String = capitals.iter().filter_map(|w| w.chars().next()).collect();
        let dotted: String = initials.chars().map(|c| format!("{c}.")).collect();
        out.push(initials);
        out.push(dotted);
    }
    // The adjective: "Singapore" → "Singaporean", "Japan" → "Japanese".
    if let Some(last) = words.last()
        && words.len() <= 3
    {
        for suffix in ["n", "an", "ese", "ian"] {
            out.push(format!("{last}{suffix}"));
        }
    }
    let usual: &[&str] = match bare.to_lowercase().as_str() {
        "united states" | "united states of america" | "usa" | "us" | "u.s." => &[
            "United States",
            "America",
            "American",
            "U.S.",
            "US",
            "USA",
            "U.S.A.",
            "USG",
        ],
        "european union" | "eu" => &[
            "European Union",
            "EU",
            "E.U.",
            "European Commission",
            "the Commission",
            "Europe",
            "European",
        ],
        "united kingdom" | "uk" => &["United Kingdom", "UK", "U.K.", "Britain", "British"],
        "republic of korea" | "south korea" | "korea" => &["ROK", "Korea", "Korean"],
        "people's republic of china" | "china" => &["PRC", "China", "Chinese"],
        "netherlands" => &["Dutch", "Netherlands"],
        _ => &[],
    };
    out.extend(usual.iter().map(|s| s.to_string()));
    // Longest first, so that "United States" is found before "US".
    out.sort_by_key(|s| std::cmp::Reverse(s.len()));
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parties(p: &[&str]) -> Parties {
        Parties::new(&p.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn one_party_named_alone_undertakes_alone() {
        let p = parties(&["United States", "Singapore"]);
        assert_eq!(p.actor("The United States"), Actor::Parties(1));
        assert_eq!(p.actor("Singapore"), Actor::Parties(2));
        assert_eq!(p.actor("the U.S. Department of the Treasury"), Actor::Parties(1));
        assert_eq!(
            p.actor("Singaporean Deputy Prime Minister Wong"),
            Actor::Parties(2)
        );
        assert_eq!(p.actor("Singapore’s National Quantum Office"), Actor::Parties(2));
    }

    #[test]
    fn shared_subjects_are_joint() {
        let p = parties(&["United States", "Singapore"]);
        for s in [
            "The United States and Singapore",
            "we",
            "the two sides",
            "the U.S. Department of the Treasury and the Monetary Authority of Singapore",
            "MINDEF and U.S. DoD’s Defense Innovation Unit (DIU)",
        ] {
            assert_eq!(p.actor(s), Actor::Joint, "{s}");
        }
        let eu = parties(&["European Union", "Singapore"]);
        assert_eq!(eu.actor("The EU"), Actor::Parties(1));
        assert_eq!(eu.actor("the Commission"), Actor::Parties(1));
        assert_eq!(eu.actor("Singapore and the EU"), Actor::Joint);
        // "US" inside a word is not the United States.
        assert_eq!(p.actor("Business leaders"), Actor::Joint);
    }

    #[test]
    fn two_of_four_parties_are_named_as_such() {
        let quad = parties(&["United States", "Australia", "India", "Japan"]);
        assert_eq!(quad.actor("Japan"), Actor::Parties(8));
        assert_eq!(quad.actor("The United States and Japan"), Actor::Parties(9));
        assert_eq!(quad.actor("Quad partners"), Actor::Joint);
    }
}
