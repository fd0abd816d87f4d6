//! An advert's or page's Markdown body to safe HTML, once per file.
//!
//! Links to other content (`@/jobs/nurse.md`) are left as markers and
//! listed with their place, so the site model can check them and fill in
//! the real relative URL once every slug is known. Links with a scheme other
//! than http(s), mailto or tel are dropped, and raw HTML goes through a
//! sanitiser, so nothing pasted into an advert can run script on the site.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

use crate::diagnostics::Position;

/// The prefix of a link to another content file.
pub const CONTENT_LINK: &str = "@/";

/// A body rendered to HTML, with what the site model needs from it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    pub html: String,
    /// The first paragraph as plain text, for listings and feeds.
    pub first_paragraph: String,
    pub links: Vec<ContentLink>,
}

/// An `@/` link found in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentLink {
    /// Path under `content/` (`jobs/nurse.md`), fragment removed.
    pub target: String,
    /// What the HTML holds for it until it is resolved.
    pub marker: String,
    pub at: Position,
}

/// Renders `markdown`, whose first line is line `first_line` of its file.
pub fn render(markdown: &str, first_line: usize) -> Body {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut links = Vec::new();
    let mut has_raw_html = false;
    let mut dropped_links = Vec::new();
    let mut first_paragraph = String::new();
    let mut in_first_paragraph = false;
    let mut seen_paragraph = false;

    let mut events = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match &event {
            Event::Html(_) | Event::InlineHtml(_) => has_raw_html = true,
            Event::Start(Tag::Paragraph) if !seen_paragraph => {
                seen_paragraph = true;
                in_first_paragraph = true;
            }
            Event::End(TagEnd::Paragraph) => in_first_paragraph = false,
            Event::Text(t) | Event::Code(t) if in_first_paragraph => first_paragraph.push_str(t),
            Event::SoftBreak if in_first_paragraph => first_paragraph.push(' '),
            _ => {}
        }
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if let Some(target) = dest_url.strip_prefix(CONTENT_LINK) {
                    let target = target.split('#').next().unwrap_or_default().to_owned();
                    links.push(ContentLink {
                        target,
                        marker: dest_url.to_string(),
                        at: position_of(markdown, range.start, first_line),
                    });
                    dropped_links.push(false);
                } else if !safe_url(&dest_url) {
                    dropped_links.push(true);
                    continue;
                } else {
                    dropped_links.push(false);
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })
            }
            Event::End(TagEnd::Link) => {
                if dropped_links.pop().unwrap_or(false) {
                    continue;
                }
                event
            }
            Event::Start(Tag::Image { ref dest_url, .. }) if !safe_url(dest_url) => {
                dropped_links.push(true);
                continue;
            }
            Event::Start(Tag::Image { .. }) => {
                dropped_links.push(false);
                event
            }
            Event::End(TagEnd::Image) => {
                if dropped_links.pop().unwrap_or(false) {
                    continue;
                }
                event
            }
            other => other,
        };
        events.push(event);
    }

    let mut out = String::with_capacity(markdown.len() * 5 / 4);
    html::push_html(&mut out, events.into_iter());
    if has_raw_html {
        out = sanitise(&out);
    }
    Body {
        html: out,
        first_paragraph: first_paragraph.trim().to_owned(),
        links,
    }
}

/// Only links people can follow safely: web, email, phone, or relative.
fn safe_url(url: &CowStr) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme, "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    }
}

/// Removes scripts, event handlers and unsafe URLs from rendered HTML, keeping
/// formatting, tables and links.
fn sanitise(html: &str) -> String {
    ammonia::Builder::default()
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .clean(html)
        .to_string()
}

fn position_of(text: &str, offset: usize, first_line: usize) -> Position {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Position::new(first_line + line, before[line_start..].chars().count() + 1)
}

/// Replaces each resolved `@/` marker in `html` by its URL.
pub fn resolve_links(html: &str, resolved: &[(String, String)]) -> String {
    let mut out = html.to_owned();
    for (marker, url) in resolved {
        out = out.replace(&format!("href=\"{marker}\""), &format!("href=\"{url}\""));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_tables_and_keeps_the_first_paragraph() {
        let body = render(
            "Intro *text*\nmore.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
            5,
        );
        assert!(body.html.contains("<table>"));
        assert_eq!(body.first_paragraph, "Intro text more.");
    }

    #[test]
    fn script_cannot_get_through() {
        let body = render(
            "<script>alert(1)</script>\n\n<b onclick=\"x()\">bold</b> [a](javascript:alert(1)) ![i](data:image/png;base64,AA)\n",
            1,
        );
        assert!(!body.html.contains("<script"), "{}", body.html);
        assert!(!body.html.contains("onclick"), "{}", body.html);
        assert!(!body.html.contains("javascript:"), "{}", body.html);
        assert!(!body.html.contains("data:"), "{}", body.html);
        assert!(body.html.contains("<b>bold</b>"), "{}", body.html);
    }

    #[test]
    fn content_links_are_found_with_their_place() {
        let body = render("Read\n[how to apply](@/pages/how-to-apply.md#start).\n", 10);
        assert_eq!(body.links.len(), 1);
        assert_eq!(body.links[0].target, "pages/how-to-apply.md");
        assert_eq!(body.links[0].at, Position::new(11, 1));
        let html = resolve_links(
            &body.html,
            &[(
                body.links[0].marker.clone(),
                "../../how-to-apply/#start".into(),
            )],
        );
        assert!(
            html.contains("href=\"../../how-to-apply/#start\""),
            "{html}"
        );
    }
}
