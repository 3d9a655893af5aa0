//! The simulated shop, fixed before any strategy was run (the numbers are
//! explained in the doc comment of `main.rs`).

use jiff::civil::{Date, Time, Weekday, date, time};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp, ToSpan};
use kindly_core::{BusinessHours, Capacity, Shift};

/// First simulated day (a Monday).
pub const START: Date = date(2026, 3, 2);
pub const DEFAULT_DAYS: u32 = 28;
pub const TZ_NAME: &str = "Europe/Tallinn";
pub const OPEN: Time = time(9, 0, 0, 0);
pub const CLOSE: Time = time(17, 0, 0, 0);
/// The team's day off. Estonia has no public holiday in March 2026 (Good
/// Friday is 3 April), so this is a company holiday: a long weekend.
pub const HOLIDAY: Date = date(2026, 3, 20);

/// Arrivals per hour for a weight of 1.0 (see [`hour_weight`], [`day_weight`]).
pub const BASE_PER_HOUR: f64 = 1.75;
/// The outage: this afternoon, local hours 13–17, arrivals × 5.
pub const OUTAGE_DAY: Date = date(2026, 3, 11);
pub const OUTAGE_FROM_HOUR: i8 = 13;
pub const OUTAGE_TO_HOUR: i8 = 17;
pub const OUTAGE_FACTOR: f64 = 5.0;

/// Share of new tickets written angrily (priority high from the start).
pub const ANGRY_SHARE: f64 = 0.10;
/// A waiting customer writes again after an exponential time with this mean
/// (wall clock, from arrival, then again from the first nudge); at most twice.
pub const NUDGE_MEAN_HOURS: f64 = 18.0;
/// One first response takes an exponential time with this mean.
pub const SERVICE_MEAN_MINUTES: f64 = 15.0;
/// Chance that a rostered agent is off sick on a given workday (unknown to the promise model).
pub const SICK_CHANCE: f64 = 0.04;

/// Kindly's configuration as the promise model sees it.
pub const QUANTILE: f64 = 0.9;
pub const DEFAULT_RATE: f64 = 4.0;
pub const PRIOR_HOURS: f64 = 8.0;
pub const RATE_WINDOW_DAYS: i64 = 28;
pub const TARGET: SignedDuration = SignedDuration::from_hours(24);
/// A promise is at risk this long before it; the watcher then re-estimates.
pub const AT_RISK: SignedDuration = SignedDuration::from_hours(2);
/// How often Kindly's promise watcher runs.
pub const WATCH_EVERY_SECS: i64 = 15 * 60;
/// After the last arrival the team works on until the queue is empty, at most this long.
pub const DRAIN_DAYS: i64 = 60;

/// Relative arrival weight of a local hour of the day.
pub fn hour_weight(hour: i8) -> f64 {
    match hour {
        0..=6 => 0.3,
        7..=8 => 1.0,
        9..=16 => 2.0,
        17..=21 => 1.0,
        _ => 0.5,
    }
}

/// Relative arrival weight of a weekday: Monday is the peak, weekends are quiet.
pub fn day_weight(wd: Weekday) -> f64 {
    match wd {
        Weekday::Monday => 1.4,
        Weekday::Tuesday => 1.1,
        Weekday::Wednesday | Weekday::Thursday => 1.0,
        Weekday::Friday => 0.9,
        Weekday::Saturday | Weekday::Sunday => 0.4,
    }
}

/// One member of the team and the weekly slots they work (local time).
#[derive(Clone, Debug)]
pub struct Agent {
    pub name: &'static str,
    pub slots: Vec<(Weekday, Time, Time)>,
}

const MORNING: (Time, Time) = (time(9, 0, 0, 0), time(13, 0, 0, 0));
const AFTERNOON: (Time, Time) = (time(13, 0, 0, 0), time(17, 0, 0, 0));
const MON_FRI: [Weekday; 5] = [
    Weekday::Monday,
    Weekday::Tuesday,
    Weekday::Wednesday,
    Weekday::Thursday,
    Weekday::Friday,
];

fn slots(days: &[Weekday], (start, end): (Time, Time)) -> Vec<(Weekday, Time, Time)> {
    days.iter().map(|d| (*d, start, end)).collect()
}

/// Mon–Thu: 2 agents 09–13, 3 agents 13–17; Friday: 2 agents 09–13, 1 agent 13–17.
pub fn roster() -> Vec<Agent> {
    vec![
        Agent {
            name: "Anu",
            slots: slots(&MON_FRI, MORNING),
        },
        Agent {
            name: "Boris",
            slots: slots(&MON_FRI, MORNING),
        },
        Agent {
            name: "Carmen",
            slots: slots(&MON_FRI, AFTERNOON),
        },
        Agent {
            name: "Dmitri",
            slots: slots(&MON_FRI[..4], AFTERNOON),
        },
        Agent {
            name: "Eeva",
            slots: slots(&MON_FRI[..4], AFTERNOON),
        },
    ]
}

/// The planned weekly shifts, summed over the roster: what Kindly is configured with.
pub fn planned_shifts(roster: &[Agent]) -> Vec<Shift> {
    let mut shifts: Vec<Shift> = Vec::new();
    for (wd, start, end) in roster.iter().flat_map(|a| a.slots.iter().copied()) {
        match shifts
            .iter_mut()
            .find(|s| s.weekday == wd && s.start == start && s.end == end)
        {
            Some(s) => s.agents += 1,
            None => shifts.push(Shift {
                weekday: wd,
                start,
                end,
                agents: 1,
            }),
        }
    }
    shifts
}

/// How Kindly is configured for the run. The defaults are the product's; the
/// other values only show trade-offs (`--quantile`, `--ahead-all`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Model {
    /// The promised quantile of the first-response time.
    pub quantile: f64,
    /// Count every waiting ticket as ahead, not only those of equal or higher priority.
    pub ahead_all: bool,
    /// Expect tickets to overtake a waiting one (angry newcomers, customers
    /// behind it who write again), at the rates measured from the history
    /// (`kindly_core::eta::first_response_eta_overtaken`).
    pub overtaking: bool,
}

impl Default for Model {
    fn default() -> Self {
        Model {
            quantile: QUANTILE,
            ahead_all: false,
            overtaking: false,
        }
    }
}

/// Everything fixed about the world for one run.
#[derive(Clone, Debug)]
pub struct World {
    pub start: Date,
    pub days: u32,
    pub hours: BusinessHours,
    pub roster: Vec<Agent>,
    pub planned: Capacity,
    pub model: Model,
}

impl World {
    /// The shop of `main.rs` for `days` days from [`START`].
    pub fn new(days: u32, model: Model) -> Result<World, String> {
        let tz = TimeZone::get(TZ_NAME).map_err(|e| format!("time zone {TZ_NAME}: {e}"))?;
        let mut hours = BusinessHours::weekdays(OPEN, CLOSE, tz);
        hours.holidays.push(HOLIDAY);
        let roster = roster();
        let planned = Capacity {
            per_agent_hour: DEFAULT_RATE,
            shifts: planned_shifts(&roster),
            default_agents: 0,
        };
        Ok(World {
            start: START,
            days,
            hours,
            roster,
            planned,
            model,
        })
    }

    /// Local midnight `offset` days after the start, as Unix seconds.
    pub fn midnight(&self, offset: i64) -> Result<i64, String> {
        self.local(offset, Time::midnight())
    }

    /// Local `time` on the day `offset` days after the start, as Unix seconds.
    pub fn local(&self, offset: i64, at: Time) -> Result<i64, String> {
        let d = self
            .start
            .checked_add(offset.days())
            .map_err(|e| format!("date {offset} days after {}: {e}", self.start))?;
        d.to_datetime(at)
            .to_zoned(self.hours.tz.clone())
            .map(|z| z.timestamp().as_second())
            .map_err(|e| format!("{d} {at} in {TZ_NAME}: {e}"))
    }

    pub fn date_of(&self, t: i64) -> Date {
        ts(t).to_zoned(self.hours.tz.clone()).date()
    }
}

/// Unix seconds → timestamp. Every time in the simulation lies in 2026, well
/// inside jiff's range; the fallback is never taken.
pub fn ts(t: i64) -> Timestamp {
    Timestamp::from_second(t).unwrap_or(Timestamp::UNIX_EPOCH)
}
