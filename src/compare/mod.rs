//! Comparing statements: topics, stance, text similarity and area alignment.
//!
//! [`annotate`] runs once after loading and fills in what the statement files
//! leave out (topics of untagged areas, stances of untagged commitments),
//! marked [`Origin::Inferred`]; [`align`] then pairs the areas of any two
//! meetings. Nothing here knows about terminals or output formats.

pub mod align;
pub mod changes;
pub mod counterparts;
pub mod similarity;
pub mod stance;
pub mod topics;
pub mod words;

pub use align::{Alignment, Link, Side, align};
pub use counterparts::{Counterparts, Match, Strength};
pub use stance::Tally;
pub use topics::Taxonomy;

use crate::loader::Problem;
use crate::model::{Corpus, Meeting, Origin};

/// Fills in inferred topics and stances, and checks curated topics.
///
/// - Curated topics written as an alias are rewritten to the topic's id; an
///   id the taxonomy does not know is kept, with a warning naming the
///   statement file and the path of the topic in it.
/// - An area with no topics gets those inferred from its title and text.
/// - A commitment with no stance gets the one its wording signals, if any,
///   with the words that decided it; every commitment gets its actor.
///
/// Curated values are never changed otherwise, and inferred ones are never
/// recomputed, so calling it twice changes nothing more (but warns again).
pub fn annotate(corpus: &mut Corpus, taxonomy: &Taxonomy) -> Vec<Problem> {
    let mut problems = Vec::new();
    for partnership in &mut corpus.partnerships {
        for meeting in &mut partnership.meetings {
            problems.extend(annotate_topics(meeting, taxonomy));
        }
    }
    stance::annotate(corpus);
    problems
}

/// As [`annotate`], for one meeting of a partnership of `parties`: what the
/// loader does per statement file, so that the load cache can keep the
/// result of each file. Returns the warnings [`annotate`] would give for it.
pub fn annotate_meeting(meeting: &mut Meeting, parties: &[String], taxonomy: &Taxonomy) -> Vec<Problem> {
    let problems = annotate_topics(meeting, taxonomy);
    stance::annotate_meeting(&stance::Parties::new(parties), meeting);
    problems
}

/// Reads the stances and actors of `meeting` again, for a partnership of
/// `parties`: a meeting annotated with the parties its own file names joins
/// a partnership whose first file named others (actors are indices into
/// them). Inferred stances are dropped first, so that the result is what
/// [`annotate`] gives.
pub fn reannotate_stances(meeting: &mut Meeting, parties: &[String]) {
    for c in meeting.areas.iter_mut().flat_map(|a| a.commitments.iter_mut()) {
        if matches!(c.stance, Some((_, Origin::Inferred))) {
            c.stance = None;
            c.basis = None;
        }
    }
    stance::annotate_meeting(&stance::Parties::new(parties), meeting);
}

/// Checks the curated topics of `meeting`'s areas and infers those of the
/// areas that have none.
fn annotate_topics(meeting: &mut Meeting, taxonomy: &Taxonomy) -> Vec<Problem> {
    let mut problems = Vec::new();
    {
        {
            let file = &meeting.source.statement_file;
            for (ai, area) in meeting.areas.iter_mut().enumerate() {
                let mut seen = std::collections::HashSet::new();
                let mut topics = Vec::with_capacity(area.topics.len());
                for (ti, (id, origin)) in area.topics.drain(..).enumerate() {
                    let id = match taxonomy.get(&id) {
                        Some(topic) => topic.id.clone(),
                        None => {
                            problems.push(
                                Problem::warning(
                                    file.clone(),
                                    format!(
                                        "unknown topic `{id}`: it is not in the taxonomy ({}), so it only links areas that name it too",
                                        topics::BUILTIN_NAME
                                    ),
                                )
                                .at_path(format!("areas[{ai}].topics[{ti}]")),
                            );
                            id
                        }
                    };
                    // An alias and its id listed together are one topic.
                    if seen.insert(id.clone()) {
                        topics.push((id, origin));
                    }
                }
                if topics.is_empty() {
                    topics = taxonomy
                        .infer(area)
                        .into_iter()
                        .map(|t| (t, Origin::Inferred))
                        .collect();
                }
                area.topics = topics;
            }
        }
    }
    problems
}
