//! The search inside the text being read (`/` with the reader focused), as
//! less's: a prompt, every match marked, `n`/`N` between them. Its state
//! lives in [`ReaderSearch`]; its changes happen here, called from `update`.

use super::{Action, App, Layer, Pane};

/// A search in the reader's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderSearch {
    /// What is searched for.
    pub query: String,
    /// The match `n`/`N` last went to.
    pub current: usize,
}

impl App {
    /// Opens the reader's search prompt, with a new, empty search.
    pub(super) fn open_reader_search(&mut self) {
        self.reader_search = Some(ReaderSearch::default());
        self.layers.push(Layer::ReaderPrompt);
    }

    /// A character typed into the reader's search (`Some`), or Backspace.
    pub(super) fn edit_reader_search(&mut self, typed: Option<char>) {
        let Some(s) = &mut self.reader_search else {
            return;
        };
        match typed {
            Some(c) => s.query.push(c),
            None => {
                s.query.pop();
            }
        }
        s.current = 0;
        // As less does with incremental search: show the first match from
        // where the reader is.
        self.go_to_reader_match(Step::FromView);
    }

    /// An action while the reader's prompt is open.
    pub(super) fn update_reader_prompt(&mut self, action: Action) {
        match action {
            Action::Open => {
                self.layers.pop();
                if self.reader_search.as_ref().is_none_or(|s| s.query.is_empty()) {
                    self.reader_search = None;
                } else {
                    self.go_to_reader_match(Step::FromView);
                }
            }
            Action::Close => {
                self.layers.pop();
                self.reader_search = None;
            }
            _ => {}
        }
    }

    /// The reader's keys that belong to its search; false if `action` is
    /// not one of them.
    pub(super) fn update_reader_search_keys(&mut self, action: Action) -> bool {
        match action {
            Action::Filter => self.open_reader_search(),
            Action::NextMatch | Action::PrevMatch if self.reader_search.is_some() => {
                let step = if action == Action::NextMatch {
                    Step::Next
                } else {
                    Step::Previous
                };
                self.go_to_reader_match(step);
            }
            Action::Close if self.reader_search.is_some() => self.reader_search = None,
            _ => return false,
        }
        true
    }

    /// Scrolls to a match of the reader's search and says which it is.
    fn go_to_reader_match(&mut self, step: Step) {
        let doc = self.reader_document();
        let Some(s) = &mut self.reader_search else {
            return;
        };
        let count = doc.matches.len();
        if count == 0 {
            if !s.query.is_empty() {
                self.message = Some(format!("Pattern not found: {}", s.query));
            }
            return;
        }
        s.current = match step {
            Step::Next => (s.current + 1) % count,
            Step::Previous => (s.current + count - 1) % count,
            // The first match at or below the top of the view, else the first.
            Step::FromView => doc
                .matches
                .iter()
                .position(|m| m.line >= self.reader_scroll)
                .unwrap_or(0),
        };
        let line = doc.matches.get(s.current).map_or(0, |m| m.line);
        let height = self.page();
        if line < self.reader_scroll || line >= self.reader_scroll + height {
            // A line of context above it, as less's jump target does.
            self.reader_scroll = line.saturating_sub(1);
        }
        self.clamp_reader(doc.lines.len());
        self.focus = Pane::Reader;
    }
}

/// Which match to go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Next,
    Previous,
    FromView,
}
