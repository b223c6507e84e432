//! What [`super::App::update`] receives besides key actions, and what it
//! asks of the outside world.
//!
//! `update` never touches files or the terminal: it queues an [`Effect`],
//! the event loop carries it out, and the outcome comes back as a [`Msg`].

use super::action::Action;
use crate::bookmarks::BookmarkSet;
use crate::loader::Problem;
use crate::search::Ranked;
use crate::state::Place;

/// Everything `update` handles.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A user intention, from the key map.
    Action(Action),
    /// A character typed into the open prompt or filter.
    Type(char),
    /// Backspace in the open prompt or filter.
    Erase,
    /// Return to where the reader was last time (at start).
    Restore(Place),
    /// The bookmarks as the file now has them (at start, and after a save
    /// merged in another copy's changes).
    Bookmarks(BookmarkSet),
    /// Something the user should know about their files.
    Problem(Problem),
    /// Something the user just asked for failed (a save, a copy): said at
    /// once in the status line, over what it said before, and kept with
    /// the problems.
    Failed(Problem),
    /// The answer to an [`Effect::Search`]; dropped unless it answers the
    /// query the filter or palette holds now.
    Ranked(Ranked),
}

impl From<Action> for Msg {
    fn from(a: Action) -> Msg {
        Msg::Action(a)
    }
}

/// Work for the event loop, outside the app's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write this OSC 52 sequence to the terminal: it sets the clipboard.
    Clipboard(String),
    /// Suspend to the shell: restore the terminal, stop, and on `fg` take
    /// the terminal back and redraw.
    Suspend,
    /// Save these bookmarks (merging with the file).
    SaveBookmarks(BookmarkSet),
    /// Rank the corpus against this query off the interface's thread (see
    /// [`super::App::search_off_thread`]); the answer comes back as
    /// [`Msg::Ranked`].
    Search(String),
}
