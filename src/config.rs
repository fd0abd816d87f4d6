//! `content/site.yaml`: the site's settings, checked and typed.

use jiff::civil::Time;
use jiff::tz::TimeZone;

use crate::calendar;
use crate::content::fields::{self, Fields};
use crate::content::{SourceFile, yaml};
use crate::diagnostics::{Diagnostic, FileReport};
use crate::schema;
use crate::url;

const SITE_EXAMPLE: &str = "https://careers.example.nhs.uk";
const EMPLOYER_EXAMPLE: &str = "https://www.oxleas.nhs.uk";
const PRIVACY_EXAMPLE: &str = "https://www.oxleas.nhs.uk/privacy";
const ACCESSIBILITY_EXAMPLE: &str = "https://www.oxleas.nhs.uk/accessibility";

/// A trust (or other employer) whose adverts the site carries.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Employer {
    pub name: String,
    pub url: Option<String>,
    pub address: Option<String>,
    /// Its logo, a path of a file the site publishes (`documents/logo.png`).
    pub logo: Option<String>,
    /// Whether its adverts' `apply_url`s open its own application form,
    /// rather than a job board's page about the job.
    pub direct_apply: bool,
}

/// The site's absolute address, always ending in `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// `https://careers.example.nhs.uk/careers/`
    pub absolute: String,
    /// `/careers/`: the path part, for pages served at any depth (404).
    pub path: String,
}

impl BaseUrl {
    pub fn parse(text: &str) -> Result<Self, String> {
        // The same rule as every other link, whoever calls this.
        let text = url::web_address(text, "base_url", SITE_EXAMPLE).map_err(|r| r.message)?;
        let text = text.as_str();
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))
            .ok_or_else(|| format!("\"{text}\" is not an absolute web address"))?;
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        if host.is_empty() || text.contains(['?', '#', ' ', '"', '<', '>']) {
            return Err(format!("\"{text}\" is not a usable web address"));
        }
        let path = path.trim_end_matches('/');
        let path = if path.is_empty() {
            "/".to_owned()
        } else {
            format!("/{path}/")
        };
        let scheme = &text[..text.len() - rest.len()];
        Ok(Self {
            absolute: format!("{scheme}{host}{path}"),
            path,
        })
    }

    /// The absolute URL of a site-relative path (`jobs/nurse/`).
    pub fn join(&self, relative: &str) -> String {
        format!("{}{}", self.absolute, relative)
    }

    /// The host alone: `careers.example.nhs.uk` (no port).
    pub fn host(&self) -> &str {
        let rest = self
            .absolute
            .split_once("://")
            .map_or(&*self.absolute, |(_, r)| r);
        let authority = rest.split('/').next().unwrap_or(rest);
        let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
        match host.rsplit_once(':') {
            Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
            _ => host,
        }
    }
}

/// Everything `site.yaml` says, with defaults filled in.
#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    pub base_url: BaseUrl,
    /// The default employer of every vacancy that names none.
    pub employer: Option<Employer>,
    pub employers: Vec<Employer>,
    pub privacy_url: Option<String>,
    pub accessibility_url: Option<String>,
    pub disability_confident: bool,
    pub description: Option<String>,
    pub language: String,
    pub timezone_name: String,
    pub timezone: TimeZone,
    pub closing_time: Time,
    pub theme: String,
    pub logo: Option<String>,
    /// The `direct_apply` of employers that do not set their own.
    pub direct_apply: bool,
    /// Vacancies per list page; 0 means one page.
    pub page_size: usize,
    /// Newest items per feed; 0 means all.
    pub feed_items: usize,
    /// ISO 3166 country code for postal addresses.
    pub country: String,
    /// The editor published at `/admin/`, if `cms:` asks for one.
    pub cms: Option<Cms>,
}

/// The content editors `cms:` can publish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmsName {
    Decap,
}

impl CmsName {
    pub const ALL: [CmsName; 1] = [CmsName::Decap];
    pub const NAMES: &'static [&'static str] = &["decap"];
}

/// The editor `cms:` publishes, and where it saves (`cms_backend:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cms {
    pub name: CmsName,
    /// Without one, the editor works only with the local backend.
    pub backend: Option<CmsBackend>,
}

/// Where the site's repository is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GitHost {
    GitHub,
    GitLab,
    Azure,
}

impl GitHost {
    /// As `cms_backend: name:` writes them, and as Decap names its backends.
    pub const ALL: [GitHost; 3] = [GitHost::GitHub, GitHost::GitLab, GitHost::Azure];
    pub const NAMES: &'static [&'static str] = &["github", "gitlab", "azure"];

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }
}

/// `cms_backend:`: the repository the editor commits to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CmsBackend {
    pub host: GitHost,
    pub repo: String,
    pub branch: String,
    pub base_url: Option<String>,
    pub auth_endpoint: Option<String>,
    pub app_id: Option<String>,
    pub tenant_id: Option<String>,
}

impl SiteConfig {
    /// Settings to check job files against when site.yaml itself is broken:
    /// defaults, and any employer accepted.
    pub fn fallback() -> Self {
        Self {
            title: String::new(),
            base_url: BaseUrl::parse("https://example.invalid").expect("valid URL"),
            employer: Some(Employer {
                name: String::new(),
                url: None,
                address: None,
                logo: None,
                direct_apply: false,
            }),
            employers: Vec::new(),
            privacy_url: None,
            accessibility_url: None,
            disability_confident: false,
            description: None,
            language: "en-GB".to_owned(),
            timezone_name: "Europe/London".to_owned(),
            timezone: TimeZone::get("Europe/London").expect("bundled time zone"),
            closing_time: Time::new(23, 59, 0, 0).expect("valid time"),
            theme: "default".to_owned(),
            logo: None,
            direct_apply: false,
            page_size: 20,
            feed_items: 100,
            country: "GB".to_owned(),
            cms: None,
        }
    }

    /// The employer a vacancy names, or the site's default.
    pub fn find_employer(&self, name: &str) -> Option<&Employer> {
        self.employers
            .iter()
            .chain(self.employer.as_ref())
            .find(|e| e.name == name)
    }
}

/// Reads `site.yaml`; every problem goes into the returned diagnostics.
pub fn parse(source: &SourceFile) -> (Option<SiteConfig>, Vec<Diagnostic>) {
    let mut report = FileReport::new(&source.path, &source.text);
    let config = read(source, &mut report);
    let failed = report.has_errors();
    (config.filter(|_| !failed), report.diagnostics)
}

fn read(source: &SourceFile, report: &mut FileReport) -> Option<SiteConfig> {
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
    let root = match yaml::parse_block(text, 0, yaml::Block::Settings) {
        Ok(root) => root,
        Err(e) => {
            report.error(e.at, e.message, e.hint);
            return None;
        }
    };
    let f = Fields::new(&root, "site.yaml", schema::SITE.fields, report)?;
    let title = f.required("title", report, "Oxleas NHS Foundation Trust careers");
    let title = title.and_then(|v| fields::text(v, "title", report));
    let base_url = f
        .required("base_url", report, "https://careers.example.nhs.uk")
        .and_then(|v| fields::text(v, "base_url", report))
        .and_then(|text| {
            let at = text.at;
            let checked = url::read_web(text, "base_url", SITE_EXAMPLE, report)?;
            match BaseUrl::parse(&checked) {
                Ok(base) => Some(base),
                Err(message) => {
                    report.error(at, message, "write the full address the site is published at, e.g. https://careers.example.nhs.uk");
                    None
                }
            }
        });

    let timezone_name = f
        .text("timezone", report)
        .map_or_else(|| "Europe/London".to_owned(), |t| t.value);
    let timezone = match TimeZone::get(&timezone_name) {
        Ok(tz) => Some(tz),
        Err(_) => {
            let at = f.key_at("timezone").unwrap_or(f.at);
            report.error(
                at,
                format!("\"{timezone_name}\" is not a time zone careers knows"),
                "use a name from the tz database, e.g. Europe/London",
            );
            None
        }
    };
    let closing_time = match f.text("closing_time", report) {
        None => Some(Time::new(23, 59, 0, 0).expect("valid time")),
        Some(t) => match calendar::parse_clock(&t.value) {
            Ok(time) => Some(time),
            Err(p) => {
                report.error(t.at, p.message, p.hint);
                None
            }
        },
    };

    let employer_url = f
        .text("employer_url", report)
        .and_then(|u| url::read_web(u, "employer_url", EMPLOYER_EXAMPLE, report));
    let direct_apply = f.flag("direct_apply", report).unwrap_or(false);
    let employers = f
        .get("employers")
        .map(|list| read_employers(list, direct_apply, report))
        .unwrap_or_default();

    let count = |key: &str, default: usize, report: &mut FileReport| match f.get(key) {
        None => default,
        Some(v) => match fields::number(v, key, report) {
            Some(n) if n.value >= 0.0 && n.value.fract() == 0.0 => n.value as usize,
            Some(n) => {
                report.error(
                    n.at,
                    format!("`{key}` should be a whole number, 0 or more"),
                    format!("e.g. `{key}: {default}`"),
                );
                default
            }
            None => default,
        },
    };
    let page_size = count("page_size", 20, report);
    let feed_items = count("feed_items", 100, report);
    // Every field is read before a missing required one ends the parse.
    let text = |key: &str, report: &mut FileReport| f.text(key, report).map(|t| t.value);
    let privacy_url = f
        .text("privacy_url", report)
        .and_then(|u| url::read_web(u, "privacy_url", PRIVACY_EXAMPLE, report));
    let accessibility_url = f
        .text("accessibility_url", report)
        .and_then(|u| url::read_web(u, "accessibility_url", ACCESSIBILITY_EXAMPLE, report));
    let disability_confident = f.flag("disability_confident", report).unwrap_or(false);
    let description = text("description", report);
    let language = text("language", report).unwrap_or_else(|| "en-GB".to_owned());
    let theme = match f.text("theme", report) {
        None => "default".to_owned(),
        Some(t) => match crate::theme::check_name(&t.value) {
            Ok(()) => t.value,
            Err((message, hint)) => {
                report.error(t.at, message, hint);
                "default".to_owned()
            }
        },
    };
    let logo = f
        .text("logo", report)
        .and_then(|l| site_file(l, "logo", report));
    let country = text("country", report).unwrap_or_else(|| "GB".to_owned());
    let cms = read_cms(&f, report);
    // A site of one employer is that employer's own: its logo is theirs.
    let employer = f.text("employer", report).map(|name| Employer {
        name: name.value,
        url: employer_url,
        address: None,
        logo: logo.clone().filter(|_| employers.is_empty()),
        direct_apply,
    });

    Some(SiteConfig {
        title: title?.value,
        base_url: base_url?,
        employer,
        employers,
        privacy_url,
        accessibility_url,
        disability_confident,
        description,
        language,
        timezone_name,
        timezone: timezone?,
        closing_time: closing_time?,
        theme,
        logo,
        direct_apply,
        page_size,
        feed_items,
        country,
        cms,
    })
}

/// `cms:` and `cms_backend:`.
fn read_cms(f: &Fields<'_>, report: &mut FileReport) -> Option<Cms> {
    let backend = f.get("cms_backend").and_then(|v| read_backend(v, report));
    let Some(name) = f.text("cms", report) else {
        if let (Some(at), None) = (f.key_at("cms_backend"), f.key_at("cms")) {
            report.error(
                at,
                "`cms_backend` is set, but no editor is: `cms` is missing",
                "add `cms: decap` to publish the editor at /admin/, or delete `cms_backend`",
            );
        }
        return None;
    };
    let name = CmsName::ALL[one_of(&name, "cms", CmsName::NAMES, report)?];
    Some(Cms { name, backend })
}

fn read_backend(value: &yaml::Value, report: &mut FileReport) -> Option<CmsBackend> {
    let f = Fields::new(
        value,
        "`cms_backend`",
        schema::SITE_CMS_BACKEND.fields,
        report,
    )?;
    let host = f
        .required("name", report, "github")
        .and_then(|v| fields::text(v, "name", report))
        .and_then(|name| one_of(&name, "name", GitHost::NAMES, report));
    let repo = f
        .required("repo", report, "wealdmoor-nhs/careers-site")
        .and_then(|v| fields::text(v, "repo", report))
        .and_then(|repo| {
            let parts = repo.value.split('/').count();
            let shaped = (2..=3).contains(&parts)
                && repo.value.split('/').all(|p| !p.is_empty() && !p.contains(char::is_whitespace));
            if !shaped {
                report.error(
                    repo.at,
                    format!("`repo` should be written as owner/name, but is \"{}\"", repo.value),
                    "e.g. `repo: wealdmoor-nhs/careers-site` (on Azure DevOps, organisation/project/repository)",
                );
            }
            shaped.then_some(repo.value)
        });
    let branch = f
        .text("branch", report)
        .map_or_else(|| "main".to_owned(), |b| b.value);
    let base_url = f
        .text("base_url", report)
        .and_then(|u| url::read_web(u, "base_url", "https://auth.example.nhs.uk", report));
    let text = |key: &str, report: &mut FileReport| f.text(key, report).map(|t| t.value);
    let auth_endpoint = text("auth_endpoint", report);
    let app_id = text("app_id", report);
    let tenant_id = text("tenant_id", report);
    Some(CmsBackend {
        host: GitHost::ALL[host?],
        repo: repo?,
        branch,
        base_url,
        auth_endpoint,
        app_id,
        tenant_id,
    })
}

/// The index in `names` of the name `value` gives, or an error at its line
/// naming the nearest one.
fn one_of(
    value: &fields::Spanned<String>,
    key: &str,
    names: &[&str],
    report: &mut FileReport,
) -> Option<usize> {
    let given = value.value.to_lowercase();
    if let Some(i) = names.iter().position(|n| *n == given) {
        return Some(i);
    }
    let all = names.join(", ");
    let hint = match fields::nearest(&given, names) {
        Some(near) => format!("did you mean `{key}: {near}`? `{key}` is one of {all}"),
        None => format!("`{key}` is one of {all}"),
    };
    report.error(
        value.at,
        format!("\"{}\" is not a `{key}` careers knows", value.value),
        hint,
    );
    None
}

fn read_employers(
    list: &yaml::Value,
    direct_apply: bool,
    report: &mut FileReport,
) -> Vec<Employer> {
    let mut employers = Vec::new();
    for item in fields::one_or_many(list) {
        let Some(f) = Fields::new(item, "an employer", schema::SITE_EMPLOYER.fields, report) else {
            continue;
        };
        let name = f
            .required("name", report, "Oxleas NHS Foundation Trust")
            .and_then(|v| fields::text(v, "name", report));
        if let Some(name) = name {
            employers.push(Employer {
                name: name.value,
                url: f
                    .text("url", report)
                    .and_then(|u| url::read_web(u, "url", EMPLOYER_EXAMPLE, report)),
                address: f.text("address", report).map(|a| a.value),
                logo: f
                    .text("logo", report)
                    .and_then(|l| site_file(l, "logo", report)),
                direct_apply: f.flag("direct_apply", report).unwrap_or(direct_apply),
            });
        }
    }
    employers
}

/// A path of a file the site publishes (`images/logo.svg`), checked by the
/// one URL rule.
fn site_file(value: fields::Spanned<String>, key: &str, report: &mut FileReport) -> Option<String> {
    match url::site_file(&value.value, key, "images/logo.svg") {
        Ok(path) => Some(path),
        Err(r) => {
            report.error(value.at, r.message, r.hint);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_keeps_its_path() {
        let b = BaseUrl::parse("https://example.nhs.uk/careers").unwrap();
        assert_eq!(b.absolute, "https://example.nhs.uk/careers/");
        assert_eq!(b.path, "/careers/");
        assert_eq!(b.join("jobs/a/"), "https://example.nhs.uk/careers/jobs/a/");
        assert_eq!(BaseUrl::parse("https://example.nhs.uk").unwrap().path, "/");
        assert!(BaseUrl::parse("example.nhs.uk").is_err());
    }
}
