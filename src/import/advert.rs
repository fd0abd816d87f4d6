//! What the importer reads from a source before it is written: an
//! `Advert` with every field it found (each `None` or empty when the source
//! does not say), and the advert's text as `Section`s of `Block`s.

use jiff::civil::Date;

/// One advert as read from a source.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Advert {
    pub title: Option<String>,
    pub reference: Option<String>,
    /// An Agenda for Change code (`6`, `8a`) or a grade in words.
    pub band: Option<String>,
    pub pay_scheme: Option<String>,
    pub salary: Option<Pay>,
    pub places: Vec<Place>,
    pub employer: Option<String>,
    pub reports_to: Option<String>,
    pub service: Option<String>,
    pub staff_group: Option<String>,
    /// One of `Contract::NAMES`.
    pub contract: Option<&'static str>,
    pub contract_length: Option<String>,
    /// Each one of `WorkingPattern::NAMES`.
    pub working_pattern: Vec<&'static str>,
    /// Hours a week, as written (`37.5`).
    pub hours: Option<String>,
    pub posted: Option<Date>,
    pub closes: Option<Date>,
    pub apply_url: Option<String>,
    pub contact: Option<Contact>,
    pub documents: Vec<Document>,
    pub sponsorship: Option<bool>,
    /// One of `DbsCheck::NAMES`.
    pub dbs: Option<&'static str>,
    pub body: Vec<Section>,
}

impl Advert {
    /// Whether the source held anything of an advert at all.
    pub fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.reference.is_none()
            && self.band.is_none()
            && self.salary.is_none()
            && self.places.is_empty()
            && self.closes.is_none()
            && self.body.iter().all(|s| s.blocks.is_empty())
    }
}

/// Pay as the advert states it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pay {
    /// Pounds as written without the `£` and commas: `40617`, `12.45`.
    pub min: String,
    pub max: Option<String>,
    /// One of `PayPeriod::NAMES`.
    pub period: &'static str,
    pub note: Option<String>,
    pub pro_rata: bool,
}

/// A place the job is based.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Place {
    pub site: Option<String>,
    pub address: Vec<String>,
    pub town: String,
    pub county: Option<String>,
    pub postcode: Option<String>,
}

impl Place {
    /// Only a town: written in a plain list of towns.
    pub fn is_town_only(&self) -> bool {
        self.site.is_none()
            && self.address.is_empty()
            && self.county.is_none()
            && self.postcode.is_none()
    }
}

/// Who to ask about the job.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contact {
    pub name: Option<String>,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// A supporting document the advert links to.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    pub url: String,
}

/// A `## heading` of the advert and what it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub blocks: Vec<Block>,
}

/// A piece of an advert's text, all plain text (no markup of the source).
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A `### heading` within the section.
    Sub(String),
    /// `**Essential**`, `**Desirable**`.
    Label(String),
    Para(String),
    List(Vec<String>),
    Numbered(Vec<String>),
}
