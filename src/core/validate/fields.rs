//! The values every record shares: verbatim quotes found in their documents, and dates with
//! their precision and certainty.

use super::{At, Problem, Refs, Validator, parse_when};
use crate::core::model::*;
use crate::core::raw::{RawFile, RawQuote};
use crate::core::text::fold;

impl Validator<'_> {
    pub(super) fn quotes(
        &mut self,
        at: &At<'_>,
        file: &RawFile,
        raw: &[RawQuote],
        refs: &Refs<'_>,
    ) -> Vec<Quote> {
        if raw.is_empty() {
            self.report(at, Problem::NoEvidence);
        }
        let mut out = Vec::new();
        for q in raw {
            let (doc_id, text) = match q {
                RawQuote::Here(text) => match &file.doc {
                    Some(d) => (d.as_str(), text.as_str()),
                    None => {
                        self.report(at, Problem::QuoteWithoutDocument);
                        continue;
                    }
                },
                RawQuote::In { doc, text } => (doc.as_str(), text.as_str()),
            };
            let Some(&doc) = refs.doc_ix.get(doc_id) else {
                self.report(at, Problem::UnknownDocument(doc_id.to_string()));
                continue;
            };
            let needle = fold(text).text;
            match self.folded[doc as usize].find(&needle) {
                Some((start, end)) if !needle.is_empty() => out.push(Quote { doc, start, end }),
                _ => self.report(
                    at,
                    Problem::QuoteNotFound {
                        doc: doc_id.to_string(),
                        quote: text.to_string(),
                    },
                ),
            }
        }
        out
    }

    pub(super) fn date(
        &mut self,
        at: &At<'_>,
        value: Option<&str>,
        certainty: Option<&str>,
        reason: Option<&str>,
    ) -> DateSpec {
        let when = match parse_when(value.unwrap_or("unknown")) {
            Ok(w) => w,
            Err(p) => {
                self.report(at, p);
                When::Unknown
            }
        };
        let in_range = |p: Point| in_years(p.year);
        let when = match when {
            When::Point(a) | When::Range(a, _) | When::Range(_, a) if !in_range(a) => {
                self.report(at, Problem::DateOutOfRange(when.iso()));
                When::Unknown
            }
            w => w,
        };
        let reason = reason.map(str::trim).filter(|r| !r.is_empty());
        let certainty = match certainty.map(str::trim) {
            None | Some("stated") => {
                if reason.is_some() {
                    self.report(at, Problem::ReasonWithoutInference);
                }
                Certainty::Stated
            }
            Some("inferred") => {
                if when == When::Unknown && value.is_some_and(|v| v.trim() == "unknown") {
                    self.report(at, Problem::UnknownDateCannotBeInferred);
                }
                match reason {
                    Some(r) => Certainty::Inferred(r.to_string()),
                    None => {
                        self.report(at, Problem::InferredWithoutReason);
                        Certainty::Stated
                    }
                }
            }
            Some(other) => {
                self.report(
                    at,
                    Problem::UnknownValue {
                        field: "certainty",
                        value: other.to_string(),
                        expected: "stated, inferred".into(),
                    },
                );
                Certainty::Stated
            }
        };
        DateSpec { when, certainty }
    }
}
