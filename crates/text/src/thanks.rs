//! "Thank you, it works now" — a message that closes a loop rather than opening one.
//!
//! A mail is a thank-you when it is short, says thanks (or "solved"/"works now"),
//! and has nothing left to do: no question mark, no "but"/"still", no "doesn't
//! work", no new request, and no "thanks in advance" (that is a request).

use std::sync::LazyLock;

use crate::lexicon::Lexicon;
use crate::normalize::Tokens;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cue {
    /// "thanks", "danke", "спасибо", "aitäh".
    Thanks,
    /// "it works now", "problem solved": closes the loop even without thanks.
    Resolved,
    /// "but", "still", "doesn't work", "another question", "in advance" ...
    Open,
}

use Cue::*;

const WORDS: &[(&str, Cue)] = &[
    // en
    ("thank*", Thanks),
    ("thx", Thanks),
    ("ty", Thanks),
    ("cheers", Thanks),
    ("much appreciated", Thanks),
    ("appreciate it", Thanks),
    ("works now", Resolved),
    ("working now", Resolved),
    ("it works", Resolved),
    ("solved", Resolved),
    ("resolved", Resolved),
    ("fixed", Resolved),
    ("all good", Resolved),
    ("sorted", Resolved),
    ("arrived", Resolved),
    ("received it", Resolved),
    ("got it", Resolved),
    ("but", Open),
    ("however", Open),
    ("still", Open),
    ("in advance", Open),
    ("doesn't", Open),
    ("does not", Open),
    ("don't", Open),
    ("didn't", Open),
    ("not", Open),
    ("can't", Open),
    ("cannot", Open),
    ("another question", Open),
    ("one more", Open),
    ("also", Open),
    ("could you", Open),
    ("can you", Open),
    ("would you", Open),
    ("please", Open),
    ("again", Open),
    ("error", Open),
    ("problem persists", Open),
    ("issue persists", Open),
    ("wondering", Open),
    ("need", Open),
    ("unfortunately", Open),
    ("will try", Open),
    ("i'll try", Open),
    ("let you know", Open),
    ("one more thing", Open),
    ("for nothing", Open),
    ("broken", Open),
    ("working again", Resolved),
    ("works again", Resolved),
    ("error fixed", Resolved),
    ("error is fixed", Resolved),
    // de
    ("dank*", Thanks),
    ("merci", Thanks),
    ("funktioniert jetzt", Resolved),
    ("klappt jetzt", Resolved),
    ("geht jetzt", Resolved),
    ("gelöst", Resolved),
    ("erledigt", Resolved),
    ("behoben", Resolved),
    ("angekommen", Resolved),
    ("passt", Resolved),
    ("aber", Open),
    ("jedoch", Open),
    ("leider", Open),
    ("immer noch", Open),
    ("noch immer", Open),
    ("nicht", Open),
    ("kein*", Open),
    ("im voraus", Open),
    ("vorab", Open),
    ("noch eine frage", Open),
    ("weitere frage", Open),
    ("könnten sie", Open),
    ("können sie", Open),
    ("bitte", Open),
    ("außerdem", Open),
    ("wieder", Open),
    ("fehler", Open),
    ("brauche", Open),
    ("probiere", Open),
    ("melde mich", Open),
    ("noch eine sache", Open),
    ("für nichts", Open),
    ("kaputt", Open),
    ("geht jetzt wieder", Resolved),
    ("funktioniert wieder", Resolved),
    ("läuft wieder", Resolved),
    ("fehler behoben", Resolved),
    ("fehler ist behoben", Resolved),
    // ru
    ("спасиб*", Thanks),
    ("благодар*", Thanks),
    ("все работает", Resolved),
    ("заработал*", Resolved),
    ("работает", Resolved),
    ("решен*", Resolved),
    ("решил*", Resolved),
    ("получил*", Resolved),
    ("пришл*", Resolved),
    ("помогло", Resolved),
    ("но", Open),
    ("однако", Open),
    ("до сих пор", Open),
    ("все еще", Open),
    ("не", Open),
    ("нет", Open),
    ("заранее", Open),
    ("еще вопрос", Open),
    ("еще один вопрос", Open),
    ("подскажите", Open),
    ("можете", Open),
    ("могли бы", Open),
    ("пожалуйста", Open),
    ("также", Open),
    ("снова", Open),
    ("опять", Open),
    ("ошибк*", Open),
    ("к сожалению", Open),
    ("нужно", Open),
    ("попробую", Open),
    ("напишу", Open),
    ("еще одно", Open),
    ("за ничего", Open),
    ("сломан*", Open),
    ("ошибка исправлена", Resolved),
    ("снова работает", Resolved),
    // et
    ("aitäh", Thanks),
    ("aitah", Thanks),
    ("tänan", Thanks),
    ("tänud", Thanks),
    ("tänu*", Thanks),
    ("suur tänu", Thanks),
    ("töötab", Resolved),
    ("toimib", Resolved),
    ("lahendatud", Resolved),
    ("lahenes", Resolved),
    ("korras", Resolved),
    ("sain", Resolved),
    ("kohale", Resolved),
    ("aitas", Resolved),
    ("aga", Open),
    ("kuid", Open),
    ("ikka", Open),
    ("endiselt", Open),
    ("ei", Open),
    ("pole", Open),
    ("ette tänades", Open),
    ("tänan ette", Open),
    ("veel üks küsimus", Open),
    ("küsimus", Open),
    ("kas saaksite", Open),
    ("palun", Open),
    ("samuti", Open),
    ("jälle", Open),
    ("uuesti", Open),
    ("viga", Open),
    ("kahjuks", Open),
    ("vaja", Open),
    ("proovin", Open),
    ("annan teada", Open),
    ("veel üks asi", Open),
    ("mitte millegi", Open),
    ("katki", Open),
    ("viga parandatud", Resolved),
    ("töötab jälle", Resolved),
];

static LEXICON: LazyLock<Lexicon<Cue>> = LazyLock::new(|| Lexicon::new(WORDS.iter().copied()));

/// Longer than this, a mail says more than thanks.
const MAX_WORDS: usize = 40;

/// True when `visible_text` (quotes already stripped) is a thank-you with nothing
/// left to do: "thanks, it works" yes; "thanks, but it still fails" no.
/// `lang` is accepted for symmetry with the other readers; the cue lists of all
/// four languages are used, since a short "thanks!" is often in another language.
pub fn is_thanks(visible_text: &str, lang: Option<&str>) -> bool {
    let _ = lang;
    let tokens = Tokens::new(visible_text);
    if tokens.is_empty() || tokens.len() > MAX_WORDS || visible_text.contains(['?', '？']) {
        return false;
    }
    let (mut thanks, mut resolved, mut open) = (false, false, false);
    let mut covered_until = 0;
    LEXICON.for_each(&tokens, |hit| {
        // Inside a longer phrase already read ("working again", "fehler behoben").
        if hit.start < covered_until {
            return;
        }
        covered_until = covered_until.max(hit.end);
        match hit.value {
            Thanks => thanks = true,
            Resolved => resolved = true,
            Open => open = true,
        }
    });
    (thanks || resolved) && !open
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples() {
        for yes in [
            "Thanks, it works now!",
            "Спасибо, всё работает",
            "Aitäh, nüüd töötab",
            "Danke, jetzt klappt es",
            "thank you, problem solved",
            "thanks!",
        ] {
            assert!(is_thanks(yes, None), "{yes}");
        }
        for no in [
            "thanks, but it still doesn't work",
            "спасибо, но всё ещё не работает",
            "danke, aber es geht immer noch nicht",
            "aitäh, aga ikka ei tööta",
            "thanks! another question: how do I export?",
            "Please send the invoice for March. Thanks in advance",
            "Пришлите счёт. Заранее спасибо",
            "Bitte senden Sie die Rechnung. Vielen Dank im Voraus",
            "Palun saatke arve. Ette tänades",
            "",
        ] {
            assert!(!is_thanks(no, None), "{no}");
        }
    }
}
