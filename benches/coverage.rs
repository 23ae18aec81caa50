//! One year of coverage: the example, and synthetic follow-the-sun teams of growing size
//! (sites x days) to show the cost stays linear.

#[path = "../tests/time_support/mod.rs"]
mod time_support;

use chrono::{DateTime, TimeDelta, Utc};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn start() -> DateTime<Utc> {
    time_support::at("2027-01-01T00:00:00Z")
}

fn example(c: &mut Criterion) {
    let plan = time_support::example_plan();
    let (from, to) = (start(), time_support::at("2028-01-01T00:00:00Z"));
    c.bench_function("coverage/example/365d", |b| {
        b.iter(|| oncallc::time::coverage(black_box(&plan), from, to))
    });
}

fn synthetic(c: &mut Criterion) {
    let mut group = c.benchmark_group("coverage/synthetic");
    group.sample_size(20);
    for sites in [10, 25, 50] {
        let plan = time_support::synthetic_plan(sites, 10);
        for days in [91, 182, 365] {
            if sites != 50 && days != 365 {
                continue;
            }
            let to = start() + TimeDelta::days(days);
            let id = BenchmarkId::new(format!("{sites}sites-{}people", sites * 10), days);
            group.bench_with_input(id, &plan, |b, plan| {
                b.iter(|| oncallc::time::coverage(black_box(plan), start(), to))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, example, synthetic);
criterion_main!(benches);
