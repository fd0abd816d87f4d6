//! A synthetic careers site of N adverts, for the benchmark (`scripts/bench`).
//!
//! ```sh
//! cargo run --release --example synth -- --n 10000 --out DIR [--seed S]
//! ```
//!
//! writes
//!
//! - `DIR/content/site.yaml`: a portal of six employers, with `page_size: 0`
//!   and `feed_items: 0` so that every list and feed is written whole;
//! - `DIR/content/jobs/<nnn>/<slug>.md`: the adverts, 1,000 a folder, to the
//!   contract of SITE-FORMAT.md section 3: every band (2-9, 8a-8d) and other
//!   grades, salaries that match the band, 1-3 of about 70 English and Welsh
//!   towns, about 85% open on 2026-11-23 (the benchmark's `--now`), and
//!   Markdown bodies of 4-8 KB assembled from the paragraphs, lists and
//!   person specifications of the seed adverts (`../shared/seeds`, as cleaned
//!   into the example site), with headings, lists and one table each;
//! - `DIR/hugo/`: the same adverts as a Hugo site (only the open ones: Hugo
//!   has no notion of a closing date), with the configuration and layouts of
//!   `scripts/bench-hugo` and the default theme's static files;
//! - `DIR/manifest.json`: what was written (adverts, open, bands, towns), for
//!   the benchmark's checks.
//!
//! It is deterministic: advert `i` depends only on the seed and `i`, so the
//! first 1,000 adverts of a 10,000-advert site are those of a 1,000-advert
//! site. It uses the standard library only (a splitmix64 generator, its own
//! calendar arithmetic).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The build moment the adverts are written around: `--now 2026-11-23`.
const NOW: (i32, u32, u32) = (2026, 11, 23);
/// Adverts per sub-folder of `content/jobs`.
const SHARD: usize = 1000;
const BASE_URL: &str = "https://bench.example.nhs.uk";

// ---------------------------------------------------------------- randomness

/// splitmix64: tiny, fast, and good enough to pick adverts' facts.
struct Rng(u64);

impl Rng {
    /// A generator for advert `i` of the site made with `seed`.
    fn for_item(seed: u64, i: u64) -> Self {
        let mut r = Rng(seed ^ i.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next();
        r
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// lo..=hi
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64) / ((1u64 << 53) as f64) < p
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// An index into `weights`, drawn in proportion to them.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

// ------------------------------------------------------------------ calendar

/// Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant.
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((yoe + era * 400 + i64::from(m <= 2)) as i32, m, d)
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Day(i64);

impl Day {
    fn iso(self) -> String {
        let (y, m, d) = civil_from_days(self.0);
        format!("{y:04}-{m:02}-{d:02}")
    }
    /// 28/01/2027
    fn slashed(self) -> String {
        let (y, m, d) = civil_from_days(self.0);
        format!("{d:02}/{m:02}/{y:04}")
    }
    /// 28 January 2027
    fn long(self) -> String {
        let (y, m, d) = civil_from_days(self.0);
        format!("{d} {} {y}", MONTHS[m as usize - 1])
    }
    fn plus(self, days: i64) -> Day {
        Day(self.0 + days)
    }
}

// ---------------------------------------------------------------- the facts

#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Nursing,
    Support,
    Therapy,
    MentalHealth,
    Science,
    Pharmacy,
    Medical,
    Admin,
    Estates,
    Management,
}

impl Family {
    fn staff_group(self) -> &'static str {
        match self {
            Family::Nursing | Family::MentalHealth => "Nursing and Midwifery Registered",
            Family::Support => "Additional Clinical Services",
            Family::Therapy => "Allied Health Professionals",
            Family::Science | Family::Pharmacy => {
                "Additional Professional Scientific and Technical"
            }
            Family::Medical => "Medical and Dental",
            Family::Admin | Family::Management => "Administrative and Clerical",
            Family::Estates => "Estates and Ancillary",
        }
    }

    fn registration(self) -> Option<&'static str> {
        match self {
            Family::Nursing => Some("NMC (registered nurse)"),
            Family::MentalHealth => Some("NMC, HCPC or Social Work England"),
            Family::Therapy | Family::Science => Some("HCPC"),
            Family::Pharmacy => Some("GPhC"),
            Family::Medical => Some("GMC (full registration with a licence to practise)"),
            _ => None,
        }
    }

    fn services(self) -> &'static [&'static str] {
        match self {
            Family::Nursing | Family::Support => &[
                "Acute Medical Unit",
                "Emergency Department",
                "Older People's Rehabilitation",
                "Surgical Assessment Unit",
                "Children's Ward",
                "District Nursing",
                "Cardiology",
                "Respiratory Medicine",
                "Stroke Unit",
                "Theatres",
                "Maternity",
                "Intensive Care",
            ],
            Family::MentalHealth => &[
                "Adult Mental Health Team",
                "Crisis Resolution and Home Treatment",
                "Psychiatric Intensive Care Unit",
                "Early Intervention in Psychosis",
                "Perinatal Mental Health",
                "Child and Adolescent Mental Health Services",
                "Older Adults' Mental Health",
                "Primary Care Mental Health",
            ],
            Family::Therapy => &[
                "Children's Therapy Services",
                "Musculoskeletal Outpatients",
                "Neurorehabilitation",
                "Community Therapy Team",
                "Stroke Rehabilitation",
                "Acute Therapies",
            ],
            Family::Science => &[
                "Radiology",
                "Pathology",
                "Theatres",
                "Audiology",
                "Cardiac Physiology",
            ],
            Family::Pharmacy => &["Pharmacy", "Medicines Optimisation", "Aseptic Services"],
            Family::Medical => &[
                "Psychiatry",
                "Emergency Medicine",
                "Anaesthetics",
                "Acute Medicine",
                "Radiology",
                "Paediatrics",
                "Old Age Psychiatry",
            ],
            Family::Admin => &[
                "Outpatients",
                "Medical Records",
                "Human Resources",
                "Recruitment",
                "Cardiology",
                "Patient Access",
            ],
            Family::Estates => &[
                "Facilities",
                "Hotel Services",
                "Catering",
                "Portering",
                "Estates",
            ],
            Family::Management => &[
                "Urgent Community Response",
                "Planned Care",
                "Integrated Care",
                "Finance",
                "Operations",
                "Digital Services",
            ],
        }
    }

    fn reports_to(self, senior: bool) -> &'static str {
        if senior {
            return "Chief Executive";
        }
        match self {
            Family::Nursing | Family::Support => "Ward Manager",
            Family::MentalHealth => "Team Manager",
            Family::Therapy => "Head of Therapies",
            Family::Science => "Service Lead",
            Family::Pharmacy => "Chief Pharmacist",
            Family::Medical => "Clinical Director",
            Family::Admin => "Office Manager",
            Family::Estates => "Facilities Manager",
            Family::Management => "Director of Operations",
        }
    }
}

/// A band or grade, its pay and the posts advertised at it.
struct Grade {
    /// As written in front matter (`6`, `8a`, `Consultant`).
    key: &'static str,
    /// As shown (`Band 6`, `Consultant`).
    name: &'static str,
    weight: u32,
    afc: bool,
    /// Annual pay, pounds (2025/26 scales).
    min: u32,
    max: Option<u32>,
    scheme: Option<&'static str>,
    senior: bool,
    roles: &'static [(&'static str, Family)],
}

use Family::*;

const GRADES: &[Grade] = &[
    Grade {
        key: "2",
        name: "Band 2",
        weight: 80,
        afc: true,
        min: 24_465,
        max: None,
        scheme: None,
        senior: false,
        roles: &[
            ("Healthcare Support Worker", Support),
            ("Domestic Assistant", Estates),
            ("Porter", Estates),
            ("Hotel Services Assistant", Estates),
            ("Catering Assistant", Estates),
        ],
    },
    Grade {
        key: "3",
        name: "Band 3",
        weight: 140,
        afc: true,
        min: 24_937,
        max: Some(26_598),
        scheme: None,
        senior: false,
        roles: &[
            ("Senior Healthcare Support Worker", Support),
            ("Ward Clerk", Admin),
            ("Administrator", Admin),
            ("Receptionist", Admin),
            ("Pharmacy Assistant", Pharmacy),
            ("Therapy Assistant", Therapy),
        ],
    },
    Grade {
        key: "4",
        name: "Band 4",
        weight: 100,
        afc: true,
        min: 27_485,
        max: Some(30_162),
        scheme: None,
        senior: false,
        roles: &[
            ("Nursing Associate", Nursing),
            ("Assistant Practitioner", Support),
            ("Medical Secretary", Admin),
            ("Pharmacy Technician", Pharmacy),
            ("Team Administrator", Admin),
            ("Estates Officer", Estates),
        ],
    },
    Grade {
        key: "5",
        name: "Band 5",
        weight: 200,
        afc: true,
        min: 29_970,
        max: Some(36_483),
        scheme: None,
        senior: false,
        roles: &[
            ("Staff Nurse", Nursing),
            ("Occupational Therapist", Therapy),
            ("Physiotherapist", Therapy),
            ("Diagnostic Radiographer", Science),
            ("Community Staff Nurse", Nursing),
            ("Mental Health Nurse", MentalHealth),
            ("Dietitian", Therapy),
            ("Speech and Language Therapist", Therapy),
            ("Operating Department Practitioner", Science),
            ("Biomedical Scientist", Science),
        ],
    },
    Grade {
        key: "6",
        name: "Band 6",
        weight: 170,
        afc: true,
        min: 37_338,
        max: Some(44_962),
        scheme: None,
        senior: false,
        roles: &[
            ("Senior Staff Nurse", Nursing),
            ("Senior Occupational Therapist", Therapy),
            ("Specialist Physiotherapist", Therapy),
            ("Care Coordinator", MentalHealth),
            ("Deputy Ward Manager", Nursing),
            ("Specialist Speech and Language Therapist", Therapy),
            ("Senior Theatre Practitioner", Science),
            ("Health Visitor", Nursing),
            ("Community Psychiatric Nurse", MentalHealth),
        ],
    },
    Grade {
        key: "7",
        name: "Band 7",
        weight: 120,
        afc: true,
        min: 47_810,
        max: Some(54_710),
        scheme: None,
        senior: false,
        roles: &[
            ("Ward Manager", Nursing),
            ("Team Manager", MentalHealth),
            ("Advanced Clinical Practitioner", Nursing),
            ("Clinical Nurse Specialist", Nursing),
            ("Mental Health Practitioner", MentalHealth),
            ("Highly Specialist Physiotherapist", Therapy),
            ("Senior Pharmacist", Pharmacy),
            ("Project Manager", Management),
        ],
    },
    Grade {
        key: "8a",
        name: "Band 8a",
        weight: 60,
        afc: true,
        min: 55_690,
        max: Some(62_682),
        scheme: None,
        senior: false,
        roles: &[
            ("Service Manager", Management),
            ("Lead Pharmacist", Pharmacy),
            ("Clinical Psychologist", MentalHealth),
            ("Matron", Nursing),
            ("Finance Manager", Management),
        ],
    },
    Grade {
        key: "8b",
        name: "Band 8b",
        weight: 30,
        afc: true,
        min: 64_455,
        max: Some(74_896),
        scheme: None,
        senior: false,
        roles: &[
            ("General Manager", Management),
            ("Consultant Nurse", Nursing),
            ("Principal Clinical Psychologist", MentalHealth),
            ("Head of Therapies", Therapy),
        ],
    },
    Grade {
        key: "8c",
        name: "Band 8c",
        weight: 15,
        afc: true,
        min: 76_965,
        max: Some(88_682),
        scheme: None,
        senior: false,
        roles: &[
            ("Associate Director of Operations", Management),
            ("Associate Director of Nursing", Nursing),
            ("Consultant Clinical Psychologist", MentalHealth),
        ],
    },
    Grade {
        key: "8d",
        name: "Band 8d",
        weight: 10,
        afc: true,
        min: 91_342,
        max: Some(105_337),
        scheme: None,
        senior: true,
        roles: &[
            ("Deputy Director of Nursing", Nursing),
            ("Deputy Director of Finance", Management),
            ("Chief Pharmacist", Pharmacy),
        ],
    },
    Grade {
        key: "9",
        name: "Band 9",
        weight: 5,
        afc: true,
        min: 109_179,
        max: Some(125_637),
        scheme: None,
        senior: true,
        roles: &[
            ("Director of Estates and Facilities", Estates),
            ("Director of Operations", Management),
            ("Director of Therapies", Therapy),
        ],
    },
    Grade {
        key: "Consultant",
        name: "Consultant",
        weight: 40,
        afc: false,
        min: 109_725,
        max: Some(145_478),
        scheme: Some("Medical and Dental"),
        senior: false,
        roles: &[
            ("Consultant Psychiatrist", Medical),
            ("Consultant in Emergency Medicine", Medical),
            ("Consultant Anaesthetist", Medical),
            ("Consultant Physician", Medical),
            ("Consultant Radiologist", Medical),
        ],
    },
    Grade {
        key: "Specialty Doctor",
        name: "Specialty Doctor",
        weight: 25,
        afc: false,
        min: 54_631,
        max: Some(85_697),
        scheme: Some("Medical and Dental"),
        senior: false,
        roles: &[
            ("Specialty Doctor", Medical),
            ("Specialty Doctor in Psychiatry", Medical),
            ("Specialty Doctor in Paediatrics", Medical),
        ],
    },
    Grade {
        key: "Very Senior Manager",
        name: "Very Senior Manager",
        weight: 5,
        afc: false,
        min: 135_000,
        max: Some(175_000),
        scheme: Some("Very Senior Managers pay framework"),
        senior: true,
        roles: &[
            ("Chief Nursing Officer", Nursing),
            ("Chief Operating Officer", Management),
            ("Chief Finance Officer", Management),
            ("Medical Director", Medical),
        ],
    },
];

/// A town: name, county, postcode area, and whether a London weighting applies.
struct Town {
    name: &'static str,
    county: &'static str,
    postcode: &'static str,
    london: bool,
}

const fn town(name: &'static str, county: &'static str, postcode: &'static str) -> Town {
    Town {
        name,
        county,
        postcode,
        london: false,
    }
}

const fn london(name: &'static str, postcode: &'static str) -> Town {
    Town {
        name,
        county: "Greater London",
        postcode,
        london: true,
    }
}

/// The towns: the first twelve are the busiest (half of all picks).
const TOWNS: &[Town] = &[
    town("Maidstone", "Kent", "ME"),
    town("Dartford", "Kent", "DA"),
    town("Oxford", "Oxfordshire", "OX"),
    london("Bexley", "DA"),
    london("Croydon", "CR"),
    town("Brighton", "East Sussex", "BN"),
    town("Birmingham", "West Midlands", "B"),
    town("Manchester", "Greater Manchester", "M"),
    town("Leeds", "West Yorkshire", "LS"),
    town("Bristol", "Bristol", "BS"),
    town("Cardiff", "South Glamorgan", "CF"),
    town("Newcastle upon Tyne", "Tyne and Wear", "NE"),
    town("Canterbury", "Kent", "CT"),
    town("Ashford", "Kent", "TN"),
    town("Royal Tunbridge Wells", "Kent", "TN"),
    town("Hastings", "East Sussex", "TN"),
    town("Crawley", "West Sussex", "RH"),
    town("Guildford", "Surrey", "GU"),
    town("Woking", "Surrey", "GU"),
    town("Banbury", "Oxfordshire", "OX"),
    town("Witney", "Oxfordshire", "OX"),
    town("Reading", "Berkshire", "RG"),
    london("Bromley", "BR"),
    london("Greenwich", "SE"),
    london("Woolwich", "SE"),
    london("Sidcup", "DA"),
    town("Southampton", "Hampshire", "SO"),
    town("Portsmouth", "Hampshire", "PO"),
    town("Winchester", "Hampshire", "SO"),
    town("Bath", "Somerset", "BA"),
    town("Exeter", "Devon", "EX"),
    town("Plymouth", "Devon", "PL"),
    town("Truro", "Cornwall", "TR"),
    town("Norwich", "Norfolk", "NR"),
    town("King's Lynn", "Norfolk", "PE"),
    town("Ipswich", "Suffolk", "IP"),
    town("Cambridge", "Cambridgeshire", "CB"),
    town("Bishop's Stortford", "Hertfordshire", "CM"),
    town("St Albans", "Hertfordshire", "AL"),
    town("Luton", "Bedfordshire", "LU"),
    town("Milton Keynes", "Buckinghamshire", "MK"),
    town("Northampton", "Northamptonshire", "NN"),
    town("Leicester", "Leicestershire", "LE"),
    town("Nottingham", "Nottinghamshire", "NG"),
    town("Derby", "Derbyshire", "DE"),
    town("Sheffield", "South Yorkshire", "S"),
    town("York", "North Yorkshire", "YO"),
    town("Hull", "East Riding of Yorkshire", "HU"),
    town("Sunderland", "Tyne and Wear", "SR"),
    town("Carlisle", "Cumbria", "CA"),
    town("Lancaster", "Lancashire", "LA"),
    town("Preston", "Lancashire", "PR"),
    town("Liverpool", "Merseyside", "L"),
    town("Chester", "Cheshire", "CH"),
    town("Stoke-on-Trent", "Staffordshire", "ST"),
    town("Shrewsbury", "Shropshire", "SY"),
    town("Bishop's Castle", "Shropshire", "SY"),
    town("Hereford", "Herefordshire", "HR"),
    town("Worcester", "Worcestershire", "WR"),
    town("Gloucester", "Gloucestershire", "GL"),
    town("Weston-super-Mare", "Somerset", "BS"),
    town("Swansea", "West Glamorgan", "SA"),
    town("Newport", "Gwent", "NP"),
    town("Wrexham", "Clwyd", "LL"),
    town("Bangor", "Gwynedd", "LL"),
    town("Ynys Môn", "Isle of Anglesey", "LL"),
    town("Pont-y-pŵl", "Torfaen", "NP"),
    town("Aberystwyth", "Ceredigion", "SY"),
    town("Carmarthen", "Carmarthenshire", "SA"),
    town("Merthyr Tudful", "Merthyr Tydfil", "CF"),
];

struct Employer {
    name: &'static str,
    code: &'static str,
    url: &'static str,
    domain: &'static str,
    address: &'static str,
}

const EMPLOYERS: &[Employer] = &[
    Employer {
        name: "Wealdmoor NHS Foundation Trust",
        code: "WDM",
        url: "https://www.wealdmoor.example.nhs.uk",
        domain: "wealdmoor.example.nhs.uk",
        address: "Wealdmoor House, Hopfield Road, Maidstone, Kent, ME15 9WQ",
    },
    Employer {
        name: "Oxleas NHS Foundation Trust",
        code: "277",
        url: "https://oxleas.nhs.uk",
        domain: "oxleas.example.nhs.uk",
        address: "Pinewood House, Pinewood Place, Dartford, Kent, DA2 7WG",
    },
    Employer {
        name: "Oxford Health NHS Foundation Trust",
        code: "267",
        url: "https://www.oxfordhealth.nhs.uk",
        domain: "oxfordhealth.example.nhs.uk",
        address: "Littlemore Mental Health Centre, Sandford Road, Oxford, OX4 4XN",
    },
    Employer {
        name: "Kent & Medway NHS & Social Care Partnership Trust",
        code: "380",
        url: "https://www.kmpt.nhs.uk",
        domain: "kmpt.example.nhs.uk",
        address: "Farm Villa, Hermitage Lane, Maidstone, ME16 9PH",
    },
    Employer {
        name: "Pennine Vale Teaching Hospitals NHS Trust",
        code: "PVT",
        url: "https://www.penninevale.example.nhs.uk",
        domain: "penninevale.example.nhs.uk",
        address: "Calder Road, Halifax, HX1 2YZ",
    },
    Employer {
        name: "Bwrdd Iechyd Dyffryn Tawe (Tawe Valley Health Board)",
        code: "TVH",
        url: "https://www.tawevalley.example.nhs.wales",
        domain: "tawevalley.example.nhs.wales",
        address: "Tŷ Glas, Heol y Castell, Swansea, SA1 1AA",
    },
];

const STREETS: &[&str] = &[
    "Hospital Road",
    "London Road",
    "High Street",
    "Station Road",
    "Church Lane",
    "Hermitage Lane",
    "Bow Arrow Lane",
    "Victoria Road",
    "Park Road",
    "Queen's Road",
    "Heol y Frenhines",
];

const SITE_KINDS: &[&str] = &[
    "General Hospital",
    "Community Hospital",
    "Health Centre",
    "Mental Health Centre",
    "Resource Centre",
    "House",
];

const FIRST_NAMES: &[&str] = &[
    "Jane",
    "Tomasz",
    "Priya",
    "Siân",
    "Oluwaseun",
    "Chloé",
    "Mark",
    "Aisling",
    "David",
    "Fatima",
    "Gareth",
    "Mei",
    "Rhys",
    "Zoë",
    "Amir",
    "Helen",
];

const LAST_NAMES: &[&str] = &[
    "Smith",
    "Wierzbicki",
    "Patel",
    "Jones",
    "Adeyemi",
    "O'Neill",
    "Warren",
    "Ní Bhriain",
    "Evans",
    "Khan",
    "Williams",
    "Chen",
    "Hughes",
    "Brontë",
    "Hussain",
    "Taylor",
];

const TAGS: &[&str] = &[
    "mental health",
    "nursing",
    "community",
    "acute",
    "leadership",
    "newly qualified welcome",
    "flexible working",
    "therapies",
    "children and young people",
    "older people",
    "apprenticeship",
    "medical",
    "preceptorship",
    "international applicants welcome",
    "research",
    "women's services",
];

const PATTERNS: &[&str] = &[
    "full-time",
    "part-time",
    "flexible",
    "job-share",
    "shifts",
    "nights",
    "weekends",
    "compressed hours",
    "term time",
];

const RAW_HTML: &[&str] = &[
    "<p><strong>Please note:</strong> we may close this advert early if we receive a high number of applications, so please apply as soon as you can.</p>",
    "<div class=\"callout\">\n<p>Interviews will be held in person. Please bring photographic ID and proof of your right to work in the UK.</p>\n</div>",
    "<p>For an informal visit, please call the team on <u>01632 960000</u>.<br>We look forward to hearing from you.</p>",
];

// ------------------------------------------- text from the seed adverts

/// Paragraphs of the seed adverts' "Job summary" sections.
const SUMMARY: &[&str] = &[
    "The post holder will work within the Adult Mental Health Team, providing mental health treatment in the community for patients with mental health needs identified within Clusters 4-17, supporting patients to work towards their own recovery. The post holder will act as CPA Care Coordinator for a defined case load. The post holder will also provide home treatment for patients experiencing a mental health crisis.",
    "The AMHTs operate a 24 hour, 7 days a week service. Post holders working within the AMHTs will be expected to work flexible hours to cover the shift patterns (7am – 3pm, 9am – 5pm and 12pm – 8pm). Staff working within the service may also be required to work from 8pm to 7am to cover the team's out of hours provision.",
    "Staff working in AMHTs may be required to work flexibly between the assessment and treatment functions in order to meet the needs of the service.",
    "We are delighted to be recruiting for a unique opportunity for an experienced professional to provide strategic and operational leadership to our Children's Therapy Services, which currently include:",
    "The successful applicant will ensure continued and coordinated service delivery and development, including high-quality, evidence-based, and integrated approaches.",
    "To ensure that specialist children's therapy services are provided according to best practice, in partnership with service users and partner agencies, working as part of a multi-agency system.",
    "To ensure services are delivered in accordance with national and local policies, priorities, and regulatory frameworks, meeting all performance targets. To oversee that reporting requirements to commissioners are fulfilled.",
    "To provide leadership and management to the service and lead a senior team comprising team managers and senior clinicians. To operate as a member of the operational leadership team and participate in the Trust's out-of-hours on-call duty system.",
    "Are you a dedicated, compassionate mental health professional committed to providing great care? Do you want the chance to help shape a new and genuinely innovative service for the women of Kent and Medway?",
    "We're creating Kent and Medway's first, and only, NHS Psychiatric Intensive Care Unit (PICU) for women, and are seeking an experienced Occupational Therapist to help us deliver this vital service.",
    "Please note that the start date for this post will be March 2027, to allow for sufficient time for onboarding, induction, and training before the anticipated arrival of the first patient in April 2027.",
    "As a Senior Occupational Therapist, you'll work within the MDT to ensure best practice for patient care. Your responsibilities will include both patient-focused tasks and staff-focused duties. You'll strategically influence the service by evaluating AHP effectiveness, identifying areas for improvement, manage the roster and oversee the budget.",
    "The role offers significant opportunities for growth and innovation, allowing you to engage in improvement projects and pursue continuous professional development.",
    "If this sounds like the opportunity you have been waiting for, come and join our diverse and compassionate team committed to delivering excellent care and support for service users and their loved ones.",
    "The post holder is responsible for providing strong operational leadership to a multidisciplinary clinical team within the Mental Health Hub in Bexley. The role ensures the delivery of a high-quality, efficient, and patient-focused adult mental health service, operating within available resources and in line with Trust values.",
    "A central aspect of the role is ensuring that services are comprehensive, adaptable, and recovery-focused, with meaningful involvement of service users and carers embedded across the care pathway. The post holder ensures that clinical activity, team performance, risk management, and service standards are maintained to a high level while promoting a positive team culture and supporting continuous improvement in the locality.",
];

/// Items of the seed adverts' lists of duties and responsibilities.
const DUTIES: &[&str] = &[
    "To work independently as part of a multi-disciplinary team to assess, plan and implement patient specific programmes of care/interventions under the Care Programme Approach, contributing to the continuous assessment of patients.",
    "To undertake complex mental health assessments using your professional knowledge and skills and evidence-based practice.",
    "To function effectively across a variety of environments (e.g., ward, department, homes etc.) involving changing and demanding conditions.",
    "To use a comprehensive range of verbal and non-verbal communication tools to communicate effectively with patients, their carers and families and colleagues. This may include people who may have difficulties with understanding or communication.",
    "To work in partnership with patients to agree goals and treatment proposals, gaining valid informed consent.",
    "To have a working knowledge and understanding of the relevant legal frameworks: Mental Health Act, Mental Capacity Act, NHS and Community Care Act, National Assistance Act.",
    "To work in partnership with patients to assess their progress against mutually agreed goals, amending care plan as appropriate.",
    "To deliver a range of therapeutic interventions in line with professional requirements (appendix 1) and in accordance with the job specification.",
    "To be responsible for own time management and the prioritisation of a caseload.",
    "To participate in clinical/professional and managerial supervision and provide practice / clinical supervision to designated registered and non-registered staff within the AMHT.",
    "To participate in the Trust appraisal process.",
    "To delegate appropriate duties to junior registered and support staff, providing relevant direction and oversight.",
    "Together with colleagues, develop comprehensive contingency plans in the event of a crisis with patients, families and carers.",
    "To manage patient discharge in a safe and timely manner, ensuring liaison with primary care colleagues; to ensure that family and carers are where appropriate advised of the patient's discharge arrangements, with timely completion of documentation.",
    "Present funding requests to the Social Care funding panel.",
    "To participate in the clinical education and support of members of the AMHT and the wider Community Service, non-registered staff and students.",
    "To manage and contain stressful and emotional situations in an empathetic manner supporting patients and their families and carers.",
    "To develop partnership working with all relevant agencies/services/individuals to support optimal care for patients.",
    "To undertake a competency assessment and any required training if extending Scope of Professional Practice.",
    "To use the care clustering packages to inform and develop plans of care.",
    "To be responsible for maintaining own competency to practice through CPD activities and maintain a portfolio which reflects personal development. This will also support requirements for registrations with the HCPC/NMC.",
    "To undertake professional leadership roles as required.",
    "To ensure confidentiality and security of patient data is maintained at all times complying with OHFT Policies and procedures in line with the Data Protection Act.",
    "To ensure all electronic records are updated and complete within the standard for the Trust (e.g. 24 hours for progress notes).",
    "To attend appropriate statutory and mandatory training courses in line with requirements of the post.",
    "To maintain standards of professional practice as required by relevant professional body.",
    "To participate and lead in service improvement initiatives.",
    "To carry out any other reasonable duties as requested by a manager of the Trust to ensure quality of service.",
    "To actively participate in an annual performance review (appraisal) and the development and implementation of a personal development plan.",
    "To take responsibility for their own professional development ensuring professional standards are maintained and statutory and mandatory training is in date.",
    "To adhere to the Professional Code of Conduct relating to your profession (if applicable).",
    "To uphold the principles and values set out in the NHS Code of Conduct for Managers.",
    "To support the organisation in developing an effective work/life balance for employees that meets the needs of the organisation.",
    "To ensure that the health and wellbeing of patients is at the centre of all activities and that all staff engage and communicate with patients as appropriate.",
    "To always promote quality and safety of patients, visitors and staff thus enabling the Trust to meet its regulation requirements (Care Quality Commission Registration – Regulations and Outcomes) that relate most directly to patients and also strive for continuous quality improvement.",
    "To observe Oxford Health NHS Foundation Trust's Equal Opportunities Policy providing equality of treatment and opportunity to employees, service users and service providers irrespective of sex, sexuality, age, marital status, ethnic origin or disability.",
    "To take responsibility for the health & safety of themselves and other persons who may be affected by their omissions or actions at work.",
    "To promote the Trust's Health and Safety Policy and ensure matters are managed in accordance with it.",
    "To co-operate with the Trust to ensure that statutory and departmental regulations are adhered to.",
    "Report accidents, incidents and near misses, implementing corrective action where necessary.",
    "To comply with Trust policies for infection control and hand hygiene such as hand hygiene, decontamination Policy, uniform and workwear code and standard precautions Policy to reduce the spread of healthcare-associated infections (HCAIs).",
    "Employees with clinical responsibilities must incorporate into their clinical activities up to date evidence that supports safe infection control practices and procedures, such as the use of aseptic techniques and the safe disposal of sharps.",
    "To comply fully with the duties and responsibilities outlined in the Trust's Information Governance Policy.",
    "To comply with the Data Protection Act 2018 and General Data Protection Regulations (GDPR), National Data Security Standards and any professional code of practice on Confidentiality and Data Protection as accepted by the Trust. Departmental codes of practice and procedures for confidentiality are available from the head of department.",
    "To ensure that all information collected, stored and used is done so in compliance with the above Act and any relevant Trust Policy.",
    "To preserve the confidentiality of any information regarding patients, staff records in your area (in connection with their employment) and the Trust business. This obligation shall continue in perpetuity.",
    "To raise any matters of concern with your Manager/Director.",
    "To recognise that promoting the welfare and safeguarding children, young people and adults is everyone's business and access training and supervision as appropriate to the role.",
    "To support the organisation in ensuring service users are protected from abuse or the risk of abuse and their human rights are respected and upheld.",
    "To ensure concerns are responded to appropriately in line with the Trust's Safeguarding Adults Policy and the Child Protection Policy and interagency safeguarding procedures.",
    "To comply with recruitment and other checks as requested by the organisation including undertaking an Enhanced Disclosure via the Criminal Records Bureau.",
    "To be aware of and work in line with all Trust policies and procedures.",
    "To carry out any other tasks as reasonably directed.",
    "Physical Health Skills – Advanced knowledge of common physical health conditions and their management, and an ability to monitor physical health conditions and wellbeing.",
    "Advanced knowledge of medications and their effects, including side effects and the management of side effects.",
    "Work with patients who exhibit negative symptoms such as low motivation.",
    "Assisting patients to meet their activities of daily living and helping them to attain their optimum level of functioning.",
    "Champion Bio-Psychosocial approaches to care.",
    "To support working age adults, young adults and older adults with complex mental health needs that are not suitable for IAPT provision.",
    "Provide specialist clinical knowledge and interventions to patients in primary care, including working with PCN practices to support people with highly complex mental health needs/serious mental illness.",
    "Provide the expertise to manage complex referrals offering assessment through a variety of channels, including face to face in PCN surgeries or the patient's home.",
    "Support patients to access other services where appropriate and undertake short term interventions for people with mild to moderate mental health difficulties.",
    "Provide specialist skills and support to PCNs, giving prompt advice to GPs and the wider primary care team on the care of people with mental health problems.",
    "Practice autonomously in making clinical judgements, identifying courses of action, managing and providing high quality care and completing risk assessments, escalating where necessary.",
    "Work across the interface between Primary Care and Specialist Mental Health Services to provide support, education, and problem solving approaches to the assessment and management of mental health problems in the adult population, including older people.",
    "This role will also include management, supervision and support for the other Primary Care Mental Health Practitioners working across the Primary Care Networks.",
    "Take a leadership role in developing awareness and understanding of mental health issues within the PCN.",
    "Develop and implement clinical processes that contribute to the continuous improvement of mental health provision across the PCN, for example the adoption of trauma-informed care.",
    "To develop a close relationship with practices within the PCN, attending practice meetings and having regular informal contact.",
    "To develop links and foster a culture of partnership with Mental Health services.",
    "To maintain regular links to the Community Mental Health Trust, particularly for on-going support, supervision, training and development; and support the design of seamless patient pathway between primary and secondary care.",
    "To enable practitioners in Primary Care to develop their skills and confidence in assessment and treatment of particular mental health problems.",
    "To receive referrals from primary care, and other sources by agreement, and offer face to face assessments to more complex patients being referred by GPs.",
    "To undertake joint assessments and care planning with members of the PCN team and offer advice on appropriate interventions and ongoing patient and case management.",
    "To promote the use of treatment protocols and care pathways to improve the quality of care for people with mental health problems in the primary care setting.",
    "To provide clinical leadership, alongside colleagues from Mental Health services, to the multi-disciplinary Primary Care team.",
    "To be a source of advice, including screening and referral, on the management of individual cases, including their physical health and supporting access/delivery of SMI physical health checks.",
    "To provide advice, including supported \"signposting\", for carers.",
    "To attend regular clinical meetings with Mental Health services to manage the flow of patients between primary care and mental health services and ensure oversight is maintained of patients being stepped down from clinical treatment and/or not currently receiving active treatment.",
    "To facilitate joint working between primary care and the voluntary sector to increase the range of services and interventions available to patients.",
    "To participate in and develop mental health promotion at the PCN practices.",
    "To maintain regular links to the Mental Health Trust, particularly for on-going support, supervision, training and development; and support the design of a seamless patient pathway between primary and secondary care.",
    "To provide educational opportunities for the Primary Care team (and potentially third sector colleagues), co-ordinating and facilitating skills enhancement and ongoing professional development.",
    "To provide informal mental health specific learning for staff across the primary care network, including providing specialist advice relating to mental health.",
    "To undertake mandatory and statutory training as required by Trust policy, identifying individual training needs.",
    "To identify relevant development opportunities offered through the national training programme to improve access to psychological therapies for those with severe mental health problems, including both training in working in a more psychologically informed way with this client group, as well as training in specific evidence-based therapies.",
    "To contribute and commit to undertaking an annual Development Review/appraisal.",
    "To undertake personal development as identified in the Personal Development Plan (PDP).",
    "To work with the Primary Care team to develop and implement evidence based treatment guidelines and care pathways where necessary.",
    "Collate and maintain information on wider local resources to support people with mental health problems.",
    "Develop other materials to develop the skills of the primary care team as required.",
    "Use patient outcome measures agreed with the PCN.",
    "Participate in PCN research and clinical audit programmes.",
    "To use research in practice and develop research from own practice.",
    "To contribute to the improvement of pathways between primary and secondary care and where practicable, to standardise processes across the PCN.",
    "To improve quality and effectiveness of prescribing of mental health medications through clinical audit and education of prescribers to improve performance against NICE standards and clinical and prescribing guidance.",
    "To support primary care initiatives which improve the physical health outcomes of those with a long-term mental health condition and the mental health outcomes of those with a long-term physical health condition.",
    "To be responsible for the management, supervision and appraisals of Primary Care Mental Health Practitioners.",
    "To facilitate and enable appropriate communication within Primary Care Networks, between other teams and departments including Local Authorities, service users, carers and other relevant agencies.",
    "To ensure the Trust policies on staff supervision, health and sickness, safety and equal opportunities are adhered to, and ensure that all staff absence is recorded through an agreed team procedure.",
    "To provide supervision on clinical caseloads and ensure that all team members have appropriate clinical supervision and Development Review.",
    "To ensure all staff receive an appraisal in line with service policy, ensuring that training, professional and legal requirements are met.",
    "To provide specific professional supervision to team members from the same profession as the post holder.",
    "This is not an exhaustive list of duties and responsibilities, and the post holder may be required to undertake other duties which fall within the grade of the job, in discussion with the manager.",
    "The post holder is expected to comply with all relevant Trust and PCN policies, procedures and guidelines, including those relating to Equal Opportunities and Confidentiality of Information.",
    "The post holder is responsible for ensuring that the work that they undertake is conducted in a manner which is safe to themselves and others, and for adhering to the advice and instructions on Health and Safety matters given by Manager(s). If post holders consider that a hazard to Health and Safety exists, it is their responsibility to report this to their manager(s).",
    "The post holder is expected to comply with the appropriate Code(s) of Conduct associated with this post and meet the required professional standards for on-going registration.",
    "To make effective use of supervision and be able to acknowledge their own limitations, reflect on practice and discuss/identify their training and development needs with their line manager.",
    "Manage their allocated services effectively.",
    "Ensure efficient delivery of care pathways, including triage, assessment, treatment, and discharge of children and young people and their families.",
    "Deliver services in line with policies, priorities, and regulatory standards, achieving all performance targets.",
    "Collaborate with clinical leads to uphold high standards of clinical safety and excellence.",
    "Lead within the multi-agency network of children's services to ensure integrated delivery and improved health and wellbeing outcomes.",
    "To work collaboratively with MDT members to contribute to a flexible and effective interdisciplinary team approach to clinical care.",
    "To effectively establish a therapeutic relationship with service users and their relatives/carers.",
    "To assess capacity and obtain informed consent from service users and work within a legal framework with those clients who lack capacity to consent to treatment.",
    "In conjunction with colleagues to undertake, record, review and work within individual risk assessment and management plans in line with service and Trust policy.",
    "To provide specialist assessment of clients experiencing an acute episode of mental illness and analyse and interpret information gained to form an accurate diagnosis of impairments, strengths and capabilities and formulate clinical needs.",
    "To ensure service users are involved in the planning and prioritisation of their care plans wherever possible.",
    "To adapt practice to meet individual service users' circumstances, including regard for cultural and linguistic differences.",
    "To monitor, evaluate and modify therapy programmes in order to measure progress and increase efficacy for service user outcomes.",
    "In conjunction with others to identify client's needs for additional care provision / housing / specialist placement / further assessment / referral on to other agencies.",
    "To act as a source of clinical reference for other colleagues regarding the service users, providing advice to enable and improve service/care provision.",
    "Lead the day-to-day operation of the multidisciplinary team, overseeing referral screening, assessments, treatment planning, and smooth patient flow through the service.",
    "Manage, supervise, and support staff, ensuring regular supervision, performance monitoring, development planning, and clear communication across the team.",
    "Hold and manage a clinical caseload, including complex cases, offering guidance and clinical oversight to colleagues to ensure safe and effective care.",
    "Embed strong risk management practices, ensuring the team responds appropriately to safeguarding concerns, serious incidents, complaints, and learning opportunities.",
    "Oversee resource and budget management, ensuring services are delivered cost-effectively while maintaining clinical quality and compliance with Trust policies and operational standards.",
    "Lead on recruitment and workforce development, contributing to service planning, team culture, and continuous improvement across the locality.",
    "Promote equality, diversity, inclusion, and patient-centred values, ensuring the service is responsive, accessible, and aligned with the Trust's values and strategic priorities.",
];

/// Paragraphs of the seed adverts' "About us" sections.
const ABOUT: &[&str] = &[
    "Oxleas offers a wide range of NHS healthcare services to people in community and secure environment settings. Our services include community health care such as district nursing and speech and language therapy, care for people with learning disabilities, and mental health care including psychiatry, nursing, and therapies. Our multidisciplinary teams serve people of all ages and collaborate closely with other NHS parts, local councils, and voluntary sectors through provider collaboratives. We have over 125 sites across the South of England, including London boroughs of Bexley, Bromley, Greenwich, and Kent. Our facilities include hospitals like Queen Mary's Hospital, Sidcup, and Memorial Hospital, Woolwich, as well as secure units like the Bracton Centre. We also provide prison health services across several counties. Our mission is to improve lives through excellent care, guided by our values: We're Kind, We Listen, We Care.",
    "Working in a PICU is very rewarding but we want to be honest and share that it is demanding too. It is likely to be needed by people with severe and complex mental health conditions (e.g. Schizophrenia and Bipolar Disorder and may be associated with Personality Disorder, Substance Misuse and PTSD).",
    "While emotionally challenging, the opportunity to support critically unwell women back to their communities, ensuring 'right care, in the right place, at the right time', is immense, and your skilled, multidisciplinary, team will be there to support you.",
    "You would be working as part of a team of mental health experts, dedicated to making sure the most unwell women in our communities have the same access to specialist care as men.",
    "We are recruiting now to make sure our new female PICU team is in place with enough time to train, form team bonds and prepare. So you can all make a profound difference to patient outcomes from day one.",
    "We also offer ongoing professional development to help you adapt and progress your career, including bespoke training and a comprehensive induction program.",
    "All jobs based at our Dartford unit come with a High Cost Area Supplement: 5% of basic salary, subject to a minimum payment of £1303 per year and a maximum payment of £2198 per year (the agreed annual amount will be divided into 12 equal amounts and paid monthly). The salary listed is inclusive of the High-Cost Area Allowance.",
    "Oxleas offers a wide range of NHS healthcare services to people in community and secure environment settings. Our services include community health care such as district nursing and speech and language therapy, care for people with learning disabilities and mental health care such as psychiatry, nursing and therapies. Our multidisciplinary teams look after people of all ages and we work in close partnership with other parts of the NHS, local councils and the voluntary sector and through our new provider collaboratives. Our 4,300 members of staff work in many different settings including hospitals, clinics, prisons, secure hospitals, children's centres, schools and people's homes.",
    "We have over 125 sites in a variety of locations in the South of England. In London we operate within the Boroughs of Bexley, Bromley, Greenwich and into Kent. We manage hospital sites including Queen Mary's Hospital, Sidcup and Memorial Hospital, Woolwich, as well as the Bracton Centre, our medium secure unit for people with mental health needs. We are the largest NHS provider of prison health services providing healthcare to prisons within Devon, Dorset, Bristol, Wiltshire and Gloucestershire, Kent and South London. We are proud of the care we provide and our people.",
    "Our purpose is to improve lives by providing the best possible care to our patients and their families. This is strengthened by our new values:",
];

/// Criteria of the seed adverts' person specifications.
const SPEC: &[&str] = &[
    "Registered Professional Qualification (Mental Health Nurse)",
    "Evidence of Continuing Professional Development (CPD) portfolio",
    "Post graduate education specifically relating to client group (post basic qualification in community care / research awareness)",
    "Approved Mental Health Professional",
    "To be IT literate",
    "To have excellent English verbal and written communication skills",
    "To be able to prioritise workload",
    "To show evidence of sound problem solving skills",
    "To be able to work collaboratively as part of a team",
    "To understand the legal responsibilities of the profession",
    "To have experience and be competent in risk assessment",
    "A specialist knowledge and clinical expertise in community mental health in line with professional requirements (see appendix)",
    "Demonstrate an understanding of clinical risk assessment and management",
    "To have a developed understanding of clinical governance",
    "To understand the legal frameworks within which you have to practice",
    "To maintain professional accountability and professional registration",
    "To have experience of working within a multidisciplinary team",
    "To have relevant experience in community care and have specific clinical expertise in mental health",
    "Formal / informal teaching including supervising student placements",
    "Providing clinical and/or managerial supervision",
    "Clinical audit",
    "To have an understanding of AMHTs and interdisciplinary working",
    "To have experience of supervising other staff",
    "To be able to carry out moderate to intense physical effort throughout the working day and carry out concurrent activities",
    "Experience of providing leadership",
    "Non-medical prescribing",
    "To be able to manage in a stressful working environment",
    "Adaptable and flexible",
    "Able to use own initiative when appropriate",
    "Keen to learn",
    "Team player",
    "Reliable",
    "Able to challenge and be challenged",
    "Able to build rapport",
    "To comprehend and work within the Trust policies of data protection, equal opportunities, Health & Safety and to meet the diverse needs of patients",
    "Own car or access to alternative travel for business use",
    "Able to travel to undertake work and have the capacity to carry equipment relative to your post",
    "Able to comply with Manual Handling policies and guidelines",
    "Able to comply with the PMVA requirements for this post which are breakaway and de-escalation skills.",
    "Relevant qualifications in healthcare management or related fields.",
    "Proven experience in managing children's therapy services or similar healthcare settings.",
    "Strong leadership and management skills.",
    "Excellent communication and partnership-building abilities.",
    "Commitment to high-quality patient care and safety.",
    "Relevant professional qualification (e.g., RMN, OT, Social Worker, Psychologist).",
    "Educated to degree level or equivalent",
    "Educated to master's level or able to demonstrate equivalent relevant experience.",
    "Additional leadership or management-related study aligned with service management responsibilities.",
    "Post-qualification training relevant to adult mental health practice",
    "Evidence of continued professional development relevant to operational or clinical leadership.",
    "Significant experience and demonstrable achievement in clinical practice across varied settings.",
    "Experience of providing professional support, supervision, and motivating staff.",
    "Experience of managing staff and understanding Health and Social Care governance.",
    "Experience managing complex cases and supporting staff in their management.",
    "Experience contributing to service development, policy implementation, or improvement initiatives.",
    "Experience leading or supporting incident investigations, safeguarding alerts, or complaint handling.",
    "Ability to communicate complex and emotive information effectively with staff, service users, carers, and other stakeholders.",
    "Strong understanding of integrated governance and management of clinical and non-clinical risks.",
    "Skilled in managing challenging situations, including responding appropriately to aggression.",
    "Open, facilitative, and adaptable leadership style that supports service delivery",
    "Ability to hold professionals and peers to account to maintain high standards.",
    "Strong performance-management skills, including setting expectations and driving improvement.",
];

/// Sub-sections (`###`) of the seed adverts' job responsibilities.
const RESPONSIBILITIES: &[(&str, &str)] = &[
    (
        "Leadership & Management",
        "The post holder provides effective leadership to ensure the team delivers safe, high-quality care aligned with Trust standards and operational policies. Responsibilities include driving performance, supporting staff through supervision and development, ensuring HR processes are followed, and promoting a positive, inclusive team culture. The role involves monitoring service demand, developing action plans, supporting workforce planning, contributing to policy development, and ensuring systems are in place to track service activity, unmet needs, and financial performance.",
    ),
    (
        "Clinical & Operational Responsibilities",
        "The role requires managing a clinical caseload, including complex cases, and offering clinical guidance to staff. The post holder ensures effective risk management, safeguarding compliance, and appropriate responses to incidents and complaints. They promote evidence-based practice, maintain oversight of referral screening, assessments, and treatment planning, and ensure the team follows agreed procedures, governance frameworks, and operational standards. Active involvement in embedding learning from incidents and complaints is essential.",
    ),
    (
        "Governance, Communication & Service Quality",
        "The post holder ensures strong communication systems within the team, supporting accurate information sharing around risk, care planning, and discharge coordination. They maintain high standards of clinical documentation and ensure compliance with governance, health and safety, and infection control requirements. The role promotes equality, diversity, inclusion, and a recovery-focused approach, while engaging with service users and carers to improve service quality and experience.",
    ),
    (
        "Code of conduct",
        "All staff are required to work in accordance with their professional group's code of conduct (e.g., NMC, GMC, DoH Code of Conduct for Senior Managers).",
    ),
    (
        "Scope of this job description",
        "This job description is intended as a basic guide to the scope and responsibilities of the post and is not exhaustive. It will be subject to regular review and amendment as necessary in consultation with the post holder. This job description is not restrictive or definitive in any way and should be regarded only as a guideline to the duties required and may be amended in the light of changing circumstances following consultation with the post holder. The job description does not form part of the Contract of Employment.",
    ),
    (
        "Focus of the role",
        "To support people living in their communities with a range of long-term severe mental illnesses, including, for example, eating disorders and complex mental health difficulties associated with a diagnosis of \"personality disorder\" and those whose needs are deemed too severe for Improving Access to Psychological Therapies (IAPT) services but not severe enough to meet secondary care thresholds.",
    ),
    (
        "Profession specific skills",
        "All of these professions should be competent in delivering a range of psycho-social intervention skills.",
    ),
];

/// Sub-sections of the seed adverts' additional information.
const ADDITIONAL: &[(&str, &[&str])] = &[
    (
        "Disclosure and Barring Service check",
        &[
            "This post is subject to the Rehabilitation of Offenders Act (Exceptions Order) 1975 and as such it will be necessary for a submission for Disclosure to be made to the Disclosure and Barring Service (formerly known as CRB) to check for any previous criminal convictions.",
        ],
    ),
    (
        "Disclosure and Barring Service check",
        &[
            "This post is subject to the Rehabilitation of Offenders Act (Exceptions Order) 1975. A Disclosure check will be required to verify absence of criminal convictions.",
        ],
    ),
    (
        "Skilled worker sponsorship",
        &[
            "Applications from job seekers who require current Skilled worker sponsorship to work in the UK are welcome and will be considered alongside all other applications. For further information visit the [UK Visas and Immigration website](https://www.gov.uk/government/organisations/uk-visas-and-immigration).",
            "From 6 April 2017, skilled worker applicants, applying for entry clearance into the UK, have had to present a criminal record certificate from each country they have resided continuously or cumulatively for 12 months or more in the past 10 years. Adult dependants (over 18 years old) are also subject to this requirement. Guidance can be found here: [Criminal records checks for overseas applicants](https://www.gov.uk/government/publications/criminal-records-checks-for-overseas-applicants).",
        ],
    ),
    (
        "UK registration",
        &[
            "Applicants must have current UK professional registration. For further information please see the [NHS Careers website](https://www.healthcareers.nhs.uk).",
        ],
    ),
];

// ------------------------------------------------------------------ adverts

struct Salary {
    min: f64,
    max: Option<f64>,
    hourly: bool,
    note: Option<&'static str>,
    pro_rata: bool,
}

impl Salary {
    /// As the generator shows it: "£29,970 to £36,483 a year".
    fn describe(&self) -> String {
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
fn high_cost_area(pay: f64) -> f64 {
    pay + (pay * 0.15).clamp(4_500.0, 7_000.0).round()
}

fn pounds(amount: f64) -> String {
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

struct Place {
    town: &'static Town,
    /// Site, street line and postcode, when the advert gives the full address.
    site: Option<(String, String, String)>,
}

struct Advert {
    index: usize,
    slug: String,
    title: String,
    reference: String,
    employer: &'static Employer,
    grade: &'static Grade,
    band_form: u8,
    family: Family,
    salary: Option<Salary>,
    places: Vec<Place>,
    contract: &'static str,
    contract_length: Option<&'static str>,
    patterns: Vec<&'static str>,
    hours: Option<f64>,
    posted: Day,
    closes: Day,
    date_form: u8,
    closed_early: Option<Day>,
    may_close_early: bool,
    interview: Option<Day>,
    start_date: Option<Day>,
    service: Option<&'static str>,
    staff_group: Option<&'static str>,
    reports_to: Option<&'static str>,
    registration: Option<&'static str>,
    dbs: Option<&'static str>,
    sponsorship: Option<bool>,
    apply_url: Option<String>,
    contact: Option<(String, &'static str, String, String)>,
    document: Option<String>,
    tags: Vec<&'static str>,
    summary: Option<String>,
    body: String,
    open: bool,
}

fn slugify(text: &str) -> String {
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
fn fold(c: char) -> char {
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
fn article(title: &str) -> &'static str {
    if title.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    }
}

fn email_part(name: &str) -> String {
    name.chars()
        .map(fold)
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

fn advert(seed: u64, index: usize) -> Advert {
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

/// The advert's Markdown: sections in the order NHS Jobs uses, with blocks
/// drawn from the seed adverts until the body reaches a size between 4 and
/// 8 KB.
fn body(rng: &mut Rng, title: &str, employer: &Employer, towns: &str) -> String {
    let target = rng.range(4_100, 7_200) as usize;
    // How many blocks of each kind; grown one at a time until the body is
    // long enough.
    let mut summary = 1 + rng.below(2);
    let mut duties = 4 + rng.below(3);
    let mut about = 1;
    let mut resp = 1;
    let mut spec_rows = 3 + rng.below(2);
    let mut extra = 1;
    let values = rng.chance(0.3);
    let html = rng.chance(0.05).then(|| *rng.pick(RAW_HTML));
    let starts: Vec<usize> = (0..6).map(|_| rng.below(1 << 20)).collect();
    let pool = |k: usize, len: usize, j: usize| (starts[k] + j) % len;

    let render = |summary: usize,
                  duties: usize,
                  about: usize,
                  resp: usize,
                  spec_rows: usize,
                  extra: usize| {
        let mut md = String::with_capacity(target + 1024);
        md.push_str("## Job summary\n\n");
        let _ = writeln!(
            md,
            "{} is looking for {} {title} to join our team in {towns}.\n",
            employer.name,
            article(title),
        );
        for j in 0..summary {
            let _ = writeln!(md, "{}\n", SUMMARY[pool(0, SUMMARY.len(), j)]);
        }
        md.push_str("## Main duties of the job\n\n");
        for j in 0..duties {
            let _ = writeln!(md, "- {}", DUTIES[pool(1, DUTIES.len(), j)]);
        }
        md.push_str("\n## About us\n\n");
        for j in 0..about {
            let _ = writeln!(md, "{}\n", ABOUT[pool(2, ABOUT.len(), j)]);
        }
        if values {
            md.push_str("Our values:\n\n- We're Kind\n- We're Fair\n- We Listen\n- We Care\n\n");
        }
        md.push_str("## Job responsibilities\n\n");
        for j in 0..resp {
            let (heading, text) = RESPONSIBILITIES[pool(3, RESPONSIBILITIES.len(), j)];
            let _ = writeln!(md, "### {heading}\n\n{text}\n");
        }
        md.push_str(
            "## Person specification\n\n| Criteria | Essential | Desirable |\n|---|---|---|\n",
        );
        const CRITERIA: &[&str] = &[
            "Qualifications",
            "Experience",
            "Skills and abilities",
            "Knowledge and understanding",
            "Personal qualities",
            "Other requirements",
        ];
        for j in 0..spec_rows {
            let essential = SPEC[pool(4, SPEC.len(), 2 * j)];
            let desirable = if j % 3 == 2 {
                ""
            } else {
                SPEC[pool(4, SPEC.len(), 2 * j + 1)]
            };
            let criterion = if j < CRITERIA.len() { CRITERIA[j] } else { "" };
            let _ = writeln!(md, "| {criterion} | {essential} | {desirable} |");
        }
        md.push_str("\n## Additional information\n\n");
        if let Some(html) = html {
            let _ = writeln!(md, "{html}\n");
        }
        // One of the two DBS sections, then sponsorship, then registration.
        let sections = [starts[5] % 2, 2, 3];
        for &k in &sections[..extra] {
            let (heading, paragraphs) = ADDITIONAL[k];
            let _ = writeln!(md, "### {heading}\n");
            for p in paragraphs.iter() {
                let _ = writeln!(md, "{p}\n");
            }
        }
        md.truncate(md.trim_end().len());
        md.push('\n');
        md
    };

    loop {
        let md = render(summary, duties, about, resp, spec_rows, extra);
        if md.len() >= target {
            return md;
        }
        match rng.below(12) {
            0..=4 => duties += 1,
            5 => summary = (summary + 1).min(SUMMARY.len()),
            6 => about = (about + 1).min(ABOUT.len()),
            7 | 8 => resp = (resp + 1).min(RESPONSIBILITIES.len()),
            9 | 10 => spec_rows = (spec_rows + 1).min(8),
            _ => extra = (extra + 1).min(3),
        }
    }
}

// ----------------------------------------------------------------- writing

/// A YAML double-quoted scalar.
fn q(text: &str) -> String {
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

impl Advert {
    fn band_text(&self) -> String {
        let g = self.grade;
        if !g.afc {
            return g.key.to_owned();
        }
        // The forms the contract accepts: 6, "6", Band 6, band 6.
        match self.band_form {
            0..=4 if g.key.len() == 1 => g.key.to_owned(),
            0..=4 => q(g.key),
            5..=6 => q(g.key),
            7..=8 => g.name.to_owned(),
            _ => format!("band {}", g.key),
        }
    }

    fn date_text(&self, day: Day) -> String {
        match self.date_form {
            0..=11 => day.iso(),
            12..=16 => day.slashed(),
            _ => day.long(),
        }
    }

    /// The careers source file.
    fn careers_markdown(&self) -> String {
        let mut s = String::with_capacity(self.body.len() + 1536);
        s.push_str("---\n");
        let _ = writeln!(s, "title: {}", q(&self.title));
        let _ = writeln!(s, "reference: {}", self.reference);
        let _ = writeln!(s, "employer: {}", q(self.employer.name));
        let _ = writeln!(s, "band: {}", self.band_text());
        if let Some(scheme) = self.grade.scheme {
            let _ = writeln!(s, "pay_scheme: {scheme}");
        }
        if let Some(pay) = &self.salary {
            s.push_str("salary:\n");
            let _ = writeln!(s, "  min: {}", pay.min);
            if let Some(max) = pay.max {
                let _ = writeln!(s, "  max: {max}");
            }
            if pay.hourly {
                s.push_str("  period: hour\n");
            } else if self.index.is_multiple_of(3) {
                s.push_str("  period: year\n");
            }
            if let Some(note) = pay.note {
                let _ = writeln!(s, "  note: {}", q(note));
            }
            if pay.pro_rata {
                s.push_str("  pro_rata: true\n");
            }
        }
        if self.places[0].site.is_some() {
            s.push_str("locations:\n");
            for p in &self.places {
                let (site, street, postcode) = p.site.as_ref().expect("all sites or none");
                let _ = writeln!(s, "  - site: {}", q(site));
                let _ = writeln!(s, "    address: {}", q(street));
                let _ = writeln!(s, "    town: {}", q(p.town.name));
                let _ = writeln!(s, "    county: {}", q(p.town.county));
                let _ = writeln!(s, "    postcode: {postcode}");
            }
        } else if self.places.len() == 1 {
            let _ = writeln!(s, "location: {}", q(self.places[0].town.name));
        } else {
            let towns: Vec<String> = self.places.iter().map(|p| q(p.town.name)).collect();
            let _ = writeln!(s, "locations: [{}]", towns.join(", "));
        }
        if let Some(v) = self.service {
            let _ = writeln!(s, "service: {}", q(v));
        }
        if let Some(v) = self.staff_group {
            let _ = writeln!(s, "staff_group: {v}");
        }
        if let Some(v) = self.reports_to {
            let _ = writeln!(s, "reports_to: {v}");
        }
        let _ = writeln!(s, "contract: {}", self.contract);
        if let Some(v) = self.contract_length {
            let _ = writeln!(s, "contract_length: {v}");
        }
        if self.patterns.len() == 1 {
            let _ = writeln!(s, "working_pattern: {}", self.patterns[0]);
        } else {
            let _ = writeln!(s, "working_pattern: [{}]", self.patterns.join(", "));
        }
        if let Some(h) = self.hours {
            let _ = writeln!(s, "hours: {h}");
        }
        let _ = writeln!(s, "posted: {}", self.date_text(self.posted));
        let _ = writeln!(s, "closes: {}", self.date_text(self.closes));
        if let Some(d) = self.closed_early {
            let _ = writeln!(s, "closed_early: {}", d.iso());
        }
        if self.may_close_early {
            s.push_str("may_close_early: true\n");
        }
        if let Some(d) = self.interview {
            let _ = writeln!(s, "interview: {}", d.iso());
        }
        if let Some(d) = self.start_date {
            let _ = writeln!(s, "start_date: {}", d.iso());
        }
        if let Some(v) = self.registration {
            let _ = writeln!(s, "registration: {}", q(v));
        }
        if let Some(v) = self.dbs {
            let _ = writeln!(s, "dbs: {v}");
        }
        if let Some(v) = self.sponsorship {
            let _ = writeln!(s, "sponsorship: {v}");
        }
        if let Some(v) = &self.apply_url {
            let _ = writeln!(s, "apply_url: {v}");
        }
        if let Some((name, role, email, phone)) = &self.contact {
            s.push_str("contact:\n");
            let _ = writeln!(s, "  name: {}", q(name));
            let _ = writeln!(s, "  role: {}", q(role));
            let _ = writeln!(s, "  email: {email}");
            let _ = writeln!(s, "  phone: {}", q(phone));
        }
        if let Some(url) = &self.document {
            s.push_str("documents:\n  - title: Job description and person specification\n");
            let _ = writeln!(s, "    file: {url}");
        }
        if !self.tags.is_empty() {
            let tags: Vec<String> = self.tags.iter().map(|t| q(t)).collect();
            let _ = writeln!(s, "tags: [{}]", tags.join(", "));
        }
        if let Some(v) = &self.summary {
            let _ = writeln!(s, "summary: {}", q(v));
        }
        s.push_str("---\n");
        s.push_str(&self.body);
        s
    }

    /// The Hugo source file: the same facts, in front matter Hugo's
    /// templates can use as they are (`bands` and `locations` are taxonomies).
    fn hugo_markdown(&self) -> String {
        let mut s = String::with_capacity(self.body.len() + 2048);
        s.push_str("---\n");
        let _ = writeln!(s, "title: {}", q(&self.title));
        let _ = writeln!(s, "date: {}", self.posted.iso());
        let _ = writeln!(s, "bands: [{}]", q(self.grade.name));
        let towns: Vec<String> = self.places.iter().map(|p| q(p.town.name)).collect();
        let _ = writeln!(s, "locations: [{}]", towns.join(", "));
        if let Some(v) = &self.summary {
            let _ = writeln!(s, "summary: {}", q(v));
        }
        s.push_str("params:\n");
        let _ = writeln!(s, "  reference: {}", q(&self.reference));
        let _ = writeln!(s, "  employer: {}", q(self.employer.name));
        let _ = writeln!(s, "  employer_url: {}", q(self.employer.url));
        let _ = writeln!(s, "  employer_address: {}", q(self.employer.address));
        let _ = writeln!(s, "  band: {}", q(self.grade.name));
        let _ = writeln!(
            s,
            "  pay_scheme: {}",
            q(self.grade.scheme.unwrap_or("Agenda for Change"))
        );
        if let Some(pay) = &self.salary {
            let _ = writeln!(s, "  salary: {}", q(&pay.describe()));
            if let Some(note) = pay.note {
                let _ = writeln!(s, "  salary_note: {}", q(note));
            }
            let _ = writeln!(s, "  salary_min: {}", pay.min);
            if let Some(max) = pay.max {
                let _ = writeln!(s, "  salary_max: {max}");
            }
            let _ = writeln!(
                s,
                "  salary_unit: {}",
                if pay.hourly { "HOUR" } else { "YEAR" }
            );
        }
        s.push_str("  sites:\n");
        for p in &self.places {
            let _ = writeln!(s, "    - town: {}", q(p.town.name));
            if let Some((site, street, postcode)) = &p.site {
                let _ = writeln!(s, "      site: {}", q(site));
                let _ = writeln!(s, "      address: {}", q(street));
                let _ = writeln!(s, "      county: {}", q(p.town.county));
                let _ = writeln!(s, "      postcode: {}", q(postcode));
            }
        }
        let contract = {
            let mut c = self.contract.replace('-', " ");
            c[..1].make_ascii_uppercase();
            c
        };
        let _ = writeln!(s, "  contract: {}", q(&contract));
        if let Some(v) = self.contract_length {
            let _ = writeln!(s, "  contract_length: {}", q(v));
        }
        let patterns: Vec<String> = self
            .patterns
            .iter()
            .map(|p| {
                let mut p = p.to_string();
                p[..1].make_ascii_uppercase();
                p
            })
            .collect();
        let _ = writeln!(s, "  working_pattern: {}", q(&patterns.join(", ")));
        let types: Vec<String> = self
            .patterns
            .iter()
            .filter_map(|p| match *p {
                "full-time" => Some(q("FULL_TIME")),
                "part-time" => Some(q("PART_TIME")),
                _ => None,
            })
            .collect();
        let _ = writeln!(s, "  employment_type: [{}]", types.join(", "));
        if let Some(h) = self.hours {
            let _ = writeln!(s, "  hours: {h}");
        }
        let _ = writeln!(s, "  posted: {}", q(&self.posted.long()));
        let _ = writeln!(s, "  posted_iso: {}", q(&self.posted.iso()));
        let _ = writeln!(s, "  closes: {}", q(&self.closes.long()));
        let _ = writeln!(
            s,
            "  closes_iso: {}",
            q(&format!("{}T23:59:00Z", self.closes.iso()))
        );
        if self.may_close_early {
            s.push_str("  may_close_early: true\n");
        }
        if let Some(d) = self.interview {
            let _ = writeln!(s, "  interview: {}", q(&d.long()));
            let _ = writeln!(s, "  interview_iso: {}", q(&d.iso()));
        }
        if let Some(d) = self.start_date {
            let _ = writeln!(s, "  start_date: {}", q(&d.long()));
            let _ = writeln!(s, "  start_date_iso: {}", q(&d.iso()));
        }
        for (key, value) in [
            ("service", self.service),
            ("staff_group", self.staff_group),
            ("reports_to", self.reports_to),
            ("registration", self.registration),
        ] {
            if let Some(v) = value {
                let _ = writeln!(s, "  {key}: {}", q(v));
            }
        }
        if let Some(v) = self.dbs {
            let text = match v {
                "none" => "No DBS check needed".to_owned(),
                other => format!("{}{} check", other[..1].to_ascii_uppercase(), &other[1..]),
            };
            let _ = writeln!(s, "  dbs: {}", q(&text));
        }
        if let Some(v) = self.sponsorship {
            let _ = writeln!(s, "  sponsorship: {v}");
        }
        if let Some(v) = &self.apply_url {
            let _ = writeln!(s, "  apply_url: {}", q(v));
        }
        if let Some((name, role, email, phone)) = &self.contact {
            s.push_str("  contact:\n");
            let _ = writeln!(s, "    name: {}", q(name));
            let _ = writeln!(s, "    role: {}", q(role));
            let _ = writeln!(s, "    email: {}", q(email));
            let _ = writeln!(s, "    phone: {}", q(phone));
        }
        if let Some(url) = &self.document {
            let _ = writeln!(s, "  document: {}", q(url));
        }
        if !self.tags.is_empty() {
            let tags: Vec<String> = self.tags.iter().map(|t| q(t)).collect();
            let _ = writeln!(s, "  tags: [{}]", tags.join(", "));
        }
        let _ = writeln!(s, "  family: {}", q(self.family.staff_group()));
        s.push_str("---\n");
        s.push_str(&self.body);
        s
    }
}

fn site_yaml(n: usize, seed: u64) -> String {
    let mut s = String::new();
    s.push_str("# A synthetic portal for the benchmark: written by examples/synth.rs.\n");
    s.push_str("title: Benchmark NHS Careers\n");
    let _ = writeln!(s, "base_url: {BASE_URL}");
    let _ = writeln!(
        s,
        "description: {}",
        q(&format!(
            "{n} synthetic NHS job adverts (seed {seed}) for the careers benchmark."
        ))
    );
    let _ = writeln!(s, "employer: {}", q(EMPLOYERS[0].name));
    let _ = writeln!(s, "employer_url: {}", EMPLOYERS[0].url);
    s.push_str("employers:\n");
    for e in EMPLOYERS {
        let _ = writeln!(s, "  - name: {}", q(e.name));
        let _ = writeln!(s, "    url: {}", e.url);
        let _ = writeln!(s, "    address: {}", q(e.address));
    }
    let _ = writeln!(s, "privacy_url: {BASE_URL}/privacy");
    s.push_str("disability_confident: true\n");
    s.push_str("language: en-GB\ntimezone: Europe/London\nclosing_time: \"23:59\"\n");
    s.push_str("page_size: 0\nfeed_items: 0\n");
    s
}

// ------------------------------------------------------------------- main

struct Args {
    n: usize,
    out: PathBuf,
    seed: u64,
    skeleton: PathBuf,
    theme_static: PathBuf,
}

const USAGE: &str =
    "usage: synth --n N --out DIR [--seed S] [--hugo-skeleton DIR] [--theme-static DIR]";

fn parse_args() -> Result<Args, String> {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut n = None;
    let mut out = None;
    let mut seed = 2026;
    let mut skeleton = repo.join("scripts/bench-hugo");
    let mut theme_static = repo.join("themes/default/static");
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value\n{USAGE}"));
        match flag.as_str() {
            "--n" => n = Some(value()?.parse().map_err(|e| format!("--n: {e}"))?),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--hugo-skeleton" => skeleton = PathBuf::from(value()?),
            "--theme-static" => theme_static = PathBuf::from(value()?),
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(Args {
        n: n.ok_or(format!("--n is required\n{USAGE}"))?,
        out: out.ok_or(format!("--out is required\n{USAGE}"))?,
        seed,
        skeleton,
        theme_static,
    })
}

fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    let entries = fs::read_dir(from)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", from.display())))?;
    for entry in entries {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> io::Result<()> {
    fs::write(path, text).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
}

fn run(args: &Args) -> io::Result<()> {
    let out = &args.out;
    if out.exists() {
        fs::remove_dir_all(out)?;
    }
    let jobs = out.join("content/jobs");
    let hugo_jobs = out.join("hugo/content/jobs");
    fs::create_dir_all(&jobs)?;
    fs::create_dir_all(&hugo_jobs)?;
    write(
        &out.join("content/site.yaml"),
        &site_yaml(args.n, args.seed),
    )?;

    let mut open = 0;
    let mut bytes = 0;
    let mut bands: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut towns: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut body_min = usize::MAX;
    let mut body_max = 0;
    for i in 0..args.n {
        let a = advert(args.seed, i);
        let shard = jobs.join(format!("{:03}", i / SHARD));
        if i.is_multiple_of(SHARD) {
            fs::create_dir_all(&shard)?;
        }
        let text = a.careers_markdown();
        bytes += text.len();
        write(&shard.join(format!("{}.md", a.slug)), &text)?;
        body_min = body_min.min(a.body.len());
        body_max = body_max.max(a.body.len());
        let o = usize::from(a.open);
        let e = bands.entry(a.grade.name).or_default();
        e.0 += 1;
        e.1 += o;
        for p in &a.places {
            let e = towns.entry(p.town.name).or_default();
            e.0 += 1;
            e.1 += o;
        }
        if a.open {
            open += 1;
            write(
                &hugo_jobs.join(format!("{}.md", a.slug)),
                &a.hugo_markdown(),
            )?;
        }
    }

    copy_tree(&args.skeleton, &out.join("hugo"))?;
    if args.theme_static.is_dir() {
        copy_tree(&args.theme_static, &out.join("hugo/static"))?;
    }

    let counts = |m: &BTreeMap<&str, (usize, usize)>| {
        let all = m.len();
        let with_open = m.values().filter(|(_, o)| *o > 0).count();
        (all, with_open)
    };
    let (bands_all, bands_open) = counts(&bands);
    let (towns_all, towns_open) = counts(&towns);
    let manifest = format!(
        "{{\n  \"n\": {},\n  \"seed\": {},\n  \"now\": \"{:04}-{:02}-{:02}\",\n  \"open\": {open},\n  \"closed\": {},\n  \"bands\": {bands_all},\n  \"bands_open\": {bands_open},\n  \"towns\": {towns_all},\n  \"towns_open\": {towns_open},\n  \"source_bytes\": {bytes},\n  \"body_bytes_min\": {body_min},\n  \"body_bytes_max\": {body_max}\n}}\n",
        args.n,
        args.seed,
        NOW.0,
        NOW.1,
        NOW.2,
        args.n - open,
    );
    write(&out.join("manifest.json"), &manifest)?;
    let mut stdout = io::stdout().lock();
    writeln!(
        stdout,
        "synth: {} adverts ({open} open on {}-{:02}-{:02}) in {}, {bands_all} bands, {towns_all} towns, bodies {body_min}-{body_max} bytes",
        args.n,
        NOW.0,
        NOW.1,
        NOW.2,
        out.display()
    )?;
    Ok(())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}
