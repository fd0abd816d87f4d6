//! The description of every field a site's files can hold: the front
//! matter of a vacancy and of a free page, and `site.yaml`. For each field,
//! its name, the forms its value takes, whether it is needed, its allowed
//! values, a one-line note, the explanation the docs give and an example.
//!
//! This is the one list of fields: the parser checks keys against it
//! (`content::fields::Fields`), `careers new` writes its template from it,
//! and a test regenerates the field tables of `docs/content.md` from it.
//! Allowed values are the Rust types' own lists (`Contract::NAMES`...), so
//! the description cannot drift from what the parser accepts.

pub mod json;
mod page;
mod site;
mod vacancy;

pub use page::PAGE;
pub use site::{SITE, SITE_CMS_BACKEND, SITE_EMPLOYER};
pub use vacancy::{CONTACT, DOCUMENT, SALARY, SITE_ADDRESS, VACANCY};

/// A group of fields: a whole file's front matter, or a field's own fields
/// (a salary's `min` and `max`).
#[derive(Debug)]
pub struct FieldSet {
    /// Where the group sits: `vacancy`, `vacancy.salary`, `site.employers`.
    /// The docs mark each group's table with it.
    pub id: &'static str,
    /// In the order error messages list them.
    pub fields: &'static [FieldSpec],
}

/// One field.
#[derive(Debug)]
pub struct FieldSpec {
    pub name: &'static str,
    pub needed: Needed,
    /// Every form the value may take; the first is the usual one.
    pub forms: &'static [Form],
    /// What an absent field means, as written in the file (`20`, `false`).
    pub default: Option<&'static str>,
    /// A value as it would be written after `name: ` on one line; empty for
    /// a field written only as a group of its own fields.
    pub example: &'static str,
    /// One line saying what the field is for (beside it in `careers new`).
    pub note: &'static str,
    /// The full explanation, as `docs/content.md` gives it.
    pub doc: &'static str,
    /// The part of the docs (and of a form) it belongs to: `pay`, `dates`;
    /// empty for a group whose fields are explained together.
    pub section: &'static str,
    /// How `careers new` writes it.
    pub new_advert: NewAdvert,
}

/// Whether a field must be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needed {
    Required,
    Optional,
    /// Required unless what the text says holds ("`locations` is given").
    Unless(&'static str),
}

/// A form a field's value takes.
#[derive(Debug)]
pub enum Form {
    /// One line of text; a number is read as it is written.
    Text,
    /// A figure, whole or with decimals.
    Number,
    /// A whole number.
    WholeNumber,
    /// `true` or `false`.
    Flag,
    /// A date, in any of the three forms of `calendar::parse_date`.
    Date,
    /// A date, or a date and time (`calendar::parse_when`).
    DateOrTime,
    /// A time of day on the 24-hour clock, `"23:59"`.
    Clock,
    /// A time zone name from the tz database.
    TimeZone,
    /// An Agenda for Change band (`6`, `"8a"`, `Band 6`) or a grade in words.
    Band,
    /// A full web address starting `https://` or `http://`.
    WebAddress,
    /// A file under `content/documents`, written from `documents/`.
    Document,
    /// Words joined by hyphens, for a web address.
    Slug,
    Email,
    Phone,
    /// One of these names (other spellings the type accepts aside).
    OneOf(&'static [&'static str]),
    /// A group of named fields.
    Group(&'static FieldSet),
    /// A list whose items each take one of these forms.
    ListOf(&'static [Form]),
}

/// How `careers new` writes a field in the advert it makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewAdvert {
    /// Not written.
    Left,
    /// Written with a value from its arguments or a `[[placeholder]]`.
    Filled,
    /// Written commented out with its example, and its note beside it.
    Commented,
    /// Commented out, written just before the field named.
    CommentedBefore(&'static str),
}

impl FieldSpec {
    /// An optional field with one form and nothing else said yet.
    const fn new(name: &'static str, section: &'static str, forms: &'static [Form]) -> Self {
        Self {
            name,
            needed: Needed::Optional,
            forms,
            default: None,
            example: "",
            note: "",
            doc: "",
            section,
            new_advert: NewAdvert::Left,
        }
    }

    const fn needed(mut self, needed: Needed) -> Self {
        self.needed = needed;
        self
    }

    const fn required(self) -> Self {
        self.needed(Needed::Required)
    }

    const fn default(mut self, default: &'static str) -> Self {
        self.default = Some(default);
        self
    }

    const fn example(mut self, example: &'static str) -> Self {
        self.example = example;
        self
    }

    const fn note(mut self, note: &'static str) -> Self {
        self.note = note;
        self
    }

    const fn doc(mut self, doc: &'static str) -> Self {
        self.doc = doc;
        self
    }

    const fn new_advert(mut self, new_advert: NewAdvert) -> Self {
        self.new_advert = new_advert;
        self
    }

    /// The group of fields the value is written as, if it can be one, and
    /// whether that group is usually a list of them (`documents`).
    pub fn group(&self) -> Option<(&'static FieldSet, bool)> {
        let mut single = None;
        for form in self.forms {
            match form {
                Form::ListOf(items) => {
                    for item in *items {
                        if let Form::Group(set) = item {
                            return Some((set, true));
                        }
                    }
                }
                Form::Group(set) => single = single.or(Some(*set)),
                _ => {}
            }
        }
        single.map(|set| (set, false))
    }
}
