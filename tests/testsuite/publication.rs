//! When an advert is open, closed, a draft or not yet posted (SITE-FORMAT.md
//! section 5), and what each state means for its page, the lists, the feeds
//! and the sitemap.

use crate::common;
use common::*;

/// An open job to keep every list non-empty, and the job under test.
fn site_with(job: Job) -> Fixture {
    Fixture::new()
        .vacancy(
            "other.md",
            Job::new("Other Open Job", "OTHER-1").closes("2026-12-31"),
        )
        .vacancy("nurse.md", job)
}

fn nurse() -> Job {
    Job::new("Staff Nurse", "NURSE-1")
        .band("6")
        .closes("2026-02-10")
}

#[test]
fn a_job_is_open_on_its_closing_day() {
    let out = site_with(nurse()).build("2026-02-10");
    assert_open(&out, "nurse", "NURSE-1");
}

#[test]
fn a_job_is_open_until_the_last_minute_of_its_closing_day() {
    let out = site_with(nurse()).build("2026-02-10T23:58:59Z");
    assert_open(&out, "nurse", "NURSE-1");
}

#[test]
fn a_job_closes_at_2359_on_its_closing_day() {
    let out = site_with(nurse()).build("2026-02-10T23:59:00Z");
    assert_closed(&out, "nurse", "NURSE-1");
}

#[test]
fn the_day_after_closing_the_page_is_kept_but_marked_closed_and_unlisted() {
    let out = site_with(nurse()).build("2026-02-11");
    assert_closed(&out, "nurse", "NURSE-1");
    let html = out.html("jobs/nurse/index.html");
    assert_eq!(text_of(&html, "h1"), "Staff Nurse");
    assert!(page_text(&html).contains("It closed on 10 February 2026 at 11:59pm"));
    // The band and town pages stay, so old links land somewhere.
    assert!(out.exists("bands/band-6/index.html"));
    assert!(out.exists("bands/band-6/feed.xml"));
    // The other job is unaffected.
    assert_open(&out, "other", "OTHER-1");
}

#[test]
fn a_closed_job_has_no_apply_button() {
    let job = nurse().with("apply_url: https://www.jobs.nhs.uk/candidate/jobadvert/C1");
    let open = site_with(job.clone()).build("2026-02-10");
    let apply = |out: &Output| {
        attrs(&out.html("jobs/nurse/index.html"), "main a", "href")
            .contains(&"https://www.jobs.nhs.uk/candidate/jobadvert/C1".to_owned())
    };
    assert!(apply(&open), "an open job links to its application");
    let closed = site_with(job).build("2026-02-11");
    assert!(!apply(&closed), "a closed job does not");
}

fn noon_site(job: Job) -> Fixture {
    site_with(job).settings("closing_time: \"12:00\"")
}

#[test]
fn a_noon_closing_site_is_open_at_1159() {
    let out = noon_site(nurse()).build("2026-02-10T11:59:00Z");
    assert_open(&out, "nurse", "NURSE-1");
}

#[test]
fn a_noon_closing_site_is_closed_at_noon_exactly() {
    let out = noon_site(nurse()).build("2026-02-10T12:00:00Z");
    assert_closed(&out, "nurse", "NURSE-1");
    let out = noon_site(nurse()).build("2026-02-10T12:00:00+00:00");
    assert_closed(&out, "nurse", "NURSE-1");
}

#[test]
fn noon_in_summer_is_noon_british_summer_time() {
    let job = nurse().closes("2026-07-15");
    let out = noon_site(job.clone()).build("2026-07-15T11:59:00+01:00");
    assert_open(&out, "nurse", "NURSE-1");
    let out = noon_site(job.clone()).build("2026-07-15T12:00:00+01:00");
    assert_closed(&out, "nurse", "NURSE-1");
    // 11:30 UTC is already 12:30 in London.
    let out = noon_site(job).build("2026-07-15T11:30:00Z");
    assert_closed(&out, "nurse", "NURSE-1");
}

#[test]
fn on_the_day_summer_time_starts_noon_is_1100_utc() {
    let job = nurse().closes("2026-03-29");
    let out = noon_site(job.clone()).build("2026-03-29T10:59:00Z");
    assert_open(&out, "nurse", "NURSE-1");
    let out = noon_site(job).build("2026-03-29T11:00:00Z");
    assert_closed(&out, "nurse", "NURSE-1");
}

#[test]
fn on_the_day_summer_time_ends_noon_is_1200_utc() {
    let job = nurse().closes("2026-10-25");
    // 11:00 UTC was noon the day before; on the 25th it is 11am GMT.
    let out = noon_site(job.clone()).build("2026-10-25T11:00:00Z");
    assert_open(&out, "nurse", "NURSE-1");
    let out = noon_site(job.clone()).build("2026-10-25T11:59:00Z");
    assert_open(&out, "nurse", "NURSE-1");
    let out = noon_site(job).build("2026-10-25T12:00:00Z");
    assert_closed(&out, "nurse", "NURSE-1");
}

#[test]
fn the_closing_moment_shown_follows_the_clock_change() {
    let out = noon_site(nurse().closes("2026-03-29")).build("2026-03-01");
    let html = out.html("jobs/nurse/index.html");
    assert_eq!(closing_moment(&html), "2026-03-29T12:00:00+01:00");
    let out = noon_site(nurse().closes("2026-10-25")).build("2026-10-01");
    let html = out.html("jobs/nurse/index.html");
    assert_eq!(closing_moment(&html), "2026-10-25T12:00:00+00:00");
}

#[test]
fn a_closing_date_time_with_an_offset_is_that_moment() {
    let job = nurse().closes("2026-02-10T09:30:00+00:00");
    let out = site_with(job.clone()).build("2026-02-10T09:29:59Z");
    assert_open(&out, "nurse", "NURSE-1");
    let out = site_with(job).build("2026-02-10T09:30:00Z");
    assert_closed(&out, "nurse", "NURSE-1");
}

#[test]
fn a_job_closed_early_is_open_the_day_before() {
    let job = nurse()
        .closes("2026-12-31")
        .with("closed_early: 2026-06-10");
    let out = site_with(job).build("2026-06-09T23:59:00+01:00");
    assert_open(&out, "nurse", "NURSE-1");
}

#[test]
fn a_job_closed_early_is_closed_from_the_start_of_that_day() {
    let job = nurse()
        .closes("2026-12-31")
        .with("closed_early: 2026-06-10");
    let out = site_with(job.clone()).build("2026-06-10");
    assert_closed(&out, "nurse", "NURSE-1");
    let html = out.html("jobs/nurse/index.html");
    assert!(
        page_text(&html).contains("closed early, on 10 June 2026"),
        "the page says it closed early"
    );
    // 23:30 UTC on the 9th is 00:30 on the 10th in London.
    let out = site_with(job).build("2026-06-09T23:30:00Z");
    assert_closed(&out, "nurse", "NURSE-1");
}

#[test]
fn a_job_posted_in_the_future_is_not_output_at_all() {
    let job = nurse().posted("2026-03-01").closes("2026-03-31");
    let out = site_with(job).build("2026-02-28");
    assert!(!out.exists("jobs/nurse/index.html"), "no page yet");
    assert!(
        !out.exists("bands/band-6/index.html"),
        "no band page for it yet"
    );
    assert_unlisted(&out, "nurse", "NURSE-1");
    assert!(!out.text("feed.xml").contains("NURSE-1"));
}

#[test]
fn a_job_is_published_when_its_posted_day_begins_in_london() {
    let job = nurse().posted("2026-06-10").closes("2026-06-30");
    // 22:59 UTC on the 9th is still the 9th in London.
    let out = site_with(job.clone()).build("2026-06-09T22:59:00Z");
    assert!(!out.exists("jobs/nurse/index.html"));
    // 23:00 UTC is midnight BST on the 10th.
    let out = site_with(job.clone()).build("2026-06-09T23:00:00Z");
    assert_open(&out, "nurse", "NURSE-1");
    let out = site_with(job).build("2026-06-10");
    assert_open(&out, "nurse", "NURSE-1");
}

fn draft() -> Job {
    Job::new("Ward Manager", "DRAFT-1")
        .band("7")
        .town("Sidcup")
        .closes("2026-12-31")
        .with("draft: true")
}

#[test]
fn a_draft_is_not_output() {
    let out = site_with(nurse())
        .vacancy("draft.md", draft())
        .build("2026-02-01");
    assert!(!out.exists("jobs/draft/index.html"));
    assert!(!out.exists("bands/band-7/index.html"));
    assert!(!out.exists("locations/sidcup/index.html"));
    assert_unlisted(&out, "draft", "DRAFT-1");
    // Every file, the search bundle's binary ones included (its compressed
    // index is read in the search tests).
    for (file, bytes) in out.files() {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("Ward Manager"), "{file} mentions the draft");
    }
}

#[test]
fn with_drafts_a_draft_is_listed_marked_draft_and_noindex() {
    let out = site_with(nurse())
        .vacancy("draft.md", draft())
        .build_drafts("2026-02-01");
    let home = out.html("index.html");
    assert!(listed_titles(&home).contains(&"Ward Manager".to_owned()));
    let band = out.html("bands/band-7/index.html");
    assert_eq!(listed_titles(&band), ["Ward Manager"]);
    let town = out.html("locations/sidcup/index.html");
    assert_eq!(listed_titles(&town), ["Ward Manager"]);

    let page = out.html("jobs/draft/index.html");
    assert_eq!(text_of(&page, "h1"), "Ward Manager");
    assert!(main_text(&page).contains("Draft"), "the page says Draft");
    // ... and so does its card in the lists.
    let home_text = main_text(&home);
    assert!(home_text.contains("Draft"), "{home_text}");
    assert!(is_noindex(&page));
    assert!(json_ld(&page).is_empty(), "a draft has no JSON-LD");
}

#[test]
fn with_drafts_a_draft_is_in_no_feed_and_not_in_the_sitemap() {
    let out = site_with(nurse())
        .vacancy("draft.md", draft())
        .build_drafts("2026-02-01");
    let feeds = output_files(&out, "feed.xml");
    assert!(feeds.contains(&"bands/band-7/feed.xml".to_owned()));
    assert!(feeds.contains(&"locations/sidcup/feed.xml".to_owned()));
    for feed in feeds {
        let parsed = parse_feed(&out.text(&feed));
        assert!(
            !parsed.guid_set().contains("DRAFT-1"),
            "DRAFT-1 is in {feed}"
        );
    }
    assert!(
        parse_feed(&out.text("feed.xml"))
            .guid_set()
            .contains("NURSE-1")
    );
    let urls = sitemap_urls(&out.text("sitemap.xml"));
    assert!(!urls.iter().any(|u| u.contains("jobs/draft/")));
}

#[test]
fn a_preview_build_is_not_crawlable() {
    let out = site_with(nurse())
        .vacancy("draft.md", draft())
        .build_drafts("2026-02-01");
    assert!(out.text("robots.txt").contains("Disallow: /"));
}

#[test]
fn a_closing_moment_given_in_utc_is_shown_in_london_time() {
    let out = site_with(nurse().closes("2026-07-10T09:30:00Z")).build("2026-07-01");
    let html = out.html("jobs/nurse/index.html");
    assert_eq!(facts(&html)["Closes"], "10 July 2026 at 10:30am");
    assert_eq!(closing_moment(&html), "2026-07-10T10:30:00+01:00");
}

#[test]
fn another_site_timezone_moves_the_closing_moment() {
    let job = nurse().closes("2026-02-10");
    let site = || site_with(job.clone()).settings("timezone: America/New_York");
    // 23:59 in New York on 10 February is 04:59 UTC on the 11th.
    let out = site().build("2026-02-11T04:58:00Z");
    assert_open(&out, "nurse", "NURSE-1");
    let out = site().build("2026-02-11T04:59:00Z");
    assert_closed(&out, "nurse", "NURSE-1");
    // --now as a date is that day's midnight in the site timezone.
    let out = site().build("2026-02-11");
    assert_closed(&out, "nurse", "NURSE-1");
    let out = site().build("2026-02-10");
    assert_open(&out, "nurse", "NURSE-1");
}
