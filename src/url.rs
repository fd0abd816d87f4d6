//! The one rule for every address the generator puts into a link, whichever
//! file it comes from: `site.yaml` (`base_url`, `employer_url`,
//! `employers[].url`, `privacy_url`, `logo`) and an advert (`apply_url`,
//! `documents[].file`, the contact's email and phone).
//!
//! The rule is an allow-list: a web address must literally start with
//! `https://` or `http://` (in any case) and hold no space, control
//! character or markup character. So `javascript:`, `vbscript:`, `data:`,
//! `//evil`, `java<tab>script:` and `&#106;avascript:` are all refused
//! without having to foresee each trick; the tricks are only decoded to say
//! in the message what the value would have become in a browser.

use crate::content::fields::Spanned;
use crate::diagnostics::FileReport;

/// Why a value cannot be used as the address of a link, worded for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub hint: String,
}

/// Schemes whose links run code or carry a page of their own.
const SCRIPT_SCHEMES: &[&str] = &["javascript", "vbscript", "data", "livescript", "mocha"];

/// Reads `value` as the web address of field `key`, reporting a refusal
/// at the value's line with the fix (an address like `example`).
pub fn read_web(
    value: Spanned<String>,
    key: &str,
    example: &str,
    report: &mut FileReport,
) -> Option<String> {
    match web_address(&value.value, key, example) {
        Ok(url) => Some(url),
        Err(r) => {
            report.error(value.at, r.message, r.hint);
            None
        }
    }
}

/// An `http(s)://` address a reader's browser will open as a web page. The
/// value is trimmed of surrounding spaces; anything else is refused.
pub fn web_address(value: &str, key: &str, example: &str) -> Result<String, Refusal> {
    let fix = format!("write the full address starting https://, e.g. {example}");
    let text = trim(value);
    if text.is_empty() {
        return Err(Refusal {
            message: format!("`{key}` is empty"),
            hint: fix,
        });
    }
    let lower = text.to_ascii_lowercase();
    let Some(rest) = ["https://", "http://"]
        .iter()
        .find_map(|scheme| lower.starts_with(scheme).then(|| &text[scheme.len()..]))
    else {
        return Err(Refusal {
            message: not_web(text, key),
            hint: fix,
        });
    };
    if text
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
    {
        return Err(Refusal {
            message: format!(
                "`{key}` has a space or an invisible character (such as a tab or a line break) in it: \"{}\"",
                shown(text)
            ),
            hint: "copy the address again from the browser's address bar".to_owned(),
        });
    }
    if let Some(c) = text.chars().find(|c| "\"<>`".contains(*c)) {
        return Err(Refusal {
            message: format!("`{key}` has a `{c}` in it, which a web address cannot hold"),
            hint: "copy the address again from the browser's address bar".to_owned(),
        });
    }
    let host = rest.split(['/', '?', '#', '\\']).next().unwrap_or("");
    if host.is_empty() {
        return Err(Refusal {
            message: format!("`{key}` has no site name after the https://"),
            hint: fix,
        });
    }
    Ok(text.to_owned())
}

/// Whether a browser would read `value` as an address of its own (with a
/// scheme, or `//` and a site) rather than a path within the site.
pub fn is_address(value: &str) -> bool {
    let read = as_a_browser_reads(value);
    scheme(&read).is_some() || read.starts_with("//") || read.starts_with("\\\\")
}

/// A path to a file of the site (`images/logo.svg`), linked relatively
/// from every page: never an address of its own, never out of the site.
pub fn site_file(value: &str, key: &str, example: &str) -> Result<String, Refusal> {
    let fix = format!(
        "give the path of a file in the theme's static/ folder or in content/documents, e.g. `{key}: {example}`"
    );
    let text = trim(value);
    let refuse = |message: String| {
        Err(Refusal {
            message,
            hint: fix.clone(),
        })
    };
    if text.is_empty() {
        return refuse(format!("`{key}` is empty"));
    }
    if is_address(text) {
        return refuse(format!(
            "`{key}` is an address, \"{}\", not the path of a file of the site",
            shown(text)
        ));
    }
    if text.chars().any(|c| c.is_control() || is_invisible(c)) {
        return refuse(format!(
            "`{key}` has an invisible character (such as a tab or a line break) in it: \"{}\"",
            shown(text)
        ));
    }
    if text.starts_with(['/', '\\']) || text.split(['/', '\\']).any(|part| part == "..") {
        return refuse(format!("`{key}` leads out of the site's folders"));
    }
    if text.contains(['"', '<', '>', '`', '&']) {
        return refuse(format!(
            "`{key}` has a character a file path here cannot hold (one of \" < > ` &)"
        ));
    }
    Ok(text.to_owned())
}

/// The address of a `mailto:` link.
pub fn email_address(value: &str) -> Result<String, Refusal> {
    let text = trim(value);
    let (local, domain) = text.split_once('@').unwrap_or(("", ""));
    let ok = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
        && !text.contains([
            '<', '>', '"', ':', ';', '&', '\\', '`', '(', ')', '[', ']', ',',
        ]);
    if ok {
        Ok(text.to_owned())
    } else {
        Err(Refusal {
            message: format!("\"{}\" is not an email address", shown(value)),
            hint: "write it as name@example.nhs.uk".to_owned(),
        })
    }
}

/// The number of a `tel:` link: digits, spaces, `+`, brackets and hyphens.
pub fn phone_number(value: &str) -> Result<String, Refusal> {
    let text = trim(value);
    let ok = text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " +()-".contains(c));
    if ok {
        Ok(text.to_owned())
    } else {
        Err(Refusal {
            message: format!("\"{}\" is not a phone number", shown(value)),
            hint: "write digits and spaces only, e.g. 01322 000000".to_owned(),
        })
    }
}

/// What is wrong with a value that does not start with `http(s)://`.
fn not_web(text: &str, key: &str) -> String {
    let read = as_a_browser_reads(text);
    let lower = read.to_ascii_lowercase();
    match scheme(&read).as_deref() {
        Some(s) if SCRIPT_SCHEMES.contains(&s) => format!(
            "`{key}` is a `{s}:` address, \"{}\", which would run code in the reader's browser instead of opening a page",
            shown(text)
        ),
        Some("http" | "https") if text.to_ascii_lowercase().starts_with("http") => {
            format!("`{key}` is not a full web address: \"{}\"", shown(text))
        }
        // Only hidden characters or HTML codes stand before a web address.
        Some("http" | "https") => format!(
            "`{key}` has hidden characters or HTML codes where the address should start: \"{}\"",
            shown(text)
        ),
        Some(s) => format!(
            "`{key}` is a `{s}:` address, \"{}\", but it must be a web page",
            shown(text)
        ),
        None if lower.starts_with("//") || lower.starts_with("\\\\") => format!(
            "`{key}` leaves out the https: at the start: \"{}\"",
            shown(text)
        ),
        None => format!(
            "`{key}` should be a web address starting with https://, but is \"{}\"",
            shown(text)
        ),
    }
}

/// Surrounding spaces and control characters, as YAML quotes can keep them.
fn trim(value: &str) -> &str {
    value.trim_matches(|c: char| c.is_whitespace() || c.is_control() || is_invisible(c))
}

/// Characters that show as nothing: zero-width spaces and joiners, the
/// byte order mark, direction marks.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}')
}

/// `value` as a browser could end up reading it: HTML character codes
/// decoded (twice over, for `&amp;#106;`), tabs and line breaks removed,
/// leading and trailing control characters and spaces stripped.
fn as_a_browser_reads(value: &str) -> String {
    let mut text = value.to_owned();
    for _ in 0..3 {
        let decoded = decode_character_codes(&text);
        if decoded == text {
            break;
        }
        text = decoded;
    }
    text.retain(|c| !matches!(c, '\t' | '\n' | '\r') && !is_invisible(c));
    text.trim_matches(|c: char| c <= ' ' || c.is_whitespace() || c.is_control())
        .to_owned()
}

/// The lower-case scheme of `text` (`javascript` in `JaVaScRiPt:x`).
fn scheme(text: &str) -> Option<String> {
    let (scheme, _) = text.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
        .then(|| scheme.to_ascii_lowercase())
}

/// Decodes `&#106;`, `&#x6A;` (with or without the `;`) and the named
/// codes that can hide a scheme (`&colon;`, `&Tab;`, `&NewLine;`, `&amp;`).
fn decode_character_codes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match decode_one(rest) {
            Some((c, len)) => {
                out.push(c);
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

/// The character a code at the start of `text` stands for, and its length.
fn decode_one(text: &str) -> Option<(char, usize)> {
    const NAMED: &[(&str, char)] = &[
        ("&colon;", ':'),
        ("&tab;", '\t'),
        ("&newline;", '\n'),
        ("&amp;", '&'),
        ("&sol;", '/'),
        ("&nbsp;", '\u{a0}'),
    ];
    let head = text
        .chars()
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    for (name, c) in NAMED {
        if head.starts_with(name) {
            return Some((*c, name.len()));
        }
    }
    let body = text.strip_prefix("&#")?;
    let (radix, digits_from) = match body.as_bytes().first() {
        Some(b'x' | b'X') => (16, 3),
        _ => (10, 2),
    };
    let digits: String = text[digits_from..]
        .chars()
        .take_while(|c| c.is_digit(radix))
        .collect();
    if digits.is_empty() {
        return None;
    }
    let c = u32::from_str_radix(&digits, radix)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{fffd}');
    let mut len = digits_from + digits.len();
    if text[len..].starts_with(';') {
        len += 1;
    }
    Some((c, len))
}

/// `value` with control characters written as escapes, so a message shows
/// where a tab or a line break hides.
fn shown(value: &str) -> String {
    value
        .chars()
        .map(|c| {
            if c.is_control() || is_invisible(c) {
                c.escape_unicode().to_string().replace("\\u{9}", "\\t")
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &[&str] = &[
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        " javascript:alert(1)",
        "\u{1}javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript&colon;alert(1)",
        "&amp;#106;avascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "//evil.example/apply",
        "\\\\evil.example/apply",
        "https:",
        "https://",
        "https:///evil",
        "https://example.nhs.uk/\tx",
        "https://example.nhs.uk/\"onmouseover=\"x",
        "mailto:jobs@example.nhs.uk",
        "\u{200b}javascript:alert(1)",
    ];

    #[test]
    fn only_web_addresses_are_links() {
        for value in HOSTILE {
            let refusal = web_address(value, "apply_url", "https://example.nhs.uk")
                .expect_err(&format!("{value:?} is refused"));
            assert!(refusal.message.contains("apply_url"), "{refusal:?}");
        }
        for value in [
            "https://example.nhs.uk",
            "HTTPS://Example.nhs.uk/Jobs?a=1&b=2#x",
            "http://example.nhs.uk/a",
        ] {
            assert_eq!(web_address(value, "k", "e").as_deref(), Ok(value));
        }
        assert_eq!(
            web_address("  https://example.nhs.uk  ", "k", "e").as_deref(),
            Ok("https://example.nhs.uk")
        );
    }

    #[test]
    fn the_message_says_what_the_trick_would_become() {
        for value in [
            "java\tscript:x",
            "&#106;avascript:x",
            " JAVASCRIPT:x",
            "&#0000106avascript:x",
        ] {
            let refusal = web_address(value, "privacy_url", "https://x.nhs.uk").unwrap_err();
            assert!(
                refusal.message.contains("`javascript:`"),
                "{value:?}: {refusal:?}"
            );
            assert!(refusal.hint.contains("starting https://"), "{refusal:?}");
        }
        let refusal = web_address("java\tscript:x", "k", "e").unwrap_err();
        assert!(refusal.message.contains("java\\tscript"), "{refusal:?}");
    }

    #[test]
    fn a_site_file_is_a_path_inside_the_site() {
        for value in
            HOSTILE
                .iter()
                .chain(&["/etc/logo.svg", "../logo.svg", "https://x.nhs.uk/a.svg"])
        {
            assert!(
                site_file(value, "logo", "images/logo.svg").is_err(),
                "{value:?}"
            );
        }
        assert_eq!(
            site_file("images/logo.svg", "logo", "e").as_deref(),
            Ok("images/logo.svg")
        );
    }

    #[test]
    fn mail_and_phone_hold_no_scheme_or_code() {
        for value in [
            "javascript:alert(1)//@example.nhs.uk",
            "&#106;avascript&#58;x@example.nhs.uk",
            "a@b",
            "jane smith@example.nhs.uk",
        ] {
            assert!(email_address(value).is_err(), "{value:?}");
        }
        assert!(email_address("jane.o'neill@example.nhs.uk").is_ok());
        for value in ["javascript:alert(1)", "", "01322\t000000"] {
            assert!(phone_number(value).is_err(), "{value:?}");
        }
        assert!(phone_number("+44 (0)1322 000000").is_ok());
    }

    #[test]
    fn addresses_and_paths_are_told_apart_as_a_browser_would() {
        for value in [
            "https://x",
            "&#106;avascript:x",
            "java\tscript:x",
            "//x",
            " data:x",
        ] {
            assert!(is_address(value), "{value:?}");
        }
        for value in ["documents/jd.pdf", "./documents/a:b.pdf", "documents/x.pdf"] {
            assert!(!is_address(value), "{value:?}");
        }
    }
}
