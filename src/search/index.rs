//! Building the search bundle in-process with the `pagefind` crate: the
//! index of the records, and the browser scripts and WebAssembly that
//! search it, as files under `pagefind/` for `output` to write.
//!
//! The crate's API is async; one current-thread runtime drives it for the
//! length of a build. Records go in in the order given (site order), so
//! the same site gives the same bytes. The crate resolves its files
//! against the script's own URL, so the bundle works under any path
//! prefix; result URLs are the site-relative ones of the records, which
//! the browser script resolves against the site root it derives from
//! there.

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use super::SearchRecord;
use crate::render::OutputFile;
use crate::routes::Route;

/// The crate's ready-made search interfaces and result highlighter: the
/// theme's own page and script (`search.html`, `js/search.js`) use only
/// `pagefind.js`, its worker, the WebAssembly and the index, so these
/// ~430 KB are not published.
const UNUSED: [&str; 7] = [
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
];

/// The indexer failed: a fault of the indexer, not of the content.
#[derive(Debug, thiserror::Error)]
#[error("could not build the search index: {0}")]
pub struct SearchError(String);

/// The search bundle for `records` (see [`super::records`]), whose text is
/// in `language` (`en-GB`): every file under `pagefind/`, sorted by path.
pub fn bundle(records: Vec<SearchRecord>, language: &str) -> Result<Vec<OutputFile>, SearchError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(fail)?;
    let language = language.to_ascii_lowercase();
    runtime.block_on(async {
        let options = PagefindServiceConfig::builder()
            .force_language(language.clone())
            .keep_index_url(false)
            .build();
        let mut index = PagefindIndex::new(Some(options)).map_err(fail)?;
        for record in records {
            index
                .add_custom_record(
                    record.url,
                    record.content,
                    language.clone(),
                    Some(record.meta),
                    Some(record.filters),
                    Some(record.sort),
                )
                .await
                .map_err(fail)?;
        }
        let files = index.get_files().await.map_err(fail)?;
        let mut files: Vec<OutputFile> = files
            .into_iter()
            .filter_map(|file| {
                let name = file.filename.to_string_lossy().replace('\\', "/");
                (!UNUSED.contains(&name.as_str())).then(|| OutputFile {
                    path: Route::SearchBundle { file: &name }.path(),
                    bytes: file.contents,
                })
            })
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    })
}

fn fail(error: impl std::fmt::Display) -> SearchError {
    SearchError(error.to_string())
}
