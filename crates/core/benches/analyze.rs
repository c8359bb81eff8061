//! `./build.sh bench` (native part): analyser construction and analysis time for realistic drafts of
//! 280 characters (an X post), 3,000 and 63,206 (Facebook's limit), with and without findings, built
//! from the development corpus. Prints a table; asserts nothing (figures vary by machine).

#![allow(clippy::print_stdout, clippy::expect_used)] // a benchmark's job is to print; bad setup should stop it

use postguard_core::{Analyzer, Policy};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Draft lengths measured, in characters.
const SIZES: [usize; 3] = [280, 3_000, 63_206];

/// Time spent measuring each case (after warm-up).
const BUDGET: Duration = Duration::from_millis(1_500);

fn main() {
    let (risky, benign) = corpus();
    let t = Instant::now();
    let analyzer = Analyzer::new(Policy::default()).expect("default policy builds");
    let first = t.elapsed();
    let construction = sample(|| drop(black_box(Analyzer::new(Policy::default()))), 30);

    println!("postguard-core native benchmark ({} {})", std::env::consts::ARCH, std::env::consts::OS);
    println!(
        "analyser construction: first {:.2} ms, median {:.2} ms, p95 {:.2} ms\n",
        ms(first),
        ms(construction.median()),
        ms(construction.p95())
    );
    println!(
        "{:<10} {:>8} {:>9} {:>11} {:>11} {:>10} {:>10} {:>9}",
        "text", "chars", "findings", "median ms", "p95 ms", "MB/s", "µs per KB", "runs"
    );
    let mut results = Vec::new();
    for (label, source) in [("risky", &risky), ("benign", &benign)] {
        for chars in SIZES {
            let text = draft(source, chars);
            let findings = analyzer.analyze(&text).len();
            let s = sample_for(|| drop(black_box(analyzer.analyze(black_box(&text)))));
            let secs = s.median().as_secs_f64();
            results.push(serde_json::json!({
                "text": label, "chars": chars, "findings": findings,
                "median_ms": ms(s.median()), "p95_ms": ms(s.p95()), "bytes": text.len(),
            }));
            println!(
                "{:<10} {:>8} {:>9} {:>11.4} {:>11.4} {:>10.1} {:>10.2} {:>9}",
                label,
                text.chars().count(),
                findings,
                ms(s.median()),
                ms(s.p95()),
                text.len() as f64 / secs / 1e6,
                secs * 1e6 / (text.len() as f64 / 1024.0),
                s.0.len()
            );
        }
    }
    // The same 3,000 characters repeated to 63,206: the content is fixed, so any growth in time per KB
    // is the cost of length itself (the rows above also change content with length).
    let repeated: String = draft(&risky, 3_000).repeat(21);
    let s = sample_for(|| drop(black_box(analyzer.analyze(black_box(&repeated)))));
    let per_kb = s.median().as_secs_f64() * 1e6 / (repeated.len() as f64 / 1024.0);
    println!(
        "{:<10} {:>8} {:>9} {:>11.4} {:>11.4} {:>10.1} {:>10.2} {:>9}   (the risky 3,000 repeated: linearity)",
        "repeated",
        repeated.chars().count(),
        analyzer.analyze(&repeated).len(),
        ms(s.median()),
        ms(s.p95()),
        repeated.len() as f64 / s.median().as_secs_f64() / 1e6,
        per_kb,
        s.0.len()
    );
    results.push(serde_json::json!({
        "text": "repeated", "chars": repeated.chars().count(), "median_ms": ms(s.median()), "p95_ms": ms(s.p95()),
        "bytes": repeated.len(),
    }));
    breakdown(&draft(&risky, SIZES[2]));

    let summary = serde_json::json!({
        "engine": "postguard native",
        "construction_ms": ms(construction.median()),
        "first_construction_ms": ms(first),
        "cases": results,
    });
    write_results("native", &summary);
}

/// Where the time of one analysis goes, stage by stage and detector by detector, so the next
/// optimisation starts from a measurement (docs/performance.md).
fn breakdown(text: &str) {
    use postguard_core::context::ContextIndex;
    use postguard_core::detectors::{self, Input};
    use postguard_core::normalize::Normalized;
    let total = sample_for(|| drop(black_box(Analyzer::new(Policy::default()).expect("builds").analyze(text))));
    let norm = Normalized::new(text);
    let index = ContextIndex::shipped().expect("vocabulary");
    let context = index.find(norm.as_str());
    let input = Input { text: norm.as_str(), context: &context };
    let mut rows = vec![
        ("normalise".to_string(), sample_for(|| drop(black_box(Normalized::new(black_box(text))))).median()),
        (
            "vocabulary (all word lists)".to_string(),
            sample_for(|| drop(black_box(index.find(black_box(norm.as_str()))))).median(),
        ),
    ];
    for d in detectors::build(&Policy::default()).expect("detectors build") {
        let name = format!("{d:?}").split([' ', '{', '(']).next().unwrap_or_default().to_string();
        let t = sample_for(|| {
            let mut out = Vec::new();
            d.detect(black_box(&input), &mut out);
            black_box(out);
        });
        rows.push((name, t.median()));
    }
    let staged: Duration = rows.iter().map(|r| r.1).sum();
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    println!(
        "\nwhere the time goes (risky, {} chars; median ms; the whole analysis {:.3} ms incl. construction):",
        text.chars().count(),
        ms(total.median())
    );
    for (name, t) in rows.iter().take(12) {
        println!("  {:<30} {:>8.3}  {:>5.1} %", name, ms(*t), 100.0 * t.as_secs_f64() / staged.as_secs_f64());
    }
    println!("  {:<30} {:>8.3}", "(other detectors)", ms(rows.iter().skip(12).map(|r| r.1).sum()));
}

/// Saves figures for `tests/bench/summary.mjs`, which prints them side by side with the baselines.
fn write_results(name: &str, value: &serde_json::Value) {
    let dir = std::env::var_os("POSTGUARD_BENCH_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench"));
    std::fs::create_dir_all(&dir).expect("bench output folder");
    std::fs::write(dir.join(format!("{name}.json")), value.to_string()).expect("bench output file");
}

/// Sorted durations of repeated runs.
struct Samples(Vec<Duration>);

impl Samples {
    fn median(&self) -> Duration {
        self.0[self.0.len() / 2]
    }
    fn p95(&self) -> Duration {
        self.0[(self.0.len() * 95 / 100).min(self.0.len() - 1)]
    }
}

fn sample(mut f: impl FnMut(), runs: usize) -> Samples {
    let mut v: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    Samples(v)
}

/// Runs `f` for about [`BUDGET`] after a short warm-up (at least 20 runs).
fn sample_for(mut f: impl FnMut()) -> Samples {
    let warm = Instant::now();
    while warm.elapsed() < BUDGET / 10 {
        f();
    }
    let mut v = Vec::new();
    let start = Instant::now();
    while start.elapsed() < BUDGET || v.len() < 20 {
        let t = Instant::now();
        f();
        v.push(t.elapsed());
    }
    v.sort();
    Samples(v)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Corpus posts with and without expected findings.
fn corpus() -> (Vec<String>, Vec<String>) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let (mut risky, mut benign) = (Vec::new(), Vec::new());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    for file in files {
        for line in std::fs::read_to_string(&file).expect("corpus file").lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            let text = v["text"].as_str().unwrap_or_default().to_string();
            match v["expect"].as_array().map(Vec::is_empty) {
                Some(true) => benign.push(text),
                Some(false) => risky.push(text),
                None => {}
            }
        }
    }
    (risky, benign)
}

/// Joins posts into one draft of exactly `chars` characters.
fn draft(posts: &[String], chars: usize) -> String {
    let mut out = String::new();
    for post in posts.iter().cycle() {
        if out.chars().count() >= chars {
            break;
        }
        out.push_str(post);
        out.push_str("\n\n");
    }
    out.chars().take(chars).collect()
}
