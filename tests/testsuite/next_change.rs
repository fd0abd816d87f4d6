//! `careers next-change` names the next moment the published site changes
//! on its own, in UTC, across the clock changes; `build` prints it too.

use crate::common;
use common::*;

use std::path::Path;
use std::process::Command;

fn careers(args: &[&str], root: &Path, now: &str) -> (bool, String, String) {
    let run = Command::new(env!("CARGO_BIN_EXE_careers"))
        .args(args)
        .arg("--root")
        .arg(root)
        .args(["--now", now])
        .env_remove("CAREERS_NOW")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    (
        run.status.success(),
        String::from_utf8_lossy(&run.stdout).into_owned(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

fn next_change(root: &Path, now: &str) -> serde_json::Value {
    let (ok, stdout, stderr) = careers(&["next-change", "--format", "json"], root, now);
    assert!(ok, "next-change failed: {stderr}");
    serde_json::from_str(&stdout).expect("the output is JSON")
}

fn change(at: &str, reason: &str, slug: &str) -> serde_json::Value {
    serde_json::json!({ "next_change": at, "reason": reason, "slug": slug })
}

/// A summer closing (BST), a winter one (GMT), a noon closing, a future
/// advert, a closed-early one, a draft and a closed one.
fn site() -> Fixture {
    Fixture::new()
        .vacancy(
            "summer.md",
            Job::new("Summer Nurse", "R-1").closes("2027-07-15"),
        )
        .vacancy(
            "winter.md",
            Job::new("Winter Nurse", "R-2").closes("2027-01-20"),
        )
        .vacancy(
            "noon.md",
            Job::new("Noon Nurse", "R-3").closes("2026-11-30T12:00"),
        )
        .vacancy(
            "future.md",
            Job::new("Future Nurse", "R-4")
                .posted("2027-03-28")
                .closes("2027-04-30"),
        )
        .vacancy(
            "early.md",
            Job::new("Early Nurse", "R-5")
                .closes("2027-09-30")
                .with("closed_early: 2027-08-01"),
        )
        .vacancy(
            "draft.md",
            Job::new("Draft Nurse", "R-6")
                .closes("2026-11-01")
                .with("draft: true"),
        )
        .vacancy(
            "closed.md",
            Job::new("Closed Nurse", "R-7").closes("2026-10-01"),
        )
}

#[test]
fn the_next_change_is_each_moment_in_turn_in_utc() {
    let site = site();
    let root = site.root();
    // The noon closing, in GMT: the draft closing earlier is not a change.
    assert_eq!(
        next_change(root, "2026-10-15"),
        change("2026-11-30T12:00:00Z", "closes", "noon")
    );
    // An end-of-day closing in winter: 11:59pm GMT.
    assert_eq!(
        next_change(root, "2026-12-01"),
        change("2027-01-20T23:59:00Z", "closes", "winter")
    );
    // A future advert is published at the start of its posted day, the day
    // the clocks go forward (midnight is still GMT).
    assert_eq!(
        next_change(root, "2027-02-01"),
        change("2027-03-28T00:00:00Z", "opens", "future")
    );
    // An end-of-day closing in summer: 11:59pm BST is 22:59 UTC.
    assert_eq!(
        next_change(root, "2027-05-01"),
        change("2027-07-15T22:59:00Z", "closes", "summer")
    );
    // A closed_early day starts at midnight BST, 23:00 UTC the day before.
    assert_eq!(
        next_change(root, "2027-07-20"),
        change("2027-07-31T23:00:00Z", "closed_early", "early")
    );
    // Half an hour before it, 11:30pm BST on 31 July, it is still to come;
    // half an hour after, at 00:30 BST on 1 August (still 31 July in
    // UTC), that day has started: the advert has closed early.
    assert_eq!(
        next_change(root, "2027-07-31T22:30:00Z"),
        change("2027-07-31T23:00:00Z", "closed_early", "early")
    );
    assert_eq!(
        next_change(root, "2027-07-31T23:30:00Z"),
        serde_json::json!({ "next_change": null })
    );
    // Once every advert has closed, nothing is scheduled.
    assert_eq!(
        next_change(root, "2027-08-02"),
        serde_json::json!({ "next_change": null })
    );
}

#[test]
fn build_and_the_text_form_say_the_next_change_in_words() {
    let site = site();
    let (ok, stdout, stderr) = careers(&["next-change"], site.root(), "2026-12-01");
    assert!(ok, "{stderr}");
    assert_eq!(
        stdout.trim(),
        "the site next changes on 20 January 2027 at 11:59pm, when winter closes (2027-01-20T23:59:00Z)"
    );
    let (ok, stdout, stderr) = careers(&["build"], site.root(), "2026-12-01");
    assert!(ok, "{stderr}");
    assert!(
        stdout.contains(
            "the site next changes on 20 January 2027 at 11:59pm, when winter closes: rebuild then"
        ),
        "{stdout}"
    );
}

#[test]
fn a_broken_site_has_no_next_change_and_says_why() {
    let site = Fixture::new().job("broken.md", "title: Nurse\n", "Body.\n");
    let (ok, stdout, stderr) = careers(
        &["next-change", "--format", "json"],
        site.root(),
        "2026-12-01",
    );
    assert!(!ok, "fails: {stdout}");
    assert!(stderr.contains("content/jobs/broken.md"), "{stderr}");
}
