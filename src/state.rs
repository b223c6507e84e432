//! The remembered place: where the reader was when they last quit (the
//! selected node, by its stable id; the scroll offset; the open view), so
//! that the next start returns there.
//!
//! The file is small and replaceable, so a damaged one is moved aside with a
//! warning and the app starts at the top; it is never a reason to fail.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::loader::{Problem, Severity, yaml_problem};
use crate::model::{Corpus, NodePath};
use crate::storage::{self, ReadError};
use crate::timestamp::Timestamp;

/// Version of the state file's layout; a file of another version is set aside.
const VERSION: u32 = 1;

const HEADER: &str = "# jointly: where you were when you last quit. Safe to delete.\n";

/// Where the reader was.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    /// Stable id of the selected node, such as `eu-sg-dp/2025-12-01/quantum/2`.
    pub selected: Option<String>,
    /// Scroll offset of the reading pane, in lines.
    pub scroll: usize,
    /// Name of the open view, as the app names its views.
    pub view: Option<String>,
}

/// The state file as written: every key is always present and no value is
/// optional, so that a file cut short anywhere is missing a key or its final
/// newline and is recognised as damaged instead of read as a different place.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StateFile {
    version: u32,
    /// Empty for none: ids are never empty.
    selected: String,
    scroll: usize,
    /// Empty for none.
    view: String,
}

/// What [`load`] found.
#[derive(Debug, Default)]
pub struct Restored {
    /// The place to return to (the top when nothing usable was saved).
    pub place: Place,
    /// What the user should be told when the file could not be used.
    pub warning: Option<Problem>,
}

/// Reads the remembered place from `path`. A missing file is a clean start;
/// a damaged one is moved aside (`state.yaml.corrupt-<time>`) with a warning.
pub fn load(path: &Path) -> Restored {
    load_at(path, Timestamp::now())
}

fn load_at(path: &Path, now: Timestamp) -> Restored {
    let name = path.display().to_string();
    let problem = match storage::read_text(path) {
        Ok(text) => match parse(&name, &text) {
            Ok(place) => {
                return Restored { place, warning: None };
            }
            Err(p) => p,
        },
        Err(ReadError::Missing) => return Restored::default(),
        Err(ReadError::Damaged(e)) => Problem::warning(&name, e),
        Err(ReadError::Unreadable(e)) => {
            let p = Problem::warning(
                &name,
                format!("cannot read the remembered place ({e}); starting at the top"),
            );
            return Restored {
                place: Place::default(),
                warning: Some(p),
            };
        }
    };
    let fate = match storage::move_aside(path, now) {
        Ok(aside) => format!("moved it to {}", aside.display()),
        Err(e) => format!("could not move it aside ({e}); it will be replaced on quit"),
    };
    let warning = Problem {
        severity: Severity::Warning,
        message: format!(
            "the remembered place is damaged: {}; {fate}; starting at the top",
            problem.message
        ),
        ..problem
    };
    Restored {
        place: Place::default(),
        warning: Some(warning),
    }
}

/// Parses a state file's text; the problem names the line and column where
/// the YAML parser gives them.
fn parse(name: &str, text: &str) -> Result<Place, Problem> {
    if !text.ends_with('\n') {
        return Err(Problem::warning(
            name,
            "the file is cut short (it does not end with a line break)",
        ));
    }
    crate::loader::yaml::check_expansion(text).map_err(|e| yaml_problem(name, &e))?;
    let file: StateFile = serde_yaml::from_str(text).map_err(|e| yaml_problem(name, &e))?;
    storage::check_version(name, file.version, VERSION)?;
    let some = |s: String| (!s.is_empty()).then_some(s);
    Ok(Place {
        selected: some(file.selected),
        scroll: file.scroll,
        view: some(file.view),
    })
}

/// Writes the place to `path` atomically, creating its folder if needed.
pub fn save(path: &Path, place: &Place) -> std::io::Result<()> {
    storage::write_atomic(path, render(place).as_bytes())
}

fn render(place: &Place) -> String {
    let file = StateFile {
        version: VERSION,
        selected: place.selected.clone().unwrap_or_default(),
        scroll: place.scroll,
        view: place.view.clone().unwrap_or_default(),
    };
    // Serialising four plain fields cannot fail; an empty body would only
    // mean the next start is at the top.
    let body = serde_yaml::to_string(&file).unwrap_or_default();
    format!("{HEADER}{body}")
}

/// Where the state file lives on this platform, if there is a home to put it in.
pub fn default_path() -> Option<PathBuf> {
    storage::state_file()
}

/// The node a saved id points at, or its nearest surviving ancestor when the
/// node is gone (a statement removed, an area renamed, a commitment dropped):
/// the id's last segment is removed until what is left resolves. `None` when
/// not even the partnership is loaded any more.
pub fn nearest_surviving(corpus: &Corpus, id: &str) -> Option<NodePath> {
    let mut id = id.trim().trim_end_matches('/');
    loop {
        if let Some(path) = corpus.resolve(id) {
            return Some(path);
        }
        id = &id[..id.rfind('/')?];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::{self, LoadOptions};
    use std::fs;

    fn seeds() -> Corpus {
        loader::load(&LoadOptions::embedded_only()).corpus
    }

    fn place() -> Place {
        Place {
            selected: Some("eu-sg-dp/2025-12-01/quantum/2".into()),
            scroll: 7,
            view: Some("compare".into()),
        }
    }

    #[test]
    fn a_saved_place_comes_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jointly/state.yaml");
        save(&path, &place()).unwrap();
        let r = load(&path);
        assert_eq!(r.place, place());
        assert_eq!(r.warning, None);
        save(&path, &Place::default()).unwrap();
        assert_eq!(load(&path).place, Place::default());
    }

    #[test]
    fn no_file_is_a_quiet_clean_start() {
        let dir = tempfile::tempdir().unwrap();
        let r = load(&dir.path().join("state.yaml"));
        assert_eq!(r.place, Place::default());
        assert_eq!(r.warning, None);
    }

    #[test]
    fn a_truncated_file_is_moved_aside_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.yaml");
        let full = render(&place());
        fs::write(&path, &full[..full.len() / 2]).unwrap();
        let r = load_at(&path, Timestamp::from_millis(1_764_581_400_000));
        assert_eq!(r.place, Place::default());
        let aside = dir.path().join("state.yaml.corrupt-20251201T093000Z");
        let w = r.warning.unwrap().to_string();
        assert!(w.contains("the remembered place is damaged"), "{w}");
        assert!(w.contains(&aside.display().to_string()), "{w}");
        assert_eq!(fs::read_to_string(&aside).unwrap(), &full[..full.len() / 2]);
        assert!(!path.exists());
        // The next save and start are clean.
        save(&path, &place()).unwrap();
        assert_eq!(load(&path).place, place());
    }

    #[test]
    fn every_shorter_prefix_is_recognised_as_damaged() {
        let full = render(&place());
        assert!(parse("s", &full).is_ok());
        for cut in 0..full.len() {
            if let Some(prefix) = full.get(..cut) {
                assert!(
                    parse("s", prefix).is_err(),
                    "accepted a file cut at {cut}: {prefix:?}"
                );
            }
        }
    }

    #[test]
    fn garbage_and_foreign_versions_are_damaged() {
        for bad in [
            "selected: [\n",
            "version: 2\nselected: ''\nscroll: 0\nview: ''\n",
            "version: 1\nselected: ''\nscroll: -1\nview: ''\n",
            "version: 1\nselected: ''\nscroll: 0\nview: ''\nextra: 1\n",
            "\n",
        ] {
            assert!(parse("s", bad).is_err(), "{bad:?}");
        }
        let e = parse("s", "version: 1\nselected: [\n").unwrap_err();
        assert!(e.location.is_some(), "{e}");
    }

    #[test]
    fn an_unreadable_file_warns_and_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        // A folder in the file's place cannot be read as text.
        let path = dir.path().join("state.yaml");
        fs::create_dir(&path).unwrap();
        let r = load(&path);
        assert_eq!(r.place, Place::default());
        assert!(
            r.warning
                .unwrap()
                .to_string()
                .contains("cannot read the remembered place")
        );
        assert!(path.is_dir());
    }

    #[test]
    fn a_gone_node_falls_back_to_its_nearest_surviving_parent() {
        let c = seeds();
        let id = |p| c.id_of(p).unwrap();
        let at = |s: &str| nearest_surviving(&c, s).map(id);
        assert_eq!(
            at("eu-sg-dp/2025-12-01/quantum/2").as_deref(),
            Some("eu-sg-dp/2025-12-01/quantum/2")
        );
        assert_eq!(
            at("eu-sg-dp/2025-12-01/quantum/9").as_deref(),
            Some("eu-sg-dp/2025-12-01/quantum")
        );
        assert_eq!(
            at("eu-sg-dp/2025-12-01/gone/1").as_deref(),
            Some("eu-sg-dp/2025-12-01")
        );
        assert_eq!(at("eu-sg-dp/2031-01-01/ai/1").as_deref(), Some("eu-sg-dp"));
        assert_eq!(
            at("us-sg-cet/2023-10-12/ai/x/y/").as_deref(),
            Some("us-sg-cet/2023-10-12/ai")
        );
        assert_eq!(at("jp-sg-dp/2024-05-02/ai/1"), None);
        assert_eq!(at(""), None);
    }
}
