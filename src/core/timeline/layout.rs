//! Lays a chart's lanes out for a width and a viewport: culls to the visible range, packs
//! overlapping items into rows, fits labels where they do not collide, and above
//! [`MARK_BUDGET`] visible items merges neighbours into clusters, so the SVG stays small at any
//! zoom (10k events stay under 1,400 nodes). Also the tooltip's box.

use super::chart::{Item, Lane};
use super::scale::{Scale, Viewport};
use super::ticks::{Tick, ticks};
use crate::core::model::Status;
use crate::core::text::ellipsize;

/// The most marks a layout emits; beyond it, neighbours are merged into clusters.
pub const MARK_BUDGET: usize = 300;
pub const AXIS_H: f64 = 28.0;
pub const ROW_H: f64 = 22.0;
const LANE_PAD: f64 = 8.0;
const MAX_ROWS: usize = 6;
/// The narrowest mark, so a one-day event stays visible and clickable.
const MIN_MARK: f64 = 8.0;
/// How far an open (unknown) start or end fades out beyond the dated part, in pixels.
pub const OPEN_PX: f64 = 28.0;
/// Width of a label character when the browser has not measured its font (the SVG uses a 12px
/// font). The UI passes the measured width to [`layout`]: fonts differ by 15% or more between
/// systems, and an estimate that is too small lets labels run into lane names and off the edge.
pub const CHAR_W: f64 = 6.6;

/// A mark to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The card it opens; for a cluster, the first item's card.
    pub card: String,
    pub x: f64,
    pub w: f64,
    pub y: f64,
    pub h: f64,
    pub status: Status,
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
    /// What the mark shows beside or inside it, "≈" first for an inferred date; shortened
    /// only when no row has room for it whole.
    pub label: Option<String>,
    /// Where the label sits.
    pub label_at: LabelAt,
    /// An earlier source's date for a revised fact: (x, width) in pixels.
    pub ghost: Option<(f64, f64)>,
    /// The sources disagree on the date this mark spans.
    pub disputed: bool,
}

impl Mark {
    pub fn is_cluster(&self) -> bool {
        self.count > 1
    }

    /// The range a cluster zooms to when followed: its days with a margin.
    pub fn zoom_range(&self) -> (i32, i32) {
        let pad = (self.span.1 - self.span.0) * 0.1 + 7.0;
        ((self.span.0 - pad) as i32, (self.span.1 + pad) as i32)
    }

    /// Where its label starts (or ends, for a label left of it) and which way it runs.
    pub fn label_anchor(&self) -> (f64, &'static str) {
        match self.label_at {
            LabelAt::Right => (
                self.x + self.w + if self.open_end { OPEN_PX } else { 0.0 } + 4.0,
                "start",
            ),
            LabelAt::Inside => (self.x + 4.0, "start"),
            LabelAt::Left => (
                self.x - if self.open_start { OPEN_PX } else { 0.0 } - 4.0,
                "end",
            ),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelAt {
    Right,
    Inside,
    Left,
}

/// A lane's place.
#[derive(Debug, Clone, PartialEq)]
pub struct LaneBox {
    pub key: String,
    /// The lane's name, shortened to the label column.
    pub label: String,
    /// The full name, when `label` is shortened.
    pub full: Option<String>,
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
    /// Where the plot starts (lane labels sit left of it) and how wide it is.
    pub plot_x: f64,
    pub plot_w: f64,
    /// The label character width the layout was made with.
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

/// Below this width a column of lane names would leave the plot too little room (at 360 px,
/// 256 px and names cut to a dozen characters): lane names go above their rows instead.
pub const NARROW: f64 = 600.0;
/// The height of a lane's name line, above its rows, in a narrow chart.
const NAME_H: f64 = 20.0;

/// The width of the lane-label column for a chart of this width; none when narrow.
pub fn label_column(width: f64) -> f64 {
    if width < NARROW {
        0.0
    } else {
        (width * 0.26).clamp(120.0, 190.0)
    }
}

/// The plot's left edge and width in a chart of this width: right of the lane labels, or the
/// whole width less a margin when they sit above the rows.
pub fn plot_area(width: f64) -> (f64, f64) {
    let x = label_column(width).max(8.0);
    (x, (width - x - 8.0).max(40.0))
}

/// Lays out `lanes` for a chart `width` pixels wide showing `view`, with labels whose characters
/// are `char_w` pixels wide on average.
pub fn layout(lanes: &[Lane], view: Viewport, width: f64, horizon: f64, char_w: f64) -> Layout {
    let (plot_x, plot_w) = plot_area(width);
    let scale = Scale {
        view,
        x0: plot_x,
        width: plot_w,
    };
    let (visible, before, after) = cull(lanes, view);
    let total: usize = visible.iter().map(Vec::len).sum();
    // In a crowded view each lane gets one row of buckets, wide enough that every lane's
    // marks together stay within the budget.
    let bucket = (total > MARK_BUDGET)
        .then(|| (scale.width * lanes.len() as f64 / MARK_BUDGET as f64).max(MIN_MARK));
    let narrow = width < NARROW;
    let name_room = if narrow { width - 16.0 } else { plot_x - 14.0 };
    let name_chars = (name_room / char_w).max(4.0) as usize;
    let mut y = AXIS_H;
    let mut boxes = Vec::new();
    let mut marks = Vec::new();
    for (lane, items) in lanes.iter().zip(&visible) {
        // Narrow: the name (and the note under it) above the rows.
        let head = match (narrow, lane.note.is_some()) {
            (false, _) => 0.0,
            (true, false) => NAME_H,
            (true, true) => NAME_H + 14.0,
        };
        let top = y + LANE_PAD / 2.0 + head;
        let rows = match bucket {
            Some(bucket) => cluster_lane(items, &scale, width, bucket, top, &mut marks),
            None => pack_lane(items, &scale, width, char_w, top, &mut marks),
        };
        // Beside the rows, a lane with a note under its name needs room for two lines.
        let h = head
            + (rows.max(1) as f64 * ROW_H + LANE_PAD).max(if lane.note.is_some() && !narrow {
                2.0 * ROW_H
            } else {
                0.0
            });
        let label = ellipsize(&lane.label, name_chars);
        boxes.push(LaneBox {
            key: lane.key.clone(),
            full: (label != lane.label).then(|| lane.label.clone()),
            label,
            note: lane.note.clone(),
            card: lane.card.clone(),
            y,
            h,
        });
        y += h;
    }
    name_clusters(&mut marks, char_w);
    let hx = scale.x(horizon);
    Layout {
        width,
        height: y + 4.0,
        plot_x,
        plot_w: scale.width,
        char_w,
        ticks: ticks(&scale, 64.0)
            .into_iter()
            // A label that would run past the chart's edge is cut off by the SVG: its gridline
            // stays, unlabelled.
            .map(|mut t| {
                if t.x + 3.0 + text_w(&t.label, char_w) > width {
                    t.label.clear();
                }
                t
            })
            .collect(),
        lanes: boxes,
        marks,
        horizon_x: (hx >= plot_x && hx <= width).then_some(hx),
        before,
        after,
    }
}

/// Each lane's visible items (a binary search on starts, then a scan), and how many items lie
/// before and after the view.
fn cull(lanes: &[Lane], view: Viewport) -> (Vec<Vec<&Item>>, usize, usize) {
    let (mut before, mut after) = (0, 0);
    let visible = lanes
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
    (visible, before, after)
}

/// An item's mark position: (x, width); a point event is a fixed-size diamond on its day.
fn place(item: &Item, scale: &Scale, width: f64) -> (f64, f64) {
    if item.point {
        return (scale.x(item.start) - MIN_MARK / 2.0, MIN_MARK);
    }
    let x1 = scale.x(item.start).max(scale.x0 - 2.0);
    let x2 = scale.x(item.end).min(width + 2.0);
    (x1, (x2 - x1).max(MIN_MARK))
}

/// Grows `m` to take in one more item.
fn absorb(m: &mut Mark, item: &Item, x: f64, w: f64) {
    m.count += 1;
    m.w = (x + w).max(m.x + m.w) - m.x;
    m.span = (m.span.0.min(item.start), m.span.1.max(item.end));
    m.label = None;
    m.point = false;
    m.ghost = None;
    m.disputed = false;
}

/// A crowded lane: one row, items merged into the previous mark when they fall in its bucket.
/// Returns the rows used.
fn cluster_lane(
    items: &[&Item],
    scale: &Scale,
    width: f64,
    bucket: f64,
    top: f64,
    marks: &mut Vec<Mark>,
) -> usize {
    let first = marks.len();
    for item in items {
        let (x, w) = place(item, scale, width);
        match marks[first..].last_mut() {
            Some(m) if x < m.x + m.w.max(bucket) => absorb(m, item, x, w),
            _ => marks.push(mark_of(item, x, w, top, None, LabelAt::Right)),
        }
    }
    usize::from(marks.len() > first)
}

/// A lane with room, stacked as vis-timeline stacks items: each item goes in the first row
/// where it fits with its whole label (right of the mark, inside it, or left of it), opening a
/// new row up to [`MAX_ROWS`]. Only when no row has room for the whole label does it take the
/// first row where the mark alone fits, with its label shortened to the room before the next
/// item; with no room at all it merges with the row that frees up first. Returns the rows used.
fn pack_lane(
    items: &[&Item],
    scale: &Scale,
    width: f64,
    char_w: f64,
    top: f64,
    marks: &mut Vec<Mark>,
) -> usize {
    // The right edge (label included) of each row, and each row's last mark.
    let mut rows: Vec<(f64, usize)> = Vec::new();
    for item in items {
        let (x, w) = place(item, scale, width);
        let fade_l = if item.open_start { OPEN_PX } else { 0.0 };
        let fade_r = if item.open_end { OPEN_PX } else { 0.0 };
        let left_edge = x - fade_l;
        let label_x = x + w + fade_r + 4.0;
        // An inferred date reads "≈" before the label; measured with it.
        let text = if item.inferred {
            format!("\u{2248} {}", item.label)
        } else {
            item.label.clone()
        };
        // The chart's edge, less a character: the measured width is an average, and a label of
        // wide letters would otherwise be clipped there.
        let edge = width - char_w;
        let free = |r: f64| r <= left_edge + 0.5;
        let left_room = |r: f64| left_edge - r.max(scale.x0) - 6.0;
        // Nothing later in a row starts before its right edge, so a label right of the mark
        // has the room up to the chart's edge.
        // A hatched (disputed) fill has no single colour for a label to stand out on.
        let inside = if item.disputed { -1.0 } else { w - 8.0 };
        let whole = |r: f64| place_whole(&text, edge - label_x, inside, left_room(r), char_w);
        let fits_whole = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| free(r.0))
            .find_map(|(i, r)| whole(r.0).map(|at| (i, at)))
            .or_else(|| {
                (rows.len() < MAX_ROWS)
                    .then(|| whole(f64::MIN).map(|at| (rows.len(), at)))
                    .flatten()
            });
        let (row, placed) = match fits_whole {
            Some((row, at)) => (row, Some((text, at))),
            None => {
                let candidates: Vec<usize> = (0..rows.len())
                    .filter(|&r| free(rows[r].0))
                    .chain((rows.len() < MAX_ROWS).then_some(rows.len()))
                    .collect();
                if candidates.is_empty() {
                    // No room: merge with the row that frees up first.
                    let r = (0..rows.len())
                        .min_by(|&a, &b| rows[a].0.total_cmp(&rows[b].0))
                        .unwrap_or(0);
                    let m = &mut marks[rows[r].1];
                    absorb(m, item, x, w);
                    rows[r].0 = m.x + m.w;
                    continue;
                }
                // Room to shorten into: up to the next item in the lane, whatever its row.
                let next_start = items
                    .iter()
                    .map(|i| scale.x(i.start) - if i.open_start { OPEN_PX } else { 0.0 })
                    .filter(|nx| *nx > x + 1.0)
                    .fold(f64::MAX, f64::min)
                    .min(edge);
                // The row that keeps most of the label (a fresh row has the most room left of
                // the mark); the first such row on a tie.
                let shortened = |r: usize| {
                    let row_end = rows.get(r).map_or(f64::MIN, |r| r.0);
                    place_label(
                        &text,
                        next_start - label_x - 2.0,
                        inside,
                        left_room(row_end),
                        char_w,
                    )
                };
                let kept = |p: &Option<(String, LabelAt)>| p.as_ref().map_or(0, |(l, _)| l.len());
                let mut best = (candidates[0], shortened(candidates[0]));
                for &r in &candidates[1..] {
                    let p = shortened(r);
                    if kept(&p) > kept(&best.1) {
                        best = (r, p);
                    }
                }
                best
            }
        };
        if row == rows.len() {
            rows.push((f64::MIN, usize::MAX));
        }
        rows[row].0 = match &placed {
            Some((l, LabelAt::Right)) => label_x + text_w(l, char_w) + 4.0,
            _ => x + w + fade_r,
        };
        rows[row].1 = marks.len();
        let y = top + row as f64 * ROW_H;
        let (label, at) = placed.map_or((None, LabelAt::Right), |(l, at)| (Some(l), at));
        let mut m = mark_of(item, x, w, y, label, at);
        m.ghost = item
            .ghost
            .map(|(a, b)| (scale.x(a), scale.x(b)))
            .filter(|&(gx, gx2)| gx2 > scale.x0 && gx < width)
            .map(|(gx, gx2)| {
                let (gx, gx2) = (gx.max(scale.x0 - 2.0), gx2.min(width + 2.0));
                (gx, (gx2 - gx).max(MIN_MARK))
            });
        marks.push(m);
    }
    rows.len()
}

/// A cluster is named by its count, and shows it inside when the digits fit.
fn name_clusters(marks: &mut [Mark], char_w: f64) {
    for m in marks.iter_mut().filter(|m| m.is_cluster()) {
        m.name = format!("{} events; zoom in to see them", m.count);
        let digits = m.count.to_string();
        if m.w >= digits.len() as f64 * char_w + 6.0 {
            m.label = Some(digits);
            m.label_at = LabelAt::Inside;
        } else {
            m.label = None;
        }
    }
}

fn text_w(label: &str, char_w: f64) -> f64 {
    label.chars().count() as f64 * char_w
}

/// Where a whole label fits: right of its mark, inside it, or left of it, in that order.
fn place_whole(label: &str, right: f64, inside: f64, left: f64, char_w: f64) -> Option<LabelAt> {
    let w = text_w(label, char_w);
    [LabelAt::Right, LabelAt::Inside, LabelAt::Left]
        .into_iter()
        .zip([right, inside, left])
        .find_map(|(at, room)| (w <= room).then_some(at))
}

/// Fits a label whole right of its mark, inside it, or left of it, in that order; else
/// shortened (never below a few characters) where most of it shows, rather than colliding.
fn place_label(
    label: &str,
    right: f64,
    inside: f64,
    left: f64,
    char_w: f64,
) -> Option<(String, LabelAt)> {
    let whole = |room: f64| (text_w(label, char_w) <= room).then(|| label.to_string());
    let cut = |room: f64| {
        let max = (room / char_w).floor().max(0.0) as usize;
        (max >= 7).then(|| ellipsize(label, max))
    };
    [LabelAt::Right, LabelAt::Inside, LabelAt::Left]
        .into_iter()
        .zip([right, inside, left])
        .find_map(|(at, room)| whole(room).map(|l| (l, at)))
        .or_else(|| {
            // Shortened where most of it shows; right, inside, left on a tie.
            [LabelAt::Right, LabelAt::Inside, LabelAt::Left]
                .into_iter()
                .zip([right, inside, left])
                .filter_map(|(at, room)| cut(room).map(|l| (l, at)))
                .rev()
                .max_by_key(|(l, _)| l.chars().count())
        })
}

fn mark_of(item: &Item, x: f64, w: f64, y: f64, label: Option<String>, at: LabelAt) -> Mark {
    Mark {
        card: item.card.clone(),
        x,
        w,
        y,
        h: ROW_H - 6.0,
        status: item.status,
        class: item.class,
        inferred: item.inferred,
        open_start: item.open_start,
        open_end: item.open_end,
        point: item.point,
        count: 1,
        span: (item.start, item.end),
        name: item.name.clone(),
        label,
        label_at: at,
        ghost: None,
        disputed: item.disputed,
    }
}

/// The hovered or focused mark's description in a box near it, inside the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Tooltip {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub lines: Vec<String>,
    /// The last line is a hint ("Click or press Enter to open"), styled apart.
    pub hint: bool,
}

/// Line height and padding of the tooltip's text.
pub const TIP_LINE: f64 = 16.0;

/// Where the tooltip for `m` goes: below the mark, or above when there is no room below;
/// never past the chart's edges. Wrapped to 44 characters a line, measured with the layout's
/// character width.
pub fn tooltip(m: &Mark, lay: &Layout) -> Tooltip {
    let mut lines = wrap(&m.name, 44);
    let hint = !m.is_cluster();
    if hint {
        lines.push("Click or press Enter to open".to_string());
    }
    let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let w = longest as f64 * lay.char_w + 16.0;
    let h = lines.len() as f64 * TIP_LINE + 10.0;
    let x =
        m.x.min(lay.width - w - 4.0)
            .max(lay.plot_x.min(lay.width - w - 4.0))
            .max(2.0);
    let below = m.y + m.h + 6.0;
    let y = if below + h <= lay.height {
        below
    } else {
        (m.y - h - 6.0).max(2.0)
    };
    Tooltip {
        x,
        y,
        w,
        h,
        lines,
        hint,
    }
}

/// Splits text into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().expect("one line");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::timeline::{chart, fit, reach};

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
                    status: Status::Happened,
                    inferred: false,
                    open_start: false,
                    open_end: false,
                    class: "c",
                    point: false,
                    from_text: String::new(),
                    to_text: String::new(),
                    fact: None,
                    ghost: None,
                    disputed: false,
                })
                .collect(),
        }
    }

    fn lay(items: &[(f64, f64, &str)], view: (f64, f64)) -> Layout {
        let view = Viewport {
            start: view.0,
            end: view.1,
        };
        layout(&[lane(items)], view, 1000.0, 1000.0, CHAR_W)
    }

    /// Every mark's and label's horizontal extent, per row.
    fn boxes(lay: &Layout) -> Vec<(f64, f64, f64)> {
        let mut v = Vec::new();
        for m in &lay.marks {
            v.push((m.y, m.x, m.x + m.w));
            if let Some(l) = &m.label {
                let lw = l.chars().count() as f64 * lay.char_w;
                let (x, anchor) = m.label_anchor();
                match (m.label_at, anchor) {
                    (LabelAt::Inside, _) => assert!(lw <= m.w, "{m:?}"),
                    (_, "end") => v.push((m.y, x - lw, x)),
                    _ => v.push((m.y, x, x + lw)),
                }
            }
        }
        v
    }

    #[test]
    fn overlapping_items_pack_into_rows_and_labels_never_collide() {
        // The plot is 1000 - 190 - 8 = 802 px over 1000 days.
        let lay = lay(
            &[
                (0.0, 100.0, "a"),
                (50.0, 150.0, "b"),
                (120.0, 130.0, "c"),
                (400.0, 500.0, "a long label here"),
            ],
            (0.0, 1000.0),
        );
        let y: Vec<f64> = lay.marks.iter().map(|m| m.y).collect();
        assert_eq!(y[0], y[3], "a and the late item share the first row");
        assert_ne!(y[0], y[1], "b overlaps a");
        assert!(lay.lanes[0].h > ROW_H * 1.5, "the lane grew a row");
        let b = boxes(&lay);
        for (i, p) in b.iter().enumerate() {
            for q in b.iter().skip(i + 1).filter(|q| q.0 == p.0) {
                assert!(
                    p.2 <= q.1 + 0.01 || q.2 <= p.1 + 0.01,
                    "{p:?} overlaps {q:?}"
                );
            }
        }
    }

    #[test]
    fn a_label_that_would_collide_stacks_the_next_item_rather_than_shortening() {
        // 160 px between the marks: the long label fits whole only if "b" moves down a row.
        let long = "a label far too long to fit between the two marks";
        let lay = lay(&[(0.0, 100.0, long), (200.0, 300.0, "b")], (0.0, 1000.0));
        let labels: Vec<Option<&str>> = lay.marks.iter().map(|m| m.label.as_deref()).collect();
        assert_eq!(labels, [Some(long), Some("b")]);
        assert_ne!(lay.marks[0].y, lay.marks[1].y, "b stacks below");
    }

    #[test]
    fn a_label_too_long_for_the_chart_is_shortened_not_dropped() {
        let long = "a label far too long for the whole chart ".repeat(5);
        let early = lay(&[(0.0, 100.0, long.as_str())], (0.0, 1000.0));
        let first = &early.marks[0];
        let label = first.label.as_deref().expect("a label");
        assert!(label.ends_with(crate::core::text::ELLIPSIS), "{label:?}");
        assert!(long.starts_with(label.trim_end_matches(crate::core::text::ELLIPSIS)));
        let (x, _) = first.label_anchor();
        let right = x + label.chars().count() as f64 * early.char_w;
        assert!(right <= early.width, "{right} runs past the chart");
        // Late in the view, more of it shows left of the mark than right of it.
        let late = lay(&[(700.0, 720.0, long.as_str())], (0.0, 1000.0));
        assert_eq!(late.marks[0].label_at, LabelAt::Left, "{:?}", late.marks[0]);
    }

    #[test]
    fn lane_names_fit_their_place_and_keep_their_full_name() {
        // (chart width, name, shown whole?, name above the rows?)
        fn check(width: f64, name: &str, whole: bool, above: bool) {
            let mut l = lane(&[(0.0, 10.0, "x")]);
            l.label = name.into();
            let view = Viewport {
                start: 0.0,
                end: 100.0,
            };
            let lay = layout(&[l], view, width, 0.0, 7.5);
            let b = &lay.lanes[0];
            assert_eq!(b.label == name, whole, "{width}: {b:?}");
            assert_eq!(b.full.as_deref(), (!whole).then_some(name), "{width}");
            if !whole {
                assert!(b.label.ends_with(crate::core::text::ELLIPSIS), "{b:?}");
            }
            let room = if above {
                lay.width - 16.0
            } else {
                lay.plot_x - 14.0
            };
            assert!(b.label.chars().count() as f64 * 7.5 <= room + 7.5, "{b:?}");
            assert_eq!(lay.marks[0].y >= b.y + 20.0, above, "{width}: {lay:?}");
        }
        let sco = "Shanghai Cooperation Organisation";
        // A phone: names above their rows, across the whole width.
        check(360.0, sco, true, true);
        check(360.0, &sco.repeat(2), false, true);
        // Wider: a column of names beside the rows.
        check(700.0, sco, false, false);
        check(1280.0, "Harbour Shield", true, false);
    }

    #[test]
    fn only_what_is_visible_is_laid_out() {
        let lay = lay(
            &[
                (0.0, 10.0, "early"),
                (500.0, 510.0, "middle"),
                (990.0, 1000.0, "late"),
            ],
            (400.0, 600.0),
        );
        let cards: Vec<&str> = lay.marks.iter().map(|m| m.card.as_str()).collect();
        assert_eq!(cards, ["middle"]);
        assert_eq!((lay.before, lay.after), (1, 1));
    }

    #[test]
    fn the_tooltip_stays_inside_the_chart_and_fits_its_text() {
        let items: Vec<(f64, f64, String)> = (0..3)
            .map(|i| {
                (
                    f64::from(i) * 480.0,
                    f64::from(i) * 480.0 + 20.0,
                    "word ".repeat(30),
                )
            })
            .collect();
        let items: Vec<(f64, f64, &str)> =
            items.iter().map(|(a, b, l)| (*a, *b, l.as_str())).collect();
        for char_w in [6.0, 9.0] {
            let view = Viewport {
                start: 0.0,
                end: 1000.0,
            };
            let lay = layout(&[lane(&items)], view, 700.0, 0.0, char_w);
            for m in &lay.marks {
                let t = tooltip(m, &lay);
                assert!(t.x >= 2.0 && t.x + t.w <= lay.width - 4.0 + 0.01, "{t:?}");
                assert!(t.y >= 2.0, "{t:?}");
                let longest = t.lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
                assert!(
                    t.w >= longest as f64 * char_w,
                    "the box fits its text at {char_w} px"
                );
                assert!(t.hint && t.lines.iter().all(|l| l.chars().count() <= 44));
            }
        }
    }

    #[test]
    fn ten_thousand_events_stay_within_the_node_budget_at_any_zoom() {
        let data = crate::core::validate::validate(&crate::core::synth::generate(
            10_000,
            crate::core::synth::SEED,
        ))
        .expect("valid")
        .dataset;
        let all: Vec<u32> = (0..(data.facts.len() + data.entities.len()) as u32).collect();
        let c = chart(&data, &all, reach(&data));
        let mut v = fit(&c);
        for _ in 0..12 {
            let lay = layout(&c.events, v, 1200.0, c.horizon, CHAR_W);
            // Per mark: a link, a shape and at most a label; plus ticks, lanes and the frame.
            let nodes = lay.marks.len() * 3 + lay.ticks.len() * 2 + lay.lanes.len() * 3 + 10;
            assert!(nodes <= 1400, "{nodes} nodes at span {:.0} days", v.span());
            assert!(lay.marks.iter().any(|m| m.is_cluster()) || lay.marks.len() <= MARK_BUDGET);
            v = v.zoom(2.0, 0.37);
        }
    }
}
