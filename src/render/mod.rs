//! Rendering the site model to the bytes of every output file, in memory.
//!
//! The renderer reads no files and writes none: it gets the site and the
//! compiled templates, and gives `OutputFile`s for `output` to write (or
//! `serve` to answer with). A [`Renderer`] lists every output path of a site
//! and renders any one of them on its own, which is what `serve` does as
//! pages are asked for, or all of them in parallel, which is what `build`
//! does through [`render_into`]. `targets.rs` lists the files and maps
//! paths to them; `view_cache.rs` turns each vacancy's view into a template
//! value the first time a page needs it, then shares it: Tera values are
//! reference-counted, so its page, every list it is in and every feed use
//! that one value instead of copying it.

mod atom;
mod cms;
mod feed_items;
mod feeds;
mod follow;
mod ics;
mod json_feed;
pub(crate) mod jsonld;
mod targets;
mod templates;
mod view_cache;
pub(crate) mod views;

use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::Value;

use crate::diagnostics::Diagnostics;
use crate::routes::{self, Listing, Route};
use crate::site::Site;
use crate::theme::Theme;

use targets::{List, Target, Targets, listed_of, page_size};
pub use templates::Templates;
pub(crate) use templates::escape_html;
use view_cache::ViewCache;
use views::{CategoryView, SiteView};

/// One file of the output, relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Why rendering stopped: a template failed, or the sink refused a file.
#[derive(Debug)]
pub enum RenderError<E> {
    Templates(Diagnostics),
    Sink(E),
}

/// Renders the files of one site: any one by its path, or all of them.
pub struct Renderer {
    site: Arc<Site>,
    templates: Arc<Templates>,
    preview: bool,
    site_view: Value,
    views: ViewCache,
    targets: Targets,
}

impl Renderer {
    /// Lists the files of `site`; renders nothing yet.
    pub fn new(site: Arc<Site>, templates: Arc<Templates>, preview: bool) -> Self {
        let site_view = value(&SiteView::new(&site, preview));
        Self {
            views: ViewCache::new(Arc::clone(&site)),
            targets: Targets::new(Arc::clone(&site)),
            site,
            templates,
            preview,
            site_view,
        }
    }

    /// Lets this renderer take what `earlier` (the renderer of the site
    /// before a change) has made, where it still holds: the vacancy views
    /// (see [`ViewCache::reuse`]) and the index of slugs.
    pub fn reuse(mut self, earlier: &Renderer) -> Self {
        self.views.reuse(&earlier.views);
        self.targets.reuse(&earlier.targets);
        self
    }

    pub fn site(&self) -> &Arc<Site> {
        &self.site
    }

    /// How many files the site has (pages, feeds and crawler files).
    pub fn len(&self) -> usize {
        self.targets.all().len()
    }

    pub fn is_empty(&self) -> bool {
        self.targets.all().is_empty()
    }

    /// Every output path, pages first.
    pub fn paths(&self) -> impl Iterator<Item = String> + '_ {
        self.targets.all().iter().map(|&t| self.targets.path(t))
    }

    /// Whether `path` (`jobs/nurse/index.html`) is a file of the site.
    pub fn contains(&self, path: &str) -> bool {
        self.targets.find(path).is_some()
    }

    /// Renders the file at `path`, or `None` if the site has no such file.
    pub fn render_path(&self, path: &str) -> Option<Result<OutputFile, Diagnostics>> {
        Some(self.render_target(self.targets.find(path)?))
    }

    /// The output path of the page showing the job or page file `source`
    /// (`content/jobs/nurse.md`), if it has one.
    pub fn page_of(&self, source: &str) -> Option<String> {
        Some(self.targets.path(self.targets.of_source(source)?))
    }

    /// One output path per template, each the smallest of its kind at
    /// hand (the last page of a list), to try the templates out.
    pub fn samples(&self) -> Vec<String> {
        let mut seen = Vec::new();
        let mut samples = Vec::new();
        for &target in self.targets.all().iter().rev() {
            let template = self.targets.template(target);
            if !seen.contains(&template) {
                seen.push(template);
                samples.push(self.targets.path(target));
            }
        }
        samples
    }

    /// Renders every file and hands each to `sink` as soon as it is ready
    /// (in parallel, in no particular order), so the whole site is never
    /// held in memory. Returns the number of files.
    pub fn render_all<E: Send>(
        &self,
        sink: &(dyn Fn(OutputFile) -> Result<(), E> + Sync),
    ) -> Result<usize, RenderError<E>> {
        // Every view is needed (by its page at least).
        self.views.make_all();
        let failures: Vec<RenderError<E>> = self
            .targets
            .all()
            .par_iter()
            .filter_map(|&target| match self.render_target(target) {
                Ok(file) => sink(file).err().map(RenderError::Sink),
                Err(problems) => Some(RenderError::Templates(problems)),
            })
            .collect();
        let mut problems = Diagnostics::default();
        for failure in failures {
            match failure {
                RenderError::Templates(found) => problems.extend(found.into_vec()),
                sink_error => return Err(sink_error),
            }
        }
        if problems.has_errors() {
            // One broken template breaks every page using it: say it once.
            problems.sort();
            problems.dedup();
            return Err(RenderError::Templates(problems));
        }
        Ok(self.len())
    }

    fn render_target(&self, target: Target) -> Result<OutputFile, Diagnostics> {
        let site = &*self.site;
        let template = self.targets.template(target);
        let route = self.targets.route(target);
        match target {
            Target::List {
                list,
                number,
                total,
            } => {
                let listing = self.targets.listing(list);
                let (listed, mut vars) = match list {
                    List::Home => (site.listed(), Vec::new()),
                    List::Category(folder, t) => {
                        let term = &folder.categories(site)[t];
                        let view = CategoryView::new(term, listing, site);
                        (listed_of(term, site), vec![("term", value(&view))])
                    }
                    List::Pair(p) => follow::pair_page(site, p),
                };
                vars.extend(follow::list_vars(site, list, listing));
                let feed_url = Route::Feed { list: listing }.url();
                let size = page_size(site, listed.len());
                let chunk = listed.chunks(size).nth(number - 1).unwrap_or(&[]);
                let vacancies = self.views.of(chunk);
                vars.push(("vacancies", Value::from(vacancies)));
                vars.push(("count", Value::from(listed.len())));
                vars.push(("feed_url", Value::from(feed_url)));
                vars.push((
                    "pagination",
                    value(&routes::pagination(listing, number, total)),
                ));
                self.render_page(template, &route, self.preview, None, vars)
            }
            Target::Vacancy(i) => {
                let noindex = !site.vacancies[i].status.is_public() || self.preview;
                self.render_page(template, &route, noindex, Some(i), Vec::new())
            }
            Target::Index(folder) => {
                let views: Vec<CategoryView> = folder
                    .categories(site)
                    .iter()
                    .filter(|t| t.listed > 0)
                    .map(|t| CategoryView::new(t, folder.listing(&t.slug), site))
                    .collect();
                self.render_page(
                    template,
                    &route,
                    self.preview,
                    None,
                    vec![("terms", value(&views))],
                )
            }
            Target::Page(i) => {
                let page = &site.pages[i];
                let vars = vec![
                    (
                        "page",
                        value(&serde_json::json!({
                            "title": page.page.title,
                            "slug": page.page.slug,
                            "description": page.page.description,
                            "draft": page.page.draft,
                        })),
                    ),
                    ("body", Value::safe_string(page.body_html())),
                ];
                self.render_page(
                    template,
                    &route,
                    self.preview || page.page.draft,
                    None,
                    vars,
                )
            }
            Target::Feed(list) => feeds::render_feed(self, template, list),
            Target::FeedIn(list, format) => follow::render_feed(self, template, list, format),
            Target::ClosingDate(i) => Ok(ics::vacancy_calendar(site, i)),
            Target::Alerts => {
                let vars = follow::alerts_vars(site);
                self.render_page(template, &route, self.preview, None, vars)
            }
            Target::Search => {
                let search = value(&crate::search::SearchPage::new(site));
                let vars = vec![("search", search)];
                self.render_page(template, &route, self.preview, None, vars)
            }
            Target::Cms(route) => Ok(cms::render(site, route)),
            Target::Sitemap => feeds::sitemap(self, template),
            Target::Robots => feeds::robots(self, template),
            Target::NotFound => self.render_404(template),
        }
    }

    /// The variables every page receives.
    fn page_context(&self, root: &str, home_url: &str, url: &str, noindex: bool) -> tera::Context {
        let mut context = tera::Context::new();
        context.insert_value("site", self.site_view.clone());
        context.insert("root", root);
        context.insert("home_url", home_url);
        context.insert("page_url", url);
        context.insert("canonical_url", &self.site.config.base_url.join(url));
        context.insert("noindex", &noindex);
        context.insert("alerts_url", &Route::Alerts.url());
        context.insert("site_feeds", &follow::FeedLinks::of(Listing::All));
        context
    }

    fn render_page(
        &self,
        template: &str,
        route: &Route<'_>,
        noindex: bool,
        vacancy: Option<usize>,
        vars: Vec<(&'static str, Value)>,
    ) -> Result<OutputFile, Diagnostics> {
        let home = routes::relative(route, &routes::HOME);
        let mut context = self.page_context(&route.root(), &home, &route.url(), noindex);
        if let Some(i) = vacancy {
            // The body and JSON-LD are added as the page renders, so they
            // are never held for every page at once.
            let p = &self.site.vacancies[i];
            context.insert_value("vacancy", self.views.get(i));
            context.insert_value("body", Value::safe_string(p.body_html()));
            if p.status.is_public() {
                let json_ld = jsonld::job_posting(&p.vacancy, p.body_html(), &self.site.config);
                context.insert_value("json_ld", Value::safe_string(&json_ld));
            }
        }
        for (name, value) in vars {
            context.insert_value(name, value);
        }
        let html = self.templates.render(template, &context)?;
        Ok(OutputFile {
            path: route.path(),
            bytes: html.into_bytes(),
        })
    }

    /// `404.html` is served at any depth, so its links are absolute paths.
    fn render_404(&self, template: &str) -> Result<OutputFile, Diagnostics> {
        let base = &self.site.config.base_url.path;
        let url = Route::NotFound.url();
        let mut context = self.page_context(base, base, &url, true);
        context.insert("canonical_url", &self.site.config.base_url.join(&url));
        let html = self.templates.render(template, &context)?;
        Ok(OutputFile {
            path: Route::NotFound.path(),
            bytes: html.into_bytes(),
        })
    }
}

fn value<T: Serialize + ?Sized>(view: &T) -> Value {
    Value::from_serializable(view)
}

/// Renders every page, feed and crawler file of `site` with `theme`'s
/// templates and hands each to `sink` as soon as it is ready (see
/// [`Renderer::render_all`]). Returns the number of files.
pub fn render_into<E: Send>(
    site: &Arc<Site>,
    theme: &Theme,
    preview: bool,
    sink: &(dyn Fn(OutputFile) -> Result<(), E> + Sync),
) -> Result<usize, RenderError<E>> {
    let templates = Templates::compile(theme).map_err(RenderError::Templates)?;
    Renderer::new(Arc::clone(site), Arc::new(templates), preview).render_all(sink)
}

/// Renders the whole site into memory, sorted by path.
pub fn render(
    site: &Arc<Site>,
    theme: &Theme,
    preview: bool,
) -> Result<Vec<OutputFile>, Diagnostics> {
    let files = std::sync::Mutex::new(Vec::new());
    let collect = |file: OutputFile| -> Result<(), std::convert::Infallible> {
        files
            .lock()
            .expect("no panics while holding the lock")
            .push(file);
        Ok(())
    };
    match render_into(site, theme, preview, &collect) {
        Ok(_) => {}
        Err(RenderError::Templates(problems)) => return Err(problems),
        Err(RenderError::Sink(never)) => match never {},
    }
    let mut files = files
        .into_inner()
        .expect("no panics while holding the lock");
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}
