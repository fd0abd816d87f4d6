//! The assembled site: which vacancies are open, closed or shown as
//! previews at the build moment, and the band and town indexes over them.
//!
//! This is where the publication rules of the contract live, and the checks
//! that need every file at once (unique references and URLs, `@/` links).
//!
//! Assembling is cheap enough to redo after every save in `serve` (a few
//! milliseconds at 10,000 adverts): vacancies and pages arrive as `Arc`s and
//! are shared, never copied, and a body is copied only when it has `@/`
//! links to fill in.

mod band_in_town;
mod checks;

pub use band_in_town::BandInTown;

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::civil::Date;
use jiff::{Timestamp, Zoned};
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use crate::config::SiteConfig;
use crate::content::Document;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown;
use crate::page::FreePage;
use crate::routes::{self, Route};
use crate::schedule::NextChange;
use crate::vacancy::{Band, Vacancy};

pub use checks::check_logo;
use checks::{check_page_slugs, check_unique};

pub use crate::options::Visibility;

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

/// A vacancy with its status at the build moment: open, closed, or a
/// preview (a draft or a future advert, when those are shown).
#[derive(Debug, Clone)]
pub struct Advert {
    pub vacancy: Arc<Vacancy>,
    pub status: Status,
    /// The body with its `@/` links filled in, for bodies that have any;
    /// the others are used as parsed.
    resolved: Option<String>,
}

impl Advert {
    /// The body's HTML for the vacancy's own page, `@/` links resolved.
    pub fn body_html(&self) -> &str {
        self.resolved.as_deref().unwrap_or(&self.vacancy.body.html)
    }

    /// Listed and posted within the week before `today`: a card's "New".
    pub fn is_new(&self, today: Date) -> bool {
        let posted = self.vacancy.posted;
        self.status.is_listed()
            && posted <= today
            && today.since(posted).is_ok_and(|age| age.get_days() < 7)
    }

    /// Listed and closing within a week of `today`: "Closing soon" (never
    /// a draft whose closing date is still a placeholder).
    pub fn closing_soon(&self, today: Date) -> bool {
        let soon = today
            .checked_add(jiff::Span::new().days(7))
            .unwrap_or(today);
        self.status.is_listed()
            && self.vacancy.closes.moment.date() <= soon
            && self.vacancy.placeholder_for("closes").is_none()
    }
}

/// A band or a town, with the vacancies that name it.
#[derive(Debug, Clone)]
pub struct Category {
    pub name: String,
    pub slug: String,
    /// Indexes into `Site::vacancies`, newest first, of every published
    /// advert naming this band or town (listed or closed).
    pub vacancies: Vec<usize>,
    /// How many of them are listed (open, or previews).
    pub listed: usize,
}

/// A free page with its links resolved.
#[derive(Debug, Clone)]
pub struct Page {
    pub page: Arc<FreePage>,
    /// The body with its `@/` links filled in, if it has any.
    resolved: Option<String>,
}

impl Page {
    /// The body's HTML, `@/` links resolved.
    pub fn body_html(&self) -> &str {
        self.resolved.as_deref().unwrap_or(&self.page.body.html)
    }
}

/// Everything the renderer needs, decided.
#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    pub now: Zoned,
    pub today: Date,
    /// Every vacancy with a page, newest posted first, then title, then reference.
    pub vacancies: Vec<Advert>,
    /// In pay order.
    pub bands: Vec<Category>,
    /// Alphabetical by name.
    pub towns: Vec<Category>,
    /// Each band in each town, by town then band.
    pub band_in_town: Vec<BandInTown>,
    /// Menu pages first in menu order, then the others by slug.
    pub pages: Vec<Page>,
    pub documents: Vec<Document>,
    /// When the published output next changes on its own, if ever.
    pub next_change: Option<NextChange>,
}

/// How many adverts have a page, by status at the build moment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Every vacancy with a page, drafts and future ones included.
    pub vacancies: usize,
    pub open: usize,
    pub closed: usize,
    /// Drafts and future adverts, shown as previews.
    pub previews: usize,
}

impl Site {
    /// The adverts counted by status.
    pub fn counts(&self) -> Counts {
        let count =
            |wanted: fn(Status) -> bool| self.vacancies.iter().filter(|p| wanted(p.status)).count();
        Counts {
            vacancies: self.vacancies.len(),
            open: count(|s| s == Status::Open),
            closed: count(|s| s == Status::Closed),
            previews: count(|s| matches!(s, Status::Draft | Status::Future)),
        }
    }

    /// Indexes of listed vacancies (open and previews), in order.
    pub fn listed(&self) -> Vec<usize> {
        (0..self.vacancies.len())
            .filter(|&i| self.vacancies[i].status.is_listed())
            .collect()
    }
}

/// Decides each vacancy's status and builds the indexes; reports clashes
/// between files and broken `@/` links. Files are given in the order they
/// were found, which decides which of two clashing files is reported.
pub fn assemble(
    config: SiteConfig,
    vacancies: Vec<Arc<Vacancy>>,
    pages: Vec<Arc<FreePage>>,
    documents: Vec<Document>,
    now: Timestamp,
    visibility: Visibility,
    reserved: &[String],
) -> Result<Site, Diagnostics> {
    let next_change = crate::schedule::next_change(&vacancies, now, &config.timezone);
    let now = now.to_zoned(config.timezone.clone());
    let today = now.date();
    // The checks between files, and the publication state with its
    // indexes, side by side: both only read the vacancies.
    let (mut problems, (mut published, bands, towns)) = rayon::join(
        || {
            let mut problems = Diagnostics::default();
            check_unique(&vacancies, &mut problems);
            check_page_slugs(&pages, reserved, &mut problems);
            band_in_town::check_band_slugs(&vacancies, &mut problems);
            problems
        },
        || {
            let published: Vec<Advert> = vacancies
                .par_iter()
                .filter_map(|vacancy| {
                    let status = status_of(vacancy, &now, today, visibility)?;
                    Some(Advert {
                        resolved: None,
                        vacancy: Arc::clone(vacancy),
                        status,
                    })
                })
                .collect();
            // Sorting and grouping by band and town, side by side too; the
            // groups are made in the order given, then renumbered.
            let (order, (bands, towns)) = rayon::join(
                || newest_first(&published),
                || rayon::join(|| band_groups(&published), || town_groups(&published)),
            );
            let mut position = vec![0; published.len()];
            for (new, &old) in order.iter().enumerate() {
                position[old] = new;
            }
            let mut slots: Vec<Option<Advert>> = published.into_iter().map(Some).collect();
            let published: Vec<Advert> = order.iter().filter_map(|&i| slots[i].take()).collect();
            let bands = band_categories(bands, &position, &published);
            let towns = town_categories(towns, &position, &published);
            (published, bands, towns)
        },
    );
    let mut pages: Vec<Page> = pages
        .into_iter()
        .filter(|p| visibility.drafts || !p.draft)
        .map(|page| Page {
            resolved: None,
            page,
        })
        .collect();
    fn key(p: &Page) -> (bool, Option<i64>, &str) {
        (p.page.menu.is_none(), p.page.menu, &p.page.slug)
    }
    pages.sort_by(|a, b| key(a).cmp(&key(b)));

    resolve_links(&mut published, &mut pages, &mut problems);
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(Site {
        config,
        now,
        today,
        band_in_town: band_in_town::pairs(&published, &bands, &towns),
        vacancies: published,
        bands,
        towns,
        pages,
        documents,
        next_change,
    })
}

/// The order of `published` newest posted first, then by title, then by
/// reference, as indexes. The keys are gathered side by side first, so that
/// sorting does not reach into every vacancy at each comparison.
fn newest_first(published: &[Advert]) -> Vec<usize> {
    let mut keyed: Vec<(std::cmp::Reverse<Date>, &str, &str, usize)> = published
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let v = &p.vacancy;
            (std::cmp::Reverse(v.posted), &*v.title, &*v.reference, i)
        })
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(.., i)| i).collect()
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

/// Fills each body's `@/` links with the relative URL of their target, or
/// reports the ones that name no file. Bodies without such links (nearly
/// all) are left as they are, shared with the parsed file.
fn resolve_links(vacancies: &mut [Advert], pages: &mut [Page], problems: &mut Diagnostics) {
    let linking = vacancies.iter().any(|p| !p.vacancy.body.links.is_empty())
        || pages.iter().any(|p| !p.page.body.links.is_empty());
    if !linking {
        return;
    }
    // The page of each published file, by its path under content/.
    let mut routes: HashMap<&str, Route<'_>> = HashMap::default();
    for p in vacancies.iter() {
        let slug = &p.vacancy.slug;
        routes.insert(&p.vacancy.content_path, Route::Vacancy { slug });
    }
    for p in pages.iter() {
        routes.insert(&p.page.content_path, Route::Page { slug: &p.page.slug });
    }
    let mut resolve = |source: &str, body: &markdown::Body, from: Route<'_>| -> Option<String> {
        if body.links.is_empty() {
            return None;
        }
        let mut resolved = Vec::new();
        for link in &body.links {
            match routes.get(link.target.as_str()) {
                Some(to) => {
                    let fragment = link.marker.split_once('#').map(|(_, f)| format!("#{f}")).unwrap_or_default();
                    resolved.push((link.marker.clone(), format!("{}{fragment}", routes::relative(&from, to))));
                }
                None => problems.push(
                    Diagnostic::error(source, format!("the link to @/{} names no published file", link.target))
                        .at(link.at)
                        .hint("link to a file under content/, e.g. @/pages/how-to-apply.md or @/jobs/staff-nurse.md (drafts and future adverts are not published)"),
                ),
            }
        }
        Some(markdown::resolve_links(&body.html, &resolved))
    };
    let vacancy_bodies: Vec<Option<String>> = vacancies
        .iter()
        .map(|p| {
            let from = Route::Vacancy {
                slug: &p.vacancy.slug,
            };
            resolve(&p.vacancy.source, &p.vacancy.body, from)
        })
        .collect();
    let page_bodies: Vec<Option<String>> = pages
        .iter()
        .map(|p| {
            resolve(
                &p.page.source,
                &p.page.body,
                Route::Page { slug: &p.page.slug },
            )
        })
        .collect();
    for (p, body) in vacancies.iter_mut().zip(vacancy_bodies) {
        p.resolved = body;
    }
    for (p, body) in pages.iter_mut().zip(page_bodies) {
        p.resolved = body;
    }
}

/// The adverts of each band slug, by index into `published`.
fn band_groups(published: &[Advert]) -> Vec<(String, Vec<usize>)> {
    // A site has a few dozen bands: each one's slug is made once.
    let mut group_of: HashMap<&Band, usize> = HashMap::default();
    let mut by_slug: HashMap<String, usize> = HashMap::default();
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, p) in published.iter().enumerate() {
        let band = &p.vacancy.band;
        let group = *group_of.entry(band).or_insert_with(|| {
            let slug = band.slug();
            *by_slug.entry(slug.clone()).or_insert_with(|| {
                groups.push((slug, Vec::new()));
                groups.len() - 1
            })
        });
        groups[group].1.push(i);
    }
    groups
}

/// Bands in pay order, each named as its first advert writes it.
fn band_categories(
    groups: Vec<(String, Vec<usize>)>,
    position: &[usize],
    all: &[Advert],
) -> Vec<Category> {
    let mut terms: Vec<(&Band, Category)> = groups
        .into_iter()
        .map(|(slug, list)| {
            let list = renumber(list, position);
            let band = &all[list[0]].vacancy.band;
            (band, make_category(band.to_string(), slug, list, all))
        })
        .collect();
    terms.sort_by(|a, b| a.0.cmp(b.0));
    terms.into_iter().map(|(_, t)| t).collect()
}

/// The adverts of each town slug, by index into `published`, with the
/// town's name: towns whose slugs match are one town, named as most adverts
/// spell it.
fn town_groups(published: &[Advert]) -> Vec<(String, String, Vec<usize>)> {
    // Each spelling's slug is made once per site (folding accents is not
    // free): spelling -> town number.
    let mut town_of: HashMap<&str, usize> = HashMap::default();
    let mut by_slug: HashMap<String, usize> = HashMap::default();
    // Per town: its slug, spelling -> adverts using it, the adverts.
    let mut towns: Vec<(String, BTreeMap<&str, usize>, Vec<usize>)> = Vec::new();
    for (i, p) in published.iter().enumerate() {
        let mut seen: Vec<usize> = Vec::new();
        for location in &p.vacancy.locations {
            let spelling = location.town.as_str();
            let town = *town_of.entry(spelling).or_insert_with(|| {
                let slug = location.town_slug();
                *by_slug.entry(slug.clone()).or_insert_with(|| {
                    towns.push((slug, BTreeMap::new(), Vec::new()));
                    towns.len() - 1
                })
            });
            if seen.contains(&town) {
                continue;
            }
            let (_, spellings, list) = &mut towns[town];
            *spellings.entry(spelling).or_default() += 1;
            list.push(i);
            seen.push(town);
        }
    }
    towns
        .into_iter()
        .map(|(slug, spellings, list)| {
            // Most used spelling; BTreeMap order makes ties go to the first alphabetically.
            let name = spellings
                .iter()
                .fold(None::<(&str, usize)>, |best, (&name, &n)| match best {
                    Some((_, m)) if m >= n => best,
                    _ => Some((name, n)),
                })
                .map(|(name, _)| name.to_owned())
                .unwrap_or_default();
            (slug, name, list)
        })
        .collect()
}

/// Towns in alphabetical order.
fn town_categories(
    groups: Vec<(String, String, Vec<usize>)>,
    position: &[usize],
    all: &[Advert],
) -> Vec<Category> {
    let mut terms: Vec<Category> = groups
        .into_iter()
        .map(|(slug, name, list)| make_category(name, slug, renumber(list, position), all))
        .collect();
    terms.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.slug.cmp(&b.slug))
    });
    terms
}

/// Indexes from before sorting to after, in the new order.
fn renumber(mut list: Vec<usize>, position: &[usize]) -> Vec<usize> {
    for i in &mut list {
        *i = position[*i];
    }
    list.sort_unstable();
    list
}

fn make_category(
    name: String,
    slug: String,
    vacancies_of_category: Vec<usize>,
    all: &[Advert],
) -> Category {
    let listed = vacancies_of_category
        .iter()
        .filter(|&&i| all[i].status.is_listed())
        .count();
    Category {
        name,
        slug,
        vacancies: vacancies_of_category,
        listed,
    }
}
