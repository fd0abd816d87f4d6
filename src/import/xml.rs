//! An NHS Jobs search XML response: each `vacancyDetails` record (with
//! `id`, `reference`, `title`, `employer`, `description`, `locations`,
//! `salary`, `type`, `postDate`, `closeDate`, `url`) becomes one advert.
//! Read with roxmltree, which refuses DTDs and so entity expansion; a
//! description written as HTML is read by the HTML reader.

use super::advert::Advert;
use super::{fields, html};

/// Why a response could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct XmlError(String);

/// Every advert of a response, in the order of its records.
pub fn read(text: &str) -> Result<Vec<Advert>, XmlError> {
    let document = roxmltree::Document::parse(text)
        .map_err(|e| XmlError(format!("it is not well-formed XML ({e})")))?;
    Ok(document
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name().eq_ignore_ascii_case("vacancyDetails"))
        .map(record)
        .collect())
}

fn record(node: roxmltree::Node) -> Advert {
    let child = |name: &str| -> Option<String> {
        let element = node
            .children()
            .find(|c| c.is_element() && c.tag_name().name().eq_ignore_ascii_case(name))?;
        let text: String = element
            .descendants()
            .filter(|d| d.is_text())
            .filter_map(|d| d.text())
            .collect();
        let text = text.trim().to_owned();
        (!text.is_empty()).then_some(text)
    };
    let mut advert = match child("description") {
        Some(description) if description.contains('<') => html::read_description(&description),
        Some(description) => super::text::read_description(&description),
        None => Advert::default(),
    };
    advert.title = child("title").or(advert.title);
    advert.reference = child("reference").or(advert.reference);
    advert.employer = child("employer").or(advert.employer);
    if let Some(pay) = child("salary").as_deref().and_then(fields::salary) {
        advert.salary = Some(pay);
    }
    if let Some(kind) = child("type") {
        if let Some((contract, length)) = fields::contract(&kind) {
            advert.contract = Some(contract);
            advert.contract_length = length;
        }
        let patterns = fields::working_pattern(&kind);
        if !patterns.is_empty() {
            advert.working_pattern = patterns;
        }
    }
    advert.posted = child("postDate")
        .as_deref()
        .and_then(fields::date)
        .or(advert.posted);
    advert.closes = child("closeDate")
        .as_deref()
        .and_then(fields::date)
        .or(advert.closes);
    if let Some(url) = child("url").filter(|u| u.starts_with("https://")) {
        advert.apply_url = Some(url);
    }
    let locations = node
        .children()
        .find(|c| c.is_element() && c.tag_name().name().eq_ignore_ascii_case("locations"));
    if let Some(locations) = locations {
        let mut lines: Vec<String> = locations
            .children()
            .filter(|c| c.is_element())
            .filter_map(|c| c.text().map(|t| t.trim().to_owned()))
            .filter(|t| !t.is_empty())
            .collect();
        if lines.is_empty()
            && let Some(text) = locations.text()
        {
            lines = text
                .split([';', '\n'])
                .map(|t| t.trim().to_owned())
                .collect();
        }
        let places: Vec<_> = lines.iter().flat_map(|line| location(line)).collect();
        if !places.is_empty() {
            advert.places = places;
        }
    }
    advert
}

/// "Dartford, DA2 6PB" or "Littlebrook Hospital, Dartford, DA2 6PB".
fn location(line: &str) -> Vec<super::advert::Place> {
    let parts: Vec<String> = line
        .split(',')
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    fields::places(&parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_per_advert() {
        let xml = "<vacancies><vacancyDetails><title>Nurse</title><reference>A-1</reference>\
            <salary>£28,407 to £34,581 a year</salary><type>Permanent</type>\
            <closeDate>2026-12-20T23:59:59</closeDate><locations><location>Dartford, DA2 6PB</location></locations>\
            </vacancyDetails><vacancyDetails><title>Porter</title></vacancyDetails></vacancies>";
        let adverts = read(xml).unwrap();
        assert_eq!(adverts.len(), 2);
        assert_eq!(adverts[0].reference.as_deref(), Some("A-1"));
        assert_eq!(adverts[0].places[0].town, "Dartford");
        assert_eq!(adverts[0].places[0].postcode.as_deref(), Some("DA2 6PB"));
        assert_eq!(adverts[0].closes, Some(jiff::civil::date(2026, 12, 20)));
        assert!(read("<a><b></a>").is_err());
    }
}
