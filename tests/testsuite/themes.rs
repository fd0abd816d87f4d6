//! Themes: the built-in theme, and a site's theme folder overriding it
//! template by template.

use crate::common;
use common::*;

use careers::diagnostics::Severity;

const NOW: &str = "2026-02-01";
const MARKER: &str = "OVERRIDDEN-BY-THE-SITE";

fn site() -> Fixture {
    Fixture::new()
        .vacancy("nurse.md", Job::new("Staff Nurse", "R-1").band("5"))
        .vacancy("physio.md", Job::new("Physiotherapist", "R-2").band("6"))
}

/// A vacancy template that shows the title and a marker.
const VACANCY: &str = r#"{% extends "base.html" %}
{% block content %}<h1>{{ vacancy.title }}</h1><p class="marker">OVERRIDDEN-BY-THE-SITE {{ vacancy.reference }}</p>{% endblock content %}
"#;

const HOME: &str = r#"{% extends "base.html" %}
{% block content %}<h1>Our jobs</h1><p class="marker">OVERRIDDEN-BY-THE-SITE</p>
<ul>{% for vacancy in vacancies %}<li><a href="{{ root }}{{ vacancy.url }}">{{ vacancy.title }}</a></li>{% endfor %}</ul>{% endblock content %}
"#;

#[test]
fn a_site_without_a_themes_folder_uses_the_built_in_theme() {
    let site = site();
    assert!(!site.root().join("themes").exists());
    let out = site.build(NOW);
    let css = std::fs::read(out.path("css/careers.css")).unwrap();
    assert!(!css.is_empty(), "the built-in stylesheet is copied");
    for page in ["index.html", "jobs/nurse/index.html", "bands/index.html"] {
        let html = out.html(page);
        let sheets = attrs(&html, "link[rel=stylesheet]", "href");
        assert!(
            sheets
                .iter()
                .any(|s| resolve(page, s).as_deref() == Some("css/careers.css")),
            "{page} uses the stylesheet"
        );
        assert!(!out.text(page).contains(MARKER));
    }
}

#[test]
fn overriding_one_template_changes_only_those_pages() {
    let site = site();
    site.write("themes/default/templates/vacancy.html", VACANCY);
    let out = site.build(NOW);
    for (slug, reference) in [("nurse", "R-1"), ("physio", "R-2")] {
        let html = out.html(&format!("jobs/{slug}/index.html"));
        assert_eq!(
            text_of(&html, ".marker"),
            format!("{MARKER} {reference}"),
            "the site's vacancy template"
        );
        // base.html is still the built-in one.
        assert!(!attrs(&html, "link[rel=stylesheet]", "href").is_empty());
    }
    let home = out.html("index.html");
    assert!(
        !out.text("index.html").contains(MARKER),
        "the home page is built in"
    );
    assert_eq!(listed_titles(&home), ["Physiotherapist", "Staff Nurse"]);
    assert!(!out.text("bands/band-5/index.html").contains(MARKER));
    // The built-in static files are still there.
    assert!(out.exists("css/careers.css"));
}

#[test]
fn a_named_theme_overrides_only_the_templates_it_has() {
    let site = site().settings("theme: mytheme");
    site.write("themes/mytheme/templates/index.html", HOME);
    let out = site.build(NOW);
    let home = out.html("index.html");
    assert_eq!(text_of(&home, "h1"), "Our jobs");
    assert_eq!(text_of(&home, ".marker"), MARKER);
    assert_eq!(listed_titles(&home), ["Physiotherapist", "Staff Nurse"]);
    let job = out.html("jobs/nurse/index.html");
    assert_eq!(text_of(&job, "h1"), "Staff Nurse");
    assert!(!out.text("jobs/nurse/index.html").contains(MARKER));
    assert!(
        facts(&job).contains_key("Band"),
        "the built-in vacancy page"
    );
}

#[test]
fn a_themes_static_files_are_copied_and_override_the_built_in_ones() {
    let site = site().settings("theme: mytheme");
    site.write(
        "themes/mytheme/static/css/careers.css",
        "body { color: red }",
    );
    site.write("themes/mytheme/static/images/badge.svg", "<svg/>");
    let out = site.build(NOW);
    assert_eq!(out.text("css/careers.css"), "body { color: red }");
    assert_eq!(out.text("images/badge.svg"), "<svg/>");
}

#[test]
fn a_theme_that_does_not_exist_is_an_error() {
    let problems = site().settings("theme: nosuchtheme").build_errors(NOW);
    assert!(
        problems
            .iter()
            .any(|d| d.file == "content/site.yaml" && d.message.contains("nosuchtheme")),
        "{problems}"
    );
}

#[test]
fn a_template_syntax_error_names_the_template_file() {
    let site = site().settings("theme: mytheme");
    site.write(
        "themes/mytheme/templates/index.html",
        "{% extends \"base.html\" %}{% block content %}{% for v in vacancies %}{{ v.title }}{% endblock content %}",
    );
    let problems = site.build_errors(NOW);
    let errors: Vec<_> = problems
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(!errors.is_empty());
    assert!(
        errors
            .iter()
            .any(|d| d.file == "themes/mytheme/templates/index.html"),
        "an error names the template: {problems}"
    );
    assert!(!site.public().exists(), "nothing was written");
}

#[test]
fn a_template_error_while_rendering_names_the_template_file() {
    let site = site();
    site.write(
        "themes/default/templates/vacancy.html",
        "{% extends \"base.html\" %}{% block content %}{{ vacancy.title | no_such_filter }}{% endblock content %}",
    );
    let problems = site.build_errors(NOW);
    assert!(
        problems
            .iter()
            .any(|d| d.file == "themes/default/templates/vacancy.html"),
        "{problems}"
    );
}
