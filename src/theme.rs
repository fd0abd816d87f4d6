//! The theme a site is rendered with: the built-in default, embedded in the
//! binary, with a site's `themes/<name>/` folder overriding it file by file.
//!
//! Only this module reads theme files; the renderer gets them as text.
//!
//! A theme is a folder *name* under the site's `themes/` folder, never a
//! path: a `theme:` that could lead elsewhere ([`check_name`]), a theme
//! folder that is a symbolic link, and links inside it are refused or
//! skipped, so nothing from outside the site is published.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::content::walk;
use crate::diagnostics::{Diagnostic, Diagnostics};
use include_dir::{Dir, include_dir};

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

/// Why `name` (the value of `theme:`) cannot name a folder of the site's
/// `themes/` folder, as a message and a hint: a path separator, `..` or an
/// absolute path would lead out of it.
pub fn check_name(name: &str) -> Result<(), (String, String)> {
    let trimmed = name.trim();
    let path_like = trimmed.contains(['/', '\\', ':'])
        || trimmed.chars().all(|c| c == '.')
        || trimmed.contains('\0');
    if !path_like {
        return Ok(());
    }
    Err((
        format!("the theme \"{name}\" is not a folder name: a theme is a folder inside the site's themes/ folder, named without `/`, `\\` or `..`"),
        "put the theme in themes/<name>/ and write `theme: <name>`, or remove `theme:` to use the built-in theme".to_owned(),
    ))
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

    if let Err((message, hint)) = check_name(name) {
        // `config` reports this at its line; never read such a folder.
        diagnostics.push(Diagnostic::error("content/site.yaml", message).hint(hint));
        return theme;
    }
    let themes = root.join("themes");
    let folder = themes.join(name);
    let is_link =
        |path: &Path| std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    for (path, shown) in [
        (&themes, "themes".to_owned()),
        (&folder, format!("themes/{name}")),
    ] {
        if is_link(path) {
            diagnostics.push(
                Diagnostic::error(
                    shown,
                    "the theme folder is a symbolic link (a shortcut), which careers does not follow",
                )
                .hint(format!("put the theme's folder itself at themes/{name}/ instead of a link to it")),
            );
            return theme;
        }
    }
    if !folder.is_dir() {
        if name != "default" {
            diagnostics.push(
                Diagnostic::error("content/site.yaml", format!("the theme \"{name}\" is not in themes/{name}/"))
                    .hint("create that folder with your templates, or remove `theme:` to use the built-in theme"),
            );
        }
        return theme;
    }
    for (rel, path) in files_under(root, &folder, "templates", diagnostics) {
        let origin = format!("themes/{name}/templates/{rel}");
        // Not through a link that replaced the file after the walk.
        match walk::read_not_following(&path).map(String::from_utf8) {
            Ok(Ok(text)) => {
                theme.templates.insert(
                    rel,
                    TemplateSource {
                        text: Cow::Owned(text),
                        origin,
                    },
                );
            }
            Ok(Err(_)) => diagnostics.push(
                Diagnostic::error(origin, "the template is not UTF-8 text")
                    .hint("save it as UTF-8 text in your editor"),
            ),
            Err(err) => diagnostics.push(
                Diagnostic::error(
                    origin,
                    format!("the template could not be read: {}", walk::io_reason(&err)),
                )
                .hint(walk::PERMISSIONS_HINT),
            ),
        }
    }
    for (rel, path) in files_under(root, &folder, "static", diagnostics) {
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

/// The ordinary files under `folder/sub`, by `/`-separated path inside it,
/// walked as the content folder is (`content::walk`): links skipped with a
/// warning at any depth, names that are not UTF-8 refused.
fn files_under(
    root: &Path,
    folder: &Path,
    sub: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<(String, PathBuf)> {
    let dir = folder.join(sub);
    let mut problems = Vec::new();
    let files = walk::files_under(root, &dir, &mut problems)
        .into_iter()
        .map(|path| (walk::relative(&dir, &path), path))
        .collect();
    diagnostics.extend(problems);
    files
}
