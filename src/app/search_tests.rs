//! Unit tests of the filter and the jump palette in `update`, on pure
//! state, with the seeds.

use super::*;
use crate::app::Msg;
use crate::app::test_support::{app, id, typed};

fn row_ids(app: &App) -> Vec<String> {
    app.rows
        .iter()
        .map(|r| app.corpus.id_of(r.path).unwrap())
        .collect()
}

/// What Esc must give back.
fn view(app: &App) -> (Option<NodePath>, Expanded, usize, usize, Pane) {
    (
        app.selected_path(),
        app.expanded.clone(),
        app.tree_offset,
        app.reader_scroll,
        app.focus,
    )
}

const SCAMS: &str = "eu-sg-dp/2025-12-01/online-safety-and-scams";

#[test]
fn scam_narrows_the_tree_to_the_scams_area_and_its_commitment() {
    let mut app = app();
    app.update(Action::Filter);
    assert!(app.typing());
    typed(&mut app, "scam");
    assert_eq!(
        row_ids(&app),
        ["eu-sg-dp", "eu-sg-dp/2025-12-01", SCAMS, &format!("{SCAMS}/3")]
    );
    // The best match is followed while typing.
    assert_eq!(id(&app), SCAMS);
}

#[test]
fn enter_keeps_the_filter_and_n_steps_through_the_matches() {
    let mut app = app();
    app.update(Action::Filter);
    typed(&mut app, "scam");
    app.update(Action::Open);
    assert!(!app.typing());
    assert_eq!(id(&app), SCAMS);
    // The counter has its own place: the breadcrumb stays in the status line.
    assert_eq!(app.message, None);
    assert_eq!(crate::ui::status::counter(&app).as_deref(), Some("match 1 of 2"));
    app.update(Action::NextMatch);
    assert_eq!(id(&app), format!("{SCAMS}/3"));
    assert_eq!(app.message, None);
    assert_eq!(crate::ui::status::counter(&app).as_deref(), Some("match 2 of 2"));
    app.update(Action::NextMatch);
    assert_eq!(id(&app), SCAMS, "n wraps around");
    app.update(Action::PrevMatch);
    assert_eq!(id(&app), format!("{SCAMS}/3"));
    // Keys of the filtered tree still move: up to the area, left to the meeting.
    app.update(Action::MoveUp);
    app.update(Action::Left);
    assert_eq!(id(&app), "eu-sg-dp/2025-12-01");
}

#[test]
fn esc_restores_where_the_reader_was() {
    let mut app = app();
    let path = app.corpus.resolve("us-sg-cet/2023-10-12/quantum/2").unwrap();
    app.select_path(path);
    app.update(Action::SwitchPane);
    app.update(Action::MoveDown);
    // Back to the tree, the reader scrolled: with the reader focused, `/`
    // searches its text instead (as in less).
    app.update(Action::SwitchPane);
    let before = view(&app);
    assert!(before.3 > 0, "the reader is scrolled");
    let rows = app.rows.clone();
    app.update(Action::Filter);
    typed(&mut app, "scam");
    app.update(Action::Open);
    app.update(Action::NextMatch);
    app.update(Action::Close);
    assert!(app.filter.is_none());
    assert_eq!(view(&app), before);
    assert_eq!(app.rows, rows);
    // Esc while still typing restores too.
    app.update(Action::Filter);
    typed(&mut app, "quan");
    app.update(Action::Close);
    assert_eq!(view(&app), before);
}

#[test]
fn a_query_that_matches_nothing_empties_the_tree_and_backspace_widens_it() {
    let mut app = app();
    app.update(Action::Filter);
    typed(&mut app, "scamzz");
    assert!(app.rows.is_empty());
    assert_eq!(app.selected, None);
    app.update(Msg::Erase);
    app.update(Msg::Erase);
    assert_eq!(app.rows.len(), 4);
    assert_eq!(id(&app), SCAMS);
}

#[test]
fn n_without_a_filter_says_how_to_filter() {
    let mut app = app();
    app.update(Action::NextMatch);
    assert_eq!(app.message.as_deref(), Some("No filter: / filters the tree"));
}

#[test]
fn the_reader_highlights_what_the_filter_matched() {
    let mut app = app();
    app.update(Action::Filter);
    typed(&mut app, "scam");
    app.update(Action::Open);
    let doc = app.reader_document();
    let marked: Vec<String> = doc
        .lines
        .iter()
        .flat_map(|l| l.runs.iter())
        .filter(|r| r.marked)
        .map(|r| r.text.clone())
        .collect();
    assert_eq!(
        marked,
        ["Scam", "scam", "scam"],
        "title, then both words of commitment 3"
    );
}

#[test]
fn the_palette_jumps_to_the_smart_cities_commitment() {
    let mut app = app();
    app.update(Action::Palette);
    assert!(app.typing());
    typed(&mut app, "smart cit");
    let first = app.palette().and_then(|p| p.hits.first()).map(|h| h.path());
    assert_eq!(
        first.and_then(|p| app.corpus.id_of(p)).as_deref(),
        Some("us-sg-cet/2023-10-12/critical-infrastructure/2")
    );
    app.update(Action::MoveDown);
    app.update(Action::Palette);
    app.update(Action::Open);
    assert!(app.palette().is_none());
    assert_eq!(id(&app), "us-sg-cet/2023-10-12/critical-infrastructure/2");
    let doc = app.reader_document();
    let text: String = doc.lines.iter().map(|l| l.text()).collect::<Vec<_>>().join(" ");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("collaboration on smart cities"), "{text}");
}

#[test]
fn esc_in_the_palette_changes_nothing() {
    let mut app = app();
    app.update(Action::MoveDown);
    let before = view(&app);
    app.update(Action::Palette);
    typed(&mut app, "quantum");
    app.update(Action::MoveDown);
    app.update(Action::Close);
    assert!(app.palette().is_none());
    assert_eq!(view(&app), before);
}

#[test]
fn a_jump_from_the_palette_leaves_a_kept_filter() {
    let mut app = app();
    app.update(Action::Filter);
    typed(&mut app, "scam");
    app.update(Action::Open);
    app.update(Action::Palette);
    typed(&mut app, "post quantum");
    app.update(Action::Open);
    assert!(app.filter.is_none());
    assert_eq!(id(&app), "us-sg-cet/2023-10-12/quantum/3");
    assert_eq!(app.rows, super::super::tree::rows(&app.corpus, &app.expanded));
}

#[test]
fn filtered_rows_order_each_level_by_its_best_match() {
    use crate::search::{Hit, Pos};
    let hit = |path, score| Hit {
        pos: Pos::pack(path).unwrap(),
        score,
        via_acronym: false,
    };
    let hits = [
        hit(NodePath::Commitment(1, 0, 5, 2), 90),
        hit(NodePath::Area(0, 0, 1), 80),
        hit(NodePath::Commitment(1, 0, 3, 0), 70),
        hit(NodePath::Commitment(1, 0, 5, 0), 60),
        hit(NodePath::Commitment(0, 0, 1, 2), 50),
    ];
    let corpus = crate::loader::load(&crate::loader::LoadOptions::embedded_only()).corpus;
    let rows: Vec<(NodePath, u8)> = super::ranked_rows(&corpus, &hits, |_, _| None)
        .iter()
        .map(|r| (r.path, r.depth))
        .collect();
    assert_eq!(
        rows,
        [
            (NodePath::Partnership(1), 0),
            (NodePath::Meeting(1, 0), 1),
            (NodePath::Area(1, 0, 5), 2),
            (NodePath::Commitment(1, 0, 5, 2), 3),
            (NodePath::Commitment(1, 0, 5, 0), 3),
            (NodePath::Area(1, 0, 3), 2),
            (NodePath::Commitment(1, 0, 3, 0), 3),
            (NodePath::Partnership(0), 0),
            (NodePath::Meeting(0, 0), 1),
            (NodePath::Area(0, 0, 1), 2),
            (NodePath::Commitment(0, 0, 1, 2), 3),
        ]
    );
}

#[test]
fn the_help_overlay_states_the_search_rule() {
    let app = app();
    let lines = crate::ui::overlay::lines(&app, &crate::app::Overlay::Help(Default::default()), 200);
    let text: String = lines.iter().map(|l| l.text()).collect::<Vec<_>>().join(" ");
    assert!(text.contains("Search (filter and jump palette)"), "{text}");
    assert!(text.contains("Each word must match on its own"), "{text}");
}

#[test]
fn backspace_to_an_empty_query_stays_on_the_match_it_was_on() {
    let mut app = app();
    app.update(Action::Filter);
    typed(&mut app, "quantum");
    let on = id(&app);
    assert!(on.ends_with("/quantum"), "{on}");
    for _ in 0.."quantum".len() {
        app.update(Msg::Erase);
    }
    assert_eq!(app.rows, super::super::tree::rows(&app.corpus, &app.expanded));
    assert_eq!(id(&app), on);
}
