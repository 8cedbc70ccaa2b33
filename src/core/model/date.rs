//! Dates as the documents give them: a point or a range at year, month or day precision, how
//! sure it is, and the proleptic Gregorian day numbers the timeline and search compute with.

use serde::{Deserialize, Serialize};

/// A calendar point whose precision is as fine as the source allows: a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Point {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// How precise a date is, coarsest first: the order compares precisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Precision {
    Year,
    Month,
    Day,
}

impl Precision {
    /// "year", "month" or "day", as view models and exports name it.
    pub fn slug(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

impl Point {
    pub fn year(year: i32) -> Self {
        Point {
            year,
            month: None,
            day: None,
        }
    }

    pub fn month(year: i32, month: u8) -> Self {
        Point {
            year,
            month: Some(month),
            day: None,
        }
    }

    pub fn day(year: i32, month: u8, day: u8) -> Self {
        Point {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first day this point covers, as a day number (days since 1970-01-01).
    pub fn first_day(self) -> i32 {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this point covers, as a day number.
    pub fn last_day(self) -> i32 {
        match (self.month, self.day) {
            (Some(m), Some(d)) => days_from_civil(self.year, m, d),
            (Some(m), None) => days_from_civil(self.year, m, days_in_month(self.year, m)),
            _ => days_from_civil(self.year, 12, 31),
        }
    }

    /// ISO-like text: `2017`, `2017-06`, `2017-06-15`.
    pub fn iso(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the month and day exist.
    pub fn parse(s: &str) -> Option<Point> {
        let mut parts = s.trim().split('-');
        let y = parts.next()?;
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        let month = match parts.next() {
            None => return Some(Point::year(year)),
            Some(m) if m.len() == 2 => m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?,
            Some(_) => return None,
        };
        let day = match parts.next() {
            None => return Some(Point::month(year, month)),
            Some(d) if d.len() == 2 => d
                .parse::<u8>()
                .ok()
                .filter(|d| *d >= 1 && *d <= days_in_month(year, month))?,
            Some(_) => return None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(Point::day(year, month, day))
    }
}

/// The one reader of an ISO day, `YYYY-MM-DD` exactly (a real calendar day within
/// [`YEARS`]), as links, the date field and the command line carry it: its day number.
pub fn parse_iso_day(s: &str) -> Option<i32> {
    Point::parse(s)
        .filter(|p| s.len() == 10 && p.day.is_some() && in_years(p.year))
        .map(Point::first_day)
}

/// The one writer of an ISO day: `YYYY-MM-DD` for a day number, the inverse of
/// [`parse_iso_day`].
pub fn iso_day(day: i32) -> String {
    let (y, m, d) = civil_from_days(day);
    Point::day(y, m, d).iso()
}

/// When something happened, as precisely as the sources say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum When {
    /// The documents do not say.
    Unknown,
    Point(Point),
    /// A span of days or months; the end is never before the start.
    Range(Point, Point),
}

impl When {
    /// Inclusive day numbers covered, or `None` when unknown.
    pub fn span(self) -> Option<(i32, i32)> {
        match self {
            When::Unknown => None,
            When::Point(p) => Some((p.first_day(), p.last_day())),
            When::Range(a, b) => Some((a.first_day(), b.last_day())),
        }
    }

    /// The seed-file form: `unknown`, `2017-06`, `2019-10-31..2019-11-01`.
    pub fn iso(self) -> String {
        match self {
            When::Unknown => "unknown".into(),
            When::Point(p) => p.iso(),
            When::Range(a, b) => format!("{}..{}", a.iso(), b.iso()),
        }
    }

    /// The coarsest precision involved.
    pub fn precision(self) -> Option<Precision> {
        match self {
            When::Unknown => None,
            When::Point(p) => Some(p.precision()),
            When::Range(a, _) => Some(a.precision()),
        }
    }
}

/// How sure the date is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Certainty {
    /// The document states it.
    Stated,
    /// Deduced; the reason is shown to users.
    Inferred(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateSpec {
    pub when: When,
    pub certainty: Certainty,
}

impl DateSpec {
    pub const UNKNOWN: DateSpec = DateSpec {
        when: When::Unknown,
        certainty: Certainty::Stated,
    };

    pub fn stated(when: When) -> Self {
        DateSpec {
            when,
            certainty: Certainty::Stated,
        }
    }

    pub fn is_inferred(&self) -> bool {
        matches!(self.certainty, Certainty::Inferred(_))
    }
}

/// The years the data, links and the timeline support (both ends included): the one home of
/// this range; a date outside it fails validation.
pub const YEARS: (i32, i32) = (1900, 2100);

/// Whether `year` is within [`YEARS`].
pub fn in_years(year: i32) -> bool {
    (YEARS.0..=YEARS.1).contains(&year)
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i32::from(month);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i32::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`]: (year, month, day).
pub fn civil_from_days(z: i32) -> (i32, u8, u8) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i32::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_parse_only_real_dates() {
        fn check(input: &str, expect: Option<Point>) {
            assert_eq!(Point::parse(input), expect, "{input:?}");
        }
        check("2017", Some(Point::year(2017)));
        check("2017-06", Some(Point::month(2017, 6)));
        check("2019-10-31", Some(Point::day(2019, 10, 31)));
        check("2016-02-29", Some(Point::day(2016, 2, 29)));
        check("2017-02-29", None);
        check("2017-13", None);
        check("2017-6", None);
        check("17", None);
        check("2017-06-01-01", None);
        check("june", None);
        check("", None);
    }

    #[test]
    fn spans_cover_the_whole_precision() {
        fn check(when: When, expect: (&str, &str)) {
            let (a, b) = when.span().expect("known");
            let fmt = |d: i32| {
                let (y, m, dd) = civil_from_days(d);
                format!("{y:04}-{m:02}-{dd:02}")
            };
            assert_eq!((fmt(a).as_str(), fmt(b).as_str()), expect, "{when:?}");
        }
        check(When::Point(Point::year(2016)), ("2016-01-01", "2016-12-31"));
        check(
            When::Point(Point::month(2016, 2)),
            ("2016-02-01", "2016-02-29"),
        );
        check(
            When::Point(Point::day(2007, 6, 27)),
            ("2007-06-27", "2007-06-27"),
        );
        check(
            When::Range(Point::day(2019, 10, 31), Point::day(2019, 11, 1)),
            ("2019-10-31", "2019-11-01"),
        );
        check(
            When::Range(Point::month(2018, 9), Point::month(2018, 10)),
            ("2018-09-01", "2018-10-31"),
        );
    }

    #[test]
    fn civil_days_round_trip() {
        for z in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }
}
