//! A generator of synthetic datasets (documents, entities and facts with quotes) for benchmarks
//! and scale tests. It emits *raw* seed records, so its output goes through the same validation,
//! mention linking and encoding as the real seeds.
//!
//! Deterministic for a given size and seed. The text is realistic in the ways that matter to
//! search and layout: a Zipf-distributed vocabulary (a few words very common, most rare), proper
//! names made of syllables, dates of every precision across three decades, every fact kind and
//! status, and some inferred dates.

use crate::core::model::{month_name, slug_of};
use crate::core::raw::*;

mod sentences;
mod words;

use sentences::{later_report, report_fact};

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
    match slug_of(name) {
        Some(s) => format!("{s}-{i}"),
        None => format!("x-{i}"),
    }
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
            month_name(rng.below(12) as u8 + 1),
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
            if known[pick].4 >= 4
                || file
                    .reports
                    .iter()
                    .any(|r| r.fact.as_ref() == Some(&known[pick].0))
            {
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
