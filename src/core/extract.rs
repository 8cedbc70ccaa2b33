//! Mention linking: finds every occurrence of every entity's names in every document, so the
//! reader can link them and each entity card can say where it is mentioned.
//!
//! Rules: names, aliases and abbreviations match whole words, case-sensitively (names here are
//! proper nouns, and "CIS" must not match inside other words); where names overlap, the leftmost and then longest wins ("Ministry of Defence of the
//! Russian Federation" beats "Russian Federation"). A name may span words joined by spaces or
//! hyphens but never punctuation or a line break.

use crate::core::model::{Dataset, DocIx, EntityIx, Mention};
use crate::core::text::{joinable_gap, words};
use std::collections::HashMap;

/// A name split into words, for matching against a document's words.
struct Pattern {
    entity: EntityIx,
    words: Vec<String>,
}

/// Every mention in every document, sorted by document then offset, never overlapping.
pub fn mentions(data: &Dataset) -> Vec<Mention> {
    // Index the patterns by their first word, longest first, so each document word costs one
    // hash look-up and the first pattern that matches is the longest.
    let mut by_first: HashMap<String, Vec<Pattern>> = HashMap::new();
    for (ix, e) in data.entities.iter().enumerate() {
        let names = std::iter::once(&e.name)
            .chain(&e.aliases)
            .chain(&e.abbreviations);
        for name in names {
            let ws: Vec<String> = words(name).iter().map(|w| w.text.to_string()).collect();
            if let Some(first) = ws.first() {
                by_first.entry(first.clone()).or_default().push(Pattern {
                    entity: ix as EntityIx,
                    words: ws,
                });
            }
        }
    }
    for list in by_first.values_mut() {
        list.sort_by(|a, b| {
            b.words
                .len()
                .cmp(&a.words.len())
                .then(a.entity.cmp(&b.entity))
        });
        list.dedup_by(|a, b| a.words == b.words);
    }

    let mut out = Vec::new();
    for (doc_ix, doc) in data.documents.iter().enumerate() {
        let body = doc.body.as_ref();
        let ws = words(body);
        let folded: Vec<String> = ws.iter().map(|w| w.text.to_string()).collect();
        let mut i = 0;
        while i < ws.len() {
            let found = by_first.get(&folded[i]).and_then(|cands| {
                cands.iter().find(|p| {
                    let n = p.words.len();
                    i + n <= ws.len()
                        && p.words.iter().zip(&folded[i..i + n]).all(|(a, b)| a == b)
                        && (1..n).all(|k| joinable_gap(&body[ws[i + k - 1].end..ws[i + k].start]))
                })
            });
            match found {
                Some(p) => {
                    let n = p.words.len();
                    out.push(Mention {
                        doc: doc_ix as DocIx,
                        entity: p.entity,
                        start: ws[i].start as u32,
                        end: ws[i + n - 1].end as u32,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{Document, Entity, EntityKind};

    fn entity(id: &str, name: &str, aliases: &[&str], abbreviations: &[&str]) -> Entity {
        Entity {
            id: id.into(),
            kind: EntityKind::Organisation,
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            abbreviations: abbreviations.iter().map(|s| s.to_string()).collect(),
            search_aliases: vec![],
            description: String::new(),
            roles: vec![],
            affiliation: None,
            purpose: None,
            evidence: vec![],
            descriptions: vec![],
            origin: 0,
            named_in: vec![],
        }
    }

    /// Checks which entity ids are linked in `body`, and on which words.
    fn check(body: &str, expect: &[(&str, &str)]) {
        let data = Dataset {
            documents: vec![Document {
                id: "d".into(),
                title: String::new(),
                outlet: None,
                page_date: None,
                credit: None,
                written: crate::core::model::DateSpec::UNKNOWN,
                date_note: None,
                time: None,
                body: body.to_string().into(),
            }],
            entities: vec![
                entity("russia", "Russia", &["Russian Federation", "Russian"], &[]),
                entity(
                    "mod",
                    "Ministry of Defence of the Russian Federation",
                    &["Russian Defence Ministry"],
                    &[],
                ),
                entity(
                    "sco",
                    "Shanghai Cooperation Organisation",
                    &["Shanghai Cooperation Organization"],
                    &["SCO"],
                ),
                entity("mi35m", "Mi-35M", &[], &[]),
                entity("cis", "CIS", &[], &["CIS"]),
            ],
            facts: vec![],
            mentions: vec![],
        };
        let got: Vec<(&str, &str)> = mentions(&data)
            .iter()
            .map(|m| {
                (
                    data.entities[m.entity as usize].id.as_str(),
                    &body[m.start as usize..m.end as usize],
                )
            })
            .collect();
        assert_eq!(got, expect, "{body:?}");
    }

    #[test]
    fn longest_leftmost_whole_word_case_sensitive() {
        check(
            "Photo source: Ministry of Defence of the Russian Federation",
            &[("mod", "Ministry of Defence of the Russian Federation")],
        );
        check(
            "in the Russian Federation in 2020",
            &[("russia", "Russian Federation")],
        );
        check(
            "Russia’s SCO presidency",
            &[("russia", "Russia"), ("sco", "SCO")],
        );
        check(
            "the Shanghai Cooperation Organization (SCO)",
            &[("sco", "Shanghai Cooperation Organization"), ("sco", "SCO")],
        );
        check("four Mi-35M from", &[("mi35m", "Mi-35M")]);
        check("Mi 35M", &[("mi35m", "Mi 35M")]);
        check("the SCOs and the sco and disco", &[]);
        check("the CIS and the CSTO; CISCO", &[("cis", "CIS")]);
        check("Russian. Federation", &[("russia", "Russian")]);
        check(
            "the Russian Defence Ministry's work",
            &[("mod", "Russian Defence Ministry")],
        );
    }
}
