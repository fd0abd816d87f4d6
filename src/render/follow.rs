//! Following a list: the band-in-town lists, the Atom, JSON and calendar
//! files beside every RSS feed, each open vacancy's calendar file, the
//! alerts page, and what list pages are told about all of them.
//!
//! The renderer's targets only name these files; what they list and
//! what their templates see is decided here.

use serde::Serialize;
use tera::Value;

use crate::routes::{FeedFormat, Listing, Route};
use crate::site::{Site, Status};

use crate::diagnostics::Diagnostics;

use super::targets::{Folder, List, Target};
use super::views::CategoryView;
use super::{OutputFile, Renderer, atom, feed_items, ics, json_feed, value};

/// A list's feeds and calendar, site-relative: `feeds` in list templates.
#[derive(Debug, Clone, Serialize)]
pub struct FeedLinks {
    pub rss: String,
    pub atom: String,
    pub json: String,
    pub calendar: String,
}

impl FeedLinks {
    pub fn of(list: Listing<'_>) -> Self {
        let file = |format| Route::FeedIn { list, format }.url();
        Self {
            rss: Route::Feed { list }.url(),
            atom: file(FeedFormat::Atom),
            json: file(FeedFormat::Json),
            calendar: file(FeedFormat::Calendar),
        }
    }
}

/// A band in a town, as templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct PairView {
    /// "Band 6 in Dartford".
    pub name: String,
    pub band: CategoryView,
    pub town: CategoryView,
    /// The pair's first page, site-relative.
    pub url: String,
    pub feed_url: String,
    pub feeds: FeedLinks,
    /// Listed (open) vacancies.
    pub count: usize,
}

fn pair_view(site: &Site, p: usize) -> PairView {
    let pair = &site.band_in_town[p];
    let (band, town) = (&site.bands[pair.band], &site.towns[pair.town]);
    let list = pair_listing(site, p);
    PairView {
        name: format!("{} in {}", band.name, town.name),
        band: CategoryView::new(band, Listing::Band(&band.slug), site),
        town: CategoryView::new(town, Listing::Town(&town.slug), site),
        url: list.url(),
        feed_url: Route::Feed { list }.url(),
        feeds: FeedLinks::of(list),
        count: pair.listed,
    }
}

/// The routes' name of pair `p`.
pub(super) fn pair_listing(site: &Site, p: usize) -> Listing<'_> {
    let pair = &site.band_in_town[p];
    Listing::BandInTown(&site.towns[pair.town].slug, &site.bands[pair.band].slug)
}

/// The pair of town `town` and band `band` (slugs), with how many it lists.
pub(super) fn pair_named(site: &Site, town: &str, band: &str) -> Option<(List, usize)> {
    let p = site.band_in_town.iter().position(|pair| {
        site.towns[pair.town].slug == town && site.bands[pair.band].slug == band
    })?;
    Some((List::Pair(p), site.band_in_town[p].listed))
}

/// What a pair's list page lists (its listed vacancies) and its `term`,
/// `band` and `town`.
pub(super) fn pair_page(site: &Site, p: usize) -> (Vec<usize>, Vec<(&'static str, Value)>) {
    let pair = &site.band_in_town[p];
    let listed = pair
        .vacancies
        .iter()
        .copied()
        .filter(|&i| site.vacancies[i].status.is_listed())
        .collect();
    let view = pair_view(site, p);
    let vars = vec![
        ("band", value(&view.band)),
        ("town", value(&view.town)),
        ("term", value(&view)),
    ];
    (listed, vars)
}

/// What every list page gets besides its vacancies: `feeds`, and on a
/// band's or a town's page the pairs it is in with open vacancies
/// (`band_in_town`).
pub(super) fn list_vars(
    site: &Site,
    list: List,
    listing: Listing<'_>,
) -> Vec<(&'static str, Value)> {
    let mut vars = vec![("feeds", value(&FeedLinks::of(listing)))];
    if let List::Category(folder, t) = list {
        let pairs: Vec<PairView> = (0..site.band_in_town.len())
            .filter(|&p| {
                let pair = &site.band_in_town[p];
                let of = match folder {
                    Folder::Bands => pair.band,
                    Folder::Locations => pair.town,
                };
                of == t && pair.listed > 0
            })
            .map(|p| pair_view(site, p))
            .collect();
        vars.push(("band_in_town", value(&pairs)));
    }
    vars
}

/// Vacancy `i`, if it is open: only open vacancies have a calendar file.
pub(super) fn open_vacancy(site: &Site, i: usize) -> Option<usize> {
    (site.vacancies[i].status == Status::Open).then_some(i)
}

/// The template of a list's feed in `format`; JSON and calendars are
/// written by the program, not a template.
pub(super) fn template(format: FeedFormat) -> &'static str {
    match format {
        FeedFormat::Atom => "atom.xml",
        FeedFormat::Json | FeedFormat::Calendar => "",
    }
}

pub(super) fn render_feed(
    r: &Renderer,
    template: &str,
    list: List,
    format: FeedFormat,
) -> Result<OutputFile, Diagnostics> {
    let source = feed_items::source(r, list);
    match format {
        FeedFormat::Atom => atom::render(r, template, &source),
        FeedFormat::Json => Ok(json_feed::render(&r.site, &source)),
        FeedFormat::Calendar => Ok(ics::list_calendar(&r.site, &source)),
    }
}

/// One list on the alerts page: its page, feeds and calendar.
#[derive(Debug, Clone, Serialize)]
struct AlertView {
    /// "All jobs", "Band 6 jobs", "Jobs in Dartford", "Band 6 jobs in Dartford".
    title: String,
    /// The band's and the town's slug, `""` for any.
    band: String,
    town: String,
    url: String,
    feeds: FeedLinks,
    count: usize,
}

/// `choices` (the bands and towns, each `{name, slug, count}`) and `alerts`
/// (every list: all jobs, each band, each town, each band in a town).
pub(super) fn alerts_vars(site: &Site) -> Vec<(&'static str, Value)> {
    let alert = |title: String, band: &str, town: &str, list: Listing<'_>, count| AlertView {
        title,
        band: band.to_owned(),
        town: town.to_owned(),
        url: list.url(),
        feeds: FeedLinks::of(list),
        count,
    };
    let open = site
        .vacancies
        .iter()
        .filter(|p| p.status.is_listed())
        .count();
    let mut alerts = vec![alert("All jobs".to_owned(), "", "", Listing::All, open)];
    for b in &site.bands {
        let title = format!("{} jobs", b.name);
        alerts.push(alert(title, &b.slug, "", Listing::Band(&b.slug), b.listed));
    }
    for t in &site.towns {
        let title = format!("Jobs in {}", t.name);
        alerts.push(alert(title, "", &t.slug, Listing::Town(&t.slug), t.listed));
    }
    for (p, pair) in site.band_in_town.iter().enumerate() {
        let (b, t) = (&site.bands[pair.band], &site.towns[pair.town]);
        let title = format!("{} jobs in {}", b.name, t.name);
        let list = pair_listing(site, p);
        alerts.push(alert(title, &b.slug, &t.slug, list, pair.listed));
    }
    let choice = |folder: Folder| -> Vec<CategoryView> {
        folder
            .categories(site)
            .iter()
            .map(|t| CategoryView::new(t, folder.listing(&t.slug), site))
            .collect()
    };
    vec![
        (
            "choices",
            value(&serde_json::json!({
                "bands": choice(Folder::Bands),
                "towns": choice(Folder::Locations),
            })),
        ),
        ("alerts", value(&alerts)),
    ]
}

/// The files of following, added to `targets` after the others: each
/// pair's pages and RSS feed, every list's Atom, JSON and calendar files,
/// each open vacancy's calendar file and the alerts page.
pub(super) fn add_targets(
    site: &Site,
    targets: &mut Vec<Target>,
    list: impl Fn(&mut Vec<Target>, List, usize),
) {
    for (p, pair) in site.band_in_town.iter().enumerate() {
        list(targets, List::Pair(p), pair.listed);
    }
    targets.extend((0..site.band_in_town.len()).map(|p| Target::Feed(List::Pair(p))));
    let mut lists = vec![List::Home];
    for folder in Folder::BOTH {
        lists.extend((0..folder.categories(site).len()).map(|t| List::Category(folder, t)));
    }
    lists.extend((0..site.band_in_town.len()).map(List::Pair));
    for format in FeedFormat::ALL {
        targets.extend(lists.iter().map(|&list| Target::FeedIn(list, format)));
    }
    targets.extend(
        (0..site.vacancies.len())
            .filter(|&i| site.vacancies[i].status == Status::Open)
            .map(Target::ClosingDate),
    );
    targets.push(Target::Alerts);
}
