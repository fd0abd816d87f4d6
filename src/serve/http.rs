//! Just enough HTTP/1.1 for a preview that serves GET and HEAD on
//! 127.0.0.1: one request per connection, its head read with a size limit
//! and a deadline, request bodies refused beyond a few bytes, one answer
//! written with a deadline, then the connection closed.
//!
//! The limits are what keep a careless or hostile client (a 200 MB
//! header, a client sending one byte a second) from holding memory or a
//! worker for long: nothing a client sends is kept beyond [`MAX_HEAD`].

use std::io::{self, ErrorKind, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

/// A finished answer, before it is written to the connection.
#[derive(Debug)]
pub(crate) struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub(crate) fn text(status: u16, body: &str) -> Self {
        Reply {
            status,
            headers: headers("text/plain; charset=utf-8"),
            body: body.as_bytes().to_vec(),
        }
    }
}

/// The headers of every answer: its type, never cached (a preview must
/// always show the latest build), never sniffed.
pub(crate) fn headers(content_type: &str) -> Vec<(&'static str, String)> {
    vec![
        ("Content-Type", content_type.to_owned()),
        ("Cache-Control", "no-store".to_owned()),
        ("X-Content-Type-Options", "nosniff".to_owned()),
    ]
}

/// The most a request line and its headers may take. Browsers send a few
/// hundred bytes, more with many cookies for 127.0.0.1.
pub const MAX_HEAD: usize = 32 * 1024;
/// The longest request body accepted (and thrown away): GET and HEAD
/// carry none, but a client may send a few bytes anyway.
pub const MAX_BODY: u64 = 1024;
/// How long a client has to send its whole request, from when a worker
/// takes the connection.
pub const REQUEST_DEADLINE: Duration = Duration::from_secs(10);
/// How long writing one answer may take.
pub const ANSWER_DEADLINE: Duration = Duration::from_secs(30);

/// A request's line, once its head was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestHead {
    pub method: String,
    /// The request target as sent: `/jobs/?page=2`.
    pub target: String,
}

/// Why a request is refused before it is routed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not HTTP/1.x, or a header line that cannot be read.
    Malformed,
    /// The head is longer than [`MAX_HEAD`].
    HeadTooLarge,
    /// A body longer than [`MAX_BODY`], or one of unknown length.
    BodyTooLarge,
    /// The request did not arrive within [`REQUEST_DEADLINE`].
    TooSlow,
}

impl Refusal {
    pub fn reply(self) -> Reply {
        let (status, message) = match self {
            Refusal::Malformed => (400, "Refused: this is not an HTTP/1.1 request.\n"),
            Refusal::HeadTooLarge => (
                431,
                "Refused: the request's headers are too large for this preview.\n",
            ),
            Refusal::BodyTooLarge => (
                413,
                "Refused: this preview only shows pages and accepts no uploads.\n",
            ),
            Refusal::TooSlow => (408, "Refused: the request took too long to arrive.\n"),
        };
        Reply::text(status, message)
    }
}

/// What came in on a connection.
#[derive(Debug, PartialEq, Eq)]
pub enum Incoming {
    Request(RequestHead),
    Refused(Refusal),
    /// The client went away, or sent nothing at all.
    Gone,
}

/// Reads one request from `stream`: its head, and a short body (thrown
/// away). Keeps at most [`MAX_HEAD`] and a read's worth of bytes.
pub fn read_request(stream: &mut TcpStream, deadline: Instant) -> Incoming {
    let mut head = Vec::with_capacity(4096);
    let mut buf = [0u8; 4096];
    let end = loop {
        if let Some(end) = head_end(&head) {
            break end;
        }
        if head.len() >= MAX_HEAD {
            return Incoming::Refused(Refusal::HeadTooLarge);
        }
        match read_by(stream, &mut buf, deadline) {
            Ok(0) if head.is_empty() => return Incoming::Gone,
            Ok(0) => return Incoming::Refused(Refusal::Malformed),
            Ok(n) => head.extend_from_slice(&buf[..n]),
            Err(err) if is_timeout(&err) && head.is_empty() => return Incoming::Gone,
            Err(err) if is_timeout(&err) => return Incoming::Refused(Refusal::TooSlow),
            Err(_) => return Incoming::Gone,
        }
    };
    let (request, body) = match parse_head(&head[..end]) {
        Ok(parsed) => parsed,
        Err(refusal) => return Incoming::Refused(refusal),
    };
    // What came after the head is the start of the body.
    let mut left = body.saturating_sub((head.len() - end) as u64);
    while left > 0 {
        match read_by(stream, &mut buf, deadline) {
            Ok(0) => return Incoming::Gone,
            Ok(n) => left = left.saturating_sub(n as u64),
            Err(err) if is_timeout(&err) => return Incoming::Refused(Refusal::TooSlow),
            Err(_) => return Incoming::Gone,
        }
    }
    Incoming::Request(request)
}

/// Where the head ends (after its blank line), if it has.
fn head_end(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    while let Some(found) = bytes[at..].iter().position(|&b| b == b'\n') {
        let next = at + found + 1;
        match &bytes[next..] {
            [b'\n', ..] => return Some(next + 1),
            [b'\r', b'\n', ..] => return Some(next + 2),
            _ => at = next,
        }
    }
    None
}

/// The request line, and the length of the body that follows.
fn parse_head(head: &[u8]) -> Result<(RequestHead, u64), Refusal> {
    let mut lines = head
        .split(|&b| b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
        .filter(|line| !line.is_empty());
    let first = lines.next().ok_or(Refusal::Malformed)?;
    let first = std::str::from_utf8(first).map_err(|_| Refusal::Malformed)?;
    let mut parts = first.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Refusal::Malformed);
    };
    let is_token = !method.is_empty() && method.bytes().all(|b| b.is_ascii_uppercase());
    if !is_token || target.is_empty() || !matches!(version, "HTTP/1.1" | "HTTP/1.0") {
        return Err(Refusal::Malformed);
    }
    let mut length: Option<u64> = None;
    for line in lines {
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return Err(Refusal::Malformed);
        };
        let (name, value) = (&line[..colon], line[colon + 1..].trim_ascii());
        if name.is_empty() || name.iter().any(|b| b.is_ascii_whitespace()) {
            // Also refuses folded lines, which start with a space.
            return Err(Refusal::Malformed);
        }
        if name.eq_ignore_ascii_case(b"transfer-encoding") {
            // A body of unknown length: never needed for GET or HEAD.
            return Err(Refusal::BodyTooLarge);
        }
        if name.eq_ignore_ascii_case(b"content-length") {
            let parsed = std::str::from_utf8(value)
                .ok()
                .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|v| v.parse::<u64>().ok());
            match (parsed, length) {
                (None, _) => return Err(Refusal::Malformed),
                (Some(new), Some(old)) if new != old => return Err(Refusal::Malformed),
                (Some(new), _) => length = Some(new),
            }
        }
    }
    let body = length.unwrap_or(0);
    if body > MAX_BODY {
        return Err(Refusal::BodyTooLarge);
    }
    let request = RequestHead {
        method: method.to_owned(),
        target: target.to_owned(),
    };
    Ok((request, body))
}

/// Writes `reply` (its body left out for a HEAD request) and closes the
/// connection.
pub fn answer(mut stream: TcpStream, reply: &Reply, head_only: bool) {
    let deadline = Instant::now() + ANSWER_DEADLINE;
    let mut head = format!("HTTP/1.1 {} {}\r\n", reply.status, reason(reply.status));
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        reply.body.len()
    ));
    let body: &[u8] = if head_only { &[] } else { &reply.body };
    // A browser that went away mid-answer is not a problem.
    let _ = write_by(&mut stream, head.as_bytes(), deadline)
        .and_then(|()| write_by(&mut stream, body, deadline));
    let _ = stream.shutdown(Shutdown::Write);
}

/// Answers a refused request and closes the connection, first reading
/// (and throwing away) a little of what the client is still sending, so
/// that it sees the answer rather than a reset connection.
pub fn refuse(mut stream: TcpStream, refusal: Refusal) {
    let deadline = Instant::now() + Duration::from_millis(500);
    if let Ok(copy) = stream.try_clone() {
        answer(copy, &refusal.reply(), false);
    }
    let mut buf = [0u8; 4096];
    let mut drained = 0;
    while drained < 256 * 1024 {
        match read_by(&mut stream, &mut buf, deadline) {
            Ok(0) | Err(_) => break,
            Ok(n) => drained += n,
        }
    }
}

/// One read, waiting no later than `deadline`.
fn read_by(stream: &mut TcpStream, buf: &mut [u8], deadline: Instant) -> io::Result<usize> {
    stream.set_read_timeout(Some(remaining(deadline)?))?;
    stream.read(buf)
}

/// Writes all of `bytes`, giving up at `deadline` however slowly the
/// client reads.
fn write_by(stream: &mut TcpStream, mut bytes: &[u8], deadline: Instant) -> io::Result<()> {
    while !bytes.is_empty() {
        stream.set_write_timeout(Some(remaining(deadline)?))?;
        let upto = bytes.len().min(64 * 1024);
        match stream.write(&bytes[..upto]) {
            Ok(0) => return Err(ErrorKind::WriteZero.into()),
            Ok(n) => bytes = &bytes[n..],
            Err(err) if err.kind() == ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    Ok(())
}

fn remaining(deadline: Instant) -> io::Result<Duration> {
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        Err(ErrorKind::TimedOut.into())
    } else {
        Ok(left)
    }
}

fn is_timeout(err: &io::Error) -> bool {
    matches!(err.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut)
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_end_of_a_head() {
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nA: b\r\n\r\nbody"), Some(24));
        assert_eq!(head_end(b"GET / HTTP/1.1\nA: b\n\nbody"), Some(21));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nA: b\r\n"), None);
    }

    #[test]
    fn parses_the_request_line_and_body_length() {
        let (head, body) =
            parse_head(b"GET /jobs/?page=2 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\n")
                .unwrap();
        assert_eq!(head.method, "GET");
        assert_eq!(head.target, "/jobs/?page=2");
        assert_eq!(body, 3);
    }

    #[test]
    fn refuses_what_is_not_a_plain_request() {
        for (head, refusal) in [
            (&b"GET /\r\n\r\n"[..], Refusal::Malformed),
            (b"GET / HTTP/2.0\r\n\r\n", Refusal::Malformed),
            (b"get / HTTP/1.1\r\n\r\n", Refusal::Malformed),
            (b"GET / HTTP/1.1\r\nno colon\r\n\r\n", Refusal::Malformed),
            (
                b"GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n",
                Refusal::Malformed,
            ),
            (
                b"GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
                Refusal::Malformed,
            ),
            (
                b"GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
                Refusal::Malformed,
            ),
            (
                b"GET / HTTP/1.1\r\nContent-Length: 1025\r\n\r\n",
                Refusal::BodyTooLarge,
            ),
            (
                b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
                Refusal::BodyTooLarge,
            ),
        ] {
            assert_eq!(
                parse_head(head).unwrap_err(),
                refusal,
                "{}",
                String::from_utf8_lossy(head)
            );
        }
    }
}
