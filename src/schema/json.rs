//! The JSON Schema (draft 2020-12) of a vacancy's front matter and of
//! `site.yaml`, made from the field descriptions of this module, for
//! editors that check fields while you type and for validators in CI.
//!
//! Each [`Form`] maps to what the parser accepts for it: the three date
//! forms and date-times of `calendar`, a band as `6`, `"8a"` or a grade in
//! words, the other spellings of contracts and working patterns, web
//! addresses by the one URL rule. The few limits the parser checks beyond a
//! field's form (pay above £0, up to 10 sites) are listed in [`LIMITS`].
//! What no schema can know (whether a date exists in a non-leap year,
//! whether a document file is there, another file's `employer`) is left to
//! `careers check`.

use serde_json::{Map, Value, json};

use super::{FieldSet, FieldSpec, Form, Needed, SITE, VACANCY};
use crate::content::yaml::{self, Kind};
use crate::vacancy::{Contract, DbsCheck, PayPeriod, WorkingPattern};

/// The JSON Schema dialect every schema declares.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The schema of a vacancy's front matter.
pub fn vacancy() -> Value {
    let mut schema = document(
        &VACANCY,
        "A vacancy's front matter",
        "The fields between the --- lines at the top of a job file in content/jobs/.",
    );
    // Exactly one of `location` and `locations`, given and not empty.
    let given = |name: &str| json!({ "required": [name], "properties": { name: { "not": { "type": "null" } } } });
    schema["oneOf"] = json!([given("location"), given("locations")]);
    schema
}

/// The schema of `content/site.yaml`.
pub fn site() -> Value {
    document(
        &SITE,
        "A careers site's settings",
        "content/site.yaml: the site's name, address, employer and how adverts are published.",
    )
}

/// The schema as a file holds it: pretty JSON ending in a newline.
pub fn to_text(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("a JSON value serialises");
    text.push('\n');
    text
}

fn document(set: &FieldSet, title: &str, description: &str) -> Value {
    let mut schema = group(set);
    let object = schema.as_object_mut().expect("a group is an object");
    let mut top = Map::new();
    top.insert("$schema".into(), json!(DIALECT));
    top.insert("title".into(), json!(title));
    top.insert("description".into(), json!(description));
    top.append(object);
    Value::Object(top)
}

/// A group of fields: an object holding only them, with its required ones.
fn group(set: &FieldSet) -> Value {
    let mut properties = Map::new();
    for field in set.fields {
        properties.insert(field.name.to_owned(), property(set, field));
    }
    let required: Vec<&str> = set
        .fields
        .iter()
        .filter(|f| f.needed == Needed::Required)
        .map(|f| f.name)
        .collect();
    let mut schema = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    schema
}

fn property(set: &FieldSet, field: &FieldSpec) -> Value {
    let limit = LIMITS
        .iter()
        .find(|(id, name, _)| *id == set.id && *name == field.name)
        .map(|(_, _, limit)| limit);
    // `salary:` written as text is read as a group, not a figure.
    let has_group = field.group().is_some();
    let mut alternatives: Vec<Value> = field
        .forms
        .iter()
        .map(|form| form_schema(form, limit, has_group))
        .collect();
    // An empty optional field is as if it were not there.
    if field.needed != Needed::Required {
        alternatives.push(json!({ "type": "null" }));
    }
    let mut schema = Map::new();
    let description = if field.note.is_empty() {
        first_sentence(field.doc)
    } else {
        field.note.to_owned()
    };
    schema.insert("description".into(), json!(description));
    schema.insert("markdownDescription".into(), json!(field.doc));
    if let Some(default) = field.default.and_then(|d| written_value(field.name, d)) {
        schema.insert("default".into(), default);
    }
    if let Some(example) = written_value(field.name, field.example) {
        schema.insert("examples".into(), json!([example]));
    }
    if alternatives.len() == 1 {
        let only = alternatives.pop().expect("one alternative");
        schema.extend(only.as_object().expect("a form is an object").clone());
    } else {
        schema.insert("anyOf".into(), Value::Array(alternatives));
    }
    Value::Object(schema)
}

/// The schema of one form. `limit` is the field's own limit, if any;
/// `in_group_field` says a text value would be read as the group instead.
fn form_schema(form: &Form, limit: Option<&Limit>, in_group_field: bool) -> Value {
    match form {
        Form::Text => match limit {
            Some(Limit::NotBlank) => {
                json!({ "type": ["string", "number"], "pattern": "[^\\s]" })
            }
            Some(Limit::Sites) => {
                json!({ "type": ["string", "number"], "pattern": HAS_LETTER_OR_DIGIT })
            }
            _ => json!({ "type": ["string", "number"] }),
        },
        Form::Number => {
            let mut figure = json!({ "type": "number" });
            let mut text = json!({ "type": "string", "pattern": number_text(false) });
            if let Some(Limit::Between { above, most }) = limit {
                figure["exclusiveMinimum"] = json!(above);
                figure["maximum"] = json!(most);
                // Only the sign of a figure written as text can be checked.
                text["pattern"] = json!(number_text(true));
            }
            if in_group_field {
                figure
            } else {
                json!({ "anyOf": [figure, text] })
            }
        }
        Form::WholeNumber => json!({ "anyOf": [
            { "type": "integer", "minimum": 0 },
            { "type": "string", "pattern": "^\\s*£*[+]?,*[0-9][0-9,]*(\\.0*)?\\s*$" },
        ] }),
        Form::Flag => json!({ "type": "boolean" }),
        Form::Date => json!({ "type": "string", "pattern": date_pattern() }),
        Form::DateOrTime => json!({ "type": "string", "anyOf": [
            { "pattern": date_pattern() },
            { "pattern": date_time_pattern() },
        ] }),
        Form::Clock => json!({ "type": "string", "pattern": clock_pattern() }),
        Form::TimeZone => json!({ "type": "string", "pattern": "[A-Za-z]" }),
        Form::Band => json!({ "anyOf": [
            { "enum": [1, 2, 3, 4, 5, 6, 7, 9] },
            { "type": "string", "pattern": agenda_for_change_pattern() },
            {
                "type": "string",
                "pattern": HAS_LETTER_OR_DIGIT,
                "not": { "type": "string", "pattern": "^\\s*([Bb][Aa][Nn][Dd]|[0-9])" },
            },
        ] }),
        Form::WebAddress => json!({ "type": "string", "pattern": web_address_pattern() }),
        Form::Document => json!({
            "type": "string",
            "pattern": "^\\s*(\\./)*(content/)?documents/",
            "not": { "type": "string", "pattern": "(^|[/\\\\])\\.\\.([/\\\\]|$)" },
        }),
        Form::Slug => json!({
            "type": ["string", "number"],
            "pattern": HAS_LETTER_OR_DIGIT,
            "not": { "type": "string", "pattern": "\\.\\.|[/\\\\]" },
        }),
        Form::Email => json!({ "type": "string", "pattern": email_pattern() }),
        Form::Phone => json!({ "type": ["string", "integer"], "pattern": phone_pattern() }),
        Form::OneOf(names) => json!({ "anyOf": [
            { "enum": names },
            { "type": "string", "pattern": spellings_pattern(names) },
        ] }),
        Form::Group(set) => group(set),
        Form::ListOf(items) => {
            let items: Vec<Value> = items
                .iter()
                .map(|item| form_schema(item, limit, false))
                .collect();
            let mut list = json!({ "type": "array" });
            list["items"] = match <[Value; 1]>::try_from(items) {
                Ok([only]) => only,
                Err(items) => json!({ "anyOf": items }),
            };
            if let Some(Limit::Sites) = limit {
                list["minItems"] = json!(1);
                list["maxItems"] = json!(MAX_SITES);
            }
            list
        }
    }
}

/// What the parser checks of a field beyond its form.
#[derive(Debug)]
pub enum Limit {
    /// Text with something in it besides spaces (`title: " "` is refused).
    NotBlank,
    /// A figure more than `above` and at most `most`.
    Between { above: f64, most: f64 },
    /// A town or a list of 1 to [`MAX_SITES`] sites; a town needs a letter.
    Sites,
}

/// As many sites as an advert may list (`vacancy::parse`).
pub const MAX_SITES: usize = 10;

/// The limits of `vacancy/parse.rs`, by group id and field name.
pub const LIMITS: &[(&str, &str, Limit)] = &[
    ("vacancy", "title", Limit::NotBlank),
    ("vacancy", "reference", Limit::NotBlank),
    (
        "vacancy",
        "hours",
        Limit::Between {
            above: 0.0,
            most: 100.0,
        },
    ),
    ("vacancy", "salary", PAY),
    ("vacancy.salary", "min", PAY),
    ("vacancy.salary", "max", PAY),
    ("vacancy", "location", Limit::Sites),
    ("vacancy", "locations", Limit::Sites),
    ("vacancy.locations", "town", Limit::Sites),
];

const PAY: Limit = Limit::Between {
    above: 0.0,
    most: 1_000_000.0,
};

/// A letter or digit that a web address can be made from (any letter past
/// ASCII is folded to one: `Môn` is `mon`).
const HAS_LETTER_OR_DIGIT: &str = "[A-Za-z0-9\\u00C0-\\uFFFF]";

/// The other spellings each type's parser accepts, besides its names; in
/// the form `normalise` makes of them (lower case, `-` for ` ` and `_`).
pub fn spellings(names: &[&str]) -> &'static [&'static str] {
    if names == Contract::NAMES {
        &["fixed", "temporary", "apprentice"]
    } else if names == WorkingPattern::NAMES {
        &[
            "fulltime",
            "parttime",
            "flexible-working",
            "jobshare",
            "shift",
            "shift-work",
            "night",
            "weekend",
        ]
    } else if names == DbsCheck::NAMES {
        &["no"]
    } else if names == PayPeriod::NAMES {
        &[
            "annum", "annual", "yearly", "monthly", "weekly", "daily", "hourly",
        ]
    } else {
        &[]
    }
}

/// Every spelling the parser of `names` reads: any case, and for all but
/// pay periods ` `, `_` and `-` alike; a pay period may start `per `, `a `
/// or `an ` and end in `s`.
pub fn spellings_pattern(names: &[&str]) -> String {
    let words: Vec<String> = names
        .iter()
        .chain(spellings(names))
        .map(|word| any_case(&word.replace([' ', '_'], "-")).replace('-', "[-_ ]"))
        .collect();
    let words = words.join("|");
    if names == PayPeriod::NAMES {
        let before = ["per ", "a ", "an "].map(|w| format!("({})*", any_case(w)));
        format!("^\\s*{}({words})[Ss]*\\s*$", before.concat())
    } else {
        format!("^\\s*({words})\\s*$")
    }
}

/// `[Jj][Uu][Nn]`: ASCII letters in either case.
fn any_case(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_ascii_alphabetic() {
                format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A month's name or its first three letters or more, any case, dots after.
fn month_word(name: &str) -> String {
    let letters: Vec<char> = name.chars().collect();
    let mut tail = String::new();
    for c in letters[3..].iter().rev() {
        tail = format!("({}{tail})?", any_case(&c.to_string()));
    }
    format!("{}{tail}\\.*", any_case(&name[..3]))
}

/// The months of 31, 30 and 29 days, by number and name. February may have
/// 29 days in a schema: whether the year is a leap year is `careers
/// check`'s to say.
fn month_lengths() -> [(&'static str, &'static str, Vec<usize>); 3] {
    [
        (
            "(0[1-9]|[12][0-9]|3[01])",
            "([1-9]|[12][0-9]|3[01])",
            vec![1, 3, 5, 7, 8, 10, 12],
        ),
        (
            "(0[1-9]|[12][0-9]|30)",
            "([1-9]|[12][0-9]|30)",
            vec![4, 6, 9, 11],
        ),
        ("(0[1-9]|[12][0-9])", "([1-9]|[12][0-9])", vec![2]),
    ]
}

/// `calendar::parse_date`'s three forms: `2025-09-28`, `28/09/2025` (day
/// first) and `28 September 2025` (or `28th Sept 2025`), years 1900-2999.
pub fn date_pattern() -> String {
    let year = "0*(19[0-9]{2}|2[0-9]{3})";
    let (mut iso, mut uk, mut words) = (Vec::new(), Vec::new(), Vec::new());
    for (_, day, months) in month_lengths() {
        let numbers: Vec<String> = months.iter().map(usize::to_string).collect();
        let month = format!("0*({})", numbers.join("|"));
        let names: Vec<String> = months
            .iter()
            .map(|m| month_word(crate::calendar::MONTHS[m - 1]))
            .collect();
        let day = format!("0*{day}");
        iso.push(format!("{month}-{day}"));
        uk.push(format!("{day}/{month}"));
        words.push(format!("[+]?{day}[A-Za-z]*\\s+({})", names.join("|")));
    }
    format!(
        "^\\s*({year}-({})|({})/{year}|({})\\s+[+]?{year})\\s*$",
        iso.join("|"),
        uk.join("|"),
        words.join("|")
    )
}

/// A date and time as `calendar::parse_when` reads one: `2026-01-31 12:00`
/// (the site's time) or with an offset, `2026-01-31T12:00:00+01:00`.
pub fn date_time_pattern() -> String {
    let days: Vec<String> = month_lengths()
        .into_iter()
        .map(|(day, _, months)| {
            let months: Vec<String> = months.iter().map(|m| format!("{m:02}")).collect();
            format!("({})-{day}", months.join("|"))
        })
        .collect();
    format!(
        "^\\s*[0-9]{{4}}-({})[Tt ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.,][0-9]{{1,9}})?)?([Zz]|[+-]([01][0-9]|2[0-3])(:?[0-5][0-9])?)?\\s*$",
        days.join("|")
    )
}

/// A time of day on the 24-hour clock, `"23:59"`.
pub fn clock_pattern() -> String {
    "^\\s*[+]?0*([0-9]|1[0-9]|2[0-3]):[+]?0*([0-9]|[1-5][0-9])\\s*$".to_owned()
}

/// A band written as text that `Band::parse` reads as Agenda for Change.
pub fn agenda_for_change_pattern() -> String {
    "^\\s*([Bb][Aa][Nn][Dd]\\s*)?([1-79]|8[A-Da-d])\\s*$".to_owned()
}

/// Characters no address may hold: spaces, control and invisible ones.
const UNSEEN: &str =
    "\\s\\u0000-\\u001F\\u007F-\\u009F\\u00AD\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u2064\\uFEFF";

/// The one URL rule (`url::web_address`): `https://` or `http://` in any
/// case, a site name, and no space, invisible character, `"`, `<`, `>`, `` ` ``.
pub fn web_address_pattern() -> String {
    format!("^\\s*[Hh][Tt][Tt][Pp][Ss]?://[^/?#\\\\{UNSEEN}\"<>`][^{UNSEEN}\"<>`]*\\s*$")
}

/// `url::email_address`: a name, `@`, a domain with a dot inside it.
pub fn email_pattern() -> String {
    let bad = format!("{UNSEEN}<>\":;&\\\\`()\\[\\],@");
    format!("^\\s*[^{bad}]+@[^.{bad}][^{bad}]*\\.[^{bad}]*[^.{bad}]\\s*$")
}

/// `url::phone_number`: digits, spaces, `+`, brackets and hyphens.
pub fn phone_pattern() -> String {
    "^\\s*[-0-9 +()]*[0-9][-0-9 +()]*\\s*$".to_owned()
}

/// A figure written as text (`"£40,617"`): a pound sign and commas are
/// ignored. `positive` leaves out a minus sign.
pub fn number_text(positive: bool) -> String {
    let sign = if positive { "[+]?" } else { "[+-]?" };
    format!("^\\s*£*{sign},*([0-9][0-9,]*(\\.[0-9,]*)?|\\.,*[0-9][0-9,]*)([eE][+-]?[0-9]+)?\\s*$")
}

fn first_sentence(doc: &str) -> String {
    match doc.find(". ") {
        Some(end) => doc[..=end].to_owned(),
        None => doc.to_owned(),
    }
}

/// A value as written after `name: ` in a file, read as the parser reads
/// YAML and given as JSON.
fn written_value(name: &str, written: &str) -> Option<Value> {
    if written.is_empty() {
        return None;
    }
    let root = yaml::parse(&format!("{name}: {written}\n"), 0).ok()?;
    let Kind::Map(entries) = root.kind else {
        return None;
    };
    entries
        .into_iter()
        .next()
        .map(|(_, value)| to_json(value.kind))
}

fn to_json(kind: Kind) -> Value {
    match kind {
        Kind::Null => Value::Null,
        Kind::Bool(b) => json!(b),
        Kind::Int(i) => json!(i),
        Kind::Float(f) => json!(f),
        Kind::Str(s) => json!(s),
        Kind::Seq(items) => items.into_iter().map(|v| to_json(v.kind)).collect(),
        Kind::Map(entries) => Value::Object(
            entries
                .into_iter()
                .map(|(k, v)| (k.name, to_json(v.kind)))
                .collect(),
        ),
    }
}
