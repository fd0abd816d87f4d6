//! URL slugs: lowercase ASCII words joined by hyphens, accents folded.
//!
//! A slug can never hold `/`, `.` or anything else that could make a path
//! leave its folder, whatever a front matter field says.

use crate::routes;

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

/// Where a kind of page is published, for the slug written in its front
/// matter (`slug:`) and the messages about it. The URL and the folder come
/// from `routes`.
pub struct Folder {
    /// The URL of the page with a given slug (`jobs/nurse/`).
    pub url: fn(&str) -> String,
    /// The output folder its pages go in (`jobs`), or `None` for the
    /// site's top.
    pub folder: Option<&'static str>,
    /// What the page is, for messages: "advert".
    pub what: &'static str,
    /// A good slug for examples.
    pub example: &'static str,
}

impl Folder {
    /// What "out of" says when a slug would leave: "the jobs/ folder".
    fn leaving(&self) -> String {
        match self.folder {
            Some(folder) => format!("the {folder}/ folder"),
            None => "the site's folder".to_owned(),
        }
    }
}

pub const ADVERTS: Folder = Folder {
    url: routes::vacancy_url,
    folder: Some(routes::VACANCY_FOLDER),
    what: "advert",
    example: "senior-ot-picu",
};

pub const PAGES: Folder = Folder {
    url: routes::page_url,
    folder: None,
    what: "page",
    example: "how-to-apply",
};

/// The slug of a `slug:` value, or the message and hint saying why it
/// cannot be used. A value that could lead elsewhere (`/`, `\`, `..`) is
/// refused rather than quietly shortened: made safe it would still be a
/// surprise.
pub fn written(value: &str, folder: &Folder) -> Result<String, (String, String)> {
    let slug = slugify(value);
    let problem = if value.contains("..") {
        Some(format!("would lead out of {}", folder.leaving()))
    } else if value.contains('/') {
        Some("has a `/` in it".to_owned())
    } else if value.contains('\\') {
        Some("has a `\\` in it".to_owned())
    } else {
        None
    };
    if let Some(problem) = problem {
        let example = if slug.is_empty() {
            folder.example
        } else {
            &slug
        };
        return Err((
            format!("the slug \"{value}\" {problem}"),
            format!(
                "a slug is words joined by hyphens, e.g. `slug: {example}`; the {} is then published at {}",
                folder.what,
                (folder.url)(example)
            ),
        ));
    }
    if slug.is_empty() {
        return Err((
            "the slug has no letters or digits".to_owned(),
            format!(
                "use words joined by hyphens, e.g. `slug: {}`",
                folder.example
            ),
        ));
    }
    Ok(slug)
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
    use super::*;

    #[test]
    fn written_slugs_that_could_leave_are_refused() {
        for value in ["../../evil", "a/b", "a\\b", "..", "!!"] {
            assert!(written(value, &ADVERTS).is_err(), "{value}");
            assert!(written(value, &PAGES).is_err(), "{value}");
        }
        assert_eq!(written("How to apply", &PAGES).unwrap(), "how-to-apply");
    }

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
