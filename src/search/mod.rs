//! Search over the listed vacancies: what the index holds and what the
//! search page shows before any script runs.
//!
//! [`records`] turns each listed vacancy (the open ones; in a preview the
//! drafts and future adverts shown too) into one [`SearchRecord`]: the text
//! searched, the facts a result card shows, the filter values and the sort
//! keys. [`filters`] counts every filter value over the same vacancies, in
//! the order a candidate reads them (bands in pay order), for the search
//! page's checkboxes. `index` feeds the records to the indexer in site
//! order and gives back the bundle's files, for `output` to write.
//!
//! Filter values are the words the page shows ("Band 6", "Part time"), so
//! the page's checkboxes and the index agree without a mapping.

mod index;
mod text;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::routes::{self, Route};
use crate::site::{Advert, Site, Status};
use crate::slug::slugify;
use crate::vacancy::{Contract, WorkingPattern};

pub use index::{SearchError, bundle};

/// One vacancy as the search index holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRecord {
    /// Site-relative URL of the vacancy's page (`jobs/nurse/`).
    pub url: String,
    /// The words searched: title, reference, employer, band, towns, staff
    /// group, service, summary and the advert's text.
    pub content: String,
    /// What a result card shows, by name (see `docs/themes.md`).
    pub meta: BTreeMap<String, String>,
    /// Filter name -> the vacancy's values.
    pub filters: BTreeMap<String, Vec<String>>,
    /// Sort name -> key; keys sort as text, ties broken by site order.
    pub sort: BTreeMap<String, String>,
}

/// The filters, in the order the search page shows them: (name, legend).
pub const FILTERS: [(&str, &str); 6] = [
    ("band", "Band"),
    ("town", "Location"),
    ("employer", "Employer"),
    ("staff_group", "Staff group"),
    ("contract", "Contract"),
    ("working_pattern", "Working pattern"),
];

/// The vacancies the index holds: the listed ones (open, and in a preview
/// the drafts and future adverts shown), in site order.
fn indexed(site: &Site) -> impl Iterator<Item = (usize, &Advert)> {
    site.vacancies
        .iter()
        .filter(|p| p.status.is_listed())
        .enumerate()
}

/// The town names a vacancy is listed under, as the site spells them.
fn towns(p: &Advert, site: &Site) -> Vec<String> {
    p.vacancy
        .towns()
        .into_iter()
        .map(|town| {
            let slug = slugify(town);
            site.towns
                .iter()
                .find(|t| t.slug == slug)
                .map_or(town, |t| t.name.as_str())
                .to_owned()
        })
        .collect()
}

/// Every indexed vacancy as a record, in site order (newest first).
pub fn records(site: &Site) -> Vec<SearchRecord> {
    indexed(site)
        .map(|(rank, p)| {
            let v = &p.vacancy;
            let towns = towns(p, site);
            let band = v.band.to_string();
            let mut meta = BTreeMap::new();
            let mut put = |key: &str, value: String| {
                meta.insert(key.to_owned(), value);
            };
            put("title", v.title.clone());
            put("reference", v.reference.clone());
            put("employer", v.employer.name.clone());
            put("band", band.clone());
            put("band_code", v.band.code());
            let grade = v.band.to_string() == v.band.code();
            put(
                "band_label",
                if grade { "Grade" } else { "Band" }.to_owned(),
            );
            if let Some(salary) = &v.salary {
                put("salary", salary.describe());
            }
            put("towns", towns.join(", "));
            let several = towns.len() > 1;
            put(
                "towns_label",
                if several { "Locations" } else { "Location" }.to_owned(),
            );
            // As the list cards show them (themes/default/templates/components.html);
            // a draft's date still to fill in shows its `[[placeholder]]`
            // (and sorts by its stand-in, last of all by closing date).
            match v.placeholder_for("closes") {
                Some(t) => put("closes", t.placeholder.clone()),
                None => {
                    let closes = if v.closes.before_end_of_day() {
                        v.closes.describe()
                    } else {
                        crate::calendar::long_date(v.closes.moment.date())
                    };
                    put("closes", closes);
                    put("closes_iso", crate::calendar::iso8601(&v.closes.moment));
                }
            }
            match v.placeholder_for("posted") {
                Some(t) => put("posted", t.placeholder.clone()),
                None => {
                    put("posted", crate::calendar::long_date(v.posted));
                    put("posted_iso", v.posted.to_string());
                }
            }
            if let Some(terms) = v.terms_text() {
                put("terms", terms);
            }
            if p.is_new(site.today) {
                put("new", "true".to_owned());
            }
            put("summary", v.summary.clone());
            let status = match p.status {
                Status::Open => "open",
                Status::Closed => "closed",
                Status::Draft => "draft",
                Status::Future => "future",
            };
            put("status", status.to_owned());
            if p.closing_soon(site.today) {
                put("closing_soon", "true".to_owned());
            }

            let filters = filter_values(p, site);

            let closes_utc = v.closes.moment.timestamp().strftime("%Y-%m-%dT%H:%M:%SZ");
            let mut sort = BTreeMap::new();
            sort.insert("closes".to_owned(), format!("{closes_utc} {rank:07}"));
            sort.insert("newest".to_owned(), format!("{rank:07}"));

            let mut content = vec![v.title.as_str(), &v.reference, &v.employer.name, &band];
            content.extend(towns.iter().map(String::as_str));
            content.extend(v.staff_group.as_deref());
            content.extend(v.service.as_deref());
            content.push(&v.summary);
            let body = text::plain(p.body_html());
            content.push(&body);

            SearchRecord {
                url: Route::Vacancy { slug: &v.slug }.url(),
                content: content.join("\n"),
                meta,
                filters,
                sort,
            }
        })
        .collect()
}

/// The search bundle of `site`: the index of its listed vacancies and
/// the scripts that search it, every file under `pagefind/`, by path.
pub fn site_bundle(site: &Site) -> Result<Vec<crate::render::OutputFile>, SearchError> {
    bundle(records(site), &site.config.language)
}

/// One filter of the search page: `{name, legend, options}`.
#[derive(Debug, Clone, Serialize)]
pub struct FilterView {
    /// The filter's name in the index (`band`, `working_pattern`).
    pub name: &'static str,
    /// "Band", "Working pattern".
    pub legend: &'static str,
    pub options: Vec<FilterOption>,
}

/// One value of a filter: `{value, count, id}`.
#[derive(Debug, Clone, Serialize)]
pub struct FilterOption {
    /// The value as shown and as the index holds it ("Band 6").
    pub value: String,
    /// Indexed vacancies with this value.
    pub count: usize,
    /// A unique HTML id for its checkbox (`filter-band-band-6`).
    pub id: String,
}

/// Every filter with its values and their counts over the indexed
/// vacancies: bands in pay order, towns and employers and staff groups
/// alphabetically, contracts and working patterns in the order adverts
/// name them (permanent first, full time first). Values no indexed
/// vacancy has are left out, and so is a filter left with none.
pub fn filters(site: &Site) -> Vec<FilterView> {
    let mut counts: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for (_, p) in indexed(site) {
        for (name, values) in filter_values(p, site) {
            let values_of = counts.entry(name).or_default();
            for value in values {
                *values_of.entry(value).or_default() += 1;
            }
        }
    }
    let bands: Vec<String> = site.bands.iter().map(|t| t.name.clone()).collect();
    let contracts: Vec<String> = Contract::NAMES
        .iter()
        .filter_map(|n| Contract::parse(n))
        .map(|c| c.label().to_owned())
        .collect();
    let patterns: Vec<String> = WorkingPattern::NAMES
        .iter()
        .filter_map(|n| WorkingPattern::parse(n))
        .map(|w| w.label().to_owned())
        .collect();
    FILTERS
        .iter()
        .filter_map(|&(name, legend)| {
            let values = counts.remove(name)?;
            let order: Option<&[String]> = match name {
                "band" => Some(&bands),
                "contract" => Some(&contracts),
                "working_pattern" => Some(&patterns),
                _ => None,
            };
            let mut values: Vec<(String, usize)> = values.into_iter().collect();
            if let Some(order) = order {
                let rank = |v: &str| order.iter().position(|o| o == v).unwrap_or(order.len());
                values.sort_by(|a, b| (rank(&a.0), &a.0).cmp(&(rank(&b.0), &b.0)));
            }
            let mut ids: Vec<String> = Vec::new();
            let options = values
                .into_iter()
                .map(|(value, count)| {
                    let base = format!("filter-{}-{}", name.replace('_', "-"), slugify(&value));
                    let mut id = base.clone();
                    let mut n = 2;
                    while ids.contains(&id) {
                        id = format!("{base}-{n}");
                        n += 1;
                    }
                    ids.push(id.clone());
                    FilterOption { value, count, id }
                })
                .collect();
            Some(FilterView {
                name,
                legend,
                options,
            })
        })
        .collect()
}

/// A vacancy's value(s) of each filter it has, by filter name.
fn filter_values(p: &Advert, site: &Site) -> BTreeMap<String, Vec<String>> {
    let v = &p.vacancy;
    let mut found = BTreeMap::new();
    let mut put = |name: &str, values: Vec<String>| {
        if !values.is_empty() {
            found.insert(name.to_owned(), values);
        }
    };
    put("band", vec![v.band.to_string()]);
    put("town", towns(p, site));
    put("employer", vec![v.employer.name.clone()]);
    put("staff_group", v.staff_group.iter().cloned().collect());
    put(
        "contract",
        v.contract.iter().map(|c| c.label().to_owned()).collect(),
    );
    let mut patterns: Vec<String> = Vec::new();
    for label in v.working_pattern.iter().map(|w| w.label().to_owned()) {
        if !patterns.contains(&label) {
            patterns.push(label);
        }
    }
    put("working_pattern", patterns);
    found
}

/// `search` in `search.html`: `{count, filters, script, bands_url,
/// towns_url}`, URLs site-relative.
#[derive(Debug, Clone, Serialize)]
pub struct SearchPage {
    /// Vacancies the index holds.
    pub count: usize,
    pub filters: Vec<FilterView>,
    /// The bundle's script, to import (`pagefind/pagefind.js`).
    pub script: String,
    pub bands_url: String,
    pub towns_url: String,
}

impl SearchPage {
    pub fn new(site: &Site) -> Self {
        Self {
            count: indexed(site).count(),
            filters: filters(site),
            script: routes::SEARCH_BUNDLE_SCRIPT.url(),
            bands_url: Route::Bands.url(),
            towns_url: Route::Towns.url(),
        }
    }
}
