//! Assertions on what a build published: an advert open (listed, in the
//! feed and sitemap), closed, or unlisted, and the files and list pages.

use super::*;

/// Every file of the output whose path ends with `suffix`.
pub fn output_files(out: &Output, suffix: &str) -> Vec<String> {
    out.files()
        .into_keys()
        .filter(|p| p.ends_with(suffix))
        .collect()
}

/// Every list page (home, band, town and their later pages): each HTML
/// file outside `jobs/` that shows vacancy cards.
pub fn list_pages(out: &Output) -> Vec<String> {
    output_files(out, ".html")
        .into_iter()
        .filter(|p| !p.starts_with("jobs/") && p != "404.html")
        .collect()
}

/// The open vacancy at `jobs/<slug>/` is published: indexed page with
/// JSON-LD, on the home page, in the main feed and the sitemap.
pub fn assert_open(out: &Output, slug: &str, reference: &str) {
    let page = format!("jobs/{slug}/index.html");
    assert!(out.exists(&page), "{page} exists");
    let html = out.html(&page);
    assert!(!is_noindex(&html), "{page} is indexable");
    assert!(
        !main_text(&html).to_lowercase().contains("closed"),
        "{page} is not marked closed"
    );
    assert_eq!(json_ld(&html).len(), 1, "{page} has JSON-LD");
    let home = out.html("index.html");
    assert!(
        listed_links(&home).contains(&format!("jobs/{slug}/")),
        "{slug} is on the home page"
    );
    assert!(
        parse_feed(&out.text("feed.xml"))
            .guid_set()
            .contains(reference),
        "{reference} is in feed.xml"
    );
    assert!(
        sitemap_urls(&out.text("sitemap.xml")).contains(&format!("{BASE_URL}jobs/{slug}/")),
        "{slug} is in the sitemap"
    );
}

/// The vacancy at `jobs/<slug>/` is closed: its page is kept, marked closed
/// and noindex, without JSON-LD, and it has left every list, feed and the
/// sitemap.
pub fn assert_closed(out: &Output, slug: &str, reference: &str) {
    let page = format!("jobs/{slug}/index.html");
    assert!(out.exists(&page), "{page} is kept");
    let html = out.html(&page);
    assert!(is_noindex(&html), "{page} is noindex");
    assert!(
        main_text(&html).to_lowercase().contains("closed"),
        "{page} says it has closed"
    );
    assert!(json_ld(&html).is_empty(), "{page} has no JSON-LD");
    assert_unlisted(out, slug, reference);
}

/// No list page links to `jobs/<slug>/` from a vacancy card, and no feed
/// nor the sitemap names it.
pub fn assert_unlisted(out: &Output, slug: &str, reference: &str) {
    let tail = format!("jobs/{slug}/");
    for list in list_pages(out) {
        let links = listed_links(&out.html(&list));
        assert!(
            !links.iter().any(|l| l.ends_with(&tail)),
            "{slug} is not listed on {list}: {links:?}"
        );
    }
    let feeds = output_files(out, "feed.xml");
    assert!(!feeds.is_empty());
    for feed in feeds {
        let feed_xml = parse_feed(&out.text(&feed));
        assert!(
            !feed_xml.guid_set().contains(reference),
            "{reference} is not in {feed}"
        );
        assert!(
            !feed_xml.items.iter().any(|i| i.link.ends_with(&tail)),
            "{slug} is not linked from {feed}"
        );
    }
    let urls = sitemap_urls(&out.text("sitemap.xml"));
    assert!(
        !urls.iter().any(|u| u.ends_with(&tail)),
        "{slug} is not in the sitemap"
    );
}
