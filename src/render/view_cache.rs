//! The template value of each vacancy, made the first time a page needs
//! it and then shared by its page, every list and every feed (Tera values
//! are reference-counted). For `serve`, the values a renderer made for the
//! site before a change are reused for every vacancy that did not change.

use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use tera::Value;

use super::value;
use super::views::VacancyView;
use crate::site::Site;

/// The vacancies' template values of one site, made when first needed.
pub(super) struct ViewCache {
    site: Arc<Site>,
    made: Arc<Vec<OnceLock<Value>>>,
    /// The values of the renderer before this one, for vacancies that have
    /// not changed since.
    earlier: Option<Earlier>,
}

impl ViewCache {
    pub(super) fn new(site: Arc<Site>) -> Self {
        let made = Arc::new((0..site.vacancies.len()).map(|_| OnceLock::new()).collect());
        Self {
            site,
            made,
            earlier: None,
        }
    }

    /// Takes the values `earlier` (the cache of the site before a change)
    /// has made, for every vacancy that is the same `Arc` with the same
    /// status, if nothing else a view shows changed (the date, the address,
    /// the towns' names). After one advert is saved, a list of 10,000 then
    /// makes one view instead of 10,000.
    pub(super) fn reuse(&mut self, earlier: &ViewCache) {
        let (a, b) = (&*self.site, &*earlier.site);
        let town_names = |site: &Site| -> Vec<(String, String)> {
            site.towns
                .iter()
                .map(|t| (t.slug.clone(), t.name.clone()))
                .collect()
        };
        let same = a.config.base_url == b.config.base_url
            && a.now.date() == b.now.date()
            && a.today == b.today
            && town_names(a) == town_names(b);
        if same {
            self.earlier = Some(Earlier {
                site: Arc::clone(&earlier.site),
                views: Arc::clone(&earlier.made),
                map: OnceLock::new(),
            });
        }
    }

    /// The template value of vacancy `i`, made on first use (or taken
    /// from the cache before, if it made it and it still holds).
    pub(super) fn get(&self, i: usize) -> Value {
        self.made[i]
            .get_or_init(|| {
                self.earlier
                    .as_ref()
                    .and_then(|earlier| earlier.view(&self.site, i))
                    .unwrap_or_else(|| {
                        value(&VacancyView::new(&self.site.vacancies[i], &self.site))
                    })
            })
            .clone()
    }

    /// The values of vacancies `list`, made on every core if many are new.
    pub(super) fn of(&self, list: &[usize]) -> Vec<Value> {
        if list.len() > 64 {
            list.par_iter().map(|&i| self.get(i)).collect()
        } else {
            list.iter().map(|&i| self.get(i)).collect()
        }
    }

    /// Makes every value at once on every core, rather than in whichever
    /// page needs them first.
    pub(super) fn make_all(&self) {
        (0..self.made.len()).into_par_iter().for_each(|i| {
            self.get(i);
        });
    }
}

/// The views a renderer made for the site before a change.
pub(super) struct Earlier {
    site: Arc<Site>,
    views: Arc<Vec<OnceLock<Value>>>,
    /// For each vacancy now, where the same one (same `Arc`, same status)
    /// was then; made on first use.
    map: OnceLock<Vec<Option<u32>>>,
}

impl Earlier {
    fn view(&self, site: &Site, i: usize) -> Option<Value> {
        let map = self.map.get_or_init(|| {
            let then: HashMap<*const crate::vacancy::Vacancy, usize> = self
                .site
                .vacancies
                .iter()
                .enumerate()
                .map(|(j, p)| (Arc::as_ptr(&p.vacancy), j))
                .collect();
            site.vacancies
                .iter()
                .map(|p| {
                    let &j = then.get(&Arc::as_ptr(&p.vacancy))?;
                    let same = self.site.vacancies[j].status == p.status;
                    same.then(|| u32::try_from(j).ok()).flatten()
                })
                .collect()
        });
        let j = map[i]? as usize;
        self.views[j].get().cloned()
    }
}
