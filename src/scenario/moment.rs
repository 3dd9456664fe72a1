//! A moment in game time: a civil date with an hour and minute, written `"1960-07-11"` or
//! `"1960-07-11T19:00"` in a scenario.

use std::fmt;

use jiff::civil::{Date, DateTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

/// A point on the game calendar, to the minute. Scenario time has no zone: cables give
/// their date-time groups in it, as the FRUS texts do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Moment(pub DateTime);

impl Moment {
    /// Midnight at the start of a date.
    pub fn midnight(date: Date) -> Self {
        Moment(date.to_datetime(jiff::civil::time(0, 0, 0, 0)))
    }

    pub fn date(self) -> Date {
        self.0.date()
    }

    /// The time of day, as a memorandum gives it: "09:00".
    pub fn clock(self) -> String {
        format!("{:02}:{:02}", self.0.hour(), self.0.minute())
    }

    pub fn hour(self) -> i8 {
        self.0.hour()
    }

    /// The same date at `hour`:00.
    pub fn at_hour(self, hour: i8) -> Self {
        Moment(self.date().to_datetime(jiff::civil::time(hour, 0, 0, 0)))
    }

    /// This moment moved on by a whole number of hours, saturating at the calendar's ends
    /// (validation keeps every scenario's moments far inside them, so no game reaches one).
    pub fn plus_hours(self, hours: i64) -> Self {
        jiff::Span::new()
            .try_hours(hours)
            .ok()
            .and_then(|span| self.0.checked_add(span).ok())
            .map(Moment)
            .unwrap_or(Moment(if hours < 0 {
                DateTime::MIN
            } else {
                DateTime::MAX
            }))
    }

    pub fn plus_days(self, days: i64) -> Self {
        self.plus_hours(days.saturating_mul(24))
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if text.len() == 10 {
            return text
                .parse::<Date>()
                .map(Moment::midnight)
                .map_err(|e| format!("`{text}` is not a date ({e}); expected YYYY-MM-DD"));
        }
        text.parse::<DateTime>().map(Moment).map_err(|e| {
            format!("`{text}` is not a date-time ({e}); expected YYYY-MM-DD or YYYY-MM-DDTHH:MM")
        })
    }

    /// The date-time group of a 1960s cable: day, hour and minute, `Z`, month, two-digit year,
    /// as in `111900Z JUL 60`.
    pub fn dtg(self) -> String {
        const MONTHS: [&str; 12] = [
            "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
        ];
        let d = self.0;
        format!(
            "{:02}{:02}{:02}Z {} {:02}",
            d.day(),
            d.hour(),
            d.minute(),
            MONTHS[(d.month() - 1) as usize],
            d.year().rem_euclid(100)
        )
    }

    /// A long form for prose: `11 July 1960`.
    pub fn long_date(self) -> String {
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
        let d = self.0;
        format!(
            "{} {} {}",
            d.day(),
            MONTHS[(d.month() - 1) as usize],
            d.year()
        )
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        write!(
            f,
            "{:04}-{:02}-{:02} {:02}:{:02}",
            d.year(),
            d.month(),
            d.day(),
            d.hour(),
            d.minute()
        )
    }
}

impl Serialize for Moment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let d = self.0;
        s.serialize_str(&format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            d.year(),
            d.month(),
            d.day(),
            d.hour(),
            d.minute()
        ))
    }
}

impl<'de> Deserialize<'de> for Moment {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Moment::parse(&text).map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_dates_and_date_times() {
        assert_eq!(
            Moment::parse("1960-07-11").unwrap().to_string(),
            "1960-07-11 00:00"
        );
        assert_eq!(
            Moment::parse("1960-07-11T19:00").unwrap().dtg(),
            "111900Z JUL 60"
        );
        assert!(
            Moment::parse("1960-13-01")
                .unwrap_err()
                .contains("expected YYYY-MM-DD")
        );
    }
}
