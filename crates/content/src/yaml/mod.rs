//! The page's YAML, read in two passes: a scan of libyaml's events (limits, duplicate keys,
//! unprintable characters, positions), then serde into the typed model.

mod cut;
pub mod events;
pub mod scan;
mod schema;
mod syntax;

use std::path::Path;

use serde::de::DeserializeOwned;

pub use cut::oversize;
pub use scan::{Place, Positions, Scanned};

use crate::error::ContentError;

/// Parses `source` (the text of `file`) into `T`, with positions and warnings.
pub fn parse<T: DeserializeOwned>(
    file: &Path,
    source: &str,
) -> Result<(T, Scanned), Vec<ContentError>> {
    let scanned = scan::scan(file, source)?;
    let value = serde_yaml::from_str(source)
        .map_err(|err| vec![schema::error(file, source, &scanned.positions, &err)])?;
    Ok((value, scanned))
}
