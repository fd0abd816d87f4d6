//! A site's inputs kept between builds: the settings, the theme, and every
//! job and page file parsed, by path, as shared `Arc`s beside a fingerprint
//! of the file's text.
//!
//! [`Session::refresh`] re-reads and re-parses only the files it is told
//! changed (new, edited, deleted or renamed adverts and pages), then
//! assembles the site again from what it keeps, so the checks between files
//! (duplicate references and slugs, `@/` links) run every time. A change it
//! cannot place (`site.yaml`, `documents/`, a folder, an unknown path, a
//! lost watcher event) reads the whole of `content/` again, parsing only the
//! files whose text or parse context changed. A theme file reloads the theme
//! alone.
//!
//! `build` and `check` use one full refresh; `serve` keeps the session and
//! refreshes it after every save. Nothing here renders or writes.

mod parsed;
mod plan;
mod settings;

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::content::{self, Document, SourceFile};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::options::BuildOptions;
use crate::page::FreePage;
use crate::site::{self, Site};
use crate::theme::{self, Theme};
pub use crate::timings::Timings;
use crate::vacancy::{self, Vacancy};

use parsed::{Parsed, SourceKey, fingerprint, parse_job, parse_page};
pub use plan::Changes;
use plan::{Kind, Plan};
use settings::{Settings, build_moment, read_settings, same_theme};

/// A site read, checked and assembled, ready to render.
pub struct Loaded {
    pub site: Arc<Site>,
    pub theme: Arc<Theme>,
    pub warnings: Diagnostics,
    pub timings: Timings,
    /// Drafts or future adverts are shown: mark every page as a preview.
    pub preview: bool,
}

/// What a refresh had to do, for the terminal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Work {
    /// The whole of `content/` was listed and read again.
    pub rediscovered: bool,
    /// Job and page files read from disk.
    pub read: usize,
    /// Job and page files parsed (the others were kept as they were).
    pub parsed: usize,
    /// Job and page files gone since the last refresh.
    pub removed: usize,
    /// The theme's files were read again.
    pub theme_reloaded: bool,
}

/// The parsed inputs of one site, kept between builds.
pub struct Session {
    options: BuildOptions,
    /// Problems found listing and reading `content/` (unreadable files,
    /// links skipped), until the file they name is read again.
    discovered: Vec<Diagnostic>,
    settings: Settings,
    documents: Vec<Document>,
    document_sizes: BTreeMap<String, u64>,
    /// Fingerprint of what every job file is parsed against (the settings
    /// and the documents); when it changes, every job is parsed again.
    context: Option<u64>,
    jobs: BTreeMap<SourceKey, Parsed<Vacancy>>,
    pages: BTreeMap<SourceKey, Parsed<FreePage>>,
    theme: Option<LoadedTheme>,
    theme_stale: bool,
    work: Work,
}

struct LoadedTheme {
    name: String,
    theme: Arc<Theme>,
    problems: Vec<Diagnostic>,
}

impl Session {
    /// A session that has read nothing yet; the first [`Session::refresh`]
    /// reads everything whatever it is given.
    pub fn new(options: BuildOptions) -> Self {
        Self {
            options,
            discovered: Vec::new(),
            settings: Settings::default(),
            documents: Vec::new(),
            document_sizes: BTreeMap::new(),
            context: None,
            jobs: BTreeMap::new(),
            pages: BTreeMap::new(),
            theme: None,
            theme_stale: false,
            work: Work::default(),
        }
    }

    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// What the last refresh did.
    pub fn work(&self) -> Work {
        self.work
    }

    /// Brings the kept inputs up to date with `changes` and assembles the
    /// site, or gives every problem found (sorted). Kept inputs stay kept
    /// after a failure, so the next refresh again reads only what changed.
    pub fn refresh(&mut self, changes: Changes) -> Result<Loaded, Diagnostics> {
        let mut timings = Timings::start();
        self.work = Work::default();
        let plan = match changes {
            _ if self.context.is_none() => Plan::Everything,
            Changes::Everything => Plan::Everything,
            Changes::Files(paths) => Plan::new(
                paths,
                self.settings.config.as_ref().map(|c| c.theme.as_str()),
            ),
        };
        match plan {
            Plan::Everything => self.rediscover(&mut timings),
            Plan::Some { files, theme } => {
                self.theme_stale |= theme;
                let done = files
                    .iter()
                    .all(|(kind, path)| self.update_file(*kind, path));
                if done {
                    timings.lap("read files");
                    timings.lap("parse and check");
                } else {
                    self.rediscover(&mut timings);
                }
            }
        }
        let mut problems = Diagnostics::default();
        let result = self.settle(&mut problems, &mut timings);
        problems.sort();
        match result {
            Some(site) => Ok(Loaded {
                site: Arc::new(site),
                theme: Arc::clone(&self.theme.as_ref().expect("loaded by settle").theme),
                warnings: problems,
                timings,
                preview: self.options.visibility.drafts || self.options.visibility.future,
            }),
            None => Err(problems),
        }
    }

    /// Re-reads one changed path under `content/jobs` or `content/pages`,
    /// by the rules a full read follows (`content::reread`). Returns false
    /// if it needs a full re-read to be understood (a folder, a link, a
    /// file that cannot be read).
    fn update_file(&mut self, kind: Kind, path: &str) -> bool {
        let source = match content::reread(&self.options.root, path) {
            content::Reread::NeedsDiscover => return false,
            // Not Markdown: a full build ignores it too.
            content::Reread::Ignored => return true,
            content::Reread::Gone => {
                // A folder that went away: its files went with it.
                let prefix = format!("{path}/");
                self.discovered
                    .retain(|d| d.file != path && !d.file.starts_with(&prefix));
                self.remove_where(kind, |key| key.0 == path || key.0.starts_with(&prefix));
                return true;
            }
            content::Reread::Read(source) => source,
        };
        self.discovered.retain(|d| d.file != path);
        self.work.read += 1;
        self.work.parsed += 1;
        let key = SourceKey(path.to_owned());
        match kind {
            Kind::Job => {
                let parsed = self.parse_job(&source);
                self.jobs.insert(key, parsed);
            }
            Kind::Page => {
                self.pages.insert(key, parse_page(&source));
            }
        }
        true
    }

    fn remove_where(&mut self, kind: Kind, gone: impl Fn(&SourceKey) -> bool) {
        let before = self.jobs.len() + self.pages.len();
        match kind {
            Kind::Job => self.jobs.retain(|k, _| !gone(k)),
            Kind::Page => self.pages.retain(|k, _| !gone(k)),
        }
        self.work.removed += before - (self.jobs.len() + self.pages.len());
    }

    fn parse_job(&self, source: &SourceFile) -> Parsed<Vacancy> {
        let fallback;
        let config = match &self.settings.config {
            Some(config) => config,
            None => {
                fallback = SiteConfig::fallback();
                &fallback
            }
        };
        let cx = vacancy::ParseContext {
            config,
            documents: &self.document_sizes,
        };
        parse_job(source, &cx)
    }

    /// Lists and reads the whole of `content/` again; parses the files
    /// whose text changed, or all of them if the settings or documents did.
    fn rediscover(&mut self, timings: &mut Timings) {
        let mut found = Diagnostics::default();
        let sources = content::discover(&self.options.root, &mut found);
        timings.lap("read files");
        self.work.rediscovered = true;
        self.work.read = sources.jobs.len() + sources.pages.len();
        self.discovered = found.into_vec();
        self.settings = read_settings(sources.site_yaml.as_ref(), &self.options);
        self.document_sizes = sources
            .documents
            .iter()
            .map(|d| (d.content_path.clone(), d.bytes))
            .collect();
        self.documents = sources.documents;
        let context = {
            let mut h = std::hash::DefaultHasher::new();
            sources.site_yaml.as_ref().map(|s| &s.text).hash(&mut h);
            self.options.base_url.hash(&mut h);
            self.document_sizes.hash(&mut h);
            h.finish()
        };
        let same_context = self.context == Some(context);
        self.context = Some(context);
        // Whatever happens to the theme's folder, read it again too.
        self.theme_stale = true;

        let old_jobs = std::mem::take(&mut self.jobs);
        let session = &*self;
        let jobs: Vec<(SourceKey, Parsed<Vacancy>, bool)> = sources
            .jobs
            .par_iter()
            .map(|source| {
                let key = SourceKey(source.path.clone());
                let fingerprint = fingerprint(&source.text);
                match old_jobs.get(&key) {
                    Some(old) if same_context && old.fingerprint == fingerprint => {
                        (key, old.clone(), false)
                    }
                    _ => (key, session.parse_job(source), true),
                }
            })
            .collect();
        let old_pages = std::mem::take(&mut self.pages);
        let pages: Vec<(SourceKey, Parsed<FreePage>, bool)> = sources
            .pages
            .par_iter()
            .map(|source| {
                let key = SourceKey(source.path.clone());
                match old_pages.get(&key) {
                    Some(old) if old.fingerprint == fingerprint(&source.text) => {
                        (key, old.clone(), false)
                    }
                    _ => (key, parse_page(source), true),
                }
            })
            .collect();
        let mut parsed = 0;
        for (key, job, fresh) in jobs {
            parsed += usize::from(fresh);
            self.jobs.insert(key, job);
        }
        for (key, page, fresh) in pages {
            parsed += usize::from(fresh);
            self.pages.insert(key, page);
        }
        self.work.parsed = parsed;
        self.work.removed = old_jobs
            .keys()
            .filter(|k| !self.jobs.contains_key(k))
            .count()
            + old_pages
                .keys()
                .filter(|k| !self.pages.contains_key(k))
                .count();
        timings.lap("parse and check");
    }

    /// Collects every problem kept, loads the theme if needed, and
    /// assembles the site. `None` if there are errors (all in `problems`).
    fn settle(&mut self, problems: &mut Diagnostics, timings: &mut Timings) -> Option<site::Site> {
        problems.extend(self.discovered.iter().cloned());
        problems.extend(self.settings.problems.iter().cloned());
        let Some(config) = &self.settings.config else {
            // Without usable settings, still show every job file's problems
            // (read against defaults) so one run shows them all.
            for job in self.jobs.values() {
                problems.extend(job.problems.iter().cloned());
            }
            return None;
        };
        let now = match build_moment(self.options.now.as_deref(), config) {
            Ok(now) => now,
            Err(problem) => {
                problems.push(problem);
                return None;
            }
        };
        for job in self.jobs.values() {
            problems.extend(job.problems.iter().cloned());
        }
        for page in self.pages.values() {
            problems.extend(page.problems.iter().cloned());
        }

        let reload = self.theme_stale || self.theme.as_ref().is_none_or(|t| t.name != config.theme);
        if reload {
            let mut found = Diagnostics::default();
            let theme = theme::load(&self.options.root, &config.theme, &mut found);
            let theme = match &self.theme {
                // Keep the one already compiled if nothing in it changed.
                Some(old) if old.name == config.theme && same_theme(&old.theme, &theme) => {
                    Arc::clone(&old.theme)
                }
                _ => Arc::new(theme),
            };
            self.theme = Some(LoadedTheme {
                name: config.theme.clone(),
                theme,
                problems: found.into_vec(),
            });
            self.theme_stale = false;
            self.work.theme_reloaded = true;
        }
        let loaded = self.theme.as_ref().expect("just loaded");
        problems.extend(loaded.problems.iter().cloned());
        let theme = &loaded.theme;
        problems.extend(site::check_logo(config, theme, &self.document_sizes));
        if problems.has_errors() {
            return None;
        }
        timings.lap("load theme");

        let vacancies = self.jobs.values().filter_map(|p| p.item.clone()).collect();
        let pages = self.pages.values().filter_map(|p| p.item.clone()).collect();
        let assembled = site::assemble(
            config.clone(),
            vacancies,
            pages,
            self.documents.clone(),
            now,
            self.options.visibility,
            &theme.reserved_names(),
        );
        timings.lap("assemble site");
        match assembled {
            Ok(site) => Some(site),
            Err(found) => {
                problems.extend(found.into_vec());
                None
            }
        }
    }
}
