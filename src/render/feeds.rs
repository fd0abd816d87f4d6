//! RSS feeds (all jobs, each band, each town), the sitemap and robots.txt.

use serde::Serialize;

use crate::calendar;
use crate::diagnostics::Diagnostics;
use crate::site::{Published, Site, Term};

use super::{OutputFile, Shared};

#[derive(Serialize)]
struct Feed {
    title: String,
    description: String,
    language: String,
    /// Absolute URL of the page the feed follows.
    link: String,
    /// Absolute URL of the feed itself.
    self_url: String,
    items: Vec<FeedItem>,
}

#[derive(Serialize)]
struct FeedItem {
    title: String,
    link: String,
    guid: String,
    pub_date: String,
    description: String,
    categories: Vec<String>,
}

/// A feed to render: the page it follows, its own path, and the vacancies
/// it may hold (open ones are kept).
pub(super) struct FeedJob {
    page: String,
    path: String,
    title: String,
    candidates: Vec<usize>,
}

/// Every feed: all jobs, each band, each town.
pub(super) fn jobs(shared: &Shared) -> Vec<FeedJob> {
    let site = shared.site;
    let mut jobs = vec![FeedJob {
        page: String::new(),
        path: "feed.xml".to_owned(),
        title: site.config.title.clone(),
        candidates: (0..site.vacancies.len()).collect(),
    }];
    for (folder, terms) in [("bands", &site.bands), ("locations", &site.towns)] {
        for term in terms {
            jobs.push(FeedJob {
                page: format!("{folder}/{}/", term.slug),
                path: format!("{folder}/{}/feed.xml", term.slug),
                title: term_title(folder, term, &site.config.title),
                candidates: term.vacancies.clone(),
            });
        }
    }
    jobs
}

fn term_title(folder: &str, term: &Term, site_title: &str) -> String {
    match folder {
        "bands" => format!("{} jobs: {site_title}", term.name),
        _ => format!("Jobs in {}: {site_title}", term.name),
    }
}

/// Open vacancies only, newest first, at most `feed_items`.
pub(super) fn render_feed(shared: &Shared, job: &FeedJob) -> Result<OutputFile, Diagnostics> {
    let (page, path, title, candidates) = (&job.page, &job.path, &job.title, &job.candidates);
    let site = shared.site;
    let limit = match site.config.feed_items {
        0 => usize::MAX,
        n => n,
    };
    let items = candidates
        .iter()
        .map(|&i| &site.vacancies[i])
        .filter(|p| p.status.is_public())
        .take(limit)
        .map(|p| item(p, site))
        .collect();
    let feed = Feed {
        title: title.to_owned(),
        description: site
            .config
            .description
            .clone()
            .unwrap_or_else(|| format!("Open vacancies: {}", site.config.title)),
        language: site.config.language.clone(),
        link: site.config.base_url.join(page),
        self_url: site.config.base_url.join(path),
        items,
    };
    let mut context = tera::Context::new();
    context.insert("feed", &feed);
    render_xml(shared, "feed.xml", path, context)
}

fn item(p: &Published, site: &Site) -> FeedItem {
    let v = &p.vacancy;
    let start_of_posted_day = calendar::wall_clock(
        v.posted.to_datetime(jiff::civil::Time::midnight()),
        &site.config.timezone,
    )
    .unwrap_or_else(|_| site.now.clone());
    let mut categories = vec![v.band.to_string()];
    categories.extend(v.towns().into_iter().map(str::to_owned));
    FeedItem {
        title: v.title.clone(),
        link: site.config.base_url.join(&format!("jobs/{}/", v.slug)),
        guid: v.reference.clone(),
        pub_date: calendar::rfc822(&start_of_posted_day),
        description: v.summary.clone(),
        categories,
    }
}

pub(super) fn sitemap(shared: &Shared) -> Result<OutputFile, Diagnostics> {
    let site = shared.site;
    let base = &site.config.base_url;
    let mut urls = Vec::new();
    if !shared.preview {
        urls.push(base.join(""));
        urls.push(base.join("bands/"));
        urls.push(base.join("locations/"));
        for (folder, terms) in [("bands", &site.bands), ("locations", &site.towns)] {
            urls.extend(
                terms
                    .iter()
                    .filter(|t| t.listed > 0)
                    .map(|t| base.join(&format!("{folder}/{}/", t.slug))),
            );
        }
        urls.extend(
            site.vacancies
                .iter()
                .filter(|p| p.status.is_public())
                .map(|p| base.join(&format!("jobs/{}/", p.vacancy.slug))),
        );
        urls.extend(
            site.pages
                .iter()
                .map(|p| base.join(&format!("{}/", p.page.slug))),
        );
    }
    let mut context = tera::Context::new();
    context.insert("urls", &urls);
    render_xml(shared, "sitemap.xml", "sitemap.xml", context)
}

pub(super) fn robots(shared: &Shared) -> Result<OutputFile, Diagnostics> {
    let mut context = tera::Context::new();
    context.insert(
        "sitemap_url",
        &shared.site.config.base_url.join("sitemap.xml"),
    );
    context.insert("preview", &shared.preview);
    render_xml(shared, "robots.txt", "robots.txt", context)
}

fn render_xml(
    shared: &Shared,
    template: &str,
    path: &str,
    mut context: tera::Context,
) -> Result<OutputFile, Diagnostics> {
    context.insert_value("site", shared.site_view.clone());
    let text = shared.templates.render(template, &context)?;
    Ok(OutputFile {
        path: path.to_owned(),
        bytes: text.into_bytes(),
    })
}
