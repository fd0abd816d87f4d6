//! Each open job has its own page at jobs/<slug>/ showing what a candidate
//! needs: title, band, pay, where, and when it closes.

use crate::common;
use common::*;

fn site() -> Fixture {
    Fixture::new()
        .vacancy(
            "senior-ot.md",
            Job::new("Senior Occupational Therapist", "380-AC0746")
                .band("6")
                .closes("2026-09-28")
                .with("salary:\n  min: 40617\n  max: 48778\n  period: year"),
        )
        .vacancy(
            "bank-hca.md",
            Job::new("Bank Healthcare Support Worker", "WDM-BANK-1")
                .band("Band 3")
                .town("Maidstone")
                .closes("2026-10-05")
                .with("salary:\n  min: 12.45\n  period: hour\n  pro_rata: true"),
        )
        .vacancy(
            "consultant.md",
            Job::new("Consultant in Emergency Medicine", "WDM-CONS-1")
                .band("Consultant")
                .locations_yaml(
                    "locations:\n  - site: Littlebrook Hospital\n    address: Bow Arrow Lane\n    town: Dartford\n    postcode: DA2 6PB\n  - town: Gravesend",
                )
                .closes("1 November 2026"),
        )
}

#[test]
fn every_open_job_has_a_page_with_its_title_in_the_heading() {
    let out = site().build("2026-06-01");
    for (slug, title) in [
        ("senior-ot", "Senior Occupational Therapist"),
        ("bank-hca", "Bank Healthcare Support Worker"),
        ("consultant", "Consultant in Emergency Medicine"),
    ] {
        let html = out.html(&format!("jobs/{slug}/index.html"));
        assert_eq!(text_of(&html, "h1"), title);
        assert!(
            texts(&html, "title")[0].starts_with(title),
            "the browser tab names {title}"
        );
    }
}

#[test]
fn a_job_page_shows_band_salary_town_reference_and_closing_time() {
    let out = site().build("2026-06-01");
    let html = out.html("jobs/senior-ot/index.html");
    let facts = facts(&html);
    assert_eq!(facts["Band"], "6");
    assert_eq!(facts["Salary"], "£40,617 to £48,778 a year");
    assert_eq!(facts["Location"], "Dartford");
    assert_eq!(facts["Reference"], "380-AC0746");
    assert_eq!(facts["Posted"], "1 January 2026");
    assert_eq!(facts["Closes"], "28 September 2026 at 11:59pm");
    // The machine-readable closing moment is in British Summer Time.
    assert_eq!(closing_moment(&html), "2026-09-28T23:59:00+01:00");
}

#[test]
fn an_hourly_rate_shows_pence_and_pro_rata() {
    let out = site().build("2026-06-01");
    let facts = facts(&out.html("jobs/bank-hca/index.html"));
    assert_eq!(facts["Band"], "3");
    assert_eq!(facts["Salary"], "£12.45 an hour pro rata");
    assert_eq!(facts["Location"], "Maidstone");
}

#[test]
fn a_job_at_two_sites_lists_both_addresses_and_links_each_town() {
    let out = site().build("2026-06-01");
    let html = out.html("jobs/consultant/index.html");
    let facts = facts(&html);
    // A grade that is not an Agenda for Change band is labelled as a grade.
    assert_eq!(facts["Grade"], "Consultant");
    assert_eq!(facts["Closes"], "1 November 2026 at 11:59pm");
    let addresses = texts(&html, "main address");
    assert_eq!(addresses.len(), 2);
    assert!(addresses[0].contains("Littlebrook Hospital"));
    assert!(addresses[0].contains("DA2 6PB"));
    assert!(addresses[1].contains("Gravesend"));
    assert_eq!(
        attrs(&html, "main address a", "href"),
        ["../../locations/dartford/", "../../locations/gravesend/"]
    );
}

#[test]
fn a_site_that_closes_at_noon_says_midday() {
    let out = site()
        .settings("closing_time: \"12:00\"")
        .build("2026-06-01");
    let facts = facts(&out.html("jobs/senior-ot/index.html"));
    assert_eq!(facts["Closes"], "28 September 2026 at midday");
}

#[test]
fn the_page_links_back_to_its_band() {
    let out = site().build("2026-06-01");
    let html = out.html("jobs/senior-ot/index.html");
    let band = follow(&out, "jobs/senior-ot/index.html", "../../bands/band-6/");
    assert!(attrs(&html, "main a", "href").contains(&"../../bands/band-6/".to_owned()));
    assert_eq!(text_of(&out.html(&band), "h1"), "Band 6 jobs");
}

#[test]
fn advert_markdown_is_rendered_and_raw_script_is_removed() {
    let out = Fixture::new()
        .job(
            "nurse.md",
            &Job::new("Staff Nurse", "N-1").front_matter(),
            "## Main duties\n\n- Care for patients\n- Teach students\n\n<script>alert(1)</script>\n\n[Click](javascript:alert(1))\n",
        )
        .build("2026-06-01");
    let html = out.html("jobs/nurse/index.html");
    assert_eq!(texts(&html, ".advert h2"), ["Main duties"]);
    assert_eq!(
        texts(&html, ".advert li"),
        ["Care for patients", "Teach students"]
    );
    assert!(
        texts(&html, ".advert script").is_empty(),
        "no script from the advert"
    );
    assert!(
        !attrs(&html, ".advert a", "href")
            .iter()
            .any(|h| h.starts_with("javascript:")),
        "no javascript: link"
    );
}
