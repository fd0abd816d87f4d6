//! Placeholders: text in `[[double brackets]]` that `careers new` leaves
//! for staff to fill in. A draft may keep them; an advert that is no
//! longer a draft may not, so a half-written advert is never published.

use crate::content::yaml::{Kind, Value};
use crate::diagnostics::{FileReport, Position};

/// The placeholders of one line: each one's 0-based character column and
/// text (`[[reference]]`).
pub fn find(line: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = line[from..].find("[[").map(|i| i + from) {
        let Some(close) = line[open + 2..].find("]]").map(|i| i + open + 2) else {
            break;
        };
        let inner = &line[open + 2..close];
        if inner.trim().is_empty() || inner.contains('[') {
            from = open + 1;
            continue;
        }
        found.push((line[..open].chars().count(), &line[open..close + 2]));
        from = close + 2;
    }
    found
}

/// Reports every placeholder left in the front matter (`root`) and in the
/// body, whose first line is `body_first_line` of the file.
pub(super) fn check(root: &Value, body: &str, body_first_line: usize, report: &mut FileReport) {
    check_value(root, "", report);
    for (i, line) in body.lines().enumerate() {
        for (column, text) in find(line) {
            report.error(
                Position::new(body_first_line + i, column + 1),
                format!("the advert text still has the placeholder {}", short(text)),
                HINT,
            );
        }
    }
}

/// A long placeholder cut down for a message: `[[Two or three...]]`.
fn short(placeholder: &str) -> String {
    const KEEP: usize = 40;
    if placeholder.chars().count() <= KEEP {
        return placeholder.to_owned();
    }
    let start: String = placeholder.chars().take(KEEP - 5).collect();
    format!("{}...]]", start.trim_end())
}

const HINT: &str = "replace it with the real text (or delete it); or put back `draft: true` until the advert is ready";

fn check_value(value: &Value, key: &str, report: &mut FileReport) {
    match &value.kind {
        Kind::Str(text) => {
            if let Some((_, placeholder)) = find(text).first() {
                report.error(
                    value.at,
                    format!("`{key}` still has the placeholder {}", short(placeholder)),
                    HINT,
                );
            }
        }
        Kind::Seq(items) => {
            for item in items {
                check_value(item, key, report);
            }
        }
        Kind::Map(entries) => {
            for (k, v) in entries {
                let name = if key.is_empty() {
                    k.name.clone()
                } else {
                    format!("{key}.{}", k.name)
                };
                check_value(v, &name, report);
            }
        }
        Kind::Null | Kind::Bool(_) | Kind::Int(_) | Kind::Float(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_placeholders() {
        assert_eq!(find("a [[x]] b [[y z]]"), [(2, "[[x]]"), (10, "[[y z]]")]);
        assert_eq!(find("Tŷ [[x]]"), [(3, "[[x]]")]);
        assert!(find("no [[ ]] or [[unclosed").is_empty());
        assert!(find("[link](x) [a] [b]").is_empty());
    }

    #[test]
    fn reports_fields_and_body_lines() {
        let text = "---\ntitle: A\nreference: \"[[ref]]\"\ncontact:\n  name: \"[[name]]\"\n---\nok\n- [[duty]]\n";
        let root = crate::content::yaml::parse(
            "title: A\nreference: \"[[ref]]\"\ncontact:\n  name: \"[[name]]\"\n",
            1,
        )
        .unwrap();
        let mut report = FileReport::new("content/jobs/a.md", text);
        check(&root, "ok\n- [[duty]]\n", 7, &mut report);
        let found: Vec<_> = report
            .diagnostics
            .iter()
            .map(|d| {
                (
                    d.position.unwrap().line,
                    d.position.unwrap().column,
                    d.message.as_str(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (3, 12, "`reference` still has the placeholder [[ref]]"),
                (5, 9, "`contact.name` still has the placeholder [[name]]"),
                (8, 3, "the advert text still has the placeholder [[duty]]"),
            ]
        );
    }
}
