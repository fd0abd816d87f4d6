//! The corpus of broken sites in tests/broken/<case>/, one per mistake a
//! comms officer can make, checked through the real binary as they would
//! run it: `careers check` fails, names the file, the line and column and a
//! fix, and its whole message is held in a snapshot (tests/testsuite/snapshots/) so
//! a reviewer can judge the wording; `careers build` over an output folder
//! built from a good site fails and leaves that folder byte-for-byte as it
//! was. The sites in tests/tolerated/ differ from a good site only in ways
//! that must not matter (BOM, CRLF, trailing spaces, spellings of a band)
//! and must build.
//!
//! A new mistake is a new folder under tests/broken/ and a line in
//! `broken!` below; `every_broken_site_has_a_test` fails until both exist.

use crate::common;
use common::{snapshot, text_of};

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

const NOW: &str = "2026-01-01";

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn careers(args: &[&str], root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_careers"))
        .args(args)
        .arg("--root")
        .arg(root)
        .args(["--now", NOW])
        .env_remove("CAREERS_NOW")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Copies the folder `from` into `to`, byte for byte.
fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create folder");
    for entry in fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// A copy of tests/broken/<case> (or tests/tolerated/<case>) as `site/` in a
/// new temporary folder, so nothing is ever written beside the corpus.
fn copy_of(group: &str, case: &str) -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let root = dir.path().join("site");
    copy_dir(&tests_dir().join(group).join(case), &root);
    (dir, root)
}

/// Runs `check` on a copy of the case: it fails, names the file and the
/// place (`content/jobs/staff-nurse.md:10:9`, or just the file for a
/// problem between files) and the fix; the whole message is snapshotted.
fn check_case(case: &str, place: &str) -> String {
    let (_dir, root) = copy_of("broken", case);
    let out = careers(&["check"], &root);
    let text = stderr(&out);
    assert!(!out.status.success(), "{case}: check must fail:\n{text}");
    assert!(
        text.contains(&format!("--> {place}\n")),
        "{case}: the message names {place}:\n{text}"
    );
    assert!(text.contains("help: "), "{case}: a fix is given:\n{text}");
    assert!(
        text.contains("fix these and run careers check again"),
        "{case}: ends with what to do:\n{text}"
    );
    for jargon in [
        "Kind",
        "Spanned",
        "serde",
        "invalid type",
        "unwrap",
        "panicked",
    ] {
        assert!(
            !text.contains(jargon),
            "{case}: no programmer's words ({jargon}):\n{text}"
        );
    }
    insta::assert_snapshot!(case, text);
    text
}

/// Builds a good site into an output folder, then breaks the site into
/// this case and builds again into the same folder: the build fails and
/// the folder keeps every file, byte for byte, and no other.
fn build_leaves_output_unchanged(case: &str) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let root = dir.path().join("site");
    let output = dir.path().join("out");
    copy_dir(&tests_dir().join("good-site"), &root);
    let out_arg = output.to_str().expect("UTF-8 path");
    let good = careers(&["build", "--output", out_arg], &root);
    assert!(
        good.status.success(),
        "the good site builds: {}",
        stderr(&good)
    );
    let before = snapshot(&output);
    assert!(before.contains_key("jobs/staff-nurse/index.html"));

    fs::remove_dir_all(root.join("content")).expect("remove content");
    copy_dir(&tests_dir().join("broken").join(case), &root);
    let broken = careers(&["build", "--output", out_arg], &root);
    assert!(
        !broken.status.success(),
        "{case}: build must fail: {}",
        stdout(&broken)
    );
    assert!(
        stderr(&broken).contains("nothing was written"),
        "{case}: {}",
        stderr(&broken)
    );
    let after = snapshot(&output);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>(),
        "{case}: the same files"
    );
    assert!(
        after == before,
        "{case}: every file byte for byte as it was"
    );
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .expect("read folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["out", "site"], "{case}: no staging folder left");
}

/// One test per case: `name: "folder" => "file:line:column"`.
macro_rules! broken {
    ($($name:ident: $case:literal => $place:literal;)*) => {
        const CASES: &[&str] = &[$($case),*];
        $(
            #[test]
            fn $name() {
                check_case($case, $place);
                build_leaves_output_unchanged($case);
            }
        )*
    };
}

broken! {
    yaml_unclosed_quote: "yaml-unclosed-quote" => "content/jobs/staff-nurse.md:2:8";
    yaml_bad_indentation: "yaml-bad-indentation" => "content/jobs/staff-nurse.md:7:8";
    yaml_tab: "yaml-tab" => "content/jobs/staff-nurse.md:6:1";
    yaml_duplicate_field: "yaml-duplicate-field" => "content/jobs/staff-nurse.md:11:1";
    no_front_matter: "no-front-matter" => "content/jobs/staff-nurse.md:1:1";
    unterminated_front_matter: "unterminated-front-matter" => "content/jobs/staff-nurse.md:1:1";
    empty_file: "empty-file" => "content/jobs/staff-nurse.md:1:1";
    missing_required_field: "missing-required-field" => "content/jobs/staff-nurse.md:2:1";
    unknown_field_job: "unknown-field-job" => "content/jobs/staff-nurse.md:10:1";
    unknown_field_site_misspelt: "unknown-field-site-misspelt" => "content/site.yaml:2:1";
    unknown_field_site: "unknown-field-site" => "content/site.yaml:4:1";
    band_11: "band-11" => "content/jobs/staff-nurse.md:4:7";
    band_8e: "band-8e" => "content/jobs/staff-nurse.md:4:7";
    impossible_date_uk: "impossible-date-uk" => "content/jobs/staff-nurse.md:10:9";
    impossible_date_iso: "impossible-date-iso" => "content/jobs/staff-nurse.md:10:9";
    date_in_words: "date-in-words" => "content/jobs/staff-nurse.md:10:9";
    date_with_dots: "date-with-dots" => "content/jobs/staff-nurse.md:10:9";
    closes_before_posted: "closes-before-posted" => "content/jobs/staff-nurse.md:10:9";
    salary_max_below_min: "salary-max-below-min" => "content/jobs/staff-nurse.md:7:8";
    salary_negative: "salary-negative" => "content/jobs/staff-nurse.md:6:8";
    salary_absurd: "salary-absurd" => "content/jobs/staff-nurse.md:6:8";
    unknown_employer: "unknown-employer" => "content/jobs/staff-nurse.md:11:11";
    // Problems between files (site/checks.rs) name both files, on the later
    // file's `reference:` line, or on no line for a URL made from a file name.
    duplicate_reference: "duplicate-reference" => "content/jobs/staff-nurse.md:3:12";
    duplicate_url: "duplicate-url" => "content/jobs/surgery/staff-nurse.md";
    missing_document: "missing-document" => "content/jobs/staff-nurse.md:13:11";
    document_outside_folder: "document-outside-folder" => "content/jobs/staff-nurse.md:13:11";
    slug_leaves_folder: "slug-leaves-folder" => "content/jobs/staff-nurse.md:11:7";
    not_utf8: "not-utf8" => "content/jobs/staff-nurse.md:14:25";
    template_syntax_error: "template-syntax-error" => "themes/default/templates/vacancy.html:6:4";
    placeholder_left: "placeholder-left" => "content/jobs/staff-nurse.md:3:12";
    yaml_alias_bomb_site: "yaml-alias-bomb-site" => "content/site.yaml:9:14";
    yaml_alias_bomb_job: "yaml-alias-bomb-job" => "content/jobs/staff-nurse.md:10:14";
    yaml_deep_nesting_site: "yaml-deep-nesting-site" => "content/site.yaml:4:262";
    yaml_deep_nesting_job: "yaml-deep-nesting-job" => "content/jobs/staff-nurse.md:5:259";
}

/// A file the YAML reader stops at to protect the build (an alias bomb,
/// nesting 10,000 deep) is explained in plain words, naming the settings
/// or the front matter as the file is, never the reader's internals.
#[test]
fn yaml_too_costly_to_read_is_explained_in_plain_words() {
    for (case, words, part) in [
        (
            "yaml-alias-bomb-site",
            "an alias (`*name`) in the settings file is expanded too many times",
            "site.yaml has a few dozen settings",
        ),
        (
            "yaml-deep-nesting-site",
            "the settings file is nested too deeply (more than 64",
            "brackets `[` or `{` opened again",
        ),
        (
            "yaml-alias-bomb-job",
            "an alias (`*name`) in the front matter is expanded too many times",
            "an advert or a page has a few dozen fields",
        ),
        (
            "yaml-deep-nesting-job",
            "the front matter is nested too deeply (more than 64",
            "brackets `[` or `{` opened again",
        ),
    ] {
        let (_dir, root) = copy_of("broken", case);
        let text = stderr(&careers(&["check"], &root));
        assert!(text.contains(&format!("error: {words}")), "{case}:\n{text}");
        assert!(text.contains(part), "{case}: a hint that fits:\n{text}");
        for internal in ["budget", "breached", "Nodes", "Depth", "recursion"] {
            assert!(
                !text.contains(internal),
                "{case}: no internals ({internal}):\n{text}"
            );
        }
        if case.ends_with("-site") {
            assert!(text.contains("--> content/site.yaml:"), "{case}:\n{text}");
            assert!(
                !text.contains("front matter"),
                "{case}: site.yaml has no front matter:\n{text}"
            );
        } else {
            assert!(
                text.contains("--> content/jobs/staff-nurse.md:"),
                "{case}:\n{text}"
            );
        }
    }
}

#[test]
fn every_broken_site_has_a_test() {
    let mut found: Vec<String> = fs::read_dir(tests_dir().join("broken"))
        .expect("tests/broken")
        .map(|e| e.expect("entry"))
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let mut tested: Vec<&str> = CASES.to_vec();
    tested.sort_unstable();
    assert_eq!(found, tested);
}

#[test]
fn clashes_between_files_name_both_files() {
    let (_dir, root) = copy_of("broken", "duplicate-reference");
    let text = stderr(&careers(&["check"], &root));
    assert!(
        text.contains("content/jobs/staff-nurse-nights.md"),
        "{text}"
    );
    assert!(text.contains("content/jobs/staff-nurse.md"), "{text}");
    let (_dir, root) = copy_of("broken", "duplicate-url");
    let text = stderr(&careers(&["check"], &root));
    assert!(text.contains("content/jobs/staff-nurse.md"), "{text}");
    assert!(
        text.contains("content/jobs/surgery/staff-nurse.md"),
        "{text}"
    );
    assert!(text.contains("jobs/staff-nurse/"), "{text}");
}

#[test]
fn a_slug_that_is_a_path_writes_nothing_anywhere() {
    let (dir, root) = copy_of("broken", "slug-leaves-folder");
    let output = dir.path().join("out");
    let out = careers(
        &["build", "--output", output.to_str().expect("UTF-8 path")],
        &root,
    );
    assert!(!out.status.success());
    assert!(!output.exists(), "no output folder");
    let everything = snapshot(dir.path());
    assert!(
        everything.keys().all(|p| p.starts_with("site/content/")),
        "only the site's own files: {:?}",
        everything.keys().collect::<Vec<_>>()
    );
}

#[test]
fn check_as_json_gives_every_field_of_each_problem() {
    let (_dir, root) = copy_of("broken", "impossible-date-uk");
    let out = careers(&["check", "--format", "json"], &root);
    assert!(!out.status.success());
    let problems: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("stdout is JSON");
    assert_eq!(
        problems,
        serde_json::json!([{
            "file": "content/jobs/staff-nurse.md",
            "line": 10,
            "column": 9,
            "severity": "error",
            "message": "`closes`: 31 February 2026 does not exist",
            "hint": "February 2026 has 28 days",
        }])
    );
}

#[test]
fn check_for_github_annotates_the_line() {
    let (_dir, root) = copy_of("broken", "unknown-field-job");
    let out = careers(&["check", "--format", "github"], &root);
    assert!(!out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    assert!(
        lines[0].starts_with("::error file=content/jobs/staff-nurse.md,line=10,col=1::"),
        "{text}"
    );
    assert!(lines[0].contains("did you mean `closes`?"), "{text}");
}

/// Builds tests/tolerated/<case> and returns its output folder.
fn build_tolerated(case: &str) -> (TempDir, PathBuf) {
    let (dir, root) = copy_of("tolerated", case);
    let output = dir.path().join("out");
    let out = careers(
        &["build", "--output", output.to_str().expect("UTF-8 path")],
        &root,
    );
    assert!(out.status.success(), "{case} builds:\n{}", stderr(&out));
    assert_eq!(stderr(&out), "", "{case}: no warnings");
    (dir, output)
}

fn vacancy_heading(output: &Path, slug: &str) -> String {
    let page = fs::read_to_string(output.join(format!("jobs/{slug}/index.html")))
        .unwrap_or_else(|e| panic!("jobs/{slug}/index.html: {e}"));
    text_of(&scraper::Html::parse_document(&page), "h1")
}

#[test]
fn a_byte_order_mark_crlf_and_trailing_spaces_do_not_matter() {
    for case in ["bom", "crlf", "trailing-spaces"] {
        let (_dir, output) = build_tolerated(case);
        assert_eq!(
            vacancy_heading(&output, "staff-nurse"),
            "Staff Nurse",
            "{case}"
        );
        let feed = fs::read_to_string(output.join("feed.xml")).expect("feed.xml");
        let doc = roxmltree::Document::parse(&feed).expect("the feed parses");
        let title = doc
            .descendants()
            .find(|n| n.has_tag_name("item"))
            .and_then(|item| item.children().find(|n| n.has_tag_name("title")))
            .and_then(|t| t.text())
            .expect("an item title");
        assert_eq!(
            title, "Staff Nurse",
            "{case}: nothing left over in the feed"
        );
        assert!(
            output.join("bands/band-5/index.html").is_file(),
            "{case}: band 5 read"
        );
    }
}

#[test]
fn band_6_band_6_and_6_are_one_band() {
    let (_dir, output) = build_tolerated("band-spellings");
    let bands: Vec<String> = fs::read_dir(output.join("bands"))
        .expect("bands/")
        .map(|e| e.expect("entry"))
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(bands, ["band-6"]);
    let list = fs::read_to_string(output.join("bands/band-6/index.html")).expect("band page");
    for title in ["Staff Nurse", "Charge Nurse", "Sister"] {
        assert!(list.contains(title), "{title} is listed in Band 6");
    }
}
