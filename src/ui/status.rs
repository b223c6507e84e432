//! The status line: where you are, the node's id, match counters, and the
//! keys that matter.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Styles;
use super::tree::truncate;
use crate::app::{Action, App, Layer, Overlay, Pane, Tool};
use crate::model::{Node, NodePath};
use crate::wrap::{sanitize, width};

/// The key hints for the current context.
pub fn hints(app: &App) -> String {
    let k = |a: Action| app.config.keys.keys_label(a);
    match app.layers.top() {
        Some(Layer::Palette(_)) => {
            format!(
                "type to search  {} jump  {} close",
                k(Action::Open),
                k(Action::Close)
            )
        }
        Some(Layer::FilterPrompt | Layer::ReaderPrompt) => {
            format!("{} keep  {} clear", k(Action::Open), k(Action::Close))
        }
        Some(Layer::Tool(Tool::Note { .. })) => {
            format!("{} save  {} cancel", k(Action::Open), k(Action::Close))
        }
        Some(Layer::Tool(_)) => format!(
            "{} move  {}/{} close",
            k(Action::MoveDown),
            k(Action::Close),
            k(Action::Quit)
        ),
        Some(Layer::Overlay(o)) => {
            let filter = match o {
                Overlay::Help(_) => format!("{} filter  ", k(Action::Filter)),
                Overlay::Problems { .. } => String::new(),
            };
            format!(
                "{} scroll  {filter}{}/{} close",
                k(Action::MoveDown),
                k(Action::Close),
                k(Action::Quit)
            )
        }
        Some(Layer::Compare(cmp)) => super::compare::hints(app, cmp),
        None => match (app.focus, &app.reader_search, &app.filter) {
            (Pane::Reader, Some(_), _) | (_, _, Some(_)) => format!(
                "{} next  {} previous  {} edit  {} clear",
                k(Action::NextMatch),
                k(Action::PrevMatch),
                k(Action::Filter),
                k(Action::Close)
            ),
            (Pane::Tree, ..) => format!(
                "{} open  {} pane  {} help  {} quit",
                k(Action::Open),
                k(Action::SwitchPane),
                k(Action::Help),
                k(Action::Quit)
            ),
            (Pane::Reader, ..) => format!(
                "{} scroll  {} search  {} tree  {} help",
                k(Action::MoveDown),
                k(Action::Filter),
                k(Action::Left),
                k(Action::Help)
            ),
        },
    }
}

/// "match 2 of 5": where `n`/`N` are among the matches of the reader's
/// search (with the reader focused) or of the tree's filter.
pub fn counter(app: &App) -> Option<String> {
    if !app.layers.is_empty() {
        return None;
    }
    let (at, total) = match (&app.reader_search, &app.filter) {
        (Some(s), _) if app.focus == Pane::Reader => {
            let total = app.reader_document().matches.len();
            (s.current.min(total.saturating_sub(1)), total)
        }
        (_, Some(f)) if !f.pending => (f.current, f.hits.len()),
        _ => return None,
    };
    Some(if total == 0 {
        "no matches".to_string()
    } else {
        format!("match {} of {total}", at + 1)
    })
}

/// The breadcrumb of `path` by levels, from the widest to the shortest that
/// still says where you are: partnership name, then its id, then without
/// the partnership, then without the meeting. The node's own title is
/// always kept.
pub fn crumbs(app: &App, path: NodePath) -> Vec<String> {
    let Some(node) = app.corpus.get(path) else {
        return Vec::new();
    };
    let (partnership, mut rest): (&crate::model::Partnership, Vec<String>) = match node {
        Node::Partnership(p) => (p, vec![]),
        Node::Meeting(p, m) => (p, vec![m.id.clone()]),
        // An area's section path (issue 12) sits between the meeting and
        // its title, as in the reader.
        Node::Area(p, m, a) => (p, area_levels(m, a)),
        Node::Commitment(p, m, a, i, _) => {
            let mut levels = area_levels(m, a);
            levels.push(format!("{}/{}", i + 1, a.commitments.len()));
            (p, levels)
        }
        // A section's path, its own title saying what it holds.
        Node::Section(p, m, si, s) => {
            let drawn = |t: &str| crate::wrap::head(t, crate::wrap::MAX_DRAWN_CHARS).0.to_string();
            let mut levels: Vec<String> = std::iter::once(m.id.clone())
                .chain(
                    crate::model::Meeting::section_path(&m.sections(), si)
                        .into_iter()
                        .map(drawn),
                )
                .collect();
            if let Some(own) = levels.last_mut() {
                own.push_str(&format!(" ({})", crate::output::section_holds(m, &s)));
            }
            (p, levels)
        }
    };
    let join = |head: Option<&str>, levels: &[String]| {
        head.into_iter()
            .map(str::to_string)
            .chain(levels.iter().cloned())
            .collect::<Vec<_>>()
            .join(" › ")
    };
    if rest.is_empty() {
        return vec![partnership.name.clone(), partnership.id.clone()];
    }
    let mut out = vec![
        join(Some(&partnership.name), &rest),
        join(Some(&partnership.id), &rest),
    ];
    // Then leave out levels from the left, keeping the node's own (and,
    // for a commitment, its area's title with its number).
    let keep = if matches!(node, Node::Commitment(..)) {
        2
    } else {
        1
    };
    while rest.len() > keep {
        rest.remove(0);
        out.push(join(None, &rest));
    }
    out
}

/// The levels below the partnership down to an area: the meeting, the
/// area's sections, its title.
fn area_levels(m: &crate::model::Meeting, a: &crate::model::Area) -> Vec<String> {
    // No more of a title than is drawn: a 20 MB one is not copied whole.
    let drawn = |s: &str| crate::wrap::head(s, crate::wrap::MAX_DRAWN_CHARS).0.to_string();
    std::iter::once(m.id.clone())
        .chain(a.section.iter().map(|s| drawn(s)))
        .chain(std::iter::once(drawn(&a.title)))
        .collect()
}

/// Cuts `s` to `max` cells from the left, starting with "…" when cut.
fn truncate_left(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut w = 1;
    for c in s.chars().rev() {
        let cw = width(c.encode_utf8(&mut [0; 4]));
        if w + cw > max {
            break;
        }
        kept.push(c);
        w += cw;
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// Draws the status line into `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let styles = Styles::of(app);
    let path = app.selected_path();
    let id = path.and_then(|p| app.corpus.id_of(p)).unwrap_or_default();
    let total = usize::from(area.width);
    let mut right = hints(app);
    if let Some(c) = counter(app) {
        right = format!("{c}  {right}");
    }
    let mut notice = String::new();
    if !app.problems.is_empty() && app.message.is_none() {
        let key = app.config.keys.keys_label(Action::Problems);
        notice = format!(
            "⚠ {} ({key}) ",
            crate::output::plural(app.problems.len(), "problem")
        );
    }
    // The choices for the left part, widest first; the first that fits
    // beside the hints is drawn.
    let choices: Vec<Vec<Span>> = match (&app.message, app.compare()) {
        (Some(m), _) => vec![vec![Span::styled(sanitize(m).into_owned(), styles.notice)]],
        (None, Some(cmp)) => vec![vec![Span::raw(super::compare::status_left(app, cmp))]],
        (None, None) => {
            let crumbs = path.map(|p| crumbs(app, p)).unwrap_or_default();
            let with_id = crumbs.iter().take(2).map(|c| {
                vec![
                    Span::raw(sanitize(c).into_owned()),
                    Span::styled(format!("  {id}"), styles.dim),
                ]
            });
            let without = crumbs.iter().map(|c| vec![Span::raw(sanitize(c).into_owned())]);
            with_id.chain(without).collect()
        }
    };
    let text = |spans: &[Span]| -> String { spans.iter().map(|s| s.content.as_ref()).collect() };
    let fits = |spans: &[Span], room: usize| width(&notice) + width(&text(spans)) <= room;
    let room = total.saturating_sub(width(&right) + 2);
    let chosen = choices.iter().find(|c| fits(c, room));
    // Else where you are matters more than the keys, which the help lists.
    let alone = || {
        choices
            .iter()
            .find(|c| fits(c, total))
            .map(|c| (c.clone(), String::new()))
    };
    // A message too long is cut from the left: its end says what happened
    // ("…; bookmarks not saved"); the breadcrumb's shortest choice keeps
    // its start, the node's own title.
    let cut = |s: &str, max: usize| {
        if app.message.is_some() {
            truncate_left(s, max)
        } else {
            truncate(s, max)
        }
    };
    let mut left = match chosen.cloned().map(|c| (c, right.clone())).or_else(alone) {
        Some((c, r)) => {
            right = r;
            c
        }
        // Room for a useful part beside the hints: the shortest choice, cut.
        None if room >= 20 + width(&notice) => {
            let last = choices.last().cloned().unwrap_or_default();
            let style = last.first().map(|s| s.style).unwrap_or_default();
            vec![Span::styled(
                cut(&text(&last), room.saturating_sub(width(&notice))),
                style,
            )]
        }
        None => {
            // Nothing fits beside the hints: where you are matters more.
            right = String::new();
            let last = choices.last().cloned().unwrap_or_default();
            let style = last.first().map(|s| s.style).unwrap_or_default();
            vec![Span::styled(
                cut(&text(&last), total.saturating_sub(width(&notice))),
                style,
            )]
        }
    };
    if !notice.is_empty() {
        left.insert(0, Span::styled(notice, styles.notice));
    }
    let used = width(&text(&left));
    let gap = total.saturating_sub(used + width(&right));
    left.push(Span::raw(" ".repeat(gap)));
    left.push(Span::styled(right, styles.dim));
    frame.render_widget(Paragraph::new(Line::from(left)), area);
}
