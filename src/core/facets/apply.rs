//! Applying the filters to a search's hits and counting every facet value in the same pass.

use super::index::{FacetIndex, NONE};
use super::{CardKind, DateCertainty, Dim, Filters, Sourcing};
use crate::core::model::{Dataset, Status};
use crate::core::search::Rec;

/// Filters resolved against the dataset (ids to indices), ready to test records.
struct Active {
    kinds: Vec<bool>,
    any_kind: bool,
    ents: Vec<bool>,
    any_ent: bool,
    years: Option<(i32, i32)>,
    docs: Vec<bool>,
    any_doc: bool,
    statuses: [bool; 4],
    any_status: bool,
    sure: [bool; 3],
    any_sure: bool,
    /// The chosen `Sourcing` values as bits.
    sourcing: u8,
}

impl Active {
    fn new(data: &Dataset, fx: &FacetIndex, f: &Filters) -> Active {
        Active {
            kinds: fx.kinds.iter().map(|k| f.kinds.contains(k)).collect(),
            any_kind: !f.kinds.is_empty(),
            ents: data
                .entities
                .iter()
                .map(|e| f.entities.contains(&e.id))
                .collect(),
            any_ent: !f.entities.is_empty(),
            years: f.years,
            docs: data
                .documents
                .iter()
                .map(|d| f.docs.contains(&d.id))
                .collect(),
            any_doc: !f.docs.is_empty(),
            statuses: Status::ALL.map(|s| f.statuses.contains(&s)),
            any_status: !f.statuses.is_empty(),
            sure: DateCertainty::ALL.map(|s| f.certainty.contains(&s)),
            any_sure: !f.certainty.is_empty(),
            sourcing: Sourcing::ALL
                .iter()
                .enumerate()
                .filter(|(_, s)| f.sources.contains(s))
                .fold(0, |bits, (i, _)| bits | 1 << i),
        }
    }

    /// No filter is set.
    fn is_open(&self) -> bool {
        !(self.any_kind
            || self.any_ent
            || self.years.is_some()
            || self.any_doc
            || self.any_status
            || self.any_sure
            || self.sourcing != 0)
    }

    /// A bit per facet: set when the record passes that facet.
    fn passes(&self, fx: &FacetIndex, r: Rec) -> u8 {
        let i = r as usize;
        let mut bits = 0u8;
        let mut set = |d: Dim, ok: bool| {
            if ok {
                bits |= 1 << d as u8;
            }
        };
        set(Dim::Kind, !self.any_kind || self.kinds[fx.kind[i] as usize]);
        set(
            Dim::Entity,
            !self.any_ent || fx.ents(r).iter().any(|e| self.ents[*e as usize]),
        );
        set(
            Dim::Year,
            match (self.years, fx.years[i]) {
                (None, _) => true,
                (Some((a, b)), Some((x, y))) => x <= b && y >= a,
                (Some(_), None) => false,
            },
        );
        set(
            Dim::Doc,
            !self.any_doc || fx.docs(r).iter().any(|d| self.docs[*d as usize]),
        );
        set(
            Dim::Status,
            !self.any_status || (fx.status[i] != NONE && self.statuses[fx.status[i] as usize]),
        );
        set(
            Dim::Certainty,
            !self.any_sure || (fx.sure[i] != NONE && self.sure[fx.sure[i] as usize]),
        );
        set(
            Dim::Sources,
            self.sourcing == 0 || fx.sourcing[i] & self.sourcing != 0,
        );
        bits
    }
}

const ALL_DIMS: u8 = 0b111_1111;

/// How many values a long facet (states and organisations, documents) lists before "show all".
pub const SHORT_LIST: usize = 12;

/// One value of a facet, with its count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    /// What the URL and `Filters::toggle` use: a slug or an id.
    pub key: String,
    pub label: String,
    pub count: usize,
    pub selected: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetGroup {
    pub dim: Dim,
    pub values: Vec<FacetValue>,
    /// Values not listed (a long facet shows its most used values until asked for all).
    pub hidden: usize,
}

/// The filtered hits and every facet's counts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Faceted<T> {
    /// The hits that pass every filter, in the order given.
    pub records: Vec<T>,
    pub groups: Vec<FacetGroup>,
    /// (year, how many facts fall in it given the other filters) for every year from the
    /// earliest to the latest any fact has, ascending, for the year range.
    pub years: Vec<(i32, usize)>,
}

/// Each facet value's count: the hits that pass every *other* facet and have that value.
struct Counts {
    kinds: Vec<usize>,
    ents: Vec<usize>,
    docs: Vec<usize>,
    statuses: [usize; 4],
    certainty: [usize; 3],
    sourcing: [usize; 4],
    /// Per year from `first_year`.
    years: Vec<usize>,
    first_year: i32,
}

/// Applies the filters to `hits` and counts every facet value. `rec` reads a hit's record;
/// `expanded` lists the long facets to list in full.
pub fn apply<T: Clone>(
    data: &Dataset,
    fx: &FacetIndex,
    hits: &[T],
    rec: impl Fn(&T) -> Rec,
    filters: &Filters,
    expanded: &[Dim],
) -> Faceted<T> {
    // The work is done on record numbers, so that it is compiled once whatever the hits are.
    let recs: Vec<Rec> = hits.iter().map(rec).collect();
    let (kept, groups, years) = apply_to(data, fx, &recs, filters, expanded, true);
    let records = match kept {
        None => hits.to_vec(),
        Some(kept) => kept.iter().map(|&i| hits[i as usize].clone()).collect(),
    };
    Faceted {
        records,
        groups,
        years,
    }
}

/// Every facet value's count over `recs` and the year bars, as [`apply`] gives them.
pub fn counts(
    data: &Dataset,
    fx: &FacetIndex,
    recs: &[Rec],
    filters: &Filters,
    expanded: &[Dim],
) -> (Vec<FacetGroup>, Vec<(i32, usize)>) {
    let (_, groups, years) = apply_to(data, fx, recs, filters, expanded, false);
    (groups, years)
}

/// What passes the filters (positions in `recs`, `None` for all, asked for by `keep`), and
/// the counts.
#[allow(clippy::type_complexity)]
fn apply_to(
    data: &Dataset,
    fx: &FacetIndex,
    recs: &[Rec],
    filters: &Filters,
    expanded: &[Dim],
    keep: bool,
) -> (Option<Vec<u32>>, Vec<FacetGroup>, Vec<(i32, usize)>) {
    let active = Active::new(data, fx, filters);
    let (kept, counts) = filter_and_count(data, fx, &active, recs, keep);
    let groups = vec![
        kind_group(fx, &counts, filters),
        long_group(
            Dim::Entity,
            expanded,
            fx.ent_order.iter().map(|&e| {
                let ent = &data.entities[e as usize];
                let (count, chosen) = (counts.ents[e as usize], active.ents[e as usize]);
                (ent.id.as_str(), ent.name.as_str(), count, chosen)
            }),
            &filters.entities,
            |id| match data.entities.iter().find(|e| e.id == id) {
                Some(e) => e.name.clone(),
                None => format!("{id} (unknown)"),
            },
        ),
        long_group(
            Dim::Doc,
            expanded,
            fx.doc_order.iter().map(|&d| {
                let doc = &data.documents[d as usize];
                let (count, chosen) = (counts.docs[d as usize], active.docs[d as usize]);
                (doc.id.as_str(), doc.title.as_str(), count, chosen)
            }),
            &filters.docs,
            |id| format!("{id} (unknown)"),
        ),
        fixed_group(
            Dim::Status,
            Status::ALL
                .iter()
                .map(|s| (s.slug(), s.label(), filters.statuses.contains(s))),
            &counts.statuses,
        ),
        fixed_group(
            Dim::Sources,
            Sourcing::ALL
                .iter()
                .map(|s| (s.slug(), s.label(), filters.sources.contains(s))),
            &counts.sourcing,
        ),
        fixed_group(
            Dim::Certainty,
            DateCertainty::ALL
                .iter()
                .map(|s| (s.slug(), s.label(), filters.certainty.contains(s))),
            &counts.certainty,
        ),
    ];
    // Every year of the catalog's span, empty ones included: the histogram's axis and the year
    // lists stay put while the user types, as the other facets' lists do.
    let years = counts
        .years
        .iter()
        .enumerate()
        .map(|(i, n)| (counts.first_year + i as i32, *n))
        .collect();
    (kept, groups, years)
}

/// One pass over the records: the positions of those that pass every facet (`None` when no
/// filter is set, or `keep` is false), and every value's count.
fn filter_and_count(
    data: &Dataset,
    fx: &FacetIndex,
    active: &Active,
    recs: &[Rec],
    keep: bool,
) -> (Option<Vec<u32>>, Counts) {
    // Counts per year, by offset from the earliest year any fact has.
    let (first_year, last_year) = fx.year_span;
    let mut c = Counts {
        kinds: vec![0; fx.kinds.len()],
        ents: vec![0; data.entities.len()],
        docs: vec![0; data.documents.len()],
        statuses: [0; 4],
        certainty: [0; 3],
        sourcing: [0; 4],
        years: vec![0; (last_year - first_year + 1).clamp(0, 400) as usize],
        first_year,
    };
    let others = |d: Dim, bits: u8| bits | (1 << d as u8) == ALL_DIMS;
    // While typing no filter is set, and every record passes every facet.
    let open = active.is_open();
    let mut kept = (keep && !open).then(Vec::new);
    for (at, &r) in recs.iter().enumerate() {
        let i = r as usize;
        let bits = if open { ALL_DIMS } else { active.passes(fx, r) };
        if bits == ALL_DIMS
            && let Some(k) = kept.as_mut()
        {
            k.push(at as u32);
        }
        if others(Dim::Kind, bits) {
            c.kinds[fx.kind[i] as usize] += 1;
        }
        if others(Dim::Entity, bits) {
            for e in fx.ents(r) {
                c.ents[*e as usize] += 1;
            }
        }
        if others(Dim::Doc, bits) {
            for d in fx.docs(r) {
                c.docs[*d as usize] += 1;
            }
        }
        if others(Dim::Status, bits) && fx.status[i] != NONE {
            c.statuses[fx.status[i] as usize] += 1;
        }
        if others(Dim::Certainty, bits) && fx.sure[i] != NONE {
            c.certainty[fx.sure[i] as usize] += 1;
        }
        if others(Dim::Sources, bits) {
            for (b, n) in c.sourcing.iter_mut().enumerate() {
                if fx.sourcing[i] & (1 << b) != 0 {
                    *n += 1;
                }
            }
        }
        if others(Dim::Year, bits)
            && let Some((a, b)) = fx.years[i]
        {
            for y in a..=b.min(a + 200) {
                if let Some(slot) = c.years.get_mut((y - first_year) as usize) {
                    *slot += 1;
                }
            }
        }
    }
    (kept, c)
}

// Every value is listed in a fixed order whatever the counts (types in their order, long
// facets by how much they are used overall): a list that reorders or loses items while the
// user types would move the control under their focus. A value with nothing behind it shows a
// zero (and the UI disables it unless it is selected).

/// A facet over a fixed list of values (status, sourcing, certainty), every value listed in
/// the list's order: (key, label, selected) and the counts, index by index.
fn fixed_group<'a>(
    dim: Dim,
    values: impl Iterator<Item = (&'a str, &'a str, bool)>,
    counts: &[usize],
) -> FacetGroup {
    FacetGroup {
        dim,
        values: values
            .zip(counts)
            .map(|((key, label, selected), &n)| value(key, label, n, selected))
            .collect(),
        hidden: 0,
    }
}

fn value(key: &str, label: &str, count: usize, selected: bool) -> FacetValue {
    FacetValue {
        key: key.to_string(),
        label: label.to_string(),
        count,
        selected,
    }
}

/// The types the data has, in their order; a selected type the data lacks (a stale link)
/// still shows, at zero and selected, so it can be undone.
fn kind_group(fx: &FacetIndex, c: &Counts, filters: &Filters) -> FacetGroup {
    let order = crate::core::order::order_of(fx.kinds.len(), &|a, b| fx.kinds[a].cmp(&fx.kinds[b]));
    let mut values: Vec<FacetValue> = order
        .into_iter()
        .map(|i| {
            let k: CardKind = fx.kinds[i as usize];
            value(
                k.slug(),
                k.label(),
                c.kinds[i as usize],
                filters.kinds.contains(&k),
            )
        })
        .collect();
    for k in filters.kinds.iter().filter(|k| !fx.kinds.contains(k)) {
        values.push(value(k.slug(), k.label(), 0, true));
    }
    FacetGroup {
        dim: Dim::Kind,
        values,
        hidden: 0,
    }
}

/// A long facet (states and organisations, documents): its values in their fixed order, the
/// most used first, the rest hidden until asked for; a selected value is always listed, and one
/// the list does not have (a stale or hand-edited link) still appears, at zero and selected, so
/// it can be undone, named by `stale`.
fn long_group<'a>(
    dim: Dim,
    expanded: &[Dim],
    // Borrowed: only the listed values are copied (the synthetic 100k has thousands of values
    // per long facet, and this runs on every keystroke).
    order: impl Iterator<Item = (&'a str, &'a str, usize, bool)>,
    selected: &super::Set<String>,
    stale: impl Fn(&str) -> String,
) -> FacetGroup {
    let full = expanded.contains(&dim);
    let mut values = Vec::new();
    let mut hidden = 0;
    for (n, (key, label, count, chosen)) in order.enumerate() {
        if full || n < SHORT_LIST || chosen {
            values.push(value(key, label, count, chosen));
        } else {
            hidden += 1;
        }
    }
    for id in selected {
        if !values.iter().any(|v| &v.key == id) {
            values.push(value(id, &stale(id), 0, true));
        }
    }
    FacetGroup {
        dim,
        values,
        hidden,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::corpus;

    /// The records query `q` finds, unordered, as facets receive them.
    fn hits(q: &str) -> Vec<Rec> {
        corpus().search(q).hits.iter().map(|h| h.rec).collect()
    }

    fn run(q: &str, set: impl Fn(&mut Filters)) -> Faceted<Rec> {
        let mut f = Filters::default();
        set(&mut f);
        let c = corpus();
        apply(c.data, c.facets(), &hits(q), |r| *r, &f, &[])
    }

    /// (label, count, selected) of one value.
    fn value_of(f: &Faceted<Rec>, dim: Dim, key: &str) -> Option<(String, usize, bool)> {
        let g = f.groups.iter().find(|g| g.dim == dim)?;
        let v = g.values.iter().find(|v| v.key == key)?;
        Some((v.label.clone(), v.count, v.selected))
    }

    /// Runs `q` with filters set by `set`, and checks the number of results and (dim, key,
    /// expected count) triples.
    fn check(q: &str, set: impl Fn(&mut Filters), results: usize, counts: &[(Dim, &str, usize)]) {
        let got = run(q, set);
        assert_eq!(got.records.len(), results, "{q:?}");
        for (dim, key, want) in counts {
            assert_eq!(
                value_of(&got, *dim, key).map(|v| v.1),
                Some(*want),
                "{q:?}: {dim:?}={key}"
            );
        }
    }

    #[test]
    fn counts_say_what_choosing_a_value_would_give() {
        // Everything: 11 facts and 10 entities.
        check(
            "",
            |_| {},
            21,
            &[
                (Dim::Kind, "exercise", 4),
                (Dim::Kind, "state", 4),
                (Dim::Status, "planned", 3),
                (Dim::Certainty, "inferred", 3),
            ],
        );
        // Choosing exercises: the type counts still show the alternatives.
        check(
            "",
            |f| {
                f.toggle(Dim::Kind, "exercise");
            },
            4,
            &[
                (Dim::Kind, "meeting", 1),
                (Dim::Kind, "exercise", 4),
                (Dim::Status, "planned", 2),
            ],
        );
        // Two values of one facet are alternatives.
        check(
            "",
            |f| {
                f.toggle(Dim::Kind, "exercise");
                f.toggle(Dim::Kind, "meeting");
            },
            5,
            &[],
        );
        // Facets combine with each other and with the query.
        check(
            "harbour",
            |f| {
                f.toggle(Dim::Kind, "exercise");
                f.toggle(Dim::Status, "planned");
            },
            2,
            &[(Dim::Status, "happened", 2), (Dim::Status, "planned", 2)],
        );
        // Years leave undated records and entities out.
        check(
            "",
            |f| f.years = Some((2016, 2017)),
            2,
            &[(Dim::Kind, "state", 0)],
        );
        check(
            "",
            |f| {
                f.toggle(Dim::Certainty, "unknown");
            },
            1,
            &[],
        );
        // An entity: the facts that name it, and its own card.
        check(
            "",
            |f| {
                f.toggle(Dim::Entity, "dorsk");
            },
            3,
            &[],
        );
        check(
            "",
            |f| {
                f.toggle(Dim::Doc, "b_fixture");
            },
            11,
            &[],
        );
    }

    #[test]
    fn a_selected_value_the_data_lacks_stays_listed_so_it_can_be_undone() {
        // The corpus has no procurement, no such entity and no such document.
        let got = run("", |f| {
            f.toggle(Dim::Kind, "procurement");
            f.toggle(Dim::Entity, "atlantis");
            f.toggle(Dim::Doc, "no-such-doc");
        });
        assert_eq!(
            value_of(&got, Dim::Kind, "procurement"),
            Some(("Procurement".into(), 0, true))
        );
        let stale = |key: &str| Some((format!("{key} (unknown)"), 0, true));
        assert_eq!(value_of(&got, Dim::Entity, "atlantis"), stale("atlantis"));
        assert_eq!(
            value_of(&got, Dim::Doc, "no-such-doc"),
            stale("no-such-doc")
        );
        assert_eq!(got.records.len(), 0);
        // Unselected, a type the data lacks is not listed at all.
        assert_eq!(value_of(&run("", |_| {}), Dim::Kind, "procurement"), None);
    }

    #[test]
    fn the_lists_keep_their_order_and_length_whatever_the_query() {
        let shape = |q: &str| -> Vec<(Dim, Vec<String>)> {
            run(q, |_| {})
                .groups
                .into_iter()
                .map(|g| (g.dim, g.values.into_iter().map(|v| v.key).collect()))
                .collect()
        };
        assert_eq!(shape("h"), shape("harbour"));
        assert_eq!(shape(""), shape("zzzzz"));
    }

    #[test]
    fn the_year_histogram_counts_facts_per_year_given_the_other_filters() {
        let got = run("", |f| {
            f.toggle(Dim::Kind, "exercise");
        });
        let counted = |f: &Faceted<Rec>| -> Vec<(i32, usize)> {
            f.years.iter().copied().filter(|(_, n)| *n > 0).collect()
        };
        assert_eq!(counted(&got), [(2014, 1), (2016, 1), (2018, 1), (2020, 1)]);
        let planned = run("", |f| {
            f.toggle(Dim::Status, "planned");
        });
        assert_eq!(counted(&planned), [(2018, 1), (2020, 2)]);
        // The axis is every year of the catalog, whatever the query or filters.
        let axis = |f: &Faceted<Rec>| -> Vec<i32> { f.years.iter().map(|(y, _)| *y).collect() };
        let all = run("", |_| {});
        let (first, last) = (all.years[0].0, all.years[all.years.len() - 1].0);
        assert_eq!(axis(&all), (first..=last).collect::<Vec<_>>());
        assert!(first <= 2014 && last >= 2020);
        assert_eq!(axis(&got), axis(&all));
        assert_eq!(axis(&planned), axis(&all));
        assert_eq!(axis(&run("zzzzz", |_| {})), axis(&all));
    }

    #[test]
    fn long_facets_list_their_most_used_values_until_asked_for_all() {
        let d = crate::core::validate::validate(&crate::core::synth::generate(2000, 3))
            .expect("valid")
            .dataset;
        let fx = FacetIndex::build(&d);
        let all: Vec<Rec> = (0..(d.facts.len() + d.entities.len()) as Rec).collect();
        let docs_of = |f: &Filters, expanded: &[Dim]| {
            apply(&d, &fx, &all, |r| *r, f, expanded)
                .groups
                .into_iter()
                .find(|g| g.dim == Dim::Doc)
                .expect("documents")
        };
        let short = docs_of(&Filters::default(), &[]);
        assert_eq!(short.values.len(), SHORT_LIST);
        assert_eq!(short.hidden, d.documents.len() - SHORT_LIST);
        assert_eq!(
            docs_of(&Filters::default(), &[Dim::Doc]).values.len(),
            d.documents.len()
        );
        // A chosen value is always listed, however little used.
        let rare = fx.doc_order.last().copied().expect("a document");
        let mut f = Filters::default();
        f.toggle(Dim::Doc, &d.documents[rare as usize].id);
        assert!(docs_of(&f, &[]).values.iter().any(|v| v.selected));
    }
}
