//! The visible stretch of time and its mapping to pixels.

/// The narrowest and widest visible spans, in days.
pub const MIN_SPAN: f64 = 14.0;
pub const MAX_SPAN: f64 = 200.0 * 365.25;

/// The visible stretch of time, in (fractional) day numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub start: f64,
    pub end: f64,
}

/// `x` kept between `lo` and `hi` (`lo` wins if they cross). Not `f64::clamp`: with bounds
/// only known at run time, its panic message formats floats, and that alone pulled about
/// 10 KB gzip of float printing into the wasm (the app otherwise prints no float).
pub fn within(x: f64, lo: f64, hi: f64) -> f64 {
    x.min(hi).max(lo)
}

/// Every day a link can carry (`route::YEARS`): where a viewport is kept when nothing narrower
/// is known.
impl Default for Viewport {
    fn default() -> Self {
        use crate::core::model::days_from_civil;
        use crate::core::route::YEARS;
        Viewport {
            start: f64::from(days_from_civil(YEARS.0, 1, 1)),
            end: f64::from(days_from_civil(YEARS.1, 12, 31)),
        }
    }
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

    /// Kept within `bounds`: no wider than they are (nor than [`MAX_SPAN`], nor narrower than
    /// [`MIN_SPAN`]), moved back inside when past an edge. Every control goes through this, so
    /// no viewport they reach writes a range the URL cannot take back.
    pub fn clamp(self, bounds: Viewport) -> Viewport {
        let span = self.span();
        if !(span.is_finite() && self.start.is_finite()) {
            return bounds;
        }
        let span = span.clamp(MIN_SPAN, MAX_SPAN).min(bounds.span());
        let start = within(self.start, bounds.start, bounds.end - span);
        // `start + span` can round past the edge, and the URL's whole days (the end rounded
        // up) would then fall a day outside.
        Viewport {
            start,
            end: (start + span).min(bounds.end),
        }
    }

    /// The same view to within a hundredth of a day: what pan and zoom steps that only meet
    /// an edge give back, after floating-point rounding.
    pub fn same_as(self, other: Viewport) -> bool {
        (self.start - other.start).abs() < 0.01 && (self.end - other.end).abs() < 0.01
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

#[cfg(test)]
mod tests {
    use super::*;

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

    /// A control step: what the toolbar, keys, wheel and drags do to a viewport.
    #[derive(Debug, Clone)]
    enum Step {
        Zoom(f64, f64),
        Pan(f64),
    }

    fn step() -> impl proptest::strategy::Strategy<Value = Step> {
        use proptest::prelude::*;
        prop_oneof![
            (0.05f64..20.0, 0.0f64..=1.0).prop_map(|(f, a)| Step::Zoom(f, a)),
            (-50.0f64..50.0).prop_map(Step::Pan),
        ]
    }

    proptest::proptest! {
        /// Wherever the controls take the timeline, the link they write opens the same range
        /// with no notice, and showing it again (a reload) keeps that range.
        #[test]
        fn every_reachable_range_round_trips_through_the_url(
            first in -25_000i32..40_000,
            len in 0i32..30_000,
            steps in proptest::collection::vec(step(), 1..60),
        ) {
            use crate::core::route::{self, Route};
            let half = f64::from(len) / 2.0;
            let bounds = Viewport { start: f64::from(first), end: f64::from(first + len) }
                .zoom(1.0, 0.5)
                .clamp(Viewport::default());
            let bounds = Viewport { start: bounds.start.round(), end: bounds.end.round() };
            let mut v = Viewport { start: f64::from(first) + half / 3.0, end: f64::from(first) + half }
                .clamp(bounds);
            for s in steps {
                v = match s {
                    Step::Zoom(f, a) => v.zoom(f, a),
                    Step::Pan(f) => v.pan(f),
                }
                .clamp(bounds);
                let r = v.range();
                let link = route::format(&Route { timeline: Some(r), ..Default::default() });
                let back = route::parse(&link);
                proptest::prop_assert!(back.notices.is_empty(), "{link}: {:?}", back.notices);
                proptest::prop_assert_eq!(back.route.timeline, Some(r), "{}", link);
                proptest::prop_assert_eq!(Viewport::from_range(r).clamp(bounds).range(), r);
            }
        }
    }
}
