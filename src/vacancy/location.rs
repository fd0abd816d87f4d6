//! Where a post is based: a town, or a site with its address.

use crate::config::SiteConfig;
use crate::content::fields::{self, Fields, Spanned};
use crate::content::yaml::{Kind, Value};
use crate::diagnostics::FileReport;
use crate::schema;
use crate::slug::slugify;

/// The most sites one advert may list.
/// The most sites an advert may list.
pub(crate) const MAX_SITES: usize = 10;

/// One place a vacancy is based. `town` is the key of the location index.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Location {
    pub site: Option<String>,
    pub address: Vec<String>,
    pub town: String,
    pub county: Option<String>,
    pub postcode: Option<String>,
    pub country: String,
}

impl Location {
    pub fn town_only(town: String, country: &str) -> Self {
        Self {
            site: None,
            address: Vec::new(),
            town,
            county: None,
            postcode: None,
            country: country.to_owned(),
        }
    }

    pub fn town_slug(&self) -> String {
        slugify(&self.town)
    }

    /// The address on one line: "Littlebrook Hospital, Bow Arrow Lane, Dartford, DA2 6PB".
    pub fn one_line(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        parts.extend(self.site.as_deref());
        parts.extend(self.address.iter().map(String::as_str));
        parts.push(&self.town);
        parts.extend(self.county.as_deref());
        parts.extend(self.postcode.as_deref());
        parts.join(", ")
    }
}

/// Reads `location` (one town) or `locations` (a list of towns or sites).
pub(super) fn read(
    f: &Fields,
    config: &SiteConfig,
    report: &mut FileReport,
) -> Option<Vec<Location>> {
    let (key, value) = match (f.get("location"), f.get("locations")) {
        (Some(_), Some(v)) => {
            report.error(
                v.at,
                "both `location` and `locations` are given",
                "keep one: `location: Dartford` for one town, or `locations:` with a list",
            );
            return None;
        }
        (Some(v), None) => ("location", v),
        (None, Some(v)) => ("locations", v),
        (None, None) if f.misspelt("location") || f.misspelt("locations") => return None,
        (None, None) => {
            report.error(
                f.at,
                "the required field `location` is missing",
                "add a line such as `location: Dartford`, or a `locations:` list of sites",
            );
            return None;
        }
    };
    let items = fields::one_or_many(value);
    if items.len() > MAX_SITES {
        report.error(
            value.at,
            format!(
                "{} sites are listed; an advert can list up to {MAX_SITES}",
                items.len()
            ),
            "list the main sites, and name the others in the advert text",
        );
        return None;
    }
    if items.is_empty() {
        report.error(
            value.at,
            format!("`{key}` is empty"),
            "name at least one town",
        );
        return None;
    }
    let mut locations = Vec::new();
    let mut ok = true;
    for item in items {
        match read_location(item, key, config, report) {
            Some(location) => locations.push(location),
            None => ok = false,
        }
    }
    ok.then_some(locations)
}

fn read_location(
    value: &Value,
    key: &str,
    config: &SiteConfig,
    report: &mut FileReport,
) -> Option<Location> {
    if !matches!(value.kind, Kind::Map(_)) {
        let town = town_name(fields::text(value, key, report)?, report)?;
        return Some(Location::town_only(town, &config.country));
    }
    let f = Fields::new(value, "a site", schema::SITE_ADDRESS.fields, report)?;
    let town = f
        .required("town", report, "Dartford")
        .and_then(|v| fields::text(v, "town", report));
    let address = f
        .get("address")
        .map(|v| {
            fields::one_or_many(v)
                .into_iter()
                .filter_map(|line| fields::text(line, "address", report))
                .map(|line| line.value)
                .collect()
        })
        .unwrap_or_default();
    let text = |key: &str, report: &mut FileReport| f.text(key, report).map(|t| t.value);
    let town = town_name(town?, report)?;
    Some(Location {
        site: text("site", report),
        address,
        town,
        county: text("county", report),
        postcode: text("postcode", report),
        country: text("country", report).unwrap_or_else(|| config.country.clone()),
    })
}

/// A town's name, which must have letters to give its index page a slug.
fn town_name(town: Spanned<String>, report: &mut FileReport) -> Option<String> {
    if slugify(&town.value).is_empty() {
        report.error(
            town.at,
            "the town has no letters",
            "write the town's name, e.g. Dartford",
        );
        return None;
    }
    Some(town.value)
}
