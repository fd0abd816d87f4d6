//! Band in town: the lists of one band's vacancies in one town
//! (`/locations/dartford/band-6/`), made from the band and town indexes,
//! and the check that no band's slug takes a name a town's own folder uses.
//!
//! A pair exists while any published advert names both (the rule band and
//! town pages follow): with nothing open its page says so and its feeds are
//! valid and empty.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{Advert, Category};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::routes::TOWN_FOLDER_NAMES;
use crate::vacancy::Vacancy;

/// One band in one town, with the vacancies naming both.
#[derive(Debug, Clone)]
pub struct BandInTown {
    /// Index into `Site::towns`.
    pub town: usize,
    /// Index into `Site::bands`.
    pub band: usize,
    /// Indexes into `Site::vacancies`, newest first, of every published
    /// advert in this band and town (listed or closed).
    pub vacancies: Vec<usize>,
    /// How many of them are listed (open, or previews).
    pub listed: usize,
}

/// Every pair a published advert names: by town (in the towns' order),
/// then by band in pay order.
pub fn pairs(published: &[Advert], bands: &[Category], towns: &[Category]) -> Vec<BandInTown> {
    let mut band_of = vec![usize::MAX; published.len()];
    for (b, band) in bands.iter().enumerate() {
        for &i in &band.vacancies {
            band_of[i] = b;
        }
    }
    let mut pairs = Vec::new();
    for (t, town) in towns.iter().enumerate() {
        let mut by_band: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &i in &town.vacancies {
            by_band.entry(band_of[i]).or_default().push(i);
        }
        for (band, vacancies) in by_band {
            let listed = vacancies
                .iter()
                .filter(|&&i| published[i].status.is_listed())
                .count();
            pairs.push(BandInTown {
                town: t,
                band,
                vacancies,
                listed,
            });
        }
    }
    pairs
}

/// An advert whose band's slug is a name a town's folder already uses
/// (`page`): its band-in-town page would sit where the town's later pages
/// or feeds are.
pub fn check_band_slugs(vacancies: &[Arc<Vacancy>], problems: &mut Diagnostics) {
    for v in vacancies {
        let slug = v.band.slug();
        if TOWN_FOLDER_NAMES.contains(&slug.as_str()) {
            problems.push(
                Diagnostic::error(
                    &v.source,
                    format!(
                        "the band \"{}\" cannot have a page in each town: locations/<town>/{slug}/ is where the town's own pages go",
                        v.band
                    ),
                )
                .hint("write the grade another way, e.g. \"Page grade\", or use an Agenda for Change band such as 6"),
            );
        }
    }
}
