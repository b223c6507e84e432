//! Unit tests of `update` on pure state.

use super::test_support::{app, id};
use super::*;
use crate::compare::Side;
use crate::loader::{LoadOptions, load};

#[test]
fn starts_on_the_first_meeting_with_the_outline_open() {
    let app = super::test_support::fresh();
    // Its header, preamble and areas fill the reader, not four lines.
    assert_eq!(id(&app), "eu-sg-dp/2025-12-01");
    // 2 partnerships + 2 meetings + 13 areas.
    assert_eq!(app.rows.len(), 17);
    let text: Vec<String> = app.reader_document().lines.iter().map(|l| l.text()).collect();
    let text = text.join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("The second meeting of the European Union"),
        "{text}"
    );
}

#[test]
fn the_partnership_says_what_to_press() {
    let app = app();
    let text: Vec<String> = app.reader_document().lines.iter().map(|l| l.text()).collect();
    assert!(
        text.iter()
            .any(|l| l.contains("Enter opens it") && l.contains("? shows every key")),
        "{text:?}"
    );
}

#[test]
fn moving_down_reaches_the_eu_quantum_area() {
    let mut app = app();
    for _ in 0..8 {
        app.update(Action::MoveDown);
    }
    assert_eq!(id(&app), "eu-sg-dp/2025-12-01/quantum");
    app.update(Action::Right);
    assert_eq!(app.rows.len(), 19, "quantum opened with 2 commitments");
    app.update(Action::Right);
    assert_eq!(id(&app), "eu-sg-dp/2025-12-01/quantum/1");
    app.update(Action::MoveDown);
    assert_eq!(id(&app), "eu-sg-dp/2025-12-01/quantum/2");
    app.update(Action::Left);
    assert_eq!(id(&app), "eu-sg-dp/2025-12-01/quantum");
    app.update(Action::Left);
    assert_eq!(app.rows.len(), 17, "collapsed again");
}

#[test]
fn top_bottom_and_paging_stay_in_bounds() {
    let mut app = app();
    app.update(Action::Bottom);
    assert_eq!(id(&app), "us-sg-cet/2023-10-12/quantum");
    app.update(Action::PageDown);
    assert_eq!(app.selected, Some(16));
    app.update(Action::Top);
    assert_eq!(app.selected, Some(0));
    app.update(Action::PageUp);
    assert_eq!(app.selected, Some(0));
    app.update(Action::Resize(120, 13));
    app.update(Action::HalfPageDown);
    assert_eq!(app.selected, Some(5));
    app.update(Action::PageDown);
    assert_eq!(app.selected, Some(15));
    assert!(
        app.tree_offset <= 15 && 15 < app.tree_offset + 10,
        "selection visible"
    );
}

#[test]
fn collapsing_a_partnership_hides_its_children() {
    let mut app = app();
    app.update(Action::Left);
    assert_eq!(app.rows.len(), 17 - 8);
    app.update(Action::Open);
    assert_eq!(app.rows.len(), 17);
}

#[test]
fn help_opens_and_closes_and_leaves_the_view_as_it_was() {
    let mut app = app();
    app.update(Action::MoveDown);
    let before = (app.selected, app.focus, app.reader_scroll);
    app.update(Action::Help);
    assert!(matches!(app.overlay(), Some(Overlay::Help(_))));
    app.update(Action::MoveDown); // scrolls the help, not the tree
    app.update(Action::Close);
    assert_eq!(app.overlay(), None);
    assert_eq!((app.selected, app.focus, app.reader_scroll), before);
    app.update(Action::Help);
    app.update(Action::Help);
    assert_eq!(app.overlay(), None);
}

#[test]
fn the_reader_scrolls_within_its_content() {
    let mut app = app();
    app.update(Action::MoveDown); // the EU meeting: a long text
    app.update(Action::Resize(80, 12));
    app.update(Action::SwitchPane);
    assert_eq!(app.focus, Pane::Reader);
    app.update(Action::Bottom);
    let max = app.reader_document().lines.len() - usize::from(crate::layout::body_height(app.size));
    assert_eq!(app.reader_scroll, max);
    app.update(Action::MoveDown);
    assert_eq!(app.reader_scroll, max);
    app.update(Action::Top);
    assert_eq!(app.reader_scroll, 0);
    app.update(Action::Left);
    assert_eq!(app.focus, Pane::Tree);
}

#[test]
fn problems_without_problems_say_so() {
    let mut app = app();
    app.update(Action::Problems);
    assert_eq!(app.overlay(), None);
    assert!(app.message.as_deref().is_some_and(|m| m.contains("No problems")));
}

#[test]
fn quit_stops_the_app() {
    let mut app = app();
    app.update(Action::Quit);
    assert!(!app.running);
}

#[test]
fn an_empty_corpus_is_safe() {
    let (config, _) = crate::config::parse("test", None);
    let mut app = App::new(Corpus::default(), vec![], config, false);
    for a in Action::ALL {
        app.update(a);
    }
    assert_eq!(app.selected_path(), None);
}

#[test]
fn the_compare_default_view_opens_the_comparison_unless_a_place_is_remembered() {
    let loaded = crate::cli::annotated(load(&LoadOptions::embedded_only()));
    let (config, _) = crate::config::parse("c.yaml", Some("default_view: compare\n"));
    let fresh = App::new(loaded.corpus.clone(), Vec::new(), config.clone(), true);
    let cmp = fresh.compare().expect("the comparison opens first");
    let ids: Vec<String> = [Side::Left, Side::Right]
        .map(|side| fresh.corpus.id_of(cmp.alignment.meeting(side)).unwrap())
        .into();
    assert_eq!(ids, ["eu-sg-dp/2025-12-01", "us-sg-cet/2023-10-12"]);

    // A place remembered in the browser wins over the default view.
    let mut back = App::new(loaded.corpus, Vec::new(), config, true);
    back.update(Msg::Restore(crate::state::Place {
        selected: Some("us-sg-cet/2023-10-12/quantum".into()),
        scroll: 0,
        view: Some("browse".into()),
    }));
    assert!(back.compare().is_none());
    assert_eq!(id(&back), "us-sg-cet/2023-10-12/quantum");
}
