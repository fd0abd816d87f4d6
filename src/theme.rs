//! The theme a site is rendered with: the built-in default, embedded in the
//! binary, with a site's `themes/<name>/` folder overriding it file by file.
//!
//! Only this module reads theme files; the renderer gets them as text.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics};

static DEFAULT_TEMPLATES: Dir = include_dir!("$CARGO_MANIFEST_DIR/themes/default/templates");
static DEFAULT_STATIC: Dir = include_dir!("$CARGO_MANIFEST_DIR/themes/default/static");

/// A template's text and where it came from, for error messages.
#[derive(Debug, Clone)]
pub struct TemplateSource {
    pub text: Cow<'static, str>,
    /// `themes/default/templates/vacancy.html` or `(built-in)/vacancy.html`.
    pub origin: String,
}

/// A static file: built in, or a file of the site's theme folder.
#[derive(Debug, Clone)]
pub enum StaticFile {
    Embedded(&'static [u8]),
    OnDisk(PathBuf),
}

/// The templates and static files the build will use.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// By template name (`vacancy.html`, `partials/card.html`).
    pub templates: BTreeMap<String, TemplateSource>,
    /// By output path (`css/careers.css`).
    pub statics: BTreeMap<String, StaticFile>,
}

impl Theme {
    /// Top-level output names the theme's static files take (`css`),
    /// which free pages may not use as slugs.
    pub fn reserved_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .statics
            .keys()
            .map(|p| p.split('/').next().unwrap_or(p).to_owned())
            .collect();
        names.dedup();
        names
    }
}

/// The built-in theme and the overrides in `root/themes/<name>/`.
pub fn load(root: &Path, name: &str, diagnostics: &mut Diagnostics) -> Theme {
    let mut theme = Theme::default();
    add_embedded(&DEFAULT_TEMPLATES, &mut |path, bytes| {
        let text = std::str::from_utf8(bytes).expect("built-in templates are UTF-8");
        theme.templates.insert(
            path.to_owned(),
            TemplateSource {
                text: Cow::Borrowed(text),
                origin: format!("(built-in theme)/templates/{path}"),
            },
        );
    });
    add_embedded(&DEFAULT_STATIC, &mut |path, bytes| {
        theme
            .statics
            .insert(path.to_owned(), StaticFile::Embedded(bytes));
    });

    let folder = root.join("themes").join(name);
    if !folder.is_dir() {
        if name != "default" {
            diagnostics.push(
                Diagnostic::error("content/site.yaml", format!("the theme \"{name}\" is not in themes/{name}/"))
                    .hint("create that folder with your templates, or remove `theme:` to use the built-in theme"),
            );
        }
        return theme;
    }
    for (rel, path) in files_under(&folder.join("templates"), diagnostics) {
        let origin = format!("themes/{name}/templates/{rel}");
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                theme.templates.insert(
                    rel,
                    TemplateSource {
                        text: Cow::Owned(text),
                        origin,
                    },
                );
            }
            Err(err) => diagnostics.push(
                Diagnostic::error(origin, format!("the template could not be read: {err}"))
                    .hint("save it as UTF-8 text and check its permissions"),
            ),
        }
    }
    for (rel, path) in files_under(&folder.join("static"), diagnostics) {
        theme.statics.insert(rel, StaticFile::OnDisk(path));
    }
    theme
}

fn add_embedded(dir: &'static Dir<'static>, add: &mut dyn FnMut(&str, &'static [u8])) {
    for entry in dir.entries() {
        if let Some(sub) = entry.as_dir() {
            add_embedded(sub, add);
        } else if let Some(file) = entry.as_file() {
            let path = file.path().to_string_lossy().replace('\\', "/");
            add(&path, file.contents());
        }
    }
}

fn files_under(dir: &Path, diagnostics: &mut Diagnostics) -> Vec<(String, PathBuf)> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return files;
    }
    for entry in WalkDir::new(dir).sort_by_file_name() {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
                let rel = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                files.push((rel, entry.into_path()));
            }
            Ok(_) => {}
            Err(err) => diagnostics.push(
                Diagnostic::warning(
                    dir.display().to_string(),
                    format!("skipped a theme file: {err}"),
                )
                .hint("check the theme folder's links and permissions"),
            ),
        }
    }
    files
}
