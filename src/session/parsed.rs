//! One job or page file as the session keeps it: parsed once, with a
//! fingerprint of its text to tell an edit from a file read again unchanged,
//! and keyed by path in the order `content::discover` lists files.

use std::cmp::Ordering;
use std::sync::Arc;

use crate::content::SourceFile;
use crate::diagnostics::Diagnostic;
use crate::page::{self, FreePage};
use crate::vacancy::{self, Vacancy};

/// One parsed file: its fingerprint, what it gave, and its problems.
pub(super) struct Parsed<T> {
    pub fingerprint: u64,
    pub item: Option<Arc<T>>,
    pub problems: Vec<Diagnostic>,
}

impl<T> Clone for Parsed<T> {
    fn clone(&self) -> Self {
        Self {
            fingerprint: self.fingerprint,
            item: self.item.clone(),
            problems: self.problems.clone(),
        }
    }
}

/// A path relative to the site root, ordered folder by folder as
/// `content::discover` lists files (`jobs/a/x.md` before `jobs/a-b.md`), so
/// that clashes between files are reported exactly as a full build does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SourceKey(pub String);

impl Ord for SourceKey {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.split('/').cmp(other.0.split('/'))
    }
}

impl PartialOrd for SourceKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

pub(super) fn parse_job(source: &SourceFile, cx: &vacancy::ParseContext) -> Parsed<Vacancy> {
    let (item, problems) = vacancy::parse(source, cx);
    Parsed {
        fingerprint: fingerprint(&source.text),
        item: item.map(Arc::new),
        problems,
    }
}

pub(super) fn parse_page(source: &SourceFile) -> Parsed<FreePage> {
    let (item, problems) = page::parse(source);
    Parsed {
        fingerprint: fingerprint(&source.text),
        item: item.map(Arc::new),
        problems,
    }
}

/// A quick fingerprint of a file's text (FxHash-style, 8 bytes a step,
/// seeded with the length), to tell an edited file from one read again
/// unchanged. Not for anything adversarial.
pub(super) fn fingerprint(text: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let bytes = text.as_bytes();
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        h = (h.rotate_left(5) ^ word).wrapping_mul(K);
    }
    for &b in chunks.remainder() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_sort_folder_by_folder() {
        let mut keys = [
            SourceKey("content/jobs/a-b.md".into()),
            SourceKey("content/jobs/a/x.md".into()),
            SourceKey("content/jobs/a.md".into()),
        ];
        keys.sort();
        let names: Vec<&str> = keys.iter().map(|k| k.0.as_str()).collect();
        // As walkdir lists them: the folder `a` sorts before `a-b.md`.
        assert_eq!(
            names,
            [
                "content/jobs/a/x.md",
                "content/jobs/a-b.md",
                "content/jobs/a.md"
            ]
        );
    }

    #[test]
    fn fingerprints_tell_edits_apart() {
        assert_ne!(fingerprint("title: Nurse"), fingerprint("title: Nurze"));
        assert_ne!(fingerprint("a"), fingerprint("a\0"));
        assert_eq!(fingerprint("same text"), fingerprint("same text"));
    }
}
