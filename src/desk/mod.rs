//! What the desk works with around a page: the live proof in the browser (`serve`), red lines
//! against an earlier version or a kept round (`redline`), a new page from a template
//! (`scaffold`), and the JSON Schema for editors' completion (`schema`).

pub mod redline;
pub mod scaffold;
pub mod schema;
pub mod serve;
