//! The settings of `content/site.yaml`.

use super::{FieldSet, FieldSpec, Form, Needed};
use crate::config::{CmsName, GitHost};

const EMPLOYERS: &[Form] = &[Form::Group(&SITE_EMPLOYER)];

/// Every setting of `site.yaml`.
pub static SITE: FieldSet = FieldSet {
    id: "site",
    fields: &[
        FieldSpec::new("title", "", &[Form::Text])
            .required()
            .example("Wealdmoor NHS careers")
            .note("the site's name")
            .doc("The site's name, shown on every page and in feeds."),
        FieldSpec::new("base_url", "", &[Form::WebAddress])
            .required()
            .example("https://careers.example.nhs.uk")
            .note("the address the site is published at")
            .doc("The full web address the site is published at. It can include a folder, such as `https://www.example.nhs.uk/careers`. Used for feeds, the sitemap and links that search engines see."),
        FieldSpec::new("employer", "", &[Form::Text])
            .needed(Needed::Unless("every advert names its own"))
            .example("Wealdmoor NHS Foundation Trust")
            .note("the employer of every advert that names none")
            .doc("The employer of every advert that does not say otherwise."),
        FieldSpec::new("employer_url", "", &[Form::WebAddress])
            .example("https://www.wealdmoor.example.nhs.uk")
            .note("the default employer's website")
            .doc("The website of the default `employer`."),
        FieldSpec::new("employers", "", &[Form::ListOf(EMPLOYERS), Form::Group(&SITE_EMPLOYER)])
            .note("the employers of a site carrying several")
            .doc("For a site that carries several employers' jobs: a list of employers (see below)."),
        FieldSpec::new("privacy_url", "", &[Form::WebAddress])
            .example("https://www.wealdmoor.example.nhs.uk/privacy")
            .note("the privacy notice, linked from every advert")
            .doc("Link to your privacy notice, shown on every advert."),
        FieldSpec::new("accessibility_url", "", &[Form::WebAddress])
            .example("https://www.wealdmoor.example.nhs.uk/accessibility")
            .note("the accessibility statement, linked from every page")
            .doc("Link to your accessibility statement (public sector websites must publish one), shown in the footer of every page."),
        FieldSpec::new("disability_confident", "", &[Form::Flag])
            .default("false")
            .example("true")
            .note("shows the Disability Confident statement")
            .doc("`true` shows the Disability Confident guaranteed-interview statement on adverts."),
        FieldSpec::new("description", "", &[Form::Text])
            .example("Nursing, therapy, medical and support jobs at Wealdmoor NHS Foundation Trust")
            .note("what the site is about")
            .doc("One sentence about the site, for search engines and feeds."),
        FieldSpec::new("language", "", &[Form::Text])
            .default("en-GB")
            .example("en-GB")
            .note("the language of the site")
            .doc("The language of the site."),
        FieldSpec::new("timezone", "", &[Form::TimeZone])
            .default("Europe/London")
            .example("Europe/London")
            .note("the time zone of closing times")
            .doc("The time zone for closing times, a name from the tz database. Leave it alone in the UK."),
        FieldSpec::new("closing_time", "", &[Form::Clock])
            .default("\"23:59\"")
            .example("\"23:59\"")
            .note("when adverts close on their closing day")
            .doc("The time on the closing date when adverts close. Some trusts close at `\"12:00\"`. Put it in quotes."),
        FieldSpec::new("theme", "", &[Form::Text])
            .default("default")
            .example("default")
            .note("the theme")
            .doc("The name of your own theme folder under `themes/`, if your site has one."),
        FieldSpec::new("logo", "", &[Form::Text])
            .example("documents/logo.svg")
            .note("a logo image for the header")
            .doc("A logo image to show in the header, written as a path, such as `documents/logo.svg` (a file in `content/documents`) or `images/logo.svg` (a file in your theme's `static` folder). A logo that is neither is an error."),
        FieldSpec::new("direct_apply", "", &[Form::Flag])
            .default("false")
            .example("true")
            .note("apply links open the employer's own application form")
            .doc("`true` when adverts' `apply_url` links take candidates straight to the employer's own application form (not a job board's page about the job). Google for Jobs then shows the advert as \"Apply directly\". An employer in `employers` can say otherwise for its own adverts."),
        FieldSpec::new("page_size", "", &[Form::WholeNumber])
            .default("20")
            .example("20")
            .note("adverts per list page")
            .doc("How many adverts each list page shows before it continues on page 2. `0` means everything on one page."),
        FieldSpec::new("feed_items", "", &[Form::WholeNumber])
            .default("100")
            .example("100")
            .note("adverts per feed")
            .doc("How many of the newest adverts each feed holds (RSS, Atom, JSON Feed and the closing-dates calendar alike). `0` means all of them."),
        FieldSpec::new("country", "", &[Form::Text])
            .default("GB")
            .example("GB")
            .note("the country of addresses")
            .doc("The two-letter country code used in addresses for Google for Jobs."),
        FieldSpec::new("cms", "", &[Form::OneOf(CmsName::NAMES)])
            .example("decap")
            .note("publishes a form for editing adverts at /admin/")
            .doc("`decap` publishes a Decap CMS editor at `/admin/`: a form for adverts and free pages that saves each one as a file in `content/` (see [Editing in a form](#12-editing-in-a-form-decap-cms))."),
        FieldSpec::new("cms_backend", "", &[Form::Group(&SITE_CMS_BACKEND)])
            .note("where the editor saves: the site's Git repository")
            .doc("Where the editor saves the files it writes: the site's Git repository (see below). Without it, the editor works only with a local preview (`npx decap-server`)."),
    ],
};

/// The fields of `cms_backend:`.
pub static SITE_CMS_BACKEND: FieldSet = FieldSet {
    id: "site.cms_backend",
    fields: &[
        FieldSpec::new("name", "", &[Form::OneOf(GitHost::NAMES)])
            .required()
            .example("github")
            .doc("Where the site's repository is kept: `github`, `gitlab` or `azure` (Azure DevOps)."),
        FieldSpec::new("repo", "", &[Form::Text])
            .required()
            .example("wealdmoor-nhs/careers-site")
            .doc("The repository, as `owner/name` (on Azure DevOps, `organisation/project/repository`)."),
        FieldSpec::new("branch", "", &[Form::Text])
            .default("main")
            .example("main")
            .doc("The branch the editor saves to; the one the site is published from."),
        FieldSpec::new("base_url", "", &[Form::WebAddress])
            .example("https://auth.wealdmoor.example.nhs.uk")
            .doc("The sign-in service for GitHub, if not Netlify's (Decap's `base_url`)."),
        FieldSpec::new("auth_endpoint", "", &[Form::Text])
            .example("auth")
            .doc("The path of the sign-in service under `base_url` (Decap's `auth_endpoint`)."),
        FieldSpec::new("app_id", "", &[Form::Text])
            .example("5b3f0e0c-1234-4d6e-9a1b-0123456789ab")
            .doc("The application ID for signing in: GitLab's OAuth application, or Azure DevOps' app registration."),
        FieldSpec::new("tenant_id", "", &[Form::Text])
            .example("0c4a1d2e-5678-4f9a-8b7c-abcdef012345")
            .doc("Azure DevOps only: the Microsoft Entra tenant."),
    ],
};

/// The fields of one item of `employers:`.
pub static SITE_EMPLOYER: FieldSet = FieldSet {
    id: "site.employers",
    fields: &[
        FieldSpec::new("name", "", &[Form::Text])
            .required()
            .example("Wealdmoor NHS Foundation Trust")
            .doc("The employer's name. An advert's `employer:` names it, spelt exactly the same."),
        FieldSpec::new("url", "", &[Form::WebAddress])
            .example("https://www.wealdmoor.example.nhs.uk")
            .doc("The employer's website."),
        FieldSpec::new("address", "", &[Form::Text])
            .example("Wealdmoor House, Hopfield Road, Maidstone, ME15 9WQ")
            .doc("The employer's address, on one line."),
        FieldSpec::new("logo", "", &[Form::Text])
            .example("documents/wealdmoor-logo.png")
            .doc("The employer's logo, a file in `content/documents` or the theme's `static` folder, which Google for Jobs shows beside its adverts. (On a site of one employer, the site's own `logo` is used.)"),
        FieldSpec::new("direct_apply", "", &[Form::Flag])
            .example("true")
            .doc("Whether this employer's `apply_url` links open its own application form; the site's `direct_apply` if not given."),
    ],
};
