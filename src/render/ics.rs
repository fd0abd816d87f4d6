//! iCalendar (RFC 5545): `closing-dates.ics` beside every RSS feed, and
//! `jobs/<slug>/closing-date.ics` for each open vacancy. One event per
//! vacancy, starting at its closing moment in UTC, with the UID
//! `<reference>@<host of base_url>` and the build moment as its `DTSTAMP`,
//! so the same input and `--now` give the same bytes.
//!
//! The writer is this module's own, small and strict: content lines end in
//! CRLF and are folded at 75 octets on character boundaries, TEXT values
//! escape `\`, `;`, `,` and newlines, and no value is ever made up (no
//! clock, no random UID).

use jiff::Timestamp;

use crate::routes::{FeedFormat, Route};
use crate::site::{Advert, Site};

use super::OutputFile;
use super::feed_items::{self, FeedSource};

const PRODID: &str = "-//careers//Closing dates//EN";
/// The longest a content line may be, in octets, before it is folded.
const LINE_LIMIT: usize = 75;

/// The calendar of a list: its open vacancies' closing moments.
pub(super) fn list_calendar(site: &Site, source: &FeedSource<'_>) -> OutputFile {
    let route = Route::FeedIn {
        list: source.listing,
        format: FeedFormat::Calendar,
    };
    let name = format!("Closing dates: {}", source.title);
    OutputFile {
        path: route.path(),
        bytes: calendar(site, &name, &source.items).into_bytes(),
    }
}

/// The calendar of open vacancy `i` alone.
pub(super) fn vacancy_calendar(site: &Site, i: usize) -> OutputFile {
    let p = &site.vacancies[i];
    let route = Route::ClosingDate {
        slug: &p.vacancy.slug,
    };
    let name = format!("Closing date: {}", p.vacancy.title);
    OutputFile {
        path: route.path(),
        bytes: calendar(site, &name, &[p]).into_bytes(),
    }
}

fn calendar(site: &Site, name: &str, vacancies: &[&Advert]) -> String {
    let mut ics = Writer::default();
    ics.value("BEGIN", "VCALENDAR");
    ics.value("VERSION", "2.0");
    ics.value("PRODID", PRODID);
    ics.value("CALSCALE", "GREGORIAN");
    ics.value("METHOD", "PUBLISH");
    ics.text("NAME", name);
    ics.text("X-WR-CALNAME", name);
    let stamp = utc(site.now.timestamp());
    let host = site.config.base_url.host();
    for p in vacancies {
        let v = &p.vacancy;
        ics.value("BEGIN", "VEVENT");
        ics.text("UID", &format!("{}@{host}", v.reference));
        ics.value("DTSTAMP", &stamp);
        ics.value("DTSTART", &utc(v.closes.moment.timestamp()));
        ics.text("SUMMARY", &format!("Closing date: {}", v.title));
        let link = feed_items::link(v, site);
        let mut description = feed_items::facts(v, site).join("\n");
        description.push_str(&format!("\n\n{link}"));
        ics.text("DESCRIPTION", &description);
        ics.text("LOCATION", &feed_items::town_names(v, site).join(", "));
        ics.value("URL", &link);
        ics.value("TRANSP", "TRANSPARENT");
        ics.value("END", "VEVENT");
    }
    ics.value("END", "VCALENDAR");
    ics.out
}

/// A moment as an iCalendar UTC date-time: `20270128T235900Z`.
fn utc(moment: Timestamp) -> String {
    moment.strftime("%Y%m%dT%H%M%SZ").to_string()
}

#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    /// A property whose value is written as it is (a date-time, a URI, a
    /// fixed word).
    fn value(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{value}"));
    }

    /// A TEXT property: the value escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape_text(value)));
    }

    /// One content line, folded: at most 75 octets a line, a
    /// continuation starting with a space, never splitting a character.
    fn line(&mut self, line: &str) {
        let mut rest = line;
        let mut limit = LINE_LIMIT;
        loop {
            if rest.len() <= limit {
                self.out.push_str(rest);
                self.out.push_str("\r\n");
                return;
            }
            let mut cut = limit;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            self.out.push_str(&rest[..cut]);
            self.out.push_str("\r\n ");
            rest = &rest[cut..];
            // The space starting the continuation takes one octet.
            limit = LINE_LIMIT - 1;
        }
    }
}

/// Escapes a TEXT value (RFC 5545, 3.3.11): `\`, `;`, `,` and line ends
/// (any of CRLF, CR, LF become `\n`); other control characters, which TEXT
/// may not hold, are dropped.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_escapes_what_rfc_5545_says() {
        assert_eq!(
            escape_text("a,b;c\\d\ne\r\nf\rg\u{7}"),
            "a\\,b\\;c\\\\d\\ne\\nf\\ng"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let mut w = Writer::default();
        let value = "é".repeat(100);
        w.text("SUMMARY", &value);
        let lines: Vec<&str> = w.out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(lines.len() > 2);
        for (n, line) in lines.iter().enumerate() {
            assert!(line.len() <= LINE_LIMIT, "{line:?}");
            assert_eq!(n > 0, line.starts_with(' '));
        }
        let unfolded: String = w
            .out
            .replace("\r\n ", "")
            .trim_end_matches("\r\n")
            .to_owned();
        assert_eq!(unfolded, format!("SUMMARY:{value}"));
        let mut short = Writer::default();
        short.value("VERSION", "2.0");
        assert_eq!(short.out, "VERSION:2.0\r\n");
    }
}
