//! Reading named fields out of a YAML mapping, reporting every unknown,
//! missing or mistyped field with its place and a suggested fix.

use crate::diagnostics::{FileReport, Position};
use crate::schema::FieldSpec;

use super::yaml::{Key, Kind, Value};

/// A YAML mapping whose keys have been checked against the known names.
pub struct Fields<'v> {
    entries: &'v [(Key, Value)],
    /// Known names suggested for misspelt keys: already reported, so not
    /// reported again as missing.
    suggested: Vec<String>,
    /// Where the mapping starts, for "missing field" errors.
    pub at: Position,
}

impl<'v> Fields<'v> {
    /// Reads `value` as a group of the fields `known` describes. `what`
    /// names the group in messages ("the front matter", "a location").
    pub fn new(
        value: &'v Value,
        what: &str,
        known: &[FieldSpec],
        report: &mut FileReport,
    ) -> Option<Self> {
        let known: Vec<&str> = known.iter().map(|field| field.name).collect();
        let known = known.as_slice();
        let Kind::Map(entries) = &value.kind else {
            report.error(
                value.at,
                format!(
                    "{what} should be a group of `name: value` lines, but is {}",
                    value.kind.describe()
                ),
                format!(
                    "write each field on its own line as `name: value`; the fields are {}",
                    list_names(known)
                ),
            );
            return None;
        };
        let mut suggested = Vec::new();
        for (key, _) in entries {
            if !known.contains(&key.name.as_str()) {
                let near = nearest(&key.name, known);
                suggested.extend(near.map(str::to_owned));
                let hint = did_you_mean(near, Quote::Code, "", || {
                    format!("the fields of {what} are {}", list_names(known))
                });
                report.error(
                    key.at,
                    format!("`{}` is not a field of {what}", key.name),
                    hint,
                );
            }
        }
        Some(Self {
            entries,
            suggested,
            at: value.at,
        })
    }

    /// The value of `key`, if given and not empty.
    pub fn get(&self, key: &str) -> Option<&'v Value> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v)
            .filter(|v| v.kind != Kind::Null)
    }

    /// Where `key` itself was written, if present (even if empty).
    pub fn key_at(&self, key: &str) -> Option<Position> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(k, _)| k.at)
    }

    /// Whether `key` is absent but a misspelling of it was reported ("`closing`
    /// is not a field: did you mean `closes`?"), so saying it is missing too
    /// would only repeat that.
    pub fn misspelt(&self, key: &str) -> bool {
        self.key_at(key).is_none() && self.suggested.iter().any(|s| s == key)
    }

    /// The value of `key`, reporting it as missing if absent or empty.
    pub fn required(&self, key: &str, report: &mut FileReport, example: &str) -> Option<&'v Value> {
        let value = self.get(key);
        if value.is_none() && !self.misspelt(key) {
            let at = self.key_at(key).unwrap_or(self.at);
            let message = if self.key_at(key).is_some() {
                format!("`{key}` is empty")
            } else {
                format!("the required field `{key}` is missing")
            };
            report.error(
                at,
                message,
                format!("add a line such as `{key}: {example}`"),
            );
        }
        value
    }

    pub fn text(&self, key: &str, report: &mut FileReport) -> Option<Spanned<String>> {
        self.get(key).and_then(|v| text(v, key, report))
    }

    pub fn flag(&self, key: &str, report: &mut FileReport) -> Option<bool> {
        let value = self.get(key)?;
        match value.kind {
            Kind::Bool(b) => Some(b),
            _ => {
                report.error(
                    value.at,
                    format!(
                        "`{key}` should be true or false, but is {}",
                        value.kind.describe()
                    ),
                    format!("write `{key}: true` or `{key}: false`"),
                );
                None
            }
        }
    }
}

/// A value read from front matter, with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub at: Position,
}

/// Reads a scalar as text; numbers are accepted as written (`reference: 1234`).
pub fn text(value: &Value, field: &str, report: &mut FileReport) -> Option<Spanned<String>> {
    let text = match &value.kind {
        Kind::Str(s) => s.trim().to_owned(),
        Kind::Int(i) => i.to_string(),
        Kind::Float(f) => f.to_string(),
        other => {
            report.error(
                value.at,
                format!("`{field}` should be text, but is {}", other.describe()),
                format!("write it on one line after `{field}:`; put it in quotes if it starts with a special character"),
            );
            return None;
        }
    };
    Some(Spanned {
        value: text,
        at: value.at,
    })
}

/// Reads a number (whole or with decimals).
pub fn number(value: &Value, field: &str, report: &mut FileReport) -> Option<Spanned<f64>> {
    let number = match &value.kind {
        Kind::Int(i) => *i as f64,
        Kind::Float(f) => *f,
        Kind::Str(s) => match s
            .trim()
            .trim_start_matches('£')
            .replace(',', "")
            .parse::<f64>()
        {
            Ok(n) => n,
            Err(_) => {
                report.error(
                    value.at,
                    format!("`{field}` should be a number, but is \"{s}\""),
                    format!("write just the figure, e.g. `{field}: 37.5`"),
                );
                return None;
            }
        },
        other => {
            report.error(
                value.at,
                format!("`{field}` should be a number, but is {}", other.describe()),
                format!("write just the figure, e.g. `{field}: 37.5`"),
            );
            return None;
        }
    };
    if !number.is_finite() {
        report.error(
            value.at,
            format!("`{field}` is not a usable number"),
            "write an ordinary figure",
        );
        return None;
    }
    Some(Spanned {
        value: number,
        at: value.at,
    })
}

/// A single value or a list of them, as a list: `tags: nursing` and
/// `tags: [nursing]` mean the same.
pub fn one_or_many(value: &Value) -> Vec<&Value> {
    match &value.kind {
        Kind::Seq(items) => items.iter().filter(|v| v.kind != Kind::Null).collect(),
        Kind::Null => Vec::new(),
        _ => vec![value],
    }
}

/// The known name closest to a misspelt one, if any is close enough.
pub fn nearest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    let lower = name.to_lowercase();
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(&lower, k), *k))
        .filter(|(score, k)| *score >= 0.84 || strsim::levenshtein(&lower, k) <= 2)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// How a suggested name is quoted in a hint: as code (`period`) or as a
/// name in words ("Kent Community Health").
#[derive(Debug, Clone, Copy)]
pub enum Quote {
    Code,
    Name,
}

/// The one "did you mean" hint: with a near name, "did you mean `x`?"
/// followed by `then`; without one, `otherwise`.
pub fn did_you_mean(
    near: Option<&str>,
    quote: Quote,
    then: &str,
    otherwise: impl FnOnce() -> String,
) -> String {
    let Some(near) = near else {
        return otherwise();
    };
    let near = match quote {
        Quote::Code => format!("`{near}`"),
        Quote::Name => format!("\"{near}\""),
    };
    if then.is_empty() {
        format!("did you mean {near}?")
    } else {
        format!("did you mean {near}? {then}")
    }
}

/// A value that must be one of `names`, read with `parse`; anything else
/// is reported with the nearest name and the whole list.
pub fn choice<T>(
    text: Spanned<String>,
    key: &str,
    names: &[&str],
    parse: fn(&str) -> Option<T>,
    report: &mut FileReport,
) -> Option<T> {
    let parsed = parse(&text.value);
    if parsed.is_none() {
        let takes = format!("`{key}` takes one of: {}", names.join(", "));
        let hint = did_you_mean(nearest(&text.value, names), Quote::Code, &takes, || {
            takes.clone()
        });
        report.error(
            text.at,
            format!("\"{}\" is not a value `{key}` takes", text.value),
            hint,
        );
    }
    parsed
}

fn list_names(known: &[&str]) -> String {
    known
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_field() {
        let known = ["title", "closes", "posted", "base_url"];
        assert_eq!(nearest("closing", &known), Some("closes"));
        assert_eq!(nearest("base_ulr", &known), Some("base_url"));
        assert_eq!(nearest("Title", &known), Some("title"));
        assert_eq!(nearest("zzz", &known), None);
        assert_eq!(nearest("twitter", &known), None, "not `title`");
    }
}
