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

use std::io::Write;
use std::sync::Mutex;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

/// The path of the reload channel.
pub const EVENTS_PATH: &str = crate::routes::SERVE_EVENTS;

/// How often an idle channel sends a comment, so a closed tab is noticed.
const HEARTBEAT: Duration = Duration::from_secs(15);

/// What the channel says to the open tabs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The site was rebuilt (or failed to); the data is the new version.
    Reload(String),
}

/// The open channels, one per browser tab.
#[derive(Default)]
pub struct Hub {
    subscribers: Mutex<Vec<Sender<Message>>>,
}

impl Hub {
    pub fn subscribe(&self) -> Receiver<Message> {
        let (tx, rx) = mpsc::channel();
        self.lock().push(tx);
        rx
    }

    /// Sends to every open channel, forgetting the closed ones.
    pub fn broadcast(&self, message: &Message) {
        self.lock().retain(|tx| tx.send(message.clone()).is_ok());
    }

    /// Ends every channel (the server is stopping).
    pub fn close(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Sender<Message>>> {
        self.subscribers
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Writes an event stream to `out` (the raw connection) until the hub
/// closes or the browser goes away. The body is chunked so the connection
/// stays well formed when the stream ends.
pub fn stream(mut out: Box<dyn Write + Send>, messages: Receiver<Message>, version: &str) {
    let head = "HTTP/1.1 200 OK\r\n\
                Content-Type: text/event-stream; charset=utf-8\r\n\
                Cache-Control: no-store\r\n\
                X-Accel-Buffering: no\r\n\
                Transfer-Encoding: chunked\r\n\r\n";
    let hello = format!("retry: 1000\nevent: hello\ndata: {version}\n\n");
    if out.write_all(head.as_bytes()).is_err() || send_chunk(&mut out, &hello).is_err() {
        return;
    }
    loop {
        let text = match messages.recv_timeout(HEARTBEAT) {
            Ok(Message::Reload(version)) => format!("event: reload\ndata: {version}\n\n"),
            Err(RecvTimeoutError::Timeout) => ": still here\n\n".to_owned(),
            Err(RecvTimeoutError::Disconnected) => {
                let _ = out.write_all(b"0\r\n\r\n").and_then(|()| out.flush());
                return;
            }
        };
        if send_chunk(&mut out, &text).is_err() {
            return;
        }
    }
}

fn send_chunk(out: &mut dyn Write, text: &str) -> std::io::Result<()> {
    write!(out, "{:x}\r\n{text}\r\n", text.len())?;
    out.flush()
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

    #[test]
    fn broadcast_forgets_closed_channels() {
        let hub = Hub::default();
        let kept = hub.subscribe();
        drop(hub.subscribe());
        hub.broadcast(&Message::Reload("a-1".into()));
        assert_eq!(hub.lock().len(), 1);
        assert_eq!(kept.try_recv(), Ok(Message::Reload("a-1".into())));
        hub.close();
        assert!(kept.recv().is_err());
    }

    #[test]
    fn stream_is_chunked_and_ends_cleanly() {
        #[derive(Clone, Default)]
        struct Sink(std::sync::Arc<Mutex<Vec<u8>>>);
        impl Write for Sink {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(buf);
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let sink = Sink::default();
        let (tx, rx) = mpsc::channel();
        tx.send(Message::Reload("x-2".into())).unwrap();
        drop(tx);
        stream(Box::new(sink.clone()), rx, "x-1");
        let text = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(text.contains("event: hello\ndata: x-1\n\n"));
        assert!(text.contains("event: reload\ndata: x-2\n\n"));
        assert!(text.ends_with("0\r\n\r\n"));
    }
}
