//! Search: what a user types, and which cards must come first. The matching and ranking rules
//! are checked on the fixture corpus (`tests/fixtures/corpus/`); over the real data, the
//! expectations are derived from the data itself, so a new document changes no outcome.

use sco_explorer::core::catalog::Catalog;
use sco_explorer::core::search::RecordRef;
use sco_explorer::core::search::index::squash;
use sco_explorer::core::search::rank::Outcome;
use sco_explorer::core::testing::{corpus, seeds};

fn ids(cat: &Catalog<'_>, o: &Outcome) -> Vec<String> {
    o.hits
        .iter()
        .map(|h| RecordRef::of(cat.data, h.rec).id(cat.data).to_string())
        .collect()
}

fn run(q: &str) -> Vec<String> {
    ids(corpus(), &corpus().search(q))
}

/// The first results must be exactly `expect`, in order.
fn check(q: &str, expect: &[&str]) {
    let got = run(q);
    assert_eq!(
        &got[..expect.len().min(got.len())],
        expect,
        "query {q:?}: got {got:?}"
    );
}

/// The first `expect.len()` results must be `expect` in any order.
fn check_set(q: &str, expect: &[&str]) {
    let got = run(q);
    let mut first = got[..expect.len().min(got.len())].to_vec();
    first.sort();
    let mut want: Vec<String> = expect.iter().map(ToString::to_string).collect();
    want.sort();
    assert_eq!(first, want, "query {q:?}: got {got:?}");
}

#[test]
fn exact_names_and_aliases_come_first() {
    check("harbour shield", &["harbour-shield"]);
    check("Harbour Shield 2016", &["harbour-shield-2016"]);
    check("NCC", &["ncc"]);
    check("Northern Cooperation Council", &["ncc"]);
    check("Customs Bloc", &["ecu"]);
    check("Dana Rook", &["dana-rook"]);
    check("Borvia City", &["borvia-city"]);
}

#[test]
fn the_word_being_typed_matches_as_a_prefix() {
    check("dors", &["dorsk"]);
    check("harbour shi", &["harbour-shield"]);
    check("borvia ci", &["borvia-city"]);
    // A finished word (followed by a space) is not a prefix any more.
    assert!(run("dors ").is_empty());
}

#[test]
fn typos_are_forgiven_by_word_length() {
    check("Cestrai", &["cestria"]);
    check("Harbuor Shield", &["harbour-shield"]);
    check("Arlnd", &["arland"]);
    // Four letters get no typo allowance: "Dosk" is not "Dorsk" enough, "Rok" not "Rook".
    assert!(run("rok ").is_empty());
    // A typo in the word still being typed: "helicp" on the way to "helicpoter" still finds
    // the helicopter, rather than nothing until the word is complete.
    check("helicp", &["kv-35m"]);
    check("kv-35m helicp", &["kv-35m"]);
    check("helciop", &["kv-35m"]);
    // Only when nothing else matches, and not for short words.
    assert!(run("helc").is_empty());
}

#[test]
fn case_diacritics_spelling_and_punctuation_fold() {
    check("ARLAND", &["arland"]);
    check("Dórsk", &["dorsk"]);
    check("Kv-35M", &["kv-35m"]);
    check("kv35m", &["kv-35m"]);
    check("Kv 35M", &["kv-35m"]);
    check("defense ministers", &["kv-35m"]);
    for q in ["counterterrorism", "counter terrorism", "counter-terrorism"] {
        check(q, &["kv-35m"]);
    }
}

#[test]
fn roles_and_descriptions_find_people() {
    check("envoy", &["dana-rook"]);
}

#[test]
fn dates_as_queries() {
    check("June 2017", &["arland-cestria-join-ncc"]);
    check("2017-06", &["arland-cestria-join-ncc"]);
    check("jun 2017", &["arland-cestria-join-ncc"]);
    check("27 June 2007", &["ecu-signs-accord"]);
    check("September 2018", &["harbour-shield-2018"]);
    check_set(
        "2019",
        &[
            "working-group-2019",
            "dorsk-observer",
            "arland-accord-accession",
        ],
    );
    // A month query matches what happened in that month, not what is dated only by its year.
    assert!(!run("June 2016").contains(&"harbour-shield-2016".to_string()));
    // A year nobody wrote about gives nothing.
    assert!(run("1999").is_empty());
}

#[test]
fn quoted_phrases_match_as_phrases() {
    let phrase = run("\"harbour shield\"");
    assert!(
        phrase.contains(&"harbour-shield-2020".to_string()),
        "{phrase:?}"
    );
    assert!(!phrase.contains(&"working-group-2019".to_string()));
    assert!(run("\"shield harbour\"").is_empty());
    check("\"patrol boats\"", &["arland-seeks-boats"]);
}

#[test]
fn ties_are_broken_by_date_newest_first() {
    // The four exercises match "harbour shield" the same way; the latest comes first.
    let got = run("harbour shield");
    let at = |id: &str| got.iter().position(|g| g == id).expect(id);
    assert!(
        at("harbour-shield-2020") < at("harbour-shield-2018")
            && at("harbour-shield-2018") < at("harbour-shield-2016")
            && at("harbour-shield-2016") < at("harbour-shield-2014"),
        "{got:?}"
    );
}

#[test]
fn nothing_found_suggests_close_words() {
    let o = corpus().search("cistrua");
    assert!(o.hits.is_empty());
    assert!(
        o.suggestions.iter().any(|s| s == "cestria"),
        "{:?}",
        o.suggestions
    );
    let o = corpus().search("zzqxw");
    assert!(o.hits.is_empty() && o.suggestions.is_empty());
}

#[test]
fn an_empty_query_lists_everything_newest_first() {
    let c = corpus();
    let o = c.search("");
    assert_eq!(o.hits.len(), c.data.facts.len() + c.data.entities.len());
    let ends: Vec<i32> = o
        .hits
        .iter()
        .filter_map(|h| match RecordRef::of(c.data, h.rec) {
            RecordRef::Fact(f) => c.data.facts[f as usize].date.when.span().map(|s| s.1),
            RecordRef::Entity(_) => None,
        })
        .collect();
    assert!(
        ends.len() == 10 && ends.windows(2).all(|w| w[0] >= w[1]),
        "{ends:?}"
    );
    let last = o.hits.last().expect("hits").rec;
    assert!(
        matches!(RecordRef::of(c.data, last), RecordRef::Entity(_)),
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
        "🙂 harbour",
        "\u{202e}ncc",
        "a\u{200d}b",
        &"x".repeat(10_000),
        "((((",
        "0000",
        "9999-99-99",
    ] {
        let _ = corpus().search(q);
    }
}

/// Over the real data: whatever the documents, typing a card's full name puts a card of that
/// name first, and that card among the first as many as share the name.
#[test]
fn every_card_of_the_real_data_is_found_first_by_its_name() {
    let c = seeds();
    let name = |r: RecordRef| match r {
        RecordRef::Fact(f) => c.data.facts[f as usize].title.clone(),
        RecordRef::Entity(e) => c.data.entities[e as usize].name.clone(),
    };
    let records = (0..c.data.facts.len() as u32)
        .map(RecordRef::Fact)
        .chain((0..c.data.entities.len() as u32).map(RecordRef::Entity));
    let mut checked = 0;
    for rec in records {
        let title = name(rec);
        let same: usize = (0..c.data.facts.len() as u32)
            .map(RecordRef::Fact)
            .chain((0..c.data.entities.len() as u32).map(RecordRef::Entity))
            .filter(|r| squash(&name(*r)) == squash(&title))
            .count();
        let got = c.search(&title);
        let first: Vec<RecordRef> = got
            .hits
            .iter()
            .take(same)
            .map(|h| RecordRef::of(c.data, h.rec))
            .collect();
        assert!(
            first.contains(&rec),
            "{title:?}: {:?} not in the first {same}: {:?}",
            rec.id(c.data),
            ids(c, &got)
        );
        checked += 1;
    }
    assert_eq!(checked, c.data.facts.len() + c.data.entities.len());
}

/// Whole questions, word forms, compounds and invisible or fullwidth characters: what people
/// type, and the card that must come first.
#[test]
fn questions_word_forms_and_odd_characters_find_the_card() {
    for (q, first) in [
        (
            "when did Arland join the council",
            "arland-cestria-join-ncc",
        ),
        ("who is Dana Rook", "dana-rook"),
        ("what did Arland hope to buy", "arland-seeks-boats"),
        ("Harbour Shield exercises", "harbour-shield"),
        ("joins", "arland-cestria-join-ncc"),
        ("attending observers", "dorsk-observer"),
        ("harbourshield", "harbour-shield"),
        ("harbourshi", "harbour-shield"),
        ("counter terrorism drills", "kv-35m"),
        ("counter-terrorism drill", "kv-35m"),
        ("har\u{200B}bour shield", "harbour-shield"),
        ("harbour\u{AD} shield", "harbour-shield"),
        ("ｈａｒｂｏｕｒ ｓｈｉｅｌｄ", "harbour-shield"),
    ] {
        check(q, &[first]);
    }
}

#[test]
fn exact_forms_rank_above_other_forms_of_the_word() {
    // "joined" is written in the joining fact's quote; "join" only in its title. Asked for
    // "joined", a card with the word as written must not lose to one with another form.
    let o = corpus().search("joined ");
    let first = RecordRef::of(corpus().data, o.hits[0].rec);
    assert_eq!(first.id(corpus().data), "arland-cestria-join-ncc");
    let plain = corpus().search("Dorsk ");
    let stemmed = corpus().search("Dorsks ");
    assert!(
        plain.hits.iter().map(|h| h.score).fold(0.0, f32::max)
            > stemmed.hits.iter().map(|h| h.score).fold(0.0, f32::max),
        "the exact form scores above the stemmed one"
    );
}

/// The examples of what people type, over the real data: the expectation is what the data
/// says, not a card id, so a new document changes no outcome.
#[test]
fn everyday_questions_over_the_real_data() {
    use sco_explorer::core::model::{EntityKind, FactKind};
    let c = seeds();
    let data = c.data;
    let india = data
        .entities
        .iter()
        .position(|e| e.id == "india")
        .expect("India") as u32;
    let first = |q: &str| -> RecordRef {
        let o = c.search(q);
        let h = o
            .hits
            .first()
            .unwrap_or_else(|| panic!("{q:?} finds nothing"));
        RecordRef::of(data, h.rec)
    };
    // A question: the membership change that names India.
    match first("when did India join the SCO") {
        RecordRef::Fact(f) => {
            let f = &data.facts[f as usize];
            assert_eq!(f.kind, FactKind::Membership, "{}", f.id);
            assert!(f.membership.iter().any(|m| m.who == india), "{}", f.id);
        }
        other => panic!("{other:?} is not a fact"),
    }
    // A hyphenated word finds what the documents write as one word, among exercises.
    for q in [
        "anti-terrorist exercises",
        "anti terrorist exercises",
        "antiterrorist exercise",
    ] {
        let r = first(q);
        let exercise = match r {
            RecordRef::Fact(f) => data.facts[f as usize].kind == FactKind::Exercise,
            RecordRef::Entity(e) => data.entities[e as usize].kind == EntityKind::ExerciseSeries,
        };
        let text: String = sco_explorer::core::search::fields(data, r)
            .into_iter()
            .map(|(_, t)| t.to_lowercase())
            .collect();
        assert!(
            exercise && (text.contains("antiterrorist") || text.contains("anti-terrorist")),
            "{q:?}: {r:?}"
        );
    }
    // Words run together meet the name they come from.
    let r = first("peacemission");
    let name = match r {
        RecordRef::Fact(f) => data.facts[f as usize].title.clone(),
        RecordRef::Entity(e) => data.entities[e as usize].name.clone(),
    };
    assert!(squash(&name).starts_with("peacemission"), "{name}");
    // What shows nothing changes nothing.
    let ids_of = |q: &str| ids(c, &c.search(q));
    assert_eq!(ids_of("pea\u{200B}ce"), ids_of("peace"));
    assert_eq!(ids_of("ｐｅａｃｅ"), ids_of("peace"));
}

/// No query whose words mostly match a card returns nothing: every card's name plus a word
/// no document has still finds that card, with a note that not every word matched.
#[test]
fn a_query_that_mostly_matches_a_card_never_returns_nothing() {
    let c = seeds();
    for f in 0..c.data.facts.len() as u32 {
        let title = &c.data.facts[f as usize].title;
        let q = format!("{title} qqzzxv ");
        let o = c.search(&q);
        assert!(
            o.hits
                .iter()
                .any(|h| RecordRef::of(c.data, h.rec) == RecordRef::Fact(f)),
            "{q:?}: {:?}",
            ids(c, &o)
        );
        let p = o.partial.expect("a partial match");
        assert_eq!(p.of, p.matched + 1, "{q:?}");
    }
}
