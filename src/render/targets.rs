//! The output files of a site, listed without rendering anything: each a
//! small [`Target`] (a page of a list, a vacancy, an index, a free page, a
//! feed in any format, a vacancy's calendar file, the alerts page, a
//! crawler file), its [`Route`], its template, and the way back from an
//! output path to the target that writes it.

use std::hash::BuildHasher;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap as HashMap;

use crate::routes::{FeedFormat, Listing, Route};
use crate::site::{Category, Site};

use super::follow;

/// The two indexes: bands and towns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Folder {
    Bands,
    Locations,
}

impl Folder {
    pub(super) const BOTH: [Folder; 2] = [Folder::Bands, Folder::Locations];

    /// The index page of the folder's terms.
    pub(super) fn index(self) -> Route<'static> {
        match self {
            Folder::Bands => Route::Bands,
            Folder::Locations => Route::Towns,
        }
    }

    /// The list of the term with slug `slug`.
    pub(super) fn listing(self, slug: &str) -> Listing<'_> {
        match self {
            Folder::Bands => Listing::Band(slug),
            Folder::Locations => Listing::Town(slug),
        }
    }

    pub(super) fn categories(self, site: &Site) -> &[Category] {
        match self {
            Folder::Bands => &site.bands,
            Folder::Locations => &site.towns,
        }
    }

    /// The templates of the index page and of each term's pages.
    pub(super) fn templates(self) -> (&'static str, &'static str) {
        match self {
            Folder::Bands => ("bands.html", "band.html"),
            Folder::Locations => ("locations.html", "location.html"),
        }
    }
}

/// A list of vacancies shown over numbered pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum List {
    Home,
    Category(Folder, usize),
    /// A band in a town, by its index into `Site::band_in_town`.
    Pair(usize),
}

/// One output file to render: small, so every one of a site's files can
/// be listed without rendering anything. (Named for what it is: a file to
/// write; a "job" is an advert everywhere else.)
#[derive(Debug, Clone, Copy)]
pub(super) enum Target {
    /// Page `number` (from 1) of `total` of a list.
    List {
        list: List,
        number: usize,
        total: usize,
    },
    Vacancy(usize),
    Index(Folder),
    Page(usize),
    Feed(List),
    /// A list's Atom, JSON or calendar feed.
    FeedIn(List, FeedFormat),
    /// An open vacancy's closing moment, as iCalendar.
    ClosingDate(usize),
    Alerts,
    /// The search page (its index is built beside the render, by `search`).
    Search,
    /// The content editor's page or settings (`cms:`).
    Cms(Route<'static>),
    Sitemap,
    Robots,
    NotFound,
}

/// Every output file of one site, in the order a build renders them.
pub(super) struct Targets {
    site: Arc<Site>,
    all: Vec<Target>,
    /// Hash of each vacancy's slug -> its index, made when first asked.
    by_slug: OnceLock<Arc<SlugIndex>>,
    /// The index of the site before a change (in `serve`), tried first:
    /// after a save, most adverts keep their place, and an answer from it
    /// is checked against the slug, so it is never wrong, only missing.
    earlier_slugs: Option<Arc<SlugIndex>>,
}

/// Hash of a vacancy's slug -> its index in the site's vacancies.
type SlugIndex = HashMap<u64, usize>;

impl Targets {
    pub(super) fn new(site: Arc<Site>) -> Self {
        let all = all(&site);
        Self {
            site,
            all,
            by_slug: OnceLock::new(),
            earlier_slugs: None,
        }
    }

    /// Tries the slug index of `earlier` (the targets of the site before a
    /// change) before making one: a save then finds its page without
    /// hashing every slug of the site again.
    pub(super) fn reuse(&mut self, earlier: &Targets) {
        self.earlier_slugs = earlier
            .by_slug
            .get()
            .or(earlier.earlier_slugs.as_ref())
            .cloned();
    }

    pub(super) fn all(&self) -> &[Target] {
        &self.all
    }

    /// The target of the page showing the job or page file `source`
    /// (`content/jobs/nurse.md`), if it has one.
    pub(super) fn of_source(&self, source: &str) -> Option<Target> {
        let site = &*self.site;
        Some(
            match site
                .vacancies
                .iter()
                .position(|p| p.vacancy.source == source)
            {
                Some(i) => Target::Vacancy(i),
                None => Target::Page(site.pages.iter().position(|p| p.page.source == source)?),
            },
        )
    }

    /// The file at output path `path`, found from the path's shape
    /// (see [`Route::parse`]) without listing every path, and checked by
    /// making its path again.
    pub(super) fn find(&self, path: &str) -> Option<Target> {
        let site = &*self.site;
        let target = match Route::parse(path)? {
            Route::List { list, page } => {
                let (list, listed) = self.list_named(list)?;
                let total = listed.div_ceil(page_size(site, listed)).max(1);
                (1..=total).contains(&page).then_some(Target::List {
                    list,
                    number: page,
                    total,
                })?
            }
            Route::Feed { list } => Target::Feed(self.list_named(list)?.0),
            Route::FeedIn { list, format } => Target::FeedIn(self.list_named(list)?.0, format),
            Route::ClosingDate { slug } => {
                Target::ClosingDate(follow::open_vacancy(site, self.vacancy_by_slug(slug)?)?)
            }
            Route::Alerts => Target::Alerts,
            Route::Search => Target::Search,
            // Built by `search` beside the render.
            Route::SearchBundle { .. } => return None,
            Route::Vacancy { slug } => Target::Vacancy(self.vacancy_by_slug(slug)?),
            Route::Page { slug } => {
                Target::Page(site.pages.iter().position(|p| p.page.slug == slug)?)
            }
            Route::Bands => Target::Index(Folder::Bands),
            Route::Towns => Target::Index(Folder::Locations),
            r @ (Route::CmsEditor | Route::CmsConfig | Route::CmsWidgets) => {
                Target::Cms(*super::cms::routes(site).iter().find(|&&c| c == r)?)
            }
            Route::Sitemap => Target::Sitemap,
            Route::Robots => Target::Robots,
            Route::NotFound => Target::NotFound,
            // Copied by `output` as they are, never rendered.
            Route::Document { .. } => return None,
        };
        (self.path(target) == path).then_some(target)
    }

    /// The list `listing` names, with how many vacancies it lists.
    fn list_named(&self, listing: Listing<'_>) -> Option<(List, usize)> {
        let site = &*self.site;
        let term = |folder: Folder, slug: &str| {
            let t = folder
                .categories(site)
                .iter()
                .position(|t| t.slug == slug)?;
            Some((List::Category(folder, t), folder.categories(site)[t].listed))
        };
        match listing {
            Listing::All => Some((
                List::Home,
                site.vacancies
                    .iter()
                    .filter(|p| p.status.is_listed())
                    .count(),
            )),
            Listing::Band(slug) => term(Folder::Bands, slug),
            Listing::Town(slug) => term(Folder::Locations, slug),
            Listing::BandInTown(town, band) => follow::pair_named(site, town, band),
        }
    }

    fn vacancy_by_slug(&self, slug: &str) -> Option<usize> {
        let hash = |slug: &str| rustc_hash::FxBuildHasher.hash_one(slug);
        let vacancies = &self.site.vacancies;
        let key = hash(slug);
        let is_at = |i: usize| vacancies.get(i).is_some_and(|p| p.vacancy.slug == slug);
        if let Some(&i) = self.earlier_slugs.as_ref().and_then(|e| e.get(&key))
            && is_at(i)
        {
            return Some(i);
        }
        let by_slug = self.by_slug.get_or_init(|| {
            let mut map = HashMap::default();
            for (i, p) in vacancies.iter().enumerate() {
                map.entry(hash(&p.vacancy.slug)).or_insert(i);
            }
            Arc::new(map)
        });
        match by_slug.get(&key) {
            Some(&i) if is_at(i) => Some(i),
            // Two slugs with one hash: look through them all.
            Some(_) => vacancies.iter().position(|p| p.vacancy.slug == slug),
            None => None,
        }
    }

    /// The routes' name of `list`.
    pub(super) fn listing(&self, list: List) -> Listing<'_> {
        match list {
            List::Home => Listing::All,
            List::Category(folder, t) => folder.listing(&folder.categories(&self.site)[t].slug),
            List::Pair(p) => follow::pair_listing(&self.site, p),
        }
    }

    /// Where `target` is written, and what links to it.
    pub(super) fn route(&self, target: Target) -> Route<'_> {
        let site = &*self.site;
        match target {
            Target::List { list, number, .. } => Route::List {
                list: self.listing(list),
                page: number,
            },
            Target::Vacancy(i) => Route::Vacancy {
                slug: &site.vacancies[i].vacancy.slug,
            },
            Target::Index(folder) => folder.index(),
            Target::Page(i) => Route::Page {
                slug: &site.pages[i].page.slug,
            },
            Target::Feed(list) => Route::Feed {
                list: self.listing(list),
            },
            Target::FeedIn(list, format) => Route::FeedIn {
                list: self.listing(list),
                format,
            },
            Target::ClosingDate(i) => Route::ClosingDate {
                slug: &site.vacancies[i].vacancy.slug,
            },
            Target::Alerts => Route::Alerts,
            Target::Search => Route::Search,
            Target::Cms(route) => route,
            Target::Sitemap => Route::Sitemap,
            Target::Robots => Route::Robots,
            Target::NotFound => Route::NotFound,
        }
    }

    pub(super) fn path(&self, target: Target) -> String {
        self.route(target).path()
    }

    pub(super) fn template(&self, target: Target) -> &'static str {
        match target {
            Target::List {
                list: List::Home, ..
            } => "index.html",
            Target::List {
                list: List::Category(folder, _),
                ..
            } => folder.templates().1,
            Target::List {
                list: List::Pair(_),
                ..
            } => "band_in_town.html",
            Target::Vacancy(_) => "vacancy.html",
            Target::Index(folder) => folder.templates().0,
            Target::Page(_) => "page.html",
            Target::Feed(_) => "feed.xml",
            Target::FeedIn(_, format) => follow::template(format),
            Target::ClosingDate(_) | Target::Cms(_) => "",
            Target::Alerts => "alerts.html",
            Target::Search => "search.html",
            Target::Sitemap => "sitemap.xml",
            Target::Robots => "robots.txt",
            Target::NotFound => "404.html",
        }
    }
}

/// Every file of `site`, in the order a build renders them.
fn all(site: &Site) -> Vec<Target> {
    let mut targets = Vec::new();
    let list = |targets: &mut Vec<Target>, list: List, listed: usize| {
        let total = listed.div_ceil(page_size(site, listed)).max(1);
        targets.extend((1..=total).map(|number| Target::List {
            list,
            number,
            total,
        }));
    };
    let home = site
        .vacancies
        .iter()
        .filter(|p| p.status.is_listed())
        .count();
    list(&mut targets, List::Home, home);
    targets.extend((0..site.vacancies.len()).map(Target::Vacancy));
    for folder in Folder::BOTH {
        targets.push(Target::Index(folder));
        for (t, term) in folder.categories(site).iter().enumerate() {
            list(&mut targets, List::Category(folder, t), term.listed);
        }
    }
    targets.extend((0..site.pages.len()).map(Target::Page));
    targets.push(Target::Feed(List::Home));
    for folder in Folder::BOTH {
        targets.extend(
            (0..folder.categories(site).len()).map(|t| Target::Feed(List::Category(folder, t))),
        );
    }
    follow::add_targets(site, &mut targets, list);
    targets.push(Target::Search);
    targets.extend(
        super::cms::routes(site)
            .iter()
            .map(|&route| Target::Cms(route)),
    );
    targets.extend([Target::Sitemap, Target::Robots, Target::NotFound]);
    targets
}

/// Vacancies a page of a list of `listed` shows: `page_size`, or all of
/// them when it is 0.
pub(super) fn page_size(site: &Site, listed: usize) -> usize {
    match site.config.page_size {
        0 => listed.max(1),
        n => n,
    }
}

pub(super) fn listed_of(term: &Category, site: &Site) -> Vec<usize> {
    term.vacancies
        .iter()
        .copied()
        .filter(|&i| site.vacancies[i].status.is_listed())
        .collect()
}
