//! The languages Kindly writes to customers in.

use serde::{Deserialize, Serialize};

/// A language we have templates for. Detection may find others (reported as
/// their ISO 639-1 code); mail to them is written in English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Et,
    Ru,
    En,
    De,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::Et, Lang::Ru, Lang::En, Lang::De];

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Et => "et",
            Lang::Ru => "ru",
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    /// Parses an ISO 639-1 code (case-insensitive, region suffix ignored: `de-AT`).
    pub fn from_code(code: &str) -> Option<Lang> {
        let base = code.split(['-', '_']).next().unwrap_or(code);
        match base.to_ascii_lowercase().as_str() {
            "et" => Some(Lang::Et),
            "ru" => Some(Lang::Ru),
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            _ => None,
        }
    }

    /// The language to write to a customer whose mail was detected as `code`.
    pub fn for_reply(code: Option<&str>) -> Lang {
        code.and_then(Lang::from_code).unwrap_or(Lang::En)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("DE-at"), Some(Lang::De));
        assert_eq!(Lang::from_code("fi"), None);
        assert_eq!(Lang::for_reply(Some("fi")), Lang::En);
        assert_eq!(Lang::for_reply(None), Lang::En);
    }
}
