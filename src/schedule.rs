//! When the published site will next change on its own: the next moment a
//! vacancy closes, a future advert's posted day starts, or a `closed_early`
//! day starts. A scheduled rebuild at that moment keeps the site true with
//! no one editing a file; `careers build` prints it and `careers
//! next-change` prints it alone.

use std::sync::Arc;

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

use crate::vacancy::Vacancy;

/// What happens at the next change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    /// An open vacancy's closing moment passes.
    Closes,
    /// A future advert's posted day starts: it is published.
    Opens,
    /// A `closed_early` day starts: the vacancy leaves the lists.
    ClosedEarly,
}

impl Reason {
    /// Its name for machines: `closes`, `opens`, `closed_early`.
    pub fn key(self) -> &'static str {
        match self {
            Reason::Closes => "closes",
            Reason::Opens => "opens",
            Reason::ClosedEarly => "closed_early",
        }
    }

    /// How a sentence says it: "closes", "is published", "closes early".
    pub fn describe(self) -> &'static str {
        match self {
            Reason::Closes => "closes",
            Reason::Opens => "is published",
            Reason::ClosedEarly => "closes early",
        }
    }
}

/// The next moment the output changes, and the vacancy that changes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextChange {
    /// The moment, in the site's time zone (printed in UTC for machines).
    pub at: Zoned,
    pub reason: Reason,
    pub slug: String,
}

/// The first change after `now` among `vacancies`. Drafts never change by
/// time, nor does a vacancy already closed (its closing moment or its
/// `closed_early` day passed), so those are skipped. Ties go to the earliest reason, then the slug, so the answer
/// is the same whatever order the files were read in.
pub fn next_change(
    vacancies: &[Arc<Vacancy>],
    now: Timestamp,
    zone: &TimeZone,
) -> Option<NextChange> {
    // A day has started by `now` exactly when it is not after today in the
    // site's zone, so only the days still to come need a time zone
    // lookup: two lookups per advert were a tenth of `serve`'s rebuild.
    let today = now.to_zoned(zone.clone()).date();
    let start_to_come = |day: Date| {
        (day > today)
            .then(|| day.to_zoned(zone.clone()).ok())
            .flatten()
            .map(|z| z.timestamp())
    };
    vacancies
        .iter()
        .filter(|v| {
            let closed = v.closes.moment.timestamp() <= now
                || v.closed_early.is_some_and(|day| day <= today);
            !v.draft && !closed
        })
        .flat_map(|v| {
            [
                (Some(v.closes.moment.timestamp()), Reason::Closes),
                (start_to_come(v.posted), Reason::Opens),
                (v.closed_early.and_then(start_to_come), Reason::ClosedEarly),
            ]
            .into_iter()
            .filter_map(move |(at, reason)| Some((at?, reason, v.slug.as_str())))
        })
        .filter(|&(at, ..)| at > now)
        .min()
        .map(|(at, reason, slug)| NextChange {
            at: at.to_zoned(zone.clone()),
            reason,
            slug: slug.to_owned(),
        })
}

impl NextChange {
    /// For people: "20 January 2027 at 11:59pm, when nurse-band-5 closes".
    pub fn describe(&self) -> String {
        format!(
            "{} at {}, when {} {}",
            crate::calendar::long_date(self.at.date()),
            crate::calendar::clock(self.at.time()),
            self.slug,
            self.reason.describe()
        )
    }

    /// For machines: `{"next_change": "2027-01-20T23:59:00Z", "reason":
    /// "closes", "slug": "..."}`, the moment in UTC.
    pub fn to_json(change: Option<&NextChange>) -> serde_json::Value {
        match change {
            Some(c) => serde_json::json!({
                "next_change": c.at.timestamp().to_string(),
                "reason": c.reason.key(),
                "slug": c.slug,
            }),
            None => serde_json::json!({ "next_change": null }),
        }
    }
}
