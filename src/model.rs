//! The in-memory statement tree: partnership → meeting → area → commitment.
//!
//! The model knows nothing of files or terminals. Nodes are addressed by
//! [`NodePath`] (indices, cheap to copy) inside the program and by their
//! stable string id (`eu-sg-dp/2025-12-01/quantum/2`) everywhere a user sees
//! or types one.

use std::fmt;
use std::ops::Deref;
use std::str::FromStr;
use std::sync::Arc;

mod rare_list;
mod sections;
pub use rare_list::RareList;
pub use sections::{Child, Outline, SECTION_MARK, Section};

/// Everything that was loaded: partnerships in load order.
#[derive(Debug, Default, Clone)]
pub struct Corpus {
    /// Partnerships, in the order their first file was loaded.
    pub partnerships: Vec<Partnership>,
}

/// A standing partnership between parties, which meets from time to time.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Partnership {
    /// Stable slug, e.g. `eu-sg-dp`.
    pub id: String,
    /// Display name, e.g. "EU-Singapore Digital Partnership".
    pub name: String,
    /// The parties, as named in the statement file.
    pub parties: Vec<String>,
    /// Meetings sorted by date (oldest first).
    pub meetings: Vec<Meeting>,
}

/// One meeting and the joint statement it produced.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Meeting {
    /// Stable id; by default the ISO date (`2025-12-01`).
    pub id: String,
    /// Title of the statement, exactly as written.
    pub title: String,
    /// The date line as the source prints it ("1 December 2025"), if it has one.
    pub dateline: Option<Text>,
    /// Date of the meeting.
    pub date: Date,
    /// Where it took place.
    pub place: Option<String>,
    /// Co-chairs with their roles as the text names them. (Rare lists,
    /// here and below: many statements have none of these, and a library
    /// holds many meetings; see [`RareList`].)
    pub co_chairs: RareList<CoChair>,
    /// Where the statement came from.
    pub source: SourceRef,
    /// Line range of the title in the source.
    pub title_lines: Option<LineRange>,
    /// Paragraphs before the first area.
    pub preamble: RareList<Text>,
    /// Headed topics in source order.
    pub areas: Vec<Area>,
    /// Paragraphs after the last area.
    pub closing: RareList<Text>,
    /// The signature block, if the statement ends with one.
    pub signatories: RareList<Text>,
}

/// A co-chair of a meeting.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CoChair {
    /// Person's name.
    pub name: String,
    /// Role as the statement gives it.
    pub role: String,
}

/// Where a meeting's statement comes from.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct SourceRef {
    /// The statement file (YAML) this meeting was loaded from, as shown to users.
    pub statement_file: String,
    /// The original text the statement was transcribed from, as shown to users.
    pub source_file: Option<String>,
    /// Public address of the original, where known.
    pub url: Option<String>,
}

/// The tail of `section` (an area's section path) that an area shown
/// before it did not stand in: `before` is that area's section path and
/// title (`None`: untitled), which counts as a section when it heads this
/// path ([`Meeting::opened_sections`]). Where areas are left out (the
/// comparison's list of changes), the area shown before is not the one
/// before.
pub fn opened_after<'a>(before: Option<(&[String], Option<&str>)>, section: &'a [String]) -> &'a [String] {
    let shared = before.map_or(0, |(path, title)| {
        path.iter()
            .map(String::as_str)
            .chain(title)
            .zip(section)
            .take_while(|(c, s)| *c == s.as_str())
            .count()
    });
    &section[shared..]
}

/// An area's section path as a breadcrumb prefix ("II. Key Outcomes › "), empty without one.
fn sections(a: &Area) -> String {
    a.section.iter().map(|s| format!("{s} › ")).collect()
}

/// A headed topic of a statement, such as "Quantum". `Default` is an
/// empty area, for building one field by field.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Area {
    /// Slug unique within its meeting, e.g. `quantum`.
    pub id: String,
    /// Heading exactly as written (a placeholder when `untitled`).
    pub title: String,
    /// Whether the source gives the area no heading, so `title` is a placeholder.
    pub untitled: bool,
    /// The sections it stands in, outermost first; empty when the statement has none.
    /// (Rare lists, here and below: most areas have none of these, and a
    /// library holds many areas; see [`RareList`].)
    pub section: RareList<String>,
    /// Paragraphs before its first item: an introduction, not commitments.
    pub intro: RareList<Text>,
    /// Text after its commitments that leads into what follows ("The Quad will:").
    pub outro: RareList<Text>,
    /// Topic ids from the shared taxonomy, with who decided them.
    pub topics: Vec<(Tag, Origin)>,
    /// Line range of the heading in the source.
    pub title_lines: Option<LineRange>,
    /// The smallest items the statement gives under this heading.
    pub commitments: Vec<Commitment>,
    /// Lead-ins between its commitments ("... intend to:" between two
    /// lists), each with the index of the commitment it stands before: text
    /// in place, never counted as a commitment.
    pub leads: RareList<(usize, Text)>,
    /// The index of its first commitment that stands, in the source, after
    /// the areas of its own section (a heading with text of its own, a list
    /// of lead-in areas under it, then more of its own text).
    pub resume: Option<usize>,
}

/// One list line, or one sentence of a paragraph.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Commitment {
    /// The text, exactly as written.
    pub text: Box<str>,
    /// Strength of the language, if a person or a rule decided it.
    pub stance: Option<(Stance, Origin)>,
    /// Line range in the source.
    pub lines: Option<LineRange>,
    /// The words that decided an inferred stance; `None` when the stance was
    /// written in the file or none was found.
    pub basis: Option<Basis>,
    /// Who undertakes it: the parties jointly, or one of them.
    pub actor: Actor,
}

/// The words that decided an inferred stance ("will explore", sentence 2),
/// kept as a place in the text rather than a copy of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Basis {
    /// Byte offset of the words, in the commitment's text or, for
    /// [`BasisPlace::LeadIn`], in the lead-in.
    pub start: u32,
    /// Their length in bytes.
    pub len: u16,
    /// The sentence of the commitment they are in, from 1.
    pub sentence: std::num::NonZeroU8,
    /// Where they are.
    pub place: BasisPlace,
}

/// Where the words of a [`Basis`] are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum BasisPlace {
    /// In the commitment's text.
    Text,
    /// In the commitment's text, carried by the lead-in of its list ("The
    /// Quad will:" + "Launch ...").
    Carried,
    /// In the lead-in of its list: the item has no verb of its own
    /// ("announced key outcomes including:" + "A new dialogue ...").
    LeadIn,
}

impl Basis {
    /// The deciding words, given the commitment's text and its lead-in.
    pub fn words<'a>(&self, text: &'a str, lead_in: Option<&'a str>) -> &'a str {
        let source = match self.place {
            BasisPlace::LeadIn => lead_in.unwrap_or(""),
            BasisPlace::Text | BasisPlace::Carried => text,
        };
        let (start, end) = (self.start as usize, self.start as usize + self.len as usize);
        source.get(start..end).unwrap_or("")
    }
}

/// Who undertakes a commitment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Actor {
    /// The parties together, or a subject that names no one party ("we",
    /// "the two sides").
    #[default]
    Joint,
    /// Some of the parties and not all: a mask of indices into the
    /// partnership's `parties` (bit 0 is the first party).
    Parties(u8),
}

impl Actor {
    /// Whether the parties undertake it together.
    pub fn is_joint(self) -> bool {
        self == Actor::Joint
    }

    /// "joint", or the parties by name ("United States"), joined by " and ".
    pub fn name(self, parties: &[String]) -> String {
        match self {
            Actor::Joint => "joint".into(),
            Actor::Parties(mask) => {
                let named: Vec<&str> = parties
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i < 8 && mask & (1 << i) != 0)
                    .map(|(_, p)| p.as_str())
                    .collect();
                if named.is_empty() {
                    "joint".into()
                } else {
                    named.join(" and ")
                }
            }
        }
    }
}

/// A paragraph (or date line) with its place in the source.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Text {
    /// The text, exactly as written.
    pub text: String,
    /// Line range in the source.
    pub lines: Option<LineRange>,
}

/// A topic id such as `quantum`. Thousands of areas carry the same few
/// dozen topics, so a tag is a shared string: cloning it copies a pointer,
/// and the taxonomy and each thread that reads statements hand out one copy
/// of each. The pointer
/// is thin (to a boxed string, not to the string itself), so that an
/// area's `(Tag, Origin)` takes 16 bytes, not 24: areas carry three or
/// four tags each.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Tag(Arc<Box<str>>);

impl Tag {
    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Tag {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Tag {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Tag {
    fn from(s: &str) -> Tag {
        Tag(Arc::new(Box::from(s)))
    }
}

impl From<String> for Tag {
    fn from(s: String) -> Tag {
        Tag(Arc::new(s.into_boxed_str()))
    }
}

impl PartialEq<str> for Tag {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Tag {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl serde::Serialize for Tag {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Tag {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Tag, D::Error> {
        d.deserialize_str(TagVisitor)
    }
}

/// Reads a tag through [`Tag::interned`], so that the thousands of tags a
/// library's cache holds cost no allocation each.
struct TagVisitor;

impl serde::de::Visitor<'_> for TagVisitor {
    type Value = Tag;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a topic id")
    }

    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Tag, E> {
        Ok(Tag::interned(s))
    }
}

impl Tag {
    /// The tag `s`, shared with the tags of the same id this thread read
    /// before: decoding a warm cache of a thousand statements met each of
    /// a few dozen topics thousands of times, and allocated each anew
    /// (a tenth of its allocations). Past a few thousand distinct ids (a
    /// hostile file) tags are no longer kept.
    pub fn interned(s: &str) -> Tag {
        const MAX_KEPT: usize = 4096;
        thread_local! {
            static SEEN: std::cell::RefCell<std::collections::HashSet<Tag>> = Default::default();
        }
        SEEN.with(|seen| {
            let Ok(mut seen) = seen.try_borrow_mut() else {
                return Tag::from(s);
            };
            if let Some(tag) = seen.get(s) {
                return tag.clone();
            }
            let tag = Tag::from(s);
            if seen.len() < MAX_KEPT {
                seen.insert(tag.clone());
            }
            tag
        })
    }
}

/// Whether a tag was written by a person in the statement file or guessed by a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Origin {
    /// Written in the YAML by a person.
    Curated,
    /// Inferred by jointly's rules.
    Inferred,
}

impl Origin {
    /// The mark after a tag in lists: `*` when inferred, so that a reader
    /// knows what a person decided and what a rule guessed.
    pub fn mark(self) -> &'static str {
        match self {
            Origin::Curated => "",
            Origin::Inferred => "*",
        }
    }
}

/// The strength of a commitment's language, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum Stance {
    /// "commit to", "will", "resolve to", "agreed to".
    Commit,
    /// "intend to", "plan to", "look forward to", "seek to".
    Intend,
    /// "explore", "express interest", "consider".
    Explore,
    /// "welcome", "acknowledge", "recognise", "reaffirm", "note".
    Acknowledge,
}

impl Stance {
    /// All stances, strongest first.
    pub const ALL: [Stance; 4] = [
        Stance::Commit,
        Stance::Intend,
        Stance::Explore,
        Stance::Acknowledge,
    ];

    /// The lowercase name used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Commit => "commit",
            Stance::Intend => "intend",
            Stance::Explore => "explore",
            Stance::Acknowledge => "acknowledge",
        }
    }
}

impl FromStr for Stance {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Stance::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| format!("unknown stance `{s}` (expected commit, intend, explore or acknowledge)"))
    }
}

/// An inclusive, 1-based range of source lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LineRange {
    /// First line.
    pub first: u32,
    /// Last line (inclusive).
    pub last: u32,
}

impl fmt::Display for LineRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.first == self.last {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}-{}", self.first, self.last)
        }
    }
}

/// A calendar date, validated on construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
// Read back (from the load cache) through `new`, so that no impossible
// date gets in.
#[serde(try_from = "(u16, u8, u8)", into = "(u16, u8, u8)")]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl TryFrom<(u16, u8, u8)> for Date {
    type Error = String;
    fn try_from((year, month, day): (u16, u8, u8)) -> Result<Date, String> {
        Date::new(year, month, day).ok_or_else(|| format!("no such date: {year}-{month}-{day}"))
    }
}

impl From<Date> for (u16, u8, u8) {
    fn from(d: Date) -> (u16, u8, u8) {
        (d.year, d.month, d.day)
    }
}

/// The order of a partnership's meetings in the tree: by date, then id
/// (two statements of one day).
pub fn meeting_order(a: (Date, &str), b: (Date, &str)) -> std::cmp::Ordering {
    a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1))
}

impl Date {
    /// A date, if it exists in the Gregorian calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (year > 0 && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }

    /// Year.
    pub fn year(self) -> u16 {
        self.year
    }
    /// Month, 1-12.
    pub fn month(self) -> u8 {
        self.month
    }
    /// Day of the month.
    pub fn day(self) -> u8 {
        self.day
    }
}

impl FromStr for Date {
    type Err = String;
    /// Parses an ISO date, `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a date of the form YYYY-MM-DD");
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let (Ok(y), Ok(m), Ok(d)) = (y.parse(), m.parse(), d.parse()) else {
            return Err(bad());
        };
        Date::new(y, m, d).ok_or_else(|| format!("`{s}` is not a day of the calendar"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Whether `s` is a usable id segment: lowercase ASCII letters, digits and
/// inner hyphens, so that ids can be typed, quoted and joined with `/`.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The position of a node in the tree. Indices are 0-based; the string form
/// (see [`Corpus::id_of`]) numbers commitments from 1, as readers count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodePath {
    /// A partnership.
    Partnership(usize),
    /// A meeting of a partnership.
    Meeting(usize, usize),
    /// An area of a meeting.
    Area(usize, usize, usize),
    /// A commitment of an area.
    Commitment(usize, usize, usize, usize),
    /// A section of a meeting: its index in [`Meeting::sections`].
    Section(usize, usize, usize),
}

impl NodePath {
    /// Index of the partnership this node belongs to.
    pub fn partnership(self) -> usize {
        match self {
            NodePath::Partnership(p)
            | NodePath::Meeting(p, _)
            | NodePath::Area(p, _, _)
            | NodePath::Commitment(p, _, _, _)
            | NodePath::Section(p, _, _) => p,
        }
    }

    /// The enclosing node, if any, leaving sections out: an area's and a
    /// section's is the meeting. [`Corpus::tree_parent`] takes sections in.
    pub fn parent(self) -> Option<NodePath> {
        match self {
            NodePath::Partnership(_) => None,
            NodePath::Meeting(p, _) => Some(NodePath::Partnership(p)),
            NodePath::Area(p, m, _) | NodePath::Section(p, m, _) => Some(NodePath::Meeting(p, m)),
            NodePath::Commitment(p, m, a, _) => Some(NodePath::Area(p, m, a)),
        }
    }

    /// The meeting this node belongs to, if it is at or below a meeting.
    pub fn meeting(self) -> Option<(usize, usize)> {
        match self {
            NodePath::Partnership(_) => None,
            NodePath::Meeting(p, m)
            | NodePath::Area(p, m, _)
            | NodePath::Commitment(p, m, _, _)
            | NodePath::Section(p, m, _) => Some((p, m)),
        }
    }

    /// The area this node belongs to, if it is at or below an area.
    pub fn area(self) -> Option<(usize, usize, usize)> {
        match self {
            NodePath::Area(p, m, a) | NodePath::Commitment(p, m, a, _) => Some((p, m, a)),
            _ => None,
        }
    }
}

/// A resolved node, borrowed from the corpus.
#[derive(Debug, Clone, Copy)]
pub enum Node<'a> {
    /// A partnership.
    Partnership(&'a Partnership),
    /// A meeting with its partnership.
    Meeting(&'a Partnership, &'a Meeting),
    /// An area with its ancestors.
    Area(&'a Partnership, &'a Meeting, &'a Area),
    /// A commitment with its ancestors and its 0-based index in the area.
    Commitment(&'a Partnership, &'a Meeting, &'a Area, usize, &'a Commitment),
    /// A section with its ancestors and its index in [`Meeting::sections`].
    Section(&'a Partnership, &'a Meeting, usize, Section<'a>),
}

impl Corpus {
    /// The meeting at `path`, with its partnership, if `path` is a meeting.
    pub fn meeting(&self, path: NodePath) -> Option<(&Partnership, &Meeting)> {
        match self.get(path)? {
            Node::Meeting(p, m) => Some((p, m)),
            _ => None,
        }
    }

    /// The node at `path`, if it exists.
    pub fn get(&self, path: NodePath) -> Option<Node<'_>> {
        let part = |p: usize| self.partnerships.get(p);
        Some(match path {
            NodePath::Partnership(p) => Node::Partnership(part(p)?),
            NodePath::Meeting(p, m) => {
                let pa = part(p)?;
                Node::Meeting(pa, pa.meetings.get(m)?)
            }
            NodePath::Area(p, m, a) => {
                let pa = part(p)?;
                let me = pa.meetings.get(m)?;
                Node::Area(pa, me, me.areas.get(a)?)
            }
            NodePath::Commitment(p, m, a, c) => {
                let pa = part(p)?;
                let me = pa.meetings.get(m)?;
                let ar = me.areas.get(a)?;
                Node::Commitment(pa, me, ar, c, ar.commitments.get(c)?)
            }
            NodePath::Section(p, m, s) => return self.section(p, m, s),
        })
    }

    /// Whether `path` points at an existing node.
    pub fn contains(&self, path: NodePath) -> bool {
        self.get(path).is_some()
    }

    /// The stable string id of the node at `path`.
    pub fn id_of(&self, path: NodePath) -> Option<String> {
        Some(match self.get(path)? {
            Node::Partnership(p) => p.id.clone(),
            Node::Meeting(p, m) => format!("{}/{}", p.id, m.id),
            Node::Area(p, m, a) => format!("{}/{}/{}", p.id, m.id, a.id),
            Node::Commitment(p, m, a, i, _) => format!("{}/{}/{}/{}", p.id, m.id, a.id, i + 1),
            Node::Section(p, m, s, _) => {
                let ids = Meeting::section_ids(&m.sections());
                format!("{}/{}/{SECTION_MARK}/{}", p.id, m.id, ids.get(s)?)
            }
        })
    }

    /// Resolves a string id such as `eu-sg-dp/2025-12-01/quantum/2`.
    pub fn resolve(&self, id: &str) -> Option<NodePath> {
        let mut parts = id.trim().trim_end_matches('/').split('/');
        let pid = parts.next()?;
        let p = self.partnerships.iter().position(|p| p.id == pid)?;
        let Some(mid) = parts.next() else {
            return Some(NodePath::Partnership(p));
        };
        let m = self.partnerships[p].meetings.iter().position(|m| m.id == mid)?;
        let Some(aid) = parts.next() else {
            return Some(NodePath::Meeting(p, m));
        };
        if aid == SECTION_MARK {
            let rest: Vec<&str> = parts.collect();
            return self.resolve_section(p, m, &rest.join("/"));
        }
        let meeting = &self.partnerships[p].meetings[m];
        let a = meeting.areas.iter().position(|a| a.id == aid)?;
        let Some(cid) = parts.next() else {
            return Some(NodePath::Area(p, m, a));
        };
        let n: usize = cid.parse().ok()?;
        let c = n.checked_sub(1)?;
        if parts.next().is_some() || c >= meeting.areas[a].commitments.len() {
            return None;
        }
        Some(NodePath::Commitment(p, m, a, c))
    }

    /// Human breadcrumb: `EU-Singapore Digital Partnership › 2025-12-01 › Quantum › 2/2`.
    pub fn breadcrumb(&self, path: NodePath) -> Option<String> {
        Some(match self.get(path)? {
            Node::Partnership(p) => p.name.clone(),
            Node::Meeting(p, m) => format!("{} › {}", p.name, m.id),
            Node::Area(p, m, a) => format!("{} › {} › {}{}", p.name, m.id, sections(a), a.title),
            Node::Commitment(p, m, a, i, _) => {
                format!(
                    "{} › {} › {}{} › {}/{}",
                    p.name,
                    m.id,
                    sections(a),
                    a.title,
                    i + 1,
                    a.commitments.len()
                )
            }
            Node::Section(p, m, s, _) => {
                let path = Meeting::section_path(&m.sections(), s);
                format!("{} › {} › {}", p.name, m.id, path.join(" › "))
            }
        })
    }

    /// Every meeting, with its path, in tree order.
    pub fn meetings(&self) -> impl Iterator<Item = (NodePath, &Partnership, &Meeting)> {
        self.partnerships.iter().enumerate().flat_map(|(pi, p)| {
            p.meetings
                .iter()
                .enumerate()
                .map(move |(mi, m)| (NodePath::Meeting(pi, mi), p, m))
        })
    }

    /// Counts of (partnerships, meetings, areas, commitments).
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        let mut c = (self.partnerships.len(), 0, 0, 0);
        for (_, _, m) in self.meetings() {
            c.1 += 1;
            c.2 += m.areas.len();
            c.3 += m.commitment_count();
        }
        c
    }
}

/// A piece of text of a meeting's areas, as [`Meeting::area_pieces`] orders them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AreaPiece {
    /// The `.1`-th section of area `.0`'s path, which that area is the first to stand in.
    Section(usize, usize),
    /// The area's title (none for an untitled area).
    Title(usize),
    /// A paragraph of its intro: area, index.
    Intro(usize, usize),
    /// A lead-in between its commitments: area, index in `leads`.
    Lead(usize, usize),
    /// A commitment: area, index.
    Commitment(usize, usize),
    /// A sentence of its outro: area, index.
    Outro(usize, usize),
}

impl Meeting {
    /// The text of the areas in the order a reader meets it in the source:
    /// for each area the sections it opens, its title, intro, commitments
    /// (with the lead-ins between them) and outro; the commitments from
    /// [`Area::resume`] on come after the areas that stand in its section.
    pub fn area_pieces(&self) -> Vec<AreaPiece> {
        let mut out = Vec::new();
        // Areas whose later commitments wait for the end of their section.
        let mut waiting: Vec<usize> = Vec::new();
        let inside = |outer: &Area, inner: &Area| {
            let path = outer.section.iter().chain(std::iter::once(&outer.title));
            inner.section.len() > outer.section.len() && path.zip(&inner.section).all(|(a, b)| a == b)
        };
        for (a, area) in self.areas.iter().enumerate() {
            while let Some(&w) = waiting.last() {
                if inside(&self.areas[w], area) {
                    break;
                }
                waiting.pop();
                self.commitment_pieces(w, true, &mut out);
            }
            let opened = self.opened_sections(a);
            let first = area.section.len() - opened.len();
            out.extend((0..opened.len()).map(|k| AreaPiece::Section(a, first + k)));
            if !area.untitled {
                out.push(AreaPiece::Title(a));
            }
            out.extend((0..area.intro.len()).map(|i| AreaPiece::Intro(a, i)));
            self.commitment_pieces(a, false, &mut out);
            out.extend((0..area.outro.len()).map(|i| AreaPiece::Outro(a, i)));
            if area.resume.is_some_and(|r| r < area.commitments.len()) {
                waiting.push(a);
            }
        }
        while let Some(w) = waiting.pop() {
            self.commitment_pieces(w, true, &mut out);
        }
        out
    }

    /// The commitments of area `a` before [`Area::resume`] (or from it, if
    /// `later`), each after the lead-ins that stand before it.
    fn commitment_pieces(&self, a: usize, later: bool, out: &mut Vec<AreaPiece>) {
        let Some(area) = self.areas.get(a) else { return };
        let resume = area.resume.unwrap_or(usize::MAX).min(area.commitments.len());
        let range = if later {
            resume..area.commitments.len()
        } else {
            0..resume
        };
        for c in range {
            for (l, _) in area.leads.iter().enumerate().filter(|(_, (at, _))| *at == c) {
                out.push(AreaPiece::Lead(a, l));
            }
            out.push(AreaPiece::Commitment(a, c));
        }
    }

    /// The sections area `a` is the first to stand in (the tail of its
    /// section path that the area before it was not in): the section
    /// headings to show before it. The area before counts as a section
    /// when its title heads this area's path (a heading with its own text
    /// and sub-headings is both).
    pub fn opened_sections(&self, a: usize) -> &[String] {
        let Some(area) = self.areas.get(a) else {
            return &[];
        };
        let prev = a.checked_sub(1).and_then(|p| self.areas.get(p));
        opened_after(
            prev.map(|p| (&p.section[..], (!p.untitled).then_some(p.title.as_str()))),
            &area.section,
        )
    }

    /// Number of commitments over all areas.
    pub fn commitment_count(&self) -> usize {
        self.areas.iter().map(|a| a.commitments.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_read_on_one_thread_share_one_string() {
        let read = |json: &str| -> Vec<Tag> { serde_json::from_str(json).unwrap() };
        let tags = read(r#"["interned-a", "interned-b", "interned-a"]"#);
        assert_eq!(tags[0], "interned-a");
        assert_eq!(tags[2], "interned-a");
        assert!(Arc::ptr_eq(&tags[0].0, &tags[2].0));
        assert!(!Arc::ptr_eq(&tags[0].0, &tags[1].0));
        // Read again later, still the same string.
        assert!(Arc::ptr_eq(&read(r#"["interned-a"]"#)[0].0, &tags[0].0));
        // Past the bound, a hostile file's ids are not kept, but still read.
        let many: Vec<Tag> = (0..5000).map(|i| Tag::interned(&format!("many-{i}"))).collect();
        let last = Tag::interned("many-4999");
        assert_eq!(last, many[4999]);
        assert!(!Arc::ptr_eq(&last.0, &many[4999].0));
    }

    #[test]
    fn dates_are_validated() {
        assert_eq!(
            "2025-12-01".parse::<Date>().map(|d| d.to_string()),
            Ok("2025-12-01".into())
        );
        assert!("2025-02-29".parse::<Date>().is_err());
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2025-13-01".parse::<Date>().is_err());
        assert!("2025-1-01".parse::<Date>().is_err());
        assert!("1 December 2025".parse::<Date>().is_err());
    }

    #[test]
    fn slugs() {
        assert!(is_slug("eu-sg-dp"));
        assert!(is_slug("2025-12-01"));
        assert!(!is_slug("Quantum"));
        assert!(!is_slug("a/b"));
        assert!(!is_slug("-a"));
        assert!(!is_slug(""));
    }

    #[test]
    fn stance_round_trips() {
        for s in Stance::ALL {
            assert_eq!(s.as_str().parse::<Stance>(), Ok(s));
        }
        assert!("maybe".parse::<Stance>().is_err());
    }
}
/// The scale benchmark's heap per commitment (README, "Search at scale":
/// under 128 bytes above the text) rests on these sizes; a field added to a
/// node shows here first.
#[cfg(all(test, target_pointer_width = "64"))]
mod sizes {
    use super::*;
    use std::mem::size_of;

    #[test]
    fn the_nodes_a_library_holds_many_of_stay_small() {
        assert!(size_of::<Commitment>() <= 40, "{}", size_of::<Commitment>());
        assert!(size_of::<Area>() <= 160, "{}", size_of::<Area>());
        assert!(size_of::<Meeting>() <= 256, "{}", size_of::<Meeting>());
        // Areas carry three or four tags each.
        assert!(size_of::<(Tag, Origin)>() <= 16, "{}", size_of::<(Tag, Origin)>());
        assert_eq!(size_of::<RareList<Text>>(), 8);
    }
}
