//! Content that breaks the contract: every problem reported in one run,
//! with the file, the line and what would be right; and the date forms
//! people write.

use crate::common;
use common::*;

use careers::diagnostics::{Diagnostic, Diagnostics, Severity};

const NOW: &str = "2026-02-01";

fn errors(problems: &Diagnostics) -> Vec<&Diagnostic> {
    problems
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

/// The one error about `file` whose message contains `words`.
fn error_about<'a>(problems: &'a Diagnostics, file: &str, words: &str) -> &'a Diagnostic {
    let found: Vec<_> = errors(problems)
        .into_iter()
        .filter(|d| d.file == file && d.message.contains(words))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one error about {words} in {file}:\n{problems}"
    );
    found[0]
}

fn line(d: &Diagnostic) -> Option<usize> {
    d.position.map(|p| p.line)
}

#[test]
fn a_misspelt_site_setting_is_named_with_the_right_one() {
    let problems = Fixture::new()
        .site_yaml("title: T\nbase_ulr: https://example.nhs.uk/\nemployer: E\n")
        .vacancy("a.md", Job::new("Nurse", "R-1"))
        .build_errors(NOW);
    let error = error_about(&problems, "content/site.yaml", "base_ulr");
    assert_eq!(line(error), Some(2));
    let text = error.to_string();
    assert!(text.contains("base_url"), "suggests base_url: {text}");
}

#[test]
fn a_misspelt_job_field_is_named_with_the_right_one() {
    let problems = Fixture::new()
        .job(
            "a.md",
            &Job::new("Nurse", "R-1")
                .with("clozed_early: 2026-01-20")
                .front_matter(),
            "Body.\n",
        )
        .build_errors(NOW);
    let error = error_about(&problems, "content/jobs/a.md", "clozed_early");
    assert_eq!(line(error), Some(8));
    assert!(error.to_string().contains("closed_early"), "{error}");
}

#[test]
fn every_problem_in_every_file_is_reported_in_one_run() {
    let problems = Fixture::new()
        .job(
            "a.md",
            &Job::new("Nurse", "R-1")
                .band("8e")
                .closes("31/02/2026")
                .front_matter(),
            "Body.\n",
        )
        .job(
            "b.md",
            &Job::new("Physio", "R-2").band("Band 12").front_matter(),
            "Body.\n",
        )
        .vacancy("c.md", Job::new("Fine", "R-3"))
        .build_errors(NOW);
    let a = error_about(&problems, "content/jobs/a.md", "8e");
    assert_eq!(line(a), Some(4));
    let a_closes: Vec<_> = errors(&problems)
        .into_iter()
        .filter(|d| d.file == "content/jobs/a.md" && line(d) == Some(7))
        .collect();
    assert_eq!(a_closes.len(), 1, "the impossible date too:\n{problems}");
    let b = error_about(&problems, "content/jobs/b.md", "Band 12");
    assert_eq!(line(b), Some(4));
    assert!(
        !problems
            .iter()
            .any(|d| d.file == "content/jobs/c.md" && d.is_error()),
        "{problems}"
    );
}

#[test]
fn band_8_must_say_which_8() {
    let problems = Fixture::new()
        .job(
            "a.md",
            &Job::new("Nurse", "R-1").band("8").front_matter(),
            "Body.\n",
        )
        .build_errors(NOW);
    let error = errors(&problems)[0];
    assert!(error.to_string().contains("8a"), "{error}");
}

#[test]
fn two_adverts_with_one_reference_are_an_error_naming_both_files() {
    let problems = Fixture::new()
        .vacancy("a.md", Job::new("Nurse", "R-1"))
        .vacancy("b.md", Job::new("Physio", "R-1"))
        .build_errors(NOW);
    let all = problems.to_string();
    assert!(all.contains("content/jobs/a.md"), "{all}");
    assert!(all.contains("content/jobs/b.md"), "{all}");
    assert!(all.contains("R-1"), "{all}");
}

#[test]
fn two_adverts_with_one_slug_are_an_error_naming_both_files() {
    let problems = Fixture::new()
        .vacancy("nurse.md", Job::new("Nurse", "R-1"))
        .vacancy("kent/nurse.md", Job::new("Kent Nurse", "R-2"))
        .build_errors(NOW);
    let all = problems.to_string();
    assert!(all.contains("content/jobs/nurse.md"), "{all}");
    assert!(all.contains("content/jobs/kent/nurse.md"), "{all}");
    // A `slug:` settles it.
    let out = Fixture::new()
        .vacancy("nurse.md", Job::new("Nurse", "R-1"))
        .vacancy(
            "kent/nurse.md",
            Job::new("Kent Nurse", "R-2").with("slug: kent-nurse"),
        )
        .build(NOW);
    assert!(out.exists("jobs/nurse/index.html"));
    assert!(out.exists("jobs/kent-nurse/index.html"));
}

#[test]
fn a_free_page_cannot_take_a_generated_path() {
    for slug in ["jobs", "bands", "locations", "page", "documents", "css"] {
        let problems = Fixture::new()
            .vacancy("a.md", Job::new("Nurse", "R-1"))
            .page("x.md", &format!("title: X\nslug: {slug}"), "Hello.\n")
            .build_errors(NOW);
        assert!(
            errors(&problems)
                .iter()
                .any(|d| d.file == "content/pages/x.md"),
            "slug {slug}: {problems}"
        );
    }
}

#[test]
fn a_free_page_cannot_take_a_name_kept_for_pages_still_to_come() {
    // /search/ and /alerts/ (and the search index's /pagefind/) are not
    // written yet: a page taking one now would have to move when they are.
    for slug in ["search", "alerts", "pagefind"] {
        let problems = Fixture::new()
            .vacancy("a.md", Job::new("Nurse", "R-1"))
            .page("x.md", &format!("title: X\nslug: {slug}"), "Hello.\n")
            .build_errors(NOW);
        let d = error_about(&problems, "content/pages/x.md", "taken by the site");
        assert_eq!(line(d), Some(3), "slug {slug}: {problems}");
    }
}

#[test]
fn a_free_page_may_take_a_name_the_site_does_not_use() {
    // `serve` once answered at /livereload; it now answers under
    // /__careers/ only, so the name is free for a page.
    let out = Fixture::new()
        .vacancy("a.md", Job::new("Nurse", "R-1"))
        .page("x.md", "title: Live reload\nslug: livereload", "Hello.\n")
        .build(NOW);
    assert!(out.exists("livereload/index.html"));
}

#[test]
fn a_job_may_not_close_before_it_is_posted() {
    let problems = Fixture::new()
        .job(
            "a.md",
            &Job::new("Nurse", "R-1")
                .posted("2026-01-10")
                .closes("2026-01-05")
                .front_matter(),
            "Body.\n",
        )
        .build_errors(NOW);
    assert_eq!(line(errors(&problems)[0]), Some(7));
}

#[test]
fn a_document_that_is_not_there_is_an_error() {
    let problems = Fixture::new()
        .job(
            "a.md",
            &Job::new("Nurse", "R-1")
                .with("documents:\n  - title: JD\n    file: documents/missing.pdf")
                .front_matter(),
            "Body.\n",
        )
        .build_errors(NOW);
    let error = errors(&problems)[0];
    assert_eq!(error.file, "content/jobs/a.md");
    assert!(error.to_string().contains("missing.pdf"), "{error}");
}

#[test]
fn an_employer_must_be_one_the_site_knows() {
    let problems = Fixture::new()
        .site_yaml(
            "title: T\nbase_url: https://example.nhs.uk/\nemployers:\n  - name: Oxleas NHS Foundation Trust\n",
        )
        .job(
            "a.md",
            &Job::new("Nurse", "R-1").with("employer: Oxleas NHS Trust").front_matter(),
            "Body.\n",
        )
        .build_errors(NOW);
    let error = errors(&problems)[0];
    assert_eq!(error.file, "content/jobs/a.md");
    assert_eq!(line(error), Some(8));
}

#[test]
fn more_than_ten_sites_is_an_error() {
    let sites: String = (1..=11)
        .map(|n| format!("  - site: Clinic {n}\n    town: Town {n}\n"))
        .collect();
    let problems = Fixture::new()
        .job(
            "a.md",
            &Job::new("Nurse", "R-1")
                .locations_yaml(&format!("locations:\n{sites}"))
                .front_matter(),
            "Body.\n",
        )
        .build_errors(NOW);
    assert_eq!(errors(&problems)[0].file, "content/jobs/a.md");
}

#[test]
fn dates_are_read_as_people_in_the_uk_write_them() {
    let out = Fixture::new()
        .vacancy("iso.md", Job::new("Iso", "R-1").closes("2026-09-03"))
        .vacancy("slash.md", Job::new("Slash", "R-2").closes("03/09/2026"))
        .vacancy(
            "words.md",
            Job::new("Words", "R-3").closes("3 September 2026"),
        )
        .build(NOW);
    for slug in ["iso", "slash", "words"] {
        let html = out.html(&format!("jobs/{slug}/index.html"));
        assert_eq!(
            closing_moment(&html),
            "2026-09-03T23:59:00+01:00",
            "{slug}: day first, never month first"
        );
    }
}

#[test]
fn a_closing_time_without_an_offset_is_london_wall_clock_time() {
    let out = Fixture::new()
        .vacancy("a.md", Job::new("A", "R-1").closes("\"2026-07-15 12:00\""))
        .build(NOW);
    let html = out.html("jobs/a/index.html");
    assert_eq!(closing_moment(&html), "2026-07-15T12:00:00+01:00");
}

#[test]
fn a_closing_time_that_does_not_exist_moves_forward() {
    // 01:30 on 29 March 2026 never happens in London: clocks go 01:00 -> 02:00.
    let out = Fixture::new()
        .vacancy("a.md", Job::new("A", "R-1").closes("\"2026-03-29 01:30\""))
        .build(NOW);
    let html = out.html("jobs/a/index.html");
    assert_eq!(closing_moment(&html), "2026-03-29T02:30:00+01:00");
}

#[test]
fn a_closing_time_that_happens_twice_means_the_first() {
    // 01:30 on 25 October 2026 happens in BST, then again in GMT.
    let site = Fixture::new()
        .vacancy("a.md", Job::new("A", "R-1").closes("\"2026-10-25 01:30\""))
        .vacancy("b.md", Job::new("B", "R-2"));
    let out = site.build(NOW);
    let html = out.html("jobs/a/index.html");
    assert_eq!(closing_moment(&html), "2026-10-25T01:30:00+01:00");
    let out = site.build("2026-10-25T00:29:00Z");
    assert_open(&out, "a", "R-1");
    let out = site.build("2026-10-25T00:30:00Z");
    assert_closed(&out, "a", "R-1");
}

#[test]
fn warnings_do_not_stop_a_build() {
    let site = Fixture::new().vacancy("a.md", Job::new("Nurse", "R-1"));
    let report = site.try_build(NOW).expect("builds");
    assert!(
        report
            .warnings
            .iter()
            .all(|d| d.severity == Severity::Warning),
        "{}",
        report.warnings
    );
    assert!(site.public().join("jobs/a/index.html").is_file());
}

#[test]
fn a_grade_with_no_letters_or_digits_is_an_error() {
    // It would have no page of its own (bands/<slug>/) and would overwrite
    // the band index.
    let problems = Fixture::new()
        .vacancy("b.md", Job::new("B", "R-2"))
        .job(
            "a.md",
            &Job::new("A", "R-1").band("\"???\"").front_matter(),
            "Body.\n",
        )
        .build_errors(NOW);
    let error = error_about(&problems, "content/jobs/a.md", "???");
    assert_eq!(line(error), Some(4));
}

#[test]
fn a_job_file_name_with_no_letters_or_digits_needs_a_slug() {
    // Its page would be jobs//index.html, that is jobs/index.html.
    let problems = Fixture::new()
        .vacancy("b.md", Job::new("B", "R-2"))
        .vacancy("!!!.md", Job::new("A", "R-1"))
        .build_errors(NOW);
    let found: Vec<_> = errors(&problems)
        .into_iter()
        .filter(|d| d.file == "content/jobs/!!!.md")
        .collect();
    assert_eq!(found.len(), 1, "{problems}");
    assert!(found[0].to_string().contains("slug"), "{}", found[0]);
    // With a `slug:` it builds.
    let out = Fixture::new()
        .vacancy("!!!.md", Job::new("A", "R-1").with("slug: urgent-nurse"))
        .build(NOW);
    assert!(out.exists("jobs/urgent-nurse/index.html"));
}
