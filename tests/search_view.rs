//! What the browser shows of a search: the corrected query in the filter's
//! prompt and the palette's title, and the reason for a match that its
//! text does not show, in the tree and the palette.

mod common;

use common::{app, render};
use jointly::app::{Action, App, Msg};

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Msg::Type(c));
    }
}

#[test]
fn the_filter_prompt_says_which_corrected_query_it_shows() {
    let mut a = app(false);
    a.update(Action::Filter);
    typed(&mut a, "qunatum");
    let screen = render(&mut a, 160, 40);
    assert!(
        screen.contains("/qunatum▏ 6 matches, showing results for quantum"),
        "{screen}"
    );
    // The tree shows the quantum areas, and the reader highlights follow
    // the corrected word.
    assert!(screen.contains("Quantum (2)"), "{screen}");
    assert!(!a.filter_marks(a.selected_path().unwrap()).is_empty());
    // Kept with Enter, the counter says it too.
    a.update(Action::Open);
    let screen = render(&mut a, 160, 40);
    assert!(
        screen.contains("/qunatum  1 of 6, showing results for quantum"),
        "{screen}"
    );
    // A word that matches says nothing of the kind.
    a.update(Action::Close);
    a.update(Action::Filter);
    typed(&mut a, "quantum");
    let screen = render(&mut a, 160, 40);
    assert!(!screen.contains("showing results for"), "{screen}");
}

#[test]
fn the_tree_says_when_an_area_matched_only_through_a_topic() {
    let mut a = app(false);
    a.update(Action::Filter);
    typed(&mut a, "talent");
    let screen = render(&mut a, 160, 40);
    assert!(
        screen.contains("‹via topic: talent› Semiconductors (2)"),
        "{screen}"
    );
    // A commitment that says "talent" needs no reason.
    assert!(!screen.contains("‹via topic: talent› 2."), "{screen}");
}

#[test]
fn the_palette_says_the_corrected_query_and_why_an_item_matched() {
    let mut a = app(false);
    a.update(Action::Palette);
    typed(&mut a, "semicondutor");
    let screen = render(&mut a, 160, 40);
    assert!(screen.contains("showing results for semiconductor"), "{screen}");
    let mut a = app(false);
    a.update(Action::Palette);
    typed(&mut a, "talent");
    let screen = render(&mut a, 160, 60);
    assert!(
        screen.contains("via topic: talent · EU-Singapore Digital Partnership"),
        "{screen}"
    );
}
