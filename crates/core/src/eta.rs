//! When will this customer really hear from us? An upper estimate of the first
//! human response from the queue ahead, the team's capacity and its hours.
//!
//! The model: agents on shift give first responses as a Poisson process whose
//! rate is `agents on shift × per_agent_hour`, and zero outside business hours,
//! on holidays and between shifts. With c agents on shift, the new ticket waits
//! until `ahead + 1 - c` of the tickets in front are done (none when an agent
//! is free), then one agent answers it — at one agent's pace, not the team's:
//! in units of the team's expected answers, the wait is Gamma(k, 1) and the
//! answer c·Exp(1). The sum is matched by a Gamma with the same mean and
//! variance; its `quantile` (0.9 by default) is the work W, and the promise is
//! Λ⁻¹(W) where Λ(t) counts the team's expected answers from now to t: nine
//! customers in ten hear from us before it. (An earlier model treated the
//! ticket's own answer at the team's pace and, in `kindly-sim`, promised an
//! empty queue a quarter of an hour it could not keep.)
//!
//! Pure: time, the calendar (with its resolved time zone) and the capacity
//! are parameters. A promise takes microseconds: it walks the calendar by
//! business-hour segments, not by clock ticks.

use jiff::civil::{Date, Time, Weekday};
use jiff::{SignedDuration, Timestamp, ToSpan};

use crate::calendar::BusinessHours;

/// Some agents work one weekly slot (local time of the team). `end` is exclusive.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shift {
    pub weekday: Weekday,
    pub start: Time,
    pub end: Time,
    pub agents: u32,
}

/// What a team can answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Capacity {
    /// First responses one agent gives per hour on shift: measured from the
    /// history (see [`blend_rate`]), a configured default before there is any.
    pub per_agent_hour: f64,
    /// Weekly shifts. Empty: `default_agents` whenever the team is open.
    pub shifts: Vec<Shift>,
    pub default_agents: u32,
}

impl Capacity {
    /// Agents working at local `time` on `weekday` (business hours are checked apart).
    fn agents_at(&self, weekday: Weekday, time: Time) -> u32 {
        if self.shifts.is_empty() {
            return self.default_agents;
        }
        self.shifts
            .iter()
            .filter(|s| s.weekday == weekday && s.start <= time && time < s.end)
            .map(|s| s.agents)
            .sum()
    }

    /// Local times on a day where the number of agents may change.
    fn boundaries(&self, weekday: Weekday) -> Vec<Time> {
        self.shifts
            .iter()
            .filter(|s| s.weekday == weekday)
            .flat_map(|s| [s.start, s.end])
            .collect()
    }
}

/// The estimate for one new ticket.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Eta {
    /// The promise, rounded up to the next quarter hour a person reads easily.
    pub at: Timestamp,
    /// The unrounded quantile.
    pub raw: Timestamp,
    /// Expected first responses the team must give before ours (Gamma quantile).
    pub work: f64,
    /// The promise lies beyond the team's target: say the honest time, tell the lead.
    pub beyond_target: bool,
}

/// Longest look ahead: a year of calendar. A team with no capacity at all gets
/// a promise this far out (and `beyond_target`), never an endless loop.
const HORIZON_DAYS: i64 = 366;

/// The upper estimate of the first response to a ticket arriving `now` with
/// `ahead` tickets waiting in front of it.
pub fn first_response_eta(
    now: Timestamp,
    ahead: u32,
    hours: &BusinessHours,
    capacity: &Capacity,
    quantile: f64,
    target: SignedDuration,
) -> Eta {
    let work = work_quantile(now, ahead, hours, capacity, quantile);
    let raw = time_for_work(now, work, hours, capacity);
    let at = round_up_quarter(raw);
    Eta {
        at,
        raw,
        work,
        beyond_target: at > now.checked_add(target).unwrap_or(now),
    }
}

/// Tickets that overtake a waiting one, measured from the team's recent history
/// (a preemptive-priority queue seen from the waiting ticket). Agents take the
/// most urgent ticket first, so `ahead` at arrival is not all the work before
/// ours: angry newcomers and customers behind us who write again (their
/// priority rises) are answered first. Customers who write again themselves
/// move up, so the longer someone waits quietly the more overtake them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Overtaking {
    /// Tickets per wall-clock hour answered before a waiting ticket of this
    /// priority although they were not ahead of it when it arrived, measured on
    /// recently answered tickets of that priority whose own priority did not
    /// rise while they waited: Σ (first responses given during the wait −
    /// `ahead` at arrival) ÷ Σ hours waited.
    pub per_hour: f64,
    /// How often a waiting customer writes again, per wall-clock hour (which
    /// moves their ticket up): first repeats before the first response ÷ hours
    /// waited before them (the exponential rate's estimate).
    pub writes_again_per_hour: f64,
}

/// [`first_response_eta`] when others may overtake the ticket while it waits.
///
/// Two outcomes are mixed. While the customer stays quiet (chance
/// `exp(-writes_again_per_hour · τ)` after τ hours), `per_hour · τ` expected
/// tickets overtake it (Poisson: they add to the mean and the variance of the
/// Gamma work). Once the customer writes again the ticket moves up and is
/// taken as in [`first_response_eta`] (no overtaking; conservative, it would
/// also overtake others). The promise is the first instant t where
/// `P(no answer by t) ≤ 1 − quantile` for the mixture, found by bisection
/// between the plain promise and a doubling upper bound. With no overtaking
/// (`per_hour` ≤ 0) it is exactly [`first_response_eta`].
pub fn first_response_eta_overtaken(
    now: Timestamp,
    ahead: u32,
    overtaking: Overtaking,
    hours: &BusinessHours,
    capacity: &Capacity,
    quantile: f64,
    target: SignedDuration,
) -> Eta {
    let plain = first_response_eta(now, ahead, hours, capacity, quantile, target);
    if overtaking.per_hour.is_nan() || overtaking.per_hour <= 0.0 || capacity.per_agent_hour <= 0.0
    {
        return plain;
    }
    let q = quantile.clamp(0.5, 0.999);
    let c = f64::from(agents_when_open(now, hours, capacity).max(1));
    let h = overtaking.writes_again_per_hour.max(0.0);
    let late = |extra: f64, done: f64| {
        let wait = (f64::from(ahead) + extra + 1.0 - c).max(0.0);
        let (mean, var) = (wait + c, wait + c * c);
        1.0 - gamma_cdf(mean * mean / var, done * mean / var)
    };
    // P(no answer by t) under the mixture.
    let tail = |t: Timestamp| {
        let tau = t.duration_since(now).as_secs_f64() / 3600.0;
        let done = agent_hours(now, t, hours, capacity) * capacity.per_agent_hour;
        let quiet = (-h * tau).exp();
        quiet * late(overtaking.per_hour * tau, done) + (1.0 - quiet) * late(0.0, done)
    };
    let at_secs = |s: i64| Timestamp::from_second(s).unwrap_or(now);
    let limit = now.as_second() + 24 * 3600 * HORIZON_DAYS;
    let mut lo = plain.raw.as_second();
    let mut step = 3600;
    let mut hi = (lo + step).min(limit);
    while hi < limit && tail(at_secs(hi)) > 1.0 - q {
        lo = hi;
        step *= 2;
        hi = (hi + step).min(limit);
    }
    while hi - lo > 60 {
        let mid = lo + (hi - lo) / 2;
        if tail(at_secs(mid)) > 1.0 - q {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let raw = at_secs(hi).max(plain.raw);
    let at = round_up_quarter(raw);
    Eta {
        at,
        raw,
        work: agent_hours(now, raw, hours, capacity) * capacity.per_agent_hour,
        beyond_target: at > now.checked_add(target).unwrap_or(now),
    }
}

/// The `quantile` of the team's expected answers until a ticket with `ahead`
/// in front of it has its answer (see the module comment).
pub fn work_quantile(
    now: Timestamp,
    ahead: u32,
    hours: &BusinessHours,
    capacity: &Capacity,
    quantile: f64,
) -> f64 {
    let c = f64::from(agents_when_open(now, hours, capacity).max(1));
    let wait = (f64::from(ahead) + 1.0 - c).max(0.0);
    let mean = wait + c;
    let var = wait + c * c;
    // Gamma with this mean and variance: shape mean²/var, scale var/mean.
    let shape = mean * mean / var;
    let scale = var / mean;
    gamma_quantile(shape, quantile.clamp(0.5, 0.999)) * scale
}

/// Agents on shift at the first open moment from `at`.
fn agents_when_open(at: Timestamp, hours: &BusinessHours, capacity: &Capacity) -> u32 {
    let start = hours.next_open(at);
    let local = start.to_zoned(hours.tz.clone());
    capacity.agents_at(local.weekday(), local.time())
}

/// The instant when the team, starting at `from`, has given `work` expected
/// first responses.
pub fn time_for_work(
    from: Timestamp,
    work: f64,
    hours: &BusinessHours,
    capacity: &Capacity,
) -> Timestamp {
    let mut left = work.max(0.0);
    let tz = hours.tz.clone();
    let local = from.to_zoned(tz.clone());
    let mut date: Date = local.date();
    for _ in 0..HORIZON_DAYS {
        for (start, end, agents) in segments(date, hours, capacity) {
            let (Ok(s), Ok(e)) = (
                date.to_datetime(start).to_zoned(tz.clone()),
                segment_end(date, end).to_zoned(tz.clone()),
            ) else {
                continue;
            };
            let (s, e) = (s.timestamp().max(from), e.timestamp());
            if e <= s || agents == 0 {
                continue;
            }
            let rate_per_sec = f64::from(agents) * capacity.per_agent_hour / 3600.0;
            if rate_per_sec <= 0.0 {
                continue;
            }
            let secs = e.duration_since(s).as_secs_f64();
            let can = secs * rate_per_sec;
            if can >= left {
                let need = SignedDuration::from_secs_f64(left / rate_per_sec);
                return s.checked_add(need).unwrap_or(e);
            }
            left -= can;
        }
        match date.checked_add(1.day()) {
            Ok(d) => date = d,
            Err(_) => break,
        }
    }
    from.checked_add(SignedDuration::from_hours(24 * HORIZON_DAYS))
        .unwrap_or(from)
}

/// `Time::MAX` stands for the end of the day: the next midnight.
fn segment_end(date: Date, end: Time) -> jiff::civil::DateTime {
    if end == Time::MAX {
        date.checked_add(1.day())
            .map(|d| d.to_datetime(Time::midnight()))
            .unwrap_or_else(|_| date.to_datetime(end))
    } else {
        date.to_datetime(end)
    }
}

/// A day's open time cut where the number of agents changes: (start, end, agents).
fn segments(date: Date, hours: &BusinessHours, capacity: &Capacity) -> Vec<(Time, Time, u32)> {
    let Some(day) = hours.hours_of(date) else {
        return Vec::new();
    };
    let wd = date.weekday();
    let mut cuts: Vec<Time> = vec![day.open, day.close];
    cuts.extend(
        capacity
            .boundaries(wd)
            .into_iter()
            .filter(|t| *t > day.open && *t < day.close),
    );
    cuts.sort();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| (w[0], w[1], capacity.agents_at(wd, w[0])))
        .collect()
}

/// Up to the next quarter hour (an exact quarter stays).
fn round_up_quarter(t: Timestamp) -> Timestamp {
    const Q: i64 = 15 * 60;
    let s = t.as_second();
    let up = if s.rem_euclid(Q) == 0 && t.subsec_nanosecond() == 0 {
        s
    } else {
        s - s.rem_euclid(Q) + Q
    };
    Timestamp::from_second(up).unwrap_or(t)
}

/// The `p` quantile of Gamma(k, 1) (k = number of responses to wait for), by
/// the Wilson–Hilferty cube: within 1 % of the exact Erlang quantile for k ≥ 2
/// and within 4 % at k = 1 for p ≤ 0.95 (checked against the closed form
/// -ln(1-p) in the tests), which is well inside the spread of real capacity.
pub fn gamma_quantile(k: f64, p: f64) -> f64 {
    if k <= 0.0 {
        return 0.0;
    }
    if (k - 1.0).abs() < f64::EPSILON {
        // Exponential: exact.
        return -(1.0 - p).ln();
    }
    let z = normal_quantile(p);
    let c = 1.0 / (9.0 * k);
    let cube = 1.0 - c + z * c.sqrt();
    (k * cube * cube * cube).max(0.0)
}

/// P(Gamma(k, 1) ≤ x) by the same Wilson–Hilferty cube as [`gamma_quantile`]
/// (so the two invert each other; exact for k = 1).
pub fn gamma_cdf(k: f64, x: f64) -> f64 {
    if k <= 0.0 {
        return 1.0;
    }
    if x <= 0.0 {
        return 0.0;
    }
    if (k - 1.0).abs() < f64::EPSILON {
        return 1.0 - (-x).exp();
    }
    let c = 1.0 / (9.0 * k);
    normal_cdf(((x / k).cbrt() - (1.0 - c)) / c.sqrt())
}

/// Standard normal distribution function (Abramowitz–Stegun 7.1.26 for erf,
/// |error| < 1.5e-7).
pub fn normal_cdf(z: f64) -> f64 {
    let x = z.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = ((((1.061_405_429 * t - 1.453_152_027) * t + 1.421_413_741) * t - 0.284_496_736)
        * t
        + 0.254_829_592)
        * t;
    let erf = 1.0 - poly * (-x * x).exp();
    if z >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
}

/// Standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9).
pub fn normal_quantile(p: f64) -> f64 {
    let p = p.clamp(1e-12, 1.0 - 1e-12);
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let low = 0.024_25;
    if p < low {
        let q = (-2.0 * p.ln()).sqrt();
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    } else if p <= 1.0 - low {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    } else {
        let q = (-2.0 * (1.0 - p).ln()).sqrt();
        -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    }
}

/// The measured per-agent rate, shrunk towards the configured default while
/// the history is short: `prior_hours` of agent time count as if they had
/// answered at the default rate. With no history it is the default; after a
/// few weeks the measurement dominates.
pub fn blend_rate(responses: f64, agent_hours: f64, default: f64, prior_hours: f64) -> f64 {
    let total_hours = agent_hours.max(0.0) + prior_hours.max(0.0);
    if total_hours <= 0.0 {
        return default;
    }
    (responses.max(0.0) + default * prior_hours.max(0.0)) / total_hours
}

/// Agent-hours the team worked between `from` and `to` (for the measured rate).
pub fn agent_hours(
    from: Timestamp,
    to: Timestamp,
    hours: &BusinessHours,
    capacity: &Capacity,
) -> f64 {
    if to <= from {
        return 0.0;
    }
    let tz = hours.tz.clone();
    let mut date = from.to_zoned(tz.clone()).date();
    let last = to.to_zoned(tz.clone()).date();
    let mut total = 0.0;
    for _ in 0..HORIZON_DAYS * 2 {
        for (start, end, agents) in segments(date, hours, capacity) {
            let (Ok(s), Ok(e)) = (
                date.to_datetime(start).to_zoned(tz.clone()),
                segment_end(date, end).to_zoned(tz.clone()),
            ) else {
                continue;
            };
            let (s, e) = (s.timestamp().max(from), e.timestamp().min(to));
            if e > s {
                total += f64::from(agents) * e.duration_since(s).as_secs_f64() / 3600.0;
            }
        }
        if date >= last {
            break;
        }
        match date.checked_add(1.day()) {
            Ok(d) => date = d,
            Err(_) => break,
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::time;
    use proptest::prelude::*;

    use crate::test_support::{office, tallinn, ts};

    fn two_agents(rate: f64) -> Capacity {
        Capacity {
            per_agent_hour: rate,
            shifts: vec![],
            default_agents: 2,
        }
    }

    #[test]
    fn gamma_quantile_matches_known_values() {
        // Exponential: exact.
        assert!((gamma_quantile(1.0, 0.9) - std::f64::consts::LN_10).abs() < 1e-9);
        // Erlang(5) p90 = 7.9936 (chi-square 10 dof p90 / 2 = 15.987 / 2).
        assert!((gamma_quantile(5.0, 0.9) - 7.9936).abs() / 7.9936 < 0.01);
        // Erlang(50) p90 = 59.204 (chi-square 100 dof p90 = 118.498 / 2 = 59.249).
        assert!((gamma_quantile(50.0, 0.9) - 59.249).abs() / 59.249 < 0.01);
        // The median of Erlang(2) = 1.6783.
        assert!((gamma_quantile(2.0, 0.5) - 1.6783).abs() / 1.6783 < 0.01);
        assert!((normal_quantile(0.975) - 1.959_964).abs() < 1e-6);
    }

    #[test]
    fn empty_queue_in_office_hours_is_soon() {
        // Monday 2 March 2026 10:00 Tallinn; 2 agents × 4 answers/h and nobody
        // waiting: one agent answers, p90 of its 15-minute answer is 2.3 × 15 min
        // ≈ 35 min → rounded up to 10:45 local.
        let now = ts("2026-03-02T08:00:00Z");
        let e = first_response_eta(
            now,
            0,
            &office(),
            &two_agents(4.0),
            0.9,
            SignedDuration::from_hours(24),
        );
        assert_eq!(e.at, ts("2026-03-02T08:45:00Z"));
        assert!(!e.beyond_target);
    }

    #[test]
    fn queue_after_hours_waits_for_opening_and_capacity() {
        // Friday 6 March 2026 18:00 local, 40 tickets ahead, 8 answers per open hour:
        // p90 of 41 answers ≈ 49.4 → 6 h 10 min of Monday → 15:10 → 15:15 local.
        let now = ts("2026-03-06T16:00:00Z");
        let e = first_response_eta(
            now,
            40,
            &office(),
            &two_agents(4.0),
            0.9,
            SignedDuration::from_hours(24),
        );
        let local = e.at.to_zoned(tallinn());
        assert_eq!(local.date(), jiff::civil::date(2026, 3, 9));
        assert_eq!((local.hour(), local.minute()), (15, 15));
        assert!(
            e.beyond_target,
            "Friday evening to Monday afternoon is over 24 h"
        );
    }

    #[test]
    fn shifts_change_capacity_within_the_day() {
        // One agent 9–13, three agents 13–17 on Monday.
        let cap = Capacity {
            per_agent_hour: 2.0,
            shifts: vec![
                Shift {
                    weekday: Weekday::Monday,
                    start: time(9, 0, 0, 0),
                    end: time(13, 0, 0, 0),
                    agents: 1,
                },
                Shift {
                    weekday: Weekday::Monday,
                    start: time(13, 0, 0, 0),
                    end: time(17, 0, 0, 0),
                    agents: 3,
                },
            ],
            default_agents: 0,
        };
        // From 09:00 Monday: 8 answers in the morning, then 6 per hour.
        let from = ts("2026-03-02T07:00:00Z");
        assert_eq!(
            time_for_work(from, 8.0, &office(), &cap),
            ts("2026-03-02T11:00:00Z")
        );
        assert_eq!(
            time_for_work(from, 14.0, &office(), &cap),
            ts("2026-03-02T12:00:00Z")
        );
        // Tuesday has no shift at all: the rest waits until next Monday.
        let t = time_for_work(from, 33.0, &office(), &cap);
        assert_eq!(t.to_zoned(tallinn()).date(), jiff::civil::date(2026, 3, 9));
        assert!(
            (agent_hours(from, ts("2026-03-03T07:00:00Z"), &office(), &cap) - 16.0).abs() < 1e-9
        );
    }

    #[test]
    fn dst_change_shifts_the_utc_hour_not_the_local_one() {
        // Friday 27 March 2026 evening; Monday 30 March is after the spring-forward.
        let e = first_response_eta(
            ts("2026-03-27T16:00:00Z"),
            0,
            &office(),
            &two_agents(4.0),
            0.9,
            SignedDuration::from_hours(24),
        );
        let local = e.at.to_zoned(tallinn());
        assert_eq!(
            (local.date(), local.hour(), local.minute()),
            (jiff::civil::date(2026, 3, 30), 9, 45)
        );
        assert_eq!(e.at, ts("2026-03-30T06:45:00Z"));
    }

    #[test]
    fn no_capacity_never_loops() {
        let none = Capacity {
            per_agent_hour: 0.0,
            shifts: vec![],
            default_agents: 3,
        };
        let now = ts("2026-03-02T08:00:00Z");
        let e = first_response_eta(
            now,
            5,
            &office(),
            &none,
            0.9,
            SignedDuration::from_hours(24),
        );
        assert!(e.beyond_target);
        assert!(e.at > now + SignedDuration::from_hours(24 * 300));
    }

    #[test]
    fn blended_rate_moves_from_default_to_measurement() {
        assert_eq!(blend_rate(0.0, 0.0, 4.0, 8.0), 4.0);
        let early = blend_rate(2.0, 2.0, 4.0, 8.0);
        assert!((early - 3.4).abs() < 1e-9);
        let late = blend_rate(1000.0, 500.0, 4.0, 8.0);
        assert!((late - 2.03).abs() < 0.01);
    }

    #[test]
    fn gamma_cdf_inverts_the_quantile() {
        for k in [1.0, 2.0, 5.0, 41.0, 200.0] {
            for p in [0.5, 0.9, 0.95] {
                let x = gamma_quantile(k, p);
                assert!((gamma_cdf(k, x) - p).abs() < 1e-6, "k {k} p {p}");
            }
        }
        assert!((normal_cdf(1.959_964) - 0.975).abs() < 1e-6);
        assert_eq!(gamma_cdf(3.0, 0.0), 0.0);
    }

    #[test]
    fn overtaking_only_ever_moves_the_promise_later() {
        // Monday 10:00 Tallinn, 20 tickets ahead.
        let now = ts("2026-03-02T08:00:00Z");
        let target = SignedDuration::from_hours(24);
        let cap = two_agents(4.0);
        let plain = first_response_eta(now, 20, &office(), &cap, 0.9, target);
        let none = Overtaking::default();
        assert_eq!(
            first_response_eta_overtaken(now, 20, none, &office(), &cap, 0.9, target),
            plain
        );
        let quiet = Overtaking {
            per_hour: 1.0,
            writes_again_per_hour: 0.0,
        };
        let q = first_response_eta_overtaken(now, 20, quiet, &office(), &cap, 0.9, target);
        assert!(q.at > plain.at, "{:?} vs {:?}", q.at, plain.at);
        // Customers who write again move up: the mixture lies in between.
        let chatty = Overtaking {
            per_hour: 1.0,
            writes_again_per_hour: 1.0 / 18.0,
        };
        let m = first_response_eta_overtaken(now, 20, chatty, &office(), &cap, 0.9, target);
        assert!(plain.at <= m.at && m.at <= q.at);
        // No capacity: still no endless loop.
        let none = Capacity {
            per_agent_hour: 0.0,
            ..cap
        };
        let e = first_response_eta_overtaken(now, 5, quiet, &office(), &none, 0.9, target);
        assert!(e.beyond_target);
    }

    proptest! {
        #[test]
        fn more_ahead_never_promises_sooner(
            secs in 1_750_000_000i64..1_850_000_000,
            ahead in 0u32..200,
            rate in 0.5f64..20.0,
        ) {
            let now = Timestamp::from_second(secs).expect("in range");
            let cap = two_agents(rate);
            let target = SignedDuration::from_hours(24);
            let a = first_response_eta(now, ahead, &office(), &cap, 0.9, target);
            let b = first_response_eta(now, ahead + 1, &office(), &cap, 0.9, target);
            prop_assert!(b.at >= a.at);
            prop_assert!(a.at >= now);
            prop_assert!(a.at >= a.raw);
            prop_assert!(a.at.duration_since(a.raw) < SignedDuration::from_mins(15));
            // The raw estimate lies in business hours (or at a closing time).
            let h = office();
            prop_assert!(h.is_open(a.raw) || h.is_open(a.raw - SignedDuration::from_secs(1)));
        }
    }
}
