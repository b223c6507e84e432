//! The help's text: keys grouped by where they work, each description
//! wrapped under its key, narrowed by the help's own filter.

use super::doc::{Line, Role, Writer};

/// A group of keys that work in one place (the tree, the reader, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// "Tree", "Reader", ...
    pub title: &'static str,
    /// The keys, or the legend's signs.
    pub entries: Vec<Entry>,
    /// A paragraph after the entries.
    pub note: Option<String>,
}

/// One key (or sign) and what it does there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The keys, as shown (`j/↓`), or a sign of the legend.
    pub keys: String,
    /// What they do.
    pub text: String,
    /// The config file's names of the actions, `[move_down]`.
    pub names: String,
}

/// Whether `entry` of `section` matches the help's filter (in any case, in
/// its keys, words, action names or section title).
fn matches(section: &Section, entry: &Entry, filter: &str) -> bool {
    let f = filter.to_lowercase();
    [section.title, &entry.keys, &entry.text, &entry.names]
        .iter()
        .any(|s| s.to_lowercase().contains(&f))
}

/// The widest key label shown in two columns; longer ones go on a line of their own.
const KEY_COLUMN: usize = 14;

/// The help's lines at `width` columns, keeping only what matches `filter`.
pub fn document(sections: &[Section], filter: &str, width: usize) -> Vec<Line> {
    let mut w = Writer::new(width);
    let filter = filter.trim();
    let column = sections
        .iter()
        .flat_map(|s| &s.entries)
        .map(|e| crate::wrap::width(&e.keys))
        .filter(|&n| n <= KEY_COLUMN)
        .max()
        .unwrap_or(6);
    // Two columns when a description still gets room beside the keys;
    // else each description goes under its key.
    let two_columns = width >= column + 4 + 28;
    let mut any = false;
    for section in sections {
        let entries: Vec<&Entry> = section
            .entries
            .iter()
            .filter(|e| filter.is_empty() || matches(section, e, filter))
            .collect();
        if entries.is_empty() && !(filter.is_empty() && section.note.is_some()) {
            continue;
        }
        any = true;
        w.para(section.title, Role::Title);
        for e in entries {
            let text = if e.names.is_empty() {
                e.text.clone()
            } else {
                format!("{}  {}", e.text, e.names)
            };
            let head = Some((e.text.len(), Role::Plain));
            if two_columns && crate::wrap::width(&e.keys) <= column {
                let label = format!("  {:<column$}  ", e.keys);
                let before = w.lines.len();
                w.marked(&label, &text, Role::Dim, &[], head);
                style_keys(&mut w.lines[before..], label.len());
            } else {
                w.para(&format!("  {}", e.keys), Role::Title);
                w.marked("      ", &text, Role::Dim, &[], head);
            }
        }
        if filter.is_empty()
            && let Some(note) = &section.note
        {
            w.para(note, Role::Plain);
        }
        w.blank();
    }
    if !any {
        w.para(&format!("Nothing in the help matches “{filter}”."), Role::Dim);
    }
    w.lines
}

/// The key column of the first line in the keys' style.
fn style_keys(lines: &mut [Line], _len: usize) {
    if let Some(run) = lines.first_mut().and_then(|l| l.runs.first_mut()) {
        run.role = Role::Title;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections() -> Vec<Section> {
        vec![Section {
            title: "Tree",
            entries: vec![Entry {
                keys: "Enter".into(),
                text: "open: expand, read in the reader, or go to the counterpart".into(),
                names: "[open]".into(),
            }],
            note: None,
        }]
    }

    #[test]
    fn descriptions_wrap_under_their_key_instead_of_being_cut() {
        for width in [76, 40, 24] {
            let lines = document(&sections(), "", width);
            let text: Vec<String> = lines.iter().map(Line::text).collect();
            assert!(text.iter().all(|l| crate::wrap::width(l) <= width), "{text:?}");
            let all = text.join(" ");
            let words = all.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                words.contains("or go to the counterpart [open]"),
                "{width}: {words}"
            );
        }
    }

    #[test]
    fn the_filter_keeps_what_matches() {
        let text = |f: &str| -> String { document(&sections(), f, 60).iter().map(Line::text).collect() };
        assert!(text("counterpart").contains("Enter"));
        assert!(text("zzz").contains("Nothing in the help matches"));
    }
}
