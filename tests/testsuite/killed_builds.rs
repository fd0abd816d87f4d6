//! Builds killed at any moment: `public/` always holds a whole site, the old
//! one or the new one; what a killed build left beside it is removed by the
//! next build; and two builds of one output never run into each other.
//!
//! Every build here runs the `careers` binary and is stopped with SIGKILL,
//! as a crash, an out-of-memory kill or a cancelled CI job would stop it.
#![cfg(unix)]

use crate::common;
use common::*;

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Instant;

use careers::output::MARKER;

/// The old build's moment, and the new one's, when half the adverts have
/// closed: lists, bands and feeds change, and pages are fewer.
const OLD_NOW: &str = "2026-02-01";
const NEW_NOW: &str = "2026-04-01";

/// A site whose build at `NEW_NOW` differs from its build at `OLD_NOW`.
fn site(adverts: usize) -> Fixture {
    let site = Fixture::new().settings("page_size: 10");
    let bands = ["2", "3", "4", "5", "6", "7", "8a"];
    let towns = ["Dartford", "Gravesend", "Sidcup", "Bexley"];
    for i in 0..adverts {
        let job = Job::new(&format!("Staff Nurse {i}"), &format!("R-{i}"))
            .band(bands[i % bands.len()])
            .town(towns[i % towns.len()])
            .closes(if i % 2 == 0 {
                "2026-03-01"
            } else {
                "2026-12-31"
            })
            .with("salary:\n  min: 29970\n  max: 36483\n  period: year");
        site.write(
            &format!("content/jobs/nurse-{i:05}.md"),
            &format!(
                "---\n{}---\n## Job summary\n\nA rewarding role on ward {i}.\n",
                job.front_matter()
            ),
        );
    }
    site
}

fn careers_build(site: &Fixture, now: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_careers"));
    command
        .arg("build")
        .arg("--root")
        .arg(site.root())
        .args(["--now", now])
        .env_remove("CAREERS_NOW")
        .env_remove("CAREERS_TEST_STOP_AT")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// Builds to the end and returns what `public/` then holds.
fn build(site: &Fixture, now: &str) -> BTreeMap<String, Vec<u8>> {
    let status = careers_build(site, now).status().expect("the binary runs");
    assert!(status.success(), "careers build --now {now} failed");
    snapshot(&site.public())
}

/// Starts a build that stops at `point` of the swap (a hook of debug
/// builds) and returns once it has got there.
fn build_stopped_at(site: &Fixture, now: &str, point: &str) -> Child {
    let mut child = careers_build(site, now)
        .env("CAREERS_TEST_STOP_AT", point)
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let stderr = child.stderr.take().expect("piped stderr");
    let said = format!("careers: stopped at {point}");
    let reached = BufReader::new(stderr)
        .lines()
        .map_while(Result::ok)
        .any(|line| line == said);
    assert!(reached, "the build never reached {point}");
    child
}

fn kill(mut child: Child) {
    // The build may have finished already; either way it is reaped.
    let _ = child.kill();
    child.wait().expect("the build is reaped");
}

/// What `public/` holds: panics unless it is exactly the old build or the
/// new one, marker included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Built {
    Old,
    New,
}

fn which_build(
    public: &Path,
    old: &BTreeMap<String, Vec<u8>>,
    new: &BTreeMap<String, Vec<u8>>,
    when: &str,
) -> Built {
    assert!(public.is_dir(), "{when}: public/ is missing");
    assert!(
        public.join(MARKER).is_file(),
        "{when}: no marker in public/"
    );
    let now = snapshot(public);
    if &now == old {
        Built::Old
    } else if &now == new {
        Built::New
    } else {
        let missing: Vec<_> = old
            .keys()
            .filter(|k| !now.contains_key(*k))
            .take(5)
            .collect();
        panic!(
            "{when}: public/ is neither the old build nor the new one \
             ({} files; e.g. missing from the old build: {missing:?})",
            now.len()
        );
    }
}

/// What builds left beside the output: staging and old folders, the lock.
fn leftovers(site: &Fixture) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.starts_with(".public.staging-")
                || n.starts_with(".public.old-")
                || n == ".public.lock"
        })
        .collect();
    names.sort();
    names
}

#[test]
fn a_build_killed_at_any_moment_leaves_a_whole_site_and_the_next_build_tidies_up() {
    let site = site(200);
    let started = Instant::now();
    let old = build(&site, OLD_NOW);
    let full_build = started.elapsed();
    let new = build(&site, NEW_NOW);
    assert_ne!(
        old.keys().collect::<Vec<_>>(),
        new.keys().collect::<Vec<_>>(),
        "the two builds differ in their files"
    );
    assert_eq!(build(&site, OLD_NOW), old, "back to the old site");

    // The kills take about 16 full builds in all.
    const KILLS: u32 = 30;
    let mut built = Built::Old;
    let mut left_something = 0;
    for kill_point in 0..KILLS {
        // From the start of the build to a little past its usual end.
        let delay = full_build.mul_f64(1.1 * f64::from(kill_point) / f64::from(KILLS - 1));
        let now = if built == Built::Old {
            NEW_NOW
        } else {
            OLD_NOW
        };
        let child = careers_build(&site, now).spawn().expect("the binary runs");
        std::thread::sleep(delay);
        kill(child);
        let when = format!("killed after {} ms", delay.as_millis());
        built = which_build(&site.public(), &old, &new, &when);
        if !leftovers(&site).is_empty() {
            left_something += 1;
        }
    }
    assert!(
        left_something > 0,
        "some kills landed mid-build (a full build took {} ms)",
        full_build.as_millis()
    );

    let last = build(&site, NEW_NOW);
    assert_eq!(last, new);
    assert_eq!(
        leftovers(&site),
        Vec::<String>::new(),
        "no staging folders left"
    );
}

#[test]
fn a_build_killed_at_the_swap_leaves_the_old_site_or_the_new_one() {
    if !cfg!(debug_assertions) {
        // The stop hook exists only in debug builds.
        return;
    }
    let site = site(30);
    let new = build(&site, NEW_NOW);
    let old = build(&site, OLD_NOW);

    let child = build_stopped_at(&site, NEW_NOW, "before-swap");
    kill(child);
    assert_eq!(
        which_build(&site.public(), &old, &new, "killed before the swap"),
        Built::Old
    );

    // Killed in the middle of the swap: where the two folders are
    // exchanged in one step, the new site is already in place.
    let child = build_stopped_at(&site, NEW_NOW, "mid-swap");
    kill(child);
    which_build(
        &site.public(),
        &old,
        &new,
        "killed in the middle of the swap",
    );
    assert!(
        !leftovers(&site).is_empty(),
        "the killed build left a folder"
    );

    assert_eq!(build(&site, NEW_NOW), new);
    assert_eq!(leftovers(&site), Vec::<String>::new());
}

#[test]
fn a_second_build_of_the_same_output_is_refused_while_the_first_runs() {
    if !cfg!(debug_assertions) {
        return;
    }
    let site = site(30);
    let old = build(&site, OLD_NOW);

    let first = build_stopped_at(&site, NEW_NOW, "before-swap");
    let left = leftovers(&site);
    let staging: Vec<&String> = left
        .iter()
        .filter(|n| n.starts_with(".public.staging-"))
        .collect();
    assert_eq!(
        staging.len(),
        1,
        "the first build's staging folder: {left:?}"
    );

    let second = careers_build(&site, NEW_NOW)
        .stderr(Stdio::piped())
        .output()
        .expect("the binary runs");
    let message = String::from_utf8_lossy(&second.stderr);
    assert!(!second.status.success(), "the second build is refused");
    assert!(
        message.contains("another careers build is writing"),
        "a plain message: {message}"
    );
    assert_eq!(leftovers(&site), left, "the first build's folder is kept");
    assert!(
        site.root().join(staging[0]).join("index.html").is_file(),
        "and its contents"
    );
    assert_eq!(snapshot(&site.public()), old, "public/ is as it was");

    kill(first);
    let new = build(&site, NEW_NOW);
    assert_ne!(new, old);
    assert_eq!(leftovers(&site), Vec::<String>::new());
}

#[test]
fn only_folders_named_exactly_like_a_dead_builds_are_removed() {
    let site = site(3);
    build(&site, OLD_NOW);
    let root = site.root();
    for dead in [".public.staging-999999", ".public.old-42"] {
        fs::create_dir_all(root.join(dead).join("jobs")).unwrap();
        fs::write(root.join(dead).join("jobs/index.html"), "half a site").unwrap();
    }
    let kept_folders = [
        ".public.staging-notes",
        ".public.old-",
        ".public.backup-1",
        ".other.staging-1",
        "public.old-1",
    ];
    for name in kept_folders {
        fs::create_dir_all(root.join(name)).unwrap();
        fs::write(root.join(name).join("mine.txt"), "mine").unwrap();
    }
    fs::write(root.join(".public.old-43"), "a file, not a folder").unwrap();
    fs::create_dir_all(root.join("elsewhere")).unwrap();
    fs::write(root.join("elsewhere/mine.txt"), "mine").unwrap();
    std::os::unix::fs::symlink(root.join("elsewhere"), root.join(".public.staging-44")).unwrap();

    build(&site, NEW_NOW);

    assert!(!root.join(".public.staging-999999").exists());
    assert!(!root.join(".public.old-42").exists());
    for name in kept_folders {
        assert_eq!(fs::read(root.join(name).join("mine.txt")).unwrap(), b"mine");
    }
    assert!(root.join(".public.old-43").is_file());
    assert!(root.join(".public.staging-44").is_symlink());
    assert_eq!(fs::read(root.join("elsewhere/mine.txt")).unwrap(), b"mine");
}
