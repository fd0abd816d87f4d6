//! What a build is asked to do: the site, the output, the build moment and
//! what previews show. Shared by every command and by `Session`.

use std::path::{Component, Path, PathBuf};

/// What the build is for: publishing, or previewing with drafts shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Visibility {
    /// Show drafts, marked as such (`build --drafts`, `serve`).
    pub drafts: bool,
    /// Show adverts posted in the future, marked as such (`serve`).
    pub future: bool,
}

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
    /// Leave the search index out (`build --no-search`): a quicker build
    /// for checking pages, whose search page cannot search.
    pub without_search: bool,
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

    /// Why the output folder cannot be where it is asked to be, in words:
    /// inside `content/` or `themes/` (every build would publish the one
    /// before it, inside itself) or holding `content/`. Paths are compared
    /// as the disk resolves them, links and `..` included.
    pub fn misplaced_output(&self) -> Option<String> {
        let output = self.output_dir();
        let real = resolved(&output);
        let content = resolved(&self.root.join("content"));
        let themes = resolved(&self.root.join("themes"));
        let shown = output.display();
        let fix = "choose a folder outside content/ and themes/, e.g. public (the default)";
        if real.starts_with(&content) {
            Some(format!(
                "--output {shown} is inside the site's content/ folder, so every build would publish the last one again inside itself; {fix}"
            ))
        } else if real.starts_with(&themes) {
            Some(format!(
                "--output {shown} is inside the site's themes/ folder, so every build would publish the last one again inside itself; {fix}"
            ))
        } else if content.starts_with(&real) {
            Some(format!(
                "--output {shown} holds the site's content/ folder, which a build would replace; {fix}"
            ))
        } else {
            None
        }
    }
}

/// `path` made absolute as the disk resolves it: the longest part that
/// exists is canonicalised (links followed), the rest applied by name.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let parts: Vec<Component> = absolute.components().collect();
    for keep in (1..=parts.len()).rev() {
        let existing: PathBuf = parts[..keep].iter().collect();
        if let Ok(mut real) = existing.canonicalize() {
            for part in &parts[keep..] {
                match part {
                    Component::ParentDir => {
                        real.pop();
                    }
                    Component::CurDir => {}
                    other => real.push(other),
                }
            }
            return real;
        }
    }
    absolute
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_among_the_inputs_are_misplaced() {
        let site = tempfile::tempdir().expect("temporary folder");
        std::fs::create_dir_all(site.path().join("content/documents")).expect("folders");
        let with = |output: &str| BuildOptions {
            output: Some(site.path().join(output)),
            ..BuildOptions::new(site.path())
        };
        assert!(with("content/documents/site").misplaced_output().is_some());
        assert!(with("content/x/../../content").misplaced_output().is_some());
        assert!(with("themes/mine/out").misplaced_output().is_some());
        assert!(with(".").misplaced_output().is_some());
        assert!(with("public").misplaced_output().is_none());
        assert!(with("content-public").misplaced_output().is_none());
        assert!(BuildOptions::new(site.path()).misplaced_output().is_none());
    }
}
