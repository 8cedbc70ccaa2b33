//! What the charts show, before any geometry: lanes of items in days, built from the facts among
//! the current search's records.
//!
//! - **Membership**: a lane per state or organisation, a bar per standing. A bar starts where a
//!   document dates the start; otherwise its start is *open* (drawn faded, never at an invented
//!   date). It ends where a document dates the end, or runs to the latest date the documents
//!   speak of, with an open end.
//! - **Events**: a lane per exercise series, then one per kind. A fact spans its date's
//!   precision (a month-precision event spans its month). Undated facts cannot be placed and
//!   are listed apart.

use super::scale::Viewport;
use crate::core::model::date_view;
use crate::core::model::*;
use crate::core::order::{order_of, permute, sort_by};
use crate::core::search::{Rec, RecordRef};

/// Something to place on a lane: an event, or a membership standing.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The card it opens.
    pub card: String,
    pub label: String,
    /// What assistive technology reads, and the tooltip.
    pub name: String,
    /// Inclusive start day and exclusive end day.
    pub start: f64,
    pub end: f64,
    /// Drawn as held, in progress, planned or intended.
    pub status: Status,
    pub inferred: bool,
    /// The start (end) is not known: drawn open and faded.
    pub open_start: bool,
    pub open_end: bool,
    /// A CSS class for the standing or kind (colour).
    pub class: &'static str,
    /// A point event (drawn as a diamond): a fact whose span is a single day.
    pub point: bool,
    /// For a standing: its start and end in words, as precise as the documents are.
    pub from_text: String,
    pub to_text: String,
    /// The fact an event item draws (for the table view).
    pub fact: Option<FactIx>,
    /// For a revised fact: the days an earlier source gave, drawn as a faint ghost.
    pub ghost: Option<(f64, f64)>,
    /// The sources disagree on its date: the item spans every disputed value.
    pub disputed: bool,
}

/// A lane and its items, sorted by start.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub key: String,
    pub label: String,
    /// E.g. "about every 2 years" for a series whose instances come at a steady pace.
    pub note: Option<String>,
    /// The card the lane's label links to.
    pub card: Option<String>,
    pub items: Vec<Item>,
}

/// Both charts' lanes, the undated facts, and the extent of everything dated.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Chart {
    pub membership: Vec<Lane>,
    pub events: Vec<Lane>,
    /// (id, title) of facts that have no date and so cannot be placed.
    pub undated: Vec<(String, String)>,
    /// The first and last day of anything dated.
    pub extent: Option<(f64, f64)>,
    /// The latest day the documents speak of: where undated ends run to.
    pub horizon: f64,
    /// Where viewports are kept (see [`Reach`]).
    pub bounds: Viewport,
}

/// How far the timeline reaches for a whole dataset, whatever the search shows. A pass over
/// every fact, so callers compute it once ([`crate::core::catalog::Catalog`]).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Reach {
    /// The latest day any document speaks of (the day after it): where undated ends run to.
    pub horizon: f64,
    /// Where viewports are kept ([`Viewport::clamp`]): every date any report gives, with a
    /// margin of a quarter of their span (at least five years), within the years a link can
    /// carry. Whole days, so a clamped viewport's URL range stays inside too.
    pub bounds: Viewport,
}

pub fn reach(data: &Dataset) -> Reach {
    let horizon = data
        .facts
        .iter()
        .filter_map(|f| f.date.when.span())
        .map(|(_, b)| f64::from(b) + 1.0)
        .reduce(f64::max)
        .unwrap_or(0.0);
    let (first, last) = data
        .facts
        .iter()
        .flat_map(Fact::report_dates)
        .filter_map(|d| d.when.span())
        .fold((i32::MAX, i32::MIN), |(a, b), (x, y)| (a.min(x), b.max(y)));
    let (first, last) = if first <= last {
        (first, last + 1)
    } else {
        (days_from_civil(2000, 1, 1), days_from_civil(2021, 1, 1))
    };
    let margin = f64::from(((last - first) / 4).max(1827));
    let all = Viewport::default();
    let bounds = Viewport {
        start: super::scale::within(f64::from(first) - margin, all.start, all.end),
        end: super::scale::within(f64::from(last) + margin, all.start, all.end),
    };
    Reach { horizon, bounds }
}

/// Builds both charts from the facts among `records` (the current search and filters), with
/// the dataset's [`Reach`]. Nothing here visits facts that are not among `records`.
pub fn chart(data: &Dataset, records: &[Rec], reach: Reach) -> Chart {
    let horizon = reach.horizon;
    let mut shown: Vec<FactIx> = records
        .iter()
        .filter_map(|&r| RecordRef::of(data, r).fact())
        .collect();
    crate::core::order::sort_unique(&mut shown);
    let events = event_lanes(data, &shown);
    let membership = membership_lanes(data, &shown, horizon);
    let extent = membership
        .iter()
        .chain(&events)
        .flat_map(|l| &l.items)
        .map(|i| (i.start, i.end))
        .reduce(|(a, b), (x, y)| (a.min(x), b.max(y)));
    let undated = shown
        .iter()
        .map(|&f| &data.facts[f as usize])
        .filter(|f| f.date.when.span().is_none())
        .map(|f| (f.id.clone(), f.title.clone()))
        .collect();
    Chart {
        membership,
        events,
        undated,
        extent,
        horizon,
        bounds: reach.bounds,
    }
}

/// The viewport that shows everything, with a margin; a default when there is nothing. Within
/// the chart's bounds, like every viewport.
pub fn fit(chart: &Chart) -> Viewport {
    let v = match chart.extent {
        Some((a, b)) => {
            let pad = ((b - a) * 0.06).max(120.0);
            Viewport {
                start: a - pad,
                end: b + pad,
            }
        }
        None => Viewport {
            start: f64::from(days_from_civil(2000, 1, 1)),
            end: f64::from(days_from_civil(2021, 1, 1)),
        },
    };
    v.clamp(chart.bounds)
}

/// What an item says to a screen reader and in its tooltip.
fn fact_name(f: &Fact) -> String {
    let date = date_view(&f.date).map_or("date unknown".to_string(), |d| d.flagged());
    let mut name = format!(
        "{}: {}, {}, {}",
        f.title,
        f.kind.label().to_ascii_lowercase(),
        f.status.label().to_ascii_lowercase(),
        date
    );
    // What the sources make of it, in the same words as the card.
    for b in crate::core::sources::badges(f) {
        name.push_str("; ");
        name.push_str(&b);
    }
    name
}

/// Where a fact of a kind goes when it belongs to no series: (order, key, lane name).
fn kind_lane(k: FactKind) -> (u8, &'static str, &'static str) {
    match k {
        FactKind::Exercise => (0, "exercises", "Other exercises"),
        FactKind::Meeting => (1, "meetings", "Meetings"),
        FactKind::Conference => (2, "conferences", "Conferences"),
        FactKind::Visit => (3, "visits", "Visits"),
        FactKind::Agreement => (4, "agreements", "Agreements and protocols"),
        FactKind::Procurement => (5, "procurements", "Procurements"),
        FactKind::Presidency => (6, "presidencies", "Presidencies"),
        FactKind::Statement => (7, "statements", "Statements of intent"),
        FactKind::Membership => (8, "membership-events", "Membership changes"),
    }
}

pub fn standing_class(s: Standing) -> &'static str {
    match s {
        Standing::FullMember => "full-member",
        Standing::Observer => "observer",
        Standing::AgreementParty => "agreement-party",
        Standing::AccessionInProgress => "accession",
        Standing::Presidency => "presidency",
    }
}

/// "about every 2 years" when the gaps between a lane's items are steady.
fn cadence(items: &[Item]) -> Option<String> {
    if items.len() < 3 {
        return None;
    }
    let years: Vec<f64> = items
        .iter()
        .map(|i| (i.start + i.end) / 2.0 / 365.2425)
        .collect();
    let gaps: Vec<f64> = years.windows(2).map(|w| w[1] - w[0]).collect();
    let mean = gaps.iter().sum::<f64>() / gaps.len() as f64;
    let steady = gaps.iter().all(|g| (g - mean).abs() <= 0.5);
    let n = mean.round();
    (steady && n >= 1.0).then(|| {
        if n == 1.0 {
            "about every year".to_string()
        } else {
            format!("about every {} years", n as i64)
        }
    })
}

/// The event lanes: series first, then kinds in a fixed order; each lane's items by start.
fn event_lanes(data: &Dataset, shown: &[FactIx]) -> Vec<Lane> {
    let mut lanes: Vec<(u8, Lane)> = Vec::new();
    for &fi in shown {
        let f = &data.facts[fi as usize];
        // Standings are the membership chart's business; undated facts are listed apart.
        let Some((a, b)) = f.date.when.span() else {
            continue;
        };
        if matches!(f.kind, FactKind::Membership | FactKind::Presidency) {
            continue;
        }
        let (order, key, lane_label, card) = match f.series {
            Some(s) => {
                let e = &data.entities[s as usize];
                let key = format!("series-{}", e.id);
                (0, key, e.name.clone(), Some(e.id.clone()))
            }
            None => {
                let (o, k, l) = kind_lane(f.kind);
                (1 + o, k.to_string(), l.to_string(), None)
            }
        };
        // In a series lane the lane names the series; the item needs only its date.
        let label = match (f.series, date_view(&f.date)) {
            (Some(_), Some(d)) => d.text,
            _ => f.title.clone(),
        };
        let item = Item {
            card: f.id.clone(),
            label,
            name: fact_name(f),
            start: f64::from(a),
            end: f64::from(b) + 1.0,
            status: f.status,
            inferred: f.date.is_inferred(),
            open_start: false,
            open_end: false,
            class: kind_lane(f.kind).1,
            point: a == b,
            from_text: String::new(),
            to_text: String::new(),
            fact: Some(fi),
            ghost: earlier_date(f),
            disputed: f.disputes.iter().any(|d| d.on == Disputed::Date),
        };
        match lanes.iter_mut().find(|l| l.1.key == key) {
            Some(l) => l.1.items.push(item),
            None => lanes.push((
                order,
                Lane {
                    key,
                    label: lane_label,
                    note: None,
                    card,
                    items: vec![item],
                },
            )),
        }
    }
    let lanes = sort_by(lanes, &|a: &(u8, Lane), b: &(u8, Lane)| {
        a.0.cmp(&b.0).then(a.1.label.cmp(&b.1.label))
    });
    lanes
        .into_iter()
        .map(|(_, mut lane)| {
            lane.items = sort_by(lane.items, &|a: &Item, b: &Item| {
                a.start.total_cmp(&b.start).then(a.end.total_cmp(&b.end))
            });
            if lane.key.starts_with("series-") {
                lane.note = cadence(&lane.items);
            }
            lane
        })
        .collect()
}

/// What the shown facts say about one entity's one standing: (edge, day span, fact).
type Said<'a> = Vec<(Edge, (i32, i32), &'a Fact)>;

/// The membership lanes: states first, then organisations; each by its earliest standing.
fn membership_lanes(data: &Dataset, shown: &[FactIx], horizon: f64) -> Vec<Lane> {
    let mut per: Vec<(EntityIx, Standing, Said<'_>)> = Vec::new();
    for &fi in shown {
        let f = &data.facts[fi as usize];
        let Some(span) = f.date.when.span() else {
            continue;
        };
        for m in &f.membership {
            match per.iter_mut().find(|p| p.0 == m.who && p.1 == m.standing) {
                Some(p) => p.2.push((m.edge, span, f)),
                None => per.push((m.who, m.standing, vec![(m.edge, span, f)])),
            }
        }
    }
    let mut lanes: Vec<Lane> = Vec::new();
    for (who, standing, said) in per {
        let e = &data.entities[who as usize];
        let item = standing_item(&e.name, standing, &said, horizon);
        match lanes.iter_mut().find(|l| l.key == e.id) {
            Some(l) => l.items.push(item),
            None => lanes.push(Lane {
                key: e.id.clone(),
                label: e.name.clone(),
                note: None,
                card: Some(e.id.clone()),
                items: vec![item],
            }),
        }
    }
    for l in &mut lanes {
        l.items = sort_by(std::mem::take(&mut l.items), &|a: &Item, b: &Item| {
            a.start.total_cmp(&b.start)
        });
    }
    let not_state: Vec<bool> = lanes
        .iter()
        .map(|l| {
            data.entities
                .iter()
                .any(|e| e.id == l.key && e.kind != EntityKind::State)
        })
        .collect();
    let order = order_of(lanes.len(), &|a, b| {
        not_state[a]
            .cmp(&not_state[b])
            .then(lanes[a].items[0].start.total_cmp(&lanes[b].items[0].start))
            .then(lanes[a].label.cmp(&lanes[b].label))
    });
    permute(lanes, &order)
}

/// One standing's bar: where the documents date its start and end, and where they do not.
fn standing_item(who: &str, standing: Standing, said: &Said<'_>, horizon: f64) -> Item {
    let edge_days = |edge: Edge| said.iter().filter(move |x| x.0 == edge).map(|x| x.1);
    let start = edge_days(Edge::Start).map(|s| s.0).min();
    let end = edge_days(Edge::End).map(|s| s.1).max();
    let held_from = edge_days(Edge::Holds).map(|s| s.0).min().unwrap_or(0);
    let held_to = edge_days(Edge::Holds).map(|s| s.1).max().unwrap_or(0);
    let first = said
        .iter()
        .min_by_key(|x| x.1.0)
        .map(|x| x.2)
        .expect("a standing is said by at least one fact");
    // A presidency is held for the stretch its fact names; other standings last until a
    // document says they ended, and began where a document says, or at an unknown time.
    let presidency = standing == Standing::Presidency;
    let (s, open_start) = match start {
        Some(d) => (f64::from(d), false),
        None => (f64::from(held_from), !presidency),
    };
    let (e, open_end) = match end {
        Some(d) => (f64::from(d) + 1.0, false),
        None if presidency => (f64::from(held_to) + 1.0, false),
        None => (horizon.max(s + 1.0), true),
    };
    // Dates in words, as precise as the facts that give them.
    let text_of = |edge: Edge| {
        said.iter()
            .filter(|x| x.0 == edge)
            .min_by_key(|x| x.1.0)
            .and_then(|x| date_view(&x.2.date))
            .map(|d| d.flagged())
    };
    let held_text = text_of(Edge::Holds).unwrap_or_else(|| "?".into());
    let from_text = match text_of(Edge::Start) {
        Some(t) => t,
        None if presidency => held_text.clone(),
        None => format!("unknown; held as of {held_text}"),
    };
    let to_text = match text_of(Edge::End) {
        Some(t) => t,
        None if presidency => held_text.clone(),
        None => "no end in the documents".to_string(),
    };
    let from = if open_start {
        format!("start unknown, held as of {held_text}")
    } else {
        format!("from {from_text}")
    };
    let to = if open_end {
        "no end in the documents".to_string()
    } else {
        format!("to {to_text}")
    };
    Item {
        card: first.id.clone(),
        label: standing.label().to_string(),
        name: format!(
            "{who}: {}, {from}, {to}",
            standing.label().to_ascii_lowercase()
        ),
        start: s,
        end: e,
        status: first.status,
        inferred: said.iter().any(|x| x.2.date.is_inferred()),
        open_start,
        open_end,
        class: standing_class(standing),
        point: false,
        from_text,
        to_text,
        fact: None,
        ghost: None,
        disputed: false,
    }
}

/// For a revised fact, the first date a source gave that differs from the current one: the
/// plan beside its outcome.
fn earlier_date(f: &Fact) -> Option<(f64, f64)> {
    if !f.revised {
        return None;
    }
    let now = f.date.when.span();
    f.reports
        .iter()
        .filter_map(|r| r.date.when.span())
        .find(|s| Some(*s) != now)
        .map(|(a, b)| (f64::from(a), f64::from(b) + 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::corpus;

    fn day(y: i32, m: u8, d: u8) -> f64 {
        f64::from(days_from_civil(y, m, d))
    }

    fn all(data: &Dataset) -> Vec<Rec> {
        (0..(data.facts.len() + data.entities.len()) as Rec).collect()
    }

    fn lane<'a>(lanes: &'a [Lane], key: &str) -> &'a Lane {
        lanes
            .iter()
            .find(|l| l.key == key)
            .unwrap_or_else(|| panic!("lane {key}"))
    }

    #[test]
    fn membership_bars_start_where_dated_and_are_open_where_not() {
        let data = corpus().data;
        let c = chart(data, &all(data), reach(data));
        let labels: Vec<&str> = c.membership.iter().map(|l| l.label.as_str()).collect();
        // States first, by their first dated standing (ties alphabetical), then organisations.
        assert_eq!(
            labels,
            [
                "Arland",
                "Cestria",
                "Dorsk",
                "Borvia",
                "Eastern Customs Union"
            ]
        );
        let arland = lane(&c.membership, "arland");
        let full = &arland.items[0];
        assert_eq!(
            (full.class, full.start, full.open_start, full.open_end),
            ("full-member", day(2017, 6, 1), false, true)
        );
        assert_eq!(
            full.end, c.horizon,
            "runs to the latest date the documents speak of"
        );
        let acc = &arland.items[1];
        assert_eq!(acc.class, "accession");
        assert!(acc.open_start && acc.open_end && acc.inferred && acc.status == Status::InProgress);
        let dorsk = &lane(&c.membership, "dorsk").items[0];
        assert!(dorsk.open_start, "observer since a date no document gives");
        assert_eq!(dorsk.start, day(2019, 10, 31));
        let chair = &lane(&c.membership, "borvia").items[0];
        assert_eq!(
            (
                chair.start,
                chair.end,
                chair.open_start,
                chair.open_end,
                chair.status
            ),
            (
                day(2020, 1, 1),
                day(2021, 1, 1),
                false,
                false,
                Status::Planned
            )
        );
        let ecu = &lane(&c.membership, "ecu").items[0];
        assert_eq!((ecu.start, ecu.open_start), (day(2007, 6, 27), false));
        assert_eq!(c.extent.map(|e| e.0), Some(day(2007, 6, 27)));
    }

    #[test]
    fn event_lanes_hold_the_right_items_in_order() {
        let data = corpus().data;
        let c = chart(data, &all(data), reach(data));
        let lanes: Vec<(&str, Vec<&str>)> = c
            .events
            .iter()
            .map(|l| {
                (
                    l.label.as_str(),
                    l.items.iter().map(|i| i.card.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            lanes,
            [
                (
                    "Harbour Shield",
                    vec![
                        "harbour-shield-2014",
                        "harbour-shield-2016",
                        "harbour-shield-2018",
                        "harbour-shield-2020"
                    ]
                ),
                ("Meetings", vec!["working-group-2019"]),
                (
                    "Agreements and protocols",
                    vec!["ecu-signs-accord", "arland-accord-accession"]
                ),
            ]
        );
        assert_eq!(c.events[0].note.as_deref(), Some("about every 2 years"));
        assert_eq!(c.events[1].note, None, "only a series has a cadence");
        // A month-precision event spans its month, and in its series lane reads as its date.
        let hs18 = &c.events[0].items[2];
        assert_eq!(
            (
                hs18.start,
                hs18.end,
                hs18.status,
                hs18.inferred,
                hs18.label.as_str()
            ),
            (
                day(2018, 9, 1),
                day(2018, 10, 1),
                Status::Planned,
                true,
                "September 2018"
            )
        );
        assert!(
            hs18.name.ends_with("planned, September 2018 (inferred)"),
            "{}",
            hs18.name
        );
        // The undated fact is listed apart, never placed.
        assert_eq!(
            c.undated,
            [(
                "arland-seeks-boats".to_string(),
                "Arland seeks patrol boats".to_string()
            )]
        );
    }

    #[test]
    fn the_search_narrows_the_chart() {
        let c = corpus().search("Cestria");
        let hits: Vec<Rec> = c.hits.iter().map(|h| h.rec).collect();
        let got = chart(corpus().data, &hits, reach(corpus().data));
        let events: Vec<&str> = got
            .events
            .iter()
            .flat_map(|l| &l.items)
            .map(|i| i.card.as_str())
            .collect();
        assert_eq!(events, ["harbour-shield-2014"]);
        let members: Vec<&str> = got.membership.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(
            members,
            ["arland", "cestria"],
            "the joining fact names Cestria"
        );
    }

    #[test]
    fn fitting_shows_everything_with_a_margin() {
        let c = chart(corpus().data, &all(corpus().data), reach(corpus().data));
        let (a, b) = c.extent.expect("dated");
        let v = fit(&c);
        assert!(v.start < a && v.end > b);
        let empty = fit(&Chart::default());
        assert!(
            empty.span() > 365.0,
            "a sensible default when nothing is dated"
        );
    }

    #[test]
    fn the_bounds_take_in_every_report_date_with_room_and_stay_linkable() {
        fn check(dates: &[&str]) {
            let mut data = corpus().data.clone();
            let fact = data.facts[0].clone();
            data.facts = dates
                .iter()
                .map(|d| Fact {
                    date: DateSpec::stated(When::Point(Point::parse(d).expect("a date"))),
                    ..fact.clone()
                })
                .collect();
            let b = reach(&data).bounds;
            let all = Viewport::default();
            assert!(b.start >= all.start && b.end <= all.end, "{dates:?}: {b:?}");
            assert!(
                b.span() >= 10.0 * 365.0,
                "{dates:?}: at least five years each side"
            );
            for f in &data.facts {
                let (x, y) = f.date.when.span().expect("dated");
                assert!(
                    f64::from(x) - b.start >= 365.0 * 5.0 - 1.0 || b.start == all.start,
                    "{dates:?}: room before {x}"
                );
                assert!(
                    b.end - f64::from(y) >= 365.0 * 5.0 || b.end == all.end,
                    "{dates:?}: room after {y}"
                );
            }
            assert_eq!((b.start.fract(), b.end.fract()), (0.0, 0.0), "whole days");
        }
        check(&["2001-06-15"]);
        check(&["1996-04", "2019"]);
        check(&["1901", "2099-12-31"]);
    }
}
