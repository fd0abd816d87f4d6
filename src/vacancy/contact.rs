//! Who to ask about a post, and the reader of the `contact` group (an
//! email address and a phone number checked as such).

use crate::content::fields::{Fields, Spanned};
use crate::content::yaml::Value;
use crate::diagnostics::FileReport;
use crate::schema;
use crate::url;

/// Who to ask about the post.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Contact {
    pub name: Option<String>,
    pub role: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// The value of a contact field as `check` accepts it, or the refusal
/// reported at its line.
fn checked(
    value: Spanned<String>,
    check: fn(&str) -> Result<String, url::Refusal>,
    report: &mut FileReport,
) -> Option<String> {
    match check(&value.value) {
        Ok(text) => Some(text),
        Err(r) => {
            report.error(value.at, r.message, r.hint);
            None
        }
    }
}

/// Reads the `contact` group.
pub(super) fn read(value: &Value, report: &mut FileReport) -> Option<Contact> {
    let f = Fields::new(value, "the contact", schema::CONTACT.fields, report)?;
    let email = f
        .text("email", report)
        .and_then(|e| checked(e, url::email_address, report));
    let phone = f
        .text("phone", report)
        .and_then(|p| checked(p, url::phone_number, report));
    Some(Contact {
        name: f.text("name", report).map(|t| t.value),
        role: f.text("role", report).map(|t| t.value),
        email,
        phone,
    })
}
