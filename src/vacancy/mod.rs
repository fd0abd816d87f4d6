//! A vacancy: one advert, typed and checked, and the parts it is made of.
//!
//! `parse` turns a job file into a `Vacancy` or a list of problems; every
//! front matter field is validated there, in one place.

pub mod band;
pub mod location;
mod parse;
pub mod placeholder;
pub mod salary;
pub mod terms;

use jiff::Zoned;
use jiff::civil::Date;

pub use band::Band;
pub use location::Location;
pub use parse::{ParseContext, parse};
pub use salary::{PayPeriod, Salary};
pub use terms::{Contract, DbsCheck, WorkingPattern};

use crate::config::Employer;
use crate::diagnostics::Position;
use crate::markdown::Body;

/// The moment an advert stops taking applications, in the site's zone.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosingDate {
    pub moment: Zoned,
}

impl ClosingDate {
    /// "28 September 2025 at 11:59pm".
    pub fn describe(&self) -> String {
        format!(
            "{} at {}",
            crate::calendar::long_date(self.moment.date()),
            crate::calendar::clock(self.moment.time())
        )
    }
}

/// Who to ask about the post.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Contact {
    pub name: Option<String>,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// A supporting document: a file shipped with the site or a web address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentLink {
    pub title: String,
    pub target: DocumentTarget,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentTarget {
    /// A file under `content/documents`: its path under `content/` and size.
    Local {
        path: String,
        bytes: u64,
    },
    Remote {
        url: String,
    },
}

impl DocumentLink {
    /// The file type as people name it ("PDF", "Word"), from the extension.
    pub fn kind(&self) -> Option<&'static str> {
        let path = match &self.target {
            DocumentTarget::Local { path, .. } => path.as_str(),
            DocumentTarget::Remote { url } => url.as_str(),
        };
        let ext = path.rsplit('.').next()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "pdf" => "PDF",
            "doc" | "docx" => "Word",
            "odt" => "OpenDocument",
            "xls" | "xlsx" => "Excel",
            "rtf" => "Rich Text",
            "txt" => "Text",
            _ => return None,
        })
    }
}

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
}

impl Vacancy {
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
}
