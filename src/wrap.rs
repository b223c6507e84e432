//! Word wrapping by display width, and making loaded text safe to draw.

use std::borrow::Cow;
use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// Replaces control characters (which could move the cursor or change the
/// terminal's state if printed) with U+FFFD, one char for one char, so that
/// character positions (such as match highlights) stay valid. Tabs and line
/// breaks become spaces.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(sanitize_char).collect())
}

/// One character as [`sanitize`] makes it.
pub fn sanitize_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => ' ',
        c if c.is_control() => '\u{FFFD}',
        c => c,
    }
}

/// Display width of a string in terminal cells.
pub fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
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
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if c == ' ' {
            last_space = Some((i, line_width));
        }
        if line_width + w > max && i > start {
            match last_space.filter(|&(s, _)| s > start) {
                Some((s, before)) if c != ' ' => {
                    lines.push(start..s);
                    start = s + 1;
                    line_width -= before + 1;
                }
                _ => {
                    lines.push(start..i);
                    start = if c == ' ' { i + 1 } else { i };
                    line_width = 0;
                    if c == ' ' {
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
