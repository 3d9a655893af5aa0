//! The tone guard: finds blaming or lecturing phrases in an agent's draft.
//!
//! Each rule is a phrase pattern (see the lexicon syntax: `stem*`, `…` for a short
//! gap), why it reads badly to a customer, and a kinder phrasing in the same language.

use std::sync::LazyLock;

use serde::Serialize;

use crate::lexicon::Lexicon;
use crate::normalize::Tokens;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ToneFinding {
    /// The phrase as it appears in the draft.
    pub phrase: String,
    /// Why it reads badly to a customer.
    pub why: String,
    /// A kinder phrasing.
    pub suggestion: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ToneReport {
    pub ok: bool,
    pub findings: Vec<ToneFinding>,
}

struct Rule {
    patterns: &'static [&'static str],
    why: &'static str,
    suggestion: &'static str,
}

const REPEAT_EN: &str = "Reminds the customer they were already told: reads as impatience.";
const BLAME_EN: &str = "Puts the fault on the customer.";
const LECTURE_EN: &str = "Sends the customer to read instead of helping.";
const CONDESCEND_EN: &str = "Implies the answer should have been obvious to the customer.";

const REPEAT_DE: &str = "Erinnert daran, dass es schon gesagt wurde: wirkt ungeduldig.";
const BLAME_DE: &str = "Schiebt die Schuld auf den Kunden.";
const LECTURE_DE: &str = "Schickt den Kunden zum Lesen, statt zu helfen.";

const REPEAT_RU: &str = "Напоминает клиенту, что ему уже говорили: звучит раздражённо.";
const BLAME_RU: &str = "Перекладывает вину на клиента.";
const LECTURE_RU: &str = "Отправляет клиента читать вместо помощи.";

const REPEAT_ET: &str = "Meenutab kliendile, et talle on juba öeldud: kõlab kannatamatult.";
const BLAME_ET: &str = "Paneb süü kliendi kaela.";
const LECTURE_ET: &str = "Saadab kliendi lugema, selle asemel et aidata.";

const RULES: &[Rule] = &[
    // en
    Rule {
        patterns: &[
            "as stated in our",
            "as stated in the",
            "as described in our",
            "as explained in our",
            "as per our instructions",
            "as written in our",
        ],
        why: LECTURE_EN,
        suggestion: "Here are the steps again, so you have them in one place:",
    },
    Rule {
        patterns: &[
            "as mentioned before",
            "as mentioned earlier",
            "as previously mentioned",
            "as i already said",
            "as i said before",
            "as i have already",
            "as we already told",
            "as already explained",
            "as i already explained",
            "i already told you",
            "we already told you",
            "like i said",
        ],
        why: REPEAT_EN,
        suggestion: "To sum up where we are:",
    },
    Rule {
        patterns: &[
            "you should have",
            "you should've",
            "you were supposed to",
            "you were required to",
        ],
        why: BLAME_EN,
        suggestion: "Next time it helps to …; for now, here is what we can do:",
    },
    Rule {
        patterns: &[
            "please read the manual",
            "please read the faq",
            "please read our",
            "read the manual",
            "read the instructions",
            "read the faq",
            "rtfm",
            "please refer to the manual",
            "it's all in the manual",
            "it is all in the manual",
        ],
        why: LECTURE_EN,
        suggestion: "Here is the part of the guide that covers this, with the steps:",
    },
    Rule {
        patterns: &[
            "you failed to",
            "you didn't follow",
            "you did not follow",
            "your mistake",
            "it's your fault",
            "it is your fault",
            "your own fault",
            "you caused",
            "because you didn't",
            "because you did not",
        ],
        why: BLAME_EN,
        suggestion: "It looks like a step was missed; here is how to fix it:",
    },
    Rule {
        patterns: &[
            "obviously",
            "clearly you",
            "as anyone can see",
            "simply read",
            "it's very simple",
            "it is very simple",
            "it's not that hard",
            "it is not that hard",
            "any user knows",
        ],
        why: CONDESCEND_EN,
        suggestion: "Here is how to do it:",
    },
    Rule {
        patterns: &["we cannot help you if you", "there is nothing we can do"],
        why: BLAME_EN,
        suggestion: "Here is what we can do:",
    },
    // de
    Rule {
        patterns: &[
            "wie bereits erwähnt",
            "wie bereits gesagt",
            "wie bereits mitgeteilt",
            "wie schon gesagt",
            "wie ich bereits sagte",
            "wie ich schon sagte",
            "wie wir ihnen bereits",
            "wie schon mehrfach",
            "ich habe ihnen bereits",
        ],
        why: REPEAT_DE,
        suggestion: "Kurz zusammengefasst:",
    },
    Rule {
        patterns: &[
            "wie in unserer anleitung beschrieben",
            "wie in der anleitung beschrieben",
            "wie in unseren faq",
            "wie in der anleitung steht",
            "steht in der anleitung",
            "steht alles in der anleitung",
            "lesen sie die anleitung",
            "lesen sie bitte die anleitung",
            "bitte lesen sie die anleitung",
            "lesen sie unsere faq",
            "lesen sie die faq",
            "bitte lesen sie unsere",
        ],
        why: LECTURE_DE,
        suggestion: "Hier sind die Schritte aus der Anleitung, damit Sie alles an einem Ort haben:",
    },
    Rule {
        patterns: &[
            "sie hätten … sollen",
            "sie hätten … müssen",
            "hätten sie … gelesen",
            "sie hätten … können",
        ],
        why: BLAME_DE,
        suggestion: "Für das nächste Mal hilft es, …; jetzt können wir Folgendes tun:",
    },
    Rule {
        patterns: &[
            "ihr fehler",
            "ihre schuld",
            "ihr eigener fehler",
            "selbst schuld",
            "sie haben … nicht beachtet",
            "sie haben versäumt",
            "weil sie nicht",
            "sie haben es versäumt",
        ],
        why: BLAME_DE,
        suggestion: "Da ist wohl ein Schritt untergegangen; so lässt es sich beheben:",
    },
    Rule {
        patterns: &[
            "offensichtlich",
            "selbstverständlich sollten sie",
            "das ist doch ganz einfach",
            "ist doch ganz einfach",
            "das weiß doch jeder",
        ],
        why: CONDESCEND_EN_DE,
        suggestion: "So geht es:",
    },
    // ru
    Rule {
        patterns: &[
            "как уже было сказано",
            "как уже говорилось",
            "как я уже говорил*",
            "как я уже писал*",
            "как мы уже писали",
            "как мы уже сообщали",
            "мы уже отвечали",
            "я же писал*",
            "повторяю еще раз",
            "еще раз повторяю",
        ],
        why: REPEAT_RU,
        suggestion: "Коротко о том, где мы сейчас:",
    },
    Rule {
        patterns: &[
            "читайте инструкцию",
            "прочитайте инструкцию",
            "прочтите инструкцию",
            "читайте faq",
            "внимательно читайте",
            "внимательно прочитайте",
            "все написано в инструкции",
            "это написано в инструкции",
            "как указано в инструкции",
            "как написано в инструкции",
        ],
        why: LECTURE_RU,
        suggestion: "Вот шаги из инструкции, чтобы всё было под рукой:",
    },
    Rule {
        patterns: &[
            "вы должны были",
            "вам следовало",
            "вам нужно было",
            "надо было",
        ],
        why: BLAME_RU,
        suggestion: "В следующий раз поможет …; а сейчас мы можем сделать вот что:",
    },
    Rule {
        patterns: &[
            "это ваша вина",
            "вы сами виноваты",
            "по вашей вине",
            "ваша ошибка",
            "вы не выполнили",
            "вы не прочитали",
            "вы не соблюдали",
        ],
        why: BLAME_RU,
        suggestion: "Похоже, один шаг пропущен; вот как это исправить:",
    },
    Rule {
        patterns: &[
            "очевидно",
            "это же очевидно",
            "это элементарно",
            "любой пользователь знает",
            "это же просто",
        ],
        why: CONDESCEND_RU,
        suggestion: "Вот как это сделать:",
    },
    // et
    Rule {
        patterns: &[
            "nagu juba öeldud",
            "nagu ma juba ütlesin",
            "nagu me juba ütlesime",
            "nagu juba mainitud",
            "nagu eelnevalt mainitud",
            "nagu eelmises kirjas",
            "ma juba ütlesin",
            "olen juba öelnud",
            "kordan veel kord",
        ],
        why: REPEAT_ET,
        suggestion: "Lühidalt, kus me praegu oleme:",
    },
    Rule {
        patterns: &[
            "nagu juhendis kirjas",
            "nagu juhendis on kirjas",
            "nagu juhendis kirjeldatud",
            "nagu kasutusjuhendis",
            "lugege juhendit",
            "lugege kasutusjuhendit",
            "lugege palun juhendit",
            "palun lugege juhendit",
            "lugege korduma kippuvaid",
            "kõik on juhendis kirjas",
            "see on juhendis kirjas",
        ],
        why: LECTURE_ET,
        suggestion: "Siin on juhendi sammud, et kõik oleks ühes kohas:",
    },
    Rule {
        patterns: &[
            "oleksite pidanud",
            "te oleksite pidanud",
            "oleksid pidanud",
            "te pidite",
        ],
        why: BLAME_ET,
        suggestion: "Järgmisel korral aitab …; praegu saame teha nii:",
    },
    Rule {
        patterns: &[
            "teie süü",
            "teie enda süü",
            "teie viga",
            "ise süüdi",
            "te ei järginud",
            "te ei lugenud",
            "te jätsite",
        ],
        why: BLAME_ET,
        suggestion: "Paistab, et üks samm jäi vahele; nii saab selle parandada:",
    },
    Rule {
        patterns: &[
            "ilmselgelt",
            "ilmselge",
            "see on ju lihtne",
            "see on väga lihtne",
            "iga kasutaja teab",
        ],
        why: CONDESCEND_ET,
        suggestion: "Nii saab seda teha:",
    },
];

const CONDESCEND_EN_DE: &str =
    "Unterstellt, dass die Antwort für den Kunden offensichtlich sein müsste.";
const CONDESCEND_RU: &str = "Намекает, что ответ должен был быть очевиден клиенту.";
const CONDESCEND_ET: &str = "Vihjab, et vastus oleks pidanud kliendile ilmne olema.";

static LEXICON: LazyLock<Lexicon<usize>> = LazyLock::new(|| {
    Lexicon::new(
        RULES
            .iter()
            .enumerate()
            .flat_map(|(i, r)| r.patterns.iter().map(move |p| (*p, i))),
    )
});

/// Checks a draft. `lang` is accepted for symmetry; the rules of all four languages
/// apply, since each phrase belongs to one language anyway.
pub fn tone(draft: &str, lang: Option<&str>) -> ToneReport {
    let _ = lang;
    let tokens = Tokens::new(draft);
    let mut findings: Vec<ToneFinding> = Vec::new();
    let mut covered_until = 0usize;
    LEXICON.for_each(&tokens, |hit| {
        if hit.start < covered_until {
            return;
        }
        let (Some(a), Some(b), Some(rule)) = (
            tokens.span(hit.start),
            tokens.span(hit.end.saturating_sub(1)),
            RULES.get(hit.value),
        ) else {
            return;
        };
        covered_until = hit.end;
        findings.push(ToneFinding {
            phrase: draft
                .get(a.original.0..b.original.1)
                .unwrap_or("")
                .to_string(),
            why: rule.why.to_string(),
            suggestion: rule.suggestion.to_string(),
        });
    });
    ToneReport {
        ok: findings.is_empty(),
        findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_and_quotes() {
        let r = tone(
            "Hello Mark, as mentioned before, you should have restarted it.",
            Some("en"),
        );
        assert!(!r.ok);
        let phrases: Vec<_> = r.findings.iter().map(|f| f.phrase.as_str()).collect();
        assert_eq!(phrases, ["as mentioned before", "you should have"]);
        let r = tone("Sie hätten das Handbuch lesen sollen.", Some("de"));
        assert_eq!(r.findings.len(), 1);
        assert_eq!(r.findings[0].phrase, "Sie hätten das Handbuch lesen sollen");
        assert!(r.findings[0].suggestion.starts_with("Für das nächste Mal"));
        let r = tone("Как уже было сказано, читайте инструкцию.", None);
        assert_eq!(r.findings.len(), 2);
        let r = tone(
            "Nagu juhendis kirjas, oleksite pidanud arve varem tasuma.",
            None,
        );
        assert_eq!(r.findings.len(), 2);
    }

    #[test]
    fn kind_drafts_pass() {
        for d in [
            "Hello Mark, thank you for the details. I have reset the password; here is the link.",
            "Guten Tag, danke für Ihre Geduld. Die Rechnung ist angehängt.",
            "Здравствуйте! Спасибо, что написали. Возврат оформлен.",
            "Tere! Aitäh, et andsite teada. Saatsin uue arve.",
            "",
        ] {
            assert!(tone(d, None).ok, "{d}");
        }
    }
}
