//! `careers new` and `careers init`: writing files for people to fill in.
//!
//! `new` writes one vacancy as a draft, every field present: filled from
//! the arguments, or a `[[placeholder]]` for required ones, or commented
//! out with a line of explanation for optional ones. The file validates as
//! it is, so a preview shows it at once; `vacancy::placeholder` stops it
//! being published while a placeholder is left. `init` writes a small new
//! site that builds at once with the built-in theme.
//!
//! `new.rs` writes the advert, `init.rs` the site; both write only files
//! that do not exist yet.

mod init;
mod new;

use std::collections::BTreeSet;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::calendar;
use crate::content::yaml::{self, Kind};
use crate::content::{self, frontmatter};
use crate::diagnostics::{Diagnostics, FileReport};
use crate::slug::{self, slugify};

/// How long a new advert stays open.
pub const NEW_ADVERT_DAYS: i32 = 14;
/// How long the example advert of a new site stays open.
pub const EXAMPLE_ADVERT_DAYS: i32 = 30;

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("there is no content folder in {}", .0.display())]
    NoContent(PathBuf),
    #[error("the title \"{0}\" has no letters or digits to name the file after")]
    EmptyTitle(String),
    #[error("--band: {0}")]
    Band(String),
    #[error("--now: {0}")]
    Now(String),
    #[error("{} already exists; careers never overwrites a file", .0.display())]
    Exists(PathBuf),
    #[error("{} is not empty; careers init only fills an empty folder", .0.display())]
    NotEmpty(PathBuf),
    #[error("could not write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl ScaffoldError {
    /// What to do about it.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            ScaffoldError::NoContent(_) => Some(
                "run careers new in the site's folder (the one holding content/), or pass --root; careers init DIR makes a new site",
            ),
            ScaffoldError::EmptyTitle(_) => {
                Some("give the job title, e.g. careers new \"Staff Nurse\"")
            }
            ScaffoldError::Band(_) => Some(
                "Agenda for Change bands are 1 to 7, 8a to 8d and 9; other grades are words, e.g. --band Consultant",
            ),
            ScaffoldError::NotEmpty(_) => {
                Some("choose a new folder name, e.g. careers init my-careers-site")
            }
            _ => None,
        }
    }
}

pub(super) fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> ScaffoldError + '_ {
    move |source| ScaffoldError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What `careers new` is asked for.
#[derive(Debug, Clone, Default)]
pub struct NewVacancy {
    /// The site's folder (holding `content/`).
    pub root: PathBuf,
    pub title: String,
    pub band: Option<String>,
    pub location: Option<String>,
    /// "Today" as `--now` gives it; default the current date.
    pub now: Option<String>,
}

/// A file written.
#[derive(Debug, Clone)]
pub struct Created {
    pub path: PathBuf,
    /// Relative to the site root: `content/jobs/staff-nurse.md`.
    pub relative: String,
    /// The page's address in the site: `jobs/staff-nurse/`.
    pub url: String,
    /// Set when the title's own slug was taken by another advert.
    pub taken: Option<String>,
    pub posted: Date,
    pub closes: Date,
    /// Problems of `content/site.yaml` met on the way (the file is still
    /// written, dated in UK time).
    pub warnings: Diagnostics,
}

/// Writes `content/jobs/<slug>.md` for a new draft advert, never
/// overwriting a file: if another advert (closed ones included) already
/// has the slug, `-2`, `-3`... is added.
pub(super) fn today(now: Option<&str>, zone: &TimeZone) -> Result<Date, ScaffoldError> {
    let moment = match now {
        Some(text) => calendar::parse_now(text, zone)
            .map_err(|p| ScaffoldError::Now(format!("{} ({})", p.message, p.hint)))?,
        None => Timestamp::now(),
    };
    Ok(moment.to_zoned(zone.clone()).date())
}

/// The slug of every job file, read as loosely as possible: its `slug:`
/// if it has one, else its file name.
pub(super) fn existing_slugs(jobs: &[content::SourceFile]) -> BTreeSet<String> {
    let mut slugs = BTreeSet::new();
    for job in jobs {
        slugs.insert(slug::from_file_name(&job.content_path));
        let mut report = FileReport::new(&job.path, &job.text);
        let Some(split) = frontmatter::split(&job.text, &mut report) else {
            continue;
        };
        let Ok(root) = yaml::parse(split.yaml, split.yaml_line_offset) else {
            continue;
        };
        if let Kind::Map(entries) = &root.kind {
            for (key, value) in entries {
                if let (true, Kind::Str(slug)) = (key.name == "slug", &value.kind) {
                    slugs.insert(slugify(slug));
                }
            }
        }
    }
    slugs
}

/// Creates `path` with `text`, failing if it exists.
pub(super) fn write_new(path: &Path, text: &str) -> Result<(), ScaffoldError> {
    let mut file = match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(ScaffoldError::Exists(path.to_path_buf()));
        }
        Err(err) => return Err(io_error(path)(err)),
    };
    file.write_all(text.as_bytes()).map_err(io_error(path))
}

pub use init::{Initialised, init_site};
pub use new::new_vacancy;
pub(crate) use new::scalar;
