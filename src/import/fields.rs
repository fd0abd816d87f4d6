//! Reading single facts in the words NHS Jobs writes them: pay
//! ("£40,617 to £48,778 a year", "£12.45 an hour pro rata"), bands
//! ("Band 8a", "Band 8 - Range B"), dates ("12 September 2025",
//! "18 Oct 2022", "2025-09-28T23:59:59"), contracts, working patterns,
//! hours, places with postcodes, contact details, DBS level and visa
//! sponsorship. Each returns `None` when the words do not say.

use jiff::civil::Date;

use super::advert::{Contact, Pay, Place};
use crate::calendar;
use crate::vacancy::{Band, Contract, DbsCheck, PayPeriod, WorkingPattern};

/// Pay from a salary line.
pub fn salary(text: &str) -> Option<Pay> {
    let lower = text.to_lowercase();
    let mut amounts = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('£') {
        let after = &rest[at + '£'.len_utf8()..];
        let figure: String = after
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            .collect();
        let figure = figure.trim_end_matches(['.', ',']).replace(',', "");
        if figure.parse::<f64>().is_ok_and(|n| n > 0.0) {
            amounts.push(figure.clone());
        }
        rest = &after[figure.len().min(after.len())..];
    }
    let min = amounts.first()?.clone();
    let max = amounts.get(1).filter(|m| **m != min).cloned();
    let period = [
        ("hour", "hour"),
        ("month", "month"),
        ("week", "week"),
        ("day", "day"),
        ("session", "day"),
    ]
    .iter()
    .find(|(word, _)| lower.contains(word))
    .map_or("year", |(_, name)| *name);
    debug_assert!(PayPeriod::parse(period).is_some());
    Some(Pay {
        min,
        max,
        period,
        note: high_cost_area(text),
        pro_rata: lower.contains("pro rata") || lower.contains("pro-rata"),
    })
}

/// "inclusive of the High Cost Area Supplement" from a sentence saying so.
pub fn high_cost_area(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let area = lower
        .find("high cost area")
        .or(lower.find("high-cost area"))?;
    let start = ["inclusive of", "including", "plus", "excluding"]
        .iter()
        .filter_map(|w| lower[..area].rfind(w))
        .max()?;
    let end = text[area..]
        .find(['.', ';', ')', '('])
        .map_or(text.len(), |i| area + i);
    let note = text[start..end].trim().replace("High-Cost", "High Cost");
    Some(note)
}

/// A band code (`6`, `8a`) or a grade in words.
pub fn band(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches('.');
    let lower = text.to_lowercase();
    if let Some(code) = lower.strip_prefix("band") {
        // "Band 8 - Range B", "Band 8A", "Band 6"
        let code: String = code
            .replace("range", "")
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        return Band::parse(&code).ok().map(|b| b.code());
    }
    Band::parse(text).ok().map(|b| b.code())
}

/// A date in any form NHS Jobs writes one.
pub fn date(text: &str) -> Option<Date> {
    let text = text.trim().trim_end_matches('.');
    let head = text.split(['T', ' ']).next().unwrap_or(text);
    if head.len() == 10 && head.as_bytes().get(4) == Some(&b'-') {
        return calendar::parse_date(head).ok();
    }
    if let Ok(date) = calendar::parse_date(text) {
        return Some(date);
    }
    // "Thursday 28 September 2025", "28 September 2025 at 23:59"
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .windows(3)
        .find_map(|w| calendar::parse_date(&w.join(" ")).ok())
}

/// The contract and, for a fixed term, its length: "Fixed term: 12 months".
pub fn contract(text: &str) -> Option<(&'static str, Option<String>)> {
    let (kind, length) = match text.split_once([':', '(']) {
        Some((kind, length)) => (kind, Some(length.trim().trim_end_matches(')').trim())),
        None => (text, None),
    };
    let kind = kind.trim();
    let contract = Contract::parse(kind).or_else(|| {
        let first = kind.split_whitespace().next()?;
        Contract::parse(first)
    })?;
    let name = Contract::NAMES
        .iter()
        .copied()
        .find(|n| Contract::parse(n) == Some(contract))?;
    let length = length.filter(|l| !l.is_empty()).map(str::to_owned);
    Some((name, length))
}

/// Working patterns from "Full-time, Part-time, Flexible working".
pub fn working_pattern(text: &str) -> Vec<&'static str> {
    let mut found = Vec::new();
    for part in text.split([',', '/', '\n']) {
        let part = part.trim().trim_end_matches(" working").trim();
        if let Some(pattern) = WorkingPattern::parse(part) {
            let name = WorkingPattern::NAMES
                .iter()
                .copied()
                .find(|n| WorkingPattern::parse(n) == Some(pattern));
            if let Some(name) = name
                && !found.contains(&name)
            {
                found.push(name);
            }
        }
    }
    found
}

/// Hours a week from "37.5 hours per week" or "37.5".
pub fn hours(text: &str) -> Option<String> {
    let figure: String = text
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let n: f64 = figure.trim_end_matches('.').parse().ok()?;
    (n > 0.0 && n <= 168.0).then(|| figure.trim_end_matches('.').to_owned())
}

/// Whether a line is a UK postcode: "DA2 6PB", "SW1A 1AA".
pub fn is_postcode(text: &str) -> bool {
    let text = text.trim();
    let Some((outward, inward)) = text.split_once(' ') else {
        return false;
    };
    let o = outward.as_bytes();
    let i = inward.as_bytes();
    (2..=4).contains(&o.len())
        && o[0].is_ascii_uppercase()
        && o.iter().all(u8::is_ascii_alphanumeric)
        && o.iter().any(u8::is_ascii_digit)
        && i.len() == 3
        && i[0].is_ascii_digit()
        && i[1].is_ascii_uppercase()
        && i[2].is_ascii_uppercase()
}

/// The places of a "Job locations" block: each place's lines end at its
/// postcode ("Littlebrook Hospital / Bow Arrow Lane / Dartford, Kent /
/// DA2 6PB"); lines with no postcode after them are towns.
pub fn places(lines: &[String]) -> Vec<Place> {
    let mut found = Vec::new();
    let mut pending: Vec<&str> = Vec::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if is_postcode(line) {
            found.push(place(&pending, Some(line)));
            pending.clear();
        } else {
            pending.push(line);
        }
    }
    for town in pending {
        found.push(town_place(town));
    }
    found.retain(|p| !p.town.is_empty());
    found
}

fn place(lines: &[&str], postcode: Option<&str>) -> Place {
    let Some((last, before)) = lines.split_last() else {
        return Place::default();
    };
    let mut place = town_place(last);
    place.postcode = postcode.map(str::to_owned);
    if let Some((site, address)) = before.split_first() {
        place.site = Some((*site).to_owned());
        place.address = address.iter().map(|a| (*a).to_owned()).collect();
    }
    place
}

/// "Dartford, Kent" or "Banbury, UK" or "London".
pub fn town_place(line: &str) -> Place {
    let mut parts = line.split(',').map(str::trim);
    let town = parts.next().unwrap_or_default().to_owned();
    let county = parts
        .next()
        .filter(|c| !c.is_empty() && !matches!(*c, "UK" | "United Kingdom" | "England"))
        .map(str::to_owned);
    Place {
        town,
        county,
        ..Place::default()
    }
}

/// A contact from the lines under "Employer contact details".
pub fn contact(lines: &[String]) -> Option<Contact> {
    let mut contact = Contact::default();
    for line in lines {
        let line = line.trim();
        let lower = line.to_lowercase();
        if line.is_empty() || lower.starts_with("for questions about") {
            continue;
        }
        if line.contains('@') && !line.contains(' ') {
            contact.email.get_or_insert_with(|| line.to_owned());
        } else if line.chars().filter(char::is_ascii_digit).count() >= 10
            && line
                .chars()
                .all(|c| c.is_ascii_digit() || " +()-".contains(c))
        {
            contact.phone.get_or_insert_with(|| line.to_owned());
        } else if contact.name.is_none() {
            contact.name = Some(line.to_owned());
        } else if contact.role.is_none() {
            contact.role = Some(line.to_owned());
        }
    }
    (contact != Contact::default()).then_some(contact)
}

/// The DBS level an advert names ("an Enhanced DBS check").
pub fn dbs(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    let near_dbs = |level: &str| {
        ["dbs", "disclosure", "criminal record"].iter().any(|w| {
            lower
                .match_indices(level)
                .any(|(at, _)| lower[at..].chars().take(60).collect::<String>().contains(w))
        })
    };
    let level = ["enhanced", "standard", "basic"]
        .into_iter()
        .find(|level| near_dbs(level))?;
    DbsCheck::NAMES.iter().copied().find(|n| *n == level)
}

/// Whether the advert says visa sponsorship is (or is not) offered.
pub fn sponsorship(text: &str) -> Option<bool> {
    let lower = text.to_lowercase();
    if !lower.contains("sponsor") {
        return None;
    }
    let refused = [
        "unable to offer sponsorship",
        "not able to offer sponsorship",
        "cannot offer sponsorship",
        "unable to sponsor",
        "not able to sponsor",
        "does not offer sponsorship",
        "no sponsorship",
        "not eligible for sponsorship",
    ];
    if refused.iter().any(|w| lower.contains(w)) {
        return Some(false);
    }
    let offered = [
        "sponsorship to work in the uk are welcome",
        "sponsorship are welcome",
        "sponsorship is available",
        "sponsorship available",
        "can offer sponsorship",
        "able to offer sponsorship",
        "will be considered alongside",
    ];
    offered.iter().any(|w| lower.contains(w)).then_some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pay() {
        let pay = salary("£40,617 to £48,778 a year per annum").unwrap();
        assert_eq!(
            (pay.min.as_str(), pay.max.as_deref()),
            ("40617", Some("48778"))
        );
        assert_eq!((pay.period, pay.pro_rata), ("year", false));
        let pay = salary("£12.45 an hour pro rata").unwrap();
        assert_eq!(
            (pay.min.as_str(), pay.max, pay.period, pay.pro_rata),
            ("12.45", None, "hour", true)
        );
        let pay =
            salary("£53,751 to £60,651 a year inclusive of Outer London High Cost Area Supplement")
                .unwrap();
        assert_eq!(
            pay.note.as_deref(),
            Some("inclusive of Outer London High Cost Area Supplement")
        );
        assert!(salary("Depending on experience").is_none());
    }

    #[test]
    fn reads_bands_and_dates() {
        assert_eq!(band("Band 6").as_deref(), Some("6"));
        assert_eq!(band("Band 8 - Range B").as_deref(), Some("8b"));
        assert_eq!(band("Band 8a").as_deref(), Some("8a"));
        assert_eq!(band("7").as_deref(), Some("7"));
        assert_eq!(band("Consultant").as_deref(), Some("Consultant"));
        assert_eq!(date("18 Oct 2022"), Some(jiff::civil::date(2022, 10, 18)));
        assert_eq!(
            date("2025-09-28T23:59:59"),
            Some(jiff::civil::date(2025, 9, 28))
        );
        assert_eq!(date("28/09/2025"), Some(jiff::civil::date(2025, 9, 28)));
    }

    #[test]
    fn reads_terms() {
        assert_eq!(contract("Permanent"), Some(("permanent", None)));
        assert_eq!(
            contract("Fixed term: 12 months"),
            Some(("fixed-term", Some("12 months".into())))
        );
        assert_eq!(contract("Bank"), Some(("bank", None)));
        assert_eq!(
            working_pattern("Full-time, Part-time, Flexible working"),
            ["full-time", "part-time", "flexible"]
        );
        assert_eq!(hours("37.5 hours per week").as_deref(), Some("37.5"));
        assert!(is_postcode("DA2 6PB") && !is_postcode("Bow Arrow Lane"));
        assert_eq!(
            dbs("an Enhanced Disclosure via the Criminal Records Bureau"),
            Some("enhanced")
        );
        assert_eq!(dbs("a submission for Disclosure"), None);
    }
}
