//! The Decap CMS editor that `cms: decap` publishes at `/admin/`: its page,
//! which loads the Decap script, and its `config.yml`, which is made from
//! the description of the fields (`crate::schema`) so the form asks for
//! exactly what the parser accepts: a select of the allowed values for
//! band, contract and working pattern, date pickers writing the form
//! `calendar::parse_date` reads, lists and groups for sites, pay, contact
//! and documents, and each field's note as its hint. Its date fields are
//! careers' own widget (`admin/widgets.js`): Decap's reads a value through
//! one fixed format, which lost the time of `closes: 2027-01-31 23:59` and
//! misread `28 January 2027`. Both collections are nested (Decap's
//! `nested`, with `meta.path` as the Folder field), so adverts in
//! sub-folders of `content/jobs/` are listed and saved where they are.
//! The same script shows the preview beside the form, each field under its
//! label.
//!
//! The script is loaded from a pinned jsDelivr address with a Subresource
//! Integrity hash, not shipped with the site: it is 5 MB (and some 90 lazy
//! chunks and two WebAssembly files), which would more than double the
//! binary and every site's output for a page only editors open; the hash
//! makes the browser refuse any other bytes; and a site's Content Security
//! Policy need allow `cdn.jsdelivr.net` on `/admin/` alone.

use std::collections::BTreeSet;

use crate::config::{CmsBackend, GitHost};
use crate::routes::Route;
use crate::schema::{self, FieldSpec, Form, Needed};
use crate::site::Site;
use crate::vacancy::Band;

use super::{OutputFile, escape_html};

mod words;
mod yaml;

use self::words::{FIRST, SAID, hint, label, plain};
use self::yaml::{Yaml, text, write_map};

/// The Decap CMS release the editor loads (npm `decap-cms`).
pub const DECAP_VERSION: &str = "3.16.3";
/// `dist/decap-cms.js` of that release, from npm through jsDelivr.
pub const DECAP_SCRIPT: &str = "https://cdn.jsdelivr.net/npm/decap-cms@3.16.3/dist/decap-cms.js";
/// The SHA-384 of that file (`npm pack decap-cms@3.16.3`), as `integrity`.
pub const DECAP_INTEGRITY: &str =
    "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p";
/// `admin/widgets.js`: the date widget (`careers-date`) the form's date
/// fields use, and the preview beside the form.
const WIDGETS: &str = include_str!("cms/widgets.js");
/// How deep below `content/jobs/` the editor looks for adverts.
const FOLDER_DEPTH: &str = "10";
/// Where `npx decap-server` answers, for a site with no `cms_backend`.
const LOCAL_PROXY: &str = "http://localhost:8081/api/v1";

/// The editor's files, if `site.yaml` asks for one.
pub fn routes(site: &Site) -> &'static [Route<'static>] {
    match site.config.cms {
        Some(_) => &[Route::CmsEditor, Route::CmsConfig, Route::CmsWidgets],
        None => &[],
    }
}

/// Renders `route`, one of [`routes`].
pub fn render(site: &Site, route: Route<'_>) -> OutputFile {
    let text = match route {
        Route::CmsConfig => config(site),
        Route::CmsWidgets => WIDGETS.to_owned(),
        _ => editor_page(site),
    };
    OutputFile {
        path: route.path(),
        bytes: text.into_bytes(),
    }
}

/// `admin/index.html`: Decap CMS, pointed at the `config.yml` beside it.
fn editor_page(site: &Site) -> String {
    let config = &site.config;
    format!(
        r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Edit adverts: {title}</title>
<link href="{config_url}" type="text/yaml" rel="cms-config-url">
</head>
<body>
<script src="{DECAP_SCRIPT}" integrity="{DECAP_INTEGRITY}" crossorigin="anonymous"></script>
<script src="widgets.js"></script>
</body>
</html>
"#,
        lang = escape_html(&config.language),
        title = escape_html(&config.title),
        config_url = "config.yml",
    )
}

/// `admin/config.yml`.
fn config(site: &Site) -> String {
    let mut root = vec![(
        "backend",
        backend(site.config.cms.as_ref().and_then(|c| c.backend.as_ref())),
    )];
    root.extend([
        ("local_backend", Yaml::Bool(true)),
        ("site_url", text(&site.config.base_url.absolute)),
        ("locale", text("en")),
        ("media_folder", text("content/documents")),
        // Written into front matter as `documents/<file>`, the path the
        // parser reads (relative: a leading `/` leads out of the site).
        ("public_folder", text("documents")),
        (
            "slug",
            Yaml::Map(vec![
                ("encoding", text("ascii")),
                ("clean_accents", Yaml::Bool(true)),
                ("sanitize_replacement", text("-")),
            ]),
        ),
        (
            "collections",
            Yaml::List(vec![
                collection(Kind::Jobs, site),
                collection(Kind::Pages, site),
            ]),
        ),
    ]);
    let mut out = format!(
        "# Decap CMS {DECAP_VERSION} settings, made by careers from its field list: do not edit.\n"
    );
    write_map(&root, 0, &mut out);
    out
}

fn backend(backend: Option<&CmsBackend>) -> Yaml {
    let Some(b) = backend else {
        // Only the local Git backend of `npx decap-server`.
        return Yaml::Map(vec![
            ("name", text("proxy")),
            ("proxy_url", text(LOCAL_PROXY)),
            ("branch", text("main")),
        ]);
    };
    let mut map = vec![
        ("name", text(b.host.name())),
        ("repo", text(&b.repo)),
        ("branch", text(&b.branch)),
    ];
    let optional = [
        ("base_url", &b.base_url),
        ("auth_endpoint", &b.auth_endpoint),
        ("app_id", &b.app_id),
        ("tenant_id", &b.tenant_id),
    ];
    map.extend(
        optional
            .into_iter()
            .filter_map(|(k, v)| Some((k, text(v.as_deref()?)))),
    );
    if b.host == GitHost::GitLab && b.app_id.is_some() {
        map.push(("auth_type", text("pkce")));
    }
    Yaml::Map(map)
}

/// One folder collection: the files of `folder` and its sub-folders.
fn collection(kind: Kind, site: &Site) -> Yaml {
    let (name, label, singular, folder, set, body) = match kind {
        Kind::Jobs => (
            "jobs",
            "Vacancies",
            "Vacancy",
            "content/jobs",
            &schema::VACANCY,
            "The advert candidates read: the job summary, duties and who you are looking for. Headings, lists and links are kept.",
        ),
        Kind::Pages => (
            "pages",
            "Pages",
            "Page",
            "content/pages",
            &schema::PAGE,
            "What the page says. Headings, lists and links are kept.",
        ),
    };
    let mut fields: Vec<(&str, Yaml)> = set
        .fields
        .iter()
        .map(|f| (f.name, field(f, site, true)))
        .collect();
    let text = if kind == Kind::Jobs {
        "Advert text"
    } else {
        "Page text"
    };
    fields.push((
        "body",
        Yaml::Map(vec![
            ("label", text.into()),
            ("name", "body".into()),
            ("widget", "markdown".into()),
            ("hint", body.into()),
        ]),
    ));
    // The fields most adverts need first, then the rest as the field list
    // has them.
    if kind == Kind::Jobs {
        fields.sort_by_key(|(name, _)| FIRST.iter().position(|f| f == name).unwrap_or(FIRST.len()));
    }
    let summary = match kind {
        Kind::Jobs => "{{title}} ({{reference}}), closes {{closes}}",
        Kind::Pages => "{{title}}",
    };
    let folder_hint = format!(
        "The folder under {folder}/ the file is kept in: / for {folder}/ itself. It does not change the page's address."
    );
    Yaml::Map(vec![
        ("name", name.into()),
        ("label", label.into()),
        ("label_singular", singular.into()),
        ("folder", folder.into()),
        ("create", Yaml::Bool(true)),
        ("slug", "{{slug}}".into()),
        ("extension", "md".into()),
        ("format", "frontmatter".into()),
        ("summary", summary.into()),
        // Sub-folders are listed in a tree beside the list; each file is
        // an entry (no `index_file`), and keeps its name when saved.
        (
            "nested",
            Yaml::Map(vec![
                ("depth", Yaml::Int(FOLDER_DEPTH)),
                ("subfolders", Yaml::Bool(false)),
            ]),
        ),
        (
            "meta",
            Yaml::Map(vec![(
                "path",
                Yaml::Map(vec![
                    ("label", "Folder".into()),
                    ("widget", "string".into()),
                    ("default", "/".into()),
                    ("hint", folder_hint.into()),
                ]),
            )]),
        ),
        (
            "fields",
            Yaml::List(fields.into_iter().map(|(_, f)| f).collect()),
        ),
    ])
}

/// The two collections.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Jobs,
    Pages,
}

/// One field as a Decap widget. Only a file's own fields (`top`) get
/// defaults: Decap writes a group's defaults even when the group is left
/// empty, and `salary: {period: year}` is a salary without its figure.
fn field(spec: &FieldSpec, site: &Site, top: bool) -> Yaml {
    let mut map = vec![
        ("label", text(&label(spec.name))),
        ("name", text(spec.name)),
    ];
    map.extend(widget(spec, site));
    if matches!(spec.forms[0], Form::DateOrTime) {
        map.push(("time", Yaml::Bool(true)));
    }
    if let (true, Some(flag), Form::Flag) = (top, spec.default, &spec.forms[0]) {
        map.push(("default", Yaml::Bool(flag == "true")));
    }
    map.push(("required", Yaml::Bool(spec.needed == Needed::Required)));
    let hint = match (
        SAID.iter().find(|(name, _)| *name == spec.name),
        spec.needed,
    ) {
        _ if matches!(spec.forms[0], Form::DateOrTime) => format!(
            "It closes at {} that day ({} time); give a time only if it closes earlier.",
            crate::calendar::clock(site.config.closing_time),
            site.config.timezone_name
        ),
        (Some(("employer", _)), _) if site.config.employer.is_none() => hint(spec),
        (Some((_, said)), _) => said.to_string(),
        (None, Needed::Unless(condition)) => {
            format!("{} (required unless {condition})", hint(spec))
        }
        (None, _) => hint(spec),
    };
    let hint = plain(&hint);
    if !hint.is_empty() {
        map.push(("hint", Yaml::Str(hint)));
    }
    Yaml::Map(map)
}

/// The widget and its settings. A field whose usual value is a list (its
/// example is one, or it has none) is a list; one usually written as a
/// figure with a fuller group form (pay) is that group; a field written as
/// text stays a line of text.
fn widget(spec: &FieldSpec, site: &Site) -> Vec<(&'static str, Yaml)> {
    let listed = spec.example.is_empty() || spec.example.starts_with('[');
    let first = &spec.forms[0];
    if let Some((set, many)) = spec.group()
        && ((many && listed) || (!many && !matches!(first, Form::Text)))
    {
        let kind = if many { "list" } else { "object" };
        let fields = set.fields.iter().map(|f| field(f, site, false)).collect();
        let mut out = vec![("widget", text(kind)), ("fields", Yaml::List(fields))];
        if !many {
            out.push(("collapsed", Yaml::Bool(false)));
        }
        return out;
    }
    let list_of = spec.forms.iter().find_map(|f| match f {
        Form::ListOf(items) if listed => Some(&items[0]),
        _ => None,
    });
    match (first, list_of) {
        (Form::OneOf(names), Some(_)) => {
            let mut out = select(names.iter().map(|n| (n.to_string(), n.to_string())));
            out.push(("multiple", Yaml::Bool(true)));
            out
        }
        (_, Some(_)) => vec![("widget", text("list"))],
        (form, None) => scalar(form, site),
    }
}

fn scalar(form: &Form, site: &Site) -> Vec<(&'static str, Yaml)> {
    let number = |kind: &str| vec![("widget", text("number")), ("value_type", text(kind))];
    let pattern = |regex: &str, message: &str| {
        vec![
            ("widget", text("string")),
            ("pattern", Yaml::List(vec![text(regex), text(message)])),
        ]
    };
    match form {
        Form::Number => number("float"),
        Form::WholeNumber => number("int"),
        Form::Flag => vec![("widget", text("boolean"))],
        // `time: true` (for `closes`) is added by `field`.
        Form::Date | Form::DateOrTime => vec![("widget", text("careers-date"))],
        Form::Band => select(bands(site)),
        Form::OneOf(names) => select(names.iter().map(|n| (n.to_string(), n.to_string()))),
        Form::Document => vec![("widget", text("file"))],
        Form::WebAddress => pattern("^https?://\\S+$", "a full web address, starting https://"),
        Form::Email => pattern("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "an email address"),
        Form::Phone => pattern("^[0-9 +()-]+$", "digits, spaces, +, ( ) and - only"),
        Form::Slug => pattern(
            "^[a-z0-9]+(-[a-z0-9]+)*$",
            "lower-case words joined by hyphens",
        ),
        Form::Text | Form::Clock | Form::TimeZone | Form::Group(_) | Form::ListOf(_) => {
            vec![("widget", text("string"))]
        }
    }
}

/// A select of `(label, value)` options.
fn select(options: impl Iterator<Item = (String, String)>) -> Vec<(&'static str, Yaml)> {
    let options = options
        .map(|(label, value)| {
            Yaml::Map(vec![
                ("label", Yaml::Str(label)),
                ("value", Yaml::Str(value)),
            ])
        })
        .collect();
    vec![("widget", text("select")), ("options", Yaml::List(options))]
}

/// Every Agenda for Change band, then the other grades the site's adverts
/// name (so editing a consultant's advert keeps its grade).
fn bands(site: &Site) -> impl Iterator<Item = (String, String)> {
    let afc = Band::AGENDA_FOR_CHANGE
        .iter()
        .map(|code| (format!("Band {code}"), code.to_string()));
    let others: BTreeSet<String> = site
        .vacancies
        .iter()
        .map(|p| &p.vacancy.band)
        .filter(|band| !band.is_agenda_for_change())
        .map(Band::code)
        .collect();
    afc.chain(others.into_iter().map(|grade| (grade.clone(), grade)))
}
