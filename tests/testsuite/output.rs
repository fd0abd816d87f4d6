//! The output folder: reproducible, replaced whole, untouched by a failed
//! build, and never a folder the generator did not make.

use crate::common;
use common::*;

use std::fs;
use std::path::Path;

use careers::output::{MARKER, OutputError};
use careers::{BuildOptions, Error};

const NOW: &str = "2026-02-01";

fn site() -> Fixture {
    let site = Fixture::new()
        .settings("page_size: 2")
        .vacancy(
            "nurse.md",
            Job::new("Staff Nurse", "R-1")
                .band("5")
                .posted("2026-01-05"),
        )
        .vacancy(
            "physio.md",
            Job::new("Physiotherapist", "R-2")
                .band("6")
                .town("Ynys Môn")
                .posted("2026-01-04")
                .with("documents:\n  - title: JD\n    file: documents/jd.pdf"),
        )
        .vacancy(
            "manager.md",
            Job::new("Ward Manager", "R-3")
                .band("7")
                .posted("2026-01-03"),
        )
        .vacancy(
            "closed.md",
            Job::new("Closed", "R-4").band("8a").closes("2026-01-20"),
        )
        .page("about.md", "title: About us\nmenu: 1", "About.\n");
    site.write_bytes("content/documents/jd.pdf", b"%PDF-1.4\n");
    site
}

fn options_into(site: &Fixture, output: &Path) -> BuildOptions {
    BuildOptions {
        output: Some(output.to_owned()),
        ..site.options(NOW)
    }
}

/// The names in a folder, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn two_builds_of_the_same_site_at_the_same_moment_are_byte_identical() {
    let site = site();
    let first = site.root().join("out-1");
    let second = site.root().join("out-2");
    careers::build(&options_into(&site, &first)).unwrap();
    careers::build(&options_into(&site, &second)).unwrap();
    let a = snapshot(&first);
    let b = snapshot(&second);
    assert!(a.len() > 20, "a real site: {:?}", a.keys());
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between builds");
    }
}

#[test]
fn the_order_files_were_written_in_does_not_change_the_output() {
    // The same content, created in the opposite order.
    let forward = Fixture::new()
        .vacancy("a.md", Job::new("Alpha", "R-1"))
        .vacancy("b.md", Job::new("Beta", "R-2"))
        .vacancy("c.md", Job::new("Gamma", "R-3").town("dartford"));
    let backward = Fixture::new()
        .vacancy("c.md", Job::new("Gamma", "R-3").town("dartford"))
        .vacancy("b.md", Job::new("Beta", "R-2"))
        .vacancy("a.md", Job::new("Alpha", "R-1"));
    let a = forward.build(NOW).files();
    let b = backward.build(NOW).files();
    assert_eq!(a, b);
}

#[test]
fn a_failed_build_leaves_the_old_output_byte_for_byte() {
    let site = site();
    let out = site.build(NOW);
    let before = out.files();
    assert!(before.contains_key("jobs/nurse/index.html"));

    // A comms officer mistypes a band.
    site.write(
        "content/jobs/nurse.md",
        &format!(
            "---\n{}---\nBody.\n",
            Job::new("Staff Nurse", "R-1").band("8e").front_matter()
        ),
    );
    // ... and adds a new job, which must not appear either.
    let site = site.vacancy("new.md", Job::new("New Job", "R-9"));
    match site.try_build(NOW) {
        Err(Error::Invalid(problems)) => {
            assert!(
                problems
                    .iter()
                    .any(|d| d.file == "content/jobs/nurse.md" && d.message.contains("8e")),
                "{problems}"
            );
        }
        other => panic!("expected invalid content, got {other:?}"),
    }
    assert_eq!(out.files(), before, "the output is exactly as it was");
    assert_eq!(
        names_in(site.root()),
        ["content", "public"],
        "no staging folder left"
    );
}

#[test]
fn a_template_that_fails_while_rendering_leaves_the_old_output() {
    let site = site();
    let out = site.build(NOW);
    let before = out.files();
    site.write(
        "themes/default/templates/vacancy.html",
        "{% extends \"base.html\" %}{% block content %}{{ vacancy.no_such_field.deeper }}{% endblock content %}",
    );
    assert!(matches!(site.try_build(NOW), Err(Error::Invalid(_))));
    assert_eq!(out.files(), before);
    assert_eq!(names_in(site.root()), ["content", "public", "themes"]);
}

#[test]
fn a_build_that_fails_while_writing_leaves_the_old_output_and_no_staging_folder() {
    let site = site();
    let out = site.build(NOW);
    let before = out.files();
    // A theme file named like a folder the site needs cannot be written.
    site.write("themes/default/static/jobs", "not a folder");
    let result = site.try_build(NOW);
    assert!(matches!(result, Err(Error::Output(_))), "{result:?}");
    assert_eq!(out.files(), before);
    assert_eq!(names_in(site.root()), ["content", "public", "themes"]);
}

#[test]
fn a_successful_build_leaves_no_staging_folders_and_marks_its_output() {
    let site = site();
    site.build(NOW);
    site.build(NOW);
    assert_eq!(names_in(site.root()), ["content", "public"]);
    assert!(site.public().join(MARKER).is_file());
}

#[test]
fn a_removed_job_disappears_on_the_next_build() {
    let site = site();
    let out = site.build(NOW);
    assert!(out.exists("jobs/manager/index.html"));
    assert!(out.exists("bands/band-7/index.html"));
    site.remove("content/jobs/manager.md");
    let out = site.build(NOW);
    assert!(!out.exists("jobs/manager/index.html"), "its page is gone");
    assert!(!out.path("jobs/manager").exists(), "and its folder");
    assert!(
        !out.exists("bands/band-7/index.html"),
        "no advert names band 7"
    );
    assert!(!listed_titles(&out.html("index.html")).contains(&"Ward Manager".to_owned()));
    assert!(out.exists("jobs/nurse/index.html"), "the others stay");
}

#[test]
fn files_that_no_longer_belong_are_removed() {
    let site = site();
    site.build(NOW);
    site.write("public/stray.html", "left over");
    site.remove("content/documents/jd.pdf");
    site.write(
        "content/jobs/physio.md",
        &format!(
            "---\n{}---\nBody.\n",
            Job::new("Physiotherapist", "R-2").band("6").front_matter()
        ),
    );
    let out = site.build(NOW);
    assert!(!out.exists("stray.html"));
    assert!(!out.exists("documents/jd.pdf"));
}

#[test]
fn a_foreign_output_folder_is_refused_and_left_exactly_as_it_was() {
    let site = site();
    let foreign = site.root().join("my-documents");
    fs::create_dir_all(foreign.join("letters")).unwrap();
    fs::write(foreign.join("cv.docx"), b"my cv").unwrap();
    fs::write(
        foreign.join("letters/reference.txt"),
        b"to whom it may concern",
    )
    .unwrap();
    let before = snapshot(&foreign);

    let result = careers::build(&options_into(&site, &foreign));
    match result {
        Err(Error::Output(OutputError::Foreign(path))) => assert_eq!(path, foreign),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(snapshot(&foreign), before);
    assert!(!foreign.join(MARKER).exists());
    assert_eq!(names_in(site.root()), ["content", "my-documents"]);
}

#[test]
fn a_foreign_folder_is_refused_even_when_the_content_is_broken() {
    let site = Fixture::new().job("bad.md", "title: [unclosed", "Body.\n");
    let foreign = site.root().join("elsewhere");
    fs::create_dir_all(&foreign).unwrap();
    fs::write(foreign.join("keep.txt"), b"keep").unwrap();
    let result = careers::build(&options_into(&site, &foreign));
    assert!(
        matches!(result, Err(Error::Output(OutputError::Foreign(_)))),
        "{result:?}"
    );
    assert_eq!(fs::read(foreign.join("keep.txt")).unwrap(), b"keep");
    assert_eq!(names_in(&foreign), ["keep.txt"]);
}

#[test]
fn an_empty_output_folder_is_accepted() {
    let site = site();
    let empty = site.root().join("site-output");
    fs::create_dir_all(&empty).unwrap();
    careers::build(&options_into(&site, &empty)).unwrap();
    assert!(empty.join("index.html").is_file());
    assert!(empty.join(MARKER).is_file());
    // Now it is ours: building again replaces it.
    careers::build(&options_into(&site, &empty)).unwrap();
    assert!(empty.join("jobs/nurse/index.html").is_file());
}

#[test]
fn an_output_path_that_is_a_file_is_refused() {
    let site = site();
    let file = site.root().join("notes.txt");
    fs::write(&file, b"notes").unwrap();
    let result = careers::build(&options_into(&site, &file));
    assert!(
        matches!(result, Err(Error::Output(OutputError::NotAFolder(_)))),
        "{result:?}"
    );
    assert_eq!(fs::read(&file).unwrap(), b"notes");
}

#[test]
fn check_writes_nothing() {
    let site = site();
    let report = careers::check(&site.options(NOW)).unwrap();
    assert_eq!(report.counts.open, 3);
    assert_eq!(report.counts.closed, 1);
    assert_eq!(report.files_written, 0);
    assert!(!site.public().exists());
}

#[test]
fn the_build_report_counts_open_and_closed_jobs() {
    let site = site().vacancy("draft.md", Job::new("Draft", "R-8").with("draft: true"));
    let report = site.try_build(NOW).unwrap();
    assert_eq!(
        (
            report.counts.open,
            report.counts.closed,
            report.counts.previews
        ),
        (3, 1, 0)
    );
    assert!(report.files_written >= report.files_rendered);
    let mut options = site.options(NOW);
    options.visibility.drafts = true;
    let report = careers::build(&options).unwrap();
    assert_eq!(
        (
            report.counts.open,
            report.counts.closed,
            report.counts.previews
        ),
        (3, 1, 1)
    );
}
