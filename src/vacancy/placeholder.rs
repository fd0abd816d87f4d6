//! Placeholders: text in `[[double brackets]]` that `careers new` and
//! `careers import` leave for staff to fill in. A draft may keep them, even
//! in place of a required date or employer, and its preview says what is
//! left (`ToFill`); an advert that is no longer a draft may not, so a
//! half-written advert is never published.

use jiff::civil::Date;

use crate::content::yaml::{Kind, Value};
use crate::diagnostics::{FileReport, Position};

/// One placeholder a draft still has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToFill {
    /// The front matter field (`closes`, `contact.name`); `None` in the
    /// advert text.
    pub field: Option<String>,
    /// As written: `[[closing date]]`.
    pub placeholder: String,
}

impl ToFill {
    /// What to fill in, in words: "closing date", or "the advert text".
    pub fn what(&self) -> String {
        match &self.field {
            Some(_) => short(&self.placeholder)
                .trim_start_matches("[[")
                .trim_end_matches("]]")
                .trim()
                .to_owned(),
            None => "the advert text".to_owned(),
        }
    }
}

/// The day a draft's posted or closing date stands at while it is a
/// placeholder: far ahead, so the draft sorts first among previews and is
/// never "closing soon". Pages show the placeholder instead.
pub const STAND_IN_DAY: Date = jiff::civil::date(2999, 12, 31);

/// The placeholder that is the whole of `value` (`"[[closing date]]"`).
pub(super) fn whole(value: &Value) -> Option<&str> {
    let Kind::Str(text) = &value.kind else {
        return None;
    };
    let text = text.trim();
    match find(text).as_slice() {
        [(0, placeholder)] if placeholder.len() == text.len() => Some(text),
        _ => None,
    }
}

/// Every placeholder of a draft: in the front matter (`root`), then in the
/// body, each field and the advert text named once.
pub(super) fn to_fill(root: &Value, body: &str) -> Vec<ToFill> {
    let mut found: Vec<ToFill> = Vec::new();
    walk(root, "", &mut |key, _, placeholder| {
        if !found.iter().any(|t| t.field.as_deref() == Some(key)) {
            found.push(ToFill {
                field: Some(key.to_owned()),
                placeholder: placeholder.to_owned(),
            });
        }
    });
    if let Some((_, placeholder)) = body.lines().flat_map(find).next() {
        found.push(ToFill {
            field: None,
            placeholder: placeholder.to_owned(),
        });
    }
    found
}

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
    walk(value, key, &mut |key, value, placeholder| {
        report.error(
            value.at,
            format!("`{key}` still has the placeholder {}", short(placeholder)),
            HINT,
        );
    });
}

/// Calls `found` with the key, the value and its first placeholder, for
/// every string value under `value` that has one.
fn walk<'v>(value: &'v Value, key: &str, found: &mut dyn FnMut(&str, &'v Value, &'v str)) {
    match &value.kind {
        Kind::Str(text) => {
            if let Some((_, placeholder)) = find(text).first() {
                found(key, value, placeholder);
            }
        }
        Kind::Seq(items) => {
            for item in items {
                walk(item, key, found);
            }
        }
        Kind::Map(entries) => {
            for (k, v) in entries {
                let name = if key.is_empty() {
                    k.name.clone()
                } else {
                    format!("{key}.{}", k.name)
                };
                walk(v, &name, found);
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
    fn a_whole_placeholder_and_what_a_draft_has_left() {
        let root = crate::content::yaml::parse(
            "closes: \"[[closing date]]\"\nposted: \"on [[day]]\"\ncontact:\n  name: \"[[name]]\"\n  role: \"[[role]]\"\n",
            1,
        )
        .unwrap();
        let Kind::Map(entries) = &root.kind else {
            panic!()
        };
        assert_eq!(whole(&entries[0].1), Some("[[closing date]]"));
        assert_eq!(whole(&entries[1].1), None);
        let left = to_fill(&root, "text\n[[duty]] and [[more]]\n");
        let what: Vec<String> = left.iter().map(ToFill::what).collect();
        assert_eq!(
            what,
            ["closing date", "day", "name", "role", "the advert text"]
        );
        assert_eq!(left[2].field.as_deref(), Some("contact.name"));
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
