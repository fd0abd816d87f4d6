//! An NHS Jobs advert page saved from a browser: read with a real HTML
//! parser (scraper, on html5ever) into the same lines a copied advert
//! gives, so one reader serves both. Scripts, styles, forms, navigation,
//! headers, footers and hidden text are skipped; no markup of the page
//! reaches the advert, only its text (the writer escapes what could read as
//! markup). Also reads the cells of a criteria table that a document holds
//! as HTML.

use scraper::node::Node;
use scraper::{ElementRef, Html, Selector};

use super::advert::Advert;
use super::reader::{self, Link};
use super::text::{Kind, Line, clean};

/// Elements whose content is never advert text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "iframe", "object",
    "embed", "svg", "form", "button", "head", "select", "textarea", "input", "canvas", "video",
    "audio", "map",
];

/// Elements that end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "aside",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "blockquote",
    "address",
    "figure",
    "figcaption",
    "body",
    "html",
];

/// Classes of page furniture.
const FURNITURE: &[&str] = &[
    "visually-hidden",
    "breadcrumb",
    "cookie",
    "skip-link",
    "nhsuk-header",
    "nhsuk-footer",
    "back-link",
];

/// Reads a saved advert page.
pub fn read(page: &str) -> Advert {
    read_page(page, true)
}

/// Reads a search record's description written as HTML.
pub fn read_description(html: &str) -> Advert {
    read_page(html, false)
}

fn read_page(page: &str, header: bool) -> Advert {
    let document = Html::parse_document(page);
    let mut walker = Walker::default();
    walker.walk(document.root_element());
    walker.flush();
    let mut advert = reader::read(walker.lines, &walker.links, header);
    if advert.apply_url.is_none() {
        advert.apply_url = canonical(&document);
    }
    advert
}

/// The page's own address, from `<link rel="canonical">` or `og:url`.
fn canonical(document: &Html) -> Option<String> {
    let link = Selector::parse("link[rel=canonical]").expect("a valid selector");
    let meta = Selector::parse("meta[property=\"og:url\"]").expect("a valid selector");
    let url = document
        .select(&link)
        .find_map(|e| e.value().attr("href"))
        .or_else(|| {
            document
                .select(&meta)
                .find_map(|e| e.value().attr("content"))
        })?;
    let url = url.trim();
    url.starts_with("https://").then(|| url.to_owned())
}

/// The items of a table cell written as HTML (`<ul><li>` or `●` marks).
pub fn cell_items(cell: &str) -> Vec<String> {
    let text = if cell.contains('<') {
        let fragment = Html::parse_fragment(cell);
        let mut walker = Walker::default();
        walker.walk(fragment.root_element());
        walker.flush();
        walker
            .lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" ● ")
    } else {
        cell.to_owned()
    };
    text.split(['●', '•', '\u{f0b7}'])
        .map(clean)
        .filter(|t| !t.is_empty())
        .collect()
}

#[derive(Default)]
struct Walker {
    lines: Vec<Line>,
    text: String,
    kind: Option<Kind>,
    links: Vec<Link>,
}

impl Walker {
    fn flush(&mut self) {
        let text = clean(&self.text);
        self.text.clear();
        let kind = self.kind.take().unwrap_or(Kind::Text);
        if !text.is_empty() {
            self.lines.push(Line::new(text, kind));
        }
    }

    fn walk(&mut self, element: ElementRef) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.text.push_str(text),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child);
                    }
                }
                _ => {}
            }
        }
    }

    fn element(&mut self, element: ElementRef) {
        let value = element.value();
        let name = value.name();
        let hidden = value.attr("hidden").is_some()
            || value.attr("aria-hidden") == Some("true")
            || value
                .attr("class")
                .is_some_and(|c| FURNITURE.iter().any(|f| c.contains(f)));
        if SKIPPED.contains(&name) || hidden {
            return;
        }
        let kind = match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                Some(Kind::Heading(name[1..].parse().unwrap_or(6)))
            }
            "li" => {
                let ordered = element
                    .parent()
                    .and_then(ElementRef::wrap)
                    .is_some_and(|p| p.value().name() == "ol");
                Some(if ordered { Kind::Numbered } else { Kind::Item })
            }
            _ => None,
        };
        if name == "a"
            && let Some(href) = value.attr("href")
            && (href.starts_with("https://") || href.starts_with("http://"))
        {
            let text: String = element.text().collect();
            self.links.push((clean(&text), href.trim().to_owned()));
        }
        if name == "br" {
            self.flush();
            return;
        }
        let block = kind.is_some() || BLOCKS.contains(&name);
        if block {
            self.flush();
        }
        if kind.is_some() {
            self.kind = kind;
        }
        self.walk(element);
        if block {
            self.flush();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_of_a_criteria_table() {
        let cell = r#"<ul style="list-style-type: none"> ● Relevant qualification ● Two years' experience </ul>"#;
        assert_eq!(
            cell_items(cell),
            ["Relevant qualification", "Two years' experience"]
        );
        assert_eq!(
            cell_items("<p>setting and GPs</p> <ul><li>More</li></ul>"),
            ["setting and GPs", "More"]
        );
    }

    #[test]
    fn scripts_and_handlers_are_not_text() {
        let page = r#"<html><head><script>alert(1)</script></head><body>
            <h1>Staff Nurse</h1><h2>Job summary</h2>
            <p onclick="steal()">Care for <b>patients</b>.</p>
            <script>document.write('x')</script></body></html>"#;
        let advert = read(page);
        assert_eq!(advert.title.as_deref(), Some("Staff Nurse"));
        let text = format!("{:?}", advert.body);
        assert!(text.contains("Care for patients."), "{text}");
        assert!(!text.contains("alert") && !text.contains("steal") && !text.contains("write"));
    }
}
