//! The words of the synthetic adverts: passages of the seed adverts (summary,
//! duties, about us, person specification) and the body assembled from them.

use std::fmt::Write as _;

use crate::advert::article;
use crate::places::Employer;
use crate::rng::Rng;

pub(crate) const TAGS: &[&str] = &[
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

pub(crate) const PATTERNS: &[&str] = &[
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

pub(crate) const RAW_HTML: &[&str] = &[
    "<p><strong>Please note:</strong> we may close this advert early if we receive a high number of applications, so please apply as soon as you can.</p>",
    "<div class=\"callout\">\n<p>Interviews will be held in person. Please bring photographic ID and proof of your right to work in the UK.</p>\n</div>",
    "<p>For an informal visit, please call the team on <u>01632 960000</u>.<br>We look forward to hearing from you.</p>",
];

/// Paragraphs of the seed adverts' "Job summary" sections.
pub(crate) const SUMMARY: &[&str] = &[
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
pub(crate) const DUTIES: &[&str] = &[
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
pub(crate) const ABOUT: &[&str] = &[
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
pub(crate) const SPEC: &[&str] = &[
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
pub(crate) const RESPONSIBILITIES: &[(&str, &str)] = &[
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
pub(crate) const ADDITIONAL: &[(&str, &[&str])] = &[
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

/// The advert's Markdown: sections in the order NHS Jobs uses, with blocks
/// drawn from the seed adverts until the body reaches a size between 4 and
/// 8 KB.
pub(crate) fn body(rng: &mut Rng, title: &str, employer: &Employer, towns: &str) -> String {
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
