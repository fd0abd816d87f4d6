//! An advert's or page's Markdown body to safe HTML, once per file.
//!
//! Links to other content (`@/jobs/nurse.md`) are left as markers and
//! listed with their place, so the site model can check them and fill in
//! the real relative URL once every slug is known. Links with a scheme other
//! than http(s), mailto or tel are dropped, and raw HTML goes through a
//! sanitiser, so nothing pasted into an advert can run script on the site.
//!
//! It also owns the limits that keep one body's cost in proportion to its
//! size. The sanitiser's HTML parser (html5ever), on every block start tag
//! (`<blockquote>`, `<p>`, `<li>`, `<div>`), looks down the whole stack of
//! open elements for a `<p>` to close; block quotes and lists are not
//! boundaries of that search, so a body nested `d` deep costs `d` steps per
//! tag and `d * d` in all: 64 KB of `> > > ...` took 20 s. Bounding how deep
//! Markdown nests and how many raw HTML tags a body holds bounds that stack,
//! so the parse stays linear in the size of the body.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

use crate::diagnostics::{FileReport, Position};

/// The largest body accepted: real adverts are 4-8 KB, so this leaves a
/// hundred times that for the longest page anyone would write.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// How deep block quotes, lists, emphasis and links may sit inside each
/// other. A real advert needs a handful of levels.
pub const MAX_NESTING: usize = 64;

/// How many raw HTML tags one body may open. Each one the parser holds open
/// adds a step to its work on every later tag, so this bounds that work.
pub const MAX_HTML_TAGS: usize = 1000;

/// Why a body was not rendered, with where and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub at: Position,
    pub message: String,
    pub hint: String,
}

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

/// Renders `markdown` as [`render`] does, reporting a body over the limits
/// as an error of its file (and giving an empty body).
pub fn render_into(markdown: &str, first_line: usize, report: &mut FileReport) -> Body {
    render(markdown, first_line).unwrap_or_else(|refused| {
        report.error(refused.at, refused.message, refused.hint);
        Body::default()
    })
}

/// Renders `markdown`, whose first line is line `first_line` of its file,
/// or says which limit it is over (before any costly work).
pub fn render(markdown: &str, first_line: usize) -> Result<Body, Refused> {
    let lines = Lines::new(markdown, first_line);
    if markdown.len() > MAX_BODY_BYTES {
        let mut end = MAX_BODY_BYTES;
        while !markdown.is_char_boundary(end) {
            end -= 1;
        }
        return Err(Refused {
            at: lines.position(end),
            message: format!(
                "the text of this file is {} KB, over the limit of {} KB (1 MB); it passes the limit on this line",
                markdown.len().div_ceil(1024),
                MAX_BODY_BYTES / 1024
            ),
            hint: "real adverts are a few KB: shorten it, or put the full details in a document and link to it".to_owned(),
        });
    }
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut links = Vec::new();
    let mut has_raw_html = false;
    let mut dropped_links = Vec::new();
    let mut first_paragraph = String::new();
    let mut in_first_paragraph = false;
    let mut seen_paragraph = false;
    let mut nesting = 0usize;
    let mut html_tags = 0usize;

    let mut events = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match &event {
            Event::Start(_) => {
                nesting += 1;
                if nesting > MAX_NESTING {
                    return Err(Refused {
                        at: lines.position(range.start),
                        message: format!(
                            "block quotes, lists or emphasis are nested more than {MAX_NESTING} deep here"
                        ),
                        hint: "take out some of the `>` marks or list indents: an advert needs only a few levels".to_owned(),
                    });
                }
            }
            Event::End(_) => nesting = nesting.saturating_sub(1),
            _ => {}
        }
        match &event {
            Event::Html(raw) | Event::InlineHtml(raw) => {
                has_raw_html = true;
                html_tags += start_tags(raw);
                if html_tags > MAX_HTML_TAGS {
                    return Err(Refused {
                        at: lines.position(range.start),
                        message: format!(
                            "this text has more than {MAX_HTML_TAGS} HTML tags; this line passes the limit"
                        ),
                        hint: "write it in Markdown (headings, lists, tables) rather than HTML, or split it into shorter pages".to_owned(),
                    });
                }
            }
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
                        at: lines.position(range.start),
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
    Ok(Body {
        html: out,
        first_paragraph: first_paragraph.trim().to_owned(),
        links,
    })
}

/// How many start tags (`<` then a letter) raw HTML holds.
fn start_tags(raw: &str) -> usize {
    raw.as_bytes()
        .windows(2)
        .filter(|pair| pair[0] == b'<' && pair[1].is_ascii_alphabetic())
        .count()
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

/// Line and column of byte offsets in a body, found by a binary search of
/// where each line starts, so a body with many links is not read from its
/// start once per link. The last answer is kept: offsets come mostly in
/// order, so the column of the next one on the same line is counted on
/// from there, and a long line of links is not reread once per link.
struct Lines<'a> {
    text: &'a str,
    first_line: usize,
    starts: Vec<usize>,
    /// (offset, line index, column) of the last position given.
    last: std::cell::Cell<(usize, usize, usize)>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str, first_line: usize) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            text,
            first_line,
            starts,
            last: std::cell::Cell::new((0, 0, 1)),
        }
    }

    fn position(&self, offset: usize) -> Position {
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let (last_offset, last_line, last_column) = self.last.get();
        let (from, column) = if last_line == line && last_offset <= offset {
            (last_offset, last_column)
        } else {
            (self.starts[line], 1)
        };
        let column = column + self.text[from..offset].chars().count();
        self.last.set((offset, line, column));
        Position::new(self.first_line + line, column)
    }
}

/// Replaces each resolved `@/` marker in `html` by its URL, in one pass
/// over the HTML however many links there are.
pub fn resolve_links(html: &str, resolved: &[(String, String)]) -> String {
    const OPEN: &str = "href=\"";
    let urls: HashMap<&str, &str> = resolved
        .iter()
        .map(|(marker, url)| (marker.as_str(), url.as_str()))
        .collect();
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(found) = rest.find(OPEN) {
        let value_start = found + OPEN.len();
        out.push_str(&rest[..value_start]);
        rest = &rest[value_start..];
        if let Some(end) = rest.find('"')
            && let Some(url) = urls.get(&rest[..end])
        {
            out.push_str(url);
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
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
        )
        .expect("renders");
        assert!(body.html.contains("<table>"));
        assert_eq!(body.first_paragraph, "Intro text more.");
    }

    #[test]
    fn script_cannot_get_through() {
        let body = render(
            "<script>alert(1)</script>\n\n<b onclick=\"x()\">bold</b> [a](javascript:alert(1)) ![i](data:image/png;base64,AA)\n",
            1,
        )
        .expect("renders");
        assert!(!body.html.contains("<script"), "{}", body.html);
        assert!(!body.html.contains("onclick"), "{}", body.html);
        assert!(!body.html.contains("javascript:"), "{}", body.html);
        assert!(!body.html.contains("data:"), "{}", body.html);
        assert!(body.html.contains("<b>bold</b>"), "{}", body.html);
    }

    #[test]
    fn content_links_are_found_with_their_place() {
        let body =
            render("Read\n[how to apply](@/pages/how-to-apply.md#start).\n", 10).expect("renders");
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

    #[test]
    fn nesting_too_deep_is_refused_on_its_line() {
        let fine = format!("Intro.\n\n{}deep\n", "> ".repeat(MAX_NESTING - 1));
        assert!(render(&fine, 1).is_ok());
        let deep = format!("Intro.\n\n{}deep <b>x</b>\n", "> ".repeat(MAX_NESTING + 1));
        let refused = render(&deep, 7).expect_err("too deep");
        assert_eq!(refused.at.line, 9);
    }

    #[test]
    fn too_many_html_tags_are_refused_on_the_line_that_passes_the_limit() {
        let mut text = String::new();
        for _ in 0..MAX_HTML_TAGS {
            text.push_str("<br>\n\n");
        }
        assert!(render(&text, 1).is_ok());
        text.push_str("<b>one too many</b>\n");
        let refused = render(&text, 1).expect_err("too many tags");
        assert_eq!(refused.at.line, 2 * MAX_HTML_TAGS + 1);
    }

    #[test]
    fn links_on_one_line_have_their_own_columns() {
        let body = render("Go to [a](@/a.md) or [é](@/b.md)\n[c](@/c.md)\n", 3).expect("renders");
        let at: Vec<Position> = body.links.iter().map(|l| l.at).collect();
        assert_eq!(
            at,
            [
                Position::new(3, 7),
                Position::new(3, 22),
                Position::new(4, 1)
            ]
        );
    }

    #[test]
    fn links_are_resolved_in_one_pass_and_others_kept() {
        let html = "<a href=\"@/a.md\">a</a> <a href=\"https://x\">x</a> <a href=\"@/b.md\">b</a>";
        let out = resolve_links(
            html,
            &[
                ("@/a.md".into(), "../a/".into()),
                ("@/b.md".into(), "../b/".into()),
            ],
        );
        assert_eq!(
            out,
            "<a href=\"../a/\">a</a> <a href=\"https://x\">x</a> <a href=\"../b/\">b</a>"
        );
    }
}
