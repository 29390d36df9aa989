//! The plates of a page as cells of ink: one plane a separation (cyan, magenta, yellow, black,
//! then each spot colour as it is first painted), each cell the share of its area the plate
//! inks, 0–1. Paint lands on them as a PDF RIP puts it: a knockout colour replaces what is
//! under it on every plate; an overprinting one (pure K, see `pdfx::overprint`) replaces only
//! the plates it inks (`OPM 1`) and leaves the others as they were. A cell partly covered takes
//! the covered share of the new ink, as the average of a finer rendering would.

/// The process separations, in the order tiffsep names them.
pub const PROCESS: [&str; 4] = ["Cyan", "Magenta", "Yellow", "Black"];

/// Plates of `width` × `height` cells.
pub struct Plates {
    pub width: usize,
    pub height: usize,
    names: Vec<String>,
    planes: Vec<Vec<f32>>,
}

/// `cells` cells of no ink, written now. A plate is read before it is written (paint blends
/// with what is there), and fresh zeroed memory read first is mapped to the kernel's zero page,
/// so each page's first write then swaps the mapping, which makes the kernel interrupt the
/// other core: measured, a third of the ink's time and a slower PDF beside it.
fn blank(cells: usize) -> Vec<f32> {
    let mut plane = Vec::with_capacity(cells);
    plane.resize(cells, 0.0);
    plane
}

/// What a paint puts on the plates: (plate, share 0–1) for each plate it inks, and whether it
/// overprints (the plates it does not name keep their ink) or knocks out (they are cleared).
#[derive(Debug, Clone, PartialEq)]
pub struct Ink {
    pub plates: Vec<(usize, f32)>,
    pub overprint: bool,
}

impl Ink {
    /// Process ink, C, M, Y and K 0–1; pure 100 % K overprints, as the PDF/X says.
    pub fn process([c, m, y, k]: [f32; 4]) -> Ink {
        Ink {
            plates: vec![(0, c), (1, m), (2, y), (3, k)],
            overprint: crate::output::pdfx::overprint::overprints([c, m, y, k]),
        }
    }
}

impl Plates {
    pub fn new(width: usize, height: usize) -> Plates {
        Plates {
            width,
            height,
            names: PROCESS.iter().map(|s| s.to_string()).collect(),
            planes: (0..PROCESS.len()).map(|_| blank(width * height)).collect(),
        }
    }

    /// The plate of a spot colour named `name`, added blank on first use.
    pub fn spot(&mut self, name: &str) -> usize {
        if let Some(i) = self.names.iter().position(|n| n == name) {
            return i;
        }
        self.names.push(name.to_string());
        self.planes.push(blank(self.width * self.height));
        self.names.len() - 1
    }

    /// How many plates there are (four, and one a spot colour).
    pub fn count(&self) -> usize {
        self.planes.len()
    }

    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Paints `ink` over the cells of row `y` from column `x`, each `coverage[i]` (0–1) of the
    /// cell covered. Cells outside the plates are skipped.
    pub fn paint_row(&mut self, x: i64, y: i64, coverage: &[f32], ink: &Ink) {
        let Some((from, cells)) = self.clip_row(x, y, coverage.len()) else {
            return;
        };
        let skip = (from as i64 - x) as usize;
        let row = y as usize * self.width;
        for plate in 0..self.planes.len() {
            let share = ink
                .plates
                .iter()
                .find(|(p, _)| *p == plate)
                .map(|(_, s)| *s);
            let share = match share {
                Some(s) if !(ink.overprint && s == 0.0) => s,
                // Overprint leaves the plates the colour does not ink alone.
                _ if ink.overprint => continue,
                _ => 0.0,
            };
            let plane = &mut self.planes[plate][row + from..row + from + cells];
            for (v, a) in plane.iter_mut().zip(&coverage[skip..skip + cells]) {
                *v += (share - *v) * a;
            }
        }
    }

    /// Paints a picture's own ink over row `y` from column `x`: `samples` holds, per cell, the
    /// ink of each process plate already weighted by the cell's `coverage` (its share covered).
    /// Pictures knock out (spot plates are cleared under them).
    pub fn paint_samples(&mut self, x: i64, y: i64, coverage: &[f32], samples: &[[f32; 4]]) {
        let Some((from, cells)) = self.clip_row(x, y, coverage.len()) else {
            return;
        };
        let skip = (from as i64 - x) as usize;
        let row = y as usize * self.width;
        for plate in 0..self.planes.len() {
            let plane = &mut self.planes[plate][row + from..row + from + cells];
            for ((v, a), s) in plane
                .iter_mut()
                .zip(&coverage[skip..skip + cells])
                .zip(&samples[skip..skip + cells])
            {
                let ink = if plate < 4 { s[plate] } else { 0.0 };
                *v = *v * (1.0 - a) + ink;
            }
        }
    }

    /// The cells of a row run that lie on the plates: (first column, count).
    fn clip_row(&self, x: i64, y: i64, len: usize) -> Option<(usize, usize)> {
        if y < 0 || y >= self.height as i64 {
            return None;
        }
        let from = x.max(0);
        let to = (x + len as i64).min(self.width as i64);
        (to > from).then(|| (from as usize, (to - from) as usize))
    }

    /// Each cell's total ink, percent (C + M + Y + K + spots).
    pub fn totals(&self) -> Vec<f32> {
        let mut total = blank(self.width * self.height);
        for plane in &self.planes {
            for (t, v) in total.iter_mut().zip(plane) {
                *t += v.clamp(0.0, 1.0) * 100.0;
            }
        }
        total
    }

    /// One plate's ink per cell, 0–1.
    #[cfg(test)]
    pub fn plane(&self, plate: usize) -> &[f32] {
        &self.planes[plate]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 1e-5
    }

    #[test]
    fn knockout_replaces_and_overprint_keeps_what_it_does_not_ink() {
        let mut plates = Plates::new(3, 1);
        // A red tint (0/100/100/15) over all three cells.
        let red = Ink::process([0.0, 1.0, 1.0, 0.15]);
        assert!(!red.overprint);
        plates.paint_row(0, 0, &[1.0; 3], &red);
        // Pure black over the first cell overprints: the red stays under it.
        let black = Ink::process([0.0, 0.0, 0.0, 1.0]);
        assert!(black.overprint);
        plates.paint_row(0, 0, &[1.0], &black);
        // A grey (50 % K) over the second knocks the red out.
        plates.paint_row(1, 0, &[1.0], &Ink::process([0.0, 0.0, 0.0, 0.5]));
        let totals = plates.totals();
        assert!(close(totals[0], 300.0), "{totals:?}");
        assert!(close(totals[1], 50.0), "{totals:?}");
        assert!(close(totals[2], 215.0), "{totals:?}");
    }

    #[test]
    fn a_cell_partly_covered_takes_its_share_of_the_ink() {
        let mut plates = Plates::new(2, 1);
        plates.paint_row(0, 0, &[1.0, 1.0], &Ink::process([0.4, 0.0, 0.0, 0.0]));
        // A quarter of the cell in a knockout magenta: 3/4 of the cyan stays.
        plates.paint_row(0, 0, &[0.25], &Ink::process([0.0, 1.0, 0.0, 0.0]));
        assert!(close(plates.plane(0)[0], 0.3));
        assert!(close(plates.plane(1)[0], 0.25));
        assert!(close(plates.totals()[1], 40.0));
    }

    #[test]
    fn spot_plates_are_added_once_and_cleared_by_knockout_and_pictures() {
        let mut plates = Plates::new(2, 1);
        let spot = plates.spot("PANTONE 485 C");
        assert_eq!(plates.spot("PANTONE 485 C"), spot);
        assert_eq!(plates.count(), 5);
        let accent = Ink {
            plates: vec![(spot, 1.0)],
            overprint: false,
        };
        plates.paint_row(0, 0, &[1.0, 1.0], &accent);
        assert!(close(plates.totals()[0], 100.0));
        plates.paint_samples(0, 0, &[1.0], &[[0.1, 0.2, 0.3, 0.4]]);
        assert!(close(plates.totals()[0], 100.0));
        assert!(close(plates.plane(spot)[0], 0.0));
        assert!(close(plates.plane(spot)[1], 1.0));
    }

    #[test]
    fn paint_off_the_plates_is_dropped() {
        let mut plates = Plates::new(2, 2);
        let k = Ink::process([0.0, 0.0, 0.0, 0.5]);
        plates.paint_row(-1, 0, &[1.0, 1.0, 1.0, 1.0], &k);
        plates.paint_row(0, 2, &[1.0], &k);
        plates.paint_row(0, -1, &[1.0], &k);
        assert_eq!(plates.totals(), vec![50.0, 50.0, 0.0, 0.0]);
    }
}
