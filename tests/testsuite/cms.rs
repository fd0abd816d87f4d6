//! `cms: decap` in `site.yaml`: the editor at `/admin/` and its
//! `config.yml`, made from the field list, so the form offers every field
//! the parser knows with the values it accepts; no `/admin/` without it;
//! a broken `cms_backend` is an error at its line.

use crate::common;
use common::*;

use careers::diagnostics::Severity;
use careers::schema::{self, FieldSet, Form, Needed};
use careers::vacancy::{Band, Contract, WorkingPattern};
use serde_json::Value;

const NOW: &str = "2026-02-01";

fn cms_site(settings: &str) -> Fixture {
    Fixture::new()
        .settings(settings)
        .vacancy("nurse.md", Job::new("Staff Nurse", "R-1"))
        .vacancy(
            "consultant.md",
            Job::new("Consultant", "R-2").band("Consultant"),
        )
        .page("about.md", "title: About us\n", "Who we are.\n")
}

/// `admin/config.yml` of a built site, read by a YAML parser.
fn config(out: &Output) -> Value {
    let text = out.text("admin/config.yml");
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("config.yml is not YAML: {e}\n{text}"))
}

fn collection<'a>(config: &'a Value, name: &str) -> &'a Value {
    config["collections"]
        .as_array()
        .expect("a list of collections")
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no collection {name}"))
}

fn field<'a>(fields: &'a Value, name: &str) -> &'a Value {
    fields
        .as_array()
        .expect("a list of fields")
        .iter()
        .find(|f| f["name"] == name)
        .unwrap_or_else(|| panic!("no field {name}"))
}

fn names(fields: &Value) -> Vec<String> {
    let list = fields.as_array().expect("a list of fields");
    list.iter()
        .map(|f| f["name"].as_str().unwrap().to_owned())
        .collect()
}

fn option_values(field: &Value) -> Vec<String> {
    let options = field["options"].as_array().expect("select options");
    options
        .iter()
        .map(|o| o["value"].as_str().expect("a value").to_owned())
        .collect()
}

/// Each field of `set` is in `fields` (a group's in its order), with a
/// widget fitting its forms and its required flag; groups are checked field
/// by field.
fn assert_fields_follow(set: &FieldSet, fields: &Value) {
    let mut expected: Vec<&str> = set.fields.iter().map(|f| f.name).collect();
    let mut found = names(fields);
    found.retain(|n| n != "body");
    if !set.id.contains('.') {
        // A file's own fields come in the form's order.
        expected.sort_unstable();
        found.sort_unstable();
    }
    assert_eq!(found, expected, "{}", set.id);
    for spec in set.fields {
        let widget = field(fields, spec.name);
        let required = widget["required"].as_bool().expect("a required flag");
        assert_eq!(required, spec.needed == Needed::Required, "{}", spec.name);
        let kind = widget["widget"].as_str().expect("a widget");
        match (&spec.forms[0], spec.group()) {
            (_, Some((group, true))) if spec.name != "location" => {
                assert_eq!(kind, "list", "{}", spec.name);
                assert_fields_follow(group, &widget["fields"]);
            }
            (Form::Number, Some((group, false))) | (Form::Group(_), Some((group, false))) => {
                assert_eq!(kind, "object", "{}", spec.name);
                assert_fields_follow(group, &widget["fields"]);
            }
            (Form::OneOf(allowed), _) => {
                assert_eq!(kind, "select", "{}", spec.name);
                assert_eq!(option_values(widget), *allowed, "{}", spec.name);
            }
            (Form::Text, _) if spec.example.starts_with('[') => {
                assert_eq!(kind, "list", "{}: a list, as its example", spec.name)
            }
            (Form::Flag, _) => assert_eq!(kind, "boolean", "{}", spec.name),
            (Form::Date, _) => {
                assert_eq!(kind, "careers-date", "{}", spec.name);
                assert!(widget.get("time").is_none(), "{}: a date alone", spec.name);
            }
            (Form::DateOrTime, _) => {
                assert_eq!(kind, "careers-date", "{}", spec.name);
                assert_eq!(widget["time"], true, "{}: a date and a time", spec.name);
            }
            (Form::Number | Form::WholeNumber, _) => assert_eq!(kind, "number", "{}", spec.name),
            (Form::Document, _) => assert_eq!(kind, "file", "{}", spec.name),
            (Form::Band, _) => assert_eq!(kind, "select", "{}", spec.name),
            _ => assert_eq!(kind, "string", "{}", spec.name),
        }
        if !spec.note.is_empty() || !spec.doc.is_empty() {
            let hint = widget["hint"].as_str().expect("a hint");
            // Said for the form, not the file: no `true`, no `field_name`.
            assert!(
                !hint.contains('`') && !hint.is_empty(),
                "{}: {hint}",
                spec.name
            );
        }
    }
}

#[test]
fn cms_decap_publishes_the_editor_and_its_settings() {
    let out = cms_site("cms: decap").build(NOW);
    let page = out.html("admin/index.html");
    let script = attrs(&page, "script", "src");
    // Decap's, then the form's date widget (the_editor_loads_the_date_widget...).
    assert_eq!(script.len(), 2);
    assert!(
        script[0].starts_with("https://cdn.jsdelivr.net/npm/decap-cms@3."),
        "a pinned release: {script:?}"
    );
    let integrity = attrs(&page, "script", "integrity");
    assert!(integrity[0].starts_with("sha384-"), "{integrity:?}");
    assert_eq!(attrs(&page, "script", "crossorigin"), ["anonymous"]);
    assert!(is_noindex(&page));
    assert_eq!(
        attrs(&page, "link[rel=cms-config-url]", "href"),
        ["config.yml"]
    );

    let config = config(&out);
    assert_eq!(config["local_backend"], true);
    assert_eq!(config["media_folder"], "content/documents");
    // Files picked are written as adverts link them: `documents/x.pdf`.
    assert_eq!(config["public_folder"], "documents");
    let jobs = collection(&config, "jobs");
    assert_eq!(jobs["folder"], "content/jobs");
    assert_eq!(jobs["create"], true);
    assert_eq!(jobs["slug"], "{{slug}}");
    assert_eq!(jobs["extension"], "md");
    assert_eq!(jobs["format"], "frontmatter");
    let pages = collection(&config, "pages");
    assert_eq!(pages["folder"], "content/pages");
    assert_eq!(pages["create"], true);
    for c in [jobs, pages] {
        assert_eq!(field(&c["fields"], "body")["widget"], "markdown");
    }
    assert_eq!(config["collections"].as_array().unwrap().len(), 2);
    // The admin pages are for editors, not search engines.
    assert!(!out.text("sitemap.xml").contains("admin"));
}

#[test]
fn every_field_the_parser_knows_is_in_the_form_with_its_widget() {
    let config = config(&cms_site("cms: decap").build(NOW));
    let jobs = &collection(&config, "jobs")["fields"];
    assert_fields_follow(&schema::VACANCY, jobs);
    assert_fields_follow(&schema::PAGE, &collection(&config, "pages")["fields"]);

    let band = option_values(field(jobs, "band"));
    assert_eq!(&band[..12], Band::AGENDA_FOR_CHANGE);
    // The site's other grades too, so editing their adverts keeps them.
    assert_eq!(&band[12..], ["Consultant"]);
    assert_eq!(option_values(field(jobs, "contract")), Contract::NAMES);
    let pattern = field(jobs, "working_pattern");
    assert_eq!(option_values(pattern), WorkingPattern::NAMES);
    assert_eq!(pattern["multiple"], true);
    assert_eq!(field(jobs, "location")["widget"], "string");
    let salary = field(jobs, "salary");
    assert_eq!(field(&salary["fields"], "min")["required"], true);
    // A group's defaults would be written into an empty group.
    assert!(field(&salary["fields"], "period").get("default").is_none());
    assert_eq!(field(jobs, "tags")["widget"], "list");
    assert_eq!(field(jobs, "draft")["default"], false);
    // What nearly every advert needs comes first, the advert's text with it.
    assert_eq!(
        names(jobs)[..11],
        [
            "title",
            "reference",
            "band",
            "salary",
            "pay_scheme",
            "location",
            "locations",
            "posted",
            "closes",
            "apply_url",
            "body"
        ]
    );
    assert_eq!(field(jobs, "apply_url")["label"], "Apply link");
    let closes = field(jobs, "closes")["hint"].as_str().unwrap();
    assert!(
        closes.contains("11:59pm") && closes.contains("Europe/London"),
        "{closes}"
    );
}

#[test]
fn the_editor_loads_the_date_widget_its_settings_name() {
    let out = cms_site("cms: decap").build(NOW);
    let page = out.html("admin/index.html");
    let scripts = attrs(&page, "script", "src");
    // After Decap, which it registers itself with.
    assert_eq!(scripts[1], "widgets.js", "{scripts:?}");
    let widgets = out.text("admin/widgets.js");
    assert!(
        widgets.contains("CMS.registerWidget('careers-date'"),
        "{widgets}"
    );
    let config = config(&out);
    let jobs = &collection(&config, "jobs")["fields"];
    for name in [
        "posted",
        "closes",
        "start_date",
        "closed_early",
        "interview",
    ] {
        assert_eq!(field(jobs, name)["widget"], "careers-date", "{name}");
    }
}

#[test]
fn adverts_in_sub_folders_are_in_the_form_and_stay_where_they_are() {
    let config = config(&cms_site("cms: decap").build(NOW));
    for name in ["jobs", "pages"] {
        let c = collection(&config, name);
        // A tree of folders, each file an entry of its own ...
        assert_eq!(c["nested"]["subfolders"], false, "{name}");
        assert!(c["nested"]["depth"].as_u64().unwrap() >= 2, "{name}");
        // ... saved under its own name in the folder the Folder field says.
        let path = &c["meta"]["path"];
        assert_eq!(path["label"], "Folder", "{name}");
        assert_eq!(path["default"], "/", "{name}");
        assert!(path.get("index_file").is_none(), "{name}");
    }
}

#[test]
fn a_date_as_the_form_writes_it_is_read() {
    // As Decap writes the widget's values: plain, or quoted.
    let out = Fixture::new()
        .settings("cms: decap")
        .vacancy(
            "a.md",
            Job::new("Nurse", "R-1")
                .posted("'2026-01-05'")
                .closes("'2026-03-01'"),
        )
        .vacancy(
            "wards/b.md",
            Job::new("Nurse", "R-2").closes("2026-03-01 16:30"),
        )
        .vacancy(
            "c.md",
            Job::new("Nurse", "R-3").closes("2026-03-01T16:30:00+00:00"),
        )
        .build(NOW);
    assert_open(&out, "a", "R-1");
    for slug in ["b", "c"] {
        let page = out.text(&format!("jobs/{slug}/index.html"));
        assert!(page.contains("4:30pm"), "jobs/{slug}/ closes at 4:30pm");
    }
}

#[test]
fn the_backend_is_the_one_site_yaml_names() {
    let out = cms_site(
        "cms: decap\ncms_backend:\n  name: gitlab\n  repo: trust/careers-site\n  branch: live\n  app_id: abc123\n",
    )
    .build(NOW);
    let backend = &config(&out)["backend"];
    assert_eq!(backend["name"], "gitlab");
    assert_eq!(backend["repo"], "trust/careers-site");
    assert_eq!(backend["branch"], "live");
    assert_eq!(backend["app_id"], "abc123");
    assert_eq!(backend["auth_type"], "pkce");

    let out = cms_site("cms: decap\ncms_backend:\n  name: github\n  repo: trust/site\n").build(NOW);
    let backend = &config(&out)["backend"];
    assert_eq!(backend["branch"], "main", "the default branch");
    assert!(backend.get("app_id").is_none());

    // Without a backend, only the local one of `npx decap-server`.
    let backend = &config(&cms_site("cms: decap").build(NOW))["backend"];
    assert_eq!(backend["name"], "proxy");
    assert_eq!(backend["proxy_url"], "http://localhost:8081/api/v1");
}

#[test]
fn without_cms_there_is_no_admin_folder() {
    let out = cms_site("").build(NOW);
    assert!(!out.exists("admin"));
    assert!(out.files().keys().all(|path| !path.starts_with("admin")));
}

#[test]
fn a_free_page_cannot_take_the_editors_address() {
    let problems = Fixture::new()
        .settings("cms: decap")
        .vacancy("a.md", Job::new("Nurse", "R-1"))
        .page("admin.md", "title: Admin\n", "Hello.\n")
        .build_errors(NOW);
    assert!(
        problems
            .iter()
            .any(|d| d.file == "content/pages/admin.md" && d.severity == Severity::Error),
        "{problems}"
    );
}

/// The one error of a build with these settings, with its line.
fn settings_error(settings: &str) -> (usize, String) {
    let problems = cms_site(settings).build_errors(NOW);
    let errors: Vec<_> = problems
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{problems}");
    let error = errors[0];
    assert_eq!(error.file, "content/site.yaml");
    (error.position.expect("a line").line, error.to_string())
}

#[test]
fn a_bad_backend_name_is_an_error_at_its_line() {
    // site.yaml's first three lines are the fixture's own.
    let (line, text) =
        settings_error("cms: decap\ncms_backend:\n  name: githib\n  repo: trust/site\n");
    assert_eq!(line, 6);
    assert!(text.contains("githib") && text.contains("github"), "{text}");
}

#[test]
fn other_broken_cms_settings_are_errors_at_their_lines() {
    let (line, text) = settings_error("cms: netlify\n");
    assert_eq!(line, 4);
    assert!(text.contains("decap"), "{text}");
    let (line, text) = settings_error("cms: decap\ncms_backend:\n  name: github\n");
    assert_eq!(line, 6, "the group missing its repo, at its start");
    assert!(text.contains("repo"), "{text}");
    let (line, text) =
        settings_error("cms: decap\ncms_backend:\n  name: github\n  repo: just-a-name\n");
    assert_eq!(line, 7);
    assert!(text.contains("owner/name"), "{text}");
    let (line, text) = settings_error("cms_backend:\n  name: github\n  repo: trust/site\n");
    assert_eq!(line, 4);
    assert!(text.contains("cms: decap"), "{text}");
    let (line, text) =
        settings_error("cms: decap\ncms_backend:\n  name: github\n  repo: a/b\n  brnach: main\n");
    assert_eq!(line, 8);
    assert!(text.contains("branch"), "{text}");
}
