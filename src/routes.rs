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
const SITEMAP: &str = "sitemap.xml";
const ROBOTS: &str = "robots.txt";
const NOT_FOUND: &str = "404.html";

/// The folder `careers serve` answers its own requests under (the reload
/// channel); no file of a site is ever there.
pub const SERVE_FOLDER: &str = "__careers";
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
    "search",
    "pagefind",
    "alerts",
    "atom.xml",
    "feed.json",
    "closing-dates.ics",
    SERVE_FOLDER,
];

/// A list of vacancies, shown over numbered pages and followed by a feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing<'a> {
    /// Every listed vacancy: the home page.
    All,
    /// One band's, by its slug (`band-6`).
    Band(&'a str),
    /// One town's, by its slug (`dartford`).
    Town(&'a str),
}

impl Listing<'_> {
    /// The folder of the list (`bands/band-6/`; `""` for the home page).
    fn dir(self) -> String {
        match self {
            Listing::All => String::new(),
            Listing::Band(slug) => format!("{BANDS}/{slug}/"),
            Listing::Town(slug) => format!("{TOWNS}/{slug}/"),
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
    Sitemap,
    Robots,
    /// The page hosts show for a missing path, at any depth.
    NotFound,
}

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
            Route::Vacancy { slug } => format!("{JOBS}/{slug}/"),
            Route::Page { slug } => format!("{slug}/"),
            Route::Bands => format!("{BANDS}/"),
            Route::Towns => format!("{TOWNS}/"),
            Route::Document { path } => path.to_owned(),
            Route::Sitemap => SITEMAP.to_owned(),
            Route::Robots => ROBOTS.to_owned(),
            Route::NotFound => NOT_FOUND.to_owned(),
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
            SITEMAP => Route::Sitemap,
            ROBOTS => Route::Robots,
            NOT_FOUND => Route::NotFound,
            _ if path
                .strip_prefix(DOCUMENTS)
                .is_some_and(|rest| rest.starts_with('/')) =>
            {
                Route::Document { path }
            }
            _ => {
                if let Some(dir) = path.strip_suffix(INDEX) {
                    page_at(dir)?
                } else {
                    let dir = path.strip_suffix(RSS)?;
                    let list = match page_at(dir)? {
                        Route::List { list, page: 1 } if list != Listing::All => list,
                        _ => return None,
                    };
                    Route::Feed { list }
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
        [folder, slug] => list(term(folder, slug)?, "1"),
        [folder, slug, PAGE, n] => list(term(folder, slug)?, n),
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
mod tests {
    use super::*;

    #[test]
    fn resolve_undoes_relative() {
        let nurse = Route::Vacancy { slug: "nurse" };
        for to in [
            Route::Vacancy { slug: "porter" },
            Route::Bands,
            Route::Feed { list: Listing::All },
            HOME,
        ] {
            assert_eq!(
                resolve(&nurse, &relative(&nurse, &to)).as_deref(),
                Some(&*to.url())
            );
        }
        assert_eq!(
            resolve(&nurse, "../../documents/jd.pdf#page=2").as_deref(),
            Some("documents/jd.pdf#page=2")
        );
        assert_eq!(
            resolve(&nurse, "#duties").as_deref(),
            Some("jobs/nurse/#duties")
        );
        for not_relative in [
            "https://a.nhs.uk/",
            "mailto:a@b.nhs.uk",
            "//a.nhs.uk/",
            "/x",
            "../../../x",
        ] {
            assert_eq!(resolve(&nurse, not_relative), None, "{not_relative}");
        }
    }

    /// One route of every kind, with the file each is written to.
    fn every_kind() -> Vec<(Route<'static>, &'static str)> {
        let band = Listing::Band("band-6");
        let town = Listing::Town("dartford");
        vec![
            (HOME, "index.html"),
            (
                Route::List {
                    list: Listing::All,
                    page: 2,
                },
                "page/2/index.html",
            ),
            (
                Route::List {
                    list: band,
                    page: 1,
                },
                "bands/band-6/index.html",
            ),
            (
                Route::List {
                    list: band,
                    page: 3,
                },
                "bands/band-6/page/3/index.html",
            ),
            (
                Route::List {
                    list: town,
                    page: 1,
                },
                "locations/dartford/index.html",
            ),
            (
                Route::List {
                    list: town,
                    page: 2,
                },
                "locations/dartford/page/2/index.html",
            ),
            (Route::Feed { list: Listing::All }, "feed.xml"),
            (Route::Feed { list: band }, "bands/band-6/feed.xml"),
            (Route::Feed { list: town }, "locations/dartford/feed.xml"),
            (Route::Vacancy { slug: "nurse" }, "jobs/nurse/index.html"),
            (Route::Page { slug: "about" }, "about/index.html"),
            (Route::Bands, "bands/index.html"),
            (Route::Towns, "locations/index.html"),
            (
                Route::Document {
                    path: "documents/jd.pdf",
                },
                "documents/jd.pdf",
            ),
            (Route::Sitemap, "sitemap.xml"),
            (Route::Robots, "robots.txt"),
            (Route::NotFound, "404.html"),
        ]
    }

    #[test]
    fn every_route_has_one_path_and_is_found_again_from_it() {
        for (route, path) in every_kind() {
            assert_eq!(route.path(), path, "{route:?}");
            assert_eq!(Route::parse(path), Some(route), "{path}");
        }
    }

    #[test]
    fn pages_link_to_their_folder_and_files_to_themselves() {
        assert_eq!(HOME.url(), "");
        assert_eq!(Route::Vacancy { slug: "a" }.url(), "jobs/a/");
        assert_eq!(
            Route::List {
                list: Listing::Town("dartford"),
                page: 2
            }
            .url(),
            "locations/dartford/page/2/"
        );
        assert_eq!(Listing::Band("band-6").url(), "bands/band-6/");
        assert_eq!(
            Route::Feed {
                list: Listing::Band("band-6")
            }
            .url(),
            "bands/band-6/feed.xml"
        );
    }

    #[test]
    fn paths_of_no_route_are_refused() {
        for path in [
            "page/1/index.html",
            "page/02/index.html",
            "page/x/index.html",
            "jobs/index.html",
            "search/index.html",
            "jobs/a/feed.xml",
            "page/2/feed.xml",
            "bands/feed.xml",
            "bands/band-6/page/2/feed.xml",
            "shops/a/index.html",
            "jobs/a/b/index.html",
            "about/index.htm",
            "about",
        ] {
            assert_eq!(Route::parse(path), None, "{path}");
        }
    }

    #[test]
    fn relative_links_climb_to_the_root_then_down() {
        let nurse = Route::Vacancy { slug: "nurse" };
        let band = Route::List {
            list: Listing::Band("band-6"),
            page: 2,
        };
        assert_eq!(HOME.root(), "");
        assert_eq!(nurse.root(), "../../");
        assert_eq!(band.root(), "../../../../");
        assert_eq!(relative(&HOME, &HOME), "./");
        assert_eq!(relative(&nurse, &HOME), "../../");
        assert_eq!(relative(&HOME, &nurse), "jobs/nurse/");
        assert_eq!(relative(&band, &nurse), "../../../../jobs/nurse/");
        assert_eq!(
            relative(&Route::Page { slug: "about" }, &nurse),
            "../jobs/nurse/"
        );
    }

    #[test]
    fn folders_are_served_by_their_index_file() {
        assert_eq!(index_file(""), "index.html");
        assert_eq!(index_file("jobs/nurse/"), "jobs/nurse/index.html");
        assert_eq!(index_file("css/careers.css"), "css/careers.css");
    }

    #[test]
    fn pagination_links_every_page_of_its_list() {
        let p = pagination(Listing::All, 2, 3);
        assert_eq!(p["previous"], "");
        assert_eq!(p["next"], "page/3/");
        let p = pagination(Listing::Town("dartford"), 1, 2);
        assert_eq!(p["previous"], Value::Null);
        assert_eq!(p["pages"][1]["url"], "locations/dartford/page/2/");
    }

    #[test]
    fn every_top_level_name_of_the_site_is_reserved() {
        for (route, path) in every_kind() {
            let top = path.split('/').next().unwrap_or(path);
            let free_page = matches!(route, Route::Page { .. });
            assert_eq!(RESERVED.contains(&top), !free_page, "{path}");
        }
        assert!(SERVE_EVENTS.starts_with(&format!("/{SERVE_FOLDER}/")));
        assert!(RESERVED.contains(&"search") && RESERVED.contains(&"alerts"));
    }
}
