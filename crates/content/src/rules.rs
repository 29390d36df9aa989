//! The values of the rules a page is checked against, in one place: `check` tests a page
//! with them and `banmian schema` states them to editors (as enums, ranges and patterns), so
//! the two cannot drift. The limits of size and count are in [`crate::limits`].

use std::ops::RangeInclusive;

/// Page numbers (版次), of a page or an issue's entry.
pub const PAGE_NUMBERS: RangeInclusive<u32> = 1..=9999;

/// The kinds of story a news page takes: a story, or a photo-news item (图片新闻).
pub const STORY_KINDS: [&str; 2] = ["story", "photo"];

/// A story's frame: a rule round it (加框) or a tinted ground (底纹).
pub const FRAMES: [&str; 2] = ["box", "tint"];

/// The words a photo's focus is made of, joined by `-` (`top-left`).
pub const FOCUS_WORDS: [&str; 6] = ["center", "centre", "top", "bottom", "left", "right"];

/// The most a crop may cut of a photo's width or height, in percent.
pub const CROP_MAX: u32 = 50;

/// A story id: up to this many lowercase letters, digits and hyphens.
pub const STORY_ID_CHARS: usize = 40;

/// Ids a page's own parts have, which no story may take; nor any id starting with `lead`.
pub const RESERVED_IDS: [&str; 8] = [
    "folio", "kicker", "headline", "subtitle", "byline", "lead", "credit", "briefs",
];
pub const RESERVED_ID_PREFIX: &str = "lead";

/// Whether `id` is a plain story id (not whether it is free: see [`RESERVED_IDS`]).
pub fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= STORY_ID_CHARS
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The story id pattern, as a regular expression [`is_plain_id`] agrees with.
pub fn plain_id_pattern() -> String {
    format!("^[a-z0-9-]{{1,{STORY_ID_CHARS}}}$")
}

/// A text that is not blank: it has a character that is not white space (what `trim` keeps).
pub const NOT_BLANK: &str = "\\S";

/// `YYYY-MM-DD`, a real day of the years 1 to 9999 → (year, month, day).
pub fn parse_date(date: &str) -> Option<(i32, u8, u8)> {
    let bytes = date.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes[range.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| date[range].parse::<u32>().ok())
            .flatten()
    };
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let valid = (1..=9999).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in(year, month);
    valid.then_some((year as i32, month as u8, day as u8))
}

fn days_in(year: u32, month: u32) -> u32 {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The dates [`parse_date`] accepts, as a regular expression: the month's days, and 29
/// February in leap years only (tested against `parse_date` day by day).
pub fn date_pattern() -> String {
    let year = "(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])";
    let leap_tail = "(?:0[48]|[2468][048]|[13579][26])";
    let leap_year = format!("(?:[0-9]{{2}}{leap_tail}|{leap_tail}00)");
    let long = "(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])";
    let short = "(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)";
    let february = "02-(?:0[1-9]|1[0-9]|2[0-8])";
    format!("^(?:{year}-(?:{long}|{short}|{february})|{leap_year}-02-29)$")
}

/// The focus a photo names → the share of the overflow cut before the kept part, across and
/// down; `None` if it is not made of [`FOCUS_WORDS`].
pub fn focus(name: &str) -> Option<(f64, f64)> {
    let (mut x, mut y) = (0.5, 0.5);
    for part in name.trim().split('-') {
        match part {
            "top" => y = 0.0,
            "bottom" => y = 1.0,
            "left" => x = 0.0,
            "right" => x = 1.0,
            part if FOCUS_WORDS.contains(&part) => {}
            _ => return None,
        }
    }
    Some((x, y))
}

/// The focus names [`focus`] accepts, as a regular expression.
pub fn focus_pattern() -> String {
    let word = FOCUS_WORDS.join("|");
    format!("^\\s*(?:{word})(?:-(?:{word}))*\\s*$")
}
