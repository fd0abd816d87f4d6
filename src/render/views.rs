//! What templates see: plain, serialisable views of the site model, with
//! every date and figure already worded. `docs/themes.md` documents them.
//!
//! Each vacancy is turned into a view once and shared by its page, every
//! list it appears in and every feed.

use serde::Serialize;

use crate::calendar;
use crate::config::Employer;
use crate::routes::{Listing, Route};
use crate::site::{Advert, Category, Site, Status};
use crate::vacancy::salary::pounds;
use crate::vacancy::{self, Contact, DocumentTarget, Location, PayPeriod, Vacancy};

/// `site`, in every template.
#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub language: &'a str,
    pub base_url: &'a str,
    pub employer: Option<&'a Employer>,
    pub employers: &'a [Employer],
    pub privacy_url: Option<&'a str>,
    pub accessibility_url: Option<&'a str>,
    pub disability_confident: bool,
    pub logo: Option<&'a str>,
    /// Free pages in the navigation: `{title, url}`.
    pub menu: Vec<Link>,
    /// True when drafts or future adverts are shown: never publish this.
    pub preview: bool,
    /// The build moment: `{iso, date}`.
    pub now: Moment,
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

/// A date as machines and people read it.
#[derive(Debug, Clone, Serialize)]
pub struct Moment {
    /// `2025-09-28` or `2025-09-28T23:59:00+01:00`.
    pub iso: String,
    /// `28 September 2025`.
    pub date: String,
    /// A draft's date still to fill in: `date` is its `[[placeholder]]`
    /// and `iso` is empty.
    pub placeholder: bool,
}

impl Moment {
    fn of_date(date: jiff::civil::Date) -> Self {
        Self {
            iso: date.to_string(),
            date: calendar::long_date(date),
            placeholder: false,
        }
    }

    /// A draft's `[[placeholder]]` in place of a date.
    fn to_fill(placeholder: &str) -> Self {
        Self {
            iso: String::new(),
            date: placeholder.to_owned(),
            placeholder: true,
        }
    }
}

/// A band or town in an index: `{name, slug, url, feed_url, count}`.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryView {
    pub name: String,
    pub slug: String,
    pub url: String,
    pub feed_url: String,
    /// Listed (open) vacancies.
    pub count: usize,
    /// The pay of its listed vacancies, lowest to highest, for each way pay
    /// is given: "£29,970 to £36,483 a year; £12.75 an hour".
    pub pay: Option<String>,
}

impl CategoryView {
    /// The view of `term`, whose list is `list`.
    pub fn new(term: &Category, list: Listing<'_>, site: &Site) -> Self {
        Self {
            name: term.name.clone(),
            slug: term.slug.clone(),
            url: list.url(),
            feed_url: Route::Feed { list }.url(),
            count: term.listed,
            pay: pay_range(term, site),
        }
    }
}

/// The lowest and highest pay of `term`'s listed vacancies, a year first,
/// then by the hour and the rest, in the order their periods are declared.
fn pay_range(term: &Category, site: &Site) -> Option<String> {
    let mut ranges: Vec<(PayPeriod, f64, f64)> = Vec::new();
    let listed = term.vacancies.iter().map(|&i| &site.vacancies[i]);
    for s in listed
        .filter(|p| p.status.is_listed())
        .filter_map(|p| p.vacancy.salary.as_ref())
    {
        let high = s.max.unwrap_or(s.min);
        match ranges.iter_mut().find(|(period, ..)| *period == s.period) {
            Some((_, low, top)) => {
                *low = low.min(s.min);
                *top = top.max(high);
            }
            None => ranges.push((s.period, s.min, high)),
        }
    }
    ranges.sort_by_key(|(period, ..)| *period);
    let texts: Vec<String> = ranges
        .into_iter()
        .map(|(period, low, high)| {
            let range = if high > low {
                format!("{} to {}", pounds(low), pounds(high))
            } else {
                pounds(low)
            };
            format!("{range} {}", period.phrase())
        })
        .collect();
    (!texts.is_empty()).then(|| texts.join("; "))
}

#[derive(Debug, Clone, Serialize)]
pub struct BandView {
    /// "Band 6", "Consultant".
    pub name: String,
    /// "6", "8a", "Consultant".
    pub code: String,
    pub slug: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SalaryView {
    /// "£40,617 to £48,778 a year pro rata".
    pub text: String,
    pub min: f64,
    pub max: Option<f64>,
    /// year | month | week | day | hour
    pub period: &'static str,
    pub note: Option<String>,
    pub pro_rata: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocationView {
    #[serde(flatten)]
    pub location: Location,
    pub town_slug: String,
    pub town_url: String,
    /// "Littlebrook Hospital, Bow Arrow Lane, Dartford, DA2 6PB".
    pub one_line: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentView {
    pub title: String,
    /// Site-relative for files shipped with the site; absolute otherwise.
    pub url: String,
    pub external: bool,
    /// "PDF", "Word", or none.
    pub kind: Option<&'static str>,
    /// "120 KB", for shipped files.
    pub size: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClosingView {
    pub iso: String,
    /// "28 September 2025".
    pub date: String,
    /// "11:59pm", "midday".
    pub time: String,
    /// "28 September 2025 at 11:59pm".
    pub text: String,
    /// Whether it closes before the end of its day (at noon, say), so a
    /// card should give the time and not only the date.
    pub before_end_of_day: bool,
    /// A draft's closing date still to fill in: `date` and `text` are its
    /// `[[placeholder]]`, `iso` and `time` are empty.
    pub placeholder: bool,
}

/// `vacancy` in `vacancy.html`, and each item of `vacancies` in lists.
#[derive(Debug, Clone, Serialize)]
pub struct VacancyView {
    /// Site-relative URL of its page (`jobs/nurse/`).
    pub url: String,
    pub absolute_url: String,
    /// Site-relative URL of its closing date as iCalendar, while it is open.
    pub calendar_url: Option<String>,
    pub slug: String,
    pub title: String,
    pub reference: String,
    /// open | closed | draft | future
    pub status: Status,
    pub is_open: bool,
    /// Closes within 7 days.
    pub closing_soon: bool,
    /// Listed, and posted within the last 7 days (the build day included).
    pub is_new: bool,
    pub band: BandView,
    pub pay_scheme: Option<String>,
    pub salary: Option<SalaryView>,
    pub locations: Vec<LocationView>,
    /// The distinct towns: `{title: name, url}`.
    pub towns: Vec<Link>,
    pub employer: Employer,
    pub reports_to: Option<String>,
    pub service: Option<String>,
    pub staff_group: Option<String>,
    pub contract: Option<&'static str>,
    pub contract_length: Option<String>,
    pub working_pattern: Vec<&'static str>,
    pub hours: Option<f64>,
    /// "37.5 hours a week".
    pub hours_text: Option<String>,
    /// Contract, working pattern and hours in one line, for cards:
    /// "Permanent, full time, part time, 37.5 hours a week".
    pub terms_text: Option<String>,
    pub posted: Moment,
    pub closes: ClosingView,
    pub start_date: Option<Moment>,
    pub closed_early: Option<Moment>,
    pub may_close_early: bool,
    pub interview: Option<Moment>,
    pub registration: Option<String>,
    pub apply_url: Option<String>,
    pub contact: Option<Contact>,
    pub documents: Vec<DocumentView>,
    pub sponsorship: Option<bool>,
    pub dbs: Option<&'static str>,
    pub tags: Vec<String>,
    pub summary: String,
    /// What a draft still has to fill in, in file order: "reference",
    /// "closing date", "the advert text".
    pub to_fill: Vec<String>,
}

impl VacancyView {
    pub fn new(p: &Advert, site: &Site) -> Self {
        let v: &Vacancy = &p.vacancy;
        let url = Route::Vacancy { slug: &v.slug }.url();
        let closes = &v.closes.moment;
        let locations: Vec<LocationView> = v
            .locations
            .iter()
            .map(|l| {
                let town_slug = l.town_slug();
                LocationView {
                    town_url: Listing::Town(&town_slug).url(),
                    town_slug,
                    one_line: l.one_line(),
                    location: l.clone(),
                }
            })
            .collect();
        let towns = v
            .towns()
            .into_iter()
            .map(|town| {
                let slug = crate::slug::slugify(town);
                let name = site
                    .towns
                    .iter()
                    .find(|t| t.slug == slug)
                    .map_or(town, |t| t.name.as_str());
                Link {
                    title: name.to_owned(),
                    url: Listing::Town(&slug).url(),
                }
            })
            .collect();
        Self {
            absolute_url: site.config.base_url.join(&url),
            calendar_url: (p.status == Status::Open)
                .then(|| Route::ClosingDate { slug: &v.slug }.url()),
            url,
            slug: v.slug.clone(),
            title: v.title.clone(),
            reference: v.reference.clone(),
            status: p.status,
            is_open: p.status == Status::Open,
            closing_soon: p.closing_soon(site.today),
            is_new: p.is_new(site.today),
            band: {
                let slug = v.band.slug();
                BandView {
                    name: v.band.to_string(),
                    code: v.band.code(),
                    url: Listing::Band(&slug).url(),
                    slug,
                }
            },
            pay_scheme: v.pay_scheme.clone(),
            salary: v.salary.as_ref().map(|s| SalaryView {
                text: s.describe(),
                min: s.min,
                max: s.max,
                period: s.period.name(),
                note: s.note.clone(),
                pro_rata: s.pro_rata,
            }),
            locations,
            towns,
            employer: v.employer.clone(),
            reports_to: v.reports_to.clone(),
            service: v.service.clone(),
            staff_group: v.staff_group.clone(),
            contract: v.contract.map(|c| c.label()),
            contract_length: v.contract_length.clone(),
            working_pattern: v.working_pattern.iter().map(|w| w.label()).collect(),
            hours: v.hours,
            hours_text: v.hours.map(vacancy::hours_text),
            terms_text: v.terms_text(),
            posted: match v.placeholder_for("posted") {
                Some(t) => Moment::to_fill(&t.placeholder),
                None => Moment::of_date(v.posted),
            },
            closes: match v.placeholder_for("closes") {
                Some(t) => ClosingView {
                    iso: String::new(),
                    date: t.placeholder.clone(),
                    time: String::new(),
                    text: t.placeholder.clone(),
                    before_end_of_day: false,
                    placeholder: true,
                },
                None => ClosingView {
                    iso: calendar::iso8601(closes),
                    date: calendar::long_date(closes.date()),
                    time: calendar::clock(closes.time()),
                    text: v.closes.describe(),
                    before_end_of_day: v.closes.before_end_of_day(),
                    placeholder: false,
                },
            },
            start_date: v.start_date.map(Moment::of_date),
            closed_early: v.closed_early.map(Moment::of_date),
            may_close_early: v.may_close_early,
            interview: v.interview.map(Moment::of_date),
            registration: v.registration.clone(),
            apply_url: v.apply_url.clone(),
            contact: v.contact.clone(),
            documents: v
                .documents
                .iter()
                .map(|d| {
                    let (url, external, size) = match &d.target {
                        DocumentTarget::Local { path, bytes } => {
                            let url = Route::Document { path }.url();
                            (url, false, Some(file_size(*bytes)))
                        }
                        DocumentTarget::Remote { url } => (url.clone(), true, None),
                    };
                    DocumentView {
                        title: d.title.clone(),
                        url,
                        external,
                        kind: d.kind(),
                        size,
                    }
                })
                .collect(),
            sponsorship: v.sponsorship,
            dbs: v.dbs.map(|d| d.label()),
            tags: v.tags.clone(),
            summary: v.summary.clone(),
            to_fill: v.to_fill.iter().map(|t| t.what()).collect(),
        }
    }
}

/// "120 KB", "1.4 MB".
pub fn file_size(bytes: u64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} KB", bytes.div_ceil(1024).max(1))
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

impl<'a> SiteView<'a> {
    pub fn new(site: &'a Site, preview: bool) -> Self {
        let c = &site.config;
        Self {
            title: &c.title,
            description: c.description.as_deref(),
            language: &c.language,
            base_url: &c.base_url.absolute,
            employer: c.employer.as_ref(),
            employers: &c.employers,
            privacy_url: c.privacy_url.as_deref(),
            accessibility_url: c.accessibility_url.as_deref(),
            disability_confident: c.disability_confident,
            logo: c.logo.as_deref(),
            menu: site
                .pages
                .iter()
                .filter(|p| p.page.menu.is_some())
                .map(|p| Link {
                    title: p.page.title.clone(),
                    url: Route::Page { slug: &p.page.slug }.url(),
                })
                .collect(),
            preview,
            now: Moment {
                iso: calendar::iso8601(&site.now),
                date: calendar::long_date(site.today),
                placeholder: false,
            },
        }
    }
}
