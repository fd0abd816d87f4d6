//! RSS feeds (all jobs, each band, each town), the sitemap and robots.txt.
//! Each is rendered on its own from the site model; none needs the
//! vacancies' template views.

use serde::Serialize;

use crate::calendar;
use crate::diagnostics::Diagnostics;
use crate::routes::{self, Route};
use crate::site::{Advert, Category, Site};

use super::targets::{Folder, List};
use super::{OutputFile, Renderer};

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

fn category_title(folder: Folder, term: &Category, site_title: &str) -> String {
    match folder {
        Folder::Bands => format!("{} jobs: {site_title}", term.name),
        Folder::Locations => format!("Jobs in {}: {site_title}", term.name),
    }
}

/// The feed of `list`: open vacancies only, newest first, at most
/// `feed_items`.
pub(super) fn render_feed(
    r: &Renderer,
    template: &str,
    list: List,
) -> Result<OutputFile, Diagnostics> {
    let site = &*r.site;
    let (title, of_term) = match list {
        List::Home => (site.config.title.clone(), None),
        List::Category(folder, t) => {
            let term = &folder.categories(site)[t];
            (
                category_title(folder, term, &site.config.title),
                Some(&term.vacancies),
            )
        }
    };
    let listing = r.targets.listing(list);
    let feed = Route::Feed { list: listing };
    let candidates: Box<dyn Iterator<Item = &Advert>> = match of_term {
        None => Box::new(site.vacancies.iter()),
        Some(list) => Box::new(list.iter().map(|&i| &site.vacancies[i])),
    };
    let limit = match site.config.feed_items {
        0 => usize::MAX,
        n => n,
    };
    let items = candidates
        .filter(|p| p.status.is_public())
        .take(limit)
        .map(|p| item(p, site))
        .collect();
    let channel = Feed {
        title,
        description: site
            .config
            .description
            .clone()
            .unwrap_or_else(|| format!("Open vacancies: {}", site.config.title)),
        language: site.config.language.clone(),
        link: site.config.base_url.join(&listing.url()),
        self_url: site.config.base_url.join(&feed.url()),
        items,
    };
    let mut context = tera::Context::new();
    context.insert("feed", &channel);
    render_xml(r, template, &feed, context)
}

fn item(p: &Advert, site: &Site) -> FeedItem {
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
        link: site
            .config
            .base_url
            .join(&Route::Vacancy { slug: &v.slug }.url()),
        guid: v.reference.clone(),
        pub_date: calendar::rfc822(&start_of_posted_day),
        description: v.summary.clone(),
        categories,
    }
}

pub(super) fn sitemap(r: &Renderer, template: &str) -> Result<OutputFile, Diagnostics> {
    let site = &*r.site;
    let base = &site.config.base_url;
    let mut urls = Vec::new();
    if !r.preview {
        urls.push(base.join(&routes::HOME.url()));
        for folder in Folder::BOTH {
            urls.push(base.join(&folder.index().url()));
        }
        for folder in Folder::BOTH {
            urls.extend(
                folder
                    .categories(site)
                    .iter()
                    .filter(|t| t.listed > 0)
                    .map(|t| base.join(&folder.listing(&t.slug).url())),
            );
        }
        urls.extend(
            site.vacancies
                .iter()
                .filter(|p| p.status.is_public())
                .map(|p| {
                    base.join(
                        &Route::Vacancy {
                            slug: &p.vacancy.slug,
                        }
                        .url(),
                    )
                }),
        );
        urls.extend(
            site.pages
                .iter()
                .map(|p| base.join(&Route::Page { slug: &p.page.slug }.url())),
        );
    }
    let mut context = tera::Context::new();
    context.insert("urls", &urls);
    render_xml(r, template, &Route::Sitemap, context)
}

pub(super) fn robots(r: &Renderer, template: &str) -> Result<OutputFile, Diagnostics> {
    let mut context = tera::Context::new();
    context.insert(
        "sitemap_url",
        &r.site.config.base_url.join(&Route::Sitemap.url()),
    );
    context.insert("preview", &r.preview);
    render_xml(r, template, &Route::Robots, context)
}

fn render_xml(
    r: &Renderer,
    template: &str,
    route: &Route<'_>,
    mut context: tera::Context,
) -> Result<OutputFile, Diagnostics> {
    context.insert_value("site", r.site_view.clone());
    let text = r.templates.render(template, &context)?;
    Ok(OutputFile {
        path: route.path(),
        bytes: text.into_bytes(),
    })
}
