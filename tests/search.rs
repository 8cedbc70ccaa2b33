//! Search over the real dataset: what a user types, and which cards must come first.

use sco_explorer::core::search::rank::{Outcome, order, search};
use sco_explorer::core::search::{RecordRef, Weights, query};

fn run(q: &str) -> Outcome {
    let ix = sco_explorer::data::index();
    let mut o = search(
        ix,
        sco_explorer::data::dataset(),
        &query::parse(q),
        &Weights::default(),
    );
    order(ix, &mut o.hits, usize::MAX);
    o
}

fn ids(o: &Outcome) -> Vec<&'static str> {
    let data = sco_explorer::data::dataset();
    o.hits
        .iter()
        .map(|h| RecordRef::of(data, h.rec).id(data))
        .collect()
}

/// The first results must be exactly `expect`, in order.
fn check(q: &str, expect: &[&str]) {
    let o = run(q);
    let got = ids(&o);
    assert_eq!(
        &got[..expect.len().min(got.len())],
        expect,
        "query {q:?}: got {got:?}"
    );
}

/// The first `expect.len()` results must be `expect` in any order.
fn check_set(q: &str, expect: &[&str]) {
    let o = run(q);
    let mut got = ids(&o)[..expect.len().min(o.hits.len())].to_vec();
    got.sort();
    let mut want = expect.to_vec();
    want.sort();
    assert_eq!(got, want, "query {q:?}: got {:?}", ids(&o));
}

#[test]
fn exact_names_and_aliases_come_first() {
    check("peace mission", &["peace-mission"]);
    check("Peace Mission 2016", &["peace-mission-2016"]);
    check("Friendship 2017", &["friendship-2017"]);
    check("SCO", &["sco"]);
    check("Shanghai Cooperation Organization", &["sco"]);
    check("EWG", &["expert-working-group"]);
    check("Russian Federation", &["russia"]);
    check("Khalilullah", &["kazi-khalilullah"]);
    check("RIA Novosti", &["ria-novosti"]);
    check("CSTO", &["csto"]);
}

#[test]
fn the_word_being_typed_matches_as_a_prefix() {
    check("pak", &["pakistan"]);
    check("peace miss", &["peace-mission"]);
    check("yekat", &["yekaterinburg"]);
    check("belarus obs", &["belarus-sco-observer"]);
    check("helicop", &["russian-helicopters", "pakistan-mi-35m-order"]);
    // A finished word (followed by a space) is not a prefix any more.
    assert!(run("pak ").hits.is_empty());
}

#[test]
fn typos_are_forgiven_by_word_length() {
    check("Kirgizstan", &["kyrgyzstan"]);
    check("Yekaterinberg", &["yekaterinburg"]);
    check("moskow", &["moscow"]);
    check("Belarys", &["belarus"]);
    check("Khalilulah", &["kazi-khalilullah"]);
    // Four letters get no typo allowance: "sxo" is not "sco".
    assert!(run("sxo ").hits.is_empty());
}

#[test]
fn case_diacritics_spelling_and_punctuation_fold() {
    check("PAKISTAN", &["pakistan"]);
    check("Belárus", &["belarus"]);
    check("Mi-35M", &["mi-35m"]);
    check("mi35m", &["mi-35m"]);
    check("Mi 35M", &["mi-35m"]);
    check("shanghai cooperation organisation", &["sco"]);
    check("russian defense ministry", &["russian-defence-ministry"]);
    check("defense minister", &["khurram-dastgir-khan-moscow-visit"]);
    check_set(
        "counterterrorism",
        &[
            "peace-mission",
            "friendship",
            "peace-mission-2016",
            "friendship-2016",
        ],
    );
    check_set(
        "counter terrorism",
        &[
            "peace-mission",
            "friendship",
            "peace-mission-2016",
            "friendship-2016",
        ],
    );
}

#[test]
fn abbreviations_and_full_names_find_each_other() {
    check("Shanghai Cooperation", &["sco"]);
    check("Commonwealth of Independent States", &["cis"]);
    check("expert working group", &["expert-working-group"]);
    check("Collective Security Treaty Organisation", &["csto"]);
}

#[test]
fn roles_places_and_people() {
    check("Chief of Air Staff", &["sohail-aman"]);
    check("Abbasi", &["shahid-khaqan-abbasi"]);
    check("prime minister", &["shahid-khaqan-abbasi"]);
    check_set(
        "ambassador",
        &["kazi-khalilullah", "pakistan-to-join-peace-mission-2018"],
    );
    check("moscow 2020", &["sco-cis-csto-defence-meeting-2020"]);
    check("presidency", &["russia-sco-presidency-2020"]);
}

#[test]
fn dates_as_queries() {
    check_set(
        "2017",
        &[
            "friendship-2017",
            "pakistan-india-join-sco",
            "peace-mission-expert-talks-2017",
        ],
    );
    check("June 2017", &["pakistan-india-join-sco"]);
    check("2017-06", &["pakistan-india-join-sco"]);
    check("jun 2017", &["pakistan-india-join-sco"]);
    check("27 June 2007", &["joint-exercises-agreement-2007"]);
    check("November 2017", &["peace-mission-expert-talks-2017"]);
    check("2019", &["ewg-7th-meeting"]);
    // A month query matches what happened in that month, not everything in that year.
    let june = ids(&run("June 2017"));
    assert!(!june.contains(&"friendship-2017"), "{june:?}");
    // A year nobody wrote about gives nothing.
    assert!(run("1999").hits.is_empty());
}

#[test]
fn quoted_phrases_match_as_phrases() {
    let phrase = ids(&run("\"peace mission\""));
    assert!(phrase.contains(&"peace-mission-2020"));
    assert!(!phrase.contains(&"friendship-2016"));
    assert!(run("\"mission peace\"").hits.is_empty());
    check("\"Chief of Air Staff\"", &["sohail-aman"]);
}

#[test]
fn ties_are_broken_by_date_newest_first() {
    // Both are meetings in Moscow matched the same way; the later one comes first.
    let got = ids(&run("meeting moscow"));
    let a = got
        .iter()
        .position(|i| *i == "sco-cis-csto-defence-meeting-2020")
        .expect("2020 meeting");
    let b = got
        .iter()
        .position(|i| *i == "ewg-7th-meeting")
        .expect("2019 meeting");
    assert!(a < b, "{got:?}");
}

#[test]
fn nothing_found_suggests_close_words() {
    let o = run("balarys");
    assert!(o.hits.is_empty());
    assert!(
        o.suggestions.iter().any(|s| s == "belarus"),
        "{:?}",
        o.suggestions
    );
    let o = run("zzqxw");
    assert!(o.hits.is_empty() && o.suggestions.is_empty());
}

#[test]
fn an_empty_query_lists_everything_newest_first() {
    let o = run("");
    let data = sco_explorer::data::dataset();
    assert_eq!(o.hits.len(), data.facts.len() + data.entities.len());
    let ends: Vec<i32> = o
        .hits
        .iter()
        .filter_map(|h| match RecordRef::of(data, h.rec) {
            RecordRef::Fact(f) => data.facts[f as usize].date.when.span().map(|s| s.1),
            RecordRef::Entity(_) => None,
        })
        .collect();
    assert!(
        ends.len() > 15 && ends.windows(2).all(|w| w[0] >= w[1]),
        "dated facts come newest first"
    );
    assert!(
        matches!(
            RecordRef::of(data, o.hits.last().unwrap().rec),
            RecordRef::Entity(_)
        ),
        "entities come last"
    );
}

#[test]
fn odd_input_never_panics() {
    for q in [
        "\"",
        "\"\"",
        "''",
        "-",
        "--2017--",
        "2017-",
        "-06",
        "🙂 peace",
        "\u{202e}sco",
        "a\u{200d}b",
        &"x".repeat(10_000),
        "((((",
        "0000",
        "9999-99-99",
    ] {
        let _ = run(q);
    }
}
