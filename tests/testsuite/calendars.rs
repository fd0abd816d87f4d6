//! Calendars of closing dates at the right moment: an advert closing at
//! 11:59pm or midday site time, either side of both clock changes, is an
//! event at that moment in UTC, in the site's calendar and its own.

use crate::common;
use common::*;

use icalendar::Component;

const NOW: &str = "2026-02-01";

/// Closings either side of both clock changes of 2026 (BST from 29 March
/// to 25 October): 11:59pm and midday in site time.
fn clock_change_site() -> Fixture {
    Fixture::new()
        .vacancy("winter.md", Job::new("Winter", "W-1").closes("2026-03-28"))
        .vacancy("summer.md", Job::new("Summer", "S-1").closes("2026-07-15"))
        .vacancy(
            "bst-starts.md",
            Job::new("Noon BST starts", "N-1").closes("2026-03-29 12:00"),
        )
        .vacancy(
            "bst-ends.md",
            Job::new("Noon BST ends", "N-2").closes("2026-10-25 12:00"),
        )
        .vacancy("autumn.md", Job::new("Autumn", "A-1").closes("2026-10-26"))
}

#[test]
fn calendar_events_fall_at_the_right_utc_moments_across_both_clock_changes() {
    let out = clock_change_site().build(NOW);
    let want = [
        ("W-1", "2026-03-28T23:59:00Z"),
        ("N-1", "2026-03-29T11:00:00Z"),
        ("S-1", "2026-07-15T22:59:00Z"),
        ("N-2", "2026-10-25T12:00:00Z"),
        ("A-1", "2026-10-26T23:59:00Z"),
    ];
    let all: Vec<(String, String)> = events(&calendar(&out, "closing-dates.ics"))
        .into_iter()
        .map(|(uid, start, _)| (uid, start))
        .collect();
    for (reference, moment) in want {
        let uid = format!("{reference}@example.nhs.uk");
        assert!(
            all.contains(&(uid.clone(), moment.to_owned())),
            "{uid} at {moment} in {all:?}"
        );
    }
    assert_eq!(all.len(), want.len());
    // Each vacancy's own file says the same.
    for (slug, reference, moment) in [
        ("summer", "S-1", "2026-07-15T22:59:00Z"),
        ("bst-starts", "N-1", "2026-03-29T11:00:00Z"),
    ] {
        let path = format!("jobs/{slug}/closing-date.ics");
        let cal = calendar(&out, &path);
        let one = events(&cal);
        assert_eq!(one.len(), 1, "{path}");
        assert_eq!(one[0].0, format!("{reference}@example.nhs.uk"));
        assert_eq!(one[0].1, moment, "{path}");
        let stamp = cal
            .components
            .iter()
            .find_map(|c| c.as_event())
            .and_then(|e| e.property_value("DTSTAMP"))
            .map(str::to_owned);
        assert_eq!(
            stamp.as_deref(),
            Some("20260201T000000Z"),
            "the build moment"
        );
    }
}
