//! Feeds whole job files through front matter splitting, YAML parsing and
//! validation: whatever a comms officer saves must give a vacancy or
//! diagnostics, never a panic.
#![no_main]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use careers::config::SiteConfig;
use careers::content::SourceFile;
use careers::vacancy::{ParseContext, parse};
use libfuzzer_sys::fuzz_target;

fn config() -> &'static SiteConfig {
    static CONFIG: OnceLock<SiteConfig> = OnceLock::new();
    CONFIG.get_or_init(SiteConfig::fallback)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = SourceFile {
        path: "content/jobs/fuzz.md".to_owned(),
        content_path: "jobs/fuzz.md".to_owned(),
        text: text.to_owned(),
    };
    let documents = BTreeMap::from([("documents/jd.pdf".to_owned(), 1024)]);
    let cx = ParseContext {
        config: config(),
        documents: &documents,
    };
    let (vacancy, diagnostics) = parse(&source, &cx);
    // A vacancy comes back exactly when there is no error.
    assert_eq!(vacancy.is_some(), !diagnostics.iter().any(|d| d.is_error()));
    for d in &diagnostics {
        let _ = d.render(careers::diagnostics::Style::Plain);
    }
});
