//! The parts of a statement, as the outline ([`super::outline`]) cuts it:
//! the preamble, the areas with their commitments, the closing and the
//! signature block.

/// One area: its title and its commitments, in source order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AreaParts {
    /// The heading or bold lead-in, as written.
    pub title: String,
    /// Whether the source gives it no heading (`title` is a placeholder).
    pub untitled: bool,
    /// The sections it stands in, outermost first.
    pub section: Vec<String>,
    /// Paragraphs before its first item.
    pub intro: Vec<String>,
    /// One per list item, line or sentence.
    pub commitments: Vec<String>,
    /// The sentence after the commitments that leads into a list of areas.
    pub outro: Vec<String>,
    /// Lead-ins between the commitments, each before the commitment of its index.
    pub leads: Vec<(usize, String)>,
    /// Commitments after the areas of its own section (text of its own after a list of lead-in areas).
    pub after_areas: Vec<String>,
}

/// The statement cut into its parts.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Parts {
    /// Paragraphs before the first area.
    pub preamble: Vec<String>,
    /// The areas.
    pub areas: Vec<AreaParts>,
    /// Paragraphs after the last area.
    pub closing: Vec<String>,
    /// The signature block.
    pub signatories: Vec<String>,
}
