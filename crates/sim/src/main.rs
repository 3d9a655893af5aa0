//! `kindly-sim [--seed N] [--days N] [--json] [--daily] [--quantile Q] [--ahead-all] [--overtaking]`: one
//! simulated support month, two promise strategies judged on the same history.
//!
//! # The world (fixed before any strategy was run; constants in `world.rs`)
//!
//! - **Calendar**: 28 days from Monday 2 March 2026 to Sunday 29 March 2026
//!   (the spring-forward to UTC+3 happens that Sunday, so the last promises
//!   cross it), team in Europe/Tallinn, open Mon–Fri 09:00–17:00. Holiday:
//!   Friday 20 March (Estonia has no public holiday in March, so this is a
//!   company holiday: a long weekend with a Monday behind it).
//! - **Arrivals**: non-homogeneous Poisson, constant within each wall-clock
//!   hour: 1.75/h × hour weight × day weight. Hour weights (local): 00–07 0.3,
//!   07–09 1.0, 09–17 2.0, 17–22 1.0, 22–24 0.5 (26.1 per day). Day weights:
//!   Mon 1.4, Tue 1.1, Wed 1.0, Thu 1.0, Fri 0.9, Sat 0.4, Sun 0.4. Expected:
//!   64 tickets on a Monday, 46 on a Wednesday, 18 on a Saturday, ≈ 283 a week.
//!   Outage: Wednesday 11 March 13:00–17:00, arrivals × 5 (≈ 56 extra tickets).
//!   The holiday does not change arrivals (customers do not know it).
//! - **Tickets**: 10 % angry (priority high). A waiting customer writes again
//!   after an exponential time with mean 18 h (wall clock), and again after
//!   another 18 h: each repeat raises the priority (`Priority::for_ticket`:
//!   normal → high → urgent; angry starts at high). Customers ignore the
//!   promise, so the history is the same for both strategies.
//! - **Team**: five agents. Mon–Thu 2 agents 09–13 and 3 agents 13–17,
//!   Friday 2 agents 09–13 and 1 agent 13–17: 20 agent-hours on Mon–Thu, 12 on
//!   Friday, 92 a week. Each agent-workday is lost to sickness with chance
//!   4 % (drawn from the seed, never told to the promise model). A first
//!   response takes an exponential time with mean 15 min (4 per agent-hour,
//!   368 a week planned), started only on shift (an answer started before the
//!   shift ends is finished). Agents take the waiting ticket with the highest
//!   priority, oldest first. Agents do nothing but first responses. Planned
//!   load ≈ 283 × 0.25 / 92 ≈ 77 % (plus sick days, the outage and the holiday).
//! - **After the month** no more tickets arrive; the team works on (same
//!   roster, same sick chance) until every ticket has its first response, at
//!   most 60 days.
//!
//! # The strategies, computed at every arrival
//!
//! 1. **fixed**: arrival + 24 h of wall clock ("we'll get back to you within
//!    24 hours").
//! 2. **kindly**: `first_response_eta(now, ahead, hours, capacity, 0.9, 24 h)`
//!    with `ahead` = tickets without a first response whose priority is ≥ the
//!    new one's, and `capacity` = the planned shifts with `per_agent_hour` =
//!    `blend_rate(answers in the last 28 days, agent_hours of the planned
//!    shifts over those days, default 4.0, prior 8 h)`; the history starts
//!    with the simulation. Promise tracking: every 15 minutes a watcher looks
//!    at waiting tickets whose promise is less than 2 h away and which got no
//!    update yet; when a fresh estimate (same model, `ahead` = tickets ahead in
//!    the agents' order) is later than the promise, the customer gets one
//!    honest update with the new time.
//! 3. **kindly --overtaking** (an experiment, not yet what the app does):
//!    `first_response_eta_overtaken`, which also expects tickets to overtake
//!    a quietly waiting one at the rates measured from the last 28 days (how
//!    many more answers went out during a never-escalated ticket's wait than
//!    were ahead of it, per hour waited; and how often waiting customers write
//!    again).
//!
//! # The figures
//!
//! Kept: first response ≤ promise (Kindly: as first stated, and counting the
//! one update). Tightness: promised wait ÷ actual wait per answered ticket,
//! median and p90, always against the first stated promise. Missed by: hours
//! late among the missed. Utilisation: agent-hours spent answering ÷
//! agent-hours worked (a day can pass 100 %: answers begun before the end of
//! a shift are finished after it); "normal days" leaves out the outage day
//! and every working day after a day off. `bench/promises.sh` prints seeds
//! 1–3 side by side.
//!
//! Same seed, same output, byte for byte.

use std::process::ExitCode;

use clap::Parser;

/// Kindly's promises against "within 24 hours" on a simulated support month.
#[derive(Parser, Debug)]
#[command(name = "kindly-sim", version, about)]
struct Args {
    /// Seed of the world (arrivals, tickets, sick days): the same seed gives the same output.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Days of arrivals from Monday 2 March 2026 (the team then works the queue down).
    #[arg(long, default_value_t = kindly_sim::world::DEFAULT_DAYS,
          value_parser = clap::value_parser!(u32).range(1..=366))]
    days: u32,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Also print one line per simulated day (arrivals, answers, utilisation, sick agents).
    #[arg(long)]
    daily: bool,
    /// The quantile Kindly promises (0.9 as configured; change it only to see the trade-off).
    #[arg(long, default_value_t = kindly_sim::world::QUANTILE)]
    quantile: f64,
    /// Count every waiting ticket as ahead of a new one, whatever its priority
    /// (default: equal or higher priority only; this shows the trade-off).
    #[arg(long)]
    ahead_all: bool,
    /// Expect tickets to overtake a waiting one, at the rates measured from
    /// the simulated history (higher-priority newcomers, escalations).
    #[arg(long)]
    overtaking: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if !(0.5..=0.999).contains(&args.quantile) {
        eprintln!("kindly-sim: --quantile must lie in 0.5..=0.999");
        return ExitCode::from(64);
    }
    let (_, outcome, report) = match kindly_sim::simulate(
        args.seed,
        args.days,
        kindly_sim::world::Model {
            quantile: args.quantile,
            ahead_all: args.ahead_all,
            overtaking: args.overtaking,
        },
    ) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("kindly-sim: {e}");
            return ExitCode::from(70);
        }
    };
    if args.json {
        match serde_json::to_string_pretty(&report) {
            Ok(j) => println!("{j}"),
            Err(e) => {
                eprintln!("kindly-sim: {e}");
                return ExitCode::from(70);
            }
        }
    } else {
        print!("{}", kindly_sim::report::table(&report));
        if args.daily {
            println!();
            print!("{}", kindly_sim::report::daily(&outcome));
        }
    }
    ExitCode::SUCCESS
}
