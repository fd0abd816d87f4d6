//! A synthetic careers site of N adverts, for the benchmark (`scripts/bench`).
//!
//! ```sh
//! cargo run --release --example synth -- --n 10000 --out DIR [--seed S]
//! ```
//!
//! writes
//!
//! - `DIR/content/site.yaml`: a portal of six employers, with `page_size: 0`
//!   and `feed_items: 0` so that every list and feed is written whole;
//! - `DIR/content/jobs/<nnn>/<slug>.md`: the adverts, 1,000 a folder, to the
//!   contract of SITE-FORMAT.md section 3: every band (2-9, 8a-8d) and other
//!   grades, salaries that match the band, 1-3 of about 70 English and Welsh
//!   towns, about 85% open on 2026-11-23 (the benchmark's `--now`), and
//!   Markdown bodies of 4-8 KB assembled from the paragraphs, lists and
//!   person specifications of the seed adverts (`../shared/seeds`, as cleaned
//!   into the example site), with headings, lists and one table each;
//! - `DIR/hugo/`: the same adverts as a Hugo site (only the open ones: Hugo
//!   has no notion of a closing date), with the configuration and layouts of
//!   `scripts/bench-hugo` and the default theme's static files;
//! - `DIR/manifest.json`: what was written (adverts, open, bands, towns), for
//!   the benchmark's checks.
//!
//! It is deterministic: advert `i` depends only on the seed and `i`, so the
//! first 1,000 adverts of a 10,000-advert site are those of a 1,000-advert
//! site. It uses the standard library only (a splitmix64 generator, its own
//! calendar arithmetic).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The build moment the adverts are written around: `--now 2026-11-23`.
const NOW: (i32, u32, u32) = (2026, 11, 23);
/// Adverts per sub-folder of `content/jobs`.
const SHARD: usize = 1000;
const BASE_URL: &str = "https://bench.example.nhs.uk";

mod advert;
mod grades;
mod markdown;
mod places;
mod rng;
mod text;

use crate::advert::{advert, q};
use crate::places::EMPLOYERS;

fn site_yaml(n: usize, seed: u64) -> String {
    let mut s = String::new();
    s.push_str("# A synthetic portal for the benchmark: written by examples/synth/.\n");
    s.push_str("title: Benchmark NHS Careers\n");
    let _ = writeln!(s, "base_url: {BASE_URL}");
    let _ = writeln!(
        s,
        "description: {}",
        q(&format!(
            "{n} synthetic NHS job adverts (seed {seed}) for the careers benchmark."
        ))
    );
    let _ = writeln!(s, "employer: {}", q(EMPLOYERS[0].name));
    let _ = writeln!(s, "employer_url: {}", EMPLOYERS[0].url);
    s.push_str("employers:\n");
    for e in EMPLOYERS {
        let _ = writeln!(s, "  - name: {}", q(e.name));
        let _ = writeln!(s, "    url: {}", e.url);
        let _ = writeln!(s, "    address: {}", q(e.address));
    }
    let _ = writeln!(s, "privacy_url: {BASE_URL}/privacy");
    s.push_str("disability_confident: true\n");
    s.push_str("language: en-GB\ntimezone: Europe/London\nclosing_time: \"23:59\"\n");
    s.push_str("page_size: 0\nfeed_items: 0\n");
    s
}

// ------------------------------------------------------------------- main

struct Args {
    n: usize,
    out: PathBuf,
    seed: u64,
    skeleton: PathBuf,
    theme_static: PathBuf,
}

const USAGE: &str =
    "usage: synth --n N --out DIR [--seed S] [--hugo-skeleton DIR] [--theme-static DIR]";

fn parse_args() -> Result<Args, String> {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut n = None;
    let mut out = None;
    let mut seed = 2026;
    let mut skeleton = repo.join("scripts/bench-hugo");
    let mut theme_static = repo.join("themes/default/static");
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value\n{USAGE}"));
        match flag.as_str() {
            "--n" => n = Some(value()?.parse().map_err(|e| format!("--n: {e}"))?),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--hugo-skeleton" => skeleton = PathBuf::from(value()?),
            "--theme-static" => theme_static = PathBuf::from(value()?),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(Args {
        n: n.ok_or(format!("--n is required\n{USAGE}"))?,
        out: out.ok_or(format!("--out is required\n{USAGE}"))?,
        seed,
        skeleton,
        theme_static,
    })
}

fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    let entries = fs::read_dir(from)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", from.display())))?;
    for entry in entries {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> io::Result<()> {
    fs::write(path, text).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
}

fn run(args: &Args) -> io::Result<()> {
    let out = &args.out;
    if out.exists() {
        fs::remove_dir_all(out)?;
    }
    let jobs = out.join("content/jobs");
    let hugo_jobs = out.join("hugo/content/jobs");
    fs::create_dir_all(&jobs)?;
    fs::create_dir_all(&hugo_jobs)?;
    write(
        &out.join("content/site.yaml"),
        &site_yaml(args.n, args.seed),
    )?;

    let mut open = 0;
    let mut bytes = 0;
    let mut bands: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut towns: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut body_min = usize::MAX;
    let mut body_max = 0;
    for i in 0..args.n {
        let a = advert(args.seed, i);
        let shard = jobs.join(format!("{:03}", i / SHARD));
        if i.is_multiple_of(SHARD) {
            fs::create_dir_all(&shard)?;
        }
        let text = a.careers_markdown();
        bytes += text.len();
        write(&shard.join(format!("{}.md", a.slug)), &text)?;
        body_min = body_min.min(a.body.len());
        body_max = body_max.max(a.body.len());
        let o = usize::from(a.open);
        let e = bands.entry(a.grade.name).or_default();
        e.0 += 1;
        e.1 += o;
        for p in &a.places {
            let e = towns.entry(p.town.name).or_default();
            e.0 += 1;
            e.1 += o;
        }
        if a.open {
            open += 1;
            write(
                &hugo_jobs.join(format!("{}.md", a.slug)),
                &a.hugo_markdown(),
            )?;
        }
    }

    copy_tree(&args.skeleton, &out.join("hugo"))?;
    if args.theme_static.is_dir() {
        copy_tree(&args.theme_static, &out.join("hugo/static"))?;
    }

    let counts = |m: &BTreeMap<&str, (usize, usize)>| {
        let all = m.len();
        let with_open = m.values().filter(|(_, o)| *o > 0).count();
        (all, with_open)
    };
    let (bands_all, bands_open) = counts(&bands);
    let (towns_all, towns_open) = counts(&towns);
    let manifest = format!(
        "{{\n  \"n\": {},\n  \"seed\": {},\n  \"now\": \"{:04}-{:02}-{:02}\",\n  \"open\": {open},\n  \"closed\": {},\n  \"bands\": {bands_all},\n  \"bands_open\": {bands_open},\n  \"towns\": {towns_all},\n  \"towns_open\": {towns_open},\n  \"source_bytes\": {bytes},\n  \"body_bytes_min\": {body_min},\n  \"body_bytes_max\": {body_max}\n}}\n",
        args.n,
        args.seed,
        NOW.0,
        NOW.1,
        NOW.2,
        args.n - open,
    );
    write(&out.join("manifest.json"), &manifest)?;
    let mut stdout = io::stdout().lock();
    writeln!(
        stdout,
        "synth: {} adverts ({open} open on {}-{:02}-{:02}) in {}, {bands_all} bands, {towns_all} towns, bodies {body_min}-{body_max} bytes",
        args.n,
        NOW.0,
        NOW.1,
        NOW.2,
        out.display()
    )?;
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}
