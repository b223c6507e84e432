//! `jointly check`: what loaded and every problem, as a line of text or as JSON.

use std::io::{self, Write};

use serde::Serialize;

use super::plural;
use crate::loader::{Loaded, Severity};

/// `jointly check`'s closing line: what loaded, and how many problems.
pub fn text(out: &mut dyn Write, loaded: &Loaded) -> io::Result<()> {
    let (errors, warnings) = problem_counts(loaded);
    let (parts, meetings, areas, commitments) = loaded.corpus.counts();
    writeln!(
        out,
        "checked: {} loaded ({}, {}, {}, {}); {}, {}",
        plural(loaded.files, "statement file"),
        plural(parts, "partnership"),
        plural(meetings, "meeting"),
        plural(areas, "area"),
        plural(commitments, "commitment"),
        plural(errors, "error"),
        plural(warnings, "warning"),
    )
}

fn problem_counts(loaded: &Loaded) -> (usize, usize) {
    let errors = loaded.problems.iter().filter(|p| p.is_error()).count();
    (errors, loaded.problems.len() - errors)
}

#[derive(Serialize)]
struct JsonCheck<'a> {
    files: usize,
    partnerships: usize,
    meetings: usize,
    areas: usize,
    commitments: usize,
    errors: usize,
    warnings: usize,
    problems: Vec<JsonProblem<'a>>,
}

#[derive(Serialize)]
struct JsonProblem<'a> {
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    severity: &'static str,
    path: Option<&'a str>,
    message: &'a str,
}

/// `jointly check --format json`: the counts and every problem.
pub fn json(out: &mut dyn Write, loaded: &Loaded) -> io::Result<()> {
    let (errors, warnings) = problem_counts(loaded);
    let (partnerships, meetings, areas, commitments) = loaded.corpus.counts();
    let doc = JsonCheck {
        files: loaded.files,
        partnerships,
        meetings,
        areas,
        commitments,
        errors,
        warnings,
        problems: loaded
            .problems
            .iter()
            .map(|p| JsonProblem {
                file: &p.file,
                line: p.location.map(|l| l.0),
                column: p.location.map(|l| l.1),
                severity: match p.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                path: p.path.as_deref(),
                message: &p.message,
            })
            .collect(),
    };
    super::json::write(out, &doc)
}
