//! The field tables of docs/content.md are made from the description of
//! the fields (`careers::schema`), so the guide says what the parser does.
//! Each table sits between `<!-- fields:ID:start -->` and
//! `<!-- fields:ID:end -->`; `UPDATE_DOCS=1 cargo test --test field_docs`
//! writes them again.

use std::collections::BTreeSet;
use std::path::Path;

use careers::schema::{FieldSet, FieldSpec, Form, Needed, PAGE, SITE, VACANCY};

const UPDATE: &str = "UPDATE_DOCS=1 cargo test --test field_docs";

/// Every table the docs hold, by marker id, in the order they are made.
fn tables() -> Vec<(String, String)> {
    let mut tables = Vec::new();
    let mut seen = BTreeSet::new();
    for set in [&SITE, &VACANCY, &PAGE] {
        add_tables(set, &mut tables, &mut seen);
    }
    tables
}

fn add_tables(
    set: &'static FieldSet,
    tables: &mut Vec<(String, String)>,
    seen: &mut BTreeSet<&'static str>,
) {
    if !seen.insert(set.id) {
        return;
    }
    let mut sections: Vec<&str> = Vec::new();
    for field in set.fields {
        if !sections.contains(&field.section) {
            sections.push(field.section);
        }
    }
    for section in sections {
        let fields: Vec<&FieldSpec> = set.fields.iter().filter(|f| f.section == section).collect();
        let id = if section.is_empty() {
            set.id.to_owned()
        } else {
            format!("{}:{section}", set.id)
        };
        tables.push((id, table(&fields)));
    }
    for field in set.fields {
        for nested in groups(field.forms) {
            add_tables(nested, tables, seen);
        }
    }
}

fn groups(forms: &'static [Form]) -> Vec<&'static FieldSet> {
    let mut found = Vec::new();
    for form in forms {
        match form {
            Form::Group(set) => found.push(*set),
            Form::ListOf(items) => found.extend(groups(items)),
            _ => {}
        }
    }
    found
}

fn table(fields: &[&FieldSpec]) -> String {
    let defaults = fields.iter().any(|f| f.default.is_some());
    let mut out = String::from("| Field | Needed? | Takes |");
    out.push_str(if defaults { " Default |" } else { "" });
    out.push_str(" Example | What it does |\n|---|---|---|");
    out.push_str(if defaults { "---|" } else { "" });
    out.push_str("---|---|\n");
    for field in fields {
        let needed = match field.needed {
            Needed::Required => "**required**".to_owned(),
            Needed::Optional => "optional".to_owned(),
            Needed::Unless(condition) => format!("required unless {condition}"),
        };
        out.push_str(&format!(
            "| `{}` | {needed} | {} |",
            field.name,
            takes(field.forms)
        ));
        if defaults {
            let default = match (field.default, field.needed) {
                (Some(value), _) => format!("`{value}`"),
                (None, Needed::Optional) => "none".to_owned(),
                (None, _) => String::new(),
            };
            out.push_str(&format!(" {default} |"));
        }
        let example = if field.example.is_empty() {
            String::new()
        } else {
            format!("`{}: {}`", field.name, field.example)
        };
        out.push_str(&format!(" {example} | {} |\n", field.doc));
    }
    out
}

/// The forms a value takes, in words: "text, or a list of them".
fn takes(forms: &[Form]) -> String {
    let (lists, single): (Vec<&Form>, Vec<&Form>) =
        forms.iter().partition(|f| matches!(f, Form::ListOf(_)));
    let single_words: Vec<String> = single.iter().map(|f| form(f)).collect();
    let mut words = single_words.clone();
    for list in lists {
        let Form::ListOf(items) = list else {
            unreachable!()
        };
        let items: Vec<String> = items.iter().map(form).collect();
        if items == single_words {
            words.push("a list of them".to_owned());
        } else {
            words.push(format!("a list, each {}", items.join(" or ")));
        }
    }
    match words.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{}, or {last}", rest.join(", ")),
        _ => words.join(""),
    }
}

fn form(written: &Form) -> String {
    match written {
        Form::Text => "text".to_owned(),
        Form::Number => "a number".to_owned(),
        Form::WholeNumber => "a whole number".to_owned(),
        Form::Flag => "`true` or `false`".to_owned(),
        Form::Date => "a date (see [section 5](#5-dates-and-times))".to_owned(),
        Form::DateOrTime => {
            "a date, or a date and time (see [section 5](#5-dates-and-times))".to_owned()
        }
        Form::Clock => "a time on the 24-hour clock, in quotes".to_owned(),
        Form::TimeZone => "a time zone name".to_owned(),
        Form::Band => {
            "an Agenda for Change band (`6`, `\"8a\"`, `Band 6`) or a grade in words".to_owned()
        }
        Form::WebAddress => "a full web address starting `https://` (or `http://`)".to_owned(),
        Form::Document => "a file in `content/documents`".to_owned(),
        Form::Slug => "words joined by hyphens".to_owned(),
        Form::Email => "an email address".to_owned(),
        Form::Phone => "a phone number".to_owned(),
        Form::OneOf(names) => {
            let names: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            match names.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("one of {} or {last}", rest.join(", ")),
                None => String::new(),
            }
        }
        Form::Group(set) => {
            let names: Vec<String> = set.fields.iter().map(|f| format!("`{}`", f.name)).collect();
            format!("a group of {} (below)", names.join(", "))
        }
        Form::ListOf(items) => {
            let items: Vec<String> = items.iter().map(form).collect();
            format!("a list, each {}", items.join(" or "))
        }
    }
}

fn marker(id: &str, end: &str) -> String {
    format!("<!-- fields:{id}:{end} -->")
}

/// The docs with every table written again from the description; errors
/// name markers that are missing or unknown.
fn regenerate(docs: &str) -> Result<String, Vec<String>> {
    let tables = tables();
    let mut problems = Vec::new();
    let mut out = docs.to_owned();
    for (id, table) in &tables {
        let (start, end) = (marker(id, "start"), marker(id, "end"));
        let (Some(from), Some(to)) = (out.find(&start), out.find(&end)) else {
            problems.push(format!(
                "docs/content.md has no `{start}` ... `{end}` for the fields of {id}"
            ));
            continue;
        };
        let from = from + start.len();
        if to < from {
            problems.push(format!("`{end}` comes before `{start}`"));
            continue;
        }
        out.replace_range(from..to, &format!("\n{table}"));
    }
    let known: BTreeSet<String> = tables.iter().map(|(id, _)| id.clone()).collect();
    for line in docs.lines() {
        let Some(id) = line
            .strip_prefix("<!-- fields:")
            .and_then(|rest| rest.strip_suffix(":start -->"))
        else {
            continue;
        };
        if !known.contains(id) {
            problems.push(format!(
                "docs/content.md marks a table `{id}` that src/schema does not describe"
            ));
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

#[test]
fn the_field_tables_in_the_docs_are_made_from_the_description() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/content.md");
    let docs = std::fs::read_to_string(&path).unwrap();
    let wanted = match regenerate(&docs) {
        Ok(wanted) => wanted,
        Err(problems) => panic!("{}", problems.join("\n")),
    };
    if wanted == docs {
        return;
    }
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &wanted).unwrap();
        return;
    }
    let differ = docs
        .lines()
        .zip(wanted.lines())
        .enumerate()
        .find(|(_, (have, want))| have != want)
        .map(|(n, (have, want))| {
            format!(
                "line {}:\n  the docs say:       {have}\n  the fields say:     {want}",
                n + 1
            )
        })
        .unwrap_or_else(|| "the docs have more or fewer lines".to_owned());
    panic!(
        "the field tables in docs/content.md differ from the description in src/schema\n\
         {differ}\n\
         change the description (src/schema/*.rs), not the tables, then run `{UPDATE}` to write them again"
    );
}
