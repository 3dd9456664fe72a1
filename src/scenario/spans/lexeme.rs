//! Literals: where strings start, and the text of map keys.

/// If a (byte/raw) string or char literal starts `b`: the offset of its opening quote and, for a
/// raw string, its number of `#`.
pub(super) fn literal_start(b: &[u8]) -> Option<(usize, Option<usize>)> {
    let i = usize::from(b.first() == Some(&b'b'));
    match b.get(i)? {
        b'"' | b'\'' => Some((i, None)),
        b'r' => {
            let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
            (b.get(i + 1 + hashes) == Some(&b'"')).then_some((i + 1 + hashes, Some(hashes)))
        }
        _ => None,
    }
}

/// The text a path uses for a map key: a string's contents, anything else verbatim.
pub(super) fn key_text(s: &str) -> String {
    let inner = |q: usize, hashes: usize| s.get(q + 1..s.len().saturating_sub(1 + hashes));
    match literal_start(s.as_bytes()) {
        Some((q, Some(hashes))) => inner(q, hashes).unwrap_or_default().to_owned(),
        Some((q, None)) => unescape(inner(q, 0).unwrap_or_default()),
        None => s.to_owned(),
    }
}

pub(super) fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('0') => out.push('\0'),
            Some(e @ ('u' | 'x')) => match hex_escape(chars.as_str(), e == 'u') {
                Some((decoded, used)) => {
                    out.push(decoded);
                    chars = chars.as_str()[used..].chars();
                }
                None => out.extend(['\\', e]),
            },
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Decodes the `{1F600}` of `\u{1F600}` or the `41` of `\x41`; returns the char and bytes used.
fn hex_escape(rest: &str, braces: bool) -> Option<(char, usize)> {
    let (hex, used) = if braces {
        let close = rest.find('}')?;
        (rest.strip_prefix('{')?.get(..close - 1)?, close + 1)
    } else {
        (rest.get(..2)?, 2)
    };
    Some((char::from_u32(u32::from_str_radix(hex, 16).ok()?)?, used))
}
