//! `careers import`: adverts posted on NHS Jobs become vacancy files, typed
//! by no one (SITE-FORMAT.md section 7).
//!
//! Each source (a file or an `https://` address) is read by the reader of
//! its form: `text` (an advert copied from NHS Jobs, or a job description
//! document), `html` (a saved page), `xml` (a search response, one advert
//! a record); `fields` reads single facts in NHS Jobs' words; `write` makes
//! the file; `update` knows the files already there. This module ties them
//! together: the employer is matched to `site.yaml`'s, a file is never
//! overwritten, `--update` changes only the fields the source changed, and
//! a source that fails is named while the others still import. Besides
//! `careers new` and `init` (`scaffold`), only this command writes into
//! `content/`, and it writes nowhere else.

pub mod advert;
mod body;
pub mod fetch;
pub mod fields;
pub mod html;
mod reader;
pub mod text;
mod update;
pub mod write;
pub mod xml;

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use advert::Advert;
pub use fetch::{FetchError, FetchOptions};

use crate::config::{self, SiteConfig};
use crate::content;
use crate::diagnostics::Diagnostics;
use crate::slug::slugify;

/// What `careers import` is asked to do.
#[derive(Debug, Clone, Default)]
pub struct ImportRequest {
    /// The site's folder (holding `content/`).
    pub root: PathBuf,
    /// Files or `https://` addresses.
    pub sources: Vec<String>,
    pub update: bool,
    pub publish: bool,
    pub fetch: FetchOptions,
}

/// What became of one advert.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Created,
    /// `--update`: the fields changed (none: it was up to date).
    Updated(Vec<&'static str>),
}

/// One advert imported.
#[derive(Debug, Clone)]
pub struct Imported {
    /// `content/jobs/nurse.md`
    pub relative: String,
    pub path: PathBuf,
    pub title: String,
    pub action: Action,
    /// What is left to fill in ("band", "closing date").
    pub missing: Vec<&'static str>,
    /// A new file written as a draft (`draft: true`): without `--publish`,
    /// or when `kept_draft`. False for an update, which leaves it as it was.
    pub draft: bool,
    /// `--publish` was asked for but the advert was written as a draft,
    /// because it has placeholders left: a published advert may not.
    pub kept_draft: bool,
}

/// Why a source or one of its adverts was not imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("there is no content folder in {}", .0.display())]
    NoContent(PathBuf),
    #[error("{}", read_failure(.0))]
    Read(std::io::Error),
    #[error("{0}")]
    Fetch(#[from] FetchError),
    #[error("{0}")]
    Xml(#[from] xml::XmlError),
    #[error("it holds no advert (no title, reference, band, place, closing date or text)")]
    NoAdvert,
    #[error("{relative} already holds this advert{}; careers never overwrites a file", reference.as_ref().map(|r| format!(" ({r})")).unwrap_or_default())]
    Exists {
        relative: String,
        reference: Option<String>,
    },
    /// `--update` of an advert that gives no reference, whose file is there.
    #[error(
        "{relative} seems to hold this advert, but the source gives no reference to match it by, so --update cannot change it"
    )]
    NoReference { relative: String },
    #[error("could not write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Why a file could not be read, in words.
fn read_failure(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "there is no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => {
            "could not read it: this account may not open it".to_owned()
        }
        std::io::ErrorKind::IsADirectory => "it is a folder, not a file".to_owned(),
        _ => format!("could not read it: {err}"),
    }
}

impl ImportError {
    /// What to do about it.
    pub fn hint(&self) -> Option<&'static str> {
        Some(match self {
            ImportError::NoContent(_) => {
                "run careers import in the site's folder (the one holding content/), or pass --root"
            }
            ImportError::Exists { .. } => {
                "to bring in what changed on NHS Jobs, run it again with --update"
            }
            ImportError::NoReference { .. } => {
                "make the changes by hand, or delete the file and import the advert again"
            }
            ImportError::NoAdvert => {
                "copy the whole advert page (from its title to \"Supporting documents\"), or save the page as HTML"
            }
            ImportError::Fetch(FetchError::NotHttps) => {
                "use the advert's https:// address, or save the page and import the file"
            }
            ImportError::Fetch(_) => {
                "check the address in a browser, or save the page and import the file"
            }
            _ => return None,
        })
    }
}

/// What became of one source: its adverts, or why none could be read.
#[derive(Debug)]
pub struct SourceOutcome {
    pub source: String,
    pub adverts: Vec<Result<Imported, ImportError>>,
    pub error: Option<ImportError>,
}

impl SourceOutcome {
    /// Whether everything in it was imported.
    pub fn succeeded(&self) -> bool {
        self.error.is_none() && self.adverts.iter().all(Result::is_ok)
    }
}

/// Imports every source in turn; one that fails does not stop the others.
pub fn import(request: &ImportRequest) -> Vec<SourceOutcome> {
    let root = &request.root;
    if !root.join("content").is_dir() {
        return request
            .sources
            .iter()
            .map(|source| SourceOutcome {
                source: source.clone(),
                adverts: Vec::new(),
                error: Some(ImportError::NoContent(
                    std::path::absolute(root).unwrap_or_else(|_| root.clone()),
                )),
            })
            .collect();
    }
    let config = site_config(root);
    let mut outcomes = Vec::new();
    for source in &request.sources {
        let outcome = match read_source(source, &request.fetch) {
            Ok(adverts) => SourceOutcome {
                source: source.clone(),
                adverts: adverts
                    .into_iter()
                    .map(|mut advert| {
                        resolve_employer(&mut advert, config.as_ref());
                        place_advert(request, config.as_ref(), &advert)
                    })
                    .collect(),
                error: None,
            },
            Err(error) => SourceOutcome {
                source: source.clone(),
                adverts: Vec::new(),
                error: Some(error),
            },
        };
        outcomes.push(outcome);
    }
    outcomes
}

fn site_config(root: &Path) -> Option<SiteConfig> {
    let mut problems = Diagnostics::default();
    let sources = content::discover(root, &mut problems);
    sources.site_yaml.as_ref().and_then(|s| config::parse(s).0)
}

/// The adverts of one source, read by the reader of its form.
pub fn read_source(source: &str, options: &FetchOptions) -> Result<Vec<Advert>, ImportError> {
    let (text, kind) = if fetch::is_url(source) {
        let fetched = fetch::get(source, options)?;
        let kind = if fetched.content_type.contains("xml") {
            "xml"
        } else if fetched.content_type.contains("html") {
            "html"
        } else {
            ""
        };
        (fetched.text, kind)
    } else {
        let text = std::fs::read(source).map_err(ImportError::Read)?;
        let text = String::from_utf8_lossy(&text).into_owned();
        let lower = source.to_ascii_lowercase();
        let kind = if lower.ends_with(".xml") {
            "xml"
        } else if lower.ends_with(".html") || lower.ends_with(".htm") {
            "html"
        } else {
            ""
        };
        (text, kind)
    };
    let mut adverts = read_text(&text, kind)?;
    if fetch::is_url(source) {
        for advert in &mut adverts {
            if advert.apply_url.is_none() && source.starts_with("https://") {
                advert.apply_url = Some(source.to_owned());
            }
        }
    }
    adverts.retain(|a| !a.is_empty());
    if adverts.is_empty() {
        return Err(ImportError::NoAdvert);
    }
    Ok(adverts)
}

/// The adverts of a source's text; `kind` is "xml", "html" or "" (look).
pub fn read_text(text: &str, kind: &str) -> Result<Vec<Advert>, ImportError> {
    let start = text
        .trim_start()
        .get(..200)
        .unwrap_or(text.trim_start())
        .to_ascii_lowercase();
    let kind = match kind {
        "" if start.starts_with("<?xml") || start.contains("<vacancydetails") => "xml",
        "" if start.starts_with("<!doctype html") || start.starts_with("<html") => "html",
        kind => kind,
    };
    Ok(match kind {
        "xml" => xml::read(text)?,
        "html" => vec![html::read(text)],
        _ => vec![text::read(text)],
    })
}

/// Names the advert's employer as `site.yaml` does, when one fits: the
/// name the source gives, or else the one employer its text names.
fn resolve_employer(advert: &mut Advert, config: Option<&SiteConfig>) {
    let Some(config) = config else { return };
    let names: Vec<&str> = config
        .employers
        .iter()
        .chain(config.employer.as_ref())
        .map(|e| e.name.as_str())
        .collect();
    if let Some(given) = &advert.employer {
        if let Some(name) = names.iter().find(|n| key(n) == key(given)) {
            advert.employer = Some((*name).to_owned());
        }
        return;
    }
    let about: String = advert
        .body
        .iter()
        .filter(|s| s.heading == "About us")
        .map(|s| format!("{:?}", s.blocks))
        .collect();
    let mut named = names.iter().filter(|n| {
        let short = distinctive(n);
        !short.is_empty()
            && words(&about)
                .windows(short.len())
                .any(|w| w == short.as_slice())
    });
    if let (Some(one), None) = (named.next(), named.next()) {
        advert.employer = Some((*one).to_owned());
    }
}

/// An employer's name with its common words folded: "Oxford Health NHS FT"
/// and "Oxford Health NHS Foundation Trust" have one key.
fn key(name: &str) -> String {
    words(&name.replace(" FT", " Foundation Trust")).join(" ")
}

/// The words of a name before "NHS": "Oxleas", "Kent and Medway".
fn distinctive(name: &str) -> Vec<String> {
    let all = words(name);
    all.into_iter().take_while(|w| w != "nhs").collect()
}

fn words(text: &str) -> Vec<String> {
    text.replace('&', " and ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Writes a new file for the advert, or with `--update` changes the one
/// holding its reference.
fn place_advert(
    request: &ImportRequest,
    config: Option<&SiteConfig>,
    advert: &Advert,
) -> Result<Imported, ImportError> {
    let fields = write::fields(advert, config);
    let missing: Vec<&'static str> = fields.iter().filter_map(|f| f.missing).collect();
    let title = advert
        .title
        .clone()
        .unwrap_or_else(|| "an advert with no title".to_owned());
    let existing = update::existing(&request.root);
    let same = advert.reference.as_ref().and_then(|r| {
        existing
            .iter()
            .find(|e| e.reference.as_deref() == Some(r.as_str()))
    });
    if let Some(file) = same {
        if !request.update {
            return Err(ImportError::Exists {
                relative: file.relative.clone(),
                reference: advert.reference.clone(),
            });
        }
        let text = std::fs::read_to_string(&file.path).map_err(ImportError::Read)?;
        let (new, changed) = update::update(&text, &fields);
        if new != text {
            std::fs::write(&file.path, new).map_err(|source| ImportError::Write {
                path: file.path.clone(),
                source,
            })?;
        }
        return Ok(Imported {
            relative: file.relative.clone(),
            path: file.path.clone(),
            title,
            action: Action::Updated(changed),
            missing,
            draft: false,
            kept_draft: false,
        });
    }
    let base = match advert.title.as_deref().map(slugify) {
        Some(slug) if !slug.is_empty() => slug,
        _ => advert
            .reference
            .as_deref()
            .map(slugify)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "imported-advert".to_owned()),
    };
    let jobs = request.root.join("content").join("jobs");
    // The same advert (no reference to tell) imported again is refused; a
    // different advert with the same title gets `-2`, `-3`...
    let mut slug = base.clone();
    let mut n = 1;
    loop {
        let taken = existing.iter().find(|e| e.slug == slug);
        let on_disk = jobs.join(format!("{slug}.md")).exists();
        match taken {
            Some(file) if advert.reference.is_none() || file.reference.is_none() => {
                return Err(if request.update {
                    ImportError::NoReference {
                        relative: file.relative.clone(),
                    }
                } else {
                    ImportError::Exists {
                        relative: file.relative.clone(),
                        reference: None,
                    }
                });
            }
            None if !on_disk => break,
            _ => {
                n += 1;
                slug = format!("{base}-{n}");
            }
        }
    }
    // An advert with a placeholder left cannot be published (the build
    // would refuse it), so `--publish` writes it as a draft and says so.
    let publish = request.publish && missing.is_empty();
    let text = write::file_text(advert, &fields, publish);
    std::fs::create_dir_all(&jobs).map_err(|source| ImportError::Write {
        path: jobs.clone(),
        source,
    })?;
    let path = jobs.join(format!("{slug}.md"));
    write_new(&path, &text)?;
    Ok(Imported {
        relative: format!("content/jobs/{slug}.md"),
        path,
        title,
        action: Action::Created,
        draft: !publish,
        kept_draft: request.publish && !publish,
        missing,
    })
}

/// Creates `path`, failing if it exists.
fn write_new(path: &Path, text: &str) -> Result<(), ImportError> {
    let failed = |source| ImportError::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut file = match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(ImportError::Exists {
                relative: path.display().to_string(),
                reference: None,
            });
        }
        Err(err) => return Err(failed(err)),
    };
    file.write_all(text.as_bytes()).map_err(failed)
}
