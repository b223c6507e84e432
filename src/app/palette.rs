//! The jump palette (`Ctrl-p`, `:`): a centred picker over every meeting,
//! area and commitment, filtered fuzzily as the user types. Its state
//! lives in [`Palette`]; its changes happen here, called from `update`.

use super::{Action, App, Layer, Pane};
use crate::search::{Hit, Ranked};

/// The open palette: what is typed, the ranked items, the selected one.
#[derive(Debug, Clone, Default)]
pub struct Palette {
    /// The query as typed.
    pub query: String,
    /// The items: every candidate in tree order for an empty query, else
    /// the matches that passed the cut, best first.
    pub hits: Vec<Hit>,
    /// Index of the selected item.
    pub selected: usize,
    /// The corrected query `hits` answer, when a word of `query` was
    /// corrected (see [`Ranked::corrected`]).
    pub corrected: Option<String>,
    /// Whether `hits` answer an older query than `query` (see
    /// [`super::filter::Filter::pending`]).
    pub pending: bool,
    /// Enter was pressed while `pending`: jump to the best match when the
    /// answer comes, as the user saw nothing else to choose.
    pub jump_when_answered: bool,
}

impl Palette {
    /// The query the items answer: the corrected one, else the one typed.
    pub fn effective_query(&self) -> &str {
        self.corrected.as_deref().unwrap_or(&self.query)
    }
}

impl App {
    /// Opens the palette with every item listed.
    pub(super) fn open_palette(&mut self) {
        let ranked = self.rank_or_send("");
        self.layers.push(Layer::Palette(Palette {
            query: String::new(),
            pending: ranked.is_none(),
            jump_when_answered: false,
            hits: ranked.map(|r| r.hits).unwrap_or_default(),
            selected: 0,
            corrected: None,
        }));
    }

    /// Takes the palette off the top of the stack, to change it.
    fn take_palette(&mut self) -> Option<Palette> {
        self.palette()?;
        match self.layers.pop() {
            Some(Layer::Palette(p)) => Some(p),
            _ => None,
        }
    }

    /// A character typed into the palette (`Some`), or Backspace (`None`).
    pub(super) fn edit_palette(&mut self, typed: Option<char>) {
        let Some(mut p) = self.take_palette() else {
            return;
        };
        match typed {
            Some(c) => p.query.push(c),
            None => {
                p.query.pop();
            }
        }
        match self.rank_or_send(&p.query) {
            Some(ranked) => {
                p.hits = ranked.hits;
                p.corrected = ranked.corrected;
                p.selected = 0;
                p.pending = false;
            }
            None => p.pending = true,
        }
        p.jump_when_answered = false;
        self.layers.push(Layer::Palette(p));
    }

    /// Handles an action while the palette is open: it takes every key.
    pub(super) fn update_palette(&mut self, action: Action) {
        let Some(mut p) = self.take_palette() else {
            return;
        };
        let last = p.hits.len().saturating_sub(1);
        let page = usize::from(crate::layout::body_height(self.size) / 2).max(1);
        // Ctrl-n and Ctrl-p (next match, palette) move too, as in fzf.
        let moving = match action {
            Action::NextMatch => Action::MoveDown,
            Action::Palette | Action::PrevMatch => Action::MoveUp,
            a => a,
        };
        if let Some(selected) = moving.step(p.selected, last, page) {
            p.selected = selected;
            self.layers.push(Layer::Palette(p));
            return;
        }
        p.selected = match action {
            Action::Close => {
                self.resend_filter_query();
                return;
            }
            Action::Open if p.pending => {
                p.jump_when_answered = true;
                p.selected
            }
            Action::Open => {
                match p.hits.get(p.selected) {
                    Some(hit) => self.jump(hit.path()),
                    None => self.resend_filter_query(),
                }
                return;
            }
            _ => p.selected,
        };
        self.layers.push(Layer::Palette(p));
    }

    /// The answer to the palette's query: shown, or jumped to when Enter
    /// was pressed before it came.
    pub(super) fn answer_palette(&mut self, ranked: Ranked) {
        let Some(mut p) = self.take_palette() else {
            return;
        };
        p.pending = false;
        p.hits = ranked.hits;
        p.corrected = ranked.corrected;
        p.selected = 0;
        if std::mem::take(&mut p.jump_when_answered) {
            if let Some(hit) = p.hits.first() {
                let path = hit.path();
                self.jump(path);
                return;
            }
            self.message = Some(format!("Nothing matches “{}”", p.query));
        }
        self.layers.push(Layer::Palette(p));
    }

    /// Shows `path` in the tree and the reader, leaving any filter.
    fn jump(&mut self, path: crate::model::NodePath) {
        self.drop_filter();
        self.select_path(path);
        self.focus = Pane::Tree;
    }
}
