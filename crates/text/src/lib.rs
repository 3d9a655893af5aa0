//! Text analysis without downloads: everything here is pure and loads no model
//! at run time (word lists are compiled in).
//!
//! - [`language`]: which language a text is in.
//! - [`normalize`]: lower-case, NFKC, tokens; content keys for exact re-sends.
//! - [`mood`]: anger score and the signals behind it (hand-written rules, then
//!   the linear anger model's say).
//! - [`linear`]: the two small linear models (anger, tone) beside the rules; their
//!   weights are compiled in (`linear_*.bin`, 256 KB), trained by
//!   `examples/train_models.rs` on our own rows.
//! - [`thanks`]: "thank you, it works" recognition.
//! - [`tone`]: the tone guard for agents' drafts (rules, then the tone model's say).
//! - [`similarity`]: fingerprints (terms, MinHash, identifiers, nudges) for repeats.

pub mod language;
mod lexicon;
pub mod linear;
pub mod mood;
mod mood_words;
pub mod normalize;
pub mod similarity;
pub mod thanks;
pub mod tone;

pub use language::detect_language;
pub use mood::{Mood, mood};
pub use normalize::{content_key, normalize};
pub use similarity::{Fingerprint, Similarity, containment, fingerprint};
pub use thanks::is_thanks;
pub use tone::{ToneFinding, ToneReport, tone};
