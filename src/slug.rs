//! URL slugs: lowercase ASCII words joined by hyphens, accents folded.
//!
//! A slug can never hold `/`, `.` or anything else that could make a path
//! leave its folder, whatever a front matter field says.

/// "Ynys Môn" -> "ynys-mon", "King's Lynn" -> "kings-lynn".
pub fn slugify(text: &str) -> String {
    let folded = deunicode::deunicode(text);
    let mut slug = String::with_capacity(folded.len());
    let mut pending_hyphen = false;
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '\u{2019}' {
            // Apostrophes join: "King's" is one word.
        } else {
            pending_hyphen = true;
        }
    }
    slug
}

/// The slug a file's name gives when its front matter sets none:
/// `jobs/wealdmoor/staff-nurse.md` -> "staff-nurse". The folders make no
/// difference.
pub fn from_file_name(content_path: &str) -> String {
    let name = content_path.rsplit('/').next().unwrap_or(content_path);
    slugify(name.strip_suffix(".md").unwrap_or(name))
}

#[cfg(test)]
mod tests {
    use super::{from_file_name, slugify};

    #[test]
    fn folds_accents_and_apostrophes() {
        assert_eq!(slugify("Ynys Môn"), "ynys-mon");
        assert_eq!(slugify("King's Lynn"), "kings-lynn");
        assert_eq!(slugify("Band 8a"), "band-8a");
        assert_eq!(slugify("  Very Senior   Manager "), "very-senior-manager");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("Bexley & Greenwich"), "bexley-greenwich");
    }

    #[test]
    fn file_names_give_slugs_without_their_folders() {
        assert_eq!(
            from_file_name("jobs/wealdmoor/Staff Nurse.md"),
            "staff-nurse"
        );
        assert_eq!(from_file_name("pages/how-to-apply.md"), "how-to-apply");
        assert_eq!(from_file_name("jobs/---.md"), "");
    }
}
