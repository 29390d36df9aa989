//! banmian's integration tests: the real binary on real pages, checked by what the user sees
//! (the PDF's pages, boxes, fonts and text) and by what it prints.

mod agreement;
mod architecture;
mod bad_input;
mod build;
mod desk_edits;
mod diff;
mod display;
mod errors;
mod hostile;
mod ink;
mod issue;
mod json_schema;
mod latin;
mod messages;
mod news;
mod news_variants;
mod one_story;
mod pdfx;
mod pipeline;
mod preflight;
mod proof;
mod scaffold;
mod schema_agreement;
mod serve;
mod serve_browser;
mod space;
mod spread;
mod strict;
mod support;
mod threads;
mod tiffsep;
mod typography;
mod variants;
mod watch;
mod webdriver;
