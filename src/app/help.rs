//! The help's content, generated from the key map in force: keys grouped
//! by where they work. The README's key table is generated from the same
//! content ([`markdown`]), so the two cannot disagree.

use super::Action;
use super::keymap::KeyMap;
use crate::layout::help::{Entry, Section};

/// The help overlay's state: its scroll and its own filter (`/`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpView {
    /// First line shown.
    pub scroll: usize,
    /// What is typed after `/`.
    pub filter: String,
    /// Whether typed characters go to the filter.
    pub typing: bool,
}

/// Actions and what they do in one place.
type Entries = &'static [(&'static [Action], &'static str)];

/// Where each action works and what it does there, in the help's order.
/// One action may appear in several places, with the words that fit each.
const SECTIONS: &[(&str, Entries)] = &[
    (
        "Everywhere",
        &[
            (&[Action::Help], "show or hide this help; / in it filters it"),
            (&[Action::Close], "close the innermost window, prompt or view"),
            (
                &[Action::Quit],
                "quit; in a window (help, bookmarks, glossary) close it, as in lazygit and less",
            ),
            (
                &[Action::Palette],
                "jump palette: any meeting, area or commitment",
            ),
            (&[Action::Bookmarks], "open the bookmarks"),
            (&[Action::Glossary], "open the glossary of acronyms"),
            (
                &[Action::Compare],
                "compare two meetings side by side; again, back to where you left it",
            ),
            (&[Action::Problems], "show problems found while loading"),
            (&[Action::Suspend], "suspend to the shell; `fg` comes back"),
        ],
    ),
    (
        "Tree",
        &[
            (&[Action::MoveDown, Action::MoveUp], "move down / up"),
            (&[Action::Left], "collapse, or go to the parent"),
            (&[Action::Right], "expand, or go to the first child"),
            (&[Action::Open], "open or close a node; on a commitment, read it"),
            (
                &[Action::WhatChanged],
                "on a meeting: what changed since the partnership's previous one",
            ),
            (&[Action::Top, Action::Bottom], "first / last row"),
            (
                &[Action::HalfPageDown, Action::HalfPageUp],
                "half a page down / up",
            ),
            (&[Action::PageDown, Action::PageUp], "a page down / up"),
            (&[Action::SwitchPane], "switch between tree and reader"),
            (
                &[Action::TreeWider, Action::TreeNarrower],
                "tree wider / narrower",
            ),
            (
                &[Action::Filter],
                "filter the tree as you type (see Search below)",
            ),
            (
                &[Action::NextMatch, Action::PrevMatch],
                "next / previous match of a kept filter",
            ),
            (
                &[Action::Bookmark],
                "bookmark the commitment, area or section, with a note",
            ),
            (
                &[Action::CopyCitation],
                "copy the citation to the clipboard (OSC 52)",
            ),
            (&[Action::CopyAreaCitation], "copy the whole area's citation"),
        ],
    ),
    (
        "Reader",
        &[
            (&[Action::MoveDown, Action::MoveUp], "scroll down / up"),
            (&[Action::Top, Action::Bottom], "top / bottom of the text"),
            (
                &[Action::Filter],
                "search the text, as in less: literal, any case unless the search has a capital",
            ),
            (
                &[Action::NextMatch, Action::PrevMatch],
                "next / previous match of the search",
            ),
            (&[Action::Left], "back to the tree"),
        ],
    ),
    (
        "Filter, reader search and pickers, while typing",
        &[
            (
                &[Action::Open],
                "keep what is typed (the filter goes to the best match)",
            ),
            (&[Action::Close], "clear it and return to where you were"),
        ],
    ),
    (
        "Jump palette",
        &[
            (
                &[Action::NextMatch, Action::Palette],
                "next / previous item (as in fzf)",
            ),
            (&[Action::Open], "jump to the item"),
            (&[Action::Close], "close without moving"),
        ],
    ),
    (
        "Comparison",
        &[
            (
                &[Action::SwitchPane],
                "switch sides, onto what the cursor corresponds to",
            ),
            (&[Action::Left, Action::Right], "left / right side"),
            (&[Action::Open], "go to the counterpart"),
            (&[Action::ToggleSync], "synchronised scrolling on/off"),
            (&[Action::Compare], "choose the two meetings"),
            (
                &[Action::WhatChanged],
                "two meetings of one partnership: only the changes, or everything again",
            ),
            (&[Action::Close], "leave, on the node under the cursor"),
        ],
    ),
    (
        "Bookmarks",
        &[
            (&[Action::Open], "jump to the bookmark"),
            (&[Action::DeleteBookmark], "delete the selected one"),
            (&[Action::Undo], "bring back the one just deleted"),
            (&[Action::Filter], "filter the list"),
        ],
    ),
    (
        "Glossary",
        &[
            (&[Action::Open], "go to where the acronym is defined"),
            (&[Action::Filter], "filter the list"),
        ],
    ),
];

/// The comparison's signs.
const LEGEND: &[(&str, &str)] = &[
    (
        "C I E A",
        "an area's commitments by stance: commit, intend, explore, acknowledge",
    ),
    (
        "[intend]",
        "a commitment's stance; [intend*] when the rules inferred it",
    ),
    (
        "*",
        "after a topic or stance: inferred by the rules, not written in the file",
    ),
    (
        "▶",
        "what the cursor corresponds to on the other side: its closest counterpart in the whole meeting",
    ),
    (
        "▷",
        "a weak counterpart (dimmed): shares only a little; the status line names the words",
    ),
    (
        "no close counterpart",
        "under a commitment: nothing in the other meeting is close enough",
    ),
    (
        "· United States",
        "in a tag: that party undertakes it alone; tallied apart as 'alone C1'",
    ),
    ("↔", "a counterpart area, with the topics the two share"),
    (
        "weaker",
        "areas that share less than a main topic: context, not counterparts",
    ),
    (
        "no counterpart",
        "the other meeting has no area on this subject: one-sided, not joint ground",
    ),
    (
        "[new] [continued]",
        "two meetings of one partnership, earlier left: a later commitment new, or continuing an earlier one",
    ),
    (
        "[firmer] [softer]",
        "continued in firmer (intend → commit) or softer language",
    ),
    (
        "[not followed up]",
        "an earlier commitment (dimmed) that nothing later continues",
    ),
];

/// The sections where printable keys are typed, not actions: only the
/// other keys are listed there.
const TYPING: &[&str] = &["Filter, reader search and pickers, while typing", "Jump palette"];

/// The help's sections for the keys in force.
pub fn sections(keys: &KeyMap) -> Vec<Section> {
    let mut out: Vec<Section> = SECTIONS
        .iter()
        .map(|(title, entries)| Section {
            title,
            entries: entries
                .iter()
                .map(|(actions, text)| entry(keys, actions, text, TYPING.contains(title)))
                .collect(),
            note: None,
        })
        .collect();
    if let Some(reader) = out.iter_mut().find(|s| s.title == "Reader") {
        reader.note = Some(
            "The reader's border shows where you are, as vim's ruler does: All, Top, Bot, or the percentage read."
                .into(),
        );
    }
    if let Some(everywhere) = out.first_mut() {
        everywhere.entries.insert(
            3,
            Entry {
                keys: "Ctrl-c".into(),
                text: "quit from anywhere, whatever the settings say".into(),
                names: String::new(),
            },
        );
    }
    // The legend right after the comparison's keys, so that both show together.
    let at = out
        .iter()
        .position(|s| s.title == "Comparison")
        .map_or(out.len(), |i| i + 1);
    out.insert(
        at,
        Section {
            title: "Comparison: what the signs mean",
            entries: LEGEND
                .iter()
                .map(|(sign, text)| Entry {
                    keys: (*sign).into(),
                    text: (*text).into(),
                    names: String::new(),
                })
                .collect(),
            note: None,
        },
    );
    out.push(Section {
        title: "Search (filter and jump palette)",
        entries: Vec::new(),
        note: Some(crate::search::RULE.to_string()),
    });
    out.push(Section {
        title: "Settings",
        entries: Vec::new(),
        note: Some(
            "Keys can be changed in the config file (`jointly config --path`), by the action names in brackets."
                .into(),
        ),
    });
    out
}

fn entry(keys: &KeyMap, actions: &[Action], text: &str, typing: bool) -> Entry {
    let label: Vec<String> = actions
        .iter()
        .map(|&a| {
            let k: Vec<String> = keys
                .keys(a)
                .iter()
                .filter(|k| !typing || k.printable().is_none())
                .map(ToString::to_string)
                .collect();
            if k.is_empty() {
                "(none)".into()
            } else {
                k.join("/")
            }
        })
        .collect();
    let names: Vec<String> = actions.iter().map(|a| a.name()).collect();
    Entry {
        keys: label.join(" "),
        text: text.into(),
        names: format!("[{}]", names.join(", ")),
    }
}

/// The key tables of the README, in Markdown: the help's sections, keys
/// and words.
pub fn markdown(keys: &KeyMap) -> String {
    let mut out = String::new();
    for s in sections(keys).iter().filter(|s| !s.entries.is_empty()) {
        let head = if s.entries.iter().all(|e| e.names.is_empty()) {
            "| sign | meaning |"
        } else {
            "| keys | action |"
        };
        out.push_str(&format!("**{}**\n\n{head}\n| --- | --- |\n", s.title));
        for e in &s.entries {
            let keys = e.keys.replace('|', "\\|");
            out.push_str(&format!("| `{keys}` | {} |\n", e.text));
        }
        out.push('\n');
    }
    out
}
