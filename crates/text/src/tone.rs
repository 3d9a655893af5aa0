//! The tone guard: finds blaming or lecturing phrases in an agent's draft.
//!
//! Each rule is a phrase pattern (see the lexicon syntax: `stem*`, `…` for a short
//! gap), why it reads badly to a customer, and a kinder phrasing in the same language.

use std::sync::LazyLock;

use serde::Serialize;

use crate::language::detect_in;
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

/// What kind of scolding a rule finds: each has its `why` in every language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fault {
    /// "As mentioned before": reminding them they were already told.
    Repeat,
    /// "As stated in our instructions": pointing at a text instead of helping.
    Lecture,
    /// "You didn't read our e-mail": doubting they read it.
    NotRead,
    /// "You should have …": telling them what they should have done.
    ShouldHave,
    /// "It's your fault", "the problem is on your end".
    Blame,
    /// "It's not that hard", "most customers manage".
    Condescend,
    /// "Stop opening duplicate tickets": rebuking them for writing again.
    Rebuke,
    /// Words in capitals.
    Shouting,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lang {
    En,
    De,
    Ru,
    Et,
}

impl Lang {
    fn from_code(code: &str) -> Option<Self> {
        match code {
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            "ru" => Some(Lang::Ru),
            "et" => Some(Lang::Et),
            _ => None,
        }
    }
}

impl Fault {
    fn why(self, lang: Lang) -> &'static str {
        use Fault::*;
        use Lang::*;
        match (self, lang) {
            (Repeat, En) => "Reminds the customer they were already told: reads as impatience.",
            (Repeat, De) => "Erinnert daran, dass es schon gesagt wurde: wirkt ungeduldig.",
            (Repeat, Ru) => "Напоминает клиенту, что ему уже говорили: звучит раздражённо.",
            (Repeat, Et) => "Meenutab kliendile, et talle on juba öeldud: kõlab kannatamatult.",
            (Lecture, En) => "Sends the customer to read instead of helping.",
            (Lecture, De) => "Schickt den Kunden zum Lesen, statt zu helfen.",
            (Lecture, Ru) => "Отправляет клиента читать вместо помощи.",
            (Lecture, Et) => "Saadab kliendi lugema, selle asemel et aidata.",
            (NotRead, En) => "Suggests the customer did not read carefully: reads as a reproach.",
            (NotRead, De) => {
                "Unterstellt, der Kunde habe nicht richtig gelesen: wirkt als Vorwurf."
            }
            (NotRead, Ru) => "Намекает, что клиент невнимательно читал: звучит как упрёк.",
            (NotRead, Et) => "Vihjab, et klient ei lugenud tähelepanelikult: kõlab etteheitena.",
            (ShouldHave, En) => {
                "Tells the customer what they should have done: looks back and blames."
            }
            (ShouldHave, De) => {
                "Sagt dem Kunden, was er hätte tun sollen: schaut zurück und macht Vorwürfe."
            }
            (ShouldHave, Ru) => "Говорит клиенту, что ему следовало сделать: упрёк вместо помощи.",
            (ShouldHave, Et) => {
                "Ütleb kliendile, mida ta oleks pidanud tegema: etteheide abi asemel."
            }
            (Blame, En) => "Puts the fault on the customer.",
            (Blame, De) => "Schiebt die Schuld auf den Kunden.",
            (Blame, Ru) => "Перекладывает вину на клиента.",
            (Blame, Et) => "Paneb süü kliendi kaela.",
            (Condescend, En) => "Implies the answer should have been obvious to the customer.",
            (Condescend, De) => {
                "Unterstellt, dass die Antwort für den Kunden offensichtlich sein müsste."
            }
            (Condescend, Ru) => "Намекает, что ответ должен был быть очевиден клиенту.",
            (Condescend, Et) => "Vihjab, et vastus oleks pidanud kliendile ilmne olema.",
            (Rebuke, En) => {
                "Rebukes the customer for writing again; they write because they need help."
            }
            (Rebuke, De) => {
                "Tadelt den Kunden fürs erneute Schreiben; er schreibt, weil er Hilfe braucht."
            }
            (Rebuke, Ru) => {
                "Упрекает клиента за повторные обращения, а он пишет, потому что ему нужна помощь."
            }
            (Rebuke, Et) => {
                "Noomib klienti uuesti kirjutamise eest, kuigi ta kirjutab, sest vajab abi."
            }
            (Shouting, En) => "Words in capitals read as shouting.",
            (Shouting, De) => "Wörter in Großbuchstaben wirken wie Schreien.",
            (Shouting, Ru) => "Слова заглавными буквами читаются как крик.",
            (Shouting, Et) => "Suurtähtedega sõnad mõjuvad karjumisena.",
        }
    }

    fn suggestion(self, lang: Lang) -> &'static str {
        use Fault::*;
        use Lang::*;
        match (self, lang) {
            (Repeat, En) => "To sum up where we are:",
            (Repeat, De) => "Kurz zusammengefasst:",
            (Repeat, Ru) => "Коротко о том, где мы сейчас:",
            (Repeat, Et) => "Lühidalt, kus me praegu oleme:",
            (Lecture, En) => "Here are the steps again, so you have them in one place:",
            (Lecture, De) => {
                "Hier sind die Schritte aus der Anleitung, damit Sie alles an einem Ort haben:"
            }
            (Lecture, Ru) => "Вот шаги из инструкции, чтобы всё было под рукой:",
            (Lecture, Et) => "Siin on juhendi sammud, et kõik oleks ühes kohas:",
            (NotRead, En) => "I may not have put it clearly; here is the key point again:",
            (NotRead, De) => {
                "Vielleicht war ich nicht deutlich genug; hier noch einmal das Wichtigste:"
            }
            (NotRead, Ru) => "Возможно, я объяснил неясно; вот главное ещё раз:",
            (NotRead, Et) => {
                "Võib-olla ei selgitanud ma piisavalt selgelt; siin on peamine veel kord:"
            }
            (ShouldHave, En) => "Next time it helps to …; for now, here is what we can do:",
            (ShouldHave, De) => "Für das nächste Mal hilft es, …; jetzt können wir Folgendes tun:",
            (ShouldHave, Ru) => "В следующий раз поможет …; а сейчас мы можем сделать вот что:",
            (ShouldHave, Et) => "Järgmisel korral aitab …; praegu saame teha nii:",
            (Blame, En) => "It looks like a step was missed; here is how to fix it:",
            (Blame, De) => "Da ist wohl ein Schritt untergegangen; so lässt es sich beheben:",
            (Blame, Ru) => "Похоже, один шаг пропущен; вот как это исправить:",
            (Blame, Et) => "Paistab, et üks samm jäi vahele; nii saab selle parandada:",
            (Condescend, En) => "Here is how to do it:",
            (Condescend, De) => "So geht es:",
            (Condescend, Ru) => "Вот как это сделать:",
            (Condescend, Et) => "Nii saab seda teha:",
            (Rebuke, En) => {
                "Thank you for following up; your request is with us and here is where it stands:"
            }
            (Rebuke, De) => {
                "Danke für Ihre Nachricht; Ihr Anliegen liegt bei uns, und so ist der Stand:"
            }
            (Rebuke, Ru) => "Спасибо, что напомнили; ваш запрос у нас, и вот что с ним сейчас:",
            (Rebuke, Et) => {
                "Aitäh, et meelde tuletasite; teie pöördumine on meil töös ja seis on selline:"
            }
            (Shouting, En) => {
                "Write it in normal letters; to stress a point, put it on its own line."
            }
            (Shouting, De) => {
                "Schreiben Sie normal; was wichtig ist, kann in einer eigenen Zeile stehen."
            }
            (Shouting, Ru) => {
                "Напишите обычными буквами; главное можно вынести в отдельную строку."
            }
            (Shouting, Et) => "Kirjutage tavaliste tähtedega; olulise võib panna eraldi reale.",
        }
    }
}

/// Phrase patterns (lexicon syntax) per language and fault. A pattern belongs to one
/// language, so every list is checked on every draft; the language of the pattern
/// picks the language of `why` and `suggestion`.
const RULES: &[(Lang, Fault, &[&str])] = &[
    // ---- en
    (
        Lang::En,
        Fault::Repeat,
        &[
            "as mentioned before",
            "as mentioned earlier",
            "as previously mentioned",
            "as previously stated",
            "as previously explained",
            "as already mentioned",
            "as already stated",
            "as already explained",
            "as i already said",
            "as i said before",
            "as i have already",
            "as i've already",
            "as we already told",
            "as we have already",
            "as we've already",
            "as i already explained",
            "as you were told",
            "as you have been told",
            "as you've been told",
            "as we told you",
            "i already told you",
            "we already told you",
            "we have already told you",
            "we've already told you",
            "we have already explained",
            "we've already explained",
            "i have already explained",
            "i've already explained",
            "like i said",
            "like we said",
            "for the last time",
            "let me repeat",
            "i repeat",
            "i will repeat",
            "once again we",
            "already been explained",
            "already explained to you",
        ],
    ),
    (
        Lang::En,
        Fault::Lecture,
        &[
            "as stated",
            "as specified in",
            "as indicated in",
            "as noted in our",
            "as explained in the",
            "as explained on",
            "as detailed in",
            "as outlined in",
            "it says in our",
            "it clearly says",
            "all of this is in",
            "this is all in",
            "as per the instructions",
            "as the instructions",
            "the instructions clearly",
            "the manual clearly",
            "you agreed to",
            "you accepted our terms",
            "as stated in our",
            "as stated in the",
            "as clearly stated",
            "as described in our",
            "as explained in our",
            "as we state",
            "as per our instructions",
            "as written in our",
            "as outlined in our terms",
            "as per our terms",
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
            "clearly stated",
            "clearly written",
            "clearly explained",
            "clearly displayed",
            "clearly shown",
            "clearly mentioned",
            "clearly marked",
            "clearly visible",
            "clearly described",
            "is stated right",
            "displayed right there",
            "right there on",
            "should be no confusion",
            "there should be no confusion",
            "before contacting support",
            "before contacting us",
            "before writing to us",
            "before you contact",
            "before you write to us",
        ],
    ),
    (
        Lang::En,
        Fault::NotRead,
        &[
            "if you had bothered",
            "bothered to read",
            "bothered to open",
            "bothered to check",
            "you actually read",
            "did you even read",
            "did you read",
            "you didn't read",
            "you did not read",
            "you haven't read",
            "you have not read",
            "didn't read our",
            "read it again",
            "read our email again",
            "read our reply again",
            "read my message again",
            "read it properly",
            "read more carefully",
            "read carefully next time",
            "more carefully next time",
            "if you had read",
            "had you read",
            "you would have noticed",
            "you would have seen",
            "you would have known",
            "you must have missed",
            "you seem to have missed",
            "you obviously missed",
            "you apparently missed",
            "in case you missed",
            "you overlooked",
        ],
    ),
    (
        Lang::En,
        Fault::ShouldHave,
        &[
            "if you had … read",
            "if you had … checked",
            "if you had … followed",
            "if you had … looked",
            "if you had … opened",
            "if you had … paid",
            "if you had … entered",
            "if you had … contacted",
            "if you had … told",
            "if you had … listened",
            "if you'd … read",
            "if you'd … checked",
            "if you'd … followed",
            "had you … read",
            "had you … checked",
            "had you … followed",
            "you could have avoided",
            "could have been avoided if you",
            "would have been avoided if you",
            "would not have happened if you",
            "wouldn't have happened if you",
            "you would not have",
            "you wouldn't have",
            "always a good idea to",
            "make sure you read",
            "you need to make sure",
            "you should have",
            "you should've",
            "you could have",
            "you could've",
            "you ought to have",
            "you were supposed to",
            "you were required to",
            "you were expected to",
            "next time you should",
            "next time please",
            "next time you need",
            "next time you must",
            "in future you should",
            "in the future you should",
            "you really should",
            "you need to learn",
            "you should always",
            "you should know",
        ],
    ),
    (
        Lang::En,
        Fault::Blame,
        &[
            "our network is working",
            "our system is working",
            "our systems are working",
            "our servers are working",
            "our service is working",
            "everything is working on our",
            "everything works on our",
            "nothing wrong on our side",
            "you forgot to",
            "you neglected to",
            "you provided the wrong",
            "you provided incorrect",
            "you provided an incorrect",
            "information you provided was",
            "details you provided were",
            "the details you gave",
            "provided by you",
            "on your part",
            "on your side was",
            "error on your side",
            "mistake on your side",
            "problem on your side",
            "that's on you",
            "that is on you",
            "is your responsibility",
            "your responsibility",
            "we are not responsible",
            "we're not responsible",
            "we cannot be held responsible",
            "we can't be held responsible",
            "not our responsibility",
            "we are not to blame",
            "not to blame",
            "you have only yourself",
            "only yourself to blame",
            "nothing wrong on our",
            "nothing wrong with our",
            "working fine on our",
            "your own device",
            "your own settings",
            "you failed to",
            "you didn't follow",
            "you did not follow",
            "your mistake",
            "your error",
            "your own error",
            "it's your fault",
            "it is your fault",
            "your own fault",
            "your fault",
            "you caused",
            "caused by you",
            "because of you",
            "because you didn't",
            "because you did not",
            "because you entered",
            "because you chose",
            "because you selected",
            "you entered the wrong",
            "you entered an incorrect",
            "you entering the wrong",
            "you selected the wrong",
            "you chose the wrong",
            "you gave us the wrong",
            "on your end",
            "problem is on your",
            "issue is on your",
            "fault is on your",
            "not by us",
            "not on our side",
            "not our fault",
            "not our problem",
            "nothing to do with us",
            "user error",
            "we cannot help you if you",
            "we can't help you if you",
            "there is nothing we can do",
        ],
    ),
    (
        Lang::En,
        Fault::Condescend,
        &[
            "it's easy",
            "it is easy",
            "it's quite simple",
            "it is quite simple",
            "it's simple",
            "it is simple",
            "this is simple",
            "this is easy",
            "really not that complicated",
            "not complicated",
            "what part of",
            "what is so hard",
            "what's so hard",
            "what is so difficult",
            "what's so difficult",
            "i'm surprised you",
            "i am surprised you",
            "surprising that you",
            "strange that you",
            "in plain english",
            "one more time slowly",
            "even you",
            "most people manage",
            "most users manage",
            "self explanatory",
            "common sense",
            "obviously",
            "clearly you",
            "as anyone can see",
            "simply read",
            "it's very simple",
            "it is very simple",
            "it's really simple",
            "it is really simple",
            "it's not that hard",
            "it is not that hard",
            "it's not hard",
            "it is not hard",
            "it's not difficult",
            "it is not difficult",
            "not that difficult",
            "not rocket science",
            "any user knows",
            "anyone can do",
            "anyone could",
            "even a child",
            "basic stuff",
            "this is basic",
            "very basic",
            "majority of our customers manage",
            "most of our customers manage",
            "most customers manage",
            "other customers manage",
            "everyone else manages",
            "everybody knows",
            "everyone knows",
            "surely you know",
            "surely you can",
            "let me explain it slowly",
            "slowly one more time",
            "in simple terms for you",
        ],
    ),
    (
        Lang::En,
        Fault::Rebuke,
        &[
            "email us every day",
            "write to us every day",
            "writing every day",
            "emailing every day",
            "calling every day",
            "already have your ticket",
            "no need to email",
            "no need to write",
            "no need to contact us",
            "no need to keep",
            "refrain from",
            "multiple emails",
            "repeated emails",
            "repeated messages",
            "sending us the same",
            "writing to us repeatedly",
            "chasing us",
            "will not make it faster",
            "won't make it faster",
            "will not make it any",
            "won't make it any",
            "only slows",
            "delays the process",
            "only delays",
            "be patient",
            "already have your request",
            "duplicate ticket*",
            "duplicate request*",
            "duplicate email*",
            "multiple tickets",
            "several tickets",
            "tickets from you",
            "emails from you on",
            "no need to email us every",
            "no need to write to us every",
            "no need to call us every",
            "every single day",
            "stop emailing",
            "stop calling",
            "stop writing",
            "stop sending",
            "please do not email us again",
            "please don't email us again",
            "do not contact us again",
            "will not get you an answer",
            "won't get you an answer",
            "will not speed",
            "won't speed",
            "does not speed",
            "doesn't speed",
            "not make it any faster",
            "any faster by",
            "like everyone else's",
            "like everyone else",
            "wait your turn",
            "bombarding us",
            "flooding us",
        ],
    ),
    // ---- de
    (
        Lang::De,
        Fault::Repeat,
        &[
            "wie bereits erwähnt",
            "wie bereits gesagt",
            "wie bereits mitgeteilt",
            "wie bereits erklärt",
            "wie bereits ausgeführt",
            "wie bereits mehrfach",
            "wie schon gesagt",
            "wie schon erwähnt",
            "wie schon mehrfach",
            "wie schon erklärt",
            "wie schon mitgeteilt",
            "wie ich bereits sagte",
            "wie ich schon sagte",
            "wie ich ihnen bereits",
            "wie ich ihnen schon",
            "wie wir ihnen bereits",
            "wie wir ihnen schon",
            "wie ihnen bereits",
            "wie ihnen schon",
            "ich habe ihnen bereits",
            "wir haben ihnen bereits",
            "schon zweimal mitgeteilt",
            "bereits zweimal mitgeteilt",
            "schon mehrfach mitgeteilt",
            "bereits mehrfach mitgeteilt",
            "ein letztes mal",
            "zum letzten mal",
            "ich wiederhole",
            "wir wiederholen",
            "noch einmal ganz langsam",
        ],
    ),
    (
        Lang::De,
        Fault::Lecture,
        &[
            "wie in … angegeben",
            "wie in … erwähnt",
            "wie in … erläutert",
            "wie in … erklärt",
            "wie in … aufgeführt",
            "wie in … vermerkt",
            "wie in … dargestellt",
            "wie in … festgehalten",
            "wie auf unserer website",
            "wie auf unserer webseite",
            "wie auf seite",
            "wie dort beschrieben",
            "steht doch",
            "steht eindeutig",
            "eindeutig beschrieben",
            "eindeutig geregelt",
            "eindeutig angegeben",
            "deutlich beschrieben",
            "deutlich angegeben",
            "deutlich darauf hingewiesen",
            "klar beschrieben",
            "klar geregelt",
            "klar angegeben",
            "zur kenntnis genommen",
            "denen sie zugestimmt",
            "die sie akzeptiert",
            "sie haben … zugestimmt",
            "sie haben … akzeptiert",
            "wie in unserer anleitung … beschrieben",
            "wie in der anleitung … beschrieben",
            "wie in unseren faq",
            "wie in der anleitung steht",
            "wie in unseren agb",
            "wie in den agb",
            "wie schon in der",
            "wie bereits in der",
            "steht in der anleitung",
            "steht alles in der anleitung",
            "steht alles",
            "klar und deutlich",
            "ausdrücklich vermerkt",
            "ausdrücklich erwähnt",
            "ausdrücklich darauf hingewiesen",
            "deutlich vermerkt",
            "ausführlich dokumentiert",
            "ausführlich beschrieben",
            "lesen sie die anleitung",
            "lesen sie bitte die anleitung",
            "bitte lesen sie die anleitung",
            "lesen sie unsere faq",
            "lesen sie die faq",
            "bitte lesen sie unsere",
            "künftig zuerst",
            "bevor sie sich an den support",
            "bevor sie sich an uns",
            "bevor sie uns schreiben",
            "bevor sie uns kontaktieren",
            "war ihnen also bekannt",
            "war ihnen bekannt",
            "hätten sie wissen müssen",
            "daran ändern auch weitere",
        ],
    ),
    (
        Lang::De,
        Fault::NotRead,
        &[
            "nicht richtig gelesen",
            "nicht genau gelesen",
            "nicht aufmerksam gelesen",
            "nicht gelesen",
            "nicht zu ende gelesen",
            "offenbar nicht richtig",
            "offenbar übersehen",
            "haben sie … überhaupt gelesen",
            "haben sie … nicht gelesen",
            "lesen sie … genau",
            "lesen sie … genauer",
            "lesen sie … aufmerksam",
            "genauer lesen",
            "aufmerksamer lesen",
            "sorgfältiger lesen",
            "hätten sie … gelesen",
            "wenn sie … gelesen hätten",
        ],
    ),
    (
        Lang::De,
        Fault::ShouldHave,
        &[
            "wenn sie … hätten",
            "hätte sich … vermeiden lassen",
            "wäre vermeidbar gewesen",
            "wäre nicht passiert wenn sie",
            "es wäre ihre aufgabe",
            "ihre aufgabe gewesen",
            "sollten sie eigentlich",
            "müssten sie eigentlich",
            "müssen sie selbst",
            "sie müssen künftig",
            "achten sie künftig",
            "achten sie in zukunft",
            "künftig bitte",
            "sie hätten … sollen",
            "sie hätten … müssen",
            "sie hätten … können",
            "hätten sie … sollen",
            "hätten sie … müssen",
            "hätten sie … können",
            "hätten sie … gefunden",
            "hätten sie … gewusst",
            "beim nächsten mal sollten sie",
            "nächstes mal sollten sie",
            "künftig sollten sie",
            "sie sollten künftig",
            "sie sollten in zukunft",
            "in zukunft sollten sie",
            "das nächste mal bitte",
            "mit ein bisschen gutem willen",
        ],
    ),
    (
        Lang::De,
        Fault::Blame,
        &[
            "bei uns funktioniert",
            "unser netz funktioniert",
            "unser system funktioniert",
            "unsere systeme funktionieren",
            "unser netz ist",
            "seitens ihrer bank",
            "sie haben vergessen",
            "sie haben … vergessen",
            "falsche angaben",
            "ihre angaben waren",
            "von ihnen angegebene* … falsch",
            "von ihnen falsch",
            "seitens ihrer",
            "an ihrem gerät",
            "an ihrem router",
            "an ihren einstellungen",
            "ihrem verschulden",
            "ihr verschulden",
            "eigenverschulden",
            "haben sie sich selbst",
            "selbst zuzuschreiben",
            "wir sind dafür nicht verantwortlich",
            "wir sind nicht verantwortlich",
            "dafür können wir nichts",
            "wir können nichts dafür",
            "liegt nicht an uns",
            "liegt nicht bei uns",
            "nicht unser verschulden",
            "nicht bei uns",
            "ihr fehler",
            "ihre schuld",
            "ihr eigener fehler",
            "ihre eigene schuld",
            "selbst schuld",
            "sie haben … nicht beachtet",
            "sie haben versäumt",
            "sie haben es versäumt",
            "weil sie nicht",
            "weil sie … falsch",
            "durch ihre falsche*",
            "aufgrund ihrer falschen",
            "wegen ihrer falschen",
            "sie haben … falsch",
            "liegt an ihnen",
            "liegt bei ihnen",
            "liegt auf ihrer seite",
            "problem liegt bei ihnen",
            "nicht an uns",
            "nicht unser fehler",
            "nicht unsere schuld",
            "nicht unser problem",
            "wir können ihnen nicht helfen wenn sie",
        ],
    ),
    (
        Lang::De,
        Fault::Condescend,
        &[
            "die meisten kunden schaffen",
            "die meisten kunden kommen damit",
            "die meisten kunden bekommen",
            "die meisten kunden kriegen",
            "kunden schaffen das",
            "nicht kompliziert",
            "eigentlich ganz einfach",
            "ist doch klar",
            "sollte klar sein",
            "dürfte klar sein",
            "selbsterklärend",
            "verwunderlich",
            "erstaunlich dass",
            "wundert mich",
            "was daran so schwer",
            "was ist daran",
            "was ist daran so",
            "jeder andere kunde",
            "jedes kind",
            "jeder laie",
            "gesunder menschenverstand",
            "für sie noch einmal",
            "zum mitschreiben",
            "offensichtlich",
            "selbstverständlich sollten sie",
            "das ist doch ganz einfach",
            "ist doch ganz einfach",
            "ist doch nicht so schwer",
            "nicht so schwer",
            "gar nicht so schwer",
            "das weiß doch jeder",
            "weiß doch jeder",
            "schafft wirklich jeder",
            "schafft jeder",
            "kann doch jeder",
            "kann wirklich jeder",
            "sollte … jeder hinbekommen",
            "eigentlich jeder",
            "ganz langsam",
            "klappt es ja dann",
            "nicht so auskennen",
            "nicht so gut auskennen",
            "kann man aber natürlich übersehen",
            "natürlich übersehen",
            "steht ja nur",
            "ist ja nur",
            "kinderleicht",
        ],
    ),
    (
        Lang::De,
        Fault::Rebuke,
        &[
            "täglich schreiben",
            "täglich nachfragen",
            "täglich mehrere",
            "jeden tag anrufen",
            "jeden tag schreiben",
            "verlangsamt nur",
            "verlangsamt die bearbeitung",
            "haben sie geduld",
            "gedulden sie sich",
            "verzögert … nur",
            "nicht nötig uns",
            "nicht notwendig uns",
            "sehen sie … davon ab",
            "sehen sie von",
            "keine weiteren nachrichten",
            "keine weiteren e mails",
            "mehrere tickets",
            "mehrere e mails",
            "mehrere anfragen",
            "zum x ten mal",
            "zum wiederholten mal",
            "erneute nachfragen",
            "erneutes nachfragen",
            "nachfragen beschleunigen",
            "nichts beschleunigen",
            "nicht mehrfach",
            "doppelte* tickets",
            "doppelte* anfragen",
            "als duplikat",
            "duplikat*",
            "nicht für jede kleinigkeit",
            "weitere nachrichten beschleunigen",
            "beschleunigen gar nichts",
            "beschleunigt gar nichts",
            "beschleunigt nichts",
            "beschleunigen nichts",
            "hilft hier niemandem",
            "ständiges nachhaken",
            "ständiges nachaken",
            "ständige nachfragen",
            "weitere nachfragen",
            "bindet unnötig",
            "etwas gedulden",
            "täglich anrufen",
            "hören sie auf",
            "unterlassen sie",
            "schreiben sie uns nicht",
            "nicht ständig",
            "ihre … e mail zu diesem thema",
        ],
    ),
    // ---- ru
    (
        Lang::Ru,
        Fault::Repeat,
        &[
            "как уже было сказано",
            "как уже говорилось",
            "как уже было",
            "как уже сообщалось",
            "как я уже говорил*",
            "как я уже писал*",
            "как я уже объяснял*",
            "как мы уже писали",
            "как мы уже сообщали",
            "как мы уже говорили",
            "как мы уже объясняли",
            "как мы уже неоднократно",
            "как вам уже",
            "мы уже отвечали",
            "мы уже объясняли",
            "мы уже неоднократно",
            "уже неоднократно",
            "я же писал*",
            "я же говорил*",
            "повторяю еще раз",
            "еще раз повторяю",
            "повторяем",
            "повторяю",
            "в который раз",
            "в последний раз",
        ],
    ),
    (
        Lang::Ru,
        Fault::Lecture,
        &[
            "как было указано",
            "как было написано",
            "как следует из",
            "как сказано",
            "как указано",
            "как написано",
            "как описано",
            "все подробно",
            "подробно расписано",
            "в инструкции же",
            "в инструкции четко",
            "в инструкции ясно",
            "в правилах четко",
            "в договоре четко",
            "вы согласились",
            "с которыми вы согласились",
            "вы подписали",
            "читайте инструкцию",
            "прочитайте инструкцию",
            "прочтите инструкцию",
            "читайте faq",
            "все написано в",
            "это написано в",
            "все указано в",
            "четко написано",
            "четко указано",
            "ясно написано",
            "прямо написано",
            "прямо указано",
            "черным по белому",
            "как указано в",
            "как написано в",
            "как сказано в",
            "как описано в",
            "прежде чем писать",
            "прежде чем обращаться",
            "перед тем как писать",
            "перед тем как обращаться",
        ],
    ),
    (
        Lang::Ru,
        Fault::NotRead,
        &[
            "внимательно читайте",
            "внимательно прочитайте",
            "внимательно прочтите",
            "на этот раз внимательно",
            "читайте внимательнее",
            "внимательнее",
            "невнимательно",
            "не дочитали",
            "не прочитали",
            "не читали",
            "не читаете",
            "вы не прочли",
            "прочитайте … еще раз",
            "перечитайте",
            "если бы вы прочитали",
            "если бы вы прочли",
            "если бы вы внимательно",
        ],
    ),
    (
        Lang::Ru,
        Fault::ShouldHave,
        &[
            "в следующий раз … вам",
            "в следующий раз проверяйте",
            "в следующий раз будьте",
            "в следующий раз обращайте",
            "в следующий раз внимательн*",
            "впредь прошу",
            "впредь будьте",
            "впредь проверяйте",
            "если бы вы",
            "тогда бы не",
            "тогда не было бы",
            "сначала нужно было",
            "нужно было сразу",
            "надо было сразу",
            "стоило бы",
            "следовало сначала",
            "могли бы и",
            "могли бы сами",
            "вы должны были",
            "вам следовало",
            "следовало бы",
            "вам нужно было",
            "нужно было",
            "надо было",
            "стоило",
            "вам стоило",
            "не пришлось бы",
            "в следующий раз будьте",
            "в следующий раз читайте",
        ],
    ),
    (
        Lang::Ru,
        Fault::Blame,
        &[
            "вы сами виноваты",
            "вы сами ввели",
            "вы сами указали",
            "вы сами выбрали",
            "вы же сами",
            "вы указали неверн*",
            "вы указали неправильн*",
            "вы указали не",
            "сами выбрали",
            "сами указали",
            "сами ввели",
            "с вашей стороны",
            "ошибка на вашей",
            "проблема на вашей",
            "проблема в вашем",
            "проблема в ваших",
            "проблема у вас",
            "вы забыли",
            "вы ввели неверн*",
            "вы ввели неправильн*",
            "вы выбрали неверн*",
            "вы выбрали неправильн*",
            "вашей ошибк*",
            "вашей невнимательност*",
            "ваше упущение",
            "ваша проблема",
            "это ваша",
            "мы не несем ответственности",
            "мы не виноваты",
            "наша вина отсутствует",
            "вины компании нет",
            "претензии к себе",
            "у нас все работает",
            "с нашей стороны все",
            "с нашей стороны ошибок нет",
            "это ваша вина",
            "ваша вина",
            "вы сами виноваты",
            "сами виноваты",
            "по вашей вине",
            "ваша ошибка",
            "ваших же",
            "вашей же",
            "вашим же",
            "из за вас",
            "из за вашей",
            "из за ваших",
            "вы не выполнили",
            "вы не соблюдали",
            "вы неправильно",
            "вы ошиблись",
            "вы указали неверн*",
            "вы указали неправильн*",
            "мы тут ни при чем",
            "мы ни при чем",
            "не наша вина",
            "не наша проблема",
            "не к нам",
            "к себе",
            "на вашей стороне",
        ],
    ),
    (
        Lang::Ru,
        Fault::Condescend,
        &[
            "несложно",
            "ничего трудного",
            "не так уж трудно",
            "что тут непонятного",
            "что непонятного",
            "что здесь непонятного",
            "что тут сложного",
            "что здесь сложного",
            "неужели",
            "удивительно что",
            "странно что",
            "без труда",
            "с первого раза",
            "даже школьник",
            "даже дети",
            "на пальцах",
            "разжую",
            "для особо",
            "большинство пользователей справляются",
            "большинство клиентов",
            "все остальные",
            "любой человек",
            "здравый смысл",
            "очевидно",
            "это же очевидно",
            "это элементарно",
            "элементарно",
            "любой пользователь знает",
            "это же просто",
            "это же несложно",
            "проще простого",
            "такой простой вопрос",
            "простой вопрос вызвал",
            "странно что",
            "даже ребенок",
            "справится любой",
            "любой справится",
            "большинство клиентов справляются",
            "ничего сложного",
            "не так уж сложно",
            "объясню … медленно",
        ],
    ),
    (
        Lang::Ru,
        Fault::Rebuke,
        &[
            "писать каждый день",
            "пишете каждый день",
            "звоните каждый день",
            "не нужно писать",
            "нет необходимости писать",
            "не стоит писать",
            "не нужно звонить",
            "не стоит звонить",
            "повторно писать",
            "повторные письма",
            "повторные сообщения",
            "повторные обращения",
            "только замедляет",
            "замедляет",
            "запаситесь терпением",
            "наберитесь терпения",
            "не торопите",
            "уже получили ваш",
            "письмо за день",
            "сообщением за",
            "ваше … письмо",
            "ваш … запрос по",
            "не нужно писать нам",
            "не надо писать нам",
            "не пишите нам",
            "больше не пишите",
            "несколько раз по одному",
            "по одному и тому же вопросу",
            "засыпать",
            "заваливать",
            "бессмысленно",
            "не ускорят",
            "не ускорит",
            "не ускоряет",
            "перестаньте",
            "прекратите",
            "повторные обращения не",
            "повторные звонки",
            "дубли*",
            "дублирующ*",
            "письмо за сутки",
            "каждый день писать",
            "звонить каждый день",
        ],
    ),
    // ---- et
    (
        Lang::Et,
        Fault::Repeat,
        &[
            "nagu juba öeldud",
            "nagu ma juba ütlesin",
            "nagu me juba ütlesime",
            "nagu juba mainitud",
            "nagu eelnevalt mainitud",
            "nagu eelmises kirjas",
            "nagu me juba",
            "nagu ma juba",
            "nagu teile juba",
            "ma juba ütlesin",
            "olen juba öelnud",
            "oleme juba öelnud",
            "kordan veel kord",
            "kordan veelkord",
            "kordame veel kord",
            "selgitasime seda juba",
            "selgitasin seda juba",
            "oleme seda juba",
            "juba eelmises kirjas",
            "juba mitu korda",
            "viimast korda",
            "taas kord meelde",
            "veel kord meelde",
        ],
    ),
    (
        Lang::Et,
        Fault::Lecture,
        &[
            "nagu … kirjas",
            "nagu … märgitud",
            "nagu … kirjeldatud",
            "nagu … öeldud",
            "nagu … selgitatud",
            "on selgelt",
            "on üheselt",
            "üheselt kirjas",
            "kõik on kirjas",
            "on ju kirjas",
            "teil on juhend",
            "te olete … nõustunud",
            "olete nõustunud",
            "nagu juhendis",
            "nagu kasutusjuhendis",
            "nagu tingimustes",
            "lugege juhendit",
            "lugege kasutusjuhendit",
            "lugege palun juhendit",
            "palun lugege juhendit",
            "lugege korduma kippuvaid",
            "kõik on juhendis kirjas",
            "see on juhendis kirjas",
            "on kirjas kasutusjuhendi*",
            "kõik see on kirjas",
            "selgelt kirjas",
            "selgelt välja toodud",
            "selgelt öeldud",
            "selgelt kirjeldatud",
            "juhend … läbi lugeda",
            "enne meile kirjutamist",
            "enne klienditoe poole pöördumist",
            "millega te … nõustusite",
            "te nõustusite",
        ],
    ),
    (
        Lang::Et,
        Fault::NotRead,
        &[
            "kui oleksite … lugenud",
            "kui te oleksite … lugenud",
            "lõpuni lugenud",
            "hoolikamalt",
            "tähelepanelikumalt",
            "lugege tähelepanelikult",
            "lugege hoolikalt",
            "te ei lugenud",
            "te pole lugenud",
            "te ei ole lugenud",
            "lugege uuesti",
            "lugege veel kord",
        ],
    ),
    (
        Lang::Et,
        Fault::ShouldHave,
        &[
            "kui te oleksite … lugenud",
            "kui te oleksite … tasunud",
            "kui te oleksite … teinud",
            "kui te oleksite … vaadanud",
            "kui te oleksite … kontrollinud",
            "kui te oleksite … järginud",
            "kui te oleksite … sisestanud",
            "kui oleksite … lugenud",
            "kui oleksite … tasunud",
            "kui oleksite … teinud",
            "kui oleksite … vaadanud",
            "kui oleksite … kontrollinud",
            "kui oleksite … järginud",
            "kui oleksite … sisestanud",
            "oleks pidanud",
            "oleks tulnud",
            "oleksite võinud",
            "tulnuks",
            "pidanuks",
            "poleks … tulnud",
            "poleks … juhtunud",
            "järgmisel korral",
            "edaspidi palun",
            "edaspidi tuleb",
            "edaspidi kontrollige",
            "enne tuleb",
            "oleksite pidanud",
            "te oleksite pidanud",
            "oleksid pidanud",
            "te pidite",
            "oleks tulnud",
            "kui te oleksite",
            "kui oleksite",
            "pidanuksite",
            "järgmine kord olge",
            "edaspidi olge",
        ],
    ),
    (
        Lang::Et,
        Fault::Blame,
        &[
            "teiepoolne viga",
            "teiepoolse vea*",
            "teie poolt valesti",
            "teie poolt sisestatud vale*",
            "teie poolne eksimus",
            "meie võrk töötab",
            "meie süsteem töötab",
            "meie poolt töötab",
            "meie poolel töötab",
            "teie enda",
            "te unustasite",
            "te sisestasite",
            "te valisite",
            "te andsite vale*",
            "te märkisite vale*",
            "teie probleem",
            "teie vastutus",
            "me ei vastuta",
            "meie ei vastuta",
            "meie poolt on kõik",
            "meie poolel on kõik",
            "meie süü see pole",
            "meie viga see pole",
            "see pole meie süü",
            "see ei ole meie süü",
            "teie süü",
            "teie enda süü",
            "teie viga",
            "teie enda viga",
            "ise süüdi",
            "te ei järginud",
            "te ei lugenud",
            "te jätsite",
            "teie poolne viga",
            "teie poolel",
            "see pole meie viga",
            "see ei ole meie viga",
            "meie süü see ei ole",
            "meie viga see ei ole",
            "teie valesti",
            "te sisestasite vale*",
            "te valisite vale*",
        ],
    ),
    (
        Lang::Et,
        Fault::Condescend,
        &[
            "enamik … saab … hakkama",
            "saate ka ise hakkama",
            "pole raske",
            "ei ole raske",
            "pole ju raske",
            "keeruline see ju pole",
            "mis siin keerulist",
            "mis siin arusaamatut",
            "mis on siin keerulist",
            "imestan",
            "imelik et",
            "kummaline et",
            "isegi laps",
            "iga inimene",
            "saab iga",
            "mõistlik kasutaja",
            "terve mõistus",
            "aeglaselt veel kord",
            "veel kord aeglaselt",
            "ilmselgelt",
            "ilmselge",
            "see on ju lihtne",
            "see on väga lihtne",
            "pole ju keeruline",
            "ei ole ju keeruline",
            "see pole keeruline",
            "pole sugugi keeruline",
            "iga kasutaja teab",
            "iga mõistlik",
            "iga laps",
            "elementaarne",
            "elementaarse*",
            "ma ei saa aru mis siin",
            "mis siin arusaamatuks",
            "enamik meie kliente saab",
            "enamik kliente saab",
            "küllap saate ka teie",
            "saab sellega ise",
        ],
    ),
    (
        Lang::Et,
        Fault::Rebuke,
        &[
            "iga päev kirjutada",
            "iga päev helistada",
            "kirjutate iga päev",
            "helistate iga päev",
            "sama küsimuse korduv",
            "pole vaja … uuesti",
            "ei ole vaja … uuesti",
            "pole vaja mitu",
            "ärge kirjutage",
            "ärge saatke",
            "ärge helistage",
            "korduvad pöördumised",
            "korduvate kirjade*",
            "korduv pöördumine",
            "aeglustab",
            "olge kannatlik",
            "varuge kannatust",
            "mitu kirja",
            "mitmeid kirju",
            "mitu pöördumist",
            "juba neljas",
            "juba viies",
            "ärge saatke sama",
            "ärge kirjutage meile",
            "ärge kirjutage uuesti",
            "sama kirja mitu korda",
            "dubleeriv*",
            "topeltpileti*",
            "piirduge",
            "korduv saatmine",
            "korduvad kirjad",
            "ei too vastust kiiremini",
            "ei kiirenda",
            "ainult aeglustab",
            "lõpetage helistamine",
            "lõpetage kirjutamine",
        ],
    ),
];

static LEXICON: LazyLock<Lexicon<usize>> = LazyLock::new(|| {
    Lexicon::new(
        RULES
            .iter()
            .enumerate()
            .flat_map(|(i, (_, _, patterns))| patterns.iter().map(move |p| (*p, i))),
    )
});

/// A run of at least this many words in capitals (2+ letters each) is shouting...
const SHOUT_WORDS: usize = 3;
/// ... if it holds at least this many letters (so "PDF BIC ID" is not).
const SHOUT_LETTERS: usize = 10;

/// An apology or an admission of our own mistake: a phrase found in the same
/// sentence is not scolding ("Obviously the mistake was ours", "Sorry, I should have
/// checked that"). A marker right after a negation ("not our fault") does not count.
const OWN_FAULT: &[&str] = &[
    // en
    "sorry",
    "apolog*",
    "our mistake",
    "our error",
    "our fault",
    "my mistake",
    "my error",
    "my fault",
    "we made a mistake",
    "i made a mistake",
    "we got it wrong",
    "i got it wrong",
    "our side",
    // de
    "entschuldig*",
    "tut mir leid",
    "tut uns leid",
    "unser fehler",
    "mein fehler",
    "unsere schuld",
    "meine schuld",
    "ist uns ein fehler",
    "ist mir ein fehler",
    "unser versehen",
    "mein versehen",
    // ru
    "извин*",
    "простите",
    "прошу прощения",
    "наша ошибка",
    "моя ошибка",
    "наша вина",
    "моя вина",
    "наш недосмотр",
    "наша недоработка",
    "мы ошиблись",
    "я ошибся",
    "я ошиблась",
    "виноваты мы",
    "виноват я",
    "виновата я",
    // et
    "vabanda*",
    "vabandus*",
    "meie viga",
    "meie veaga",
    "minu viga",
    "minu veaga",
    "meie eksimus*",
    "minu eksimus*",
    "meie süü",
    "minu süü",
    "eksisime",
    "eksisin",
];

const NEGATIONS: &[&str] = &[
    "not", "no", "never", "nicht", "kein", "keine", "не", "нет", "ни", "pole", "ei", "mitte",
];

static OWN: LazyLock<Lexicon<()>> =
    LazyLock::new(|| Lexicon::new(OWN_FAULT.iter().map(|p| (*p, ()))));

/// Sentence number of every token: a new sentence starts after `.`, `!`, `?`, `;`
/// or a line break between two words.
fn sentences(text: &str, tokens: &Tokens) -> Vec<usize> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut n = 0usize;
    let mut prev_end = 0usize;
    for span in tokens.spans() {
        if text
            .get(prev_end..span.original.0)
            .is_some_and(|gap| gap.contains(['.', '!', '?', ';', '\n', '…']))
        {
            n += 1;
        }
        out.push(n);
        prev_end = span.original.1;
    }
    out
}

/// Checks a draft. Phrase rules of all four languages apply, since each phrase
/// belongs to one language anyway; `lang` (or the detected language, else English)
/// picks the language of the shouting finding.
pub fn tone(draft: &str, lang: Option<&str>) -> ToneReport {
    let tokens = Tokens::new(draft);
    let quote = |start: usize, end: usize| -> String {
        match (tokens.span(start), tokens.span(end.saturating_sub(1))) {
            (Some(a), Some(b)) => draft
                .get(a.original.0..b.original.1)
                .unwrap_or("")
                .to_string(),
            _ => String::new(),
        }
    };
    let mut hits: Vec<(usize, usize, Lang, Fault)> = Vec::new();
    let mut covered_until = 0usize;
    LEXICON.for_each(&tokens, |hit| {
        if hit.start < covered_until {
            return;
        }
        let Some((rule_lang, fault, _)) = RULES.get(hit.value) else {
            return;
        };
        covered_until = hit.end;
        hits.push((hit.start, hit.end, *rule_lang, *fault));
    });
    let mut findings: Vec<ToneFinding> = Vec::new();
    if !hits.is_empty() {
        let sentence = sentences(draft, &tokens);
        let mut own_sentences: Vec<usize> = Vec::new();
        OWN.for_each(&tokens, |own| {
            let negated = own
                .start
                .checked_sub(1)
                .is_some_and(|i| NEGATIONS.contains(&tokens.word(i)));
            let inside_finding = hits.iter().any(|h| own.start < h.1 && h.0 < own.end);
            if !negated && !inside_finding {
                own_sentences.extend(sentence.get(own.start));
            }
        });
        for (start, end, rule_lang, fault) in hits {
            if sentence
                .get(start)
                .is_some_and(|s| own_sentences.contains(s))
            {
                continue;
            }
            findings.push(ToneFinding {
                phrase: quote(start, end),
                why: fault.why(rule_lang).to_string(),
                suggestion: fault.suggestion(rule_lang).to_string(),
            });
        }
    }
    if let Some((a, b)) = shouting_run(&tokens) {
        let lang = lang
            .and_then(|l| Lang::from_code(&l.to_ascii_lowercase()))
            .or_else(|| detect_in(draft, &tokens).and_then(Lang::from_code))
            .unwrap_or(Lang::En);
        findings.push(ToneFinding {
            phrase: quote(a, b),
            why: Fault::Shouting.why(lang).to_string(),
            suggestion: Fault::Shouting.suggestion(lang).to_string(),
        });
    }
    ToneReport {
        ok: findings.is_empty(),
        findings,
    }
}

/// The first run of words in capitals long enough to read as shouting. Numbers and
/// one-letter words neither count nor break a run.
fn shouting_run(tokens: &Tokens) -> Option<(usize, usize)> {
    let spans = tokens.spans();
    let loud = |s: &crate::normalize::Span| s.letters >= 2 && s.capitals == s.letters;
    let mut start: Option<usize> = None;
    let mut words = 0usize;
    let mut letters = 0usize;
    for (i, span) in spans.iter().enumerate() {
        if span.letters < 2 {
            continue;
        }
        if !loud(span) {
            start = None;
            words = 0;
            letters = 0;
            continue;
        }
        start.get_or_insert(i);
        words += 1;
        letters += usize::from(span.letters);
        if words >= SHOUT_WORDS && letters >= SHOUT_LETTERS {
            // Extend to the last word in capitals of this run.
            let mut end = i + 1;
            for (j, s) in spans.iter().enumerate().skip(i + 1) {
                if loud(s) {
                    end = j + 1;
                } else if s.letters >= 2 {
                    break;
                }
            }
            return start.map(|s| (s, end));
        }
    }
    None
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
    fn shouting_and_own_mistakes() {
        let r = tone(
            "Noch einmal: DIE RÜCKSENDUNG MUSS IM ORIGINALKARTON ERFOLGEN.",
            Some("de"),
        );
        assert_eq!(r.findings.len(), 1, "{r:?}");
        assert_eq!(
            r.findings[0].phrase,
            "DIE RÜCKSENDUNG MUSS IM ORIGINALKARTON ERFOLGEN"
        );
        assert!(r.findings[0].why.contains("Großbuchstaben"));
        // Acronyms are not shouting.
        assert!(tone("Please send the PDF with your IBAN and BIC.", Some("en")).ok);
        // An admission of our own mistake is not blame, "not our fault" is.
        assert!(
            tone(
                "Obviously the mistake was ours, sorry about that.",
                Some("en")
            )
            .ok
        );
        assert!(!tone("It is not our fault that the parcel is late.", Some("en")).ok);
        let r = tone("Как уже было сказано, это не наша вина.", None);
        assert_eq!(r.findings.len(), 2, "{r:?}");
        assert!(
            r.findings
                .iter()
                .all(|f| !f.why.is_empty() && !f.suggestion.is_empty())
        );
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
