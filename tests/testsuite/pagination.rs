//! Long lists split into pages of `page_size`, linked by next and previous.

use crate::common;
use common::*;

/// Five open jobs, J5 newest, all band 5 in Dartford.
fn five_jobs(settings: &str) -> Fixture {
    let mut site = Fixture::new().settings(settings);
    for n in 1..=5 {
        site = site.vacancy(
            &format!("j{n}.md"),
            Job::new(&format!("Job {n}"), &format!("R-{n}")).posted(&format!("2026-01-0{n}")),
        );
    }
    site
}

const NOW: &str = "2026-02-01";

#[test]
fn five_jobs_two_a_page_make_three_pages_with_the_right_jobs() {
    let out = five_jobs("page_size: 2").build(NOW);
    assert_eq!(listed_titles(&out.html("index.html")), ["Job 5", "Job 4"]);
    assert_eq!(
        listed_titles(&out.html("page/2/index.html")),
        ["Job 3", "Job 2"]
    );
    assert_eq!(listed_titles(&out.html("page/3/index.html")), ["Job 1"]);
    assert!(!out.exists("page/4/index.html"));
    assert!(
        !out.exists("page/1/index.html"),
        "page 1 is the list itself"
    );
}

#[test]
fn job_links_on_later_pages_resolve() {
    let out = five_jobs("page_size: 2").build(NOW);
    for href in listed_links(&out.html("page/3/index.html")) {
        assert_eq!(
            follow(&out, "page/3/index.html", &href),
            "jobs/j1/index.html"
        );
    }
}

/// The page that the next (or previous) link of `page` leads to.
fn step(out: &Output, page: &str, rel: &str, word: &str) -> Option<String> {
    let links = rel_links(&out.html(page), rel, word);
    assert!(
        links.len() <= 1,
        "at most one {rel} link on {page}: {links:?}"
    );
    links.first().map(|href| follow(out, page, href))
}

#[test]
fn next_and_previous_links_walk_the_pages() {
    let out = five_jobs("page_size: 2").build(NOW);
    let next = |p: &str| step(&out, p, "next", "Next");
    let prev = |p: &str| step(&out, p, "prev", "Previous");
    assert_eq!(next("index.html").as_deref(), Some("page/2/index.html"));
    assert_eq!(
        next("page/2/index.html").as_deref(),
        Some("page/3/index.html")
    );
    assert_eq!(next("page/3/index.html"), None);
    assert_eq!(
        prev("page/3/index.html").as_deref(),
        Some("page/2/index.html")
    );
    assert_eq!(prev("page/2/index.html").as_deref(), Some("index.html"));
    assert_eq!(prev("index.html"), None);
}

#[test]
fn band_and_town_lists_are_paged_too() {
    let out = five_jobs("page_size: 2").build(NOW);
    for base in ["bands/band-5/", "locations/dartford/"] {
        let first = format!("{base}index.html");
        let second = format!("{base}page/2/index.html");
        let third = format!("{base}page/3/index.html");
        assert_eq!(listed_titles(&out.html(&first)), ["Job 5", "Job 4"]);
        assert_eq!(listed_titles(&out.html(&second)), ["Job 3", "Job 2"]);
        assert_eq!(listed_titles(&out.html(&third)), ["Job 1"]);
        assert_eq!(step(&out, &first, "next", "Next"), Some(second.clone()));
        assert_eq!(step(&out, &third, "prev", "Previous"), Some(second.clone()));
        assert_eq!(step(&out, &second, "prev", "Previous"), Some(first.clone()));
        // Each page still offers the list's feed.
        for page in [&first, &second, &third] {
            let feeds = attrs(&out.html(page), "a[href$='feed.xml']", "href");
            assert!(
                feeds
                    .iter()
                    .any(|f| follow(&out, page, f) == format!("{base}feed.xml")),
                "{page} links its feed: {feeds:?}"
            );
        }
    }
}

#[test]
fn a_list_that_fits_on_one_page_has_no_page_links() {
    let out = five_jobs("page_size: 5").build(NOW);
    assert_eq!(listed_titles(&out.html("index.html")).len(), 5);
    assert!(!out.exists("page/2/index.html"));
    assert!(rel_links(&out.html("index.html"), "next", "Next").is_empty());
}

#[test]
fn page_size_zero_means_one_page() {
    let out = five_jobs("page_size: 0").build(NOW);
    assert_eq!(listed_titles(&out.html("index.html")).len(), 5);
    assert!(!out.files().keys().any(|p| p.contains("page/")));
}

#[test]
fn the_default_page_size_shows_five_jobs_on_one_page() {
    let out = five_jobs("").build(NOW);
    assert_eq!(listed_titles(&out.html("index.html")).len(), 5);
    assert!(!out.exists("page/2/index.html"));
}
