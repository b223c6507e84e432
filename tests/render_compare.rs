//! Rendering tests of the comparison view: the seeds side by side at 80x24
//! and 120x40, stacked on a narrow terminal, and the meeting picker; compared
//! with reviewed snapshots (tests/snapshots/).

mod common;

use common::{app, render};

use jointly::app::{Action, App};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The comparison open, the cursor moved to the EU Quantum area.
fn at_eu_quantum(colour: bool, w: u16, h: u16) -> App {
    let mut a = app(colour);
    a.update(Action::Resize(w, h));
    a.update(Action::Compare);
    for _ in 0..22 {
        a.update(Action::MoveDown);
    }
    a
}

#[test]
fn compare_eu_quantum_120x40() {
    let mut a = at_eu_quantum(true, 120, 40);
    let screen = render(&mut a, 120, 40);
    // The US counterpart's header is on the EU header's row.
    assert!(
        screen
            .lines()
            .any(|l| l.starts_with("│ Quantum ")
                && l.contains("│ ▶ Quantum Information Science and Technology")),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn compare_eu_quantum_80x24() {
    let mut a = at_eu_quantum(true, 80, 24);
    insta::assert_snapshot!(render(&mut a, 80, 24));
}

#[test]
fn compare_closest_commitment_80x24_without_colour() {
    let mut a = at_eu_quantum(false, 80, 24);
    a.update(Action::MoveDown);
    a.update(Action::MoveDown);
    let screen = render(&mut a, 80, 24);
    assert!(
        screen.contains("quantum/2 ↔ Quantum Information Science and Technology, 1 (strong 0.")
            && screen.contains(": quantum)"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn compare_unpaired_area_120x40() {
    let mut a = app(true);
    a.update(Action::Resize(120, 40));
    a.update(Action::Compare);
    for _ in 0..4 {
        a.update(Action::MoveDown);
    }
    let screen = render(&mut a, 120, 40);
    assert!(
        screen.contains("no counterpart in U.S.-Singapore Critical and Emerging"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn compare_stacks_below_70_columns() {
    let mut a = at_eu_quantum(false, 60, 30);
    insta::assert_snapshot!(render(&mut a, 60, 30));
}

#[test]
fn compare_meeting_picker_80x24() {
    let mut a = app(false);
    a.update(Action::Resize(80, 24));
    a.update(Action::Compare);
    a.update(Action::Compare);
    a.update(Action::Open);
    insta::assert_snapshot!(render(&mut a, 80, 24));
}

#[test]
fn stance_tags_and_tallies_are_coloured() {
    let a = at_eu_quantum(true, 120, 40);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| jointly::ui::draw(f, &a)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let colour = a.config.theme.get("stance_intend");
    let (mut tags, mut tallies) = (0, 0);
    for y in 0..40 {
        let row: String = (0..120).map(|x| buffer[(x, y)].symbol().to_string()).collect();
        // The cell of a pattern's `offset`-th character, for every match in the row.
        let cells = |pattern: &str, offset: u16| -> Vec<u16> {
            row.match_indices(pattern)
                .map(|(byte, _)| row[..byte].chars().count() as u16 + offset)
                .collect()
        };
        for x in cells("[intend*]", 1) {
            assert_eq!(buffer[(x, y)].fg, colour, "tag at row {y}: {row}");
            tags += 1;
        }
        for x in cells(" I2 ", 1) {
            assert_eq!(buffer[(x, y)].fg, colour, "tally at row {y}: {row}");
            tallies += 1;
        }
    }
    assert!(tags >= 4 && tallies >= 2, "{tags} tags, {tallies} tallies");
}

#[test]
fn control_characters_in_statements_are_not_drawn() {
    let mut a = app(true);
    let evil = "\u{1b}[2J\u{1b}]52;c;AAAA\u{7} 新加坡 👩‍👩‍👧‍👦 ";
    for p in &mut std::sync::Arc::make_mut(&mut a.corpus).partnerships {
        p.name = format!("{evil}{}", p.name);
        for m in &mut p.meetings {
            for area in &mut m.areas {
                area.title = format!("{evil}{}", area.title);
                for c in &mut area.commitments {
                    c.text = format!("{evil}{}", c.text).into();
                }
            }
        }
    }
    for (w, h) in [(120, 40), (80, 24), (50, 16), (24, 6)] {
        a.update(Action::Resize(w, h));
        if a.compare().is_none() {
            a.update(Action::Compare);
        }
        a.update(Action::MoveDown);
        let screen = render(&mut a, w, h);
        assert!(
            !screen.contains('\u{1b}') && !screen.contains('\u{7}'),
            "{screen}"
        );
    }
    a.update(Action::Compare);
    let screen = render(&mut a, 80, 24);
    assert!(
        screen.contains("choose the left meeting") && !screen.contains('\u{1b}'),
        "{screen}"
    );
}

#[test]
fn help_over_the_comparison_opens_at_its_keys_and_legend() {
    let mut a = at_eu_quantum(false, 100, 40);
    a.update(Action::Help);
    let screen = render(&mut a, 100, 40);
    for sign in ["Comparison", "C I E A", "▶", "weaker", "no counterpart"] {
        assert!(screen.contains(sign), "{sign}:\n{screen}");
    }
}

#[test]
fn a_one_sided_undertaking_is_tagged_with_its_party_and_tallied_apart() {
    let mut a = app(false);
    a.update(Action::Resize(120, 40));
    a.update(Action::Compare);
    a.update(Action::SwitchPane);
    // US: AI (1 + 4 commitments), Digital Economy (1 + 7), then Biotechnology and its first.
    for _ in 0..14 {
        a.update(Action::MoveDown);
    }
    let screen = render(&mut a, 120, 40);
    // "The United States is committed to building ...": the U.S. alone.
    assert!(
        screen.contains("[commit* · United States] The United States is"),
        "{screen}"
    );
    assert!(screen.contains("C2 I1 E0 A1 alone C1"), "{screen}");
}
