//! careers: turns a folder of NHS job adverts into a careers website.
//!
//! Data flows one way, each stage its own module:
//! `content` (find and read files) -> `config`, `vacancy`, `page` (parse and
//! validate) -> `site` (publication state, band and town indexes) ->
//! `render` (pages, feeds, sitemap, in memory) -> `output` (the only writer).
//! Problems from every stage are collected as `diagnostics`.
//!
//! The binary is a thin shell over [`build`] and [`check`].

// A diagnostic is large but only built on the error path; boxing it would
// only add noise.
#![allow(clippy::result_large_err)]

pub mod calendar;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod import;
pub mod markdown;
pub mod memory;
pub(crate) mod options;
pub mod output;
pub(crate) mod page;
pub mod pipelines;
pub mod render;
pub mod report;
pub mod routes;
pub mod scaffold;
pub mod schedule;
pub mod schema;
pub mod search;
pub mod serve;
pub mod session;
pub mod site;
pub(crate) mod slug;
pub(crate) mod theme;
pub(crate) mod timings;
pub mod url;
pub mod vacancy;

use std::sync::Arc;

use diagnostics::Diagnostics;
pub use options::BuildOptions;
use render::OutputFile;
pub use session::Loaded;
use site::Site;
use theme::Theme;
pub use timings::Timings;

/// Why a build or check did not finish.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The content or theme has errors; nothing was written.
    #[error("{}", .0.summary())]
    Invalid(Diagnostics),
    /// The output folder could not be written; the old output is untouched.
    #[error(transparent)]
    Output(#[from] output::OutputError),
    /// The output folder is among the site's inputs (inside `content/` or
    /// `themes/`, or holding `content/`); nothing was written.
    #[error("{0}")]
    MisplacedOutput(String),
    /// The search index could not be built; nothing was written.
    #[error(transparent)]
    Search(#[from] search::SearchError),
}

/// A finished build or check.
#[derive(Debug)]
pub struct Report {
    /// Warnings: problems that did not stop the build.
    pub warnings: Diagnostics,
    /// The adverts by status.
    pub counts: site::Counts,
    /// Files written (0 for a check).
    pub files_written: usize,
    /// Files the build renders (pages, feeds, crawler files).
    pub files_rendered: usize,
    pub timings: Timings,
    /// When the output next changes on its own: rebuild then.
    pub next_change: Option<schedule::NextChange>,
}

/// A site loaded, checked and rendered in memory.
pub struct Rendered {
    pub site: Arc<Site>,
    pub theme: Arc<Theme>,
    pub files: Vec<OutputFile>,
    pub warnings: Diagnostics,
    pub timings: Timings,
}

/// Reads, checks and renders the site at `options.root` into memory,
/// writing nothing.
pub fn render_site(options: &BuildOptions) -> Result<Rendered, Error> {
    let Loaded {
        site,
        theme,
        mut warnings,
        mut timings,
        preview,
    } = load(options)?;
    let (files, bundle) = rayon::join(
        || render::render(&site, &theme, preview),
        || search_bundle(&site, options),
    );
    let mut files = match files {
        Ok(files) => files,
        Err(found) => {
            warnings.extend(found.into_vec());
            return Err(invalid(warnings));
        }
    };
    files.extend(bundle?);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    timings.lap("render");
    Ok(Rendered {
        site,
        theme,
        files,
        warnings,
        timings,
    })
}

/// Reads and checks every file of the site at `options.root` and assembles
/// the site model; renders nothing. (One full refresh of a
/// [`session::Session`], which `serve` keeps to re-read only what changed.)
pub fn load(options: &BuildOptions) -> Result<Loaded, Error> {
    session::Session::new(options.clone())
        .refresh(session::Changes::Everything)
        .map_err(Error::Invalid)
}

fn invalid(mut problems: Diagnostics) -> Error {
    problems.sort();
    Error::Invalid(problems)
}

/// Validates and renders everything, writing nothing.
pub fn check(options: &BuildOptions) -> Result<Report, Error> {
    let mut loaded = load(options)?;
    let discard = |_: OutputFile| -> Result<(), std::convert::Infallible> { Ok(()) };
    let rendered = render_into(&mut loaded, &discard).map_err(|e| match e {
        RenderFailure::Invalid(error) => error,
        RenderFailure::Sink(never) => match never {},
    })?;
    Ok(report(&loaded, 0, rendered))
}

/// Builds the site into its output folder, replacing it whole, or leaves
/// the output untouched if anything fails.
pub fn build(options: &BuildOptions) -> Result<Report, Error> {
    let output = options.output_dir();
    if let Some(why) = options.misplaced_output() {
        return Err(Error::MisplacedOutput(why));
    }
    // Refuse a foreign folder before doing any work.
    output::check_replaceable(&output)?;
    let mut loaded = load(options)?;
    // Pages go to disk as they render, into a staging folder that replaces
    // the output only once everything is written.
    let staging = output::Staging::create(&output)?;
    let copies = output::Copies {
        statics: loaded
            .theme
            .statics
            .iter()
            .map(|(p, f)| (p.as_str(), f))
            .collect(),
        documents: &loaded.site.documents,
    };
    copies.add_to(&staging)?;
    let copied = copies.len();
    let write = |file: OutputFile| staging.add(&file.path, &file.bytes);
    // The search index is built beside the pages (mostly on one core of
    // its own), then written like them.
    let site = Arc::clone(&loaded.site);
    let (rendered, (bundle, indexing)) = rayon::join(
        || render_into(&mut loaded, &write),
        || {
            let start = std::time::Instant::now();
            (search_bundle(&site, options), start.elapsed())
        },
    );
    // Not a lap: it ran beside the render, whose lap includes any wait.
    let stages = &mut loaded.timings.stages;
    if !options.without_search {
        stages.push(("(search index, beside the render)", indexing));
    }
    let rendered = rendered.map_err(|e| match e {
        RenderFailure::Invalid(error) => error,
        RenderFailure::Sink(error) => Error::Output(error),
    })?;
    let bundle = bundle?;
    for file in &bundle {
        staging.add(&file.path, &file.bytes)?;
    }
    let rendered = rendered + bundle.len();
    staging.commit()?;
    loaded.timings.lap("write output");
    Ok(report(&loaded, rendered + copied, rendered))
}

/// The search bundle's files, or none for a build `without_search`.
fn search_bundle(site: &Site, options: &BuildOptions) -> Result<Vec<OutputFile>, Error> {
    if options.without_search {
        return Ok(Vec::new());
    }
    Ok(search::site_bundle(site)?)
}

enum RenderFailure<E> {
    Invalid(Error),
    Sink(E),
}

/// Renders `loaded` into `sink`, returning the number of files rendered.
fn render_into<E: Send>(
    loaded: &mut Loaded,
    sink: &(dyn Fn(OutputFile) -> Result<(), E> + Sync),
) -> Result<usize, RenderFailure<E>> {
    match render::render_into(&loaded.site, &loaded.theme, loaded.preview, sink) {
        Ok(count) => {
            loaded.timings.lap("render and write");
            Ok(count)
        }
        Err(render::RenderError::Templates(found)) => {
            let mut problems = loaded.warnings.clone();
            problems.extend(found.into_vec());
            Err(RenderFailure::Invalid(invalid(problems)))
        }
        Err(render::RenderError::Sink(error)) => Err(RenderFailure::Sink(error)),
    }
}

fn report(loaded: &Loaded, files_written: usize, files_rendered: usize) -> Report {
    Report {
        warnings: loaded.warnings.clone(),
        counts: loaded.site.counts(),
        files_written,
        files_rendered,
        timings: loaded.timings.clone(),
        next_change: loaded.site.next_change.clone(),
    }
}
