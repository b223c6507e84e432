//! What the unit tests of `update` share: the app on the embedded seeds,
//! and the few moves every test makes.

use super::{Action, App, Msg};
use crate::loader::{LoadOptions, load};

/// The app on the embedded seeds, topics inferred as at start-up, laid out
/// at 120x40, in colour, with the first row (the first partnership)
/// selected, from where the tests count their moves.
pub fn app() -> App {
    let mut app = fresh();
    app.update(Action::Resize(120, 40));
    app.update(Action::Top);
    app
}

/// The app as it starts, nothing pressed.
pub fn fresh() -> App {
    let loaded = crate::cli::annotated(load(&LoadOptions::embedded_only()));
    let (config, _) = crate::config::parse("test", None);
    App::new(loaded.corpus, loaded.problems, config, true)
}

/// The id of the selected node ("" when nothing is selected).
pub fn id(app: &App) -> String {
    app.selected_path()
        .and_then(|p| app.corpus.id_of(p))
        .unwrap_or_default()
}

/// Types `text` into whatever takes characters (a prompt or a picker).
pub fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Msg::Type(c));
    }
}
