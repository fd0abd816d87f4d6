//! sitemap.xml and robots.txt: what crawlers are told to index.

use crate::common;
use common::*;

fn site() -> Fixture {
    Fixture::new()
        .vacancy("open.md", Job::new("Open Nurse", "R-1").band("6"))
        .vacancy(
            "closed.md",
            Job::new("Closed Nurse", "R-2")
                .band("7")
                .closes("2026-01-20"),
        )
        .vacancy(
            "early.md",
            Job::new("Closed Early", "R-3").with("closed_early: 2026-01-25"),
        )
        .vacancy(
            "draft.md",
            Job::new("Draft Nurse", "R-4").with("draft: true"),
        )
        .vacancy(
            "future.md",
            Job::new("Future Nurse", "R-5").posted("2026-03-01"),
        )
        .page("about.md", "title: About us\nmenu: 1", "We are a trust.\n")
}

const NOW: &str = "2026-02-01";

#[test]
fn the_sitemap_lists_open_vacancy_pages_with_absolute_urls() {
    let out = site().build(NOW);
    let urls = sitemap_urls(&out.text("sitemap.xml"));
    let jobs: Vec<&String> = urls.iter().filter(|u| u.contains("/jobs/")).collect();
    assert_eq!(jobs, [&format!("{BASE_URL}jobs/open/")]);
    for url in &urls {
        let rel = url
            .strip_prefix(BASE_URL)
            .unwrap_or_else(|| panic!("{url} is absolute under base_url"));
        assert!(out.exists(&format!("{rel}index.html")), "{url} exists");
    }
    assert!(
        urls.contains(&BASE_URL.to_owned()),
        "the home page is listed"
    );
    assert!(
        urls.contains(&format!("{BASE_URL}about/")),
        "free pages are listed"
    );
}

#[test]
fn the_sitemap_leaves_out_closed_draft_and_future_jobs() {
    let out = site().build(NOW);
    let urls = sitemap_urls(&out.text("sitemap.xml"));
    for slug in ["closed", "early", "draft", "future"] {
        assert!(
            !urls.iter().any(|u| u.contains(&format!("jobs/{slug}/"))),
            "{slug} is not in the sitemap"
        );
    }
    // A band with nothing open is not worth crawling either.
    assert!(!urls.contains(&format!("{BASE_URL}bands/band-7/")));
    assert!(urls.contains(&format!("{BASE_URL}bands/band-6/")));
}

#[test]
fn a_preview_with_drafts_keeps_drafts_out_of_the_sitemap() {
    let out = site().build_drafts(NOW);
    assert!(out.exists("jobs/draft/index.html"));
    let urls = sitemap_urls(&out.text("sitemap.xml"));
    assert!(!urls.iter().any(|u| u.contains("jobs/draft/")));
}

#[test]
fn robots_txt_names_the_sitemap() {
    let out = site().build(NOW);
    let robots = out.text("robots.txt");
    let sitemap_lines: Vec<&str> = robots
        .lines()
        .filter(|l| l.to_ascii_lowercase().starts_with("sitemap:"))
        .collect();
    assert_eq!(sitemap_lines.len(), 1, "{robots}");
    assert_eq!(
        sitemap_lines[0]["sitemap:".len()..].trim(),
        format!("{BASE_URL}sitemap.xml")
    );
    assert!(
        !robots.lines().any(|l| l.trim() == "Disallow: /"),
        "a published build may be crawled"
    );
}

#[test]
fn a_base_url_without_a_trailing_slash_still_gives_clean_urls() {
    let out = Fixture::new()
        .site_yaml("title: T\nbase_url: https://jobs.example.nhs.uk\nemployer: E\n")
        .vacancy("open.md", Job::new("Open Nurse", "R-1"))
        .build(NOW);
    let urls = sitemap_urls(&out.text("sitemap.xml"));
    assert!(urls.contains(&"https://jobs.example.nhs.uk/jobs/open/".to_owned()));
    for url in &urls {
        let rest = url.strip_prefix("https://").unwrap();
        assert!(!rest.contains("//"), "no empty path segment in {url}");
    }
    assert!(
        out.text("robots.txt")
            .contains("Sitemap: https://jobs.example.nhs.uk/sitemap.xml")
    );
}
