//! Atom 1.0 feeds (`atom.xml`) beside every RSS feed: the same items in the
//! same order, written with the theme's `atom.xml` template.

use serde::Serialize;

use crate::calendar;
use crate::diagnostics::Diagnostics;
use crate::routes::{FeedFormat, Route};

use super::feed_items::{self, FeedSource};
use super::{OutputFile, Renderer, feeds};

#[derive(Serialize)]
struct AtomFeed {
    /// The feed's id: the absolute URL of the list's page.
    id: String,
    title: String,
    subtitle: String,
    language: String,
    /// The build moment, RFC 3339.
    updated: String,
    /// Who the feed is from: the employer, or the site's title.
    author: String,
    link: String,
    self_url: String,
    entries: Vec<AtomEntry>,
}

#[derive(Serialize)]
struct AtomEntry {
    /// The vacancy's absolute URL.
    id: String,
    title: String,
    link: String,
    /// The start of its posted day, RFC 3339.
    published: String,
    updated: String,
    /// Plain text: band, salary, towns, employer, closing moment, summary.
    summary: String,
    /// HTML, escaped by the template.
    content_html: String,
    categories: Vec<String>,
}

pub(super) fn render(
    r: &Renderer,
    template: &str,
    source: &FeedSource<'_>,
) -> Result<OutputFile, Diagnostics> {
    let site = &*r.site;
    let base = &site.config.base_url;
    let route = Route::FeedIn {
        list: source.listing,
        format: FeedFormat::Atom,
    };
    let entries = source
        .items
        .iter()
        .map(|p| {
            let v = &p.vacancy;
            let posted = calendar::iso8601(&feed_items::posted_moment(v, site));
            let mut categories = vec![v.band.to_string()];
            categories.extend(
                feed_items::town_names(v, site)
                    .into_iter()
                    .map(str::to_owned),
            );
            AtomEntry {
                id: feed_items::link(v, site),
                title: v.title.clone(),
                link: feed_items::link(v, site),
                published: posted.clone(),
                updated: posted,
                summary: feed_items::text(v, site),
                content_html: feed_items::html(v, site),
                categories,
            }
        })
        .collect();
    let feed = AtomFeed {
        id: base.join(&source.listing.url()),
        title: source.title.clone(),
        subtitle: site
            .config
            .description
            .clone()
            .unwrap_or_else(|| format!("Open vacancies: {}", site.config.title)),
        language: site.config.language.clone(),
        updated: calendar::iso8601(&site.now),
        author: site
            .config
            .employer
            .as_ref()
            .map_or_else(|| site.config.title.clone(), |e| e.name.clone()),
        link: base.join(&source.listing.url()),
        self_url: base.join(&route.url()),
        entries,
    };
    let mut context = tera::Context::new();
    context.insert("feed", &feed);
    feeds::render_xml(r, template, &route, context)
}
