//! Rendering the site model to the bytes of every output file, in memory.
//!
//! The renderer reads no files and writes none: it gets the site and the
//! theme's template text, and returns `OutputFile`s for `output` to write.
//! Pages render in parallel; each vacancy's view is built once and shared by
//! its page, its lists and its feeds.

mod feeds;
pub mod jsonld;
mod paths;
mod templates;
pub mod views;

use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::diagnostics::Diagnostics;
use crate::site::{Site, Term};
use crate::theme::Theme;

pub use paths::root_prefix;
pub use templates::Templates;
use views::{SiteView, TermView, VacancyView};

/// One file of the output, relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// One page to render: its template, its path and its own variables.
struct PageJob {
    template: &'static str,
    /// Site-relative URL of the page (`bands/band-6/`), `""` for the home.
    url: String,
    /// The output file (`bands/band-6/index.html`).
    file: String,
    noindex: bool,
    vars: Vec<(&'static str, Value)>,
}

/// Everything rendering shares between pages.
struct Shared<'a> {
    site: &'a Site,
    templates: &'a Templates,
    site_view: Value,
    vacancy_views: Vec<Value>,
    preview: bool,
}

/// Renders every page, feed and crawler file of `site`.
pub fn render(site: &Site, theme: &Theme, preview: bool) -> Result<Vec<OutputFile>, Diagnostics> {
    let templates = Templates::compile(theme)?;
    let vacancy_views: Vec<Value> = site
        .vacancies
        .par_iter()
        .map(|p| to_value(&VacancyView::new(p, site)))
        .collect();
    let shared = Shared {
        site,
        templates: &templates,
        site_view: to_value(&SiteView::new(site, preview)),
        vacancy_views,
        preview,
    };

    let jobs = page_jobs(&shared);
    let mut results: Vec<Result<OutputFile, Diagnostics>> = jobs
        .into_par_iter()
        .map(|job| render_page(&shared, job))
        .collect();
    results.extend(feeds::render_all(&shared));
    results.push(render_404(&shared));

    let mut files = Vec::with_capacity(results.len());
    let mut problems = Diagnostics::default();
    for result in results {
        match result {
            Ok(file) => files.push(file),
            Err(p) => problems.extend(p.into_vec()),
        }
    }
    if problems.has_errors() {
        // One broken template breaks every page using it: say it once.
        problems.sort();
        problems.dedup();
        return Err(problems);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn to_value<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("views serialise")
}

fn page_jobs(shared: &Shared) -> Vec<PageJob> {
    let site = shared.site;
    let mut jobs = Vec::new();
    let listed = site.listed();
    let preview = shared.preview;

    list_jobs(
        shared,
        &mut jobs,
        "index.html",
        "",
        &listed,
        "feed.xml",
        vec![],
    );
    for (i, p) in site.vacancies.iter().enumerate() {
        let mut vars = vec![
            ("vacancy", shared.vacancy_views[i].clone()),
            ("body", Value::String(p.body_html.clone())),
        ];
        if p.status.is_public() {
            vars.push((
                "json_ld",
                Value::String(jsonld::job_posting(&p.vacancy, &p.body_html, &site.config)),
            ));
        }
        let url = format!("jobs/{}/", p.vacancy.slug);
        jobs.push(PageJob {
            template: "vacancy.html",
            file: format!("{url}index.html"),
            url,
            noindex: !p.status.is_public() || preview,
            vars,
        });
    }
    for (folder, terms, index_template, term_template) in [
        ("bands", &site.bands, "bands.html", "band.html"),
        ("locations", &site.towns, "locations.html", "location.html"),
    ] {
        let views: Vec<TermView> = terms
            .iter()
            .filter(|t| t.listed > 0)
            .map(|t| TermView::new(t, folder))
            .collect();
        jobs.push(PageJob {
            template: index_template,
            url: format!("{folder}/"),
            file: format!("{folder}/index.html"),
            noindex: preview,
            vars: vec![("terms", to_value(&views))],
        });
        for term in terms {
            let view = TermView::new(term, folder);
            let listed: Vec<usize> = listed_of(term, site);
            list_jobs(
                shared,
                &mut jobs,
                term_template,
                &view.url.clone(),
                &listed,
                &view.feed_url.clone(),
                vec![("term", to_value(&view))],
            );
        }
    }
    for page in &site.pages {
        let url = format!("{}/", page.page.slug);
        jobs.push(PageJob {
            template: "page.html",
            file: format!("{url}index.html"),
            url,
            noindex: preview || page.page.draft,
            vars: vec![
                (
                    "page",
                    serde_json::json!({
                        "title": page.page.title,
                        "slug": page.page.slug,
                        "description": page.page.description,
                        "draft": page.page.draft,
                    }),
                ),
                ("body", Value::String(page.body_html.clone())),
            ],
        });
    }
    jobs
}

fn listed_of(term: &Term, site: &Site) -> Vec<usize> {
    term.vacancies
        .iter()
        .copied()
        .filter(|&i| site.vacancies[i].status.is_listed())
        .collect()
}

/// The pages of one list (home, a band, a town), `page_size` vacancies each.
fn list_jobs(
    shared: &Shared,
    jobs: &mut Vec<PageJob>,
    template: &'static str,
    base: &str,
    listed: &[usize],
    feed_url: &str,
    extra: Vec<(&'static str, Value)>,
) {
    let size = match shared.site.config.page_size {
        0 => listed.len().max(1),
        n => n,
    };
    let chunks: Vec<&[usize]> = if listed.is_empty() {
        vec![&[]]
    } else {
        listed.chunks(size).collect()
    };
    let total = chunks.len();
    for (k, chunk) in chunks.into_iter().enumerate() {
        let number = k + 1;
        let url = paths::list_page(base, number);
        let vacancies: Vec<&Value> = chunk.iter().map(|&i| &shared.vacancy_views[i]).collect();
        let mut vars = extra.clone();
        vars.push(("vacancies", to_value(&vacancies)));
        vars.push(("count", Value::from(listed.len())));
        vars.push(("feed_url", Value::String(feed_url.to_owned())));
        vars.push(("pagination", paths::pagination(base, number, total)));
        jobs.push(PageJob {
            template,
            file: format!("{url}index.html"),
            url,
            noindex: shared.preview,
            vars,
        });
    }
}

fn render_page(shared: &Shared, job: PageJob) -> Result<OutputFile, Diagnostics> {
    let root = root_prefix(&job.url);
    let canonical = shared.site.config.base_url.join(&job.url);
    let mut context = tera::Context::new();
    context.insert("site", &shared.site_view);
    context.insert("root", &root);
    context.insert("home_url", &paths::home_url(&root));
    context.insert("page_url", &job.url);
    context.insert("canonical_url", &canonical);
    context.insert("noindex", &job.noindex);
    for (name, value) in job.vars {
        context.insert(name, &value);
    }
    let html = shared.templates.render(job.template, &context)?;
    Ok(OutputFile {
        path: job.file,
        bytes: html.into_bytes(),
    })
}

/// `404.html` is served at any depth, so its links are absolute paths.
fn render_404(shared: &Shared) -> Result<OutputFile, Diagnostics> {
    let mut context = tera::Context::new();
    context.insert("site", &shared.site_view);
    context.insert("root", &shared.site.config.base_url.path);
    context.insert("home_url", &shared.site.config.base_url.path);
    context.insert("page_url", "404.html");
    context.insert(
        "canonical_url",
        &shared.site.config.base_url.join("404.html"),
    );
    context.insert("noindex", &true);
    let html = shared.templates.render("404.html", &context)?;
    Ok(OutputFile {
        path: "404.html".to_owned(),
        bytes: html.into_bytes(),
    })
}
