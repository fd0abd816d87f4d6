//! Nothing an advert's writer pastes can break or attack the site: front
//! matter is escaped in HTML, XML and JSON-LD; raw HTML in a body is
//! sanitised; links a candidate follows must be web (or mail/phone where
//! they fit) addresses; and no slug or path writes outside the output.

use crate::common;
use common::*;

use careers::diagnostics::Severity;
use scraper::Html;

const NOW: &str = "2026-02-01";

const SCRIPT_TITLE: &str = "</script><script>alert(1)</script>";
const MARKUP_TITLE: &str = r#"Nurse & "Midwife" <Band 6> 'Lead' &amp; </title>"#;

/// A site with a plain advert (to compare with) and one whose every text
/// field holds `text`.
fn site_with(text: &str) -> Fixture {
    Fixture::new()
        .vacancy("plain.md", Job::new("Staff Nurse", "R-1"))
        .vacancy(
            "hostile.md",
            Job::new(text, "R-2")
                .with(&format!("service: {}", yaml_string(text)))
                .with(&format!("reports_to: {}", yaml_string(text)))
                .with(&format!("summary: {}", yaml_string(text)))
                .with(&format!("tags: [{}]", yaml_string(text)))
                .with(&format!("contact:\n  name: {}", yaml_string(text)))
                .with("salary:\n  min: 29970"),
        )
}

fn script_count(html: &Html) -> usize {
    html.select(&selector("script")).count()
}

fn json_ld_title(html: &Html) -> String {
    let blocks = json_ld(html);
    assert_eq!(blocks.len(), 1, "one JSON-LD block");
    blocks[0]["title"]
        .as_str()
        .expect("a JSON-LD title")
        .to_owned()
}

/// The vacancy page, the home page, the feed and the JSON-LD all show
/// `text` as written, and the page has no script the plain page lacks.
fn assert_shown_literally(text: &str) {
    let out = site_with(text).build(NOW);
    let plain = out.html("jobs/plain/index.html");
    let page = out.html("jobs/hostile/index.html");
    assert_eq!(text_of(&page, "h1"), text, "the heading shows the title");
    assert!(
        text_of(&page, "head > title").contains(text),
        "the <title> shows it"
    );
    assert!(main_text(&page).contains(text), "the page shows it");
    assert_eq!(
        script_count(&page),
        script_count(&plain),
        "no extra script element"
    );
    assert_eq!(json_ld_title(&page), text, "JSON-LD holds the title");
    assert_eq!(json_ld_title(&plain), "Staff Nurse");

    let home = out.html("index.html");
    assert!(listed_titles(&home).contains(&text.to_owned()));
    assert_eq!(
        script_count(&home),
        script_count(&out.html("bands/index.html"))
    );

    let feed = parse_feed(&out.text("feed.xml"));
    let titles: Vec<&str> = feed.items.iter().map(|i| i.title.as_str()).collect();
    assert!(titles.contains(&text), "the feed holds {text}: {titles:?}");
    for (path, _) in out.files() {
        if path.ends_with(".xml") {
            let xml = out.text(&path);
            roxmltree::Document::parse(&xml)
                .unwrap_or_else(|e| panic!("{path} is well-formed XML: {e}"));
        }
    }
    let raw = out.text("jobs/hostile/index.html");
    assert!(!raw.contains("<script>alert"), "never written as markup");
}

#[test]
fn a_title_that_closes_the_script_element_is_only_text() {
    assert_shown_literally(SCRIPT_TITLE);
}

#[test]
fn ampersands_angle_brackets_and_quotes_are_shown_as_written() {
    assert_shown_literally(MARKUP_TITLE);
}

#[test]
fn raw_html_in_a_body_keeps_formatting_and_loses_script() {
    let body = "\
## Job summary

<script>alert('body')</script>

<b onclick=\"steal()\">Bold</b> and <i onmouseover=\"steal()\">italic</i>.

<table><tr><td onclick=\"steal()\">Cell</td></tr></table>

[A link](javascript:alert(1)) and <a href=\"javascript:alert(2)\">another</a>
and <a href=\"JaVaScRiPt:alert(3)\">a third</a>.

![pixel](data:image/png;base64,AAAA) <img src=\"data:image/svg+xml,<svg onload=alert(4)>\">

<iframe src=\"https://evil.example\"></iframe><style>body{display:none}</style>
<object data=\"x.swf\"></object><embed src=\"x.swf\">

Text with `</script>` in it, and [mail us](mailto:jobs@example.nhs.uk).
";
    let out = Fixture::new()
        .vacancy("plain.md", Job::new("Staff Nurse", "R-1"))
        .job(
            "html.md",
            &Job::new("Healthcare Assistant", "R-2").front_matter(),
            body,
        )
        .build(NOW);
    let page = out.html("jobs/html/index.html");
    let plain = out.html("jobs/plain/index.html");
    assert_eq!(script_count(&page), script_count(&plain), "no script added");
    for tag in ["iframe", "style", "object", "embed"] {
        assert_eq!(
            page.select(&selector(tag)).count(),
            plain.select(&selector(tag)).count(),
            "no {tag} added"
        );
    }
    for element in page.select(&selector("*")) {
        for (name, value) in element.value().attrs() {
            assert!(
                !name.to_ascii_lowercase().starts_with("on"),
                "no event handler: {name}={value}"
            );
            let value = value.trim().to_ascii_lowercase();
            assert!(
                !value.starts_with("javascript:") && !value.starts_with("data:"),
                "no script or data URL: {name}={value}"
            );
        }
    }
    assert_eq!(texts(&page, "main b"), ["Bold"], "formatting stays");
    assert_eq!(texts(&page, "main i"), ["italic"]);
    assert_eq!(texts(&page, "main table td"), ["Cell"], "tables stay");
    assert!(
        attrs(&page, "main a", "href").contains(&"mailto:jobs@example.nhs.uk".to_owned()),
        "mail links stay"
    );
    assert!(main_text(&page).contains("Text with </script> in it"));
    // The JSON-LD, which carries the body, still parses.
    assert_eq!(json_ld_title(&page), "Healthcare Assistant");
}

/// The errors of a build of one advert with these extra fields.
fn errors_with(extra: &str) -> Vec<String> {
    Fixture::new()
        .vacancy("a.md", Job::new("Staff Nurse", "R-1").with(extra))
        .build_errors(NOW)
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}: {}", d.message, d.hint.clone().unwrap_or_default()))
        .collect()
}

#[test]
fn an_apply_link_must_be_a_web_address() {
    for url in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "mailto:jobs@example.nhs.uk",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/apply",
    ] {
        let errors = errors_with(&format!("apply_url: {}", yaml_string(url)));
        assert_eq!(errors.len(), 1, "{url}: {errors:?}");
        assert!(errors[0].contains("https://"), "{url}: {errors:?}");
    }
}

#[test]
fn contact_and_document_links_cannot_carry_script() {
    let errors = errors_with("contact:\n  email: \"javascript:alert(1)//@example.nhs.uk\"");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("not an email address"), "{errors:?}");
    let errors = errors_with("contact:\n  phone: \"javascript:alert(1)\"");
    assert_eq!(errors.len(), 1, "{errors:?}");
    for file in ["javascript:alert(1)", "data:application/pdf;base64,AAAA"] {
        let errors = errors_with(&format!(
            "documents:\n  - title: JD\n    file: {}",
            yaml_string(file)
        ));
        assert_eq!(errors.len(), 1, "{file}: {errors:?}");
    }
}

/// Every file of the site's temporary folder, which holds only the site
/// (content/) and its output (public/).
fn everything(site: &Fixture) -> Vec<String> {
    snapshot(site.root()).into_keys().collect()
}

#[test]
fn a_slug_that_leaves_its_folder_is_refused_and_writes_nothing() {
    for slug in [
        "../../evil",
        "../evil",
        "..",
        "jobs/../../evil",
        "/etc/evil",
        "a\\..\\evil",
    ] {
        let site = Fixture::new().vacancy(
            "a.md",
            Job::new("Staff Nurse", "R-1").with(&format!("slug: {}", yaml_string(slug))),
        );
        let errors = site.build_errors(NOW);
        assert!(
            errors
                .iter()
                .any(|d| d.file == "content/jobs/a.md" && d.message.contains("slug")),
            "{slug}: {errors}"
        );
        assert!(!site.public().exists(), "{slug}: nothing written");
    }
}

#[test]
fn odd_slugs_and_file_names_stay_inside_the_output() {
    let site = Fixture::new()
        .vacancy(
            "a.md",
            Job::new("A", "R-1").with("slug: \"%2e%2e%2f%2e%2e%2fevil\""),
        )
        .vacancy("b.md", Job::new("B", "R-2").with("slug: \"~.ssh\""))
        .vacancy("c.md", Job::new("C", "R-3").with("slug: \"C:evil\""))
        .vacancy(".. evil.md", Job::new("D", "R-4"));
    let out = site.build(NOW);
    for path in everything(&site) {
        assert!(
            path.starts_with("content/") || path.starts_with("public/"),
            "{path} is outside the site and its output"
        );
    }
    let pages: Vec<String> = out
        .files()
        .into_keys()
        .filter(|p| p.starts_with("jobs/"))
        .collect();
    for page in &pages {
        let parts: Vec<&str> = page.split('/').collect();
        assert_eq!(parts.len(), 3, "one folder per advert: {page}");
        assert!(
            ["index.html", "closing-date.ics"].contains(&parts[2]),
            "{page}"
        );
        assert!(
            parts[1]
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{page}"
        );
    }
    assert_eq!(pages.len(), 4 * 2, "a page and a calendar each: {pages:?}");
}
