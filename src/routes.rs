//! Every output path and URL of a site, and the links between its pages.
//!
//! A [`Route`] names one file of the output: a vacancy's page, a page of a
//! list, a feed, a crawler file. [`Route::path`] is the file in the output
//! folder (`jobs/nurse/index.html`), [`Route::url`] the site-relative
//! address links use (`jobs/nurse/`), and [`Route::parse`] finds the route
//! again from a path. [`relative`] is the link from one page to another,
//! so the output works at any path prefix. [`RESERVED`] is every top-level
//! name the site takes, or will take, which a free page may not use.
//!
//! No other module spells a folder or file name of the output: they ask
//! here. A new kind of file is one variant of [`Route`] (or of [`Listing`]
//! for a new list, which then has pages and a feed like the others).

use serde_json::{Value, json};

/// The later pages of a list: `page/2/`.
const PAGE: &str = "page";
const JOBS: &str = "jobs";
const BANDS: &str = "bands";
const TOWNS: &str = "locations";
/// Documents keep their path under `content/`, which starts with this.
const DOCUMENTS: &str = "documents";
/// The file that answers a folder's URL.
const INDEX: &str = "index.html";
const RSS: &str = "feed.xml";
const ATOM: &str = "atom.xml";
const JSON_FEED: &str = "feed.json";
const CALENDAR: &str = "closing-dates.ics";
/// One open vacancy's closing moment, in its page's folder.
const CLOSING_DATE: &str = "closing-date.ics";
const ALERTS: &str = "alerts";
const SITEMAP: &str = "sitemap.xml";
const ROBOTS: &str = "robots.txt";
const NOT_FOUND: &str = "404.html";
/// The search page's folder.
const SEARCH: &str = "search";
/// The search index and its browser scripts, as the indexer names them.
const SEARCH_BUNDLE: &str = "pagefind";
/// The script of the bundle a search page loads.
const SEARCH_SCRIPT: &str = "pagefind.js";
/// The content editor's folder (`cms:` in `site.yaml`), and its settings.
const ADMIN: &str = "admin";
const CMS_CONFIG: &str = "config.yml";
const CMS_WIDGETS: &str = "widgets.js";

/// The folder `careers serve` answers its own requests under (the reload
/// channel); no file of a site is ever there.
pub const SERVE_FOLDER: &str = "__careers";
/// The folder of the vacancies' pages, for messages about their slugs.
pub const VACANCY_FOLDER: &str = JOBS;

/// The URL of the vacancy with slug `slug` (`jobs/nurse/`).
pub fn vacancy_url(slug: &str) -> String {
    Route::Vacancy { slug }.url()
}

/// The URL of the free page with slug `slug` (`how-to-apply/`).
pub fn page_url(slug: &str) -> String {
    Route::Page { slug }.url()
}

/// The reload channel of `careers serve`, under [`SERVE_FOLDER`].
pub const SERVE_EVENTS: &str = "/__careers/events";

/// Top-level output names a free page may not take as its slug: those the
/// site writes now, those of the features SITE-FORMAT.md section 6 adds
/// (reserved before they land, so no page has to move when they do), and
/// `serve`'s own folder. The theme's static folders are added to these.
pub const RESERVED: &[&str] = &[
    INDEX,
    PAGE,
    JOBS,
    BANDS,
    TOWNS,
    DOCUMENTS,
    RSS,
    SITEMAP,
    ROBOTS,
    NOT_FOUND,
    SEARCH,
    SEARCH_BUNDLE,
    ALERTS,
    ATOM,
    JSON_FEED,
    CALENDAR,
    ADMIN,
    SERVE_FOLDER,
];

/// The names a town's folder itself uses beside its bands' folders
/// (`locations/dartford/page/`, `.../feed.xml`): no band slug may be one.
pub const TOWN_FOLDER_NAMES: &[&str] = &[PAGE, INDEX, RSS, ATOM, JSON_FEED, CALENDAR];

/// The formats a list is followed in, each a file beside its first page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FeedFormat {
    /// `atom.xml`, Atom 1.0.
    Atom,
    /// `feed.json`, JSON Feed 1.1.
    Json,
    /// `closing-dates.ics`, iCalendar of the closing moments.
    Calendar,
}

impl FeedFormat {
    pub const ALL: [FeedFormat; 3] = [FeedFormat::Atom, FeedFormat::Json, FeedFormat::Calendar];

    /// The file's name in the list's folder.
    pub fn file_name(self) -> &'static str {
        match self {
            FeedFormat::Atom => ATOM,
            FeedFormat::Json => JSON_FEED,
            FeedFormat::Calendar => CALENDAR,
        }
    }

    /// The media type `<link rel="alternate">` gives.
    pub fn media_type(self) -> &'static str {
        match self {
            FeedFormat::Atom => "application/atom+xml",
            FeedFormat::Json => "application/feed+json",
            FeedFormat::Calendar => "text/calendar",
        }
    }

    fn named(file: &str) -> Option<FeedFormat> {
        FeedFormat::ALL.into_iter().find(|f| f.file_name() == file)
    }
}

/// A list of vacancies, shown over numbered pages and followed by a feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing<'a> {
    /// Every listed vacancy: the home page.
    All,
    /// One band's, by its slug (`band-6`).
    Band(&'a str),
    /// One town's, by its slug (`dartford`).
    Town(&'a str),
    /// One band's in one town, by the town's slug then the band's
    /// (`locations/dartford/band-6/`).
    BandInTown(&'a str, &'a str),
}

impl Listing<'_> {
    /// The folder of the list (`bands/band-6/`; `""` for the home page).
    fn dir(self) -> String {
        match self {
            Listing::All => String::new(),
            Listing::Band(slug) => format!("{BANDS}/{slug}/"),
            Listing::Town(slug) => format!("{TOWNS}/{slug}/"),
            Listing::BandInTown(town, band) => format!("{TOWNS}/{town}/{band}/"),
        }
    }

    /// The address of the list's first page.
    pub fn url(self) -> String {
        self.dir()
    }
}

/// One file of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route<'a> {
    /// Page `page` (from 1) of a list.
    List {
        list: Listing<'a>,
        page: usize,
    },
    /// A list's RSS feed.
    Feed {
        list: Listing<'a>,
    },
    /// A list's feed in another format, beside its RSS feed.
    FeedIn {
        list: Listing<'a>,
        format: FeedFormat,
    },
    /// One open vacancy's closing moment as iCalendar, by its slug.
    ClosingDate {
        slug: &'a str,
    },
    /// "Get job alerts": every list's page, feeds and calendar.
    Alerts,
    /// A vacancy's page, by its slug.
    Vacancy {
        slug: &'a str,
    },
    /// A free page, by its slug.
    Page {
        slug: &'a str,
    },
    /// The index of bands.
    Bands,
    /// The index of towns.
    Towns,
    /// A document shipped with the site, by its path under `content/`
    /// (`documents/jd.pdf`), which is also its path in the output.
    Document {
        path: &'a str,
    },
    /// The content editor's page (Decap CMS), when `cms:` asks for it.
    CmsEditor,
    /// The editor's settings: its collections and their fields.
    CmsConfig,
    /// The editor's own form widgets (its date fields).
    CmsWidgets,
    Sitemap,
    Robots,
    /// The page hosts show for a missing path, at any depth.
    NotFound,
    /// The search page.
    Search,
    /// A file of the search index bundle, by its path inside the bundle
    /// (`pagefind.js`, `fragment/en_1a2b.pf_fragment`).
    SearchBundle {
        file: &'a str,
    },
}

/// The search bundle's script, which a search page imports.
pub const SEARCH_BUNDLE_SCRIPT: Route<'static> = Route::SearchBundle {
    file: SEARCH_SCRIPT,
};

/// The home page: the first page of every listed vacancy.
pub const HOME: Route<'static> = Route::List {
    list: Listing::All,
    page: 1,
};

impl<'a> Route<'a> {
    /// The site-relative address links use: a page's folder with its
    /// trailing `/` (`jobs/nurse/`, `""` for the home page), or a file's
    /// path (`bands/band-6/feed.xml`).
    pub fn url(&self) -> String {
        match *self {
            Route::List { list, page } if page > 1 => format!("{}{PAGE}/{page}/", list.dir()),
            Route::List { list, .. } => list.dir(),
            Route::Feed { list } => format!("{}{RSS}", list.dir()),
            Route::FeedIn { list, format } => format!("{}{}", list.dir(), format.file_name()),
            Route::ClosingDate { slug } => format!("{JOBS}/{slug}/{CLOSING_DATE}"),
            Route::Alerts => format!("{ALERTS}/"),
            Route::Vacancy { slug } => format!("{JOBS}/{slug}/"),
            Route::Page { slug } => format!("{slug}/"),
            Route::Bands => format!("{BANDS}/"),
            Route::Towns => format!("{TOWNS}/"),
            Route::Document { path } => path.to_owned(),
            Route::CmsEditor => format!("{ADMIN}/"),
            Route::CmsConfig => format!("{ADMIN}/{CMS_CONFIG}"),
            Route::CmsWidgets => format!("{ADMIN}/{CMS_WIDGETS}"),
            Route::Sitemap => SITEMAP.to_owned(),
            Route::Robots => ROBOTS.to_owned(),
            Route::NotFound => NOT_FOUND.to_owned(),
            Route::Search => format!("{SEARCH}/"),
            Route::SearchBundle { file } => format!("{SEARCH_BUNDLE}/{file}"),
        }
    }

    /// The file in the output folder (`jobs/nurse/index.html`).
    pub fn path(&self) -> String {
        index_file(&self.url())
    }

    /// From this file's folder back to the site root: `""` at the top,
    /// `../../` in `jobs/nurse/`. Prefixed to a site-relative URL, it makes
    /// the link relative.
    pub fn root(&self) -> String {
        "../".repeat(self.path().matches('/').count())
    }

    /// The route whose file is at `path`, if the site can have one there
    /// (whether it has is for the caller to say). Only the exact path of
    /// a route is found: `page/1/index.html` and `page/02/index.html`
    /// are no one's.
    pub fn parse(path: &'a str) -> Option<Route<'a>> {
        let route = match path {
            RSS => Route::Feed { list: Listing::All },
            _ if FeedFormat::named(path).is_some() => Route::FeedIn {
                list: Listing::All,
                format: FeedFormat::named(path)?,
            },
            SITEMAP => Route::Sitemap,
            ROBOTS => Route::Robots,
            NOT_FOUND => Route::NotFound,
            _ if path
                .strip_prefix(DOCUMENTS)
                .is_some_and(|rest| rest.starts_with('/')) =>
            {
                Route::Document { path }
            }
            _ if path
                .strip_prefix(SEARCH_BUNDLE)
                .and_then(|rest| rest.strip_prefix('/'))
                .is_some_and(|file| !file.is_empty() && !file.ends_with('/')) =>
            {
                Route::SearchBundle {
                    file: &path[SEARCH_BUNDLE.len() + 1..],
                }
            }
            _ => {
                let (dir, file) = match path.rfind('/') {
                    Some(i) => path.split_at(i + 1),
                    None => ("", path),
                };
                if file == INDEX {
                    page_at(dir)?
                } else {
                    match (page_at(dir)?, file) {
                        (Route::Vacancy { slug }, CLOSING_DATE) => Route::ClosingDate { slug },
                        (Route::CmsEditor, CMS_CONFIG) => Route::CmsConfig,
                        (Route::CmsEditor, CMS_WIDGETS) => Route::CmsWidgets,
                        (Route::List { list, page: 1 }, _) if list != Listing::All => {
                            match FeedFormat::named(file) {
                                Some(format) => Route::FeedIn { list, format },
                                None if file == RSS => Route::Feed { list },
                                None => return None,
                            }
                        }
                        _ => return None,
                    }
                }
            }
        };
        (route.path() == path).then_some(route)
    }
}

/// The page whose folder is `dir` (`""`, `jobs/nurse/`, `bands/x/page/2/`).
fn page_at<'a>(dir: &'a str) -> Option<Route<'a>> {
    let segments: Vec<&str> = dir.strip_suffix('/').unwrap_or(dir).split('/').collect();
    let list = |list: Listing<'a>, page: &str| -> Option<Route<'a>> {
        let page = page.parse().ok()?;
        Some(Route::List { list, page })
    };
    let term = |folder: &str, slug| match folder {
        BANDS => Some(Listing::Band(slug)),
        TOWNS => Some(Listing::Town(slug)),
        _ => None,
    };
    match segments.as_slice() {
        [""] => Some(HOME),
        [PAGE, n] => list(Listing::All, n),
        [JOBS, slug] => Some(Route::Vacancy { slug }),
        [BANDS] => Some(Route::Bands),
        [TOWNS] => Some(Route::Towns),
        [SEARCH] => Some(Route::Search),
        [ALERTS] => Some(Route::Alerts),
        [ADMIN] => Some(Route::CmsEditor),
        [folder, slug] => list(term(folder, slug)?, "1"),
        [folder, slug, PAGE, n] => list(term(folder, slug)?, n),
        [TOWNS, town, band] if *band != PAGE => list(Listing::BandInTown(town, band), "1"),
        [TOWNS, town, band, PAGE, n] if *band != PAGE => list(Listing::BandInTown(town, band), n),
        [slug] if !RESERVED.contains(slug) => Some(Route::Page { slug }),
        _ => None,
    }
}

/// The file that answers the URL `url`: `index.html` in it if it is a
/// folder (`""`, `jobs/nurse/`), else the file itself. What `serve` looks
/// up for a request.
pub fn index_file(url: &str) -> String {
    if url.is_empty() || url.ends_with('/') {
        format!("{url}{INDEX}")
    } else {
        url.to_owned()
    }
}

/// The link from the page `from` to `to`: up to the site root, then down
/// (`../../bands/band-6/`). Never an empty `href`: the home page's link to
/// itself is `./`.
pub fn relative(from: &Route<'_>, to: &Route<'_>) -> String {
    let link = format!("{}{}", from.root(), to.url());
    if link.is_empty() {
        "./".to_owned()
    } else {
        link
    }
}

/// The site-relative address a relative link `href` on the page `from`
/// leads to (`../../documents/jd.pdf` on `jobs/nurse/` is
/// `documents/jd.pdf`); the inverse of [`relative`]. `None` for an address
/// that is not relative (`https:`, `mailto:`, `//host`, `/path`) or that
/// climbs above the site's root.
pub fn resolve(from: &Route<'_>, href: &str) -> Option<String> {
    let scheme = href
        .find(':')
        .is_some_and(|colon| !href[..colon].contains(['/', '?', '#']));
    if scheme || href.starts_with('/') {
        return None;
    }
    let page = from.url();
    let (path, rest) = match href.find(['?', '#']) {
        Some(at) => href.split_at(at),
        None => (href, ""),
    };
    if path.is_empty() {
        return Some(format!("{page}{rest}"));
    }
    let mut segments: Vec<&str> = page.split('/').collect();
    segments.pop(); // the file part of the page's address (empty for a folder)
    let trailing = path.ends_with('/');
    for segment in path.trim_end_matches('/').split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop()?;
            }
            name => segments.push(name),
        }
    }
    let mut site_relative = segments.join("/");
    if trailing && !site_relative.is_empty() {
        site_relative.push('/');
    }
    Some(format!("{site_relative}{rest}"))
}

/// What a list page's template gets as `pagination`: `{current, total,
/// previous, next, pages: [{number, url, current}]}`, URLs site-relative,
/// `previous`/`next` null at the ends.
pub fn pagination(list: Listing<'_>, current: usize, total: usize) -> Value {
    let url = |page: usize| Route::List { list, page }.url();
    json!({
        "current": current,
        "total": total,
        "previous": (current > 1).then(|| url(current - 1)),
        "next": (current < total).then(|| url(current + 1)),
        "pages": (1..=total).map(|n| json!({ "number": n, "url": url(n), "current": n == current })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests;
