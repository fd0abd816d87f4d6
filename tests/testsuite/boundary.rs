//! The site's boundary: nothing from outside `content/` and the site's
//! theme folder is published or quoted in a message, and no path from
//! content leaves where it belongs. Checked through the binary, as a comms
//! officer would run it, on fixture sites in temporary folders: symbolic
//! links at any depth (the top-level folders and `site.yaml` too), themes
//! named by a path, an output folder inside the site's inputs, file names
//! that are not UTF-8, a free page's slug, and a document that cannot be
//! read.

#![cfg(unix)]

use crate::common;
use common::*;

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output as Run};

use careers::session::{Changes, Session};

const NOW: &str = "2026-03-01";

/// Runs `careers <args> --root <root> --now NOW`.
fn careers(args: &[&str], root: &Path) -> Run {
    careers_command(args, root)
        .output()
        .expect("the binary runs")
}

fn careers_command(args: &[&str], root: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_careers"));
    command
        .args(args)
        .arg("--root")
        .arg(root)
        .args(["--now", NOW])
        .env_remove("CAREERS_NOW")
        .env("NO_COLOR", "1");
    command
}

fn stderr(run: &Run) -> String {
    String::from_utf8_lossy(&run.stderr).into_owned()
}

fn succeeds(run: &Run) -> String {
    assert!(run.status.success(), "careers failed:\n{}", stderr(run));
    stderr(run)
}

fn fails(run: &Run) -> String {
    assert!(!run.status.success(), "careers succeeded:\n{}", stderr(run));
    stderr(run)
}

/// A folder outside the site holding one file, `name`, with `text`.
fn outside_with(name: &str, text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join(name);
    fs::create_dir_all(path.parent().unwrap()).expect("folders");
    fs::write(path, text).expect("write");
    dir
}

fn secret_advert() -> String {
    format!(
        "---\n{}---\nNot for publishing.\n",
        Job::new("Secret Post", "R-SECRET").front_matter()
    )
}

fn published_text(out: &Output) -> String {
    out.files()
        .into_iter()
        .map(|(path, bytes)| format!("{path}\n{}\n", String::from_utf8_lossy(&bytes)))
        .collect()
}

#[test]
fn top_level_content_folders_that_are_links_are_skipped_with_a_warning() {
    let cases = [
        ("jobs", "secret.md", secret_advert()),
        (
            "pages",
            "secret.md",
            "---\ntitle: Secret Page\n---\nNot for publishing.\n".to_owned(),
        ),
        (
            "documents",
            "secret.pdf",
            "%PDF-1.4 not for publishing\n".to_owned(),
        ),
    ];
    for (folder, file, text) in cases {
        let outside = outside_with(file, &text);
        let site = Fixture::new().vacancy("nurse.md", Job::new("Staff Nurse", "R-1"));
        let link = site.root().join("content").join(folder);
        if link.exists() {
            fs::remove_dir_all(&link).expect("remove folder");
        }
        symlink(outside.path(), &link).expect("link");

        let warnings = succeeds(&careers(&["build"], site.root()));
        assert!(
            warnings.contains(&format!("content/{folder}")) && warnings.contains("symbolic link"),
            "content/{folder}: the link is named in a warning:\n{warnings}"
        );
        let out = Output::at(site.public());
        let published = published_text(&out);
        assert!(
            !published.contains("Secret") && !published.contains("not for publishing"),
            "content/{folder}: nothing from the linked folder is published"
        );
        assert!(
            !output_files(&out, "").iter().any(|p| p.contains("secret")),
            "content/{folder}: no file from the linked folder: {:?}",
            output_files(&out, "")
        );
    }
}

#[test]
fn a_content_folder_that_is_a_link_is_refused_and_public_is_kept() {
    let elsewhere = Fixture::new().vacancy("secret.md", Job::new("Secret Post", "R-SECRET"));
    let site = Fixture::new().vacancy("nurse.md", Job::new("Staff Nurse", "R-1"));
    succeeds(&careers(&["build"], site.root()));
    let before = snapshot(&site.public());
    let content = site.root().join("content");
    fs::remove_dir_all(&content).expect("remove content");
    symlink(elsewhere.root().join("content"), &content).expect("link");

    let message = fails(&careers(&["build"], site.root()));
    assert!(
        message.contains("content")
            && message.contains("symbolic link")
            && message.contains("help:"),
        "says the content folder is a link, with a fix:\n{message}"
    );
    assert!(!message.contains("Secret"), "nothing from it is read");
    assert_eq!(snapshot(&site.public()), before, "public/ is as it was");
}

#[test]
fn a_site_yaml_that_is_a_link_is_refused_and_not_quoted() {
    let outside = outside_with(
        "private.yaml",
        &format!("{SITE_YAML}password: hunter2-do-not-show\n"),
    );
    let site = Fixture::new().vacancy("nurse.md", Job::new("Staff Nurse", "R-1"));
    let settings = site.root().join("content/site.yaml");
    fs::remove_file(&settings).expect("remove site.yaml");
    symlink(outside.path().join("private.yaml"), &settings).expect("link");

    let message = fails(&careers(&["check"], site.root()));
    assert!(
        message.contains("content/site.yaml") && message.contains("link"),
        "says the settings file is a link:\n{message}"
    );
    assert!(
        !message.contains("hunter2"),
        "nothing of the linked file is quoted:\n{message}"
    );
    assert!(!site.public().exists());
}

/// `serve` re-reads only the files a save names: it must not read through
/// a `content/jobs` that became a link either.
#[test]
fn a_serve_refresh_does_not_read_through_a_linked_jobs_folder() {
    let site = Fixture::new().vacancy("nurse.md", Job::new("Staff Nurse", "R-1"));
    let mut session = Session::new(site.options(NOW));
    session
        .refresh(Changes::Everything)
        .expect("the site builds");

    let outside = outside_with("secret.md", &secret_advert());
    let jobs = site.root().join("content/jobs");
    fs::rename(&jobs, site.root().join("jobs-moved")).expect("move jobs");
    symlink(outside.path(), &jobs).expect("link");
    let changed = vec!["content/jobs/secret.md".to_owned()];
    let loaded = session
        .refresh(Changes::Files(&changed))
        .unwrap_or_else(|problems| panic!("the refresh fails:\n{problems}"));
    let titles: Vec<&str> = loaded
        .site
        .vacancies
        .iter()
        .map(|v| v.vacancy.title.as_str())
        .collect();
    assert!(
        !titles.contains(&"Secret Post"),
        "the linked advert is not read: {titles:?}"
    );
    assert!(
        loaded
            .warnings
            .iter()
            .any(|d| d.file == "content/jobs" && d.message.contains("symbolic link")),
        "the link is named in a warning: {}",
        loaded.warnings
    );
}

/// A theme outside `themes/`, named by a path: refused at its line.
#[test]
fn a_theme_named_by_a_path_is_refused_at_its_line() {
    let outside = outside_with("static/secret.txt", "not for publishing\n");
    let absolute = outside.path().display().to_string();
    for theme in [
        "../elsewhere".to_owned(),
        absolute,
        "mine/../../elsewhere".to_owned(),
    ] {
        let site = Fixture::new()
            .vacancy("nurse.md", Job::new("Staff Nurse", "R-1"))
            .settings(&format!("theme: {}", yaml_string(&theme)));
        site.write("elsewhere/static/secret.txt", "not for publishing\n");
        site.write("themes/mine/static/mine.txt", "mine\n");

        let message = fails(&careers(&["build"], site.root()));
        assert!(
            message.contains("content/site.yaml:4:"),
            "{theme}: names site.yaml and the line of theme::\n{message}"
        );
        assert!(
            message.contains("themes/<name>/") && message.contains("theme: <name>"),
            "{theme}: says where a theme goes:\n{message}"
        );
        assert!(!site.public().exists(), "{theme}: nothing written");
    }
}

#[test]
fn a_theme_folder_that_is_a_link_is_refused() {
    let outside = outside_with("static/secret.txt", "not for publishing\n");
    let site = Fixture::new()
        .vacancy("nurse.md", Job::new("Staff Nurse", "R-1"))
        .settings("theme: linked");
    fs::create_dir_all(site.root().join("themes")).expect("themes");
    symlink(outside.path(), site.root().join("themes/linked")).expect("link");

    let message = fails(&careers(&["build"], site.root()));
    assert!(
        message.contains("themes/linked") && message.contains("symbolic link"),
        "says the theme folder is a link:\n{message}"
    );
    assert!(!site.public().exists(), "nothing written");
}

#[test]
fn links_inside_a_theme_are_not_followed() {
    let outside = outside_with("secret.txt", "not for publishing\n");
    let site = Fixture::new()
        .vacancy("nurse.md", Job::new("Staff Nurse", "R-1"))
        .settings("theme: mine");
    site.write("themes/mine/static/mine.txt", "mine\n");
    symlink(
        outside.path().join("secret.txt"),
        site.root().join("themes/mine/static/secret.txt"),
    )
    .expect("link");
    // A whole static/ folder as a link, in another site's theme.
    let linked_static = outside_with("css/leak.css", "not for publishing\n");
    let warnings = {
        let other = Fixture::new()
            .vacancy("nurse.md", Job::new("Staff Nurse", "R-1"))
            .settings("theme: other");
        fs::create_dir_all(other.root().join("themes/other")).expect("theme");
        symlink(
            linked_static.path(),
            other.root().join("themes/other/static"),
        )
        .expect("link");
        let warnings = succeeds(&careers(&["build"], other.root()));
        let out = Output::at(other.public());
        assert!(
            !out.exists("css/leak.css"),
            "a linked static/ folder is not published"
        );
        warnings
    };
    assert!(
        warnings.contains("themes/other/static") && warnings.contains("symbolic link"),
        "the linked static/ folder is named in a warning:\n{warnings}"
    );

    let warnings = succeeds(&careers(&["build"], site.root()));
    let out = Output::at(site.public());
    assert!(out.exists("mine.txt"));
    assert!(
        !out.exists("secret.txt"),
        "a linked theme file is not published"
    );
    assert!(
        warnings.contains("themes/mine/static/secret.txt") && warnings.contains("symbolic link"),
        "the linked file is named in a warning:\n{warnings}"
    );
}

#[test]
fn an_output_folder_inside_content_or_the_theme_is_refused() {
    let site = Fixture::new()
        .vacancy("nurse.md", Job::new("Staff Nurse", "R-1"))
        .settings("theme: mine");
    site.write("content/documents/jd.pdf", "%PDF-1.4\n");
    site.write("themes/mine/static/mine.txt", "mine\n");
    for output in [
        "content/documents/site",
        "content",
        "content/../content/pages/out",
        "themes/mine/static/out",
    ] {
        let target = site.root().join(output);
        let run = careers(
            &["build", "--output", target.to_str().unwrap()],
            site.root(),
        );
        let message = fails(&run);
        assert!(
            message.contains("--output") && message.contains("inside"),
            "{output}: says why:\n{message}"
        );
        // Built twice, the second build would publish the first.
        let run = careers(
            &["build", "--output", target.to_str().unwrap()],
            site.root(),
        );
        fails(&run);
        assert!(
            !site.root().join("content/documents/site").exists(),
            "{output}: nothing written inside content/"
        );
        assert!(
            !site.root().join("themes/mine/static/out").exists(),
            "{output}: nothing written inside the theme"
        );
    }
    // The same output folder given relative to the current folder.
    let run = careers_command(
        &["build", "--output", "content/documents/site"],
        Path::new("."),
    )
    .current_dir(site.root())
    .output()
    .expect("the binary runs");
    fails(&run);
    assert!(!site.root().join("content/documents/site").exists());
}

#[test]
fn file_names_that_are_not_utf8_are_refused_with_their_folder() {
    let site = Fixture::new().vacancy("nurse.md", Job::new("Staff Nurse", "R-1"));
    let documents = site.root().join("content/documents");
    fs::create_dir_all(&documents).expect("documents");
    // Two names that differ only in a byte that is not UTF-8: shown
    // lossily, both would be the same output file.
    fs::write(
        documents.join(OsStr::from_bytes(b"jd-\xff.pdf")),
        "%PDF-1.4 first\n",
    )
    .expect("write");
    fs::write(
        documents.join(OsStr::from_bytes(b"jd-\xfe.pdf")),
        "%PDF-1.4 second\n",
    )
    .expect("write");
    let jobs = site.root().join("content/jobs");
    fs::write(
        jobs.join(OsStr::from_bytes(b"matron-\xe9.md")),
        format!(
            "---\n{}---\nA body.\n",
            Job::new("Matron", "R-2").front_matter()
        ),
    )
    .expect("write");

    let message = fails(&careers(&["check"], site.root()));
    assert!(
        message.contains("content/documents") && message.contains("jd-\u{FFFD}.pdf"),
        "names the folder and the file:\n{message}"
    );
    assert!(
        message.contains("content/jobs") && message.contains("matron-\u{FFFD}.md"),
        "an advert's name too:\n{message}"
    );
    assert!(message.contains("rename"), "says to rename it:\n{message}");
    let message = fails(&careers(&["build"], site.root()));
    assert!(message.contains("rename"));
    assert!(!site.public().exists(), "nothing written");
}

#[test]
fn a_page_slug_that_leaves_its_folder_is_an_error_at_its_line() {
    for slug in ["../../evil", "a/b", "..\\evil"] {
        let site = Fixture::new()
            .vacancy("nurse.md", Job::new("Staff Nurse", "R-1"))
            .page(
                "about.md",
                &format!("title: About us\nslug: {}\n", yaml_string(slug)),
                "About the trust.\n",
            );
        let message = fails(&careers(&["check"], site.root()));
        assert!(
            message.contains("content/pages/about.md:3:"),
            "{slug}: names the file and the line of slug::\n{message}"
        );
        assert!(message.contains("slug"), "{slug}: {message}");
        let message = fails(&careers(&["build"], site.root()));
        assert!(message.contains("content/pages/about.md:3:"));
        assert!(!site.public().exists(), "{slug}: nothing written");
    }
}

/// Whether the tests run as root, who may read a file whatever its mode.
fn running_as_root(probe: &Path) -> bool {
    fs::metadata(probe).expect("probe").uid() == 0
}

#[test]
fn a_document_that_cannot_be_read_fails_check_not_only_build() {
    let site = Fixture::new().vacancy(
        "nurse.md",
        Job::new("Staff Nurse", "R-1")
            .with("documents:\n  - title: Job description\n    file: documents/jd.pdf"),
    );
    site.write("content/documents/jd.pdf", "%PDF-1.4\n");
    let document = site.root().join("content/documents/jd.pdf");
    fs::set_permissions(&document, fs::Permissions::from_mode(0o000)).expect("chmod");

    let mut command = careers_command(&["check"], site.root());
    if running_as_root(&document) {
        // Root reads any file: run careers as an ordinary account instead,
        // which is who reads the site on a real machine.
        eprintln!("running as root: careers runs as the account nobody for this test");
        fs::set_permissions(site.root(), fs::Permissions::from_mode(0o755)).expect("chmod");
        for entry in walk(site.root()) {
            if entry != document {
                let mode = fs::metadata(&entry).expect("entry").mode();
                fs::set_permissions(&entry, fs::Permissions::from_mode(mode | 0o644))
                    .expect("chmod");
            }
        }
        command.uid(65534).gid(65534);
    }
    let run = command.output().expect("the binary runs");
    let message = fails(&run);
    assert!(
        message.contains("content/documents/jd.pdf") && message.contains("could not be read"),
        "check names the unreadable document:\n{message}"
    );
    assert!(
        message.contains("permissions"),
        "with the permission hint:\n{message}"
    );
}

/// Every file and folder under `dir`.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).expect("read folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            found.extend(walk(&path));
        }
        found.push(path);
    }
    found
}
