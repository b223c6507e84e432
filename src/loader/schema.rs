//! The statement file format (see `seeds/README.md`) and its validation.
//!
//! Validation happens inside deserialisation wherever it can, so that
//! serde_yaml reports the line, column and document path of the fault.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

use crate::model::{self, Stance};

/// One statement file: one meeting of one partnership.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StatementFile {
    /// The partnership the meeting belongs to.
    pub partnership: PartnershipSpec,
    /// The meeting itself.
    pub meeting: MeetingSpec,
    /// Paragraphs before the first area.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preamble: Vec<NonEmpty>,
    /// Areas in source order.
    #[serde(default)]
    pub areas: Areas,
    /// Paragraphs after the last area.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closing: Vec<NonEmpty>,
    /// The signature block at the end ("For the Government of ...", names, titles).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatories: Vec<NonEmpty>,
    /// What `jointly import` was unsure of, kept until the file is edited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<ReviewSpec>,
}

/// `review:` block: the importer's findings about a file it wrote. They
/// hold while the file is as the importer wrote it: `fingerprint` is a hash
/// of the text before the `review:` key, so any edit retires them.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewSpec {
    /// Hash of the file's text before `review:` (see [`fingerprint`]).
    pub fingerprint: NonEmpty,
    /// Each thing worth checking, with its line in the source.
    pub notes: Vec<ReviewNote>,
}

/// One finding of the importer.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewNote {
    /// 1-based line of the source it is about, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// What to check.
    pub message: NonEmpty,
}

/// A 64-bit FNV-1a hash of `text`, in hex: the fingerprint of a file's
/// text as the importer wrote it.
pub fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// `partnership:` block.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PartnershipSpec {
    /// Stable slug.
    pub id: Slug,
    /// Display name.
    pub name: NonEmpty,
    /// Parties.
    #[serde(default)]
    pub parties: Vec<NonEmpty>,
}

/// `meeting:` block.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingSpec {
    /// Stable slug; the date when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Slug>,
    /// Title as written.
    pub title: NonEmpty,
    /// Date line as the source prints it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<NonEmpty>,
    /// ISO date.
    pub date: IsoDate,
    /// Place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<NonEmpty>,
    /// Co-chairs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_chairs: Vec<CoChairSpec>,
    /// The original text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceSpec>,
}

impl MeetingSpec {
    /// The meeting's id: its slug, or its ISO date when it has none.
    pub fn id_or_date(&self) -> String {
        self.id
            .as_ref()
            .map_or_else(|| self.date.0.to_string(), |s| s.0.clone())
    }
}

/// A co-chair.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CoChairSpec {
    /// Name.
    pub name: NonEmpty,
    /// Role as written.
    pub role: NonEmpty,
}

/// `source:` block.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSpec {
    /// Path of the original text, relative to the statement file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<NonEmpty>,
    /// Public address of the original.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<NonEmpty>,
}

/// One area.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AreaSpec {
    /// Slug unique in its meeting.
    pub id: Slug,
    /// Heading as written.
    pub title: NonEmpty,
    /// Topic ids chosen by a person.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<Slug>,
    /// At least one commitment.
    pub commitments: Commitments,
    /// The source gives this area no heading (a fact sheet's one list):
    /// `title` is a placeholder, not text of the source.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub untitled: bool,
    /// The sections the area stands in, outermost first ("II. Key Outcomes", "A. ...").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub section: Vec<NonEmpty>,
    /// Paragraphs before its first item ("The Quad will:"): not commitments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intro: Vec<NonEmpty>,
    /// The sentence after its commitments that leads into the list of areas
    /// that follows ("The Quad will:"): not a commitment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outro: Vec<NonEmpty>,
    /// Lead-ins between its commitments ("... intend to:" between two
    /// lists): not commitments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leads: Vec<LeadSpec>,
    /// Commitments that stand, in the source, after the areas of its own
    /// section (more of its own text after a list of lead-in areas under it);
    /// counted with `commitments`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after_areas: Vec<CommitmentSpec>,
}

impl AreaSpec {
    /// How many commitments it has: `commitments` and `after_areas`.
    pub fn commitment_count(&self) -> usize {
        self.commitments.0.len() + self.after_areas.len()
    }
}

/// A lead-in between an area's commitments.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LeadSpec {
    /// The number (from 1, over `commitments` then `after_areas`) of the
    /// commitment it stands before: from 2 (a lead-in before the first is
    /// the `intro`) to the number of commitments.
    pub before: usize,
    /// Its text.
    pub text: NonEmpty,
}

/// A commitment: a plain string, or a map with `text` and an optional `stance`.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum CommitmentSpec {
    /// Just the text.
    Text(NonEmpty),
    /// Text with curated tags.
    Tagged {
        /// The text.
        text: NonEmpty,
        /// Stance chosen by a person.
        #[serde(skip_serializing_if = "Option::is_none")]
        stance: Option<StanceSpec>,
    },
}

impl CommitmentSpec {
    /// The text.
    pub fn text(&self) -> &str {
        match self {
            CommitmentSpec::Text(t) | CommitmentSpec::Tagged { text: t, .. } => &t.0,
        }
    }
    /// The curated stance, if any.
    pub fn stance(&self) -> Option<Stance> {
        match self {
            CommitmentSpec::Tagged { stance: Some(s), .. } => Some(s.0),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for CommitmentSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Tagged {
            text: NonEmpty,
            #[serde(default)]
            stance: Option<StanceSpec>,
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = CommitmentSpec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a commitment: a string, or a map with `text` and optional `stance`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                NonEmpty::new(v).map(CommitmentSpec::Text).map_err(E::custom)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                let t = Tagged::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(CommitmentSpec::Tagged {
                    text: t.text,
                    stance: t.stance,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// A string that holds more than white space.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct NonEmpty(pub String);

impl NonEmpty {
    fn new(s: &str) -> Result<NonEmpty, String> {
        if s.trim().is_empty() {
            Err("empty text".into())
        } else {
            Ok(NonEmpty(s.to_string()))
        }
    }
}

impl<'de> Deserialize<'de> for NonEmpty {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        NonEmpty::new(&s).map_err(de::Error::custom)
    }
}

/// An id segment: lowercase letters, digits and inner hyphens.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, Hash)]
#[serde(transparent)]
pub struct Slug(pub String);

impl<'de> Deserialize<'de> for Slug {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if model::is_slug(&s) {
            Ok(Slug(s))
        } else {
            Err(de::Error::custom(format!(
                "`{s}` is not a valid id (use lowercase letters, digits and hyphens)"
            )))
        }
    }
}

/// A date written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IsoDate(pub model::Date);

impl Serialize for IsoDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_string())
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map(IsoDate).map_err(de::Error::custom)
    }
}

/// A stance name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StanceSpec(pub Stance);

impl Serialize for StanceSpec {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.as_str())
    }
}

impl<'de> Deserialize<'de> for StanceSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map(StanceSpec).map_err(de::Error::custom)
    }
}

/// Areas, with ids unique in the file.
#[derive(Debug, Default, Serialize)]
#[serde(transparent)]
pub struct Areas(pub Vec<AreaSpec>);

impl<'de> Deserialize<'de> for Areas {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Areas;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of areas")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Areas, A::Error> {
                let mut areas: Vec<AreaSpec> = Vec::new();
                let mut seen = HashSet::new();
                while let Some(area) = seq.next_element::<AreaSpec>()? {
                    let count = area.commitments.0.len() + area.after_areas.len();
                    if let Some(l) = area.leads.iter().find(|l| l.before < 2 || l.before > count) {
                        let allowed = if count < 2 {
                            format!(
                                "an area of {count} commitment{} can have none (a lead-in before the first is its `intro`)",
                                if count == 1 { "" } else { "s" }
                            )
                        } else {
                            format!(
                                "`before` must be from 2 to {count}, the number of its commitments (a lead-in \
                                 before the first is its `intro`)"
                            )
                        };
                        return Err(de::Error::custom(format!(
                            "areas[{}] (`{}`): a lead-in has `before: {}`, but {allowed}",
                            areas.len(),
                            area.id.0,
                            l.before
                        )));
                    }
                    if !seen.insert(area.id.0.clone()) {
                        return Err(de::Error::custom(format!(
                            "duplicate area id `{}` (areas[{}] repeats an earlier area)",
                            area.id.0,
                            areas.len()
                        )));
                    }
                    areas.push(area);
                }
                Ok(Areas(areas))
            }
        }
        d.deserialize_seq(V)
    }
}

/// Commitments of an area: at least one.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub struct Commitments(pub Vec<CommitmentSpec>);

impl<'de> Deserialize<'de> for Commitments {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Vec::<CommitmentSpec>::deserialize(d)?;
        if v.is_empty() {
            Err(de::Error::custom("an area needs at least one commitment"))
        } else {
            Ok(Commitments(v))
        }
    }
}
