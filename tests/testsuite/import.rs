//! `careers import`: the five seed adverts against the example site's
//! hand-made adverts, fixtures of our own (a saved page with a script, a
//! bank post paid by the hour at two sites, search XML, an empty source),
//! never overwriting, `--update`, an https-only fetch, and every imported
//! file accepted by `careers check` once its placeholders are filled.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use careers::content::yaml::{self, Kind, Value};
use careers::import::{self, Action, FetchOptions, ImportRequest};
use common::Fixture;

const NOW: &str = "2026-12-02";

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn seeds() -> PathBuf {
    repo("tests/import-fixtures/seeds")
}

fn seed(prefix: &str) -> String {
    let dir = seeds();
    let found = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .expect("the seed");
    found.display().to_string()
}

/// A site with the example site's settings and no adverts.
fn example_site() -> Fixture {
    Fixture::new().site_yaml(&std::fs::read_to_string(repo("content/site.yaml")).unwrap())
}

fn request(site: &Fixture, sources: &[String]) -> ImportRequest {
    ImportRequest {
        root: site.root().to_owned(),
        sources: sources.to_vec(),
        ..ImportRequest::default()
    }
}

/// Each top-level front matter field as one comparable string.
fn front(text: &str) -> BTreeMap<String, String> {
    let yaml = text
        .split("\n---\n")
        .next()
        .unwrap()
        .trim_start_matches("---\n");
    let root = yaml::parse(yaml, 1).expect("front matter reads");
    let Kind::Map(entries) = root.kind else {
        panic!()
    };
    entries
        .into_iter()
        .map(|(k, v)| (k.name, canonical(&v)))
        .collect()
}

fn canonical(value: &Value) -> String {
    match &value.kind {
        Kind::Null => String::new(),
        Kind::Bool(b) => b.to_string(),
        Kind::Int(n) => n.to_string(),
        Kind::Float(f) => f.to_string(),
        Kind::Str(s) => s.clone(),
        Kind::Seq(items) => format!(
            "[{}]",
            items.iter().map(canonical).collect::<Vec<_>>().join(", ")
        ),
        Kind::Map(entries) => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|(k, v)| format!("{}: {}", k.name, canonical(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Imports one source into `site`, which must succeed with one advert.
fn import_one(site: &Fixture, source: &str) -> import::Imported {
    let outcomes = import::import(&request(site, &[source.to_owned()]));
    assert_eq!(outcomes.len(), 1);
    let outcome = outcomes.into_iter().next().unwrap();
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    let mut adverts = outcome.adverts;
    assert_eq!(adverts.len(), 1);
    adverts.remove(0).expect("imported")
}

/// A seed, its hand-made advert, the facts the same in both, the facts
/// only the seed says, and the placeholders.
type SeedCase = (
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
    &'static [&'static str],
);

/// Every seed: the fields it states match the hand-made advert's, and the
/// placeholders are exactly what it does not state. The example site moved
/// every date into the future (and gave references, bands and towns the
/// sources lack), so dates are compared with the seed's own words.
#[test]
fn each_seed_imports_as_the_hand_made_advert_says() {
    // (seed, hand-made advert, facts the same in both, facts only the seed
    // says (field, value), placeholders)
    let cases: &[SeedCase] = &[
        (
            "000",
            "team-manager-bexley-mental-health-hub",
            &["employer", "sponsorship"],
            &[],
            &[
                "job title",
                "reference",
                "band",
                "town",
                "date posted",
                "closing date",
            ],
        ),
        (
            "001",
            "operational-manager-childrens-therapy-services",
            &["title", "employer", "location"],
            &[("posted", "2025-05-14")],
            &["reference", "band", "closing date"],
        ),
        (
            "002",
            "care-coordinator-banbury-witney-amht",
            &[
                "title",
                "band",
                "locations",
                "employer",
                "reports_to",
                "dbs",
            ],
            &[("posted", "2022-10-18")],
            &["reference", "closing date"],
        ),
        (
            "003",
            "senior-occupational-therapist-female-picu",
            &[
                "title",
                "reference",
                "band",
                "pay_scheme",
                "locations",
                "employer",
                "contract",
                "working_pattern",
            ],
            &[("posted", "2025-09-12"), ("closes", "2025-09-28")],
            &[],
        ),
        (
            "004",
            "mental-health-practitioner-primary-care-network",
            &["band"],
            &[("title", "Mental Health Practitioner")],
            &["reference", "town", "date posted", "closing date"],
        ),
    ];
    for (prefix, hand_made, same, own, placeholders) in cases {
        let site = example_site();
        let imported = import_one(&site, &seed(prefix));
        assert_eq!(imported.action, Action::Created);
        assert_eq!(&imported.missing, placeholders, "seed {prefix}");
        let got = front(&std::fs::read_to_string(&imported.path).unwrap());
        let want =
            front(&std::fs::read_to_string(repo(&format!("content/jobs/{hand_made}.md"))).unwrap());
        for field in *same {
            assert_eq!(got.get(*field), want.get(*field), "seed {prefix}: {field}");
        }
        for (field, value) in *own {
            assert_eq!(
                got.get(*field).map(String::as_str),
                Some(*value),
                "seed {prefix}: {field}"
            );
        }
        assert_eq!(got.get("draft").map(String::as_str), Some("true"));
    }
}

#[test]
fn the_salary_of_an_advert_is_read_with_its_high_cost_area_note() {
    let site = example_site();
    let imported = import_one(&site, &seed("003"));
    let got = front(&std::fs::read_to_string(&imported.path).unwrap());
    let salary = &got["salary"];
    assert!(
        salary.starts_with(
            "{min: 40617, max: 48778, period: year, note: inclusive of the High Cost Area"
        ),
        "{salary}"
    );
}

#[test]
fn a_section_pasted_twice_is_kept_once() {
    let site = example_site();
    let imported = import_one(&site, &seed("000"));
    let text = std::fs::read_to_string(&imported.path).unwrap();
    for once in [
        "## Job responsibilities",
        "### Leadership & Management",
        "## Person specification",
        "### Disclosure and Barring Service Check",
    ] {
        assert_eq!(text.matches(once).count(), 1, "{once}\n{text}");
    }
    assert!(!text.to_lowercase().contains("opens in a new"));
    assert!(text.contains("**Essential**") && text.contains("**Desirable**"));
}

/// Fills every placeholder and publishes the file, as staff would.
fn fill_in(path: &Path) {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text
        .replace("\"[[job title]]\"", "Filled Title")
        .replace(
            "\"[[reference]]\"",
            &format!("REF-{}", path.file_stem().unwrap().to_string_lossy()),
        )
        .replace("\"[[band]]\"", "7")
        .replace("\"[[town]]\"", "Dartford")
        .replace("\"[[date posted]]\"", "2026-12-01")
        .replace("\"[[closing date]]\"", "2026-12-20")
        .replace("draft: true\n", "");
    std::fs::write(path, text).unwrap();
}

#[test]
fn every_imported_file_builds_as_a_draft_passes_check_once_filled_in_and_a_second_import_changes_nothing()
 {
    let site = example_site();
    let mut sources: Vec<String> = ["000", "001", "002", "003", "004"]
        .iter()
        .map(|p| seed(p))
        .collect();
    for fixture in ["advert.html", "bank.txt", "search.xml"] {
        sources.push(
            repo(&format!("tests/import-fixtures/{fixture}"))
                .display()
                .to_string(),
        );
    }
    let outcomes = import::import(&request(&site, &sources));
    assert!(
        outcomes.iter().all(|o| o.succeeded()),
        "{:?}",
        careers::report::import(&outcomes)
    );
    let paths: Vec<PathBuf> = outcomes
        .iter()
        .flat_map(|o| o.adverts.iter().map(|a| a.as_ref().unwrap().path.clone()))
        .collect();
    assert_eq!(paths.len(), 10);
    let before: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();

    // Again: every advert refused, naming the file; no byte changed.
    let again = import::import(&request(&site, &sources));
    let report = careers::report::import(&again).stderr;
    assert!(again.iter().all(|o| !o.succeeded()));
    assert!(
        report.contains("already holds this advert") && report.contains("never overwrites"),
        "{report}"
    );
    let after: Vec<Vec<u8>> = paths.iter().map(|p| std::fs::read(p).unwrap()).collect();
    assert_eq!(before, after);

    // As they are, placeholders and all, every one builds as a preview.
    let mut options = site.options(NOW);
    options.visibility.drafts = true;
    match careers::build(&options) {
        Ok(report) => assert_eq!(report.counts.previews, 10),
        Err(err) => panic!("{err:?}"),
    }

    for path in &paths {
        fill_in(path);
    }
    let mut options = site.options(NOW);
    options.visibility.drafts = false;
    if let Err(err) = careers::check(&options) {
        match err {
            careers::Error::Invalid(problems) => panic!("{problems}"),
            other => panic!("{other}"),
        }
    }
    site.build(NOW);
}

#[test]
fn a_saved_page_keeps_no_script_or_handler() {
    let site = example_site();
    let imported = import_one(
        &site,
        &repo("tests/import-fixtures/advert.html")
            .display()
            .to_string(),
    );
    let text = std::fs::read_to_string(&imported.path).unwrap();
    for bad in [
        "<script",
        "alert",
        "track",
        "onclick",
        "onerror",
        "injected",
        "Sign in",
        "Crown copyright",
        "Opens in a new tab",
    ] {
        assert!(!text.contains(bad), "{bad} in\n{text}");
    }
    let got = front(&text);
    assert_eq!(got["title"], "Staff Nurse - Acute Medical Unit");
    assert_eq!(got["reference"], "WDM-26-0101");
    assert_eq!(got["band"], "5");
    assert_eq!(
        got["salary"],
        "{min: 31049, max: 37796, period: year, pro_rata: true}"
    );
    assert_eq!(got["contract"], "fixed-term");
    assert_eq!(got["contract_length"], "12 months");
    assert_eq!(got["working_pattern"], "[full-time, part-time]");
    assert_eq!(got["closes"], "2026-12-21");
    assert_eq!(
        got["apply_url"],
        "https://www.jobs.nhs.uk/candidate/jobadvert/C9999-26-0101"
    );
    assert_eq!(
        got["contact"],
        "{name: Sam Okafor, role: Ward Manager, email: sam.okafor@wealdmoor.example.nhs.uk, phone: 01632 960777}"
    );
    assert_eq!(
        got["documents"],
        "[{title: Job description and person specification, file: https://www.jobs.nhs.uk/candidate/jobadvert/C9999-26-0101/document/1}]"
    );
    assert!(text.contains("Join our busy Acute Medical Unit"));
    assert!(text.contains("- Give medicines safely"));
    assert!(imported.missing.is_empty());
}

#[test]
fn a_bank_post_paid_by_the_hour_at_two_sites() {
    let site = example_site();
    let imported = import_one(
        &site,
        &repo("tests/import-fixtures/bank.txt").display().to_string(),
    );
    let got = front(&std::fs::read_to_string(&imported.path).unwrap());
    assert_eq!(got["salary"], "{min: 12.45, period: hour}");
    assert_eq!(got["contract"], "bank");
    assert_eq!(got["working_pattern"], "[flexible, nights, weekends]");
    assert_eq!(
        got["locations"],
        "[{site: Sandrock Community Hospital, address: Forest Rise, town: Tunbridge Wells, county: Kent, postcode: TN2 5WA}, \
         {site: Hopfield General Hospital, address: Hopfield Road, town: Maidstone, county: Kent, postcode: ME15 9WQ}]"
    );
    assert_eq!(
        got["contact"],
        "{name: Bank Office, email: bank.office@wealdmoor.example.nhs.uk}"
    );
    assert!(imported.missing.is_empty());
}

#[test]
fn search_xml_gives_a_file_per_record() {
    let site = example_site();
    let source = repo("tests/import-fixtures/search.xml")
        .display()
        .to_string();
    let outcomes = import::import(&request(&site, &[source]));
    let adverts: Vec<_> = outcomes[0]
        .adverts
        .iter()
        .map(|a| a.as_ref().unwrap())
        .collect();
    let files: Vec<&str> = adverts.iter().map(|a| a.relative.as_str()).collect();
    assert_eq!(
        files,
        [
            "content/jobs/physiotherapist.md",
            "content/jobs/ward-clerk.md",
            "content/jobs/consultant-psychiatrist.md"
        ]
    );
    let first = std::fs::read_to_string(&adverts[0].path).unwrap();
    assert!(
        !first.contains("alert") && !first.contains("<script"),
        "{first}"
    );
    let got = front(&first);
    assert_eq!(got["closes"], "2026-12-22");
    assert_eq!(got["locations"], "[{town: Maidstone, postcode: ME15 9WQ}]");
    assert_eq!(
        got["apply_url"],
        "https://www.jobs.nhs.uk/candidate/jobadvert/C9999-26-0201"
    );
    // No band in the search record: a placeholder.
    assert_eq!(adverts[0].missing, ["band"]);
}

#[test]
fn an_empty_source_is_named_and_the_others_still_import() {
    let site = example_site();
    let empty = repo("tests/import-fixtures/empty.txt")
        .display()
        .to_string();
    let bank = repo("tests/import-fixtures/bank.txt").display().to_string();
    let outcomes = import::import(&request(
        &site,
        &[empty.clone(), "no/such/file.txt".to_owned(), bank],
    ));
    let said = careers::report::import(&outcomes);
    let report = &said.stderr;
    assert!(
        report.contains(&format!("error: {empty}: it holds no advert")),
        "{report}"
    );
    assert!(
        report.contains("error: no/such/file.txt: there is no such file\n"),
        "{report}"
    );
    assert!(
        report.ends_with("2 of 3 sources not imported; the other was\n"),
        "{report}"
    );
    assert!(outcomes[2].succeeded());
    assert!(
        site.root()
            .join("content/jobs/bank-healthcare-support-worker.md")
            .exists()
    );
    // What went well is on stdout, for a script to read; errors are not.
    assert!(
        said.stdout
            .starts_with("wrote content/jobs/bank-healthcare-support-worker.md"),
        "{}",
        said.stdout
    );
    assert!(!said.stdout.contains("error"), "{}", said.stdout);
}

#[test]
fn update_changes_only_the_closing_date() {
    let site = example_site();
    let source = site.root().join("advert.txt");
    let original = std::fs::read_to_string(repo("tests/import-fixtures/bank.txt")).unwrap();
    std::fs::write(&source, &original).unwrap();
    let source = source.display().to_string();
    let imported = import_one(&site, &source);
    let before = std::fs::read_to_string(&imported.path).unwrap();

    std::fs::write(
        &source,
        original.replace("06 January 2027", "13 January 2027"),
    )
    .unwrap();
    let mut update = request(&site, std::slice::from_ref(&source));
    update.update = true;
    let outcomes = import::import(&update);
    let report = careers::report::import(&outcomes);
    assert_eq!(report.stderr, "");
    assert_eq!(
        report.stdout,
        "updated content/jobs/bank-healthcare-support-worker.md: closes\n"
    );
    let after = std::fs::read_to_string(&imported.path).unwrap();
    assert_eq!(
        after,
        before.replace("closes: 2027-01-06", "closes: 2027-01-13")
    );

    let outcomes = import::import(&update);
    assert!(
        careers::report::import(&outcomes)
            .stdout
            .contains("is up to date")
    );
}

#[test]
fn plain_http_is_refused_and_local_fixtures_are_served() {
    let site = example_site();
    let outcomes = import::import(&request(
        &site,
        &["http://www.jobs.nhs.uk/advert".to_owned()],
    ));
    assert!(
        careers::report::import(&outcomes)
            .stderr
            .contains("only https:// addresses are fetched")
    );

    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let page = std::fs::read_to_string(repo("tests/import-fixtures/advert.html")).unwrap();
    let server = std::thread::spawn(move || {
        use std::io::{Read, Write};
        let (mut stream, _) = listener.accept().unwrap();
        let mut buf = [0u8; 4096];
        let _ = stream.read(&mut buf);
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
            page.len()
        );
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(page.as_bytes()).unwrap();
    });
    let mut req = request(&site, &[format!("http://127.0.0.1:{port}/advert")]);
    req.fetch = FetchOptions {
        allow_local_http: true,
    };
    let outcomes = import::import(&req);
    server.join().unwrap();
    assert!(
        outcomes[0].succeeded(),
        "{:?}",
        careers::report::import(&outcomes)
    );
    assert!(
        site.root()
            .join("content/jobs/staff-nurse-acute-medical-unit.md")
            .exists()
    );
}

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

/// A page saved half-broken (found by fuzzing: an attribute's closing quote
/// lost, so the document's address swallowed the rest of the page, and a
/// canonical address with a space): what cannot be a link is left out, so
/// the draft still builds.
#[test]
fn a_garbled_link_is_left_out_and_the_draft_still_builds() {
    let site = example_site();
    let page = std::fs::read_to_string(repo("tests/import-fixtures/advert.html")).unwrap();
    let broken = page
        .replace(
            "C9999-26-0101/document/1\" onclick",
            "C9999-26-0101/document 1</p> onclick",
        )
        .replace("jobadvert/C9999-26-0101\">", "jobadvert/C9999 26 0101\">")
        .replace("01632 960777", "01632 960777 ext <b>2</b>");
    site.write("broken.html", &broken);
    let imported = import_one(
        &site,
        &site.root().join("broken.html").display().to_string(),
    );
    let got = front(&std::fs::read_to_string(&imported.path).unwrap());
    assert!(!got.contains_key("documents"), "{got:?}");
    assert!(!got.contains_key("apply_url"), "{got:?}");
    assert_eq!(got["title"], "Staff Nurse - Acute Medical Unit");
    let mut options = site.options(NOW);
    options.visibility.drafts = true;
    if let Err(err) = careers::build(&options) {
        panic!("{err:?}");
    }
}

/// An advert listing more sites than a vacancy may (found by fuzzing):
/// the first ten are written, so the draft still builds.
#[test]
fn an_advert_at_twelve_sites_keeps_the_first_ten() {
    let site = example_site();
    let bank = std::fs::read_to_string(repo("tests/import-fixtures/bank.txt")).unwrap();
    let sites: String = (1..=12)
        .map(|n| format!("Site {n} Hospital\nHigh Street\nTown{n}, Kent\nTN{n} 1AA\n"))
        .collect();
    let start = bank.find("Job locations\n").unwrap() + "Job locations\n".len();
    let end = bank.find("Closing date\n").unwrap();
    let text = format!("{}{sites}{}", &bank[..start], &bank[end..]);
    site.write("twelve.txt", &text);
    let imported = import_one(&site, &site.root().join("twelve.txt").display().to_string());
    let got = front(&std::fs::read_to_string(&imported.path).unwrap());
    let locations = &got["locations"];
    assert!(
        locations.contains("town: Town10,") && !locations.contains("Town11"),
        "{locations}"
    );
    let mut options = site.options(NOW);
    options.visibility.drafts = true;
    if let Err(err) = careers::build(&options) {
        panic!("{err:?}");
    }
}

/// A source whose closing date is before its posted date (found by
/// fuzzing): one of the two is mistyped, so the closing date becomes a
/// placeholder with what the source said beside it, and the draft builds.
#[test]
fn a_closing_date_before_the_posted_date_is_left_to_fill_in() {
    let site = example_site();
    let bank = std::fs::read_to_string(repo("tests/import-fixtures/bank.txt")).unwrap();
    site.write(
        "backwards.txt",
        &bank.replace("06 January 2027", "28 September 2025"),
    );
    let imported = import_one(
        &site,
        &site.root().join("backwards.txt").display().to_string(),
    );
    assert_eq!(imported.missing, ["closing date"]);
    let text = std::fs::read_to_string(&imported.path).unwrap();
    assert!(
        text.contains(
            "\ncloses: \"[[closing date]]\"  # the source says 2025-09-28, before the date posted\n"
        ),
        "{text}"
    );
    let mut options = site.options(NOW);
    options.visibility.drafts = true;
    if let Err(err) = careers::build(&options) {
        panic!("{err:?}");
    }
}

/// Pay the build would refuse, here the most below the least (found by
/// fuzzing), is left out for staff to add, and the draft builds.
#[test]
fn garbled_pay_is_left_out() {
    let site = example_site();
    let bank = std::fs::read_to_string(repo("tests/import-fixtures/bank.txt")).unwrap();
    site.write(
        "pay.txt",
        &bank.replace("£12.45 an hour", "£40,617 to £48 a year"),
    );
    let imported = import_one(&site, &site.root().join("pay.txt").display().to_string());
    let got = front(&std::fs::read_to_string(&imported.path).unwrap());
    assert!(!got.contains_key("salary"), "{got:?}");
    let mut options = site.options(NOW);
    options.visibility.drafts = true;
    if let Err(err) = careers::build(&options) {
        panic!("{err:?}");
    }
}

/// A title that is only control characters (found by fuzzing; they are
/// written as spaces) or a no-break space is no title: a placeholder, and
/// the draft builds.
#[test]
fn a_blank_title_is_a_placeholder() {
    let site = example_site();
    let xml = std::fs::read_to_string(repo("tests/import-fixtures/search.xml")).unwrap();
    site.write(
        "blank.xml",
        &xml.replacen("<title>Physiotherapist</title>", "<title>&#160;</title>", 1),
    );
    let bank = std::fs::read_to_string(repo("tests/import-fixtures/bank.txt")).unwrap();
    site.write(
        "blank.txt",
        &bank.replacen("Bank Healthcare Support Worker", "\u{1a}\u{1a}", 1),
    );
    let outcomes = import::import(&request(
        &site,
        &[
            site.root().join("blank.xml").display().to_string(),
            site.root().join("blank.txt").display().to_string(),
        ],
    ));
    let first = outcomes[0].adverts[0].as_ref().expect("imported");
    assert_eq!(first.missing, ["job title", "band"]);
    let text = outcomes[1].adverts[0].as_ref().expect("imported");
    assert_eq!(text.missing, ["job title"]);
    let mut options = site.options(NOW);
    options.visibility.drafts = true;
    if let Err(err) = careers::build(&options) {
        panic!("{err:?}");
    }
}
