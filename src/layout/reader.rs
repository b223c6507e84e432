//! The reader's text: the selected node in full, laid out at the reader's
//! width, with the lines a search in it matched.

use crate::compare::stance::Why;
use crate::model::{Area, Corpus, Meeting, Node, NodePath, Outline, Text};
use crate::output::plural;
use crate::search::{Field, FieldMatch};

use super::doc::{Line, Role, Writer};

/// What the reader shows, and at what width.
pub struct Input<'a> {
    /// The statements.
    pub corpus: &'a Corpus,
    /// The selected node.
    pub selected: Option<NodePath>,
    /// Columns of text.
    pub width: usize,
    /// The characters the tree's filter matched in a node (none without a filter).
    pub marks: &'a dyn Fn(NodePath) -> Vec<FieldMatch>,
    /// What to say when nothing is selected (with the keys to press).
    pub empty: &'a str,
    /// A line under a partnership's meetings saying what to press.
    pub hint: &'a str,
    /// The search typed in the reader, if any.
    pub search: Option<&'a str>,
}

/// One match of the reader's search: a line and the characters in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Index of the line.
    pub line: usize,
    /// Character range in the line's text.
    pub chars: std::ops::Range<usize>,
}

/// The reader's lines for the current selection and width, and where the
/// selected commitment starts.
#[derive(Debug, Clone)]
pub struct Document {
    /// Wrapped lines.
    pub lines: Vec<Line>,
    /// Index of the selected commitment's first line.
    pub selected: Option<usize>,
    /// The search's matches, in reading order.
    pub matches: Vec<Match>,
}

/// Lays out the reader's content.
pub fn document(input: &Input) -> Document {
    let mut doc = Writer::new(input.width);
    let mut selected = None;
    let corpus = input.corpus;
    match input.selected.and_then(|p| corpus.get(p).map(|n| (p, n))) {
        None => doc.para(input.empty, Role::Plain),
        Some((_, Node::Partnership(p))) => {
            doc.para(&p.name, Role::Title);
            doc.para(&format!("Parties: {}", p.parties.join(", ")), Role::Dim);
            doc.blank();
            for m in &p.meetings {
                doc.para(
                    &format!(
                        "{}  {}  ({})",
                        m.id,
                        m.title,
                        plural(m.commitment_count(), "commitment")
                    ),
                    Role::Plain,
                );
            }
            doc.blank();
            doc.para(input.hint, Role::Dim);
        }
        Some((_, Node::Meeting(_, m))) => meeting(&mut doc, m),
        Some((path, Node::Section(_, m, s, _))) => {
            section(&mut doc, m, s, &corpus.id_of(path).unwrap_or_default());
        }
        Some((path, Node::Area(p, m, a))) => area(
            &mut doc,
            a,
            None,
            &corpus.id_of(path).unwrap_or_default(),
            &AreaMarks::of(input, path),
            &Stances {
                preamble: &m.preamble,
                parties: &p.parties,
            },
            &mut selected,
        ),
        Some((path, Node::Commitment(p, m, a, i, _))) => {
            let parent = path.parent().unwrap_or(path);
            let id = corpus.id_of(parent).unwrap_or_default();
            area(
                &mut doc,
                a,
                Some(i),
                &id,
                &AreaMarks::of(input, parent),
                &Stances {
                    preamble: &m.preamble,
                    parties: &p.parties,
                },
                &mut selected,
            );
        }
    }
    let mut lines = doc.lines;
    let matches = input.search.map_or_else(Vec::new, |q| find(&mut lines, q));
    Document {
        lines,
        selected,
        matches,
    }
}

/// Finds `query` in `lines` and marks what it matched: literally, as less
/// does, and in any case unless the query holds a capital (smart case, as
/// in vim and the tree's filter).
pub fn find(lines: &mut [Line], query: &str) -> Vec<Match> {
    if query.is_empty() {
        return Vec::new();
    }
    let fold = !query.chars().any(char::is_uppercase);
    let norm = |s: &str| -> Vec<char> {
        if fold {
            s.chars().map(|c| c.to_lowercase().next().unwrap_or(c)).collect()
        } else {
            s.chars().collect()
        }
    };
    let q = norm(query);
    let mut out = Vec::new();
    for (i, line) in lines.iter_mut().enumerate() {
        let text = norm(&line.text());
        let mut at = 0;
        while at + q.len() <= text.len() {
            if text[at..at + q.len()] == q[..] {
                out.push(Match {
                    line: i,
                    chars: at..at + q.len(),
                });
                line.mark(at..at + q.len());
                at += q.len();
            } else {
                at += 1;
            }
        }
    }
    out
}

fn meeting(doc: &mut Writer, m: &Meeting) {
    doc.para(&m.title, Role::Title);
    let place = m.place.as_deref().map(|p| format!(" · {p}")).unwrap_or_default();
    doc.para(&format!("{}{place}", m.date), Role::Dim);
    for c in &m.co_chairs {
        doc.indented("  ", &format!("{}, {}", c.name, c.role), Role::Dim);
    }
    doc.para(
        &format!("Source: {}", crate::output::source_text(m, None)),
        Role::Dim,
    );
    doc.blank();
    for p in &m.preamble {
        doc.para(&p.text, Role::Plain);
        doc.blank();
    }
    for (i, a) in m.areas.iter().enumerate() {
        // Sections as headings over the areas they hold, indented by depth.
        let opened = m.opened_sections(i);
        let first = a.section.len() - opened.len();
        for (k, s) in opened.iter().enumerate() {
            doc.indented(&"  ".repeat(first + k), s, Role::Dim);
        }
        doc.indented(
            &format!("{}{:>2}. ", "  ".repeat(a.section.len()), i + 1),
            &format!("{} ({})", a.title, a.commitments.len()),
            Role::Title,
        );
    }
    doc.blank();
    for p in m.closing.iter().chain(&m.signatories) {
        doc.para(&p.text, Role::Plain);
        doc.blank();
    }
}

/// A section: where it stands, what it holds, and its areas under its
/// subsections' headings, numbered as in the meeting.
fn section(doc: &mut Writer, m: &Meeting, si: usize, id: &str) {
    let sections = m.sections();
    let Some(s) = sections.get(si) else {
        return;
    };
    let path = Meeting::section_path(&sections, si);
    if let Some((_, above)) = path.split_last()
        && !above.is_empty()
    {
        doc.para(&above.join(" › "), Role::Dim);
    }
    doc.para(&format!("§ {}", s.title), Role::Title);
    doc.para(
        &format!("{} · {id}", crate::output::section_holds(m, s)),
        Role::Dim,
    );
    doc.blank();
    for line in m.section_outline(&sections, si) {
        match line {
            Outline::Heading { depth, title } => doc.indented(&"  ".repeat(depth), title, Role::Dim),
            Outline::Area { depth, area } => {
                let Some(a) = m.areas.get(area) else { continue };
                doc.indented(
                    &format!("{}{:>2}. ", "  ".repeat(depth), area + 1),
                    &format!("{} ({})", a.title, a.commitments.len()),
                    Role::Title,
                );
            }
        }
    }
}

/// The characters a filter matched in an area's title and commitments.
#[derive(Default)]
struct AreaMarks {
    title: Vec<usize>,
    commitments: Vec<Vec<usize>>,
}

/// The matched characters (character indices) of `field` among `found`.
pub fn in_field(found: &[FieldMatch], field: Field) -> Vec<usize> {
    found
        .iter()
        .find(|f| f.field == field)
        .map(FieldMatch::chars)
        .unwrap_or_default()
}

impl AreaMarks {
    fn of(input: &Input, area: NodePath) -> AreaMarks {
        let field = |path: NodePath, field: Field| in_field(&(input.marks)(path), field);
        let NodePath::Area(p, m, a) = area else {
            return AreaMarks::default();
        };
        let count = input.corpus.get(area).map_or(0, |n| match n {
            Node::Area(_, _, a) => a.commitments.len(),
            _ => 0,
        });
        AreaMarks {
            title: field(area, Field::Title),
            commitments: (0..count)
                .map(|c| field(NodePath::Commitment(p, m, a, c), Field::Text))
                .collect(),
        }
    }
}

/// What the line under each commitment needs: the lead-in its stance's
/// basis may lie in, and the names of the parties.
struct Stances<'a> {
    preamble: &'a [Text],
    parties: &'a [String],
}

impl Stances<'_> {
    /// `[explore*] “will explore”, sentence 2 · Singapore alone`, the tag in
    /// its stance's colour: how the stance was read and who undertakes it.
    fn line(&self, doc: &mut Writer, a: &Area, i: usize) {
        let Some(c) = a.commitments.get(i) else { return };
        let tag = super::compare::stance_tag(c.stance);
        let mut text = tag.clone();
        if let Some(why) = Why::of(self.preamble, a, i) {
            text.push_str(&format!(" {why}"));
        }
        if !c.actor.is_joint() {
            text.push_str(&format!(" · {} alone", c.actor.name(self.parties)));
        }
        let tag_role = c.stance.map_or(Role::Dim, |(s, _)| Role::Stance(s));
        doc.marked("    ", &text, Role::Dim, &[], Some((tag.len(), tag_role)));
    }
}

fn area(
    doc: &mut Writer,
    a: &Area,
    selected: Option<usize>,
    id: &str,
    marks: &AreaMarks,
    stances: &Stances,
    first: &mut Option<usize>,
) {
    if !a.section.is_empty() {
        doc.para(&a.section.join(" › "), Role::Dim);
    }
    doc.marked("", &a.title, Role::Title, &marks.title, None);
    doc.para(
        &format!("{} · {id}", plural(a.commitments.len(), "commitment")),
        Role::Dim,
    );
    doc.blank();
    // The intro leads into the numbered commitments; it is not one of them.
    for p in &a.intro {
        doc.para(&p.text, Role::Plain);
        doc.blank();
    }
    for (i, c) in a.commitments.iter().enumerate() {
        // The source's order stays visible: commitments that follow the
        // areas under this heading say so, and a lead-in between two lists
        // stands in place, unnumbered.
        if a.resume == Some(i) {
            doc.para("After the areas under this heading:", Role::Dim);
            doc.blank();
        }
        for (_, l) in a.leads.iter().filter(|(at, _)| *at == i) {
            doc.para(&l.text, Role::Plain);
            doc.blank();
        }
        let role = if selected == Some(i) {
            *first = Some(doc.lines.len());
            Role::Selected
        } else {
            Role::Plain
        };
        let marked = marks.commitments.get(i).map_or(&[][..], Vec::as_slice);
        doc.marked(&format!("{:>2}. ", i + 1), &c.text, role, marked, None);
        stances.line(doc, a, i);
        doc.blank();
    }
    for p in &a.outro {
        doc.para(&p.text, Role::Dim);
        doc.blank();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_area_shows_its_lead_ins_in_place_and_says_which_commitments_follow_its_areas() {
        let yaml = "partnership: {id: o, name: Order, parties: [A, B]}\n\
                    meeting: {title: T, date: \"2024-01-01\"}\n\
                    areas:\n  - id: conn\n    title: Connectivity\n    commitments: [\"We support.\", \"We fund.\"]\n\
                    \x20   leads: [{before: 2, text: \"To that end we intend to:\"}]\n\
                    \x20   after_areas: [\"We also coordinate.\"]\n\
                    \x20 - id: kenya\n    title: With Kenya\n    section: [Connectivity]\n    commitments: [\"We build.\"]\n";
        let (mut p, m, _) =
            crate::loader::parse_statement("o.yaml", yaml, &crate::loader::SourceLookup::Embedded).unwrap();
        p.meetings.push(m);
        let corpus = Corpus {
            partnerships: vec![p],
        };
        let doc = document(&Input {
            corpus: &corpus,
            selected: Some(NodePath::Area(0, 0, 0)),
            width: 80,
            marks: &|_| Vec::new(),
            empty: "",
            hint: "",
            search: None,
        });
        let text: Vec<String> = doc.lines.iter().map(Line::text).collect();
        let at = |s: &str| {
            text.iter()
                .position(|l| l.contains(s))
                .unwrap_or_else(|| panic!("{s}: {text:#?}"))
        };
        assert!(at("1. We support") < at("To that end") && at("To that end") < at("2. We fund"));
        assert!(
            at("2. We fund") < at("After the areas under this heading")
                && at("After the areas") < at("3. We also")
        );
        assert!(
            !text.iter().any(|l| l.contains(". To that end")),
            "a lead-in is not numbered"
        );
    }

    #[test]
    fn the_search_finds_every_occurrence_in_any_case_unless_capitalised() {
        let mut lines = vec![
            Line::one("Quantum and quantum", Role::Plain),
            Line::one("none", Role::Plain),
        ];
        let found = find(&mut lines, "quantum");
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[1],
            Match {
                line: 0,
                chars: 12..19
            }
        );
        assert!(lines[0].runs.iter().any(|r| r.marked && r.text == "Quantum"));
        let found = find(&mut lines, "Quantum");
        assert_eq!(found.len(), 1);
    }
}
