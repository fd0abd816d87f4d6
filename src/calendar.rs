//! Dates and moments as UK adverts write them, and as people read them.
//!
//! Accepts `2025-09-28`, `28/09/2025` (day first, always) and
//! `28 September 2025`; date-times with an offset are exact moments, those
//! without are wall-clock times in the site's time zone. Clock changes
//! follow jiff's "compatible" rule: a time skipped in spring moves forward,
//! a time that happens twice in autumn means the first.

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};

/// The months' names, as dates are written in words.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A problem with a written date: what is wrong and what would be right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateProblem {
    pub message: String,
    pub hint: String,
}

impl DateProblem {
    fn new(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            hint: hint.into(),
        }
    }
}

/// A date, or an exact moment, as a front matter field may give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    Day(Date),
    /// An exact moment: written with an offset, or a wall-clock time
    /// already placed in the site's zone.
    Exact(Timestamp),
}

/// Reads a calendar date in one of the accepted forms.
pub fn parse_date(text: &str) -> Result<Date, DateProblem> {
    let text = text.trim();
    let (year, month, day) = if let Some(ymd) = split_numbers(text, '-') {
        if ymd[0] < 100 {
            return Err(unknown_form(text));
        }
        (ymd[0], ymd[1], ymd[2])
    } else if let Some(dmy) = split_numbers(text, '/') {
        if dmy[2] < 100 {
            return Err(DateProblem::new(
                format!("\"{text}\" has a two-digit year"),
                format!(
                    "write the year in full, e.g. {:02}/{:02}/20{:02}",
                    dmy[0], dmy[1], dmy[2]
                ),
            ));
        }
        (dmy[2], dmy[1], dmy[0])
    } else if let Some(parts) = words_date(text) {
        parts
    } else {
        return Err(unknown_form(text));
    };
    make_date(year, month, day)
}

fn split_numbers(text: &str, sep: char) -> Option<[i64; 3]> {
    let parts: Vec<&str> = text.split(sep).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let mut out = [0; 3];
    for (slot, part) in out.iter_mut().zip(parts) {
        *slot = part.parse().ok()?;
    }
    Some(out)
}

/// `28 September 2025`, `28 Sept 2025`, `1st March 2026`.
fn words_date(text: &str) -> Option<(i64, i64, i64)> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let day = day
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()?;
    let month = month_number(month)?;
    let year = year.parse().ok()?;
    Some((year, month, day))
}

fn month_number(word: &str) -> Option<i64> {
    let word = word.trim_end_matches('.').to_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.to_lowercase().starts_with(&word) || (word == "sept" && *m == "September"))
        .map(|i| i as i64 + 1)
}

fn make_date(year: i64, month: i64, day: i64) -> Result<Date, DateProblem> {
    if !(1900..=2999).contains(&year) {
        return Err(DateProblem::new(
            format!("the year {year} is not a plausible year for an advert"),
            "check the year",
        ));
    }
    if !(1..=12).contains(&month) {
        return Err(DateProblem::new(
            format!("there is no month {month}"),
            "dates are written day first: 28/09/2025 is 28 September 2025",
        ));
    }
    let month_name = MONTHS[(month - 1) as usize];
    let first = Date::new(year as i16, month as i8, 1).expect("valid first of month");
    let days = first.days_in_month() as i64;
    if day < 1 || day > days {
        return Err(DateProblem::new(
            format!("{day} {month_name} {year} does not exist"),
            format!("{month_name} {year} has {days} days"),
        ));
    }
    Ok(Date::new(year as i16, month as i8, day as i8).expect("checked date"))
}

fn unknown_form(text: &str) -> DateProblem {
    let hint = match meant(text) {
        Some(date) => format!("write it as {date} ({})", long_date(date)),
        None => "write it as 2025-09-28, 28/09/2025 (day first) or 28 September 2025".to_owned(),
    };
    DateProblem::new(
        format!("\"{text}\" is not a date in a form careers reads"),
        hint,
    )
}

/// The date `2026.03.01` or `01-03-2026` most likely means: three numbers
/// with the year in full first or last (day first, as in the UK).
fn meant(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let n = |p: &str| p.parse::<i64>().ok();
    let (year, month, day) = match (a.len(), c.len()) {
        (4, 1..=2) => (n(a)?, n(b)?, n(c)?),
        (1..=2, 4) => (n(c)?, n(b)?, n(a)?),
        _ => return None,
    };
    make_date(year, month, day).ok()
}

/// Reads a date, or a date-time with or without an offset.
pub fn parse_when(text: &str, zone: &TimeZone) -> Result<When, DateProblem> {
    let trimmed = text.trim();
    let looks_timed =
        trimmed.len() > 10 && trimmed.as_bytes().get(4) == Some(&b'-') && trimmed.contains(':');
    if !looks_timed {
        return parse_date(trimmed).map(When::Day);
    }
    let normalised = trimmed.replacen(' ', "T", 1);
    if let Ok(ts) = normalised.parse::<Timestamp>() {
        return Ok(When::Exact(ts));
    }
    match normalised.parse::<DateTime>() {
        Ok(dt) => wall_clock(dt, zone).map(|z| When::Exact(z.timestamp())),
        Err(_) => {
            // Check the date part first so "2026-02-31 12:00" says why.
            parse_date(&trimmed[..10])?;
            Err(DateProblem::new(
                format!("\"{trimmed}\" is not a date and time careers reads"),
                "write it as 2025-09-28 12:00 (site time) or 2025-09-28T12:00:00+01:00",
            ))
        }
    }
}

/// A wall-clock time in `zone`, resolved across clock changes.
pub fn wall_clock(dt: DateTime, zone: &TimeZone) -> Result<Zoned, DateProblem> {
    dt.to_zoned(zone.clone()).map_err(|e| {
        DateProblem::new(
            format!("{dt} cannot be placed in the site's time zone: {e}"),
            "check the date",
        )
    })
}

/// Reads `--now`: a date (that day at 00:00 in `zone`) or an RFC 3339 moment.
pub fn parse_now(text: &str, zone: &TimeZone) -> Result<Timestamp, DateProblem> {
    let text = text.trim();
    if text.len() == 10 {
        let date = parse_date(text)?;
        return wall_clock(date.to_datetime(Time::midnight()), zone).map(|z| z.timestamp());
    }
    text.parse::<Timestamp>().map_err(|_| {
        DateProblem::new(
            format!("\"{text}\" is not a date or an RFC 3339 date-time"),
            "write 2026-03-29, or 2026-03-29T10:59:00Z, or 2026-03-29T11:59:00+01:00",
        )
    })
}

/// Reads a time of day as `23:59` or `12:00`.
pub fn parse_clock(text: &str) -> Result<Time, DateProblem> {
    let bad = || {
        DateProblem::new(
            format!("\"{text}\" is not a time of day"),
            "write a 24-hour time such as \"23:59\" or \"12:00\" (in quotes)",
        )
    };
    let (h, m) = text.trim().split_once(':').ok_or_else(bad)?;
    let (h, m): (i8, i8) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    Time::new(h, m, 0, 0).map_err(|_| bad())
}

/// "28 September 2025".
pub fn long_date(date: Date) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[(date.month() - 1) as usize],
        date.year()
    )
}

/// "11:59pm", "9am", "midday", "midnight", as the NHS style guide writes times.
pub fn clock(time: Time) -> String {
    let (h, m) = (time.hour(), time.minute());
    match (h, m) {
        (0, 0) => "midnight".to_owned(),
        (12, 0) => "midday".to_owned(),
        _ => {
            let suffix = if h < 12 { "am" } else { "pm" };
            let h12 = if h % 12 == 0 { 12 } else { h % 12 };
            if m == 0 {
                format!("{h12}{suffix}")
            } else {
                format!("{h12}:{m:02}{suffix}")
            }
        }
    }
}

/// RFC 822 (as RSS 2.0 wants): "Sun, 28 Sep 2025 00:00:00 +0100".
pub fn rfc822(zoned: &Zoned) -> String {
    zoned.strftime("%a, %d %b %Y %H:%M:%S %z").to_string()
}

/// ISO 8601 with offset: "2025-09-28T23:59:00+01:00".
pub fn iso8601(zoned: &Zoned) -> String {
    zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn london() -> TimeZone {
        TimeZone::get("Europe/London").unwrap()
    }

    #[test]
    fn reads_the_three_date_forms() {
        let want = Date::new(2025, 9, 28).unwrap();
        assert_eq!(parse_date("2025-09-28").unwrap(), want);
        assert_eq!(parse_date("28/09/2025").unwrap(), want);
        assert_eq!(parse_date("28 September 2025").unwrap(), want);
        assert_eq!(parse_date("28 Sept 2025").unwrap(), want);
        assert_eq!(
            parse_date("3/2/2026").unwrap(),
            Date::new(2026, 2, 3).unwrap()
        );
    }

    #[test]
    fn explains_impossible_and_unknown_dates() {
        let e = parse_date("31/02/2026").unwrap_err();
        assert_eq!(e.message, "31 February 2026 does not exist");
        assert_eq!(e.hint, "February 2026 has 28 days");
        assert_eq!(
            parse_date("2026-02-31").unwrap_err().message,
            "31 February 2026 does not exist"
        );
        assert!(
            parse_date("09/28/2025")
                .unwrap_err()
                .message
                .contains("no month 28")
        );
        assert_eq!(
            parse_date("2026.03.01").unwrap_err().hint,
            "write it as 2026-03-01 (1 March 2026)"
        );
        assert_eq!(
            parse_date("01-03-2026").unwrap_err().hint,
            "write it as 2026-03-01 (1 March 2026)"
        );
        assert!(
            parse_date("next Tuesday")
                .unwrap_err()
                .hint
                .contains("2025-09-28")
        );
    }

    #[test]
    fn wall_clock_times_follow_clock_changes() {
        // BST starts 2026-03-29 at 01:00 UTC: noon is 11:00 UTC.
        let When::Exact(ts) = parse_when("2026-03-29 12:00", &london()).unwrap() else {
            panic!()
        };
        assert_eq!(ts.to_string(), "2026-03-29T11:00:00Z");
        // 01:30 does not exist that day: it moves forward to 02:30 BST.
        let When::Exact(ts) = parse_when("2026-03-29T01:30", &london()).unwrap() else {
            panic!()
        };
        assert_eq!(ts.to_string(), "2026-03-29T01:30:00Z");
        // 01:30 happens twice on 2026-10-25: the first (BST) is meant.
        let When::Exact(ts) = parse_when("2026-10-25 01:30", &london()).unwrap() else {
            panic!()
        };
        assert_eq!(ts.to_string(), "2026-10-25T00:30:00Z");
        let When::Exact(ts) = parse_when("2025-09-28T12:00:00+01:00", &london()).unwrap() else {
            panic!()
        };
        assert_eq!(ts.to_string(), "2025-09-28T11:00:00Z");
    }

    #[test]
    fn now_is_midnight_or_the_exact_moment() {
        assert_eq!(
            parse_now("2026-07-01", &london()).unwrap().to_string(),
            "2026-06-30T23:00:00Z"
        );
        assert_eq!(
            parse_now("2026-03-29T10:59:00Z", &london())
                .unwrap()
                .to_string(),
            "2026-03-29T10:59:00Z"
        );
        assert!(parse_now("tomorrow", &london()).is_err());
    }

    #[test]
    fn formats_as_people_read() {
        assert_eq!(
            long_date(Date::new(2025, 9, 28).unwrap()),
            "28 September 2025"
        );
        assert_eq!(clock(Time::new(23, 59, 0, 0).unwrap()), "11:59pm");
        assert_eq!(clock(Time::new(12, 0, 0, 0).unwrap()), "midday");
        assert_eq!(clock(Time::new(9, 0, 0, 0).unwrap()), "9am");
        let z = parse_now("2025-09-28", &london())
            .unwrap()
            .to_zoned(london());
        assert_eq!(rfc822(&z), "Sun, 28 Sep 2025 00:00:00 +0100");
        assert_eq!(iso8601(&z), "2025-09-28T00:00:00+01:00");
    }
}
