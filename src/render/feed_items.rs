//! What every feed of a list holds, whatever its format: the list's title
//! and its open vacancies in order (newest first, at most `feed_items`),
//! and each vacancy told in words a reader shows: band, salary, town(s),
//! employer and the closing moment.
//!
//! RSS, Atom, JSON Feed and the calendars all start here, so they carry the
//! same items in the same order.

use jiff::Zoned;

use crate::calendar;
use crate::routes::{Listing, Route};
use crate::site::{Advert, Site};
use crate::vacancy::Vacancy;

use super::targets::{Folder, List};
use super::{Renderer, escape_html};

/// A list's feed, before it is written in any format.
pub(super) struct FeedSource<'a> {
    pub title: String,
    pub listing: Listing<'a>,
    /// Open vacancies only, in the list's order.
    pub items: Vec<&'a Advert>,
}

/// The feed of `list`.
pub(super) fn source(r: &Renderer, list: List) -> FeedSource<'_> {
    let site = &*r.site;
    let site_title = &site.config.title;
    let (title, of_list): (String, Option<&[usize]>) = match list {
        List::Home => (site_title.clone(), None),
        List::Category(folder, t) => {
            let term = &folder.categories(site)[t];
            let title = match folder {
                Folder::Bands => format!("{} jobs: {site_title}", term.name),
                Folder::Locations => format!("Jobs in {}: {site_title}", term.name),
            };
            (title, Some(&term.vacancies))
        }
        List::Pair(p) => {
            let pair = &site.band_in_town[p];
            let (band, town) = (&site.bands[pair.band].name, &site.towns[pair.town].name);
            (
                format!("{band} jobs in {town}: {site_title}"),
                Some(&pair.vacancies),
            )
        }
    };
    let limit = match site.config.feed_items {
        0 => usize::MAX,
        n => n,
    };
    let candidates: Box<dyn Iterator<Item = &Advert>> = match of_list {
        None => Box::new(site.vacancies.iter()),
        Some(list) => Box::new(list.iter().map(|&i| &site.vacancies[i])),
    };
    FeedSource {
        title,
        listing: r.targets.listing(list),
        items: candidates
            .filter(|p| p.status.is_public())
            .take(limit)
            .collect(),
    }
}

/// The facts of `v` a reader shows, one line each: "Band 6",
/// "Salary: £40,617 to £48,778 a year", "Location: Dartford",
/// "Employer: ...", "Closes 28 January 2027 at 11:59pm".
pub(super) fn facts(v: &Vacancy, site: &Site) -> Vec<String> {
    let mut lines = vec![v.band.to_string()];
    if let Some(salary) = &v.salary {
        lines.push(format!("Salary: {}", salary.describe()));
    }
    let towns = town_names(v, site);
    let label = if towns.len() > 1 {
        "Locations"
    } else {
        "Location"
    };
    lines.push(format!("{label}: {}", towns.join(", ")));
    lines.push(format!("Employer: {}", v.employer.name));
    lines.push(format!("Closes {}", v.closes.describe()));
    lines
}

/// The distinct towns of `v`, each named as the site's town index names it.
pub(super) fn town_names<'a>(v: &'a Vacancy, site: &'a Site) -> Vec<&'a str> {
    v.towns()
        .into_iter()
        .map(|town| {
            let slug = crate::slug::slugify(town);
            site.towns
                .iter()
                .find(|t| t.slug == slug)
                .map_or(town, |t| t.name.as_str())
        })
        .collect()
}

/// Plain text: the facts as sentences, then the summary.
pub(super) fn text(v: &Vacancy, site: &Site) -> String {
    let mut text = facts(v, site).join(". ");
    text.push('.');
    if !v.summary.is_empty() {
        text.push(' ');
        text.push_str(&v.summary);
    }
    text
}

/// HTML (escaped, for a reader to show): the summary, then the facts as a
/// list.
pub(super) fn html(v: &Vacancy, site: &Site) -> String {
    let mut html = String::new();
    if !v.summary.is_empty() {
        html.push_str(&format!("<p>{}</p>", escape_html(&v.summary)));
    }
    html.push_str("<ul>");
    for line in facts(v, site) {
        html.push_str(&format!("<li>{}</li>", escape_html(&line)));
    }
    html.push_str("</ul>");
    html
}

/// The start of the day `v` was posted, in the site's time zone.
pub(super) fn posted_moment(v: &Vacancy, site: &Site) -> Zoned {
    calendar::wall_clock(
        v.posted.to_datetime(jiff::civil::Time::midnight()),
        &site.config.timezone,
    )
    .unwrap_or_else(|_| site.now.clone())
}

/// The absolute URL of `v`'s page.
pub(super) fn link(v: &Vacancy, site: &Site) -> String {
    site.config
        .base_url
        .join(&Route::Vacancy { slug: &v.slug }.url())
}
