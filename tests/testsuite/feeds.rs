//! RSS feeds: the site feed, one per band and one per town, each holding
//! exactly the open jobs of its list, with absolute links, stable guids and
//! RFC 822 dates.

use crate::common;
use common::*;

use std::collections::BTreeSet;

/// Open, closed, draft and future jobs across two bands and two towns.
fn site() -> Fixture {
    Fixture::new()
        .vacancy(
            "a.md",
            Job::new("Ward Sister", "REF-A")
                .band("6")
                .posted("2026-01-10"),
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
                .band("6")
                .with("draft: true"),
        )
        .vacancy(
            "f.md",
            Job::new("Future Nurse", "REF-F")
                .band("6")
                .posted("2026-03-01"),
        )
        .vacancy(
            "g.md",
            Job::new("Closed Manager", "REF-G")
                .band("7")
                .posted("2026-01-01")
                .closes("2026-01-15"),
        )
}

const NOW: &str = "2026-02-01";

fn feed(out: &Output, path: &str) -> Feed {
    parse_feed(&out.text(path))
}

#[test]
fn each_feed_holds_exactly_the_open_jobs_of_its_list() {
    let out = site().build(NOW);
    let expected: [(&str, BTreeSet<String>); 5] = [
        ("feed.xml", set(["REF-A", "REF-B", "REF-C"])),
        ("bands/band-6/feed.xml", set(["REF-A", "REF-B"])),
        ("bands/band-5/feed.xml", set(["REF-C"])),
        (
            "locations/dartford/feed.xml",
            set(["REF-A", "REF-B", "REF-C"]),
        ),
        ("locations/sidcup/feed.xml", set(["REF-C"])),
    ];
    for (path, guids) in expected {
        assert_eq!(feed(&out, path).guid_set(), guids, "{path}");
    }
}

#[test]
fn a_job_in_two_towns_is_in_both_town_feeds() {
    let out = site().build(NOW);
    for path in ["locations/dartford/feed.xml", "locations/sidcup/feed.xml"] {
        let items = feed(&out, path).items;
        let c: Vec<_> = items.iter().filter(|i| i.guid == "REF-C").collect();
        assert_eq!(c.len(), 1, "{path} lists the job once");
        assert_eq!(c[0].link, format!("{BASE_URL}jobs/c/"));
    }
}

#[test]
fn every_feed_link_is_absolute_and_guids_are_not_permalinks() {
    let out = site().build(NOW);
    let feeds = output_files(&out, "feed.xml");
    assert_eq!(
        feeds.len(),
        1 + 3 + 2 + 5,
        "site, band 5/6/7, two town feeds and five band-in-town feeds: {feeds:?}"
    );
    for path in feeds {
        let feed = feed(&out, &path);
        assert_eq!(feed.self_rel, "self", "{path}");
        assert_eq!(
            feed.self_link,
            format!("{BASE_URL}{path}"),
            "{path} names itself"
        );
        let page = path.trim_end_matches("feed.xml");
        assert_eq!(
            feed.channel_link,
            format!("{BASE_URL}{page}"),
            "{path} links its page"
        );
        for item in &feed.items {
            assert!(item.link.starts_with(BASE_URL), "{path}: {}", item.link);
            assert_eq!(item.guid_is_permalink.as_deref(), Some("false"), "{path}");
        }
        // Every <link> anywhere in the document is absolute.
        let text = out.text(&path);
        let doc = roxmltree::Document::parse(&text).unwrap();
        for link in doc.descendants().filter(|n| n.tag_name().name() == "link") {
            let url = link.text().or(link.attribute("href")).unwrap_or("");
            assert!(url.starts_with(BASE_URL), "{path}: <link> {url}");
        }
    }
}

#[test]
fn item_links_lead_to_the_job_pages() {
    let out = site().build(NOW);
    for item in feed(&out, "feed.xml").items {
        let rel = item.link.strip_prefix(BASE_URL).unwrap();
        assert!(
            out.exists(&format!("{rel}index.html")),
            "{} exists",
            item.link
        );
    }
}

#[test]
fn pub_dates_are_rfc_822_at_the_start_of_the_posted_day_in_london() {
    let out = Fixture::new()
        .vacancy("winter.md", Job::new("Winter", "W-1").posted("2026-01-10"))
        .vacancy("summer.md", Job::new("Summer", "S-1").posted("2026-07-01"))
        .build("2026-07-02");
    let items = feed(&out, "feed.xml").items;
    let dates: Vec<(&str, &str)> = items
        .iter()
        .map(|i| (i.guid.as_str(), i.pub_date.as_str()))
        .collect();
    assert_eq!(
        dates,
        [
            ("S-1", "Wed, 01 Jul 2026 00:00:00 +0100"),
            ("W-1", "Sat, 10 Jan 2026 00:00:00 +0000"),
        ]
    );
    for item in &items {
        // jiff checks the weekday against the date too.
        let parsed = jiff::fmt::rfc2822::parse(&item.pub_date)
            .unwrap_or_else(|e| panic!("{} is not RFC 822: {e}", item.pub_date));
        assert_eq!(parsed.hour(), 0);
    }
}

#[test]
fn feeds_are_ordered_newest_posted_first_then_title_then_reference() {
    let out = Fixture::new()
        .vacancy("a.md", Job::new("Zebra", "R-1").posted("2026-01-05"))
        .vacancy("b.md", Job::new("Alpha", "R-2").posted("2026-01-03"))
        .vacancy("c.md", Job::new("Beta", "R-9").posted("2026-01-05"))
        .vacancy("d.md", Job::new("Beta", "R-3").posted("2026-01-05"))
        .vacancy("e.md", Job::new("Newest", "R-5").posted("2026-01-20"))
        .build(NOW);
    let order = ["R-5", "R-3", "R-9", "R-1", "R-2"];
    for path in [
        "feed.xml",
        "bands/band-5/feed.xml",
        "locations/dartford/feed.xml",
    ] {
        assert_eq!(feed(&out, path).guids(), order, "{path}");
    }
}

#[test]
fn feed_items_keeps_only_the_newest() {
    let out = Fixture::new()
        .settings("feed_items: 2")
        .vacancy("a.md", Job::new("Oldest", "R-1").posted("2026-01-01"))
        .vacancy("b.md", Job::new("Middle", "R-2").posted("2026-01-02"))
        .vacancy("c.md", Job::new("Newest", "R-3").posted("2026-01-03"))
        .vacancy(
            "d.md",
            Job::new("Other band", "R-4").band("7").posted("2026-01-04"),
        )
        .build(NOW);
    assert_eq!(feed(&out, "feed.xml").guids(), ["R-4", "R-3"]);
    assert_eq!(feed(&out, "bands/band-5/feed.xml").guids(), ["R-3", "R-2"]);
    assert_eq!(feed(&out, "bands/band-7/feed.xml").guids(), ["R-4"]);
    // The lists still show every open job.
    assert_eq!(listed_titles(&out.html("index.html")).len(), 4);
}

#[test]
fn feed_items_zero_means_all() {
    let mut fixture = Fixture::new().settings("feed_items: 0");
    for i in 0..12 {
        fixture = fixture.vacancy(
            &format!("job-{i}.md"),
            Job::new(&format!("Job {i}"), &format!("R-{i:02}")),
        );
    }
    let out = fixture.build(NOW);
    assert_eq!(feed(&out, "feed.xml").items.len(), 12);
}

#[test]
fn a_band_whose_jobs_all_closed_keeps_its_page_and_a_valid_empty_feed() {
    let out = site().build(NOW);
    assert!(out.exists("bands/band-7/index.html"));
    let band7 = feed(&out, "bands/band-7/feed.xml");
    assert!(band7.items.is_empty());
    assert_eq!(band7.self_link, format!("{BASE_URL}bands/band-7/feed.xml"));
    // The band's page points subscribers at that feed.
    let page = out.html("bands/band-7/index.html");
    let hrefs = attrs(&page, "a, link", "href");
    assert!(
        hrefs.contains(&"../../bands/band-7/feed.xml".to_owned()),
        "{hrefs:?}"
    );
}

#[test]
fn drafts_and_future_jobs_are_in_no_feed() {
    let out = site().build(NOW);
    for path in output_files(&out, "feed.xml") {
        let guids = feed(&out, &path).guid_set();
        for hidden in ["REF-D", "REF-E", "REF-F", "REF-G"] {
            assert!(!guids.contains(hidden), "{hidden} is in {path}");
        }
    }
}

#[test]
fn titles_with_markup_characters_stay_well_formed() {
    let out = Fixture::new()
        .vacancy(
            "a.md",
            Job::new("Nurse & Midwife <Band 6> \"Lead\"", "R&D-1"),
        )
        .build(NOW);
    let feed = feed(&out, "feed.xml");
    assert_eq!(feed.items[0].title, "Nurse & Midwife <Band 6> \"Lead\"");
    assert_eq!(feed.items[0].guid, "R&D-1");
}

#[test]
fn every_page_names_its_feed_for_readers() {
    let out = site().build(NOW);
    let home = out.html("index.html");
    let alternates = attrs(
        &home,
        r#"link[rel="alternate"][type="application/rss+xml"]"#,
        "href",
    );
    assert!(alternates.contains(&"feed.xml".to_owned()));
    let town = out.html("locations/sidcup/index.html");
    let alternates = attrs(
        &town,
        r#"link[rel="alternate"][type="application/rss+xml"]"#,
        "href",
    );
    for href in &alternates {
        follow(&out, "locations/sidcup/index.html", href);
    }
    assert!(alternates.contains(&"../../locations/sidcup/feed.xml".to_owned()));
}

#[test]
fn a_site_with_no_jobs_has_a_valid_empty_feed() {
    let out = Fixture::new().build(NOW);
    let feed = feed(&out, "feed.xml");
    assert!(feed.items.is_empty());
    assert_eq!(feed.self_link, format!("{BASE_URL}feed.xml"));
    assert_eq!(feed.channel_link, BASE_URL);
}

#[test]
fn an_item_without_a_summary_is_described_by_its_first_paragraph() {
    let out = Fixture::new()
        .job(
            "a.md",
            &Job::new("Nurse", "R-1").front_matter(),
            "## Job summary\n\nCare for *older* people on Birch Ward.\n\nMore text.\n",
        )
        .job(
            "b.md",
            &Job::new("Physio", "R-2")
                .with("summary: Help people move again.")
                .front_matter(),
            "## Job summary\n\nNot this.\n",
        )
        .build(NOW);
    let text = out.text("feed.xml");
    let doc = roxmltree::Document::parse(&text).unwrap();
    let descriptions: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("item"))
        .map(|item| {
            let child = |name: &str| {
                item.children()
                    .find(|c| c.has_tag_name(name))
                    .and_then(|c| c.text())
                    .unwrap_or("")
                    .to_owned()
            };
            (child("guid"), child("description"))
        })
        .collect();
    let described = |guid: &str, summary: &str| {
        descriptions
            .iter()
            .any(|(g, d)| g == guid && d.starts_with(&format!("<p>{summary}</p>")))
    };
    assert!(
        described("R-1", "Care for older people on Birch Ward."),
        "{descriptions:?}"
    );
    assert!(
        described("R-2", "Help people move again."),
        "{descriptions:?}"
    );
}
