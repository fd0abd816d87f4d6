//! A vacancy: one advert, typed and checked, and the parts it is made of.
//!
//! `parse` turns a job file into a `Vacancy` or a list of problems; each
//! part's reader sits beside its type (`salary`, `location`, `closing`,
//! `conditions`, `contact`, `document`, `employer`, `band`), and `parse`
//! calls them in order and checks what is left.

pub(crate) mod band;
mod closing;
pub(crate) mod conditions;
mod contact;
mod document;
mod employer;
pub(crate) mod location;
mod parse;
pub(crate) mod placeholder;
pub(crate) mod salary;

use jiff::civil::Date;

pub use band::Band;
pub use closing::ClosingDate;
pub use conditions::{Contract, DbsCheck, WorkingPattern};
pub use contact::Contact;
pub use document::{DocumentLink, DocumentTarget};
pub use location::Location;
pub use parse::{ParseContext, parse};
pub use placeholder::ToFill;
pub use salary::{PayPeriod, Salary};

use crate::config::Employer;
use crate::diagnostics::Position;
use crate::markdown::Body;

/// One advert, as its file describes it. Whether it is open is decided by
/// the site model against the build moment, not here.
#[derive(Debug, Clone)]
pub struct Vacancy {
    /// The job file, relative to the site root.
    pub source: String,
    /// The job file, relative to `content/` (what `@/` links name).
    pub content_path: String,
    pub slug: String,
    pub title: String,
    pub reference: String,
    /// Where `reference:` was written, for errors that involve other files.
    pub reference_at: Position,
    /// Where `slug:` was written; `None` when the slug comes from the file name.
    pub slug_at: Option<Position>,
    pub band: Band,
    pub pay_scheme: Option<String>,
    pub salary: Option<Salary>,
    pub locations: Vec<Location>,
    pub employer: Employer,
    pub reports_to: Option<String>,
    pub service: Option<String>,
    pub staff_group: Option<String>,
    pub contract: Option<Contract>,
    pub contract_length: Option<String>,
    pub working_pattern: Vec<WorkingPattern>,
    pub hours: Option<f64>,
    pub posted: Date,
    pub closes: ClosingDate,
    pub start_date: Option<Date>,
    pub closed_early: Option<Date>,
    pub may_close_early: bool,
    pub interview: Option<Date>,
    pub registration: Option<String>,
    pub apply_url: Option<String>,
    pub contact: Option<Contact>,
    pub documents: Vec<DocumentLink>,
    pub sponsorship: Option<bool>,
    pub dbs: Option<DbsCheck>,
    pub tags: Vec<String>,
    pub summary: String,
    pub body: Body,
    pub draft: bool,
    /// The `[[placeholders]]` a draft still has, in file order (always
    /// empty outside drafts, where a placeholder is an error). A required
    /// date or employer left as one is given a stand-in (`placeholder::
    /// STAND_IN_DAY`) that a page never shows: it shows the placeholder.
    pub to_fill: Vec<ToFill>,
}

impl Vacancy {
    /// The placeholder a draft has in place of field `name`, if any.
    pub fn placeholder_for(&self, name: &str) -> Option<&ToFill> {
        self.to_fill
            .iter()
            .find(|t| t.field.as_deref() == Some(name))
    }

    /// The distinct towns, in the order the advert lists them.
    pub fn towns(&self) -> Vec<&str> {
        let mut seen = Vec::new();
        let mut towns = Vec::new();
        for location in &self.locations {
            let slug = location.town_slug();
            if !seen.contains(&slug) {
                seen.push(slug);
                towns.push(location.town.as_str());
            }
        }
        towns
    }

    /// Contract, working pattern and hours in one line, for cards:
    /// "Permanent, full time, part time, 37.5 hours a week".
    pub fn terms_text(&self) -> Option<String> {
        let mut parts: Vec<String> = self.contract.iter().map(|c| c.label().to_owned()).collect();
        parts.extend(self.working_pattern.iter().map(|w| w.label().to_owned()));
        parts.extend(self.hours.map(hours_text));
        let mut text = String::new();
        for (i, part) in parts.iter().enumerate() {
            if i == 0 {
                text.push_str(part);
            } else {
                // Each label starts with a capital; only the line's first keeps it.
                text.push_str(", ");
                let mut chars = part.chars();
                text.extend(chars.next().map(|c| c.to_ascii_lowercase()));
                text.push_str(chars.as_str());
            }
        }
        (!text.is_empty()).then_some(text)
    }
}

/// "37.5 hours a week".
pub fn hours_text(hours: f64) -> String {
    format!("{hours} hours a week")
}
