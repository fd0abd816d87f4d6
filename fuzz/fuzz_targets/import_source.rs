//! Feeds sources through `careers import`'s readers (text, a saved page,
//! search XML; the first byte chooses) and its writer: no panic, the front
//! matter written always reads back as YAML, no tag of the source reaches
//! the advert text (every `<` in the body is escaped), and the file written
//! is a draft that the build accepts as it is, placeholders and all (what
//! `careers build --drafts` and `serve` promise for an imported file).
#![no_main]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use careers::config::SiteConfig;
use careers::content::{SourceFile, yaml};
use careers::import::{self, write};
use careers::vacancy::{ParseContext, parse};
use libfuzzer_sys::fuzz_target;

fn config() -> &'static SiteConfig {
    static CONFIG: OnceLock<SiteConfig> = OnceLock::new();
    CONFIG.get_or_init(SiteConfig::fallback)
}

fuzz_target!(|data: &[u8]| {
    let Some((first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let kind = ["", "html", "xml"][*first as usize % 3];
    let Ok(adverts) = import::read_text(text, kind) else {
        return;
    };
    for advert in adverts {
        let fields = write::fields(&advert, Some(config()));
        let file = write::file_text(&advert, &fields, false);
        let yaml_text = file
            .strip_prefix("---\n")
            .and_then(|t| t.split_once("\n---\n"))
            .map(|(yaml, _)| format!("{yaml}\n"))
            .expect("front matter between --- lines");
        if let Err(err) = yaml::parse(&yaml_text, 1) {
            panic!("unreadable front matter ({err:?}):\n{yaml_text}");
        }
        let body = write::body_text(&advert);
        assert!(!body.contains('<'), "a raw `<` in the body:\n{body}");

        let source = SourceFile {
            path: "content/jobs/imported.md".to_owned(),
            content_path: "jobs/imported.md".to_owned(),
            text: file.clone(),
        };
        let documents = BTreeMap::new();
        let cx = ParseContext {
            config: config(),
            documents: &documents,
        };
        let (vacancy, diagnostics) = parse(&source, &cx);
        if vacancy.is_none() {
            let problems: Vec<String> = diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.render(careers::diagnostics::Style::Plain))
                .collect();
            panic!("the imported draft does not build:\n{}\n{file}", problems.join("\n"));
        }
    }
});
