//! What every page carries around its content: the favicon (so no visit
//! ends in a 404 for it) and the footer links to the accessibility
//! statement and the privacy notice that `site.yaml` names.

use crate::common;
use common::*;

const NOW: &str = "2026-03-01";

fn footer_links(out: &Output, page: &str) -> Vec<(String, String)> {
    let html = out.html(page);
    html.select(&selector("footer a"))
        .map(|a| {
            (
                a.text().collect::<String>().trim().to_owned(),
                a.value().attr("href").unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_page_names_a_favicon_the_site_publishes() {
    let out = Fixture::new()
        .vacancy("nurse.md", Job::new("Staff Nurse", "R-1"))
        .build(NOW);
    for page in [
        "index.html",
        "jobs/nurse/index.html",
        "bands/index.html",
        "404.html",
    ] {
        let icons = attrs(&out.html(page), "link[rel=icon]", "href");
        assert_eq!(icons.len(), 2, "{page}: {icons:?}");
        if page == "404.html" {
            continue; // served at any depth, so its links are absolute paths
        }
        for href in icons {
            let file = resolve(page, &href).unwrap_or_else(|| panic!("{page}: {href}"));
            assert!(out.exists(&file), "{page}: {href} is published");
        }
    }
    assert!(out.exists("favicon.ico") && out.exists("favicon.svg"));
}

#[test]
fn the_footer_links_the_accessibility_statement_and_privacy_notice_when_named() {
    let named = Fixture::new()
        .site_yaml(&format!(
            "{SITE_YAML}accessibility_url: https://www.example.nhs.uk/accessibility\nprivacy_url: https://www.example.nhs.uk/privacy\n"
        ))
        .vacancy("nurse.md", Job::new("Staff Nurse", "R-1"))
        .build(NOW);
    for page in ["index.html", "jobs/nurse/index.html"] {
        let links = footer_links(&named, page);
        assert!(
            links.contains(&(
                "Accessibility statement".to_owned(),
                "https://www.example.nhs.uk/accessibility".to_owned()
            )),
            "{page}: {links:?}"
        );
        assert!(
            links.contains(&(
                "Privacy".to_owned(),
                "https://www.example.nhs.uk/privacy".to_owned()
            )),
            "{page}: {links:?}"
        );
    }
    let plain = Fixture::new()
        .vacancy("nurse.md", Job::new("Staff Nurse", "R-1"))
        .build(NOW);
    let links = footer_links(&plain, "index.html");
    assert!(
        !links
            .iter()
            .any(|(text, _)| text == "Accessibility statement" || text == "Privacy"),
        "{links:?}"
    );
}
