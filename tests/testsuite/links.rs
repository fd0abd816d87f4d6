//! Links inside the output: every relative link of every page resolves
//! when the site is served under a path prefix, 404.html uses absolute
//! paths, and `@/` links between content files become working links.

use crate::common;
use common::*;

use careers::diagnostics::Severity;

const NOW: &str = "2026-02-01";

/// A site with something of everything a page can link to: paged lists,
/// several bands and towns, a closed job, free pages in the menu, a job
/// document, a logo in the theme's static folder and `@/` links.
fn rich_site() -> Fixture {
    let site = Fixture::new()
        .settings(
            "page_size: 2\nlogo: images/logo.svg\nprivacy_url: https://example.nhs.uk/privacy",
        )
        .job(
            "nurse.md",
            &Job::new("Staff Nurse", "R-1")
                .band("5")
                .posted("2026-01-05")
                .with("documents:\n  - title: Job description\n    file: documents/r-1-jd.pdf\n  - title: Pay scales\n    file: https://www.nhsemployers.org/pay")
                .with("contact:\n  name: Jane Smith\n  email: jane@example.nhs.uk\n  phone: 01322 000000")
                .with("apply_url: https://www.jobs.nhs.uk/candidate/jobadvert/C1")
                .front_matter(),
            "## Job summary\n\nRead [how to apply](@/pages/how-to-apply.md) first, and see [our benefits](@/pages/benefits.md#pensions).\n\nAlso see the [ward manager post](@/jobs/sub/ward-manager.md).\n",
        )
        .vacancy(
            "sub/ward-manager.md",
            Job::new("Ward Manager", "R-2")
                .band("7")
                .town("King's Lynn")
                .posted("2026-01-04"),
        )
        .vacancy(
            "physio.md",
            Job::new("Physiotherapist", "R-3")
                .band("6")
                .town("Ynys Môn")
                .posted("2026-01-03"),
        )
        .vacancy(
            "closed.md",
            Job::new("Closed Post", "R-4")
                .band("8a")
                .posted("2026-01-02")
                .closes("2026-01-20"),
        )
        .vacancy(
            "consultant.md",
            Job::new("Consultant", "R-5")
                .band("Consultant")
                .posted("2026-01-01"),
        )
        .page(
            "how-to-apply.md",
            "title: How to apply\nmenu: 1",
            "Apply online. See the [staff nurse post](@/jobs/nurse.md).\n",
        )
        .page("benefits.md", "title: Benefits\nmenu: 2", "## Pensions\n\nThe NHS Pension Scheme.\n")
        .page("accessibility.md", "title: Accessibility", "We aim for WCAG 2.2 AA.\n");
    site.write_bytes("content/documents/r-1-jd.pdf", b"%PDF-1.4 test\n");
    site.write(
        "themes/default/static/images/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    site
}

/// Every `href` and `src` in an HTML file.
fn links_of(out: &Output, page: &str) -> Vec<String> {
    let html = out.html(page);
    let mut links = attrs(&html, "[href]", "href");
    links.extend(attrs(&html, "[src]", "src"));
    links
}

#[test]
fn the_link_checker_resolves_like_a_browser() {
    assert_eq!(resolve("index.html", "").as_deref(), Some("index.html"));
    assert_eq!(
        resolve("index.html", "bands/").as_deref(),
        Some("bands/index.html")
    );
    assert_eq!(
        resolve("index.html", "feed.xml").as_deref(),
        Some("feed.xml")
    );
    assert_eq!(
        resolve("jobs/a/index.html", "../../").as_deref(),
        Some("index.html")
    );
    assert_eq!(
        resolve("jobs/a/index.html", "../../css/careers.css?v=1").as_deref(),
        Some("css/careers.css")
    );
    assert_eq!(
        resolve("page/2/index.html", "../../jobs/b/#apply").as_deref(),
        Some("jobs/b/index.html")
    );
    assert_eq!(
        resolve("jobs/a/index.html", "../../../"),
        None,
        "leaves /careers/"
    );
    assert_eq!(
        resolve("jobs/a/index.html", "../b/./").as_deref(),
        Some("jobs/b/index.html")
    );
    assert!(!is_relative("https://example.nhs.uk/"));
    assert!(!is_relative("mailto:a@b"));
    assert!(!is_relative("tel:01322000000"));
    assert!(!is_relative("#main"));
    assert!(is_relative("../feed.xml"));
}

#[test]
fn every_relative_link_on_every_page_resolves_under_a_path_prefix() {
    let out = rich_site().build(NOW);
    let pages = output_files(&out, ".html");
    assert!(pages.len() > 20, "a good spread of pages: {pages:?}");
    let mut checked = 0;
    for page in pages.iter().filter(|p| *p != "404.html") {
        for href in links_of(&out, page) {
            if !is_relative(&href) {
                assert!(
                    !href.starts_with('/'),
                    "{page} links {href} by absolute path, which breaks under a prefix"
                );
                continue;
            }
            let target = follow(&out, page, &href);
            if target.ends_with("index.html") {
                let path = href.split('#').next().unwrap();
                assert!(
                    path.is_empty() || path.ends_with('/'),
                    "{page} links a page as {href}: page URLs end in /"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 200, "only {checked} links checked");
}

#[test]
fn the_404_page_uses_absolute_paths_under_the_base_url() {
    let out = rich_site().build(NOW);
    let links = links_of(&out, "404.html");
    assert!(!links.is_empty());
    let mut local = 0;
    for href in links {
        let lower = href.to_ascii_lowercase();
        if lower.starts_with("http:")
            || lower.starts_with("https:")
            || lower.starts_with("mailto:")
            || lower.starts_with('#')
        {
            continue;
        }
        assert!(
            href.starts_with(SERVED_AT),
            "404.html links {href}: it must start with {SERVED_AT}"
        );
        // Served at any depth, the absolute path still finds its file.
        let target = resolve("some/deep/missing/page.html", &href).unwrap();
        assert!(
            out.exists(&target),
            "404.html: {href} -> {target} is missing"
        );
        local += 1;
    }
    assert!(local >= 4, "the stylesheet, home and navigation links");
    assert!(
        attrs(&out.html("404.html"), "link[rel=stylesheet]", "href")
            .contains(&"/careers/css/careers.css".to_owned())
    );
}

#[test]
fn documents_are_copied_and_linked_from_the_job() {
    let out = rich_site().build(NOW);
    assert_eq!(
        std::fs::read(out.path("documents/r-1-jd.pdf")).unwrap(),
        b"%PDF-1.4 test\n"
    );
    let links = links_of(&out, "jobs/nurse/index.html");
    assert!(
        links.contains(&"../../documents/r-1-jd.pdf".to_owned()),
        "{links:?}"
    );
    assert!(links.contains(&"https://www.nhsemployers.org/pay".to_owned()));
    assert!(links.contains(&"mailto:jane@example.nhs.uk".to_owned()));
}

#[test]
fn the_logo_is_linked_relatively_from_every_depth() {
    let out = rich_site().build(NOW);
    assert!(out.exists("images/logo.svg"));
    for page in [
        "index.html",
        "page/2/index.html",
        "jobs/nurse/index.html",
        "locations/ynys-mon/index.html",
        "benefits/index.html",
    ] {
        let srcs = attrs(&out.html(page), "img[src]", "src");
        assert!(
            srcs.iter()
                .any(|s| resolve(page, s).as_deref() == Some("images/logo.svg")),
            "{page} shows the logo: {srcs:?}"
        );
    }
}

#[test]
fn free_pages_render_at_their_slug_and_menu_pages_are_in_the_navigation() {
    let out = rich_site().build(NOW);
    let page = out.html("how-to-apply/index.html");
    assert_eq!(text_of(&page, "h1"), "How to apply");
    assert!(out.exists("accessibility/index.html"));
    let home = out.html("index.html");
    let nav: Vec<String> = texts(&home, "header a, nav a");
    let apply = nav
        .iter()
        .position(|t| t == "How to apply")
        .expect("in the menu");
    let benefits = nav
        .iter()
        .position(|t| t == "Benefits")
        .expect("in the menu");
    assert!(apply < benefits, "menu order: {nav:?}");
    assert!(
        !nav.contains(&"Accessibility".to_owned()),
        "no menu: not in the navigation"
    );
}

/// The target of the link with this text on `page`.
fn link_target(out: &Output, page: &str, text: &str) -> (String, String) {
    let html = out.html(page);
    let a = html
        .select(&selector("main a"))
        .find(|a| a.text().collect::<String>().trim() == text)
        .unwrap_or_else(|| panic!("{page} has a link \"{text}\""));
    let href = a.value().attr("href").unwrap().to_owned();
    (href.clone(), follow(out, page, &href))
}

#[test]
fn at_links_in_a_job_become_relative_links_to_the_page() {
    let out = rich_site().build(NOW);
    let (href, target) = link_target(&out, "jobs/nurse/index.html", "how to apply");
    assert_eq!(href, "../../how-to-apply/");
    assert_eq!(target, "how-to-apply/index.html");
    let (href, target) = link_target(&out, "jobs/nurse/index.html", "our benefits");
    assert_eq!(href, "../../benefits/#pensions", "the fragment is kept");
    assert_eq!(target, "benefits/index.html");
    let (_, target) = link_target(&out, "jobs/nurse/index.html", "ward manager post");
    assert_eq!(target, "jobs/ward-manager/index.html");
}

#[test]
fn at_links_in_a_free_page_lead_to_jobs() {
    let out = rich_site().build(NOW);
    let (href, target) = link_target(&out, "how-to-apply/index.html", "staff nurse post");
    assert_eq!(href, "../jobs/nurse/");
    assert_eq!(target, "jobs/nurse/index.html");
}

#[test]
fn at_links_survive_raw_html_in_the_advert() {
    let out = Fixture::new()
        .job(
            "nurse.md",
            &Job::new("Staff Nurse", "R-1").front_matter(),
            "<p>Some <b>bold</b> pasted HTML.</p>\n\nRead [how to apply](@/pages/how-to-apply.md).\n",
        )
        .page("how-to-apply.md", "title: How to apply", "Apply online.\n")
        .build(NOW);
    let (_, target) = link_target(&out, "jobs/nurse/index.html", "how to apply");
    assert_eq!(target, "how-to-apply/index.html");
}

#[test]
fn an_at_link_to_a_missing_file_is_an_error_naming_the_job_file_and_line() {
    let front = Job::new("Staff Nurse", "R-1").front_matter();
    let body = "## Job summary\n\nA good job.\n\nRead [how to apply](@/pages/how-to-aply.md).\n";
    let site = Fixture::new().job("nurse.md", &front, body).page(
        "how-to-apply.md",
        "title: How to apply",
        "Apply online.\n",
    );
    let text = std::fs::read_to_string(site.root().join("content/jobs/nurse.md")).unwrap();
    let line = text
        .lines()
        .position(|l| l.contains("how-to-aply"))
        .unwrap()
        + 1;
    let problems = site.build_errors(NOW);
    let errors: Vec<_> = problems
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{problems}");
    let error = errors[0];
    assert_eq!(error.file, "content/jobs/nurse.md");
    assert_eq!(error.position.map(|p| p.line), Some(line), "{error}");
    assert!(error.message.contains("pages/how-to-aply.md"), "{error}");
    assert!(!site.public().exists(), "nothing was written");
}

#[test]
fn an_at_link_to_a_draft_is_an_error() {
    let problems = Fixture::new()
        .job(
            "nurse.md",
            &Job::new("Staff Nurse", "R-1").front_matter(),
            "See [the draft](@/jobs/draft.md).\n",
        )
        .vacancy("draft.md", Job::new("Draft", "R-2").with("draft: true"))
        .build_errors(NOW);
    assert!(
        problems
            .iter()
            .any(|d| d.file == "content/jobs/nurse.md" && d.message.contains("jobs/draft.md")),
        "{problems}"
    );
}

#[test]
fn an_at_link_to_a_closed_job_still_lands_on_its_page() {
    let out = Fixture::new()
        .job(
            "nurse.md",
            &Job::new("Staff Nurse", "R-1").front_matter(),
            "This replaces the [old post](@/jobs/old.md).\n",
        )
        .vacancy("old.md", Job::new("Old Post", "R-2").closes("2026-01-10"))
        .build(NOW);
    let (_, target) = link_target(&out, "jobs/nurse/index.html", "old post");
    assert_eq!(target, "jobs/old/index.html");
}

#[test]
fn every_page_names_its_absolute_canonical_url() {
    let out = rich_site().build(NOW);
    for page in output_files(&out, "index.html") {
        let canonical = attrs(&out.html(&page), "link[rel=canonical]", "href");
        let url = format!("{BASE_URL}{}", page.trim_end_matches("index.html"));
        assert_eq!(canonical, [url], "{page}");
    }
}
