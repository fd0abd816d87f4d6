//! One advert must not stall everyone: `careers check` on a 200 KB body of
//! each shape that is costly to render (deep quotes, deep lists, nested
//! tags, table cells, emphasis runs, brackets, links) finishes in a few
//! seconds, and bodies over the limits on size, nesting and raw HTML are
//! refused with the file and the line.
//!
//! The bound is generous for a debug build on a busy machine; the old
//! sanitiser took minutes on the deep shapes. A release build takes well
//! under a second on each.

use crate::common;
use common::*;

use std::io::Read;
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

const NOW: &str = "2026-02-01";
const SIZE: usize = 200 * 1024;
const BOUND: Duration = Duration::from_secs(5);

/// `careers check` on `site`, failing the test (and stopping the run) if
/// it takes over `BOUND`.
fn check(site: &Fixture) -> (ExitStatus, String) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_careers"))
        .args(["check", "--now", NOW, "--root"])
        .arg(site.root())
        .env_remove("CAREERS_NOW")
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // Read stderr on its own thread so a long message cannot block the run.
    let mut pipe = child.stderr.take().expect("stderr");
    let reader = thread::spawn(move || {
        let mut text = String::new();
        let _ = pipe.read_to_string(&mut text);
        text
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > BOUND {
            let _ = child.kill();
            let _ = child.wait();
            panic!("careers check took over {BOUND:?}");
        }
        thread::sleep(Duration::from_millis(20));
    };
    eprintln!("careers check took {:?}", started.elapsed());
    (status, reader.join().expect("stderr read"))
}

/// `unit` repeated to about 200 KB, after an ordinary opening.
fn repeated(unit: &str) -> String {
    let mut body = String::from("## Job summary\n\nA ward nurse.\n\n");
    while body.len() < SIZE {
        body.push_str(unit);
    }
    body.push('\n');
    body
}

fn advert(body: &str) -> Fixture {
    Fixture::new().job(
        "costly.md",
        &Job::new("Staff Nurse", "R-1").front_matter(),
        body,
    )
}

/// The line of the body's first line in `advert`'s file: front matter of
/// the standard job plus its two `---` lines.
fn first_body_line() -> usize {
    Job::new("Staff Nurse", "R-1")
        .front_matter()
        .lines()
        .count()
        + 3
}

fn assert_refused_at(stderr: &str, file: &str, line: usize, words: &str) {
    assert!(
        stderr.contains(&format!("{file}:{line}:")),
        "names {file} line {line}: {}",
        &stderr[..stderr.len().min(2000)]
    );
    assert!(
        stderr.contains(words),
        "says {words:?}: {}",
        &stderr[..stderr.len().min(2000)]
    );
    assert!(stderr.contains("help:"), "gives a fix");
}

#[test]
fn deep_block_quotes_with_raw_html_are_refused_quickly_on_their_line() {
    let body = format!(
        "## Job summary\n\nA ward nurse.\n\n{}x <b>y</b>\n",
        "> ".repeat(SIZE / 2)
    );
    let (status, stderr) = check(&advert(&body));
    assert!(!status.success());
    assert_refused_at(
        &stderr,
        "content/jobs/costly.md",
        first_body_line() + 4,
        "nested more than 64 deep",
    );
}

#[test]
fn deep_lists_on_one_line_are_refused_quickly_on_their_line() {
    let body = format!("Intro.\n\n{}x <i>y</i>\n", "- ".repeat(SIZE / 2));
    let (status, stderr) = check(&advert(&body));
    assert!(!status.success());
    assert_refused_at(
        &stderr,
        "content/jobs/costly.md",
        first_body_line() + 2,
        "nested more than 64 deep",
    );
}

fn quotes_as_deep_as_allowed_on_every_line_check_quickly() {
    // One raw tag sends the whole body through the sanitiser.
    let line = format!("{}x *y*\n\n", "> ".repeat(60));
    let body = repeated(&line) + "\n<b>end</b>\n";
    let (status, stderr) = check(&advert(&body));
    assert!(status.success(), "{stderr}");
}

fn deeply_indented_lists_check_quickly() {
    let mut unit = String::new();
    for depth in 0..20 {
        unit.push_str(&"  ".repeat(depth));
        unit.push_str("- item *x*\n");
    }
    unit.push('\n');
    let body = repeated(&unit) + "\n<b>end</b>\n";
    let (status, stderr) = check(&advert(&body));
    assert!(status.success(), "{stderr}");
}

fn the_most_raw_tags_left_open_before_a_long_body_check_quickly() {
    let mut body = "<div>".repeat(990);
    body.push_str("\n\n");
    body.push_str(&repeated("> a quote\n\n- a point\n\n"));
    let (status, stderr) = check(&advert(&body));
    assert!(status.success(), "{stderr}");
}

fn many_nested_inline_tags_check_quickly() {
    let body = format!(
        "{}x{}\n\n{}",
        "<b><i>".repeat(450),
        "</i></b>".repeat(450),
        repeated("Some *text* here.\n\n")
    );
    let (status, stderr) = check(&advert(&body));
    assert!(status.success(), "{stderr}");
}

fn a_table_of_many_cells_checks_quickly() {
    let mut body = String::from("| a | b | c |\n|---|---|---|\n");
    while body.len() < SIZE {
        body.push_str("| x | *y* | z |\n");
    }
    body.push_str("\n<b>end</b>\n");
    let (status, stderr) = check(&advert(&body));
    assert!(status.success(), "{stderr}");
}

fn emphasis_runs_and_brackets_check_quickly() {
    for unit in ["*a **b ", "[", "*_~`[!<"] {
        let mut body = repeated(unit);
        body.push_str("\n<b>end</b>\n");
        let (status, stderr) = check(&advert(&body));
        assert!(status.success(), "{unit}: {stderr}");
    }
}

/// Shapes that were already linear, or are as costly as the limits allow:
/// they must still be accepted, and check quickly. (This guards the limits
/// against refusing real content; unlike the others it passed before them.)
#[test]
fn costly_shapes_within_the_limits_are_accepted_and_check_quickly() {
    quotes_as_deep_as_allowed_on_every_line_check_quickly();
    deeply_indented_lists_check_quickly();
    the_most_raw_tags_left_open_before_a_long_body_check_quickly();
    many_nested_inline_tags_check_quickly();
    a_table_of_many_cells_checks_quickly();
    emphasis_runs_and_brackets_check_quickly();
}

#[test]
fn many_links_to_other_pages_check_quickly() {
    let site = advert(&repeated("[how to apply](@/pages/apply.md) ")).page(
        "apply.md",
        "title: How to apply",
        "Apply online.\n",
    );
    let (status, stderr) = check(&site);
    assert!(status.success(), "{stderr}");
}

#[test]
fn a_body_over_one_megabyte_is_refused_on_the_line_that_passes_the_limit() {
    let line = "A line of an advert that goes on and on for a long time, far too long.\n";
    let body = line.repeat(1024 * 1024 / line.len() + 10);
    // The line holding the byte at 1 MB.
    let line_of_limit = first_body_line() + (1024 * 1024) / line.len();
    let (status, stderr) = check(&advert(&body));
    assert!(!status.success());
    assert_refused_at(
        &stderr,
        "content/jobs/costly.md",
        line_of_limit,
        "over the limit of 1024 KB",
    );
}

#[test]
fn too_many_raw_html_tags_are_refused_on_the_line_that_passes_the_limit() {
    let body = "A line with a break<br>\n".repeat(1001);
    let (status, stderr) = check(&advert(&body));
    assert!(!status.success());
    assert_refused_at(
        &stderr,
        "content/jobs/costly.md",
        first_body_line() + 1000,
        "more than 1000 HTML tags",
    );
}

#[test]
fn a_free_page_nested_too_deep_is_refused_on_its_line() {
    let site = Fixture::new()
        .vacancy("nurse.md", Job::new("Staff Nurse", "R-1"))
        .page(
            "about.md",
            "title: About us",
            &format!("Hello.\n\n{}deep\n", "> ".repeat(70)),
        );
    let (status, stderr) = check(&site);
    assert!(!status.success());
    // `---`, the title, `---`, then the body.
    assert_refused_at(
        &stderr,
        "content/pages/about.md",
        6,
        "nested more than 64 deep",
    );
}

#[test]
fn front_matter_over_64_kilobytes_is_refused_on_the_line_that_passes_the_limit() {
    // A `---` missing after the fields, with a later `---` (a rule in the
    // advert) closing the block instead, gives front matter this long.
    let line = "# a comment line inside the front matter, as a pasted advert might leave\n";
    let filler = line.repeat(64 * 1024 / line.len() + 10);
    let front = format!("{}{filler}", Job::new("Staff Nurse", "R-1").front_matter());
    let site = Fixture::new().job("long.md", &front, "Apply online.\n");
    // The opening `---` is line 1; the block's byte at 64 KB is on this line.
    let fields = Job::new("Staff Nurse", "R-1").front_matter();
    let line_of_limit = 2 + fields.lines().count() + (64 * 1024 - fields.len()) / line.len();
    let (status, stderr) = check(&site);
    assert!(!status.success());
    assert_refused_at(
        &stderr,
        "content/jobs/long.md",
        line_of_limit,
        "the front matter is 65 KB, over the limit of 64 KB",
    );
}

#[test]
fn a_settings_file_over_256_kilobytes_is_refused_on_its_line() {
    let line = "# a comment line in the settings file, repeated far beyond any real site\n";
    let filler = line.repeat(256 * 1024 / line.len() + 1);
    let site = Fixture::new()
        .vacancy("nurse.md", Job::new("Staff Nurse", "R-1"))
        .site_yaml(&format!("{SITE_YAML}{filler}"));
    let line_of_limit = SITE_YAML.lines().count() + 1 + (256 * 1024 - SITE_YAML.len()) / line.len();
    let (status, stderr) = check(&site);
    assert!(!status.success());
    assert_refused_at(
        &stderr,
        "content/site.yaml",
        line_of_limit,
        "the settings file is 257 KB, over the limit of 256 KB",
    );
}

#[test]
fn a_content_file_over_two_megabytes_is_refused_before_it_is_read() {
    let body = "A line of an advert.\n".repeat(2 * 1024 * 1024 / 21 + 10);
    let (status, stderr) = check(&advert(&body));
    assert!(!status.success());
    assert!(
        stderr.contains("content/jobs/costly.md") && stderr.contains("over the limit of 2048 KB"),
        "names the file and the limit: {}",
        &stderr[..stderr.len().min(2000)]
    );
    assert!(stderr.contains("help:"), "gives a fix");
}
