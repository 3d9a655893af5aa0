//! Transfer encodings, RFC 2047 encoded words, RFC 5322 dates and charsets.

use encoding_rs::Encoding;

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Base64 without line breaks.
pub fn base64(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(char::from(B64[(n >> 18) as usize & 63]));
        out.push(char::from(B64[(n >> 12) as usize & 63]));
        out.push(if chunk.len() > 1 {
            char::from(B64[(n >> 6) as usize & 63])
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            char::from(B64[n as usize & 63])
        } else {
            '='
        });
    }
    out
}

/// Base64 body: lines of 76 characters, each ended by `\n`.
pub fn base64_body(data: &[u8]) -> String {
    let flat = base64(data);
    let mut out = String::with_capacity(flat.len() + flat.len() / 76 + 1);
    for line in flat.as_bytes().chunks(76) {
        out.push_str(&String::from_utf8_lossy(line));
        out.push('\n');
    }
    out
}

/// Quoted-printable (RFC 2045 6.7) of text bytes whose line breaks are `\n`; output lines are at
/// most 76 characters, soft breaks as `=\n`.
pub fn quoted_printable(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len() * 3 / 2);
    let lines: Vec<&[u8]> = data.split(|b| *b == b'\n').collect();
    for (i, line) in lines.iter().enumerate() {
        let mut col = 0;
        for (j, &b) in line.iter().enumerate() {
            let last = j + 1 == line.len();
            let literal =
                (b == b' ' || b == b'\t') && !last || (33..=126).contains(&b) && b != b'=';
            let token = if literal {
                char::from(b).to_string()
            } else {
                format!("={b:02X}")
            };
            // Keep room for the soft-break "=".
            if col + token.len() > 75 {
                out.push_str("=\n");
                col = 0;
            }
            col += token.len();
            out.push_str(&token);
        }
        if i + 1 < lines.len() {
            out.push('\n');
        }
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// The charsets mail is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    Utf8,
    Windows1251,
    Koi8R,
    Latin1,
}

impl Charset {
    pub fn label(self) -> &'static str {
        match self {
            Charset::Utf8 => "utf-8",
            Charset::Windows1251 => "windows-1251",
            Charset::Koi8R => "koi8-r",
            Charset::Latin1 => "iso-8859-1",
        }
    }

    fn encoding(self) -> &'static Encoding {
        match self {
            Charset::Utf8 => encoding_rs::UTF_8,
            Charset::Windows1251 => encoding_rs::WINDOWS_1251,
            Charset::Koi8R => encoding_rs::KOI8_R,
            // WHATWG maps the ISO-8859-1 label to windows-1252; for the Latin-1 letters used
            // here (U+00A0..U+00FF) the bytes are the same. `latin1_fits` keeps 0x80..0x9F out.
            Charset::Latin1 => encoding_rs::WINDOWS_1252,
        }
    }

    /// The text in this charset, or `None` when a character has no mapping.
    pub fn encode(self, text: &str) -> Option<Vec<u8>> {
        if self == Charset::Latin1
            && !text
                .chars()
                .all(|c| (c as u32) < 0x80 || (0xA0..=0xFF).contains(&(c as u32)))
        {
            return None;
        }
        let (bytes, _, unmappable) = self.encoding().encode(text);
        if unmappable {
            None
        } else {
            Some(bytes.into_owned())
        }
    }
}

/// An unstructured header value: ASCII as is, otherwise RFC 2047 encoded words (B or Q), folded.
pub fn encoded_words(text: &str, charset: Charset, q: bool) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    let (charset, _) = match charset.encode(text) {
        Some(b) => (charset, b),
        None => (Charset::Utf8, text.as_bytes().to_vec()),
    };
    // Split at character boundaries so no encoded word cuts a multi-byte character.
    let mut words = Vec::new();
    let mut current = String::new();
    let limit = if q { 20 } else { 36 };
    for c in text.chars() {
        let candidate_len = charset
            .encode(&format!("{current}{c}"))
            .map_or(0, |b| b.len());
        if candidate_len > limit && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    let encoded: Vec<String> = words
        .iter()
        .map(|w| {
            let bytes = charset.encode(w).unwrap_or_else(|| w.as_bytes().to_vec());
            if q {
                let mut s = String::new();
                for b in bytes {
                    match b {
                        b' ' => s.push('_'),
                        b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b',' | b'-' | b'!' => {
                            s.push(char::from(b))
                        }
                        _ => s.push_str(&format!("={b:02X}")),
                    }
                }
                format!("=?{}?Q?{}?=", charset.label(), s)
            } else {
                format!("=?{}?B?{}?=", charset.label(), base64(&bytes))
            }
        })
        .collect();
    encoded.join("\n ")
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];

/// RFC 5322 date of a Unix time shown in a zone `offset_minutes` east of UTC.
pub fn rfc5322_date(unix: i64, offset_minutes: i32) -> String {
    let local = unix + i64::from(offset_minutes) * 60;
    let days = local.div_euclid(86_400);
    let secs = local.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let off = offset_minutes.unsigned_abs();
    format!(
        "{}, {} {} {} {:02}:{:02}:{:02} {}{:02}{:02}",
        WEEKDAYS[days.rem_euclid(7) as usize],
        d,
        MONTHS[(m - 1) as usize],
        y,
        secs / 3600,
        secs % 3600 / 60,
        secs % 60,
        sign,
        off / 60,
        off % 60
    )
}

/// A short local date (`dd.mm.yyyy`) used in quote headers and out-of-office texts.
pub fn short_date(unix: i64, offset_minutes: i32) -> String {
    let local = unix + i64::from(offset_minutes) * 60;
    let (y, m, d) = civil_from_days(local.div_euclid(86_400));
    format!("{d:02}.{m:02}.{y}")
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in data {
        a = (a + u32::from(x)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

/// A valid grayscale PNG (stored, uncompressed deflate) filled from `pixel(x, y)`.
pub fn png(width: u32, height: u32, pixel: impl Fn(u32, u32) -> u8) -> Vec<u8> {
    let mut raw = Vec::with_capacity(((width + 1) * height) as usize);
    for y in 0..height {
        raw.push(0); // filter: none
        for x in 0..width {
            raw.push(pixel(x, y));
        }
    }
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&(!len).to_le_bytes());
        z.extend_from_slice(block);
    }
    z.extend_from_slice(&adler32(&raw).to_be_bytes());

    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8; 4], data: &[u8]| {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut body = kind.to_vec();
        body.extend_from_slice(data);
        out.extend_from_slice(&body);
        out.extend_from_slice(&crc32(&body).to_be_bytes());
    };
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 0, 0, 0, 0]); // 8-bit grayscale
    chunk(b"IHDR", &ihdr);
    chunk(b"IDAT", &z);
    chunk(b"IEND", &[]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_known_vectors() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        let body = base64_body(&[0u8; 100]);
        assert!(body.lines().all(|l| l.len() <= 76));
    }

    #[test]
    fn quoted_printable_escapes_and_wraps() {
        let qp = quoted_printable("Grüße = gut \nx".as_bytes());
        assert_eq!(qp, "Gr=C3=BC=C3=9Fe =3D gut=20\nx\n");
        let long = "ä".repeat(100);
        let qp = quoted_printable(long.as_bytes());
        assert!(qp.lines().all(|l| l.len() <= 76), "{qp}");
        assert!(!qp.contains("=\n\n"));
    }

    #[test]
    fn dates_are_rfc5322() {
        assert_eq!(rfc5322_date(0, 0), "Thu, 1 Jan 1970 00:00:00 +0000");
        // 2025-03-03T08:00:00Z is a Monday.
        assert_eq!(
            rfc5322_date(1_740_988_800, 120),
            "Mon, 3 Mar 2025 10:00:00 +0200"
        );
        assert_eq!(
            rfc5322_date(1_740_988_800, -300),
            "Mon, 3 Mar 2025 03:00:00 -0500"
        );
        assert_eq!(short_date(1_740_988_800, 0), "03.03.2025");
    }

    #[test]
    fn charsets_encode_or_refuse() {
        assert_eq!(
            Charset::Windows1251.encode("Привет"),
            Some(vec![0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2])
        );
        assert_eq!(
            Charset::Latin1.encode("Grüße"),
            Some(vec![b'G', b'r', 0xFC, 0xDF, b'e'])
        );
        assert_eq!(Charset::Latin1.encode("Привет"), None);
        assert_eq!(Charset::Latin1.encode("„quoted“"), None);
        assert!(encoded_words("Привет, мир", Charset::Koi8R, false).starts_with("=?koi8-r?B?"));
        assert_eq!(encoded_words("plain", Charset::Utf8, true), "plain");
    }

    #[test]
    fn png_has_signature_and_valid_crc() {
        let p = png(4, 4, |x, y| (x * y) as u8);
        assert!(p.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert!(p.ends_with(&crc32(b"IEND").to_be_bytes()));
    }
}
