//! Unit tests of the tools in `update`, on pure state: no file or terminal
//! is touched; effects are checked as values.

use super::*;
use crate::app::Overlay;
use crate::app::test_support::{id, typed};
use crate::timestamp::Timestamp;

const Q2: &str = "eu-sg-dp/2025-12-01/quantum/2";

/// The seeded app with a fixed clock, so that bookmarks' times are known.
fn app() -> App {
    let mut app = crate::app::test_support::app();
    app.clock = || Timestamp::from_millis(1_764_581_400_000);
    app
}

fn at(app: &mut App, id: &str) {
    let path = app.corpus.resolve(id).unwrap();
    app.select_path(path);
}

#[test]
fn y_copies_the_selected_commitment_as_osc52() {
    let mut app = app();
    at(&mut app, Q2);
    app.update(Action::CopyCitation);
    let citation = cite::cite(&app.corpus, app.selected_path().unwrap()).unwrap();
    assert!(citation.starts_with("“[The EU and Singapore] Intend to explore collaboration"));
    assert_eq!(
        app.take_effects(),
        [Effect::Clipboard(cite::osc52(&citation).unwrap())]
    );
    assert_eq!(
        app.message.as_deref(),
        Some("Copied the citation of eu-sg-dp/2025-12-01/quantum/2 to the clipboard")
    );
    assert!(app.take_effects().is_empty(), "effects are handed over once");
}

#[test]
fn shift_y_copies_the_whole_area_and_partnerships_have_none() {
    let mut app = app();
    at(&mut app, Q2);
    app.update(Action::CopyAreaCitation);
    let area = app.corpus.resolve("eu-sg-dp/2025-12-01/quantum").unwrap();
    let expected = cite::osc52(&cite::cite(&app.corpus, area).unwrap()).unwrap();
    assert_eq!(app.take_effects(), [Effect::Clipboard(expected)]);

    at(&mut app, "eu-sg-dp");
    app.update(Action::CopyCitation);
    app.update(Action::CopyAreaCitation);
    assert!(app.take_effects().is_empty());
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("Select a commitment"))
    );
}

#[test]
fn keys_under_an_overlay_do_not_reach_the_tools() {
    let mut app = app();
    at(&mut app, Q2);
    app.update(Action::Help);
    app.update(Action::CopyCitation);
    app.update(Action::Bookmark);
    assert!(app.take_effects().is_empty());
    assert_eq!(app.tool(), None);
    assert!(matches!(app.overlay(), Some(Overlay::Help(_))));
}

#[test]
fn m_bookmarks_with_a_note_and_esc_cancels() {
    let mut app = app();
    at(&mut app, Q2);
    app.update(Action::Bookmark);
    assert!(app.typing());
    typed(&mut app, "compare qx");
    app.update(Msg::Erase);
    typed(&mut app, "US");
    app.update(Action::Open);
    assert!(!app.typing());
    let b = app.bookmarks.get(Q2).expect("bookmarked");
    assert_eq!(b.note.as_deref(), Some("compare qUS"));
    assert_eq!(
        b.label.as_deref(),
        Some("EU-Singapore Digital Partnership › 2025-12-01 › Quantum › 2/2")
    );
    assert_eq!(app.take_effects(), [Effect::SaveBookmarks(app.bookmarks.clone())]);
    assert_eq!(app.message.as_deref(), Some(format!("Bookmarked {Q2}").as_str()));

    // Editing shows the old note; Esc leaves everything as it was.
    app.update(Action::Bookmark);
    assert_eq!(
        app.tool(),
        Some(&Tool::Note {
            id: Q2.into(),
            text: "compare qUS".into()
        })
    );
    typed(&mut app, "!!");
    app.update(Action::Close);
    assert_eq!(
        app.bookmarks.get(Q2).unwrap().note.as_deref(),
        Some("compare qUS")
    );
    assert!(app.take_effects().is_empty());

    at(&mut app, "eu-sg-dp/2025-12-01");
    app.update(Action::Bookmark);
    assert_eq!(app.tool(), None, "meetings are not bookmarked");
}

fn with_bookmarks(app: &mut App) {
    for (id, note) in [
        (Q2, "quantum note"),
        ("us-sg-cet/2023-10-12/defense-innovation", "defence"),
        ("eu-sg-dp/2019-01-01/ai/1", "gone"),
    ] {
        at(app, if id.contains("2019") { "eu-sg-dp" } else { id });
        app.bookmarks.set(id, Some(note), None, (app.clock)());
    }
}

#[test]
fn the_picker_filters_jumps_and_deletes() {
    let mut app = app();
    // An empty list opens, and says how to fill it (drawn in tests/render.rs).
    app.update(Action::Bookmarks);
    assert!(matches!(app.tool(), Some(Tool::Bookmarks(_))));
    assert!(app.picker_items().is_empty());
    app.update(Action::Quit);
    assert_eq!(app.tool(), None, "q closes the bookmarks");
    assert!(app.running, "and does not quit");

    with_bookmarks(&mut app);
    app.update(Action::Bookmarks);
    assert_eq!(app.picker_items().len(), 3);
    // Typing without the filter key is not filtering.
    assert!(!app.typing());
    app.update(Action::Filter);
    typed(&mut app, "defnce");
    let items = app.picker_items();
    assert!(items.len() < 3, "the filter narrows: {items:?}");
    assert_eq!(
        items[0].target, "us-sg-cet/2023-10-12/defense-innovation",
        "best first"
    );
    app.update(Action::Open); // keeps the filter, stops typing
    assert!(!app.typing());
    app.update(Action::Open); // jumps
    assert_eq!(app.tool(), None);
    assert_eq!(id(&app), "us-sg-cet/2023-10-12/defense-innovation");

    // A missing node: its nearest surviving parent, and a word about it.
    app.update(Action::Bookmarks);
    let items = app.picker_items();
    let gone = items.iter().position(|i| i.missing).unwrap();
    for _ in 0..gone {
        app.update(Action::MoveDown);
    }
    app.update(Action::Open);
    assert_eq!(id(&app), "eu-sg-dp");
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("is not loaded; showing eu-sg-dp")
    );

    // d deletes the selected one.
    app.update(Action::Bookmarks);
    app.update(Action::DeleteBookmark);
    assert_eq!(app.bookmarks.list().len(), 2);
    assert!(matches!(
        app.take_effects().as_slice(),
        [Effect::SaveBookmarks(_)]
    ));
    assert_eq!(app.picker_items().len(), 2);
}

#[test]
fn the_glossary_filters_and_goes_to_a_definition() {
    let mut app = app();
    app.update(Action::Glossary);
    assert_eq!(app.picker_items().len(), 12);
    app.update(Action::Filter);
    typed(&mut app, "innovation unit");
    let items = app.picker_items();
    assert_eq!(items[0].title, "DIU  Defense Innovation Unit");
    app.update(Action::Close); // clears the filter
    assert_eq!(app.picker_items().len(), 12);
    app.update(Action::Filter);
    typed(&mut app, "DIU");
    app.update(Action::Open);
    app.update(Action::DeleteBookmark); // not a glossary key: nothing happens
    app.update(Action::Open);
    assert_eq!(id(&app), "us-sg-cet/2023-10-12/defense-innovation/2");
}

#[test]
fn a_restored_place_comes_back_or_falls_back_to_a_parent() {
    let mut app = app();
    at(&mut app, Q2);
    app.update(Action::SwitchPane);
    app.update(Action::MoveDown);
    let place = app.place();
    assert_eq!(place.selected.as_deref(), Some(Q2));
    assert_eq!(place.view.as_deref(), Some("browse"));

    let mut again = self::app();
    again.update(Msg::Restore(place.clone()));
    assert_eq!(id(&again), Q2);
    assert_eq!(again.reader_scroll, app.reader_scroll);

    let mut gone = self::app();
    gone.update(Msg::Restore(Place {
        selected: Some("eu-sg-dp/2025-12-01/quantum/7".into()),
        ..place
    }));
    assert_eq!(id(&gone), "eu-sg-dp/2025-12-01/quantum");
}

#[test]
fn problems_from_the_files_reach_the_notice() {
    let mut app = app();
    app.update(Msg::Problem(crate::loader::Problem::warning(
        "state.yaml",
        "damaged",
    )));
    assert_eq!(app.problems.len(), 1);
}

#[test]
fn the_glossary_is_built_once_and_shared_with_search() {
    let mut app = app();
    app.update(Action::Filter);
    typed(&mut app, "ministry");
    app.update(Action::Close);
    let from_search = app.glossary.clone().expect("the search built it");
    let opened = |app: &mut App| {
        app.update(Action::Glossary);
        let Some(Tool::Glossary(_, g)) = app.tool() else {
            panic!("the glossary pane is open");
        };
        let g = std::sync::Arc::clone(g);
        app.update(Action::Close);
        g
    };
    let first = opened(&mut app);
    let second = opened(&mut app);
    assert!(std::sync::Arc::ptr_eq(&first, &from_search));
    assert!(std::sync::Arc::ptr_eq(&first, &second));
}
