//! A job file to a `Vacancy`: the front matter split off, each field handed
//! to the reader beside its type, the checks between fields, and every
//! problem in the file reported, not just the first.

use std::collections::BTreeMap;

use crate::config::SiteConfig;
use crate::content::SourceFile;
use crate::content::fields::{self, Fields};
use crate::content::frontmatter;
use crate::diagnostics::{Diagnostic, FileReport};
use crate::markdown;
use crate::schema;
use crate::slug;
use crate::url;

use super::{Vacancy, band, closing, conditions, contact, document, employer, location, salary};

const MAX_TITLE: usize = 100;
const APPLY_EXAMPLE: &str = "https://www.jobs.nhs.uk/candidate/jobadvert/C9380-25-0746";

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
        .and_then(|v| band::read(v, report));
    let salary = f.get("salary").and_then(|v| salary::read(v, report));
    if f.key_at("salary").is_none() {
        report.warning(
            f.at,
            "the advert gives no salary",
            "add `salary:` with `min` and `max`: candidates look for pay first, and Google for Jobs ranks adverts with pay higher",
        );
    }
    let locations = location::read(&f, config, report);
    let employer = employer::read(&f, config, report);
    let dates = closing::read(&f, config, report);
    let conditions = conditions::read(&f, report);

    let apply_url = f
        .text("apply_url", report)
        .and_then(|u| url::read_web(u, "apply_url", APPLY_EXAMPLE, report));
    let contact = f.get("contact").and_then(|v| contact::read(v, report));
    let documents = f
        .get("documents")
        .map(|v| document::read(v, cx.documents, report))
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

    let slug = read_slug(&f, source, report);
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
    let to_fill = if draft {
        super::placeholder::to_fill(&root, split.body)
    } else {
        super::placeholder::check(&root, split.body, split.body_first_line, report);
        Vec::new()
    };

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
        contract: conditions.contract,
        contract_length,
        working_pattern: conditions.working_pattern,
        hours: conditions.hours,
        posted: dates.posted?,
        closes: dates.closes?,
        start_date: dates.start_date,
        closed_early: dates.closed_early,
        may_close_early,
        interview: dates.interview,
        registration,
        apply_url,
        contact,
        documents,
        sponsorship,
        dbs: conditions.dbs,
        tags,
        summary,
        body,
        draft,
        to_fill,
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

/// The advert's slug: `slug:` as written, or made from the file name.
fn read_slug(f: &Fields, source: &SourceFile, report: &mut FileReport) -> String {
    match f.text("slug", report) {
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
    }
}
