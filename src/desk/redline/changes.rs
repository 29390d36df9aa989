//! What changed since the previous proof, as a proofreader marks it (the 红线 of 一校/二校):
//! each line with changed or new characters boxed around those characters, and text and photos
//! that only moved outlined, merged into blocks.
//!
//! Each text's characters (a story's body, a caption, a head: one YAML node) are compared in
//! reading order, before and after, matched word by word (Myers' diff of the `similar` crate,
//! however long the text), so a reflowed paragraph is not marked as changed, only as moved. A
//! word is what a proofreader marks: a Latin word whole, each Chinese character on its own
//! (`words`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::sources::{Prints, Source};
use crate::preflight::Area;

/// A place on the new proof that differs from the previous one.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub area: Area,
    /// `changed` (new or different characters, a new photo) or `moved`.
    pub kind: &'static str,
}

/// Changes of `after` against `before`.
pub fn changes(before: &[Source], after: &[Source]) -> Vec<Change> {
    // One time limit for all texts: a page whose every story was pasted anew is marked in
    // about DIFF_TIME, not DIFF_TIME a story.
    let deadline = std::time::Instant::now() + DIFF_TIME;
    let old = stories(before);
    let mut changed = Vec::new();
    let mut moved = Vec::new();
    for (story, new) in stories(after) {
        let old_chars = old.get(&story).map(Vec::as_slice).unwrap_or_default();
        let a: Vec<char> = old_chars.iter().map(|(c, _, _)| *c).collect();
        let b: Vec<char> = new.iter().map(|(c, _, _)| *c).collect();
        // For each character of `b`, the index in `a` it matches, if any.
        let matched = matches(&words(&a, old_chars), &words(&b, &new), deadline);
        // Per printed line: a box around each run of changed characters, as a proofreader
        // rings each edit, and one around what only moved.
        let mut lines: BTreeMap<usize, (Vec<Area>, Option<Area>)> = BTreeMap::new();
        for (j, &(_, area, run)) in new.iter().enumerate() {
            let entry = lines.entry(run).or_default();
            match matched[j] {
                None => {
                    let goes_on = j > 0 && matched[j - 1].is_none() && new[j - 1].2 == run;
                    match entry.0.last_mut() {
                        Some(last) if goes_on => *last = last.union(area),
                        _ => entry.0.push(area),
                    }
                }
                Some(i) if shifted(old_chars[i].1, area) => {
                    entry.1 = Some(entry.1.map_or(area, |box_| box_.union(area)))
                }
                Some(_) => {}
            }
        }
        for (_, (line_changed, line_moved)) in lines {
            match (line_changed.is_empty(), line_moved) {
                (false, _) => changed.extend(line_changed),
                (true, Some(area)) => moved.push(area),
                (true, None) => {}
            }
        }
    }
    for source in after {
        let Prints::Photo(src) = &source.prints else {
            continue;
        };
        let was = before
            .iter()
            .find(|s| matches!(&s.prints, Prints::Photo(old) if old == src));
        match was {
            None => changed.push(source.area),
            Some(old) if shifted(old.area, source.area) => moved.push(source.area),
            Some(_) => {}
        }
    }
    let mut out: Vec<Change> = changed
        .into_iter()
        .map(|area| Change {
            area,
            kind: "changed",
        })
        .collect();
    out.extend(blocks(moved).into_iter().map(|area| Change {
        area,
        kind: "moved",
    }));
    out
}

/// Each text's characters in reading order, with their box and the index of their line. A
/// text is a YAML node (`sections[0].body`) in its story: captions and heads are compared on
/// their own, so a long edit of the body does not match their characters by chance.
fn stories(sources: &[Source]) -> BTreeMap<String, Vec<(char, Area, usize)>> {
    let mut out: BTreeMap<String, Vec<(char, Area, usize)>> = BTreeMap::new();
    for (run, source) in sources.iter().enumerate() {
        if let Prints::Text(glyphs) = &source.prints {
            out.entry(format!("{} {}", source.story, source.what))
                .or_default()
                .extend(glyphs.iter().map(|&(c, area)| (c, area, run)));
        }
    }
    out
}

/// `chars` (the characters of `placed`, as printed) cut into words: a run of Latin letters and
/// digits set close together on one line is one word; any other character (a Chinese
/// character, a punctuation mark) is one of its own. The printed text has no spaces: a word
/// ends where the next letter stands apart, at the width of a space.
fn words<'a>(chars: &'a [char], placed: &[(char, Area, usize)]) -> Vec<&'a [char]> {
    // A letter or digit, but not a wide one (a Chinese character is a word by itself).
    let in_word =
        |c: char| c.is_alphanumeric() && unicode_width::UnicodeWidthChar::width(c) != Some(2);
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=chars.len() {
        let joined = i < chars.len() && {
            let ((a, before, line), (b, after, next_line)) = (placed[i - 1], placed[i]);
            let gap = after.x - (before.x + before.width);
            in_word(a) && in_word(b) && line == next_line && gap < SPACE * after.height
        };
        if !joined {
            out.push(&chars[start..i]);
            start = i;
        }
    }
    out
}

/// The least gap between two letters, in their height, that is a word space (a space is a
/// quarter em or more; tracking, even justified, far less).
const SPACE: f64 = 0.12;

/// For each character of `b`, the index of the character of `a` it is the same as, both cut
/// into words: Myers' diff of the words (the `similar` crate), with no cap on the length; past
/// `deadline` it settles for a coarser match rather than keep the desk waiting. A run of words
/// cut in one place and put in another (a paragraph moved, edited or not) is matched too, so
/// what it kept is outlined as moved, not boxed as new.
fn matches(a: &[&[char]], b: &[&[char]], deadline: std::time::Instant) -> Vec<Option<usize>> {
    let ops =
        similar::capture_diff_slices_deadline(similar::Algorithm::Myers, a, b, Some(deadline));
    // Where each word starts among the characters.
    let starts = |words: &[&[char]]| -> Vec<usize> {
        words
            .iter()
            .scan(0, |at, word| {
                let start = *at;
                *at += word.len();
                Some(start)
            })
            .collect()
    };
    let (a_at, b_at) = (starts(a), starts(b));
    let mut out: Vec<Option<usize>> = vec![None; b.iter().map(|w| w.len()).sum()];
    let mut pair = |old_index: usize, new_index: usize, len: usize| {
        for k in 0..len {
            let (i, j) = (a_at[old_index + k], b_at[new_index + k]);
            for c in 0..b[new_index + k].len() {
                out[j + c] = Some(i + c);
            }
        }
    };
    // The words cut from `a` and those put into `b`, each in order, by index.
    let (mut cut, mut put) = (Vec::new(), Vec::new());
    for op in &ops {
        match *op {
            similar::DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => pair(old_index, new_index, len),
            similar::DiffOp::Delete {
                old_index, old_len, ..
            } => cut.extend(old_index..old_index + old_len),
            similar::DiffOp::Insert {
                new_index, new_len, ..
            } => put.extend(new_index..new_index + new_len),
            similar::DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                cut.extend(old_index..old_index + old_len);
                put.extend(new_index..new_index + new_len);
            }
        }
    }
    // What was cut against what was put: long runs alike moved.
    let cut_words: Vec<&[char]> = cut.iter().map(|&i| a[i]).collect();
    let put_words: Vec<&[char]> = put.iter().map(|&j| b[j]).collect();
    let moves = similar::capture_diff_slices_deadline(
        similar::Algorithm::Myers,
        &cut_words,
        &put_words,
        Some(deadline),
    );
    for op in moves {
        if let similar::DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
            && len >= MOVED_WORDS
        {
            for k in 0..len {
                pair(cut[old_index + k], put[new_index + k], 1);
            }
        }
    }
    out
}

/// The fewest words a run moved unchanged must have to be matched as moved (fewer could be
/// common words put elsewhere by chance).
const MOVED_WORDS: usize = 12;

/// How long one text's characters are matched before a coarser match is taken.
const DIFF_TIME: std::time::Duration = std::time::Duration::from_millis(200);

/// Whether a box is elsewhere than it was (by more than a hair).
fn shifted(before: Area, after: Area) -> bool {
    before.page != after.page
        || (before.x - after.x).abs() > 0.5
        || (before.y - after.y).abs() > 0.5
}

/// Boxes merged into blocks: lines of a column one under the other become one outline.
fn blocks(mut boxes: Vec<Area>) -> Vec<Area> {
    boxes.sort_by(|a, b| {
        (a.page, a.x, a.y)
            .partial_cmp(&(b.page, b.x, b.y))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut out: Vec<Area> = Vec::new();
    for area in boxes {
        let joins = |block: &Area| {
            let overlap = (block.x + block.width).min(area.x + area.width) - block.x.max(area.x);
            block.page == area.page
                && overlap > 0.5 * area.width.min(block.width)
                && area.y <= block.y + block.height + area.height.max(6.0)
                && area.y + area.height >= block.y
        };
        match out.iter_mut().find(|block| joins(block)) {
            Some(block) => *block = block.union(area),
            None => out.push(area),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn later() -> std::time::Instant {
        std::time::Instant::now() + DIFF_TIME
    }

    /// Each character a word of its own (as Chinese text is cut).
    fn singles(chars: &[char]) -> Vec<&[char]> {
        chars.chunks(1).collect()
    }

    #[test]
    fn a_long_story_edited_in_two_places_matches_all_but_the_edits() {
        // 10,000 characters (the old table stopped at 2,000 and marked all of it changed).
        let text: String = (0..10_000)
            .map(|i| char::from_u32(0x4e00 + (i * 7919 % 2000) as u32).unwrap())
            .collect();
        let old = chars(&text);
        let mut new = old.clone();
        new.insert(1200, '新');
        new.remove(8000);
        new[5000] = '改';
        let started = std::time::Instant::now();
        let m = matches(&singles(&old), &singles(&new), later());
        let took = started.elapsed();
        let unmatched: Vec<usize> = (0..new.len()).filter(|&j| m[j].is_none()).collect();
        assert_eq!(unmatched, [1200, 5000], "{took:?}");
        // What matched is the same character, in order.
        let pairs: Vec<(usize, usize)> = m
            .iter()
            .enumerate()
            .filter_map(|(j, i)| i.map(|i| (i, j)))
            .collect();
        assert!(pairs.iter().all(|&(i, j)| old[i] == new[j]));
        assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn a_paragraph_moved_whole_is_matched_where_it_went() {
        let (first, second, third) = (
            "甲乙丙丁戊己庚辛壬癸子丑寅",
            "天地玄黄宇宙洪荒日月盈昃辰宿",
            "春夏秋冬",
        );
        let old = chars(&format!("{first}{second}{third}"));
        let new = chars(&format!("{second}{first}{third}"));
        let m = matches(&singles(&old), &singles(&new), later());
        // Every character found, the moved run where it was.
        assert!(m.iter().all(Option::is_some), "{m:?}");
        assert_eq!(m[0], Some(first.chars().count()));
        // A short run moved is not matched by chance (fewer than MOVED_WORDS words).
        let (old, new) = (chars("甲乙丙丁戊"), chars("丁戊甲乙丙"));
        let m = matches(&singles(&old), &singles(&new), later());
        assert_eq!(m.iter().filter(|i| i.is_none()).count(), 2, "{m:?}");
    }

    #[test]
    fn matches_what_stayed_around_an_edit() {
        let (a, b) = (chars("思想是本行动是形"), chars("思想是根本行动是形"));
        let m = matches(&singles(&a), &singles(&b), later());
        assert_eq!(
            m,
            [
                Some(0),
                Some(1),
                Some(2),
                None,
                Some(3),
                Some(4),
                Some(5),
                Some(6),
                Some(7)
            ]
        );
        let (a, b) = (chars("甲乙丙丁戊"), chars("甲丙X戊"));
        assert_eq!(
            matches(&singles(&a), &singles(&b), later()),
            [Some(0), Some(2), None, Some(4)]
        );
        let new = chars("新");
        assert_eq!(matches(&[], &singles(&new), later()), [None]);
    }

    fn line(story: &str, text: &str, x: f64, y: f64) -> Source {
        let glyphs = text
            .chars()
            .enumerate()
            .map(|(i, c)| {
                let area = Area {
                    page: 1,
                    x: x + 9.0 * i as f64,
                    y,
                    width: 9.0,
                    height: 9.0,
                };
                (c, area)
            })
            .collect();
        Source {
            area: Area {
                page: 1,
                x,
                y,
                width: 9.0 * text.chars().count() as f64,
                height: 9.0,
            },
            line: 1,
            column: 1,
            what: String::new(),
            story: story.into(),
            prints: Prints::Text(glyphs),
        }
    }

    /// A line of Latin words, each letter 5 pt wide, a 3 pt space between words.
    fn latin(story: &str, text: &str, y: f64) -> Source {
        let mut glyphs = Vec::new();
        let mut x = 0.0;
        for word in text.split(' ') {
            for c in word.chars() {
                glyphs.push((
                    c,
                    Area {
                        page: 1,
                        x,
                        y,
                        width: 5.0,
                        height: 9.0,
                    },
                ));
                x += 5.0;
            }
            x += 3.0;
        }
        Source {
            prints: Prints::Text(glyphs),
            ..line(story, "", 0.0, y)
        }
    }

    #[test]
    fn latin_words_are_marked_whole_and_chinese_characters_one_by_one() {
        let old = latin("s", "the cat sat", 0.0);
        let cut = |source: &Source| {
            let Prints::Text(glyphs) = &source.prints else {
                unreachable!()
            };
            let placed: Vec<(char, Area, usize)> = glyphs.iter().map(|&(c, a)| (c, a, 0)).collect();
            let text: Vec<char> = placed.iter().map(|p| p.0).collect();
            words(&text, &placed)
                .iter()
                .map(|w| w.iter().collect::<String>())
                .collect::<Vec<_>>()
        };
        assert_eq!(cut(&old), ["the", "cat", "sat"]);
        assert_eq!(
            cut(&line("s", "GDP增长3%", 0.0, 0.0)),
            ["GDP", "增", "长", "3", "%"]
        );
        // `cat` → `cart`: the whole word is boxed (four letters, 20 pt), not the `r` alone.
        let changes = changes(&[old], &[latin("s", "the cart sat", 0.0)]);
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert_eq!((changes[0].area.x, changes[0].area.width), (18.0, 20.0));
    }

    #[test]
    fn boxes_changed_characters_and_outlines_what_moved() {
        let before = [
            line("s", "一二三四", 0.0, 0.0),
            line("s", "五六七八", 0.0, 13.0),
            line("t", "甲乙", 100.0, 0.0),
        ];
        // One character replaced in the first line; the second line unchanged; story t moved down.
        let after = [
            line("s", "一二X四", 0.0, 0.0),
            line("s", "五六七八", 0.0, 13.0),
            line("t", "甲乙", 100.0, 26.0),
        ];
        let changes = changes(&before, &after);
        let changed: Vec<&Change> = changes.iter().filter(|c| c.kind == "changed").collect();
        assert_eq!(changed.len(), 1);
        assert_eq!((changed[0].area.x, changed[0].area.width), (18.0, 9.0));
        let moved: Vec<&Change> = changes.iter().filter(|c| c.kind == "moved").collect();
        assert_eq!(moved.len(), 1);
        assert_eq!((moved[0].area.x, moved[0].area.y), (100.0, 26.0));
        // Nothing changed: nothing marked.
        assert!(super::changes(&before, &before).is_empty());
    }
}
