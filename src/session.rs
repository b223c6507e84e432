//! What lasts between sittings, at the edge of the app: the remembered
//! place and the bookmarks are read into the app at start, its effects
//! (clipboard, saving bookmarks) are carried out while it runs, and the
//! place is saved when it ends.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::app::{App, Effect, Msg};
use crate::bookmarks::BookmarkStore;
use crate::loader::Problem;
use crate::state;
use crate::timestamp::Timestamp;

/// What a run of the browser starts from: the remembered place, the
/// bookmarks, and what was wrong with their files, as messages to the app.
#[derive(Debug, Clone)]
pub struct Start {
    msgs: Vec<Msg>,
    selected: Option<String>,
    view: Option<String>,
}

impl Start {
    /// Gives `app` the remembered place, the bookmarks and the warnings.
    pub fn apply(&self, app: &mut App) {
        for msg in &self.msgs {
            app.update(msg.clone());
        }
    }

    /// The id of the node selected when the browser was last left.
    pub fn selected(&self) -> Option<&str> {
        self.selected.as_deref()
    }

    /// Whether the browser was last left in a comparison, which it opens
    /// again.
    pub fn compares(&self) -> bool {
        self.view
            .as_deref()
            .is_some_and(|v| v.starts_with(crate::app::tools::COMPARE_VIEW))
    }
}

/// The files of one run of the browser.
#[derive(Debug)]
pub struct Session {
    state_path: Option<PathBuf>,
    store: Option<BookmarkStore>,
    /// The last save of the bookmarks failed: they are kept in memory, and
    /// saved again at the next change and at exit.
    unsaved: bool,
}

impl Session {
    /// Reads the remembered place and the bookmarks into `app`. Problems
    /// with either file become warnings in the app; it always starts.
    pub fn open(app: &mut App) -> Session {
        Session::open_at(app, state::default_path(), BookmarkStore::open_default())
    }

    /// As [`Session::open`], with the files given (for tests).
    pub fn open_at(
        app: &mut App,
        state_path: Option<PathBuf>,
        store: Option<(BookmarkStore, Vec<Problem>)>,
    ) -> Session {
        let (session, start) = Session::read_at(state_path, store);
        start.apply(app);
        session
    }

    /// Reads the remembered place and the bookmarks, for [`Start::apply`]
    /// to give to an app, once or more (the browser's first frame may come
    /// from a preview of the library, and its state from the whole).
    pub fn read() -> (Session, Start) {
        Session::read_at(state::default_path(), BookmarkStore::open_default())
    }

    fn read_at(
        state_path: Option<PathBuf>,
        store: Option<(BookmarkStore, Vec<Problem>)>,
    ) -> (Session, Start) {
        let mut msgs = Vec::new();
        let (mut selected, mut view) = (None, None);
        if let Some(path) = &state_path {
            // Read once: a damaged file is moved aside as it is read.
            let restored = state::load(path);
            if let Some(w) = restored.warning {
                msgs.push(Msg::Problem(w));
            }
            selected.clone_from(&restored.place.selected);
            view.clone_from(&restored.place.view);
            msgs.push(Msg::Restore(restored.place));
        }
        let store = store.map(|(store, warnings)| {
            msgs.extend(warnings.into_iter().map(Msg::Problem));
            msgs.push(Msg::Bookmarks(store.set().clone()));
            store
        });
        let session = Session {
            state_path,
            store,
            unsaved: false,
        };
        (session, Start { msgs, selected, view })
    }

    /// Carries out one effect; `out` is the terminal. Returns what the app
    /// should learn from it.
    pub fn perform(&mut self, effect: Effect, out: &mut dyn Write) -> Vec<Msg> {
        match effect {
            // Searches run on the event source's search thread, and the
            // terminal suspends itself.
            Effect::Search(_) | Effect::Suspend => Vec::new(),
            Effect::Clipboard(sequence) => {
                let written = out.write_all(sequence.as_bytes()).and_then(|()| out.flush());
                written
                    .err()
                    .map(|e| Msg::Failed(Problem::warning("clipboard", format!("Not copied: {e}"))))
                    .into_iter()
                    .collect()
            }
            Effect::SaveBookmarks(set) => {
                let Some(store) = self.store.as_mut() else {
                    return vec![Msg::Problem(Problem::warning(
                        "bookmarks",
                        "this platform has no data folder: bookmarks last until you quit",
                    ))];
                };
                *store.set_mut() = set;
                let saved = store.save(Timestamp::now());
                log::debug!(
                    "bookmarks saved to {}: {:?}",
                    store.path().display(),
                    saved.as_ref().map(Vec::len)
                );
                match saved {
                    Ok(warnings) => {
                        self.unsaved = false;
                        let mut out: Vec<Msg> = warnings.into_iter().map(Msg::Problem).collect();
                        out.push(Msg::Bookmarks(store.set().clone()));
                        out
                    }
                    Err(e) => {
                        self.unsaved = true;
                        // The status line keeps the end of a long message.
                        vec![Msg::Failed(Problem::error(
                            store.path().display().to_string(),
                            format!(
                                "{}: bookmarks not saved (kept, and saved again at the next change and at exit)",
                                e.reason()
                            ),
                        ))]
                    }
                }
            }
        }
    }

    /// Saves the bookmarks again if their last save failed; says why if it
    /// fails again (the caller prints it when the terminal is restored).
    pub fn save_pending(&mut self) -> Option<String> {
        let store = self.store.as_mut().filter(|_| self.unsaved)?;
        match store.save(Timestamp::now()) {
            Ok(_) => {
                self.unsaved = false;
                None
            }
            Err(e) => Some(format!(
                "{}: {e}; your new bookmarks are lost",
                store.path().display()
            )),
        }
    }

    /// Saves where the reader is.
    pub fn close(&self, app: &App) -> io::Result<()> {
        log::debug!("saving the place to {:?}", self.state_path);
        match &self.state_path {
            Some(path) => state::save(path, &app.place()),
            None => Ok(()),
        }
    }
}
