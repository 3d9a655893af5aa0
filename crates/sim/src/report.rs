//! Figures per strategy from one simulated history, as a table or JSON.

use std::fmt::Write as _;

use serde::Serialize;

use crate::sim::{Outcome, Period, Ticket, hours};
use crate::world::{self, World};

pub const TARGET_KEPT: f64 = 0.95;
pub const TARGET_TIGHTNESS: f64 = 1.5;

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub seed: u64,
    pub days: u32,
    pub start: String,
    pub tz: &'static str,
    pub quantile: f64,
    pub ahead: &'static str,
    pub world: WorldFigures,
    pub fixed: Strategy,
    pub kindly: Strategy,
    pub periods: Vec<PeriodFigures>,
    pub targets: Targets,
}

#[derive(Clone, Debug, Serialize)]
pub struct WorldFigures {
    pub tickets: usize,
    pub angry: usize,
    /// Tickets whose customer wrote again while waiting, and the nudges in all.
    pub repeated: usize,
    pub nudges: u32,
    pub outage_tickets: usize,
    pub holiday: String,
    pub sick_agent_days: usize,
    pub planned_agent_hours: f64,
    pub worked_agent_hours: f64,
    /// Busy ÷ worked agent-hours over the whole window and on normal days
    /// (working days other than the outage day and the day after a long weekend).
    pub utilisation: f64,
    pub utilisation_normal_days: f64,
    pub still_open: usize,
    pub last_response: String,
    pub learnt_rate_per_agent_hour: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Strategy {
    pub name: &'static str,
    pub promises: usize,
    pub kept: usize,
    pub kept_share: f64,
    /// Kindly: kept counting the one honest update (fixed: same as kept).
    pub kept_with_update: usize,
    pub kept_with_update_share: f64,
    pub updates: usize,
    /// Updates to customers who then got their answer by the first promise anyway.
    pub updates_unneeded: usize,
    pub beyond_target: usize,
    pub tightness_median: f64,
    pub tightness_p90: f64,
    pub promised_wait_median_h: f64,
    pub wait_median_h: f64,
    pub wait_p90_h: f64,
    pub missed: usize,
    pub missed_by_median_h: f64,
    pub missed_by_p90_h: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct PeriodFigures {
    pub period: &'static str,
    pub tickets: usize,
    pub fixed_kept_share: f64,
    pub kindly_kept_share: f64,
    pub kindly_kept_with_update_share: f64,
    pub kindly_tightness_median: f64,
    pub wait_median_h: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Targets {
    pub kept_share: f64,
    pub tightness_median: f64,
    pub kindly_kept_met: bool,
    pub kindly_kept_with_update_met: bool,
    pub kindly_tightness_met: bool,
    pub fixed_kept_met: bool,
    pub fixed_tightness_met: bool,
}

/// Linear-interpolated quantile of unsorted values (NaN-free); 0 when empty.
pub fn quantile(values: &[f64], q: f64) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return 0.0;
    }
    let pos = q.clamp(0.0, 1.0) * (v.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    let (a, b) = (v[lo.min(v.len() - 1)], v[hi.min(v.len() - 1)]);
    a + (b - a) * (pos - lo as f64)
}

fn share(n: usize, of: usize) -> f64 {
    if of == 0 { 0.0 } else { n as f64 / of as f64 }
}

/// Four decimals: enough to read, stable to print.
fn r4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn strategy(
    name: &'static str,
    tickets: &[&Ticket],
    promise: impl Fn(&Ticket) -> i64,
    final_promise: impl Fn(&Ticket) -> i64,
) -> Strategy {
    let answered: Vec<(&Ticket, i64)> = tickets
        .iter()
        .filter_map(|t| t.responded.map(|r| (*t, r)))
        .collect();
    let kept = answered.iter().filter(|(t, r)| *r <= promise(t)).count();
    let kept_upd = answered
        .iter()
        .filter(|(t, r)| *r <= final_promise(t))
        .count();
    let ratios: Vec<f64> = answered
        .iter()
        .map(|(t, r)| (promise(t) - t.arrived) as f64 / (*r - t.arrived).max(1) as f64)
        .collect();
    let promised: Vec<f64> = tickets
        .iter()
        .map(|t| hours(t.arrived, promise(t)))
        .collect();
    let waits: Vec<f64> = answered.iter().map(|(t, r)| hours(t.arrived, *r)).collect();
    let late: Vec<f64> = answered
        .iter()
        .filter(|(t, r)| *r > promise(t))
        .map(|(t, r)| hours(promise(t), *r))
        .collect();
    Strategy {
        name,
        promises: tickets.len(),
        kept,
        kept_share: r4(share(kept, tickets.len())),
        kept_with_update: kept_upd,
        kept_with_update_share: r4(share(kept_upd, tickets.len())),
        updates: 0,
        updates_unneeded: 0,
        beyond_target: 0,
        tightness_median: r4(quantile(&ratios, 0.5)),
        tightness_p90: r4(quantile(&ratios, 0.9)),
        promised_wait_median_h: r4(quantile(&promised, 0.5)),
        wait_median_h: r4(quantile(&waits, 0.5)),
        wait_p90_h: r4(quantile(&waits, 0.9)),
        missed: late.len(),
        missed_by_median_h: r4(quantile(&late, 0.5)),
        missed_by_p90_h: r4(quantile(&late, 0.9)),
    }
}

fn fixed_of(t: &Ticket) -> i64 {
    t.fixed_promise
}
fn kindly_of(t: &Ticket) -> i64 {
    t.kindly_promise
}
fn kindly_final(t: &Ticket) -> i64 {
    t.final_promise()
}

pub fn build(world: &World, seed: u64, out: &Outcome) -> Report {
    let all: Vec<&Ticket> = out.tickets.iter().collect();
    let fixed = strategy("fixed 24 h", &all, fixed_of, fixed_of);
    let mut kindly = strategy("kindly", &all, kindly_of, kindly_final);
    kindly.updates = all.iter().filter(|t| t.update.is_some()).count();
    kindly.updates_unneeded = all
        .iter()
        .filter(|t| t.update.is_some() && t.responded.is_some_and(|r| r <= t.kindly_promise))
        .count();
    kindly.beyond_target = all.iter().filter(|t| t.beyond_target).count();

    let periods = Period::ALL
        .iter()
        .map(|p| {
            let ts: Vec<&Ticket> = all.iter().copied().filter(|t| t.period == *p).collect();
            let f = strategy("", &ts, fixed_of, fixed_of);
            let k = strategy("", &ts, kindly_of, kindly_final);
            PeriodFigures {
                period: p.as_str(),
                tickets: ts.len(),
                fixed_kept_share: f.kept_share,
                kindly_kept_share: k.kept_share,
                kindly_kept_with_update_share: k.kept_with_update_share,
                kindly_tightness_median: k.tightness_median,
                wait_median_h: k.wait_median_h,
            }
        })
        .collect();

    let planned: f64 = out.days.values().map(|d| d.planned_agent_hours).sum();
    let worked: f64 = out.days.values().map(|d| d.worked_agent_hours).sum();
    let busy: f64 = out.days.values().map(|d| d.busy_hours).sum();
    // Normal days: working days that are not the outage day and do not follow a day off.
    let mut normal = (0.0, 0.0);
    let mut prev_working = false;
    for (date, d) in &out.days {
        let working = world.hours.hours_of(*date).is_some();
        if working && prev_working && *date != world::OUTAGE_DAY {
            normal.0 += d.busy_hours;
            normal.1 += d.worked_agent_hours;
        }
        prev_working = working;
    }
    let sick = out.days.values().map(|d| d.sick.len()).sum();
    let targets = Targets {
        kept_share: TARGET_KEPT,
        tightness_median: TARGET_TIGHTNESS,
        kindly_kept_met: kindly.kept_share >= TARGET_KEPT,
        kindly_kept_with_update_met: kindly.kept_with_update_share >= TARGET_KEPT,
        kindly_tightness_met: kindly.tightness_median <= TARGET_TIGHTNESS,
        fixed_kept_met: fixed.kept_share >= TARGET_KEPT,
        fixed_tightness_met: fixed.tightness_median <= TARGET_TIGHTNESS,
    };
    let holiday_in = out.days.contains_key(&world::HOLIDAY);
    Report {
        seed,
        days: world.days,
        start: world.start.to_string(),
        tz: world::TZ_NAME,
        quantile: world.model.quantile,
        ahead: if world.model.ahead_all {
            "all waiting tickets"
        } else {
            "waiting tickets of equal or higher priority"
        },
        world: WorldFigures {
            tickets: all.len(),
            angry: all.iter().filter(|t| t.angry).count(),
            repeated: all.iter().filter(|t| t.repeats > 0).count(),
            nudges: out.nudges,
            outage_tickets: all.iter().filter(|t| t.period == Period::Outage).count(),
            holiday: if holiday_in {
                world::HOLIDAY.to_string()
            } else {
                "none in the window".into()
            },
            sick_agent_days: sick,
            planned_agent_hours: r4(planned),
            worked_agent_hours: r4(worked),
            utilisation: r4(share_f(busy, worked)),
            utilisation_normal_days: r4(share_f(normal.0, normal.1)),
            still_open: all.iter().filter(|t| t.responded.is_none()).count(),
            last_response: crate::world::ts(out.ended)
                .to_zoned(world.hours.tz.clone())
                .strftime("%Y-%m-%d %H:%M %Z")
                .to_string(),
            learnt_rate_per_agent_hour: r4(out.final_rate),
        },
        fixed,
        kindly,
        periods,
        targets,
    }
}

fn share_f(a: f64, b: f64) -> f64 {
    if b <= 0.0 { 0.0 } else { a / b }
}

fn pct(x: f64) -> String {
    format!("{:.1} %", 100.0 * x)
}

fn verdict(ok: bool) -> &'static str {
    if ok { "met" } else { "MISSED" }
}

/// The plain table.
pub fn table(r: &Report) -> String {
    let w = &r.world;
    let (f, k) = (&r.fixed, &r.kindly);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "kindly-sim: seed {}, {} days from {} ({}), Kindly quantile {}, ahead = {}",
        r.seed, r.days, r.start, r.tz, r.quantile, r.ahead
    );
    let _ = writeln!(
        s,
        "world: {} tickets ({} angry, {} repeated with {} nudges, {} in the outage), holiday {}",
        w.tickets, w.angry, w.repeated, w.nudges, w.outage_tickets, w.holiday
    );
    let _ = writeln!(
        s,
        "team:  {:.0} agent-hours planned, {:.0} worked ({} sick agent-days); utilisation {} overall, {} on normal days",
        w.planned_agent_hours,
        w.worked_agent_hours,
        w.sick_agent_days,
        pct(w.utilisation),
        pct(w.utilisation_normal_days)
    );
    let _ = writeln!(
        s,
        "       learnt rate {:.2} answers per agent-hour at the last arrival; last answer {}; {} still open",
        w.learnt_rate_per_agent_hour, w.last_response, w.still_open
    );
    let _ = writeln!(s);
    let row = |s: &mut String, name: &str, a: String, b: String, t: &str| {
        let line = format!("{name:<34} {a:>12} {b:>12}   {t}");
        let _ = writeln!(s, "{}", line.trim_end());
    };
    row(&mut s, "", "fixed 24 h".into(), "kindly".into(), "target");
    row(
        &mut s,
        "promises made",
        f.promises.to_string(),
        k.promises.to_string(),
        "",
    );
    row(
        &mut s,
        "kept, as first stated",
        pct(f.kept_share),
        pct(k.kept_share),
        ">= 95 %",
    );
    row(
        &mut s,
        "kept, counting the honest update",
        "-".into(),
        pct(k.kept_with_update_share),
        ">= 95 %",
    );
    row(
        &mut s,
        "honest updates sent",
        "-".into(),
        k.updates.to_string(),
        "",
    );
    row(
        &mut s,
        "  of them kept the first promise",
        "-".into(),
        k.updates_unneeded.to_string(),
        "",
    );
    row(
        &mut s,
        "promises beyond 24 h (lead alerted)",
        "-".into(),
        k.beyond_target.to_string(),
        "",
    );
    row(
        &mut s,
        "tightness median (stated/actual)",
        format!("{:.2}", f.tightness_median),
        format!("{:.2}", k.tightness_median),
        "<= 1.5",
    );
    row(
        &mut s,
        "tightness p90",
        format!("{:.2}", f.tightness_p90),
        format!("{:.2}", k.tightness_p90),
        "",
    );
    row(
        &mut s,
        "promised wait median (h)",
        format!("{:.2}", f.promised_wait_median_h),
        format!("{:.2}", k.promised_wait_median_h),
        "",
    );
    row(
        &mut s,
        "actual wait median (h)",
        format!("{:.2}", f.wait_median_h),
        format!("{:.2}", k.wait_median_h),
        "",
    );
    row(
        &mut s,
        "actual wait p90 (h)",
        format!("{:.2}", f.wait_p90_h),
        format!("{:.2}", k.wait_p90_h),
        "",
    );
    row(
        &mut s,
        "missed (as first stated)",
        f.missed.to_string(),
        k.missed.to_string(),
        "",
    );
    row(
        &mut s,
        "missed by, median (h)",
        format!("{:.2}", f.missed_by_median_h),
        format!("{:.2}", k.missed_by_median_h),
        "",
    );
    row(
        &mut s,
        "missed by, p90 (h)",
        format!("{:.2}", f.missed_by_p90_h),
        format!("{:.2}", k.missed_by_p90_h),
        "",
    );
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "{:<22} {:>7} {:>11} {:>11} {:>10} {:>12} {:>10}",
        "kept by arrival time",
        "tickets",
        "fixed kept",
        "kindly kept",
        "+ update",
        "kindly tight",
        "wait med h"
    );
    for p in &r.periods {
        let _ = writeln!(
            s,
            "{:<22} {:>7} {:>11} {:>11} {:>10} {:>12.2} {:>10.2}",
            p.period,
            p.tickets,
            pct(p.fixed_kept_share),
            pct(p.kindly_kept_share),
            pct(p.kindly_kept_with_update_share),
            p.kindly_tightness_median,
            p.wait_median_h
        );
    }
    let t = &r.targets;
    let _ = writeln!(s);
    let _ = writeln!(
        s,
        "targets: kindly kept as stated {}, kept with update {}, tightness {}; fixed kept {}, tightness {}",
        verdict(t.kindly_kept_met),
        verdict(t.kindly_kept_with_update_met),
        verdict(t.kindly_tightness_met),
        verdict(t.fixed_kept_met),
        verdict(t.fixed_tightness_met)
    );
    s
}

/// Per-day lines (`--daily`).
pub fn daily(out: &Outcome) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<10} {:>3} {:>8} {:>9} {:>8} {:>8} {:>6} {:>11}  sick",
        "date", "day", "arrivals", "answers", "planned", "worked", "util", "open 17:00"
    );
    for (date, d) in &out.days {
        let util = if d.worked_agent_hours > 0.0 {
            format!("{:.0}%", 100.0 * d.busy_hours / d.worked_agent_hours)
        } else {
            "-".into()
        };
        let _ = writeln!(
            s,
            "{:<10} {:>3} {:>8} {:>9} {:>8.0} {:>8.0} {:>6} {:>11}  {}",
            date.to_string(),
            &format!("{:?}", date.weekday())[..3],
            d.arrivals,
            d.responses,
            d.planned_agent_hours,
            d.worked_agent_hours,
            util,
            d.waiting_at_close
                .map_or_else(|| "-".to_string(), |n| n.to_string()),
            d.sick.join(", ")
        );
    }
    s
}
