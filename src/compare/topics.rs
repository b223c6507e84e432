//! The shared topic taxonomy (`assets/topics.yaml`) and topic inference.
//!
//! Curated topics in a statement file are checked against the taxonomy and
//! aliases are folded to their ids; an area that lists no topics gets them
//! from its title and text: what its title names (by a topic's label, id,
//! alias or keyword) are its main subjects, what its commitments mention
//! through the keywords adds the rest.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::words;
use crate::model::{self, Area, Tag};

/// The taxonomy shipped in the binary.
pub const BUILTIN: &str = include_str!("../../assets/topics.yaml");

/// Where [`BUILTIN`] lives in the repository, for messages.
pub const BUILTIN_NAME: &str = "assets/topics.yaml";

/// One topic of the taxonomy.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Slug used in statement files and output; shared by every area tagged with it.
    pub id: Tag,
    /// Name shown to readers.
    pub label: String,
    /// A theme that runs through many subjects (research, talent, standards):
    /// sharing only such themes makes a weaker link between two areas.
    #[serde(default)]
    pub cross_cutting: bool,
    /// Words or phrases that signal the topic in a title or text.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Other ids a statement file may use for the topic.
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TaxonomyFile {
    topics: Vec<Topic>,
}

/// A keyword as ids of its folded words, and the index of its topic.
#[derive(Debug, Clone)]
struct Keyword {
    words: Box<[u32]>,
    topic: usize,
}

/// Buffers of [`Taxonomy::keyword_hits`], kept between the texts of an area.
#[derive(Default)]
struct Scratch {
    /// Word ids of the text.
    ids: Vec<u32>,
    /// Where each word of the text starts.
    starts: Vec<usize>,
    /// By topic: where the last keyword counted for it ended.
    covered: Vec<usize>,
}

/// The id of a word that is in no keyword.
const NO_WORD: u32 = u32::MAX;

/// foldhash: keyword lookups hash every word of every untagged area at
/// start-up, and words are short, where it is several times quicker than the
/// standard library's DoS-resistant SipHash (the keys are our own keywords,
/// so there is nothing to resist).
type KeywordHasher = foldhash::fast::FixedState;

/// The topics, with the lookups inference and alignment need.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    topics: Vec<Topic>,
    /// Ids and aliases → index in `topics`.
    names: HashMap<String, usize>,
    /// Every folded word of a keyword → its id.
    vocabulary: HashMap<String, u32, KeywordHasher>,
    /// By the id of their first word: the keywords starting with it.
    keywords: Vec<Vec<Keyword>>,
    /// As `keywords`, with each topic's label, id and aliases besides: the
    /// ways a title may name a topic.
    title_keywords: Vec<Vec<Keyword>>,
}

impl Taxonomy {
    /// The taxonomy compiled into the binary, parsed on first use.
    pub fn builtin() -> &'static Taxonomy {
        // The one `expect` outside tests: its input is compiled in.
        #[allow(clippy::expect_used)]
        static PARSED: LazyLock<Taxonomy> = LazyLock::new(|| {
            // The asset is part of the source tree, not user input, and the test
            // `builtin_taxonomy_parses` keeps it valid: a broken asset is a build bug.
            Taxonomy::parse(BUILTIN)
                .expect("assets/topics.yaml is valid (see the test builtin_taxonomy_parses)")
        });
        &PARSED
    }

    /// Parses and checks a taxonomy file: ids and aliases are slugs, no name
    /// is used twice, every keyword has a word in it.
    pub fn parse(text: &str) -> Result<Taxonomy, String> {
        let file: TaxonomyFile = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
        let mut names: HashMap<String, usize> = HashMap::new();
        let mut vocabulary: HashMap<String, u32, KeywordHasher> = HashMap::default();
        let mut keywords: Vec<Vec<Keyword>> = Vec::new();
        let mut title_names: Vec<(Box<[u32]>, usize)> = Vec::new();
        for (i, t) in file.topics.iter().enumerate() {
            for name in std::iter::once(t.id.as_str()).chain(t.aliases.iter().map(String::as_str)) {
                if !model::is_slug(name) {
                    return Err(format!("topics[{i}]: `{name}` is not a valid id"));
                }
                if let Some(&j) = names.get(name) {
                    return Err(format!(
                        "topics[{i}]: `{name}` is already used by topic `{}`",
                        file.topics[j].id
                    ));
                }
                names.insert(name.to_string(), i);
            }
            for k in &t.keywords {
                let phrase: Box<[u32]> = words::folded_words(k)
                    .into_iter()
                    .map(|w| {
                        let next = vocabulary.len() as u32;
                        *vocabulary.entry(w).or_insert(next)
                    })
                    .collect();
                let Some(&first) = phrase.first() else {
                    return Err(format!("topics[{i}] ({}): keyword `{k}` has no word in it", t.id));
                };
                keywords.resize_with(vocabulary.len(), Vec::new);
                keywords[first as usize].push(Keyword {
                    words: phrase,
                    topic: i,
                });
            }
            // "Critical infrastructure", `digital-economy`: a title names a
            // topic by its label, id or an alias as well.
            let spelled = std::iter::once(t.label.clone())
                .chain(std::iter::once(t.id.replace('-', " ")))
                .chain(t.aliases.iter().map(|a| a.replace('-', " ")));
            for name in spelled {
                let phrase: Box<[u32]> = words::folded_words(&name)
                    .into_iter()
                    .map(|w| {
                        let next = vocabulary.len() as u32;
                        *vocabulary.entry(w).or_insert(next)
                    })
                    .collect();
                if !phrase.is_empty() {
                    title_names.push((phrase, i));
                }
            }
        }
        keywords.resize_with(vocabulary.len(), Vec::new);
        let mut title_keywords = keywords.clone();
        for (phrase, topic) in title_names {
            let first = phrase[0] as usize;
            title_keywords[first].push(Keyword { words: phrase, topic });
        }
        Ok(Taxonomy {
            topics: file.topics,
            names,
            vocabulary,
            keywords,
            title_keywords,
        })
    }

    /// The topic an id or alias names.
    pub fn get(&self, name: &str) -> Option<&Topic> {
        self.names.get(name).map(|&i| &self.topics[i])
    }

    /// Whether the topic is a cross-cutting theme; unknown ids are subjects.
    pub fn is_cross_cutting(&self, id: &str) -> bool {
        self.get(id).is_some_and(|t| t.cross_cutting)
    }

    /// Adds how often each topic's keywords occur in `text` to `hits`, by
    /// topic index. A keyword counts at each place it starts, but one topic
    /// is counted once for overlapping keywords ("post quantum cryptography"
    /// and "quantum"). A keyword inside a longer name written in capitals
    /// ("European Digital Infrastructure Consortium", "International
    /// Telecommunication Union") names an organisation or a programme, not
    /// the subject, and does not count.
    fn keyword_hits(&self, text: &str, hits: &mut [u32], scratch: &mut Scratch) {
        let Scratch { ids, starts, covered } = scratch;
        ids.clear();
        starts.clear();
        words::each_span(text, |range, _, folded| {
            ids.push(self.vocabulary.get(folded).copied().unwrap_or(NO_WORD));
            starts.push(range.start);
        });
        // Read only around a keyword found, which is rare.
        let capital = |i: usize| {
            starts
                .get(i)
                .and_then(|&at| text.get(at..))
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_uppercase)
        };
        covered.clear();
        covered.resize(self.topics.len(), 0);
        for (i, &id) in ids.iter().enumerate() {
            let Some(candidates) = self.keywords.get(id as usize) else {
                continue;
            };
            for k in candidates {
                let end = i + k.words.len();
                if covered[k.topic] <= i && ids.get(i..end).is_some_and(|w| w == &k.words[..]) {
                    // The first word of the text is capitalised anyway.
                    let in_name = (i..end).all(capital) && ((i > 1 && capital(i - 1)) || capital(end));
                    if !in_name {
                        hits[k.topic] += 1;
                    }
                    covered[k.topic] = end;
                }
            }
        }
    }

    /// The topics whose keywords `text` mentions, in taxonomy order.
    pub fn mentioned(&self, text: &str) -> Vec<&Topic> {
        let mut hits = vec![0; self.topics.len()];
        self.keyword_hits(text, &mut hits, &mut Scratch::default());
        self.topics
            .iter()
            .zip(hits)
            .filter(|&(_, h)| h > 0)
            .map(|(t, _)| t)
            .collect()
    }

    /// The topics `title` names, by a keyword or by a topic's label, id or
    /// alias, in the order the title names them.
    pub fn title_topics(&self, title: &str) -> Vec<Tag> {
        let mut ids: Vec<u32> = Vec::new();
        words::each_word(title, |_, folded| {
            ids.push(self.vocabulary.get(folded).copied().unwrap_or(NO_WORD));
        });
        let mut found: Vec<usize> = Vec::new();
        for (i, &id) in ids.iter().enumerate() {
            for k in self.title_keywords.get(id as usize).into_iter().flatten() {
                let end = i + k.words.len();
                if ids.get(i..end).is_some_and(|w| w == &k.words[..]) && !found.contains(&k.topic) {
                    found.push(k.topic);
                }
            }
        }
        found.into_iter().map(|i| self.topics[i].id.clone()).collect()
    }

    /// Whether `topic` is a main subject of `area`: its first topic, or,
    /// when its topics were inferred, a subject (not a cross-cutting theme)
    /// its title names.
    pub fn is_main(&self, area: &Area, topic: &str) -> bool {
        let Some(((first, _), rest)) = area.topics.split_first() else {
            return false;
        };
        if first == topic {
            return true;
        }
        !self.is_cross_cutting(topic)
            && rest
                .iter()
                .any(|(t, o)| t == topic && *o == model::Origin::Inferred)
            && self.title_topics(&area.title).iter().any(|t| t == topic)
    }

    /// Topics of an area inferred from its title and commitments, main
    /// subjects first. The subjects the title names come first, in its
    /// order ("Critical Infrastructure and Technology Supply Chains":
    /// critical infrastructure, then supply chains); then the subjects its
    /// commitments mention, the most mentioned first; then the
    /// cross-cutting themes (research, talent, standards) of either. When
    /// the title names no subject, the most mentioned one leads.
    pub fn infer(&self, area: &Area) -> Vec<Tag> {
        let title = self.title_topics(&area.title);
        let mut text = vec![0u32; self.topics.len()];
        let mut scratch = Scratch::default();
        for c in &area.commitments {
            self.keyword_hits(&c.text, &mut text, &mut scratch);
        }
        let mut out: Vec<Tag> = title
            .iter()
            .filter(|t| !self.is_cross_cutting(t))
            .cloned()
            .collect();
        let mut mentioned: Vec<(u32, usize)> = (0..self.topics.len())
            .filter(|&i| text[i] > 0)
            .map(|i| (text[i], i))
            .collect();
        // Most mentioned first; ties in taxonomy order, so the result is stable.
        mentioned.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for cross_cutting in [false, true] {
            if cross_cutting {
                for t in &title {
                    if self.is_cross_cutting(t) && !out.contains(t) {
                        out.push(t.clone());
                    }
                }
            }
            for &(_, i) in &mentioned {
                let topic = &self.topics[i];
                if topic.cross_cutting == cross_cutting && !out.contains(&topic.id) {
                    out.push(topic.id.clone());
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Commitment;

    fn area(title: &str, texts: &[&str]) -> Area {
        Area {
            id: "x".into(),
            title: title.into(),
            commitments: texts
                .iter()
                .map(|t| Commitment {
                    text: (*t).into(),
                    stance: None,
                    lines: None,
                    basis: None,
                    actor: crate::model::Actor::Joint,
                })
                .collect(),
            ..Area::default()
        }
    }

    #[test]
    fn builtin_taxonomy_parses() {
        let t = Taxonomy::parse(BUILTIN).unwrap();
        for id in [
            "ai",
            "quantum",
            "cybersecurity",
            "critical-infrastructure",
            "semiconductors",
            "supply-chains",
            "data-flows",
            "data-governance",
            "privacy",
            "digital-identity",
            "online-safety",
            "scams",
            "consumer-protection",
            "digital-trade",
            "digital-payments",
            "biotechnology",
            "defence",
            "standards",
            "talent",
            "research",
            "smart-cities",
            "climate",
            "digital-trust",
        ] {
            let topic = t.get(id).unwrap_or_else(|| panic!("topic {id} missing"));
            assert_eq!(topic.id, id);
            assert!(!topic.label.is_empty() && !topic.keywords.is_empty(), "{id}");
        }
        assert_eq!(t.get("defense").map(|t| t.id.as_str()), Some("defence"));
        assert!(t.is_cross_cutting("research") && !t.is_cross_cutting("quantum"));
    }

    #[test]
    fn bad_taxonomies_are_refused_with_a_reason() {
        let twice =
            "topics:\n  - {id: ai, label: AI, keywords: [ai]}\n  - {id: ml, label: ML, aliases: [ai]}\n";
        assert_eq!(
            Taxonomy::parse(twice).unwrap_err(),
            "topics[1]: `ai` is already used by topic `ai`"
        );
        let bad_id = "topics:\n  - {id: Ai, label: AI}\n";
        assert!(
            Taxonomy::parse(bad_id)
                .unwrap_err()
                .contains("`Ai` is not a valid id")
        );
        let empty_kw = "topics:\n  - {id: ai, label: AI, keywords: [\" - \"]}\n";
        assert!(
            Taxonomy::parse(empty_kw)
                .unwrap_err()
                .contains("has no word in it")
        );
        assert!(Taxonomy::parse("topics:\n  - {id: ai, lable: AI}\n").is_err());
    }

    #[test]
    fn the_title_names_the_main_subjects_and_the_commitments_add_the_rest() {
        let t = Taxonomy::builtin();
        let a = area(
            "Semiconductors",
            &[
                "Cooperate on chips and advanced packaging.",
                "Exchange on supply chain resilience.",
            ],
        );
        assert_eq!(t.infer(&a), ["semiconductors", "supply-chains"]);
        // A title names topics by label, id or alias too, in its own order,
        // and every subject it names is a main subject.
        let a = area(
            "Critical Infrastructure and Technology Supply Chains",
            &["Promote smart cities and semiconductor research."],
        );
        assert_eq!(
            t.infer(&a),
            // Mentions once each: in taxonomy order.
            [
                "critical-infrastructure",
                "supply-chains",
                "semiconductors",
                "smart-cities",
                "research"
            ]
        );
        let tagged = Area {
            topics: t
                .infer(&a)
                .into_iter()
                .map(|x| (x, model::Origin::Inferred))
                .collect(),
            ..a
        };
        assert!(t.is_main(&tagged, "critical-infrastructure") && t.is_main(&tagged, "supply-chains"));
        assert!(!t.is_main(&tagged, "smart-cities") && !t.is_main(&tagged, "research"));
        assert_eq!(
            t.title_topics("Verifiable Credentials and Trust Services"),
            ["digital-identity", "digital-trust"]
        );
        // A theme in the title does not lead: the subject mentioned does.
        let a = area("Research Cooperation", &["Work on quantum computing."]);
        assert_eq!(t.infer(&a), ["quantum", "research"]);
        // A keyword inside a capitalised name is not a mention of the subject.
        let a = area(
            "Other",
            &["Exchanges with the European Digital Infrastructure Consortium on privacy."],
        );
        assert_eq!(t.infer(&a), ["privacy"]);
        assert!(t.infer(&area("Other", &["Nothing to see."])).is_empty());
    }
}
