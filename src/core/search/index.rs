//! The inverted index: every term of every record, with the fields it occurs in.
//!
//! `build.rs` builds it (with this code) and embeds it beside the dataset, because building it
//! in the browser would cost more than the whole start-up budget at 10k facts. What is embedded
//! is what is cheap to load:
//!
//! - the vocabulary, sorted (binary search gives exact and prefix ranges);
//! - postings as one byte string, borrowed straight from the embedded bytes, never decoded as a
//!   whole: each term's list is a run of varints `(record delta << 8) | field mask`, decoded by
//!   [`Postings`] when a query touches that term;
//! - every record's number in "newest first" order, and the word count of each record's name.
//!
//! What is cheap to derive (term lengths for typo search, each record's date rank and span) is
//! derived on load.

use super::normalize::{canonical, fold_text, tokens};
use super::{Field, Rec, RecordRef, fields, names};
use crate::core::model::{Dataset, EntityKind};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;

/// The index as it is stored: see the module docs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Packed<'a> {
    pub facts: u32,
    pub records: u32,
    pub terms: Vec<Box<str>>,
    /// Byte offset of each term's postings in `postings`, plus the end.
    pub starts: Vec<u32>,
    /// How many postings each term has.
    pub counts: Vec<u32>,
    #[serde(borrow, with = "bytes")]
    pub postings: Cow<'a, [u8]>,
    /// (record, which of its names), sorted by the squashed name.
    pub names: Vec<(Rec, u8)>,
    pub by_date: Vec<Rec>,
    pub name_words: Vec<u8>,
}

/// The index ready for queries.
#[derive(Debug, Clone, Default)]
pub struct Index {
    pub facts: u32,
    pub records: u32,
    pub terms: Vec<Box<str>>,
    starts: Vec<u32>,
    counts: Vec<u32>,
    postings: Cow<'static, [u8]>,
    /// Names and aliases, sorted by their squashed form: (record, which name).
    names: Vec<(Rec, u8)>,
    /// Term numbers grouped by length in characters (capped at 31), for typo search.
    pub by_len: Vec<Vec<u32>>,
    /// Every record, newest first: dated facts by their last day (then first day), then undated
    /// facts, then entities by kind and name. The order of an empty query and the tie-breaker
    /// of every other.
    pub by_date: Vec<Rec>,
    /// The position of each record in `by_date`.
    pub date_rank: Vec<u32>,
    /// Each fact's inclusive day span, if it has a date.
    pub spans: Vec<Option<(i32, i32)>>,
    /// (first day, last day, fact) of every date any report of a fact gives (and of its
    /// current date), by first day: a date query reads the stretch that can match instead of
    /// every fact, and finds a fact by what any of its sources said.
    pub by_start: Vec<(i32, i32, Rec)>,
    /// (English stem, term) for every word term whose stem differs from it, by stem: "join"
    /// finds "joined", "joins" and "joining" through their common stem.
    by_stem: Vec<(Box<str>, u32)>,
    /// The number of words in each record's name (at least 1, at most 255).
    pub name_words: Vec<u8>,
    /// Which loaded index this is, so a memo of query-word expansions never answers for
    /// another (tests load many; two live at once never share a number).
    uid: u32,
}

pub const MAX_RECORDS: u32 = 1 << 24;

/// Whether a date's day span `(a, b)` falls in a date query's stretch `(from, to)` at least
/// as precisely: it ends inside it and is no wider (a fact dated only "2017" is not "in June
/// 2017"). The one rule of [`Index::facts_within`] and of rechecking a past record.
pub fn within((a, b): (i32, i32), (from, to): (i32, i32)) -> bool {
    b >= from && b - a <= to - from && a <= to
}

/// A term's postings, decoded as they are read: `(record << 8) | field mask`.
pub struct Postings<'a> {
    bytes: &'a [u8],
    pos: usize,
    rec: u32,
}

impl Iterator for Postings<'_> {
    type Item = u32;

    // Once per posting, in the search's innermost loop (see `rank::Visitor`).
    #[inline(always)]
    fn next(&mut self) -> Option<u32> {
        let mut v: u32 = 0;
        let mut shift = 0;
        loop {
            let b = *self.bytes.get(self.pos)?;
            self.pos += 1;
            v |= u32::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        self.rec += v >> 8;
        Some(self.rec << 8 | (v & 0xff))
    }
}

fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A fast, deterministic hasher for the vocabulary while building (FxHash's mixing step).
#[derive(Default)]
struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

type FxBuild = std::hash::BuildHasherDefault<Fx>;

impl Index {
    /// Builds the packed index of a dataset (at build time; tests call it too).
    pub fn pack(data: &Dataset) -> Packed<'static> {
        let facts = data.facts.len() as u32;
        let records = facts + data.entities.len() as u32;
        assert!(
            records < MAX_RECORDS,
            "the index packs record numbers in 24 bits"
        );

        // term -> postings, each (record << 8 | field mask); records arrive in order, so a
        // record's second field only updates the last posting.
        let mut map: HashMap<Box<str>, Vec<u32>, FxBuild> = HashMap::default();
        let mut add = |term: &str, rec: Rec, field: Field| {
            let bit = 1u32 << field as u32;
            match map.get_mut(term) {
                Some(list) => match list.last_mut() {
                    Some(last) if *last >> 8 == rec => *last |= bit,
                    _ => list.push(rec << 8 | bit),
                },
                None => {
                    map.insert(term.into(), vec![rec << 8 | bit]);
                }
            }
        };
        let mut names_list: Vec<(String, Rec, u8)> = Vec::new();
        let mut name_words = Vec::with_capacity(records as usize);
        let mut joined = String::new();
        for rec in 0..records {
            let r = RecordRef::of(data, rec);
            for (field, text) in fields(data, r) {
                let toks = tokens(text);
                if field == Field::Name {
                    name_words.push(toks.len().clamp(1, 255) as u8);
                }
                for (i, t) in toks.iter().enumerate() {
                    add(&t.text, rec, field);
                    if let Some(c) = canonical(&t.text) {
                        add(&c, rec, field);
                    }
                    if t.joins_previous && i > 0 {
                        joined.clear();
                        joined.push_str(&toks[i - 1].text);
                        joined.push_str(&t.text);
                        add(&joined, rec, field);
                    }
                }
            }
            for (k, n) in names(data, r).into_iter().enumerate().take(256) {
                names_list.push((squash(n), rec, k as u8));
            }
        }
        names_list.sort();

        let mut terms: Vec<(Box<str>, Vec<u32>)> = map.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut starts = Vec::with_capacity(terms.len() + 1);
        let mut counts = Vec::with_capacity(terms.len());
        let mut postings = Vec::new();
        let mut vocab = Vec::with_capacity(terms.len());
        for (term, list) in terms {
            starts.push(postings.len() as u32);
            counts.push(list.len() as u32);
            let mut prev = 0;
            for p in list {
                let rec = p >> 8;
                push_varint(&mut postings, (rec - prev) << 8 | (p & 0xff));
                prev = rec;
            }
            vocab.push(term);
        }
        starts.push(postings.len() as u32);

        let spans = fact_spans(data);
        let mut by_date: Vec<Rec> = (0..records).collect();
        by_date.sort_by(|&a, &b| {
            let key = |r: Rec| -> (u8, i32, i32, u8, &str) {
                if r < facts {
                    match spans[r as usize] {
                        Some((start, end)) => (0, -end, -start, 0, ""),
                        None => (1, 0, 0, 0, ""),
                    }
                } else {
                    let e = &data.entities[(r - facts) as usize];
                    (2, 0, 0, kind_order(e.kind), e.name.as_str())
                }
            };
            key(a).cmp(&key(b)).then(a.cmp(&b))
        });
        Packed {
            facts,
            records,
            terms: vocab,
            starts,
            counts,
            postings: Cow::Owned(postings),
            names: names_list.into_iter().map(|(_, r, k)| (r, k)).collect(),
            by_date,
            name_words,
        }
    }

    /// Builds the index of a dataset in memory: `pack` then `load`.
    pub fn build(data: &Dataset) -> Index {
        Index::load(Index::pack(data), data)
    }

    /// Makes a packed index ready for queries, deriving what was not stored.
    pub fn load(p: Packed<'static>, data: &Dataset) -> Index {
        let spans = fact_spans(data);
        let by_stem = by_stem(&p.terms);
        let mut by_len = vec![Vec::new(); 32];
        for (i, t) in p.terms.iter().enumerate() {
            by_len[t.chars().count().min(31)].push(i as u32);
        }
        let mut date_rank = vec![0; p.records as usize];
        for (pos, &r) in p.by_date.iter().enumerate() {
            if let Some(slot) = date_rank.get_mut(r as usize) {
                *slot = pos as u32;
            }
        }
        Index {
            facts: p.facts,
            records: p.records,
            terms: p.terms,
            starts: p.starts,
            counts: p.counts,
            postings: p.postings,
            names: p.names,
            by_len,
            by_date: p.by_date,
            date_rank,
            by_start: by_start(data),
            by_stem,
            spans,
            name_words: p.name_words,
            uid: {
                static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
                NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            },
        }
    }

    /// See [`Index::uid`]'s field.
    pub fn uid(&self) -> u32 {
        self.uid
    }

    /// The dated facts that fall in `from..=to` (inclusive days) and are at least as precise:
    /// a fact dated only "2017" is not "in June 2017". Such a fact starts no earlier than
    /// `from - (to - from)`, so only that stretch of [`Index::by_start`] is read.
    pub fn facts_within(&self, from: i32, to: i32) -> impl Iterator<Item = Rec> + '_ {
        let width = to - from;
        let lo = self.by_start.partition_point(|&(a, _, _)| a < from - width);
        let hi = self.by_start.partition_point(|&(a, _, _)| a <= to);
        let mut last = None;
        self.by_start[lo..hi].iter().filter_map(move |&(a, b, f)| {
            // One fact may have several dates in the stretch; it is reported once in a row
            // (and the visitor keeps the best score when it comes again).
            let fits = within((a, b), (from, to)) && last != Some(f);
            fits.then(|| {
                last = Some(f);
                f
            })
        })
    }

    /// Every term number a record's words give, as the index was built from them (each
    /// word, its spelling variant, and each compound with the word before), sorted and
    /// unique: what [`Index::pack`] would post for `rec` in `data`.
    pub fn record_terms(&self, data: &Dataset, rec: RecordRef) -> Vec<u32> {
        let mut out = Vec::new();
        for (_, text) in fields(data, rec) {
            let toks = tokens(text);
            for (i, t) in toks.iter().enumerate() {
                out.extend(self.find(&t.text));
                if let Some(c) = canonical(&t.text) {
                    out.extend(self.find(&c));
                }
                if t.joins_previous && i > 0 {
                    out.extend(self.find(&format!("{}{}", toks[i - 1].text, t.text)));
                }
            }
        }
        crate::core::order::sort_unique(&mut out);
        out
    }

    /// The postings of term number `t`, as `(record << 8) | field mask`, in record order.
    pub fn postings(&self, t: u32) -> Postings<'_> {
        let (a, b) = (
            self.starts[t as usize] as usize,
            self.starts[t as usize + 1] as usize,
        );
        Postings {
            bytes: &self.postings[a..b],
            pos: 0,
            rec: 0,
        }
    }

    /// How many records contain term number `t`.
    pub fn count(&self, t: u32) -> u32 {
        self.counts[t as usize]
    }

    /// The terms that share `word`'s English stem (the word itself excluded), in term order.
    pub fn same_stem(&self, word: &str) -> Vec<u32> {
        let stem = stem(word);
        let from = self.by_stem.partition_point(|(s, _)| **s < *stem);
        let found = self.find(word);
        self.by_stem[from..]
            .iter()
            .take_while(|(s, _)| **s == *stem)
            .map(|&(_, t)| t)
            .chain(self.find(&stem))
            .filter(|t| Some(*t) != found)
            .collect()
    }

    /// The term number of `term`, if indexed.
    pub fn find(&self, term: &str) -> Option<u32> {
        self.terms
            .binary_search_by(|t| (**t).cmp(term))
            .ok()
            .map(|i| i as u32)
    }

    /// Term numbers of every term that starts with `prefix`.
    pub fn prefix_range(&self, prefix: &str) -> std::ops::Range<u32> {
        let from = self.terms.partition_point(|t| **t < *prefix);
        let to = from + self.terms[from..].partition_point(|t| t.starts_with(prefix));
        from as u32..to as u32
    }

    /// Names and aliases whose squashed form starts with `whole` (a query squashed the same
    /// way): the squashed name's length in bytes and its record; at most `limit` of them.
    pub fn names_starting(&self, data: &Dataset, whole: &str, limit: usize) -> Vec<(usize, Rec)> {
        SQUASHED.with(|c| {
            let mut c = c.borrow_mut();
            if c.index != self.uid || c.spans.len() != self.names.len() {
                *c = SquashedNames {
                    index: self.uid,
                    spans: vec![(0, 0); self.names.len()],
                    text: String::new(),
                };
            }
            let mut lo = 0;
            let mut hi = self.names.len();
            // The binary search by hand: each probe squashes (or recalls) one name.
            while lo < hi {
                let mid = (lo + hi) / 2;
                if c.get(self, data, mid) < whole {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            let mut out = Vec::new();
            for i in lo..self.names.len() {
                let name = c.get(self, data, i);
                if !name.starts_with(whole) || out.len() == limit {
                    break;
                }
                out.push((name.len(), self.names[i].0));
            }
            out
        })
    }
}

/// The squashed form of each name in [`Index`]'s `names`, made the first time a search asks
/// for it and kept for the index (by [`Index::uid`]): a whole-query look-up squashes the
/// same names at keystroke after keystroke ("joint e", "joint ex"...), and squashing (tokens,
/// spelling variants, a joined string) was a fifth of a typical keystroke's search at 100k.
/// One span per name, into one string, so the table costs 8 bytes a name.
struct SquashedNames {
    index: u32,
    /// (start, length + 1) in `text`; (_, 0) for a name not squashed yet.
    spans: Vec<(u32, u32)>,
    text: String,
}

impl SquashedNames {
    fn get(&mut self, ix: &Index, data: &Dataset, i: usize) -> &str {
        let (start, len) = self.spans[i];
        if len > 0 {
            return &self.text[start as usize..(start + len - 1) as usize];
        }
        let (r, k) = ix.names[i];
        let squashed = names(data, RecordRef::of(data, r))
            .get(k as usize)
            .map(|n| squash(n))
            .unwrap_or_default();
        let start = self.text.len();
        self.text.push_str(&squashed);
        self.spans[i] = (start as u32, squashed.len() as u32 + 1);
        &self.text[start..]
    }
}

/// Forgets the squashed names, as if no search had asked for them: the benchmark's timing of
/// the search function starts each pass from here, as a user typing a query for the first
/// time does, so that the figure is not of names squashed on an earlier pass.
pub fn forget_squashed_names() {
    SQUASHED.with(|c| {
        let mut c = c.borrow_mut();
        c.index = u32::MAX;
        c.spans = Vec::new();
        c.text = String::new();
    });
}

thread_local! {
    static SQUASHED: std::cell::RefCell<SquashedNames> = const {
        std::cell::RefCell::new(SquashedNames { index: u32::MAX, spans: Vec::new(), text: String::new() })
    };
}

fn fact_spans(data: &Dataset) -> Vec<Option<(i32, i32)>> {
    data.facts.iter().map(|f| f.date.when.span()).collect()
}

/// A word's English (Porter 2) stem; numbers and very short words are their own stem.
pub fn stem(word: &str) -> std::borrow::Cow<'_, str> {
    if word.len() < 3 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return std::borrow::Cow::Borrowed(word);
    }
    thread_local! {
        static STEMMER: rust_stemmers::Stemmer =
            rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    }
    STEMMER.with(|s| std::borrow::Cow::Owned(s.stem(word).into_owned()))
}

/// Every term whose stem differs from itself, keyed by that stem, sorted.
fn by_stem(terms: &[Box<str>]) -> Vec<(Box<str>, u32)> {
    let stemmed: Vec<(Box<str>, u32)> = terms
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let s = stem(t);
            (*s != **t).then(|| (s.into_owned().into_boxed_str(), i as u32))
        })
        .collect();
    crate::core::order::sort_by(stemmed, &|a: &(Box<str>, u32), b| a.cmp(b))
}

/// Every date of every fact (its current one and each report's), by first day (through the
/// shared sort, for wasm size), without repeats.
fn by_start(data: &Dataset) -> Vec<(i32, i32, Rec)> {
    let mut dated: Vec<(i32, i32, Rec)> = Vec::new();
    for (f, fact) in data.facts.iter().enumerate() {
        let dates = fact.report_dates();
        for (a, b) in dates.filter_map(|d| d.when.span()) {
            dated.push((a, b, f as Rec));
        }
    }
    let mut dated = crate::core::order::sort_by(dated, &|a: &(i32, i32, Rec), b| a.cmp(b));
    dated.dedup();
    dated
}

/// A name or a whole query folded for comparison as a whole: folded words with no spaces, so
/// "Mi-35M", "Mi 35M" and "mi35m" compare equal.
pub fn squash(s: &str) -> String {
    fold_text(s).replace(' ', "")
}

/// Entities list states and organisations first: what users look for most.
fn kind_order(k: EntityKind) -> u8 {
    match k {
        EntityKind::State => 0,
        EntityKind::Organisation => 1,
        EntityKind::ExerciseSeries => 2,
        EntityKind::Agreement => 3,
        EntityKind::Body => 4,
        EntityKind::Person => 5,
        EntityKind::ConferenceSeries => 6,
        EntityKind::Place => 7,
        EntityKind::Equipment => 8,
        EntityKind::MediaOutlet => 9,
    }
}

/// Serialises a byte string as bytes (one length, then a memcpy) rather than as a sequence
/// of numbers, and borrows it back without copying where the format allows.
mod bytes {
    use serde::de::{Deserializer, Error, Visitor};
    use serde::ser::Serializer;
    use std::borrow::Cow;
    use std::fmt;

    pub fn serialize<S: Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(v)
    }

    pub fn deserialize<'de: 'a, 'a, D: Deserializer<'de>>(d: D) -> Result<Cow<'a, [u8]>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Cow<'de, [u8]>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("bytes")
            }

            fn visit_borrowed_bytes<E: Error>(self, v: &'de [u8]) -> Result<Self::Value, E> {
                Ok(Cow::Borrowed(v))
            }

            fn visit_bytes<E: Error>(self, v: &[u8]) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v.to_vec()))
            }

            fn visit_byte_buf<E: Error>(self, v: Vec<u8>) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v))
            }
        }
        d.deserialize_bytes(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The squashed names are kept per index: asked of two indexes in turn, and again after
    /// they are forgotten, the look-up gives what squashing every name afresh gives.
    #[test]
    fn kept_squashed_names_never_answer_for_another_index() {
        let corpus = crate::core::testing::corpus();
        let data = crate::core::validate::validate(&crate::core::synth::generate(60, 7))
            .expect("valid")
            .dataset;
        let other = Index::build(&data);
        let fresh = |ix: &Index, data: &Dataset, whole: &str| -> Vec<(usize, Rec)> {
            ix.names
                .iter()
                .map(|&(r, k)| (squash(names(data, RecordRef::of(data, r))[k as usize]), r))
                .filter(|(n, _)| n.starts_with(whole))
                .map(|(n, r)| (n.len(), r))
                .take(3)
                .collect()
        };
        let mut found = 0;
        for pass in 0..2 {
            for whole in ["a", "ar", "arland", "pe", "peacemission", "ex", "s", "zz"] {
                for (ix, data) in [(corpus.index, corpus.data), (&other, &data)] {
                    let got = ix.names_starting(data, whole, 3);
                    assert_eq!(got, fresh(ix, data, whole), "{whole:?}, pass {pass}");
                    found += got.len();
                }
            }
            forget_squashed_names();
        }
        assert!(found > 10, "the look-ups find names");
    }

    #[test]
    fn postings_survive_packing_and_serialising() {
        let data = crate::core::validate::validate(&crate::core::synth::generate(300, 7))
            .expect("valid")
            .dataset;
        let packed = Index::pack(&data);
        let bytes = postcard::to_allocvec(&packed).expect("encodes");
        let back: Packed<'_> = postcard::from_bytes(&bytes).expect("decodes");
        assert!(
            matches!(back.postings, Cow::Borrowed(_)),
            "postings are borrowed, not copied"
        );
        assert_eq!(back, packed);
        let ix = Index::load(packed.clone(), &data);
        let t = ix.find("exercise").expect("a common word");
        let recs: Vec<u32> = ix.postings(t).map(|p| p >> 8).collect();
        assert_eq!(recs.len() as u32, ix.count(t));
        assert!(recs.windows(2).all(|w| w[0] < w[1]), "records ascend");
        assert!(recs.iter().all(|&r| r < ix.records));
    }

    #[test]
    fn varints_round_trip() {
        for v in [
            0u32,
            1,
            127,
            128,
            300,
            16_383,
            16_384,
            u32::MAX >> 1,
            u32::MAX,
        ] {
            let mut out = Vec::new();
            push_varint(&mut out, v);
            let mut it = Postings {
                bytes: &out,
                pos: 0,
                rec: 0,
            };
            let got = it.next().expect("one value");
            assert_eq!((got >> 8, got & 0xff), (v >> 8, v & 0xff), "{v}");
        }
    }

    #[test]
    fn a_date_query_reads_only_its_stretch_and_finds_what_a_full_scan_finds() {
        let data = crate::core::validate::validate(&crate::core::synth::generate(
            3_000,
            crate::core::synth::SEED,
        ))
        .expect("valid")
        .dataset;
        let ix = Index::build(&data);
        let scan = |from: i32, to: i32| -> Vec<Rec> {
            let mut v: Vec<Rec> = (0..data.facts.len() as Rec)
                .filter(|&f| {
                    data.facts[f as usize]
                        .report_dates()
                        .filter_map(|d| d.when.span())
                        .any(|(a, b)| a <= to && b >= from && b - a <= to - from)
                })
                .collect();
            v.sort_unstable();
            v
        };
        let day = crate::core::model::days_from_civil;
        for (from, to) in [
            (day(2017, 1, 1), day(2017, 12, 31)),
            (day(2017, 6, 1), day(2017, 6, 30)),
            (day(2019, 10, 31), day(2019, 10, 31)),
            (day(2010, 1, 1), day(2019, 12, 31)),
            (day(1900, 1, 1), day(1900, 1, 1)),
        ] {
            let mut got: Vec<Rec> = ix.facts_within(from, to).collect();
            got.sort_unstable();
            got.dedup();
            assert_eq!(got, scan(from, to), "{from}..{to}");
        }
        let june = day(2017, 6, 1);
        let read = ix
            .by_start
            .partition_point(|&(a, _, _)| a <= day(2017, 6, 30))
            - ix.by_start.partition_point(|&(a, _, _)| a < june - 29);
        assert!(
            read * 20 < data.facts.len(),
            "a month reads {read} of {} facts",
            data.facts.len()
        );
    }
}
