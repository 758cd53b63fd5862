//! Turning a file's hostile bytes into text: size limit, byte-order marks (UTF-8 and
//! UTF-16, as spreadsheet exports write them), and a Latin-1 reading when the bytes are not
//! valid UTF-8 (older case-management exports), said aloud in the report.

/// Largest file the import reads (a 10-year return of a large council is a few MiB).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// How the bytes were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    /// Not valid UTF-8: each byte read as one Latin-1 character.
    Latin1,
}

/// Text of a file, or why it cannot be read.
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), String> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(format!(
            "the file has {} bytes, over the limit of {} MiB",
            bytes.len(),
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok(utf8_or_latin1(rest));
    }
    let utf16 = |little: bool, rest: &[u8]| {
        let units = rest.chunks(2).map(|c| {
            let pair = [c[0], c.get(1).copied().unwrap_or(0)];
            if little {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        });
        let text: String = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        (text, Encoding::Utf16)
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(utf16(true, rest));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(utf16(false, rest));
    }
    Ok(utf8_or_latin1(bytes))
}

fn utf8_or_latin1(bytes: &[u8]) -> (String, Encoding) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Encoding::Utf8),
        Err(_) => (
            bytes.iter().map(|&b| char::from(b)).collect(),
            Encoding::Latin1,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_and_fallback() {
        assert_eq!(
            decode(b"\xEF\xBB\xBFCHILD").unwrap(),
            ("CHILD".into(), Encoding::Utf8)
        );
        assert_eq!(
            decode(b"\xFF\xFEC\0H\0").unwrap(),
            ("CH".into(), Encoding::Utf16)
        );
        assert_eq!(
            decode(b"caf\xE9").unwrap(),
            ("caf\u{e9}".into(), Encoding::Latin1)
        );
        assert_eq!(decode(b"\xFF\xFE\x00").unwrap().1, Encoding::Utf16);
    }
}
