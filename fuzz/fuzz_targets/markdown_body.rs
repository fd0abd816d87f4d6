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
        let name = tag.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or_default();
        assert!(!matches!(name, "script" | "iframe" | "object" | "embed" | "style"), "unsafe element: {html}");
        for attribute in tag.split_whitespace().skip(1) {
            let (key, value) = attribute.split_once('=').unwrap_or((attribute, ""));
            assert!(!key.starts_with("on"), "event handler survived: {html}");
            let value = value.trim_matches(|c| c == '"' || c == '\'').trim();
            for scheme in ["javascript:", "vbscript:", "data:"] {
                assert!(!value.starts_with(scheme), "{scheme} link survived: {html}");
            }
        }
    }
});
