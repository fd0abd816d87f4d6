//! `careers schema` keeps step with the parser: every field the parser
//! knows is in the schema and no other, each group is closed to unknown
//! fields and names its required ones, and each form's pattern accepts
//! exactly what the parser of that form accepts, over samples of right and
//! wrong values. (scripts/check-schema runs the schemas through a real
//! validator, check-jsonschema, against the example site and the broken
//! fixtures.)

use std::process::Command;

use careers::calendar;
use careers::schema::json::{self, DIALECT};
use careers::schema::{FieldSet, Form, Needed, SITE, VACANCY};
use careers::url;
use careers::vacancy::{Band, Contract, DbsCheck, PayPeriod, WorkingPattern};
use jiff::tz::TimeZone;
use regex::Regex;
use serde_json::Value;

fn printed(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_careers"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(out.status.success(), "careers {args:?} fails");
    serde_json::from_slice(&out.stdout).expect("careers schema prints JSON")
}

#[test]
fn the_command_prints_both_schemas_in_draft_2020_12() {
    for (args, schema, title) in [
        (&["schema"][..], json::vacancy(), "A vacancy's front matter"),
        (
            &["schema", "--site"][..],
            json::site(),
            "A careers site's settings",
        ),
    ] {
        let printed = printed(args);
        assert_eq!(printed, schema);
        assert_eq!(printed["$schema"], DIALECT);
        assert_eq!(printed["title"], title);
        assert_eq!(printed["type"], "object");
    }
}

/// Checks that the object schema `schema` describes exactly the fields of
/// `set`, and the groups within them likewise.
fn same_fields(set: &FieldSet, schema: &Value) {
    let at = set.id;
    assert_eq!(schema["type"], "object", "{at}");
    assert_eq!(
        schema["additionalProperties"], false,
        "{at} refuses unknown fields"
    );
    let properties = schema["properties"].as_object().expect("properties");
    let names: Vec<&str> = set.fields.iter().map(|f| f.name).collect();
    let listed: Vec<&str> = properties.keys().map(String::as_str).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(listed, sorted, "{at}: the schema's fields are the parser's");
    let required: Vec<&str> = set
        .fields
        .iter()
        .filter(|f| f.needed == Needed::Required)
        .map(|f| f.name)
        .collect();
    let said: Vec<&str> = schema["required"]
        .as_array()
        .map(|r| r.iter().map(|v| v.as_str().unwrap()).collect())
        .unwrap_or_default();
    assert_eq!(said, required, "{at}: required fields");
    for field in set.fields {
        let property = &properties[field.name];
        assert!(
            property["description"]
                .as_str()
                .is_some_and(|d| !d.is_empty()),
            "{at}.{} has a description",
            field.name
        );
        assert_eq!(property["markdownDescription"], field.doc);
        let null_allowed = alternatives(property).iter().any(|a| a["type"] == "null");
        assert_eq!(
            null_allowed,
            field.needed != Needed::Required,
            "{at}.{}: only an optional field may be left empty",
            field.name
        );
        if let Some((nested, listed)) = field.group() {
            let group = alternatives(property)
                .into_iter()
                .map(|a| {
                    if listed && a["type"] == "array" {
                        a["items"].clone()
                    } else {
                        a
                    }
                })
                .find(|a| a["type"] == "object")
                .unwrap_or_else(|| panic!("{at}.{} is written as a group", field.name));
            same_fields(nested, &group);
        }
    }
}

fn alternatives(schema: &Value) -> Vec<Value> {
    match schema["anyOf"].as_array() {
        Some(list) => list.clone(),
        None => vec![schema.clone()],
    }
}

#[test]
fn every_field_the_parser_knows_is_in_the_schema() {
    same_fields(&VACANCY, &json::vacancy());
    same_fields(&SITE, &json::site());
}

#[test]
fn location_or_locations_is_needed_but_not_both() {
    let schema = json::vacancy();
    let one_of = schema["oneOf"].as_array().expect("oneOf");
    let names: Vec<&str> = one_of
        .iter()
        .map(|s| s["required"][0].as_str().unwrap())
        .collect();
    assert_eq!(names, ["location", "locations"]);
    for field in VACANCY
        .fields
        .iter()
        .filter(|f| matches!(f.needed, Needed::Unless(_)))
    {
        assert!(
            ["location", "locations", "employer"].contains(&field.name),
            "{} is needed only sometimes: say how in the schema",
            field.name
        );
    }
}

#[test]
fn every_form_of_every_field_maps() {
    fn walk(forms: &[Form], seen: &mut Vec<&'static str>) {
        for form in forms {
            let name = match form {
                Form::Text => "text",
                Form::Number => "number",
                Form::WholeNumber => "whole number",
                Form::Flag => "flag",
                Form::Date => "date",
                Form::DateOrTime => "date or time",
                Form::Clock => "clock",
                Form::TimeZone => "time zone",
                Form::Band => "band",
                Form::WebAddress => "web address",
                Form::Document => "document",
                Form::Slug => "slug",
                Form::Email => "email",
                Form::Phone => "phone",
                Form::OneOf(_) => "one of",
                Form::Group(nested) => {
                    for field in nested.fields {
                        walk(field.forms, seen);
                    }
                    "group"
                }
                Form::ListOf(items) => {
                    walk(items, seen);
                    "list"
                }
            };
            seen.push(name);
        }
    }
    fn forms(set: &FieldSet, seen: &mut Vec<&'static str>) {
        for field in set.fields {
            walk(field.forms, seen);
        }
    }
    let mut seen = Vec::new();
    forms(&VACANCY, &mut seen);
    forms(&SITE, &mut seen);
    // Every form is used, so the schema's mapping of each is exercised by
    // the fields above and by scripts/check-schema.
    for form in [
        "text",
        "number",
        "whole number",
        "flag",
        "date",
        "date or time",
        "clock",
        "time zone",
        "band",
        "web address",
        "document",
        "slug",
        "email",
        "phone",
        "one of",
        "group",
        "list",
    ] {
        assert!(seen.contains(&form), "no field takes the form {form}");
    }
}

fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"))
}

/// Asserts the pattern matches a sample exactly when `parses` does.
fn agrees(what: &str, pattern: &str, samples: &[&str], parses: impl Fn(&str) -> bool) {
    let re = regex(pattern);
    for sample in samples {
        assert_eq!(
            re.is_match(sample),
            parses(sample),
            "{what} {sample:?}: the schema and the parser disagree"
        );
    }
}

const DATES: &[&str] = &[
    "2025-09-28",
    "2025-9-8",
    "28/09/2025",
    "3/2/2026",
    "28 September 2025",
    "28 Sept 2025",
    "1st March 2026",
    "1 MAR. 2026",
    "30 june 2026",
    "31 June 2026",
    "31/04/2026",
    "2026-02-30",
    "29 February 2028",
    "2026.03.01",
    "01-03-2026",
    "next Friday",
    "09/28/2025",
    "01/12/25",
    "1899-12-31",
    "3000-01-01",
    "28 Se 2025",
    "0 March 2026",
    "32 March 2026",
    "",
    " 2025-09-28 ",
];

#[test]
fn the_date_pattern_reads_what_the_calendar_reads() {
    agrees("date", &json::date_pattern(), DATES, |s| {
        calendar::parse_date(s).is_ok()
    });
    // A schema cannot know leap years: 29 February is let through.
    assert!(regex(&json::date_pattern()).is_match("29/02/2027"));
    assert!(calendar::parse_date("29/02/2027").is_err());
}

#[test]
fn the_closing_date_pattern_reads_dates_and_times() {
    let zone = TimeZone::get("Europe/London").unwrap();
    let either = format!("{}|{}", json::date_pattern(), json::date_time_pattern());
    let mut samples = DATES.to_vec();
    samples.extend([
        "2026-01-31 12:00",
        "2026-01-31T12:00",
        "2026-01-31T12:00:00",
        "2026-01-31T12:00:00.5",
        "2026-01-31T12:00:00+01:00",
        "2026-01-31T12:00Z",
        "2026-01-31 25:00",
        "2026-02-30 12:00",
        "2026-01-31 12:60",
        "2026-01-31  12:00",
    ]);
    agrees("closes", &either, &samples, |s| {
        calendar::parse_when(s, &zone).is_ok()
    });
}

#[test]
fn the_clock_pattern_reads_what_closing_time_reads() {
    let samples = [
        "23:59", "12:00", "9:05", "09:5", "24:00", "12:60", "noon", "1200", "12:00pm",
    ];
    agrees("clock", &json::clock_pattern(), &samples, |s| {
        calendar::parse_clock(s).is_ok()
    });
}

#[test]
fn the_band_pattern_reads_agenda_for_change_bands() {
    let samples = [
        "1", "7", "9", "8a", "8D", "Band 6", "band 8b", "BAND 5", "band6", "8", "8e", "10", "11",
        "Band 11", "Band 8", "0", "6.5", "Bandage",
    ];
    // Text starting with a digit or "band" is Agenda for Change or nothing.
    agrees("band", &json::agenda_for_change_pattern(), &samples, |s| {
        Band::parse(s).is_ok_and(|b| b.is_agenda_for_change())
    });
}

#[test]
fn the_spelling_patterns_read_what_the_terms_read() {
    let variants = |names: &[&str]| -> Vec<String> {
        let mut out = Vec::new();
        for word in names.iter().chain(json::spellings(names)) {
            out.push(word.to_string());
            out.push(word.to_uppercase());
            out.push(word.replace('-', " "));
            out.push(word.replace('-', "_"));
            out.push(format!("{word}x"));
            out.push(word[1..].to_owned());
        }
        out.extend(["", "zero hours", "sometimes", "full"].map(String::from));
        out
    };
    let check = |what: &str, names: &[&str], parse: fn(&str) -> bool| {
        let samples = variants(names);
        let samples: Vec<&str> = samples.iter().map(String::as_str).collect();
        agrees(what, &json::spellings_pattern(names), &samples, parse);
    };
    check("contract", Contract::NAMES, |s| {
        Contract::parse(s).is_some()
    });
    check("working pattern", WorkingPattern::NAMES, |s| {
        WorkingPattern::parse(s).is_some()
    });
    check("dbs", DbsCheck::NAMES, |s| DbsCheck::parse(s).is_some());
    let pay: fn(&str) -> bool = |s| PayPeriod::parse(s).is_some();
    check("period", PayPeriod::NAMES, pay);
    agrees(
        "period",
        &json::spellings_pattern(PayPeriod::NAMES),
        &[
            "per annum",
            "a year",
            "an hour",
            "Per Hour",
            "hours",
            "yearly",
            "fortnight",
            "per  year",
        ],
        pay,
    );
}

#[test]
fn the_address_patterns_follow_the_one_url_rule() {
    let web = [
        "https://www.jobs.nhs.uk/candidate/jobadvert/C9380",
        "HTTP://example.nhs.uk",
        "https://",
        "https:///path",
        "javascript:alert(1)",
        "www.example.nhs.uk",
        "https://a b.nhs.uk",
        "https://example.nhs.uk/\"x\"",
        "https://example.nhs.uk/<script>",
        "https://ex\u{200b}ample.uk",
        "//evil.example",
        "ftp://example.nhs.uk",
    ];
    agrees("web address", &json::web_address_pattern(), &web, |s| {
        url::web_address(s, "apply_url", "https://example.nhs.uk").is_ok()
    });
    let email = [
        "jane.smith@example.nhs.uk",
        "a@b.c",
        "jane",
        "jane@nhs",
        "jane@.nhs.uk",
        "jane@nhs.uk.",
        "jane smith@nhs.uk",
        "<jane@nhs.uk>",
        "jane@@nhs.uk",
        "@nhs.uk",
        "jane@nhs..uk",
    ];
    agrees("email", &json::email_pattern(), &email, |s| {
        url::email_address(s).is_ok()
    });
    let phone = [
        "01632 960000",
        "+44 (0)1632 960123",
        "0800-123-456",
        "ext 123",
        "",
        "()",
        "1632.5",
    ];
    agrees("phone", &json::phone_pattern(), &phone, |s| {
        url::phone_number(s).is_ok()
    });
}

#[test]
fn init_writes_the_schemas_and_the_editor_settings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    let out = Command::new(env!("CARGO_BIN_EXE_careers"))
        .args(["init", site.to_str().unwrap(), "--now", "2026-01-05"])
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read = |rel: &str| -> Value {
        let text = std::fs::read_to_string(site.join(rel)).unwrap_or_else(|_| panic!("{rel}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
    };
    assert_eq!(
        read(".vscode/careers-vacancy.schema.json"),
        printed(&["schema"])
    );
    assert_eq!(
        read(".vscode/careers-site.schema.json"),
        printed(&["schema", "--site"])
    );
    let settings = read(".vscode/settings.json");
    let schemas = settings["yaml.schemas"].as_object().expect("yaml.schemas");
    assert_eq!(schemas.len(), 1);
    let (schema, files) = schemas.iter().next().unwrap();
    assert!(site.join(schema).is_file(), "{schema} is written");
    assert_eq!(files, "content/site.yaml");
    assert!(site.join("content/site.yaml").is_file());
    assert_eq!(
        read(".vscode/extensions.json")["recommendations"][0],
        "redhat.vscode-yaml"
    );
}
