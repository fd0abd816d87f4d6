//! Every kind of route, its path and URL, and the paths of none.
use super::*;

/// One route of every kind, with the file each is written to.
fn every_kind() -> Vec<(Route<'static>, &'static str)> {
    let band = Listing::Band("band-6");
    let town = Listing::Town("dartford");
    let pair = Listing::BandInTown("dartford", "band-6");
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
        (
            Route::List {
                list: pair,
                page: 1,
            },
            "locations/dartford/band-6/index.html",
        ),
        (
            Route::List {
                list: pair,
                page: 2,
            },
            "locations/dartford/band-6/page/2/index.html",
        ),
        (
            Route::Feed { list: pair },
            "locations/dartford/band-6/feed.xml",
        ),
        (
            Route::FeedIn {
                list: Listing::All,
                format: FeedFormat::Atom,
            },
            "atom.xml",
        ),
        (
            Route::FeedIn {
                list: band,
                format: FeedFormat::Json,
            },
            "bands/band-6/feed.json",
        ),
        (
            Route::FeedIn {
                list: pair,
                format: FeedFormat::Calendar,
            },
            "locations/dartford/band-6/closing-dates.ics",
        ),
        (
            Route::ClosingDate { slug: "nurse" },
            "jobs/nurse/closing-date.ics",
        ),
        (Route::Alerts, "alerts/index.html"),
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
        (Route::Search, "search/index.html"),
        (SEARCH_BUNDLE_SCRIPT, "pagefind/pagefind.js"),
        (
            Route::SearchBundle {
                file: "fragment/en_1a2b.pf_fragment",
            },
            "pagefind/fragment/en_1a2b.pf_fragment",
        ),
        (Route::CmsEditor, "admin/index.html"),
        (Route::CmsConfig, "admin/config.yml"),
        (Route::CmsWidgets, "admin/widgets.js"),
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
        "search/page/2/index.html",
        "pagefind/",
        "pagefind",
        "pagefind/fragment/",
        "jobs/a/feed.xml",
        "page/2/feed.xml",
        "bands/feed.xml",
        "bands/band-6/page/2/feed.xml",
        "locations/dartford/page/index.html",
        "locations/dartford/page/feed.xml",
        "locations/dartford/band-6/x/index.html",
        "locations/dartford/band-6/page/2/atom.xml",
        "bands/band-6/band-6/index.html",
        "jobs/a/atom.xml",
        "jobs/a/closing-dates.ics",
        "bands/band-6/closing-date.ics",
        "page/2/feed.json",
        "closing-date.ics",
        "alerts/feed.xml",
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
