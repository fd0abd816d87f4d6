//! Free pages (`content/pages/**/*.md`): about us, benefits, how to apply.

use crate::content::fields::{self, Fields};
use crate::content::{SourceFile, frontmatter, yaml};
use crate::diagnostics::{Diagnostic, FileReport};
use crate::markdown::{self, Body};
use crate::schema;
use crate::slug;

/// A page of the site that is not a vacancy.
#[derive(Debug, Clone)]
pub struct FreePage {
    pub source: String,
    pub content_path: String,
    pub title: String,
    pub slug: String,
    /// Position in the site navigation; `None` keeps it out of the menu.
    pub menu: Option<i64>,
    pub description: Option<String>,
    pub draft: bool,
    pub body: Body,
    /// Where `slug` (or the title) was written, for collision errors.
    pub slug_at: crate::diagnostics::Position,
}

/// Reads one free page; `None` if the file has any error.
pub fn parse(source: &SourceFile) -> (Option<FreePage>, Vec<Diagnostic>) {
    let mut report = FileReport::new(&source.path, &source.text);
    let page = read(source, &mut report);
    let failed = report.has_errors();
    (page.filter(|_| !failed), report.diagnostics)
}

fn read(source: &SourceFile, report: &mut FileReport) -> Option<FreePage> {
    let (split, root) = frontmatter::read(&source.text, report)?;
    let f = Fields::new(&root, "a page", schema::PAGE.fields, report)?;
    let title = f
        .required("title", report, "How to apply")
        .and_then(|v| fields::text(v, "title", report));
    let (slug, slug_at) = match f.text("slug", report) {
        // The same rule as an advert's `slug:`.
        Some(s) => match crate::slug::written(&s.value, &crate::slug::PAGES) {
            Ok(slug) => (slug, s.at),
            Err((message, hint)) => {
                report.error(s.at, message, hint);
                (String::new(), s.at)
            }
        },
        None => {
            let slug = slug::from_file_name(&source.content_path);
            if slug.is_empty() {
                report.error(
                    f.at,
                    "the page's file name has no letters or digits to make its web address from",
                    "rename the file, e.g. how-to-apply.md, or set `slug: how-to-apply`",
                );
            }
            (slug, f.at)
        }
    };
    let menu = f.get("menu").and_then(|v| match v.kind {
        yaml::Kind::Int(n) => Some(n),
        _ => {
            report.error(
                v.at,
                "`menu` should be a whole number: the page's place in the navigation",
                "e.g. `menu: 1` for the first item",
            );
            None
        }
    });
    let body = markdown::render_into(split.body, split.body_first_line, report);
    Some(FreePage {
        source: source.path.clone(),
        content_path: source.content_path.clone(),
        title: title?.value,
        slug,
        menu,
        description: f.text("description", report).map(|t| t.value),
        draft: f.flag("draft", report).unwrap_or(false),
        body,
        slug_at,
    })
}
