//! `careers init`: a small new site that builds at once with the built-in
//! theme.

use std::path::{Path, PathBuf};

use jiff::ToSpan;

use crate::config::SiteConfig;
use crate::schema::json;

use super::{EXAMPLE_ADVERT_DAYS, ScaffoldError, io_error, today, write_new};

/// A site `careers init` wrote.
#[derive(Debug, Clone)]
pub struct Initialised {
    pub root: PathBuf,
    /// Relative to the root.
    pub files: Vec<String>,
}

/// Writes a new site into `dir` (created if missing; refused if not
/// empty): settings, one example advert open for 30 days from `now`, and a
/// how-to-apply page, and the schemas and editor settings in `.vscode/`.
/// The built-in theme is used, so no theme files are
/// copied and a new `careers` brings its fixes.
pub fn init_site(dir: &Path, now: Option<&str>) -> Result<Initialised, ScaffoldError> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(io_error(dir))?;
        if entries.next().is_some() {
            return Err(ScaffoldError::NotEmpty(dir.to_path_buf()));
        }
    }
    let zone = SiteConfig::fallback().timezone;
    let posted = today(now, &zone)?;
    let closes = posted.saturating_add(EXAMPLE_ADVERT_DAYS.days());
    let advert = EXAMPLE_ADVERT
        .replace("{posted}", &posted.to_string())
        .replace("{closes}", &closes.to_string());
    let files = [
        ("content/site.yaml", SITE_YAML.to_owned()),
        ("content/jobs/healthcare-support-worker.md", advert),
        ("content/pages/how-to-apply.md", HOW_TO_APPLY.to_owned()),
        (".gitignore", "/public/\n".to_owned()),
        (
            ".vscode/careers-vacancy.schema.json",
            json::to_text(&json::vacancy()),
        ),
        (
            ".vscode/careers-site.schema.json",
            json::to_text(&json::site()),
        ),
        (".vscode/settings.json", VSCODE_SETTINGS.to_owned()),
        (".vscode/extensions.json", VSCODE_EXTENSIONS.to_owned()),
    ];
    for (rel, text) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io_error(parent))?;
        }
        write_new(&path, text)?;
    }
    Ok(Initialised {
        root: dir.to_path_buf(),
        files: files.iter().map(|(rel, _)| (*rel).to_owned()).collect(),
    })
}

const SITE_YAML: &str = r#"# The site's settings. Every setting is explained in docs/content.md.

# The site's name, in the header, page titles and feeds.
title: Example NHS Foundation Trust careers
# The address the site is published at: feeds, the sitemap and search
# engines need it. Change it before you publish.
base_url: https://careers.example.nhs.uk
# What the site is about, for search engines and feed readers.
description: Jobs at Example NHS Foundation Trust, in hospitals and in the community.

# The employer of every advert that names none.
employer: Example NHS Foundation Trust
employer_url: https://www.example.nhs.uk
# For a portal of several employers, list them; an advert's `employer:`
# then names one of them.
# employers:
#   - name: Example NHS Foundation Trust
#     url: https://www.example.nhs.uk
#     address: Example House, Hospital Road, Exampletown, EX1 1AA

# Linked from every advert.
# privacy_url: https://www.example.nhs.uk/privacy
# Shows the Disability Confident guaranteed interview statement.
# disability_confident: true

# Adverts close at this time on their closing day (UK time).
closing_time: "23:59"
# timezone: Europe/London
# language: en-GB
# Vacancies per list page (0: all on one page), and items per feed.
# page_size: 20
# feed_items: 100
# The theme: the built-in "default", or a folder under themes/ whose
# templates override it one by one (see docs/themes.md).
# theme: default
"#;

const EXAMPLE_ADVERT: &str = r#"---
title: Healthcare Support Worker
reference: EX-0001
band: 3
salary:
  min: 24937
  max: 26598
  period: year
  note: plus unsocial hours payments
location: Exampletown
reports_to: Ward Manager
service: Elderly Care Ward
staff_group: Additional Clinical Services
contract: permanent
working_pattern: [full-time, part-time, shifts]
hours: 37.5
posted: {posted}
closes: {closes}
dbs: enhanced
apply_url: https://www.example.nhs.uk/careers
contact:
  name: Sam Taylor
  role: Ward Manager
  email: sam.taylor@example.nhs.uk
tags: [healthcare support worker, no experience needed]
summary: >-
  Join our friendly elderly care ward as a healthcare support worker. Full
  training is given, and no previous care experience is needed.
---
## Job summary

This is an example advert written by `careers init`: edit it, or delete it once you have added your own with `careers new "Job title"`.

Our elderly care ward looks after older people recovering from illness and injury. As a healthcare support worker you will help patients with washing, dressing, eating and moving around, and get to know them and their families.

## Main duties of the job

- Help patients with personal care, meals and mobility, with kindness and respect for their dignity.
- Take and record observations such as temperature, pulse and blood pressure once trained.
- Keep the ward clean, safe and well stocked.
- Tell the registered nurse about any change in a patient's condition.

## About us

Example NHS Foundation Trust runs Exampletown General Hospital and community services across the area. We give every new starter a full induction and the Care Certificate, and support healthcare support workers who want to train as nursing associates or nurses.

Read [how to apply](@/pages/how-to-apply.md) before you start your application.

## Person specification

### Qualifications

**Essential**

- Good English and maths (GCSE or equivalent)

**Desirable**

- The Care Certificate, or an NVQ or diploma in health and social care

### Experience

**Essential**

- An interest in caring for older people

**Desirable**

- Experience of care work, paid or unpaid
"#;

const HOW_TO_APPLY: &str = r#"---
title: How to apply
menu: 1
---
Every advert on this site has an **Apply** link that takes you to our recruitment system, where you create an account and fill in the application form.

## Before you apply

Read the advert and its person specification: it lists the **essential** criteria you must meet and the **desirable** ones that make an application stronger. If you have questions, contact the person named on the advert.

## Your application

Use the supporting information to show how you meet each essential criterion, with real examples. Check the closing date: adverts close at 23:59 on that day, and some close early if many people apply.

## After the closing date

We compare every application with the person specification and invite the people we shortlist to an interview, usually by email. If you are offered the job, we carry out the NHS pre-employment checks before you start.
"#;

/// VS Code checks `site.yaml` against its schema while you type, with the
/// YAML extension (docs/content.md, "Checking fields while you type").
const VSCODE_SETTINGS: &str = r#"{
  "yaml.schemas": {
    "./.vscode/careers-site.schema.json": "content/site.yaml"
  }
}
"#;

const VSCODE_EXTENSIONS: &str = r#"{
  "recommendations": ["redhat.vscode-yaml"]
}
"#;
