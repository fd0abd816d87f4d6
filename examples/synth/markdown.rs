//! An advert written out: the Markdown file with front matter for careers,
//! and the same advert for Hugo.

use std::fmt::Write as _;

use crate::advert::{Advert, q};

use crate::rng::Day;

impl Advert {
    pub(crate) fn band_text(&self) -> String {
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

    pub(crate) fn date_text(&self, day: Day) -> String {
        match self.date_form {
            0..=11 => day.iso(),
            12..=16 => day.slashed(),
            _ => day.long(),
        }
    }

    /// The careers source file.
    pub(crate) fn careers_markdown(&self) -> String {
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
    pub(crate) fn hugo_markdown(&self) -> String {
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
