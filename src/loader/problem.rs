//! Problems found while loading: what went wrong, and where.

use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Severity {
    /// The file loaded, but something in it deserves attention
    /// (for example its text drifted from its source).
    Warning,
    /// The file (or the part named) was not loaded.
    Error,
}

/// One problem with one input, located as precisely as the input allows.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as shown to the user.
    pub file: String,
    /// 1-based line and column, where known.
    pub location: Option<(usize, usize)>,
    /// The path inside the document (`areas[3].commitments[1]`), where known.
    pub path: Option<String>,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl Problem {
    /// An error about a whole file.
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            file: file.into(),
            location: None,
            path: None,
            message: message.into(),
        }
    }

    /// A warning about a whole file.
    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(file, message)
        }
    }

    /// The same problem, placed at a document path.
    pub fn at_path(mut self, path: impl Into<String>) -> Problem {
        self.path = Some(path.into());
        self
    }

    /// The same problem, placed at a line and column.
    pub fn at(mut self, location: Option<(usize, usize)>) -> Problem {
        self.location = location;
        self
    }

    /// Whether the problem stopped something from loading.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    /// `file:line:column: error: path: message`, the form editors and
    /// terminals turn into links.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, col)) = self.location {
            write!(f, ":{line}:{col}")?;
        }
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {kind}: ")?;
        if let Some(path) = &self.path {
            write!(f, "{path}: ")?;
        }
        write!(f, "{}", self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_column_and_path() {
        let p = Problem::error("a.yaml", "missing field `text`")
            .at(Some((12, 7)))
            .at_path("areas[3].commitments[1]");
        assert_eq!(
            p.to_string(),
            "a.yaml:12:7: error: areas[3].commitments[1]: missing field `text`"
        );
        assert_eq!(Problem::warning("b.yaml", "x").to_string(), "b.yaml: warning: x");
    }
}
