//! Fingerprints of a mail's visible text, and how alike two of them are.
//!
//! Used to recognise a customer's re-sent request (a repeat) and, across
//! customers, tickets about the same problem. A [`Fingerprint`] holds:
//! - the set of content **terms**: words folded by [`Tokens`], stemmed per
//!   language (Snowball for en/de/ru/fi, a light suffix stripper for et,
//!   truncation otherwise), greetings, sign-offs, stop words and the sender's own
//!   name removed;
//! - a **MinHash** signature over word 3-shingles of those terms (fixed seeds, so
//!   signatures are comparable across processes and versions and can be stored
//!   as LSH bands);
//! - **identifiers**: order, invoice and contract numbers, phone numbers, licence
//!   keys — normalised so `#48213`, `48 213` and `Nr. 48213` meet;
//! - whether the text is a **nudge** ("any news?") with no content of its own.
//!
//! Nothing here decides: `core::decide` weighs the [`Similarity`] figures.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::lexicon::Lexicon;
use crate::normalize::Tokens;

/// MinHash signature length. 64 slots give a Jaccard estimate with a standard
/// error of about 0.06 at J = 0.5 — enough to rank, and 16 bands of 4 for LSH.
pub const MINHASH_SLOTS: usize = 64;
/// LSH: bands of [`LSH_ROWS`] slots. A pair with Jaccard J shares at least one
/// band with probability 1 - (1 - J^4)^16: 0.96 at J = 0.6, 0.40 at J = 0.3.
pub const LSH_BANDS: usize = 16;
pub const LSH_ROWS: usize = MINHASH_SLOTS / LSH_BANDS;

/// What a text is made of, for comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    /// Hashes of the stemmed content terms, sorted, unique.
    pub terms: Vec<u64>,
    /// MinHash over term 3-shingles (unigrams when the text is shorter).
    /// Empty when the text has no content terms.
    pub minhash: Vec<u32>,
    /// Normalised identifiers, sorted, unique.
    pub identifiers: Vec<String>,
    /// A nudge ("any news?", "ootan vastust") with no content of its own.
    pub nudge: bool,
}

/// How alike two fingerprints are; all figures 0..=1.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Similarity {
    /// MinHash estimate of the Jaccard index of term 3-shingles: word order counts.
    pub shingles: f32,
    /// Jaccard index of the term sets.
    pub terms: f32,
    /// Share of the smaller term set found in the larger one.
    pub overlap: f32,
    /// Identifiers both texts mention.
    pub shared_identifiers: usize,
    /// Each text names an identifier the other does not (another order, another
    /// invoice) — even if some other number, a registry code say, is shared.
    pub conflicting_identifiers: bool,
    /// Content terms of the shorter text.
    pub shorter_terms: usize,
}

impl Fingerprint {
    /// True when the text carried no content terms at all.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Number of distinct content terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// How alike `self` and `other` are.
    pub fn compare(&self, other: &Fingerprint) -> Similarity {
        let (inter, union) = sorted_intersection(&self.terms, &other.terms);
        let smaller = self.terms.len().min(other.terms.len());
        let shared_identifiers = sorted_intersection(&self.identifiers, &other.identifiers).0;
        Similarity {
            shingles: minhash_similarity(&self.minhash, &other.minhash),
            terms: ratio(inter, union),
            overlap: ratio(inter, smaller),
            shared_identifiers,
            conflicting_identifiers: shared_identifiers < self.identifiers.len()
                && shared_identifiers < other.identifiers.len(),
            shorter_terms: smaller,
        }
    }

    /// The LSH band keys of the MinHash signature: one `u64` per band, the band's
    /// index mixed in so equal rows in different bands do not meet.
    pub fn lsh_bands(&self) -> Vec<u64> {
        if self.minhash.len() != MINHASH_SLOTS {
            return Vec::new();
        }
        self.minhash
            .chunks(LSH_ROWS)
            .enumerate()
            .map(|(band, rows)| {
                let mut h = Fnv::new();
                h.write(&(band as u64).to_le_bytes());
                for r in rows {
                    h.write(&r.to_le_bytes());
                }
                // Keep it positive so it fits a signed BIGINT column unchanged.
                h.finish() >> 1
            })
            .collect()
    }
}

/// LSH for similar tickets across customers: MinHash over the *set* of content
/// terms (word order ignored — other customers word the same outage their own
/// way), in [`SIMILAR_BANDS`] bands of [`SIMILAR_ROWS`] slots. A pair with term
/// Jaccard J shares a band with probability 1 - (1 - J^2)^32: 0.96 at J = 0.32,
/// 0.72 at J = 0.2, 0.27 at J = 0.1 — generous, because every candidate is then
/// checked with [`Fingerprint::compare`].
pub const SIMILAR_BANDS: usize = 32;
pub const SIMILAR_ROWS: usize = MINHASH_SLOTS / SIMILAR_BANDS;

/// Layout version of [`Fingerprint::encode`].
const ENCODING_VERSION: u8 = 1;

impl Fingerprint {
    /// Band keys for the similar-ticket index (see [`SIMILAR_BANDS`]); positive,
    /// so they fit a signed BIGINT; the band's index is mixed in.
    pub fn similar_bands(&self) -> Vec<i64> {
        let sig = minhash_of(&self.terms);
        if sig.len() != MINHASH_SLOTS {
            return Vec::new();
        }
        sig.chunks(SIMILAR_ROWS)
            .enumerate()
            .map(|(band, rows)| {
                let mut h = Fnv::new();
                // A different tag from `lsh_bands`, so the two key spaces never meet.
                h.write(b"similar");
                h.write(&(band as u64).to_le_bytes());
                for r in rows {
                    h.write(&r.to_le_bytes());
                }
                // `>> 1` leaves 63 bits: always a non-negative i64.
                i64::try_from(h.finish() >> 1).unwrap_or(i64::MAX)
            })
            .collect()
    }

    /// The union of two fingerprints' terms and identifiers (a ticket's text and
    /// subject, say); the MinHash and nudge of `self` are kept.
    pub fn with_terms_of(mut self, other: &Fingerprint) -> Fingerprint {
        self.terms.extend_from_slice(&other.terms);
        self.terms.sort_unstable();
        self.terms.dedup();
        self.identifiers.extend(other.identifiers.iter().cloned());
        self.identifiers.sort_unstable();
        self.identifiers.dedup();
        self
    }

    /// A compact byte form for the store, read back by [`Fingerprint::decode`].
    pub fn encode(&self) -> Vec<u8> {
        let terms = &self.terms[..self.terms.len().min(usize::from(u16::MAX))];
        let minhash = &self.minhash[..self.minhash.len().min(usize::from(u8::MAX))];
        let ids: Vec<&[u8]> = self
            .identifiers
            .iter()
            .map(String::as_bytes)
            .filter(|b| b.len() <= usize::from(u8::MAX))
            .take(usize::from(u8::MAX))
            .collect();
        let mut out = Vec::with_capacity(6 + terms.len() * 8 + minhash.len() * 4 + 16);
        out.push(ENCODING_VERSION);
        out.push(u8::from(self.nudge));
        // The casts below cannot truncate: each length was capped above.
        out.extend_from_slice(&(terms.len() as u16).to_le_bytes());
        for t in terms {
            out.extend_from_slice(&t.to_le_bytes());
        }
        out.push(minhash.len() as u8);
        for m in minhash {
            out.extend_from_slice(&m.to_le_bytes());
        }
        out.push(ids.len() as u8);
        for id in ids {
            out.push(id.len() as u8);
            out.extend_from_slice(id);
        }
        out
    }

    /// Reads [`Fingerprint::encode`]'s bytes; `None` when they are not that
    /// (another version, truncated) — the caller recomputes from the text.
    pub fn decode(bytes: &[u8]) -> Option<Fingerprint> {
        let mut r = Reader(bytes);
        if r.u8()? != ENCODING_VERSION {
            return None;
        }
        let nudge = r.u8()? != 0;
        let n_terms = usize::from(u16::from_le_bytes(r.array()?));
        let mut terms = Vec::with_capacity(n_terms);
        for _ in 0..n_terms {
            terms.push(u64::from_le_bytes(r.array()?));
        }
        let n_min = usize::from(r.u8()?);
        let mut minhash = Vec::with_capacity(n_min);
        for _ in 0..n_min {
            minhash.push(u32::from_le_bytes(r.array()?));
        }
        let n_ids = r.u8()?;
        let mut identifiers = Vec::with_capacity(usize::from(n_ids));
        for _ in 0..n_ids {
            let len = usize::from(r.u8()?);
            identifiers.push(String::from_utf8(r.take(len)?.to_vec()).ok()?);
        }
        if !r.0.is_empty() {
            return None;
        }
        Some(Fingerprint {
            terms,
            minhash,
            identifiers,
            nudge,
        })
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N).and_then(|b| b.try_into().ok())
    }
}

fn ratio(a: usize, b: usize) -> f32 {
    if b == 0 { 0.0 } else { a as f32 / b as f32 }
}

/// Size of the intersection and of the union of two sorted, unique slices.
fn sorted_intersection<T: Ord>(a: &[T], b: &[T]) -> (usize, usize) {
    let (mut i, mut j, mut inter) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (inter, a.len() + b.len() - inter)
}

fn minhash_similarity(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f32 / a.len() as f32
}

/// The fingerprint of `text` (a mail's visible text or a subject).
///
/// `lang` is the text's language as detected (ISO 639-1) and picks the stemmer
/// for Latin-script words; Cyrillic words always use the Russian one. Words in
/// `ignore` (the sender's own name, say) are left out, compared after folding.
pub fn fingerprint(text: &str, lang: Option<&str>, ignore: &[&str]) -> Fingerprint {
    fingerprint_of(text, &Tokens::new(text), lang, ignore)
}

/// [`fingerprint`] and [`says_again`] of one text, tokenised once (intake
/// needs both for every mail).
pub fn fingerprint_and_again(
    text: &str,
    lang: Option<&str>,
    ignore: &[&str],
) -> (Fingerprint, bool) {
    let tokens = Tokens::new(text);
    let mut again = false;
    AGAIN.for_each(&tokens, |_| again = true);
    (fingerprint_of(text, &tokens, lang, ignore), again)
}

fn fingerprint_of(text: &str, tokens: &Tokens, lang: Option<&str>, ignore: &[&str]) -> Fingerprint {
    let ignore: Vec<String> = ignore
        .iter()
        .flat_map(|s| {
            Tokens::new(s)
                .words()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    let stemmers = Stemmers::for_lang(lang);

    let mut stems: Vec<u64> = Vec::with_capacity(tokens.len());
    for word in tokens.words() {
        if word.chars().count() < 2
            || word.chars().any(|c| c.is_ascii_digit())
            || STOP.contains(word)
            || ignore.iter().any(|i| i == word)
        {
            continue;
        }
        stems.push(hash_str(&stemmers.stem(word)));
    }

    let mut terms = stems.clone();
    terms.sort_unstable();
    terms.dedup();

    Fingerprint {
        minhash: minhash(&stems),
        terms,
        identifiers: identifiers(text),
        nudge: is_nudge(tokens, &stems),
    }
}

/// Share of `earlier`'s word 3-shingles that appear in `text`: near 1 when
/// `text` quotes or forwards `earlier` whole. Words are folded, not stemmed;
/// quote markers and line breaks do not matter.
pub fn containment(text: &str, earlier: &str) -> f32 {
    let inner = word_shingles(earlier);
    if inner.is_empty() {
        return 0.0;
    }
    let mut outer = word_shingles(text);
    outer.sort_unstable();
    outer.dedup();
    let found = inner
        .iter()
        .filter(|s| outer.binary_search(s).is_ok())
        .count();
    found as f32 / inner.len() as f32
}

fn word_shingles(text: &str) -> Vec<u64> {
    let tokens = Tokens::new(text);
    let words: Vec<&str> = tokens.words().collect();
    let mut out: Vec<u64> = if words.len() < 3 {
        words.iter().map(|w| hash_str(w)).collect()
    } else {
        words
            .windows(3)
            .map(|w| {
                let mut h = Fnv::new();
                for word in w {
                    h.write(word.as_bytes());
                    h.write(&[0xff]);
                }
                h.finish()
            })
            .collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

// --- stemming --------------------------------------------------------------

pub(crate) struct Stemmers {
    latin: Option<Stemmer>,
    /// Estonian has no Snowball stemmer: a light suffix stripper stands in.
    estonian: bool,
    russian: Stemmer,
}

impl Stemmers {
    pub(crate) fn for_lang(lang: Option<&str>) -> Self {
        let latin = match lang {
            Some("en") => Some(Algorithm::English),
            Some("de") => Some(Algorithm::German),
            Some("fi") => Some(Algorithm::Finnish),
            _ => None,
        };
        Stemmers {
            latin: latin.map(Stemmer::create),
            estonian: lang == Some("et"),
            russian: Stemmer::create(Algorithm::Russian),
        }
    }

    pub(crate) fn stem(&self, word: &str) -> String {
        let cyrillic = word.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
        if cyrillic {
            return self.russian.stem(word).into_owned();
        }
        if self.estonian {
            return estonian_stem(word);
        }
        match &self.latin {
            Some(s) => s.stem(word).into_owned(),
            // No stemmer for the language: a prefix stands in for the stem.
            None => word.chars().take(6).collect(),
        }
    }
}

/// Estonian case and plural endings, longest first. Stripping them and keeping
/// at most seven letters brings most inflected forms of a noun together
/// ("arvega", "arvet", "arvele" → "arve"; "tellimuse", "tellimusega" → "tellimu").
const ESTONIAN_ENDINGS: &[&str] = &[
    "tesse", "desse", "dele", "tele", "dega", "tega", "dest", "test", "delt", "telt", "deks",
    "teks", "sse", "ga", "ta", "na", "ks", "le", "lt", "st", "de", "te", "id", "sid", "l", "s",
    "d", "t",
];

fn estonian_stem(word: &str) -> String {
    let letters = word.chars().count();
    let mut stem = word;
    for ending in ESTONIAN_ENDINGS {
        if let Some(rest) = word.strip_suffix(ending)
            && rest.chars().count() >= 4
            && letters > ending.chars().count() + 3
        {
            stem = rest;
            break;
        }
    }
    stem.chars().take(7).collect()
}

// --- stop words ------------------------------------------------------------

/// Words that say nothing about the problem: function words, greetings,
/// sign-offs and politeness in the four languages, sorted once and searched by
/// binary search. Negations ("not", "nicht", "не", "ei") are *not* stop words:
/// "the app starts" and "the app does not start" are different reports.
struct StopWords(Vec<&'static str>);

impl StopWords {
    fn contains(&self, word: &str) -> bool {
        self.0.binary_search(&word).is_ok()
    }
}

static STOP: LazyLock<StopWords> = LazyLock::new(|| {
    let mut v: Vec<&'static str> = STOP_WORDS
        .iter()
        .flat_map(|s| s.split_whitespace())
        .collect();
    v.sort_unstable();
    v.dedup();
    StopWords(v)
});

const STOP_WORDS: &[&str] = &[
    // en
    "a an the and or but if of to in on at by for from with about as into over after before \
     is are was were be been being am do does did have has had having will would can could \
     shall should may might must i me my mine we us our you your he she it its they them their \
     this that these those there here what which who whom when where why how all any some \
     so too very just also than then now still again please thanks thank hi hello hey \
     dear regards best kind wishes cheers sincerely yours team support sir madam thx pls ok \
     okay yes get got im i'm it's",
    // de
    "der die das den dem des ein eine einen einem einer eines und oder aber wenn als wie \
     zu zum zur im in am an auf aus bei mit nach von vor für über unter um durch ist sind war \
     waren bin bist sein hat haben hatte habe hätte wird werden wurde kann könnte muss soll \
     ich mich mir mein meine meinen meinem meiner wir uns unser unsere sie ihr ihre ihnen \
     es er du dich dir dein deine man dass daß das noch schon auch \
     nur sehr so da hier dort was wer wo wann warum bitte danke dank vielen hallo guten tag \
     morgen abend sehr geehrte geehrter damen herren liebe lieber grüße grüßen gruß grüsse \
     mfg lg vg freundlichen freundliche beste viele team support ja nein",
    // et
    "ja ning või aga kui et on oli olid olen oled oleme olete ole see seda \
     selle sellest need neid mis mida kes kus kuidas miks millal ma mina mul mulle minu \
     minule sa sina sul teie te teil teile teid me meie meil meile meid ta tema tal talle \
     nad neil nende ka veel juba siis nüüd kohe väga palun aitäh tänan tänud tere \
     hea head lugupidamisega parimat parimate soovidega tervitades tervitusega lp lugupeetud \
     austatud päevast õhtust hommikust päeva ok jah",
    // ru
    "и в во на я с со что как а то все всё она так его но да ты к у же вы за бы по \
     только ее её мне было вот от меня еще ещё о из ему теперь когда даже ну вдруг ли \
     если уже или быть был была были него до вас нибудь опять уж вам ведь там потом \
     себя ничего ей может они тут где есть надо ней для мы тебя их чем сам чтобы без будто \
     чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь \
     этом один почти мой тем чтоб нее сейчас куда зачем всех никогда можно при наконец два \
     об другой хоть после над больше тот через эти нас про всего них какая много разве \
     три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им \
     более всегда конечно всю между это мой моё мои моего моей моим моих наш наша наше \
     наши ваш ваша ваше ваши вашей вашего здравствуйте привет добрый день доброе утро \
     вечер уважаемые уважаемый уважением спасибо пожалуйста благодарю заранее с \
     наилучшими пожеланиями всего доброго ок",
];

// --- nudges ----------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Nudge;

/// Phrases that ask where a request stands. Stems and prefixes, folded.
const NUDGE_PHRASES: &[&str] = &[
    // en
    "any news",
    "waiting",
    "anyone",
    "anybody",
    "a reply",
    "an answer",
    "a response",
    "heard anything",
    "any update*",
    "any progress",
    "news on",
    "an update",
    "still waiting",
    "waiting for … reply",
    "waiting for a reply",
    "waiting for an answer",
    "waiting for your reply",
    "waiting for your answer",
    "waiting for a response",
    "waiting for your response",
    "haven't heard",
    "have not heard",
    "heard nothing",
    "heard back",
    "no reply",
    "no response",
    "no answer",
    "anyone there",
    "anybody there",
    "is anyone",
    "did you receive",
    "did you get my",
    "have you received",
    "have you seen my",
    "any word",
    "heard anything",
    "still no",
    "nothing yet",
    "no one has",
    "nobody has",
    "update please",
    "status update",
    "checking in",
    "just checking",
    "chasing",
    "bump",
    "second time",
    "third time",
    "wrote to you",
    "written to you",
    "my previous email",
    "my last email",
    "my earlier email",
    "my previous message",
    "my last message",
    "when will i hear",
    "when can i expect",
    "ignoring me",
    "being ignored",
    "follow up",
    "following up",
    "reminder",
    "remind",
    "status of my",
    "what's the status",
    "what is the status",
    "please reply",
    "please respond",
    "please answer",
    "get back to me",
    // de
    "haben sie meine",
    "meine mail erhalten",
    "meine e-mail erhalten",
    "meine nachricht erhalten",
    "meine anfrage erhalten",
    "bereits geschrieben",
    "schon geschrieben",
    "schon einmal geschrieben",
    "schon mal geschrieben",
    "zweites mal",
    "zweiten mal",
    "dritten mal",
    "immer noch nichts",
    "noch nichts gehört",
    "nichts gehört",
    "nichts mehr gehört",
    "bitte um rückmeldung",
    "bitte um antwort",
    "wann bekomme ich",
    "wann kann ich mit",
    "hört mich jemand",
    "ignoriert",
    "was ist mit meiner",
    "wie sieht es aus",
    "sachstand",
    "neuigkeit*",
    "warte",
    "warten",
    "jemand",
    "antwort",
    "etwas gehört",
    "gibt es etwas neues",
    "gibt es was neues",
    "etwas neues",
    "warte immer noch",
    "warte noch",
    "warten immer noch",
    "immer noch keine",
    "noch keine antwort",
    "noch keine rückmeldung",
    "keine antwort",
    "keine rückmeldung",
    "rückmeldung",
    "erinnerung",
    "nachfrage",
    "nachfragen",
    "stand der dinge",
    "aktueller stand",
    "wie ist der stand",
    "bearbeitungsstand",
    "jemand da",
    "melden sie sich",
    // et
    "kas saite",
    "kas te saite",
    "kas kiri jõudis",
    "kirjutasin juba",
    "olen juba kirjutanud",
    "kirjutasin eelmisel",
    "eelmine kiri",
    "eelmisele kirjale",
    "minu kirjale",
    "mu kirjale",
    "teist korda",
    "kolmandat korda",
    "ikka veel",
    "siiani pole",
    "endiselt pole",
    "vastust ei ole",
    "millal saan vastuse",
    "millal vastate",
    "kas keegi tegeleb",
    "jõudnud … vaadata",
    "jõudnud … tegeleda",
    "uudis*",
    "ootan",
    "ootame",
    "keegi",
    "halloo",
    "vastus",
    "vastust",
    "vastuse",
    "midagi kuulnud",
    "midagi teada",
    "kas on selgust",
    "jõudis kohale",
    "lootust … vastus*",
    "kas on midagi uut",
    "midagi uut",
    "ootan siiani",
    "ootan endiselt",
    "ootan ikka",
    "ootan veel",
    "ootan vastust",
    "ootan teie vastust",
    "ootan vastu*",
    "vastust pole",
    "pole vastust",
    "pole vastanud",
    "ei ole vastanud",
    "keegi ei vasta",
    "kas keegi",
    "meeldetuletus",
    "tuletan meelde",
    "mis seis",
    "mis on seis",
    "kuidas on lood",
    "seisuga",
    // ru
    "получили ли вы",
    "вы получили",
    "моё письмо",
    "мое письмо",
    "моё обращение",
    "мое обращение",
    "мою заявку",
    "мой запрос",
    "писал ранее",
    "писала ранее",
    "уже писал",
    "уже писала",
    "повторно",
    "второй раз",
    "третий раз",
    "пишу снова",
    "пишу опять",
    "сколько можно ждать",
    "сколько ждать",
    "когда ответите",
    "когда будет ответ",
    "игнорируете",
    "что с моим",
    "что с моей",
    "рассмотрели",
    "новост*",
    "есть новости",
    "какие новости",
    "жду ответ*",
    "всё ещё жду",
    "все еще жду",
    "до сих пор",
    "по прежнему жду",
    "так и не",
    "никто не ответил",
    "нет ответа",
    "ответа нет",
    "ответьте",
    "ответит",
    "напоминаю",
    "напоминание",
    "как дела с",
    "на каком этапе",
    "в каком статусе",
    "статус",
    "ау",
    "кто нибудь",
    "что нибудь известно",
    "что нибудь выяснили",
    "ничего не слышно",
    "ничего и не слышно",
    "так и нет",
    "надеяться на ответ",
    "есть ответ",
    "будет ответ",
    "успели посмотреть",
    "жду",
    "ждём",
    "ответ",
    "ответа",
];

static NUDGES: LazyLock<Lexicon<Nudge>> =
    LazyLock::new(|| Lexicon::new(NUDGE_PHRASES.iter().map(|p| (*p, Nudge))));

/// Content terms (nudge words included) a nudge may carry — "still waiting for a
/// reply about my refund for the broken kettle, order 4821" has six — before it counts as a
/// mail with content of its own.
const NUDGE_MAX_TERMS: usize = 10;

fn is_nudge(tokens: &Tokens, stems: &[u64]) -> bool {
    let mut found = false;
    NUDGES.for_each(tokens, |_| found = true);
    found && stems.len() <= NUDGE_MAX_TERMS
}

// --- "I am writing again" -------------------------------------------------

#[derive(Clone, Copy, Debug)]
struct Again;

/// Phrases with which a customer says the mail repeats an earlier one: "I am
/// writing again", "this is my third mail", "I wrote to you on Monday and have no
/// answer yet". Narrower than the nudge list (no bare "waiting" or "anyone"):
/// they must say that *this* mail restates an earlier one.
const AGAIN_PHRASES: &[&str] = &[
    // en
    "writing again",
    "writing … again",
    "writing once more",
    "writing for the second time",
    "writing for the third time",
    "second time i",
    "third time i",
    "my second email",
    "my third email",
    "my second mail",
    "my third mail",
    "my fourth email",
    "already wrote",
    "already written",
    "already emailed",
    "already contacted",
    "wrote to you",
    "written to you",
    "emailed you",
    "i wrote on",
    "i wrote last",
    "i wrote earlier",
    "as i wrote",
    "as i said",
    "as mentioned in my",
    "my previous email",
    "my earlier email",
    "my last email",
    "still no answer",
    "still no reply",
    "still no response",
    "no answer yet",
    "no reply yet",
    "no response yet",
    "haven't heard back",
    "have not heard back",
    "heard nothing",
    "nobody has answered",
    "nobody has replied",
    "no one has answered",
    "no one has replied",
    "following up on my",
    // et
    "kirjutan uuesti",
    "kirjutan jälle",
    "kirjutan taas",
    "kirjutan veel kord",
    "kirjutan teist korda",
    "kirjutan kolmandat korda",
    "kirjutan juba",
    "teist korda",
    "kolmandat korda",
    "neljandat korda",
    "kirjutasin teile",
    "kirjutasin juba",
    "juba kirjutasin",
    "kirjutasin eile",
    "kirjutasin üleeile",
    "saatsin teile",
    "saatsin juba",
    "eelmises kirjas",
    "eelmises meilis",
    "vastust pole",
    "vastust ei ole",
    "vastust veel",
    "pole vastust",
    "pole vastanud",
    "keegi pole vastanud",
    "ei ole vastanud",
    "ootan endiselt",
    "ootan ikka",
    "ikka veel vastust",
    // ru
    "пишу повторно",
    "пишу снова",
    "пишу опять",
    "пишу ещё раз",
    "пишу еще раз",
    "пишу уже",
    "второй раз",
    "третий раз",
    "четвертый раз",
    "четвёртый раз",
    "уже писал*",
    "я писал*",
    "писал* вам",
    "писал* уже",
    "отправлял* вам",
    "в прошлом письме",
    "в предыдущем письме",
    "ответа нет",
    "ответа до сих пор",
    "нет ответа",
    "ответа так и нет",
    "никто не ответил",
    "никто не отвечает",
    "всё ещё жду",
    "все еще жду",
    "до сих пор жду",
    // de
    "schreibe erneut",
    "schreibe nochmal*",
    "schreibe noch einmal",
    "schreibe wieder",
    "schreibe ihnen erneut",
    "schreibe ihnen nochmal*",
    "schreibe ihnen noch einmal",
    "zum zweiten mal",
    "zum dritten mal",
    "zum vierten mal",
    "bereits geschrieben",
    "schon geschrieben",
    "bereits angeschrieben",
    "schon angeschrieben",
    "habe ihnen … geschrieben",
    "meine letzte mail",
    "meiner letzten mail",
    "meine mail vom",
    "meiner mail vom",
    "meiner e mail vom",
    "meine e mail vom",
    "keine antwort",
    "noch keine antwort",
    "bisher keine antwort",
    "immer noch keine",
    "warte immer noch",
    "warte noch immer",
    "niemand hat geantwortet",
    "niemand hat sich gemeldet",
    "keiner hat sich gemeldet",
];

static AGAIN: LazyLock<Lexicon<Again>> =
    LazyLock::new(|| Lexicon::new(AGAIN_PHRASES.iter().map(|p| (*p, Again))));

/// True when `text` says it restates an earlier mail ("I am writing again",
/// "пишу повторно", "kirjutan uuesti", "ich schreibe erneut").
pub fn says_again(text: &str) -> bool {
    let tokens = Tokens::new(text);
    let mut found = false;
    AGAIN.for_each(&tokens, |_| found = true);
    found
}

// --- identifiers -----------------------------------------------------------

/// Order, invoice and contract numbers, phone numbers and licence keys in `text`,
/// normalised: upper-case, separators and a leading `#`/`Nr.` dropped, a phone
/// number's spaces joined. Dates, times, years, amounts and short numbers are not
/// identifiers (a quantity of 3 or "2026" says nothing about which order).
pub fn identifiers(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        let word = trim_punct(words[i]);
        // A phone number written in groups: "+372 5123 4567", "8 (912) 345-67-89".
        if word.starts_with('+') || word.starts_with('(') || is_digit_group(word) {
            let mut joined = String::new();
            let mut j = i;
            while j < words.len() {
                let w = trim_punct(words[j]);
                let digits_only = w.chars().all(|c| c.is_ascii_digit() || "+()-".contains(c));
                if w.is_empty() || !digits_only || !w.chars().any(|c| c.is_ascii_digit()) {
                    break;
                }
                joined.extend(w.chars().filter(char::is_ascii_digit));
                j += 1;
                if joined.len() >= 15 {
                    break;
                }
            }
            if j > i + 1 && (7..=15).contains(&joined.len()) {
                out.push(joined);
                i = j;
                continue;
            }
        }
        if let Some(id) = identifier(word) {
            out.push(id);
        }
        i += 1;
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn trim_punct(w: &str) -> &str {
    w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '+' || c == '#' || c == '(' || c == ')'))
        .trim_start_matches('(')
        .trim_end_matches(')')
}

fn is_digit_group(w: &str) -> bool {
    (2..=4).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit())
}

fn identifier(word: &str) -> Option<String> {
    let w = word.trim_start_matches('#');
    let w = w
        .strip_prefix("Nr.")
        .or_else(|| w.strip_prefix("nr."))
        .unwrap_or(w);
    if w.is_empty() || !w.chars().all(|c| c.is_alphanumeric() || "-_/.".contains(c)) {
        return None;
    }
    let digits = w.chars().filter(char::is_ascii_digit).count();
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    if digits < 4 {
        return None;
    }
    if looks_like_date_time_or_amount(w) {
        return None;
    }
    // A bare year is not an identifier.
    if letters == 0 && w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) {
        return None;
    }
    // Long words with few digits are words (ordinary text), not keys.
    if letters > 0 && digits * 3 < letters {
        return None;
    }
    let normal: String = w
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect();
    (normal.len() >= 4).then_some(normal)
}

fn looks_like_date_time_or_amount(w: &str) -> bool {
    let parts: Vec<&str> = w.split(['.', '/', '-', ':', ',']).collect();
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    if !all_digits {
        return false;
    }
    match parts.as_slice() {
        // 12.03.2026, 2026-03-02, 02/03/26
        [a, b, c] => {
            let lens = (a.len(), b.len(), c.len());
            matches!(lens, (1..=2, 1..=2, 2 | 4) | (4, 1..=2, 1..=2))
        }
        // 10:30, 49.90, 1299,00, 03.2026
        [a, b] => b.len() <= 2 || (a.len() <= 2 && b.len() == 4),
        _ => false,
    }
}

// --- hashing ---------------------------------------------------------------

/// FNV-1a 64: stable across processes and platforms (stored signatures depend on it).
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        // A final avalanche (splitmix64) so nearby inputs spread over all bits.
        mix(self.0)
    }
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h = Fnv::new();
    h.write(s.as_bytes());
    h.finish()
}

/// MinHash of the 3-shingles of `stems` (of the stems themselves when fewer than three).
fn minhash(stems: &[u64]) -> Vec<u32> {
    if stems.is_empty() {
        return Vec::new();
    }
    let shingles: Vec<u64> = if stems.len() < 3 {
        stems.to_vec()
    } else {
        stems
            .windows(3)
            .map(|w| mix(w[0] ^ w[1].rotate_left(21) ^ w[2].rotate_left(42)))
            .collect()
    };
    minhash_of(&shingles)
}

/// MinHash signature of a set of hashed items (empty for an empty set).
fn minhash_of(items: &[u64]) -> Vec<u32> {
    if items.is_empty() {
        return Vec::new();
    }
    let mut sig = [u32::MAX; MINHASH_SLOTS];
    for &s in items {
        for (slot, min) in sig.iter_mut().enumerate() {
            // Slot k hashes with its own fixed seed: k-th odd multiple of the golden ratio.
            let seed = 0x9e37_79b9_7f4a_7c15u64.wrapping_mul(2 * slot as u64 + 1);
            let h = (mix(s ^ seed) >> 32) as u32;
            if h < *min {
                *min = h;
            }
        }
    }
    sig.to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fp(text: &str, lang: &str) -> Fingerprint {
        fingerprint(text, Some(lang), &[])
    }

    #[test]
    fn one_pass_gives_what_two_calls_give() {
        let text = "I wrote to you on Monday: order 48213 still has not arrived.";
        let (fp, again) = fingerprint_and_again(text, Some("en"), &["Ann"]);
        assert_eq!(fp, fingerprint(text, Some("en"), &["Ann"]));
        assert_eq!(again, says_again(text));
        assert!(again);
    }

    #[test]
    fn restating_phrases_in_four_languages() {
        for text in [
            "I am writing again because nothing happened.",
            "Kirjutan juba kolmandat korda, arve on ikka vale.",
            "Пишу повторно: интернет так и не работает.",
            "Ich schreibe Ihnen erneut wegen meiner Bestellung.",
            "I wrote to you on Monday and have no answer yet.",
        ] {
            assert!(says_again(text), "{text}");
        }
        for text in [
            "My order 4821 has not arrived, could you check?",
            "Please write again when the parcel is sent.",
            "Ootan teie vastust.",
        ] {
            assert!(!says_again(text), "{text}");
        }
    }

    #[test]
    fn encoding_round_trips() {
        let f = fp(
            "Order 48213 arrived broken, the screen is cracked. Any news?",
            "en",
        );
        assert!(!f.identifiers.is_empty());
        assert_eq!(Fingerprint::decode(&f.encode()), Some(f.clone()));
        let empty = fp("", "en");
        assert_eq!(Fingerprint::decode(&empty.encode()), Some(empty));
        // Truncated or foreign bytes are refused, never misread.
        let bytes = f.encode();
        assert_eq!(Fingerprint::decode(&bytes[..bytes.len() - 1]), None);
        assert_eq!(Fingerprint::decode(b"\x02junk"), None);
    }

    #[test]
    fn similar_bands_meet_for_the_same_outage() {
        let a = fp(
            "Internet is down in Tartu since this morning, the router light is red.",
            "en",
        );
        let b = fp(
            "Since this morning there is no internet in Tartu, router shows a red light.",
            "en",
        );
        let c = fp("Please send me a copy of the invoice for March.", "en");
        let shared = |x: &Fingerprint, y: &Fingerprint| {
            let yb = y.similar_bands();
            x.similar_bands().iter().filter(|k| yb.contains(k)).count()
        };
        assert_eq!(a.similar_bands().len(), SIMILAR_BANDS);
        assert!(shared(&a, &b) > 0);
        assert_eq!(shared(&a, &c), 0);
        assert!(a.similar_bands().iter().all(|&k| k >= 0));
    }

    proptest! {
        #[test]
        fn decode_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = Fingerprint::decode(&bytes);
        }

        #[test]
        fn encode_decode_identity(text in "[a-zA-Z0-9 ]{0,200}") {
            let f = fingerprint(&text, Some("en"), &[]);
            prop_assert_eq!(Fingerprint::decode(&f.encode()), Some(f));
        }
    }

    #[test]
    fn stop_words_are_searchable() {
        assert!(STOP.contains("the"));
        assert!(STOP.contains("здравствуйте"));
        assert!(STOP.contains("tere"));
        assert!(STOP.contains("grüße"));
        assert!(!STOP.contains("order"));
    }

    #[test]
    fn identical_texts_are_identical() {
        let a = fp("My order 48213 has not arrived yet. Where is it?", "en");
        let s = a.compare(&a);
        assert_eq!(s.shingles, 1.0);
        assert_eq!(s.terms, 1.0);
        assert_eq!(s.shared_identifiers, 1);
        assert!(!s.conflicting_identifiers);
    }

    #[test]
    fn inflection_meets_in_stems() {
        let a = fp("Arve summa on vale, palun parandage arve.", "et");
        let b = fp("Arvega on midagi valesti, arvel vale summa.", "et");
        assert!(a.compare(&b).overlap >= 0.5, "{:?}", a.compare(&b));
        let a = fp("Не приходит посылка по заказу", "ru");
        let b = fp("Посылку по заказам так и не получил", "ru");
        assert!(a.compare(&b).terms > 0.0);
    }

    #[test]
    fn sender_name_is_ignored() {
        let a = fingerprint(
            "Hello, parcel missing. Maria Tamm",
            Some("en"),
            &["Maria Tamm"],
        );
        let b = fingerprint("parcel missing", Some("en"), &[]);
        assert_eq!(a.terms, b.terms);
    }

    #[test]
    fn identifiers_are_normalised() {
        assert_eq!(identifiers("order #48213, thanks"), vec!["48213"]);
        assert_eq!(identifiers("Rechnung Nr.RE-2026-0042"), vec!["RE20260042"]);
        assert_eq!(identifiers("call me: +372 5123 4567"), vec!["37251234567"]);
        assert_eq!(
            identifiers("key ABCD-1234-EF56-7890 does not work"),
            vec!["ABCD1234EF567890"]
        );
    }

    #[test]
    fn dates_amounts_and_years_are_not_identifiers() {
        assert!(identifiers("on 12.03.2026 at 10:30 I paid 49.90 EUR in 2026").is_empty());
        assert!(identifiers("2026-03-02 and 02/03/26, 1299,00 €").is_empty());
        assert!(identifiers("Windows10 quantity 3").is_empty());
    }

    #[test]
    fn nudges_are_recognised() {
        assert!(fp("Hello, any news?", "en").nudge);
        assert!(fp("Gibt es Neuigkeiten?", "de").nudge);
        assert!(fp("Здравствуйте! Есть новости?", "ru").nudge);
        assert!(fp("Tere, kas on uudiseid?", "et").nudge);
        assert!(fp("Ootan endiselt vastust.", "et").nudge);
        assert!(!fp("My invoice is wrong, please fix the amount.", "en").nudge);
        assert!(
            !fp(
                "Still waiting for the courier, and now the app crashes when I open the \
                 settings page and the sync button shows an error about certificates",
                "en"
            )
            .nudge
        );
    }

    #[test]
    fn containment_finds_a_quoted_mail() {
        let first = "My router keeps dropping the connection every evening around nine.";
        let second = format!("Any news?\n\nOn Monday I wrote:\n> {first}");
        assert!(containment(&second, first) > 0.9);
        assert!(containment("Something else entirely", first) < 0.1);
    }

    #[test]
    fn lsh_bands_are_stable() {
        let a = fp(
            "The parcel for order 48213 never arrived at my address",
            "en",
        );
        assert_eq!(a.lsh_bands().len(), LSH_BANDS);
        assert_eq!(
            a.lsh_bands(),
            fp(
                "The parcel for order 48213 never arrived at my address",
                "en"
            )
            .lsh_bands()
        );
        assert!(a.lsh_bands().iter().all(|&b| i64::try_from(b).is_ok()));
    }

    proptest! {
        #[test]
        fn similarity_is_symmetric_and_bounded(a in "\\PC{0,200}", b in "\\PC{0,200}") {
            let fa = fingerprint(&a, Some("en"), &[]);
            let fb = fingerprint(&b, Some("en"), &[]);
            let ab = fa.compare(&fb);
            let ba = fb.compare(&fa);
            prop_assert_eq!(ab, ba);
            for v in [ab.shingles, ab.terms, ab.overlap] {
                prop_assert!((0.0..=1.0).contains(&v));
            }
            let c = containment(&a, &b);
            prop_assert!((0.0..=1.0).contains(&c));
        }

        #[test]
        fn identifiers_never_panic(s in "\\PC{0,300}") {
            let _ = identifiers(&s);
        }
    }
}
