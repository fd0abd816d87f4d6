//! When an advert runs: the posted date, the closing moment in the site's
//! zone, and the other dates of the process, with their readers and the
//! checks between them.

use jiff::Zoned;
use jiff::civil::Date;

use crate::calendar::{self, When};
use crate::config::SiteConfig;
use crate::content::fields::{self, Fields};
use crate::content::yaml::Value;
use crate::diagnostics::FileReport;

use super::placeholder;

/// The moment an advert stops taking applications, in the site's zone.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosingDate {
    pub moment: Zoned,
}

impl ClosingDate {
    /// Whether the advert closes before the day's end (11:59pm), so that
    /// cards give the time as well as the date.
    pub fn before_end_of_day(&self) -> bool {
        self.moment.time() < jiff::civil::time(23, 59, 0, 0)
    }

    /// "28 September 2025 at 11:59pm".
    pub fn describe(&self) -> String {
        format!(
            "{} at {}",
            calendar::long_date(self.moment.date()),
            calendar::clock(self.moment.time())
        )
    }
}

/// The dates of one advert as its front matter gives them.
pub(super) struct Dates {
    pub posted: Option<Date>,
    pub closes: Option<ClosingDate>,
    pub start_date: Option<Date>,
    pub closed_early: Option<Date>,
    pub interview: Option<Date>,
}

/// Reads `posted`, `closes`, `start_date`, `closed_early` and `interview`,
/// and checks that the advert closes after it is posted, within a year. A
/// draft may leave `posted` or `closes` as a `[[placeholder]]`: it stands
/// at `placeholder::STAND_IN_DAY`, and the checks between the two wait.
/// (Outside a draft, `placeholder::check` reports it, once.)
pub(super) fn read(f: &Fields, config: &SiteConfig, report: &mut FileReport) -> Dates {
    let to_fill = |key: &str| f.get(key).and_then(placeholder::whole).is_some();
    let stand_in = placeholder::STAND_IN_DAY;
    let posted = match to_fill("posted") {
        true => Some(stand_in),
        false => f
            .required("posted", report, "2025-09-12")
            .and_then(|v| date(v, "posted", report)),
    };
    let closes = match to_fill("closes") {
        true => day_closes(stand_in, config).ok(),
        false => f
            .required("closes", report, "2025-09-28")
            .and_then(|v| read_closes(v, config, report)),
    };
    if !to_fill("posted") && !to_fill("closes") {
        check_span(f, posted, closes.as_ref(), report);
    }
    let optional_date =
        |key: &str, report: &mut FileReport| f.get(key).and_then(|v| date(v, key, report));
    let start_date = optional_date("start_date", report);
    let closed_early = optional_date("closed_early", report);
    let interview = optional_date("interview", report);

    Dates {
        posted,
        closes,
        start_date,
        closed_early,
        interview,
    }
}

/// The advert closes on or after the day it is posted, within a year.
fn check_span(
    f: &Fields,
    posted: Option<Date>,
    closes: Option<&ClosingDate>,
    report: &mut FileReport,
) {
    if let (Some(posted), Some(closes)) = (posted, closes)
        && closes.moment.date() < posted
    {
        let at = f.get("closes").map_or(f.at, |v| v.at);
        report.error(
            at,
            format!(
                "the closing date ({}) is before the posted date ({})",
                calendar::long_date(closes.moment.date()),
                calendar::long_date(posted)
            ),
            "check both dates: an advert closes on or after the day it is posted",
        );
    }
    if let (Some(posted), Some(closes)) = (posted, closes)
        && closes.moment.date() > posted.saturating_add(jiff::Span::new().years(1))
    {
        let at = f.get("closes").map_or(f.at, |v| v.at);
        report.warning(
            at,
            "the advert stays open for more than a year after it is posted",
            "check the year of `closes`; adverts usually close within weeks",
        );
    }
}

fn date(value: &Value, key: &str, report: &mut FileReport) -> Option<Date> {
    let text = fields::text(value, key, report)?;
    match calendar::parse_date(&text.value) {
        Ok(date) => Some(date),
        Err(p) => {
            report.error(text.at, format!("`{key}`: {}", p.message), p.hint);
            None
        }
    }
}

fn read_closes(value: &Value, config: &SiteConfig, report: &mut FileReport) -> Option<ClosingDate> {
    let text = fields::text(value, "closes", report)?;
    let when = match calendar::parse_when(&text.value, &config.timezone) {
        Ok(when) => when,
        Err(p) => {
            report.error(text.at, format!("`closes`: {}", p.message), p.hint);
            return None;
        }
    };
    match when {
        When::Day(day) => match day_closes(day, config) {
            Ok(closes) => Some(closes),
            Err(p) => {
                report.error(text.at, p.message, p.hint);
                None
            }
        },
        When::Exact(ts) => Some(ClosingDate {
            moment: ts.to_zoned(config.timezone.clone()),
        }),
    }
}

/// `day` at the site's closing time, in its zone.
fn day_closes(day: Date, config: &SiteConfig) -> Result<ClosingDate, calendar::DateProblem> {
    calendar::wall_clock(day.to_datetime(config.closing_time), &config.timezone)
        .map(|moment| ClosingDate { moment })
}
