//! Writes seeded feature pages, as the variants test builds them, for people to build and look
//! at: `OUT/v<seed>/page.yaml` with its photos in `OUT/v<seed>/images/`.
//!
//! ```sh
//! cargo run --release --example variants -- out/variants 10          # seeds 1 to 10
//! cargo run --release --example variants -- out/variants 1 --from 137  # seed 137 only
//! cargo run --release --example variants -- out/variants 3 --fill 1.0 --photos 0 --sections 1
//! ./target/release/banmian build out/variants/v1/page.yaml -o /tmp/v1.pdf
//! ```
//!
//! `--fill`, `--photos`, `--sections` and `--plain` (no kicker, subtitle, byline, lead or
//! credit) override the drawn shape of every page, for calibrating what a page holds.

#[path = "../tests/suite/variants/generate.rs"]
#[allow(dead_code)]
mod generate;

use std::path::PathBuf;

use generate::{Rng, Shape, Variant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: variants OUT_DIR COUNT [--from SEED] [--fill F] [--photos N] [--sections N] [--plain]";
    let (Some(out), Some(count)) = (
        args.first(),
        args.get(1).and_then(|n| n.parse::<u64>().ok()),
    ) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let option = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .map(|v| {
                v.parse::<f64>().unwrap_or_else(|_| {
                    eprintln!("{name}: not a number: {v}\n{usage}");
                    std::process::exit(2)
                })
            })
    };
    let from = option("--from").map_or(1, |v| v as u64);
    let plain = args.iter().any(|a| a == "--plain");
    for seed in from..from + count {
        let mut shape = Shape::random(&mut Rng::new(seed));
        if let Some(fill) = option("--fill") {
            shape.fill = fill;
        }
        if let Some(photos) = option("--photos") {
            shape.photos = photos as usize;
            shape.lead_photo &= shape.photos > 0;
            shape.credit &= shape.photos > 0;
        }
        if let Some(sections) = option("--sections") {
            shape.sections = (sections as usize).max(1);
        }
        if plain {
            (shape.kicker, shape.subtitle, shape.byline, shape.lead) = (false, false, false, false);
            (shape.lead_photo, shape.credit) = (false, false);
        }
        // The same as `Variant::generate(seed)` when nothing is overridden.
        let variant = Variant::with_shape(seed, shape);
        let dir = PathBuf::from(out).join(format!("v{seed}"));
        match variant.write(&dir) {
            Ok(page) => println!("{}: {}", page.display(), variant.summary()),
            Err(err) => {
                eprintln!("cannot write {}: {err}", dir.display());
                std::process::exit(1);
            }
        }
    }
}
