//! Dates in words: how a date reads, how precise it is, and whether a document stated it or we
//! inferred it (with the reason).

use crate::core::model::*;

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
}
