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
use crate::render::OutputFile;
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

/// What the build writes besides the rendered files.
pub struct Copies<'a> {
    pub statics: Vec<(&'a str, &'a StaticFile)>,
    pub documents: &'a [Document],
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

/// Writes `files` and `copies` to a staging folder, then swaps it in for
/// `output`. Returns the number of files written.
pub fn write(output: &Path, files: &[OutputFile], copies: &Copies) -> Result<usize, OutputError> {
    check_replaceable(output)?;
    for file in files {
        safe_relative(&file.path)?;
    }
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(io_at(&parent))?;
    let name = output
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
    if staging.exists() {
        fs::remove_dir_all(&staging).map_err(io_at(&staging))?;
    }
    let result = fill(&staging, files, copies);
    if let Err(err) = result {
        let _ = fs::remove_dir_all(&staging);
        return Err(err);
    }
    swap(&staging, output, &parent, &name)?;
    Ok(result.unwrap_or(0))
}

fn fill(staging: &Path, files: &[OutputFile], copies: &Copies) -> Result<usize, OutputError> {
    fs::create_dir_all(staging).map_err(io_at(staging))?;
    let mut folders: Vec<PathBuf> = files
        .iter()
        .map(|f| f.path.as_str())
        .chain(copies.statics.iter().map(|(p, _)| *p))
        .chain(copies.documents.iter().map(|d| d.content_path.as_str()))
        .filter_map(|p| Path::new(p).parent().map(Path::to_path_buf))
        .collect();
    folders.sort();
    folders.dedup();
    for folder in folders {
        let dir = staging.join(folder);
        fs::create_dir_all(&dir).map_err(io_at(&dir))?;
    }

    copies.statics.par_iter().try_for_each(|(rel, file)| {
        safe_relative(rel)?;
        let to = staging.join(rel);
        match file {
            StaticFile::Embedded(bytes) => fs::write(&to, bytes).map_err(io_at(&to)),
            StaticFile::OnDisk(from) => fs::copy(from, &to).map(drop).map_err(io_at(from)),
        }
    })?;
    copies.documents.par_iter().try_for_each(|doc| {
        safe_relative(&doc.content_path)?;
        let to = staging.join(&doc.content_path);
        fs::copy(&doc.absolute, &to)
            .map(drop)
            .map_err(io_at(&doc.absolute))
    })?;
    // Rendered pages last: they win over a static file of the same name.
    files.par_iter().try_for_each(|file| {
        let to = staging.join(&file.path);
        fs::write(&to, &file.bytes).map_err(io_at(&to))
    })?;
    let marker = staging.join(MARKER);
    fs::write(
        &marker,
        "This folder is built by careers and replaced whole on every build.\n",
    )
    .map_err(io_at(&marker))?;
    Ok(files.len() + copies.statics.len() + copies.documents.len())
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
        let _ = fs::remove_dir_all(staging);
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
