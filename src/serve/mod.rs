//! `careers serve`: a local preview that rebuilds on every save and
//! reloads the open browser tabs.
//!
//! The site is built into memory and served from there on 127.0.0.1, by a
//! small HTTP/1.1 server of its own with limits on what a client may send
//! and how long it may take; nothing is written to `public/`, so a preview, which shows
//! drafts and future adverts, can never be published by mistake. After a
//! save, only the changed files are read and parsed again and the site is
//! re-assembled (a few milliseconds at 10,000 adverts); pages render when a
//! browser asks for them and are kept until the next change. `watch` turns
//! file events into rebuilds, `reload` tells the tabs, and `overlay` shows a
//! failed rebuild's problems over the last good page. The server never stops
//! over bad content.
//!
//! | file | owns |
//! |---|---|
//! | `builder.rs` | a rebuild: the kept [`crate::session::Session`], compiled templates, pages rendered at once |
//! | `served.rs` | a good build being served: pages rendered on request and kept |
//! | `listen.rs` | accepting connections; the fixed pool of workers |
//! | `http.rs` | reading a request within limits; writing an answer |
//! | `server.rs` | answering requests |
//! | `paths.rs` | URL paths (no `..`) and content types |
//! | `watch.rs` | `notify` and the debounce |
//! | `reload.rs` | the Server-Sent Events channels, held without a thread each, and the injected script |
//! | `overlay.rs` | the error overlay |

mod builder;
mod http;
mod listen;
mod overlay;
mod paths;
mod reload;
mod served;
mod server;
mod watch;

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, RwLock};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::BuildOptions;
use crate::diagnostics::Diagnostics;
use crate::session::Work;
use crate::site::{Counts, Visibility};

use builder::Builder;
pub use overlay::HEADING as OVERLAY_HEADING;
pub use reload::EVENTS_PATH;
use served::ServedSite;
pub use watch::MAX_WAIT;

/// The port `careers serve` tries first.
pub const DEFAULT_PORT: u16 = 1111;
/// How many ports from the asked one are tried when it is taken.
pub const PORT_TRIES: u16 = 20;
/// The quiet time after the last file event before a rebuild starts.
pub const DEBOUNCE: Duration = Duration::from_millis(100);

/// How to serve a site.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site (`root`) and the build moment (`now`). Visibility and
    /// `base_url` are set by [`start`]: drafts and future adverts shown,
    /// absolute links pointing at the local server.
    pub build: BuildOptions,
    /// The port to listen on, on 127.0.0.1; 0 for any free one.
    pub port: u16,
    /// If the port is taken, try the next ones (up to [`PORT_TRIES`]).
    pub next_free_port: bool,
    pub debounce: Duration,
}

impl ServeOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            build: BuildOptions::new(root),
            port: DEFAULT_PORT,
            next_free_port: true,
            debounce: DEBOUNCE,
        }
    }
}

/// What the server has to say, for the terminal.
#[derive(Debug, Clone)]
pub enum ServeEvent {
    /// The site built. `changed` lists the files that caused it (empty for
    /// the first build); `warnings` are those of the changed files (all of
    /// them for the first build).
    Built {
        changed: Vec<String>,
        /// From the change being handled (after the debounce) to the new
        /// site being served.
        took: Duration,
        /// Pages and feeds the site has.
        files: usize,
        /// Of them, rendered at once (the others render on request).
        rendered: usize,
        /// What was read again.
        work: Work,
        /// The adverts by status.
        counts: Counts,
        warnings: Diagnostics,
    },
    /// A page asked for could not be rendered; the browser shows the
    /// problems over the page as it was before, if it was.
    PageFailed { path: String, problems: Diagnostics },
    /// The site did not build; the browser shows `problems` over the last
    /// good pages.
    Failed {
        changed: Vec<String>,
        took: Duration,
        problems: Diagnostics,
    },
    /// Watching for changes in these folders (relative to the root).
    Watching(Vec<String>),
    /// Files are not being watched, or an event was lost.
    WatchProblem(String),
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("could not listen on 127.0.0.1:{port}: {source}")]
    Bind { port: u16, source: std::io::Error },
    #[error("could not start the web server: {0}")]
    Server(String),
}

/// The state requests are answered from.
pub(crate) struct Live {
    /// The last build that succeeded.
    pub good: Option<Arc<ServedSite>>,
    /// The problems of the last rebuild, while it failed.
    pub problems: Option<Arc<Diagnostics>>,
    /// Counts rebuilds, so a tab knows whether it is out of date.
    pub generation: u64,
}

pub(crate) struct Shared {
    live: RwLock<Live>,
    hub: reload::Hub,
    /// Distinguishes this server from an earlier one on the same port, so
    /// tabs reload after a restart.
    id: String,
    on_event: OnEvent,
}

impl Shared {
    pub(crate) fn live(&self) -> Live {
        let live = self.live.read().unwrap_or_else(|p| p.into_inner());
        Live {
            good: live.good.clone(),
            problems: live.problems.clone(),
            generation: live.generation,
        }
    }

    pub(crate) fn version(&self, generation: u64) -> String {
        format!("{}-{generation}", self.id)
    }

    pub(crate) fn report(&self, event: &ServeEvent) {
        (self.on_event)(event);
    }

    /// Records a build's outcome and tells the open tabs. Gives back the
    /// site it replaced, for the caller to free after its timing.
    #[must_use]
    fn record(&self, outcome: Result<Arc<ServedSite>, Diagnostics>) -> Option<Arc<ServedSite>> {
        let mut replaced = None;
        let generation = {
            let mut live = self.live.write().unwrap_or_else(|p| p.into_inner());
            match outcome {
                Ok(site) => {
                    replaced = live.good.replace(site);
                    live.problems = None;
                }
                Err(problems) => live.problems = Some(Arc::new(problems)),
            }
            live.generation += 1;
            live.generation
        };
        self.hub
            .broadcast(&reload::Message::Reload(self.version(generation)));
        replaced
    }
}

type OnEvent = Arc<dyn Fn(&ServeEvent) + Send + Sync>;

/// A running server. [`ServerHandle::stop`] ends it; dropping the handle
/// leaves it running until the process ends.
pub struct ServerHandle {
    addr: SocketAddr,
    requested_port: u16,
    shared: Arc<Shared>,
    stopping: Arc<AtomicBool>,
    signals: Sender<watch::Signal>,
    threads: Vec<JoinHandle<()>>,
}

impl ServerHandle {
    /// `http://127.0.0.1:PORT/`
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// The port that was asked for, if it was taken and another is used.
    pub fn port_was_taken(&self) -> Option<u16> {
        (self.requested_port != 0 && self.requested_port != self.addr.port())
            .then_some(self.requested_port)
    }

    /// How many builds (good or failed) have been recorded.
    pub fn generation(&self) -> u64 {
        self.shared.live().generation
    }

    /// Stops serving and watching, and ends the reload channels.
    pub fn stop(mut self) {
        self.shutdown();
    }

    /// Blocks for as long as the server runs (for the command line, until
    /// the process is interrupted).
    pub fn wait(mut self) {
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }

    fn shutdown(&mut self) {
        self.stopping.store(true, Ordering::SeqCst);
        let _ = self.signals.send(watch::Signal::Stop);
        self.shared.hub.close();
        let woken = listen::wake(self.addr);
        for thread in self.threads.drain(..) {
            thread.thread().unpark();
            // Without the wake-up the accepting thread stays blocked; it
            // is left to end with the process.
            if woken || thread.thread().name() != Some(listen::ACCEPT_THREAD) {
                let _ = thread.join();
            }
        }
    }
}

/// Builds the site into memory, serves it on 127.0.0.1 and watches it
/// for changes. Returns once the server is listening and watching; a site
/// that does not build still starts (its pages show the problems).
pub fn start(
    options: ServeOptions,
    on_event: impl Fn(&ServeEvent) + Send + Sync + 'static,
) -> Result<ServerHandle, ServeError> {
    let on_event: OnEvent = Arc::new(on_event);
    let listener = bind(options.port, options.next_free_port)?;
    let addr = listener.local_addr().map_err(|source| ServeError::Bind {
        port: options.port,
        source,
    })?;
    let mut build = options.build.clone();
    build.visibility = Visibility {
        drafts: true,
        future: true,
    };
    build.base_url = Some(format!("http://{addr}/"));
    build.output = None;

    let started = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let shared = Arc::new(Shared {
        live: RwLock::new(Live {
            good: None,
            problems: None,
            generation: 0,
        }),
        hub: reload::Hub::default(),
        id: format!("{:x}{:x}", started.as_secs(), started.subsec_nanos()),
        on_event: Arc::clone(&on_event),
    });

    // Watch before the first build, so no save is missed.
    let (signals, received) = mpsc::channel();
    let mut watcher = match watch::Watch::new(&build.root, signals.clone()) {
        Ok(w) => Some(w),
        Err(err) => {
            on_event(&ServeEvent::WatchProblem(format!(
                "changes will not be picked up: {err}"
            )));
            None
        }
    };
    let mut builder = Builder::new(build.clone());
    let theme = build_once(&shared, &mut builder, &[], true, &on_event)
        .unwrap_or_else(|| "default".to_owned());
    let mut watched_theme = theme.clone();
    if let Some(w) = watcher.as_mut() {
        retarget(w, &theme, &on_event);
    }

    let stopping = Arc::new(AtomicBool::new(false));
    let mut threads = listen::spawn(listener, &shared, &stopping)
        .map_err(|err| ServeError::Server(err.to_string()))?;
    let hub_shared = Arc::clone(&shared);
    let hub_stopping = Arc::clone(&stopping);
    let thread = thread::Builder::new()
        .name("careers-reload".into())
        .spawn(move || {
            while !hub_stopping.load(Ordering::SeqCst) {
                thread::park_timeout(reload::TICK);
                hub_shared.hub.tick();
            }
        })
        .map_err(|err| ServeError::Server(err.to_string()))?;
    threads.push(thread);

    let root = watcher
        .as_ref()
        .map_or_else(|| build.root.clone(), |w| w.root().to_path_buf());
    let watch_shared = Arc::clone(&shared);
    let debounce = options.debounce;
    let thread = thread::Builder::new()
        .name("careers-watch".into())
        .spawn(move || {
            let report = |message: String| on_event(&ServeEvent::WatchProblem(message));
            while let Some(burst) = watch::next_burst(&received, &root, debounce, &report) {
                // A lost event, or one naming no file: read everything again.
                let everything = burst.rescan || burst.changed.is_empty();
                if let Some(theme) = build_once(
                    &watch_shared,
                    &mut builder,
                    &burst.changed,
                    everything,
                    &on_event,
                ) && theme != watched_theme
                    && let Some(w) = watcher.as_mut()
                {
                    retarget(w, &theme, &on_event);
                    watched_theme = theme;
                }
            }
            drop(watcher);
        })
        .map_err(|err| ServeError::Server(err.to_string()))?;
    threads.push(thread);

    Ok(ServerHandle {
        addr,
        requested_port: options.port,
        shared,
        stopping,
        signals,
        threads,
    })
}

/// Rebuilds, records the outcome and reports it; gives the theme's name
/// when the build succeeded. With `everything`, every file is read again,
/// not only the `changed` ones.
fn build_once(
    shared: &Shared,
    builder: &mut Builder,
    changed: &[String],
    everything: bool,
    on_event: &OnEvent,
) -> Option<String> {
    let clock = Instant::now();
    let outcome = builder.rebuild((!everything).then_some(changed));
    let changed = changed.to_vec();
    let (event, outcome) = match outcome {
        Ok(built) => {
            let site = built.site;
            let warnings = site
                .warnings
                .iter()
                .filter(|d| changed.is_empty() || changed.contains(&d.file))
                .cloned()
                .collect();
            let counts = site.renderer().site().counts();
            let files = site.renderer().len();
            let theme = site.theme_name().to_owned();
            let replaced = shared.record(Ok(site));
            let took = clock.elapsed();
            // The old site (with the views and pages it made) is freed
            // only now, once the tabs were told, and off the lock.
            drop(replaced);
            let event = ServeEvent::Built {
                changed,
                took,
                files,
                rendered: built.rendered.len(),
                work: built.work,
                counts,
                warnings,
            };
            (event, Some(theme))
        }
        Err(problems) => {
            let _unchanged = shared.record(Err(problems.clone()));
            let event = ServeEvent::Failed {
                changed,
                took: clock.elapsed(),
                problems,
            };
            (event, None)
        }
    };
    on_event(&event);
    outcome
}

fn retarget(watcher: &mut watch::Watch, theme: &str, on_event: &OnEvent) {
    match watcher.target(theme) {
        Ok(folders) => on_event(&ServeEvent::Watching(folders)),
        Err(err) => on_event(&ServeEvent::WatchProblem(format!(
            "changes will not be picked up: {err}"
        ))),
    }
}

/// Listens on 127.0.0.1:`port`, or the next free port after it.
fn bind(port: u16, next_free: bool) -> Result<TcpListener, ServeError> {
    let last = if port == 0 || !next_free {
        port
    } else {
        port.saturating_add(PORT_TRIES - 1)
    };
    let mut candidate = port;
    loop {
        match TcpListener::bind((Ipv4Addr::LOCALHOST, candidate)) {
            Ok(listener) => return Ok(listener),
            Err(err) if err.kind() == std::io::ErrorKind::AddrInUse && candidate < last => {
                candidate += 1;
            }
            Err(source) => return Err(ServeError::Bind { port, source }),
        }
    }
}

/// Opens `url` in the desktop's browser.
pub fn open_in_browser(url: &str) -> std::io::Result<()> {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(drop)
}
