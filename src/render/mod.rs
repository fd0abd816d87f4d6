//! Rendering the site model to the bytes of every output file, in memory.
//!
//! The renderer reads no files and writes none: it gets the site and the
//! compiled templates, and gives `OutputFile`s for `output` to write (or
//! `serve` to answer with). A [`Renderer`] lists every output path of a site
//! and renders any one of them on its own, which is what `serve` does as
//! pages are asked for, or all of them in parallel, which is what `build`
//! does through [`render_into`]. Each vacancy's view is turned into a
//! template value the first time a page needs it, then shared: Tera values
//! are reference-counted, so its page, every list it is in and every feed
//! use that one value instead of copying it.

mod atom;
mod cms;
mod feed_items;
mod feeds;
mod follow;
mod ics;
mod json_feed;
pub mod jsonld;
mod templates;
pub mod views;

use std::hash::BuildHasher;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use tera::Value;

use crate::diagnostics::Diagnostics;
use crate::routes::{self, FeedFormat, Listing, Route};
use crate::site::{Site, Term};
use crate::theme::Theme;

pub use templates::Templates;
use views::{SiteView, TermView, VacancyView};

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

/// The two indexes: bands and towns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Folder {
    Bands,
    Locations,
}

impl Folder {
    const BOTH: [Folder; 2] = [Folder::Bands, Folder::Locations];

    /// The index page of the folder's terms.
    fn index(self) -> Route<'static> {
        match self {
            Folder::Bands => Route::Bands,
            Folder::Locations => Route::Towns,
        }
    }

    /// The list of the term with slug `slug`.
    fn listing(self, slug: &str) -> Listing<'_> {
        match self {
            Folder::Bands => Listing::Band(slug),
            Folder::Locations => Listing::Town(slug),
        }
    }

    fn terms(self, site: &Site) -> &[Term] {
        match self {
            Folder::Bands => &site.bands,
            Folder::Locations => &site.towns,
        }
    }

    /// The templates of the index page and of each term's pages.
    fn templates(self) -> (&'static str, &'static str) {
        match self {
            Folder::Bands => ("bands.html", "band.html"),
            Folder::Locations => ("locations.html", "location.html"),
        }
    }
}

/// A list of vacancies shown over numbered pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    Home,
    Term(Folder, usize),
    /// A band in a town, by its index into `Site::band_in_town`.
    Pair(usize),
}

/// One output file to render: small, so every one of a site's files can
/// be listed without rendering anything.
#[derive(Debug, Clone, Copy)]
enum Job {
    /// Page `number` (from 1) of `total` of a list.
    List {
        list: List,
        number: usize,
        total: usize,
    },
    Vacancy(usize),
    TermIndex(Folder),
    Page(usize),
    Feed(List),
    /// A list's Atom, JSON or calendar feed.
    FeedIn(List, FeedFormat),
    /// An open vacancy's closing moment, as iCalendar.
    ClosingDate(usize),
    Alerts,
    /// The content editor's page or settings (`cms:`).
    Cms(Route<'static>),
    Sitemap,
    Robots,
    NotFound,
}

/// Renders the files of one site: any one by its path, or all of them.
pub struct Renderer {
    site: Arc<Site>,
    templates: Arc<Templates>,
    preview: bool,
    site_view: Value,
    /// Each vacancy's template value, made when first needed.
    views: Arc<Vec<OnceLock<Value>>>,
    /// The views of the renderer before this one, for vacancies that have
    /// not changed since.
    earlier: Option<Earlier>,
    jobs: Vec<Job>,
    /// Hash of each vacancy's slug -> its index, made when first asked.
    by_slug: OnceLock<HashMap<u64, usize>>,
}

impl Renderer {
    /// Lists the files of `site`; renders nothing yet.
    pub fn new(site: Arc<Site>, templates: Arc<Templates>, preview: bool) -> Self {
        let site_view = value(&SiteView::new(&site, preview));
        let views = Arc::new((0..site.vacancies.len()).map(|_| OnceLock::new()).collect());
        let jobs = jobs(&site);
        Self {
            site,
            templates,
            preview,
            site_view,
            views,
            earlier: None,
            jobs,
            by_slug: OnceLock::new(),
        }
    }

    /// Lets this renderer take the views `earlier` (the renderer of the
    /// site before a change) has made, for every vacancy that is the same
    /// `Arc` with the same status, if nothing else a view shows changed
    /// (the date, the address, the towns' names). After one advert is saved,
    /// a list of 10,000 then makes one view instead of 10,000.
    pub fn reuse_views(mut self, earlier: &Renderer) -> Self {
        let (a, b) = (&*self.site, &*earlier.site);
        let town_names = |site: &Site| -> Vec<(String, String)> {
            site.towns
                .iter()
                .map(|t| (t.slug.clone(), t.name.clone()))
                .collect()
        };
        let same = a.config.base_url == b.config.base_url
            && a.now.date() == b.now.date()
            && a.today == b.today
            && town_names(a) == town_names(b);
        if same {
            self.earlier = Some(Earlier {
                site: Arc::clone(&earlier.site),
                views: Arc::clone(&earlier.views),
                map: OnceLock::new(),
            });
        }
        self
    }

    pub fn site(&self) -> &Arc<Site> {
        &self.site
    }

    /// How many files the site has (pages, feeds and crawler files).
    pub fn len(&self) -> usize {
        self.jobs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.jobs.is_empty()
    }

    /// Every output path, pages first.
    pub fn paths(&self) -> impl Iterator<Item = String> + '_ {
        self.jobs.iter().map(|&job| self.path_of(job))
    }

    /// Whether `path` (`jobs/nurse/index.html`) is a file of the site.
    pub fn contains(&self, path: &str) -> bool {
        self.find(path).is_some()
    }

    /// Renders the file at `path`, or `None` if the site has no such file.
    pub fn render_path(&self, path: &str) -> Option<Result<OutputFile, Diagnostics>> {
        Some(self.render_job(self.find(path)?))
    }

    /// The output path of the page showing the job or page file `source`
    /// (`content/jobs/nurse.md`), if it has one.
    pub fn page_of(&self, source: &str) -> Option<String> {
        let vacancies = &self.site.vacancies;
        let job = match vacancies.iter().position(|p| p.vacancy.source == source) {
            Some(i) => Job::Vacancy(i),
            None => Job::Page(
                self.site
                    .pages
                    .iter()
                    .position(|p| p.page.source == source)?,
            ),
        };
        Some(self.path_of(job))
    }

    /// One output path per template, each the smallest of its kind at
    /// hand (the last page of a list), to try the templates out.
    pub fn samples(&self) -> Vec<String> {
        let mut seen = Vec::new();
        let mut samples = Vec::new();
        for &job in self.jobs.iter().rev() {
            let template = self.template_of(job);
            if !seen.contains(&template) {
                seen.push(template);
                samples.push(self.path_of(job));
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
        // Every view is needed (by its page at least): make them all at
        // once on every core, rather than in whichever page needs them first.
        (0..self.views.len()).into_par_iter().for_each(|i| {
            self.view(i);
        });
        let failures: Vec<RenderError<E>> = self
            .jobs
            .par_iter()
            .filter_map(|&job| match self.render_job(job) {
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
        Ok(self.jobs.len())
    }

    /// The file at output path `path`, found from the path's shape
    /// (see [`Route::parse`]) without listing every path, and checked by
    /// making its path again.
    fn find(&self, path: &str) -> Option<Job> {
        let site = &*self.site;
        let job = match Route::parse(path)? {
            Route::List { list, page } => {
                let (list, listed) = self.list_named(list)?;
                let total = listed.div_ceil(page_size(site, listed)).max(1);
                (1..=total).contains(&page).then_some(Job::List {
                    list,
                    number: page,
                    total,
                })?
            }
            Route::Feed { list } => Job::Feed(self.list_named(list)?.0),
            Route::FeedIn { list, format } => Job::FeedIn(self.list_named(list)?.0, format),
            Route::ClosingDate { slug } => {
                Job::ClosingDate(follow::open_vacancy(site, self.vacancy_by_slug(slug)?)?)
            }
            Route::Alerts => Job::Alerts,
            Route::Vacancy { slug } => Job::Vacancy(self.vacancy_by_slug(slug)?),
            Route::Page { slug } => Job::Page(site.pages.iter().position(|p| p.page.slug == slug)?),
            Route::Bands => Job::TermIndex(Folder::Bands),
            Route::Towns => Job::TermIndex(Folder::Locations),
            r @ (Route::CmsEditor | Route::CmsConfig) => {
                Job::Cms(*cms::routes(site).iter().find(|&&c| c == r)?)
            }
            Route::Sitemap => Job::Sitemap,
            Route::Robots => Job::Robots,
            Route::NotFound => Job::NotFound,
            // Copied by `output` as they are, never rendered.
            Route::Document { .. } => return None,
        };
        (self.path_of(job) == path).then_some(job)
    }

    /// The list `listing` names, with how many vacancies it lists.
    fn list_named(&self, listing: Listing<'_>) -> Option<(List, usize)> {
        let site = &*self.site;
        let term = |folder: Folder, slug: &str| {
            let t = folder.terms(site).iter().position(|t| t.slug == slug)?;
            Some((List::Term(folder, t), folder.terms(site)[t].listed))
        };
        match listing {
            Listing::All => Some((
                List::Home,
                site.vacancies
                    .iter()
                    .filter(|p| p.status.is_listed())
                    .count(),
            )),
            Listing::Band(slug) => term(Folder::Bands, slug),
            Listing::Town(slug) => term(Folder::Locations, slug),
            Listing::BandInTown(town, band) => follow::pair_named(site, town, band),
        }
    }

    fn vacancy_by_slug(&self, slug: &str) -> Option<usize> {
        let hash = |slug: &str| rustc_hash::FxBuildHasher.hash_one(slug);
        let vacancies = &self.site.vacancies;
        let by_slug = self.by_slug.get_or_init(|| {
            let mut map = HashMap::default();
            for (i, p) in vacancies.iter().enumerate() {
                map.entry(hash(&p.vacancy.slug)).or_insert(i);
            }
            map
        });
        match by_slug.get(&hash(slug)) {
            Some(&i) if vacancies[i].vacancy.slug == slug => Some(i),
            // Two slugs with one hash: look through them all.
            Some(_) => vacancies.iter().position(|p| p.vacancy.slug == slug),
            None => None,
        }
    }

    /// The template value of vacancy `i`, made on first use (or taken
    /// from the renderer before, if it made it and it still holds).
    fn view(&self, i: usize) -> Value {
        self.views[i]
            .get_or_init(|| {
                self.earlier
                    .as_ref()
                    .and_then(|earlier| earlier.view(&self.site, i))
                    .unwrap_or_else(|| {
                        value(&VacancyView::new(&self.site.vacancies[i], &self.site))
                    })
            })
            .clone()
    }

    /// The views of vacancies `list`, made on every core if many are new.
    fn views_of(&self, list: &[usize]) -> Vec<Value> {
        if list.len() > 64 {
            list.par_iter().map(|&i| self.view(i)).collect()
        } else {
            list.iter().map(|&i| self.view(i)).collect()
        }
    }

    /// The routes' name of `list`.
    fn listing(&self, list: List) -> Listing<'_> {
        match list {
            List::Home => Listing::All,
            List::Term(folder, t) => folder.listing(&folder.terms(&self.site)[t].slug),
            List::Pair(p) => follow::pair_listing(&self.site, p),
        }
    }

    /// Where `job` is written, and what links to it.
    fn route_of(&self, job: Job) -> Route<'_> {
        let site = &*self.site;
        match job {
            Job::List { list, number, .. } => Route::List {
                list: self.listing(list),
                page: number,
            },
            Job::Vacancy(i) => Route::Vacancy {
                slug: &site.vacancies[i].vacancy.slug,
            },
            Job::TermIndex(folder) => folder.index(),
            Job::Page(i) => Route::Page {
                slug: &site.pages[i].page.slug,
            },
            Job::Feed(list) => Route::Feed {
                list: self.listing(list),
            },
            Job::FeedIn(list, format) => Route::FeedIn {
                list: self.listing(list),
                format,
            },
            Job::ClosingDate(i) => Route::ClosingDate {
                slug: &site.vacancies[i].vacancy.slug,
            },
            Job::Alerts => Route::Alerts,
            Job::Cms(route) => route,
            Job::Sitemap => Route::Sitemap,
            Job::Robots => Route::Robots,
            Job::NotFound => Route::NotFound,
        }
    }

    fn path_of(&self, job: Job) -> String {
        self.route_of(job).path()
    }

    fn template_of(&self, job: Job) -> &'static str {
        match job {
            Job::List {
                list: List::Home, ..
            } => "index.html",
            Job::List {
                list: List::Term(folder, _),
                ..
            } => folder.templates().1,
            Job::List {
                list: List::Pair(_),
                ..
            } => "band_in_town.html",
            Job::Vacancy(_) => "vacancy.html",
            Job::TermIndex(folder) => folder.templates().0,
            Job::Page(_) => "page.html",
            Job::Feed(_) => "feed.xml",
            Job::FeedIn(_, format) => follow::template(format),
            Job::ClosingDate(_) | Job::Cms(_) => "",
            Job::Alerts => "alerts.html",
            Job::Sitemap => "sitemap.xml",
            Job::Robots => "robots.txt",
            Job::NotFound => "404.html",
        }
    }

    fn render_job(&self, job: Job) -> Result<OutputFile, Diagnostics> {
        let site = &*self.site;
        let template = self.template_of(job);
        let route = self.route_of(job);
        match job {
            Job::List {
                list,
                number,
                total,
            } => {
                let listing = self.listing(list);
                let (listed, mut vars) = match list {
                    List::Home => (site.listed(), Vec::new()),
                    List::Term(folder, t) => {
                        let term = &folder.terms(site)[t];
                        let view = TermView::new(term, listing, site);
                        (listed_of(term, site), vec![("term", value(&view))])
                    }
                    List::Pair(p) => follow::pair_page(site, p),
                };
                vars.extend(follow::list_vars(site, list, listing));
                let feed_url = Route::Feed { list: listing }.url();
                let size = page_size(site, listed.len());
                let chunk = listed.chunks(size).nth(number - 1).unwrap_or(&[]);
                let vacancies = self.views_of(chunk);
                vars.push(("vacancies", Value::from(vacancies)));
                vars.push(("count", Value::from(listed.len())));
                vars.push(("feed_url", Value::from(feed_url)));
                vars.push((
                    "pagination",
                    value(&routes::pagination(listing, number, total)),
                ));
                self.render_page(template, &route, self.preview, None, vars)
            }
            Job::Vacancy(i) => {
                let noindex = !site.vacancies[i].status.is_public() || self.preview;
                self.render_page(template, &route, noindex, Some(i), Vec::new())
            }
            Job::TermIndex(folder) => {
                let views: Vec<TermView> = folder
                    .terms(site)
                    .iter()
                    .filter(|t| t.listed > 0)
                    .map(|t| TermView::new(t, folder.listing(&t.slug), site))
                    .collect();
                self.render_page(
                    template,
                    &route,
                    self.preview,
                    None,
                    vec![("terms", value(&views))],
                )
            }
            Job::Page(i) => {
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
            Job::Feed(list) => feeds::render_feed(self, template, list),
            Job::FeedIn(list, format) => follow::render_feed(self, template, list, format),
            Job::ClosingDate(i) => Ok(ics::vacancy_calendar(site, i)),
            Job::Alerts => {
                let vars = follow::alerts_vars(site);
                self.render_page(template, &route, self.preview, None, vars)
            }
            Job::Cms(route) => Ok(cms::render(site, route)),
            Job::Sitemap => feeds::sitemap(self, template),
            Job::Robots => feeds::robots(self, template),
            Job::NotFound => self.render_404(template),
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
            context.insert_value("vacancy", self.view(i));
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

/// The views a renderer made for the site before a change.
struct Earlier {
    site: Arc<Site>,
    views: Arc<Vec<OnceLock<Value>>>,
    /// For each vacancy now, where the same one (same `Arc`, same status)
    /// was then; made on first use.
    map: OnceLock<Vec<Option<u32>>>,
}

impl Earlier {
    fn view(&self, site: &Site, i: usize) -> Option<Value> {
        let map = self.map.get_or_init(|| {
            let then: HashMap<*const crate::vacancy::Vacancy, usize> = self
                .site
                .vacancies
                .iter()
                .enumerate()
                .map(|(j, p)| (Arc::as_ptr(&p.vacancy), j))
                .collect();
            site.vacancies
                .iter()
                .map(|p| {
                    let &j = then.get(&Arc::as_ptr(&p.vacancy))?;
                    let same = self.site.vacancies[j].status == p.status;
                    same.then(|| u32::try_from(j).ok()).flatten()
                })
                .collect()
        });
        let j = map[i]? as usize;
        self.views[j].get().cloned()
    }
}

/// Every file of `site`, in the order a build renders them.
fn jobs(site: &Site) -> Vec<Job> {
    let mut jobs = Vec::new();
    let list = |jobs: &mut Vec<Job>, list: List, listed: usize| {
        let total = listed.div_ceil(page_size(site, listed)).max(1);
        jobs.extend((1..=total).map(|number| Job::List {
            list,
            number,
            total,
        }));
    };
    let home = site
        .vacancies
        .iter()
        .filter(|p| p.status.is_listed())
        .count();
    list(&mut jobs, List::Home, home);
    jobs.extend((0..site.vacancies.len()).map(Job::Vacancy));
    for folder in Folder::BOTH {
        jobs.push(Job::TermIndex(folder));
        for (t, term) in folder.terms(site).iter().enumerate() {
            list(&mut jobs, List::Term(folder, t), term.listed);
        }
    }
    jobs.extend((0..site.pages.len()).map(Job::Page));
    jobs.push(Job::Feed(List::Home));
    for folder in Folder::BOTH {
        jobs.extend((0..folder.terms(site).len()).map(|t| Job::Feed(List::Term(folder, t))));
    }
    follow::add_jobs(site, &mut jobs, list);
    jobs.extend(cms::routes(site).iter().map(|&route| Job::Cms(route)));
    jobs.extend([Job::Sitemap, Job::Robots, Job::NotFound]);
    jobs
}

/// Vacancies a page of a list of `listed` shows: `page_size`, or all of
/// them when it is 0.
fn page_size(site: &Site, listed: usize) -> usize {
    match site.config.page_size {
        0 => listed.max(1),
        n => n,
    }
}

fn listed_of(term: &Term, site: &Site) -> Vec<usize> {
    term.vacancies
        .iter()
        .copied()
        .filter(|&i| site.vacancies[i].status.is_listed())
        .collect()
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
