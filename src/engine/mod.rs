//! What typst lays a page out in: the sandboxed, deterministic world (`world`), the fonts it
//! may use (`fonts`), compiling a page's data with a template (`compile`), and the caches kept
//! between runs (`cache`). Nothing here knows a newspaper.

pub mod cache;
pub mod compile;
pub mod fonts;
pub mod press;
pub mod world;
