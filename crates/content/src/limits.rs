//! The limits a page must stay within, checked before anything expensive runs: all of them
//! here, in one place, and the YAML ones while libyaml's events are read (`yaml::scan`), before
//! serde or anything else expands an alias. A newsroom
//! pipeline feeds banmian whatever upstream systems produce; these keep a runaway file from
//! taking the machine with it. Each is far above what a real page needs (the sample page:
//! 15 KiB, depth 4, no aliases, about 5,000 characters, 6 sections, 8 photos). README.md
//! lists them; keep the two in step.

/// One limit: its name as errors print it, and its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub name: &'static str,
    pub max: u64,
    /// What the number counts, for messages ("bytes", "characters"…).
    pub unit: &'static str,
}

/// Size of the page's YAML file.
pub const FILE_BYTES: Limit = Limit {
    name: "file-size",
    max: 1024 * 1024,
    unit: "bytes",
};
/// Nesting of mappings and lists.
pub const DEPTH: Limit = Limit {
    name: "nesting-depth",
    max: 16,
    unit: "levels",
};
/// Uses of aliases (`*name`).
pub const ALIASES: Limit = Limit {
    name: "aliases",
    max: 100,
    unit: "aliases",
};
/// Nodes of the page once every alias is expanded.
pub const NODES: Limit = Limit {
    name: "expanded-nodes",
    max: 20_000,
    unit: "nodes",
};
/// Characters of one text field.
pub const FIELD_CHARS: Limit = Limit {
    name: "field-characters",
    max: 20_000,
    unit: "characters",
};
/// Characters of one mapping key. Every key a page, issue or manifest holds is a field name
/// of a dozen characters; a longer one is pasted text, and would be echoed whole in an
/// "unknown field" message.
pub const KEY_CHARS: Limit = Limit {
    name: "key-characters",
    max: 100,
    unit: "characters",
};
/// Characters of the whole page, aliases expanded: about three full broadsheet pages.
pub const PAGE_CHARS: Limit = Limit {
    name: "page-characters",
    max: 40_000,
    unit: "characters",
};
/// Numbered sections of one page.
pub const SECTIONS: Limit = Limit {
    name: "sections",
    max: 40,
    unit: "sections",
};
/// Photos of one page, the lead photo included.
pub const PHOTOS: Limit = Limit {
    name: "photos",
    max: 40,
    unit: "photos",
};
/// Stories of one page, and briefs of its brief column.
pub const STORIES: Limit = Limit {
    name: "stories",
    max: 40,
    unit: "stories",
};
/// Size of one photo file.
pub const PHOTO_BYTES: Limit = Limit {
    name: "photo-file-size",
    max: 200 * 1024 * 1024,
    unit: "bytes",
};
/// Pixels of one photo (width × height), what decoding it costs: 100 megapixels decode to
/// 300 MB (RGB), and a full broadsheet page at 300 ppi needs 24. A header may claim 20,000 ×
/// 20,000 (400 megapixels, 1.2 GB decoded) in a file of a few hundred KiB.
pub const PHOTO_PIXELS: Limit = Limit {
    name: "photo-pixels",
    max: 100_000_000,
    unit: "pixels",
};
/// Pages of one issue.
pub const ISSUE_PAGES: Limit = Limit {
    name: "issue-pages",
    max: 400,
    unit: "pages",
};

/// Every limit, for documentation and tests.
pub const ALL: [Limit; 13] = [
    FILE_BYTES,
    DEPTH,
    ALIASES,
    NODES,
    FIELD_CHARS,
    KEY_CHARS,
    PAGE_CHARS,
    SECTIONS,
    PHOTOS,
    STORIES,
    PHOTO_BYTES,
    PHOTO_PIXELS,
    ISSUE_PAGES,
];

impl Limit {
    pub fn exceeded_by(&self, value: u64) -> bool {
        value > self.max
    }

    /// "the page: limit `aliases` exceeded: 250 aliases, at most 100", of `what`: a word the
    /// message `limit-subject` knows (`page`, `issue`, `photo-file`…) or a field, `` `body` ``.
    pub fn message(&self, what: &str, value: u64) -> String {
        crate::t!(
            "limit-exceeded",
            what = crate::t!("limit-subject", what = what),
            name = self.name,
            value = group(value),
            unit = self.unit,
            max = group(self.max)
        )
    }
}

/// 1048576 → "1,048,576".
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_limit_and_both_numbers() {
        assert_eq!(
            ALIASES.message("page", 250),
            "the page: limit `aliases` exceeded: 250 aliases, at most 100"
        );
        assert_eq!(group(1_048_576), "1,048,576");
        assert!(FIELD_CHARS.exceeded_by(20_001) && !FIELD_CHARS.exceeded_by(20_000));
    }
}
