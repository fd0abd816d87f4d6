//! One good build as `serve` holds it: the assembled site and its compiled
//! templates, with each page rendered the first time it is asked for and
//! its bytes kept until the next change. Theme statics and documents are
//! read from where the build found them. The search bundle is built from
//! this site (previews included) when a browser first asks for one of its
//! files, so search works on the content being edited.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use crate::diagnostics::Diagnostics;
use crate::render::Renderer;
use crate::routes::Route;
use crate::theme::{StaticFile, Theme};

/// A page's rendering: its bytes, or the template problems it ran into.
pub(crate) type Rendering = Result<Arc<Vec<u8>>, Arc<Diagnostics>>;

/// Pages rendered so far, by output path.
pub(crate) type Cache = Arc<Mutex<HashMap<String, Rendering>>>;

/// What the server finds at an output path.
pub(crate) enum Found {
    Bytes(Arc<Vec<u8>>),
    /// A page whose template failed: the problems, and the page as the
    /// build before served it, if it did.
    Failed {
        problems: Arc<Diagnostics>,
        earlier: Option<Arc<Vec<u8>>>,
        /// This request rendered it (so the failure is news).
        first: bool,
    },
}

/// A site built into memory, rendered page by page on request.
pub struct ServedSite {
    renderer: Renderer,
    theme: Arc<Theme>,
    /// Files under `content/documents` by output path (`documents/jd.pdf`).
    documents: BTreeMap<String, PathBuf>,
    cache: Cache,
    /// The pages of the build before this one, for a page that fails now.
    earlier: Option<Cache>,
    /// The search bundle's files by output path, built on first ask.
    search: OnceLock<BTreeMap<String, Arc<Vec<u8>>>>,
    pub(crate) warnings: Diagnostics,
}

impl ServedSite {
    pub(crate) fn new(
        renderer: Renderer,
        theme: Arc<Theme>,
        warnings: Diagnostics,
        earlier: Option<Cache>,
    ) -> Self {
        let documents = renderer
            .site()
            .documents
            .iter()
            .map(|d| (d.content_path.clone(), d.absolute.clone()))
            .collect();
        Self {
            renderer,
            theme,
            documents,
            cache: Cache::default(),
            earlier,
            search: OnceLock::new(),
            warnings,
        }
    }

    pub(crate) fn cache(&self) -> Cache {
        Arc::clone(&self.cache)
    }

    pub(crate) fn renderer(&self) -> &Renderer {
        &self.renderer
    }

    /// The theme the site uses, for the watcher.
    pub fn theme_name(&self) -> &str {
        &self.renderer.site().config.theme
    }

    /// Whether the site has a rendered file (page or feed) at `path`.
    pub(crate) fn has_page(&self, path: &str) -> bool {
        self.renderer.contains(path)
    }

    /// The rendered file at `path`, rendering it if this is the first ask.
    pub(crate) fn rendered(&self, path: &str) -> Option<Found> {
        let kept = self.lock().get(path).cloned();
        let (rendering, first) = match kept {
            Some(rendering) => (rendering, false),
            None => {
                // Rendered outside the lock, so other pages are served
                // meanwhile; two asks at once may both render it.
                let rendering: Rendering = match self.renderer.render_path(path)? {
                    Ok(file) => Ok(Arc::new(file.bytes)),
                    Err(problems) => Err(Arc::new(problems)),
                };
                self.lock().insert(path.to_owned(), rendering.clone());
                (rendering, true)
            }
        };
        Some(match rendering {
            Ok(bytes) => Found::Bytes(bytes),
            Err(problems) => Found::Failed {
                problems,
                earlier: self.earlier_bytes(path),
                first,
            },
        })
    }

    /// A theme static file, a document or a file of the search bundle at
    /// `path`.
    pub(crate) fn asset(&self, path: &str) -> Option<Vec<u8>> {
        if let Some(Route::SearchBundle { .. }) = Route::parse(path) {
            return self.search_bundle().get(path).map(|bytes| bytes.to_vec());
        }
        if let Some(file) = self.theme.statics.get(path) {
            return match file {
                StaticFile::Embedded(bytes) => Some(bytes.to_vec()),
                StaticFile::OnDisk(path) => std::fs::read(path).ok(),
            };
        }
        self.documents
            .get(path)
            .and_then(|path| std::fs::read(path).ok())
    }

    /// The search bundle of this build (empty if the indexer failed, which
    /// leaves the search page saying search did not load).
    fn search_bundle(&self) -> &BTreeMap<String, Arc<Vec<u8>>> {
        self.search.get_or_init(|| {
            let files = crate::search::site_bundle(self.renderer.site()).unwrap_or_default();
            files
                .into_iter()
                .map(|f| (f.path, Arc::new(f.bytes)))
                .collect()
        })
    }

    fn earlier_bytes(&self, path: &str) -> Option<Arc<Vec<u8>>> {
        let earlier = self.earlier.as_ref()?;
        let earlier = earlier.lock().unwrap_or_else(|p| p.into_inner());
        earlier.get(path)?.as_ref().ok().cloned()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Rendering>> {
        self.cache.lock().unwrap_or_else(|p| p.into_inner())
    }
}
