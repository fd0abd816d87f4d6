//! The wording of what a build did, for the terminal: the adverts counted
//! by status, and what a refresh of `serve` read again.

use crate::session::Work;
use crate::site::Counts;

/// "18 vacancies: 12 open, 4 closed, 2 previews".
pub fn counts(c: &Counts) -> String {
    format!(
        "{}: {} open, {} closed, {}",
        plural(c.vacancies, "vacancy", "vacancies"),
        c.open,
        c.closed,
        plural(c.previews, "preview", "previews")
    )
}

/// "re-read 1 file", "read all of content/ (2 files parsed)".
pub fn work(w: &Work) -> String {
    let files = |n: usize| plural(n, "file", "files");
    let mut parts = Vec::new();
    if w.rediscovered {
        parts.push(format!("read all of content/ ({} parsed)", files(w.parsed)));
    } else if w.read > 0 {
        parts.push(format!("re-read {}", files(w.read)));
    }
    if w.removed > 0 {
        parts.push(format!("dropped {}", files(w.removed)));
    }
    if w.theme_reloaded {
        parts.push("loaded the theme".to_owned());
    }
    if parts.is_empty() {
        parts.push("nothing to re-read".to_owned());
    }
    parts.join(", ")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
