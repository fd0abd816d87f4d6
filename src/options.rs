//! What a build is asked to do: the site, the output, the build moment and
//! what previews show. Shared by every command and by `Session`.

use std::path::PathBuf;

use crate::site::Visibility;

/// What to build, and as of when.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site's folder (holding `content/`).
    pub root: PathBuf,
    /// Where to write; default `<root>/public`.
    pub output: Option<PathBuf>,
    /// The build moment: a date or an RFC 3339 date-time; default now.
    pub now: Option<String>,
    /// Show drafts (and, for previews, future adverts).
    pub visibility: Visibility,
    /// Replaces `base_url` from site.yaml, e.g. `http://127.0.0.1:1111/`
    /// for a local preview whose absolute links must work.
    pub base_url: Option<String>,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            ..Self::default()
        }
    }

    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}
