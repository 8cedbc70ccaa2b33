//! Ranking: from a parsed query to ordered hits, plus what the highlighter needs and what to
//! suggest when nothing matches. The scoring rules are documented in the parent module.

pub use super::expand::{PREFIX_POSTINGS_BUDGET, edit_distance};
use super::expand::{expand, suggest};
pub use super::highlight::Highlighter;
use super::index::Index;
use super::normalize::{canonical, is_stop_word, tokens};
pub use super::past::Past;
use super::past::{Matched, still_matches};
use super::query::{Query, Term};
use super::{Field, Rec, RecordRef, Weights, fields};
use crate::core::model::Dataset;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub rec: Rec,
    /// 4: whole name, 3: name prefix, 2: exact or prefix words, 1: with typos, 0: empty query.
    pub tier: u8,
    pub score: f32,
}

#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Every matching record in record order (see [`order`] for rank order), except that an
    /// empty query gives every record newest first.
    pub hits: Vec<Hit>,
    /// The index terms that the query reached, for highlighting.
    pub highlight: Highlighter,
    /// When nothing matches: indexed words close to what was typed.
    pub suggestions: Vec<String>,
    /// No record matched every word, and these hits are the records that match the most.
    pub partial: Option<Partial>,
    /// The query had only common words ("when did"): every record is listed, as for an empty
    /// query.
    pub only_common: bool,
}

/// What the hits of a partial match have: how many of the query's words, and which (as
/// typed, in query order, those of the best hit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partial {
    pub matched: usize,
    pub of: usize,
    pub words: Vec<String>,
}

/// Within tiers 3 and 4, up to this much is added for how much of the name the query covers.
const NAME_COVER_BONUS: f32 = 10.0;
/// At most this many names are looked at for whole-query name matches.
const NAME_LIFT_LIMIT: usize = 300;

const NAME_BIT: u32 = 1 << Field::Name as u32;

/// One thing every hit must match: a word or a date.
enum Group<'q> {
    Word(&'q Term),
    Date {
        from: i32,
        to: i32,
        words: &'q [String],
    },
}

/// Per-record working arrays, kept between searches so a keystroke allocates nothing in
/// proportion to the dataset. Only entries the search touched are non-zero, and only those are
/// reset afterwards.
#[derive(Default)]
struct Scratch {
    /// One slot per record: a visit reads and writes one cache line, not four arrays.
    slot: Vec<Slot>,
    /// One bit per record: still matching every group so far. At 100k records this is 12 KB,
    /// so the postings of a common word are filtered without touching `slot`.
    alive: Vec<u64>,
}

#[derive(Default, Clone, Copy)]
struct Slot {
    /// Score summed over the groups so far.
    total: f32,
    /// Best score in the current group.
    cur: f32,
    /// Some group matched only by a typo.
    fuzzy: bool,
    cur_fuzzy: bool,
    /// While the hits are tiered: 1 + the place of this record's whole-name lift, or 0.
    lift: u16,
}

/// What visiting a record during a search updates. The hot loops index slices, not `Vec`s,
/// and call [`Visitor::visit`] inlined: at `opt-level = "z"` neither a `Vec`'s indexing nor
/// a closure passed down is inlined, and per posting those calls were a third of the search.
struct Visitor<'s> {
    slot: &'s mut [Slot],
    alive: &'s mut [u64],
    /// Records given a score in the current group.
    touched: &'s mut Vec<Rec>,
    /// The current group is the first (no record has been ruled out yet).
    first: bool,
}

impl Visitor<'_> {
    #[inline(always)]
    fn visit(&mut self, rec: Rec, sc: f32, fz: bool) {
        let r = rec as usize;
        if !self.first && self.alive[r / 64] & (1 << (r % 64)) == 0 {
            return;
        }
        let sl = &mut self.slot[r];
        if sl.cur == 0.0 {
            self.touched.push(rec);
        }
        if sc > sl.cur || (sc == sl.cur && !fz) {
            sl.cur = sc;
            sl.cur_fuzzy = fz;
        }
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Runs a query and returns every hit, *unordered*: ordering all of them is wasted work when a
/// screen shows thirty; [`order`] puts the best first. An empty query returns every record,
/// newest first.
pub fn search(ix: &Index, data: &Dataset, q: &Query, w: &Weights) -> Outcome {
    search_in(ix, data, q, w, None)
}

/// [`search`], of the sources as they stood on a past date when `past` says so.
pub fn search_in(
    ix: &Index,
    data: &Dataset,
    q: &Query,
    w: &Weights,
    past: Option<&Past<'_>>,
) -> Outcome {
    let split;
    let q = match split_unknown_words(ix, q, w) {
        Some(s) => {
            split = s;
            &split
        }
        None => q,
    };
    // A lone common word still being typed is tried as a prefix ("in" for "India"); when it
    // finds nothing, the query is only common words after all.
    let only_common = q.only_common
        || (q.dates.is_empty()
            && !q.terms.is_empty()
            && q.terms.iter().all(|t| is_stop_word(&t.text))
            && q.terms.iter().all(|t| expand(ix, t, w).is_empty()));
    if q.is_empty() || only_common {
        let hits = ix
            .by_date
            .iter()
            .filter(|&&rec| past.is_none_or(|p| p.exists(rec)))
            .map(|&rec| Hit {
                rec,
                tier: 0,
                score: 0.0,
            })
            .collect();
        return Outcome {
            hits,
            only_common,
            ..Default::default()
        };
    }
    let all = SCRATCH.with(|s| search_with(ix, data, q, w, past, &mut s.borrow_mut()));
    // A phrase asks for its words together: cards with some of them are not what was meant.
    let groups = q.terms.len() + q.dates.len();
    if !all.hits.is_empty() || groups < 2 || !q.phrases.is_empty() {
        return all;
    }
    match partial(ix, data, q, w, past) {
        Some(mut o) => {
            o.suggestions = all.suggestions;
            o
        }
        None => all,
    }
}

/// Words sorted (through the shared sort, for wasm size) and without repeats.
fn sorted_unique(words: Vec<Box<str>>) -> Vec<Box<str>> {
    let order = crate::core::order::order_of(words.len(), &|a, b| words[a].cmp(&words[b]));
    let mut out = crate::core::order::permute(words, &order);
    out.dedup();
    out
}

/// A word the index does not have, nor anything it could be a prefix or typo of, split where
/// both halves are indexed words: "peacemission" is "peace mission". `None` when no word
/// splits.
fn split_unknown_words(ix: &Index, q: &Query, w: &Weights) -> Option<Query> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (i, t) in q.terms.iter().enumerate() {
        let text = t.text.as_str();
        // Cheap tests first: most words are indexed, or begin an indexed word.
        if t.exact_only
            || text.len() < 6
            || ix.find(text).is_some()
            || (t.prefix && !ix.prefix_range(text).is_empty())
        {
            continue;
        }
        let right_ok =
            |r: &str| ix.find(r).is_some() || (t.prefix && !ix.prefix_range(r).is_empty());
        // The longest known first half whose rest is known too; and only for a word that is
        // not a typo of an indexed one (that test is the costly one, so it comes last).
        if let Some(c) = (3..=text.len() - 3)
            .rev()
            .filter(|&c| text.is_char_boundary(c))
            .find(|&c| ix.find(&text[..c]).is_some() && right_ok(&text[c..]))
            && expand(ix, t, w).is_empty()
        {
            cuts.push((i, c));
        }
    }
    if cuts.is_empty() {
        return None;
    }
    let mut q = q.clone();
    // From the last, so each insertion leaves the earlier positions as they were.
    for &(i, c) in cuts.iter().rev() {
        let t = q.terms[i].clone();
        let half = |text: &str, prefix: bool| Term {
            text: text.to_string(),
            written: None,
            prefix,
            ..t.clone()
        };
        q.terms[i] = half(&t.text[..c], false);
        q.terms.insert(i + 1, half(&t.text[c..], t.prefix));
    }
    Some(q)
}

/// When no record matches every group: each group searched alone, and the records that match
/// the most groups, scored by where they match. `None` when no group matches anything.
fn partial(
    ix: &Index,
    data: &Dataset,
    q: &Query,
    w: &Weights,
    past: Option<&Past<'_>>,
) -> Option<Outcome> {
    // One sub-query per group: each word alone, each date alone.
    let singles = q
        .terms
        .iter()
        .map(|t| {
            let one = Query {
                terms: vec![t.clone()],
                ..Default::default()
            };
            (t.typed.clone(), one)
        })
        .chain(q.dates.iter().map(|d| {
            let one = Query {
                dates: vec![d.clone()],
                ..Default::default()
            };
            (d.label.clone(), one)
        }));
    // Every (record, group, score, fuzzy) the groups found, then per record: the groups
    // matched as a bit mask, the total score, and whether any match was a typo. A sorted list
    // rather than a hash map: no hashing machinery in the wasm for a path this rare.
    let mut found: Vec<(Rec, u64, f32, bool)> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut highlight = Highlighter::default();
    for (g, (word, one)) in singles.enumerate().take(64) {
        let o = SCRATCH.with(|s| search_with(ix, data, &one, w, past, &mut s.borrow_mut()));
        found.extend(
            o.hits
                .iter()
                .map(|h| (h.rec, 1u64 << g, h.score, h.tier == 1)),
        );
        highlight.terms.extend(o.highlight.terms);
        highlight.prefixes.extend(o.highlight.prefixes);
        words.push(word);
    }
    let found = crate::core::order::sort_by(found, &|a: &(Rec, u64, f32, bool), b| a.0.cmp(&b.0));
    let mut per: Vec<(Rec, u64, f32, bool)> = Vec::new();
    for (rec, bit, score, fz) in found {
        match per.last_mut() {
            Some(p) if p.0 == rec => {
                p.1 |= bit;
                p.2 += score;
                p.3 |= fz;
            }
            _ => per.push((rec, bit, score, fz)),
        }
    }
    let best = per.iter().map(|p| p.1.count_ones()).max()?;
    let per: Vec<(Rec, u64, f32, bool)> = per
        .into_iter()
        .filter(|p| p.1.count_ones() == best)
        .collect();
    let top = per
        .iter()
        .max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.cmp(&a.0)))
        .map_or(0, |p| p.1);
    let hits: Vec<Hit> = per
        .iter()
        .map(|&(rec, _, score, fz)| Hit {
            rec,
            tier: if fz { 1 } else { 2 },
            score,
        })
        .collect();
    highlight.terms = sorted_unique(highlight.terms);
    Some(Outcome {
        hits,
        highlight,
        suggestions: Vec::new(),
        partial: Some(Partial {
            matched: best as usize,
            of: words.len(),
            words: words
                .into_iter()
                .enumerate()
                .filter(|(g, _)| top & (1 << g) != 0)
                .map(|(_, w)| w)
                .collect(),
        }),
        only_common: false,
    })
}

fn search_with(
    ix: &Index,
    data: &Dataset,
    q: &Query,
    w: &Weights,
    past: Option<&Past<'_>>,
    s: &mut Scratch,
) -> Outcome {
    let field_best = best_weight_table(w);
    let n = ix.records as usize;
    if s.slot.len() != n {
        *s = Scratch {
            slot: vec![Slot::default(); n],
            alive: vec![0; n.div_ceil(64)],
        };
    }
    let slot: &mut [Slot] = &mut s.slot;
    let alive: &mut [u64] = &mut s.alive;
    // Records the first group matched (every later group can only narrow them), and those
    // that matched every group so far: `None` while that is still `seen`, so the first
    // group's records are not copied.
    let mut seen: Vec<Rec> = Vec::new();
    let mut narrowed: Option<Vec<Rec>> = None;
    let mut touched: Vec<Rec> = Vec::new();
    let mut highlight: Vec<Box<str>> = Vec::new();
    let mut prefixes: Vec<String> = Vec::new();

    let groups: Vec<Group<'_>> = q
        .terms
        .iter()
        .map(Group::Word)
        .chain(q.dates.iter().map(|d| Group::Date {
            from: d.from,
            to: d.to,
            words: &d.words,
        }))
        .collect();
    // What each group matched, kept only to recheck past records.
    let mut matched: Vec<Matched> = Vec::new();
    for (gi, group) in groups.iter().enumerate() {
        if past.is_some()
            && let Group::Date { from, to, words } = group
        {
            matched.push(Matched::Date {
                span: (*from, *to),
                words: words.iter().map(|wd| ix.find(wd)).collect(),
            });
        }
        let mut visit = Visitor {
            slot,
            alive,
            touched: &mut touched,
            first: gi == 0,
        };
        let expansions = match group {
            Group::Word(t) => expand(ix, t, w),
            Group::Date { from, to, words } => {
                visit_date(
                    ix,
                    (*from, *to),
                    words,
                    w,
                    &field_best,
                    &mut visit,
                    &mut highlight,
                );
                std::rc::Rc::default()
            }
        };
        if let Group::Word(t) = group
            && t.prefix
            && !t.exact_only
        {
            prefixes.push(t.text.clone());
            prefixes.extend(t.written.clone());
        }
        if past.is_some() && matches!(group, Group::Word(_)) {
            matched.push(Matched::Word(expansions.iter().map(|e| e.0).collect()));
        }
        visit_expansions(ix, &expansions, w, &field_best, &mut visit, &mut highlight);
        let first = visit.first;
        for &rec in &touched {
            let sl = &mut slot[rec as usize];
            sl.total += sl.cur;
            sl.fuzzy |= sl.cur_fuzzy;
            sl.cur = 0.0;
            sl.cur_fuzzy = false;
        }
        for &rec in narrowed.as_deref().unwrap_or(&seen) {
            alive[rec as usize / 64] &= !(1 << (rec % 64));
        }
        for &rec in &touched {
            alive[rec as usize / 64] |= 1 << (rec % 64);
        }
        if first {
            seen = std::mem::take(&mut touched);
        } else {
            narrowed = Some(std::mem::take(&mut touched));
        }
    }
    // The records that matched every group are the bits still set; they are read off in
    // record order (clearing them for the next search), so the passes that follow (tiers, the
    // facet counts, the first page's date ranks) read their per-record tables front to back
    // rather than in the order the postings happened to arrive. `seen` stays whole: it is
    // what the slots are reset by.
    let mut candidates = read_off(alive, narrowed.as_ref().map_or(seen.len(), Vec::len));
    drop(narrowed);
    if let Some(p) = past {
        candidates
            .retain(|&r| p.exists(r) && (!p.recheck(r) || still_matches(ix, data, r, &matched)));
    }
    if !q.phrases.is_empty() {
        candidates.retain(|&r| {
            q.phrases
                .iter()
                .all(|p| has_phrase(data, RecordRef::of(data, r), p))
        });
    }
    let hits = tiered(ix, data, q, candidates, slot);
    // Leave the scratch clean for the next search.
    for &rec in &seen {
        slot[rec as usize] = Slot::default();
    }
    let mut suggestions = if hits.is_empty() {
        suggest(ix, q)
    } else {
        Vec::new()
    };
    // In the past, only words some record said then.
    if let Some(p) = past {
        suggestions.retain(|word| p.said(ix, data, word));
    }
    // The highlighter looks words up by binary search.
    let highlight = sorted_unique(highlight);
    Outcome {
        hits,
        highlight: Highlighter {
            terms: highlight,
            prefixes,
        },
        suggestions,
        partial: None,
        only_common: false,
    }
}

/// The records whose bits are set, in record order, clearing them for the next search.
fn read_off(alive: &mut [u64], capacity: usize) -> Vec<Rec> {
    let mut out: Vec<Rec> = Vec::with_capacity(capacity);
    for (i, word) in alive.iter_mut().enumerate() {
        let mut bits = std::mem::take(word);
        while bits != 0 {
            out.push(i as Rec * 64 + bits.trailing_zeros());
            bits &= bits - 1;
        }
    }
    out
}

/// A date group: facts dated within the stretch (read from the facts by first day), and
/// records that say the date in words (every word, scored by the year's field).
fn visit_date(
    ix: &Index,
    (from, to): (i32, i32),
    words: &[String],
    w: &Weights,
    field_best: &[f32],
    visit: &mut Visitor<'_>,
    highlight: &mut Vec<Box<str>>,
) {
    for f in ix.facts_within(from, to) {
        visit.visit(f, w.date, false);
    }
    let ids: Vec<Option<u32>> = words.iter().map(|wd| ix.find(wd)).collect();
    let Some(ids) = ids.into_iter().collect::<Option<Vec<u32>>>() else {
        return;
    };
    let (year, rest) = ids.split_last().expect("a date has a year");
    // The records that have every other word: postings come in record order, so this is a
    // merge of sorted lists.
    let mut have: Vec<Rec> = Vec::new();
    for (i, &t) in rest.iter().enumerate() {
        let recs: Vec<Rec> = ix.postings(t).map(|p| p >> 8).collect();
        have = if i == 0 {
            recs
        } else {
            recs.into_iter()
                .filter(|r| have.binary_search(r).is_ok())
                .collect()
        };
    }
    for p in ix.postings(*year) {
        if rest.is_empty() || have.binary_search(&(p >> 8)).is_ok() {
            visit.visit(p >> 8, field_best[(p & 0xff) as usize], false);
        }
    }
    for &t in &ids {
        highlight.push(ix.terms[t as usize].clone());
    }
}

/// A word group: every record in the postings of each term the word expands to, scored by
/// the match's quality and the field it is in.
fn visit_expansions(
    ix: &Index,
    expansions: &[(u32, f32, bool)],
    w: &Weights,
    field_best: &[f32],
    visit: &mut Visitor<'_>,
    highlight: &mut Vec<Box<str>>,
) {
    let name_words: &[u8] = &ix.name_words;
    for &(t, quality, fz) in expansions {
        // Prefix matches are highlighted by the prefix itself; only exact and typo matches
        // need their word remembered.
        if quality != w.prefix {
            highlight.push(ix.terms[t as usize].clone());
        }
        for p in ix.postings(t) {
            let rec = p >> 8;
            // A word in a short name counts for more than the same word in a long title.
            let short = if p & NAME_BIT != 0 {
                w.short_name / f32::from(name_words[rec as usize])
            } else {
                0.0
            };
            visit.visit(rec, quality * (field_best[(p & 0xff) as usize] + short), fz);
        }
    }
}

/// The candidates as hits in tiers. Whole-query name matches lift a record to tier 4 (equal)
/// or 3 (prefix); among name prefixes, the name the query covers most of wins ("pak" prefers
/// "Pakistan" to "Pakistan Air Force"). Other exact matches are tier 2, typo matches tier 1.
fn tiered(
    ix: &Index,
    data: &Dataset,
    q: &Query,
    candidates: Vec<Rec>,
    slot: &mut [Slot],
) -> Vec<Hit> {
    let mut lifted: Vec<(Rec, u8, f32)> = Vec::new();
    if !candidates.is_empty() && q.whole.len() >= 2 {
        for (len, r) in ix.names_starting(data, &q.whole, NAME_LIFT_LIMIT) {
            let cover = q.whole.len() as f32 / len.max(1) as f32;
            // It starts with the query: as long as it, it is the query.
            let t = if len == q.whole.len() { 4 } else { 3 };
            lifted.push((r, t, cover));
        }
        // Best lift per record first, then one entry per record, for binary search.
        lifted = crate::core::order::sort_by(lifted, &|a: &(Rec, u8, f32), b| {
            a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(b.2.total_cmp(&a.2))
        });
        lifted.dedup_by_key(|l| l.0);
    }
    // Each lift is found from its record's slot, not by a search per candidate.
    for (i, l) in lifted.iter().enumerate() {
        slot[l.0 as usize].lift = i as u16 + 1;
    }
    let hits = candidates
        .into_iter()
        .map(|rec| {
            let Slot {
                total, fuzzy, lift, ..
            } = slot[rec as usize];
            let (tier, score) = match lift.checked_sub(1).map(|i| &lifted[i as usize]) {
                Some(l) => (l.1, total + NAME_COVER_BONUS * l.2),
                None if fuzzy => (1, total),
                None => (2, total),
            };
            Hit { rec, tier, score }
        })
        .collect();
    for l in &lifted {
        slot[l.0 as usize].lift = 0;
    }
    hits
}

/// Puts the best `k` hits first, in order: tier, then score, then date (newest first). The
/// rest stay unordered.
///
/// Each hit is packed into one `u64` that sorts in that order (see [`rank_key`]), so selecting
/// and sorting compare integers instead of calling a comparator that reads the date table at
/// random for every tie: a one-letter prefix at 100k has tens of thousands of hits, most of
/// them tied on tier and score.
pub fn order(ix: &Index, hits: &mut [Hit], k: usize) {
    let k = k.min(hits.len());
    if k == 0 {
        return;
    }
    let mut keys: Vec<u64> = hits
        .iter()
        .map(|h| rank_key(h, ix.date_rank[h.rec as usize]))
        .collect();
    if k < keys.len() {
        keys.select_nth_unstable(k - 1);
    }
    keys[..k].sort_unstable();
    for (h, &key) in hits.iter_mut().zip(&keys) {
        *h = from_rank_key(key, &ix.by_date);
    }
}

/// A hit as one integer, smallest first: tier (highest first) in the top 3 bits, then the score
/// (highest first, in `f32::total_cmp`'s order) in 32 bits, then the record's date rank
/// (newest first) in the low 29. Date ranks are unique, so no two hits share a key, and the
/// order is the comparator's: tier, score, date.
fn rank_key(h: &Hit, date_rank: u32) -> u64 {
    let bits = h.score.to_bits();
    // `total_cmp`'s order as an unsigned integer: negatives flipped, positives above them.
    let ordered = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    };
    (u64::from(7 - h.tier) << 61) | (u64::from(!ordered) << 29) | u64::from(date_rank)
}

/// The hit a [`rank_key`] was made from.
fn from_rank_key(key: u64, by_date: &[Rec]) -> Hit {
    let ordered = !((key >> 29) as u32);
    let bits = if ordered >> 31 == 1 {
        ordered & !(1 << 31)
    } else {
        !ordered
    };
    Hit {
        rec: by_date[(key & ((1 << 29) - 1)) as usize],
        tier: 7 - (key >> 61) as u8,
        score: f32::from_bits(bits),
    }
}

/// For each field mask, the weight of its best field.
fn best_weight_table(w: &Weights) -> [f32; 256] {
    let mut t = [0f32; 256];
    for (mask, slot) in t.iter_mut().enumerate() {
        *slot = Field::ALL
            .iter()
            .filter(|f| mask & (1 << **f as usize) != 0)
            .map(|f| f.weight(w))
            .fold(0.0, f32::max);
    }
    t
}

/// True when the words of `phrase` stand together in one field of the record.
fn has_phrase(data: &Dataset, rec: RecordRef, phrase: &[String]) -> bool {
    fields(data, rec).iter().any(|(_, text)| {
        let words: Vec<String> = tokens(text)
            .into_iter()
            .map(|t| canonical(&t.text).unwrap_or(t.text))
            .collect();
        words.windows(phrase.len()).any(|w| w == phrase)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distances() {
        fn check(a: &str, b: &str, max: usize, expect: Option<usize>) {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            assert_eq!(edit_distance(&a, &b, max), expect);
        }
        check("moscow", "moscow", 1, Some(0));
        check("moscow", "moskow", 1, Some(1));
        check("moscow", "mocsow", 1, Some(1));
        check("kyrgyzstan", "kirgizstan", 2, Some(2));
        check("kyrgyzstan", "kirgizstan", 1, None);
        check("belarus", "bel", 2, None);
        check("pakistan", "pakistani", 1, Some(1));
        // Longer than the rows kept on the stack.
        let long = "counterterrorism".repeat(5);
        check(&long, &long.replacen('m', "n", 1), 1, Some(1));
        check(&long, &format!("{long}xy"), 1, None);
    }

    /// The packed key orders hits as the comparator did (tier, score, newest first) and
    /// gives back the hit it was made from.
    #[test]
    fn rank_keys_order_as_tier_score_date() {
        // (record, tier, score); record r has date rank r here.
        let hits: Vec<Hit> = [
            (0, 2, 5.0),
            (1, 2, 5.0),
            (2, 4, 0.5),
            (3, 1, 30.0),
            (4, 2, 12.25),
            (5, 0, 0.0),
            (6, 2, -1.0),
            (7, 3, 5.0),
            (8, 2, 0.0),
        ]
        .into_iter()
        .map(|(rec, tier, score)| Hit { rec, tier, score })
        .collect();
        let by_date: Vec<Rec> = (0..hits.len() as Rec).collect();
        let cmp = |a: &Hit, b: &Hit| {
            b.tier
                .cmp(&a.tier)
                .then(b.score.total_cmp(&a.score))
                .then(a.rec.cmp(&b.rec))
        };
        let mut expect = hits.clone();
        expect.sort_by(cmp);
        let mut keys: Vec<u64> = hits.iter().map(|h| rank_key(h, h.rec)).collect();
        keys.sort_unstable();
        let got: Vec<Hit> = keys.iter().map(|&k| from_rank_key(k, &by_date)).collect();
        assert_eq!(got, expect);
        assert_eq!(
            got.iter().map(|h| h.rec).collect::<Vec<_>>(),
            [2, 7, 4, 0, 1, 8, 6, 3, 5]
        );
    }

    /// Unordered hits come in record order, whatever order the postings of their words gave,
    /// so the passes over them read per-record tables front to back.
    #[test]
    fn unordered_hits_come_in_record_order() {
        let cat = crate::core::testing::corpus();
        for q in ["e", "m", "exercise", "peace mission"] {
            let recs: Vec<Rec> = cat.keystroke(q, 0).hits.iter().map(|h| h.rec).collect();
            assert!(recs.len() > 2, "{q:?} finds several records");
            assert!(recs.windows(2).all(|w| w[0] < w[1]), "{q:?}: {recs:?}");
        }
    }

    #[test]
    fn highlighting_marks_whole_matched_words() {
        let h = Highlighter {
            terms: ["defense", "mi35m", "peace"]
                .into_iter()
                .map(Into::into)
                .collect(),
            prefixes: vec!["helic".into()],
        };
        let text = "Peace Mission, four Mi-35M; Ministry of Defence; Russian Helicopters";
        let marked: Vec<&str> = h
            .ranges(text)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect();
        assert_eq!(marked, ["Peace", "Mi-35M", "Defence", "Helicopters"]);
        assert!(Highlighter::default().ranges(text).is_empty());
    }
}
