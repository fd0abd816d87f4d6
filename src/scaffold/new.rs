//! `careers new`: one draft advert, every field present, that validates as
//! it is.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::calendar;
use crate::config::{self, SiteConfig};
use crate::content::{self};
use crate::diagnostics::Diagnostics;
use crate::routes::Route;
use crate::schema::{self, FieldSpec, NewAdvert};
use crate::slug::slugify;
use crate::vacancy::Band;

use super::{
    Created, NEW_ADVERT_DAYS, NewVacancy, ScaffoldError, existing_slugs, io_error, today, write_new,
};

pub fn new_vacancy(request: &NewVacancy) -> Result<Created, ScaffoldError> {
    let root = &request.root;
    if !root.join("content").is_dir() {
        return Err(ScaffoldError::NoContent(root.clone()));
    }
    let title = request.title.trim();
    let base = slugify(title);
    if base.is_empty() {
        return Err(ScaffoldError::EmptyTitle(request.title.clone()));
    }
    let band = request
        .band
        .as_deref()
        .map(|b| Band::parse(b).map_err(ScaffoldError::Band))
        .transpose()?;

    let mut problems = Diagnostics::default();
    let sources = content::discover(root, &mut problems);
    let config = sources.site_yaml.as_ref().and_then(|source| {
        let (config, found) = config::parse(source);
        problems.extend(found);
        config
    });
    let timezone = config
        .as_ref()
        .map_or_else(|| SiteConfig::fallback().timezone, |c| c.timezone.clone());
    let posted = today(request.now.as_deref(), &timezone)?;
    let closes = posted.saturating_add(NEW_ADVERT_DAYS.days());

    let taken_slugs = existing_slugs(&sources.jobs);
    let jobs = root.join("content").join("jobs");
    let mut slug = base.clone();
    let mut n = 1;
    while taken_slugs.contains(&slug) || jobs.join(format!("{slug}.md")).exists() {
        n += 1;
        slug = format!("{base}-{n}");
    }
    let text = advert_text(&AdvertFields {
        title,
        slug: &slug,
        band: band.as_ref(),
        location: request.location.as_deref().map(str::trim),
        posted,
        closes,
        config: config.as_ref(),
    });
    std::fs::create_dir_all(&jobs).map_err(io_error(&jobs))?;
    let path = jobs.join(format!("{slug}.md"));
    write_new(&path, &text)?;
    Ok(Created {
        relative: format!("content/jobs/{slug}.md"),
        url: Route::Vacancy { slug: &slug }.url(),
        path,
        taken: (slug != base).then_some(base),
        posted,
        closes,
        warnings: problems
            .iter()
            .filter(|d| d.file == "content/site.yaml")
            .cloned()
            .collect(),
    })
}

/// Today in the site's time zone, or the date of `--now` there.
struct AdvertFields<'a> {
    title: &'a str,
    slug: &'a str,
    band: Option<&'a Band>,
    location: Option<&'a str>,
    posted: Date,
    closes: Date,
    config: Option<&'a SiteConfig>,
}

/// Column at which the explanations of the front matter start.
const NOTE_COLUMN: usize = 34;

/// `key: value` with its explanation lined up after it.
fn field(out: &mut String, line: &str, note: &str) {
    let pad = NOTE_COLUMN.saturating_sub(line.chars().count()).max(1);
    out.push_str(line);
    out.push_str(&" ".repeat(pad));
    out.push_str("# ");
    out.push_str(note);
    out.push('\n');
}

fn advert_text(a: &AdvertFields) -> String {
    let mut out = String::new();
    out.push_str("---\n");
    out.push_str(&format!(
        "# A new advert, written by `careers new` on {}. It is a draft: it shows in\n\
         # `careers serve` and `careers build --drafts` only, never on the live site.\n\
         # 1. Replace every [[placeholder]], here and in the advert text below.\n\
         # 2. Fill in the optional fields you need and delete the `# ` before them.\n\
         # 3. Delete the `draft: true` line to publish it: `careers check` tells\n\
         #    you if a [[placeholder]] is left. Every field is in docs/content.md.\n",
        calendar::long_date(a.posted)
    ));
    field(
        &mut out,
        &format!("title: {}", scalar(a.title)),
        "required: the job title as candidates search for it",
    );
    field(
        &mut out,
        &format!("reference: \"[[reference of {}]]\"", a.slug),
        "required: the NHS Jobs or Trac reference, e.g. 380-AC0746",
    );
    let band = match a.band {
        Some(Band::AgendaForChange(_)) => a.band.map(Band::code).unwrap_or_default(),
        Some(Band::Other(name)) => scalar(name),
        None => "\"[[band]]\"".to_owned(),
    };
    field(
        &mut out,
        &format!("band: {band}"),
        "required: 1 to 9, 8a to 8d, or a grade such as Consultant",
    );
    let location = match a.location.filter(|l| !slugify(l).is_empty()) {
        Some(town) => scalar(town),
        None => "\"[[town]]\"".to_owned(),
    };
    field(
        &mut out,
        &format!("location: {location}"),
        "required: the town; or `locations:`, a list of sites",
    );
    field(
        &mut out,
        &format!("posted: {}", a.posted),
        "required: the day the advert goes up",
    );
    field(
        &mut out,
        &format!("closes: {}", a.closes),
        "required: the closing date; it closes at the end of that day",
    );
    match a.config {
        Some(SiteConfig {
            employer: None,
            employers,
            ..
        }) if !employers.is_empty() => {
            let names: Vec<&str> = employers.iter().map(|e| e.name.as_str()).collect();
            field(
                &mut out,
                &format!("employer: {}", scalar(names[0])),
                "required here: one of the employers in site.yaml",
            );
            out.push_str(&format!("#   the employers are: {}\n", names.join("; ")));
        }
        Some(SiteConfig { employer: None, .. }) => {
            field(
                &mut out,
                "employer: \"[[employer]]\"",
                "required here: site.yaml names no default employer",
            );
        }
        Some(SiteConfig {
            employer: Some(default),
            ..
        }) => {
            field(
                &mut out,
                &format!("# employer: {}", scalar(&default.name)),
                "optional: another of site.yaml's employers",
            );
        }
        None => field(
            &mut out,
            "# employer: Example NHS Trust",
            "optional: if not site.yaml's employer",
        ),
    }
    field(
        &mut out,
        "draft: true",
        "delete this line to publish the advert",
    );
    optional_fields(&mut out);
    out.push_str("---\n");
    out.push_str(BODY);
    out
}

/// The optional fields of a vacancy, commented out, each with its example
/// and its note; a field written as a group has its own fields below it.
fn optional_fields(out: &mut String) {
    let commented = |field: &&FieldSpec| {
        matches!(
            field.new_advert,
            NewAdvert::Commented | NewAdvert::CommentedBefore(_)
        )
    };
    let mut fields: Vec<&FieldSpec> = schema::VACANCY.fields.iter().filter(commented).collect();
    for moved in fields.clone() {
        if let NewAdvert::CommentedBefore(next) = moved.new_advert {
            fields.retain(|f| f.name != moved.name);
            let at = fields.iter().position(|f| f.name == next);
            fields.insert(at.unwrap_or(fields.len()), moved);
        }
    }
    for spec in fields {
        let Some((group, listed)) = spec.group() else {
            field(
                out,
                &format!("# {}: {}", spec.name, spec.example),
                spec.note,
            );
            continue;
        };
        field(out, &format!("# {}:", spec.name), spec.note);
        for (n, part) in group.fields.iter().filter(commented).enumerate() {
            let lead = match (listed, n) {
                (false, _) => "",
                (true, 0) => "- ",
                (true, _) => "  ",
            };
            out.push_str(&format!("#   {lead}{}: {}\n", part.name, part.example));
        }
    }
}

const BODY: &str = "## Job summary

[[Two or three sentences: what the job is and who would enjoy it. Lists and feeds show this paragraph unless `summary` is set.]]

## Main duties of the job

- [[A main duty]]
- [[Another main duty]]

## About us

[[A paragraph about the trust and the team, and why people like working here.]]

## Job responsibilities

[[The responsibilities from the job description, under short headings (### Clinical, ### Leadership...) if there are many.]]

## Person specification

### Qualifications

**Essential**

- [[An essential qualification]]

**Desirable**

- [[A desirable qualification]]

### Experience

**Essential**

- [[Essential experience]]

**Desirable**

- [[Desirable experience]]

### Skills and knowledge

**Essential**

- [[An essential skill]]

**Desirable**

- [[A desirable skill]]
";

/// Text as a YAML scalar: plain when that reads back as the same text,
/// else double-quoted.
pub(crate) fn scalar(text: &str) -> String {
    let plain = text.chars().next().is_some_and(char::is_alphabetic)
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || " -,'()&/.".contains(c))
        && !text.ends_with(' ')
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "true" | "false" | "null"
        );
    if plain {
        return text.to_owned();
    }
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::yaml::{self, Kind};

    #[test]
    fn scalars_read_back() {
        assert_eq!(scalar("Staff Nurse"), "Staff Nurse");
        assert_eq!(scalar("King's Lynn"), "King's Lynn");
        assert_eq!(scalar("Nurse: Band 5"), "\"Nurse: Band 5\"");
        assert_eq!(scalar("true"), "\"true\"");
        assert_eq!(scalar("5 \"x\""), "\"5 \\\"x\\\"\"");
        for text in ["Nurse: Band 5 #1", "a \\ b", "[x]", "- list", "Tŷ Hafan"] {
            let yaml = format!("k: {}\n", scalar(text));
            let value = yaml::parse(&yaml, 0).unwrap();
            let Kind::Map(entries) = value.kind else {
                panic!()
            };
            assert_eq!(entries[0].1.kind, Kind::Str(text.to_owned()), "{text}");
        }
    }
}
