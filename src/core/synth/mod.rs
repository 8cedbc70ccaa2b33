//! A generator of synthetic datasets (documents, entities and facts with quotes) for benchmarks
//! and scale tests. It emits *raw* seed records, so its output goes through the same validation,
//! mention linking and encoding as the real seeds.
//!
//! Deterministic for a given size and seed. The text is realistic in the ways that matter to
//! search and layout: a Zipf-distributed vocabulary (a few words very common, most rare), proper
//! names made of syllables, dates of every precision across three decades, every fact kind and
//! status, and some inferred dates.

use crate::core::model::MONTHS;
use crate::core::raw::*;

mod words;

use words::*;

/// The fixed seed the benchmarks use.
pub const SEED: u64 = 0x5c0_e7a1_2018;

/// How many facts one synthetic document reports.
const FACTS_PER_DOC: usize = 10;

/// SplitMix64: tiny, fast, and good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Samples ranks 0..n with probability proportional to 1 / (rank + 1)^1.1.
struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(n: usize) -> Self {
        let mut total = 0.0;
        let cumulative = (0..n)
            .map(|r| {
                total += 1.0 / ((r + 1) as f64).powf(1.1);
                total
            })
            .collect();
        Zipf { cumulative }
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let total = *self.cumulative.last().unwrap_or(&1.0);
        let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        self.cumulative
            .partition_point(|c| *c < u)
            .min(self.cumulative.len() - 1)
    }
}

struct Names {
    rng: Rng,
    used: std::collections::HashSet<String>,
}

impl Names {
    fn word(&mut self, syllables: usize) -> String {
        let mut w = String::new();
        for _ in 0..syllables {
            w.push_str(self.rng.pick(SYLLABLES));
        }
        let mut c = w.chars();
        match c.next() {
            Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
            None => w,
        }
    }

    /// A fresh name: `make` is retried until it gives one not used before.
    fn unique(&mut self, make: impl Fn(&mut Self) -> String) -> String {
        loop {
            let n = make(self);
            if self.used.insert(n.clone()) {
                return n;
            }
        }
    }
}

fn slug(name: &str, i: usize) -> String {
    let mut s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    while s.contains("--") {
        s = s.replace("--", "-");
    }
    format!("{}-{i}", s.trim_matches('-'))
}

struct Ent {
    id: String,
    name: String,
}

/// Everyone and everything the synthetic reports can name.
struct Cast {
    states: Vec<Ent>,
    places: Vec<Ent>,
    /// Organisations with their abbreviations.
    orgs: Vec<(Ent, String)>,
    series: Vec<Ent>,
    equipment: Vec<Ent>,
    /// People with their role and the index of their state.
    people: Vec<(Ent, String, usize)>,
}

/// A synthetic source of `facts` facts: profile documents that introduce every entity, then
/// reports of [`FACTS_PER_DOC`] facts each.
pub fn generate(facts: usize, seed: u64) -> RawSource {
    let mut rng = Rng(seed);
    let mut names = Names {
        rng: Rng(seed ^ 0xA5A5),
        used: Default::default(),
    };
    let cast = cast(&mut names, &mut rng, facts);
    let mut src = RawSource::default();
    profiles(&cast, &mut src);
    reports(&cast, &mut names, &mut rng, facts, &mut src);
    src
}

/// Names `n` fresh entities with `make`.
fn ents(names: &mut Names, n: usize, make: impl Fn(&mut Names) -> String) -> Vec<Ent> {
    (0..n)
        .map(|i| {
            let name = names.unique(&make);
            Ent {
                id: slug(&name, i),
                name,
            }
        })
        .collect()
}

/// The cast grows with the dataset, so names stay rare enough to search for.
fn cast(names: &mut Names, rng: &mut Rng, facts: usize) -> Cast {
    let scale = |base: usize, per: usize| (base + facts / per).max(3);
    let states = ents(names, scale(8, 2000), |n| {
        let root = n.word(2);
        let suffix = n.rng.pick(&["stan", "ia", "land", "ova", "ar"]);
        root + suffix
    });
    let places = ents(names, scale(20, 200), |n| {
        n.word(2) + n.rng.pick(&["grad", "abad", "burg", "kent", "sk", "pol"])
    });
    let orgs = ents(names, scale(4, 3000), |n| {
        format!(
            "{} {} {}",
            n.word(2),
            n.rng.pick(&["Cooperation", "Security", "Defence"]),
            n.rng.pick(&["Council", "Organisation", "Union", "Forum"])
        )
    })
    .into_iter()
    .enumerate()
    .map(|(i, e)| {
        let initials: String = e.name.split(' ').filter_map(|w| w.chars().next()).collect();
        (e, format!("{initials}{i}"))
    })
    .collect();
    let series = ents(names, scale(6, 1000), |n| {
        format!("{} {}", n.rng.pick(SERIES_A), n.rng.pick(SERIES_B))
    });
    let equipment = ents(names, scale(6, 500), |n| {
        let a = n.word(1);
        format!(
            "{}-{}{}",
            &a[..2.min(a.len())],
            10 + n.rng.below(90),
            n.rng.pick(&["", "M", "SM", "K"])
        )
    });
    let people = (0..scale(12, 60))
        .map(|i| {
            let n = names.unique(|n| format!("{} {}", n.word(2), n.word(3)));
            let role = rng.pick(ROLES).to_string();
            let state = rng.below(states.len());
            (
                Ent {
                    id: slug(&n, i),
                    name: n,
                },
                role,
                state,
            )
        })
        .collect();
    Cast {
        states,
        places,
        orgs,
        series,
        equipment,
        people,
    }
}

/// Profile documents: one sentence per entity, giving each its evidence and description; 50
/// entities a document.
fn profiles(cast: &Cast, src: &mut RawSource) {
    let entity = |kind: &str, e: &Ent, sentence: String, roles: Vec<String>, abbr: Vec<String>| {
        let raw = RawEntity {
            id: e.id.clone(),
            kind: kind.into(),
            name: e.name.clone(),
            abbreviations: abbr,
            description: sentence.clone(),
            roles,
            quotes: vec![RawQuote::Here(sentence.clone())],
            ..Default::default()
        };
        (sentence, raw)
    };
    let mut lines: Vec<(String, RawEntity)> = Vec::new();
    for s in &cast.states {
        let sentence = format!(
            "{} is a state that takes part in regional security cooperation.",
            s.name
        );
        lines.push(entity("state", s, sentence, vec![], vec![]));
    }
    for p in &cast.places {
        let sentence = format!("{} is a city that has hosted defence meetings.", p.name);
        lines.push(entity("place", p, sentence, vec![], vec![]));
    }
    for (o, abbr) in &cast.orgs {
        let sentence = format!("The {} ({abbr}) is an intergovernmental body.", o.name);
        lines.push(entity(
            "organisation",
            o,
            sentence,
            vec![],
            vec![abbr.clone()],
        ));
    }
    for s in &cast.series {
        let sentence = format!("{} is a series of joint exercises held regularly.", s.name);
        lines.push(entity("exercise-series", s, sentence, vec![], vec![]));
    }
    for e in &cast.equipment {
        let sentence = format!("The {} is a type of military equipment.", e.name);
        lines.push(entity("equipment", e, sentence, vec![], vec![]));
    }
    for (p, role, state) in &cast.people {
        let state = &cast.states[*state].name;
        let sentence = format!("{}, {role} of {state}, leads the delegation.", p.name);
        lines.push(entity("person", p, sentence, vec![role.clone()], vec![]));
    }
    for (chunk_ix, chunk) in lines.chunks(50).enumerate() {
        let id = format!("synth-profiles-{chunk_ix:04}");
        let mut body = format!("Profiles {chunk_ix}\n\n");
        let mut file = RawFile {
            path: format!("synth/{id}.toml"),
            doc: Some(id.clone()),
            document: Some(RawDocument {
                title: format!("Profiles {chunk_ix}"),
                ..Default::default()
            }),
            ..Default::default()
        };
        for (sentence, entity) in chunk {
            body.push_str(sentence);
            body.push('\n');
            file.entities.push(entity.clone());
        }
        src.documents.push((id, body));
        src.files.push(file);
    }
}

/// Report documents: a title, a page date, and [`FACTS_PER_DOC`] facts, one sentence each.
fn reports(cast: &Cast, names: &mut Names, rng: &mut Rng, facts: usize, src: &mut RawSource) {
    let zipf = Zipf::new(DOMAIN_WORDS.len() + 3000);
    let rare: Vec<String> = (0..3000).map(|_| names.word(2).to_lowercase()).collect();
    let filler = |rng: &mut Rng, n: usize| -> String {
        (0..n)
            .map(|_| {
                let r = zipf.sample(rng);
                if r < DOMAIN_WORDS.len() {
                    DOMAIN_WORDS[r].to_string()
                } else {
                    rare[r - DOMAIN_WORDS.len()].clone()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut made = 0;
    // The facts made so far, for later documents to report on: (id, title, status, date,
    // reports so far).
    let mut known: Vec<(String, String, String, String, u8)> = Vec::new();
    for d in 0..facts.div_ceil(FACTS_PER_DOC) {
        let id = format!("synth-report-{d:06}");
        let year = 1996 + rng.below(35) as i32;
        let title = format!("Defence cooperation report {d}");
        let mut body = format!(
            "{title}\n{} {}, {year}\n\n",
            MONTHS[rng.below(12)],
            1 + rng.below(28)
        );
        let mut file = RawFile {
            path: format!("synth/{id}.toml"),
            doc: Some(id.clone()),
            ..Default::default()
        };
        for k in 0..FACTS_PER_DOC.min(facts - made) {
            let (fact, sentence) = report_fact(cast, rng, &filler, format!("f-{d}-{k}"), year);
            body.push_str(&sentence);
            body.push(if k % 3 == 2 { '\n' } else { ' ' });
            if k % 3 == 2 {
                body.push('\n');
            }
            let date = fact.date.clone().unwrap_or_default();
            known.push((
                fact.id.clone(),
                fact.title.clone(),
                fact.status.clone(),
                date,
                1,
            ));
            file.facts.push(fact);
            made += 1;
        }
        // Then what this document says of facts earlier documents reported: up to four.
        let own = known.len().saturating_sub(FACTS_PER_DOC);
        for _ in 0..rng.below(5) {
            if own == 0 {
                break;
            }
            let pick = own - 1 - rng.below(own.min(200));
            if known[pick].4 >= 4 || file.reports.iter().any(|r| r.fact == known[pick].0) {
                continue;
            }
            known[pick].4 += 1;
            let (report, sentence) = later_report(rng, &known[pick]);
            body.push_str(&sentence);
            body.push(' ');
            file.reports.push(report);
        }
        file.document = Some(RawDocument {
            title,
            page_date: None,
            written: Some(format!("{year}")),
            ..Default::default()
        });
        src.documents.push((id, body));
        src.files.push(file);
    }
}

/// A date in words as a report sentence says it: "in 2017", "in June 2017", "on 3 June 2017".
fn when_of(date: &str) -> String {
    let parts: Vec<&str> = date.split('-').collect();
    let month = |m: &str| {
        m.parse::<usize>()
            .ok()
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
    };
    match parts.as_slice() {
        [y, m, d] => format!(
            "on {} {} {y}",
            d.trim_start_matches('0'),
            month(m).unwrap_or(&"")
        ),
        [y, m] => format!("in {} {y}", month(m).unwrap_or(&"")),
        _ => format!("in {date}"),
    }
}

/// A later document's report on a known fact: its outcome when it was planned (a revision),
/// sometimes another date (a disagreement between accounts), else the same (corroboration).
fn later_report(
    rng: &mut Rng,
    known: &(String, String, String, String, u8),
) -> (RawReport, String) {
    let (id, title, status, date, _) = known;
    let planned = status == "planned" || status == "intended";
    let (status, date, sentence) = if planned && rng.chance(60) {
        let s = format!("A later account says {title} was held {}.", when_of(date));
        ("happened".to_string(), date.clone(), s)
    } else if !planned && rng.chance(25) {
        // The year after, in the same words: accounts that cannot both be right.
        let (y, rest) = date.split_once('-').unwrap_or((date.as_str(), ""));
        let y: i32 = y.parse().unwrap_or(2000) + 1;
        let moved = if rest.is_empty() {
            y.to_string()
        } else {
            format!("{y}-{rest}")
        };
        let s = format!("Another account dates {title} {}.", when_of(&moved));
        (status.clone(), moved, s)
    } else {
        let s = format!("A later account confirms {title} {}.", when_of(date));
        (status.clone(), date.clone(), s)
    };
    let report = RawReport {
        fact: id.clone(),
        status,
        date: Some(date),
        quotes: vec![RawQuote::Here(sentence.clone())],
        ..Default::default()
    };
    (report, sentence)
}

/// What one report sentence is about, drawn before its kind is chosen.
struct Scene<'a> {
    /// Two distinct states, a place, the fact's year and the report's year.
    sa: &'a Ent,
    sb: &'a Ent,
    place: &'a Ent,
    fact_year: i32,
    year: i32,
    /// "in 2017", "in June 2017" or "on 3 June 2017", matching the fact's date.
    when: String,
    /// Filler words, Zipf-distributed.
    extra: String,
}

/// One fact and the sentence that reports it (its verbatim quote), in a report of `year`.
fn report_fact(
    cast: &Cast,
    rng: &mut Rng,
    filler: &dyn Fn(&mut Rng, usize) -> String,
    id: String,
    year: i32,
) -> (RawFact, String) {
    let fact_year = year - 3 + rng.below(6) as i32;
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let states = &cast.states;
    let a = rng.below(states.len());
    let b = (a + 1 + rng.below(states.len() - 1)) % states.len();
    let place = &cast.places[rng.below(cast.places.len())];
    let words = 4 + rng.below(8);
    let extra = filler(rng, words);
    let (date, when) = match rng.below(10) {
        0..=3 => (format!("{fact_year}"), format!("in {fact_year}")),
        4..=7 => (
            format!("{fact_year}-{month:02}"),
            format!("in {} {fact_year}", MONTHS[month - 1]),
        ),
        _ => (
            format!("{fact_year}-{month:02}-{day:02}"),
            format!("on {day} {} {fact_year}", MONTHS[month - 1]),
        ),
    };
    let scene = Scene {
        sa: &states[a],
        sb: &states[b],
        place,
        fact_year,
        year,
        when,
        extra,
    };
    let mut fact = RawFact {
        id,
        date: Some(date),
        participants: vec![scene.sa.id.clone(), scene.sb.id.clone()],
        places: vec![place.id.clone()],
        ..Default::default()
    };
    let sentence = match rng.below(100) {
        0..=39 => exercise(cast, rng, &scene, &mut fact),
        40..=59 => meeting(cast, rng, &scene, &mut fact),
        60..=69 => visit(cast, rng, &scene, &mut fact),
        70..=79 => procurement(cast, rng, &scene, &mut fact),
        80..=87 => membership(cast, rng, &scene, &mut fact),
        88..=94 => statement(cast, rng, &scene, &mut fact),
        _ => agreement(rng, &scene, &mut fact),
    };
    if rng.chance(8) {
        fact.certainty = Some("inferred".into());
        fact.reason =
            Some("The report gives the month; the year is taken from its page date.".into());
    }
    fact.quotes = vec![RawQuote::Here(sentence.clone())];
    (fact, sentence)
}

fn exercise(cast: &Cast, rng: &mut Rng, sc: &Scene<'_>, fact: &mut RawFact) -> String {
    let s = &cast.series[rng.below(cast.series.len())];
    let planned = sc.fact_year > sc.year;
    let (sa, sb, fy) = (&sc.sa.name, &sc.sb.name, sc.fact_year);
    fact.kind = "exercise".into();
    fact.series = Some(s.id.clone());
    fact.status = if planned { "planned" } else { "happened" }.into();
    fact.title = format!("{} {fy}", s.name);
    let verb = if planned { "plan" } else { "held" };
    fact.summary = format!(
        "{sa} and {sb} {verb} the {} exercise in {}.",
        s.name, sc.place.name
    );
    let verb = if planned { "will hold" } else { "held" };
    format!(
        "{sa} and {sb} {verb} the {} {fy} exercise in {} {}, with {}.",
        s.name, sc.place.name, sc.when, sc.extra
    )
}

fn meeting(cast: &Cast, rng: &mut Rng, sc: &Scene<'_>, fact: &mut RawFact) -> String {
    let (o, abbr) = &cast.orgs[rng.below(cast.orgs.len())];
    let (sa, sb, place) = (&sc.sa.name, &sc.sb.name, &sc.place.name);
    fact.kind = "meeting".into();
    fact.status = "happened".into();
    fact.about = vec![o.id.clone()];
    fact.title = format!("{abbr} meeting in {place}");
    fact.summary = format!("Delegations of {sa} and {sb} met in {place}.");
    format!(
        "Delegations of {sa}, {sb} and the {abbr} met in {place} {} to discuss {}.",
        sc.when, sc.extra
    )
}

fn visit(cast: &Cast, rng: &mut Rng, sc: &Scene<'_>, fact: &mut RawFact) -> String {
    let (p, role, st) = &cast.people[rng.below(cast.people.len())];
    let place = &sc.place.name;
    fact.kind = "visit".into();
    fact.status = if sc.fact_year > sc.year {
        "planned"
    } else {
        "happened"
    }
    .into();
    fact.participants = vec![p.id.clone(), cast.states[*st].id.clone()];
    fact.title = format!("{} visits {place}", p.name);
    fact.summary = format!("{}, {role}, visits {place}.", p.name);
    format!(
        "{}, {role}, visited {place} {} for talks on {}.",
        p.name, sc.when, sc.extra
    )
}

fn procurement(cast: &Cast, rng: &mut Rng, sc: &Scene<'_>, fact: &mut RawFact) -> String {
    let e = &cast.equipment[rng.below(cast.equipment.len())];
    let n = 2 + rng.below(20);
    let (sa, sb) = (&sc.sa.name, &sc.sb.name);
    fact.kind = "procurement".into();
    fact.status = "happened".into();
    fact.about = vec![e.id.clone()];
    fact.places = vec![];
    fact.title = format!("{sa} orders {n} {}", e.name);
    fact.summary = format!("{sa} ordered {n} {} from {sb}.", e.name);
    format!(
        "{sa} ordered {n} {} from {sb} {}, citing {}.",
        e.name, sc.when, sc.extra
    )
}

fn membership(cast: &Cast, rng: &mut Rng, sc: &Scene<'_>, fact: &mut RawFact) -> String {
    let (o, abbr) = &cast.orgs[rng.below(cast.orgs.len())];
    let sa = &sc.sa;
    fact.kind = "membership".into();
    fact.status = "happened".into();
    fact.participants = vec![sa.id.clone()];
    fact.places = vec![];
    fact.about = vec![o.id.clone()];
    let observer = !rng.chance(70);
    let (standing, what) = if observer {
        ("observer", "an observer")
    } else {
        ("full-member", "a full member")
    };
    fact.membership = vec![RawMembership {
        who: sa.id.clone(),
        standing: standing.into(),
        edge: "start".into(),
    }];
    fact.title = format!("{} joins the {abbr}", sa.name);
    fact.summary = format!("{} became {what} of the {}.", sa.name, o.name);
    format!(
        "{} officially joined the {abbr} as {what} {}.",
        sa.name, sc.when
    )
}

fn statement(cast: &Cast, rng: &mut Rng, sc: &Scene<'_>, fact: &mut RawFact) -> String {
    let (p, _, _) = &cast.people[rng.below(cast.people.len())];
    let (sa, sb) = (&sc.sa.name, &sc.sb.name);
    fact.kind = "statement".into();
    fact.status = "intended".into();
    fact.participants.push(p.id.clone());
    fact.title = format!("{sa} intends closer ties with {sb}");
    fact.summary = format!(
        "{} said {sa} intends to deepen cooperation with {sb}.",
        p.name
    );
    format!(
        "{} stated {} that {sa} intends to expand {} with {sb}.",
        p.name, sc.when, sc.extra
    )
}

fn agreement(rng: &mut Rng, sc: &Scene<'_>, fact: &mut RawFact) -> String {
    let (sa, sb) = (&sc.sa.name, &sc.sb.name);
    fact.kind = "agreement".into();
    fact.status = if rng.chance(50) {
        "in-progress"
    } else {
        "happened"
    }
    .into();
    fact.title = format!(
        "{sa}\u{2013}{sb} agreement on {}",
        DOMAIN_WORDS[3 + rng.below(20)]
    );
    fact.summary = format!("{sa} and {sb} concluded an agreement.");
    format!(
        "{sa} and {sb} concluded an agreement on {} {}.",
        sc.extra, sc.when
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::validate::validate;

    #[test]
    fn synthetic_data_passes_validation_at_the_size_asked_for() {
        for n in [1, 25, 1000] {
            let v = validate(&generate(n, SEED)).unwrap_or_else(|e| panic!("{n}: {}", e[0]));
            assert_eq!(v.dataset.facts.len(), n);
            assert!(
                v.dataset.mentions.len() > n,
                "entities are linked in the text"
            );
        }
    }

    #[test]
    fn later_documents_report_on_earlier_facts_with_revisions_and_disagreements() {
        let d = validate(&generate(3000, SEED)).expect("valid").dataset;
        let most = d.facts.iter().map(|f| f.report_count()).max().unwrap_or(0);
        assert!(d.facts.iter().all(|f| (1..=4).contains(&f.report_count())));
        assert!(most >= 3, "some facts have several sources: {most}");
        assert!(d.facts.iter().any(|f| f.revised), "a plan and its outcome");
        assert!(
            d.facts.iter().any(|f| !f.disputes.is_empty()),
            "accounts that disagree"
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_data() {
        let a = generate(200, SEED);
        let b = generate(200, SEED);
        assert_eq!(a.documents, b.documents);
        assert_ne!(generate(200, SEED + 1).documents, a.documents);
    }

    #[test]
    fn the_vocabulary_is_zipf_like() {
        let z = Zipf::new(1000);
        let mut rng = Rng(1);
        let mut counts = vec![0usize; 1000];
        for _ in 0..100_000 {
            counts[z.sample(&mut rng)] += 1;
        }
        assert!(
            counts[0] > 10 * counts[99],
            "head {} vs rank 100 {}",
            counts[0],
            counts[99]
        );
        assert!(counts[999] > 0 || counts[998] > 0 || counts[990..].iter().sum::<usize>() > 0);
    }
}
