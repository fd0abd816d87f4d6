//! `careers new` and `careers init`: the files they write validate, build,
//! never overwrite, and a placeholder left in a published advert is an
//! error on its line.

use std::fs;
use std::path::Path;
use std::process::Command;

use careers::scaffold::{self, NewVacancy, ScaffoldError};
use careers::site::Visibility;
use careers::{BuildOptions, Error};

const NOW: &str = "2026-11-23";

fn options(root: &Path, drafts: bool) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        output: Some(root.join("out")),
        now: Some(NOW.to_owned()),
        visibility: Visibility {
            drafts,
            future: false,
        },
        ..BuildOptions::default()
    }
}

fn new_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    scaffold::init_site(&dir.path().join("site"), Some(NOW)).unwrap();
    dir
}

fn nurse(root: &Path) -> NewVacancy {
    NewVacancy {
        root: root.to_path_buf(),
        title: "Staff Nurse".to_owned(),
        band: Some("5".to_owned()),
        location: Some("Dartford".to_owned()),
        now: Some(NOW.to_owned()),
    }
}

#[test]
fn init_makes_a_site_that_builds_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("new-site");
    let made = scaffold::init_site(&root, Some(NOW)).unwrap();
    assert!(made.files.contains(&"content/site.yaml".to_owned()));
    assert!(root.join("content/pages/how-to-apply.md").is_file());
    // The built-in theme: nothing copied.
    assert!(!root.join("themes").exists());

    let report = careers::build(&options(&root, false)).unwrap();
    assert_eq!(report.counts.open, 1, "the example advert is open");
    assert_eq!(report.counts.previews, 0, "and not a draft");
    assert!(report.warnings.is_empty(), "{}", report.warnings);
    let out = root.join("out");
    assert!(
        out.join("jobs/healthcare-support-worker/index.html")
            .is_file()
    );
    assert!(out.join("how-to-apply/index.html").is_file());
    let advert =
        fs::read_to_string(root.join("content/jobs/healthcare-support-worker.md")).unwrap();
    assert!(advert.contains("posted: 2026-11-23\ncloses: 2026-12-23\n"));

    // Still open 29 days later; closed after 30.
    let mut later = options(&root, false);
    later.now = Some("2026-12-23".to_owned());
    assert_eq!(careers::check(&later).unwrap().counts.open, 1);
    later.now = Some("2026-12-24".to_owned());
    assert_eq!(careers::check(&later).unwrap().counts.open, 0);
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let err = scaffold::init_site(dir.path(), Some(NOW)).unwrap_err();
    assert!(matches!(err, ScaffoldError::NotEmpty(_)), "{err}");
    assert_eq!(
        fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "mine"
    );
    assert!(!dir.path().join("content").exists());
    // An empty existing folder is fine.
    let empty = tempfile::tempdir().unwrap();
    scaffold::init_site(empty.path(), Some(NOW)).unwrap();
}

#[test]
fn new_writes_a_draft_that_validates_as_it_is() {
    let dir = new_site();
    let root = dir.path().join("site");
    let created = scaffold::new_vacancy(&nurse(&root)).unwrap();
    assert_eq!(created.relative, "content/jobs/staff-nurse.md");
    assert_eq!(created.taken, None);
    let text = fs::read_to_string(&created.path).unwrap();
    for line in [
        "title: Staff Nurse ",
        "band: 5 ",
        "location: Dartford ",
        "posted: 2026-11-23 ",
        "closes: 2026-12-07 ",
        "draft: true ",
        "reference: \"[[",
        "# salary:",
        "# contact:",
        "## Job summary",
        "## Main duties of the job",
        "## About us",
        "## Job responsibilities",
        "## Person specification",
        "**Essential**",
        "**Desirable**",
    ] {
        assert!(text.contains(line), "{line} in\n{text}");
    }

    // A drafts build shows it; a normal build leaves it out; both pass.
    let report = careers::build(&options(&root, true)).unwrap();
    assert_eq!(report.counts.previews, 1);
    assert!(root.join("out/jobs/staff-nurse/index.html").is_file());
    let report = careers::check(&options(&root, false)).unwrap();
    assert_eq!((report.counts.open, report.counts.previews), (1, 0));
}

#[test]
fn new_fills_placeholders_for_what_it_was_not_told() {
    let dir = new_site();
    let root = dir.path().join("site");
    let request = NewVacancy {
        band: None,
        location: None,
        title: "Consultant: Acute Medicine".to_owned(),
        ..nurse(&root)
    };
    let created = scaffold::new_vacancy(&request).unwrap();
    assert_eq!(
        created.relative,
        "content/jobs/consultant-acute-medicine.md"
    );
    let text = fs::read_to_string(&created.path).unwrap();
    assert!(text.contains("title: \"Consultant: Acute Medicine\""));
    assert!(text.contains("band: \"[[band]]\""));
    assert!(text.contains("location: \"[[town]]\""));
    careers::check(&options(&root, true)).unwrap();

    let bad = NewVacancy {
        band: Some("8e".to_owned()),
        ..nurse(&root)
    };
    assert!(matches!(
        scaffold::new_vacancy(&bad),
        Err(ScaffoldError::Band(_))
    ));
    let nameless = NewVacancy {
        title: "!!!".to_owned(),
        ..nurse(&root)
    };
    assert!(matches!(
        scaffold::new_vacancy(&nameless),
        Err(ScaffoldError::EmptyTitle(_))
    ));
    let nowhere = NewVacancy {
        root: dir.path().join("nowhere"),
        ..nurse(&root)
    };
    assert!(matches!(
        scaffold::new_vacancy(&nowhere),
        Err(ScaffoldError::NoContent(_))
    ));
}

#[test]
fn new_picks_a_name_no_advert_uses_and_never_overwrites() {
    let dir = new_site();
    let root = dir.path().join("site");
    let jobs = root.join("content/jobs");
    // A closed advert in a sub-folder holds "staff-nurse", another file
    // holds "staff-nurse-2" through its `slug:`.
    fs::create_dir_all(jobs.join("old")).unwrap();
    let closed = "---\ntitle: Staff Nurse\nreference: OLD-1\nband: 5\nsalary: 30000\nlocation: Dartford\nposted: 2025-01-01\ncloses: 2025-02-01\n---\nClosed.\n";
    fs::write(jobs.join("old/staff-nurse.md"), closed).unwrap();
    let other = closed.replace("OLD-1", "OLD-2").replace(
        "closes: 2025-02-01",
        "closes: 2025-02-01\nslug: staff-nurse-2",
    );
    fs::write(jobs.join("ward-nurse.md"), &other).unwrap();

    let first = scaffold::new_vacancy(&nurse(&root)).unwrap();
    assert_eq!(first.relative, "content/jobs/staff-nurse-3.md");
    assert_eq!(first.taken.as_deref(), Some("staff-nurse"));
    let second = scaffold::new_vacancy(&nurse(&root)).unwrap();
    assert_eq!(second.relative, "content/jobs/staff-nurse-4.md");
    assert_eq!(
        fs::read_to_string(jobs.join("old/staff-nurse.md")).unwrap(),
        closed
    );
    assert_eq!(
        fs::read_to_string(jobs.join("ward-nurse.md")).unwrap(),
        other
    );

    // Two new drafts side by side still build (their placeholder
    // references differ).
    let report = careers::check(&options(&root, true)).unwrap();
    assert_eq!(report.counts.previews, 2);
}

#[test]
fn a_placeholder_left_in_a_published_advert_is_an_error_on_its_line() {
    let dir = new_site();
    let root = dir.path().join("site");
    let created = scaffold::new_vacancy(&nurse(&root)).unwrap();
    let text = fs::read_to_string(&created.path).unwrap();
    let published: String = text
        .lines()
        .filter(|l| !l.starts_with("draft: true"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(&created.path, &published).unwrap();
    let line_of = |needle: &str| published.lines().position(|l| l.contains(needle)).unwrap() + 1;

    let Err(Error::Invalid(problems)) = careers::check(&options(&root, false)) else {
        panic!("check should fail");
    };
    let ours: Vec<_> = problems
        .iter()
        .filter(|d| d.is_error() && d.file == "content/jobs/staff-nurse.md")
        .collect();
    let reference = ours
        .iter()
        .find(|d| {
            d.message
                .starts_with("`reference` still has the placeholder")
        })
        .expect("the reference placeholder");
    assert_eq!(reference.position.unwrap().line, line_of("reference:"));
    let duty = ours
        .iter()
        .find(|d| d.message.contains("[[A main duty]]"))
        .expect("a body placeholder");
    assert_eq!(duty.position.unwrap().line, line_of("- [[A main duty]]"));
    assert_eq!(duty.position.unwrap().column, 3);
    assert!(duty.hint.as_deref().unwrap().contains("draft: true"));
    // build refuses too.
    assert!(matches!(
        careers::build(&options(&root, false)),
        Err(Error::Invalid(_))
    ));
}

#[test]
fn the_commands_print_what_to_do_next() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("cli-site");
    let careers = env!("CARGO_BIN_EXE_careers");
    let run = |args: &[&str]| {
        let out = Command::new(careers)
            .args(args)
            .env("CAREERS_NOW", NOW)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (ok, stdout, _) = run(&["init", root.to_str().unwrap()]);
    assert!(ok);
    assert!(stdout.contains("careers serve"), "{stdout}");
    let (ok, _, stderr) = run(&["init", root.to_str().unwrap()]);
    assert!(!ok);
    assert!(stderr.contains("is not empty"), "{stderr}");

    let root_arg = root.to_str().unwrap();
    let (ok, stdout, _) = run(&[
        "new",
        "Staff Nurse",
        "--band",
        "5",
        "--location",
        "Dartford",
        "--root",
        root_arg,
    ]);
    assert!(ok);
    assert!(
        stdout.contains("wrote content/jobs/staff-nurse.md as a draft"),
        "{stdout}"
    );
    assert!(stdout.contains("draft: true"), "{stdout}");
    let (ok, stdout, _) = run(&["build", "--drafts", "--root", root_arg]);
    assert!(ok, "{stdout}");
    assert!(stdout.contains("1 drafts"), "{stdout}");
}
