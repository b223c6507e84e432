//! Property tests: random key sequences at random terminal sizes, on the
//! seeds and on statements full of hostile text, never panic and keep the
//! app's invariants. `JOINTLY_PROPTEST_CASES=5000 cargo test --test properties`
//! runs a longer search.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use jointly::app::tree::{Expanded, rows};
use jointly::app::{Action, App};
use jointly::loader::{LoadOptions, load};
use jointly::model::{Area, Commitment, Corpus, Date, Meeting, Partnership, SourceRef, Text};
use jointly::terminal::handle;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[derive(Debug, Clone)]
enum Step {
    /// A key press, through the same path as the terminal's keys
    /// (key map, or typing into an open prompt).
    Key(KeyCode, KeyModifiers),
    Resize(u16, u16),
}

fn key_code() -> impl Strategy<Value = (KeyCode, KeyModifiers)> {
    prop_oneof![
        6 => proptest::sample::select("jkhlgGnNqmdaycsuY?!/:'<>xé新 ".chars().collect::<Vec<_>>())
            .prop_map(|c| (KeyCode::Char(c), KeyModifiers::NONE)),
        2 => proptest::sample::select(vec![
            KeyCode::Esc, KeyCode::Enter, KeyCode::Tab, KeyCode::BackTab, KeyCode::Backspace, KeyCode::Up,
            KeyCode::Down, KeyCode::Left, KeyCode::Right, KeyCode::PageUp, KeyCode::PageDown, KeyCode::Home,
            KeyCode::End,
        ])
        .prop_map(|c| (c, KeyModifiers::NONE)),
        1 => proptest::sample::select("dufbpnc".chars().collect::<Vec<_>>())
            .prop_map(|c| (KeyCode::Char(c), KeyModifiers::CONTROL)),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => key_code().prop_map(|(c, m)| Step::Key(c, m)),
        1 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

/// Text that has broken terminal apps: wide characters, emoji, combining
/// marks, control characters, escape sequences, very long words.
fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("the".to_string()),
        Just("新加坡".to_string()),
        Just("👩‍👩‍👧‍👦".to_string()),
        Just("e\u{301}\u{302}\u{303}".to_string()),
        Just("\u{1b}[2J\u{1b}]52;c;AAAA\u{7}".to_string()),
        Just("\t\r\u{0}\u{9b}".to_string()),
        Just("x".repeat(400)),
        Just("\u{200b}\u{feff}".to_string()),
        "[a-zA-Z]{1,12}",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(pieces, 1..12).prop_map(|v| v.join(" "))
}

/// Section paths an area may stand in: none, nested ones, one that a
/// following area's title heads (`A`), and titles that break terminals.
fn section_path() -> impl Strategy<Value = Vec<String>> {
    let paths: Vec<Vec<String>> = [
        &[][..],
        &["II. Key Outcomes"],
        &["II. Key Outcomes", "A"],
        &["II. Key Outcomes", "B. 新加坡 \u{1b}[2J"],
        &["Annex"],
        &["Annex", "A", "x"],
    ]
    .iter()
    .map(|p| p.iter().map(|s| s.to_string()).collect())
    .collect();
    prop_oneof![
        2 => Just(Vec::new()),
        3 => proptest::sample::select(paths),
    ]
}

fn hostile_corpus() -> impl Strategy<Value = Corpus> {
    let title = prop_oneof![3 => hostile_text(), 1 => Just("A".to_string())];
    let area = (
        title,
        proptest::collection::vec(hostile_text(), 1..4),
        section_path(),
    );
    (
        hostile_text(),
        hostile_text(),
        proptest::collection::vec(area, 0..8),
    )
        .prop_map(|(name, title, areas)| Corpus {
            partnerships: vec![Partnership {
                id: "p".into(),
                name,
                parties: vec![],
                meetings: vec![Meeting {
                    id: "2025-01-01".into(),
                    title: title.clone(),
                    dateline: None,
                    date: Date::new(2025, 1, 1).unwrap(),
                    place: Some(title.clone()),
                    co_chairs: Default::default(),
                    source: SourceRef::default(),
                    title_lines: None,
                    preamble: vec![Text {
                        text: title,
                        lines: None,
                    }]
                    .into(),
                    areas: areas
                        .into_iter()
                        .enumerate()
                        .map(|(i, (t, cs, section))| Area {
                            id: format!("a{i}"),
                            title: t,
                            section: section.into(),
                            commitments: cs
                                .into_iter()
                                .map(|c| Commitment {
                                    text: c.into(),
                                    stance: None,
                                    lines: None,
                                    basis: None,
                                    actor: jointly::model::Actor::Joint,
                                })
                                .collect(),
                            ..Area::default()
                        })
                        .collect(),
                    closing: Default::default(),
                    signatories: Default::default(),
                }],
            }],
        })
}

fn seeds() -> Corpus {
    load(&LoadOptions::embedded_only()).corpus
}

fn check_invariants(app: &App) {
    // One stack of modes, each where it may be: no palette over a
    // comparison over the help, no prompt over nothing to edit.
    assert!(
        app.layers_valid(),
        "an impossible stack of layers: {:?}",
        app.layers
    );
    assert_eq!(
        app.rows,
        app.visible_rows(),
        "rows follow the expansion, or the filter"
    );
    if app.filter.is_none() {
        assert_eq!(
            app.rows,
            rows(&app.corpus, &app.expanded),
            "without a filter, the expansion"
        );
        // Each row stands one level under its parent in the tree (a
        // section's area under the section, a section under the one it
        // stands in or its meeting).
        for (i, row) in app.rows.iter().enumerate() {
            let above = app.rows[..i].iter().rev().find(|r| r.depth < row.depth);
            let parent = app.corpus.tree_parent(row.path);
            assert_eq!(above.map(|r| r.path), parent, "the row above {:?}", row.path);
            assert_eq!(above.map_or(0, |r| r.depth + 1), row.depth, "{:?}", row.path);
        }
    }
    match app.selected {
        None => assert!(app.rows.is_empty(), "a selection whenever there are rows"),
        Some(i) => {
            assert!(i < app.rows.len(), "selection in range");
            assert!(
                app.corpus.contains(app.rows[i].path),
                "selection points at an existing node"
            );
            let page = usize::from(jointly::layout::body_height(app.size)).max(1);
            assert!(
                app.tree_offset <= i && i < app.tree_offset + page,
                "selection visible"
            );
        }
    }
    assert!(
        app.reader_scroll <= app.reader_document().lines.len(),
        "reader scroll within content"
    );
}

fn view(app: &App) -> (Option<usize>, jointly::app::Pane, usize, usize, Expanded) {
    (
        app.selected,
        app.focus,
        app.reader_scroll,
        app.tree_offset,
        app.expanded.clone(),
    )
}

/// Whether something is drawn over the panes (an overlay, a prompt or a picker).
fn covered(app: &App) -> bool {
    app.overlay().is_some() || app.tool().is_some() || app.palette().is_some()
}

fn run(corpus: Corpus, steps: Vec<Step>) {
    let (config, _) = jointly::config::parse("test", None);
    let mut app = App::new(corpus, vec![], config, true);
    let mut before_overlay = None;
    // The view when the filter opened; forgotten if a resize re-clamped it.
    let mut before_filter = None;
    for s in steps {
        let had_overlay = covered(&app);
        let had_filter = app.filter.is_some();
        let snapshot = view(&app);
        let esc = matches!(s, Step::Key(KeyCode::Esc, _));
        match &s {
            Step::Key(code, mods) => {
                handle(&mut app, Event::Key(KeyEvent::new(*code, *mods)));
                // Quitting only stops the loop; keep exercising the state.
                app.running = true;
            }
            Step::Resize(w, h) => app.update(Action::Resize(*w, *h)),
        }
        match (had_overlay, covered(&app)) {
            (false, true) => before_overlay = Some(snapshot.clone()),
            // A resize may re-clamp the panes under an overlay; what the
            // overlay itself does must still leave them alone.
            (true, true) if matches!(s, Step::Resize(..)) => before_overlay = Some(view(&app)),
            (true, false) => {
                let before = before_overlay.take();
                if esc {
                    assert!(
                        Some(view(&app)) == before,
                        "Esc closing an overlay leaves the view as it was"
                    );
                }
            }
            _ => {}
        }
        match (had_filter, app.filter.is_some()) {
            (false, true) => before_filter = Some(snapshot.clone()),
            (true, true) if matches!(s, Step::Resize(..)) => before_filter = None,
            (true, false) => {
                let before = before_filter.take();
                if esc && before.is_some() {
                    assert!(
                        Some(view(&app)) == before,
                        "Esc clearing the filter returns to the view before it"
                    );
                }
            }
            _ => {}
        }
        check_invariants(&app);
        let (w, h) = app.size;
        let mut terminal = Terminal::new(TestBackend::new(w.max(1), h.max(1))).unwrap();
        terminal.draw(|f| jointly::ui::draw(f, &app)).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_on_the_seeds_keep_the_invariants(steps in proptest::collection::vec(step(), 1..80)) {
        run(seeds(), steps);
    }

    #[test]
    fn hostile_text_never_breaks_rendering(corpus in hostile_corpus(), steps in proptest::collection::vec(step(), 1..40)) {
        run(corpus, steps);
    }
}

/// 64 cases by default (sized for a 2-core CI); `JOINTLY_PROPTEST_CASES` for more.
fn cases() -> u32 {
    std::env::var("JOINTLY_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64)
}
