//! The widths of the tree's labels, measured once and kept: the filter
//! replaces the tree's rows on every key, and the tree is as wide as its
//! widest row.

use super::tree::Row;
use crate::layout;
use crate::model::{Corpus, Node, NodePath};

/// The label width of each row of the tree, measured the first time a
/// row of its partnership (for partnerships and meetings) or of its meeting
/// (for sections and areas) is shown, then kept. At 100,000 commitments a
/// keystroke of the filter shows some 20,000 area rows, and measuring each
/// label again cost an eighth of the keystroke. The corpus does not change
/// under an app, so nothing kept goes stale.
#[derive(Debug, Default)]
pub struct LabelWidths {
    /// By partnership index; `None` until measured.
    partnerships: Vec<Option<PartnershipWidths>>,
}

/// A width as [`layout::tree_label_width`] gives it, in columns, saturated
/// at `u16::MAX` (the tree's width saturates there too).
type Width = u16;

/// A partnership's label and its meetings'.
#[derive(Debug)]
struct PartnershipWidths {
    own: Width,
    /// By meeting index.
    meetings: Box<[MeetingWidths]>,
}

/// A meeting's label, and its sections' and areas' once measured.
#[derive(Debug)]
struct MeetingWidths {
    own: Width,
    children: Option<Children>,
}

/// The labels of a meeting's sections and areas.
#[derive(Debug)]
struct Children {
    /// By area index.
    areas: Box<[Width]>,
    /// By index in [`crate::model::Meeting::sections`].
    sections: Box<[Width]>,
}

fn measure(node: Node<'_>) -> Width {
    Width::try_from(layout::tree_label_width(node)).unwrap_or(Width::MAX)
}

impl LabelWidths {
    /// Columns the tree's `rows` want (borders included): the widest label
    /// of a partnership, meeting, section or area shown, with its indent.
    /// Commitments, long sentences, are left to be cut.
    pub fn content(&mut self, corpus: &Corpus, rows: &[Row]) -> u16 {
        let widest = rows
            .iter()
            .filter_map(|r| Some(2 * usize::from(r.depth) + 2 + self.label(corpus, r.path)? + 1))
            .max()
            .unwrap_or(0);
        u16::try_from(widest + 2).unwrap_or(u16::MAX)
    }

    /// The width of the label of the node at `path`; `None` for a
    /// commitment (not measured) or a node the corpus does not have.
    fn label(&mut self, corpus: &Corpus, path: NodePath) -> Option<usize> {
        let width = match path {
            NodePath::Commitment(..) => return None,
            NodePath::Partnership(p) => self.partnership(corpus, p)?.own,
            NodePath::Meeting(p, m) => self.partnership(corpus, p)?.meetings.get(m)?.own,
            NodePath::Area(p, m, a) => *self.children(corpus, p, m)?.areas.get(a)?,
            NodePath::Section(p, m, s) => *self.children(corpus, p, m)?.sections.get(s)?,
        };
        Some(usize::from(width))
    }

    /// Whether meeting `m` of partnership `p` has sections, once its
    /// sections and areas were measured (`None` before): the filter then
    /// need not look at its areas to place them.
    pub fn sectioned(&self, p: usize, m: usize) -> Option<bool> {
        let meeting = self.partnerships.get(p)?.as_ref()?.meetings.get(m)?;
        meeting.children.as_ref().map(|c| !c.sections.is_empty())
    }

    /// Partnership `p`'s widths, measured now if they were not yet; `None`
    /// when the corpus has no such partnership.
    fn partnership(&mut self, corpus: &Corpus, p: usize) -> Option<&mut PartnershipWidths> {
        let partnership = corpus.partnerships.get(p)?;
        if self.partnerships.len() <= p {
            self.partnerships.resize_with(p + 1, || None);
        }
        let slot = self.partnerships.get_mut(p)?;
        Some(slot.get_or_insert_with(|| {
            PartnershipWidths {
                own: measure(Node::Partnership(partnership)),
                meetings: partnership
                    .meetings
                    .iter()
                    .map(|m| MeetingWidths {
                        own: measure(Node::Meeting(partnership, m)),
                        children: None,
                    })
                    .collect(),
            }
        }))
    }

    /// The widths of the sections and areas of meeting `m` of partnership
    /// `p`, measured now if they were not yet.
    fn children(&mut self, corpus: &Corpus, p: usize, m: usize) -> Option<&Children> {
        let partnership = corpus.partnerships.get(p)?;
        let meeting = partnership.meetings.get(m)?;
        let widths = self.partnership(corpus, p)?.meetings.get_mut(m)?;
        Some(widths.children.get_or_insert_with(|| {
            Children {
                areas: meeting
                    .areas
                    .iter()
                    .map(|a| measure(Node::Area(partnership, meeting, a)))
                    .collect(),
                sections: meeting
                    .sections()
                    .into_iter()
                    .enumerate()
                    .map(|(s, section)| measure(Node::Section(partnership, meeting, s, section)))
                    .collect(),
            }
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::test_support::typed;
    use crate::app::{Action, App, Msg};
    use crate::loader::{SourceLookup, parse_statement};

    /// Three areas whose labels differ in width, one of them in a section.
    const STATEMENT: &str = r#"
partnership:
  id: ttc
  name: "TTC"
  parties: ["United States", "European Union"]
meeting:
  id: 2024-04-05
  title: "Joint Statement"
  date: "2024-04-05"
areas:
  - id: quantum
    title: "Quantum Information Science"
    commitments: ["We established a quantum task force."]
  - id: semiconductors
    title: "Semiconductor Supply Chains and Export Control Cooperation"
    commitments: ["We will map semiconductor supply chains.", "We coordinate export controls."]
  - id: talent
    title: "Talent"
    section: ["II. Key Outcomes and Their Follow-Up"]
    commitments: ["We will exchange researchers."]
"#;

    fn app() -> App {
        let (mut partnership, meeting, problems) =
            parse_statement("widths.yaml", STATEMENT, &SourceLookup::Embedded)
                .unwrap_or_else(|p| panic!("{}", p.message));
        assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
        partnership.meetings = vec![meeting];
        let (config, _) = crate::config::parse("test", None);
        let mut app = App::new(
            Corpus {
                partnerships: vec![partnership],
            },
            Vec::new(),
            config,
            false,
        );
        app.update(Action::Resize(120, 40));
        app
    }

    fn erase(app: &mut App, n: usize) {
        for _ in 0..n {
            app.update(Msg::Erase);
        }
    }

    // Each figure is worked out by hand from the statement: a row wants
    // 2 per indent level + 2 + its label + 1, and the tree 2 more for its
    // borders; a label is its title, 3, and the digits of its count.
    // Partnership "TTC" (1 meeting): 0 + 2 + (3 + 3 + 1) + 1 = 10.
    // Meeting "2024-04-05" (3 areas): 2 + 2 + (10 + 3 + 1) + 1 = 19.
    // "Quantum Information Science" (1): 4 + 2 + (27 + 3 + 1) + 1 = 38.
    // "Semiconductor ... Cooperation" (2): 4 + 2 + (58 + 3 + 1) + 1 = 69.
    // Section "§ II. Key Outcomes and Their Follow-Up" (1 area):
    // 4 + 2 + (2 + 36 + 3 + 1) + 1 = 49; "Talent" under it: 6 + 2 + 10 + 1.
    #[test]
    fn the_tree_is_as_wide_as_the_widest_row_the_filter_leaves() {
        let mut app = app();
        assert_eq!(app.tree_content, 69 + 2, "the whole tree: the semiconductor area");
        assert_eq!(app.label_widths.sectioned(0, 0), Some(true));
        assert_eq!(app.label_widths.sectioned(0, 1), None, "no such meeting");
        app.update(Action::Filter);
        typed(&mut app, "quantum");
        assert_eq!(app.rows.len(), 4, "{:?}", app.rows);
        assert_eq!(app.tree_content, 38 + 2, "narrower: the quantum area");
        erase(&mut app, "quantum".len());
        typed(&mut app, "semiconductor");
        assert_eq!(app.tree_content, 69 + 2, "wider again");
        erase(&mut app, "semiconductor".len());
        typed(&mut app, "researchers");
        assert!(
            app.rows.iter().any(|r| matches!(r.path, NodePath::Section(..))),
            "{:?}",
            app.rows
        );
        assert_eq!(app.tree_content, 49 + 2, "the section's row");
        typed(&mut app, "xq");
        assert!(app.rows.is_empty(), "{:?}", app.rows);
        assert_eq!(app.tree_content, 2, "no rows: the borders");
        app.update(Action::Close);
        assert_eq!(app.tree_content, 69 + 2, "Esc: the whole tree again");
    }

    /// The width measured afresh, row by row, as before widths were kept.
    fn measured_afresh(app: &App) -> u16 {
        let widest = app
            .rows
            .iter()
            .filter(|r| !matches!(r.path, NodePath::Commitment(..)))
            .filter_map(|r| {
                let node = app.corpus.get(r.path)?;
                Some(2 * usize::from(r.depth) + 3 + layout::tree_label_width(node))
            })
            .max()
            .unwrap_or(0);
        u16::try_from(widest + 2).unwrap_or(u16::MAX)
    }

    #[test]
    fn kept_widths_agree_with_measuring_afresh_as_the_query_changes() {
        let mut app = crate::app::test_support::app();
        assert_eq!(
            app.label_widths.sectioned(0, 0),
            Some(false),
            "the seeds have no sections"
        );
        let mut seen = std::collections::BTreeSet::new();
        app.update(Action::Filter);
        for query in ["scam", "quantum", "ai", "data flows", "cyber", "zzz", "trust"] {
            typed(&mut app, query);
            assert_eq!(app.tree_content, measured_afresh(&app), "{query}");
            seen.insert(app.tree_content);
            erase(&mut app, query.len());
            assert_eq!(app.tree_content, measured_afresh(&app), "{query} erased");
        }
        // The queries give trees of different widths, so a width kept
        // from an earlier query would have shown.
        assert!(seen.len() >= 3, "{seen:?}");
    }
}
