//! One frame of a ranked result list, drawn into ratatui's TestBackend at
//! 120x40: each visible hit with its id and its text, matched characters
//! highlighted. Stands in for the app's own view until it exists.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, List, ListItem};

use jointly::model::{Corpus, Node};
use jointly::search::{Field, Ranked, highlights};

pub struct Frame {
    terminal: Terminal<TestBackend>,
}

impl Frame {
    pub fn new() -> Frame {
        Frame {
            terminal: Terminal::new(TestBackend::new(120, 40)).expect("test backend"),
        }
    }

    pub fn draw(&mut self, corpus: &Corpus, ranked: &Ranked) {
        let rows = self
            .terminal
            .size()
            .map(|s| s.height)
            .unwrap_or(40)
            .saturating_sub(2) as usize;
        let items: Vec<ListItem> = ranked
            .hits
            .iter()
            .take(rows)
            .map(|hit| {
                let path = hit.path();
                let text = match corpus.get(path) {
                    Some(Node::Commitment(_, _, _, _, c)) => c.text.as_ref(),
                    Some(Node::Area(_, _, a)) => a.title.as_str(),
                    Some(Node::Meeting(_, m)) => m.title.as_str(),
                    _ => "",
                };
                let marks = highlights(corpus, path, &ranked.query)
                    .into_iter()
                    .find(|f| matches!(f.field, Field::Text | Field::Title))
                    .map(|f| f.bytes)
                    .unwrap_or_default();
                let mut spans = vec![Span::raw(format!("{:>5} ", hit.score))];
                let mut plain = String::new();
                for (at, ch) in text.char_indices().take(110) {
                    if marks.binary_search(&at).is_ok() {
                        spans.push(Span::raw(std::mem::take(&mut plain)));
                        let bold = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
                        spans.push(Span::styled(ch.to_string(), bold));
                    } else {
                        plain.push(ch);
                    }
                }
                spans.push(Span::raw(plain));
                ListItem::new(Line::from(spans))
            })
            .collect();
        let title = format!(" {} of {} ", ranked.hits.len(), ranked.matched);
        self.terminal
            .draw(|f| f.render_widget(List::new(items).block(Block::bordered().title(title)), f.area()))
            .expect("draw into test backend");
    }
}
