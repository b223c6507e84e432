//! The reader pane: the selected node in full, wrapped to the pane.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::theme::Styles;
use crate::app::{App, Pane};
use crate::compare::stance::Why;
use crate::model::{Area, Meeting, Node, NodePath, Text};
use crate::output::plural;
use crate::search::Field;
use crate::wrap::{sanitize, wrap};

/// The reader's lines for the current selection and width, and where the
/// selected commitment starts.
pub struct Document {
    /// Wrapped, styled lines.
    pub lines: Vec<Line<'static>>,
    /// Index of the selected commitment's first line.
    pub selected: Option<usize>,
}

/// Lines of the reader's content.
pub fn line_count(app: &App) -> usize {
    document(app).lines.len()
}

/// Builds the reader's content for `app`'s selection at its current width.
pub fn document(app: &App) -> Document {
    let width = usize::from(super::layout::reader_text_width(app.size, app.focus));
    let styles = Styles::of(app);
    let mut doc = Writer {
        lines: Vec::new(),
        width,
        selected: None,
    };
    match app
        .selected_path()
        .and_then(|p| app.corpus.get(p).map(|n| (p, n)))
    {
        None => match &app.filter {
            Some(f) => doc.para(&format!("Nothing matches “{}”.", f.query), Style::new()),
            None => doc.para(
                "No statements are loaded. Run `jointly --help` to see how to add some.",
                Style::new(),
            ),
        },
        Some((_, Node::Partnership(p))) => {
            doc.para(&p.name, styles.title);
            doc.para(&format!("Parties: {}", p.parties.join(", ")), styles.dim);
            doc.blank();
            for m in &p.meetings {
                doc.para(
                    &format!(
                        "{}  {}  ({})",
                        m.id,
                        m.title,
                        plural(m.commitment_count(), "commitment")
                    ),
                    Style::new(),
                );
            }
        }
        Some((_, Node::Meeting(_, m))) => meeting(&mut doc, m, &styles),
        Some((path, Node::Area(p, m, a))) => area(
            &mut doc,
            a,
            None,
            &styles,
            &app.corpus.id_of(path).unwrap_or_default(),
            &AreaMarks::of(app, path),
            &Stances {
                app,
                preamble: &m.preamble,
                parties: &p.parties,
            },
        ),
        Some((path, Node::Commitment(p, m, a, i, _))) => {
            let parent = path.parent().unwrap_or(path);
            let id = app.corpus.id_of(parent).unwrap_or_default();
            let stances = Stances {
                app,
                preamble: &m.preamble,
                parties: &p.parties,
            };
            area(
                &mut doc,
                a,
                Some(i),
                &styles,
                &id,
                &AreaMarks::of(app, parent),
                &stances,
            );
        }
    }
    Document {
        lines: doc.lines,
        selected: doc.selected,
    }
}

fn meeting(doc: &mut Writer, m: &Meeting, styles: &Styles) {
    doc.para(&m.title, styles.title);
    let place = m.place.as_deref().map(|p| format!(" · {p}")).unwrap_or_default();
    doc.para(&format!("{}{place}", m.date), styles.dim);
    for c in &m.co_chairs {
        doc.indented("  ", &format!("{}, {}", c.name, c.role), styles.dim);
    }
    if let Some(file) = &m.source.source_file {
        let url = m
            .source
            .url
            .as_deref()
            .map(|u| format!(" ({u})"))
            .unwrap_or_default();
        doc.para(&format!("Source: {file}{url}"), styles.dim);
    }
    doc.blank();
    for p in &m.preamble {
        doc.para(&p.text, Style::new());
        doc.blank();
    }
    for (i, a) in m.areas.iter().enumerate() {
        // Sections as headings over the areas they hold, indented by depth.
        let opened = m.opened_sections(i);
        let first = a.section.len() - opened.len();
        for (k, s) in opened.iter().enumerate() {
            doc.indented(&"  ".repeat(first + k), s, styles.dim);
        }
        doc.indented(
            &format!("{}{:>2}. ", "  ".repeat(a.section.len()), i + 1),
            &format!("{} ({})", a.title, a.commitments.len()),
            styles.title,
        );
    }
    doc.blank();
    for p in m.closing.iter().chain(&m.signatories) {
        doc.para(&p.text, Style::new());
        doc.blank();
    }
}

/// The characters a filter matched in an area's title and commitments.
#[derive(Default)]
struct AreaMarks {
    title: Vec<usize>,
    commitments: Vec<Vec<usize>>,
}

impl AreaMarks {
    fn of(app: &App, area: NodePath) -> AreaMarks {
        if app.filter.is_none() {
            return AreaMarks::default();
        }
        let field = |path: NodePath, field: Field| super::marks::in_field(&app.filter_marks(path), field);
        let count = crate::app::tree::child_count(&app.corpus, area);
        AreaMarks {
            title: field(area, Field::Title),
            commitments: match area {
                NodePath::Area(p, m, a) => (0..count)
                    .map(|c| field(NodePath::Commitment(p, m, a, c), Field::Text))
                    .collect(),
                _ => Vec::new(),
            },
        }
    }
}

/// What the line under each commitment needs: its stance's colour, the
/// lead-in its basis may lie in, and the names of the parties.
struct Stances<'a> {
    app: &'a App,
    preamble: &'a [Text],
    parties: &'a [String],
}

impl Stances<'_> {
    /// `[explore*] “will explore”, sentence 2 · Singapore alone`, the tag in
    /// its stance's colour: how the stance was read and who undertakes it.
    fn line(&self, doc: &mut Writer, a: &Area, i: usize, styles: &Styles) {
        let Some(c) = a.commitments.get(i) else { return };
        let tag = super::compare::stance_tag(c.stance);
        let mut text = tag.clone();
        if let Some(why) = Why::of(self.preamble, a, i) {
            text.push_str(&format!(" {why}"));
        }
        if !c.actor.is_joint() {
            text.push_str(&format!(" · {} alone", c.actor.name(self.parties)));
        }
        let colour = c.stance.map_or(styles.dim, |(s, _)| Styles::stance(self.app, s));
        let tag_chars: Vec<usize> = (0..tag.chars().count()).collect();
        doc.marked("    ", &text, styles.dim, &tag_chars, colour);
    }
}

fn area(
    doc: &mut Writer,
    a: &Area,
    selected: Option<usize>,
    styles: &Styles,
    id: &str,
    marks: &AreaMarks,
    stances: &Stances,
) {
    if !a.section.is_empty() {
        doc.para(&a.section.join(" › "), styles.dim);
    }
    doc.marked("", &a.title, styles.title, &marks.title, styles.matched);
    doc.para(
        &format!("{} · {id}", plural(a.commitments.len(), "commitment")),
        styles.dim,
    );
    doc.blank();
    // The intro leads into the numbered commitments; it is not one of them.
    for p in &a.intro {
        doc.para(&p.text, Style::new());
        doc.blank();
    }
    for (i, c) in a.commitments.iter().enumerate() {
        let style = if selected == Some(i) {
            styles.selected
        } else {
            Style::new()
        };
        if selected == Some(i) {
            doc.selected = Some(doc.lines.len());
        }
        let marked = marks.commitments.get(i).map_or(&[][..], Vec::as_slice);
        doc.marked(&format!("{:>2}. ", i + 1), &c.text, style, marked, styles.matched);
        stances.line(doc, a, i, styles);
        doc.blank();
    }
    for p in &a.outro {
        doc.para(&p.text, styles.dim);
        doc.blank();
    }
}

struct Writer {
    lines: Vec<Line<'static>>,
    width: usize,
    selected: Option<usize>,
}

impl Writer {
    fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    fn para(&mut self, text: &str, style: Style) {
        self.indented("", text, style);
    }

    /// `label` on the first line, the same width of indent on the others.
    fn indented(&mut self, label: &str, text: &str, style: Style) {
        self.marked(label, text, style, &[], Style::new());
    }

    /// As [`Writer::indented`], the characters at `marked` (character
    /// indices into `text`) in `style` patched with `matched`.
    fn marked(&mut self, label: &str, text: &str, style: Style, marked: &[usize], matched: Style) {
        let text = sanitize(text);
        let indent = crate::wrap::width(label);
        let pad = " ".repeat(indent);
        // Characters before the line, counted as the lines go: counting
        // from the start for each line would be quadratic in a long word.
        let (mut start, mut counted) = (0, 0);
        for (n, range) in wrap(&text, self.width.saturating_sub(indent))
            .into_iter()
            .enumerate()
        {
            let lead = if n == 0 { label.to_string() } else { pad.clone() };
            start += text[counted..range.start].chars().count();
            counted = range.start;
            let part = &text[range];
            let here = super::marks::shifted(marked, -(start as isize), part.chars().count());
            let mut spans = vec![Span::raw(lead)];
            spans.extend(super::marks::spans(part, &here, style, matched));
            self.lines.push(Line::from(spans));
        }
    }
}

/// Draws the reader into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let styles = Styles::of(app);
    let focused = app.focus == Pane::Reader && app.overlay.is_none();
    let title = match app.selected_path() {
        Some(NodePath::Commitment(..)) | Some(NodePath::Area(..)) => " Area ",
        Some(NodePath::Meeting(..)) => " Statement ",
        _ => " Reader ",
    };
    let block = Block::bordered().title(title).border_style(if focused {
        styles.border_focused
    } else {
        styles.border
    });
    let doc = document(app);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(text_area) = super::layout::text_area(inner) else {
        return;
    };
    let end = (app.reader_scroll + usize::from(text_area.height)).min(doc.lines.len());
    let start = app.reader_scroll.min(end);
    let visible: Vec<Line> = doc.lines[start..end].to_vec();
    frame.render_widget(Paragraph::new(visible), text_area);
}
