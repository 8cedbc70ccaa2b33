//! Facts as files for other tools: CSV (RFC 4180) and JSON, one row or object per fact, with
//! every source's word. The app exports the current view with these; the build ships the whole
//! dataset with them.
//!
//! The CSV is UTF-8 with a byte-order mark and CRLF line ends: RFC 4180 asks for CRLF, and
//! without the mark Excel reads UTF-8 as the system code page and garbles "Chebarkul" in
//! Cyrillic or any typographic quote; LibreOffice and R's `read.csv` skip the mark.

use crate::core::model::*;
use serde::Serialize;

/// The CSV header, in column order.
pub const CSV_COLUMNS: [&str; 13] = [
    "id",
    "title",
    "kind",
    "status",
    "date",
    "precision",
    "certainty",
    "reason",
    "places",
    "participants",
    "sources",
    "quotes",
    "summary",
];

/// The JSON Schema of [`json`]'s output, shipped as `data/facts.schema.json`.
pub const FACTS_SCHEMA: &str = include_str!("facts.schema.json");

/// The folder of the site that holds the whole dataset.
pub const DATA_DIR: &str = "data/";

/// The files a build ships in [`DATA_DIR`], in the order the documents page lists them, with
/// what each holds.
pub const DATA_FILES: [(&str, &str); 6] = [
    ("facts.csv", "every fact, by date, for spreadsheets"),
    ("facts.json", "every fact with each source's own word"),
    ("facts.schema.json", "the JSON Schema of facts.json"),
    ("entities.csv", "every state, person, place and body"),
    (
        "entities.json",
        "every entity with each document's description",
    ),
    ("documents.csv", "the source documents and their dates"),
];

/// The whole dataset as the files a build ships in [`DATA_DIR`]: (file name, contents), as
/// [`DATA_FILES`] names them.
pub fn dataset_files(data: &Dataset) -> Vec<(&'static str, String)> {
    let all = crate::core::order::by_date(data, 0..data.facts.len() as FactIx);
    DATA_FILES
        .iter()
        .map(|&(name, _)| {
            let text = match name {
                "facts.csv" => csv(data, &all),
                "facts.json" => json(data, &all),
                "facts.schema.json" => FACTS_SCHEMA.to_string(),
                "entities.csv" => entities_csv(data),
                "entities.json" => entities_json(data),
                _ => documents_csv(data),
            };
            (name, text)
        })
        .collect()
}

/// CSV text: the header, then each row, every field quoted as needed.
fn table<const N: usize>(header: [&str; N], rows: impl Iterator<Item = [String; N]>) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in rows {
        out.push_str(&row.map(|f| csv_field(&f)).join(","));
        out.push_str("\r\n");
    }
    out
}

/// Every entity: id, kind, name, the other names the documents use, its description, and the
/// documents and quotes that are its evidence.
pub fn entities_csv(data: &Dataset) -> String {
    let header = [
        "id",
        "kind",
        "name",
        "aliases",
        "abbreviations",
        "description",
        "sources",
        "quotes",
    ];
    table(
        header,
        data.entities.iter().map(|e| {
            let mut docs: Vec<&str> = e
                .evidence
                .iter()
                .map(|q| data.documents[q.doc as usize].id.as_str())
                .collect();
            docs.dedup();
            [
                e.id.clone(),
                e.kind.slug().to_string(),
                e.name.clone(),
                e.aliases.join("; "),
                e.abbreviations.join("; "),
                e.description.clone(),
                docs.join("; "),
                e.evidence
                    .iter()
                    .map(|q| data.quote_text(q))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ]
        }),
    )
}

/// Every document: id, title, what the page says of itself, and when it was written.
pub fn documents_csv(data: &Dataset) -> String {
    let header = [
        "id",
        "title",
        "outlet",
        "page_date",
        "written",
        "certainty",
        "reason",
    ];
    table(
        header,
        data.documents.iter().map(|d| {
            let (sure, why) = certainty(&d.written);
            [
                d.id.clone(),
                d.title.clone(),
                d.outlet.clone().unwrap_or_default(),
                d.page_date.clone().unwrap_or_default(),
                d.written.when.iso(),
                sure.to_string(),
                why.to_string(),
            ]
        }),
    )
}

/// The facts among `records` (a search's hits), by date, undated last: what "Download"
/// exports for the current view.
pub fn facts_of(data: &Dataset, records: &[crate::core::search::Rec]) -> Vec<FactIx> {
    use crate::core::search::RecordRef;
    let facts = records
        .iter()
        .filter_map(|&r| RecordRef::of(data, r).fact());
    crate::core::order::by_date(data, facts)
}

/// One CSV field: quoted when it holds a comma, a quote or a line break, quotes doubled. A
/// field a spreadsheet would take for a formula (it begins with `=`, `+`, `-`, `@`, a tab or a
/// carriage return) is neutralised as OWASP advises: an apostrophe before it, and the whole
/// field quoted. The JSON keeps every text as it is.
fn csv_field(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula {
        format!("\"'{}\"", s.replace('"', "\"\""))
    } else if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn precision(w: When) -> &'static str {
    w.precision().map_or("", Precision::slug)
}

fn certainty(d: &DateSpec) -> (&'static str, &str) {
    match (&d.certainty, d.when) {
        (_, When::Unknown) => ("", ""),
        (Certainty::Stated, _) => ("stated", ""),
        (Certainty::Inferred(r), _) => ("inferred", r.as_str()),
    }
}

fn names<'a>(data: &'a Dataset, ents: &[EntityIx]) -> Vec<&'a str> {
    ents.iter()
        .map(|&e| data.entities[e as usize].name.as_str())
        .collect()
}

/// The facts `facts` (indices, in the order given) as CSV: a header row, then a row per fact.
/// Lists are joined with "; ", quotes with line breaks; a source is "id (title)".
pub fn csv(data: &Dataset, facts: &[FactIx]) -> String {
    table(
        CSV_COLUMNS,
        facts.iter().map(|&ix| {
            let f = &data.facts[ix as usize];
            let (sure, why) = certainty(&f.date);
            let sources: Vec<String> = f
                .reports()
                .iter()
                .map(|r| {
                    let d = &data.documents[r.doc as usize];
                    format!("{} ({})", d.id, d.title)
                })
                .collect();
            let quotes: Vec<&str> = f.evidence.iter().map(|q| data.quote_text(q)).collect();
            [
                f.id.clone(),
                f.title.clone(),
                f.kind.slug().to_string(),
                f.status.slug().to_string(),
                f.date.when.iso(),
                precision(f.date.when).to_string(),
                sure.to_string(),
                why.to_string(),
                names(data, &f.places).join("; "),
                names(data, &f.participants).join("; "),
                sources.join("; "),
                quotes.join("\n"),
                f.summary.clone(),
            ]
        }),
    )
}

// ── JSON: one set of rows, written by serde ────────────────────────────────────────────────

/// A date as the JSON gives it: ISO text, its precision, and how sure it is (with why).
#[derive(Serialize)]
struct DateRow<'a> {
    iso: String,
    precision: &'static str,
    certainty: &'static str,
    reason: &'a str,
}

impl<'a> DateRow<'a> {
    fn of(d: &'a DateSpec) -> Self {
        let (certainty, reason) = self::certainty(d);
        DateRow {
            iso: d.when.iso(),
            precision: precision(d.when),
            certainty,
            reason,
        }
    }
}

#[derive(Serialize)]
struct EntityRef<'a> {
    id: &'a str,
    name: &'a str,
}

/// One source's word on a fact.
#[derive(Serialize)]
struct SourceRow<'a> {
    document: &'a str,
    title: &'a str,
    status: &'static str,
    date: DateRow<'a>,
    /// This document's own summary; `null` when it gives none.
    summary: Option<&'a str>,
    quotes: Vec<&'a str>,
}

/// A fact, with its current view and every source's own word.
#[derive(Serialize)]
struct FactRow<'a> {
    id: &'a str,
    title: &'a str,
    /// The current summary; `null` when no source gives one.
    summary: Option<&'a str>,
    kind: &'static str,
    status: &'static str,
    date: DateRow<'a>,
    places: Vec<EntityRef<'a>>,
    participants: Vec<EntityRef<'a>>,
    revised: bool,
    sources: Vec<SourceRow<'a>>,
}

#[derive(Serialize)]
struct Facts<'a> {
    facts: Vec<FactRow<'a>>,
}

/// One document's description of an entity.
#[derive(Serialize)]
struct DescriptionRow<'a> {
    document: &'a str,
    title: &'a str,
    description: &'a str,
    quotes: Vec<&'a str>,
}

#[derive(Serialize)]
struct EntityRow<'a> {
    id: &'a str,
    kind: &'static str,
    name: &'a str,
    /// The current description; `null` when no document gives one.
    description: Option<&'a str>,
    descriptions: Vec<DescriptionRow<'a>>,
}

#[derive(Serialize)]
struct Entities<'a> {
    entities: Vec<EntityRow<'a>>,
}

fn prose(text: &str) -> Option<&str> {
    (!text.is_empty()).then_some(text)
}

fn refs<'a>(data: &'a Dataset, ents: &[EntityIx]) -> Vec<EntityRef<'a>> {
    ents.iter()
        .map(|&e| {
            let e = &data.entities[e as usize];
            EntityRef {
                id: &e.id,
                name: &e.name,
            }
        })
        .collect()
}

fn fact_row<'a>(data: &'a Dataset, f: &'a Fact, reports: &'a [Report]) -> FactRow<'a> {
    FactRow {
        id: &f.id,
        title: &f.title,
        summary: prose(&f.summary),
        kind: f.kind.slug(),
        status: f.status.slug(),
        date: DateRow::of(&f.date),
        places: refs(data, &f.places),
        participants: refs(data, &f.participants),
        revised: f.revised,
        sources: reports
            .iter()
            .map(|r| {
                let d = &data.documents[r.doc as usize];
                SourceRow {
                    document: &d.id,
                    title: &d.title,
                    status: r.status.slug(),
                    date: DateRow::of(&r.date),
                    summary: r.summary.as_deref().and_then(prose),
                    quotes: r.quotes.iter().map(|q| data.quote_text(q)).collect(),
                }
            })
            .collect(),
    }
}

/// The facts `facts` as JSON: `{"facts": [...]}`, each with its current view and every
/// source's own word (status, date, summary and quotes as of that document).
pub fn json(data: &Dataset, facts: &[FactIx]) -> String {
    let reports: Vec<_> = facts
        .iter()
        .map(|&ix| data.facts[ix as usize].reports())
        .collect();
    let rows = facts
        .iter()
        .zip(&reports)
        .map(|(&ix, r)| fact_row(data, &data.facts[ix as usize], r))
        .collect();
    let mut out = serde_json::to_string(&Facts { facts: rows }).unwrap_or_default();
    out.push('\n');
    out
}

/// Every entity as JSON: `{"entities": [...]}`, each with its current description and every
/// document's description, oldest first, with its quotes.
pub fn entities_json(data: &Dataset) -> String {
    let all: Vec<_> = data.entities.iter().map(|e| e.descriptions()).collect();
    let rows = data
        .entities
        .iter()
        .zip(&all)
        .map(|(e, ds)| EntityRow {
            id: &e.id,
            kind: e.kind.slug(),
            name: &e.name,
            description: prose(&e.description),
            descriptions: ds
                .iter()
                .map(|d| {
                    let doc = &data.documents[d.doc as usize];
                    DescriptionRow {
                        document: &doc.id,
                        title: &doc.title,
                        description: &d.text,
                        quotes: d.quotes.iter().map(|q| data.quote_text(q)).collect(),
                    }
                })
                .collect(),
        })
        .collect();
    let mut out = serde_json::to_string(&Entities { entities: rows }).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::corpus;

    /// Splits RFC 4180 text into records of fields, the way a spreadsheet reads it.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let mut rows = vec![vec![String::new()]];
        let mut quoted = false;
        let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
        while let Some(c) = chars.next() {
            let field = rows.last_mut().and_then(|r| r.last_mut()).expect("a field");
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                ('"', _) => quoted = !quoted,
                (',', false) => rows.last_mut().expect("a row").push(String::new()),
                ('\r', false) if chars.peek() == Some(&'\n') => {
                    chars.next();
                    rows.push(vec![String::new()]);
                }
                (c, _) => field.push(c),
            }
        }
        rows.pop_if(|r| r.len() == 1 && r[0].is_empty());
        rows
    }

    #[test]
    fn csv_fields_a_spreadsheet_would_run_are_neutralised() {
        let cases = [
            ("=SUM(A1:A2)", "\"'=SUM(A1:A2)\""),
            ("+1 234", "\"'+1 234\""),
            ("-2", "\"'-2\""),
            ("@cmd", "\"'@cmd\""),
            ("\tx", "\"'\tx\""),
            ("\rx", "\"'\rx\""),
            ("=\"a\",b", "\"'=\"\"a\"\",b\""),
            ("a=b", "a=b"),
            ("2018-08-22", "2018-08-22"),
            ("a, b", "\"a, b\""),
        ];
        for (field, expect) in cases {
            assert_eq!(csv_field(field), expect, "{field:?}");
        }
    }

    #[test]
    fn csv_fields_survive_commas_quotes_line_breaks_and_non_ascii() {
        fn check(input: &str) {
            let row = parse_csv(&format!("{},x\r\n", csv_field(input)));
            assert_eq!(row, [[input, "x"]], "{input:?}");
        }
        for s in [
            "plain",
            "a, b",
            "say \"yes\"",
            "two\nlines",
            "Чебаркуль “Peace Mission”",
            "",
        ] {
            check(s);
        }
    }

    #[test]
    fn every_fact_is_a_row_with_its_sources_and_quotes() {
        let data = corpus().data;
        let all: Vec<FactIx> = (0..data.facts.len() as FactIx).collect();
        let text = csv(data, &all);
        assert!(text.starts_with('\u{feff}'), "a byte-order mark for Excel");
        assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\r'));
        let rows = parse_csv(&text);
        assert_eq!(rows[0], CSV_COLUMNS);
        assert_eq!(rows.len(), data.facts.len() + 1);
        for (row, f) in rows[1..].iter().zip(&data.facts) {
            assert_eq!(row.len(), CSV_COLUMNS.len(), "{row:?}");
            assert_eq!(
                (row[0].as_str(), row[1].as_str()),
                (f.id.as_str(), f.title.as_str())
            );
            assert_eq!(row[4], f.date.when.iso());
            for q in &f.evidence {
                assert!(row[11].contains(data.quote_text(q)), "{}: a quote", f.id);
            }
            for r in f.reports().iter() {
                assert!(row[10].contains(&data.documents[r.doc as usize].id));
            }
        }
    }

    #[test]
    fn the_dataset_files_hold_every_record_and_the_schema_matches_the_json() {
        let data = corpus().data;
        let files = dataset_files(data);
        let get = |name: &str| {
            &files
                .iter()
                .find(|(n, _)| *n == name)
                .unwrap_or_else(|| panic!("{name}"))
                .1
        };
        assert_eq!(parse_csv(get("facts.csv")).len(), data.facts.len() + 1);
        assert_eq!(
            parse_csv(get("entities.csv")).len(),
            data.entities.len() + 1
        );
        assert_eq!(
            parse_csv(get("documents.csv")).len(),
            data.documents.len() + 1
        );
        let schema: serde_json::Value =
            serde_json::from_str(get("facts.schema.json")).expect("JSON");
        let facts: serde_json::Value = serde_json::from_str(get("facts.json")).expect("JSON");
        let def = |name: &str| &schema["$defs"][name];
        let keys = |v: &serde_json::Value| {
            let mut k: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
            k.sort();
            k
        };
        let required = |name: &str| {
            let mut k: Vec<String> = def(name)["required"]
                .as_array()
                .expect("required")
                .iter()
                .map(|v| v.as_str().expect("a name").to_string())
                .collect();
            k.sort();
            k
        };
        let f = &facts["facts"][0];
        assert_eq!(
            keys(f),
            required("fact"),
            "the schema names every key, no more"
        );
        assert_eq!(keys(&f["date"]), required("date"));
        assert_eq!(keys(&f["sources"][0]), required("source"));
        let slugs = |v: &serde_json::Value| -> Vec<String> {
            v.as_array()
                .expect("enum")
                .iter()
                .map(|s| s.as_str().expect("a slug").to_string())
                .collect()
        };
        assert_eq!(
            slugs(&def("fact")["properties"]["kind"]["enum"]),
            FactKind::ALL.map(|k| k.slug().to_string())
        );
        assert_eq!(
            slugs(&def("fact")["properties"]["status"]["enum"]),
            Status::ALL.map(|k| k.slug().to_string())
        );
    }

    #[test]
    fn json_gives_each_source_its_own_word() {
        let data = corpus().data;
        let some: Vec<FactIx> = vec![0, 1];
        let text = json(data, &some);
        let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        let facts = v["facts"].as_array().expect("facts");
        assert_eq!(facts.len(), 2);
        for (j, &ix) in facts.iter().zip(&some) {
            let f = &data.facts[ix as usize];
            assert_eq!(j["id"], f.id.as_str());
            assert_eq!(j["date"]["iso"], f.date.when.iso().as_str());
            let sources = j["sources"].as_array().expect("sources");
            assert_eq!(sources.len(), f.report_count());
            for (s, r) in sources.iter().zip(f.reports().iter()) {
                assert_eq!(s["status"], r.status.slug());
                assert_eq!(s["quotes"].as_array().map(Vec::len), Some(r.quotes.len()));
            }
        }
    }
}
