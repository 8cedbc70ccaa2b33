//! Timeline geometry: what to draw where, as plain numbers. The component only turns a
//! [`Layout`] into SVG (as Yew's `boids` example keeps its maths apart from `render`).
//!
//! Two charts share one time axis:
//! - **Membership**: a lane per state or organisation, a bar per standing (full member,
//!   observer, party to the joint-exercises Agreement, accession in progress, presidency).
//!   A bar starts where a document dates the start; otherwise its start is *open* (drawn
//!   faded, never at an invented date). It ends where a document dates the end, or runs to the
//!   latest date the documents speak of, with an open end.
//! - **Events**: a lane per exercise series (Peace Mission, Friendship), then one per kind
//!   (meetings, conferences, visits, agreements, procurements, presidencies, statements). A
//!   fact spans its date's precision (a month-precision event spans its month). Undated facts
//!   cannot be placed and are listed apart.
//!
//! [`layout`] culls to the visible range, packs overlapping items into rows, hides labels that
//! would collide, and above [`MARK_BUDGET`] visible items merges neighbours into clusters, so
//! the SVG stays small at any zoom (10k events stay under 1,400 nodes).

use crate::core::model::*;
use crate::core::order::{order_of, permute, sort_by};
use crate::core::search::{Rec, RecordRef};
use crate::core::view::date_view;

/// The most marks a layout emits; beyond it, neighbours are merged into clusters.
pub const MARK_BUDGET: usize = 300;
/// The narrowest and widest visible spans, in days.
pub const MIN_SPAN: f64 = 14.0;
pub const MAX_SPAN: f64 = 200.0 * 365.25;

/// The visible stretch of time, in (fractional) day numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub start: f64,
    pub end: f64,
}

impl Viewport {
    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// Zooms by `factor` (> 1 zooms in) keeping the instant at `anchor` (0..1 across the plot)
    /// where it is.
    pub fn zoom(self, factor: f64, anchor: f64) -> Viewport {
        let anchor = anchor.clamp(0.0, 1.0);
        let span = (self.span() / factor.max(1e-6)).clamp(MIN_SPAN, MAX_SPAN);
        let at = self.start + self.span() * anchor;
        Viewport {
            start: at - span * anchor,
            end: at - span * anchor + span,
        }
    }

    /// Moves by `fraction` of the visible span (positive moves later).
    pub fn pan(self, fraction: f64) -> Viewport {
        let d = self.span() * fraction;
        Viewport {
            start: self.start + d,
            end: self.end + d,
        }
    }

    /// Whole days, for the URL.
    pub fn range(self) -> (i32, i32) {
        (self.start.floor() as i32, self.end.ceil() as i32)
    }

    pub fn from_range((a, b): (i32, i32)) -> Viewport {
        let v = Viewport {
            start: f64::from(a),
            end: f64::from(b.max(a + 1)),
        };
        if v.span() < MIN_SPAN {
            v.zoom(1.0, 0.5)
        } else {
            v
        }
    }
}

/// Maps days to pixels across the plot.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub view: Viewport,
    /// The plot's left edge and width in pixels.
    pub x0: f64,
    pub width: f64,
}

impl Scale {
    pub fn x(&self, day: f64) -> f64 {
        self.x0 + (day - self.view.start) / self.view.span() * self.width
    }

    pub fn day(&self, x: f64) -> f64 {
        self.view.start + (x - self.x0) / self.width * self.view.span()
    }

    pub fn px_per_day(&self) -> f64 {
        self.width / self.view.span()
    }
}

/// A gridline with its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: String,
    /// Year boundaries are major when the ticks are finer than a year.
    pub major: bool,
}

const MONTH_ABBR: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Ticks whose labels are at least `min_px` apart: years (by 1, 2, 5, 10, 20, 50), months
/// (by 1, 3, 6) or days (by 1, 2, 7, 14), whichever is finest that fits.
pub fn ticks(s: &Scale, min_px: f64) -> Vec<Tick> {
    let ppd = s.px_per_day();
    let (a, b) = (s.view.start.floor() as i32, s.view.end.ceil() as i32);
    let (y0, _, _) = civil_from_days(a);
    let (y1, _, _) = civil_from_days(b);
    let mut out = Vec::new();
    if ppd * 182.6 < min_px {
        // Years.
        let step = [1, 2, 5, 10, 20, 50, 100]
            .into_iter()
            .find(|st| f64::from(*st) * 365.25 * ppd >= min_px)
            .unwrap_or(100);
        let mut y = y0 - y0.rem_euclid(step);
        while y <= y1 + 1 {
            let d = days_from_civil(y, 1, 1);
            if d >= a && d <= b {
                out.push(Tick {
                    x: s.x(f64::from(d)),
                    label: y.to_string(),
                    major: true,
                });
            }
            y += step;
        }
    } else if ppd * 14.0 < min_px {
        // Months.
        let step = [1u8, 3, 6]
            .into_iter()
            .find(|st| f64::from(*st) * 30.4 * ppd >= min_px)
            .unwrap_or(6);
        for y in y0..=y1 {
            for m in (1..=12u8).filter(|m| (m - 1) % step == 0) {
                let d = days_from_civil(y, m, 1);
                if d >= a && d <= b {
                    let label = if m == 1 {
                        y.to_string()
                    } else {
                        MONTH_ABBR[m as usize - 1].to_string()
                    };
                    out.push(Tick {
                        x: s.x(f64::from(d)),
                        label,
                        major: m == 1,
                    });
                }
            }
        }
    } else {
        // Days.
        let step = [1, 2, 7, 14]
            .into_iter()
            .find(|st| f64::from(*st) * ppd >= min_px)
            .unwrap_or(14);
        for d in a..=b {
            let (y, m, dd) = civil_from_days(d);
            let first = dd == 1;
            let on_step = if step == 7 {
                (d + 3).rem_euclid(7) == 0
            } else {
                (i32::from(dd) - 1) % step == 0 && dd <= 28
            };
            if first || on_step {
                let label = if first && m == 1 {
                    y.to_string()
                } else if first {
                    format!("{} {}", MONTH_ABBR[m as usize - 1], y)
                } else {
                    format!("{dd} {}", MONTH_ABBR[m as usize - 1])
                };
                out.push(Tick {
                    x: s.x(f64::from(d)),
                    label,
                    major: first,
                });
            }
        }
        // Keep month starts, drop step ticks too close to them.
        let mut kept: Vec<Tick> = Vec::new();
        for t in out {
            match kept.last() {
                Some(last) if t.x - last.x < min_px * 0.75 => {
                    if t.major && !last.major {
                        kept.pop();
                        kept.push(t);
                    }
                }
                _ => kept.push(t),
            }
        }
        out = kept;
    }
    out
}

/// How an item is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Look {
    Happened,
    InProgress,
    Planned,
    Intended,
}

impl Look {
    pub fn of(s: Status) -> Look {
        match s {
            Status::Happened => Look::Happened,
            Status::InProgress => Look::InProgress,
            Status::Planned => Look::Planned,
            Status::Intended => Look::Intended,
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Look::Happened => "happened",
            Look::InProgress => "in-progress",
            Look::Planned => "planned",
            Look::Intended => "intended",
        }
    }
}

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
    pub look: Look,
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
}

fn fact_name(f: &Fact) -> String {
    let date = date_view(&f.date).map_or("date unknown".to_string(), |d| {
        if d.inferred.is_some() {
            format!("{} (inferred)", d.text)
        } else {
            d.text
        }
    });
    format!(
        "{}: {}, {}, {}",
        f.title,
        f.kind.label().to_lowercase(),
        f.status.label().to_lowercase(),
        date
    )
}

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

fn standing_class(s: Standing) -> &'static str {
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

/// Builds both charts from the facts among `records` (the current search and filters).
pub fn chart(data: &Dataset, records: &[Rec]) -> Chart {
    let mut shown: Vec<FactIx> = records
        .iter()
        .filter_map(|&r| match RecordRef::of(data, r) {
            RecordRef::Fact(f) => Some(f),
            RecordRef::Entity(_) => None,
        })
        .collect();
    shown.sort_unstable();
    let horizon = data
        .facts
        .iter()
        .filter_map(|f| f.date.when.span())
        .map(|(_, b)| f64::from(b) + 1.0)
        .fold(f64::MIN, f64::max);
    let mut chart = Chart {
        horizon: if horizon == f64::MIN { 0.0 } else { horizon },
        ..Default::default()
    };
    let mut extent: Option<(f64, f64)> = None;
    let mut grow = |a: f64, b: f64| {
        extent = Some(match extent {
            None => (a, b),
            Some((x, y)) => (x.min(a), y.max(b)),
        });
    };

    // Events.
    struct Pending {
        order: u8,
        key: String,
        label: String,
        card: Option<String>,
        items: Vec<Item>,
    }
    let mut lanes: Vec<Pending> = Vec::new();
    for &fi in &shown {
        let f = &data.facts[fi as usize];
        let Some((a, b)) = f.date.when.span() else {
            chart.undated.push((f.id.clone(), f.title.clone()));
            continue;
        };
        // Standings are the membership chart's business.
        if matches!(f.kind, FactKind::Membership | FactKind::Presidency) {
            continue;
        }
        let (order, key, lane_label, card) = match f.series {
            Some(s) => {
                let e = &data.entities[s as usize];
                (
                    0,
                    format!("series-{}", e.id),
                    e.name.clone(),
                    Some(e.id.clone()),
                )
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
            look: Look::of(f.status),
            inferred: f.date.is_inferred(),
            open_start: false,
            open_end: false,
            class: kind_lane(f.kind).1,
            point: a == b,
            from_text: String::new(),
            to_text: String::new(),
            fact: Some(fi),
        };
        grow(item.start, item.end);
        match lanes.iter_mut().find(|l| l.key == key) {
            Some(l) => l.items.push(item),
            None => lanes.push(Pending {
                order,
                key,
                label: lane_label,
                card,
                items: vec![item],
            }),
        }
    }
    let lanes = sort_by(lanes, &|a: &Pending, b: &Pending| {
        a.order.cmp(&b.order).then(a.label.cmp(&b.label))
    });
    chart.events = lanes
        .into_iter()
        .map(
            |Pending {
                 key,
                 label,
                 card,
                 items,
                 ..
             }| {
                let items = sort_by(items, &|a: &Item, b: &Item| {
                    a.start.total_cmp(&b.start).then(a.end.total_cmp(&b.end))
                });
                let note = if key.starts_with("series-") {
                    cadence(&items)
                } else {
                    None
                };
                Lane {
                    key,
                    label,
                    note,
                    card,
                    items,
                }
            },
        )
        .collect();

    // Membership: per entity and standing, from the membership facts shown.
    /// What the shown facts say about one entity's one standing: (edge, day span, fact).
    type Said<'a> = Vec<(Edge, (i32, i32), &'a Fact)>;
    let mut per: Vec<(EntityIx, Standing, Said<'_>)> = Vec::new();
    for &fi in &shown {
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
    for (who, standing, edges) in per {
        let e = &data.entities[who as usize];
        let start = edges
            .iter()
            .filter(|x| x.0 == Edge::Start)
            .map(|x| x.1.0)
            .min();
        let end = edges
            .iter()
            .filter(|x| x.0 == Edge::End)
            .map(|x| x.1.1)
            .max();
        let held: Vec<(i32, i32)> = edges
            .iter()
            .filter(|x| x.0 == Edge::Holds)
            .map(|x| x.1)
            .collect();
        let first_fact = edges
            .iter()
            .min_by_key(|x| x.1.0)
            .map(|x| x.2)
            .expect("at least one edge");
        let inferred = edges.iter().any(|x| x.2.date.is_inferred());
        let look = Look::of(first_fact.status);
        let (s, open_start) = match start {
            Some(d) => (f64::from(d), false),
            None => (f64::from(held.iter().map(|h| h.0).min().unwrap_or(0)), true),
        };
        // A presidency is held for the stretch its fact names; other standings last until a
        // document says they ended.
        let (e_day, open_end) = match (end, standing) {
            (Some(d), _) => (f64::from(d) + 1.0, false),
            (None, Standing::Presidency) => (
                f64::from(held.iter().map(|h| h.1).max().unwrap_or(0)) + 1.0,
                false,
            ),
            (None, _) => (chart.horizon.max(s + 1.0), true),
        };
        let (open_start, s) = if standing == Standing::Presidency && start.is_none() {
            (
                false,
                f64::from(held.iter().map(|h| h.0).min().unwrap_or(0)),
            )
        } else {
            (open_start, s)
        };
        // Dates in words, as precise as the facts that give them.
        let text_of = |edge: Edge| {
            edges
                .iter()
                .filter(|x| x.0 == edge)
                .min_by_key(|x| x.1.0)
                .and_then(|x| date_view(&x.2.date))
                .map(|d| {
                    if d.inferred.is_some() {
                        format!("{} (inferred)", d.text)
                    } else {
                        d.text
                    }
                })
        };
        let held_text = text_of(Edge::Holds).unwrap_or_else(|| "?".into());
        let from_text = match text_of(Edge::Start) {
            Some(t) => t,
            None if standing == Standing::Presidency => held_text.clone(),
            None => format!("unknown; held as of {held_text}"),
        };
        let to_text = match text_of(Edge::End) {
            Some(t) => t,
            None if standing == Standing::Presidency => held_text.clone(),
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
        let item = Item {
            card: first_fact.id.clone(),
            label: standing.label().to_string(),
            name: format!(
                "{}: {}, {from}, {to}",
                e.name,
                standing.label().to_lowercase()
            ),
            start: s,
            end: e_day,
            look,
            inferred,
            open_start,
            open_end,
            class: standing_class(standing),
            point: false,
            from_text,
            to_text,
            fact: None,
        };
        grow(item.start, item.end);
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
    // States first, then organisations; each by its earliest standing.
    let kind = |l: &Lane| {
        data.entities
            .iter()
            .find(|e| e.id == l.key)
            .map(|e| e.kind != EntityKind::State)
    };
    let kinds: Vec<Option<bool>> = lanes.iter().map(kind).collect();
    let order = order_of(lanes.len(), &|a, b| {
        kinds[a]
            .cmp(&kinds[b])
            .then(lanes[a].items[0].start.total_cmp(&lanes[b].items[0].start))
            .then(lanes[a].label.cmp(&lanes[b].label))
    });
    chart.membership = permute(lanes, &order);
    chart.extent = extent;
    chart
}

/// The viewport that shows everything, with a margin; a default when there is nothing.
pub fn fit(chart: &Chart) -> Viewport {
    match chart.extent {
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
    }
}

/// A mark to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The card it opens; for a cluster, the first item's card.
    pub card: String,
    pub x: f64,
    pub w: f64,
    pub y: f64,
    pub h: f64,
    pub look: Look,
    pub class: &'static str,
    pub inferred: bool,
    pub open_start: bool,
    pub open_end: bool,
    pub point: bool,
    /// Items merged into this mark (1 for a plain mark).
    pub count: usize,
    /// For a cluster: the days it covers, to zoom into.
    pub span: (f64, f64),
    pub name: String,
    pub label: Option<String>,
    /// Where the label sits.
    pub label_at: LabelAt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelAt {
    Right,
    Inside,
    Left,
}

fn text_w(label: &str, char_w: f64) -> f64 {
    label.chars().count() as f64 * char_w
}

/// Fits a label right of its mark, inside it, or left of it, in that order, shortening it
/// (never below a few characters) rather than letting it collide.
fn place_label(
    label: &str,
    right: f64,
    inside: f64,
    left: f64,
    char_w: f64,
) -> Option<(String, LabelAt)> {
    let fit = |room: f64| -> Option<String> {
        let n = label.chars().count();
        let max = (room / char_w).floor() as usize;
        if max >= n {
            Some(label.to_string())
        } else if max >= 7 {
            Some(
                label
                    .chars()
                    .take(max - 1)
                    .collect::<String>()
                    .trim_end()
                    .to_string()
                    + "\u{2026}",
            )
        } else {
            None
        }
    };
    let whole = |room: f64| (text_w(label, char_w) <= room).then(|| label.to_string());
    whole(right)
        .map(|l| (l, LabelAt::Right))
        .or_else(|| whole(inside).map(|l| (l, LabelAt::Inside)))
        .or_else(|| whole(left).map(|l| (l, LabelAt::Left)))
        .or_else(|| fit(right).map(|l| (l, LabelAt::Right)))
        .or_else(|| fit(inside).map(|l| (l, LabelAt::Inside)))
        .or_else(|| fit(left).map(|l| (l, LabelAt::Left)))
}

/// A lane's place.
#[derive(Debug, Clone, PartialEq)]
pub struct LaneBox {
    pub key: String,
    pub label: String,
    pub note: Option<String>,
    pub card: Option<String>,
    pub y: f64,
    pub h: f64,
}

/// One chart laid out for a width and a viewport.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// Where the plot starts (lane labels sit left of it).
    pub plot_x: f64,
    /// The label character width the layout was made with, for the lane names the UI shortens.
    pub char_w: f64,
    pub ticks: Vec<Tick>,
    pub lanes: Vec<LaneBox>,
    pub marks: Vec<Mark>,
    /// Where the documents' horizon falls, when visible.
    pub horizon_x: Option<f64>,
    /// Items outside the visible range, left and right.
    pub before: usize,
    pub after: usize,
}

pub const AXIS_H: f64 = 28.0;
pub const ROW_H: f64 = 22.0;
const LANE_PAD: f64 = 8.0;
const MAX_ROWS: usize = 4;
/// The narrowest mark, so a one-day event stays visible and clickable.
const MIN_MARK: f64 = 8.0;
/// How far an open (unknown) start or end fades out beyond the dated part, in pixels.
pub const OPEN_PX: f64 = 28.0;
/// Width of a label character when the browser has not measured its font (the SVG uses a 12px
/// font). The UI passes the measured width to [`layout`]: fonts differ by 15% or more between
/// systems, and an estimate that is too small lets labels run into lane names and off the edge.
pub const CHAR_W: f64 = 6.6;

/// The width of the lane-label column for a chart of this width.
pub fn label_column(width: f64) -> f64 {
    (width * 0.26).clamp(96.0, 190.0)
}

/// Lays out `lanes` for a chart `width` pixels wide showing `view`, with labels whose characters
/// are `char_w` pixels wide on average.
pub fn layout(lanes: &[Lane], view: Viewport, width: f64, horizon: f64, char_w: f64) -> Layout {
    let plot_x = label_column(width);
    let scale = Scale {
        view,
        x0: plot_x,
        width: (width - plot_x - 8.0).max(40.0),
    };
    let ticks = ticks(&scale, 64.0);
    let (mut before, mut after) = (0, 0);
    // Visible items per lane (culled by a binary search on starts, then a scan).
    let visible: Vec<Vec<&Item>> = lanes
        .iter()
        .map(|l| {
            let upto = l.items.partition_point(|i| i.start <= view.end);
            after += l.items.len() - upto;
            let v: Vec<&Item> = l.items[..upto]
                .iter()
                .filter(|i| i.end >= view.start || i.open_end)
                .collect();
            before += upto - v.len();
            v
        })
        .collect();
    let total: usize = visible.iter().map(Vec::len).sum();
    let crowded = total > MARK_BUDGET;
    // In a crowded view each lane gets one row of buckets, wide enough that every lane's
    // marks together stay within the budget.
    let bucket = if crowded {
        (scale.width * lanes.len() as f64 / MARK_BUDGET as f64).max(MIN_MARK)
    } else {
        0.0
    };

    let mut y = AXIS_H;
    let mut boxes = Vec::new();
    let mut marks = Vec::new();
    for (lane, items) in lanes.iter().zip(&visible) {
        let lane_top = y + LANE_PAD / 2.0;
        let mut rows: Vec<f64> = Vec::new(); // right edge (with label) of each row
        let mut row_marks: Vec<Vec<usize>> = Vec::new();
        for item in items {
            let x1 = scale.x(item.start).max(plot_x - 2.0);
            let x2 = scale.x(item.end).min(width + 2.0);
            let w = (x2 - x1).max(MIN_MARK);
            let (x, w) = if item.point {
                (scale.x(item.start) - MIN_MARK / 2.0, MIN_MARK)
            } else {
                (x1, w)
            };
            if crowded {
                // Merge into the lane's last mark when inside the same bucket.
                if let Some(&last) = row_marks.first().and_then(|r| r.last())
                    && {
                        let m: &Mark = &marks[last];
                        x < m.x + m.w.max(bucket)
                    }
                {
                    let m: &mut Mark = &mut marks[last];
                    m.count += 1;
                    let right = (x + w).max(m.x + m.w);
                    m.w = right - m.x;
                    m.span = (m.span.0.min(item.start), m.span.1.max(item.end));
                    m.label = None;
                    m.point = false;
                    continue;
                }
                if row_marks.is_empty() {
                    row_marks.push(Vec::new());
                    rows.push(0.0);
                }
                row_marks[0].push(marks.len());
                marks.push(mark_of(item, x, w, lane_top, ROW_H - 6.0, None));
                continue;
            }
            // Room for a label: from the mark's right edge (past any open-edge fade) to the
            // next item in the lane, or left of the mark back to the previous one.
            let fade = if item.open_end { OPEN_PX } else { 0.0 };
            // First row where the mark (with its faded edges) fits.
            let left_edge = x - if item.open_start { OPEN_PX } else { 0.0 };
            let row = rows.iter().position(|&r| r <= left_edge + 0.5);
            let row = match row {
                Some(r) => r,
                None if rows.len() < MAX_ROWS => {
                    rows.push(f64::MIN);
                    row_marks.push(Vec::new());
                    rows.len() - 1
                }
                None => {
                    // No room: merge with the row that frees up first.
                    let r = (0..rows.len())
                        .min_by(|&a, &b| rows[a].total_cmp(&rows[b]))
                        .unwrap_or(0);
                    if let Some(&last) = row_marks[r].last() {
                        let m = &mut marks[last];
                        m.count += 1;
                        m.w = (x + w).max(m.x + m.w) - m.x;
                        m.span = (m.span.0.min(item.start), m.span.1.max(item.end));
                        m.label = None;
                        rows[r] = m.x + m.w;
                        continue;
                    }
                    r
                }
            };
            let next_start = items
                .iter()
                .map(|i| scale.x(i.start) - if i.open_start { OPEN_PX } else { 0.0 })
                .filter(|nx| *nx > x + 1.0)
                .fold(f64::MAX, f64::min)
                .min(width);
            let right_room = next_start - (x + w + fade + 4.0) - 2.0;
            let left_room = left_edge - rows[row].max(plot_x) - 6.0;
            let placed = place_label(&item.label, right_room, w - 8.0, left_room, char_w);
            let right = match &placed {
                Some((_, LabelAt::Right)) => {
                    x + w + fade + 4.0 + text_w(&placed.as_ref().expect("placed").0, char_w)
                }
                _ => x + w + fade,
            };
            rows[row] = right;
            row_marks[row].push(marks.len());
            let top = lane_top + row as f64 * ROW_H;
            let (label, at) = placed.map_or((None, LabelAt::Right), |(l, at)| (Some(l), at));
            let mut m = mark_of(item, x, w, top, ROW_H - 6.0, label);
            m.label_at = at;
            marks.push(m);
        }
        let n_rows = rows.len().max(1);
        // A lane with a note under its name needs room for two lines of text.
        let h = (n_rows as f64 * ROW_H + LANE_PAD).max(if lane.note.is_some() {
            2.0 * ROW_H
        } else {
            0.0
        });
        boxes.push(LaneBox {
            key: lane.key.clone(),
            label: lane.label.clone(),
            note: lane.note.clone(),
            card: lane.card.clone(),
            y,
            h,
        });
        y += h;
    }
    for m in &mut marks {
        if m.count > 1 {
            m.name = format!("{} events; zoom in to see them", m.count);
            // A cluster shows its count inside when there is room for the digits.
            let digits = m.count.to_string();
            if m.w >= digits.len() as f64 * char_w + 6.0 {
                m.label = Some(digits);
                m.label_at = LabelAt::Inside;
            } else {
                m.label = None;
            }
        }
    }
    let hx = scale.x(horizon);
    Layout {
        width,
        height: y + 4.0,
        plot_x,
        char_w,
        ticks,
        lanes: boxes,
        marks,
        horizon_x: (hx >= plot_x && hx <= width).then_some(hx),
        before,
        after,
    }
}

fn mark_of(item: &Item, x: f64, w: f64, y: f64, h: f64, label: Option<String>) -> Mark {
    Mark {
        card: item.card.clone(),
        x,
        w,
        y,
        h,
        look: item.look,
        class: item.class,
        inferred: item.inferred,
        open_start: item.open_start,
        open_end: item.open_end,
        point: item.point,
        count: 1,
        span: (item.start, item.end),
        name: item.name.clone(),
        label,
        label_at: LabelAt::Right,
    }
}

/// A row of the table view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub card: String,
    pub date: String,
    pub title: String,
    pub lane: String,
    pub status: &'static str,
    pub inferred: Option<String>,
}

/// A year's events in the table view.
pub type YearRows = (String, Vec<TableRow>);
/// A standing in the table view: who, standing, from, to (in words).
pub type MemberRow = (String, String, String, String);

/// The chart's events as table rows grouped by year (undated last), and its membership bars.
pub fn table(data: &Dataset, chart: &Chart) -> (Vec<YearRows>, Vec<MemberRow>) {
    let mut rows: Vec<(i32, f64, TableRow)> = Vec::new();
    for lane in &chart.events {
        for it in &lane.items {
            let Some(f) = it.fact.and_then(|f| data.facts.get(f as usize)) else {
                continue;
            };
            let d = date_view(&f.date);
            let (y, _, _) = civil_from_days(it.start as i32);
            rows.push((
                y,
                it.start,
                TableRow {
                    card: f.id.clone(),
                    date: d.as_ref().map_or("unknown".into(), |d| d.text.clone()),
                    title: f.title.clone(),
                    lane: lane.label.clone(),
                    status: f.status.label(),
                    inferred: d.and_then(|d| d.inferred),
                },
            ));
        }
    }
    let rows =
        sort_by(rows, &|a: &(i32, f64, TableRow),
                        b: &(i32, f64, TableRow)| {
            a.1.total_cmp(&b.1).then(a.2.title.cmp(&b.2.title))
        });
    let mut groups: Vec<(String, Vec<TableRow>)> = Vec::new();
    for (y, _, r) in rows {
        match groups.last_mut() {
            Some(g) if g.0 == y.to_string() => g.1.push(r),
            _ => groups.push((y.to_string(), vec![r])),
        }
    }
    if !chart.undated.is_empty() {
        groups.push((
            "Undated".into(),
            chart
                .undated
                .iter()
                .map(|(id, t)| {
                    let f = data.facts.iter().find(|f| &f.id == id);
                    TableRow {
                        card: id.clone(),
                        date: "unknown".into(),
                        title: t.clone(),
                        lane: f.map_or(String::new(), |f| f.kind.label().to_string()),
                        status: f.map_or("", |f| f.status.label()),
                        inferred: None,
                    }
                })
                .collect(),
        ));
    }
    let members = chart
        .membership
        .iter()
        .flat_map(|l| {
            l.items.iter().map(move |it| {
                (
                    l.label.clone(),
                    it.label.clone(),
                    it.from_text.clone(),
                    it.to_text.clone(),
                )
            })
        })
        .collect();
    (groups, members)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u8, d: u8) -> f64 {
        f64::from(days_from_civil(y, m, d))
    }

    fn real() -> Dataset {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        crate::core::validate::validate(&crate::core::source::load_dir(&dir).expect("seeds"))
            .expect("valid")
            .dataset
    }

    fn all(data: &Dataset) -> Vec<Rec> {
        (0..(data.facts.len() + data.entities.len()) as Rec).collect()
    }

    #[test]
    fn the_scale_maps_days_to_pixels_and_back() {
        let s = Scale {
            view: Viewport {
                start: 0.0,
                end: 100.0,
            },
            x0: 50.0,
            width: 200.0,
        };
        for (d, x) in [(0.0, 50.0), (50.0, 150.0), (100.0, 250.0), (-10.0, 30.0)] {
            assert_eq!(s.x(d), x);
            assert_eq!(s.day(x), d);
        }
    }

    #[test]
    fn zoom_keeps_the_anchor_and_respects_limits() {
        fn check(v: Viewport, factor: f64, anchor: f64, expect: (f64, f64)) {
            let z = v.zoom(factor, anchor);
            assert!(
                (z.start - expect.0).abs() < 1e-6 && (z.end - expect.1).abs() < 1e-6,
                "{v:?} x{factor} @{anchor}: {z:?}"
            );
        }
        let v = Viewport {
            start: 0.0,
            end: 1000.0,
        };
        check(v, 2.0, 0.5, (250.0, 750.0));
        check(v, 2.0, 0.0, (0.0, 500.0));
        check(v, 0.5, 1.0, (-1000.0, 1000.0));
        check(v, 1000.0, 0.5, (493.0, 507.0));
        assert_eq!(
            v.pan(0.1),
            Viewport {
                start: 100.0,
                end: 1100.0
            }
        );
        assert!(v.zoom(1e-9, 0.5).span() <= MAX_SPAN);
    }

    #[test]
    fn ticks_adapt_to_the_zoom() {
        fn check(view: (f64, f64), width: f64, expect_first: &[&str]) {
            let s = Scale {
                view: Viewport {
                    start: view.0,
                    end: view.1,
                },
                x0: 0.0,
                width,
            };
            let t = ticks(&s, 64.0);
            let labels: Vec<&str> = t
                .iter()
                .map(|t| t.label.as_str())
                .take(expect_first.len())
                .collect();
            assert_eq!(labels, expect_first, "{view:?} at {width}px");
            assert!(
                t.windows(2).all(|w| w[1].x - w[0].x >= 48.0),
                "labels do not crowd: {t:?}"
            );
        }
        // Decades of data on a phone: every five years.
        check(
            (day(2004, 6, 1), day(2021, 6, 1)),
            300.0,
            &["2005", "2010", "2015", "2020"],
        );
        // The same on a desktop: every two years.
        check(
            (day(2004, 6, 1), day(2021, 6, 1)),
            1000.0,
            &["2006", "2008", "2010"],
        );
        // Two years: months in steps.
        check(
            (day(2018, 1, 15), day(2020, 1, 15)),
            1000.0,
            &["Apr", "Jul", "Oct", "2019"],
        );
        // A month: every other day, and the month's start named.
        check(
            (day(2019, 10, 20), day(2019, 11, 20)),
            1000.0,
            &["21 Oct", "23 Oct", "25 Oct"],
        );
        let s = Scale {
            view: Viewport {
                start: day(2019, 10, 20),
                end: day(2019, 11, 20),
            },
            x0: 0.0,
            width: 1000.0,
        };
        assert!(
            ticks(&s, 64.0)
                .iter()
                .any(|t| t.label == "Nov 2019" && t.major)
        );
        // The same month on a phone: weekly, on Mondays.
        check(
            (day(2019, 10, 20), day(2019, 11, 20)),
            330.0,
            &["21 Oct", "Nov 2019"],
        );
    }

    #[test]
    fn membership_bars_start_where_dated_and_are_open_where_not() {
        let data = real();
        let c = chart(&data, &all(&data));
        let lane = |key: &str| {
            c.membership
                .iter()
                .find(|l| l.key == key)
                .unwrap_or_else(|| panic!("lane {key}"))
        };
        let labels: Vec<&str> = c.membership.iter().map(|l| l.label.as_str()).collect();
        // States first, by their first dated standing (ties alphabetical), then organisations.
        assert_eq!(
            labels,
            [
                "India",
                "Pakistan",
                "Belarus",
                "Russia",
                "Shanghai Cooperation Organisation"
            ]
        );
        let pk = lane("pakistan");
        let full = pk
            .items
            .iter()
            .find(|i| i.class == "full-member")
            .expect("full member");
        assert_eq!(
            (full.start, full.open_start, full.open_end),
            (day(2017, 6, 1), false, true)
        );
        assert_eq!(
            full.end, c.horizon,
            "runs to the latest date the documents speak of"
        );
        let acc = pk
            .items
            .iter()
            .find(|i| i.class == "accession")
            .expect("accession in progress");
        assert!(acc.open_start && acc.open_end && acc.inferred);
        let by = lane("belarus").items[0].clone();
        assert!(by.open_start, "observer since a date no document gives");
        assert_eq!(by.start, day(2019, 10, 31));
        let ru = &lane("russia").items[0];
        assert_eq!(
            (ru.start, ru.end, ru.look),
            (day(2020, 1, 1), day(2021, 1, 1), Look::Planned)
        );
        let sco = &lane("sco").items[0];
        assert_eq!((sco.start, sco.open_start), (day(2007, 6, 27), false));
        // In words, no more precise than the documents: June 2017, not 1 June 2017.
        let (_, members) = table(&data, &c);
        let row = |who: &str, standing: &str| {
            members
                .iter()
                .find(|m| m.0 == who && m.1 == standing)
                .cloned()
                .expect("row")
        };
        assert_eq!(row("Pakistan", "Full member").2, "June 2017");
        assert_eq!(row("Pakistan", "Full member").3, "no end in the documents");
        assert_eq!(
            row("Belarus", "Observer").2,
            "unknown; held as of 31 October \u{2013} 1 November 2019 (inferred)"
        );
        assert_eq!(
            (
                row("Russia", "SCO presidency").2,
                row("Russia", "SCO presidency").3
            ),
            ("2020".to_string(), "2020".to_string())
        );
    }

    #[test]
    fn event_lanes_hold_the_right_items_in_order() {
        let data = real();
        let c = chart(&data, &all(&data));
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
            lanes[0],
            ("Friendship", vec!["friendship-2016", "friendship-2017"])
        );
        assert_eq!(
            lanes[1],
            (
                "Moscow Conference on International Security",
                vec!["moscow-conference-2018"]
            )
        );
        assert_eq!(
            lanes[2],
            (
                "Peace Mission",
                vec![
                    "peace-mission-2016",
                    "peace-mission-2018",
                    "peace-mission-2020"
                ]
            )
        );
        assert_eq!(lanes[3].0, "Meetings");
        assert_eq!(
            lanes[3].1,
            [
                "peace-mission-expert-talks-2017",
                "ewg-7th-meeting",
                "sco-cis-csto-defence-meeting-2020"
            ]
        );
        assert_eq!(
            c.events[2].note.as_deref(),
            Some("about every 2 years"),
            "the biennial cadence shows"
        );
        // A month-precision event spans its month; a year-precision one its year.
        let pm18 = &c.events[2].items[1];
        assert_eq!(
            (pm18.start, pm18.end, pm18.look, pm18.inferred),
            (day(2018, 9, 1), day(2018, 10, 1), Look::Planned, true)
        );
        // The undated fact is listed apart, never placed.
        assert_eq!(
            c.undated,
            [(
                "pakistan-seeks-russian-armaments".to_string(),
                "Pakistani officials seek Russian conventional armaments".to_string()
            )]
        );
    }

    #[test]
    fn the_search_narrows_the_chart() {
        let data = real();
        let ix = crate::core::search::index::Index::build(&data);
        let hits: Vec<Rec> = crate::core::search::rank::search(
            &ix,
            &data,
            &crate::core::search::query::parse("friendship"),
            &crate::core::search::Weights::default(),
        )
        .hits
        .iter()
        .map(|h| h.rec)
        .collect();
        let c = chart(&data, &hits);
        assert_eq!(c.events.len(), 1);
        assert!(c.membership.is_empty());
    }

    fn lane(items: &[(f64, f64, &str)]) -> Lane {
        Lane {
            key: "l".into(),
            label: "L".into(),
            note: None,
            card: None,
            items: items
                .iter()
                .map(|&(s, e, l)| Item {
                    card: l.into(),
                    label: l.into(),
                    name: l.into(),
                    start: s,
                    end: e,
                    look: Look::Happened,
                    inferred: false,
                    open_start: false,
                    open_end: false,
                    class: "c",
                    point: false,
                    from_text: String::new(),
                    to_text: String::new(),
                    fact: None,
                })
                .collect(),
        }
    }

    #[test]
    fn overlapping_items_pack_into_rows_and_labels_never_collide() {
        // Plot is 1000 - 190 - 8 = 802 px over 1000 days.
        let l = lane(&[
            (0.0, 100.0, "a"),
            (50.0, 150.0, "b"),
            (120.0, 130.0, "c"),
            (400.0, 500.0, "a long label here"),
        ]);
        let lay = layout(
            &[l],
            Viewport {
                start: 0.0,
                end: 1000.0,
            },
            1000.0,
            1000.0,
            CHAR_W,
        );
        let rows: Vec<(&str, f64)> = lay.marks.iter().map(|m| (m.card.as_str(), m.y)).collect();
        assert_eq!(
            rows[0].1, rows[3].1,
            "a and the late item share the first row"
        );
        assert_ne!(rows[0].1, rows[1].1, "b overlaps a");
        // Labels sit in free space only: never over another mark or label in their row.
        let boxes: Vec<(f64, f64, f64)> = lay
            .marks
            .iter()
            .flat_map(|m| {
                let mut v = vec![(m.y, m.x, m.x + m.w)];
                if let Some(l) = &m.label {
                    let lw = l.chars().count() as f64 * lay.char_w;
                    match m.label_at {
                        LabelAt::Right => v.push((m.y, m.x + m.w + 4.0, m.x + m.w + 4.0 + lw)),
                        LabelAt::Left => v.push((m.y, m.x - 4.0 - lw, m.x - 4.0)),
                        LabelAt::Inside => assert!(lw <= m.w, "{m:?}"),
                    }
                }
                v
            })
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in boxes.iter().skip(i + 1).filter(|b| b.0 == a.0) {
                assert!(
                    a.2 <= b.1 + 0.01 || b.2 <= a.1 + 0.01,
                    "{a:?} overlaps {b:?} in {:#?}",
                    lay.marks
                );
            }
        }
        // A long label that does not fit whole is shortened, not dropped.
        assert!(lay.marks.iter().any(|m| {
            m.label
                .as_deref()
                .is_some_and(|l| l.ends_with('\u{2026}') || l == "a long label here")
        }));
        assert!(lay.lanes[0].h > ROW_H * 1.5, "the lane grew a row");
    }

    #[test]
    fn only_what_is_visible_is_laid_out() {
        let l = lane(&[
            (0.0, 10.0, "early"),
            (500.0, 510.0, "middle"),
            (990.0, 1000.0, "late"),
        ]);
        let lay = layout(
            &[l],
            Viewport {
                start: 400.0,
                end: 600.0,
            },
            1000.0,
            1000.0,
            CHAR_W,
        );
        assert_eq!(
            lay.marks
                .iter()
                .map(|m| m.card.as_str())
                .collect::<Vec<_>>(),
            ["middle"]
        );
        assert_eq!((lay.before, lay.after), (1, 1));
    }

    #[test]
    fn ten_thousand_events_stay_within_the_node_budget_at_any_zoom() {
        let data = crate::core::validate::validate(&crate::core::synth::generate(
            10_000,
            crate::core::synth::SEED,
        ))
        .expect("valid")
        .dataset;
        let c = chart(&data, &all(&data));
        let mut v = fit(&c);
        for _ in 0..12 {
            let lay = layout(&c.events, v, 1200.0, c.horizon, CHAR_W);
            // Per mark: a link, a shape and at most a label; plus ticks, lanes and the frame.
            let nodes = lay.marks.len() * 3 + lay.ticks.len() * 2 + lay.lanes.len() * 3 + 10;
            assert!(nodes <= 1400, "{nodes} nodes at span {:.0} days", v.span());
            assert!(lay.marks.iter().map(|m| m.count).sum::<usize>() > 0);
            v = v.zoom(2.0, 0.37);
        }
    }
}
