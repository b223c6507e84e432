//! Unit tests of the tree's sections, on pure state: a statement shaped as
//! the 2023 and 2024 TTC statements (an introduction outside any section, a
//! roman section with lettered subsections, one of which has text of its
//! own before its sub-headings).

use super::*;
use crate::app::{Action, App, Layer, Msg, Pane};
use crate::loader::{SourceLookup, parse_statement};
use crate::model::NodePath;

const SECTIONED: &str = r#"
partnership:
  id: ttc
  name: "Trade and Technology Council"
  parties: ["United States", "European Union"]
meeting:
  id: 2024-04-05
  title: "Joint Statement of the Trade and Technology Council"
  date: "2024-04-05"
areas:
  - id: introduction
    title: "I. Introduction"
    commitments: ["We met in Leuven."]
  - id: artificial-intelligence
    title: "Artificial Intelligence"
    section: ["II. Key Outcomes", "A. Emerging Technologies"]
    commitments: ["We will cooperate on evaluation tools.", "We will explore shared terminology."]
  - id: quantum
    title: "Quantum"
    section: ["II. Key Outcomes", "A. Emerging Technologies"]
    commitments: ["We established a quantum task force."]
  - id: c-security
    title: "C. Security"
    section: ["II. Key Outcomes"]
    commitments: ["Security and prosperity go together."]
  - id: export-controls
    title: "Export Controls"
    section: ["II. Key Outcomes", "C. Security"]
    commitments: ["We coordinate export controls.", "We share information on evasion."]
  - id: conclusion
    title: "III. Conclusion"
    commitments: ["We will meet again."]
"#;

const P: NodePath = NodePath::Partnership(0);
const M: NodePath = NodePath::Meeting(0, 0);
const II: NodePath = NodePath::Section(0, 0, 0);
const II_A: NodePath = NodePath::Section(0, 0, 1);
const II_C: NodePath = NodePath::Section(0, 0, 2);

fn area(a: usize) -> NodePath {
    NodePath::Area(0, 0, a)
}

fn corpus() -> Corpus {
    let (partnership, meeting, problems) =
        parse_statement("sectioned.yaml", SECTIONED, &SourceLookup::Embedded)
            .unwrap_or_else(|p| panic!("{}", p.message));
    assert!(problems.iter().all(|p| !p.is_error()), "{problems:?}");
    let mut partnership = partnership;
    partnership.meetings = vec![meeting];
    Corpus {
        partnerships: vec![partnership],
    }
}

/// The app on the sectioned statement, at 120x40, on its first row.
fn app() -> App {
    let (config, _) = crate::config::parse("test", None);
    let mut app = App::new(corpus(), Vec::new(), config, false);
    app.update(Action::Resize(120, 40));
    app.update(Action::Top);
    app
}

fn shown(app: &App) -> Vec<(NodePath, u8)> {
    app.rows.iter().map(|r| (r.path, r.depth)).collect()
}

/// Moves the selection down to `path`, as a person does with `j`.
fn move_to(app: &mut App, path: NodePath) {
    app.update(Action::Top);
    for _ in 0..app.rows.len() {
        if app.selected_path() == Some(path) {
            return;
        }
        app.update(Action::MoveDown);
    }
    panic!("{path:?} is not a row: {:?}", shown(app));
}

#[test]
fn sections_are_rows_between_the_meeting_and_its_areas() {
    let app = app();
    assert_eq!(
        shown(&app),
        vec![
            (P, 0),
            (M, 1),
            (area(0), 2),
            (II, 2),
            (II_A, 3),
            (area(1), 4),
            (area(2), 4),
            // A heading with text of its own: a section, and its text the
            // section's first area.
            (II_C, 3),
            (area(3), 4),
            (area(4), 4),
            (area(5), 2),
        ]
    );
}

#[test]
fn a_section_is_not_an_area() {
    let app = app();
    assert_eq!(app.corpus.counts(), (1, 1, 6, 8));
    let label = |p| crate::layout::tree_label(app.corpus.get(p).unwrap());
    // The meeting counts its areas, as without sections.
    assert_eq!(label(M), ("2024-04-05".into(), " (6)".into()));
    assert_eq!(label(II), ("§ II. Key Outcomes".into(), " (4)".into()));
    assert_eq!(label(II_A), ("§ A. Emerging Technologies".into(), " (2)".into()));
    // Measured as it is drawn, for the tree's width.
    let (title, count) = label(II);
    assert_eq!(
        crate::layout::tree_label_width(app.corpus.get(II).unwrap()),
        crate::wrap::width(&format!("{title}{count}"))
    );
    // Nothing to bookmark as an area, nothing to copy as one.
    assert_eq!(NodePath::area(II), None);
    assert_eq!(child_count(&app.corpus, II), 2);
    assert_eq!(child_count(&app.corpus, II_C), 2);
    assert_eq!(first_child(&app.corpus, II_C), Some(area(3)));
    assert_eq!(first_child(&app.corpus, M), Some(area(0)));
}

#[test]
fn a_section_folds_and_unfolds_with_the_keys_of_every_row() {
    let mut app = app();
    move_to(&mut app, II);
    // h folds it: its subsections and areas go.
    app.update(Action::Left);
    assert!(!app.expanded.contains(II));
    assert_eq!(
        shown(&app),
        vec![(P, 0), (M, 1), (area(0), 2), (II, 2), (area(5), 2)]
    );
    assert_eq!(app.selected_path(), Some(II));
    // h again goes to the meeting.
    app.update(Action::Left);
    assert_eq!(app.selected_path(), Some(M));
    // l unfolds it, l again goes to its first child.
    move_to(&mut app, II);
    app.update(Action::Right);
    assert_eq!(app.rows.len(), 11);
    app.update(Action::Right);
    assert_eq!(app.selected_path(), Some(II_A));
    // Enter folds and opens, as on any row.
    app.update(Action::Open);
    assert_eq!(app.rows.len(), 9);
    app.update(Action::Open);
    assert_eq!(app.rows.len(), 11);
    // From an area, h goes to its section, not to the meeting.
    move_to(&mut app, area(4));
    app.update(Action::Left);
    assert_eq!(app.selected_path(), Some(II_C));
    assert_eq!(app.focus, Pane::Tree);
}

#[test]
fn a_folded_section_opens_when_something_in_it_is_chosen() {
    let mut app = app();
    move_to(&mut app, II);
    app.update(Action::Left);
    assert_eq!(app.rows.len(), 5);
    // As a jump, a bookmark or a comparison's Esc choose it.
    app.select_path(NodePath::Commitment(0, 0, 2, 0));
    assert_eq!(app.selected_path(), Some(NodePath::Commitment(0, 0, 2, 0)));
    assert!(app.expanded.contains(II) && app.expanded.contains(II_A));
    assert!(app.rows.iter().any(|r| r.path == II_C), "{:?}", shown(&app));
}

#[test]
fn a_section_has_a_quotable_id_that_brings_it_back() {
    let c = corpus();
    let id = |p| c.id_of(p).unwrap();
    assert_eq!(id(II), "ttc/2024-04-05/§/ii-key-outcomes");
    assert_eq!(
        id(II_A),
        "ttc/2024-04-05/§/ii-key-outcomes/a-emerging-technologies"
    );
    for p in [II, II_A, II_C] {
        assert_eq!(c.resolve(&id(p)), Some(p));
    }
    // Area and commitment ids are what they were.
    assert_eq!(
        c.resolve("ttc/2024-04-05/quantum/1"),
        Some(NodePath::Commitment(0, 0, 2, 0))
    );
    assert_eq!(id(area(4)), "ttc/2024-04-05/export-controls");
    // A section that is gone falls back to the one it stood in, then the meeting.
    let near = |s: &str| crate::state::nearest_surviving(&c, s);
    assert_eq!(near("ttc/2024-04-05/§/ii-key-outcomes/b-trade"), Some(II));
    assert_eq!(near("ttc/2024-04-05/§/gone"), Some(M));
    assert_eq!(c.resolve("ttc/2024-04-05/§"), None);
    // `y` copies a citation that quotes the section by its path and id.
    assert_eq!(
        crate::cite::cite(&c, II_A).as_deref(),
        Some(
            "II. Key Outcomes › A. Emerging Technologies — Joint Statement of the Trade and Technology Council, 5 April 2024 (2024-04-05), ttc/2024-04-05/§/ii-key-outcomes/a-emerging-technologies"
        )
    );
}

#[test]
fn the_place_on_a_section_is_saved_and_restored() {
    let mut app = app();
    move_to(&mut app, II_C);
    let place = app.place();
    assert_eq!(
        place.selected.as_deref(),
        Some("ttc/2024-04-05/§/ii-key-outcomes/c-security")
    );
    let mut back = self::app();
    // Folded in the new session: restoring opens it again.
    move_to(&mut back, II);
    back.update(Action::Left);
    back.update(Msg::Restore(place));
    assert_eq!(back.selected_path(), Some(II_C));
}

#[test]
fn the_breadcrumb_and_the_reader_say_what_a_section_holds() {
    let mut app = app();
    move_to(&mut app, II_A);
    let crumbs = crate::ui::status::crumbs(&app, II_A);
    assert_eq!(
        crumbs.first().map(String::as_str),
        Some(
            "Trade and Technology Council › 2024-04-05 › II. Key Outcomes › A. Emerging Technologies (2 areas, 3 commitments)"
        )
    );
    // Shortened from the left, the section's own title and holdings stay.
    assert_eq!(
        crumbs.last().map(String::as_str),
        Some("A. Emerging Technologies (2 areas, 3 commitments)")
    );
    let text: Vec<String> = app.reader_document().lines.iter().map(|l| l.text()).collect();
    assert_eq!(text.first().map(String::as_str), Some("II. Key Outcomes"));
    assert_eq!(
        text.get(1).map(String::as_str),
        Some("§ A. Emerging Technologies")
    );
    let joined = text.join(" ");
    assert!(
        joined.contains("2 areas, 3 commitments · ttc/2024-04-05/§/ii-key-outcomes/a-emerging-technologies"),
        "{text:?}"
    );
    // Its areas, numbered as in the meeting.
    assert!(
        text.iter().any(|l| l == " 2. Artificial Intelligence (2)"),
        "{text:?}"
    );
    assert!(text.iter().any(|l| l == " 3. Quantum (1)"), "{text:?}");
    assert!(!text.iter().any(|l| l.contains("Export Controls")), "{text:?}");
    // The outer section heads its subsections' areas.
    move_to(&mut app, II);
    let text: Vec<String> = app.reader_document().lines.iter().map(|l| l.text()).collect();
    assert!(text.iter().any(|l| l == "C. Security"), "{text:?}");
    assert!(text.iter().any(|l| l == "   5. Export Controls (2)"), "{text:?}");
}

#[test]
fn the_filter_keeps_the_sections_of_what_matches() {
    let mut app = app();
    app.update(Action::Filter);
    crate::app::test_support::typed(&mut app, "quantum");
    assert_eq!(
        shown(&app),
        vec![
            (P, 0),
            (M, 1),
            (II, 2),
            (II_A, 3),
            (area(2), 4),
            (NodePath::Commitment(0, 0, 2, 0), 5),
        ]
    );
    app.update(Action::Open);
    assert_eq!(app.selected_path(), Some(area(2)));
    // Left walks up through the sections kept as context.
    app.update(Action::Left);
    assert_eq!(app.selected_path(), Some(II_A));
    app.update(Action::Left);
    assert_eq!(app.selected_path(), Some(II));
    // Esc gives the whole tree back, sections and all.
    app.update(Action::Close);
    assert_eq!(app.rows.len(), 11);
}

#[test]
fn the_comparison_and_what_changed_start_from_a_section_row() {
    let mut app = app();
    move_to(&mut app, II_A);
    app.update(Action::WhatChanged);
    assert_eq!(
        app.message.as_deref(),
        Some("ttc/2024-04-05 is the first meeting of its partnership loaded")
    );
    app.update(Action::Compare);
    assert!(matches!(app.layers.top(), None | Some(Layer::Compare(_))));
    assert!(app.layers_valid());
}

#[test]
fn a_statement_without_sections_has_no_section_rows() {
    let app = crate::app::test_support::app();
    assert!(!app.rows.iter().any(|r| matches!(r.path, NodePath::Section(..))));
    let mut open = Expanded::outline(&app.corpus);
    for (path, _, m) in app.corpus.meetings() {
        assert!(m.sections().is_empty());
        let (p, mi) = path.meeting().unwrap();
        for a in 0..m.areas.len() {
            assert_eq!(app.corpus.tree_parent(NodePath::Area(p, mi, a)), Some(path));
            open.open(NodePath::Area(p, mi, a));
        }
    }
    // Every area one level under its meeting, its commitments under it.
    for r in rows(&app.corpus, &open) {
        let want = match r.path {
            NodePath::Partnership(_) => 0,
            NodePath::Meeting(..) => 1,
            NodePath::Area(..) => 2,
            _ => 3,
        };
        assert_eq!(r.depth, want, "{:?}", r.path);
    }
}

#[test]
fn filtered_sections_are_ordered_by_their_best_match_at_every_level() {
    use crate::search::{Hit, Pos};
    let hit = |path| Hit {
        pos: Pos::pack(path).unwrap(),
        score: 0,
        via_acronym: false,
    };
    // Best first: export controls (II.C), AI (II.A), the introduction
    // (no section), quantum (II.A).
    let hits = [
        hit(NodePath::Commitment(0, 0, 4, 1)),
        hit(area(1)),
        hit(NodePath::Commitment(0, 0, 0, 0)),
        hit(NodePath::Commitment(0, 0, 2, 0)),
    ];
    let corpus = corpus();
    let expected = vec![
        (P, 0),
        (M, 1),
        (II, 2),
        (II_C, 3),
        (area(4), 4),
        (NodePath::Commitment(0, 0, 4, 1), 5),
        (II_A, 3),
        (area(1), 4),
        (area(2), 4),
        (NodePath::Commitment(0, 0, 2, 0), 5),
        (area(0), 2),
        (NodePath::Commitment(0, 0, 0, 0), 3),
    ];
    // Whether or not the caller knows that the meeting has sections.
    for known in [None, Some(true)] {
        let rows: Vec<(NodePath, u8)> = crate::app::filter::ranked_rows(&corpus, &hits, |_, _| known)
            .iter()
            .map(|r| (r.path, r.depth))
            .collect();
        assert_eq!(rows, expected, "{known:?}");
    }
}

#[test]
fn m_bookmarks_a_section_by_its_id_and_the_bookmark_brings_it_back() {
    let mut app = app();
    move_to(&mut app, II_A);
    app.update(Action::Bookmark);
    assert!(app.typing());
    crate::app::test_support::typed(&mut app, "tasks");
    app.update(Action::Open);
    let id = "ttc/2024-04-05/§/ii-key-outcomes/a-emerging-technologies";
    let b = app.bookmarks.get(id).expect("bookmarked by its id");
    assert_eq!(b.note.as_deref(), Some("tasks"));
    assert_eq!(
        b.label.as_deref(),
        Some("Trade and Technology Council › 2024-04-05 › II. Key Outcomes › A. Emerging Technologies")
    );
    // Folded away, from the top, the bookmark brings it back, unfolded.
    move_to(&mut app, II);
    app.update(Action::Left);
    assert!(!app.rows.iter().any(|r| r.path == II_A));
    app.update(Action::Top);
    app.update(Action::Bookmarks);
    let items = app.picker_items();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].target, id);
    assert!(items[0].detail.contains("A. Emerging Technologies"), "{items:?}");
    app.update(Action::Open);
    assert_eq!(app.selected_path(), Some(II_A));
    assert!(app.expanded.contains(II));
    // The meeting still has nothing to bookmark.
    move_to(&mut app, M);
    app.update(Action::Bookmark);
    assert!(!app.typing());
    assert_eq!(
        app.message.as_deref(),
        Some("Select a commitment, an area or a section to bookmark it")
    );
}

/// The sectioned statement and an earlier meeting of it, a year before,
/// in which only the quantum task force is new and export controls are
/// the same.
fn two_meetings() -> App {
    let earlier = SECTIONED
        .replace("id: 2024-04-05", "id: 2023-04-05")
        .replace("date: \"2024-04-05\"", "date: \"2023-04-05\"")
        .replace(
            "We established a quantum task force.",
            "We discussed quantum research.",
        );
    let mut corpus = corpus();
    let (_, meeting, _) = parse_statement("earlier.yaml", &earlier, &SourceLookup::Embedded)
        .unwrap_or_else(|p| panic!("{}", p.message));
    corpus.partnerships[0].meetings.insert(0, meeting);
    let (config, _) = crate::config::parse("test", None);
    let mut app = App::new(corpus, Vec::new(), config, false);
    app.update(Action::Resize(160, 50));
    app
}

fn texts(doc: &crate::layout::compare::Document) -> Vec<String> {
    doc.lines
        .iter()
        .map(|l| l.text().trim_end().to_string())
        .collect()
}

#[test]
fn the_comparison_heads_areas_with_their_sections() {
    let mut app = two_meetings();
    app.update(Action::Compare);
    assert!(matches!(app.layers.top(), Some(Layer::Compare(_))));
    let right = texts(&app.compare_document(crate::compare::Side::Right));
    let at = |line: &str| {
        right
            .iter()
            .position(|l| l == line)
            .unwrap_or_else(|| panic!("{line:?} not in {right:#?}"))
    };
    // As the tree shows them: a section and its subsection over their
    // first area; an area whose heading heads the next one's section is
    // the heading (no "§ C. Security" over Export Controls).
    let ii = at("§ II. Key Outcomes");
    assert_eq!(right[ii + 1], "  § A. Emerging Technologies");
    assert_eq!(right[ii + 2], "Artificial Intelligence");
    assert!(at("Quantum") > ii + 2);
    assert!(!right.iter().any(|l| l.contains("§ C. Security")), "{right:#?}");
    assert_eq!(
        right
            .iter()
            .filter(|l| l.starts_with('§') || l.starts_with("  §"))
            .count(),
        2
    );
    assert!(at("Export Controls") > at("C. Security"));

    // Only the changes: the quantum task force is listed, under its
    // sections, though the area before it in its section is not.
    app.update(Action::WhatChanged);
    let right = texts(&app.compare_document(crate::compare::Side::Right));
    assert!(
        !right.iter().any(|l| l == "Artificial Intelligence"),
        "{right:#?}"
    );
    let ii = right
        .iter()
        .position(|l| l == "§ II. Key Outcomes")
        .expect("the section");
    assert_eq!(right[ii + 1], "  § A. Emerging Technologies");
    assert_eq!(right[ii + 2], "Quantum");
}
