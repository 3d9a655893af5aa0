//! Business hours and the promise we state to a customer.
//!
//! All maths takes a resolved [`TimeZone`] and instants as parameters; the
//! edge reads the tz database and the clock.

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ToSpan};

/// Opening hours of one weekday, in the team's local time. `close` is exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayHours {
    pub open: Time,
    pub close: Time,
}

/// A team's weekly business hours and holidays in its time zone.
#[derive(Clone, Debug)]
pub struct BusinessHours {
    /// Monday first. `None`: closed that day.
    pub week: [Option<DayHours>; 7],
    /// Whole local days the team is off.
    pub holidays: Vec<Date>,
    pub tz: TimeZone,
}

/// How far ahead [`BusinessHours::next_open`] looks before giving up (a team
/// with no open day at all is treated as always open).
const SEARCH_DAYS: i64 = 400;

impl BusinessHours {
    /// Open around the clock, every day.
    pub fn always(tz: TimeZone) -> Self {
        let all_day = DayHours {
            open: Time::midnight(),
            close: Time::MAX,
        };
        BusinessHours {
            week: [Some(all_day); 7],
            holidays: Vec::new(),
            tz,
        }
    }

    /// Monday to Friday, `open`..`close`.
    pub fn weekdays(open: Time, close: Time, tz: TimeZone) -> Self {
        let day = Some(DayHours { open, close });
        BusinessHours {
            week: [day, day, day, day, day, None, None],
            holidays: Vec::new(),
            tz,
        }
    }

    fn hours_on(&self, date: Date) -> Option<DayHours> {
        if self.holidays.contains(&date) {
            return None;
        }
        let idx = usize::try_from(date.weekday().to_monday_zero_offset()).unwrap_or(0);
        self.week
            .get(idx)
            .copied()
            .flatten()
            .filter(|h| h.open < h.close)
    }

    /// The opening hours of a local `date` (`None`: closed all day).
    pub fn hours_of(&self, date: Date) -> Option<DayHours> {
        self.hours_on(date)
    }

    /// True when `at` falls inside business hours.
    pub fn is_open(&self, at: Timestamp) -> bool {
        let local = at.to_zoned(self.tz.clone());
        match self.hours_on(local.date()) {
            Some(h) => h.open <= local.time() && local.time() < h.close,
            None => false,
        }
    }

    /// `at` itself when the team is working then, else the start of the next
    /// business-hours period. A calendar with no open time at all returns `at`.
    pub fn next_open(&self, at: Timestamp) -> Timestamp {
        if self.is_open(at) {
            return at;
        }
        let local = at.to_zoned(self.tz.clone());
        let mut date = local.date();
        for day in 0..SEARCH_DAYS {
            if let Some(h) = self.hours_on(date) {
                let start = date.to_datetime(h.open).to_zoned(self.tz.clone());
                if let Ok(start) = start {
                    let start = start.timestamp();
                    // Today's opening may already be behind us (we are after closing).
                    if start >= at || (day == 0 && local.time() < h.open) {
                        return start.max(at);
                    }
                }
            }
            match date.checked_add(1.day()) {
                Ok(next) => date = next,
                Err(_) => break,
            }
        }
        at
    }
}

/// When we promise the customer an answer: the policy target after arrival,
/// moved to the next business hours when the team is off at that moment.
pub fn promise_by(
    received_at: Timestamp,
    target: SignedDuration,
    hours: &BusinessHours,
) -> Timestamp {
    let due = received_at.checked_add(target).unwrap_or(received_at);
    hours.next_open(due)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use crate::test_support::{office, ts};

    #[test]
    fn within_hours_is_kept() {
        // Monday 2 March 2026, 10:00 in Tallinn (UTC+2) → Tuesday 10:00 local.
        let p = promise_by(
            ts("2026-03-02T08:00:00Z"),
            SignedDuration::from_hours(24),
            &office(),
        );
        assert_eq!(p, ts("2026-03-03T08:00:00Z"));
    }

    #[test]
    fn friday_evening_moves_to_monday_morning() {
        // Friday 6 March 2026 18:00 local → Saturday 18:00 → Monday 9 March 09:00 local.
        let p = promise_by(
            ts("2026-03-06T16:00:00Z"),
            SignedDuration::from_hours(24),
            &office(),
        );
        assert_eq!(p, ts("2026-03-09T07:00:00Z"));
    }

    #[test]
    fn early_morning_moves_to_opening_same_day() {
        // Monday 06:00 local is before opening.
        let h = office();
        assert_eq!(
            h.next_open(ts("2026-03-02T04:00:00Z")),
            ts("2026-03-02T07:00:00Z")
        );
    }

    #[test]
    fn holidays_are_skipped() {
        let mut h = office();
        h.holidays.push(jiff::civil::date(2026, 3, 3));
        let p = promise_by(
            ts("2026-03-02T16:00:00Z"),
            SignedDuration::from_hours(24),
            &h,
        );
        // Monday 18:00 local + 24h = Tuesday 18:00 (a holiday anyway) → Wednesday 09:00.
        assert_eq!(p, ts("2026-03-04T07:00:00Z"));
    }

    #[test]
    fn across_dst_change() {
        // Europe/Tallinn springs forward on Sunday 29 March 2026 (UTC+2 → UTC+3).
        // Friday 27 March 18:00 local (16:00Z) + 24h → Monday 30 March 09:00 local = 06:00Z.
        let p = promise_by(
            ts("2026-03-27T16:00:00Z"),
            SignedDuration::from_hours(24),
            &office(),
        );
        assert_eq!(p, ts("2026-03-30T06:00:00Z"));
        // And back: 25 October 2026 (UTC+3 → UTC+2). Friday 23 Oct 18:00 local (15:00Z)
        // → Monday 26 Oct 09:00 local = 07:00Z.
        let p = promise_by(
            ts("2026-10-23T15:00:00Z"),
            SignedDuration::from_hours(24),
            &office(),
        );
        assert_eq!(p, ts("2026-10-26T07:00:00Z"));
    }

    #[test]
    fn closed_calendar_does_not_loop() {
        let h = BusinessHours {
            week: [None; 7],
            holidays: vec![],
            tz: TimeZone::UTC,
        };
        let at = ts("2026-03-02T04:00:00Z");
        assert_eq!(h.next_open(at), at);
    }

    proptest! {
        #[test]
        fn promise_is_never_before_target_and_always_open(secs in 1_700_000_000i64..1_900_000_000, hours in 1i64..200) {
            let at = Timestamp::from_second(secs).expect("in range");
            let h = office();
            let target = SignedDuration::from_hours(hours);
            let p = promise_by(at, target, &h);
            prop_assert!(p >= at + target);
            prop_assert!(h.is_open(p));
            // Never more than a long weekend (plus DST hour) after the target.
            prop_assert!(p.duration_since(at + target) <= SignedDuration::from_hours(3 * 24 + 1));
        }
    }
}
