//! Settings: keys, colours and the first view, from `assets/config.yaml`
//! patched by the user's config file.
//!
//! A bad entry in the user's file is reported with its line and column and
//! replaced by the default; the rest of the user's settings still apply.

use std::collections::BTreeMap;
use std::path::PathBuf;

use ratatui::style::Color;
use serde_yaml::{Mapping, Value};

use crate::app::action::Action;
use crate::app::keymap::{KeyBinding, KeyMap};
use crate::loader::{self, Problem};

/// The commented default config, compiled in.
pub const DEFAULT_TEXT: &str = include_str!("../assets/config.yaml");

/// Environment variable naming the config file, ahead of the platform default.
pub const ENV_VAR: &str = "JOINTLY_CONFIG";

/// Largest config file read: the commented default is a few kilobytes.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// The settings in force.
#[derive(Debug, Clone)]
pub struct Config {
    /// Keys to actions.
    pub keys: KeyMap,
    /// Colours.
    pub theme: Theme,
    /// The view that opens first.
    pub default_view: DefaultView,
    /// The widest the reader's text runs, in columns (lines of about 100
    /// characters read best; a wider reader leaves a margin).
    pub reading_width: u16,
}

/// The default reading width.
pub const READING_WIDTH: u16 = 100;

/// The view shown at start-up when there is no remembered place (the
/// remembered place, view included, wins).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DefaultView {
    /// Tree and reader.
    #[default]
    Browse,
    /// The side-by-side comparison of the first two partnerships' first
    /// meetings (the EU and US statements with the seeds).
    Compare,
}

impl DefaultView {
    /// The name used in the config file.
    fn parse(name: &str) -> Option<DefaultView> {
        match name {
            "browse" => Some(DefaultView::Browse),
            "compare" => Some(DefaultView::Compare),
            _ => None,
        }
    }
}

/// Colours of the interface, by role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    colours: BTreeMap<String, Color>,
}

impl Theme {
    /// The colour for a role; `Reset` for an unknown role.
    pub fn get(&self, role: &str) -> Color {
        self.colours.get(role).copied().unwrap_or(Color::Reset)
    }
}

/// Where the user's config file is read from: `$JOINTLY_CONFIG`, else
/// `config.yaml` in the platform config directory.
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(ENV_VAR).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    crate::storage::project_dirs().map(|d| d.config_dir().join("config.yaml"))
}

/// Loads the defaults and the user's file (if there is one).
pub fn load() -> (Config, Vec<Problem>) {
    let Some(path) = path() else {
        return parse("", None);
    };
    let shown = path.to_string_lossy().into_owned();
    if !path.exists() {
        return parse(&shown, None);
    }
    match loader::read_text_as(&path, MAX_BYTES, "a config file") {
        Ok(text) => parse(&shown, Some(&text)),
        Err(message) => {
            let (config, mut problems) = parse(&shown, None);
            problems.push(Problem::warning(
                &shown,
                format!("{message}; using the default settings"),
            ));
            (config, problems)
        }
    }
}

/// Builds the config from the defaults patched by `user` (the text of file `name`).
pub fn parse(name: &str, user: Option<&str>) -> (Config, Vec<Problem>) {
    let mut problems = Vec::new();
    let defaults = sections(DEFAULT_TEXT).unwrap_or_default();
    let mut keys = parse_keys(&defaults, "assets/config.yaml", DEFAULT_TEXT, &mut problems);
    let mut colours = parse_theme(&defaults, "assets/config.yaml", DEFAULT_TEXT, &mut problems);
    let default_keys = keys.clone();

    let user_map = match user.map(sections) {
        Some(Ok(map)) => map,
        Some(Err(e)) => {
            let location = e.location().map(|l| (l.line(), l.column()));
            problems.push(
                Problem::warning(
                    name,
                    format!("{}; using the default settings", first_sentence(&e.to_string())),
                )
                .at(location),
            );
            Mapping::new()
        }
        None => Mapping::new(),
    };
    let text = user.unwrap_or_default();
    for (k, _) in &user_map {
        let known = k
            .as_str()
            .is_some_and(|k| ["keys", "theme", "default_view", "reading_width"].contains(&k));
        if !known {
            let key = k.as_str().unwrap_or("?");
            problems.push(
                Problem::warning(
                    name,
                    format!("unknown setting `{key}` (expected keys, theme, default_view or reading_width)"),
                )
                .at(locate(text, key, 0)),
            );
        }
    }
    let user_keys = parse_keys(&user_map, name, text, &mut problems);
    colours.extend(parse_theme(&user_map, name, text, &mut problems));
    let default_view = match user_map.get("default_view") {
        None => DefaultView::default(),
        Some(v) => v.as_str().and_then(DefaultView::parse).unwrap_or_else(|| {
            problems.push(
                Problem::warning(
                    name,
                    "default_view must be `browse` or `compare`; using the default",
                )
                .at(locate(text, "default_view", 0)),
            );
            DefaultView::default()
        }),
    };
    let reading_width = match user_map.get("reading_width") {
        None => READING_WIDTH,
        Some(v) => v
            .as_u64()
            .and_then(|n| u16::try_from(n).ok())
            .filter(|&n| n >= 20)
            .unwrap_or_else(|| {
                problems.push(
                    Problem::warning(
                        name,
                        format!(
                            "reading_width must be a number of columns, 20 or more; using {READING_WIDTH}"
                        ),
                    )
                    .at(locate(text, "reading_width", 0)),
                );
                READING_WIDTH
            }),
    };

    // Apply the user's keys one action at a time, so that one clash costs
    // only that action its user keys, not the whole file.
    let mut keymap = KeyMap::new(&keys).unwrap_or_default();
    for (action, bindings) in user_keys {
        if bindings.is_empty() {
            let at = locate(text, &action.name(), 0);
            let path = format!("keys.{}", action.name());
            if action == Action::Quit {
                problems.push(
                    Problem::warning(
                        name,
                        "quit needs a key (Ctrl-c also quits); its default keys are kept",
                    )
                    .at(at)
                    .at_path(path),
                );
                continue;
            }
            problems.push(
                Problem::warning(
                    name,
                    format!("`{}` is given no key, so it cannot be used", action.name()),
                )
                .at(at)
                .at_path(path),
            );
        }
        let mut trial = keys.clone();
        trial.insert(action, bindings);
        match KeyMap::new(&trial) {
            Ok(map) => {
                keys = trial;
                keymap = map;
            }
            Err(message) => problems.push(
                Problem::warning(
                    name,
                    format!("{message}; `{}` keeps its default keys", action.name()),
                )
                .at(locate(text, &action.name(), 0))
                .at_path(format!("keys.{}", action.name())),
            ),
        }
    }
    if keymap.keys(Action::Quit).is_empty() && !default_keys.is_empty() {
        keymap = KeyMap::new(&default_keys).unwrap_or_default();
    }
    let config = Config {
        keys: keymap,
        theme: Theme { colours },
        default_view,
        reading_width,
    };
    (config, problems)
}

fn sections(text: &str) -> Result<Mapping, serde_yaml::Error> {
    if text.trim().is_empty() {
        return Ok(Mapping::new());
    }
    loader::yaml::check_expansion(text)?;
    match serde_yaml::from_str::<Value>(text)? {
        Value::Mapping(m) => Ok(m),
        Value::Null => Ok(Mapping::new()),
        _ => serde_yaml::from_str::<Mapping>(text),
    }
}

fn parse_keys(
    map: &Mapping,
    name: &str,
    text: &str,
    problems: &mut Vec<Problem>,
) -> BTreeMap<Action, Vec<KeyBinding>> {
    let mut out = BTreeMap::new();
    let Some(keys) = map.get("keys") else {
        return out;
    };
    let Some(keys) = keys.as_mapping() else {
        problems.push(
            Problem::warning(name, "`keys` must map action names to lists of keys")
                .at(locate(text, "keys", 0)),
        );
        return out;
    };
    for (k, v) in keys {
        let action_name = k.as_str().unwrap_or("?");
        let line = locate(text, action_name, 0);
        let Ok(action) = serde_yaml::from_value::<Action>(k.clone()) else {
            let known: Vec<String> = Action::ALL.iter().map(|a| a.name()).collect();
            problems.push(
                Problem::warning(
                    name,
                    format!("unknown action `{action_name}` (actions: {})", known.join(", ")),
                )
                .at(line)
                .at_path(format!("keys.{action_name}")),
            );
            continue;
        };
        let specs: Vec<String> = match v {
            Value::String(s) => vec![s.clone()],
            Value::Sequence(seq) => seq
                .iter()
                .map(|x| x.as_str().map(str::to_string).unwrap_or_default())
                .collect(),
            _ => vec![String::new()],
        };
        let parsed: Result<Vec<KeyBinding>, String> = specs.iter().map(|s| s.parse()).collect();
        match parsed {
            Ok(bindings) => {
                out.insert(action, bindings);
            }
            Err(message) => {
                let from = line.map_or(0, |(l, _)| l.saturating_sub(1));
                let bad = specs
                    .iter()
                    .find(|s| s.parse::<KeyBinding>().is_err())
                    .cloned()
                    .unwrap_or_default();
                problems.push(
                    Problem::warning(name, format!("{message}; `{action_name}` keeps its default keys"))
                        .at(locate(text, &bad, from).or(line))
                        .at_path(format!("keys.{action_name}")),
                );
            }
        }
    }
    out
}

fn parse_theme(
    map: &Mapping,
    name: &str,
    text: &str,
    problems: &mut Vec<Problem>,
) -> BTreeMap<String, Color> {
    let mut out = BTreeMap::new();
    let Some(theme) = map.get("theme").and_then(Value::as_mapping) else {
        return out;
    };
    let roles = sections(DEFAULT_TEXT)
        .ok()
        .and_then(|m| m.get("theme").and_then(Value::as_mapping).cloned())
        .unwrap_or_default();
    for (k, v) in theme {
        let role = k.as_str().unwrap_or("?");
        let at = locate(text, role, 0);
        if !roles.contains_key(role) {
            problems.push(
                Problem::warning(name, format!("unknown colour role `{role}`"))
                    .at(at)
                    .at_path(format!("theme.{role}")),
            );
            continue;
        }
        // As written in the file (`256`), not as the parser holds it.
        let spec = v.as_str().map(str::to_string).unwrap_or_else(|| {
            serde_yaml::to_string(v)
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        });
        match parse_colour(&spec) {
            Some(c) => {
                out.insert(role.to_string(), c);
            }
            None => problems.push(
                Problem::warning(
                    name,
                    format!("bad colour `{spec}` (use a name such as dark_gray, #rrggbb, or 0-255); the default is kept"),
                )
                .at(at)
                .at_path(format!("theme.{role}")),
            ),
        }
    }
    out
}

/// Parses a colour as ratatui does (a name such as `dark_gray` or
/// `light-blue`, `#rrggbb`, or an index 0-255), plus `default`: the
/// terminal's own colour.
pub fn parse_colour(s: &str) -> Option<Color> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("default") {
        return Some(Color::Reset);
    }
    s.parse().ok()
}

/// Line and column of the first `word` used as a key or list item at or after line `from` (0-based).
fn locate(text: &str, word: &str, from: usize) -> Option<(usize, usize)> {
    if word.is_empty() {
        return None;
    }
    text.lines().enumerate().skip(from).find_map(|(i, line)| {
        let code = line.split('#').next().unwrap_or_default();
        let col = code.find(word)?;
        let before = code[..col].chars().last();
        let after = code[col + word.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '-'));
        (boundary(before) && boundary(after)).then_some((i + 1, col + 1))
    })
}

fn first_sentence(s: &str) -> String {
    match s.find(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_default_parses_without_problems() {
        let (config, problems) = parse("config.yaml", None);
        assert!(problems.is_empty(), "{problems:#?}");
        for a in Action::ALL {
            assert!(!config.keys.keys(a).is_empty(), "{} has no key", a.name());
        }
        assert_eq!(config.theme.get("border_focused"), Color::Cyan);
    }

    #[test]
    fn user_keys_patch_the_defaults() {
        let (config, problems) = parse("c.yaml", Some("keys:\n  move_down: [e]\n"));
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(config.keys.action("e".parse().unwrap()), Some(Action::MoveDown));
        assert_eq!(config.keys.action("j".parse().unwrap()), None);
        assert_eq!(config.keys.action("k".parse().unwrap()), Some(Action::MoveUp));
    }

    #[test]
    fn bad_entries_are_located_and_the_rest_applies() {
        let text = "keys:\n  move_down: [e]\n  fly: [x]\n  move_up: [hyper-k]\ntheme:\n  border: purpl\n  match: red\n";
        let (config, problems) = parse("c.yaml", Some(text));
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            shown
                .iter()
                .any(|p| p.starts_with("c.yaml:3:3: warning: keys.fly: unknown action `fly`")),
            "{shown:#?}"
        );
        assert!(
            shown
                .iter()
                .any(|p| p.starts_with("c.yaml:4:13: warning: keys.move_up: `hyper-k`")),
            "{shown:#?}"
        );
        assert!(
            shown
                .iter()
                .any(|p| p.starts_with("c.yaml:6:3: warning: theme.border: bad colour `purpl`")),
            "{shown:#?}"
        );
        assert_eq!(config.keys.action("e".parse().unwrap()), Some(Action::MoveDown));
        assert_eq!(config.keys.action("k".parse().unwrap()), Some(Action::MoveUp));
        assert_eq!(config.theme.get("border"), Color::DarkGray);
        assert_eq!(config.theme.get("match"), Color::Red);
    }

    #[test]
    fn the_reading_width_is_a_number_of_columns() {
        let (config, problems) = parse("c.yaml", None);
        assert_eq!((config.reading_width, problems.len()), (READING_WIDTH, 0));
        let (config, problems) = parse("c.yaml", Some("reading_width: 72\n"));
        assert_eq!((config.reading_width, problems.len()), (72, 0));
        let (config, problems) = parse("c.yaml", Some("reading_width: wide\n"));
        assert_eq!(config.reading_width, READING_WIDTH);
        assert!(problems[0].to_string().contains("c.yaml:1:1"), "{}", problems[0]);
    }

    #[test]
    fn the_default_view_is_browse_or_compare() {
        let (config, problems) = parse("c.yaml", Some("default_view: compare\n"));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.default_view, DefaultView::Compare);
        let (config, problems) = parse("c.yaml", Some("theme: {}\ndefault_view: sideways\n"));
        assert_eq!(config.default_view, DefaultView::Browse);
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            ["c.yaml:2:1: warning: default_view must be `browse` or `compare`; using the default"]
        );
    }

    #[test]
    fn a_clash_keeps_the_default_for_that_action() {
        let (config, problems) = parse("c.yaml", Some("keys:\n  quit: [j]\n"));
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert!(problems[0].message.contains("bound to both"));
        assert_eq!(config.keys.action("q".parse().unwrap()), Some(Action::Quit));
    }

    #[test]
    fn a_syntax_error_gives_defaults_with_a_location() {
        let (config, problems) = parse("c.yaml", Some("keys:\n  move_down: [n\n"));
        assert_eq!(problems.len(), 1);
        assert!(problems[0].location.is_some());
        assert_eq!(config.keys.action("j".parse().unwrap()), Some(Action::MoveDown));
    }

    #[test]
    fn colours() {
        assert_eq!(parse_colour("#ff0080"), Some(Color::Rgb(255, 0, 128)));
        assert_eq!(parse_colour("208"), Some(Color::Indexed(208)));
        assert_eq!(parse_colour("dark-gray"), Some(Color::DarkGray));
        assert_eq!(parse_colour(" Default "), Some(Color::Reset));
        assert_eq!(parse_colour("light blue"), Some(Color::LightBlue));
        assert_eq!(parse_colour("#ff00"), None);
        assert_eq!(parse_colour("purpl"), None);
    }
}
