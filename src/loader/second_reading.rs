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

use super::fidelity::Markup;

/// Characters that are markup wherever they stand, on both sides.
fn ignored(c: char) -> bool {
    matches!(
        c,
        '*' | '_' | '`' | '#' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// One word or punctuation mark of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word, or the mark.
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

/// Splits `s` into words (runs of letters and digits) and single marks,
/// leaving out white space and the characters that are always markup.
pub fn tokens(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        // Markup inside a word (`t*raining`, `A*STAR`) does not part it.
        if ignored(c) {
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if !c.is_whitespace() {
            out.push(c.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
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
    let src = read(source, markup);
    let tree = tokens(tree);
    let shown = |v: &mut dyn Iterator<Item = &String>| v.take(8).cloned().collect::<Vec<_>>().join(" ");
    // Source tokens set aside, and which of them the tree used since.
    let mut aside: Vec<(&Token, bool)> = Vec::new();
    let mut unused: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    let (mut i, mut j) = (0, 0);
    while i < tree.len() {
        let t = &tree[i];
        match src.get(j) {
            Some(s) if *t == s.text => {
                i += 1;
                j += 1;
                continue;
            }
            Some(s) if s.optional => {
                j += 1;
                continue;
            }
            _ => {}
        }
        if let Some(k) = unused.get_mut(t.as_str()).and_then(Vec::pop) {
            aside[k].1 = true;
            i += 1;
            continue;
        }
        let run = &tree[i..(i + 4).min(tree.len())];
        let ahead = (1..=WINDOW)
            .take_while(|d| j + d + run.len() <= src.len())
            .find(|&d| {
                src[j + d..j + d + run.len()]
                    .iter()
                    .zip(run)
                    .all(|(s, t)| s.text == *t)
            });
        match ahead {
            Some(d) => {
                for s in src[j..j + d].iter().filter(|s| !s.optional) {
                    unused.entry(s.text.as_str()).or_default().insert(0, aside.len());
                    aside.push((s, false));
                }
                j += d;
            }
            None => {
                let line = src.get(j).or(src.last()).map_or(1, |s| s.line);
                return Err(Mismatch {
                    line,
                    tree: shown(&mut tree[i..].iter()),
                    source: shown(&mut src[j.min(src.len())..].iter().map(|s| &s.text)),
                });
            }
        }
    }
    // What the tree never said: the rest of the source, or what was set aside.
    let rest = src[j.min(src.len())..].iter().filter(|s| !s.optional);
    let left: Vec<&Token> = aside
        .iter()
        .filter(|(_, used)| !used)
        .map(|(s, _)| *s)
        .chain(rest)
        .collect();
    match left.first() {
        Some(first) => Err(Mismatch {
            line: first.line,
            tree: "…".to_string(),
            source: shown(&mut left.iter().map(|s| &s.text)),
        }),
        None => Ok(()),
    }
}

/// The tokens a reader sees in `source`.
pub fn read(source: &str, markup: Markup) -> Vec<Token> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    match markup {
        Markup::Plain => read_plain(source),
        Markup::Markdown => read_markdown(source),
    }
}

/// Appends the tokens of `text`, all on `line`.
fn push_tokens(out: &mut Vec<Token>, text: &str, line: u32) {
    out.extend(tokens(text).into_iter().map(|text| Token {
        text,
        line,
        optional: false,
    }));
}

fn line_no(i: usize) -> u32 {
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

/// Plain text: each line without the list marker or numbering that opens
/// it, and without lines that are only an end mark.
fn read_plain(source: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for (i, line) in source.lines().enumerate() {
        let t = line.trim();
        if ["###", "***", "---", "# # #"].contains(&t) {
            continue;
        }
        push_tokens(&mut out, drop_marker(t), line_no(i));
    }
    out
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
fn read_markdown(source: &str) -> Vec<Token> {
    let lines: Vec<&str> = source
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut out = Vec::new();
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
            push_tokens(&mut out, &title, title_line);
        }
        start = close + 2;
    }
    // The text of every line after its block markup, as one stream with a
    // line number for each character, so that links, tags and comments may
    // span lines.
    let mut text: Vec<(char, u32)> = Vec::new();
    let mut in_list = false;
    let mut blank_before = true;
    for (i, raw) in lines.iter().enumerate().skip(start) {
        let n = line_no(i);
        let (rest, listed) = block_markup(raw, in_list || blank_before);
        let blank = raw.trim().is_empty();
        if listed {
            in_list = true;
        } else if blank_before && !blank && !raw.starts_with([' ', '\t']) {
            in_list = false;
        }
        blank_before = blank;
        text.extend(rest.chars().map(|c| (c, n)));
        text.push(('\n', n));
    }
    inline(&text, &mut out);
    out
}

/// A line without its block markup; and whether it opens a list item.
/// `may_number` says whether a number may open an item here (in a list or
/// after a blank line: a number inside a paragraph is text).
fn block_markup(raw: &str, may_number: bool) -> (&str, bool) {
    let mut t = raw.trim();
    // A rule, a setext underline or an end mark: nothing to read.
    if t.len() >= 2 && t.chars().all(|c| matches!(c, '-' | '=' | ' ')) {
        return ("", false);
    }
    // A link reference definition.
    if t.starts_with('[') && t.contains("]:") && !t.contains("](") {
        return ("", false);
    }
    while let Some(r) = t.strip_prefix('>') {
        t = r.trim_start();
    }
    if t.starts_with('#') {
        return (t, false);
    }
    let mut listed = false;
    loop {
        let bullet = t
            .strip_prefix(['-', '+', '*'])
            .filter(|r| r.starts_with([' ', '\t']) || r.is_empty());
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        let number =
            (digits > 0 && digits <= 9 && (may_number || t.starts_with("1.") || t.starts_with("1)")))
                .then(|| t[digits..].strip_prefix(['.', ')']))
                .flatten()
                .filter(|r| r.starts_with([' ', '\t']) || r.is_empty());
        match bullet.or(number) {
            Some(r) => {
                t = r.trim_start();
                listed = true;
            }
            None => break,
        }
    }
    (t, listed)
}

/// Decodes the entity at the start of `s` (`&amp;`, `&#8217;`): the
/// character and the entity's length.
fn entity_at(s: &[(char, u32)]) -> Option<(char, usize)> {
    let end = s.iter().take(34).position(|&(c, _)| c == ';')?;
    let name: String = s[1..end].iter().map(|&(c, _)| c).collect();
    if name.is_empty() {
        return None;
    }
    super::markdown::entity(&name).map(|c| (c, end + 1))
}

/// Whether an HTML tag opens at the start of `s`: `<` then a letter, `/`, `!` or `?`.
fn tag_at(s: &[(char, u32)]) -> Option<usize> {
    let next = s.get(1)?.0;
    if !(next.is_ascii_alphabetic() || matches!(next, '/' | '!' | '?')) {
        return None;
    }
    s.iter().position(|&(c, _)| c == '>')
}

/// The end of a link `[text](target)` opening at `s[0]`: where its text
/// ends (the `]`) and where the whole link ends (after the `)`).
fn link_at(s: &[(char, u32)]) -> Option<(usize, usize)> {
    let mut depth = 0;
    let mut k = 0;
    let close = loop {
        let c = s.get(k)?.0;
        match c {
            '\\' => k += 1,
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    break k;
                }
            }
            _ => {}
        }
        k += 1;
    };
    if s.get(close + 1)?.0 != '(' {
        return None;
    }
    let mut parens = 0;
    for (j, &(c, _)) in s.iter().enumerate().skip(close + 1) {
        match c {
            '(' => parens += 1,
            ')' => {
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

/// The inline reading of the text stream: escapes, comments, tags,
/// images, links and entities.
fn inline(s: &[(char, u32)], out: &mut Vec<Token>) {
    // The visible characters with their line, and whether emphasis markup
    // stands right before or after (for marks closing a bold lead-in).
    let mut visible: Vec<(char, u32)> = Vec::new();
    let mut k = 0;
    // Where each link's text ends, to skip its target when reached.
    let mut link_ends: Vec<(usize, usize)> = Vec::new();
    while k < s.len() {
        let (c, line) = s[k];
        if let Some(&(close, end)) = link_ends.last()
            && k == close
        {
            link_ends.pop();
            k = end;
            continue;
        }
        match c {
            '\\' => match s.get(k + 1) {
                Some(&(n, l)) if n.is_ascii_punctuation() => {
                    // An escaped mark is text, even one that is markup elsewhere.
                    visible.push((n, l));
                    k += 2;
                }
                Some(&('\n', _)) => k += 1,
                _ => {
                    visible.push((c, line));
                    k += 1;
                }
            },
            '<' if s[k..].iter().take(4).map(|&(c, _)| c).eq("<!--".chars()) => {
                let rest: String = s[k..].iter().map(|&(c, _)| c).collect();
                k = match rest.find("-->") {
                    Some(e) => k + rest[..e].chars().count() + 3,
                    None => s.len(),
                };
            }
            '<' => match tag_at(&s[k..]) {
                Some(e) => {
                    let tag: String = s[k + 1..k + e].iter().map(|&(c, _)| c).collect();
                    if tag.contains("://") && !tag.contains(' ') {
                        // An autolink reads as its address.
                        visible.extend(s[k + 1..k + e].iter().copied());
                    } else if tag.to_ascii_lowercase().starts_with("br") {
                        visible.push((' ', line));
                    }
                    k += e + 1;
                }
                None => {
                    visible.push((c, line));
                    k += 1;
                }
            },
            '!' if s.get(k + 1).is_some_and(|&(n, _)| n == '[') => match link_at(&s[k + 1..]) {
                // An image is nothing a reader reads.
                Some((_, end)) => k += 1 + end,
                None => {
                    visible.push((c, line));
                    k += 1;
                }
            },
            '[' => match link_at(&s[k..]) {
                Some((close, end)) => {
                    link_ends.push((k + close, k + end));
                    k += 1;
                }
                None => {
                    visible.push((c, line));
                    k += 1;
                }
            },
            '&' => match entity_at(&s[k..]) {
                Some((d, n)) => {
                    visible.push((d, line));
                    k += n;
                }
                None => {
                    visible.push((c, line));
                    k += 1;
                }
            },
            _ => {
                visible.push((c, line));
                k += 1;
            }
        }
    }
    tokens_of(&visible, out);
}

/// Cuts the visible characters into tokens; a colon, full stop or dash
/// next to emphasis markup is optional.
fn tokens_of(visible: &[(char, u32)], out: &mut Vec<Token>) {
    let is_emphasis = |c: char| matches!(c, '*' | '_');
    // The nearest character on the same line that is not white space,
    // before and after `k`.
    let near = |k: usize, step: isize| -> Option<char> {
        let mut j = k as isize + step;
        while j >= 0 && (j as usize) < visible.len() {
            let c = visible[j as usize].0;
            if c == '\n' || !c.is_whitespace() {
                return Some(c);
            }
            j += step;
        }
        None
    };
    let mut word = String::new();
    let mut word_line = 0;
    for (k, &(c, line)) in visible.iter().enumerate() {
        if c.is_alphanumeric() {
            if word.is_empty() {
                word_line = line;
            }
            word.push(c);
            continue;
        }
        if ignored(c) {
            continue;
        }
        if !word.is_empty() {
            out.push(Token {
                text: std::mem::take(&mut word),
                line: word_line,
                optional: false,
            });
        }
        if c.is_whitespace() {
            continue;
        }
        let lead_mark = matches!(c, ':' | '.' | '-' | '–' | '—')
            && (near(k, -1).is_some_and(is_emphasis) || near(k, 1).is_some_and(is_emphasis));
        out.push(Token {
            text: c.to_string(),
            line,
            optional: lead_mark,
        });
    }
    if !word.is_empty() {
        out.push(Token {
            text: word,
            line: word_line,
            optional: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(md: &str) -> Vec<String> {
        read(md, Markup::Markdown).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn markdown_markup_goes_and_punctuation_stays() {
        assert_eq!(
            texts(
                "---\ntitle: \"T, too\"\n---\n\n## 1. Heading\n\n-   **AI:** text (see [the guide](https://x.org/a_(b)), now).\n\
                 <!-- a\ncomment -->\n> A\\*STAR \\[note\\] &amp; 21<sup>st</sup> ![img](x.png)\n\n***\n\\###\n"
            ),
            [
                "T", ",", "too", "1", ".", "Heading", "AI", ":", "text", "(", "see", "the", "guide", ",",
                "now", ")", ".", "ASTAR", "[", "note", "]", "&", "21st"
            ]
        );
    }

    #[test]
    fn numbers_open_items_only_where_an_item_may_start() {
        assert_eq!(
            texts("In\n2025. We met.\n"),
            ["In", "2025", ".", "We", "met", "."]
        );
        assert_eq!(texts("- a\n2. b\n"), ["a", "b"]);
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
