//! Large, deep, looping and unreadable input: the build finishes (or fails
//! with a message naming the file) and never panics or hangs.
//!
//! The heavy test is `#[ignore]`d; run it with
//! `cargo test --release --test robustness -- --ignored`.

use crate::common;
use common::*;

use std::fs;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use careers::diagnostics::Severity;

const NOW: &str = "2026-02-01";

/// Runs `work` on its own thread and fails the test if it takes longer
/// than `limit` (a hang), instead of blocking the test run for ever.
fn within<T: Send + 'static>(limit: Duration, work: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(work());
    });
    match rx.recv_timeout(limit) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("did not finish within {limit:?}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the work panicked"),
    }
}

/// The largest body allowed (1 MB, a hundred times a long real advert)
/// builds in full; bigger ones are refused (see the body_cost tests).
#[test]
fn an_advert_just_under_the_one_megabyte_limit_builds() {
    let paragraph = "The ward team cares for adults with **acute** medical needs, \
        working with [physiotherapists](https://example.nhs.uk/physio) and \
        pharmacists to get people home safely.\n\n- Early warning scores\n- Safe discharge\n\n";
    let mut body = String::from("## Job summary\n\nA very long advert.\n\n");
    while body.len() + paragraph.len() < 1024 * 1024 - 100 {
        body.push_str(paragraph);
    }
    // Raw HTML sends the whole body through the sanitiser too.
    body.push_str("<b>The end.</b>\n");
    let site = Fixture::new().job(
        "long.md",
        &Job::new("Staff Nurse", "R-1").front_matter(),
        &body,
    );
    let started = Instant::now();
    let out = within(Duration::from_secs(60), move || {
        let out = site.build(NOW);
        (site, out)
    })
    .1;
    eprintln!("a 1 MB advert built in {:?}", started.elapsed());
    let page = out.text("jobs/long/index.html");
    assert!(page.len() > 1024 * 1024, "the whole advert is on its page");
    assert!(page.contains("<b>The end.</b>"));
}

#[test]
#[ignore = "heavy: 20,000 adverts; run by hand with --release -- --ignored"]
fn twenty_thousand_adverts_build() {
    const COUNT: usize = 20_000;
    let started = Instant::now();
    let site = Fixture::new().settings("page_size: 50");
    for i in 0..COUNT {
        let job = Job::new(&format!("Staff Nurse {i}"), &format!("R-{i:05}"))
            .band(&(1 + i % 7).to_string())
            .town(["Dartford", "Sidcup", "Maidstone", "Gravesend"][i % 4]);
        site.write(
            &format!("content/jobs/{:02}/nurse-{i:05}.md", i % 100),
            &format!("---\n{}---\nA short advert.\n", job.front_matter()),
        );
    }
    eprintln!("{COUNT} adverts written in {:?}", started.elapsed());
    let started = Instant::now();
    let out = within(Duration::from_secs(600), move || {
        let out = site.build(NOW);
        (site, out)
    })
    .1;
    eprintln!("{COUNT} adverts built in {:?}", started.elapsed());
    let pages = fs::read_dir(out.path("jobs"))
        .expect("jobs/")
        .filter(|e| {
            e.as_ref()
                .expect("entry")
                .path()
                .join("index.html")
                .is_file()
        })
        .count();
    assert_eq!(pages, COUNT);
    assert_eq!(parse_feed(&out.text("feed.xml")).items.len(), 100);
}

#[test]
fn folders_fifty_levels_deep_work() {
    let deep: String = (1..=50).map(|n| format!("level-{n:02}/")).collect();
    let site = Fixture::new()
        .job(
            &format!("{deep}deep-nurse.md"),
            &Job::new("Deep Nurse", "R-1")
                .with(&format!(
                    "documents:\n  - title: Job description\n    file: documents/{deep}jd.pdf"
                ))
                .front_matter(),
            "## Job summary\n\nFar down.\n",
        )
        .page(&format!("{deep}about.md"), "title: About us", "Hello.\n");
    site.write(&format!("content/documents/{deep}jd.pdf"), "%PDF-1.4\n");
    let out = site.build(NOW);
    assert_eq!(
        text_of(&out.html("jobs/deep-nurse/index.html"), "h1"),
        "Deep Nurse"
    );
    assert!(out.exists("about/index.html"));
    assert_eq!(out.text(&format!("documents/{deep}jd.pdf")), "%PDF-1.4\n");
}

#[cfg(unix)]
#[test]
fn symbolic_links_and_loops_are_skipped_with_a_warning() {
    use std::os::unix::fs::symlink;

    let outside = tempfile::tempdir().expect("temporary folder");
    let secret = outside.path().join("secret.md");
    fs::write(
        &secret,
        format!(
            "---\n{}---\nNot for publishing.\n",
            Job::new("Secret", "R-9").front_matter()
        ),
    )
    .expect("write");
    let site = Fixture::new().vacancy("nursing/nurse.md", Job::new("Staff Nurse", "R-1"));
    let jobs = site.root().join("content/jobs");
    symlink(".", jobs.join("loop")).expect("link");
    symlink("..", jobs.join("nursing/up")).expect("link");
    symlink(&secret, jobs.join("secret.md")).expect("link");
    site.write("content/documents/jd.pdf", "%PDF-1.4\n");
    symlink(".", site.root().join("content/documents/again")).expect("link");

    let (site, report) = within(Duration::from_secs(30), move || {
        let report = site.try_build(NOW);
        (site, report)
    });
    let report = report.unwrap_or_else(|e| panic!("the build succeeds: {e:?}"));
    let warned: Vec<&str> = report
        .warnings
        .iter()
        .filter(|d| d.severity == Severity::Warning && d.message.contains("symbolic link"))
        .map(|d| d.file.as_str())
        .collect();
    assert_eq!(
        warned,
        [
            "content/documents/again",
            "content/jobs/loop",
            "content/jobs/nursing/up",
            "content/jobs/secret.md"
        ]
    );
    assert_eq!(report.counts.open, 1, "only the real advert");
    let out = Output::at(site.public());
    assert!(out.exists("jobs/nurse/index.html"));
    assert!(
        !out.exists("jobs/secret/index.html"),
        "a linked file is not published"
    );
    assert!(out.exists("documents/jd.pdf"));
    assert!(!out.path("documents/again").exists());
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named() {
    use std::os::unix::fs::PermissionsExt;

    let site = Fixture::new()
        .vacancy("nurse.md", Job::new("Staff Nurse", "R-1"))
        .vacancy("locked.md", Job::new("Locked", "R-2"));
    let locked = site.root().join("content/jobs/locked.md");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).expect("chmod");
    if fs::read(&locked).is_ok() {
        // Root (or a file system without permissions) reads it anyway.
        eprintln!("skipped: this account can read a file with no permissions");
        return;
    }
    let problems = site.build_errors(NOW);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).expect("chmod back");
    let named: Vec<String> = problems
        .iter()
        .filter(|d| d.file == "content/jobs/locked.md")
        .map(|d| d.to_string())
        .collect();
    assert_eq!(named.len(), 1, "{problems}");
    assert!(named[0].contains("could not be read"), "{}", named[0]);
    assert!(named[0].contains("help:"), "{}", named[0]);
    assert!(!site.public().exists(), "nothing written");
}

#[test]
fn builds_made_at_once_in_one_process_each_get_their_search_index() {
    // As serve's previews and a build can; the indexer uses rayon inside its
    // own runtime, so it must neither nest runtimes nor starve the pool.
    use rayon::prelude::*;
    let big = || {
        (0..150).fold(Fixture::new(), |site, i| {
            site.vacancy(
                &format!("job-{i}.md"),
                Job::new(&format!("Staff Nurse {i}"), &format!("REF-{i}")).band("5"),
            )
        })
    };
    let sites: Vec<Fixture> = (0..8).map(|_| big()).collect();
    let indexed: Vec<usize> = sites
        .par_iter()
        .map(|site| {
            let rendered = careers::render_site(&site.options(NOW)).expect("the build works");
            rendered
                .files
                .iter()
                .filter(|f| f.path.ends_with(".pf_fragment"))
                .count()
        })
        .collect();
    assert_eq!(
        indexed,
        vec![150; 8],
        "each site indexes its 150 open vacancies"
    );
}
