//! One synthetic advert: its facts drawn from the generator for advert `i`
//! (title, band, pay, places, dates, contact, body).

use crate::NOW;
use crate::grades::Family::Medical;
use crate::grades::{Family, GRADES, Grade};
use crate::places::{
    EMPLOYERS, Employer, FIRST_NAMES, LAST_NAMES, SITE_KINDS, STREETS, TOWNS, Town,
};
use crate::rng::{Day, Rng, days_from_civil};
use crate::text::{PATTERNS, TAGS, body};

pub(crate) struct Salary {
    pub(crate) min: f64,
    pub(crate) max: Option<f64>,
    pub(crate) hourly: bool,
    pub(crate) note: Option<&'static str>,
    pub(crate) pro_rata: bool,
}

impl Salary {
    /// As the generator shows it: "£29,970 to £36,483 a year".
    pub(crate) fn describe(&self) -> String {
        let range = match self.max {
            Some(max) => format!("{} to {}", pounds(self.min), pounds(max)),
            None => pounds(self.min),
        };
        let period = if self.hourly { "an hour" } else { "a year" };
        let pro_rata = if self.pro_rata { " pro rata" } else { "" };
        format!("{range} {period}{pro_rata}")
    }
}

/// Pay with an Outer London High Cost Area Supplement (about 15%, capped).
pub(crate) fn high_cost_area(pay: f64) -> f64 {
    pay + (pay * 0.15).clamp(4_500.0, 7_000.0).round()
}

pub(crate) fn pounds(amount: f64) -> String {
    let pence = (amount * 100.0).round() as u64;
    let whole = (pence / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if pence.is_multiple_of(100) {
        format!("£{grouped}")
    } else {
        format!("£{grouped}.{:02}", pence % 100)
    }
}

pub(crate) struct Place {
    pub(crate) town: &'static Town,
    /// Site, street line and postcode, when the advert gives the full address.
    pub(crate) site: Option<(String, String, String)>,
}

pub(crate) struct Advert {
    pub(crate) index: usize,
    pub(crate) slug: String,
    pub(crate) title: String,
    pub(crate) reference: String,
    pub(crate) employer: &'static Employer,
    pub(crate) grade: &'static Grade,
    pub(crate) band_form: u8,
    pub(crate) family: Family,
    pub(crate) salary: Option<Salary>,
    pub(crate) places: Vec<Place>,
    pub(crate) contract: &'static str,
    pub(crate) contract_length: Option<&'static str>,
    pub(crate) patterns: Vec<&'static str>,
    pub(crate) hours: Option<f64>,
    pub(crate) posted: Day,
    pub(crate) closes: Day,
    pub(crate) date_form: u8,
    pub(crate) closed_early: Option<Day>,
    pub(crate) may_close_early: bool,
    pub(crate) interview: Option<Day>,
    pub(crate) start_date: Option<Day>,
    pub(crate) service: Option<&'static str>,
    pub(crate) staff_group: Option<&'static str>,
    pub(crate) reports_to: Option<&'static str>,
    pub(crate) registration: Option<&'static str>,
    pub(crate) dbs: Option<&'static str>,
    pub(crate) sponsorship: Option<bool>,
    pub(crate) apply_url: Option<String>,
    pub(crate) contact: Option<(String, &'static str, String, String)>,
    pub(crate) document: Option<String>,
    pub(crate) tags: Vec<&'static str>,
    pub(crate) summary: Option<String>,
    pub(crate) body: String,
    pub(crate) open: bool,
}

pub(crate) fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        let c = fold(c);
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if c != '\'' && !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// The few accented letters the synthetic names use, without their accents.
pub(crate) fn fold(c: char) -> char {
    match c {
        'â' | 'á' => 'a',
        'ê' | 'é' | 'ë' => 'e',
        'î' | 'í' => 'i',
        'ô' | 'ó' => 'o',
        'û' | 'ú' => 'u',
        'ŵ' => 'w',
        'ŷ' => 'y',
        _ => c,
    }
}

/// "a" or "an", for a job title.
pub(crate) fn article(title: &str) -> &'static str {
    if title.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    }
}

pub(crate) fn email_part(name: &str) -> String {
    name.chars()
        .map(fold)
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

pub(crate) fn advert(seed: u64, index: usize) -> Advert {
    let rng = &mut Rng::for_item(seed, index as u64);
    let now = Day(days_from_civil(NOW.0, NOW.1, NOW.2));

    let grade = &GRADES[rng.weighted(&GRADES.iter().map(|g| g.weight).collect::<Vec<_>>())];
    let &(role, family) = rng.pick(grade.roles);
    let employer = rng.pick(EMPLOYERS);
    let service = if rng.chance(0.7) {
        Some(*rng.pick(family.services()))
    } else {
        None
    };
    let title = match service {
        Some(s) if !grade.senior && !role.contains(" in ") && rng.chance(0.6) => {
            format!("{role}, {s}")
        }
        _ => role.to_owned(),
    };
    let slug = format!("{}-{index}", slugify(&title));
    let reference = format!("{}-{}-{index:06}", employer.code, 25 + (index % 2));

    // Places: one town mostly; half of all picks among the twelve busiest.
    let count = [1, 1, 1, 1, 1, 1, 1, 2, 2, 3][rng.below(10)];
    let full_address = rng.chance(0.3);
    let mut places: Vec<Place> = Vec::new();
    while places.len() < count {
        let town = if rng.chance(0.5) {
            &TOWNS[rng.below(12)]
        } else {
            rng.pick(TOWNS)
        };
        if places.iter().any(|p| std::ptr::eq(p.town, town)) {
            continue;
        }
        let site = full_address.then(|| {
            let letters = b"ABDEFGHJLNPQRSTUWXYZ";
            (
                format!("{} {}", town.name, rng.pick(SITE_KINDS)),
                format!("{} {}", rng.range(1, 250), rng.pick(STREETS)),
                format!(
                    "{}{} {}{}{}",
                    town.postcode,
                    rng.range(1, 19),
                    rng.range(1, 9),
                    letters[rng.below(letters.len())] as char,
                    letters[rng.below(letters.len())] as char
                ),
            )
        });
        places.push(Place { town, site });
    }

    // Contract and working pattern.
    let contract = match rng.below(100) {
        0..=64 => "permanent",
        65..=79 => "fixed-term",
        80..=87 => "bank",
        88..=92 => "secondment",
        93..=96 if family == Medical => "locum",
        97..=99 if grade.afc && grade.min < 31_000 => "apprenticeship",
        _ => "permanent",
    };
    let contract_length = match contract {
        "fixed-term" | "secondment" => {
            Some(*rng.pick(&["6 months", "9 months", "12 months", "18 months", "2 years"]))
        }
        _ => None,
    };
    let mut patterns = vec![if rng.chance(0.75) {
        "full-time"
    } else {
        "part-time"
    }];
    for _ in 0..rng.below(3) {
        let p = *rng.pick(PATTERNS);
        if !patterns.contains(&p) {
            patterns.push(p);
        }
    }
    let part_time_only = patterns.contains(&"part-time") && !patterns.contains(&"full-time");
    let hours = match (family, part_time_only) {
        (Medical, _) => rng.chance(0.3).then_some(40.0),
        (_, true) => Some(*rng.pick(&[15.0, 22.5, 30.0])),
        _ => rng.chance(0.8).then_some(37.5),
    };

    // Pay.
    let salary = Some({
        let mut min = f64::from(grade.min);
        let mut max = grade.max.map(f64::from);
        if grade.key == "Very Senior Manager" {
            min = f64::from(rng.range(135, 175) as u32 * 1000);
            max = None;
        }
        let mut note = None;
        if grade.afc && places[0].town.london && contract != "bank" {
            min = high_cost_area(min);
            max = max.map(high_cost_area);
            note = Some("inclusive of Outer London High Cost Area Supplement");
        }
        let hourly = contract == "bank" && grade.afc;
        if hourly {
            min = (min / 1956.0 * 100.0).round() / 100.0;
            max = None;
            note = Some("plus enhancements for unsocial hours");
        } else if family == Medical && note.is_none() && rng.chance(0.3) {
            note = Some("plus on-call supplement");
        }
        Salary {
            min,
            max,
            hourly,
            note,
            pro_rata: part_time_only && !hourly,
        }
    });

    // Dates: about 85% open at NOW; of the closed, a fifth closed early.
    let date_form = rng.below(20) as u8;
    let (posted, closes, closed_early) = if rng.chance(0.85) {
        let posted = now.plus(-rng.range(0, 45));
        let closes = now.plus(rng.range(1, 56)).max(posted.plus(14));
        (posted, closes, None)
    } else if rng.chance(0.8) {
        let closes = now.plus(-rng.range(1, 90));
        (closes.plus(-rng.range(7, 42)), closes, None)
    } else {
        let early = now.plus(-rng.range(0, 10));
        let posted = early.plus(-rng.range(7, 30));
        (posted, now.plus(rng.range(1, 30)), Some(early))
    };
    let open = closes > now && closed_early.is_none();
    let may_close_early = open && rng.chance(0.2);
    let interview = rng.chance(0.4).then(|| closes.plus(rng.range(7, 21)));
    let start_date = rng.chance(0.2).then(|| closes.plus(rng.range(30, 90)));

    let staff_group = rng.chance(0.6).then(|| family.staff_group());
    let reports_to = rng.chance(0.6).then(|| family.reports_to(grade.senior));
    let registration = family.registration().filter(|_| rng.chance(0.8));
    let dbs = rng.chance(0.8).then(|| {
        *rng.pick(&[
            "enhanced", "enhanced", "enhanced", "standard", "basic", "none",
        ])
    });
    let sponsorship = match rng.below(5) {
        0 | 1 => Some(true),
        2 => Some(false),
        _ => None,
    };
    let apply_url = rng.chance(0.9).then(|| {
        format!(
            "https://jobs.{}/apply/{}",
            employer.domain,
            reference.to_ascii_lowercase()
        )
    });
    let contact = rng.chance(0.5).then(|| {
        let first = *rng.pick(FIRST_NAMES);
        let last = *rng.pick(LAST_NAMES);
        (
            format!("{first} {last}"),
            family.reports_to(grade.senior),
            format!(
                "{}.{}@{}",
                email_part(first),
                email_part(last),
                employer.domain
            ),
            format!("01632 960{:03}", rng.below(1000)),
        )
    });
    let document = rng.chance(0.2).then(|| {
        format!(
            "https://jobs.{}/documents/{}-jd.pdf",
            employer.domain,
            reference.to_ascii_lowercase()
        )
    });
    let mut tags = Vec::new();
    if rng.chance(0.7) {
        for _ in 0..rng.range(2, 4) {
            let t = *rng.pick(TAGS);
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
    }
    let towns: Vec<&str> = places.iter().map(|p| p.town.name).collect();
    let town_list = match towns.as_slice() {
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
        [] => unreachable!(),
    };
    let summary = rng.chance(0.5).then(|| {
        format!(
            "Join {} as {} {role}{}, based in {town_list}.",
            employer.name,
            article(role),
            service.map(|s| format!(" in {s}")).unwrap_or_default(),
        )
    });
    let body = body(rng, &title, employer, &town_list);

    Advert {
        index,
        slug,
        title,
        reference,
        employer,
        grade,
        band_form: rng.below(10) as u8,
        family,
        salary,
        places,
        contract,
        contract_length,
        patterns,
        hours,
        posted,
        closes,
        date_form,
        closed_early,
        may_close_early,
        interview,
        start_date,
        service,
        staff_group,
        reports_to,
        registration,
        dbs,
        sponsorship,
        apply_url,
        contact,
        document,
        tags,
        summary,
        body,
        open,
    }
}

/// A YAML double-quoted scalar.
pub(crate) fn q(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}
