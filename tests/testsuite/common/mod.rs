//! Shared helpers for the integration tests: a fixture site written into a
//! temporary folder from Rust strings, built with the library, and small
//! readers that parse what the build wrote.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use careers::site::Visibility;
use careers::{BuildOptions, Error, Report};
use scraper::Html;
use tempfile::TempDir;

mod feed;
mod html;
mod links;
mod published;
mod scripts;

pub use feed::*;
pub use html::*;
pub use links::*;
pub use published::*;
pub use scripts::*;

/// The base URL every fixture uses unless it writes its own site.yaml.
pub const BASE_URL: &str = "https://example.nhs.uk/careers/";

/// A minimal valid site.yaml; tests append settings to it.
pub const SITE_YAML: &str = "\
title: Example Trust careers
base_url: https://example.nhs.uk/careers/
employer: Example NHS Foundation Trust
";

/// The front matter of one vacancy, built up field by field.
#[derive(Debug, Clone)]
pub struct Job {
    title: String,
    reference: String,
    band: String,
    location: String,
    posted: String,
    closes: String,
    extra: Vec<String>,
}

impl Job {
    /// An advert posted 2026-01-01 that closes 2026-12-31, band 5, in Dartford.
    pub fn new(title: &str, reference: &str) -> Self {
        Self {
            title: yaml_string(title),
            reference: yaml_string(reference),
            band: "5".to_owned(),
            location: "location: Dartford".to_owned(),
            posted: "2026-01-01".to_owned(),
            closes: "2026-12-31".to_owned(),
            extra: Vec::new(),
        }
    }

    /// The band exactly as YAML text: `6`, `"6"`, `Band 6`, `Consultant`.
    pub fn band(mut self, yaml: &str) -> Self {
        self.band = yaml.to_owned();
        self
    }

    /// A single town.
    pub fn town(mut self, town: &str) -> Self {
        self.location = format!("location: {}", yaml_string(town));
        self
    }

    /// The whole `location:`/`locations:` entry as YAML.
    pub fn locations_yaml(mut self, yaml: &str) -> Self {
        self.location = yaml.trim_end().to_owned();
        self
    }

    pub fn posted(mut self, date: &str) -> Self {
        self.posted = date.to_owned();
        self
    }

    pub fn closes(mut self, date: &str) -> Self {
        self.closes = date.to_owned();
        self
    }

    /// Any other front matter, as YAML lines.
    pub fn with(mut self, yaml: &str) -> Self {
        self.extra.push(yaml.trim_end().to_owned());
        self
    }

    pub fn front_matter(&self) -> String {
        let mut text = format!(
            "title: {}\nreference: {}\nband: {}\n{}\nposted: {}\ncloses: {}\n",
            self.title, self.reference, self.band, self.location, self.posted, self.closes
        );
        for line in &self.extra {
            text.push_str(line);
            text.push('\n');
        }
        text
    }
}

/// A double-quoted YAML string, safe for any text.
pub fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).expect("strings serialise")
}

/// A site in a temporary folder.
pub struct Fixture {
    dir: Arc<TempDir>,
}

impl Default for Fixture {
    fn default() -> Self {
        Self::new()
    }
}

impl Fixture {
    /// An empty site with the default site.yaml and a `content/jobs` folder.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary folder");
        let fixture = Self { dir: Arc::new(dir) };
        fixture.write("content/jobs/.keep", "");
        fixture.site_yaml(SITE_YAML)
    }

    /// The site root (holding `content/`).
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The default output folder, `<root>/public`.
    pub fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Writes any file under the site root, making its folders.
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        self.write_bytes(rel, text.as_bytes())
    }

    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) -> &Self {
        let path = self.root().join(rel);
        fs::create_dir_all(path.parent().expect("a parent")).expect("create folders");
        fs::write(&path, bytes).expect("write fixture file");
        self
    }

    pub fn remove(&self, rel: &str) -> &Self {
        fs::remove_file(self.root().join(rel)).expect("remove fixture file");
        self
    }

    /// Replaces content/site.yaml.
    pub fn site_yaml(self, yaml: &str) -> Self {
        self.write("content/site.yaml", yaml);
        self
    }

    /// The default site.yaml plus these settings.
    pub fn settings(self, yaml: &str) -> Self {
        self.site_yaml(&format!("{SITE_YAML}{}\n", yaml.trim_end()))
    }

    /// content/jobs/<file> with this front matter (without `---` lines) and body.
    pub fn job(self, file: &str, front_matter: &str, body: &str) -> Self {
        self.write(
            &format!("content/jobs/{file}"),
            &format!("---\n{}---\n{body}", ensure_newline(front_matter)),
        );
        self
    }

    /// content/jobs/<file> from a `Job`, with a short body.
    pub fn vacancy(self, file: &str, job: Job) -> Self {
        self.job(
            file,
            &job.front_matter(),
            "## Job summary\n\nA rewarding role in a friendly team.\n",
        )
    }

    /// content/pages/<file>.
    pub fn page(self, file: &str, front_matter: &str, body: &str) -> Self {
        self.write(
            &format!("content/pages/{file}"),
            &format!("---\n{}---\n{body}", ensure_newline(front_matter)),
        );
        self
    }

    /// Options building into `<root>/public` as of `now`.
    pub fn options(&self, now: &str) -> BuildOptions {
        BuildOptions {
            root: self.root().to_owned(),
            now: Some(now.to_owned()),
            visibility: Visibility::default(),
            ..BuildOptions::default()
        }
    }

    pub fn try_build(&self, now: &str) -> Result<Report, Error> {
        careers::build(&self.options(now))
    }

    /// Builds into `<root>/public`, panicking with the diagnostics on failure.
    pub fn build(&self, now: &str) -> Output {
        self.build_with(self.options(now))
    }

    /// Builds with drafts shown.
    pub fn build_drafts(&self, now: &str) -> Output {
        let mut options = self.options(now);
        options.visibility.drafts = true;
        self.build_with(options)
    }

    pub fn build_with(&self, options: BuildOptions) -> Output {
        let dir = options.output_dir();
        match careers::build(&options) {
            Ok(_) => Output {
                dir,
                _site: Some(Arc::clone(&self.dir)),
            },
            Err(Error::Invalid(problems)) => panic!("the build failed:\n{problems}"),
            Err(err) => panic!("the build failed: {err}"),
        }
    }

    /// The diagnostics of a build that must fail as invalid.
    pub fn build_errors(&self, now: &str) -> careers::diagnostics::Diagnostics {
        match self.try_build(now) {
            Err(Error::Invalid(problems)) => problems,
            Err(err) => panic!("expected invalid content, got {err}"),
            Ok(_) => panic!("expected the build to fail"),
        }
    }
}

fn ensure_newline(text: &str) -> String {
    if text.ends_with('\n') {
        text.to_owned()
    } else {
        format!("{text}\n")
    }
}

/// A built output folder. It keeps the fixture's temporary folder alive,
/// so `Fixture::new()...build(now)` can be used in one expression.
pub struct Output {
    pub dir: PathBuf,
    _site: Option<Arc<TempDir>>,
}

impl Output {
    /// An output folder made some other way (e.g. the example site's build).
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            _site: None,
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.path(rel).is_file()
    }

    pub fn text(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel))
            .unwrap_or_else(|e| panic!("cannot read {rel} in the output: {e}"))
    }

    pub fn html(&self, rel: &str) -> Html {
        Html::parse_document(&self.text(rel))
    }

    /// Every file's bytes, by path relative to the output folder.
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        snapshot(&self.dir)
    }
}

/// Every file under `dir` with its bytes, by `/`-separated relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    collect(dir, dir, &mut files);
    files
}

fn collect(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
    for entry in fs::read_dir(dir).expect("read folder") {
        let path = entry.expect("folder entry").path();
        if path.is_dir() {
            collect(root, &path, files);
        } else {
            let rel = path
                .strip_prefix(root)
                .expect("under root")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            files.insert(rel, fs::read(&path).expect("read file"));
        }
    }
}

pub fn set<const N: usize>(items: [&str; N]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}
