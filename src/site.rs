//! The assembled site: which vacancies are open, closed or shown as
//! previews at the build moment, and the band and town indexes over them.
//!
//! This is where the publication rules of the contract live, and the checks
//! that need every file at once (unique references and URLs, `@/` links).

use std::collections::BTreeMap;

use jiff::civil::Date;
use jiff::{Timestamp, Zoned};

use crate::config::SiteConfig;
use crate::content::Document;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown;
use crate::page::FreePage;
use crate::vacancy::{Band, Vacancy};

/// Top-level output names a free page may not take.
pub const RESERVED: &[&str] = &[
    "jobs",
    "bands",
    "locations",
    "page",
    "documents",
    "feed.xml",
    "sitemap.xml",
    "robots.txt",
    "404.html",
    "index.html",
    "livereload",
];

/// What the build is for: publishing, or previewing with drafts shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Visibility {
    /// Show drafts, marked as such (`build --drafts`, `serve`).
    pub drafts: bool,
    /// Show adverts posted in the future, marked as such (`serve`).
    pub future: bool,
}

/// Where a vacancy stands at the build moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Open,
    Closed,
    /// Shown only in previews; listed like an open advert, never in feeds.
    Draft,
    /// Posted in the future; shown only in previews.
    Future,
}

impl Status {
    /// In lists (home, band and town pages)?
    pub fn is_listed(self) -> bool {
        self != Status::Closed
    }
    /// In feeds and the sitemap?
    pub fn is_public(self) -> bool {
        self == Status::Open
    }
}

/// A vacancy with its status at the build moment.
#[derive(Debug, Clone)]
pub struct Published {
    pub vacancy: Vacancy,
    pub status: Status,
    /// The body with `@/` links resolved for the vacancy's own page.
    pub body_html: String,
}

/// A band or a town, with the vacancies that name it.
#[derive(Debug, Clone)]
pub struct Term {
    pub name: String,
    pub slug: String,
    /// Indexes into `Site::vacancies`, newest first, of every published
    /// advert naming this term (listed or closed).
    pub vacancies: Vec<usize>,
    /// How many of them are listed (open, or previews).
    pub listed: usize,
}

/// A free page with its links resolved.
#[derive(Debug, Clone)]
pub struct Page {
    pub page: FreePage,
    pub body_html: String,
}

/// Everything the renderer needs, decided.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    pub now: Zoned,
    pub today: Date,
    /// Every vacancy with a page, newest posted first, then title, then reference.
    pub vacancies: Vec<Published>,
    /// In pay order.
    pub bands: Vec<Term>,
    /// Alphabetical by name.
    pub towns: Vec<Term>,
    /// Menu pages first in menu order, then the others by slug.
    pub pages: Vec<Page>,
    pub documents: Vec<Document>,
}

impl Site {
    /// Indexes of listed vacancies (open and previews), in order.
    pub fn listed(&self) -> Vec<usize> {
        (0..self.vacancies.len())
            .filter(|&i| self.vacancies[i].status.is_listed())
            .collect()
    }
}

/// Decides each vacancy's status and builds the indexes; reports clashes
/// between files and broken `@/` links.
pub fn assemble(
    config: SiteConfig,
    vacancies: Vec<Vacancy>,
    pages: Vec<FreePage>,
    documents: Vec<Document>,
    now: Timestamp,
    visibility: Visibility,
    reserved: &[String],
) -> Result<Site, Diagnostics> {
    let mut problems = Diagnostics::default();
    check_unique_references(&vacancies, &mut problems);
    check_unique_slugs(&vacancies, &mut problems);
    check_page_slugs(&pages, reserved, &mut problems);

    let now = now.to_zoned(config.timezone.clone());
    let today = now.date();
    let mut published: Vec<Published> = vacancies
        .into_iter()
        .filter_map(|vacancy| {
            let status = status_of(&vacancy, &now, today, visibility)?;
            Some(Published {
                body_html: String::new(),
                vacancy,
                status,
            })
        })
        .collect();
    published.sort_by(|a, b| {
        let (a, b) = (&a.vacancy, &b.vacancy);
        b.posted
            .cmp(&a.posted)
            .then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.reference.cmp(&b.reference))
    });
    let mut pages: Vec<Page> = pages
        .into_iter()
        .filter(|p| visibility.drafts || !p.draft)
        .map(|page| Page {
            body_html: String::new(),
            page,
        })
        .collect();
    pages.sort_by(|a, b| {
        let key = |p: &Page| (p.page.menu.is_none(), p.page.menu, p.page.slug.clone());
        key(a).cmp(&key(b))
    });

    resolve_links(&mut published, &mut pages, &mut problems);
    if problems.has_errors() {
        return Err(problems);
    }
    let bands = band_terms(&published);
    let towns = town_terms(&published);
    Ok(Site {
        config,
        now,
        today,
        vacancies: published,
        bands,
        towns,
        pages,
        documents,
    })
}

/// The publication rules of the contract, section 5.
fn status_of(v: &Vacancy, now: &Zoned, today: Date, visibility: Visibility) -> Option<Status> {
    if v.draft {
        return visibility.drafts.then_some(Status::Draft);
    }
    if v.posted > today {
        return visibility.future.then_some(Status::Future);
    }
    let closed_early = v.closed_early.is_some_and(|day| day <= today);
    if closed_early || v.closes.moment.timestamp() <= now.timestamp() {
        return Some(Status::Closed);
    }
    Some(Status::Open)
}

fn check_unique_references(vacancies: &[Vacancy], problems: &mut Diagnostics) {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for v in vacancies {
        if let Some(first) = seen.insert(&v.reference, &v.source) {
            problems.push(
                Diagnostic::error(
                    &v.source,
                    format!("the reference \"{}\" is also used by {first}", v.reference),
                )
                .hint("every advert needs its own reference: correct one of the two files"),
            );
        }
    }
}

fn check_unique_slugs(vacancies: &[Vacancy], problems: &mut Diagnostics) {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for v in vacancies {
        if let Some(first) = seen.insert(&v.slug, &v.source) {
            problems.push(
                Diagnostic::error(
                    &v.source,
                    format!(
                        "this advert and {first} would both be published at jobs/{}/",
                        v.slug
                    ),
                )
                .hint("give one of them a different `slug:` (or rename its file)"),
            );
        }
    }
}

fn check_page_slugs(pages: &[FreePage], reserved: &[String], problems: &mut Diagnostics) {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for p in pages {
        let taken = RESERVED.contains(&p.slug.as_str()) || reserved.contains(&p.slug);
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
                        "this page and {first} would both be published at {}/",
                        p.slug
                    ),
                )
                .at(p.slug_at)
                .hint("give one of them a different `slug:`"),
            );
        }
    }
}

/// Fills each body's `@/` links with the relative URL of their target, or
/// reports the ones that name no file.
fn resolve_links(vacancies: &mut [Published], pages: &mut [Page], problems: &mut Diagnostics) {
    let mut urls: BTreeMap<String, String> = BTreeMap::new();
    for p in vacancies.iter() {
        urls.insert(
            p.vacancy.content_path.clone(),
            format!("jobs/{}/", p.vacancy.slug),
        );
    }
    for p in pages.iter() {
        urls.insert(p.page.content_path.clone(), format!("{}/", p.page.slug));
    }
    let mut resolve = |source: &str, body: &markdown::Body, root: &str| -> String {
        if body.links.is_empty() {
            return body.html.clone();
        }
        let mut resolved = Vec::new();
        for link in &body.links {
            match urls.get(&link.target) {
                Some(url) => {
                    let fragment = link.marker.split_once('#').map(|(_, f)| format!("#{f}")).unwrap_or_default();
                    resolved.push((link.marker.clone(), format!("{root}{url}{fragment}")));
                }
                None => problems.push(
                    Diagnostic::error(source, format!("the link to @/{} names no published file", link.target))
                        .at(link.at)
                        .hint("link to a file under content/, e.g. @/pages/how-to-apply.md or @/jobs/staff-nurse.md (drafts and future adverts are not published)"),
                ),
            }
        }
        markdown::resolve_links(&body.html, &resolved)
    };
    for p in vacancies.iter_mut() {
        p.body_html = resolve(&p.vacancy.source, &p.vacancy.body, "../../");
    }
    for p in pages.iter_mut() {
        p.body_html = resolve(&p.page.source, &p.page.body, "../");
    }
}

fn band_terms(vacancies: &[Published]) -> Vec<Term> {
    let mut by_slug: BTreeMap<String, (Band, Vec<usize>)> = BTreeMap::new();
    for (i, p) in vacancies.iter().enumerate() {
        let band = &p.vacancy.band;
        let entry = by_slug
            .entry(band.slug())
            .or_insert_with(|| (band.clone(), Vec::new()));
        entry.1.push(i);
    }
    let mut terms: Vec<(Band, Term)> = by_slug
        .into_iter()
        .map(|(slug, (band, list))| {
            let term = make_term(band.to_string(), slug, list, vacancies);
            (band, term)
        })
        .collect();
    terms.sort_by(|a, b| a.0.cmp(&b.0));
    terms.into_iter().map(|(_, t)| t).collect()
}

/// Towns whose slugs match are one town, named as most adverts spell it.
fn town_terms(vacancies: &[Published]) -> Vec<Term> {
    let mut by_slug: BTreeMap<String, (BTreeMap<String, usize>, Vec<usize>)> = BTreeMap::new();
    for (i, p) in vacancies.iter().enumerate() {
        let mut seen = Vec::new();
        for location in &p.vacancy.locations {
            let slug = location.town_slug();
            if seen.contains(&slug) {
                continue;
            }
            let entry = by_slug.entry(slug.clone()).or_default();
            *entry.0.entry(location.town.clone()).or_default() += 1;
            entry.1.push(i);
            seen.push(slug);
        }
    }
    let mut terms: Vec<Term> = by_slug
        .into_iter()
        .map(|(slug, (spellings, list))| {
            // Most used spelling; BTreeMap order makes ties go to the first alphabetically.
            let name = spellings
                .iter()
                .fold(None::<(&String, usize)>, |best, (name, &n)| match best {
                    Some((_, m)) if m >= n => best,
                    _ => Some((name, n)),
                })
                .map(|(name, _)| name.clone())
                .unwrap_or_default();
            make_term(name, slug, list, vacancies)
        })
        .collect();
    terms.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.slug.cmp(&b.slug))
    });
    terms
}

fn make_term(name: String, slug: String, vacancies_of_term: Vec<usize>, all: &[Published]) -> Term {
    let listed = vacancies_of_term
        .iter()
        .filter(|&&i| all[i].status.is_listed())
        .count();
    Term {
        name,
        slug,
        vacancies: vacancies_of_term,
        listed,
    }
}
