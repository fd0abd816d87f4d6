//! Site-relative URLs of list pages, and the relative prefix back to the
//! site root that makes the output work at any path prefix.

use serde_json::{Value, json};

/// `""` -> `""`, `jobs/nurse/` -> `../../`: prefixed to site-relative URLs.
pub fn root_prefix(url: &str) -> String {
    "../".repeat(url.matches('/').count())
}

/// The link to the home page: the root prefix, or `./` on the home page
/// itself, so it is never an empty `href`.
pub fn home_url(root: &str) -> String {
    if root.is_empty() {
        "./".to_owned()
    } else {
        root.to_owned()
    }
}

/// The URL of page `number` of the list at `base` (`bands/band-6/`).
pub fn list_page(base: &str, number: usize) -> String {
    if number <= 1 {
        base.to_owned()
    } else {
        format!("{base}page/{number}/")
    }
}

/// `{current, total, previous, next, pages: [{number, url, current}]}`,
/// URLs site-relative, `previous`/`next` null at the ends.
pub fn pagination(base: &str, current: usize, total: usize) -> Value {
    let url = |n: usize| list_page(base, n);
    json!({
        "current": current,
        "total": total,
        "previous": (current > 1).then(|| url(current - 1)),
        "next": (current < total).then(|| url(current + 1)),
        "pages": (1..=total).map(|n| json!({ "number": n, "url": url(n), "current": n == current })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_pages() {
        assert_eq!(root_prefix(""), "");
        assert_eq!(home_url(""), "./");
        assert_eq!(home_url("../../"), "../../");
        assert_eq!(root_prefix("jobs/a/"), "../../");
        assert_eq!(root_prefix("bands/band-6/page/2/"), "../../../../");
        assert_eq!(list_page("", 1), "");
        assert_eq!(list_page("", 3), "page/3/");
        assert_eq!(
            list_page("locations/dartford/", 2),
            "locations/dartford/page/2/"
        );
        let p = pagination("", 2, 3);
        assert_eq!(p["previous"], "");
        assert_eq!(p["next"], "page/3/");
    }
}
