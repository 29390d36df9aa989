//! What changed since the previous proof, as a proofreader marks it (the 红线 of 一校/二校):
//! each line with changed or new characters boxed around those characters, and text and photos
//! that only moved outlined, merged into blocks.
//!
//! Each text's characters (a story's body, a caption, a head: one YAML node) are compared in
//! reading order, before and after, matched character by character (Myers' diff, however long
//! the text), so a reflowed paragraph is not marked as changed, only as moved.

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
    let old = stories(before);
    let mut changed = Vec::new();
    let mut moved = Vec::new();
    for (story, new) in stories(after) {
        let old_chars = old.get(&story).map(Vec::as_slice).unwrap_or_default();
        let a: Vec<char> = old_chars.iter().map(|(c, _, _)| *c).collect();
        let b: Vec<char> = new.iter().map(|(c, _, _)| *c).collect();
        // For each character of `b`, the index in `a` it matches, if any.
        let matched = matches(&a, &b);
        // Per printed line: the boxes of its changed characters and of its moved ones.
        let mut lines: BTreeMap<usize, (Option<Area>, Option<Area>)> = BTreeMap::new();
        for (j, &(_, area, run)) in new.iter().enumerate() {
            let entry = lines.entry(run).or_default();
            match matched[j] {
                None => entry.0 = Some(entry.0.map_or(area, |box_| box_.union(area))),
                Some(i) if shifted(old_chars[i].1, area) => {
                    entry.1 = Some(entry.1.map_or(area, |box_| box_.union(area)))
                }
                Some(_) => {}
            }
        }
        for (_, (line_changed, line_moved)) in lines {
            match (line_changed, line_moved) {
                (Some(area), _) => changed.push(area),
                (None, Some(area)) => moved.push(area),
                (None, None) => {}
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

/// For each character of `b`, the index of the character of `a` it is the same as: Myers'
/// diff (the `similar` crate), with no cap on the length; past [`DIFF_TIME`] it settles for a
/// coarser match rather than keep the desk waiting.
fn matches(a: &[char], b: &[char]) -> Vec<Option<usize>> {
    let deadline = std::time::Instant::now() + DIFF_TIME;
    let ops =
        similar::capture_diff_slices_deadline(similar::Algorithm::Myers, a, b, Some(deadline));
    let mut out: Vec<Option<usize>> = vec![None; b.len()];
    for op in ops {
        if let similar::DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                out[new_index + k] = Some(old_index + k);
            }
        }
    }
    out
}

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
        let m = matches(&old, &new);
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
    fn matches_what_stayed_around_an_edit() {
        let m = matches(&chars("思想是本行动是形"), &chars("思想是根本行动是形"));
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
        let m = matches(&chars("甲乙丙丁戊"), &chars("甲丙X戊"));
        assert_eq!(m, [Some(0), Some(2), None, Some(4)]);
        assert_eq!(matches(&[], &chars("新")), [None]);
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
