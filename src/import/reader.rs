//! Making an advert of a source's lines, whatever form they came in (text
//! copied from NHS Jobs, a job description document, a saved page): the
//! header (title, employer, towns), the NHS Jobs sections, the "Details"
//! part (a label line, then its value lines), `Key: value` lines of a job
//! description, dates said in a sentence, and what the whole text says
//! about DBS checks, sponsorship and the High Cost Area supplement.

use std::collections::BTreeMap;

use super::advert::{Advert, Document, Place};
use super::body::Body;
use super::text::{Kind, Line};
use super::{fields, html};

/// A link of a saved page: its text and address.
pub type Link = (String, String);

/// NHS Jobs' own section headings, as they are written in the file.
const SECTIONS: &[(&str, &str)] = &[
    ("job summary", "Job summary"),
    ("main duties of the job", "Main duties of the job"),
    ("about us", "About us"),
    ("job responsibilities", "Job responsibilities"),
    ("person specification", "Person specification"),
    ("additional information", "Additional information"),
];

/// Parts NHS Jobs puts under "Additional information".
const ADDITIONAL: &[&str] = &[
    "disclosure and barring service check",
    "uk registration",
    "certificate of sponsorship",
    "skilled worker sponsorship",
];

/// Labels of the "Details" part of an NHS Jobs page; the first ones start
/// that part wherever they appear.
const DETAILS: &[&str] = &[
    "date posted",
    "closing date",
    "pay scheme",
    "reference number",
    "job locations",
    "employer details",
    "employer name",
    "employer contact details",
    "supporting documents",
    "details",
    "band",
    "salary",
    "contract",
    "working pattern",
    "hours",
    "staff group",
    "address",
    "employer's website",
    "privacy notice",
];
const STARTS_DETAILS: usize = 10;

/// Lines of a page that are not the advert.
const BOILERPLATE: &[&str] = &[
    "skip to main content",
    "apply for this job",
    "apply now",
    "share this job now",
    "nhs",
    "print",
    "save",
    "back to search results",
    "go back",
];

/// `Key: value` lines of a job description, and the field each fills.
const KEYS: &[(&str, &str)] = &[
    ("job title", "title"),
    ("post title", "title"),
    ("band", "band"),
    ("grade", "band"),
    ("band/grade", "band"),
    ("responsible to", "reports_to"),
    ("reports to", "reports_to"),
    ("place of work", "place"),
    ("base", "place"),
    ("location", "place"),
    ("hours", "hours"),
    ("hours of work", "hours"),
    ("salary", "salary"),
    ("reference", "reference"),
    ("reference number", "reference"),
    ("job reference", "reference"),
    ("contract", "contract"),
    ("department", "service"),
    ("service", "service"),
    ("staff group", "staff_group"),
    ("accountable to", ""),
    ("author", ""),
    ("creation date", ""),
    ("last updated", ""),
    ("document ref", ""),
    ("version", ""),
    ("pcn", ""),
];

/// Reads an advert from its lines; `links` are a saved page's links, for
/// its supporting documents; `header`: whether the first short lines are a
/// page's title, employer and towns (not in a search record's description).
pub fn read(lines: Vec<Line>, links: &[Link], header: bool) -> Advert {
    let mut advert = Advert::default();
    let mut body = Body::default();
    let mut header = header;
    let mut page_title: Option<String> = None;
    let mut document_title: Option<String> = None;
    let mut details: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    let mut label: Option<&'static str> = None;
    let mut towns: Vec<Place> = Vec::new();
    let mut all = String::new();

    for (i, line) in lines.iter().enumerate() {
        let text = line.text.trim();
        all.push_str(text);
        all.push('\n');
        let lower = text.to_lowercase();
        if line.kind == Kind::Blank {
            body.blank();
            continue;
        }
        if BOILERPLATE.contains(&lower.as_str()) {
            continue;
        }
        if let Some(title) = &page_title
            && same_words(title, text)
        {
            if text.len() > title.len() {
                page_title = Some(text.to_owned());
            }
            continue;
        }
        if let Some((field, date)) = dated(&lower, text) {
            match field {
                "posted" => advert.posted = advert.posted.or(Some(date)),
                _ => advert.closes = advert.closes.or(Some(date)),
            }
            body.touch();
            continue;
        }
        if let Some((field, value)) = key_value(line) {
            body.touch();
            match field {
                "title" => document_title = document_title.or(Some(value)),
                "band" => advert.band = advert.band.clone().or(fields::band(&value)),
                "reports_to" => advert.reports_to = advert.reports_to.clone().or(Some(value)),
                "service" => advert.service = advert.service.clone().or(Some(value)),
                "staff_group" => advert.staff_group = advert.staff_group.clone().or(Some(value)),
                "reference" => advert.reference = advert.reference.clone().or(Some(value)),
                "salary" => advert.salary = advert.salary.clone().or(fields::salary(&value)),
                "contract" => set_contract(&mut advert, &value),
                "place" => towns.push(fields::town_place(&value)),
                "hours" => match fields::hours(&value) {
                    Some(hours) => advert.hours = advert.hours.clone().or(Some(hours)),
                    None => body.para(&format!("Hours: {value}")),
                },
                _ => {}
            }
            continue;
        }
        let detail = DETAILS.iter().position(|d| *d == lower);
        if let Some(at) = detail
            && (label.is_some() || at < STARTS_DETAILS)
        {
            label = Some(DETAILS[at]);
            header = false;
            continue;
        }
        let known = SECTIONS
            .iter()
            .find(|(k, _)| lower == *k || lower.starts_with(&format!("{k} ")));
        if let Some((key, heading)) = known {
            label = None;
            header = false;
            body.known_section(heading);
            let rest = text[key.len()..].trim();
            if !rest.is_empty() {
                body.sub(rest);
            }
            continue;
        }
        if lower == "job description" {
            label = None;
            header = false;
            body.container("Job description");
            continue;
        }
        if ADDITIONAL.contains(&lower.as_str()) {
            label = None;
            if !body.is_in("Additional information") {
                body.known_section("Additional information");
            }
            body.sub(text);
            continue;
        }
        if let Some(label) = label {
            details.entry(label).or_default().push(text.to_owned());
            continue;
        }
        if let Kind::Heading(level) = line.kind {
            header = false;
            match level {
                1 if page_title.is_none() => page_title = Some(text.to_owned()),
                1 | 2 => body.heading(text),
                _ => body.sub(text),
            }
            continue;
        }
        if let Some(town) = text.strip_suffix(", UK").filter(|t| short(t, 4)) {
            towns.push(fields::town_place(town));
            continue;
        }
        if header && line.kind == Kind::Text && short(text, 12) {
            if lower.contains("job description") || lower.contains("person specification") {
                continue;
            }
            if page_title.is_none() {
                page_title = Some(text.to_owned());
            } else if looks_like_employer(text) {
                advert.employer = advert.employer.clone().or(Some(text.to_owned()));
            } else if short(text, 3)
                && text
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase))
            {
                towns.push(fields::town_place(text));
            }
            continue;
        }
        header = false;
        match &line.kind {
            Kind::Item => body.item(text, false),
            Kind::Numbered => body.item(text, true),
            Kind::Row(cells) => row(&mut body, cells),
            _ if lower == "essential" || lower == "desirable" => body.label(&heading(text)),
            _ if looks_like_heading(text) && next_is_content(&lines[i + 1..]) => body.heading(text),
            _ => body.para(text),
        }
    }

    advert.title = match (page_title, document_title) {
        (Some(page), Some(document)) if page.contains(&document) => Some(document),
        (page, document) => page.or(document),
    };
    apply_details(&mut advert, &details, links);
    if advert.places.is_empty() {
        for town in towns {
            if !advert.places.iter().any(|p| p.town == town.town) {
                advert.places.push(town);
            }
        }
    }
    advert.body = body.finish();
    advert.dbs = fields::dbs(&all);
    advert.sponsorship = fields::sponsorship(&all);
    if let Some(pay) = &mut advert.salary
        && pay.note.is_none()
    {
        pay.note = all
            .split(['.', '\n'])
            .filter(|s| s.to_lowercase().contains("salary"))
            .find_map(fields::high_cost_area);
    }
    advert
}

/// The fields of the "Details" part.
fn apply_details(advert: &mut Advert, details: &BTreeMap<&str, Vec<String>>, links: &[Link]) {
    let joined = |label: &str| details.get(label).map(|v| v.join(" "));
    if let Some(date) = joined("date posted").as_deref().and_then(fields::date) {
        advert.posted = Some(date);
    }
    if let Some(date) = joined("closing date").as_deref().and_then(fields::date) {
        advert.closes = Some(date);
    }
    if let Some(scheme) = joined("pay scheme") {
        advert.pay_scheme = Some(if scheme.eq_ignore_ascii_case("agenda for change") {
            "Agenda for Change".to_owned()
        } else {
            scheme
        });
    }
    if let Some(band) = joined("band").as_deref().and_then(fields::band) {
        advert.band = Some(band);
    }
    if let Some(pay) = joined("salary").as_deref().and_then(fields::salary) {
        advert.salary = Some(pay);
    }
    if let Some(contract) = joined("contract") {
        set_contract(advert, &contract);
    }
    if let Some(pattern) = joined("working pattern") {
        advert.working_pattern = fields::working_pattern(&pattern);
    }
    if let Some(hours) = joined("hours").as_deref().and_then(fields::hours) {
        advert.hours = Some(hours);
    }
    if let Some(reference) = joined("reference number") {
        advert.reference = Some(reference);
    }
    if let Some(group) = joined("staff group") {
        advert.staff_group = Some(group);
    }
    if let Some(lines) = details.get("job locations") {
        advert.places = fields::places(lines);
    }
    if let Some(name) = details.get("employer name").and_then(|v| v.first()) {
        advert.employer = Some(name.clone());
    }
    if let Some(lines) = details.get("employer contact details") {
        advert.contact = fields::contact(lines);
    }
    for title in details.get("supporting documents").into_iter().flatten() {
        let link = links
            .iter()
            .find(|(text, _)| super::text::clean(text) == *title);
        if let Some((_, url)) = link
            && !advert.documents.iter().any(|d| d.url == *url)
        {
            advert.documents.push(Document {
                title: title.clone(),
                url: url.clone(),
            });
        }
    }
}

fn set_contract(advert: &mut Advert, text: &str) {
    if let Some((contract, length)) = fields::contract(text) {
        advert.contract = Some(contract);
        advert.contract_length = length.or(advert.contract_length.take());
    }
}

/// A date said in a sentence: "The closing date is 28 September 2025",
/// "Date Posted: 14 May 2025", "Published on 18 Oct 2022".
fn dated(lower: &str, text: &str) -> Option<(&'static str, jiff::civil::Date)> {
    const FORMS: &[(&str, &str)] = &[
        ("the closing date is ", "closes"),
        ("closing date: ", "closes"),
        ("closing date ", "closes"),
        ("date posted: ", "posted"),
        ("date posted ", "posted"),
        ("published on ", "posted"),
        ("posted on ", "posted"),
    ];
    FORMS.iter().find_map(|(lead, field)| {
        lower
            .starts_with(lead)
            .then(|| fields::date(&text[lead.len()..]))
            .flatten()
            .map(|date| (*field, date))
    })
}

/// A `Key: value` line of a job description (also `Key:<tab>value`).
fn key_value(line: &Line) -> Option<(&'static str, String)> {
    let (key, value) = match &line.kind {
        Kind::Row(cells) if cells.len() <= 3 && cells[0].ends_with(':') => (
            cells[0].trim_end_matches(':').to_owned(),
            cells[1..].join(" "),
        ),
        Kind::Text => {
            let (key, value) = line.text.split_once(':')?;
            (key.to_owned(), value.to_owned())
        }
        _ => return None,
    };
    let key = key.trim().to_lowercase();
    let field = KEYS.iter().find(|(k, _)| *k == key)?.1;
    let value = value.trim();
    // A key left blank in a template document is dropped.
    Some(if value.is_empty() {
        ("", String::new())
    } else {
        (field, value.to_owned())
    })
}

/// A row of a table: the header of a table of criteria is skipped, and
/// each other row read as a criterion with its essential and desirable
/// items; a row of another table is kept as a paragraph.
fn row(body: &mut Body, cells: &[String]) {
    let lower: Vec<String> = cells.iter().map(|c| c.to_lowercase()).collect();
    if lower.iter().any(|c| c == "essential") && lower.iter().any(|c| c == "desirable") {
        return;
    }
    if cells.len() >= 2 {
        let essential = html::cell_items(&cells[1]);
        let desirable = cells
            .get(2)
            .map(|c| html::cell_items(c))
            .unwrap_or_default();
        if !essential.is_empty() || !desirable.is_empty() {
            body.criteria_row(cells[0].trim(), essential, desirable);
            return;
        }
    }
    let text: Vec<String> = cells
        .iter()
        .map(|c| html::cell_items(c).join(" "))
        .collect();
    let text = text.join(" ");
    if !text.trim().is_empty() {
        body.para(text.trim());
    }
}

fn heading(text: &str) -> String {
    super::body::heading_case(text)
}

fn short(text: &str, words: usize) -> bool {
    text.split_whitespace().count() <= words && text.chars().count() <= 90
}

/// Two lines with the same words (ignoring case and punctuation).
fn same_words(a: &str, b: &str) -> bool {
    let squash = |t: &str| -> String {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    squash(a) == squash(b) && !squash(a).is_empty()
}

fn looks_like_employer(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    words.contains(&"NHS")
        || words
            .last()
            .is_some_and(|w| matches!(*w, "Trust" | "FT" | "Board" | "ICB"))
}

/// A short line with no sentence punctuation, starting with a capital.
fn looks_like_heading(text: &str) -> bool {
    short(text, 8)
        && text.starts_with(|c: char| c.is_uppercase())
        && !text.ends_with(['.', ',', ';', '!', '?', ':', '-', '–', ')'])
        && text.matches('(').count() == text.matches(')').count()
        && !text.contains("http")
}

/// Whether what follows a line is text of its own (so the line heads it).
fn next_is_content(rest: &[Line]) -> bool {
    rest.iter().find(|l| l.kind != Kind::Blank).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_values() {
        let line = super::super::text::line("Job Title:\tMental Health Practitioner");
        assert_eq!(
            key_value(&line),
            Some(("title", "Mental Health Practitioner".to_owned()))
        );
        let line = super::super::text::line("Responsible to:\t");
        assert_eq!(key_value(&line), Some(("", String::new())));
        assert!(same_words("Children's Therapy", "Childrens Therapy"));
    }
}
