//! The example site in the repository (`content/` at the root) builds, and
//! every open advert in it is published.

use crate::common;
use common::*;

use std::path::Path;

use careers::BuildOptions;
use careers::site::Status;

const NOW: &str = "2026-11-23";

fn options(output: &Path) -> BuildOptions {
    BuildOptions {
        root: env!("CARGO_MANIFEST_DIR").into(),
        output: Some(output.to_owned()),
        now: Some(NOW.to_owned()),
        ..BuildOptions::default()
    }
}

#[test]
fn the_example_site_builds_and_publishes_every_open_job() {
    let temp = tempfile::tempdir().unwrap();
    let output = temp.path().join("public");
    let options = options(&output);
    let report = match careers::build(&options) {
        Ok(report) => report,
        Err(careers::Error::Invalid(problems)) => {
            panic!("the example site is invalid:\n{problems}")
        }
        Err(err) => panic!("the example site did not build: {err}"),
    };
    assert!(
        report.counts.open >= 10,
        "the example shows a real list: {report:?}"
    );

    let out = Output::at(&output);
    let rendered = careers::render_site(&options).unwrap();
    let open: Vec<_> = rendered
        .site
        .vacancies
        .iter()
        .filter(|p| p.status == Status::Open)
        .collect();
    assert_eq!(open.len(), report.counts.open);
    let feed = parse_feed(&out.text("feed.xml"));
    let sitemap = sitemap_urls(&out.text("sitemap.xml"));
    let base = rendered.site.config.base_url.absolute.clone();
    let limit = match rendered.site.config.feed_items {
        0 => usize::MAX,
        n => n,
    };
    let newest: Vec<String> = open
        .iter()
        .take(limit)
        .map(|p| p.vacancy.reference.clone())
        .collect();
    assert_eq!(feed.guids(), newest, "feed.xml holds the newest open jobs");
    for p in &open {
        let v = &p.vacancy;
        let page = format!("jobs/{}/index.html", v.slug);
        let html = out.html(&page);
        assert_eq!(text_of(&html, "h1"), v.title, "{page}");
        assert_eq!(json_ld(&html).len(), 1, "{page} has JSON-LD");
        assert!(!is_noindex(&html), "{page}");
        assert!(
            sitemap.contains(&format!("{base}jobs/{}/", v.slug)),
            "{page}"
        );
    }
}

#[test]
fn every_relative_link_in_the_example_site_resolves() {
    let temp = tempfile::tempdir().unwrap();
    let output = temp.path().join("public");
    careers::build(&options(&output)).unwrap();
    let out = Output::at(&output);
    for page in output_files(&out, ".html") {
        if page == "404.html" {
            continue;
        }
        let html = out.html(&page);
        let mut links = attrs(&html, "[href]", "href");
        links.extend(attrs(&html, "[src]", "src"));
        for href in links.iter().filter(|h| is_relative(h)) {
            follow(&out, &page, href);
        }
    }
}
