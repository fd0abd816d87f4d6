//! The conditions of a post that take one of a fixed set of values
//! (contract, working pattern and DBS check level) and its hours, with the
//! reader of their front matter fields.

use crate::content::fields::{self, Fields, choice};
use crate::diagnostics::FileReport;

/// Normalises "Fixed Term", "fixed_term" and "fixed-term" to one spelling.
fn normalise(text: &str) -> String {
    text.trim().to_lowercase().replace(['_', ' '], "-")
}

/// The kind of contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contract {
    Permanent,
    FixedTerm,
    Bank,
    Secondment,
    Locum,
    Apprenticeship,
}

impl Contract {
    pub const NAMES: &'static [&'static str] = &[
        "permanent",
        "fixed-term",
        "bank",
        "secondment",
        "locum",
        "apprenticeship",
    ];

    pub fn parse(text: &str) -> Option<Self> {
        Some(match normalise(text).as_str() {
            "permanent" => Self::Permanent,
            "fixed-term" | "fixed" | "temporary" => Self::FixedTerm,
            "bank" => Self::Bank,
            "secondment" => Self::Secondment,
            "locum" => Self::Locum,
            "apprenticeship" | "apprentice" => Self::Apprenticeship,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Permanent => "Permanent",
            Self::FixedTerm => "Fixed term",
            Self::Bank => "Bank",
            Self::Secondment => "Secondment",
            Self::Locum => "Locum",
            Self::Apprenticeship => "Apprenticeship",
        }
    }

    /// schema.org employment types this contract adds.
    pub fn schema_types(self) -> &'static [&'static str] {
        match self {
            Self::FixedTerm | Self::Secondment | Self::Locum => &["TEMPORARY"],
            Self::Bank => &["PER_DIEM"],
            Self::Apprenticeship => &["INTERN"],
            Self::Permanent => &[],
        }
    }
}

/// One way of working the hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkingPattern {
    FullTime,
    PartTime,
    Flexible,
    JobShare,
    Shifts,
    Nights,
    Weekends,
    CompressedHours,
    TermTime,
}

impl WorkingPattern {
    pub const NAMES: &'static [&'static str] = &[
        "full-time",
        "part-time",
        "flexible",
        "job-share",
        "shifts",
        "nights",
        "weekends",
        "compressed hours",
        "term time",
    ];

    pub fn parse(text: &str) -> Option<Self> {
        Some(match normalise(text).as_str() {
            "full-time" | "fulltime" => Self::FullTime,
            "part-time" | "parttime" => Self::PartTime,
            "flexible" | "flexible-working" => Self::Flexible,
            "job-share" | "jobshare" => Self::JobShare,
            "shifts" | "shift" | "shift-work" => Self::Shifts,
            "nights" | "night" => Self::Nights,
            "weekends" | "weekend" => Self::Weekends,
            "compressed-hours" => Self::CompressedHours,
            "term-time" => Self::TermTime,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::FullTime => "Full time",
            Self::PartTime => "Part time",
            Self::Flexible => "Flexible working",
            Self::JobShare => "Job share",
            Self::Shifts => "Shifts",
            Self::Nights => "Nights",
            Self::Weekends => "Weekends",
            Self::CompressedHours => "Compressed hours",
            Self::TermTime => "Term time",
        }
    }

    pub fn schema_type(self) -> Option<&'static str> {
        match self {
            Self::FullTime => Some("FULL_TIME"),
            Self::PartTime | Self::JobShare => Some("PART_TIME"),
            _ => None,
        }
    }
}

/// The level of criminal record check the post needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbsCheck {
    None,
    Basic,
    Standard,
    Enhanced,
}

impl DbsCheck {
    pub const NAMES: &'static [&'static str] = &["none", "basic", "standard", "enhanced"];

    pub fn parse(text: &str) -> Option<Self> {
        Some(match normalise(text).as_str() {
            "none" | "no" => Self::None,
            "basic" => Self::Basic,
            "standard" => Self::Standard,
            "enhanced" => Self::Enhanced,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::None => "No DBS check needed",
            Self::Basic => "Basic DBS check",
            Self::Standard => "Standard DBS check",
            Self::Enhanced => "Enhanced DBS check",
        }
    }
}

/// The conditions of a post as its front matter gives them.
pub(super) struct Conditions {
    pub contract: Option<Contract>,
    pub working_pattern: Vec<WorkingPattern>,
    pub dbs: Option<DbsCheck>,
    pub hours: Option<f64>,
}

/// Reads `contract`, `working_pattern`, `dbs` and `hours`.
pub(super) fn read(f: &Fields, report: &mut FileReport) -> Conditions {
    let contract = f
        .text("contract", report)
        .and_then(|t| choice(t, "contract", Contract::NAMES, Contract::parse, report));
    let mut working_pattern = Vec::new();
    for item in f
        .get("working_pattern")
        .map(fields::one_or_many)
        .unwrap_or_default()
    {
        let pattern = fields::text(item, "working_pattern", report).and_then(|t| {
            choice(
                t,
                "working_pattern",
                WorkingPattern::NAMES,
                WorkingPattern::parse,
                report,
            )
        });
        working_pattern.extend(pattern);
    }
    let dbs = f
        .text("dbs", report)
        .and_then(|t| choice(t, "dbs", DbsCheck::NAMES, DbsCheck::parse, report));
    let hours = f
        .get("hours")
        .and_then(|v| fields::number(v, "hours", report))
        .and_then(|h| {
            if h.value <= 0.0 || h.value > 100.0 {
                report.error(
                    h.at,
                    format!("{} hours a week is not possible", h.value),
                    "give the hours a week, e.g. `hours: 37.5`",
                );
                None
            } else {
                Some(h.value)
            }
        });
    Conditions {
        contract,
        working_pattern,
        dbs,
        hours,
    }
}
