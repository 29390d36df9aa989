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

/// The allocator `banmian` runs on (src/main.rs), so that the figures are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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

    // The press PDF's own steps: laid out with its photos separated, the PDF/X-4 conversion,
    // and the ink on its plates measured in-process (`output::ink`, which build runs beside the
    // PDF).
    press_stages(&project, &loaded)?;

    // The ink alone, again and again, on the plain page (its photos converted in memory).
    let house = &compiled.report.house;
    let mut ink_ms = Vec::new();
    let mut ink_cpu = Vec::new();
    let mut found = None;
    for _ in 0..ink_runs {
        let t = Instant::now();
        let cpu = thread_cpu_ms();
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
        ink_cpu.push(thread_cpu_ms() - cpu);
    }
    if let Some(found) = found {
        println!(
            "ink ({} ppi, {ink_runs} runs): median {:.1} ms, fastest {:.1} ms, CPU median {:.1} ms; {found}",
            house.ink_check_ppi,
            median(&mut ink_ms),
            ink_ms.first().copied().unwrap_or(f64::NAN),
            median(&mut ink_cpu)
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

/// The press PDF's steps one after another, on a world laid out for it (photos separated).
fn press_stages(project: &Project, loaded: &banmian::content::LoadedPage) -> Result<(), String> {
    let ms = |start: Instant| start.elapsed().as_secs_f64() * 1000.0;
    let mut target = output::Target::pdf(PathBuf::from("unused.pdf"));
    target.pdf_standards = vec![output::export::PDFX_4.into()];
    let mut world = project.world_for(&target);
    let t = Instant::now();
    let laid = banmian::build::lay_out(&mut world, loaded).map_err(describe)?;
    let preflight = laid
        .steps
        .iter()
        .find(|(step, _)| *step == "preflight")
        .map_or(0.0, |(_, ms)| *ms);
    let compile = ms(t) - preflight;
    let press = laid.press.clone().ok_or("no press")?;
    let standards = output::export::standards(&target.pdf_standards)?;
    let t = Instant::now();
    let pdf = output::export::pdf(&laid.document, "bench", None, standards.typst)
        .map_err(|e| format!("{e:?}"))?;
    let typst_pdf = ms(t);
    let t = Instant::now();
    let pdf = output::print_boxes::add(pdf, false)?;
    let boxes = ms(t);
    let t = Instant::now();
    let pdf = output::pdfx::convert(pdf, "bench", &press)?;
    let pdfx = ms(t);
    // The ink: first with its pictures read from the cache folder, then from memory.
    let house = &laid.report.house;
    let mut ink = [0.0; 2];
    for time in &mut ink {
        let t = Instant::now();
        let _ = output::ink::plates(&laid.document, house.ink_check_ppi, &press);
        *time = ms(t);
    }
    println!(
        "press, step by step (in-process, one after another): compile {compile:.1} ms, preflight {preflight:.1} ms, typst pdf {typst_pdf:.1} ms, boxes {boxes:.1} ms, pdf/x {pdfx:.1} ms ({} bytes); ink {:.1} ms, again {:.1} ms",
        pdf.len(),
        ink[0],
        ink[1]
    );
    Ok(())
}

/// CPU time this thread has used, in milliseconds: on a shared machine it moves less than
/// the wall clock.
fn thread_cpu_ms() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 * 1000.0 + t.tv_nsec as f64 / 1e6
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn describe(failure: Failure) -> String {
    failure.to_string()
}
