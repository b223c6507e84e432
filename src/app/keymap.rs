//! Keys to actions: the one place where a key press gets a meaning.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// A key with its modifiers, as written in the config file (`ctrl-d`, `G`, `pgdn`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyBinding {
    code: KeyCode,
    mods: KeyModifiers,
}

impl KeyBinding {
    /// A binding from a terminal key event. Shift is folded into the
    /// character (terminals disagree on whether `G` carries SHIFT).
    pub fn from_event(ev: KeyEvent) -> KeyBinding {
        let mut mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if matches!(ev.code, KeyCode::Char(_)) {
            mods.remove(KeyModifiers::SHIFT);
        }
        let code = match ev.code {
            KeyCode::BackTab => KeyCode::Tab,
            c => c,
        };
        if ev.code == KeyCode::BackTab {
            mods.insert(KeyModifiers::SHIFT);
        }
        KeyBinding { code, mods }
    }

    /// Whether this is Ctrl-c, which always quits whatever the config says.
    pub fn is_ctrl_c(self) -> bool {
        self.code == KeyCode::Char('c') && self.mods == KeyModifiers::CONTROL
    }

    /// The character typed, if this is a plain printable key (for prompts).
    pub fn printable(self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if !self.mods.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => Some(c),
            _ => None,
        }
    }
}

impl std::str::FromStr for KeyBinding {
    type Err = String;
    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = spec;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (prefix, m) = if lower.starts_with("ctrl-") {
                ("ctrl-", KeyModifiers::CONTROL)
            } else if lower.starts_with("alt-") {
                ("alt-", KeyModifiers::ALT)
            } else if lower.starts_with("shift-") {
                ("shift-", KeyModifiers::SHIFT)
            } else {
                break;
            };
            if rest.len() == prefix.len() {
                break;
            }
            mods.insert(m);
            rest = &rest[prefix.len()..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => {
                if mods.contains(KeyModifiers::SHIFT) {
                    return Err(format!("`{spec}`: write the capital letter instead of shift-"));
                }
                KeyCode::Char(if mods.contains(KeyModifiers::CONTROL) {
                    c.to_ascii_lowercase()
                } else {
                    c
                })
            }
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                "delete" | "del" => KeyCode::Delete,
                "insert" => KeyCode::Insert,
                f if f.starts_with('f') && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) => {
                    KeyCode::F(f[1..].parse().unwrap_or(1))
                }
                _ => {
                    return Err(format!(
                        "`{spec}` is not a key name (examples: j, G, ?, ctrl-d, pgdn, enter, esc, tab, f1)"
                    ));
                }
            },
        };
        Ok(KeyBinding { code, mods })
    }
}

impl fmt::Display for KeyBinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            write!(f, "Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            write!(f, "Alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            write!(f, "Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => write!(f, "Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => write!(f, "Enter"),
            KeyCode::Esc => write!(f, "Esc"),
            KeyCode::Tab => write!(f, "Tab"),
            KeyCode::Backspace => write!(f, "Backspace"),
            KeyCode::Up => write!(f, "↑"),
            KeyCode::Down => write!(f, "↓"),
            KeyCode::Left => write!(f, "←"),
            KeyCode::Right => write!(f, "→"),
            KeyCode::Home => write!(f, "Home"),
            KeyCode::End => write!(f, "End"),
            KeyCode::PageUp => write!(f, "PgUp"),
            KeyCode::PageDown => write!(f, "PgDn"),
            KeyCode::Delete => write!(f, "Del"),
            KeyCode::Insert => write!(f, "Ins"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// The keys in force: which action each key triggers, and the keys of each action.
#[derive(Debug, Clone, Default)]
pub struct KeyMap {
    by_key: HashMap<KeyBinding, Action>,
    by_action: BTreeMap<Action, Vec<KeyBinding>>,
}

impl KeyMap {
    /// Builds a key map; refuses a key bound to two actions.
    pub fn new(bindings: &BTreeMap<Action, Vec<KeyBinding>>) -> Result<KeyMap, String> {
        let mut map = KeyMap::default();
        for (&action, keys) in bindings {
            for &key in keys {
                if key.is_ctrl_c() {
                    return Err(format!(
                        "Ctrl-c always quits and cannot be bound to `{}`",
                        action.name()
                    ));
                }
                if let Some(other) = map.by_key.insert(key, action)
                    && other != action
                {
                    return Err(format!(
                        "key `{key}` is bound to both `{}` and `{}`",
                        other.name(),
                        action.name()
                    ));
                }
            }
            map.by_action.insert(action, keys.clone());
        }
        Ok(map)
    }

    /// The action a key triggers, if any.
    pub fn action(&self, key: KeyBinding) -> Option<Action> {
        self.by_key.get(&key).copied()
    }

    /// The keys of an action, for help and hints.
    pub fn keys(&self, action: Action) -> &[KeyBinding] {
        self.by_action.get(&action).map_or(&[], Vec::as_slice)
    }

    /// The keys of an action joined for display (`j/↓`).
    pub fn keys_label(&self, action: Action) -> String {
        let keys: Vec<String> = self.keys(action).iter().map(ToString::to_string).collect();
        keys.join("/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> KeyBinding {
        s.parse().unwrap()
    }

    #[test]
    fn parses_key_names() {
        assert_eq!(
            key("ctrl-d"),
            KeyBinding {
                code: KeyCode::Char('d'),
                mods: KeyModifiers::CONTROL
            }
        );
        assert_eq!(
            key("G"),
            KeyBinding {
                code: KeyCode::Char('G'),
                mods: KeyModifiers::NONE
            }
        );
        assert_eq!(
            key("pgdn"),
            KeyBinding {
                code: KeyCode::PageDown,
                mods: KeyModifiers::NONE
            }
        );
        assert_eq!(key("?").to_string(), "?");
        assert_eq!(key("ctrl-p").to_string(), "Ctrl-p");
        assert!("ctrl-".parse::<KeyBinding>().is_err());
        assert!("hyper-x".parse::<KeyBinding>().is_err());
        assert!("shift-g".parse::<KeyBinding>().is_err());
    }

    #[test]
    fn shifted_letters_match_whatever_the_terminal_sends() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(KeyBinding::from_event(ev), key("G"));
    }

    #[test]
    fn a_key_bound_twice_is_refused() {
        let mut b = BTreeMap::new();
        b.insert(Action::MoveDown, vec![key("j")]);
        b.insert(Action::MoveUp, vec![key("j")]);
        let err = KeyMap::new(&b).unwrap_err();
        assert!(err.contains("key `j` is bound to both"), "{err}");
    }
}
