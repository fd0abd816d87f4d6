//! `careers serve`: a server started on a free port in this process, a
//! fixture site in a temporary folder, and plain HTTP/1.1 over TcpStream.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

use careers::serve::{self, ServeOptions, ServerHandle};
use tempfile::TempDir;

const SITE_YAML: &str = "\
title: Serve Trust careers
base_url: https://careers.example.nhs.uk/careers/
employer: Serve NHS Foundation Trust
";

fn job(title: &str, reference: &str, band: &str) -> String {
    format!(
        "---\ntitle: {title}\nreference: {reference}\nband: {band}\nsalary: {{ min: 31049, max: 37796 }}\nlocation: Dartford\nposted: 2026-11-01\ncloses: 2026-12-31\n---\n## Job summary\n\nA job called {title}.\n"
    )
}

pub(crate) fn site() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(content.join("jobs")).unwrap();
    fs::create_dir_all(content.join("documents")).unwrap();
    fs::write(content.join("site.yaml"), SITE_YAML).unwrap();
    fs::write(
        content.join("jobs/staff-nurse.md"),
        job("Staff Nurse", "SN-1", "5"),
    )
    .unwrap();
    fs::write(
        content.join("jobs/porter.md"),
        job("Hospital Porter", "HP-1", "2"),
    )
    .unwrap();
    fs::write(content.join("documents/jd.pdf"), b"%PDF-1.4 tiny").unwrap();
    dir
}

pub(crate) fn start(root: &Path) -> ServerHandle {
    let mut options = ServeOptions::new(root);
    options.port = 0;
    options.build.now = Some("2026-11-23".to_owned());
    serve::start(options, |_| {}).expect("server starts")
}

/// An answer: status, headers (lowercased names) and body.
pub(crate) struct Answer {
    pub(crate) status: u16,
    headers: String,
    pub(crate) body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.lines().find_map(|line| {
            let (n, v) = line.split_once(':')?;
            n.eq_ignore_ascii_case(name).then_some(v.trim())
        })
    }
}

/// Sends `method path` exactly as written (no normalising of `..`).
pub(crate) fn request(port: u16, method: &str, path: &str) -> Answer {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").expect("a complete answer");
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status");
    Answer {
        status,
        headers: head.to_owned(),
        body: body.to_owned(),
    }
}

/// A page without the injected reload script (whose version changes).
fn without_script(page: &str) -> String {
    let start = page.find("<script data-careers-serve").expect("the script");
    let end = start + page[start..].find("</script>").unwrap() + "</script>".len();
    format!("{}{}", &page[..start], &page[end..])
}

pub(crate) fn get(port: u16, path: &str) -> Answer {
    request(port, "GET", path)
}

/// Waits up to `limit` for `ok` to hold, and says how long it took.
pub(crate) fn within(limit: Duration, what: &str, mut ok: impl FnMut() -> bool) -> Duration {
    let start = Instant::now();
    loop {
        if ok() {
            return start.elapsed();
        }
        assert!(start.elapsed() < limit, "{what}: not within {limit:?}");
        thread::sleep(Duration::from_millis(25));
    }
}

/// Rewrites a file, making sure its modification is a new event.
fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap();
}

#[test]
fn serves_pages_statics_documents_and_the_404_page() {
    let dir = site();
    let server = start(dir.path());
    let port = server.port();
    assert_eq!(server.url(), format!("http://127.0.0.1:{port}/"));

    let home = get(port, "/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(home.body.contains("Staff Nurse"));
    assert!(home.body.contains(serve::EVENTS_PATH), "reload script");
    let script = home.body.find("data-careers-serve").unwrap();
    assert!(script < home.body.rfind("</body>").unwrap());

    let page = get(port, "/jobs/staff-nurse/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Staff Nurse"));
    // Absolute links point at the local server, not base_url.
    assert!(
        page.body
            .contains(&format!("http://127.0.0.1:{port}/jobs/staff-nurse/"))
    );
    assert!(!page.body.contains("careers.example.nhs.uk"));

    let redirect = get(port, "/jobs/staff-nurse?x=1");
    assert_eq!(redirect.status, 301);
    assert_eq!(redirect.header("location"), Some("/jobs/staff-nurse/?x=1"));

    let css = get(port, "/css/careers.css");
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));

    let feed = get(port, "/feed.xml");
    assert_eq!(feed.status, 200);
    assert!(feed.header("content-type").unwrap().contains("xml"));
    assert!(!feed.body.contains("data-careers-serve"));

    let pdf = get(port, "/documents/jd.pdf");
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    assert_eq!(pdf.body, "%PDF-1.4 tiny");

    let head = request(port, "HEAD", "/jobs/porter/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());

    let missing = get(port, "/jobs/nobody/");
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(missing.body.contains("data-careers-serve"));
    assert_eq!(
        without_script(&missing.body),
        without_script(&get(port, "/deep/er/missing.css").body),
        "the theme's 404 page at any depth"
    );

    assert_eq!(request(port, "POST", "/").status, 405);
    server.stop();
}

#[test]
fn refuses_paths_that_leave_the_site() {
    let dir = site();
    fs::write(dir.path().join("secret.txt"), "secret").unwrap();
    let server = start(dir.path());
    let port = server.port();
    for path in [
        "/../Cargo.toml",
        "/../secret.txt",
        "/jobs/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/content/..%5c..%5csecret.txt",
    ] {
        let answer = get(port, path);
        assert_eq!(answer.status, 400, "{path}");
        assert!(!answer.body.contains("secret"), "{path}");
    }
    // The content folder itself is not served, only what the build made.
    assert_eq!(get(port, "/content/site.yaml").status, 404);
    assert_eq!(get(port, "/secret.txt").status, 404);
    server.stop();
}

#[test]
fn rebuilds_on_change_shows_errors_over_the_last_good_page_and_recovers() {
    let dir = site();
    let server = start(dir.path());
    let port = server.port();
    let nurse = dir.path().join("content/jobs/staff-nurse.md");

    // A change shows within 2 seconds.
    write(&nurse, &job("Senior Staff Nurse", "SN-1", "5"));
    let took = within(Duration::from_secs(2), "the new title", || {
        get(port, "/jobs/staff-nurse/")
            .body
            .contains("Senior Staff Nurse")
    });
    eprintln!("the change showed after {took:?}");

    // A mistake: the last good page, with the problems over it.
    write(&nurse, &job("Broken <Nurse>", "SN-1", "8e"));
    within(Duration::from_secs(5), "the overlay", || {
        get(port, "/jobs/staff-nurse/")
            .body
            .contains(serve::OVERLAY_HEADING)
    });
    let page = get(port, "/jobs/staff-nurse/").body;
    assert!(page.contains("Senior Staff Nurse"), "the last good page");
    assert!(page.contains("content/jobs/staff-nurse.md:4:7"), "{page}");
    assert!(page.contains("&quot;8e&quot; is not an Agenda for Change band"));
    assert!(
        page.contains("Agenda for Change bands are 1 to 7"),
        "the hint"
    );
    assert!(page.contains("band: 8e"), "the quoted line");
    assert!(!page.contains("Broken <Nurse>"));
    let overlay = page.find("careers-error-overlay").unwrap();
    assert!(overlay < page.rfind("</body>").unwrap());
    // Every page carries it while the error holds, the 404 page too.
    assert!(get(port, "/").body.contains(serve::OVERLAY_HEADING));
    assert!(get(port, "/nope/").body.contains(serve::OVERLAY_HEADING));
    // But not other files.
    assert!(!get(port, "/feed.xml").body.contains(serve::OVERLAY_HEADING));

    // Fixing the file clears it.
    write(&nurse, &job("Fixed Staff Nurse", "SN-1", "5"));
    within(Duration::from_secs(5), "the fix", || {
        let page = get(port, "/jobs/staff-nurse/").body;
        page.contains("Fixed Staff Nurse") && !page.contains(serve::OVERLAY_HEADING)
    });

    // A deleted advert's page is gone; a new one appears.
    fs::remove_file(dir.path().join("content/jobs/porter.md")).unwrap();
    within(Duration::from_secs(5), "404 for the deleted advert", || {
        get(port, "/jobs/porter/").status == 404
    });
    write(
        &dir.path().join("content/jobs/new-porter.md"),
        &job("Night Porter", "HP-2", "2"),
    );
    within(Duration::from_secs(5), "the new advert", || {
        get(port, "/jobs/new-porter/").body.contains("Night Porter")
    });
    // A renamed one moves.
    fs::rename(
        dir.path().join("content/jobs/new-porter.md"),
        dir.path().join("content/jobs/day-porter.md"),
    )
    .unwrap();
    within(Duration::from_secs(5), "the renamed advert", || {
        get(port, "/jobs/new-porter/").status == 404 && get(port, "/jobs/day-porter/").status == 200
    });
    server.stop();
}

#[test]
fn drafts_and_future_adverts_are_shown_as_previews() {
    let dir = site();
    let jobs = dir.path().join("content/jobs");
    fs::write(
        jobs.join("draft.md"),
        job("Draft Job", "D-1", "4").replacen("---\n## Job", "draft: true\n---\n## Job", 1),
    )
    .unwrap();
    fs::write(
        jobs.join("future.md"),
        job("Future Job", "F-1", "4").replace("posted: 2026-11-01", "posted: 2026-12-20"),
    )
    .unwrap();
    let server = start(dir.path());
    let port = server.port();
    let home = get(port, "/").body;
    assert!(home.contains("Draft Job") && home.contains("Future Job"));
    assert_eq!(get(port, "/jobs/draft/").status, 200);
    assert_eq!(get(port, "/jobs/future/").status, 200);
    assert!(!get(port, "/feed.xml").body.contains("Draft Job"));
    // Nothing is written.
    assert!(!dir.path().join("public").exists());
    server.stop();
}

#[test]
fn the_reload_channel_announces_rebuilds() {
    let dir = site();
    let server = start(dir.path());
    let port = server.port();

    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    write!(
        stream,
        "GET {} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n",
        serve::EVENTS_PATH
    )
    .unwrap();
    let mut reader = BufReader::new(stream);
    let mut seen = String::new();
    let mut read_until = |needle: &str, seen: &mut String| {
        let start = Instant::now();
        while !seen.contains(needle) {
            assert!(
                start.elapsed() < Duration::from_secs(5),
                "{needle} in {seen}"
            );
            let mut line = String::new();
            reader.read_line(&mut line).expect("the stream stays open");
            seen.push_str(&line);
        }
    };
    read_until("event: hello\n", &mut seen);
    assert!(seen.starts_with("HTTP/1.1 200 OK\r\n"));
    assert!(seen.contains("Content-Type: text/event-stream"));
    read_until("event: hello\ndata: ", &mut seen);
    read_until("\n\n", &mut seen);
    let generation = server.generation();

    write(
        &dir.path().join("content/jobs/porter.md"),
        &job("Head Porter", "HP-1", "3"),
    );
    let mut events = String::new();
    read_until("event: reload\n", &mut events);
    read_until("\n\n", &mut events);
    assert!(server.generation() > generation);
    server.stop();
}

#[test]
fn a_site_that_never_built_says_why_and_recovers() {
    let dir = site();
    let nurse = dir.path().join("content/jobs/staff-nurse.md");
    fs::write(&nurse, "title: no front matter\n").unwrap();
    let server = start(dir.path());
    let port = server.port();
    let page = get(port, "/");
    assert_eq!(page.status, 500);
    assert!(page.body.contains(serve::OVERLAY_HEADING));
    assert!(page.body.contains("content/jobs/staff-nurse.md:1:1"));
    assert!(page.body.contains("data-careers-serve"));
    write(&nurse, &job("Staff Nurse", "SN-1", "5"));
    within(Duration::from_secs(5), "the first good build", || {
        get(port, "/jobs/staff-nurse/").status == 200
    });
    server.stop();
}

#[test]
fn a_taken_port_moves_to_the_next_free_one() {
    let dir = site();
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let mut options = ServeOptions::new(dir.path());
    options.port = port;
    options.build.now = Some("2026-11-23".to_owned());
    let server = serve::start(options.clone(), |_| {}).expect("starts on another port");
    assert_ne!(server.port(), port);
    assert_eq!(server.port_was_taken(), Some(port));
    assert_eq!(get(server.port(), "/").status, 200);
    server.stop();

    options.next_free_port = false;
    assert!(serve::start(options, |_| {}).is_err());
}

#[test]
fn rebuild_renders_into_memory() {
    let dir = site();
    let mut options = careers::BuildOptions::new(dir.path());
    options.now = Some("2026-11-23".to_owned());
    let rendered = careers::render_site(&options).unwrap();
    let has = |path: &str| rendered.files.iter().any(|f| f.path == path);
    assert!(has("jobs/staff-nurse/index.html"));
    assert!(has("404.html"));
    let documents: Vec<&str> = rendered
        .site
        .documents
        .iter()
        .map(|d| d.content_path.as_str())
        .collect();
    assert_eq!(documents, ["documents/jd.pdf"]);
    assert_eq!(rendered.site.vacancies.len(), 2);
    assert!(!dir.path().join("public").exists());

    fs::write(
        dir.path().join("content/jobs/porter.md"),
        job("Porter", "SN-1", "2"),
    )
    .unwrap();
    match careers::render_site(&options) {
        Err(careers::Error::Invalid(problems)) => assert!(problems.has_errors()),
        Err(other) => panic!("not a content error: {other}"),
        Ok(_) => panic!("two adverts with one reference must not render"),
    }
}

#[test]
fn search_works_on_the_content_being_edited_previews_included() {
    let dir = site();
    let jobs = dir.path().join("content/jobs");
    fs::write(
        jobs.join("draft.md"),
        job("Draft Job", "D-1", "4").replacen("---\n## Job", "draft: true\n---\n## Job", 1),
    )
    .unwrap();
    let server = start(dir.path());
    let port = server.port();
    let search = get(port, "/search/");
    assert_eq!(search.status, 200);
    assert!(
        search.body.contains("value=\"Band 4\""),
        "the draft's band is a filter"
    );
    let script = get(port, "/pagefind/pagefind.js");
    assert_eq!(script.status, 200);
    assert!(
        script
            .header("content-type")
            .unwrap()
            .starts_with("text/javascript")
    );
    let pages = |port| -> u64 {
        let entry: serde_json::Value =
            serde_json::from_str(&get(port, "/pagefind/pagefind-entry.json").body).unwrap();
        entry["languages"]["en-gb"]["page_count"].as_u64().unwrap()
    };
    assert_eq!(pages(port), 3, "two open jobs and the draft");
    fs::write(jobs.join("new.md"), job("New Job", "N-1", "7")).unwrap();
    within(
        Duration::from_secs(10),
        "the index follows the save",
        || pages(port) == 4,
    );
    assert!(!dir.path().join("public").exists());
    server.stop();
}
