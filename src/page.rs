//! Free pages (`content/pages/**/*.md`): about us, benefits, how to apply.

use crate::content::fields::{self, Fields};
use crate::content::{SourceFile, frontmatter, yaml};
use crate::diagnostics::{Diagnostic, FileReport};
use crate::markdown::{self, Body};
use crate::slug::slugify;

const KEYS: &[&str] = &["title", "slug", "menu", "draft", "description"];

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
    let f = Fields::new(&root, "a page", KEYS, report)?;
    let title = f
        .required("title", report, "How to apply")
        .and_then(|v| fields::text(v, "title", report));
    let (slug, slug_at) = match f.text("slug", report) {
        Some(s) => (slugify(&s.value), s.at),
        None => {
            let name = source.content_path.rsplit('/').next().unwrap_or_default();
            (slugify(name.trim_end_matches(".md")), f.at)
        }
    };
    if slug.is_empty() {
        report.error(
            slug_at,
            "the page's slug has no letters or digits",
            "set `slug:` to words joined by hyphens, e.g. `slug: how-to-apply`",
        );
    }
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
