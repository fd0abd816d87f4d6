//! What the `import_source` fuzz target found, each kept as a source that
//! must import into a draft the build accepts as it is.

use super::*;

use careers::import;

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
