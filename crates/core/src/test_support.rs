//! Fixtures shared by the unit tests of the calendar and the estimate.

use jiff::Timestamp;
use jiff::civil::time;
use jiff::tz::TimeZone;

use crate::calendar::BusinessHours;

pub(crate) fn tallinn() -> TimeZone {
    TimeZone::get("Europe/Tallinn").expect("tzdb has Europe/Tallinn")
}

/// Monday to Friday, 09:00–17:00 in Tallinn.
pub(crate) fn office() -> BusinessHours {
    BusinessHours::weekdays(time(9, 0, 0, 0), time(17, 0, 0, 0), tallinn())
}

pub(crate) fn ts(s: &str) -> Timestamp {
    s.parse().expect("valid timestamp")
}
