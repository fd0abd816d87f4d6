//! `careers import` run as a comms officer runs it: drafts with
//! placeholders build as previews and stay off the live site, `--publish`
//! never publishes one, what it says goes to the right stream, and
//! `serve` shows an advert imported while it runs.

use super::*;
use crate::common;

use std::time::Duration;

use careers::import;

use crate::serve::{get, start, within};

/// `careers` itself, as a comms officer runs it.
fn careers(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_careers"))
        .args(args)
        .env_remove("CAREERS_NOW")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn said(run: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&run.stdout).into_owned(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

/// Seed 001 gives no reference, band or closing date; seeds 000 and 004
/// leave more out (000: title, band, town, both dates). Their drafts build
/// in a preview, each page saying what is left, and stay off the live site.
#[test]
fn drafts_with_placeholders_build_as_previews_and_stay_off_the_live_site() {
    let site = example_site();
    let root = site.root().display().to_string();
    let sources = [seed("000"), seed("001"), seed("004")];
    let mut args = vec!["import", "--root", &root];
    args.extend(sources.iter().map(String::as_str));
    let run = careers(&args);
    let (stdout, stderr) = said(&run);
    assert!(run.status.success(), "{stdout}{stderr}");
    assert_eq!(stderr, "");
    let slug = "operational-manager-of-childrens-therapy-services";
    assert!(
        stdout.contains(&format!(
            "wrote content/jobs/{slug}.md (Operational Manager of Children's Therapy Services) from {}, as a draft\n  fill in: reference, band, closing date\n",
            sources[1]
        )),
        "{stdout}"
    );

    // A preview: every draft builds, even two still saying `[[reference]]`.
    let preview = site.root().join("preview");
    let preview_arg = preview.display().to_string();
    let run = careers(&[
        "build",
        "--root",
        &root,
        "--drafts",
        "--now",
        NOW,
        "--output",
        &preview_arg,
    ]);
    let (stdout, stderr) = said(&run);
    assert!(run.status.success(), "{stdout}{stderr}");
    assert!(stdout.contains(", 3 drafts into"), "{stdout}");
    let out = common::Output::at(&preview);
    let page = out.html(&format!("jobs/{slug}/index.html"));
    assert!(common::is_noindex(&page));
    let text = common::main_text(&page);
    assert!(
        text.contains("Draft: this advert is not published.")
            && text.contains("Still to fill in before it can be published:"),
        "{text}"
    );
    assert_eq!(
        common::texts(&page, ".app-to-fill mark"),
        ["reference", "band", "closing date"]
    );
    // The facts it lacks show as their placeholders, never as a stand-in.
    let facts = common::facts(&page);
    assert_eq!(facts["Closes"], "[[closing date]]", "{facts:?}");
    assert_eq!(facts["Posted"], "14 May 2025", "{facts:?}");
    assert_eq!(facts["Grade"], "[[band]]", "{facts:?}");
    assert!(
        !out.text(&format!("jobs/{slug}/index.html"))
            .contains("2999")
    );
    let home = out.html("index.html");
    assert!(common::listed_titles(&home).contains(&"[[job title]]".to_owned()));
    assert!(!out.text("index.html").contains("2999"));
    assert!(common::texts(&home, "mark").contains(&"[[closing date]]".to_owned()));
    // Drafts are in no feed.
    assert!(common::parse_feed(&out.text("feed.xml")).guids().is_empty());

    // The live site: the same content builds, leaving the drafts out.
    let run = careers(&["build", "--root", &root, "--now", NOW]);
    let (stdout, stderr) = said(&run);
    assert!(run.status.success(), "{stdout}{stderr}");
    assert!(
        stdout.starts_with("built 0 open and 0 closed vacancies into"),
        "{stdout}"
    );
    assert!(!site.public().join("jobs").join(slug).exists());
    let run = careers(&["check", "--root", &root, "--now", NOW]);
    assert!(run.status.success(), "{:?}", said(&run));
}

/// `--publish` never publishes a half-written advert: one with placeholders
/// is written as a draft and a warning says so; one with everything is
/// published. Published by hand with a placeholder left, it is an error
/// naming the file and the line.
#[test]
fn publish_keeps_an_advert_with_placeholders_a_draft() {
    let site = example_site();
    let root = site.root().display().to_string();
    let run = careers(&["import", "--root", &root, "--publish", &seed("001")]);
    let (stdout, stderr) = said(&run);
    assert!(run.status.success(), "{stdout}{stderr}");
    let relative = "content/jobs/operational-manager-of-childrens-therapy-services.md";
    assert!(stdout.contains(&format!("wrote {relative} (")), "{stdout}");
    assert_eq!(
        stderr,
        format!(
            "warning: {relative} is a draft, not published: it has placeholders left (reference, band, closing date); fill them in, then delete its `draft: true` line\n"
        )
    );
    let file = site.root().join(relative);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\ndraft: true\n"), "{text}");

    let full = repo("tests/import-fixtures/advert.html")
        .display()
        .to_string();
    let run = careers(&["import", "--root", &root, "--publish", &full]);
    let (stdout, stderr) = said(&run);
    assert!(run.status.success(), "{stdout}{stderr}");
    assert_eq!(stderr, "");
    assert!(!stdout.contains("as a draft"), "{stdout}");
    let published = site
        .root()
        .join("content/jobs/staff-nurse-acute-medical-unit.md");
    let text_published = std::fs::read_to_string(published).unwrap();
    assert!(!text_published.contains("draft: true"), "{text_published}");

    // Published by hand: the build refuses it, once per placeholder.
    std::fs::write(&file, text.replace("draft: true\n", "")).unwrap();
    let run = careers(&["build", "--root", &root, "--now", NOW]);
    let (_, stderr) = said(&run);
    assert!(!run.status.success());
    let line = text.lines().position(|l| l.starts_with("closes:")).unwrap() + 1;
    assert!(
        stderr.contains(&format!(
            "error: `closes` still has the placeholder [[closing date]]\n  --> {relative}:{line}:9"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("not a date"), "{stderr}");
    assert!(stderr.contains("3 errors in 1 file"), "{stderr}");
}

/// `--update` matches by reference: of an advert with none (seed 001), it
/// says so, and what to do, instead of asking for `--update` again.
#[test]
fn update_of_an_advert_without_a_reference_says_why_it_cannot() {
    let site = example_site();
    let imported = import_one(&site, &seed("001"));
    let before = std::fs::read(&imported.path).unwrap();
    let mut update = request(&site, &[seed("001")]);
    update.update = true;
    let outcomes = import::import(&update);
    assert!(!outcomes[0].succeeded());
    let said = careers::report::import(&outcomes);
    assert_eq!(said.stdout, "");
    assert_eq!(
        said.stderr,
        format!(
            "error: {}: {} seems to hold this advert, but the source gives no reference to match it by, so --update cannot change it\n  \
             help: make the changes by hand, or delete the file and import the advert again\n\
             1 of 1 source not imported\n",
            seed("001"),
            imported.relative
        )
    );
    assert_eq!(std::fs::read(&imported.path).unwrap(), before);
}

/// Run outside a site, it says so once, naming the folder, not once a source.
#[test]
fn outside_a_site_it_says_so_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().display().to_string();
    let run = careers(&["import", "--root", &root, "a.txt", "b.txt"]);
    let (stdout, stderr) = said(&run);
    assert!(!run.status.success());
    assert_eq!(stdout, "");
    let absolute = std::path::absolute(dir.path()).unwrap();
    assert_eq!(
        stderr,
        format!(
            "error: there is no content folder in {}\n  help: run careers import in the site's folder (the one holding content/), or pass --root\n2 of 2 sources not imported\n",
            absolute.display()
        )
    );
}

/// A comms officer previews the site while importing: the imported draft
/// (seed 001 states no reference, band or closing date) is served at once,
/// its placeholders shown, with no restart.
#[test]
fn imported_adverts_are_served_at_once_with_their_placeholders() {
    let dir = crate::serve::site();
    let server = start(dir.path());
    let port = server.port();
    let slug = "operational-manager-of-childrens-therapy-services";
    assert_eq!(get(port, &format!("/jobs/{slug}/")).status, 404);

    let source = seed("001");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_careers"))
        .arg("import")
        .arg("--root")
        .arg(dir.path())
        .arg(&source)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");

    within(
        Duration::from_secs(10),
        "the imported draft is served",
        || get(port, &format!("/jobs/{slug}/")).status == 200,
    );
    let page = get(port, &format!("/jobs/{slug}/")).body;
    let html = scraper::Html::parse_document(&page);
    let texts = |css: &str| -> Vec<String> {
        html.select(&scraper::Selector::parse(css).unwrap())
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    assert_eq!(
        texts("h1"),
        ["Operational Manager of Children's Therapy Services"]
    );
    assert_eq!(
        texts(".app-to-fill mark"),
        ["reference", "band", "closing date"]
    );
    assert!(
        texts("mark").contains(&"[[closing date]]".to_owned()),
        "{page}"
    );
    let home = get(port, "/").body;
    assert!(home.contains(&format!("jobs/{slug}/")), "{home}");
    // Nothing is written into public/.
    assert!(!dir.path().join("public").exists());
    server.stop();
}
