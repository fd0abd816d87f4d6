//! Problems found in a site's files, each tied to a file, line and column.
//!
//! Every stage reports into these types instead of failing fast, so one run
//! shows a comms officer every mistake at once. Turning them into terminal
//! text happens here too; the binary only chooses where to print.

use std::fmt;

use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};

/// How serious a problem is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a file: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub const fn new(line: usize, column: usize) -> Self {
        Self { line, column }
    }
}

/// One problem, in words a comms officer can act on.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators.
    pub file: String,
    /// `None` when the problem is about the whole file.
    pub position: Option<Position>,
    /// What is wrong.
    pub message: String,
    /// What would be right.
    pub hint: Option<String>,
    /// The offending line of the file, quoted under the message.
    #[serde(skip)]
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            file: file.into(),
            position: None,
            message: message.into(),
            hint: None,
            source_line: None,
        }
    }

    pub fn warning(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(file, message)
        }
    }

    pub fn at(mut self, position: Position) -> Self {
        self.position = Some(position);
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Quotes the line at this diagnostic's position from the file's text.
    pub fn quote_from(mut self, text: &str) -> Self {
        if let Some(position) = self.position {
            self.source_line = text
                .lines()
                .nth(position.line.saturating_sub(1))
                .map(|line| line.trim_end_matches('\r').to_owned());
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl Diagnostic {
    /// Renders like a compiler message: the file and place, the message, the
    /// line quoted with a marker under the offending text, and the fix.
    pub fn render(&self, style: Style) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level.primary_title(self.message.as_str());
        let mut group = match (self.position, &self.source_line) {
            (Some(p), Some(line)) => {
                let start = line
                    .char_indices()
                    .nth(p.column.saturating_sub(1))
                    .map_or(line.len(), |(i, _)| i);
                let end = start + marked_len(&line[start..], &self.file);
                title.element(
                    Snippet::source(line.as_str())
                        .line_start(p.line)
                        .path(self.file.as_str())
                        .annotation(AnnotationKind::Primary.span(start..end.max(start))),
                )
            }
            (Some(p), None) => title.element(
                Origin::path(self.file.as_str())
                    .line(p.line)
                    .char_column(p.column.max(1)),
            ),
            (None, _) => title.element(Origin::path(self.file.as_str())),
        };
        if let Some(hint) = &self.hint {
            group = group.element(Level::HELP.message(hint.as_str()));
        }
        let renderer = match style {
            Style::Plain => Renderer::plain(),
            Style::Colour => Renderer::styled(),
        };
        renderer.render(&[group])
    }

    /// One line of a GitHub Actions workflow command, so a pull request
    /// shows the problem on the line.
    pub fn github_annotation(&self) -> String {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut place = format!("file={}", escape_property(&self.file));
        if let Some(p) = self.position {
            place.push_str(&format!(",line={},col={}", p.line, p.column));
        }
        let mut message = self.message.clone();
        if let Some(hint) = &self.hint {
            message.push_str(&format!(" Fix: {hint}"));
        }
        format!("::{kind} {place}::{}", escape_data(&message))
    }
}

/// How many bytes of `rest` (the quoted line from the diagnostic's column
/// on) to mark: a field name, a quoted value, a `[[placeholder]]` or an
/// unreadable character; in content files otherwise the rest of the value
/// (`Band 11`, not just `Band`), and in templates the word.
fn marked_len(rest: &str, file: &str) -> usize {
    let until = |close: &str, from: usize| rest[from..].find(close).map(|i| from + i + close.len());
    let word = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let first = rest.chars().next().map_or(0, char::len_utf8);
    let key = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .filter(|&i| i > 0 && rest[i..].starts_with(':'))
        .filter(|&i| rest[i + 1..].is_empty() || rest[i + 1..].starts_with(char::is_whitespace));
    let content = file.ends_with(".md") || file.ends_with(".yaml") || file.ends_with(".yml");
    let len = if rest.starts_with("[[") {
        until("]]", 2).unwrap_or(word)
    } else if rest.starts_with(['"', '\'']) {
        until(&rest[..1], 1).unwrap_or(rest.trim_end().len())
    } else if let Some(key) = key {
        key
    } else if rest.starts_with(['\u{fffd}', ':', '\t']) {
        first
    } else if content {
        // The value, without a trailing ` # comment`.
        let value = rest.split(" #").next().unwrap_or(rest);
        value.trim_end().len()
    } else {
        word
    };
    len.max(first).max(1).min(rest.len())
}

/// Whether terminal output may use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Colour,
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.render(Style::Plain))
    }
}

/// All the problems of one run, in a stable order (file, line, column).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, more: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(more);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Sorts by file and place so output does not depend on thread timing.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.file, a.position, a.severity, &a.message)
                .cmp(&(&b.file, b.position, b.severity, &b.message))
        });
    }

    /// Every diagnostic, rendered for a terminal, one blank line apart.
    pub fn render(&self, style: Style) -> String {
        let mut out = String::new();
        for d in &self.0 {
            out.push_str(&d.render(style));
            out.push_str("\n\n");
        }
        out
    }

    /// A JSON array of `{file, line, column, severity, message, hint}`.
    pub fn to_json(&self) -> String {
        let items: Vec<serde_json::Value> = self
            .0
            .iter()
            .map(|d| {
                serde_json::json!({
                    "file": d.file,
                    "line": d.position.map(|p| p.line),
                    "column": d.position.map(|p| p.column),
                    "severity": d.severity,
                    "message": d.message,
                    "hint": d.hint,
                })
            })
            .collect();
        serde_json::to_string_pretty(&items).expect("diagnostics serialise")
    }

    /// Drops repeats of the same problem (sort first).
    pub fn dedup(&mut self) {
        self.0.dedup();
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.0
    }

    /// "3 errors in 2 files", or "1 warning in 1 file".
    pub fn summary(&self) -> String {
        let count = |severity| {
            let these: Vec<_> = self.0.iter().filter(|d| d.severity == severity).collect();
            let mut files: Vec<_> = these.iter().map(|d| d.file.as_str()).collect();
            files.sort_unstable();
            files.dedup();
            (these.len(), files.len())
        };
        let (errors, error_files) = count(Severity::Error);
        let (warnings, warning_files) = count(Severity::Warning);
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("1 {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        match (errors, warnings) {
            (0, 0) => "no problems".to_owned(),
            (0, w) => format!(
                "{} in {}",
                plural(w, "warning"),
                plural(warning_files, "file")
            ),
            (e, 0) => format!("{} in {}", plural(e, "error"), plural(error_files, "file")),
            (e, w) => format!(
                "{} in {} and {}",
                plural(e, "error"),
                plural(error_files, "file"),
                plural(w, "warning")
            ),
        }
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Style::Plain))
    }
}

/// Collects the problems of one file while it is read, with its text at hand
/// so each diagnostic can quote its line.
pub struct FileReport<'a> {
    pub file: &'a str,
    text: &'a str,
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> FileReport<'a> {
    pub fn new(file: &'a str, text: &'a str) -> Self {
        Self {
            file,
            text,
            diagnostics: Vec::new(),
        }
    }

    pub fn error(&mut self, at: Position, message: impl Into<String>, hint: impl Into<String>) {
        let d = Diagnostic::error(self.file, message).at(at);
        self.push(d, hint.into());
    }

    pub fn warning(&mut self, at: Position, message: impl Into<String>, hint: impl Into<String>) {
        let d = Diagnostic::warning(self.file, message).at(at);
        self.push(d, hint.into());
    }

    fn push(&mut self, mut d: Diagnostic, hint: String) {
        if !hint.is_empty() {
            d = d.hint(hint);
        }
        self.diagnostics.push(d.quote_from(self.text));
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_the_whole_value_the_key_or_the_placeholder() {
        fn len(rest: &str) -> &str {
            &rest[..marked_len(rest, "content/jobs/a.md")]
        }
        assert_eq!(len("Band 11"), "Band 11");
        assert_eq!(len("next Friday  # when?"), "next Friday");
        assert_eq!(len("closing: 2026-01-31"), "closing");
        assert_eq!(len("\"Staff Nurse\" more"), "\"Staff Nurse\"");
        assert_eq!(len("\"Staff Nurse"), "\"Staff Nurse");
        assert_eq!(len("[[date]] online"), "[[date]]");
        assert_eq!(len("\u{fffd} and"), "\u{fffd}");
        assert_eq!(len("https://x.nhs.uk/"), "https://x.nhs.uk/");
        assert_eq!(len(""), "");
        fn word(rest: &str) -> &str {
            &rest[..marked_len(rest, "themes/t/templates/a.html")]
        }
        assert_eq!(word("endblock content %}"), "endblock");
    }

    #[test]
    fn a_place_without_a_quoted_line_keeps_its_column() {
        let d = Diagnostic::error("content/jobs/a.md", "the file is empty").at(Position::new(1, 1));
        assert!(
            d.render(Style::Plain).contains("content/jobs/a.md:1:1"),
            "{d}"
        );
    }
}
