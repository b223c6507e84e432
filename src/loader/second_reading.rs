//! A second reading of a source, independent of the block parser
//! ([`super::markdown`], pulldown-cmark), for the fidelity check.
//!
//! The tree's text is compared with the source as the block parser reads it
//! ([`super::fidelity`]); a mark the parser dropped would be dropped on both
//! sides and go unseen. This reading is a deliberately simple markup
//! stripper that shares no code with the parser: it removes markdown and
//! HTML syntax and keeps every word and punctuation mark a reader sees.
//! The tree's text and this reading are then compared as token sequences
//! (words and single punctuation marks), ignoring white space and the
//! characters that are markup wherever they stand (`*`, `_`, `` ` ``, `#`,
//! zero-width characters).
//!
//! Where the two readings differ by design, both are normalised the same
//! way: a colon, full stop or dash next to emphasis markup (`**Quantum:**`,
//! `**AI**:`, `**Costa Rica** *–*`) may be missing from the tree, since the
//! fidelity rule makes it markup where it closes a bold lead-in; entities are
//! decoded once (`&amp;lt;` reads `&lt;`); a link keeps its text and loses
//! its target; an image is nothing.

use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};

use super::fidelity::Markup;

/// Characters that are markup wherever they stand, on both sides.
fn ignored(c: char) -> bool {
    matches!(
        c,
        '*' | '_' | '`' | '#' | '\\' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// One word or punctuation mark of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word (without the characters that are always markup), or the mark.
    pub text: String,
    /// Its source line (1-based).
    pub line: u32,
    /// Whether the tree may leave it out (a mark closing a bold lead-in).
    pub optional: bool,
}

/// Where the tree's text and the source's second reading part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// The source line where they part (the last line when the tree goes on past the source).
    pub line: u32,
    /// The tree's text from there (a few tokens).
    pub tree: String,
    /// The source's text from there (a few tokens).
    pub source: String,
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "read without the markdown parser, the source says \"{}\" where the tree says \"{}\"",
            self.source, self.tree
        )
    }
}

/// A token: a byte range of a text. Words keep the markup characters
/// inside them (`t*raining`), which every comparison leaves out.
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: u32,
    end: u32,
    optional: bool,
    /// The line's block markers it is part of (optional as a whole run), 0 if none.
    marker: u32,
}

/// A byte offset as stored in a token (the files read are at most 32 MiB).
fn offset(k: usize) -> u32 {
    u32::try_from(k).unwrap_or(u32::MAX)
}

/// A text cut into tokens, with the source line where each of its lines starts.
#[derive(Debug, Default)]
struct Reading<'a> {
    text: Cow<'a, str>,
    /// (byte offset in `text`, source line), in order.
    lines: Vec<(usize, u32)>,
    tokens: Vec<Tok>,
}

impl Reading<'_> {
    fn str(&self, i: usize) -> &str {
        let t = self.tokens[i];
        self.text.get(t.start as usize..t.end as usize).unwrap_or("")
    }

    fn line(&self, i: usize) -> u32 {
        let at = self.tokens.get(i).map_or(self.text.len(), |t| t.start as usize);
        let k = self.lines.partition_point(|&(start, _)| start <= at);
        k.checked_sub(1)
            .and_then(|k| self.lines.get(k))
            .map_or(1, |&(_, l)| l)
    }

    /// Up to eight tokens from `from`, for messages.
    fn shown(&self, from: usize) -> String {
        (from..self.tokens.len().min(from + 8))
            .map(|i| bare(self.str(i)))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Cuts `text` into tokens; a colon, full stop or dash next to emphasis
    /// markup on its line is optional when `marks` says so.
    fn cut(&mut self, marks: bool) {
        let text: &str = &self.text;
        let is_emphasis = |c: Option<char>| matches!(c, Some('*' | '_'));
        // The nearest character on the same line that is not white space.
        let before = |k: usize| text[..k].chars().rev().find(|&c| c == '\n' || !c.is_whitespace());
        let after = |k: usize| text[k..].chars().find(|&c| c == '\n' || !c.is_whitespace());
        let mut word: Option<(usize, bool)> = None;
        let mut in_optional = false;
        let mut region = 0;
        for (k, c) in text.char_indices() {
            if c == OPTIONAL || c == END_OPTIONAL {
                if let Some((start, true)) = word.take() {
                    self.tokens.push(Tok {
                        start: offset(start),
                        end: offset(k),
                        optional: in_optional,
                        marker: if in_optional { region } else { 0 },
                    });
                }
                in_optional = c == OPTIONAL;
                region += u32::from(in_optional);
                continue;
            }
            if c.is_alphanumeric() || ignored(c) {
                let w = word.get_or_insert((k, false));
                w.1 |= c.is_alphanumeric();
                continue;
            }
            if let Some((start, true)) = word.take() {
                self.tokens.push(Tok {
                    start: offset(start),
                    end: offset(k),
                    optional: in_optional,
                    marker: if in_optional { region } else { 0 },
                });
            }
            if c.is_whitespace() {
                continue;
            }
            let end = k + c.len_utf8();
            // A mark next to emphasis, or a colon ending a line (a wholly
            // bold block's, whose bold may open lines before).
            let optional = in_optional
                || (marks
                    && matches!(c, ':' | '.' | '-' | '–' | '—')
                    && (is_emphasis(before(k))
                        || is_emphasis(after(end))
                        || (c == ':' && matches!(after(end), None | Some('\n')))));
            self.tokens.push(Tok {
                start: offset(k),
                end: offset(end),
                optional,
                marker: if in_optional { region } else { 0 },
            });
        }
        if let Some((start, true)) = word {
            self.tokens.push(Tok {
                start: offset(start),
                end: offset(text.len()),
                optional: false,
                marker: 0,
            });
        }
    }
}

/// A word without the characters that are always markup.
fn bare(s: &str) -> String {
    s.chars().filter(|&c| !ignored(c)).collect()
}

/// Whether two tokens read the same, markup characters aside.
fn same(a: &str, b: &str) -> bool {
    a == b
        || a.chars()
            .filter(|&c| !ignored(c))
            .eq(b.chars().filter(|&c| !ignored(c)))
}

/// Splits `s` into words (runs of letters and digits) and single marks,
/// leaving out white space and the characters that are always markup.
pub fn tokens(s: &str) -> Vec<String> {
    let mut r = Reading {
        text: Cow::Borrowed(s),
        ..Reading::default()
    };
    r.cut(false);
    (0..r.tokens.len()).map(|i| bare(r.str(i))).collect()
}

/// How far ahead in the source a run of the tree is looked for, in tokens.
const WINDOW: usize = 4000;

/// Compares the tree's text with the second reading of its source.
///
/// The two are read in step. Where they part, the tree's next tokens are
/// looked for a little further in the source: the source's tokens skipped
/// to get there are set aside, and the tree may use them later, since the
/// block model moves a list item's text after its nested list back to the
/// item (`- Parent` / `  - nested` / `  More of parent.`). Anything set
/// aside and never used, or a token of the tree found nowhere, is a
/// mismatch. Moves are the first check's to catch ([`super::fidelity`]);
/// this one is about every word and mark being there.
pub fn compare(tree: &str, source: &str, markup: Markup) -> Result<(), Mismatch> {
    let src = reading(source, markup);
    let mut t = Reading {
        text: Cow::Borrowed(tree),
        ..Reading::default()
    };
    t.cut(false);
    let n = t.tokens.len();
    // Source tokens set aside (by index), whether the tree used each, and
    // the unused ones by their bare text, earliest first.
    let mut aside: Vec<(usize, bool)> = Vec::new();
    let mut unused: HashMap<String, VecDeque<usize>> = HashMap::new();
    let (mut i, mut j) = (0, 0);
    while i < n {
        let word = t.str(i);
        if j < src.tokens.len() {
            if src.tokens[j].marker > 0 {
                // A line's markers (`1.`) are in the tree whole or not at all.
                let run = src.tokens[j].marker;
                let k = (j..src.tokens.len())
                    .find(|&k| src.tokens[k].marker != run)
                    .unwrap_or(src.tokens.len());
                if k - j <= n - i && (0..k - j).all(|r| same(t.str(i + r), src.str(j + r))) {
                    i += k - j;
                }
                j = k;
                continue;
            }
            if same(word, src.str(j)) {
                i += 1;
                j += 1;
                continue;
            }
            if src.tokens[j].optional {
                j += 1;
                continue;
            }
        }
        // Where markup between two words was taken out, the tree may join
        // them (`A**:**1` reads "A1"); or keep apart what the source joins.
        if let Some((di, dj)) = joined(&t, i, &src, j) {
            i += di;
            j += dj;
            continue;
        }
        if let Some(k) = unused.get_mut(&bare(word)).and_then(VecDeque::pop_front) {
            aside[k].1 = true;
            i += 1;
            continue;
        }
        let run = (i + 4).min(n) - i;
        let ahead = (1..=WINDOW)
            .take_while(|d| j + d + run <= src.tokens.len())
            .find(|&d| (0..run).all(|r| same(t.str(i + r), src.str(j + d + r))));
        let Some(d) = ahead else {
            return Err(Mismatch {
                line: src.line(j.min(src.tokens.len().saturating_sub(1))),
                tree: t.shown(i),
                source: src.shown(j),
            });
        };
        for k in (j..j + d).filter(|&k| !src.tokens[k].optional) {
            unused.entry(bare(src.str(k))).or_default().push_back(aside.len());
            aside.push((k, false));
        }
        j += d;
    }
    // What the tree never said: what was set aside, or the rest of the source.
    let left = aside
        .iter()
        .filter(|(_, used)| !used)
        .map(|&(k, _)| k)
        .chain((j..src.tokens.len()).filter(|&k| !src.tokens[k].optional))
        .next();
    match left {
        Some(k) => Err(Mismatch {
            line: src.line(k),
            tree: "…".to_string(),
            source: src.shown(k),
        }),
        None => Ok(()),
    }
}

/// Whether the tree's tokens from `i` and the source's from `j` (optional
/// ones left out) spell the same characters up to a common end within a
/// few tokens: how many of each they take.
fn joined(t: &Reading, i: usize, src: &Reading, j: usize) -> Option<(usize, usize)> {
    let (mut a, mut b) = (String::new(), String::new());
    let (mut di, mut dj) = (0, 0);
    while di + dj < 8 {
        if a.len() <= b.len() {
            if i + di >= t.tokens.len() {
                return None;
            }
            a.push_str(&bare(t.str(i + di)));
            di += 1;
        } else {
            let k = (j + dj..src.tokens.len()).find(|&k| !src.tokens[k].optional)?;
            b.push_str(&bare(src.str(k)));
            dj = k + 1 - j;
        }
        if a == b && di > 0 && dj > 0 && (di > 1 || dj > 1) {
            return Some((di, dj));
        }
        if !a.starts_with(&b) && !b.starts_with(&a) {
            return None;
        }
    }
    None
}

/// The tokens a reader sees in `source`, with their lines.
pub fn read(source: &str, markup: Markup) -> Vec<Token> {
    let r = reading(source, markup);
    (0..r.tokens.len())
        .map(|i| Token {
            text: bare(r.str(i)),
            line: r.line(i),
            optional: r.tokens[i].optional,
        })
        .collect()
}

fn reading(source: &str, markup: Markup) -> Reading<'static> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut r = match markup {
        Markup::Plain => read_plain(source),
        Markup::Markdown => read_markdown(source),
    };
    r.cut(markup == Markup::Markdown);
    r
}

fn line_no(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

/// Plain text: each line without the list marker or numbering that opens
/// it, and without lines that are only an end mark.
fn read_plain(source: &str) -> Reading<'static> {
    let mut r = Reading::default();
    let mut text = String::with_capacity(source.len());
    for (i, line) in source.lines().enumerate() {
        let t = line.trim();
        if ["###", "***", "---", "# # #"].contains(&t) {
            continue;
        }
        r.lines.push((text.len(), line_no(i)));
        text.push_str(drop_marker(t));
        text.push('\n');
    }
    r.text = Cow::Owned(text);
    r
}

/// A line without its opening list marker (`-`, `•`, `1.`, `(a)`, `iv)`)
/// where white space follows it.
fn drop_marker(t: &str) -> &str {
    let end = if t.starts_with(['-', '*', '+', '•', '·', '–']) {
        t.chars().next().map(char::len_utf8)
    } else {
        let (open, rest) = match t.strip_prefix('(') {
            Some(r) => (1, r),
            None => (0, t),
        };
        let label = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .filter(|&n| n > 0)
            .filter(|&n| {
                let l = &rest[..n];
                let numeral = |set: &str| l.chars().all(|c| set.contains(c));
                (n <= 3 && l.chars().all(|c| c.is_ascii_digit()))
                    || n == 1
                    || (n <= 5 && (numeral("ivxlc") || numeral("IVXLC")))
            });
        label.and_then(|n| {
            let close = rest[n..].chars().next()?;
            let ok = if open == 1 {
                close == ')'
            } else {
                close == '.' || close == ')'
            };
            ok.then_some(open + n + 1)
        })
    };
    match end {
        Some(n) if t[n..].starts_with(char::is_whitespace) => t[n..].trim_start(),
        _ => t,
    }
}

/// A markdown source read without a markdown parser: the front matter's
/// title, then every line without its block markup (indentation, `>`,
/// list markers, `#`, rules), inline HTML, comments, images and link
/// targets removed, escapes resolved and entities decoded.
fn read_markdown(source: &str) -> Reading<'static> {
    let lines: Vec<&str> = source
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut r = Reading::default();
    let mut start = 0;
    if lines.first().is_some_and(|l| l.trim_end() == "---")
        && let Some(close) = lines
            .iter()
            .skip(1)
            .position(|l| matches!(l.trim_end(), "---" | "..."))
    {
        let front = lines[1..=close].join("\n");
        let title_line = lines[1..=close]
            .iter()
            .position(|l| l.starts_with("title:"))
            .map_or(1, |k| line_no(k + 1));
        if let Some(title) = super::yaml::from_str::<serde_yaml::Value>(&front)
            .ok()
            .and_then(|v| v.get("title").and_then(|t| t.as_str().map(str::to_string)))
        {
            r.lines.push((0, title_line));
            r.text = Cow::Owned(title + "\n");
        }
        start = close + 2;
    }
    // The text of every line after its block markup, as one text with the
    // line where each starts, so that links, tags and comments may span lines.
    let mut text = String::with_capacity(source.len());
    let mut starts: Vec<(usize, u32)> = Vec::new();
    // A lone carriage return ends a line too (the line numbers count `\n`).
    let parts = lines
        .iter()
        .enumerate()
        .skip(start)
        .flat_map(|(i, l)| l.split('\r').map(move |p| (i, p)));
    for (i, raw) in parts {
        let (markers, rest) = block_markup(raw);
        starts.push((text.len(), line_no(i)));
        if !markers.is_empty() {
            text.push(OPTIONAL);
            text.push_str(markers);
            text.push(END_OPTIONAL);
        }
        text.push_str(rest);
        if rest.starts_with('#') && rest.ends_with('\\') {
            // A heading's last backslash is text: no line break follows a heading.
            text.push(' ');
        }
        text.push('\n');
    }
    inline(&text, &starts, &mut r);
    r
}

/// Opens and closes a stretch of the text whose tokens the tree may leave out.
const OPTIONAL: char = '\u{e000}';
const END_OPTIONAL: char = '\u{e001}';

/// A line cut into its block markers and the rest. The markers (`>`, a
/// bullet, a number such as `1.` or `12)`, a rule or setext underline, an
/// end mark) are what the parser may read as markup or as text, depending
/// on what goes before (a number inside a paragraph is text, `---` under a
/// paragraph underlines it, four columns in is code): their tokens are
/// optional, so that this reading does not have to decide.
fn block_markup(raw: &str) -> (&str, &str) {
    // Markdown's white space around a line is spaces and tabs only
    // (trailing white space stays: `\` then a tab is no line break).
    let line = raw.trim_start_matches([' ', '\t']);
    let rule = |t: &str| {
        t.chars().all(|c| {
            matches!(
                c,
                '-' | '='
                    | '*'
                    | '_'
                    | '#'
                    | ' '
                    | '\t'
                    | '\u{200b}'
                    | '\u{200c}'
                    | '\u{200d}'
                    | '\u{2060}'
                    | '\u{feff}'
            )
        })
    };
    if rule(line) {
        return (line, "");
    }
    // A link reference definition.
    if line.starts_with('[') && line.contains("]:") && !line.contains("](") {
        return ("", "");
    }
    let mut t = line;
    loop {
        if let Some(r) = t.strip_prefix('>') {
            t = r.trim_start_matches([' ', '\t']);
            continue;
        }
        let spaced = |r: &str| r.is_empty() || r.starts_with([' ', '\t']);
        let bullet = t.strip_prefix(['-', '+', '*']).filter(|r| spaced(r));
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        let number = (1..=9)
            .contains(&digits)
            .then(|| t[digits..].strip_prefix(['.', ')']))
            .flatten()
            .filter(|r| spaced(r));
        match bullet.or(number) {
            Some(r) => t = r.trim_start_matches([' ', '\t']),
            None => break,
        }
    }
    let markers = &line[..line.len() - t.len()];
    if t.starts_with('#') && is_end_mark(t.trim_start_matches('#')) || (!markers.is_empty() && rule(t)) {
        // A heading or an item of end marks only (`# ---`, `* ---`).
        return (line, "");
    }
    (markers, t)
}

/// Only the marks of a rule or an end mark (`---`, `***`, `###`), three or more.
fn is_end_mark(t: &str) -> bool {
    t.chars().all(|c| matches!(c, '#' | '*' | '-' | '_' | ' ' | '\t'))
        && t.chars().filter(|c| !c.is_whitespace()).count() >= 3
}

/// Decodes the entity at the start of `s` (`&amp;`, `&#8217;`): the
/// character and the entity's byte length.
fn entity_at(s: &str) -> Option<(char, usize)> {
    let end = s.bytes().take(34).position(|b| b == b';')?;
    let name = s.get(1..end).filter(|n| !n.is_empty())?;
    super::markdown::entity(name).map(|c| (c, end + 1))
}

/// The byte length up to the `>` of an HTML tag opening `s`: `<` then a
/// letter, `/`, `!` or `?`.
fn tag_at(s: &str) -> Option<usize> {
    let next = s[1..].chars().next()?;
    if matches!(next, '!' | '?') {
        return s.find('>');
    }
    // A tag name: ASCII letters, digits and hyphens, then `>`, `/` or white space.
    let name = s[1..].strip_prefix('/').unwrap_or(&s[1..]);
    let len = name
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(name.len());
    let after = name[len..].chars().next()?;
    let ok = len > 0
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && (after == '>' || after == '/' || after.is_whitespace());
    if ok { s.find('>') } else { None }
}

/// A link `[text](target)` opening `s`: the byte offset of the `]` that
/// ends its text, and of the end of the link (after the `)`).
fn link_at(s: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut depth = 0;
    let mut k = 0;
    let close = loop {
        match *b.get(k)? {
            b'\\' => k += 1,
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    break k;
                }
            }
            _ => {}
        }
        k += 1;
    };
    if b.get(close + 1) != Some(&b'(') {
        return None;
    }
    let mut parens = 0;
    for (j, &c) in b.iter().enumerate().skip(close + 1) {
        match c {
            b'(' => parens += 1,
            b')' => {
                parens -= 1;
                if parens == 0 {
                    return Some((close, j + 1));
                }
            }
            _ => {}
        }
    }
    None
}

/// The inline reading of `s` (whose lines start as `starts` says) into
/// `out`: escapes, comments, tags, images, links and entities.
fn inline(s: &str, starts: &[(usize, u32)], out: &mut Reading<'static>) {
    // The source line of the character at byte `k`, read in order.
    let mut next_line = 0;
    let mut line = 1;
    let mut push = |out: &mut Reading, k: usize, text: &str| {
        while next_line < starts.len() && starts[next_line].0 <= k {
            line = starts[next_line].1;
            next_line += 1;
        }
        let into = out.text.to_mut();
        if out.lines.last().is_none_or(|&(_, l)| l != line) {
            out.lines.push((into.len(), line));
        }
        into.push_str(text);
    };
    let mut buf = [0u8; 4];
    // Where the text of each open link ends, and where the link ends.
    let mut link_ends: Vec<(usize, usize)> = Vec::new();
    let mut k = 0;
    while let Some(c) = s[k..].chars().next() {
        if let Some(&(close, end)) = link_ends.last()
            && k == close
        {
            link_ends.pop();
            k = end;
            continue;
        }
        let rest = &s[k..];
        let one = c.len_utf8();
        match c {
            '\\' => match rest[1..].chars().next() {
                Some(n) if n.is_ascii_punctuation() => {
                    // An escaped mark is text, even one that is markup elsewhere.
                    push(out, k, n.encode_utf8(&mut buf));
                    k += 2;
                }
                // A hard line break inside a paragraph, a backslash at its
                // end or in a heading: the tree may hold it or not.
                Some('\n') => {
                    push(out, k, "\u{e000}\\\u{e001}");
                    k += 1;
                }
                _ => {
                    push(out, k, "\\");
                    k += 1;
                }
            },
            '<' if rest.starts_with("<!--") => {
                k = rest.find("-->").map_or(s.len(), |e| k + e + 3);
            }
            '<' => match tag_at(rest) {
                Some(e) => {
                    let tag = &rest[1..e];
                    if tag.contains("://") && !tag.contains(char::is_whitespace) {
                        // An autolink reads as its address.
                        push(out, k, tag);
                    } else if tag.to_ascii_lowercase().starts_with("br") {
                        push(out, k, " ");
                    }
                    k += e + 1;
                }
                None => {
                    push(out, k, "<");
                    k += 1;
                }
            },
            '!' if rest[1..].starts_with('[') => match link_at(&rest[1..]) {
                // An image is nothing a reader reads.
                Some((_, end)) => k += 1 + end,
                None => {
                    push(out, k, "!");
                    k += 1;
                }
            },
            '[' => match link_at(rest) {
                Some((close, end)) => {
                    link_ends.push((k + close, k + end));
                    k += 1;
                }
                None => {
                    push(out, k, "[");
                    k += 1;
                }
            },
            '&' => match entity_at(rest) {
                Some((d, n)) => {
                    push(out, k, d.encode_utf8(&mut buf));
                    k += n;
                }
                None => {
                    push(out, k, "&");
                    k += 1;
                }
            },
            _ => {
                push(out, k, &rest[..one]);
                k += one;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens the tree must hold.
    fn texts(md: &str) -> Vec<String> {
        read(md, Markup::Markdown)
            .into_iter()
            .filter(|t| !t.optional)
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn markdown_markup_goes_and_punctuation_stays() {
        assert_eq!(
            texts(
                "---\ntitle: \"T, too\"\n---\n\n## 1. Heading\n\n-   **AI:** text (see [the guide](https://x.org/a_(b)), now).\n\
                 <!-- a\ncomment -->\n> A\\*STAR \\[note\\] &amp; 21<sup>st</sup> ![img](x.png)\n\n***\n\\###\n"
            ),
            [
                "T", ",", "too", "1", ".", "Heading", "AI", "text", "(", "see", "the", "guide", ",", "now",
                ")", ".", "ASTAR", "[", "note", "]", "&", "21st"
            ]
        );
    }

    #[test]
    fn markers_at_the_start_of_a_line_are_optional() {
        assert_eq!(texts("In\n2025. We met.\n"), ["In", "We", "met", "."]);
        assert_eq!(texts("- a\n2. b\n---\n"), ["a", "b"]);
        let all: Vec<String> = read("- a\n2. b\n", Markup::Markdown)
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(all, ["-", "a", "2", ".", "b"]);
    }

    #[test]
    fn plain_text_loses_only_its_markers() {
        let t: Vec<String> = read("•\u{a0}One, two.\n(a) U.S. policy\n###\n", Markup::Plain)
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(t, ["One", ",", "two", ".", "U", ".", "S", ".", "policy"]);
    }

    #[test]
    fn a_dropped_mark_is_caught_and_a_lead_in_colon_may_go() {
        let src = "# T\n\n- **Quantum:** We will meet (soon), then talk.\n";
        assert_eq!(
            compare("T Quantum We will meet (soon), then talk.", src, Markup::Markdown),
            Ok(())
        );
        assert_eq!(
            compare(
                "T Quantum: We will meet (soon), then talk.",
                src,
                Markup::Markdown
            ),
            Ok(())
        );
        let e = compare("T Quantum We will meet (soon) then talk.", src, Markup::Markdown);
        assert_eq!(e.as_ref().map_err(|m| m.line), Err(3));
        assert!(compare("T Quantum We will meet (soon, then talk.", src, Markup::Markdown).is_err());
        assert!(compare("T Quantum We will (soon), then talk.", src, Markup::Markdown).is_err());
    }
}
