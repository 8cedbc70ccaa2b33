//! Turns raw seed records into a validated [`Dataset`], or into the list of everything wrong.
//!
//! `build.rs` runs this on every build, so a bad seed fails the build naming the file, the record
//! and the problem. It reports all problems it finds, not only the first, so one build shows the
//! curator every mistake.

use crate::core::extract;
use crate::core::model::*;
use crate::core::raw::*;
use crate::core::text::{Folded, fold};
use std::collections::HashMap;

mod documents;
mod error;
mod fields;
mod reports;

pub use crate::core::model::{is_document_id, is_slug};
use crate::core::sources::settle_fact;
pub use reports::stated_dates;

pub use error::*;

/// A validated dataset with the coverage ignore list that came with it.
#[derive(Debug, Clone, Default)]
pub struct Validated {
    pub dataset: Dataset,
    pub ignores: Vec<Ignore>,
}

/// A coverage ignore entry, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignore {
    pub text: String,
    pub reason: String,
    pub doc: Option<DocIx>,
}

/// Validates everything and returns the dataset, or every problem found.
pub fn validate(src: &RawSource) -> Result<Validated, Vec<ValidationError>> {
    let mut v = Validator {
        src,
        errors: Vec::new(),
        folded: src.documents.iter().map(|(_, b)| fold(b)).collect(),
        written_years: Vec::new(),
    };
    let result = v.run();
    if v.errors.is_empty() {
        Ok(result)
    } else {
        Err(v.errors)
    }
}

struct Validator<'a> {
    src: &'a RawSource,
    errors: Vec<ValidationError>,
    folded: Vec<Folded>,
    /// The year each document was written, by document index, once pass 1 has read it: a
    /// quote's day and month with no year may be of that year.
    written_years: Vec<Option<i32>>,
}

/// Where a record is, for messages.
#[derive(Clone)]
struct At<'a> {
    file: &'a str,
    record: String,
}

impl<'a> Validator<'a> {
    fn report(&mut self, at: &At<'_>, problem: Problem) {
        self.errors.push(ValidationError {
            file: at.file.to_string(),
            record: Some(at.record.clone()),
            problem,
        });
    }

    fn run(&mut self) -> Validated {
        let doc_ix: HashMap<&str, DocIx> = self
            .src
            .documents
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (id.as_str(), i as DocIx))
            .collect();
        let mut documents: Vec<Document> = self
            .src
            .documents
            .iter()
            .map(|(id, body)| Document {
                id: id.clone(),
                title: body.lines().next().unwrap_or_default().trim().to_string(),
                outlet: None,
                page_date: None,
                credit: None,
                written: DateSpec::UNKNOWN,
                date_note: None,
                time: None,
                body: body.clone().into(),
            })
            .collect();

        let mut ids = self.number_ids(&doc_ix, &mut documents);
        self.written_years = documents
            .iter()
            .map(|d| d.written.when.span().map(|(a, _)| civil_from_days(a).0))
            .collect();
        self.documents_and_files_are_complete();
        let refs = Refs {
            entity_ix: std::mem::take(&mut ids.entity_ix),
            doc_ix,
        };
        let (slots, facts, ignores) = self.records(&refs, &ids, &documents);
        let mut dataset = Dataset {
            documents,
            entities: slots.into_iter().flatten().collect(),
            facts,
            mentions: Vec::new(),
        };
        if self.errors.is_empty() {
            dataset.mentions = extract::mentions(&dataset);
        }
        Validated { dataset, ignores }
    }

    /// Pass 1: documents' own metadata, and every id, so that references can be resolved
    /// whatever order the files come in. A record whose id is taken is reported once, here,
    /// and then left out of everything else: numbering it would shift every later entity and
    /// turn one mistake into many.
    fn number_ids(
        &mut self,
        doc_ix: &HashMap<&'a str, DocIx>,
        documents: &mut [Document],
    ) -> Ids<'a> {
        let mut ids: HashMap<&str, (&str, &str)> = HashMap::new();
        let mut entity_ix: HashMap<&str, EntityIx> = HashMap::new();
        let mut entity_count = 0;
        let mut duplicates: Vec<(usize, &str, usize)> = Vec::new();
        let src = self.src;
        for (fi, file) in src.files.iter().enumerate() {
            if let Some(meta) = &file.document {
                let at = At {
                    file: &file.path,
                    record: format!("document `{}`", file.doc.as_deref().unwrap_or("?")),
                };
                match file.doc.as_deref().and_then(|d| doc_ix.get(d)) {
                    Some(&ix) => self.document_meta(&at, meta, &mut documents[ix as usize]),
                    None => self.errors.push(ValidationError {
                        file: file.path.clone(),
                        record: None,
                        problem: Problem::DocumentWithoutText,
                    }),
                }
            }
            for (kind, n, id) in file
                .entities
                .iter()
                .enumerate()
                .map(|(n, e)| ("entity", n, e.id.as_str()))
                .chain(
                    file.facts
                        .iter()
                        .enumerate()
                        .map(|(n, f)| ("fact", n, f.id.as_str())),
                )
            {
                let at = At {
                    file: &file.path,
                    record: format!("{kind} `{id}`"),
                };
                if !is_slug(id) {
                    self.report(&at, Problem::BadId);
                }
                if let Some(&(first, first_kind)) = ids.get(id) {
                    self.report(
                        &at,
                        Problem::DuplicateId {
                            first_file: first.to_string(),
                            both_facts: kind == "fact" && first_kind == "fact",
                        },
                    );
                    duplicates.push((fi, kind, n));
                } else {
                    ids.insert(id, (&file.path, kind));
                    if kind == "entity" {
                        entity_ix.insert(id, entity_count);
                        entity_count += 1;
                    }
                }
            }
        }
        Ids {
            entity_ix,
            entity_count,
            duplicates,
        }
    }

    /// Pass 2: entities, then facts and ignore entries, with references resolved. Returns
    /// one slot per numbered entity, `None` where the entity itself is invalid, so that
    /// references to later entities still find the right one.
    fn records(
        &mut self,
        refs: &Refs<'a>,
        ids: &Ids<'a>,
        documents: &[Document],
    ) -> (Vec<Option<Entity>>, Vec<Fact>, Vec<Ignore>) {
        let src = self.src;
        let skip = |fi: usize, kind: &str, n: usize| ids.duplicates.contains(&(fi, kind, n));
        let mut slots: Vec<Option<Entity>> = Vec::with_capacity(ids.entity_count as usize);
        let mut facts = Vec::new();
        let mut ignores = Vec::new();
        for (fi, file) in src.files.iter().enumerate() {
            for (n, raw) in file.entities.iter().enumerate() {
                if skip(fi, "entity", n) {
                    continue;
                }
                let at = At {
                    file: &file.path,
                    record: format!("entity `{}`", raw.id),
                };
                slots.push(self.entity(&at, file, raw, refs, documents));
            }
        }
        for (fi, file) in src.files.iter().enumerate() {
            for (n, raw) in file.facts.iter().enumerate() {
                if skip(fi, "fact", n) {
                    continue;
                }
                let at = At {
                    file: &file.path,
                    record: format!("fact `{}`", raw.id),
                };
                if let Some(f) = self.fact(&at, file, raw, refs, &slots) {
                    facts.push(f);
                }
            }
            for raw in &file.ignores {
                let at = At {
                    file: &file.path,
                    record: format!("ignore {:?}", crate::core::text::ellipsize(&raw.text, 40)),
                };
                if raw.text.trim().is_empty() {
                    self.report(&at, Problem::Empty("text"));
                }
                if raw.reason.trim().is_empty() {
                    self.report(&at, Problem::Empty("reason"));
                }
                let doc = match &raw.doc {
                    Some(d) => match refs.doc_ix.get(d.as_str()) {
                        Some(&ix) => Some(ix),
                        None => {
                            self.report(&at, Problem::UnknownDocument(d.clone()));
                            None
                        }
                    },
                    None => None,
                };
                ignores.push(Ignore {
                    text: raw.text.clone(),
                    reason: raw.reason.clone(),
                    doc,
                });
            }
        }
        // Other documents' reports, once every fact is known; then each fact settled.
        let by_id: HashMap<String, usize> = facts
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.clone(), i))
            .collect();
        // Other documents' descriptions of entities, likewise.
        let mut described: Vec<Vec<Description>> = vec![Vec::new(); slots.len()];
        for file in &src.files {
            for (n, raw) in file.reports.iter().enumerate() {
                match (raw.fact.as_deref(), raw.entity.as_deref()) {
                    (Some(_), None) => {
                        let ix = |id: &str| by_id.get(id).copied();
                        if let Some((f, r)) = self.other_report(file, raw, refs, &ix, &facts) {
                            facts[f].reports.push(r);
                        }
                    }
                    (None, Some(_)) => {
                        if let Some((e, d)) =
                            self.entity_report(file, raw, refs, &slots, &described)
                        {
                            described[e as usize].push(d);
                        }
                    }
                    (fact, entity) => {
                        let at = At {
                            file: &file.path,
                            record: format!("report {}", n + 1),
                        };
                        let both = fact.is_some() && entity.is_some();
                        self.report(&at, Problem::ReportNamesOne { both });
                    }
                }
            }
        }
        for f in &mut facts {
            settle_fact(f, documents);
        }
        for (slot, more) in slots.iter_mut().zip(described) {
            if let Some(e) = slot {
                let own = Description {
                    doc: e.origin,
                    text: std::mem::take(&mut e.description),
                    quotes: std::mem::take(&mut e.evidence),
                };
                crate::core::sources::describe(
                    e,
                    std::iter::once(own).chain(more).collect(),
                    documents,
                );
            }
        }
        (slots, facts, ignores)
    }

    fn entity(
        &mut self,
        at: &At<'_>,
        file: &RawFile,
        raw: &RawEntity,
        refs: &Refs<'_>,
        documents: &[Document],
    ) -> Option<Entity> {
        let kind = self.one_of(
            at,
            "kind",
            &raw.kind,
            EntityKind::from_slug,
            EntityKind::ALL.map(EntityKind::slug),
        );
        for (field, value) in [("name", &raw.name), ("description", &raw.description)] {
            if value.trim().is_empty() {
                self.report(at, Problem::Empty(field));
            }
        }
        // Each name with the earliest document (in time) that contains it.
        let mut named_in = Vec::new();
        for (field, list) in [
            ("aliases", &raw.aliases),
            ("abbreviations", &raw.abbreviations),
            ("roles", &raw.roles),
        ] {
            for text in list {
                let needle = fold(text).text;
                let first = (0..self.folded.len() as DocIx)
                    .filter(|&d| self.folded[d as usize].find(&needle).is_some())
                    .min_by_key(|&d| crate::core::sources::time_key(documents, d));
                if text.trim().is_empty() {
                    self.report(at, Problem::Empty(field));
                } else if first.is_none() {
                    self.report(
                        at,
                        Problem::NotInDocuments {
                            field,
                            text: text.clone(),
                        },
                    );
                }
                named_in.push(first.unwrap_or(0));
            }
        }
        let affiliation = raw
            .affiliation
            .as_deref()
            .and_then(|id| self.entity_ref(at, "affiliation", id, refs));
        let evidence = self.quotes(at, file, &raw.quotes, refs);
        // The record speaks from the newest document it draws on: its own file's, or any its
        // quotes come from.
        let here = file
            .doc
            .as_deref()
            .and_then(|d| refs.doc_ix.get(d).copied());
        let origin = evidence
            .iter()
            .map(|q| q.doc)
            .chain(here)
            .max_by_key(|&d| crate::core::sources::time_key(documents, d))
            .unwrap_or(0);
        Some(Entity {
            id: raw.id.clone(),
            kind: kind?,
            name: raw.name.trim().to_string(),
            aliases: raw.aliases.clone(),
            abbreviations: raw.abbreviations.clone(),
            search_aliases: raw.search_aliases.clone(),
            description: raw.description.trim().to_string(),
            roles: raw.roles.clone(),
            affiliation,
            purpose: non_empty(&raw.purpose),
            evidence,
            descriptions: Vec::new(),
            origin,
            named_in,
        })
    }

    fn fact(
        &mut self,
        at: &At<'_>,
        file: &RawFile,
        raw: &RawFact,
        refs: &Refs<'_>,
        entities: &[Option<Entity>],
    ) -> Option<Fact> {
        let kind = self.one_of(
            at,
            "kind",
            &raw.kind,
            FactKind::from_slug,
            FactKind::ALL.map(FactKind::slug),
        );
        let status = self.one_of(
            at,
            "status",
            &raw.status,
            Status::from_slug,
            Status::ALL.map(Status::slug),
        );
        for (field, value) in [("title", &raw.title), ("summary", &raw.summary)] {
            if value.trim().is_empty() {
                self.report(at, Problem::Empty(field));
            }
        }
        let date = self.date(
            at,
            raw.date.as_deref(),
            raw.certainty.as_deref(),
            raw.reason.as_deref(),
        );
        let participants = self.entity_refs(at, "participants", &raw.participants, refs);
        let places = self.entity_refs(at, "places", &raw.places, refs);
        let about = self.entity_refs(at, "about", &raw.about, refs);
        let series = raw
            .series
            .as_deref()
            .and_then(|id| self.entity_ref(at, "series", id, refs));
        if let Some(ix) = series
            && let Some(Some(e)) = entities.get(ix as usize)
            && !matches!(
                e.kind,
                EntityKind::ExerciseSeries | EntityKind::ConferenceSeries
            )
        {
            self.report(at, Problem::NotASeries(e.id.clone()));
        }
        let mut membership = Vec::new();
        for m in &raw.membership {
            let who = self.entity_ref(at, "membership.who", &m.who, refs);
            let standing = self.one_of(
                at,
                "membership.standing",
                &m.standing,
                Standing::from_slug,
                Standing::ALL.map(Standing::slug),
            );
            let edge = self.one_of(
                at,
                "membership.edge",
                &m.edge,
                Edge::from_slug,
                ["start", "end", "holds"],
            );
            if let (Some(who), Some(standing), Some(edge)) = (who, standing, edge) {
                membership.push(MembershipChange {
                    who,
                    standing,
                    edge,
                });
            }
        }
        let evidence = self.quotes(at, file, &raw.quotes, refs);
        let summary = raw.summary.trim().to_string();
        let own = self.own_report(
            at,
            status,
            &date,
            (&participants, &places),
            (&summary, &evidence),
        );
        Some(Fact {
            id: raw.id.clone(),
            kind: kind?,
            title: raw.title.trim().to_string(),
            origin: own.as_ref().map_or(0, |r| r.doc),
            summary,
            status: status?,
            date,
            participants,
            places,
            about,
            series,
            purpose: non_empty(&raw.purpose),
            membership,
            evidence,
            reports: vec![own?],
            revised: false,
            disputes: Vec::new(),
            earlier: Vec::new(),
        })
    }

    fn one_of<T, const N: usize>(
        &mut self,
        at: &At<'_>,
        field: &'static str,
        value: &str,
        parse: impl Fn(&str) -> Option<T>,
        expected: [&str; N],
    ) -> Option<T> {
        let got = parse(value.trim());
        if got.is_none() {
            self.report(
                at,
                Problem::UnknownValue {
                    field,
                    value: value.to_string(),
                    expected: expected.join(", "),
                },
            );
        }
        got
    }

    /// Each id of a list field resolved, the unknown ones reported and left out.
    fn entity_refs(
        &mut self,
        at: &At<'_>,
        field: &'static str,
        ids: &[String],
        refs: &Refs<'_>,
    ) -> Vec<EntityIx> {
        ids.iter()
            .filter_map(|id| self.entity_ref(at, field, id, refs))
            .collect()
    }

    fn entity_ref(
        &mut self,
        at: &At<'_>,
        field: &'static str,
        id: &str,
        refs: &Refs<'_>,
    ) -> Option<EntityIx> {
        let got = refs.entity_ix.get(id).copied();
        if got.is_none() {
            self.report(
                at,
                Problem::UnknownEntity {
                    field,
                    id: id.to_string(),
                },
            );
        }
        got
    }
}

/// What pass 1 numbered: entity ids to indices, and the records left out as duplicates
/// (file, kind, position in the file).
struct Ids<'a> {
    entity_ix: HashMap<&'a str, EntityIx>,
    entity_count: u32,
    duplicates: Vec<(usize, &'a str, usize)>,
}

struct Refs<'a> {
    entity_ix: HashMap<&'a str, EntityIx>,
    doc_ix: HashMap<&'a str, DocIx>,
}

fn non_empty(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Parses the seed form of a date: `unknown`, a point, or `A..B`.
pub fn parse_when(s: &str) -> Result<When, Problem> {
    let s = s.trim();
    if s == "unknown" {
        return Ok(When::Unknown);
    }
    if let Some((a, b)) = s.split_once("..") {
        let (Some(a), Some(b)) = (Point::parse(a), Point::parse(b)) else {
            return Err(Problem::BadDate(s.to_string()));
        };
        if b.last_day() < a.first_day() {
            return Err(Problem::RangeEndsBeforeStart(s.to_string()));
        }
        return Ok(When::Range(a, b));
    }
    Point::parse(s)
        .map(When::Point)
        .ok_or_else(|| Problem::BadDate(s.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "Peace Mission 2016 was held in Kyrgyzstan.\nThe SCO held it in 2016.";

    /// A one-document source with the given annotation file text (TOML).
    fn source(toml_text: &str) -> RawSource {
        let mut file: RawFile =
            crate::core::source::parse_file("seeds/doc.toml", toml_text).expect("fixture parses");
        file.doc = Some("doc".into());
        // Every document needs its [document] table; fixtures that are not about it get one.
        if file.document.is_none() {
            file.document = Some(RawDocument {
                title: "Doc".into(),
                ..Default::default()
            });
        }
        RawSource {
            documents: vec![("doc".into(), DOC.into())],
            files: vec![file],
            ..Default::default()
        }
    }

    const ENTITY: &str = r#"
[[entity]]
id = "kyrgyzstan"
kind = "state"
name = "Kyrgyzstan"
description = "Host of Peace Mission 2016."
quotes = ["held in Kyrgyzstan"]
"#;

    /// Checks that a fixture fails with exactly these messages (file: record: problem).
    fn check(toml_text: &str, expect: &[&str]) {
        let got = match validate(&source(toml_text)) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
        };
        assert_eq!(got, expect, "for fixture:\n{toml_text}");
    }

    fn fact(extra: &str) -> String {
        format!(
            "{ENTITY}\n[[fact]]\nid = \"pm-2016\"\nkind = \"exercise\"\ntitle = \"Peace Mission 2016\"\nsummary = \"Held in Kyrgyzstan.\"\nstatus = \"happened\"\n{extra}\n"
        )
    }

    #[test]
    fn a_good_record_passes() {
        check(
            &fact(
                "date = \"2016\"\nplaces = [\"kyrgyzstan\"]\nquotes = [\"Peace Mission 2016 was held\"]",
            ),
            &[],
        );
    }

    #[test]
    fn each_problem_names_file_record_and_what_is_wrong() {
        check(
            &fact("date = \"2016\"\nquotes = [\"Peace Mission 2017 was held\"]"),
            &[
                "seeds/doc.toml: fact `pm-2016`: quote not found in document `doc`: «Peace Mission 2017 was held»",
            ],
        );
        check(
            &fact("date = \"2016\"\nplaces = [\"bishkek\"]\nquotes = [\"Peace Mission\"]"),
            &["seeds/doc.toml: fact `pm-2016`: `places` names unknown entity `bishkek`"],
        );
        check(
            &fact("date = \"2016\"\nquotes = [{ doc = \"nope\", text = \"Peace\" }]"),
            &["seeds/doc.toml: fact `pm-2016`: names unknown document `nope`"],
        );
        check(
            &fact("date = \"2016-13\"\nquotes = [\"Peace\"]"),
            &[
                "seeds/doc.toml: fact `pm-2016`: date \"2016-13\" is malformed (expected YYYY, YYYY-MM, YYYY-MM-DD, A..B or unknown)",
            ],
        );
        check(
            &fact("date = \"2016-11..2016-10\"\nquotes = [\"Peace\"]"),
            &[
                "seeds/doc.toml: fact `pm-2016`: date range \"2016-11..2016-10\" ends before it starts",
            ],
        );
        check(
            &fact("date = \"2016\""),
            &["seeds/doc.toml: fact `pm-2016`: has no evidence: add at least one verbatim quote"],
        );
        check(
            &fact("date = \"2016\"\ncertainty = \"inferred\"\nquotes = [\"Peace\"]"),
            &["seeds/doc.toml: fact `pm-2016`: an inferred date needs a one-line `reason`"],
        );
        check(
            &fact(
                "date = \"2016\"\ncertainty = \"inferred\"\nreason = \"  \"\nquotes = [\"Peace\"]",
            ),
            &["seeds/doc.toml: fact `pm-2016`: an inferred date needs a one-line `reason`"],
        );
        check(
            &fact("date = \"2016\"\nreason = \"because\"\nquotes = [\"Peace\"]"),
            &[
                "seeds/doc.toml: fact `pm-2016`: `reason` is given but `certainty` is not \"inferred\"",
            ],
        );
        check(
            &fact(
                "date = \"2016\"\nquotes = [\"Peace\"]\n[[fact]]\nid = \"kyrgyzstan\"\nkind = \"visit\"\ntitle = \"t\"\nsummary = \"s\"\nstatus = \"happened\"\nquotes = [\"Peace\"]",
            ),
            &["seeds/doc.toml: fact `kyrgyzstan`: id is already used in seeds/doc.toml"],
        );
        check(
            &fact("date = \"2016\"\nseries = \"kyrgyzstan\"\nquotes = [\"Peace\"]"),
            &[
                "seeds/doc.toml: fact `pm-2016`: `series` names `kyrgyzstan`, which is not an exercise or conference series",
            ],
        );
    }

    #[test]
    fn bad_ids_kinds_and_values_are_named() {
        check(
            &fact("date = \"2016\"\nquotes = [\"Peace\"]").replace("\"pm-2016\"", "\"PM 2016\""),
            &[
                "seeds/doc.toml: fact `PM 2016`: id must be a slug (lowercase letters, digits, single hyphens; at most 100 characters)",
            ],
        );
        check(
            &fact("date = \"2016\"\nquotes = [\"Peace\"]").replace("\"exercise\"", "\"drill\""),
            &[
                "seeds/doc.toml: fact `pm-2016`: `kind` is \"drill\", expected one of: membership, exercise, meeting, conference, visit, agreement, procurement, presidency, statement",
            ],
        );
        check(
            &fact(
                "date = \"2016\"\nquotes = [\"Peace\"]\nmembership = [{ who = \"kyrgyzstan\", standing = \"member\", edge = \"start\" }]",
            ),
            &[
                "seeds/doc.toml: fact `pm-2016`: `membership.standing` is \"member\", expected one of: full-member, observer, agreement-party, accession-in-progress, presidency",
            ],
        );
        check(
            &ENTITY.replace(
                "quotes = [\"held in Kyrgyzstan\"]",
                "aliases = [\"Kirghizia\"]\nquotes = [\"held in Kyrgyzstan\"]",
            ),
            &[
                "seeds/doc.toml: entity `kyrgyzstan`: `aliases` \"Kirghizia\" occurs in no document (use `search_aliases` for names the documents do not use)",
            ],
        );
    }

    #[test]
    fn document_level_and_file_level_problems() {
        // A file that annotates no document: plain quotes and a [document] table have nowhere to go.
        let mut src = source(&fact("date = \"2016\"\nquotes = [\"Peace\"]"));
        src.files[0].doc = None;
        src.files[0].document = Some(RawDocument {
            title: "t".into(),
            ..Default::default()
        });
        let got: Vec<String> = validate(&src)
            .expect_err("invalid")
            .iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(
            got,
            [
                "seeds/doc.toml: has a [document] table but no document text with the same file stem",
                "doc.txt: no annotation file describes this document: add <id>.toml with a [document] table (title, dates); `cargo run -- draft FILE.txt` drafts one from a copy of the text outside seeds/",
                "seeds/doc.toml: entity `kyrgyzstan`: a quote needs `doc` here: this file annotates no document",
                "seeds/doc.toml: fact `pm-2016`: a quote needs `doc` here: this file annotates no document",
            ]
        );
        check(
            "[document]\ntitle = \"\"\npage_date = \"May 1, 2020\"\nwritten = \"2016\"\ncertainty = \"maybe\"",
            &[
                "seeds/doc.toml: document `doc`: `title` is empty",
                "seeds/doc.toml: document `doc`: `certainty` is \"maybe\", expected one of: stated, inferred",
                "seeds/doc.toml: document `doc`: `page_date` \"May 1, 2020\" occurs in no document (use `search_aliases` for names the documents do not use)",
            ],
        );
        check(
            &fact(
                "date = \"unknown\"\ncertainty = \"inferred\"\nreason = \"r\"\nquotes = [\"Peace\"]",
            ),
            &["seeds/doc.toml: fact `pm-2016`: an unknown date cannot be inferred"],
        );
        check(
            &ENTITY.replace(
                "name = \"Kyrgyzstan\"",
                "name = \" \"\naffiliation = \"sco\"",
            ),
            &[
                "seeds/doc.toml: entity `kyrgyzstan`: `name` is empty",
                "seeds/doc.toml: entity `kyrgyzstan`: `affiliation` names unknown entity `sco`",
            ],
        );
        let err = crate::core::source::parse_file("seeds/bad.toml", "[[fact]]\nid = 3")
            .expect_err("bad TOML");
        assert!(
            err.to_string()
                .starts_with("seeds/bad.toml: cannot be read: "),
            "{err}"
        );
        let err = crate::core::source::parse_file(
            "seeds/bad.toml",
            "[[fact]]\nid = \"a\"\ncolour = \"x\"",
        )
        .expect_err("unknown field");
        assert!(
            err.to_string().contains("colour"),
            "a misspelt field is named: {err}"
        );
    }

    #[test]
    fn every_problem_is_reported_not_only_the_first() {
        let text = fact("date = \"20x6\"\nplaces = [\"nowhere\"]\nquotes = [\"not in the text\"]");
        let errors = validate(&source(&text)).expect_err("three problems");
        assert_eq!(errors.len(), 3, "{errors:#?}");
    }

    #[test]
    fn quotes_resolve_to_the_documents_own_words() {
        let v = validate(&source(&fact(
            "date = \"2016\"\nquotes = [\"The  SCO held it\"]",
        )))
        .expect("valid");
        let f = &v.dataset.facts[0];
        assert_eq!(v.dataset.quote_text(&f.evidence[0]), "The SCO held it");
    }

    #[test]
    fn slugs() {
        for (s, ok) in [
            ("peace-mission-2018", true),
            ("sco", true),
            ("a--b", false),
            ("-a", false),
            ("Peace", false),
            ("", false),
        ] {
            assert_eq!(is_slug(s), ok, "{s:?}");
        }
    }

    /// The fixture corpus with one file edited, validated: every message, in order.
    fn corpus_errors(file: &str, edit: impl Fn(&str) -> String) -> Vec<String> {
        crate::core::testing::errors_with_edit(&crate::core::testing::corpus_dir(), file, edit)
    }

    #[test]
    fn a_duplicate_id_is_one_error_with_no_follow_on_errors() {
        fn check(file: &str, edit: impl Fn(&str) -> String, expect: &[&str]) {
            assert_eq!(corpus_errors(file, edit), expect, "editing {file}");
        }
        let entity = |id: &str, kind: &str| {
            format!(
                "\n[[entity]]\nid = \"{id}\"\nkind = \"{kind}\"\nname = \"X\"\ndescription = \"d\"\nquotes = [{{ doc = \"a_fixture\", text = \"Arland\" }}]\n"
            )
        };
        // An early entity repeated first in the file: every later entity would shift by one.
        check(
            "entities.toml",
            |t| entity("arland", "state") + t,
            &["entities.toml: entity `arland`: id is already used in entities.toml"],
        );
        // The same id for an entity and a fact, across files.
        check(
            "entities.toml",
            |t| format!("{t}{}", entity("harbour-shield-2014", "place")),
            &["entities.toml: entity `harbour-shield-2014`: id is already used in a_fixture.toml"],
        );
        // A fact repeated in another file, with a quote that is not in that file's document.
        check(
            "b_fixture.toml",
            |t| {
                t.replace(
                    "id = \"working-group-2019\"",
                    "id = \"harbour-shield-2016\"",
                )
            },
            &[
                "b_fixture.toml: fact `harbour-shield-2016`: id is already used in a_fixture.toml; for another document's word on the same fact, write a [[report]] with fact = this id",
            ],
        );
        // An entity with a bad kind is one error too: later entities keep their numbers.
        check(
            "entities.toml",
            |t| t.replacen("kind = \"state\"", "kind = \"country\"", 1),
            &[
                "entities.toml: entity `arland`: `kind` is \"country\", expected one of: state, organisation, body, person, place, exercise-series, conference-series, legal-instrument, equipment, media-outlet",
            ],
        );
    }

    #[test]
    fn empty_or_unannotated_documents_empty_files_and_far_dates_are_refused() {
        fn check(files: &[(&str, &str)], expect: &[&str]) {
            let files: Vec<(String, String)> = files
                .iter()
                .map(|(n, t)| (n.to_string(), t.to_string()))
                .collect();
            let got = match validate(&crate::core::source::load_files(&files).expect("parses")) {
                Ok(_) => Vec::new(),
                Err(e) => e.iter().map(ToString::to_string).collect(),
            };
            assert_eq!(got, expect, "{files:?}");
        }
        let doc = ("a.toml", "[document]\ntitle = \"A\"\n");
        check(&[("a.txt", "Words."), doc], &[]);
        check(
            &[("a.txt", " \n"), ("a.toml", "")],
            &["a.txt: the document is empty"],
        );
        check(
            &[("a.txt", "Words.")],
            &[
                "a.txt: no annotation file describes this document: add <id>.toml with a [document] table (title, dates); `cargo run -- draft FILE.txt` drafts one from a copy of the text outside seeds/",
            ],
        );
        check(
            &[("a.txt", "Words."), doc, ("x.toml", "")],
            &[
                "x.toml: annotates no document and holds no records: remove it, or name it after its document",
            ],
        );
        let fact = |date: &str| {
            format!(
                "[document]\ntitle = \"A\"\n[[fact]]\nid = \"f\"\nkind = \"meeting\"\ntitle = \"F\"\nsummary = \"S\"\nstatus = \"happened\"\ndate = \"{date}\"\nquotes = [\"Words.\"]\n"
            )
        };
        for (date, shown) in [
            ("1800", "1800"),
            ("9999-06", "9999-06"),
            ("2016..2101", "2016..2101"),
        ] {
            let toml = fact(date);
            let want = format!(
                "a.toml: fact `f`: date \"{shown}\" is outside the years 1900\u{2013}2100 that links and the timeline support"
            );
            check(&[("a.txt", "Words."), ("a.toml", &toml)], &[want.as_str()]);
        }
        check(&[("a.txt", "Words."), ("a.toml", &fact("2016"))], &[]);
    }
}
