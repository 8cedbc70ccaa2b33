//! Gridlines and their labels for the time axis: years, months or days, whichever is finest
//! with labels at least a given distance apart.

use super::scale::Scale;
use crate::core::model::{civil_from_days, days_from_civil};

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
    if ppd * 182.6 < min_px {
        year_ticks(s, min_px)
    } else if ppd * 14.0 < min_px {
        month_ticks(s, min_px)
    } else {
        day_ticks(s, min_px)
    }
}

/// The visible whole days and the years they fall in.
fn bounds(s: &Scale) -> (i32, i32, i32, i32) {
    let (a, b) = (s.view.start.floor() as i32, s.view.end.ceil() as i32);
    (a, b, civil_from_days(a).0, civil_from_days(b).0)
}

fn year_ticks(s: &Scale, min_px: f64) -> Vec<Tick> {
    let (a, b, y0, y1) = bounds(s);
    let step = [1, 2, 5, 10, 20, 50, 100]
        .into_iter()
        .find(|st| f64::from(*st) * 365.25 * s.px_per_day() >= min_px)
        .unwrap_or(100);
    let mut out = Vec::new();
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
    out
}

fn month_ticks(s: &Scale, min_px: f64) -> Vec<Tick> {
    let (a, b, y0, y1) = bounds(s);
    let step = [1u8, 3, 6]
        .into_iter()
        .find(|st| f64::from(*st) * 30.4 * s.px_per_day() >= min_px)
        .unwrap_or(6);
    let mut out = Vec::new();
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
    out
}

fn day_ticks(s: &Scale, min_px: f64) -> Vec<Tick> {
    let (a, b, _, _) = bounds(s);
    let step = [1, 2, 7, 14]
        .into_iter()
        .find(|st| f64::from(*st) * s.px_per_day() >= min_px)
        .unwrap_or(14);
    let mut out = Vec::new();
    for d in a..=b {
        let (y, m, dd) = civil_from_days(d);
        let first = dd == 1;
        let on_step = if step == 7 {
            (d + 3).rem_euclid(7) == 0
        } else {
            // The 29th to the 31st too: a step tick too near the next month's start gives
            // way to it below, so no day of a long month goes missing when zoomed in.
            (i32::from(dd) - 1) % step == 0
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
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::timeline::Viewport;

    fn day(y: i32, m: u8, d: u8) -> f64 {
        f64::from(days_from_civil(y, m, d))
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
        // A fortnight: every day, up to the month's last.
        check(
            (day(2019, 3, 26), day(2019, 4, 9)),
            1000.0,
            &[
                "26 Mar", "27 Mar", "28 Mar", "29 Mar", "30 Mar", "31 Mar", "Apr 2019", "2 Apr",
            ],
        );
        // The same month on a phone: weekly, on Mondays.
        check(
            (day(2019, 10, 20), day(2019, 11, 20)),
            330.0,
            &["21 Oct", "Nov 2019"],
        );
    }
}
