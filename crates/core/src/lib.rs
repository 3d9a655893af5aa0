//! Kindly's pure core: the domain types and every decision about a mail.
//!
//! Nothing here does IO or reads a clock: time, policies and the facts the
//! store gathered are passed in, a [`Decision`] comes out (invariant 5).

pub mod calendar;
pub mod decide;
pub mod eta;
pub mod lang;
pub mod model;
pub mod repeat;
#[cfg(test)]
mod test_support;

pub use calendar::{BusinessHours, DayHours, promise_by};
pub use decide::{Decision, Facts, MessageFacts, Policy, ThreadCandidate, ThreadVia, decide};
pub use eta::{Capacity, Eta, Shift, first_response_eta};
pub use lang::Lang;
pub use model::{AutomaticKind, Outcome, Priority, QuarantineReason, TicketStatus, TicketSummary};
pub use repeat::{RepeatEvidence, RepeatPolicy, RepeatReason, TextMatch};
