//! How careers walks a folder of the site and opens its files: symbolic
//! links are never followed at any depth (the folder itself included), a
//! name that is not UTF-8 is an error, and a file that has become a link
//! since the walk is refused when opened. `content::discover` and the
//! theme loader both walk this way, so one set of rules holds for every
//! file that can be published.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::Diagnostic;

pub(crate) fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every ordinary file under the folder `dir`, in sorted order. Symbolic links are not followed at any depth, `dir`
/// itself included (a link could publish a file from anywhere, or loop):
/// each is skipped with a warning. A name that is not UTF-8 is an error
/// (and a folder so named is not entered), as are pipes, sockets and
/// devices, which are skipped with a warning.
pub(crate) fn files_under(root: &Path, dir: &Path, problems: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    if std::fs::symlink_metadata(dir).is_err() {
        return files;
    }
    let mut walk = WalkDir::new(dir)
        .follow_root_links(false)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                problems.push(walk_problem(root, dir, &err));
                continue;
            }
        };
        if entry.path_is_symlink() {
            problems.push(skipped_link(root, entry.path()));
        } else if entry.depth() == 0 && !entry.file_type().is_dir() {
            // `content/jobs` as a file, say: there is nothing under it.
            return files;
        } else if entry.depth() > 0 && entry.file_name().to_str().is_none() {
            problems.push(name_not_utf8(root, entry.path()));
            if entry.file_type().is_dir() {
                walk.skip_current_dir();
            }
        } else if entry.file_type().is_file() {
            files.push(entry.into_path());
        } else if !entry.file_type().is_dir() {
            problems.push(
                Diagnostic::warning(
                    relative(root, entry.path()),
                    "this is not an ordinary file (it is a pipe, socket or device), so it was skipped",
                )
                .hint("put an ordinary file here, or remove it"),
            );
        }
    }
    files
}

/// A file or folder whose name is not UTF-8: shown lossily, two such
/// names could be one web address, and one would silently replace the other.
fn name_not_utf8(root: &Path, path: &Path) -> Diagnostic {
    let folder = path
        .parent()
        .map_or_else(String::new, |p| relative(root, p));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Diagnostic::error(
        folder,
        format!("the name \"{name}\" holds a character that is not UTF-8 (shown here as \u{FFFD}), so careers cannot give it a web address of its own"),
    )
    .hint("rename it using plain letters, digits and hyphens, e.g. job-description.pdf; names copied from older systems often carry this")
}

fn walk_problem(root: &Path, dir: &Path, err: &walkdir::Error) -> Diagnostic {
    let at = err.path().unwrap_or(dir);
    if err.loop_ancestor().is_some() {
        Diagnostic::warning(
            relative(root, at),
            "this folder link loops back on itself, so it was skipped",
        )
        .hint("remove the symbolic link, or point it somewhere outside content/")
    } else {
        let reason = err.io_error().map_or_else(|| err.to_string(), io_reason);
        Diagnostic::error(relative(root, at), format!("could not be read: {reason}"))
            .hint(PERMISSIONS_HINT)
    }
}

pub(crate) const PERMISSIONS_HINT: &str = "check the permissions of the file or folder: the account running careers must be able to read it";

/// Opens `path` for reading, refusing it if it has become a symbolic link
/// since the folder was listed (the walk already skips links; this closes
/// the window between the walk and the read).
pub fn open_not_following(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    options.open(path)
}

/// Reads the whole of `path` as [`open_not_following`] opens it.
pub fn read_not_following(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut open_not_following(path)?, &mut bytes)?;
    Ok(bytes)
}

/// Why a file could not be read, in words rather than an error code.
pub(crate) fn io_reason(err: &std::io::Error) -> String {
    if is_link_refused(err) {
        return "it became a symbolic link (a shortcut), which careers does not follow".to_owned();
    }
    match err.kind() {
        std::io::ErrorKind::PermissionDenied => {
            "careers does not have permission to read it".to_owned()
        }
        std::io::ErrorKind::NotFound => "it is no longer there".to_owned(),
        _ => err.to_string(),
    }
}

/// Whether opening failed because the file is a symbolic link (`ELOOP`
/// from a no-follow open).
fn is_link_refused(err: &std::io::Error) -> bool {
    #[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
    {
        err.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error())
    }
    #[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
    {
        let _ = err;
        false
    }
}

fn skipped_link(root: &Path, path: &Path) -> Diagnostic {
    Diagnostic::warning(
        relative(root, path),
        "this is a symbolic link (a shortcut), which careers does not follow, so it was skipped",
    )
    .hint("put the file or folder itself here instead of a link to it")
}

#[cfg(all(
    test,
    any(target_os = "linux", target_os = "android", target_vendor = "apple")
))]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_became_a_link_is_not_read_through() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("secret.txt"), "not for publishing").unwrap();
        let link = dir.path().join("advert.md");
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), &link).unwrap();
        let err = read_not_following(&link).expect_err("a link is refused");
        assert!(is_link_refused(&err), "{err}");
        assert!(io_reason(&err).contains("symbolic link"));
        assert_eq!(
            read_not_following(&dir.path().join("secret.txt")).unwrap(),
            b"not for publishing"
        );
    }
}
