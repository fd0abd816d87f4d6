//! Writing an imported advert as a vacancy file: front matter in the order
//! of `schema::VACANCY` (the one field list), each field the source gave,
//! a `[[placeholder]]` for each required one it did not, `draft: true`
//! unless it is published at once; then the advert's sections as Markdown.
//! Values are written with `careers new`'s own YAML quoting; text is
//! escaped so that nothing of the source reads as HTML, Markdown structure
//! or a placeholder.

use super::advert::{Advert, Block, Place};
use crate::config::SiteConfig;
use crate::scaffold::scalar;
use crate::schema::{self, Needed};
use crate::url;

/// One top-level field as written: its name and its lines (`key: ...` and
/// any lines under it).
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: &'static str,
    pub lines: String,
    /// What to fill in, when the field is a placeholder ("closing date").
    pub missing: Option<&'static str>,
}

/// The fields of `advert` in schema order.
pub fn fields(advert: &Advert, config: Option<&SiteConfig>) -> Vec<Field> {
    let employer_needed = config.is_some_and(|c| c.employer.is_none());
    let mut out = Vec::new();
    for spec in schema::VACANCY.fields {
        let name = spec.name;
        let given = value(advert, name);
        let missing = match (spec.needed, name) {
            (Needed::Required, _) => placeholder_for(name),
            (_, "location") if places(advert).is_empty() => placeholder_for(name),
            (_, "employer") if employer_needed => placeholder_for(name),
            _ => None,
        };
        match (given, missing) {
            (Some(lines), _) => out.push(Field {
                name,
                lines,
                missing: None,
            }),
            (None, Some(what)) => out.push(Field {
                name,
                lines: match (name, advert.closes) {
                    // A closing date before the posted date is one of them
                    // mistyped: which, only staff can tell.
                    ("closes", Some(said)) => format!(
                        "{name}: \"[[{what}]]\"  # the source says {said}, before the date posted\n"
                    ),
                    _ => format!("{name}: \"[[{what}]]\"\n"),
                },
                missing: Some(what),
            }),
            (None, None) => {}
        }
    }
    out
}

fn placeholder_for(name: &str) -> Option<&'static str> {
    Some(match name {
        "title" => "job title",
        "reference" => "reference",
        "band" => "band",
        "location" => "town",
        "posted" => "date posted",
        "closes" => "closing date",
        "employer" => "employer",
        _ => return None,
    })
}

/// The lines of field `name`, if the advert has it.
fn value(a: &Advert, name: &str) -> Option<String> {
    let line = |v: String| Some(format!("{name}: {v}\n"));
    // Text that is only spaces or control characters (which `scalar`
    // writes as spaces) says nothing: a placeholder if the field is
    // required, else left out.
    let text = |v: &Option<String>| {
        v.as_deref()
            .filter(|v| !v.chars().all(|c| c.is_whitespace() || c.is_control()))
            .and_then(|v| line(scalar(v)))
    };
    match name {
        "title" => text(&a.title),
        "reference" => text(&a.reference),
        "band" => a.band.as_deref().and_then(|b| {
            line(
                if crate::vacancy::Band::parse(b).is_ok_and(|b| b.is_agenda_for_change()) {
                    b.to_owned()
                } else {
                    scalar(b)
                },
            )
        }),
        "pay_scheme" => text(&a.pay_scheme),
        // Pay the build would refuse (the most below the least, nothing,
        // more than any post pays) is a figure garbled in the source:
        // left out for staff to add, not written to fail.
        "salary" => a
            .salary
            .as_ref()
            .filter(|pay| pay_is_sound(pay))
            .map(|pay| {
                let mut out = format!("salary:\n  min: {}\n", pay.min);
                if let Some(max) = &pay.max {
                    out.push_str(&format!("  max: {max}\n"));
                }
                out.push_str(&format!("  period: {}\n", pay.period));
                if let Some(note) = &pay.note {
                    out.push_str(&format!("  note: {}\n", scalar(note)));
                }
                if pay.pro_rata {
                    out.push_str("  pro_rata: true\n");
                }
                out
            }),
        "location" => match places(a).as_slice() {
            [place] if place.is_town_only() => line(scalar(&place.town)),
            _ => None,
        },
        "locations" => match places(a).as_slice() {
            [] => None,
            [place] if place.is_town_only() => None,
            places => Some(places_lines(places)),
        },
        "employer" => text(&a.employer),
        "reports_to" => text(&a.reports_to),
        "service" => text(&a.service),
        "staff_group" => text(&a.staff_group),
        "contract" => a.contract.and_then(|c| line(c.to_owned())),
        "contract_length" => text(&a.contract_length),
        "working_pattern" => match a.working_pattern.as_slice() {
            [] => None,
            [one] => line(scalar(one)),
            many => line(format!("[{}]", many.join(", "))),
        },
        "hours" => a.hours.clone().and_then(line),
        "posted" => a.posted.and_then(|d| line(d.to_string())),
        "closes" => a
            .closes
            .filter(|closes| a.posted.is_none_or(|posted| *closes >= posted))
            .and_then(|d| line(d.to_string())),
        // Addresses only in the forms the build accepts (`url`'s rules):
        // a link the source garbled is left out, not written to fail.
        "apply_url" => a
            .apply_url
            .as_deref()
            .filter(|u| url::web_address(u, name, "").is_ok())
            .and_then(|u| line(scalar(u))),
        "contact" => a.contact.as_ref().and_then(|c| {
            let mut out = String::from("contact:\n");
            let email = c.email.as_ref().filter(|e| url::email_address(e).is_ok());
            let phone = c.phone.as_ref().filter(|p| url::phone_number(p).is_ok());
            let mut any = false;
            for (key, value) in [
                ("name", c.name.as_ref()),
                ("role", c.role.as_ref()),
                ("email", email),
                ("phone", phone),
            ] {
                if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
                    out.push_str(&format!("  {key}: {}\n", scalar(value)));
                    any = true;
                }
            }
            any.then_some(out)
        }),
        "documents" => {
            let documents: Vec<_> = a
                .documents
                .iter()
                .filter(|d| !d.title.trim().is_empty())
                .filter(|d| url::web_address(&d.url, "file", "").is_ok())
                .collect();
            (!documents.is_empty()).then(|| documents_lines(&documents))
        }
        "sponsorship" => a.sponsorship.and_then(|s| line(s.to_string())),
        "dbs" => a.dbs.and_then(|d| line(d.to_owned())),
        _ => None,
    }
}

fn documents_lines(documents: &[&super::advert::Document]) -> String {
    let mut out = String::from("documents:\n");
    for d in documents {
        out.push_str(&format!(
            "  - title: {}\n    file: {}\n",
            scalar(&d.title),
            scalar(&d.url)
        ));
    }
    out
}

/// The places the build will accept: each with a town it can make a page
/// of, at most as many as an advert may list (the rest stay in the text).
fn places(a: &Advert) -> Vec<Place> {
    a.places
        .iter()
        .filter(|p| !crate::slug::slugify(&p.town).is_empty())
        .take(crate::vacancy::location::MAX_SITES)
        .cloned()
        .collect()
}

/// Whether the build accepts the pay: amounts more than £0 and at most
/// £1,000,000, the most not below the least.
fn pay_is_sound(pay: &super::advert::Pay) -> bool {
    let amount = |text: &str| {
        text.parse::<f64>()
            .ok()
            .filter(|n| *n > 0.0 && *n <= 1_000_000.0)
    };
    match (amount(&pay.min), pay.max.as_deref().map(amount)) {
        (Some(_), None) => true,
        (Some(min), Some(Some(max))) => max >= min,
        _ => false,
    }
}

fn places_lines(places: &[Place]) -> String {
    let mut out = String::from("locations:\n");
    if places.iter().all(Place::is_town_only) {
        for place in places {
            out.push_str(&format!("  - {}\n", scalar(&place.town)));
        }
        return out;
    }
    for place in places {
        let mut lead = "  - ";
        let mut put = |key: &str, value: String| {
            out.push_str(&format!("{lead}{key}: {value}\n"));
            lead = "    ";
        };
        if let Some(site) = &place.site {
            put("site", scalar(site));
        }
        match place.address.as_slice() {
            [] => {}
            [one] => put("address", scalar(one)),
            lines => put(
                "address",
                format!(
                    "[{}]",
                    lines
                        .iter()
                        .map(|l| quoted(l))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
        }
        put("town", scalar(&place.town));
        if let Some(county) = &place.county {
            put("county", scalar(county));
        }
        if let Some(postcode) = &place.postcode {
            put("postcode", scalar(postcode));
        }
    }
    out
}

/// Always in double quotes (inside a `[...]` list).
fn quoted(text: &str) -> String {
    let plain = scalar(text);
    if plain.starts_with('"') {
        plain
    } else {
        format!("\"{plain}\"")
    }
}

/// The whole file: front matter and body.
pub fn file_text(advert: &Advert, fields: &[Field], publish: bool) -> String {
    let mut out = String::from("---\n");
    out.push_str(if publish {
        "# Imported from NHS Jobs by `careers import`, to publish at once: check it\n\
         # against the advert.\n"
    } else {
        "# Imported from NHS Jobs by `careers import`. Check it against the advert,\n\
         # replace every [[placeholder]], then delete `draft: true` to publish it.\n"
    });
    for field in fields {
        out.push_str(&field.lines);
    }
    if !publish {
        out.push_str("draft: true\n");
    }
    out.push_str("---\n");
    out.push_str(&body_text(advert));
    out
}

/// The advert's sections as Markdown.
pub fn body_text(advert: &Advert) -> String {
    let mut out = String::new();
    for section in &advert.body {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("## {}\n", inline(&section.heading)));
        for block in &section.blocks {
            out.push('\n');
            match block {
                Block::Sub(text) => out.push_str(&format!("### {}\n", inline(text))),
                Block::Label(text) => out.push_str(&format!("**{}**\n", inline(text))),
                Block::Para(text) => out.push_str(&format!("{}\n", paragraph(text))),
                Block::List(items) => {
                    for item in items {
                        out.push_str(&format!("- {}\n", inline(item)));
                    }
                }
                Block::Numbered(items) => {
                    for (n, item) in items.iter().enumerate() {
                        out.push_str(&format!("{}. {}\n", n + 1, inline(item)));
                    }
                }
            }
        }
    }
    if out.is_empty() {
        out.push_str("## Job summary\n\n[[What the job is and who would enjoy it.]]\n");
    }
    out
}

/// Text within a line: no HTML tag and no placeholder can start in it.
fn inline(text: &str) -> String {
    text.replace('<', "&lt;").replace("[[", "[\\[")
}

/// A paragraph that cannot start a heading, quote, list or code block.
fn paragraph(text: &str) -> String {
    let text = inline(text);
    if text.starts_with(['#', '>', '-', '+', '*', '=', '|', '`', '~']) {
        return format!("\\{text}");
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) && text[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &text[..digits], &text[digits..]);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_become_markup() {
        assert_eq!(
            inline("<script>x</script> [[a]]"),
            "&lt;script>x&lt;/script> [\\[a]]"
        );
        assert_eq!(paragraph("# not a heading"), "\\# not a heading");
        assert_eq!(paragraph("1. not a list"), "1\\. not a list");
    }
}
