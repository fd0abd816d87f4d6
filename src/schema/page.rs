//! The front matter of a free page.

use super::{FieldSet, FieldSpec, Form};

/// Every field of a free page's front matter.
pub static PAGE: FieldSet = FieldSet {
    id: "page",
    fields: &[
        FieldSpec::new("title", "", &[Form::Text])
            .required()
            .example("How to apply")
            .note("the page's heading")
            .doc("The page's heading and title."),
        FieldSpec::new("slug", "", &[Form::Slug])
            .example("how-to-apply")
            .note("the page's address; else the file name")
            .doc("The page's web address: `slug: how-to-apply` publishes it at `/how-to-apply/`. Without it, the file name is used."),
        FieldSpec::new("menu", "", &[Form::WholeNumber])
            .example("1")
            .note("the page's place in the navigation")
            .doc("The page's place in the site's navigation (`1` first, then `2`, ...). Leave it out to keep the page out of the navigation; you can still link to it."),
        FieldSpec::new("draft", "", &[Form::Flag])
            .default("false")
            .example("true")
            .note("keeps the page off the site")
            .doc("`true` keeps the page off the site (it shows in a `--drafts` preview)."),
        FieldSpec::new("description", "", &[Form::Text])
            .example("How to apply for a job with us, step by step.")
            .note("a short description, for themes that use it")
            .doc("A short description of the page, for themes that use it. The built-in theme does not show it at present."),
    ],
};
