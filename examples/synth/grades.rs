//! The bands and grades the synthetic adverts are posted at: their pay, staff
//! groups and the posts advertised at each, weighted as NHS Jobs carries them.

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
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
    pub(crate) fn staff_group(self) -> &'static str {
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

    pub(crate) fn registration(self) -> Option<&'static str> {
        match self {
            Family::Nursing => Some("NMC (registered nurse)"),
            Family::MentalHealth => Some("NMC, HCPC or Social Work England"),
            Family::Therapy | Family::Science => Some("HCPC"),
            Family::Pharmacy => Some("GPhC"),
            Family::Medical => Some("GMC (full registration with a licence to practise)"),
            _ => None,
        }
    }

    pub(crate) fn services(self) -> &'static [&'static str] {
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

    pub(crate) fn reports_to(self, senior: bool) -> &'static str {
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
pub(crate) struct Grade {
    /// As written in front matter (`6`, `8a`, `Consultant`).
    pub(crate) key: &'static str,
    /// As shown (`Band 6`, `Consultant`).
    pub(crate) name: &'static str,
    pub(crate) weight: u32,
    pub(crate) afc: bool,
    /// Annual pay, pounds (2025/26 scales).
    pub(crate) min: u32,
    pub(crate) max: Option<u32>,
    pub(crate) scheme: Option<&'static str>,
    pub(crate) senior: bool,
    pub(crate) roles: &'static [(&'static str, Family)],
}

use Family::*;

pub(crate) const GRADES: &[Grade] = &[
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
