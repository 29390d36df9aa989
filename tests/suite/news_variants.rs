//! Issue 11, the news page made up for any set of stories: seeded news pages (3 to 9 stories
//! whose text fills 55 % to 110 % of the page, 0 to 4 photos from 3:1 to 4:5, optional kicker,
//! subtitle, dateline, frame, photo-news item and brief column) are laid out in-process and
//! measured on the laid-out page. Each must come out press-ready — every story in a
//! rectangle, the rectangles tiling the type area with no hole, no ink collision, no leg with
//! more than 2 empty lines at its foot (preflight's underset, on each leg), no story's text
//! in another's rectangle, running text on one baseline grid, no text lost, no crop over
//! 10 % — or be reported precisely:
//! overset (each story left out named by preflight, its text absent, the rest clean) or
//! underset (the empty lines named, nothing else wrong).
//!
//! `cargo test --release --test suite news_variants -- --nocapture` prints the statistics.

use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use banmian::build::Laid;
use banmian::inspect;
use banmian::makeup::MadeUp;
use banmian::makeup::news::{NewsMeasures, NewsPlan};
use banmian::project::Project;

use crate::support::repo;
use crate::variants::generate::{self, COPIES, PhotoSpec, Rng};
use crate::variants::measure::{self, Measured, squash};

const VARIANTS: u64 = 120;

/// Heads of neighbouring stories side by side (撞题, of any size; not the lead and its 报眼 at
/// the top), and the pages with any.
static SIDE_HEADS: AtomicU64 = AtomicU64::new(0);
static SIDE_HEAD_PAGES: AtomicU64 = AtomicU64::new(0);

/// Pairs of rectangles side by side whose heads read as one (`news::heads_side_by_side`, the
/// rule preflight warns by).
fn side_heads(plan: &NewsPlan) -> u64 {
    banmian::makeup::news::heads_side_by_side(plan).len() as u64
}

/// Pages where a story's photo is larger than the lead's (the lead has one): the page's
/// hierarchy upside down.
static PHOTOS_OVER_LEAD: AtomicU64 = AtomicU64::new(0);

/// Pages whose second story (二条) starts in the page's lower half: importance reads top-down,
/// and an editor sets the 二条 beside or right under the lead.
static SECOND_LOW: AtomicU64 = AtomicU64::new(0);

fn second_low(plan: &NewsPlan, m: &NewsMeasures) -> bool {
    plan.modules
        .iter()
        .any(|module| m.stories[module.story].rank == 1 && 2 * module.line >= m.lines)
}

/// Stories set right under a lesser story (a higher rank number) in a column they share:
/// importance reads top-down, and the 二条 under a strip of the eighth story reads upside down.
static UNDER_LESSER: AtomicU64 = AtomicU64::new(0);
static SECOND_UNDER_LESSER: AtomicU64 = AtomicU64::new(0);

/// Each story set right under a lesser one: its rank and the lesser's (0-based).
fn under_lesser(plan: &NewsPlan, m: &NewsMeasures) -> Vec<(usize, usize)> {
    // Where a rectangle starts in column `c` (an L's turned columns from its step), if it
    // stands there.
    let top = |module: &banmian::makeup::news::Module, c: u32| {
        let left = module.turn.map_or(module.width, |t| t.left);
        let step = module.turn.map_or(0, |t| t.step);
        (module.column..module.column + module.width)
            .contains(&c)
            .then(|| module.line + if c < module.column + left { 0 } else { step })
    };
    let mut pairs = Vec::new();
    for b in &plan.modules {
        let rank = m.stories[b.story].rank;
        let lesser = plan
            .modules
            .iter()
            .filter(|a| m.stories[a.story].rank > rank)
            .filter(|a| {
                (b.column..b.column + b.width).any(|c| {
                    top(a, c).is_some() && top(b, c) == Some(a.line + a.lines + m.rule_lines)
                })
            })
            .map(|a| m.stories[a.story].rank)
            .max();
        pairs.extend(lesser.map(|l| (rank, l)));
    }
    pairs
}

/// Whether a story's photo is larger, in area, than the lead's (the first rectangle placed).
fn photo_over_lead(plan: &NewsPlan) -> bool {
    let area = |m: &banmian::makeup::news::Module| {
        m.photos
            .iter()
            .map(|p| p.width * p.height)
            .fold(0.0, f64::max)
    };
    let Some((lead, rest)) = plan.modules.split_first() else {
        return false;
    };
    let lead = area(lead);
    lead > 0.0 && rest.iter().any(|m| area(m) > lead + 1.0)
}

/// Rectangles of a story (not briefs, not photo news) whose legs run under five lines (a
/// leg of a few lines reads as a scrap, and a strip of them across the page as a mistake),
/// and those whose legs run over forty (the eye loses its place).
static SHORT_LEGS: AtomicU64 = AtomicU64::new(0);
static LONG_LEGS: AtomicU64 = AtomicU64::new(0);

/// Rectangles of a story whose legs' lines are as `legs` asks.
fn stories_whose_legs(
    plan: &NewsPlan,
    m: &banmian::makeup::news::NewsMeasures,
    legs: impl Fn(u32) -> bool,
) -> u64 {
    use banmian::makeup::news::StoryKind;
    plan.modules
        .iter()
        .filter(|p| m.stories[p.story].kind == StoryKind::Story && legs(p.body_lines))
        .count() as u64
}

const THREADS: usize = 2;

struct Story {
    kind: &'static str,
    kicker: Option<String>,
    headline: String,
    subtitle: Option<String>,
    dateline: bool,
    body: Vec<String>,
    photos: Vec<(PhotoSpec, String)>,
    framed: bool,
}

pub struct Page {
    seed: u64,
    stories: Vec<Story>,
    briefs: Vec<(String, String)>,
}

impl Page {
    pub fn generate(seed: u64) -> Self {
        let mut rng = Rng::new(seed * 7919 + 17);
        let n = rng.range(3, 9);
        let fill = 0.55 + rng.unit() * 0.55;
        let photo_news = n >= 4 && rng.chance(0.4);
        let framed = if rng.chance(0.3) {
            Some(rng.range(2, n - 1))
        } else {
            None
        };
        // A photo-news item always has its photo: it is counted first.
        let mut photos_left = if photo_news { 3 } else { 4 };
        let mut copy = 0;
        let mut plan = Vec::new();
        for rank in 0..n {
            let kind = if photo_news && rank == n - 1 {
                "photo"
            } else {
                "story"
            };
            let has_photo = kind == "photo"
                || photos_left > 0
                    && match (kind, rank) {
                        (_, 0) => rng.chance(0.85),
                        (_, 1) => rng.chance(0.5),
                        _ => rng.chance(0.15),
                    };
            let mut photos = Vec::new();
            if has_photo {
                photos_left -= usize::from(kind != "photo");
                copy += 1;
                let spec = PhotoSpec {
                    aspect: rng.range(0, 7),
                    resolution: rng.range(5, 8),
                    copy: (seed as usize + copy) % COPIES,
                };
                photos.push((spec, generate::paragraph(&mut rng, 20, 50)));
            }
            plan.push((kind, photos));
        }
        let weight = |rank: usize| match rank {
            0 => 3.0,
            1 => 2.0,
            _ => 1.0,
        };
        let weights: f64 = (0..n).filter(|&r| plan[r].0 == "story").map(weight).sum();
        let photo_cells: usize = plan.iter().map(|(_, p)| p.len()).sum::<usize>() * 80;
        let cells = ((8.0 * 107.0 * fill) as usize).saturating_sub(photo_cells + n * 16);
        let mut stories = Vec::new();
        for (rank, (kind, photos)) in plan.into_iter().enumerate() {
            let chars = if kind == "photo" {
                rng.range(50, 120)
            } else {
                ((cells * 13) as f64 * weight(rank) / weights) as usize
            }
            .max(60);
            let mut body = Vec::new();
            let mut got = 0;
            while got < chars {
                let p = generate::paragraph(
                    &mut rng,
                    60.min(chars - got + 20),
                    220.min(chars - got + 40),
                );
                got += p.chars().count();
                body.push(p);
            }
            stories.push(Story {
                kind,
                kicker: (rank == 0 && rng.chance(0.5)).then(|| {
                    generate::paragraph(&mut rng, 10, 16)
                        .chars()
                        .take(16)
                        .collect()
                }),
                headline: format!(
                    "{}{}",
                    rng.pick(generate::PLACES),
                    rng.pick(generate::HEAD_SECOND)
                ),
                subtitle: (rank <= 1 && rng.chance(0.2))
                    .then(|| format!("——{}", rng.pick(generate::HEAD_SECOND))),
                dateline: rng.chance(0.8),
                body,
                photos,
                framed: framed == Some(rank),
            });
        }
        let briefs = if rng.chance(0.6) {
            (0..rng.range(3, 6))
                .map(|_| {
                    (
                        rng.pick(generate::HEAD_FIRST).to_string(),
                        generate::paragraph(&mut rng, 40, 90),
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        Page {
            seed,
            stories,
            briefs,
        }
    }

    /// Writes the page's photos into `images`.
    pub fn write_photos(&self, images: &std::path::Path) {
        for story in &self.stories {
            for (spec, _) in &story.photos {
                spec.write_into(images).unwrap();
            }
        }
    }

    pub fn yaml(&self, images: &str) -> String {
        let q = |s: &str| serde_json::to_string(s).unwrap();
        let mut y = String::from(
            "template: news\nfolio:\n  paper: 变体日报\n  date: 2024-05-06\n  page: 2\n  section: 要闻\nstories:\n",
        );
        for (i, s) in self.stories.iter().enumerate() {
            writeln!(
                y,
                "  - id: s{}\n    priority: {}\n    kind: {}",
                i + 1,
                i + 1,
                s.kind
            )
            .unwrap();
            writeln!(y, "    headline: {}", q(&s.headline)).unwrap();
            if let Some(k) = &s.kicker {
                writeln!(y, "    kicker: {}", q(k)).unwrap();
            }
            if let Some(t) = &s.subtitle {
                writeln!(y, "    subtitle: {}", q(t)).unwrap();
            }
            if s.dateline {
                writeln!(y, "    dateline: 本报讯").unwrap();
            }
            writeln!(y, "    body: {}", q(&s.body.join("\n\n"))).unwrap();
            if s.framed {
                writeln!(y, "    frame: box").unwrap();
            }
            if !s.photos.is_empty() {
                writeln!(y, "    photos:").unwrap();
                for (spec, caption) in &s.photos {
                    writeln!(
                        y,
                        "      - file: {images}/{}\n        caption: {}",
                        spec.name(),
                        q(caption)
                    )
                    .unwrap();
                }
            }
        }
        if !self.briefs.is_empty() {
            y.push_str("briefs:\n  items:\n");
            for (head, body) in &self.briefs {
                writeln!(y, "    - headline: {}\n      body: {}", q(head), q(body)).unwrap();
            }
        }
        y
    }

    /// Each story's texts, by id.
    fn texts(&self) -> Vec<(String, Vec<String>)> {
        let mut out: Vec<(String, Vec<String>)> = self
            .stories
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut t = vec![s.headline.clone()];
                t.extend(s.body.iter().cloned());
                // Headlines may repeat across generated stories: bodies are what tell.
                t.remove(0);
                t.extend(s.photos.iter().map(|(_, c)| c.clone()));
                (format!("s{}", i + 1), t)
            })
            .collect();
        if !self.briefs.is_empty() {
            out.push((
                "briefs".into(),
                self.briefs
                    .iter()
                    .flat_map(|(h, b)| [h.clone(), b.clone()])
                    .collect(),
            ));
        }
        out
    }
}

/// A page's seed, its stories, how it came out, its rectangles' empty leg feet, and seconds.
type Result = (u64, usize, Outcome, Option<Vec<u32>>, f64);

enum Outcome {
    PressReady,
    Overset(usize),
    Underset(u32),
    Failing(String),
}

/// What is wrong with a laid-out page beyond what the make-up reported.
fn defects(page: &Page, laid: &Laid, plan: &NewsPlan, m: &Measured) -> Vec<String> {
    let mut out = Vec::new();
    if m.collisions.count > 0 {
        out.push(format!("collisions: {:?}", m.collisions.examples));
    }
    if m.outside_trim.count > 0 {
        out.push(format!("outside the trim: {:?}", m.outside_trim.examples));
    }
    if let Some(worst) = m.crops.iter().map(|(x, y)| x.max(*y)).reduce(f64::max)
        && worst > 0.101
    {
        out.push(format!("a photo cut {:.1} %", worst * 100.0));
    }
    // A photo set under the warning resolution must be named by preflight's warning.
    for (file, _) in &m.low_resolution {
        let warned = laid
            .report
            .findings
            .iter()
            .any(|f| f.check.starts_with("photo") && f.message.contains(file.as_str()));
        if !warned {
            out.push(format!("coarse photo {file} unreported"));
        }
    }
    let errors: Vec<&str> = laid
        .report
        .findings
        .iter()
        .filter(|f| f.severity == banmian::preflight::Severity::Error && f.check != "overset")
        .map(|f| f.message.as_str())
        .collect();
    if !errors.is_empty() {
        out.push(format!("preflight errors {errors:?}"));
    }
    // Heads side by side: preflight warns of each pair.
    for (a, b) in banmian::makeup::news::heads_side_by_side(plan) {
        let (a, b) = (&plan.modules[a].id, &plan.modules[b].id);
        let warned = laid.report.findings.iter().any(|f| {
            f.check == "heads-side-by-side" && f.details["heads"] == serde_json::json!([a, b])
        });
        if !warned {
            out.push(format!("heads of {a} and {b} side by side unreported"));
        }
    }
    // Legs: preflight measures every leg's empty foot from the ink.
    let legs: Vec<&str> = laid
        .report
        .findings
        .iter()
        .filter(|f| f.check == "underset" && f.details.get("empty-lines").is_none())
        .map(|f| f.message.as_str())
        .collect();
    if !legs.is_empty() {
        out.push(format!("legs with empty feet {legs:?}"));
    }
    // The rectangles tile: no two overlap; free lines are single rules between rectangles.
    let lines = 107usize;
    let mut cover = vec![vec![None::<usize>; lines]; 8];
    for (i, module) in plan.modules.iter().enumerate() {
        for c in module.column..module.column + module.width {
            // A story set in an L leaves the corner it turns to its neighbour.
            let from = match module.turn {
                Some(turn) if c >= module.column + turn.left => module.line + turn.step,
                _ => module.line,
            };
            for l in from..module.line + module.lines {
                match cover[c as usize].get_mut(l as usize) {
                    Some(cell @ None) => *cell = Some(i),
                    Some(Some(_)) => out.push(format!("{} overlaps at ({c}, {l})", module.id)),
                    None => out.push(format!("{} runs below the foot", module.id)),
                }
            }
        }
    }
    if plan.empty_lines == 0 {
        for (c, column) in cover.iter().enumerate() {
            for l in 0..lines {
                let free = column[l].is_none();
                let between =
                    l > 0 && l + 1 < lines && column[l - 1].is_some() && column[l + 1].is_some();
                if free && !between {
                    out.push(format!("a hole in column {} at line {}", c + 1, l + 1));
                    break;
                }
            }
        }
    }
    // Each story's text stays in its own place: no line of one story's text overlaps a line of
    // another's (a story set in an L has no one box to compare).
    let lines_of = inspect::lines_in_stories(&laid.document);
    let boxes: Vec<(&str, inspect::Area)> = lines_of
        .iter()
        .filter_map(|(line, story)| {
            let story = story.as_deref().filter(|s| *s != "folio")?;
            let area = line
                .glyphs
                .iter()
                .map(|g| inspect::glyph_area(line, g))
                .reduce(|a, b| a.union(&b))?;
            Some((story, area))
        })
        .collect();
    let mut into = std::collections::BTreeSet::new();
    for (i, (a, area_a)) in boxes.iter().enumerate() {
        for (b, area_b) in &boxes[i + 1..] {
            let (x, y) = area_a.overlap(area_b);
            if a != b && x > 0.5 && y > 0.5 {
                into.insert(format!("{a}'s text runs into {b}'s"));
            }
        }
    }
    out.extend(into);
    // One baseline grid across all legs: every line of running text (9 pt) on it.
    let house = &laid.report.house;
    if let Some((line, _)) = lines_of.iter().find(|(l, story)| {
        let steps = (l.baseline - house.grid_origin) / house.pitch;
        let running = story.as_deref().is_some_and(|s| s != "folio") && (l.size - 9.0).abs() < 0.01;
        running && (steps - steps.round()).abs() > 0.01
    }) {
        out.push(format!(
            "`{}` off the baseline grid",
            line.text().chars().take(12).collect::<String>()
        ));
    }
    // No widow or orphan where a paragraph runs from one leg into the next.
    for module in plan.modules.iter().filter(|m| m.id != "briefs") {
        let text: Vec<&inspect::Line> = lines_of
            .iter()
            .filter(|(l, s)| {
                s.as_deref() == Some(module.id.as_str()) && (l.size - 9.0).abs() < 0.01
            })
            .map(|(l, _)| l)
            .collect();
        // A paragraph's first line is indented two characters from its leg's left edge (legs
        // are a column apart: lines starting within 40 pt of each other share one).
        let opens = |l: &inspect::Line| {
            let leg_left = text
                .iter()
                .filter(|o| (o.start() - l.start()).abs() < 40.0)
                .map(|o| o.start())
                .fold(f64::INFINITY, f64::min);
            l.start() > leg_left + 9.0
        };
        for (i, pair) in text.windows(2).enumerate() {
            let (last, first) = (pair[0], pair[1]);
            if first.baseline >= last.baseline {
                continue; // the same leg
            }
            // `first` opens a new leg: the paragraph runs on if it is not indented.
            if opens(first) {
                continue;
            }
            if opens(last) {
                out.push(format!("{}: an orphan at a leg's foot", module.id));
            }
            let ends_here = text.get(i + 2).is_none_or(|next| opens(next));
            if ends_here {
                out.push(format!("{}: a widow at a leg's head", module.id));
            }
        }
    }
    // Text: every placed story's whole text on the page; a story left out, none of it.
    let all: String = lines_of.iter().map(|(l, _)| squash(&l.text())).collect();
    for (id, texts) in page.texts() {
        let left_out = plan.left_out.iter().any(|l| l.id == id);
        for text in texts {
            let here = all.contains(&squash(&text));
            if here == left_out {
                out.push(format!(
                    "{id}: `{}` {}",
                    text.chars().take(12).collect::<String>(),
                    if left_out {
                        "printed though left out"
                    } else {
                        "lost"
                    }
                ));
                break;
            }
        }
    }
    out
}

fn run(project: &Project, page: &Page, file: &std::path::Path) -> (Outcome, Option<Vec<u32>>) {
    let loaded = match project.load(file) {
        Ok(p) => p,
        Err(f) => return (Outcome::Failing(format!("content: {f}")), None),
    };
    let mut world = project.world();
    let laid = match banmian::build::lay_out(&mut world, &loaded) {
        Ok(l) => l,
        Err(f) => return (Outcome::Failing(format!("layout: {f}")), None),
    };
    let Some(MadeUp::News(plan, measures)) = &laid.plan else {
        return (Outcome::Failing("no news make-up".into()), None);
    };
    let m = measure::measure(&loaded, &laid, &[], 117.0);
    let pairs = side_heads(plan);
    SIDE_HEADS.fetch_add(pairs, Ordering::Relaxed);
    SIDE_HEAD_PAGES.fetch_add(u64::from(pairs > 0), Ordering::Relaxed);
    PHOTOS_OVER_LEAD.fetch_add(u64::from(photo_over_lead(plan)), Ordering::Relaxed);
    SECOND_LOW.fetch_add(u64::from(second_low(plan, measures)), Ordering::Relaxed);
    let under = under_lesser(plan, measures);
    UNDER_LESSER.fetch_add(under.len() as u64, Ordering::Relaxed);
    SECOND_UNDER_LESSER.fetch_add(
        under.iter().filter(|(rank, _)| *rank == 1).count() as u64,
        Ordering::Relaxed,
    );
    SHORT_LEGS.fetch_add(
        stories_whose_legs(plan, measures, |l| l < 5),
        Ordering::Relaxed,
    );
    LONG_LEGS.fetch_add(
        stories_whose_legs(plan, measures, |l| l > 40),
        Ordering::Relaxed,
    );
    let defects = defects(page, &laid, plan, &m);
    let feet = plan.modules.iter().map(|p| p.empty).collect();
    if !defects.is_empty() {
        return (Outcome::Failing(defects.join("; ")), Some(feet));
    }
    let reported = |id: &str| {
        laid.report.findings.iter().any(|f| {
            f.check == "overset"
                && f.story.as_deref() == Some(id)
                && f.details["lines"].as_u64().is_some_and(|l| l > 0)
        })
    };
    let outcome = if !plan.left_out.is_empty() {
        if plan.left_out.iter().all(|l| reported(&l.id)) {
            Outcome::Overset(plan.left_out.len())
        } else {
            Outcome::Failing(format!("left out unreported: {:?}", plan.left_out))
        }
    } else if plan.empty_lines > 0 {
        let named = laid.report.findings.iter().any(|f| {
            f.details.get("empty-lines").and_then(|v| v.as_u64())
                == Some(u64::from(plan.empty_lines))
        });
        if named {
            Outcome::Underset(plan.empty_lines)
        } else {
            Outcome::Failing(format!("{} empty lines unreported", plan.empty_lines))
        }
    } else {
        Outcome::PressReady
    };
    (outcome, Some(feet))
}

#[test]
fn every_news_page_tiles_without_holes_or_collisions_or_reports_what_to_cut() {
    let started = Instant::now();
    let base = repo().join("target/test-scratch/news-variants");
    let images = base.join("images");
    std::fs::create_dir_all(&images).unwrap();
    let pages: Vec<Page> = crate::variants::seeds(VARIANTS)
        .into_iter()
        .map(Page::generate)
        .collect();
    for page in &pages {
        page.write_photos(&images);
    }
    let file = base.join("n1.yaml");
    let project = Project::open(&file, Some(repo()), &[]).unwrap_or_else(|f| panic!("{f}"));
    let results: Mutex<Vec<Result>> = Mutex::new(Vec::new());
    let next = AtomicU64::new(0);
    std::thread::scope(|scope| {
        for _ in 0..THREADS {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed) as usize;
                    let Some(page) = pages.get(i) else { break };
                    let file = base.join(format!("n{}.yaml", page.seed));
                    let yaml = page.yaml("images");
                    if std::fs::read_to_string(&file).ok().as_deref() != Some(yaml.as_str()) {
                        std::fs::write(&file, &yaml).unwrap();
                    }
                    let at = Instant::now();
                    let (outcome, feet) =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            run(&project, page, &file)
                        }))
                        .unwrap_or_else(|_| (Outcome::Failing("panicked".into()), None));
                    typst::comemo::evict(4);
                    let n = page.stories.len();
                    results.lock().unwrap().push((
                        page.seed,
                        n,
                        outcome,
                        feet,
                        at.elapsed().as_secs_f64(),
                    ));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by_key(|r| r.0);
    let (mut ready, mut overset, mut underset, mut failing) = (0, 0, 0, Vec::new());
    let mut left_out = 0;
    let mut overset_seeds = Vec::new();
    let mut empty = Vec::new();
    for (seed, n, outcome, _, _) in &results {
        match outcome {
            Outcome::PressReady => ready += 1,
            Outcome::Overset(k) => {
                overset += 1;
                left_out += k;
                overset_seeds.push(seed);
            }
            Outcome::Underset(lines) => {
                underset += 1;
                empty.push(*lines);
            }
            Outcome::Failing(why) => failing.push(format!("seed {seed} ({n} stories): {why}")),
        }
    }
    let feet: Vec<u32> = results
        .iter()
        .filter_map(|r| r.3.clone())
        .flatten()
        .collect();
    let times: Vec<f64> = results.iter().map(|r| r.4).collect();
    let mean = times.iter().sum::<f64>() / times.len().max(1) as f64;
    let worst = times.iter().copied().fold(0.0, f64::max);
    println!(
        "news variants: {} pages in {:.1} s: {ready} press-ready, {overset} overset and reported ({left_out} stories left out; seeds {overset_seeds:?}), {underset} underset and reported (empty lines {:?}), {} failing",
        results.len(),
        started.elapsed().as_secs_f64(),
        empty,
        failing.len()
    );
    println!(
        "  rectangles: {}, empty lines at their legs' feet: mean {:.2}, max {}; layout time per page: mean {mean:.2} s, max {worst:.2} s",
        feet.len(),
        feet.iter().sum::<u32>() as f64 / feet.len().max(1) as f64,
        feet.iter().max().unwrap_or(&0)
    );
    println!(
        "  heads side by side but the lead's and its 报眼 (撞题, any size): {} pairs on {} pages",
        SIDE_HEADS.load(Ordering::Relaxed),
        SIDE_HEAD_PAGES.load(Ordering::Relaxed)
    );
    println!(
        "  pages with a story's photo larger than the lead's: {}",
        PHOTOS_OVER_LEAD.load(Ordering::Relaxed)
    );
    println!(
        "  pages with the second story (二条) in the lower half: {}",
        SECOND_LOW.load(Ordering::Relaxed)
    );
    println!(
        "  stories set right under a lesser one: {}, of which the 二条: {}",
        UNDER_LESSER.load(Ordering::Relaxed),
        SECOND_UNDER_LESSER.load(Ordering::Relaxed)
    );
    println!(
        "  stories in legs under five lines: {}; over forty: {}",
        SHORT_LEGS.load(Ordering::Relaxed),
        LONG_LEGS.load(Ordering::Relaxed)
    );
    for f in &failing {
        println!("  FAILING {f}");
    }
    assert!(
        failing.is_empty(),
        "{} of {} news pages failing",
        failing.len(),
        results.len()
    );
}
