//! The band and town indexes: pay order, counts, one band however it is
//! spelt, town slugs and merged spellings, and list order.

use crate::common;
use common::*;

/// Each band or town an index page lists, as (name, href, count): the
/// links in its main content to `<folder>/<slug>/`, with the number of open
/// jobs written beside each.
fn terms(out: &Output, page: &str) -> Vec<(String, String, usize)> {
    let folder = page.split('/').next().unwrap();
    let html = out.html(page);
    html.select(&selector("main a[href]"))
        .filter_map(|a| {
            let href = a.value().attr("href").unwrap_or("").to_owned();
            let (_, slug) = href
                .trim_end_matches('/')
                .rsplit_once(&format!("{folder}/"))?;
            if slug.is_empty() || slug.contains('/') || slug.contains('.') {
                return None;
            }
            let name = a.text().collect::<String>().trim().to_owned();
            // The entry around the link: its nearest list item.
            let item = a
                .ancestors()
                .filter_map(scraper::ElementRef::wrap)
                .find(|e| e.value().name() == "li")
                .expect("each entry is a list item");
            let text = item.text().collect::<String>();
            let rest = text.replacen(&name, "", 1);
            let digits: String = rest
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(char::is_ascii_digit)
                .collect();
            let count = digits
                .parse()
                .unwrap_or_else(|_| panic!("a count beside {name}: {text}"));
            Some((name, href, count))
        })
        .collect()
}

fn term(name: &str, href: &str, count: usize) -> (String, String, usize) {
    (name.to_owned(), href.to_owned(), count)
}

fn names(terms: &[(String, String, usize)]) -> Vec<&str> {
    terms.iter().map(|t| t.0.as_str()).collect()
}

#[test]
fn bands_are_listed_in_pay_order_then_other_grades_alphabetically() {
    // File names in an order unrelated to pay.
    let bands = [
        ("a.md", "Very Senior Manager"),
        ("b.md", "9"),
        ("c.md", "8d"),
        ("d.md", "Consultant"),
        ("e.md", "8a"),
        ("f.md", "1"),
        ("g.md", "7"),
        ("h.md", "Band 8c"),
        ("i.md", "2"),
        ("j.md", "3"),
        ("k.md", "4"),
        ("l.md", "5"),
        ("m.md", "6"),
        ("n.md", "band 8B"),
        ("o.md", "Apprentice"),
    ];
    let mut site = Fixture::new();
    for (i, (file, band)) in bands.iter().enumerate() {
        site = site.vacancy(
            file,
            Job::new(&format!("Job {i}"), &format!("R-{i}")).band(&yaml_string(band)),
        );
    }
    let out = site.build("2026-02-01");
    let listed = terms(&out, "bands/index.html");
    assert_eq!(
        names(&listed),
        [
            "Band 1",
            "Band 2",
            "Band 3",
            "Band 4",
            "Band 5",
            "Band 6",
            "Band 7",
            "Band 8a",
            "Band 8b",
            "Band 8c",
            "Band 8d",
            "Band 9",
            "Apprentice",
            "Consultant",
            "Very Senior Manager"
        ]
    );
    let hrefs: Vec<&str> = listed.iter().map(|t| t.1.as_str()).collect();
    assert_eq!(hrefs[7], "../bands/band-8a/");
    assert_eq!(hrefs[11], "../bands/band-9/");
    assert_eq!(hrefs[13], "../bands/consultant/");
    assert_eq!(hrefs[14], "../bands/very-senior-manager/");
    for (_, href, _) in &listed {
        follow(&out, "bands/index.html", href);
    }
}

#[test]
fn every_spelling_of_band_6_is_one_band_with_its_count() {
    let out = Fixture::new()
        .job("a.md", &Job::new("A", "R-A").band("6").front_matter(), "A.")
        .job(
            "b.md",
            &Job::new("B", "R-B").band("\"6\"").front_matter(),
            "B.",
        )
        .job(
            "c.md",
            &Job::new("C", "R-C").band("Band 6").front_matter(),
            "C.",
        )
        .job(
            "d.md",
            &Job::new("D", "R-D").band("band 6").front_matter(),
            "D.",
        )
        .vacancy("e.md", Job::new("E", "R-E").band("7"))
        .build("2026-02-01");
    let listed = terms(&out, "bands/index.html");
    assert_eq!(
        listed,
        [
            term("Band 6", "../bands/band-6/", 4),
            term("Band 7", "../bands/band-7/", 1),
        ]
    );
    let band6 = out.html("bands/band-6/index.html");
    assert_eq!(text_of(&band6, "h1"), "Band 6 jobs");
    assert_eq!(listed_titles(&band6), ["A", "B", "C", "D"]);
    let bands: Vec<String> = output_files(&out, "index.html")
        .into_iter()
        .filter(|p| p.starts_with("bands/") && p != "bands/index.html")
        .collect();
    assert_eq!(
        bands,
        ["bands/band-6/index.html", "bands/band-7/index.html"]
    );
}

#[test]
fn band_counts_leave_out_closed_jobs_and_bands_with_none_open() {
    let out = Fixture::new()
        .vacancy("open.md", Job::new("Open", "R-1").band("4"))
        .vacancy(
            "closed.md",
            Job::new("Closed", "R-2").band("4").closes("2026-01-20"),
        )
        .vacancy(
            "gone.md",
            Job::new("Gone", "R-3").band("8a").closes("2026-01-20"),
        )
        .build("2026-02-01");
    let listed = terms(&out, "bands/index.html");
    assert_eq!(names(&listed), ["Band 4"]);
    assert_eq!(listed[0].2, 1);
    assert_eq!(
        listed_titles(&out.html("bands/band-4/index.html")),
        ["Open"]
    );
}

#[test]
fn a_band_with_every_job_closed_keeps_a_page_saying_none_are_open() {
    let out = Fixture::new()
        .vacancy("open.md", Job::new("Open", "R-1").band("4"))
        .vacancy(
            "gone.md",
            Job::new("Gone", "R-3")
                .band("8a")
                .town("Sidcup")
                .closes("2026-01-20"),
        )
        .build("2026-02-01");
    let band = out.html("bands/band-8a/index.html");
    assert_eq!(text_of(&band, "h1"), "Band 8a jobs");
    assert!(listed_titles(&band).is_empty());
    assert!(main_text(&band).to_lowercase().contains("no open"));
    let town = out.html("locations/sidcup/index.html");
    assert!(listed_titles(&town).is_empty());
    assert!(main_text(&town).to_lowercase().contains("no open"));
    assert!(!names(&terms(&out, "locations/index.html")).contains(&"Sidcup"));
}

#[test]
fn town_names_become_ascii_slugs() {
    let out = Fixture::new()
        .vacancy("a.md", Job::new("Anglesey Nurse", "R-1").town("Ynys Môn"))
        .vacancy("b.md", Job::new("Norfolk Nurse", "R-2").town("King's Lynn"))
        .vacancy(
            "c.md",
            Job::new("Kent Nurse", "R-3").town("Tunbridge Wells"),
        )
        .build("2026-02-01");
    let listed = terms(&out, "locations/index.html");
    assert_eq!(
        listed
            .iter()
            .map(|t| (t.0.as_str(), t.1.as_str()))
            .collect::<Vec<_>>(),
        [
            ("King's Lynn", "../locations/kings-lynn/"),
            ("Tunbridge Wells", "../locations/tunbridge-wells/"),
            ("Ynys Môn", "../locations/ynys-mon/"),
        ]
    );
    let mon = out.html("locations/ynys-mon/index.html");
    assert_eq!(text_of(&mon, "h1"), "Jobs in Ynys Môn");
    assert_eq!(listed_titles(&mon), ["Anglesey Nurse"]);
    assert!(out.exists("locations/ynys-mon/feed.xml"));
    let lynn = out.html("locations/kings-lynn/index.html");
    assert_eq!(text_of(&lynn, "h1"), "Jobs in King's Lynn");
    assert!(out.exists("locations/kings-lynn/feed.xml"));
}

#[test]
fn towns_spelt_differently_are_one_town_named_as_most_adverts_spell_it() {
    let out = Fixture::new()
        .vacancy("a.md", Job::new("A", "R-A").town("dartford"))
        .vacancy("b.md", Job::new("B", "R-B").town("Dartford"))
        .vacancy("c.md", Job::new("C", "R-C").town("Dartford"))
        .build("2026-02-01");
    let listed = terms(&out, "locations/index.html");
    assert_eq!(listed, [term("Dartford", "../locations/dartford/", 3)]);
    let town = out.html("locations/dartford/index.html");
    assert_eq!(text_of(&town, "h1"), "Jobs in Dartford");
    assert_eq!(listed_titles(&town), ["A", "B", "C"]);
    // Each card names the town as the index does.
    let home = out.html("index.html");
    let cards = texts(&home, "main dd");
    assert!(cards.contains(&"Dartford".to_owned()));
    assert!(!cards.contains(&"dartford".to_owned()));

    // The majority wins even when it sorts last.
    let out = Fixture::new()
        .vacancy("a.md", Job::new("A", "R-A").town("Dartford"))
        .vacancy("b.md", Job::new("B", "R-B").town("dartford"))
        .vacancy("c.md", Job::new("C", "R-C").town("dartford"))
        .build("2026-02-01");
    assert_eq!(names(&terms(&out, "locations/index.html")), ["dartford"]);
}

#[test]
fn a_tie_between_spellings_goes_to_the_first_alphabetically() {
    let out = Fixture::new()
        .vacancy("a.md", Job::new("A", "R-A").town("Kings Lynn"))
        .vacancy("b.md", Job::new("B", "R-B").town("King's Lynn"))
        .build("2026-02-01");
    let listed = terms(&out, "locations/index.html");
    assert_eq!(listed, [term("King's Lynn", "../locations/kings-lynn/", 2)]);
}

#[test]
fn a_job_at_sites_in_two_towns_is_on_both_town_pages_once() {
    let out = Fixture::new()
        .vacancy(
            "split.md",
            Job::new("Community Nurse", "R-1").locations_yaml(
                "locations:\n  - site: Queen Mary's Hospital\n    town: Sidcup\n  - site: Memorial Hospital\n    town: Woolwich\n  - site: Erith Centre\n    town: Sidcup",
            ),
        )
        .vacancy("other.md", Job::new("Other", "R-2").town("Woolwich"))
        .build("2026-02-01");
    let listed = terms(&out, "locations/index.html");
    assert_eq!(
        listed
            .iter()
            .map(|t| (t.0.as_str(), t.2))
            .collect::<Vec<_>>(),
        [("Sidcup", 1), ("Woolwich", 2)]
    );
    assert_eq!(
        listed_titles(&out.html("locations/sidcup/index.html")),
        ["Community Nurse"]
    );
    assert_eq!(
        listed_titles(&out.html("locations/woolwich/index.html")),
        ["Community Nurse", "Other"]
    );
}

#[test]
fn lists_show_newest_posted_first_then_title_then_reference() {
    let out = Fixture::new()
        .vacancy("a.md", Job::new("Zebra Nurse", "R-1").posted("2026-01-05"))
        .vacancy("b.md", Job::new("Alpha Nurse", "R-2").posted("2026-01-03"))
        .vacancy("c.md", Job::new("Beta Nurse", "R-9").posted("2026-01-05"))
        .vacancy("d.md", Job::new("Beta Nurse", "R-3").posted("2026-01-05"))
        .vacancy("e.md", Job::new("Newest", "R-5").posted("2026-01-20"))
        .build("2026-02-01");
    let expected_links = ["jobs/e/", "jobs/d/", "jobs/c/", "jobs/a/", "jobs/b/"];
    let home = out.html("index.html");
    assert_eq!(listed_links(&home), expected_links);
    assert_eq!(
        listed_titles(&home),
        [
            "Newest",
            "Beta Nurse",
            "Beta Nurse",
            "Zebra Nurse",
            "Alpha Nurse"
        ]
    );
    let band = out.html("bands/band-5/index.html");
    assert_eq!(
        listed_links(&band),
        expected_links.map(|l| format!("../../{l}"))
    );
    let town = out.html("locations/dartford/index.html");
    assert_eq!(
        listed_links(&town),
        expected_links.map(|l| format!("../../{l}"))
    );
}

#[test]
fn the_home_page_counts_open_jobs() {
    let out = Fixture::new()
        .vacancy("a.md", Job::new("A", "R-1"))
        .vacancy("b.md", Job::new("B", "R-2"))
        .vacancy("c.md", Job::new("C", "R-3").closes("2026-01-10"))
        .build("2026-02-01");
    let home = out.html("index.html");
    assert_eq!(listed_titles(&home), ["A", "B"]);
    assert!(main_text(&home).contains("2 jobs open"));
}

#[test]
fn a_site_with_nothing_open_says_so() {
    let out = Fixture::new()
        .vacancy("c.md", Job::new("C", "R-3").closes("2026-01-10"))
        .build("2026-02-01");
    let home = out.html("index.html");
    assert!(listed_titles(&home).is_empty());
    for page in ["index.html", "bands/index.html", "locations/index.html"] {
        let text = main_text(&out.html(page)).to_lowercase();
        assert!(
            text.contains("no open jobs"),
            "{page} says there are no open jobs: {text}"
        );
    }
    assert!(terms(&out, "bands/index.html").is_empty());
    assert!(terms(&out, "locations/index.html").is_empty());
}
