//! Which employer an advert names, checked against the employers of
//! `site.yaml`.

use crate::config::{Employer, SiteConfig};
use crate::content::fields::{self, Fields, Quote};
use crate::diagnostics::FileReport;

/// Reads `employer`: one of `employers` in `site.yaml`, or the site's
/// default `employer` when not given. A draft may leave it as a
/// `[[placeholder]]`, which stands as the employer's name until filled in
/// (outside a draft, `placeholder::check` reports it).
pub(super) fn read(f: &Fields, config: &SiteConfig, report: &mut FileReport) -> Option<Employer> {
    if let Some(placeholder) = f.get("employer").and_then(super::placeholder::whole) {
        return Some(Employer {
            name: placeholder.to_owned(),
            url: None,
            address: None,
            logo: None,
            direct_apply: config.direct_apply,
        });
    }
    match f.text("employer", report) {
        Some(name) => {
            if let Some(employer) = config.find_employer(&name.value) {
                return Some(employer.clone());
            }
            if config.employers.is_empty() {
                return Some(Employer {
                    name: name.value,
                    url: None,
                    address: None,
                    logo: None,
                    direct_apply: config.direct_apply,
                });
            }
            let names: Vec<&str> = config.employers.iter().map(|e| e.name.as_str()).collect();
            let hint = fields::did_you_mean(
                fields::nearest(&name.value, &names),
                Quote::Name,
                "The employers are listed in content/site.yaml",
                || {
                    format!(
                        "use one of the names in `employers` in content/site.yaml: {}",
                        names.join("; ")
                    )
                },
            );
            report.error(
                name.at,
                format!("\"{}\" is not one of the site's employers", name.value),
                hint,
            );
            None
        }
        None => match &config.employer {
            // The default may also be described in `employers`, with its address.
            Some(employer) => Some(
                config
                    .find_employer(&employer.name)
                    .unwrap_or(employer)
                    .clone(),
            ),
            None => {
                report.error(
                    f.at,
                    "no employer is given, and content/site.yaml sets no default `employer`",
                    "add `employer:` naming the trust, here or in content/site.yaml",
                );
                None
            }
        },
    }
}
