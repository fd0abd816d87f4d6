//! `careers new` and `careers init`: writing files for people to fill in.
//!
//! `new` writes one vacancy as a draft, every field present: filled from
//! the arguments, or a `[[placeholder]]` for required ones, or commented
//! out with a line of explanation for optional ones. The file validates as
//! it is, so a preview shows it at once; `vacancy::placeholder` stops it
//! being published while a placeholder is left. `init` writes a small new
//! site that builds at once with the built-in theme, with the JSON Schemas
//! of its fields and VS Code settings that use them in `.vscode/`.

use std::collections::BTreeSet;
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

use crate::calendar;
use crate::config::{self, SiteConfig};
use crate::content::yaml::{self, Kind};
use crate::content::{self, frontmatter};
use crate::diagnostics::{Diagnostics, FileReport};
use crate::routes::Route;
use crate::schema::{self, FieldSpec, NewAdvert, json};
use crate::slug::{self, slugify};
use crate::vacancy::Band;

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

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> ScaffoldError + '_ {
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
pub fn new_vacancy(request: &NewVacancy) -> Result<Created, ScaffoldError> {
    let root = &request.root;
    if !root.join("content").is_dir() {
        return Err(ScaffoldError::NoContent(root.clone()));
    }
    let title = request.title.trim();
    let base = slugify(title);
    if base.is_empty() {
        return Err(ScaffoldError::EmptyTitle(request.title.clone()));
    }
    let band = request
        .band
        .as_deref()
        .map(|b| Band::parse(b).map_err(ScaffoldError::Band))
        .transpose()?;

    let mut problems = Diagnostics::default();
    let sources = content::discover(root, &mut problems);
    let config = sources.site_yaml.as_ref().and_then(|source| {
        let (config, found) = config::parse(source);
        problems.extend(found);
        config
    });
    let timezone = config
        .as_ref()
        .map_or_else(|| SiteConfig::fallback().timezone, |c| c.timezone.clone());
    let posted = today(request.now.as_deref(), &timezone)?;
    let closes = posted.saturating_add(NEW_ADVERT_DAYS.days());

    let taken_slugs = existing_slugs(&sources.jobs);
    let jobs = root.join("content").join("jobs");
    let mut slug = base.clone();
    let mut n = 1;
    while taken_slugs.contains(&slug) || jobs.join(format!("{slug}.md")).exists() {
        n += 1;
        slug = format!("{base}-{n}");
    }
    let text = advert_text(&AdvertFields {
        title,
        slug: &slug,
        band: band.as_ref(),
        location: request.location.as_deref().map(str::trim),
        posted,
        closes,
        config: config.as_ref(),
    });
    std::fs::create_dir_all(&jobs).map_err(io_error(&jobs))?;
    let path = jobs.join(format!("{slug}.md"));
    write_new(&path, &text)?;
    Ok(Created {
        relative: format!("content/jobs/{slug}.md"),
        url: Route::Vacancy { slug: &slug }.url(),
        path,
        taken: (slug != base).then_some(base),
        posted,
        closes,
        warnings: problems
            .iter()
            .filter(|d| d.file == "content/site.yaml")
            .cloned()
            .collect(),
    })
}

/// Today in the site's time zone, or the date of `--now` there.
fn today(now: Option<&str>, zone: &TimeZone) -> Result<Date, ScaffoldError> {
    let moment = match now {
        Some(text) => calendar::parse_now(text, zone)
            .map_err(|p| ScaffoldError::Now(format!("{} ({})", p.message, p.hint)))?,
        None => Timestamp::now(),
    };
    Ok(moment.to_zoned(zone.clone()).date())
}

/// The slug of every job file, read as loosely as possible: its `slug:`
/// if it has one, else its file name.
fn existing_slugs(jobs: &[content::SourceFile]) -> BTreeSet<String> {
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
fn write_new(path: &Path, text: &str) -> Result<(), ScaffoldError> {
    let mut file = match OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(ScaffoldError::Exists(path.to_path_buf()));
        }
        Err(err) => return Err(io_error(path)(err)),
    };
    file.write_all(text.as_bytes()).map_err(io_error(path))
}

struct AdvertFields<'a> {
    title: &'a str,
    slug: &'a str,
    band: Option<&'a Band>,
    location: Option<&'a str>,
    posted: Date,
    closes: Date,
    config: Option<&'a SiteConfig>,
}

/// Column at which the explanations of the front matter start.
const NOTE_COLUMN: usize = 34;

/// `key: value` with its explanation lined up after it.
fn field(out: &mut String, line: &str, note: &str) {
    let pad = NOTE_COLUMN.saturating_sub(line.chars().count()).max(1);
    out.push_str(line);
    out.push_str(&" ".repeat(pad));
    out.push_str("# ");
    out.push_str(note);
    out.push('\n');
}

fn advert_text(a: &AdvertFields) -> String {
    let mut out = String::new();
    out.push_str("---\n");
    out.push_str(&format!(
        "# A new advert, written by `careers new` on {}. It is a draft: it shows in\n\
         # `careers serve` and `careers build --drafts` only, never on the live site.\n\
         # 1. Replace every [[placeholder]], here and in the advert text below.\n\
         # 2. Fill in the optional fields you need and delete the `# ` before them.\n\
         # 3. Delete the `draft: true` line to publish it: `careers check` tells\n\
         #    you if a [[placeholder]] is left. Every field is in docs/content.md.\n",
        calendar::long_date(a.posted)
    ));
    field(
        &mut out,
        &format!("title: {}", scalar(a.title)),
        "required: the job title as candidates search for it",
    );
    field(
        &mut out,
        &format!("reference: \"[[reference of {}]]\"", a.slug),
        "required: the NHS Jobs or Trac reference, e.g. 380-AC0746",
    );
    let band = match a.band {
        Some(Band::AgendaForChange(_)) => a.band.map(Band::code).unwrap_or_default(),
        Some(Band::Other(name)) => scalar(name),
        None => "\"[[band]]\"".to_owned(),
    };
    field(
        &mut out,
        &format!("band: {band}"),
        "required: 1 to 9, 8a to 8d, or a grade such as Consultant",
    );
    let location = match a.location.filter(|l| !slugify(l).is_empty()) {
        Some(town) => scalar(town),
        None => "\"[[town]]\"".to_owned(),
    };
    field(
        &mut out,
        &format!("location: {location}"),
        "required: the town; or `locations:`, a list of sites",
    );
    field(
        &mut out,
        &format!("posted: {}", a.posted),
        "required: the day the advert goes up",
    );
    field(
        &mut out,
        &format!("closes: {}", a.closes),
        "required: the closing date; it closes at the end of that day",
    );
    match a.config {
        Some(SiteConfig {
            employer: None,
            employers,
            ..
        }) if !employers.is_empty() => {
            let names: Vec<&str> = employers.iter().map(|e| e.name.as_str()).collect();
            field(
                &mut out,
                &format!("employer: {}", scalar(names[0])),
                "required here: one of the employers in site.yaml",
            );
            out.push_str(&format!("#   the employers are: {}\n", names.join("; ")));
        }
        Some(SiteConfig { employer: None, .. }) => {
            field(
                &mut out,
                "employer: \"[[employer]]\"",
                "required here: site.yaml names no default employer",
            );
        }
        Some(SiteConfig {
            employer: Some(default),
            ..
        }) => {
            field(
                &mut out,
                &format!("# employer: {}", scalar(&default.name)),
                "optional: another of site.yaml's employers",
            );
        }
        None => field(
            &mut out,
            "# employer: Example NHS Trust",
            "optional: if not site.yaml's employer",
        ),
    }
    field(
        &mut out,
        "draft: true",
        "delete this line to publish the advert",
    );
    optional_fields(&mut out);
    out.push_str("---\n");
    out.push_str(BODY);
    out
}

/// The optional fields of a vacancy, commented out, each with its example
/// and its note; a field written as a group has its own fields below it.
fn optional_fields(out: &mut String) {
    let commented = |field: &&FieldSpec| {
        matches!(
            field.new_advert,
            NewAdvert::Commented | NewAdvert::CommentedBefore(_)
        )
    };
    let mut fields: Vec<&FieldSpec> = schema::VACANCY.fields.iter().filter(commented).collect();
    for moved in fields.clone() {
        if let NewAdvert::CommentedBefore(next) = moved.new_advert {
            fields.retain(|f| f.name != moved.name);
            let at = fields.iter().position(|f| f.name == next);
            fields.insert(at.unwrap_or(fields.len()), moved);
        }
    }
    for spec in fields {
        let Some((group, listed)) = spec.group() else {
            field(
                out,
                &format!("# {}: {}", spec.name, spec.example),
                spec.note,
            );
            continue;
        };
        field(out, &format!("# {}:", spec.name), spec.note);
        for (n, part) in group.fields.iter().filter(commented).enumerate() {
            let lead = match (listed, n) {
                (false, _) => "",
                (true, 0) => "- ",
                (true, _) => "  ",
            };
            out.push_str(&format!("#   {lead}{}: {}\n", part.name, part.example));
        }
    }
}

const BODY: &str = "## Job summary

[[Two or three sentences: what the job is and who would enjoy it. Lists and feeds show this paragraph unless `summary` is set.]]

## Main duties of the job

- [[A main duty]]
- [[Another main duty]]

## About us

[[A paragraph about the trust and the team, and why people like working here.]]

## Job responsibilities

[[The responsibilities from the job description, under short headings (### Clinical, ### Leadership...) if there are many.]]

## Person specification

### Qualifications

**Essential**

- [[An essential qualification]]

**Desirable**

- [[A desirable qualification]]

### Experience

**Essential**

- [[Essential experience]]

**Desirable**

- [[Desirable experience]]

### Skills and knowledge

**Essential**

- [[An essential skill]]

**Desirable**

- [[A desirable skill]]
";

/// Text as a YAML scalar: plain when that reads back as the same text,
/// else double-quoted.
fn scalar(text: &str) -> String {
    let plain = text.chars().next().is_some_and(char::is_alphabetic)
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || " -,'()&/.".contains(c))
        && !text.ends_with(' ')
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "true" | "false" | "null"
        );
    if plain {
        return text.to_owned();
    }
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A site `careers init` wrote.
#[derive(Debug, Clone)]
pub struct Initialised {
    pub root: PathBuf,
    /// Relative to the root.
    pub files: Vec<String>,
}

/// Writes a new site into `dir` (created if missing; refused if not
/// empty): settings, one example advert open for 30 days from `now`, a
/// how-to-apply page, and the schemas and editor settings in `.vscode/`. The built-in theme is used, so no theme files are
/// copied and a new `careers` brings its fixes.
pub fn init_site(dir: &Path, now: Option<&str>) -> Result<Initialised, ScaffoldError> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(io_error(dir))?;
        if entries.next().is_some() {
            return Err(ScaffoldError::NotEmpty(dir.to_path_buf()));
        }
    }
    let zone = SiteConfig::fallback().timezone;
    let posted = today(now, &zone)?;
    let closes = posted.saturating_add(EXAMPLE_ADVERT_DAYS.days());
    let advert = EXAMPLE_ADVERT
        .replace("{posted}", &posted.to_string())
        .replace("{closes}", &closes.to_string());
    let files = [
        ("content/site.yaml", SITE_YAML.to_owned()),
        ("content/jobs/healthcare-support-worker.md", advert),
        ("content/pages/how-to-apply.md", HOW_TO_APPLY.to_owned()),
        (".gitignore", "/public/\n".to_owned()),
        (
            ".vscode/careers-vacancy.schema.json",
            json::to_text(&json::vacancy()),
        ),
        (
            ".vscode/careers-site.schema.json",
            json::to_text(&json::site()),
        ),
        (".vscode/settings.json", VSCODE_SETTINGS.to_owned()),
        (".vscode/extensions.json", VSCODE_EXTENSIONS.to_owned()),
    ];
    for (rel, text) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io_error(parent))?;
        }
        write_new(&path, text)?;
    }
    Ok(Initialised {
        root: dir.to_path_buf(),
        files: files.iter().map(|(rel, _)| (*rel).to_owned()).collect(),
    })
}

/// VS Code checks `site.yaml` against its schema while you type, with the
/// YAML extension (docs/content.md, "Checking fields while you type").
const VSCODE_SETTINGS: &str = r#"{
  "yaml.schemas": {
    "./.vscode/careers-site.schema.json": "content/site.yaml"
  }
}
"#;

const VSCODE_EXTENSIONS: &str = r#"{
  "recommendations": ["redhat.vscode-yaml"]
}
"#;

const SITE_YAML: &str = r#"# The site's settings. Every setting is explained in docs/content.md.

# The site's name, in the header, page titles and feeds.
title: Example NHS Foundation Trust careers
# The address the site is published at: feeds, the sitemap and search
# engines need it. Change it before you publish.
base_url: https://careers.example.nhs.uk
# What the site is about, for search engines and feed readers.
description: Jobs at Example NHS Foundation Trust, in hospitals and in the community.

# The employer of every advert that names none.
employer: Example NHS Foundation Trust
employer_url: https://www.example.nhs.uk
# For a portal of several employers, list them; an advert's `employer:`
# then names one of them.
# employers:
#   - name: Example NHS Foundation Trust
#     url: https://www.example.nhs.uk
#     address: Example House, Hospital Road, Exampletown, EX1 1AA

# Linked from every advert.
# privacy_url: https://www.example.nhs.uk/privacy
# Shows the Disability Confident guaranteed interview statement.
# disability_confident: true

# Adverts close at this time on their closing day (UK time).
closing_time: "23:59"
# timezone: Europe/London
# language: en-GB
# Vacancies per list page (0: all on one page), and items per feed.
# page_size: 20
# feed_items: 100
# The theme: the built-in "default", or a folder under themes/ whose
# templates override it one by one (see docs/themes.md).
# theme: default
"#;

const EXAMPLE_ADVERT: &str = r#"---
title: Healthcare Support Worker
reference: EX-0001
band: 3
salary:
  min: 24937
  max: 26598
  period: year
  note: plus unsocial hours payments
location: Exampletown
reports_to: Ward Manager
service: Elderly Care Ward
staff_group: Additional Clinical Services
contract: permanent
working_pattern: [full-time, part-time, shifts]
hours: 37.5
posted: {posted}
closes: {closes}
dbs: enhanced
apply_url: https://www.example.nhs.uk/careers
contact:
  name: Sam Taylor
  role: Ward Manager
  email: sam.taylor@example.nhs.uk
tags: [healthcare support worker, no experience needed]
summary: >-
  Join our friendly elderly care ward as a healthcare support worker. Full
  training is given, and no previous care experience is needed.
---
## Job summary

This is an example advert written by `careers init`: edit it, or delete it once you have added your own with `careers new "Job title"`.

Our elderly care ward looks after older people recovering from illness and injury. As a healthcare support worker you will help patients with washing, dressing, eating and moving around, and get to know them and their families.

## Main duties of the job

- Help patients with personal care, meals and mobility, with kindness and respect for their dignity.
- Take and record observations such as temperature, pulse and blood pressure once trained.
- Keep the ward clean, safe and well stocked.
- Tell the registered nurse about any change in a patient's condition.

## About us

Example NHS Foundation Trust runs Exampletown General Hospital and community services across the area. We give every new starter a full induction and the Care Certificate, and support healthcare support workers who want to train as nursing associates or nurses.

Read [how to apply](@/pages/how-to-apply.md) before you start your application.

## Person specification

### Qualifications

**Essential**

- Good English and maths (GCSE or equivalent)

**Desirable**

- The Care Certificate, or an NVQ or diploma in health and social care

### Experience

**Essential**

- An interest in caring for older people

**Desirable**

- Experience of care work, paid or unpaid
"#;

const HOW_TO_APPLY: &str = r#"---
title: How to apply
menu: 1
---
Every advert on this site has an **Apply** link that takes you to our recruitment system, where you create an account and fill in the application form.

## Before you apply

Read the advert and its person specification: it lists the **essential** criteria you must meet and the **desirable** ones that make an application stronger. If you have questions, contact the person named on the advert.

## Your application

Use the supporting information to show how you meet each essential criterion, with real examples. Check the closing date: adverts close at 23:59 on that day, and some close early if many people apply.

## After the closing date

We compare every application with the person specification and invite the people we shortlist to an interview, usually by email. If you are offered the job, we carry out the NHS pre-employment checks before you start.
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back() {
        assert_eq!(scalar("Staff Nurse"), "Staff Nurse");
        assert_eq!(scalar("King's Lynn"), "King's Lynn");
        assert_eq!(scalar("Nurse: Band 5"), "\"Nurse: Band 5\"");
        assert_eq!(scalar("true"), "\"true\"");
        assert_eq!(scalar("5 \"x\""), "\"5 \\\"x\\\"\"");
        for text in ["Nurse: Band 5 #1", "a \\ b", "[x]", "- list", "Tŷ Hafan"] {
            let yaml = format!("k: {}\n", scalar(text));
            let value = yaml::parse(&yaml, 0).unwrap();
            let Kind::Map(entries) = value.kind else {
                panic!()
            };
            assert_eq!(entries[0].1.kind, Kind::Str(text.to_owned()), "{text}");
        }
    }
}
