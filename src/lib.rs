//! banmian: newspaper pages from YAML content and Typst templates, as print-ready PDF.
//!
//! One page's way, one module a step: [`project`] (where the page is) → [`content`] (YAML →
//! checked data) → [`engine`] (the typst world it is laid out in) → [`photo_prep`] and
//! [`makeup`] (measure, make up, lay out) → [`preflight`] → [`output`] (PDF, plates, proofs,
//! ink). [`build`] runs them for every command; [`desk`] is what the desk works with around a
//! page (live proof, red lines, new pages, the schema); [`failure`] says what went wrong. See
//! ARCHITECTURE.md.

/// The content model lives in its own crate, typst-free (fuzzed and tested on its own).
pub use banmian_content as content;
pub use banmian_content::images;

pub mod atomic;
pub mod build;
pub mod desk;
pub mod engine;
pub mod excerpt;
pub mod failure;
pub mod inspect;
pub mod laps;
pub mod makeup;
pub mod output;
pub mod photo_prep;
pub mod preflight;
pub mod project;
pub mod template;
pub mod units;
