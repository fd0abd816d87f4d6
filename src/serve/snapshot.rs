//! One build of the site held in memory, ready to serve: the rendered
//! files, the theme's static files and the documents, by output path.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::site::Status;
use crate::theme::StaticFile;
use crate::{BuildOptions, Error, render_site};

/// A site rendered into memory. Nothing of it is ever written to disk.
#[derive(Debug)]
pub struct SiteSnapshot {
    /// Rendered pages, feeds and crawler files by output path
    /// (`jobs/nurse/index.html`).
    pub files: HashMap<String, Vec<u8>>,
    /// The theme's static files by output path (`css/careers.css`).
    pub statics: BTreeMap<String, StaticFile>,
    /// Files under `content/documents` by output path
    /// (`documents/jd.pdf`), read from disk when asked for.
    pub documents: BTreeMap<String, PathBuf>,
    /// The theme the site uses, for the watcher.
    pub theme: String,
    /// Every vacancy with a page, drafts and future ones included.
    pub vacancies: usize,
    pub open: usize,
    pub closed: usize,
    pub previews: usize,
    pub warnings: Diagnostics,
}

impl SiteSnapshot {
    /// "18 vacancies: 12 open, 4 closed, 2 previews".
    pub fn describe(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "{}: {} open, {} closed, {}",
            plural(self.vacancies, "vacancy", "vacancies"),
            self.open,
            self.closed,
            plural(self.previews, "preview", "previews")
        )
    }
}

/// Reads, checks and renders the whole site into memory.
///
/// Every change rebuilds everything for now; a partial rebuild can replace
/// this function without the server noticing.
pub fn rebuild(options: &BuildOptions) -> Result<SiteSnapshot, Diagnostics> {
    let rendered = match render_site(options) {
        Ok(rendered) => rendered,
        Err(Error::Invalid(problems)) => return Err(problems),
        // render_site writes nothing, so this cannot happen; report it
        // rather than panic all the same.
        Err(other) => {
            return Err(std::iter::once(Diagnostic::error("(build)", other.to_string())).collect());
        }
    };
    let count = |wanted: fn(Status) -> bool| {
        rendered
            .site
            .vacancies
            .iter()
            .filter(|p| wanted(p.status))
            .count()
    };
    Ok(SiteSnapshot {
        vacancies: rendered.site.vacancies.len(),
        open: count(|s| s == Status::Open),
        closed: count(|s| s == Status::Closed),
        previews: count(|s| matches!(s, Status::Draft | Status::Future)),
        theme: rendered.site.config.theme.clone(),
        documents: rendered
            .site
            .documents
            .iter()
            .map(|d| (d.content_path.clone(), d.absolute.clone()))
            .collect(),
        statics: rendered.theme.statics.clone(),
        files: rendered
            .files
            .into_iter()
            .map(|f| (f.path, f.bytes))
            .collect(),
        warnings: rendered.warnings,
    })
}
