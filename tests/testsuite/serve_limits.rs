//! `careers serve` under hostile or careless clients: the binary runs in a
//! child process (so its memory and threads can be read in /proc), on a
//! free port of 127.0.0.1, with a fixture site in a temporary folder.
//! Every loop here is bounded in count and time.

use std::fs;
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use tempfile::TempDir;

const EVENTS_PATH: &str = careers::serve::EVENTS_PATH;

fn site() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let jobs = dir.path().join("content/jobs");
    fs::create_dir_all(&jobs).unwrap();
    fs::write(
        dir.path().join("content/site.yaml"),
        "title: Limits Trust careers\nbase_url: https://careers.example.nhs.uk/\nemployer: Limits NHS Trust\n",
    )
    .unwrap();
    fs::write(jobs.join("porter.md"), job("Hospital Porter")).unwrap();
    dir
}

fn job(title: &str) -> String {
    format!(
        "---\ntitle: {title}\nreference: HP-1\nband: 2\nsalary: {{ min: 24071, max: 25674 }}\nlocation: Dartford\nposted: 2026-11-01\ncloses: 2026-12-31\n---\n## Job summary\n\nA job called {title}.\n"
    )
}

/// `careers serve` in a child process, killed when dropped.
struct Served {
    child: Child,
    port: u16,
}

impl Served {
    fn start(root: &std::path::Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_careers"))
            .args(["serve", "--port", "0", "--now", "2026-11-23", "--root"])
            .arg(root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("careers serve starts");
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut port = None;
        let mut line = String::new();
        while port.is_none() {
            line.clear();
            assert!(out.read_line(&mut line).unwrap() > 0, "serve said no port");
            port = line
                .trim()
                .strip_prefix("serving the site at http://127.0.0.1:")
                .and_then(|rest| rest.trim_end_matches('/').parse().ok());
        }
        // Keep reading what it prints, so it never blocks on a full pipe.
        thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
        Self {
            child,
            port: port.unwrap(),
        }
    }

    fn status_field(&self, field: &str) -> u64 {
        let status = fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        status
            .lines()
            .find_map(|line| line.strip_prefix(field)?.trim().strip_suffix("kB"))
            .and_then(|kb| kb.trim().parse().ok())
            .unwrap_or_else(|| panic!("{field} in {status}"))
    }

    /// The most memory the server has held at once, in kB.
    fn peak_memory_kb(&self) -> u64 {
        self.status_field("VmHWM:")
    }

    fn threads(&self) -> usize {
        fs::read_dir(format!("/proc/{}/task", self.child.id()))
            .unwrap()
            .count()
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream
            .set_write_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream
    }

    /// Sends `head` (ending in a blank line) and reads the whole answer.
    fn ask(&self, head: &str) -> String {
        let mut stream = self.connect();
        stream.write_all(head.as_bytes()).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        String::from_utf8_lossy(&raw).into_owned()
    }

    fn get(&self, path: &str) -> String {
        self.ask(&format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        ))
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn status_of(answer: &str) -> &str {
    answer.split(' ').nth(1).unwrap_or("none")
}

#[test]
fn a_huge_request_head_is_refused_without_being_kept_in_memory() {
    let dir = site();
    let served = Served::start(dir.path());
    assert_eq!(status_of(&served.get("/")), "200");
    let peak_before = served.peak_memory_kb();

    let mut stream = served.connect();
    let answered = Arc::new(AtomicBool::new(false));
    let reader = {
        let mut stream = stream.try_clone().unwrap();
        let answered = Arc::clone(&answered);
        thread::spawn(move || {
            let mut answer = Vec::new();
            let mut buf = [0; 4096];
            loop {
                match stream.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        answer.extend_from_slice(&buf[..n]);
                        answered.store(true, Ordering::SeqCst);
                    }
                    Err(_) => break,
                }
            }
            answered.store(true, Ordering::SeqCst);
            String::from_utf8_lossy(&answer).into_owned()
        })
    };

    // 200 MB of one header, sent until the server has answered.
    const TOTAL: usize = 200 << 20;
    let chunk = vec![b'a'; 64 << 10];
    let mut sent = 0;
    let started = Instant::now();
    let mut write = |bytes: &[u8], sent: &mut usize| match stream.write_all(bytes) {
        Ok(()) => {
            *sent += bytes.len();
            true
        }
        Err(_) => false,
    };
    write(
        b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: ",
        &mut sent,
    );
    while sent < TOTAL
        && !answered.load(Ordering::SeqCst)
        && started.elapsed() < Duration::from_secs(60)
    {
        if !write(&chunk, &mut sent) {
            break;
        }
    }
    let answer = reader.join().unwrap();
    eprintln!(
        "sent {} kB before the server answered; its peak memory grew by {} kB",
        sent >> 10,
        served.peak_memory_kb().saturating_sub(peak_before)
    );
    assert!(
        sent < 64 << 20,
        "the server read {} MB of header without refusing it",
        sent >> 20
    );
    assert_eq!(status_of(&answer), "431", "{answer}");
    let grew = served.peak_memory_kb().saturating_sub(peak_before);
    assert!(grew < 16 << 10, "the server's memory grew by {grew} kB");
    // And it still serves.
    assert_eq!(status_of(&served.get("/")), "200");
}

#[test]
fn request_bodies_beyond_a_small_limit_are_refused() {
    let dir = site();
    let served = Served::start(dir.path());
    // A GET may carry a short body (it is ignored)...
    let small = served.ask(
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: 5\r\n\r\nhello",
    );
    assert_eq!(status_of(&small), "200", "{small}");
    // ...but a large one is refused at once, before it is sent.
    let mut stream = served.connect();
    write!(
        stream,
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000000\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    let _ = BufReader::new(stream).read_line(&mut answer);
    assert_eq!(status_of(&answer), "413", "{answer}");
    for upload in [
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
    ] {
        let mut stream = served.connect();
        stream.write_all(upload.as_bytes()).unwrap();
        let mut answer = String::new();
        let _ = BufReader::new(stream).read_line(&mut answer);
        assert!(
            matches!(status_of(&answer), "400" | "411" | "413"),
            "{upload:?}: {answer}"
        );
    }
    assert_eq!(status_of(&served.get("/")), "200");
}

/// Reads from `stream` until `needle` arrives; false if it does not
/// within `limit` or the stream ends.
fn read_until(stream: &mut TcpStream, needle: &str, limit: Duration) -> bool {
    let start = Instant::now();
    let mut seen = Vec::new();
    let mut buf = [0; 1024];
    stream
        .set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    while start.elapsed() < limit {
        match stream.read(&mut buf) {
            Ok(0) => return false,
            Ok(n) => {
                seen.extend_from_slice(&buf[..n]);
                if String::from_utf8_lossy(&seen).contains(needle) {
                    return true;
                }
            }
            Err(err) if matches!(err.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => return false,
        }
    }
    false
}

/// Asks for the reload channel. A server that is busy may already have
/// closed the connection, which the reading then tells.
fn open_events(served: &Served) -> TcpStream {
    let mut stream = served.connect();
    let _ = write!(
        stream,
        "GET {EVENTS_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    );
    stream
}

#[test]
fn many_reload_connections_do_not_take_a_thread_each() {
    let dir = site();
    let served = Served::start(dir.path());
    assert_eq!(status_of(&served.get("/")), "200");
    let threads_before = served.threads();

    let mut streams: Vec<TcpStream> = (0..300).map(|_| open_events(&served)).collect();
    // Each is answered at once: the stream's hello, or a refusal.
    let mut listening = Vec::new();
    let mut most_threads = served.threads();
    for mut stream in streams.drain(..) {
        let hello = read_until(&mut stream, "event: hello\n", Duration::from_secs(2));
        most_threads = most_threads.max(served.threads());
        if hello {
            listening.push(stream);
        }
    }
    eprintln!(
        "{} of 300 reload channels open; {threads_before} threads before, at most {most_threads} with them",
        listening.len()
    );
    assert!(
        most_threads <= threads_before + 8 && most_threads <= 48,
        "{most_threads} threads for 300 reload connections ({threads_before} before)"
    );
    assert!(listening.len() >= 16, "only {} listening", listening.len());

    // A save still reloads every open tab.
    fs::write(
        dir.path().join("content/jobs/porter.md"),
        job("Head Porter"),
    )
    .unwrap();
    for stream in &mut listening {
        assert!(read_until(
            stream,
            "event: reload\n",
            Duration::from_secs(5)
        ));
    }

    // Closed tabs are noticed promptly: the threads are back where they
    // were, and new tabs get a channel.
    drop(listening);
    let start = Instant::now();
    loop {
        let mut fresh = open_events(&served);
        if read_until(&mut fresh, "event: hello\n", Duration::from_secs(1)) {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "no reload channel after the others closed"
        );
    }
    assert!(
        served.threads() <= threads_before + 1,
        "{}",
        served.threads()
    );
}

#[test]
fn a_slow_client_is_cut_off_and_does_not_hold_up_others() {
    let dir = site();
    let served = Served::start(dir.path());
    // A few clients that send their request one byte every half second.
    let slow: Vec<_> = (0..4)
        .map(|_| {
            let mut stream = served.connect();
            thread::spawn(move || {
                let start = Instant::now();
                let _ = stream.write_all(b"GET / HTTP/1.1\r\n");
                stream
                    .set_read_timeout(Some(Duration::from_millis(500)))
                    .unwrap();
                let mut buf = [0; 256];
                while start.elapsed() < Duration::from_secs(20) {
                    if stream.write_all(b"X").is_err() {
                        break;
                    }
                    match stream.read(&mut buf) {
                        Ok(_) => break,
                        Err(err)
                            if matches!(
                                err.kind(),
                                ErrorKind::WouldBlock | ErrorKind::TimedOut
                            ) => {}
                        Err(_) => break,
                    }
                }
                start.elapsed()
            })
        })
        .collect();
    thread::sleep(Duration::from_millis(300));
    let start = Instant::now();
    assert_eq!(status_of(&served.get("/")), "200");
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    for client in slow {
        let held = client.join().unwrap();
        assert!(
            held < Duration::from_secs(15),
            "a slow client was kept for {held:?}"
        );
    }
}
