//! Watching `content/` and the active theme with `notify`, and turning an
//! editor's burst of file events into one rebuild.
//!
//! Events are debounced: a rebuild starts once no new event has come for
//! the debounce delay ([`super::DEBOUNCE`], 100 ms), and at the latest
//! [`MAX_WAIT`] after the first event of a burst. Reads (the rebuild's
//! own), metadata-only changes and editors' temporary files (`.swp`,
//! `~`, `4913`, `.#x`) are ignored.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// The longest a burst of events can delay its rebuild.
pub const MAX_WAIT: Duration = Duration::from_secs(1);

/// What reaches the watching thread.
pub(crate) enum Signal {
    Fs(notify::Result<Event>),
    Stop,
}

/// The file system watcher and the folders it watches.
pub(crate) struct Watch {
    watcher: RecommendedWatcher,
    root: PathBuf,
    watched: Vec<PathBuf>,
}

impl Watch {
    /// The site's folder, as event paths start.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Starts watching; events arrive on `signals`.
    pub fn new(root: &Path, signals: Sender<Signal>) -> notify::Result<Self> {
        let watcher = notify::recommended_watcher(move |event| {
            let _ = signals.send(Signal::Fs(event));
        })?;
        Ok(Self {
            watcher,
            // Events name absolute paths; so must the root they are
            // shown relative to.
            root: std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()),
            watched: Vec::new(),
        })
    }

    /// Watches `content/` and the templates and statics of `theme`,
    /// dropping folders no longer wanted. Returns the folders watched,
    /// relative to the root.
    pub fn target(&mut self, theme: &str) -> notify::Result<Vec<String>> {
        let folder = self.root.join("themes").join(theme);
        let wanted: Vec<PathBuf> = [
            self.root.join("content"),
            folder.join("templates"),
            folder.join("static"),
        ]
        .into_iter()
        .filter(|p| p.is_dir())
        .collect();
        for old in std::mem::take(&mut self.watched) {
            if !wanted.contains(&old) {
                let _ = self.watcher.unwatch(&old);
            } else {
                self.watched.push(old);
            }
        }
        for path in wanted {
            if !self.watched.contains(&path) {
                self.watcher.watch(&path, RecursiveMode::Recursive)?;
                self.watched.push(path);
            }
        }
        Ok(self
            .watched
            .iter()
            .map(|p| relative(&self.root, p))
            .collect())
    }
}

/// One burst of changes.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Burst {
    /// The files it touched, relative to the root.
    pub changed: Vec<String>,
    /// Events may have been lost (the watcher overflowed or failed), so
    /// the files named are not the whole story.
    pub rescan: bool,
}

/// Waits for the next burst of relevant changes and returns the files it
/// touched (relative to `root`), or `None` when told to stop.
pub(crate) fn next_burst(
    signals: &Receiver<Signal>,
    root: &Path,
    debounce: Duration,
    on_error: &dyn Fn(String),
) -> Option<Burst> {
    let mut changed = BTreeSet::new();
    let mut rescan = false;
    // Wait for the first relevant event.
    loop {
        match signals.recv() {
            Ok(Signal::Fs(Ok(event))) => {
                rescan |= event.need_rescan();
                if collect(&event, root, &mut changed) {
                    break;
                }
            }
            Ok(Signal::Fs(Err(err))) => {
                on_error(err.to_string());
                rescan = true;
                break;
            }
            Ok(Signal::Stop) | Err(_) => return None,
        }
    }
    let first = Instant::now();
    let mut deadline = first + debounce;
    loop {
        let now = Instant::now();
        if now >= deadline {
            break;
        }
        match signals.recv_timeout(deadline - now) {
            Ok(Signal::Fs(Ok(event))) => {
                rescan |= event.need_rescan();
                if collect(&event, root, &mut changed) {
                    deadline = (Instant::now() + debounce).min(first + MAX_WAIT);
                }
            }
            Ok(Signal::Fs(Err(err))) => {
                on_error(err.to_string());
                rescan = true;
            }
            Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => return None,
            Err(RecvTimeoutError::Timeout) => break,
        }
    }
    // Temporary files renamed into place (`sed -i`'s `sedXXXXXX`) are
    // gone by now; a deleted advert is too, but has an extension.
    changed.retain(|rel| {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        name.contains('.') || root.join(rel).exists()
    });
    Some(Burst {
        changed: changed.into_iter().collect(),
        rescan,
    })
}

/// Adds the event's files to `changed` if it is a change worth a rebuild.
fn collect(event: &Event, root: &Path, changed: &mut BTreeSet<String>) -> bool {
    let relevant_kind = match event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        _ => true,
    };
    if !relevant_kind {
        return false;
    }
    let mut any = false;
    for path in &event.paths {
        if is_noise(path) {
            continue;
        }
        any = true;
        changed.insert(relative(root, path));
    }
    // An event without paths (a rescan) is worth a rebuild too.
    any || event.paths.is_empty()
}

/// `path` relative to `root`, `/`-separated.
pub(crate) fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.to_string_lossy().replace('\\', "/")
}

/// Editors' swap, backup and temporary files, and hidden files.
fn is_noise(path: &Path) -> bool {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy()) else {
        return false;
    };
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name == "4913"
        || name.contains("___jb_")
        || [".swp", ".swx", ".swo", ".tmp", ".crdownload", ".part"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange};
    use std::sync::mpsc;

    fn event(kind: EventKind, path: &str) -> Signal {
        Signal::Fs(Ok(Event::new(kind).add_path(PathBuf::from(path))))
    }

    #[test]
    fn ignores_noise() {
        assert!(is_noise(Path::new("/s/content/jobs/.a.md.swp")));
        assert!(is_noise(Path::new("/s/content/jobs/a.md~")));
        assert!(is_noise(Path::new("/s/content/jobs/4913")));
        assert!(!is_noise(Path::new("/s/content/jobs/a.md")));
    }

    #[test]
    fn a_burst_is_one_rebuild() {
        let (tx, rx) = mpsc::channel();
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Content));
        tx.send(event(
            EventKind::Access(AccessKind::Read),
            "/s/content/jobs/x.md",
        ))
        .unwrap();
        tx.send(event(write, "/s/content/jobs/a.md")).unwrap();
        tx.send(event(
            EventKind::Create(CreateKind::File),
            "/s/content/jobs/.a.swp",
        ))
        .unwrap();
        tx.send(event(write, "/s/content/jobs/b.md")).unwrap();
        tx.send(event(write, "/s/content/jobs/a.md")).unwrap();
        let started = Instant::now();
        let burst = next_burst(&rx, Path::new("/s"), Duration::from_millis(50), &|_| {});
        let burst = burst.unwrap();
        assert_eq!(burst.changed, ["content/jobs/a.md", "content/jobs/b.md"]);
        assert!(!burst.rescan);
        assert!(started.elapsed() >= Duration::from_millis(50));
        tx.send(Signal::Stop).unwrap();
        assert!(next_burst(&rx, Path::new("/s"), Duration::from_millis(50), &|_| {}).is_none());
    }

    #[test]
    fn a_lost_event_asks_for_a_rescan() {
        let (tx, rx) = mpsc::channel();
        let overflow = Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        tx.send(Signal::Fs(Ok(overflow))).unwrap();
        let burst = next_burst(&rx, Path::new("/s"), Duration::from_millis(10), &|_| {});
        assert!(burst.unwrap().rescan);

        tx.send(Signal::Fs(Err(notify::Error::generic("queue full"))))
            .unwrap();
        let reported = std::cell::Cell::new(false);
        let burst = next_burst(&rx, Path::new("/s"), Duration::from_millis(10), &|_| {
            reported.set(true)
        });
        assert!(burst.unwrap().rescan);
        assert!(reported.get());
    }
}
