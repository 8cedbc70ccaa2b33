//! The timeline's gestures as a state machine: wheel turns, keys, and pointers going down,
//! moving and coming up, in; the viewport to show, out. The component's hook
//! (`ui::timeline::gestures`) only feeds it events and draws or writes what it returns, so
//! every rule here (when a press becomes a drag, how a pinch zooms, which keys do what) is
//! tested on the host.

use super::Viewport;

/// How far (CSS pixels) a pointer moves before a press becomes a drag: less is a click.
pub const DRAG_SLOP: f64 = 4.0;

/// A gesture in progress: the pointers down, where each started, and the view it started from.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Gesture {
    /// (pointer id, x now) for each pointer down, in the order they went down.
    pointers: Vec<(i32, f64)>,
    /// (pointer id, x when it went down).
    start: Vec<(i32, f64)>,
    view: Option<Viewport>,
    moved: bool,
}

fn put(list: &mut Vec<(i32, f64)>, id: i32, x: f64) {
    match list.iter_mut().find(|p| p.0 == id) {
        Some(p) => p.1 = x,
        None => list.push((id, x)),
    }
}

fn at(list: &[(i32, f64)], id: i32) -> f64 {
    list.iter().find(|p| p.0 == id).map_or(0.0, |p| p.1)
}

/// What a pointer move does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Moved {
    /// Nothing (no gesture, another pointer, or still within the slop).
    Nothing,
    /// Show this view now; `capture` is true when a drag has just begun (the pointer should be
    /// captured so the drag goes on outside the frame).
    Show { view: Viewport, capture: bool },
}

impl Gesture {
    /// A pointer went down at `x` over the view shown now.
    pub fn down(&mut self, id: i32, x: f64, view: Viewport) {
        put(&mut self.pointers, id, x);
        put(&mut self.start, id, x);
        self.view = Some(view);
        self.moved = false;
    }

    /// A pointer moved to `x`. Two pointers pinch (zoom about their midpoint, by how far
    /// apart they are against when they went down); one drags once past the slop.
    /// `anchor` turns an x into a fraction of the plot; `plot_w` is the plot's width.
    pub fn moved(&mut self, id: i32, x: f64, plot_w: f64, anchor: impl Fn(f64) -> f64) -> Moved {
        let Some(from) = self.view else {
            return Moved::Nothing;
        };
        if !self.pointers.iter().any(|p| p.0 == id) {
            return Moved::Nothing;
        }
        put(&mut self.pointers, id, x);
        if self.pointers.len() >= 2 {
            let (a, b) = (self.pointers[0].0, self.pointers[1].0);
            let now = (at(&self.pointers, a) - at(&self.pointers, b))
                .abs()
                .max(1.0);
            let then = (at(&self.start, a) - at(&self.start, b)).abs().max(1.0);
            let mid = (at(&self.pointers, a) + at(&self.pointers, b)) / 2.0;
            self.moved = true;
            return Moved::Show {
                view: from.zoom(now / then, anchor(mid)),
                capture: false,
            };
        }
        let dx = x - at(&self.start, id);
        if dx.abs() <= DRAG_SLOP && !self.moved {
            return Moved::Nothing;
        }
        let capture = !self.moved;
        self.moved = true;
        Moved::Show {
            view: from.pan(-dx / plot_w),
            capture,
        }
    }

    /// A pointer came up (or was cancelled). True when that ended a drag or pinch, whose last
    /// view should now be written to the URL.
    pub fn up(&mut self, id: i32) -> bool {
        self.pointers.retain(|p| p.0 != id);
        self.start.retain(|p| p.0 != id);
        if !self.pointers.is_empty() {
            return false;
        }
        self.view = None;
        self.moved
    }

    /// The click that follows a drag is not a click on a mark: true once after a drag, to be
    /// swallowed.
    pub fn swallow_click(&mut self) -> bool {
        std::mem::replace(&mut self.moved, false)
    }
}

/// A wheel turn (`dx`, `dy` in pixels) over the view: sideways, or with Shift, pans; otherwise
/// it zooms about `anchor` (a fraction of the plot). A touchpad pinch arrives as a wheel with
/// Ctrl held and zooms faster.
pub fn wheel(
    view: Viewport,
    dx: f64,
    dy: f64,
    shift: bool,
    ctrl: bool,
    plot_w: f64,
    anchor: f64,
) -> Viewport {
    if shift || dx.abs() > dy.abs() {
        let d = if dx.abs() > dy.abs() { dx } else { dy };
        view.pan(d / plot_w)
    } else {
        let factor = (-dy * if ctrl { 0.01 } else { 0.0025 }).exp();
        view.zoom(factor, anchor)
    }
}

/// A key on the frame: arrows pan, plus and minus zoom about the middle, 0 or Home fits all.
pub fn key(view: Viewport, fitted: Viewport, key: &str) -> Option<Viewport> {
    match key {
        "ArrowLeft" => Some(view.pan(-0.1)),
        "ArrowRight" => Some(view.pan(0.1)),
        "+" | "=" => Some(view.zoom(1.5, 0.5)),
        "-" | "_" => Some(view.zoom(1.0 / 1.5, 0.5)),
        "0" | "Home" => Some(fitted),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const V: Viewport = Viewport {
        start: 0.0,
        end: 1000.0,
    };

    fn anchor(x: f64) -> f64 {
        x / 500.0
    }

    /// A run of pointer events: (kind, pointer, x); what each move shows, and whether the
    /// last up ended a drag.
    fn check(events: &[(&str, i32, f64)], expect_shown: &[Option<Viewport>], expect_drag: bool) {
        let mut g = Gesture::default();
        let mut shown = Vec::new();
        let mut dragged = false;
        for &(kind, id, x) in events {
            match kind {
                "down" => g.down(id, x, V),
                "move" => shown.push(match g.moved(id, x, 500.0, anchor) {
                    Moved::Nothing => None,
                    Moved::Show { view, .. } => Some(view),
                }),
                _ => dragged = g.up(id),
            }
        }
        assert_eq!(shown.len(), expect_shown.len());
        for (s, e) in shown.iter().zip(expect_shown) {
            match (s, e) {
                (Some(s), Some(e)) => assert!(s.same_as(*e), "{s:?} vs {e:?}"),
                _ => assert_eq!(s.is_some(), e.is_some(), "{shown:?}"),
            }
        }
        assert_eq!(dragged, expect_drag, "{events:?}");
    }

    #[test]
    fn a_press_that_barely_moves_is_a_click_and_a_drag_pans() {
        // Within the slop: nothing shown, no drag.
        check(
            &[("down", 1, 100.0), ("move", 1, 103.0), ("up", 1, 103.0)],
            &[None],
            false,
        );
        // Past it: the view follows the pointer (dragging right shows earlier times).
        check(
            &[("down", 1, 100.0), ("move", 1, 150.0), ("up", 1, 150.0)],
            &[Some(V.pan(-50.0 / 500.0))],
            true,
        );
        // Once dragging, small moves count too.
        check(
            &[
                ("down", 1, 100.0),
                ("move", 1, 110.0),
                ("move", 1, 112.0),
                ("up", 1, 0.0),
            ],
            &[Some(V.pan(-10.0 / 500.0)), Some(V.pan(-12.0 / 500.0))],
            true,
        );
        // Another pointer's moves, and moves with nothing down, do nothing.
        check(
            &[("move", 1, 300.0), ("down", 1, 0.0), ("move", 2, 300.0)],
            &[None, None],
            false,
        );
    }

    #[test]
    fn two_pointers_pinch_about_their_midpoint() {
        let spread = V.zoom(2.0, anchor(150.0));
        check(
            &[
                ("down", 1, 100.0),
                ("down", 2, 200.0),
                ("move", 2, 250.0),
                ("move", 1, 50.0),
                ("up", 1, 0.0),
                ("up", 2, 0.0),
            ],
            &[Some(V.zoom(1.5, anchor(175.0))), Some(spread)],
            true,
        );
    }

    #[test]
    fn the_click_after_a_drag_is_swallowed_once() {
        let mut g = Gesture::default();
        g.down(1, 0.0, V);
        assert!(matches!(
            g.moved(1, 50.0, 500.0, anchor),
            Moved::Show { capture: true, .. }
        ));
        assert!(matches!(
            g.moved(1, 60.0, 500.0, anchor),
            Moved::Show { capture: false, .. }
        ));
        assert!(g.up(1));
        assert!(g.swallow_click());
        assert!(!g.swallow_click());
    }

    #[test]
    fn wheels_and_keys() {
        assert!(
            wheel(V, 0.0, -100.0, false, false, 500.0, 0.5).span() < V.span(),
            "wheel up zooms in"
        );
        assert!(
            wheel(V, 0.0, 100.0, false, true, 500.0, 0.5).span()
                > wheel(V, 0.0, 100.0, false, false, 500.0, 0.5).span()
        );
        assert!(wheel(V, 50.0, 10.0, false, false, 500.0, 0.5).same_as(V.pan(0.1)));
        assert!(wheel(V, 0.0, 50.0, true, false, 500.0, 0.5).same_as(V.pan(0.1)));
        let fitted = Viewport {
            start: -5.0,
            end: 5.0,
        };
        let cases = [
            ("ArrowLeft", Some(V.pan(-0.1))),
            ("ArrowRight", Some(V.pan(0.1))),
            ("+", Some(V.zoom(1.5, 0.5))),
            ("-", Some(V.zoom(1.0 / 1.5, 0.5))),
            ("0", Some(fitted)),
            ("Home", Some(fitted)),
            ("a", None),
        ];
        for (k, expect) in cases {
            let got = key(V, fitted, k);
            assert_eq!(got.is_some(), expect.is_some(), "{k}");
            if let (Some(g), Some(e)) = (got, expect) {
                assert!(g.same_as(e), "{k}");
            }
        }
    }
}
