//! Turning a burst of file changes into a new [`ServedSite`].
//!
//! The [`Session`] keeps the parsed inputs between rebuilds, so a save
//! re-reads and re-parses only the files that changed and re-assembles the
//! site (cross-file checks included). Templates are compiled again only when
//! the theme changed. Nothing is rendered in advance except the pages a
//! change is sure to be looked at through, which also checks them against
//! the templates: the changed files' own pages, and after a theme change one
//! page of each template. Every other page renders when it is asked for.

use std::sync::Arc;

use rayon::prelude::*;

use super::served::{Cache, Found, ServedSite};
use crate::BuildOptions;
use crate::diagnostics::Diagnostics;
use crate::render::{Renderer, Templates};
use crate::session::{Changes, Session, Work};
use crate::theme::Theme;

/// Rebuilds a site for `serve`, keeping what it can between rebuilds.
pub(crate) struct Builder {
    session: Session,
    /// The theme the templates were compiled from, and them.
    templates: Option<(Arc<Theme>, Arc<Templates>)>,
    /// The last good build: its pages for the next one to fall back on,
    /// its views for the next one to reuse.
    last: Option<Arc<ServedSite>>,
}

/// A rebuild that succeeded.
pub(crate) struct Built {
    pub site: Arc<ServedSite>,
    pub work: Work,
    /// Output paths rendered at once (the others render on request).
    pub rendered: Vec<String>,
}

impl Builder {
    pub fn new(options: BuildOptions) -> Self {
        Self {
            session: Session::new(options),
            templates: None,
            last: None,
        }
    }

    /// Brings the site up to date with `changed` (paths relative to the
    /// root; `None` to read everything again).
    pub fn rebuild(&mut self, changed: Option<&[String]>) -> Result<Built, Diagnostics> {
        let changes = changed.map_or(Changes::Everything, Changes::Files);
        let loaded = self.session.refresh(changes)?;
        let work = self.session.work();
        let (templates, new_templates) = match &self.templates {
            Some((theme, templates)) if Arc::ptr_eq(theme, &loaded.theme) => {
                (Arc::clone(templates), false)
            }
            _ => match Templates::compile(&loaded.theme) {
                Ok(templates) => {
                    let templates = Arc::new(templates);
                    self.templates = Some((Arc::clone(&loaded.theme), Arc::clone(&templates)));
                    (templates, true)
                }
                Err(found) => return Err(with(loaded.warnings, found)),
            },
        };
        let mut renderer = Renderer::new(loaded.site, templates, loaded.preview);
        let mut earlier: Option<Cache> = None;
        if let Some(last) = &self.last {
            renderer = renderer.reuse(last.renderer());
            earlier = Some(last.cache());
        }
        let site = ServedSite::new(renderer, loaded.theme, loaded.warnings, earlier);

        let mut paths = Vec::new();
        if new_templates {
            paths.extend(site.renderer().samples());
        }
        for source in changed.unwrap_or_default() {
            if let Some(page) = site.renderer().page_of(source)
                && !paths.contains(&page)
            {
                paths.push(page);
            }
        }
        let failed: Vec<Arc<Diagnostics>> = paths
            .par_iter()
            .filter_map(|path| match site.rendered(path) {
                Some(Found::Failed { problems, .. }) => Some(problems),
                _ => None,
            })
            .collect();
        if !failed.is_empty() {
            let mut problems = Diagnostics::default();
            for found in failed {
                problems.extend(found.iter().cloned());
            }
            return Err(with(site.warnings.clone(), problems));
        }
        let site = Arc::new(site);
        self.last = Some(Arc::clone(&site));
        Ok(Built {
            site,
            work,
            rendered: paths,
        })
    }
}

/// `warnings` and the problems `found`, sorted, each said once.
fn with(mut warnings: Diagnostics, found: Diagnostics) -> Diagnostics {
    warnings.extend(found.into_vec());
    warnings.sort();
    warnings.dedup();
    warnings
}
