//! In-process timings of one page's build, stage by stage, and of warm rebuilds in one
//! long-lived world (what `banmian watch` does after an edit). Used by `bench/run.sh`.
//!
//!     cargo run --release --example bench -- [PAGE.yaml] [--edits N] [--ink-runs N] [--json OUT.json]
//!
//! `--json` also writes the page's data as the template sees it, for compiling the same page
//! with the typst CLI.

use std::path::{Path, PathBuf};
use std::time::Instant;

use banmian::failure::Failure;
use banmian::output;
use banmian::project::{Project, SAMPLE_PAGE};

fn main() {
    let mut page = PathBuf::from(SAMPLE_PAGE);
    let mut edits = 9;
    let mut json = None;
    let mut ink_runs = 5;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--edits" => edits = args.next().and_then(|n| n.parse().ok()).expect("--edits N"),
            "--ink-runs" => {
                ink_runs = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--ink-runs N")
            }
            "--json" => json = Some(PathBuf::from(args.next().expect("--json OUT.json"))),
            _ => page = PathBuf::from(arg),
        }
    }
    if let Err(err) = run(&page, edits, json, ink_runs) {
        eprintln!("bench failed: {err}");
        std::process::exit(1);
    }
}

fn run(page: &Path, edits: usize, json: Option<PathBuf>, ink_runs: usize) -> Result<(), String> {
    let ms = |start: Instant| start.elapsed().as_secs_f64() * 1000.0;
    let total = Instant::now();

    let t = Instant::now();
    let project = Project::open(page, None, &[]).map_err(describe)?;
    let fonts = ms(t);

    let t = Instant::now();
    let mut loaded = project.load(page).map_err(describe)?;
    let yaml = ms(t);

    let mut world = project.world();
    let pdf_target = output::Target::pdf(PathBuf::from("unused.pdf"));
    let t = Instant::now();
    let compiled = banmian::build::lay_out(&mut world, &loaded).map_err(describe)?;
    let compile = ms(t);

    let t = Instant::now();
    banmian::build::export::to_pdf(&loaded, &compiled.document, &pdf_target, None)
        .map_err(describe)?;
    let pdf = ms(t);
    println!(
        "cold (in-process): fonts {fonts:.1} ms, yaml {yaml:.1} ms, compile {compile:.1} ms, pdf {pdf:.1} ms, total {:.1} ms",
        ms(total)
    );

    // The press PDF's own steps on the same laid-out page: the PDF/X-4 conversion, and the ink
    // on its plates measured in-process (`output::ink`, which build runs beside the PDF).
    let house = &compiled.report.house;
    let mut ink_ms = Vec::new();
    let mut found = None;
    for _ in 0..ink_runs {
        let t = Instant::now();
        found = Some(
            output::ink::measure(
                &compiled.document,
                house.ink_check_ppi,
                house.ink_limit,
                &banmian::engine::press::Press::newsprint(),
            )
            .map_err(|e| format!("ink: {e}"))?,
        );
        ink_ms.push(ms(t));
    }
    if let Some(found) = found {
        println!(
            "ink ({} ppi, {ink_runs} runs, median): {:.1} ms; {found}",
            house.ink_check_ppi,
            median(&mut ink_ms)
        );
    }

    if let Some(path) = json {
        // The data as served for the final layout: the page and its make-up plan, so the typst
        // CLI draws the same page without banmian's solver.
        let data = world
            .served(banmian::engine::world::DATA_PATH)
            .ok_or("no page data served")?;
        std::fs::write(&path, data.as_slice()).map_err(|e| format!("{}: {e}", path.display()))?;
    }

    // Warm: change one body paragraph each time (a different text every edit, so no edit is a
    // cache hit by accident), then lay out and export again in the same world.
    let original = loaded
        .view
        .sections
        .first()
        .and_then(|s| s.body.first())
        .cloned()
        .ok_or("the page has no body paragraph to edit")?;
    let mut compile_ms = Vec::new();
    let mut rebuild_ms = Vec::new();
    for edit in 0..edits {
        loaded.view.sections[0].body[0] = format!("{original}（第{}次修改）", edit + 1);
        let t = Instant::now();
        let compiled = banmian::build::lay_out(&mut world, &loaded).map_err(describe)?;
        compile_ms.push(ms(t));
        banmian::build::export::to_pdf(&loaded, &compiled.document, &pdf_target, None)
            .map_err(describe)?;
        rebuild_ms.push(ms(t));
        typst::comemo::evict(10);
    }
    println!(
        "warm ({edits} edits, median): compile {:.1} ms, compile + pdf {:.1} ms",
        median(&mut compile_ms),
        median(&mut rebuild_ms)
    );
    Ok(())
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn describe(failure: Failure) -> String {
    failure.to_string()
}
