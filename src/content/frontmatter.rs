//! Splits a Markdown file into its YAML front matter and its body.
//!
//! Line numbers are kept so YAML errors point at the line of the file the
//! comms officer has open, not a line inside the front matter block.

use crate::diagnostics::{FileReport, Position};

/// The two halves of a content file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    /// Lines of the file before the YAML's first line (the opening `---`
    /// and anything above it), to add to YAML line numbers.
    pub yaml_line_offset: usize,
    pub body: &'a str,
    /// The line of the file on which the body starts.
    pub body_first_line: usize,
}

/// Splits `text` and parses its front matter as YAML, reporting a missing
/// fence or a syntax error.
pub fn read<'a>(text: &'a str, report: &mut FileReport) -> Option<(Split<'a>, super::yaml::Value)> {
    let split = split(text, report)?;
    match super::yaml::parse(split.yaml, split.yaml_line_offset) {
        Ok(root) => Some((split, root)),
        Err(e) => {
            report.error(e.at, e.message, e.hint);
            None
        }
    }
}

/// Splits `text` at its `---` fences; a missing or unterminated fence is
/// reported and gives `None`.
pub fn split<'a>(text: &'a str, report: &mut FileReport) -> Option<Split<'a>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        report.error(
            Position::new(1, 1),
            "the file is empty",
            "a vacancy starts with front matter between two `---` lines (title, reference, band, location, posted, closes), then the advert in Markdown; `careers new` writes one to fill in",
        );
        return None;
    }
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if first.trim_end() != "---" {
        report.error(
            Position::new(1, 1),
            "the file does not start with front matter",
            "put a line with just `---` at the very top, then the fields (title, reference, band, ...), then another `---` line before the advert text",
        );
        return None;
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for line in lines {
        if line.trim_end() == "---" {
            let body_start = offset + line.len();
            return Some(Split {
                yaml: &text[yaml_start..offset],
                yaml_line_offset: 1,
                body: &text[body_start..],
                body_first_line: text[..body_start].matches('\n').count() + 1,
            });
        }
        offset += line.len();
    }
    report.error(
        Position::new(1, 1),
        "the front matter opened here is never closed",
        "add a line with just `---` after the last field, before the advert text",
    );
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (Option<Split<'_>>, Vec<String>) {
        let mut report = FileReport::new("x.md", text);
        let split = split(text, &mut report);
        (
            split,
            report
                .diagnostics
                .iter()
                .map(|d| d.message.clone())
                .collect(),
        )
    }

    #[test]
    fn splits_yaml_and_body_with_bom_and_crlf() {
        let (split, problems) = run("\u{feff}---\r\ntitle: A\r\n---\r\nBody\r\n");
        let split = split.expect("splits");
        assert!(problems.is_empty());
        assert_eq!(split.yaml, "title: A\r\n");
        assert_eq!(split.body, "Body\r\n");
        assert_eq!(split.body_first_line, 4);
    }

    #[test]
    fn reports_missing_and_unterminated_fences() {
        assert_eq!(run("").1, ["the file is empty"]);
        assert_eq!(
            run("title: A\n").1,
            ["the file does not start with front matter"]
        );
        assert_eq!(
            run("---\ntitle: A\n").1,
            ["the front matter opened here is never closed"]
        );
    }
}
