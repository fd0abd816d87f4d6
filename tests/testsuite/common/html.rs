//! Readers of a built HTML page: text, links, attributes, facts and JSON-LD,
//! as a candidate (or a search engine) would take them from the page.

use std::collections::BTreeMap;

use scraper::{Html, Selector};

pub fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e}"))
}

/// The trimmed text of every element matching `css`.
pub fn texts(html: &Html, css: &str) -> Vec<String> {
    html.select(&selector(css))
        .map(|e| e.text().collect::<String>().trim().to_owned())
        .collect()
}

/// The one element matching `css`, as text.
pub fn text_of(html: &Html, css: &str) -> String {
    let found = texts(html, css);
    assert_eq!(found.len(), 1, "expected one {css}, found {found:?}");
    found.into_iter().next().unwrap()
}

/// The whole visible text of a page, whitespace collapsed.
pub fn page_text(html: &Html) -> String {
    let body = html
        .select(&selector("body"))
        .next()
        .expect("a body element");
    let mut words = Vec::new();
    visible_text(body, &mut words);
    words.join(" ")
}

/// The words of `element` a reader sees: not those of a `hidden` element
/// (a notice the page script may show later), a script or a style.
pub fn visible_text(element: scraper::ElementRef<'_>, words: &mut Vec<String>) {
    for child in element.children() {
        match child.value() {
            scraper::Node::Text(text) => words.extend(text.split_whitespace().map(str::to_owned)),
            scraper::Node::Element(e)
                if e.attr("hidden").is_none() && !matches!(e.name(), "script" | "style") =>
            {
                visible_text(scraper::ElementRef::wrap(child).expect("an element"), words);
            }
            _ => {}
        }
    }
}

/// The links to vacancy pages in a page's main content, each with its
/// text, in order (a card that links twice counts once).
pub fn vacancy_links(html: &Html) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = Vec::new();
    for a in html.select(&selector("main a[href]")) {
        let href = a.value().attr("href").unwrap_or("");
        let is_job = href
            .trim_end_matches('/')
            .rsplit_once("jobs/")
            .is_some_and(|(_, slug)| !slug.is_empty() && !slug.contains('/'));
        if !is_job || found.last().is_some_and(|(h, _)| h == href) {
            continue;
        }
        let text = a.text().collect::<String>();
        found.push((
            href.to_owned(),
            text.split_whitespace().collect::<Vec<_>>().join(" "),
        ));
    }
    found
}

/// The text of a page's main content, whitespace collapsed.
pub fn main_text(html: &Html) -> String {
    let mut words = Vec::new();
    for main in html.select(&selector("main")) {
        visible_text(main, &mut words);
    }
    words.join(" ")
}

/// The `href`s of the links in a page's main content marked with `rel`
/// (`next`, `prev`) or whose text starts with `word` ("Next", "Previous").
pub fn rel_links(html: &Html, rel: &str, word: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for a in html.select(&selector("main a[href]")) {
        let rels = a.value().attr("rel").unwrap_or("");
        let text = a.text().collect::<String>();
        if rels.split_whitespace().any(|r| r == rel) || text.trim().starts_with(word) {
            let href = a.value().attr("href").unwrap().to_owned();
            if !found.contains(&href) {
                found.push(href);
            }
        }
    }
    found
}

/// The titles of the vacancies a list page shows, in order.
pub fn listed_titles(html: &Html) -> Vec<String> {
    vacancy_links(html).into_iter().map(|(_, t)| t).collect()
}

/// The `href`s of the vacancies a list page shows, in order.
pub fn listed_links(html: &Html) -> Vec<String> {
    vacancy_links(html).into_iter().map(|(h, _)| h).collect()
}

/// The value of `attr` on every element matching `css`.
pub fn attrs(html: &Html, css: &str, attr: &str) -> Vec<String> {
    html.select(&selector(css))
        .filter_map(|e| e.value().attr(attr).map(str::to_owned))
        .collect()
}

/// Whether the page asks search engines not to index it.
pub fn is_noindex(html: &Html) -> bool {
    attrs(html, "meta[name=robots]", "content")
        .iter()
        .any(|c| c.contains("noindex"))
}

/// Every JSON-LD block of a page, parsed.
pub fn json_ld(html: &Html) -> Vec<serde_json::Value> {
    html.select(&selector(r#"script[type="application/ld+json"]"#))
        .map(|e| {
            let text: String = e.text().collect();
            serde_json::from_str(&text)
                .unwrap_or_else(|err| panic!("JSON-LD does not parse: {err}\n{text}"))
        })
        .collect()
}

/// The facts of a vacancy page: each `<dt>` in its main content with the
/// `<dd>` that follows it, whitespace collapsed.
pub fn facts(html: &Html) -> BTreeMap<String, String> {
    let squash = |e: scraper::ElementRef| {
        e.text()
            .collect::<Vec<_>>()
            .join(" ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut facts = BTreeMap::new();
    for dt in html.select(&selector("main dt")) {
        let dd = dt
            .next_siblings()
            .filter_map(scraper::ElementRef::wrap)
            .find(|e| e.value().name() == "dd")
            .unwrap_or_else(|| panic!("{} has a value", squash(dt)));
        facts.entry(squash(dt)).or_insert_with(|| squash(dd));
    }
    facts
}

/// The machine-readable closing moment on a vacancy page: the one moment
/// (written in one or more `<time datetime>`s) in its main content that
/// holds a time of day.
pub fn closing_moment(html: &Html) -> String {
    let mut moments: Vec<String> = attrs(html, "main time", "datetime")
        .into_iter()
        .filter(|d| d.contains('T'))
        .collect();
    moments.dedup();
    assert_eq!(moments.len(), 1, "one closing moment: {moments:?}");
    moments.into_iter().next().unwrap()
}
