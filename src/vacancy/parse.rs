//! A job file to a `Vacancy`: every front matter field read, checked and
//! explained here, and every problem in the file reported, not just the first.

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::calendar::{self, When};
use crate::config::{Employer, SiteConfig};
use crate::content::SourceFile;
use crate::content::fields::{self, Fields, Spanned};
use crate::content::frontmatter;
use crate::content::yaml::{Kind, Value};
use crate::diagnostics::{Diagnostic, FileReport};
use crate::markdown;
use crate::schema;
use crate::slug;
use crate::url;

use super::salary;
use super::{
    Band, ClosingDate, Contact, Contract, DbsCheck, DocumentLink, DocumentTarget, Location,
    PayPeriod, Salary, Vacancy, WorkingPattern,
};

const MAX_SITES: usize = 10;
const MAX_TITLE: usize = 100;
const APPLY_EXAMPLE: &str = "https://www.jobs.nhs.uk/candidate/jobadvert/C9380-25-0746";
const DOCUMENT_EXAMPLE: &str = "https://www.example.nhs.uk/jobs/job-description.pdf";
const LARGE_DOCUMENT: u64 = 10 * 1024 * 1024;

/// What a job file is checked against besides itself.
pub struct ParseContext<'a> {
    pub config: &'a SiteConfig,
    /// Files under `content/documents`, by path under `content/`, with sizes.
    pub documents: &'a BTreeMap<String, u64>,
}

/// Reads one job file. The vacancy is `None` if the file has any error.
pub fn parse(source: &SourceFile, cx: &ParseContext) -> (Option<Vacancy>, Vec<Diagnostic>) {
    let mut report = FileReport::new(&source.path, &source.text);
    let vacancy = read(source, cx, &mut report);
    let failed = report.has_errors();
    (vacancy.filter(|_| !failed), report.diagnostics)
}

fn read(source: &SourceFile, cx: &ParseContext, report: &mut FileReport) -> Option<Vacancy> {
    let (split, root) = frontmatter::read(&source.text, report)?;
    let f = Fields::new(&root, "a vacancy", schema::VACANCY.fields, report)?;
    let config = cx.config;

    let title = required_text(&f, "title", "Senior Occupational Therapist", report);
    if let (Some(t), Some(value)) = (&title, f.get("title"))
        && t.chars().count() > MAX_TITLE
    {
        report.warning(
            value.at,
            format!("the title is {} characters long", t.chars().count()),
            format!("keep titles under {MAX_TITLE} characters so they fit on a phone and in search results; put details in `summary`"),
        );
    }
    let reference = required_text(&f, "reference", "380-AC0746", report);
    let band = f
        .required("band", report, "6")
        .and_then(|v| read_band(v, report));
    let salary = f.get("salary").and_then(|v| read_salary(v, report));
    if f.key_at("salary").is_none() {
        report.warning(
            f.at,
            "the advert gives no salary",
            "add `salary:` with `min` and `max`: candidates look for pay first, and Google for Jobs ranks adverts with pay higher",
        );
    }
    let locations = read_locations(&f, config, report);
    let employer = read_employer(&f, config, report);

    let posted = f
        .required("posted", report, "2025-09-12")
        .and_then(|v| date(v, "posted", report));
    let closes = f
        .required("closes", report, "2025-09-28")
        .and_then(|v| read_closes(v, config, report));
    if let (Some(posted), Some(closes)) = (posted, &closes)
        && closes.moment.date() < posted
    {
        let at = f.get("closes").map_or(f.at, |v| v.at);
        report.error(
            at,
            format!(
                "the closing date ({}) is before the posted date ({})",
                calendar::long_date(closes.moment.date()),
                calendar::long_date(posted)
            ),
            "check both dates: an advert closes on or after the day it is posted",
        );
    }
    if let (Some(posted), Some(closes)) = (posted, &closes)
        && closes.moment.date() > posted.saturating_add(jiff::Span::new().years(1))
    {
        let at = f.get("closes").map_or(f.at, |v| v.at);
        report.warning(
            at,
            "the advert stays open for more than a year after it is posted",
            "check the year of `closes`; adverts usually close within weeks",
        );
    }
    let optional_date =
        |key: &str, report: &mut FileReport| f.get(key).and_then(|v| date(v, key, report));
    let start_date = optional_date("start_date", report);
    let closed_early = optional_date("closed_early", report);
    let interview = optional_date("interview", report);

    let contract = f
        .text("contract", report)
        .and_then(|t| choice(t, "contract", Contract::NAMES, Contract::parse, report));
    let mut working_pattern = Vec::new();
    for item in f
        .get("working_pattern")
        .map(fields::one_or_many)
        .unwrap_or_default()
    {
        let pattern = fields::text(item, "working_pattern", report).and_then(|t| {
            choice(
                t,
                "working_pattern",
                WorkingPattern::NAMES,
                WorkingPattern::parse,
                report,
            )
        });
        working_pattern.extend(pattern);
    }
    let dbs = f
        .text("dbs", report)
        .and_then(|t| choice(t, "dbs", DbsCheck::NAMES, DbsCheck::parse, report));
    let hours = f
        .get("hours")
        .and_then(|v| fields::number(v, "hours", report))
        .and_then(|h| {
            if h.value <= 0.0 || h.value > 100.0 {
                report.error(
                    h.at,
                    format!("{} hours a week is not possible", h.value),
                    "give the hours a week, e.g. `hours: 37.5`",
                );
                None
            } else {
                Some(h.value)
            }
        });

    let apply_url = f
        .text("apply_url", report)
        .and_then(|u| url::read_web(u, "apply_url", APPLY_EXAMPLE, report));
    let contact = f.get("contact").and_then(|v| read_contact(v, report));
    let documents = f
        .get("documents")
        .map(|v| read_documents(v, cx, report))
        .unwrap_or_default();
    let tags = f
        .get("tags")
        .map(|v| {
            fields::one_or_many(v)
                .into_iter()
                .filter_map(|t| fields::text(t, "tags", report))
                .map(|t| t.value)
                .filter(|t| !t.is_empty())
                .collect()
        })
        .unwrap_or_default();

    let slug = match f.text("slug", report) {
        Some(s) => match crate::slug::written(&s.value, &crate::slug::ADVERTS) {
            Ok(slug) => slug,
            Err((message, hint)) => {
                report.error(s.at, message, hint);
                String::new()
            }
        },
        None => {
            // Like `slug:`, the file name must give the page a folder of its
            // own: an empty slug would overwrite jobs/index.html.
            let slug = slug::from_file_name(&source.content_path);
            if slug.is_empty() {
                report.error(
                    f.at,
                    "the file name has no letters or digits to make the advert's web address from",
                    "rename the file, e.g. staff-nurse.md, or set `slug: staff-nurse`",
                );
            }
            slug
        }
    };
    let pay_scheme = f.text("pay_scheme", report).map(|t| t.value).or_else(|| {
        band.as_ref()
            .filter(|b| b.is_agenda_for_change())
            .map(|_| "Agenda for Change".to_owned())
    });

    let body = markdown::render_into(split.body, split.body_first_line, report);
    let summary = f
        .text("summary", report)
        .map(|t| t.value)
        .unwrap_or_else(|| body.first_paragraph.clone());
    // Read every remaining field before giving up on a missing required
    // one, so one run reports every problem in the file.
    let text = |key: &str, report: &mut FileReport| f.text(key, report).map(|t| t.value);
    let reports_to = text("reports_to", report);
    let service = text("service", report);
    let staff_group = text("staff_group", report);
    let contract_length = text("contract_length", report);
    let registration = text("registration", report);
    let may_close_early = f.flag("may_close_early", report).unwrap_or(false);
    let sponsorship = f.flag("sponsorship", report);
    let draft = f.flag("draft", report).unwrap_or(false);
    if !draft {
        super::placeholder::check(&root, split.body, split.body_first_line, report);
    }

    let reference_at = f.get("reference").map_or(f.at, |v| v.at);
    let slug_at = f.get("slug").map(|v| v.at);

    Some(Vacancy {
        source: source.path.clone(),
        content_path: source.content_path.clone(),
        slug,
        title: title?,
        reference: reference?,
        reference_at,
        slug_at,
        band: band?,
        pay_scheme,
        salary,
        locations: locations?,
        employer: employer?,
        reports_to,
        service,
        staff_group,
        contract,
        contract_length,
        working_pattern,
        hours,
        posted: posted?,
        closes: closes?,
        start_date,
        closed_early,
        may_close_early,
        interview,
        registration,
        apply_url,
        contact,
        documents,
        sponsorship,
        dbs,
        tags,
        summary,
        body,
        draft,
    })
}

fn required_text(f: &Fields, key: &str, example: &str, report: &mut FileReport) -> Option<String> {
    let value = f.required(key, report, example)?;
    let text = fields::text(value, key, report)?;
    if text.value.is_empty() {
        report.error(
            text.at,
            format!("`{key}` is empty"),
            format!("add a line such as `{key}: {example}`"),
        );
        return None;
    }
    Some(text.value)
}

fn read_band(value: &Value, report: &mut FileReport) -> Option<Band> {
    let text = fields::text(value, "band", report)?;
    match Band::parse(&text.value) {
        Ok(band) => Some(band),
        Err(message) => {
            report.error(
                text.at,
                message,
                "Agenda for Change bands are 1 to 7, 8a, 8b, 8c, 8d and 9; other grades are written as words, e.g. `band: Consultant`",
            );
            None
        }
    }
}

fn date(value: &Value, key: &str, report: &mut FileReport) -> Option<Date> {
    let text = fields::text(value, key, report)?;
    match calendar::parse_date(&text.value) {
        Ok(date) => Some(date),
        Err(p) => {
            report.error(text.at, format!("`{key}`: {}", p.message), p.hint);
            None
        }
    }
}

fn read_closes(value: &Value, config: &SiteConfig, report: &mut FileReport) -> Option<ClosingDate> {
    let text = fields::text(value, "closes", report)?;
    let when = match calendar::parse_when(&text.value, &config.timezone) {
        Ok(when) => when,
        Err(p) => {
            report.error(text.at, format!("`closes`: {}", p.message), p.hint);
            return None;
        }
    };
    let moment = match when {
        When::Day(day) => {
            match calendar::wall_clock(day.to_datetime(config.closing_time), &config.timezone) {
                Ok(z) => z,
                Err(p) => {
                    report.error(text.at, p.message, p.hint);
                    return None;
                }
            }
        }
        When::Exact(ts) => ts.to_zoned(config.timezone.clone()),
    };
    Some(ClosingDate { moment })
}

fn choice<T>(
    text: Spanned<String>,
    key: &str,
    names: &[&str],
    parse: fn(&str) -> Option<T>,
    report: &mut FileReport,
) -> Option<T> {
    let parsed = parse(&text.value);
    if parsed.is_none() {
        let options = names.join(", ");
        let hint = match fields::nearest(&text.value, names) {
            Some(near) => format!("did you mean `{near}`? `{key}` takes one of: {options}"),
            None => format!("`{key}` takes one of: {options}"),
        };
        report.error(
            text.at,
            format!("\"{}\" is not a value `{key}` takes", text.value),
            hint,
        );
    }
    parsed
}

fn read_salary(value: &Value, report: &mut FileReport) -> Option<Salary> {
    // `salary: 40617` is a single yearly figure.
    if matches!(value.kind, Kind::Int(_) | Kind::Float(_)) {
        let min = fields::number(value, "salary", report)?;
        return check_amount(min, "salary", report).map(|min| Salary {
            min,
            max: None,
            period: PayPeriod::Year,
            note: None,
            pro_rata: false,
        });
    }
    let f = Fields::new(value, "the salary", schema::SALARY.fields, report)?;
    let min = f
        .required("min", report, "40617")
        .and_then(|v| fields::number(v, "min", report))
        .and_then(|n| check_amount(n, "min", report));
    let max = f
        .get("max")
        .and_then(|v| fields::number(v, "max", report))
        .and_then(|n| {
            let at = n.at;
            check_amount(n, "max", report).map(|m| (m, at))
        });
    let period = match f.text("period", report) {
        None => Some(PayPeriod::Year),
        Some(t) => choice(t, "period", PayPeriod::NAMES, PayPeriod::parse, report),
    };
    if let (Some(min), Some((max, at))) = (min, max)
        && max < min
    {
        report.error(
            at,
            format!(
                "the maximum salary ({}) is less than the minimum ({})",
                salary::pounds(max),
                salary::pounds(min)
            ),
            "swap `min` and `max`, or correct the figure",
        );
        return None;
    }
    Some(Salary {
        min: min?,
        max: max.map(|(m, _)| m),
        period: period?,
        note: f.text("note", report).map(|t| t.value),
        pro_rata: f.flag("pro_rata", report).unwrap_or(false),
    })
}

fn check_amount(n: Spanned<f64>, key: &str, report: &mut FileReport) -> Option<f64> {
    if n.value <= 0.0 {
        report.error(
            n.at,
            format!("`{key}` must be more than £0"),
            "give the amount in pounds, e.g. 40617 or 13.45",
        );
        return None;
    }
    if n.value > 1_000_000.0 {
        report.error(
            n.at,
            format!(
                "`{key}` is {}, which is more than any NHS post pays",
                salary::pounds(n.value)
            ),
            "give the amount in pounds, e.g. 40617 or 40617.50, not in pence (4061750)",
        );
        return None;
    }
    Some(n.value)
}

fn read_locations(
    f: &Fields,
    config: &SiteConfig,
    report: &mut FileReport,
) -> Option<Vec<Location>> {
    let (key, value) = match (f.get("location"), f.get("locations")) {
        (Some(_), Some(v)) => {
            report.error(
                v.at,
                "both `location` and `locations` are given",
                "keep one: `location: Dartford` for one town, or `locations:` with a list",
            );
            return None;
        }
        (Some(v), None) => ("location", v),
        (None, Some(v)) => ("locations", v),
        (None, None) if f.misspelt("location") || f.misspelt("locations") => return None,
        (None, None) => {
            report.error(
                f.at,
                "the required field `location` is missing",
                "add a line such as `location: Dartford`, or a `locations:` list of sites",
            );
            return None;
        }
    };
    let items = fields::one_or_many(value);
    if items.len() > MAX_SITES {
        report.error(
            value.at,
            format!(
                "{} sites are listed; an advert can list up to {MAX_SITES}",
                items.len()
            ),
            "list the main sites, and name the others in the advert text",
        );
        return None;
    }
    if items.is_empty() {
        report.error(
            value.at,
            format!("`{key}` is empty"),
            "name at least one town",
        );
        return None;
    }
    let mut locations = Vec::new();
    let mut ok = true;
    for item in items {
        match read_location(item, key, config, report) {
            Some(location) => locations.push(location),
            None => ok = false,
        }
    }
    ok.then_some(locations)
}

fn read_location(
    value: &Value,
    key: &str,
    config: &SiteConfig,
    report: &mut FileReport,
) -> Option<Location> {
    if !matches!(value.kind, Kind::Map(_)) {
        let town = fields::text(value, key, report)?;
        if crate::slug::slugify(&town.value).is_empty() {
            report.error(
                town.at,
                "the town has no letters",
                "write the town's name, e.g. Dartford",
            );
            return None;
        }
        return Some(Location::town_only(town.value, &config.country));
    }
    let f = Fields::new(value, "a site", schema::SITE_ADDRESS.fields, report)?;
    let town = f
        .required("town", report, "Dartford")
        .and_then(|v| fields::text(v, "town", report));
    let address = f
        .get("address")
        .map(|v| {
            fields::one_or_many(v)
                .into_iter()
                .filter_map(|line| fields::text(line, "address", report))
                .map(|line| line.value)
                .collect()
        })
        .unwrap_or_default();
    let text = |key: &str, report: &mut FileReport| f.text(key, report).map(|t| t.value);
    let town = town?;
    if crate::slug::slugify(&town.value).is_empty() {
        report.error(
            town.at,
            "the town has no letters",
            "write the town's name, e.g. Dartford",
        );
        return None;
    }
    Some(Location {
        site: text("site", report),
        address,
        town: town.value,
        county: text("county", report),
        postcode: text("postcode", report),
        country: text("country", report).unwrap_or_else(|| config.country.clone()),
    })
}

fn read_employer(f: &Fields, config: &SiteConfig, report: &mut FileReport) -> Option<Employer> {
    match f.text("employer", report) {
        Some(name) => {
            if let Some(employer) = config.find_employer(&name.value) {
                return Some(employer.clone());
            }
            if config.employers.is_empty() {
                return Some(Employer {
                    name: name.value,
                    url: None,
                    address: None,
                    logo: None,
                    direct_apply: config.direct_apply,
                });
            }
            let names: Vec<&str> = config.employers.iter().map(|e| e.name.as_str()).collect();
            let hint = match fields::nearest(&name.value, &names) {
                Some(near) => format!(
                    "did you mean \"{near}\"? The employers are listed in content/site.yaml"
                ),
                None => format!(
                    "use one of the names in `employers` in content/site.yaml: {}",
                    names.join("; ")
                ),
            };
            report.error(
                name.at,
                format!("\"{}\" is not one of the site's employers", name.value),
                hint,
            );
            None
        }
        None => match &config.employer {
            // The default may also be described in `employers`, with its address.
            Some(employer) => Some(
                config
                    .find_employer(&employer.name)
                    .unwrap_or(employer)
                    .clone(),
            ),
            None => {
                report.error(
                    f.at,
                    "no employer is given, and content/site.yaml sets no default `employer`",
                    "add `employer:` naming the trust, here or in content/site.yaml",
                );
                None
            }
        },
    }
}

/// The value of a contact field as `check` accepts it, or the refusal
/// reported at its line.
fn checked(
    value: Spanned<String>,
    check: fn(&str) -> Result<String, url::Refusal>,
    report: &mut FileReport,
) -> Option<String> {
    match check(&value.value) {
        Ok(text) => Some(text),
        Err(r) => {
            report.error(value.at, r.message, r.hint);
            None
        }
    }
}

fn read_contact(value: &Value, report: &mut FileReport) -> Option<Contact> {
    let f = Fields::new(value, "the contact", schema::CONTACT.fields, report)?;
    let email = f
        .text("email", report)
        .and_then(|e| checked(e, url::email_address, report));
    let phone = f
        .text("phone", report)
        .and_then(|p| checked(p, url::phone_number, report));
    Some(Contact {
        name: f.text("name", report).map(|t| t.value),
        role: f.text("role", report).map(|t| t.value),
        email,
        phone,
    })
}

fn read_documents(value: &Value, cx: &ParseContext, report: &mut FileReport) -> Vec<DocumentLink> {
    let mut documents = Vec::new();
    for item in fields::one_or_many(value) {
        let Some(f) = Fields::new(item, "a document", schema::DOCUMENT.fields, report) else {
            continue;
        };
        let title = f
            .required("title", report, "Job description")
            .and_then(|v| fields::text(v, "title", report));
        let file = f
            .required("file", report, "documents/job-description.pdf")
            .and_then(|v| fields::text(v, "file", report));
        let (Some(title), Some(file)) = (title, file) else {
            continue;
        };
        let target = if url::is_address(&file.value) {
            url::read_web(file, "file", DOCUMENT_EXAMPLE, report)
                .map(|url| DocumentTarget::Remote { url })
        } else {
            local_document(file, cx, report)
        };
        if let Some(target) = target {
            documents.push(DocumentLink {
                title: title.value,
                target,
            });
        }
    }
    documents
}

fn local_document(
    file: Spanned<String>,
    cx: &ParseContext,
    report: &mut FileReport,
) -> Option<DocumentTarget> {
    let path = file.value.trim_start_matches("./");
    let path = path.strip_prefix("content/").unwrap_or(path);
    let escapes = path.starts_with('/') || path.split(['/', '\\']).any(|part| part == "..");
    if escapes || !path.starts_with("documents/") {
        report.error(
            file.at,
            format!("\"{}\" is outside content/documents", file.value),
            "put the file in content/documents and write its path from there, e.g. `file: documents/job-description.pdf`",
        );
        return None;
    }
    match cx.documents.get(path) {
        Some(&bytes) => {
            if bytes > LARGE_DOCUMENT {
                report.warning(
                    file.at,
                    format!("{} is {:.0} MB, slow to download on a phone", file.value, bytes as f64 / (1024.0 * 1024.0)),
                    "save a smaller copy (for a PDF, \"reduce file size\" or export without images)",
                );
            }
            Some(DocumentTarget::Local {
                path: path.to_owned(),
                bytes,
            })
        }
        None => {
            let name = path.rsplit('/').next().unwrap_or(path);
            let similar: Vec<&str> = cx.documents.keys().map(String::as_str).collect();
            let hint = match fields::nearest(path, &similar) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("copy {name} into content/documents, or correct the name"),
            };
            report.error(
                file.at,
                format!("the document \"{}\" does not exist", file.value),
                hint,
            );
            None
        }
    }
}
