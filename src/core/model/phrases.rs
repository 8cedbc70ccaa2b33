//! The words documents use to say where an event stands and what standing a state holds: one
//! table of each, matched as whole words, for every reader of prose. The draft proposes a
//! status and membership entries from them; coverage finds summaries and descriptions that a
//! later record makes stale with them. (What the app itself calls a status or a standing is
//! `Status::label` and `Standing::label`.)

use super::{Edge, Standing, Status};

/// Phrases that say where an event stands, lowercase. A phrase that can mean two things ("held
/// talks", "is set for" of a part of the event) is left out: the curator decides.
pub const STATUS_PHRASES: &[(&str, Status)] = &[
    ("ended", Status::Happened),
    ("was held", Status::Happened),
    ("were held", Status::Happened),
    ("took place", Status::Happened),
    ("took part", Status::Happened),
    ("had taken part", Status::Happened),
    ("was signed", Status::Happened),
    ("were signed", Status::Happened),
    ("became", Status::Happened),
    ("joined", Status::Happened),
    ("was admitted", Status::Happened),
    ("were admitted", Status::Happened),
    ("closed", Status::Happened),
    ("concluded", Status::Happened),
    ("under way", Status::InProgress),
    ("underway", Status::InProgress),
    ("in progress", Status::InProgress),
    ("is taking part", Status::InProgress),
    ("are taking part", Status::InProgress),
    ("is taking place", Status::InProgress),
    ("are taking place", Status::InProgress),
    ("is due to", Status::Planned),
    ("are due to", Status::Planned),
    ("is due", Status::Planned),
    ("are due", Status::Planned),
    ("due to be", Status::Planned),
    ("will be held", Status::Planned),
    ("will take place", Status::Planned),
    ("to be held", Status::Planned),
    ("will hold", Status::Planned),
    ("will take part", Status::Planned),
    ("plans to", Status::Planned),
    ("plan to", Status::Planned),
    ("planned", Status::Planned),
    ("scheduled", Status::Planned),
    ("slated", Status::Planned),
    ("intends", Status::Intended),
    ("intend to", Status::Intended),
    ("intended to", Status::Intended),
];

/// Phrases that say a standing, lowercase, and whether they say it began or simply held.
/// "Joined" names the start of full membership; what was joined (an organisation or an
/// agreement) is the reader's to tell.
pub const STANDING_PHRASES: &[(&str, Standing, Edge)] = &[
    ("became a full member", Standing::FullMember, Edge::Start),
    ("became full members", Standing::FullMember, Edge::Start),
    ("became a member", Standing::FullMember, Edge::Start),
    ("became members", Standing::FullMember, Edge::Start),
    ("joined", Standing::FullMember, Edge::Start),
    ("was admitted", Standing::FullMember, Edge::Start),
    ("were admitted", Standing::FullMember, Edge::Start),
    ("full member", Standing::FullMember, Edge::Holds),
    ("full members", Standing::FullMember, Edge::Holds),
    ("full-member", Standing::FullMember, Edge::Holds),
    ("full-members", Standing::FullMember, Edge::Holds),
    ("member state", Standing::FullMember, Edge::Holds),
    ("member states", Standing::FullMember, Edge::Holds),
    ("observer", Standing::Observer, Edge::Holds),
    ("observers", Standing::Observer, Edge::Holds),
    ("observer state", Standing::Observer, Edge::Holds),
    ("presidency", Standing::Presidency, Edge::Holds),
    ("chairmanship", Standing::Presidency, Edge::Holds),
    ("at the head of", Standing::Presidency, Edge::Holds),
    ("will chair", Standing::Presidency, Edge::Holds),
    ("took the chair", Standing::Presidency, Edge::Start),
    ("party to", Standing::AgreementParty, Edge::Holds),
    ("accession", Standing::AccessionInProgress, Edge::Holds),
];

/// Every phrase of `table` that `text` says, as whole words, with its byte offset in `text`,
/// in text order. Case is ignored (ASCII: the phrases are ASCII, and offsets stay the text's).
pub fn said_in<T: Copy>(text: &str, table: &[(&'static str, T)]) -> Vec<(usize, &'static str, T)> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    for &(phrase, value) in table {
        for (at, _) in lower.match_indices(phrase) {
            let before = lower[..at].chars().next_back();
            let after = lower[at + phrase.len()..].chars().next();
            let whole = !before.is_some_and(|c| c.is_alphanumeric() || c == '-')
                && !after.is_some_and(|c| c.is_alphanumeric() || c == '-');
            if whole {
                out.push((at, phrase, value));
            }
        }
    }
    out.sort_by_key(|p| p.0);
    out
}

/// The statuses `text` says, in text order, with the phrase that says each.
pub fn statuses_in(text: &str) -> Vec<(usize, &'static str, Status)> {
    said_in(text, STATUS_PHRASES)
}

/// The standings `text` says, in text order: (offset, phrase, standing, edge). Where a longer
/// phrase holds a shorter one ("became a full member" holds "full member"), only the longer
/// one is kept.
pub fn standings_in(text: &str) -> Vec<(usize, &'static str, Standing, Edge)> {
    let pairs: Vec<(&'static str, (Standing, Edge))> = STANDING_PHRASES
        .iter()
        .map(|&(p, s, e)| (p, (s, e)))
        .collect();
    let found = said_in(text, &pairs);
    found
        .iter()
        .filter(|&&(at, p, _)| {
            !found
                .iter()
                .any(|&(b, q, _)| q.len() > p.len() && b <= at && at + p.len() <= b + q.len())
        })
        .map(|&(at, p, (s, e))| (at, p, s, e))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words_only() {
        fn check(text: &str, expect: &[&str]) {
            let got: Vec<&str> = statuses_in(text).iter().map(|p| p.1).collect();
            assert_eq!(got, expect, "{text:?}");
        }
        check("The exercise was planned for May.", &["planned"]);
        check("An unplanned stop.", &[]);
        check("It was held, then it ended.", &["was held", "ended"]);
        check("Pre-planned drills.", &[]);
        check("They JOINED in 2017.", &["joined"]);
        check("The rejoined members.", &[]);
    }

    #[test]
    fn standings_keep_the_longest_phrase() {
        fn check(text: &str, expect: &[(&str, Standing, Edge)]) {
            let got: Vec<(&str, Standing, Edge)> = standings_in(text)
                .into_iter()
                .map(|(_, p, s, e)| (p, s, e))
                .collect();
            assert_eq!(got, expect, "{text:?}");
        }
        check(
            "Belarus became a full member in 2024.",
            &[("became a full member", Standing::FullMember, Edge::Start)],
        );
        check(
            "An SCO observer; its delegation attended.",
            &[("observer", Standing::Observer, Edge::Holds)],
        );
        check(
            "as an observer state",
            &[("observer state", Standing::Observer, Edge::Holds)],
        );
        check(
            "closing Russia's presidency",
            &[("presidency", Standing::Presidency, Edge::Holds)],
        );
        check("The observership.", &[]);
    }
}
