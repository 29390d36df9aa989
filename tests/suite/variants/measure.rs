//! What a make-up editor sees on a laid-out page, measured on the document: ink that collides,
//! empty grid lines at the feet of the stacks, widows, orphans and stranded heads, how much of
//! each photo is cropped away, photos enlarged past their resolution, text that is missing.

use std::collections::BTreeMap;

use banmian::build::Laid;
use banmian::content::LoadedPage;
use banmian::inspect::{self, Area, Line, ShapeKind};
use banmian::preflight::Severity;
use banmian::template::{self as marks, House};

/// Overlap that counts as a collision, pt (less is rounding, or glyphs that only touch).
const TOUCH: f64 = 0.5;
/// The most examples kept of each finding.
const EXAMPLES: usize = 4;

/// One page, measured.
#[derive(Debug, Default, Clone)]
pub struct Measured {
    pub pages: usize,
    /// Preflight reported text that did not fit.
    pub overset: bool,
    /// Preflight errors other than overset (`check: message`).
    pub preflight_errors: Vec<String>,
    pub collisions: Findings,
    pub outside_trim: Findings,
    /// The stacks (columns) of the body area found, left to right.
    pub stacks: Vec<(f64, f64)>,
    /// Empty grid lines at the foot of each stack.
    pub foot_empty: Vec<usize>,
    /// Empty runs inside a stack: above a photo or band that spans stacks (a column foot too),
    /// or of two lines or more anywhere. (stack, first empty line, lines).
    pub holes: Vec<(usize, usize, usize)>,
    /// Holes preflight found, the ones the runs above do not look for among them (in the
    /// lead's band over the body, beside its photo): (stack, lines). The gate's `max_empty`
    /// counts them; `total_empty` does not (the runs both see would count twice).
    pub preflight_holes: Vec<(usize, usize)>,
    pub widows: Findings,
    pub orphans: Findings,
    pub stranded_heads: Findings,
    /// (across, down) share cut off each photo.
    pub crops: Vec<(f64, f64)>,
    /// Photos under the warning resolution whose original would have been good enough at the
    /// smallest placement: (file, ppi).
    pub low_resolution: Vec<(String, f64)>,
    /// Photos under the warning resolution whose original is too small for any placement.
    pub small_originals: usize,
    /// Texts of the YAML not found on the page.
    pub missing_text: Findings,
    /// Pairs of photos one over the other in a stack with no line of running text between
    /// (captions only): what a make-up editor calls a tower.
    pub stacked_photos: usize,
    /// Photos one stack wide and no more than 8 grid lines tall: strips, not pictures.
    pub strips: usize,
    /// Pairs of section heads in neighbouring stacks less than three grid lines apart: they
    /// read as one line across (撞题).
    pub side_by_side_heads: usize,
    /// Every pair of section heads in neighbouring stacks less than seven grid lines apart,
    /// top to top: the heads' stories and the lines between their tops.
    pub head_pairs: Vec<(String, String, f64)>,
    /// The pairs of heads preflight warned of as side by side (`heads-side-by-side`).
    pub heads_warned: Vec<(String, String)>,
    /// Heads preflight warned of as low in their column (`low-head`).
    pub low_heads_warned: usize,
    /// Photos atop a column higher than their head that preflight warned of.
    pub photos_above_head_warned: usize,
    /// Grid lines of air the make-up gave the title to fill the page.
    pub air: u32,
    /// Grid lines the make-up opened every section head by to fill the page.
    pub head_air: u32,
    /// Photos in a column standing higher than their section's head in an earlier column
    /// (from the plan): they read with the section beside them.
    pub photos_above_head: usize,
    /// Heads low in a column: their section runs on into the next column after fewer than 6
    /// lines under them (from the plan).
    pub low_heads: usize,
}

/// A count and a few examples.
#[derive(Debug, Default, Clone)]
pub struct Findings {
    pub count: usize,
    pub examples: Vec<String>,
}

impl Findings {
    fn add(&mut self, example: impl FnOnce() -> String) {
        self.count += 1;
        if self.examples.len() < EXAMPLES {
            self.examples.push(example());
        }
    }
}

impl Measured {
    /// The most empty lines in one run (at a foot or inside a stack).
    pub fn max_empty(&self) -> usize {
        let holes = self
            .holes
            .iter()
            .map(|h| h.2)
            .chain(self.preflight_holes.iter().map(|h| h.1));
        self.foot_empty
            .iter()
            .copied()
            .chain(holes)
            .max()
            .unwrap_or(0)
    }

    /// Empty lines in all, feet and holes.
    pub fn total_empty(&self) -> usize {
        self.foot_empty.iter().sum::<usize>() + self.holes.iter().map(|h| h.2).sum::<usize>()
    }

    /// The most cut off any photo, across or down.
    pub fn max_crop(&self) -> f64 {
        self.crops.iter().map(|c| c.0.max(c.1)).fold(0.0, f64::max)
    }
}

/// Text without whitespace or the word joiners the layout adds.
pub fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{2060}')
        .collect()
}

fn excerpt(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 14 {
        text.to_string()
    } else {
        format!("{}…", chars[..12].iter().collect::<String>())
    }
}

/// Measures a laid-out page. `smallest_photo_pt`: the narrowest width the house places a photo
/// at (a photo whose original is under the warning resolution even there is let off).
pub fn measure(
    page: &LoadedPage,
    laid: &Laid,
    texts: &[String],
    smallest_photo_pt: f64,
) -> Measured {
    let report = &laid.report;
    let house = &report.house;
    let document = &laid.document;
    let mut m = Measured {
        pages: document.pages().len(),
        overset: report.findings.iter().any(|f| f.check == "overset") || report.pages > house.pages,
        preflight_errors: report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error && f.check != "overset")
            .map(|f| format!("{}: {}", f.check, f.message))
            .collect(),
        preflight_holes: report
            .findings
            .iter()
            .filter(|f| f.check == "hole")
            .filter_map(|f| {
                Some((
                    f.details["column"].as_u64()? as usize - 1,
                    f.details["lines"].as_u64()? as usize,
                ))
            })
            .collect(),
        low_heads_warned: report
            .findings
            .iter()
            .filter(|f| f.check == "low-head")
            .count(),
        photos_above_head_warned: report
            .findings
            .iter()
            .filter(|f| f.check == "photo-above-head")
            .count(),
        heads_warned: report
            .findings
            .iter()
            .filter(|f| f.check == "heads-side-by-side")
            .filter_map(|f| {
                let heads = f.details["heads"].as_array()?;
                Some((heads[0].as_str()?.into(), heads[1].as_str()?.into()))
            })
            .collect(),
        air: match &laid.plan {
            Some(banmian::makeup::MadeUp::Feature(plan)) => plan.air,
            _ => 0,
        },
        head_air: match &laid.plan {
            Some(banmian::makeup::MadeUp::Feature(plan)) => plan.head_air,
            _ => 0,
        },
        photos_above_head: match &laid.plan {
            Some(banmian::makeup::MadeUp::Feature(plan)) => photos_above_head(plan),
            _ => 0,
        },
        low_heads: match &laid.plan {
            Some(banmian::makeup::MadeUp::Feature(plan)) => low_heads(plan),
            _ => 0,
        },
        ..Measured::default()
    };

    let lines: Vec<(Line, Option<String>)> = inspect::lines_in_stories(document);
    let images = inspect::images(document);
    let shapes = inspect::shapes(document);
    let trims = inspect::trim_boxes(document);

    collisions(&mut m, &lines, &images, &shapes, &trims);

    // Resolution: the report has each photo's effective resolution and original size.
    for photo in &report.photos {
        if photo.ppi >= house.photo_warn_ppi {
            continue;
        }
        let best = f64::from(photo.original_pixels.0) / (smallest_photo_pt / 72.0);
        if best < house.photo_warn_ppi {
            m.small_originals += 1;
        } else {
            let file = photo.src.rsplit('/').next().unwrap_or(&photo.src);
            m.low_resolution.push((file.to_string(), photo.ppi));
        }
    }
    m.crops = images
        .iter()
        .filter(|i| i.page == 1)
        .map(|i| i.crop())
        .collect();

    // Everything the editor wrote, in the page's text in the order typst set it.
    let all: String = lines.iter().map(|(l, _)| squash(&l.text())).collect();
    for text in texts {
        let want = squash(text);
        if !want.is_empty() && !all.contains(&want) {
            m.missing_text.add(|| excerpt(text));
        }
    }

    // The feature's stacks; a news page's legs are judged by its own test (news_variants).
    if page.view.stories.is_empty() {
        make_up(&mut m, page, laid, house, &lines, &images, &shapes);
    }
    m
}

/// Space a photo keeps under a rule over it, pt.
const RULE_CLEAR: f64 = 3.0;

/// Glyphs over glyphs, rules or pictures; pictures over pictures or crowding a rule over
/// them; anything past the trim.
fn collisions(
    m: &mut Measured,
    lines: &[(Line, Option<String>)],
    images: &[inspect::PlacedImage],
    shapes: &[inspect::PlacedShape],
    trims: &[Area],
) {
    let boxes: Vec<Vec<Area>> = lines
        .iter()
        .map(|(l, _)| l.glyphs.iter().map(|g| inspect::glyph_area(l, g)).collect())
        .collect();
    let bounds: Vec<Option<Area>> = boxes
        .iter()
        .map(|b| b.iter().copied().reduce(|a, b| a.union(&b)))
        .collect();
    let hit = |a: &Area, b: &Area, min: (f64, f64)| {
        let (x, y) = a.overlap(b);
        x > min.0 && y > min.1
    };
    let text = |i: usize| excerpt(&lines[i].0.text());
    for i in 0..lines.len() {
        let Some(bi) = bounds[i] else { continue };
        let page = lines[i].0.page;
        // Within a line: a glyph drawn over the one before it.
        for (k, pair) in boxes[i].windows(2).enumerate() {
            if pair[0].x1 - pair[1].x0 > 1.0 {
                m.collisions.add(|| {
                    format!(
                        "`{}` over `{}` in `{}`",
                        lines[i].0.glyphs[k + 1].text,
                        lines[i].0.glyphs[k].text,
                        text(i)
                    )
                });
                break;
            }
        }
        for j in i + 1..lines.len() {
            let Some(bj) = bounds[j] else { continue };
            if lines[j].0.page != page || !hit(&bi, &bj, (TOUCH, TOUCH)) {
                continue;
            }
            let clash = boxes[i]
                .iter()
                .any(|a| boxes[j].iter().any(|b| hit(a, b, (TOUCH, TOUCH))));
            if clash {
                m.collisions.add(|| {
                    format!(
                        "text `{}` over text `{}` at y {:.1}",
                        text(i),
                        text(j),
                        bi.y0
                    )
                });
            }
        }
        for image in images.iter().filter(|im| im.page == page) {
            let Some(v) = image.visible else { continue };
            if hit(&bi, &v, (TOUCH, TOUCH)) && boxes[i].iter().any(|a| hit(a, &v, (TOUCH, TOUCH))) {
                m.collisions
                    .add(|| format!("text `{}` over a photo at y {:.1}", text(i), v.y0));
            }
        }
        for shape in shapes.iter().filter(|s| s.page == page) {
            let s = &shape.area;
            let clash = match shape.kind {
                ShapeKind::Rule => boxes[i].iter().any(|a| hit(a, s, (TOUCH, 0.05))),
                // Text on a filled area is meant (a numeral in its square); text half on it is not.
                ShapeKind::Fill => boxes[i]
                    .iter()
                    .any(|a| hit(a, s, (TOUCH, TOUCH)) && !s.contains(a, TOUCH)),
                ShapeKind::Outline => false,
            };
            if clash {
                m.collisions.add(|| {
                    format!(
                        "text `{}` over a {:?} at y {:.1}",
                        text(i),
                        shape.kind,
                        s.y0
                    )
                });
            }
        }
        if let Some(trim) = trims.get(page - 1)
            && !trim.contains(&bi, TOUCH)
        {
            m.outside_trim.add(|| {
                format!(
                    "text `{}` past the trim at ({:.1}, {:.1})",
                    text(i),
                    bi.x0,
                    bi.y0
                )
            });
        }
    }
    // A photo right under a rule across it, closer than the rule stands to what is over it
    // (half the gap under a block, 2 pt): the two read as touching.
    for image in images {
        let Some(v) = image.visible else { continue };
        let crowded = shapes.iter().filter(|s| s.page == image.page).find(|s| {
            let r = &s.area;
            matches!(s.kind, ShapeKind::Rule)
                && r.height() < 2.0
                && r.x1.min(v.x1) - r.x0.max(v.x0) > 5.0
                && r.y1 <= v.y0 + 0.5
                && v.y0 - r.y1 < RULE_CLEAR
        });
        if let Some(rule) = crowded {
            let r = &rule.area;
            m.collisions.add(|| {
                format!(
                    "a photo ({:.1}–{:.1}) within {RULE_CLEAR} pt under a rule ({:.1}–{:.1} at y {:.1}) at y {:.1}",
                    v.x0, v.x1, r.x0, r.x1, r.y1, v.y0
                )
            });
        }
    }
    for (a, first) in images.iter().enumerate() {
        let Some(va) = first.visible else { continue };
        for second in &images[a + 1..] {
            let Some(vb) = second.visible else { continue };
            if first.page == second.page && hit(&va, &vb, (TOUCH, TOUCH)) {
                m.collisions
                    .add(|| format!("two photos overlap at ({:.1}, {:.1})", vb.x0, vb.y0));
            }
        }
        if let Some(trim) = trims.get(first.page - 1)
            && !trim.contains(&va, TOUCH)
        {
            m.outside_trim
                .add(|| format!("a photo past the trim at ({:.1}, {:.1})", va.x0, va.y0));
        }
    }
    for shape in shapes {
        if let Some(trim) = trims.get(shape.page - 1)
            && !trim.contains(&shape.area, TOUCH)
        {
            m.outside_trim.add(|| {
                format!(
                    "a {:?} past the trim at ({:.1}, {:.1})",
                    shape.kind, shape.area.x0, shape.area.y0
                )
            });
        }
    }
}

/// The body area's stacks, their empty lines, and where paragraphs and heads break.
#[allow(clippy::too_many_arguments)]
fn make_up(
    m: &mut Measured,
    page: &LoadedPage,
    laid: &Laid,
    house: &House,
    lines: &[(Line, Option<String>)],
    images: &[inspect::PlacedImage],
    shapes: &[inspect::PlacedShape],
) {
    let document = &laid.document;
    let body_family = page
        .manifest
        .roles
        .get("body")
        .and_then(|font| house.fonts.get(font))
        .and_then(|f| f.first())
        .cloned()
        .unwrap_or_else(|| "Noto Serif CJK SC".into());
    // The body size: the size most glyphs of the body's family are set in.
    let mut sizes: BTreeMap<i64, usize> = BTreeMap::new();
    for (l, _) in lines.iter().filter(|(l, _)| l.family == body_family) {
        *sizes.entry((l.size * 100.0).round() as i64).or_default() += l.glyphs.len();
    }
    let Some(body_size) = sizes
        .iter()
        .max_by_key(|(_, n)| **n)
        .map(|(s, _)| *s as f64 / 100.0)
    else {
        return;
    };
    let heads: Vec<marks::StoryMark> = marks::stories(document)
        .into_iter()
        .filter(|s| s.start && s.page == 1 && s.story.starts_with("section-"))
        .collect();
    // The body: the sections' lines of the body's face and size; its area starts at the first
    // section's head or the first body line, whichever is higher.
    let body: Vec<(&Line, Option<&str>)> = lines
        .iter()
        .filter(|(l, story)| {
            l.page == 1
                && l.family == body_family
                && (l.size - body_size).abs() < 0.01
                && story.as_deref().is_some_and(|s| s.starts_with("section-"))
        })
        .map(|(l, s)| (l, s.as_deref()))
        .collect();
    let Some(body_top) = heads
        .iter()
        .map(|h| h.at.y.to_pt())
        .chain(body.iter().map(|(l, _)| l.baseline - 0.88 * l.size))
        .reduce(f64::min)
    else {
        return;
    };

    // Stacks: the x-extents of the body lines, merged where they overlap; then, if they sit on
    // a regular grid across the type area (the folio's rule spans it), every stack of that
    // grid, the empty ones too.
    let mut spans: Vec<(f64, f64)> = body.iter().map(|(l, _)| (l.start(), l.end())).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut clusters: Vec<(f64, f64)> = Vec::new();
    for (x0, x1) in spans {
        match clusters.last_mut() {
            Some(c) if x0 <= c.1 + 1.0 => c.1 = c.1.max(x1),
            _ => clusters.push((x0, x1)),
        }
    }
    if clusters.is_empty() {
        return;
    }
    let type_area = shapes
        .iter()
        .filter(|s| s.page == 1 && s.kind == ShapeKind::Rule)
        .map(|s| (s.area.x0, s.area.x1))
        .max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)));
    let width = clusters.iter().map(|c| c.1 - c.0).fold(0.0, f64::max);
    let gutter = clusters
        .windows(2)
        .map(|w| w[1].0 - w[0].1)
        .reduce(f64::min)
        .unwrap_or(body_size);
    // The template publishes its body area (`body-area` mark): its columns are the stacks.
    // Inferring them from the lines, below, is for a template that does not.
    let published = marks::body_areas(document)
        .into_iter()
        .find(|a| a.page == 1)
        .map(|a| a.columns);
    let stacks = match type_area {
        _ if published.is_some() => published.unwrap_or_default(),
        Some((left, right)) if width > 0.0 => {
            let n = ((right - left + gutter) / (width + gutter))
                .round()
                .max(1.0) as usize;
            let grid: Vec<(f64, f64)> = (0..n)
                .map(|k| {
                    let x0 = left + k as f64 * (width + gutter);
                    (x0, x0 + width)
                })
                .collect();
            let aligned = clusters.iter().all(|c| {
                grid.iter()
                    .any(|g| (g.0 - c.0).abs() < 3.0 && c.1 <= g.1 + 3.0)
            });
            if aligned { grid } else { clusters }
        }
        _ => clusters,
    };
    m.stacks = stacks.clone();
    let stack_of = |x0: f64, x1: f64| {
        let mid = (x0 + x1) / 2.0;
        stacks
            .iter()
            .position(|s| mid >= s.0 - 1.0 && mid <= s.1 + 1.0)
    };
    // Stacks an x-extent overlaps.
    let covered = |x0: f64, x1: f64| -> Vec<usize> {
        (0..stacks.len())
            .filter(|&k| x1.min(stacks[k].1) - x0.max(stacks[k].0) > 2.0)
            .collect()
    };

    // The grid: line k of the type area is the 1 em box of its body line.
    let type_top = house.grid_origin - 0.88 * body_size;
    let pitch = house.pitch;
    m.stacked_photos = stacked_photos(images, lines, &body_family, body_size);
    // A photo one stack wide no taller than 8 grid lines (a panorama at a stack's width).
    m.strips = images
        .iter()
        .filter(|i| i.page == 1)
        .filter_map(|i| i.visible)
        .filter(|v| covered(v.x0, v.x1).len() == 1 && v.y1 - v.y0 <= 8.0 * house.pitch)
        .count();
    let head_at: Vec<(usize, f64, &str)> = heads
        .iter()
        .filter_map(|h| {
            let (x, y) = (h.at.x.to_pt(), h.at.y.to_pt());
            Some((stack_of(x + 1.0, x + 1.0)?, y, h.story.as_str()))
        })
        .collect();
    m.head_pairs = head_at
        .iter()
        .enumerate()
        .flat_map(|(i, &(s, y, a))| {
            head_at[i + 1..]
                .iter()
                .filter(move |&&(t, z, _)| s.abs_diff(t) == 1 && (y - z).abs() < 7.0 * pitch)
                .map(move |&(t, z, b)| {
                    let (left, right) = if s < t { (a, b) } else { (b, a) };
                    (left.to_string(), right.to_string(), (y - z).abs() / pitch)
                })
        })
        .collect();
    m.side_by_side_heads = m.head_pairs.iter().filter(|p| p.2 < 3.0).count();
    let count = ((house.type_bottom - type_top) / pitch).round() as usize;
    // Looked at from the lead band's top: white beside its photo or under a column of its text
    // that ends short, over a stack, is as much a hole as any in the body.
    let band_top = lines
        .iter()
        .filter(|(l, story)| l.page == 1 && story.as_deref() == Some("lead"))
        .map(|(l, _)| l.baseline - 0.88 * l.size)
        .chain(
            images
                .iter()
                .filter(|i| i.page == 1)
                .filter_map(|i| i.visible)
                .map(|v| v.y0)
                .filter(|&y| y < body_top),
        )
        .fold(body_top, f64::min);
    let first = (((band_top - type_top) / pitch).round().max(0.0) as usize).min(count);
    // (There, a run counts from as many lines as preflight's: under the lead's text a line and
    // more pass, its pitch a grid line and a half, and a head brings its own white.)
    let body_first = (((body_top - type_top) / pitch).round().max(0.0) as usize).min(count);
    let line_box = |k: usize| {
        let y0 = type_top + k as f64 * pitch;
        (y0, y0 + body_size)
    };
    // occupied[stack][line]: Some(spans several stacks) when ink lies in the line's box.
    let mut occupied: Vec<Vec<Option<bool>>> = vec![vec![None; count]; stacks.len()];
    let mut mark = |x0: f64, x1: f64, y0: f64, y1: f64| {
        let under = covered(x0, x1);
        let band = under.len() > 1;
        for &s in &under {
            for (k, cell) in occupied[s].iter_mut().enumerate().skip(first) {
                let (b0, b1) = line_box(k);
                if y1.min(b1) - y0.max(b0) > 0.5 {
                    *cell = Some(cell.unwrap_or(false) || band);
                }
            }
        }
    };
    for (l, _) in lines.iter().filter(|(l, _)| l.page == 1) {
        for g in &l.glyphs {
            let a = inspect::glyph_area(l, g);
            mark(a.x0, a.x1, a.y0, a.y1);
        }
    }
    for image in images.iter().filter(|i| i.page == 1) {
        let Some(v) = image.visible else { continue };
        mark(v.x0, v.x1, v.y0, v.y1);
        // Its caption is a block as wide as the photo: the white right of a short caption
        // line is the caption's, not a hole in the column beside (as a make-up editor reads
        // it, and as the make-up and preflight count it). Caption lines: the lines right under
        // the photo, within its width, one under the other, not of the body's face and size.
        let mut under: Vec<&Line> = lines
            .iter()
            .map(|(l, _)| l)
            .filter(|l| {
                l.page == 1 && l.start() >= v.x0 - 1.0 && l.end() <= v.x1 + 1.0 && l.baseline > v.y1
            })
            .collect();
        under.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
        let mut bottom = v.y1;
        for l in under {
            let body_line = l.family == body_family && (l.size - body_size).abs() < 0.01;
            if l.baseline > bottom + 2.0 * pitch || body_line || l.size > body_size + 0.01 {
                break;
            }
            mark(v.x0, v.x1, l.baseline - 0.88 * l.size, l.baseline);
            bottom = l.baseline;
        }
    }
    for shape in shapes
        .iter()
        .filter(|s| s.page == 1 && s.kind != ShapeKind::Outline)
    {
        let a = shape.area;
        mark(a.x0, a.x1, a.y0, a.y1);
    }
    for column in occupied.iter() {
        let last = (first..count).rev().find(|&k| column[k].is_some());
        m.foot_empty.push(match last {
            Some(k) => count - 1 - k,
            None => count - first,
        });
    }
    for (s, column) in occupied.iter().enumerate() {
        let mut k = first;
        while k < count {
            if column[k].is_some() {
                k += 1;
                continue;
            }
            let start = k;
            while k < count && column[k].is_none() {
                k += 1;
            }
            let run = k - start;
            // The space a make-up editor leaves before a section's head (a line, which with
            // the head's own white reads as up to two) is a break, not a hole.
            let before_head = run <= 2
                && heads.iter().any(|h| {
                    let (x, y) = (h.at.x.to_pt(), h.at.y.to_pt());
                    stack_of(x + 1.0, x + 1.0) == Some(s) && {
                        // The head's mark stands at its top, about a line above the first inked
                        // line (its rule sits in the gap over that line's box).
                        let (b0, _) = line_box(k);
                        (y - b0).abs() <= pitch + 1.0
                    }
                });
            // A run that reaches the foot is counted there; one above a band is a foot too. One
            // at a column's top is a hole as any other: the columns beside start higher.
            let in_band = start < body_first && run < banmian::makeup::HOLE_LINES as usize;
            if k < count && !before_head && !in_band && (run >= 2 || column[k] == Some(true)) {
                m.holes.push((s, start, run));
            }
        }
    }

    // Paragraphs in the order typst set them: a line that starts 2 em into its stack opens one.
    let indent = 2.0 * body_size;
    let placed: Vec<(usize, &Line, Option<&str>)> = body
        .iter()
        .filter_map(|(l, story)| Some((stack_of(l.start(), l.end())?, *l, *story)))
        .collect();
    let mut paragraphs: Vec<Vec<(usize, &Line)>> = Vec::new();
    for &(s, l, _) in &placed {
        let opens = (l.start() - stacks[s].0 - indent).abs() < 1.0;
        match paragraphs.last_mut() {
            Some(p) if !opens => p.push((s, l)),
            _ => paragraphs.push(vec![(s, l)]),
        }
    }
    if std::env::var_os("VARIANTS_DEBUG").is_some() {
        for (l, story) in lines.iter().filter(|(l, _)| l.page == 1) {
            eprintln!(
                "{:>10} {:>5.1} pt y {:7.1} x {:6.1}-{:6.1} {}",
                story.as_deref().unwrap_or("-"),
                l.size,
                l.baseline,
                l.start(),
                l.end(),
                excerpt(&l.text())
            );
        }
        for (s, column) in occupied.iter().enumerate() {
            let map: String = column[first..]
                .iter()
                .map(|c| match c {
                    None => '.',
                    Some(false) => '#',
                    Some(true) => '=',
                })
                .collect();
            eprintln!("stack {} {:?}: {map}", s + 1, stacks[s]);
        }
    }
    let next_to = |a: &(usize, &Line), b: &(usize, &Line)| {
        a.0 == b.0 && ((b.1.baseline - a.1.baseline) - pitch).abs() < 0.5
    };
    for p in paragraphs.iter().filter(|p| p.len() >= 2) {
        let n = p.len();
        if !next_to(&p[n - 2], &p[n - 1]) {
            m.widows.add(|| {
                format!(
                    "`{}` alone in stack {} (y {:.0})",
                    excerpt(&p[n - 1].1.text()),
                    p[n - 1].0 + 1,
                    p[n - 1].1.baseline
                )
            });
        }
        if !next_to(&p[0], &p[1]) {
            m.orphans.add(|| {
                format!(
                    "`{}` alone in stack {} (y {:.0})",
                    excerpt(&p[0].1.text()),
                    p[0].0 + 1,
                    p[0].1.baseline
                )
            });
        }
    }

    // Heads: at least 3 lines of their section under them in their stack (all of it if less).
    for head in &heads {
        let (x, y) = (head.at.x.to_pt(), head.at.y.to_pt());
        let Some(s) = stack_of(x + 1.0, x + 1.0) else {
            continue;
        };
        let own: Vec<&(usize, &Line, Option<&str>)> = placed
            .iter()
            .filter(|(_, _, story)| *story == Some(head.story.as_str()))
            .collect();
        let under = own
            .iter()
            .filter(|(k, l, _)| *k == s && l.baseline > y)
            .count();
        if under < own.len().min(3) {
            m.stranded_heads.add(|| {
                format!(
                    "{} in stack {} (y {y:.0}): {under} of its {} lines under it",
                    head.story,
                    s + 1,
                    own.len()
                )
            });
        }
    }
}

/// Pairs of photos on page 1 one over the other (overlapping across by half the narrower's
/// width at least) with no line of running text (`body_family` at `body_size`) between them.
fn stacked_photos(
    images: &[inspect::PlacedImage],
    lines: &[(Line, Option<String>)],
    body_family: &str,
    body_size: f64,
) -> usize {
    let boxes: Vec<inspect::Area> = images
        .iter()
        .filter(|i| i.page == 1)
        .filter_map(|i| i.visible)
        .collect();
    let mut pairs = 0;
    for a in &boxes {
        for b in &boxes {
            let across = a.x1.min(b.x1) - a.x0.max(b.x0);
            if b.y0 <= a.y1 || across < 0.5 * (a.x1 - a.x0).min(b.x1 - b.x0) {
                continue;
            }
            // The nearest photo under `a` only.
            let nearer = boxes.iter().any(|c| {
                c.y0 > a.y1
                    && c.y0 < b.y0
                    && c.x1.min(a.x1) - c.x0.max(a.x0) >= 0.5 * (a.x1 - a.x0).min(c.x1 - c.x0)
            });
            let text_between = lines.iter().any(|(l, _)| {
                l.page == 1
                    && l.family == body_family
                    && (l.size - body_size).abs() < 0.01
                    && l.baseline > a.y1
                    && l.baseline < b.y0
                    && l.end() > a.x0.max(b.x0)
                    && l.start() < a.x1.min(b.x1)
            });
            pairs += usize::from(!nearer && !text_between);
        }
    }
    pairs
}

/// Heads of the plan whose section runs on into another frame after fewer than 6 lines under
/// them in theirs (`Plan::low_heads`, which preflight warns by).
fn low_heads(plan: &banmian::makeup::Plan) -> usize {
    plan.low_heads().len()
}

/// Photos whose top stands higher than their section's head: of the plan's flow, and set
/// across stacks (but for one right over its head, topping its section).
fn photos_above_head(plan: &banmian::makeup::Plan) -> usize {
    use banmian::makeup::FlowKind;
    let mut used = vec![0u32; plan.frames.len()];
    let (mut heads, mut photos) = (Vec::new(), Vec::new());
    for item in &plan.flow {
        let Some(frame) = plan.frames.get(item.frame) else {
            continue;
        };
        let at = frame.top + used[item.frame];
        match item.kind {
            FlowKind::Head => heads.push((item.section, frame.stack, at)),
            FlowKind::Photo => photos.push((item.section, at)),
            _ => {}
        }
        used[item.frame] += item.lines;
    }
    let in_flow = photos
        .iter()
        .filter(|(s, top)| heads.iter().any(|(h, _, at)| h == s && top < at))
        .count();
    let wide = plan
        .wide
        .iter()
        .filter(|w| {
            let bottom = w.top + w.photo.picture_lines + w.photo.caption_lines;
            heads.iter().any(|&(h, stack, at)| {
                Some(h) == w.photo.section && w.top < at && (stack, at) != (w.stack, bottom)
            })
        })
        .count();
    in_flow + wide
}
