//! How fast search answers. Targets (issue 8): p95 ≤ 1 ms per query on the default pack and
//! ≤ 10 ms on a synthetic pack of 10,000 articles; the default pack's index ready within 20 ms.
//! SQLite FTS5 (unicode61 tokenizer: no stemming, no typo tolerance) runs the same queries on
//! the same documents, for comparison, when SQLite is built with it: the shipped library leaves
//! FTS5 out (.cargo/config.toml), and BENCHMARKS.md gives the command that puts it back. Criterion reports means; the p95 figures are computed
//! here from per-query timings over the fixed query set and printed.

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use rusqlite::Connection;
use waymark_core::search_bench::{
    BenchDocument, BenchIndex, build_default_pack_index, default_pack_documents,
};
use waymark_core::{Waymark, WaymarkOptions};

/// The fixed query set: whole words, other forms, typos, two-word queries, a word being typed.
const QUERIES: &[(&str, &str)] = &[
    ("en", "passport"),
    ("en", "pasport"),
    ("en", "visa"),
    ("en", "work visa"),
    ("en", "debt"),
    ("en", "recruiting"),
    ("en", "contract"),
    ("en", "embassy"),
    ("en", "agency licence"),
    ("en", "hotline"),
    ("en", "documents"),
    ("en", "passp"),
    ("ru", "паспорт"),
    ("ru", "паспортом"),
    ("ru", "виза"),
    ("ru", "рабочая виза"),
    ("ru", "долг"),
    ("ru", "работодатель"),
    ("ru", "договор"),
    ("ru", "посольство"),
    ("ru", "агентство"),
    ("ru", "жилье"),
    ("ru", "пасспорт"),
    ("ru", "горячая линия"),
];

/// Runs of each query timed for the percentiles.
const RUNS: usize = 30;
/// Synthetic articles, each in English and in Russian.
const SYNTHETIC_ARTICLES: usize = 10_000;

fn chain(language: &str) -> &'static [&'static str] {
    if language == "ru" {
        &["ru", "en"]
    } else {
        &["en"]
    }
}

/// The p50 and p95 of `run` over every query, `RUNS` times each, after one warm-up run.
fn percentiles(mut run: impl FnMut(&str, &str)) -> (Duration, Duration) {
    let mut times = Vec::with_capacity(QUERIES.len() * RUNS);
    for (language, query) in QUERIES {
        run(language, query);
        for _ in 0..RUNS {
            let start = Instant::now();
            run(language, query);
            times.push(start.elapsed());
        }
    }
    times.sort_unstable();
    let at = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
    (at(50), at(95))
}

fn report(what: &str, (p50, p95): (Duration, Duration)) {
    println!("search p50/p95 | {what}: p50 {p50:.2?}, p95 {p95:.2?}");
}

/// A deterministic pseudo-random source (SplitMix64).
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// An index below `n`, small ones far more often (word frequencies are skewed).
    fn skewed(&mut self, n: usize) -> usize {
        let x = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((x * x * x) * n as f64) as usize
    }
}

/// The words of the guide in one language, in order of first appearance, as the vocabulary.
fn vocabulary(text: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .filter(|w| seen.insert(w.clone()))
        .collect()
}

fn sentence(random: &mut Random, words: &[String], length: usize) -> String {
    let mut out = String::new();
    for n in 0..length {
        if n > 0 {
            out.push(' ');
        }
        out.push_str(&words[random.skewed(words.len())]);
    }
    out
}

/// 10,000 articles, each in English and Russian: a title of 3 to 7 words and a body of 150 to
/// 350 words drawn from the guide's own vocabulary.
fn synthetic_documents() -> Vec<BenchDocument> {
    let vocabularies = [
        ("en", vocabulary(include_str!("../content/en/guide.toml"))),
        ("ru", vocabulary(include_str!("../content/ru/guide.toml"))),
    ];
    let mut random = Random(8);
    let mut documents = Vec::with_capacity(SYNTHETIC_ARTICLES * 2);
    for _ in 0..SYNTHETIC_ARTICLES {
        for (language, words) in &vocabularies {
            let title_words = 3 + (random.next() % 5) as usize;
            let body_words = 150 + (random.next() % 201) as usize;
            let title = sentence(&mut random, words, title_words);
            let body = (0..body_words / 12)
                .map(|_| sentence(&mut random, words, 12) + ".")
                .collect::<Vec<_>>()
                .join(" ");
            documents.push(BenchDocument {
                language: (*language).to_owned(),
                title,
                body,
            });
        }
    }
    documents
}

/// The same documents in an FTS5 table, ranked by BM25 with the title weighted as our index
/// weighs it, with a highlighted title and a snippet of about the same length as ours.
struct Fts5 {
    conn: Connection,
}

impl Fts5 {
    /// The table, or nothing (said once) when this SQLite build has no FTS5.
    fn build(documents: &[BenchDocument]) -> Option<Self> {
        let conn = Connection::open_in_memory().unwrap();
        if let Err(e) = conn.execute_batch(
            "CREATE VIRTUAL TABLE docs USING fts5(title, body, language UNINDEXED,
                 tokenize = 'unicode61 remove_diacritics 2');",
        ) {
            println!("SQLite FTS5 baseline skipped ({e}): see BENCHMARKS.md to build it in");
            return None;
        }
        let tx = conn.unchecked_transaction().unwrap();
        {
            let mut insert = tx
                .prepare("INSERT INTO docs (title, body, language) VALUES (?1, ?2, ?3)")
                .unwrap();
            for d in documents {
                insert.execute((&d.title, &d.body, &d.language)).unwrap();
            }
        }
        tx.commit().unwrap();
        Some(Self { conn })
    }

    fn search(&self, query: &str) -> usize {
        // Every word, as a quoted token: FTS5's AND of exact tokens.
        let query: String = query
            .split_whitespace()
            .map(|w| format!("\"{w}\""))
            .collect::<Vec<_>>()
            .join(" ");
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT highlight(docs, 0, '[', ']'), snippet(docs, 1, '[', ']', '…', 24)
                 FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs, 4.0, 1.0) LIMIT 30",
            )
            .unwrap();
        let rows = stmt
            .query_map([query], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
            })
            .unwrap();
        rows.count()
    }
}

fn search(c: &mut Criterion) {
    // The default pack, through the call the shells make.
    let dir = tempfile::tempdir().unwrap();
    let open = |language: &str| {
        Waymark::open(
            dir.path().join("p.sqlite").to_str().unwrap().to_owned(),
            WaymarkOptions {
                language: language.into(),
                time_zone: "Europe/Moscow".into(),
                profile_key: vec![7; 32],
            },
        )
        .unwrap()
    };
    let (en, ru) = (open("en"), open("ru"));
    let waymark = |language: &str| if language == "ru" { &ru } else { &en };
    let started = Instant::now();
    build_default_pack_index();
    println!(
        "search index build | default pack: {:.2?}",
        started.elapsed()
    );
    report(
        "default pack, Waymark::search",
        percentiles(|language, query| {
            waymark(language).search(query.to_owned()).unwrap();
        }),
    );
    let pack_documents = default_pack_documents();
    let pack_fts = Fts5::build(&pack_documents);
    if let Some(pack_fts) = &pack_fts {
        report(
            "default pack, SQLite FTS5",
            percentiles(|_, query| {
                pack_fts.search(query);
            }),
        );
    }
    c.bench_function("search: build the default pack's index", |b| {
        b.iter(build_default_pack_index)
    });
    c.bench_function("search: every query, default pack", |b| {
        b.iter(|| {
            for (language, query) in QUERIES {
                waymark(language).search((*query).to_owned()).unwrap();
            }
        })
    });
    if let Some(pack_fts) = &pack_fts {
        c.bench_function("search: every query, default pack, FTS5", |b| {
            b.iter(|| {
                for (_, query) in QUERIES {
                    pack_fts.search(query);
                }
            })
        });
    }

    // The synthetic pack.
    let documents = synthetic_documents();
    let started = Instant::now();
    let index = BenchIndex::build(&documents);
    println!(
        "search index build | synthetic pack of {SYNTHETIC_ARTICLES} articles × 2 languages: {:.2?}",
        started.elapsed()
    );
    let started = Instant::now();
    let fts = Fts5::build(&documents);
    if fts.is_some() {
        println!(
            "search index build | synthetic pack, FTS5: {:.2?}",
            started.elapsed()
        );
    }
    report(
        "synthetic pack, Waymark index",
        percentiles(|language, query| {
            index.search(query, chain(language));
        }),
    );
    if let Some(fts) = &fts {
        report(
            "synthetic pack, SQLite FTS5",
            percentiles(|_, query| {
                fts.search(query);
            }),
        );
    }
    let mut group = c.benchmark_group("search: synthetic pack");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    group.bench_function("every query", |b| {
        b.iter(|| {
            for (language, query) in QUERIES {
                index.search(query, chain(language));
            }
        })
    });
    if let Some(fts) = &fts {
        group.bench_function("every query, FTS5", |b| {
            b.iter(|| {
                for (_, query) in QUERIES {
                    fts.search(query);
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
