//! What the customer wrote now: quoted earlier mail and signatures split off.
//!
//! The body is read line by line, once. A line can start quoted mail in three ways:
//! an attribution ("On … wrote:", "Am … schrieb …:", "… пишет:", "… kirjutas:", possibly
//! folded over a few lines), a separator ("-----Original Message-----" and its translations,
//! "---------- Forwarded message ---------"), or an Outlook header block ("From:/Sent:/To:" in
//! several languages). An attribution followed by `>` lines and then more text is an inline
//! reply: only the quoted block is removed. Everything else from such a line on is quoted.
//! A trailing block of `>` lines goes too, unless it is all there is. Signatures start at a
//! "-- " line or a "Sent from my iPhone"-style line.

/// A body split into what was written now and what was quoted or signed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Visible {
    /// The new text, trimmed.
    pub visible: String,
    /// Quoted earlier mail (attribution line included), if any.
    pub quoted: String,
    /// The signature, if one was found.
    pub signature: String,
}

/// Longest attribution we look at (characters of the joined lines); keeps the scan linear.
const MAX_ATTRIBUTION: usize = 500;

/// Splits a plain-text body.
pub fn split_visible(body: &str) -> Visible {
    let text = if body.contains('\r') {
        body.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        body.to_string()
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let n = lines.len();
    let mut quoted = vec![false; n];
    let mut cut = n;
    let mut own_text = false;

    let mut i = 0;
    while i < n {
        let header_len = attribution_at(&lines, i).or_else(|| {
            separator_at(&lines, i).then(|| {
                // The separator and its header block, up to the first blank line.
                let mut k = i + 1;
                while k < n && !is_blank(lines[k]) {
                    k += 1;
                }
                k - i
            })
        });
        if let Some(len) = header_len {
            if own_text {
                cut = i;
                break;
            }
            // Nothing written above it: a forward or a top quote the customer answers below.
            let mut k = i + len;
            let mut j = k;
            while j < n && (is_blank(lines[j]) || is_quote_line(lines[j])) {
                j += 1;
            }
            if lines[k..j].iter().any(|l| is_quote_line(l)) {
                k = j;
            }
            quoted[i..k].iter_mut().for_each(|q| *q = true);
            i = k;
            continue;
        }
        if !is_blank(lines[i]) && !is_quote_line(lines[i]) {
            own_text = true;
        }
        i += 1;
    }

    let own: Vec<usize> = (0..cut).filter(|&k| !quoted[k]).collect();
    let sig_start = signature_start(&lines, &own);
    let (mut body_idx, sig_idx) = own.split_at(sig_start);

    // A trailing block of `>` lines (and blanks) is quoted, unless nothing else is left.
    let mut end = body_idx.len();
    while end > 0 && {
        let l = lines[body_idx[end - 1]];
        is_blank(l) || is_quote_line(l)
    } {
        end -= 1;
    }
    let trailing_quote: Vec<usize> = if body_idx[..end].iter().any(|&k| !is_blank(lines[k])) {
        let t = body_idx[end..].to_vec();
        body_idx = &body_idx[..end];
        t
    } else {
        Vec::new()
    };
    for k in trailing_quote {
        quoted[k] = true;
    }

    let mut visible_lines: Vec<&str> = body_idx.iter().map(|&k| lines[k]).collect();
    // Trailing rules and stray marks ("ᐧ", "***", "____") carry no words.
    while visible_lines.last().is_some_and(|l| is_decoration(l)) {
        visible_lines.pop();
    }
    let visible = visible_lines.join("\n").trim().to_string();
    let signature = sig_idx
        .iter()
        .map(|&k| lines[k])
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string();
    let quoted_text = (0..n)
        .filter(|&k| quoted[k] || k >= cut)
        .map(|k| lines[k])
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string();
    Visible {
        visible,
        quoted: quoted_text,
        signature,
    }
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn is_quote_line(line: &str) -> bool {
    line.trim_start().starts_with('>')
}

/// A line of rules and stray marks only: "----", "***", "ᐧ" (Gmail's tracker mark).
fn is_decoration(line: &str) -> bool {
    line.chars()
        .all(|c| c.is_whitespace() || "-_=*#~+.ᐧ".contains(c))
}

/// Verbs that close an attribution line, lower-case, before the colon.
const ATTRIBUTION_VERBS: &[&str] = &[
    "wrote",
    "writes",
    "said",
    "schrieb",
    "geschrieben",
    "a écrit",
    "a ecrit",
    "écrit",
    "schreef",
    "geschreven",
    "escribió",
    "escribio",
    "ha scritto",
    "scrisse",
    "napisał",
    "napisał(a)",
    "napisała",
    "napisal",
    "napisala",
    "napsal",
    "skrev",
    "skriver",
    "kirjutas",
    "kirjutasid",
    "kirjoitti",
    "rakstīja",
    "rašė",
    "пишет",
    "написал",
    "написала",
    "написав",
    "написали",
    "escreveu",
    "írta",
    "yazdı",
    "пише",
    "sent",
    "viết",
    "写道",
    "寫道",
];

/// Does a (joined) line end like an attribution: "<verb>:"?
fn ends_with_attribution_verb(line: &str) -> bool {
    ends_with_verb(line, true)
}

/// Does the text end with an attribution verb (and a colon, when `need_colon`)?
fn ends_with_verb(line: &str, need_colon: bool) -> bool {
    let t = line.trim_end();
    let stripped = t
        .strip_suffix(':')
        .or_else(|| t.strip_suffix('：'))
        .map(str::trim_end);
    let t = match (stripped, need_colon) {
        (Some(s), _) => s,
        (None, true) => return false,
        (None, false) => t,
    };
    // Only the tail matters; keep the comparison cheap on long lines.
    let tail: String = t
        .chars()
        .rev()
        .take(16)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    ATTRIBUTION_VERBS.iter().any(|v| {
        tail.ends_with(v)
            && tail[..tail.len() - v.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// "Am … schrieb Max <max@x.de>:": a lead word, a verb inside, a colon at the end.
fn verb_inside(line: &str) -> bool {
    let t = line.trim_end();
    if !(t.ends_with(':') || t.ends_with('：')) {
        return false;
    }
    let lower = t.to_lowercase();
    ATTRIBUTION_VERBS.iter().any(|v| {
        lower.match_indices(v).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + v.len()..].chars().next();
            before.is_some_and(char::is_whitespace) && after.is_some_and(char::is_whitespace)
        })
    })
}

/// Attributions name a date or an address.
fn has_date_or_address(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit() || c == '@')
}

/// Gmail's numeric style: "2014-10-17 11:28 GMT+03:00 Name <a@b.c>:" (the address may
/// be folded away or missing).
fn is_numeric_attribution(line: &str) -> bool {
    let t = line.trim();
    let b = t.as_bytes();
    b.len() > 16
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && (t.contains(" GMT") || t.ends_with(">:") || t.ends_with("> :"))
}

/// "2011/4/7 Name <a@b.c>" right above quoted lines.
fn is_dated_address_line(line: &str) -> bool {
    let t = line.trim();
    t.len() < 200
        && t.chars().next().is_some_and(|c| c.is_ascii_digit())
        && t.ends_with('>')
        && t.contains('@')
        && t.contains('<')
}

/// "…, Name <a@b.c>:" after a date: the address closes the attribution.
fn ends_with_address_colon(s: &str) -> bool {
    let t = s.trim_end();
    (t.ends_with(">:") || t.ends_with("> :"))
        && t.contains('@')
        && t.chars().any(|c| c.is_ascii_digit())
}

/// "---- On … wrote ----", "---- John wrote ----" (Zoho, Android).
fn is_dashed_attribution(s: &str) -> bool {
    let t = s.trim();
    if !t.starts_with("--") {
        return false;
    }
    let core = t.trim_matches(|c: char| c == '-' || c.is_whitespace());
    ends_with_verb(core, false)
}

/// Words that start a folded attribution line.
const ATTRIBUTION_LEADS: &[&str] = &[
    "on ", "am ", "le ", "op ", "el ", "il ", "em ", "den ", "dne ", "w dniu", "på ", "pe ", "в ",
    "во ", "vào ",
];

/// Is one candidate (a line, or lines joined) an attribution?
fn is_attribution(candidate: &str, leads: bool) -> bool {
    if candidate.len() > MAX_ATTRIBUTION {
        return false;
    }
    let dated = has_date_or_address(candidate);
    (dated && ends_with_attribution_verb(candidate))
        || (leads && dated && verb_inside(candidate))
        || (leads && candidate.contains('@') && ends_with_verb(candidate, false))
        || (after_address_verb(candidate) && candidate.contains('@'))
        || ends_with_address_colon(candidate)
        || is_dashed_attribution(candidate)
}

/// "Max <max@x.de> schrieb am Fr., 28. Apr. 2017 um 11:53 Uhr:" (Google Inbox).
fn after_address_verb(s: &str) -> bool {
    let t = s.trim_end();
    if !(t.ends_with(':') || t.ends_with('：')) {
        return false;
    }
    let lower = t.to_lowercase();
    ATTRIBUTION_VERBS.iter().any(|v| {
        lower.match_indices(v).any(|(i, _)| {
            let before = lower[..i].trim_end();
            (before.ends_with('>') || before.ends_with('"'))
                && lower[i + v.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_whitespace)
        })
    })
}

/// If an attribution starts at `i`, how many lines it spans.
fn attribution_at(lines: &[&str], i: usize) -> Option<usize> {
    let line = lines[i].trim();
    if line.is_empty() || line.starts_with('>') || line.len() > MAX_ATTRIBUTION {
        return None;
    }
    if is_numeric_attribution(line) {
        return Some(1);
    }
    let lower_start: String = line.chars().take(8).collect::<String>().to_lowercase();
    let leads = ATTRIBUTION_LEADS.iter().any(|l| lower_start.starts_with(l));
    if is_attribution(line, leads) {
        return Some(1);
    }
    if is_dated_address_line(line) {
        let next = lines[i + 1..].iter().find(|l| !is_blank(l));
        if next.is_some_and(|l| {
            let t = l.trim_start();
            t.starts_with('>') || t.starts_with('|')
        }) {
            return Some(1);
        }
    }
    if !leads && !line.contains('@') && !line.chars().take(40).any(|c| c.is_ascii_digit()) {
        return None;
    }
    // A sentence of the reply is not the head of a folded attribution.
    if !line.contains('@') && line.ends_with(['.', '!', '?']) {
        return None;
    }
    // Folded: "On Mon, … John Smith <" / "john@x.com> wrote:", possibly with blank lines.
    let mut joined = line.to_string();
    for (k, next) in lines.iter().enumerate().skip(i + 1).take(4) {
        let next = next.trim();
        if next.starts_with('>') {
            // Polymail folds the "> wrote:" tail onto a line of its own.
            let tail = next.trim_start_matches('>').trim();
            if tail.chars().count() > 24 {
                return None;
            }
            joined.push_str(next);
            return is_attribution(&joined, leads).then_some(k - i + 1);
        }
        let next_leads = ATTRIBUTION_LEADS
            .iter()
            .any(|l| next.to_lowercase().starts_with(l));
        let starts_like_one = next_leads || next.starts_with(|c: char| c.is_ascii_digit());
        if starts_like_one && is_attribution(next, next_leads) {
            // The attribution starts on that later line, not here.
            return None;
        }
        if !next.is_empty() {
            joined.push(' ');
            joined.push_str(next);
        }
        if joined.len() > MAX_ATTRIBUTION {
            return None;
        }
        if !next.is_empty() && is_attribution(&joined, leads) {
            return Some(k - i + 1);
        }
    }
    None
}

/// Separator lines of forwarded or "original" mail, lower-case, without the dashes.
const SEPARATORS: &[&str] = &[
    "original message",
    "original e-mail",
    "forwarded message",
    "forwarded e-mail",
    "begin forwarded message:",
    "ursprüngliche nachricht",
    "ursprüngliche e-mail",
    "weitergeleitete nachricht",
    "исходное сообщение",
    "пересылаемое сообщение",
    "пересланное сообщение",
    "algne kiri",
    "algne sõnum",
    "edastatud kiri",
    "edastatud sõnum",
    "message d'origine",
    "message d’origine",
    "message transféré",
    "oorspronkelijk bericht",
    "doorgestuurd bericht",
    "mensaje original",
    "mensaje reenviado",
    "messaggio originale",
    "messaggio inoltrato",
    "mensagem original",
    "opprinnelig melding",
    "oprindelig meddelelse",
    "ursprungligt meddelande",
    "oprindelig besked",
    "original besked",
    "vidarebefordrat meddelande",
    "alkuperäinen viesti",
    "välitetty viesti",
    "oryginalna wiadomość",
    "wiadomość oryginalna",
    "przekazana wiadomość",
    "sākotnējā ziņa",
    "pārsūtīta ziņa",
];

fn is_separator_line(line: &str) -> bool {
    let t = line.trim();
    if t.len() > 80 {
        return false;
    }
    let core = t
        .trim_matches(|c: char| c == '-' || c == '_' || c == '=' || c == '*' || c.is_whitespace())
        .to_lowercase();
    if core.is_empty() {
        return false;
    }
    let framed = t.starts_with("--") || t.starts_with("__") || t.starts_with("==");
    SEPARATORS
        .iter()
        .any(|s| core == *s || (framed && core.starts_with(s)))
        || core == "begin forwarded message:"
}

/// Keys that open an Outlook-style header block ("From:" in several languages).
const FROM_KEYS: &[&str] = &[
    "from",
    "von",
    "от",
    "saatja",
    "de",
    "van",
    "fra",
    "från",
    "od",
    "da",
    "lähettäjä",
    "kimden",
    "no",
    "feladó",
    "sender",
];

/// Keys naming the date, which also open a block in some clients.
const DATE_KEYS: &[&str] = &[
    "date",
    "sent",
    "datum",
    "gesendet",
    "дата",
    "отправлено",
    "saadetud",
    "kuupäev",
    "envoyé",
    "verzonden",
];

/// Other keys in such a block.
const OTHER_KEYS: &[&str] = &[
    "sent",
    "date",
    "to",
    "cc",
    "subject",
    "gesendet",
    "datum",
    "an",
    "betreff",
    "отправлено",
    "дата",
    "кому",
    "копия",
    "тема",
    "saadetud",
    "saaja",
    "koopia",
    "teema",
    "kuupäev",
    "envoyé",
    "à",
    "objet",
    "verzonden",
    "aan",
    "onderwerp",
    "sendt",
    "til",
    "emne",
    "skickat",
    "till",
    "ämne",
    "wysłano",
    "do",
    "temat",
    "inviato",
    "a",
    "oggetto",
    "enviado",
    "enviada",
    "para",
    "asunto",
    "assunto",
    "lähetetty",
    "vastaanottaja",
    "aihe",
    "nosūtīts",
    "kam",
    "tēma",
    "gönderildi",
    "kime",
    "konu",
];

/// The lower-case key of a `Key: value` line, with `*bold*` markers removed.
fn header_key(line: &str) -> Option<String> {
    let t = line.trim_start().trim_start_matches('*');
    let colon = t.find(':')?;
    if colon == 0 || colon > 30 {
        return None;
    }
    let key = t[..colon].trim_end_matches('*').trim();
    if key.is_empty()
        || key
            .chars()
            .any(|c| !c.is_alphabetic() && c != ' ' && c != '-')
    {
        return None;
    }
    Some(key.to_lowercase())
}

fn is_from_key(line: &str) -> bool {
    header_key(line).is_some_and(|k| FROM_KEYS.contains(&k.as_str()))
}

fn is_any_key(line: &str) -> bool {
    header_key(line)
        .is_some_and(|k| FROM_KEYS.contains(&k.as_str()) || OTHER_KEYS.contains(&k.as_str()))
}

fn separator_at(lines: &[&str], i: usize) -> bool {
    let line = lines[i];
    if is_separator_line(line) {
        return true;
    }
    let t = line.trim();
    // A rule of underscores or dashes right above a "From:" line (Outlook, Gmail forwards).
    if t.len() >= 8 && t.chars().all(|c| c == '_' || c == '-') {
        return lines
            .iter()
            .skip(i + 1)
            .filter(|l| !is_blank(l))
            .take(1)
            .any(|l| is_from_key(l));
    }
    if header_key(line).is_some_and(|k| DATE_KEYS.contains(&k.as_str())) {
        // "Date: …" opening a quoted header block (Hotmail, some webmails).
        return lines.iter().skip(i + 1).take(3).any(|l| is_any_key(l));
    }
    if is_from_key(line) {
        let others = lines
            .iter()
            .skip(i + 1)
            .take(4)
            .filter(|l| is_any_key(l))
            .count();
        return others >= 1;
    }
    false
}

/// Phrases that start a mobile-client signature line, lower-case.
const SENT_FROM: &[&str] = &[
    "sent from ",
    "sent via ",
    "sent with ",
    "sent using ",
    "sent by ",
    "sent on the go",
    "get outlook for ",
    "from my iphone",
    "from my android",
    "envoyé depuis ",
    "envoyé de mon ",
    "envoyé à partir de ",
    "von meinem ",
    "gesendet von ",
    "gesendet mit ",
    "gesendet vom ",
    "diese nachricht wurde von meinem ",
    "verzonden met ",
    "verzonden vanaf ",
    "verstuurd vanaf ",
    "verstuurd met ",
    "отправлено с ",
    "отправлено из ",
    "отправлено через ",
    "отправлено со ",
    "saadetud minu ",
    "saadetud seadmest ",
    "saadetud mobiilist",
    "saadetud rakendusest ",
    "lähetetty ",
    "enviado desde ",
    "enviado do meu ",
    "enviado de meu ",
    "inviato da ",
    "wysłane z ",
    "skickat från ",
    "sendt fra ",
    "从我的",
    "從我的",
];

fn is_sent_from(line: &str) -> bool {
    let t = line
        .trim()
        .trim_start_matches(['(', '<', '['])
        .trim_end_matches([')', '>', ']'])
        .trim();
    if t.is_empty() || t.chars().count() > 90 {
        return false;
    }
    let lower = t.to_lowercase();
    SENT_FROM.iter().any(|p| lower.starts_with(p))
}

/// Index into `own` where the signature starts (`own.len()` when there is none).
fn signature_start(lines: &[&str], own: &[usize]) -> usize {
    for (pos, &k) in own.iter().enumerate() {
        let line = lines[k];
        let t = line.trim_end();
        // "-- " (RFC 3676), a bare "--", or a rule of underscores over a list footer.
        let delimiter = t == "--" || (t.len() >= 2 && t.chars().all(|c| c == '_'));
        if (delimiter || is_sent_from(line)) && own[..pos].iter().any(|&j| !is_blank(lines[j])) {
            return pos;
        }
    }
    own.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vis(s: &str) -> String {
        split_visible(s).visible
    }

    #[test]
    fn english_attribution() {
        let v = split_visible(
            "Thanks, that works.\n\nOn Mon, 2 Mar 2026 at 10:00, Support <help@shop.test> wrote:\n> Try again.\n",
        );
        assert_eq!(v.visible, "Thanks, that works.");
        assert!(v.quoted.starts_with("On Mon, 2 Mar 2026"));
        assert!(v.quoted.ends_with("> Try again."));
    }

    #[test]
    fn gmail_attribution_folded_over_two_lines() {
        assert_eq!(
            vis(
                "Yes.\n\nOn Tue, Apr 11, 2017 at 10:07 PM John Smith <\njohn@example.com> wrote:\n> q\n"
            ),
            "Yes."
        );
    }

    #[test]
    fn russian_attribution() {
        assert_eq!(
            vis(
                "Спасибо!\n\nпн, 2 мар. 2026 г. в 10:00, Иван <ivan@example.ru> пишет:\n> Вопрос\n"
            ),
            "Спасибо!"
        );
        assert_eq!(
            vis("Да.\n\nпонедельник, 6 октября 2014 г. пользователь lidel написал:\n\n> текст\n"),
            "Да."
        );
    }

    #[test]
    fn estonian_attribution() {
        assert_eq!(
            vis(
                "Aitäh!\n\nE, 2. märts 2026 10:00 Mari Maasikas <mari@example.ee> kirjutas:\n> Tere\n"
            ),
            "Aitäh!"
        );
    }

    #[test]
    fn german_attribution() {
        assert_eq!(
            vis(
                "Danke.\n\nAm 02.03.2026 um 10:00 schrieb Max Mustermann <max@example.de>:\n> Hallo\n"
            ),
            "Danke."
        );
    }

    #[test]
    fn french_and_dutch_attribution() {
        assert_eq!(
            vis("Merci.\n\nLe 2 mars 2026 à 10:00, Jean <jean@example.fr> a écrit :\n> Bonjour\n"),
            "Merci."
        );
        assert_eq!(
            vis("Bedankt.\n\nOp 2 mrt. 2026 om 10:00 schreef Jan <jan@example.nl>:\n> Hoi\n"),
            "Bedankt."
        );
    }

    #[test]
    fn numeric_gmail_attribution() {
        assert_eq!(
            vis("Ok\n\n2014-10-17 11:28 GMT+03:00 Ivan Ivanov <ivan@example.ru>:\n\n> Hello\n"),
            "Ok"
        );
    }

    #[test]
    fn outlook_blocks_in_four_languages() {
        for block in [
            "-----Original Message-----\nFrom: A <a@b.c>\nSent: Monday\nTo: x\nSubject: y\n\nold",
            "Von: A <a@b.c>\nGesendet: Montag, 2. März 2026 10:00\nAn: x\nBetreff: y\n\nalt",
            "От: A <a@b.c>\nОтправлено: 2 марта 2026 г. 10:00\nКому: x\nТема: y\n\nстарое",
            "Saatja: A <a@b.c>\nSaadetud: 2. märts 2026 10:00\nSaaja: x\nTeema: y\n\nvana",
            "________________________________\nFrom: A <a@b.c>\nSent: Monday\n\nold",
            "-----Ursprüngliche Nachricht-----\nVon: A\n\nalt",
        ] {
            let v = split_visible(&format!("New text here.\n\n{block}\n"));
            assert_eq!(v.visible, "New text here.", "{block}");
            assert!(v.quoted.contains(block.lines().nth(1).unwrap_or("")));
        }
    }

    #[test]
    fn signatures() {
        let v = split_visible("Please call me.\n\n-- \nAnna\n+372 555 1234\n");
        assert_eq!(v.visible, "Please call me.");
        assert_eq!(v.signature, "-- \nAnna\n+372 555 1234");
        for sig in [
            "Sent from my iPhone",
            "Von meinem iPhone gesendet",
            "Отправлено с iPhone",
            "Saadetud minu iPhone'ist",
            "Get Outlook for Android",
        ] {
            assert_eq!(vis(&format!("Hello\n\n{sig}\n")), "Hello", "{sig}");
        }
    }

    #[test]
    fn inline_quote_with_text_after_is_kept_when_no_attribution() {
        assert_eq!(
            vis("> This is a quote.\n\nAnd this is some text.\n"),
            "> This is a quote.\n\nAnd this is some text."
        );
        assert_eq!(
            vis("> Only a quote.\n"),
            "> Only a quote.",
            "nothing but a quote stays visible"
        );
    }

    #[test]
    fn prose_is_not_an_attribution() {
        let s = "I was on vacation until March 2.\nMy colleague said: call us.\nFrom: the warehouse, nothing came.";
        assert_eq!(vis(s), s);
    }

    #[test]
    fn long_quote_is_linear() {
        let mut s = String::from("Reply\n\nOn Mon, 2 Mar 2026, A <a@b.c> wrote:\n");
        for _ in 0..20_000 {
            s.push_str("> some quoted text that goes on and on\n");
        }
        let t = std::time::Instant::now();
        assert_eq!(vis(&s), "Reply");
        assert!(t.elapsed().as_millis() < 500);
    }
}
