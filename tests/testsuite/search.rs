//! Search: `/search/` with its filters and counts, and the index under
//! `/pagefind/`, which holds exactly the open vacancies (the previews too
//! in a preview build), the same bytes every build, at any path prefix.

use crate::common;
use common::*;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;

use careers::site::Visibility;

const NOW: &str = "2026-02-01";

/// Open jobs across bands, towns, employers, contracts and patterns, and a
/// closed, a draft and a future one whose titles are words no open job has.
fn site() -> Fixture {
    Fixture::new()
        .settings(
            "employers:\n  - name: Example NHS Foundation Trust\n  - name: Other Community Trust\n",
        )
        .vacancy(
            "a.md",
            Job::new("Ward Sister", "REF-A")
                .band("6")
                .posted("2026-01-10")
                .with("staff_group: Nursing and Midwifery Registered")
                .with("contract: permanent")
                .with("working_pattern: [full-time, shifts]"),
        )
        .vacancy(
            "b.md",
            Job::new("Staff Nurse", "REF-B")
                .band("Band 6")
                .town("Sidcup")
                .posted("2026-01-05")
                .with("contract: fixed-term")
                .with("working_pattern: part-time"),
        )
        .vacancy(
            "c.md",
            Job::new("Consultant Radiologist", "REF-C")
                .band("Associate Specialist")
                .posted("2026-01-07")
                .with("employer: Other Community Trust")
                .locations_yaml("locations: [Sidcup, Dartford]"),
        )
        .vacancy(
            "d.md",
            Job::new("Porter", "REF-D").band("2").posted("2026-01-03"),
        )
        .vacancy(
            "closed.md",
            Job::new("Zanzibar Closed Physio", "REF-X")
                .band("6")
                .posted("2026-01-02")
                .closes("2026-01-20"),
        )
        .vacancy(
            "draft.md",
            Job::new("Xylophone Draft Physio", "REF-Y")
                .band("6")
                .with("draft: true"),
        )
        .vacancy(
            "future.md",
            Job::new("Quokka Future Physio", "REF-Z")
                .band("6")
                .posted("2026-03-01"),
        )
}

/// The files under `pagefind/`, by path inside it.
fn bundle(out: &Output) -> BTreeMap<String, Vec<u8>> {
    out.files()
        .into_iter()
        .filter_map(|(path, bytes)| Some((path.strip_prefix("pagefind/")?.to_owned(), bytes)))
        .collect()
}

/// A gzipped index file's text, without the indexer's `pagefind_dcd` mark.
fn unzip(bytes: &[u8]) -> Vec<u8> {
    let mut text = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut text)
        .expect("index files are gzip");
    text.strip_prefix(b"pagefind_dcd".as_slice())
        .expect("index files carry the indexer's mark")
        .to_vec()
}

/// Each record of the index, from its fragment: (url, title).
fn indexed(out: &Output) -> BTreeSet<(String, String)> {
    bundle(out)
        .iter()
        .filter(|(path, _)| path.ends_with(".pf_fragment"))
        .map(|(_, bytes)| {
            let fragment: serde_json::Value =
                serde_json::from_slice(&unzip(bytes)).expect("a fragment is JSON");
            (
                fragment["url"].as_str().expect("a url").to_owned(),
                fragment["meta"]["title"]
                    .as_str()
                    .expect("a title")
                    .to_owned(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> BTreeSet<(String, String)> {
    list.iter()
        .map(|(u, t)| (u.to_string(), t.to_string()))
        .collect()
}

#[test]
fn the_index_holds_exactly_the_open_vacancies() {
    let out = site().build(NOW);
    assert_eq!(
        indexed(&out),
        pairs(&[
            ("jobs/a/", "Ward Sister"),
            ("jobs/b/", "Staff Nurse"),
            ("jobs/c/", "Consultant Radiologist"),
            ("jobs/d/", "Porter"),
        ])
    );
    // Nowhere in the bundle, not even in a word or filter index.
    for (path, bytes) in bundle(&out) {
        let text = if path.ends_with(".js") || path.ends_with(".json") || path.ends_with(".css") {
            bytes
        } else if path.contains(".pf_") {
            unzip(&bytes)
        } else {
            continue;
        };
        let text = String::from_utf8_lossy(&text).to_lowercase();
        for word in ["zanzibar", "xylophone", "quokka", "ref-x", "ref-y", "ref-z"] {
            assert!(!text.contains(word), "{word} is in pagefind/{path}");
        }
    }
}

#[test]
fn a_preview_indexes_the_drafts_and_future_adverts_it_shows() {
    let fixture = site();
    let mut options = fixture.options(NOW);
    options.visibility = Visibility {
        drafts: true,
        future: true,
    };
    let out = fixture.build_with(options);
    let titles: BTreeSet<String> = indexed(&out).into_iter().map(|(_, t)| t).collect();
    assert!(titles.contains("Xylophone Draft Physio"), "{titles:?}");
    assert!(titles.contains("Quokka Future Physio"), "{titles:?}");
    assert!(!titles.contains("Zanzibar Closed Physio"), "{titles:?}");
}

#[test]
fn the_bundle_has_the_browser_script_the_wasm_and_the_index() {
    let out = site().build(NOW);
    let files = bundle(&out);
    for name in ["pagefind.js", "pagefind-worker.js", "pagefind-entry.json"] {
        assert!(
            files.contains_key(name),
            "pagefind/{name}: {:?}",
            files.keys()
        );
    }
    let entry: serde_json::Value =
        serde_json::from_slice(&files["pagefind-entry.json"]).expect("JSON");
    let languages = entry["languages"].as_object().expect("languages");
    assert_eq!(languages.len(), 1, "{entry}");
    let (language, meta) = languages.iter().next().expect("one");
    assert_eq!(language, "en-gb");
    assert_eq!(meta["page_count"], 4);
    assert!(files.contains_key(&format!("wasm.{language}.pagefind")));
    let hash = meta["hash"].as_str().expect("hash");
    assert!(files.contains_key(&format!("pagefind.{hash}.pf_meta")));
    for kind in [".pf_index", ".pf_filter", ".pf_fragment"] {
        assert!(files.keys().any(|f| f.ends_with(kind)), "no {kind} file");
    }
    // The theme's own search page needs none of the ready-made interfaces.
    let interfaces: Vec<&String> = files.keys().filter(|f| f.contains("-ui.")).collect();
    assert!(
        interfaces.is_empty(),
        "unused files shipped: {interfaces:?}"
    );
}

#[test]
fn the_same_input_gives_the_same_index_bytes() {
    let fixture = site();
    let first = bundle(&fixture.build(NOW));
    let mut options = fixture.options(NOW);
    options.output = Some(fixture.root().join("again"));
    let second = bundle(&fixture.build_with(options));
    assert!(first.len() > 10, "{:?}", first.keys());
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(second[path] == *bytes, "pagefind/{path} differs");
    }
}

/// (legend, [(value, count)]) of each filter of the search page.
fn filters(page: &scraper::Html) -> Vec<(String, Vec<(String, String)>)> {
    let details = selector("details.app-search__filter");
    let legend = selector("legend");
    let item = selector(".nhsuk-checkboxes__item");
    let input = selector("input.nhsuk-checkboxes__input[type=checkbox]");
    let count = selector(".app-search__count");
    page.select(&details)
        .map(|d| {
            let name = d.select(&legend).next().expect("a legend");
            let options = d
                .select(&item)
                .map(|i| {
                    let input = i.select(&input).next().expect("a checkbox");
                    let n = i.select(&count).next().expect("a count");
                    (
                        input.value().attr("value").unwrap_or_default().to_owned(),
                        n.text().collect::<String>(),
                    )
                })
                .collect();
            (name.text().collect::<String>().trim().to_owned(), options)
        })
        .collect()
}

fn values(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(v, n)| (v.to_string(), n.to_string()))
        .collect()
}

#[test]
fn the_search_page_offers_every_filter_with_counts_bands_in_pay_order() {
    let out = site().build(NOW);
    let page = out.html("search/index.html");
    let found = filters(&page);
    let legends: Vec<&str> = found.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(
        legends,
        [
            "Band",
            "Location",
            "Employer",
            "Staff group",
            "Contract",
            "Working pattern"
        ]
    );
    let of = |legend: &str| found.iter().find(|(l, _)| l == legend).unwrap().1.clone();
    assert_eq!(
        of("Band"),
        values(&[
            ("Band 2", "(1)"),
            ("Band 6", "(2)"),
            ("Associate Specialist", "(1)")
        ])
    );
    assert_eq!(
        of("Location"),
        values(&[("Dartford", "(3)"), ("Sidcup", "(2)")])
    );
    assert_eq!(
        of("Employer"),
        values(&[
            ("Example NHS Foundation Trust", "(3)"),
            ("Other Community Trust", "(1)")
        ])
    );
    assert_eq!(
        of("Staff group"),
        values(&[("Nursing and Midwifery Registered", "(1)")])
    );
    assert_eq!(
        of("Contract"),
        values(&[("Permanent", "(1)"), ("Fixed term", "(1)")])
    );
    assert_eq!(
        of("Working pattern"),
        values(&[
            ("Full time", "(1)"),
            ("Part time", "(1)"),
            ("Shifts", "(1)")
        ])
    );
    // Every checkbox is labelled by its own label.
    let checkbox = selector(".nhsuk-checkboxes__input");
    for input in page.select(&checkbox) {
        let id = input.value().attr("id").expect("an id");
        let label = selector(&format!("label[for=\"{id}\"]"));
        assert_eq!(page.select(&label).count(), 1, "{id}");
    }
    assert_eq!(text_of(&page, "[data-search-status]"), "4 jobs open now.");
}

#[test]
fn without_javascript_the_search_page_says_so_and_links_to_the_lists() {
    let out = site().build(NOW);
    let page = out.html("search/index.html");
    let fallback = page
        .select(&selector("[data-search-fallback]"))
        .next()
        .expect("a fallback message");
    let text: String = fallback.text().collect();
    assert!(text.contains("Search needs JavaScript"), "{text}");
    let links: Vec<&str> = fallback
        .select(&selector("a"))
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(links, ["../", "../bands/", "../locations/"]);
    // The form waits, hidden, for the script that makes it work.
    let form = page.select(&selector("form[data-search-form]")).next();
    assert!(
        form.expect("a search form")
            .value()
            .attr("hidden")
            .is_some()
    );
}

#[test]
fn the_search_page_loads_the_bundle_relative_to_itself_at_any_prefix() {
    for base in [
        "https://jobs.example.nhs.uk/",
        "https://example.nhs.uk/careers/",
    ] {
        let fixture = site();
        fixture.write(
            "content/site.yaml",
            &format!("title: T\nbase_url: {base}\nemployer: Example NHS Foundation Trust\nemployers:\n  - name: Example NHS Foundation Trust\n  - name: Other Community Trust\n"),
        );
        let out = fixture.build(NOW);
        let page = out.html("search/index.html");
        let form = page
            .select(&selector("form[data-search-form]"))
            .next()
            .expect("a search form");
        assert_eq!(
            form.value().attr("data-search-bundle"),
            Some("../pagefind/pagefind.js"),
            "{base}"
        );
        let scripts: Vec<&str> = page
            .select(&selector("script[src]"))
            .filter_map(|s| s.value().attr("src"))
            .collect();
        assert_eq!(scripts, ["../js/closing.js", "../js/search.js"], "{base}");
        assert!(out.exists("js/search.js") && out.exists("pagefind/pagefind.js"));
        // Result URLs are site-relative: the browser script puts the site's
        // root, found from the bundle's own URL, in front.
        for (url, _) in indexed(&out) {
            assert!(url.starts_with("jobs/") && url.ends_with('/'), "{url}");
        }
    }
}

#[test]
fn every_page_has_a_header_search_box_that_goes_to_the_search_page() {
    let out = site().build(NOW);
    for (page, action) in [
        ("index.html", "search/"),
        ("jobs/a/index.html", "../../search/"),
        ("bands/band-6/index.html", "../../search/"),
    ] {
        let html = out.html(page);
        let form = html
            .select(&selector("header form.nhsuk-header__search-form"))
            .next()
            .unwrap_or_else(|| panic!("{page} has a header search"));
        assert_eq!(form.value().attr("action"), Some(action), "{page}");
        assert_eq!(form.value().attr("method"), Some("get"), "{page}");
        let input = html
            .select(&selector("header input[type=search]"))
            .next()
            .expect("a search field");
        assert_eq!(input.value().attr("name"), Some("q"));
    }
}

#[test]
fn with_nothing_open_the_search_page_says_so_and_the_bundle_still_builds() {
    let out = Fixture::new()
        .vacancy(
            "closed.md",
            Job::new("Zanzibar Closed Physio", "REF-X").closes("2026-01-20"),
        )
        .build(NOW);
    let page = out.html("search/index.html");
    assert!(
        page_text(&page).contains("There are no open jobs to search at the moment"),
        "{}",
        page_text(&page)
    );
    assert!(
        page.select(&selector("form[data-search-form]"))
            .next()
            .is_none()
    );
    assert!(out.exists("pagefind/pagefind.js"));
    assert!(indexed(&out).is_empty());
}

/// The trimmed text of the one element matching `css` inside `scope`, if any.
fn text_in(scope: scraper::ElementRef<'_>, css: &str) -> Option<String> {
    scope
        .select(&selector(css))
        .next()
        .map(|e| e.text().collect::<String>().trim().to_owned())
}

#[test]
fn a_search_result_carries_what_its_list_card_shows() {
    let out = Fixture::new()
        .vacancy(
            "new.md",
            Job::new("Healthcare Assistant", "REF-N")
                .band("3")
                .posted("2026-01-29")
                .closes("2026-02-05 12:00")
                .with("contract: permanent")
                .with("working_pattern: [full-time, shifts]")
                .with("hours: 37.5"),
        )
        .vacancy(
            "older.md",
            Job::new("Ward Clerk", "REF-O")
                .band("2")
                .posted("2026-01-05"),
        )
        .build(NOW);
    let home = out.html("index.html");
    let cards: BTreeMap<String, scraper::ElementRef> = home
        .select(&selector("li.app-vacancy-list__item"))
        .map(|li| {
            let href = li
                .select(&selector("a.nhsuk-card__link"))
                .next()
                .and_then(|a| a.value().attr("href"))
                .expect("a card links to its vacancy");
            (href.trim_start_matches("./").to_owned(), li)
        })
        .collect();
    let mut compared = 0;
    for (path, bytes) in bundle(&out) {
        if !path.ends_with(".pf_fragment") {
            continue;
        }
        let fragment: serde_json::Value = serde_json::from_slice(&unzip(&bytes)).unwrap();
        let meta = &fragment["meta"];
        let field = |name: &str| meta[name].as_str().map(str::to_owned);
        let url = fragment["url"].as_str().unwrap().trim_start_matches('/');
        let card = cards.get(url).unwrap_or_else(|| panic!("{url} has a card"));
        assert_eq!(
            field("terms"),
            text_in(*card, ".app-vacancy-terms"),
            "{url}"
        );
        let has_new = card
            .select(&selector(".nhsuk-tag--green"))
            .any(|t| t.text().collect::<String>() == "New");
        assert_eq!(field("new").is_some(), has_new, "{url}: the New tag");
        let times: Vec<(String, String)> = card
            .select(&selector("time"))
            .map(|t| {
                let text = t.text().collect::<String>().trim().to_owned();
                (t.value().attr("datetime").unwrap().to_owned(), text)
            })
            .collect();
        let posted = (field("posted_iso").unwrap(), field("posted").unwrap());
        let closes = (field("closes_iso").unwrap(), field("closes").unwrap());
        assert_eq!(times, vec![posted, closes], "{url}: posted and closes");
        compared += 1;
    }
    assert_eq!(compared, 2);
    // And the one posted this week is new, with its closing time shown.
    let new = cards.get("jobs/new/").expect("the new advert's card");
    assert_eq!(
        text_in(*new, "time[datetime^='2026-02-05']").as_deref(),
        Some("5 February 2026 at midday")
    );
    assert!(new.select(&selector(".nhsuk-tag--green")).next().is_some());
}
