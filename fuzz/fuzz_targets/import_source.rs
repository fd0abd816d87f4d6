//! Feeds sources through `careers import`'s readers (text, a saved page,
//! search XML; the first byte chooses) and its writer: no panic, the front
//! matter written always reads back as YAML, and no tag of the source
//! reaches the advert text (every `<` in the body is escaped).
#![no_main]

use careers::content::yaml;
use careers::import::{self, write};
use libfuzzer_sys::fuzz_target;

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
        let fields = write::fields(&advert, None);
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
    }
});
