//! Pay: a figure or a range, per year, month, week, day or hour, and the
//! reader of the `salary` field.

use crate::content::fields::{self, Fields, Spanned, choice};
use crate::content::yaml::{Kind, Value};
use crate::diagnostics::FileReport;
use crate::schema;

/// How often the figure is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PayPeriod {
    Year,
    Month,
    Week,
    Day,
    Hour,
}

impl PayPeriod {
    pub const NAMES: &'static [&'static str] = &["year", "month", "week", "day", "hour"];

    pub fn parse(text: &str) -> Option<Self> {
        let word = text.trim().to_lowercase();
        let word = word
            .trim_start_matches("per ")
            .trim_start_matches("a ")
            .trim_start_matches("an ");
        Some(match word.trim_end_matches('s') {
            "year" | "annum" | "annual" | "yearly" => Self::Year,
            "month" | "monthly" => Self::Month,
            "week" | "weekly" => Self::Week,
            "day" | "daily" => Self::Day,
            "hour" | "hourly" => Self::Hour,
            _ => return None,
        })
    }

    /// "a year", "an hour".
    pub fn phrase(self) -> &'static str {
        match self {
            Self::Year => "a year",
            Self::Month => "a month",
            Self::Week => "a week",
            Self::Day => "a day",
            Self::Hour => "an hour",
        }
    }

    /// "year", "hour": the period as front matter writes it.
    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// schema.org `unitText`: YEAR, MONTH, WEEK, DAY, HOUR.
    pub fn schema_unit(self) -> &'static str {
        match self {
            Self::Year => "YEAR",
            Self::Month => "MONTH",
            Self::Week => "WEEK",
            Self::Day => "DAY",
            Self::Hour => "HOUR",
        }
    }
}

/// What a post pays, in pounds.
#[derive(Debug, Clone, PartialEq)]
pub struct Salary {
    pub min: f64,
    pub max: Option<f64>,
    pub period: PayPeriod,
    pub note: Option<String>,
    pub pro_rata: bool,
}

impl Salary {
    /// "£40,617 to £48,778 a year", "£13.45 an hour".
    pub fn describe(&self) -> String {
        let range = match self.max {
            Some(max) if max != self.min => format!("{} to {}", pounds(self.min), pounds(max)),
            _ => pounds(self.min),
        };
        let mut text = format!("{range} {}", self.period.phrase());
        if self.pro_rata {
            text.push_str(" pro rata");
        }
        text
    }
}

/// "£40,617", "£13.45": pence only when there are any.
pub fn pounds(amount: f64) -> String {
    let pence = (amount * 100.0).round() as i64;
    let (whole, rest) = (pence / 100, pence % 100);
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if rest == 0 {
        format!("£{grouped}")
    } else {
        format!("£{grouped}.{rest:02}")
    }
}

/// Reads the `salary` field: one yearly figure, or `min`, `max`, `period`,
/// `note` and `pro_rata`.
pub(super) fn read(value: &Value, report: &mut FileReport) -> Option<Salary> {
    // `salary: 40617` is a single yearly figure.
    if matches!(value.kind, Kind::Int(_) | Kind::Float(_)) {
        let min = fields::number(value, "salary", report)?;
        return check_amount(min, "salary", report).map(|min| Salary {
            min,
            max: None,
            period: PayPeriod::Year,
            note: None,
            pro_rata: false,
        });
    }
    let f = Fields::new(value, "the salary", schema::SALARY.fields, report)?;
    let min = f
        .required("min", report, "40617")
        .and_then(|v| fields::number(v, "min", report))
        .and_then(|n| check_amount(n, "min", report));
    let max = f
        .get("max")
        .and_then(|v| fields::number(v, "max", report))
        .and_then(|n| {
            let at = n.at;
            check_amount(n, "max", report).map(|m| (m, at))
        });
    let period = match f.text("period", report) {
        None => Some(PayPeriod::Year),
        Some(t) => choice(t, "period", PayPeriod::NAMES, PayPeriod::parse, report),
    };
    if let (Some(min), Some((max, at))) = (min, max)
        && max < min
    {
        report.error(
            at,
            format!(
                "the maximum salary ({}) is less than the minimum ({})",
                pounds(max),
                pounds(min)
            ),
            "swap `min` and `max`, or correct the figure",
        );
        return None;
    }
    Some(Salary {
        min: min?,
        max: max.map(|(m, _)| m),
        period: period?,
        note: f.text("note", report).map(|t| t.value),
        pro_rata: f.flag("pro_rata", report).unwrap_or(false),
    })
}

fn check_amount(n: Spanned<f64>, key: &str, report: &mut FileReport) -> Option<f64> {
    if n.value <= 0.0 {
        report.error(
            n.at,
            format!("`{key}` must be more than £0"),
            "give the amount in pounds, e.g. 40617 or 13.45",
        );
        return None;
    }
    if n.value > 1_000_000.0 {
        report.error(
            n.at,
            format!(
                "`{key}` is {}, which is more than any NHS post pays",
                pounds(n.value)
            ),
            "give the amount in pounds, e.g. 40617 or 40617.50, not in pence (4061750)",
        );
        return None;
    }
    Some(n.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_pay_as_adverts_do() {
        let s = Salary {
            min: 40617.0,
            max: Some(48778.0),
            period: PayPeriod::Year,
            note: None,
            pro_rata: false,
        };
        assert_eq!(s.describe(), "£40,617 to £48,778 a year");
        let s = Salary {
            min: 13.45,
            max: None,
            period: PayPeriod::Hour,
            note: None,
            pro_rata: true,
        };
        assert_eq!(s.describe(), "£13.45 an hour pro rata");
        assert_eq!(pounds(1_234_567.0), "£1,234,567");
        assert_eq!(PayPeriod::parse("per annum"), Some(PayPeriod::Year));
    }
}
