//! JSON for other programs: lossless, and harmless in a terminal.
//!
//! A program reading `--format json` must get the statement's text exactly,
//! so JSON never goes through [`super::Plain`], which replaces characters.
//! Someone may still print it to a terminal (`jointly show ID --format json`
//! without `jq`), so every character that [`super::is_unsafe`] names (C0, DEL
//! and C1 controls, bidirectional controls, zero-width and invisible format
//! characters, line and paragraph separators) is written as a `\uXXXX`
//! escape, which any JSON reader turns back into the character.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CharEscape, Formatter, PrettyFormatter};

/// Writes `value` as indented JSON and a line break, every character that
/// could act on a terminal escaped.
pub fn write<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, Harmless::default());
    value.serialize(&mut ser).map_err(io::Error::from)?;
    writeln!(out)
}

/// serde_json's pretty formatter, with the characters it writes as they are
/// inside strings narrowed to those that cannot act on a terminal. serde_json
/// escapes C0 controls, quotes and backslashes itself; the rest of
/// [`super::is_unsafe`] is escaped here.
#[derive(Default)]
struct Harmless(PrettyFormatter<'static>);

impl Formatter for Harmless {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if !super::is_unsafe(c) {
                continue;
            }
            w.write_all(&fragment.as_bytes()[start..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(w, "\\u{unit:04x}")?;
            }
            start = at + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[start..])
    }

    fn write_char_escape<W: ?Sized + Write>(&mut self, w: &mut W, escape: CharEscape) -> io::Result<()> {
        self.0.write_char_escape(w, escape)
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        write(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn characters_that_act_on_a_terminal_are_escaped_and_read_back_exactly() {
        let text = "a\u{202E}b\u{200B}c\u{1b}[2J\u{9b}d\u{7f}e\u{2066}f\u{2028}g\u{FEFF}h\u{061C}i\u{200E}j";
        let value = serde_json::json!({ "k\u{202E}ey": text, "list": [text] });
        let json = written(&value);
        for c in json.chars() {
            assert!(!crate::output::is_unsafe(c) || c == '\n', "raw {:?} in {json}", c);
        }
        assert!(json.contains("\\u202e"), "{json}");
        assert!(json.contains("\\u001b"), "{json}");
        assert!(json.contains("\\u009b"), "{json}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn ordinary_text_and_the_shape_are_as_serde_json_pretty_writes_them() {
        let value = serde_json::json!({ "a": ["é, 中文, \"q\" \\ 👩‍🔬", 1, null], "b": {} });
        let mut expected = serde_json::to_string_pretty(&value).unwrap();
        expected.push('\n');
        assert_eq!(written(&value), expected);
    }
}
