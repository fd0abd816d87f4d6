//! Answering requests from the site in memory: pages (rendered on the
//! first ask), theme statics and documents, `index.html` for folders, the
//! theme's 404 page, the reload channel, and the reload script (and, while
//! the last rebuild failed, the error overlay) in every HTML page.

use std::net::TcpStream;
use std::time::Instant;

use super::http::{self, Incoming, Reply, headers};
use super::overlay;
use super::paths::{self, BadPath};
use super::reload::{self, EVENTS_PATH};
use super::served::{Found, ServedSite};
use super::{ServeEvent, Shared};
use crate::diagnostics::Diagnostics;
use crate::routes::{self, Route};

/// What a request asks for.
#[derive(Debug)]
pub(crate) enum Routed {
    Reply(Reply),
    /// The reload channel: the connection is kept open.
    Events,
}

/// Reads and answers the one request of a connection, on a worker. A
/// reload channel is handed to the hub, which keeps it open.
pub(crate) fn answer(shared: &Shared, mut stream: TcpStream) {
    let deadline = Instant::now() + http::REQUEST_DEADLINE;
    let request = match http::read_request(&mut stream, deadline) {
        Incoming::Request(request) => request,
        Incoming::Refused(refusal) => return http::refuse(stream, refusal),
        Incoming::Gone => return,
    };
    let head_only = request.method == "HEAD";
    match route(shared, &request.method, &request.target) {
        Routed::Events => {
            let version = || shared.version(shared.live().generation);
            if let Err(stream) = shared.hub.open(stream, version) {
                // The page still works; it just does not reload by itself
                // until another tab closes.
                let mut reply = Reply::text(
                    503,
                    "Too many tabs are listening for changes; close some to have this one reload.\n",
                );
                reply.headers.push(("Retry-After", "1".to_owned()));
                http::answer(stream, &reply, head_only);
            }
        }
        Routed::Reply(reply) => http::answer(stream, &reply, head_only),
    }
}

/// Decides the answer to `method` `url`. Reads the disk only for theme
/// statics and documents the build found, by their known path.
pub(crate) fn route(shared: &Shared, method: &str, url: &str) -> Routed {
    if method != "GET" && method != "HEAD" {
        let mut reply = Reply::text(405, "Only GET and HEAD are served here.\n");
        reply.headers.push(("Allow", "GET, HEAD".to_owned()));
        return Routed::Reply(reply);
    }
    let request = match paths::parse(url) {
        Ok(request) => request,
        Err(BadPath::Traversal) => {
            return Routed::Reply(Reply::text(
                400,
                "Refused: the path climbs out of the site with \"..\".\n",
            ));
        }
        Err(BadPath::Malformed | BadPath::NotAPath) => {
            return Routed::Reply(Reply::text(
                400,
                "Refused: the path is not a usable URL path.\n",
            ));
        }
    };
    if format!("/{}", request.path) == EVENTS_PATH {
        return Routed::Events;
    }
    let live = shared.live();
    let version = shared.version(live.generation);
    let Some(good) = &live.good else {
        // Nothing has built since the server started: say why, and reload
        // when that changes.
        let problems = live.problems.clone().unwrap_or_default();
        let page = overlay::error_page(&problems);
        return Routed::Reply(html(500, page.into_bytes(), None, &version));
    };
    let problems = live.problems.as_deref();
    let path = request.path.as_str();
    let key = routes::index_file(path);
    if let Some(found) = find(shared, good, &key) {
        let kind = paths::content_type(&key);
        return Routed::Reply(match found {
            Found::Bytes(bytes) if kind.starts_with("text/html") => {
                html(200, bytes.to_vec(), problems, &version)
            }
            Found::Bytes(bytes) => Reply {
                status: 200,
                headers: headers(kind),
                body: bytes.to_vec(),
            },
            // The page as it was before, with why it is not new; or, if
            // it was never shown, the problems alone.
            Found::Failed {
                problems, earlier, ..
            } => match earlier {
                Some(bytes) if kind.starts_with("text/html") => {
                    html(200, bytes.to_vec(), Some(&problems), &version)
                }
                _ => {
                    let page = overlay::error_page(&problems);
                    html(500, page.into_bytes(), None, &version)
                }
            },
        });
    }
    if !path.is_empty()
        && !path.ends_with('/')
        && good.has_page(&routes::index_file(&format!("{path}/")))
    {
        let location = format!("/{}/{}", encode_path(path), request.query);
        let mut reply = Reply::text(301, &format!("Moved to {location}\n"));
        reply.headers.push(("Location", location));
        return Routed::Reply(reply);
    }
    match find(shared, good, &Route::NotFound.path()) {
        Some(Found::Bytes(page)) => Routed::Reply(html(404, page.to_vec(), problems, &version)),
        _ => Routed::Reply(Reply::text(404, "Not found.\n")),
    }
}

/// What is at output path `key`: a page or feed (rendered now if it was
/// not yet), a theme static or a document. Says so in the terminal the
/// first time a page fails to render.
fn find(shared: &Shared, good: &ServedSite, key: &str) -> Option<Found> {
    if let Some(found) = good.rendered(key) {
        if let Found::Failed {
            problems,
            first: true,
            ..
        } = &found
        {
            shared.report(&ServeEvent::PageFailed {
                path: key.to_owned(),
                problems: Diagnostics::clone(problems),
            });
        }
        return Some(found);
    }
    good.asset(key).map(|bytes| Found::Bytes(bytes.into()))
}

/// An HTML answer with the reload script, and the error overlay listing
/// `problems` (while the last rebuild failed, or the page could not render).
fn html(status: u16, page: Vec<u8>, problems: Option<&Diagnostics>, version: &str) -> Reply {
    let mut extra = String::new();
    if let Some(problems) = problems {
        extra.push_str(&overlay::overlay(problems));
    }
    extra.push_str(&reload::script(version));
    Reply {
        status,
        headers: headers("text/html; charset=utf-8"),
        body: inject(page, &extra),
    }
}

/// Puts `extra` before the last `</body>`, or at the end without one.
pub(crate) fn inject(mut page: Vec<u8>, extra: &str) -> Vec<u8> {
    let at = page
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(page.len());
    page.splice(at..at, extra.bytes());
    page
}

/// Percent-encodes a decoded path for a `Location` header.
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_before_the_last_body_end() {
        let page = b"<html><body><p>x</p></BODY></html>".to_vec();
        assert_eq!(
            String::from_utf8(inject(page, "<s>")).unwrap(),
            "<html><body><p>x</p><s></BODY></html>"
        );
        assert_eq!(
            String::from_utf8(inject(b"<p>x</p>".to_vec(), "<s>")).unwrap(),
            "<p>x</p><s>"
        );
    }

    #[test]
    fn encodes_redirect_paths() {
        assert_eq!(encode_path("locations/st mary's"), "locations/st%20mary's");
        assert_eq!(encode_path("tŷ"), "t%C5%B7");
    }
}
