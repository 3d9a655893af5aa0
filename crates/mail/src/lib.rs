//! Mail in and mail out.
//!
//! - [`parse`]: raw RFC 5322 bytes → [`ParsedMail`] (MIME, charsets, HTML → text).
//! - [`html`]: the decoded HTML body and inline-image ids, for the sanitised HTML view.
//! - [`visible`]: what the customer wrote now, apart from quoted mail and signatures.
//! - [`classify`]: automatic mail (bounces, auto-replies, bulk), spam and DMARC verdicts.
//! - [`threading`]: ticket tags in subjects, plus-addresses, Message-ID helpers.
//! - [`compose`]: our outgoing mail from per-language templates.

pub mod classify;
pub mod compose;
pub mod html;
pub mod parse;
pub mod threading;
pub mod visible;

pub use classify::{Classification, classify};
pub use html::{html_body, inline_images};
pub use parse::{Address, Attachment, ParseError, ParsedMail, attachment, html_to_text, parse};
pub use visible::{Visible, split_visible};
