//! Unit tests of the comparison's state changes.

use proptest::prelude::*;

use super::*;
use crate::app::test_support::{app, id};
use crate::layout::compare::text_height;

fn item_lines(app: &App, side: Side) -> std::collections::HashMap<Item, std::ops::Range<usize>> {
    app.compare_document(side).items
}

fn line_count(app: &App, side: Side) -> usize {
    app.compare_document(side).lines.len()
}

fn cmp(app: &App) -> &Comparison {
    app.compare().expect("the comparison is open")
}

/// The row on screen of an item's first line.
fn row(app: &App, side: Side, item: Item) -> Option<usize> {
    let start = item_lines(app, side).get(&item)?.start;
    start.checked_sub(cmp(app).scroll[index(side)])
}

const EU_QUANTUM: Item = Item::Area(6);
const US_QUANTUM: Item = Item::Area(5);

/// From the EU AI area down to the EU Quantum area: 6 areas and 16 commitments.
fn to_eu_quantum(app: &mut App) {
    for _ in 0..22 {
        app.update(Action::MoveDown);
    }
}

#[test]
fn c_opens_the_eu_meeting_left_and_the_us_meeting_right() {
    let mut app = app();
    app.update(Action::Compare);
    let c = cmp(&app);
    assert_eq!(
        app.corpus.id_of(c.alignment.left).as_deref(),
        Some("eu-sg-dp/2025-12-01")
    );
    assert_eq!(
        app.corpus.id_of(c.alignment.right).as_deref(),
        Some("us-sg-cet/2023-10-12")
    );
    assert_eq!((c.focus, c.sync), (Side::Left, true));
    assert_eq!(c.cursor(Side::Left), Some(Item::Area(0)));
    assert_eq!(
        c.highlight(),
        Some((Item::Area(0), None)),
        "EU AI's counterpart is US AI"
    );
}

#[test]
fn moving_to_eu_quantum_brings_us_quantum_beside_it() {
    let mut app = app();
    app.update(Action::Compare);
    to_eu_quantum(&mut app);
    let c = cmp(&app);
    assert_eq!(c.cursor(Side::Left), Some(EU_QUANTUM));
    assert_eq!(c.highlight(), Some((US_QUANTUM, None)));
    assert_eq!(
        c.counterpart(Side::Left)
            .map(|l| l.shared.clone())
            .unwrap_or_default(),
        ["quantum", "research", "standards"]
    );
    let (left, right) = (
        row(&app, Side::Left, EU_QUANTUM),
        row(&app, Side::Right, US_QUANTUM),
    );
    assert!(left.is_some_and(|r| r < text_height(app.size, Side::Left)));
    assert_eq!(left, right, "the two headers are on the same row");
}

#[test]
fn a_commitment_highlights_its_closest_counterpart() {
    let mut app = app();
    app.update(Action::Compare);
    to_eu_quantum(&mut app);
    app.update(Action::MoveDown);
    app.update(Action::MoveDown);
    let c = cmp(&app);
    assert_eq!(c.cursor(Side::Left), Some(Item::Commitment(6, 1)));
    let (item, found) = c.highlight().unwrap();
    // EU quantum/2 reads closest to US quantum/1 (see tests/counterparts.rs).
    assert_eq!(item, Item::Commitment(5, 0));
    assert!(found.is_some_and(|m| m.score >= crate::compare::counterparts::WEAK));
    assert_eq!(
        row(&app, Side::Left, Item::Commitment(6, 1)),
        row(&app, Side::Right, item)
    );
}

#[test]
fn a_commitment_without_a_close_counterpart_marks_nothing_and_says_so() {
    let mut app = app();
    app.update(Action::Compare);
    // EU AI (3 commitments), Online Safety (3), Verifiable Credentials (1),
    // then Cybersecurity and its 4th commitment: EUCC and SCCS certification.
    for _ in 0..14 {
        app.update(Action::MoveDown);
    }
    let c = cmp(&app);
    assert_eq!(c.cursor(Side::Left), Some(Item::Commitment(3, 3)));
    assert_eq!(c.highlight(), None);
    let status = crate::ui::compare::status_left(&app, c);
    assert_eq!(
        status,
        "cybersecurity/4: no close counterpart in us-sg-cet/2023-10-12"
    );
    // cybersecurity/1 has one, in another area than the paired one's first.
    for _ in 0..3 {
        app.update(Action::MoveUp);
    }
    let c = cmp(&app);
    let (item, found) = c.highlight().unwrap();
    assert_eq!(item, Item::Commitment(3, 0), "US critical-infrastructure/1");
    let status = crate::ui::compare::status_left(&app, c);
    assert!(
        status.starts_with("cybersecurity/1 ↔ Critical Infrastructure and Technology Supply Chains, 1 (",)
            && status.contains(found.unwrap().strength.as_str()),
        "{status}"
    );
}

#[test]
fn an_unpaired_area_has_no_counterpart_and_the_other_side_stays() {
    let mut app = app();
    app.update(Action::Compare);
    for _ in 0..4 {
        app.update(Action::MoveDown);
    }
    let c = cmp(&app);
    assert_eq!(
        c.cursor(Side::Left),
        Some(Item::Area(1)),
        "online safety and scams"
    );
    assert_eq!(c.highlight(), None);
    let before = c.scroll[1];
    app.update(Action::MoveDown);
    assert_eq!(cmp(&app).scroll[1], before);
}

#[test]
fn tab_switches_sides_onto_the_counterpart() {
    let mut app = app();
    app.update(Action::Compare);
    to_eu_quantum(&mut app);
    app.update(Action::MoveDown);
    app.update(Action::SwitchPane);
    let c = cmp(&app);
    assert_eq!(c.focus, Side::Right);
    assert_eq!(
        c.cursor(Side::Right),
        Some(Item::Commitment(5, 0)),
        "US quantum/1"
    );
    // From the right, the closest EU commitment is highlighted in turn.
    assert!(matches!(c.highlight(), Some((Item::Commitment(6, _), Some(_)))));
    app.update(Action::SwitchPane);
    assert_eq!(cmp(&app).focus, Side::Left);
    app.update(Action::Right);
    assert_eq!(cmp(&app).focus, Side::Right);
    app.update(Action::Left);
    assert_eq!(cmp(&app).focus, Side::Left);
}

#[test]
fn enter_goes_to_the_counterpart() {
    let mut app = app();
    app.update(Action::Compare);
    to_eu_quantum(&mut app);
    app.update(Action::Open);
    let c = cmp(&app);
    assert_eq!((c.focus, c.cursor(Side::Right)), (Side::Right, Some(US_QUANTUM)));
}

#[test]
fn s_turns_synchronised_scrolling_off_and_on() {
    let mut app = app();
    app.update(Action::Compare);
    app.update(Action::ToggleSync);
    assert!(!cmp(&app).sync);
    assert_eq!(app.message.as_deref(), Some("Synchronised scrolling off"));
    let before = cmp(&app).scroll[1];
    to_eu_quantum(&mut app);
    assert_eq!(cmp(&app).scroll[1], before, "the right side did not follow");
    assert_eq!(
        cmp(&app).highlight(),
        Some((US_QUANTUM, None)),
        "the highlight still shows"
    );
    app.update(Action::ToggleSync);
    assert_eq!(
        row(&app, Side::Left, EU_QUANTUM),
        row(&app, Side::Right, US_QUANTUM)
    );
}

#[test]
fn esc_leaves_and_help_shows_over_the_comparison() {
    let mut app = app();
    let selected = app.selected;
    app.update(Action::Compare);
    app.update(Action::Help);
    assert!(app.overlay().is_some() && app.compare().is_some());
    app.update(Action::Close);
    assert!(app.overlay().is_none() && app.compare().is_some());
    let _ = selected;
    // Leaving puts the tree on what the cursor was on, not where it was.
    app.update(Action::MoveDown);
    app.update(Action::MoveDown);
    let (cursor, scroll) = (cmp(&app).cursor, cmp(&app).scroll);
    app.update(Action::Close);
    assert!(app.compare().is_none());
    assert_eq!(id(&app), "eu-sg-dp/2025-12-01/ai/2");
    // `c` returns to the comparison as it was left.
    app.update(Action::Compare);
    assert_eq!((cmp(&app).cursor, cmp(&app).scroll), (cursor, scroll));
}

#[test]
fn enter_without_a_counterpart_says_so() {
    let mut app = app();
    app.update(Action::Compare);
    let side = cmp(&app).focus;
    // Down the left side to an area with no counterpart.
    for _ in 0..60 {
        if cmp(&app).cursor(side).is_some_and(|c| matches!(c, Item::Area(_)))
            && cmp(&app).highlight().is_none()
        {
            break;
        }
        app.update(Action::MoveDown);
    }
    assert!(
        cmp(&app).highlight().is_none(),
        "an area without counterpart exists"
    );
    app.update(Action::Open);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("No counterpart in")),
        "{:?}",
        app.message
    );
}

#[test]
fn the_picker_chooses_any_two_meetings() {
    let mut app = app();
    app.update(Action::Compare);
    app.update(Action::Compare);
    assert_eq!(cmp(&app).picker.as_ref().map(|p| p.selected), Some(0));
    app.update(Action::MoveDown);
    app.update(Action::Open);
    let picker = cmp(&app).picker.clone().unwrap();
    assert_eq!(
        picker.left.and_then(|m| app.corpus.id_of(m)).as_deref(),
        Some("us-sg-cet/2023-10-12")
    );
    assert_eq!(
        picker.selected, 0,
        "a meeting of the other partnership is suggested"
    );
    app.update(Action::Open);
    let c = cmp(&app);
    assert!(c.picker.is_none());
    assert_eq!(
        app.corpus.id_of(c.alignment.left).as_deref(),
        Some("us-sg-cet/2023-10-12")
    );
    assert_eq!(
        app.corpus.id_of(c.alignment.right).as_deref(),
        Some("eu-sg-dp/2025-12-01")
    );
    // Esc in the picker closes the picker, not the comparison.
    app.update(Action::Compare);
    app.update(Action::Close);
    assert!(app.compare().is_some_and(|c| c.picker.is_none()));
}

#[test]
fn one_meeting_is_not_enough() {
    let mut app = app();
    std::sync::Arc::make_mut(&mut app.corpus).partnerships.truncate(1);
    app.update(Action::Compare);
    assert!(app.compare().is_none());
    assert_eq!(
        app.message.as_deref(),
        Some("Comparing needs two meetings; only one is loaded")
    );
}

#[test]
fn paging_moves_by_lines_and_keeps_the_cursor_in_view() {
    let mut app = app();
    app.update(Action::Resize(80, 24));
    app.update(Action::Compare);
    app.update(Action::PageDown);
    let c = cmp(&app);
    let item = c.cursor(Side::Left).unwrap();
    assert!(matches!(item, Item::Commitment(..) | Item::Area(_)) && item != Item::Area(0));
    assert!(row(&app, Side::Left, item).is_some_and(|r| r < text_height(app.size, Side::Left)));
    app.update(Action::PageUp);
    assert_eq!(cmp(&app).cursor(Side::Left), Some(Item::Area(0)));
    app.update(Action::Bottom);
    assert_eq!(cmp(&app).cursor(Side::Left), Some(Item::Commitment(6, 1)));
}

/// Scroll offsets in range; the focused cursor's first line on screen.
fn check_invariants(app: &App) {
    let Some(c) = app.compare() else {
        return;
    };
    for side in [Side::Left, Side::Right] {
        let max = line_count(app, side).saturating_sub(text_height(app.size, side).max(1));
        assert!(c.scroll[index(side)] <= max, "{side:?} scrolled past the end");
    }
    if c.picker.is_none()
        && let Some(item) = c.cursor(c.focus)
    {
        let r = row(app, c.focus, item);
        assert!(
            r.is_some_and(|r| r < text_height(app.size, c.focus).max(1)),
            "cursor {item:?} off screen at {:?}",
            app.size
        );
    }
}

fn compare_action() -> impl Strategy<Value = Action> {
    proptest::sample::select(vec![
        Action::MoveDown,
        Action::MoveUp,
        Action::Top,
        Action::Bottom,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::PageDown,
        Action::PageUp,
        Action::SwitchPane,
        Action::Left,
        Action::Right,
        Action::Open,
        Action::ToggleSync,
        Action::Compare,
        Action::Close,
    ])
}

proptest! {
    // 24 cases by default, sized for a 2-core CI; PROPTEST_CASES overrides.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(24),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]
    #[test]
    fn random_keys_at_random_sizes_keep_the_cursor_in_view(
        steps in proptest::collection::vec((compare_action(), 24u16..200, 6u16..60), 1..30)
    ) {
        let mut app = app();
        for (action, w, h) in steps {
            app.update(Action::Resize(w, h));
            if app.compare().is_none() {
                app.update(Action::Compare);
            }
            app.update(action);
            check_invariants(&app);
        }
    }
}

#[test]
fn the_meeting_picker_pages_as_every_list_does() {
    let mut app = app();
    app.update(Action::Compare);
    app.update(Action::Compare);
    app.update(Action::PageDown);
    assert_eq!(cmp(&app).picker.as_ref().map(|p| p.selected), Some(1));
    app.update(Action::HalfPageUp);
    assert_eq!(cmp(&app).picker.as_ref().map(|p| p.selected), Some(0));
}

#[test]
fn q_closes_the_meeting_picker_and_quits_from_the_comparison() {
    let mut app = app();
    app.update(Action::Compare);
    app.update(Action::Compare);
    assert!(cmp(&app).picker.is_some());
    app.update(Action::Quit);
    assert!(cmp(&app).picker.is_none() && app.running, "q closes the picker");
    app.update(Action::Quit);
    assert!(!app.running, "q in the comparison itself quits");
}

/// Two meetings of one partnership, written for the test: a working group
/// continued in firmer words, a new fund, a guide not followed up.
fn over_time_app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let meeting = |date: &str, lines: &[&str]| {
        format!(
            "partnership: {{id: xy-dp, name: X-Y Digital Partnership, parties: [Xland, Yland]}}\n\
             meeting: {{title: A meeting, date: \"{date}\"}}\n\
             areas:\n  - id: digital\n    title: Digital Economy\n    commitments:\n{}",
            lines
                .iter()
                .map(|l| format!("      - \"{l}\"\n"))
                .collect::<String>()
        )
    };
    std::fs::write(
        dir.path().join("a.yaml"),
        meeting(
            "2024-03-01",
            &[
                "Xland and Yland intend to set up a Working Group on Secure Semiconductor Supply to map chokepoints in wafer fabrication.",
                "Xland and Yland will publish a guide to cybersecurity best practices for small enterprises.",
            ],
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.yaml"),
        meeting(
            "2025-03-01",
            &[
                "Xland and Yland will turn the Working Group on Secure Semiconductor Supply into a task force that maps chokepoints in wafer fabrication.",
                "Xland and Yland will open a joint fund for vaccine research in tropical medicine.",
            ],
        ),
    )
    .unwrap();
    let loaded = crate::cli::annotated(crate::loader::load_paths(&[dir.path().to_path_buf()]));
    let (config, _) = crate::config::parse("test", None);
    let mut app = App::new(loaded.corpus, loaded.problems, config, true);
    app.update(Action::Resize(120, 40));
    (dir, app)
}

#[test]
fn w_on_a_meeting_compares_it_with_the_previous_one_over_time() {
    let (_dir, mut app) = over_time_app();
    let later = app.corpus.resolve("xy-dp/2025-03-01").unwrap();
    let earlier = app.corpus.resolve("xy-dp/2024-03-01").unwrap();
    app.select_path(later);
    app.update(Action::WhatChanged);
    let c = cmp(&app);
    assert_eq!((c.alignment.left, c.alignment.right), (earlier, later));
    let changes = c.changes.as_deref().expect("over time");
    assert!(changes.predecessor(0, 0).is_some() && changes.predecessor(0, 1).is_none());

    // The right side tags the continued one firmer and the fund new; the
    // left one dims the guide nothing follows up.
    let text = |app: &App, side: Side| {
        app.compare_document(side)
            .lines
            .iter()
            .map(|l| l.text())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let right = text(&app, Side::Right);
    assert!(
        right.contains("[commit*] [firmer]") && right.contains("[new]"),
        "{right}"
    );
    assert!(text(&app, Side::Left).contains("[not followed up]"));

    // w again lists only the changes: the firmer one stays, and the
    // earlier working group, followed up, is no longer listed.
    app.update(Action::WhatChanged);
    assert!(cmp(&app).changes_only);
    let left = item_lines(&app, Side::Left);
    assert!(!left.contains_key(&Item::Commitment(0, 0)) && left.contains_key(&Item::Commitment(0, 1)));
    assert_eq!(cmp(&app).cursor(Side::Left), Some(Item::Area(0)));
    app.update(Action::MoveDown);
    assert_eq!(cmp(&app).cursor(Side::Left), Some(Item::Commitment(0, 1)));

    // From the earlier one there is no previous meeting.
    app.update(Action::Close);
    app.select_path(earlier);
    app.update(Action::WhatChanged);
    assert!(app.compare().is_none());
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("first meeting"))
    );
}

#[test]
fn two_partnerships_are_not_compared_over_time() {
    let mut app = app();
    app.update(Action::Compare);
    assert!(cmp(&app).changes.is_none());
    app.update(Action::WhatChanged);
    assert!(!cmp(&app).changes_only);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("one partnership"))
    );
}
