//! The modes of the app as one stack of layers over the browser (tree and
//! reader): the innermost layer takes the keys, closing pops it, and the
//! view draws the stack bottom-up, as gitui's popup stack does.
//!
//! One stack instead of an `Option` per mode makes the combinations that
//! should not exist (a palette over a comparison over the help) impossible
//! to build: [`Layers::push`] refuses a layer where it cannot go, and
//! [`Layers::is_valid`] states the rule a property test checks.

use super::Overlay;
use super::compare::Comparison;
use super::palette::Palette;
use super::tools::Tool;

/// A mode drawn over the browser.
#[derive(Debug, Clone)]
pub enum Layer {
    /// The side-by-side comparison: a screen of its own, only at the bottom.
    Compare(Box<Comparison>),
    /// The prompt of the tree's filter: typed characters go to the query.
    FilterPrompt,
    /// The prompt of the search in the reader's text.
    ReaderPrompt,
    /// The jump palette.
    Palette(Palette),
    /// The bookmark note, the bookmarks or the glossary.
    Tool(Tool),
    /// The help or the problems.
    Overlay(Overlay),
}

impl Layer {
    /// Whether this layer may go on top of `below` (bottom first).
    pub fn fits_over(&self, below: &[Layer]) -> bool {
        match self {
            // Windows over the help would hide what it explains; only
            // the help and the problems open over the comparison.
            Layer::Overlay(_) => matches!(below, [] | [Layer::Compare(_)]),
            // The rest are the browser's: its prompts, palette and tools.
            _ => below.is_empty(),
        }
    }
}

/// The stack of layers, bottom first.
#[derive(Debug, Clone, Default)]
pub struct Layers(Vec<Layer>);

impl Layers {
    /// Puts `layer` on top if it may go there; false (and nothing
    /// changes) if it may not.
    pub fn push(&mut self, layer: Layer) -> bool {
        let fits = layer.fits_over(&self.0);
        if fits {
            self.0.push(layer);
        }
        fits
    }

    /// Takes the innermost layer off.
    pub fn pop(&mut self) -> Option<Layer> {
        self.0.pop()
    }

    /// The innermost layer.
    pub fn top(&self) -> Option<&Layer> {
        self.0.last()
    }

    /// The innermost layer, to change it.
    pub fn top_mut(&mut self) -> Option<&mut Layer> {
        self.0.last_mut()
    }

    /// Whether nothing covers the browser.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The layers, bottom first.
    pub fn iter(&self) -> impl Iterator<Item = &Layer> {
        self.0.iter()
    }

    /// Whether every layer sits where it may.
    pub fn is_valid(&self) -> bool {
        (0..self.0.len()).all(|i| self.0[i].fits_over(&self.0[..i]))
    }

    /// The comparison, when open (under the help, perhaps).
    pub fn compare(&self) -> Option<&Comparison> {
        self.0.iter().find_map(|l| match l {
            Layer::Compare(c) => Some(&**c),
            _ => None,
        })
    }

    /// The comparison, to change it.
    pub fn compare_mut(&mut self) -> Option<&mut Comparison> {
        self.0.iter_mut().find_map(|l| match l {
            Layer::Compare(c) => Some(&mut **c),
            _ => None,
        })
    }

    /// The overlay on top, if that is what is on top.
    pub fn overlay(&self) -> Option<&Overlay> {
        match self.top() {
            Some(Layer::Overlay(o)) => Some(o),
            _ => None,
        }
    }

    /// The tool on top, if that is what is on top.
    pub fn tool(&self) -> Option<&Tool> {
        match self.top() {
            Some(Layer::Tool(t)) => Some(t),
            _ => None,
        }
    }

    /// The palette on top, if that is what is on top.
    pub fn palette(&self) -> Option<&Palette> {
        match self.top() {
            Some(Layer::Palette(p)) => Some(p),
            _ => None,
        }
    }

    /// The palette, to change it.
    pub fn palette_mut(&mut self) -> Option<&mut Palette> {
        match self.top_mut() {
            Some(Layer::Palette(p)) => Some(p),
            _ => None,
        }
    }

    /// Whether the tree filter's prompt takes the keys.
    pub fn filter_prompt(&self) -> bool {
        matches!(self.top(), Some(Layer::FilterPrompt))
    }

    /// Whether the reader search's prompt takes the keys.
    pub fn reader_prompt(&self) -> bool {
        matches!(self.top(), Some(Layer::ReaderPrompt))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_layer_goes_only_where_it_may() {
        let mut layers = Layers::default();
        assert!(layers.push(Layer::FilterPrompt));
        assert!(
            !layers.push(Layer::Palette(Palette::default())),
            "no palette over a prompt"
        );
        assert!(!layers.push(Layer::Overlay(Overlay::Problems { scroll: 0 })));
        layers.pop();
        assert!(layers.push(Layer::Overlay(Overlay::Problems { scroll: 0 })));
        assert!(
            !layers.push(Layer::Overlay(Overlay::Problems { scroll: 0 })),
            "one overlay"
        );
        assert!(layers.is_valid());
    }
}
