//! Writing the output folder: the only code that writes to disk during a
//! build.
//!
//! Everything is written to a staging folder beside the output and swapped
//! into place at the end, so a failed build leaves the old output as it
//! was. The generator only ever replaces a folder that holds its marker
//! file, so a mistyped `--output` can never wipe someone's files.

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
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
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
        let bytes = fs::read(from).map_err(io_at(from))?;
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

/// Puts `staging` where `output` is, keeping the old output until the new
/// one is in place.
fn swap(staging: &Path, output: &Path, parent: &Path, name: &str) -> Result<(), OutputError> {
    if !output.exists() {
        return fs::rename(staging, output).map_err(io_at(output));
    }
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if old.exists() {
        fs::remove_dir_all(&old).map_err(io_at(&old))?;
    }
    fs::rename(output, &old).map_err(io_at(output))?;
    if let Err(source) = fs::rename(staging, output) {
        let _ = fs::rename(&old, output);
        return Err(OutputError::Io {
            path: output.to_owned(),
            source,
        });
    }
    fs::remove_dir_all(&old).map_err(io_at(&old))
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
}
