//! Everything a user can ask of the app. Keys map to these in one place
//! ([`super::keymap`]); the names are the config file's vocabulary.

use serde::{Deserialize, Serialize};

/// A user intention, independent of the key that expressed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Move the selection (or scroll the reader) up one line.
    MoveUp,
    /// Move the selection (or scroll the reader) down one line.
    MoveDown,
    /// Go to the first row.
    Top,
    /// Go to the last row.
    Bottom,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// In the tree: collapse, or go to the parent. In the reader: back to the tree.
    Left,
    /// In the tree: expand, or go to the first child. In the reader: nothing.
    Right,
    /// Open the selected node: expand it, or read it in the reader.
    Open,
    /// Move focus to the other pane.
    SwitchPane,
    /// Show every key.
    Help,
    /// Show the problems found while loading.
    Problems,
    /// Close the innermost overlay or prompt.
    Close,
    /// Leave the app.
    Quit,
    /// Suspend to the shell, as Ctrl-z does in every full-screen program;
    /// the shell's `fg` brings the app back, redrawn.
    Suspend,
    /// Bookmark the selected commitment, area or section, with an optional note.
    Bookmark,
    /// Open the bookmark picker.
    Bookmarks,
    /// In the bookmark picker: delete the selected bookmark.
    DeleteBookmark,
    /// Filter the tree in place; in a picker or the glossary: type a filter.
    Filter,
    /// With the tree filtered: go to the next match; in the jump palette: the next item.
    NextMatch,
    /// With the tree filtered: go to the previous match.
    PrevMatch,
    /// Open the jump palette over every meeting, area and commitment; in it: the previous item.
    Palette,
    /// Copy the selected commitment's citation to the clipboard.
    CopyCitation,
    /// Copy the citation of the whole area of the selection.
    CopyAreaCitation,
    /// Open the glossary of acronyms.
    Glossary,
    /// Compare two meetings side by side; in the comparison, choose the meetings.
    Compare,
    /// In the comparison: turn synchronised scrolling on or off.
    ToggleSync,
    /// On a meeting: what changed since the partnership's previous
    /// meeting; in a comparison over time: only the changes.
    WhatChanged,
    /// Make the tree pane wider.
    TreeWider,
    /// Make the tree pane narrower.
    TreeNarrower,
    /// In the bookmarks: bring back the bookmark just deleted.
    Undo,
    /// Internal: Ctrl-c, which quits from anywhere.
    #[serde(skip)]
    QuitNow,
    /// Internal: the terminal now has this many columns and rows.
    #[serde(skip)]
    Resize(u16, u16),
}

impl Action {
    /// Where this action moves a position `at` in a list whose last
    /// position is `last`, shown `page` rows at a time (the tree, a picker,
    /// the reader's or an overlay's scroll); `None` if it is no movement.
    /// Every list moves alike, so that a key means the same everywhere.
    pub fn step(self, at: usize, last: usize, page: usize) -> Option<usize> {
        let page = page.max(1);
        let half = (page / 2).max(1);
        Some(match self {
            Action::MoveDown => at.saturating_add(1).min(last),
            Action::MoveUp => at.saturating_sub(1),
            Action::HalfPageDown => at.saturating_add(half).min(last),
            Action::HalfPageUp => at.saturating_sub(half),
            Action::PageDown => at.saturating_add(page).min(last),
            Action::PageUp => at.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => last,
            _ => return None,
        })
    }

    /// Every action, in the order the help overlay lists them.
    pub const ALL: [Action; 33] = [
        Action::MoveDown,
        Action::MoveUp,
        Action::Left,
        Action::Right,
        Action::Open,
        Action::SwitchPane,
        Action::TreeWider,
        Action::TreeNarrower,
        Action::Top,
        Action::Bottom,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::PageDown,
        Action::PageUp,
        Action::CopyCitation,
        Action::CopyAreaCitation,
        Action::Bookmark,
        Action::Bookmarks,
        Action::DeleteBookmark,
        Action::Undo,
        Action::Glossary,
        Action::Compare,
        Action::ToggleSync,
        Action::WhatChanged,
        Action::Filter,
        Action::NextMatch,
        Action::PrevMatch,
        Action::Palette,
        Action::Help,
        Action::Problems,
        Action::Close,
        Action::Quit,
        Action::Suspend,
    ];

    /// The name used in the config file, e.g. `half_page_down`.
    pub fn name(self) -> String {
        serde_yaml::to_string(&self)
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    }

    /// One line for the help overlay.
    pub fn describe(self) -> &'static str {
        match self {
            Action::MoveUp => "move up / scroll up",
            Action::MoveDown => "move down / scroll down",
            Action::Top => "go to the top",
            Action::Bottom => "go to the bottom",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::PageDown => "a page down",
            Action::PageUp => "a page up",
            Action::Left => "collapse / go to parent / back to the tree / left side",
            Action::Right => "expand / go to first child / to the reader / right side",
            Action::Open => "open: expand, read in the reader, or go to the counterpart",
            Action::SwitchPane => "switch between tree and reader, or the comparison's sides",
            Action::Help => "show or hide this help",
            Action::Problems => "show problems found while loading",
            Action::Close => "close the innermost overlay",
            Action::Quit => "quit (Ctrl-c always quits)",
            Action::Suspend => "suspend to the shell; `fg` comes back",
            Action::Bookmark => "bookmark the commitment, area or section, with a note",
            Action::Bookmarks => "open the bookmarks",
            Action::DeleteBookmark => "in the bookmarks: delete the selected one",
            Action::Filter => "filter the tree; in the bookmarks or glossary: type a filter",
            Action::NextMatch => "next match of the filter; in the jump palette: down",
            Action::PrevMatch => "previous match of the filter",
            Action::Palette => "jump palette: any meeting, area or commitment; there: up",
            Action::CopyCitation => "copy the citation to the clipboard (OSC 52)",
            Action::CopyAreaCitation => "copy the whole area's citation",
            Action::Glossary => "open the glossary of acronyms",
            Action::Compare => "compare two meetings side by side; there, choose the meetings",
            Action::ToggleSync => "in the comparison: synchronised scrolling on/off",
            Action::TreeWider => "make the tree wider",
            Action::TreeNarrower => "make the tree narrower",
            Action::Undo => "in the bookmarks: bring back the one just deleted",
            Action::WhatChanged => {
                "what changed since the partnership's previous meeting; over time, only the changes"
            }
            Action::Resize(..) | Action::QuitNow => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_moves_alike() {
        let at = |a: Action, from: usize| a.step(from, 9, 4);
        assert_eq!(at(Action::MoveDown, 9), Some(9));
        assert_eq!(at(Action::MoveUp, 0), Some(0));
        assert_eq!(at(Action::HalfPageDown, 3), Some(5));
        assert_eq!(at(Action::PageDown, 3), Some(7));
        assert_eq!(at(Action::PageUp, 3), Some(0));
        assert_eq!(at(Action::Bottom, 3), Some(9));
        assert_eq!(at(Action::Top, 3), Some(0));
        assert_eq!(at(Action::Open, 3), None);
        // A page of one row still moves half a page by one.
        assert_eq!(Action::HalfPageDown.step(0, 9, 1), Some(1));
    }

    #[test]
    fn names_are_snake_case_and_round_trip() {
        assert_eq!(Action::HalfPageDown.name(), "half_page_down");
        for a in Action::ALL {
            let parsed: Action = serde_yaml::from_str(&a.name()).unwrap();
            assert_eq!(parsed, a);
        }
    }
}
