//! The checks that need more than one file at once: one reference and one
//! URL per advert, page slugs clear of the site's own folders, and logos
//! (the site's and its employers') that are files of the theme or of
//! `content/`.

use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::page::FreePage;
use crate::routes::{self, Route};
use crate::theme::Theme;
use crate::vacancy::Vacancy;

/// Two adverts with one reference, or published at one URL. Reported on
/// the later file in the order given, naming the one before it. A draft's
/// `[[placeholder]]` reference clashes with nothing.
pub(super) fn check_unique(vacancies: &[Arc<Vacancy>], problems: &mut Diagnostics) {
    let mut references: HashMap<&str, &str> =
        HashMap::with_capacity_and_hasher(vacancies.len(), Default::default());
    let mut slugs: HashMap<&str, &str> =
        HashMap::with_capacity_and_hasher(vacancies.len(), Default::default());
    let mut slug_problems = Vec::new();
    for v in vacancies {
        // Two drafts may both still say `[[reference]]`.
        let placeholder = v.placeholder_for("reference").is_some();
        if let Some(first) = references
            .insert(&v.reference, &v.source)
            .filter(|_| !placeholder)
        {
            problems.push(
                Diagnostic::error(
                    &v.source,
                    format!("the reference \"{}\" is also used by {first}", v.reference),
                )
                .at(v.reference_at)
                .hint("every advert needs its own reference: correct one of the two files"),
            );
        }
        if let Some(first) = slugs.insert(&v.slug, &v.source) {
            slug_problems.push(
                Diagnostic::error(
                    &v.source,
                    format!(
                        "this advert and {first} would both be published at {}",
                        Route::Vacancy { slug: &v.slug }.url()
                    ),
                )
                .hint("give one of them a different `slug:` (or rename its file)"),
            );
            if let (Some(d), Some(at)) = (slug_problems.last_mut(), v.slug_at) {
                d.position = Some(at);
            }
        }
    }
    problems.extend(slug_problems);
}

pub(super) fn check_page_slugs(
    pages: &[Arc<FreePage>],
    reserved: &[String],
    problems: &mut Diagnostics,
) {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for p in pages {
        let taken = routes::RESERVED.contains(&p.slug.as_str()) || reserved.contains(&p.slug);
        if taken {
            problems.push(
                Diagnostic::error(
                    &p.source,
                    format!("the page slug \"{}\" is taken by the site itself", p.slug),
                )
                .at(p.slug_at)
                .hint("choose another `slug:`, e.g. about-our-jobs"),
            );
        } else if let Some(first) = seen.insert(&p.slug, &p.source) {
            problems.push(
                Diagnostic::error(
                    &p.source,
                    format!(
                        "this page and {first} would both be published at {}",
                        Route::Page { slug: &p.slug }.url()
                    ),
                )
                .at(p.slug_at)
                .hint("give one of them a different `slug:`"),
            );
        }
    }
}

/// `logo:` in `site.yaml`, and each employer's `logo:`, name a file the
/// build will copy: one of the theme's static files or a document
/// (`documents` by path under `content/`). Every logo that is neither is
/// reported.
pub fn check_logo(
    config: &SiteConfig,
    theme: &Theme,
    documents: &BTreeMap<String, u64>,
) -> Vec<Diagnostic> {
    let logos = config.logo.iter().map(|logo| ("the logo", logo)).chain(
        config
            .employers
            .iter()
            .filter_map(|e| Some(("the employer logo", e.logo.as_ref()?))),
    );
    logos
        .filter(|(_, logo)| !theme.statics.contains_key(*logo) && !documents.contains_key(*logo))
        .map(|(what, logo)| {
            Diagnostic::error("content/site.yaml", format!("{what} \"{logo}\" is not a file of the theme's static/ folder or of content/"))
                .hint("put the image in content/documents and write `logo: documents/logo.svg`, or remove `logo:`")
        })
        .collect()
}
