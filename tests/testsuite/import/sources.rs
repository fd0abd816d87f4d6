//! The five seeds against the example site's hand-made adverts, fixtures
//! of our own (a saved page with a script, a bank post paid by the hour at
//! two sites, search XML, an empty source), never overwriting, `--update`,
//! an https-only fetch, and every imported file accepted by `careers
//! check` once its placeholders are filled.

use super::*;

use std::path::{Path, PathBuf};

use careers::import::{self, Action, FetchOptions};

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
