//! The front matter of a job file, and the groups its fields hold.

use super::NewAdvert::{Commented, CommentedBefore, Filled};
use super::{FieldSet, FieldSpec, Form, Needed};
use crate::vacancy::{Contract, DbsCheck, PayPeriod, WorkingPattern};

const TOWN_OR_SITE: &[Form] = &[Form::Text, Form::Group(&SITE_ADDRESS)];
const WHERE: &[Form] = &[
    Form::Text,
    Form::Group(&SITE_ADDRESS),
    Form::ListOf(TOWN_OR_SITE),
];
const PATTERN: &[Form] = &[Form::OneOf(WorkingPattern::NAMES)];
const TEXTS: &[Form] = &[Form::Text];
const DOCUMENTS: &[Form] = &[Form::Group(&DOCUMENT)];

/// Every field of a vacancy's front matter.
pub static VACANCY: FieldSet = FieldSet {
    id: "vacancy",
    fields: &[
        FieldSpec::new("title", "required", &[Form::Text])
            .required()
            .example("Senior Occupational Therapist")
            .note("the job title as candidates search for it")
            .doc("The job title, as candidates will search for it. Keep it short: a title of more than 100 characters gets a warning.")
            .new_advert(Filled),
        FieldSpec::new("reference", "required", &[Form::Text])
            .required()
            .example("380-AC0746")
            .note("the NHS Jobs or Trac reference, e.g. 380-AC0746")
            .doc("Your reference for the advert, such as `380-AC0746`. Every advert must have its own: two adverts with the same reference are an error. It also identifies the advert in RSS feeds, so do not change it once published.")
            .new_advert(Filled),
        FieldSpec::new("band", "required", &[Form::Band])
            .required()
            .example("6")
            .note("1 to 9, 8a to 8d, or a grade such as Consultant")
            .doc("The pay band (see below).")
            .new_advert(Filled),
        FieldSpec::new("pay_scheme", "pay", &[Form::Text])
            .example("Agenda for Change")
            .note("set for AfC bands; name any other scheme")
            .doc("For Agenda for Change bands it is \"Agenda for Change\" unless you say otherwise; for other grades, write it if you want it shown (`pay_scheme: Medical and Dental`).")
            .new_advert(Commented),
        FieldSpec::new("salary", "pay", &[Form::Number, Form::Group(&SALARY)])
            .example("40617")
            .note("pay in pounds; candidates look for it first")
            .doc("Strongly recommended: an advert without it gets a warning. The simplest form is one yearly figure, a plain number. For a range, or pay that is not yearly, give a group of the fields below.")
            .new_advert(CommentedBefore("pay_scheme")),
        FieldSpec::new("location", "required", WHERE)
            .needed(Needed::Unless("`locations` is given"))
            .example("Dartford")
            .note("the town; or `locations:`, a list of sites")
            .doc("Where the job is based (see below). Give `location` or `locations`, not both.")
            .new_advert(Filled),
        FieldSpec::new("locations", "required", WHERE)
            .needed(Needed::Unless("`location` is given"))
            .example("[Maidstone, Tunbridge Wells]")
            .note("the towns or sites the job is at, up to 10")
            .doc("Several places the job is based, up to 10 (see below)."),
        FieldSpec::new("employer", "employer", &[Form::Text])
            .needed(Needed::Unless("`site.yaml` sets a default `employer`"))
            .example("Wealdmoor NHS Foundation Trust")
            .note("if not site.yaml's employer")
            .doc("The employer's name, if not the default in `site.yaml`. Must match a name in `employers`, if the site has that list.")
            .new_advert(Filled),
        FieldSpec::new("reports_to", "employer", &[Form::Text])
            .example("Ward Manager")
            .note("who the post answers to (\"Responsible to\")")
            .doc("Who the post is responsible to, such as `Ward Manager`.")
            .new_advert(Commented),
        FieldSpec::new("service", "employer", &[Form::Text])
            .example("Acute Medical Unit")
            .note("the team or department")
            .doc("The team or department.")
            .new_advert(Commented),
        FieldSpec::new("staff_group", "employer", &[Form::Text])
            .example("Nursing and Midwifery Registered")
            .note("the NHS staff group")
            .doc("The NHS staff group, such as `Nursing and Midwifery Registered`.")
            .new_advert(Commented),
        FieldSpec::new("contract", "contract", &[Form::OneOf(Contract::NAMES)])
            .example("permanent")
            .note("permanent, fixed-term, bank, secondment, locum or apprenticeship")
            .doc("The kind of contract. Capitals, spaces and underscores do not matter (`Fixed Term` works), and `temporary` means fixed-term.")
            .new_advert(Commented),
        FieldSpec::new("contract_length", "contract", &[Form::Text])
            .example("12 months")
            .note("for fixed-term and secondment posts")
            .doc("For fixed-term posts and secondments, in words: `12 months`.")
            .new_advert(Commented),
        FieldSpec::new("working_pattern", "contract", &[Form::OneOf(WorkingPattern::NAMES), Form::ListOf(PATTERN)])
            .example("[full-time, part-time]")
            .note("also flexible, job-share, shifts, nights, weekends...")
            .doc("How the hours are worked: one, or a list. Capitals, spaces and hyphens do not matter: `Full Time` works.")
            .new_advert(Commented),
        FieldSpec::new("hours", "contract", &[Form::Number])
            .example("37.5")
            .note("hours a week")
            .doc("Hours a week, as a number: more than 0 and at most 100. Write just the figure, not \"37.5 hours\".")
            .new_advert(Commented),
        FieldSpec::new("posted", "required", &[Form::Date])
            .required()
            .example("2026-11-02")
            .note("the day the advert goes up")
            .doc("The date the advert is posted, when it goes live. It is not published before this day.")
            .new_advert(Filled),
        FieldSpec::new("closes", "required", &[Form::DateOrTime])
            .required()
            .example("28 January 2027")
            .note("the closing date; it closes at the end of that day")
            .doc("The closing date (or date and time). The advert closes at `closing_time` (11:59pm unless `site.yaml` says otherwise) on that day. You can also give an exact time: see [section 5](#5-dates-and-times). It cannot be before `posted`.")
            .new_advert(Filled),
        FieldSpec::new("start_date", "dates", &[Form::Date])
            .example("2027-03-01")
            .note("when the post starts")
            .doc("The expected start date.")
            .new_advert(Commented),
        FieldSpec::new("closed_early", "dates", &[Form::Date])
            .example("2026-12-01")
            .note("the day it closed early, once it has")
            .doc("The date you closed the advert early (for example, because enough people applied). See [section 6](#6-when-an-advert-is-open-closed-or-not-yet-published).")
            .new_advert(Commented),
        FieldSpec::new("may_close_early", "dates", &[Form::Flag])
            .default("false")
            .example("true")
            .note("the advert may close early if many people apply")
            .doc("`true` tells candidates the advert may close early if enough people apply.")
            .new_advert(CommentedBefore("closed_early")),
        FieldSpec::new("interview", "dates", &[Form::Date])
            .example("2026-12-14")
            .note("the interview date")
            .doc("The interview date.")
            .new_advert(Commented),
        FieldSpec::new("registration", "employer", &[Form::Text])
            .example("NMC")
            .note("the professional registration the post needs")
            .doc("Professional registration the post needs, such as `NMC` or `HCPC`.")
            .new_advert(Commented),
        FieldSpec::new("apply_url", "applying", &[Form::WebAddress])
            .example("https://www.jobs.nhs.uk/candidate/jobadvert/C9380-25-0746")
            .note("where to apply")
            .doc("The address of the application form, with no spaces. The Apply button is hidden once the advert has closed.")
            .new_advert(Commented),
        FieldSpec::new("contact", "applying", &[Form::Group(&CONTACT)])
            .note("who candidates can ask about the job")
            .doc("Who candidates can ask about the job: a group of the fields below, each of them optional.")
            .new_advert(Commented),
        FieldSpec::new("documents", "documents", &[Form::Group(&DOCUMENT), Form::ListOf(DOCUMENTS)])
            .note("files in content/documents, or web addresses")
            .doc("Files for candidates to read, such as the job description: a list of groups of the fields below.")
            .new_advert(Commented),
        FieldSpec::new("sponsorship", "checks", &[Form::Flag])
            .example("true")
            .note("Skilled Worker visa sponsorship is available")
            .doc("`true` says Skilled Worker visa sponsorship is available; `false` says it is not. Leave it out to say nothing.")
            .new_advert(Commented),
        FieldSpec::new("dbs", "checks", &[Form::OneOf(DbsCheck::NAMES)])
            .example("enhanced")
            .note("the DBS check: none, basic, standard or enhanced")
            .doc("The criminal record check the post needs.")
            .new_advert(Commented),
        FieldSpec::new("tags", "checks", &[Form::Text, Form::ListOf(TEXTS)])
            .example("[nursing]")
            .note("words candidates search for")
            .doc("Words that describe the job: `tags: [nursing, acute medicine]`.")
            .new_advert(Commented),
        FieldSpec::new("summary", "publishing", &[Form::Text])
            .example("One or two sentences for lists and feeds.")
            .note("else the first paragraph is used")
            .doc("One or two sentences shown in lists, in feeds and to search engines. If you leave it out, the first paragraph of the advert text is used, so make that paragraph a good summary.")
            .new_advert(Commented),
        FieldSpec::new("slug", "publishing", &[Form::Slug])
            .example("a-shorter-address")
            .note("the page's address, jobs/<slug>/; else the file name")
            .doc("The last part of the advert's web address. Without it, the file name is used: `staff-nurse-amu.md` is published at `/jobs/staff-nurse-amu/`. Letters are made lower case, accents and apostrophes dropped, and spaces and punctuation become hyphens; a `/` or `..` in it is an error. The folder the file is in makes no difference, so two files with the same name in different folders clash: give one a `slug`. Changing the slug or file name of a published advert changes its address and breaks bookmarks.")
            .new_advert(Commented),
        FieldSpec::new("draft", "publishing", &[Form::Flag])
            .default("false")
            .example("true")
            .note("delete this line to publish the advert")
            .doc("`true` keeps the advert off the site. See [section 6](#6-when-an-advert-is-open-closed-or-not-yet-published).")
            .new_advert(Filled),
    ],
};

/// The fields of `salary:` written as a group.
pub static SALARY: FieldSet = FieldSet {
    id: "vacancy.salary",
    fields: &[
        FieldSpec::new("min", "", &[Form::Number])
            .required()
            .example("31049")
            .doc("The pay, in pounds; the lower end of a range. Pence are fine: `min: 12.45` with `period: hour` shows \"£12.45 an hour\". You may write `£40,617`: the pound sign and commas are ignored. It must be more than £0 and not more than £1,000,000 (more is usually a sign the pence were typed without a point).")
            .new_advert(Commented),
        FieldSpec::new("max", "", &[Form::Number])
            .example("37796")
            .doc("The top of the range, in pounds, written as `min` is. Leave it out for a single figure. It cannot be less than `min`.")
            .new_advert(Commented),
        FieldSpec::new("period", "", &[Form::OneOf(PayPeriod::NAMES)])
            .default("year")
            .example("year")
            .doc("How often the figure is paid. `per annum`, `annual`, `a year`, `monthly`, `weekly`, `daily` and `hourly` are understood too.")
            .new_advert(Commented),
        FieldSpec::new("note", "", &[Form::Text])
            .example("pro rata for part-time hours")
            .doc("Shown after the pay, such as `inclusive of High Cost Area Supplement`.")
            .new_advert(Commented),
        FieldSpec::new("pro_rata", "", &[Form::Flag])
            .default("false")
            .example("true")
            .doc("`true` adds \"pro rata\": \"£40,617 to £48,778 a year pro rata\"."),
    ],
};

/// The fields of one site in `locations:` (or `location:`).
pub static SITE_ADDRESS: FieldSet = FieldSet {
    id: "vacancy.locations",
    fields: &[
        FieldSpec::new("site", "", &[Form::Text])
            .example("Littlebrook Hospital")
            .doc("The name of the hospital or other site."),
        FieldSpec::new("address", "", &[Form::Text, Form::ListOf(TEXTS)])
            .example("Bow Arrow Lane")
            .doc("The street address: one line, or a list of lines."),
        FieldSpec::new("town", "", &[Form::Text])
            .required()
            .example("Dartford")
            .doc("The town. The \"Jobs by location\" pages are built from it."),
        FieldSpec::new("county", "", &[Form::Text])
            .example("Kent")
            .doc("The county."),
        FieldSpec::new("postcode", "", &[Form::Text])
            .example("DA2 6PB")
            .doc("The postcode."),
        FieldSpec::new("country", "", &[Form::Text])
            .example("GB")
            .doc("The two-letter country code: only if not the site's `country` (in `site.yaml`)."),
    ],
};

/// The fields of `contact:`.
pub static CONTACT: FieldSet = FieldSet {
    id: "vacancy.contact",
    fields: &[
        FieldSpec::new("name", "", &[Form::Text])
            .example("Jane Smith")
            .doc("Who to ask.")
            .new_advert(Commented),
        FieldSpec::new("role", "", &[Form::Text])
            .example("Ward Manager")
            .doc("Their job title.")
            .new_advert(Commented),
        FieldSpec::new("email", "", &[Form::Email])
            .example("jane.smith@example.nhs.uk")
            .doc("Their email address.")
            .new_advert(Commented),
        FieldSpec::new("phone", "", &[Form::Phone])
            .example("01632 960000")
            .doc("Their phone number: only digits, spaces, `+`, `(`, `)` and `-`, such as `01632 960123` or `+44 (0)1632 960123`.")
            .new_advert(Commented),
    ],
};

/// The fields of one item of `documents:`.
pub static DOCUMENT: FieldSet = FieldSet {
    id: "vacancy.documents",
    fields: &[
        FieldSpec::new("title", "", &[Form::Text])
            .required()
            .example("Job description and person specification")
            .doc("The link text.")
            .new_advert(Commented),
        FieldSpec::new("file", "", &[Form::Document, Form::WebAddress])
            .required()
            .example("documents/job-description.pdf")
            .doc("A file you have put in `content/documents/`, written from `documents/` (`file: documents/380-AC0746-jd.pdf`). The file must exist; if it does not, `careers` suggests the nearest name it can find. The page shows its type and size, such as \"(PDF, 120 KB)\". Or a full web address.")
            .new_advert(Commented),
    ],
};
