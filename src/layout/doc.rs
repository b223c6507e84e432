//! Text laid out at a width, before it has colours: lines of runs, each
//! run with the role it plays. The state measures these (how many lines, where
//! an item starts) and the view gives each role its style, so both agree on
//! every line without the state reaching into the view.

use crate::model::Stance;
use crate::wrap::{sanitize, wrap};

/// What a run of text is, for the view to style it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Body text.
    Plain,
    /// A heading or key.
    Title,
    /// Secondary text.
    Dim,
    /// A warning or a notice.
    Notice,
    /// The selected commitment or item.
    Selected,
    /// What the cursor corresponds to (in the comparison).
    Matched,
    /// A stance tag, in the stance's colour.
    Stance(Stance),
}

/// A run of text with one role; `marked` runs are a search's matched characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The text, already sanitised.
    pub text: String,
    /// How it is styled.
    pub role: Role,
    /// Whether a search matched these characters.
    pub marked: bool,
}

/// One line of laid-out text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    /// The runs, left to right.
    pub runs: Vec<Run>,
}

impl Line {
    /// A line of one run.
    pub fn one(text: impl Into<String>, role: Role) -> Line {
        Line {
            runs: vec![Run {
                text: text.into(),
                role,
                marked: false,
            }],
        }
    }

    /// The line's text without roles.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// Marks characters `chars` (character indices into the line's text),
    /// splitting runs where needed.
    pub fn mark(&mut self, chars: std::ops::Range<usize>) {
        let mut out = Vec::with_capacity(self.runs.len() + 2);
        let mut at = 0;
        for run in self.runs.drain(..) {
            let len = run.text.chars().count();
            let (from, to) = (chars.start.max(at), chars.end.min(at + len));
            if from >= to {
                out.push(run);
            } else {
                let marked: Vec<usize> = (from - at..to - at).collect();
                out.extend(runs(&run.text, &marked, run.role).into_iter().map(|r| Run {
                    marked: r.marked || run.marked,
                    ..r
                }));
            }
            at += len;
        }
        self.runs = out;
    }

    /// Adds a run.
    pub fn push(&mut self, text: impl Into<String>, role: Role) {
        self.runs.push(Run {
            text: text.into(),
            role,
            marked: false,
        });
    }
}

/// `text` as runs in `role`, the characters at `marked` (character indices,
/// ascending) marked.
pub fn runs(text: &str, marked: &[usize], role: Role) -> Vec<Run> {
    let mut out = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    for (i, c) in text.chars().enumerate() {
        let m = marked.binary_search(&i).is_ok();
        if m != run_marked && !run.is_empty() {
            out.push(Run {
                text: std::mem::take(&mut run),
                role,
                marked: run_marked,
            });
        }
        run_marked = m;
        run.push(c);
    }
    if !run.is_empty() || out.is_empty() {
        out.push(Run {
            text: run,
            role,
            marked: run_marked,
        });
    }
    out
}

/// `marked` shifted by `by` characters, keeping those in `0..len`.
pub fn shifted(marked: &[usize], by: isize, len: usize) -> Vec<usize> {
    marked
        .iter()
        .filter_map(|&m| m.checked_add_signed(by))
        .filter(|&m| m < len)
        .collect()
}

/// Lines being written at a width: paragraphs wrapped under a label.
#[derive(Debug, Default)]
pub struct Writer {
    /// The lines so far.
    pub lines: Vec<Line>,
    /// Columns of text.
    pub width: usize,
}

impl Writer {
    /// A writer of lines `width` columns wide.
    pub fn new(width: usize) -> Writer {
        Writer {
            lines: Vec::new(),
            width,
        }
    }

    /// An empty line.
    pub fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    /// A paragraph.
    pub fn para(&mut self, text: &str, role: Role) {
        self.marked("", text, role, &[], None);
    }

    /// `label` on the first line, the same width of indent on the others.
    pub fn indented(&mut self, label: &str, text: &str, role: Role) {
        self.marked(label, text, role, &[], None);
    }

    /// As [`Writer::indented`], the characters at `marked` (character
    /// indices into `text`) marked; `head` gives the first `head.0` bytes
    /// of the text a role of their own.
    pub fn marked(
        &mut self,
        label: &str,
        text: &str,
        role: Role,
        marked: &[usize],
        head: Option<(usize, Role)>,
    ) {
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
            let line_start = range.start;
            let mut line = Line::one(lead, Role::Plain);
            let mut piece = |from: usize, to: usize, role: Role| {
                let part = &text[from..to];
                let first = start + text[line_start..from].chars().count();
                let here = shifted(marked, -(first as isize), part.chars().count());
                if !part.is_empty() {
                    line.runs.extend(runs(part, &here, role));
                }
            };
            match head {
                Some((len, head_role)) if range.start < len => {
                    let cut = len.min(range.end);
                    piece(range.start, cut, head_role);
                    piece(cut, range.end, role);
                }
                _ => piece(range.start, range.end, role),
            }
            self.lines.push(line);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_characters_become_their_own_runs() {
        let r = runs("financial scams", &[10, 11, 12, 13], Role::Plain);
        let parts: Vec<(&str, bool)> = r.iter().map(|r| (r.text.as_str(), r.marked)).collect();
        assert_eq!(parts, [("financial ", false), ("scam", true), ("s", false)]);
        assert_eq!(shifted(&[10, 11, 12], -10, 2), [0, 1]);
    }

    #[test]
    fn a_label_indents_the_wrapped_lines() {
        let mut w = Writer::new(12);
        w.indented(" 1. ", "one two three four", Role::Plain);
        let text: Vec<String> = w.lines.iter().map(Line::text).collect();
        assert_eq!(text, [" 1. one two", "    three", "    four"]);
    }
}
