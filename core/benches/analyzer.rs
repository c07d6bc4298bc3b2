//! How fast the ad-text analyzer reads an ad. Target: a long ad well under 10 ms on a phone, so
//! the result can follow each paste at once; the labelled set shows the spread over real ads.

use criterion::{Criterion, criterion_group, criterion_main};
use serde::Deserialize;
use waymark_core::{Waymark, WaymarkOptions};

#[derive(Deserialize)]
struct AdsFile {
    ad: Vec<Ad>,
}

#[derive(Deserialize)]
struct Ad {
    text: String,
}

fn analyzer(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let waymark = Waymark::open(
        dir.path().join("p.sqlite").to_str().unwrap().to_owned(),
        WaymarkOptions {
            language: "ru".into(),
            time_zone: "Europe/Moscow".into(),
            profile_key: vec![7; 32],
        },
    )
    .unwrap();
    let ads: AdsFile = toml::from_str(include_str!("../tests/data/ads.toml")).unwrap();
    let longest = ads
        .ad
        .iter()
        .max_by_key(|a| a.text.chars().count())
        .unwrap()
        .text
        .clone();
    c.bench_function("analyze the longest labelled ad", |b| {
        b.iter(|| waymark.analyze_ad(longest.clone()).unwrap())
    });
    // Ten ads pasted as one text of about 4000 characters.
    let long: String = ads.ad.iter().take(10).map(|a| a.text.as_str()).collect();
    c.bench_function("analyze ten ads pasted together", |b| {
        b.iter(|| waymark.analyze_ad(long.clone()).unwrap())
    });
    c.bench_function("analyze every labelled ad", |b| {
        b.iter(|| {
            for ad in &ads.ad {
                waymark.analyze_ad(ad.text.clone()).unwrap();
            }
        })
    });
}

criterion_group!(benches, analyzer);
criterion_main!(benches);
