//! Rendering tests: the main screens drawn into ratatui's TestBackend and
//! compared with reviewed snapshots (tests/snapshots/).

mod common;

use common::{app, render, run_loop};

use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use jointly::app::{Action, App};
use jointly::loader::{LoadOptions, load};
use jointly::terminal::EventSource;

fn at_eu_quantum(app: &mut App) {
    app.update(Action::Top);
    for _ in 0..8 {
        app.update(Action::MoveDown);
    }
}

#[test]
fn outline_80x24() {
    insta::assert_snapshot!(render(&mut app(true), 80, 24));
}

#[test]
fn eu_quantum_120x40() {
    let mut a = app(true);
    at_eu_quantum(&mut a);
    insta::assert_snapshot!(render(&mut a, 120, 40));
}

#[test]
fn selected_commitment_80x24() {
    let mut a = app(true);
    at_eu_quantum(&mut a);
    a.update(Action::Right);
    a.update(Action::Right);
    a.update(Action::MoveDown);
    insta::assert_snapshot!(render(&mut a, 80, 24));
}

#[test]
fn meeting_header_120x40() {
    let mut a = app(true);
    a.update(Action::Top);
    a.update(Action::MoveDown);
    insta::assert_snapshot!(render(&mut a, 120, 40));
}

#[test]
fn help_overlay_120x40() {
    let mut a = app(false);
    a.update(Action::Help);
    insta::assert_snapshot!(render(&mut a, 120, 40));
}

#[test]
fn narrow_terminal_shows_the_focused_pane() {
    let mut a = app(false);
    at_eu_quantum(&mut a);
    a.update(Action::SwitchPane);
    insta::assert_snapshot!(render(&mut a, 50, 16));
}

#[test]
fn too_small_notice_at_every_small_size() {
    insta::assert_snapshot!(render(&mut app(false), 20, 4));
    for (w, h) in [(1, 1), (2, 1), (1, 2), (5, 3), (23, 5), (24, 6), (300, 1)] {
        let screen = render(&mut app(true), w, h);
        assert!(!screen.is_empty());
    }
}

/// Scripted keys fed into the real event loop.
struct Script(Vec<Event>);

impl EventSource for Script {
    fn next(&mut self, _timeout: Duration) -> std::io::Result<Option<Event>> {
        Ok(if self.0.is_empty() {
            None
        } else {
            Some(self.0.remove(0))
        })
    }
}

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

#[test]
fn the_event_loop_applies_keys_and_resizes_and_stops_on_q() {
    let mut a = app(true);
    let mut events = Script(vec![
        key('j'),
        key('j'),
        Event::Resize(90, 20),
        key('G'),
        key('q'),
        key('k'),
    ]);
    run_loop(&mut a, &mut events, 100, 30);
    assert!(!a.running);
    assert_eq!(a.size, (90, 20));
    assert_eq!(
        a.selected_path().and_then(|p| a.corpus.id_of(p)).as_deref(),
        Some("us-sg-cet/2023-10-12/quantum")
    );
    assert_eq!(events.0.len(), 1, "keys after q are not handled");
}

#[test]
fn ctrl_c_quits_whatever_the_config_says() {
    let loaded = load(&LoadOptions::embedded_only());
    let (config, _) = jointly::config::parse("c.yaml", Some("keys:\n  quit: [x]\n"));
    let mut a = App::new(loaded.corpus, vec![], config, true);
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let mut events = Script(vec![key('q'), ctrl_c]);
    run_loop(&mut a, &mut events, 80, 24);
    assert!(!a.running);
}

#[test]
fn help_overlay_80x24_is_not_cut() {
    let mut a = app(false);
    a.update(Action::Help);
    let screen = render(&mut a, 80, 24);
    // Every description wraps under its key instead of running off the window.
    assert!(!screen.contains("or go to th\n"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn help_filtered_by_slash_at_40_columns() {
    let mut a = app(false);
    a.update(Action::Help);
    a.update(Action::Filter);
    for c in "undo".chars() {
        a.update(jointly::app::Msg::Type(c));
    }
    let screen = render(&mut a, 40, 20);
    assert!(
        screen.contains("Bookmarks") && screen.contains("bring back"),
        "{screen}"
    );
    assert!(!screen.contains("Comparison:"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn reading_width_is_capped_at_250x50() {
    let mut a = app(true);
    at_eu_quantum(&mut a);
    let screen = render(&mut a, 250, 50);
    let longest = screen
        .lines()
        .filter_map(|l| l.split('│').nth(3))
        .map(|reader| reader.trim().chars().count())
        .max()
        .unwrap_or(0);
    assert!(
        (80..=100).contains(&longest),
        "reader lines run {longest} columns:\n{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn a_long_reader_shows_its_position_in_the_border() {
    let mut a = app(false);
    a.update(Action::SwitchPane);
    a.update(Action::HalfPageDown);
    let screen = render(&mut a, 80, 24);
    let border = screen.lines().nth(22).unwrap_or("");
    assert!(border.contains('%'), "{screen}");
}

#[test]
fn the_status_line_at_80_columns_keeps_the_breadcrumb_of_a_deep_commitment() {
    let mut a = app(false);
    let path = a
        .corpus
        .resolve("us-sg-cet/2023-10-12/digital-economy/7")
        .unwrap();
    a.select_path(path);
    let screen = render(&mut a, 80, 24);
    let status = screen.lines().last().unwrap_or("");
    // Shortened from the left by levels: the commitment's area and number stay.
    assert!(
        status.starts_with("Digital Economy and Data Governance › 7/7"),
        "{status}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn bookmarked_nodes_are_marked_in_the_tree_and_an_empty_list_says_how_to_fill_it() {
    let mut a = app(false);
    a.update(Action::Bookmarks);
    let screen = render(&mut a, 80, 24);
    assert!(
        screen.contains("no bookmarks yet: press m on a commitment"),
        "{screen}"
    );
    a.update(Action::Close);
    let now = (a.clock)();
    a.bookmarks.set("eu-sg-dp/2025-12-01/quantum", None, None, now);
    let screen = render(&mut a, 80, 24);
    assert!(screen.contains("▸ ★ Quantum (2)"), "{screen}");
}

#[test]
fn the_tree_widens_and_narrows_with_keys() {
    let mut a = app(false);
    let tree_width = |screen: &str| screen.lines().next().unwrap_or("").find('┐').unwrap_or(0);
    let before = render(&mut a, 120, 30);
    a.update(Action::TreeNarrower);
    let narrower = render(&mut a, 120, 30);
    assert!(tree_width(&narrower) < tree_width(&before), "{narrower}");
    a.update(Action::TreeWider);
    a.update(Action::TreeWider);
    let wider = render(&mut a, 120, 30);
    assert!(tree_width(&wider) > tree_width(&before), "{wider}");
}
