//! Makes up a page from its measures alone (JSON, as `banmian` hands them to the make-up), for
//! working on the search without typst: prints the plan in words (a feature page's frames with
//! the lines each holds, a news page's rectangles) and the time the solve took.
//!
//! ```sh
//! BANMIAN_DUMP_MEASURES=/tmp/m.json banmian check page.yaml   # the page's measures
//! cargo run --release --example makeup -- /tmp/m.json [more.json …]
//! MAKEUP_RUNS=20 cargo run --release --example makeup -- /tmp/m.json   # fastest and median
//! ```

use banmian::makeup::news::{self, NewsMeasures};
use banmian::makeup::{self, Measures};

/// The allocator `banmian` runs on (src/main.rs), so that the figures are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: makeup MEASURES.json [...]");
        std::process::exit(2);
    }
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(2)
        });
        let m: Measures = match serde_json::from_str(&text) {
            Ok(m) => m,
            Err(feature) => match serde_json::from_str::<NewsMeasures>(&text) {
                Ok(news) => {
                    solve_news(&path, &news);
                    continue;
                }
                Err(_) => {
                    eprintln!("{path}: {feature}");
                    std::process::exit(2)
                }
            },
        };
        // (Solved as often as MAKEUP_RUNS asks: a shared machine's times wander, the fastest
        // and the median of many tell more than one.)
        let runs: usize = std::env::var("MAKEUP_RUNS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(1)
            .max(1);
        let mut times = Vec::with_capacity(runs);
        let mut plan = None;
        for _ in 0..runs {
            let start = std::time::Instant::now();
            plan = Some(makeup::solve(&m));
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        let plan = plan.expect("solved at least once");
        times.sort_by(f64::total_cmp);
        if runs == 1 {
            println!("{path}: solved in {:.1} ms", times[0]);
        } else {
            println!(
                "{path}: solved {runs} times, fastest {:.1} ms, median {:.1} ms",
                times[0],
                times[runs / 2]
            );
        }
        for line in makeup::explain(&plan, |s, i| match s {
            Some(s) => format!("s{}p{}", s + 1, i),
            None => "lead".into(),
        }) {
            println!("  {line}");
        }
        println!("  tops {:?}", plan.tops);
        for (i, f) in plan.frames.iter().enumerate() {
            let used = plan.lines_in(i);
            let items: Vec<String> = plan
                .flow
                .iter()
                .filter(|it| it.frame == i)
                .map(|it| format!("{:?}{}.{}:{}", it.kind, it.section + 1, it.index, it.lines))
                .collect();
            println!(
                "  frame {i}: stack {} top {} lines {} used {used} | {}",
                f.stack + 1,
                f.top,
                f.lines,
                items.join(" ")
            );
        }
    }
}

/// A news page: its rectangles, in words, and each story's empty leg feet.
fn solve_news(path: &str, m: &NewsMeasures) {
    let start = std::time::Instant::now();
    let plan = news::solve(m);
    println!(
        "{path}: solved in {:.1} ms, {} lines empty, {} left out",
        start.elapsed().as_secs_f64() * 1000.0,
        plan.empty_lines,
        plan.left_out.len()
    );
    if std::env::var_os("NEWS_PLAN").is_some() {
        println!("{}", serde_json::to_string(&plan).unwrap_or_default());
    }
    for line in news::explain(&plan, m) {
        println!("  {line}");
    }
}
