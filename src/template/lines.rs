//! The lines of each body paragraph as typst breaks them at each stack width, read back from
//! the measure pass: the template sets every paragraph alone on a page of that width, after a
//! `<banmian-lines>` mark naming it and carrying its text (`body-line-pages` in
//! `layout/components/body.typ`). Where each line starts in the paragraph's text lets the
//! make-up split a paragraph between two frames at a line boundary, and the template set each
//! part as the very lines of the whole paragraph.

use serde::Deserialize;
use typst::layout::{Frame, FrameItem, Point};
use typst_layout::PagedDocument;

use crate::makeup::Measures;
use crate::makeup::news::NewsMeasures;

#[derive(Deserialize)]
struct Mark {
    grid: usize,
    section: usize,
    paragraph: usize,
    text: String,
    /// Set loose (拉行): its lines are the paragraph's other setting.
    #[serde(default)]
    loose: bool,
}

/// Fills each paragraph's line count per grid (`paragraphs`) and where its lines start in its
/// text (`starts`) from the measure pass's line pages, and where they start set loose
/// (`loose`: only where that runs exactly a line longer). A paragraph whose lines cannot be
/// matched to its text gets no starts: the make-up never splits it. A paragraph the template
/// set on no line page is a template error.
pub fn attach(document: &PagedDocument, m: &mut Measures) -> Result<(), String> {
    let grids = m.grids.len();
    for section in &mut m.sections {
        section.starts = vec![vec![None; grids]; section.paragraphs.len()];
        section.loose = vec![vec![None; grids]; section.paragraphs.len()];
        // Not yet seen on a line page.
        section.paragraphs = vec![vec![u32::MAX; grids]; section.paragraphs.len()];
    }
    let (loose, tight): (Vec<_>, Vec<_>) = line_pages::<Mark>(document)
        .into_iter()
        .partition(|(mark, _)| mark.loose);
    for (mark, lines) in tight {
        let Some(section) = m.sections.get_mut(mark.section) else {
            continue;
        };
        let (Some(counts), Some(starts)) = (
            section.paragraphs.get_mut(mark.paragraph),
            section.starts.get_mut(mark.paragraph),
        ) else {
            continue;
        };
        if mark.grid >= grids {
            continue;
        }
        counts[mark.grid] = lines.len() as u32;
        starts[mark.grid] = self::starts(&mark.text, &lines);
    }
    // A loose setting is the make-up's only where it runs exactly a line longer, and no line
    // of it but its last stands spaced out: the line-breaking rules may leave a line a
    // character short, which its justification then spreads further.
    for (mark, lines) in loose {
        let body = &lines[..lines.len().saturating_sub(1)];
        if body
            .iter()
            .any(|l| l.pitch().is_some_and(|p| p > LOOSE_PITCH))
        {
            continue;
        }
        let Some(section) = m.sections.get_mut(mark.section) else {
            continue;
        };
        let normal = section
            .paragraphs
            .get(mark.paragraph)
            .and_then(|counts| counts.get(mark.grid));
        if normal.is_some_and(|&n| n != u32::MAX && lines.len() as u32 == n + 1)
            && let Some(slot) = section
                .loose
                .get_mut(mark.paragraph)
                .and_then(|l| l.get_mut(mark.grid))
        {
            *slot = self::starts(&mark.text, &lines);
        }
    }
    let unset = m
        .sections
        .iter()
        .enumerate()
        .flat_map(|(s, section)| {
            section
                .paragraphs
                .iter()
                .enumerate()
                .map(move |(n, c)| (s, n, c))
        })
        .find(|(_, _, counts)| counts.contains(&u32::MAX));
    if let Some((s, n, _)) = unset {
        return Err(format!(
            "the template set paragraph {} of section {} on no line page (`<{}>`) at every grid",
            n + 1,
            s + 1,
            super::LINES
        ));
    }
    attach_lead(document, m)
}

/// A lead paragraph's line page, at the text width of one way of setting the lead band.
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct LeadMark {
    lead_option: usize,
    paragraph: usize,
    text: String,
}

/// Fills each lead paragraph's line count and line starts at each way of setting the band
/// (`LeadOption::paragraphs`, `starts`) from the lead line pages (`lead-line-pages` in
/// `layout/components/lead.typ`). A paragraph the template set on no line page is a template
/// error.
fn attach_lead(document: &PagedDocument, m: &mut Measures) -> Result<(), String> {
    let Some(lead) = &mut m.lead else {
        return Ok(());
    };
    for option in &mut lead.options {
        option.paragraphs = vec![u32::MAX; option.paragraphs.len()];
        option.starts = vec![None; option.paragraphs.len()];
    }
    for (mark, lines) in line_pages::<LeadMark>(document) {
        let Some(option) = lead.options.get_mut(mark.lead_option) else {
            continue;
        };
        if let (Some(count), Some(starts)) = (
            option.paragraphs.get_mut(mark.paragraph),
            option.starts.get_mut(mark.paragraph),
        ) {
            *count = lines.len() as u32;
            *starts = self::starts(&mark.text, &lines);
        }
    }
    let unset = lead.options.iter().enumerate().find_map(|(i, o)| {
        o.paragraphs
            .iter()
            .position(|&c| c == u32::MAX)
            .map(|n| (i, n))
    });
    match unset {
        Some((i, n)) => Err(format!(
            "the template set lead paragraph {} on no line page (`<{}>`) at lead option {}",
            n + 1,
            super::LINES,
            i + 1
        )),
        None => Ok(()),
    }
}

/// The widest a loose line's Han characters may stand, ems of their size: the loose tracking
/// (0.05 em, `loose-tracking`) and about as much justification as a line set solid takes at
/// most (0.03 em). A line a character short stands at 1.08 em or more: spaced out.
const LOOSE_PITCH: f64 = 1.07;

/// A news story's line page: a paragraph of a story at one leg width.
#[derive(Deserialize)]
struct NewsMark {
    story: usize,
    width: f64,
    paragraph: usize,
    text: String,
    /// What the first line sets before the text (a dateline, a brief's head).
    #[serde(default)]
    prefix: Option<String>,
}

/// Fills each paragraph's lines (`paragraphs`) and where they start in its text (`starts`),
/// for every story of a news page at each way of setting its legs, from the measure pass's
/// line pages (one per leg width). A paragraph whose lines do not spell its text is never
/// split; one the template set on no line page is a template error.
pub fn attach_news(document: &PagedDocument, m: &mut NewsMeasures) -> Result<(), String> {
    for story in &mut m.stories {
        for leg in &mut story.legs {
            leg.starts = vec![None; leg.paragraphs.len()];
            // Not yet seen on a line page.
            leg.paragraphs = vec![u32::MAX; leg.paragraphs.len()];
        }
    }
    for (mark, mut lines) in line_pages::<NewsMark>(document) {
        let Some(story) = m.stories.get_mut(mark.story) else {
            continue;
        };
        let count = lines.len() as u32;
        let spelled = match lines.first_mut() {
            Some(first) => {
                match strip_prefix(&first.text, mark.prefix.as_deref().unwrap_or_default()) {
                    Some(rest) => {
                        first.text = rest;
                        starts(&mark.text, &lines)
                    }
                    None => None,
                }
            }
            None => None,
        };
        for leg in &mut story.legs {
            if (leg.leg_width - mark.width).abs() >= 0.01 {
                continue;
            }
            if let (Some(slot), Some(lines)) = (
                leg.starts.get_mut(mark.paragraph),
                leg.paragraphs.get_mut(mark.paragraph),
            ) {
                slot.clone_from(&spelled);
                *lines = count;
            }
        }
    }
    let unset = m.stories.iter().find_map(|story| {
        let leg = story
            .legs
            .iter()
            .find(|l| l.paragraphs.contains(&u32::MAX))?;
        let n = leg.paragraphs.iter().position(|&c| c == u32::MAX)?;
        Some((story, leg, n))
    });
    match unset {
        Some((story, leg, n)) => Err(format!(
            "the template set paragraph {} of story {} on no line page (`<{}>`) at leg width {:.1} pt",
            n + 1,
            story.id,
            super::LINES,
            leg.leg_width
        )),
        None => Ok(()),
    }
}

/// `line` without `prefix` at its start (white space aside); `None` when it does not start so.
fn strip_prefix(line: &str, prefix: &str) -> Option<String> {
    let mut rest = line.chars().peekable();
    for wanted in prefix.chars().filter(|c| !c.is_whitespace()) {
        while rest.next_if(|c| c.is_whitespace()).is_some() {}
        if rest.next()? != wanted {
            return None;
        }
    }
    Some(rest.collect())
}

/// Every line page of the measure pass whose mark reads as `M`, with its lines.
fn line_pages<M: serde::de::DeserializeOwned>(document: &PagedDocument) -> Vec<(M, Vec<Line>)> {
    let introspector = document.introspector();
    super::query(document, super::LINES)
        .iter()
        .filter_map(|content| {
            let mark = serde_json::from_value::<M>(super::value_of(content)?).ok()?;
            let page = content
                .location()
                .and_then(|l| introspector.position(l))
                .and_then(|p| document.pages().get(p.page.get() - 1))?;
            Some((mark, lines(&page.frame)))
        })
        .collect()
}

/// A line of a line page: its text, and the advance its Han characters take on average, in
/// ems of their size (1 set solid; more where the line is spaced out, by tracking or
/// justification).
#[derive(Debug, Clone, Default)]
struct Line {
    text: String,
    han: u32,
    han_advance: f64,
}

impl AsRef<str> for Line {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl Line {
    /// The Han characters' average advance, ems; `None` on a line without any.
    fn pitch(&self) -> Option<f64> {
        (self.han > 0).then(|| self.han_advance / f64::from(self.han))
    }
}

/// Each line of a frame, top to bottom: text runs on one baseline, left to right.
fn lines(frame: &Frame) -> Vec<Line> {
    let mut runs = Vec::new();
    collect(frame, Point::zero(), &mut runs);
    runs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut lines: Vec<(f64, Line)> = Vec::new();
    for (y, _, run) in runs {
        match lines.last_mut() {
            Some((baseline, line)) if (*baseline - y).abs() < 0.5 => {
                line.text.push_str(&run.text);
                line.han += run.han;
                line.han_advance += run.han_advance;
            }
            _ => lines.push((y, run)),
        }
    }
    lines.into_iter().map(|(_, line)| line).collect()
}

/// (baseline, x, run) of every text run in `frame` and the groups in it.
fn collect(frame: &Frame, at: Point, runs: &mut Vec<(f64, f64, Line)>) {
    for (pos, item) in frame.items() {
        let here = at + *pos;
        match item {
            FrameItem::Group(group) => {
                let shift = Point::new(group.transform.tx, group.transform.ty);
                collect(&group.frame, here + shift, runs);
            }
            FrameItem::Text(text) => {
                let start = text.glyphs.iter().map(|g| g.range().start).min();
                let end = text.glyphs.iter().map(|g| g.range().end).max();
                if let (Some(start), Some(end)) = (start, end) {
                    let run = text.text.get(start..end).unwrap_or(&text.text);
                    let han: Vec<f64> = text
                        .glyphs
                        .iter()
                        .filter(|g| text.text.get(g.range()).is_some_and(is_han))
                        .map(|g| g.x_advance.get())
                        .collect();
                    let line = Line {
                        text: run.to_string(),
                        han: han.len() as u32,
                        han_advance: han.iter().sum(),
                    };
                    runs.push((here.y.to_pt(), here.x.to_pt(), line));
                }
            }
            _ => {}
        }
    }
}

/// A Han character (CJK Unified Ideographs and Extension A): set 1 em wide solid.
fn is_han(glyph_text: &str) -> bool {
    glyph_text
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'))
}

/// Byte offsets in `paragraph` where each of `lines` starts, and its end last; `None` when the
/// lines do not spell the paragraph (white space aside: a space a line breaks at is not set).
/// The hyphen typst sets at the end of a line it hyphenated (a soft hyphen in the line's text)
/// is the paragraph's only if the paragraph has a soft hyphen there.
pub fn starts<S: AsRef<str>>(paragraph: &str, lines: &[S]) -> Option<Vec<usize>> {
    const SOFT_HYPHEN: char = '\u{AD}';
    let mut source = paragraph.char_indices().peekable();
    let mut out = Vec::with_capacity(lines.len() + 1);
    for line in lines {
        let line = line.as_ref().trim_end();
        let (text, hyphenated) = match line.strip_suffix(SOFT_HYPHEN) {
            Some(text) => (text, true),
            None => (line, false),
        };
        let mut first = true;
        for wanted in text.chars().filter(|c| !c.is_whitespace()) {
            let (at, found) = loop {
                let (at, c) = source.next()?;
                if !c.is_whitespace() {
                    break (at, c);
                }
            };
            if found != wanted {
                return None;
            }
            if first {
                out.push(at);
                first = false;
            }
        }
        if first {
            // A line of no text: nothing typst sets from data.
            return None;
        }
        if hyphenated {
            source.next_if(|&(_, c)| c == SOFT_HYPHEN);
        }
    }
    if source.any(|(_, c)| !c.is_whitespace()) {
        return None;
    }
    out.push(paragraph.len());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{starts, strip_prefix};

    #[test]
    fn a_dateline_or_a_briefs_head_is_not_the_paragraphs_text() {
        assert_eq!(
            strip_prefix("本报讯 今天上午", "本报讯").as_deref(),
            Some(" 今天上午")
        );
        assert_eq!(strip_prefix("今天上午", "").as_deref(), Some("今天上午"));
        assert_eq!(strip_prefix("今天上午", "本报讯"), None);
    }

    #[test]
    fn a_lines_pitch_is_its_han_characters_average_advance() {
        let line = super::Line {
            text: "一二，三".into(),
            han: 3,
            han_advance: 3.15,
        };
        assert!((line.pitch().unwrap() - 1.05).abs() < 1e-9);
        assert_eq!(super::Line::default().pitch(), None);
        assert!(super::is_han("中") && !super::is_han("，") && !super::is_han("A"));
    }

    #[test]
    fn lines_are_found_in_their_paragraph() {
        let text = "一二三四五六七八九十";
        assert_eq!(
            starts(text, &["一二三", "四五六七", "八九十"]),
            Some(vec![0, 9, 21, 30])
        );
        // A space a Latin line breaks at is not set; the next line starts after it.
        let text = "new words here";
        assert_eq!(starts(text, &["new", "words here"]), Some(vec![0, 4, 14]));
    }

    #[test]
    fn a_hyphen_typst_added_is_not_the_paragraphs() {
        // Typst's hyphen at a line end is a soft hyphen in the line's text.
        let text = "hyphenation works";
        assert_eq!(
            starts(text, &["hy\u{AD}", "phenation works"]),
            Some(vec![0, 2, text.len()])
        );
        // A soft hyphen the paragraph has is its own.
        let text = "hy\u{AD}phenation";
        assert_eq!(
            starts(text, &["hy\u{AD}", "phenation"]),
            Some(vec![0, 4, text.len()])
        );
        // A hyphen that is text is matched as text.
        assert_eq!(
            starts("well-known", &["well-", "known"]),
            Some(vec![0, 5, 10])
        );
        assert_eq!(starts("wellknown", &["well-", "known"]), None);
    }

    #[test]
    fn lines_that_do_not_spell_the_paragraph_give_nothing() {
        // A character lost, text left over.
        assert_eq!(starts("abcdef", &["abc", "df"]), None);
        assert_eq!(starts("abcdef", &["abc"]), None);
        assert_eq!(starts("abc", &["abc", ""]), None);
    }
}
