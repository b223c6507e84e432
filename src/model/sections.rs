//! Sections: the levels above a meeting's areas ("II. Key Outcomes",
//! "A. Advancing Transatlantic Leadership"), derived from each area's
//! `section` path rather than stored, so that a statement file keeps one
//! place where a section is said.
//!
//! A section is a run of consecutive areas whose paths share it. It is not
//! an area: it has no commitments of its own and no area id. It is
//! addressed by [`NodePath::Section`] (its index in [`Meeting::sections`],
//! in tree order) and quoted by a string id made of the slugs of its path
//! after a `§` segment: `us-eu-ttc/2024-04-05/§/ii-key-outcomes-of-the-sixth/a-advancing-transatlantic-leadership-on-critical`.

use super::{Corpus, Meeting, Node, NodePath};

/// The segment of an id after which section slugs follow.
pub const SECTION_MARK: &str = "§";

/// The most words of a title a section's slug keeps: enough to tell
/// sections apart, few enough to quote.
const SLUG_WORDS: usize = 6;

/// One section of a meeting, borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section<'a> {
    /// Its heading, as written.
    pub title: &'a str,
    /// Nesting: 0 for a section directly under the meeting.
    pub level: usize,
    /// The first area it holds (directly or in a subsection).
    pub first: usize,
    /// One past the last area it holds.
    pub end: usize,
    /// The section it stands in (an index into [`Meeting::sections`]).
    pub parent: Option<usize>,
}

impl Section<'_> {
    /// Number of areas it holds, at any depth.
    pub fn area_count(&self) -> usize {
        self.end - self.first
    }

    /// Whether it holds area `a`.
    pub fn holds(&self, a: usize) -> bool {
        (self.first..self.end).contains(&a)
    }
}

/// A line of a section's outline ([`Meeting::section_outline`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outline<'a> {
    /// A subsection's heading, before its first area.
    Heading {
        /// Indent steps under the section.
        depth: usize,
        /// Its title.
        title: &'a str,
    },
    /// An area.
    Area {
        /// Indent steps under the section.
        depth: usize,
        /// Its index in the meeting.
        area: usize,
    },
}

/// A child of a meeting or a section in the tree: a section or an area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Child {
    /// A section, by its index in [`Meeting::sections`].
    Section(usize),
    /// An area, by its index in the meeting.
    Area(usize),
}

impl Meeting {
    /// The section path area `a` stands under in the tree: its `section`,
    /// and its own title too when the next area stands in a section of
    /// that title (a heading with its own text and sub-headings is both an
    /// area and a section, and the area is the section's first).
    pub fn tree_path(&self, a: usize) -> Vec<&str> {
        let Some(area) = self.areas.get(a) else {
            return Vec::new();
        };
        let mut path: Vec<&str> = area.section.iter().map(String::as_str).collect();
        let heads_next = !area.untitled
            && self.areas.get(a + 1).is_some_and(|next| {
                next.section.len() > area.section.len()
                    && next.section[..area.section.len()] == area.section[..]
                    && next.section[area.section.len()] == area.title
            });
        if heads_next {
            path.push(&area.title);
        }
        path
    }

    /// Every section, in tree order (a section before its subsections and
    /// areas). Empty for a statement without sections. The same path in
    /// two separate runs of areas is two sections.
    pub fn sections(&self) -> Vec<Section<'_>> {
        let mut out: Vec<Section<'_>> = Vec::new();
        if self.areas.iter().all(|a| a.section.is_empty()) {
            return out;
        }
        // The sections open at the current area, outermost first.
        let mut open: Vec<usize> = Vec::new();
        for a in 0..self.areas.len() {
            let path = self.tree_path(a);
            let shared = open
                .iter()
                .zip(&path)
                .take_while(|(s, title)| out[**s].title == **title)
                .count();
            for s in open.drain(shared..) {
                out[s].end = a;
            }
            for (k, title) in path.iter().enumerate().skip(shared) {
                out.push(Section {
                    title,
                    level: k,
                    first: a,
                    end: self.areas.len(),
                    parent: open.last().copied(),
                });
                open.push(out.len() - 1);
            }
        }
        out
    }

    /// The children of the meeting (`section` `None`) or of one of its
    /// sections, in order: subsections and the areas directly in it.
    pub fn children(&self, sections: &[Section<'_>], section: Option<usize>) -> Vec<Child> {
        let (range, level) = match section.and_then(|s| sections.get(s)) {
            Some(s) => (s.first..s.end, s.level + 1),
            None if section.is_some() => return Vec::new(),
            None => (0..self.areas.len(), 0),
        };
        let mut out = Vec::new();
        let mut a = range.start;
        while a < range.end {
            // A section at this level starting here, else the area itself.
            let sub = sections
                .iter()
                .position(|s| s.first == a && s.level == level && s.parent == section);
            match sub {
                Some(i) => {
                    out.push(Child::Section(i));
                    a = sections[i].end.max(a + 1);
                }
                None => {
                    out.push(Child::Area(a));
                    a += 1;
                }
            }
        }
        out
    }

    /// What section `si` holds, in order: each subsection's heading before
    /// its first area, and each area, indented by how deep they stand
    /// under it.
    pub fn section_outline<'a>(&self, sections: &[Section<'a>], si: usize) -> Vec<Outline<'a>> {
        let Some(s) = sections.get(si) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for a in s.first..s.end {
            // In tree order a section comes after the ones it stands in,
            // and the ones after `si` within its areas are its own.
            for sub in sections
                .iter()
                .skip(si + 1)
                .filter(|x| x.first == a && x.level > s.level && x.end <= s.end)
            {
                out.push(Outline::Heading {
                    depth: sub.level - s.level - 1,
                    title: sub.title,
                });
            }
            let innermost = Meeting::section_of(sections, a).and_then(|i| sections.get(i));
            out.push(Outline::Area {
                depth: innermost.map_or(0, |x| x.level.saturating_sub(s.level)),
                area: a,
            });
        }
        out
    }

    /// The innermost section area `a` stands in, if any.
    pub fn section_of(sections: &[Section<'_>], a: usize) -> Option<usize> {
        sections.iter().rposition(|s| s.holds(a))
    }

    /// Whether area `a` stands in a section: whether its
    /// [`Meeting::tree_path`] has a step, found from the area and the next
    /// one without working out every section (the filter asks this of
    /// each matched area on every key, and most statements have none).
    pub fn in_section(&self, a: usize) -> bool {
        let Some(area) = self.areas.get(a) else {
            return false;
        };
        !area.section.is_empty()
            || (!area.untitled
                && self
                    .areas
                    .get(a + 1)
                    .is_some_and(|next| next.section.first() == Some(&area.title)))
    }

    /// The titles of section `s` and of the sections it stands in,
    /// outermost first.
    pub fn section_path<'a>(sections: &[Section<'a>], s: usize) -> Vec<&'a str> {
        let mut path = Vec::new();
        let mut at = sections.get(s);
        while let Some(sec) = at {
            path.push(sec.title);
            at = sec.parent.and_then(|p| sections.get(p));
        }
        path.reverse();
        path
    }

    /// The id of each section after the meeting's (`ii-key-outcomes/a-quantum`):
    /// the slugs of its path, joined by `/`; a path that would repeat an
    /// earlier section's gets `-2`, `-3` on its last slug.
    pub fn section_ids(sections: &[Section<'_>]) -> Vec<String> {
        let mut ids: Vec<String> = Vec::with_capacity(sections.len());
        for s in sections {
            let own = slug(s.title);
            let head = s.parent.and_then(|p| ids.get(p)).map(|p| format!("{p}/"));
            let base = format!("{}{own}", head.unwrap_or_default());
            let mut id = base.clone();
            let mut n = 2;
            while ids.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            ids.push(id);
        }
        ids
    }

    /// Commitments in areas `first..end`.
    pub fn commitments_in(&self, first: usize, end: usize) -> usize {
        self.areas
            .get(first..end.min(self.areas.len()))
            .map_or(0, |areas| areas.iter().map(|a| a.commitments.len()).sum())
    }
}

/// A title as a slug: ASCII transliteration, lowercase words joined by
/// hyphens, at most [`SLUG_WORDS`] of them; `section` when none is left.
/// Written here (not taken from the importer) so that a section's id stays
/// what it was when the importer's rules change.
pub fn slug(title: &str) -> String {
    let ascii = deunicode::deunicode(title).to_ascii_lowercase();
    let words: Vec<&str> = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(SLUG_WORDS)
        .collect();
    if words.is_empty() {
        "section".into()
    } else {
        words.join("-")
    }
}

impl Corpus {
    /// The node the tree shows `path` under: an area's innermost section,
    /// a section's enclosing one, else the model's parent.
    pub fn tree_parent(&self, path: NodePath) -> Option<NodePath> {
        match path {
            NodePath::Area(p, m, a) => {
                let (_, meeting) = self.meeting(NodePath::Meeting(p, m))?;
                let sections = meeting.sections();
                Some(match Meeting::section_of(&sections, a) {
                    Some(s) => NodePath::Section(p, m, s),
                    None => NodePath::Meeting(p, m),
                })
            }
            NodePath::Section(p, m, s) => {
                let (_, meeting) = self.meeting(NodePath::Meeting(p, m))?;
                Some(match meeting.sections().get(s)?.parent {
                    Some(up) => NodePath::Section(p, m, up),
                    None => NodePath::Meeting(p, m),
                })
            }
            other => other.parent(),
        }
    }

    /// The section at `path`, with its meeting's.
    pub(super) fn section(&self, p: usize, m: usize, s: usize) -> Option<Node<'_>> {
        let pa = self.partnerships.get(p)?;
        let me = pa.meetings.get(m)?;
        let section = *me.sections().get(s)?;
        Some(Node::Section(pa, me, s, section))
    }

    /// Resolves the part of an id after `meeting/§/` (`ii-key-outcomes/a-quantum`).
    pub(super) fn resolve_section(&self, p: usize, m: usize, rest: &str) -> Option<NodePath> {
        let meeting = self.partnerships.get(p)?.meetings.get(m)?;
        let ids = Meeting::section_ids(&meeting.sections());
        let s = ids.iter().position(|id| id == rest)?;
        Some(NodePath::Section(p, m, s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Area, Commitment, Date, RareList, SourceRef};

    fn area(title: &str, section: &[&str], commitments: usize) -> Area {
        Area {
            id: slug(title),
            title: title.into(),
            section: section.iter().map(|s| s.to_string()).collect(),
            commitments: (0..commitments)
                .map(|i| Commitment {
                    text: format!("Item {i}.").into(),
                    stance: None,
                    lines: None,
                    basis: None,
                    actor: Default::default(),
                })
                .collect(),
            ..Area::default()
        }
    }

    fn meeting(areas: Vec<Area>) -> Meeting {
        Meeting {
            id: "2024-04-05".into(),
            title: "Joint Statement".into(),
            dateline: None,
            date: Date::new(2024, 4, 5).unwrap(),
            place: None,
            co_chairs: RareList::new(),
            source: SourceRef::default(),
            title_lines: None,
            preamble: RareList::new(),
            areas,
            closing: RareList::new(),
            signatories: RareList::new(),
        }
    }

    #[test]
    fn an_area_is_in_a_section_when_its_tree_path_has_a_step() {
        let heads = meeting(vec![
            area("Intro", &[], 1),
            // A heading with text of its own, then its sub-headings.
            area("II. Key Outcomes", &[], 1),
            area("Trade", &["II. Key Outcomes"], 1),
            area("Closing", &[], 1),
        ]);
        let mut untitled = meeting(vec![area("Untitled", &[], 1), area("AI", &["Untitled"], 1)]);
        untitled.areas[0].untitled = true;
        for (m, expected) in [
            (ttc(), vec![false, true, true, true, true, true, false]),
            (heads, vec![false, true, true, false]),
            (untitled, vec![false, true]),
        ] {
            let sections = m.sections();
            let found: Vec<bool> = (0..m.areas.len()).map(|a| m.in_section(a)).collect();
            assert_eq!(found, expected, "{:?}", m.areas);
            let placed: Vec<bool> = (0..m.areas.len())
                .map(|a| Meeting::section_of(&sections, a).is_some())
                .collect();
            assert_eq!(placed, expected, "section_of agrees");
        }
        assert!(!ttc().in_section(7), "no such area");
    }

    /// A statement shaped as the 2023 TTC one: an introduction outside
    /// any section, a roman section with lettered subsections, one of
    /// which ("C.") has text of its own before its sub-headings.
    fn ttc() -> Meeting {
        const II: &str = "II. Key Outcomes";
        meeting(vec![
            area("I. Introduction", &[], 3),
            area("Artificial Intelligence", &[II, "A. Emerging Technologies"], 2),
            area("Quantum", &[II, "A. Emerging Technologies"], 1),
            area("Critical Minerals", &[II, "B. Trade"], 4),
            area("C. Security", &[II], 1),
            area("Export Controls", &[II, "C. Security"], 2),
            area("III. Conclusion", &[], 1),
        ])
    }

    #[test]
    fn sections_nest_and_hold_runs_of_areas() {
        let m = ttc();
        let s = m.sections();
        let shown: Vec<(&str, usize, usize, usize, Option<usize>)> = s
            .iter()
            .map(|s| (s.title, s.level, s.first, s.end, s.parent))
            .collect();
        assert_eq!(
            shown,
            vec![
                ("II. Key Outcomes", 0, 1, 6, None),
                ("A. Emerging Technologies", 1, 1, 3, Some(0)),
                ("B. Trade", 1, 3, 4, Some(0)),
                // The heading with its own text holds its own area first.
                ("C. Security", 1, 4, 6, Some(0)),
            ]
        );
        assert_eq!(m.commitments_in(s[0].first, s[0].end), 10);
    }

    #[test]
    fn children_interleave_sections_and_areas_in_order() {
        let m = ttc();
        let s = m.sections();
        assert_eq!(
            m.children(&s, None),
            vec![Child::Area(0), Child::Section(0), Child::Area(6)]
        );
        assert_eq!(
            m.children(&s, Some(0)),
            vec![Child::Section(1), Child::Section(2), Child::Section(3)]
        );
        assert_eq!(m.children(&s, Some(3)), vec![Child::Area(4), Child::Area(5)]);
        assert_eq!(m.children(&s, Some(9)), Vec::<Child>::new());
        assert_eq!(Meeting::section_of(&s, 2), Some(1));
        assert_eq!(Meeting::section_of(&s, 4), Some(3));
        assert_eq!(Meeting::section_of(&s, 6), None);
        assert_eq!(
            Meeting::section_path(&s, 3),
            vec!["II. Key Outcomes", "C. Security"]
        );
    }

    #[test]
    fn a_sections_outline_heads_each_subsection_before_its_first_area() {
        let m = ttc();
        let s = m.sections();
        let heading = |depth, title| Outline::Heading { depth, title };
        let area = |depth, area| Outline::Area { depth, area };
        assert_eq!(
            m.section_outline(&s, 0),
            vec![
                heading(0, "A. Emerging Technologies"),
                area(1, 1),
                area(1, 2),
                heading(0, "B. Trade"),
                area(1, 3),
                heading(0, "C. Security"),
                area(1, 4),
                area(1, 5),
            ]
        );
        assert_eq!(m.section_outline(&s, 2), vec![area(0, 3)]);
        assert_eq!(m.section_outline(&s, 7), Vec::new());
    }

    #[test]
    fn a_statement_without_sections_has_none() {
        let m = meeting(vec![area("Quantum", &[], 2), area("AI", &[], 1)]);
        assert!(m.sections().is_empty());
        assert_eq!(m.children(&[], None), vec![Child::Area(0), Child::Area(1)]);
    }

    #[test]
    fn ids_are_slugs_of_the_path_and_a_repeated_path_is_numbered() {
        let m = meeting(vec![
            area("Quantum", &["Annex I", "Technologies"], 1),
            area("Talent", &["Annex II"], 1),
            area("AI", &["Annex I", "Technologies"], 1),
            area("Économie numérique", &["Économie: numérique!"], 1),
        ]);
        let ids = Meeting::section_ids(&m.sections());
        assert_eq!(
            ids,
            vec![
                "annex-i",
                "annex-i/technologies",
                "annex-ii",
                "annex-i-2",
                "annex-i-2/technologies",
                "economie-numerique",
            ]
        );
        assert_eq!(slug("***"), "section");
        assert_eq!(
            slug("II. Key Outcomes of the Fourth TTC Ministerial meeting"),
            "ii-key-outcomes-of-the-fourth"
        );
    }
}
