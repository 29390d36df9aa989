//! Step times for `build --timings`: each step from the end of the one before, and steps
//! that ran beside (or within) one, timed apart.

use std::time::Instant;

/// Step times, in milliseconds, each from the end of the one before (`build --timings`).
pub struct Laps {
    pub started: Instant,
    last: Instant,
    pub done: Vec<(&'static str, f64)>,
}

impl Laps {
    pub fn start() -> Self {
        let now = Instant::now();
        Self {
            started: now,
            last: now,
            done: Vec::new(),
        }
    }

    /// Ends the step `step` now.
    pub fn lap(&mut self, step: &'static str) {
        let now = Instant::now();
        self.done
            .push((step, (now - self.last).as_secs_f64() * 1000.0));
        self.last = now;
    }

    /// A step that ran beside the last one, `ms` long (its time is not counted again).
    pub fn beside(&mut self, step: &'static str, ms: f64) {
        self.done.push((step, ms));
    }

    /// Steps timed elsewhere (the pipeline's), ending now.
    pub fn add(&mut self, laps: &[(&'static str, f64)]) {
        self.done.extend_from_slice(laps);
        self.last = Instant::now();
    }

    /// One `timings:` line, for scripts to parse.
    pub fn line(&self) -> String {
        let laps: Vec<String> = self
            .done
            .iter()
            .map(|(step, ms)| format!("{step}={ms:.1}ms"))
            .collect();
        format!("timings: {}", laps.join(" "))
    }
}
