//! The oracle of the script-link tests: every address in a built site that
//! a browser would run as script (or load as data), in any case, once
//! character references are decoded and the characters a browser ignores
//! are stripped, from HTML attributes, JSON-LD, feeds and robots.txt.

use std::path::Path;

use scraper::Html;

/// Every script (or data) address in the output folder, as `file: where: value`.
pub fn script_links(output: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for (path, bytes) in super::snapshot(output) {
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        if path.ends_with(".html") {
            check_html(&Html::parse_document(&text), &path, &mut found);
        } else if path.ends_with(".xml") {
            check_xml(&text, &path, &mut found);
        } else if path.ends_with(".txt") {
            for line in text.lines() {
                if let Some((_, url)) = line.split_once(':')
                    && runs_script(url)
                {
                    found.push(format!("{path}: {line}"));
                }
            }
        }
    }
    found
}

/// Attributes whose value a browser follows or loads as an address.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "data",
    "cite",
    "background",
    "xlink:href",
    "manifest",
    "ping",
    "longdesc",
    "icon",
    "codebase",
    "archive",
    "usemap",
    "profile",
    "lowsrc",
    "dynsrc",
    "srcset",
    "imagesrcset",
    "itemtype",
    "data-print-url",
];

fn check_html(html: &Html, path: &str, found: &mut Vec<String>) {
    for node in html.tree.nodes() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let tag = element.name();
        for (name, value) in element.attrs() {
            let name = name.to_ascii_lowercase();
            let place = format!("{path}: <{tag} {name}=\"{value}\">");
            if name.starts_with("on") {
                found.push(format!("{place}: an event handler"));
            } else if URL_ATTRIBUTES.contains(&name.as_str())
                || name.ends_with(":href")
                || name == "style"
                || (tag == "meta"
                    && name == "content"
                    && element
                        .attr("http-equiv")
                        .is_some_and(|v| v.eq_ignore_ascii_case("refresh")))
            {
                // A list of addresses (srcset), `url(...)` in a style, and
                // `0;url=...` in a refresh: any part may be the address.
                let listed = matches!(
                    name.as_str(),
                    "style" | "content" | "srcset" | "imagesrcset"
                );
                let mut parts: Vec<&str> = vec![value];
                if listed {
                    parts.extend(value.split([',', ' ', '(', ')', '=', ';', '\'', '"']));
                }
                if parts.into_iter().any(runs_script) {
                    found.push(place);
                }
            }
        }
    }
    for script in html.select(&super::selector(r#"script[type="application/ld+json"]"#)) {
        let text: String = script.text().collect();
        let json: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{path}: JSON-LD parses: {e}\n{text}"));
        check_json(&json, "", path, found);
    }
}

fn check_json(value: &serde_json::Value, key: &str, path: &str, found: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                check_json(v, k, path, found);
            }
        }
        serde_json::Value::Array(items) => {
            for v in items {
                check_json(v, key, path, found);
            }
        }
        serde_json::Value::String(s) => {
            let lower = key.to_ascii_lowercase();
            let url_valued = ["url", "sameas", "@id", "logo", "image", "@context"]
                .contains(&lower.as_str())
                || lower.ends_with("url");
            if url_valued && runs_script(s) {
                found.push(format!("{path}: JSON-LD {key}: {s}"));
            }
            // The description is HTML that search engines show.
            if lower == "description" {
                check_html(
                    &Html::parse_fragment(s),
                    &format!("{path} JSON-LD description"),
                    found,
                );
            }
        }
        _ => {}
    }
}

/// Elements of RSS and sitemaps whose text is an address.
const URL_ELEMENTS: &[&str] = &["link", "guid", "loc", "url", "comments", "docs", "id"];

fn check_xml(text: &str, path: &str, found: &mut Vec<String>) {
    let doc = roxmltree::Document::parse(text)
        .unwrap_or_else(|e| panic!("{path} is well-formed XML: {e}"));
    for node in doc.descendants().filter(|n| n.is_element()) {
        let tag = node.tag_name().name();
        for attr in node.attributes() {
            if runs_script(attr.value()) {
                found.push(format!(
                    "{path}: <{tag} {}=\"{}\">",
                    attr.name(),
                    attr.value()
                ));
            }
        }
        let inner = node.text().unwrap_or("");
        if URL_ELEMENTS.contains(&tag) && runs_script(inner) {
            found.push(format!("{path}: <{tag}>{inner}"));
        }
        // A feed item's description is HTML a feed reader shows.
        if tag == "description" || tag == "encoded" {
            check_html(
                &Html::parse_fragment(inner),
                &format!("{path} <{tag}>"),
                found,
            );
        }
    }
}

/// Whether a browser would read `value` as a `javascript:`, `vbscript:` or
/// `data:` address: character codes decoded (twice over, as a value may be
/// decoded again later), tabs and line breaks removed, surrounding control
/// characters and spaces stripped, any case.
pub fn runs_script(value: &str) -> bool {
    let mut text = value.to_owned();
    for _ in 0..2 {
        text = decode(&text);
    }
    text.retain(|c| !matches!(c, '\t' | '\n' | '\r'));
    let text = text
        .trim_matches(|c: char| c <= ' ' || c.is_whitespace() || c.is_control())
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|scheme| text.starts_with(scheme))
}

/// Decodes numeric character codes (`&#106;`, `&#x6a;`, `;` optional) and
/// the named codes that can spell a scheme.
fn decode(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let lower: String = rest
            .chars()
            .take(10)
            .collect::<String>()
            .to_ascii_lowercase();
        let named = [
            ("&colon;", ':'),
            ("&tab;", '\t'),
            ("&newline;", '\n'),
            ("&amp;", '&'),
        ]
        .into_iter()
        .find(|(name, _)| lower.starts_with(name));
        if let Some((name, c)) = named {
            out.push(c);
            rest = &rest[name.len()..];
            continue;
        }
        let (hex, start) = if lower.starts_with("&#x") {
            (true, 3)
        } else if lower.starts_with("&#") {
            (false, 2)
        } else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let digits: String = rest[start..]
            .chars()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .collect();
        let code = u32::from_str_radix(&digits, if hex { 16 } else { 10 }).ok();
        match code.and_then(char::from_u32) {
            Some(c) => {
                out.push(c);
                let mut len = start + digits.len();
                if rest[len..].starts_with(';') {
                    len += 1;
                }
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
