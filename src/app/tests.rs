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

#[test]
fn q_closes_a_window_and_ctrl_c_quits_from_anywhere() {
    let mut app = app();
    for open in [Action::Help, Action::Glossary, Action::Bookmarks] {
        app.update(open);
        assert!(!app.layers.is_empty(), "{open:?} opened");
        app.update(Action::Quit);
        assert!(app.layers.is_empty(), "q closed {open:?}");
        assert!(app.running, "q in {open:?} did not quit");
    }
    app.update(Action::Help);
    app.update(Action::QuitNow);
    assert!(!app.running, "Ctrl-c quits from inside the help");
    // In the browser, q quits.
    let mut app = super::test_support::app();
    app.update(Action::Quit);
    assert!(!app.running);
}

#[test]
fn slash_in_the_reader_searches_its_text_and_n_steps_through_the_matches() {
    use super::test_support::typed;
    let mut app = app();
    let path = app.corpus.resolve("eu-sg-dp/2025-12-01/quantum").unwrap();
    app.select_path(path);
    app.update(Action::SwitchPane);
    app.update(Action::Filter);
    assert!(
        app.layers.reader_prompt(),
        "the reader's prompt, not the tree's filter"
    );
    assert!(app.filter.is_none());
    typed(&mut app, "quantum");
    app.update(Action::Open);
    let doc = app.reader_document();
    // The title, the area's id, "quantum technologies" twice, "quantum communication".
    assert_eq!(doc.matches.len(), 5);
    assert!(doc.lines[doc.matches[1].line].runs.iter().any(|r| r.marked));
    let first = app.reader_search.as_ref().unwrap().current;
    app.update(Action::NextMatch);
    assert_eq!(app.reader_search.as_ref().unwrap().current, first + 1);
    app.update(Action::PrevMatch);
    app.update(Action::PrevMatch);
    assert_eq!(
        app.reader_search.as_ref().unwrap().current,
        (first + 4) % 5,
        "N wraps around"
    );
    // A capital makes it case-sensitive, as vim's smartcase.
    app.update(Action::Filter);
    typed(&mut app, "Quantum");
    assert_eq!(app.reader_document().matches.len(), 1);
    app.update(Action::Close);
    assert!(app.reader_search.is_none() && app.layers.is_empty());
}

#[test]
fn the_help_filters_with_slash_and_esc_clears_the_filter_first() {
    use super::test_support::typed;
    let mut app = app();
    app.update(Action::Help);
    app.update(Action::Filter);
    assert!(app.typing());
    typed(&mut app, "sync");
    let Some(Overlay::Help(h)) = app.overlay() else {
        panic!("the help is open");
    };
    let lines = crate::layout::help::document(&help::sections(&app.config.keys), &h.filter, 70);
    let text: String = lines.iter().map(|l| l.text()).collect::<Vec<_>>().join("\n");
    assert!(text.contains("synchronised scrolling"), "{text}");
    assert!(!text.contains("move down"), "{text}");
    app.update(Action::Close);
    assert!(app.overlay().is_some(), "Esc first clears the filter");
    app.update(Action::Close);
    assert!(app.overlay().is_none());
}

#[test]
fn the_help_explains_the_comparison_signs() {
    let app = app();
    let lines = crate::layout::help::document(&help::sections(&app.config.keys), "", 90);
    let text: String = lines.iter().map(|l| l.text()).collect::<Vec<_>>().join("\n");
    for sign in ["C I E A", "[intend*]", "▶", "weaker", "no counterpart", "joint"] {
        assert!(text.contains(sign), "{sign}: {text}");
    }
}

#[test]
fn u_brings_back_a_deleted_bookmark_with_its_note() {
    let mut app = app();
    let now = (app.clock)();
    app.bookmarks
        .set("eu-sg-dp/2025-12-01/quantum/2", Some("check"), None, now);
    app.update(Action::Bookmarks);
    app.update(Action::DeleteBookmark);
    assert!(app.bookmarks.get("eu-sg-dp/2025-12-01/quantum/2").is_none());
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("u brings it back"))
    );
    app.update(Action::Undo);
    let back = app.bookmarks.get("eu-sg-dp/2025-12-01/quantum/2").expect("back");
    assert_eq!(back.note.as_deref(), Some("check"));
}

/// The state never reaches into the view: nothing in src/app or src/layout
/// names `crate::ui` (tests aside), and layout names neither app nor ui.
#[test]
fn data_flows_one_way_state_and_geometry_do_not_import_the_view() {
    let root = env!("CARGO_MANIFEST_DIR");
    for (dir, banned) in [
        ("src/app", &["crate::ui::", "use crate::ui"][..]),
        (
            "src/layout",
            &["crate::ui::", "use crate::ui", "crate::app::", "use crate::app"][..],
        ),
    ] {
        for entry in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.contains("tests") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for b in banned {
                assert!(!code.contains(b), "{dir}/{name} names {b}");
            }
        }
    }
}

/// The README's key tables are the help's sections, from the same key map.
#[test]
fn the_readme_key_tables_are_the_help() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let (config, _) = crate::config::parse("test", None);
    let tables = help::markdown(&config.keys);
    let start = "<!-- keys: generated from the key map (src/app/help.rs) -->\n";
    let end = "<!-- /keys -->";
    let inside = readme
        .split_once(start)
        .and_then(|(_, rest)| rest.split_once(end))
        .map(|(inside, _)| inside);
    assert_eq!(
        inside,
        Some(tables.as_str()),
        "README key tables differ; they should read:\n{tables}"
    );
}
