//! The wording of what a command did, for the terminal: the adverts
//! counted by status, what `build` and `check` found, what a refresh of
//! `serve` read again, each event of `serve`, and what `import` made of
//! each source. Messages for people go to stderr when something went wrong
//! and to stdout when it went well.

use std::fmt::Write;
use std::path::Path;

use crate::Report;

use crate::diagnostics::Style;
use crate::import::{Action, ImportError, SourceOutcome};
use crate::serve::ServeEvent;
use crate::session::Work;
use crate::site::Counts;

/// Text for the terminal's two streams.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Said {
    /// Warnings and errors.
    pub stderr: String,
    /// Progress.
    pub stdout: String,
}

/// "18 vacancies: 12 open, 4 closed, 2 previews".
pub fn counts(c: &Counts) -> String {
    format!(
        "{}: {} open, {} closed, {}",
        plural(c.vacancies, "vacancy", "vacancies"),
        c.open,
        c.closed,
        plural(c.previews, "preview", "previews")
    )
}

/// "re-read 1 file", "read all of content/ (2 files parsed)".
pub fn work(w: &Work) -> String {
    let files = |n: usize| plural(n, "file", "files");
    let mut parts = Vec::new();
    if w.rediscovered {
        parts.push(format!("read all of content/ ({} parsed)", files(w.parsed)));
    } else if w.read > 0 {
        parts.push(format!("re-read {}", files(w.read)));
    }
    if w.removed > 0 {
        parts.push(format!("dropped {}", files(w.removed)));
    }
    if w.theme_reloaded {
        parts.push("loaded the theme".to_owned());
    }
    if parts.is_empty() {
        parts.push("nothing to re-read".to_owned());
    }
    parts.join(", ")
}

/// What `careers build` says when it has written the site into `out`:
/// the adverts, the files, when to build again and, with `timings`, each
/// stage's time.
pub fn built(report: &Report, out: &Path, timings: bool) -> String {
    let c = &report.counts;
    let drafts = if c.previews > 0 {
        format!(", {} drafts", c.previews)
    } else {
        String::new()
    };
    let mut summary = format!(
        "built {} open and {} closed vacancies{drafts} into {} ({} files)",
        c.open,
        c.closed,
        out.display(),
        report.files_written
    );
    if let Some(change) = &report.next_change {
        let _ = write!(
            summary,
            "\nthe site next changes on {}: rebuild then",
            change.describe()
        );
    }
    if timings {
        for (stage, took) in &report.timings.stages {
            let _ = write!(
                summary,
                "\n  {stage:<16} {:>8.1} ms",
                took.as_secs_f64() * 1000.0
            );
        }
    }
    summary
}

/// What `careers check` says when it found no errors.
pub fn checked(report: &Report) -> String {
    let c = &report.counts;
    let checked = c.open + c.closed;
    format!(
        "checked {}: {} open, {} closed; no errors",
        plural(checked, "vacancy", "vacancies"),
        c.open,
        c.closed
    )
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What `careers serve` says of `event`: warnings and errors for stderr,
/// progress for stdout, each ending in a newline.
pub fn serve_event(event: &ServeEvent, style: Style) -> Said {
    let mut said = Said::default();
    let after = |changed: &[String]| match changed {
        [] => String::new(),
        [one] => format!("{one} changed: "),
        [first, rest @ ..] => format!("{first} and {} more changed: ", rest.len()),
    };
    match event {
        ServeEvent::Built {
            changed,
            took,
            files,
            rendered,
            work,
            counts,
            warnings,
        } => {
            let work = self::work(work);
            let summary = self::counts(counts);
            if !warnings.is_empty() {
                said.stderr.push_str(&warnings.render(style));
            }
            // Pages rendered before the site was served: the changed files'
            // own pages, or one page per template to try them.
            let rendered = match rendered {
                0 => String::new(),
                1 => ", rendered 1 page".to_owned(),
                n => format!(", rendered {n} pages"),
            };
            let ms = took.as_millis();
            if changed.is_empty() {
                let _ = writeln!(
                    said.stdout,
                    "{work}{rendered}: site ready in {ms} ms ({summary}; {files} pages and feeds, the others render when asked for)"
                );
            } else {
                let _ = writeln!(
                    said.stdout,
                    "{}{work}{rendered}: site ready in {ms} ms ({summary}; other pages render when asked for)",
                    after(changed)
                );
            }
        }
        ServeEvent::PageFailed { path, problems } => {
            said.stderr.push_str(&problems.render(style));
            let _ = writeln!(
                said.stderr,
                "could not render /{path}: {}; the browser shows them over the page as it was",
                problems.summary()
            );
        }
        ServeEvent::Failed {
            changed,
            took,
            problems,
        } => {
            said.stderr.push_str(&problems.render(style));
            let _ = writeln!(
                said.stderr,
                "{}could not rebuild the site: {} ({} ms); the browser shows them over the last good pages until you fix them",
                after(changed),
                problems.summary(),
                took.as_millis()
            );
        }
        ServeEvent::Watching(folders) => {
            let _ = writeln!(said.stdout, "watching {} for changes", folders.join(", "));
        }
        ServeEvent::WatchProblem(message) => {
            let _ = writeln!(said.stderr, "warning: {message}");
        }
    }
    said
}

/// What `careers import` says: a line per advert written or updated, with
/// what is left to fill in, on stdout; each source or advert that failed,
/// with what to do about it, on stderr.
pub fn import(outcomes: &[SourceOutcome]) -> Said {
    let mut said = Said::default();
    let failure = |said: &mut Said, source: &str, error: &ImportError| {
        let _ = writeln!(said.stderr, "error: {source}: {error}");
        if let Some(hint) = error.hint() {
            let _ = writeln!(said.stderr, "  help: {hint}");
        }
    };
    let mut failed = 0;
    for outcome in outcomes {
        if !outcome.succeeded() {
            failed += 1;
        }
        match &outcome.error {
            // The site, not the source, is wrong: said once for them all.
            Some(error @ ImportError::NoContent(_))
                if !said.stderr.contains(&error.to_string()) =>
            {
                let _ = writeln!(said.stderr, "error: {error}");
                if let Some(hint) = error.hint() {
                    let _ = writeln!(said.stderr, "  help: {hint}");
                }
            }
            Some(ImportError::NoContent(_)) => {}
            Some(error) => failure(&mut said, &outcome.source, error),
            None => {}
        }
        for advert in &outcome.adverts {
            let imported = match advert {
                Ok(imported) => imported,
                Err(error) => {
                    failure(&mut said, &outcome.source, error);
                    continue;
                }
            };
            let out = &mut said.stdout;
            let _ = match &imported.action {
                Action::Created => writeln!(
                    out,
                    "wrote {} ({}) from {}{}",
                    imported.relative,
                    imported.title,
                    outcome.source,
                    if imported.draft { ", as a draft" } else { "" }
                ),
                Action::Updated(changed) if changed.is_empty() => writeln!(
                    out,
                    "{} is up to date with {}",
                    imported.relative, outcome.source
                ),
                Action::Updated(changed) => {
                    writeln!(out, "updated {}: {}", imported.relative, changed.join(", "))
                }
            };
            if !imported.missing.is_empty() && imported.action == Action::Created {
                let _ = writeln!(out, "  fill in: {}", imported.missing.join(", "));
            }
            if imported.kept_draft {
                let _ = writeln!(
                    said.stderr,
                    "warning: {} is a draft, not published: it has placeholders left ({}); fill them in, then delete its `draft: true` line",
                    imported.relative,
                    imported.missing.join(", ")
                );
            }
        }
    }
    if failed > 0 {
        let others = match outcomes.len() - failed {
            0 => "",
            1 => "; the other was",
            _ => "; the others were",
        };
        let _ = writeln!(
            said.stderr,
            "{failed} of {} not imported{others}",
            plural(outcomes.len(), "source", "sources"),
        );
    }
    said
}
