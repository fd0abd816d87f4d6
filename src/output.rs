//! Writing the output folder: the only code that writes to disk during a
//! build.
//!
//! Everything is written to a staging folder beside the output and swapped
//! into place at the end, so a failed build leaves the old output as it
//! was. Where the platform can exchange two folders in one step (Linux
//! `renameat2(RENAME_EXCHANGE)`, macOS `renameatx_np(RENAME_SWAP)`), the
//! output path names a complete site, old or new, at every instant, even if
//! the build is killed. The generator only ever replaces a folder that holds
//! its marker file, so a mistyped `--output` can never wipe someone's files.
//!
//! A build holds a lock on `.<output>.lock` beside the output from staging
//! to swap (the file is removed when the build ends), so two builds of one output never interleave, and a build may
//! remove the staging folders a killed build left (`.<output>.staging-<pid>`,
//! `.<output>.old-<pid>`): while it holds the lock, no live build owns one.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::content::Document;
use crate::theme::StaticFile;

/// The file that marks a folder as made by careers.
pub const MARKER: &str = ".careers-output";

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error(
        "{} is not empty and was not made by careers, so it was left alone",
        .0.display()
    )]
    Foreign(PathBuf),
    #[error("{} is a file, not a folder", .0.display())]
    NotAFolder(PathBuf),
    #[error("could not write {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    #[error("refused to write {path}: the path leaves the output folder")]
    UnsafePath { path: String },
    #[error(
        "another careers build is writing {} right now; wait for it to finish, then build again",
        .0.display()
    )]
    Busy(PathBuf),
}

fn io_at(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Checks that `output` may be replaced: absent, empty, or made by careers.
pub fn check_replaceable(output: &Path) -> Result<(), OutputError> {
    if !output.exists() {
        return Ok(());
    }
    if !output.is_dir() {
        return Err(OutputError::NotAFolder(output.to_owned()));
    }
    if output.join(MARKER).is_file() {
        return Ok(());
    }
    let mut entries = fs::read_dir(output).map_err(io_at(output))?;
    match entries.next() {
        None => Ok(()),
        Some(_) => Err(OutputError::Foreign(output.to_owned())),
    }
}

/// A new output being written beside the old one. Files can be added from
/// many threads; `commit` swaps it into place, and dropping it without
/// committing removes it, leaving the old output as it was.
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    parent: PathBuf,
    name: String,
    committed: bool,
    // Held until the staging folder is swapped in or removed; dropped after
    // `Drop::drop` has run, so the lock outlives the folder.
    _lock: Option<OutputLock>,
}

impl Staging {
    /// Starts a staging folder for `output`, refusing a folder careers did
    /// not make.
    pub fn create(output: &Path) -> Result<Self, OutputError> {
        check_replaceable(output)?;
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(io_at(&parent))?;
        let name = output
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let lock = OutputLock::take(output, &parent, &name)?;
        if lock.is_some() {
            remove_leftovers(&parent, &name);
        }
        let dir = parent.join(format!(".{name}.{STAGING}{}", std::process::id()));
        // A folder of this name can only be a dead build's whose pid was
        // reused (or, without a lock, this process's own).
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(io_at(&dir))?;
        }
        fs::create_dir_all(&dir).map_err(io_at(&dir))?;
        Ok(Self {
            output: output.to_owned(),
            dir,
            parent,
            name,
            committed: false,
            _lock: lock,
        })
    }

    /// Adds a file. A file whose bytes equal the old output's is hard-linked
    /// from it instead, so its modification time survives and deployments
    /// that compare times (rsync) send only what changed.
    pub fn add(&self, path: &str, bytes: &[u8]) -> Result<(), OutputError> {
        let to = self.prepare(path)?;
        let old = self.output.join(path);
        if unchanged(&old, bytes) && fs::hard_link(&old, &to).is_ok() {
            return Ok(());
        }
        fs::write(&to, bytes).map_err(io_at(&to))
    }

    /// Adds a theme static file.
    pub fn add_static(&self, path: &str, file: &StaticFile) -> Result<(), OutputError> {
        match file {
            StaticFile::Embedded(bytes) => self.add(path, bytes),
            StaticFile::OnDisk(from) => self.copy(path, from),
        }
    }

    /// Adds a file copied from `from`, linked from the old output if unchanged.
    pub fn copy(&self, path: &str, from: &Path) -> Result<(), OutputError> {
        // Not following a link that appeared after the content was listed.
        let bytes = crate::content::read_not_following(from).map_err(io_at(from))?;
        self.add(path, &bytes)
    }

    fn prepare(&self, path: &str) -> Result<PathBuf, OutputError> {
        safe_relative(path)?;
        let to = self.dir.join(path);
        if let Some(folder) = to.parent() {
            fs::create_dir_all(folder).map_err(io_at(folder))?;
        }
        Ok(to)
    }

    /// Marks the folder as careers' and puts it where the output was.
    pub fn commit(mut self) -> Result<(), OutputError> {
        let marker = self.dir.join(MARKER);
        fs::write(
            &marker,
            "This folder is built by careers and replaced whole on every build.\n",
        )
        .map_err(io_at(&marker))?;
        self.committed = true;
        swap(&self.dir, &self.output, &self.parent, &self.name)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Does the file at `old` hold exactly `bytes`? Sizes are compared first, so
/// most changed files cost one `stat`.
fn unchanged(old: &Path, bytes: &[u8]) -> bool {
    match fs::metadata(old) {
        Ok(meta) if meta.is_file() && meta.len() == bytes.len() as u64 => {
            fs::read(old).is_ok_and(|existing| existing == bytes)
        }
        _ => false,
    }
}

/// What the build writes besides the rendered files.
pub struct Copies<'a> {
    pub statics: Vec<(&'a str, &'a StaticFile)>,
    pub documents: &'a [Document],
}

impl Copies<'_> {
    pub fn len(&self) -> usize {
        self.statics.len() + self.documents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Copies the statics and documents; rendered pages added later win
    /// over a static file of the same name.
    pub fn add_to(&self, staging: &Staging) -> Result<(), OutputError> {
        self.statics
            .par_iter()
            .try_for_each(|(path, file)| staging.add_static(path, file))?;
        self.documents
            .par_iter()
            .try_for_each(|doc| staging.copy(&doc.content_path, &doc.absolute))
    }
}

/// The infix of a staging folder's name: `.<output>.staging-<pid>`.
const STAGING: &str = "staging-";
/// The infix of an old output moved aside: `.<output>.old-<pid>`.
const OLD: &str = "old-";

/// The lock one build holds on one output: an exclusive lock on the file
/// `.<name>.lock` beside it. The operating system releases it when the
/// process ends, however it ends, so a killed build never leaves it held.
struct OutputLock {
    _file: fs::File,
    #[cfg_attr(not(unix), allow(dead_code))]
    path: PathBuf,
}

impl OutputLock {
    /// Takes the lock of `output`, refusing the build if another build holds
    /// it. `None` where the file system cannot lock; the build then goes on
    /// as before locking existed, and removes no leftovers, since it cannot
    /// tell a dead build's from a live one.
    fn take(output: &Path, parent: &Path, name: &str) -> Result<Option<Self>, OutputError> {
        let path = parent.join(format!(".{name}.lock"));
        // A build ending removes the file while it still holds it; one that
        // opened it just before locks a file no longer there, and opens the
        // new one. A few tries are plenty; more means something else is
        // churning the file.
        for _ in 0..8 {
            let file = fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .map_err(io_at(&path))?;
            match file.try_lock() {
                Ok(()) if still_named(&file, &path) => return Ok(Some(Self { _file: file, path })),
                Ok(()) => continue,
                Err(fs::TryLockError::WouldBlock) => break,
                Err(fs::TryLockError::Error(_)) => return Ok(None),
            }
        }
        Err(OutputError::Busy(output.to_owned()))
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Removed while still locked (the file closes after this), so no
        // lock file is left beside the output. Only where `still_named` can
        // tell a removed file from the one at the path.
        #[cfg(unix)]
        let _ = fs::remove_file(&self.path);
    }
}

/// Is `file` still the file at `path`?
#[cfg(unix)]
fn still_named(file: &fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(held), Ok(named)) => held.dev() == named.dev() && held.ino() == named.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_named(_: &fs::File, _: &Path) -> bool {
    true
}

/// Removes the staging and old folders that killed builds left beside the
/// output. Only called under the output's lock, when no live build owns
/// one. Only real folders named exactly `.<name>.staging-<digits>` or
/// `.<name>.old-<digits>` are removed; anything else is left alone. A
/// leftover that cannot be removed (another user's, say) does not stop the
/// build: the new site matters more than the tidying.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let is_leftover = file_name
            .to_str()
            .is_some_and(|file_name| is_leftover_name(file_name, name));
        // `file_type` does not follow a symbolic link.
        if is_leftover && entry.file_type().is_ok_and(|t| t.is_dir()) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Is `file_name` exactly `.<name>.staging-<pid>` or `.<name>.old-<pid>`?
fn is_leftover_name(file_name: &str, name: &str) -> bool {
    let Some(rest) = file_name
        .strip_prefix('.')
        .and_then(|r| r.strip_prefix(name))
        .and_then(|r| r.strip_prefix('.'))
    else {
        return false;
    };
    let Some(pid) = rest
        .strip_prefix(STAGING)
        .or_else(|| rest.strip_prefix(OLD))
    else {
        return false;
    };
    !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())
}

/// Puts `staging` where `output` is. Where the platform exchanges the two
/// in one step, the output path always names a whole site; elsewhere the
/// old output is moved aside first and put back if the new one cannot
/// take its place.
fn swap(staging: &Path, output: &Path, parent: &Path, name: &str) -> Result<(), OutputError> {
    stop_point_for_tests("before-swap");
    if fs::symlink_metadata(output).is_err() {
        // The first build: nothing to keep.
        return fs::rename(staging, output).map_err(io_at(output));
    }
    match exchange(staging, output).map_err(io_at(output))? {
        Exchange::Done => {
            stop_point_for_tests("mid-swap");
            // The old output is now at the staging name. If it cannot be
            // removed, the next build removes it as a leftover; the new
            // output is in place either way.
            let _ = fs::remove_dir_all(staging);
            Ok(())
        }
        Exchange::NotSupported => swap_by_renames(staging, output, parent, name),
    }
}

/// The swap without an exchange: two renames, with a moment between them
/// when the output path names nothing.
fn swap_by_renames(
    staging: &Path,
    output: &Path,
    parent: &Path,
    name: &str,
) -> Result<(), OutputError> {
    let old = parent.join(format!(".{name}.{OLD}{}", std::process::id()));
    if old.exists() {
        fs::remove_dir_all(&old).map_err(io_at(&old))?;
    }
    fs::rename(output, &old).map_err(io_at(output))?;
    stop_point_for_tests("mid-swap");
    if let Err(source) = fs::rename(staging, output) {
        let _ = fs::rename(&old, output);
        return Err(OutputError::Io {
            path: output.to_owned(),
            source,
        });
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

enum Exchange {
    Done,
    /// The platform or the file system cannot exchange two folders.
    NotSupported,
}

/// Exchanges the folders at `a` and `b` in one step.
#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(a: &Path, b: &Path) -> io::Result<Exchange> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(Exchange::Done),
        // Old kernels (ENOSYS), file systems without the flag (EINVAL on
        // Linux, ENOTSUP on macOS).
        Err(e) if [Errno::NOSYS, Errno::INVAL, Errno::NOTSUP, Errno::OPNOTSUPP].contains(&e) => {
            Ok(Exchange::NotSupported)
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_: &Path, _: &Path) -> io::Result<Exchange> {
    Ok(Exchange::NotSupported)
}

/// For the tests of killed builds only: with `CAREERS_TEST_STOP_AT` set to
/// `before-swap` or `mid-swap`, a debug build says so on stderr and waits
/// there to be killed, so a test can kill it at that exact moment. Release
/// builds compile this to nothing.
fn stop_point_for_tests(point: &str) {
    #[cfg(debug_assertions)]
    if std::env::var_os("CAREERS_TEST_STOP_AT").is_some_and(|p| p == point) {
        eprintln!("careers: stopped at {point}");
        // Never wait forever if the test that asked is gone.
        std::thread::sleep(std::time::Duration::from_secs(60));
        std::process::abort();
    }
    #[cfg(not(debug_assertions))]
    let _ = point;
}

/// A path is written only if it stays inside the output folder.
fn safe_relative(path: &str) -> Result<(), OutputError> {
    let ok = !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if ok {
        Ok(())
    } else {
        Err(OutputError::UnsafePath {
            path: path.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_output() {
        assert!(safe_relative("jobs/a/index.html").is_ok());
        assert!(safe_relative("../etc/passwd").is_err());
        assert!(safe_relative("/etc/passwd").is_err());
        assert!(safe_relative("jobs/../../x").is_err());
    }

    #[test]
    fn only_exact_staging_and_old_names_are_leftovers() {
        assert!(is_leftover_name(".public.staging-123", "public"));
        assert!(is_leftover_name(".public.old-7", "public"));
        for other in [
            ".public.staging-",
            ".public.staging-12x",
            ".public.staging-12/..",
            ".public.old",
            ".public.lock",
            "public.staging-1",
            ".site.staging-1",
            ".public.backup-1",
            ".publicx.staging-1",
        ] {
            assert!(!is_leftover_name(other, "public"), "{other}");
        }
    }

    #[test]
    fn one_build_at_a_time_holds_an_output_and_no_lock_file_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let first = OutputLock::take(&output, dir.path(), "public").unwrap();
        assert!(first.is_some(), "this file system locks");
        let second = OutputLock::take(&output, dir.path(), "public");
        assert!(
            matches!(second, Err(OutputError::Busy(_))),
            "a second lock is refused"
        );
        drop(first);
        assert!(!dir.path().join(".public.lock").exists());
        assert!(
            OutputLock::take(&output, dir.path(), "public")
                .unwrap()
                .is_some()
        );
    }

    #[test]
    fn the_swap_without_an_exchange_replaces_the_output_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let staging = dir.path().join(".public.staging-1");
        fs::create_dir_all(&output).unwrap();
        fs::write(output.join("old.html"), "old").unwrap();
        fs::create_dir_all(&staging).unwrap();
        fs::write(staging.join("new.html"), "new").unwrap();
        swap_by_renames(&staging, &output, dir.path(), "public").unwrap();
        assert!(output.join("new.html").is_file());
        assert!(!output.join("old.html").exists());
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "only the output is left: {names:?}");
    }
}
