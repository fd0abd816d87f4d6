//! Live reload: a Server-Sent Events channel at [`EVENTS_PATH`] that tells
//! open tabs to reload after each rebuild, and the small script injected
//! into every HTML page to listen to it.
//!
//! Each page carries the version it was served at (the server's id and the
//! build's generation). On connecting, the channel first says `hello` with
//! the current version, so a page that missed a rebuild, or whose server
//! was restarted, reloads at once; after that a `reload` event follows
//! every rebuild. The browser's EventSource reconnects by itself when the
//! server goes away, and the script starts a new one if it gives up.

use std::io::{ErrorKind, Write};
use std::net::TcpStream;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The path of the reload channel.
pub const EVENTS_PATH: &str = crate::routes::SERVE_EVENTS;

/// The most channels open at once. A tab beyond them still shows its
/// pages; it is refused the channel (503), and its script asks again a
/// second later, so it gets one as soon as another tab closes.
pub const MAX_CHANNELS: usize = 64;

/// How often the hub looks for closed tabs.
pub const TICK: Duration = Duration::from_secs(1);

/// How often an idle channel sends a comment, so that a tab that went away
/// without closing its connection is noticed, and proxies keep it open.
const HEARTBEAT: Duration = Duration::from_secs(15);

/// The answer's head: an event stream, chunked so that the connection
/// stays well formed when the stream ends.
const STREAM_HEAD: &str = "HTTP/1.1 200 OK\r\n\
                           Content-Type: text/event-stream; charset=utf-8\r\n\
                           Cache-Control: no-store\r\n\
                           X-Accel-Buffering: no\r\n\
                           Transfer-Encoding: chunked\r\n\r\n";

/// What the channel says to the open tabs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The site was rebuilt (or failed to); the data is the new version.
    Reload(String),
}

/// The open channels, one per browser tab, all held here without a thread
/// each: every write is non-blocking, and a tab that cannot take one at
/// once (its connection full, or gone) is closed.
#[derive(Default)]
pub struct Hub {
    channels: Mutex<Channels>,
}

#[derive(Default)]
struct Channels {
    open: Vec<TcpStream>,
    last_heartbeat: Option<Instant>,
    /// The server is stopping: no new channels.
    closed: bool,
}

impl Hub {
    /// Makes `stream` (whose request was read) a reload channel: answers
    /// it and says `hello` with the version `version` gives. Gives the
    /// stream back if [`MAX_CHANNELS`] are open.
    pub fn open(
        &self,
        mut stream: TcpStream,
        version: impl FnOnce() -> String,
    ) -> Result<(), TcpStream> {
        let mut channels = self.lock();
        if channels.closed {
            return Err(stream);
        }
        if channels.open.len() >= MAX_CHANNELS {
            channels.open.retain(is_open);
        }
        if channels.open.len() >= MAX_CHANNELS {
            return Err(stream);
        }
        // The version is read under the lock that broadcasts take, so a
        // rebuild recorded after it is announced on this channel too.
        let hello = format!("retry: 1000\nevent: hello\ndata: {}\n\n", version());
        let said = stream.set_nonblocking(true).is_ok()
            && stream.write_all(STREAM_HEAD.as_bytes()).is_ok()
            && send_chunk(&mut stream, &hello).is_ok();
        if said {
            channels.open.push(stream);
        }
        Ok(())
    }

    /// Sends to every open channel, closing those that cannot take it.
    pub fn broadcast(&self, message: &Message) {
        let Message::Reload(version) = message;
        let text = format!("event: reload\ndata: {version}\n\n");
        self.lock()
            .open
            .retain_mut(|stream| send_chunk(stream, &text).is_ok());
    }

    /// Closes the channels whose tabs went away, and now and then sends a
    /// comment on the others. Called every [`TICK`].
    pub fn tick(&self) {
        let mut channels = self.lock();
        channels.open.retain(is_open);
        let due = channels
            .last_heartbeat
            .is_none_or(|last| last.elapsed() >= HEARTBEAT);
        if due {
            channels.last_heartbeat = Some(Instant::now());
            channels
                .open
                .retain_mut(|stream| send_chunk(stream, ": still here\n\n").is_ok());
        }
    }

    /// Ends every channel (the server is stopping).
    pub fn close(&self) {
        let mut channels = self.lock();
        channels.closed = true;
        for mut stream in channels.open.drain(..) {
            let _ = stream.write_all(b"0\r\n\r\n");
        }
    }

    /// How many channels are open.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.lock().open.len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Channels> {
        self.channels
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Whether the tab is still there. A browser sends nothing more on an
/// event stream, so anything it sends, or its end, means it is done.
fn is_open(stream: &TcpStream) -> bool {
    let mut byte = [0u8; 1];
    matches!(stream.peek(&mut byte), Err(err) if err.kind() == ErrorKind::WouldBlock)
}

/// One chunk of the stream, written at once or not at all: a connection
/// whose buffer is full has a tab that stopped reading.
fn send_chunk(out: &mut TcpStream, text: &str) -> std::io::Result<()> {
    let chunk = format!("{:x}\r\n{text}\r\n", text.len());
    out.write_all(chunk.as_bytes())
}

/// The script that reloads the page, for a page served at `version`.
pub fn script(version: &str) -> String {
    format!(
        r#"<script data-careers-serve>
(function () {{
  var version = "{version}";
  function connect() {{
    if (!window.EventSource) return;
    var source = new EventSource("{EVENTS_PATH}");
    source.addEventListener("hello", function (event) {{
      if (event.data !== version) location.reload();
    }});
    source.addEventListener("reload", function () {{ location.reload(); }});
    source.onerror = function () {{
      if (source.readyState === 2) setTimeout(connect, 1000);
    }};
  }}
  connect();
}})();
</script>
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;
    use std::net::TcpListener;

    /// A connected pair on loopback: (the browser's end, the server's end).
    fn pair() -> (TcpStream, TcpStream) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let browser = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        browser
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        (browser, server)
    }

    fn read_some(browser: &mut TcpStream, needle: &str) -> String {
        let mut seen = Vec::new();
        let mut buf = [0; 1024];
        while !String::from_utf8_lossy(&seen).contains(needle) {
            let n = browser.read(&mut buf).unwrap();
            assert!(n > 0, "ended before {needle}");
            seen.extend_from_slice(&buf[..n]);
        }
        String::from_utf8(seen).unwrap()
    }

    #[test]
    fn says_hello_announces_rebuilds_and_ends_cleanly() {
        let hub = Hub::default();
        let (mut browser, server) = pair();
        hub.open(server, || "x-1".into()).unwrap();
        let text = read_some(&mut browser, "data: x-1\n\n");
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(text.contains("Transfer-Encoding: chunked\r\n\r\n"));
        hub.broadcast(&Message::Reload("x-2".into()));
        read_some(&mut browser, "event: reload\ndata: x-2\n\n\r\n");
        hub.close();
        let mut rest = Vec::new();
        browser.read_to_end(&mut rest).unwrap();
        assert_eq!(rest, b"0\r\n\r\n");
        assert_eq!(hub.len(), 0);
    }

    #[test]
    fn closed_tabs_are_forgotten_and_free_their_place() {
        let hub = Hub::default();
        let mut browsers = Vec::new();
        for _ in 0..MAX_CHANNELS {
            let (browser, server) = pair();
            hub.open(server, || "v".into()).unwrap();
            browsers.push(browser);
        }
        let (_late, server) = pair();
        assert!(hub.open(server, || "v".into()).is_err(), "one too many");
        drop(browsers.pop());
        // Noticed by the next tick, or by the next tab asking.
        let (_next, server) = pair();
        hub.open(server, || "v".into()).unwrap();
        drop(browsers.pop());
        hub.tick();
        assert_eq!(hub.len(), MAX_CHANNELS - 1);
    }
}
