//! The `careers` command: parses arguments, calls the library, prints
//! reports and sets the exit code. No site logic lives here.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use std::io::IsTerminal;

use careers::diagnostics::{Diagnostics, Style};
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
        /// How to print problems: for people, as JSON, or as GitHub annotations
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
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
                base_url: None,
            };
            let out = options.output_dir();
            finish(
                careers::build(&options),
                Format::Human,
                "nothing was written; public/ is as it was",
                |r| {
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
                },
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
                |r| {
                    format!(
                        "checked {} vacancies: {} open, {} closed; no errors",
                        r.open + r.closed,
                        r.open,
                        r.closed
                    )
                },
            )
        }
    }
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
