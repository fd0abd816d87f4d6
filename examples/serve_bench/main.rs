//! How long `careers serve` takes to show a saved advert.
//!
//! ```sh
//! cargo run --release --example synth -- --n 10000 --out target/bench/site-10000
//! cargo run --release --example serve_bench -- --site target/bench/site-10000
//! cargo run --release --example serve_bench -- --site target/bench/site-10000 --site .
//! ```
//!
//! Copies the site's `content/` to a temporary folder (the site itself is
//! never touched), starts the server on it in this process, and opens the
//! reload channel as a browser tab does. Then, `--runs` times: changes one
//! open advert's title on disk, waits for the reload event, fetches the
//! advert's page over HTTP (checking that its text, as a browser shows it,
//! holds the new title), then the page of the home list and of its band's
//! list that shows it (checking them too). It prints each save, then the
//! medians of:
//!
//! - save -> reload event: the watcher's debounce, then the rebuild;
//! - the rebuild as the server reports it (from the change being handled to
//!   the new site being served);
//! - reload event -> the page's first byte and last byte;
//! - save -> fresh page, and the same without the debounce delay (the
//!   figure the target of 50 ms is about);
//! - those list pages after each save (each renders once per save; with
//!   `page_size: 0`, as the synthetic sites have, the home page lists every
//!   open advert).
//!
//! The machine's load average is printed before and after: on a busy
//! machine the figures are slower and spread wider. `--site` may be given
//! more than once: each site is measured in turn (say a synthetic one and
//! the example site, whose titles hold apostrophes and ampersands).
//!
//! Options: `--runs N` (default 9), `--now DATE` (default 2026-11-23, the
//! synthetic sites' date), `--page-size N` (rewrite the copy's `page_size`;
//! the synthetic sites have 0, every list on one page), `--debounce MS`
//! (default the server's, 100 ms).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use careers::serve::{self, ServeEvent, ServeOptions};

mod client;

use client::{List, Tab, get, shows};

// The allocator of the careers binary, so that the server is timed as it runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct Args {
    sites: Vec<PathBuf>,
    runs: usize,
    now: String,
    page_size: Option<usize>,
    debounce: Duration,
}

const USAGE: &str = "usage: serve_bench --site DIR [--site DIR ...] [--runs N] [--now DATE] [--page-size N] [--debounce MS]";

fn parse_args() -> Result<Args, String> {
    let mut sites = Vec::new();
    let mut runs = 9;
    let mut now = "2026-11-23".to_owned();
    let mut page_size = None;
    let mut debounce = serve::DEBOUNCE;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value\n{USAGE}"));
        match flag.as_str() {
            "--site" => sites.push(PathBuf::from(value()?)),
            "--runs" => runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--now" => now = value()?,
            "--page-size" => {
                page_size = Some(value()?.parse().map_err(|e| format!("--page-size: {e}"))?)
            }
            "--debounce" => {
                let ms: u64 = value()?.parse().map_err(|e| format!("--debounce: {e}"))?;
                debounce = Duration::from_millis(ms);
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    if sites.is_empty() {
        return Err(format!("--site is required\n{USAGE}"));
    }
    Ok(Args {
        sites,
        runs: runs.max(1),
        now,
        page_size,
        debounce,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    for site in &args.sites {
        println!("== {}", site.display());
        if let Err(message) = run(&args, site) {
            eprintln!("serve_bench: {}: {message}", site.display());
            return ExitCode::FAILURE;
        }
        println!();
    }
    ExitCode::SUCCESS
}

/// One save and what followed it.
struct Sample {
    to_reload: Duration,
    rebuild: Duration,
    page_first_byte: Duration,
    page_last_byte: Duration,
    to_fresh_page: Duration,
    home: Duration,
    band: Duration,
}

fn run(args: &Args, site: &Path) -> Result<(), String> {
    let content = site.join("content");
    if !content.join("site.yaml").is_file() {
        return Err(format!(
            "{} has no content/site.yaml; make one with: cargo run --release --example synth -- --n 10000 --out {}",
            site.display(),
            site.display()
        ));
    }
    println!("load average: {}", load_average());
    let copy = tempfile::Builder::new()
        .prefix("serve-bench-")
        .tempdir()
        .map_err(|e| format!("temporary folder: {e}"))?;
    let clock = Instant::now();
    copy_dir(&content, &copy.path().join("content"))
        .map_err(|e| format!("copying the site: {e}"))?;
    if let Some(size) = args.page_size {
        let yaml_path = copy.path().join("content/site.yaml");
        let yaml = fs::read_to_string(&yaml_path).map_err(|e| e.to_string())?;
        let mut lines: Vec<String> = yaml
            .lines()
            .filter(|l| !l.starts_with("page_size:"))
            .map(str::to_owned)
            .collect();
        lines.push(format!("page_size: {size}"));
        fs::write(&yaml_path, lines.join("\n") + "\n").map_err(|e| e.to_string())?;
    }
    println!(
        "copied {} to {} in {:.1} s",
        content.display(),
        copy.path().display(),
        clock.elapsed().as_secs_f64()
    );

    // The advert to edit: the first open one, in file order.
    let mut options = careers::BuildOptions::new(copy.path());
    options.now = Some(args.now.clone());
    let loaded = careers::load(&options).map_err(|e| format!("the site does not build: {e}"))?;
    let mut open: Vec<_> = loaded
        .site
        .vacancies
        .iter()
        .filter(|p| p.status == careers::site::Status::Open)
        .collect();
    open.sort_by(|a, b| a.vacancy.source.cmp(&b.vacancy.source));
    let advert = open.first().ok_or("the site has no open advert")?;
    let source = advert.vacancy.source.clone();
    let page = format!("/jobs/{}/", advert.vacancy.slug);
    let title = advert.vacancy.title.clone();
    let adverts = loaded.site.vacancies.len();
    let page_size = loaded.site.config.page_size;
    // The page of each list that shows the advert: the home page's, and
    // its band's (the first pages unless page_size is set).
    let site = &loaded.site;
    let at = |list: &[usize]| {
        list.iter()
            .position(|&i| site.vacancies[i].vacancy.source == source)
    };
    let band_term = site
        .bands
        .iter()
        .find(|t| t.slug == advert.vacancy.band.slug())
        .ok_or("the advert's band has no page")?;
    let band_listed: Vec<usize> = band_term
        .vacancies
        .iter()
        .copied()
        .filter(|&i| site.vacancies[i].status.is_listed())
        .collect();
    let mut home = List::new("/", at(&site.listed()), page_size)?;
    let mut band = List::new(
        &format!("/bands/{}/", band_term.slug),
        at(&band_listed),
        page_size,
    )?;
    drop(loaded);
    println!(
        "{adverts} adverts, page_size {page_size}; editing {source} ({page}, listed on {} and {})",
        home.url(home.page),
        band.url(band.page)
    );

    let (events, built) = mpsc::channel();
    let mut serve_options = ServeOptions::new(copy.path());
    serve_options.port = 0;
    serve_options.build.now = Some(args.now.clone());
    serve_options.debounce = args.debounce;
    let clock = Instant::now();
    let server = serve::start(serve_options, move |event| {
        if let ServeEvent::Built { took, work, .. } = event {
            let _ = events.send((*took, careers::report::work(work)));
        }
    })
    .map_err(|e| e.to_string())?;
    let started = clock.elapsed();
    let (first_build, _) = built.recv().map_err(|e| e.to_string())?;
    println!(
        "server started in {:.2} s (first build {:.2} s; pages render on request)",
        started.as_secs_f64(),
        first_build.as_secs_f64()
    );
    let port = server.port();
    for (what, path) in [
        ("advert page", page.clone()),
        ("home list page", home.url(home.page)),
        ("band list page", band.url(band.page)),
    ] {
        let answer = get(port, &path)?;
        println!(
            "  first ask for the {what} ({path}): {:.1} ms, {} KB",
            ms(answer.last_byte),
            answer.body.len() / 1024
        );
    }

    let mut tab = Tab::open(port)?;
    let file = copy.path().join(&source);
    let original = fs::read_to_string(&file).map_err(|e| e.to_string())?;
    let title_line = original
        .lines()
        .find(|l| l.starts_with("title:"))
        .ok_or("the advert has no title: line")?
        .to_owned();
    let mut samples = Vec::new();
    for run in 1..=args.runs {
        // Let the watcher settle, so each save is a burst of its own.
        std::thread::sleep(Duration::from_millis(400));
        while built.try_recv().is_ok() {}
        // An apostrophe and an ampersand, which pages escape, so that every
        // corpus checks that the page's text (not its markup) shows the title.
        let new_title = format!("{title} (Children's & Families' edit {run})");
        let quoted = new_title.replace('\\', "\\\\").replace('"', "\\\"");
        let text = original.replacen(&title_line, &format!("title: \"{quoted}\""), 1);
        let saved = Instant::now();
        fs::write(&file, &text).map_err(|e| e.to_string())?;
        tab.wait_for_reload()?;
        let to_reload = saved.elapsed();
        let answer = get(port, &page)?;
        let to_fresh_page = saved.elapsed();
        if !shows(&answer.body, &new_title) {
            return Err(format!("run {run}: the page does not show \"{new_title}\""));
        }
        let (rebuild, work) = built
            .recv_timeout(Duration::from_secs(30))
            .map_err(|_| "no rebuild reported".to_owned())?;
        let home_page = home.fetch(port, &new_title)?;
        let band_page = band.fetch(port, &new_title)?;
        println!(
            "  save {run}: reload event after {:.1} ms, rebuild {:.1} ms ({work}), page after {:.1} ms (first byte {:.1} ms after the event); home {:.1} ms, band {:.1} ms",
            ms(to_reload),
            ms(rebuild),
            ms(to_fresh_page),
            ms(answer.first_byte),
            ms(home_page),
            ms(band_page)
        );
        samples.push(Sample {
            to_reload,
            rebuild,
            page_first_byte: answer.first_byte,
            page_last_byte: answer.last_byte,
            to_fresh_page,
            home: home_page,
            band: band_page,
        });
    }
    server.stop();

    let median = |f: fn(&Sample) -> Duration| {
        let mut v: Vec<Duration> = samples.iter().map(f).collect();
        v.sort();
        v[v.len() / 2]
    };
    let debounce = args.debounce;
    println!();
    println!(
        "medians of {} saves, {adverts} adverts (page_size {page_size}):",
        samples.len()
    );
    println!(
        "  debounce delay (the watcher waits this long after the last event): {:.0} ms",
        ms(debounce)
    );
    println!(
        "  save -> reload event:                   {:>7.1} ms",
        ms(median(|s| s.to_reload))
    );
    println!(
        "  rebuild (change handled -> site ready): {:>7.1} ms",
        ms(median(|s| s.rebuild))
    );
    println!(
        "  reload event -> page's first byte:      {:>7.1} ms",
        ms(median(|s| s.page_first_byte))
    );
    println!(
        "  reload event -> page's last byte:       {:>7.1} ms",
        ms(median(|s| s.page_last_byte))
    );
    println!(
        "  save -> fresh page:                     {:>7.1} ms",
        ms(median(|s| s.to_fresh_page))
    );
    println!(
        "  save -> fresh page, without debounce:   {:>7.1} ms   (target: 50 ms)",
        ms(median(|s| s.to_fresh_page).saturating_sub(debounce))
    );
    println!(
        "  home list page after a save:            {:>7.1} ms",
        ms(median(|s| s.home))
    );
    println!(
        "  band list page after a save:            {:>7.1} ms",
        ms(median(|s| s.band))
    );
    println!("load average: {}", load_average());
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".to_owned())
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
