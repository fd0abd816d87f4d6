//! The `careers` binary: help, version, build summaries, errors with file
//! and line, and the CAREERS_NOW variable.

use crate::common;
use common::*;

use std::process::{Command, Output as Run};

fn careers(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_careers"));
    command
        .args(args)
        .env_remove("CAREERS_NOW")
        .env("NO_COLOR", "1");
    command
}

fn run(command: &mut Command) -> Run {
    command.output().expect("the binary runs")
}

fn stdout(run: &Run) -> String {
    String::from_utf8_lossy(&run.stdout).into_owned()
}

fn stderr(run: &Run) -> String {
    String::from_utf8_lossy(&run.stderr).into_owned()
}

fn site() -> Fixture {
    Fixture::new()
        .vacancy(
            "nurse.md",
            Job::new("Staff Nurse", "R-1").closes("2026-02-10"),
        )
        .vacancy(
            "physio.md",
            Job::new("Physiotherapist", "R-2").closes("2026-03-10"),
        )
}

#[test]
fn help_lists_the_commands() {
    let out = run(&mut careers(&["--help"]));
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("Usage: careers"), "{text}");
    assert!(text.contains("build"), "{text}");
    assert!(text.contains("check"), "{text}");
    let out = run(&mut careers(&["build", "--help"]));
    assert!(out.status.success());
    let text = stdout(&out);
    for flag in ["--root", "--output", "--now", "--drafts"] {
        assert!(text.contains(flag), "build --help mentions {flag}: {text}");
    }
}

#[test]
fn version_prints_the_package_version() {
    let out = run(&mut careers(&["--version"]));
    assert!(out.status.success());
    assert_eq!(
        stdout(&out).trim(),
        format!("careers {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn an_unknown_command_fails_with_usage() {
    let out = run(&mut careers(&["bulid"]));
    assert!(!out.status.success());
    assert!(stderr(&out).contains("Usage"), "{}", stderr(&out));
}

#[test]
fn build_writes_the_site_and_prints_a_summary() {
    let site = site();
    let root = site.root().to_str().unwrap();
    let out = run(&mut careers(&[
        "build",
        "--root",
        root,
        "--now",
        "2026-01-01",
    ]));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("2 open"),
        "the summary counts open jobs: {text}"
    );
    assert!(text.contains("0 closed"), "{text}");
    assert!(site.public().join("jobs/nurse/index.html").is_file());
    assert!(site.public().join("feed.xml").is_file());
}

#[test]
fn build_output_writes_where_it_is_told() {
    let site = site();
    let root = site.root().to_str().unwrap();
    let target = site.root().join("elsewhere");
    let out = run(&mut careers(&[
        "build",
        "--root",
        root,
        "--now",
        "2026-01-01",
        "--output",
        target.to_str().unwrap(),
    ]));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(target.join("index.html").is_file());
    assert!(!site.public().exists());
}

#[test]
fn no_search_leaves_out_the_index_and_nothing_else() {
    let site = site();
    let root = site.root().to_str().unwrap();
    let with = site.root().join("with");
    let without = site.root().join("without");
    for (target, extra) in [(&with, None), (&without, Some("--no-search"))] {
        let mut args = vec!["build", "--root", root, "--now", "2026-01-01"];
        args.extend(["--output", target.to_str().unwrap()]);
        args.extend(extra);
        let out = run(&mut careers(&args));
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert!(with.join("pagefind/pagefind.js").is_file());
    assert!(!without.join("pagefind").exists());
    let files = |dir: &std::path::Path| -> Vec<(String, Vec<u8>)> {
        let mut found: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap();
                (
                    rel.to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .filter(|(rel, _)| !rel.starts_with("pagefind"))
            .collect();
        found.sort();
        found
    };
    assert!(files(&with) == files(&without), "the pages differ");
}

#[test]
fn a_broken_job_fails_naming_the_file_and_line() {
    let site = Fixture::new().job(
        "nurse.md",
        &Job::new("Staff Nurse", "R-1").band("8e").front_matter(),
        "Body.\n",
    );
    let root = site.root().to_str().unwrap();
    let out = run(&mut careers(&[
        "build",
        "--root",
        root,
        "--now",
        "2026-01-01",
    ]));
    assert!(!out.status.success());
    let text = stderr(&out);
    // Line 4 of the file: ---, title, reference, band.
    assert!(text.contains("content/jobs/nurse.md:4"), "{text}");
    assert!(text.contains("8e"), "{text}");
    assert!(!site.public().exists(), "nothing was written");
}

#[test]
fn check_reports_the_same_problem_without_writing() {
    let site = Fixture::new().job(
        "nurse.md",
        &Job::new("Staff Nurse", "R-1").band("8e").front_matter(),
        "Body.\n",
    );
    let root = site.root().to_str().unwrap();
    let out = run(&mut careers(&[
        "check",
        "--root",
        root,
        "--now",
        "2026-01-01",
    ]));
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("content/jobs/nurse.md:4"),
        "{}",
        stderr(&out)
    );
    assert!(!site.public().exists());
}

#[test]
fn a_foreign_output_folder_is_refused() {
    let site = site();
    let root = site.root().to_str().unwrap();
    site.write("mine/notes.txt", "keep me");
    let mine = site.root().join("mine");
    let out = run(&mut careers(&[
        "build",
        "--root",
        root,
        "--now",
        "2026-01-01",
        "--output",
        mine.to_str().unwrap(),
    ]));
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("not made by careers"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(mine.join("notes.txt")).unwrap(),
        "keep me"
    );
}

/// Whether the build in `public/` lists the nurse job (open).
fn nurse_is_listed(site: &Fixture) -> bool {
    let out = Output::at(site.public());
    listed_titles(&out.html("index.html")).contains(&"Staff Nurse".to_owned())
}

#[test]
fn careers_now_is_honoured_like_now() {
    let site = site();
    let root = site.root().to_str().unwrap();
    let out = run(careers(&["build", "--root", root]).env("CAREERS_NOW", "2026-02-10"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(nurse_is_listed(&site), "open on its closing day");
    assert!(stdout(&out).contains("2 open"), "{}", stdout(&out));

    let out = run(careers(&["build", "--root", root]).env("CAREERS_NOW", "2026-02-11"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!nurse_is_listed(&site), "closed the day after");
    assert!(
        stdout(&out).contains("1 open and 1 closed"),
        "{}",
        stdout(&out)
    );

    let out = run(careers(&["build", "--root", root]).env("CAREERS_NOW", "2026-02-10T23:59:00Z"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!nurse_is_listed(&site), "an RFC 3339 moment works too");
}

#[test]
fn now_on_the_command_line_wins_over_careers_now() {
    let site = site();
    let root = site.root().to_str().unwrap();
    let out =
        run(careers(&["build", "--root", root, "--now", "2026-02-10"])
            .env("CAREERS_NOW", "2026-02-11"));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(nurse_is_listed(&site));
}

#[test]
fn a_bad_now_is_an_error() {
    let site = site();
    let root = site.root().to_str().unwrap();
    let out = run(&mut careers(&[
        "build",
        "--root",
        root,
        "--now",
        "next tuesday",
    ]));
    assert!(!out.status.success());
    assert!(stderr(&out).contains("next tuesday"), "{}", stderr(&out));
    assert!(!site.public().exists());
}

#[test]
fn two_cli_builds_with_the_same_now_are_identical() {
    let site = site();
    let root = site.root().to_str().unwrap();
    let a = site.root().join("a");
    let b = site.root().join("b");
    for dir in [&a, &b] {
        let out = run(&mut careers(&[
            "build",
            "--root",
            root,
            "--now",
            "2026-01-01",
            "--output",
            dir.to_str().unwrap(),
        ]));
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert_eq!(snapshot(&a), snapshot(&b));
}

#[test]
fn check_says_what_it_checked_and_writes_nothing() {
    let site = site();
    let root = site.root().to_str().unwrap();
    let out = run(&mut careers(&[
        "check",
        "--root",
        root,
        "--now",
        "2026-03-01",
    ]));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "checked 2 vacancies: 1 open, 1 closed; no errors"
    );
    assert!(!site.public().exists());
}
