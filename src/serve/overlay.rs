//! The error overlay: when a save breaks the site, every page of the last
//! good build is served with the problems laid over it, in the words the
//! terminal uses, until the file is fixed.

use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::render::escape_html as escape;

/// The heading the overlay and the error page carry.
pub const HEADING: &str = "careers could not rebuild the site";

/// An element to put before `</body>` of a page of the last good build.
pub fn overlay(problems: &Diagnostics) -> String {
    // Only the errors: they are what stops the build. Warnings stay in the
    // terminal, so the reason the page is stale is not buried.
    let errors: Diagnostics = problems.iter().filter(|d| d.is_error()).cloned().collect();
    let items: String = errors.iter().map(item).collect();
    let warnings = problems.len() - errors.len();
    let also = match warnings {
        0 => String::new(),
        1 => " (and 1 warning, shown in the terminal)".to_owned(),
        n => format!(" (and {n} warnings, shown in the terminal)"),
    };
    let lead = format!(
        "{}{also}. You are looking at the last good version of this page. Fix the file and save it: this page reloads by itself.",
        escape(&errors.summary())
    );
    format!(
        r#"<div id="careers-error-overlay" role="alertdialog" aria-modal="true" aria-labelledby="careers-error-heading" style="all:initial;position:fixed;inset:0;z-index:2147483647;display:block;overflow:auto;background:rgba(33,43,50,0.75);font-family:Arial,Helvetica,sans-serif;">
<div style="all:initial;display:block;box-sizing:border-box;max-width:56rem;margin:2rem auto;padding:1.5rem 2rem;background:#ffffff;color:#212b32;border-left:10px solid #d5281b;box-shadow:0 4px 16px rgba(0,0,0,0.4);font:16px/1.5 Arial,Helvetica,sans-serif;">
<h2 id="careers-error-heading" style="all:initial;display:block;margin:0 0 0.5rem;color:#d5281b;font:bold 1.5rem/1.3 Arial,Helvetica,sans-serif;">{HEADING}</h2>
<p style="all:initial;display:block;margin:0 0 1rem;color:#212b32;font:16px/1.5 Arial,Helvetica,sans-serif;">{lead}</p>
<ol style="all:initial;display:block;margin:0;padding:0;list-style:none;">
{items}</ol>
<button type="button" onclick="document.getElementById('careers-error-overlay').remove()" style="all:initial;display:inline-block;margin-top:1rem;padding:0.4rem 1rem;border:2px solid #212b32;border-radius:4px;background:#f0f4f5;color:#212b32;font:16px/1.5 Arial,Helvetica,sans-serif;cursor:pointer;">Hide until the next save</button>
</div>
</div>
"#
    )
}

/// A whole page, for when the site has never built since the server
/// started: there is no good page to lay the problems over.
pub fn error_page(problems: &Diagnostics) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{HEADING}</title>\n</head>\n<body style=\"margin:0;background:#f0f4f5;\">\n{}</body>\n</html>\n",
        overlay(problems)
    )
}

fn item(d: &Diagnostic) -> String {
    let (label, colour) = match d.severity {
        Severity::Error => ("error", "#d5281b"),
        Severity::Warning => ("warning", "#7a5c00"),
    };
    let place = match d.position {
        Some(p) => format!("{}:{}:{}", d.file, p.line, p.column),
        None => d.file.clone(),
    };
    let quoted = d
        .source_line
        .as_ref()
        .map(|line| {
            format!(
                r#"<pre style="all:initial;display:block;margin:0.25rem 0;padding:0.5rem;background:#f0f4f5;color:#212b32;white-space:pre-wrap;font:14px/1.4 Consolas,Menlo,monospace;">{}</pre>"#,
                escape(line)
            )
        })
        .unwrap_or_default();
    let hint = d
        .hint
        .as_ref()
        .map(|hint| {
            format!(
                r#"<p style="all:initial;display:block;margin:0.25rem 0 0;color:#212b32;font:16px/1.5 Arial,Helvetica,sans-serif;"><strong style="all:initial;font:bold 16px/1.5 Arial,Helvetica,sans-serif;">To fix it:</strong> {}</p>"#,
                with_code(hint)
            )
        })
        .unwrap_or_default();
    format!(
        r#"<li style="all:initial;display:block;margin:0 0 1rem;padding:0 0 1rem;border-bottom:1px solid #d8dde0;">
<p style="all:initial;display:block;margin:0;color:#212b32;font:16px/1.5 Arial,Helvetica,sans-serif;"><code style="all:initial;font:bold 15px/1.5 Consolas,Menlo,monospace;color:#212b32;">{}</code> <strong style="all:initial;font:bold 16px/1.5 Arial,Helvetica,sans-serif;color:{colour};">{label}:</strong> {}</p>
{quoted}{hint}</li>
"#,
        escape(&place),
        with_code(&d.message),
    )
}

/// Escapes text, showing `back-quoted` parts as code, as the terminal
/// messages write field names and examples.
fn with_code(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len().is_multiple_of(2) {
        // An unpaired back-quote: leave the text as it is.
        return escape(text);
    }
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if !i.is_multiple_of(2) {
            out.push_str(&format!(
                r#"<code style="all:initial;padding:0 0.2em;background:#f0f4f5;color:#212b32;font:15px/1.5 Consolas,Menlo,monospace;">{}</code>"#,
                escape(part)
            ));
        } else {
            out.push_str(&escape(part));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Position;

    #[test]
    fn lists_place_message_and_hint_escaped() {
        let problems: Diagnostics = [
            Diagnostic::error("content/jobs/a.md", "bad <band>")
                .at(Position::new(4, 7))
                .hint("use \"6\" & not 6e, e.g. `band: 6`")
                .quote_from("---\ntitle: A\nreference: R\nband: <6e>\n"),
            Diagnostic::warning("content/jobs/b.md", "no salary"),
        ]
        .into_iter()
        .collect();
        let html = overlay(&problems);
        assert!(html.contains(HEADING));
        assert!(html.contains("content/jobs/a.md:4:7"));
        assert!(html.contains("bad &lt;band&gt;"));
        assert!(html.contains("use &quot;6&quot; &amp; not 6e, e.g. <code"));
        assert!(html.contains(">band: 6</code>"));
        assert!(html.contains("1 error in 1 file (and 1 warning, shown in the terminal)."));
        assert!(!html.contains("no salary"));
        assert!(html.contains("band: &lt;6e&gt;"));
        assert!(!html.contains("<band>"));
        assert!(
            error_page(&problems).contains("<title>careers could not rebuild the site</title>")
        );
    }
}
