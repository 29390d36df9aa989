//! Jumps across an issue's pages (转版): a page that takes a continuation is built after the
//! page the story starts on, whose make-up says where the text breaks; the rest is handed to
//! it as a story of its own (`content::jumps::continuation`).

use std::collections::HashMap;
use std::sync::Mutex;

use crate::content::LoadedPage;
use crate::content::issue::{LoadedIssue, Slot};
use crate::content::jumps::{self, Jump};
use crate::content::t;
use crate::failure::Failure;
use crate::makeup::MadeUp;

/// What a start page hands the continuation's page, by (story, start page's place).
#[derive(Default)]
pub struct Handoff(Mutex<HashMap<(String, usize), Handed>>);

#[derive(Debug, Clone)]
enum Handed {
    /// The text that jumps, as the continuation's story.
    Rest(Box<crate::content::StoryView>),
    /// The story fits its first page whole.
    Fits,
}

/// The waves an issue's pages are built in: every page in the first but those that take a
/// continuation, each of which waits for the waves its stories start in. Pages in page order
/// within a wave.
pub fn waves(issue: &LoadedIssue) -> Vec<Vec<usize>> {
    let slots: Vec<Option<Slot>> = issue.pages.iter().map(|(_, s)| Some(s.clone())).collect();
    waves_of(&slots)
}

/// [`waves`] of pages by their slots, in issue order (a page with none waits for nothing).
pub fn waves_of(slots: &[Option<Slot>]) -> Vec<Vec<usize>> {
    let mut wave = vec![0usize; slots.len()];
    for (i, slot) in slots.iter().enumerate() {
        wave[i] = slot
            .iter()
            .flat_map(|s| &s.jumps)
            .filter(|j| j.to_index == i && j.from_index < i)
            .map(|j| wave[j.from_index] + 1)
            .max()
            .unwrap_or(0);
    }
    let count = wave.iter().max().map_or(0, |w| w + 1);
    (0..count)
        .map(|w| (0..wave.len()).filter(|&i| wave[i] == w).collect())
        .collect()
}

impl Handoff {
    /// Records what the start page `page` (laid out to `plan`) hands on for each story of it
    /// that jumps.
    pub fn give(&self, slot: &Slot, page: &LoadedPage, plan: Option<&MadeUp>) {
        let mut given = self.0.lock().unwrap_or_else(|e| e.into_inner());
        for jump in slot.jumps.iter().filter(|j| j.from_index == slot.index) {
            let Some(story) = page.view.stories.iter().find(|s| s.id == jump.story) else {
                continue;
            };
            let module = match plan {
                Some(MadeUp::News(plan, _)) => plan.modules.iter().find(|m| m.id == jump.story),
                _ => None,
            };
            // A story the page left out is overset there: nothing is handed on.
            let Some(module) = module else {
                given.remove(&(jump.story.clone(), jump.from_index));
                continue;
            };
            let handed = match &module.jump {
                Some(cut) => Handed::Rest(Box::new(jumps::continuation(story, jump, cut.resume))),
                None => Handed::Fits,
            };
            given.insert((jump.story.clone(), jump.from_index), handed);
        }
    }

    /// Takes into `page` (the page at `slot`) the continuations handed to it: each becomes a
    /// story of the page; one whose story fits its first page is a note; one whose first page
    /// did not lay out fails this page too.
    pub fn take(&self, slot: &Slot, page: &mut LoadedPage) -> Result<(), Failure> {
        let given = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let mut missing = Vec::new();
        for jump in slot.jumps.iter().filter(|j| j.to_index == slot.index) {
            match given.get(&(jump.story.clone(), jump.from_index)) {
                Some(Handed::Rest(rest)) => jumps::take(&mut page.view, (**rest).clone()),
                Some(Handed::Fits) => {
                    let note = jumps::fits(jump, &page.file, page.positions.key("stories"));
                    page.warnings.push(note);
                }
                None => missing.push(unbuilt(jump)),
            }
        }
        if missing.is_empty() {
            Ok(())
        } else {
            Err(Failure::Content(missing))
        }
    }
}

fn unbuilt(jump: &Jump) -> crate::content::ContentError {
    jump.error(
        t!(
            "jump-unbuilt",
            to = jump.to,
            story = jump.story,
            from = jump.from
        ),
        &t!("jump-unbuilt-hint", from = jump.from),
    )
}
