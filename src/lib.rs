//! banmian: newspaper pages from YAML content and Typst templates, as print-ready PDF.
//!
//! The pipeline, one module each: [`content`] (YAML → checked data) → [`world`] (what Typst
//! sees) → [`compile`] (layout) → [`export`] (PDF). [`project`] ties them together for one page.

pub mod cache;
pub mod compile;
pub mod content;
pub mod export;
pub mod fonts;
pub mod images;
pub mod inspect;
pub mod photo_prep;
pub mod preflight;
pub mod print_boxes;
pub mod project;
pub mod proof;
pub mod summary;
pub mod world;
