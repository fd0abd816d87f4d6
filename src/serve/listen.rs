//! Accepting connections on 127.0.0.1 and answering them on a fixed pool
//! of workers, so that the number of threads never depends on how many
//! clients connect.
//!
//! One thread accepts and queues connections; [`WORKERS`] threads take
//! them one at a time. When the queue is full the connection is answered
//! 503 at once and closed. Each worker is held by one request for at most
//! the request and answer deadlines of `http.rs`; a reload channel is
//! handed over to the hub in `reload.rs`, which holds them all without a
//! thread each.

use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use super::{Shared, server};

/// Threads answering requests. A page and its styles and images arrive on
/// a browser's six connections at most; the rest is headroom for a few
/// slow clients.
pub const WORKERS: usize = 8;
/// Connections waiting for a worker before new ones are turned away.
pub const QUEUE: usize = 32;

/// The accepting thread's name.
pub const ACCEPT_THREAD: &str = "careers-accept";

/// Starts the accepting thread and the workers. They end once `stopping`
/// is set and [`wake`] has been called.
pub(crate) fn spawn(
    listener: TcpListener,
    shared: &Arc<Shared>,
    stopping: &Arc<AtomicBool>,
) -> std::io::Result<Vec<JoinHandle<()>>> {
    let (queue, waiting) = mpsc::sync_channel::<TcpStream>(QUEUE);
    let waiting = Arc::new(Mutex::new(waiting));
    let mut threads = Vec::with_capacity(WORKERS + 1);
    for n in 0..WORKERS {
        let waiting = Arc::clone(&waiting);
        let shared = Arc::clone(shared);
        let thread = thread::Builder::new()
            .name(format!("careers-http-{n}"))
            .spawn(move || {
                while let Some(stream) = next(&waiting) {
                    server::answer(&shared, stream);
                }
            })?;
        threads.push(thread);
    }
    let stopping = Arc::clone(stopping);
    let thread = thread::Builder::new()
        .name(ACCEPT_THREAD.into())
        .spawn(move || {
            for stream in listener.incoming() {
                if stopping.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else {
                    // Out of file handles, most likely: let some close.
                    thread::sleep(Duration::from_millis(50));
                    continue;
                };
                match queue.try_send(stream) {
                    Ok(()) => {}
                    Err(TrySendError::Full(stream)) => busy(stream),
                    Err(TrySendError::Disconnected(_)) => break,
                }
            }
            // Dropping the queue ends the workers once it is empty.
        })?;
    threads.push(thread);
    Ok(threads)
}

/// Unblocks the accepting thread, so it sees that the server is stopping.
pub(crate) fn wake(addr: SocketAddr) -> bool {
    TcpStream::connect_timeout(&addr, Duration::from_secs(1)).is_ok()
}

fn next(waiting: &Mutex<Receiver<TcpStream>>) -> Option<TcpStream> {
    let waiting = waiting.lock().unwrap_or_else(|p| p.into_inner());
    waiting.recv().ok()
}

/// Turns a connection away without reading it, never blocking the
/// accepting thread: a fresh connection's send buffer takes the answer.
fn busy(mut stream: TcpStream) {
    let _ = stream.set_nonblocking(true);
    let _ = stream.write_all(
        b"HTTP/1.1 503 Service Unavailable\r\n\
          Content-Type: text/plain; charset=utf-8\r\n\
          Retry-After: 1\r\n\
          Content-Length: 43\r\n\
          Connection: close\r\n\r\n\
          The preview is busy; try again in a moment.",
    );
}
