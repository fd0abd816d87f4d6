//! What every file is read against: `site.yaml` with `--base-url` in place
//! of its own, the build moment from `--now`, and whether a theme read
//! again is the one already compiled.

use jiff::Timestamp;

use crate::calendar;
use crate::config::{self, SiteConfig};
use crate::content::SourceFile;
use crate::diagnostics::Diagnostic;
use crate::options::BuildOptions;
use crate::theme::{StaticFile, Theme};

/// `site.yaml`, read and checked, with `--base-url` applied.
#[derive(Default)]
pub(super) struct Settings {
    pub config: Option<SiteConfig>,
    pub problems: Vec<Diagnostic>,
}

/// `site.yaml` read and checked, with `--base-url` in place of its own.
pub(super) fn read_settings(site_yaml: Option<&SourceFile>, options: &BuildOptions) -> Settings {
    let mut problems = Vec::new();
    let config = site_yaml.and_then(|source| {
        let (config, found) = config::parse(source);
        problems.extend(found);
        config
    });
    let config = match (config, &options.base_url) {
        (Some(mut config), Some(url)) => match config::BaseUrl::parse(url) {
            Ok(base) => {
                config.base_url = base;
                Some(config)
            }
            Err(message) => {
                problems.push(Diagnostic::error("--base-url", message));
                None
            }
        },
        (config, _) => config,
    };
    Settings { config, problems }
}

pub(super) fn build_moment(
    now: Option<&str>,
    config: &SiteConfig,
) -> Result<Timestamp, Diagnostic> {
    match now {
        None => Ok(Timestamp::now()),
        Some(text) => calendar::parse_now(text, &config.timezone)
            .map_err(|p| Diagnostic::error("--now", p.message).hint(p.hint)),
    }
}

/// Whether two loads of a theme gave the same templates and static files,
/// so its compiled templates can be kept.
pub(super) fn same_theme(a: &Theme, b: &Theme) -> bool {
    let templates = a.templates.len() == b.templates.len()
        && a.templates
            .iter()
            .zip(&b.templates)
            .all(|((na, a), (nb, b))| na == nb && a.origin == b.origin && a.text == b.text);
    let statics = a.statics.len() == b.statics.len()
        && a.statics.iter().zip(&b.statics).all(|((pa, a), (pb, b))| {
            pa == pb
                && match (a, b) {
                    (StaticFile::Embedded(a), StaticFile::Embedded(b)) => a == b,
                    (StaticFile::OnDisk(a), StaticFile::OnDisk(b)) => a == b,
                    _ => false,
                }
        });
    templates && statics
}
