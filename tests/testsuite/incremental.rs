//! Rebuilds after a change (`careers::session::Session`, what `serve` keeps
//! between saves): only the changed files are read again, and every page,
//! list and feed comes out exactly as a full build of the same files would
//! make it. Each test edits, renames or deletes files, refreshes the session
//! with the paths a watcher would report, and compares every output file
//! with a fresh build.

use crate::common;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use careers::Loaded;
use careers::render::{Renderer, Templates};
use careers::routes::Route;
use careers::session::{Changes, Session};
use common::{Fixture, Job};

const NOW: &str = "2026-03-01";

fn site() -> Fixture {
    Fixture::new()
        .vacancy(
            "nurse.md",
            Job::new("Staff Nurse", "R-1").band("5").town("Dartford"),
        )
        .vacancy(
            "physio.md",
            Job::new("Physiotherapist", "R-2")
                .band("6")
                .town("Gravesend"),
        )
        .vacancy(
            "porter.md",
            Job::new("Hospital Porter", "R-3")
                .band("2")
                .town("Dartford"),
        )
        .page(
            "apply.md",
            "title: How to apply\nmenu: 1\n",
            "See [a nurse's job](@/jobs/nurse.md).\n",
        )
}

/// Writes content/jobs/<file> as `Fixture::vacancy` does, in place.
fn write_job(site: &Fixture, file: &str, job: Job) {
    site.write(
        &format!("content/jobs/{file}"),
        &format!(
            "---\n{}---\n## Job summary\n\nA rewarding role in a friendly team.\n",
            job.front_matter()
        ),
    );
}

fn write_page(site: &Fixture, file: &str, front_matter: &str, body: &str) {
    site.write(
        &format!("content/pages/{file}"),
        &format!("---\n{front_matter}---\n{body}"),
    );
}

fn renderer(loaded: Loaded) -> Renderer {
    let templates = Templates::compile(&loaded.theme).expect("the templates compile");
    Renderer::new(loaded.site, Arc::new(templates), loaded.preview)
}

/// Every file the session's site renders, by path.
fn files(renderer: &Renderer) -> BTreeMap<String, String> {
    renderer
        .paths()
        .map(|path| {
            let file = renderer
                .render_path(&path)
                .expect("listed")
                .expect("renders");
            (path, String::from_utf8(file.bytes).expect("UTF-8"))
        })
        .collect()
}

/// Every file a full build of the site as it is on disk renders.
fn full_build(site: &Fixture) -> BTreeMap<String, String> {
    let rendered = careers::render_site(&site.options(NOW)).expect("the full build works");
    rendered
        .files
        .into_iter()
        // The search bundle is built beside the renderer, not by it
        // (the search and serve tests cover it).
        .filter(|f| !matches!(Route::parse(&f.path), Some(Route::SearchBundle { .. })))
        .map(|f| (f.path, String::from_utf8(f.bytes).expect("UTF-8")))
        .collect()
}

/// A session over `site` after its first (full) refresh.
fn start(site: &Fixture) -> Session {
    let mut session = Session::new(site.options(NOW));
    session
        .refresh(Changes::Everything)
        .expect("the site builds");
    session
}

/// Refreshes after `changed`, checks that only those files were read and
/// that the result is what a full build makes, and gives the files.
fn refresh(session: &mut Session, site: &Fixture, changed: &[&str]) -> BTreeMap<String, String> {
    let changed: Vec<String> = changed.iter().map(|s| s.to_string()).collect();
    let loaded = match session.refresh(Changes::Files(&changed)) {
        Ok(loaded) => loaded,
        Err(problems) => panic!("the rebuild failed:\n{problems}"),
    };
    let work = session.work();
    assert!(!work.rediscovered, "{work:?}");
    let files = files(&renderer(loaded));
    let full = full_build(site);
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        full.keys().collect::<Vec<_>>(),
        "the same files as a full build"
    );
    for (path, text) in &full {
        assert_eq!(&files[path], text, "{path} as a full build makes it");
    }
    files
}

#[test]
fn an_edit_changes_its_page_and_every_list_it_is_in() {
    let site = site();
    let mut session = start(&site);
    site.write(
        "content/jobs/nurse.md",
        &format!(
            "---\n{}---\nA new body.\n",
            Job::new("Senior Staff Nurse", "R-1")
                .band("5")
                .town("Dartford")
                .front_matter()
        ),
    );
    let files = refresh(&mut session, &site, &["content/jobs/nurse.md"]);
    let work = session.work();
    assert_eq!((work.read, work.parsed), (1, 1), "only the edited file");
    for path in [
        "jobs/nurse/index.html",
        "index.html",
        "bands/band-5/index.html",
        "locations/dartford/index.html",
        "feed.xml",
        "bands/band-5/feed.xml",
        "locations/dartford/feed.xml",
    ] {
        assert!(files[path].contains("Senior Staff Nurse"), "{path}");
    }
    assert!(files["jobs/nurse/index.html"].contains("A new body."));
    assert!(!files["bands/band-6/index.html"].contains("Senior Staff Nurse"));
}

#[test]
fn pages_found_through_the_slug_index_before_a_change_are_their_own() {
    // `serve` finds a page by its slug first where the site before the
    // save had it; a new advert listed first moves every other one along.
    let site = site();
    let mut session = start(&site);
    let before = renderer(session.refresh(Changes::Everything).expect("builds"));
    let pages =
        |r: &Renderer| -> Vec<String> { r.paths().filter(|p| p.starts_with("jobs/")).collect() };
    for path in pages(&before) {
        before.render_path(&path).expect("listed").expect("renders");
    }
    write_job(
        &site,
        "clerk.md",
        Job::new("Ward Clerk", "R-9").posted("2026-02-01"),
    );
    let changed = ["content/jobs/clerk.md".to_owned()];
    let loaded = session.refresh(Changes::Files(&changed)).expect("rebuilds");
    let after = renderer(loaded).reuse(&before);
    let full = full_build(&site);
    assert!(pages(&after).contains(&"jobs/clerk/index.html".to_owned()));
    for path in pages(&after) {
        let file = after.render_path(&path).expect("listed").expect("renders");
        assert_eq!(
            String::from_utf8(file.bytes).expect("UTF-8"),
            full[&path],
            "{path}"
        );
    }
}

#[test]
fn a_new_band_moves_it_between_band_pages() {
    let site = site();
    let mut session = start(&site);
    write_job(
        &site,
        "nurse.md",
        Job::new("Staff Nurse", "R-1").band("6").town("Dartford"),
    );
    let files = refresh(&mut session, &site, &["content/jobs/nurse.md"]);
    assert!(files["bands/band-6/index.html"].contains("Staff Nurse"));
    assert!(files["bands/band-6/feed.xml"].contains("Staff Nurse"));
    // Band 5 had only this advert: its pages are gone.
    assert!(!files.contains_key("bands/band-5/index.html"));
    assert!(!files["bands/index.html"].contains("bands/band-5/"));
    assert!(files["jobs/nurse/index.html"].contains("bands/band-6/"));
}

#[test]
fn a_deleted_advert_is_gone_everywhere() {
    let site = site();
    // Keep the page's link working without it.
    write_page(
        &site,
        "apply.md",
        "title: How to apply\nmenu: 1\n",
        "Apply.\n",
    );
    let mut session = start(&site);
    site.remove("content/jobs/porter.md");
    let files = refresh(&mut session, &site, &["content/jobs/porter.md"]);
    assert_eq!(session.work().removed, 1);
    assert!(!files.contains_key("jobs/porter/index.html"));
    assert!(!files.contains_key("bands/band-2/index.html"));
    for (path, text) in &files {
        assert!(!text.contains("Hospital Porter"), "{path}");
        assert!(!text.contains("jobs/porter/"), "{path}");
    }
}

#[test]
fn a_renamed_file_moves_its_page() {
    let site = site();
    let mut session = start(&site);
    std::fs::rename(
        site.root().join("content/jobs/porter.md"),
        site.root().join("content/jobs/night-porter.md"),
    )
    .unwrap();
    let files = refresh(
        &mut session,
        &site,
        &["content/jobs/night-porter.md", "content/jobs/porter.md"],
    );
    assert!(!files.contains_key("jobs/porter/index.html"));
    assert!(files["jobs/night-porter/index.html"].contains("Hospital Porter"));
    assert!(files["index.html"].contains("jobs/night-porter/"));
}

#[test]
fn a_duplicate_reference_made_by_an_edit_is_reported_until_fixed() {
    let site = site();
    let mut session = start(&site);
    write_job(
        &site,
        "porter.md",
        Job::new("Hospital Porter", "R-1").band("2"),
    );
    let changed = ["content/jobs/porter.md".to_owned()];
    let problems = match session.refresh(Changes::Files(&changed)) {
        Ok(_) => panic!("a duplicate reference must stop the rebuild"),
        Err(problems) => problems,
    };
    assert!(!session.work().rediscovered);
    // Word for word what a full build says.
    let full = site.build_errors(NOW);
    assert_eq!(problems, full);
    let text = problems.to_string();
    assert!(
        text.contains("the reference \"R-1\" is also used by content/jobs/nurse.md"),
        "{text}"
    );

    // An unrelated edit does not hide it: the check runs on every rebuild.
    write_job(
        &site,
        "physio.md",
        Job::new("Physiotherapist", "R-2")
            .band("7")
            .town("Gravesend"),
    );
    let changed = ["content/jobs/physio.md".to_owned()];
    assert!(session.refresh(Changes::Files(&changed)).is_err());

    write_job(
        &site,
        "porter.md",
        Job::new("Hospital Porter", "R-3").band("2"),
    );
    refresh(&mut session, &site, &["content/jobs/porter.md"]);
}

#[test]
fn links_between_files_follow_their_targets() {
    let site = site();
    let mut session = start(&site);
    // The advert a page links to gets a new slug: the link follows it.
    write_job(
        &site,
        "nurse.md",
        Job::new("Staff Nurse", "R-1")
            .band("5")
            .town("Dartford")
            .with("slug: staff-nurse-dartford"),
    );
    let files = refresh(&mut session, &site, &["content/jobs/nurse.md"]);
    assert!(files["apply/index.html"].contains("../jobs/staff-nurse-dartford/"));

    // And when it goes, the page's link is an error.
    site.remove("content/jobs/nurse.md");
    let changed = ["content/jobs/nurse.md".to_owned()];
    let problems = session
        .refresh(Changes::Files(&changed))
        .err()
        .expect("fails");
    assert_eq!(problems, site.build_errors(NOW));
    assert!(problems.to_string().contains("names no published file"));
}

#[test]
fn a_broken_file_is_reported_and_its_fix_clears_it() {
    let site = site();
    let mut session = start(&site);
    write_job(&site, "nurse.md", Job::new("Staff Nurse", "R-1").band("8e"));
    let changed = ["content/jobs/nurse.md".to_owned()];
    let problems = session
        .refresh(Changes::Files(&changed))
        .err()
        .expect("fails");
    assert_eq!(problems, site.build_errors(NOW));
    write_job(
        &site,
        "nurse.md",
        Job::new("Staff Nurse", "R-1").band("5").town("Dartford"),
    );
    refresh(&mut session, &site, &["content/jobs/nurse.md"]);
}

#[test]
fn a_file_that_cannot_be_read_is_reported_as_a_full_build_reports_it() {
    let site = site();
    let mut session = start(&site);
    site.write_bytes(
        "content/jobs/nurse.md",
        b"---\ntitle: Caf\xe9 Nurse\nreference: R-1\n---\n",
    );
    let changed = ["content/jobs/nurse.md".to_owned()];
    let problems = session
        .refresh(Changes::Files(&changed))
        .err()
        .expect("fails");
    assert!(session.work().rediscovered, "read again in full");
    assert_eq!(problems, site.build_errors(NOW));
    assert!(problems.to_string().contains("UTF-8"), "{problems}");

    write_job(
        &site,
        "nurse.md",
        Job::new("Staff Nurse", "R-1").band("5").town("Dartford"),
    );
    refresh(&mut session, &site, &["content/jobs/nurse.md"]);
}

#[test]
fn new_files_and_folders_are_picked_up() {
    let site = site();
    let mut session = start(&site);
    write_job(&site, "kent/cook.md", Job::new("Cook", "R-9").band("3"));
    let files = refresh(&mut session, &site, &["content/jobs/kent/cook.md"]);
    assert!(files["jobs/cook/index.html"].contains("Cook"));

    // A whole folder moved away is one event naming the folder.
    std::fs::rename(
        site.root().join("content/jobs/kent"),
        site.root().join("moved-away"),
    )
    .unwrap();
    let files = refresh(&mut session, &site, &["content/jobs/kent"]);
    assert!(!files.contains_key("jobs/cook/index.html"));
}

#[test]
fn settings_documents_and_unknown_paths_read_everything_again() {
    let site = site();
    let mut session = start(&site);

    // Nothing changed: everything is read, nothing parsed again.
    session.refresh(Changes::Everything).unwrap();
    let work = session.work();
    assert!(work.rediscovered);
    assert_eq!(work.parsed, 0, "{work:?}");

    // New settings: every job is parsed against them.
    let site = site.settings("page_size: 1");
    let changed = ["content/site.yaml".to_owned()];
    let loaded = session.refresh(Changes::Files(&changed)).unwrap();
    let work = session.work();
    assert!(work.rediscovered);
    assert_eq!(work.parsed, 3, "{work:?}");
    assert_eq!(files(&renderer(loaded)), full_build(&site));

    site.write_bytes("content/documents/jd.pdf", b"%PDF-1.4");
    let changed = ["content/documents/jd.pdf".to_owned()];
    session.refresh(Changes::Files(&changed)).unwrap();
    assert!(session.work().rediscovered);
}

#[test]
fn a_theme_edit_reads_the_theme_alone() {
    let site = site();
    let mut session = start(&site);
    site.write(
        "themes/default/templates/404.html",
        "<!DOCTYPE html><html><body><p>Lost, sorry.</p></body></html>\n",
    );
    let files = refresh(&mut session, &site, &["themes/default/templates/404.html"]);
    let work = session.work();
    assert!(work.theme_reloaded && work.read == 0, "{work:?}");
    assert!(files["404.html"].contains("Lost, sorry."));
}

#[test]
fn serve_shows_an_edit_in_the_lists_and_a_deletion_everywhere() {
    let site = site();
    let mut options = careers::serve::ServeOptions::new(site.root());
    options.port = 0;
    options.build.now = Some(NOW.to_owned());
    let server = careers::serve::start(options, |_| {}).expect("server starts");
    let port = server.port();
    let get = |path: &str| http_get(port, path);
    // Rendered on request, and kept.
    assert!(get("/bands/band-5/").contains("Staff Nurse"));

    write_job(
        &site,
        "nurse.md",
        Job::new("Charge Nurse", "R-1").band("5").town("Dartford"),
    );
    within(Duration::from_secs(5), "the edit in every list", || {
        [
            "/jobs/nurse/",
            "/",
            "/bands/band-5/",
            "/locations/dartford/",
        ]
        .iter()
        .all(|path| get(path).contains("Charge Nurse"))
            && get("/feed.xml").contains("Charge Nurse")
    });

    site.remove("content/jobs/nurse.md");
    // The page linking to it breaks: the last good pages, with the overlay.
    within(Duration::from_secs(5), "the overlay", || {
        get("/").contains(careers::serve::OVERLAY_HEADING)
    });
    write_page(
        &site,
        "apply.md",
        "title: How to apply\nmenu: 1\n",
        "Apply.\n",
    );
    within(Duration::from_secs(5), "the advert gone", || {
        let home = get("/");
        !home.contains(careers::serve::OVERLAY_HEADING)
            && !home.contains("Charge Nurse")
            && get("/jobs/nurse/").contains("404")
            && !get("/bands/").contains("bands/band-5/")
    });
    server.stop();
}

/// The status line and body of a GET.
fn http_get(port: u16, path: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    String::from_utf8_lossy(&raw).into_owned()
}

fn within(limit: Duration, what: &str, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < limit, "{what}: not within {limit:?}");
        std::thread::sleep(Duration::from_millis(25));
    }
}
