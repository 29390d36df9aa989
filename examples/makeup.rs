//! Makes up a feature page from its measures alone (JSON, as `banmian` hands them to the
//! make-up), for working on the search without typst: prints the plan in words, its frames
//! with the lines each holds, and the time the solve took.
//!
//! ```sh
//! BANMIAN_DUMP_MEASURES=/tmp/m.json banmian check page.yaml   # the page's measures
//! cargo run --release --example makeup -- /tmp/m.json [more.json …]
//! ```

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
        let m: Measures = serde_json::from_str(&text).unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(2)
        });
        let start = std::time::Instant::now();
        let plan = makeup::solve(&m);
        let took = start.elapsed();
        println!("{path}: solved in {:.1} ms", took.as_secs_f64() * 1000.0);
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
