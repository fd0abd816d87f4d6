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
    let mut posting = json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": v.title,
        "description": body_html,
        "identifier": {
            "@type": "PropertyValue",
            "name": v.employer.name,
            "value": v.reference,
        },
        "datePosted": v.posted.to_string(),
        "validThrough": calendar::iso8601(&v.closes.moment),
        "hiringOrganization": organisation(v),
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
        "url": config.base_url.join(&Route::Vacancy { slug: &v.slug }.url()),
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

/// Whole pounds as integers (40617, not 40617.0); pence as decimals.
fn amount(pounds: f64) -> Value {
    if pounds.fract() == 0.0 {
        json!(pounds as i64)
    } else {
        json!(pounds)
    }
}

fn organisation(v: &Vacancy) -> Value {
    let mut org = json!({ "@type": "Organization", "name": v.employer.name });
    if let Some(url) = &v.employer.url {
        org["sameAs"] = json!(url);
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
