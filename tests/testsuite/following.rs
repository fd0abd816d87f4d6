//! Following jobs (SITE-FORMAT.md section 6): Atom, JSON Feed and
//! iCalendar beside every RSS feed, each holding exactly its list's open
//! vacancies in the RSS order; band-in-town lists; each open vacancy's
//! calendar file; the alerts page.

use crate::common;
use common::*;

use std::collections::BTreeSet;

use icalendar::Component;

const NOW: &str = "2026-02-01";

/// Open, closed, draft and future jobs across bands and towns.
fn site() -> Fixture {
    Fixture::new()
        .vacancy(
            "a.md",
            Job::new("Ward Sister", "REF-A")
                .band("6")
                .posted("2026-01-10")
                .with("salary: {min: 40617, max: 48778, period: year}"),
        )
        .vacancy(
            "b.md",
            Job::new("Staff Nurse", "REF-B")
                .band("Band 6")
                .posted("2026-01-05"),
        )
        .vacancy(
            "c.md",
            Job::new("Community Nurse", "REF-C")
                .band("5")
                .posted("2026-01-07")
                .locations_yaml(
                    "locations:\n  - site: Queen Mary's Hospital\n    town: Sidcup\n  - site: Darent Valley Hospital\n    town: Dartford",
                ),
        )
        .vacancy(
            "d.md",
            Job::new("Closed Nurse", "REF-D")
                .band("6")
                .town("Sidcup")
                .posted("2026-01-02")
                .closes("2026-01-20"),
        )
        .vacancy(
            "e.md",
            Job::new("Draft Nurse", "REF-E")
                .band("7")
                .town("Sidcup")
                .with("draft: true"),
        )
        .vacancy(
            "f.md",
            Job::new("Future Nurse", "REF-F")
                .band("8a")
                .posted("2026-03-01"),
        )
}

/// Every list with feeds, and the references of its open vacancies.
fn lists() -> Vec<(&'static str, BTreeSet<String>)> {
    vec![
        ("", set(["REF-A", "REF-B", "REF-C"])),
        ("bands/band-6/", set(["REF-A", "REF-B"])),
        ("bands/band-5/", set(["REF-C"])),
        ("locations/dartford/", set(["REF-A", "REF-B", "REF-C"])),
        ("locations/sidcup/", set(["REF-C"])),
        ("locations/dartford/band-6/", set(["REF-A", "REF-B"])),
        ("locations/dartford/band-5/", set(["REF-C"])),
        ("locations/sidcup/band-5/", set(["REF-C"])),
        ("locations/sidcup/band-6/", set([])),
    ]
}

#[test]
fn every_format_of_every_list_holds_exactly_its_open_vacancies_in_the_rss_order() {
    let out = site().build(NOW);
    for (dir, expected) in lists() {
        let rss = parse_feed(&out.text(&format!("{dir}feed.xml")));
        assert_eq!(rss.guid_set(), expected, "{dir}feed.xml");
        let links: Vec<String> = rss.items.iter().map(|i| i.link.clone()).collect();

        let atom_path = format!("{dir}atom.xml");
        let atom = atom_entries(&out.text(&atom_path), &atom_path);
        let atom_links: Vec<String> = atom.iter().map(|e| e.2.clone()).collect();
        assert_eq!(atom_links, links, "{atom_path}: the RSS items, in order");

        let json_path = format!("{dir}feed.json");
        let items = json_items(&out.text(&json_path), &json_path);
        let ids: Vec<String> = items
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(ids, rss.guids(), "{json_path}: the RSS guids, in order");

        let ics_path = format!("{dir}closing-dates.ics");
        let events = events(&calendar(&out, &ics_path));
        let uids: Vec<String> = events.iter().map(|e| e.0.clone()).collect();
        let want: Vec<String> = rss
            .guids()
            .iter()
            .map(|g| format!("{g}@example.nhs.uk"))
            .collect();
        assert_eq!(uids, want, "{ics_path}: one event per open vacancy");
        let urls: Vec<String> = events.iter().map(|e| e.2.clone()).collect();
        assert_eq!(urls, links, "{ics_path}");
    }
}

#[test]
fn band_in_town_lists_exist_exactly_for_the_pairs_published_adverts_name() {
    let out = site().build(NOW);
    let pairs: BTreeSet<String> = out
        .files()
        .into_keys()
        .filter(|p| p.starts_with("locations/") && p.ends_with("/index.html"))
        .filter(|p| p.matches('/').count() == 3)
        .collect();
    let want: BTreeSet<String> = [
        "locations/dartford/band-5/index.html",
        "locations/dartford/band-6/index.html",
        "locations/sidcup/band-5/index.html",
        // Only a closed advert: the page stays and says so.
        "locations/sidcup/band-6/index.html",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    assert_eq!(
        pairs, want,
        "no pair for the draft (7) or the future advert (8a)"
    );
    let empty = out.html("locations/sidcup/band-6/index.html");
    assert!(main_text(&empty).contains("There are no open Band 6 jobs in Sidcup"));
    let page = out.html("locations/dartford/band-6/index.html");
    assert_eq!(text_of(&page, "h1"), "Band 6 jobs in Dartford");
    assert_eq!(listed_titles(&page), ["Ward Sister", "Staff Nurse"]);
}

#[test]
fn town_and_band_pages_link_their_band_in_town_lists_with_counts() {
    let out = site().build(NOW);
    let town = out.html("locations/dartford/index.html");
    let links = texts(&town, ".app-band-in-town li");
    assert_eq!(
        links,
        ["Band 5 in Dartford: 1 job", "Band 6 in Dartford: 2 jobs"]
    );
    let band = out.html("bands/band-5/index.html");
    assert_eq!(
        texts(&band, ".app-band-in-town li"),
        ["Band 5 in Dartford: 1 job", "Band 5 in Sidcup: 1 job"]
    );
    for a in band.select(&selector(".app-band-in-town a")) {
        let href = a.value().attr("href").unwrap();
        let target = format!("bands/band-5/{href}index.html");
        let target = normalise(&target);
        assert!(out.exists(&target), "{href} -> {target}");
    }
}

/// `a/b/../c` -> `a/c`.
fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[test]
fn every_list_page_links_its_four_feeds_as_alternates() {
    let out = site().build(NOW);
    for (dir, _) in lists() {
        let page = format!("{dir}index.html");
        let html = out.html(&page);
        for (kind, file) in [
            ("application/rss+xml", "feed.xml"),
            ("application/atom+xml", "atom.xml"),
            ("application/feed+json", "feed.json"),
            ("text/calendar", "closing-dates.ics"),
        ] {
            let hrefs: Vec<String> = html
                .select(&selector(&format!(
                    "head link[rel=alternate][type=\"{kind}\"]"
                )))
                .map(|l| l.value().attr("href").unwrap().to_owned())
                .collect();
            let target = format!("{dir}{file}");
            assert!(
                hrefs
                    .iter()
                    .any(|h| normalise(&format!("{dir}{h}")) == target),
                "{page}: a {kind} alternate to {target} in {hrefs:?}"
            );
        }
        let subscribe = texts(&html, ".app-follow a");
        assert!(
            subscribe.iter().any(|t| t == "RSS feed")
                && subscribe.iter().any(|t| t == "All job alerts"),
            "{page}: {subscribe:?}"
        );
    }
}

#[test]
fn every_item_says_band_salary_towns_employer_and_closing_moment_in_every_format() {
    let out = site().build(NOW);
    let words = [
        "Band 6",
        "Salary: £40,617 to £48,778 a year",
        "Location: Dartford",
        "Employer: Example NHS Foundation Trust",
        "Closes 31 December 2026 at 11:59pm",
    ];
    let dir = "locations/dartford/band-6/";
    let rss = out.text(&format!("{dir}feed.xml"));
    let doc = roxmltree::Document::parse(&rss).unwrap();
    let rss_description = doc
        .descendants()
        .filter(|n| n.has_tag_name("item"))
        .find(|i| i.descendants().any(|n| n.text() == Some("REF-A")))
        .and_then(|i| i.children().find(|n| n.has_tag_name("description")))
        .and_then(|n| n.text())
        .unwrap()
        .to_owned();
    let atom = out.text(&format!("{dir}atom.xml"));
    let doc = roxmltree::Document::parse(&atom).unwrap();
    let atom_summary = doc
        .descendants()
        .find(|n| n.has_tag_name("summary"))
        .and_then(|n| n.text())
        .unwrap()
        .to_owned();
    let json: serde_json::Value =
        serde_json::from_str(&out.text(&format!("{dir}feed.json"))).unwrap();
    let json_text = json["items"][0]["content_text"]
        .as_str()
        .unwrap()
        .to_owned();
    let json_html = json["items"][0]["content_html"]
        .as_str()
        .unwrap()
        .to_owned();
    let cal = calendar(&out, &format!("{dir}closing-dates.ics"));
    let event = cal.components.iter().find_map(|c| c.as_event()).unwrap();
    let ics_description = event.get_description().unwrap().to_owned();
    assert_eq!(event.get_summary(), Some("Closing date: Ward Sister"));
    for (format, text) in [
        ("RSS", &rss_description),
        ("Atom", &atom_summary),
        ("JSON text", &json_text),
        ("JSON HTML", &json_html),
        ("iCalendar", &ics_description),
    ] {
        for word in words {
            assert!(text.contains(word), "{format} lacks {word:?}: {text}");
        }
    }
}

#[test]
fn rss_and_atom_carry_the_build_moment() {
    let out = site().build(NOW);
    assert!(
        out.text("feed.xml")
            .contains("<lastBuildDate>Sun, 01 Feb 2026 00:00:00 +0000</lastBuildDate>")
    );
    let atom = out.text("atom.xml");
    let doc = roxmltree::Document::parse(&atom).unwrap();
    let updated = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name("updated"))
        .and_then(|n| n.text());
    assert_eq!(updated, Some("2026-02-01T00:00:00+00:00"));
}

#[test]
fn only_open_vacancies_have_a_calendar_file_and_a_link_to_it() {
    let out = site().build(NOW);
    for slug in ["a", "b", "c"] {
        let path = format!("jobs/{slug}/closing-date.ics");
        assert!(out.exists(&path), "{path}");
        let page = out.html(&format!("jobs/{slug}/index.html"));
        let links: Vec<String> = page
            .select(&selector("main a[href$=\"closing-date.ics\"]"))
            .map(|a| a.text().collect::<String>())
            .collect();
        assert_eq!(links, ["Add the closing date to my calendar"], "{slug}");
    }
    assert!(!out.exists("jobs/d/closing-date.ics"), "closed");
    let closed = out.html("jobs/d/index.html");
    assert!(!page_text(&closed).contains("Add the closing date"));
    let drafts = site().build_drafts(NOW);
    assert!(drafts.exists("jobs/e/index.html"));
    assert!(!drafts.exists("jobs/e/closing-date.ics"), "draft");
    assert!(!drafts.exists("jobs/f/closing-date.ics"), "future");
    let feeds: Vec<String> = drafts
        .files()
        .into_keys()
        .filter(|p| p.ends_with(".ics"))
        .collect();
    for path in feeds {
        let text = drafts.text(&path);
        assert!(!text.contains("REF-E") && !text.contains("REF-F"), "{path}");
    }
}

#[test]
fn front_matter_is_escaped_in_every_format() {
    let title = "Nurse, Ward; 5 <b>\"A&E\"</b> \\ 'night'";
    let out = Fixture::new()
        .vacancy(
            "x.md",
            Job::new(title, "R,1;x").with("summary: \"Line one, with <tags> & more\""),
        )
        .build(NOW);
    let atom = atom_entries(&out.text("atom.xml"), "atom.xml");
    assert_eq!(atom[0].1, title);
    let items = json_items(&out.text("feed.json"), "feed.json");
    assert_eq!(items[0]["title"], title);
    assert!(
        items[0]["content_html"]
            .as_str()
            .unwrap()
            .contains("&lt;tags&gt; &amp; more")
    );
    let rss = parse_feed(&out.text("feed.xml"));
    assert_eq!(rss.items[0].title, title);
    let cal = calendar(&out, "closing-dates.ics");
    let event = cal.components.iter().find_map(|c| c.as_event()).unwrap();
    assert_eq!(
        event.get_summary(),
        Some(format!("Closing date: {title}").as_str())
    );
    assert_eq!(event.get_uid(), Some("R,1;x@example.nhs.uk"));
    assert!(
        out.text("closing-dates.ics")
            .contains("UID:R\\,1\\;x@example.nhs.uk\r\n")
    );
}

#[test]
fn a_band_named_like_a_town_folder_file_is_an_error_naming_the_advert() {
    let errors = Fixture::new()
        .vacancy("fine.md", Job::new("Fine", "R-1"))
        .vacancy("paging.md", Job::new("Pager", "R-2").band("Page"))
        .build_errors(NOW);
    let found: Vec<_> = errors
        .iter()
        .filter(|d| d.is_error() && d.file == "content/jobs/paging.md")
        .collect();
    assert_eq!(found.len(), 1, "{errors}");
    assert!(
        found[0].message.contains("locations/<town>/page/"),
        "{errors}"
    );
    assert!(
        !errors
            .iter()
            .any(|d| d.is_error() && d.file == "content/jobs/fine.md")
    );
}

#[test]
fn the_alerts_page_lists_every_list_with_links_that_exist() {
    let out = site().build(NOW);
    let html = out.html("alerts/index.html");
    assert_eq!(text_of(&html, "h1"), "Get job alerts");
    assert!(main_text(&html).contains("A feed reader is"));
    let titles = texts(&html, ".app-alert-list__item h3 a");
    let want = [
        "All jobs",
        "Band 5 jobs",
        "Band 6 jobs",
        "Jobs in Dartford",
        "Jobs in Sidcup",
        "Band 5 jobs in Dartford",
        "Band 6 jobs in Dartford",
        "Band 5 jobs in Sidcup",
        "Band 6 jobs in Sidcup",
    ];
    assert_eq!(titles, want);
    for a in html.select(&selector("main a[href]")) {
        let href = a.value().attr("href").unwrap();
        let target = normalise(&format!("alerts/{href}"));
        let file = if href.ends_with('/') || target.is_empty() {
            format!("{target}/index.html")
                .trim_start_matches('/')
                .to_owned()
        } else {
            target
        };
        assert!(out.exists(&file), "{href} -> {file}");
    }
    // The chooser: NHS.UK selects with every band and town, shown by the script.
    let bands = texts(&html, "select#alert-band option");
    assert_eq!(bands, ["Any band", "Band 5", "Band 6"]);
    let towns = texts(&html, "select#alert-town option");
    assert_eq!(towns, ["Any town", "Dartford", "Sidcup"]);
    assert!(out.exists("js/alerts.js"));
    // Linked from every page's header.
    let home = out.html("index.html");
    assert!(
        home.select(&selector("header a[href=\"alerts/\"]"))
            .next()
            .is_some()
    );
}

#[test]
fn the_new_files_are_the_same_bytes_on_every_build() {
    let site = site();
    let first = site.build(NOW).files();
    let second = site.build(NOW).files();
    let new: Vec<&String> = first
        .keys()
        .filter(|p| {
            p.ends_with(".ics")
                || p.ends_with("atom.xml")
                || p.ends_with("feed.json")
                || p.starts_with("alerts/")
        })
        .collect();
    assert!(new.len() > 30, "{new:?}");
    for path in new {
        assert_eq!(first[path], second[path], "{path}");
    }
}
