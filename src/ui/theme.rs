//! Styles for each role, from the configured colours, or from modifiers
//! alone when `NO_COLOR` is set.

use ratatui::style::{Color, Modifier, Style};

use crate::app::App;
use crate::layout::doc::{Line, Role};

/// The styles of one frame.
#[derive(Debug, Clone, Copy)]
pub struct Styles {
    /// Pane borders.
    pub border: Style,
    /// The focused pane's border.
    pub border_focused: Style,
    /// Headings.
    pub title: Style,
    /// The selected row or commitment.
    pub selected: Style,
    /// Matched characters.
    pub matched: Style,
    /// Secondary text.
    pub dim: Style,
    /// Warnings and notices.
    pub notice: Style,
}

impl Styles {
    /// The styles for `app`'s theme and colour setting.
    pub fn of(app: &App) -> Styles {
        let t = &app.config.theme;
        if !app.colour {
            return Styles {
                border: Style::new(),
                border_focused: Style::new().add_modifier(Modifier::BOLD),
                title: Style::new().add_modifier(Modifier::BOLD),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                matched: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
                dim: Style::new(),
                notice: Style::new().add_modifier(Modifier::BOLD),
            };
        }
        let fg = |role: &str| Style::new().fg(t.get(role));
        Styles {
            border: fg("border"),
            border_focused: fg("border_focused"),
            title: fg("title").add_modifier(Modifier::BOLD),
            selected: Style::new().fg(t.get("selected_fg")).bg(t.get("selected_bg")),
            matched: fg("match").add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            dim: fg("dim"),
            notice: fg("notice").add_modifier(Modifier::BOLD),
        }
    }

    /// The style of a role of laid-out text.
    pub fn role(&self, app: &App, role: Role) -> Style {
        match role {
            Role::Plain => Style::new(),
            Role::Title => self.title,
            Role::Dim => self.dim,
            Role::Notice => self.notice,
            Role::Selected => self.selected,
            Role::Matched => self.matched,
            Role::Stance(s) => Styles::stance(app, s),
        }
    }

    /// A laid-out line in these styles, marked runs patched with `matched`.
    pub fn line(&self, app: &App, line: &Line) -> ratatui::text::Line<'static> {
        ratatui::text::Line::from(
            line.runs
                .iter()
                .map(|r| {
                    let style = self.role(app, r.role);
                    let style = if r.marked {
                        style.patch(self.matched)
                    } else {
                        style
                    };
                    ratatui::text::Span::styled(r.text.clone(), style)
                })
                .collect::<Vec<_>>(),
        )
    }

    /// The colour of a stance tag, or none without colour.
    pub fn stance(app: &App, stance: crate::model::Stance) -> Style {
        if !app.colour {
            return Style::new().add_modifier(Modifier::ITALIC);
        }
        let role = format!("stance_{}", stance.as_str());
        match app.config.theme.get(&role) {
            Color::Reset => Style::new(),
            c => Style::new().fg(c),
        }
    }
}
