//! Where a post is based: a town, or a site with its address.

use crate::slug::slugify;

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
