//! Black that overprints. typst writes no overprint, so on a plate 100 % K text and rules
//! would knock the colour under them out, and the slightest misregister on a newspaper press
//! shows a white halo around every letter over a tint or photo. This rewrites each content
//! stream so that every fill or stroke in pure 100 % K (C = M = Y = 0) paints with overprint
//! on, and everything else (the accent colour, grey tints, images) knocks out as before.
//!
//! After each colour operator it sets one of four ExtGStates, by whether stroking and filling
//! overprint (`OP`, `op`), with `OPM 1` so a K-only colour leaves the C, M and Y under it
//! alone. Overprint is part of the graphics state, saved and restored by `q`/`Q` with the
//! colour, so the two never part.

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId};

/// The name of the ExtGState for (stroke overprints, fill overprints).
pub fn state_name(stroke: bool, fill: bool) -> String {
    format!("BanmianOP{}{}", u8::from(stroke), u8::from(fill))
}

/// Adds the four ExtGStates to `doc`: (name, object) for a resource dictionary.
pub fn add_states(doc: &mut Document) -> Vec<(String, ObjectId)> {
    let mut out = Vec::new();
    for stroke in [false, true] {
        for fill in [false, true] {
            let state = Dictionary::from_iter([
                ("Type", Object::Name(b"ExtGState".to_vec())),
                ("OP", Object::Boolean(stroke)),
                ("op", Object::Boolean(fill)),
                ("OPM", Object::Integer(1)),
            ]);
            out.push((state_name(stroke, fill), doc.add_object(state)));
        }
    }
    out
}

/// What the graphics state says about overprint: `None` where the stream inherits it (a form
/// XObject) and has not yet set it.
#[derive(Clone, Copy)]
struct State {
    /// Whether the current stroke and fill colours are pure K in DeviceCMYK.
    stroke_k: bool,
    fill_k: bool,
    /// The colour spaces set by `CS`/`cs` are DeviceCMYK (for `SC`/`sc`/`SCN`/`scn`).
    stroke_cmyk: bool,
    fill_cmyk: bool,
    /// The overprint state last set, if known.
    set: Option<(bool, bool)>,
}

/// The graphics state followed operator by operator, saying where overprint must change.
struct Follow {
    initial: State,
    state: State,
    stack: Vec<State>,
    /// Whether anything was painted in pure K.
    any: bool,
}

impl Follow {
    fn new(inherited: bool) -> Self {
        let initial = State {
            stroke_k: false,
            fill_k: false,
            stroke_cmyk: false,
            fill_cmyk: false,
            set: if inherited {
                None
            } else {
                Some((false, false))
            },
        };
        Self {
            initial,
            state: initial,
            stack: Vec::new(),
            any: false,
        }
    }

    /// After `operator` with its numeric operands (in order) and its first name operand: the
    /// overprint state (stroke, fill) to set there, if it changes.
    fn after(
        &mut self,
        operator: &[u8],
        numbers: &[f32],
        name: Option<&[u8]>,
    ) -> Option<(bool, bool)> {
        let pure_k = || <[f32; 4]>::try_from(numbers).is_ok_and(overprints);
        let state = &mut self.state;
        let (stroke, k) = match operator {
            b"q" => {
                self.stack.push(*state);
                return None;
            }
            b"Q" => {
                *state = self.stack.pop().unwrap_or(self.initial);
                return None;
            }
            b"k" => (false, pure_k()),
            b"K" => (true, pure_k()),
            b"sc" | b"scn" => (false, state.fill_cmyk && pure_k()),
            b"SC" | b"SCN" => (true, state.stroke_cmyk && pure_k()),
            b"cs" | b"CS" => {
                let cmyk = name == Some(b"DeviceCMYK".as_slice());
                if operator == b"cs" {
                    state.fill_cmyk = cmyk;
                } else {
                    state.stroke_cmyk = cmyk;
                }
                // The initial colour of DeviceCMYK is 0 0 0 1: pure K.
                (operator == b"CS", cmyk)
            }
            b"g" | b"rg" => (false, false),
            b"G" | b"RG" => (true, false),
            _ => return None,
        };
        if stroke {
            state.stroke_k = k;
        } else {
            state.fill_k = k;
        }
        self.any |= k;
        let wanted = (state.stroke_k, state.fill_k);
        (state.set != Some(wanted)).then(|| {
            state.set = Some(wanted);
            wanted
        })
    }
}

/// Rewrites a content stream (decoded) so pure-K paint overprints. `inherited`: false for a
/// page (the state starts as knockout), true for a form XObject (it starts unknown). Returns
/// the new stream, or `None` if nothing was painted in K.
///
/// The stream is read token by token and kept as typst wrote it, the state operators put in
/// after the colour operators that change it (reading it whole into lopdf's operations and
/// writing it again took most of the PDF/X conversion). A stream with an inline image, whose
/// bytes tokens cannot step over safely, or one the tokens cannot read, goes through lopdf.
pub fn rewrite(content: &[u8], inherited: bool) -> Result<Option<Vec<u8>>, String> {
    let mut follow = Follow::new(inherited);
    let mut out = Vec::with_capacity(content.len() + content.len() / 16);
    let mut copied = 0;
    let mut numbers: Vec<f32> = Vec::new();
    let mut name: Option<&[u8]> = None;
    let mut at = 0;
    loop {
        // What the tokens cannot read, lopdf reads (or says why it cannot).
        let Ok(token) = next_token(content, &mut at) else {
            return rewrite_whole(content, inherited);
        };
        let Some(token) = token else { break };
        match token {
            Token::Number(value) => numbers.push(value),
            Token::Name(n) => {
                name.get_or_insert(n);
            }
            Token::Other => {}
            Token::Operator(b"BI") => return rewrite_whole(content, inherited),
            Token::Operator(operator) => {
                if let Some(wanted) = follow.after(operator, &numbers, name) {
                    out.extend_from_slice(&content[copied..at]);
                    out.extend_from_slice(
                        format!("\n/{} gs\n", state_name(wanted.0, wanted.1)).as_bytes(),
                    );
                    copied = at;
                }
                numbers.clear();
                name = None;
            }
        }
    }
    if !follow.any {
        return Ok(None);
    }
    out.extend_from_slice(&content[copied..]);
    Ok(Some(out))
}

/// [`rewrite`] through lopdf: the stream read whole and written again.
fn rewrite_whole(content: &[u8], inherited: bool) -> Result<Option<Vec<u8>>, String> {
    let content =
        Content::decode(content).map_err(|e| format!("cannot read a content stream: {e}"))?;
    let mut follow = Follow::new(inherited);
    let mut out = Vec::with_capacity(content.operations.len());
    for op in content.operations {
        let numbers: Vec<f32> = op
            .operands
            .iter()
            .filter_map(|o| o.as_float().ok())
            .collect();
        let name = op.operands.iter().find_map(|o| o.as_name().ok());
        let wanted = follow.after(op.operator.as_bytes(), &numbers, name);
        out.push(op);
        if let Some((stroke, fill)) = wanted {
            out.push(Operation::new(
                "gs",
                vec![Object::Name(state_name(stroke, fill).into_bytes())],
            ));
        }
    }
    if !follow.any {
        return Ok(None);
    }
    Content { operations: out }
        .encode()
        .map(Some)
        .map_err(|e| format!("cannot write a content stream: {e}"))
}

/// A token of a content stream, as far as overprint needs it.
enum Token<'a> {
    Number(f32),
    Name(&'a [u8]),
    /// A string, array, dictionary, boolean or null: an operand that says nothing of colour.
    Other,
    Operator(&'a [u8]),
}

fn is_white(c: u8) -> bool {
    matches!(c, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn is_delimiter(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// Moves `at` past white space and comments.
fn skip_blank(s: &[u8], at: &mut usize) {
    loop {
        while *at < s.len() && is_white(s[*at]) {
            *at += 1;
        }
        if *at < s.len() && s[*at] == b'%' {
            while *at < s.len() && s[*at] != b'\n' && s[*at] != b'\r' {
                *at += 1;
            }
            continue;
        }
        return;
    }
}

/// The token at `at` (white space and comments skipped), `at` moved past it; `None` at the end.
fn next_token<'a>(s: &'a [u8], at: &mut usize) -> Result<Option<Token<'a>>, String> {
    skip_blank(s, at);
    let Some(&c) = s.get(*at) else {
        return Ok(None);
    };
    let start = *at;
    let word = |at: &mut usize| {
        while *at < s.len() && !is_white(s[*at]) && !is_delimiter(s[*at]) {
            *at += 1;
        }
    };
    Ok(Some(match c {
        b'/' => {
            *at += 1;
            word(at);
            Token::Name(&s[start + 1..*at])
        }
        b'(' | b'<' | b'[' => {
            skip_value(s, at)?;
            Token::Other
        }
        b')' | b'>' | b']' | b'{' | b'}' => {
            return Err(format!(
                "cannot read a content stream: `{}` out of place",
                c as char
            ));
        }
        _ => {
            word(at);
            let text = &s[start..*at];
            if matches!(c, b'0'..=b'9' | b'+' | b'-' | b'.') {
                let number = std::str::from_utf8(text)
                    .ok()
                    .and_then(|t| t.parse::<f32>().ok())
                    .ok_or_else(|| {
                        format!(
                            "cannot read a content stream: `{}` is not a number",
                            String::from_utf8_lossy(text)
                        )
                    })?;
                Token::Number(number)
            } else if matches!(text, b"true" | b"false" | b"null") {
                Token::Other
            } else {
                Token::Operator(text)
            }
        }
    }))
}

/// Moves `at` past the string, hex string, array or dictionary that starts there.
fn skip_value(s: &[u8], at: &mut usize) -> Result<(), String> {
    let unclosed = || {
        Err("cannot read a content stream: a string, array or dictionary is not closed".to_string())
    };
    match (s.get(*at), s.get(*at + 1)) {
        (Some(b'('), _) => {
            let mut depth = 0;
            while let Some(&c) = s.get(*at) {
                *at += 1;
                match c {
                    b'\\' => *at += 1,
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            return Ok(());
                        }
                    }
                    _ => {}
                }
            }
            unclosed()
        }
        (Some(b'<'), Some(b'<')) => {
            *at += 2;
            loop {
                if next_close(s, at, b'>')? {
                    *at += 2;
                    return Ok(());
                }
            }
        }
        (Some(b'<'), _) => match s[*at..].iter().position(|&c| c == b'>') {
            Some(end) => {
                *at += end + 1;
                Ok(())
            }
            None => unclosed(),
        },
        (Some(b'['), _) => {
            *at += 1;
            loop {
                if next_close(s, at, b']')? {
                    *at += 1;
                    return Ok(());
                }
            }
        }
        _ => unclosed(),
    }
}

/// Inside an array or dictionary: whether its end (`]`, or `>>` for `>`) is next, `at` on it;
/// else `at` moved past the next element.
fn next_close(s: &[u8], at: &mut usize, close: u8) -> Result<bool, String> {
    skip_blank(s, at);
    match s.get(*at) {
        None => Err("cannot read a content stream: an array or dictionary is not closed".into()),
        Some(&c) if c == close && (close == b']' || s.get(*at + 1) == Some(&b'>')) => Ok(true),
        Some(_) => next_token(s, at).map(|_| false),
    }
}

/// Whether paint in this CMYK colour (0–1) overprints: pure 100 % K, C = M = Y = 0. The one
/// rule, for the PDF and for the ink measured on its plates (`ink`).
pub fn overprints([c, m, y, k]: [f32; 4]) -> bool {
    c == 0.0 && m == 0.0 && y == 0.0 && k >= 0.999
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(s: &[u8]) -> Vec<String> {
        Content::decode(s)
            .unwrap()
            .operations
            .iter()
            .map(|o| {
                let args: Vec<String> = o
                    .operands
                    .iter()
                    .map(|a| match a {
                        Object::Name(n) => format!("/{}", String::from_utf8_lossy(n)),
                        other => format!("{}", other.as_float().unwrap_or(-1.0)),
                    })
                    .collect();
                format!("{} {}", args.join(" "), o.operator)
                    .trim()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn pure_black_overprints_and_colour_knocks_out() {
        let page = b"q 0 0 0 1 k BT ET Q q 0 1 1 0.15 k 0 0 m f Q q 0 0 0 1 K 0 0 0 1 k 1 w S Q";
        let new = rewrite(page, false).unwrap().unwrap();
        let got = ops(&new);
        assert_eq!(got[2], "/BanmianOP01 gs", "{got:?}");
        // The accent: knockout, which `Q` already restored, so no operator is added.
        assert!(!got[7..11].iter().any(|o| o.ends_with("gs")), "{got:?}");
        assert!(got.contains(&"/BanmianOP10 gs".to_string()), "{got:?}");
        assert!(got.contains(&"/BanmianOP11 gs".to_string()), "{got:?}");
    }

    #[test]
    fn grey_and_rich_black_do_not_overprint() {
        assert!(
            rewrite(b"0 0 0 0.5 k 0 0 m f 0.4 0.3 0.3 1 k 0 0 m f", false)
                .unwrap()
                .is_none()
        );
    }

    /// A stream with what typst writes and what it might: strings with brackets and escaped
    /// parentheses, arrays, marked content with a dictionary, hex strings, a comment.
    const TRICKY: &[u8] = b"/Artifact<</Attached[/Top]/Subtype/Header/K <0a1b>>>BDC\nq 1 0 0 -1 61.75 1499.3 cm 0 0 0 1 k\nBT 0 Tr/f0 9 Tf [(a\\)b) -12 (])] TJ ET %k 0 0 0 1 K\n/CS0 cs 0 0 0 1 sc 0 0 m f 1 0 0 0 k EMC Q 0 0 0 1 K 0.5 w S";

    #[test]
    fn tokens_keep_the_stream_and_agree_with_reading_it_whole() {
        let fast = rewrite(TRICKY, false).unwrap().unwrap();
        let whole = rewrite_whole(TRICKY, false).unwrap().unwrap();
        assert_eq!(ops(&fast), ops(&whole));
        // typst's bytes stay, the states put in between.
        let kept: Vec<u8> = String::from_utf8_lossy(&fast)
            .replace("\n/BanmianOP01 gs\n", "")
            .replace("\n/BanmianOP00 gs\n", "")
            .replace("\n/BanmianOP11 gs\n", "")
            .replace("\n/BanmianOP10 gs\n", "")
            .into_bytes();
        assert_eq!(kept, TRICKY);
        // The comment's `K` is no operator; `/CS0 cs` is no DeviceCMYK, so its `sc` is not K.
        let got = ops(&fast);
        assert_eq!(
            got.iter().filter(|o| o.ends_with(" gs")).count(),
            3,
            "{got:?}"
        );
    }

    #[test]
    fn an_inline_image_or_an_unreadable_stream_goes_through_lopdf() {
        let image = b"0 0 0 1 k q BI /W 1 /H 1 /BPC 8 /CS /G ID \xff EI Q 0 0 m f";
        let new = rewrite(image, false).unwrap().unwrap();
        assert_eq!(ops(&new)[1], "/BanmianOP01 gs");
        // What lopdf makes of a string never closed: the stream up to it.
        assert!(rewrite(b"0 0 0 1 k (never closed", false).is_ok());
    }

    #[test]
    fn a_form_sets_its_state_even_when_it_matches_the_default() {
        let new = rewrite(b"0 0 0 1 k 0 1 1 0 k", true).unwrap().unwrap();
        let got = ops(&new);
        assert_eq!(got[1], "/BanmianOP01 gs");
        assert_eq!(got[3], "/BanmianOP00 gs");
    }
}
