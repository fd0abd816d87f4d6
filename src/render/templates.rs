//! The Tera engine over a theme's templates, with errors that name the
//! template, the line and the problem.

use std::collections::BTreeMap;
use std::error::Error as _;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::theme::Theme;

/// Compiled templates, ready to render in parallel.
pub struct Templates {
    tera: tera::Tera,
    /// Template name -> the file it came from, for error messages.
    origins: BTreeMap<String, String>,
}

impl Templates {
    pub fn compile(theme: &Theme) -> Result<Self, Diagnostics> {
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape);
        let origins: BTreeMap<String, String> = theme
            .templates
            .iter()
            .map(|(name, source)| (name.clone(), source.origin.clone()))
            .collect();
        let sources = theme
            .templates
            .iter()
            .map(|(name, source)| (name.as_str(), source.text.as_ref()));
        if let Err(err) = tera.add_raw_templates(sources) {
            let name = origins
                .keys()
                .find(|name| err.to_string().contains(&format!("'{name}'")))
                .cloned()
                .unwrap_or_default();
            let file = origins
                .get(&name)
                .cloned()
                .unwrap_or_else(|| "themes".to_owned());
            return Err(std::iter::once(
                Diagnostic::error(file, format!("the template cannot be read: {}", chain(&err)))
                    .hint("fix the template syntax at the place shown; each {% tag %} needs its {% end... %}"),
            )
            .collect());
        }
        Ok(Self { tera, origins })
    }

    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String, Diagnostics> {
        self.tera.render(name, context).map_err(|err| {
            let file = self.origins.get(name).cloned().unwrap_or_else(|| format!("template {name}"));
            let hint = if self.origins.contains_key(name) {
                "check the names used in the template against docs/themes.md".to_owned()
            } else {
                format!("the theme has no template {name}: add it, or remove the override folder to use the built-in one")
            };
            std::iter::once(Diagnostic::error(file, format!("the template failed: {}", chain(&err))).hint(hint)).collect()
        })
    }
}

/// The error and its causes on one line.
fn chain(err: &tera::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(cause.to_string().trim());
        source = cause.source();
    }
    text
}

/// HTML and XML escaping of the five characters that matter; unlike Tera's
/// default it leaves `/` alone so URLs stay readable.
pub fn escape(input: &str) -> String {
    let mut out = String::with_capacity(input.len() + input.len() / 8);
    for c in input.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
