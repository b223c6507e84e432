//! Word wrapping by display width, and making loaded text safe to draw.

use std::borrow::Cow;
use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The most characters of one text the browser draws: some ten pages, more
/// than any paragraph of a statement. Past it the text is cut with "…", so
/// that a 20 MB word costs a frame no more than this does (the command line
/// prints it whole).
pub const MAX_DRAWN_CHARS: usize = 50_000;

/// Text as the browser draws it: cut at [`MAX_DRAWN_CHARS`] (ending with
/// "…"), control characters (which could move the cursor or change the
/// terminal's state if printed) and invisible characters that reorder text
/// (the rule of [`crate::output::is_unsafe`]) replaced with U+FFFD, one
/// char for one char, so that character positions (such as match
/// highlights) stay valid. Tabs and line breaks become spaces. It reads at
/// most [`MAX_DRAWN_CHARS`] characters of `s`, whatever its length.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    let (head, cut) = head(s, MAX_DRAWN_CHARS);
    let clean = sanitize_all(head);
    if !cut {
        return clean;
    }
    let mut out = clean.into_owned();
    out.push('…');
    Cow::Owned(out)
}

/// As [`sanitize`], whatever the length: for printing, where nothing is cut.
pub fn sanitize_all(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() || crate::output::is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(sanitize_char).collect())
}

/// The first `max` characters of `s`, and whether that left any out; reads
/// no further than it returns.
pub fn head(s: &str, max: usize) -> (&str, bool) {
    // A character takes at most four bytes, so a short enough text is whole.
    if s.len() <= max {
        return (s, false);
    }
    match s.char_indices().nth(max) {
        Some((at, _)) => (&s[..at], true),
        None => (s, false),
    }
}

/// One character as [`sanitize`] makes it.
pub fn sanitize_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => ' ',
        c if crate::output::is_unsafe(c) => '\u{FFFD}',
        c => c,
    }
}

/// Display width of a string in terminal cells, measured per grapheme as
/// ratatui's buffer measures it (an emoji with a skin tone, a flag or a
/// ZWJ sequence is one grapheme of width 2, not the sum of its chars).
pub fn width(s: &str) -> usize {
    // Printable ASCII is one cell a byte, each byte its own grapheme: most
    // titles are, and segmenting them costs the tree a millisecond per
    // thousand rows (it measures every row when its rows change).
    if s.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return s.len();
    }
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Cuts `s` to `max` cells, ending with "…" when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = width(c.encode_utf8(&mut [0; 4]));
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// Splits `text` into lines no wider than `max` cells, breaking at spaces
/// where it can and inside a word only when the word alone is too wide.
/// Returns byte ranges into `text`; spaces at a break are left out.
pub fn wrap(text: &str, max: usize) -> Vec<Range<usize>> {
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut start = 0; // start of the current line
    let mut line_width = 0;
    let mut last_space: Option<(usize, usize)> = None; // (byte index, width before it)
    for (i, g) in text.grapheme_indices(true) {
        let w = g.width();
        let space = g == " ";
        if space {
            last_space = Some((i, line_width));
        }
        if line_width + w > max && i > start {
            match last_space.filter(|&(s, _)| s > start) {
                Some((s, before)) if !space => {
                    lines.push(start..s);
                    start = s + 1;
                    line_width -= before + 1;
                }
                _ => {
                    lines.push(start..i);
                    start = if space { i + 1 } else { i };
                    line_width = 0;
                    if space {
                        last_space = None;
                        continue;
                    }
                }
            }
            last_space = None;
        }
        line_width += w;
    }
    if start < text.len() || lines.is_empty() {
        lines.push(start..text.len());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(text: &str, max: usize) -> Vec<&str> {
        wrap(text, max).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn breaks_at_spaces() {
        assert_eq!(wrapped("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrapped("one two", 20), ["one two"]);
        assert_eq!(wrapped("", 5), [""]);
    }

    #[test]
    fn cuts_words_longer_than_a_line() {
        assert_eq!(wrapped("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrapped("a abcdefgh", 4), ["a", "abcd", "efgh"]);
    }

    #[test]
    fn counts_wide_characters_as_two_cells() {
        assert_eq!(wrapped("新加坡 欧盟 合作", 6), ["新加坡", "欧盟", "合作"]);
        for line in wrapped("😀😀😀😀😀", 3) {
            assert!(width(line) <= 3, "{line}");
        }
    }

    #[test]
    fn measures_graphemes_as_ratatui_does() {
        // Thumbs up with a skin tone, a family joined by ZWJ, a flag, "é" as
        // e + combining accent: each is one grapheme, drawn in one cell pair
        // (or one cell), not one per char.
        for (s, cells) in [
            ("\u{1F44D}\u{1F3FD}", 2),
            ("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", 2),
            ("\u{1F1F8}\u{1F1EC}", 2),
            ("e\u{301}", 1),
        ] {
            assert_eq!(width(s), cells, "{s}");
            let line = ratatui::text::Line::raw(s);
            assert_eq!(width(s), line.width(), "{s}");
        }
        // A grapheme is never split across lines.
        let s = "ab \u{1F44D}\u{1F3FD}\u{1F44D}\u{1F3FD}";
        assert_eq!(wrapped(s, 2), ["ab", "\u{1F44D}\u{1F3FD}", "\u{1F44D}\u{1F3FD}"]);
    }

    #[test]
    fn printable_ascii_measures_as_graphemes_do() {
        let ascii: String = (b' '..=b'~').map(char::from).collect();
        let slow = |s: &str| s.graphemes(true).map(UnicodeWidthStr::width).sum::<usize>();
        for s in [ascii.as_str(), "", "Quad Critical and Emerging Technology"] {
            assert_eq!(width(s), slow(s), "{s}");
            assert_eq!(width(s), ratatui::text::Line::raw(s).width(), "{s}");
        }
        // Not printable ASCII: measured by graphemes.
        assert_eq!(width("a\u{301}b"), 2);
        assert_eq!(width("a\r\nb"), slow("a\r\nb"));
    }

    #[test]
    fn width_one_never_loops() {
        let lines = wrapped("ab cd", 1);
        assert!(lines.iter().all(|l| width(l) <= 1));
        assert_eq!(lines.concat(), "abcd");
    }

    #[test]
    fn sanitize_replaces_control_characters_one_for_one() {
        let s = "a\u{1b}[2Jb\tc\u{9b}d";
        let clean = sanitize(s);
        assert_eq!(clean, "a\u{FFFD}[2Jb c\u{FFFD}d");
        assert_eq!(clean.chars().count(), s.chars().count());
        assert!(matches!(sanitize("plain"), Cow::Borrowed(_)));
    }
}
