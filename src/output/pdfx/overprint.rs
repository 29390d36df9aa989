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

/// Rewrites a content stream (decoded) so pure-K paint overprints. `inherited`: false for a
/// page (the state starts as knockout), true for a form XObject (it starts unknown). Returns
/// the new stream, or `None` if nothing was painted in K.
pub fn rewrite(content: &[u8], inherited: bool) -> Result<Option<Vec<u8>>, String> {
    let content =
        Content::decode(content).map_err(|e| format!("cannot read a content stream: {e}"))?;
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
    let mut stack = Vec::new();
    let mut state = initial;
    let mut out = Vec::with_capacity(content.operations.len());
    let mut any = false;
    for op in content.operations {
        let operator = op.operator.clone();
        let colour = match operator.as_str() {
            "q" => {
                stack.push(state);
                None
            }
            "Q" => {
                state = stack.pop().unwrap_or(initial);
                None
            }
            "k" => Some((false, pure_k(&op.operands))),
            "K" => Some((true, pure_k(&op.operands))),
            "sc" | "scn" => Some((false, state.fill_cmyk && pure_k(&op.operands))),
            "SC" | "SCN" => Some((true, state.stroke_cmyk && pure_k(&op.operands))),
            "cs" | "CS" => {
                let cmyk = is_device_cmyk(&op.operands);
                if operator == "cs" {
                    state.fill_cmyk = cmyk;
                } else {
                    state.stroke_cmyk = cmyk;
                }
                // The initial colour of DeviceCMYK is 0 0 0 1: pure K.
                Some((operator == "CS", cmyk))
            }
            "g" | "rg" => Some((false, false)),
            "G" | "RG" => Some((true, false)),
            _ => None,
        };
        out.push(op);
        if let Some((stroke, k)) = colour {
            if stroke {
                state.stroke_k = k;
            } else {
                state.fill_k = k;
            }
            any |= k;
            let wanted = (state.stroke_k, state.fill_k);
            if state.set != Some(wanted) {
                state.set = Some(wanted);
                out.push(Operation::new(
                    "gs",
                    vec![Object::Name(state_name(wanted.0, wanted.1).into_bytes())],
                ));
            }
        }
    }
    if !any {
        return Ok(None);
    }
    Content { operations: out }
        .encode()
        .map(Some)
        .map_err(|e| format!("cannot write a content stream: {e}"))
}

/// Whether paint in this CMYK colour (0–1) overprints: pure 100 % K, C = M = Y = 0. The one
/// rule, for the PDF and for the ink measured on its plates (`ink`).
pub fn overprints([c, m, y, k]: [f32; 4]) -> bool {
    c == 0.0 && m == 0.0 && y == 0.0 && k >= 0.999
}

fn pure_k(operands: &[Object]) -> bool {
    let values: Vec<f32> = operands.iter().filter_map(|o| o.as_float().ok()).collect();
    <[f32; 4]>::try_from(values.as_slice()).is_ok_and(overprints)
}

fn is_device_cmyk(operands: &[Object]) -> bool {
    matches!(operands, [Object::Name(n)] if n == b"DeviceCMYK")
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

    #[test]
    fn a_form_sets_its_state_even_when_it_matches_the_default() {
        let new = rewrite(b"0 0 0 1 k 0 1 1 0 k", true).unwrap().unwrap();
        let got = ops(&new);
        assert_eq!(got[1], "/BanmianOP01 gs");
        assert_eq!(got[3], "/BanmianOP00 gs");
    }
}
