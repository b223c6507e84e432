//! Drawing matched characters: a search's byte offsets turned into styled
//! spans of the text as the view shows it.

use ratatui::style::Style;
use ratatui::text::Span;

use crate::search::{Field, FieldMatch};

/// The matched characters (character indices) of `field` among `found`.
pub fn in_field(found: &[FieldMatch], field: Field) -> Vec<usize> {
    found
        .iter()
        .find(|f| f.field == field)
        .map(FieldMatch::chars)
        .unwrap_or_default()
}

/// `text` as spans in `base` style, the characters at `marked` (character
/// indices, ascending) in `base` patched with `matched`.
pub fn spans(text: &str, marked: &[usize], base: Style, matched: Style) -> Vec<Span<'static>> {
    if marked.is_empty() {
        return vec![Span::styled(text.to_string(), base)];
    }
    let mut out = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    for (i, c) in text.chars().enumerate() {
        let m = marked.binary_search(&i).is_ok();
        if m != run_marked && !run.is_empty() {
            let style = if run_marked { base.patch(matched) } else { base };
            out.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_marked = m;
        run.push(c);
    }
    if !run.is_empty() {
        let style = if run_marked { base.patch(matched) } else { base };
        out.push(Span::styled(run, style));
    }
    out
}

/// `marked` shifted by `by` characters, keeping those in `0..len`: the
/// layout's own, which the reader's wrapping uses too.
pub use crate::layout::doc::shifted;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{Field, FieldMatch};
    use ratatui::style::Modifier;

    #[test]
    fn marked_characters_become_their_own_spans() {
        let fm = FieldMatch {
            field: Field::Text,
            text: "financial scams".into(),
            bytes: vec![10, 11, 12, 13],
        };
        let marked = fm.chars();
        assert_eq!(marked, [10, 11, 12, 13]);
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let s = spans(&fm.text, &marked, Style::new(), bold);
        let parts: Vec<(&str, bool)> = s.iter().map(|s| (s.content.as_ref(), s.style == bold)).collect();
        assert_eq!(parts, [("financial ", false), ("scam", true), ("s", false)]);
        assert_eq!(shifted(&marked, -10, 3), [0, 1, 2]);
    }

    #[test]
    fn character_indices_count_characters_not_bytes() {
        let fm = FieldMatch {
            field: Field::Text,
            text: "EU’s scams".into(),
            bytes: vec![7],
        };
        assert_eq!(fm.chars(), [5]);
    }
}
