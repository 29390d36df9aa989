//! Latin text as an English-language paper's make-up editor reads it, on the laid-out page:
//! loose lines (a word space stretched past the house's limit), more lines in a row ending in
//! a hyphen than the house allows, a straight quote left in the text, a paragraph's first line
//! alone at a column's foot (an orphan) or its last alone at a column's head (a widow), and a
//! paragraph ending in the end of a hyphenated word alone on its last line. Each is a warning,
//! once per story and kind, at the first place it happens.

use std::collections::BTreeMap;

use serde_json::json;
use typst_layout::PagedDocument;

use super::lines::{Line, lines_in_stories};
use super::{Area, Finding, House, Severity, story_location};
use crate::content::LoadedPage;
use crate::content::messages::{self, Arg};
use crate::template::BodyArea;

/// Whether typst's `lang` of a laid-out line is a language set in the Latin house style.
fn is_latin(lang: &str) -> bool {
    crate::content::lang::parse(lang).is_ok_and(|l| l.latin)
}

/// One defect where it is.
#[derive(Debug, Clone, PartialEq)]
struct Defect {
    kind: Kind,
    story: String,
    area: Area,
    /// The figure it is judged by: word space in em, lines in a row…
    measure: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Loose,
    Hyphens,
    StraightQuote,
    Orphan,
    Widow,
    Fragment,
}

pub fn check(
    page: &LoadedPage,
    document: &PagedDocument,
    house: &House,
    areas: &[BodyArea],
) -> Vec<Finding> {
    let lines: Vec<StoryLine> = lines_in_stories(document)
        .into_iter()
        .filter_map(|(line, story)| Some((line, story?)))
        .filter(|(line, _)| is_latin(&line.lang))
        .collect();
    // Per story and kind: how often, the worst figure, the first place.
    let mut found: BTreeMap<(String, Kind), (usize, f64, Area)> = BTreeMap::new();
    for defect in defects(&lines, house, areas) {
        let entry = found.entry((defect.story.clone(), defect.kind)).or_insert((
            0,
            defect.measure,
            defect.area,
        ));
        entry.0 += 1;
        entry.1 = entry.1.max(defect.measure);
    }
    found
        .into_iter()
        .map(|((story, kind), (count, worst, area))| {
            let (line, column) = story_location(page, &story);
            let (check, message) = describe(kind, &story, count, worst, house);
            Finding {
                severity: Severity::Warning,
                check,
                story: Some(story),
                line,
                column,
                message,
                details: json!({ "count": count, "worst": worst }),
                areas: vec![area],
            }
        })
        .collect()
}

fn describe(
    kind: Kind,
    story: &str,
    count: usize,
    worst: f64,
    house: &House,
) -> (&'static str, String) {
    // Each check is named as its message is.
    let check = match kind {
        Kind::Loose => "loose-line",
        Kind::Hyphens => "hyphen-ladder",
        Kind::StraightQuote => "straight-quote",
        Kind::Orphan => "orphan",
        Kind::Widow => "widow",
        Kind::Fragment => "short-last-line",
    };
    let (worst, allowed) = match kind {
        Kind::Loose => (
            format!("{worst:.2}"),
            format!("{:.2}", house.latin_word_space),
        ),
        Kind::Hyphens => (format!("{worst:.0}"), house.latin_hyphen_lines.to_string()),
        _ => (String::new(), String::new()),
    };
    let args = [
        ("story", Arg::from(story.to_string())),
        ("count", Arg::from(count)),
        ("worst", Arg::from(worst)),
        ("allowed", Arg::from(allowed)),
    ];
    (check, messages::text(check, &args))
}

/// Whether a line ends in a hyphen (one typst set hyphenating, a soft hyphen in its text, or
/// a hyphen of the text).
fn ends_in_hyphen(line: &Line) -> bool {
    line.text()
        .trim_end()
        .ends_with(['-', '\u{AD}', '\u{2010}'])
}

/// Where `line` is on its page: from its first glyph to its last, the house's line box
/// (0.88 em over the baseline, 0.12 em under it) down.
fn line_area(line: &Line) -> Area {
    Area {
        page: line.page,
        x: line.start(),
        y: line.baseline - 0.88 * line.size,
        width: line.end() - line.start(),
        height: line.size,
    }
}

/// A story's line as laid out.
type StoryLine = (Line, String);

/// A body column: its edges and top, pt.
#[derive(Debug, Clone, Copy)]
struct Column {
    left: f64,
    right: f64,
    top: f64,
}

/// The body column a line of running text stands in.
fn column_of(line: &Line, areas: &[BodyArea]) -> Option<Column> {
    areas
        .iter()
        .filter(|a| a.page == line.page && (a.body_size - line.size).abs() < 0.01)
        .flat_map(|a| a.columns.iter().zip(&a.column_tops))
        .find(|((x0, x1), _)| line.start() >= x0 - 0.5 && line.start() < *x1)
        .map(|(&(left, right), &top)| Column { left, right, top })
}

fn defects(lines: &[StoryLine], house: &House, areas: &[BodyArea]) -> Vec<Defect> {
    let mut out = Vec::new();
    let defect = |kind, story: &String, line: &Line, measure| Defect {
        kind,
        story: story.clone(),
        area: line_area(line),
        measure,
    };
    for (line, story) in lines {
        let widest = line
            .glyphs
            .iter()
            .filter(|g| g.text == " ")
            .map(|g| g.advance / line.size)
            .fold(0.0, f64::max);
        if widest > house.latin_word_space {
            out.push(defect(Kind::Loose, story, line, widest));
        }
        if line.text().contains(['"', '\'']) {
            out.push(defect(Kind::StraightQuote, story, line, 1.0));
        }
    }
    // Runs of lines one under the other in a column.
    let follows = |a: &Line, b: &Line| {
        a.page == b.page
            && (b.baseline - a.baseline - house.pitch).abs() < 0.5
            && (a.start() - b.start()).abs() < 2.0 * a.size
    };
    let mut run = 0;
    for (i, (line, story)) in lines.iter().enumerate() {
        let continues = i > 0 && follows(&lines[i - 1].0, line);
        run = if ends_in_hyphen(line) {
            if continues { run + 1 } else { 1 }
        } else {
            0
        };
        if run == house.latin_hyphen_lines + 1 {
            out.push(defect(Kind::Hyphens, story, line, run as f64));
        } else if run > house.latin_hyphen_lines + 1
            && let Some(last) = out.last_mut()
        {
            last.measure = run as f64;
        }
    }
    // Body lines by column: paragraph starts are indented, paragraph ends fall short of the
    // column's right edge (every other line is justified to it).
    let mut columns: BTreeMap<(usize, i64), (Column, Vec<&StoryLine>)> = BTreeMap::new();
    for entry in lines {
        if let Some(column) = column_of(&entry.0, areas) {
            let key = (entry.0.page, column.left.round() as i64);
            columns
                .entry(key)
                .or_insert((column, Vec::new()))
                .1
                .push(entry);
        }
    }
    for (column, mut placed) in columns.into_values() {
        placed.sort_by(|a, b| a.0.baseline.total_cmp(&b.0.baseline));
        let opens = |line: &Line| line.start() > column.left + 0.5 * line.size;
        let ends = |line: &Line| line.end() < column.right - line.size;
        if let Some((line, story)) = placed.last()
            && opens(line)
            && !ends(line)
        {
            out.push(defect(Kind::Orphan, story, line, 1.0));
        }
        if let Some((line, story)) = placed.first() {
            let at_top = line.baseline - line.size < column.top + house.pitch;
            if at_top && !opens(line) && ends(line) {
                out.push(defect(Kind::Widow, story, line, 1.0));
            }
        }
        for pair in placed.windows(2) {
            let (above, (line, story)) = (&pair[0].0, pair[1]);
            let single_word = !line.text().trim().contains(' ');
            if follows(above, line) && ends_in_hyphen(above) && single_word && ends(line) {
                out.push(defect(Kind::Fragment, story, line, 1.0));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::preflight::lines::Glyph;

    /// A line of `text` at `x`, baseline `y`, 10 pt, each glyph 5 pt wide, word spaces `space`
    /// pt; justified lines are padded to `width` by their spaces.
    fn line(text: &str, x: f64, y: f64, space: f64) -> Line {
        let mut glyphs = Vec::new();
        let mut at = x;
        for c in text.chars() {
            let advance = if c == ' ' { space } else { 5.0 };
            glyphs.push(Glyph {
                text: c.to_string(),
                x: at,
                offset: 0.0,
                advance,
                natural_em: advance / 10.0,
            });
            at += advance;
        }
        Line {
            page: 1,
            baseline: y,
            size: 10.0,
            family: "Noto Serif".into(),
            lang: "en".into(),
            glyphs,
        }
    }

    fn house() -> House {
        House {
            pitch: 13.0,
            ..House::default()
        }
    }

    fn area() -> BodyArea {
        BodyArea {
            page: 1,
            top: 100.0,
            columns: vec![(0.0, 100.0), (110.0, 210.0)],
            column_tops: vec![100.0, 100.0],
            lines: 10,
            body_size: 10.0,
            spans: Vec::new(),
        }
    }

    fn kinds(lines: &[(Line, String)]) -> Vec<Kind> {
        let mut kinds: Vec<Kind> = defects(lines, &house(), &[area()])
            .iter()
            .map(|d| d.kind)
            .collect();
        kinds.sort();
        kinds
    }

    fn story(lines: Vec<Line>) -> Vec<(Line, String)> {
        lines.into_iter().map(|l| (l, "s".to_string())).collect()
    }

    #[test]
    fn a_well_set_paragraph_has_no_defect() {
        // Indented first line, justified lines 100 pt wide, a short last line.
        let lines = story(vec![
            line("aa bbbbbbbbbbbbbbb", 10.0, 110.0, 5.0),
            line("ccccccccc dddddddddd", 0.0, 123.0, 5.0),
            line("eee fff", 0.0, 136.0, 5.0),
        ]);
        assert_eq!(kinds(&lines), []);
    }

    #[test]
    fn loose_lines_and_straight_quotes_are_found() {
        // 7 pt spaces at 10 pt: 0.7 em, over the house's 0.5.
        let lines = story(vec![
            line("aaaaaaa bbbbbb cccc", 0.0, 110.0, 7.0),
            line("it's \"so\"", 0.0, 123.0, 2.5),
        ]);
        assert_eq!(kinds(&lines), [Kind::Loose, Kind::StraightQuote]);
        let loose = &defects(&lines, &house(), &[area()])[0];
        assert!((loose.measure - 0.7).abs() < 1e-9);
    }

    #[test]
    fn three_hyphens_in_a_row_are_a_ladder_two_are_not() {
        let hyphened = |n: usize| {
            story(
                (0..4)
                    .map(|i| {
                        let text = if i < n {
                            "aaaaaaaaaaaaaaaaaaa\u{AD}"
                        } else {
                            "bbbbbbbbbbbbbbbbbbbb"
                        };
                        line(text, 0.0, 110.0 + 13.0 * i as f64, 5.0)
                    })
                    .collect(),
            )
        };
        assert!(!kinds(&hyphened(2)).contains(&Kind::Hyphens));
        assert!(kinds(&hyphened(3)).contains(&Kind::Hyphens));
        let ladder = defects(&hyphened(4), &house(), &[area()]);
        assert_eq!(
            ladder
                .iter()
                .find(|d| d.kind == Kind::Hyphens)
                .unwrap()
                .measure,
            4.0
        );
    }

    #[test]
    fn an_orphan_a_widow_and_a_fragment_are_found() {
        // Column 1 ends in a paragraph's indented first line; column 2 starts with the last
        // line of the paragraph before it (short, not indented).
        let lines = story(vec![
            line("aaaaaaaaaaaaaaaaaaa", 0.0, 110.0, 5.0),
            line("bbbbbbbbbbbbbbbbbbbb", 10.0, 123.0, 5.0),
            line("cc dd", 110.0, 110.0, 5.0),
        ]);
        // The orphan's line reaches the column's right edge (10 + 20 × 5 = 110 > 100 - 10).
        assert_eq!(kinds(&lines), [Kind::Orphan, Kind::Widow]);
        let fragment = story(vec![
            line("aaaaaaaaaaaaaaaaaaa\u{AD}", 10.0, 110.0, 5.0),
            line("bbbb.", 0.0, 123.0, 5.0),
            line("cccccccccccccccccc", 10.0, 136.0, 5.0),
        ]);
        assert!(kinds(&fragment).contains(&Kind::Fragment));
    }
}
