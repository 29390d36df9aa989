//! Issue 9, make-up that holds for any feature page: the yardstick. Seeded feature pages
//! (`variants/generate.rs`: 1 to 12 sections, 0 to 12 photos from 3:1 to 3:4 and 640 to 4,000
//! pixels, text from 50 % to 130 % of what the page holds, with and without kicker, subtitle,
//! byline, lead, lead photo and credits) are laid out in-process and measured as a make-up
//! editor would look at them (`variants/measure.rs`). Each must come out press-ready by the
//! `Requirements` below, or be refused by preflight as overset, or — a page whose content is
//! too short to fill it, with no other defect — have every empty stack foot reported by
//! preflight's underset with exactly the lines the page shows (content cannot be invented).
//!
//! `cargo test --release --test suite variants -- --nocapture` prints the statistics. The worst
//! failing pages are written to `target/test-scratch/variants/worst/<seed>/` with their photos;
//! `cargo run --release --example variants -- out/variants 10` writes any number of them.

pub mod generate;
pub mod measure;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use banmian::project::Project;

use crate::support::repo;
use generate::Variant;
use measure::Measured;

/// Seeds 1 to this.
const VARIANTS: u64 = 200;
const THREADS: usize = 2;
/// Failing pages written out for people to look at.
const WORST: usize = 5;

/// What a press-ready page is, in one place.
pub struct Requirements {
    /// Glyphs over glyphs, rules or photos; photos over photos.
    pub collisions: usize,
    /// Ink past the trim.
    pub outside_trim: usize,
    /// Empty grid lines in one run at the foot of a stack (or above a band across stacks).
    pub max_empty_lines: usize,
    pub widows: usize,
    pub orphans: usize,
    pub stranded_heads: usize,
    /// Share of a photo cropped away, across or down.
    pub max_crop: f64,
    /// No photo under the house's warning resolution (200 ppi) unless its original is under it
    /// even at the narrowest placement, this wide (one stack: `span(stack-span)`).
    pub smallest_photo_pt: f64,
    /// Every text of the YAML on the page.
    pub all_text: bool,
    /// Preflight errors other than overset (a photo under 120 ppi, a display line that does
    /// not fit, a missing glyph).
    pub preflight_errors: usize,
}

pub const PRESS_READY: Requirements = Requirements {
    collisions: 0,
    outside_trim: 0,
    max_empty_lines: 2,
    widows: 0,
    orphans: 0,
    stranded_heads: 0,
    max_crop: 0.10,
    smallest_photo_pt: 243.0,
    all_text: true,
    preflight_errors: 0,
};

/// The kinds of defect, in the order statistics list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    BuildError,
    PreflightError,
    Collision,
    OutsideTrim,
    EmptyLines,
    Widow,
    Orphan,
    StrandedHead,
    Crop,
    LowResolution,
    MissingText,
    /// Preflight did not warn of heads side by side (撞题) the page shows, or warned of heads
    /// that are not, or did not warn of each head the make-up left low in its column.
    SideBySideUnsaid,
}

const KINDS: [Kind; 12] = [
    Kind::BuildError,
    Kind::PreflightError,
    Kind::Collision,
    Kind::OutsideTrim,
    Kind::EmptyLines,
    Kind::Widow,
    Kind::Orphan,
    Kind::StrandedHead,
    Kind::Crop,
    Kind::LowResolution,
    Kind::MissingText,
    Kind::SideBySideUnsaid,
];

impl Requirements {
    /// Every way `m` falls short, each with what was found.
    pub fn defects(&self, m: &Measured) -> Vec<(Kind, String)> {
        let mut out = Vec::new();
        let mut check = |kind: Kind, bad: bool, what: String| {
            if bad {
                out.push((kind, what));
            }
        };
        check(
            Kind::PreflightError,
            m.preflight_errors.len() > self.preflight_errors,
            m.preflight_errors.join("; "),
        );
        let findings = |f: &measure::Findings| format!("{}: {}", f.count, f.examples.join("; "));
        check(
            Kind::Collision,
            m.collisions.count > self.collisions,
            findings(&m.collisions),
        );
        check(
            Kind::OutsideTrim,
            m.outside_trim.count > self.outside_trim,
            findings(&m.outside_trim),
        );
        check(
            Kind::EmptyLines,
            m.max_empty() > self.max_empty_lines,
            format!(
                "feet of the {} stacks {:?}, runs inside (stack, line, lines) {:?}, preflight's \
                 holes (stack, lines) {:?}",
                m.stacks.len(),
                m.foot_empty,
                m.holes,
                m.preflight_holes
            ),
        );
        check(
            Kind::Widow,
            m.widows.count > self.widows,
            findings(&m.widows),
        );
        check(
            Kind::Orphan,
            m.orphans.count > self.orphans,
            findings(&m.orphans),
        );
        check(
            Kind::StrandedHead,
            m.stranded_heads.count > self.stranded_heads,
            findings(&m.stranded_heads),
        );
        check(
            Kind::Crop,
            m.max_crop() > self.max_crop + 1e-3,
            format!("{:.1} % cut off a photo", m.max_crop() * 100.0),
        );
        // Heads whose tops stand less than two lines apart share lines whatever their height;
        // heads seven lines apart or more neither share one nor touch (a head is 3 to 6 lines
        // with its air and space).
        let warned = |a: &str, b: &str| m.heads_warned.iter().any(|(l, r)| l == a && r == b);
        let unsaid: Vec<String> = m
            .head_pairs
            .iter()
            .filter(|(a, b, lines)| *lines < 2.0 && !warned(a, b))
            .map(|(a, b, lines)| format!("{a} and {b}, {lines:.1} lines apart, not warned"))
            .chain(
                m.heads_warned
                    .iter()
                    .filter(|(a, b)| !m.head_pairs.iter().any(|(l, r, _)| l == a && r == b))
                    .map(|(a, b)| format!("{a} and {b} warned, not side by side")),
            )
            .collect();
        check(
            Kind::SideBySideUnsaid,
            !unsaid.is_empty() || m.low_heads_warned != m.low_heads,
            format!(
                "{}; low heads {}, warned {}",
                unsaid.join("; "),
                m.low_heads,
                m.low_heads_warned
            ),
        );
        check(
            Kind::LowResolution,
            !m.low_resolution.is_empty(),
            format!("{:?}", m.low_resolution),
        );
        check(
            Kind::MissingText,
            self.all_text && m.missing_text.count > 0,
            findings(&m.missing_text),
        );
        out
    }
}

/// How one variant came out.
enum Outcome {
    PressReady(Measured),
    Overset(Measured),
    /// Too short to fill the page, every empty stack foot reported exactly, nothing else wrong.
    Underset(Measured),
    Failing(Option<Measured>, Vec<(Kind, String)>),
}

struct Run {
    variant: Variant,
    outcome: Outcome,
    seconds: f64,
}

fn lay_out_and_measure(project: &Project, variant: &Variant, file: &Path) -> Outcome {
    let failed = |what: String| Outcome::Failing(None, vec![(Kind::BuildError, what)]);
    let page = match project.load(file) {
        Ok(page) => page,
        Err(f) => return failed(format!("content: {f}")),
    };
    let mut world = project.world();
    let laid = match banmian::build::lay_out(&mut world, &page) {
        Ok(laid) => laid,
        Err(f) => return failed(format!("layout: {f}")),
    };
    let m = measure::measure(
        &page,
        &laid,
        &variant.texts(),
        PRESS_READY.smallest_photo_pt,
    );
    if m.overset {
        return Outcome::Overset(m);
    }
    let defects = PRESS_READY.defects(&m);
    if defects.is_empty() {
        Outcome::PressReady(m)
    } else if defects.iter().all(|(kind, _)| *kind == Kind::EmptyLines)
        && underset_reported_exactly(&laid.report, &m)
    {
        Outcome::Underset(m)
    } else {
        Outcome::Failing(Some(m), defects)
    }
}

#[test]
fn no_feature_page_has_a_collision_widow_orphan_stranded_head_heavy_crop_coarse_photo_or_lost_text()
{
    let started = Instant::now();
    let base = repo().join("target/test-scratch/variants");
    // Pages and their pooled photos persist between runs: the photos' resampled copies and
    // placements are cached by file, so a second run skips that work.
    let pages = base.join("pages");
    let images = pages.join("images");
    std::fs::create_dir_all(&images).unwrap();
    // VARIANTS_DEBUG=1 prints what was measured.
    let variants: Vec<Variant> = seeds(VARIANTS).into_iter().map(Variant::generate).collect();
    let mut pool: Vec<&generate::PhotoSpec> = variants
        .iter()
        .flat_map(|v| v.photos().into_iter().map(|p| &p.spec))
        .collect();
    pool.sort_by_key(|s| s.name());
    pool.dedup_by_key(|s| s.name());
    let next = AtomicU64::new(0);
    std::thread::scope(|scope| {
        for _ in 0..THREADS {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed) as usize;
                    let Some(spec) = pool.get(i) else { break };
                    spec.write_into(&images).expect("photo written");
                }
            });
        }
    });
    let photos_done = started.elapsed().as_secs_f64();

    let file = pages.join("v1.yaml");
    let project = Project::open(&file, Some(repo()), &[]).unwrap_or_else(|f| panic!("{f}"));
    let runs: Mutex<Vec<Run>> = Mutex::new(Vec::new());
    let next = AtomicU64::new(0);
    std::thread::scope(|scope| {
        for _ in 0..THREADS {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed) as usize;
                    let Some(variant) = variants.get(i) else {
                        break;
                    };
                    let file = pages.join(format!("v{}.yaml", variant.seed));
                    // Rewritten only when it changed: the photo placements are cached by page.
                    let yaml = variant.yaml("images");
                    if std::fs::read_to_string(&file).ok().as_deref() != Some(yaml.as_str()) {
                        std::fs::write(&file, &yaml).unwrap();
                    }
                    let at = Instant::now();
                    // A panic in the layout is this page's failure, not the run's.
                    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        lay_out_and_measure(&project, variant, &file)
                    }))
                    .unwrap_or_else(|panic| {
                        let what = panic
                            .downcast_ref::<String>()
                            .cloned()
                            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                            .unwrap_or_default();
                        Outcome::Failing(
                            None,
                            vec![(Kind::BuildError, format!("panicked: {what}"))],
                        )
                    });
                    // Typst's memo cache keeps every page's layouts: let go of old ones.
                    typst::comemo::evict(4);
                    runs.lock().unwrap().push(Run {
                        variant: variant.clone(),
                        outcome,
                        seconds: at.elapsed().as_secs_f64(),
                    });
                }
            });
        }
    });
    let mut runs = runs.into_inner().unwrap();
    runs.sort_by_key(|r| r.variant.seed);
    let runs_len = runs.len();
    let failures = report(&runs, &base, started, photos_done);
    assert!(
        failures == 0,
        "{failures} of {} variants show a gated defect (see the statistics above; worst pages in {})",
        runs_len,
        base.join("worst").display()
    );
}

/// Seeds 1 to `count`, or those VARIANTS_SEEDS lists (`VARIANTS_SEEDS=35,46`).
pub fn seeds(count: u64) -> Vec<u64> {
    match std::env::var("VARIANTS_SEEDS") {
        Ok(list) => list
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .collect(),
        Err(_) => (1..=count).collect(),
    }
}

/// Whether preflight's underset names every stack foot emptier than the house tolerance with
/// the lines the page shows there, and no empty run inside a stack (above a band) is longer
/// than the house lets pass at a foot, unless preflight names it as a hole.
fn underset_reported_exactly(report: &banmian::preflight::Report, m: &Measured) -> bool {
    let reported: Vec<(usize, u64)> = report
        .findings
        .iter()
        .filter(|f| f.check == "underset")
        .filter_map(|f| {
            Some((
                f.details["column"].as_u64()? as usize,
                f.details["lines"].as_u64()?,
            ))
        })
        .collect();
    m.holes.iter().all(|&(stack, _, lines)| {
        lines <= PRESS_READY.max_empty_lines
            || m.preflight_holes
                .iter()
                .any(|&(s, reported)| s == stack && reported + 1 >= lines)
    }) && m.foot_empty.iter().enumerate().all(|(i, &empty)| {
        let named = reported.iter().find(|(column, _)| *column == i + 1);
        match named {
            Some(&(_, lines)) => lines == empty as u64,
            None => empty <= PRESS_READY.max_empty_lines,
        }
    })
}

/// Prints the statistics, writes the worst failing pages; returns how many failed.
fn report(runs: &[Run], base: &Path, started: Instant, photos_done: f64) -> usize {
    let mut press = 0;
    let mut underset = Vec::new();
    let mut overset = Vec::new();
    let mut failing: Vec<(&Run, &Vec<(Kind, String)>)> = Vec::new();
    let mut measured: Vec<&Measured> = Vec::new();
    for run in runs {
        match &run.outcome {
            Outcome::PressReady(m) => {
                press += 1;
                measured.push(m);
            }
            Outcome::Overset(m) => overset.push((run, m.pages)),
            Outcome::Underset(m) => {
                underset.push((run, m.total_empty()));
                measured.push(m);
            }
            Outcome::Failing(m, defects) => {
                measured.extend(m.as_ref());
                failing.push((run, defects));
            }
        }
    }
    let n = runs.len();
    eprintln!("\n== variants: {n} seeded feature pages ==");
    eprintln!(
        "press-ready {press}, refused as overset {}, too short and reported as underset {}, failing {}",
        overset.len(),
        underset.len(),
        failing.len()
    );
    let seeds = |runs: &mut dyn Iterator<Item = u64>| {
        runs.take(12)
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let ready = runs
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::PressReady(_)))
        .map(|r| r.variant.seed);
    eprintln!("  press-ready: {}", seeds(&mut { ready }));
    eprintln!(
        "  overset: {}",
        seeds(&mut overset.iter().map(|(r, _)| r.variant.seed))
    );
    let fills: Vec<f64> = overset.iter().map(|(r, _)| r.variant.fill()).collect();
    if !fills.is_empty() {
        let early = fills.iter().filter(|f| **f <= 0.9).count();
        let pages = overset.iter().map(|(_, p)| *p).max().unwrap_or(0);
        eprintln!(
            "overset pages' text: {:.0} % to {:.0} % of the estimated capacity ({early} at 90 % or less); laid out on up to {pages} pages",
            fills.iter().copied().fold(f64::INFINITY, f64::min) * 100.0,
            fills.iter().copied().fold(0.0, f64::max) * 100.0,
        );
    }
    if !underset.is_empty() {
        let fills: Vec<f64> = underset.iter().map(|(r, _)| r.variant.fill()).collect();
        let full = fills.iter().filter(|f| **f >= 0.9).count();
        let mean = underset.iter().map(|(_, e)| *e).sum::<usize>() as f64 / underset.len() as f64;
        eprintln!(
            "underset pages' text: {:.0} % to {:.0} % of the estimated capacity ({full} at 90 % or more); empty lines reported per page mean {mean:.1}",
            fills.iter().copied().fold(f64::INFINITY, f64::min) * 100.0,
            fills.iter().copied().fold(0.0, f64::max) * 100.0,
        );
        // The fullest first: a page with nearly enough text is the make-up's to fill.
        let mut fullest: Vec<_> = underset.iter().collect();
        fullest.sort_by(|(a, _), (b, _)| b.variant.fill().total_cmp(&a.variant.fill()));
        eprintln!(
            "  underset, fullest first (seed: text % of capacity, empty lines): {}",
            fullest
                .iter()
                .take(12)
                .map(|(r, e)| format!("{}: {:.0} %, {e}", r.variant.seed, r.variant.fill() * 100.0))
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    if !measured.is_empty() {
        let totals: Vec<usize> = measured.iter().map(|m| m.total_empty()).collect();
        let mean = totals.iter().sum::<usize>() as f64 / totals.len() as f64;
        let max_run = measured.iter().map(|m| m.max_empty()).max().unwrap_or(0);
        let max_total = totals.iter().max().copied().unwrap_or(0);
        let max_crop = measured.iter().map(|m| m.max_crop()).fold(0.0, f64::max);
        let small = measured.iter().map(|m| m.small_originals).sum::<usize>();
        let air: Vec<u32> = measured.iter().map(|m| m.air).collect();
        eprintln!(
            "air around the title to fill the page: 1 line on {}, 2 on {} pages; every head \
             opened by a line on {} pages",
            air.iter().filter(|&&a| a == 1).count(),
            air.iter().filter(|&&a| a == 2).count(),
            measured.iter().filter(|m| m.head_air > 0).count()
        );
        let above: Vec<usize> = measured.iter().map(|m| m.photos_above_head).collect();
        eprintln!(
            "photos higher than their section's head, in a later column: {} on {} pages; \
             preflight warned of {} (those atop a column)",
            above.iter().sum::<usize>(),
            above.iter().filter(|&&n| n > 0).count(),
            measured
                .iter()
                .map(|m| m.photos_above_head_warned)
                .sum::<usize>()
        );
        let low: Vec<usize> = measured.iter().map(|m| m.low_heads).collect();
        eprintln!(
            "heads low in a column (fewer than 6 lines under them, their section running on): {} on {} pages",
            low.iter().sum::<usize>(),
            low.iter().filter(|&&n| n > 0).count()
        );
        let side_by_side: Vec<usize> = measured.iter().map(|m| m.side_by_side_heads).collect();
        let seeds: Vec<String> = runs
            .iter()
            .filter_map(|r| match &r.outcome {
                Outcome::PressReady(m) | Outcome::Underset(m) | Outcome::Failing(Some(m), _)
                    if m.side_by_side_heads > 0 =>
                {
                    Some(r.variant.seed.to_string())
                }
                _ => None,
            })
            .take(12)
            .collect();
        eprintln!(
            "heads side by side in neighbouring stacks (撞题): {} pairs on {} pages: {}; preflight warned of {} pairs",
            side_by_side.iter().sum::<usize>(),
            side_by_side.iter().filter(|&&n| n > 0).count(),
            seeds.join(" "),
            measured.iter().map(|m| m.heads_warned.len()).sum::<usize>()
        );
        let stacked: Vec<usize> = measured.iter().map(|m| m.stacked_photos).collect();
        eprintln!(
            "photos one over the other with no running text between (towers): {} pairs on {} pages",
            stacked.iter().sum::<usize>(),
            stacked.iter().filter(|&&n| n > 0).count()
        );
        let strips: Vec<usize> = measured.iter().map(|m| m.strips).collect();
        eprintln!(
            "photos one stack wide and 8 lines or less (strips): {} on {} pages",
            strips.iter().sum::<usize>(),
            strips.iter().filter(|&&n| n > 0).count()
        );
        // Only the page's last column may end short (issue 21), however little.
        let ragged: Vec<usize> = measured
            .iter()
            .map(|m| match m.foot_empty.split_last() {
                Some((_, before)) => before.iter().filter(|&&e| e > 0).count(),
                None => 0,
            })
            .collect();
        eprintln!(
            "columns other than the last ending short: {} on {} pages",
            ragged.iter().sum::<usize>(),
            ragged.iter().filter(|&&n| n > 0).count()
        );
        eprintln!(
            "pages laid out within the page ({}): empty grid lines per page mean {mean:.1}, max {max_total}; \
             most in one stack {max_run}; largest crop {:.0} %; {small} low-resolution originals let off",
            measured.len(),
            max_crop * 100.0
        );
    }
    eprintln!("defects (pages with each kind; seeds of the first few):");
    for kind in KINDS {
        let seeds: Vec<u64> = failing
            .iter()
            .filter(|(_, d)| d.iter().any(|(k, _)| *k == kind))
            .map(|(r, _)| r.variant.seed)
            .collect();
        let shown: Vec<String> = seeds.iter().take(8).map(u64::to_string).collect();
        eprintln!(
            "  {:<15} {:>4}  {}",
            format!("{kind:?}"),
            seeds.len(),
            shown.join(" ")
        );
    }
    let slowest = runs.iter().map(|r| r.seconds).fold(0.0, f64::max);
    eprintln!(
        "time: {:.1} s in all ({photos_done:.1} s writing photos), slowest page {slowest:.2} s, {THREADS} threads",
        started.elapsed().as_secs_f64()
    );

    // The worst: most kinds of defect, then most defects found.
    failing.sort_by_key(|(r, d)| {
        let weight: usize = match &r.outcome {
            Outcome::Failing(Some(m), _) => {
                m.collisions.count
                    + m.widows.count
                    + m.orphans.count
                    + m.stranded_heads.count
                    + m.total_empty()
            }
            _ => 0,
        };
        std::cmp::Reverse((d.len(), weight))
    });
    let worst = base.join("worst");
    let _ = std::fs::remove_dir_all(&worst);
    for (run, defects) in failing.iter().take(WORST) {
        let dir: PathBuf = worst.join(run.variant.seed.to_string());
        let page = run.variant.write(&dir).expect("worst page written");
        eprintln!(
            "worst: seed {} ({}) -> {}",
            run.variant.seed,
            run.variant.summary(),
            page.display()
        );
        for (kind, what) in defects.iter() {
            eprintln!("    {kind:?}: {what}");
        }
    }
    // Every kind of defect fails the run: holes too (an empty run inside a stack, or a foot
    // emptier than the house lets pass that preflight does not report as it stands).
    failing.len()
}
