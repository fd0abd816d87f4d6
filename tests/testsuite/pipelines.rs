//! `careers init --ci github|gitlab`: the pipeline files it writes are YAML,
//! install the careers version that wrote them, check pull (merge) requests
//! and publish on push and hourly; their own check and build commands,
//! run as CI would run them, build the new site into the folder they
//! publish; and an existing site gets only its pipeline, never overwritten.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The moment the pipelines' commands run at, so the output is fixed.
const NOW: &str = "2026-11-24";
const VERSION: &str = env!("CARGO_PKG_VERSION");
const INSTALL: &str = r#"cargo install careers --version "$CAREERS_VERSION" --locked"#;

fn careers(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_careers"))
        .args(args)
        .env_remove("CAREERS_NOW")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn init(root: &Path, ci: &str) -> Output {
    let run = careers(&[
        "init",
        root.to_str().unwrap(),
        "--ci",
        ci,
        "--now",
        "2026-11-23",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    run
}

fn yaml(path: &Path) -> (String, Value) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let value = serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    (text, value)
}

/// Runs one line of a pipeline's script the way CI would: `sh -c` in the
/// site's folder, with this build's careers first on the PATH.
fn run_step(root: &Path, script: &str, summary: &Path) {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_careers"));
    let path = std::env::join_paths(
        std::iter::once(bin.parent().unwrap().to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let run = Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(root)
        .env("PATH", path)
        .env("CAREERS_NOW", NOW)
        .env("GITHUB_STEP_SUMMARY", summary)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "`{script}` failed:\n{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not a list: {value}"))
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

#[test]
fn github_workflow_checks_pull_requests_and_publishes_on_push_and_hourly() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let said = init(&root, "github");
    assert!(String::from_utf8_lossy(&said.stdout).contains(".github/workflows/careers.yml"));
    let (text, flow) = yaml(&root.join(".github/workflows/careers.yml"));

    assert_eq!(flow["env"]["CAREERS_VERSION"], VERSION);
    assert!(text.contains(&format!("(careers {VERSION})")));
    let on = &flow["on"];
    assert!(on.get("pull_request").is_some(), "{on}");
    assert_eq!(strings(&on["push"]["branches"]), ["main"]);
    assert_eq!(on["schedule"][0]["cron"], "5 * * * *");
    assert_eq!(flow["permissions"]["contents"], "read");

    let steps = flow["jobs"]["build"]["steps"].as_array().unwrap();
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(runs.iter().any(|r| r.contains(INSTALL)), "{runs:?}");
    assert!(runs.contains(&"careers check --format github"), "{runs:?}");
    assert!(runs.contains(&"careers build --output public"), "{runs:?}");
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-pages-artifact@"))
        })
        .expect("an upload-pages-artifact step");
    assert_eq!(upload["with"]["path"], "public");
    assert_eq!(upload["if"], "github.event_name != 'pull_request'");

    let deploy = &flow["jobs"]["deploy"];
    assert_eq!(deploy["needs"], "build");
    assert_eq!(deploy["if"], "github.event_name != 'pull_request'");
    assert_eq!(deploy["permissions"]["pages"], "write");
    assert_eq!(deploy["permissions"]["id-token"], "write");
    assert_eq!(deploy["environment"]["name"], "github-pages");
    assert_eq!(deploy["concurrency"]["cancel-in-progress"], false);
    let deploys = deploy["steps"][0]["uses"].as_str().unwrap();
    assert!(deploys.starts_with("actions/deploy-pages@"), "{deploys}");

    // Every action is pinned to a full commit, its release named beside it.
    let pinned: Vec<&str> = text.lines().filter(|l| l.contains("uses: ")).collect();
    assert_eq!(pinned.len(), 4, "{pinned:?}");
    for line in pinned {
        let (_, reference) = line.split_once('@').unwrap();
        let (sha, comment) = reference.split_once(" # v").expect("a version comment");
        assert!(
            sha.len() == 40 && sha.bytes().all(|b| b.is_ascii_hexdigit()),
            "{line}"
        );
        assert!(comment.chars().next().unwrap().is_ascii_digit(), "{line}");
    }

    // The steps after the install, as the runner runs them, build the site
    // into the folder that is uploaded.
    let summary = dir.path().join("summary.md");
    for script in runs.iter().filter(|r| !r.contains("cargo install")) {
        run_step(&root, script, &summary);
    }
    assert!(root.join("public/index.html").is_file());
    assert!(
        root.join("public/jobs/healthcare-support-worker/index.html")
            .is_file()
    );
    let summary = std::fs::read_to_string(&summary).unwrap();
    assert!(
        summary.contains("healthcare-support-worker closes"),
        "{summary}"
    );
}

#[test]
fn gitlab_pipeline_checks_merge_requests_and_publishes_the_default_branch() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    init(&root, "gitlab");
    let (text, ci) = yaml(&root.join(".gitlab-ci.yml"));

    assert_eq!(ci["variables"]["CAREERS_VERSION"], VERSION);
    assert!(text.contains(&format!("(careers {VERSION})")));
    assert!(text.contains("Build > Pipeline schedules"));
    let before = strings(&ci["default"]["before_script"]);
    assert!(before.contains(&INSTALL), "{before:?}");
    assert_eq!(ci["default"]["cache"]["key"], "careers-$CAREERS_VERSION");

    let check = &ci["check"];
    assert_eq!(
        check["rules"][0]["if"],
        r#"$CI_PIPELINE_SOURCE == "merge_request_event""#
    );
    assert!(strings(&check["script"]).contains(&"careers check"));

    let pages = &ci["pages"];
    assert_eq!(
        pages["rules"][0]["if"],
        "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"
    );
    assert_eq!(strings(&pages["artifacts"]["paths"]), ["public"]);
    let script = strings(&pages["script"]);
    assert!(script.contains(&"careers check"), "{script:?}");

    // The publishing job's script builds the site into the published folder.
    let summary = dir.path().join("unused");
    for line in script {
        run_step(&root, line, &summary);
    }
    assert!(root.join("public/index.html").is_file());
}

#[test]
fn both_pipelines_name_the_same_version() {
    let dir = tempfile::tempdir().unwrap();
    init(&dir.path().join("gh"), "github");
    init(&dir.path().join("gl"), "gitlab");
    let (_, github) = yaml(&dir.path().join("gh/.github/workflows/careers.yml"));
    let (_, gitlab) = yaml(&dir.path().join("gl/.gitlab-ci.yml"));
    assert_eq!(
        github["env"]["CAREERS_VERSION"],
        gitlab["variables"]["CAREERS_VERSION"]
    );
    // `careers --version` is the version they install.
    let said = careers(&["--version"]);
    assert_eq!(
        String::from_utf8_lossy(&said.stdout).trim(),
        format!("careers {VERSION}")
    );
}

#[test]
fn an_existing_site_gets_only_its_pipeline_and_never_an_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    assert!(careers(&["init", root.to_str().unwrap()]).status.success());
    let settings = root.join("content/site.yaml");
    std::fs::write(&settings, "title: Our own settings\n").unwrap();

    let run = careers(&["init", root.to_str().unwrap(), "--ci", "github"]);
    assert!(run.status.success());
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(
        said.contains("already holds a site, so only its pipeline was written"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(&settings).unwrap(),
        "title: Our own settings\n"
    );
    let workflow = root.join(".github/workflows/careers.yml");
    assert!(workflow.is_file());

    // A second time, the workflow someone may have edited is left alone.
    std::fs::write(&workflow, "# edited\n").unwrap();
    let again = careers(&["init", root.to_str().unwrap(), "--ci", "github"]);
    assert!(!again.status.success());
    let error = String::from_utf8_lossy(&again.stderr);
    assert!(
        error.contains("careers.yml already exists; careers never overwrites a file"),
        "{error}"
    );
    assert_eq!(std::fs::read_to_string(&workflow).unwrap(), "# edited\n");

    // A GitLab pipeline can join it beside the GitHub one.
    assert!(
        careers(&["init", root.to_str().unwrap(), "--ci", "gitlab"])
            .status
            .success()
    );
    assert!(root.join(".gitlab-ci.yml").is_file());
}

#[test]
fn a_folder_that_is_not_a_site_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let run = careers(&["init", dir.path().to_str().unwrap(), "--ci", "gitlab"]);
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("is not empty"));
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "only notes.txt is there");
}
