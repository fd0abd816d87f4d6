//! The `careers` command: parses arguments, calls the library, prints
//! reports and sets the exit code. No site logic lives here.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use careers::site::Visibility;
use careers::{BuildOptions, Error, Report};

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
    },
    /// Check every file for mistakes and write nothing
    Check {
        #[command(flatten)]
        site: SiteArgs,
    },
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
    match cli.command {
        Command::Build {
            site,
            output,
            drafts,
        } => {
            let options = BuildOptions {
                root: site.root,
                output,
                now: site.now,
                visibility: Visibility {
                    drafts,
                    future: false,
                },
            };
            let out = options.output_dir();
            finish(careers::build(&options), |r| {
                let drafts = if r.previews > 0 {
                    format!(", {} drafts", r.previews)
                } else {
                    String::new()
                };
                format!(
                    "built {} open and {} closed vacancies{drafts} into {} ({} files)",
                    r.open,
                    r.closed,
                    out.display(),
                    r.files_written
                )
            })
        }
        Command::Check { site } => {
            let options = BuildOptions {
                root: site.root,
                now: site.now,
                ..BuildOptions::default()
            };
            finish(careers::check(&options), |r| {
                format!(
                    "checked {} vacancies: {} open, {} closed; no errors",
                    r.open + r.closed,
                    r.open,
                    r.closed
                )
            })
        }
    }
}

fn finish(result: Result<Report, Error>, done: impl Fn(&Report) -> String) -> ExitCode {
    match result {
        Ok(report) => {
            if !report.warnings.is_empty() {
                eprint!("{}", report.warnings);
                eprintln!("{}", report.warnings.summary());
            }
            println!("{}", done(&report));
            ExitCode::SUCCESS
        }
        Err(Error::Invalid(problems)) => {
            eprint!("{problems}");
            eprintln!("{}; nothing was written", problems.summary());
            ExitCode::FAILURE
        }
        Err(err) => {
            eprintln!("error: {err}");
            eprintln!("nothing was written");
            ExitCode::FAILURE
        }
    }
}
