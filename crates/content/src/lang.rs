//! The language a text is written in: a BCP 47 tag (`zh`, `zh-Hant`, `en`, `en-GB`) as the page
//! or story says it (`lang:`), or `en` when it says none and its words are mostly Latin. Text
//! without either is the house's language (`house-lang` in layout/style.typ). A language in
//! Latin script is set in the Latin house style, with its punctuation made typographic here
//! (curly quotes, en dashes), since the text reaches typst as data, not as markup.

use serde::Serialize;

/// A language as the templates read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LangView {
    /// The BCP 47 tag as written (`en` when found from the text).
    pub tag: String,
    /// ISO 639 language code, lower case: typst's `lang`.
    pub lang: String,
    /// ISO 3166 region, lower case, when the tag gives one (or its script implies one, as
    /// `zh-Hant` does `tw`): typst's `region`.
    pub region: Option<String>,
    /// Written in Latin script: set in the Latin house style.
    pub latin: bool,
}

/// Languages set in the Chinese house style: CJK scripts.
const CJK: [&str; 9] = ["zh", "ja", "ko", "yue", "cmn", "wuu", "hak", "nan", "lzh"];

/// Languages written in Latin script (ISO 639-1, and a few 639-3), as far as a newsroom meets
/// them; another language in Latin script says so with its script subtag (`uz-Latn`).
const LATIN: [&str; 46] = [
    "af", "ca", "cs", "cy", "da", "de", "en", "eo", "es", "et", "eu", "fi", "fil", "fr", "ga",
    "gl", "hr", "hu", "id", "is", "it", "la", "lt", "lv", "ms", "mt", "nb", "nl", "nn", "no", "pl",
    "pt", "ro", "sk", "sl", "sq", "sv", "sw", "tl", "tr", "vi", "zu", "xh", "yo", "haw", "mi",
];

/// Reads a BCP 47 tag; the error says what is wrong with it.
pub fn parse(tag: &str) -> Result<LangView, String> {
    let mut subtags = tag.trim().split('-');
    let language = subtags.next().unwrap_or_default().to_ascii_lowercase();
    if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_alphabetic()) {
        return Err(crate::t!("lang-no-code", tag = tag));
    }
    let (mut script, mut region) = (None, None);
    for subtag in subtags {
        let alpha = subtag.chars().all(|c| c.is_ascii_alphabetic());
        let digits = subtag.chars().all(|c| c.is_ascii_digit());
        match subtag.len() {
            // An extension or private use (`-u-…`, `-x-…`): the rest is not for typesetting.
            1 if subtag.chars().all(|c| c.is_ascii_alphanumeric()) => break,
            4 if alpha && script.is_none() && region.is_none() => {
                script = Some(subtag.to_ascii_lowercase())
            }
            2 if alpha && region.is_none() => region = Some(subtag.to_ascii_lowercase()),
            3 if digits && region.is_none() => {} // a UN M.49 area (`es-419`): no typst region
            // A variant: 5 to 8 letters or digits, or 4 starting with a digit (`1996`).
            5..=8 if subtag.chars().all(|c| c.is_ascii_alphanumeric()) => {}
            4 if subtag.starts_with(|c: char| c.is_ascii_digit())
                && subtag.chars().all(|c| c.is_ascii_alphanumeric()) => {}
            _ => {
                return Err(crate::t!("lang-bad-subtag", tag = tag, subtag = subtag));
            }
        }
    }
    let latin = match script.as_deref() {
        Some("latn") => true,
        Some("hans" | "hant" | "hani" | "jpan" | "kore" | "hira" | "kana" | "hang") => false,
        Some(_) => return Err(unsupported(tag)),
        None if CJK.contains(&language.as_str()) => false,
        None if LATIN.contains(&language.as_str()) => true,
        None => return Err(unsupported(tag)),
    };
    if latin == CJK.contains(&language.as_str()) && script.is_some() {
        return Err(unsupported(tag));
    }
    // Typst picks traditional Chinese conventions by region, not by script.
    let region = region.or_else(|| match (language.as_str(), script.as_deref()) {
        ("zh", Some("hant")) => Some("tw".into()),
        ("zh", _) => Some("cn".into()),
        _ => None,
    });
    Ok(LangView {
        tag: tag.trim().to_string(),
        lang: language,
        region,
        latin,
    })
}

fn unsupported(tag: &str) -> String {
    crate::t!("lang-unsupported", tag = tag)
}

/// The language of text found, when the page or story does not say: `en` for text mostly in
/// Latin words, `None` for text mostly Chinese (the house's), and `Some(None)`… see [`Found`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// More Latin words than twice its Han characters, and at least three: set as English.
    Latin,
    /// Han characters at least half as many as Latin words: the house's language.
    Han,
    /// Too little text to tell.
    Unknown,
}

/// Which script `texts` are mostly written in, counting Latin words against Han characters (a
/// Chinese character is about a word: 罗鸣 in an English story, APEC in a Chinese one, leave
/// each what it is).
pub fn detect<'a>(texts: impl IntoIterator<Item = &'a str>) -> Found {
    let (mut words, mut han) = (0usize, 0usize);
    for text in texts {
        let mut in_word = false;
        for c in text.chars() {
            let letter = is_latin_letter(c);
            if letter && !in_word {
                words += 1;
            }
            in_word = letter || (in_word && (c == '\'' || c == '’' || c == '-'));
            if crate::text::is_wide(c) && c.is_alphabetic() {
                han += 1;
            }
        }
    }
    if words >= 3 && words > 2 * han {
        Found::Latin
    } else if han > 0 && 2 * han >= words {
        Found::Han
    } else {
        Found::Unknown
    }
}

/// The language text found mostly Latin is set in.
pub fn found_latin() -> LangView {
    parse("en").expect("en is a language tag")
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF) && c.is_alphabetic()
}

/// A language's quotation marks: double and single, opening and closing, and the space set
/// inside them (French: a narrow no-break space).
struct Quotes {
    double: (char, char),
    single: (char, char),
    inside: Option<char>,
}

impl Quotes {
    /// By language: English's for one not listed.
    fn of(lang: &str) -> Quotes {
        let (double, single, inside) = match lang {
            "de" | "cs" | "sk" | "sl" | "lt" | "et" | "is" => (('„', '“'), ('‚', '‘'), None),
            "fr" => (('«', '»'), ('‹', '›'), Some('\u{202F}')),
            "es" | "it" | "ca" | "nb" | "nn" | "no" => (('«', '»'), ('“', '”'), None),
            _ => (('“', '”'), ('‘', '’'), None),
        };
        Quotes {
            double,
            single,
            inside,
        }
    }
}

/// What a straight quote turns out to be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Apostrophe,
}

/// Latin text's punctuation as a typesetter sets it in `lang` (typst's code: `en`, `de`…):
/// straight quotes made the language's (“English” „deutsch“ « français »; an apostrophe, a
/// quote between two letters or before a year's digits, is always ’), a hyphen between two
/// numbers an en dash (a range: 1990–1995, pages 10–12), a hyphen between spaces a spaced en
/// dash. A date written 2021-09-28 keeps its hyphens.
pub fn punctuate(text: &str, lang: &str) -> String {
    let quotes = Quotes::of(lang);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    // A single quote open (so a quote after a letter closes it), a double quote open (so the
    // next closes it, a space before it or not).
    let (mut opened, mut double_open) = (false, false);
    for (i, &c) in chars.iter().enumerate() {
        // What was set before it: a quote opened just before is already the language's.
        let before = out.chars().next_back();
        let after = chars.get(i + 1).copied();
        // Opens after nothing, a space, an opening bracket or dash, or another opening quote.
        let opens = before.is_none_or(|b| {
            b.is_whitespace()
                || matches!(b, '(' | '[' | '{' | '—' | '–' | '-' | '/')
                || [quotes.double.0, quotes.single.0].contains(&b)
        });
        let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
        let quote = match c {
            '"' if opens && !double_open => Some((quotes.double.0, Mark::Open)),
            '"' => Some((quotes.double.1, Mark::Close)),
            // it's, 'tis, '90s, the rivers' banks: an apostrophe.
            '\'' if letter(before) && letter(after) => Some(('’', Mark::Apostrophe)),
            '\'' if after.is_some_and(|a| a.is_ascii_digit()) => Some(('’', Mark::Apostrophe)),
            '\'' if opens => Some((quotes.single.0, Mark::Open)),
            '\'' if letter(before) && !opened => Some(('’', Mark::Apostrophe)),
            '\'' => Some((quotes.single.1, Mark::Close)),
            _ => None,
        };
        match quote {
            Some((mark, kind)) => {
                if kind == Mark::Close
                    && let Some(space) = quotes.inside
                {
                    out.truncate(out.trim_end().len());
                    out.push(space);
                }
                out.push(mark);
                match (c, kind) {
                    ('"', Mark::Open) => double_open = true,
                    ('"', _) => double_open = false,
                    (_, Mark::Open) => opened = true,
                    (_, Mark::Close) => opened = false,
                    _ => {}
                }
                if kind == Mark::Open
                    && let Some(space) = quotes.inside
                {
                    out.push(space);
                }
            }
            None if c == ' ' && quotes.inside.is_some_and(|s| before == Some(s)) => {}
            None => out.push(match c {
                '-' if is_range(&chars, i) => '–',
                '-' if before == Some(' ') && after == Some(' ') => '–',
                c => c,
            }),
        }
    }
    out
}

/// Whether the hyphen at `i` joins two numbers as a range: digits on both sides, and neither
/// number joined to another by a hyphen (a date, a telephone or reference number).
fn is_range(chars: &[char], i: usize) -> bool {
    let digits_before = chars[..i]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let digits_after = chars[i + 1..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let left_end = i - digits_before;
    let right_end = i + 1 + digits_after;
    digits_before > 0
        && digits_after > 0
        && (left_end == 0 || !matches!(chars[left_end - 1], '-' | '.' | '/'))
        && chars.get(right_end).is_none_or(|c| !matches!(c, '-' | '/'))
        && !chars.get(right_end).is_some_and(|c| {
            *c == '.' && chars.get(right_end + 1).is_some_and(char::is_ascii_digit)
        })
}

/// A text as it is set in `lang` (`None`: the house's, left as typed): Latin script gets its
/// typographic punctuation.
pub fn prose(lang: &Option<LangView>, text: &str) -> String {
    match lang {
        Some(l) if l.latin => punctuate(text, &l.lang),
        _ => text.to_string(),
    }
}

/// A subtitle as set in `lang`: in Latin script, without the Chinese habit of opening it with
/// a dash (——副题).
pub fn subtitle(lang: &Option<LangView>, text: &str) -> String {
    match lang {
        Some(l) if l.latin => prose(lang, text)
            .trim_start_matches(['—', '–', '-', ' ', '\u{3000}'])
            .to_string(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_give_typst_lang_region_and_script() {
        let en = parse("en").unwrap();
        assert_eq!((en.lang.as_str(), en.region, en.latin), ("en", None, true));
        let gb = parse("en-GB").unwrap();
        assert_eq!(gb.region.as_deref(), Some("gb"));
        let hant = parse("zh-Hant").unwrap();
        assert_eq!((hant.region.as_deref(), hant.latin), (Some("tw"), false));
        assert_eq!(parse("zh").unwrap().region.as_deref(), Some("cn"));
        assert_eq!(parse("zh-Hant-HK").unwrap().region.as_deref(), Some("hk"));
        assert!(parse("uz-Latn").unwrap().latin);
        assert!(parse("es-419").unwrap().latin);
        assert!(parse("de-CH-1996").unwrap().latin);
        assert_eq!(parse("zh-Hant").unwrap().tag, "zh-Hant");
    }

    #[test]
    fn bad_and_unsupported_tags_say_why() {
        assert!(parse("english").unwrap_err().contains("2 or 3 letters"));
        assert!(parse("en-").unwrap_err().contains("no script"));
        assert!(parse("").is_err());
        assert!(parse("ru").unwrap_err().contains("no house style"));
        assert!(parse("en-Cyrl").unwrap_err().contains("no house style"));
        assert!(parse("zh-Latn").unwrap_err().contains("no house style"));
    }

    #[test]
    fn mostly_latin_words_are_found_latin() {
        assert_eq!(detect(["The river came back to the city."]), Found::Latin);
        assert_eq!(detect(["Luo Ming (罗鸣) wrote it down."]), Found::Latin);
        assert_eq!(detect(["APEC会议在北京举行，GDP增长。"]), Found::Han);
        assert_eq!(detect(["Hi"]), Found::Unknown);
        assert_eq!(detect(["2021"]), Found::Unknown);
        assert_eq!(detect(["Ça, c'est évident."]), Found::Latin);
    }

    #[test]
    fn quotes_curl_and_ranges_take_en_dashes() {
        let punctuate = |text: &str| super::punctuate(text, "en");
        assert_eq!(
            punctuate(r#"He said, "it's the river's year" ('tis so) in the '90s."#),
            "He said, “it’s the river’s year” (‘tis so) in the ’90s."
        );
        assert_eq!(punctuate("'quoted' \"twice\""), "‘quoted’ “twice”");
        assert_eq!(punctuate("the rivers' banks"), "the rivers’ banks");
        assert_eq!(
            punctuate("\"'Nested,' she said.\""),
            "“‘Nested,’ she said.”"
        );
        assert_eq!(
            punctuate("from 1990-1995, pages 10-12"),
            "from 1990–1995, pages 10–12"
        );
        assert_eq!(
            punctuate("on 2021-09-28, call 555-1234-99"),
            "on 2021-09-28, call 555-1234-99"
        );
        assert_eq!(
            punctuate("a well-known river - and more"),
            "a well-known river – and more"
        );
        assert_eq!(punctuate("version 1.2-3.4"), "version 1.2-3.4");
    }

    #[test]
    fn quotes_follow_the_language() {
        let text = r#""It's 'ours'," he said."#;
        assert_eq!(punctuate(text, "en"), "“It’s ‘ours’,” he said.");
        assert_eq!(punctuate(text, "de"), "„It’s ‚ours‘,“ he said.");
        assert_eq!(punctuate(text, "it"), "«It’s “ours”,» he said.");
        // French: a narrow no-break space inside the guillemets, whether typed or not.
        assert_eq!(
            punctuate(r#"Il a dit "oui" et " non "."#, "fr"),
            "Il a dit «\u{202F}oui\u{202F}» et «\u{202F}non\u{202F}»."
        );
    }

    #[test]
    fn a_latin_subtitle_loses_its_chinese_dash() {
        let en = Some(parse("en").unwrap());
        assert_eq!(subtitle(&en, "——A river comes home"), "A river comes home");
        assert_eq!(subtitle(&en, "- A river"), "A river");
        assert_eq!(subtitle(&en, "A river-side walk"), "A river-side walk");
        assert_eq!(subtitle(&None, "——副题"), "——副题");
        assert_eq!(prose(&None, "\"typed\""), "\"typed\"");
    }
}
