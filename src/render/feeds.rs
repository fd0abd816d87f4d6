//! RSS feeds (all jobs, each band, each town, each band in a town), the
//! sitemap and robots.txt.
//! Each is rendered on its own from the site model; none needs the
//! vacancies' template views.

use serde::Serialize;

use crate::calendar;
use crate::diagnostics::Diagnostics;
use crate::routes::{self, Route};
use crate::site::{Advert, Site};

use super::targets::{Folder, List};
use super::{OutputFile, Renderer, feed_items};

#[derive(Serialize)]
struct Feed {
    title: String,
    description: String,
    language: String,
    /// Absolute URL of the page the feed follows.
    link: String,
    /// Absolute URL of the feed itself.
    self_url: String,
    /// The build moment, RFC 822.
    last_build_date: String,
    items: Vec<FeedItem>,
}

#[derive(Serialize)]
struct FeedItem {
    title: String,
    link: String,
    guid: String,
    pub_date: String,
    /// HTML: the summary, then band, salary, towns, employer and the
    /// closing moment as a list.
    description: String,
    categories: Vec<String>,
}

/// The RSS feed of `list`: open vacancies only, newest first, at most
/// `feed_items`.
pub(super) fn render_feed(
    r: &Renderer,
    template: &str,
    list: List,
) -> Result<OutputFile, Diagnostics> {
    let site = &*r.site;
    let source = feed_items::source(r, list);
    let feed = Route::Feed {
        list: source.listing,
    };
    let channel = Feed {
        title: source.title,
        description: site
            .config
            .description
            .clone()
            .unwrap_or_else(|| format!("Open vacancies: {}", site.config.title)),
        language: site.config.language.clone(),
        link: site.config.base_url.join(&source.listing.url()),
        self_url: site.config.base_url.join(&feed.url()),
        last_build_date: calendar::rfc822(&site.now),
        items: source.items.iter().map(|p| item(p, site)).collect(),
    };
    let mut context = tera::Context::new();
    context.insert("feed", &channel);
    render_xml(r, template, &feed, context)
}

fn item(p: &Advert, site: &Site) -> FeedItem {
    let v = &p.vacancy;
    let mut categories = vec![v.band.to_string()];
    categories.extend(
        feed_items::town_names(v, site)
            .into_iter()
            .map(str::to_owned),
    );
    FeedItem {
        title: v.title.clone(),
        link: feed_items::link(v, site),
        guid: v.reference.clone(),
        pub_date: calendar::rfc822(&feed_items::posted_moment(v, site)),
        description: feed_items::html(v, site),
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
            site.band_in_town
                .iter()
                .enumerate()
                .filter(|(_, pair)| pair.listed > 0)
                .map(|(p, _)| base.join(&super::follow::pair_listing(site, p).url())),
        );
        urls.push(base.join(&Route::Alerts.url()));
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

pub(super) fn render_xml(
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
