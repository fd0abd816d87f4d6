//! How the site's relative links resolve when it is served under a path
//! prefix, as a browser follows them.

use super::Output;

/// The path prefix the link tests serve the site under.
pub const SERVED_AT: &str = "/careers/";

/// Whether `href` is a link this site resolves itself (relative, not to
/// another scheme or a fragment of the same page).
pub fn is_relative(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    !(lower.starts_with("http:")
        || lower.starts_with("https:")
        || lower.starts_with("mailto:")
        || lower.starts_with("tel:")
        || lower.starts_with('#')
        || lower.starts_with('/')
        || lower.starts_with("//"))
}

/// Resolves a relative `href` found in the output file `page` (e.g.
/// `jobs/nurse/index.html`) as a browser would with the site served under
/// `/careers/`, and returns the output file it names (a URL ending in `/`
/// means its `index.html`), or `None` if it leaves the site.
pub fn resolve(page: &str, href: &str) -> Option<String> {
    let href = href.split(['#', '?']).next().unwrap_or("");
    let page_url = format!("{SERVED_AT}{page}");
    let base_dir = &page_url[..page_url.rfind('/').expect("a slash") + 1];
    let joined = if href.starts_with('/') {
        href.to_owned()
    } else {
        format!("{base_dir}{href}")
    };
    // An empty href is the page itself.
    let joined = if href.is_empty() {
        page_url.clone()
    } else {
        joined
    };
    let mut segments: Vec<&str> = Vec::new();
    let parts: Vec<&str> = joined.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i == parts.len() - 1;
        match *part {
            "" if i == 0 => {}
            ".." => {
                segments.pop();
                if last {
                    segments.push("");
                }
            }
            "." => {
                if last {
                    segments.push("");
                }
            }
            other => segments.push(other),
        }
    }
    let path = format!("/{}", segments.join("/"));
    let rel = path.strip_prefix(SERVED_AT)?;
    if rel.is_empty() || rel.ends_with('/') {
        Some(format!("{rel}index.html"))
    } else {
        Some(rel.to_owned())
    }
}

/// Follows the link `href` of `page` to an output file that must exist.
pub fn follow(out: &Output, page: &str, href: &str) -> String {
    let target =
        resolve(page, href).unwrap_or_else(|| panic!("{href} on {page} leaves {SERVED_AT}"));
    assert!(
        out.exists(&target),
        "{href} on {page} resolves to {target}, which does not exist"
    );
    target
}
