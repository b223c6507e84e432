//! Writing a statement file in the layout of the seeds: fixed key order,
//! every text double-quoted on one line, lists indented under their key.
//!
//! serde_yaml would write a valid file, but mixes quoting styles and cannot
//! add the header comment; the importer checks every file written here by
//! loading it back.

use std::fmt::Write;

use super::Note;
use crate::loader::schema::{CommitmentSpec, NonEmpty, StatementFile, fingerprint};

/// The statement file as YAML text, with a header naming its origin.
pub fn write(file: &StatementFile, origin: &str) -> String {
    let mut y = String::new();
    // `quote` escapes line breaks, so the name cannot end the comment early.
    let _ = writeln!(
        y,
        "# jointly statement file, made by `jointly import` from {}.\n\
         # Check the areas against the source, then add topics and stances. Schema: seeds/README.md",
        quote(origin)
    );
    let p = &file.partnership;
    y.push_str("partnership:\n");
    let _ = writeln!(y, "  id: {}", quote(&p.id.0));
    let _ = writeln!(y, "  name: {}", quote(&p.name.0));
    if !p.parties.is_empty() {
        let _ = writeln!(y, "  parties: [{}]", flow(&p.parties));
    }
    let m = &file.meeting;
    y.push_str("meeting:\n");
    if let Some(id) = &m.id {
        let _ = writeln!(y, "  id: {}", quote(&id.0));
    }
    let _ = writeln!(y, "  title: {}", quote(&m.title.0));
    if let Some(d) = &m.dateline {
        let _ = writeln!(y, "  dateline: {}", quote(&d.0));
    }
    let _ = writeln!(y, "  date: {}", quote(&m.date.0.to_string()));
    if let Some(place) = &m.place {
        let _ = writeln!(y, "  place: {}", quote(&place.0));
    }
    if !m.co_chairs.is_empty() {
        y.push_str("  co_chairs:\n");
        for c in &m.co_chairs {
            let _ = writeln!(
                y,
                "    - name: {}\n      role: {}",
                quote(&c.name.0),
                quote(&c.role.0)
            );
        }
    }
    if let Some(s) = &m.source {
        y.push_str("  source:\n");
        if let Some(f) = &s.file {
            let _ = writeln!(y, "    file: {}", quote(&f.0));
        }
        if let Some(u) = &s.url {
            let _ = writeln!(y, "    url: {}", quote(&u.0));
        }
    }
    list(&mut y, "preamble", &file.preamble);
    if file.areas.0.is_empty() {
        y.push_str("areas: []\n");
    } else {
        y.push_str("areas:\n");
    }
    for a in &file.areas.0 {
        let _ = writeln!(y, "  - id: {}", quote(&a.id.0));
        let _ = writeln!(y, "    title: {}", quote(&a.title.0));
        if a.untitled {
            y.push_str("    untitled: true\n");
        }
        if !a.section.is_empty() {
            let _ = writeln!(y, "    section: [{}]", flow(&a.section));
        }
        if !a.intro.is_empty() {
            y.push_str("    intro:\n");
            for i in &a.intro {
                let _ = writeln!(y, "      - {}", quote(&i.0));
            }
        }
        if !a.topics.is_empty() {
            let topics: Vec<String> = a.topics.iter().map(|t| quote(&t.0)).collect();
            let _ = writeln!(y, "    topics: [{}]", topics.join(", "));
        }
        y.push_str("    commitments:\n");
        commitments(&mut y, &a.commitments.0);
        if !a.leads.is_empty() {
            y.push_str("    leads:\n");
            for l in &a.leads {
                let _ = writeln!(
                    y,
                    "      - before: {}\n        text: {}",
                    l.before,
                    quote(&l.text.0)
                );
            }
        }
        if !a.after_areas.is_empty() {
            y.push_str("    after_areas:\n");
            commitments(&mut y, &a.after_areas);
        }
        if !a.outro.is_empty() {
            y.push_str("    outro:\n");
            for o in &a.outro {
                let _ = writeln!(y, "      - {}", quote(&o.0));
            }
        }
    }
    list(&mut y, "closing", &file.closing);
    list(&mut y, "signatories", &file.signatories);
    y
}

/// Appends the importer's findings as a `review:` block, fingerprinted
/// with the text before it so that an edit of the file retires them.
pub fn append_review(y: &mut String, notes: &[Note]) {
    let notes: Vec<&Note> = notes.iter().filter(|n| n.about_text).collect();
    if notes.is_empty() {
        return;
    }
    let fp = fingerprint(y);
    y.push_str("# What `jointly import` was unsure of: `jointly check` and the browser show it until this file is edited.\n");
    let _ = writeln!(y, "review:\n  fingerprint: {}\n  notes:", quote(&fp));
    for n in &notes {
        match n.line {
            Some(l) => {
                let _ = writeln!(y, "    - line: {l}\n      message: {}", quote(&n.message));
            }
            None => {
                let _ = writeln!(y, "    - message: {}", quote(&n.message));
            }
        }
    }
}

/// A list of commitments, at the depth of an area's fields.
fn commitments(y: &mut String, items: &[CommitmentSpec]) {
    for c in items {
        match c {
            CommitmentSpec::Text(t) => {
                let _ = writeln!(y, "      - {}", quote(&t.0));
            }
            CommitmentSpec::Tagged { text, stance } => {
                let _ = writeln!(y, "      - text: {}", quote(&text.0));
                if let Some(s) = stance {
                    let _ = writeln!(y, "        stance: {}", s.0.as_str());
                }
            }
        }
    }
}

fn list(y: &mut String, key: &str, items: &[NonEmpty]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(y, "{key}:");
    for i in items {
        let _ = writeln!(y, "  - {}", quote(&i.0));
    }
}

fn flow(items: &[NonEmpty]) -> String {
    items.iter().map(|i| quote(&i.0)).collect::<Vec<_>>().join(", ")
}

/// A YAML double-quoted scalar. Everything outside YAML's printable set,
/// and the characters that would end or bend the line, is escaped.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if printable(c) => out.push(c),
            c if (c as u32) <= 0xff => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            c if (c as u32) <= 0xffff => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => {
                let _ = write!(out, "\\U{:08X}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// YAML 1.2's printable characters, less the byte-order mark and the line
/// and paragraph separators, which some readers treat as line breaks.
fn printable(c: char) -> bool {
    matches!(c as u32,
        0x20..=0x7e | 0xa0..=0x2027 | 0x202a..=0xd7ff | 0xe000..=0xfefe | 0xff00..=0xfffd | 0x10000..=0x10ffff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_round_trips() {
        for s in [
            "plain",
            "a \"b\" \\ c",
            "x\u{1}y\u{7f}\u{85}\u{feff}\u{2028}\u{fffe}",
            "# not a comment",
            "null",
            "é 😀",
        ] {
            let back: String = serde_yaml::from_str(&quote(s)).unwrap();
            assert_eq!(back, s);
        }
        assert_eq!(quote("Singapore’s \"AI\""), "\"Singapore’s \\\"AI\\\"\"");
    }
}
