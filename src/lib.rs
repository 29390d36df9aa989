//! banmian: newspaper pages from YAML content and Typst templates, as print-ready PDF.
//!
//! One page's way, one module a step: [`content`] (YAML → checked data) → [`world`] (what
//! Typst sees) → [`photo_prep`] and [`makeup`] (measure, make up, lay out) → [`preflight`] →
//! [`output`] (PDF, plates, proofs, ink). [`pipeline`] runs them for every command; see
//! ARCHITECTURE.md.

/// The content model lives in its own crate, typst-free (fuzzed and tested on its own).
pub use banmian_content as content;
pub use banmian_content::images;

pub mod cache;
pub mod compile;
pub mod coverage;
pub mod export;
pub mod failure;
pub mod fonts;
pub mod guard;
pub mod inspect;
pub mod issue;
pub mod makeup;
pub mod output;
pub mod pdfx;
pub mod photo_prep;
pub mod pipeline;
pub mod preflight;
pub mod print_boxes;
pub mod project;
pub mod proof;
pub mod redline;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod session;
pub mod spread;
pub mod summary;
pub mod units;
pub mod world;
