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
