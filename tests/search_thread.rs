//! Searches off the interface's thread, through the real event loop and the
//! real search thread: the screen is drawn while a search runs, an answer
//! that comes late for an older query is dropped, and the filter and the
//! palette end where the same keys leave them when searching in line.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::{app, render, run_loop};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use jointly::app::{Action, App, Effect, Msg};
use jointly::terminal::{Background, EventSource};

/// A key press, or a pause until the search thread has answered.
enum Step {
    Key(Event),
    Answered,
}

/// Keys typed in order; each `Answered` holds the next key back until the
/// answer to the newest search has reached the app.
struct Typist {
    steps: Vec<Step>,
    search: Background,
    started: Instant,
    /// Whether the loop has been handed back once at the current pause.
    held: bool,
}

impl EventSource for Typist {
    fn next(&mut self, timeout: Duration) -> std::io::Result<Option<Event>> {
        assert!(
            self.started.elapsed() < Duration::from_secs(30),
            "the answer never came"
        );
        match self.steps.first() {
            // End the loop's round of keys, so that it sends the searches
            // they asked for.
            Some(Step::Answered) if !self.held => {
                self.held = true;
                Ok(None)
            }
            Some(Step::Answered) if self.search.waiting() => {
                std::thread::sleep(timeout);
                Ok(None)
            }
            Some(Step::Answered) => {
                self.held = false;
                self.steps.remove(0);
                self.next(timeout)
            }
            Some(Step::Key(_)) => match self.steps.remove(0) {
                Step::Key(ev) => Ok(Some(ev)),
                Step::Answered => Ok(None),
            },
            None => Ok(None),
        }
    }

    fn perform(&mut self, effect: Effect) -> Vec<Msg> {
        match effect {
            Effect::Search(query) => self.search.request(&query),
            _ => Vec::new(),
        }
    }

    fn waiting(&self) -> bool {
        self.search.waiting()
    }

    fn arrived(&mut self) -> Vec<Msg> {
        self.search.arrived()
    }
}

fn key(c: char) -> Step {
    Step::Key(Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
}

fn special(code: KeyCode, modifiers: KeyModifiers) -> Step {
    Step::Key(Event::Key(KeyEvent::new(code, modifiers)))
}

fn typed(text: &str) -> Vec<Step> {
    text.chars().map(key).collect()
}

/// Runs `steps` through the event loop with searches off the thread.
fn run_off_thread(steps: Vec<Step>) -> App {
    let mut a = app(true);
    a.search_off_thread();
    let mut events = Typist {
        steps,
        search: Background::new(Arc::clone(&a.corpus)),
        started: Instant::now(),
        held: false,
    };
    run_loop(&mut a, &mut events, 120, 40);
    a
}

fn selected_id(a: &App) -> String {
    a.selected_path()
        .and_then(|p| a.corpus.id_of(p))
        .unwrap_or_default()
}

#[test]
fn slash_scam_enter_off_the_thread_ends_where_searching_in_line_does() {
    let mut steps = typed("/scam");
    steps.extend([Step::Answered, special(KeyCode::Enter, KeyModifiers::NONE)]);
    steps.extend([Step::Answered, key('n'), key('q')]);
    let mut off = run_off_thread(steps);

    // The same keys, searching in line.
    let mut inline = app(true);
    inline.update(Action::Filter);
    for c in "scam".chars() {
        inline.update(Msg::Type(c));
    }
    inline.update(Action::Open);
    inline.update(Action::NextMatch);

    let f = off.filter.as_ref().expect("the filter is kept");
    assert!(!f.pending && !off.layers.filter_prompt());
    assert_eq!(f.query, "scam");
    assert_eq!(f.current, 1, "n went to the second match");
    let g = inline.filter.as_ref().unwrap();
    assert_eq!(f.hits, g.hits);
    assert_eq!(off.rows, inline.rows);
    assert_eq!(selected_id(&off), selected_id(&inline));
    assert!(selected_id(&off).starts_with("eu-sg-dp/2025-12-01/online-safety-and-scams"));
    let screen = render(&mut off, 120, 40);
    assert!(screen.contains("/scam  2 of 2"), "{screen}");
}

#[test]
fn enter_before_the_answer_goes_to_the_best_match_when_it_comes() {
    // Enter comes at once: the answer arrives after the prompt closed.
    let mut steps = typed("/post quantum");
    steps.extend([
        special(KeyCode::Enter, KeyModifiers::NONE),
        Step::Answered,
        key('q'),
    ]);
    let a = run_off_thread(steps);
    let f = a.filter.as_ref().expect("the filter is kept");
    assert!(!f.pending && !a.layers.filter_prompt());
    assert_eq!(selected_id(&a), "us-sg-cet/2023-10-12/quantum/3");
}

#[test]
fn the_palette_off_the_thread_jumps_where_it_says() {
    let mut steps = vec![special(KeyCode::Char('p'), KeyModifiers::CONTROL), Step::Answered];
    steps.extend(typed("smart cit"));
    steps.extend([
        Step::Answered,
        special(KeyCode::Enter, KeyModifiers::NONE),
        key('q'),
    ]);
    let a = run_off_thread(steps);
    assert!(a.palette().is_none());
    assert_eq!(selected_id(&a), "us-sg-cet/2023-10-12/critical-infrastructure/2");
}

#[test]
fn a_late_answer_for_an_older_query_is_dropped() {
    let mut a = app(true);
    a.search_off_thread();
    a.update(Action::Filter);
    for c in "scam".chars() {
        a.update(Msg::Type(c));
    }
    let asked: Vec<Effect> = a.take_effects();
    assert_eq!(
        asked,
        ["s", "sc", "sca", "scam"].map(|q| Effect::Search(q.into()))
    );
    assert!(a.filter.as_ref().is_some_and(|f| f.pending));
    let screen = render(&mut a, 120, 40);
    assert!(screen.contains("/scam▏ searching…"), "{screen}");

    let mut searcher = jointly::search::Searcher::new(&a.corpus);
    let corpus = Arc::clone(&a.corpus);
    let rows_before = a.rows.clone();
    // Until the first answer the tree stays whole, not blank.
    assert_eq!(rows_before, app(true).rows);
    a.update(Msg::Ranked(searcher.search(&corpus, "sca")));
    assert!(a.filter.as_ref().is_some_and(|f| f.pending && f.hits.is_empty()));
    assert_eq!(a.rows, rows_before, "an older query's answer changes nothing");

    a.update(Msg::Ranked(searcher.search(&corpus, "scam")));
    let f = a.filter.as_ref().unwrap();
    assert!(!f.pending);
    assert_eq!(f.hits.len(), 2);
    assert_ne!(a.rows, rows_before);

    // Esc while a search runs: the answer that follows finds no filter.
    a.update(Msg::Type('s'));
    a.update(Action::Close);
    let closed = a.rows.clone();
    a.update(Msg::Ranked(searcher.search(&corpus, "scams")));
    assert!(a.filter.is_none());
    assert_eq!(a.rows, closed);
}

#[test]
fn acronyms_are_marked_from_the_glossary_the_answer_brings() {
    let mut a = app(true);
    a.search_off_thread();
    a.update(Action::Filter);
    for c in "ministry defence".chars() {
        a.update(Msg::Type(c));
    }
    let corpus = Arc::clone(&a.corpus);
    let ranked = jointly::search::Searcher::new(&corpus).search(&corpus, "ministry defence");
    assert!(ranked.glossary.is_some());
    a.update(Msg::Ranked(ranked));
    let path = corpus
        .resolve("us-sg-cet/2023-10-12/defense-innovation/2")
        .unwrap();
    let marks = a.filter_marks(path);
    let text = &marks[0].text;
    let at = text.find("MINDEF").unwrap();
    assert!(marks[0].bytes.contains(&at), "{marks:?}");
}

#[test]
fn a_filter_still_waiting_when_the_palette_opens_gets_its_answer_after() {
    // The palette's query is sent after the filter's, and the thread
    // answers only the newest: closing the palette asks again.
    let mut steps = typed("/post quantum");
    steps.extend([
        special(KeyCode::Enter, KeyModifiers::NONE),
        special(KeyCode::Char('p'), KeyModifiers::CONTROL),
        Step::Answered,
        special(KeyCode::Esc, KeyModifiers::NONE),
        Step::Answered,
        key('q'),
    ]);
    let a = run_off_thread(steps);
    assert!(a.palette().is_none());
    let f = a.filter.as_ref().expect("the filter is kept");
    assert!(!f.pending, "the filter still waits");
    assert_eq!(selected_id(&a), "us-sg-cet/2023-10-12/quantum/3");
}

#[test]
fn enter_in_the_palette_before_the_answer_jumps_to_the_best_match_when_it_comes() {
    let mut steps = vec![special(KeyCode::Char('p'), KeyModifiers::CONTROL), Step::Answered];
    steps.extend(typed("smart cit"));
    steps.extend([
        special(KeyCode::Enter, KeyModifiers::NONE),
        Step::Answered,
        key('q'),
    ]);
    let a = run_off_thread(steps);
    assert!(a.palette().is_none(), "the palette jumped and closed");
    assert_eq!(selected_id(&a), "us-sg-cet/2023-10-12/critical-infrastructure/2");
}
