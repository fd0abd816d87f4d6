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
    let shown = format!("themes/{name}");
    for (rel, path) in files_under(&folder, &shown, "templates", diagnostics) {
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
    for (rel, path) in files_under(&folder, &shown, "static", diagnostics) {
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

/// The ordinary files under `folder/sub`, by `/`-separated path inside it.
/// Symbolic links are not followed at any depth, `sub` itself included,
/// and are skipped with a warning; a name that is not UTF-8 is an error,
/// since shown lossily two names could be one output file.
fn files_under(
    folder: &Path,
    shown: &str,
    sub: &str,
    diagnostics: &mut Diagnostics,
) -> Vec<(String, PathBuf)> {
    let dir = folder.join(sub);
    let mut files = Vec::new();
    if std::fs::symlink_metadata(&dir).is_err() {
        return files;
    }
    let mut walk = WalkDir::new(&dir)
        .follow_root_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                diagnostics.push(
                    Diagnostic::warning(
                        format!("{shown}/{sub}"),
                        format!("skipped a theme file: {err}"),
                    )
                    .hint("check the theme folder's permissions"),
                );
                continue;
            }
        };
        let rel = entry.path().strip_prefix(folder).unwrap_or(entry.path());
        let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
        let Some(parts) = parts else {
            let lossy = rel.to_string_lossy();
            diagnostics.push(
                Diagnostic::error(
                    format!("{shown}/{lossy}"),
                    "this name holds a character that is not UTF-8 (shown here as \u{FFFD}), so careers cannot give it a web address of its own",
                )
                .hint("rename it using plain letters, digits and hyphens"),
            );
            if entry.file_type().is_dir() {
                walk.skip_current_dir();
            }
            continue;
        };
        if entry.path_is_symlink() {
            diagnostics.push(
                Diagnostic::warning(
                    format!("{shown}/{}", parts.join("/")),
                    "this is a symbolic link (a shortcut), which careers does not follow, so it was skipped",
                )
                .hint("put the file or folder itself in the theme instead of a link to it"),
            );
        } else if entry.depth() > 0 && entry.file_type().is_file() {
            // The path inside `sub`: `css/careers.css`.
            files.push((parts[1..].join("/"), entry.into_path()));
        }
    }
    files
}
