//! Rendering the site model to the bytes of every output file, in memory.
//!
//! The renderer reads no files and writes none: it gets the site and the
//! theme's template text, and returns `OutputFile`s for `output` to write.
//! Pages render in parallel. Each vacancy's view is turned into a template
//! value once; Tera values are reference-counted, so its page, every list it
//! is in and every feed share that one value instead of copying it.

mod feeds;
pub mod jsonld;
mod paths;
mod templates;
pub mod views;

use rayon::prelude::*;
use serde::Serialize;
use tera::Value;

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
    noindex: bool,
    /// The vacancy a vacancy page shows: its body and JSON-LD are added
    /// when the page renders, so they are never held for every page at once.
    vacancy: Option<usize>,
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

/// Why rendering stopped: a template failed, or the sink refused a file.
#[derive(Debug)]
pub enum RenderError<E> {
    Templates(Diagnostics),
    Sink(E),
}

/// Anything rendered: a page, a feed, or a crawler file.
enum Job {
    Page(PageJob),
    Feed(feeds::FeedJob),
    Sitemap,
    Robots,
    NotFound,
}

/// Renders every page, feed and crawler file of `site` and hands each to
/// `sink` as soon as it is ready (in parallel, in no particular order), so
/// the whole site is never held in memory. Returns the number of files.
pub fn render_into<E: Send>(
    site: &Site,
    theme: &Theme,
    preview: bool,
    sink: &(dyn Fn(OutputFile) -> Result<(), E> + Sync),
) -> Result<usize, RenderError<E>> {
    let templates = Templates::compile(theme).map_err(RenderError::Templates)?;
    let vacancy_views: Vec<Value> = site
        .vacancies
        .par_iter()
        .map(|p| value(&VacancyView::new(p, site)))
        .collect();
    let shared = Shared {
        site,
        templates: &templates,
        site_view: value(&SiteView::new(site, preview)),
        vacancy_views,
        preview,
    };

    let mut jobs: Vec<Job> = page_jobs(&shared).into_iter().map(Job::Page).collect();
    jobs.extend(feeds::jobs(&shared).into_iter().map(Job::Feed));
    jobs.extend([Job::Sitemap, Job::Robots, Job::NotFound]);
    let count = jobs.len();
    let failures: Vec<RenderError<E>> = jobs
        .into_par_iter()
        .filter_map(|job| {
            let file = match job {
                Job::Page(page) => render_page(&shared, page),
                Job::Feed(feed) => feeds::render_feed(&shared, &feed),
                Job::Sitemap => feeds::sitemap(&shared),
                Job::Robots => feeds::robots(&shared),
                Job::NotFound => render_404(&shared),
            };
            match file {
                Ok(file) => sink(file).err().map(RenderError::Sink),
                Err(problems) => Some(RenderError::Templates(problems)),
            }
        })
        .collect();

    let mut problems = Diagnostics::default();
    for failure in failures {
        match failure {
            RenderError::Templates(found) => problems.extend(found.into_vec()),
            sink_error => return Err(sink_error),
        }
    }
    if problems.has_errors() {
        // One broken template breaks every page using it: say it once.
        problems.sort();
        problems.dedup();
        return Err(RenderError::Templates(problems));
    }
    Ok(count)
}

/// Renders the whole site into memory, sorted by path.
pub fn render(site: &Site, theme: &Theme, preview: bool) -> Result<Vec<OutputFile>, Diagnostics> {
    let files = std::sync::Mutex::new(Vec::new());
    let collect = |file: OutputFile| -> Result<(), std::convert::Infallible> {
        files
            .lock()
            .expect("no panics while holding the lock")
            .push(file);
        Ok(())
    };
    match render_into(site, theme, preview, &collect) {
        Ok(_) => {}
        Err(RenderError::Templates(problems)) => return Err(problems),
        Err(RenderError::Sink(never)) => match never {},
    }
    let mut files = files
        .into_inner()
        .expect("no panics while holding the lock");
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn value<T: Serialize + ?Sized>(view: &T) -> Value {
    Value::from_serializable(view)
}

fn page_jobs(shared: &Shared) -> Vec<PageJob> {
    let site = shared.site;
    let preview = shared.preview;
    let mut jobs = Vec::new();

    list_jobs(
        shared,
        &mut jobs,
        "index.html",
        "",
        &site.listed(),
        "feed.xml",
        vec![],
    );
    for (i, p) in site.vacancies.iter().enumerate() {
        jobs.push(PageJob {
            template: "vacancy.html",
            url: format!("jobs/{}/", p.vacancy.slug),
            noindex: !p.status.is_public() || preview,
            vacancy: Some(i),
            vars: Vec::new(),
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
            noindex: preview,
            vacancy: None,
            vars: vec![("terms", value(&views))],
        });
        for term in terms {
            let view = TermView::new(term, folder);
            let listed = listed_of(term, site);
            let (url, feed_url) = (view.url.clone(), view.feed_url.clone());
            list_jobs(
                shared,
                &mut jobs,
                term_template,
                &url,
                &listed,
                &feed_url,
                vec![("term", value(&view))],
            );
        }
    }
    for page in &site.pages {
        jobs.push(PageJob {
            template: "page.html",
            url: format!("{}/", page.page.slug),
            noindex: preview || page.page.draft,
            vacancy: None,
            vars: vec![
                (
                    "page",
                    value(&serde_json::json!({
                        "title": page.page.title,
                        "slug": page.page.slug,
                        "description": page.page.description,
                        "draft": page.page.draft,
                    })),
                ),
                ("body", Value::safe_string(&page.body_html)),
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
        let vacancies: Vec<Value> = chunk
            .iter()
            .map(|&i| shared.vacancy_views[i].clone())
            .collect();
        let mut vars = extra.clone();
        vars.push(("vacancies", Value::from(vacancies)));
        vars.push(("count", Value::from(listed.len())));
        vars.push(("feed_url", Value::from(feed_url)));
        vars.push(("pagination", value(&paths::pagination(base, number, total))));
        jobs.push(PageJob {
            template,
            url: paths::list_page(base, number),
            noindex: shared.preview,
            vacancy: None,
            vars,
        });
    }
}

/// The variables every page receives.
fn page_context(
    shared: &Shared,
    root: &str,
    home_url: &str,
    url: &str,
    noindex: bool,
) -> tera::Context {
    let mut context = tera::Context::new();
    context.insert_value("site", shared.site_view.clone());
    context.insert("root", root);
    context.insert("home_url", home_url);
    context.insert("page_url", url);
    context.insert("canonical_url", &shared.site.config.base_url.join(url));
    context.insert("noindex", &noindex);
    context
}

fn render_page(shared: &Shared, job: PageJob) -> Result<OutputFile, Diagnostics> {
    let root = root_prefix(&job.url);
    let mut context = page_context(
        shared,
        &root,
        &paths::home_url(&root),
        &job.url,
        job.noindex,
    );
    if let Some(i) = job.vacancy {
        let p = &shared.site.vacancies[i];
        context.insert_value("vacancy", shared.vacancy_views[i].clone());
        context.insert_value("body", Value::safe_string(&p.body_html));
        if p.status.is_public() {
            let json_ld = jsonld::job_posting(&p.vacancy, &p.body_html, &shared.site.config);
            context.insert_value("json_ld", Value::safe_string(&json_ld));
        }
    }
    for (name, value) in job.vars {
        context.insert_value(name, value);
    }
    let html = shared.templates.render(job.template, &context)?;
    Ok(OutputFile {
        path: format!("{}index.html", job.url),
        bytes: html.into_bytes(),
    })
}

/// `404.html` is served at any depth, so its links are absolute paths.
fn render_404(shared: &Shared) -> Result<OutputFile, Diagnostics> {
    let base = &shared.site.config.base_url.path;
    let mut context = page_context(shared, base, base, "404.html", true);
    context.insert(
        "canonical_url",
        &shared.site.config.base_url.join("404.html"),
    );
    let html = shared.templates.render("404.html", &context)?;
    Ok(OutputFile {
        path: "404.html".to_owned(),
        bytes: html.into_bytes(),
    })
}
