//! Kindly's use cases, between the edges (CLI, web, IMAP) and the store.
//!
//! - [`settings`]: `kindly.toml` plus `KINDLY_*` overrides, validated once.
//! - [`clock`]: the only place that reads the wall clock (invariant 5).
//! - [`intake`]: one mail in → raw stored → parsed → classified → decided → applied.
//! - [`accounts`]: agents' accounts (argon2id), sessions, CSRF tokens, login throttling.
//! - [`agent`]: replies (tone guard, cool-down), similar tickets across customers; merge, split, undo.
//! - [`delivery`]: the outbox out through the file or SMTP transport, with retries.
//! - [`imap`]: IMAP mailboxes polled (IDLE where offered) into intake, processed mail moved or flagged.
//! - [`ics`]: team holidays read from an iCalendar (`.ics`) file, for business-hours maths.

pub mod accounts;
pub mod agent;
pub mod clock;
pub mod delivery;
pub mod ics;
pub mod imap;
pub mod intake;
pub mod outgoing;
pub mod promises;
pub mod settings;

pub use clock::{Clock, FixedClock, SystemClock};
pub use delivery::{DeliveryReport, Transport, deliver_due};
pub use intake::{Intake, IntakeError, IntakeReport};
pub use settings::{Settings, SettingsError};
