//! The reader's tools inside the app: the bookmark note prompt, the
//! bookmark picker, the glossary pane, and copying citations. Their state
//! lives in [`Tool`]; their changes happen here, called from `update`.

use fuzzy_matcher::FuzzyMatcher;

use super::message::{Effect, Msg};
use super::{Action, App, Layer, Pane};
use crate::bookmarks::{MAX_NOTE_CHARS, print::node_text};
use crate::cite;
use std::sync::Arc;

use crate::glossary::Glossary;
use crate::model::NodePath;
use crate::state::{Place, nearest_surviving};

/// The view name saved in the remembered place for the tree and reader.
pub const VIEW_NAME: &str = "browse";

/// The saved view's name for a comparison; the two meeting ids follow it.
pub const COMPARE_VIEW: &str = "compare";

/// A window that takes the keys while it is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tool {
    /// Typing the note of a new (or edited) bookmark.
    Note {
        /// Id of the node being bookmarked.
        id: String,
        /// The note so far.
        text: String,
    },
    /// The list of bookmarks.
    Bookmarks(Picker),
    /// The glossary of acronyms, built when opened.
    Glossary(Picker, Arc<Glossary>),
}

/// A filterable list: what is typed, whether typing goes to the filter,
/// and the selected row of the filtered list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    /// The filter text.
    pub filter: String,
    /// Whether typed characters go to the filter (after the filter key).
    pub typing: bool,
    /// Index into the filtered items.
    pub selected: usize,
    /// The bookmark deleted last, with its note, for `u` to bring back.
    pub deleted: Option<(String, Option<String>)>,
}

/// One row of a picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The node to jump to.
    pub target: String,
    /// First line: breadcrumb, or acronym and expansion.
    pub title: String,
    /// Second line: note or text, or where it is defined.
    pub detail: String,
    /// The target is no longer among the loaded statements.
    pub missing: bool,
}

impl App {
    /// Whether typed characters go to a prompt or filter now.
    pub fn typing(&self) -> bool {
        match self.layers.top() {
            Some(Layer::Palette(_) | Layer::FilterPrompt | Layer::ReaderPrompt) => true,
            Some(Layer::Tool(Tool::Note { .. })) => true,
            Some(Layer::Tool(Tool::Bookmarks(p) | Tool::Glossary(p, _))) => p.typing,
            Some(Layer::Overlay(super::Overlay::Help(h))) => h.typing,
            _ => false,
        }
    }

    /// Where the reader is, for saving at quit.
    pub fn place(&self) -> Place {
        Place {
            selected: self.selected_path().and_then(|p| self.corpus.id_of(p)),
            scroll: self.reader_scroll,
            view: Some(match self.compare() {
                Some(cmp) => {
                    let id = |p| self.corpus.id_of(p).unwrap_or_default();
                    format!(
                        "{COMPARE_VIEW} {} {}",
                        id(cmp.alignment.left),
                        id(cmp.alignment.right)
                    )
                }
                None => VIEW_NAME.into(),
            }),
        }
    }

    /// Hands the queued effects to the event loop, which carries them out.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The rows of the open picker, filtered and ranked.
    pub fn picker_items(&self) -> Vec<Item> {
        match self.tool() {
            Some(Tool::Bookmarks(p)) => self.items(p, None),
            Some(Tool::Glossary(p, g)) => self.items(p, Some(g)),
            _ => Vec::new(),
        }
    }

    /// The rows of picker `p` (of glossary `g`, or else of the bookmarks).
    fn items(&self, p: &Picker, g: Option<&Glossary>) -> Vec<Item> {
        let items = match g {
            Some(g) => glossary_items(g),
            None => self.bookmark_items(),
        };
        let filter = p.filter.as_str();
        if filter.is_empty() {
            return items;
        }
        let matcher = crate::search::matcher();
        let mut scored: Vec<(i64, Item)> = items
            .into_iter()
            .filter_map(|it| {
                let hay = format!("{} {} {}", it.title, it.detail, it.target);
                matcher.fuzzy_match(&hay, filter).map(|s| (s, it))
            })
            .collect();
        scored.sort_by_key(|s| std::cmp::Reverse(s.0));
        scored.into_iter().map(|(_, it)| it).collect()
    }

    /// Bookmarks, newest first.
    fn bookmark_items(&self) -> Vec<Item> {
        let mut list = self.bookmarks.list();
        list.reverse();
        list.into_iter()
            .map(|b| {
                let node = node_text(&self.corpus, &b.id);
                let text = node.as_ref().map(|n| n.1.clone()).unwrap_or_default();
                let detail = match &b.note {
                    Some(n) => format!("note: {n} — {text}"),
                    None => text,
                };
                Item {
                    target: b.id.clone(),
                    title: match &node {
                        Some((crumb, _)) => format!("{crumb}  {}", b.id),
                        None => format!("{}  (missing: not in the loaded statements)", b.id),
                    },
                    detail,
                    missing: node.is_none(),
                }
            })
            .collect()
    }

    /// Handles a message while a tool is open.
    pub(super) fn update_tool(&mut self, tool: Tool, msg: Msg) {
        match tool {
            Tool::Note { id, mut text } => match msg {
                Msg::Type(c) if text.chars().count() < MAX_NOTE_CHARS => {
                    text.push(c);
                    self.layers.push(Layer::Tool(Tool::Note { id, text }));
                }
                Msg::Erase => {
                    text.pop();
                    self.layers.push(Layer::Tool(Tool::Note { id, text }));
                }
                Msg::Action(Action::Open) => {
                    let label = self.corpus.resolve(&id).and_then(|p| self.corpus.breadcrumb(p));
                    let now = (self.clock)();
                    self.bookmarks.set(&id, Some(&text), label, now);
                    self.effects.push(Effect::SaveBookmarks(self.bookmarks.clone()));
                    self.message = Some(format!("Bookmarked {id}"));
                }
                Msg::Action(Action::Close) => {
                    self.message = Some("Not bookmarked".into());
                }
                _ => {
                    self.layers.push(Layer::Tool(Tool::Note { id, text }));
                }
            },
            Tool::Bookmarks(p) => self.update_picker(p, None, msg),
            Tool::Glossary(p, g) => self.update_picker(p, Some(g), msg),
        }
    }

    fn update_picker(&mut self, mut p: Picker, glossary: Option<Arc<Glossary>>, msg: Msg) {
        let reopen = |p: Picker, g: Option<Arc<Glossary>>| match g {
            Some(g) => Tool::Glossary(p, g),
            None => Tool::Bookmarks(p),
        };
        let items = self.items(&p, glossary.as_deref());
        let last = items.len().saturating_sub(1);
        let page = usize::from(crate::layout::body_height(self.size) / 2).max(1);
        match msg {
            Msg::Type(c) if p.typing => {
                p.filter.push(c);
                p.selected = 0;
            }
            Msg::Erase if p.typing => {
                p.filter.pop();
                p.selected = 0;
            }
            Msg::Action(a) => match a.step(p.selected, last, page) {
                Some(selected) => p.selected = selected,
                None => match a {
                    Action::Open | Action::Close if p.typing => {
                        p.typing = false;
                        if a == Action::Close {
                            p.filter.clear();
                            p.selected = 0;
                        }
                    }
                    Action::Filter => p.typing = true,
                    Action::Open => {
                        let target = items.get(p.selected).map(|i| i.target.clone());
                        if let Some(id) = target {
                            self.jump_to(&id);
                        }
                        return;
                    }
                    Action::DeleteBookmark if glossary.is_none() => {
                        if let Some(item) = items.get(p.selected) {
                            let now = (self.clock)();
                            let note = self.bookmarks.get(&item.target).and_then(|b| b.note.clone());
                            self.bookmarks.delete(&item.target, now);
                            self.effects.push(Effect::SaveBookmarks(self.bookmarks.clone()));
                            let undo = self.config.keys.keys_label(Action::Undo);
                            self.message = Some(format!(
                                "Deleted the bookmark of {} ({undo} brings it back)",
                                item.target
                            ));
                            p.deleted = Some((item.target.clone(), note));
                            p.selected = p.selected.min(last.saturating_sub(1));
                        }
                    }
                    Action::Undo if glossary.is_none() => match p.deleted.take() {
                        Some((id, note)) => {
                            let label = self.corpus.resolve(&id).and_then(|p| self.corpus.breadcrumb(p));
                            let now = (self.clock)();
                            self.bookmarks.set(&id, note.as_deref(), label, now);
                            self.effects.push(Effect::SaveBookmarks(self.bookmarks.clone()));
                            self.message = Some(format!("Brought back the bookmark of {id}"));
                        }
                        None => self.message = Some("Nothing to undo".into()),
                    },
                    // `q` closes the window, as in lazygit; Ctrl-c quits.
                    Action::Close | Action::Quit | Action::Bookmarks | Action::Glossary => {
                        return;
                    }
                    _ => {}
                },
            },
            _ => {}
        }
        self.layers.push(Layer::Tool(reopen(p, glossary)));
    }

    /// Selects the node `id`, or its nearest surviving parent.
    fn jump_to(&mut self, id: &str) {
        match nearest_surviving(&self.corpus, id) {
            Some(path) => {
                self.select_path(path);
                self.focus = Pane::Tree;
                let landed = self.corpus.id_of(path).unwrap_or_default();
                if landed != id {
                    self.message = Some(format!("{id} is not loaded; showing {landed}"));
                }
            }
            None => self.message = Some(format!("{id} is not among the loaded statements")),
        }
    }

    /// Handles the tools' keys when no tool is open; false if `action` is not one.
    pub(super) fn start_tool(&mut self, action: Action) -> bool {
        let path = self.selected_path();
        match action {
            Action::Bookmark => match path {
                // A section is quoted by its id as an area is (`…/§/ii-key-outcomes`).
                Some(p @ (NodePath::Section(..) | NodePath::Area(..) | NodePath::Commitment(..))) => {
                    let id = self.corpus.id_of(p).unwrap_or_default();
                    let text = self
                        .bookmarks
                        .get(&id)
                        .and_then(|b| b.note.clone())
                        .unwrap_or_default();
                    self.layers.push(Layer::Tool(Tool::Note { id, text }));
                }
                _ => self.message = Some("Select a commitment, an area or a section to bookmark it".into()),
            },
            // Opens even when empty: the list itself says how to fill it.
            Action::Bookmarks => {
                self.layers.push(Layer::Tool(Tool::Bookmarks(Picker::default())));
            }
            Action::Glossary => {
                let g = self.glossary();
                if g.entries.is_empty() {
                    self.message = Some("The loaded statements define no acronyms".into());
                } else {
                    self.layers
                        .push(Layer::Tool(Tool::Glossary(Picker::default(), g)));
                }
            }
            Action::CopyCitation => self.copy(path),
            Action::CopyAreaCitation => match path.and_then(NodePath::area) {
                Some((p, m, a)) => self.copy(Some(NodePath::Area(p, m, a))),
                None => self.message = Some("Select a commitment or an area to copy its area".into()),
            },
            _ => return false,
        }
        true
    }

    fn copy(&mut self, path: Option<NodePath>) {
        let Some((path, text)) = path.and_then(|p| Some((p, cite::cite(&self.corpus, p)?))) else {
            self.message = Some("Select a commitment, area or meeting to copy its citation".into());
            return;
        };
        let id = self.corpus.id_of(path).unwrap_or_default();
        self.message = Some(match cite::osc52(&text) {
            Ok(seq) => {
                self.effects.push(Effect::Clipboard(seq));
                format!("Copied the citation of {id} to the clipboard")
            }
            Err(e) => format!("Not copied: {e}"),
        });
    }
}

fn glossary_items(g: &Glossary) -> Vec<Item> {
    g.entries
        .iter()
        .map(|d| Item {
            target: d.defined_in.first().cloned().unwrap_or_default(),
            title: format!("{}  {}", d.acronym, d.expansion),
            detail: format!("defined in {}", d.defined_in.join(", ")),
            missing: false,
        })
        .collect()
}

#[cfg(test)]
#[path = "tools_tests.rs"]
mod tests;
