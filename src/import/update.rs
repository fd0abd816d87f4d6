//! The vacancy files already in `content/jobs`: their slugs and
//! references, so an import never overwrites one, and `--update`, which
//! changes in the file whose `reference` matches only the front matter
//! fields the source now says differently, line for line, leaving every
//! other line (the body, comments, fields staff added) as it was.

use std::path::{Path, PathBuf};

use super::fields;
use super::write::Field;
use crate::content::yaml::{self, Kind, Value};
use crate::content::{self, frontmatter};
use crate::diagnostics::{Diagnostics, FileReport};
use crate::slug;

/// A vacancy file already in the site.
#[derive(Debug, Clone)]
pub struct Existing {
    pub path: PathBuf,
    /// `content/jobs/nurse.md`
    pub relative: String,
    pub slug: String,
    pub reference: Option<String>,
}

/// Every job file of the site at `root`, read as loosely as possible.
pub fn existing(root: &Path) -> Vec<Existing> {
    let mut problems = Diagnostics::default();
    let sources = content::discover(root, &mut problems);
    let mut found = Vec::new();
    for job in sources.jobs {
        let mut slug = slug::from_file_name(&job.content_path);
        let mut reference = None;
        if let Some(root_value) = front_matter(&job.text)
            && let Kind::Map(entries) = &root_value.kind
        {
            for (key, value) in entries {
                match (key.name.as_str(), &value.kind) {
                    ("slug", Kind::Str(s)) => slug = slug::slugify(s),
                    ("reference", Kind::Str(r)) => reference = Some(r.trim().to_owned()),
                    ("reference", Kind::Int(r)) => reference = Some(r.to_string()),
                    _ => {}
                }
            }
        }
        found.push(Existing {
            path: root.join(&job.path),
            relative: job.path,
            slug,
            reference,
        });
    }
    found
}

fn front_matter(text: &str) -> Option<Value> {
    let mut report = FileReport::new("", text);
    let split = frontmatter::split(text, &mut report)?;
    yaml::parse(split.yaml, split.yaml_line_offset).ok()
}

/// `text` with each of `fields` the source gave (not placeholders) written
/// in where it differs from the file, and the names of those changed.
pub fn update(text: &str, fields: &[Field]) -> (String, Vec<&'static str>) {
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_owned).collect();
    let Some(close) = lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == "---")
        .map(|i| i + 1)
    else {
        return (text.to_owned(), Vec::new());
    };
    let mut end = close;
    let mut changed = Vec::new();
    for field in fields.iter().filter(|f| f.missing.is_none()) {
        let span = span(&lines[1..end], field.name).map(|(a, b)| (a + 1, b + 1));
        let old: String = span.map(|(a, b)| lines[a..b].concat()).unwrap_or_default();
        if span.is_some() && same(&old, &field.lines) {
            continue;
        }
        let new: Vec<String> = field
            .lines
            .split_inclusive('\n')
            .map(str::to_owned)
            .collect();
        let (from, to) = span.unwrap_or_else(|| {
            let at = lines[1..end]
                .iter()
                .position(|l| l.starts_with("draft:"))
                .map_or(end, |i| i + 1);
            (at, at)
        });
        let added = new.len() as isize - (to - from) as isize;
        lines.splice(from..to, new);
        end = (end as isize + added) as usize;
        changed.push(field.name);
    }
    (lines.concat(), changed)
}

/// The lines `[from, to)` of the top-level field `name`.
fn span(lines: &[String], name: &str) -> Option<(usize, usize)> {
    let lead = format!("{name}:");
    let from = lines.iter().position(|l| l.starts_with(&lead))?;
    let len = lines[from + 1..]
        .iter()
        .take_while(|l| l.starts_with([' ', '\t']) || l.starts_with("- "))
        .count();
    Some((from, from + 1 + len))
}

/// Whether two writings of a field say the same.
fn same(old: &str, new: &str) -> bool {
    let read = |text: &str| yaml::parse(text, 0).ok().map(|v| canonical(&v, ""));
    match (read(old), read(new)) {
        (Some(a), Some(b)) => a == b,
        _ => old.trim() == new.trim(),
    }
}

fn canonical(value: &Value, key: &str) -> String {
    match &value.kind {
        Kind::Null => String::new(),
        Kind::Bool(b) => b.to_string(),
        Kind::Int(n) if key == "band" => n.to_string(),
        Kind::Int(n) => (*n as f64).to_string(),
        Kind::Float(f) => f.to_string(),
        Kind::Str(s) => {
            if key == "band" {
                return fields::band(s).unwrap_or_else(|| s.trim().to_lowercase());
            }
            match fields::date(s) {
                Some(date)
                    if s.trim().len() <= 30
                        && matches!(key, "posted" | "closes" | "start_date") =>
                {
                    date.to_string()
                }
                _ => s.trim().to_lowercase(),
            }
        }
        Kind::Seq(items) => {
            let items: Vec<String> = items.iter().map(|i| canonical(i, key)).collect();
            format!("[{}]", items.join(","))
        }
        Kind::Map(entries) => {
            let mut parts: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{}={}", k.name, canonical(v, &k.name)))
                .collect();
            parts.sort();
            format!("{{{}}}", parts.join(","))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_only_what_differs() {
        let text = "---\ntitle: Nurse\ncloses: 28 January 2027\nsalary:\n  min: 1\n# mine\ndraft: true\n---\nBody\n";
        let fields = [
            Field {
                name: "title",
                lines: "title: Nurse\n".into(),
                missing: None,
            },
            Field {
                name: "closes",
                lines: "closes: 2027-02-03\n".into(),
                missing: None,
            },
            Field {
                name: "salary",
                lines: "salary:\n  min: 1\n".into(),
                missing: None,
            },
            Field {
                name: "band",
                lines: "band: \"[[band]]\"\n".into(),
                missing: Some("band"),
            },
        ];
        let (new, changed) = update(text, &fields);
        assert_eq!(changed, ["closes"]);
        assert_eq!(new, text.replace("28 January 2027", "2027-02-03"));
        let same_date = [Field {
            name: "closes",
            lines: "closes: 2027-01-28\n".into(),
            missing: None,
        }];
        assert!(update(text, &same_date).1.is_empty());
    }
}
