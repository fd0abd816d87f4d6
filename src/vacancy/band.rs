//! Pay bands: Agenda for Change bands 1 to 9 (8 split into 8a to 8d) and
//! other grades written as text ("Consultant").

use std::cmp::Ordering;
use std::fmt;

use crate::content::fields;
use crate::content::yaml::Value;
use crate::diagnostics::FileReport;
use crate::slug::slugify;

/// A vacancy's grade, ordered as pay is: 1..7, 8a..8d, 9, then other grades
/// alphabetically.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Band {
    /// Agenda for Change: rank 1..=7, 8 = 8a, 9 = 8b, 10 = 8c, 11 = 8d, 12 = 9.
    AgendaForChange(u8),
    Other(String),
}

impl Band {
    /// Every Agenda for Change band, as [`Band::code`] writes it, in pay order.
    pub const AGENDA_FOR_CHANGE: &'static [&'static str] = &[
        "1", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9",
    ];

    /// Reads "6", "Band 6", "band 8A", "Consultant". Text that starts with a
    /// digit or "band" must be a real Agenda for Change band.
    pub fn parse(text: &str) -> Result<Band, String> {
        let trimmed = text.trim();
        let lower = trimmed.to_lowercase();
        let code = lower.strip_prefix("band").map(str::trim).unwrap_or(&lower);
        let afc = lower.starts_with("band") || lower.starts_with(|c: char| c.is_ascii_digit());
        if !afc {
            if trimmed.is_empty() {
                return Err("the band is empty".to_owned());
            }
            // The grade names its page (bands/<slug>/): with no letters or
            // digits it would have none, and would overwrite bands/index.html.
            if slugify(trimmed).is_empty() {
                return Err(format!("the band \"{trimmed}\" has no letters or digits"));
            }
            return Ok(Band::Other(trimmed.to_owned()));
        }
        let rank = match code {
            "1" | "2" | "3" | "4" | "5" | "6" | "7" => code.parse().expect("digit"),
            "8a" => 8,
            "8b" => 9,
            "8c" => 10,
            "8d" => 11,
            "9" => 12,
            "8" => {
                return Err("Band 8 is split into 8a, 8b, 8c and 8d: say which".to_owned());
            }
            _ => return Err(format!("\"{trimmed}\" is not an Agenda for Change band")),
        };
        Ok(Band::AgendaForChange(rank))
    }

    /// "6", "8a", or the grade as written.
    pub fn code(&self) -> String {
        match self {
            Band::AgendaForChange(rank @ 1..=7) => rank.to_string(),
            Band::AgendaForChange(12) => "9".to_owned(),
            Band::AgendaForChange(rank) => format!("8{}", (b'a' + rank - 8) as char),
            Band::Other(name) => name.clone(),
        }
    }

    /// "band-6", "band-8a", "consultant".
    pub fn slug(&self) -> String {
        match self {
            Band::AgendaForChange(_) => format!("band-{}", self.code()),
            Band::Other(name) => slugify(name),
        }
    }

    pub fn is_agenda_for_change(&self) -> bool {
        matches!(self, Band::AgendaForChange(_))
    }
}

impl fmt::Display for Band {
    /// "Band 6", "Band 8a", "Consultant".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Band::AgendaForChange(_) => write!(f, "Band {}", self.code()),
            Band::Other(name) => f.write_str(name),
        }
    }
}

impl Ord for Band {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Band::AgendaForChange(a), Band::AgendaForChange(b)) => a.cmp(b),
            (Band::AgendaForChange(_), Band::Other(_)) => Ordering::Less,
            (Band::Other(_), Band::AgendaForChange(_)) => Ordering::Greater,
            (Band::Other(a), Band::Other(b)) => {
                a.to_lowercase().cmp(&b.to_lowercase()).then(a.cmp(b))
            }
        }
    }
}

impl PartialOrd for Band {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Reads the `band` field.
pub(super) fn read(value: &Value, report: &mut FileReport) -> Option<Band> {
    let text = fields::text(value, "band", report)?;
    match Band::parse(&text.value) {
        Ok(band) => Some(band),
        Err(message) => {
            report.error(
                text.at,
                message,
                "Agenda for Change bands are 1 to 7, 8a, 8b, 8c, 8d and 9; other grades are written as words, e.g. `band: Consultant`",
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_of_bands_is_every_band_in_pay_order() {
        let bands: Vec<Band> = Band::AGENDA_FOR_CHANGE
            .iter()
            .map(|code| Band::parse(code).unwrap())
            .collect();
        let codes: Vec<String> = bands.iter().map(Band::code).collect();
        assert_eq!(codes, Band::AGENDA_FOR_CHANGE);
        assert!(bands.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(bands.len(), 12);
    }

    #[test]
    fn reads_every_spelling_of_a_band() {
        for text in ["6", "Band 6", "band 6", " BAND 6 "] {
            assert_eq!(Band::parse(text).unwrap(), Band::AgendaForChange(6));
        }
        assert_eq!(Band::parse("Band 8A").unwrap().code(), "8a");
        assert_eq!(Band::parse("9").unwrap().slug(), "band-9");
        assert_eq!(Band::parse("Consultant").unwrap().slug(), "consultant");
        assert!(Band::parse("8e").is_err());
        assert!(Band::parse("Band 11").is_err());
        assert!(Band::parse("8").unwrap_err().contains("8a, 8b"));
        assert!(
            Band::parse("???").is_err(),
            "a grade needs a name to link by"
        );
        assert!(Band::parse(" - ").is_err());
    }

    #[test]
    fn orders_as_pay_does() {
        let mut bands: Vec<Band> = ["Consultant", "9", "8b", "2", "8a", "Apprentice", "7", "8d"]
            .iter()
            .map(|t| Band::parse(t).unwrap())
            .collect();
        bands.sort();
        let codes: Vec<String> = bands.iter().map(Band::code).collect();
        assert_eq!(
            codes,
            ["2", "7", "8a", "8b", "8d", "9", "Apprentice", "Consultant"]
        );
    }
}
