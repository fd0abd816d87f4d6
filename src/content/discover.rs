//! Finds the files of a site under `content/`: `site.yaml`, the vacancies,
//! the free pages and the documents, read into memory once.
//!
//! Files are returned sorted by path so everything downstream is
//! deterministic whatever order the file system lists them in.
//!
//! This is the only reader of `content/`, for a full build and for the
//! single files `serve` re-reads ([`reread`]), so both keep one set of
//! rules: a symbolic link is never followed at any depth (the top-level
//! `jobs/`, `pages/`, `documents/` and `site.yaml` included), since it
//! could publish or quote a file from anywhere; a name that is not UTF-8
//! is an error, since two such names can come out as one web address; and
//! a document must open for reading, so `check` finds what `build` would.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::walk::{PERMISSIONS_HINT, files_under, io_reason, open_not_following, relative};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// A text file of the site, read and decoded.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, `/`-separated (`content/jobs/nurse.md`).
    pub path: String,
    /// Path relative to `content/` (`jobs/nurse.md`), as `@/` links name it.
    pub content_path: String,
    pub text: String,
}

/// A file under `content/documents`, copied to the output as it is.
#[derive(Debug, Clone)]
pub struct Document {
    /// Path relative to `content/` (`documents/jd.pdf`), which is also its
    /// path in the output.
    pub content_path: String,
    pub absolute: PathBuf,
    pub bytes: u64,
}

/// Everything `content/` holds, read before any parsing.
#[derive(Debug, Default)]
pub struct SiteSources {
    pub site_yaml: Option<SourceFile>,
    pub jobs: Vec<SourceFile>,
    pub pages: Vec<SourceFile>,
    pub documents: Vec<Document>,
}

/// Reads the content folder of the site at `root`. Unreadable files are
/// reported, not fatal, so every problem shows in one run.
pub fn discover(root: &Path, diagnostics: &mut Diagnostics) -> SiteSources {
    let content = root.join("content");
    let mut sources = SiteSources::default();
    if std::fs::symlink_metadata(&content).is_ok_and(|m| m.file_type().is_symlink()) {
        // Everything under it would come from outside the site's folder.
        diagnostics.push(
            Diagnostic::error(
                "content",
                "the content folder is a symbolic link (a shortcut), which careers does not follow",
            )
            .hint(format!(
                "put the content folder itself in {} (move it there, or pass --root with the folder that holds it)",
                root.display()
            )),
        );
        return sources;
    }
    if !content.is_dir() {
        diagnostics.push(
            Diagnostic::error("content", "there is no content folder here")
                .hint(format!(
                    "run careers in the site's folder (the one holding content/), or pass --root; looked in {}",
                    root.display()
                )),
        );
        return sources;
    }

    let site_yaml = content.join("site.yaml");
    let is_link = std::fs::symlink_metadata(&site_yaml).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        // Not read at all: its lines would be quoted in messages.
        diagnostics.push(
            Diagnostic::error(
                "content/site.yaml",
                "the site settings file is a symbolic link (a shortcut), which careers does not follow",
            )
            .hint("put the settings file itself at content/site.yaml instead of a link to it"),
        );
    } else if site_yaml.is_file() {
        sources.site_yaml = read_text(root, &site_yaml, diagnostics);
    } else {
        diagnostics.push(
            Diagnostic::error("content/site.yaml", "the site settings file is missing")
                .hint("create content/site.yaml with at least `title:` and `base_url:`"),
        );
    }

    let (jobs, job_problems) = read_markdown(root, &content.join("jobs"));
    let (pages, page_problems) = read_markdown(root, &content.join("pages"));
    sources.jobs = jobs;
    sources.pages = pages;
    diagnostics.extend(job_problems);
    diagnostics.extend(page_problems);
    sources.documents = list_documents(root, &content.join("documents"), diagnostics);
    sources
}

/// Walks `dir` for `*.md` files and reads them in parallel.
fn read_markdown(root: &Path, dir: &Path) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let paths: Vec<PathBuf> = files_under(root, dir, &mut problems)
        .into_iter()
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    let results: Vec<Result<SourceFile, Diagnostic>> = paths
        .par_iter()
        .map(|path| read_source(root, path))
        .collect();
    let mut files = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(file) => files.push(file),
            Err(problem) => problems.push(problem),
        }
    }
    (files, problems)
}

fn read_text(root: &Path, path: &Path, diagnostics: &mut Diagnostics) -> Option<SourceFile> {
    match read_source(root, path) {
        Ok(file) => Some(file),
        Err(problem) => {
            diagnostics.push(problem);
            None
        }
    }
}

/// The largest text file of `content/` that is read: room for the 1 MB
/// body limit and its front matter. Real adverts are a few KB; this stops
/// a file of gigabytes being read into memory before any check.
pub const MAX_TEXT_FILE_BYTES: u64 = 2 * 1024 * 1024;

fn read_source(root: &Path, path: &Path) -> Result<SourceFile, Diagnostic> {
    let rel = relative(root, path);
    let unreadable = |err: std::io::Error| {
        Diagnostic::error(&rel, format!("could not be read: {}", io_reason(&err)))
            .hint(PERMISSIONS_HINT)
    };
    let mut file = open_not_following(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > MAX_TEXT_FILE_BYTES {
        return Err(Diagnostic::error(
            &rel,
            format!(
                "this file is {} KB, over the limit of {} KB (2 MB) for an advert, a page or the settings",
                size.div_ceil(1024),
                MAX_TEXT_FILE_BYTES / 1024
            ),
        )
        .hint("real adverts are a few KB: check that this is the file you meant, and put long material in a document under content/documents instead"));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    std::io::Read::read_to_end(&mut file, &mut bytes).map_err(unreadable)?;
    let text = String::from_utf8(bytes).map_err(|err| not_utf8(&rel, err))?;
    let content_path = rel.strip_prefix("content/").unwrap_or(&rel).to_owned();
    Ok(SourceFile {
        path: rel,
        content_path,
        text,
    })
}

/// Names the first byte that is not UTF-8 by its line and column, since that
/// is what an editor shows, with the character it probably was, and quotes
/// its line.
fn not_utf8(rel: &str, err: std::string::FromUtf8Error) -> Diagnostic {
    let bytes = err.as_bytes();
    let offset = err.utf8_error().valid_up_to();
    let before = &bytes[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    let byte = bytes[offset];
    let (guess, check) = match windows_1252(byte) {
        Some(c) => (
            format!(", which is probably \"{c}\" saved in an older Windows encoding"),
            format!(", then check that \"{c}\" shows correctly"),
        ),
        None => (String::new(), String::new()),
    };
    Diagnostic::error(
        rel,
        format!("the file is not saved as UTF-8: the byte 0x{byte:02X} here cannot be read{guess}"),
    )
    .at(crate::diagnostics::Position::new(line, column))
    .hint(format!("save the file as UTF-8 in your editor (often \"Save with encoding\" or \"Save as\"){check}; text pasted from Word often brings this in"))
    .quote_from(&String::from_utf8_lossy(bytes))
}

/// The visible character a byte stands for in Windows-1252, the encoding
/// older Windows programs save in.
fn windows_1252(byte: u8) -> Option<char> {
    const HIGH: &str = "€\u{0}‚ƒ„…†‡ˆ‰Š‹Œ\u{0}Ž\u{0}\u{0}‘’“”•–—˜™š›œ\u{0}žŸ";
    let c = match byte {
        0x80..=0x9F => HIGH.chars().nth(usize::from(byte - 0x80))?,
        0xA1..=0xFF => char::from(byte),
        _ => return None,
    };
    (c != '\u{0}' && c != '\u{AD}').then_some(c)
}

/// The documents under `dir`, each checked to open for reading, so that
/// `check` reports a document `build` could not copy.
fn list_documents(root: &Path, dir: &Path, diagnostics: &mut Diagnostics) -> Vec<Document> {
    let mut problems = Vec::new();
    let content = root.join("content");
    let mut documents = Vec::new();
    for path in files_under(root, dir, &mut problems) {
        let bytes = match std::fs::File::open(&path).and_then(|file| file.metadata()) {
            Ok(meta) => meta.len(),
            Err(err) => {
                problems.push(
                    Diagnostic::error(
                        relative(root, &path),
                        format!("could not be read: {}", io_reason(&err)),
                    )
                    .hint(PERMISSIONS_HINT),
                );
                0
            }
        };
        documents.push(Document {
            content_path: relative(&content, &path),
            absolute: path,
            bytes,
        });
    }
    diagnostics.extend(problems);
    documents
}

/// What one path under `content/jobs` or `content/pages` holds now, read
/// by the rules [`discover`] follows, for `serve` after a save.
#[derive(Debug)]
pub enum Reread {
    /// Nothing is there now: the file (or a folder on its way) was removed.
    Gone,
    /// An ordinary file that is not Markdown, which `discover` ignores too.
    Ignored,
    /// A Markdown file, read and decoded.
    Read(SourceFile),
    /// Something only a full [`discover`] reports: a symbolic link on the
    /// way, a folder, a name or text that is not UTF-8, a read error.
    NeedsDiscover,
}

/// Reads the file at `path` (relative to `root`, `/`-separated, as the
/// watcher names it) again.
pub fn reread(root: &Path, path: &str) -> Reread {
    // The watcher names a path that is not UTF-8 lossily.
    if path.contains('\u{FFFD}') || !path.starts_with("content/") {
        return Reread::NeedsDiscover;
    }
    let mut at = root.join("content");
    if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
        return Reread::NeedsDiscover;
    }
    let parts: Vec<&str> = path["content/".len()..].split('/').collect();
    for part in &parts {
        if part.is_empty() || *part == "." || *part == ".." {
            return Reread::NeedsDiscover;
        }
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Reread::Gone,
            Err(_) => return Reread::NeedsDiscover,
            Ok(meta) if meta.file_type().is_symlink() => return Reread::NeedsDiscover,
            Ok(_) => {}
        }
    }
    match std::fs::symlink_metadata(&at) {
        Ok(meta) if meta.file_type().is_file() => {}
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Reread::Gone,
        _ => return Reread::NeedsDiscover,
    }
    if !path.ends_with(".md") {
        return Reread::Ignored;
    }
    // Read by discover's own reader, so its limits hold; a full read
    // reports whatever stops it (a bad byte, a file over the limit).
    match read_source(root, &at) {
        Ok(file) => Reread::Read(file),
        Err(_) if std::fs::symlink_metadata(&at).is_err() => Reread::Gone,
        Err(_) => Reread::NeedsDiscover,
    }
}
