//! RSS feeds (all jobs, each band, each town), the sitemap and robots.txt.
//! Each is rendered on its own from the site model; none needs the
//! vacancies' template views.

use serde::Serialize;

use crate::calendar;
use crate::diagnostics::Diagnostics;
use crate::site::{Published, Site, Term};

use super::{Folder, OutputFile, Renderer};

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

/// Which feed: all jobs, or one band's or town's.
#[derive(Debug, Clone, Copy)]
pub(super) enum FeedOf {
    All,
    Term(Folder, usize),
}

/// The feed's path in the output.
pub(super) fn path(r: &Renderer, of: FeedOf) -> String {
    match of {
        FeedOf::All => "feed.xml".to_owned(),
        FeedOf::Term(folder, t) => format!(
            "{}/{}/feed.xml",
            folder.name(),
            folder.terms(&r.site)[t].slug
        ),
    }
}

fn term_title(folder: Folder, term: &Term, site_title: &str) -> String {
    match folder {
        Folder::Bands => format!("{} jobs: {site_title}", term.name),
        Folder::Locations => format!("Jobs in {}: {site_title}", term.name),
    }
}

/// Open vacancies only, newest first, at most `feed_items`.
pub(super) fn render_feed(r: &Renderer, of: FeedOf) -> Result<OutputFile, Diagnostics> {
    let site = &*r.site;
    let (page, title, of_term) = match of {
        FeedOf::All => (String::new(), site.config.title.clone(), None),
        FeedOf::Term(folder, t) => {
            let term = &folder.terms(site)[t];
            (
                format!("{}/{}/", folder.name(), term.slug),
                term_title(folder, term, &site.config.title),
                Some(&term.vacancies),
            )
        }
    };
    let candidates: Box<dyn Iterator<Item = &Published>> = match of_term {
        None => Box::new(site.vacancies.iter()),
        Some(list) => Box::new(list.iter().map(|&i| &site.vacancies[i])),
    };
    let path = path(r, of);
    let limit = match site.config.feed_items {
        0 => usize::MAX,
        n => n,
    };
    let items = candidates
        .filter(|p| p.status.is_public())
        .take(limit)
        .map(|p| item(p, site))
        .collect();
    let feed = Feed {
        title,
        description: site
            .config
            .description
            .clone()
            .unwrap_or_else(|| format!("Open vacancies: {}", site.config.title)),
        language: site.config.language.clone(),
        link: site.config.base_url.join(&page),
        self_url: site.config.base_url.join(&path),
        items,
    };
    let mut context = tera::Context::new();
    context.insert("feed", &feed);
    render_xml(r, "feed.xml", &path, context)
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

pub(super) fn sitemap(r: &Renderer) -> Result<OutputFile, Diagnostics> {
    let site = &*r.site;
    let base = &site.config.base_url;
    let mut urls = Vec::new();
    if !r.preview {
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
    render_xml(r, "sitemap.xml", "sitemap.xml", context)
}

pub(super) fn robots(r: &Renderer) -> Result<OutputFile, Diagnostics> {
    let mut context = tera::Context::new();
    context.insert("sitemap_url", &r.site.config.base_url.join("sitemap.xml"));
    context.insert("preview", &r.preview);
    render_xml(r, "robots.txt", "robots.txt", context)
}

fn render_xml(
    r: &Renderer,
    template: &str,
    path: &str,
    mut context: tera::Context,
) -> Result<OutputFile, Diagnostics> {
    context.insert_value("site", r.site_view.clone());
    let text = r.templates.render(template, &context)?;
    Ok(OutputFile {
        path: path.to_owned(),
        bytes: text.into_bytes(),
    })
}
