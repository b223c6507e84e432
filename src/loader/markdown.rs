//! Markdown as a reader sees it: a CommonMark parse (pulldown-cmark) reduced
//! to a small block model (headings, paragraphs, list items), each block with
//! the text a reader sees and the source lines it came from.
//!
//! Both the fidelity rule (the words a reader sees, in order) and the
//! importer's structure detection read sources through [`parse`], so what
//! the importer places in the tree compares equal to the source by
//! construction. The reader's text has no markup: link text stays and link
//! targets go, HTML tags, comments and images go, escapes are resolved and
//! entities decoded. Two pieces of punctuation are markup too, because they
//! only mark a bold lead-in as a heading: the colon (or dash) that closes a
//! bold span opening a block (`**Quantum:** The ...`, `**Quantum** – the
//! ...`), and the final colon of a block that is wholly bold.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A `#` heading of this level (1 to 6).
    Heading(u8),
    /// A paragraph (also the text of a table, a quote or a code block).
    Para,
    /// A list item's own text; depth 0 for a top-level item.
    Item {
        /// How deep the item's list is nested.
        depth: usize,
    },
}

/// One block of a markdown document, as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What it is.
    pub kind: Kind,
    /// First source line (1-based).
    pub first_line: u32,
    /// Last source line.
    pub last_line: u32,
    /// Its text: no markup, white space collapsed to single spaces.
    pub text: String,
    /// Where in `text` each run of source text starts (byte offset), with its line.
    pub line_at: Vec<(usize, u32)>,
    /// Whether all its words are bold (a label such as `I.` before the bold may be plain).
    pub strong: bool,
    /// Whether all its words are emphasised (italic).
    pub emphasis: bool,
    /// Whether some of its words are underlined (HTML `<u>` or an underline style).
    pub underline: bool,
    /// A bold lead-in opening the block and followed by more text: the
    /// byte length of the lead-in in `text` (the rest starts after a space).
    pub lead: Option<usize>,
    /// Punctuation taken out of `text` as heading markup (the colon closing
    /// a bold lead-in or a wholly bold block): the byte offset in `text`
    /// where it stood, and what it was. [`Block::restore_mark`] puts it back
    /// where the block turns out to be no heading.
    pub mark: Option<(usize, String)>,
    /// The targets of its links, in order.
    pub links: Vec<String>,
}

impl Block {
    /// The source line of byte `at` of the text.
    pub fn line_of(&self, at: usize) -> u32 {
        let i = self.line_at.partition_point(|&(start, _)| start <= at);
        i.checked_sub(1)
            .and_then(|i| self.line_at.get(i))
            .map_or(self.first_line, |&(_, l)| l)
    }

    /// Puts back the punctuation taken out as markup: the block is read as
    /// a sentence, not as a heading or a lead-in.
    pub fn restore_mark(&mut self) {
        let Some((at, mark)) = self.mark.take() else {
            return;
        };
        let at = at.min(self.text.len());
        if !self.text.is_char_boundary(at) {
            return;
        }
        self.text.insert_str(at, &mark);
        for (start, _) in &mut self.line_at {
            if *start > at {
                *start += mark.len();
            }
        }
        self.lead = None;
    }

    /// The lead-in and the text after it, when the block opens with one.
    pub fn lead_split(&self) -> Option<(&str, &str)> {
        let n = self.lead?;
        Some((&self.text[..n], self.text[n..].trim_start()))
    }
}

/// A markdown document: its front matter and its blocks.
#[derive(Debug, Default, Clone)]
pub struct Document {
    /// The YAML front matter's text, if the document opens with one.
    pub front: Option<String>,
    /// The line of the front matter's `title:` (1 when it has none).
    pub title_line: u32,
    /// The blocks, in source order; blocks without text are left out.
    pub blocks: Vec<Block>,
}

/// One character of a block being built, with what a reader sees of it.
#[derive(Clone, Copy)]
struct Ch {
    c: char,
    /// A hard line break (`  ` at the end of a line).
    brk: bool,
    /// Underlined (`<u>`, `<span style="text-decoration: underline">`).
    underline: bool,
    line: u32,
    strong: bool,
    emphasis: bool,
}

/// A list item whose list holds the current event.
struct Held {
    kind: Kind,
    /// Its text, put aside while a nested list is read.
    open: Option<Open>,
    /// Where its block goes: before the blocks of its nested lists.
    at: Option<usize>,
}

/// Makes the innermost list item's block the open one, for more of its
/// text (a paragraph or HTML after a nested list joins it).
fn item_text(doc: &mut Document, open: &mut Option<Open>, items: &mut [Held], at: u32) {
    if open
        .as_ref()
        .is_some_and(|o| !matches!(o.kind, Kind::Item { .. }))
    {
        flush(doc, open);
    }
    if open.is_none()
        && let Some(held) = items.last_mut()
    {
        *open = Some(held.open.take().unwrap_or_else(|| Open::new(held.kind)));
    }
    if let Some(o) = open {
        o.space(at);
    }
}

/// A block being built.
#[derive(Clone)]
struct Open {
    kind: Kind,
    chars: Vec<Ch>,
    links: Vec<String>,
    /// An unmatched `**` seen in the text: bold from there on, as the
    /// author meant (`**Transatlantic Initiative **` does not parse as bold).
    literal_strong: bool,
    /// Inside underlining HTML.
    underline: bool,
    /// A `*` of the text that may be the first of such a `**`.
    star: Option<(u32, bool, bool)>,
}

/// Parses `text` (a whole markdown file) into its blocks.
pub fn parse(text: &str) -> Document {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let blanked = blank_lines(text);
    let text = blanked.as_str();
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line = |offset: usize| -> u32 {
        let n = starts.partition_point(|&s| s <= offset);
        u32::try_from(n.max(1)).unwrap_or(u32::MAX)
    };
    let mut doc = Document {
        title_line: 1,
        ..Document::default()
    };
    let parser = Parser::new_ext(text, Options::ENABLE_YAML_STYLE_METADATA_BLOCKS);
    let mut open: Option<Open> = None;
    let mut depth: usize = 0;
    let mut strong = 0usize;
    let mut emphasis = 0usize;
    let mut image = 0usize;
    let mut in_meta = false;
    // pulldown-cmark reads any `---` block followed by lines and a closing
    // `---` as metadata, wherever it stands; only the one opening the
    // document is front matter (as a published page hides it), a later one
    // is text a reader sees.
    let mut meta_is_text = false;
    let mut in_html_block = false;
    let mut in_code = false;
    // The list items open around the current event, innermost last.
    let mut items: Vec<Held> = Vec::new();
    let mut html_block = String::new();
    let mut html_line = 0u32;
    // Open `<u>` and `<span>` tags: whether each underlines.
    let mut spans: Vec<bool> = Vec::new();
    for (event, range) in parser.into_offset_iter() {
        let at = line(range.start);
        match event {
            Event::Start(tag) => match tag {
                Tag::MetadataBlock(_) => {
                    in_meta = true;
                    meta_is_text = range.start > 0;
                    if meta_is_text {
                        flush(&mut doc, &mut open);
                        open = Some(Open::new(Kind::Para));
                    }
                }
                Tag::Heading { level, .. } => {
                    flush(&mut doc, &mut open);
                    open = Some(Open::new(Kind::Heading(level as u8)));
                }
                Tag::Paragraph | Tag::CodeBlock(_) | Tag::TableRow | Tag::TableHead => {
                    in_code = matches!(tag, Tag::CodeBlock(_));
                    // A paragraph inside a list item is the item's text,
                    // also after a nested list.
                    if !items.is_empty() {
                        item_text(&mut doc, &mut open, &mut items, at);
                    } else if open.as_ref().is_none_or(|o| !matches!(o.kind, Kind::Item { .. })) {
                        flush(&mut doc, &mut open);
                        open = Some(Open::new(Kind::Para));
                    } else if let Some(o) = &mut open {
                        o.space(at);
                    }
                }
                Tag::List(_) => {
                    // The item over a nested list stays open for the text after it.
                    match (items.last_mut(), open.take()) {
                        (Some(held), Some(o)) if matches!(o.kind, Kind::Item { .. }) => {
                            held.at.get_or_insert(doc.blocks.len());
                            held.open = Some(o);
                        }
                        (_, o) => {
                            open = o;
                            flush(&mut doc, &mut open);
                        }
                    }
                    depth += 1;
                }
                Tag::Item => {
                    flush(&mut doc, &mut open);
                    let kind = Kind::Item {
                        depth: depth.saturating_sub(1),
                    };
                    items.push(Held {
                        kind,
                        open: None,
                        at: None,
                    });
                    open = Some(Open::new(kind));
                }
                Tag::HtmlBlock => {
                    in_html_block = true;
                    html_block.clear();
                    html_line = at;
                }
                Tag::Strong => strong += 1,
                Tag::Emphasis => emphasis += 1,
                Tag::Image { .. } => image += 1,
                Tag::Link { dest_url, .. } => {
                    if let Some(o) = &mut open {
                        o.links.push(dest_url.to_string());
                    }
                }
                Tag::TableCell => {
                    if let Some(o) = &mut open {
                        o.space(at);
                    }
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::MetadataBlock(_) => {
                    in_meta = false;
                    if meta_is_text {
                        flush(&mut doc, &mut open);
                    }
                }
                TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::TableRow | TagEnd::TableHead => {
                    flush(&mut doc, &mut open);
                    in_code = false;
                }
                TagEnd::Paragraph if open.as_ref().is_some_and(|o| o.kind == Kind::Para) => {
                    flush(&mut doc, &mut open);
                }
                TagEnd::Item => {
                    let held = items.pop();
                    if open.is_none() {
                        open = held.as_ref().and_then(|h| h.open.clone());
                    }
                    match held.and_then(|h| h.at) {
                        // Its text goes before its nested items, where the reader met it.
                        Some(i) => {
                            let n = doc.blocks.len();
                            flush(&mut doc, &mut open);
                            if doc.blocks.len() > n
                                && let Some(b) = doc.blocks.pop()
                            {
                                doc.blocks.insert(i.min(n), b);
                            }
                        }
                        None => flush(&mut doc, &mut open),
                    }
                }
                TagEnd::List(_) => {
                    flush(&mut doc, &mut open);
                    depth = depth.saturating_sub(1);
                }
                TagEnd::HtmlBlock => {
                    in_html_block = false;
                    let visible = strip_html(&html_block);
                    if !visible.trim().is_empty() && !items.is_empty() {
                        // HTML inside a list item is part of the item's text.
                        item_text(&mut doc, &mut open, &mut items, html_line);
                        if let Some(o) = &mut open {
                            o.push_text(&visible, html_line, false, false, &mut std::iter::empty());
                        }
                    } else if !visible.trim().is_empty() {
                        flush(&mut doc, &mut open);
                        let mut o = Open::new(Kind::Para);
                        o.push_text(&visible, html_line, false, false, &mut std::iter::empty());
                        open = Some(o);
                        flush(&mut doc, &mut open);
                    }
                }
                TagEnd::Strong => strong = strong.saturating_sub(1),
                TagEnd::Emphasis => emphasis = emphasis.saturating_sub(1),
                TagEnd::Image => image = image.saturating_sub(1),
                _ => {}
            },
            Event::Text(t) if in_meta && meta_is_text => {
                if let Some(o) = &mut open {
                    for (k, piece) in t.split_inclusive('\n').enumerate() {
                        let l = at + u32::try_from(k).unwrap_or(0);
                        o.push_text(piece, l, false, false, &mut std::iter::empty());
                    }
                }
            }
            Event::Text(t) if in_meta => {
                if let Some(i) = t.split_inclusive('\n').position(|l| l.starts_with("title:")) {
                    doc.title_line = at + u32::try_from(i).unwrap_or(0);
                }
                doc.front.get_or_insert_with(String::new).push_str(&t);
            }
            Event::Text(t) | Event::Code(t) if image == 0 => {
                // Only a `*` the author typed bare can be a stray bold
                // delimiter: not an escaped one, nor one in code.
                let stars = t.matches('*').count();
                let delims = if in_code || text.get(range.clone()).is_some_and(|s| s.starts_with('`')) {
                    vec![false; stars]
                } else {
                    star_delimiters(text, range.clone(), stars)
                };
                let mut delims = delims.into_iter();
                let o = open.get_or_insert_with(|| Open::new(Kind::Para));
                o.underline = spans.iter().any(|&u| u);
                // A text event can span lines (code blocks): each line keeps its number.
                for (k, piece) in t.split_inclusive('\n').enumerate() {
                    let l = at + u32::try_from(k).unwrap_or(0);
                    o.push_text(piece, l, strong > 0, emphasis > 0, &mut delims);
                }
            }
            Event::Html(h) if in_html_block => html_block.push_str(&h),
            Event::InlineHtml(h) => {
                let tag = h.trim_start_matches('<').to_ascii_lowercase();
                if tag.starts_with("/u>") || tag.starts_with("/span") {
                    spans.pop();
                } else if tag.starts_with("u>") || tag.starts_with("u ") || tag.starts_with("span") {
                    spans.push(tag.starts_with('u') || tag.contains("underline"));
                }
                if let Some(o) = &mut open {
                    o.underline = spans.iter().any(|&u| u);
                    // A line break between words still parts them.
                    if tag.starts_with("br") {
                        o.space(at);
                    }
                }
            }
            Event::SoftBreak => {
                if let Some(o) = &mut open {
                    o.space(at);
                }
            }
            Event::HardBreak => {
                if let Some(o) = &mut open {
                    o.space(at);
                    if let Some(c) = o.chars.last_mut() {
                        c.brk = true;
                    }
                }
            }
            // Inline HTML (`<u>`, `<span>`, `<img/>`, comments), footnote
            // marks, rules and images are not text a reader reads.
            _ => {}
        }
    }
    flush(&mut doc, &mut open);
    restore_marks(&mut doc.blocks);
    doc
}

/// Puts back the punctuation of lead-ins that title nothing, so that a
/// reader's colons and stops stay: a paragraph's lead-in (only list items
/// title areas), the lead-ins of a list whose top items are mostly not
/// lead-ins (a list of areas has lead-ins on at least half of them; the
/// importer reads lists the same way), those of nested items, and the final
/// colon of a bold sentence over a list (`**The Quad will:**`), which leads
/// into the list rather than heading it.
fn restore_marks(blocks: &mut [Block]) {
    let depth = |b: &Block| match b.kind {
        Kind::Item { depth } => Some(depth),
        _ => None,
    };
    let mut i = 0;
    while i < blocks.len() {
        if depth(&blocks[i]).is_none() {
            let before_list = blocks.get(i + 1).is_some_and(|n| depth(n).is_some());
            let b = &mut blocks[i];
            let sentence = b.strong && b.kind == Kind::Para && before_list && is_sentence(&b.text);
            if b.lead.is_some() || sentence {
                b.restore_mark();
            }
            i += 1;
            continue;
        }
        let end = i + blocks[i..].iter().take_while(|b| depth(b).is_some()).count();
        let run = &mut blocks[i..end];
        let top = run.iter().filter_map(depth).min().unwrap_or(0);
        let tops = run.iter().filter(|b| depth(b) == Some(top)).count();
        let leads = run
            .iter()
            .filter(|b| depth(b) == Some(top) && b.lead.is_some())
            .count();
        let areas = leads > 0 && leads * 2 >= tops;
        for b in run.iter_mut() {
            if !(areas && depth(b) == Some(top)) {
                b.restore_mark();
            }
        }
        i = end;
    }
}

/// Whether a bold line reads as a sentence rather than a title: some word
/// after the first is in lower case and is no small word of a title
/// ("The Quad will", not "Science and Technology").
fn is_sentence(text: &str) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
        "via", "vs", "with",
    ];
    text.split_whitespace().skip(1).any(|w| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        bare.chars().next().is_some_and(char::is_lowercase) && !SMALL.contains(&bare)
    })
}

impl Open {
    fn new(kind: Kind) -> Open {
        Open {
            kind,
            chars: Vec::new(),
            links: Vec::new(),
            literal_strong: false,
            underline: false,
            star: None,
        }
    }

    /// A lone `*` is text after all.
    fn settle_star(&mut self) {
        if let Some((line, strong, emphasis)) = self.star.take() {
            self.chars.push(Ch {
                c: '*',
                line,
                strong: strong || self.literal_strong,
                emphasis,
                brk: false,
                underline: false,
            });
        }
    }

    fn space(&mut self, line: u32) {
        self.settle_star();
        self.chars.push(Ch {
            c: ' ',
            line,
            strong: true,
            emphasis: true,
            brk: false,
            underline: false,
        });
    }

    /// Adds text; `delims` says of each `*` in it whether it may be a bold delimiter.
    fn push_text(
        &mut self,
        t: &str,
        line: u32,
        strong: bool,
        emphasis: bool,
        delims: &mut dyn Iterator<Item = bool>,
    ) {
        for c in t.chars() {
            // Unmatched bold delimiters are left in the text by the parser
            // (and may come in two events); a reader of the published page
            // saw bold, not asterisks.
            if c == '*' && delims.next().unwrap_or(false) {
                if self.star.take().is_some() {
                    self.literal_strong = !self.literal_strong;
                } else {
                    self.star = Some((line, strong, emphasis));
                }
                continue;
            }
            self.settle_star();
            let c = match c {
                // Zero-width characters are invisible: not even a space.
                '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => continue,
                c if c.is_whitespace() => ' ',
                c => c,
            };
            let blank = c == ' ';
            self.chars.push(Ch {
                c,
                line,
                strong: strong || self.literal_strong || blank,
                emphasis: emphasis || blank,
                brk: false,
                underline: self.underline && !blank,
            });
        }
    }
}

/// Closes the open block and adds it to the document if it holds text.
fn flush(doc: &mut Document, open: &mut Option<Open>) {
    let Some(mut o) = open.take() else { return };
    o.settle_star();
    if o.kind != Kind::Para {
        doc.blocks.extend(finish(o.kind, o.chars, o.links));
        return;
    }
    // "**Heading**  " over text, or text then "**Heading**" after a hard
    // break: a bold line of its own is a block of its own, as the published
    // page shows it.
    let mut segments: Vec<Vec<Ch>> = vec![Vec::new()];
    for ch in o.chars {
        let brk = ch.brk;
        if let Some(seg) = segments.last_mut() {
            seg.push(ch);
        }
        if brk {
            segments.push(Vec::new());
        }
    }
    let bold = |seg: &[Ch]| seg.iter().any(|c| c.c != ' ') && seg.iter().all(|c| c.strong);
    let mut groups: Vec<Vec<Ch>> = Vec::new();
    let mut prev_bold = true;
    for seg in segments {
        let b = bold(&seg);
        match groups.last_mut() {
            Some(g) if !b && !prev_bold => g.extend(seg),
            _ => groups.push(seg),
        }
        if seg_has_text(groups.last()) {
            prev_bold = b;
        }
    }
    let n = groups.len();
    for (k, g) in groups.into_iter().enumerate() {
        let links = if k + 1 == n { o.links.clone() } else { Vec::new() };
        doc.blocks.extend(finish(Kind::Para, g, links));
    }
}

fn seg_has_text(g: Option<&Vec<Ch>>) -> bool {
    g.is_some_and(|g| g.iter().any(|c| c.c != ' '))
}

/// Collapses white space, finds the lead-in and the punctuation that is markup.
fn finish(kind: Kind, raw: Vec<Ch>, links: Vec<String>) -> Option<Block> {
    // Collapse white space.
    let mut chars: Vec<Ch> = Vec::with_capacity(raw.len());
    for ch in raw {
        if ch.c == ' ' && chars.last().is_none_or(|p: &Ch| p.c == ' ') {
            continue;
        }
        chars.push(ch);
    }
    while chars.last().is_some_and(|c| c.c == ' ') {
        chars.pop();
    }
    if chars.is_empty() || is_end_mark(&chars) {
        return None;
    }
    let words_strong = chars.iter().all(|c| c.strong);
    let label_then_strong = {
        // "I. **Introduction**": a plain label, then bold.
        let plain_end = chars.iter().position(|c| c.strong && c.c != ' ');
        plain_end.is_some_and(|e| {
            let label: String = chars[..e].iter().map(|c| c.c).collect();
            is_label(label.trim()) && chars[e..].iter().all(|c| c.strong)
        })
    };
    let strong = words_strong || label_then_strong;
    let emphasis = chars.iter().all(|c| c.emphasis);
    let underline = chars.iter().any(|c| c.underline);
    let mut lead = None;
    // The punctuation taken out as markup: where it stood (in characters) and what it was.
    let mut mark: Option<(usize, String)> = None;
    if strong {
        // "**Artificial Intelligence (AI):**": the colon marks a heading.
        if chars.last().is_some_and(|c| c.c == ':') {
            let mut removed = vec![':'];
            chars.pop();
            while chars.last().is_some_and(|c| c.c == ' ') {
                chars.pop();
                removed.push(' ');
            }
            mark = Some((chars.len(), removed.into_iter().rev().collect()));
        }
    } else if chars.first().is_some_and(|c| c.strong)
        && let Some((n, m)) = lead_in(&mut chars)
    {
        lead = Some(n);
        mark = m;
    }
    if chars.is_empty() {
        return None;
    }
    let mut text = String::with_capacity(chars.len());
    let mut line_at = Vec::new();
    for ch in &chars {
        if line_at.last().is_none_or(|&(_, l)| l != ch.line) {
            line_at.push((text.len(), ch.line));
        }
        text.push(ch.c);
    }
    // A lead-in is followed by a space, so that title and text joined by one
    // say what the block says.
    let bytes = |n: usize| -> usize { chars[..n.min(chars.len())].iter().map(|c| c.c.len_utf8()).sum() };
    let lead = lead
        .filter(|&n| chars.get(n).is_some_and(|c| c.c == ' '))
        .map(bytes);
    let mark = mark.map(|(n, s)| (bytes(n), s));
    Some(Block {
        kind,
        first_line: chars.iter().map(|c| c.line).min().unwrap_or(0),
        last_line: chars.iter().map(|c| c.line).max().unwrap_or(0),
        text,
        line_at,
        strong,
        emphasis,
        underline,
        lead,
        mark,
        links,
    })
}

/// A bold run opening the block, then plain text: the run is a lead-in if
/// a colon, dash or full stop closes it, or the text after it
/// starts a new one (`**RECOGNISING** the role ...` is a sentence, not a
/// lead-in). Removes the closing colon or dash; returns the run's length
/// in characters, and what was removed (where, what).
fn lead_in(chars: &mut Vec<Ch>) -> Option<(usize, Option<(usize, String)>)> {
    let run = chars.iter().position(|c| !c.strong)?;
    let mut end = run;
    while end > 0 && chars[end - 1].c == ' ' {
        end -= 1;
    }
    let last = chars[..end].last()?.c;
    let next = run;
    let next_c = chars[next].c;
    let dash = |c: char| matches!(c, '–' | '—' | '-');
    let followed_by_space = |i: usize| chars.get(i + 1).is_none_or(|c| c.c == ' ');
    if last == ':' || (dash(last) && end >= 2 && chars[end - 2].c == ' ') {
        // "**Quantum:** The ...", "**Quantum –** in ...".
        let mut removed = vec![chars.remove(end - 1).c];
        let mut e = end - 1;
        while e > 0 && chars[e - 1].c == ' ' {
            removed.push(chars.remove(e - 1).c);
            e -= 1;
        }
        let removed: String = removed.into_iter().rev().collect();
        return (e > 0 && e < chars.len()).then_some((e, Some((e, removed))));
    }
    if (next_c == ':' || dash(next_c)) && followed_by_space(next) {
        // "**Quantum**: The ...", "**Quantum** – in ...".
        let mut removed = String::from(chars.remove(next).c);
        if next > end && chars.get(next).is_some_and(|c| c.c == ' ') {
            removed.push(chars.remove(next).c);
        }
        return (end > 0 && end < chars.len()).then_some((end, Some((next, removed))));
    }
    // "U.S.", "e.g.": the stop of a dotted abbreviation is the word's own.
    let word_start = chars[..end].iter().rposition(|c| c.c == ' ').map_or(0, |i| i + 1);
    if last == '.' && chars[word_start..end - 1].iter().any(|c| c.c == '.') {
        // "**U.S.** Department of Commerce will ...": bold inside a sentence.
        return None;
    }
    if last == '.' && end >= 2 && chars[end - 2].c != '.' {
        // "**Launching work.** We ...": the stop closes the lead-in as a colon would.
        chars.remove(end - 1);
        return Some((end - 1, Some((end - 1, ".".to_string()))));
    }
    let sentence_end = matches!(last, '!' | '?');
    let capital_after = chars[next..]
        .iter()
        .find(|c| c.c.is_alphanumeric())
        .is_some_and(|c| c.c.is_uppercase());
    (sentence_end || capital_after).then_some((end, None))
}

/// Of each `*` in the text of the event at `range` of `src` (`count` of
/// them), whether it may be a stray bold delimiter: it stands bare in the
/// source (no backslash before it), and its run of stars is not set off by
/// spaces on both sides (`5 ** 2` is arithmetic). When the stars of the
/// source do not match the event's (an entity made one), none is a delimiter.
fn star_delimiters(src: &str, range: std::ops::Range<usize>, count: usize) -> Vec<bool> {
    let Some(slice) = src.get(range.clone()) else {
        return vec![false; count];
    };
    let bytes = src.as_bytes();
    // Backslashes just before the event: an odd run escapes its first character.
    let before = bytes[..range.start]
        .iter()
        .rev()
        .take_while(|&&b| b == b'\\')
        .count();
    let mut escaped = before % 2 == 1;
    let mut out = Vec::with_capacity(count);
    for (i, b) in slice.bytes().enumerate() {
        if escaped {
            escaped = false;
            if b == b'*' {
                out.push(false);
            }
            continue;
        }
        match b {
            b'\\' => escaped = true,
            b'*' => {
                let at = range.start + i;
                let lo = bytes[..at].iter().rev().take_while(|&&b| b == b'*').count();
                let hi = bytes[at..].iter().take_while(|&&b| b == b'*').count();
                let blank = |b: Option<&u8>| matches!(b, Some(b' ' | b'\t'));
                let spaced = blank(bytes.get((at - lo).wrapping_sub(1))) && blank(bytes.get(at + hi));
                out.push(!spaced);
            }
            _ => {}
        }
    }
    if out.len() == count {
        out
    } else {
        vec![false; count]
    }
}

/// The text with lines of white space and no-break spaces made blank (a
/// no-break space is no white space to CommonMark, but it is to a reader):
/// each no-break space becomes two spaces, so that byte offsets hold.
fn blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if line.contains('\u{a0}') && line.chars().all(|c| c.is_whitespace()) {
            out.push_str(&line.replace('\u{a0}', "  "));
        } else {
            out.push_str(line);
        }
    }
    out
}

/// `###`, `***`, `# # #`: an end mark, which is no text.
fn is_end_mark(chars: &[Ch]) -> bool {
    chars.iter().all(|c| matches!(c.c, '#' | '*' | '-' | '_' | ' ')) && chars.len() >= 3
}

/// `I.`, `IV.`, `A.`, `1.`, `(a)`: the label of a numbered heading.
pub fn is_label(s: &str) -> bool {
    let inner = s.trim_start_matches('(').trim_end_matches(['.', ')']);
    if inner.is_empty() || inner.len() == s.len() {
        return false;
    }
    let digits = inner.len() <= 3 && inner.bytes().all(|b| b.is_ascii_digit());
    let letter = inner.len() == 1 && inner.bytes().all(|b| b.is_ascii_alphabetic());
    let roman = inner.len() <= 5 && inner.bytes().all(|b| b"IVXLC".contains(&b));
    digits || letter || roman
}

/// The text of an HTML block without its tags and comments.
fn strip_html(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.find("-->").map_or("", |i| &r[i + 3..]);
        } else if rest.starts_with('<') {
            rest = rest.find('>').map_or("", |i| &rest[i + 1..]);
            out.push(' ');
        } else {
            let i = rest.find('<').unwrap_or(rest.len());
            out.push_str(&rest[..i]);
            rest = &rest[i..];
        }
    }
    decode_entities(&out)
}

/// Decodes HTML character references in one pass, so that a decoded `&`
/// never starts another (`&amp;lt;` reads `&lt;`): numeric ones (`&#8217;`,
/// `&#x2019;`) and the named ones statements use. Others stay as written.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest[1..]
            .find(';')
            .filter(|&j| j > 0 && j <= 32)
            .and_then(|j| entity(&rest[1..=j]).map(|c| (c, j + 2)));
        match decoded {
            Some((c, n)) => {
                out.push(c);
                rest = &rest[n..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character an entity's name (between `&` and `;`) stands for.
pub(crate) fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        // NUL and invalid code points read as the replacement character, as in HTML.
        return Some(char::from_u32(code).filter(|&c| c != '\0').unwrap_or('\u{fffd}'));
    }
    Some(match name {
        "nbsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ldquo" => '\u{201c}',
        "rdquo" => '\u{201d}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "hellip" => '\u{2026}',
        "bull" => '\u{2022}',
        "middot" => '\u{b7}',
        "copy" => '\u{a9}',
        "reg" => '\u{ae}',
        "trade" => '\u{2122}',
        "sect" => '\u{a7}',
        "deg" => '\u{b0}',
        "euro" => '\u{20ac}',
        "pound" => '\u{a3}',
        "eacute" => '\u{e9}',
        "egrave" => '\u{e8}',
        "aacute" => '\u{e1}',
        "oacute" => '\u{f3}',
        "uuml" => '\u{fc}',
        "ouml" => '\u{f6}',
        "auml" => '\u{e4}',
        "ccedil" => '\u{e7}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(md: &str) -> Vec<String> {
        parse(md).blocks.into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn wrapped_and_split_bold_headings_are_one_strong_block() {
        let d = parse(
            "**Biotechnology Cooperation to Promote the Bioeconomy and Address Global\nChallenges**\n\n\
             **Joint Initiatives with Jamaica** **and Kenya  \n**\n\nI. **<span style=\"x\">Introduction</span>**\n\n\
             ***<u>Heading</u>***\n\n**Transatlantic Initiative on Sustainable Trade **\n",
        );
        let t: Vec<(&str, bool)> = d.blocks.iter().map(|b| (b.text.as_str(), b.strong)).collect();
        assert_eq!(
            t,
            [
                (
                    "Biotechnology Cooperation to Promote the Bioeconomy and Address Global Challenges",
                    true
                ),
                ("Joint Initiatives with Jamaica and Kenya", true),
                ("I. Introduction", true),
                ("Heading", true),
                ("Transatlantic Initiative on Sustainable Trade", true),
            ]
        );
        assert_eq!((d.blocks[0].first_line, d.blocks[0].last_line), (1, 2));
    }

    #[test]
    fn html_links_escapes_and_entities_read_as_text() {
        assert_eq!(
            texts(
                "- one<br>two\n\n<!-- -->\n\n- A\\*STAR and \\[note\\] &amp; [the guide](https://x.org/a) on the 21<sup>st</sup> <img src=\"a\"/>day\n\n\\###\n"
            ),
            ["one two", "A*STAR and [note] & the guide on the 21st day"]
        );
        let d = parse("See [here](https://x.org).\n");
        assert_eq!(d.blocks[0].links, ["https://x.org"]);
    }

    #[test]
    fn literal_and_escaped_asterisks_stay() {
        let d = parse("5 ** 2 is large\n\nA\\*STAR \\*\\* here\n\n**Bold lead** and `a**b` and **Sure **\n");
        let t: Vec<(&str, bool)> = d.blocks.iter().map(|b| (b.text.as_str(), b.strong)).collect();
        assert_eq!(
            t,
            [
                ("5 ** 2 is large", false),
                ("A*STAR ** here", false),
                ("Bold lead and a**b and Sure", false),
            ]
        );
    }

    #[test]
    fn text_after_a_nested_list_and_html_join_their_item() {
        assert_eq!(
            texts(
                "- Parent item text.\n  - nested item.\n\n  Continuation paragraph of parent item.\n- Next.\n\n\
                 - Item <b>with</b>\n\n  <div>html &amp; text</div>\n\n  and more.\n"
            ),
            [
                "Parent item text. Continuation paragraph of parent item.",
                "nested item.",
                "Next.",
                "Item with html & text and more.",
            ]
        );
    }

    #[test]
    fn html_block_entities_are_decoded_once() {
        assert_eq!(
            texts("<p>a &amp;lt; b &#8217;s &#x2019; &lt; &bogus; &amp;amp;</p>\n"),
            ["a &lt; b \u{2019}s \u{2019} < &bogus; &amp;"]
        );
    }

    #[test]
    fn lead_ins_lose_their_colon_or_dash() {
        let d = parse(
            "-   **Quantum:** The two.\n-   **AI**: The three.\n-   **Costa Rica** *–* in close\n\
             -   **Glued**: The four.\n-   **Working Group 4 – ICTS and\n    Services:** The group\n\n**RECOGNISING** the role\n\n- **Launching**\u{200b} **work.** We go.\n\n\
             **A paragraph's lead-in:** titles nothing.\n",
        );
        let leads: Vec<Option<(&str, &str)>> = d.blocks.iter().map(Block::lead_split).collect();
        assert_eq!(
            leads,
            [
                Some(("Quantum", "The two.")),
                Some(("AI", "The three.")),
                Some(("Costa Rica", "in close")),
                Some(("Glued", "The four.")),
                Some(("Working Group 4 – ICTS and Services", "The group")),
                None,
                Some(("Launching work", "We go.")),
                None,
            ]
        );
        assert_eq!(d.blocks[5].text, "RECOGNISING the role");
        assert_eq!(d.blocks[7].text, "A paragraph's lead-in: titles nothing.");
    }

    #[test]
    fn only_the_block_opening_the_document_is_front_matter() {
        let d = parse("---\ntitle: T\n---\n\nText.\n\n---\nMore text: here.\n---\n");
        assert_eq!(d.front.as_deref(), Some("title: T\n"));
        assert_eq!(texts_of(&d), ["Text.", "More text: here."]);
        let d = parse("---\n---\nsecond: document\n---\n");
        assert_eq!(d.front, None);
        assert_eq!(texts_of(&d), ["second: document"]);
    }

    fn texts_of(d: &Document) -> Vec<&str> {
        d.blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn items_know_their_depth_and_front_matter_is_read() {
        let d = parse("---\ndate: '2021-01-01'\ntitle: \"T\"\n---\n\n- a\n    - b\n- c\n");
        assert_eq!(d.title_line, 3);
        assert!(d.front.unwrap().contains("title"));
        let kinds: Vec<Kind> = d.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Item { depth: 0 },
                Kind::Item { depth: 1 },
                Kind::Item { depth: 0 }
            ]
        );
    }
}
