//! schema.org `JobPosting` data for an open vacancy, as Google for Jobs
//! reads it.

use serde_json::{Value, json};

use crate::calendar;
use crate::config::SiteConfig;
use crate::routes::Route;
use crate::vacancy::Vacancy;

/// The JSON-LD of an open vacancy, escaped so it can sit inside a
/// `<script>` element whatever the advert says.
pub fn job_posting(v: &Vacancy, body_html: &str, config: &SiteConfig) -> String {
    let page = Route::Vacancy { slug: &v.slug };
    let mut posting = json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": v.title,
        "description": absolute_links(body_html, &page, config),
        "identifier": {
            "@type": "PropertyValue",
            "name": v.employer.name,
            "value": v.reference,
        },
        "datePosted": v.posted.to_string(),
        "validThrough": calendar::iso8601(&v.closes.moment),
        "hiringOrganization": organisation(v, config),
        "directApply": v.employer.direct_apply,
        "jobLocation": v.locations.iter().map(|l| {
            let mut address = json!({
                "@type": "PostalAddress",
                "addressLocality": l.town,
                "addressCountry": l.country,
            });
            let street: Vec<&str> = l.site.iter().chain(l.address.iter()).map(String::as_str).collect();
            if !street.is_empty() {
                address["streetAddress"] = json!(street.join(", "));
            }
            if let Some(county) = &l.county {
                address["addressRegion"] = json!(county);
            }
            if let Some(postcode) = &l.postcode {
                address["postalCode"] = json!(postcode);
            }
            json!({ "@type": "Place", "address": address })
        }).collect::<Vec<_>>(),
        "url": config.base_url.join(&page.url()),
    });
    let types = employment_types(v);
    if !types.is_empty() {
        posting["employmentType"] = json!(types);
    }
    if let Some(s) = &v.salary {
        let mut value = json!({ "@type": "QuantitativeValue", "unitText": s.period.schema_unit() });
        match s.max {
            Some(max) if max != s.min => {
                value["minValue"] = amount(s.min);
                value["maxValue"] = amount(max);
            }
            _ => value["value"] = amount(s.min),
        }
        posting["baseSalary"] =
            json!({ "@type": "MonetaryAmount", "currency": "GBP", "value": value });
    }
    if let Some(start) = v.start_date {
        posting["jobStartDate"] = json!(start.to_string());
    }
    escape_for_script(&posting)
}

/// `html` with every relative `href` and `src` made absolute: Google reads
/// the description away from the page, where `../../documents/jd.pdf`
/// would lead nowhere. The HTML is the sanitiser's, so attribute values
/// are always double-quoted and a `<` outside a tag is always escaped.
fn absolute_links(html: &str, page: &Route<'_>, config: &SiteConfig) -> String {
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        // The tag runs to the first `>` outside a quoted value.
        let mut quoted = false;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == '>' && !quoted
            })
            .map_or(rest.len(), |(i, _)| i + 1);
        out.push_str(&absolute_in_tag(&rest[..end], page, config));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn absolute_in_tag(tag: &str, page: &Route<'_>, config: &SiteConfig) -> String {
    let mut out = String::with_capacity(tag.len());
    let mut rest = tag;
    while let Some(at) = [" href=\"", " src=\""]
        .iter()
        .filter_map(|attr| rest.find(attr).map(|i| i + attr.len()))
        .min()
    {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let close = rest.find('"').unwrap_or(rest.len());
        match crate::routes::resolve(page, &rest[..close]) {
            Some(site_relative) => out.push_str(&config.base_url.join(&site_relative)),
            None => out.push_str(&rest[..close]),
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// Whole pounds as integers (40617, not 40617.0); pence as decimals.
fn amount(pounds: f64) -> Value {
    if pounds.fract() == 0.0 {
        json!(pounds as i64)
    } else {
        json!(pounds)
    }
}

fn organisation(v: &Vacancy, config: &SiteConfig) -> Value {
    let mut org = json!({ "@type": "Organization", "name": v.employer.name });
    if let Some(url) = &v.employer.url {
        org["sameAs"] = json!(url);
    }
    if let Some(logo) = &v.employer.logo {
        org["logo"] = json!(config.base_url.join(logo));
    }
    org
}

/// FULL_TIME / PART_TIME from the working pattern, plus TEMPORARY or
/// PER_DIEM from the contract.
pub fn employment_types(v: &Vacancy) -> Vec<&'static str> {
    let mut types: Vec<&'static str> = Vec::new();
    for pattern in &v.working_pattern {
        if let Some(t) = pattern.schema_type()
            && !types.contains(&t)
        {
            types.push(t);
        }
    }
    if let Some(contract) = v.contract {
        for t in contract.schema_types() {
            if !types.contains(t) {
                types.push(t);
            }
        }
    }
    types
}

/// JSON that cannot close its `<script>` element or open a comment.
fn escape_for_script(value: &Value) -> String {
    serde_json::to_string_pretty(value)
        .expect("JSON values serialise")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
