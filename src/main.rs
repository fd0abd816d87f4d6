//! The `careers` command: parses arguments, calls the library, prints
//! reports and sets the exit code. No site logic lives here.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use std::io::IsTerminal;

use careers::diagnostics::{Diagnostics, Style};
use careers::scaffold::NewVacancy;
use careers::serve::{ServeEvent, ServeOptions};
use careers::site::Visibility;
use careers::{BuildOptions, Error, Report};

// A build allocates and frees millions of small strings (the search
// indexer above all); mimalloc does that in about half the time of the
// system allocator, for the same output.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Turns a folder of NHS job adverts into a careers website.
#[derive(Parser)]
#[command(name = "careers", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (or --output)
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Where to write the site [default: <root>/public]
        #[arg(long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Include drafts, marked as drafts (for previews, never for publishing)
        #[arg(long)]
        drafts: bool,
        /// Print how long each stage of the build took
        #[arg(long)]
        timings: bool,
        /// Leave out the search index, for a quicker build to check pages
        /// (its search page cannot search; never publish it)
        #[arg(long)]
        no_search: bool,
    },
    /// Check every file for mistakes and write nothing
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// How to print problems: for people, as JSON, or as GitHub annotations
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Preview the site on this computer, rebuilding and reloading the browser on every save
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// The port on 127.0.0.1 (the next free one if it is taken)
        #[arg(long, default_value_t = careers::serve::DEFAULT_PORT)]
        port: u16,
        /// Open the site in the browser
        #[arg(long)]
        open: bool,
    },
    /// Write a new advert to fill in, as a draft, in content/jobs/
    New {
        /// The job title, e.g. "Staff Nurse"
        title: String,
        /// The band: 1 to 9, 8a to 8d, or a grade such as Consultant
        #[arg(long)]
        band: Option<String>,
        /// The town the job is in
        #[arg(long)]
        location: Option<String>,
        #[command(flatten)]
        site: SiteArgs,
    },
    /// Turn adverts from NHS Jobs (copied text, a saved page, a job
    /// description, search XML, or an https:// address) into draft vacancy files
    Import {
        /// Files or https:// addresses
        #[arg(required = true, value_name = "SOURCE")]
        sources: Vec<String>,
        /// Change, in the file with the same reference, the fields the source changed
        #[arg(long)]
        update: bool,
        /// Write the adverts ready to publish, not as drafts
        #[arg(long)]
        publish: bool,
        #[command(flatten)]
        site: SiteArgs,
    },
    /// Print the next moment the built site changes on its own (an advert
    /// closes or is published), so a scheduled rebuild can be set for it
    NextChange {
        #[command(flatten)]
        site: SiteArgs,
        /// For people, or as JSON: {"next_change": "2027-01-20T23:59:00Z", "reason": "closes", "slug": "..."}
        #[arg(long, value_enum, default_value = "text")]
        format: ChangeFormat,
    },
    /// Print the JSON Schema of a vacancy's front matter, for editors and
    /// validators (`--site`: of content/site.yaml)
    Schema {
        /// The schema of content/site.yaml instead
        #[arg(long)]
        site: bool,
    },
    /// Make a new site in DIR, with an example advert, using the built-in theme
    Init {
        /// A new or empty folder
        dir: PathBuf,
        /// Date the example advert as of this day [default: today]
        #[arg(long, value_name = "DATE", env = "CAREERS_NOW")]
        now: Option<String>,
        /// Also write a pipeline that checks pull requests and publishes hourly
        /// (into a folder that already holds a site: only the pipeline)
        #[arg(long, value_enum, value_name = "CI")]
        ci: Option<CiArg>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum CiArg {
    /// .github/workflows/careers.yml, publishing to GitHub Pages
    Github,
    /// .gitlab-ci.yml, publishing to GitLab Pages
    Gitlab,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Messages with the offending line quoted, coloured on a terminal
    Human,
    /// A JSON array of {file, line, column, severity, message, hint}
    Json,
    /// GitHub Actions workflow commands, shown on the pull request's lines
    Github,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ChangeFormat {
    /// A sentence
    Text,
    /// A JSON object; `next_change` is null when nothing is scheduled
    Json,
}

#[derive(Args)]
struct SiteArgs {
    /// The site's folder, holding content/
    #[arg(long, value_name = "DIR", default_value = ".")]
    root: PathBuf,
    /// Build as of this moment: a date (2026-03-29) or an RFC 3339 date-time
    /// (2026-03-29T10:59:00Z) [default: now]
    #[arg(long, value_name = "DATE", env = "CAREERS_NOW")]
    now: Option<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // A one-off command, a build above all, is quicker without; serve's
    // rebuilds reuse their memory and are quicker with them.
    if !matches!(cli.command, Command::Serve { .. }) {
        careers::memory::without_huge_pages();
    }
    match cli.command {
        Command::Build {
            site,
            output,
            drafts,
            timings,
            no_search,
        } => {
            let options = BuildOptions {
                root: site.root,
                output,
                now: site.now,
                visibility: Visibility {
                    drafts,
                    future: false,
                },
                base_url: None,
                without_search: no_search,
            };
            let out = options.output_dir();
            finish(
                careers::build(&options),
                Format::Human,
                &format!("nothing was written; {} is as it was", out.display()),
                |r| careers::report::built(r, &out, timings),
            )
        }
        Command::Check { site, format } => {
            let options = BuildOptions {
                root: site.root,
                now: site.now,
                ..BuildOptions::default()
            };
            finish(
                careers::check(&options),
                format,
                "fix these and run careers check again",
                careers::report::checked,
            )
        }
        Command::Serve { site, port, open } => serve(site, port, open),
        Command::Schema { site } => {
            let schema = if site {
                careers::schema::json::site()
            } else {
                careers::schema::json::vacancy()
            };
            print!("{}", careers::schema::json::to_text(&schema));
            ExitCode::SUCCESS
        }
        Command::New {
            title,
            band,
            location,
            site,
        } => new_advert(title, band, location, site),
        Command::Import {
            sources,
            update,
            publish,
            site,
        } => import(sources, update, publish, site.root),
        Command::NextChange { site, format } => next_change(site, format),
        Command::Init { dir, now, ci } => init(dir, now, ci),
    }
}

fn import(sources: Vec<String>, update: bool, publish: bool, root: PathBuf) -> ExitCode {
    let request = careers::import::ImportRequest {
        root,
        sources,
        update,
        publish,
        fetch: careers::import::FetchOptions::default(),
    };
    let outcomes = careers::import::import(&request);
    let said = careers::report::import(&outcomes);
    eprint!("{}", said.stderr);
    print!("{}", said.stdout);
    if outcomes.iter().all(|o| o.succeeded()) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn next_change(site: SiteArgs, format: ChangeFormat) -> ExitCode {
    let options = BuildOptions {
        root: site.root,
        now: site.now,
        ..BuildOptions::default()
    };
    let loaded = match careers::load(&options) {
        Ok(loaded) => loaded,
        Err(err) => {
            return finish(
                Err(err),
                Format::Human,
                "fix these and run careers next-change again",
                |_| String::new(),
            );
        }
    };
    let change = loaded.site.next_change.as_ref();
    match format {
        ChangeFormat::Json => println!("{}", careers::schedule::NextChange::to_json(change)),
        ChangeFormat::Text => match change {
            Some(change) => println!(
                "the site next changes on {} ({})",
                change.describe(),
                change.at.timestamp()
            ),
            None => println!("no change is scheduled: no open or future advert has a moment ahead"),
        },
    }
    ExitCode::SUCCESS
}

fn serve(site: SiteArgs, port: u16, open: bool) -> ExitCode {
    let mut options = ServeOptions::new(site.root);
    options.build.now = site.now;
    options.port = port;
    let style = terminal_style();
    let handle = match careers::serve::start(options, move |event| report_serve(event, style)) {
        Ok(handle) => handle,
        Err(err) => {
            eprintln!("error: {err}");
            eprintln!("try another port with --port");
            return ExitCode::FAILURE;
        }
    };
    if let Some(taken) = handle.port_was_taken() {
        println!(
            "port {taken} is in use, so port {} is used instead",
            handle.port()
        );
    }
    println!("serving the site at {}", handle.url());
    println!(
        "drafts and future adverts are shown, marked as previews; nothing is written to public/"
    );
    println!("press Ctrl+C to stop");
    if open && let Err(err) = careers::serve::open_in_browser(&handle.url()) {
        eprintln!(
            "could not open a browser ({err}); open {} yourself",
            handle.url()
        );
    }
    handle.wait();
    ExitCode::SUCCESS
}

fn report_serve(event: &ServeEvent, style: Style) {
    let said = careers::report::serve_event(event, style);
    eprint!("{}", said.stderr);
    print!("{}", said.stdout);
}

fn new_advert(
    title: String,
    band: Option<String>,
    location: Option<String>,
    site: SiteArgs,
) -> ExitCode {
    let request = NewVacancy {
        root: site.root,
        title,
        band,
        location,
        now: site.now,
    };
    match careers::scaffold::new_vacancy(&request) {
        Ok(created) => {
            if !created.warnings.is_empty() {
                eprint!("{}", created.warnings.render(terminal_style()));
            }
            let taken = created
                .taken
                .as_ref()
                .map(|slug| {
                    let url = careers::routes::Route::Vacancy { slug }.url();
                    format!("; {url} is taken by another advert")
                })
                .unwrap_or_default();
            println!("wrote {} as a draft{taken}", created.relative);
            println!("next:");
            println!(
                "  1. open it and replace every [[placeholder]]; delete the `# ` before the optional fields you need"
            );
            println!(
                "  2. preview it while you edit: careers serve, then http://127.0.0.1:{}/{}",
                careers::serve::DEFAULT_PORT,
                created.url
            );
            println!(
                "  3. when it is ready, delete the `draft: true` line; careers check says if a placeholder is left"
            );
            println!(
                "it is posted {} and closes {}: change `posted` and `closes` if you need to",
                created.posted, created.closes
            );
            ExitCode::SUCCESS
        }
        Err(err) => scaffold_failed(&err),
    }
}

fn init(dir: PathBuf, now: Option<String>, ci: Option<CiArg>) -> ExitCode {
    use careers::pipelines::Ci;
    let ci = ci.map(|ci| match ci {
        CiArg::Github => Ci::Github,
        CiArg::Gitlab => Ci::Gitlab,
    });
    let made = match careers::pipelines::init(&dir, now.as_deref(), ci) {
        Ok(made) => made,
        Err(err) => return scaffold_failed(&err),
    };
    let root = made.site.root.display();
    match made.new_site {
        true => println!("made a new site in {root}:"),
        false => println!("{root} already holds a site, so only its pipeline was written:"),
    }
    for file in &made.site.files {
        println!("  {file}");
    }
    if made.new_site {
        println!("next:");
        println!("  cd {root}");
        println!("  careers serve          preview the site while you edit it");
        println!("  careers new \"Staff Nurse\" --band 5 --location Exampletown");
        println!("                         write a new advert to fill in");
        println!("  careers build          build the site into public/ to publish it");
        println!(
            "edit content/site.yaml first (title, base_url, employer); the site uses the built-in theme, and docs/themes.md shows how to override one template"
        );
    }
    if let Some(ci) = ci {
        println!("to publish it from CI:");
        for (n, step) in ci.next_steps().iter().enumerate() {
            println!("  {}. {step}", n + 1);
        }
    }
    ExitCode::SUCCESS
}

fn scaffold_failed(err: &careers::scaffold::ScaffoldError) -> ExitCode {
    eprintln!("error: {err}");
    if let Some(hint) = err.hint() {
        eprintln!("  help: {hint}");
    }
    ExitCode::FAILURE
}

fn finish(
    result: Result<Report, Error>,
    format: Format,
    on_failure: &str,
    done: impl Fn(&Report) -> String,
) -> ExitCode {
    let (problems, outcome) = match &result {
        Ok(report) => (report.warnings.clone(), Ok(done(report))),
        Err(Error::Invalid(problems)) => (problems.clone(), Err(None)),
        Err(err) => (Diagnostics::default(), Err(Some(err.to_string()))),
    };
    match format {
        Format::Json => println!("{}", problems.to_json()),
        Format::Github => {
            for d in problems.iter() {
                println!("{}", d.github_annotation());
            }
        }
        Format::Human => {
            if !problems.is_empty() {
                eprint!("{}", problems.render(terminal_style()));
                eprintln!("{}", problems.summary());
            }
        }
    }
    match outcome {
        Ok(summary) => {
            if format == Format::Human {
                println!("{summary}");
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            if let Some(message) = message {
                eprintln!("error: {message}");
            }
            if format == Format::Human {
                eprintln!("{on_failure}");
            }
            ExitCode::FAILURE
        }
    }
}

/// Colour only on a terminal, and never when NO_COLOR is set.
fn terminal_style() -> Style {
    let wanted = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    if wanted { Style::Colour } else { Style::Plain }
}
