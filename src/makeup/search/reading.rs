//! Whether a photo set across stacks reads with its section, as a make-up editor reads it:
//! set into its section's text, or topping it as a story's photo tops the story, clear of
//! the other sections' heads (two make-up editors' reviews of such pages set these rules).

use super::{Context, Ref, Trial};
use crate::makeup::Frame;

/// Lines around a photo topping its section in which no other head may stand: under it in
/// the stacks beside its head (closer, the two heads read as a staircase; a make-up editor's
/// review asked for 8 or more between heads in neighbouring stacks), and over it in the
/// stacks it spans (it reads as that head's photo).
const CLEAR_UNDER: u32 = 8;

impl Context<'_> {
    /// Wide photos that do not read with their section. One reads with it set into its text
    /// (in every stack it spans, the line right above it is its section's, its head or its
    /// text, and in its first stack the line right under it its section's text, or the foot:
    /// another section's head there would make it read as that section's photo) or over it, as a story's photo tops the story (an earlier section's text runs
    /// down to it in every stack it spans, its section's head opens its first stack under it
    /// and its section's text the others). A wide photo at the top of its first stack, right
    /// under the lead's photo, reads as a stack of photos: astray too, as does one topping its
    /// section where another head stands in a stack beside its head within `CLEAR_UNDER`
    /// lines under it (the heads read as a staircase) or within as many lines over it in a
    /// stack it spans (it reads as that head's photo). Also counted apart: photos set into
    /// their section whose head stands lower on the page, in an earlier stack (the photo reads
    /// with the section beside it). `heads`: each head's section, stack and first line.
    pub(super) fn astray(
        &self,
        trial: &Trial,
        (first, last): &(Vec<Option<Ref>>, Vec<Option<Ref>>),
        frames: &[Frame],
        heads: &[(usize, usize, u32)],
    ) -> (u32, u32) {
        let (mut astray, mut below_head) = (0, 0);
        for w in &trial.wide {
            let bottom = w.top + self.wide_total(trial.grid, w);
            let at_in = |stack: usize, top: u32| {
                frames.iter().position(|f| f.stack == stack && f.top == top)
            };
            let ours = |r: Option<Ref>| matches!(r, Some(Ref::Head(s) | Ref::Text(s, _)) if s == w.section);
            let above = |stack: usize| {
                frames
                    .iter()
                    .position(|f| f.stack == stack && f.top + f.lines == w.top && f.lines > 0)
                    .map(|i| last[i])
            };
            let under = |stack: usize| at_in(stack, bottom).and_then(|i| first[i]);
            let below = under(w.stack);
            let reads_above = above(w.stack).is_some_and(ours)
                && (w.stack + 1..w.stack + w.span).all(|s| above(s).is_none_or(ours));
            // Nor does a photo stand right under it in any stack it spans: two pictures
            // touching read as one.
            let photo_under = (w.stack..w.stack + w.span).any(|stack| {
                frames
                    .iter()
                    .position(|f| f.stack == stack && f.top == bottom)
                    .and_then(|i| first[i])
                    .is_some_and(|r| matches!(r, Ref::Photo(..)))
            });
            // (Under it, another section's head would make it read as that section's photo.)
            let reads_below = match below {
                Some(Ref::Text(s, _) | Ref::Photo(s, _)) => s == w.section,
                Some(Ref::Head(_)) => false,
                Some(Ref::Credit) | None => true,
            };
            let earlier = |r: Option<Ref>| matches!(r, Some(Ref::Text(s, _)) if s < w.section);
            let tops_its_section = below == Some(Ref::Head(w.section))
                && (w.stack..w.stack + w.span).all(|s| above(s).is_some_and(earlier))
                && (w.stack + 1..w.stack + w.span)
                    .all(|s| matches!(under(s), Some(Ref::Text(x, _)) if x == w.section));
            let head_over = heads
                .iter()
                .filter(|&&(s, _, _)| s == w.section)
                .all(|&(_, _, line)| line <= w.top);
            // (Nor does another head stand right over it: the photo would read as that
            // section's.)
            let clear_beside = heads.iter().all(|&(_, stack, line)| {
                let beside = stack > w.stack && stack < w.stack + w.span;
                let over = (w.stack..w.stack + w.span).contains(&stack);
                !(beside && (bottom..bottom + CLEAR_UNDER).contains(&line)
                    || over && (w.top.saturating_sub(CLEAR_UNDER)..w.top).contains(&line))
            });
            let set_into = reads_above && reads_below;
            let topping = tops_its_section && clear_beside;
            astray += u32::from(!(set_into || topping) || photo_under);
            below_head += u32::from(set_into && !topping && !head_over);
        }
        (astray, below_head)
    }
}
