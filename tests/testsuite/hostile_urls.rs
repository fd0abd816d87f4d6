//! No address that runs code reaches a page, whichever file it was written
//! in. Checked through the real binary, as a comms officer runs it:
//!
//! - every URL-valued field of site.yaml (`base_url`, `employer_url`,
//!   `privacy_url`, `logo`, `employers[].url`) and of an advert
//!   (`apply_url`, the contact's `email` and `phone`, `documents[].file`)
//!   holds, in turn, each hostile value below; the build is refused with
//!   an error at that field's line, and writes nothing. (A free page's
//!   front matter has no URL-valued field.)
//! - a site whose text fields and bodies hold hostile text where text is
//!   allowed builds, and no attribute of any element of any page, no URL of
//!   a feed, the sitemap or robots.txt, and no URL-valued JSON-LD field
//!   holds a `javascript:`, `vbscript:` or `data:` address, in any case,
//!   once character codes are decoded and the characters a browser ignores
//!   are stripped.

use crate::common;
use common::{Fixture, runs_script, script_links, yaml_string};

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const NOW: &str = "2026-02-01";

/// Each trick a browser would still read as a script address (or, for
/// `//evil`, as another site).
const HOSTILE: &[&str] = &[
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    " javascript:alert(1)",
    "\u{1}javascript:alert(1)",
    "&#106;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "//evil.example/x",
];

/// A URL-valued field: the file it is in, its key as messages name it, the
/// line its value is on, and whether the fix is a web address.
struct Field {
    file: &'static str,
    key: &'static str,
    line: usize,
    web: bool,
}

const FIELDS: &[Field] = &[
    Field {
        file: "content/site.yaml",
        key: "base_url",
        line: 2,
        web: true,
    },
    Field {
        file: "content/site.yaml",
        key: "employer_url",
        line: 4,
        web: true,
    },
    Field {
        file: "content/site.yaml",
        key: "privacy_url",
        line: 5,
        web: true,
    },
    Field {
        file: "content/site.yaml",
        key: "logo",
        line: 6,
        web: false,
    },
    Field {
        file: "content/site.yaml",
        key: "accessibility_url",
        line: 12,
        web: true,
    },
    Field {
        file: "content/site.yaml",
        key: "url",
        line: 9,
        web: true,
    },
    Field {
        file: "content/jobs/nurse.md",
        key: "apply_url",
        line: 8,
        web: true,
    },
    Field {
        file: "content/jobs/nurse.md",
        key: "email",
        line: 10,
        web: false,
    },
    Field {
        file: "content/jobs/nurse.md",
        key: "phone",
        line: 11,
        web: false,
    },
    Field {
        file: "content/jobs/nurse.md",
        key: "file",
        line: 14,
        web: true,
    },
];

/// A YAML value for `key`: the hostile one if `key` is the field under
/// test, else a good one.
fn value(field: Option<&Field>, file: &str, key: &str, good: &str, hostile: &str) -> String {
    match field {
        Some(f) if f.file == file && f.key == key => yaml_string(hostile),
        _ => yaml_string(good),
    }
}

/// site.yaml and one advert, with `hostile` in `field` (or nowhere), and
/// text fields holding `text`.
fn site(field: Option<&Field>, hostile: &str, text: &str) -> Fixture {
    let s = |key: &str, good: &str| value(field, "content/site.yaml", key, good, hostile);
    let j = |key: &str, good: &str| value(field, "content/jobs/nurse.md", key, good, hostile);
    let text = yaml_string(text);
    let settings = format!(
        "title: {text}\n\
         base_url: {}\n\
         employer: Example NHS Foundation Trust\n\
         employer_url: {}\n\
         privacy_url: {}\n\
         logo: {}\n\
         employers:\n\
         \x20 - name: Example NHS Foundation Trust\n\
         \x20   url: {}\n\
         \x20   address: {text}\n\
         description: {text}\n\
         accessibility_url: {}\n",
        s("base_url", "https://example.nhs.uk/careers/"),
        s("employer_url", "https://example.nhs.uk/"),
        s(
            "privacy_url",
            "https://example.nhs.uk/privacy?from=javascript:x"
        ),
        s("logo", "documents/logo.svg"),
        s("url", "https://example.nhs.uk/"),
        s("accessibility_url", "https://example.nhs.uk/accessibility"),
    );
    let front_matter = format!(
        "title: {text}\n\
         reference: R-1\n\
         band: 5\n\
         location: Dartford\n\
         posted: 2026-01-01\n\
         closes: 2026-12-31\n\
         apply_url: {}\n\
         contact:\n\
         \x20 email: {}\n\
         \x20 phone: {}\n\
         documents:\n\
         \x20 - title: {text}\n\
         \x20   file: {}\n\
         \x20 - title: {text}\n\
         \x20   file: documents/jd.pdf\n\
         summary: {text}\n\
         service: {text}\n\
         reports_to: {text}\n\
         registration: {text}\n\
         tags: [{text}]\n\
         salary:\n\
         \x20 min: 29970\n\
         \x20 note: {text}\n",
        j(
            "apply_url",
            "https://example.nhs.uk/apply?next=javascript:alert(1)"
        ),
        j("email", "jobs@example.nhs.uk"),
        j("phone", "01322 000000"),
        j("file", "https://example.nhs.uk/jd.pdf#javascript:x"),
    );
    let fixture = Fixture::new().site_yaml(&settings);
    fixture
        .write(
            "content/documents/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        )
        .write("content/documents/jd.pdf", "%PDF-1.4");
    fixture.job("nurse.md", &front_matter, HOSTILE_BODY).page(
        "about.md",
        &format!("title: {text}\ndescription: {text}\nmenu: 1\n"),
        HOSTILE_BODY,
    )
}

/// Markdown and raw HTML a writer might paste, every link a trick.
const HOSTILE_BODY: &str = "\
## javascript:alert(1)

[plain](javascript:alert(1)) [case](JaVaScRiPt:alert(1)) [vb](vbscript:msgbox(1))
[coded](&#106;avascript:alert(1)) [tab](<java\tscript:alert(1)>) [data](data:text/html,x)
[colon](javascript&colon;alert(1)) ![img](data:image/svg+xml,<svg/onload=alert(1)>)

<a href=\"javascript:alert(2)\">a</a> <a href=\" javascript:alert(2)\">b</a>
<a href=\"java&#x09;script:alert(2)\">c</a> <a href=\"&#106;avascript:alert(2)\">d</a>
<img src=\"javascript:alert(2)\" onerror=\"alert(2)\"> <form action=\"javascript:alert(2)\"><button formaction=\"vbscript:x\">e</button></form>
<iframe src=\"data:text/html,x\"></iframe> <object data=\"javascript:x\"></object>
<svg><a xlink:href=\"javascript:alert(3)\">f</a></svg> <math href=\"javascript:alert(3)\">g</math>
<p style=\"background:url(javascript:alert(4))\">h</p> <meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(5)\">

Text that says javascript:alert(1) and data:text/html is only text.
";

fn careers(args: &[&str], root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_careers"))
        .args(args)
        .arg("--root")
        .arg(root)
        .args(["--now", NOW])
        .env_remove("CAREERS_NOW")
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_hostile_address_in_any_url_field_is_refused_at_its_line() {
    for field in FIELDS {
        for hostile in HOSTILE {
            let fixture = site(Some(field), hostile, "Staff Nurse");
            let out = careers(&["build"], fixture.root());
            let text = stderr(&out);
            let case = format!("{} `{}` = {hostile:?}", field.file, field.key);
            assert!(
                !out.status.success(),
                "{case}: the build is refused:\n{text}"
            );
            assert!(!fixture.public().exists(), "{case}: nothing written");
            assert!(
                text.contains(&format!("--> {}:{}:", field.file, field.line)),
                "{case}: the error names the file and line {}:\n{text}",
                field.line
            );
            assert!(
                text.contains(&format!("`{}`", field.key))
                    || (!field.web && text.contains("is not a")),
                "{case}: the error names the field:\n{text}"
            );
            if field.web {
                assert!(
                    text.contains("help: write the full address starting https://"),
                    "{case}: the fix is given:\n{text}"
                );
            } else {
                assert!(text.contains("help: "), "{case}: a fix is given:\n{text}");
            }
            assert!(!text.contains("panicked"), "{case}:\n{text}");
        }
    }
}

#[test]
fn no_output_file_links_to_a_script_whatever_the_site_says() {
    // Hostile text where text is allowed: the site builds.
    let dir = tempfile::tempdir().expect("temporary folder");
    for text in [
        "javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "\" onmouseover=\"alert(1)",
    ] {
        let fixture = site(None, "", text);
        let output = dir.path().join("out");
        let out = careers(
            &["build", "--output", output.to_str().unwrap()],
            fixture.root(),
        );
        assert!(
            out.status.success(),
            "{text:?}: the site builds:\n{}",
            stderr(&out)
        );
        let found = script_links(&output);
        assert!(found.is_empty(), "{text:?}: {found:#?}");
        fs::remove_dir_all(&output).expect("remove output");
    }
    // Hostile addresses: whichever the generator did not refuse, it must
    // not have published.
    for field in FIELDS {
        for hostile in HOSTILE {
            let fixture = site(Some(field), hostile, "Staff Nurse");
            let out = careers(&["build"], fixture.root());
            if out.status.success() {
                let found = script_links(&fixture.public());
                assert!(
                    found.is_empty(),
                    "{} `{}` = {hostile:?} was published: {found:#?}",
                    field.file,
                    field.key
                );
            }
        }
    }
}

#[test]
fn the_oracle_sees_through_the_tricks() {
    for value in HOSTILE.iter().filter(|v| !v.starts_with("//")) {
        assert!(runs_script(value), "{value:?}");
    }
    assert!(runs_script("&amp;#106;avascript:x"));
    assert!(!runs_script("https://example.nhs.uk/?next=javascript:x"));
}
