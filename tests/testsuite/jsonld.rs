//! schema.org JobPosting JSON-LD on open vacancy pages, as Google for Jobs
//! reads it.

use crate::common;
use common::*;

use serde_json::{Value, json};

const NOW: &str = "2026-02-01";

fn site() -> Fixture {
    Fixture::new()
        .site_yaml(
            "title: South East NHS Careers
base_url: https://example.nhs.uk/careers/
employer: Wealdmoor NHS Foundation Trust
employers:
  - name: Wealdmoor NHS Foundation Trust
    url: https://www.wealdmoor.example.nhs.uk
  - name: Kent & Medway NHS & Social Care Partnership Trust
    url: https://www.kmpt.nhs.uk
",
        )
        .job(
            "ot.md",
            &Job::new("Senior Occupational Therapist", "380-AC0746")
                .band("6")
                .posted("2026-01-12")
                .closes("2026-09-28")
                .locations_yaml(
                    "locations:
  - site: Littlebrook Hospital
    address: Bow Arrow Lane
    town: Dartford
    county: Kent
    postcode: DA2 6PB
  - town: Sidcup",
                )
                .with("employer: Kent & Medway NHS & Social Care Partnership Trust")
                .with("salary:\n  min: 40617\n  max: 48778\n  period: year")
                .with("working_pattern: [full-time, part-time]")
                .with("contract: fixed-term\ncontract_length: 12 months")
                .front_matter(),
            "## Job summary\n\nJoin our **PICU** team.\n",
        )
        .vacancy(
            "bank.md",
            Job::new("Bank Healthcare Support Worker", "WDM-BANK-1")
                .band("3")
                .with("salary:\n  min: 12.45\n  period: hour")
                .with("contract: bank\nworking_pattern: part-time"),
        )
        .vacancy(
            "permanent.md",
            Job::new("Staff Nurse", "WDM-SN-1")
                .with("contract: permanent\nworking_pattern: full-time"),
        )
}

fn posting(out: &Output, slug: &str) -> Value {
    let html = out.html(&format!("jobs/{slug}/index.html"));
    let mut blocks = json_ld(&html);
    assert_eq!(blocks.len(), 1, "one JSON-LD block on {slug}");
    blocks.pop().unwrap()
}

#[test]
fn an_open_vacancy_page_carries_a_job_posting() {
    let out = site().build(NOW);
    let p = posting(&out, "ot");
    assert_eq!(p["@context"], "https://schema.org/");
    assert_eq!(p["@type"], "JobPosting");
    assert_eq!(p["title"], "Senior Occupational Therapist");
    assert_eq!(p["datePosted"], "2026-01-12");
    assert_eq!(p["identifier"]["value"], "380-AC0746");
    assert_eq!(p["url"], format!("{BASE_URL}jobs/ot/"));
    let description = p["description"].as_str().expect("a description");
    assert!(
        description.contains("<strong>PICU</strong>"),
        "{description}"
    );
}

#[test]
fn valid_through_is_the_closing_moment_with_its_offset() {
    let out = site().build(NOW);
    let p = posting(&out, "ot");
    let valid = p["validThrough"].as_str().unwrap();
    assert_eq!(valid, "2026-09-28T23:59:00+01:00");
    // ISO 8601 with an offset: parses as an exact moment.
    let moment: jiff::Timestamp = valid.parse().expect("an RFC 3339 moment");
    assert_eq!(moment.to_string(), "2026-09-28T22:59:00Z");
    let winter = posting(&out, "bank");
    assert_eq!(winter["validThrough"], "2026-12-31T23:59:00+00:00");
}

#[test]
fn employment_type_follows_working_pattern_and_contract() {
    let out = site().build(NOW);
    assert_eq!(
        posting(&out, "ot")["employmentType"],
        json!(["FULL_TIME", "PART_TIME", "TEMPORARY"])
    );
    assert_eq!(
        posting(&out, "bank")["employmentType"],
        json!(["PART_TIME", "PER_DIEM"])
    );
    assert_eq!(
        posting(&out, "permanent")["employmentType"],
        json!(["FULL_TIME"])
    );
}

#[test]
fn the_hiring_organisation_is_the_jobs_employer() {
    let out = site().build(NOW);
    let org = &posting(&out, "ot")["hiringOrganization"];
    assert_eq!(org["@type"], "Organization");
    assert_eq!(
        org["name"],
        "Kent & Medway NHS & Social Care Partnership Trust"
    );
    assert_eq!(org["sameAs"], "https://www.kmpt.nhs.uk");
    let org = &posting(&out, "bank")["hiringOrganization"];
    assert_eq!(org["name"], "Wealdmoor NHS Foundation Trust");
}

#[test]
fn each_site_is_a_postal_address_in_gb() {
    let out = site().build(NOW);
    let locations = posting(&out, "ot")["jobLocation"].clone();
    let locations = locations.as_array().expect("a list of places");
    assert_eq!(locations.len(), 2);
    let first = &locations[0]["address"];
    assert_eq!(first["@type"], "PostalAddress");
    assert_eq!(first["addressLocality"], "Dartford");
    assert_eq!(first["addressRegion"], "Kent");
    assert_eq!(first["postalCode"], "DA2 6PB");
    assert_eq!(first["addressCountry"], "GB");
    assert!(
        first["streetAddress"]
            .as_str()
            .unwrap()
            .contains("Bow Arrow Lane")
    );
    let second = &locations[1]["address"];
    assert_eq!(second["addressLocality"], "Sidcup");
    assert_eq!(second["addressCountry"], "GB");
}

#[test]
fn base_salary_is_a_monetary_amount_in_pounds() {
    let out = site().build(NOW);
    let salary = &posting(&out, "ot")["baseSalary"];
    assert_eq!(salary["@type"], "MonetaryAmount");
    assert_eq!(salary["currency"], "GBP");
    assert_eq!(salary["value"]["@type"], "QuantitativeValue");
    assert_eq!(salary["value"]["minValue"], json!(40617));
    assert_eq!(salary["value"]["maxValue"], json!(48778));
    assert_eq!(salary["value"]["unitText"], "YEAR");

    let hourly = &posting(&out, "bank")["baseSalary"];
    assert_eq!(hourly["currency"], "GBP");
    assert_eq!(hourly["value"]["value"], json!(12.45));
    assert_eq!(hourly["value"]["unitText"], "HOUR");
}

#[test]
fn a_site_country_sets_the_address_country() {
    let out = Fixture::new()
        .settings("country: IE")
        .vacancy("a.md", Job::new("Nurse", "R-1").town("Dundalk"))
        .build(NOW);
    let p = posting(&out, "a");
    assert_eq!(p["jobLocation"][0]["address"]["addressCountry"], "IE");
}

#[test]
fn a_closed_job_carries_no_job_posting() {
    let out = site().build("2026-10-01");
    let html = out.html("jobs/ot/index.html");
    assert!(json_ld(&html).is_empty());
}

/// How many `<script>` elements a page has.
fn scripts(out: &Output, page: &str) -> usize {
    out.html(page).select(&selector("script")).count()
}

#[test]
fn a_title_cannot_break_out_of_the_script_element() {
    let evil = "</script><script>alert(1)</script><!--";
    let out = Fixture::new()
        .vacancy("evil.md", Job::new(evil, "R-1"))
        .vacancy("plain.md", Job::new("Plain title", "R-2"))
        .build(NOW);
    // The page has exactly the scripts an ordinary page has.
    assert_eq!(
        scripts(&out, "jobs/evil/index.html"),
        scripts(&out, "jobs/plain/index.html")
    );
    let html = out.html("jobs/evil/index.html");
    assert_eq!(
        html.select(&selector("script:not([src])")).count(),
        1,
        "the JSON-LD is the page's only inline script"
    );
    let blocks = json_ld(&html);
    assert_eq!(blocks.len(), 1);
    assert_eq!(blocks[0]["title"], evil, "the title survives intact");
    for script in html.select(&selector("script")) {
        let text: String = script.text().collect();
        assert!(
            !text.contains("alert(1)")
                || script.value().attr("type") == Some("application/ld+json")
        );
    }
    assert!(
        !out.text("jobs/evil/index.html")
            .contains("<script>alert(1)")
    );
    assert_eq!(
        text_of(&html, "h1"),
        evil,
        "the heading shows the title as text"
    );
    // Lists and feeds show it as text too.
    assert!(listed_titles(&out.html("index.html")).contains(&evil.to_owned()));
    assert_eq!(scripts(&out, "index.html"), {
        let clean = Fixture::new()
            .vacancy("plain.md", Job::new("Plain title", "R-2"))
            .build(NOW);
        scripts(&clean, "index.html")
    });
    assert!(
        parse_feed(&out.text("feed.xml"))
            .items
            .iter()
            .any(|i| i.title == evil)
    );
}

#[test]
fn direct_apply_follows_the_employer_then_the_site() {
    let out = site().build(NOW);
    assert_eq!(posting(&out, "ot")["directApply"], false, "by default, no");
    let out = site()
        .site_yaml(
            "title: South East NHS Careers
base_url: https://example.nhs.uk/careers/
employer: Wealdmoor NHS Foundation Trust
direct_apply: true
employers:
  - name: Wealdmoor NHS Foundation Trust
  - name: Kent & Medway NHS & Social Care Partnership Trust
    direct_apply: false
",
        )
        .build(NOW);
    assert_eq!(
        posting(&out, "bank")["directApply"],
        true,
        "the site's setting"
    );
    assert_eq!(
        posting(&out, "ot")["directApply"],
        false,
        "the employer's own"
    );
}

#[test]
fn the_hiring_organisation_carries_its_logo_as_an_absolute_address() {
    let site = site().site_yaml(
        "title: South East NHS Careers
base_url: https://example.nhs.uk/careers/
employer: Wealdmoor NHS Foundation Trust
employers:
  - name: Wealdmoor NHS Foundation Trust
    logo: documents/wealdmoor.png
  - name: Kent & Medway NHS & Social Care Partnership Trust
",
    );
    site.write_bytes("content/documents/wealdmoor.png", b"\x89PNG\r\n\x1a\n");
    let out = site.build(NOW);
    assert_eq!(
        posting(&out, "bank")["hiringOrganization"]["logo"],
        "https://example.nhs.uk/careers/documents/wealdmoor.png"
    );
    assert!(
        posting(&out, "ot")["hiringOrganization"]
            .get("logo")
            .is_none()
    );

    // A site of one employer: the site's logo is the employer's.
    let single = Fixture::new()
        .site_yaml(
            "title: Wealdmoor careers
base_url: https://example.nhs.uk/
employer: Wealdmoor NHS Foundation Trust
logo: documents/wealdmoor.png
",
        )
        .vacancy("nurse.md", Job::new("Staff Nurse", "R-1"));
    single.write_bytes("content/documents/wealdmoor.png", b"\x89PNG\r\n\x1a\n");
    let out = single.build(NOW);
    assert_eq!(
        posting(&out, "nurse")["hiringOrganization"]["logo"],
        "https://example.nhs.uk/documents/wealdmoor.png"
    );
}

#[test]
fn an_employer_logo_that_is_not_a_file_is_an_error() {
    let site = site().site_yaml(
        "title: South East NHS Careers
base_url: https://example.nhs.uk/careers/
employer: Wealdmoor NHS Foundation Trust
employers:
  - name: Wealdmoor NHS Foundation Trust
    logo: documents/missing.png
",
    );
    let Err(careers::Error::Invalid(problems)) = careers::check(&site.options(NOW)) else {
        panic!("the site is refused");
    };
    assert!(
        problems.iter().any(|p| p.file == "content/site.yaml"
            && p.message
                .contains("the employer logo \"documents/missing.png\"")),
        "{problems}"
    );
}

#[test]
fn every_logo_that_is_not_a_file_is_reported_at_once() {
    let site = site().site_yaml(
        "title: South East NHS Careers
base_url: https://example.nhs.uk/careers/
logo: images/missing-site-logo.svg
employer: Wealdmoor NHS Foundation Trust
employers:
  - name: Wealdmoor NHS Foundation Trust
    logo: documents/missing-wealdmoor.png
  - name: Thamesmead Community Trust
    logo: documents/missing-thamesmead.png
",
    );
    let Err(careers::Error::Invalid(problems)) = careers::check(&site.options(NOW)) else {
        panic!("the site is refused");
    };
    for logo in [
        "the logo \"images/missing-site-logo.svg\"",
        "the employer logo \"documents/missing-wealdmoor.png\"",
        "the employer logo \"documents/missing-thamesmead.png\"",
    ] {
        assert!(
            problems
                .iter()
                .any(|p| p.file == "content/site.yaml" && p.message.contains(logo)),
            "{logo} is not reported: {problems}"
        );
    }
}

#[test]
fn links_in_the_description_are_absolute() {
    let site = site().page("how-to-apply.md", "title: How to apply", "Apply online.\n").job(
        "links.md",
        &Job::new("Porter", "WDM-P-1").front_matter(),
        "## Job summary\n\nSee [how to apply](@/pages/how-to-apply.md#forms), [our nurses](@/jobs/permanent.md), \
         [duties](#main-duties), [NHS Jobs](https://www.jobs.nhs.uk/) and write \"href=\\\"x\\\"\" as text.\n",
    );
    let out = site.build(NOW);
    let description = posting(&out, "links")["description"]
        .as_str()
        .unwrap()
        .to_owned();
    for address in [
        "href=\"https://example.nhs.uk/careers/how-to-apply/#forms\"",
        "href=\"https://example.nhs.uk/careers/jobs/permanent/\"",
        "href=\"https://example.nhs.uk/careers/jobs/links/#main-duties\"",
        "href=\"https://www.jobs.nhs.uk/\"",
    ] {
        assert!(description.contains(address), "{address} in {description}");
    }
    assert!(!description.contains("href=\"../"), "{description}");
    assert!(
        description.contains("href=\"x\""),
        "text is left alone: {description}"
    );
}
