//! The CI pipelines `careers init --ci github|gitlab` writes: a GitHub
//! Actions workflow and a GitLab CI file that check a site's adverts on every
//! pull (merge) request and build and publish `public/` to GitHub or GitLab
//! Pages on every push to the default branch and hourly, so that an advert
//! leaves the site within the hour of its closing moment.
//!
//! Both install exactly the careers version that wrote them (this crate's
//! version), named once at the top of the file, so a site's pipeline builds
//! with the generator its author tested it with until they change that line.
//! The GitHub workflow pins every action to a full commit SHA, with the
//! release it is in a comment beside it.
//!
//! Writing never overwrites: into a new or empty folder the pipeline comes
//! with a whole new site; into a folder that already holds a site (one with
//! a `content/` folder) only the pipeline file is written, and only if it is
//! not there yet.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;

use crate::scaffold::{Initialised, ScaffoldError};

/// The careers version the pipelines install: the one writing them.
pub const CAREERS_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where a site is built and published from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ci {
    /// GitHub Actions, publishing to GitHub Pages.
    Github,
    /// GitLab CI/CD, publishing to GitLab Pages.
    Gitlab,
}

impl Ci {
    /// The pipeline file, relative to the site's root.
    pub fn file(self) -> &'static str {
        match self {
            Ci::Github => ".github/workflows/careers.yml",
            Ci::Gitlab => ".gitlab-ci.yml",
        }
    }

    /// The pipeline's text, naming this careers version.
    pub fn text(self) -> String {
        let template = match self {
            Ci::Github => GITHUB_WORKFLOW,
            Ci::Gitlab => GITLAB_CI,
        };
        template.replace("{version}", CAREERS_VERSION)
    }

    /// What to do once the file is committed, one step a line.
    pub fn next_steps(self) -> &'static [&'static str] {
        match self {
            Ci::Github => &[
                "in the repository's Settings > Pages, set Source to \"GitHub Actions\"",
                "set base_url in content/site.yaml to the Pages address, e.g. https://<owner>.github.io/<repository>",
                "push: the workflow checks pull requests and publishes main on every push and hourly",
            ],
            Ci::Gitlab => &[
                "set base_url in content/site.yaml to the Pages address (Deploy > Pages shows it)",
                "push: the pipeline checks merge requests and publishes the default branch",
                "add an hourly schedule in Build > Pipeline schedules (interval 5 * * * *, the default branch)",
            ],
        }
    }
}

/// What `careers init --ci` did.
#[derive(Debug, Clone)]
pub struct InitWithCi {
    /// The files written, relative to the root: the whole new site with its
    /// pipeline, or only the pipeline.
    pub site: Initialised,
    /// False when the folder already held a site and only the pipeline was
    /// written into it.
    pub new_site: bool,
}

/// True when `dir` already holds a site: a `content/` folder.
pub fn is_site(dir: &Path) -> bool {
    dir.join("content").is_dir()
}

/// `careers init DIR [--ci X]`: a new site (with its pipeline) in a new or
/// empty folder; given a pipeline and a folder that already holds a site,
/// only the pipeline. Refuses any other folder, and never overwrites a file.
pub fn init(dir: &Path, now: Option<&str>, ci: Option<Ci>) -> Result<InitWithCi, ScaffoldError> {
    if let Some(ci) = ci
        && is_site(dir)
    {
        let file = write_pipeline(dir, ci)?;
        return Ok(InitWithCi {
            site: Initialised {
                root: dir.to_path_buf(),
                files: vec![file],
            },
            new_site: false,
        });
    }
    let mut site = crate::scaffold::init_site(dir, now)?;
    if let Some(ci) = ci {
        site.files.push(write_pipeline(dir, ci)?);
    }
    Ok(InitWithCi {
        site,
        new_site: true,
    })
}

/// Writes the pipeline file into the site at `root`, making its folder, and
/// returns its path relative to the root. Refuses if the file exists.
pub fn write_pipeline(root: &Path, ci: Ci) -> Result<String, ScaffoldError> {
    let path = root.join(ci.file());
    let io = |source| ScaffoldError::Io {
        path: path.clone(),
        source,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let mut file = match OpenOptions::new().write(true).create_new(true).open(&path) {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(ScaffoldError::Exists(path));
        }
        Err(err) => return Err(io(err)),
    };
    file.write_all(ci.text().as_bytes()).map_err(io)?;
    Ok(ci.file().to_owned())
}

/// The GitHub Actions workflow. Actions are pinned to the commits of these
/// releases: actions/checkout v7.0.1, actions/cache v5.0.5,
/// actions/upload-pages-artifact v5.0.0, actions/deploy-pages v5.0.0.
const GITHUB_WORKFLOW: &str = r#"# Checks this careers site and publishes it on GitHub Pages.
# Written by `careers init --ci github` (careers {version}).
#
# - On a pull request: checks every advert (problems are shown on the pull
#   request's lines) and builds the site, publishing nothing.
# - On a push to main, every hour, and when run by hand (Actions tab, "Run
#   workflow"): checks, builds and publishes public/.
#
# Before the first run: in the repository's Settings > Pages, set Source to
# "GitHub Actions"; and set base_url in content/site.yaml to the site's
# address (https://<owner>.github.io/<repository>, or your own domain).
name: careers

on:
  pull_request:
  push:
    branches: [main] # your default branch, if it is not called main
  # A static site cannot change by itself: an advert leaves the lists and
  # feeds at the first build after its closing moment. Building at five past
  # every hour catches end-of-day closings (11:59pm) within a few minutes and
  # noon closings within the hour, in summer and winter time alike (the
  # schedule is in UTC). Five past, not on the hour, because GitHub delays
  # runs at the top of the hour. `careers next-change` prints the next moment
  # the site changes by itself; each run writes it to its summary. GitHub
  # turns the schedule off in a public repository after 60 days without a
  # commit: the Actions tab turns it on again.
  schedule:
    - cron: "5 * * * *"
  workflow_dispatch:

permissions:
  contents: read

# A new push to a pull request stops its older check; runs on main wait
# their turn.
concurrency:
  group: careers-${{ github.ref }}
  cancel-in-progress: ${{ github.event_name == 'pull_request' }}

env:
  # The careers version that wrote this workflow: every run installs exactly
  # this one. Change it to move the site to another version.
  CAREERS_VERSION: "{version}"

jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    steps:
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
        with:
          persist-credentials: false
      # careers is built once per version, then comes from the cache.
      - name: Restore careers from the cache
        id: cache
        uses: actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae # v5.0.5
        with:
          path: |
            ~/.cargo/bin/careers
            ~/.cargo/.crates.toml
            ~/.cargo/.crates2.json
          key: careers-${{ runner.os }}-${{ env.CAREERS_VERSION }}
      - name: Install careers
        if: steps.cache.outputs.cache-hit != 'true'
        # Until careers is on crates.io, install it from its repository instead:
        #   cargo install --locked --git <careers repository address> --tag "v$CAREERS_VERSION" careers
        run: |
          rustup update stable --no-self-update
          cargo install careers --version "$CAREERS_VERSION" --locked
      - name: Check the adverts
        run: careers check --format github
      - name: Build the site
        run: careers build --output public
      - name: When the site next changes
        run: careers next-change >> "$GITHUB_STEP_SUMMARY"
      - name: Upload the site
        if: github.event_name != 'pull_request'
        uses: actions/upload-pages-artifact@fc324d3547104276b827a68afc52ff2a11cc49c9 # v5.0.0
        with:
          path: public

  deploy:
    if: github.event_name != 'pull_request'
    needs: build
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      pages: write # to publish to GitHub Pages
      id-token: write # to prove the publishing run comes from this repository
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    # One publish at a time, and never one cut off half-way.
    concurrency:
      group: pages
      cancel-in-progress: false
    steps:
      - name: Publish to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@cd2ce8fcbc39b97be8ca5fce6e763baed58fa128 # v5.0.0
"#;

/// The GitLab CI/CD pipeline.
const GITLAB_CI: &str = r#"# Checks this careers site and publishes it on GitLab Pages.
# Written by `careers init --ci gitlab` (careers {version}).
#
# - On a merge request: checks every advert and builds the site, publishing
#   nothing.
# - On the default branch, on every push and every scheduled run: checks,
#   builds and publishes public/.
#
# Set base_url in content/site.yaml to the site's address (Deploy > Pages
# shows it).
#
# The schedule: a static site cannot change by itself, so an advert leaves
# the lists and feeds at the first build after its closing moment. GitLab
# keeps schedules in the project, not in this file: in
# Build > Pipeline schedules, add one with the interval pattern 5 * * * *
# (five past every hour) on the default branch. It catches end-of-day closings (11:59pm)
# within a few minutes and noon closings within the hour. `careers
# next-change` prints the next moment the site changes by itself; each
# publishing job prints it at its end.

variables:
  # The careers version that wrote this file: every pipeline installs
  # exactly this one. Change it to move the site to another version.
  CAREERS_VERSION: "{version}"
  # Inside the project folder, so that the cache below can keep careers.
  CARGO_HOME: $CI_PROJECT_DIR/.cargo

default:
  image: rust:1-slim
  # careers is built once per version, then comes from the cache.
  cache:
    key: careers-$CAREERS_VERSION
    paths:
      - .cargo/bin/
      - .cargo/.crates.toml
      - .cargo/.crates2.json
  before_script:
    - export PATH="$CARGO_HOME/bin:$PATH"
    # Until careers is on crates.io, install it from its repository instead:
    #   cargo install --locked --git <careers repository address> --tag "v$CAREERS_VERSION" careers
    - cargo install careers --version "$CAREERS_VERSION" --locked

check:
  stage: test
  interruptible: true
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  script:
    - careers check
    - careers build --output public

pages:
  stage: deploy
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:
    - careers check
    - careers build --output public
    - careers next-change
  artifacts:
    paths:
      - public
"#;
