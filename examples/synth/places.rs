//! Where the synthetic adverts are: towns (with London weighting), employers,
//! streets and sites, and the names of contacts.

/// A town: name, county, postcode area, and whether a London weighting applies.
pub(crate) struct Town {
    pub(crate) name: &'static str,
    pub(crate) county: &'static str,
    pub(crate) postcode: &'static str,
    pub(crate) london: bool,
}

pub(crate) const fn town(name: &'static str, county: &'static str, postcode: &'static str) -> Town {
    Town {
        name,
        county,
        postcode,
        london: false,
    }
}

pub(crate) const fn london(name: &'static str, postcode: &'static str) -> Town {
    Town {
        name,
        county: "Greater London",
        postcode,
        london: true,
    }
}

/// The towns: the first twelve are the busiest (half of all picks).
pub(crate) const TOWNS: &[Town] = &[
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

pub(crate) struct Employer {
    pub(crate) name: &'static str,
    pub(crate) code: &'static str,
    pub(crate) url: &'static str,
    pub(crate) domain: &'static str,
    pub(crate) address: &'static str,
}

pub(crate) const EMPLOYERS: &[Employer] = &[
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

pub(crate) const STREETS: &[&str] = &[
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

pub(crate) const SITE_KINDS: &[&str] = &[
    "General Hospital",
    "Community Hospital",
    "Health Centre",
    "Mental Health Centre",
    "Resource Centre",
    "House",
];

pub(crate) const FIRST_NAMES: &[&str] = &[
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

pub(crate) const LAST_NAMES: &[&str] = &[
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
