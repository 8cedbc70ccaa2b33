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

const SYLLABLES: &[&str] = &[
    "ka", "ra", "vo", "lin", "mar", "tes", "dor", "an", "bel", "sha", "ku", "zan", "mir", "ol",
    "ta", "gen", "ris", "ud", "vel", "sor", "ba", "kir", "no", "pe", "lu", "dan", "ser", "ti",
    "ga", "rum", "ash", "ek", "yan", "zo",
];

/// Common words of the domain, most frequent first; the Zipf sampler favours the head.
const DOMAIN_WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "security",
    "joint",
    "defence",
    "cooperation",
    "forces",
    "exercise",
    "military",
    "regional",
    "counter-terrorism",
    "delegation",
    "ministry",
    "command",
    "staff",
    "border",
    "training",
    "air",
    "naval",
    "operations",
    "partners",
    "readiness",
    "coordination",
    "exchange",
    "experts",
    "units",
    "special",
    "bilateral",
    "multilateral",
    "agreement",
    "protocol",
    "observer",
    "member",
    "states",
    "headquarters",
    "logistics",
    "communications",
    "intelligence",
    "medical",
    "engineering",
    "reconnaissance",
    "peacekeeping",
    "humanitarian",
    "response",
    "drills",
    "manoeuvres",
    "programme",
    "organisation",
    "centre",
    "capacity",
    "stability",
    "threats",
    "extremism",
    "narcotics",
    "cyber",
    "maritime",
    "mountain",
    "desert",
    "urban",
];

const SERIES_A: &[&str] = &[
    "Peace", "Steppe", "Eastern", "Northern", "Mountain", "Golden", "Silent", "Iron", "United",
    "Border", "Desert", "Sea", "Sky", "Friendly", "Allied", "Central", "Southern", "Western",
    "Rapid", "Joint",
];
const SERIES_B: &[&str] = &[
    "Mission",
    "Shield",
    "Thunder",
    "Partnership",
    "Eagle",
    "Bridge",
    "Guard",
    "Resolve",
    "Harmony",
    "Arrow",
    "Frontier",
    "Sentinel",
    "Watch",
    "Accord",
    "Falcon",
    "Horizon",
    "Storm",
    "Unity",
    "Vanguard",
    "Spirit",
];
const ROLES: &[&str] = &[
    "Minister of Defence",
    "Chief of General Staff",
    "Ambassador",
    "Deputy Minister of Defence",
    "Commander of the Land Forces",
    "Chief of Air Staff",
    "Secretary General",
    "Head of Delegation",
];

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

/// A synthetic source of `facts` facts.
pub fn generate(facts: usize, seed: u64) -> RawSource {
    let mut rng = Rng(seed);
    let mut names = Names {
        rng: Rng(seed ^ 0xA5A5),
        used: Default::default(),
    };
    let scale = |base: usize, per: usize| (base + facts / per).max(3);

    let states: Vec<Ent> = (0..scale(8, 2000))
        .map(|i| {
            let n = names.unique(|n| {
                let root = n.word(2);
                let suffix = n.rng.pick(&["stan", "ia", "land", "ova", "ar"]);
                root + suffix
            });
            Ent {
                id: slug(&n, i),
                name: n,
            }
        })
        .collect();
    let places: Vec<Ent> = (0..scale(20, 200))
        .map(|i| {
            let n = names
                .unique(|n| n.word(2) + n.rng.pick(&["grad", "abad", "burg", "kent", "sk", "pol"]));
            Ent {
                id: slug(&n, i),
                name: n,
            }
        })
        .collect();
    let orgs: Vec<(Ent, String)> = (0..scale(4, 3000))
        .map(|i| {
            let n = names.unique(|n| {
                format!(
                    "{} {} {}",
                    n.word(2),
                    n.rng.pick(&["Cooperation", "Security", "Defence"]),
                    n.rng.pick(&["Council", "Organisation", "Union", "Forum"])
                )
            });
            let abbr: String = n
                .split(' ')
                .filter_map(|w| w.chars().next())
                .collect::<String>()
                + &i.to_string();
            (
                Ent {
                    id: slug(&n, i),
                    name: n,
                },
                abbr,
            )
        })
        .collect();
    let series: Vec<Ent> = (0..scale(6, 1000))
        .map(|i| {
            let n = names.unique(|n| format!("{} {}", n.rng.pick(SERIES_A), n.rng.pick(SERIES_B)));
            Ent {
                id: slug(&n, i),
                name: n,
            }
        })
        .collect();
    let equipment: Vec<Ent> = (0..scale(6, 500))
        .map(|i| {
            let n = names.unique(|n| {
                let a = n.word(1);
                format!(
                    "{}-{}{}",
                    &a[..2.min(a.len())],
                    10 + n.rng.below(90),
                    n.rng.pick(&["", "M", "SM", "K"])
                )
            });
            Ent {
                id: slug(&n, i),
                name: n,
            }
        })
        .collect();
    let people: Vec<(Ent, String, usize)> = (0..scale(12, 60))
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

    // Profile documents: one sentence per entity, giving each its evidence and description.
    let mut src = RawSource::default();
    let mut profile_lines: Vec<(String, RawEntity)> = Vec::new();
    let mut push_entity = |kind: &str,
                           e: &Ent,
                           sentence: String,
                           roles: Vec<String>,
                           aliases: Vec<String>,
                           abbr: Vec<String>| {
        profile_lines.push((
            sentence.clone(),
            RawEntity {
                id: e.id.clone(),
                kind: kind.into(),
                name: e.name.clone(),
                aliases,
                abbreviations: abbr,
                search_aliases: vec![],
                description: sentence.clone(),
                roles,
                affiliation: None,
                purpose: None,
                quotes: vec![],
            },
        ));
    };
    for s in &states {
        push_entity(
            "state",
            s,
            format!(
                "{} is a state that takes part in regional security cooperation.",
                s.name
            ),
            vec![],
            vec![],
            vec![],
        );
    }
    for p in &places {
        push_entity(
            "place",
            p,
            format!("{} is a city that has hosted defence meetings.", p.name),
            vec![],
            vec![],
            vec![],
        );
    }
    for (o, abbr) in &orgs {
        push_entity(
            "organisation",
            o,
            format!("The {} ({abbr}) is an intergovernmental body.", o.name),
            vec![],
            vec![],
            vec![abbr.clone()],
        );
    }
    for s in &series {
        push_entity(
            "exercise-series",
            s,
            format!("{} is a series of joint exercises held regularly.", s.name),
            vec![],
            vec![],
            vec![],
        );
    }
    for e in &equipment {
        push_entity(
            "equipment",
            e,
            format!("The {} is a type of military equipment.", e.name),
            vec![],
            vec![],
            vec![],
        );
    }
    for (p, role, state) in &people {
        push_entity(
            "person",
            p,
            format!(
                "{}, {role} of {}, leads the delegation.",
                p.name, states[*state].name
            ),
            vec![role.clone()],
            vec![],
            vec![],
        );
    }
    for (chunk_ix, chunk) in profile_lines.chunks(50).enumerate() {
        let id = format!("synth-profiles-{chunk_ix:04}");
        let mut body = format!("Profiles {chunk_ix}\n\n");
        let mut file = RawFile {
            path: format!("synth/{id}.toml"),
            doc: Some(id.clone()),
            ..Default::default()
        };
        for (sentence, entity) in chunk {
            body.push_str(sentence);
            body.push('\n');
            let mut entity = entity.clone();
            entity.quotes = vec![RawQuote::Here(sentence.clone())];
            file.entities.push(entity);
        }
        src.documents.push((id, body));
        src.files.push(file);
    }

    // Reports: FACTS_PER_DOC facts each, one sentence per fact.
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
    let docs = facts.div_ceil(FACTS_PER_DOC);
    let mut made = 0;
    for d in 0..docs {
        let id = format!("synth-report-{d:06}");
        let year = 1996 + rng.below(35) as i32;
        let mut body = String::new();
        let title = format!("Defence cooperation report {d}");
        body.push_str(&title);
        body.push('\n');
        body.push_str(&format!(
            "{} {}, {year}\n\n",
            MONTHS[rng.below(12)],
            1 + rng.below(28)
        ));
        let mut file = RawFile {
            path: format!("synth/{id}.toml"),
            doc: Some(id.clone()),
            ..Default::default()
        };
        for k in 0..FACTS_PER_DOC.min(facts - made) {
            let fact_year = year - 3 + rng.below(6) as i32;
            let month = 1 + rng.below(12);
            let day = 1 + rng.below(28);
            let a = rng.below(states.len());
            let b = (a + 1 + rng.below(states.len() - 1)) % states.len();
            let place = &places[rng.below(places.len())];
            let (sa, sb) = (&states[a], &states[b]);
            let words = 4 + rng.below(8);
            let extra = filler(&mut rng, words);
            let precision = rng.below(10);
            let (date, when_text) = match precision {
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
            let kind_roll = rng.below(100);
            let mut fact = RawFact {
                id: format!("f-{d}-{k}"),
                date: Some(date),
                participants: vec![sa.id.clone(), sb.id.clone()],
                places: vec![place.id.clone()],
                ..Default::default()
            };
            let sentence = match kind_roll {
                0..=39 => {
                    let s = &series[rng.below(series.len())];
                    let planned = fact_year > year;
                    fact.kind = "exercise".into();
                    fact.series = Some(s.id.clone());
                    fact.status = if planned { "planned" } else { "happened" }.into();
                    fact.title = format!("{} {fact_year}", s.name);
                    fact.summary = format!(
                        "{} and {} {} the {} exercise in {}.",
                        sa.name,
                        sb.name,
                        if planned { "plan" } else { "held" },
                        s.name,
                        place.name
                    );
                    format!(
                        "{} and {} {} the {} {fact_year} exercise in {} {when_text}, with {extra}.",
                        sa.name,
                        sb.name,
                        if planned { "will hold" } else { "held" },
                        s.name,
                        place.name
                    )
                }
                40..=59 => {
                    let (o, abbr) = &orgs[rng.below(orgs.len())];
                    fact.kind = "meeting".into();
                    fact.status = "happened".into();
                    fact.about = vec![o.id.clone()];
                    fact.title = format!("{abbr} meeting in {}", place.name);
                    fact.summary = format!(
                        "Delegations of {} and {} met in {}.",
                        sa.name, sb.name, place.name
                    );
                    format!(
                        "Delegations of {}, {} and the {abbr} met in {} {when_text} to discuss {extra}.",
                        sa.name, sb.name, place.name
                    )
                }
                60..=69 => {
                    let (p, role, st) = &people[rng.below(people.len())];
                    fact.kind = "visit".into();
                    fact.status = if fact_year > year {
                        "planned"
                    } else {
                        "happened"
                    }
                    .into();
                    fact.participants = vec![p.id.clone(), states[*st].id.clone()];
                    fact.title = format!("{} visits {}", p.name, place.name);
                    fact.summary = format!("{}, {role}, visits {}.", p.name, place.name);
                    format!(
                        "{}, {role}, visited {} {when_text} for talks on {extra}.",
                        p.name, place.name
                    )
                }
                70..=79 => {
                    let e = &equipment[rng.below(equipment.len())];
                    let n = 2 + rng.below(20);
                    fact.kind = "procurement".into();
                    fact.status = "happened".into();
                    fact.about = vec![e.id.clone()];
                    fact.places = vec![];
                    fact.title = format!("{} orders {n} {}", sa.name, e.name);
                    fact.summary = format!("{} ordered {n} {} from {}.", sa.name, e.name, sb.name);
                    format!(
                        "{} ordered {n} {} from {} {when_text}, citing {extra}.",
                        sa.name, e.name, sb.name
                    )
                }
                80..=87 => {
                    let (o, abbr) = &orgs[rng.below(orgs.len())];
                    fact.kind = "membership".into();
                    fact.status = "happened".into();
                    fact.participants = vec![sa.id.clone()];
                    fact.places = vec![];
                    fact.about = vec![o.id.clone()];
                    let standing = if rng.chance(70) {
                        "full-member"
                    } else {
                        "observer"
                    };
                    fact.membership = vec![RawMembership {
                        who: sa.id.clone(),
                        standing: standing.into(),
                        edge: "start".into(),
                    }];
                    fact.title = format!("{} joins the {abbr}", sa.name);
                    fact.summary = format!(
                        "{} became {} of the {}.",
                        sa.name,
                        if standing == "observer" {
                            "an observer"
                        } else {
                            "a full member"
                        },
                        o.name
                    );
                    format!(
                        "{} officially joined the {abbr} as {} {when_text}.",
                        sa.name,
                        if standing == "observer" {
                            "an observer"
                        } else {
                            "a full member"
                        }
                    )
                }
                88..=94 => {
                    let (p, _, _) = &people[rng.below(people.len())];
                    fact.kind = "statement".into();
                    fact.status = "intended".into();
                    fact.participants.push(p.id.clone());
                    fact.title = format!("{} intends closer ties with {}", sa.name, sb.name);
                    fact.summary = format!(
                        "{} said {} intends to deepen cooperation with {}.",
                        p.name, sa.name, sb.name
                    );
                    format!(
                        "{} stated {when_text} that {} intends to expand {extra} with {}.",
                        p.name, sa.name, sb.name
                    )
                }
                _ => {
                    fact.kind = "agreement".into();
                    fact.status = if rng.chance(50) {
                        "in-progress"
                    } else {
                        "happened"
                    }
                    .into();
                    fact.title = format!(
                        "{}–{} agreement on {}",
                        sa.name,
                        sb.name,
                        DOMAIN_WORDS[3 + rng.below(20)]
                    );
                    fact.summary = format!("{} and {} concluded an agreement.", sa.name, sb.name);
                    format!(
                        "{} and {} concluded an agreement on {extra} {when_text}.",
                        sa.name, sb.name
                    )
                }
            };
            if rng.chance(8) {
                fact.certainty = Some("inferred".into());
                fact.reason = Some(
                    "The report gives the month; the year is taken from its page date.".into(),
                );
            }
            fact.quotes = vec![RawQuote::Here(sentence.clone())];
            body.push_str(&sentence);
            body.push(if k % 3 == 2 { '\n' } else { ' ' });
            if k % 3 == 2 {
                body.push('\n');
            }
            file.facts.push(fact);
            made += 1;
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
    src
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
