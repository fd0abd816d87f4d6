//! The Tera engine over a theme's templates, with errors that name the
//! template file, the line and the problem.
//!
//! Tera 2 checks every template when it loads (unknown filters, components
//! and includes are caught then, not on the first page that uses them), and
//! names the line and column of render errors, with the fields that do exist
//! when a name is misspelt: the best a theme author can get.

use std::collections::BTreeMap;
use std::io::Write;

use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::theme::Theme;

/// Compiled templates, ready to render in parallel.
pub struct Templates {
    tera: tera::Tera,
    /// Template name -> the file it came from and its text, for messages.
    sources: BTreeMap<String, (String, String)>,
}

impl Templates {
    pub fn compile(theme: &Theme) -> Result<Self, Diagnostics> {
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        tera.set_escape_fn(escape);
        let sources: BTreeMap<String, (String, String)> = theme
            .templates
            .iter()
            .map(|(name, source)| {
                (
                    name.clone(),
                    (source.origin.clone(), source.text.to_string()),
                )
            })
            .collect();
        let texts = theme
            .templates
            .iter()
            .map(|(name, source)| (name.as_str(), source.text.as_ref()));
        if let Err(err) = tera.add_raw_templates(texts) {
            let hint = "a tag above this place may be missing its end: each {% if %}, {% for %}, {% block %} and {% component %} needs its {% end... %}";
            let mut d = diagnostic(&err.to_string(), &sources, hint);
            // Tera says "Unknown tag" where an end tag does not match the
            // tag left open above it: say that instead.
            if d.message == "Unknown tag" {
                d.message = "this tag does not fit here: a tag above it is not closed, or this one is misspelt".to_owned();
            }
            return Err(std::iter::once(d).collect());
        }
        Ok(Self { tera, sources })
    }

    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String, Diagnostics> {
        self.tera.render(name, context).map_err(|err| {
            let d = if self.sources.contains_key(name) {
                diagnostic(
                    &err.to_string(),
                    &self.sources,
                    "the variables each template receives are listed in docs/themes.md",
                )
            } else {
                Diagnostic::error(
                    format!("themes/<theme>/templates/{name}"),
                    format!("the theme has no template {name}"),
                )
                .hint("add it, or remove the override folder to use the built-in one")
            };
            std::iter::once(d).collect()
        })
    }
}

/// Turns a Tera message (`error: ...` then ` --> vacancy.html:4:15` and a
/// snippet) into a diagnostic on the template file, line and column.
fn diagnostic(
    message: &str,
    sources: &BTreeMap<String, (String, String)>,
    hint: &str,
) -> Diagnostic {
    let summary = message
        .lines()
        .next()
        .unwrap_or(message)
        .trim()
        .trim_start_matches("error: ")
        .to_owned();
    let place = message.lines().find_map(|line| {
        let (name, rest) = line.trim().strip_prefix("--> ")?.split_once(':')?;
        let (line, column) = rest.split_once(':')?;
        Some((
            name.to_owned(),
            line.parse::<usize>().ok()?,
            column.parse::<usize>().ok()?,
        ))
    });
    match place.and_then(|(name, line, column)| sources.get(&name).map(|s| (s, line, column))) {
        Some(((origin, text), line, column)) => Diagnostic::error(origin.as_str(), summary)
            .at(Position::new(line, column))
            .hint(hint)
            .quote_from(text),
        None => Diagnostic::error("themes", summary).hint(hint),
    }
}

/// The site's one HTML and XML escaper, as a string (for `serve`'s error
/// overlay; templates escape through [`escape`] as they write).
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    escape(text, &mut out).expect("writing to a Vec cannot fail");
    String::from_utf8(out).expect("escaping keeps UTF-8 whole")
}

/// HTML and XML escaping of the five characters that matter, leaving `/`
/// alone so URLs stay readable.
fn escape(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let mut start = 0;
    for (i, byte) in input.bytes().enumerate() {
        let entity: &[u8] = match byte {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&input.as_bytes()[start..i])?;
        out.write_all(entity)?;
        start = i + 1;
    }
    out.write_all(&input.as_bytes()[start..])
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_but_not_slashes() {
        let mut out = Vec::new();
        escape(r#"<a href="x/y">Tom & 'Jerry'</a>"#, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "&lt;a href=&quot;x/y&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
    }
}
