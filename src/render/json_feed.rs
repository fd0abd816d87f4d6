//! JSON Feed 1.1 (`feed.json`) beside every RSS feed: the same items in the
//! same order, written with serde_json (every string escaped by it), with
//! the vacancy's facts also under the `_vacancy` extension.

use serde::Serialize;

use crate::calendar;
use crate::routes::{FeedFormat, Route};
use crate::site::Site;

use super::OutputFile;
use super::feed_items::{self, FeedSource};

const VERSION: &str = "https://jsonfeed.org/version/1.1";

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: String,
    feed_url: String,
    description: String,
    language: &'a str,
    authors: Vec<Author<'a>>,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct Author<'a> {
    name: &'a str,
}

#[derive(Serialize)]
struct Item {
    /// The vacancy's reference, as the RSS `guid`.
    id: String,
    url: String,
    title: String,
    content_html: String,
    content_text: String,
    summary: String,
    date_published: String,
    tags: Vec<String>,
    #[serde(rename = "_vacancy")]
    vacancy: Facts,
}

/// The facts of the advert, for programs (JSON Feed's extension rule: a
/// key starting with `_`).
#[derive(Serialize)]
struct Facts {
    reference: String,
    band: String,
    salary: Option<String>,
    towns: Vec<String>,
    employer: String,
    /// The closing moment, RFC 3339 with the site's offset.
    closes: String,
    /// "28 January 2027 at 11:59pm".
    closes_text: String,
}

pub(super) fn render(site: &Site, source: &FeedSource<'_>) -> OutputFile {
    let base = &site.config.base_url;
    let route = Route::FeedIn {
        list: source.listing,
        format: FeedFormat::Json,
    };
    let items = source
        .items
        .iter()
        .map(|p| {
            let v = &p.vacancy;
            let towns: Vec<String> = feed_items::town_names(v, site)
                .into_iter()
                .map(str::to_owned)
                .collect();
            let mut tags = vec![v.band.to_string()];
            tags.extend(towns.iter().cloned());
            Item {
                id: v.reference.clone(),
                url: feed_items::link(v, site),
                title: v.title.clone(),
                content_html: feed_items::html(v, site),
                content_text: feed_items::text(v, site),
                summary: feed_items::facts(v, site).join(". "),
                date_published: calendar::iso8601(&feed_items::posted_moment(v, site)),
                tags,
                vacancy: Facts {
                    reference: v.reference.clone(),
                    band: v.band.to_string(),
                    salary: v.salary.as_ref().map(|s| s.describe()),
                    towns,
                    employer: v.employer.name.clone(),
                    closes: calendar::iso8601(&v.closes.moment),
                    closes_text: v.closes.describe(),
                },
            }
        })
        .collect();
    let author = site
        .config
        .employer
        .as_ref()
        .map_or(site.config.title.as_str(), |e| e.name.as_str());
    let feed = JsonFeed {
        version: VERSION,
        title: &source.title,
        home_page_url: base.join(&source.listing.url()),
        feed_url: base.join(&route.url()),
        description: site
            .config
            .description
            .clone()
            .unwrap_or_else(|| format!("Open vacancies: {}", site.config.title)),
        language: &site.config.language,
        authors: vec![Author { name: author }],
        items,
    };
    let mut bytes = serde_json::to_vec_pretty(&feed).expect("a feed is always serialisable");
    bytes.push(b'\n');
    OutputFile {
        path: route.path(),
        bytes,
    }
}
