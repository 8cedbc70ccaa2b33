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
}
