//! Dates in words: the one reader ([`dates_in`], and on it [`parse_expression`] and
//! [`month_named`]) and the one writer ([`month_name`], [`point_words`], [`when_words`],
//! [`day_words`], and [`date_view`]: a date as a screen shows it, with the one "(inferred)"
//! flag). Validation reads the dates a quote states with it, coverage the dates a
//! document has, the draft a new document's, search a typed query's; pages, cards, the feed
//! and the command line write dates with it.

use super::{
    Certainty, DateSpec, Point, Precision, When, civil_from_days, days_in_month, in_years,
};

/// The months' names; [`month_named`] reads them and [`month_name`] writes them.
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

/// How a month's name is written where it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthWords {
    /// As documents write it: the whole name, capitalised ("May", never the verb "may").
    Prose,
    /// As people type it: any case, or the first three letters or more ("sept", "JUN").
    Typed,
}

/// The one reader of month names: the month's number (1 to 12) a word names, or `None`.
pub fn month_named(word: &str, how: MonthWords) -> Option<u8> {
    let found = match how {
        MonthWords::Prose => MONTHS.iter().position(|m| *m == word),
        MonthWords::Typed if word.len() >= 3 => MONTHS
            .iter()
            .position(|m| m.len() >= word.len() && m[..word.len()].eq_ignore_ascii_case(word)),
        MonthWords::Typed => None,
    };
    found.map(|i| i as u8 + 1)
}

/// The one writer of month names: "August" for 8.
pub fn month_name(month: u8) -> &'static str {
    MONTHS[(month.clamp(1, 12) - 1) as usize]
}

/// A date expression among words: the words it spans (`first..=last`) and what it says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateWords {
    pub first: usize,
    pub last: usize,
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl DateWords {
    /// The point it names, a month or a day with no year of its own taking `year`: `None` when
    /// there is no year, or the month has no such day ("31 February 2019" names nothing).
    pub fn point(&self, year: Option<i32>) -> Option<Point> {
        let y = self.year.or(year).filter(|y| in_years(*y))?;
        match (self.month, self.day) {
            (Some(m), Some(d)) => (d <= days_in_month(y, m)).then(|| Point::day(y, m, d)),
            (Some(m), None) => Some(Point::month(y, m)),
            (None, _) => Some(Point::year(y)),
        }
    }
}

fn is_year(w: &str) -> Option<i32> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| in_years(*y))
}

fn is_day(w: &str) -> Option<u8> {
    (w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

/// The one reader of dates in words. `words` are the words of a text in order, each with the
/// text between it and the word before. Finds every expression, in order: a month with the
/// day just before or after it (one space apart) and the year after it (after a space, or a
/// comma and a space): "22 August 2018", "August 2018", "March 5, 2024", "24 August",
/// "August"; and a year alone, "2018".
pub fn dates_among(words: &[(&str, &str)], how: MonthWords) -> Vec<DateWords> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (w, _) = words[i];
        if let Some(month) = month_named(w, how) {
            let mut found = DateWords {
                first: i,
                last: i,
                year: None,
                month: Some(month),
                day: None,
            };
            let taken = out.last().map_or(0, |d: &DateWords| d.last + 1);
            if let Some(d) = i
                .checked_sub(1)
                .filter(|&j| j >= taken && words[i].1 == " ")
                .and_then(|j| is_day(words[j].0))
            {
                found.first = i - 1;
                found.day = Some(d);
            } else if let Some(d) = words
                .get(i + 1)
                .filter(|n| n.1 == " ")
                .and_then(|n| is_day(n.0))
            {
                found.last = i + 1;
                found.day = Some(d);
            }
            if let Some(y) = words
                .get(found.last + 1)
                .filter(|n| matches!(n.1, " " | ", "))
                .and_then(|n| is_year(n.0))
            {
                found.last += 1;
                found.year = Some(y);
            }
            i = found.last + 1;
            out.push(found);
        } else if let Some(y) = is_year(w) {
            out.push(DateWords {
                first: i,
                last: i,
                year: Some(y),
                month: None,
                day: None,
            });
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

/// The words of `text` (runs of letters and digits) as byte spans, each with the text
/// before it since the last word.
pub fn spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// [`dates_among`] the words of `text`, as byte spans of `text` with what each says.
pub fn dates_in(text: &str, how: MonthWords) -> Vec<((usize, usize), DateWords)> {
    let sp = spans(text);
    let words: Vec<(&str, &str)> = sp
        .iter()
        .enumerate()
        .map(|(i, &(a, b))| {
            let before = if i == 0 { 0 } else { sp[i - 1].1 };
            (&text[a..b], &text[before..a])
        })
        .collect();
    dates_among(&words, how)
        .into_iter()
        .map(|d| ((sp[d.first].0, sp[d.last].1), d))
        .collect()
}

/// A date expression ("22 August 2018", "August 2018", "March 5, 2024", "2018") as a point:
/// the first that `text` holds, a month or a day with no year taking `year`. Page dates (for
/// ordering documents and for citations), the coverage report's dates and the draft's go
/// through it, so a page dated "2024" is of 2024 to all of them, and "31 February 2019" is
/// nothing to any.
pub fn parse_expression(text: &str, year: Option<i32>) -> Option<Point> {
    dates_in(text, MonthWords::Prose).first()?.1.point(year)
}

/// The one writer of a point in words: "22 August 2018", "August 2018", "2018".
pub fn point_words(p: Point) -> String {
    match (p.month, p.day) {
        (Some(m), Some(d)) => format!("{d} {} {}", month_name(m), p.year),
        (Some(m), None) => format!("{} {}", month_name(m), p.year),
        _ => p.year.to_string(),
    }
}

/// A day number in words: "21 August 2018".
pub fn day_words(day: i32) -> String {
    let (y, m, d) = civil_from_days(day);
    point_words(Point::day(y, m, d))
}

/// A date in words, a range as briefly as it reads ("22–29 August 2018", "31 October – 1
/// November 2019"); `None` when unknown.
pub fn when_words(w: When) -> Option<String> {
    Some(match w {
        When::Unknown => return None,
        When::Point(p) => point_words(p),
        When::Range(a, b) => match (a.month, a.day, b.month, b.day) {
            (Some(am), Some(ad), Some(bm), Some(bd)) if a.year == b.year && am == bm => {
                format!("{ad}\u{2013}{bd} {} {}", month_name(am), a.year)
            }
            (Some(am), Some(ad), Some(bm), Some(bd)) if a.year == b.year => format!(
                "{ad} {} \u{2013} {bd} {} {}",
                month_name(am),
                month_name(bm),
                a.year
            ),
            (Some(am), None, Some(bm), None) if a.year == b.year => {
                format!("{} \u{2013} {} {}", month_name(am), month_name(bm), a.year)
            }
            _ => format!("{} \u{2013} {}", point_words(a), point_words(b)),
        },
    })
}

/// A date as people read it, with what a machine and a sceptic need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateView {
    /// "June 2017", "31 October – 1 November 2019".
    pub text: String,
    /// For `<time datetime>`: `2017-06`, `2019-10-31`.
    pub iso: String,
    /// "day", "month", "year", "days", "months" or "years".
    pub precision: &'static str,
    /// Why the date is what it is, when it is inferred.
    pub inferred: Option<String>,
}

/// How an inferred date is flagged wherever a date is written out in words.
pub const INFERRED: &str = "(inferred)";

impl DateView {
    /// The date in words, flagged when it is inferred: "June 2017 (inferred)".
    pub fn flagged(&self) -> String {
        if self.inferred.is_some() {
            format!("{} {INFERRED}", self.text)
        } else {
            self.text.clone()
        }
    }
}

/// Words for a date; `None` when the documents do not give one. The words are the model's
/// (`model::when_words`, the one writer of dates).
pub fn date_view(d: &DateSpec) -> Option<DateView> {
    let inferred = match &d.certainty {
        Certainty::Inferred(r) => Some(r.clone()),
        Certainty::Stated => None,
    };
    let text = when_words(d.when)?;
    let (iso, precision) = match d.when {
        When::Unknown => return None,
        When::Point(p) => (p.iso(), p.precision().slug()),
        When::Range(a, _) => (
            a.iso(),
            match a.precision() {
                Precision::Day => "days",
                Precision::Month => "months",
                Precision::Year => "years",
            },
        ),
    };
    Some(DateView {
        text,
        iso,
        precision,
        inferred,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Certainty, DateSpec};

    #[test]
    fn dates_read_naturally_and_say_how_precise_they_are() {
        fn check(when: &str, inferred: bool, expect: (&str, &str, &str)) {
            let spec = DateSpec {
                when: crate::core::validate::parse_when(when).expect("valid"),
                certainty: if inferred {
                    Certainty::Inferred("r".into())
                } else {
                    Certainty::Stated
                },
            };
            let v = date_view(&spec).expect("known");
            assert_eq!(
                (v.text.as_str(), v.iso.as_str(), v.precision),
                expect,
                "{when}"
            );
            assert_eq!(v.inferred.is_some(), inferred);
        }
        check("2016", false, ("2016", "2016", "year"));
        check("2017-06", false, ("June 2017", "2017-06", "month"));
        check("2007-06-27", false, ("27 June 2007", "2007-06-27", "day"));
        check(
            "2019-10-31..2019-11-01",
            true,
            ("31 October \u{2013} 1 November 2019", "2019-10-31", "days"),
        );
        check(
            "2019-06-03..2019-06-05",
            false,
            ("3\u{2013}5 June 2019", "2019-06-03", "days"),
        );
        check(
            "2018-01..2018-04",
            true,
            ("January \u{2013} April 2018", "2018-01", "months"),
        );
        check(
            "2019-12..2020-01",
            false,
            ("December 2019 \u{2013} January 2020", "2019-12", "months"),
        );
        assert_eq!(date_view(&DateSpec::UNKNOWN), None);
    }

    #[test]
    fn date_expressions_are_read_in_one_place() {
        let cases = [
            ("22 August 2018", None, Some("2018-08-22")),
            ("March 5, 2024", None, Some("2024-03-05")),
            ("August 2018", None, Some("2018-08")),
            ("2024", None, Some("2024")),
            ("31 February 2019", None, None),
            ("24 August", Some(2018), Some("2018-08-24")),
            ("June", Some(2017), Some("2017-06")),
            ("June", None, None),
        ];
        for (text, year, expect) in cases {
            assert_eq!(
                parse_expression(text, year).map(|p| p.iso()).as_deref(),
                expect,
                "{text}"
            );
        }
    }

    #[test]
    fn month_names_are_read_in_one_place() {
        use MonthWords::{Prose, Typed};
        let cases = [
            ("September", Prose, Some(9)),
            ("May", Prose, Some(5)),
            ("may", Prose, None),
            ("Sept", Prose, None),
            ("september", Typed, Some(9)),
            ("sept", Typed, Some(9)),
            ("JUN", Typed, Some(6)),
            ("ju", Typed, None),
            ("mayday", Typed, None),
            ("Smarch", Typed, None),
        ];
        for (word, how, expect) in cases {
            assert_eq!(month_named(word, how), expect, "{word} {how:?}");
        }
        assert!(in_years(1900) && in_years(2100) && !in_years(1899) && !in_years(2101));
    }
    #[test]
    fn every_expression_in_a_text_is_found_with_its_words() {
        fn check(text: &str, expect: &[(&str, &str)]) {
            let got: Vec<(&str, String)> = dates_in(text, MonthWords::Prose)
                .into_iter()
                .map(|((a, b), d)| {
                    let p = d.point(Some(2000));
                    (&text[a..b], p.map_or("-".into(), |p| p.iso()))
                })
                .collect();
            let want: Vec<(&str, String)> =
                expect.iter().map(|(a, b)| (*a, b.to_string())).collect();
            assert_eq!(got, want, "{text:?}");
        }
        check(
            "held on 31 October \u{2014} 1 November 2019 in Moscow",
            &[
                ("31 October", "2000-10-31"),
                ("1 November 2019", "2019-11-01"),
            ],
        );
        check("signed June 27, 2007.", &[("June 27, 2007", "2007-06-27")]);
        check("In 2016, it was held", &[("2016", "2016")]);
        check("the May meeting", &[("May", "2000-05")]);
        check("31 February 2019", &[("31 February 2019", "-")]);
        check("2018-09", &[("2018", "2018")]);
        check("April  2018", &[("April", "2000-04"), ("2018", "2018")]);
    }

    #[test]
    fn dates_are_written_in_one_place() {
        assert_eq!(point_words(Point::day(2018, 8, 22)), "22 August 2018");
        assert_eq!(
            day_words(Point::day(2018, 8, 21).first_day()),
            "21 August 2018"
        );
        assert_eq!(
            when_words(When::Range(
                Point::day(2018, 8, 22),
                Point::day(2018, 8, 29)
            ))
            .as_deref(),
            Some("22\u{2013}29 August 2018")
        );
        assert_eq!(month_name(12), "December");
        assert_eq!(when_words(When::Unknown), None);
    }
}
