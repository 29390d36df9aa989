//! The page file's bytes as text: UTF-8 only, and when it is not, where it stops being UTF-8
//! or what it looks like instead (Chinese Windows editors still save GB18030).

/// Why the bytes are not a UTF-8 page: (line, column) of the first bad byte, message, hint.
pub type NotUtf8 = ((usize, usize), String, String);

/// The text of a page file, a leading byte-order mark dropped.
pub fn decode(bytes: &[u8]) -> Result<String, NotUtf8> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(((1, 1), crate::t!("utf16"), crate::t!("utf16-hint")));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(err) => {
            let at = position(bytes, err.valid_up_to());
            let bad = &bytes[err.valid_up_to()..];
            let shown: Vec<String> = bad.iter().take(4).map(|b| format!("{b:02X}")).collect();
            if mostly_invalid(bytes) && looks_like_gb18030(bytes) {
                Err((
                    at,
                    crate::t!("gb18030", bytes = shown.join(" ")),
                    crate::t!("gb18030-hint"),
                ))
            } else {
                Err((
                    at,
                    crate::t!("bad-utf8", bytes = shown.join(" ")),
                    crate::t!("bad-utf8-hint"),
                ))
            }
        }
    }
}

/// 1-based (line, column in characters) of byte `offset`, in bytes valid as UTF-8 up to it.
fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// Whether more characters fail as UTF-8 than pass: a file in another encoding, rather than a
/// UTF-8 file with a damaged spot.
fn mostly_invalid(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    invalid > valid
}

/// Whether every non-ASCII byte of `bytes` pairs up as GB18030 double-byte (or four-byte)
/// characters, and there are some.
fn looks_like_gb18030(bytes: &[u8]) -> bool {
    let mut i = 0;
    let mut pairs = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        if !(0x81..=0xFE).contains(&b) || i + 1 >= bytes.len() {
            return false;
        }
        let next = bytes[i + 1];
        if (0x30..=0x39).contains(&next) {
            // Four-byte sequence: 81–FE 30–39 81–FE 30–39.
            if i + 3 >= bytes.len()
                || !(0x81..=0xFE).contains(&bytes[i + 2])
                || !(0x30..=0x39).contains(&bytes[i + 3])
            {
                return false;
            }
            i += 4;
        } else if (0x40..=0xFE).contains(&next) && next != 0x7F {
            i += 2;
        } else {
            return false;
        }
        pairs += 1;
    }
    pairs > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_bad_byte_by_line_and_column() {
        let mut bytes = "a: 中文\nb: x".as_bytes().to_vec();
        bytes.insert(bytes.len() - 1, 0xC3);
        let ((line, column), message, _) = decode(&bytes).unwrap_err();
        assert_eq!((line, column), (2, 4));
        assert!(message.contains("invalid UTF-8"), "{message}");
    }

    #[test]
    fn recognises_gb18030() {
        // 中文 in GB18030: D6 D0 CE C4.
        let bytes = b"headline: \xD6\xD0\xCE\xC4\n";
        let ((line, column), message, hint) = decode(bytes).unwrap_err();
        assert_eq!((line, column), (1, 11));
        assert!(message.contains("GB18030"), "{message}");
        assert!(hint.contains("iconv"));
    }

    #[test]
    fn drops_a_leading_bom_and_refuses_utf16() {
        assert_eq!(decode(b"\xEF\xBB\xBFa: 1").unwrap(), "a: 1");
        assert!(decode(b"\xFF\xFEa\0").unwrap_err().1.contains("UTF-16"));
    }
}
