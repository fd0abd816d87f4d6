//! `careers import`: the helpers its tests share (the seeds, a site with
//! the example site's settings, reading front matter back), and one module
//! per area: `sources` (the five seeds against the example site's hand-made
//! adverts, fixtures of our own, never overwriting, `--update`, an
//! https-only fetch, every imported file accepted once filled in),
//! `previews` (run as a comms officer would: drafts with placeholders in a
//! preview and off the live site, `--publish`, what is said on which
//! stream) and `found` (the failures the fuzz target found, each kept as a
//! source that must import into a draft that builds).

mod found;
mod previews;
mod sources;

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use careers::content::yaml::{self, Kind, Value};
use careers::import::{self, ImportRequest};
use common::Fixture;

pub(super) const NOW: &str = "2026-12-02";

pub(super) fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

pub(super) fn seeds() -> PathBuf {
    repo("tests/import-fixtures/seeds")
}

pub(super) fn seed(prefix: &str) -> String {
    let dir = seeds();
    let found = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .expect("the seed");
    found.display().to_string()
}

/// A site with the example site's settings and no adverts.
pub(super) fn example_site() -> Fixture {
    Fixture::new().site_yaml(&std::fs::read_to_string(repo("content/site.yaml")).unwrap())
}

pub(super) fn request(site: &Fixture, sources: &[String]) -> ImportRequest {
    ImportRequest {
        root: site.root().to_owned(),
        sources: sources.to_vec(),
        ..ImportRequest::default()
    }
}

/// Each top-level front matter field as one comparable string.
pub(super) fn front(text: &str) -> BTreeMap<String, String> {
    let yaml = text
        .split("\n---\n")
        .next()
        .unwrap()
        .trim_start_matches("---\n");
    let root = yaml::parse(yaml, 1).expect("front matter reads");
    let Kind::Map(entries) = root.kind else {
        panic!()
    };
    entries
        .into_iter()
        .map(|(k, v)| (k.name, canonical(&v)))
        .collect()
}

pub(super) fn canonical(value: &Value) -> String {
    match &value.kind {
        Kind::Null => String::new(),
        Kind::Bool(b) => b.to_string(),
        Kind::Int(n) => n.to_string(),
        Kind::Float(f) => f.to_string(),
        Kind::Str(s) => s.clone(),
        Kind::Seq(items) => format!(
            "[{}]",
            items.iter().map(canonical).collect::<Vec<_>>().join(", ")
        ),
        Kind::Map(entries) => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|(k, v)| format!("{}: {}", k.name, canonical(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Imports one source into `site`, which must succeed with one advert.
pub(super) fn import_one(site: &Fixture, source: &str) -> import::Imported {
    let outcomes = import::import(&request(site, &[source.to_owned()]));
    assert_eq!(outcomes.len(), 1);
    let outcome = outcomes.into_iter().next().unwrap();
    assert!(outcome.error.is_none(), "{:?}", outcome.error);
    let mut adverts = outcome.adverts;
    assert_eq!(adverts.len(), 1);
    adverts.remove(0).expect("imported")
}
