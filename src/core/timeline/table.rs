//! The timelines as tables, for screen readers, printing and copying: events by year, and
//! every membership standing with its start and end in words.

use super::chart::Chart;
use crate::core::model::date_view;
use crate::core::model::*;
use crate::core::order::sort_by;

/// A row of the events table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub card: String,
    pub date: String,
    pub title: String,
    pub lane: String,
    pub status: &'static str,
    /// Why the date is what it is, when it is inferred.
    pub inferred: Option<String>,
    /// What the sources make of it, in words: what an earlier source said, what they disagree on.
    pub sources: Option<String>,
}

/// A year's events ("Undated" for those without a date).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearRows {
    pub year: String,
    pub rows: Vec<TableRow>,
}

/// A row of the membership table: who, which standing, from and to in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub who: String,
    pub standing: String,
    pub from: String,
    pub to: String,
}

/// Both tables of a chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The first events by date, as many as asked for.
    pub years: Vec<YearRows>,
    pub members: Vec<MemberRow>,
    /// How many events the chart has, listed or not.
    pub total: usize,
    /// How many of them `years` lists.
    pub listed: usize,
}

/// How many events the table lists at first, and adds with each "Show more": its page weighs
/// the same at any size of data.
pub const TABLE_ROWS: usize = 200;

/// The table's words for a fact several documents report: the first report a later one
/// revised, and every disagreement with its sources.
fn sources_note(data: &Dataset, f: &Fact) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    if f.revised
        && let Some(first) = f.reports().first()
    {
        let when = date_view(&first.date).map_or("no date".into(), |d| d.flagged());
        parts.push(format!(
            "Revised: first reported {}, {when}.",
            first.status.label().to_ascii_lowercase()
        ));
    }
    parts.extend(crate::core::sources::disputes(data, f));
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The chart's first `limit` events as table rows grouped by year (undated last), and its
/// membership bars.
pub fn table(data: &Dataset, chart: &Chart, limit: usize) -> Table {
    let mut rows: Vec<(i32, f64, TableRow)> = Vec::new();
    for lane in &chart.events {
        for it in &lane.items {
            let Some(f) = it.fact.and_then(|f| data.facts.get(f as usize)) else {
                continue;
            };
            let d = date_view(&f.date);
            let (y, _, _) = civil_from_days(it.start as i32);
            let row = TableRow {
                card: f.id.clone(),
                date: d.as_ref().map_or("unknown".into(), |d| d.text.clone()),
                title: f.title.clone(),
                lane: lane.label.clone(),
                status: f.status.label(),
                inferred: d.and_then(|d| d.inferred),
                sources: sources_note(data, f),
            };
            rows.push((y, it.start, row));
        }
    }
    let rows =
        sort_by(rows, &|a: &(i32, f64, TableRow),
                        b: &(i32, f64, TableRow)| {
            a.1.total_cmp(&b.1).then(a.2.title.cmp(&b.2.title))
        });
    let total = rows.len() + chart.undated.len();
    let listed = total.min(limit);
    let undated_listed = listed.saturating_sub(rows.len());
    let mut years: Vec<YearRows> = Vec::new();
    for (y, _, r) in rows.into_iter().take(listed) {
        let year = y.to_string();
        match years.last_mut() {
            Some(g) if g.year == year => g.rows.push(r),
            _ => years.push(YearRows {
                year,
                rows: vec![r],
            }),
        }
    }
    if undated_listed > 0 {
        let by_id: std::collections::HashMap<&str, &Fact> =
            data.facts.iter().map(|f| (f.id.as_str(), f)).collect();
        let rows = chart
            .undated
            .iter()
            .take(undated_listed)
            .map(|(id, t)| {
                let f = by_id.get(id.as_str()).copied();
                TableRow {
                    card: id.clone(),
                    date: "unknown".into(),
                    title: t.clone(),
                    lane: f.map_or(String::new(), |f| f.kind.label().to_string()),
                    status: f.map_or("", |f| f.status.label()),
                    inferred: None,
                    sources: f.and_then(|f| sources_note(data, f)),
                }
            })
            .collect();
        years.push(YearRows {
            year: "Undated".into(),
            rows,
        });
    }
    let members = chart
        .membership
        .iter()
        .flat_map(|l| {
            l.items.iter().map(move |it| MemberRow {
                who: l.label.clone(),
                standing: it.label.clone(),
                from: it.from_text.clone(),
                to: it.to_text.clone(),
            })
        })
        .collect();
    Table {
        years,
        members,
        total,
        listed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::testing::corpus;
    use crate::core::timeline::{chart, reach};

    #[test]
    fn the_table_groups_events_by_year_and_words_each_standing() {
        let data = corpus().data;
        let all: Vec<u32> = (0..(data.facts.len() + data.entities.len()) as u32).collect();
        let c = chart(data, &all, reach(data));
        let t = table(data, &c, TABLE_ROWS);
        assert_eq!(t.listed, t.total);
        let years: Vec<&str> = t.years.iter().map(|y| y.year.as_str()).collect();
        assert_eq!(
            years,
            ["2007", "2014", "2016", "2018", "2019", "2020", "Undated"]
        );
        let y2019: Vec<&str> = t.years[4].rows.iter().map(|r| r.card.as_str()).collect();
        assert_eq!(
            y2019,
            ["arland-accord-accession", "working-group-2019"],
            "same day: by title"
        );
        assert!(t.years[4].rows[0].inferred.is_some());
        let row = |who: &str, standing: &str| {
            t.members
                .iter()
                .find(|m| m.who == who && m.standing == standing)
                .map(|m| (m.from.as_str(), m.to.as_str()))
                .unwrap_or_else(|| panic!("{who} {standing}: {:#?}", t.members))
        };
        // In words, no more precise than the documents: June 2017, not 1 June 2017.
        assert_eq!(
            row("Arland", "Full member"),
            ("June 2017", "no end in the documents")
        );
        assert_eq!(
            row("Dorsk", "Observer").0,
            "unknown; held as of 31 October \u{2013} 1 November 2019 (inferred)"
        );
        assert_eq!(row("Borvia", "SCO presidency"), ("2020", "2020"));
        // A shorter table lists the first events by date, undated last, and says how many
        // there are; the members are all there.
        let rows = |t: &Table| -> Vec<String> {
            t.years
                .iter()
                .flat_map(|y| y.rows.iter().map(|r| r.card.clone()))
                .collect()
        };
        let every = rows(&t);
        for limit in [0, 1, 3, every.len() - 1] {
            let short = table(data, &c, limit);
            assert_eq!(rows(&short), every[..limit], "limit {limit}");
            assert_eq!((short.listed, short.total), (limit, t.total));
            assert_eq!(short.members, t.members);
        }
    }
}
