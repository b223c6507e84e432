//! Fidelity: does a statement's tree say exactly what its source says?
//!
//! Both sides are reduced to the words a reader sees, in order (the rule is
//! documented in `seeds/README.md`):
//! - white space (including no-break spaces and line breaks) collapses to one space;
//! - a markdown source is read as a reader sees it ([`super::markdown`]): the
//!   YAML front matter's `title` is the statement's title, and the rest is
//!   the text of its headings, paragraphs and list items, without markup,
//!   link targets, HTML or escapes, and without the colon that closes a bold
//!   lead-in (`**Quantum:**`);
//! - in a plain-text source, list markers and numbering at the start of a
//!   line, lines that are only an end mark (`###`, `***`, `---`) and a
//!   byte-order mark at the start are removed.
//!
//! The tree's text (title, date line, preamble, then for each area the
//! sections it opens, its title, intro, commitments and outro, then the closing and
//! the signatories, in order) must then equal the source's text. Aligning the
//! two also gives every node its line range in the source.

use crate::model::{AreaPiece, LineRange, Meeting};

/// The kind of markup a source file uses, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// Plain text, one paragraph or item per line.
    Plain,
    /// Markdown, possibly with YAML front matter.
    Markdown,
}

impl Markup {
    /// Markdown for `.md`/`.markdown` files, plain text otherwise.
    pub fn from_path(path: &str) -> Markup {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            Markup::Markdown
        } else {
            Markup::Plain
        }
    }
}

/// A source reduced to its normalised text, with the source line of every byte.
#[derive(Debug, Default, Clone)]
pub struct Normalised {
    /// The normalised text.
    pub text: String,
    line_of: Vec<u32>,
}

impl Normalised {
    fn push(&mut self, c: char, line: u32) {
        if c.is_whitespace() {
            if self.text.is_empty() || self.text.ends_with(' ') {
                return;
            }
            self.push_raw(' ', line);
        } else {
            self.push_raw(c, line);
        }
    }

    fn push_raw(&mut self, c: char, line: u32) {
        self.text.push(c);
        self.line_of.extend(std::iter::repeat_n(line, c.len_utf8()));
    }

    fn push_str(&mut self, s: &str, line: u32) {
        for c in s.chars() {
            self.push(c, line);
        }
        self.push(' ', line);
    }

    fn finish(mut self) -> Normalised {
        if self.text.ends_with(' ') {
            self.text.pop();
            self.line_of.pop();
        }
        self
    }

    /// The line range covered by bytes `start..end` of the normalised text.
    fn lines(&self, start: usize, end: usize) -> Option<LineRange> {
        let first = *self.line_of.get(start)?;
        let last = *self.line_of.get(end.checked_sub(1)?)?;
        Some(LineRange { first, last })
    }
}

/// Collapses white space to single spaces and trims: the normalisation of tree text.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Normalises a source text (see the module documentation).
pub fn normalise_source(text: &str, markup: Markup) -> Normalised {
    if markup == Markup::Markdown {
        return normalise_markdown(text);
    }
    let mut out = Normalised::default();
    let source = split_source(text, markup);
    if let Some(front) = &source.front
        && let Some(title) = super::yaml::from_str(&front.text)
            .ok()
            .and_then(|v| front_matter_title(&v))
    {
        out.push_str(&title, front.title_line);
    }
    for (n, line) in source.lines {
        let stripped = strip_line_markup(line, markup);
        out.push_str(&stripped, n);
    }
    out.finish()
}

/// A markdown source as a reader sees it: the front matter's title, then
/// the text of every block.
fn normalise_markdown(text: &str) -> Normalised {
    let doc = super::markdown::parse(text);
    let mut out = Normalised::default();
    if let Some(title) = doc
        .front
        .as_deref()
        .and_then(|f| super::yaml::from_str(f).ok())
        .and_then(|v| front_matter_title(&v))
    {
        out.push_str(&title, doc.title_line);
    }
    for b in &doc.blocks {
        for (k, &(start, line)) in b.line_at.iter().enumerate() {
            let end = b.line_at.get(k + 1).map_or(b.text.len(), |&(e, _)| e);
            for c in b.text[start..end].chars() {
                out.push(c, line);
            }
        }
        out.push(' ', b.last_line);
    }
    out.finish()
}

/// A source cut as the normaliser reads it: the YAML front matter of a
/// markdown source, then the other lines, numbered from 1.
pub struct Source<'a> {
    /// The front matter block, if the source opens with one.
    pub front: Option<FrontMatter>,
    /// The lines after it, with their numbers.
    pub lines: Vec<(u32, &'a str)>,
}

/// A markdown source's `---` block.
pub struct FrontMatter {
    /// Its YAML text.
    pub text: String,
    /// The line of its `title:` (1 if it has none).
    pub title_line: u32,
}

/// Cuts `text` into its front matter and numbered lines (the importer
/// reads a source the same way, so that its text is the normaliser's).
pub fn split_source(text: &str, markup: Markup) -> Source<'_> {
    // A byte-order mark is an encoding detail that editors hide, not text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (u32::try_from(i + 1).unwrap_or(u32::MAX), l))
        .peekable();
    let mut front = None;
    if markup == Markup::Markdown && lines.peek().is_some_and(|(_, l)| l.trim_end() == "---") {
        lines.next();
        let mut block = FrontMatter {
            text: String::new(),
            title_line: 1,
        };
        for (n, line) in lines.by_ref() {
            if line.trim_end() == "---" {
                break;
            }
            if line.starts_with("title:") {
                block.title_line = n;
            }
            block.text.push_str(line);
            block.text.push('\n');
        }
        front = Some(block);
    }
    Source {
        front,
        lines: lines.collect(),
    }
}

/// The `title` of a parsed YAML front matter block, if it has one.
pub fn front_matter_title(front: &serde_yaml::Value) -> Option<String> {
    front.get("title")?.as_str().map(str::to_string)
}

/// Removes the markup of one source line (see the module documentation).
pub fn strip_line_markup(line: &str, markup: Markup) -> String {
    let (unescaped, hashes) = unescape_heading(line, markup);
    strip_after_heading(&unescaped, hashes, markup)
}

/// The first steps of [`strip_line_markup`]: the line trimmed and, in
/// markdown, unescaped; and the length of its heading mark (`## `), 0 if
/// it has none.
pub fn unescape_heading(line: &str, markup: Markup) -> (String, usize) {
    let trimmed = line.trim();
    if markup != Markup::Markdown {
        return (trimmed.to_string(), 0);
    }
    let unescaped = unescape(trimmed);
    let hashes = unescaped.len() - unescaped.trim_start_matches('#').len();
    let heading = (1..=6).contains(&hashes) && unescaped[hashes..].starts_with(char::is_whitespace);
    let hashes = if heading { hashes } else { 0 };
    (unescaped, hashes)
}

/// The rest of [`strip_line_markup`], from what [`unescape_heading`] gave.
pub fn strip_after_heading(unescaped: &str, hashes: usize, markup: Markup) -> String {
    if is_end_mark(unescaped) {
        return String::new();
    }
    let rest = strip_list_marker(unescaped[hashes..].trim_start());
    if markup == Markup::Markdown {
        // The colon of a bold lead-in goes, inside (`**AI:**`) or just
        // outside (`**AI**:`) the emphasis.
        rest.replace(":**", "**")
            .replace(":__", "__")
            .replace("**:", "**")
            .replace("__:", "__")
            .replace("**", "")
            .replace("__", "")
    } else {
        rest.to_string()
    }
}

/// Whether a line is only an end mark such as `###`.
pub fn is_end_mark(line: &str) -> bool {
    let t = line.trim();
    ["###", "***", "---", "# # #"].contains(&t)
}

/// Drops a backslash before ASCII punctuation, as markdown reads `\#`.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Strips a list marker or a numbering at the start of a line:
/// `-`, `*`, `+`, `•`, `1.`, `1)`, `(a)`, `a)`, `iv.`, followed by white space.
pub fn strip_list_marker(s: &str) -> &str {
    list_marker_len(s).map_or(s, |n| s[n..].trim_start())
}

/// The byte length of a list marker at the start of `s`, if there is one.
pub fn list_marker_len(s: &str) -> Option<usize> {
    let followed_by_space = |n: usize| s[n..].starts_with(char::is_whitespace).then_some(n);
    let first = s.chars().next()?;
    if matches!(first, '-' | '*' | '+' | '•' | '·' | '–') {
        return followed_by_space(first.len_utf8());
    }
    if let Some(inner) = s.strip_prefix('(') {
        let close = inner.find(')')?;
        let label = &inner[..close];
        return (is_label(label)).then_some(close + 2).and_then(followed_by_space);
    }
    let end = s.find(['.', ')'])?;
    is_label(&s[..end]).then_some(end + 1).and_then(followed_by_space)
}

/// `12`, `a`, `B`, `iv`, `XII`: the label of a numbered item.
fn is_label(label: &str) -> bool {
    let digits = !label.is_empty() && label.len() <= 3 && label.bytes().all(|b| b.is_ascii_digit());
    let letter = label.len() == 1 && label.bytes().all(|b| b.is_ascii_alphabetic());
    let roman = !label.is_empty()
        && label.len() <= 5
        && (label.bytes().all(|b| b"ivxlc".contains(&b)) || label.bytes().all(|b| b"IVXLC".contains(&b)));
    digits || letter || roman
}

/// Where a piece of tree text belongs, for line ranges and messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece {
    /// The meeting title.
    Title,
    /// The date line.
    Dateline,
    /// A preamble paragraph.
    Preamble(usize),
    /// A section heading that area `.0` is the first to stand in: its `.1`-th section.
    Section(usize, usize),
    /// An area heading.
    AreaTitle(usize),
    /// A paragraph of an area's introduction: area, index.
    Intro(usize, usize),
    /// A sentence after an area's commitments leading into what follows: area, index.
    Outro(usize, usize),
    /// A commitment: area, index.
    Commitment(usize, usize),
    /// A lead-in between an area's commitments: area, index.
    Lead(usize, usize),
    /// A closing paragraph.
    Closing(usize),
    /// A line of the signature block.
    Signatory(usize),
}

impl Piece {
    /// The document path of the piece, as in schema errors.
    pub fn path(self) -> String {
        match self {
            Piece::Title => "meeting.title".into(),
            Piece::Dateline => "meeting.dateline".into(),
            Piece::Preamble(i) => format!("preamble[{i}]"),
            Piece::Section(a, k) => format!("areas[{a}].section[{k}]"),
            Piece::AreaTitle(a) => format!("areas[{a}].title"),
            Piece::Intro(a, i) => format!("areas[{a}].intro[{i}]"),
            Piece::Outro(a, i) => format!("areas[{a}].outro[{i}]"),
            Piece::Commitment(a, c) => format!("areas[{a}].commitments[{c}]"),
            Piece::Lead(a, i) => format!("areas[{a}].leads[{i}]"),
            Piece::Closing(i) => format!("closing[{i}]"),
            Piece::Signatory(i) => format!("signatories[{i}]"),
        }
    }
}

/// The text of a meeting's tree, in source order.
pub fn pieces(m: &Meeting) -> Vec<(Piece, &str)> {
    let mut out = vec![(Piece::Title, m.title.as_str())];
    if let Some(d) = &m.dateline {
        out.push((Piece::Dateline, &d.text));
    }
    out.extend(
        m.preamble
            .iter()
            .enumerate()
            .map(|(i, p)| (Piece::Preamble(i), p.text.as_str())),
    );
    // The areas' text in reading order (commitments after sub-areas and
    // lead-ins between commitments included): the model says which.
    for p in m.area_pieces() {
        let piece = match p {
            AreaPiece::Section(a, k) => m.areas[a]
                .section
                .get(k)
                .map(|s| (Piece::Section(a, k), s.as_str())),
            AreaPiece::Title(a) => Some((Piece::AreaTitle(a), m.areas[a].title.as_str())),
            AreaPiece::Intro(a, i) => m.areas[a]
                .intro
                .get(i)
                .map(|t| (Piece::Intro(a, i), t.text.as_str())),
            AreaPiece::Lead(a, i) => m.areas[a]
                .leads
                .get(i)
                .map(|(_, t)| (Piece::Lead(a, i), t.text.as_str())),
            AreaPiece::Commitment(a, c) => m.areas[a]
                .commitments
                .get(c)
                .map(|k| (Piece::Commitment(a, c), &*k.text)),
            AreaPiece::Outro(a, i) => m.areas[a]
                .outro
                .get(i)
                .map(|t| (Piece::Outro(a, i), t.text.as_str())),
        };
        out.extend(piece);
    }
    out.extend(
        m.closing
            .iter()
            .enumerate()
            .map(|(i, p)| (Piece::Closing(i), p.text.as_str())),
    );
    out.extend(
        m.signatories
            .iter()
            .enumerate()
            .map(|(i, p)| (Piece::Signatory(i), p.text.as_str())),
    );
    out
}

/// The tree's text as one normalised string, the counterpart of [`Normalised::text`].
pub fn tree_text(m: &Meeting) -> String {
    let joined: Vec<String> = pieces(m).into_iter().map(|(_, t)| collapse(t)).collect();
    joined.join(" ")
}

/// A place where tree and source disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drift {
    /// The piece concerned, if the drift is in the tree's text.
    pub piece: Option<Piece>,
    /// Source lines concerned, if known.
    pub lines: Option<LineRange>,
    /// What differs.
    pub message: String,
}

/// Aligns the tree with its source: sets every piece's line range and
/// returns each disagreement. Alignment is sequential; a piece not found where
/// expected is searched for further on, so one edit does not hide the rest.
pub fn align(m: &mut Meeting, source: &Normalised) -> Vec<Drift> {
    let src = source.text.as_str();
    let mut cursor = 0usize;
    let mut drifts = Vec::new();
    let mut found: Vec<(Piece, Option<LineRange>)> = Vec::new();
    for (piece, text) in pieces(m) {
        let want = collapse(text);
        while src[cursor..].starts_with(' ') {
            cursor += 1;
        }
        if src[cursor..].starts_with(&want) {
            found.push((piece, source.lines(cursor, cursor + want.len())));
            cursor += want.len();
            continue;
        }
        match src[cursor..].find(&want) {
            Some(k) => {
                let start = cursor + k;
                drifts.push(Drift {
                    piece: Some(piece),
                    lines: source.lines(cursor, start),
                    message: format!(
                        "source text is missing from the tree before this: \"{}\"",
                        excerpt(&src[cursor..start])
                    ),
                });
                found.push((piece, source.lines(start, start + want.len())));
                cursor = start + want.len();
            }
            None => {
                drifts.push(Drift {
                    piece: Some(piece),
                    lines: source.lines(cursor, (cursor + want.len()).min(src.len())),
                    message: format!(
                        "text not found in the source (expected near here: \"{}\")",
                        excerpt(&src[cursor..])
                    ),
                });
                found.push((piece, None));
            }
        }
    }
    let rest = src[cursor..].trim();
    if !rest.is_empty() {
        drifts.push(Drift {
            piece: None,
            lines: source.lines(cursor, src.len()),
            message: format!(
                "source text at the end is missing from the tree: \"{}\"",
                excerpt(rest)
            ),
        });
    }
    for (piece, lines) in found {
        set_lines(m, piece, lines);
    }
    drifts
}

fn set_lines(m: &mut Meeting, piece: Piece, lines: Option<LineRange>) {
    match piece {
        Piece::Title => m.title_lines = lines,
        Piece::Dateline => {
            if let Some(d) = &mut m.dateline {
                d.lines = lines;
            }
        }
        Piece::Preamble(i) => {
            if let Some(p) = m.preamble.get_mut(i) {
                p.lines = lines;
            }
        }
        Piece::AreaTitle(a) => {
            if let Some(area) = m.areas.get_mut(a) {
                area.title_lines = lines;
            }
        }
        // Sections have no line range of their own in the model.
        Piece::Section(..) => {}
        Piece::Intro(a, i) => {
            if let Some(p) = m.areas.get_mut(a).and_then(|area| area.intro.get_mut(i)) {
                p.lines = lines;
            }
        }
        Piece::Outro(a, i) => {
            if let Some(p) = m.areas.get_mut(a).and_then(|area| area.outro.get_mut(i)) {
                p.lines = lines;
            }
        }
        Piece::Lead(a, i) => {
            if let Some((_, p)) = m.areas.get_mut(a).and_then(|area| area.leads.get_mut(i)) {
                p.lines = lines;
            }
        }
        Piece::Signatory(i) => {
            if let Some(p) = m.signatories.get_mut(i) {
                p.lines = lines;
            }
        }
        Piece::Commitment(a, c) => {
            if let Some(k) = m.areas.get_mut(a).and_then(|area| area.commitments.get_mut(c)) {
                k.lines = lines;
            }
        }
        Piece::Closing(i) => {
            if let Some(p) = m.closing.get_mut(i) {
                p.lines = lines;
            }
        }
    }
}

/// At most the first 60 characters of `s`, trimmed, for messages.
pub fn excerpt(s: &str) -> String {
    const MAX: usize = 60;
    let s = s.trim();
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_markers() {
        assert_eq!(strip_list_marker("- item"), "item");
        assert_eq!(strip_list_marker("•\u{a0}item"), "item");
        assert_eq!(strip_list_marker("12. item"), "item");
        assert_eq!(strip_list_marker("(a) item"), "item");
        assert_eq!(strip_list_marker("iv) item"), "item");
        assert_eq!(strip_list_marker("U.S. policy"), "U.S. policy");
        assert_eq!(strip_list_marker("2025 was"), "2025 was");
        assert_eq!(strip_list_marker("-not a marker"), "-not a marker");
    }

    #[test]
    fn markdown_markup_is_removed() {
        assert_eq!(
            strip_line_markup("-   **Quantum:** The United", Markup::Markdown),
            "Quantum The United"
        );
        assert_eq!(
            strip_line_markup("- **Quantum**: The two sides", Markup::Markdown),
            "Quantum The two sides"
        );
        assert_eq!(strip_line_markup("\\###", Markup::Markdown), "");
        assert_eq!(strip_line_markup("## Heading", Markup::Markdown), "Heading");
        assert_eq!(strip_line_markup("**bold** text", Markup::Plain), "**bold** text");
    }

    #[test]
    fn normalised_source_keeps_lines() {
        let n = normalise_source(
            "---\ntitle: \"A\\_B\"\n---\n\none\ntwo  three\n\n- four",
            Markup::Markdown,
        );
        assert_eq!(n.text, "A B one two three four");
        assert_eq!(
            normalise_source("\u{feff}Title\r\nText", Markup::Plain).text,
            "Title Text"
        );
        assert_eq!(n.lines(0, 3), Some(LineRange { first: 2, last: 2 }));
        let four = n.text.find("four").unwrap_or_default();
        assert_eq!(n.lines(4, four + 4), Some(LineRange { first: 5, last: 8 }));
    }

    #[test]
    fn collapse_whitespace() {
        assert_eq!(collapse("  a\u{a0} b\n\tc "), "a b c");
    }
}
