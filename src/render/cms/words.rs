//! How the editor words each field for a comms officer: its label, its
//! hint in plain words (no field names or code), and which fields come
//! first.

use crate::schema::{FieldSpec, Form};

/// Hints that say what the form needs, where the field's note is written
/// for a file (it names the other spellings a select already offers, or
/// how a file is written).
pub(super) const SAID: &[(&str, &str)] = &[
    (
        "band",
        "The Agenda for Change band, or the grade of a post outside it.",
    ),
    (
        "pay_scheme",
        "Leave empty for Agenda for Change bands; name any other scheme, such as Medical and Dental.",
    ),
    (
        "location",
        "The town the job is based in. For named sites with addresses, or several places, fill in Locations instead: one of the two is needed.",
    ),
    (
        "locations",
        "The sites the job is at, up to 10, instead of Location.",
    ),
    (
        "employer",
        "Leave empty unless the post is with another employer of the site.",
    ),
    ("contract", "The kind of contract."),
    ("working_pattern", "Pick one or more."),
    ("dbs", "The criminal record check the post needs."),
    (
        "documents",
        "Files for candidates, such as the job description and person specification.",
    ),
    (
        "file",
        "Upload the file (it is kept in content/documents/), or give a web address.",
    ),
    (
        "max",
        "The top of the range, in pounds; leave empty for a single figure.",
    ),
    (
        "period",
        "How often the figure is paid; empty means a year.",
    ),
    (
        "summary",
        "One or two sentences for lists and feeds; if empty, the first paragraph of the advert text is used.",
    ),
    (
        "slug",
        "Leave empty: the address comes from the file name. Changing it once published breaks links to it.",
    ),
];

/// The vacancy fields the form shows first, in this order: what nearly
/// every advert fills in, the advert's text among them.
pub(super) const FIRST: &[&str] = &[
    "title",
    "reference",
    "band",
    "salary",
    "pay_scheme",
    "location",
    "locations",
    "posted",
    "closes",
    "apply_url",
    "body",
];

/// "working_pattern" -> "Working pattern"; a few names said as a comms
/// officer would say them.
pub(super) fn label(name: &str) -> String {
    let said = match name {
        "apply_url" => "Apply link",
        "dbs" => "DBS check",
        "min" => "Pay from",
        "max" => "Pay up to",
        "period" => "Paid per",
        "slug" => "Web address",
        "file" => "File or web address",
        "sponsorship" => "Visa sponsorship",
        "interview" => "Interview date",
        _ => "",
    };
    if !said.is_empty() {
        return said.to_owned();
    }
    let words = name.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => words,
    }
}

/// A hint without the file's notation: a switch is "On", and a field
/// named in backquotes is called by its label.
pub(super) fn plain(hint: &str) -> String {
    let hint = hint.replace("`true` ", "On: ").replace("`false` ", "Off: ");
    let mut out = String::new();
    for (i, part) in hint.split('`').enumerate() {
        let name = part.trim_end_matches(':');
        if i % 2 == 1
            && !name.is_empty()
            && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        {
            out.push_str(&label(name));
        } else {
            out.push_str(part);
        }
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => out,
    }
}

/// The field's note, else the first sentence of its explanation (for a
/// switch too: its note is written beside `draft: true` in a file).
pub(super) fn hint(spec: &FieldSpec) -> String {
    if !spec.note.is_empty() && !matches!(spec.forms[0], Form::Flag) {
        return spec.note.to_owned();
    }
    match spec.doc.find(". ") {
        Some(end) => spec.doc[..=end].to_owned(),
        None => spec.doc.to_owned(),
    }
}
