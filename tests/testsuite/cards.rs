//! What a candidate scans on a list: each card's posted date and "New"
//! tag, contract, working pattern and hours, the closing time when it is
//! not the end of the day; each band's pay range on the bands index; and
//! the closing moments the page script reads to stay true between builds.

use crate::common;
use common::*;

const NOW: &str = "2026-03-10";

fn site() -> Fixture {
    Fixture::new()
        .vacancy(
            "new.md",
            Job::new("Staff Nurse", "R-1")
                .posted("2026-03-04")
                .closes("2026-04-30")
                .with("salary:\n  min: 29970\n  max: 36483\n  period: year")
                .with("contract: permanent\nworking_pattern: [full-time, part-time]\nhours: 37.5"),
        )
        .vacancy(
            "older.md",
            Job::new("Ward Nurse", "R-2")
                .posted("2026-03-03")
                .closes("2026-04-30T12:00")
                .with("salary:\n  min: 31000\n  period: year"),
        )
        .vacancy(
            "bank.md",
            Job::new("Bank Nurse", "R-3")
                .posted("2026-02-01")
                .with("salary:\n  min: 18.5\n  max: 21.25\n  period: hour")
                .with("contract: bank"),
        )
        .vacancy(
            "closed.md",
            Job::new("Closed Nurse", "R-4")
                .posted("2026-01-01")
                .closes("2026-03-01")
                .with("salary:\n  min: 90000\n  period: year"),
        )
}

/// The card of `title` on the home page.
fn card(out: &Output, title: &str) -> scraper::ElementRef<'static> {
    let html: &'static scraper::Html = Box::leak(Box::new(out.html("index.html")));
    html.select(&selector(".app-vacancy-list__item"))
        .find(|li| li.text().any(|t| t.contains(title)))
        .unwrap_or_else(|| panic!("a card for {title}"))
}

fn words(card: scraper::ElementRef<'_>) -> String {
    card.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_card_says_when_it_was_posted_and_tags_it_new_for_seven_days() {
    let out = site().build(NOW);
    let fresh = words(card(&out, "Staff Nurse"));
    assert!(fresh.contains("New"), "posted 6 days ago: {fresh}");
    assert!(fresh.contains("Posted 4 March 2026"), "{fresh}");
    let older = words(card(&out, "Ward Nurse"));
    assert!(!older.contains("New"), "posted 7 days ago: {older}");
    assert!(older.contains("Posted 3 March 2026"), "{older}");
}

#[test]
fn a_card_gives_contract_pattern_and_hours_in_one_line() {
    let out = site().build(NOW);
    assert!(
        words(card(&out, "Staff Nurse"))
            .contains("Permanent, full time, part time, 37.5 hours a week"),
        "{}",
        words(card(&out, "Staff Nurse"))
    );
    assert!(words(card(&out, "Bank Nurse")).contains("Bank"));
    assert!(
        card(&out, "Ward Nurse")
            .select(&selector(".app-vacancy-terms"))
            .next()
            .is_none(),
        "no line when the advert gives none of them"
    );
}

#[test]
fn a_card_gives_the_closing_time_only_when_it_is_not_the_end_of_the_day() {
    let out = site().build(NOW);
    let noon = words(card(&out, "Ward Nurse"));
    assert!(noon.contains("Closes 30 April 2026 at midday"), "{noon}");
    let evening = words(card(&out, "Staff Nurse"));
    assert!(evening.contains("Closes 30 April 2026"), "{evening}");
    assert!(!evening.contains("11:59pm"), "{evening}");
}

#[test]
fn each_band_on_the_bands_index_gives_the_pay_of_its_open_jobs() {
    let out = site().build(NOW);
    let html = out.html("bands/index.html");
    let band5: Vec<String> = html
        .select(&selector(".nhsuk-card"))
        .map(|c| words(c))
        .filter(|w| w.contains("Band 5"))
        .collect();
    assert_eq!(band5.len(), 1, "{band5:?}");
    // The closed advert's £90,000 is not counted.
    assert!(
        band5[0].contains("£29,970 to £36,483 a year; £18.50 to £21.25 an hour"),
        "{}",
        band5[0]
    );
}

#[test]
fn open_cards_and_pages_carry_their_closing_moment_for_the_page_script() {
    let out = site().build(NOW);
    let moment = card(&out, "Ward Nurse")
        .value()
        .attr("data-closes")
        .map(str::to_owned);
    // British Summer Time has begun by 30 April.
    assert_eq!(moment.as_deref(), Some("2026-04-30T12:00:00+01:00"));

    let page = out.html("jobs/older/index.html");
    assert_eq!(
        attrs(&page, "article[data-closes]", "data-closes"),
        ["2026-04-30T12:00:00+01:00"]
    );
    let notice = page
        .select(&selector("[data-closed-notice]"))
        .next()
        .expect("a closed notice for the script to show");
    assert!(notice.value().attr("hidden").is_some(), "hidden until then");
    assert!(words(notice).contains("This job has closed"));
    let scripts = attrs(&page, "script[src]", "src");
    assert_eq!(scripts, ["../../js/closing.js"]);
    assert!(out.text("js/closing.js").contains("data-closes"));

    // A closed page has nothing for the script to do.
    let closed = out.html("jobs/closed/index.html");
    assert!(closed.select(&selector("[data-closes]")).next().is_none());
}
