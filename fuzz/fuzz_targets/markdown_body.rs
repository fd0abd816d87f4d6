//! Feeds Markdown bodies through rendering and sanitising: no panic, and
//! no tag in the output carries script (a `<script>` element, an `on...`
//! event handler, or a `javascript:`, `vbscript:` or `data:` link).
#![no_main]

use careers::markdown::render;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(body) = render(text, 1) else {
        return;
    };
    let html = body.html;
    // Text is escaped, so every `<` left in the output opens a tag.
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or_default().to_ascii_lowercase();
        let name_end = tag.find(|c: char| is_html_space(c) || c == '/').unwrap_or(tag.len());
        let name = &tag[..name_end];
        assert!(!matches!(name, "script" | "iframe" | "object" | "embed" | "style"), "unsafe element: {html}");
        for (key, value) in attributes(&tag[name_end..]) {
            assert!(!key.starts_with("on"), "event handler survived: {html}");
            let value = value.trim_matches(is_html_space);
            for scheme in ["javascript:", "vbscript:", "data:"] {
                assert!(!value.starts_with(scheme), "{scheme} link survived: {html}");
            }
        }
    }
});

/// Whitespace as HTML reads it: not vertical tab or other Unicode spaces.
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0c' | '\r')
}

/// The attributes of a tag (after its name) as a browser splits them: a
/// quoted value runs to its closing quote, whatever it holds.
fn attributes(mut rest: &str) -> Vec<(&str, &str)> {
    let mut found = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c| is_html_space(c) || c == '/');
        if rest.is_empty() {
            return found;
        }
        let key_end = rest.find(|c: char| is_html_space(c) || c == '=' || c == '/').unwrap_or(rest.len());
        let key = &rest[..key_end];
        rest = rest[key_end..].trim_start_matches(is_html_space);
        let Some(after) = rest.strip_prefix('=') else {
            found.push((key, ""));
            continue;
        };
        let after = after.trim_start_matches(is_html_space);
        let (value, next) = match after.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let inner = &after[1..];
                let end = inner.find(quote).unwrap_or(inner.len());
                (&inner[..end], inner.get(end + 1..).unwrap_or_default())
            }
            _ => {
                let end = after.find(is_html_space).unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        found.push((key, value));
        rest = next;
    }
}
